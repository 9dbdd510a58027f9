//! `sop verify`: replay the history and report every change that was not legal, not made
//! through sop, not by a holder of the role, or not signed where the office requires it.

use std::collections::HashSet;
use std::io::Write;

use anyhow::{Context as _, Result};
use git2::{Oid, Repository, Sort};
use rayon::prelude::*;
use serde::Serialize;

use crate::audit::{Auditor, Finding};
use crate::cli::Format;
use crate::context::Context;
use crate::error::{Code, Failure};
use crate::git::Git;
use crate::history::{self, Index};
use crate::invalid;
use crate::output;
use crate::store::Records;

/// Replay history and check every change; exit 6 when anything is wrong.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only these requests (ids, or unique starts of them in a work tree).
    pub ids: Vec<String>,
    /// Only the commits in OLD..NEW, e.g. what a push brings; the state at OLD is trusted.
    #[arg(long, value_name = "OLD..NEW")]
    pub range: Option<String>,
}

#[derive(Serialize)]
struct Report<'a> {
    commits_checked: usize,
    findings: &'a [Finding],
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<()> {
    history::tune_for_history();
    let (repo, prefix, records) = open(ctx)?;
    let ids: Vec<String> = match &records {
        Some(r) => args
            .ids
            .iter()
            .map(|i| r.resolve(i))
            .collect::<Result<_>>()?,
        None => args.ids.iter().map(|i| i.trim().to_uppercase()).collect(),
    };
    let commits = commits(&repo, &prefix, args.range.as_deref(), &ids)?;
    let findings: Vec<Finding> = check_all(&repo, &prefix, &commits, args.range.is_none())?
        .into_iter()
        .filter(|f| ids.is_empty() || f.request.as_ref().is_some_and(|r| ids.contains(r)))
        .collect();
    print(ctx, commits.len(), &findings, out)?;
    if findings.is_empty() {
        eprintln!("verified {} commit(s): no findings", commits.len());
        return Ok(());
    }
    Err(Failure::new(
        Code::Findings,
        format!(
            "{} finding(s) in {} commit(s) checked",
            findings.len(),
            commits.len()
        ),
    )
    .hint("each finding names the commit; `git show COMMIT` shows what it changed, `sop log ID` the request's history")
    .into())
}

/// The findings in the commits of `range` (`OLD..NEW`), judged as a server's hook judges a
/// push: for `sop sync`, before what it fetched is taken in.
pub fn check_range(git: &Git, range: &str) -> Result<Vec<Finding>> {
    history::tune_for_history();
    let prefix = git.records_prefix();
    let commits = commits(&git.repo, &prefix, Some(range), &[])?;
    check_all(&git.repo, &prefix, &commits, false)
}

/// Every finding in `commits`, in their order. Commits are judged independently (each
/// against its parent), so runs of them are checked in parallel, one repository handle each.
fn check_all(
    repo: &Repository,
    prefix: &str,
    commits: &[Oid],
    trust_anchor: bool,
) -> Result<Vec<Finding>> {
    let path = repo.path().to_path_buf();
    let size = commits
        .len()
        .div_ceil(rayon::current_num_threads() * 4)
        .max(64);
    let runs: Vec<Result<Vec<Finding>>> = commits
        .par_chunks(size)
        .map(|run| {
            let repo = history::reopen(&path)?;
            let mut auditor = Auditor::new(&repo, prefix);
            auditor.trust_anchor = trust_anchor;
            let mut found = Vec::new();
            for oid in run {
                found.extend(auditor.check(*oid)?);
            }
            Ok(found)
        })
        .collect();
    let mut all = Vec::new();
    for run in runs {
        all.extend(run?);
    }
    Ok(all)
}

/// The repository and where its records are: from a work tree (-C, $SOP_RECORDS, the current
/// folder), else git's environment (a bare repository, as in a server's pre-receive hook).
fn open(ctx: &Context) -> Result<(Repository, String, Option<Records>)> {
    let in_hook = std::env::var_os("GIT_DIR").is_some() && ctx.records_arg().is_none();
    if !in_hook {
        if let Ok(records) = ctx.records() {
            let git = Git::open(&records.root).context("opening the records repository")?;
            let prefix = git.records_prefix();
            let Git { repo, .. } = git;
            return Ok((repo, prefix, Some(records)));
        }
    }
    let repo = Repository::open_from_env().map_err(|e| {
        invalid!(
            "not in a records directory or git repository: {}; pass -C DIR",
            e.message()
        )
    })?;
    let prefix = find_prefix(&repo)?;
    Ok((repo, prefix, None))
}

/// In a bare repository: the records are where HEAD's tree has sop.toml (the root, or one
/// folder down).
fn find_prefix(repo: &Repository) -> Result<String> {
    let Ok(tree) = repo.head().and_then(|h| h.peel_to_tree()) else {
        return Ok(String::new());
    };
    if tree.get_name("sop.toml").is_some() {
        return Ok(String::new());
    }
    for entry in tree.iter() {
        if let Ok(sub) = entry.to_object(repo).and_then(|o| o.peel_to_tree()) {
            if sub.get_name("sop.toml").is_some() {
                return Ok(format!("{}/", entry.name().unwrap_or_default()));
            }
        }
    }
    Ok(String::new())
}

/// The commits to check, oldest first.
fn commits(
    repo: &Repository,
    prefix: &str,
    range: Option<&str>,
    ids: &[String],
) -> Result<Vec<Oid>> {
    let mut walk = repo.revwalk()?;
    walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)?;
    match range {
        Some(r) => {
            if !r.contains("..") || r.contains("...") {
                return Err(invalid!("--range takes OLD..NEW (two commits), not '{r}'"));
            }
            walk.push_range(r)
                .map_err(|e| invalid!("--range {r}: {}", e.message()))?;
        }
        None => match walk.push_head() {
            Ok(()) => {}
            Err(e) if e.code() == git2::ErrorCode::UnbornBranch => return Ok(Vec::new()),
            Err(e) => return Err(e.into()),
        },
    }
    let all: Vec<Oid> = walk.collect::<Result<_, _>>()?;
    if ids.is_empty() {
        return Ok(all);
    }
    let index = Index::new(repo, prefix);
    let mut wanted = HashSet::new();
    for id in ids {
        wanted.extend(index.commits_of(id)?);
    }
    Ok(all.into_iter().filter(|c| wanted.contains(c)).collect())
}

fn print(ctx: &Context, checked: usize, findings: &[Finding], out: &mut dyn Write) -> Result<()> {
    match ctx.format {
        Format::Json => output::json(
            out,
            &Report {
                commits_checked: checked,
                findings,
            },
        ),
        Format::Csv => output::csv(
            out,
            &["commit", "request", "problem"],
            findings.iter().map(|f| {
                vec![
                    f.commit.clone(),
                    f.request.clone().unwrap_or_default(),
                    f.problem.clone(),
                ]
            }),
        ),
        _ => {
            if findings.is_empty() {
                return Ok(());
            }
            let mut t = output::table(&["commit", "request", "problem"], ctx.color);
            for f in findings {
                t.add_row(vec![
                    f.commit[..12].to_string(),
                    f.request.clone().unwrap_or_default(),
                    f.problem.clone(),
                ]);
            }
            writeln!(out, "{t}")?;
            Ok(())
        }
    }
}
