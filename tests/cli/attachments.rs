//! Attachments (issue 10, item 5): files attached with `--attach`, stored once by content
//! under attachments/, given back by `sop attachment`, limited by sop.toml, checked by verify.

use serde_json::Value;

use crate::support::Office;

const RIZKY: (&str, &str) = ("Rizky Ramadhan", "rizky@diskominfo.example.go.id");

/// A procedure whose request form needs a signed form (a PDF), whose second step needs a
/// handover report of any type the procedure takes, and whose approval may send it back.
const BERKAS: &str = r#"id = "berkas"
prefix = "BRK"
name = "Permintaan dengan berkas"
version = 1
attachment_types = ["pdf", "jpg", "png", "txt"]

[[fields]]
name = "keperluan"
label = "Keperluan"
required = true

[[fields]]
name = "formulir"
label = "Formulir bertanda tangan"
type = "file"
required = true
types = ["pdf"]

[[steps]]
id = "isi-form"
number = 1
activity = "Mengisi form"
role = "pemohon"

[[steps]]
id = "verifikasi"
number = 2
activity = "Memverifikasi berkas"
role = "helpdesk"

[[steps.fields]]
name = "berita_acara"
label = "Berita acara"
type = "file"
required = true

[[steps]]
id = "persetujuan"
number = 3
activity = "Memberi persetujuan"
role = "subkoor-kip"
kind = "approval"
approve = "selesai"
reject = "isi-form"

[[steps]]
id = "selesai"
activity = "Selesai"
kind = "end"
"#;

/// The example office with the `berkas` procedure (and `extra` appended to sop.toml),
/// committed by the administrator.
fn office_with(extra: &str) -> Office {
    let office = Office::example();
    std::fs::write(office.path("procedures/berkas.toml"), BERKAS).unwrap();
    if !extra.is_empty() {
        let config = office.read("sop.toml");
        std::fs::write(office.path("sop.toml"), format!("{config}\n{extra}")).unwrap();
    }
    office.git_as(RIZKY.0, RIZKY.1, &["add", "-A"]);
    office.git_as(RIZKY.0, RIZKY.1, &["commit", "-qm", "procedure berkas"]);
    office
}

fn office() -> Office {
    office_with("")
}

/// `len` bytes that look like a PDF to sop (its signature) and are otherwise every byte value
/// in a scrambled order: nothing a text conversion would leave alone.
fn pdf_bytes(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut bytes = b"%PDF-1.7\n".to_vec();
    while bytes.len() < len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        bytes.push((x >> 24) as u8);
    }
    bytes.truncate(len);
    bytes
}

fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).into_owned()
}

/// A new `berkas` request by putri with the signed form at `form`; returns its id.
fn new_with_form(office: &Office, form: &std::path::Path) -> String {
    let attach = format!("formulir={}", form.display());
    let v = office.json(
        "putri",
        &[
            "new",
            "berkas",
            "--field",
            "keperluan=akun",
            "--attach",
            &attach,
        ],
    );
    v["id"].as_str().unwrap().to_string()
}

/// `sop new berkas` with `form` as its form, which must be refused as invalid (exit 3).
fn new_refused(office: &Office, form: &std::path::Path) -> assert_cmd::assert::Assert {
    let attach = format!("formulir={}", form.display());
    office
        .sop(
            "putri",
            &[
                "new",
                "berkas",
                "--field",
                "keperluan=x",
                "--attach",
                &attach,
            ],
        )
        .code(3)
}

/// `sop verify --format json`: exit code and findings.
fn verify(office: &Office) -> (i32, Vec<Value>) {
    let out = office
        .sop("rizky", &["verify", "--format", "json"])
        .get_output()
        .clone();
    let report: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (
        out.status.code().unwrap(),
        report["findings"].as_array().unwrap().clone(),
    )
}

fn assert_flagged(office: &Office, says: &str) {
    let (code, findings) = verify(office);
    assert_eq!(code, 6, "{findings:#?}");
    assert!(
        findings
            .iter()
            .any(|f| f["problem"].as_str().unwrap().contains(says)),
        "no finding says {says:?}: {findings:#?}"
    );
}

/// The files under attachments/ in HEAD.
fn stored(office: &Office) -> Vec<String> {
    office
        .git(&["ls-tree", "-r", "--name-only", "HEAD", "attachments"])
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn a_required_file_missing_is_refused() {
    let office = office();
    let before = office.snapshot();
    let a = office
        .sop("putri", &["new", "berkas", "--field", "keperluan=akun"])
        .code(3);
    let err = stderr(&a);
    assert!(err.contains("needs field(s) formulir"), "{err}");
    assert!(err.contains("--attach formulir=FILE"), "{err}");
    // A file field is not text.
    let a = office
        .sop(
            "putri",
            &[
                "new",
                "berkas",
                "--field",
                "keperluan=akun",
                "--field",
                "formulir=scan.pdf",
            ],
        )
        .code(3);
    let err = stderr(&a);
    assert!(err.contains("field 'formulir' is a file"), "{err}");
    assert!(err.contains("--attach formulir=PATH"), "{err}");
    assert_eq!(office.snapshot(), before);
    assert!(!office.path("requests/BRK").exists());
    assert!(!office.path("attachments").exists());

    // The step's required file too: advancing without it is refused.
    let form = office.input_file("form.pdf", &pdf_bytes(500, 1));
    let id = new_with_form(&office, &form);
    office.sop("putri", &["advance", &id]).success();
    let before = office.snapshot();
    let a = office.sop("dewi", &["advance", &id]).code(3);
    assert!(stderr(&a).contains("needs field(s) berita_acara"));
    assert_eq!(office.snapshot(), before);
}

#[test]
fn the_same_file_for_two_requests_is_stored_once() {
    let office = office();
    let form = office.input_file("form.pdf", &pdf_bytes(4000, 2));
    let first = new_with_form(&office, &form);
    let files = stored(&office);
    assert_eq!(files.len(), 1, "{files:?}");
    let commit = office.last_commit();
    assert!(commit.files.contains(&files[0]), "{commit:?}");
    assert_eq!(office.status(), "");

    let second = new_with_form(&office, &form);
    assert_ne!(first, second);
    assert_eq!(stored(&office), files, "stored once");
    // The second commit writes only its request file.
    let commit = office.last_commit();
    assert_eq!(commit.files.len(), 1, "{commit:?}");
    assert!(commit.files[0].starts_with("requests/BRK/"), "{commit:?}");
    let hash = files[0].rsplit('/').next().unwrap();
    for id in [&first, &second] {
        let text = std::fs::read_to_string(office.request_file(id)).unwrap();
        assert!(text.contains(&format!("sha256 = \"{hash}\"")), "{text}");
        assert!(text.contains("name = \"form.pdf\""), "{text}");
        assert!(text.contains("media_type = \"application/pdf\""), "{text}");
        assert!(text.contains("size = 4000"), "{text}");
    }
    assert_eq!(verify(&office), (0, vec![]));
}

#[test]
fn an_attachment_comes_back_byte_identical() {
    let office = office();
    let bytes = pdf_bytes(70_000, 3);
    let form = office.input_file("form.pdf", &bytes);
    let id = new_with_form(&office, &form);

    let out = office.home.join("back.pdf");
    let out_s = out.to_str().unwrap();
    office
        .sop("dewi", &["attachment", &id, "form.pdf", "--output", out_s])
        .success();
    assert_eq!(std::fs::read(&out).unwrap(), bytes);
    // To standard output (not a terminal here), byte for byte.
    let a = office
        .sop("dewi", &["attachment", &id, "form.pdf"])
        .success();
    assert_eq!(a.get_output().stdout, bytes);
    // An existing file is not replaced without --force.
    std::fs::write(&out, b"mine").unwrap();
    let a = office
        .sop("dewi", &["attachment", &id, "form.pdf", "--output", out_s])
        .code(3);
    assert!(stderr(&a).contains("--force"));
    assert_eq!(std::fs::read(&out).unwrap(), b"mine");
    office
        .sop(
            "dewi",
            &["attachment", &id, "form.pdf", "--output", out_s, "--force"],
        )
        .success();
    assert_eq!(std::fs::read(&out).unwrap(), bytes);
    // An unknown name is refused, naming the files there are.
    let a = office.sop("dewi", &["attachment", &id, "nope.pdf"]).code(3);
    assert!(stderr(&a).contains("form.pdf"));

    // The list, and show's JSON.
    let list = office.json("dewi", &["attachment", &id]);
    let row = &list.as_array().unwrap()[0];
    assert_eq!(row["name"], "form.pdf");
    assert_eq!(row["field"], "formulir");
    assert_eq!(row["size"], 70_000);
    assert_eq!(row["media_type"], "application/pdf");
    assert_eq!(row["step"], "isi-form");
    assert_eq!(row["by"], "putri");
    assert_eq!(row["sha256"].as_str().unwrap().len(), 64);
    let show = office.json("dewi", &["show", &id]);
    assert_eq!(show["attachments"][0]["name"], "form.pdf");
    assert_eq!(show["fields"]["formulir"], "form.pdf");
    assert_eq!(show["history"][0]["attachments"][0]["name"], "form.pdf");
    let text = office.sop("dewi", &["show", &id]).success();
    let text = String::from_utf8_lossy(&text.get_output().stdout).into_owned();
    assert!(text.contains("application/pdf"), "{text}");
}

#[test]
fn over_the_size_limit_is_refused() {
    let office = office_with("[attachments]\nmax_file_mb = 1\nmax_request_mb = 2\n");
    let before = office.snapshot();
    let big = office.input_file("big.pdf", &pdf_bytes(1024 * 1024 + 1, 4));
    let a = new_refused(&office, &big);
    let err = stderr(&a);
    assert!(err.contains("over the limit of 1 MiB per file"), "{err}");
    assert!(err.contains("max_file_mb"), "{err}");
    assert_eq!(office.snapshot(), before);

    // At the limit is fine; the request's total is limited too.
    let at_limit = office.input_file("ok.pdf", &pdf_bytes(1024 * 1024, 5));
    let id = new_with_form(&office, &at_limit);
    let other = office.input_file("other.pdf", &pdf_bytes(1024 * 1024, 6));
    let other = other.to_str().unwrap();
    office
        .sop("putri", &["advance", &id, "--attach", other])
        .success();
    let before = office.snapshot();
    let third = office.input_file("third.txt", b"satu byte lagi\n");
    let a = office
        .sop(
            "dewi",
            &[
                "advance",
                &id,
                "--attach",
                &format!("berita_acara={}", third.display()),
            ],
        )
        .code(3);
    let err = stderr(&a);
    assert!(err.contains("over the limit of 2 MiB"), "{err}");
    assert!(err.contains("max_request_mb"), "{err}");
    assert_eq!(office.snapshot(), before);
    assert_eq!(verify(&office), (0, vec![]));
}

#[test]
fn a_file_of_another_type_is_refused() {
    let office = office();
    let before = office.snapshot();
    let png = office.input_file("form.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let a = new_refused(&office, &png);
    let err = stderr(&a);
    assert!(
        err.contains("attachment 'form.png' is image/png, but field 'formulir' takes only pdf"),
        "{err}"
    );
    // A name does not make a type: bytes that are no PDF, named .pdf.
    let fake = office.input_file("fake.pdf", &[0u8, 1, 2, 3, 0xff]);
    let a = new_refused(&office, &fake);
    assert!(stderr(&a).contains("application/octet-stream"));
    assert_eq!(office.snapshot(), before);
    // The procedure's own types, for a file that fills no field.
    let form = office.input_file("form.pdf", &pdf_bytes(100, 7));
    let id = new_with_form(&office, &form);
    let zip = office.input_file("src.zip", b"PK\x03\x04rest");
    let a = office
        .sop(
            "putri",
            &["advance", &id, "--attach", zip.to_str().unwrap()],
        )
        .code(3);
    assert!(
        stderr(&a).contains("but procedure 'berkas' takes only pdf, jpg, png, txt"),
        "{}",
        stderr(&a)
    );
}

#[test]
fn a_walk_with_attachments_at_every_kind_of_change_verifies_clean() {
    let office = office();
    let form = office.input_file("form.pdf", &pdf_bytes(2000, 8));
    let ba = office.input_file("ba.txt", b"Berita acara serah terima\n");
    let (form, ba) = (form.to_str().unwrap(), ba.to_str().unwrap());
    let id = new_with_form(&office, std::path::Path::new(form));
    office
        .sop("putri", &["comment", &id, "salinan", "--attach", form])
        .success();
    office.sop("putri", &["advance", &id]).success();
    office
        .sop(
            "dewi",
            &["advance", &id, "--attach", &format!("berita_acara={ba}")],
        )
        .success();
    office
        .sop(
            "sri",
            &["reject", &id, "--reason", "tanda tangan", "--attach", ba],
        )
        .success();
    // The requester replaces the signed form: a second form.pdf is named form-3.pdf.
    let again = office.input_file("form.pdf", &pdf_bytes(2100, 9));
    let a = office
        .sop(
            "putri",
            &[
                "edit",
                &id,
                "--attach",
                &format!("formulir={}", again.display()),
            ],
        )
        .success();
    assert!(
        stderr(&a).contains("attached as form-3.pdf"),
        "{}",
        stderr(&a)
    );
    office.sop("putri", &["advance", &id]).success();
    office
        .sop(
            "dewi",
            &["advance", &id, "--attach", &format!("berita_acara={ba}")],
        )
        .success();
    office
        .sop("sri", &["approve", &id, "--attach", form])
        .success();
    let show = office.json("rizky", &["show", &id]);
    assert_eq!(show["status"], "completed");
    assert_eq!(show["fields"]["formulir"], "form-3.pdf");
    let names: Vec<&str> = show["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "form.pdf",
            "form-2.pdf",
            "ba.txt",
            "ba-2.txt",
            "form-3.pdf",
            "ba-3.txt",
            "form-4.pdf"
        ]
    );
    // Three different contents, stored once each.
    assert_eq!(stored(&office).len(), 3);
    assert_eq!(office.status(), "");
    assert_eq!(verify(&office), (0, vec![]));
    // A comment fills no fields; a finished request takes no more files but by comments.
    let a = office
        .sop(
            "putri",
            &["comment", &id, "x", "--attach", &format!("formulir={form}")],
        )
        .code(3);
    assert!(
        stderr(&a).contains("a comment fills no fields"),
        "{}",
        stderr(&a)
    );
    let a = office
        .sop("putri", &["edit", &id, "--attach", form])
        .code(3);
    assert!(stderr(&a).contains("already completed"), "{}", stderr(&a));
    assert_eq!(verify(&office), (0, vec![]));
}

#[test]
fn a_hand_edited_attachment_is_flagged_by_verify() {
    let office = office();
    let form = office.input_file("form.pdf", &pdf_bytes(3000, 10));
    let id = new_with_form(&office, &form);
    let rel = stored(&office).remove(0);
    let mut bytes = std::fs::read(office.path(&rel)).unwrap();
    bytes[100] ^= 0xff;
    std::fs::write(office.path(&rel), &bytes).unwrap();
    office.git(&["commit", "-qam", "fix the scan"]);
    assert_flagged(
        &office,
        "an attached file: attached files are never changed",
    );
    // Giving it back checks the content too.
    let a = office.sop("dewi", &["attachment", &id, "form.pdf"]).code(3);
    assert!(stderr(&a).contains("sop verify"), "{}", stderr(&a));
}

#[test]
fn a_hand_edited_hash_in_the_request_is_flagged_by_verify() {
    let office = office();
    let form = office.input_file("form.pdf", &pdf_bytes(3000, 11));
    let id = new_with_form(&office, &form);
    let rel = stored(&office).remove(0);
    let hash = rel.rsplit('/').next().unwrap();
    let file = office.request_file(&id);
    let text = std::fs::read_to_string(&file).unwrap();
    let forged = format!(
        "{}{}",
        &hash[..63],
        if hash.ends_with('0') { "1" } else { "0" }
    );
    std::fs::write(&file, text.replace(hash, &forged)).unwrap();
    office.git(&["commit", "-qam", "another hash"]);
    assert_flagged(&office, "rewrites the request's history");
}

#[test]
fn attachment_files_added_or_deleted_by_hand_are_flagged() {
    let office = office();
    let form = office.input_file("form.pdf", &pdf_bytes(3000, 12));
    new_with_form(&office, &form);
    // A file at the path of a hash, which no request attaches.
    let bytes = b"unlisted\n";
    let hash = sha256_of(&office, bytes);
    let rel = format!("attachments/{}/{hash}", &hash[..2]);
    std::fs::create_dir_all(office.path(&rel).parent().unwrap()).unwrap();
    std::fs::write(office.path(&rel), bytes).unwrap();
    office.git(&["add", "-A"]);
    office.git(&["commit", "-qm", "an extra file"]);
    assert_flagged(&office, "which no history entry of this commit attaches");
    office.git(&["reset", "-q", "--hard", "HEAD~1"]);
    // A stored file deleted.
    let rel = stored(&office).remove(0);
    office.git(&["rm", "-q", &rel]);
    office.git(&["commit", "-qm", "tidy"]);
    assert_flagged(&office, &format!("deletes {rel}, an attached file"));
}

/// SHA-256 by git's own tools is not at hand: `sha256sum`.
fn sha256_of(office: &Office, bytes: &[u8]) -> String {
    let file = office.input_file("hash-me", bytes);
    let out = std::process::Command::new("sha256sum")
        .arg(&file)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()[..64].to_string()
}
