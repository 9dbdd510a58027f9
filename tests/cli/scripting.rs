//! Help that teaches and the scripting contract (issue 13, items 2 and 4): examples in every
//! command's help, the grouped `sop --help`, `--format id`, `-q`, exit 2 for unknown filter
//! values and for formats a command cannot print, CSV times to the second, form fields.

use chrono::Duration;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

use crate::support::Office;

fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stdout).to_string()
}

fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).to_string()
}

/// Every path below `sop`: `new`, `procedure show`, …
fn command_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, prefix: &[String], all: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let mut path = prefix.to_vec();
            path.push(sub.get_name().to_string());
            all.push(path.clone());
            walk(sub, &path, all);
        }
    }
    let mut all = Vec::new();
    walk(&sop::cli::command(), &[], &mut all);
    all
}

#[test]
fn every_commands_help_has_examples() {
    let office = Office::example();
    let paths = command_paths();
    assert!(paths.len() > 25, "{paths:?}");
    for path in paths {
        for flag in ["-h", "--help"] {
            let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
            args.push(flag);
            let out = office.sop("rizky", &args).success();
            let text = stdout(&out);
            assert!(text.contains("Examples:\n  sop "), "sop {args:?}:\n{text}");
            assert!(text.contains("Global options:"), "sop {args:?}:\n{text}");
        }
    }
}

#[test]
fn top_help_groups_the_commands_and_the_global_options() {
    let office = Office::example();
    let text = stdout(&office.sop("rizky", &["--help"]).success());
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("no {needle:?} in:\n{text}"))
    };
    let groups = [
        "Permintaan (requests):",
        "Prosedur (procedures):",
        "Aset (assets):",
        "Audit & berbagi (audit and sharing):",
        "Pengaturan (setup):",
        "Global options:",
    ];
    let places: Vec<usize> = groups.iter().map(|g| at(g)).collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "{text}");
    assert!(at("  new ") < at("Prosedur"), "{text}");
    assert!(at("  verify ") > at("Audit & berbagi"), "{text}");
    assert!(at("--records") > at("Global options:"), "{text}");
    assert!(!text.contains("\nCommands:"), "{text}");
    // procedure graph's default is mermaid, and its help says no other
    let graph = stdout(
        &office
            .sop("rizky", &["procedure", "graph", "--help"])
            .success(),
    );
    assert!(!graph.contains("[default: table]"), "{graph}");
    assert!(graph.contains("mermaid"), "{graph}");
}

#[test]
fn format_id_prints_one_id_per_line_for_every_listing() {
    let office = Office::example();
    let email = office.new_request(
        "putri",
        "email",
        &["nama_lengkap=P", "email_diminta=p@kota.go.id"],
    );
    let vc = office.new_request(
        "dimas",
        "video-conference",
        &["acara=Rapat", "tanggal=2026-12-01"],
    );
    let lines = |who: &str, args: &[&str]| -> Vec<String> {
        let mut all = args.to_vec();
        all.extend(["--format", "id"]);
        stdout(&office.sop(who, &all).success())
            .lines()
            .map(String::from)
            .collect()
    };
    assert_eq!(lines("dewi", &["list"]), vec![vc.clone(), email.clone()]);
    assert_eq!(
        lines("dewi", &["list", "--procedure", "email"]),
        vec![email.clone()]
    );
    let procedures = lines("rizky", &["procedure", "list"]);
    assert_eq!(procedures.len(), 10);
    assert!(procedures.contains(&"email".to_string()));
    let asset = stdout(
        &office
            .sop(
                "eko",
                &["asset", "add", "--kind", "hardware", "--name", "PC", "-q"],
            )
            .success(),
    );
    assert_eq!(
        lines("eko", &["asset", "list"]),
        vec![asset.trim().to_string()]
    );
    let note = office.input_file("catatan.txt", b"catatan rapat\n");
    office
        .sop(
            "dewi",
            &[
                "comment",
                &email,
                "lihat berkas",
                "--attach",
                note.to_str().unwrap(),
            ],
        )
        .success();
    assert_eq!(lines("dewi", &["attachment", &email]), vec!["catatan.txt"]);
    let commits = lines("dewi", &["log", &email]);
    assert_eq!(commits.len(), 2, "{commits:?}");
    assert!(commits.iter().all(|c| c.len() == 40), "{commits:?}");
    assert_eq!(commits[1], office.head());
}

#[test]
fn quiet_changes_print_only_the_id() {
    let office = Office::example();
    let out = office
        .sop(
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
        )
        .success();
    assert_eq!(stderr(&out), "");
    let id = stdout(&out).trim().to_string();
    assert!(id.starts_with("EML-"), "{id}");
    for (who, args) in [
        ("putri", vec!["advance", &id, "--quiet"]),
        ("dewi", vec!["comment", &id, "sudah dicek", "-q"]),
        ("dewi", vec!["advance", &id, "-q"]),
        ("sri", vec!["hold", &id, "--reason", "menunggu", "-q"]),
        ("sri", vec!["resume", &id, "-q"]),
        ("sri", vec!["approve", &id, "-q"]),
    ] {
        let out = office.sop(who, &args).success();
        assert_eq!(stdout(&out), format!("{id}\n"), "{args:?}");
        assert_eq!(stderr(&out), "", "{args:?}");
    }
    // --format id is the same for a change
    let out = office
        .sop("budi", &["advance", &id, "--format", "id"])
        .success();
    assert_eq!(stdout(&out), format!("{id}\n"));
    assert_eq!(office.json("budi", &["show", &id])["status"], "completed");
    let asset = office
        .sop(
            "eko",
            &["asset", "add", "--kind", "hardware", "--name", "PC", "-q"],
        )
        .success();
    assert_eq!(stderr(&asset), "");
    assert!(stdout(&asset).starts_with("AST-"));
}

#[test]
fn unknown_filter_values_are_usage_errors_listing_the_valid_ones() {
    let office = Office::example();
    office.new_request(
        "putri",
        "email",
        &["nama_lengkap=P", "email_diminta=p@kota.go.id"],
    );
    let failed = office
        .sop("dewi", &["list", "--status", "opne"])
        .code(2)
        .stdout("");
    let text = stderr(&failed);
    for status in [
        "open",
        "held",
        "cancelled",
        "completed",
        "rejected",
        "dikembalikan",
    ] {
        assert!(text.contains(status), "{status}: {text}");
    }
    office
        .sop("dewi", &["list", "--procedure", "emial"])
        .code(2)
        .stderr(contains("email").and(contains("video-conference")));
    office
        .sop("dewi", &["list", "--role", "helpdsk"])
        .code(2)
        .stderr(contains("helpdesk").and(contains("subkoor-kip")));
    office
        .sop("dewi", &["report", "--procedure", "emial"])
        .code(2)
        .stderr(contains("email"));
    // known values still work, also one no request has yet
    office
        .sop("dewi", &["list", "--status", "rejected"])
        .success();
    office.sop("dewi", &["list", "--role", "kadis"]).success();
}

#[test]
fn a_format_a_command_cannot_print_is_a_usage_error() {
    let office = Office::example();
    let id = office.new_request(
        "putri",
        "email",
        &["nama_lengkap=P", "email_diminta=p@kota.go.id"],
    );
    let before = office.snapshot();
    for (args, names) in [
        (vec!["show", &id, "--format", "csv"], "table or json"),
        (vec!["show", &id, "--format", "id"], "table or json"),
        (
            vec!["procedure", "show", "email", "--format", "csv"],
            "table or json",
        ),
        (
            vec!["procedure", "graph", "email", "--format", "table"],
            "mermaid or dot",
        ),
        (vec!["report", "--format", "id"], "table, json or csv"),
        (vec!["advance", &id, "--format", "csv"], "table, json or id"),
        (vec!["list", "--format", "dot"], "procedure graph"),
        (vec!["sync", "--format", "json"], "one kind of output"),
    ] {
        office
            .sop("putri", &args)
            .code(2)
            .stdout("")
            .stderr(contains(names));
    }
    office
        .sop("putri", &["advance", &id, "-q", "--format", "json"])
        .code(2)
        .stderr(contains("-q"));
    assert_eq!(office.snapshot(), before, "nothing changed");
}

#[test]
fn csv_times_are_rfc3339_to_the_second() {
    let office = Office::example();
    office.wait(Duration::milliseconds(1_234));
    let id = office.new_request(
        "putri",
        "email",
        &["nama_lengkap=P", "email_diminta=p@kota.go.id"],
    );
    office.wait(Duration::nanoseconds(987_654_321));
    let note = office.input_file("catatan.txt", b"catatan\n");
    office
        .sop(
            "dewi",
            &["comment", &id, "berkas", "--attach", note.to_str().unwrap()],
        )
        .success();
    office
        .sop("putri", &["hold", &id, "--reason", "menunggu"])
        .success();
    let time = regex::Regex::new(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$").unwrap();
    let cells = |args: &[&str], columns: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--format", "csv"]);
        let text = stdout(&office.sop("dewi", &all).success());
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header = reader.headers().unwrap().clone();
        let mut n = 0;
        for row in reader.records() {
            let row = row.unwrap();
            for column in columns {
                let at = header.iter().position(|h| h == *column).unwrap();
                let cell = &row[at];
                if !cell.is_empty() {
                    assert!(time.is_match(cell), "{args:?} {column}: {cell}");
                    n += 1;
                }
            }
        }
        assert!(n > 0, "{args:?}: {text}");
    };
    cells(&["list"], &["created", "due", "hold_since"]);
    cells(&["log", &id], &["at"]);
    cells(&["attachment", &id], &["at"]);
}

#[test]
fn procedure_show_and_new_help_list_the_form_fields() {
    let office = Office::example();
    let shown = stdout(
        &office
            .sop("rizky", &["procedure", "show", "email"])
            .success(),
    );
    let form = &shown[shown.find("Form fields").expect(&shown)..];
    for text in [
        "name",
        "label",
        "type",
        "required",
        "pattern",
        "choices",
        "email_diminta",
        "Alamat email yang diminta",
        "^[a-z0-9._-]+@",
    ] {
        assert!(form.contains(text), "{text}: {form}");
    }
    let vc = stdout(
        &office
            .sop("rizky", &["procedure", "show", "video-conference"])
            .success(),
    );
    assert!(vc.contains("Fields recorded at steps"), "{vc}");
    assert!(vc.contains("tautan_vc"), "{vc}");
    let help = stdout(&office.sop("rizky", &["new", "email", "--help"]).success());
    assert!(help.contains("Usage: sop new"), "{help}");
    assert!(help.contains("Examples:"), "{help}");
    let fields = &help[help.find("Form fields of email").expect(&help)..];
    assert!(fields.contains("nama_lengkap"), "{fields}");
    assert!(fields.contains("yes"), "{fields}");
    // without a procedure, the help alone; a missing field points at the form
    let plain = stdout(&office.sop("rizky", &["new", "-h"]).success());
    assert!(!plain.contains("Form fields of"), "{plain}");
    office
        .sop("putri", &["new", "email", "--field", "nama_lengkap=P"])
        .code(3)
        .stderr(contains("sop procedure show email"));
    office
        .sop("rizky", &["new", "emial", "--help"])
        .code(3)
        .stderr(contains("emial"));
    // The form shown is the committed one, which `sop new` asks for: not an uncommitted edit.
    office.edit(
        "procedures/email.toml",
        "name = \"nama_lengkap\"",
        "name = \"nama_belum_disahkan\"",
    );
    let help = stdout(&office.sop("rizky", &["new", "email", "--help"]).success());
    assert!(help.contains("nama_lengkap"), "{help}");
    assert!(!help.contains("nama_belum_disahkan"), "{help}");
}
