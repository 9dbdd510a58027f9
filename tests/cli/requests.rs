//! Requests as an office lives them (issue 10): a returned form corrected, comments,
//! assignment, hold and resume, a resumable end, outside requesters and secret fields — each
//! one commit, replayed by `sop verify`, and a hand-made one flagged.

use predicates::str::contains;
use serde_json::Value;

use crate::support::Office;

const RIZKY: (&str, &str) = ("Rizky Ramadhan", "rizky@diskominfo.example.go.id");
const DIMAS: (&str, &str) = ("Dimas Saputra", "dimas@diskominfo.example.go.id");

/// An email request by dimas, sent back to the form by sri: "NIP belum diisi".
fn returned(office: &Office) -> String {
    let id = office.new_request(
        "dimas",
        "email",
        &[
            "nama_lengkap=Dimas Saputra",
            "email_diminta=dimas@kota.go.id",
        ],
    );
    office.sop("dimas", &["advance", &id]).success();
    office.sop("dewi", &["advance", &id]).success();
    office
        .sop("sri", &["reject", &id, "--reason", "NIP belum diisi"])
        .success();
    id
}

/// An email request by putri, approved: at buat-akun, staf-ti's step.
fn approved(office: &Office) -> String {
    let id = office.new_request(
        "putri",
        "email",
        &["nama_lengkap=Putri", "email_diminta=putri@kota.go.id"],
    );
    office.sop("putri", &["advance", &id]).success();
    office.sop("dewi", &["advance", &id]).success();
    office.sop("sri", &["approve", &id]).success();
    id
}

/// `sop verify --format json`: exit code and findings.
fn verify(office: &Office) -> (i32, Vec<Value>) {
    let out = office
        .sop("rizky", &["verify", "--format", "json"])
        .get_output()
        .clone();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let code = out.status.code().unwrap();
    (code, report["findings"].as_array().unwrap().clone())
}

/// A change at terima-fpe that dimas writes by hand: `write` turns the request file's text
/// (and the change's time) into the new text, committed by dimas with the trailers sop would
/// give `action`. Verify must find it: its one finding's problem.
fn forged_by_dimas(
    office: &Office,
    id: &str,
    action: &str,
    write: impl FnOnce(String, &str) -> String,
) -> String {
    let file = office.request_file(id);
    office.wait(chrono::Duration::minutes(1));
    let at = office.now().to_rfc3339();
    std::fs::write(&file, write(office.read(&file), &at)).unwrap();
    let message = format!(
        "{id} {action}: x\n\nSop-Request: {id}\nSop-Procedure: email@1\nSop-Action: {action}\nSop-Step: terima-fpe -> terima-fpe\nSop-Actor: dimas\n"
    );
    office.git_as(DIMAS.0, DIMAS.1, &["commit", "-qam", &message]);
    let (code, findings) = verify(office);
    assert_eq!(code, 6, "{findings:#?}");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    findings[0]["problem"].as_str().unwrap().to_string()
}

fn clean(office: &Office) {
    assert_eq!(verify(office), (0, vec![]));
}

fn show(office: &Office, id: &str) -> Value {
    office.json("rizky", &["show", id])
}

#[test]
fn the_returned_form_is_corrected_by_the_requester_and_approved() {
    let office = Office::example();
    let id = returned(&office);
    // The form's field is not the step's: advance still refuses it, and says what to do.
    office
        .sop(
            "dimas",
            &["advance", &id, "--field", "nip=199001012020011001"],
        )
        .code(3);
    let commits = office.commit_count();
    office
        .sop(
            "dimas",
            &[
                "edit",
                &id,
                "--field",
                "nip=199001012020011001",
                "--title",
                "Email untuk Dimas",
            ],
        )
        .success()
        .stdout(contains(format!("{id} edit: isi-form")));
    assert_eq!(office.commit_count(), commits + 1);
    let commit = office.last_commit();
    assert_eq!(commit.trailer("Sop-Action").as_deref(), Some("edit"));
    assert_eq!(
        commit.trailer("Sop-Step").as_deref(),
        Some("isi-form -> isi-form")
    );
    assert_eq!(commit.author, format!("{} <{}>", DIMAS.0, DIMAS.1));
    let req = show(&office, &id);
    assert_eq!(req["title"], "Email untuk Dimas");
    assert_eq!(req["fields"]["nip"], "199001012020011001");
    let edits = &req["history"].as_array().unwrap().last().unwrap()["edits"];
    assert_eq!(
        *edits,
        serde_json::json!([
            {"name": "title", "from": "Permintaan Email", "to": "Email untuk Dimas"},
            {"name": "nip", "to": "199001012020011001"}
        ])
    );
    office
        .sop("rizky", &["show", &id])
        .success()
        .stdout(contains("nip: - → 199001012020011001"));
    office.sop("dimas", &["advance", &id]).success();
    office.sop("dewi", &["advance", &id]).success();
    office.sop("sri", &["approve", &id]).success();
    office.sop("budi", &["advance", &id]).success();
    assert_eq!(show(&office, &id)["status"], "completed");
    clean(&office);
}

#[test]
fn a_frozen_field_is_refused_and_a_hand_edit_of_it_is_flagged() {
    let office = Office::example();
    let id = returned(&office);
    office.sop("dimas", &["advance", &id]).success();
    // At terima-fpe, helpdesk's step, the request form is frozen.
    let before = office.snapshot();
    office
        .sop("dewi", &["edit", &id, "--field", "nama_lengkap=Orang Lain"])
        .code(3)
        .stderr(contains(
            "field 'nama_lengkap' of ".to_string()
                + &id
                + " cannot be changed at step 'terima-fpe'",
        ));
    // And dimas, whose step it is not, may not edit at all.
    office.sop("dimas", &["edit", &id, "--title", "x"]).code(4);
    assert_eq!(office.snapshot(), before);
    // Made by hand with sop's trailers, verify flags it.
    let problem = forged_by_dimas(&office, &id, "edit", |text, at| {
        let text = text.replacen(
            "nama_lengkap = \"Dimas Saputra\"",
            "nama_lengkap = \"Orang Lain\"",
            1,
        );
        format!(
            "{text}\n[[history]]\nstep = \"terima-fpe\"\naction = \"edit\"\nby = \"dimas\"\nat = \"{at}\"\nto = \"terima-fpe\"\n\n[[history.edits]]\nname = \"nama_lengkap\"\nfrom = \"Dimas Saputra\"\nto = \"Orang Lain\"\n"
        )
    });
    assert!(
        problem.contains("is not a legal edit by dimas"),
        "{problem}"
    );
}

#[test]
fn a_comment_is_one_commit_shown_in_show_and_log_and_never_moves() {
    let office = Office::example();
    let id = returned(&office);
    let step = show(&office, &id)["step"].clone();
    office
        .sop(
            "hendra",
            &["comment", &id, "Mohon lengkapi NIP, terima kasih"],
        )
        .success();
    assert_eq!(
        office.last_commit().trailer("Sop-Action").as_deref(),
        Some("comment")
    );
    assert_eq!(show(&office, &id)["step"], step, "same step, same since");
    office
        .sop("rizky", &["show", &id])
        .success()
        .stdout(contains("Mohon lengkapi NIP"));
    office
        .sop("rizky", &["log", &id])
        .success()
        .stdout(contains("Mohon lengkapi NIP"));
    // Empty comments and people outside people.toml are refused.
    office.sop("hendra", &["comment", &id, "  "]).code(3);
    office
        .sop("orang@luar.id", &["comment", &id, "halo"])
        .code(4);
    clean(&office);
}

#[test]
fn an_assigned_step_is_the_assignees_alone_until_unassigned() {
    let office = Office::example();
    let id = approved(&office);
    // buat-akun is staf-ti's: budi gives it to yoga.
    office.sop("putri", &["assign", &id, "yoga"]).code(4);
    office
        .sop("budi", &["assign", &id, "sri"])
        .code(3)
        .stderr(contains("cannot be given step 'buat-akun'"));
    office.sop("budi", &["assign", &id, "yoga"]).success();
    assert_eq!(
        show(&office, &id)["history"]
            .as_array()
            .unwrap()
            .last()
            .unwrap()["assignee"],
        "yoga"
    );
    let before = office.snapshot();
    office
        .sop("budi", &["advance", &id])
        .code(4)
        .stderr(contains("assigned to yoga (Yoga Pratama)"));
    assert_eq!(office.snapshot(), before);
    office.sop("budi", &["unassign", &id]).success();
    office.sop("budi", &["assign", &id, "yoga"]).success();
    office.sop("yoga", &["advance", &id]).success();
    assert_eq!(show(&office, &id)["status"], "completed");
    clean(&office);
}

#[test]
fn a_held_request_refuses_to_move_until_resumed() {
    let office = Office::example();
    let id = returned(&office);
    office.sop("dimas", &["advance", &id]).success();
    office.sop("dewi", &["hold", &id]).code(2); // --reason is required
    office
        .sop(
            "dewi",
            &[
                "hold",
                &id,
                "--reason",
                "menunggu kuota",
                "--until",
                "31-12-2026",
            ],
        )
        .code(3);
    office
        .sop(
            "dewi",
            &[
                "hold",
                &id,
                "--reason",
                "menunggu kuota",
                "--until",
                "2026-12-31",
            ],
        )
        .success()
        .stdout(contains("held: menunggu kuota"));
    let req = show(&office, &id);
    assert_eq!(req["status"], "held");
    office
        .sop("dewi", &["advance", &id])
        .code(3)
        .stderr(contains("is on hold (menunggu kuota)"));
    office.sop("dimas", &["resume", &id]).code(4);
    office.sop("dewi", &["resume", &id]).success();
    assert_eq!(show(&office, &id)["status"], "open");
    office.sop("dewi", &["advance", &id]).success();
    clean(&office);
}

#[test]
fn a_resumable_end_is_reopened_to_the_step_it_names() {
    let office = Office::example();
    // The office adds a `ditunda` end to the email procedure that can be resumed.
    office.edit(
        "procedures/email.toml",
        "approve = \"buat-akun\"\nreject = \"isi-form\"",
        "approve = \"buat-akun\"\nreject = \"ditunda\"",
    );
    let text = office.read("procedures/email.toml")
        + "\n[[steps]]\nid = \"ditunda\"\nactivity = \"Permintaan ditunda (kuota habis)\"\nkind = \"end\"\noutcome = \"ditunda\"\nresume = \"persetujuan\"\n";
    std::fs::write(office.path("procedures/email.toml"), text).unwrap();
    office.git_as(RIZKY.0, RIZKY.1, &["commit", "-qam", "email: ditunda"]);
    office.sop("rizky", &["procedure", "check"]).success();
    let id = office.new_request(
        "putri",
        "email",
        &["nama_lengkap=Putri", "email_diminta=putri@kota.go.id"],
    );
    office.sop("putri", &["advance", &id]).success();
    office.sop("dewi", &["advance", &id]).success();
    office
        .sop("sri", &["reject", &id, "--reason", "kuota habis"])
        .success();
    assert_eq!(show(&office, &id)["status"], "ditunda");
    office.sop("putri", &["resume", &id]).code(4);
    office
        .sop("hendra", &["resume", &id, "--note", "kuota ditambah"])
        .success();
    let req = show(&office, &id);
    assert_eq!(req["status"], "open");
    assert_eq!(req["step"]["id"], "persetujuan");
    assert_eq!(
        office.last_commit().trailer("Sop-Step").as_deref(),
        Some("ditunda -> persetujuan")
    );
    office.sop("hendra", &["approve", &id]).success();
    office.sop("budi", &["advance", &id]).success();
    assert_eq!(show(&office, &id)["status"], "completed");
    // A completed request is final.
    office.sop("hendra", &["resume", &id]).code(3);
    clean(&office);
}

#[test]
fn an_outside_requester_is_served_end_to_end_by_staff_on_their_behalf() {
    let office = Office::example();
    let args = [
        "new",
        "video-conference",
        "--for",
        "Bu Sari, Dinas Pendidikan <0812 1111 2222>",
        "--field",
        "acara=Rapat koordinasi",
        "--field",
        "tanggal=2026-12-10",
    ];
    // Only staff the procedure names (staf-iidc) may open it for someone outside.
    office
        .sop("dimas", &args)
        .code(4)
        .stderr(contains("on_behalf"));
    let v = office.json("fajar", &args);
    let id = v["id"].as_str().unwrap().to_string();
    let commit = office.last_commit();
    assert_eq!(
        commit.trailer("Sop-On-Behalf-Of").as_deref(),
        Some("Bu Sari, Dinas Pendidikan <0812 1111 2222>")
    );
    office.sop("fajar", &["advance", &id]).success();
    assert!(office.last_commit().trailer("Sop-On-Behalf-Of").is_some());
    office.sop("fajar", &["advance", &id]).success();
    assert_eq!(
        office.last_commit().trailer("Sop-On-Behalf-Of"),
        None,
        "fajar's own step"
    );
    office.sop("ratna", &["approve", &id]).success();
    office.sop("fajar", &["advance", &id]).success();
    let req = show(&office, &id);
    assert_eq!(req["status"], "completed");
    assert_eq!(req["requester"], "fajar");
    assert_eq!(
        req["on_behalf_of"],
        serde_json::json!({"name": "Bu Sari, Dinas Pendidikan", "contact": "0812 1111 2222"})
    );
    let on_behalf: Vec<bool> = req["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["on_behalf"] == true)
        .collect();
    assert_eq!(on_behalf, [true, true, false, false, false]);
    office
        .sop("rizky", &["show", &id])
        .success()
        .stdout(contains("fajar (for Bu Sari, Dinas Pendidikan)"))
        .stdout(contains(
            "Bu Sari, Dinas Pendidikan <0812 1111 2222> (outside; opened by fajar)",
        ));
    // The procedure's own label for its requester role.
    office
        .sop("rizky", &["procedure", "show", "video-conference"])
        .success()
        .stdout(contains("Pemohon / OPD"));
    clean(&office);
}

#[test]
fn a_secret_field_never_reaches_a_file_or_a_commit() {
    let office = Office::example();
    let id = approved(&office);
    const SECRET: &str = "Sandi-Awal-9f3kQ";
    office
        .sop(
            "budi",
            &["advance", &id, "--field", "kata_sandi_awal=pendek"],
        )
        .code(3)
        .stderr(contains("pattern"));
    office
        .sop(
            "budi",
            &[
                "advance",
                &id,
                "--field",
                &format!("kata_sandi_awal={SECRET}"),
            ],
        )
        .success();
    let req = show(&office, &id);
    let last = req["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["secrets"], serde_json::json!(["kata_sandi_awal"]));
    assert_eq!(last["by"], "budi");
    office
        .sop("rizky", &["show", &id])
        .success()
        .stdout(contains("secret given: kata_sandi_awal"));
    // Nowhere: no file in the work tree, no object in .git, no patch in the history.
    let mut grep = std::process::Command::new("grep");
    grep.args(["-r", "-a", "-l", SECRET]).arg(&office.root);
    assert_eq!(grep.output().unwrap().stdout, b"", "found in the work tree");
    let objects = office.git(&["rev-list", "--objects", "--all"]);
    for line in objects.lines() {
        let oid = line.split(' ').next().unwrap();
        let body = office.git(&["cat-file", "-p", oid]);
        assert!(!body.contains(SECRET), "found in object {line}");
    }
    let revs = office.git(&["rev-list", "--all"]);
    let revs: Vec<&str> = revs.lines().collect();
    let mut args = vec!["grep", "-l", SECRET];
    args.extend(revs.iter().copied());
    assert!(
        std::process::Command::new("git")
            .args(&args)
            .current_dir(&office.root)
            .output()
            .unwrap()
            .stdout
            .is_empty(),
        "git grep over every commit found it"
    );
    assert!(!office.git(&["log", "-p", "--all"]).contains(SECRET));
    clean(&office);
}

#[test]
fn each_new_action_replays_clean_and_a_forged_one_is_flagged() {
    let office = Office::example();
    let id = returned(&office);
    office
        .sop("dimas", &["comment", &id, "sedang dilengkapi"])
        .success();
    office.sop("dimas", &["advance", &id]).success();
    office.sop("dewi", &["assign", &id, "dewi"]).success();
    office
        .sop("dewi", &["hold", &id, "--reason", "cek atasan"])
        .success();
    office.sop("dewi", &["resume", &id]).success();
    office.sop("dewi", &["unassign", &id]).success();
    clean(&office);
    // A hold written by hand by someone who does not hold helpdesk.
    let problem = forged_by_dimas(&office, &id, "hold", |text, at| {
        let text = text.replacen("status = \"open\"", "status = \"held\"", 1);
        let (head, history) = text.split_once("\n[[history]]").unwrap();
        format!(
            "{head}\n[hold]\nreason = \"tunda\"\nsince = \"{at}\"\n\n[[history]]{history}\n[[history]]\nstep = \"terima-fpe\"\naction = \"hold\"\nby = \"dimas\"\nat = \"{at}\"\nto = \"terima-fpe\"\nnote = \"tunda\"\n"
        )
    });
    assert!(
        problem.contains("is not a legal hold by dimas") && problem.contains("may not do step"),
        "{problem}"
    );
}
