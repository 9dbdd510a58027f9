//! `sop sync`: pull (rebase) and push with the git program, so the user's own credentials,
//! remotes and transports work unchanged.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use anyhow::{Context as _, Result};

use crate::audit::{self, Scope};
use crate::conflict;
use crate::context::Context;
use crate::error::{Code, Failure, Hint};
use crate::git::Git;

/// Pull (rebase) from the shared repository and push this office's changes.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The remote (default: the branch's upstream remote, else origin).
    #[arg(long)]
    pub remote: Option<String>,
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<()> {
    let records = ctx.records()?;
    let git = Git::open(&records.root)?;
    let workdir = git.workdir()?.to_path_buf();
    let branch = git.branch_name()?;
    let remote = match args.remote {
        Some(r) => r,
        None => git_out(&workdir, &["config", &format!("branch.{branch}.remote")])
            .unwrap_or_else(|_| "origin".into()),
    };
    let before = git_out(&workdir, &["rev-parse", "HEAD"])?;
    let fetched = Command::new("git")
        .current_dir(&workdir)
        .args(["fetch", "--quiet", &remote, &branch])
        .output()
        .context("running git fetch")?;
    let fetch_error = String::from_utf8_lossy(&fetched.stderr).trim().to_string();
    if fetch_error.contains("couldn't find remote ref") {
        // A new shared repository: nothing to take in yet.
        return push(&workdir, &remote, &branch, 0, &before, out);
    }
    if !fetched.status.success() {
        return Err(conflict!("fetching from {remote} failed: {fetch_error}"));
    }
    // What arrives is verified before it is taken in, as the server's hook would.
    let scope = Scope {
        range: Some(format!("{before}..FETCH_HEAD")),
        requests: Vec::new(),
    };
    let findings = audit::verify(&git, &scope)?.findings;
    if !findings.is_empty() {
        for f in &findings {
            eprintln!(
                "finding: {} {}: {}",
                &f.commit[..12.min(f.commit.len())],
                f.request.as_deref().unwrap_or("-"),
                f.problem
            );
        }
        return Err(Failure::new(
            Code::Findings,
            format!(
                "{remote}/{branch} brings {} finding(s); nothing was taken in",
                findings.len()
            ),
        )
        .hint("the shared history has commits sop verify does not accept: ask whoever pushed them, and check the server's pre-receive hook")
        .into());
    }
    let mut rebase = Command::new("git");
    rebase
        .current_dir(&workdir)
        .args(["rebase", "--quiet", "FETCH_HEAD"]);
    // A rebase re-commits local commits: the acting person is their committer (authors stay).
    let people = crate::people::People::load(&records.root)?;
    if let Ok(actor) = ctx.actor(&people, &git) {
        rebase
            .env("GIT_COMMITTER_NAME", &actor.name)
            .env("GIT_COMMITTER_EMAIL", &actor.email);
    }
    let pulled = rebase.output().context("running git rebase")?;
    if !pulled.status.success() {
        let rebasing = git.rebase_in_progress();
        if rebasing {
            let _ = Command::new("git")
                .current_dir(&workdir)
                .args(["rebase", "--abort"])
                .output();
        }
        return Err(conflict!(
            "taking in {remote}/{branch} failed{}: {}",
            if rebasing {
                " (the same records were changed here and there; the rebase was undone, your branch is as it was)"
            } else {
                ""
            },
            String::from_utf8_lossy(&pulled.stderr).trim()
        )
        .hint("look at `git log HEAD..FETCH_HEAD`: a request changed on both sides must be settled by hand (keep one side's commits, redo the other's with sop)"));
    }
    let after_pull = git_out(&workdir, &["rev-parse", "HEAD"])?;
    let incoming = count(&workdir, &format!("{before}..FETCH_HEAD")).unwrap_or(0);
    push(&workdir, &remote, &branch, incoming, &after_pull, out)
}

fn push(
    workdir: &Path,
    remote: &str,
    branch: &str,
    incoming: usize,
    head: &str,
    out: &mut dyn Write,
) -> Result<()> {
    let pushed = Command::new("git")
        .current_dir(workdir)
        .args([
            "push",
            "--quiet",
            remote,
            &format!("HEAD:refs/heads/{branch}"),
        ])
        .output()
        .context("running git push")?;
    if !pushed.status.success() {
        return Err(conflict!(
            "pushing to {remote} was refused: {}",
            String::from_utf8_lossy(&pushed.stderr).trim()
        )
        .hint("run `sop sync` again to take in what arrived meanwhile; if the server's verify hook refused it, `sop verify` shows why"));
    }
    writeln!(
        out,
        "{remote}/{branch}: pulled {incoming} commit(s), now at {}",
        &head[..12]
    )?;
    Ok(())
}

fn git_out(dir: &Path, args: &[&str]) -> Result<String> {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .context("running git")?;
    anyhow::ensure!(
        out.status.success(),
        "git {} failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr).trim()
    );
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn count(dir: &Path, range: &str) -> Result<usize> {
    Ok(git_out(dir, &["rev-list", "--count", range])?.parse()?)
}
