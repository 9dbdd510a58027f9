//! Property: whatever a request or procedure file holds, no read command panics. Random
//! damage to the real files of an example office (values changed, keys removed, types
//! swapped, truncation, random bytes, invalid UTF-8 included) is committed with the git
//! program by the administrator; then `show`, `list`, `log`, `report`, `verify`,
//! `procedure list|show|check|graph` and `asset list|show` must each end with exit 0, 3
//! (invalid) or 6 (verify's findings): never 101, never "panicked", never hanging.
//!
//! A failure prints the seed, the damage and the command;
//! `SOP_DAMAGE_SEED=<seed> cargo test --test cli no_panic` damages that seed again.

use std::time::Duration;

use proptest::prelude::{any, ProptestConfig};
use proptest::test_runner::TestRunner;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::support::Office;

/// Random damages; each is committed, read by every read command, then undone.
const CASES: u32 = 24;
/// A read command taking longer than this is stuck.
const PATIENCE: Duration = Duration::from_secs(20);
const ADMIN: (&str, &str) = ("Rizky Ramadhan", "rizky@diskominfo.example.go.id");

#[test]
fn damaged_request_and_procedure_files_never_panic_a_read_command() {
    let office = Office::example();
    let records = Records::make(&office);
    let clean = office.head();
    let check = |seed: u64| {
        let mut rng = StdRng::seed_from_u64(seed);
        let damage = records.damage(&office, &mut rng);
        office.git_as(ADMIN.0, ADMIN.1, &["add", "-A"]);
        office.git_as(
            ADMIN.0,
            ADMIN.1,
            &["commit", "-q", "--allow-empty", "-m", "damaged by hand"],
        );
        for args in records.reads(&mut rng) {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            if let Err(why) = read(&office, &args) {
                panic!(
                    "seed {seed} (SOP_DAMAGE_SEED={seed}); the damage:\n{damage}\n\
                     sop --as rizky {}\n{why}",
                    args.join(" ")
                );
            }
        }
        office.git(&["reset", "-q", "--hard", &clean]);
    };
    if let Ok(seed) = std::env::var("SOP_DAMAGE_SEED") {
        check(seed.parse().expect("SOP_DAMAGE_SEED is a number"));
        return;
    }
    let config = ProptestConfig {
        cases: CASES,
        max_shrink_iters: 0, // another seed is other damage, not smaller damage
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    TestRunner::new(config)
        .run(&any::<u64>(), |seed| {
            check(seed);
            Ok(())
        })
        .unwrap();
}

/// `sop --as rizky ARGS…`: an error unless it ended in time with exit 0, 3 or 6 and without
/// a panic message.
fn read(office: &Office, args: &[&str]) -> Result<(), String> {
    let mut cmd = assert_cmd::Command::from_std(office.sop_cmd());
    let out = cmd
        .arg("--as")
        .arg("rizky")
        .args(args)
        .timeout(PATIENCE)
        .output()
        .map_err(|e| format!("could not run: {e}"))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    match out.status.code() {
        Some(0 | 3 | 6) if !stderr.contains("panicked") => Ok(()),
        code => Err(format!(
            "ended with {} (exit {code:?}; none: killed after {PATIENCE:?} or by a signal):\n{stderr}",
            out.status
        )),
    }
}

/// The records the damage is done to: the example office's procedures, and requests made in
/// it (finished, open, cancelled, one about an asset), each with its file.
struct Records {
    procedures: Vec<String>,
    /// (id, file relative to the records directory)
    requests: Vec<(String, String)>,
    asset: String,
}

impl Records {
    fn make(office: &Office) -> Records {
        let eml = office.new_request(
            "putri",
            "email",
            &[
                "nama_lengkap=Putri Handayani",
                "email_diminta=putri@kota.go.id",
            ],
        );
        office.sop("putri", &["advance", &eml]).success();
        office.sop("dewi", &["advance", &eml]).success();
        office
            .sop("sri", &["approve", &eml, "--note", "lengkap"])
            .success();
        office.sop("budi", &["advance", &eml]).success();
        let vc = office.new_request(
            "putri",
            "video-conference",
            &["acara=Rapat Koordinasi", "tanggal=2026-12-01"],
        );
        office
            .sop("putri", &["advance", &vc, "--note", "sudah diisi"])
            .success();
        let cancelled = office.new_request(
            "dimas",
            "email",
            &["nama_lengkap=Dimas", "email_diminta=dimas@kota.go.id"],
        );
        office
            .sop("dimas", &["cancel", &cancelled, "--reason", "tidak jadi"])
            .success();
        let asset = office.json(
            "eko",
            &[
                "asset", "add", "--kind", "hardware", "--name", "Laptop", "--status", "in-use",
                "--holder", "putri",
            ],
        )["id"]
            .as_str()
            .unwrap()
            .to_string();
        let repair = office.json("putri", &["new", "perbaikan-aset", "--asset", &asset])["id"]
            .as_str()
            .unwrap()
            .to_string();
        let requests = [eml, vc, cancelled, repair]
            .into_iter()
            .map(|id| {
                let file = office.request_file(&id);
                let rel = file
                    .strip_prefix(&office.root)
                    .unwrap()
                    .display()
                    .to_string();
                (id, rel)
            })
            .collect();
        let mut procedures: Vec<String> = std::fs::read_dir(office.path("procedures"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter_map(|p| Some(p.file_stem()?.to_str()?.to_string()))
            .collect();
        procedures.sort();
        Records {
            procedures,
            requests,
            asset,
        }
    }

    /// Damages one or two random files in the work tree; returns what was done.
    fn damage(&self, office: &Office, rng: &mut StdRng) -> String {
        let mut files = Vec::new();
        let which = rng.random_range(0..3);
        if which != 1 {
            let (_, rel) = &self.requests[rng.random_range(0..self.requests.len())];
            files.push(rel.clone());
        }
        if which != 0 {
            let id = &self.procedures[rng.random_range(0..self.procedures.len())];
            files.push(format!("procedures/{id}.toml"));
        }
        let mut told = Vec::new();
        for rel in files {
            let mut bytes = std::fs::read(office.path(&rel)).unwrap();
            let edits: Vec<String> = (0..rng.random_range(1..=3))
                .map(|_| edit(&mut bytes, rng))
                .collect();
            std::fs::write(office.path(&rel), &bytes).unwrap();
            told.push(format!("{rel}: {}", edits.join("; ")));
        }
        told.join("\n")
    }

    /// Every read command, in a random output format each; `procedure show` and `graph` for
    /// two random procedures.
    fn reads(&self, rng: &mut StdRng) -> Vec<Vec<String>> {
        let mut reads: Vec<Vec<&str>> = vec![
            vec!["list"],
            vec!["list", "--overdue"],
            vec!["report"],
            vec!["verify"],
            vec!["procedure", "list"],
            vec!["procedure", "check"],
            vec!["asset", "list"],
            vec!["asset", "show", &self.asset],
        ];
        for (id, _) in &self.requests {
            reads.push(vec!["show", id]);
            reads.push(vec!["log", id]);
        }
        let picked: Vec<&String> = (0..2)
            .map(|_| &self.procedures[rng.random_range(0..self.procedures.len())])
            .collect();
        for id in picked {
            reads.push(vec!["procedure", "show", id]);
            reads.push(vec!["procedure", "graph", id]);
        }
        reads
            .into_iter()
            .map(|args| {
                // The formats each command prints (others are refused, exit 2).
                let formats: &[&str] = match args.as_slice() {
                    ["procedure", "graph", ..] => &["mermaid", "dot"],
                    ["show", ..] | ["procedure", "show" | "check", ..] | ["asset", "show", ..] => {
                        &["table", "json"]
                    }
                    ["report"] | ["verify"] => &["table", "json", "csv"],
                    _ => &["table", "json", "csv", "id"],
                };
                let format = formats[rng.random_range(0..formats.len())];
                let mut all: Vec<String> = args.iter().map(|a| a.to_string()).collect();
                all.extend(["--format".to_string(), format.to_string()]);
                all
            })
            .collect()
    }
}

/// One random edit of a file's bytes; returns what it did.
fn edit(bytes: &mut Vec<u8>, rng: &mut StdRng) -> String {
    let lines = assignments(bytes);
    match rng.random_range(0..6) {
        0 | 1 if !lines.is_empty() => {
            // a value changed, to one of the same kind or of another
            let (start, end) = lines[rng.random_range(0..lines.len())];
            let line = String::from_utf8_lossy(&bytes[start..end]).to_string();
            let key = line.split('=').next().unwrap().trim_end().to_string();
            let value = random_value(bytes, rng);
            let new = format!("{key} = {value}");
            bytes.splice(start..end, new.bytes());
            format!("{line:?} -> {new:?}")
        }
        2 if !lines.is_empty() => {
            // a key removed
            let (start, end) = lines[rng.random_range(0..lines.len())];
            let line = String::from_utf8_lossy(&bytes[start..end]).to_string();
            bytes.drain(start..end);
            format!("removed {line:?}")
        }
        3 => {
            let at = rng.random_range(0..=bytes.len());
            bytes.truncate(at);
            format!("truncated at byte {at}")
        }
        4 => {
            let at = rng.random_range(0..=bytes.len());
            let junk: Vec<u8> = (0..rng.random_range(1..=8)).map(|_| rng.random()).collect();
            bytes.splice(at..at, junk.iter().copied());
            format!("inserted {junk:?} at byte {at}")
        }
        _ => {
            // a table header or a line repeated elsewhere
            let starts: Vec<usize> = std::iter::once(0)
                .chain(
                    bytes
                        .iter()
                        .enumerate()
                        .filter(|(_, b)| **b == b'\n')
                        .map(|(i, _)| i + 1),
                )
                .filter(|&i| i < bytes.len())
                .collect();
            if starts.is_empty() {
                return "nothing to repeat".into();
            }
            let from = starts[rng.random_range(0..starts.len())];
            let end = bytes[from..]
                .iter()
                .position(|b| *b == b'\n')
                .map_or(bytes.len(), |n| from + n + 1);
            let line = bytes[from..end].to_vec();
            let to = starts[rng.random_range(0..starts.len())];
            bytes.splice(to..to, line.iter().copied());
            format!("repeated {:?} at byte {to}", String::from_utf8_lossy(&line))
        }
    }
}

/// The byte ranges (without the line break) of the `key = value` lines.
fn assignments(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate().chain([(bytes.len(), &b'\n')]) {
        if *b != b'\n' {
            continue;
        }
        let line = &bytes[start..i];
        let key_len = line
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-' || *b == b' '))
            .unwrap_or(line.len());
        if key_len > 0 && line.get(key_len) == Some(&b'=') {
            found.push((start, i));
        }
        start = i + 1;
    }
    found
}

/// A TOML value: often a string the file already holds (a step id, a role, a person), else
/// one of every type, with the edges that break arithmetic and loops.
fn random_value(file: &[u8], rng: &mut StdRng) -> String {
    let text = String::from_utf8_lossy(file);
    let strings: Vec<&str> = text.split('"').skip(1).step_by(2).collect();
    if !strings.is_empty() && rng.random_bool(0.4) {
        return format!("{:?}", strings[rng.random_range(0..strings.len())]);
    }
    const VALUES: &[&str] = &[
        "\"\"",
        "\"x\"",
        "\"end\"",
        "\"approval\"",
        "\"decision\"",
        "\"0m\"",
        "\"4294967295d\"",
        "\"71582788 jam\"",
        "\"4294967295 menit\"",
        "\"AST-\"",
        "\"EML-\"",
        "\"-\"",
        "\"é\"",
        "\"\\u0000\"",
        "0",
        "-1",
        "4294967295",
        "4294967296",
        "9223372036854775807",
        "-9223372036854775808",
        "1.5",
        "nan",
        "-inf",
        "true",
        "false",
        "1979-05-27T07:32:00Z",
        "9999-12-31T23:59:59-23:59",
        "0001-01-01T00:00:00+23:59",
        "1979-05-27",
        "07:32:00",
        "[]",
        "[\"a\", \"b\"]",
        "[1, [2]]",
        "{}",
        "{ a = 1 }",
    ];
    VALUES[rng.random_range(0..VALUES.len())].to_string()
}
