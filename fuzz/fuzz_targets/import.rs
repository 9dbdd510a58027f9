//! `sop asset import`'s input: `import::read` on any bytes, as CSV, as JSON lines and as
//! detected, then the validation of every row (`asset::validate`) and, for a row that gives
//! what a new asset needs, the asset it makes (`Asset::create`) and its file written and read
//! back. Line numbers must point into the input; nothing may panic.

#![no_main]

use chrono::DateTime;
use libfuzzer_sys::fuzz_target;
use sop::asset::{self, Asset, Stamp};
use sop::import::{self, InputFormat};

fuzz_target!(|bytes: &[u8]| {
    let lines = bytes.split(|&b| b == b'\n').count() as u64;
    for format in [Some(InputFormat::Csv), Some(InputFormat::Jsonl), None] {
        let input = import::read(bytes, format).expect("reading bytes in memory does not fail");
        for problem in &input.problems {
            assert!(problem.line <= lines, "{format:?}: {problem:?} is past the input");
        }
        for (i, raw) in input.rows.iter().enumerate() {
            assert!(
                (1..=lines).contains(&raw.line),
                "{format:?}: row at line {} of {lines}",
                raw.line
            );
            let Ok(row) = asset::validate(&raw.cells, &person) else {
                continue;
            };
            if Asset::check_new(&row).is_err() {
                continue;
            }
            let stamp = Stamp {
                at: DateTime::parse_from_rfc3339("2026-11-23T09:00:00+07:00").unwrap(),
                by: "eko",
                action: "import",
                request: None,
            };
            let Ok(made) = Asset::create(format!("AST-{i:010}"), &row, &stamp) else {
                continue;
            };
            let written = made.to_toml();
            let back = Asset::from_toml(&written)
                .unwrap_or_else(|e| panic!("to_toml wrote a file that does not parse: {e}\n{written}"));
            assert_eq!(back, made, "the written file:\n{written}");
        }
    }
});

/// people.toml of the example office, as far as a holder column needs it.
fn person(given: &str) -> Option<String> {
    ["rizky", "eko", "putri"]
        .into_iter()
        .find(|p| *p == given || format!("{p}@kota.go.id") == given)
        .map(str::to_string)
}
