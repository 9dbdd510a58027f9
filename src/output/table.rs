//! Tables for people. On a terminal: a box fitted to its width — ids, dates and statuses
//! whole, long texts cut with "…" or wrapped, the least needed columns left out when even that
//! is too wide — or, with `--wide`, every column and cell whole. Piped: plain columns aligned
//! with spaces, no borders, one line per row, for `awk`. Colour only where `Look` says, and
//! it never moves a character: the layout is the same with and without it.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Write};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// How tables are laid out, decided once for the run (`Context`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Standard output is not a terminal: plain aligned columns (docs/contract.md).
    Plain,
    /// A terminal this many columns wide: the table is fitted to it.
    Fit(usize),
    /// A terminal, with `--wide`: every column and cell whole, however wide.
    Wide,
}

/// The layout and whether to colour: what a table needs to know about where it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    pub layout: Layout,
    pub color: bool,
}

impl Look {
    /// Plain and without colour: what a pipe gets, and what tests of layout compare.
    pub const PLAIN: Look = Look {
        layout: Layout::Plain,
        color: false,
    };

    /// The terminal's width when the layout fits one.
    pub fn width(&self) -> Option<usize> {
        match self.layout {
            Layout::Fit(w) => Some(w),
            _ => None,
        }
    }

    /// `text` in `paint`, when colouring.
    pub fn paint<'t>(&self, paint: Paint, text: &'t str) -> Cow<'t, str> {
        match (self.color, paint) {
            (false, _) | (_, Paint::None) => Cow::Borrowed(text),
            (true, p) => Cow::Owned(format!("{}{text}{RESET}", p.code())),
        }
    }

    /// A text as a terminal shows it: wrapped to its width, never inside a word or a date with
    /// its time; elsewhere as it is.
    pub fn fill(&self, text: &str) -> String {
        match self.width() {
            Some(w) if text.lines().any(|l| l.width() > w) => wrap(text, w).join("\n"),
            _ => text.to_string(),
        }
    }

    /// A `label  value` line (the label padded to `indent` columns): on a terminal the value
    /// is wrapped to its width, the lines after the first indented under the value, and never
    /// inside a word or a date with its time. Elsewhere the line is as it is.
    pub fn labelled(&self, label: &str, indent: usize, value: &str, paint: Paint) -> String {
        let pad = " ".repeat(indent.saturating_sub(label.width()));
        let lines = match self.width() {
            Some(w) if indent + value.width() > w => wrap(value, w.saturating_sub(indent).max(1)),
            _ => vec![value.to_string()],
        };
        let mut text = String::new();
        for (i, line) in lines.iter().enumerate() {
            if i == 0 {
                text += &format!("{label}{pad}");
            } else {
                text += &format!("\n{}", " ".repeat(indent.max(label.width())));
            }
            text += &self.paint(paint, line);
        }
        text
    }
}

const RESET: &str = "\x1b[0m";

/// A colour for a row or a line: only on a terminal (or `--color always`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paint {
    #[default]
    None,
    /// Overdue.
    Red,
    /// Held.
    Yellow,
    /// Finished (completed, rejected, cancelled, or an end of the office's own).
    Dim,
}

impl Paint {
    fn code(self) -> &'static str {
        match self {
            Paint::None => "",
            Paint::Red => "\x1b[31m",
            Paint::Yellow => "\x1b[33m",
            Paint::Dim => "\x1b[2m",
        }
    }

    /// Red when overdue (a step, a service time), else plain.
    pub fn overdue(overdue: bool) -> Paint {
        if overdue {
            Paint::Red
        } else {
            Paint::None
        }
    }

    /// How a request is coloured: overdue red, held yellow, finished dim, open plain.
    pub fn request(status: &str, overdue: bool) -> Paint {
        if overdue {
            Paint::Red
        } else if status == crate::request::HELD {
            Paint::Yellow
        } else if status != crate::request::OPEN {
            Paint::Dim
        } else {
            Paint::None
        }
    }
}

/// How a column gives way on a narrow terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// Never narrower than its widest cell: ids, dates, statuses, numbers (its header may
    /// wrap).
    Keep,
    /// Cut to one line ending in "…", down to this many columns.
    Cut(usize),
    /// Wrapped over lines, down to this many columns (or its longest word with a digit or a
    /// hyphen, up to `LONGEST_WORD`, so that ids and dates stay whole; `LONGEST_PROSE_WORD`
    /// for other words).
    Wrap(usize),
}

/// A word with a digit or a hyphen up to this wide is never broken in a wrapped column: ids,
/// step ids, and dates with their time, are shorter.
const LONGEST_WORD: usize = 24;

/// A word without digits or hyphens longer than this may be broken in a wrapped column on a
/// narrow terminal (`Perbaikan/Pemeliharaan`): it is prose, not an id.
const LONGEST_PROSE_WORD: usize = 10;

/// The narrowest a wrapped column becomes by default.
const WRAP_MIN: usize = 10;

struct Column {
    /// The column's name, as the code names it (and CSV heads it).
    name: String,
    /// The header people read: the name in the language of the run (`i18n::column`).
    header: String,
    fit: Fit,
    /// Left out on a narrow terminal, lowest first.
    optional: Option<usize>,
    /// Which columns give way first on a narrow terminal: the highest (the last named by
    /// `cut` or `wrap`; those never named before them).
    yields: usize,
}

/// A table: built row by row, printed with `write_to` (or `{}`).
pub struct Table {
    look: Look,
    columns: Vec<Column>,
    /// Every cell's text, one after the other: 100,000 rows are a few allocations, not one
    /// a cell.
    text: String,
    /// Where each cell ends in `text`, row after row (`columns.len()` a row).
    ends: Vec<usize>,
    paints: Vec<Paint>,
    /// A plain table keeps its cells as printed (`plain_cell`), and each column's widest
    /// cell, found as rows are added: printing is then one pass.
    widest: Vec<usize>,
    /// How many of each column's cells are `widest` wide (`plain_widths`).
    at_widest: Vec<usize>,
}

impl Table {
    pub fn new(header: &[&str], look: Look) -> Table {
        Table {
            look,
            columns: header
                .iter()
                .map(|h| Column {
                    name: h.to_string(),
                    header: crate::i18n::column(h),
                    fit: Fit::Wrap(WRAP_MIN),
                    optional: None,
                    yields: usize::MAX,
                })
                .collect(),
            text: String::new(),
            ends: Vec::new(),
            paints: Vec::new(),
            widest: vec![0; header.len()],
            at_widest: vec![0; header.len()],
        }
    }

    fn column(&mut self, name: &str) -> &mut Column {
        let found = self.columns.iter().position(|c| c.name == name);
        let i = found.unwrap_or_else(|| panic!("the table has no column {name:?}"));
        &mut self.columns[i]
    }

    /// These columns are never cut or wrapped (ids, dates, statuses, numbers).
    pub fn keep(&mut self, names: &[&str]) -> &mut Table {
        for name in names {
            self.column(name).fit = Fit::Keep;
        }
        self
    }

    /// This column is cut to one line ending in "…" on a narrow terminal, down to `min`
    /// columns (or its header's width). Columns cut or wrapped give way in the reverse order
    /// of these calls: name the one that matters most first. Columns never named give way
    /// before them, all alike.
    pub fn cut(&mut self, name: &str, min: usize) -> &mut Table {
        self.gives_way(name, Fit::Cut(min))
    }

    /// This column is wrapped on a narrow terminal, down to `min` columns (see `cut` for
    /// which gives way first).
    pub fn wrap(&mut self, name: &str, min: usize) -> &mut Table {
        self.gives_way(name, Fit::Wrap(min))
    }

    /// `cut` or `wrap`: the column gives way after those named before it.
    fn gives_way(&mut self, name: &str, fit: Fit) -> &mut Table {
        let named = self.columns.iter().filter(|c| c.yields != usize::MAX);
        let rank = named.count();
        let column = self.column(name);
        column.fit = fit;
        column.yields = rank;
        self
    }

    /// These columns are left out, the first named first, when a terminal is too narrow for
    /// the table: each is shown whole, or not at all. `--wide` and pipes show them.
    pub fn optional(&mut self, names: &[&str]) -> &mut Table {
        for (rank, name) in names.iter().enumerate() {
            self.column(name).optional = Some(rank);
        }
        self
    }

    pub fn add_row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) -> &mut Table {
        self.add_painted(cells, Paint::None)
    }

    /// A row in a colour (shown only when colouring). Cells past the last column are left
    /// out; missing ones are empty.
    pub fn add_painted<S: AsRef<str>>(
        &mut self,
        cells: impl IntoIterator<Item = S>,
        paint: Paint,
    ) -> &mut Table {
        let n = self.columns.len();
        let plain = self.look.layout == Layout::Plain;
        let mut added = 0;
        for cell in cells.into_iter().take(n) {
            match plain {
                true => {
                    let (cell, width) = plain_cell_width(cell.as_ref());
                    self.widen(added, width);
                    self.text.push_str(&cell);
                }
                false => self.text.push_str(cell.as_ref()),
            }
            self.ends.push(self.text.len());
            added += 1;
        }
        for column in added..n {
            if plain {
                self.text.push('-');
                self.widen(column, 1);
            }
            self.ends.push(self.text.len());
        }
        self.paints.push(paint);
        self
    }

    /// Counts a plain cell `width` wide in column `column`.
    fn widen(&mut self, column: usize, width: usize) {
        let widest = &mut self.widest[column];
        match width.cmp(widest) {
            std::cmp::Ordering::Greater => {
                *widest = width;
                self.at_widest[column] = 1;
            }
            std::cmp::Ordering::Equal => self.at_widest[column] += 1,
            std::cmp::Ordering::Less => {}
        }
    }

    /// How the plain table is laid out: each column's width but the last's (never padded),
    /// and how many of its lines fill it.
    pub fn plain_widths(&self) -> PlainWidths {
        let padded = self.columns.len().saturating_sub(1);
        let columns = (self.columns.iter().zip(&self.widest).zip(&self.at_widest))
            .take(padded)
            .map(|((column, &widest), &at_widest)| {
                let header = column.header.width();
                let width = header.max(widest);
                let rows = if widest == width { at_widest } else { 0 };
                (width, rows + usize::from(header == width))
            })
            .collect();
        PlainWidths { columns }
    }

    /// The cells of row `row`, in the order of the columns.
    fn row_cells(&self, row: usize) -> impl Iterator<Item = &str> {
        (0..self.columns.len()).map(move |column| self.cell(row, column))
    }

    /// Column `column` of every row.
    fn column_cells(&self, column: usize) -> impl Iterator<Item = &str> + Clone {
        (0..self.paints.len()).map(move |row| self.cell(row, column))
    }

    /// The text of the cell of row `row` in column `column`.
    fn cell(&self, row: usize, column: usize) -> &str {
        let i = row * self.columns.len() + column;
        let start = match i {
            0 => 0,
            i => self.ends[i - 1],
        };
        &self.text[start..self.ends[i]]
    }

    /// Writes the table, each line ending in a newline.
    pub fn write_to(&self, out: &mut dyn Write) -> io::Result<()> {
        match self.look.layout {
            Layout::Plain => self.plain(out),
            Layout::Fit(w) => self.boxed(out, Some(w)),
            Layout::Wide => self.boxed(out, None),
        }
    }

    /// Plain columns: a header line, then a row a line; columns separated by two spaces or
    /// more, a cell's runs of white space (line breaks too) made one space, an empty cell `-`,
    /// no space at the end of a line.
    fn plain(&self, out: &mut dyn Write) -> io::Result<()> {
        let widths: Vec<usize> = (self.columns.iter().zip(&self.widest))
            .map(|(column, widest)| column.header.width().max(*widest))
            .collect();
        let mut line = String::new();
        let mut write_line = |out: &mut dyn Write, cells: &mut dyn Iterator<Item = &str>, paint| {
            line.clear();
            lay_plain_line(
                &mut line,
                cells.zip(&widths).map(|(c, &w)| (c, text_width(c), w)),
            );
            let text = self.look.paint(paint, &line);
            out.write_all(text.as_bytes())?;
            out.write_all(b"\n")
        };
        let header = self.columns.iter().map(|c| plain_cell(&c.header));
        let header: Vec<Cow<str>> = header.collect();
        write_line(out, &mut header.iter().map(|h| h.as_ref()), Paint::None)?;
        for (row, paint) in self.paints.iter().enumerate() {
            write_line(out, &mut self.row_cells(row), *paint)?;
        }
        Ok(())
    }

    /// A box: `width` is the terminal's, None for `--wide`.
    fn boxed(&self, out: &mut dyn Write, width: Option<usize>) -> io::Result<()> {
        let natural: Vec<usize> = (0..self.columns.len()).map(|i| self.natural(i)).collect();
        let (shown, widths) = match width {
            Some(w) => self.fit(&natural, w),
            None => ((0..self.columns.len()).collect(), natural),
        };
        let inner = widths.iter().sum::<usize>() + 2 * shown.len();
        let inner = inner.max(2);
        let mut text = String::new();
        text += &format!("┌{}┐\n", "─".repeat(inner));
        let header: Vec<Vec<String>> = shown
            .iter()
            .zip(&widths)
            .map(|(&i, &w)| wrap(&self.columns[i].header, w))
            .collect();
        self.box_lines(&mut text, &header, &widths, Paint::None);
        text += &format!("╞{}╡\n", "═".repeat(inner));
        out.write_all(text.as_bytes())?;
        for (row, paint) in self.paints.iter().enumerate() {
            text.clear();
            let laid: Vec<Vec<String>> = shown
                .iter()
                .zip(&widths)
                .map(|(&i, &w)| self.lay(i, self.cell(row, i), w, width.is_some()))
                .collect();
            self.box_lines(&mut text, &laid, &widths, *paint);
            out.write_all(text.as_bytes())?;
        }
        writeln!(out, "└{}┘", "─".repeat(inner))
    }

    /// The lines of one row: each column's lines side by side, padded.
    fn box_lines(&self, text: &mut String, cells: &[Vec<String>], widths: &[usize], paint: Paint) {
        let height = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        for n in 0..height {
            let mut line = String::new();
            for (i, (lines, w)) in cells.iter().zip(widths).enumerate() {
                if i > 0 {
                    line += "  ";
                }
                let cell = lines.get(n).map_or("", String::as_str);
                line += cell;
                line.extend(std::iter::repeat_n(' ', w.saturating_sub(cell.width())));
            }
            if cells.is_empty() {
                line += "  ";
            }
            text.push_str("│ ");
            text.push_str(&self.look.paint(paint, &line));
            text.push_str(" │\n");
        }
    }

    /// A cell as its column shows it at `width`: `fitted` on a terminal, else whole.
    fn lay(&self, column: usize, cell: &str, width: usize, fitted: bool) -> Vec<String> {
        if !fitted {
            return cell.split('\n').map(str::to_string).collect();
        }
        match self.columns[column].fit {
            Fit::Keep => cell.split('\n').map(str::to_string).collect(),
            Fit::Cut(_) => vec![cut(&one_line(cell), width)],
            Fit::Wrap(_) => wrap(cell, width),
        }
    }

    /// A column's width with every cell whole.
    fn natural(&self, i: usize) -> usize {
        let column = &self.columns[i];
        let cells = self.column_cells(i);
        let widest = match column.fit {
            Fit::Cut(_) => cells.map(|c| one_line(c).width()).max(),
            _ => cells.flat_map(|c| c.split('\n')).map(|l| l.width()).max(),
        };
        widest.unwrap_or(0).max(column.header.width())
    }

    /// The narrowest a column becomes on a narrow terminal: a kept column as its widest
    /// cell, the others down to their least; the header wraps, but no word of it is broken.
    fn floor(&self, i: usize, natural: usize) -> usize {
        let column = &self.columns[i];
        let cells = || self.column_cells(i);
        let least = match column.fit {
            Fit::Keep => {
                let lines = cells().flat_map(|c| c.split('\n'));
                lines.map(|l| l.width()).max().unwrap_or(0)
            }
            Fit::Cut(min) => min,
            Fit::Wrap(min) => {
                let token = |w: &str| w.bytes().any(|b| b.is_ascii_digit() || b == b'-');
                let whole = |w: &str| match token(w) {
                    true => w.width().min(LONGEST_WORD),
                    false => w.width().min(LONGEST_PROSE_WORD),
                };
                let words = cells().flat_map(words);
                min.max(words.map(|w| whole(&w)).max().unwrap_or(0))
            }
        };
        let header = words(&column.header).iter().map(|w| w.width()).max();
        least.max(header.unwrap_or(0)).min(natural)
    }

    /// The columns shown on a terminal `width` wide, and their widths: every column whole if
    /// it fits; else the columns that are not optional, and the optional ones, the last named
    /// first, as long as each fits whole beside them at their narrowest (so that a column
    /// left out never leaves a less needed one shown); then columns narrowed
    /// until the table fits — the one that gives way first (`cut`) down to its narrowest
    /// before the next, columns alike by turns, the widest first. A table that does not fit
    /// even so is as narrow as it can be (the terminal wraps it).
    fn fit(&self, natural: &[usize], width: usize) -> (Vec<usize>, Vec<usize>) {
        let overhead = |n: usize| 2 * n + 2;
        let mut shown: Vec<usize> = (0..self.columns.len()).collect();
        let total = |shown: &[usize], of: &dyn Fn(usize) -> usize| -> usize {
            shown.iter().map(|&i| of(i)).sum::<usize>() + overhead(shown.len())
        };
        if total(&shown, &|i| natural[i]) <= width {
            return (shown.clone(), shown.iter().map(|&i| natural[i]).collect());
        }
        // An optional column is shown whole or not at all: the others at their narrowest
        // must leave room for it.
        let floors: Vec<usize> = (0..self.columns.len())
            .map(|i| match self.columns[i].optional {
                Some(_) => natural[i],
                None => self.floor(i, natural[i]),
            })
            .collect();
        let mut optional: Vec<(usize, usize)> = self
            .columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| Some((c.optional?, i)))
            .collect();
        optional.sort();
        shown.retain(|&i| self.columns[i].optional.is_none());
        for &(_, i) in optional.iter().rev() {
            let mut with = shown.clone();
            with.push(i);
            if total(&with, &|i| floors[i]) > width {
                break;
            }
            with.sort_unstable();
            shown = with;
        }
        let mut widths: Vec<usize> = shown.iter().map(|&i| natural[i]).collect();
        let mut excess = total(&shown, &|i| natural[i]).saturating_sub(width);
        while excess > 0 {
            let room = |k: usize| widths[k] - floors[shown[k]];
            let yields = |k: usize| self.columns[shown[k]].yields;
            let Some(k) = (0..shown.len())
                .filter(|&k| room(k) > 0)
                .max_by_key(|&k| (yields(k), room(k)))
            else {
                break;
            };
            widths[k] -= 1;
            excess -= 1;
        }
        (shown, widths)
    }
}

impl fmt::Display for Table {
    /// The table without its last line break, as `writeln!(out, "{t}")` prints it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut bytes = Vec::new();
        self.write_to(&mut bytes).map_err(|_| fmt::Error)?;
        let text = String::from_utf8_lossy(&bytes);
        f.write_str(text.strip_suffix('\n').unwrap_or(&text))
    }
}

/// `plain_cell` and its width. Most cells (ids, dates, words) are printable ASCII with no
/// space at either end nor two running: those are found in one pass and are as wide as long.
fn plain_cell_width(cell: &str) -> (Cow<'_, str>, usize) {
    // A space at the start counts as a second one running.
    let mut space = true;
    let simple = cell.bytes().all(|b| {
        let ok = (b' '..=b'~').contains(&b) && !(space && b == b' ');
        space = b == b' ';
        ok
    });
    if simple && !space {
        return (Cow::Borrowed(cell), cell.len());
    }
    let cell = plain_cell(cell);
    let width = text_width(&cell);
    (cell, width)
}

/// A cell of a plain table: one line, its white space runs made one space, `-` when empty.
pub fn plain_cell(cell: &str) -> Cow<'_, str> {
    if cell.is_empty() {
        return Cow::Borrowed("-");
    }
    let inside = |bytes: &[u8]| {
        let line_break = |b: &u8| matches!(b, b'\n' | b'\t' | b'\r');
        !bytes.iter().any(line_break) && !bytes.windows(2).any(|w| w[0] == b' ' && w[1] == b' ')
    };
    let tidy = !cell.starts_with(char::is_whitespace)
        && !cell.ends_with(char::is_whitespace)
        && inside(cell.as_bytes());
    if tidy {
        return Cow::Borrowed(cell);
    }
    match one_line(cell) {
        empty if empty.is_empty() => Cow::Borrowed("-"),
        text => Cow::Owned(text),
    }
}

/// A line of a plain table: `cells`, each given with its width (`text_width`) and its
/// column's, each but the last padded to its column's width and two spaces more.
fn lay_plain_line<'c>(line: &mut String, cells: impl Iterator<Item = (&'c str, usize, usize)>) {
    let mut cells = cells.peekable();
    while let Some((cell, width, column)) = cells.next() {
        line.push_str(cell);
        if cells.peek().is_some() {
            pad_with_spaces(line, column - width + 2);
        }
    }
}

/// How a plain table's columns are laid out (`Table::plain_widths`): for each column but the
/// last, which is never padded, its width and how many of its lines (the header's among them)
/// fill it. A kept table can take lines out and put lines in with this alone, as long as no
/// column gets wider or loses the last line that fills it: the others' lines stay as they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlainWidths {
    pub columns: Vec<(usize, usize)>,
}

impl PlainWidths {
    /// Takes line `line` (laid out with these widths) out of the count; None when it does not
    /// split into one cell a column and a last one.
    pub fn take_out(&mut self, line: &str) -> Option<()> {
        // A plain cell never holds two spaces running, nor starts or ends with one; cells are
        // padded with two spaces or more.
        let mut cells = line.split("  ").filter(|c| !c.is_empty());
        for (width, filling) in &mut self.columns {
            let cell = cells.next()?;
            let cell = cell.strip_prefix(' ').unwrap_or(cell);
            if text_width(cell) == *width {
                *filling = filling.checked_sub(1)?;
            }
        }
        cells.next()?;
        cells.next().is_none().then_some(())
    }

    /// Lays out a row of `cells` (as given to `Table::add_row`) as a line of the table, and
    /// counts it; None when a cell is wider than its column.
    pub fn put_in<S: AsRef<str>>(&mut self, cells: &[S], line: &mut String) -> Option<()> {
        if cells.len() != self.columns.len() + 1 {
            return None;
        }
        let cells: Vec<(Cow<str>, usize)> =
            cells.iter().map(|c| plain_cell_width(c.as_ref())).collect();
        let mut laid = Vec::with_capacity(cells.len());
        for (i, (cell, width)) in cells.iter().enumerate() {
            let column = match self.columns.get_mut(i) {
                Some((column, _)) if width > column => return None,
                Some((column, filling)) => {
                    *filling += usize::from(width == column);
                    *column
                }
                None => 0,
            };
            laid.push((cell.as_ref(), *width, column));
        }
        lay_plain_line(line, laid.into_iter());
        Some(())
    }

    /// Whether every column is still as wide as it was: each has a line that fills it.
    pub fn unchanged(&self) -> bool {
        self.columns.iter().all(|&(_, filling)| filling > 0)
    }
}

/// `n` spaces added to `line`, a run at a time rather than a character at a time.
fn pad_with_spaces(line: &mut String, mut n: usize) {
    const SPACES: &str = "                                ";
    while n > 0 {
        let run = n.min(SPACES.len());
        line.push_str(&SPACES[..run]);
        n -= run;
    }
}

/// The columns `text` takes on a terminal (printable ASCII: its length, found at once).
fn text_width(text: &str) -> usize {
    match text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        true => text.len(),
        false => text.width(),
    }
}

/// The text on one line, its runs of white space made one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` cut to `width` columns, ending in "…" when something was left out.
fn cut(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut kept = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        kept.push(c);
        used += w;
    }
    kept.push('…');
    kept
}

/// The words of a text for wrapping: split at white space, a date and the time after it kept
/// together (`2026-11-23 09:05`).
fn words(text: &str) -> Vec<Cow<'_, str>> {
    let mut words: Vec<Cow<str>> = Vec::new();
    for word in text.split_whitespace() {
        let joins = words.last().is_some_and(|last| ends_with_date(last)) && starts_with_time(word);
        match words.last_mut() {
            Some(last) if joins => *last = Cow::Owned(format!("{last} {word}")),
            _ => words.push(Cow::Borrowed(word)),
        }
    }
    words
}

/// `…2026-11-23`.
fn ends_with_date(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 10 && {
        let d = &b[b.len() - 10..];
        let digits = |r: std::ops::Range<usize>| d[r].iter().all(u8::is_ascii_digit);
        digits(0..4) && d[4] == b'-' && digits(5..7) && d[7] == b'-' && digits(8..10)
    }
}

/// `09:05…`.
fn starts_with_time(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 5 && b[..2].iter().all(u8::is_ascii_digit) && b[2] == b':' && {
        b[3..5].iter().all(u8::is_ascii_digit)
    }
}

/// `text` wrapped to `width` columns: at spaces, each line of the text on its own lines, a
/// word wider than the column broken where it must be.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in words(paragraph) {
            let w = word.width();
            if used > 0 && used + 1 + w <= width {
                line.push(' ');
                line += &word;
                used += 1 + w;
                continue;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            if w <= width {
                line = word.into_owned();
                used = w;
                continue;
            }
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if used + cw > width && used > 0 {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(c);
                used += cw;
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(t: &Table) -> String {
        let mut out = Vec::new();
        t.write_to(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn requests(look: Look) -> Table {
        let mut t = Table::new(&["id", "title", "status", "step", "due"], look);
        t.keep(&["id", "status", "due"])
            .cut("title", 12)
            .cut("step", 8)
            .optional(&["step"]);
        t.add_row(vec![
            "EML-7K3QX9M2PA",
            "Permintaan email untuk staf baru Bidang Persandian",
            "open",
            "persetujuan",
            "2026-11-23 09:05 !",
        ]);
        t.add_painted(
            vec!["VC-0000000001", "Rapat", "completed", "", ""],
            Paint::Dim,
        );
        t
    }

    #[test]
    fn plain_tables_are_columns_without_borders_or_escapes() {
        let text = render(&requests(Look::PLAIN));
        assert_eq!(
            text,
            "id              title                                               status     step         due\n\
             EML-7K3QX9M2PA  Permintaan email untuk staf baru Bidang Persandian  open       persetujuan  2026-11-23 09:05 !\n\
             VC-0000000001   Rapat                                               completed  -            -\n"
        );
    }

    #[test]
    fn plain_cells_are_one_line_and_never_hold_two_spaces() {
        let mut t = Table::new(&["a", "b"], Look::PLAIN);
        t.add_row(vec!["x  y\nz", " \t"]);
        assert_eq!(render(&t), "a      b\nx y z  -\n");
    }

    #[test]
    fn a_narrow_terminal_cuts_titles_and_keeps_ids_dates_and_statuses() {
        let look = Look {
            layout: Layout::Fit(64),
            color: false,
        };
        let text = render(&requests(look));
        for line in text.lines() {
            assert!(line.width() <= 64, "{line:?} is {} wide", line.width());
        }
        assert!(text.contains("EML-7K3QX9M2PA"), "{text}");
        assert!(text.contains("2026-11-23 09:05 !"), "{text}");
        assert!(text.contains("completed"), "{text}");
        assert!(
            text.contains("│ EML-7K3QX9M2PA  Permintaan e…  open"),
            "{text}"
        );
        // Too narrow for the step even cut: it is left out.
        assert!(!text.contains("step"), "{text}");
    }

    #[test]
    fn wide_shows_every_cell_whole_and_colour_moves_nothing() {
        let wide = Look {
            layout: Layout::Wide,
            color: false,
        };
        let text = render(&requests(wide));
        assert!(text.contains("Permintaan email untuk staf baru Bidang Persandian"));
        assert!(text.contains("persetujuan"));
        let coloured = render(&requests(Look {
            color: true,
            ..wide
        }));
        assert!(coloured.contains("\x1b[2m"), "{coloured}");
        assert_eq!(strip(&coloured), text);
        let fit = Look {
            layout: Layout::Fit(50),
            color: false,
        };
        let coloured = render(&requests(Look { color: true, ..fit }));
        assert_eq!(strip(&coloured), render(&requests(fit)));
    }

    fn strip(text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(i) = rest.find('\x1b') {
            out += &rest[..i];
            let end = rest[i..].find('m').unwrap();
            rest = &rest[i + end + 1..];
        }
        out + rest
    }

    #[test]
    fn wrapping_keeps_words_and_dates_with_their_time() {
        assert_eq!(
            wrap("disetujui pada 2026-11-23 09:05 oleh Kabid", 16),
            vec!["disetujui pada", "2026-11-23 09:05", "oleh Kabid"]
        );
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a\n\nb", 10), vec!["a", "", "b"]);
    }

    #[test]
    fn wrapped_columns_keep_ids_and_dates_whole_but_may_break_long_prose_words() {
        let look = Look {
            layout: Layout::Fit(25),
            color: false,
        };
        let mut t = Table::new(&["no", "note"], look);
        t.keep(&["no"]);
        t.add_row(vec![
            "1",
            "Lihat EML-ABCDEFGHJK, 2026-11-23 09:05, Perbaikan/Pemeliharaan",
        ]);
        let text = render(&t);
        assert!(text.contains("EML-ABCDEFGHJK,"), "{text}");
        assert!(text.contains("2026-11-23 09:05"), "{text}");
        assert!(!text.contains("Perbaikan/Pemeliharaan"), "{text}");
        for line in text.lines() {
            assert!(line.width() <= 25, "{line:?}");
        }
    }

    #[test]
    fn cutting_counts_display_width() {
        assert_eq!(cut("Permintaan Email", 16), "Permintaan Email");
        assert_eq!(cut("Permintaan Email", 11), "Permintaan…");
        assert_eq!(cut("会議会議", 5), "会議…");
        assert_eq!(cut("abc", 0), "");
    }

    #[test]
    fn labelled_lines_wrap_under_their_value() {
        let look = Look {
            layout: Layout::Fit(30),
            color: false,
        };
        let text = look.labelled(
            "step",
            11,
            "persetujuan Memberi persetujuan, due 2026-11-24 09:05",
            Paint::None,
        );
        for line in text.lines() {
            assert!(line.width() <= 30, "{line:?}");
        }
        assert!(text.contains("2026-11-24 09:05"), "{text}");
        assert!(text.starts_with("step       persetujuan"), "{text}");
    }
}
