use crate::support::Office;

#[test]
fn email_request_walks_to_completion() {
    let office = Office::example();
    let before = office.commit_count();
    let id = office.new_request(
        "putri",
        "email",
        &["nama_lengkap=Putri", "email_diminta=putri@kota.go.id"],
    );
    assert!(id.starts_with("EML-"));
    office.sop("putri", &["advance", &id]).success();
    office.sop("dewi", &["advance", &id]).success();
    office
        .sop("sri", &["approve", &id, "--note", "lengkap"])
        .success();
    let done = office.json("budi", &["advance", &id]);
    assert_eq!(done["status"], "completed");
    assert_eq!(done["step"], serde_json::Value::Null);
    assert_eq!(office.commit_count(), before + 5);
    let last = office.last_commit();
    assert_eq!(last.author, "Budi Santoso <budi@diskominfo.example.go.id>");
    assert_eq!(last.trailer("Sop-Request").as_deref(), Some(id.as_str()));
    assert_eq!(last.trailer("Sop-Action").as_deref(), Some("advance"));
    assert_eq!(
        last.trailer("Sop-Step").as_deref(),
        Some("buat-akun -> kredensial-diterima")
    );
    assert_eq!(office.status(), "");
}

#[test]
fn show_marks_done_and_current_steps_with_the_due_time() {
    let office = Office::example();
    let id = office.new_request(
        "putri",
        "email",
        &["nama_lengkap=Putri", "email_diminta=putri@kota.go.id"],
    );
    office.sop("putri", &["advance", &id]).success();
    let out = office
        .sop("putri", &["show", &id])
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let line = |text: &str| {
        out.lines()
            .find(|l| !l.starts_with("step ") && l.contains(text))
            .unwrap_or_else(|| panic!("{text}: {out}"))
            .to_string()
    };
    assert!(line("Mengisi Form").contains("✓"), "{out}");
    let current = line("Menerima FPE");
    assert!(
        current.contains("▶") && current.contains("2026-11-23 09:05"),
        "{out}"
    );
    assert!(!line("Memberi persetujuan").contains("✓"), "{out}");
    assert!(out.contains("status     open"), "{out}");
}
