//! The commands' own messages in an Indonesian office (`sop init --example`): a success and a
//! refusal of each, with no word only the English catalogue uses; what scripts read (CSV)
//! stays as it is in English.

use assert_cmd::assert::Assert;

use crate::language::{english_words, indonesian_office, without_office_texts, words};
use crate::support::Office;

const EMAIL: &[&str] = &[
    "nama_lengkap=Putri Handayani",
    "email_diminta=putri@kota.go.id",
];

fn stdout(a: &Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

fn stderr(a: &Assert) -> String {
    String::from_utf8(a.get_output().stderr.clone()).unwrap()
}

/// Asserts that `text` has no word only English texts of the catalogue use, once what the
/// office wrote (procedure `procedure`'s activities, step ids, inputs, outputs and fields; its
/// roles and people) and the test's temporary folders are left out.
fn indonesian(office: &Office, procedure: &str, text: &str) {
    let folders = office.root.parent().unwrap().to_str().unwrap();
    let mut text = text.replace(folders, " ");
    let p = office.json("putri", &["procedure", "show", procedure]);
    let mut written: Vec<String> = Vec::new();
    let mut fields = |list: &serde_json::Value| {
        for f in list.as_array().unwrap() {
            written.push(f["name"].as_str().unwrap().to_string());
            written.push(f["label"].as_str().unwrap().to_string());
        }
    };
    fields(&p["fields"]);
    for step in p["steps"].as_array().unwrap() {
        fields(&step["fields"]);
    }
    for step in p["steps"].as_array().unwrap() {
        written.push(step["id"].as_str().unwrap().to_string());
        written.push(step["output"].as_str().unwrap().to_string());
        for input in step["inputs"].as_array().unwrap() {
            written.push(input.as_str().unwrap().to_string());
        }
    }
    written.sort_by_key(|t| std::cmp::Reverse(t.len()));
    for t in written.iter().filter(|t| !t.is_empty()) {
        text = text.replace(t.as_str(), " ");
    }
    let plain = without_office_texts(office, procedure, &text);
    let english = english_words();
    let said = words(&plain);
    let leaked: Vec<&String> = said.intersection(&english).collect();
    assert!(leaked.is_empty(), "English words {leaked:?} in:\n{text}");
}

/// A new email request by putri, taken to the end: completed.
fn completed_email(office: &Office) -> String {
    let id = office.new_request("putri", "email", EMAIL);
    office.sop("putri", &["advance", &id]).success();
    office.sop("dewi", &["advance", &id]).success();
    office.sop("sri", &["approve", &id]).success();
    office
        .sop(
            "budi",
            &["advance", &id, "--field", "kata_sandi_awal=rahasia-123"],
        )
        .success();
    id
}

#[test]
fn sync_says_there_is_no_remote_and_what_it_pulled_and_pushed() {
    let office = indonesian_office();
    let before = office.snapshot();
    let err = stderr(&office.sop("putri", &["sync"]).code(5).stdout(""));
    assert!(
        err.starts_with("galat: tidak ada remote 'origin' untuk sinkronisasi\n"),
        "{err}"
    );
    assert!(err.contains("saran: tambahkan repositori bersama dengan `git remote add origin URL`"));
    indonesian(&office, "email", &err);
    assert_eq!(office.snapshot(), before);

    let server = tempfile::tempdir().unwrap();
    let remote = server.path().join("records.git");
    let remote = remote.to_str().unwrap();
    office.git(&["init", "-q", "--bare", "-b", "main", remote]);
    office.git(&["remote", "add", "origin", remote]);
    let out = office.sop("putri", &["sync"]).success();
    let said = stdout(&out) + &stderr(&out);
    assert!(
        said.starts_with("origin/main: 0 commit diambil, 1 commit dikirim; kini di "),
        "{said}"
    );
    indonesian(&office, "email", &said);
}

#[test]
fn log_and_verify_speak_indonesian_and_log_csv_does_not_change() {
    let office = indonesian_office();
    let id = office.new_request("putri", "email", EMAIL);
    let hold = [
        "hold",
        &id,
        "--reason",
        "menunggu atasan",
        "--until",
        "2026-12-31",
    ];
    office.sop("putri", &hold).success();
    let log = stdout(&office.sop("putri", &["log", &id]).success());
    for word in [
        "tanda tangan",
        "tanpa tanda tangan",
        "sampai 2026-12-31",
        "ditunda",
    ] {
        assert!(log.contains(word), "{word}: {log}");
    }
    indonesian(&office, "email", &log);
    let csv = stdout(
        &office
            .sop("putri", &["log", &id, "--format", "csv"])
            .success(),
    );
    assert!(
        csv.contains(",hold,") && csv.contains("until 2026-12-31"),
        "{csv}"
    );
    assert!(csv.contains(",unsigned\n"), "{csv}");

    let err = stderr(&office.sop("putri", &["log", "EML-NOPE"]).code(3));
    assert!(
        err.starts_with("galat: tidak ada permintaan EML-NOPE"),
        "{err}"
    );
    indonesian(&office, "email", &err);

    let err = stderr(&office.sop("putri", &["verify"]).success());
    assert!(err.contains("commit diperiksa: tidak ada temuan"), "{err}");
    indonesian(&office, "email", &err);

    // A change made by hand: verify's summary and hint, and log's row for it.
    office.edit(
        office.request_file(&id),
        "menunggu atasan",
        "menunggu kepala dinas",
    );
    office.git_as("Putri", "putri@kota.go.id", &["commit", "-qam", "koreksi"]);
    let err = stderr(&office.sop("putri", &["verify"]).code(6));
    assert!(err.starts_with("galat: 1 temuan dalam "), "{err}");
    assert!(
        err.contains("saran: setiap temuan menyebut commit-nya"),
        "{err}"
    );
    indonesian(&office, "email", &err);
    let log = stdout(&office.sop("putri", &["log", &id]).success());
    assert!(log.contains("(di luar sop)"), "{log}");
    indonesian(&office, "email", &log);

    // The CSV is the same in English.
    let csv = stdout(
        &office
            .sop("putri", &["log", &id, "--format", "csv"])
            .success(),
    );
    assert!(
        csv.contains("(by hand)")
            && csv.contains("changed the file without adding a history entry"),
        "{csv}"
    );
    office.edit("sop.toml", "language = \"id\"", "language = \"en\"");
    office.git_as("Rizky", "rizky@kota.go.id", &["commit", "-qam", "English"]);
    let english = stdout(
        &office
            .sop("putri", &["log", &id, "--format", "csv"])
            .success(),
    );
    assert_eq!(english, csv);
}

#[test]
fn report_and_monitoring_speak_indonesian() {
    let office = indonesian_office();
    completed_email(&office);
    office.new_request("putri", "email", EMAIL);
    let report = stdout(&office.sop("putri", &["report"]).success());
    assert!(
        report.starts_with("Permintaan Email (email): 2 permintaan: selesai 1, diproses 1\n"),
        "{report}"
    );
    for header in ["waktu baku", "maks", "terlambat", "lewat tenggat"] {
        assert!(report.contains(header), "{header}: {report}");
    }
    indonesian(&office, "email", &report);
    let err = stderr(
        &office
            .sop("putri", &["report", "--procedure", "tidak-ada"])
            .code(2),
    );
    indonesian(&office, "email", &err);

    let since_after_until = [
        "report",
        "--monitoring",
        "--since",
        "2026-12-01",
        "--until",
        "2026-11-01",
    ];
    let err = stderr(&office.sop("putri", &since_after_until).code(2));
    assert!(
        err.starts_with("galat: --since 2026-12-01 jatuh sesudah --until 2026-11-01\n"),
        "{err}"
    );
    indonesian(&office, "email", &err);
    let table = stdout(&office.sop("putri", &["report", "--monitoring"]).success());
    assert!(
        table.starts_with("MONITORING PELAKSANAAN SOP AP"),
        "{table}"
    );
    indonesian(&office, "email", &table);
}

#[test]
fn procedure_commands_speak_indonesian() {
    let office = indonesian_office();
    let show = stdout(
        &office
            .sop("putri", &["procedure", "show", "email"])
            .success(),
    );
    for text in [
        "selesai → 2",
        "disetujui → 4, ditolak → 1",
        "akhir: selesai",
        "Isian formulir (sop new email --field NAMA=NILAI):",
        "Isian yang dicatat pada langkah",
        "teks",
        "rahasia",
        "pilihan",
    ] {
        assert!(show.contains(text), "{text}: {show}");
    }
    indonesian(&office, "email", &show);
    let list = stdout(&office.sop("putri", &["procedure", "list"]).success());
    assert!(list.contains("(draf)"), "{list}");
    indonesian(&office, "email", &list);
    let out = office.sop("putri", &["procedure", "check"]).success();
    let err = stderr(&out);
    assert!(
        err.ends_with(": 10 prosedur diperiksa: tidak ada temuan\n"),
        "{err}"
    );
    indonesian(&office, "email", &err);
    // An unknown procedure is refused in the office's language; its words are the
    // procedure loader's (src/procedure/), translated with the rules' messages.
    let err = stderr(
        &office
            .sop("putri", &["procedure", "show", "tidak-ada"])
            .code(3),
    );
    assert!(err.starts_with("galat: "), "{err}");
}

#[test]
fn print_site_and_attachment_speak_indonesian() {
    let office = indonesian_office();
    let id = completed_email(&office);
    // An existing file is replaced; a folder is refused.
    let file = office.input_file("permintaan.pdf", b"lama");
    let file = file.to_str().unwrap();
    office
        .sop("putri", &["print", &id, "--output", file])
        .success()
        .stdout("")
        .stderr("");
    assert!(std::fs::read(file).unwrap().starts_with(b"%PDF"));
    let home = office.home.to_str().unwrap();
    let err = stderr(
        &office
            .sop("putri", &["print", &id, "--output", home])
            .code(3),
    );
    assert!(err.starts_with("galat: --output "), "{err}");
    assert!(err.contains(" adalah folder: berikan nama berkas"), "{err}");
    indonesian(&office, "email", &err);
    let err = stderr(
        &office
            .sop(
                "putri",
                &["print", &id, "--step", "tidak-ada", "--output", file],
            )
            .code(3),
    );
    assert!(
        err.starts_with("galat: prosedur 'email' tidak memiliki langkah 'tidak-ada'"),
        "{err}"
    );
    indonesian(&office, "email", &err);

    let site = office.home.join("situs");
    let out = office.sop("putri", &["site", "--output", site.to_str().unwrap()]);
    let said = stdout(&out.success());
    assert!(said.contains(
        " berkas ditulis, 0 tidak berubah, 0 dihapus: 10 prosedur, 1 halaman permintaan di "
    ));
    indonesian(&office, "email", &said);

    let err = stderr(
        &office
            .sop("putri", &["attachment", &id, "tidak-ada"])
            .code(3),
    );
    assert!(err.starts_with("galat: "), "{err}");
    indonesian(&office, "email", &err);
}

#[test]
fn show_of_a_held_request_speaks_indonesian() {
    let office = indonesian_office();
    let id = office.new_request("putri", "email", EMAIL);
    office.sop("putri", &["advance", &id]).success();
    let hold = [
        "hold",
        &id,
        "--reason",
        "menunggu berkas",
        "--until",
        "2026-12-31",
    ];
    office.sop("dewi", &hold).success();
    let show = stdout(&office.sop("putri", &["show", &id]).success());
    assert!(show.contains("waktu berhenti selama ditunda"), "{show}");
    indonesian(&office, "email", &show);
    let err = stderr(
        &office
            .sop("putri", &["list", "--assignee", "tidak-ada"])
            .code(3),
    );
    assert!(
        err.starts_with("galat: --assignee: 'tidak-ada' tidak terdaftar"),
        "{err}"
    );
    indonesian(&office, "email", &err);
}

#[test]
fn asset_commands_speak_indonesian() {
    let office = indonesian_office();
    let add = [
        "asset",
        "add",
        "--kind",
        "hardware",
        "--name",
        "Laptop Uji",
        "--serial",
        "SN-1",
    ];
    let out = office.sop("eko", &add).success();
    let asset = stdout(&out).trim().to_string();
    let err = stderr(&out);
    assert!(err.contains("didaftarkan"), "{err}");
    indonesian(&office, "email", &err);

    let csv = office.input_file("baru.csv", b"kind,name,serial\nhardware,Laptop Dua,SN-2\n");
    let out = office.sop("eko", &["asset", "import", csv.to_str().unwrap()]);
    let said = stdout(&out.success());
    assert_eq!(said, "1 dibuat, 0 diperbarui, 0 tidak berubah\n");

    // The duplicate refusal: the column name (`serial`) is as --key takes it.
    let before = office.snapshot();
    let csv = office.input_file("lagi.csv", b"kind,name,serial\nhardware,Laptop Tiga,SN-1\n");
    let out = office.sop("eko", &["asset", "import", csv.to_str().unwrap()]);
    let err = stderr(&out.code(3).stdout(""));
    assert!(
        err.contains(" baris 2: serial 'SN-1' sudah terdaftar (AST-"),
        "{err}"
    );
    assert!(
        err.contains("galat: ") && err.contains(": 1 masalah pada 1 baris; tidak ada yang diimpor")
    );
    let columns = err
        .replace("serial 'SN-1'", " ")
        .replace("--key serial,licence,kode_barang+nup", " ");
    indonesian(&office, "email", &columns);
    assert_eq!(office.snapshot(), before);

    let list = office.sop("putri", &["asset", "list"]).success();
    indonesian(&office, "email", &(stdout(&list) + &stderr(&list)));
    let show = stdout(&office.sop("putri", &["asset", "show", &asset]).success());
    assert!(
        show.contains("didaftarkan") && show.contains("nomor seri"),
        "{show}"
    );
    indonesian(&office, "email", &show);
    let err = stderr(
        &office
            .sop("putri", &["asset", "list", "--holder", "tidak-ada"])
            .code(3),
    );
    indonesian(&office, "email", &err);
}

#[test]
fn completions_describe_statuses_in_the_office_language() {
    let office = indonesian_office();
    let id = office.new_request("putri", "email", EMAIL);
    office
        .sop("putri", &["hold", &id, "--reason", "menunggu"])
        .success();
    let complete = |words: &[&str]| {
        let mut cmd = office.sop_cmd();
        cmd.env("COMPLETE", "fish").arg("--").arg("sop").args(words);
        let out = cmd.output().unwrap();
        assert!(out.status.success() && out.stderr.is_empty(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let statuses = complete(&["list", "--status", ""]);
    assert!(statuses.contains("open\tdiproses\n"), "{statuses}");
    assert!(statuses.contains("completed\tselesai\n"), "{statuses}");
    let held = complete(&["resume", ""]);
    assert!(
        held.contains(&format!("{id}\tPermintaan Email [ditunda]")),
        "{held}"
    );
    let assets = complete(&["asset", "list", "--status", "in-"]);
    assert!(assets.contains("in-use\tdigunakan\n"), "{assets}");
}
