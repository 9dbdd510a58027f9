//! Reading history: the commits of HEAD's history or of a range, oldest first (parents before
//! children), and `CommitInfo`, what one commit holds.

use anyhow::Result;
use chrono::{DateTime, FixedOffset};
use git2::{Oid, Revwalk, Sort};

use super::history::{self, PathChange};
use super::signing::{self, Signed};
use super::{Git, Snapshot};
use crate::invalid;

impl Git {
    /// Every commit of HEAD's history, parents before children; none on an unborn branch.
    pub fn history(&self) -> Result<Vec<Oid>> {
        let mut walk = self.walk()?;
        match walk.push_head() {
            Ok(()) => {}
            Err(e) if e.code() == git2::ErrorCode::UnbornBranch => return Ok(Vec::new()),
            Err(e) => return Err(e.into()),
        }
        collected(walk)
    }

    /// The commits of `range` (`OLD..NEW`, revisions as git reads them): those of NEW's
    /// history that are not in OLD's, parents before children. A range git cannot read is an
    /// input error with git's message.
    pub fn commits_in(&self, range: &str) -> Result<Vec<Oid>> {
        let mut walk = self.walk()?;
        walk.push_range(range)
            .map_err(|e| invalid!("{}", e.message()))?;
        collected(walk)
    }

    fn walk(&self) -> Result<Revwalk<'_>> {
        let mut walk = self.repo.revwalk()?;
        walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)?;
        Ok(walk)
    }

    /// Commit `id`, to read what it holds.
    pub fn commit_info(&self, id: Oid) -> Result<CommitInfo<'_>> {
        let commit = self.repo.find_commit(id)?;
        let [last, _] = self.last_trees.get();
        self.last_trees.set([Some((id, commit.tree_id())), last]);
        Ok(CommitInfo { git: self, commit })
    }

    /// The tree of commit `id`, known without reading the commit again when `commit_info`
    /// read it last or before last (in a walk: the commit at hand and its parent).
    pub(super) fn tree_of(&self, id: Oid) -> Result<Oid> {
        let mut known = self.last_trees.get().into_iter().flatten();
        match known.find(|(commit, _)| *commit == id) {
            Some((_, tree)) => Ok(tree),
            None => Ok(self.repo.find_commit(id)?.tree_id()),
        }
    }
}

/// The commits of `walk`, which is consumed and its memory freed by the collecting: libgit2
/// keeps a node for every commit walked (40 MB at 400,000 commits) in the heap of the thread
/// that walked, which the threads checking the commits do not reuse, so it is given back.
fn collected(walk: Revwalk<'_>) -> Result<Vec<Oid>> {
    let commits: Vec<Oid> = super::walking(|| walk.collect::<Result<_, _>>())?;
    crate::memory::give_back_freed();
    Ok(commits)
}

/// One commit: who says they made it and when, its message, its records and its parent's,
/// what it changed, and what its signature covers.
pub struct CommitInfo<'r> {
    git: &'r Git,
    commit: git2::Commit<'r>,
}

impl<'r> CommitInfo<'r> {
    pub fn id(&self) -> Oid {
        self.commit.id()
    }

    /// The whole message (bytes that are not UTF-8 replaced).
    pub fn message(&self) -> String {
        String::from_utf8_lossy(self.commit.message_bytes()).into_owned()
    }

    /// The message's first paragraph, on one line, as git shows it.
    pub fn summary(&self) -> String {
        self.commit
            .summary()
            .ok()
            .flatten()
            .unwrap_or_default()
            .to_string()
    }

    pub fn author_email(&self) -> String {
        self.commit.author().email().unwrap_or_default().to_string()
    }

    /// The author's time as git stores it: seconds since the epoch.
    pub fn author_seconds(&self) -> i64 {
        self.commit.author().when().seconds()
    }

    /// The author's time in the author's offset (the epoch when it is out of range).
    pub fn author_time(&self) -> DateTime<FixedOffset> {
        let when = self.commit.author().when();
        let offset = FixedOffset::east_opt(when.offset_minutes() * 60)
            .unwrap_or(FixedOffset::east_opt(0).expect("zero"));
        DateTime::from_timestamp(when.seconds(), 0)
            .unwrap_or_default()
            .with_timezone(&offset)
    }

    /// The records as this commit holds them.
    pub fn snapshot(&self) -> Result<Snapshot<'r>> {
        Ok(Snapshot::new(
            self.git,
            Some(self.commit.tree()?),
            Some(self.id()),
        ))
    }

    /// The records as the commit's first parent holds them (none for a root commit): what
    /// the commit is judged against.
    pub fn parent_snapshot(&self) -> Result<Snapshot<'r>> {
        let Some(parent) = self.commit.parent_ids().next() else {
            return Ok(Snapshot::new(self.git, None, None));
        };
        let tree = self.git.repo.find_tree(self.git.tree_of(parent)?)?;
        Ok(Snapshot::new(self.git, Some(tree), Some(parent)))
    }

    /// Every file the commit changed compared with every one of its parents (for a merge,
    /// only what the merge itself changed); repository-relative paths.
    pub fn changes(&self) -> Result<Vec<PathChange>> {
        history::changes_under(self.git, &self.commit, "")
    }

    /// The commit's signature, taken as git takes it, and what it signs.
    pub fn signed_parts(&self) -> Result<Signed> {
        signing::signed_parts(&self.git.repo, self.id())
    }
}
