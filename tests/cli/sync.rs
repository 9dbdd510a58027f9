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
    a.sop("putri", &["sync"]).success().stdout(contains(
        "origin/main: pulled 0, pushed 1 commit(s); now at ",
    ));
    b.sop("dimas", &["sync"])
        .success()
        .stdout(contains("pulled 1, pushed 1 commit(s)"));
    a.sop("putri", &["sync"])
        .success()
        .stdout(contains("pulled 1, pushed 0 commit(s)"));
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
    let refused = b.sop("putri", &["sync"]).code(5);
    let err = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    assert_eq!(b.head(), head, "the branch is as it was");
    assert_eq!(b.status(), "");
    // sop's own words: which request, the commits on each side, how to keep either one;
    // none of git's advice about a rebase sop has already undone.
    assert!(
        err.contains(&format!("error: {id} changed both here and on origin/main")),
        "{err}"
    );
    assert!(err.contains("the rebase was undone"), "{err}");
    assert!(err.contains("  here:  "), "{err}");
    assert!(err.contains("  there: "), "{err}");
    assert!(
        err.contains("hint: to keep the server's version, `git reset --hard "),
        "{err}"
    );
    assert!(err.contains("to keep yours"), "{err}");
    for git_advice in [
        "rebase --continue",
        "--abort",
        "--skip",
        "Resolve all conflicts",
        "CONFLICT",
    ] {
        assert!(!err.contains(git_advice), "{git_advice}: {err}");
    }
    // Following the hint: the server's version is kept, and the next sync goes through.
    let theirs = err
        .split("git reset --hard ")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .unwrap()
        .to_string();
    b.git(&["reset", "-q", "--hard", &theirs]);
    b.sop("putri", &["sync"])
        .success()
        .stdout(contains("pulled 0, pushed 0 commit(s)"));
    assert_eq!(b.head(), a.head());
}

#[test]
fn the_first_sync_fills_an_empty_server_and_makes_its_branch_the_default() {
    let server = tempfile::tempdir().unwrap();
    let remote = server.path().join("records.git");
    let a = Office::example();
    let id = a.new_request("putri", "email", EMAIL);
    // `git init --bare` without -b: its HEAD names `master`, which no push will create.
    a.git(&["init", "-q", "--bare", remote.to_str().unwrap()]);
    assert_eq!(
        a.git_in(&remote, &["symbolic-ref", "HEAD"]).trim(),
        "refs/heads/master"
    );
    a.git(&["remote", "add", "origin", remote.to_str().unwrap()]);
    let commits = a.commit_count();
    a.sop("putri", &["sync"]).success().stdout(contains(format!(
        "origin/main: pulled 0, pushed {commits} commit(s); now at "
    )));
    assert_eq!(a.git_in(&remote, &["rev-parse", "main"]).trim(), a.head());
    assert_eq!(
        a.git_in(&remote, &["symbolic-ref", "HEAD"]).trim(),
        "refs/heads/main"
    );
    assert_eq!(
        a.git(&["rev-parse", "--abbrev-ref", "main@{upstream}"])
            .trim(),
        "origin/main"
    );
    // A fresh clone is on main, with the records.
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
    assert_eq!(b.git(&["symbolic-ref", "HEAD"]).trim(), "refs/heads/main");
    assert_eq!(b.head(), a.head());
    assert!(b.request_file(&id).is_file());
    assert_eq!(b.json("putri", &["show", &id])["id"], id.as_str());
    // Nothing new either side: the counts say so.
    a.new_request("putri", "email", EMAIL);
    a.sop("putri", &["sync"])
        .success()
        .stdout(contains("pulled 0, pushed 1 commit(s)"));
    a.sop("putri", &["sync"])
        .success()
        .stdout(contains("pulled 0, pushed 0 commit(s)"));
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
