//! git's index file (`.git/index`), read and patched where a change touches it.
//!
//! libgit2 parses every entry into a struct, sorts, and writes every entry back: at 100,000
//! records that round trip was most of a change's cost. A change touches a handful of paths,
//! so this module maps the file (no copy), scans it once for where each entry is, and then
//! either
//!
//! - **patches it in place** (`in_place`) when every change rewrites an entry that is there
//!   (the usual `advance`, `approve`, …): the entry's stat data and object id, and the cached
//!   tree ids (`TREE`) of the folders on its path, are overwritten where they are — a few
//!   dozen bytes, whatever the size of the index; or
//! - **writes it anew** (`patched`) when a path comes or goes: every untouched entry's bytes
//!   copied as they are, the changed ones spliced in.
//!
//! Either way the cached trees stay valid: a folder's node whose tree id was that of the
//! change's parent commit gets the new commit's tree id (and its entry count), as `git
//! commit` would leave it; a node that was already invalid stays so, and any other node on a
//! changed path is invalidated, as git does. The trailing checksum is written as zeros (git's
//! `index.skipHash`, which git since 2.40 and libgit2 read) unless the repository sets
//! `index.skipHash = false`; then every change writes the index anew, hashed.
//!
//! Extensions: `TREE` as above, `REUC` kept as it is; the other optional ones describe the
//! entries' layout or the work tree (`EOIE`, `IEOT`, `UNTR`, `FSMN`, …): an in-place patch
//! moves no entry, so they stay true; a new index drops them, which git allows — it rebuilds
//! them when it wants them. A required extension (a lower-case signature: split or sparse
//! indexes) is refused. The format: git's Documentation/gitformat-index.txt.

use std::collections::BTreeMap;

use anyhow::{bail, ensure, Result};
use sha1::{Digest, Sha1};

use super::Oid;

const HASH: usize = 20;
/// ctime, mtime (seconds and nanoseconds), dev, ino, mode, uid, gid, size: 4 bytes each.
const STAT: usize = 40;
/// Stat data, object id and the flags.
const FIXED: usize = STAT + HASH + 2;
const EXTENDED: u16 = 0x4000;
const NAME_MASK: u16 = 0x0fff;
const STAGE_MASK: u16 = 0x3000;

/// An index file's bytes, mapped once, and where each entry is in them.
pub struct IndexFile {
    bytes: Bytes,
    version: u32,
    count: u32,
    entries: Vec<Raw>,
    /// Version 4: every entry's path, rebuilt, one after another.
    v4_paths: Vec<u8>,
    /// Where the entries end and the extensions begin.
    entries_end: usize,
}

/// What a change puts at a path: its blob and the work-tree file's stat data.
pub struct NewEntry {
    pub id: Oid,
    pub stat: Stat,
}

/// The stat data git keeps per entry, truncated to 32 bits as git does.
#[derive(Clone, Copy, Default)]
pub struct Stat {
    pub ctime: (u32, u32),
    pub mtime: (u32, u32),
    pub dev: u32,
    pub ino: u32,
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
    pub size: u32,
}

/// The index's bytes: the file mapped, or bytes in memory (an empty index, tests).
enum Bytes {
    Mapped(memmap2::Mmap),
    Owned(Vec<u8>),
}

impl std::ops::Deref for Bytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Mapped(m) => m,
            Bytes::Owned(v) => v,
        }
    }
}

/// The tree ids of the folders on a change's paths ("" is the root), before and after it:
/// what keeps the cached trees (`TREE`) of those folders valid.
#[derive(Default)]
pub struct Folders(pub BTreeMap<String, (Option<Oid>, Option<Oid>)>);

impl Folders {
    /// The folders on `paths`, with their ids in the trees `old` (the change's parent's) and
    /// `new` (its commit's).
    pub fn of<'p>(
        old: Option<&git2::Tree>,
        new: &git2::Tree,
        paths: impl Iterator<Item = &'p String>,
    ) -> Result<Folders> {
        let id = |tree: Option<&git2::Tree>, dir: &str| match tree {
            Some(tree) => super::history::id_at(tree, dir, git2::ObjectType::Tree),
            None => Ok(None),
        };
        let mut out = Folders::default();
        for path in paths {
            for dir in folders_of(path) {
                if !out.0.contains_key(dir) {
                    let ids = (id(old, dir)?, id(Some(new), dir)?);
                    out.0.insert(dir.to_string(), ids);
                }
            }
        }
        Ok(out)
    }
}

/// One entry as found in the file: byte positions, small, as a large index has 100,000s.
struct Raw {
    /// Byte range of the whole entry.
    start: u32,
    end: u32,
    /// Where its path is: in the file (versions 2 and 3), or in `IndexFile::v4_paths`, where
    /// version 4's compressed paths are rebuilt.
    name: (u32, u32),
    flags: u16,
}

impl Raw {
    fn start(&self) -> usize {
        self.start as usize
    }

    fn end(&self) -> usize {
        self.end as usize
    }
}

impl IndexFile {
    /// The index file at `path`, mapped; an empty index when there is none (a new repository).
    ///
    /// Only while holding git's `index.lock`: git replaces its index by renaming a new file
    /// into place, and sop patches it in place only under that lock, so the mapped bytes do
    /// not change under the reader.
    pub fn open(path: &std::path::Path) -> Result<IndexFile> {
        let file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return IndexFile::parse(Vec::new())
            }
            Err(e) => return Err(e.into()),
        };
        if file.metadata()?.len() == 0 {
            return IndexFile::parse(Vec::new());
        }
        // SAFETY: the file does not change while mapped (see above); a file truncated by
        // someone ignoring git's lock is the one case left, as for git itself.
        let map = unsafe { memmap2::Mmap::map(&file)? };
        IndexFile::from_bytes(Bytes::Mapped(map))
    }

    /// The index at `bytes`; an empty index when there are none (a new repository).
    pub fn parse(bytes: Vec<u8>) -> Result<IndexFile> {
        if bytes.is_empty() {
            let mut empty = b"DIRC".to_vec();
            empty.extend(2u32.to_be_bytes());
            empty.extend(0u32.to_be_bytes());
            empty.extend([0u8; HASH]);
            return IndexFile::parse(empty);
        }
        IndexFile::from_bytes(Bytes::Owned(bytes))
    }

    fn from_bytes(bytes: Bytes) -> Result<IndexFile> {
        ensure!(
            bytes.len() >= 12 + HASH && &bytes[..4] == b"DIRC",
            t!(GitIndexNotIndex)
        );
        let version = u32::from_be_bytes(bytes[4..8].try_into()?);
        ensure!(
            (2..=4).contains(&version),
            t!(GitIndexVersion, version = version)
        );
        let count = u32::from_be_bytes(bytes[8..12].try_into()?);
        let mut index = IndexFile {
            bytes,
            version,
            count,
            entries: Vec::new(),
            v4_paths: Vec::new(),
            entries_end: 12,
        };
        (index.entries, index.v4_paths, index.entries_end) = index.scan()?;
        Ok(index)
    }

    /// Every entry in order, version 4's paths, and where the entries end.
    fn scan(&self) -> Result<(Vec<Raw>, Vec<u8>, usize)> {
        let b = &self.bytes;
        ensure!(b.len() < u32::MAX as usize, t!(GitIndexOver4G));
        let limit = b.len() - HASH;
        let mut at = 12;
        let mut paths: Vec<u8> = Vec::new();
        // Version 4: where the previous path is in `paths`.
        let mut prev = (0, 0);
        let mut out = Vec::with_capacity(self.count as usize);
        for _ in 0..self.count {
            let start = at;
            ensure!(at + FIXED <= limit, t!(GitIndexCutShort));
            let flags = u16::from_be_bytes([b[at + STAT + HASH], b[at + STAT + HASH + 1]]);
            at += FIXED;
            if flags & EXTENDED != 0 {
                ensure!(self.version >= 3, t!(GitIndexExtended));
                at += 2;
            }
            let name = if self.version == 4 {
                let (strip, used) = varint(&b[at..limit])?;
                at += used;
                let end = at + nul(&b[at..limit])?;
                let (from, to) = prev;
                ensure!(strip <= to - from, t!(GitIndexBadPath));
                let kept = paths.len();
                paths.extend_from_within(from..to - strip);
                paths.extend_from_slice(&b[at..end]);
                at = end + 1;
                prev = (kept, paths.len());
                prev
            } else {
                // The flags hold the path's length, up to 0xfff; a longer one ends at a NUL.
                let len = (flags & NAME_MASK) as usize;
                let end = if len < NAME_MASK as usize && b.get(at + len) == Some(&0) {
                    at + len
                } else {
                    at + nul(&b[at..limit])?
                };
                let name = (at, end);
                // NUL padding to a multiple of eight bytes, at least one.
                at = start + padded(end - start);
                name
            };
            ensure!(at <= limit, t!(GitIndexCutShort));
            ensure!(paths.len() < u32::MAX as usize, t!(GitIndexPathsOver4G));
            out.push(Raw {
                start: start as u32,
                end: at as u32,
                name: (name.0 as u32, name.1 as u32),
                flags,
            });
        }
        Ok((out, paths, at))
    }

    /// The blob staged at `path` (stage 0), if any.
    pub fn staged(&self, path: &str) -> Result<Option<Oid>> {
        let entries = &self.entries;
        let found = entries
            .binary_search_by(|e| self.path_of(e).cmp(path.as_bytes()).then(stage(e).cmp(&0)));
        Ok(match found {
            Ok(i) => {
                let at = entries[i].start() + STAT;
                Some(Oid::from_bytes(&self.bytes[at..at + HASH])?)
            }
            Err(_) => None,
        })
    }

    /// Every entry under folder `dir` (repository-relative, no trailing `/`) as (path below
    /// `dir`, blob), when the cached trees (`TREE`) say the index holds exactly tree `id`
    /// there: the folder's node is valid, has that id, and counts the entries found. None
    /// otherwise — a node a staged change invalidated, another tree, a conflict, a submodule
    /// below it, a split or sparse index.
    pub fn folder(&self, dir: &str, id: Oid) -> Option<Vec<(String, Oid)>> {
        let extensions = self.extensions().ok()?;
        // A required extension (split or sparse index) means entries are not all here.
        if extensions.iter().any(|e| e.sig[0].is_ascii_lowercase()) {
            return None;
        }
        let tree = extensions.iter().find(|e| &e.sig == b"TREE")?;
        let data = &self.bytes[tree.data.clone()];
        let nodes = tree_nodes(data, None).ok()?;
        let node = nodes.iter().find(|n| n.dir.as_deref() == Some(dir))?;
        let id_at = node.id_at?;
        if Oid::from_bytes(&data[id_at..id_at + HASH]).ok()? != id {
            return None;
        }
        let prefix = format!("{dir}/");
        let first = (self.entries).partition_point(|e| self.path_of(e) < prefix.as_bytes());
        let mut files = Vec::with_capacity(node.count.max(0) as usize);
        for e in &self.entries[first..] {
            let Some(rest) = self.path_of(e).strip_prefix(prefix.as_bytes()) else {
                break;
            };
            let at = e.start();
            let mode = u32::from_be_bytes(self.bytes[at + 24..at + 28].try_into().ok()?);
            // Files and links only: not a submodule, nor a sparse index's folder.
            if stage(e) != 0 || !matches!(mode & 0o170000, 0o100000 | 0o120000) {
                return None;
            }
            let blob = Oid::from_bytes(&self.bytes[at + STAT..at + STAT + HASH]).ok()?;
            files.push((String::from_utf8(rest.to_vec()).ok()?, blob));
        }
        (files.len() as i64 == node.count).then_some(files)
    }

    /// The index with `changes` (path → new entry, or None to remove it) made, as bytes to
    /// write: every other entry copied as it was; the checksum git's SHA-1 when `hash`, else
    /// zeros.
    pub fn patched(
        &self,
        changes: &BTreeMap<String, Option<NewEntry>>,
        folders: &Folders,
        hash: bool,
    ) -> Result<Vec<u8>> {
        let entries = &self.entries;
        let v4 = self.version == 4;
        let mut out = Vec::with_capacity(self.bytes.len() + 256 * changes.len());
        out.extend_from_slice(&self.bytes[..12]);
        let mut count: u32 = 0;
        // v4 only: the path before this entry in the file, and in the output.
        let mut prev_in: Vec<u8> = Vec::new();
        let mut prev_out: Vec<u8> = Vec::new();
        // v2/v3: untouched entries not yet copied, as one byte range.
        let mut run: Option<(usize, usize)> = None;
        let flush = |out: &mut Vec<u8>, run: &mut Option<(usize, usize)>| {
            if let Some((from, to)) = run.take() {
                out.extend_from_slice(&self.bytes[from..to]);
            }
        };
        let mut pending = changes.iter().peekable();
        let emit_new = |out: &mut Vec<u8>, path: &str, e: &NewEntry, prev_out: &mut Vec<u8>| {
            self.encode(out, path.as_bytes(), e, prev_out);
            if v4 {
                prev_out.clear();
                prev_out.extend_from_slice(path.as_bytes());
            }
        };
        let mut replacing: Option<&[u8]> = None;
        for raw in entries {
            let raw_path = self.path_of(raw);
            if replacing == Some(raw_path) {
                // The other stages of a path just replaced (a conflict sop resolves).
                if v4 {
                    set(&mut prev_in, raw_path);
                }
                continue;
            }
            // New paths that sort before this entry go in first.
            while let Some((path, change)) = pending.peek() {
                if path.as_bytes() >= raw_path {
                    break;
                }
                if let Some(e) = change {
                    flush(&mut out, &mut run);
                    emit_new(&mut out, path, e, &mut prev_out);
                    count += 1;
                }
                pending.next();
            }
            if pending
                .peek()
                .is_some_and(|(path, _)| path.as_bytes() == raw_path)
            {
                // Every stage of the path gives way to the one new entry (or to none).
                flush(&mut out, &mut run);
                let (path, change) = pending.next().expect("peeked");
                if let Some(e) = change {
                    emit_new(&mut out, path, e, &mut prev_out);
                    count += 1;
                }
                replacing = Some(raw_path);
                if v4 {
                    set(&mut prev_in, raw_path);
                }
                continue;
            }
            count += 1;
            if !v4 {
                run = Some(run.map_or((raw.start(), raw.end()), |(from, _)| (from, raw.end())));
                continue;
            }
            if prev_in == prev_out {
                out.extend_from_slice(&self.bytes[raw.start()..raw.end()]);
            } else {
                self.reencode(&mut out, raw, &prev_out);
            }
            set(&mut prev_in, raw_path);
            set(&mut prev_out, raw_path);
        }
        flush(&mut out, &mut run);
        for (path, change) in pending {
            if let Some(e) = change {
                emit_new(&mut out, path, e, &mut prev_out);
                count += 1;
            }
        }
        out[8..12].copy_from_slice(&count.to_be_bytes());
        let counts = self.count_changes(changes);
        self.write_extensions(&mut out, folders, &counts)?;
        if hash {
            let sum = Sha1::digest(&out);
            out.extend_from_slice(&sum);
        } else {
            out.extend_from_slice(&[0; HASH]);
        }
        Ok(out)
    }

    /// The writes that make `changes` in this file where it is — (offset, bytes), in the
    /// order to make them — when every change rewrites one entry that is there and the cached
    /// trees on its path stay valid or were invalid already; None when the index must be
    /// written anew. The checksum becomes zeros first, so that the file is valid at every step
    /// for readers that check it.
    ///
    /// Each write stays within one page, so that a kill cannot tear it; between writes, the
    /// index is one git reads without harm, and the journal finishes the job (tx.rs).
    pub fn in_place(
        &self,
        changes: &BTreeMap<String, Option<NewEntry>>,
        folders: &Folders,
    ) -> Option<Vec<(usize, Vec<u8>)>> {
        let b = &self.bytes;
        let mut writes = Vec::new();
        let sum_at = b.len() - HASH;
        if b[sum_at..].iter().any(|&c| c != 0) {
            writes.push((sum_at, vec![0; HASH]));
        }
        let counts = self.count_changes(changes);
        for ext in self.extensions().ok()? {
            if ext.sig[0].is_ascii_lowercase() {
                return None;
            }
            if &ext.sig == b"TREE" {
                let tree = &b[ext.data.clone()];
                for node in tree_nodes(tree, Some(folders)).ok()? {
                    match node.fate(tree, folders, &counts) {
                        Fate::Keep => {}
                        Fate::Valid { count, id } if count == node.count => {
                            let id_at = node.id_at.expect("a valid node has an id");
                            writes.push((ext.data.start + id_at, id.as_bytes().to_vec()));
                        }
                        _ => return None,
                    }
                }
            }
        }
        for (path, change) in changes {
            let e = change.as_ref()?;
            let i = self.only_entry(path)?;
            let raw = &self.entries[i];
            if raw.flags & !NAME_MASK != 0 {
                return None;
            }
            let mut bytes = Vec::with_capacity(STAT + HASH);
            put_stat(&mut bytes, &e.stat);
            bytes.extend_from_slice(e.id.as_bytes());
            writes.push((raw.start(), bytes));
        }
        let one_page = |(at, bytes): &(usize, Vec<u8>)| at / PAGE == (at + bytes.len() - 1) / PAGE;
        writes.iter().all(one_page).then_some(writes)
    }

    /// The one entry at `path` (stage 0, no other stage beside it).
    fn only_entry(&self, path: &str) -> Option<usize> {
        let entries = &self.entries;
        let i = entries
            .binary_search_by(|e| self.path_of(e).cmp(path.as_bytes()).then(stage(e).cmp(&0)))
            .ok()?;
        let same = |j: usize| {
            entries
                .get(j)
                .is_some_and(|e| self.path_of(e) == path.as_bytes())
        };
        (!same(i + 1) && (i == 0 || !same(i - 1))).then_some(i)
    }

    /// How many entries each folder on the changed paths gains (or loses) by `changes`.
    fn count_changes(&self, changes: &BTreeMap<String, Option<NewEntry>>) -> BTreeMap<String, i64> {
        let mut counts = BTreeMap::new();
        for (path, change) in changes {
            let was = self
                .entries
                .binary_search_by(|e| self.path_of(e).cmp(path.as_bytes()))
                .is_ok();
            let delta = i64::from(change.is_some()) - i64::from(was);
            for dir in folders_of(path) {
                *counts.entry(dir.to_string()).or_insert(0) += delta;
            }
        }
        counts
    }

    /// An entry's path: rebuilt (v4) or in place.
    fn path_of<'a>(&'a self, raw: &'a Raw) -> &'a [u8] {
        let (from, to) = (raw.name.0 as usize, raw.name.1 as usize);
        if self.version == 4 {
            &self.v4_paths[from..to]
        } else {
            &self.bytes[from..to]
        }
    }

    /// A new entry at `path`, after `prev` (v4's path compression).
    fn encode(&self, out: &mut Vec<u8>, path: &[u8], e: &NewEntry, prev: &[u8]) {
        let start = out.len();
        put_stat(out, &e.stat);
        out.extend_from_slice(e.id.as_bytes());
        let flags = (path.len().min(NAME_MASK as usize)) as u16;
        out.extend(flags.to_be_bytes());
        self.path(out, start, path, prev);
    }

    /// An existing entry, its path compressed against a new predecessor.
    fn reencode(&self, out: &mut Vec<u8>, raw: &Raw, prev: &[u8]) {
        let start = out.len();
        let fixed = FIXED + if raw.flags & EXTENDED != 0 { 2 } else { 0 };
        out.extend_from_slice(&self.bytes[raw.start()..raw.start() + fixed]);
        self.path(out, start, self.path_of(raw), prev);
    }

    fn path(&self, out: &mut Vec<u8>, start: usize, path: &[u8], prev: &[u8]) {
        if self.version == 4 {
            let common = prev.iter().zip(path).take_while(|(a, b)| a == b).count();
            put_varint(out, prev.len() - common);
            out.extend_from_slice(&path[common..]);
            out.push(0);
        } else {
            out.extend_from_slice(path);
            let len = out.len() - start;
            out.resize(start + padded(len), 0);
        }
    }

    /// The extensions after the entries, in order.
    fn extensions(&self) -> Result<Vec<Extension>> {
        let b = &self.bytes;
        let limit = b.len() - HASH;
        let mut at = self.entries_end;
        let mut out = Vec::new();
        while at + 8 <= limit {
            let size = u32::from_be_bytes(b[at + 4..at + 8].try_into()?) as usize;
            let data = at + 8;
            ensure!(data + size <= limit, t!(GitIndexExtensionCut));
            out.push(Extension {
                sig: b[at..at + 4].try_into()?,
                start: at,
                data: data..data + size,
            });
            at = data + size;
        }
        Ok(out)
    }

    /// The extensions, written after a change: TREE brought up to date (see the module's
    /// comment), REUC as it is, the rest dropped.
    fn write_extensions(
        &self,
        out: &mut Vec<u8>,
        folders: &Folders,
        counts: &BTreeMap<String, i64>,
    ) -> Result<()> {
        for ext in self.extensions()? {
            let b = &self.bytes;
            match &ext.sig {
                b"TREE" => {
                    let tree = retree(&b[ext.data.clone()], folders, counts)?;
                    out.extend_from_slice(b"TREE");
                    out.extend((tree.len() as u32).to_be_bytes());
                    out.extend_from_slice(&tree);
                }
                b"REUC" => out.extend_from_slice(&b[ext.start..ext.data.end]),
                s if s[0].is_ascii_lowercase() => {
                    bail!(t!(GitIndexExtension, name = String::from_utf8_lossy(s)))
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// One extension after the entries: its signature, where it starts, and its data.
struct Extension {
    sig: [u8; 4],
    start: usize,
    data: std::ops::Range<usize>,
}

/// `to` holding a copy of `path`.
fn set(to: &mut Vec<u8>, path: &[u8]) {
    to.clear();
    to.extend_from_slice(path);
}

fn stage(e: &Raw) -> u16 {
    (e.flags & STAGE_MASK) >> 12
}

/// The length of a v2/v3 entry of `len` bytes before padding: NULs to a multiple of eight,
/// at least one.
fn padded(len: usize) -> usize {
    (len + 8) & !7
}

fn nul(b: &[u8]) -> Result<usize> {
    memchr::memchr(0, b).ok_or_else(|| anyhow::anyhow!(t!(GitIndexPathNoEnd)))
}

/// git's varint of index v4 (offset encoding: each continuation adds one).
fn varint(b: &[u8]) -> Result<(usize, usize)> {
    let mut i = 0;
    let first = *b.first().ok_or_else(|| anyhow::anyhow!(t!(GitCutShort)))?;
    let mut value = (first & 0x7f) as usize;
    let mut c = first;
    while c & 0x80 != 0 {
        i += 1;
        c = *b.get(i).ok_or_else(|| anyhow::anyhow!(t!(GitCutShort)))?;
        value = ((value + 1) << 7) | (c & 0x7f) as usize;
    }
    Ok((value, i + 1))
}

fn put_varint(out: &mut Vec<u8>, mut value: usize) {
    let mut buf = [0u8; 16];
    let mut pos = buf.len() - 1;
    buf[pos] = (value & 0x7f) as u8;
    while value >> 7 != 0 {
        value = (value >> 7) - 1;
        pos -= 1;
        buf[pos] = 0x80 | (value & 0x7f) as u8;
    }
    out.extend_from_slice(&buf[pos..]);
}

/// The page size writes in place stay within.
const PAGE: usize = 4096;

fn put_stat(out: &mut Vec<u8>, s: &Stat) {
    for v in [
        s.ctime.0, s.ctime.1, s.mtime.0, s.mtime.1, s.dev, s.ino, s.mode, s.uid, s.gid, s.size,
    ] {
        out.extend(v.to_be_bytes());
    }
}

/// The folders `path` is in, the root ("") first: `a/b/c` is in "", "a" and "a/b".
fn folders_of(path: &str) -> impl Iterator<Item = &str> {
    std::iter::once("").chain(path.match_indices('/').map(|(i, _)| &path[..i]))
}

/// The folder `dir` is in (None for the root).
fn parent_of(dir: &str) -> Option<&str> {
    (!dir.is_empty()).then(|| dir.rsplit_once('/').map_or("", |(p, _)| p))
}

/// One folder's node in the cached trees (`TREE`): where its parts are in the extension.
struct TreeNode {
    /// The folder, repository-relative ("" for the root); named only where a change may
    /// reach it (see `tree_nodes`).
    dir: Option<String>,
    /// Its name and NUL start here; its header line ("count subtrees\n") at `header`.
    start: usize,
    header: usize,
    /// Where its tree id is: none when the node is invalid (count -1).
    id_at: Option<usize>,
    end: usize,
    count: i64,
    subtrees: usize,
}

/// What a change does to a node.
enum Fate {
    Keep,
    Valid { count: i64, id: Oid },
    Invalid,
}

impl TreeNode {
    /// A node on no changed path is kept, as is one already invalid. One whose tree was that of
    /// the change's parent (or, finishing a change a kill interrupted, already the new one)
    /// takes the new tree — unless a folder below it comes or goes, which changes its list of
    /// subtrees. Any other node on a changed path is invalidated.
    fn fate(&self, data: &[u8], folders: &Folders, counts: &BTreeMap<String, i64>) -> Fate {
        let Some(dir) = &self.dir else {
            return Fate::Keep;
        };
        let Some(&(old, new)) = folders.0.get(dir) else {
            return Fate::Keep;
        };
        let Some(id_at) = self.id_at else {
            return Fate::Keep;
        };
        let id = Oid::from_bytes(&data[id_at..id_at + HASH]).ok();
        let delta = counts.get(dir).copied().unwrap_or(0);
        let same_subtrees = !folders.0.iter().any(|(below, (o, n))| {
            parent_of(below) == Some(dir.as_str()) && (o.is_none() || n.is_none())
        });
        match new {
            Some(new) if same_subtrees && (id == old || (id == Some(new) && delta == 0)) => {
                Fate::Valid {
                    count: self.count + delta,
                    id: new,
                }
            }
            _ => Fate::Invalid,
        }
    }
}

/// The nodes of a TREE extension, in their order (a folder before its subtrees). A node is
/// named only when `folders` holds its parent folder (a change may reach it), or always when
/// `folders` is None: the thousands of other folders of a large index are passed over.
fn tree_nodes(data: &[u8], folders: Option<&Folders>) -> Result<Vec<TreeNode>> {
    let bad = || anyhow::anyhow!(t!(GitIndexBadTree));
    let mut nodes = Vec::new();
    // The folders whose subtrees are still to come, and how many.
    let mut open: Vec<(Option<String>, usize)> = Vec::new();
    let mut at = 0;
    while at < data.len() {
        while open.last().is_some_and(|(_, left)| *left == 0) {
            open.pop();
        }
        let parent = match open.last_mut() {
            Some((dir, left)) => {
                *left -= 1;
                Some(dir.clone())
            }
            None if nodes.is_empty() => None,
            None => return Err(bad()),
        };
        let name_end = at + nul(&data[at..])?;
        let name = std::str::from_utf8(&data[at..name_end])?;
        let header = name_end + 1;
        let line_end = header + memchr::memchr(b'\n', &data[header..]).ok_or_else(bad)?;
        let (count, subtrees) = std::str::from_utf8(&data[header..line_end])?
            .split_once(' ')
            .ok_or_else(bad)?;
        let (count, subtrees): (i64, usize) = (count.parse()?, subtrees.parse()?);
        let id_at = (count >= 0).then_some(line_end + 1);
        let end = line_end + 1 + id_at.map_or(0, |_| HASH);
        ensure!(end <= data.len(), bad());
        let named = |p: &str| folders.is_none_or(|f| f.0.contains_key(p));
        let dir = match &parent {
            None => Some(String::new()),
            Some(Some(p)) if !named(p) => None,
            Some(Some(p)) if p.is_empty() => Some(name.to_string()),
            Some(Some(p)) => Some(format!("{p}/{name}")),
            Some(None) => None,
        };
        open.push((dir.clone(), subtrees));
        nodes.push(TreeNode {
            dir,
            start: at,
            header,
            id_at,
            end,
            count,
            subtrees,
        });
        at = end;
    }
    Ok(nodes)
}

/// The TREE extension after a change: each node as its `fate` says.
fn retree(data: &[u8], folders: &Folders, counts: &BTreeMap<String, i64>) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    for node in tree_nodes(data, Some(folders))? {
        out.extend_from_slice(&data[node.start..node.header]);
        match node.fate(data, folders, counts) {
            Fate::Keep => out.extend_from_slice(&data[node.header..node.end]),
            Fate::Valid { count, id } => {
                out.extend_from_slice(format!("{count} {}\n", node.subtrees).as_bytes());
                out.extend_from_slice(id.as_bytes());
            }
            Fate::Invalid => out.extend_from_slice(format!("-1 {}\n", node.subtrees).as_bytes()),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip() {
        for v in [0, 1, 127, 128, 255, 16511, 16512, 1 << 20, usize::MAX >> 8] {
            let mut b = Vec::new();
            put_varint(&mut b, v);
            assert_eq!(varint(&b).unwrap(), (v, b.len()), "{v}");
        }
    }

    #[test]
    fn padding_is_one_to_eight_nuls() {
        assert_eq!(padded(62 + 1), 64);
        assert_eq!(padded(62 + 2), 72);
        assert_eq!(padded(64), 72);
    }

    mod against_libgit2 {
        use super::super::*;
        use git2::{Index, IndexEntry, IndexTime, Repository};
        use proptest::prelude::*;

        fn entry(path: &str, id: Oid, size: u32) -> IndexEntry {
            IndexEntry {
                ctime: IndexTime::new(size as i32, 1),
                mtime: IndexTime::new(size as i32, 2),
                dev: 3,
                ino: size,
                mode: 0o100644,
                uid: 4,
                gid: 5,
                file_size: size,
                id,
                flags: path.len().min(0xfff) as u16,
                flags_extended: 0,
                path: path.as_bytes().to_vec(),
            }
        }

        fn stat_of(e: &IndexEntry) -> Stat {
            Stat {
                ctime: (e.ctime.seconds() as u32, e.ctime.nanoseconds()),
                mtime: (e.mtime.seconds() as u32, e.mtime.nanoseconds()),
                dev: e.dev,
                ino: e.ino,
                mode: e.mode,
                uid: e.uid,
                gid: e.gid,
                size: e.file_size,
            }
        }

        /// (path, id, size) of every entry, for comparing.
        fn listing(index: &Index) -> Vec<(String, Oid, u32, u32)> {
            index
                .iter()
                .map(|e| {
                    (
                        String::from_utf8(e.path).unwrap(),
                        e.id,
                        e.file_size,
                        e.mtime.seconds() as u32,
                    )
                })
                .collect()
        }

        /// The tree ids before and after of every folder on `paths`, as tx.rs gives them.
        fn folders<'p>(
            repo: &Repository,
            old: Oid,
            new: Oid,
            paths: impl Iterator<Item = &'p String>,
        ) -> Folders {
            let old = repo.find_tree(old).unwrap();
            Folders::of(Some(&old), &repo.find_tree(new).unwrap(), paths).unwrap()
        }

        fn path_strategy() -> impl Strategy<Value = String> {
            // A few folders deep, names that share prefixes (v4's compression) and sort
            // around each other ("a", "a-b", "a/b").
            proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "a-b", "ab", "b", "EML", "7K", "z.toml", "a.toml",
                ]),
                1..5,
            )
            .prop_map(|parts| parts.join("/"))
        }

        /// A repository whose index holds `files` (path → content) with every cached tree
        /// valid; its path, and the root tree.
        fn indexed(files: &[(&str, &str)]) -> (tempfile::TempDir, Repository, Oid) {
            let dir = tempfile::tempdir().unwrap();
            let repo = Repository::init(dir.path()).unwrap();
            let mut index = repo.index().unwrap();
            for (i, (path, content)) in files.iter().enumerate() {
                let id = repo.blob(content.as_bytes()).unwrap();
                index.add(&entry(path, id, i as u32 + 1)).unwrap();
            }
            let root = index.write_tree().unwrap();
            index.write().unwrap();
            (dir, repo, root)
        }

        /// The valid cached trees of an index file: folder → tree id.
        fn cached_trees(bytes: &[u8]) -> BTreeMap<String, Oid> {
            let file = IndexFile::parse(bytes.to_vec()).unwrap();
            let at = file.entries_end;
            assert_eq!(&bytes[at..at + 4], b"TREE");
            let size = u32::from_be_bytes(bytes[at + 4..at + 8].try_into().unwrap()) as usize;
            let data = &bytes[at + 8..at + 8 + size];
            tree_nodes(data, None)
                .unwrap()
                .into_iter()
                .filter_map(|n| {
                    Some((
                        n.dir?,
                        Oid::from_bytes(&data[n.id_at?..n.id_at? + HASH]).unwrap(),
                    ))
                })
                .collect()
        }

        /// Rewriting a file that is there is patched where it is: the entry and the cached
        /// trees on its path take the new ids, the checksum becomes zeros, and libgit2 reads
        /// the result as the index git would write.
        #[test]
        fn a_rewritten_file_is_patched_in_place() {
            let (dir, repo, old_root) =
                indexed(&[("a/x", "x"), ("a/y", "y"), ("b/z", "z"), ("c", "c")]);
            let path = dir.path().join(".git/index");
            let before = std::fs::read(&path).unwrap();
            let file = IndexFile::open(&path).unwrap();
            let mut expected = Index::open(&path).unwrap();
            let id = repo.blob(b"x, changed").unwrap();
            let e = entry("a/x", id, 99);
            expected.add(&e).unwrap();
            let new_root = expected.write_tree_to(&repo).unwrap();
            let changes = BTreeMap::from([(
                "a/x".to_string(),
                Some(NewEntry {
                    id,
                    stat: stat_of(&e),
                }),
            )]);
            let folders = folders(&repo, old_root, new_root, changes.keys());
            let writes = file.in_place(&changes, &folders).expect("in place");
            // The checksum, the root's and a's trees, the entry.
            assert_eq!(
                writes.len(),
                4,
                "{:?}",
                writes.iter().map(|w| w.0).collect::<Vec<_>>()
            );
            let mut bytes = before.clone();
            for (at, b) in &writes {
                bytes[*at..*at + b.len()].copy_from_slice(b);
            }
            assert_eq!(bytes.len(), before.len());
            assert_eq!(&bytes[bytes.len() - HASH..], &[0; HASH]);
            let trees = cached_trees(&bytes);
            assert_eq!(trees[""], new_root);
            let new_tree = repo.find_tree(new_root).unwrap();
            let a = new_tree.get_path(std::path::Path::new("a")).unwrap().id();
            assert_eq!(trees["a"], a);
            assert_eq!(trees["b"], cached_trees(&before)["b"], "b is untouched");
            let out = dir.path().join("patched");
            std::fs::write(&out, &bytes).unwrap();
            let mut got = Index::open(&out).unwrap();
            assert_eq!(listing(&got), listing(&expected));
            assert_eq!(got.write_tree_to(&repo).unwrap(), new_root);
        }

        /// A folder whose cached tree is not the parent commit's (the user staged something
        /// there) cannot keep a valid tree: the index is written anew with that node, and the
        /// root's, invalid; a folder off the path keeps its tree.
        #[test]
        fn a_folder_with_staged_work_is_invalidated() {
            let (dir, repo, old_root) = indexed(&[("a/x", "x"), ("a/y", "y"), ("b/z", "z")]);
            let path = dir.path().join(".git/index");
            // The user stages a/y: the index's cached trees now differ from the commit's.
            let mut index = repo.index().unwrap();
            let staged = repo.blob(b"y, staged").unwrap();
            index.add(&entry("a/y", staged, 7)).unwrap();
            index.write_tree().unwrap();
            index.write().unwrap();
            let before = std::fs::read(&path).unwrap();
            let file = IndexFile::open(&path).unwrap();
            // sop's commit is made from the parent commit's tree, not the index.
            let id = repo.blob(b"x, changed").unwrap();
            let e = entry("a/x", id, 99);
            let mut commit_index = Index::new().unwrap();
            let old = repo.find_tree(old_root).unwrap();
            commit_index.read_tree(&old).unwrap();
            commit_index.add(&e).unwrap();
            let new_root = commit_index.write_tree_to(&repo).unwrap();
            let changes = BTreeMap::from([(
                "a/x".to_string(),
                Some(NewEntry {
                    id,
                    stat: stat_of(&e),
                }),
            )]);
            let folders = folders(&repo, old_root, new_root, changes.keys());
            assert!(file.in_place(&changes, &folders).is_none());
            let bytes = file.patched(&changes, &folders, true).unwrap();
            let trees = cached_trees(&bytes);
            assert!(
                !trees.contains_key("a") && !trees.contains_key(""),
                "{trees:?}"
            );
            assert_eq!(trees["b"], cached_trees(&before)["b"]);
            let out = dir.path().join("patched");
            std::fs::write(&out, &bytes).unwrap();
            let got = Index::open(&out).unwrap();
            let ids: Vec<Oid> = got.iter().map(|e| e.id).collect();
            assert!(
                ids.contains(&staged) && ids.contains(&id),
                "the staged work is kept"
            );
        }

        /// A folder's files are read from the index only while its cached tree is valid and the
        /// one asked for: a staged file invalidates it, and another tree id is not it.
        #[test]
        fn a_folder_is_listed_only_while_its_cached_tree_is_the_one_asked() {
            let (dir, repo, root) = indexed(&[("a/x", "x"), ("a/y/z", "z"), ("ab", "ab")]);
            let path = dir.path().join(".git/index");
            let a = repo.find_tree(root).unwrap().get_name("a").unwrap().id();
            let blob = |c: &str| Oid::hash_object(git2::ObjectType::Blob, c.as_bytes()).unwrap();
            let file = IndexFile::open(&path).unwrap();
            assert_eq!(
                file.folder("a", a),
                Some(vec![("x".into(), blob("x")), ("y/z".into(), blob("z"))])
            );
            assert_eq!(file.folder("a", root), None, "another tree");
            assert_eq!(file.folder("b", a), None, "no such folder");
            let mut index = repo.index().unwrap();
            let staged = repo.blob(b"x, staged").unwrap();
            index.add(&entry("a/x", staged, 7)).unwrap();
            index.write().unwrap();
            assert_eq!(IndexFile::open(&path).unwrap().folder("a", a), None);
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(32))]
            #[test]
            fn patching_gives_what_libgit2_gives(
                version in 2u32..=4,
                in_place in any::<bool>(),
                hash in any::<bool>(),
                start in proptest::collection::btree_set(path_strategy(), 0..40),
                changes in proptest::collection::vec((path_strategy(), any::<bool>(), 1u32..1000), 0..6),
            ) {
                let dir = tempfile::tempdir().unwrap();
                let repo = Repository::init(dir.path()).unwrap();
                let mut index = repo.index().unwrap();
                // Paths where one is a folder of another cannot both be files.
                let mut files: Vec<String> = Vec::new();
                for p in &start {
                    if !files.iter().any(|f| f.starts_with(&format!("{p}/")) || p.starts_with(&format!("{f}/"))) {
                        files.push(p.clone());
                    }
                }
                for (i, p) in files.iter().enumerate() {
                    let id = repo.blob(format!("{p} {i}").as_bytes()).unwrap();
                    index.add(&entry(p, id, i as u32 + 1)).unwrap();
                }
                index.set_version(version).unwrap();
                let old_root = index.write_tree().unwrap(); // fills the cached trees (TREE)
                index.write().unwrap();
                let path = dir.path().join(".git/index");
                let file = IndexFile::parse(std::fs::read(&path).unwrap()).unwrap();
                let mut expected = Index::open(&path).unwrap();
                let mut wanted = BTreeMap::new();
                // A file where a folder is (or the reverse) is git's to sort out, never a
                // change sop makes: such changes are left out, among themselves too.
                let mut taken = files.clone();
                for (p, keep, size) in &changes {
                    if taken.iter().any(|f| f != p && (f.starts_with(&format!("{p}/")) || p.starts_with(&format!("{f}/")))) {
                        continue;
                    }
                    taken.push(p.clone());
                    if *keep {
                        let id = repo.blob(format!("{p} new {size}").as_bytes()).unwrap();
                        let e = entry(p, id, *size);
                        wanted.insert(p.clone(), Some(NewEntry { id, stat: stat_of(&e) }));
                        expected.add(&e).unwrap();
                    } else {
                        wanted.insert(p.clone(), None);
                        let _ = expected.remove_path(std::path::Path::new(p));
                    }
                }
                let new_root = expected.write_tree_to(&repo).unwrap();
                let folders = folders(&repo, old_root, new_root, wanted.keys());
                let bytes = if in_place {
                    match file.in_place(&wanted, &folders) {
                        Some(writes) => {
                            let mut bytes = std::fs::read(&path).unwrap();
                            for (at, b) in writes {
                                bytes[at..at + b.len()].copy_from_slice(&b);
                            }
                            bytes
                        }
                        None => file.patched(&wanted, &folders, hash).unwrap(),
                    }
                } else {
                    file.patched(&wanted, &folders, hash).unwrap()
                };
                let out = dir.path().join("patched");
                std::fs::write(&out, &bytes).unwrap();
                let mut got = Index::open(&out).unwrap();
                prop_assert_eq!(got.version(), file.version, "the version is kept");
                prop_assert_eq!(listing(&got), listing(&expected));
                // The cached trees left valid are right: the trees written agree.
                if !got.is_empty() {
                    prop_assert_eq!(
                        got.write_tree_to(&repo).unwrap(),
                        expected.write_tree_to(&repo).unwrap()
                    );
                }
                // Staged lookups see the patched entries.
                let again = IndexFile::parse(bytes).unwrap();
                for e in expected.iter() {
                    let p = String::from_utf8(e.path).unwrap();
                    prop_assert_eq!(again.staged(&p).unwrap(), Some(e.id));
                }
            }
        }
    }
}
