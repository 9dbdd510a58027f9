//! Printing: tables, JSON and CSV, to a writer chosen by the caller.

use std::io::Write;

use anyhow::{Context as _, Result};
use comfy_table::{presets, Table};
use serde::Serialize;

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

/// A table with the house style; plain when there is no colour (pipes, NO_COLOR).
pub fn table(header: &[&str], color: bool) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::UTF8_BORDERS_ONLY);
    if !color {
        t.force_no_tty();
    } else {
        t.enforce_styling();
    }
    t.set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
    t.set_header(header.to_vec());
    t
}

/// The rows of a long table, in the house style of `table` without colour: written as they
/// are, without building a `Table` (which costs seconds at 100,000 rows). Used where there is
/// no terminal to fit: with one (`color`), or a cell of several lines, `table` lays it out.
pub fn long_table(
    out: &mut dyn Write,
    header: &[&str],
    rows: &[Vec<String>],
    color: bool,
) -> Result<()> {
    if color || rows.iter().flatten().any(|c| c.contains('\n')) {
        let mut t = table(header, color);
        for r in rows {
            t.add_row(r.clone());
        }
        writeln!(out, "{t}")?;
        return Ok(());
    }
    use unicode_width::UnicodeWidthStr;
    // Each cell's width, measured once: the widest of each column, then each cell's padding.
    let cell_widths: Vec<usize> = rows.iter().flatten().map(|c| c.width()).collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for (i, w) in cell_widths.iter().enumerate() {
        let column = &mut widths[i % header.len()];
        *column = (*column).max(*w);
    }
    let inner = widths
        .iter()
        .map(|w| w + 3)
        .sum::<usize>()
        .saturating_sub(1);
    let line = |out: &mut dyn Write, cells: &[(&str, usize)]| -> Result<()> {
        let mut text = String::from("│");
        for (i, ((cell, width), column)) in cells.iter().zip(&widths).enumerate() {
            text += if i == 0 { " " } else { "  " };
            text += cell;
            text.extend(std::iter::repeat_n(' ', column - width + 1));
        }
        text += "│\n";
        out.write_all(text.as_bytes())?;
        Ok(())
    };
    writeln!(out, "┌{}┐", "─".repeat(inner))?;
    let head: Vec<(&str, usize)> = header.iter().map(|h| (*h, h.width())).collect();
    line(out, &head)?;
    writeln!(out, "╞{}╡", "═".repeat(inner))?;
    let mut measured = cell_widths.chunks(header.len());
    for r in rows {
        let w = measured.next().unwrap_or_default();
        let cells: Vec<(&str, usize)> = r
            .iter()
            .map(String::as_str)
            .zip(w.iter().copied())
            .collect();
        line(out, &cells)?;
    }
    writeln!(out, "└{}┘", "─".repeat(inner))?;
    Ok(())
}

/// A time to the minute, as tables show it (`2026-11-23 09:05`); chrono's `format` parses its
/// pattern at every call, which counts at 100,000 rows.
pub fn minute(t: chrono::DateTime<chrono::FixedOffset>) -> String {
    use chrono::{Datelike, Timelike};
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute()
    )
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
        return Err(crate::invalid!("a PDF is not written to a terminal")
            .hint(format!("write it to a file: {example}")));
    }
    Ok(())
}

/// Writes `path` through a temporary file beside it and a rename: a reader sees the old
/// document or the new, never half of one.
pub fn write_replacing(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
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
        .with_context(|| format!("writing {}", path.display()))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("writing {}", path.display()))?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn laid_out_by_comfy(header: &[&str], rows: &[Vec<String>]) -> String {
        let mut t = table(header, false);
        for r in rows {
            t.add_row(r.clone());
        }
        format!("{t}\n")
    }

    /// Without a terminal, the long table is byte for byte what comfy-table prints: wide
    /// characters, empty cells, cells wider than their header, and no rows at all.
    #[test]
    fn long_tables_are_laid_out_as_comfy_table_lays_them_out() {
        let header = ["id", "judul", "langkah"];
        let cases: Vec<Vec<Vec<String>>> = vec![
            vec![],
            vec![vec!["EML-1".into(), "Permintaan Email".into(), "".into()]],
            vec![
                vec!["EML-2".into(), "Ruang 会议 rapat".into(), "isi-form".into()],
                vec!["".into(), "é".into(), "persetujuan-kepala-dinas".into()],
                vec!["AST-XYZ".into(), "".into(), "x".into()],
            ],
        ];
        for rows in cases {
            let mut ours = Vec::new();
            long_table(&mut ours, &header, &rows, false).unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                laid_out_by_comfy(&header, &rows),
                "{rows:?}"
            );
        }
    }
}
