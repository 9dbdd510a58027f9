//! `sop log ID`: a request's history as git recorded it, with commit ids and signatures.

use std::io::Write;

use anyhow::Result;
use chrono::{DateTime, FixedOffset};
use git2::{Commit, Oid, Repository};
use serde::Serialize;

use crate::cli::Format;
use crate::context::Context;
use crate::history::{self, Index};
use crate::output;
use crate::request::{Action, Request};
use crate::signing;
use crate::people::People;

/// A request's history with the commit of each change and its signature status.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The request id, or a unique start of it.
    pub id: String,
}

#[derive(Serialize)]
struct Row {
    at: DateTime<FixedOffset>,
    by: String,
    acting_for: Option<String>,
    action: String,
    from: Option<String>,
    to: Option<String>,
    option: Option<String>,
    note: Option<String>,
    output: Option<String>,
    commit: String,
    /// good, bad, unknown-key or unsigned.
    signature: &'static str,
    signature_detail: Option<String>,
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<()> {
    history::tune_for_history();
    let loaded = ctx.load()?;
    let id = loaded.records.resolve(&args.id)?;
    let repo = &loaded.git.repo;
    let prefix = loaded.git.records_prefix();
    let path = format!(
        "{prefix}{}",
        crate::layout::request_path(&id)
            .to_string_lossy()
            .replace('\\', "/")
    );
    let gpg = signing::gpg_program(repo);
    let mut rows = Vec::new();
    for oid in Index::new(repo, &prefix).commits_of(&id)? {
        rows.extend(rows_of(repo, &prefix, &path, oid, &gpg)?);
    }
    print(ctx, &rows, out)
}

/// The rows of one commit: one per history entry it added, or one saying what it did instead.
fn rows_of(repo: &Repository, prefix: &str, path: &str, oid: Oid, gpg: &str) -> Result<Vec<Row>> {
    let commit = repo.find_commit(oid)?;
    let parent_tree = commit.parents().next().map(|p| p.tree()).transpose()?;
    let read = |tree: Option<&git2::Tree>| -> Option<Request> {
        let blob = history::blob_at(tree?, path).ok()??;
        let text = repo.find_blob(blob).ok()?;
        Request::from_toml(std::str::from_utf8(text.content()).ok()?).ok()
    };
    let before = read(parent_tree.as_ref());
    let after = read(Some(&commit.tree()?));
    let people = parent_tree
        .as_ref()
        .and_then(|t| history::blob_at(t, &format!("{prefix}people.toml")).ok()?)
        .and_then(|b| {
            People::parse(std::str::from_utf8(repo.find_blob(b).ok()?.content()).ok()?).ok()
        })
        .unwrap_or_default();
    let known = before.as_ref().map_or(0, |b| b.history.len());
    let kept = after.as_ref().is_some_and(|a| {
        a.history.len() >= known
            && before
                .as_ref()
                .is_none_or(|b| a.history[..known] == b.history[..])
    });
    let added = match &after {
        Some(a) if kept => &a.history[known..],
        _ => &[][..],
    };
    let signed = signing::signed_parts(repo, oid)?;
    let status = |by: &str| {
        let keys = people.find(by).map_or(&[][..], |p| p.keys.as_slice());
        signing::check(&signed, keys, gpg)
    };
    if added.is_empty() {
        let author = commit.author();
        let by = author.email().unwrap_or_default().to_string();
        let s = status(&by);
        let what = match &after {
            None => "deleted the request file",
            Some(_) if !kept => "rewrote its history",
            Some(_) => "changed the file without adding a history entry",
        };
        return Ok(vec![Row {
            at: commit_time(&commit),
            by,
            acting_for: None,
            action: "(by hand)".into(),
            from: None,
            to: None,
            option: None,
            note: Some(format!(
                "{what}: {}",
                commit.summary().ok().flatten().unwrap_or_default()
            )),
            output: None,
            commit: oid.to_string(),
            signature: s.label(),
            signature_detail: detail(&s),
        }]);
    }
    Ok(added
        .iter()
        .map(|e| {
            let s = status(&e.by);
            Row {
                at: e.at,
                by: e.by.clone(),
                acting_for: e.acting_for.clone(),
                action: e.action.to_string(),
                from: (e.action != Action::Create).then(|| e.step.clone()),
                to: e.to.clone(),
                option: e.option.clone(),
                note: e.note.clone(),
                output: e.output.clone(),
                commit: oid.to_string(),
                signature: s.label(),
                signature_detail: detail(&s),
            }
        })
        .collect())
}

fn detail(status: &signing::Status) -> Option<String> {
    match status {
        signing::Status::Bad(why) | signing::Status::UnknownKey(why) => Some(why.clone()),
        _ => None,
    }
}

fn commit_time(commit: &Commit) -> DateTime<FixedOffset> {
    let when = commit.author().when();
    let offset = FixedOffset::east_opt(when.offset_minutes() * 60)
        .unwrap_or(FixedOffset::east_opt(0).expect("zero"));
    DateTime::from_timestamp(when.seconds(), 0)
        .unwrap_or_default()
        .with_timezone(&offset)
}

fn print(ctx: &Context, rows: &[Row], out: &mut dyn Write) -> Result<()> {
    let step = |r: &Row| {
        format!(
            "{} → {}",
            r.from.as_deref().unwrap_or("-"),
            r.to.as_deref().unwrap_or("-")
        )
    };
    let by = |r: &Row| match &r.acting_for {
        Some(role) => format!("{} (for {role})", r.by),
        None => r.by.clone(),
    };
    let text = |r: &Row| {
        [&r.option, &r.note, &r.output]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(" / ")
    };
    match ctx.format {
        Format::Json => output::json(out, &rows),
        Format::Csv => output::csv(
            out,
            &["at", "by", "action", "step", "note", "commit", "signature"],
            rows.iter().map(|r| {
                vec![
                    r.at.to_rfc3339(),
                    by(r),
                    r.action.clone(),
                    step(r),
                    text(r),
                    r.commit.clone(),
                    r.signature.to_string(),
                ]
            }),
        ),
        _ => {
            let mut t = output::table(
                &[
                    "at",
                    "by",
                    "action",
                    "step",
                    "note / reason",
                    "commit",
                    "signature",
                ],
                ctx.color,
            );
            for r in rows {
                t.add_row(vec![
                    r.at.format("%Y-%m-%d %H:%M").to_string(),
                    by(r),
                    r.action.clone(),
                    step(r),
                    text(r),
                    r.commit[..12].to_string(),
                    r.signature.to_string(),
                ]);
            }
            writeln!(out, "{t}")?;
            Ok(())
        }
    }
}
