//! One file per subcommand: its `Args` beside its `run`.

pub mod act;
pub mod asset;
pub mod completions;
pub mod init;
pub mod list;
pub mod log;
pub mod new;
pub mod procedure;
pub mod report;
pub mod show;
pub mod sync;
pub mod verify;

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use git2::{Signature, Time};

use crate::asset::Asset;
use crate::cli::{Cli, Command, Format};
use crate::context::{Context, Loaded};
use crate::error::{Code, Failure};
use crate::git::FileChange;
use crate::invalid;
use crate::people::Person;
use crate::procedure::Procedure;
use crate::request::Request;
use crate::store::Records;

pub fn run(cli: Cli, out: &mut dyn Write) -> Result<()> {
    let graph = matches!(
        cli.command,
        Command::Procedure(procedure::Command::Graph { .. })
    );
    if matches!(cli.format, Format::Mermaid | Format::Dot) && !graph {
        return Err(Failure::new(
            Code::Usage,
            "--format mermaid and --format dot are for `sop procedure graph` only",
        )
        .into());
    }
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
        Command::Report(args) => report::run(&ctx, args, out),
        Command::Sync(args) => sync::run(&ctx, args, out),
        Command::Asset(cmd) => asset::run(&ctx, cmd, out),
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

/// Commits a request's new state, and the assets its change touched, as one commit by `actor`.
pub fn commit_request(
    loaded: &Loaded,
    tx: crate::git::Tx<'_>,
    req: &Request,
    assets: &[Asset],
    actor: &Person,
    subject: &str,
) -> Result<git2::Oid> {
    let mut files = vec![FileChange {
        path: Records::request_path(&req.id),
        content: Some(req.to_toml().into_bytes()),
    }];
    let mut msg = message(req, subject);
    for asset in assets {
        files.push(FileChange {
            path: Records::asset_path(&asset.id),
            content: Some(asset.to_toml().into_bytes()),
        });
        msg += &format!("Sop-Asset: {}\n", asset.id);
    }
    tx.commit(&files, &signature(actor, loaded.now)?, &msg)
}

/// Applies the asset effects of a request's last change: reads its asset as HEAD has it
/// (refusing a hand edit), and returns the assets to write with the request.
pub fn request_assets(
    loaded: &Loaded,
    tx: &crate::git::Tx<'_>,
    procedure: &Procedure,
    req: &mut Request,
) -> Result<Vec<Asset>> {
    let action = req.history.last().map(|e| e.action.as_str());
    if crate::asset::triggered(procedure, req).is_empty()
        && !matches!(action, Some("create" | "cancel"))
    {
        return Ok(Vec::new());
    }
    let linked = match &req.asset {
        Some(id) => {
            tx.ensure_unmodified(&Records::asset_path(id))?;
            Some(loaded.records.read_asset(id)?)
        }
        None => None,
    };
    let people = |who: &str| loaded.people.find(who).map(|p| p.id.clone());
    let root = &loaded.records.root;
    let mut new_id = || loop {
        let id = Records::new_id(crate::asset::PREFIX);
        if !root.join(Records::asset_path(&id)).exists() {
            return id;
        }
    };
    crate::asset::apply_effects(procedure, req, linked, &people, &mut new_id)
        .map_err(|e| invalid!("{} of {}: {e}", req.procedure, req.id))
}

/// A random id not yet used in this clone (ids are random enough not to collide across clones).
pub fn fresh_id(loaded: &Loaded, prefix: &str, path: fn(&str) -> PathBuf) -> Result<String> {
    for _ in 0..16 {
        let id = Records::new_id(prefix);
        let rel = path(&id);
        if !loaded.records.root.join(&rel).exists() && loaded.git.head_blob(&rel)?.is_none() {
            return Ok(id);
        }
    }
    anyhow::bail!("could not find an unused {prefix} id after 16 tries")
}
