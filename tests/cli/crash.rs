//! A kill mid-command never leaves a request changed without its commit, or a commit without
//! its change: the next sop command finishes or forgets the interrupted one.

use crate::support::Office;

const EMAIL: &[&str] = &[
    "nama_lengkap=Putri Handayani",
    "email_diminta=putri@kota.go.id",
];

#[test]
fn killed_before_the_branch_moves_changes_nothing() {
    let office = Office::example();
    let id = office.new_request("putri", "email", EMAIL);
    let head = office.head();
    let file = office.read(office.request_file(&id));
    let out = office
        .sop_cmd()
        .env("SOP_TEST_CRASH", "before-ref")
        .args(["--as", "putri", "advance", &id])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(office.head(), head);
    assert_eq!(office.read(office.request_file(&id)), file);
    // the lock it left is recognised as a dead sop's and cleared by the next command
    office.sop("putri", &["advance", &id]).success();
    assert_eq!(office.status(), "");
    let shown = office.json("putri", &["show", &id]);
    assert_eq!(
        shown["history"].as_array().unwrap().len(),
        2,
        "exactly one advance recorded"
    );
}

#[test]
fn killed_after_the_branch_moves_is_finished_by_the_next_command() {
    let office = Office::example();
    let id = office.new_request("putri", "email", EMAIL);
    let commits = office.commit_count();
    let out = office
        .sop_cmd()
        .env("SOP_TEST_CRASH", "after-ref")
        .args(["--as", "putri", "advance", &id])
        .output()
        .unwrap();
    assert!(!out.status.success());
    // the commit is made; the work tree is behind it
    assert_eq!(office.commit_count(), commits + 1);
    // any sop command finishes the interrupted one before doing its own work
    let shown = office
        .sop("putri", &["show", &id, "--format", "json"])
        .success();
    let stderr = String::from_utf8(shown.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("finished writing commit"), "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&shown.get_output().stdout).unwrap();
    assert_eq!(v["step"]["id"], "terima-fpe");
    assert_eq!(office.status(), "");
    assert_eq!(office.commit_count(), commits + 1, "no second commit");
    assert!(!office.path(".git/index.lock").exists());
    office.sop("dewi", &["advance", &id]).success();
    assert_eq!(office.status(), "");
}
