//! The benchmark harness (`bench/harness.py`, issue 9) at 300 requests, so it cannot rot: the
//! repository it builds verifies clean and holds what it claims, and its timing prints every
//! row of the table. Timings themselves are never asserted.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::support::Office;

/// The rows of issue 9's table, and the ones it asks for beside them.
const ROWS: [&str; 18] = [
    "new",
    "advance",
    "approve",
    "list-warm",
    "list-cold",
    "report-warm",
    "report-cold",
    "monitoring-warm",
    "verify-range",
    "verify-all",
    "log-first",
    "log-warm",
    "show",
    "overdue",
    "open-email",
    "search",
    "import",
    "list-after-change",
];

/// `python3 bench/harness.py ARGS…` in the work folder, with `--sop` the binary under test.
fn harness(office: &Office, args: &str) -> String {
    let script = format!(
        "python3 \"$HARNESS\" {args} --sop \"$SOP\" || {{ echo \"harness failed: exit $?\" >&2; exit 1; }}"
    );
    let out = office
        .sh(&format!(
            "HARNESS='{}/bench/harness.py'; {script}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

fn json(office: &Office, script: &str) -> Value {
    let out = office.sh(script).success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

#[test]
fn the_harness_builds_a_repository_that_verifies_and_times_every_row() {
    let office = Office::empty();
    std::fs::create_dir_all(&office.root).unwrap();
    harness(&office, "build . --requests 300 --walks 40");

    let verify = json(&office, "cd records && \"$SOP\" verify --format json");
    assert_eq!(verify["findings"], Value::Array(vec![]), "{verify:#}");
    let commits = verify["commits_checked"].as_u64().unwrap();
    assert!(
        (300 * 2..=300 * 6).contains(&commits),
        "{commits} commits for 300 requests"
    );
    let status = office.sh("cd records && git status --porcelain").success();
    assert!(
        status.get_output().stdout.is_empty(),
        "git status not clean"
    );

    // Every shipped procedure but the draft, and every status of issue 9.
    let listed = json(&office, "cd records && \"$SOP\" list --format json");
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 300);
    let seen = |key: &str| -> BTreeSet<String> {
        listed
            .iter()
            .map(|r| r[key].as_str().unwrap().to_string())
            .collect()
    };
    let procedures = json(
        &office,
        "cd records && \"$SOP\" procedure list --format json",
    );
    let shipped: BTreeSet<String> = procedures
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["draft"] == Value::Bool(false))
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(seen("procedure"), shipped);
    let statuses: BTreeSet<String> = ["open", "completed", "cancelled", "rejected", "dikembalikan"]
        .map(String::from)
        .into();
    assert_eq!(seen("status"), statuses);
    let count = |status: &str| listed.iter().filter(|r| r["status"] == status).count();
    assert_eq!(
        (count("open"), count("completed"), count("cancelled")),
        (135, 78, 30)
    );
    let overdue = listed.iter().filter(|r| r["overdue"] == true).count();
    assert!(overdue > 0, "none overdue");

    let table = harness(
        &office,
        "time . --runs 1 --slow-runs 1 --import-rows 200 --json results.json",
    );
    let results: Value =
        serde_json::from_str(&std::fs::read_to_string(office.root.join("results.json")).unwrap())
            .unwrap();
    assert_eq!(results["failures"], Value::Array(vec![]));
    let rows = results["rows"].as_array().unwrap();
    let keys: Vec<&str> = rows.iter().map(|r| r["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ROWS);
    for row in rows {
        let operation = row["operation"].as_str().unwrap();
        assert!(
            table.contains(&format!("| {operation} |")),
            "no row {operation} in\n{table}"
        );
        for side in ["sop", "git"] {
            if row[side].is_null() {
                continue;
            }
            let samples = row[side]["samples"].as_array().unwrap();
            assert_eq!(samples.len(), 1, "{row:#}");
            assert!(samples[0]["wall"].as_f64().unwrap() > 0.0, "{row:#}");
            assert!(samples[0]["rss_mb"].as_f64().unwrap() > 0.0, "{row:#}");
        }
    }
    // The change rows made real changes: the request they made went through four of them.
    let after = json(&office, "cd records && \"$SOP\" log --format json \"$(git log -1 --grep='^Sop-Action: approve$' --format='%(trailers:key=Sop-Request,valueonly)')\"");
    assert_eq!(after.as_array().unwrap().len(), 4, "{after:#}");
}

/// The pair timer (`bench/pairs.py`) runs the preparation before every run, prints both
/// commands' medians, and stops at a command that fails rather than time it as a fast one.
#[test]
fn the_pair_timer_prepares_each_run_and_refuses_a_failing_command() {
    let office = Office::empty();
    std::fs::create_dir_all(&office.root).unwrap();
    let pairs = format!("python3 '{}/bench/pairs.py'", env!("CARGO_MANIFEST_DIR"));
    let out = office
        .sh(&format!(
            "{pairs} 3 --prep 'echo x >> preps' '\"$SOP\" --version' 'test -s preps'"
        ))
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.starts_with("A: wall "), "{text}");
    assert!(text.contains("\nB: wall "), "{text}");
    assert!(text.contains("B/A (of the medians): wall "), "{text}");
    assert_eq!(office.read(office.root.join("preps")), "x\n".repeat(6));
    office
        .sh(&format!("{pairs} 2 true 'exit 3'"))
        .failure()
        .stderr(predicates::str::contains("exit 3 from exit 3"));
    // A failing command that writes more than a pipe holds is reported, not waited for.
    office
        .sh(&format!(
            "{pairs} 1 true 'head -c 200000 /dev/zero | tr \"\\\\0\" x >&2; exit 4'"
        ))
        .failure()
        .stderr(predicates::str::contains("exit 4 from"));
}
