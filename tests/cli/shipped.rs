//! What ships beside the binary stays true: completion files and example records.

use std::process::Command;

use sop::i18n::{text_in, Lang};

use crate::language::{command_line_words, english_words, words};
use crate::support::Office;

/// Regenerates `completions/` and fails when a file was stale, as rust-analyzer's codegen tests do.
#[test]
fn completion_files_are_fresh() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let mut stale = Vec::new();
    for (shell, file) in [
        ("bash", "sop.bash"),
        ("zsh", "_sop"),
        ("fish", "sop.fish"),
        ("powershell", "_sop.ps1"),
        ("elvish", "sop.elv"),
    ] {
        let out = Command::new(assert_cmd::cargo::cargo_bin("sop"))
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(out.status.success());
        let path = dir.join(file);
        if std::fs::read(&path).ok().as_deref() != Some(out.stdout.as_slice()) {
            std::fs::write(&path, &out.stdout).unwrap();
            stale.push(file);
        }
    }
    assert!(stale.is_empty(), "completions/{stale:?} were stale and have been regenerated: run `cargo test` again and commit them");
}

/// The man pages of `sop` and of every subcommand (`sop-procedure-show.1`) in `lang`,
/// rendered by clap_mangen from the command line itself, with the examples of `--help` as an
/// EXAMPLES section (kept as lines, not filled into a paragraph).
fn man_pages(lang: Lang) -> Vec<(String, Vec<u8>)> {
    fn walk(cmd: &clap::Command, lang: Lang, pages: &mut Vec<(String, Vec<u8>)>) {
        let examples = cmd.get_after_help().map(|a| a.to_string());
        let man = clap_mangen::Man::new(cmd.clone().after_help(None::<&str>))
            .source(format!("sop {}", env!("CARGO_PKG_VERSION")))
            .manual(text_in("ManManual", lang));
        let mut page = Vec::new();
        man.render(&mut page).unwrap();
        // roff quotes only arguments with a space, so clap_mangen writes no date as nothing
        // (`.TH sop 1  "sop 0.1.0" "sop Manual"`): man would read the source as the date and
        // the manual as the source, and head the page "General Commands Manual". An empty
        // date, quoted, keeps each in its place.
        let page = String::from_utf8(page).unwrap();
        let mut page = page.replacen(" 1  \"", " 1 \"\" \"", 1);
        if let Some(examples) = examples {
            let mut section = format!(".SH {}\n.nf\n", text_in("ManExamples", Lang::En));
            for line in examples.lines().skip(1) {
                let line = line.trim_start().replace('\\', "\\e").replace('-', "\\-");
                let line = match line.starts_with(['.', '\'']) {
                    true => format!("\\&{line}"),
                    false => line,
                };
                section += &format!("{line}\n");
            }
            section += ".fi\n";
            match page.find(".SH VERSION") {
                Some(at) => page.insert_str(at, &section),
                None => page += &section,
            }
        }
        let page = in_words(&page, lang);
        pages.push((man.get_filename(), page.into_bytes()));
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            walk(sub, lang, pages);
        }
    }
    let mut cmd = sop::cli::command_in(lang)
        .disable_help_subcommand(true)
        .mut_subcommand("procedure", |c| c.disable_help_subcommand(true))
        .mut_subcommand("asset", |c| c.disable_help_subcommand(true));
    cmd.build();
    // The Indonesian command is built already, with its `help` subcommands: left out too.
    let mut cmd = without_help_command(cmd);
    if lang == Lang::Id {
        cmd = laid_out_as_in_english(cmd);
    }
    let mut pages = Vec::new();
    walk(&cmd, lang, &mut pages);
    pages
}

/// `cmd` with the `help` subcommand of it and of its subcommands hidden, as clap_mangen
/// leaves hidden commands out.
fn without_help_command(mut cmd: clap::Command) -> clap::Command {
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().into()).collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |sub| match name.as_str() {
            "help" => sub.hide(true),
            _ => without_help_command(sub),
        });
    }
    cmd
}

/// `cmd` and its subcommands with each argument as clap_mangen lays out English ones: its
/// help alone, the default and the possible values (each with its help) where clap_mangen
/// writes them, and not in the help's text as Indonesian `--help` has them (src/help.rs).
fn laid_out_as_in_english(mut cmd: clap::Command) -> clap::Command {
    cmd = cmd.mut_args(arg_as_in_english);
    // Options before global options, as in English: sop's own help and version flags come
    // after the global options it declares (src/help.rs adds them), so those move to the end.
    let global: Vec<clap::Id> = cmd
        .get_arguments()
        .filter(|a| a.get_help_heading() == Some(text_in("HelpGlobalOptions", Lang::Id)))
        .map(|a| a.get_id().clone())
        .collect();
    for id in global {
        cmd = cmd.mut_arg(id, |a| a);
    }
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().into()).collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, laid_out_as_in_english);
    }
    cmd
}

/// One argument of the Indonesian command line as clap_mangen lays out English ones. Its
/// long help is `--help`'s layout: paragraphs of the help, then "Pilihan:" with a line
/// `- value: its help` for each possible value, or `[bawaan: …]` and `[pilihan: …]` lines.
fn arg_as_in_english(arg: clap::Arg) -> clap::Arg {
    let Some(long) = arg.get_long_help().map(|h| h.to_string()) else {
        return arg;
    };
    let values_title = text_in("HelpValuesLong", Lang::Id);
    let default = format!("[{}: ", text_in("HelpDefault", Lang::Id));
    let values = format!("[{}: ", text_in("HelpValues", Lang::Id));
    let mut help = Vec::new();
    let mut value_help = std::collections::BTreeMap::new();
    let (mut show_default, mut show_values) = (false, false);
    for part in long.split("\n\n") {
        if let Some(list) = part.strip_prefix(values_title) {
            for line in list.lines().filter(|l| !l.is_empty()) {
                let (name, help) = line
                    .strip_prefix("- ")
                    .and_then(|l| l.split_once(':'))
                    .unwrap_or_else(|| panic!("{line:?} in {long:?}"));
                value_help.insert(name.to_string(), help.trim().to_string());
            }
            show_values = true;
        } else if part
            .lines()
            .all(|l| l.starts_with(&default) || l.starts_with(&values))
        {
            show_default |= part.contains(&default);
            show_values |= part.contains(&values);
        } else {
            help.push(part);
        }
    }
    let mut arg = match help.join("\n\n") {
        help if help.is_empty() => arg.help(None::<&str>).long_help(None::<&str>),
        help => arg.help(help.clone()).long_help(help),
    };
    arg = arg
        .hide_default_value(!show_default)
        .hide_possible_values(!show_values);
    if !value_help.is_empty() {
        let values = arg.get_possible_values().into_iter().map(|v| {
            let help = value_help.get(v.get_name()).cloned();
            v.help(help.unwrap_or_default())
        });
        arg = arg.value_parser(clap::builder::PossibleValuesParser::new(values));
    }
    arg
}

/// A page in `lang`: the English words clap_mangen writes itself from the catalogue, as the
/// help says them. Its section titles (and EXAMPLES, ours); the help's headings (`Opsi umum`)
/// it writes as they are, in capitals like the others; `[default: …]` and `Possible values:`
/// beside an option.
fn in_words(page: &str, lang: Lang) -> String {
    const TITLES: &[&str] = &[
        "ManName",
        "ManSynopsis",
        "ManDescription",
        "ManOptions",
        "ManSubcommands",
        "ManVersion",
        "ManExamples",
    ];
    if lang == Lang::En {
        return page.to_string();
    }
    let words = |key: &str, around: &dyn Fn(&str) -> String| {
        (around(text_in(key, Lang::En)), around(text_in(key, lang)))
    };
    let beside = [
        words("HelpDefault", &|w| format!("[{w}: ")),
        words("HelpValuesLong", &|w| format!("\\fI{w}\\fR")),
    ];
    let mut out = String::new();
    for line in page.split_inclusive('\n') {
        let Some(title) = line.strip_prefix(".SH ") else {
            let line = beside
                .iter()
                .fold(line.to_string(), |line, (en, ours)| line.replace(en, ours));
            out += &line;
            continue;
        };
        let title = title.trim_end().trim_matches('"');
        let title = match TITLES.iter().find(|key| text_in(key, Lang::En) == title) {
            Some(key) => text_in(key, lang).to_string(),
            None => title.to_uppercase(),
        };
        out += &match title.contains(' ') {
            true => format!(".SH \"{title}\"\n"),
            false => format!(".SH {title}\n"),
        };
    }
    out
}

/// Where the man pages of `lang` are: `man/` for English, `man/id/` for Indonesian, as `man`
/// looks them up for a locale (`~/.local/share/man/id/man1/`).
fn man_dir(lang: Lang) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    match lang {
        Lang::En => dir,
        Lang::Id => dir.join("id"),
    }
}

/// Regenerates `man/` and `man/id/` and fails when a page was stale, missing or left over.
#[test]
fn man_pages_are_fresh() {
    let mut stale = Vec::new();
    let shown = |path: &std::path::Path| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        path.strip_prefix(root).unwrap().display().to_string()
    };
    for lang in [Lang::En, Lang::Id] {
        let dir = man_dir(lang);
        std::fs::create_dir_all(&dir).unwrap();
        let pages = man_pages(lang);
        for (name, page) in &pages {
            let path = dir.join(name);
            if std::fs::read(&path).ok().as_deref() != Some(page.as_slice()) {
                std::fs::write(&path, page).unwrap();
                stale.push(shown(&path));
            }
        }
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let file = path.file_name().unwrap().to_string_lossy().to_string();
            if file.ends_with(".1") && !pages.iter().any(|(n, _)| *n == file) {
                std::fs::remove_file(&path).unwrap();
                stale.push(shown(&path));
            }
        }
        assert!(
            pages.iter().any(|(n, _)| n == "sop-new.1")
                && pages.iter().any(|(n, _)| n == "sop-procedure-show.1")
                && !pages.iter().any(|(n, _)| n.contains("help")),
            "{:?}",
            pages.iter().map(|(n, _)| n).collect::<Vec<_>>()
        );
    }
    assert!(
        stale.is_empty(),
        "{stale:?} were stale and have been regenerated: run `cargo test` again and commit them"
    );
}

/// The words of a page as `man` shows them: the text of its lines and the titles of its
/// sections, without the roff requests and escapes, nor what is code: `spans in backticks`
/// and the command lines of its examples (their comments stay).
fn man_text(page: &str) -> String {
    let mut text = String::new();
    let mut examples = false;
    for line in page.lines() {
        if let Some(title) = line.strip_prefix(".SH ") {
            examples = title == text_in("ManExamples", Lang::Id);
            text += title;
        } else if let Some(title) = line.strip_prefix(".TH ") {
            text += title;
        } else if line.starts_with('.') {
            continue;
        } else if examples {
            text += line.split_once("  # ").map_or("", |(_, comment)| comment);
        } else {
            text += line;
        }
        text += "\n";
    }
    for (escape, plain) in [
        ("\\fB", ""),
        ("\\fI", ""),
        ("\\fR", ""),
        ("\\*(Aq", "'"),
        ("\\-", "-"),
        ("\\e", "\\"),
        ("\\&", ""),
    ] {
        text = text.replace(escape, plain);
    }
    text.split('`').step_by(2).collect::<Vec<_>>().join(" ")
}

/// An Indonesian page says what its English page says, in its words: the same sections (an
/// ARGUMEN one besides), and the same paragraphs, options, values and examples: the same
/// roff requests but `.SH`.
#[test]
fn indonesian_man_pages_are_laid_out_as_the_english_ones() {
    let requests = |page: &[u8]| {
        let page = String::from_utf8(page.to_vec()).unwrap();
        let mut all: Vec<String> = page
            .lines()
            .filter(|l| l.starts_with('.') && !l.starts_with(".SH "))
            .map(|l| l.split(' ').next().unwrap().to_string())
            .collect();
        all.sort();
        all
    };
    let english = man_pages(Lang::En);
    let indonesian = man_pages(Lang::Id);
    assert_eq!(
        indonesian.iter().map(|(n, _)| n).collect::<Vec<_>>(),
        english.iter().map(|(n, _)| n).collect::<Vec<_>>()
    );
    for ((name, id), (_, en)) in indonesian.iter().zip(&english) {
        assert_eq!(requests(id), requests(en), "man/id/{name} and man/{name}");
    }
}

#[test]
fn indonesian_man_pages_have_no_english_word_of_the_catalogue() {
    let english = english_words();
    for word in [
        "synopsis",
        "description",
        "examples",
        "version",
        "possible",
        "default",
    ] {
        assert!(english.contains(word), "{word} is not in {english:?}");
    }
    let code = command_line_words();
    for (name, page) in man_pages(Lang::Id) {
        let page = String::from_utf8(page).unwrap();
        for title in [
            "NAMA",
            "RINGKASAN",
            "DESKRIPSI",
            "OPSI",
            "\"OPSI UMUM\"",
            "CONTOH",
        ] {
            assert!(
                page.contains(&format!("\n.SH {title}\n")) || name == "sop.1" && title == "CONTOH",
                "{name} has no section {title}:\n{page}"
            );
        }
        assert!(page.contains(" \"Panduan sop\"\n"), "{name}:\n{page}");
        let said = words(&man_text(&page));
        let leaked: Vec<&String> = said
            .difference(&code)
            .filter(|w| english.contains(*w))
            .collect();
        assert!(
            leaked.is_empty(),
            "English words {leaked:?} in man/id/{name}:\n{page}"
        );
    }
}

#[test]
fn example_records_parse_and_pass_the_lint() {
    let office = Office::example();
    office
        .sop("rizky", &["procedure", "check"])
        .success()
        .stdout("")
        .stderr(predicates::str::contains(
            "10 procedure(s) checked: no findings",
        ));
    let list = office.json("rizky", &["procedure", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 10);
    assert_eq!(office.status(), "");
    assert_eq!(office.commit_count(), 1);
    assert_eq!(
        office.last_commit().trailer("Sop-Action").as_deref(),
        Some("init")
    );
}

/// The totals `sop procedure show` prints match the documents' Total rows.
#[test]
fn standard_time_totals_match_the_documents() {
    let office = Office::example();
    for (id, total, minutes) in [
        ("perangkat-pribadi", "PT21M", "21 menit"),
        ("instalasi-piranti-lunak", "PT1H47M", "107 menit"),
        ("video-conference", "PT7M", "7 menit"),
        ("email", "PT7M", "7 menit"),
    ] {
        let v = office.json("rizky", &["procedure", "show", id]);
        assert_eq!(v["total"], total, "{id}");
        office
            .sop("rizky", &["procedure", "show", id])
            .success()
            .stdout(predicates::str::contains(format!("Total: {minutes}")));
    }
}

/// A draft whose steps have no standard time yet shows none in `sop procedure list`, not a
/// total of "0 minutes"; the others show their total.
#[test]
fn a_procedure_without_standard_times_lists_no_total() {
    let office = Office::example();
    let out = office.sop("rizky", &["procedure", "list"]).success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let row = |id: &str| {
        let line = text.lines().find(|l| l.starts_with(&format!("{id} ")));
        line.unwrap_or_else(|| panic!("no row for {id}:\n{text}"))
            .to_string()
    };
    assert!(row("evaluasi-aset").ends_with("  -"), "{text}");
    assert!(row("email").ends_with("7 menit"), "{text}");
}

#[test]
fn procedure_show_json_has_the_spec_shape() {
    let office = Office::example();
    let v = office.json("rizky", &["procedure", "show", "instalasi-piranti-lunak"]);
    assert_eq!(v["id"], "instalasi-piranti-lunak");
    assert_eq!(v["version"], 1);
    let steps = v["steps"].as_array().unwrap();
    let s2 = steps.iter().find(|s| s["number"] == 2).unwrap();
    assert_eq!(s2["kind"], "decision");
    assert_eq!(s2["time"], "PT5M");
    assert_eq!(
        s2["next"]["datacenter"],
        steps.iter().find(|s| s["number"] == 4).unwrap()["id"]
    );
    let first = &steps[0];
    assert_eq!(first["next"]["done"], s2["id"]);
    let end = steps.iter().find(|s| s["number"] == 13).unwrap();
    assert_eq!(end["kind"], "end");
    assert_eq!(end["outcome"], "completed");
    assert_eq!(end["next"], serde_json::json!({}));
    let s5 = steps.iter().find(|s| s["number"] == 5).unwrap();
    assert_eq!(s5["time"], serde_json::Value::Null);
}

#[test]
fn list_filters_and_formats() {
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
    office.sop("putri", &["advance", &email]).success();
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["list"];
        all.extend_from_slice(args);
        office
            .json("dewi", &all)
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&[]), vec![vc.clone(), email.clone()]);
    assert_eq!(ids(&["--procedure", "email"]), vec![email.clone()]);
    assert_eq!(ids(&["--role", "helpdesk"]), vec![email.clone()]);
    assert_eq!(
        ids(&["--mine"]),
        vec![email.clone()],
        "dewi is helpdesk: the email waits on her"
    );
    assert_eq!(ids(&["--status", "completed"]), Vec::<String>::new());
    let row = &office.json("dewi", &["list"])[1];
    for key in [
        "id",
        "procedure",
        "title",
        "status",
        "step",
        "role",
        "created",
        "due",
        "overdue",
    ] {
        assert!(row.get(key).is_some(), "list JSON lacks {key}");
    }
    assert_eq!(
        row["due"], "2026-11-23T09:06:00+07:00",
        "2 minutes after arriving at 09:04"
    );
    office.wait(chrono::Duration::hours(3));
    assert_eq!(ids(&["--overdue"]), vec![vc.clone(), email.clone()]);
    let csv = office
        .sop("dewi", &["list", "--format", "csv"])
        .success()
        .get_output()
        .stdout
        .clone();
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.starts_with(
            "id,procedure,title,status,step,role,requester,created,due,overdue,\
             assignee,hold_reason,hold_since,hold_until,on_behalf_of\n"
        ),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 3);
    // the list cache follows changes
    office.sop("dewi", &["advance", &email]).success();
    assert_eq!(ids(&["--role", "subkoor-kip"]), vec![email.clone()]);
    assert_eq!(ids(&["--role", "helpdesk"]), Vec::<String>::new());
    // a unique prefix is enough
    let short = &email[..7];
    let shown = office.json("dewi", &["show", short]);
    assert_eq!(shown["id"], email.as_str());
}

#[test]
fn procedure_graph_draws_swimlanes_and_every_way_out() {
    let office = Office::example();
    let out = office
        .sop("rizky", &["procedure", "graph", "email"])
        .success()
        .get_output()
        .stdout
        .clone();
    let mermaid = String::from_utf8(out).unwrap();
    assert!(mermaid.contains("flowchart TD"), "{mermaid}");
    assert!(mermaid.contains("subgraph lane2[\"Sub Koordinator KIP\"]\n    s2{\"3. Memberi persetujuan atas<br/>permintaan\"}"), "{mermaid}");
    assert!(mermaid.contains("s2 -->|\"Ya\"| s3"), "{mermaid}");
    assert!(mermaid.contains("s2 -->|\"Tidak\"| s0"), "{mermaid}");
    let out = office
        .sop(
            "rizky",
            &[
                "procedure",
                "graph",
                "instalasi-piranti-lunak",
                "--format",
                "dot",
            ],
        )
        .success()
        .get_output()
        .stdout
        .clone();
    let dot = String::from_utf8(out).unwrap();
    assert!(
        dot.starts_with("digraph \"instalasi-piranti-lunak\" {"),
        "{dot}"
    );
    assert!(dot.contains("label=\"Sub Koordinator IIDC\";"), "{dot}");
    assert!(dot.contains("[label=\"Datacenter\"]"), "{dot}");
    assert!(dot.contains("[label=\"Belum tepat\"]"), "{dot}");
    office
        .sop("rizky", &["list", "--format", "dot"])
        .code(2)
        .stderr(predicates::str::contains("for `sop procedure graph` only"));
}
