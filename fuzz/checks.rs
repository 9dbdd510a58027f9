//! What each fuzz target checks of one input, shared by the targets (`fuzz_targets/`) and by
//! the test that replays the inputs they found (`tests/cli/fuzz_regressions.rs`, over
//! `fuzz/regressions/TARGET/`). Each function panics when the input shows a bug: a panic in
//! sop itself, or a broken property.

#![allow(dead_code)] // each fuzz target uses one of them

use std::io::BufReader;
use std::path::Path;
use std::sync::LazyLock;

use chrono::DateTime;
use sop::asset::{self, Asset, Stamp};
use sop::config::Config;
use sop::field::Value;
use sop::import::{self, InputFormat};
use sop::procedure::{lint, Procedure};
use sop::request::Request;
use sop::stdtime::StdTime;
use sop::store;
use sop::trailers::Trailers;

/// The inputs are bytes; the text parsers get those that are UTF-8 (sop reads files as UTF-8
/// and refuses the others before parsing).
pub fn check(target: &str, data: &[u8]) {
    let text = std::str::from_utf8(data);
    match (target, text) {
        ("procedure", Ok(text)) => procedure(text),
        ("request", Ok(text)) => request(text),
        ("stdtime", Ok(text)) => stdtime(text),
        ("trailers", Ok(text)) => trailers(text),
        ("import", _) => import(data),
        (_, Err(_)) => {}
        (other, _) => panic!("no fuzz target {other}"),
    }
}

static CONFIG: LazyLock<Config> = LazyLock::new(|| {
    Config::parse(include_str!("../example-records/sop.toml")).expect("the example sop.toml parses")
});

/// A procedure file: `Procedure::parse`, then everything `sop procedure check` asks of it
/// (the lint against the example office's sop.toml, the flow's exits, roles and total time).
/// Every finding's line is inside the file.
pub fn procedure(text: &str) {
    let Ok(procedure) = Procedure::parse(text, Path::new("procedures/email.toml")) else {
        return;
    };
    for finding in lint::check(&procedure, &CONFIG) {
        assert!(
            finding.line >= 1 && finding.line <= text.lines().count() + 1,
            "{finding} is outside the file"
        );
    }
    for step in &procedure.steps {
        let _ = procedure.exits(step);
        let _ = step.time.map(|t| (t.iso(), t.to_string()));
    }
    let _ = procedure.roles();
    let _ = procedure.total().iso();
}

/// A request file: `Request::from_toml` and `store::parse_request` (which also checks where
/// the file sits), then the canonical form: for every request that parses, `to_toml` writes a
/// file that parses back to the same request, and writing that again gives the same text.
pub fn request(text: &str) {
    let placed = store::parse_request(Path::new("requests/EML/7K/EML-7K3QX9M2PA.toml"), text);
    let Ok(request) = Request::from_toml(text) else {
        assert!(placed.is_err(), "parse_request took what from_toml refused");
        return;
    };
    let written = request.to_toml();
    let back = Request::from_toml(&written)
        .unwrap_or_else(|e| panic!("to_toml wrote a file that does not parse: {e}\n{written}"));
    // A NaN field value is never equal to itself; the written text then speaks for it.
    if !has_nan(&request) {
        assert_eq!(back, request, "the written file:\n{written}");
    }
    assert_eq!(back.to_toml(), written, "writing is not stable");
}

fn has_nan(request: &Request) -> bool {
    let nan = |v: &Value| matches!(v, Value::Number(n) if n.is_nan());
    request.fields.values().any(nan) || request.history.iter().any(|e| e.fields.values().any(nan))
}

/// A standard time as a step's `time` is written: what parses is written back (`Display`,
/// the documents' words) as text that parses to the same time; sums never overflow.
pub fn stdtime(text: &str) {
    let Some(time) = StdTime::parse(text) else {
        return;
    };
    let written = time.to_string();
    assert_eq!(
        StdTime::parse(&written),
        Some(time),
        "{text:?} was written as {written:?}"
    );
    let _ = time.iso();
    let twice = time + time;
    assert!(twice.days >= time.days && twice.minutes >= time.minutes);
    let _ = (twice.to_string(), twice.iso());
}

/// `sop asset import`'s input: `import::read` as CSV, as JSON lines and as detected, then
/// the validation of every row and, for a row that gives what a new asset needs, the asset it
/// makes and its file written and read back. Reading in pieces (a buffer of 1 to 16 bytes,
/// chosen by the first byte) finds the same rows and problems as reading at once; line
/// numbers point into the input.
pub fn import(data: &[u8]) {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let lines = bytes.split(|&b| b == b'\n').count() as u64;
    for format in [Some(InputFormat::Csv), Some(InputFormat::Jsonl), None] {
        let input = import::read(bytes, format).expect("reading bytes in memory does not fail");
        let small = BufReader::with_capacity(usize::from(first % 16) + 1, bytes);
        let pieces = import::read(small, format).expect("reading bytes in memory does not fail");
        assert_eq!(pieces.rows, input.rows, "{format:?}: rows read in pieces");
        assert_eq!(
            pieces.problems, input.problems,
            "{format:?}: problems read in pieces"
        );
        for problem in &input.problems {
            assert!(
                problem.line <= lines,
                "{format:?}: {problem:?} is past the input"
            );
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
            let back = Asset::from_toml(&written).unwrap_or_else(|e| {
                panic!("to_toml wrote a file that does not parse: {e}\n{written}")
            });
            assert_eq!(back, made, "the written file:\n{written}");
        }
    }
}

/// people.toml of the example office, as far as a holder column needs it.
fn person(given: &str) -> Option<String> {
    ["rizky", "eko", "putri"]
        .into_iter()
        .find(|p| *p == given || format!("{p}@diskominfo.example.go.id") == given)
        .map(str::to_string)
}

/// The trailers of a commit message: what was parsed, rendered below a subject, parses to the
/// same trailers.
pub fn trailers(message: &str) {
    let parsed = Trailers::parse(message);
    let rendered = format!("subject\n\nbody\n\n{}", parsed.render());
    assert_eq!(
        Trailers::parse(&rendered),
        parsed,
        "rendered as:\n{rendered}"
    );
}
