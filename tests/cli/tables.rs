//! Tables that fit: on a terminal of 80 columns ids, dates and statuses stay whole and long
//! titles end with "…"; `--wide` shows everything; piped output is plain columns without
//! borders or escape codes, stable for `awk`; colour (on a terminal only, or `--color
//! always`) never moves a character, and `NO_COLOR` and `--color never` turn it off. A
//! terminal is stood in for by `SOP_TERMINAL_WIDTH`, which says sop writes to one.

use std::collections::BTreeSet;

use assert_cmd::prelude::*;
use chrono::DateTime;
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

use crate::support::Office;

/// `sop --as rizky ARGS…` with `env` set (and `NO_COLOR` taken away when `colour`), which must
/// succeed: its stdout.
fn run(office: &Office, env: &[(&str, &str)], colour: bool, args: &[&str]) -> String {
    let mut cmd = office.sop_cmd();
    cmd.arg("--as").arg("rizky").args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    if colour {
        cmd.env_remove("NO_COLOR");
    }
    let out = cmd.assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

const TERMINAL_80: &[(&str, &str)] = &[("SOP_TERMINAL_WIDTH", "80")];

/// A JSON time as tables show it: `2026-11-23 09:05`.
fn minute(v: &Value) -> String {
    let t = DateTime::parse_from_rfc3339(v.as_str().unwrap()).unwrap();
    t.format("%Y-%m-%d %H:%M").to_string()
}

/// The text without its colour escape codes.
fn plain(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('\x1b') {
        out += &rest[..i];
        let end = rest[i..].find('m').expect("an escape code ends in m");
        rest = &rest[i + end + 1..];
    }
    out + rest
}

fn assert_fits(text: &str, width: usize) {
    for line in text.lines() {
        assert!(
            line.width() <= width,
            "{:?} is {} columns wide:\n{text}",
            line,
            line.width()
        );
    }
}

#[test]
fn list_at_80_columns_keeps_ids_dates_and_statuses_whole_and_cuts_titles() {
    let office = Office::demo();
    let text = run(&office, TERMINAL_80, false, &["list"]);
    assert_fits(&text, 80);
    assert!(!text.contains('\x1b'), "{text}");
    assert!(text.starts_with('┌'), "{text}");
    let rows = office.json("rizky", &["list"]);
    let mut cut = 0;
    for row in rows.as_array().unwrap() {
        let id = row["id"].as_str().unwrap();
        let line = text
            .lines()
            .find(|l| l.contains(id))
            .unwrap_or_else(|| panic!("{id} is not whole on a line:\n{text}"));
        let status = row["status"].as_str().unwrap();
        assert!(line.contains(&format!("  {status}")), "{status}: {line}");
        if !row["due"].is_null() {
            assert!(line.contains(&minute(&row["due"])), "due: {line}");
        }
        if row["overdue"] == true {
            assert!(line.contains(" !"), "{line}");
        }
        let title = row["title"].as_str().unwrap();
        if !line.contains(title) {
            let mut cells = line.split("  ").map(str::trim);
            let shown = cells.find(|c| c.ends_with('…')).unwrap();
            assert!(title.starts_with(shown.trim_end_matches('…')), "{line}");
            cut += 1;
        }
    }
    assert!(cut > 10, "long titles end with …:\n{text}");
}

#[test]
fn list_columns_join_in_their_order_as_the_terminal_widens() {
    let office = Office::demo();
    let order = ["step", "role", "procedure", "assignee", "created"];
    let mut joined = 0;
    for width in (80..=200).step_by(4) {
        let columns = width.to_string();
        let text = run(
            &office,
            &[("SOP_TERMINAL_WIDTH", &columns)],
            false,
            &["list"],
        );
        assert_fits(&text, width);
        let header = text.lines().nth(1).unwrap().trim_matches(['│', ' ']);
        let header: Vec<&str> = header.split_whitespace().collect();
        if width == 80 {
            assert_eq!(header, ["id", "title", "status", "due"]);
        }
        let shown: BTreeSet<&str> = header
            .iter()
            .copied()
            .filter(|c| order.contains(c))
            .collect();
        let first = BTreeSet::from_iter(order[..shown.len()].iter().copied());
        assert_eq!(shown, first, "at {width} columns: {header:?}");
        assert!(shown.len() >= joined, "at {width} columns: {header:?}");
        joined = shown.len();
    }
    assert_eq!(joined, order.len(), "every column shows on a wide terminal");
}

#[test]
fn show_at_80_columns_splits_no_id_or_date() {
    let office = Office::demo();
    let ids = run(&office, &[], false, &["list", "--format", "id"]);
    for id in ids.lines() {
        let text = run(&office, TERMINAL_80, false, &["show", id]);
        assert_fits(&text, 80);
        assert!(text.starts_with(&format!("{id}  ")), "{text}");
        let req = office.json("rizky", &["show", id]);
        assert!(text.contains(&minute(&req["created"])), "{text}");
        for entry in req["history"].as_array().unwrap() {
            let at = minute(&entry["at"]);
            assert!(text.contains(&format!("│ {at}  ")), "{at}:\n{text}");
        }
        if let Some(step) = req["step"].as_object() {
            if let Some(due) = step.get("due").filter(|d| !d.is_null()) {
                assert!(text.contains(&minute(due)), "{text}");
            }
        }
        let status = req["status"].as_str().unwrap();
        assert!(text.contains(&format!("\nstatus     {status}")), "{text}");
    }
}

#[test]
fn wide_shows_every_column_and_whole_titles() {
    let office = Office::demo();
    let text = run(&office, TERMINAL_80, false, &["list", "--wide"]);
    assert!(text.lines().any(|l| l.width() > 80), "{text}");
    let header = text.lines().nth(1).unwrap();
    for column in ["procedure", "step", "role", "assignee", "created", "due"] {
        assert!(header.contains(column), "{header}");
    }
    let rows = office.json("rizky", &["list"]);
    for row in rows.as_array().unwrap() {
        assert!(text.contains(row["title"].as_str().unwrap()), "{text}");
    }
    assert!(!text.contains('…'));
}

#[test]
fn piped_tables_are_plain_columns_for_awk() {
    let office = Office::demo();
    // COLUMNS is a terminal's width: it does not make a pipe one.
    let text = run(&office, &[("COLUMNS", "80")], false, &["list"]);
    for mark in ["\x1b", "│", "┌", "└", "═", "…"] {
        assert!(!text.contains(mark), "{mark:?} in\n{text}");
    }
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    assert_eq!(
        header.split_whitespace().collect::<Vec<_>>(),
        [
            "id",
            "procedure",
            "title",
            "status",
            "step",
            "role",
            "assignee",
            "created",
            "due"
        ]
    );
    let rows = office.json("rizky", &["list"]);
    for (line, row) in lines.zip(rows.as_array().unwrap()) {
        assert!(!line.ends_with(' '), "{line:?}");
        let cells: Vec<&str> = line
            .split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        assert_eq!(cells.len(), 9, "{line:?}");
        assert_eq!(cells[0], row["id"]);
        assert_eq!(cells[2], row["title"]);
        assert!(cells[3].starts_with(row["status"].as_str().unwrap()));
        assert_eq!(cells[7], minute(&row["created"]));
    }
    // As people use it: the first column, and columns split at two spaces.
    let out = office
        .sh(r#""$SOP" list 2>/dev/null | awk 'NR > 1 {print $1}' > ../awk-ids
"$SOP" list --format id > ../ids
cmp ../awk-ids ../ids && "$SOP" list 2>/dev/null | awk -F '  +' 'NR > 1 && $4 == "cancelled" {print $3}'"#)
        .success();
    let cancelled = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert_eq!(
        cancelled,
        "Webinar literasi digital untuk pelajar SMP\nEmail kedua untuk keperluan pengadaan barang/jasa\n"
    );
    // Every listing and record prints no border and no escape code to a pipe.
    let id = rows[0]["id"].as_str().unwrap();
    for args in [
        vec!["show", id],
        vec!["log", id],
        vec!["report"],
        vec!["procedure", "list"],
        vec!["procedure", "show", "email"],
        vec!["asset", "list"],
    ] {
        let text = run(&office, &[], false, &args);
        assert!(!text.is_empty(), "{args:?}");
        for mark in ["\x1b", "│", "┌", "═"] {
            assert!(!text.contains(mark), "{args:?}: {mark:?} in\n{text}");
        }
    }
}

#[test]
fn colour_never_moves_a_character_and_no_color_turns_it_off() {
    let office = Office::demo();
    let args = ["list"];
    // NO_COLOR=1 (the test environment's) on a terminal: no colour.
    let no_color = run(&office, TERMINAL_80, false, &args);
    assert!(!no_color.contains('\x1b'));
    // Without NO_COLOR, a terminal is coloured; with an empty NO_COLOR too.
    let auto = run(&office, TERMINAL_80, true, &args);
    let empty = run(
        &office,
        &[("SOP_TERMINAL_WIDTH", "80"), ("NO_COLOR", "")],
        true,
        &args,
    );
    let always = run(&office, TERMINAL_80, false, &["list", "--color", "always"]);
    let never = run(&office, TERMINAL_80, true, &["list", "--color", "never"]);
    assert!(!never.contains('\x1b'));
    for coloured in [&auto, &empty, &always] {
        assert!(coloured.contains('\x1b'), "{coloured}");
        assert_eq!(plain(coloured), no_color);
    }
    assert_eq!(never, no_color);
    // Overdue red, held yellow, finished dim.
    let rows = office.json("rizky", &["list"]);
    for row in rows.as_array().unwrap() {
        let id = row["id"].as_str().unwrap();
        let line = always.lines().find(|l| l.contains(id)).unwrap();
        let code = match (row["status"].as_str().unwrap(), row["overdue"] == true) {
            (_, true) => "\x1b[31m",
            ("held", _) => "\x1b[33m",
            ("open", _) => "",
            _ => "\x1b[2m",
        };
        match code {
            "" => assert!(!line.contains('\x1b'), "{line:?}"),
            code => assert!(line.starts_with(&format!("│ {code}")), "{line:?}"),
        }
    }
    // A pipe with --color always: coloured plain columns, the same without the codes.
    let piped = run(&office, &[], false, &["list", "--color", "always"]);
    assert!(piped.contains("\x1b[31m"));
    assert_eq!(plain(&piped), run(&office, &[], false, &["list"]));
    // show colours too, and the same way.
    let overdue = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["overdue"] == true)
        .unwrap();
    let id = overdue["id"].as_str().unwrap();
    let show = run(
        &office,
        TERMINAL_80,
        false,
        &["show", id, "--color", "always"],
    );
    assert!(show.contains("\x1b[31m"), "{show}");
    assert_eq!(
        plain(&show),
        run(&office, TERMINAL_80, false, &["show", id])
    );
}
