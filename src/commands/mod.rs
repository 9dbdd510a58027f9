//! One file per subcommand: its `Args` beside its `run`.

pub mod act;
pub mod completions;
pub mod init;
pub mod list;
pub mod log;
pub mod new;
pub mod procedure;
pub mod show;
pub mod verify;

use std::io::Write;

use anyhow::Result;
use git2::{Signature, Time};

use crate::cli::{Cli, Command};
use crate::config::Person;
use crate::context::{Context, Loaded};
use crate::git::FileChange;
use crate::request::Request;
use crate::store::Records;

pub fn run(cli: Cli, out: &mut dyn Write) -> Result<()> {
    let ctx = Context::new(cli.records, cli.actor, cli.format, cli.color);
    match cli.command {
        Command::Init(args) => init::run(&ctx, args, out),
        Command::Procedure(cmd) => procedure::run(&ctx, cmd, out),
        Command::New(args) => new::run(&ctx, args, out),
        Command::Advance(args) => act::advance(&ctx, args, out),
        Command::Approve(args) => act::approve(&ctx, args, out),
        Command::Reject(args) => act::reject(&ctx, args, out),
        Command::Cancel(args) => act::cancel(&ctx, args, out),
        Command::Show(args) => show::run(&ctx, args, out),
        Command::List(args) => list::run(&ctx, args, out),
        Command::Log(args) => log::run(&ctx, args, out),
        Command::Verify(args) => verify::run(&ctx, args, out),
        Command::Completions(args) => completions::run(args, out),
    }
}

/// The git identity of a person at `now`.
pub fn signature(
    person: &Person,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Result<Signature<'static>> {
    let offset = now.offset().local_minus_utc() / 60;
    Ok(Signature::new(
        &person.name,
        &person.email,
        &Time::new(now.timestamp(), offset),
    )?)
}

/// The commit message of SPEC §5: a subject, the note, and trailers.
pub fn message(req: &Request, subject_text: &str) -> String {
    let entry = req.history.last().expect("a changed request has history");
    let mut msg = format!("{} {}: {}\n", req.id, entry.action, one_line(subject_text));
    let body: Vec<String> = [&entry.note, &entry.output]
        .into_iter()
        .flatten()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if !body.is_empty() {
        msg += &format!("\n{}\n", body.join("\n\n"));
    }
    let from = if entry.action == "create" {
        "-"
    } else {
        entry.step.as_str()
    };
    let to = entry.to.as_deref().unwrap_or("-");
    msg += &format!(
        "\nSop-Request: {}\nSop-Procedure: {}@{}\nSop-Action: {}\nSop-Step: {from} -> {to}\nSop-Actor: {}\n",
        req.id, req.procedure, req.version, entry.action, entry.by
    );
    if let Some(role) = &entry.acting_for {
        msg += &format!("Sop-Acting-For: {role}\n");
    }
    msg
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Commits a request's new state as one commit by `actor`.
pub fn commit_request(
    loaded: &Loaded,
    tx: crate::git::Tx<'_>,
    req: &Request,
    actor: &Person,
    subject: &str,
) -> Result<git2::Oid> {
    let file = FileChange {
        path: Records::request_path(&req.id),
        content: Some(req.to_toml().into_bytes()),
    };
    tx.commit(
        &[file],
        &signature(actor, loaded.now)?,
        &message(req, subject),
    )
}
