//! The rows of `sop list`'s table when nothing is filtered, kept ready in a cache file of
//! sop's own (`.git/sop-cache-list.tsv`, never committed): each row's cells as the table shows
//! them, in the order it shows them. A listing with nothing changed since then reads those
//! instead of decoding 100,000 summaries, sorting them and working out each request's due
//! time again.
//!
//! The file is stamped with the tree of HEAD's whole records folder — records and rules
//! alike, so any commit that could change a row is a new stamp — with the language of the run
//! (the cells hold translated words) and with the sop that wrote it. Only whether a row is
//! overdue depends on the time of the run: a row keeps the time from which it is (its step's
//! due time, or the procedure's service time while it runs), and the mark is added when read.
//! A file that is missing, damaged or stamped otherwise is not used, and the next full
//! listing writes it anew; deleting it changes no output.

use std::borrow::Cow;

use crate::git::{write_cache, Git};
use crate::tree_cache::{counted_lines, end_line, escape, unescape};

const CACHE: &str = "sop-cache-list.tsv";

/// The first word of the file and its format.
const MAGIC: &str = concat!("sop-list-rows 1 ", env!("CARGO_PKG_VERSION"), " ");

/// How many cells a row of the table has: id, procedure, title, status, step, role,
/// assignee, created, due.
pub const CELLS: usize = 9;

/// A row of `sop list`'s table: its cells (the due time without the mark of an overdue
/// request), its status (not translated: what colours it) and from when it is overdue, in
/// nanoseconds since 1970.
pub struct Row<'a> {
    pub cells: [Cow<'a, str>; CELLS],
    pub status: Cow<'a, str>,
    pub overdue_from: Option<i64>,
}

/// The rows kept for HEAD as it is now, in the language of this run: the file's text, to be
/// read by `rows`; None when there is none that fits.
pub fn read(git: &Git) -> Option<String> {
    let text = std::fs::read_to_string(git.private_file(CACHE)).ok()?;
    text.starts_with(&stamp(git)?).then_some(text)
}

/// The rows of a text `read` gave, in order; None when the text is cut short or a line does
/// not read (a damaged cache). Read on one core: on two, 100,000 rows took 15 % more CPU for
/// the same wall time (21 interleaved pairs).
pub fn rows(text: &str) -> Option<Vec<Row<'_>>> {
    let (_, body) = text.split_once('\n')?;
    let lines = counted_lines(body.as_bytes())?;
    // Cut at line breaks, `lines` is still text.
    let lines = std::str::from_utf8(lines).ok()?;
    lines.lines().map(row).collect()
}

/// Keeps `rows` for HEAD as it is now. A cache is only worth speed: one that cannot be written
/// is written by the next listing.
pub fn write(git: &Git, rows: &[Row]) {
    let Some(stamp) = stamp(git) else {
        return;
    };
    let mut text = stamp;
    for r in rows {
        let from = r.overdue_from.map_or("-".to_string(), |t| t.to_string());
        text.push_str(&escape(&r.status));
        text.push('\t');
        text.push_str(&from);
        for cell in &r.cells {
            text.push('\t');
            text.push_str(&escape(cell));
        }
        text.push('\n');
    }
    text.push_str(&end_line(rows.len()));
    let _ = write_cache(&git.private_file(CACHE), text.as_bytes());
}

/// Forgets the rows kept (a listing with files it could not read keeps none: it must say so
/// at every run).
pub fn forget(git: &Git) {
    let _ = std::fs::remove_file(git.private_file(CACHE));
}

/// The first line of the file for HEAD as it is now; None without a HEAD.
fn stamp(git: &Git) -> Option<String> {
    let tree = git.head_records_tree().ok()??;
    let lang = crate::i18n::lang();
    Some(format!("{MAGIC}{lang:?} {tree}\n"))
}

/// A row of the file: `status TAB overdue-from TAB cell…`, each escaped.
fn row(line: &str) -> Option<Row<'_>> {
    let mut start = 0;
    let mut tabs = memchr::memchr_iter(b'\t', line.as_bytes()).chain([line.len()]);
    let mut parts = std::iter::from_fn(|| {
        let end = tabs.next()?;
        let part = &line[start..end];
        start = end + 1;
        Some(part)
    });
    let status = unescape(parts.next()?);
    let overdue_from = match parts.next()? {
        "-" => None,
        t => Some(t.parse().ok()?),
    };
    let mut cells: [Cow<str>; CELLS] = Default::default();
    for cell in &mut cells {
        *cell = unescape(parts.next()?);
    }
    parts.next().is_none().then_some(Row {
        cells,
        status,
        overdue_from,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows written are read back as they were, odd cells included; a text cut short or with
    /// a line of the wrong shape is not read.
    #[test]
    fn rows_round_trip_and_damage_is_seen() {
        let cells = |title: &'static str| -> [Cow<str>; CELLS] {
            [
                "EML-1",
                "email",
                title,
                "open",
                "s1",
                "r",
                "",
                "2026-11-23 09:05",
                "",
            ]
            .map(Cow::Borrowed)
        };
        let written = [
            Row {
                cells: cells("a\ttab\nand a line\\"),
                status: "open".into(),
                overdue_from: Some(-5),
            },
            Row {
                cells: cells("plain"),
                status: "completed".into(),
                overdue_from: None,
            },
        ];
        let mut text = String::from("stamp\n");
        for r in &written {
            let cells: Vec<String> = r.cells.iter().map(|c| escape(c).into_owned()).collect();
            let from = r.overdue_from.map_or("-".into(), |t| t.to_string());
            text += &format!("{}\t{from}\t{}\n", r.status, cells.join("\t"));
        }
        text += "end 2\n";
        let read = rows(&text).expect("whole");
        assert_eq!(read.len(), 2);
        assert_eq!(read[0].cells[2], "a\ttab\nand a line\\");
        assert_eq!(read[0].overdue_from, Some(-5));
        assert_eq!(read[1].status, "completed");
        assert_eq!(read[1].overdue_from, None);
        assert!(rows(&text.replace("end 2", "end 3")).is_none());
        assert!(rows(&text[..text.len() - 1]).is_none());
        assert!(rows(&text.replacen("\tplain", "", 1)).is_none());
        assert_eq!(rows("stamp\nend 0\n").map(|r| r.len()), Some(0));
    }
}
