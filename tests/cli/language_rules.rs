//! Indonesian for the rules and the repository: limits, sop.toml, people.toml, `sop
//! procedure check`, `sop verify`, hand edits, a busy repository, signing, `sop site`. In an
//! Indonesian office what people read has no word only the English catalogue uses. (The
//! official documents say statuses in Indonesian whatever the language: tests/cli/print.rs
//! reads the form of an English office.)

use std::collections::BTreeSet;
use std::process::{Command, Stdio};
use std::time::Duration;

use assert_cmd::assert::Assert;

use crate::language::{english_words, indonesian_office, without_office_texts, words};
use crate::support::Office;

const EMAIL: &[&str] = &[
    "nama_lengkap=Putri Handayani",
    "email_diminta=putri@kota.go.id",
];

/// The words of `text` that could be English, without what stays as it is in every
/// language: what the office wrote (role labels, names, the email procedure's activities),
/// identifiers quoted in '…' or `…`, paths, request ids and commit ids.
fn said(office: &Office, text: &str) -> BTreeSet<String> {
    let text = without_office_texts(office, "email", text);
    let code = regex::Regex::new(
        r"'[^'\n]*'|`[^`\n]*`|\S*/\S*|\b[A-Z]{2,6}-[0-9A-Z]{10}\b|\b[0-9a-f]{7,40}\b",
    )
    .unwrap();
    words(&code.replace_all(&text, " "))
}

/// `text` is Indonesian: it says `expected`, and no word only the English texts of the
/// catalogue use.
fn assert_indonesian(office: &Office, text: &str, expected: &[&str]) {
    for want in expected {
        assert!(text.contains(want), "no «{want}» in:\n{text}");
    }
    let leaked: Vec<String> = said(office, text)
        .intersection(&english_words())
        .cloned()
        .collect();
    assert!(leaked.is_empty(), "English words {leaked:?} in:\n{text}");
}

fn stderr(a: &Assert) -> String {
    String::from_utf8(a.get_output().stderr.clone()).unwrap()
}

fn stdout(a: &Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

/// Commits the work tree as the administrator, as an office changes its rules.
fn commit_as_admin(office: &Office, message: &str) {
    office.git_as(
        "Rizky",
        "rizky@diskominfo.example.go.id",
        &["commit", "-qam", message],
    );
}

#[test]
fn a_field_and_an_attachment_over_their_limits() {
    let office = indonesian_office();
    let before = office.snapshot();
    let long = format!("nama_lengkap={}", "x".repeat(5000));
    let out = office
        .sop(
            "putri",
            &[
                "new",
                "email",
                "--field",
                &long,
                "--field",
                "email_diminta=putri@kota.go.id",
            ],
        )
        .code(3)
        .stdout("");
    assert_indonesian(
        &office,
        &stderr(&out),
        &["galat: isian 'nama_lengkap' berisi 5000 bita, melebihi batas 4 KiB"],
    );
    assert_eq!(office.snapshot(), before);

    let config = office.read("sop.toml");
    std::fs::write(
        office.path("sop.toml"),
        format!("{config}\n[attachments]\nmax_file_mb = 1\n"),
    )
    .unwrap();
    commit_as_admin(&office, "lampiran paling besar 1 MiB");
    let before = office.snapshot();
    let big = office.input_file("besar.pdf", &vec![b'%'; 1_100_000]);
    let mut args = vec!["new", "email", "--attach", big.to_str().unwrap()];
    for field in EMAIL {
        args.extend(["--field", field]);
    }
    let out = office.sop("putri", &args).code(3).stdout("");
    assert_indonesian(
        &office,
        &stderr(&out),
        &[
            "melebihi batas 1 MiB per berkas",
            "saran: batasnya adalah max_file_mb dan max_request_mb",
        ],
    );
    assert_eq!(office.snapshot(), before);
}

#[test]
fn sop_verify_finds_a_hand_edited_request() {
    let office = indonesian_office();
    let id = office.new_request("putri", "email", EMAIL);
    let file = office.request_file(&id);
    let text = std::fs::read_to_string(&file).unwrap();
    let title = text.lines().find(|l| l.starts_with("title = ")).unwrap();
    std::fs::write(&file, text.replace(title, "title = \"Diubah tangan\"")).unwrap();
    // Uncommitted, a change refuses to overwrite it.
    let out = office.sop("putri", &["advance", &id]).code(5);
    assert_indonesian(
        &office,
        &stderr(&out),
        &[
            "diubah secara manual dan belum di-commit; sop tidak akan menimpanya",
            "saran: commit perubahan itu dengan git",
        ],
    );
    office.git_as(
        "Putri Handayani",
        "putri@diskominfo.example.go.id",
        &["commit", "-qam", "judul diubah"],
    );
    let out = office.sop("putri", &["verify"]).code(6);
    let said = format!("{}{}", stdout(&out), stderr(&out));
    assert_indonesian(
        &office,
        &said,
        &[
            "masalah",
            "mengubah permintaan tanpa menambahkan entri riwayat (status, langkah atau isian diubah secara manual?)",
            "galat: 1 temuan dalam ",
        ],
    );
}

#[test]
fn procedure_check_of_a_broken_procedure() {
    let office = indonesian_office();
    office.edit(
        "procedures/email.toml",
        "role = \"helpdesk\"",
        "role = \"juru-kunci\"",
    );
    office.edit(
        "procedures/email.toml",
        "next = \"persetujuan\"",
        "next = \"tidak-ada\"",
    );
    let out = office.sop("putri", &["procedure", "check"]).code(3);
    assert_indonesian(
        &office,
        &format!("{}{}", stdout(&out), stderr(&out)),
        &[
            "peran 'juru-kunci' tidak dikenal (deklarasikan di bagian [roles] pada sop.toml)",
            "berlanjut ke langkah 'tidak-ada' yang tidak dikenal",
            "tidak dapat dicapai dari langkah pertama",
            "tidak pernah mencapai akhir",
        ],
    );
}

/// A procedure that is not TOML: the position in Indonesian, and `--format json` still gives
/// the line toml found (`procedure check` reads it from the words of this run).
#[test]
fn procedure_check_of_a_procedure_that_is_not_toml() {
    let office = indonesian_office();
    let text = std::fs::read_to_string(office.path("procedures/email.toml")).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("[[steps]]"))
        .unwrap()
        + 1;
    office.edit("procedures/email.toml", "[[steps]]", "[[steps]\n");
    let out = office.sop("putri", &["procedure", "check"]).code(3);
    let said = format!("{}{}", stdout(&out), stderr(&out));
    assert!(
        said.contains(&format!("galat penguraian TOML pada baris {line}, kolom")),
        "{said}"
    );
    let out = office
        .sop("putri", &["procedure", "check", "--format", "json"])
        .code(3);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let findings = json
        .as_array()
        .or_else(|| json["findings"].as_array())
        .unwrap();
    let found = findings
        .iter()
        .find(|f| f["file"] == "procedures/email.toml")
        .unwrap_or_else(|| panic!("{json}"));
    assert_eq!(found["line"], line, "{json}");
}

#[test]
fn people_toml_that_fails_its_lint_is_refused() {
    let office = indonesian_office();
    office.edit(
        "people.toml",
        "roles = [\"admin\"]",
        "roles = [\"admin\", \"penyihir\"]",
    );
    let people = office.read("people.toml");
    std::fs::write(
        office.path("people.toml"),
        format!("{people}\n[[standins]]\nperson = \"hantu\"\nrole = \"admin\"\nfrom = 2026-02-01\nto = 2026-01-01\n"),
    )
    .unwrap();
    commit_as_admin(&office, "orang");
    let before = office.snapshot();
    let mut args = vec!["new", "email"];
    for field in EMAIL {
        args.extend(["--field", field]);
    }
    let out = office.sop("putri", &args).code(3);
    assert_indonesian(
        &office,
        &stderr(&out),
        &[
            "galat: people.toml tidak lolos `sop procedure check`",
            "memiliki peran 'penyihir' yang tidak dikenal",
            "pengganti (Plt/Plh) 'hantu' tidak terdaftar di people.toml",
            "berakhir sebelum dimulai",
            "saran: ",
        ],
    );
    assert_eq!(office.snapshot(), before);
}

#[test]
fn a_busy_repository() {
    let office = indonesian_office();
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
    let before = office.snapshot();
    let out = office.sop("putri", &["advance", &id]).code(5);
    holder.kill().unwrap();
    holder.wait().unwrap();
    assert_indonesian(
        &office,
        &stderr(&out),
        &[
            "galat: repositori sedang sibuk",
            "sebuah perintah git sedang berjalan",
            "saran: tunggu sampai selesai",
        ],
    );
    assert_eq!(office.snapshot(), before);
}

#[test]
fn an_error_in_sop_toml_and_signatures_it_asks_for() {
    let office = indonesian_office();
    office.edit(
        "sop.toml",
        "timezone = \"Asia/Jakarta\"",
        "timezone = \"Mars/Olympus\"",
    );
    commit_as_admin(&office, "zona waktu");
    let out = office.sop("putri", &["list"]).code(3);
    let said = stderr(&out);
    office.edit(
        "sop.toml",
        "timezone = \"Mars/Olympus\"",
        "timezone = \"Asia/Jakarta\"",
    );
    commit_as_admin(&office, "zona waktu lagi");
    assert_indonesian(
        &office,
        &said,
        &["galat: sop.toml: zona waktu 'Mars/Olympus' tidak dikenal: gunakan Asia/Jakarta"],
    );

    office.edit(
        "sop.toml",
        "require_signatures = false",
        "require_signatures = true",
    );
    commit_as_admin(&office, "tanda tangan wajib");
    let before = office.snapshot();
    let mut args = vec!["new", "email"];
    for field in EMAIL {
        args.extend(["--field", field]);
    }
    let out = office.sop("putri", &args).code(4);
    assert_indonesian(
        &office,
        &stderr(&out),
        &[
            "sop.toml mewajibkan commit bertanda tangan",
            "saran: atur penandatanganan",
        ],
    );
    assert_eq!(office.snapshot(), before);
}

#[test]
fn sop_site_refuses_a_file_for_a_folder() {
    let office = indonesian_office();
    let out = office
        .sop("putri", &["site", "--output", "people.toml"])
        .code(3);
    assert_indonesian(
        &office,
        &stderr(&out),
        &[
            "galat: --output people.toml bukan folder",
            "saran: berikan folder untuk situsnya",
        ],
    );
}
