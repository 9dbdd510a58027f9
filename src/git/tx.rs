//! One change = one commit of exactly the files sop wrote.
//!
//! The recipe: hold git's own `.git/index.lock` for the whole change, so
//! neither another sop nor the `git` program can interleave; build the commit's tree from
//! HEAD's tree (never from the index, which may hold the user's staged work); move the branch
//! with a compare-and-swap, which is the commit point; then write the work-tree files and a
//! private copy of the index, renamed into place. A journal written before the branch moves
//! lets the next sop finish the work if this one is killed half-way; every lock and
//! temporary file is recorded before it is taken (locks.rs), so the next sop clears what a
//! killed one left.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use git2::{ObjectType, Oid, Repository, Tree};
use serde::{Deserialize, Serialize};

use super::index::{Folders, IndexFile, NewEntry, Stat};
use super::locks::SopLock;
use super::spare;
use super::{Git, Signature, Snapshot};
use crate::error::Hint;
use crate::{conflict, invalid};

/// How long to wait for a `.git/index.lock` held by a running git command.
const INDEX_LOCK_WAIT: Duration = Duration::from_secs(3);

/// A file sop writes in a change: `content` None deletes it. `path` is relative to the
/// records directory.
pub struct FileChange {
    pub path: PathBuf,
    pub content: Option<Vec<u8>>,
}

/// What a change will do, written before the branch moves.
#[derive(Serialize, Deserialize)]
struct Journal {
    branch: String,
    commit: String,
    /// Repository-relative path → blob id, or None to delete.
    files: Vec<(String, Option<String>)>,
}

impl Git {
    /// Takes the locks for one change, finishing any change a killed sop left half-done.
    pub fn begin(&self) -> Result<Tx<'_>> {
        if self
            .repo
            .config()
            .and_then(|c| c.get_bool("core.splitIndex"))
            .unwrap_or(false)
        {
            return Err(invalid!("{}", t!(GitSplitIndex)));
        }
        // A change reads the big shard folders on its paths several times (the links check,
        // the work-tree check, the new tree, the index's cached trees).
        super::history::keep_big_trees();
        let tx = Tx::start(self, SopLock::take(&self.git_dir)?)?;
        tx.read_index_ahead();
        Ok(tx)
    }

    /// For reading commands: when a killed sop left locks or a half-made change, and no other
    /// sop is at work, clears them and finishes the change. Never waits for another sop.
    pub(super) fn recover_if_abandoned(&self) -> Result<()> {
        let journal = self.git_dir.join(JOURNAL);
        if self.workdir.is_none() || !(super::locks::has_record(&self.git_dir) || journal.exists())
        {
            return Ok(());
        }
        if let Some(lock) = SopLock::try_take(&self.git_dir) {
            drop(Tx::start(self, lock)?);
        }
        Ok(())
    }
}

/// One change in progress: holds the locks until committed or dropped.
pub struct Tx<'a> {
    git: &'a Git,
    workdir: &'a Path,
    lock: RefCell<SopLock>,
    index_tmp: PathBuf,
    /// The index as this change found it, read once.
    index: RefCell<Option<std::rc::Rc<IndexFile>>>,
    /// The index being read in the background meanwhile (`read_index_ahead`).
    reading: RefCell<Option<std::thread::JoinHandle<Result<IndexFile>>>>,
    holds_index_lock: bool,
    /// The branch and its commit as read under the lock: the rules are read from it, and the
    /// branch moves only if it still points there.
    branch: String,
    head: Option<Oid>,
    /// sop.toml's `require_signatures`, as the rules read under the lock say: refuse to
    /// commit unsigned.
    pub require_signatures: bool,
    /// Whether to flush the change to disk before its commit point (`wants_fsync`).
    durable: bool,
}

const JOURNAL: &str = "sop-journal";

/// Whether a change was left half-made (its journal is there until the work tree and index
/// match its commit).
pub(super) fn journal_left(git_dir: &Path) -> bool {
    git_dir.join(JOURNAL).exists()
}
const INDEX_LOCK: &str = "index.lock";
const INDEX_TMP: &str = "sop-index.tmp";
/// libgit2 writes the index copy through this lock file.
const INDEX_TMP_LOCK: &str = "sop-index.tmp.lock";
/// The pack settings of a bulk change.
const PACK_CONFIG: &str = "sop-pack.config";

impl<'a> Tx<'a> {
    /// Clears what a killed sop left, takes git's index lock, and finishes a half-made change.
    fn start(git: &'a Git, mut lock: SopLock) -> Result<Tx<'a>> {
        lock.clear_abandoned()?;
        let mut tx = Tx {
            git,
            workdir: git.workdir()?,
            lock: RefCell::new(lock),
            index_tmp: git.git_dir.join(INDEX_TMP),
            index: RefCell::new(None),
            reading: RefCell::new(None),
            holds_index_lock: false,
            branch: String::new(),
            head: None,
            require_signatures: false,
            durable: wants_fsync(&git.repo),
        };
        tx.take_index_lock()?;
        tx.finish_journal()?;
        (tx.branch, tx.head) = git.branch()?;
        Ok(tx)
    }

    fn record(&self, rel: &str) -> Result<()> {
        self.lock.borrow_mut().record(rel)
    }

    fn release(&self, rel: &str) -> Result<()> {
        self.lock.borrow_mut().release(rel)
    }

    /// Whether HEAD is still `expected`, the commit the caller read its rules from before
    /// taking the lock (another change may have come in between).
    pub fn head_is(&self, expected: Option<Oid>) -> bool {
        self.head == expected
    }

    /// HEAD's records as of the lock: what this change's rules and records are read from.
    pub fn snapshot(&self) -> Result<Snapshot<'a>> {
        let tree = match self.head {
            Some(id) => Some(self.git.repo.find_commit(id)?.tree()?),
            None => None,
        };
        Ok(Snapshot::new(self.git, tree, self.head))
    }

    fn index_lock_path(&self) -> PathBuf {
        self.git.git_dir.join(INDEX_LOCK)
    }

    fn journal_path(&self) -> PathBuf {
        self.git.git_dir.join(JOURNAL)
    }

    /// Takes git's own index lock, so the `git` program waits for sop as it waits for itself.
    fn take_index_lock(&mut self) -> Result<()> {
        let path = self.index_lock_path();
        let start = Instant::now();
        // Recorded before it exists: a kill between the two leaves a record the next sop
        // clears, never an unrecorded lock.
        self.record(INDEX_LOCK)?;
        loop {
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(_) => {
                    self.holds_index_lock = true;
                    return Ok(());
                }
                // git holds it for a moment at a time: wait a little, as for another sop.
                Err(e)
                    if e.kind() == ErrorKind::AlreadyExists
                        && start.elapsed() < INDEX_LOCK_WAIT =>
                {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(e)
                    if e.kind() == ErrorKind::AlreadyExists
                        && super::locks::left_by_a_crash(&path) =>
                {
                    eprintln!("{}", t!(GitRemovedCrashed, path = path.display()));
                    let _ = fs::remove_file(&path);
                }
                Err(e) => {
                    self.release(INDEX_LOCK)?;
                    return Err(self.index_lock_error(e));
                }
            }
        }
    }

    fn index_lock_error(&self, e: std::io::Error) -> anyhow::Error {
        let path = self.index_lock_path();
        match e.kind() {
            ErrorKind::AlreadyExists => {
                conflict!("{}", t!(GitBusyIndex, path = path.display())).hint(t!(HintGitBusyIndex))
            }
            _ => anyhow::Error::new(e).context(t!(CtxCreating, path = path.display())),
        }
    }

    /// Finishes a change whose branch moved but whose files or index were not written.
    fn finish_journal(&self) -> Result<()> {
        let journal_path = self.journal_path();
        if let Ok(text) = fs::read_to_string(&journal_path) {
            let journal: Journal = serde_json::from_str(&text)
                .with_context(|| t!(CtxReading, path = journal_path.display()))?;
            let committed = self.git.repo.refname_to_id(&journal.branch).ok()
                == Some(Oid::from_str(&journal.commit)?);
            if committed {
                let blobs = journal
                    .files
                    .iter()
                    .map(|(path, blob)| {
                        Ok((
                            path.clone(),
                            blob.as_deref().map(Oid::from_str).transpose()?,
                        ))
                    })
                    .collect::<Result<Vec<(String, Option<Oid>)>>>()?;
                let contents = blobs
                    .iter()
                    .map(|(_, blob)| {
                        blob.map(|id| Ok(self.git.repo.find_blob(id)?.content().to_vec()))
                            .transpose()
                    })
                    .collect::<Result<Vec<Option<Vec<u8>>>>>()?;
                let files: Vec<(String, Option<&[u8]>)> = blobs
                    .iter()
                    .zip(&contents)
                    .map(|((path, _), content)| (path.clone(), content.as_deref()))
                    .collect();
                for (path, _) in &files {
                    let _ = fs::remove_file(temp_beside(&self.workdir.join(path)));
                }
                self.write_files(&files)?;
                let commit = self.git.repo.find_commit(Oid::from_str(&journal.commit)?)?;
                let parent = commit.parents().next().map(|p| p.tree()).transpose()?;
                self.write_index(&blobs, parent.as_ref(), &commit.tree()?)?;
                // The index read for that is not the one there now (a new one was renamed
                // into place): the change this lock is for reads it again.
                self.index.replace(None);
                eprintln!(
                    "{}",
                    t!(GitFinishedHalfDone, commit = &journal.commit[..12])
                );
            }
            fs::remove_file(&journal_path)?;
        }
        Ok(())
    }

    /// Refuses (exit 5) when any of `rels` differs from HEAD in the work tree or the index;
    /// reads HEAD's tree and the index once.
    pub fn ensure_unmodified_all(&self, rels: &[PathBuf]) -> Result<()> {
        if rels.is_empty() {
            return Ok(());
        }
        let paths: Vec<String> = rels.iter().map(|r| self.git.repo_path(r)).collect();
        let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
        self.refuse_links(&paths, &Trees::new(self.git, None))?;
        let tree = self.git.head_tree()?;
        let index = self.index()?;
        // Folders looked up once each: libgit2 does not cache large trees.
        let mut folders: HashMap<String, Option<Tree>> = HashMap::new();
        for rel in rels {
            let repo_path = self.git.repo_path(rel);
            let (dir, name) = repo_path.rsplit_once('/').unwrap_or(("", &repo_path));
            let head = folder(&self.git.repo, tree.as_ref(), dir, &mut folders)?
                .as_ref()
                .and_then(|t| t.get_name(name))
                .map(|e| e.id());
            let abs = self.workdir.join(&repo_path);
            let work = if abs.exists() {
                Some(Oid::hash_file(ObjectType::Blob, &abs)?)
            } else {
                None
            };
            let staged = index.staged(&repo_path)?;
            if work != head || staged != head {
                return Err(modified(&repo_path, staged != head));
            }
        }
        Ok(())
    }

    /// Starts reading the index on another thread: a change needs it (to check its paths
    /// and to write it), and reading a large one (milliseconds at 100,000 records) goes on
    /// while the change reads its rules and runs. Only under git's index lock, taken and
    /// any half-made change finished (`start`), so the index read is the one the change finds.
    fn read_index_ahead(&self) {
        let path = self.git.git_dir.join("index");
        let reading = std::thread::spawn(move || IndexFile::open(&path));
        self.reading.replace(Some(reading));
    }

    /// The index as it was when the change began, read and scanned once.
    fn index(&self) -> Result<std::rc::Rc<IndexFile>> {
        let mut slot = self.index.borrow_mut();
        if slot.is_none() {
            let index = match self.reading.take() {
                Some(reading) => reading
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                None => IndexFile::open(&self.git.git_dir.join("index")),
            };
            let index = index
                .map_err(|e| invalid!("{}", t!(GitIndexUnreadable, error = format!("{e:#}"))))?;
            *slot = Some(std::rc::Rc::new(index));
        }
        Ok(slot.as_ref().expect("just set").clone())
    }

    /// Writes `files` as one commit by `author` with `message`, moves the branch, then updates
    /// the work tree and index. Returns the new commit id.
    pub fn commit(self, files: &[FileChange], author: &Signature, message: &str) -> Result<Oid> {
        let git = self.git;
        let repo = &git.repo;
        let (branch, parent) = (self.branch.clone(), self.head);
        let changes: Vec<(String, Option<&[u8]>)> = files
            .iter()
            .map(|f| (git.repo_path(&f.path), f.content.as_deref()))
            .collect();
        // Many objects go into one pack file instead of a loose file each, written in memory
        // by a repository of their own (`bulk_repository`).
        let bulk = match changes.len() >= BULK {
            true => Some(bulk_repository()?),
            false => None,
        };
        let trees = Trees::new(git, bulk.as_ref());
        let paths: Vec<&str> = changes.iter().map(|(p, _)| p.as_str()).collect();
        self.refuse_links(&paths, &trees)?;
        if self.durable {
            flush_libgit2_writes();
        }
        let writer = bulk.as_ref().unwrap_or(repo);
        let mut blobs = Vec::new();
        for (path, content) in &changes {
            let blob = content.as_ref().map(|c| writer.blob(c)).transpose()?;
            blobs.push((path.clone(), blob));
        }
        let base = match parent {
            Some(id) => Some(repo.find_commit(id)?.tree()?),
            None => None,
        };
        let mut objects: Vec<Oid> = blobs.iter().filter_map(|(_, b)| *b).collect();
        let tree_id = match build_tree(&trees, writer, base.as_ref(), &blobs, &mut objects)? {
            Some(id) => id,
            None => empty_tree(writer)?,
        };
        if bulk.is_some() {
            // The repository's objects, for the parent the commit names: a commit is made
            // of a tree and parents of one repository.
            let objects = repo.commondir().join("objects");
            writer
                .odb()?
                .add_disk_alternate(&objects.to_string_lossy())?;
        }
        let tree = writer.find_tree(tree_id)?;
        let parents: Vec<git2::Commit> = parent
            .map(|p| writer.find_commit(p))
            .transpose()?
            .into_iter()
            .collect();
        let parent_refs: Vec<&git2::Commit> = parents.iter().collect();
        let author = &author.0;
        let buffer = writer.commit_create_buffer(author, author, message, &tree, &parent_refs)?;
        let buffer = buffer
            .as_str()
            .map_err(|_| invalid!("{}", t!(GitMessageNotUtf8)))?
            .to_string();
        let commit = match super::signing::sign(repo, &buffer, self.require_signatures)? {
            Some(signature) => writer.commit_signed(&buffer, &signature, None)?,
            None => writer.odb()?.write(ObjectType::Commit, buffer.as_bytes())?,
        };
        drop((tree, parents, trees));
        if let Some(bulk) = bulk {
            objects.push(commit);
            write_pack(&bulk, &objects, &self)?;
        }
        // The tree as the repository has it now (a bulk change's in its new pack).
        let tree = repo.find_tree(tree_id)?;
        crash_point("after-objects");
        let journal = Journal {
            branch: branch.clone(),
            commit: commit.to_string(),
            files: blobs
                .iter()
                .map(|(p, b)| (p.clone(), b.map(|b| b.to_string())))
                .collect(),
        };
        self.write_git_file(JOURNAL, serde_json::to_string(&journal)?.as_bytes())?;
        crash_point("after-journal");
        let subject = message.lines().next().unwrap_or_default();
        let reflog = match parent {
            Some(_) => format!("commit: {subject}"),
            None => format!("commit (initial): {subject}"),
        };
        if let Err(e) = self.move_branch(&branch, parent, commit, author, &reflog) {
            let _ = fs::remove_file(self.journal_path());
            return Err(e);
        }
        crash_point("after-ref");
        // The commit is made. From here a failure must not lose it: the journal stays until
        // the work tree and index match, and the next sop command finishes the job.
        self.write_files(&changes)
            .and_then(|()| self.write_index(&blobs, base.as_ref(), &tree))
            .with_context(|| t!(GitWorkTreeFailed, commit = commit))?;
        fs::remove_file(self.journal_path())?;
        Ok(commit)
    }

    /// Refuses (exit 3) to write through a symbolic link: any folder or file on the way to
    /// `paths` (repository-relative) that is a link in the work tree or in HEAD's tree. A link
    /// could lead anywhere, outside the repository too.
    fn refuse_links(&self, paths: &[&str], trees: &Trees) -> Result<()> {
        let head = self.git.head_tree()?;
        // Each folder on the way is looked at once, however many paths go through it (an
        // import of 10,000 assets goes through a thousand folders): HEAD's tree of it is read
        // once, None when HEAD has no folder there.
        let mut folders: HashMap<&str, Option<Tree>> = HashMap::new();
        for path in paths {
            let mut start = 0;
            while start < path.len() {
                let end = path[start..].find('/').map_or(path.len(), |i| start + i);
                let (at, part) = (&path[..end], &path[start..end]);
                let folder = end < path.len();
                start = end + 1;
                if folder && folders.contains_key(at) {
                    continue;
                }
                let parent = match at.len() - part.len() {
                    0 => head.as_ref(),
                    n => folders.get(&path[..n - 1]).and_then(Option::as_ref),
                };
                let (in_head, subtree) = match parent.and_then(|t| t.get_name(part)) {
                    Some(e) => (
                        e.filemode() == LINK_MODE,
                        (e.kind() == Some(ObjectType::Tree)).then(|| e.id()),
                    ),
                    None => (false, None),
                };
                let on_disk = fs::symlink_metadata(self.workdir.join(at))
                    .is_ok_and(|m| m.file_type().is_symlink());
                if on_disk || in_head {
                    return Err(invalid!("{}", t!(GitLinkOnTheWay, at = at, path = path))
                        .hint(t!(HintGitLink, at = at)));
                }
                if folder {
                    let tree = subtree.and_then(|id| trees.find(id).ok());
                    folders.insert(at, tree);
                }
            }
        }
        Ok(())
    }

    /// Moves `branch` from `old` to `new` as git does — its lock file, a compare-and-swap,
    /// a rename (the commit point), the reflogs — with the lock recorded before it is taken.
    fn move_branch(
        &self,
        branch: &str,
        old: Option<Oid>,
        new: Oid,
        who: &git2::Signature,
        reflog: &str,
    ) -> Result<()> {
        let common = self.git.repo.commondir().to_path_buf();
        let lock_rel = format!("{branch}.lock");
        let lock_path = common.join(&lock_rel);
        let lock_record = relative_to(&lock_path, &self.git.git_dir);
        if let Some(dir) = lock_path.parent() {
            fs::create_dir_all(dir).with_context(|| t!(CtxCreating, path = dir.display()))?;
        }
        self.record(&lock_record)?;
        let mut file = match create_lock(&lock_path) {
            Ok(f) => f,
            Err(e) => {
                self.release(&lock_record)?;
                return Err(match e.kind() {
                    ErrorKind::AlreadyExists => conflict!(
                        "{}",
                        t!(GitBranchLocked, branch = branch, path = lock_path.display())
                    )
                    .hint(t!(HintGitBranchLocked)),
                    _ => anyhow::Error::new(e).context(t!(CtxCreating, path = lock_path.display())),
                });
            }
        };
        crash_point("after-ref-lock");
        let result = (|| -> Result<()> {
            let current = self.git.repo.refname_to_id(branch).ok();
            if current != old {
                return Err(conflict!(
                    "{}",
                    t!(
                        GitBranchMoved,
                        branch = branch,
                        old = short(old),
                        new = short(current)
                    )
                )
                .hint(t!(HintGitBranchMoved)));
            }
            file.write_all(format!("{new}\n").as_bytes())?;
            if self.durable {
                file.sync_data()?;
            }
            drop(file);
            fs::rename(&lock_path, common.join(branch))
                .with_context(|| t!(GitMovingBranch, branch = branch))?;
            Ok(())
        })();
        if result.is_err() {
            let _ = fs::remove_file(&lock_path);
        }
        self.release(&lock_record)?;
        result?;
        let line = reflog_line(old, new, who, reflog);
        append(&common.join("logs").join(branch), &line)?;
        append(&self.git.git_dir.join("logs").join("HEAD"), &line)?;
        Ok(())
    }

    /// Writes a file of sop's own in the git folder through a recorded temporary file, renamed
    /// into place (flushed to disk first when the change is `durable`).
    fn write_git_file(&self, name: &str, bytes: &[u8]) -> Result<()> {
        let tmp = format!("{name}.sop-tmp");
        self.record(&tmp)?;
        let path = self.git.git_dir.join(name);
        replace_via(&path, &self.git.git_dir.join(&tmp), bytes, self.durable)?;
        self.release(&tmp)
    }

    fn write_files(&self, files: &[(String, Option<&[u8]>)]) -> Result<()> {
        use rayon::prelude::*;
        let workdir = self.workdir;
        files.par_iter().try_for_each(|(path, content)| {
            let abs = workdir.join(path);
            let done = match content {
                // Not flushed to disk one by one (as git does not): the commit holds the
                // content, and the journal rewrites these files after a crash.
                Some(bytes) => replace_file(&abs, bytes, false),
                None => match fs::remove_file(&abs) {
                    Err(e) if e.kind() != ErrorKind::NotFound => {
                        Err(e).with_context(|| format!("removing {}", abs.display()))
                    }
                    _ => Ok(()),
                },
            };
            crash_point("after-file");
            done
        })
    }

    /// Writes the index with sop's entries changed — in place when it can (see index.rs),
    /// else every other entry copied as it was, through a recorded temporary file renamed
    /// into place. `blobs` are the changed paths with the blobs the commit holds (None:
    /// deleted), whose files are written already; `old` and `new` are the trees of the
    /// change's parent and commit.
    fn write_index(
        &self,
        blobs: &[(String, Option<Oid>)],
        old: Option<&Tree>,
        new: &Tree,
    ) -> Result<()> {
        let index = self.index()?;
        let mut changes = std::collections::BTreeMap::new();
        for (path, blob) in blobs {
            let entry = match blob {
                Some(id) => {
                    let abs = self.workdir.join(path);
                    let meta =
                        fs::metadata(&abs).with_context(|| format!("reading {}", abs.display()))?;
                    Some(NewEntry {
                        id: *id,
                        stat: stat(&meta),
                    })
                }
                None => None,
            };
            changes.insert(path.clone(), entry);
        }
        let folders = Folders::of(old, new, changes.keys())?;
        let hash = !skips_hash(&self.git.repo);
        let path = self.git.git_dir.join("index");
        if !hash {
            if let Some(writes) = index.in_place(&changes, &folders) {
                return patch_file(&path, &writes).with_context(|| t!(GitWritingIndex));
            }
        }
        let pieces = index
            .pieces(&changes, &folders)
            .map_err(|e| invalid!("{}", t!(GitIndexUnwritable, error = format!("{e:#}"))))?;
        self.record(INDEX_TMP)?;
        // Straight from the mapped index to the file, piece by piece: no copy of it in
        // memory (tens of MB at 100,000 records).
        let git_dir = &self.git.git_dir;
        spare::take(git_dir, &self.index_tmp)
            .and_then(|mut file| {
                pieces.write_to(&mut file, hash)?;
                // A spare written into may have been longer.
                let written = file.stream_position()?;
                file.set_len(written)
            })
            .with_context(|| t!(GitWritingIndex))?;
        spare::replace(git_dir, &self.index_tmp, &path).with_context(|| t!(GitReplacingIndex))?;
        self.release(INDEX_TMP)?;
        crash_point("after-index");
        Ok(())
    }
}

/// Makes `writes` (offset, bytes) in the file at `path`, in order.
fn patch_file(path: &Path, writes: &[(usize, Vec<u8>)]) -> Result<()> {
    use std::os::unix::fs::FileExt;
    let file = OpenOptions::new().write(true).open(path)?;
    for (i, (at, bytes)) in writes.iter().enumerate() {
        file.write_all_at(bytes, *at as u64)?;
        if i == 0 {
            crash_point("in-index");
        }
    }
    crash_point("after-index");
    Ok(())
}

/// Whether the index's checksum may be left as zeros (git's `index.skipHash`): unless the
/// repository says `index.skipHash = false`.
fn skips_hash(repo: &Repository) -> bool {
    repo.config()
        .and_then(|c| c.get_bool("index.skipHash"))
        .unwrap_or(true)
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        // An index still being read (a change that stopped before it needed it) is read to
        // the end while the lock still keeps it as it is.
        if let Some(reading) = self.reading.take() {
            let _ = reading.join();
        }
        let _ = fs::remove_file(&self.index_tmp);
        let _ = fs::remove_file(self.git.git_dir.join(INDEX_TMP_LOCK));
        let _ = self.release(INDEX_TMP);
        if self.holds_index_lock {
            let _ = fs::remove_file(self.index_lock_path());
            let _ = self.release(INDEX_LOCK);
        }
    }
}

/// Creates a branch's lock file, waiting a little for a git command that holds it, and
/// removing one a crash left behind.
fn create_lock(path: &Path) -> std::io::Result<fs::File> {
    let start = Instant::now();
    loop {
        match OpenOptions::new().write(true).create_new(true).open(path) {
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {
                if super::locks::left_by_a_crash(path) {
                    eprintln!("{}", t!(GitRemovedCrashed, path = path.display()));
                    let _ = fs::remove_file(path);
                } else if start.elapsed() < INDEX_LOCK_WAIT {
                    std::thread::sleep(Duration::from_millis(10));
                } else {
                    return Err(e);
                }
            }
            other => return other,
        }
    }
}

/// The mode git gives a symbolic link in a tree.
const LINK_MODE: i32 = 0o120000;

fn short(id: Option<Oid>) -> String {
    id.map_or("nothing".into(), |id| id.to_string()[..12].to_string())
}

/// `path` relative to `base`, with `/`, for the lock record.
fn relative_to(path: &Path, base: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// A reflog line as git writes it: old, new, who, when, and the message.
fn reflog_line(old: Option<Oid>, new: Oid, who: &git2::Signature, message: &str) -> String {
    let when = who.when();
    let offset = when.offset_minutes();
    let sign = if offset < 0 { '-' } else { '+' };
    format!(
        "{} {new} {} <{}> {} {sign}{:02}{:02}\t{}\n",
        old.unwrap_or(Oid::ZERO_SHA1),
        who.name().unwrap_or_default(),
        who.email().unwrap_or_default(),
        when.seconds(),
        offset.abs() / 60,
        offset.abs() % 60,
        message.lines().next().unwrap_or_default()
    )
}

fn append(path: &Path, line: &str) -> Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut f| f.write_all(line.as_bytes()))
        .with_context(|| format!("writing {}", path.display()))
}

/// Fault injection for the crash tests (debug builds only): `SOP_TEST_CRASH=NAME` kills the
/// process at that point, as a power cut or `kill -9` would. The points, in order:
/// `after-objects`, `after-journal`, `after-ref-lock`, `after-ref`, `after-file` (each file
/// written), `in-index` (after the first write of an index patched in place),
/// `after-index-swap` (a new index swapped in, the old one not yet kept as the spare),
/// `after-index`.
pub(super) fn crash_point(name: &str) {
    if cfg!(debug_assertions) && std::env::var("SOP_TEST_CRASH").is_ok_and(|v| v == name) {
        std::process::abort();
    }
}

/// The stat data the index keeps for a work-tree file, as git truncates it; a regular file.
#[cfg(unix)]
fn stat(meta: &fs::Metadata) -> Stat {
    use std::os::unix::fs::MetadataExt;
    Stat {
        ctime: (meta.ctime() as u32, meta.ctime_nsec() as u32),
        mtime: (meta.mtime() as u32, meta.mtime_nsec() as u32),
        dev: meta.dev() as u32,
        ino: meta.ino() as u32,
        mode: 0o100644,
        uid: meta.uid(),
        gid: meta.gid(),
        size: meta.len() as u32,
    }
}

/// Whether the repository asks git to flush what a commit writes (`core.fsync` naming
/// `committed`, `all`, `reference`, or objects; or `core.fsyncObjectFiles`). Then sop flushes
/// the objects, the journal and the branch before its commit point, as git would. Otherwise,
/// as git by default, it flushes nothing: a kill at any instant is still safe (the page cache
/// outlives the process; see docs/recovery.md), and a power cut may lose the last changes, as
/// it may lose git's.
fn wants_fsync(repo: &Repository) -> bool {
    let Ok(config) = repo.config() else {
        return false;
    };
    let named = config.get_string("core.fsync").unwrap_or_default();
    named.split(',').map(str::trim).any(|c| {
        matches!(
            c,
            "committed" | "all" | "reference" | "objects" | "loose-object" | "pack"
        )
    }) || config.get_bool("core.fsyncObjectFiles").unwrap_or(false)
}

/// Makes libgit2 flush every object, pack and reference file it writes from now on.
fn flush_libgit2_writes() {
    // SAFETY: sets one of libgit2's global options, an int flag, as git2's own options do.
    unsafe {
        libgit2_sys::git_libgit2_opts(
            libgit2_sys::GIT_OPT_ENABLE_FSYNC_GITDIR as std::ffi::c_int,
            1 as std::ffi::c_int,
        );
    }
}

/// Writes through a temporary file beside `path` and a rename, so readers see the old
/// content or the new, never half; flushed to disk. For sop's indexes in the git folder,
/// written by reading commands too: the temporary file carries the writer's pid.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    replace_via(path, &pid_temp(path), bytes, true)
}

/// `write_atomic` without flushing to disk, for caches: one lost or torn by a crash is
/// rebuilt, so it is not worth a sync.
pub fn write_cache(path: &Path, bytes: &[u8]) -> Result<()> {
    replace_via(path, &pid_temp(path), bytes, false)
}

/// A cache written as it is made, for one too big to hold whole first: through the same
/// temporary file and rename as `write_cache`. Dropped unfinished, it leaves nothing.
pub struct CacheWriter {
    path: PathBuf,
    tmp: PathBuf,
    file: Option<std::io::BufWriter<fs::File>>,
}

impl CacheWriter {
    pub fn create(path: &Path) -> Result<CacheWriter> {
        let tmp = pid_temp(path);
        let _ = fs::remove_file(&tmp);
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .with_context(|| format!("writing {}", tmp.display()))?;
        Ok(CacheWriter {
            path: path.to_path_buf(),
            tmp,
            file: Some(std::io::BufWriter::with_capacity(1 << 16, file)),
        })
    }

    /// Puts the whole cache in place.
    pub fn finish(mut self) -> Result<()> {
        let file = self.file.take().expect("finished once");
        file.into_inner()
            .map_err(|e| e.into_error())
            .and_then(|_| fs::rename(&self.tmp, &self.path))
            .with_context(|| format!("writing {}", self.path.display()))
    }
}

impl Write for CacheWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.file.as_mut().expect("not finished").write(bytes)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.as_mut().expect("not finished").flush()
    }
}

impl Drop for CacheWriter {
    fn drop(&mut self) {
        // Gone once finished, unless the rename failed.
        let _ = fs::remove_file(&self.tmp);
    }
}

/// The temporary file beside `path` that this process writes it through.
pub(super) fn pid_temp(path: &Path) -> PathBuf {
    path.with_file_name(format!(
        "{}.{}.sop-tmp",
        path.file_name().unwrap_or_default().to_string_lossy(),
        std::process::id()
    ))
}

/// The temporary file a work-tree file is written through: beside it, so the rename stays in
/// one file system. A recovery removes it (the journal names every file of the change).
fn temp_beside(path: &Path) -> PathBuf {
    path.with_file_name(format!(
        ".{}.sop-tmp",
        path.file_name().unwrap_or_default().to_string_lossy()
    ))
}

/// Writes a work-tree file: a new one in place (nobody reads it yet), an existing one
/// through `temp_beside` and a rename, keeping its mode. Flushed to disk only when `sync`.
fn replace_file(path: &Path, bytes: &[u8], sync: bool) -> Result<()> {
    if !sync {
        match OpenOptions::new().write(true).create_new(true).open(path) {
            Ok(mut f) => {
                return f
                    .write_all(bytes)
                    .with_context(|| format!("writing {}", path.display()))
            }
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
            Err(e) if e.kind() == ErrorKind::NotFound => {} // its folder is new
            Err(e) => return Err(e).with_context(|| format!("writing {}", path.display())),
        }
    }
    replace_via(path, &temp_beside(path), bytes, sync)
}

/// Writes `bytes` to `tmp`, then renames it to `path`. A new file gets the mode the umask
/// gives, as git's files do; a replaced one keeps its mode.
fn replace_via(path: &Path, tmp: &Path, bytes: &[u8], sync: bool) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let _ = fs::remove_file(tmp);
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(tmp)
        .with_context(|| format!("writing {}", tmp.display()))?;
    let written = file.write_all(bytes).and_then(|()| {
        if let Ok(meta) = fs::metadata(path) {
            file.set_permissions(meta.permissions())?;
        }
        if sync {
            file.sync_data()?;
        }
        Ok(())
    });
    drop(file);
    if let Err(e) = written.and_then(|()| fs::rename(tmp, path)) {
        let _ = fs::remove_file(tmp);
        return Err(e).with_context(|| format!("writing {}", path.display()));
    }
    Ok(())
}

/// The tree of folder `dir` (repository-relative, "" for the root) in `root`, found through
/// `cache`, which holds every folder looked up so far.
fn folder<'r, 'c>(
    repo: &'r Repository,
    root: Option<&Tree<'r>>,
    dir: &str,
    cache: &'c mut HashMap<String, Option<Tree<'r>>>,
) -> Result<&'c Option<Tree<'r>>> {
    if !cache.contains_key(dir) {
        let found = match dir.rsplit_once('/') {
            _ if dir.is_empty() => root.cloned(),
            split => {
                let (parent, name) = split.unwrap_or(("", dir));
                folder(repo, root, parent, cache)?
                    .as_ref()
                    .and_then(|t| t.get_name(name))
                    .map(|e| e.to_object(repo))
                    .transpose()?
                    .and_then(|o| o.into_tree().ok())
            }
        };
        cache.insert(dir.to_string(), found);
    }
    Ok(&cache[dir])
}

fn modified(repo_path: &str, staged: bool) -> anyhow::Error {
    let message = if staged {
        t!(GitStaged, path = repo_path)
    } else {
        t!(GitEditedByHand, path = repo_path)
    };
    conflict!("{message}").hint(t!(HintGitEdited, path = repo_path))
}

/// From this many files on, a change's objects are written as one pack.
const BULK: usize = 64;

/// A repository whose object database holds, at first, nothing but objects written in
/// memory: a bulk change's blobs and trees are written there without the lookup that a write
/// makes in every store of the database (whether it has the object already), and the trees
/// they are built on are read from the repository itself (`build_tree`). Each such lookup in
/// the repository's packs is a binary search in a pack's index: an import of 10,000 assets
/// into 100,000 requests mapped 49 MB of the big pack's index that way, a quarter of its
/// peak. The repository's stores are added once the trees are written, for the parent the
/// commit names.
fn bulk_repository() -> Result<Repository> {
    let odb = git2::Odb::new()?;
    // The in-memory store is the odb's to free; its handle is not needed.
    odb.add_new_mempack_backend(1000)?;
    Ok(Repository::from_odb(odb)?)
}

/// Where a change reads the trees on the way to its files (`refuse_links`, `build_tree`).
/// A bulk change goes through a thousand shard folders, and each read by libgit2 is a binary
/// search through the big pack's mapped index, whose pages stay in the process's memory: an
/// import of 10,000 assets after `git gc` held 75 MB of a 110 MB index that way. A bulk
/// change's trees are read by sop's own reader instead (`pack::Store::open_for_few`, the
/// index read, not mapped) and written into the bulk repository's memory, where libgit2 finds
/// them; what that reader does not find (a loose tree), libgit2 reads.
struct Trees<'r> {
    repo: &'r Repository,
    bulk: Option<(&'r Repository, std::cell::RefCell<super::pack::Packs>)>,
}

impl<'r> Trees<'r> {
    fn new(git: &'r Git, bulk: Option<&'r Repository>) -> Trees<'r> {
        let packs = || {
            let store = super::pack::Store::open_for_few(&git.packed_objects()?)?;
            Some(super::pack::Packs::new(std::sync::Arc::new(store)))
        };
        Trees {
            repo: &git.repo,
            bulk: bulk.and_then(|b| Some((b, std::cell::RefCell::new(packs()?)))),
        }
    }

    /// Tree `id`, of the repository.
    fn find(&self, id: Oid) -> Result<Tree<'r>> {
        let Some((bulk, packs)) = &self.bulk else {
            return Ok(self.repo.find_tree(id)?);
        };
        match packs.borrow_mut().read(id) {
            Some((super::pack::Kind::Tree, bytes)) => {
                bulk.odb()?.write(ObjectType::Tree, &bytes)?;
                Ok(bulk.find_tree(id)?)
            }
            _ => Ok(self.repo.find_tree(id)?),
        }
    }
}

/// Writes `objects`, held in memory by `bulk` (`bulk_repository`), as one pack, indexed, in
/// the repository's object database, so git finds them. The pack goes to the indexer as it
/// is made, never whole in memory (13 MB for 10,000 assets, at the import's peak).
fn write_pack(bulk: &Repository, objects: &[Oid], tx: &Tx) -> Result<()> {
    // Records are small and alike: searching for deltas costs more than it saves here (`git
    // gc` packs them tightly later). libgit2 1.9 takes the size above which it does not
    // search from pack.deltaCacheSize (its big-file threshold), so 1 turns the search off;
    // the bulk repository has no other configuration.
    let settings = tx.git.git_dir.join(PACK_CONFIG);
    tx.record(PACK_CONFIG)?;
    fs::write(&settings, "[pack]\n\tdeltaCacheSize = 1\n")?;
    let written = configure(bulk, &settings).and_then(|()| stream_pack(bulk, objects, tx));
    let _ = fs::remove_file(&settings);
    tx.release(PACK_CONFIG)?;
    written
}

fn configure(repo: &Repository, settings: &Path) -> Result<()> {
    let mut config = git2::Config::new()?;
    config.add_file(settings, git2::ConfigLevel::App, true)?;
    repo.set_config(&config)?;
    Ok(())
}

/// The pack of `objects` (in `bulk`), written into the repository's object database.
fn stream_pack(bulk: &Repository, objects: &[Oid], tx: &Tx) -> Result<()> {
    let mut builder = bulk.packbuilder()?;
    builder.set_threads(0);
    for id in objects {
        builder.insert_object(*id, None)?;
    }
    let odb = tx.git.repo.odb()?;
    let mut writer = odb.packwriter()?;
    let mut failed = None;
    let streamed = builder.foreach(|chunk| match writer.write_all(chunk) {
        Ok(()) => true,
        Err(e) => {
            failed = Some(e);
            false
        }
    });
    if let Some(e) = failed {
        return Err(anyhow::Error::new(e).context(t!(GitWritingPack)));
    }
    streamed?;
    writer.commit()?;
    odb.refresh()?;
    Ok(())
}

fn empty_tree(repo: &Repository) -> Result<Oid> {
    Ok(repo.treebuilder(None)?.write()?)
}

/// The tree `base` with `changes` (repository-relative path → blob, None to delete) applied,
/// touching only the subtrees on those paths. None when the result is empty. Adds the trees
/// it writes to `written`. The subtrees of `base` are read by `trees`; the trees are written
/// by `writer`, which must have the blobs of `changes` (the repository itself, or a bulk
/// change's repository: `bulk_repository`).
fn build_tree(
    trees: &Trees,
    writer: &Repository,
    base: Option<&Tree>,
    changes: &[(String, Option<Oid>)],
    written: &mut Vec<Oid>,
) -> Result<Option<Oid>> {
    let mut builder = writer.treebuilder(base)?;
    let mut groups: std::collections::BTreeMap<&str, Vec<(String, Option<Oid>)>> =
        Default::default();
    for (path, blob) in changes {
        match path.split_once('/') {
            None => match blob {
                Some(b) => {
                    builder.insert(path, *b, 0o100644)?;
                }
                None => {
                    if builder.get(path)?.is_some() {
                        builder.remove(path)?;
                    }
                }
            },
            Some((dir, rest)) => groups
                .entry(dir)
                .or_default()
                .push((rest.to_string(), *blob)),
        }
    }
    for (dir, sub) in groups {
        let sub_base = match builder.get(dir)? {
            Some(e) if e.kind() == Some(ObjectType::Tree) => Some(trees.find(e.id())?),
            _ => None,
        };
        match build_tree(trees, writer, sub_base.as_ref(), &sub, written)? {
            Some(id) => {
                builder.insert(dir, id, 0o040000)?;
            }
            None => {
                if builder.get(dir)?.is_some() {
                    builder.remove(dir)?;
                }
            }
        }
    }
    if builder.is_empty() {
        return Ok(None);
    }
    let id = builder.write()?;
    written.push(id);
    Ok(Some(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cache written as it is made is seen whole or not at all: the old file stays until
    /// `finish`, and one dropped unfinished leaves no trace.
    #[test]
    fn a_cache_written_as_it_is_made_is_whole_or_not_there() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sop-cache-x");
        fs::write(&path, "old").unwrap();
        let files = || fs::read_dir(dir.path()).unwrap().count();
        let mut unfinished = CacheWriter::create(&path).unwrap();
        unfinished.write_all(b"half").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        drop(unfinished);
        assert_eq!(
            (fs::read_to_string(&path).unwrap(), files()),
            ("old".into(), 1)
        );
        let mut whole = CacheWriter::create(&path).unwrap();
        whole.write_all(b"new ").unwrap();
        whole.write_all(b"and whole").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        whole.finish().unwrap();
        assert_eq!(
            (fs::read_to_string(&path).unwrap(), files()),
            ("new and whole".into(), 1)
        );
    }

    /// A change that finds another's journal when it takes the lock (that one was killed
    /// after its commit point, while this one was starting) finishes it, then writes its own
    /// index from the index the journal's change wrote, not the one it found: every file of
    /// both is in it.
    #[test]
    fn a_change_that_finishes_a_journal_keeps_the_journal_s_files() {
        let dir = tempfile::tempdir().unwrap();
        let git = Git::init(dir.path()).unwrap();
        let when = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+07:00").unwrap();
        let sig = Signature::new("Tester", "tester@example.id", when).unwrap();
        let file = |path: &str| FileChange {
            path: path.into(),
            content: Some(path.as_bytes().to_vec()),
        };
        git.begin()
            .unwrap()
            .commit(&[file("a")], &sig, "a")
            .unwrap();
        // The killed change: its commit made and the branch moved, the journal left; neither
        // the work tree nor the index written.
        let repo = &git.repo;
        let blob = repo.blob(b"b").unwrap();
        let head = repo.head().unwrap().peel_to_commit().unwrap();
        let mut tree = repo.treebuilder(Some(&head.tree().unwrap())).unwrap();
        tree.insert("b", blob, 0o100644).unwrap();
        let tree = repo.find_tree(tree.write().unwrap()).unwrap();
        let commit = repo
            .commit(
                Some("refs/heads/main"),
                &sig.0,
                &sig.0,
                "b",
                &tree,
                &[&head],
            )
            .unwrap();
        let journal = Journal {
            branch: "refs/heads/main".into(),
            commit: commit.to_string(),
            files: vec![("b".into(), Some(blob.to_string()))],
        };
        let text = serde_json::to_string(&journal).unwrap();
        fs::write(git.git_dir.join(JOURNAL), text).unwrap();
        git.begin()
            .unwrap()
            .commit(&[file("c")], &sig, "c")
            .unwrap();
        let index = Repository::open(dir.path()).unwrap().index().unwrap();
        let paths: Vec<Vec<u8>> = index.iter().map(|e| e.path).collect();
        assert_eq!(paths, [b"a".to_vec(), b"b".to_vec(), b"c".to_vec()]);
    }

    /// A bulk change reads a packed tree by sop's own reader into its repository's memory
    /// (`Trees`), where libgit2 finds it as it is; a loose tree libgit2 reads as before.
    #[test]
    fn a_bulk_change_reads_packed_trees_into_its_own_memory() {
        let dir = tempfile::tempdir().unwrap();
        let git = Git::init(dir.path()).unwrap();
        let repo = &git.repo;
        let mut d = repo.treebuilder(None).unwrap();
        d.insert("x.toml", repo.blob(b"x = 1\n").unwrap(), 0o100644)
            .unwrap();
        let packed = d.write().unwrap();
        let mut root = repo.treebuilder(None).unwrap();
        root.insert("d", packed, 0o040000).unwrap();
        let root = repo.find_tree(root.write().unwrap()).unwrap();
        let sig = git2::Signature::now("Tester", "tester@example.id").unwrap();
        repo.commit(Some("HEAD"), &sig, &sig, "d", &root, &[])
            .unwrap();
        crate::git::testing::git(dir.path(), &["repack", "-adq"]);
        let git = Git::open(dir.path()).unwrap();
        let loose = git.repo.treebuilder(None).unwrap().write().unwrap();
        let bulk = bulk_repository().unwrap();
        let trees = Trees::new(&git, Some(&bulk));
        let tree = trees.find(packed).unwrap();
        assert_eq!(tree.get_name("x.toml").unwrap().name(), Ok("x.toml"));
        assert!(
            bulk.odb().unwrap().exists(packed),
            "read into the bulk memory"
        );
        assert_eq!(trees.find(loose).unwrap().id(), loose);
        assert!(!bulk.odb().unwrap().exists(loose), "read by libgit2");
    }

    /// A link on the way to a written file is refused, in HEAD only or in the work tree only,
    /// however many paths went through the folders before it (each folder is read once).
    #[cfg(unix)]
    #[test]
    fn a_link_on_the_way_is_refused_in_head_or_in_the_work_tree() {
        let dir = tempfile::tempdir().unwrap();
        let git = Git::init(dir.path()).unwrap();
        let repo = &git.repo;
        // HEAD: d/x a file, d/e a link; the work tree: d/e a folder, w a link to d.
        let mut d = repo.treebuilder(None).unwrap();
        d.insert("x", repo.blob(b"x").unwrap(), 0o100644).unwrap();
        d.insert("e", repo.blob(b"/elsewhere").unwrap(), LINK_MODE)
            .unwrap();
        let mut root = repo.treebuilder(None).unwrap();
        root.insert("d", d.write().unwrap(), 0o040000).unwrap();
        let root = repo.find_tree(root.write().unwrap()).unwrap();
        let sig = git2::Signature::now("Tester", "tester@example.id").unwrap();
        repo.commit(Some("HEAD"), &sig, &sig, "links", &root, &[])
            .unwrap();
        fs::create_dir_all(dir.path().join("d/e")).unwrap();
        std::os::unix::fs::symlink("d", dir.path().join("w")).unwrap();
        let tx = git.begin().unwrap();
        let refused = |paths: &[String]| {
            let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
            tx.refuse_links(&paths, &Trees::new(&git, None)).is_err()
        };
        let through_d = |last: &str| -> Vec<String> {
            let mut paths: Vec<String> = (0..100).map(|i| format!("d/f{i}")).collect();
            paths.push(last.into());
            paths
        };
        assert!(!refused(&through_d("d/x/f")), "d/x is no link");
        assert!(!refused(&through_d("a/b/c")));
        assert!(refused(&through_d("d/e/f")), "a link in HEAD");
        assert!(refused(&through_d("w/f")), "a link in the work tree");
        assert!(refused(&["d/e".into()]), "the file itself a link in HEAD");
    }

    /// A change flushes to disk exactly when the repository asks git to flush what a commit
    /// writes (see docs/recovery.md).
    #[test]
    fn flushing_follows_git_s_settings() {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init(dir.path()).unwrap();
        assert!(
            !wants_fsync(&repo),
            "git's default flushes nothing a commit writes"
        );
        let mut config = repo.config().unwrap();
        for (value, wanted) in [
            ("committed", true),
            ("all", true),
            ("reference", true),
            ("objects,-loose-object", true),
            ("index", false),
            ("none", false),
            ("pack-metadata, reference", true),
        ] {
            config.set_str("core.fsync", value).unwrap();
            assert_eq!(wants_fsync(&repo), wanted, "core.fsync = {value}");
        }
        config.set_str("core.fsync", "none").unwrap();
        config.set_bool("core.fsyncObjectFiles", true).unwrap();
        assert!(wants_fsync(&repo), "core.fsyncObjectFiles = true");
    }
}
