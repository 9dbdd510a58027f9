//! The audit trail: signed commits, `sop log`, `sop verify` and its tamper findings.

use std::process::Command;

use assert_cmd::assert::{Assert, OutputAssertExt};
use serde_json::Value;

use crate::support::{Office, EMAIL};

const SIGNERS: [&str; 5] = ["rizky", "putri", "dewi", "sri", "budi"];
const RIZKY: (&str, &str) = ("Rizky Ramadhan", "rizky@diskominfo.example.go.id");
const PUTRI: (&str, &str) = ("Putri Handayani", "putri@diskominfo.example.go.id");
const DEWI: (&str, &str) = ("Dewi Lestari", "dewi@diskominfo.example.go.id");

/// The example office with SSH keys in people.toml and `require_signatures = true`,
/// committed (signed) by the administrator.
fn signed_office() -> Office {
    let office = Office::example();
    for who in SIGNERS {
        let key = office.ssh_key(who);
        office.add_key(who, &key);
    }
    office.edit(
        "sop.toml",
        "require_signatures = false",
        "require_signatures = true",
    );
    office.sign_as("rizky");
    office.git_as(
        RIZKY.0,
        RIZKY.1,
        &["commit", "-qam", "signing keys; signatures required"],
    );
    office
}

/// `sop --as WHO ARGS…` signed with WHO's key.
fn signed(office: &Office, who: &str, args: &[&str]) -> Assert {
    office.sign_as(who);
    office.sop(who, args)
}

/// A Permintaan Email request taken to completion; each step by the person it is for.
fn walk_email(office: &Office, sign: bool) -> String {
    let run = |who: &str, args: &[&str]| {
        if sign {
            signed(office, who, args).success()
        } else {
            office.sop(who, args).success()
        }
    };
    if sign {
        office.sign_as("putri");
    }
    let id = office.new_request("putri", "email", EMAIL);
    run("putri", &["advance", &id]);
    run("dewi", &["advance", &id]);
    run("sri", &["approve", &id, "--note", "lengkap"]);
    run("budi", &["advance", &id]);
    id
}

/// `sop verify ARGS… --format json`: exit code and findings.
fn verify(office: &Office, args: &[&str]) -> (i32, Vec<Value>) {
    let mut all = vec!["verify"];
    all.extend(args);
    all.extend(["--format", "json"]);
    let out = office.sop("rizky", &all).get_output().clone();
    let report: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    let code = out.status.code().unwrap();
    if code == 6 {
        assert!(String::from_utf8_lossy(&out.stderr).contains("finding(s)"));
    }
    (code, report["findings"].as_array().unwrap().clone())
}

/// The one finding expected: exit 6, about `commit`, its problem containing `says`.
fn assert_one_finding(office: &Office, commit: &str, says: &str) {
    let (code, findings) = verify(office, &[]);
    assert_eq!(code, 6, "{findings:#?}");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["commit"], commit, "{findings:#?}");
    let problem = findings[0]["problem"].as_str().unwrap();
    assert!(problem.contains(says), "{problem}");
}

fn log(office: &Office, id: &str) -> Vec<Value> {
    office
        .json("rizky", &["log", id])
        .as_array()
        .unwrap()
        .clone()
}

/// `sop log` finds sop's commits of a request by their trailers and any other commit that
/// changed its file (one made by hand) by its trees; a deleted index is built anew the same.
#[test]
fn log_lists_sop_commits_and_commits_made_by_hand() {
    let office = Office::example();
    let id = office.new_request("putri", "email", EMAIL);
    let created = office.head();
    office.sop("putri", &["advance", &id]).success();
    let advanced = office.head();
    let file = office.request_file(&id);
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text + "# diperiksa\n").unwrap();
    office.git(&["add", "-A"]);
    office.git_as(RIZKY.0, RIZKY.1, &["commit", "-qm", "a note by hand"]);
    let by_hand = office.head();
    let expected = [created, advanced, by_hand];
    assert_logged(&office, &id, &expected);
    std::fs::remove_file(office.path(".git/sop-commits-by-request")).unwrap();
    assert_logged(&office, &id, &expected);
}

/// `sop log ID --format id` lists exactly `commits`, in order.
fn assert_logged(office: &Office, id: &str, commits: &[String]) {
    office
        .sop("rizky", &["log", id, "--format", "id"])
        .success()
        .stdout(commits.iter().map(|c| format!("{c}\n")).collect::<String>());
}

/// A history with a merge is indexed by walking the graph: the same commits of a request,
/// loose or packed.
#[test]
fn log_reads_a_history_with_a_merge() {
    let office = Office::example();
    let id = office.new_request("putri", "email", EMAIL);
    let created = office.head();
    office.git(&["branch", "side"]);
    office.sop("putri", &["comment", &id, "catatan"]).success();
    let commented = office.head();
    office.git(&["switch", "-q", "side"]);
    std::fs::write(office.path("catatan.txt"), "x\n").unwrap();
    office.git(&["add", "catatan.txt"]);
    office.git_as(RIZKY.0, RIZKY.1, &["commit", "-qm", "an office file"]);
    office.git(&["switch", "-q", "main"]);
    office.git_as(
        RIZKY.0,
        RIZKY.1,
        &["merge", "-q", "--no-ff", "-m", "merge", "side"],
    );
    let _ = std::fs::remove_file(office.path(".git/sop-commits-by-request"));
    let both = [created, commented];
    assert_logged(&office, &id, &both);
    // Packed, and built anew: read by sop's own pack reader.
    office.git(&["repack", "-adq"]);
    std::fs::remove_file(office.path(".git/sop-commits-by-request")).unwrap();
    assert_logged(&office, &id, &both);
}

#[test]
fn the_example_records_verify_clean() {
    let office = Office::example();
    office
        .sop("rizky", &["verify"])
        .success()
        .stdout("")
        .stderr(predicates::str::contains("no findings"));
    assert_eq!(verify(&office, &[]), (0, vec![]));
}

#[test]
fn a_signed_walk_verifies_clean_and_git_accepts_its_signatures() {
    let office = signed_office();
    let id = walk_email(&office, true);
    assert_eq!(verify(&office, &[]), (0, vec![]));
    assert_eq!(verify(&office, &[&id]), (0, vec![]));

    // git itself accepts every signature sop made.
    let_git_check_signatures(&office);
    office.git(&["verify-commit", "HEAD"]);
    let marks = office.git(&["log", "--format=%G?"]);
    assert_eq!(
        marks, "G\nG\nG\nG\nG\nG\nN\n",
        "sop's 5 commits, the keys commit, init"
    );

    let rows = log(&office, &id);
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().all(|r| r["signature"] == "good"), "{rows:#?}");
    assert_eq!(rows[3]["action"], "approve");
    assert_eq!(rows[3]["by"], "sri");
    assert_eq!(rows[3]["from"], "persetujuan");
    assert_eq!(rows[3]["note"], "lengkap");
    let head = office.head();
    assert_eq!(rows[4]["commit"], head.as_str());
    let table = office.sop("rizky", &["log", &id]).success();
    let text = String::from_utf8_lossy(&table.get_output().stdout).to_string();
    assert!(text.contains("persetujuan → buat-akun"), "{text}");
    assert!(text.contains(&head[..12]), "{text}");
}

/// Tells git the signers' keys, so that it checks signatures as sop does.
fn let_git_check_signatures(office: &Office) {
    let signers: String = SIGNERS
        .iter()
        .map(|who| {
            let key = office.read(office.key_file(who).with_extension("pub"));
            format!("{who}@diskominfo.example.go.id namespaces=\"git\" {key}")
        })
        .collect();
    let allowed = office.home.join("allowed_signers");
    std::fs::write(&allowed, signers).unwrap();
    office.git(&[
        "config",
        "gpg.ssh.allowedSignersFile",
        allowed.to_str().unwrap(),
    ]);
}

/// A request whose approval is forged: Dewi does her own step, then also approves as Sri,
/// signing with her own key. Gives the request's id.
fn forge_an_approval(office: &Office) -> String {
    office.sign_as("putri");
    let id = office.new_request("putri", "email", EMAIL);
    signed(office, "putri", &["advance", &id]).success();
    signed(office, "dewi", &["advance", &id]).success();
    office.sign_as("dewi");
    office.sop("sri", &["approve", &id]).success();
    id
}

#[test]
fn a_forged_actor_signed_with_the_wrong_key_is_found() {
    let office = signed_office();
    let id = forge_an_approval(&office);
    let forged = office.head();
    assert_one_finding(&office, &forged, "which is not a key of sri in people.toml");
    let rows = log(&office, &id);
    assert_eq!(rows[3]["signature"], "unknown-key", "{rows:#?}");
    assert_eq!(rows[2]["signature"], "good");
}

#[test]
fn unsigned_changes_are_refused_where_signatures_are_required() {
    let office = signed_office();
    office.git(&["config", "commit.gpgsign", "false"]);
    let before = office.snapshot();
    office
        .sop(
            "putri",
            &[
                "new",
                "email",
                "--field",
                "nama_lengkap=P",
                "--field",
                "email_diminta=p@kota.go.id",
            ],
        )
        .code(4)
        .stderr(predicates::str::contains("requires signed commits"))
        .stderr(predicates::str::contains("hint: set up signing"));
    assert_eq!(office.snapshot(), before);

    // An unsigned commit made with plain git is found.
    office.edit("sop.toml", "office = \"Dinas", "office = \"Kantor Dinas");
    office.git_as(RIZKY.0, RIZKY.1, &["commit", "-qam", "rename office"]);
    let unsigned = office.head();
    assert_one_finding(&office, &unsigned, "is not signed");
}

#[test]
fn a_signing_failure_changes_nothing_and_says_how_to_fix_it() {
    let office = signed_office();
    office.sign_as("putri");
    std::fs::remove_file(office.key_file("putri")).unwrap();
    let before = office.snapshot();
    office
        .sop(
            "putri",
            &[
                "new",
                "email",
                "--field",
                "nama_lengkap=P",
                "--field",
                "email_diminta=p@kota.go.id",
            ],
        )
        .code(3)
        .stderr(predicates::str::contains(
            "signing the commit with ssh-keygen failed; nothing was changed",
        ))
        .stderr(predicates::str::contains("hint: check git's signing setup"));
    assert_eq!(office.snapshot(), before);
}

/// Rewrites HEAD so that its gpgsig header sits in the message body instead.
fn move_signature_into_message(office: &Office) -> String {
    let raw = office.git(&["cat-file", "commit", "HEAD"]);
    let (header, message) = raw.split_once("\n\n").unwrap();
    let mut kept = Vec::new();
    let mut sig = Vec::new();
    let mut in_sig = false;
    for line in header.lines() {
        if line.starts_with("gpgsig ") || (in_sig && line.starts_with(' ')) {
            in_sig = true;
            sig.push(line);
        } else {
            in_sig = false;
            kept.push(line);
        }
    }
    assert!(!sig.is_empty(), "HEAD is not signed");
    let forged = format!(
        "{}\n\n{}\n{}\n",
        kept.join("\n"),
        message.trim_end(),
        sig.join("\n")
    );
    replace_head(office, &forged)
}

/// Writes `raw` as a commit object and moves HEAD to it. Gives its id.
fn replace_head(office: &Office, raw: &str) -> String {
    let path = office.home.join("forged-commit");
    std::fs::write(&path, raw).unwrap();
    let oid = office
        .git(&[
            "hash-object",
            "-t",
            "commit",
            "-w",
            "--literally",
            path.to_str().unwrap(),
        ])
        .trim()
        .to_string();
    office.git(&["update-ref", "HEAD", &oid]);
    oid
}

/// A signed commit whose message was changed afterwards, loose and then packed: its
/// signature is bad to git and to sop, and nothing else is wrong with it.
#[test]
fn a_commit_changed_after_signing_has_a_bad_signature() {
    let office = signed_office();
    office.sign_as("putri");
    office.new_request("putri", "email", EMAIL);
    let raw = office.git(&["cat-file", "commit", "HEAD"]);
    let (header, message) = raw.split_once("\n\n").unwrap();
    let changed = replace_head(&office, &format!("{header}\n\nchanged {message}"));
    let_git_check_signatures(&office);
    assert_eq!(office.git(&["log", "-1", "--format=%G?"]).trim(), "B");
    for packed in [false, true] {
        if packed {
            office.git(&["repack", "-adq"]);
        }
        let (code, findings) = verify(&office, &[]);
        assert_eq!(code, 6);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0]["commit"], changed.as_str());
        let problem = findings[0]["problem"].as_str().unwrap();
        assert!(
            problem.starts_with("bad signature: SSH signature does not verify"),
            "{problem}"
        );
    }
}

#[test]
fn a_signature_moved_into_the_message_counts_as_unsigned() {
    let office = signed_office();
    office.sign_as("putri");
    let id = office.new_request("putri", "email", EMAIL);
    let oid = move_signature_into_message(&office);
    assert_eq!(office.git(&["log", "-1", "--format=%G?"]).trim(), "N");
    let (code, findings) = verify(&office, &[]);
    assert_eq!(code, 6);
    assert!(findings.iter().all(|f| f["commit"] == oid.as_str()));
    let problems: Vec<&str> = findings
        .iter()
        .map(|f| f["problem"].as_str().unwrap())
        .collect();
    // The moved block also pushes the trailers out of the message's last paragraph.
    assert_eq!(
        problems,
        [
            "is not signed, but sop.toml requires signatures (require_signatures = true)",
            "was committed without sop (the commit has no Sop-Request trailer)"
        ]
    );
    let rows = log(&office, &id);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["signature"], "unsigned", "{rows:#?}");
}

#[test]
fn a_status_edited_by_hand_is_found() {
    let office = Office::example();
    let id = office.new_request("putri", "email", EMAIL);
    let file = office.request_file(&id);
    office.edit(&file, "status = \"open\"", "status = \"completed\"");
    office.git(&["commit", "-qam", "done"]);
    let hand = office.head();
    office.sop("putri", &["advance", &id]).code(3); // finished, as far as sop can tell
    assert_one_finding(&office, &hand, "without adding a history entry");
    let rows = log(&office, &id);
    assert_eq!(rows[1]["action"], "(by hand)");
    assert_eq!(rows[1]["by"], "hand@example.id");
}

#[test]
fn a_deleted_history_entry_is_found() {
    let office = Office::example();
    let id = office.new_request("putri", "email", EMAIL);
    office.sop("putri", &["advance", &id]).success();
    office.sop("dewi", &["advance", &id]).success();
    // Remove the middle entry (putri's advance) and commit it as dewi.
    let file = office.request_file(&id);
    let text = office.read(&file);
    let start = text
        .find("[[history]]\nstep = \"isi-form\"\naction = \"advance\"")
        .unwrap();
    let end = start + text[start + 1..].find("[[history]]").unwrap() + 1;
    std::fs::write(&file, format!("{}{}", &text[..start], &text[end..])).unwrap();
    office.git_as(DEWI.0, DEWI.1, &["commit", "-qam", "tidy"]);
    let hand = office.head();
    assert_one_finding(
        &office,
        &hand,
        "rewrites the request's history: entry 2 (advance by putri",
    );
    let rows = log(&office, &id);
    let last = rows.last().unwrap();
    assert_eq!(last["action"], "(by hand)");
    assert_eq!(last["by"], "dewi@diskominfo.example.go.id");
    assert!(
        last["note"]
            .as_str()
            .unwrap()
            .starts_with("rewrote its history"),
        "{last:#?}"
    );
}

/// verify keeps the requests it has parsed, by blob id, for the changes after them: a forged
/// change whose versions it parsed for earlier commits is judged as any other.
#[test]
fn a_request_put_back_by_hand_to_a_version_read_before_is_found() {
    let office = Office::example();
    let id = office.new_request("putri", "email", EMAIL);
    let file = office.request_file(&id);
    let created = office.read(&file);
    office.sop("putri", &["advance", &id]).success();
    // Both versions were parsed when the two commits before were judged.
    std::fs::write(&file, created).unwrap();
    office.git_as(PUTRI.0, PUTRI.1, &["commit", "-qam", "undo"]);
    let undo = office.head();
    assert_one_finding(
        &office,
        &undo,
        "rewrites the request's history: entry 2 (advance by putri",
    );
}

/// A blob that parsed at one path is not taken as parsed at another: the same bytes under
/// another request's name sit where their id does not say.
#[test]
fn a_request_copied_by_hand_over_another_is_found() {
    let office = Office::example();
    let id = office.new_request("putri", "email", EMAIL);
    let other = office.new_request("putri", "email", EMAIL);
    let text = office.read(office.request_file(&id));
    std::fs::write(office.request_file(&other), text).unwrap();
    office.git_as(PUTRI.0, PUTRI.1, &["commit", "-qam", "copy"]);
    let copy = office.head();
    assert_one_finding(
        &office,
        &copy,
        "writes a file sop cannot read: requests/EML/",
    );
    let (_, findings) = verify(&office, &[]);
    let problem = findings[0]["problem"].as_str().unwrap();
    assert!(
        problem.contains(&format!("its id {id} belongs in")),
        "{problem}"
    );
}

/// verify reads the trees and blobs of a packed repository with sop's own reader of git's
/// packs: the same findings as from the loose objects before the packing.
#[test]
fn a_packed_history_verifies_as_a_loose_one() {
    let office = Office::example();
    walk_email(&office, false);
    let id = office.new_request("putri", "email", EMAIL);
    office.sop("putri", &["advance", &id]).success();
    office.edit(
        office.request_file(&id),
        "status = \"open\"",
        "status = \"completed\"",
    );
    office.git(&["commit", "-qam", "done"]);
    let loose = verify(&office, &[]);
    assert_eq!(loose.0, 6, "{loose:#?}");
    assert_eq!(loose.1.len(), 1, "{loose:#?}");
    office.git(&["repack", "-adq", "--depth=50"]);
    let objects = office.git(&["count-objects", "-v"]);
    assert!(
        objects.contains("\ncount: 0\n") || objects.starts_with("count: 0\n"),
        "{objects}"
    );
    assert!(objects.contains("\npacks: 1\n"), "{objects}");
    assert_eq!(verify(&office, &[]), loose);
}

/// Packed, signed commits are read by sop's own reader and their signatures checked as when
/// libgit2 read them loose: a good walk, a forged actor's signature by the wrong key, and a
/// signature moved into the message. `sop log` lists them as it did loose.
#[test]
fn packed_signed_commits_verify_as_loose_ones() {
    let office = signed_office();
    let walked = walk_email(&office, true);
    let forged = forge_an_approval(&office);
    office.sign_as("putri");
    office.new_request("putri", "email", EMAIL);
    move_signature_into_message(&office);
    let loose = verify(&office, &[]);
    assert_eq!(loose.1.len(), 3, "{loose:#?}");
    let logs = [log(&office, &walked), log(&office, &forged)];
    office.git(&["repack", "-adq"]);
    assert!(office
        .git(&["count-objects", "-v"])
        .contains("\npacks: 1\n"));
    assert_eq!(verify(&office, &[]), loose);
    // The index of commits by request, built anew from the pack by sop's own reader.
    for file in ["sop-commits-by-request", "sop-commits-by-request.head"] {
        std::fs::remove_file(office.root.join(".git").join(file)).unwrap();
    }
    assert_eq!([log(&office, &walked), log(&office, &forged)], logs);
}

/// Whole-history verify lists the commits from git's commit-graph file where there is one,
/// and the ones made after it by reading them: the findings are those without the file.
#[test]
fn a_commit_graph_gives_the_history_commits_give() {
    let office = signed_office();
    walk_email(&office, true);
    forge_an_approval(&office);
    office.git(&["commit-graph", "write", "--reachable"]);
    office.sign_as("putri");
    office.new_request("putri", "email", EMAIL);
    forge_an_approval(&office);
    let with_graph = verify(&office, &[]);
    assert_eq!(with_graph.1.len(), 2, "{with_graph:#?}");
    office.git(&["config", "core.commitGraph", "false"]);
    assert_eq!(verify(&office, &[]), with_graph);
    office.git(&["config", "core.commitGraph", "true"]);
    let graph = office.root.join(".git/objects/info/commit-graph");
    let mut damaged = std::fs::read(&graph).unwrap();
    damaged[100] ^= 1;
    std::fs::remove_file(&graph).unwrap();
    std::fs::write(&graph, damaged).unwrap();
    assert_eq!(verify(&office, &[]), with_graph);
}

#[test]
fn a_step_skipped_by_hand_is_found_even_with_sop_trailers() {
    let office = Office::example();
    let id = office.new_request("putri", "email", EMAIL);
    // Putri writes a history entry that approves her own request, skipping two steps.
    let file = office.request_file(&id);
    let at = office.now() + chrono::Duration::minutes(1);
    office.wait(chrono::Duration::minutes(1));
    let text = office.read(&file).replacen(
        "step = \"isi-form\"\nrequester",
        "step = \"buat-akun\"\nrequester",
        1,
    );
    let entry = format!(
        "\n[[history]]\nstep = \"persetujuan\"\naction = \"approve\"\nby = \"putri\"\nat = \"{}\"\nto = \"buat-akun\"\n",
        at.to_rfc3339()
    );
    std::fs::write(&file, format!("{text}{entry}")).unwrap();
    let message =
        format!("{id} approve: x\n\nSop-Request: {id}\nSop-Action: approve\nSop-Actor: putri\n");
    office.git_as(PUTRI.0, PUTRI.1, &["commit", "-qam", &message]);
    let hand = office.head();
    let (code, findings) = verify(&office, &[]);
    assert_eq!(code, 6);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["commit"], hand.as_str());
    assert_eq!(findings[0]["request"], id.as_str());
    let problem = findings[0]["problem"].as_str().unwrap();
    assert!(
        problem.contains("is not a legal approve by putri"),
        "{problem}"
    );
}

#[test]
fn people_changed_by_a_non_administrator_is_found() {
    let office = Office::example();
    office.edit(
        "people.toml",
        "id = \"putri\"\nname = \"Putri Handayani\"\nnip = \"199508212020122003\"\nemail = \"putri@diskominfo.example.go.id\"\nroles = []",
        "id = \"putri\"\nname = \"Putri Handayani\"\nnip = \"199508212020122003\"\nemail = \"putri@diskominfo.example.go.id\"\nroles = [\"admin\", \"kadis\"]",
    );
    office.git_as(PUTRI.0, PUTRI.1, &["commit", "-qam", "roles"]);
    let grab = office.head();
    assert_one_finding(
        &office,
        &grab,
        "its author putri does not hold the administrator role 'admin'",
    );
    // The same change by the administrator is fine.
    office.git(&["reset", "-q", "--hard", "HEAD~1"]);
    office.edit("people.toml", "roles = []", "roles = [\"kadis\"]");
    office.git_as(RIZKY.0, RIZKY.1, &["commit", "-qam", "roles"]);
    assert_eq!(verify(&office, &[]), (0, vec![]));
}

#[test]
fn a_deleted_request_file_is_found() {
    let office = Office::example();
    let id = office.new_request("putri", "email", EMAIL);
    let file = office.request_file(&id);
    office.git(&["rm", "-q", file.to_str().unwrap()]);
    office.git(&["commit", "-qm", "gone"]);
    let gone = office.head();
    assert_one_finding(&office, &gone, "deletes the request file requests/EML/");
    assert_eq!(office.git(&["log", "-1", "--format=%H"]).trim(), gone);
}

#[test]
fn a_range_checks_only_what_it_brings() {
    let office = Office::example();
    let id = walk_email(&office, false);
    let clean = office.head();
    let other = office.new_request(
        "dimas",
        "email",
        &["nama_lengkap=Dimas", "email_diminta=dimas@kota.go.id"],
    );
    // Dimas cancels his request by editing the file.
    office.edit(
        office.request_file(&other),
        "status = \"open\"",
        "status = \"cancelled\"",
    );
    office.git_as(
        "Dimas Saputra",
        "dimas@diskominfo.example.go.id",
        &["commit", "-qam", "x"],
    );
    let forged = office.head();
    let range = format!("{clean}..HEAD");
    let (code, findings) = verify(&office, &["--range", &range]);
    assert_eq!(code, 6);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["commit"], forged.as_str());
    assert_eq!(findings[0]["request"], other.as_str());
    let root = office.git(&["rev-list", "--max-parents=0", "HEAD"]);
    let older = format!("{}..{clean}", root.trim());
    assert_eq!(verify(&office, &["--range", &older]), (0, vec![]));
    // Only the named request.
    assert_eq!(verify(&office, &[&id]), (0, vec![]));
    assert_eq!(verify(&office, &[&other]).0, 6);
}

#[test]
fn the_pre_receive_hook_refuses_a_forged_push() {
    let office = Office::example();
    walk_email(&office, false);
    let server = office.home.join("server.git");
    let git = |dir: &std::path::Path, args: &[&str]| {
        let out = Command::new("git")
            .current_dir(dir)
            .env("HOME", &office.home)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("SOP", assert_cmd::cargo::cargo_bin("sop"))
            .args(args)
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    let (ok, err) = git(
        &office.home,
        &[
            "init",
            "-q",
            "--bare",
            "-b",
            "main",
            server.to_str().unwrap(),
        ],
    );
    assert!(ok, "{err}");
    let hook = server.join("hooks/pre-receive");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/hooks/pre-receive"),
        &hook,
    )
    .unwrap();
    let (ok, err) = git(
        &office.root,
        &["push", "-q", server.to_str().unwrap(), "main"],
    );
    assert!(ok, "the clean history is accepted: {err}");

    let id = office.new_request("putri", "email", EMAIL);
    office.edit(
        office.request_file(&id),
        "step = \"isi-form\"\nrequester",
        "step = \"buat-akun\"\nrequester",
    );
    office.git(&["commit", "-qam", "skip"]);
    let forged = office.head();
    let (ok, err) = git(
        &office.root,
        &["push", "-q", server.to_str().unwrap(), "main"],
    );
    assert!(!ok, "the forged push is refused");
    assert!(err.contains(&forged[..12]), "{err}");
    assert!(err.contains("pre-receive hook declined"), "{err}");
    let (_, _) = git(&server, &["rev-parse", "main"]);
    let tip = Command::new("git")
        .current_dir(&server)
        .args(["rev-parse", "main"])
        .output()
        .unwrap();
    assert_ne!(String::from_utf8_lossy(&tip.stdout).trim(), forged);

    // A history of its own (another sop init, its own people.toml) is not accepted either.
    let other = Office::empty();
    other.wait(chrono::Duration::hours(1)); // not the same init commit as the office's
    other
        .sop_cmd()
        .args(["init", "--example"])
        .arg(&other.root)
        .assert()
        .success();
    walk_email(&other, false);
    let (ok, err) = git(
        &other.root,
        &["push", "-q", "--force", server.to_str().unwrap(), "main"],
    );
    assert!(!ok, "the unrelated history is refused");
    assert!(err.contains("starts a records directory anew"), "{err}");
    let (ok, err) = git(
        &other.root,
        &["push", "-q", server.to_str().unwrap(), "main:side"],
    );
    assert!(!ok, "an unrelated new branch is refused");
    assert!(err.contains("shares no history"), "{err}");
}

/// Permintaan Email up to its approval step ('persetujuan', for subkoor-kip).
fn at_approval(office: &Office) -> String {
    let id = office.new_request("putri", "email", EMAIL);
    office.sop("putri", &["advance", &id]).success();
    office.sop("dewi", &["advance", &id]).success();
    id
}

#[test]
fn a_stand_in_acts_for_the_role_and_verifies_clean() {
    let office = Office::example();
    office.edit(
        "people.toml",
        "[[people]]\nid = \"rizky\"",
        "[[standins]]\nperson = \"andi\"\nrole = \"subkoor-kip\"\nfrom = 2026-11-01\nto = 2026-11-30\nnote = \"Plh\"\n\n[[people]]\nid = \"rizky\"",
    );
    office.git_as(
        RIZKY.0,
        RIZKY.1,
        &["commit", "-qam", "Plh subkoor-kip: andi"],
    );
    let id = at_approval(&office);
    office.sop("andi", &["approve", &id]).success();
    assert_eq!(
        office.last_commit().trailer("Sop-Acting-For").as_deref(),
        Some("subkoor-kip")
    );
    assert_eq!(verify(&office, &[]), (0, vec![]));
    let rows = log(&office, &id);
    assert_eq!(rows[3]["by"], "andi");
    assert_eq!(rows[3]["acting_for"], "subkoor-kip");
    let table = office.sop("rizky", &["log", &id]).success();
    assert!(String::from_utf8_lossy(&table.get_output().stdout).contains("andi (for subkoor-kip)"));
}

#[test]
fn a_role_granted_only_in_an_uncommitted_people_toml_changes_nothing() {
    let office = Office::example();
    let id = at_approval(&office);
    // Dewi gives herself the approver's role on disk only: sop reads the committed
    // people.toml, so she may not approve, and it says why it ignored her edit.
    office.edit(
        "people.toml",
        "roles = [\"helpdesk\"]",
        "roles = [\"helpdesk\", \"subkoor-kip\"]",
    );
    let before = office.snapshot();
    office
        .sop("dewi", &["approve", &id])
        .code(4)
        .stderr(predicates::str::contains(
            "people.toml has changes that are not committed",
        ))
        .stderr(predicates::str::contains(
            "dewi may not do step 'persetujuan'",
        ));
    assert_eq!(office.snapshot(), before);
    office.git(&["checkout", "people.toml"]);
    assert_eq!(verify(&office, &[]), (0, vec![]));
}

#[test]
fn self_approval_allowed_only_on_disk_is_refused() {
    let office = Office::example();
    let id = at_approval(&office);
    office.edit(
        "sop.toml",
        "allow_self_approval = false",
        "allow_self_approval = true",
    );
    office.edit(
        "people.toml",
        "email = \"putri@diskominfo.example.go.id\"\nroles = []",
        "email = \"putri@diskominfo.example.go.id\"\nroles = [\"subkoor-kip\"]",
    );
    let before = office.snapshot();
    office
        .sop("putri", &["approve", &id])
        .code(4)
        .stderr(predicates::str::contains(
            "sop.toml has changes that are not committed",
        ))
        .stderr(predicates::str::contains("separation of duties"));
    assert_eq!(office.snapshot(), before);
}

/// gpg with a throw-away keyring in the office's HOME; stops its agent when dropped.
struct Gpg<'a>(&'a Office);

impl Gpg<'_> {
    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("gpg")
            .env("HOME", &self.0.home)
            .args(["--batch", "--quiet", "--passphrase", ""])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "gpg {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).to_string()
    }

    /// A new signing key; returns its fingerprint.
    fn key(&self, uid: &str) -> String {
        self.run(&["--quick-gen-key", uid, "ed25519", "sign", "never"]);
        let listing = self.run(&["--with-colons", "--list-keys", uid]);
        listing
            .lines()
            .find_map(|l| l.strip_prefix("fpr:::::::::"))
            .unwrap()
            .trim_end_matches(':')
            .to_string()
    }
}

impl Drop for Gpg<'_> {
    fn drop(&mut self) {
        let _ = Command::new("gpgconf")
            .env("HOME", &self.0.home)
            .args(["--kill", "gpg-agent"])
            .output();
    }
}

#[test]
fn openpgp_signatures_are_made_and_checked() {
    let office = Office::example();
    let gnupg = office.home.join(".gnupg");
    std::fs::create_dir_all(&gnupg).unwrap();
    std::fs::set_permissions(&gnupg, std::os::unix::fs::PermissionsExt::from_mode(0o700)).unwrap();
    let gpg = Gpg(&office);
    let putri = gpg.key("Putri Handayani <putri@diskominfo.example.go.id>");
    let dewi = gpg.key("Dewi Lestari <dewi@diskominfo.example.go.id>");
    office.add_key("putri", &putri);
    office.add_key("dewi", &dewi);
    office.edit(
        "sop.toml",
        "require_signatures = false",
        "require_signatures = true",
    );
    office.git_as(RIZKY.0, RIZKY.1, &["commit", "-qam", "OpenPGP keys"]);
    office.git(&["config", "commit.gpgsign", "true"]);
    office.git(&["config", "gpg.format", "openpgp"]);
    office.git(&["config", "user.signingkey", &putri]);
    let id = office.new_request("putri", "email", EMAIL);
    office.sop("putri", &["advance", &id]).success();
    office.git(&["verify-commit", "HEAD"]);
    assert_eq!(verify(&office, &[]), (0, vec![]));
    // Dewi's step signed with Putri's key.
    office.sop("dewi", &["advance", &id]).success();
    let forged = office.head();
    assert_one_finding(
        &office,
        &forged,
        "which is not a key of dewi in people.toml",
    );
    let rows = log(&office, &id);
    let marks: Vec<&str> = rows
        .iter()
        .map(|r| r["signature"].as_str().unwrap())
        .collect();
    assert_eq!(marks, ["good", "good", "unknown-key"]);
    drop(gpg);
}

#[test]
fn a_sop_commit_that_changes_more_than_its_request_is_found() {
    let office = Office::example();
    let id = office.new_request("putri", "email", EMAIL);
    office.sop("putri", &["advance", &id]).success();
    std::fs::write(office.path("catatan.txt"), "tambahan\n").unwrap();
    office.git(&["add", "catatan.txt"]);
    office.git(&["commit", "-q", "--amend", "--no-edit"]);
    let amended = office.head();
    let (code, findings) = verify(&office, &[]);
    assert_eq!(code, 6);
    let problems: Vec<&str> = findings
        .iter()
        .filter(|f| f["commit"] == amended.as_str())
        .map(|f| f["problem"].as_str().unwrap())
        .collect();
    assert_eq!(problems.len(), 2, "{findings:#?}");
    assert!(problems
        .iter()
        .any(|p| p.contains("also changes catatan.txt")));
    // catatan.txt is an office file beside the records: for an administrator only.
    assert!(problems.iter().any(|p| p.contains(
        "changes catatan.txt but its author putri does not hold the administrator role"
    )));

    // An asset file slipped into a request's change is found even when a Sop-Asset trailer
    // names it: verify replays the step's asset effects, and an email step has none.
    office.git(&["rm", "-q", "catatan.txt"]);
    std::fs::create_dir_all(office.path("assets/7K")).unwrap();
    std::fs::write(office.path("assets/7K/AST-7K3.toml"), "id = \"AST-7K3\"\n").unwrap();
    office.git(&["add", "assets"]);
    let message = office.git(&["log", "-1", "--format=%B"]);
    let message = format!(
        "{}Sop-Asset: AST-7K3\n",
        message.trim_end().to_string() + "\n"
    );
    office.git(&["commit", "-q", "--amend", "-m", &message]);
    let amended = office.head();
    let (code, findings) = verify(&office, &[]);
    assert_eq!(code, 6);
    let problems: Vec<&str> = findings
        .iter()
        .filter(|f| f["commit"] == amended.as_str())
        .map(|f| f["problem"].as_str().unwrap())
        .collect();
    assert!(
        problems.contains(&"changes assets/7K/AST-7K3.toml, which this step does not change"),
        "{findings:#?}"
    );
    assert!(
        problems.contains(&"the commit's Sop-Asset says AST-7K3, its change says nothing"),
        "{findings:#?}"
    );
}

#[test]
fn an_asset_edited_inside_a_step_commit_is_found() {
    let office = Office::example();
    let asset = office.json(
        "eko",
        &[
            "asset", "add", "--kind", "hardware", "--name", "Server", "--status", "in-use",
        ],
    );
    let asset = asset["id"].as_str().unwrap().to_string();
    let id = office.json("eko", &["new", "perbaikan-aset", "--asset", &asset])["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(verify(&office, &[]), (0, vec![]));
    // the repair put the asset in repair; someone amends the commit to say disposed instead
    let file = office.path(&format!("assets/{}/{asset}.toml", &asset[4..6]));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("status = \"in-repair\""), "{text}");
    std::fs::write(
        &file,
        text.replacen("status = \"in-repair\"", "status = \"disposed\"", 1),
    )
    .unwrap();
    office.git(&["commit", "-q", "-a", "--amend", "--no-edit"]);
    let amended = office.head();
    assert_one_finding(
        &office,
        &amended,
        &format!("writes asset {asset} differently from what sop writes"),
    );
    let _ = id;
}

#[test]
fn log_follows_new_commits_and_rewound_branches() {
    let office = Office::example();
    let id = office.new_request("putri", "email", EMAIL);
    assert_eq!(log(&office, &id).len(), 1);
    office.sop("putri", &["advance", &id]).success();
    office.sop("dewi", &["advance", &id]).success();
    let rows = log(&office, &id);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[2]["commit"], office.head().as_str());
    office.git(&["reset", "-q", "--hard", "HEAD~1"]);
    let rows = log(&office, &id);
    assert_eq!(rows.len(), 2, "the dropped commit is gone: {rows:#?}");
    assert_eq!(rows[1]["commit"], office.head().as_str());
    std::fs::write(office.path(".git/sop-commits-by-request"), "garbage\n").unwrap();
    std::fs::remove_file(office.path(".git/sop-commits-by-request.head")).unwrap();
    assert_eq!(log(&office, &id).len(), 2, "the index is a cache, rebuilt");
}

#[test]
fn the_asset_register_is_changed_only_by_its_keeper() {
    let office = Office::example();
    office
        .sop(
            "eko",
            &["asset", "add", "--kind", "hardware", "--name", "Server"],
        )
        .success();
    assert_eq!(verify(&office, &[]), (0, vec![]));
    // putri (no role) registers an asset by hand with plain git
    std::fs::create_dir_all(office.path("assets/ZZ")).unwrap();
    std::fs::write(
        office.path("assets/ZZ/AST-ZZ00000000.toml"),
        "id = \"AST-ZZ00000000\"\nkind = \"hardware\"\nname = \"Forged\"\nstatus = \"in-use\"\n",
    )
    .unwrap();
    office.git(&["add", "assets"]);
    office.git(&[
        "-c",
        "user.email=putri@diskominfo.example.go.id",
        "commit",
        "-qm",
        "asset",
        "--author",
        "Putri Handayani <putri@diskominfo.example.go.id>",
    ]);
    let forged = office.head();
    assert_one_finding(
        &office,
        &forged,
        "changes the asset register (1 file(s)) but its author putri@diskominfo.example.go.id holds neither 'pengelola-aset' nor 'admin'",
    );
}

/// A change of many files (an import: its objects written in memory by a repository of
/// their own, then as one pack) is signed as a change of one file is: verify finds nothing,
/// git accepts the signature and finds every object.
#[test]
fn a_signed_bulk_import_verifies_and_git_accepts_it() {
    let office = signed_office();
    let mut csv = String::from("kind,name,serial\n");
    for i in 0..100 {
        csv += &format!("hardware,PC {i},S-{i:04}\n");
    }
    let file = office.input_file("bulk.csv", csv.as_bytes());
    let packs = |office: &Office| {
        let counted = office.git(&["count-objects", "-v"]);
        counted
            .lines()
            .find_map(|l| l.strip_prefix("packs: ").map(|n| n.parse::<u32>().unwrap()))
            .unwrap()
    };
    let before = packs(&office);
    signed(
        &office,
        "rizky",
        &["asset", "import", file.to_str().unwrap()],
    )
    .success();
    assert_eq!(office.last_commit().files.len(), 100);
    assert_eq!(packs(&office), before + 1);
    assert_eq!(office.status(), "");
    assert_eq!(verify(&office, &[]), (0, vec![]));
    let_git_check_signatures(&office);
    office.git(&["verify-commit", "HEAD"]);
    office.git(&["fsck", "--strict", "--no-dangling"]);
}
