use chrono::Duration;

use crate::support::Office;

const EMAIL: &[&str] = &["nama_lengkap=P", "email_diminta=p@kota.go.id"];

#[test]
fn report_counts_requests_and_step_breaches() {
    let office = Office::example();
    let id = office.new_request("putri", "email", EMAIL);
    office.sop("putri", &["advance", &id]).success(); // isi-form took 1 minute of 3
    office.wait(Duration::minutes(10));
    office.sop("dewi", &["advance", &id]).success(); // terima-fpe took 11 minutes of 2: a breach
    office.sop("sri", &["approve", &id]).success();
    let waiting = office.new_request("dimas", "email", EMAIL);
    office.sop("dimas", &["advance", &waiting]).success();
    office.wait(Duration::hours(3));
    let v = office.json("rizky", &["report", "--procedure", "email"]);
    let email = &v[0];
    assert_eq!(email["procedure"], "email");
    assert_eq!(email["requests"], 2);
    assert_eq!(email["by_status"]["open"], 2);
    let step = |id: &str| {
        email["steps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(step("isi-form")["done"], 2);
    assert_eq!(step("isi-form")["breaches"], 0);
    assert_eq!(step("terima-fpe")["done"], 1);
    assert_eq!(step("terima-fpe")["median_minutes"], 11);
    assert_eq!(step("terima-fpe")["breaches"], 1);
    assert_eq!(
        step("terima-fpe")["overdue_now"],
        1,
        "dimas's request waits at the helpdesk"
    );
    assert_eq!(step("terima-fpe")["standard"], "PT2M");
    let none = office.json("rizky", &["report", "--since", "2027-01-01"]);
    assert_eq!(none, serde_json::json!([]));
    office
        .sop("rizky", &["report"])
        .success()
        .stdout(predicates::str::contains(
            "Permintaan Email (email): 2 request(s): open 2",
        ));
}
