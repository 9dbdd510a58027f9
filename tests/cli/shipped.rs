//! What ships beside the binary stays true: completion files and example records.

use std::process::Command;

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

/// The man pages of `sop` and of every subcommand (`man/sop-procedure-show.1`), rendered by
/// clap_mangen from the command line itself, with the examples of `--help` as an EXAMPLES
/// section (kept as lines, not filled into a paragraph).
fn man_pages() -> Vec<(String, Vec<u8>)> {
    fn walk(cmd: &clap::Command, pages: &mut Vec<(String, Vec<u8>)>) {
        let examples = cmd.get_after_help().map(|a| a.to_string());
        let man = clap_mangen::Man::new(cmd.clone().after_help(None::<&str>))
            .source(format!("sop {}", env!("CARGO_PKG_VERSION")))
            .manual("sop Manual");
        let mut page = Vec::new();
        man.render(&mut page).unwrap();
        let mut page = String::from_utf8(page).unwrap();
        if let Some(examples) = examples {
            let mut section = String::from(".SH EXAMPLES\n.nf\n");
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
        pages.push((man.get_filename(), page.into_bytes()));
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            walk(sub, pages);
        }
    }
    let mut cmd = sop::cli::command()
        .disable_help_subcommand(true)
        .mut_subcommand("procedure", |c| c.disable_help_subcommand(true))
        .mut_subcommand("asset", |c| c.disable_help_subcommand(true));
    cmd.build();
    let mut pages = Vec::new();
    walk(&cmd, &mut pages);
    pages
}

/// Regenerates `man/` and fails when a page was stale, missing or left over.
#[test]
fn man_pages_are_fresh() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    std::fs::create_dir_all(&dir).unwrap();
    let pages = man_pages();
    let mut stale = Vec::new();
    for (name, page) in &pages {
        let path = dir.join(name);
        if std::fs::read(&path).ok().as_deref() != Some(page.as_slice()) {
            std::fs::write(&path, page).unwrap();
            stale.push(name.clone());
        }
    }
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        if name.ends_with(".1") && !pages.iter().any(|(n, _)| *n == name) {
            std::fs::remove_file(dir.join(&name)).unwrap();
            stale.push(name);
        }
    }
    assert!(
        pages.iter().any(|(n, _)| n == "sop-new.1")
            && pages.iter().any(|(n, _)| n == "sop-procedure-show.1"),
        "{:?}",
        pages.iter().map(|(n, _)| n).collect::<Vec<_>>()
    );
    assert!(stale.is_empty(), "man/{stale:?} were stale and have been regenerated: run `cargo test` again and commit them");
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
