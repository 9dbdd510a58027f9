//! Reading rows to import: CSV with a header row, or JSON lines. Pure: bytes in, rows or
//! line-numbered problems out. Every problem is collected, none stops the reading.

use crate::asset::ATTR;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    Csv,
    Jsonl,
}

/// CSV unless the first non-blank byte opens a JSON object.
pub fn detect(bytes: &[u8]) -> InputFormat {
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => InputFormat::Jsonl,
        _ => InputFormat::Csv,
    }
}

pub fn read(bytes: &[u8], format: InputFormat) -> (Vec<RawRow>, Vec<Problem>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return (
            Vec::new(),
            vec![Problem {
                line: 0,
                message: "the input is empty: give a CSV file with a header row, or JSON lines"
                    .into(),
            }],
        );
    }
    match format {
        InputFormat::Csv => read_csv(bytes),
        InputFormat::Jsonl => read_jsonl(bytes),
    }
}

fn read_csv(bytes: &[u8]) -> (Vec<RawRow>, Vec<Problem>) {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(bytes);
    let header: Vec<String> = match reader.byte_headers() {
        Ok(h) => match h
            .iter()
            .map(std::str::from_utf8)
            .collect::<Result<Vec<_>, _>>()
        {
            Ok(names) => names.iter().map(|n| n.trim().to_string()).collect(),
            Err(_) => return (rows, vec![not_utf8(1)]),
        },
        Err(e) => {
            problems.push(Problem {
                line: 1,
                message: format!("the header row cannot be read: {e}"),
            });
            return (rows, problems);
        }
    };
    let mut names = std::collections::HashSet::new();
    for name in &header {
        if !names.insert(name.as_str()) {
            problems.push(Problem {
                line: 1,
                message: format!("the header names column '{name}' twice"),
            });
        }
    }
    let lines = Lines::new(bytes);
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(Problem {
                    line,
                    message: format!("cannot be read as CSV: {e}"),
                });
                continue;
            }
        }
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        if record.iter().all(|c| c.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        if record.len() != header.len() {
            problems.push(Problem {
                line,
                message: format!(
                    "has {} cells but the header has {} columns (an unclosed quote or a stray comma?)",
                    record.len(),
                    header.len()
                ),
            });
            continue;
        }
        let cells: Result<Vec<(String, String)>, _> = header
            .iter()
            .zip(record.iter())
            .map(|(h, c)| std::str::from_utf8(c).map(|c| (h.clone(), c.to_string())))
            .collect();
        match cells {
            Ok(cells) => rows.push(RawRow { line, cells }),
            Err(_) => problems.push(not_utf8(line)),
        }
    }
    (rows, problems)
}

/// Line numbers from byte offsets. The csv crate's own line count goes wrong after blank
/// lines, which it skips.
struct Lines<'a> {
    bytes: &'a [u8],
    newlines: Vec<usize>,
}

impl Lines<'_> {
    fn new(bytes: &[u8]) -> Lines<'_> {
        let newlines = bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .map(|(i, _)| i)
            .collect();
        Lines { bytes, newlines }
    }

    /// The 1-based line of the first byte at or after `offset` that is not a line break.
    fn line_at(&self, offset: u64) -> u64 {
        let mut at = offset as usize;
        while self
            .bytes
            .get(at)
            .is_some_and(|b| *b == b'\n' || *b == b'\r')
        {
            at += 1;
        }
        self.newlines.partition_point(|&nl| nl < at) as u64 + 1
    }
}

fn not_utf8(line: u64) -> Problem {
    Problem {
        line,
        message: "is not valid UTF-8: save the file as UTF-8 (in a spreadsheet: CSV UTF-8)".into(),
    }
}

fn read_jsonl(bytes: &[u8]) -> (Vec<RawRow>, Vec<Problem>) {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = i as u64 + 1;
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let Ok(text) = std::str::from_utf8(raw) else {
            problems.push(not_utf8(line));
            continue;
        };
        match serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(text) {
            Ok(object) => match json_cells(object) {
                Ok(cells) => rows.push(RawRow { line, cells }),
                Err(message) => problems.push(Problem { line, message }),
            },
            Err(e) => problems.push(Problem {
                line,
                message: format!("is not a JSON object: {e}"),
            }),
        }
    }
    (rows, problems)
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
        _ => Err(format!("'{key}' must be a string or a number")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_csv_with_line_numbers() {
        let (rows, problems) = read(
            b"name,kind\nA,hardware\n\n\"B\nwith newline\",software\nC\n",
            InputFormat::Csv,
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
    fn names_a_column_given_twice() {
        let (_, problems) = read(b"name,kind,name\nA,data,B\n", InputFormat::Csv);
        assert_eq!(problems[0].line, 1);
        assert!(problems[0].message.contains("'name' twice"));
    }

    #[test]
    fn names_bad_bytes_and_empty_input() {
        let (rows, problems) = read(b"name,kind\nA\xff,hardware\n", InputFormat::Csv);
        assert!(rows.is_empty());
        assert_eq!(problems[0].line, 2);
        assert!(problems[0].message.contains("UTF-8"));
        let (_, problems) = read(b"  \n", InputFormat::Csv);
        assert!(problems[0].message.contains("empty"));
    }

    #[test]
    fn reads_json_lines() {
        let input = b"{\"name\":\"A\",\"value\":5,\"attributes\":{\"ram\":\"8GB\"}}\n\n[1]\n";
        assert_eq!(detect(input), InputFormat::Jsonl);
        let (rows, problems) = read(input, InputFormat::Jsonl);
        assert_eq!(rows.len(), 1);
        assert!(rows[0].cells.contains(&("attr.ram".into(), "8GB".into())));
        assert!(rows[0].cells.contains(&("value".into(), "5".into())));
        assert_eq!(problems[0].line, 3);
    }
}
