//! Every limit on what sop reads, named in one place, with the checks that share them. Over a
//! limit is an input error (exit 3) that names the file, line, column or option, and nothing
//! is written. docs/contract.md ("Limits") lists them for people; keep the two together.
//!
//! The numbers are far above what an office writes by hand or exports from a spreadsheet, and
//! low enough that one command's memory and one commit's size stay small: a record is read
//! whole, a value is stored in a record and again in its history, and each change is a
//! commit that every clone keeps for ever.

/// An import's input (a CSV or JSON-lines file, or standard input), in bytes: 256 MiB. A
/// register of 100,000 assets with ordinary columns is 10–20 MB; the cap leaves room for long
/// free-text columns and stops a wrong file (a disk image, a log) early. Counted while
/// reading, so standard input is bounded too.
pub const IMPORT_BYTES: u64 = 256 * 1024 * 1024;

/// Rows of one import: 100,000. An import is one commit with one file per row; the whole
/// register of a regional office (tens of thousands of items) fits in one, and a commit of
/// 100,000 files already takes seconds to write and to show in git tools. Larger registers
/// are imported in parts.
pub const IMPORT_ROWS: usize = 100_000;

/// Columns of an import's header, or members of one JSON line (attributes included): 64. An
/// asset has 13 columns; the other 51 are free attributes, more than a register uses, and
/// each column is a line in every asset file.
pub const IMPORT_COLUMNS: usize = 64;

/// One cell of an import (a column name or a value), in bytes of UTF-8: 4 KiB. The longest
/// real values (a location description, a licence key, a remark) are a few hundred bytes; an
/// asset file keeps each value twice (the column and the history entry that set it).
pub const CELL_BYTES: usize = 4 * 1024;

/// One line of a JSON-lines import, in bytes: 1 MiB: a row of 64 cells of 4 KiB, with room
/// for quoting and `\u` escapes. The line is held whole while it is parsed.
pub const JSON_LINE_BYTES: usize = 1024 * 1024;

/// A record file (a request or an asset), in bytes: 1 MiB. A request holds its fields (at most
/// `FIELD_BYTES` each) and one history entry per step taken, each with at most a note and an
/// output of `TEXT_BYTES`: 1 MiB is 64 maximal notes, hundreds of ordinary steps. Every
/// listing reads records whole, so this bounds the memory per record.
pub const RECORD_FILE_BYTES: u64 = 1024 * 1024;

/// A procedure file, in bytes: 1 MiB. The shipped procedures are 3–7 KB; a procedure is
/// written by hand, and 1 MiB is some thousands of steps.
pub const PROCEDURE_FILE_BYTES: u64 = 1024 * 1024;

/// people.toml and sop.toml, in bytes: 4 MiB. A person takes about 150 bytes, 1 KB with an
/// RSA signing key: 4 MiB holds thousands of people with keys, and a calendar of holidays for
/// centuries.
pub const RULES_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Record files a completion reads to bring a list cache up to date (`sop approve EM<TAB>`
/// after changes made by sop, git or a pull): 500, a few tens of milliseconds. With more to
/// read (a fresh clone of a large repository, a pull of many changes) the completion offers no
/// request or asset ids until a listing (`sop list`, `sop asset list`) has brought the cache up
/// to date: a TAB must answer at once, and it never reads every record.
pub const COMPLETION_READS: usize = 500;

/// A request field's value, in bytes of UTF-8: 4 KiB, as an import cell. A field is a short
/// answer (a name, an address, a number, a reason in a sentence or two); longer text belongs
/// in a document the request names.
pub const FIELD_BYTES: usize = 4 * 1024;

/// A request's title, in characters: 200. A title is one line in `sop list`, a commit subject
/// and a table cell; 200 characters is two lines of a form.
pub const TITLE_CHARS: usize = 200;

/// A note, a reason (reject, cancel) or a step's output, in bytes of UTF-8: 16 KiB. A note is
/// a paragraph or a short letter; it goes into the request's history and the commit message.
pub const TEXT_BYTES: usize = 16 * 1024;

/// An attached file, by default, in MiB: 20. A scanned, signed form is a few hundred KB, a
/// photo a few MB, a handover report with pictures some MB. `max_file_mb` under
/// `[attachments]` in sop.toml changes it. Every clone keeps every attachment for ever.
pub const ATTACHMENT_FILE_MB: u64 = 20;

/// All the files attached to one request together, by default, in MiB: 50
/// (`max_request_mb` under `[attachments]` in sop.toml).
pub const ATTACHMENT_REQUEST_MB: u64 = 50;

/// An attachment's name, in characters: 200, as a title.
pub const ATTACHMENT_NAME_CHARS: usize = 200;

/// A terminal's width for tables, in columns: 1,000 (`COLUMNS`, `SOP_TERMINAL_WIDTH`). A
/// wider value counts as 1,000: a table fitted to it is already whole on any real screen, and
/// the width bounds the lines sop pads.
pub const TERMINAL_COLUMNS: usize = 1000;

/// A document template under `templates/`, in bytes: 256 KiB. A berita acara is a page or
/// two of HTML, a few KB; a template is written by hand.
pub const TEMPLATE_FILE_BYTES: u64 = 256 * 1024;

/// Files under `templates/` a printout reads, at most: 256. Every one is read (and checked
/// against `TEMPLATE_FILE_BYTES`) before the template runs, since a template may include
/// any of them.
pub const TEMPLATE_FILES: usize = 256;

/// What one printout's template writes, in bytes: 1 MiB of HTML, some hundreds of pages. The
/// form of a request at the largest request file (1 MiB) fits.
pub const PRINT_OUTPUT_BYTES: usize = 1024 * 1024;

/// Pages of one printout: 500.
pub const PRINT_PAGES: usize = 500;

/// `max_factor` under `[monitoring]` in sop.toml: at most 100. The rule says how many times a
/// procedure's total standard time a request may take before the procedure is judged *tidak
/// berjalan dengan baik*; offices use 2 or 3, and a factor past 100 judges nothing.
pub const MONITORING_MAX_FACTOR: u32 = 100;

/// The months one `sop report --monitoring` covers (`--since` to `--until`): 120, ten years.
/// Each request is looked at once for each month it was open in the period, so the period
/// bounds the work; offices judge a year, a semester or a quarter at a time.
pub const MONITORING_MONTHS: u32 = 120;

/// The manifest of a site `sop site` wrote (`.sop-site.json`), in bytes: 64 MiB. It names
/// each file of the site with a hash and, for a request's page, a key: about 130 bytes a
/// request, 13 MB at 100,000 requests; it is read whole at every run.
pub const SITE_MANIFEST_BYTES: u64 = 64 * 1024 * 1024;

/// "4 KiB" for a byte count: limits are whole KiB or MiB.
pub fn size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    if bytes.is_multiple_of(KIB * KIB) {
        format!("{} MiB", bytes / (KIB * KIB))
    } else if bytes.is_multiple_of(KIB) {
        format!("{} KiB", bytes / KIB)
    } else {
        format!("{bytes} bytes")
    }
}

/// Why `text` may not be stored: the first control character in it, other than a tab, a line
/// feed, or a carriage return before a line feed (a Windows line end). A NUL is legal in a TOML
/// string but cuts the text short in C tools and git's own programs; other control
/// characters (escape sequences, backspace, a lone carriage return) can make a terminal show
/// something other than what is stored. None when the text is fine.
pub fn control_char(text: &str) -> Option<String> {
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let windows_line_end = c == '\r' && chars.peek().is_some_and(|(_, n)| *n == '\n');
        if c.is_control() && c != '\t' && c != '\n' && !windows_line_end {
            let code = format!("{:04X}", c as u32);
            return Some(t!(LimitControlChar, code = code, at = at));
        }
    }
    None
}

/// Why an asset's cell (from an import or `sop asset add`) may not be stored: over
/// `CELL_BYTES`, or holding a control character. None when it is fine.
pub fn cell(column: &str, value: &str) -> Option<String> {
    if value.len() > CELL_BYTES {
        return Some(cell_too_long(column));
    }
    control_char(value).map(|why| t!(LimitColumn, column = column, why = why))
}

pub fn cell_too_long(column: &str) -> String {
    t!(
        LimitCellTooLong,
        column = column,
        size = size(CELL_BYTES as u64)
    )
}

/// Text from bytes, or an input error naming `rel` and the position (counted from 0) of the
/// first byte that is not UTF-8.
pub fn utf8(rel: &str, bytes: Vec<u8>) -> anyhow::Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        crate::invalid!(
            "{}",
            t!(LimitNotUtf8, rel = rel, at = e.utf8_error().valid_up_to())
        )
    })
}

/// The error for a file of `len` bytes over its limit of `max`.
pub fn file_too_big(rel: &str, len: u64, max: u64) -> anyhow::Error {
    crate::invalid!(
        "{}",
        t!(LimitFileTooBig, rel = rel, len = len, max = size(max))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 100000 as "100,000".
    fn thousands(n: usize) -> String {
        let digits = n.to_string();
        let mut out = String::new();
        for (i, d) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(d);
        }
        out
    }

    #[test]
    fn the_contract_lists_every_limit() {
        let contract = include_str!("../docs/contract.md");
        let start = contract.find("\n## Limits\n").expect("a Limits section");
        let section = &contract[start..];
        let section = &section[..section[1..].find("\n## ").map_or(section.len(), |e| e + 1)];
        let rows = [
            ("an import's input", size(IMPORT_BYTES)),
            ("rows of one import", thousands(IMPORT_ROWS)),
            ("columns of an import", IMPORT_COLUMNS.to_string()),
            ("a cell of an import", size(CELL_BYTES as u64)),
            ("a JSON line of an import", size(JSON_LINE_BYTES as u64)),
            ("a request or asset file", size(RECORD_FILE_BYTES)),
            ("a procedure file", size(PROCEDURE_FILE_BYTES)),
            ("people.toml, sop.toml", size(RULES_FILE_BYTES)),
            ("a field value", size(FIELD_BYTES as u64)),
            ("a title", format!("{TITLE_CHARS} characters")),
            ("a note, a reason, a step's output", size(TEXT_BYTES as u64)),
            (
                "an attached file |",
                format!("{ATTACHMENT_FILE_MB} MiB by default"),
            ),
            (
                "the files attached to one request",
                format!("{ATTACHMENT_REQUEST_MB} MiB by default"),
            ),
            (
                "an attached file's name",
                format!("{ATTACHMENT_NAME_CHARS} characters"),
            ),
            (
                "a terminal's width for tables",
                format!("{} columns", thousands(TERMINAL_COLUMNS)),
            ),
            ("a site's manifest", size(SITE_MANIFEST_BYTES)),
        ];
        for (what, limit) in rows {
            let row = section
                .lines()
                .find(|l| l.starts_with(&format!("| {what}")))
                .unwrap_or_else(|| panic!("docs/contract.md has no Limits row for {what}"));
            assert!(
                row.split('|')
                    .nth(2)
                    .is_some_and(|c| c.trim().starts_with(&limit)),
                "docs/contract.md gives {what} another limit than {limit}: {row}"
            );
        }
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(size(IMPORT_BYTES), "256 MiB");
        assert_eq!(size(CELL_BYTES as u64), "4 KiB");
        assert_eq!(size(1000), "1000 bytes");
    }

    #[test]
    fn control_characters_are_named_except_tab_and_line_breaks() {
        assert_eq!(control_char("a\tb\nc\r\nd — é"), None);
        let nul = control_char("ab\0c").unwrap();
        assert!(nul.contains("U+0000 at byte 2"), "{nul}");
        assert!(control_char("a\rb").unwrap().contains("U+000D at byte 1"));
        assert!(control_char("\u{1b}[31m").unwrap().contains("U+001B"));
        assert!(control_char("x\u{85}").unwrap().contains("U+0085"));
    }

    #[test]
    fn bad_bytes_are_placed() {
        let err = utf8("people.toml", b"ab\xffc".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "people.toml: not UTF-8 text (invalid byte at position 2)"
        );
        assert_eq!(utf8("x", b"ok".to_vec()).unwrap(), "ok");
    }
}
