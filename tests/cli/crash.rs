//! A kill mid-command never leaves a request changed without its commit, a commit without its
//! change, or a lock the next command cannot clear: the next sop command — a reading one
//! too — finishes or forgets the interrupted one (docs/recovery.md).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use predicates::prelude::*;

use crate::support::Office;

const EMAIL: &[&str] = &[
    "nama_lengkap=Putri Handayani",
    "email_diminta=putri@kota.go.id",
];

/// The fault points of a change, in order, and whether the change is made when the process
/// dies there (the branch has moved).
const POINTS: &[(&str, bool)] = &[
    ("after-objects", false),
    ("after-journal", false),
    ("after-ref-lock", false),
    ("after-ref", true),
    ("after-file", true),
    // An index patched in place: killed between two of its writes.
    ("in-index", true),
    ("after-index", true),
];

/// Files a killed sop may leave in the git folder that must be gone after recovery.
fn leftovers(git_dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(git_dir)
        .into_iter()
        .flatten()
        .filter(|e| !e.path().starts_with(git_dir.join("objects")))
    {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.ends_with(".lock") && name != "sop.lock"
            || name.ends_with(".sop-tmp")
            || name.starts_with(".tmp")
            || name == "sop-journal"
            || name.starts_with("sop-index") && name != "sop-index.spare"
            || name == "sop-pack.config"
        {
            found.push(entry.path().display().to_string());
        }
    }
    found
}

/// After recovery: nothing left behind, plain git commits, verify is clean.
fn assert_recovered(office: &Office) {
    assert_eq!(office.status(), "");
    assert_eq!(leftovers(&office.path(".git")), Vec::<String>::new());
    assert_eq!(
        std::fs::read_to_string(office.path(".git/sop.lock")).unwrap_or_default(),
        "",
        "the lock record is empty"
    );
    office.sop("rizky", &["verify"]).success();
    office.git(&[
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "plain git still works",
    ]);
}

#[test]
fn every_fault_point_leaves_a_repository_the_next_command_mends() {
    for &(point, made) in POINTS {
        let office = Office::example();
        let id = office.new_request("putri", "email", EMAIL);
        let commits = office.commit_count();
        let out = office
            .sop_cmd()
            .env("SOP_TEST_CRASH", point)
            .args(["--as", "putri", "advance", &id])
            .output()
            .unwrap();
        assert!(!out.status.success(), "{point}: the process was killed");
        assert_eq!(
            office.commit_count(),
            commits + usize::from(made),
            "{point}"
        );
        // A reading command clears what the killed one left and finishes its change.
        let shown = office.json("putri", &["show", &id]);
        let steps = shown["history"].as_array().unwrap().len();
        assert_eq!(steps, 1 + usize::from(made), "{point}: one advance at most");
        assert_recovered(&office);
        // And the next change goes through.
        let who = if made { "dewi" } else { "putri" };
        office.sop(who, &["advance", &id]).success();
        assert_eq!(office.status(), "", "{point}");
    }
}

/// A change that adds a record writes a new index into the spare (the index before last) and
/// swaps it in: killed just after the swap, the old index is left under the temporary name.
// The spare is kept where the system can swap two files in one step (Linux).
#[cfg(target_os = "linux")]
#[test]
fn a_change_killed_after_swapping_in_a_new_index_is_mended() {
    let office = Office::example();
    // The first new index leaves the one before it as the spare; the second is written into it.
    office.new_request("putri", "email", EMAIL);
    let spare = office.path(".git/sop-index.spare");
    assert!(spare.exists(), "the old index is kept");
    let commits = office.commit_count();
    let mut new = vec!["new", "email"];
    for f in EMAIL {
        new.extend(["--field", f]);
    }
    let out = office
        .sop_cmd()
        .env("SOP_TEST_CRASH", "after-index-swap")
        .args(["--as", "putri"])
        .args(&new)
        .output()
        .unwrap();
    assert!(!out.status.success(), "the process was killed");
    assert_eq!(office.commit_count(), commits + 1);
    assert!(office.path(".git/sop-index.tmp").exists());
    assert_eq!(office.status(), "", "the new index is in place");
    // A reading command clears what the killed one left.
    office.sop("putri", &["list"]).success();
    assert_recovered(&office);
    office.sop("putri", &new).success();
    assert_eq!(office.status(), "");
    office.git(&["fsck", "--no-progress"]);
}

#[test]
fn a_reading_command_clears_a_killed_changes_locks() {
    let office = Office::example();
    let id = office.new_request("putri", "email", EMAIL);
    let out = office
        .sop_cmd()
        .env("SOP_TEST_CRASH", "after-ref-lock")
        .args(["--as", "putri", "advance", &id])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(office.path(".git/index.lock").exists());
    assert!(office.path(".git/refs/heads/main.lock").exists());
    office.sop("putri", &["list"]).success();
    assert!(!office.path(".git/index.lock").exists());
    assert!(!office.path(".git/refs/heads/main.lock").exists());
    assert_recovered(&office);
}

/// Backdates a file, so that it looks left over rather than just made.
fn age(path: &Path) {
    let old = std::time::SystemTime::now() - Duration::from_secs(60);
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(old)
        .unwrap();
}

#[test]
fn an_empty_branch_lock_left_by_a_crash_is_cleared() {
    let office = Office::example();
    let id = office.new_request("putri", "email", EMAIL);
    let lock = office.path(".git/refs/heads/main.lock");
    std::fs::write(&lock, "").unwrap();
    age(&lock);
    office
        .sop("putri", &["advance", &id])
        .success()
        .stderr(predicates::str::contains(
            "which a crashed git command left behind",
        ));
    assert_recovered(&office);
}

#[test]
fn an_unrecorded_index_lock_left_by_a_crash_is_cleared() {
    let office = Office::example();
    let id = office.new_request("putri", "email", EMAIL);
    let lock = office.path(".git/index.lock");
    std::fs::write(&lock, "").unwrap();
    age(&lock);
    office.sop("putri", &["advance", &id]).success();
    assert_recovered(&office);
}

#[test]
fn an_index_lock_a_running_process_holds_is_waited_for_then_named() {
    let office = Office::example();
    let id = office.new_request("putri", "email", EMAIL);
    let lock = office.path(".git/index.lock");
    // A process that holds the lock open, as a running git does.
    let mut holder = Command::new("sh")
        .arg("-c")
        .arg(format!("exec 3>'{}'; sleep 30", lock.display()))
        .stdin(Stdio::null())
        .spawn()
        .unwrap();
    while !lock.exists() {
        std::thread::sleep(Duration::from_millis(10));
    }
    age(&lock);
    let before = office.snapshot();
    office
        .sop("putri", &["advance", &id])
        .code(5)
        .stderr(predicates::str::contains("a git command is running"))
        .stderr(predicates::str::contains("run the command again").not());
    assert_eq!(office.snapshot(), before);
    holder.kill().unwrap();
    holder.wait().unwrap();
    std::fs::remove_file(&lock).unwrap();
    office.sop("putri", &["advance", &id]).success();
}

/// Kills changes at random moments (0–25 ms), `KILLS` times, then checks nothing is wedged,
/// nothing is left behind, and the history verifies. `bench/kills.sh` runs 3,000.
#[test]
fn random_kills_never_wedge_the_repository() {
    const KILLS: u64 = 300;
    let office = Office::example();
    let mut seed: u64 = 0x5eed_0f50;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut ids: Vec<String> = Vec::new();
    for _ in 0..KILLS {
        let mut cmd = office.sop_cmd();
        let args: Vec<String> = match ids.get(next() as usize % (ids.len() + 1)) {
            Some(id) if next() % 2 == 0 => ["--as", "putri", "advance", id.as_str()]
                .map(String::from)
                .to_vec(),
            Some(id) => ["--as", "dewi", "advance", id.as_str()]
                .map(String::from)
                .to_vec(),
            None => {
                let mut a = vec!["--as".into(), "putri".into(), "new".into(), "email".into()];
                for f in EMAIL {
                    a.extend(["--field".to_string(), f.to_string()]);
                }
                a
            }
        };
        let mut child = cmd
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(next() % 25_000));
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        let printed = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if printed.starts_with("EML-") && !printed.contains(' ') {
            ids.push(printed);
        }
    }
    // Whatever state the kills left, the next command mends it.
    let listed = office.json("putri", &["list"]);
    for r in listed.as_array().unwrap() {
        let id = r["id"].as_str().unwrap().to_string();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    assert_recovered(&office);
    // Every request is consistent with its history, and still takes changes.
    for id in ids.iter().take(5) {
        let shown = office.json("putri", &["show", id]);
        let who = match shown["step"]["id"].as_str() {
            Some("isi-form") => "putri",
            Some("terima-fpe") => "dewi",
            _ => continue,
        };
        office.sop(who, &["advance", id]).success();
    }
    assert_eq!(office.status(), "");
    office.sop("rizky", &["verify"]).success();
}
