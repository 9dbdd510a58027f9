//! Reading rows to import: CSV with a header row, or JSON lines, streamed from a reader. No
//! other I/O: bytes in, rows or line-numbered problems out.
//!
//! The limits of `limits.rs` hold while reading, so memory stays bounded whatever comes in: a
//! cell is held once, and never more than `CELL_BYTES` of it; reading stops at the first
//! structural limit (the input's size, the header's columns, the number of rows). Every other
//! problem is collected with its line and reading goes on, so one run names every bad row.

use std::io::{self, BufRead, Read};

use crate::asset::{self, ATTR};
use crate::limits::{self, CELL_BYTES, IMPORT_BYTES, IMPORT_COLUMNS, IMPORT_ROWS, JSON_LINE_BYTES};

/// The raw cells of one input row, with the line it starts on (1-based).
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    pub line: u64,
    pub cells: Vec<(String, String)>,
}

/// A problem with the input, at a line (0 when it is about the whole input).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub line: u64,
    pub message: String,
}

impl Problem {
    fn new(line: u64, message: impl Into<String>) -> Problem {
        Problem {
            line,
            message: message.into(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    Csv,
    Jsonl,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Every row of `bytes` and every problem found in it. `format`: the one given, else JSON
/// lines when the first non-blank byte opens an object, else CSV. Only a failing read is an
/// error.
pub fn read(mut bytes: impl BufRead, format: Option<InputFormat>) -> io::Result<Input> {
    // The first three bytes are read whole: a byte-order mark may come in pieces.
    let mut start = Vec::with_capacity(BOM.len());
    (&mut bytes)
        .take(BOM.len() as u64)
        .read_to_end(&mut start)?;
    let bom = start == BOM;
    if bom {
        start.clear();
    }
    let mut src = Source::new(io::Cursor::new(start).chain(bytes));
    if bom {
        src.seen.track(BOM);
    }
    let mut found = Input::default();
    let Some(first) = src.skip_start()? else {
        found.problems.push(Problem::new(0, t!(ImportEmpty)));
        return Ok(found);
    };
    let detected = if first == b'{' {
        InputFormat::Jsonl
    } else {
        InputFormat::Csv
    };
    match format.unwrap_or(detected) {
        InputFormat::Csv => read_csv(&mut src, &mut found)?,
        InputFormat::Jsonl => read_jsonl(&mut src, &mut found)?,
    }
    Ok(found)
}

/// What the input held: its rows, and the problems found in it.
#[derive(Debug, Default)]
pub struct Input {
    pub rows: Vec<RawRow>,
    pub problems: Vec<Problem>,
}

impl Input {
    /// Counts a row; false, with the problem noted, when it is one over the limit.
    fn count_row(&mut self, line: u64, rows: &mut usize) -> bool {
        *rows += 1;
        if *rows > IMPORT_ROWS {
            self.problems.push(Problem::new(
                line,
                t!(ImportTooManyRows, rows = rows, max = IMPORT_ROWS),
            ));
            return false;
        }
        true
    }

    fn over_cap(&mut self, src_line: u64) {
        self.problems.push(Problem::new(
            src_line,
            t!(ImportTooBig, size = limits::size(IMPORT_BYTES)),
        ));
    }
}

fn read_csv(src: &mut Source<impl BufRead>, found: &mut Input) -> io::Result<()> {
    let mut csv = Csv::new();
    let mut record = Record::default();
    let header = match csv.next(src, &mut record, IMPORT_COLUMNS, Some(IMPORT_COLUMNS))? {
        Next::Record => match header(&record) {
            Ok((names, problems)) => {
                found.problems.extend(problems);
                names
            }
            Err(problem) => {
                found.problems.push(problem);
                return Ok(());
            }
        },
        Next::End => {
            found.problems.push(Problem::new(0, t!(ImportEmpty)));
            return Ok(());
        }
        Next::OverCap => {
            found.over_cap(src.seen.line());
            return Ok(());
        }
        Next::TooManyCells => {
            found.problems.push(Problem::new(
                record.line,
                t!(ImportTooManyColumns, max = IMPORT_COLUMNS),
            ));
            return Ok(());
        }
    };
    let mut rows = 0;
    loop {
        match csv.next(src, &mut record, header.len(), None)? {
            Next::Record => {}
            Next::End => return Ok(()),
            Next::OverCap => {
                found.over_cap(src.seen.line());
                return Ok(());
            }
            Next::TooManyCells => unreachable!("no limit on a row's cells was given"),
        }
        if record.blank {
            continue;
        }
        if !found.count_row(record.line, &mut rows) {
            return Ok(());
        }
        match row(&header, &mut record) {
            Ok(row) => found.rows.push(row),
            Err(problem) => found.problems.push(problem),
        }
    }
}

/// One column of a CSV header: its name, and whether rows may have it. Cells of unknown
/// columns are left out of the rows (the header's problem names them once).
struct Column {
    name: String,
    known: bool,
}

/// The header's columns, or why there is no usable header. Unknown and repeated names are
/// problems, but the rows are read to find theirs too.
fn header(record: &Record) -> Result<(Vec<Column>, Vec<Problem>), Problem> {
    let line = record.line;
    if let Some(bad) = record.bad {
        return Err(not_utf8(bad));
    }
    if let Some(i) = record.too_long {
        return Err(Problem::new(
            line,
            t!(
                HeaderCellTooBig,
                n = i + 1,
                size = limits::size(CELL_BYTES as u64)
            ),
        ));
    }
    let mut columns = Vec::new();
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for cell in &record.cells {
        let name = String::from_utf8_lossy(cell);
        let name = name.trim_start_matches('\u{feff}').trim().to_string();
        if !seen.insert(name.clone()) {
            problems.push(Problem::new(line, t!(HeaderTwice, name = name)));
        }
        let known = asset::known_column(&name);
        if !known {
            problems.push(Problem::new(line, asset::unknown_column(&name)));
        }
        columns.push(Column { name, known });
    }
    Ok((columns, problems))
}

/// A data record as a row of the header's known columns.
fn row(header: &[Column], record: &mut Record) -> Result<RawRow, Problem> {
    let line = record.line;
    if let Some(bad) = record.bad {
        return Err(not_utf8(bad));
    }
    if record.count != header.len() {
        return Err(Problem::new(
            line,
            t!(RowCells, cells = record.count, columns = header.len()),
        ));
    }
    if let Some(i) = record.too_long {
        return Err(cell_too_long(line, &header[i].name));
    }
    let mut cells = Vec::with_capacity(header.len());
    for (column, cell) in header.iter().zip(record.cells.drain(..)) {
        if !column.known {
            continue;
        }
        // The record's bytes are UTF-8 (`record.bad` is None), and so are its cells.
        let value = String::from_utf8(cell).map_err(|_| Problem::new(line, t!(NotUtf8)))?;
        check_cell(line, &column.name, &value)?;
        cells.push((column.name.clone(), value));
    }
    Ok(RawRow { line, cells })
}

fn check_cell(line: u64, column: &str, value: &str) -> Result<(), Problem> {
    match limits::cell(column, value) {
        Some(why) => Err(Problem::new(line, why)),
        None => Ok(()),
    }
}

fn cell_too_long(line: u64, column: &str) -> Problem {
    Problem::new(line, limits::cell_too_long(column))
}

/// The first byte of a record that is not UTF-8, by its line and position in the input.
fn not_utf8(bad: Bad) -> Problem {
    Problem::new(bad.line, t!(NotUtf8At, at = bad.position))
}

fn read_jsonl(src: &mut Source<impl BufRead>, found: &mut Input) -> io::Result<()> {
    let mut line = Line::default();
    let mut rows = 0;
    loop {
        match src.next_line(&mut line, JSON_LINE_BYTES)? {
            Next::Record => {}
            Next::End => return Ok(()),
            Next::OverCap => {
                found.over_cap(src.seen.line());
                return Ok(());
            }
            Next::TooManyCells => unreachable!("lines have no cells"),
        }
        if line.bytes.iter().all(u8::is_ascii_whitespace) && !line.too_long {
            continue;
        }
        if !found.count_row(line.number, &mut rows) {
            return Ok(());
        }
        match json_row(&line) {
            Ok(row) => found.rows.push(row),
            Err(problem) => found.problems.push(problem),
        }
    }
}

fn json_row(line: &Line) -> Result<RawRow, Problem> {
    let number = line.number;
    if let Some(bad) = line.bad {
        return Err(not_utf8(bad));
    }
    if line.too_long {
        return Err(Problem::new(
            number,
            t!(JsonLineTooLong, size = limits::size(JSON_LINE_BYTES as u64)),
        ));
    }
    let text = std::str::from_utf8(&line.bytes).map_err(|_| Problem::new(number, t!(NotUtf8)))?;
    let object: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|e| Problem::new(number, t!(NotJsonObject, error = e)))?;
    let cells = json_cells(object).map_err(|message| Problem::new(number, message))?;
    if cells.len() > IMPORT_COLUMNS {
        return Err(Problem::new(
            number,
            t!(JsonTooManyColumns, n = cells.len(), max = IMPORT_COLUMNS),
        ));
    }
    for (column, value) in &cells {
        check_cell(number, column, value)?;
    }
    Ok(RawRow {
        line: number,
        cells,
    })
}

/// An object's members as cells; `"attributes": {…}` becomes `attr.NAME` cells.
fn json_cells(
    object: serde_json::Map<String, serde_json::Value>,
) -> Result<Vec<(String, String)>, String> {
    let mut cells = Vec::new();
    for (key, value) in object {
        match value {
            serde_json::Value::Object(attrs) if key == "attributes" => {
                for (name, v) in attrs {
                    cells.push((format!("{ATTR}{name}"), scalar(&name, v)?));
                }
            }
            v => {
                let text = scalar(&key, v)?;
                cells.push((key, text));
            }
        }
    }
    Ok(cells)
}

fn scalar(key: &str, v: serde_json::Value) -> Result<String, String> {
    match v {
        serde_json::Value::Null => Ok(String::new()),
        serde_json::Value::String(s) => Ok(s),
        serde_json::Value::Number(n) => Ok(n.to_string()),
        serde_json::Value::Bool(b) => Ok(b.to_string()),
        _ => Err(t!(JsonScalar, key = key)),
    }
}

/// What reading on found.
#[derive(Debug, PartialEq)]
enum Next {
    /// A record (or line) was read.
    Record,
    /// The input ended.
    End,
    /// The input went past `IMPORT_BYTES`; reading stopped.
    OverCap,
    /// The record had more cells than allowed; reading stopped.
    TooManyCells,
}

/// The first byte of a record that is not UTF-8.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Bad {
    line: u64,
    /// Counted from 0, from the start of the input.
    position: u64,
}

/// The input as it is consumed: bytes and lines so far, and the first byte since the record
/// began that is not UTF-8.
struct Source<R> {
    input: R,
    seen: Seen,
}

#[derive(Default)]
struct Seen {
    offset: u64,
    newlines: u64,
    utf8: Utf8Stream,
    bad: Option<Bad>,
}

impl Seen {
    /// The line the next byte is on.
    fn line(&self) -> u64 {
        self.newlines + 1
    }

    /// Takes note of bytes consumed.
    fn track(&mut self, bytes: &[u8]) {
        let start = self.offset;
        let mut first = None;
        self.utf8.feed(bytes, start, &mut |at| {
            first.get_or_insert(at);
        });
        if let (None, Some(at)) = (self.bad, first) {
            let before = (at.saturating_sub(start) as usize).min(bytes.len());
            self.bad = Some(Bad {
                line: self.line() + newlines(&bytes[..before]),
                position: at,
            });
        }
        self.offset += bytes.len() as u64;
        self.newlines += newlines(bytes);
    }

    /// The input ended: a sequence left unfinished is a bad byte.
    fn finish(&mut self) {
        if let Some(at) = self.utf8.finish() {
            self.bad.get_or_insert(Bad {
                line: self.line(),
                position: at,
            });
        }
    }

    fn over_cap(&self) -> bool {
        self.offset > IMPORT_BYTES
    }
}

fn newlines(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

impl<R: BufRead> Source<R> {
    fn new(input: R) -> Source<R> {
        Source {
            input,
            seen: Seen::default(),
        }
    }

    /// Skips blank space; the first byte after, None when there is none.
    fn skip_start(&mut self) -> io::Result<Option<u8>> {
        self.skip(|b| b.is_ascii_whitespace())?;
        let first = self.input.fill_buf()?.first().copied();
        if first.is_none() {
            self.seen.finish();
        }
        Ok(first)
    }

    /// Consumes the bytes for which `skip` holds, up to the byte cap.
    fn skip(&mut self, skip: impl Fn(u8) -> bool) -> io::Result<()> {
        while !self.seen.over_cap() {
            let buf = self.input.fill_buf()?;
            let n = buf.iter().take_while(|&&b| skip(b)).count();
            if n == 0 {
                return Ok(());
            }
            self.seen.track(&buf[..n]);
            self.input.consume(n);
        }
        Ok(())
    }

    /// The next line (without its line feed), keeping at most `max` bytes of it.
    fn next_line(&mut self, line: &mut Line, max: usize) -> io::Result<Next> {
        line.bytes.clear();
        line.too_long = false;
        line.number = self.seen.line();
        self.seen.bad = None;
        let mut any = false;
        loop {
            let buf = self.input.fill_buf()?;
            if buf.is_empty() {
                self.seen.finish();
                line.bad = self.seen.bad.take();
                return Ok(if any { Next::Record } else { Next::End });
            }
            any = true;
            let (n, ends) = match memchr::memchr(b'\n', buf) {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            let content = &buf[..n - usize::from(ends)];
            if line.bytes.len() + content.len() > max {
                line.too_long = true;
            } else {
                line.bytes.extend_from_slice(content);
            }
            self.seen.track(&buf[..n]);
            self.input.consume(n);
            if self.seen.over_cap() {
                return Ok(Next::OverCap);
            }
            if ends {
                line.bad = self.seen.bad.take();
                return Ok(Next::Record);
            }
        }
    }
}

/// One line of JSON lines.
#[derive(Default)]
struct Line {
    number: u64,
    bytes: Vec<u8>,
    too_long: bool,
    bad: Option<Bad>,
}

/// One CSV record: its first cells (each at most `CELL_BYTES`), how many it had, and what
/// was wrong with it.
#[derive(Default)]
struct Record {
    line: u64,
    cells: Vec<Vec<u8>>,
    count: usize,
    /// The first cell over `CELL_BYTES`.
    too_long: Option<usize>,
    bad: Option<Bad>,
    /// Whether every cell is empty or blank space.
    blank: bool,
}

/// The CSV parser (`csv_core`: it holds no record, only its state) and a buffer for the
/// pieces of a cell.
struct Csv {
    parser: csv_core::Reader,
    out: Vec<u8>,
}

impl Csv {
    fn new() -> Csv {
        let mut csv = Csv {
            parser: csv_core::Reader::new(),
            out: vec![0; 8 * 1024],
        };
        // csv_core drops a byte-order mark when its first read starts with all of it, so
        // what it drops would depend on how the input came in pieces. `read` drops the one at
        // the start itself; a first read of a line break, which the parser skips before a
        // record, turns csv_core's off.
        csv.parser.read_field(b"\n", &mut csv.out);
        csv
    }

    /// Reads the next record into `record`, keeping its first `keep` cells; stops reading
    /// at a record of more than `max_cells` cells.
    fn next(
        &mut self,
        src: &mut Source<impl BufRead>,
        record: &mut Record,
        keep: usize,
        max_cells: Option<usize>,
    ) -> io::Result<Next> {
        // Line breaks between records: the parser would skip them too, but the record's line
        // is that of its first byte.
        src.skip(|b| b == b'\n' || b == b'\r')?;
        record.line = src.seen.line();
        record.cells.clear();
        record.count = 0;
        record.too_long = None;
        record.blank = true;
        src.seen.bad = None;
        let mut cell = Vec::new();
        loop {
            let buf = src.input.fill_buf()?;
            if buf.is_empty() {
                src.seen.finish();
            }
            let (result, used, written) = self.parser.read_field(buf, &mut self.out);
            src.seen.track(&buf[..used]);
            src.input.consume(used);
            if src.seen.over_cap() {
                return Ok(Next::OverCap);
            }
            let piece = &self.out[..written];
            record.blank &= piece.iter().all(u8::is_ascii_whitespace);
            if record.count < keep && record.too_long.is_none() {
                if cell.len() + written > CELL_BYTES {
                    record.too_long = Some(record.count);
                    cell = Vec::new();
                } else {
                    cell.extend_from_slice(piece);
                }
            }
            let record_end = match result {
                csv_core::ReadFieldResult::InputEmpty | csv_core::ReadFieldResult::OutputFull => {
                    continue
                }
                csv_core::ReadFieldResult::End => return Ok(Next::End),
                csv_core::ReadFieldResult::Field { record_end } => record_end,
            };
            if record.count < keep {
                record.cells.push(std::mem::take(&mut cell));
            }
            cell.clear();
            record.count += 1;
            if max_cells.is_some_and(|max| record.count > max) {
                return Ok(Next::TooManyCells);
            }
            if record_end {
                record.bad = src.seen.bad.take();
                return Ok(Next::Record);
            }
        }
    }
}

/// Finds the bytes that are not UTF-8 in a stream read in pieces: a character cut by the end
/// of a piece is finished with the next one.
#[derive(Default)]
struct Utf8Stream {
    /// The start of a character the last piece ended in, and its position.
    pending: Vec<u8>,
    pending_at: u64,
}

impl Utf8Stream {
    /// Checks `bytes`, which start at position `at`; calls `bad` with the position of each
    /// invalid sequence.
    fn feed(&mut self, mut bytes: &[u8], mut at: u64, bad: &mut dyn FnMut(u64)) {
        if !self.pending.is_empty() {
            let more = bytes.len().min(4 - self.pending.len());
            let mut joined = std::mem::take(&mut self.pending);
            let carried = joined.len();
            joined.extend_from_slice(&bytes[..more]);
            let skip = match std::str::from_utf8(&joined) {
                Ok(_) => joined.len(),
                Err(e) if e.valid_up_to() > 0 => e.valid_up_to(),
                Err(e) => match e.error_len() {
                    Some(n) => {
                        bad(self.pending_at);
                        n
                    }
                    None => {
                        // Still unfinished: `bytes` was shorter than the character.
                        self.pending = joined;
                        return;
                    }
                },
            };
            let used = skip.saturating_sub(carried);
            bytes = &bytes[used..];
            at += used as u64;
        }
        loop {
            match std::str::from_utf8(bytes) {
                Ok(_) => return,
                Err(e) => {
                    let valid = e.valid_up_to();
                    match e.error_len() {
                        Some(n) => {
                            bad(at + valid as u64);
                            bytes = &bytes[valid + n..];
                            at += (valid + n) as u64;
                        }
                        None => {
                            self.pending = bytes[valid..].to_vec();
                            self.pending_at = at + valid as u64;
                            return;
                        }
                    }
                }
            }
        }
    }

    /// The position of a character left unfinished at the end of the stream.
    fn finish(&mut self) -> Option<u64> {
        (!std::mem::take(&mut self.pending).is_empty()).then_some(self.pending_at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(bytes: &[u8], format: Option<InputFormat>) -> (Vec<RawRow>, Vec<Problem>) {
        // A tiny buffer, so that cells, characters and line ends fall across reads.
        let r = read(io::BufReader::with_capacity(3, bytes), format).unwrap();
        let big = read(bytes, format).unwrap();
        assert_eq!(r.rows, big.rows);
        assert_eq!(r.problems, big.problems);
        (r.rows, r.problems)
    }

    #[test]
    fn reads_csv_with_line_numbers() {
        let (rows, problems) = read_all(
            b"name,kind\nA,hardware\n\n\"B\nwith newline\",software\r\nC\n",
            None,
        );
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[1].line, 4);
        assert_eq!(rows[1].cells[0].1, "B\nwith newline");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 6);
        assert!(problems[0].message.contains("has 1 cells"));
    }

    #[test]
    fn a_byte_order_mark_and_blank_lines_before_the_header_are_skipped() {
        let (rows, problems) = read_all(b"\xEF\xBB\xBF\n\nkind,name\nhardware,A", None);
        assert_eq!(problems, vec![]);
        assert_eq!(rows[0].line, 4);
        assert_eq!(rows[0].cells[0], ("kind".into(), "hardware".into()));
    }

    #[test]
    fn names_a_column_given_twice() {
        let (_, problems) = read_all(b"name,kind,name\nA,data,B\n", None);
        assert_eq!(problems[0].line, 1);
        assert!(problems[0].message.contains("'name' twice"));
    }

    #[test]
    fn an_unknown_column_is_named_once_even_without_rows() {
        let (rows, problems) = read_all(b"kind,name,colour\n", None);
        assert!(rows.is_empty());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 1);
        assert!(problems[0].message.contains("unknown column 'colour'"));
        let (rows, problems) = read_all(b"kind,name,colour\nhardware,A,red\n", None);
        assert_eq!(problems.len(), 1);
        assert_eq!(rows[0].cells.len(), 2, "the unknown column is left out");
    }

    #[test]
    fn names_bad_bytes_with_their_position_and_empty_input() {
        let (rows, problems) = read_all(b"name,kind\nA\xff,hardware\nB,data\n", None);
        assert_eq!(rows.len(), 1);
        assert_eq!(problems[0].line, 2);
        assert!(
            problems[0]
                .message
                .contains("not valid UTF-8 (invalid byte at position 11)"),
            "{problems:?}"
        );
        let (_, problems) = read_all(b"name,kind\nB,\"x\ny\xe2\x82\"\n", None);
        assert!(problems[0].message.contains("position 16"), "{problems:?}");
        assert_eq!(problems[0].line, 3);
        let (_, problems) = read_all(b"name,kind\nA,\xe2\x82", None);
        assert!(problems[0].message.contains("position 12"), "{problems:?}");
        let (_, problems) = read_all(b"  \n", None);
        assert!(problems[0].message.contains("empty"));
        let (rows, problems) = read_all("name,kind\nKursi é,data\n".as_bytes(), None);
        assert_eq!((rows.len(), problems.len()), (1, 0));
    }

    #[test]
    fn a_cell_over_the_limit_is_named_and_not_kept() {
        let mut input = b"kind,name,location\nhardware,A,".to_vec();
        input.extend(std::iter::repeat_n(b'x', CELL_BYTES + 1));
        input.extend(b"\nhardware,B,");
        input.extend(std::iter::repeat_n(b'y', CELL_BYTES));
        input.extend(b"\n");
        let (rows, problems) = read_all(&input, None);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 2);
        assert!(problems[0]
            .message
            .contains("column 'location' holds more than 4 KiB"));
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].cells[2].1.len(), CELL_BYTES);
    }

    #[test]
    fn reading_stops_at_a_header_of_too_many_columns() {
        let names: Vec<String> = (0..=IMPORT_COLUMNS).map(|i| format!("attr.c{i}")).collect();
        let input = format!("{}\n{}\n", names.join(","), "x,".repeat(IMPORT_COLUMNS));
        let (rows, problems) = read_all(input.as_bytes(), None);
        assert!(rows.is_empty());
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("more than 64 columns"));
        let names = &names[..IMPORT_COLUMNS];
        let input = format!(
            "{}\n{}x\n",
            names.join(","),
            "x,".repeat(IMPORT_COLUMNS - 1)
        );
        let (rows, problems) = read_all(input.as_bytes(), None);
        assert_eq!((rows.len(), problems.len()), (1, 0));
    }

    #[test]
    fn control_characters_in_cells_are_refused() {
        let (rows, problems) = read_all(b"kind,name\nhardware,\"A\x00B\"\n", None);
        assert!(rows.is_empty());
        assert!(problems[0]
            .message
            .contains("column 'name' contains a control character (U+0000"));
        let (_, problems) = read_all(b"{\"kind\":\"data\",\"name\":\"\\u001b[2J\"}\n", None);
        assert!(problems[0].message.contains("U+001B"), "{problems:?}");
    }

    #[test]
    fn reads_json_lines() {
        let input = b"{\"name\":\"A\",\"value\":5,\"attributes\":{\"ram\":\"8GB\"}}\n\n[1]\n";
        let (rows, problems) = read_all(input, None);
        assert_eq!(rows.len(), 1);
        assert!(rows[0].cells.contains(&("attr.ram".into(), "8GB".into())));
        assert!(rows[0].cells.contains(&("value".into(), "5".into())));
        assert_eq!(problems[0].line, 3);
        let (_, problems) = read_all(b"{\"name\":\"\xff\"}", Some(InputFormat::Jsonl));
        assert!(problems[0].message.contains("position 9"), "{problems:?}");
    }

    #[test]
    fn a_json_line_over_the_limit_is_named_and_not_kept() {
        let mut input = b"{\"name\":\"".to_vec();
        input.extend(std::iter::repeat_n(b'x', JSON_LINE_BYTES));
        input.extend(b"\"}\n{\"name\":\"B\",\"kind\":\"data\"}\n");
        let (rows, problems) = read_all(&input, None);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 1);
        assert!(problems[0].message.contains("longer than 1 MiB"));
        assert_eq!(rows.len(), 1);
    }

    #[test]
    fn utf8_across_pieces() {
        let text = "aé€𝄞b".as_bytes();
        for split in 0..text.len() {
            let mut stream = Utf8Stream::default();
            let mut bad = Vec::new();
            stream.feed(&text[..split], 0, &mut |at| bad.push(at));
            stream.feed(&text[split..], split as u64, &mut |at| bad.push(at));
            assert_eq!(stream.finish(), None);
            assert!(bad.is_empty(), "split at {split}: {bad:?}");
        }
        let mut stream = Utf8Stream::default();
        let mut bad = Vec::new();
        stream.feed(b"a\xe2", 0, &mut |at| bad.push(at));
        stream.feed(b"\x82", 2, &mut |at| bad.push(at));
        stream.feed(b"x\xff", 3, &mut |at| bad.push(at));
        assert_eq!(bad, vec![1, 4]);
        stream.feed(b"\xf0", 5, &mut |at| bad.push(at));
        assert_eq!(stream.finish(), Some(5));
    }
}
