//! Refusals: the right exit code, a message that says what and where, and nothing changed.

use assert_cmd::assert::OutputAssertExt;
use predicates::str::contains;

use crate::support::Office;

const EMAIL: &[&str] = &[
    "nama_lengkap=Putri Handayani",
    "email_diminta=putri@kota.go.id",
];

/// An email request waiting at the approval step.
fn at_approval(office: &Office) -> String {
    let id = office.new_request("putri", "email", EMAIL);
    office.sop("putri", &["advance", &id]).success();
    office.sop("dewi", &["advance", &id]).success();
    id
}

#[test]
fn wrong_role_names_who_holds_it() {
    let office = Office::example();
    let id = at_approval(&office);
    let before = office.snapshot();
    office
        .sop("budi", &["approve", &id])
        .code(4)
        .stdout("")
        .stderr(contains("budi may not do step 'persetujuan'"))
        .stderr(contains("sri (Sri Wahyuni), hendra (Hendra Gunawan)"));
    assert_eq!(office.snapshot(), before);
}

#[test]
fn requester_may_not_approve_own_request() {
    let office = Office::example();
    // sri holds the approval role and asks for an email herself
    let id = office.new_request("sri", "email", EMAIL);
    office.sop("sri", &["advance", &id]).success();
    office.sop("dewi", &["advance", &id]).success();
    let before = office.snapshot();
    office
        .sop("sri", &["approve", &id])
        .code(4)
        .stderr(contains("separation of duties"))
        .stderr(contains("hendra"));
    assert_eq!(office.snapshot(), before);
    office.sop("hendra", &["approve", &id]).success();
}

#[test]
fn approve_on_a_task_step() {
    let office = Office::example();
    let id = office.new_request("putri", "email", EMAIL);
    let before = office.snapshot();
    office
        .sop("sri", &["approve", &id])
        .code(3)
        .stderr(contains("is a task"))
        .stderr(contains(format!("use `sop advance {id}`")));
    assert_eq!(office.snapshot(), before);
}

#[test]
fn advance_on_an_approval_step() {
    let office = Office::example();
    let id = at_approval(&office);
    let before = office.snapshot();
    office
        .sop("sri", &["advance", &id])
        .code(3)
        .stderr(contains("sop approve"));
    assert_eq!(office.snapshot(), before);
}

#[test]
fn advance_a_finished_request() {
    let office = Office::example();
    let id = at_approval(&office);
    office
        .sop("sri", &["reject", &id, "--reason", "x"])
        .success();
    office
        .sop("putri", &["cancel", &id, "--reason", "tidak jadi"])
        .success();
    let before = office.snapshot();
    office
        .sop("putri", &["advance", &id])
        .code(3)
        .stderr(contains("already cancelled"));
    assert_eq!(office.snapshot(), before);
}

#[test]
fn reject_needs_a_reason() {
    let office = Office::example();
    let id = at_approval(&office);
    let before = office.snapshot();
    office
        .sop("sri", &["reject", &id, "--reason", "  "])
        .code(3)
        .stderr(contains("needs a reason"));
    office.sop("sri", &["reject", &id]).code(2);
    assert_eq!(office.snapshot(), before);
}

#[test]
fn missing_and_invalid_fields() {
    let office = Office::example();
    let before = office.snapshot();
    office
        .sop("putri", &["new", "email", "--field", "nama_lengkap=Putri"])
        .code(3)
        .stderr(contains("needs field(s) email_diminta"));
    office
        .sop(
            "putri",
            &[
                "new",
                "email",
                "--field",
                "nama_lengkap=P",
                "--field",
                "email_diminta=bukan-email",
            ],
        )
        .code(3)
        .stderr(contains("must be an email address"));
    office
        .sop(
            "putri",
            &[
                "new",
                "video-conference",
                "--field",
                "acara=x",
                "--field",
                "tanggal=2026-13-01",
            ],
        )
        .code(3)
        .stderr(contains("must be a date"));
    office
        .sop("putri", &["new", "email", "--field", "oops"])
        .code(3)
        .stderr(contains("KEY=VALUE"));
    assert_eq!(office.snapshot(), before);

    // a step's required fields
    let id = office.new_request("putri", "perangkat-pribadi", &[]);
    for (who, action) in [
        ("putri", "advance"),
        ("putri", "advance"),
        ("andi", "advance"),
        ("sri", "approve"),
        ("budi", "advance"),
    ] {
        office.sop(who, &[action, &id]).success();
    }
    let before = office.snapshot();
    office
        .sop("budi", &["advance", &id, "--field", "merek=Lenovo"])
        .code(3)
        .stderr(contains(
            "needs field(s) jenis_perangkat, nomor_seri, spesifikasi",
        ));
    office
        .sop(
            "budi",
            &["advance", &id, "--field", "jenis_perangkat=kulkas"],
        )
        .code(3)
        .stderr(contains(
            "must be one of laptop, tablet, smartphone, lainnya",
        ));
    assert_eq!(office.snapshot(), before);
}

#[test]
fn decision_needs_a_valid_option() {
    let office = Office::example();
    let id = office.new_request(
        "putri",
        "instalasi-piranti-lunak",
        &["nama_piranti_lunak=GIMP"],
    );
    office.sop("budi", &["advance", &id]).success();
    let before = office.snapshot();
    office
        .sop("ratna", &["advance", &id])
        .code(3)
        .stderr(contains("choose one of datacenter, user"));
    office
        .sop("ratna", &["advance", &id, "--choose", "cloud"])
        .code(3)
        .stderr(contains("no option 'cloud'"));
    assert_eq!(office.snapshot(), before);
}

#[test]
fn unknown_person_and_unknown_request() {
    let office = Office::example();
    let before = office.snapshot();
    office
        .sop("nobody", &["new", "email"])
        .code(4)
        .stderr(contains("'nobody' is not in people.toml"));
    office
        .sop("putri", &["advance", "EML-ZZZZ"])
        .code(3)
        .stderr(contains("no request EML-ZZZZ"));
    office
        .sop("putri", &["new", "nope"])
        .code(3)
        .stderr(contains("no procedure 'nope'"));
    assert_eq!(office.snapshot(), before);
}

#[test]
fn hand_edited_request_is_refused() {
    let office = Office::example();
    let id = office.new_request("putri", "email", EMAIL);
    let file = office.request_file(&id);
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("status = \"open\"", "status = \"completed\""),
    )
    .unwrap();
    let before = office.snapshot();
    office
        .sop("putri", &["advance", &id])
        .code(5)
        .stderr(contains("was edited by hand and not committed"))
        .stderr(contains("hint: "));
    assert_eq!(office.snapshot(), before);

    // staged but not committed is refused too
    office.git(&["add", "."]);
    let before = office.snapshot();
    office
        .sop("putri", &["advance", &id])
        .code(5)
        .stderr(contains("has staged changes"));
    assert_eq!(office.snapshot(), before);
}

#[test]
fn malformed_procedure_names_file_and_line() {
    let office = Office::example();
    let path = office.path("procedures/email.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("activity = ", "activty = ", 1)).unwrap();
    // Committed by the administrator: an uncommitted edit would change nothing.
    office.git_as(
        "Rizky Ramadhan",
        "rizky@diskominfo.example.go.id",
        &["commit", "-qam", "typo"],
    );
    let before = office.snapshot();
    office
        .sop("putri", &["new", "email"])
        .code(3)
        .stderr(contains("procedures/email.toml: TOML parse error at line"))
        .stderr(contains(", column "))
        .stderr(contains("activty"));
    office
        .sop("putri", &["procedure", "check"])
        .code(3)
        .stdout(contains("procedures/email.toml:"))
        .stdout(contains("activty"));
    assert_eq!(office.snapshot(), before);
}

#[test]
fn lint_findings_exit_3_with_file_and_line() {
    let office = Office::example();
    let path = office.path("procedures/email.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("reject = \"isi-form\"", "reject = \"nowhere\""),
    )
    .unwrap();
    let out = office
        .sop("putri", &["procedure", "check"])
        .code(3)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains("reject = \"isi-form\""))
        .unwrap()
        + 1;
    assert!(
        out.contains(&format!("procedures/email.toml:{line}: step 'persetujuan' (reject) leads to unknown step 'nowhere'")),
        "{out}"
    );
}

#[test]
fn people_lint_findings_name_people_toml() {
    let office = Office::example();
    office.edit(
        "people.toml",
        "email = \"dimas@diskominfo.example.go.id\"",
        "email = \"Putri@diskominfo.example.go.id\"",
    );
    office
        .sop("putri", &["procedure", "check"])
        .code(3)
        .stdout(contains(
        "people.toml:1: email 'Putri@diskominfo.example.go.id' belongs to both 'putri' and 'dimas'",
    ));
}

#[test]
fn malformed_request_is_reported_and_others_listed() {
    let office = Office::example();
    let good = office.new_request("putri", "email", EMAIL);
    let bad = office.new_request("dimas", "email", EMAIL);
    let file = office.request_file(&bad);
    std::fs::write(&file, "id = \"broken\nstatus = 1\n").unwrap();
    // sop lists what is committed: someone commits the broken file with plain git
    office.git(&["commit", "-qam", "broken by hand"]);
    let out = office.sop("putri", &["list", "--format", "json"]).code(3);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    let rows: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["id"], good.as_str());
    let rel = file
        .strip_prefix(&office.root)
        .unwrap()
        .display()
        .to_string();
    assert!(
        stderr.contains(&format!("warning: {rel}: TOML parse error at line 1")),
        "{stderr}"
    );
    let before = office.snapshot();
    office
        .sop("dimas", &["show", &bad])
        .code(3)
        .stderr(contains(rel));
    assert_eq!(office.snapshot(), before);
}

#[test]
fn users_other_work_is_left_alone() {
    let office = Office::example();
    let id = office.new_request("putri", "email", EMAIL);
    std::fs::write(office.path("notes.txt"), "staged work\n").unwrap();
    office.git(&["add", "notes.txt"]);
    std::fs::write(
        office.path("notes.txt"),
        "staged work\nand more, unstaged\n",
    )
    .unwrap();
    std::fs::write(office.path("scratch.txt"), "untracked\n").unwrap();
    office.sop("putri", &["advance", &id]).success();
    let last = office.last_commit();
    assert_eq!(last.files.len(), 1, "{last:?}");
    assert!(last.files[0].ends_with(&format!("{id}.toml")));
    assert_eq!(office.status(), "AM notes.txt\n?? scratch.txt\n");
    assert_eq!(office.git(&["show", ":notes.txt"]), "staged work\n");
}

#[test]
fn records_in_a_subfolder_of_a_repository() {
    let office = Office::empty();
    std::fs::create_dir_all(&office.root).unwrap();
    office.git(&["init", "-q", "-b", "main"]);
    std::fs::write(office.path("README"), "repo\n").unwrap();
    office.git(&["add", "README"]);
    office.git(&["commit", "-qm", "first"]);
    let out = office
        .sop_cmd()
        .args(["init", "--example", "sop"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut cmd = office.sop_cmd();
    cmd.args(["-C", "sop", "--as", "putri", "new", "email"]);
    for f in EMAIL {
        cmd.args(["--field", f]);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let last = office.last_commit();
    assert!(last.files[0].starts_with("sop/requests/EML/"), "{last:?}");
    assert!(last.files[0].ends_with(&format!("{id}.toml")));
    assert_eq!(office.status(), "");
}

#[test]
fn verify_of_a_folder_that_is_not_a_records_directory_is_an_error() {
    let office = Office::example();
    let missing = office.home.join("no-such-folder");
    office
        .sop_cmd()
        .arg("-C")
        .arg(&missing)
        .arg("verify")
        .assert()
        .code(3)
        .stderr(contains("no-such-folder"));
    let empty = office.home.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    office
        .sop_cmd()
        .arg("-C")
        .arg(&empty)
        .arg("verify")
        .assert()
        .code(3)
        .stderr(contains("is not a records directory"));
}

/// `sop … | head` closes the pipe before sop is done: that is no error, in any format.
#[test]
fn a_reader_that_stops_early_is_no_error() {
    let office = Office::example();
    let mut csv = String::from("kind,name,serial,location\n");
    for k in 0..3000 {
        csv += &format!("hardware,Komputer {k},PIPE-{k:05},Ruang {k}\n");
    }
    office.import_assets(&csv);
    for format in ["table", "csv", "json"] {
        // The status of sop itself, not of head, is kept in a file.
        let script = format!(
            "{{ \"$SOP\" --as eko --format {format} asset list; echo $? > status; }} | head -n 1 >/dev/null; cat status"
        );
        office.sh(&script).success().stdout("0\n").stderr("");
    }
}
