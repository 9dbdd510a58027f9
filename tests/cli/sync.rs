//! Two offices share one repository through a git server (a bare repository here).

use predicates::str::contains;

use crate::support::Office;

const EMAIL: &[&str] = &["nama_lengkap=P", "email_diminta=p@kota.go.id"];

fn two_offices() -> (Office, Office, tempfile::TempDir) {
    let server = tempfile::tempdir().unwrap();
    let remote = server.path().join("records.git");
    let a = Office::example();
    a.git(&[
        "init",
        "-q",
        "--bare",
        "-b",
        "main",
        remote.to_str().unwrap(),
    ]);
    a.git(&["remote", "add", "origin", remote.to_str().unwrap()]);
    a.git(&["push", "-q", "-u", "origin", "main"]);
    let b = Office::empty();
    b.git_in(
        b.root.parent().unwrap(),
        &[
            "clone",
            "-q",
            remote.to_str().unwrap(),
            b.root.to_str().unwrap(),
        ],
    );
    (a, b, server)
}

#[test]
fn offices_exchange_requests_made_offline() {
    let (a, b, _server) = two_offices();
    let from_a = a.new_request("putri", "email", EMAIL);
    let from_b = b.new_request("dimas", "email", EMAIL);
    a.sop("putri", &["sync"])
        .success()
        .stdout(contains("origin/main: pulled 0 commit(s)"));
    b.sop("dimas", &["sync"])
        .success()
        .stdout(contains("pulled 1 commit(s)"));
    a.sop("putri", &["sync"])
        .success()
        .stdout(contains("pulled 1 commit(s)"));
    for office in [&a, &b] {
        let ids: Vec<String> = office
            .json("rizky", &["list"])
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(ids.len(), 2);
        assert!(ids.contains(&from_a) && ids.contains(&from_b));
        assert_eq!(office.status(), "");
    }
    assert_eq!(a.head(), b.head());
}

#[test]
fn the_same_request_changed_in_both_offices_is_a_conflict() {
    let (a, b, _server) = two_offices();
    let id = a.new_request("putri", "email", EMAIL);
    a.sop("putri", &["sync"]).success();
    b.sop("dimas", &["sync"]).success();
    a.sop("putri", &["advance", &id]).success();
    b.sop("putri", &["cancel", &id, "--reason", "batal"])
        .success();
    a.sop("putri", &["sync"]).success();
    let head = b.head();
    b.sop("putri", &["sync"])
        .code(5)
        .stderr(contains("the rebase was undone"))
        .stderr(contains("hint: "));
    assert_eq!(b.head(), head, "the branch is as it was");
    assert_eq!(b.status(), "");
}

#[test]
fn the_first_sync_fills_an_empty_server() {
    let server = tempfile::tempdir().unwrap();
    let remote = server.path().join("records.git");
    let a = Office::example();
    a.git(&[
        "init",
        "-q",
        "--bare",
        "-b",
        "main",
        remote.to_str().unwrap(),
    ]);
    a.git(&["remote", "add", "origin", remote.to_str().unwrap()]);
    a.sop("putri", &["sync"])
        .success()
        .stdout(contains("origin/main: pulled 0 commit(s)"));
    assert_eq!(a.git_in(&remote, &["rev-parse", "main"]).trim(), a.head());
}

#[test]
fn forged_history_on_the_server_is_not_taken_in() {
    let (a, b, _server) = two_offices();
    let id = a.new_request("putri", "email", EMAIL);
    a.sop("putri", &["sync"]).success();
    b.sop("dimas", &["sync"]).success();
    // b forges a completion with plain git and pushes past sop (a server without the hook)
    let file = b.request_file(&id);
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("status = \"open\"", "status = \"completed\""),
    )
    .unwrap();
    b.git(&["commit", "-qam", "done"]);
    b.git(&["push", "-q", "origin", "main"]);
    let head = a.head();
    a.sop("putri", &["sync"])
        .code(6)
        .stderr(contains("finding: "))
        .stderr(contains("nothing was taken in"));
    assert_eq!(a.head(), head, "a's branch is as it was");
    assert_eq!(a.status(), "");
}
