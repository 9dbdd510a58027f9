//! Indonesian and English: the language is sop.toml's `language` as committed, else
//! `SOP_LANG`, else the locale; human output is translated, JSON is not.

use std::collections::BTreeSet;

use assert_cmd::prelude::*;
use predicates::str::contains;

use crate::support::Office;

const EMAIL: &[&str] = &[
    "nama_lengkap=Putri Handayani",
    "email_diminta=putri@kota.go.id",
];

/// `sop init --example` as shipped: its sop.toml says `language = "id"`.
pub(crate) fn indonesian_office() -> Office {
    let office = Office::empty();
    office
        .sop_cmd()
        .args(["init", "--example"])
        .arg(&office.root)
        .assert()
        .success();
    office
}

/// The lowercase words (letters only, three or more) of a text, placeholders left out.
pub(crate) fn words(text: &str) -> BTreeSet<String> {
    let mut plain = String::new();
    let mut in_placeholder = false;
    for c in text.chars() {
        match c {
            '{' => in_placeholder = true,
            '}' => in_placeholder = false,
            _ if in_placeholder => {}
            _ => plain.push(c),
        }
    }
    plain
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
}

/// The words only the English texts of the catalogue use.
pub(crate) fn english_words() -> BTreeSet<String> {
    let catalogue = sop::i18n::CATALOGUE;
    let indonesian: BTreeSet<String> = catalogue.iter().flat_map(|e| words(e.id)).collect();
    catalogue
        .iter()
        .flat_map(|e| words(e.en))
        .filter(|w| !indonesian.contains(w))
        .collect()
}

/// `text` without what the office wrote itself (role labels of sop.toml, people's names, the
/// activities of procedure `procedure`): those stay as written in every language.
pub(crate) fn without_office_texts(office: &Office, procedure: &str, text: &str) -> String {
    let mut office_texts: Vec<String> = Vec::new();
    let config: toml::Value = toml::from_str(&office.read("sop.toml")).unwrap();
    for label in config["roles"].as_table().unwrap().values() {
        office_texts.push(label.as_str().unwrap().to_string());
    }
    let people: toml::Value = toml::from_str(&office.read("people.toml")).unwrap();
    for person in people["people"].as_array().unwrap() {
        office_texts.push(person["name"].as_str().unwrap().to_string());
    }
    let p = office.json("putri", &["procedure", "show", procedure]);
    for step in p["steps"].as_array().unwrap() {
        office_texts.push(step["activity"].as_str().unwrap().to_string());
    }
    office_texts.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let mut text = text.to_string();
    for t in office_texts.iter().filter(|t| !t.is_empty()) {
        text = text.replace(t.as_str(), " ");
    }
    text
}

#[test]
fn a_refusal_in_indonesian_has_no_english_word_of_the_catalogue() {
    let office = indonesian_office();
    let id = office.new_request("putri", "email", EMAIL);
    office.sop("putri", &["advance", &id]).success();
    office.sop("dewi", &["advance", &id]).success();
    let before = office.snapshot();
    let out = office.sop("budi", &["approve", &id]).code(4).stdout("");
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("tidak berwenang"), "{stderr}");
    assert!(stderr.contains("sri (Sri Wahyuni)"), "{stderr}");
    let english = english_words();
    assert!(
        english.contains("may") && english.contains("step"),
        "{english:?}"
    );
    let said = words(&without_office_texts(&office, "email", &stderr));
    let leaked: Vec<&String> = said.intersection(&english).collect();
    assert!(leaked.is_empty(), "English words {leaked:?} in: {stderr}");
    assert_eq!(office.snapshot(), before);
}

#[test]
fn the_same_refusal_in_english() {
    let office = Office::example();
    let id = office.new_request("putri", "email", EMAIL);
    office.sop("putri", &["advance", &id]).success();
    office.sop("dewi", &["advance", &id]).success();
    office
        .sop("budi", &["approve", &id])
        .code(4)
        .stderr(contains("error: budi may not do step 'persetujuan'"));
}

#[test]
fn committed_language_wins_over_sop_lang_and_an_uncommitted_edit_does_not_count() {
    let office = indonesian_office();
    office
        .sop_cmd()
        .env("SOP_LANG", "en")
        .args(["--as", "putri", "show", "EML-NOPE"])
        .assert()
        .code(3)
        .stderr(contains("galat: tidak ada permintaan EML-NOPE"));
    office.edit("sop.toml", "language = \"id\"", "language = \"en\"");
    office
        .sop_cmd()
        .env("SOP_LANG", "en")
        .args(["--as", "putri", "show", "EML-NOPE"])
        .assert()
        .code(3)
        .stderr(contains(
            "peringatan: sop.toml memiliki perubahan yang belum di-commit",
        ))
        .stderr(contains("galat: tidak ada permintaan EML-NOPE"));
    office.git_as(
        "Rizky",
        "rizky@diskominfo.example.go.id",
        &["commit", "-qam", "English"],
    );
    office
        .sop_cmd()
        .env("SOP_LANG", "id")
        .args(["--as", "putri", "show", "EML-NOPE"])
        .assert()
        .code(3)
        .stderr(contains("error: no request EML-NOPE"));
}

#[test]
fn the_environment_chooses_where_sop_toml_does_not() {
    let office = Office::empty();
    std::fs::create_dir_all(&office.root).unwrap();
    let run = |vars: &[(&str, &str)]| {
        let mut cmd = office.sop_cmd();
        for (k, v) in vars {
            cmd.env(k, v);
        }
        let out = cmd.arg("list").output().unwrap();
        assert_eq!(out.status.code(), Some(3));
        String::from_utf8(out.stderr).unwrap()
    };
    assert!(run(&[("LANG", "id_ID.UTF-8")]).starts_with("galat: bukan di direktori catatan"));
    assert!(run(&[]).starts_with("error: not in a records directory"));
    assert!(run(&[("SOP_LANG", "id")]).starts_with("galat: "));
    assert!(run(&[("LANG", "id_ID.UTF-8"), ("SOP_LANG", "en")]).starts_with("error: "));
    assert!(run(&[("LANG", "id_ID.UTF-8"), ("LC_ALL", "C")]).starts_with("error: "));
}

#[test]
fn list_speaks_indonesian_and_json_does_not_change() {
    let office = indonesian_office();
    let id = office.new_request("putri", "email", EMAIL);
    let table = office.sop("putri", &["list"]).success();
    let out = String::from_utf8(table.get_output().stdout.clone()).unwrap();
    let header = out.lines().next().unwrap();
    for word in [
        "nomor",
        "prosedur",
        "judul",
        "langkah",
        "pelaksana",
        "tenggat",
    ] {
        assert!(header.contains(word), "{header}");
    }
    assert!(out.contains("diproses"), "{out}");
    assert!(!out.contains("open"), "{out}");
    office
        .sop("putri", &["list", "--status", "diproses", "--format", "id"])
        .success()
        .stdout(format!("{id}\n"));
    // The same moment for both languages: the clock moves a minute a command.
    let at = "2026-11-24T10:00:00+07:00";
    let fixed = |args: &[&str]| office.sop_at("putri", args, at);
    let list_id = fixed(&["list", "--format", "json"]);
    let show_id = fixed(&["show", &id, "--format", "json"]);
    let csv_id = fixed(&["list", "--format", "csv"]);
    assert!(list_id.contains("\"status\": \"open\""), "{list_id}");
    office.edit("sop.toml", "language = \"id\"", "language = \"en\"");
    office.git_as(
        "Rizky",
        "rizky@diskominfo.example.go.id",
        &["commit", "-qam", "English"],
    );
    let table = office.sop("putri", &["list"]).success();
    let out = String::from_utf8(table.get_output().stdout.clone()).unwrap();
    assert!(out.starts_with("id "), "{out}");
    assert!(out.contains("open"), "{out}");
    assert_eq!(fixed(&["list", "--format", "json"]), list_id);
    assert_eq!(fixed(&["show", &id, "--format", "json"]), show_id);
    assert_eq!(fixed(&["list", "--format", "csv"]), csv_id);
}

/// The words of sop's command line that are code, the same in every language: the commands'
/// names, the options' names, value names, possible values and environment variables.
pub(crate) fn command_line_words() -> BTreeSet<String> {
    fn walk(cmd: &clap::Command, all: &mut BTreeSet<String>) {
        all.extend(words(cmd.get_name()));
        for arg in cmd.get_arguments() {
            all.extend(words(arg.get_id().as_str()));
            all.extend(arg.get_long().map(words).unwrap_or_default());
            for name in arg.get_value_names().unwrap_or_default() {
                all.extend(words(name));
            }
            for value in arg.get_possible_values() {
                all.extend(words(value.get_name()));
            }
            if let Some(env) = arg.get_env() {
                all.extend(words(&env.to_string_lossy()));
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, all);
        }
    }
    let mut cmd = sop::cli::command();
    cmd.build();
    let mut all = BTreeSet::new();
    walk(&cmd, &mut all);
    all
}

/// Every command's path below `sop`: "" (sop itself), `new`, `procedure show`, …
fn command_paths() -> Vec<String> {
    fn walk(cmd: &clap::Command, prefix: &str, all: &mut Vec<String>) {
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let path = format!("{prefix}{}", sub.get_name());
            all.push(path.clone());
            walk(sub, &format!("{path} "), all);
        }
    }
    let mut all = vec![String::new()];
    walk(&sop::cli::command(), "", &mut all);
    all
}

/// A help text without what is code: `spans in backticks` and the commands of its examples
/// (their comments stay).
fn without_code(help: &str) -> String {
    let mut text = String::new();
    let mut examples = false;
    for line in help.lines() {
        examples |= line == "Contoh:";
        let line = match (examples, line.split_once("  # ")) {
            (true, Some((_, comment))) => comment,
            (true, None) => "",
            (false, _) => line,
        };
        text += line;
        text += "\n";
    }
    text.split('`').step_by(2).collect::<Vec<_>>().join(" ")
}

#[test]
fn the_help_of_every_command_in_indonesian_has_no_english_word_of_the_catalogue() {
    let office = indonesian_office();
    let english = english_words();
    let code = command_line_words();
    for word in [
        "usage",
        "options",
        "arguments",
        "commands",
        "possible",
        "default",
    ] {
        assert!(english.contains(word), "{word} is not in {english:?}");
    }
    for path in command_paths() {
        let mut args: Vec<&str> = path.split(' ').filter(|p| !p.is_empty()).collect();
        for flag in ["-h", "--help"] {
            args.push(flag);
            let out = office.sop_cmd().args(&args).output().unwrap();
            args.pop();
            assert!(out.status.success(), "sop {path} {flag}");
            let help = String::from_utf8(out.stdout).unwrap();
            assert!(
                help.contains("Penggunaan: sop"),
                "sop {path} {flag}:\n{help}"
            );
            let said = words(&without_code(&help));
            let leaked: Vec<&String> = said
                .difference(&code)
                .filter(|w| english.contains(*w))
                .collect();
            assert!(
                leaked.is_empty(),
                "English words {leaked:?} in sop {path} {flag}:\n{help}"
            );
        }
    }
}

#[test]
fn the_help_outside_a_records_directory_follows_sop_lang() {
    let office = Office::empty();
    std::fs::create_dir_all(&office.root).unwrap();
    let help = |lang: &str| {
        let out = office
            .sop_cmd()
            .env("SOP_LANG", lang)
            .args(["list", "-h"])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let id = help("id");
    assert!(id.contains("Penggunaan: sop list [OPSI]"), "{id}");
    assert!(
        id.contains("Opsi:\n") && id.contains("Opsi umum:\n"),
        "{id}"
    );
    assert!(
        id.contains("[bawaan: auto] [pilihan: auto, always, never]"),
        "{id}"
    );
    assert!(
        id.contains("Menampilkan bantuan (selengkapnya dengan '--help')"),
        "{id}"
    );
    let en = help("en");
    assert!(en.contains("Usage: sop list [OPTIONS]"), "{en}");
    assert!(
        en.contains("Options:\n") && en.contains("Global options:\n"),
        "{en}"
    );
    assert!(
        en.contains("[default: auto] [possible values: auto, always, never]"),
        "{en}"
    );
    assert!(en.contains("Print help (see more with '--help')"), "{en}");
}

#[test]
fn clap_s_errors_in_indonesian_exit_2_and_english_stays_clap_s() {
    let office = indonesian_office();
    let error = |args: &[&str]| {
        let out = office.sop_cmd().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "sop {args:?}");
        assert!(out.stdout.is_empty());
        String::from_utf8(out.stderr).unwrap()
    };
    let english = english_words();
    let code = command_line_words();
    let cases: &[(&[&str], &str)] = &[
        (&["list", "--stat", "x"], "galat: argumen '--stat' tidak dikenal"),
        (&["list", "--color", "biru"], "galat: nilai 'biru' tidak sah untuk '--color <COLOR>'\n  [pilihan: auto, always, never]"),
        (&["reject", "EML-1"], "galat: argumen wajib berikut belum diberikan:\n  --reason <REASON>"),
        (&["lst"], "galat: subperintah 'lst' tidak dikenal"),
        (&["hold", "X", "--reason", "a", "--reason", "b"], "tidak boleh dipakai lebih dari sekali"),
        (&["procedure", "--", "show"], "saran: subperintah 'show' ada; untuk memakainya, hapus '--' di depannya"),
    ];
    for (args, expected) in cases {
        let stderr = error(args);
        assert!(stderr.contains(expected), "{stderr}");
        assert!(
            stderr.contains("Untuk keterangan lebih lanjut, coba '--help'."),
            "{stderr}"
        );
        let said = words(&stderr);
        let leaked: Vec<&String> = said
            .difference(&code)
            .filter(|w| english.contains(*w))
            .collect();
        assert!(leaked.is_empty(), "English words {leaked:?} in: {stderr}");
    }
    assert!(error(&["list", "--stat", "x"]).contains("saran: ada argumen yang mirip: '--status'"));
    assert!(error(&["list", "--stat", "x"]).contains("Penggunaan: sop list --status <STATUS>"));

    let out = office
        .sop_cmd()
        .env("SOP_LANG", "en")
        .current_dir("/")
        .args(["list", "--stat", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: unexpected argument '--stat' found\n\n  tip: a similar argument exists: '--status'\n\n\
         Usage: sop list --status <STATUS>\n\nFor more information, try '--help'.\n"
    );
}

#[test]
fn completion_scripts_stay_english_in_an_indonesian_office() {
    let office = indonesian_office();
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/sop.fish");
    let out = office
        .sop_cmd()
        .args(["completions", "fish"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        std::fs::read_to_string(shipped).unwrap()
    );
}
