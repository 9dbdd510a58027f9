//! `sop sync`: pull (rebase) and push with the git program, so the user's own credentials,
//! remotes and transports work unchanged.

use std::io::Write;
use std::path::{Path, PathBuf};
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
        .with_context(|| t!(RunningGit, command = "git fetch"))?;
    let fetch_error = String::from_utf8_lossy(&fetched.stderr).trim().to_string();
    if fetch_error.contains("couldn't find remote ref") {
        // A new shared repository, or a branch new to it: nothing to take in yet.
        return first_push(&workdir, &remote, &branch, out);
    }
    if !fetched.status.success() {
        if !is_remote(&workdir, &remote) {
            return Err(conflict!("{}", t!(NoRemote, remote = remote))
                .hint(t!(HintNoRemote, remote = remote)));
        }
        return Err(conflict!(
            "{}",
            t!(
                FetchFailed,
                remote = remote,
                error = without_hints(&fetch_error)
            )
        ));
    }
    let theirs = git_out(&workdir, &["rev-parse", "FETCH_HEAD"])?;
    // What arrives is verified before it is taken in, as the server's hook would.
    let scope = Scope {
        range: Some(format!("{before}..{theirs}")),
        requests: Vec::new(),
    };
    let findings = audit::verify(&git, &scope)?.findings;
    if !findings.is_empty() {
        for f in &findings {
            let line = t!(
                SyncFinding,
                commit = &f.commit[..12.min(f.commit.len())],
                request = f.request.as_deref().unwrap_or("-"),
                problem = f.problem
            );
            eprintln!("{line}");
        }
        return Err(Failure::new(
            Code::Findings,
            t!(
                BringsFindings,
                remote = remote,
                branch = branch,
                n = findings.len()
            ),
        )
        .hint(t!(HintBringsFindings))
        .into());
    }
    let mut rebase = Command::new("git");
    rebase
        .current_dir(&workdir)
        .args(["rebase", "--quiet", &theirs]);
    // A rebase re-commits local commits: the acting person is their committer (authors stay).
    let people = crate::people::People::load(&records.root)?;
    if let Ok(actor) = ctx.actor(&people, &git) {
        rebase
            .env("GIT_COMMITTER_NAME", &actor.name)
            .env("GIT_COMMITTER_EMAIL", &actor.email);
    }
    // git's own output, and its advice to resolve and `git rebase --continue`, is kept from
    // the user: sop undoes the rebase and says what to do in its own words.
    let pulled = rebase
        .output()
        .with_context(|| t!(RunningGit, command = "git rebase"))?;
    if !pulled.status.success() {
        if git.rebase_in_progress() {
            let side = Side {
                workdir: &workdir,
                remote: &remote,
                branch: &branch,
                theirs: &theirs,
            };
            return Err(side.refuse_conflict());
        }
        return Err(conflict!(
            "{}",
            t!(
                RebaseFailed,
                remote = remote,
                branch = branch,
                error = without_hints(&String::from_utf8_lossy(&pulled.stderr))
            )
        ));
    }
    let incoming = count(&workdir, &[&format!("{before}..{theirs}")])?;
    let outgoing = count(&workdir, &[&format!("{theirs}..HEAD")])?;
    push(&workdir, &remote, &branch)?;
    report(&workdir, &remote, &branch, (incoming, outgoing), out)
}

/// The first push of the branch to the server: everything the server has not seen goes. A
/// server that had no branch at all gets this one as its default (see `default_branch`).
fn first_push(workdir: &Path, remote: &str, branch: &str, out: &mut dyn Write) -> Result<()> {
    let empty = git_out(workdir, &["ls-remote", "--heads", remote])?.is_empty();
    let outgoing = count(workdir, &["HEAD", "--not", &format!("--remotes={remote}")])?;
    push(workdir, remote, branch)?;
    if empty {
        default_branch(workdir, remote, branch)?;
    }
    report(workdir, remote, branch, (0, outgoing), out)
}

/// Pushes the branch under its own name; sets it to track the remote's when it tracks
/// nothing yet.
fn push(workdir: &Path, remote: &str, branch: &str) -> Result<()> {
    let tracks = git_out(workdir, &["config", &format!("branch.{branch}.remote")]).is_ok();
    let mut push = Command::new("git");
    push.current_dir(workdir).args(["push", "--quiet"]);
    if !tracks {
        push.arg("--set-upstream");
    }
    let pushed = push
        .args([remote, &format!("refs/heads/{branch}:refs/heads/{branch}")])
        .output()
        .with_context(|| t!(RunningGit, command = "git push"))?;
    if !pushed.status.success() {
        return Err(conflict!(
            "{}",
            t!(
                PushRefused,
                remote = remote,
                error = without_hints(&String::from_utf8_lossy(&pushed.stderr))
            )
        )
        .hint(t!(HintPushRefused)));
    }
    Ok(())
}

/// Makes the branch the server's default, so that a `git clone` of it checks the branch out.
///
/// `git init --bare` names a default branch (`init.defaultBranch`, else `master`) before
/// any exists, and no push changes it: a server whose HEAD names a branch nobody pushed
/// gives clones an empty work tree ("remote HEAD refers to nonexistent ref"). Hosting
/// services make the first branch pushed the default; a bare repository on a path sop can
/// reach has its HEAD set here; any other server is told the one command to run on it.
fn default_branch(workdir: &Path, remote: &str, branch: &str) -> Result<()> {
    let head = git_out(workdir, &["ls-remote", "--symref", remote, "HEAD"])?;
    let wanted = format!("refs/heads/{branch}");
    if head
        .lines()
        .any(|l| l.strip_prefix("ref: ").and_then(|r| r.split('\t').next()) == Some(&wanted))
    {
        return Ok(());
    }
    match local_repository(workdir, remote) {
        Some(path) => {
            let path = path.to_string_lossy();
            git_out(
                workdir,
                &["--git-dir", &path, "symbolic-ref", "HEAD", &wanted],
            )?;
        }
        None => eprintln!(
            "{}: {}",
            t!(NotePrefix),
            t!(
                NoDefaultBranch,
                remote = remote,
                wanted = wanted,
                branch = branch
            )
        ),
    }
    Ok(())
}

/// The git folder of `remote` when it is a repository on this machine (a path or a
/// `file://` URL), not a server reached over a network.
fn local_repository(workdir: &Path, remote: &str) -> Option<PathBuf> {
    let url = git_out(workdir, &["remote", "get-url", remote]).unwrap_or_else(|_| remote.into());
    let path = workdir.join(url.strip_prefix("file://").unwrap_or(&url));
    let git_dir = if path.join("HEAD").is_file() {
        path
    } else {
        path.join(".git")
    };
    git_dir.join("HEAD").is_file().then_some(git_dir)
}

/// `origin/main: pulled 2, pushed 1 commit(s); now at 0123456789ab`.
fn report(
    workdir: &Path,
    remote: &str,
    branch: &str,
    (pulled, pushed): (usize, usize),
    out: &mut dyn Write,
) -> Result<()> {
    let head = git_out(workdir, &["rev-parse", "HEAD"])?;
    let line = t!(
        SyncDone,
        remote = remote,
        branch = branch,
        pulled = pulled,
        pushed = pushed,
        head = &head[..12]
    );
    writeln!(out, "{line}")?;
    Ok(())
}

/// Where a refused rebase happened: this branch, and the server's commit it met.
struct Side<'a> {
    workdir: &'a Path,
    remote: &'a str,
    branch: &'a str,
    theirs: &'a str,
}

impl Side<'_> {
    /// Undoes a rebase that stopped on a conflict, and says which records were changed on
    /// both sides, by which commits, and how to keep one side's version.
    fn refuse_conflict(&self) -> anyhow::Error {
        let files =
            git_out(self.workdir, &["diff", "--name-only", "--diff-filter=U"]).unwrap_or_default();
        let _ = Command::new("git")
            .current_dir(self.workdir)
            .args(["rebase", "--abort"])
            .output();
        let files: Vec<&str> = files.lines().collect();
        let records: Vec<String> = files.iter().map(|f| record_name(f)).collect();
        let (here, there) = (
            self.commits(&format!("{}..HEAD", self.theirs), &files),
            self.commits(&format!("HEAD..{}", self.theirs), &files),
        );
        let (remote, branch) = (self.remote, self.branch);
        eprintln!("{}", t!(SyncBothSides, records = records.join(", ")));
        let sides = [(t!(SideHere), &here), (t!(SideThere), &there)];
        let width = sides.iter().map(|(s, _)| s.chars().count()).max();
        for (side, commits) in &sides {
            for c in commits.iter() {
                eprintln!("  {side:<width$} {c}", width = width.unwrap_or(0));
            }
        }
        let local = count(self.workdir, &[&format!("{}..HEAD", self.theirs)]).unwrap_or(0);
        let theirs = &self.theirs[..12.min(self.theirs.len())];
        let drop = if local == here.len() {
            t!(SyncDropReset, theirs = theirs)
        } else {
            t!(SyncDropRebase, theirs = theirs)
        };
        let show = records.first().map(String::as_str).unwrap_or("ID");
        conflict!(
            "{}",
            t!(
                SyncConflict,
                records = records.join(", "),
                remote = remote,
                branch = branch
            )
        )
        .hint(t!(HintSyncConflict, drop = drop, show = show))
    }

    /// `0123456789ab subject` of each commit of `range` that changed one of `files`.
    fn commits(&self, range: &str, files: &[&str]) -> Vec<String> {
        let mut args = vec!["log", "--format=%h %s", "--abbrev=12", range, "--"];
        args.extend(files);
        git_out(self.workdir, &args)
            .map(|text| text.lines().map(str::to_string).collect())
            .unwrap_or_default()
    }
}

/// Whether `remote` is a remote of the repository, a path or a URL: what `git fetch` can
/// reach, as far as can be told without reaching it.
fn is_remote(workdir: &Path, remote: &str) -> bool {
    let named = git_out(workdir, &["remote"]).is_ok_and(|names| names.lines().any(|n| n == remote));
    named || remote.contains(['/', ':', '\\']) || workdir.join(remote).exists()
}

/// A request's or asset's id for its file, else the file's path.
fn record_name(path: &str) -> String {
    let p = Path::new(path);
    let record = ["requests/", "assets/"]
        .iter()
        .any(|d| path.starts_with(d) || path.contains(&format!("/{d}")));
    match p.file_stem() {
        Some(stem) if record && p.extension().is_some_and(|e| e == "toml") => {
            stem.to_string_lossy().into_owned()
        }
        _ => path.to_string(),
    }
}

/// git's message without its `hint:` lines, which name git commands that may not apply.
fn without_hints(stderr: &str) -> String {
    stderr
        .lines()
        .filter(|l| !l.trim_start().starts_with("hint:"))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

fn git_out(dir: &Path, args: &[&str]) -> Result<String> {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .with_context(|| t!(RunningGit, command = "git"))?;
    anyhow::ensure!(
        out.status.success(),
        "{}",
        t!(
            GitFailed,
            args = args.join(" "),
            error = without_hints(&String::from_utf8_lossy(&out.stderr))
        )
    );
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// `git rev-list --count ARGS…`.
fn count(dir: &Path, args: &[&str]) -> Result<usize> {
    let mut all = vec!["rev-list", "--count"];
    all.extend(args);
    Ok(git_out(dir, &all)?.parse()?)
}
