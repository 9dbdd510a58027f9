//! `sop report --monitoring`: Tabel 7 judgements on requests walked at fixed times (steps within
//! and beyond their standard times, a request left waiting), the note's figures, the action's
//! named steps, the month recap, the rule from sop.toml, the CSV and JSON shapes, the PDF and
//! HTML documents, the refusals; and no ISO 8601 duration in any human output.

use serde_json::Value;

use crate::support::{pdf_text, Office};

const NOW: &str = "2026-12-04T12:00:00+07:00";
const PERIOD: &[&str] = &["--since", "2026-11-01", "--until", "2026-12-31"];

/// The requests of the test, walked at fixed times (the office works 08:00–16:00, Monday to
/// Friday):
/// - email, twice, every timed step within its standard time (November and December);
/// - perangkat-pribadi, twice: in November "Menerima Form" takes 28 minutes of 5 (then
///   rejected), in December the approval 30 minutes of 4 (then waiting at an untimed step);
/// - video-conference, once, created on 4 November and never touched.
struct Walked {
    office: Office,
    email: [String; 2],
    device: [String; 2],
    vc: String,
}

fn walked() -> Walked {
    let office = Office::example();
    let at = |who: &str, args: &[&str], t: &str| office.sop_at(who, args, t).trim().to_string();
    let email = |day: &str| {
        let t = |hm: &str| format!("2026-{day}T{hm}:00+07:00");
        let id = at(
            "putri",
            &[
                "new",
                "email",
                "-q",
                "--field",
                "nama_lengkap=Putri",
                "--field",
                "email_diminta=putri@kota.go.id",
            ],
            &t("09:00"),
        );
        at("putri", &["advance", &id, "-q"], &t("09:02")); // 2 of 3 minutes
        at("dewi", &["advance", &id, "-q"], &t("09:03")); // 1 of 2
        at("sri", &["approve", &id, "-q"], &t("09:05")); // 2 of 2
        at("budi", &["advance", &id, "-q"], &t("10:00")); // no standard time
        id
    };
    let email = [email("11-02"), email("12-01")];
    let device = |day: &str, slow_form: bool| {
        let t = |hm: &str| format!("2026-{day}T{hm}:00+07:00");
        let id = at("putri", &["new", "perangkat-pribadi", "-q"], &t("09:00"));
        at("putri", &["advance", &id, "-q"], &t("09:01"));
        at("putri", &["advance", &id, "-q"], &t("09:02"));
        if slow_form {
            at("andi", &["advance", &id, "-q"], &t("09:30")); // 28 of 5 minutes
            at(
                "sri",
                &["reject", &id, "--reason", "tidak diperlukan", "-q"],
                &t("09:31"),
            );
        } else {
            at("andi", &["advance", &id, "-q"], &t("09:03"));
            at("sri", &["approve", &id, "-q"], &t("09:33")); // 30 of 4 minutes
        }
        id
    };
    let device = [device("11-03", true), device("12-02", false)];
    let vc = at(
        "putri",
        &[
            "new",
            "video-conference",
            "-q",
            "--field",
            "acara=Rapat koordinasi",
            "--field",
            "tanggal=2026-11-10",
        ],
        "2026-11-04T09:00:00+07:00",
    );
    Walked {
        office,
        email,
        device,
        vc,
    }
}

fn monitoring(office: &Office, extra: &[&str]) -> Value {
    let mut args = vec!["report", "--monitoring", "--format", "json"];
    args.extend(extra);
    let out = office.sop_at("rizky", &args, NOW);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn row<'a>(v: &'a Value, procedure: &str) -> &'a Value {
    v["procedures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["procedure"] == procedure)
        .unwrap_or_else(|| panic!("no row for {procedure}"))
}

fn month<'a>(v: &'a Value, month: &str, procedure: &str) -> Option<&'a Value> {
    v["months"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["month"] == month && r["procedure"] == procedure)
}

/// The figures of a row, in `Figures`' order.
fn figures(r: &Value) -> [u64; 8] {
    [
        "requests",
        "started",
        "finished",
        "steps_done",
        "steps_timed",
        "steps_within",
        "late_requests",
        "overdue_at_end",
    ]
    .map(|k| r[k].as_u64().unwrap_or_else(|| panic!("{k} in {r}")))
}

#[test]
fn tabel7_judges_a_procedure_that_meets_the_rule_and_ones_that_do_not() {
    let w = walked();
    let v = monitoring(&w.office, PERIOD);
    assert_eq!(v["since"], "2026-11-01");
    assert_eq!(v["until"], "2026-12-31");
    assert_eq!(
        v["rule"],
        serde_json::json!({"within_standard": 80, "max_factor": 2})
    );
    assert_eq!(v["assessor"]["name"], "Rizky Ramadhan");
    assert_eq!(v["assessor"]["nip"], "199003152015031002");
    let names: Vec<&str> = v["procedures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["procedure"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 10, "every committed procedure has a row");
    assert!(names.windows(2).all(|p| p[0] < p[1]), "{names:?}");

    let email = row(&v, "email");
    assert_eq!(email["judgement"], "good");
    assert_eq!(email["penilaian"], "berjalan dengan baik");
    assert_eq!(figures(email), [2, 2, 2, 8, 6, 6, 0, 0]);
    assert_eq!(email["within_percent"], 100.0);
    assert_eq!(
        email["note"],
        "2 permintaan ditangani (2 masuk, 2 selesai); 6 dari 6 langkah (100 %) selesai dalam \
         waktu baku (batas 80 %); tidak ada permintaan yang melewati 2 × jumlah waktu baku \
         (2 × 7 menit)."
    );
    assert_eq!(
        email["action"],
        "Tidak ada; pertahankan pelaksanaan sesuai SOP."
    );

    let device = row(&v, "perangkat-pribadi");
    assert_eq!(device["judgement"], "not_good");
    assert_eq!(device["penilaian"], "tidak berjalan dengan baik");
    assert_eq!(figures(device), [2, 2, 1, 8, 8, 6, 0, 0]);
    assert_eq!(device["within_percent"], 75.0);
    assert_eq!(
        device["note"],
        "2 permintaan ditangani (2 masuk, 1 selesai); 6 dari 8 langkah (75 %) selesai dalam \
         waktu baku (batas 80 %); tidak ada permintaan yang melewati 2 × jumlah waktu baku \
         (2 × 21 menit)."
    );
    assert_eq!(
        device["action"],
        "Perbaiki pelaksanaan langkah yang paling sering melewati waktu baku: langkah 3 \
         (Menerima Form): 1 dari 2 kali; langkah 4 (Memberikan persetujuan, bila tidak \
         disetujui, diberikan …): 1 dari 2 kali."
    );
    let breaching: Vec<(&str, u64, u64)> = device["breaching_steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap(),
                s["breaches"].as_u64().unwrap(),
                s["timed"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        breaching,
        [("terima-form", 1, 2), ("persetujuan", 1, 2)],
        "ties keep the procedure's order"
    );

    // Nothing done at all, but waiting a month: past twice its total, and overdue.
    let vc = row(&v, "video-conference");
    assert_eq!(vc["judgement"], "not_good");
    assert_eq!(figures(vc), [1, 1, 0, 0, 0, 0, 1, 1]);
    assert_eq!(vc["within_percent"], Value::Null);
    assert_eq!(vc["late"], serde_json::json!([w.vc]));
    assert_eq!(
        vc["note"],
        format!(
            "1 permintaan ditangani (1 masuk, 0 selesai); tidak ada langkah yang selesai; 1 \
             permintaan melewati 2 × jumlah waktu baku (2 × 7 menit): {}.",
            w.vc
        )
    );
    assert_eq!(
        vc["action"],
        format!(
            "Tinjau dan tuntaskan permintaan yang melewati batas waktu: {}.",
            w.vc
        )
    );

    let none = row(&v, "instalasi-piranti-lunak");
    assert_eq!(none["judgement"], "no_data");
    assert_eq!(none["penilaian"], "belum ada data");
    assert_eq!(
        none["note"],
        "Belum ada data untuk dinilai: tidak ada permintaan yang ditangani dalam periode ini."
    );

    // The table says the same, in Tabel 7's words.
    let table = w.office.sop_at(
        "rizky",
        &[
            "report",
            "--monitoring",
            PERIOD[0],
            PERIOD[1],
            PERIOD[2],
            PERIOD[3],
        ],
        NOW,
    );
    for text in [
        "MONITORING PELAKSANAAN SOP AP",
        "Periode    : 1 November 2026 s.d. 31 Desember 2026",
        "Penilai    : Rizky Ramadhan (NIP 199003152015031002)",
        "berjalan dengan baik",
        "tidak berjalan dengan baik",
        "belum ada data",
        "Rekapitulasi per bulan",
        "November 2026",
        "6 dari 8 langkah (75 %)",
        "3 dari 4 (75 %)",
    ] {
        assert!(table.contains(text), "{text:?} missing:\n{table}");
    }
    assert_eq!(w.office.status(), "", "a report writes nothing");
}

/// The monitoring counts the visits `sop report` counts (`view::visits`): over a period that
/// holds every change, each procedure's steps done are the report's, and its late steps are
/// the report's breaches.
#[test]
fn the_monitoring_counts_what_report_counts() {
    let w = walked();
    let v = monitoring(&w.office, PERIOD);
    let report = w
        .office
        .sop_at("rizky", &["report", "--format", "json"], NOW);
    let report: Value = serde_json::from_str(&report).unwrap();
    let procedures = report.as_array().unwrap();
    assert_eq!(
        procedures.len(),
        3,
        "email, perangkat-pribadi, video-conference"
    );
    for r in procedures {
        let m = row(&v, r["procedure"].as_str().unwrap());
        let steps = r["steps"].as_array().unwrap();
        let done: u64 = steps.iter().map(|s| s["done"].as_u64().unwrap()).sum();
        assert_eq!(m["steps_done"], done, "{}", r["procedure"]);
        let late = |s: &Value| (s["id"].to_string(), s["breaches"].as_u64().unwrap());
        let mut breaches: Vec<_> = steps.iter().map(late).filter(|(_, n)| *n > 0).collect();
        let mut breaching: Vec<_> = m["breaching_steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(late)
            .collect();
        breaches.sort();
        breaching.sort();
        assert_eq!(breaching, breaches, "{}", r["procedure"]);
    }
}

#[test]
fn the_month_recap_counts_each_month_of_the_period() {
    let w = walked();
    let v = monitoring(&w.office, PERIOD);
    let months: Vec<(&str, &str)> = v["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["month"].as_str().unwrap(),
                m["procedure"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        months,
        [
            ("2026-11", "email"),
            ("2026-11", "perangkat-pribadi"),
            ("2026-11", "video-conference"),
            ("2026-12", "email"),
            ("2026-12", "perangkat-pribadi"),
            ("2026-12", "video-conference"),
        ],
        "months in order, procedures in Tabel 7's order, none without a request handled"
    );
    let m = |mon, p| figures(month(&v, mon, p).unwrap());
    // requests, started, finished, steps done, timed, within, late, overdue at the month's end
    assert_eq!(m("2026-11", "email"), [1, 1, 1, 4, 3, 3, 0, 0]);
    assert_eq!(m("2026-12", "email"), [1, 1, 1, 4, 3, 3, 0, 0]);
    assert_eq!(m("2026-11", "perangkat-pribadi"), [1, 1, 1, 4, 4, 3, 0, 0]);
    assert_eq!(
        m("2026-12", "perangkat-pribadi"),
        [1, 1, 0, 4, 4, 3, 0, 0],
        "waiting at a step without a standard time is neither late nor overdue"
    );
    assert_eq!(m("2026-11", "video-conference"), [1, 1, 0, 0, 0, 0, 1, 1]);
    assert_eq!(
        m("2026-12", "video-conference"),
        [1, 0, 0, 0, 0, 0, 1, 1],
        "still open and overdue now, in the month that runs"
    );
    assert_eq!(
        month(&v, "2026-11", "email").unwrap()["within_percent"],
        100.0
    );
    assert_eq!(
        month(&v, "2026-12", "video-conference").unwrap()["within_percent"],
        Value::Null
    );

    // December alone: the November requests that finished then are not handled.
    let dec = monitoring(
        &w.office,
        &["--since", "2026-12-01", "--until", "2026-12-31"],
    );
    assert_eq!(figures(row(&dec, "email")), [1, 1, 1, 4, 3, 3, 0, 0]);
    assert_eq!(
        figures(row(&dec, "perangkat-pribadi")),
        [1, 1, 0, 4, 4, 3, 0, 0]
    );
    assert_eq!(row(&dec, "perangkat-pribadi")["judgement"], "not_good");
    assert_eq!(
        row(&dec, "perangkat-pribadi")["breaching_steps"][0]["id"],
        "persetujuan"
    );
    // One procedure, over the days before anything happened: no data.
    let before = monitoring(
        &w.office,
        &[
            "--procedure",
            "email",
            "--since",
            "2026-10-01",
            "--until",
            "2026-10-31",
        ],
    );
    assert_eq!(before["procedures"].as_array().unwrap().len(), 1);
    assert_eq!(row(&before, "email")["judgement"], "no_data");
    assert_eq!(before["months"], serde_json::json!([]));
}

#[test]
fn the_rule_comes_from_sop_toml() {
    let w = walked();
    let config = w.office.read("sop.toml");
    std::fs::write(
        w.office.path("sop.toml"),
        format!("{config}\n[monitoring]\nwithin_standard = 70\nmax_factor = 3\n"),
    )
    .unwrap();
    assert_eq!(
        monitoring(&w.office, PERIOD)["rule"],
        serde_json::json!({"within_standard": 80, "max_factor": 2}),
        "the rule is HEAD's, not the work tree's"
    );
    w.office.git(&["commit", "-qam", "monitoring rule"]);
    let v = monitoring(&w.office, PERIOD);
    assert_eq!(
        v["rule"],
        serde_json::json!({"within_standard": 70, "max_factor": 3})
    );
    let device = row(&v, "perangkat-pribadi");
    assert_eq!(device["judgement"], "good", "75 % is at least 70 %");
    assert_eq!(
        device["action"],
        "Tidak ada tindakan khusus; perhatikan langkah yang melewati waktu baku: langkah 3 \
         (Menerima Form): 1 dari 2 kali; langkah 4 (Memberikan persetujuan, bila tidak \
         disetujui, diberikan …): 1 dari 2 kali."
    );
    assert!(device["note"].as_str().unwrap().contains(
        "(batas 70 %); tidak ada permintaan yang melewati 3 × jumlah waktu baku (3 × 21 menit)"
    ));

    for (bad, what) in [
        ("within_standard = 120", "within_standard = 120"),
        ("max_factor = 0", "max_factor = 0"),
        ("max_factor = 101", "max_factor = 101"),
        ("most = 2", "unknown field"),
    ] {
        std::fs::write(
            w.office.path("sop.toml"),
            format!("{config}\n[monitoring]\n{bad}\n"),
        )
        .unwrap();
        w.office.git(&["commit", "-qam", "a bad monitoring rule"]);
        w.office
            .sop("rizky", &["report", "--monitoring"])
            .code(3)
            .stderr(predicates::str::contains("sop.toml"))
            .stderr(predicates::str::contains(what));
    }
}

#[test]
fn csv_holds_tabel7_then_the_months() {
    let w = walked();
    let mut args = vec!["report", "--monitoring", "--format", "csv"];
    args.extend(PERIOD);
    let out = w.office.sop_at("rizky", &args, NOW);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header.join(","),
        "procedure,name,month,judgement,penilaian,requests,started,finished,steps_done,\
         steps_timed,steps_within,within_percent,late_requests,overdue_at_end,note,action"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 10 + 6);
    let email = rows
        .iter()
        .find(|r| &r[0] == "email" && r[2].is_empty())
        .unwrap();
    assert_eq!(&email[3], "good");
    assert_eq!(&email[4], "berjalan dengan baik");
    assert_eq!(&email[11], "100");
    assert!(email[14].starts_with("2 permintaan ditangani"));
    let dec = rows
        .iter()
        .find(|r| &r[0] == "perangkat-pribadi" && &r[2] == "2026-12")
        .unwrap();
    assert_eq!(
        dec.iter().skip(3).collect::<Vec<_>>(),
        ["", "", "1", "1", "0", "4", "4", "3", "75", "0", "0", "", ""]
    );
    assert!(
        rows[..10].iter().all(|r| r[2].is_empty()) && rows[10..].iter().all(|r| !r[2].is_empty()),
        "Tabel 7's rows first, then the months"
    );
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn pdf_and_html_are_the_printable_tabel7() {
    let w = walked();
    let file = w.office.home.join("monitoring.pdf");
    let mut args = vec!["report", "--monitoring", "--format", "pdf", "--output"];
    args.push(file.to_str().unwrap());
    args.extend(PERIOD);
    let out = w.office.sop_at("rizky", &args, NOW);
    assert_eq!(out, "", "the PDF goes to the file");
    let bytes = std::fs::read(&file).unwrap();
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    let pages = pdf.get_pages();
    assert!(!pages.is_empty());
    for id in pages.values() {
        let page = pdf.get_dictionary(*id).unwrap();
        let media: Vec<f32> = page
            .get(b"MediaBox")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_float().unwrap())
            .collect();
        assert!(
            (media[2] - 841.89).abs() < 0.1 && (media[3] - 595.28).abs() < 0.1,
            "A4 landscape: {media:?}"
        );
    }
    let text = squeeze(&pdf_text(&bytes));
    for want in [
        "MONITORINGPELAKSANAANSOPAP",
        "UnitKerja",
        "DinasKomunikasidanInformatika",
        "1November2026s.d.31Desember2026",
        "RizkyRamadhan",
        "NIP.199003152015031002",
        "Prosedur",
        "Penilaian",
        "Berjalandenganbaik",
        "Tidakberjalandenganbaik",
        "Catatanhasilpenilaian",
        "Tindakanyangharusdiambil",
        "Parafpenilai",
        "PermintaanEmail(email)",
        "6dari8langkah(75%)",
        "langkah3(MenerimaForm)",
        "belumadadata",
        "REKAPITULASIPERBULAN",
        "Desember2026",
        "Penilai,",
    ] {
        assert!(text.contains(want), "{want} missing from the PDF's text");
    }

    let mut args = vec!["report", "--monitoring", "--format", "html"];
    args.extend(PERIOD);
    let html = w.office.sop_at("rizky", &args, NOW);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("@page { size: A4 landscape"));
    assert!(html.contains("<title>MONITORING PELAKSANAAN SOP AP</title>"));
    assert!(html.matches("<svg").count() >= 1);
    assert!(html.contains("Permintaan Email (email)"));
    assert_eq!(w.office.status(), "");
}

#[test]
fn formats_and_values_it_cannot_take_are_refused() {
    let office = Office::example();
    let before = office.snapshot();
    for (args, code, says) in [
        (
            &["report", "--format", "pdf"][..],
            2,
            "sop report cannot print --format pdf",
        ),
        (
            &["report", "--monitoring", "--format", "id"],
            2,
            "sop report --monitoring cannot print --format id",
        ),
        (&["report", "--output", "x.pdf"], 2, "--monitoring"),
        (
            &[
                "report",
                "--monitoring",
                "--since",
                "2026-12-10",
                "--until",
                "2026-12-01",
            ],
            2,
            "--since 2026-12-10 is after --until 2026-12-01",
        ),
        (
            &[
                "report",
                "--monitoring",
                "--since",
                "2000-01-01",
                "--until",
                "2026-12-01",
            ],
            3,
            "spans 324 months; the monitoring covers at most 120",
        ),
        (
            &["report", "--monitoring", "--procedure", "nope"],
            2,
            "--procedure 'nope' is not known here",
        ),
    ] {
        office
            .sop("rizky", args)
            .code(code)
            .stderr(predicates::str::contains(says));
    }
    assert_eq!(office.snapshot(), before);
    // Someone not in people.toml may read it: the assessor is left blank.
    let v = office.json("tamu@example.id", &["report", "--monitoring"]);
    assert_eq!(v["assessor"], Value::Null);
    // Without --since and --until: twelve months, to today (the office's clock).
    assert_eq!(v["since"], "2025-12-01");
    assert_eq!(v["until"], "2026-11-23");
    let v = office.json(
        "rizky",
        &["report", "--monitoring", "--until", "2026-03-15"],
    );
    assert_eq!(v["since"], "2025-04-01");
}

/// No human output prints a duration as ISO 8601 (`PT3M`, `P1D`): standard times are written
/// as the documents write them, measured ones in the same words.
#[test]
fn human_output_has_no_iso_durations() {
    let w = walked();
    let iso = regex::Regex::new(r"\bP(\d+D|T\d+[HMS])").unwrap();
    let id = &w.email[0];
    let mut outputs = Vec::new();
    for args in [
        vec!["show", id.as_str()],
        vec!["show", &w.device[1]],
        vec!["list"],
        vec!["list", "--format", "csv"],
        vec!["log", id.as_str()],
        vec!["report"],
        vec!["report", "--monitoring"],
        vec!["procedure", "list"],
        vec!["procedure", "show", "email"],
    ] {
        let out = w.office.sop_at("rizky", &args, NOW);
        if let Some(m) = iso.find(&out) {
            panic!("sop {}: {:?} in\n{out}", args.join(" "), m.as_str());
        }
        outputs.push(out);
    }
    // The report's table writes standard and measured times in words.
    let report = &outputs[5];
    for words in ["3 menit", "2 menit", "30 menit", "28 menit"] {
        assert!(report.contains(words), "{words} missing:\n{report}");
    }
    // The check can fail: JSON keeps the documented ISO standard times.
    let json = w
        .office
        .sop_at("rizky", &["report", "--format", "json"], NOW);
    assert!(iso.is_match(&json));
}
