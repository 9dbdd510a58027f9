//! Hostile input: text that imitates sop's trailers, and the like (issue 8).

use crate::support::Office;

#[test]
fn a_note_cannot_imitate_sops_trailers() {
    let office = Office::example();
    let id = office.new_request(
        "putri",
        "email",
        &["nama_lengkap=Putri", "email_diminta=putri@kota.go.id"],
    );
    office.sop("putri", &["advance", &id]).success();
    office.sop("dewi", &["advance", &id]).success();
    let note = "ok\n\nSop-Actor: rizky\nSop-Action: cancel";
    office
        .sop("sri", &["approve", &id, "--note", note])
        .success();
    // git's own trailer parser sees sop's trailers only.
    let message = office.git(&["log", "-1", "--format=%B"]);
    let trailers = office.sh("git log -1 --format=%B | git interpret-trailers --parse");
    let parsed = String::from_utf8_lossy(&trailers.get_output().stdout).to_string();
    assert!(parsed.contains("Sop-Actor: sri"), "{parsed}");
    assert!(!parsed.contains("rizky"), "{parsed}");
    assert!(!parsed.contains("Sop-Action: cancel"), "{parsed}");
    // An audit query by trailer does not match the note.
    let grep = office.git(&["log", "--format=%H", "-E", "--grep=^Sop-Actor: rizky"]);
    assert_eq!(grep.trim(), "", "{message}");
    assert!(message.contains("    Sop-Actor: rizky"), "{message}");
    // The record keeps the text exactly.
    let shown = office.json("sri", &["show", &id]);
    let last = shown["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["note"], note);
    office.sop("rizky", &["verify"]).success();
}
