//! Values derived from the record files of one folder in HEAD (`requests`, `assets`), kept in
//! a cache file of sop's own in the git folder (never committed) and stamped with the id of
//! the folder's tree they were read from.
//!
//! A reading whose HEAD holds the stamped tree uses the cache as it is, touching no record.
//! After other commits (sop's, a plain `git commit`, a pull, a `git reset`) it diffs the
//! stamped tree against HEAD's, descending only into subtrees that differ, and parses only the
//! files that changed: its cost is what changed, not what the folder holds. A cache that is
//! missing, damaged, written by another version of sop, or stamped with a tree the repository
//! no longer has is rebuilt from HEAD. Deleting it is always safe, and changes no output.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use anyhow::Result;
use rayon::prelude::*;

use crate::git::{write_cache, Git, Oid};
use crate::invalid;

/// A value kept in a cache line: `encode` must give one line (no `\n`; see `escape`).
/// `decode` is given the line as a piece of the whole cache text, which a value may keep a
/// part of (`Shared::part`) instead of copying it.
pub trait Cached: Sized + Send + Sync {
    fn encode(&self) -> String;
    fn decode(line: Shared) -> Option<Self>;
}

/// A piece of a text that the values decoded from it share: 100,000 values keep parts of one
/// cache text rather than a copy each.
#[derive(Clone)]
pub struct Shared {
    text: Arc<String>,
    range: Range<usize>,
}

impl Shared {
    /// The part `range` of this piece (byte offsets into it, on character boundaries).
    pub fn part(mut self, range: Range<usize>) -> Shared {
        let _ = &self[range.clone()]; // panics as slicing does on a range that is not in it
        let start = self.range.start;
        self.range = start + range.start..start + range.end;
        self
    }
}

impl From<String> for Shared {
    fn from(text: String) -> Shared {
        let range = 0..text.len();
        Shared {
            text: Arc::new(text),
            range,
        }
    }
}

impl std::ops::Deref for Shared {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text[self.range.clone()]
    }
}

impl PartialEq for Shared {
    fn eq(&self, other: &Shared) -> bool {
        **self == **other
    }
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

/// What every file of the folder gave, in the order of their paths: the value, or why the
/// file could not be read (reported at every reading). Paths and blobs are not decoded: most
/// readers want the values only, and the text holds the rest.
pub struct TreeCache<T> {
    /// The cache text the values were decoded from (`files` reads paths and blobs there).
    text: Arc<String>,
    values: Vec<Result<T, String>>,
}

/// The first line of a cache file: the format, the sop that wrote it, the stamp.
const MAGIC: &str = concat!("sop-cache 4 ", env!("CARGO_PKG_VERSION"), " ");

/// From this many changed files on, they are read on every core.
const PARALLEL_FROM: usize = 256;

impl<T: Cached> TreeCache<T> {
    /// The value of every file under records folder `dir` in HEAD, from cache file `name`
    /// brought up to date with `parse(path, content)` as `head_text` brings it, however many
    /// files changed; and the files that could not be read.
    pub fn head(
        git: &Git,
        dir: &str,
        name: &str,
        parse: impl Fn(&str, &[u8]) -> Result<T> + Sync,
    ) -> Result<(TreeCache<T>, Vec<anyhow::Error>)> {
        let file = git.private_file(name);
        let cached = std::fs::read(&file).unwrap_or_default();
        let text = TreeCache::update(git, dir, &file, cached, &parse, usize::MAX)?;
        let cache = match TreeCache::decode(text) {
            Some(cache) => cache,
            // A whole cache with a line that does not decode is damaged: rebuilt from HEAD.
            None => {
                let text = TreeCache::update(git, dir, &file, Vec::new(), &parse, usize::MAX)?;
                TreeCache::decode(text).ok_or_else(|| {
                    invalid!("{}", t!(CacheLineUndecodable, file = file.display()))
                })?
            }
        };
        Ok(cache.with_errors(git, dir, &parse))
    }

    /// The text of cache file `name` as `head` keeps it, up to date with HEAD, for a reader
    /// that must stay fast (a completion) and wants a few columns of many values
    /// (`values_in`). It reads at most `most` record files to bring the text up to date; with
    /// more to read (no cache yet in a large repository, a pull of many changes) it is an
    /// error, and `head` (`sop list`) is the one to do it.
    pub fn head_text(
        git: &Git,
        dir: &str,
        name: &str,
        parse: impl Fn(&str, &[u8]) -> Result<T> + Sync,
        most: usize,
    ) -> Result<Vec<u8>> {
        let file = git.private_file(name);
        let cached = std::fs::read(&file).unwrap_or_default();
        TreeCache::update(git, dir, &file, cached, &parse, most)
    }

    /// How many files of HEAD's folder `dir` cache file `name` is behind: those that differ
    /// between the tree it is stamped with and HEAD's. Only its first line is read. None when
    /// there is no cache of this version, or its stamp is not a tree of the repository.
    pub fn behind(git: &Git, dir: &str, name: &str) -> Result<Option<usize>> {
        use std::io::Read;
        let mut first = Vec::new();
        let file = std::fs::File::open(git.private_file(name));
        let read = file.and_then(|f| f.take(MAGIC.len() as u64 + 100).read_to_end(&mut first));
        let stamp = read
            .ok()
            .and_then(|_| stamp_line(first.strip_prefix(MAGIC.as_bytes())?))
            .and_then(|(stamp, _)| stamp);
        let Some(stamp) = stamp else {
            return Ok(None);
        };
        let tree = git.head_folder_id(Path::new(dir))?;
        if tree == Some(stamp) {
            return Ok(Some(0));
        }
        Ok(git
            .folder_changes(stamp, tree)?
            .map(|changes| changes.len()))
    }

    /// Cache text `cached` (read from `file`) brought up to date with HEAD's folder `dir`,
    /// and written back when it changed: the diff of its stamped tree against HEAD's is
    /// parsed, and the lines of the files that did not change are copied, neither decoded
    /// nor encoded again; the lines stay in the order of the files' paths. A text that is not
    /// a whole cache of this version, or whose stamp the repository lacks, is made anew from
    /// every file. An error when that takes reading more than `most` record files.
    fn update(
        git: &Git,
        dir: &str,
        file: &Path,
        cached: Vec<u8>,
        parse: &(impl Fn(&str, &[u8]) -> Result<T> + Sync),
        most: usize,
    ) -> Result<Vec<u8>> {
        let too_many = || invalid!("{}", t!(CacheTooManyReads, dir = dir, most = most));
        let tree = git.head_folder_id(Path::new(dir))?;
        let diffed = match whole(&cached) {
            Some((stamp, _)) if stamp == tree => return Ok(cached),
            Some((Some(stamp), lines)) => git.folder_changes(stamp, tree)?.map(|c| (c, lines)),
            _ => None,
        };
        let (changes, lines): (Vec<_>, &[u8]) = match diffed {
            Some((changes, lines)) => {
                let changes = changes.into_iter().map(|c| (c.path, c.new)).collect();
                (changes, lines)
            }
            None => {
                let files = git
                    .head_files_up_to(Path::new(dir), most)?
                    .ok_or_else(too_many)?;
                let files = files.into_iter().map(|(p, id)| (p, Some(id))).collect();
                (files, &[][..])
            }
        };
        if changes.len() > most {
            return Err(too_many());
        }
        // Only the lines of files that changed are passed over; none when all are read anew.
        let changed: std::collections::HashSet<String> = match lines.is_empty() {
            true => Default::default(),
            false => changes.iter().map(|(path, _)| path.clone()).collect(),
        };
        let read_many = changes.len() >= PARALLEL_FROM;
        let fresh = read(git, dir, changes, parse)?;
        // The text in one allocation of its whole size (at most the old lines and the new):
        // 40 MB at 100,000 requests, which growing by doubling held twice over.
        let size = lines.len() + fresh.values().map(String::len).sum::<usize>() + 100;
        let mut text = Vec::with_capacity(size);
        text.extend_from_slice(header(tree).as_bytes());
        let mut fresh = fresh.into_iter().peekable();
        let mut count = 0;
        let mut add = |text: &mut Vec<u8>, line: &[u8]| {
            text.extend_from_slice(line);
            count += 1;
        };
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', lines) {
            let line = &lines[start..=end];
            start = end + 1;
            let path = &line[..memchr::memchr(b'\t', line).unwrap_or(0)];
            let path = unescape(std::str::from_utf8(path).unwrap_or_default());
            if changed.contains(path.as_ref()) {
                continue;
            }
            while let Some((_, line)) = fresh.next_if(|(p, _)| p.as_str() < path.as_ref()) {
                add(&mut text, line.as_bytes());
            }
            add(&mut text, line);
        }
        for (_, line) in fresh {
            add(&mut text, line.as_bytes());
        }
        text.extend_from_slice(end_line(count).as_bytes());
        // A cache is only worth speed: one that cannot be written is brought up to date again
        // next time.
        let _ = write_cache(file, &text);
        if read_many {
            // What parsing freed stays resident unless given back (`memory::give_back_freed`).
            crate::memory::give_back_freed();
        }
        Ok(text)
    }

    /// The cache and why each file that could not be read could not. A cache keeps the
    /// reason in the language of the run that read the file; the few such files are read
    /// again, so that the reason is said in the language of this run.
    fn with_errors(
        self,
        git: &Git,
        dir: &str,
        parse: &(impl Fn(&str, &[u8]) -> Result<T> + Sync),
    ) -> (TreeCache<T>, Vec<anyhow::Error>) {
        // Most readings have none: the text of 100,000 lines is not walked for them.
        if self.values.iter().all(Result::is_ok) {
            return (self, Vec::new());
        }
        let errors = self
            .lines()
            .filter_map(|(path, blob, value)| {
                let cached = value.as_ref().err()?;
                let again = git
                    .read_blob(blob?)
                    .ok()
                    .and_then(|bytes| parse(&format!("{dir}/{path}"), &bytes).err());
                Some(match again {
                    Some(e) => invalid!("{e:#}"),
                    None => invalid!("{cached}"),
                })
            })
            .collect();
        (self, errors)
    }

    /// Every file of the cache, in the order of the paths: its path (folder-relative), its
    /// blob (None when the line's is damaged) and what it gave, read from the text.
    fn lines(&self) -> impl Iterator<Item = (Cow<'_, str>, Option<Oid>, &Result<T, String>)> {
        let lines = whole(self.text.as_bytes()).map_or(&[][..], |(_, lines)| lines);
        let lines = std::str::from_utf8(lines).unwrap_or_default().lines();
        lines.zip(&self.values).map(|(line, value)| {
            let mut parts = line.splitn(3, '\t');
            let path = unescape(parts.next().unwrap_or_default());
            let blob = parts.next().and_then(|b| Oid::from_str(b).ok());
            (path, blob, value)
        })
    }

    /// Every value read, in the order of the files' paths.
    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.values.iter().filter_map(|v| v.as_ref().ok())
    }

    /// Every file whose value was read, in the order of the paths: its path (folder-relative),
    /// its blob and its value. The paths and blobs are read from the text when asked.
    pub fn files(&self) -> impl Iterator<Item = (Cow<'_, str>, Oid, &T)> {
        self.lines()
            .filter_map(|(path, blob, value)| Some((path, blob?, value.as_ref().ok()?)))
    }

    /// The values of whole cache text (`whole`), which it keeps; None when a line does not
    /// decode.
    fn decode(text: Vec<u8>) -> Option<TreeCache<T>> {
        let text = Arc::new(String::from_utf8(text).ok()?);
        let (_, lines) = whole(text.as_bytes())?;
        let offset = lines.as_ptr() as usize - text.as_ptr() as usize;
        let mut start = offset;
        let lines: Vec<Range<usize>> = memchr::memchr_iter(b'\n', lines)
            .map(|end| {
                let line = start..offset + end;
                start = offset + end + 1;
                line
            })
            .collect();
        let values = lines
            .into_par_iter()
            .map(|range| {
                let line = &text[range.clone()];
                let mut tabs = memchr::memchr_iter(b'\t', line.as_bytes());
                let (first, second) = (tabs.next()?, tabs.next()?);
                // A line whose blob is damaged is a damaged cache, though the value is kept.
                Oid::from_str(&line[first + 1..second]).ok()?;
                let value = second + 1;
                let shared = Shared {
                    text: Arc::clone(&text),
                    range: range.start + value + 1..range.end,
                };
                match line.as_bytes().get(value)? {
                    b'=' => Some(Ok(T::decode(shared)?)),
                    b'!' => Some(Err(unescape(&shared).into_owned())),
                    _ => None,
                }
            })
            .collect::<Option<Vec<_>>>()?;
        Some(TreeCache { text, values })
    }
}

/// What the files `changes` names (path, new blob or None when gone) hold now, parsed and
/// made cache lines (`entry_line`) where they were read, so that reading every file of a
/// large folder holds lines, not values: the files still there, by path.
fn read<T: Cached>(
    git: &Git,
    dir: &str,
    changes: Vec<(String, Option<Oid>)>,
    parse: &(impl Fn(&str, &[u8]) -> Result<T> + Sync),
) -> Result<BTreeMap<String, String>> {
    let changed: Vec<(String, Oid)> = changes
        .into_iter()
        .filter_map(|(path, blob)| Some((path, blob?)))
        .collect();
    let read_run = |git: &Git, run: &[(String, Oid)]| {
        let rels: Vec<String> = run
            .iter()
            .map(|(path, _)| format!("{dir}/{path}"))
            .collect();
        git.reading_ahead(&rels, || {
            run.iter()
                .zip(&rels)
                .map(|((path, blob), rel)| {
                    let value = git
                        .read_record(rel, *blob)
                        .and_then(|bytes| parse(rel, &bytes))
                        .map_err(|e| format!("{e:#}"));
                    Ok(entry_line(path, *blob, &value))
                })
                .collect::<Result<Vec<_>>>()
        })
    };
    // Many are read and parsed in parallel, each thread with its own handle on the
    // repository: a packed record is a chain of deltas to inflate, which costs more than
    // parsing it. A few (the usual diff) are not worth opening another handle.
    let values = if changed.len() < PARALLEL_FROM {
        vec![read_run(git, &changed)?]
    } else {
        git.in_parallel(&changed, PARALLEL_FROM, read_run)?
    };
    let values = values.into_iter().flatten();
    Ok(changed
        .into_iter()
        .zip(values)
        .map(|((path, _), line)| (path, line))
        .collect())
}

/// The first line of a cache file stamped with `stamp`.
fn header(stamp: Option<Oid>) -> String {
    let stamp = stamp.map_or("-".to_string(), |id| id.to_string());
    format!("{MAGIC}{stamp}\n")
}

/// A file's line in the cache: `path TAB blob TAB =value` (or `!error`).
fn entry_line<T: Cached>(path: &str, blob: Oid, value: &Result<T, String>) -> String {
    let value = match value {
        Ok(v) => format!("={}", v.encode()),
        Err(e) => format!("!{}", escape(e)),
    };
    format!("{}\t{blob}\t{value}\n", escape(path))
}

/// The stamp and the files' lines (each ending in a line break) of cache text `bytes`, when
/// it is of this version and whole; read without decoding a value. A cache is its `header`
/// (`MAGIC stamp`; the stamp `-` when HEAD had no such folder), one `entry_line` per file in
/// the order of their paths, and `end N` (N files), so that a file cut short is seen as
/// damaged.
fn whole(bytes: &[u8]) -> Option<(Option<Oid>, &[u8])> {
    let rest = bytes.strip_prefix(MAGIC.as_bytes())?;
    let (stamp, at) = stamp_line(rest)?;
    Some((stamp, counted_lines(&rest[at + 1..])?))
}

/// The stamp of a cache's first line (`header`), read from its bytes after `MAGIC`, and where
/// that line ends.
fn stamp_line(rest: &[u8]) -> Option<(Option<Oid>, usize)> {
    let at = memchr::memchr(b'\n', rest)?;
    let stamp = match std::str::from_utf8(&rest[..at]).ok()? {
        "-" => None,
        id => Some(Oid::from_str(id).ok()?),
    };
    Some((stamp, at))
}

/// The lines of `body` (each ending in a line break) before its last, `end N`, when N counts
/// them: how a cache file shows it was written whole (`end_line`).
pub fn counted_lines(body: &[u8]) -> Option<&[u8]> {
    let body = body.strip_suffix(b"\n")?;
    let (lines, last) = match memchr::memrchr(b'\n', body) {
        Some(at) => (&body[..=at], &body[at + 1..]),
        None => (&body[..0], body),
    };
    let count = std::str::from_utf8(last.strip_prefix(b"end ")?).ok()?;
    let count = count.parse::<usize>().ok()?;
    (memchr::memchr_iter(b'\n', lines).count() == count).then_some(lines)
}

/// The last line of a cache file of `count` lines after its first (`counted_lines`).
pub fn end_line(count: usize) -> String {
    format!("end {count}\n")
}

/// The value of each file that could be read in cache text (from `head_text`), still encoded
/// (`Cached::encode`), in the order of the files' paths; lines that are not values are
/// skipped.
pub fn values_in(text: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text).filter_map(move |end| {
        let line = &text[start..end];
        start = end + 1;
        // The first line (the stamp) and the last (`end N`) hold no tab.
        let mut tabs = memchr::memchr_iter(b'\t', line);
        let (_, second) = (tabs.next()?, tabs.next()?);
        line[second + 1..].strip_prefix(b"=")
    })
}

/// Makes a text safe for a tab-separated cache line.
pub fn escape(v: &str) -> Cow<'_, str> {
    if !v.contains(['\\', '\t', '\n', '\r']) {
        return Cow::Borrowed(v);
    }
    Cow::Owned(
        v.replace('\\', "\\\\")
            .replace('\t', "\\t")
            .replace('\n', "\\n")
            .replace('\r', "\\r"),
    )
}

pub fn unescape(v: &str) -> Cow<'_, str> {
    if !v.contains('\\') {
        return Cow::Borrowed(v);
    }
    let mut out = String::with_capacity(v.len());
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some(other) => out.push(other),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_round_trips_any_text() {
        for text in ["plain", "a\tb", "line\nbreak\r", "back\\slash\\t", ""] {
            let e = escape(text);
            assert!(!e.contains(['\t', '\n', '\r']), "{e}");
            assert_eq!(unescape(&e), text);
        }
    }

    /// `whole` takes a cache of this version whose `end N` counts its lines, and nothing else;
    /// `values_in` gives the values of the files that could be read.
    #[test]
    fn a_whole_cache_is_known_without_decoding_it() {
        let id = Oid::from_str(&"ab".repeat(20)).unwrap();
        let text = format!("{}p1\tb1\t=one\np2\tb2\t!bad\nend 2\n", header(Some(id)));
        let (stamp, lines) = whole(text.as_bytes()).unwrap();
        assert_eq!(stamp, Some(id));
        assert_eq!(lines, b"p1\tb1\t=one\np2\tb2\t!bad\n");
        let values: Vec<&[u8]> = values_in(text.as_bytes()).collect();
        assert_eq!(values, vec![&b"one"[..]]);
        let empty = format!("{}end 0\n", header(None));
        assert_eq!(whole(empty.as_bytes()), Some((None, &b""[..])));
        for bad in [
            text.replace("end 2", "end 3"),
            text[..text.len() - 3].to_string(),
            text.replacen("sop-cache", "sop-cachf", 1),
            String::new(),
        ] {
            assert_eq!(whole(bad.as_bytes()), None, "{bad:?}");
        }
    }
}
