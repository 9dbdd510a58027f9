//! `sop list` with assignment, holds and search (issue 10): `--search`, `--requester`,
//! `--assignee`, `--mine`; a held request's stopped clock in `list`, `show` and `report`.

use chrono::{DateTime, Duration, FixedOffset};
use serde_json::Value;

use crate::support::{Office, EMAIL};

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// `sop --as WHO ARGS --format json` at `now`.
fn json_at(office: &Office, who: &str, now: DateTime<FixedOffset>, args: &[&str]) -> Value {
    let out = office
        .sop_cmd()
        .env("SOP_NOW", now.to_rfc3339())
        .args(["--as", who, "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The ids of a `list --format json` answer.
fn ids(list: &Value) -> Vec<String> {
    let rows = list.as_array().unwrap().iter();
    let mut ids: Vec<String> = rows
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

fn sorted(ids: &[&String]) -> Vec<String> {
    let mut ids: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    ids.sort();
    ids
}

fn row<'a>(list: &'a Value, id: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap()
}

/// The email procedure with one working day for the helpdesk's step (`terima-fpe`).
fn office_with_a_day_at_the_helpdesk() -> Office {
    let office = Office::example();
    office.edit(
        "procedures/email.toml",
        "time = \"2 menit\"\nrole_inferred = \"Kolom pelaku",
        "time = \"1 hari\"\nrole_inferred = \"Kolom pelaku",
    );
    office.git(&["commit", "-qam", "terima-fpe: one working day"]);
    office
}

/// Monday 09:00: two requests reach the helpdesk (one working day); Monday 10:00 both are held
/// until Wednesday 10:00 (two working days), then resumed; one is done Wednesday 11:00.
#[test]
fn hold_stops_the_clock_and_resume_starts_it_again() {
    let office = office_with_a_day_at_the_helpdesk();
    let (a, b) = (
        office.new_request("putri", "email", EMAIL),
        office.new_request("dimas", "email", EMAIL),
    );
    office.sop("putri", &["advance", &a]).success();
    office.sop("dimas", &["advance", &b]).success();
    let show = office.json("dewi", &["show", &b]);
    let since = t(show["step"]["since"].as_str().unwrap());
    assert_eq!(
        t(show["step"]["due"].as_str().unwrap()),
        since + Duration::days(1)
    );

    let monday_10 = t("2026-11-23T10:00:00+07:00");
    office.wait(monday_10 - office.now() - Duration::minutes(1));
    for id in [&a, &b] {
        office
            .sop(
                "dewi",
                &[
                    "hold",
                    id,
                    "--reason",
                    "menunggu anggaran",
                    "--until",
                    "2026-11-25",
                ],
            )
            .success();
    }
    // Tuesday afternoon, held: nothing is due, the list shows why.
    let tuesday = t("2026-11-24T15:00:00+07:00");
    let list = json_at(&office, "dewi", tuesday, &["list"]);
    let held = row(&list, &b);
    assert_eq!(held["status"], "held");
    assert_eq!(held["hold"]["reason"], "menunggu anggaran");
    assert_eq!(held["hold"]["until"], "2026-11-25");
    assert_eq!(held["due"], Value::Null);
    assert_eq!(held["overdue"], false);
    assert_eq!(
        json_at(&office, "dewi", tuesday, &["list", "--overdue"]),
        serde_json::json!([])
    );
    let show = json_at(&office, "dewi", tuesday, &["show", &b]);
    assert_eq!(show["step"]["overdue"], false);
    let table = office
        .sop_cmd()
        .env("SOP_NOW", tuesday.to_rfc3339())
        .args(["--as", "dewi", "list"])
        .output()
        .unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(
        table.contains("held: menunggu anggaran (until 2026-11-25)"),
        "{table}"
    );

    // Wednesday 10:00 resumed: due one working day plus the two held after arriving.
    office.wait(t("2026-11-25T10:00:00+07:00") - office.now() - Duration::minutes(1));
    office.sop("dewi", &["resume", &a]).success();
    office.sop("dewi", &["resume", &b]).success();
    let due = since + Duration::days(3);
    let show = office.json("dewi", &["show", &b]);
    assert_eq!(t(show["step"]["due"].as_str().unwrap()), due);
    let before = json_at(
        &office,
        "dewi",
        due - Duration::minutes(1),
        &["list", "--overdue"],
    );
    assert_eq!(before, serde_json::json!([]));
    let after = json_at(
        &office,
        "dewi",
        due + Duration::minutes(1),
        &["list", "--overdue"],
    );
    assert_eq!(
        ids(&after),
        sorted(&[&a, &b]),
        "overdue after 1 + 2 working days"
    );
    assert_eq!(row(&after, &b)["due"], show["step"]["due"]);

    // a is done Wednesday 11:00: a day and two hours after arriving, less two held days.
    office.wait(t("2026-11-25T11:00:00+07:00") - office.now() - Duration::minutes(1));
    let arrived_a = t(office.json("dewi", &["show", &a])["step"]["since"]
        .as_str()
        .unwrap());
    office.sop("dewi", &["advance", &a]).success();
    let took = office.now() - arrived_a - Duration::days(2);
    let report = json_at(&office, "rizky", due + Duration::minutes(1), &["report"]);
    let step = report[0]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "terima-fpe")
        .unwrap()
        .clone();
    assert_eq!(step["done"], 1);
    assert_eq!(step["median_minutes"], took.num_minutes(), "{step}");
    assert_eq!(step["breaches"], 0, "the held days are not counted: {step}");
    assert_eq!(step["overdue_now"], 1, "{step}");
}

#[test]
fn search_finds_a_word_in_a_field_value_and_in_a_comment() {
    let office = Office::example();
    let mut fields = EMAIL.to_vec();
    fields.push("unit_kerja=Kecamatan Sragén Kota");
    let sragen = office.new_request("putri", "email", &fields);
    let commented = office.new_request("dimas", "email", EMAIL);
    let other = office.new_request("dimas", "email", EMAIL);
    office
        .sop(
            "dewi",
            &["comment", &commented, "Berkas sudah DIVERIFIKASI lengkap"],
        )
        .success();
    let search = |q: &str| ids(&office.json("rizky", &["list", "--search", q]));
    assert_eq!(search("sragen"), sorted(&[&sragen]));
    assert_eq!(search("SRAGÉN kota"), sorted(&[&sragen]));
    assert_eq!(search("diverifikasi"), sorted(&[&commented]));
    assert_eq!(
        search("sragen diverifikasi"),
        Vec::<String>::new(),
        "every word must match"
    );
    assert_eq!(search(&other.to_lowercase()), sorted(&[&other]), "the id");
    office
        .sop("rizky", &["list", "--search", "  "])
        .code(3)
        .stderr(predicates::str::contains("--search needs a word"));
    // A search with other filters.
    let open = office.json(
        "rizky",
        &["list", "--search", "putri", "--requester", "dimas"],
    );
    assert_eq!(ids(&open), sorted(&[&commented, &other]));
}

#[test]
fn requester_assignee_and_mine_with_assignment() {
    let office = Office::example();
    let putri = office.new_request("putri", "email", EMAIL);
    let (one, two) = (
        office.new_request("dimas", "email", EMAIL),
        office.new_request("dimas", "email", EMAIL),
    );
    let outside = {
        let mut args = vec!["new", "email", "--for", "Bu Siti Aminah <0812-555>"];
        for f in EMAIL {
            args.extend(["--field", f]);
        }
        office.json("rizky", &args)["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    for id in [&one, &two] {
        office.sop("dimas", &["advance", id]).success();
        office.sop("dewi", &["advance", id]).success();
        office.sop("sri", &["approve", id]).success();
    }
    office.sop("budi", &["assign", &one, "yoga"]).success();

    let list = |who: &str, args: &[&str]| ids(&office.json(who, &[&["list"], args].concat()));
    assert_eq!(list("rizky", &["--requester", "putri"]), sorted(&[&putri]));
    assert_eq!(
        list("rizky", &["--requester", "PUTRI@diskominfo.example.go.id"]),
        sorted(&[&putri])
    );
    assert_eq!(list("rizky", &["--requester", "siti"]), sorted(&[&outside]));
    assert_eq!(
        list("rizky", &["--requester", "SITI aminah"]),
        sorted(&[&outside])
    );
    assert_eq!(
        list("rizky", &["--requester", "nobody"]),
        Vec::<String>::new()
    );
    assert_eq!(list("rizky", &["--assignee", "yoga"]), sorted(&[&one]));
    assert_eq!(list("rizky", &["--assignee", "budi"]), Vec::<String>::new());
    office
        .sop("rizky", &["list", "--assignee", "nobody"])
        .code(3)
        .stderr(predicates::str::contains("'nobody' is not a person"));
    // yoga has the assigned step and the unassigned one of his role; budi (same role) only
    // the unassigned one; dimas made both.
    assert_eq!(list("yoga", &["--mine"]), sorted(&[&one, &two]));
    assert_eq!(list("budi", &["--mine"]), sorted(&[&two]));
    assert_eq!(list("dimas", &["--mine"]), sorted(&[&one, &two]));

    let all = office.json("rizky", &["list"]);
    assert_eq!(row(&all, &one)["assignee"], "yoga");
    assert_eq!(row(&all, &two)["assignee"], Value::Null);
    assert_eq!(
        row(&all, &outside)["on_behalf_of"]["name"],
        "Bu Siti Aminah"
    );
    assert_eq!(row(&all, &outside)["on_behalf_of"]["contact"], "0812-555");
    assert_eq!(row(&all, &outside)["requester"], "rizky");
    let csv = office.sop("rizky", &["list", "--format", "csv"]).success();
    let csv = String::from_utf8(csv.get_output().stdout.clone()).unwrap();
    let header = csv.lines().next().unwrap();
    assert_eq!(
        header,
        "id,procedure,title,status,step,role,requester,created,due,overdue,\
         assignee,hold_reason,hold_since,hold_until,on_behalf_of"
    );
    assert!(
        csv.lines()
            .any(|l| l.starts_with(&one) && l.contains(",yoga,")),
        "{csv}"
    );
}
