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
//!
//! After a commit that changed only request files, the plain table kept for the tree before
//! it is patched rather than laid out anew (`PlainTable::patched`): each line keeps where its
//! row goes (`Place`) and the table its columns' widths (`PlainWidths`), so the lines of the
//! requests that changed are taken out and laid out again in their places, the others copied.

use std::borrow::Cow;
use std::io::Write;

use anyhow::Result;

use crate::git::{write_cache, CacheWriter, Git};
use crate::output::PlainWidths;
use crate::tree_cache::{counted_lines, end_line, escape, unescape};

const CACHE: &str = "sop-cache-list.tsv";
const PLAIN: &str = "sop-cache-list.txt";

/// The first words of each file: its format.
const MAGIC: &str = concat!("sop-list-rows 1 ", env!("CARGO_PKG_VERSION"), " ");
const PLAIN_MAGIC: &str = concat!("sop-list-plain 2 ", env!("CARGO_PKG_VERSION"), " ");

/// How many cells a row of the table has: id, procedure, title, status, step, role,
/// assignee, created, due.
pub const CELLS: usize = 9;

/// A row of `sop list`'s table: its cells (the due time without the mark of an overdue
/// request), its status (not translated: what colours it) and from when it is overdue, in
/// nanoseconds since 1970.
pub struct Row<'a> {
    pub cells: [Cow<'a, str>; CELLS],
    /// When the request was made (seconds and nanoseconds since 1970), which places the row
    /// in the table (`Place`); None when not known (rows read from the cache).
    pub created: Option<(i64, u32)>,
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
    Some(format!("{}{tree}\n", stamp_prefix(magic)))
}

/// The first line of a file of format `magic` in the language of this run, up to its tree.
fn stamp_prefix(magic: &str) -> String {
    let lang = crate::i18n::lang();
    format!("{magic}{lang:?} ")
}

/// A plain table kept (`.git/sop-cache-list.txt`): its stamp; the widths of its columns
/// (`PlainWidths`: `width/lines` a column but the last, tab-separated); a line for the header,
/// then one a row, each `created TAB id TAB from TAB cut TAB marked TAB line` — where the row
/// goes (`Place`; `-` for the header), the line as laid out with no mark, from when the row is
/// overdue (`-` never), and that then the line's last `cut` bytes read `marked` — and `end N`
/// (N lines).
pub struct PlainTable {
    text: String,
    /// The tree it was kept for: HEAD's records folder then.
    tree: String,
    widths: PlainWidths,
    /// Where the lines start in `text` (after the stamp and the widths).
    start: usize,
}

impl PlainTable {
    /// Whether it was kept for records tree `tree`.
    pub fn is_for(&self, tree: &str) -> bool {
        self.tree == tree
    }

    /// The tree it was kept for.
    pub fn tree(&self) -> &str {
        &self.tree
    }

    /// Prints the table as it reads at `now` (nanoseconds since 1970). Gives how many rows it
    /// has; None, having printed nothing, when a line does not read (a damaged cache).
    pub fn print(&self, now: i64, out: &mut dyn Write) -> Result<Option<usize>> {
        let Some((body, count)) = self.body() else {
            return Ok(None);
        };
        print_lines([body], count, now, out)
    }

    /// The table with the rows at `gone` taken out and `rows` put in their places, laid out
    /// with the widths kept, stamped `stamp` (`stamp_for`): the other lines are copied as they
    /// are. None when that is not the table laid out anew — a column would be wider, or lose
    /// the last line as wide as it (so would be narrower) — or when a place in `gone` is not
    /// the table's, a row's place is taken or unknown, or the table is damaged.
    pub fn patched<'t>(
        &'t self,
        stamp: String,
        gone: &[Place],
        rows: &[Row],
    ) -> Option<Patched<'t>> {
        let (body, count) = self.body()?;
        // Where each line starts in `body`, and its end.
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', body.as_bytes()).map(|at| at + 1));
        if count == 0 || starts.len() - 1 != count || !body.ends_with('\n') {
            return None;
        }
        let line = |i: usize| &body[starts[i]..starts[i + 1]];
        let place = |i: usize| Place::read(line(i));
        // The header is line 0; the rows follow in their order.
        let find = |p: &Place| -> Option<usize> {
            let mut low = 1;
            let mut high = count;
            while low < high {
                let mid = (low + high) / 2;
                match place(mid)?.cmp(p) {
                    std::cmp::Ordering::Less => low = mid + 1,
                    _ => high = mid,
                }
            }
            Some(low)
        };
        let mut widths = self.widths.clone();
        let mut out: Vec<usize> = Vec::with_capacity(gone.len());
        for p in gone {
            let at = find(p)?;
            if at == count || place(at)? != *p {
                return None;
            }
            widths.take_out(Line::read(line(at))?.laid())?;
            out.push(at);
        }
        out.sort_unstable();
        if out.windows(2).any(|w| w[0] == w[1]) {
            return None;
        }
        let mut put: Vec<(usize, Place, String)> = Vec::with_capacity(rows.len());
        let mut laid = String::new();
        for row in rows {
            let p = Place::of(row)?;
            let at = find(&p)?;
            // A row whose place a line still holds (not taken out) is a second row there.
            if at < count && place(at)? == p && out.binary_search(&at).is_err() {
                return None;
            }
            laid.clear();
            widths.put_in(&row.cells, &mut laid)?;
            let mut kept = String::new();
            keep_line(&mut kept, Some(row), &laid);
            put.push((at, p, kept));
        }
        if !widths.unchanged() {
            return None;
        }
        put.sort_by(|a, b| a.1.cmp(&b.1));
        if put.windows(2).any(|w| w[0].1 == w[1].1) {
            return None;
        }
        // The new text in pieces: runs of the lines kept as they are, and the new lines.
        let mut pieces = vec![Cow::Owned(stamp), Cow::Owned(widths_line(&widths))];
        let lines = count - out.len() + put.len();
        let mut out = out.into_iter().peekable();
        let mut from = 0;
        // The lines before `to` but those taken out, as runs.
        let mut copy = |pieces: &mut Vec<Cow<'t, str>>, to: usize| {
            while let Some(gone) = out.next_if(|&at| at < to) {
                pieces.push(Cow::Borrowed(&body[starts[from]..starts[gone]]));
                from = gone + 1;
            }
            pieces.push(Cow::Borrowed(&body[starts[from]..starts[to.max(from)]]));
            from = to.max(from);
        };
        for (at, _, kept) in put {
            copy(&mut pieces, at);
            pieces.push(Cow::Owned(kept));
        }
        copy(&mut pieces, count);
        pieces.push(Cow::Owned(end_line(lines)));
        pieces.retain(|p| !p.is_empty());
        Some(Patched { pieces, lines })
    }

    /// Its lines after the stamp and the widths, and how many there are said to be (their
    /// last line, `end N`): the reader counts them as it reads them (`counted_lines` would
    /// read them twice).
    fn body(&self) -> Option<(&str, usize)> {
        let body = self.text[self.start..].strip_suffix('\n')?;
        let at = body.rfind('\n').map_or(0, |at| at + 1);
        let count = body[at..].strip_prefix("end ")?.parse().ok()?;
        Some((&body[..at], count))
    }

    /// The table kept in `text` (the file's whole text), whatever its tree; None when its
    /// stamp is not `prefix` (`stamp_prefix`) and a tree, or its widths do not read.
    fn from_text(text: String, prefix: &str) -> Option<PlainTable> {
        let rest = text.strip_prefix(prefix)?;
        let (tree, rest) = rest.split_once('\n')?;
        let (line, _) = rest.split_once('\n')?;
        let widths = read_widths(line)?;
        let start = prefix.len() + tree.len() + 1 + line.len() + 1;
        Some(PlainTable {
            tree: tree.to_string(),
            widths,
            start,
            text,
        })
    }
}

/// A kept table brought up to date (`PlainTable::patched`), in pieces of its text: the stamp,
/// the widths, runs of the lines of the table it was made from and the new lines, in their
/// order, and the count. Printed and written from the pieces, it is never copied whole.
pub struct Patched<'t> {
    pieces: Vec<Cow<'t, str>>,
    /// How many lines the table has.
    lines: usize,
}

impl Patched<'_> {
    /// Prints the table as it reads at `now` (as `PlainTable::print`).
    pub fn print(&self, now: i64, out: &mut dyn Write) -> Result<Option<usize>> {
        let lines = &self.pieces[2..self.pieces.len() - 1];
        print_lines(lines.iter().map(|p| p.as_ref()), self.lines, now, out)
    }

    /// Writes the table in cache file `PLAIN`. A cache is only worth speed: one that cannot
    /// be written is written by the next listing.
    pub fn keep(&self, git: &Git) {
        let write = || -> Result<()> {
            let mut file = CacheWriter::create(&git.private_file(PLAIN))?;
            for piece in &self.pieces {
                file.write_all(piece.as_bytes())?;
            }
            file.finish()
        };
        let _ = write();
    }

    /// Its text, whole.
    #[cfg(test)]
    pub fn text(&self) -> String {
        self.pieces.concat()
    }
}

/// Prints the lines of a `PlainTable`, given in runs (each ending in a line break), as they
/// read at `now`; gives how many rows they hold. None, having printed nothing, when a line
/// does not read or they are not `count` (a damaged cache).
fn print_lines<'t>(
    runs: impl IntoIterator<Item = &'t str>,
    count: usize,
    now: i64,
    out: &mut dyn Write,
) -> Result<Option<usize>> {
    let mut lines = Vec::with_capacity(count);
    for run in runs {
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', run.as_bytes()) {
            let Some(line) = Line::read(&run[start..=end]) else {
                return Ok(None);
            };
            lines.push(line);
            start = end + 1;
        }
        if start != run.len() {
            return Ok(None);
        }
    }
    if lines.len() != count {
        return Ok(None);
    }
    for line in &lines {
        line.print(now, out)?;
    }
    Ok(Some(count.saturating_sub(1)))
}

/// The line of a kept table that gives its widths.
fn widths_line(widths: &PlainWidths) -> String {
    let columns = widths.columns.iter().map(|(w, n)| format!("{w}/{n}"));
    columns.collect::<Vec<_>>().join("\t") + "\n"
}

fn read_widths(line: &str) -> Option<PlainWidths> {
    let columns = line.split('\t').map(|c| {
        let (w, n) = c.split_once('/')?;
        Some((w.parse().ok()?, n.parse().ok()?))
    });
    let columns = columns.collect::<Option<Vec<_>>>()?;
    (columns.len() == CELLS - 1).then_some(PlainWidths { columns })
}

/// Where a row goes in the table: newest first, then by id (as `sop list` sorts requests).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// When the request was made: seconds and nanoseconds since 1970.
    created: (i64, u32),
    id: String,
}

impl Place {
    pub fn new(created: chrono::DateTime<chrono::FixedOffset>, id: &str) -> Place {
        let created = (created.timestamp(), created.timestamp_subsec_nanos());
        Place {
            created,
            id: id.to_string(),
        }
    }

    /// The place of `row`, when known.
    fn of(row: &Row) -> Option<Place> {
        Some(Place {
            created: row.created?,
            id: row.cells[0].to_string(),
        })
    }

    /// The place a kept line starts with.
    fn read(line: &str) -> Option<Place> {
        let mut parts = line.splitn(3, '\t');
        let (secs, nanos) = parts.next()?.split_once('.')?;
        let id = unescape(parts.next()?).into_owned();
        parts.next()?;
        Some(Place {
            created: (secs.parse().ok()?, nanos.parse().ok()?),
            id,
        })
    }
}

impl Ord for Place {
    fn cmp(&self, other: &Place) -> std::cmp::Ordering {
        other
            .created
            .cmp(&self.created)
            .then_with(|| self.id.cmp(&other.id))
    }
}

impl PartialOrd for Place {
    fn partial_cmp(&self, other: &Place) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// A line of a `PlainTable`.
struct Line<'t> {
    /// From when the row is overdue, in nanoseconds since 1970.
    from: Option<i64>,
    /// The line and its line break, and how it ends when overdue: its first `kept` bytes, then
    /// `marked`.
    line: &'t str,
    kept: usize,
    marked: &'t str,
}

impl<'t> Line<'t> {
    /// The line of `text`, which ends in a line break.
    fn read(text: &'t str) -> Option<Line<'t>> {
        let line = text.strip_suffix('\n')?;
        // The first five tabs end the fields before the line (which holds none).
        let mut tabs = memchr::memchr_iter(b'\t', line.as_bytes());
        let mut next = || tabs.next();
        let (_, id, from, cut, marked) = (next()?, next()?, next()?, next()?, next()?);
        let (from, cut, marked, laid) = (
            &line[id + 1..from],
            &line[from + 1..cut],
            &line[cut + 1..marked],
            &text[marked + 1..],
        );
        let from = match from {
            "-" => None,
            from => Some(from.parse().ok()?),
        };
        let kept = (laid.len() - 1).checked_sub(cut.parse().ok()?)?;
        laid.is_char_boundary(kept).then_some(Line {
            from,
            line: laid,
            kept,
            marked,
        })
    }

    /// The line as laid out, with no mark.
    fn laid(&self) -> &'t str {
        &self.line[..self.line.len() - 1]
    }

    fn print(&self, now: i64, out: &mut dyn Write) -> std::io::Result<()> {
        match self.from.is_some_and(|from| from < now) {
            true => {
                out.write_all(&self.line.as_bytes()[..self.kept])?;
                out.write_all(self.marked.as_bytes())?;
                out.write_all(b"\n")
            }
            false => out.write_all(self.line.as_bytes()),
        }
    }
}

/// Adds to `kept` the line of a `PlainTable` for `laid`, the line of `row` (None: the header)
/// as laid out with no mark.
fn keep_line(kept: &mut String, row: Option<&Row>, laid: &str) {
    let from = row.and_then(|r| r.overdue_from);
    let (cut, marked) = match (row, from) {
        (Some(row), Some(_)) => {
            let due = &row.cells[CELLS - 1];
            let marked = crate::output::plain_cell(&format!("{due} !")).into_owned();
            (crate::output::plain_cell(due).len(), marked)
        }
        _ => (0, String::new()),
    };
    let place = row.and_then(Place::of);
    let (created, id) = match &place {
        Some(p) => (format!("{}.{}", p.created.0, p.created.1), escape(&p.id)),
        None => ("-".to_string(), "-".into()),
    };
    let from = from.map_or("-".to_string(), |t| t.to_string());
    kept.extend([
        &*created,
        "\t",
        &id,
        "\t",
        &*from,
        "\t",
        &cut.to_string(),
        "\t",
        &marked,
        "\t",
        laid,
        "\n",
    ]);
}

/// Where a plain table being printed is kept.
pub enum Keep<'k> {
    /// The cache file, for HEAD as it is now.
    Cache(&'k Git),
    /// A text, stamped `stamp` (for tests).
    #[cfg_attr(not(test), allow(dead_code))]
    Text(&'k mut Vec<u8>, &'k str),
}

/// A `Keep` being written.
enum Keeping<'k> {
    Cache(CacheWriter),
    Text(&'k mut Vec<u8>),
}

impl Keeping<'_> {
    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Keeping::Cache(file) => file,
            Keeping::Text(text) => text,
        }
    }
}

/// Prints a plain table of `rows` as it is laid out (written to it by `Table::write_to`, with
/// no due time marked), as a kept one is printed, and keeps it when asked (`finish`).
pub struct PlainPrinter<'r, 'a, 'o> {
    rows: std::slice::Iter<'r, Row<'a>>,
    now: i64,
    out: &'o mut dyn Write,
    keep: Option<Keeping<'r>>,
    /// What was written of the line not ended yet.
    laid: Vec<u8>,
    /// The line kept for the last line laid.
    line: String,
    count: usize,
}

impl<'r, 'a, 'o> PlainPrinter<'r, 'a, 'o> {
    /// A printer of the table of `rows` at `now` laid out with `widths`, keeping it as `keep`
    /// says.
    pub fn new(
        rows: &'r [Row<'a>],
        now: i64,
        out: &'o mut dyn Write,
        keep: Option<(Keep<'r>, PlainWidths)>,
    ) -> PlainPrinter<'r, 'a, 'o> {
        // A cache is only worth speed: one that cannot be written is written by the next
        // listing.
        let keep = keep.and_then(|(keep, widths)| {
            let (mut file, stamp) = match keep {
                Keep::Cache(git) => {
                    let stamp = stamped(git, PLAIN_MAGIC)?;
                    let file = CacheWriter::create(&git.private_file(PLAIN)).ok()?;
                    (Keeping::Cache(file), stamp)
                }
                Keep::Text(text, stamp) => (Keeping::Text(text), stamp.to_string()),
            };
            let writer = file.writer();
            writer.write_all(stamp.as_bytes()).ok()?;
            writer.write_all(widths_line(&widths).as_bytes()).ok()?;
            Some(file)
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
        if let Some(mut file) = self.keep.take() {
            let end = file.writer().write_all(end_line(self.count).as_bytes());
            if let (Ok(()), Keeping::Cache(file)) = (end, file) {
                let _ = file.finish();
            }
        }
        Ok(rows)
    }

    /// Prints line `laid`, the header's or the next row's, and keeps it.
    fn add(&mut self, laid: &str) -> std::io::Result<()> {
        let row = match self.count {
            0 => None,
            _ => self.rows.next(),
        };
        self.line.clear();
        keep_line(&mut self.line, row, laid);
        self.count += 1;
        if let Some(file) = &mut self.keep {
            if file.writer().write_all(self.line.as_bytes()).is_err() {
                self.keep = None;
            }
        }
        let line = Line::read(&self.line);
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

/// The plain table kept in the language of this run, for HEAD as it is now or another tree;
/// None when there is none that reads.
pub fn read_plain(git: &Git) -> Option<PlainTable> {
    read_plain_text(std::fs::read_to_string(git.private_file(PLAIN)).ok()?)
}

/// The plain table kept in `text`, as `read_plain` reads it.
pub fn read_plain_text(text: String) -> Option<PlainTable> {
    PlainTable::from_text(text, &stamp_prefix(PLAIN_MAGIC))
}

/// The first line of a plain table kept for records tree `tree`.
pub fn stamp_for(tree: &str) -> String {
    format!("{}{tree}\n", stamp_prefix(PLAIN_MAGIC))
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
        created: None,
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
                created: None,
                status: "open".into(),
                overdue_from: Some(-5),
            },
            Row {
                cells: cells("plain"),
                created: None,
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
