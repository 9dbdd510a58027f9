//! One change = one commit of exactly the files sop wrote.
//!
//! The recipe: hold git's own `.git/index.lock` for the whole change, so
//! neither another sop nor the `git` program can interleave; build the commit's tree from
//! HEAD's tree (never from the index, which may hold the user's staged work); move the branch
//! with a compare-and-swap, which is the commit point; then write the work-tree files and a
//! private copy of the index, renamed into place. A journal written before the branch moves
//! lets the next sop finish the work if this one is killed half-way.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use git2::{IndexEntry, IndexTime, ObjectType, Oid, Repository, Tree};
use serde::{Deserialize, Serialize};

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
        let workdir = self.workdir()?;
        if self
            .repo
            .config()
            .and_then(|c| c.get_bool("core.splitIndex"))
            .unwrap_or(false)
        {
            return Err(invalid!(
                "this repository uses core.splitIndex, which sop's git library cannot write: run `git config core.splitIndex false && git update-index --no-split-index`"
            ));
        }
        let flock = self.lock_sop()?;
        let mut tx = Tx {
            git: self,
            workdir,
            flock,
            index_tmp: self.git_dir.join("sop-index.tmp"),
            index: RefCell::new(None),
            holds_index_lock: false,
            branch: String::new(),
            head: None,
            require_signatures: false,
        };
        tx.recover()?;
        tx.take_index_lock()?;
        (tx.branch, tx.head) = self.branch()?;
        Ok(tx)
    }

    fn lock_sop(&self) -> Result<File> {
        let path = self.git_dir.join("sop.lock");
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .with_context(|| format!("opening {}", path.display()))?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(file),
                Err(fs::TryLockError::WouldBlock) if start.elapsed() < Duration::from_secs(10) => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(conflict!(
                        "the repository is busy: another sop command has held it for 10 seconds; try again"
                    ))
                }
                Err(fs::TryLockError::Error(e)) => {
                    return Err(e).with_context(|| format!("locking {}", path.display()))
                }
            }
        }
    }
}

/// One change in progress: holds the locks until committed or dropped.
pub struct Tx<'a> {
    git: &'a Git,
    workdir: &'a Path,
    flock: File,
    index_tmp: PathBuf,
    /// The private copy of the index, read once per change.
    index: RefCell<Option<git2::Index>>,
    holds_index_lock: bool,
    /// The branch and its commit as read under the lock: the rules are read from it, and the
    /// branch moves only if it still points there.
    branch: String,
    head: Option<Oid>,
    /// sop.toml's `require_signatures`, as the rules read under the lock say: refuse to
    /// commit unsigned.
    pub require_signatures: bool,
}

impl<'a> Tx<'a> {
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
        self.git.git_dir.join("index.lock")
    }

    fn journal_path(&self) -> PathBuf {
        self.git.git_dir.join("sop-journal")
    }

    /// Takes git's own index lock, so the `git` program waits for sop as it waits for itself.
    fn take_index_lock(&mut self) -> Result<()> {
        let path = self.index_lock_path();
        let start = Instant::now();
        loop {
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(_) => {
                    self.holds_index_lock = true;
                    return self.mark(true);
                }
                // git holds it for a moment at a time: wait a little, as for another sop.
                Err(e)
                    if e.kind() == ErrorKind::AlreadyExists
                        && start.elapsed() < INDEX_LOCK_WAIT =>
                {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(e) => return Err(self.index_lock_error(e)),
            }
        }
    }

    fn index_lock_error(&self, e: std::io::Error) -> anyhow::Error {
        let path = self.index_lock_path();
        match e.kind() {
            ErrorKind::AlreadyExists => conflict!(
                "the repository is busy: {} exists, so a git command is running",
                path.display()
            )
            .hint("wait for it to finish; if no git command is running, a crashed one left the file: remove it"),
            _ => anyhow::Error::new(e).context(format!("creating {}", path.display())),
        }
    }

    /// Records in sop.lock whether this process holds index.lock, so a successor can tell a
    /// lock left by a killed sop from one held by a running git.
    fn mark(&self, holding: bool) -> Result<()> {
        let mut f = &self.flock;
        f.set_len(0)?;
        use std::io::Seek;
        f.seek(std::io::SeekFrom::Start(0))?;
        if holding {
            f.write_all(b"index.lock\n")?;
        }
        Ok(())
    }

    fn marked(&self) -> bool {
        fs::read_to_string(self.git.git_dir.join("sop.lock"))
            .is_ok_and(|s| s.contains("index.lock"))
    }

    /// Finishes a change whose branch moved but whose files or index were not written,
    /// and clears locks a killed sop left behind.
    fn recover(&self) -> Result<()> {
        let journal_path = self.journal_path();
        if let Ok(text) = fs::read_to_string(&journal_path) {
            let journal: Journal = serde_json::from_str(&text)
                .with_context(|| format!("reading {}", journal_path.display()))?;
            let committed = self.git.repo.refname_to_id(&journal.branch).ok()
                == Some(Oid::from_str(&journal.commit)?);
            if committed {
                let files = journal
                    .files
                    .iter()
                    .map(|(path, blob)| {
                        let content = match blob {
                            Some(b) => Some(
                                self.git
                                    .repo
                                    .find_blob(Oid::from_str(b)?)?
                                    .content()
                                    .to_vec(),
                            ),
                            None => None,
                        };
                        Ok((path.clone(), content))
                    })
                    .collect::<Result<Vec<_>>>()?;
                self.write_files(&files)?;
                self.write_index(&files)?;
                eprintln!(
                    "sop: finished writing commit {} that an interrupted sop command left half-done",
                    &journal.commit[..12]
                );
            }
            fs::remove_file(&journal_path)?;
        }
        if self.marked() {
            let _ = fs::remove_file(self.index_lock_path());
            let _ = fs::remove_file(&self.index_tmp);
            self.mark(false)?;
        }
        Ok(())
    }

    /// Refuses (exit 5) when any of `rels` differs from HEAD in the work tree or the index;
    /// reads HEAD's tree and the index once.
    pub fn ensure_unmodified_all(&self, rels: &[PathBuf]) -> Result<()> {
        if rels.is_empty() {
            return Ok(());
        }
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
            let staged = index.get_path(Path::new(&repo_path), 0).map(|e| e.id);
            if work != head || staged != head {
                return Err(modified(&repo_path, staged != head));
            }
        }
        Ok(())
    }

    /// The private index copy: a hard link to `.git/index` (no 10 MB copy at 100,000 files),
    /// which libgit2 replaces, not rewrites, when it writes, so the real index is untouched
    /// until it is renamed into place.
    fn index(&self) -> Result<std::cell::RefMut<'_, git2::Index>> {
        let mut slot = self.index.borrow_mut();
        if slot.is_none() {
            let real = self.git.git_dir.join("index");
            let _ = fs::remove_file(&self.index_tmp);
            if real.exists() && fs::hard_link(&real, &self.index_tmp).is_err() {
                fs::copy(&real, &self.index_tmp).context("copying the git index")?;
            }
            let index = git2::Index::open(&self.index_tmp)
                .map_err(|e| invalid!("cannot read the git index: {}", e.message()))?;
            *slot = Some(index);
        }
        Ok(std::cell::RefMut::map(slot, |i| {
            i.as_mut().expect("just set")
        }))
    }

    /// Writes `files` as one commit by `author` with `message`, moves the branch, then updates
    /// the work tree and index. Returns the new commit id.
    pub fn commit(self, files: &[FileChange], author: &Signature, message: &str) -> Result<Oid> {
        let git = self.git;
        let repo = &git.repo;
        let (branch, parent) = (self.branch.clone(), self.head);
        let changes: Vec<(String, Option<Vec<u8>>)> = files
            .iter()
            .map(|f| (git.repo_path(&f.path), f.content.clone()))
            .collect();
        let odb = repo.odb()?;
        // Many objects go into one pack file instead of a loose file each.
        let bulk = if changes.len() >= BULK {
            Some(odb.add_new_mempack_backend(1000)?)
        } else {
            None
        };
        let mut blobs = Vec::new();
        for (path, content) in &changes {
            let blob = content.as_ref().map(|c| repo.blob(c)).transpose()?;
            blobs.push((path.clone(), blob));
        }
        let base = match parent {
            Some(id) => Some(repo.find_commit(id)?.tree()?),
            None => None,
        };
        let mut objects: Vec<Oid> = blobs.iter().filter_map(|(_, b)| *b).collect();
        let tree_id = match build_tree(repo, base.as_ref(), &blobs, &mut objects)? {
            Some(id) => id,
            None => empty_tree(repo)?,
        };
        let tree = repo.find_tree(tree_id)?;
        let parents: Vec<git2::Commit> = parent
            .map(|p| repo.find_commit(p))
            .transpose()?
            .into_iter()
            .collect();
        let parent_refs: Vec<&git2::Commit> = parents.iter().collect();
        let author = &author.0;
        let buffer = repo.commit_create_buffer(author, author, message, &tree, &parent_refs)?;
        let buffer = buffer
            .as_str()
            .map_err(|_| invalid!("commit message is not valid UTF-8"))?
            .to_string();
        let commit = match super::signing::sign(repo, &buffer, self.require_signatures)? {
            Some(signature) => repo.commit_signed(&buffer, &signature, None)?,
            None => odb.write(ObjectType::Commit, buffer.as_bytes())?,
        };
        if let Some(mempack) = &bulk {
            objects.push(commit);
            write_pack(repo, &odb, mempack, &objects, &self.git.git_dir)?;
        }
        let journal = Journal {
            branch: branch.clone(),
            commit: commit.to_string(),
            files: blobs
                .iter()
                .map(|(p, b)| (p.clone(), b.map(|b| b.to_string())))
                .collect(),
        };
        write_atomic(
            &self.journal_path(),
            serde_json::to_string(&journal)?.as_bytes(),
        )?;
        crash_point("before-ref");
        let subject = message.lines().next().unwrap_or_default();
        let moved = match parent {
            Some(old) => {
                repo.reference_matching(&branch, commit, true, old, &format!("commit: {subject}"))
            }
            None => repo.reference(
                &branch,
                commit,
                false,
                &format!("commit (initial): {subject}"),
            ),
        };
        if let Err(e) = moved {
            let _ = fs::remove_file(self.journal_path());
            return Err(conflict!(
                "{branch} moved while sop was working ({}); nothing was changed: run the command again",
                e.message()
            ));
        }
        crash_point("after-ref");
        // The commit is made. From here a failure must not lose it: the journal stays until
        // the work tree and index match, and the next sop command finishes the job.
        self.write_files(&changes)
            .and_then(|()| self.write_index(&changes))
            .with_context(|| {
                format!("commit {commit} was made, but updating the work tree failed; the next sop command will finish it")
            })?;
        fs::remove_file(self.journal_path())?;
        Ok(commit)
    }

    fn write_files(&self, files: &[(String, Option<Vec<u8>>)]) -> Result<()> {
        use rayon::prelude::*;
        let workdir = self.workdir;
        files.par_iter().try_for_each(|(path, content)| {
            let abs = workdir.join(path);
            match content {
                // Not flushed to disk one by one (as git does not): the commit holds the
                // content, and the journal rewrites these files after a crash.
                Some(bytes) => replace_file(&abs, bytes, false),
                None => match fs::remove_file(&abs) {
                    Err(e) if e.kind() != ErrorKind::NotFound => {
                        Err(e).with_context(|| format!("removing {}", abs.display()))
                    }
                    _ => Ok(()),
                },
            }
        })
    }

    /// Updates sop's entries in a private copy of the index and renames it into place.
    fn write_index(&self, files: &[(String, Option<Vec<u8>>)]) -> Result<()> {
        let mut index = self.index()?;
        for (path, content) in files {
            match content {
                Some(bytes) => {
                    let abs = self.workdir.join(path);
                    let meta =
                        fs::metadata(&abs).with_context(|| format!("reading {}", abs.display()))?;
                    let id = Oid::hash_object(ObjectType::Blob, bytes)?;
                    index.add(&entry(path, id, &meta))?;
                }
                None => {
                    let _ = index.remove_path(Path::new(path));
                }
            }
        }
        if index.version() < 4 {
            // Version 4 compresses paths: a third of the bytes to hash and write at 100,000 files.
            index.set_version(4)?;
        }
        index.write()?;
        fs::rename(&self.index_tmp, self.git.git_dir.join("index"))
            .context("replacing the git index")?;
        Ok(())
    }
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        if self.holds_index_lock {
            let _ = fs::remove_file(self.index_lock_path());
            let _ = self.mark(false);
        }
        let _ = fs::remove_file(&self.index_tmp);
        let _ = fs::remove_file(self.git.git_dir.join("sop-index.tmp.lock"));
    }
}

/// Fault injection for the crash tests: `SOP_TEST_CRASH=before-ref|after-ref` kills the
/// process at that point, as a power cut or `kill -9` would.
fn crash_point(name: &str) {
    if std::env::var("SOP_TEST_CRASH").is_ok_and(|v| v == name) {
        std::process::abort();
    }
}

#[cfg(unix)]
fn entry(path: &str, id: Oid, meta: &fs::Metadata) -> IndexEntry {
    use std::os::unix::fs::MetadataExt;
    IndexEntry {
        ctime: IndexTime::new(meta.ctime() as i32, meta.ctime_nsec() as u32),
        mtime: IndexTime::new(meta.mtime() as i32, meta.mtime_nsec() as u32),
        dev: meta.dev() as u32,
        ino: meta.ino() as u32,
        mode: 0o100644,
        uid: meta.uid(),
        gid: meta.gid(),
        file_size: meta.len() as u32,
        id,
        flags: path.len().min(0xfff) as u16,
        flags_extended: 0,
        path: path.as_bytes().to_vec(),
    }
}

/// Writes through a temporary file in the same folder and a rename, so readers see the old
/// content or the new, never half.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    replace_file(path, bytes, true)
}

/// `write_atomic`, flushing the data to disk before the rename only when `sync`. A file
/// that does not exist yet is written in place when not syncing (nobody reads it yet).
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
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("writing in {}", dir.display()))?;
    tmp.write_all(bytes)?;
    if sync {
        tmp.as_file().sync_data()?;
    }
    tmp.persist(path)
        .with_context(|| format!("writing {}", path.display()))?;
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
    let what = if staged {
        "has staged changes"
    } else {
        "was edited by hand"
    };
    conflict!("{repo_path} {what} and not committed; sop will not overwrite it").hint(format!(
        "commit the edit with git (git add {repo_path} && git commit) if it is right, or discard it (git restore --staged --worktree {repo_path}); `sop verify` checks hand edits"
    ))
}

/// From this many files on, a change's objects are written as one pack.
const BULK: usize = 64;

/// Writes `objects`, held in memory, as one pack, indexed, so git finds them.
fn write_pack(
    repo: &Repository,
    odb: &git2::Odb,
    mempack: &git2::Mempack,
    objects: &[Oid],
    git_dir: &Path,
) -> Result<()> {
    let buf = {
        // Records are small and alike: searching for deltas costs more than it saves here
        // (`git gc` packs them tightly later). libgit2 1.9 takes the size above which it
        // does not search from pack.deltaCacheSize (its big-file threshold), so 1 turns the
        // search off for this pack only; the user's config is restored right after.
        let settings = git_dir.join("sop-pack.config");
        fs::write(&settings, "[pack]\n\tdeltaCacheSize = 1\n")?;
        let mut config = git2::Config::new()?;
        config.add_file(&settings, git2::ConfigLevel::App, true)?;
        let user = repo.config()?;
        repo.set_config(&config)?;
        let built = pack(repo, objects);
        repo.set_config(&user)?;
        let _ = fs::remove_file(&settings);
        built?
    };
    let mut writer = odb.packwriter()?;
    writer.write_all(&buf).context("writing a pack")?;
    writer.commit()?;
    mempack.reset()?;
    odb.refresh()?;
    Ok(())
}

fn pack(repo: &Repository, objects: &[Oid]) -> Result<git2::Buf> {
    let mut builder = repo.packbuilder()?;
    builder.set_threads(0);
    for id in objects {
        builder.insert_object(*id, None)?;
    }
    let mut buf = git2::Buf::new();
    builder.write_buf(&mut buf)?;
    Ok(buf)
}

fn empty_tree(repo: &Repository) -> Result<Oid> {
    Ok(repo.treebuilder(None)?.write()?)
}

/// The tree `base` with `changes` (repository-relative path → blob, None to delete) applied,
/// touching only the subtrees on those paths. None when the result is empty. Adds the trees
/// it writes to `written`.
fn build_tree(
    repo: &Repository,
    base: Option<&Tree>,
    changes: &[(String, Option<Oid>)],
    written: &mut Vec<Oid>,
) -> Result<Option<Oid>> {
    let mut builder = repo.treebuilder(base)?;
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
            Some(e) if e.kind() == Some(ObjectType::Tree) => Some(repo.find_tree(e.id())?),
            _ => None,
        };
        match build_tree(repo, sub_base.as_ref(), &sub, written)? {
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
