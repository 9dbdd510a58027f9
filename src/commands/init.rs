//! `sop init`: a new records directory, committed.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::config::Config;
use crate::context::Context;
use crate::error::Hint;
use crate::git::{FileChange, Git};
use crate::invalid;
use crate::people::{People, Person};

include!(concat!(env!("OUT_DIR"), "/examples.rs"));

/// Make a records directory (and a git repository, when not inside one).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where (default: -C DIR, else the current folder).
    #[arg(value_hint = clap::ValueHint::DirPath)]
    pub dir: Option<PathBuf>,
    /// Copy the shipped procedures and sample people of a Dinas Kominfo.
    #[arg(long)]
    pub example: bool,
    /// With --example: also a month of the office's requests (several procedures, every
    /// status, some overdue) and assets, each made as a change of its own by the person who
    /// acted, to try `sop list`, `show` and `report` on.
    #[arg(long, requires = "example")]
    pub demo: bool,
    /// The language sop speaks in this office, written into sop.toml as `language` (the
    /// example office's is id; without it a new office has none, and sop follows $SOP_LANG,
    /// else the locale).
    #[arg(long, value_name = "LANG", value_parser = ["id", "en"])]
    pub language: Option<String>,
}

const SOP_TOML: &str = r#"# sop configuration: see `sop --help` and docs/procedures.md
office = "My office"
timezone = "Asia/Jakarta"

[policy]
require_signatures = false
allow_self_approval = false
requester_role = "pemohon"
admin_role = "admin"

[calendar]
workdays = ["mon", "tue", "wed", "thu", "fri"]
hours = "08:00-16:00"
holidays = []

[roles]
pemohon = "User / Pemohon"
admin = "Administrator sop"
"#;

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<()> {
    let dir = args
        .dir
        .clone()
        .or_else(|| ctx.records_arg().map(Path::to_path_buf))
        .unwrap_or_else(|| PathBuf::from("."));
    std::fs::create_dir_all(&dir).with_context(|| t!(CreatingDir, dir = dir.display()))?;
    let dir = dir.canonicalize()?;
    let subject = subject(&args);
    if dir.join("sop.toml").exists() {
        return again(&dir, &subject, out);
    }
    let git = Git::init(&dir)?;
    let mut files: Vec<(String, Vec<u8>)> = if args.example {
        EXAMPLE
            .iter()
            .map(|(p, c)| (p.to_string(), c.to_vec()))
            .collect()
    } else {
        vec![
            ("sop.toml".into(), SOP_TOML.as_bytes().to_vec()),
            ("people.toml".into(), starter_people(&git).into_bytes()),
        ]
    };
    if let Some(lang) = &args.language {
        for (path, content) in files.iter_mut().filter(|(p, _)| p == "sop.toml") {
            let text = String::from_utf8_lossy(content);
            *content = with_language(&text, lang).into_bytes();
            debug_assert_eq!(path, "sop.toml");
        }
    }
    for (path, _) in &files {
        if dir.join(path).exists() {
            return Err(invalid!(
                "{}",
                t!(InitWouldOverwrite, path = dir.join(path).display())
            ));
        }
    }
    let people: People = parse_file(&files, "people.toml").unwrap_or_default();
    let config: Config = parse_file(&files, "sop.toml").unwrap_or_default();
    // From here on sop speaks the new office's language.
    if let Some(lang) = config.language {
        crate::i18n::set(lang);
    }
    let author = author(ctx, &people, &git);
    let now = ctx.now(&config)?;
    // The demo's month starts with the records directory: its commit comes first.
    let demo = match args.demo {
        true => Some(with_holidays(&files)?),
        false => None,
    };
    let when = demo.as_ref().map_or(now, |c| crate::demo::start(c, now));
    let tx = git.begin()?;
    let changes: Vec<FileChange> = files
        .iter()
        .map(|(p, c)| FileChange {
            path: PathBuf::from(p),
            content: Some(c.clone()),
        })
        .collect();
    let sig = super::signature(&author, when)?;
    let trailers = crate::trailers::Trailers {
        action: Some("init".into()),
        actor: Some(author.id.clone()),
        ..Default::default()
    };
    let message = format!("{subject}\n\n{}", trailers.render());
    tx.commit(&changes, &sig, &message)?;
    let procedures = files
        .iter()
        .filter(|(p, _)| p.starts_with("procedures/"))
        .count();
    let made = match &demo {
        Some(config) => Some(
            crate::demo::run(&dir, config, now)
                .with_context(|| t!(DemoIncomplete, dir = dir.display(), subject = subject))?,
        ),
        None => None,
    };
    writeln!(out, "{}", dir.display())?;
    match made {
        Some(made) => eprintln!(
            "{}",
            t!(
                InitDemoDone,
                dir = dir.display(),
                procedures = procedures,
                requests = made.requests,
                assets = made.assets,
                changes = made.changes
            )
        ),
        None => eprintln!(
            "{}",
            t!(InitDone, dir = dir.display(), procedures = procedures)
        ),
    }
    Ok(())
}

/// The init commit's subject, which also says which init made a records directory:
/// `sop init`, `sop init --example`, `sop init --example --demo`.
fn subject(args: &Args) -> String {
    let mut subject = String::from("sop init");
    if args.example {
        subject += " --example";
    }
    if args.demo {
        subject += " --demo";
    }
    subject
}

/// `sop init` on a records directory: one that the same `sop init` made is left as it is (so
/// the quick start can be run again); any other is refused.
fn again(dir: &Path, subject: &str, out: &mut dyn Write) -> Result<()> {
    let made_by = Git::open(dir).ok().and_then(|git| {
        let history = git.history().ok()?;
        history.into_iter().find_map(|id| {
            let commit = git.commit_info(id).ok()?;
            let message = commit.message();
            let init = message.lines().any(|l| l == "Sop-Action: init");
            init.then(|| commit.summary())
        })
    });
    if made_by.as_deref() != Some(subject) {
        let made_by = match made_by {
            Some(other) => t!(InitMadeBy, other = other),
            None => String::new(),
        };
        return Err(
            invalid!("{}", t!(InitOther, dir = dir.display(), made_by = made_by))
                .hint(t!(HintInitOther, subject = subject)),
        );
    }
    writeln!(out, "{}", dir.display())?;
    if let Some(lang) = crate::context::office_language_of(dir) {
        crate::i18n::set(lang);
    }
    eprintln!("{}", t!(InitAgain, dir = dir.display(), subject = subject));
    Ok(())
}

/// sop.toml's text with `language = "LANG"`: its `language` line replaced, else one added
/// after `timezone`.
fn with_language(text: &str, lang: &str) -> String {
    let line = format!("language = \"{lang}\"");
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let key = |l: &String, k: &str| l.split('=').next().is_some_and(|n| n.trim() == k);
    match lines.iter().position(|l| key(l, "language")) {
        Some(i) => lines[i] = line,
        None => {
            let at = lines
                .iter()
                .position(|l| key(l, "timezone"))
                .map_or(0, |i| i + 1);
            lines.insert(at, line);
        }
    }
    lines.join("\n") + "\n"
}

/// sop.toml about to be written, with the holiday files it names: the demo's calendar.
fn with_holidays(files: &[(String, Vec<u8>)]) -> Result<Config> {
    let text = |name: &str| -> Result<String> {
        let (_, content) = files
            .iter()
            .find(|(p, _)| p == name)
            .ok_or_else(|| anyhow::anyhow!("the example has no {name}"))?;
        Ok(String::from_utf8(content.clone())?)
    };
    let mut config = Config::parse(&text("sop.toml")?)?;
    for rel in config.calendar.holiday_files.clone() {
        config.add_holidays(&rel, &text(&rel)?)?;
    }
    Ok(config)
}

/// One of the files about to be written, parsed.
fn parse_file<T: serde::de::DeserializeOwned>(
    files: &[(String, Vec<u8>)],
    name: &str,
) -> Option<T> {
    let (_, content) = files.iter().find(|(p, _)| p == name)?;
    toml::from_str(std::str::from_utf8(content).ok()?).ok()
}

/// The person the init commit is by: --as / $SOP_ACTOR in the new people.toml, else git's
/// identity, else a neutral one.
fn author(ctx: &Context, people: &People, git: &Git) -> Person {
    let email = git.user_email();
    let named = ctx.actor_arg().and_then(|who| people.find(who)).cloned();
    let by_email = email.as_ref().and_then(|e| people.find(e).cloned());
    named.or(by_email).unwrap_or_else(|| Person {
        id: email.as_ref().map_or("sop".into(), |e| {
            e.split('@').next().unwrap_or("sop").to_string()
        }),
        name: git.user_name().unwrap_or_else(|| "sop".into()),
        nip: None,
        email: email.unwrap_or_else(|| "sop@localhost".into()),
        roles: vec![],
        keys: vec![],
    })
}

/// people.toml for a new office: the git user as its first administrator.
fn starter_people(git: &Git) -> String {
    let mut text = String::from("# People who may act, their roles and signing keys.\n");
    if let Some(email) = git.user_email() {
        let id: String = email
            .split('@')
            .next()
            .unwrap_or("admin")
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
            .to_lowercase();
        let name = git.user_name().unwrap_or_else(|| id.clone());
        text += &format!(
            "\n[[people]]\nid = {:?}\nname = {:?}\nemail = {:?}\nroles = [\"admin\"]\n",
            id, name, email
        );
    }
    text
}
