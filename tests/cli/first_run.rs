//! The first run: the README's quick start works on a fresh machine, and again on the same
//! one, and shows sop at work — `sop init --example --demo` makes a month of an office's
//! requests through the engine, as commits `sop verify` passes, with something for `list`,
//! `show`, `report` and `procedure doc` to show.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use assert_cmd::prelude::*;
use chrono::{DateTime, Datelike, Duration, FixedOffset, Timelike, Weekday};
use serde_json::Value;

use crate::support::Office;

/// The README's quick start section.
fn quick_start() -> String {
    let readme = include_str!("../../README.md");
    let start = readme.find("\n## Quick start\n").expect("a quick start");
    let rest = &readme[start + 1..];
    let end = rest[1..].find("\n## ").map_or(rest.len(), |e| e + 1);
    rest[..end].to_string()
}

/// The shell of a fresh machine: nothing but a new HOME (no git identity, no sop settings),
/// and `sop` on the PATH as `cargo install` puts it there.
fn fresh_shell(home: &Path, line: &str) -> std::process::Output {
    let bin = assert_cmd::cargo::cargo_bin("sop");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new("sh")
        .env_clear()
        .env("PATH", path)
        .env("HOME", home)
        .env("LANG", "C")
        .current_dir(home)
        .args(["-c", line])
        .output()
        .unwrap()
}

#[test]
fn the_quick_start_runs_on_a_fresh_machine_and_again() {
    let section = quick_start();
    assert!(section.contains("Needs Rust 1.89"), "{section}");
    assert!(
        section.contains("\ncargo install --locked --path .\n"),
        "{section}"
    );
    let line = section
        .lines()
        .find(|l| l.starts_with("sop init --example --demo "))
        .expect("the quick start runs sop init --example --demo")
        .to_string();
    let home = tempfile::tempdir().unwrap();
    let mut commits = Vec::new();
    for run in 1..=2 {
        let out = fresh_shell(home.path(), &line);
        let stdout = String::from_utf8_lossy(&out.stdout).to_string();
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(
            out.status.success(),
            "run {run} of `{line}`: {stdout}\n{stderr}"
        );
        // The folder, the list of requests, and the report of several procedures.
        let listed = stdout.lines().filter(|l| l.contains("-")).count();
        assert!(stdout.contains("/sop-demo\n"), "run {run}: {stdout}");
        // The example office speaks Indonesian (its sop.toml's `language`).
        assert!(stdout.contains("\nnomor "), "run {run}: {stdout}");
        assert!(listed >= 30, "run {run} lists too little: {stdout}");
        assert!(
            stdout.contains("Permintaan Email (email): ")
                && stdout.contains("Instalasi Piranti Lunak (instalasi-piranti-lunak): "),
            "run {run}: {stdout}"
        );
        assert!(stderr.contains("34 permintaan"), "run {run}: {stderr}");
        if run == 2 {
            assert!(stderr.contains("dibiarkan apa adanya"), "{stderr}");
        }
        let count = fresh_shell(home.path(), "git -C ~/sop-demo rev-list --count HEAD");
        commits.push(String::from_utf8_lossy(&count.stdout).trim().to_string());
    }
    assert_eq!(commits[0], commits[1], "the second run changed nothing");
    let verify = fresh_shell(home.path(), "sop -C ~/sop-demo verify");
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stdout)
    );
}

/// Each request of the demo as `sop show --format json` prints it.
fn requests(office: &Office) -> Vec<Value> {
    let ids = office.sop("rizky", &["list", "--format", "id"]).success();
    let ids = String::from_utf8_lossy(&ids.get_output().stdout).to_string();
    ids.lines()
        .map(|id| office.json("rizky", &["show", id]))
        .collect()
}

#[test]
fn the_demo_is_a_month_of_every_status_made_as_sop_makes_changes() {
    let office = Office::demo();
    let now = office.now();
    let list = office.json("rizky", &["list"]);
    let rows = list.as_array().unwrap();
    assert_eq!(rows.len(), 34);
    let statuses: BTreeSet<&str> = rows.iter().map(|r| r["status"].as_str().unwrap()).collect();
    for status in [
        "open",
        "held",
        "completed",
        "rejected",
        "cancelled",
        "dikembalikan",
    ] {
        assert!(statuses.contains(status), "no {status} in {statuses:?}");
    }
    let procedures: BTreeSet<&str> = rows
        .iter()
        .map(|r| r["procedure"].as_str().unwrap())
        .collect();
    assert!(procedures.len() >= 8, "{procedures:?}");
    let open = rows.iter().filter(|r| r["status"] == "open");
    let (overdue, in_time): (Vec<_>, Vec<_>) = open.partition(|r| r["overdue"] == true);
    assert!(overdue.len() >= 5, "{} overdue", overdue.len());
    assert!(in_time.len() >= 5, "{} open in time", in_time.len());
    let steps: BTreeSet<&str> = rows.iter().filter_map(|r| r["step"].as_str()).collect();
    assert!(steps.len() >= 10, "open at few steps: {steps:?}");
    // Returned to the requester: rejected at an approval that leads back, open again.
    let all = requests(&office);
    let returned = all.iter().filter(|r| {
        let history = r["history"].as_array().unwrap();
        r["status"] == "open" && history.iter().any(|e| e["action"] == "reject")
    });
    assert!(returned.count() >= 2);
    // Every change in working hours of a working day, within the month before the clock,
    // by a person of people.toml.
    let people = office.read("people.toml");
    let mut by_day = BTreeMap::new();
    for r in &all {
        for e in r["history"].as_array().unwrap() {
            let at = DateTime::parse_from_rfc3339(e["at"].as_str().unwrap()).unwrap();
            assert!(at <= now && at > now - Duration::days(35), "{at}");
            assert!(
                !matches!(at.weekday(), Weekday::Sat | Weekday::Sun),
                "{at} is a weekend"
            );
            let minutes = at.hour() * 60 + at.minute();
            assert!(
                (8 * 60..=16 * 60).contains(&minutes),
                "{at} is out of hours"
            );
            let by = e["by"].as_str().unwrap();
            assert!(people.contains(&format!("id = \"{by}\"")), "{by}");
            *by_day.entry(at.date_naive()).or_insert(0) += 1;
        }
    }
    assert!(
        by_day.len() >= 15,
        "the work is spread over a month: {by_day:?}"
    );
    // After the init commit, one commit per change, by the actor, and verify replays them.
    let history_entries: usize = all
        .iter()
        .map(|r| r["history"].as_array().unwrap().len())
        .sum();
    let assets = office.json("eko", &["asset", "list"]);
    assert!(assets.as_array().unwrap().len() >= 8);
    assert!(office.commit_count() > 1 + 8 + all.len());
    assert!(office.commit_count() <= 1 + 8 + history_entries);
    let commits = office.git(&["log", "--format=%ae %(trailers:key=Sop-Actor,valueonly)"]);
    let mut commits: Vec<&str> = commits.lines().filter(|l| !l.is_empty()).collect();
    commits.pop(); // the init commit, by git's identity
    for line in commits {
        let (email, actor) = line.split_once(' ').unwrap();
        assert!(
            people.contains(&format!("id = \"{actor}\"")),
            "{line}: {actor} is nobody in people.toml"
        );
        assert!(people.contains(email), "{line}");
    }
    // The anchor comes first: `sop init` is dated before the month it starts, and the
    // history runs forward in time.
    let dates = office.git(&["log", "--reverse", "--format=%aI %s"]);
    let mut lines = dates.lines();
    let first = lines.next().unwrap();
    assert!(first.ends_with(" sop init --example --demo"), "{first}");
    let time = |l: &str| DateTime::parse_from_rfc3339(l.split(' ').next().unwrap()).unwrap();
    let mut last: DateTime<FixedOffset> = time(first);
    for line in lines {
        let at = time(line);
        assert!(at >= last, "{line} is before the commit before it");
        last = at;
    }
    let out = office.sop("rizky", &["verify"]).success();
    let text = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(text.contains("no findings"), "{text}");
    assert_eq!(office.status(), "");
}

#[test]
fn the_demo_is_the_same_every_time_but_for_its_ids() {
    let without_ids = |office: &Office| -> Vec<Value> {
        let list = office.json("rizky", &["list"]);
        let mut rows = list.as_array().unwrap().clone();
        for row in &mut rows {
            row.as_object_mut().unwrap().remove("id");
        }
        rows
    };
    let (a, b) = (Office::demo(), Office::demo());
    assert_eq!(without_ids(&a), without_ids(&b));
    assert_eq!(a.commit_count(), b.commit_count());
    let times = |o: &Office| o.git(&["log", "--format=%ad %ae %(trailers:key=Sop-Action)"]);
    assert_eq!(times(&a), times(&b));
}

#[test]
fn list_show_report_and_the_sop_document_have_something_to_show() {
    let office = Office::demo();
    let text = |args: &[&str]| -> String {
        let out = office.sop("rizky", args).success();
        String::from_utf8_lossy(&out.get_output().stdout).to_string()
    };
    let list = text(&["list"]);
    assert!(list.lines().count() > 30, "{list}");
    let held = office.json("rizky", &["list", "--status", "held"]);
    let id = held[0]["id"].as_str().unwrap();
    let show = text(&["show", id]);
    assert!(show.contains("held since"), "{show}");
    assert!(show.contains("  hold  "), "{show}");
    let report = text(&["report"]);
    let procedures = report.lines().filter(|l| l.contains("request(s):")).count();
    assert!(procedures >= 8, "{report}");
    assert!(report.contains("breaches"), "{report}");
    let svg = text(&["procedure", "doc", "email"]);
    assert!(
        svg.contains("<svg") && svg.contains("Permintaan Email"),
        "…"
    );
    let overdue = office.json("rizky", &["list", "--overdue"]);
    assert!(overdue.as_array().unwrap().len() >= 5);
}

#[test]
fn init_refuses_a_records_directory_another_init_made() {
    let office = Office::empty();
    office
        .sop_cmd()
        .arg("init")
        .arg(&office.root)
        .assert()
        .success();
    let before = office.snapshot();
    let out = office
        .sop_cmd()
        .args(["init", "--example", "--demo"])
        .arg(&office.root)
        .assert()
        .code(3);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains("made by `sop init`") && stderr.contains("hint: give"),
        "{stderr}"
    );
    assert_eq!(office.snapshot(), before);
    // The same init again leaves it as it is.
    office
        .sop_cmd()
        .arg("init")
        .arg(&office.root)
        .assert()
        .success();
    assert_eq!(office.snapshot(), before);
    // --demo is for the example office only.
    let other = Office::empty();
    other
        .sop_cmd()
        .args(["init", "--demo"])
        .arg(&other.root)
        .assert()
        .code(2);
    assert!(!other.root.exists());
}
