//! `sop init`: a new records directory, committed.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::config::Config;
use crate::context::Context;
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
        .or_else(|| ctx.records_arg().map(Path::to_path_buf))
        .unwrap_or_else(|| PathBuf::from("."));
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let dir = dir.canonicalize()?;
    if dir.join("sop.toml").exists() {
        return Err(invalid!(
            "{} is already a records directory (it has sop.toml)",
            dir.display()
        ));
    }
    let git = Git::init(&dir)?;
    let files: Vec<(String, Vec<u8>)> = if args.example {
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
    for (path, _) in &files {
        if dir.join(path).exists() {
            return Err(invalid!(
                "{} already exists: sop init will not overwrite it",
                dir.join(path).display()
            ));
        }
    }
    let people: People = parse_file(&files, "people.toml").unwrap_or_default();
    let config: Config = parse_file(&files, "sop.toml").unwrap_or_default();
    let author = author(ctx, &people, &git);
    let tx = git.begin()?;
    let changes: Vec<FileChange> = files
        .iter()
        .map(|(p, c)| FileChange {
            path: PathBuf::from(p),
            content: Some(c.clone()),
        })
        .collect();
    let now = ctx.now(&config)?;
    let sig = super::signature(&author, now)?;
    let trailers = crate::trailers::Trailers {
        action: Some("init".into()),
        actor: Some(author.id.clone()),
        ..Default::default()
    };
    let message = format!(
        "sop init{}\n\n{}",
        if args.example { " --example" } else { "" },
        trailers.render()
    );
    tx.commit(&changes, &sig, &message)?;
    let procedures = files
        .iter()
        .filter(|(p, _)| p.starts_with("procedures/"))
        .count();
    writeln!(out, "{}", dir.display())?;
    eprintln!(
        "initialised records directory {} with {procedures} procedure(s); next: sop -C {} procedure list",
        dir.display(),
        dir.display()
    );
    Ok(())
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
