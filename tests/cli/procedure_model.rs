//! The procedure model for SOPs written by other offices (issue 11): a start row, one row with
//! several actors, inferred parts marked, times as offices write them.

use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use serde_json::Value;

use crate::support::Office;

const RIZKY: (&str, &str) = ("Rizky Ramadhan", "rizky@diskominfo.example.go.id");

/// A helpdesk SOP as a *standar pelayanan* writes it: "1. Mulai", row 4 with three actors
/// ("Helpdesk memeriksa, Staf TI memperbaiki, Sub Koordinator menyetujui"), and an exit the
/// document leaves unsaid.
const LAYANAN: &str = r#"
id = "layanan"
prefix = "LYN"
name = "Layanan Pengaduan TIK"
version = 1

[sop]
cost = "Tidak dipungut biaya"
product = "Gangguan TIK tertangani"
service_time = "3 x 24 jam"
complaints = "helpdesk@kota.go.id"

[[fields]]
name = "keluhan"
required = true

[[steps]]
id = "mulai"
number = 1
activity = "Mulai"
kind = "start"

[[steps]]
id = "lapor"
number = 2
activity = "Melaporkan gangguan"
role = "pemohon"
time = "15 menit"

[[steps]]
id = "catat"
number = "3"
activity = "Mencatat laporan"
role = "helpdesk"
time = "3 x 24 jam"

[[steps]]
id = "periksa"
number = 4
activity = "Helpdesk memeriksa"
role = "helpdesk"
time = "maksimal 1 hari kerja"

[[steps]]
id = "perbaiki"
number = 4
activity = "Staf TI memperbaiki"
role = "staf-ti"
time = "1 jam 30 menit"

[[steps]]
id = "setujui"
number = 4
activity = "Sub Koordinator menyetujui hasil"
role = "subkoor-kip"
kind = "approval"
approve = "selesai"
reject = "perbaiki"
inferred_exits = { reject = "dokumen tidak menyebut jalan 'Tidak'; hasil kembali ke perbaikan" }

[[steps]]
id = "selesai"
number = "4a"
activity = "Selesai"
kind = "end"
inferred = "dokumen berakhir tanpa simbol selesai"
"#;

fn office_with_layanan() -> Office {
    let office = Office::example();
    std::fs::write(office.path("procedures/layanan.toml"), LAYANAN).unwrap();
    office.git(&["add", "procedures/layanan.toml"]);
    office.git_as(RIZKY.0, RIZKY.1, &["commit", "-qm", "layanan"]);
    office
}

#[test]
fn a_row_with_three_actors_is_walked_end_to_end() {
    let office = office_with_layanan();
    office.sop("rizky", &["procedure", "check"]).success();
    let id = office.new_request("dimas", "layanan", &["keluhan=Printer mati"]);
    let req = office.json("dimas", &["show", &id]);
    assert_eq!(
        req["step"]["id"], "lapor",
        "the start row passes on at once"
    );
    assert_eq!(req["history"][0]["step"], "mulai");
    assert_eq!(req["history"][0]["to"], "lapor");
    for who in ["dimas", "dewi", "dewi", "budi", "hendra"] {
        let action = if who == "hendra" {
            "approve"
        } else {
            "advance"
        };
        office.sop(who, &[action, &id]).success();
    }
    let req = office.json("dimas", &["show", &id]);
    assert_eq!(req["status"], "completed");
    let by: Vec<&str> = req["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["by"].as_str().unwrap())
        .collect();
    assert_eq!(by, ["dimas", "dimas", "dewi", "dewi", "budi", "hendra"]);
    office.sop("rizky", &["verify"]).success();
}

#[test]
fn numbers_inferences_and_the_service_header_are_shown_as_written() {
    let office = office_with_layanan();
    let v = office.json("rizky", &["procedure", "show", "layanan"]);
    let steps = v["steps"].as_array().unwrap();
    let numbers: Vec<&Value> = steps.iter().map(|s| &s["number"]).collect();
    assert_eq!(
        numbers,
        [
            &Value::from(1),
            &Value::from(2),
            &Value::from(3),
            &Value::from(4),
            &Value::from(4),
            &Value::from(4),
            &Value::from("4a")
        ]
    );
    let setujui = &steps[5];
    assert_eq!(
        setujui["inferred_exits"]["reject"],
        "dokumen tidak menyebut jalan 'Tidak'; hasil kembali ke perbaikan"
    );
    assert_eq!(setujui["inferred"], Value::Null);
    assert_eq!(
        steps[6]["inferred"],
        "dokumen berakhir tanpa simbol selesai"
    );
    assert_eq!(steps[0]["kind"], "start");
    assert_eq!(steps[2]["time"], "PT72H");
    assert_eq!(v["sop"]["cost"], "Tidak dipungut biaya");
    assert_eq!(v["sop"]["service_time"], "3 x 24 jam");
    office
        .sop("rizky", &["procedure", "show", "layanan"])
        .success()
        .stdout(contains("Biaya / Tarif: Tidak dipungut biaya"))
        .stdout(contains("Sub Koordinator menyetujui hasil *"))
        .stdout(contains("setujui (reject): dokumen tidak menyebut"))
        .stdout(contains("3 x 24 jam"))
        .stdout(contains("1 jam 30 menit"))
        .stdout(predicates::str::is_match("\n\"  +Staf TI memperbaiki").unwrap());
    let graph = office
        .sop("rizky", &["procedure", "graph", "layanan"])
        .success()
        .get_output()
        .stdout
        .clone();
    let graph = String::from_utf8(graph).unwrap();
    assert!(
        graph.contains("s5 -.->|\"Tidak (ditafsirkan: dokumen"),
        "{graph}"
    );
    assert!(graph.contains("class s6 ditafsirkan"), "{graph}");
    assert!(graph.contains("s0([\"1. Mulai\"])"), "{graph}");
    let dot = office
        .sop(
            "rizky",
            &["procedure", "graph", "layanan", "--format", "dot"],
        )
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(dot).unwrap().contains("style=dashed"));
}

#[test]
fn check_names_each_new_mistake() {
    let office = office_with_layanan();
    let bad = LAYANAN
        .replacen("number = \"3\"", "number = 2", 1)
        .replacen("inferred_exits = { reject", "inferred_exits = { tidak", 1)
        .replacen("time = \"1 jam 30 menit\"", "time = \"satu jam\"", 1);
    std::fs::write(office.path("procedures/layanan.toml"), &bad).unwrap();
    office
        .sop("rizky", &["procedure", "check"])
        .code(3)
        .stdout(contains("invalid standard time \"satu jam\""));
    let bad = bad.replacen("time = \"satu jam\"", "time = \"N/A\"", 1);
    std::fs::write(office.path("procedures/layanan.toml"), &bad).unwrap();
    office
        .sop("rizky", &["procedure", "check"])
        .code(3)
        .stdout(contains("step 'catat' repeats number 2 of step 'lapor'").not())
        .stdout(contains(
            "marks exit 'tidak' as inferred, but its exits are: approve, reject",
        ));
    // Number 2 repeated right after its row is one row; repeated later it is a mistake.
    let bad = bad.replacen(
        "number = 4\nactivity = \"Staf TI",
        "number = 2\nactivity = \"Staf TI",
        1,
    );
    std::fs::write(office.path("procedures/layanan.toml"), &bad).unwrap();
    office
        .sop("rizky", &["procedure", "check"])
        .code(3)
        .stdout(contains(
            "step 'perbaiki' repeats number 2 of step 'catat', which is not just before it",
        ));
    let moved = LAYANAN.replacen("kind = \"start\"", "kind = \"start\"\nnext = \"lapor\"", 1);
    let moved = moved.replacen(
        "[[steps]]\nid = \"mulai\"\nnumber = 1\nactivity = \"Mulai\"\nkind = \"start\"\nnext = \"lapor\"\n",
        "",
        1,
    ) + "\n[[steps]]\nid = \"mulai\"\nactivity = \"Mulai\"\nkind = \"start\"\nnext = \"lapor\"\n";
    std::fs::write(office.path("procedures/layanan.toml"), moved).unwrap();
    office
        .sop("rizky", &["procedure", "check"])
        .code(3)
        .stdout(contains("start 'mulai' must be the first step"));
}

#[test]
fn calendar_hours_run_through_the_weekend_and_working_days_skip_it() {
    let office = office_with_layanan();
    // Friday 2026-11-27 09:00; Monday 2026-11-30 is a holiday in this office.
    let sop_toml = office.read("sop.toml");
    let with_holiday = sop_toml.replacen("holidays = []", "holidays = [\"2026-11-30\"]", 1);
    assert_ne!(with_holiday, sop_toml, "sop.toml lists no holidays yet");
    std::fs::write(office.path("sop.toml"), with_holiday).unwrap();
    office.git_as(RIZKY.0, RIZKY.1, &["commit", "-qam", "holiday"]);
    let run = |args: &[&str], at: &str| office.sop_at("dimas", args, at);
    let id = run(
        &["new", "layanan", "--field", "keluhan=x"],
        "2026-11-27T09:00:00+07:00",
    );
    let id = id.trim();
    let step_due = |at: &str| -> Value {
        let out = run(&["show", id, "--format", "json"], at);
        serde_json::from_str::<Value>(&out).unwrap()["step"]["due"].clone()
    };
    run(&["advance", id], "2026-11-27T09:00:00+07:00");
    // `catat`: 3 x 24 jam from Friday 09:00 is Monday 09:00, holiday or not.
    assert_eq!(
        step_due("2026-11-27T09:05:00+07:00"),
        "2026-11-30T09:00:00+07:00"
    );
    office.sop_at("dewi", &["advance", id], "2026-11-27T10:00:00+07:00");
    // `periksa`: 1 working day from Friday 10:00 skips the weekend and Monday's holiday.
    assert_eq!(
        step_due("2026-11-27T10:05:00+07:00"),
        "2026-12-01T10:00:00+07:00"
    );
}

#[test]
fn the_shipped_holiday_file_counts_in_working_days() {
    let office = office_with_layanan();
    let run = |who: &str, args: &[&str], at: &str| office.sop_at(who, args, at);
    let at = "2026-12-23T10:00:00+07:00";
    let id = run("dimas", &["new", "layanan", "--field", "keluhan=x"], at);
    let id = id.trim();
    run("dimas", &["advance", id], at);
    run("dewi", &["advance", id], at);
    // 1 working day from Wednesday 23 December: the 24th is cuti bersama, the 25th Christmas,
    // then the weekend.
    let shown: Value =
        serde_json::from_str(&run("dewi", &["show", id, "--format", "json"], at)).unwrap();
    assert_eq!(shown["step"]["due"], "2026-12-28T10:00:00+07:00");
    // A holiday file sop.toml names must be committed, and readable.
    std::fs::write(
        office.path("holidays/2026.toml"),
        "[[holiday]]\ndate = \"besok\"\n",
    )
    .unwrap();
    office.git_as(RIZKY.0, RIZKY.1, &["commit", "-qam", "rusak"]);
    office
        .sop("dewi", &["advance", id])
        .code(3)
        .stderr(contains("holidays/2026.toml"));
}

/// A helpdesk SOP whose handling step is done by the team, and within the time, the
/// request's category names.
const BANTUAN: &str = r#"
id = "bantuan"
prefix = "BTN"
name = "Bantuan TIK"
version = 1
service_time = { by = "kategori", sandi = "1 jam", perangkat = "1 minggu" }

[[fields]]
name = "kategori"
type = "choice"
choices = ["sandi", "perangkat"]
required = true

[[steps]]
id = "lapor"
number = 1
activity = "Melapor"
role = "pemohon"

[[steps]]
id = "tangani"
number = 2
activity = "Menangani"
role = { by = "kategori", sandi = "helpdesk", perangkat = ["staf-ti", "subkoor-kip"] }
time = { by = "kategori", sandi = "30 menit", perangkat = "3 hari kerja" }

[[steps]]
id = "selesai"
activity = "Selesai"
kind = "end"
"#;

fn office_with(file: &str, text: &str) -> Office {
    let office = Office::example();
    std::fs::write(office.path(file), text).unwrap();
    office.git(&["add", file]);
    office.git_as(RIZKY.0, RIZKY.1, &["commit", "-qm", "procedure"]);
    office
}

#[test]
fn the_role_of_a_step_is_chosen_by_a_field() {
    let office = office_with("procedures/bantuan.toml", BANTUAN);
    office.sop("rizky", &["procedure", "check"]).success();
    let sandi = office.new_request("dimas", "bantuan", &["kategori=sandi"]);
    let perangkat = office.new_request("dimas", "bantuan", &["kategori=perangkat"]);
    for id in [&sandi, &perangkat] {
        office.sop("dimas", &["advance", id]).success();
    }
    office
        .sop("budi", &["advance", &sandi])
        .code(4)
        .stderr(contains("Helpdesk (helpdesk), held by dewi"));
    office.sop("dewi", &["advance", &sandi]).success();
    office.sop("dewi", &["advance", &perangkat]).code(4);
    office.sop("hendra", &["advance", &perangkat]).success();
    office.sop("rizky", &["verify"]).success();
}

#[test]
fn check_wants_a_time_and_a_role_for_every_choice() {
    let bad = BANTUAN
        .replacen(", perangkat = \"1 minggu\"", "", 1)
        .replacen(
            "sandi = \"helpdesk\", ",
            "sandi = \"helpdesk\", printer = \"staf-ti\", ",
            1,
        )
        .replacen(
            "by = \"kategori\", sandi = \"30 menit\"",
            "by = \"jenis\", sandi = \"30 menit\"",
            1,
        );
    let office = office_with("procedures/bantuan.toml", &bad);
    office
        .sop("rizky", &["procedure", "check"])
        .code(3)
        .stdout(contains(
            "the service time has no value for kategori = 'perangkat'",
        ))
        .stdout(contains(
            "step 'tangani': its role names kategori = 'printer', which is not one of its choices",
        ))
        .stdout(contains(
            "step 'tangani': its time goes by field 'jenis', which the procedure does not declare",
        ));
}

#[test]
fn times_and_the_service_time_go_by_the_category() {
    let office = office_with("procedures/bantuan.toml", BANTUAN);
    let run = |who: &str, args: &[&str], at: &str| office.sop_at(who, args, at);
    let json = |who: &str, args: &[&str], at: &str| -> Value {
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        serde_json::from_str(&run(who, &all, at)).unwrap()
    };
    // Monday 30 November 2026, 09:00.
    let at = "2026-11-30T09:00:00+07:00";
    let sandi = run(
        "dimas",
        &["new", "bantuan", "--field", "kategori=sandi"],
        at,
    );
    let perangkat = run(
        "dimas",
        &["new", "bantuan", "--field", "kategori=perangkat"],
        at,
    );
    let (sandi, perangkat) = (sandi.trim(), perangkat.trim());
    run("dimas", &["advance", sandi], at);
    run("dimas", &["advance", perangkat], at);
    let shown = json("dimas", &["show", sandi], at);
    assert_eq!(shown["step"]["due"], "2026-11-30T09:30:00+07:00");
    assert_eq!(shown["service"]["due"], "2026-11-30T10:00:00+07:00");
    assert_eq!(shown["service"]["time"], "1 jam");
    let shown = json("dimas", &["show", perangkat], at);
    assert_eq!(shown["step"]["due"], "2026-12-03T09:00:00+07:00");
    assert_eq!(shown["service"]["due"], "2026-12-07T09:00:00+07:00");
    // At 09:45 the password step is late; at 10:30 the service time is too.
    let late = json("dewi", &["list", "--overdue"], "2026-11-30T09:45:00+07:00");
    assert_eq!(late.as_array().unwrap().len(), 1);
    assert_eq!(late[0]["id"], sandi);
    assert_eq!(late[0]["service_due"], "2026-11-30T10:00:00+07:00");
    run("dewi", &["advance", sandi], "2026-11-30T10:30:00+07:00");
    let report = json(
        "rizky",
        &["report", "--procedure", "bantuan"],
        "2026-11-30T10:30:00+07:00",
    );
    let service = &report[0]["service"];
    assert_eq!(service["finished"], 1, "{report:#}");
    assert_eq!(service["breaches"], 1, "{report:#}");
    assert_eq!(service["overdue_now"], 0, "{report:#}");
    let tangani = &report[0]["steps"][1];
    assert_eq!(tangani["breaches"], 1, "{report:#}");
}

/// A service with a sub-procedure: the account request must first go through the email SOP.
const AKUN: &str = r#"
id = "akun"
prefix = "AKN"
name = "Layanan Akun Aplikasi"
version = 1

[[fields]]
name = "nama"
required = true

[[fields]]
name = "email"
type = "email"
required = true

[[steps]]
id = "isi"
number = 1
activity = "Mengisi permohonan akun"
role = "pemohon"

[[steps]]
id = "minta-email"
number = 2
activity = "Permintaan email dinas (SOP Permintaan Email)"
kind = "call"
call = "email"
with = { nama_lengkap = "{nama}", email_diminta = "{email}" }
outcomes = { completed = "aktifkan", rejected = "ditolak", cancelled = "ditolak" }

[[steps]]
id = "aktifkan"
number = 3
activity = "Mengaktifkan akun aplikasi"
role = "helpdesk"

[[steps]]
id = "selesai"
activity = "Akun aktif"
kind = "end"

[[steps]]
id = "ditolak"
activity = "Permohonan tidak dapat diproses"
kind = "end"
outcome = "rejected"
"#;

#[test]
fn a_parent_and_its_sub_request_are_walked_together() {
    let office = office_with("procedures/akun.toml", AKUN);
    office.sop("rizky", &["procedure", "check"]).success();
    let id = office.new_request("dimas", "akun", &["nama=Dimas", "email=dimas@kota.go.id"]);
    office.sop("dimas", &["advance", &id]).success();
    let started = office.head();
    // One commit: the account request waits at the call step, and the email request starts.
    let commit = office.last_commit();
    let parent = office.json("dimas", &["show", &id]);
    assert_eq!(parent["step"]["id"], "minta-email");
    let child = parent["children"][0].as_str().unwrap().to_string();
    assert!(child.starts_with("EML-"), "{parent:#}");
    assert_eq!(
        commit.trailer("Sop-Linked").as_deref(),
        Some(child.as_str())
    );
    assert_eq!(commit.files.len(), 2, "{commit:?}");
    let email = office.json("dimas", &["show", &child]);
    assert_eq!(email["parent"], id.as_str());
    assert_eq!(email["requester"], "dimas");
    assert_eq!(email["fields"]["email_diminta"], "dimas@kota.go.id");
    // Nobody acts at the call step, and the parent is not cancelled under an open child.
    office
        .sop("dewi", &["advance", &id])
        .code(3)
        .stderr(contains(format!("waits at step 'minta-email' for {child}")));
    office
        .sop("dimas", &["cancel", &id, "--reason", "batal"])
        .code(3)
        .stderr(contains(format!("cancel {child} first")));
    office
        .sop("rizky", &["show", &id])
        .success()
        .stdout(contains(format!("started    {child}")));
    // The email request is walked; its end leads the account request on, in the same commit.
    office.sop("dimas", &["advance", &child]).success();
    office.sop("dewi", &["advance", &child]).success();
    office.sop("sri", &["approve", &child]).success();
    office.sop("budi", &["advance", &child]).success();
    let commit = office.last_commit();
    let ended = office.head();
    assert_eq!(commit.trailer("Sop-Linked").as_deref(), Some(id.as_str()));
    // Each request's log holds the commits that wrote it through the other (its Sop-Linked
    // trailer), built anew too.
    for fresh in [false, true] {
        if fresh {
            std::fs::remove_file(office.path(".git/sop-commits-by-request")).unwrap();
        }
        let log = |id: &str| {
            office
                .sop("rizky", &["log", id, "--format", "id"])
                .success()
        };
        let parent_log = String::from_utf8(log(&id).get_output().stdout.clone()).unwrap();
        let child_log = String::from_utf8(log(&child).get_output().stdout.clone()).unwrap();
        assert!(parent_log.contains(&started) && parent_log.ends_with(&format!("{ended}\n")));
        assert!(child_log.starts_with(&format!("{started}\n")) && child_log.contains(&ended));
    }
    let parent = office.json("dimas", &["show", &id]);
    assert_eq!(parent["step"]["id"], "aktifkan");
    let last = parent["history"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["action"], "return");
    assert_eq!(last["option"], "completed");
    assert_eq!(last["ended"], child.as_str());
    office.sop("dewi", &["advance", &id]).success();
    assert_eq!(office.json("dimas", &["show", &id])["status"], "completed");
    office.sop("rizky", &["verify"]).success();
}

#[test]
fn a_sub_request_written_by_hand_is_flagged_and_circles_of_calls_are_checked() {
    let office = office_with("procedures/akun.toml", AKUN);
    let id = office.new_request("dimas", "akun", &["nama=Dimas", "email=dimas@kota.go.id"]);
    office.sop("dimas", &["advance", &id]).success();
    let child = office.json("dimas", &["show", &id])["children"][0]
        .as_str()
        .unwrap()
        .to_string();
    office.sop("dimas", &["advance", &child]).success();
    // The commit that advanced the child also "leads the parent on" by hand.
    office.git(&["reset", "-q", "--soft", "HEAD~1"]);
    let file = office.request_file(&id);
    let text = office
        .read(&file)
        .replacen("step = \"minta-email\"", "step = \"aktifkan\"", 1);
    std::fs::write(&file, text).unwrap();
    let message = office.git(&["log", "-1", "--format=%B", "ORIG_HEAD"]);
    let message = message.trim_end().to_string() + &format!("\nSop-Linked: {id}\n");
    office.git_as(
        "Dimas Saputra",
        "dimas@diskominfo.example.go.id",
        &["commit", "-qam", &message],
    );
    let out = office
        .sop("rizky", &["verify", "--format", "json"])
        .code(6)
        .get_output()
        .stdout
        .clone();
    let report: Value = serde_json::from_slice(&out).unwrap();
    let problems: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["problem"].as_str().unwrap())
        .collect();
    assert!(
        problems
            .iter()
            .any(|p| p.contains("which this change does not")),
        "{problems:#?}"
    );
    // A circle of calls, and a call to a procedure that does not exist.
    let circle = office.read("procedures/email.toml").replacen(
        "[[steps]]\nid = \"buat-akun\"",
        "[[steps]]\nid = \"lagi\"\nactivity = \"Akun lagi\"\nkind = \"call\"\ncall = \"akun\"\noutcomes = { completed = \"buat-akun\" }\n\n[[steps]]\nid = \"buat-akun\"",
        1,
    );
    std::fs::write(office.path("procedures/email.toml"), circle).unwrap();
    office
        .sop("rizky", &["procedure", "check"])
        .code(3)
        .stdout(contains("calls 'akun', which calls 'email' again"));
    std::fs::write(
        office.path("procedures/akun.toml"),
        AKUN.replacen("call = \"email\"", "call = \"surel\"", 1),
    )
    .unwrap();
    office
        .sop("rizky", &["procedure", "check"])
        .code(3)
        .stdout(contains("calls unknown procedure 'surel'"));
}

#[test]
fn a_procedure_with_only_a_service_time_goes_overdue() {
    // A standar pelayanan: "jangka waktu penyelesaian 1 hari kerja", no time per step.
    let text = BANTUAN
        .replacen(
            "service_time = { by = \"kategori\", sandi = \"1 jam\", perangkat = \"1 minggu\" }",
            "service_time = \"1 hari kerja\"",
            1,
        )
        .replacen(
            "time = { by = \"kategori\", sandi = \"30 menit\", perangkat = \"3 hari kerja\" }\n",
            "",
            1,
        );
    let office = office_with("procedures/bantuan.toml", &text);
    office.sop("rizky", &["procedure", "check"]).success();
    office
        .sop("rizky", &["procedure", "show", "bantuan"])
        .success()
        .stdout(contains("Jangka waktu penyelesaian: 1 hari"))
        .stdout(contains("Total:").not());
    let run = |who: &str, args: &[&str], at: &str| office.sop_at(who, args, at);
    // Friday 27 November 2026, 14:00: due Monday 14:00.
    let id = run(
        "dimas",
        &["new", "bantuan", "--field", "kategori=sandi"],
        "2026-11-27T14:00:00+07:00",
    );
    let id = id.trim();
    let list = |at: &str| -> Value {
        serde_json::from_str(&run("dewi", &["list", "--overdue", "--format", "json"], at)).unwrap()
    };
    assert_eq!(list("2026-11-30T13:59:00+07:00"), serde_json::json!([]));
    let late = list("2026-11-30T14:01:00+07:00");
    assert_eq!(late[0]["id"], id);
    assert_eq!(late[0]["service_due"], "2026-11-30T14:00:00+07:00");
    assert_eq!(late[0]["due"], Value::Null, "no step time");
    run("rizky", &["show", id], "2026-11-30T14:01:00+07:00")
        .contains("service    1 hari, due 2026-11-30 14:00 (OVERDUE)")
        .then_some(())
        .expect("show names the late service time");
}

#[test]
fn a_role_the_office_inferred_is_marked() {
    let office = Office::example();
    let v = office.json("rizky", &["procedure", "show", "email"]);
    let terima = &v["steps"][1];
    assert_eq!(terima["id"], "terima-fpe");
    assert!(
        terima["role_inferred"]
            .as_str()
            .is_some_and(|w| w.contains("ditafsirkan Helpdesk")),
        "{terima:#}"
    );
    assert_eq!(v["steps"][0]["role_inferred"], Value::Null);
    office
        .sop("rizky", &["procedure", "show", "email"])
        .success()
        .stdout(contains("Helpdesk *"))
        .stdout(contains("terima-fpe (pelaku): Kolom pelaku tidak terbaca"));
    let svg = office
        .sop("rizky", &["procedure", "doc", "email"])
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(svg)
        .unwrap()
        .contains("pelaku ditafsirkan"));
}
