//! Printing: tables, JSON and CSV, to a writer chosen by the caller.

use std::io::Write;

use anyhow::{Context as _, Result};
use serde::Serialize;

mod table;

pub use table::{plain_cell, Layout, Look, Paint, PlainWidths, Table};

static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// `-q`: nothing on stderr but errors (warnings are left out too).
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, std::sync::atomic::Ordering::Relaxed);
}

/// Whether `-q` was given: warnings and progress are left out.
pub fn quiet() -> bool {
    QUIET.load(std::sync::atomic::Ordering::Relaxed)
}

/// A time as CSV prints it: RFC 3339 to the second, with the office's offset
/// (`2026-11-24T09:00:00+07:00`).
pub fn csv_time(t: chrono::DateTime<chrono::FixedOffset>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// One id per line (`--format id`).
pub fn ids<'a>(out: &mut dyn Write, ids: impl IntoIterator<Item = &'a str>) -> Result<()> {
    for id in ids {
        writeln!(out, "{id}")?;
    }
    Ok(())
}

/// A table for people: laid out as `look` says (docs/contract.md, "Tables").
pub fn table(header: &[&str], look: Look) -> Table {
    Table::new(header, look)
}

/// A time to the minute, as tables show it (`2026-11-23 09:05`); chrono's `format` parses its
/// pattern at every call, which counts at 100,000 rows.
pub fn minute(t: chrono::DateTime<chrono::FixedOffset>) -> String {
    use chrono::{Datelike, Timelike};
    let year = t.year();
    if !(0..=9999).contains(&year) {
        let (month, day, hour, minute) = (t.month(), t.day(), t.hour(), t.minute());
        return format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}");
    }
    // Written digit by digit: `format!` was 7 % of a 100,000-row `sop list` (perf).
    let mut text = *b"0000-00-00 00:00";
    let parts = [(0, year as u32, 4), (5, t.month(), 2), (8, t.day(), 2)];
    let parts = parts
        .into_iter()
        .chain([(11, t.hour(), 2), (14, t.minute(), 2)]);
    for (at, mut value, digits) in parts {
        for i in (at..at + digits).rev() {
            text[i] = b'0' + (value % 10) as u8;
            value /= 10;
        }
    }
    String::from_utf8_lossy(&text).into_owned()
}

pub fn json(out: &mut dyn Write, value: &impl Serialize) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// CSV with a header row.
pub fn csv(
    out: &mut dyn Write,
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(header)?;
    for row in rows {
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}

/// Refuses (exit 3) to write a PDF to a terminal, with `example` as the hint's command.
pub fn refuse_pdf_terminal(example: &str) -> Result<()> {
    use crate::error::Hint as _;
    use std::io::IsTerminal as _;
    if std::io::stdout().is_terminal() {
        return Err(
            crate::invalid!("{}", t!(PdfToTerminal)).hint(t!(HintWriteToFile, example = example))
        );
    }
    Ok(())
}

/// Writes `path` (an `--output FILE`) through a temporary file beside it and a rename: a
/// reader sees the old document or the new, never half of one. A folder is refused.
pub fn write_replacing(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    if path.is_dir() {
        return Err(crate::invalid!(
            "{}",
            t!(OutputIsFolder, path = path.display())
        ));
    }
    replace_file(path, bytes, true)
}

/// `write_replacing`, synced to the disk before the rename only when `sync` (`sop site`
/// syncs its manifest, not each of its thousands of pages).
pub fn replace_file(path: &std::path::Path, bytes: &[u8], sync: bool) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        // A document is for reading: the usual mode of a new file, not a temporary one's.
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .with_context(|| t!(WritingFile, path = path.display()))?;
    tmp.write_all(bytes)
        .and_then(|()| match sync {
            true => tmp.as_file().sync_all(),
            false => Ok(()),
        })
        .with_context(|| t!(WritingFile, path = path.display()))?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| t!(WritingFile, path = path.display()))?;
    Ok(())
}
