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
use std::path::Path;

use anyhow::Result;
use rayon::prelude::*;

use crate::git::{write_cache, Git, Oid};
use crate::invalid;

/// A value kept in a cache line: `encode` must give one line (no `\n`; see `escape`).
pub trait Cached: Sized + Send + Sync {
    fn encode(&self) -> String;
    fn decode(text: &str) -> Option<Self>;
}

/// Every file of the folder, by path (folder-relative): its blob and what it gave.
pub struct TreeCache<T> {
    entries: BTreeMap<String, Entry<T>>,
}

struct Entry<T> {
    blob: Oid,
    /// The value, or why the file could not be read (reported at every reading).
    value: Result<T, String>,
}

/// The first line of a cache file: the format, the sop that wrote it, the stamp.
const MAGIC: &str = concat!("sop-cache 4 ", env!("CARGO_PKG_VERSION"), " ");

/// From this many changed files on, they are read on every core.
const PARALLEL_FROM: usize = 256;

impl<T: Cached> TreeCache<T> {
    /// The value of every file under records folder `dir` in HEAD, from cache file `name`
    /// brought up to date with `parse(path, content)` (run in parallel); and the files that
    /// could not be read. Writes the cache back when it changed.
    pub fn head(
        git: &Git,
        dir: &str,
        name: &str,
        parse: impl Fn(&str, &[u8]) -> Result<T> + Sync,
    ) -> Result<(TreeCache<T>, Vec<anyhow::Error>)> {
        let tree = git.head_folder_id(Path::new(dir))?;
        let file = git.private_file(name);
        let loaded = std::fs::read_to_string(&file)
            .ok()
            .and_then(|text| TreeCache::decode(&text));
        let cache = match loaded {
            Some((stamp, cache)) if stamp == tree => return Ok(cache.with_errors()),
            Some((Some(stamp), mut cache)) => match git.folder_changes(stamp, tree)? {
                Some(changes) => {
                    let changes = changes.into_iter().map(|c| (c.path, c.new));
                    cache.apply(git, dir, changes.collect(), &parse)?;
                    cache
                }
                None => TreeCache::build(git, dir, &parse)?,
            },
            _ => TreeCache::build(git, dir, &parse)?,
        };
        // A cache is only worth speed: one that cannot be written is rebuilt next time.
        let _ = write_cache(&file, cache.encode(tree).as_bytes());
        Ok(cache.with_errors())
    }

    fn build(
        git: &Git,
        dir: &str,
        parse: &(impl Fn(&str, &[u8]) -> Result<T> + Sync),
    ) -> Result<TreeCache<T>> {
        let files = git.head_files(Path::new(dir))?;
        let mut cache = TreeCache {
            entries: BTreeMap::new(),
        };
        let changes = files.into_iter().map(|(p, id)| (p, Some(id))).collect();
        cache.apply(git, dir, changes, parse)?;
        Ok(cache)
    }

    /// Brings the entries up to date with `changes` (path, new blob or None when gone),
    /// parsing the new contents.
    fn apply(
        &mut self,
        git: &Git,
        dir: &str,
        changes: Vec<(String, Option<Oid>)>,
        parse: &(impl Fn(&str, &[u8]) -> Result<T> + Sync),
    ) -> Result<()> {
        let mut changed = Vec::new();
        for (path, blob) in changes {
            match blob {
                Some(blob) => changed.push((path, blob)),
                None => {
                    self.entries.remove(&path);
                }
            }
        }
        let read_run = |git: &Git, run: &[(String, Oid)]| {
            run.iter()
                .map(|(path, blob)| {
                    let value = git
                        .read_blob(*blob)
                        .and_then(|bytes| parse(&format!("{dir}/{path}"), &bytes))
                        .map_err(|e| format!("{e:#}"));
                    Ok(value)
                })
                .collect::<Result<Vec<_>>>()
        };
        // Many are read and parsed in parallel, each thread with its own handle on the
        // repository: a packed record is a chain of deltas to inflate, which costs more than
        // parsing it. A few (the usual diff) are not worth opening another handle.
        let values = if changed.len() < PARALLEL_FROM {
            vec![read_run(git, &changed)?]
        } else {
            git.in_parallel(&changed, PARALLEL_FROM, read_run)?
        };
        for ((path, blob), value) in changed.into_iter().zip(values.into_iter().flatten()) {
            self.entries.insert(path, Entry { blob, value });
        }
        Ok(())
    }

    fn with_errors(self) -> (TreeCache<T>, Vec<anyhow::Error>) {
        let errors = self
            .entries
            .values()
            .filter_map(|e| e.value.as_ref().err())
            .map(|e| invalid!("{e}"))
            .collect();
        (self, errors)
    }

    /// Every value read, in the order of the files' paths.
    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.entries.values().filter_map(|e| e.value.as_ref().ok())
    }

    /// Every file whose value was read, in the order of the paths: its path (folder-relative),
    /// its blob and its value.
    pub fn files(&self) -> impl Iterator<Item = (&str, Oid, &T)> {
        self.entries
            .iter()
            .filter_map(|(path, e)| Some((path.as_str(), e.blob, e.value.as_ref().ok()?)))
    }

    /// `MAGIC stamp`, one line per file: `path TAB blob TAB =value` (or `!error`), and `end N`
    /// (N files), so that a file cut short is seen as damaged.
    fn encode(&self, stamp: Option<Oid>) -> String {
        let stamp = stamp.map_or("-".to_string(), |id| id.to_string());
        let mut text = format!("{MAGIC}{stamp}\n");
        for (path, entry) in &self.entries {
            let value = match &entry.value {
                Ok(v) => format!("={}", v.encode()),
                Err(e) => format!("!{}", escape(e)),
            };
            text += &format!("{}\t{}\t{value}\n", escape(path), entry.blob);
        }
        text + &format!("end {}\n", self.entries.len())
    }

    /// The stamp (None: HEAD had no such folder) and the entries; None when the text is not a
    /// whole cache of this version.
    fn decode(text: &str) -> Option<(Option<Oid>, TreeCache<T>)> {
        let (head, body) = text.split_once('\n')?;
        let stamp = match head.strip_prefix(MAGIC)? {
            "-" => None,
            id => Some(Oid::from_str(id).ok()?),
        };
        let mut lines: Vec<&str> = body.lines().collect();
        let count = lines.pop()?.strip_prefix("end ")?.parse::<usize>().ok()?;
        if count != lines.len() {
            return None;
        }
        let entries = lines
            .par_iter()
            .map(|line| {
                let mut parts = line.splitn(3, '\t');
                let (path, blob, value) = (parts.next()?, parts.next()?, parts.next()?);
                let value = match value.split_at_checked(1)? {
                    ("=", v) => Ok(T::decode(v)?),
                    ("!", e) => Err(unescape(e).into_owned()),
                    _ => return None,
                };
                let blob = Oid::from_str(blob).ok()?;
                Some((unescape(path).into_owned(), Entry { blob, value }))
            })
            .collect::<Option<Vec<_>>>()?;
        let entries = entries.into_iter().collect();
        Some((stamp, TreeCache { entries }))
    }
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
}
