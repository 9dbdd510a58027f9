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
