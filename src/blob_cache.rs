//! Values derived from the record files of a folder in HEAD, cached by blob id in a file of
//! sop's own in the git folder (never committed): reading 100,000 records parses only the
//! files whose content is new to this clone. A missing or damaged cache is rebuilt.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::Path;

use anyhow::Result;
use rayon::prelude::*;

use crate::git::{write_atomic, Git, Oid};

/// A value kept in a cache line: `encode` must give one line (no `\n`; see `escape`).
pub trait Cached: Sized + Send + Sync {
    fn encode(&self) -> String;
    fn decode(text: &str) -> Option<Self>;
}

pub struct BlobCache<T> {
    name: &'static str,
    by_blob: HashMap<Oid, T>,
    changed: bool,
}

impl<T: Cached> BlobCache<T> {
    /// The value of every file under `dir` (records-relative) in HEAD, from the cache or from
    /// `parse(path, content)` run in parallel; and the files that could not be read. Writes
    /// the cache file `name` back when it changed.
    pub fn head(
        git: &Git,
        dir: &str,
        name: &'static str,
        parse: impl Fn(&str, &[u8]) -> Result<T> + Sync,
    ) -> Result<(BlobCache<T>, Vec<anyhow::Error>)> {
        let files = git.head_files(Path::new(dir))?;
        let mut cache = BlobCache::load(git, name);
        let missing: Vec<(Oid, String, Vec<u8>)> = files
            .iter()
            .filter(|(_, id)| !cache.by_blob.contains_key(id))
            .map(|(path, id)| Ok((*id, format!("{dir}/{path}"), git.read_blob(*id)?)))
            .collect::<Result<_>>()?;
        let parsed: Vec<(Oid, Result<T>)> = missing
            .into_par_iter()
            .map(|(id, path, bytes)| (id, parse(&path, &bytes)))
            .collect();
        let mut errors = Vec::new();
        for (id, value) in parsed {
            match value {
                Ok(v) => {
                    cache.by_blob.insert(id, v);
                    cache.changed = true;
                }
                Err(e) => errors.push(e),
            }
        }
        if cache.by_blob.len() != files.len() - errors.len() {
            let keep: HashSet<&Oid> = files.iter().map(|(_, id)| id).collect();
            cache.by_blob.retain(|id, _| keep.contains(id));
            cache.changed = true;
        }
        cache.save(git);
        Ok((cache, errors))
    }

    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.by_blob.values()
    }

    pub fn into_values(self) -> impl Iterator<Item = T> {
        self.by_blob.into_values()
    }

    fn load(git: &Git, name: &'static str) -> BlobCache<T> {
        let text = std::fs::read_to_string(git.private_file(name)).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let by_blob = lines
            .par_iter()
            .map(|line| {
                let (id, value) = line.split_once('\t')?;
                Some((Oid::from_str(id).ok()?, T::decode(value)?))
            })
            .collect::<Option<HashMap<Oid, T>>>();
        BlobCache {
            name,
            changed: by_blob.is_none(),
            by_blob: by_blob.unwrap_or_default(),
        }
    }

    /// Writes the cache when it changed; a failure only costs speed next time.
    fn save(&self, git: &Git) {
        if self.changed {
            let text: String = self.by_blob.iter().map(|(id, v)| line(*id, v)).collect();
            let _ = write_atomic(&git.private_file(self.name), text.as_bytes());
        }
    }

    /// Adds the values of records just committed (blob id, value) to cache `name`, so the next
    /// reading need not parse them; values of content no longer in HEAD go at the next reading.
    pub fn remember<'a>(git: &Git, name: &str, values: impl IntoIterator<Item = (Oid, &'a T)>)
    where
        T: 'a,
    {
        use std::io::Write;
        let path = git.private_file(name);
        let text: String = values.into_iter().map(|(id, v)| line(id, v)).collect();
        let appended = std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .open(&path)
            .and_then(|mut f| f.write_all(text.as_bytes()));
        if appended.is_err() {
            let _ = std::fs::remove_file(&path);
        }
    }
}

fn line<T: Cached>(id: Oid, value: &T) -> String {
    format!("{id}\t{}\n", value.encode())
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
