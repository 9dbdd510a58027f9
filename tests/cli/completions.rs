//! Completions with live values (issue 13, item 5): the binary driven as the shells drive it
//! (`COMPLETE=SHELL sop -- sop WORDS…`) in a test repository, and the shells' glue
//! (`COMPLETE=SHELL sop`) checked with bash itself, and with fish when it is installed.

use std::process::Command;

use crate::support::Office;

const EMAIL: &[&str] = &[
    "nama_lengkap=Putri Handayani",
    "email_diminta=putri@kota.go.id",
];

/// What the shell gets for the last of `words` (after `sop`), run in `office`'s records
/// directory as fish asks: one candidate a line, `VALUE` or `VALUE<TAB>DESCRIPTION`.
/// Asserts that the completion printed nothing on stderr and exited 0.
fn complete(office: &Office, words: &[&str]) -> Vec<String> {
    let mut cmd = office.sop_cmd();
    cmd.env("COMPLETE", "fish").arg("--").arg("sop").args(words);
    lines(cmd, words)
}

fn lines(mut cmd: Command, words: &[&str]) -> Vec<String> {
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "sop {words:?}: {out:?}");
    assert_eq!(stderr, "", "sop {words:?} wrote on stderr");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(String::from)
        .collect()
}

/// The values only (no descriptions), options (`--note`) left out.
fn values(office: &Office, words: &[&str]) -> Vec<String> {
    complete(office, words)
        .into_iter()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .filter(|v| !v.starts_with('-'))
        .collect()
}

/// A new email request by putri, titled `title`: its id.
fn new_email(office: &Office, title: &str) -> String {
    let mut args = vec!["new", "email", "--title", title];
    for field in EMAIL {
        args.extend(["--field", field]);
    }
    office.json("putri", &args)["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// An email request by putri, titled `title`, advanced to its approval step.
fn at_approval(office: &Office, title: &str) -> String {
    let id = new_email(office, title);
    office.sop("putri", &["advance", &id]).success();
    office.sop("dewi", &["advance", &id]).success();
    id
}

/// Five email requests, oldest first: at the approval step, at the form (a task), cancelled
/// at the approval step, held at it, and completed.
struct Five {
    approval: String,
    form: String,
    cancelled: String,
    held: String,
    completed: String,
}

fn five(office: &Office) -> Five {
    let approval = at_approval(office, "Akun Putri");
    let form = new_email(office, "Akun kedua");
    let cancelled = at_approval(office, "Akun batal");
    office
        .sop("putri", &["cancel", &cancelled, "--reason", "tidak jadi"])
        .success();
    let held = at_approval(office, "Akun ditahan");
    office
        .sop("sri", &["hold", &held, "--reason", "menunggu SK"])
        .success();
    let completed = at_approval(office, "Akun selesai");
    office.sop("sri", &["approve", &completed]).success();
    office.sop("budi", &["advance", &completed]).success();
    Five {
        approval,
        form,
        cancelled,
        held,
        completed,
    }
}

#[test]
fn approve_completes_only_open_requests_at_an_approval_step() {
    let office = Office::example();
    let r = five(&office);
    let before = office.snapshot();

    assert_eq!(
        values(&office, &["approve", "EM"]),
        vec![r.approval.clone()]
    );
    assert_eq!(values(&office, &["reject", "em"]), vec![r.approval.clone()]);
    assert_eq!(
        complete(&office, &["approve", "EM"]),
        vec![format!("{}\tAkun Putri", r.approval)]
    );
    // the whole id, or a start of it that only one request has
    let start = &r.approval[..6];
    assert_eq!(
        values(&office, &["approve", start]),
        vec![r.approval.clone()]
    );
    assert!(values(&office, &["approve", "IPL"]).is_empty());
    // advance takes the one at a task step; hold the open ones; resume the held one
    assert_eq!(values(&office, &["advance", "EM"]), vec![r.form.clone()]);
    assert_eq!(
        values(&office, &["hold", "EM"]),
        vec![r.form.clone(), r.approval.clone()]
    );
    assert_eq!(values(&office, &["resume", "EM"]), vec![r.held.clone()]);
    assert_eq!(
        values(&office, &["cancel", "EM"]),
        vec![r.held.clone(), r.form.clone(), r.approval.clone()]
    );
    // show takes any: open and held ones first, newest first, then finished ones, with
    // their titles and, when not open, their status
    assert_eq!(
        complete(&office, &["show", "E"]),
        vec![
            format!("{}\tAkun ditahan [held]", r.held),
            format!("{}\tAkun kedua", r.form),
            format!("{}\tAkun Putri", r.approval),
            format!("{}\tAkun selesai [completed]", r.completed),
            format!("{}\tAkun batal [cancelled]", r.cancelled),
        ]
    );
    assert_eq!(values(&office, &["log", "E"]).len(), 5);
    assert_eq!(values(&office, &["verify", &r.form, "E"]).len(), 5);
    // a completion writes nothing but sop's caches in the git folder
    assert_eq!(office.snapshot(), before);
}

#[test]
fn as_completes_person_ids_with_their_names() {
    let office = Office::example();
    let people = complete(&office, &["--as", ""]);
    assert_eq!(people.len(), 20, "{people:?}");
    assert_eq!(people[0], "rizky\tRizky Ramadhan");
    assert!(
        people.contains(&"sri\tSri Wahyuni".to_string()),
        "{people:?}"
    );
    assert_eq!(
        complete(&office, &["--as", "pu"]),
        vec!["putri\tPutri Handayani"]
    );
    // after the command too, and for list's person filters
    let id = at_approval(&office, "Akun Putri");
    assert_eq!(
        values(&office, &["approve", &id, "--as", "s"]),
        vec!["sri", "siti"]
    );
    assert_eq!(values(&office, &["list", "--assignee", "bu"]), vec!["budi"]);
    // assign: those who hold a role of the request's current step
    assert_eq!(values(&office, &["assign", &id, ""]), vec!["sri", "hendra"]);
}

#[test]
fn statuses_procedures_and_roles_complete_to_what_the_filters_take() {
    let office = Office::example();
    five(&office);
    let statuses = values(&office, &["list", "--status", ""]);
    assert_eq!(
        statuses,
        vec![
            "open",
            "held",
            "cancelled",
            "completed",
            "dikembalikan",
            "rejected"
        ]
    );
    // the same values `sop list --status` names when it refuses one
    let refused = office.sop("putri", &["list", "--status", "bogus"]).code(2);
    let message = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    for status in &statuses {
        assert!(message.contains(status.as_str()), "{status}: {message}");
    }
    assert_eq!(
        values(&office, &["list", "--status", "c"]),
        vec!["cancelled", "completed"]
    );

    let procedures = complete(&office, &["new", ""]);
    let procedures: Vec<&String> = procedures.iter().filter(|l| !l.starts_with('-')).collect();
    assert_eq!(procedures.len(), 10, "{procedures:?}");
    assert!(procedures.contains(&&"email\tPermintaan Email".to_string()));
    assert_eq!(values(&office, &["procedure", "show", "em"]), vec!["email"]);
    assert_eq!(
        values(&office, &["procedure", "doc", "vi"]),
        vec!["video-conference"]
    );
    assert_eq!(
        values(&office, &["list", "--procedure", "pen"]),
        vec!["penggunaan-aset", "penghapusan-aset"]
    );
    assert_eq!(
        values(&office, &["report", "--procedure", "ema"]),
        vec!["email"]
    );
    assert_eq!(
        values(&office, &["list", "--role", "subkoor"]),
        vec!["subkoor-kip", "subkoor-iidc"]
    );
    assert_eq!(
        values(&office, &["asset", "list", "--status", "in-"]),
        vec!["in-stock", "in-use", "in-repair"]
    );
}

#[test]
fn choose_completes_the_options_of_the_current_decision_step() {
    let office = Office::example();
    let id = office.new_request(
        "putri",
        "instalasi-piranti-lunak",
        &["nama_piranti_lunak=LibreOffice"],
    );
    assert!(values(&office, &["advance", &id, "--choose", ""]).is_empty());
    office.sop("budi", &["advance", &id]).success();
    assert_eq!(
        complete(&office, &["advance", &id[..7], "--choose", ""]),
        vec![
            "datacenter\tMemeriksa persyaratan instalasi SW, apakah lengkap atau tidak",
            "user\tMenerima pemberitahuan akan adanya instalasi SW",
        ]
    );
    assert_eq!(
        values(&office, &["advance", &id, "--choose", "u"]),
        vec!["user"]
    );
    // an id that names no request, or several, gives no options
    assert!(values(&office, &["advance", "EML-", "--choose", ""]).is_empty());
    office.new_request(
        "putri",
        "instalasi-piranti-lunak",
        &["nama_piranti_lunak=Inkscape"],
    );
    assert!(values(&office, &["advance", "IPL-", "--choose", ""]).is_empty());
}

#[test]
fn assets_and_attachments_complete() {
    let office = Office::example();
    office.import_assets("kind,name,serial\nhardware,Laptop Asus,SN-1\nhardware,PC Lenovo,SN-2\n");
    let assets = complete(&office, &["asset", "show", "AST"]);
    assert_eq!(assets.len(), 2, "{assets:?}");
    assert!(
        assets.iter().any(|a| a.ends_with("\tLaptop Asus")),
        "{assets:?}"
    );
    let laptop = assets[0].split('\t').next().unwrap().to_string();
    assert_eq!(
        values(&office, &["new", "perbaikan-aset", "--asset", &laptop]),
        vec![laptop.clone()]
    );

    let id = office.new_request("putri", "email", EMAIL);
    let file = office.input_file("surat.pdf", b"%PDF-1.4 surat");
    office
        .sop(
            "putri",
            &[
                "comment",
                &id,
                "lampiran",
                "--attach",
                file.to_str().unwrap(),
            ],
        )
        .success();
    assert_eq!(values(&office, &["attachment", &id, ""]), vec!["surat.pdf"]);
}

#[test]
fn outside_a_records_directory_nothing_is_offered_and_it_exits_0() {
    let office = Office::empty();
    std::fs::create_dir_all(&office.root).unwrap();
    for words in [
        &["approve", "EM"][..],
        &["--as", ""],
        &["list", "--status", ""],
        &["new", "e"],
        &["-C", "/no/such/folder", "show", ""],
    ] {
        assert_eq!(values(&office, words), Vec::<String>::new(), "{words:?}");
    }
    // a records directory named with -C is read wherever the shell is
    let example = Office::example();
    let id = at_approval(&example, "Akun Putri");
    let root = example.root.to_str().unwrap();
    assert_eq!(
        values(&office, &["-C", root, "approve", "E"]),
        vec![id.clone()]
    );
    // or by $SOP_RECORDS
    let mut cmd = office.sop_cmd();
    cmd.env("COMPLETE", "fish")
        .env("SOP_RECORDS", root)
        .args(["--", "sop", "approve", "E"]);
    assert_eq!(
        lines(cmd, &["approve", "E"]),
        vec![format!("{id}\tAkun Putri")]
    );
    // also after the word being completed (bash and zsh pass the whole line)
    let mut cmd = office.sop_cmd();
    cmd.env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", "2")
        .args(["--", "sop", "approve", "E", "-C", root]);
    assert_eq!(lines(cmd, &["approve", "E", "-C", root]), vec![id]);
}

#[test]
fn each_shell_gets_its_own_form() {
    let office = Office::example();
    let id = at_approval(&office, "Akun Putri");
    let run = |shell: &str, index: &str| {
        let mut cmd = office.sop_cmd();
        cmd.env("COMPLETE", shell)
            .env("_CLAP_COMPLETE_INDEX", index)
            .env("_CLAP_IFS", "\n")
            .args(["--", "sop", "approve", "E"]);
        lines(cmd, &["approve", "E"])
    };
    assert_eq!(run("bash", "2"), vec![id.clone()]);
    assert_eq!(run("zsh", "2"), vec![format!("{id}:Akun Putri")]);
    assert_eq!(run("fish", ""), vec![format!("{id}\tAkun Putri")]);

    // the glue: each names sop and calls it back with COMPLETE
    let glue = |shell: &str| {
        let mut cmd = office.sop_cmd();
        cmd.env("COMPLETE", shell);
        lines(cmd, &[shell]).join("\n")
    };
    assert!(glue("bash").contains("-F _clap_complete_sop sop"));
    assert!(glue("zsh").contains("compdef _clap_dynamic_completer_sop sop"));
    assert!(glue("fish").contains("complete --keep-order --exclusive --command sop"));
    // an unknown shell is a usage error; COMPLETE=0 or empty is an ordinary run
    let mut cmd = office.sop_cmd();
    let out = cmd.env("COMPLETE", "tcsh").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown shell `tcsh`"));
    for off in ["0", ""] {
        let out = office
            .sop_cmd()
            .env("COMPLETE", off)
            .arg("--version")
            .output()
            .unwrap();
        assert!(out.status.success());
        assert!(String::from_utf8_lossy(&out.stdout).starts_with("sop "));
    }
}

/// bash's own completion machinery, as a TAB would run it, when bash is installed.
#[test]
fn bash_completes_through_the_glue() {
    if Command::new("bash").arg("--version").output().is_err() {
        eprintln!("bash is not installed: glue not checked");
        return;
    }
    let office = Office::example();
    let id = at_approval(&office, "Akun Putri");
    let script = r#"
        source <(COMPLETE=bash "$SOP") || exit 1
        complete -p sop
        tab() {
            COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_TYPE=9
            COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
            COMPREPLY=()
            _clap_complete_sop sop "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s|' "${COMPREPLY[@]}"; echo
        }
        tab sop approve EM
        tab sop --as put
        tab sop list --status hel
    "#;
    let mut cmd = Command::new("bash");
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", &office.home)
        .env("SOP", assert_cmd::cargo::cargo_bin("sop"))
        .current_dir(&office.root)
        .args(["-c", script]);
    let out = lines(cmd, &["bash"]);
    // sop keeps its order (open requests first): bash must not sort it
    assert!(
        out[0].contains("-o nosort") && out[0].ends_with("-F _clap_complete_sop sop"),
        "{out:?}"
    );
    assert_eq!(out[1], format!("{id}|"));
    assert_eq!(out[2], "putri|");
    assert_eq!(out[3], "held|");
}

/// fish's `complete -C` asks the glue as a TAB would, when fish is installed.
#[test]
fn fish_completes_through_the_glue() {
    if Command::new("fish").arg("--version").output().is_err() {
        eprintln!("fish is not installed: glue not checked");
        return;
    }
    let office = Office::example();
    let id = at_approval(&office, "Akun Putri");
    let script =
        r#"COMPLETE=fish $SOP | source; complete -C "sop approve EM"; complete -C "sop --as pu""#;
    let mut cmd = Command::new("fish");
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", &office.home)
        .env("SOP", assert_cmd::cargo::cargo_bin("sop"))
        .current_dir(&office.root)
        .args(["-c", script]);
    assert_eq!(
        lines(cmd, &["fish"]),
        vec![
            format!("{id}\tAkun Putri"),
            "putri\tPutri Handayani".to_string()
        ]
    );
}

/// zsh's completion system (compinit) in a pseudo-terminal, TAB typed, when zsh is installed.
#[test]
fn zsh_completes_through_the_glue() {
    if Command::new("zsh").arg("--version").output().is_err() {
        eprintln!("zsh is not installed: glue not checked");
        return;
    }
    let office = Office::example();
    let id = at_approval(&office, "Akun Putri");
    // Each line is typed with a TAB, then wrapped in a print (^A, ^E) whose output is read
    // back; the quotes keep the typed echo from matching.
    let script = r#"
        zmodload zsh/zpty
        zpty z 'zsh -f -i'
        zpty -w z 'PS1="> "; autoload -Uz compinit; compinit -u -D; source <(COMPLETE=zsh "$SOP") && print -r -- RE""ADY'
        zpty -r z out '*READY*' || exit 1
        for line in 'sop approve E' 'sop --as pu'; do
            zpty -w -n z "$line"$'\t\C-aprint -r -- RES""ULT: \C-e E""ND\n'
            zpty -r z out '*RESULT:*END*' || exit 1
            print -r -- "${${out##*RESULT: }%% END*}"
        done
        zpty -d z
    "#;
    let mut cmd = Command::new("timeout");
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", &office.home)
        .env("SOP", assert_cmd::cargo::cargo_bin("sop"))
        .current_dir(&office.root)
        .args(["60", "zsh", "-f", "-c", script]);
    let out: Vec<String> = lines(cmd, &["zsh"])
        .iter()
        .map(|l| l.trim().to_string())
        .collect();
    assert_eq!(
        out,
        vec![format!("sop approve {id}"), "sop --as putri".to_string()]
    );
}

/// A completion reads at most 500 record files to bring a cache up to date
/// (`limits::COMPLETION_READS`): 500 assets and no cache are read; with 501, or a cache 501
/// changes behind, it offers nothing and leaves the cache as it is; once a listing has brought
/// the cache up to date, it offers them all.
#[test]
fn a_completion_never_reads_more_than_500_records() {
    let office = Office::example();
    let pcs = |numbers: std::ops::Range<usize>| {
        let mut csv = String::from("kind,name,serial\n");
        for n in numbers {
            csv += &format!("hardware,PC {n},SN-{n}\n");
        }
        office.import_assets(&csv);
    };
    let add = || {
        let args = [
            "asset", "add", "--kind", "hardware", "--name", "PC baru", "-q",
        ];
        office.sop("eko", &args).success();
    };
    let assets = || values(&office, &["asset", "show", "AST"]).len();
    let cache = office.path(".git/sop-cache-assets.tsv");
    pcs(0..500);
    let _ = std::fs::remove_file(&cache);
    assert_eq!(assets(), 500);
    add();
    let _ = std::fs::remove_file(&cache);
    assert_eq!(assets(), 0);
    assert!(!cache.exists(), "a completion built the whole cache");
    office
        .sop("eko", &["asset", "list", "--format", "id"])
        .success();
    assert_eq!(assets(), 501);
    // a cache 501 files behind HEAD (as after a pull) is left to the next listing
    pcs(501..1002);
    let behind = std::fs::read(&cache).unwrap();
    assert_eq!(assets(), 0);
    assert_eq!(std::fs::read(&cache).unwrap(), behind);
    // one more changed file is patched in
    office
        .sop("eko", &["asset", "list", "--format", "id"])
        .success();
    add();
    assert_eq!(assets(), 1003);
}
