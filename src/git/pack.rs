//! Git's pack files read directly, for whole-history work (`sop verify`).
//!
//! A packed tree or blob is mostly a delta on another version, which may itself be one: the
//! trees of a large office are chains of 20 to 50 deltas. libgit2 keeps the bases it resolved
//! in a cache of 16 MiB that it empties whole when full, so whole-history work resolved most
//! chains from their start again. Here the objects read are kept by their place in the pack:
//! the next version of a tree or a record, stored as a delta on the one read before it,
//! costs one delta. Pack data is read with positioned reads, not mapped, so none of it
//! counts in the process's memory.
//!
//! Only what this reader reads whole and in order is used: an object it cannot find (a
//! loose object, one in another object store) or read (another pack format, damage) is read
//! by libgit2 as before, with libgit2's errors. The pack format is git's
//! (Documentation/gitformat-pack.txt): index version 2; objects whole or as deltas on an
//! offset in the same pack (`OFS_DELTA`) or on an object id (`REF_DELTA`).

use std::fs::File;
use std::path::Path;
use std::rc::Rc;
use std::sync::Arc;

use git2::Oid;

use crate::memory::Generations;

/// What a git object is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Commit,
    Tree,
    Blob,
    Tag,
}

/// An object read: what it is, and its bytes.
pub type Object = (Kind, Rc<[u8]>);

/// Where an entry is: the pack (its place in `Store::packs`), and the offset in it.
type Place = (usize, u64);

/// Objects read lately, by their place in a pack, weighed by their bytes.
type Kept = Generations<Place, Object>;

/// The packs of one object store, each with a small index: shared by the threads of one
/// whole-history run.
pub struct Store {
    packs: Vec<Pack>,
}

impl Store {
    /// The packs of the object store `objects` (`.git/objects`), each index sampled in memory
    /// for the lookups of a whole history; None when there are none this reader can read.
    pub fn open(objects: &Path) -> Option<Store> {
        Store::open_as(objects, Lookups::Sampled)
    }

    /// The packs of `objects` for a few thousand lookups (a large tree diff): only each
    /// index's fan-out is read when opened, and a lookup reads the names around where its
    /// id would be.
    pub fn open_for_few(objects: &Path) -> Option<Store> {
        Store::open_as(objects, Lookups::ReadThrough)
    }

    fn open_as(objects: &Path, lookups: Lookups) -> Option<Store> {
        let mut packs = Vec::new();
        for entry in std::fs::read_dir(objects.join("pack")).ok()?.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "idx") {
                if let Some(pack) = Pack::open(&path, lookups) {
                    packs.push(pack);
                }
            }
        }
        (!packs.is_empty()).then_some(Store { packs })
    }
}

/// How a pack's index is searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lookups {
    /// Every `STRIDE`th id and every offset held in memory: the whole index read once, each
    /// lookup one read of `STRIDE` names.
    Sampled,
    /// Nothing but the fan-out held: each lookup reads a window of names where the id would
    /// be, as ids are spread evenly, and its offset.
    ReadThrough,
}

/// One thread's reader of a `Store`, with the objects it read lately.
pub struct Packs {
    store: Arc<Store>,
    /// The packs the last two objects were found in, the latest first: the next one is most
    /// likely in one of them (a diff reads an old tree and a new one in turn, often from two
    /// packs).
    last: [usize; 2],
    /// Objects up to `SMALL` bytes, and larger ones, kept apart: the large folder trees
    /// (30 KB at 100,000 requests) would otherwise push out the thousands of small shard
    /// trees, each next read only thousands of commits later.
    small: Kept,
    large: Kept,
    inflate: flate2::Decompress,
    chunk: Vec<u8>,
}

/// The size up to which an object is kept with the small ones.
const SMALL: usize = 4096;
/// Bytes of small objects kept per generation: at 100,000 requests, the 9,216 shard trees
/// (about 600 bytes each) and the records read lately.
const SMALL_BYTES: usize = 4 << 20;
/// Bytes of large objects kept per generation: the latest versions of the folders of every
/// procedure.
const LARGE_BYTES: usize = 1 << 20;
/// The longest chain of deltas followed (git makes them at most 50 long, `--depth`).
const MOST_DELTAS: usize = 10_000;
/// The largest object read here; larger ones (attachments) are left to libgit2.
const MOST_BYTES: usize = 64 << 20;

impl Packs {
    pub fn new(store: Arc<Store>) -> Packs {
        Packs {
            store,
            last: [0, 0],
            small: Generations::new(SMALL_BYTES),
            large: Generations::new(LARGE_BYTES),
            inflate: flate2::Decompress::new(true),
            chunk: Vec::new(),
        }
    }

    /// Object `id`, when it is in one of the packs and reads whole.
    pub fn read(&mut self, id: Oid) -> Option<Object> {
        let packs = &self.store.packs;
        let last = self.last;
        let second = (last[1] != last[0]).then_some(last[1]);
        let rest = (0..packs.len()).filter(|i| !last.contains(i));
        let order = std::iter::once(last[0]).chain(second).chain(rest);
        for pack in order {
            if let Some(offset) = packs[pack].find(id) {
                if pack != last[0] {
                    self.last = [pack, last[0]];
                }
                return self.object_at(pack, offset);
            }
        }
        None
    }

    /// The object at `offset` in pack `pack`, its deltas applied; kept for the next reads.
    fn object_at(&mut self, pack: usize, offset: u64) -> Option<Object> {
        if let Some(kept) = self.kept(pack, offset) {
            return Some(kept);
        }
        // Follow the deltas down to an object kept or stored whole, then apply them back up.
        let mut deltas = Vec::new();
        let mut at = offset;
        let (kind, mut data) = loop {
            if at != offset {
                // A kept base is taken out: the version read now supersedes it, and the next
                // version is a delta on this one (a history is read forwards).
                let key = (pack, at);
                if let Some((kind, data)) = self.small.take(&key).or_else(|| self.large.take(&key))
                {
                    break (kind, data.to_vec());
                }
            }
            match self.entry(pack, at)? {
                (Entry::Whole(kind), data) => break (kind, data),
                (Entry::Delta(base), delta) => {
                    deltas.push(delta);
                    at = base;
                }
                (Entry::RefDelta(base), delta) => {
                    deltas.push(delta);
                    at = self.store.packs[pack].find(base)?;
                }
            }
            if deltas.len() > MOST_DELTAS {
                return None;
            }
        };
        for delta in deltas.iter().rev() {
            data = apply(&data, delta)?;
        }
        let data: Rc<[u8]> = data.into();
        if kind == Kind::Commit {
            // A commit is read once, by its own check: kept, it would only push out trees.
            return Some((kind, data));
        }
        let kept = if data.len() <= SMALL {
            &mut self.small
        } else {
            &mut self.large
        };
        kept.put((pack, offset), (kind, data.clone()), data.len());
        Some((kind, data))
    }

    fn kept(&mut self, pack: usize, offset: u64) -> Option<Object> {
        let key = (pack, offset);
        self.small.get(&key).or_else(|| self.large.get(&key))
    }

    /// The entry at `offset` of pack `pack`: what it is, and its bytes inflated (an object's,
    /// or a delta's).
    fn entry(&mut self, pack: usize, offset: u64) -> Option<(Entry, Vec<u8>)> {
        let file = &self.store.packs[pack].data;
        self.chunk.resize(FIRST_READ, 0);
        let got = read_at(file, &mut self.chunk, offset)?;
        let mut head = &self.chunk[..got];
        let (&first, rest) = head.split_first()?;
        head = rest;
        let mut size = (first & 0x0f) as usize;
        let mut shift = 4;
        let mut byte = first;
        while byte & 0x80 != 0 {
            (byte, head) = head.split_first().map(|(b, r)| (*b, r))?;
            size |= ((byte & 0x7f) as usize).checked_shl(shift)?;
            shift += 7;
            if shift > 56 {
                return None;
            }
        }
        if size > MOST_BYTES {
            return None;
        }
        let entry = match (first >> 4) & 7 {
            1 => Entry::Whole(Kind::Commit),
            2 => Entry::Whole(Kind::Tree),
            3 => Entry::Whole(Kind::Blob),
            4 => Entry::Whole(Kind::Tag),
            6 => {
                (byte, head) = head.split_first().map(|(b, r)| (*b, r))?;
                let mut back = (byte & 0x7f) as u64;
                while byte & 0x80 != 0 {
                    (byte, head) = head.split_first().map(|(b, r)| (*b, r))?;
                    if back >= 1 << 56 {
                        return None;
                    }
                    back = ((back + 1) << 7) | (byte & 0x7f) as u64;
                }
                Entry::Delta(offset.checked_sub(back).filter(|_| back > 0)?)
            }
            7 => {
                let id = Oid::from_bytes(head.get(..20)?).ok()?;
                head = &head[20..];
                Entry::RefDelta(id)
            }
            _ => return None,
        };
        let from = got - head.len();
        let data = self.inflated(pack, offset + from as u64, from, got, size)?;
        Some((entry, data))
    }

    /// The `size` bytes of the zlib stream at `at` of pack `pack`, whose first bytes are in
    /// `self.chunk[from..end]`.
    fn inflated(
        &mut self,
        pack: usize,
        mut at: u64,
        mut from: usize,
        mut end: usize,
        size: usize,
    ) -> Option<Vec<u8>> {
        let mut out = Vec::with_capacity(size);
        self.inflate.reset(true);
        loop {
            let (read, written) = (self.inflate.total_in(), out.len());
            let status = self
                .inflate
                .decompress_vec(
                    &self.chunk[from..end],
                    &mut out,
                    flate2::FlushDecompress::None,
                )
                .ok()?;
            let used = (self.inflate.total_in() - read) as usize;
            (from, at) = (from + used, at + used as u64);
            if status == flate2::Status::StreamEnd {
                break;
            }
            if from == end {
                // The stream goes on in the pack's next bytes.
                self.chunk.resize(NEXT_READ, 0);
                end = read_at(&self.store.packs[pack].data, &mut self.chunk, at)?;
                if end == 0 {
                    return None;
                }
                from = 0;
            } else if used == 0 && out.len() == written {
                // Neither input taken nor output made: more bytes than the entry says.
                return None;
            }
        }
        (out.len() == size).then_some(out)
    }
}

/// Bytes read from a pack at a time: first (most entries are deltas of a few dozen bytes,
/// and each byte read is a byte copied), then while an entry goes on.
const FIRST_READ: usize = 512;
const NEXT_READ: usize = 16384;

/// What an entry of a pack holds.
enum Entry {
    Whole(Kind),
    /// A delta on the object at this offset of the same pack.
    Delta(u64),
    /// A delta on this object.
    RefDelta(Oid),
}

struct Pack {
    data: File,
    /// The pack's index (`.idx`), read with positioned reads: mapped, the pages lookups
    /// touch stay in the process's memory, and they touch them all (a 100,000-request
    /// office's index is 72 MB).
    idx: File,
    count: usize,
    /// The index's fan-out table: how many ids begin with each byte or a smaller one.
    fan: [u32; 256],
    /// Every `STRIDE`th object id of the index, in order: a lookup reads only the stretch
    /// of the index between two of them. A lookup searches only the samples of the id's
    /// first byte (by `fan`), by their first 8 bytes as numbers (`keys`) first.
    samples: Vec<[u8; 20]>,
    keys: Vec<u64>,
    /// The index's table of offsets, one per object (4 bytes each: 10 MB at 100,000
    /// requests), so that a lookup reads the index once, not twice. Empty (with `samples`)
    /// when the index is read through (`Lookups::ReadThrough`).
    offsets: Vec<u32>,
}

/// Object ids of the index per sample (320 bytes of it read per lookup, its one read).
const STRIDE: usize = 16;
/// Names read at a time by a lookup through the index (5 KB): at 3.4 million objects, a
/// byte's 13,000 ids put an id within about 60 places of where an even spread says.
const WINDOW: usize = 256;
/// Where the object ids begin in an index of version 2: after its header and fan-out table.
const NAMES: u64 = 8 + 1024;

impl Pack {
    /// The pack of index `idx_path` (version 2), when it and its data can be read.
    fn open(idx_path: &Path, lookups: Lookups) -> Option<Pack> {
        let data = File::open(idx_path.with_extension("pack")).ok()?;
        let idx = File::open(idx_path).ok()?;
        let mut head = [0; NAMES as usize];
        if read_at(&idx, &mut head, 0)? != head.len() || head[..8] != *b"\xfftOc\0\0\0\x02" {
            return None;
        }
        let mut fan = [0; 256];
        for (byte, n) in fan.iter_mut().enumerate() {
            *n = be32(&head, 8 + byte * 4)?;
        }
        let count = fan[255] as usize;
        // Names, checksums and offsets of `count` objects, then two checksums at least.
        if idx.metadata().ok()?.len() < NAMES + count as u64 * 28 + 40 {
            return None;
        }
        let mut pack = Pack {
            data,
            idx,
            count,
            fan,
            samples: Vec::new(),
            keys: Vec::new(),
            offsets: Vec::new(),
        };
        if lookups == Lookups::Sampled {
            pack.sample()?;
        }
        Some(pack)
    }

    /// Reads the whole index once: every `STRIDE`th name, and every offset.
    fn sample(&mut self) -> Option<()> {
        let count = self.count;
        let mut samples = Vec::with_capacity(count.div_ceil(STRIDE));
        let mut block = vec![0; STRIDE * 20 * 1024];
        for first in (0..count).step_by(STRIDE * 1024) {
            let n = (count - first).min(STRIDE * 1024);
            let bytes = &mut block[..n * 20];
            if read_at(&self.idx, bytes, NAMES + first as u64 * 20)? != bytes.len() {
                return None;
            }
            for name in bytes.chunks(20).step_by(STRIDE) {
                samples.push(name.try_into().ok()?);
            }
        }
        self.keys = samples.iter().map(key).collect();
        self.samples = samples;
        // Read in blocks: a buffer as large as the table, freed, would make the allocator
        // keep the next large allocations on its heap (glibc's moving mmap threshold).
        let mut offsets = Vec::with_capacity(count);
        let per_block = block.len() / 4;
        for first in (0..count).step_by(per_block) {
            let bytes = &mut block[..(count - first).min(per_block) * 4];
            let at = NAMES + count as u64 * 24 + first as u64 * 4;
            if read_at(&self.idx, bytes, at)? != bytes.len() {
                return None;
            }
            offsets.extend(bytes.chunks_exact(4).map(|b| be32(b, 0).expect("4 bytes")));
        }
        self.offsets = offsets;
        Some(())
    }

    /// Where object `id` is in the pack.
    fn find(&self, id: Oid) -> Option<u64> {
        let id: &[u8; 20] = id.as_bytes().try_into().ok()?;
        // The ids beginning with `id`'s first byte, by the fan-out table: the samples from
        // the one at the start of their first stretch to the one past their last.
        let byte = id[0] as usize;
        let start = match byte {
            0 => 0,
            _ => self.fan[byte - 1] as usize,
        };
        let end = (self.fan[byte] as usize).min(self.count);
        if start >= end {
            return None;
        }
        if self.samples.is_empty() {
            return self.offset(self.read_through(id, start, end)?);
        }
        let (mut lo, mut hi) = (
            start / STRIDE,
            ((end - 1) / STRIDE + 1).min(self.keys.len()),
        );
        // The stretch of ids from the last sample not after `id` to the next.
        let key = key(id);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let sample = self.keys[mid];
            if sample < key || (sample == key && self.samples[mid] <= *id) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let first = lo.checked_sub(1)? * STRIDE;
        let n = (self.count - first).min(STRIDE);
        let mut names = [0; STRIDE * 20];
        let names = &mut names[..n * 20];
        if read_at(&self.idx, names, NAMES + first as u64 * 20)? != names.len() {
            return None;
        }
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match names[mid * 20..mid * 20 + 20].cmp(&id[..]) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return self.offset(first + mid),
            }
        }
        None
    }

    /// The place of `id` among the index's names, searched between `start` and `end` (its
    /// first byte's) by interpolation: ids are spread evenly, so a window of `WINDOW` names
    /// around the place its value says nearly always holds it; when not, the search goes on
    /// past the window, between the names known around it.
    fn read_through(&self, id: &[u8; 20], start: usize, end: usize) -> Option<usize> {
        let (mut lo, mut hi) = (start, end);
        // The values of the ids just before `lo` and at `hi`, as far as known.
        let (mut lo_key, mut hi_key) = ((id[0] as u128) << 56, (id[0] as u128 + 1) << 56);
        let target = key(id) as u128;
        let mut names = [0; WINDOW * 20];
        while lo < hi {
            let span = (hi - lo) as u128;
            let at =
                lo + ((target.saturating_sub(lo_key) * span) / (hi_key - lo_key).max(1)) as usize;
            let first = at
                .saturating_sub(WINDOW / 2)
                .clamp(lo, hi.saturating_sub(WINDOW).max(lo));
            let last = (first + WINDOW).min(hi);
            let bytes = &mut names[..(last - first) * 20];
            if read_at(&self.idx, bytes, NAMES + first as u64 * 20)? != bytes.len() {
                return None;
            }
            let name = |i: usize| &bytes[i * 20..i * 20 + 20];
            let n = last - first;
            if id[..] < *name(0) {
                (hi, hi_key) = (first, key(name(0).try_into().ok()?) as u128);
            } else if id[..] > *name(n - 1) {
                (lo, lo_key) = (last, key(name(n - 1).try_into().ok()?) as u128);
            } else {
                let (mut a, mut b) = (0, n);
                while a < b {
                    let mid = (a + b) / 2;
                    match name(mid).cmp(&id[..]) {
                        std::cmp::Ordering::Less => a = mid + 1,
                        std::cmp::Ordering::Greater => b = mid,
                        std::cmp::Ordering::Equal => return Some(first + mid),
                    }
                }
                return None;
            }
        }
        None
    }

    /// The offset of the `n`th object of the index.
    fn offset(&self, n: usize) -> Option<u64> {
        let small = match self.offsets.is_empty() {
            true if n < self.count => {
                let mut bytes = [0; 4];
                let at = NAMES + self.count as u64 * 24 + n as u64 * 4;
                if read_at(&self.idx, &mut bytes, at)? != 4 {
                    return None;
                }
                u32::from_be_bytes(bytes)
            }
            _ => *self.offsets.get(n)?,
        };
        if small & 0x8000_0000 == 0 {
            return Some(small as u64);
        }
        // Past 2 GiB, the offset is in the table of large ones, after the small ones.
        let large = NAMES + self.count as u64 * 28 + (small & 0x7fff_ffff) as u64 * 8;
        let mut bytes = [0; 8];
        if read_at(&self.idx, &mut bytes, large)? != 8 {
            return None;
        }
        Some(u64::from_be_bytes(bytes))
    }
}

/// An object id's first 8 bytes, as a number in the ids' order.
fn key(id: &[u8; 20]) -> u64 {
    u64::from_be_bytes(id[..8].try_into().expect("8 bytes"))
}

/// The big-endian 4 bytes of `bytes` at `at`, when it holds them.
pub(super) fn be32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// Reads into `buf` from `offset` of `file`; how many bytes were read.
#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> Option<usize> {
    use std::os::unix::fs::FileExt;
    file.read_at(buf, offset).ok()
}

#[cfg(not(unix))]
fn read_at(_: &File, _: &mut [u8], _: u64) -> Option<usize> {
    None
}

/// `base` with git's `delta` applied; None when the delta does not fit the base.
fn apply(base: &[u8], delta: &[u8]) -> Option<Vec<u8>> {
    let (base_len, mut d) = varint(delta)?;
    if base_len != base.len() {
        return None;
    }
    let (len, rest) = varint(d)?;
    d = rest;
    if len > MOST_BYTES {
        return None;
    }
    let mut out = Vec::with_capacity(len);
    while let Some((&op, rest)) = d.split_first() {
        d = rest;
        let piece = if op & 0x80 != 0 {
            // Copy from the base: the offset's and the size's bytes present as op's bits say.
            let (mut at, mut size) = (0usize, 0usize);
            for i in 0..7 {
                if op & (1 << i) != 0 {
                    let (&byte, rest) = d.split_first()?;
                    d = rest;
                    if i < 4 {
                        at |= (byte as usize) << (8 * i);
                    } else {
                        size |= (byte as usize) << (8 * (i - 4));
                    }
                }
            }
            if size == 0 {
                size = 0x10000;
            }
            base.get(at..at.checked_add(size)?)?
        } else if op != 0 {
            // Insert the next `op` bytes.
            let (piece, rest) = d.split_at_checked(op as usize)?;
            d = rest;
            piece
        } else {
            return None;
        };
        if out.len() + piece.len() > len {
            return None;
        }
        out.extend_from_slice(piece);
    }
    (out.len() == len).then_some(out)
}

/// A delta's size header: little-endian groups of 7 bits.
fn varint(bytes: &[u8]) -> Option<(usize, &[u8])> {
    let (mut value, mut shift) = (0usize, 0u32);
    for (i, &byte) in bytes.iter().enumerate() {
        value |= ((byte & 0x7f) as usize).checked_shl(shift)?;
        if byte & 0x80 == 0 {
            return Some((value, &bytes[i + 1..]));
        }
        shift += 7;
        if shift > 56 {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::git::testing::{commit, git};
    use git2::Repository;

    /// A repository of 60 commits, each changing one of a few growing files in a folder of
    /// many, so that packing it stores most trees and blobs as chains of deltas.
    fn history() -> (tempfile::TempDir, Repository) {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init(dir.path()).unwrap();
        let who = git2::Signature::now("t", "t@example.id").unwrap();
        let mut parent: Option<Oid> = None;
        let mut texts: Vec<String> = (0..40).map(|i| format!("file {i}\n")).collect();
        for n in 0..60 {
            texts[n % 7] += &format!("line {n} of a record that grows a little each time\n");
            let mut index = git2::Index::new().unwrap();
            for (i, text) in texts.iter().enumerate() {
                let entry = git2::IndexEntry {
                    ctime: git2::IndexTime::new(0, 0),
                    mtime: git2::IndexTime::new(0, 0),
                    dev: 0,
                    ino: 0,
                    mode: 0o100644,
                    uid: 0,
                    gid: 0,
                    file_size: 0,
                    id: repo.blob(text.as_bytes()).unwrap(),
                    flags: 0,
                    flags_extended: 0,
                    path: format!("d/{:02}/f{i}.toml", i % 3).into_bytes(),
                };
                index.add(&entry).unwrap();
            }
            let tree = repo.find_tree(index.write_tree_to(&repo).unwrap()).unwrap();
            let parents: Vec<Oid> = parent.into_iter().collect();
            parent = Some(commit(&repo, &who, &format!("c{n}"), &tree, &parents));
        }
        (dir, repo)
    }

    /// Every object the repository holds, as libgit2 reads it.
    fn all_objects(repo: &Repository) -> Vec<(Oid, git2::ObjectType, Vec<u8>)> {
        let odb = repo.odb().unwrap();
        let mut ids = Vec::new();
        odb.foreach(|id| {
            ids.push(*id);
            true
        })
        .unwrap();
        ids.into_iter()
            .map(|id| {
                let object = odb.read(id).unwrap();
                (id, object.kind(), object.data().to_vec())
            })
            .collect()
    }

    /// Packed with deltas on offsets (git's default) or on object ids, every object reads
    /// as libgit2 reads it, whatever the order of the reads.
    #[test]
    fn packed_objects_read_as_libgit2_reads_them() {
        for config in [
            "repack.useDeltaBaseOffset=true",
            "repack.useDeltaBaseOffset=false",
        ] {
            let (dir, repo) = history();
            git(dir.path(), &["-c", config, "repack", "-adq", "--depth=50"]);
            let objects = all_objects(&repo);
            assert!(objects.len() > 200, "{}", objects.len());
            let store = Arc::new(Store::open(&dir.path().join(".git/objects")).unwrap());
            // The packing made deltas of the kind asked for.
            let mut packs = Packs::new(store.clone());
            let (mut on_offsets, mut on_ids) = (0, 0);
            for (id, _, _) in &objects {
                let offset = store.packs[0].find(*id).unwrap();
                match packs.entry(0, offset).unwrap().0 {
                    Entry::Delta(_) => on_offsets += 1,
                    Entry::RefDelta(_) => on_ids += 1,
                    Entry::Whole(_) => {}
                }
            }
            match config.ends_with("true") {
                true => assert!(on_offsets > 100 && on_ids == 0, "{on_offsets} {on_ids}"),
                false => assert!(on_ids > 100 && on_offsets == 0, "{on_offsets} {on_ids}"),
            }
            let through = Arc::new(Store::open_for_few(&dir.path().join(".git/objects")).unwrap());
            for (order, store) in [(false, &store), (true, &store), (false, &through)] {
                let mut packs = Packs::new(store.clone());
                let mut objects = objects.clone();
                if order {
                    objects.reverse();
                }
                for (id, kind, data) in &objects {
                    let (got, bytes) = packs.read(*id).unwrap_or_else(|| panic!("{config}: {id}"));
                    let want = match kind {
                        git2::ObjectType::Commit => Kind::Commit,
                        git2::ObjectType::Tree => Kind::Tree,
                        git2::ObjectType::Blob => Kind::Blob,
                        _ => Kind::Tag,
                    };
                    assert_eq!((got, &bytes[..]), (want, &data[..]), "{config}: {id}");
                }
            }
        }
    }

    /// An object that is in no pack (loose) is left to libgit2.
    #[test]
    fn a_loose_object_is_not_read() {
        let (dir, repo) = history();
        git(dir.path(), &["repack", "-adq"]);
        let loose = repo.blob(b"written after the packing").unwrap();
        let store = Arc::new(Store::open(&dir.path().join(".git/objects")).unwrap());
        let mut packs = Packs::new(store);
        assert!(packs.read(loose).is_none());
        assert!(Store::open(tempfile::tempdir().unwrap().path()).is_none());
    }

    #[test]
    fn deltas_apply_as_git_writes_them() {
        let base = b"0123456789abcdef";
        // Sizes 16 and 9; copy 4 bytes from offset 2, insert "xyz", copy 2 from offset 14.
        let delta = [16, 9, 0x91, 2, 4, 3, b'x', b'y', b'z', 0x91, 14, 2];
        assert_eq!(apply(base, &delta).unwrap(), b"2345xyzef");
        // A base of another size, a copy past the base's end, the reserved op 0, a result
        // of another size than said, a delta cut short: none applies.
        for bad in [
            &[15, 9, 0x91, 2, 4][..],
            &[16, 4, 0x91, 14, 4][..],
            &[16, 1, 0][..],
            &[16, 5, 0x91, 2, 4][..],
            &[16, 4, 3, b'x'][..],
            &[16][..],
        ] {
            assert_eq!(apply(base, bad), None, "{bad:?}");
        }
        // A copy of size 0 copies 0x10000 bytes.
        let big = vec![7u8; 0x10000];
        let delta = [0x80, 0x80, 4, 0x80, 0x80, 4, 0x80];
        assert_eq!(apply(&big, &delta).unwrap(), big);
    }

    /// An index of `ids` (sorted, offsets their places), written by hand as git writes one.
    fn index_of(dir: &Path, ids: &[[u8; 20]]) -> std::path::PathBuf {
        let mut idx = b"\xfftOc\0\0\0\x02".to_vec();
        for byte in 0..=255u8 {
            let n = ids.iter().filter(|id| id[0] <= byte).count() as u32;
            idx.extend(n.to_be_bytes());
        }
        ids.iter().for_each(|id| idx.extend(id));
        idx.extend(vec![0; ids.len() * 4]); // checksums of the entries
        (0..ids.len() as u32).for_each(|n| idx.extend((n * 10 + 12).to_be_bytes()));
        idx.extend([0; 40]);
        std::fs::write(dir.join("p.idx"), idx).unwrap();
        std::fs::write(dir.join("p.pack"), b"PACK").unwrap();
        dir.join("p.idx")
    }

    /// Read through, a lookup finds what the sampled index finds: ids spread evenly, and ids
    /// crowded into a narrow stretch, where the even spread guesses wrong and the search goes
    /// on past its first window; ids absent, between and beside them, are found in neither.
    #[test]
    fn lookups_read_through_the_index_find_what_the_samples_find() {
        let dir = tempfile::tempdir().unwrap();
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut ids: Vec<[u8; 20]> = Vec::new();
        for n in 0..30_000 {
            let mut id = [0u8; 20];
            id.chunks_mut(8)
                .for_each(|c| c.copy_from_slice(&next().to_be_bytes()[..c.len()]));
            if n % 3 == 0 {
                // A crowd: byte 0x42 followed by ids of a narrow stretch near its end.
                id[..3].copy_from_slice(&[0x42, 0xf0, 0x00]);
            }
            ids.push(id);
        }
        ids.sort();
        ids.dedup();
        let path = index_of(dir.path(), &ids);
        let sampled = Pack::open(&path, Lookups::Sampled).unwrap();
        let through = Pack::open(&path, Lookups::ReadThrough).unwrap();
        for (n, id) in ids.iter().enumerate() {
            let oid = Oid::from_bytes(id).unwrap();
            assert_eq!(through.find(oid), Some(n as u64 * 10 + 12), "{oid}");
            assert_eq!(sampled.find(oid), through.find(oid), "{oid}");
            let mut absent = *id;
            absent[19] ^= 1;
            if ids.binary_search(&absent).is_err() {
                let absent = Oid::from_bytes(&absent).unwrap();
                assert_eq!((sampled.find(absent), through.find(absent)), (None, None));
            }
        }
        for edge in [[0u8; 20], [0xff; 20], [0x42; 20]] {
            let oid = Oid::from_bytes(&edge).unwrap();
            assert_eq!(through.find(oid), sampled.find(oid));
        }
    }

    /// An index whose objects lie past 2 GiB (offsets in its table of large ones), written
    /// by hand: a 4 GiB pack is too big for a test.
    #[test]
    fn offsets_past_two_gib_are_read_from_the_large_table() {
        let dir = tempfile::tempdir().unwrap();
        let ids = [[0x11u8; 20], [0x12; 20], [0xa0; 20]];
        let mut idx = b"\xfftOc\0\0\0\x02".to_vec();
        for byte in 0..=255u8 {
            let n = ids.iter().filter(|id| id[0] <= byte).count() as u32;
            idx.extend(n.to_be_bytes());
        }
        ids.iter().for_each(|id| idx.extend(id));
        idx.extend([0; 12]); // checksums of the entries
        let large = [5u64 << 32, (1 << 31) + 7];
        for offset in [0x8000_0000u32, 12, 0x8000_0001] {
            idx.extend(offset.to_be_bytes());
        }
        large.iter().for_each(|o| idx.extend(o.to_be_bytes()));
        idx.extend([0; 40]);
        std::fs::write(dir.path().join("p.idx"), idx).unwrap();
        std::fs::write(dir.path().join("p.pack"), b"PACK").unwrap();
        for lookups in [Lookups::Sampled, Lookups::ReadThrough] {
            let pack = Pack::open(&dir.path().join("p.idx"), lookups).unwrap();
            let found = |id: &[u8; 20]| pack.find(Oid::from_bytes(id).unwrap());
            assert_eq!(found(&ids[0]), Some(5 << 32));
            assert_eq!(found(&ids[1]), Some(12));
            assert_eq!(found(&ids[2]), Some((1 << 31) + 7));
            assert_eq!(found(&[0x13; 20]), None);
        }
    }
}
