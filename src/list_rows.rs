//! `sop list`'s table when nothing is filtered, kept ready in cache files of sop's own (never
//! committed). For a terminal (or in colour), the rows (`.git/sop-cache-list.tsv`): each
//! row's cells as the table shows them, in the order it shows them. A listing with nothing
//! changed since then reads those instead of decoding 100,000 summaries, sorting them and
//! working out each request's due time again.
//!
//! Each file is stamped with the tree of HEAD's whole records folder — records and rules
//! alike, so any commit that could change a row is a new stamp — with the language of the run
//! (the cells hold translated words) and with the sop that wrote it. Only whether a row is
//! overdue depends on the time of the run: a row keeps the time from which it is (its step's
//! due time, or the procedure's service time while it runs), and the mark is added when read.
//! A file that is missing, damaged or stamped otherwise is not used, and the next full
//! listing writes it anew; deleting it changes no output.
//!
//! What a pipe gets, the plain table, is kept laid out (`.git/sop-cache-list.txt`, stamped
//! the same way): its lines as printed but for the overdue marks, each with the time its row
//! is overdue from and how its end reads then. The due time is the last column, which a plain
//! table never pads, so a mark changes nothing but the end of its own line: printing is
//! copying the lines and marking the overdue ones. Every plain listing is printed this way,
//! kept or not.

use std::borrow::Cow;
use std::io::Write;

use anyhow::Result;

use crate::git::{write_cache, CacheWriter, Git};
use crate::tree_cache::{counted_lines, end_line, escape, unescape};

const CACHE: &str = "sop-cache-list.tsv";
const PLAIN: &str = "sop-cache-list.txt";

/// The first words of each file: its format.
const MAGIC: &str = concat!("sop-list-rows 1 ", env!("CARGO_PKG_VERSION"), " ");
const PLAIN_MAGIC: &str = concat!("sop-list-plain 1 ", env!("CARGO_PKG_VERSION"), " ");

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
    read_stamped(git, CACHE, &stamped(git, MAGIC)?)
}

/// The text of cache file `name` when it starts with `stamp`; its first bytes are read first,
/// so that a file kept for another HEAD (after every change) is not read whole.
fn read_stamped(git: &Git, name: &str, stamp: &str) -> Option<String> {
    use std::io::Read;
    let mut file = std::fs::File::open(git.private_file(name)).ok()?;
    let mut text = vec![0; stamp.len()];
    file.read_exact(&mut text).ok()?;
    if text != stamp.as_bytes() {
        return None;
    }
    file.read_to_end(&mut text).ok()?;
    String::from_utf8(text).ok()
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
    let Some(stamp) = stamped(git, MAGIC) else {
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

/// Forgets the rows and the plain table kept (a listing with files it could not read keeps
/// none: it must say so at every run).
pub fn forget(git: &Git) {
    for name in [CACHE, PLAIN] {
        let _ = std::fs::remove_file(git.private_file(name));
    }
}

/// The first line of a file of format `magic` for HEAD as it is now; None without a HEAD.
fn stamped(git: &Git, magic: &str) -> Option<String> {
    let tree = git.head_records_tree().ok()??;
    let lang = crate::i18n::lang();
    Some(format!("{magic}{lang:?} {tree}\n"))
}

/// A plain table kept: a line for the header, then one a row, each `from TAB cut TAB marked
/// TAB line` — the line as laid out with no mark, from when the row is overdue (`-` never),
/// and that then the line's last `cut` bytes read `marked` — and `end N` (N lines).
pub struct PlainTable {
    text: String,
    /// Where the lines start in `text` (after the stamp).
    start: usize,
}

impl PlainTable {
    /// Prints the table as it reads at `now` (nanoseconds since 1970). Gives how many rows it
    /// has; None, having printed nothing, when a line does not read (a damaged cache).
    pub fn print(&self, now: i64, out: &mut dyn Write) -> Result<Option<usize>> {
        let Some(lines) = self.lines() else {
            return Ok(None);
        };
        for line in &lines {
            line.print(now, out)?;
        }
        Ok(Some(lines.len().saturating_sub(1)))
    }

    /// Its lines, when every one reads and the count at the end is theirs.
    fn lines(&self) -> Option<Vec<Line<'_>>> {
        let lines = counted_lines(&self.text.as_bytes()[self.start..])?;
        // Cut at line breaks, `lines` is still text.
        let lines = std::str::from_utf8(lines).ok()?;
        lines.lines().map(Line::read).collect()
    }
}

/// A line of a `PlainTable`.
struct Line<'t> {
    /// From when the row is overdue, in nanoseconds since 1970.
    from: Option<i64>,
    /// The line, and how it ends when overdue: its first `kept` bytes, then `marked`.
    line: &'t str,
    kept: usize,
    marked: &'t str,
}

impl<'t> Line<'t> {
    fn read(text: &'t str) -> Option<Line<'t>> {
        let mut parts = text.splitn(4, '\t');
        let (from, cut, marked) = (parts.next()?, parts.next()?, parts.next()?);
        let line = parts.next()?;
        let from = match from {
            "-" => None,
            from => Some(from.parse().ok()?),
        };
        let kept = line.len().checked_sub(cut.parse().ok()?)?;
        line.is_char_boundary(kept).then_some(Line {
            from,
            line,
            kept,
            marked,
        })
    }

    fn print(&self, now: i64, out: &mut dyn Write) -> std::io::Result<()> {
        match self.from.is_some_and(|from| from < now) {
            true => {
                out.write_all(&self.line.as_bytes()[..self.kept])?;
                out.write_all(self.marked.as_bytes())?;
            }
            false => out.write_all(self.line.as_bytes())?,
        }
        out.write_all(b"\n")
    }
}

/// Prints a plain table of `rows` as it is laid out (written to it by `Table::write_to`, with
/// no due time marked), as a kept one is printed, and keeps it when asked (`finish`).
pub struct PlainPrinter<'r, 'a, 'o> {
    rows: std::slice::Iter<'r, Row<'a>>,
    now: i64,
    out: &'o mut dyn Write,
    keep: Option<(CacheWriter, &'r Git)>,
    /// What was written of the line not ended yet.
    laid: Vec<u8>,
    /// The line kept for the last line laid.
    line: String,
    count: usize,
}

impl<'r, 'a, 'o> PlainPrinter<'r, 'a, 'o> {
    /// A printer of the table of `rows` at `now`, keeping it for HEAD as it is now when `keep`.
    pub fn new(
        rows: &'r [Row<'a>],
        now: i64,
        out: &'o mut dyn Write,
        keep: Option<&'r Git>,
    ) -> PlainPrinter<'r, 'a, 'o> {
        // A cache is only worth speed: one that cannot be written is written by the next
        // listing.
        let keep = keep.and_then(|git| {
            let stamp = stamped(git, PLAIN_MAGIC)?;
            let mut file = CacheWriter::create(&git.private_file(PLAIN)).ok()?;
            file.write_all(stamp.as_bytes()).ok()?;
            Some((file, git))
        });
        PlainPrinter {
            rows: rows.iter(),
            now,
            out,
            keep,
            laid: Vec::new(),
            line: String::new(),
            count: 0,
        }
    }

    /// How many rows were printed; the table kept, when asked.
    pub fn finish(mut self) -> Result<usize> {
        let rows = self.count.saturating_sub(1);
        if !self.laid.is_empty() || self.rows.next().is_some() {
            anyhow::bail!("a plain table of {} lines", self.count);
        }
        if let Some((mut file, _)) = self.keep.take() {
            let _ = file
                .write_all(end_line(self.count).as_bytes())
                .map_err(anyhow::Error::from)
                .and_then(|()| file.finish());
        }
        Ok(rows)
    }

    /// Prints line `laid`, the header's or the next row's, and keeps it.
    fn add(&mut self, laid: &str) -> std::io::Result<()> {
        let row = match self.count {
            0 => None,
            _ => self.rows.next(),
        };
        let from = row.and_then(|r| r.overdue_from);
        let (cut, marked) = match (row, from) {
            (Some(row), Some(_)) => {
                let due = &row.cells[CELLS - 1];
                let marked = crate::output::plain_cell(&format!("{due} !")).into_owned();
                (crate::output::plain_cell(due).len(), marked)
            }
            _ => (0, String::new()),
        };
        let from = from.map_or("-".to_string(), |t| t.to_string());
        self.line.clear();
        self.line.extend([
            &*from,
            "\t",
            &cut.to_string(),
            "\t",
            &marked,
            "\t",
            laid,
            "\n",
        ]);
        self.count += 1;
        if let Some((file, _)) = &mut self.keep {
            if file.write_all(self.line.as_bytes()).is_err() {
                self.keep = None;
            }
        }
        let line = Line::read(self.line.trim_end_matches('\n'));
        line.ok_or_else(|| std::io::Error::other("a plain table line that does not read"))?
            .print(self.now, self.out)
    }
}

impl Write for PlainPrinter<'_, '_, '_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let mut rest = bytes;
        while let Some(at) = memchr::memchr(b'\n', rest) {
            self.laid.extend_from_slice(&rest[..at]);
            let laid =
                String::from_utf8(std::mem::take(&mut self.laid)).map_err(std::io::Error::other)?;
            self.add(&laid)?;
            self.laid = laid.into_bytes();
            self.laid.clear();
            rest = &rest[at + 1..];
        }
        self.laid.extend_from_slice(rest);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The plain table kept for HEAD as it is now, in the language of this run; None when there
/// is none that fits.
pub fn read_plain(git: &Git) -> Option<PlainTable> {
    let stamp = stamped(git, PLAIN_MAGIC)?;
    Some(PlainTable {
        text: read_stamped(git, PLAIN, &stamp)?,
        start: stamp.len(),
    })
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
