//! The git layer: the only code that touches git2 (libgit2). Everything else asks it in
//! sop's words — HEAD's records, one change as one commit, the commits of the history and
//! what each holds — and names objects by `git::Oid`.
//!
//! - `mod.rs`: the repository handle (`Git`): opening it, where the records are in it, git's
//!   configuration, blobs; `Snapshot`, the records as one commit holds them.
//! - `tx.rs`: one change = one commit of exactly the files sop wrote (`Tx`); `index.rs` git's
//!   index patched or written anew, `spare.rs` the index before last, kept to write the next
//!   new one into; `locks.rs` the locks a change takes and clears.
//! - `walk.rs`: the commits of the history or of a range, in order, and `CommitInfo`, what one
//!   commit holds.
//! - `history.rs`: tree diffs, and the per-request index of commits; `commit_graph.rs` the
//!   whole history's list from git's commit-graph file; `pack.rs` sop's own reader of packs.
//! - `signing.rs`: signing commits and checking signatures, as git does.
//! - `ahead.rs`: record files read from the disk many at a time, ahead of their parsing.

mod ahead;
mod commit_graph;
mod history;
mod index;
mod locks;
mod pack;
pub mod signing;
mod spare;
mod tx;
mod walk;

use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context as _, Result};
use chrono::{DateTime, FixedOffset};
use git2::{ObjectType, Repository, Tree};
use rayon::prelude::*;

pub use git2::Oid;
pub use history::{tune_for_history, PathChange};
pub use tx::{write_atomic, write_cache, CacheWriter, FileChange, Tx};
pub use walk::CommitInfo;

use crate::invalid;

/// A handle on the repository holding the records directory. Not shared between threads:
/// `in_parallel` gives each thread its own.
pub struct Git {
    repo: Repository,
    /// The work tree; None in a bare repository (a server's), which sop only reads.
    workdir: Option<PathBuf>,
    git_dir: PathBuf,
    /// The records directory relative to the work tree root ("" when it is the root).
    prefix: PathBuf,
    /// The same as a repository path prefix: "" at the root, else "dir/".
    records_prefix: String,
    /// Trees read lately by tree diffs (`history::changed`).
    recent: std::cell::RefCell<history::Recent>,
    /// The last two commits read by `commit_info`, with their trees: in a walk of the
    /// history, the commit at hand and its parent, which so is not read again for its tree.
    last_trees: std::cell::Cell<[Option<(Oid, Oid)>; 2]>,
}

impl Git {
    /// The repository holding the records directory `root`.
    pub fn open(root: &Path) -> Result<Git> {
        Git::open_as_is(root)?.cleared()
    }

    /// This repository, opened as it is (`open_as_is`), with what a killed sop may have left
    /// — locks or a half-written change — cleared, as every command does, reading ones
    /// included, when no other sop is at work.
    pub fn cleared(self) -> Result<Git> {
        self.recover_if_abandoned()?;
        Ok(self)
    }

    /// The repository holding `root`, leaving what a killed sop left for the next command to
    /// clear (`open`): for completions, which only read HEAD and its caches.
    pub fn open_as_is(root: &Path) -> Result<Git> {
        let repo = Repository::discover(root).map_err(|e| {
            invalid!(
                "{}",
                t!(GitNotARepo, path = root.display(), error = e.message())
            )
        })?;
        let workdir = repo
            .workdir()
            .ok_or_else(|| invalid!("{}", t!(GitBare, path = root.display())))?
            .canonicalize()?;
        let prefix = root
            .canonicalize()?
            .strip_prefix(&workdir)
            .map(Path::to_path_buf)
            .unwrap_or_default();
        Ok(Git::new(repo, Some(workdir), prefix))
    }

    /// The repository holding `dir`, made first (its branch named main) when there is none.
    pub fn init(dir: &Path) -> Result<Git> {
        if Repository::discover(dir).is_err() {
            let mut opts = git2::RepositoryInitOptions::new();
            opts.initial_head("main");
            Repository::init_opts(dir, &opts)
                .with_context(|| format!("git init {}", dir.display()))?;
        }
        Git::open(dir)
    }

    /// The repository git's environment names (`GIT_DIR`, as in a server's hook), for reading
    /// its history; it may be bare. Its records are where HEAD's tree has sop.toml: at the
    /// root, or one folder down. The error is git's message.
    pub fn open_from_env() -> Result<Git> {
        let repo = Repository::open_from_env().map_err(|e| anyhow!("{}", e.message()))?;
        let workdir = repo.workdir().and_then(|w| w.canonicalize().ok());
        let prefix = PathBuf::from(records_folder(&repo));
        Ok(Git::new(repo, workdir, prefix))
    }

    fn new(repo: Repository, workdir: Option<PathBuf>, prefix: PathBuf) -> Git {
        // Read objects as git does, without hashing each again (libgit2's default, with its
        // collision-detecting SHA-1, was a quarter of an asset import): git checks object ids
        // when objects arrive (index-pack, unpack-objects) and in `git fsck`, not on each read.
        git2::opts::strict_hash_verification(false);
        bound_pack_maps();
        let git_dir = repo.path().to_path_buf();
        let mut git = Git {
            repo,
            workdir,
            git_dir,
            prefix,
            records_prefix: String::new(),
            recent: Default::default(),
            last_trees: Default::default(),
        };
        git.records_prefix = match git.repo_path(Path::new("")) {
            p if p.is_empty() => p,
            p => format!("{p}/"),
        };
        git
    }

    /// The work tree's root; an error in a bare repository.
    pub fn workdir(&self) -> Result<&Path> {
        self.workdir
            .as_deref()
            .ok_or_else(|| invalid!("{}", t!(GitBare, path = self.git_dir.display())))
    }

    /// The short name of the branch HEAD points at.
    pub fn branch_name(&self) -> Result<String> {
        let (full, _) = self.branch()?;
        Ok(full
            .strip_prefix("refs/heads/")
            .unwrap_or(&full)
            .to_string())
    }

    /// Repository-relative path (with `/`) of a records-relative path.
    fn repo_path(&self, rel: &Path) -> String {
        let joined = self.prefix.join(rel);
        joined
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// Where the records directory is in the repository: "" at the root, else "dir/".
    pub fn records_prefix(&self) -> &str {
        &self.records_prefix
    }

    fn head_tree(&self) -> Result<Option<Tree<'_>>> {
        match self.repo.head() {
            Ok(head) => Ok(Some(head.peel_to_tree()?)),
            Err(e) if e.code() == git2::ErrorCode::UnbornBranch => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// HEAD's records, read without the lock (for reading commands).
    pub fn head_snapshot(&self) -> Result<Snapshot<'_>> {
        let (_, commit) = self.branch()?;
        Ok(Snapshot::new(self, self.head_tree()?, commit))
    }

    /// The id of the records folder `rel` in HEAD's tree (None when HEAD has no such folder).
    pub fn head_folder_id(&self, rel: &Path) -> Result<Option<Oid>> {
        let Some(root) = self.head_tree()? else {
            return Ok(None);
        };
        match root.get_path(Path::new(&self.repo_path(rel))) {
            Ok(entry) if entry.kind() == Some(ObjectType::Tree) => Ok(Some(entry.id())),
            Ok(_) => Ok(None),
            Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// The id of HEAD's tree of the records folder (records and rules alike); None when HEAD
    /// is unborn.
    pub fn head_records_tree(&self) -> Result<Option<Oid>> {
        match self.prefix.as_os_str().is_empty() {
            true => Ok(self.head_tree()?.map(|tree| tree.id())),
            false => self.head_folder_id(Path::new("")),
        }
    }

    /// The files that differ between two versions of a folder (ids from `head_folder_id`),
    /// paths relative to the folder, descending only into subtrees that differ: the cost is
    /// what changed. None when `old` is not a tree of the repository (any more).
    pub fn folder_changes(&self, old: Oid, new: Option<Oid>) -> Result<Option<Vec<PathChange>>> {
        if !matches!(self.repo.odb()?.read_header(old), Ok((_, ObjectType::Tree))) {
            return Ok(None);
        }
        let mut out = Vec::new();
        let recent = &mut self.recent.borrow_mut();
        // A large diff reads its trees from the packs by sop's own reader (history.rs,
        // `FEW_TREES`), for this diff only, unless a reader is there already.
        let lend = match (&recent.packs, self.packed_objects()) {
            (None, Some(objects)) => {
                recent.may_read = Some((objects, 0));
                true
            }
            _ => false,
        };
        let diffed = history::changed(&self.repo, recent, Some(old), new, "", &mut out);
        if lend {
            (recent.may_read, recent.packs) = (None, None);
        }
        diffed?;
        Ok(Some(out))
    }

    /// Every file under the records folder `rel` in HEAD, with its blob id.
    pub fn head_files(&self, rel: &Path) -> Result<Vec<(String, Oid)>> {
        Ok(self.head_files_up_to(rel, usize::MAX)?.unwrap_or_default())
    }

    /// `head_files`, or None as soon as there are more than `most` (the rest not walked).
    pub fn head_files_up_to(&self, rel: &Path, most: usize) -> Result<Option<Vec<(String, Oid)>>> {
        let Some(root) = self.head_tree()? else {
            return Ok(Some(Vec::new()));
        };
        let tree = match root.get_path(Path::new(&self.repo_path(rel))) {
            Ok(entry) if entry.kind() == Some(ObjectType::Tree) => {
                self.repo.find_tree(entry.id())?
            }
            Ok(_) => return Ok(Some(Vec::new())),
            Err(e) if e.code() == git2::ErrorCode::NotFound => return Ok(Some(Vec::new())),
            Err(e) => return Err(e.into()),
        };
        if let Some(files) = self.indexed_files(&self.repo_path(rel), tree.id()) {
            return Ok((files.len() <= most).then_some(files));
        }
        let (mut files, mut over) = (Vec::new(), false);
        let walked = tree.walk(git2::TreeWalkMode::PreOrder, |dir, entry| {
            if entry.kind() == Some(ObjectType::Blob) {
                if files.len() == most {
                    over = true;
                    return git2::TreeWalkResult::Abort;
                }
                let name = entry.name().unwrap_or_default();
                files.push((format!("{dir}{name}"), entry.id()));
            }
            git2::TreeWalkResult::Ok
        });
        if over {
            return Ok(None);
        }
        walked?;
        Ok(Some(files))
    }

    /// The bytes of blob `id`, which record file `rel` (records-relative) holds in HEAD: read
    /// from the work tree when the file there is exactly that blob (hashed as git hashes it),
    /// else from the object store. A checked-out file costs a read; a packed blob, a chain of
    /// deltas to inflate — most of a listing without its cache. The hash, not the file's
    /// times, says the two are the same, so a file edited by hand is never read for HEAD's.
    pub fn read_record(&self, rel: &str, id: Oid) -> Result<Vec<u8>> {
        match self.checked_out(rel, id) {
            Some(bytes) => Ok(bytes),
            None => self.read_blob(id),
        }
    }

    /// Runs `work`, which reads the records `rels` (repository-relative) through
    /// `read_record`, while their work-tree files are read from the disk ahead of it, many at
    /// a time, when they are many and not in the page cache (ahead.rs).
    pub fn reading_ahead<R>(&self, rels: &[String], work: impl FnOnce() -> R) -> R {
        let Some(workdir) = &self.workdir else {
            return work();
        };
        ahead::reading(&workdir.join(&self.prefix), rels, work)
    }

    /// The work tree's copy of `rel` when it is a regular file whose bytes are blob `id`.
    fn checked_out(&self, rel: &str, id: Oid) -> Option<Vec<u8>> {
        let path = self.workdir.as_ref()?.join(&self.prefix).join(rel);
        let bytes = read_regular(&path, crate::limits::RECORD_FILE_BYTES)?;
        (blob_sha1(&bytes) == id.as_bytes()).then_some(bytes)
    }

    /// The files of tree `id`, which folder `dir` (repository-relative) has in HEAD, read from
    /// git's index when its cached trees say it holds that tree there (`IndexFile::folder`):
    /// 100,000 entries read from one file instead of a walk through thousands of trees, each
    /// looked up in the pack's index and mapped from the pack (most of a cold listing's
    /// memory). Only under sop's lock, taken without waiting, and with no change left
    /// half-made: sop patches the index in place only under that lock, and git replaces it
    /// whole. None when the index cannot say; the tree is walked then.
    fn indexed_files(&self, dir: &str, id: Oid) -> Option<Vec<(String, Oid)>> {
        // A bare repository (a server's) has no index of its own; another index file is not
        // the one sop keeps.
        self.workdir.as_ref()?;
        if std::env::var_os("GIT_INDEX_FILE").is_some() || tx::journal_left(&self.git_dir) {
            return None;
        }
        let _lock = locks::SopLock::try_take(&self.git_dir)?;
        index::IndexFile::open(&self.git_dir.join("index"))
            .ok()?
            .folder(dir, id)
    }

    /// A blob's size in bytes, without reading it.
    pub fn blob_len(&self, id: Oid) -> Result<u64> {
        Ok(self.repo.odb()?.read_header(id)?.0 as u64)
    }

    pub fn read_blob(&self, id: Oid) -> Result<Vec<u8>> {
        Ok(self.repo.find_blob(id)?.content().to_vec())
    }

    /// A blob's text; `rel` names it in errors. A blob that is not UTF-8 is an input error
    /// naming the file and the byte.
    pub fn blob_text(&self, id: Oid, rel: &str) -> Result<String> {
        let too_big = |len: u64| {
            let max = size_limit(rel).filter(|max| len > *max)?;
            Some(crate::limits::file_too_big(rel, len, max))
        };
        if let Some(bytes) = self.packed_blob(id) {
            if let Some(e) = too_big(bytes.len() as u64) {
                return Err(e);
            }
            return crate::limits::utf8(rel, bytes.to_vec());
        }
        // The blob's size is known once it is found (read_header would resolve a packed
        // object's delta chain a second time).
        let blob = self.repo.find_blob(id)?;
        if let Some(e) = too_big(blob.size() as u64) {
            return Err(e);
        }
        crate::limits::utf8(rel, blob.content().to_vec())
    }

    /// Blob `id` read by sop's own pack reader, when this handle reads packs directly and
    /// the blob is in one.
    fn packed_blob(&self, id: Oid) -> Option<std::rc::Rc<[u8]>> {
        let mut recent = self.recent.borrow_mut();
        match recent.packs.as_mut()?.read(id)? {
            (pack::Kind::Blob, bytes) => Some(bytes),
            _ => None,
        }
    }

    /// Commit `id` as its object's bytes, read by sop's own pack reader when this handle
    /// reads packs directly and the commit is in one.
    pub(super) fn packed_commit(&self, id: Oid) -> Option<std::rc::Rc<[u8]>> {
        let mut recent = self.recent.borrow_mut();
        match recent.packs.as_mut()?.read(id)? {
            (pack::Kind::Commit, bytes) => Some(bytes),
            _ => None,
        }
    }

    /// sop's own reader of this repository's packs (git/pack.rs), for whole-history work:
    /// opened once, then handed to each handle of `in_parallel` (`read_packs_directly`).
    /// None where there is no pack, or git's environment names another object store (a
    /// server hook's quarantine of pushed objects): libgit2 reads all then.
    pub fn pack_reader(&self) -> Option<PackReader> {
        let store = pack::Store::open(&self.packed_objects()?)?;
        history::tune_beside_pack_reader();
        Some(PackReader(std::sync::Arc::new(store)))
    }

    /// The object store whose packs sop's own reader may read (`.git/objects`); None where
    /// git's environment names another (a server hook's quarantine of pushed objects).
    fn packed_objects(&self) -> Option<PathBuf> {
        match std::env::var_os("GIT_OBJECT_DIRECTORY") {
            Some(_) => None,
            None => Some(self.repo.commondir().join("objects")),
        }
    }

    /// Trees and blobs are read on this handle from the packs by `packs` first, which keeps
    /// what it read for the next versions' deltas; what it cannot read, libgit2 reads.
    pub fn read_packs_directly(&self, packs: &PackReader) {
        self.recent.borrow_mut().packs = Some(pack::Packs::new(packs.0.clone()));
    }

    /// Whether git ignores `path` (absolute, or relative to the work tree), as `git
    /// check-ignore` says for a path that may not exist yet; a folder is asked as one
    /// (`path/`). False for a path outside the work tree, which git does not track.
    pub fn is_ignored(&self, path: &Path, folder: bool) -> Result<bool> {
        let Some(workdir) = &self.workdir else {
            return Ok(false);
        };
        let rel = match path.strip_prefix(workdir) {
            Ok(rel) => rel,
            Err(_) if path.is_relative() => path,
            Err(_) => return Ok(false),
        };
        let mut text = rel.to_string_lossy().replace('\\', "/");
        if folder && !text.ends_with('/') {
            text.push('/');
        }
        Ok(self.repo.is_path_ignored(Path::new(&text))?)
    }

    /// The git folder (`.git`).
    pub fn git_dir(&self) -> &Path {
        &self.git_dir
    }

    /// A file of sop's own in the git folder (caches; never committed).
    pub fn private_file(&self, name: &str) -> PathBuf {
        self.git_dir.join(name)
    }

    /// Whether a `git rebase` is under way (or was left stopped) in this repository.
    pub fn rebase_in_progress(&self) -> bool {
        self.git_dir.join("rebase-merge").exists() || self.git_dir.join("rebase-apply").exists()
    }

    /// git's `user.email`, if set.
    pub fn user_email(&self) -> Option<String> {
        self.config_text("user.email")
    }

    /// git's `user.name`, if set.
    pub fn user_name(&self) -> Option<String> {
        self.config_text("user.name")
    }

    fn config_text(&self, key: &str) -> Option<String> {
        self.repo.config().ok()?.get_string(key).ok()
    }

    /// The program that checks OpenPGP signatures in this repository, as git chooses it.
    pub fn gpg_program(&self) -> String {
        signing::gpg_program(&self.repo)
    }

    /// `each` run over runs of `items` (commits, blobs) in parallel, each run with its own
    /// handle on the repository; the results in the order of the runs. A run holds at least
    /// `min_run` items (fewer for the last), so that opening a handle is paid for.
    pub fn in_parallel<I: Sync, R: Send>(
        &self,
        items: &[I],
        min_run: usize,
        each: impl Fn(&Git, &[I]) -> Result<R> + Sync,
    ) -> Result<Vec<R>> {
        let (git_dir, workdir, prefix) = (&self.git_dir, &self.workdir, &self.prefix);
        let size = items
            .len()
            .div_ceil(rayon::current_num_threads() * 4)
            .max(min_run);
        let runs: Vec<Result<R>> = items
            .par_chunks(size)
            .map(|run| {
                let git = Git::new(reopen(git_dir)?, workdir.clone(), prefix.clone());
                each(&git, run)
            })
            .collect();
        runs.into_iter().collect()
    }

    /// The branch HEAD points at, and its commit (None when unborn).
    fn branch(&self) -> Result<(String, Option<Oid>)> {
        let head = self.repo.find_reference("HEAD")?;
        let name = head
            .symbolic_target()
            .ok()
            .flatten()
            .ok_or_else(|| invalid!("{}", t!(GitDetached)))?
            .to_string();
        let id = self.repo.refname_to_id(&name).ok();
        Ok((name, id))
    }
}

/// The packs of a repository, as sop's own reader reads them (`Git::pack_reader`).
pub struct PackReader(std::sync::Arc<pack::Store>);

/// How much of the packs libgit2 keeps mapped at once, and in windows of what size. Its
/// defaults (8 GiB in windows of 1 GiB) map a whole pack, and every page of it read stays in
/// the process's memory: whole-history work on a 625 MB pack peaked at 717 MB resident, most
/// of it the mapped pack (at 40,000 commits verified, 83 MB anonymous, 276 MB mapped).
/// Bounded, the oldest window is unmapped when another is needed. Measured on 8,000 commits
/// at 100,000 requests (3 interleaved pairs, medians): peak 136 MB against 251 MB, for 16 %
/// more CPU (re-mapping); `sop log`'s first use 160 MB against 242 MB, 3 % more. Smaller
/// windows did not pay: single whole-history runs in windows of 4 MiB looked faster (115 s
/// against 164 s), but 3 interleaved pairs on 30,000 commits were 9 % slower than in 16 MiB;
/// about half of that work's CPU is the kernel's mapping and unmapping either way.
const PACK_MAPPED_BYTES: usize = 128 << 20;
const PACK_WINDOW_BYTES: usize = 16 << 20;

fn bound_pack_maps() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    // SAFETY: plain libgit2 global options, set once, before this process maps a pack.
    ONCE.call_once(|| unsafe {
        let _ = git2::opts::set_mwindow_size(PACK_WINDOW_BYTES);
        let _ = git2::opts::set_mwindow_mapped_limit(PACK_MAPPED_BYTES);
        loose_objects_first();
    });
}

/// Makes libgit2 look for an object among the loose ones before the packs (git2 has no
/// wrapper for this option). Its default order searches every pack's index first, and a
/// search that misses touches a dozen pages of a big index, which stay in the process's
/// memory: the 1,024 shard trees of a commit of 10,000 assets made by hand just before,
/// still loose, cost an asset import 70 MB of a 110 MB index. Loose first, an object in a
/// pack costs one failed look-up of a file, a few microseconds.
///
/// SAFETY: sets one of libgit2's global options, an int, before any object store is loaded.
unsafe fn loose_objects_first() {
    // Above the packs' default priority (2), as the loose objects' default is below it (1).
    const LOOSE_PRIORITY: std::ffi::c_int = 3;
    libgit2_sys::git_libgit2_opts(
        libgit2_sys::GIT_OPT_SET_ODB_LOOSE_PRIORITY as std::ffi::c_int,
        LOOSE_PRIORITY,
    );
}

/// How much of the packs libgit2 maps while it walks the commits of a history: they are
/// read one after another, mostly in the order the pack holds them, so the windows of the
/// usual bound only held pages read once. Whole-history verify at 100,000 requests peaked
/// during its walk, at 270 MB (128 MiB windows beside the 72 MB index).
const WALK_MAPPED_BYTES: usize = 32 << 20;

/// `walk` run with libgit2's mapped windows bounded by `WALK_MAPPED_BYTES`; the usual bound
/// again after it (windows over it are unmapped as others are needed).
fn walking<T>(walk: impl FnOnce() -> T) -> T {
    let set = |bytes| {
        // SAFETY: a plain libgit2 global option, read when a window is mapped.
        let _ = unsafe { git2::opts::set_mwindow_mapped_limit(bytes) };
    };
    set(WALK_MAPPED_BYTES);
    let done = walk();
    set(PACK_MAPPED_BYTES);
    done
}

/// Another handle on the repository at `git_dir`, for another thread: from git's environment
/// when it names the repository (a server hook sees pushed objects only that way).
fn reopen(git_dir: &Path) -> Result<Repository> {
    Ok(if std::env::var_os("GIT_DIR").is_some() {
        Repository::open_from_env()?
    } else {
        Repository::open(git_dir)?
    })
}

/// In a repository read through git's environment: the records folder is where HEAD's tree
/// has sop.toml ("" for the root, or one folder down).
fn records_folder(repo: &Repository) -> String {
    let Ok(tree) = repo.head().and_then(|h| h.peel_to_tree()) else {
        return String::new();
    };
    if tree.get_name(crate::layout::CONFIG).is_some() {
        return String::new();
    }
    for entry in tree.iter() {
        if let Ok(sub) = entry.to_object(repo).and_then(|o| o.peel_to_tree()) {
            if sub.get_name(crate::layout::CONFIG).is_some() {
                return entry.name().unwrap_or_default().to_string();
            }
        }
    }
    String::new()
}

/// The SHA-1 git gives a blob of these bytes, by the sha1 crate (the processor's SHA
/// instructions where it has them), not libgit2's slower collision-detecting one: it only
/// compares a file with a blob whose id git already holds.
fn blob_sha1(bytes: &[u8]) -> [u8; 20] {
    use sha1::{Digest, Sha1};
    let mut hash = Sha1::new();
    hash.update(format!("blob {}\0", bytes.len()));
    hash.update(bytes);
    hash.finalize().into()
}

/// The file at `path` opened for reading, and what it is, when it is a regular file: never
/// through a symbolic link, and without waiting for a writer when it is a pipe.
pub(super) fn open_regular(path: &Path) -> Option<(std::fs::File, std::fs::Metadata)> {
    let mut open = std::fs::OpenOptions::new();
    open.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        open.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = open.open(path).ok()?;
    let meta = file.metadata().ok()?;
    meta.is_file().then_some((file, meta))
}

/// The bytes of the file at `path` when it is a regular file of at most `most` bytes; None
/// otherwise (gone, a folder, a link, a pipe or device that a read would wait on, too big).
fn read_regular(path: &Path, most: u64) -> Option<Vec<u8>> {
    use std::io::Read;
    let (file, meta) = open_regular(path)?;
    if meta.len() > most {
        return None;
    }
    // The size the file had when opened, in one read: a file that changes meanwhile gives
    // bytes that are not the blob, and the caller's hash says so.
    let mut bytes = vec![0; meta.len() as usize];
    (&file).read_exact(&mut bytes).ok()?;
    Some(bytes)
}

/// The id git gives a file of these bytes.
pub fn blob_id(bytes: &[u8]) -> Result<Oid> {
    Ok(Oid::hash_object(ObjectType::Blob, bytes)?)
}

/// Who makes a commit, and when: its author and committer.
pub struct Signature(git2::Signature<'static>);

impl Signature {
    /// An error when git would not accept the name or email (a `<`, `>` or line break).
    pub fn new(name: &str, email: &str, when: DateTime<FixedOffset>) -> Result<Signature> {
        let offset = when.offset().local_minus_utc() / 60;
        let time = git2::Time::new(when.timestamp(), offset);
        Ok(Signature(git2::Signature::new(name, email, &time)?))
    }
}

/// The records directory as one commit holds it: what a change's rules are read from.
pub struct Snapshot<'r> {
    git: &'r Git,
    tree: Option<Root<'r>>,
    /// The commit, None on an unborn branch.
    pub commit: Option<Oid>,
}

/// A snapshot's root tree: read by libgit2, or only its id, its folders read raw by
/// `history::record_in` on a handle that reads the packs directly.
enum Root<'r> {
    Libgit2(Tree<'r>),
    Raw(Oid),
}

impl<'r> Snapshot<'r> {
    /// The records in `tree` (the root tree of `commit`), None for no commit yet.
    fn new(git: &'r Git, tree: Option<Tree<'r>>, commit: Option<Oid>) -> Snapshot<'r> {
        let tree = tree.map(Root::Libgit2);
        Snapshot { git, tree, commit }
    }

    /// The records in the tree of id `tree` (the root tree of `commit`).
    fn of_tree(git: &'r Git, tree: Oid, commit: Oid) -> Result<Snapshot<'r>> {
        let tree = match git.recent.borrow().packs.is_some() {
            true => Root::Raw(tree),
            false => Root::Libgit2(git.repo.find_tree(tree)?),
        };
        Ok(Snapshot {
            git,
            tree: Some(tree),
            commit: Some(commit),
        })
    }

    /// The blob at `rel` (records-relative, with `/`), if the commit has one there.
    pub fn blob(&self, rel: &str) -> Result<Option<Oid>> {
        let path = format!("{}{rel}", self.git.records_prefix);
        match &self.tree {
            None => Ok(None),
            Some(Root::Libgit2(tree)) => history::record_at(tree, &path),
            Some(Root::Raw(id)) => {
                let recent = &mut self.git.recent.borrow_mut();
                history::record_in(&self.git.repo, recent, *id, &path)
            }
        }
    }

    /// The text of the file at `rel`, with its blob id; None when there is none. A file that
    /// is not UTF-8 is an input error naming the file and the byte.
    pub fn text(&self, rel: &str) -> Result<Option<(Oid, String)>> {
        let Some(blob) = self.blob(rel)? else {
            return Ok(None);
        };
        Ok(Some((blob, self.blob_text(blob, rel)?)))
    }

    /// A blob's text; `rel` names it in errors.
    pub fn blob_text(&self, blob: Oid, rel: &str) -> Result<String> {
        self.git.blob_text(blob, rel)
    }

    /// The bytes of the file at `rel` (an attachment), None when there is none.
    pub fn bytes(&self, rel: &str) -> Result<Option<Vec<u8>>> {
        match self.blob(rel)? {
            Some(blob) => Ok(Some(self.git.read_blob(blob)?)),
            None => Ok(None),
        }
    }
}

/// The most a committed file of sop's may hold (src/limits.rs), by what its path holds; None
/// for paths that are not sop's.
fn size_limit(rel: &str) -> Option<u64> {
    use crate::layout::Place;
    use crate::limits;
    match crate::layout::place(rel) {
        Place::Request(_) | Place::Asset(_) => Some(limits::RECORD_FILE_BYTES),
        Place::Procedure(_) => Some(limits::PROCEDURE_FILE_BYTES),
        Place::Config | Place::People => Some(limits::RULES_FILE_BYTES),
        Place::Attachment(_) | Place::Stray | Place::Office => None,
    }
}

/// What the tests of this folder's readers share: git run as a user with no configuration,
/// and a commit made on any parents.
#[cfg(test)]
mod testing {
    use std::path::Path;

    use git2::{Oid, Repository, Signature, Tree};

    /// The git program in `dir`, without the user's or the system's configuration.
    pub fn git(dir: &Path, args: &[&str]) {
        let status = std::process::Command::new("git")
            .args(args)
            .current_dir(dir)
            .env("HOME", dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    }

    /// A commit of `tree` on `parents`, by `who`, made HEAD.
    pub fn commit(
        repo: &Repository,
        who: &Signature,
        message: &str,
        tree: &Tree,
        parents: &[Oid],
    ) -> Oid {
        let parents: Vec<git2::Commit> = parents
            .iter()
            .map(|p| repo.find_commit(*p).unwrap())
            .collect();
        let parents: Vec<&git2::Commit> = parents.iter().collect();
        repo.commit(Some("HEAD"), who, who, message, tree, &parents)
            .unwrap()
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;
    use std::path::Path;

    /// libgit2 reads a loose object before it looks in the packs (`loose_objects_first`):
    /// with the pack's copy damaged, the loose copy is what a read finds.
    #[test]
    fn a_loose_object_is_read_before_the_packs() {
        let dir = tempfile::tempdir().unwrap();
        let repo = git2::Repository::init(dir.path()).unwrap();
        let text = b"id = \"AST-0001\"\nname = \"loose and packed\"\n";
        let blob = repo.blob(text).unwrap();
        let mut builder = repo.treebuilder(None).unwrap();
        builder.insert("a.toml", blob, 0o100644).unwrap();
        let tree = repo.find_tree(builder.write().unwrap()).unwrap();
        let who = git2::Signature::now("t", "t@example.id").unwrap();
        super::testing::commit(&repo, &who, "a", &tree, &[]);
        drop((tree, builder));
        drop(repo);
        // Everything packed, the loose copies kept (no -d); then the pack's objects damaged.
        super::testing::git(dir.path(), &["repack", "-aq"]);
        let packs = dir.path().join(".git/objects/pack");
        let mut damaged = 0;
        for entry in std::fs::read_dir(&packs).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "pack") {
                let mut bytes = std::fs::read(&path).unwrap();
                let end = bytes.len() - 20;
                bytes[12..end].fill(0xff);
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
                std::fs::write(&path, bytes).unwrap();
                damaged += 1;
            }
        }
        assert_eq!(damaged, 1);
        let git = super::Git::open(dir.path()).unwrap();
        assert_eq!(git.repo.find_blob(blob).unwrap().content(), text);
    }

    /// The rule of issue 7: git2 is named only in this folder, and outside it only the object
    /// id type, as `git::Oid`, is used.
    #[test]
    fn only_the_git_layer_uses_git2() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let layer = src.join("git");
        let mut offenders = Vec::new();
        for entry in walkdir::WalkDir::new(&src) {
            let entry = entry.unwrap();
            let path = entry.path();
            if path.starts_with(&layer) || path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or_default();
                if code.contains("git2") {
                    offenders.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
        assert!(
            offenders.is_empty(),
            "only src/git/ may use git2 (use crate::git::Oid and the git layer's functions):\n{}",
            offenders.join("\n")
        );
    }
}
