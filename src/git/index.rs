//! git's index file (`.git/index`), read and patched where a change touches it.
//!
//! libgit2 parses every entry into a struct, sorts, and writes every entry back: at 100,000
//! records that round trip was most of a change's cost. A change touches a handful of paths,
//! so this module scans the file once, copies every untouched entry's bytes as they are,
//! splices in the changed ones, and marks the cached trees (`TREE`) along the changed paths
//! as invalid, as git does. Versions 2, 3 and 4 (path compression) are kept as found.
//!
//! Extensions: `TREE` is kept (its entries on the changed paths invalidated), `REUC` is kept
//! as it is; the other optional ones describe the entries' layout or the work tree
//! (`EOIE`, `IEOT`, `UNTR`, `FSMN`, …) and are dropped, which git allows — it rebuilds them
//! when it wants them. A required extension (a lower-case signature: split or sparse
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

/// An index file's bytes, read once, and where each entry is in them.
pub struct IndexFile {
    bytes: Vec<u8>,
    version: u32,
    count: u32,
    entries: Vec<Raw>,
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

/// One entry as found in the file.
struct Raw {
    /// Byte range of the whole entry.
    start: usize,
    end: usize,
    /// Version 4: the path, rebuilt from its compressed form. Versions 2 and 3 read it in
    /// place (`name`), without a copy per entry.
    path: Vec<u8>,
    name: (usize, usize),
    flags: u16,
}

impl IndexFile {
    /// The index at `bytes`; an empty index when there are none (a new repository).
    pub fn parse(bytes: Vec<u8>) -> Result<IndexFile> {
        if bytes.is_empty() {
            let mut empty = b"DIRC".to_vec();
            empty.extend(2u32.to_be_bytes());
            empty.extend(0u32.to_be_bytes());
            empty.extend([0u8; HASH]);
            return IndexFile::parse(empty);
        }
        ensure!(
            bytes.len() >= 12 + HASH && &bytes[..4] == b"DIRC",
            "not a git index"
        );
        let version = u32::from_be_bytes(bytes[4..8].try_into()?);
        ensure!(
            (2..=4).contains(&version),
            "git index version {version} is not one sop can write"
        );
        let count = u32::from_be_bytes(bytes[8..12].try_into()?);
        let mut index = IndexFile {
            bytes,
            version,
            count,
            entries: Vec::new(),
            entries_end: 12,
        };
        (index.entries, index.entries_end) = index.scan()?;
        Ok(index)
    }

    /// Every entry in order, and where the entries end.
    fn scan(&self) -> Result<(Vec<Raw>, usize)> {
        let b = &self.bytes;
        let limit = b.len() - HASH;
        let mut at = 12;
        let mut prev: Vec<u8> = Vec::new();
        let mut out = Vec::with_capacity(self.count as usize);
        for _ in 0..self.count {
            let start = at;
            ensure!(at + FIXED <= limit, "the git index is cut short");
            let flags = u16::from_be_bytes([b[at + STAT + HASH], b[at + STAT + HASH + 1]]);
            at += FIXED;
            if flags & EXTENDED != 0 {
                ensure!(self.version >= 3, "an extended entry in a version 2 index");
                at += 2;
            }
            let (path, name) = if self.version == 4 {
                let (strip, used) = varint(&b[at..limit])?;
                at += used;
                let end = at + nul(&b[at..limit])?;
                ensure!(strip <= prev.len(), "a bad path in the git index");
                let mut path = prev[..prev.len() - strip].to_vec();
                path.extend_from_slice(&b[at..end]);
                at = end + 1;
                prev.clone_from(&path);
                (path, (0, 0))
            } else {
                let end = at + nul(&b[at..limit])?;
                let name = (at, end);
                // NUL padding to a multiple of eight bytes, at least one.
                at = start + padded(end - start);
                (Vec::new(), name)
            };
            ensure!(at <= limit, "the git index is cut short");
            out.push(Raw {
                start,
                end: at,
                path,
                name,
                flags,
            });
        }
        Ok((out, at))
    }

    /// The blob staged at `path` (stage 0), if any.
    pub fn staged(&self, path: &str) -> Result<Option<Oid>> {
        let entries = &self.entries;
        let found = entries
            .binary_search_by(|e| self.path_of(e).cmp(path.as_bytes()).then(stage(e).cmp(&0)));
        Ok(match found {
            Ok(i) => {
                let at = entries[i].start + STAT;
                Some(Oid::from_bytes(&self.bytes[at..at + HASH])?)
            }
            Err(_) => None,
        })
    }

    /// The index with `changes` (path → new entry, or None to remove it) made, as bytes to
    /// write: every other entry copied as it was.
    pub fn patched(&self, changes: &BTreeMap<String, Option<NewEntry>>) -> Result<Vec<u8>> {
        let (entries, entries_end) = (&self.entries, self.entries_end);
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
                    prev_in.clone_from(&raw.path);
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
                    prev_in.clone_from(&raw.path);
                }
                continue;
            }
            count += 1;
            if !v4 {
                run = Some(run.map_or((raw.start, raw.end), |(from, _)| (from, raw.end)));
                continue;
            }
            if prev_in == prev_out {
                out.extend_from_slice(&self.bytes[raw.start..raw.end]);
            } else {
                self.reencode(&mut out, raw, &prev_out);
            }
            prev_in.clone_from(&raw.path);
            prev_out.clone_from(&raw.path);
        }
        flush(&mut out, &mut run);
        for (path, change) in pending {
            if let Some(e) = change {
                emit_new(&mut out, path, e, &mut prev_out);
                count += 1;
            }
        }
        out[8..12].copy_from_slice(&count.to_be_bytes());
        let paths: Vec<&str> = changes.keys().map(String::as_str).collect();
        self.extensions(&mut out, entries_end, &paths)?;
        let hash = Sha1::digest(&out);
        out.extend_from_slice(&hash);
        Ok(out)
    }

    /// An entry's path: rebuilt (v4) or in place.
    fn path_of<'a>(&'a self, raw: &'a Raw) -> &'a [u8] {
        if self.version == 4 {
            &raw.path
        } else {
            &self.bytes[raw.name.0..raw.name.1]
        }
    }

    /// A new entry at `path`, after `prev` (v4's path compression).
    fn encode(&self, out: &mut Vec<u8>, path: &[u8], e: &NewEntry, prev: &[u8]) {
        let start = out.len();
        let s = &e.stat;
        for v in [
            s.ctime.0, s.ctime.1, s.mtime.0, s.mtime.1, s.dev, s.ino, s.mode, s.uid, s.gid, s.size,
        ] {
            out.extend(v.to_be_bytes());
        }
        out.extend_from_slice(e.id.as_bytes());
        let flags = (path.len().min(NAME_MASK as usize)) as u16;
        out.extend(flags.to_be_bytes());
        self.path(out, start, path, prev);
    }

    /// An existing entry, its path compressed against a new predecessor.
    fn reencode(&self, out: &mut Vec<u8>, raw: &Raw, prev: &[u8]) {
        let start = out.len();
        let fixed = FIXED + if raw.flags & EXTENDED != 0 { 2 } else { 0 };
        out.extend_from_slice(&self.bytes[raw.start..raw.start + fixed]);
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

    /// The extensions after the entries: TREE with the changed paths invalidated, REUC as it
    /// is, the rest dropped.
    fn extensions(&self, out: &mut Vec<u8>, mut at: usize, paths: &[&str]) -> Result<()> {
        let b = &self.bytes;
        let limit = b.len() - HASH;
        while at + 8 <= limit {
            let sig = &b[at..at + 4];
            let size = u32::from_be_bytes(b[at + 4..at + 8].try_into()?) as usize;
            let data = at + 8;
            ensure!(data + size <= limit, "a git index extension is cut short");
            match sig {
                b"TREE" => {
                    let tree = invalidate_tree(&b[data..data + size], paths)?;
                    out.extend_from_slice(b"TREE");
                    out.extend((tree.len() as u32).to_be_bytes());
                    out.extend_from_slice(&tree);
                }
                b"REUC" => out.extend_from_slice(&b[at..data + size]),
                s if s[0].is_ascii_lowercase() => bail!(
                    "the git index uses the extension '{}', which sop cannot write (a split or sparse index)",
                    String::from_utf8_lossy(s)
                ),
                _ => {}
            }
            at = data + size;
        }
        Ok(())
    }
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
    b.iter()
        .position(|&c| c == 0)
        .ok_or_else(|| anyhow::anyhow!("a path in the git index has no end"))
}

/// git's varint of index v4 (offset encoding: each continuation adds one).
fn varint(b: &[u8]) -> Result<(usize, usize)> {
    let mut i = 0;
    let first = *b.first().ok_or_else(|| anyhow::anyhow!("cut short"))?;
    let mut value = (first & 0x7f) as usize;
    let mut c = first;
    while c & 0x80 != 0 {
        i += 1;
        c = *b.get(i).ok_or_else(|| anyhow::anyhow!("cut short"))?;
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

/// The TREE extension with the node of every folder on `paths` invalid (entry count -1, no
/// object id), as git invalidates a path it changes; other nodes kept as they are.
fn invalidate_tree(data: &[u8], paths: &[&str]) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    let mut at = 0;
    let dirs: Vec<Vec<&str>> = paths
        .iter()
        .map(|p| {
            let mut parts: Vec<&str> = p.split('/').collect();
            parts.pop();
            parts
        })
        .collect();
    let prefixes: Vec<&[&str]> = dirs.iter().map(Vec::as_slice).collect();
    if !data.is_empty() {
        node(data, &mut at, &mut out, &prefixes, true)?;
    }
    Ok(out)
}

/// One node of the cached trees and its subtrees. `on` are the remaining folder names of the
/// changed paths that pass through this node; `hit` whether a changed path passes through.
fn node(data: &[u8], at: &mut usize, out: &mut Vec<u8>, on: &[&[&str]], hit: bool) -> Result<()> {
    let name_end = *at + nul(&data[*at..])?;
    let header_end = name_end
        + data[name_end..]
            .iter()
            .position(|&c| c == b'\n')
            .ok_or_else(|| anyhow::anyhow!("a bad TREE extension"))?;
    let header = std::str::from_utf8(&data[name_end + 1..header_end])?;
    let (count, subtrees) = header
        .split_once(' ')
        .ok_or_else(|| anyhow::anyhow!("a bad TREE extension"))?;
    let count: i64 = count.parse()?;
    let subtrees: usize = subtrees.parse()?;
    out.extend_from_slice(&data[*at..=name_end]);
    *at = header_end + 1;
    if hit {
        out.extend_from_slice(format!("-1 {subtrees}\n").as_bytes());
    } else {
        out.extend_from_slice(&data[name_end + 1..=header_end]);
    }
    if count >= 0 {
        if !hit {
            out.extend_from_slice(&data[*at..*at + HASH]);
        }
        *at += HASH;
    }
    for _ in 0..subtrees {
        let name_end = *at + nul(&data[*at..])?;
        let name = std::str::from_utf8(&data[*at..name_end])?;
        let below: Vec<&[&str]> = on
            .iter()
            .filter(|p| p.first() == Some(&name))
            .map(|p| &p[1..])
            .collect();
        node(data, at, out, &below, !below.is_empty())?;
    }
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

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(32))]
            #[test]
            fn patching_gives_what_libgit2_gives(
                version in 2u32..=4,
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
                index.write_tree().unwrap(); // fills the cached trees (TREE)
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
                let bytes = file.patched(&wanted).unwrap();
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
