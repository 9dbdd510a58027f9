//! Git history of records: which files a commit changed, and which commits changed one
//! request, without walking the whole repository each time.
//!
//! libgit2 reads no commit-graph Bloom filters, so "the commits of one file" costs a walk of
//! every commit (seconds at 40,000 commits, see bench/README.md). sop keeps instead a
//! small index in the git folder, `sop-commits-by-request`: one line `<request id> <commit
//! id>` per change, oldest first, with the commit it was brought up to in
//! `sop-commits-by-request.head`. Each use first indexes only the commits made since (by sop,
//! git or a pull); a rewritten history (HEAD no longer descends from the indexed commit)
//! rebuilds it. It is a cache: deleting it is always safe.
//!
//! A commit sop made names the requests it wrote in its trailers (`Sop-Request`,
//! `Sop-Linked`), and `sop verify` holds every such commit to exactly those files (audit.rs,
//! `check_scope`); the index takes them from there, reading only the commit. Any other commit
//! — a merge, a commit made by hand — is read from its trees. Building the index for a long
//! history in a fresh clone so reads commits, not the trees of every commit.

use std::cmp::Ordering;
use std::collections::HashSet;
use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use anyhow::{ensure, Context as _, Result};
use git2::{ObjectType, Oid, Repository, Sort, Tree};

use super::{write_atomic, Git, PackReader};
use crate::memory::Generations;

/// One path whose blob differs between two trees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathChange {
    /// Repository-relative, with `/`.
    pub path: String,
    pub old: Option<Oid>,
    pub new: Option<Oid>,
    /// The new blob is a symbolic link (the link's target is its content).
    pub link: bool,
}

/// Keeps trees up to 1 MiB in libgit2's object cache, which keeps none over 4 KB by default:
/// the big shard folders are read again and again, by the commits of a history and by the
/// several checks of one change.
pub fn keep_big_trees() {
    // SAFETY: a plain libgit2 global option.
    unsafe {
        let _ = git2::opts::set_cache_object_limit(ObjectType::Tree, 1 << 20);
    }
}

/// Tunes libgit2 for reading much history: keep the big shard trees (`keep_big_trees`), and
/// no commit: each is read once or twice, and storing 100,000s of them in a full cache
/// (evicting, probing past the holes evictions leave) was a third of indexing a history's
/// commits.
pub fn tune_for_history() {
    keep_big_trees();
    // SAFETY: plain libgit2 global options, set before any object is read.
    unsafe {
        let _ = git2::opts::set_cache_object_limit(ObjectType::Commit, 0);
        let _ = git2::opts::set_cache_max_size(cache_bytes(8));
    }
}

/// libgit2's object cache for whole-history work, per repository handle (one a thread):
/// enough for the shard trees neighbouring commits share. Measured on 20,002 commits
/// (`sop verify`, 2 threads): 512 MiB gave 397 MB peak, 32 MiB 146 MB, for the same CPU time;
/// on 60,000 commits of a 100,000-request office, 32 MiB 161 MB, 8 MiB 126 MB and 4 MiB
/// 122 MB, all in 19.3 s. `SOP_CACHE_MB` overrides it, for measuring.
fn cache_bytes(mib: isize) -> isize {
    std::env::var("SOP_CACHE_MB")
        .ok()
        .and_then(|v| v.parse::<isize>().ok())
        .unwrap_or(mib)
        << 20
}

/// libgit2's object cache beside sop's own pack reader (`Git::pack_reader`), which reads
/// the trees and blobs of whole-history work: libgit2 reads only commits, each parent's root
/// tree and the rules' files then. On 20,000 commits at 100,000 requests (paired runs,
/// -n 5), 2 MiB took the same CPU as 8 MiB (2.99 against 2.97 s) at a peak of 139 against
/// 155 MiB; whole-history verify peaked at 198 against 222 MB.
pub fn tune_beside_pack_reader() {
    // SAFETY: a plain libgit2 global option; entries over it are evicted as others come.
    unsafe {
        let _ = git2::opts::set_cache_max_size(cache_bytes(2));
    }
}

/// The blobs that differ between trees `old` and `new`, under `base` ("" or "dir/"),
/// descending only into subtrees whose ids differ.
///
/// Trees are read as raw objects and compared entry by entry in place: a shard folder of a
/// large office holds a thousand entries, and libgit2's parsing of each tree into entries was
/// most of what reading a commit's changes cost. A commit changes a file or two of such a
/// folder, so the entries both trees begin with alike are passed over as bytes, and once the
/// rest of both trees is alike the comparison stops. `recent` keeps the trees read lately,
/// for the next commit's diff, whose parent holds the same ones.
pub fn changed(
    repo: &Repository,
    recent: &mut Recent,
    old: Option<Oid>,
    new: Option<Oid>,
    base: &str,
    out: &mut Vec<PathChange>,
) -> Result<()> {
    if old == new {
        return Ok(());
    }
    let (old, new) = (recent.read(repo, old)?, recent.read(repo, new)?);
    let (old, new) = (
        old.as_deref().unwrap_or_default(),
        new.as_deref().unwrap_or_default(),
    );
    let start = alike_start(old, new)?;
    let (mut olds, mut news) = (Entries::new(&old[start..])?, Entries::new(&new[start..])?);
    loop {
        let order = match (olds.peek(), news.peek()) {
            (None, None) => return Ok(()),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (Some(o), Some(n)) => git_order(o, n),
        };
        let (o, n) = match order {
            Ordering::Less => (olds.next()?, None),
            Ordering::Greater => (None, news.next()?),
            Ordering::Equal => (olds.next()?, news.next()?),
        };
        if let (Some(a), Some(b)) = (&o, &n) {
            if a.id == b.id && a.is_tree() == b.is_tree() {
                continue;
            }
        }
        let name = o.as_ref().or(n.as_ref()).map_or(&[][..], |e| e.name);
        let path = format!("{base}{}", String::from_utf8_lossy(name));
        let tree = |e: &Option<RawEntry>| e.as_ref().filter(|e| e.is_tree()).map(|e| e.oid());
        let blob = |e: &Option<RawEntry>| e.as_ref().filter(|e| !e.is_tree()).map(|e| e.oid());
        let (old_tree, new_tree) = (tree(&o), tree(&n));
        if old_tree.is_some() || new_tree.is_some() {
            changed(repo, recent, old_tree, new_tree, &format!("{path}/"), out)?;
        }
        let (old_blob, new_blob) = (blob(&o), blob(&n));
        if old_blob != new_blob {
            out.push(PathChange {
                path,
                old: old_blob,
                new: new_blob,
                link: n.as_ref().is_some_and(|e| e.mode == b"120000"),
            });
        }
        // Both are at an entry's start here: the same bytes from there on are the same entries.
        if olds.rest == news.rest {
            return Ok(());
        }
    }
}

/// The length of the entries two raw trees begin with alike: the bytes compared first, then
/// one tree's entries walked up to the first byte that differs. An entry lying wholly in the
/// common bytes is the same entry in both, at the same place.
fn alike_start(old: &[u8], new: &[u8]) -> Result<usize> {
    let differs = first_difference(old, new);
    let mut at = 0;
    while let Some((_, len)) = entry_at(&old[at..])? {
        if at + len > differs {
            break;
        }
        at += len;
    }
    Ok(at)
}

/// Where two byte strings first differ (the shorter one's length when it begins the other).
fn first_difference(a: &[u8], b: &[u8]) -> usize {
    // Compared in blocks first: a block's equality is one memcmp.
    const BLOCK: usize = 64;
    let n = a.len().min(b.len());
    let mut at = 0;
    while at + BLOCK <= n && a[at..at + BLOCK] == b[at..at + BLOCK] {
        at += BLOCK;
    }
    at + a[at..n]
        .iter()
        .zip(&b[at..n])
        .take_while(|(x, y)| x == y)
        .count()
}

/// Raw tree objects read lately, by id (see `changed`), and, for whole-history work, sop's
/// own reader of the packs, which trees and blobs are read from first
/// (`Git::read_packs_directly`).
pub struct Recent {
    /// A commit's trees are the next commit's parent's.
    trees: Generations<Oid, Rc<[u8]>>,
    pub(super) packs: Option<super::pack::Packs>,
    /// For one diff that may be large (`Git::folder_changes`): the object store whose packs
    /// sop reads itself once libgit2 has read `FEW_TREES` trees, and how many it has read.
    pub(super) may_read: Option<(std::path::PathBuf, usize)>,
}

impl Default for Recent {
    fn default() -> Recent {
        Recent {
            trees: Generations::new(RECENT_TREES),
            packs: None,
            may_read: None,
        }
    }
}

/// Trees kept by `Recent` per generation: a few commits' worth, for the next commits' diffs.
const RECENT_TREES: usize = 64;

/// Trees libgit2 reads for one diff before sop reads the rest from the packs itself. Each
/// libgit2 lookup is a binary search through a pack's mapped index, and the pages it touches
/// stay in the process's memory: the 2,048 shard trees of a 10,000-file change at 100,000
/// requests touched 51 MB of a 3.4-million-object index, a quarter of an asset import's peak.
const FEW_TREES: usize = 64;

impl Recent {
    fn read(&mut self, repo: &Repository, id: Option<Oid>) -> Result<Option<Rc<[u8]>>> {
        let Some(id) = id else {
            return Ok(None);
        };
        if let Some(data) = self.trees.get(&id) {
            return Ok(Some(data));
        }
        let data = match self.packs.as_mut().and_then(|p| p.read(id)) {
            Some((super::pack::Kind::Tree, data)) => data,
            _ => {
                let odb = repo.odb()?;
                let object = odb.read(id)?;
                ensure!(object.kind() == ObjectType::Tree, t!(GitNotATree, id = id));
                self.count_libgit2_read();
                object.data().into()
            }
        };
        self.trees.put(id, data.clone(), 1);
        Ok(Some(data))
    }

    /// Counts a tree libgit2 read for a diff that may read the packs itself, and opens them
    /// for it at the `FEW_TREES`th.
    fn count_libgit2_read(&mut self) {
        let Some((objects, read)) = &mut self.may_read else {
            return;
        };
        *read += 1;
        if *read == FEW_TREES && self.packs.is_none() {
            let store = super::pack::Store::open_for_few(objects);
            self.packs = store.map(|s| super::pack::Packs::new(std::sync::Arc::new(s)));
        }
    }
}

/// One entry of a raw tree object: `<mode> <name>\0<20-byte id>`.
struct RawEntry<'a> {
    mode: &'a [u8],
    name: &'a [u8],
    id: &'a [u8],
}

impl RawEntry<'_> {
    fn is_tree(&self) -> bool {
        self.mode == b"40000"
    }

    fn oid(&self) -> Oid {
        Oid::from_bytes(self.id).expect("20 bytes")
    }
}

/// The entries of a raw tree object, read in place one at a time.
struct Entries<'a> {
    /// The entries not taken yet, as bytes: from the front entry's start.
    rest: &'a [u8],
    /// The front entry, and its length.
    front: Option<(RawEntry<'a>, usize)>,
}

impl<'a> Entries<'a> {
    fn new(rest: &'a [u8]) -> Result<Entries<'a>> {
        Ok(Entries {
            rest,
            front: entry_at(rest)?,
        })
    }

    fn peek(&self) -> Option<&RawEntry<'a>> {
        self.front.as_ref().map(|(entry, _)| entry)
    }

    fn next(&mut self) -> Result<Option<RawEntry<'a>>> {
        let Some((entry, len)) = self.front.take() else {
            return Ok(None);
        };
        self.rest = &self.rest[len..];
        self.front = entry_at(self.rest)?;
        Ok(Some(entry))
    }
}

/// The entry `data` begins with, and its length; None at the end.
fn entry_at(data: &[u8]) -> Result<Option<(RawEntry<'_>, usize)>> {
    if data.is_empty() {
        return Ok(None);
    }
    let space = memchr::memchr(b' ', data);
    let nul = space.and_then(|s| Some(s + 1 + memchr::memchr(0, &data[s + 1..])?));
    let (Some(space), Some(nul)) = (space, nul) else {
        anyhow::bail!(t!(GitDamagedTree));
    };
    ensure!(nul + 21 <= data.len(), t!(GitDamagedTree));
    let entry = RawEntry {
        mode: &data[..space],
        name: &data[space + 1..nul],
        id: &data[nul + 1..nul + 21],
    };
    Ok(Some((entry, nul + 21)))
}

/// Git's order of tree entries: by name, a subtree's name read with a trailing `/`.
fn git_order(a: &RawEntry, b: &RawEntry) -> Ordering {
    let n = a.name.len().min(b.name.len());
    let end = |e: &RawEntry| e.name.get(n).copied().or(e.is_tree().then_some(b'/'));
    a.name[..n]
        .cmp(&b.name[..n])
        .then_with(|| end(a).cmp(&end(b)))
}

/// The mode git gives a symbolic link.
const LINK_MODE: i32 = 0o120000;

/// The tree at `path` ("" for the root) inside `tree`.
pub fn subtree<'r>(repo: &'r Repository, tree: &Tree<'r>, path: &str) -> Result<Option<Tree<'r>>> {
    let path = path.trim_end_matches('/');
    if path.is_empty() {
        return Ok(Some(tree.clone()));
    }
    match tree.get_path(Path::new(path)) {
        Ok(e) if e.kind() == Some(ObjectType::Tree) => Ok(Some(repo.find_tree(e.id())?)),
        Ok(_) => Ok(None),
        Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The blob at `path` inside `tree`.
pub fn blob_at(tree: &Tree, path: &str) -> Result<Option<Oid>> {
    id_at(tree, path, ObjectType::Blob)
}

/// The id of the object of `kind` at `path` inside `tree` ("" for the tree itself).
pub fn id_at(tree: &Tree, path: &str, kind: ObjectType) -> Result<Option<Oid>> {
    if path.is_empty() {
        return Ok((kind == ObjectType::Tree).then(|| tree.id()));
    }
    match tree.get_path(Path::new(path)) {
        Ok(e) if e.kind() == Some(kind) => Ok(Some(e.id())),
        Ok(_) => Ok(None),
        Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The blob at `path` inside `tree`, refusing (exit 3) a symbolic link on the way: sop reads
/// its records only as files in folders, never through a link.
pub fn record_at(tree: &Tree, path: &str) -> Result<Option<Oid>> {
    let mut at = String::new();
    for part in path.split('/') {
        if !at.is_empty() {
            at.push('/');
        }
        at.push_str(part);
        match tree.get_path(Path::new(&at)) {
            Ok(e) if e.filemode() == LINK_MODE => {
                return Err(crate::invalid!("{}", t!(SymlinkNotFollowed, path = at)))
            }
            Ok(e) if at.len() == path.len() => {
                return Ok((e.kind() == Some(ObjectType::Blob)).then(|| e.id()))
            }
            Ok(_) => {}
            Err(e) if e.code() == git2::ErrorCode::NotFound => return Ok(None),
            Err(e) => return Err(e.into()),
        }
    }
    Ok(None)
}

/// `record_at` for the tree of id `tree`, read raw through `recent` (for whole-history work,
/// by sop's own pack reader, which keeps the shard folders a commit's records are in). libgit2
/// read and parsed each folder on the way into its small object cache, in which the large
/// folders of a big office did not stay: looking up the rules and requests of each commit's
/// parent was a tenth of whole-history verify. A path with an empty part, or a tree whose
/// entry on the way has a mode that is not plain octal digits, is left to libgit2.
pub fn record_in(
    repo: &Repository,
    recent: &mut Recent,
    tree: Oid,
    path: &str,
) -> Result<Option<Oid>> {
    let by_libgit2 = || record_at(&repo.find_tree(tree)?, path);
    if path.split('/').any(str::is_empty) {
        return by_libgit2();
    }
    let mut at = tree;
    let mut done = 0;
    for part in path.split('/') {
        done += part.len();
        let data = recent.read(repo, Some(at))?.expect("an id");
        let mut rest = &data[..];
        let found = loop {
            let Some((entry, len)) = entry_at(rest)? else {
                break None;
            };
            if entry.name == part.as_bytes() {
                break Some((octal(entry.mode), entry.oid()));
            }
            rest = &rest[len..];
        };
        let (mode, id) = match found {
            None => return Ok(None),
            Some((None, _)) => return by_libgit2(),
            Some((Some(mode), id)) => (mode, id),
        };
        // libgit2's `git_tree_entry_filemode`: a link is 12xxxx without execute bits.
        if mode & 0o170000 == LINK_MODE as u32 && mode & 0o111 == 0 {
            return Err(crate::invalid!(
                "{}",
                t!(SymlinkNotFollowed, path = &path[..done])
            ));
        }
        let kind = mode & 0o170000;
        if done == path.len() {
            // libgit2's `git_tree_entry_type`: not a folder nor a submodule is a blob.
            return Ok((kind != 0o040000 && kind != 0o160000).then_some(id));
        }
        if kind != 0o040000 {
            return Ok(None);
        }
        at = id;
        done += 1;
    }
    Ok(None)
}

/// A tree entry's mode as libgit2 reads it, when it is plain octal digits that fit.
fn octal(mode: &[u8]) -> Option<u32> {
    if mode.is_empty() || mode.len() > 6 || !mode.iter().all(|b| (b'0'..=b'7').contains(b)) {
        return None;
    }
    let value = mode.iter().fold(0, |v, b| v * 8 + (b - b'0') as u32);
    (value <= u16::MAX as u32).then_some(value)
}

/// The request id of a repository path `<prefix>requests/…/<ID>.toml`.
pub fn request_id(prefix: &str, path: &str) -> Option<String> {
    match crate::layout::place(path.strip_prefix(prefix)?) {
        crate::layout::Place::Request(id) => Some(id),
        _ => None,
    }
}

/// The request files a commit changed compared with every one of its parents: for a merge,
/// only what the merge itself changed. (path, before in the first parent, after).
pub fn request_changes(git: &Git, commit: &git2::Commit, prefix: &str) -> Result<Vec<PathChange>> {
    let parents: Vec<Oid> = commit.parent_ids().collect();
    changes_under(
        git,
        commit.tree_id(),
        &parents,
        &format!("{prefix}requests"),
    )
}

/// The files under folder `dir` ("" for the whole tree) that a commit of tree `tree` and
/// parents `parents` changed compared with every one of them: for a merge, only what the
/// merge itself changed. Only the other parents of a merge are read here: the first's tree
/// is known from the walk (`Git::tree_of`).
pub fn changes_under(git: &Git, tree: Oid, parents: &[Oid], dir: &str) -> Result<Vec<PathChange>> {
    let repo = &git.repo;
    let first = parents.first().copied();
    let (old, new) = if dir.is_empty() {
        // The whole tree: its id is in the commit, the parent's known from the walk.
        let old = first.map(|p| git.tree_of(p)).transpose()?;
        (old, Some(tree))
    } else {
        let ids = |t: Option<Tree>| t.map(|t| t.id());
        let old = match first {
            Some(p) => ids(subtree(repo, &repo.find_tree(git.tree_of(p)?)?, dir)?),
            None => None,
        };
        (old, ids(subtree(repo, &repo.find_tree(tree)?, dir)?))
    };
    let base = if dir.is_empty() {
        String::new()
    } else {
        format!("{dir}/")
    };
    let mut out = Vec::new();
    let recent = &mut git.recent.borrow_mut();
    changed(repo, recent, old, new, &base, &mut out)?;
    for other in parents.iter().skip(1) {
        let tree = repo.find_commit(*other)?.tree()?;
        let mut kept = Vec::new();
        for c in out {
            if blob_at(&tree, &c.path)? != c.new {
                kept.push(c);
            }
        }
        out = kept;
    }
    Ok(out)
}

impl Git {
    /// The commits that changed request `id`, oldest first, from the index kept in the git
    /// folder (brought up to HEAD first).
    pub fn commits_of_request(&self, id: &str) -> Result<Vec<Oid>> {
        Index::new(self).commits_of(id)
    }
}

/// Commits indexed at once (in parallel) before their lines are written.
const INDEX_SLICE: usize = 65_536;

/// The per-request commit index of a repository.
struct Index<'r> {
    git: &'r Git,
    file: PathBuf,
    head_file: PathBuf,
}

impl<'r> Index<'r> {
    fn new(git: &'r Git) -> Index<'r> {
        Index {
            git,
            file: git.private_file("sop-commits-by-request"),
            head_file: git.private_file("sop-commits-by-request.head"),
        }
    }

    /// The commits that changed request `id`, oldest first. The index is searched as bytes
    /// for the request's lines (at 400,000 commits it is 20 MB: parsing it line by line was
    /// most of a warm `sop log`).
    fn commits_of(&self, id: &str) -> Result<Vec<Oid>> {
        self.refresh()?;
        let text = std::fs::read(&self.file).unwrap_or_default();
        let wanted = format!("\n{id} ");
        let mut starts: Vec<usize> = memchr::memmem::find_iter(&text, wanted.as_bytes())
            .map(|at| at + wanted.len())
            .collect();
        if text.starts_with(&wanted.as_bytes()[1..]) {
            starts.insert(0, wanted.len() - 1);
        }
        let mut seen = HashSet::new();
        let mut commits = Vec::new();
        for start in starts {
            // A torn line (a crash while appending) is skipped: the head is written after the
            // lines, so the next refresh appends that commit again.
            let end = memchr::memchr(b'\n', &text[start..]).map_or(text.len(), |n| start + n);
            let oid = std::str::from_utf8(&text[start..end])
                .ok()
                .and_then(|hex| Oid::from_str(hex.trim()).ok());
            if let Some(oid) = oid.filter(|o| seen.insert(*o)) {
                commits.push(oid);
            }
        }
        Ok(commits)
    }

    /// Indexes the commits made since the last use.
    fn refresh(&self) -> Result<()> {
        let repo = &self.git.repo;
        let head = match repo.head().ok().and_then(|h| h.target()) {
            Some(h) => h,
            None => return Ok(()),
        };
        // The index's head counts only beside its index: either file may be deleted alone.
        let indexed = std::fs::read_to_string(&self.head_file)
            .ok()
            .and_then(|s| Oid::from_str(s.trim()).ok())
            .filter(|_| self.file.exists());
        if indexed == Some(head) {
            return Ok(());
        }
        let keeps = match indexed {
            Some(old) => repo.graph_descendant_of(head, old).unwrap_or(false),
            None => false,
        };
        // Appended to the index, or to a new one renamed into place at the end.
        let target = if keeps {
            self.file.clone()
        } else {
            super::tx::pid_temp(&self.file)
        };
        let mut file = OpenOptions::new()
            .create(true)
            .append(keeps)
            .write(true)
            .truncate(!keeps)
            .open(&target)
            .with_context(|| t!(CtxOpening, path = target.display()))?;
        let stop = indexed.filter(|_| keeps);
        // Built anew, the index reads every commit: sop's own pack reader reads them without
        // libgit2 mapping the pack's whole index. Opening it reads 60 MB at 400,000 commits,
        // too much for the few commits an update reads.
        let packs = (!keeps).then(|| self.git.pack_reader()).flatten();
        if let Some(packs) = &packs {
            self.git.read_packs_directly(packs);
        }
        if !self.linear(head, stop, &mut file)? {
            let mut walk = repo.revwalk()?;
            walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)?;
            walk.push(head)?;
            if let Some(old) = stop {
                walk.hide(old)?;
            }
            let commits: Vec<Oid> = walk.collect::<Result<_, _>>()?;
            // A slice of commits at a time, so that memory does not grow with the history.
            for slice in commits.chunks(INDEX_SLICE) {
                file.write_all(self.lines(slice, packs.as_ref())?.as_bytes())?;
            }
        }
        drop(file);
        if !keeps {
            std::fs::rename(&target, &self.file)
                .with_context(|| t!(CtxWriting, path = self.file.display()))?;
        }
        write_atomic(&self.head_file, format!("{head}\n").as_bytes())
    }

    /// Writes to `out` the index lines of the commits from `head` back to `stop` (left out),
    /// oldest first, when that history is one line of commits — as sop and `sop sync`, which
    /// rebases, make it: each commit read once, following its parent. False at the first
    /// merge, having written nothing: the caller then walks the graph (`lines`).
    fn linear(&self, head: Oid, stop: Option<Oid>, out: &mut impl Write) -> Result<bool> {
        let git = self.git;
        let odb = git.repo.odb()?;
        // Each commit's lines, newest first, one after another in `found`, ending at `ends`:
        // 23 MB at 400,000 commits, where a string for each took 37 MB more.
        let (mut found, mut ends) = (String::new(), Vec::new());
        let mut next = Some(head);
        while let Some(oid) = next.filter(|o| Some(*o) != stop) {
            let (parents, named) = read_commit(git, &odb, oid)?;
            if parents.len() > 1 {
                return Ok(false);
            }
            add_lines(git, oid, named, &mut found)?;
            ends.push(found.len());
            next = parents.first().copied();
        }
        let mut end = found.len();
        for &start in ends.iter().rev().skip(1).chain([&0]) {
            out.write_all(&found.as_bytes()[start..end])?;
            end = start;
        }
        Ok(true)
    }

    /// The index lines of `commits`, in their order; runs of commits in parallel, read by
    /// `packs` where the index is built anew.
    fn lines(&self, commits: &[Oid], packs: Option<&PackReader>) -> Result<String> {
        let runs = self.git.in_parallel(commits, 256, |git, run| {
            if let Some(packs) = packs {
                git.read_packs_directly(packs);
            }
            let odb = git.repo.odb()?;
            let mut lines = String::new();
            for oid in run {
                let (_, named) = read_commit(git, &odb, *oid)?;
                add_lines(git, *oid, named, &mut lines)?;
            }
            Ok(lines)
        })?;
        Ok(runs.concat())
    }
}

/// Commit `oid`'s parents, and the requests it says it wrote when sop made it: its
/// `Sop-Request` and `Sop-Linked` trailers, on a commit with one parent. None for a merge or
/// a commit without `Sop-Request`, whose changes are read from its trees (`add_lines`).
fn read_commit(git: &Git, odb: &git2::Odb, oid: Oid) -> Result<(Vec<Oid>, Option<Vec<String>>)> {
    let (packed, loose);
    let data: &[u8] = match git.packed_commit(oid) {
        Some(bytes) => {
            packed = bytes;
            &packed
        }
        None => {
            loose = odb.read(oid)?;
            loose.data()
        }
    };
    let end = memchr::memmem::find(data, b"\n\n").unwrap_or(data.len());
    let mut parents = Vec::new();
    for line in data[..end].split(|&b| b == b'\n') {
        if let Some(hex) = line.strip_prefix(b"parent ") {
            let hex =
                std::str::from_utf8(hex).map_err(|_| anyhow::anyhow!(t!(GitDamagedCommit)))?;
            parents.push(Oid::from_str(hex.trim())?);
        }
    }
    let message = String::from_utf8_lossy(data.get(end + 2..).unwrap_or_default());
    let trailers = crate::trailers::Trailers::parse(&message);
    let named = trailers
        .request
        .filter(|_| parents.len() == 1)
        .map(|request| std::iter::once(request).chain(trailers.linked).collect());
    Ok((parents, named))
}

/// Appends commit `oid`'s index lines: one for each request `named`, or else for each
/// request file its trees say it changed.
fn add_lines(git: &Git, oid: Oid, named: Option<Vec<String>>, lines: &mut String) -> Result<()> {
    let ids = match named {
        Some(ids) => ids,
        None => {
            let prefix = git.records_prefix();
            let commit = git.repo.find_commit(oid)?;
            request_changes(git, &commit, prefix)?
                .iter()
                .filter_map(|c| request_id(prefix, &c.path))
                .collect()
        }
    };
    for id in ids {
        *lines += &format!("{id} {oid}\n");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tree of `files` (path → content; a content starting with `->` is a symbolic link).
    fn tree(repo: &Repository, files: &[(&str, &str)]) -> Oid {
        let mut index = git2::Index::new().unwrap();
        for (path, content) in files {
            let (mode, bytes) = match content.strip_prefix("->") {
                Some(target) => (0o120000, target),
                None => (0o100644, *content),
            };
            let entry = git2::IndexEntry {
                ctime: git2::IndexTime::new(0, 0),
                mtime: git2::IndexTime::new(0, 0),
                dev: 0,
                ino: 0,
                mode,
                uid: 0,
                gid: 0,
                file_size: 0,
                id: repo.blob(bytes.as_bytes()).unwrap(),
                flags: 0,
                flags_extended: 0,
                path: path.as_bytes().to_vec(),
            };
            index.add(&entry).unwrap();
        }
        index.write_tree_to(repo).unwrap()
    }

    /// A diff of more trees than `FEW_TREES`, all packed, goes on through sop's own pack
    /// reader, opened for it, and finds what libgit2's diff finds.
    #[test]
    fn a_large_diff_of_packed_trees_reads_the_rest_itself() {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init(dir.path()).unwrap();
        let folders = FEW_TREES * 2;
        let before: Vec<(String, String)> = (0..folders * 3)
            .map(|i| {
                (
                    format!("r/{:03}/f{i}.toml", i % folders),
                    format!("v1 {i}\n"),
                )
            })
            .collect();
        let mut after = before.clone();
        for (i, (path, text)) in after.iter_mut().enumerate().filter(|(i, _)| i % 3 == 1) {
            text.push_str(&format!("v2 {i} {path}\n"));
        }
        after.push(("r/new/added.toml".into(), "added\n".into()));
        after.retain(|(path, _)| !path.ends_with("/f0.toml"));
        fn pairs(v: &[(String, String)]) -> Vec<(&str, &str)> {
            v.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect()
        }
        let (old, new) = (tree(&repo, &pairs(&before)), tree(&repo, &pairs(&after)));
        // Both trees reachable, so that the repacking keeps them, packed.
        let who = git2::Signature::now("t", "t@example.id").unwrap();
        let first =
            crate::git::testing::commit(&repo, &who, "a", &repo.find_tree(old).unwrap(), &[]);
        crate::git::testing::commit(&repo, &who, "b", &repo.find_tree(new).unwrap(), &[first]);
        crate::git::testing::git(dir.path(), &["repack", "-adq"]);
        let repo = Repository::open(dir.path()).unwrap();
        let objects = dir.path().join(".git/objects");
        let mut recent = Recent {
            may_read: Some((objects, 0)),
            ..Recent::default()
        };
        let mut ours = Vec::new();
        changed(&repo, &mut recent, Some(old), Some(new), "", &mut ours).unwrap();
        assert!(
            recent.packs.is_some(),
            "sop's reader was opened for the diff"
        );
        let (_, theirs) = both_diffs(&repo, old, new);
        ours.sort_by(|a, b| a.path.cmp(&b.path));
        assert_eq!(ours.len(), folders + 1 + 1, "{ours:?}");
        assert_eq!(ours, theirs);
    }

    /// The changes between trees `old` and `new` by the raw diff, and by libgit2's own tree
    /// diff, each sorted by path.
    fn both_diffs(repo: &Repository, old: Oid, new: Oid) -> (Vec<PathChange>, Vec<PathChange>) {
        let mut ours = Vec::new();
        changed(
            repo,
            &mut Recent::default(),
            Some(old),
            Some(new),
            "",
            &mut ours,
        )
        .unwrap();
        let (o, n) = (repo.find_tree(old).unwrap(), repo.find_tree(new).unwrap());
        let diff = repo.diff_tree_to_tree(Some(&o), Some(&n), None).unwrap();
        let blob = |f: git2::DiffFile| (!f.id().is_zero()).then(|| f.id());
        let mut theirs: Vec<PathChange> = diff
            .deltas()
            .map(|d| PathChange {
                path: d
                    .new_file()
                    .path()
                    .or(d.old_file().path())
                    .unwrap()
                    .to_str()
                    .unwrap()
                    .into(),
                old: blob(d.old_file()),
                new: blob(d.new_file()),
                link: d.new_file().mode() == git2::FileMode::Link,
            })
            .collect();
        ours.sort_by(|a, b| a.path.cmp(&b.path));
        theirs.sort_by(|a, b| a.path.cmp(&b.path));
        (ours, theirs)
    }

    /// The raw diff gives what libgit2's own tree diff gives, git's entry order included (a
    /// file `a` and a folder `a` sort as `a` and `a/`).
    #[test]
    fn raw_diff_agrees_with_libgit2() {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init(dir.path()).unwrap();
        let old = tree(
            &repo,
            &[
                ("a", "file a"),
                ("a.b", "x"),
                ("b/c/d.toml", "1"),
                ("b/c/e.toml", "2"),
                ("b/f", "3"),
                ("gone/x", "4"),
                ("link", "->b"),
                ("z", "5"),
            ],
        );
        let new = tree(
            &repo,
            &[
                ("a/inner", "now a folder"),
                ("a.b", "x"),
                ("b/c/d.toml", "1 changed"),
                ("b/c/e.toml", "2"),
                ("b/f", "3 changed"),
                ("new/deep/y", "6"),
                ("link", "->c"),
                ("z", "5"),
            ],
        );
        let (ours, theirs) = both_diffs(&repo, old, new);
        assert_eq!(ours, theirs);
        assert_eq!(ours.len(), 7, "{ours:#?}");
    }

    /// A folder of many files changed at its start, its end, in its middle, in two places
    /// far apart, by files added and removed: the entries passed over as alike bytes at the
    /// start and the end hide no change.
    #[test]
    fn raw_diff_of_a_large_folder_agrees_with_libgit2() {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init(dir.path()).unwrap();
        type Files = Vec<(String, String)>;
        type Edit = fn(&mut Files);
        let files = |edit: Edit| {
            let mut files: Files = (0..300)
                .map(|i| (format!("s/f{i:03}.toml"), format!("content {i}")))
                .collect();
            files.push(("s/sub/x".into(), "x".into()));
            files.push(("t".into(), "t".into()));
            edit(&mut files);
            let refs: Vec<(&str, &str)> = files
                .iter()
                .map(|(p, c)| (p.as_str(), c.as_str()))
                .collect();
            tree(&repo, &refs)
        };
        let base = files(|_| {});
        // Each edit, and how many changes it makes.
        let variants: [(Edit, usize); 8] = [
            (|f| f[0].1 = "first changed".into(), 1),
            (|f| f[299].1 = "last changed".into(), 1),
            (|f| f[150].1 = "middle changed".into(), 1),
            (
                |f| {
                    f[10].1 = "one".into();
                    f[290].1 = "two".into();
                },
                2,
            ),
            (|f| drop(f.remove(0)), 1),
            (
                |f| {
                    f.remove(200);
                    f.push(("s/f150.toml.new".into(), "added".into()));
                    f.push(("s/f999.toml".into(), "added last".into()));
                },
                3,
            ),
            (
                |f| {
                    f[300].1 = "sub changed".into();
                    f[5].1 = "near the start".into();
                },
                2,
            ),
            (
                |f| {
                    f[100].0 = "s/f099.toml/inner".into();
                    f.remove(99);
                },
                3,
            ),
        ];
        for (i, (edit, n)) in variants.into_iter().enumerate() {
            let other = files(edit);
            for (old, new) in [(base, other), (other, base)] {
                let (ours, theirs) = both_diffs(&repo, old, new);
                assert_eq!(ours, theirs, "variant {i}");
                assert_eq!(ours.len(), n, "variant {i}: {ours:#?}");
            }
        }
    }

    #[test]
    fn request_ids_from_paths() {
        assert_eq!(
            request_id("", "requests/EML/7K/EML-7K3.toml").as_deref(),
            Some("EML-7K3")
        );
        assert_eq!(
            request_id("rec/", "rec/requests/EML/7K/EML-7K3.toml").as_deref(),
            Some("EML-7K3")
        );
        assert_eq!(request_id("", "requests/EML/notes.txt"), None);
        assert_eq!(request_id("", "people.toml"), None);
    }
}
