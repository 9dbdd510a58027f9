//! The records directory on disk: where things live, ids, sharding, reading records.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use rand::Rng;

use crate::invalid;
use crate::request::Request;

/// Crockford's base32: no I, L, O, U, so ids survive being read aloud and retyped.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Random characters after the prefix: 50 bits, so offline clones never collide in practice.
const ID_LEN: usize = 10;

pub struct Records {
    /// Absolute path of the folder holding sop.toml.
    pub root: PathBuf,
}

impl Records {
    /// `explicit` (from -C or $SOP_RECORDS), else the current folder and its parents.
    pub fn find(explicit: Option<&Path>) -> Result<Records> {
        if let Some(dir) = explicit {
            let root = std::fs::canonicalize(dir)
                .with_context(|| format!("records directory {} not found", dir.display()))?;
            if !root.join("sop.toml").is_file() {
                return Err(invalid!(
                    "{} is not a records directory (it has no sop.toml): run `sop init {}`",
                    root.display(),
                    dir.display()
                ));
            }
            return Ok(Records { root });
        }
        let cwd = std::env::current_dir().context("reading the current folder")?;
        cwd.ancestors()
            .find(|d| d.join("sop.toml").is_file())
            .map(|d| Records { root: d.to_path_buf() })
            .ok_or_else(|| {
                invalid!("not in a records directory: no sop.toml here or in any parent folder; run `sop init`, or pass -C DIR or set SOP_RECORDS")
            })
    }

    /// `requests/<PREFIX>/<first two characters>/<ID>.toml`, relative to the root: about a
    /// hundred files a folder at 100,000 requests of one procedure.
    pub fn request_path(id: &str) -> PathBuf {
        let (prefix, rest) = id.split_once('-').unwrap_or((id, ""));
        let shard: String = rest.chars().take(2).collect();
        Path::new("requests")
            .join(prefix)
            .join(shard)
            .join(format!("{id}.toml"))
    }

    /// A fresh random id with the given prefix.
    pub fn new_id(prefix: &str) -> String {
        let mut rng = rand::rng();
        let tail: String = (0..ID_LEN)
            .map(|_| ALPHABET[rng.random_range(0..32)] as char)
            .collect();
        format!("{prefix}-{tail}")
    }

    /// The one request id starting with `given` (case-insensitive), as git accepts short hashes.
    pub fn resolve(&self, given: &str) -> Result<String> {
        let wanted = given.trim().to_uppercase();
        let Some((prefix, rest)) = wanted.split_once('-') else {
            return Err(invalid!(
                "'{given}' is not a request id: ids look like EML-7K3QX9M2PA (a unique start such as EML-7K3 is enough)"
            ));
        };
        let base = self.root.join("requests").join(prefix);
        let shards: Vec<PathBuf> = if rest.len() >= 2 {
            vec![base.join(&rest[..2])]
        } else {
            read_dir_sorted(&base)
                .into_iter()
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with(rest))
                })
                .collect()
        };
        let mut found: Vec<String> = shards
            .iter()
            .flat_map(|s| read_dir_sorted(s))
            .filter_map(|p| {
                let name = p.file_name()?.to_str()?;
                let id = name.strip_suffix(".toml")?;
                id.starts_with(&wanted).then(|| id.to_string())
            })
            .collect();
        match found.len() {
            0 => Err(invalid!(
                "no request {given}: `sop list` shows the requests"
            )),
            1 => Ok(found.remove(0)),
            n => Err(invalid!(
                "'{given}' is ambiguous: {n} requests start with it ({}…); type more of the id",
                found.iter().take(5).cloned().collect::<Vec<_>>().join(", ")
            )),
        }
    }

    pub fn read_request(&self, id: &str) -> Result<Request> {
        self.read_request_at(&Self::request_path(id))
    }

    pub fn read_request_at(&self, rel: &Path) -> Result<Request> {
        let text = std::fs::read_to_string(self.root.join(rel))
            .with_context(|| format!("reading {}", rel.display()))?;
        let req = Request::from_toml(&text)
            .map_err(|e| invalid!("{}: {}", rel.display(), crate::config::short_toml_error(&e)))?;
        let expected = Self::request_path(&req.id);
        if expected != rel {
            return Err(invalid!(
                "{}: its id {} belongs in {}",
                rel.display(),
                req.id,
                expected.display()
            ));
        }
        Ok(req)
    }
}

fn read_dir_sorted(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    entries.sort();
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_prefixed_and_sharded() {
        let id = Records::new_id("EML");
        assert!(id.starts_with("EML-"));
        assert_eq!(id.len(), 4 + ID_LEN);
        assert!(id[4..].bytes().all(|b| ALPHABET.contains(&b)));
        let path = Records::request_path("EML-7K3QX9M2PA");
        assert_eq!(path, Path::new("requests/EML/7K/EML-7K3QX9M2PA.toml"));
    }
}
