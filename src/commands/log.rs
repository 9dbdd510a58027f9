//! `sop log ID`: a request's history as git recorded it, with commit ids and signatures.

use std::io::Write;

use anyhow::{Context as _, Result};
use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::cli::Format;
use crate::context::Context;
use crate::error::{Code, Failure};
use crate::git::signing::{self, Status};
use crate::git::{self, Git, Oid, Snapshot};
use crate::i18n::Lang;
use crate::layout;
use crate::output;
use crate::people::People;
use crate::request::{Action, Request};
use crate::store::parse_request;

/// A request's history with the commit of each change and its signature status.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The request id, or a unique start of it.
    #[arg(add = crate::complete::requests(crate::complete::Requests::Any))]
    pub id: String,
}

#[derive(Serialize)]
struct Row {
    at: DateTime<FixedOffset>,
    by: String,
    /// `by` as the table shows it: with the role stood in for or the outside requester.
    #[serde(skip)]
    by_shown: String,
    /// `by_shown` as CSV has it, the same in every language.
    #[serde(skip)]
    by_csv: String,
    acting_for: Option<String>,
    action: String,
    /// `action` as the table shows it, in the language of the run.
    #[serde(skip)]
    action_shown: String,
    from: Option<String>,
    to: Option<String>,
    option: Option<String>,
    note: Option<String>,
    output: Option<String>,
    /// What the table's note column shows: the note, output, edits, hold end, secrets given.
    #[serde(skip)]
    details: Vec<String>,
    /// `details` as CSV has them, the same in every language.
    #[serde(skip)]
    details_csv: Vec<String>,
    /// `assign`: the person given the step.
    #[serde(skip_serializing_if = "Option::is_none")]
    assignee: Option<String>,
    /// `edit`: each value changed, old and new.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    edits: Vec<crate::request::Edit>,
    /// `hold`: the day the hold is expected to end.
    #[serde(skip_serializing_if = "Option::is_none")]
    until: Option<chrono::NaiveDate>,
    /// Secret fields given (names only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    secrets: Vec<String>,
    /// A requester's step done for the outside requester.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    on_behalf: bool,
    commit: String,
    /// good, bad, unknown-key or unsigned.
    signature: &'static str,
    signature_detail: Option<String>,
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<()> {
    git::tune_for_history();
    let loaded = ctx.load()?;
    let id = loaded.records.resolve(&args.id)?;
    let git = &loaded.git;
    let rel = layout::request(&id);
    let gpg = git.gpg_program();
    let mut rows = Vec::new();
    let mut unreadable = Vec::new();
    for oid in git.commits_of_request(&id)? {
        rows.extend(rows_of(git, &rel, oid, &gpg, &mut unreadable)?);
    }
    print(ctx, &rows, out)?;
    if !unreadable.is_empty() {
        for e in &unreadable {
            eprintln!("{}: {e}", t!(WarningPrefix));
        }
        return Err(Failure::new(
            Code::Invalid,
            t!(LogUnreadable, n = unreadable.len(), rel = rel),
        )
        .into());
    }
    Ok(())
}

/// The commit that added each of request `id`'s history entries (`history` entries as HEAD
/// has them), by index, None where no commit of the request's history added it (a history
/// rewritten by hand); and the commits that changed the request, oldest first.
pub fn entry_commits(git: &Git, id: &str, history: usize) -> Result<(Vec<Option<Oid>>, Vec<Oid>)> {
    let rel = layout::request(id);
    let commits = git.commits_of_request(id)?;
    let mut by_entry = vec![None; history];
    let mut known = 0;
    for &oid in &commits {
        let snap = git.commit_info(oid)?.snapshot()?;
        let len = match snap.text(&rel)? {
            Some((_, text)) => parse_request(std::path::Path::new(&rel), &text)
                .map(|r| r.history.len())
                .unwrap_or(known),
            None => 0,
        };
        for slot in by_entry.iter_mut().take(len.min(history)).skip(known) {
            *slot = Some(oid);
        }
        known = len;
    }
    Ok((by_entry, commits))
}

/// The rows of one commit: one per history entry it added, or one saying what it did instead.
fn rows_of(
    git: &Git,
    rel: &str,
    oid: Oid,
    gpg: &str,
    unreadable: &mut Vec<String>,
) -> Result<Vec<Row>> {
    let commit = git.commit_info(oid)?;
    let before_snap = commit.parent_snapshot()?;
    let after_snap = commit.snapshot()?;
    let read = |snap: &Snapshot| -> Result<Option<Request>> {
        match snap.text(rel)? {
            Some((_, text)) => parse_request(std::path::Path::new(rel), &text).map(Some),
            None => Ok(None),
        }
    };
    // A version that cannot be read was reported with the commit that wrote it.
    let before = read(&before_snap).unwrap_or(None);
    let (after, broken) = match read(&after_snap) {
        Ok(after) => (after, None),
        Err(e) => {
            unreadable.push(format!("commit {}: {e:#}", &oid.to_string()[..12]));
            (None, Some(format!("{e:#}")))
        }
    };
    let people = match before_snap.text(layout::PEOPLE)? {
        Some((_, text)) => People::parse(&text)
            .with_context(|| t!(ReadingSigners, commit = &oid.to_string()[..12]))?,
        None => People::default(),
    };
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
    let signed = commit.signed_parts()?;
    let status = |by: &str| {
        let keys = people.find(by).map_or(&[][..], |p| p.keys.as_slice());
        signing::check(&signed, keys, gpg)
    };
    if added.is_empty() {
        let by = commit.author_email();
        let s = status(&by);
        // JSON and CSV say it in English, the table in the language of the run.
        let what = |lang: Lang| match (&after, &broken) {
            (_, Some(why)) => t_in!(lang, LogUnreadableFile, why = why),
            (None, None) => t_in!(lang, LogDeleted),
            (Some(_), _) if !kept => t_in!(lang, LogRewrote),
            (Some(_), _) => t_in!(lang, LogNoEntry),
        };
        let summary = commit.summary();
        let note = format!("{}: {summary}", what(Lang::En));
        return Ok(vec![Row {
            at: commit.author_time(),
            by_shown: by.clone(),
            by_csv: by.clone(),
            by,
            acting_for: None,
            action: "(by hand)".into(),
            action_shown: t!(LogByHand),
            from: None,
            to: None,
            option: None,
            note: Some(note.clone()),
            output: None,
            details: vec![format!("{}: {summary}", what(crate::i18n::lang()))],
            details_csv: vec![note],
            assignee: None,
            edits: Vec::new(),
            until: None,
            secrets: Vec::new(),
            on_behalf: false,
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
                by_shown: crate::view::entry_by(e, after.as_ref(), crate::i18n::lang()),
                by_csv: crate::view::entry_by(e, after.as_ref(), Lang::En),
                acting_for: e.acting_for.clone(),
                action: e.action.to_string(),
                action_shown: crate::i18n::action(e.action),
                from: (e.action != Action::Create).then(|| e.step.clone()),
                to: e.to.clone(),
                option: e.option.clone(),
                note: e.note.clone(),
                output: e.output.clone(),
                details: crate::view::entry_details(e, crate::i18n::lang()),
                details_csv: crate::view::entry_details(e, Lang::En),
                assignee: e.assignee.clone(),
                edits: e.edits.clone(),
                until: e.until,
                secrets: e.secrets.clone(),
                on_behalf: e.on_behalf,
                commit: oid.to_string(),
                signature: s.label(),
                signature_detail: detail(&s),
            }
        })
        .collect())
}

fn detail(status: &Status) -> Option<String> {
    match status {
        Status::Bad(why) | Status::UnknownKey(why) => Some(why.clone()),
        _ => None,
    }
}

/// A signature status (`good`, `bad`, `unknown-key`, `unsigned`) as the table says it.
fn signature(label: &str) -> String {
    match label {
        "good" => t!(SignatureGood),
        "bad" => t!(SignatureBad),
        "unknown-key" => t!(SignatureUnknownKey),
        "unsigned" => t!(SignatureUnsigned),
        other => other.to_string(),
    }
}

fn print(ctx: &Context, rows: &[Row], out: &mut dyn Write) -> Result<()> {
    let step = |r: &Row| {
        format!(
            "{} → {}",
            r.from.as_deref().unwrap_or("-"),
            r.to.as_deref().unwrap_or("-")
        )
    };
    let text = |r: &Row, details: &[String]| {
        r.option
            .iter()
            .chain(r.assignee.iter())
            .chain(details)
            .cloned()
            .collect::<Vec<_>>()
            .join(" / ")
    };
    match ctx.format {
        Format::Json => output::json(out, &rows),
        Format::Id => {
            // One commit may add several entries: its id once.
            let mut commits: Vec<&str> = rows.iter().map(|r| r.commit.as_str()).collect();
            commits.dedup();
            output::ids(out, commits)
        }
        Format::Csv => output::csv(
            out,
            &["at", "by", "action", "step", "note", "commit", "signature"],
            rows.iter().map(|r| {
                vec![
                    output::csv_time(r.at),
                    r.by_csv.clone(),
                    r.action.clone(),
                    step(r),
                    text(r, &r.details_csv),
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
                ctx.look,
            );
            t.keep(&["at", "action", "commit", "signature"])
                .cut("step", 8)
                .cut("by", 8)
                .wrap("note / reason", 14)
                .optional(&["signature"]);
            for r in rows {
                t.add_row(vec![
                    r.at.format("%Y-%m-%d %H:%M").to_string(),
                    r.by_shown.clone(),
                    r.action_shown.clone(),
                    step(r),
                    text(r, &r.details),
                    r.commit[..12].to_string(),
                    signature(r.signature),
                ]);
            }
            writeln!(out, "{t}")?;
            Ok(())
        }
    }
}
