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
//! - **writes it anew** (`pieces`) when a path comes or goes: the runs of untouched entries
//!   written straight from the mapped file as they are, the changed ones spliced in between —
//!   the tens of MB of a large index are never gathered in memory.
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

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::Write;

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
    /// Where each entry starts, then where the entries end and the extensions begin: one
    /// offset per entry and one more, 4 bytes each, as a large index has 100,000s. An entry's
    /// flags and (versions 2 and 3) its path are read from the file where it starts.
    starts: Vec<u32>,
    /// Version 4: every entry's path, rebuilt, one after another, and where each one ends.
    v4_paths: Vec<u8>,
    v4_ends: Vec<u32>,
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
        ensure!(bytes.len() < u32::MAX as usize, t!(GitIndexOver4G));
        let mut index = IndexFile {
            bytes,
            version,
            starts: Vec::new(),
            v4_paths: Vec::new(),
            v4_ends: Vec::new(),
        };
        let count = u32::from_be_bytes(index.bytes[8..12].try_into()?) as usize;
        if version == 4 {
            (index.starts, index.v4_paths, index.v4_ends) = index.scan_v4(count)?;
        } else {
            index.starts = index.scan(count)?;
        }
        Ok(index)
    }

    /// Where each of `count` version 2 or 3 entries starts, and where the last one ends. This
    /// walk is most of what reading a large index costs, and it is bound by memory, not work:
    /// it reads only each entry's flags, which give its path's length as git reads it (up to
    /// 0xfff; a longer one ends at a NUL), and a byte a little ahead, unused, so that the
    /// entries to come are on their way from memory while this one is read.
    fn scan(&self, count: usize) -> Result<Vec<u32>> {
        let b = &self.bytes[..];
        let limit = b.len() - HASH;
        let mut starts = Vec::with_capacity(count + 1);
        let mut at = 12;
        for _ in 0..count {
            ensure!(at + FIXED <= limit, t!(GitIndexCutShort));
            std::hint::black_box(b.get(at + READ_AHEAD).copied());
            let flags = u16::from_be_bytes([b[at + STAT + HASH], b[at + STAT + HASH + 1]]);
            let mut name = at + FIXED;
            if flags & EXTENDED != 0 {
                ensure!(self.version >= 3, t!(GitIndexExtended));
                name += 2;
            }
            let mut len = (flags & NAME_MASK) as usize;
            if len == NAME_MASK as usize {
                ensure!(name <= limit, t!(GitIndexCutShort));
                len = nul(&b[name..limit])?;
            }
            starts.push(at as u32);
            // NUL padding to a multiple of eight bytes, at least one.
            at += padded(name + len - at);
            ensure!(at <= limit, t!(GitIndexCutShort));
        }
        starts.push(at as u32);
        Ok(starts)
    }

    /// Version 4: where each entry starts (and the last one ends), every path rebuilt one
    /// after another, and where each path ends there.
    fn scan_v4(&self, count: usize) -> Result<(Vec<u32>, Vec<u8>, Vec<u32>)> {
        let b = &self.bytes[..];
        let limit = b.len() - HASH;
        let mut at = 12;
        let mut starts = Vec::with_capacity(count + 1);
        let mut paths: Vec<u8> = Vec::new();
        let mut ends = Vec::with_capacity(count);
        // Where the previous path is in `paths`.
        let mut prev = (0, 0);
        for _ in 0..count {
            starts.push(at as u32);
            ensure!(at + FIXED <= limit, t!(GitIndexCutShort));
            let flags = u16::from_be_bytes([b[at + STAT + HASH], b[at + STAT + HASH + 1]]);
            at += FIXED + if flags & EXTENDED != 0 { 2 } else { 0 };
            ensure!(at < limit, t!(GitIndexCutShort));
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
            ensure!(paths.len() < u32::MAX as usize, t!(GitIndexPathsOver4G));
            ends.push(paths.len() as u32);
        }
        starts.push(at as u32);
        Ok((starts, paths, ends))
    }

    /// How many entries there are.
    fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// Where entry `i` starts; `len()` gives where the entries end.
    fn start(&self, i: usize) -> usize {
        self.starts[i] as usize
    }

    fn entries_end(&self) -> usize {
        self.start(self.len())
    }

    fn flags(&self, i: usize) -> u16 {
        let at = self.start(i) + STAT + HASH;
        u16::from_be_bytes([self.bytes[at], self.bytes[at + 1]])
    }

    /// The stat data, id and flags of entry `i`: what precedes its path.
    fn fixed(&self, i: usize) -> usize {
        FIXED + if self.flags(i) & EXTENDED != 0 { 2 } else { 0 }
    }

    /// Entry `i`'s path: rebuilt (v4) or in place.
    fn path_of(&self, i: usize) -> &[u8] {
        if self.version == 4 {
            let from = if i == 0 { 0 } else { self.v4_ends[i - 1] };
            return &self.v4_paths[from as usize..self.v4_ends[i] as usize];
        }
        let name = self.start(i) + self.fixed(i);
        let b = &self.bytes[name..self.start(i + 1)];
        match self.flags(i) & NAME_MASK {
            NAME_MASK => &b[..memchr::memchr(0, b).unwrap_or(b.len())],
            len => &b[..len as usize],
        }
    }

    /// The first entry whose path is `path` or sorts after it (git sorts by path, then stage).
    fn first_from(&self, path: &[u8]) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.path_of(mid) < path {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The entries at `path`, every stage: from the first to past the last.
    fn entries_at(&self, path: &[u8]) -> std::ops::Range<usize> {
        let first = self.first_from(path);
        let mut past = first;
        while past < self.len() && self.path_of(past) == path {
            past += 1;
        }
        first..past
    }

    /// The blob staged at `path` (stage 0), if any.
    pub fn staged(&self, path: &str) -> Result<Option<Oid>> {
        let i = self.first_from(path.as_bytes());
        if i == self.len() || self.path_of(i) != path.as_bytes() || self.stage(i) != 0 {
            return Ok(None);
        }
        let at = self.start(i) + STAT;
        Ok(Some(Oid::from_bytes(&self.bytes[at..at + HASH])?))
    }

    fn stage(&self, i: usize) -> u16 {
        (self.flags(i) & STAGE_MASK) >> 12
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
        let nodes: Vec<TreeNode> = tree_nodes(data, None).collect::<Result<_>>().ok()?;
        let node = nodes.iter().find(|n| n.dir.as_deref() == Some(dir))?;
        let id_at = node.id_at?;
        if Oid::from_bytes(&data[id_at..id_at + HASH]).ok()? != id {
            return None;
        }
        let prefix = format!("{dir}/");
        let first = self.first_from(prefix.as_bytes());
        let mut files = Vec::with_capacity(node.count.max(0) as usize);
        for i in first..self.len() {
            let Some(rest) = self.path_of(i).strip_prefix(prefix.as_bytes()) else {
                break;
            };
            let at = self.start(i);
            let mode = u32::from_be_bytes(self.bytes[at + 24..at + 28].try_into().ok()?);
            // Files and links only: not a submodule, nor a sparse index's folder.
            if self.stage(i) != 0 || !matches!(mode & 0o170000, 0o100000 | 0o120000) {
                return None;
            }
            let blob = Oid::from_bytes(&self.bytes[at + STAT..at + STAT + HASH]).ok()?;
            files.push((String::from_utf8(rest.to_vec()).ok()?, blob));
        }
        (files.len() as i64 == node.count).then_some(files)
    }

    /// The index with `changes` (path → new entry, or None to remove it) made, as bytes to
    /// write: every other entry copied as it was; the checksum git's SHA-1 when `hash`, else
    /// zeros. What `pieces` gives, written into one buffer (tests).
    #[cfg(test)]
    pub fn patched(
        &self,
        changes: &BTreeMap<String, Option<NewEntry>>,
        folders: &Folders,
        hash: bool,
    ) -> Result<Vec<u8>> {
        let pieces = self.pieces(changes, folders)?;
        let mut out = Vec::with_capacity(pieces.len());
        pieces.write_to(&mut out, hash)?;
        Ok(out)
    }

    /// The index with `changes` made, as pieces to write one after another: the header, the
    /// untouched entries as runs of this file's bytes — not copied, so that a large index goes
    /// from the mapped file straight to the new one — with the new entries between them, then
    /// the extensions. The checksum is `Pieces::write_to`'s.
    pub fn pieces(
        &self,
        changes: &BTreeMap<String, Option<NewEntry>>,
        folders: &Folders,
    ) -> Result<Pieces<'_>> {
        // The header first, once the entries are counted.
        let mut out = Pieces(vec![Cow::Borrowed(&[][..])]);
        let mut count = 0;
        // The first entry neither written nor replaced yet.
        let mut next = 0;
        // v4 only: the path written last.
        let mut prev: Vec<u8> = Vec::new();
        for (path, change) in changes {
            // Every stage of the path gives way to the one new entry (or to none).
            let at = self.entries_at(path.as_bytes());
            count += self.copy_run(&mut out, next..at.start, &mut prev);
            if let Some(e) = change {
                let mut bytes = Vec::new();
                self.encode(&mut bytes, path.as_bytes(), e, &prev);
                out.0.push(Cow::Owned(bytes));
                set(&mut prev, path.as_bytes());
                count += 1;
            }
            next = at.end;
        }
        count += self.copy_run(&mut out, next..self.len(), &mut prev);
        let mut header = self.bytes[..8].to_vec();
        header.extend((count as u32).to_be_bytes());
        out.0[0] = Cow::Owned(header);
        let counts = self.count_changes(changes);
        self.write_extensions(&mut out, folders, &counts)?;
        Ok(out)
    }

    /// Adds the entries `run` to `out` as their bytes in this file — in version 4 the first
    /// one's path compressed again when the path before it is another (`prev`) — and returns
    /// how many there are.
    fn copy_run<'a>(
        &'a self,
        out: &mut Pieces<'a>,
        run: std::ops::Range<usize>,
        prev: &mut Vec<u8>,
    ) -> usize {
        if run.is_empty() {
            return 0;
        }
        let mut from = self.start(run.start);
        if self.version == 4 {
            let before: &[u8] = if run.start == 0 {
                b""
            } else {
                self.path_of(run.start - 1)
            };
            if before != prev.as_slice() {
                let mut bytes = Vec::new();
                self.reencode(&mut bytes, run.start, prev);
                out.0.push(Cow::Owned(bytes));
                from = self.start(run.start + 1);
            }
            set(prev, self.path_of(run.end - 1));
        }
        let to = self.start(run.end);
        if from < to {
            out.0.push(Cow::Borrowed(&self.bytes[from..to]));
        }
        run.len()
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
                for node in tree_nodes(tree, Some(folders)) {
                    let node = node.ok()?;
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
            if self.flags(i) & !NAME_MASK != 0 {
                return None;
            }
            let mut bytes = Vec::with_capacity(STAT + HASH);
            put_stat(&mut bytes, &e.stat);
            bytes.extend_from_slice(e.id.as_bytes());
            writes.push((self.start(i), bytes));
        }
        let one_page = |(at, bytes): &(usize, Vec<u8>)| at / PAGE == (at + bytes.len() - 1) / PAGE;
        writes.iter().all(one_page).then_some(writes)
    }

    /// The one entry at `path` (stage 0, no other stage beside it).
    fn only_entry(&self, path: &str) -> Option<usize> {
        let at = self.entries_at(path.as_bytes());
        (at.len() == 1 && self.stage(at.start) == 0).then_some(at.start)
    }

    /// How many entries each folder on the changed paths gains (or loses) by `changes`.
    fn count_changes(&self, changes: &BTreeMap<String, Option<NewEntry>>) -> BTreeMap<String, i64> {
        let mut counts = BTreeMap::new();
        for (path, change) in changes {
            let was = !self.entries_at(path.as_bytes()).is_empty();
            let delta = i64::from(change.is_some()) - i64::from(was);
            for dir in folders_of(path) {
                *counts.entry(dir.to_string()).or_insert(0) += delta;
            }
        }
        counts
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
    fn reencode(&self, out: &mut Vec<u8>, i: usize, prev: &[u8]) {
        let start = out.len();
        let at = self.start(i);
        out.extend_from_slice(&self.bytes[at..at + self.fixed(i)]);
        self.path(out, start, self.path_of(i), prev);
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
        let mut at = self.entries_end();
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
    fn write_extensions<'a>(
        &'a self,
        out: &mut Pieces<'a>,
        folders: &Folders,
        counts: &BTreeMap<String, i64>,
    ) -> Result<()> {
        for ext in self.extensions()? {
            let b = &self.bytes;
            match &ext.sig {
                b"TREE" => {
                    let mut tree = b"TREE\0\0\0\0".to_vec();
                    retree(&mut tree, &b[ext.data.clone()], folders, counts)?;
                    let size = (tree.len() - 8) as u32;
                    tree[4..8].copy_from_slice(&size.to_be_bytes());
                    out.0.push(Cow::Owned(tree));
                }
                b"REUC" => out.0.push(Cow::Borrowed(&b[ext.start..ext.data.end])),
                s if s[0].is_ascii_lowercase() => {
                    bail!(t!(GitIndexExtension, name = String::from_utf8_lossy(s)))
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// A new index as pieces to write one after another, its checksum left out (`write_to` adds
/// it): runs of the old file's bytes, borrowed, and new bytes.
pub struct Pieces<'a>(Vec<Cow<'a, [u8]>>);

impl Pieces<'_> {
    /// The new index's size, its checksum included.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.0.iter().map(|p| p.len()).sum::<usize>() + HASH
    }

    /// Writes the pieces, then the checksum: git's SHA-1 of what went before when `hash`,
    /// else zeros. The SHA-1 is taken piece by piece as they are written, so that the new
    /// index is never gathered in one buffer.
    pub fn write_to(&self, out: &mut impl Write, hash: bool) -> std::io::Result<()> {
        let mut sum = hash.then(Sha1::new);
        for piece in &self.0 {
            if let Some(sum) = &mut sum {
                sum.update(piece);
            }
            out.write_all(piece)?;
        }
        let sum: [u8; HASH] = sum.map_or([0; HASH], |s| s.finalize().into());
        out.write_all(&sum)
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

/// How far ahead of the entry it reads the scan touches the index (see `scan`): about ten
/// entries, measured as the fastest at 100,000 records.
const READ_AHEAD: usize = 1024;

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
    /// The folder, repository-relative ("" for the root); named only where a change
    /// reaches it (see `tree_nodes`).
    dir: Option<String>,
    /// Where its header line ("count subtrees\n") starts, after its name and a NUL.
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

/// The nodes of a TREE extension, one at a time, in their order (a folder before its
/// subtrees). A node is named only when `folders` holds it (a change may reach it), or always
/// when `folders` is None: the thousands of other folders of a large index are passed over,
/// neither named nor kept.
fn tree_nodes<'d, 'f>(data: &'d [u8], folders: Option<&'f Folders>) -> TreeNodes<'d, 'f> {
    TreeNodes {
        data,
        folders,
        at: 0,
        open: Vec::new(),
        name: String::new(),
    }
}

struct TreeNodes<'d, 'f> {
    data: &'d [u8],
    folders: Option<&'f Folders>,
    /// Where the next node starts.
    at: usize,
    /// The folders whose subtrees are still to come (named or not), and how many.
    open: Vec<(Option<String>, usize)>,
    /// Room to spell a folder's path in while looking it up.
    name: String,
}

impl Iterator for TreeNodes<'_, '_> {
    type Item = Result<TreeNode>;

    fn next(&mut self) -> Option<Result<TreeNode>> {
        if self.at >= self.data.len() {
            return None;
        }
        let node = self.node();
        if node.is_err() {
            self.at = self.data.len();
        }
        Some(node)
    }
}

impl TreeNodes<'_, '_> {
    fn node(&mut self) -> Result<TreeNode> {
        let bad = || anyhow::anyhow!(t!(GitIndexBadTree));
        let (data, at) = (self.data, self.at);
        while self.open.last().is_some_and(|(_, left)| *left == 0) {
            self.open.pop();
        }
        let name_end = at + nul(&data[at..])?;
        let dir = match self.open.last_mut() {
            Some((parent, left)) => {
                *left -= 1;
                let parent = parent.as_deref();
                parent.and_then(|p| named(&mut self.name, self.folders, p, &data[at..name_end]))
            }
            None if at == 0 => Some(String::new()),
            None => return Err(bad()),
        };
        let header = name_end + 1;
        let line_end = header + memchr::memchr(b'\n', &data[header..]).ok_or_else(bad)?;
        let (count, subtrees) = std::str::from_utf8(&data[header..line_end])?
            .split_once(' ')
            .ok_or_else(bad)?;
        let (count, subtrees): (i64, usize) = (count.parse()?, subtrees.parse()?);
        let id_at = (count >= 0).then_some(line_end + 1);
        let end = line_end + 1 + id_at.map_or(0, |_| HASH);
        ensure!(end <= data.len(), bad());
        self.open.push((dir.clone(), subtrees));
        self.at = end;
        Ok(TreeNode {
            dir,
            header,
            id_at,
            end,
            count,
            subtrees,
        })
    }
}

/// The path of folder `name` in `parent`, when `folders` holds it (or is None), spelt in
/// `room` first: a path is allocated only for the few folders a change reaches.
fn named(
    room: &mut String,
    folders: Option<&Folders>,
    parent: &str,
    name: &[u8],
) -> Option<String> {
    let name = std::str::from_utf8(name).ok()?;
    room.clear();
    if !parent.is_empty() {
        room.push_str(parent);
        room.push('/');
    }
    room.push_str(name);
    folders
        .is_none_or(|f| f.0.contains_key(room.as_str()))
        .then(|| room.clone())
}

/// The TREE extension after a change: each node as its `fate` says, the nodes it keeps as
/// they are copied in runs.
fn retree(
    out: &mut Vec<u8>,
    data: &[u8],
    folders: &Folders,
    counts: &BTreeMap<String, i64>,
) -> Result<()> {
    out.reserve(data.len());
    // Where the nodes kept as they are, not yet copied, start.
    let mut kept = 0;
    for node in tree_nodes(data, Some(folders)) {
        let node = node?;
        let line = match node.fate(data, folders, counts) {
            Fate::Keep => continue,
            Fate::Valid { count, id } => {
                let mut line = format!("{count} {}\n", node.subtrees).into_bytes();
                line.extend_from_slice(id.as_bytes());
                line
            }
            Fate::Invalid => format!("-1 {}\n", node.subtrees).into_bytes(),
        };
        out.extend_from_slice(&data[kept..node.header]);
        out.extend_from_slice(&line);
        kept = node.end;
    }
    out.extend_from_slice(&data[kept..]);
    Ok(())
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
        use std::collections::BTreeSet;

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
            let at = file.entries_end();
            assert_eq!(&bytes[at..at + 4], b"TREE");
            let size = u32::from_be_bytes(bytes[at + 4..at + 8].try_into().unwrap()) as usize;
            let data = &bytes[at + 8..at + 8 + size];
            tree_nodes(data, None)
                .map(Result::unwrap)
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

        /// A repository whose index (of `version`) holds the files of `start` with every
        /// cached tree valid, the first `conflicted` of them then in conflict (stages 1 to 3),
        /// and the `changes` sop would make to it (path, kept or removed, size).
        struct Case {
            dir: tempfile::TempDir,
            repo: Repository,
            /// The index as git would have it after the changes.
            expected: Index,
            wanted: BTreeMap<String, Option<NewEntry>>,
            old_root: Oid,
            new_root: Oid,
        }

        impl Case {
            fn new(
                version: u32,
                start: &BTreeSet<String>,
                conflicted: usize,
                changes: &[(String, bool, u32)],
            ) -> Case {
                let dir = tempfile::tempdir().unwrap();
                let repo = Repository::init(dir.path()).unwrap();
                let mut index = repo.index().unwrap();
                // Paths where one is a folder of another cannot both be files.
                let mut files: Vec<String> = Vec::new();
                for p in start {
                    if !files
                        .iter()
                        .any(|f| f.starts_with(&format!("{p}/")) || p.starts_with(&format!("{f}/")))
                    {
                        files.push(p.clone());
                    }
                }
                for (i, p) in files.iter().enumerate() {
                    let id = repo.blob(format!("{p} {i}").as_bytes()).unwrap();
                    index.add(&entry(p, id, i as u32 + 1)).unwrap();
                }
                index.set_version(version).unwrap();
                let old_root = index.write_tree().unwrap(); // fills the cached trees (TREE)
                for p in files.iter().take(conflicted) {
                    index.remove(std::path::Path::new(p), 0).unwrap();
                    for stage in 1..=3u16 {
                        let id = repo.blob(format!("{p} side {stage}").as_bytes()).unwrap();
                        let mut e = entry(p, id, stage.into());
                        e.flags |= stage << 12;
                        index.add(&e).unwrap();
                    }
                }
                index.write().unwrap();
                let path = dir.path().join(".git/index");
                let mut expected = Index::open(&path).unwrap();
                // sop's commit is made from the parent commit's tree, not the index.
                let mut commit_index = Index::new().unwrap();
                commit_index
                    .read_tree(&repo.find_tree(old_root).unwrap())
                    .unwrap();
                let mut wanted = BTreeMap::new();
                // A file where a folder is (or the reverse) is git's to sort out, never a
                // change sop makes: such changes are left out, among themselves too.
                let mut taken = files.clone();
                for (p, keep, size) in changes {
                    if taken.iter().any(|f| {
                        f != p
                            && (f.starts_with(&format!("{p}/")) || p.starts_with(&format!("{f}/")))
                    }) {
                        continue;
                    }
                    taken.push(p.clone());
                    let path = std::path::Path::new(p);
                    if *keep {
                        let id = repo.blob(format!("{p} new {size}").as_bytes()).unwrap();
                        let e = entry(p, id, *size);
                        wanted.insert(
                            p.clone(),
                            Some(NewEntry {
                                id,
                                stat: stat_of(&e),
                            }),
                        );
                        let _ = expected.remove_path(path);
                        expected.add(&e).unwrap();
                        commit_index.add(&e).unwrap();
                    } else {
                        wanted.insert(p.clone(), None);
                        let _ = expected.remove_path(path);
                        let _ = commit_index.remove_path(path);
                    }
                }
                let new_root = commit_index.write_tree_to(&repo).unwrap();
                Case {
                    dir,
                    repo,
                    expected,
                    wanted,
                    old_root,
                    new_root,
                }
            }

            fn path(&self) -> std::path::PathBuf {
                self.dir.path().join(".git/index")
            }

            fn folders(&self) -> Folders {
                folders(&self.repo, self.old_root, self.new_root, self.wanted.keys())
            }
        }

        /// The entry-by-entry merge and the node-by-node TREE rewrite that `patched` was before
        /// the new index was written in pieces: what the pieces must still give, byte for byte.
        mod before {
            use super::super::super::*;

            pub fn patched(
                f: &IndexFile,
                changes: &BTreeMap<String, Option<NewEntry>>,
                folders: &Folders,
                hash: bool,
            ) -> Vec<u8> {
                let mut out = f.bytes[..12].to_vec();
                let mut count: u32 = 0;
                // The path before this entry in the file, and in the output (v4).
                let mut prev_in: Vec<u8> = Vec::new();
                let mut prev_out: Vec<u8> = Vec::new();
                let mut pending = changes.iter().peekable();
                let mut replacing: Option<&[u8]> = None;
                for i in 0..f.len() {
                    let raw_path = f.path_of(i);
                    if replacing == Some(raw_path) {
                        set(&mut prev_in, raw_path);
                        continue;
                    }
                    while let Some((path, change)) = pending.peek() {
                        if path.as_bytes() >= raw_path {
                            break;
                        }
                        if let Some(e) = change {
                            f.encode(&mut out, path.as_bytes(), e, &prev_out);
                            set(&mut prev_out, path.as_bytes());
                            count += 1;
                        }
                        pending.next();
                    }
                    if pending
                        .peek()
                        .is_some_and(|(path, _)| path.as_bytes() == raw_path)
                    {
                        let (path, change) = pending.next().unwrap();
                        if let Some(e) = change {
                            f.encode(&mut out, path.as_bytes(), e, &prev_out);
                            set(&mut prev_out, path.as_bytes());
                            count += 1;
                        }
                        replacing = Some(raw_path);
                        set(&mut prev_in, raw_path);
                        continue;
                    }
                    if f.version != 4 || prev_in == prev_out {
                        out.extend_from_slice(&f.bytes[f.start(i)..f.start(i + 1)]);
                    } else {
                        f.reencode(&mut out, i, &prev_out);
                    }
                    count += 1;
                    set(&mut prev_in, raw_path);
                    set(&mut prev_out, raw_path);
                }
                for (path, change) in pending {
                    if let Some(e) = change {
                        f.encode(&mut out, path.as_bytes(), e, &prev_out);
                        set(&mut prev_out, path.as_bytes());
                        count += 1;
                    }
                }
                out[8..12].copy_from_slice(&count.to_be_bytes());
                let counts = f.count_changes(changes);
                for ext in f.extensions().unwrap() {
                    match &ext.sig {
                        b"TREE" => {
                            let tree = retree(&f.bytes[ext.data.clone()], folders, &counts);
                            out.extend_from_slice(b"TREE");
                            out.extend((tree.len() as u32).to_be_bytes());
                            out.extend_from_slice(&tree);
                        }
                        b"REUC" => out.extend_from_slice(&f.bytes[ext.start..ext.data.end]),
                        _ => {}
                    }
                }
                let sum: [u8; HASH] = if hash {
                    Sha1::digest(&out).into()
                } else {
                    [0; HASH]
                };
                out.extend_from_slice(&sum);
                out
            }

            /// Every node with its path spelt out, each written again.
            fn retree(data: &[u8], folders: &Folders, counts: &BTreeMap<String, i64>) -> Vec<u8> {
                let mut out = Vec::new();
                let mut at = 0;
                if !data.is_empty() {
                    node(data, &mut at, None, folders, counts, &mut out);
                }
                assert_eq!(at, data.len());
                out
            }

            fn node(
                data: &[u8],
                at: &mut usize,
                parent: Option<&str>,
                folders: &Folders,
                counts: &BTreeMap<String, i64>,
                out: &mut Vec<u8>,
            ) {
                let start = *at;
                let name_end = start + nul(&data[start..]).unwrap();
                let name = std::str::from_utf8(&data[start..name_end]).unwrap();
                let dir = match parent {
                    None => String::new(),
                    Some("") => name.to_string(),
                    Some(p) => format!("{p}/{name}"),
                };
                let header = name_end + 1;
                let line_end = header + memchr::memchr(b'\n', &data[header..]).unwrap();
                let line = std::str::from_utf8(&data[header..line_end]).unwrap();
                let (count, subtrees) = line.split_once(' ').unwrap();
                let (count, subtrees): (i64, usize) =
                    (count.parse().unwrap(), subtrees.parse().unwrap());
                let id_at = (count >= 0).then_some(line_end + 1);
                let end = line_end + 1 + id_at.map_or(0, |_| HASH);
                let this = TreeNode {
                    dir: Some(dir.clone()),
                    header,
                    id_at,
                    end,
                    count,
                    subtrees,
                };
                out.extend_from_slice(&data[start..header]);
                match this.fate(data, folders, counts) {
                    Fate::Keep => out.extend_from_slice(&data[header..end]),
                    Fate::Valid { count, id } => {
                        out.extend_from_slice(format!("{count} {subtrees}\n").as_bytes());
                        out.extend_from_slice(id.as_bytes());
                    }
                    Fate::Invalid => out.extend_from_slice(format!("-1 {subtrees}\n").as_bytes()),
                }
                *at = end;
                for _ in 0..subtrees {
                    node(data, at, Some(&dir), folders, counts, out);
                }
            }
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
                let mut case = Case::new(version, &start, 0, &changes);
                let (path, folders) = (case.path(), case.folders());
                let wanted = &case.wanted;
                let file = IndexFile::parse(std::fs::read(&path).unwrap()).unwrap();
                let bytes = if in_place {
                    match file.in_place(wanted, &folders) {
                        Some(writes) => {
                            let mut bytes = std::fs::read(&path).unwrap();
                            for (at, b) in writes {
                                bytes[at..at + b.len()].copy_from_slice(&b);
                            }
                            bytes
                        }
                        None => file.patched(wanted, &folders, hash).unwrap(),
                    }
                } else {
                    file.patched(wanted, &folders, hash).unwrap()
                };
                let out = case.dir.path().join("patched");
                std::fs::write(&out, &bytes).unwrap();
                let mut got = Index::open(&out).unwrap();
                prop_assert_eq!(got.version(), file.version, "the version is kept");
                prop_assert_eq!(listing(&got), listing(&case.expected));
                // The cached trees left valid are right: the trees written agree.
                if !got.is_empty() {
                    prop_assert_eq!(
                        got.write_tree_to(&case.repo).unwrap(),
                        case.expected.write_tree_to(&case.repo).unwrap()
                    );
                }
                // Staged lookups see the patched entries.
                let again = IndexFile::parse(bytes).unwrap();
                for e in case.expected.iter() {
                    let p = String::from_utf8(e.path).unwrap();
                    prop_assert_eq!(again.staged(&p).unwrap(), Some(e.id));
                }
            }

            /// The new index written in pieces to a file, as tx.rs writes it, is byte for
            /// byte what the entry-by-entry `patched` gave: versions 2 to 4, hashed or not,
            /// paths added, rewritten and removed, conflicts resolved.
            #[test]
            fn pieces_written_are_the_bytes_patched_gave(
                version in 2u32..=4,
                hash in any::<bool>(),
                start in proptest::collection::btree_set(path_strategy(), 0..40),
                conflicted in 0usize..3,
                changes in proptest::collection::vec((path_strategy(), any::<bool>(), 1u32..1000), 0..6),
            ) {
                let case = Case::new(version, &start, conflicted, &changes);
                let file = IndexFile::open(&case.path()).unwrap();
                let folders = case.folders();
                let out = case.dir.path().join("written");
                let pieces = file.pieces(&case.wanted, &folders).unwrap();
                std::fs::File::create(&out)
                    .and_then(|mut f| pieces.write_to(&mut f, hash))
                    .unwrap();
                let written = std::fs::read(&out).unwrap();
                prop_assert_eq!(&written, &before::patched(&file, &case.wanted, &folders, hash));
                prop_assert_eq!(written.len(), pieces.len());
                let mut got = Index::open(&out).unwrap();
                prop_assert_eq!(listing(&got), listing(&case.expected));
                if hash {
                    prop_assert!(got.read(true).is_ok(), "git's checksum holds");
                }
            }
        }
    }
}
