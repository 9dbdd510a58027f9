//! The records directory on disk: where things live, ids, sharding, reading records.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::asset::Asset;
use crate::error::Hint;
use crate::invalid;
use crate::request::Request;

pub struct Records {
    /// Absolute path of the folder holding sop.toml.
    pub root: PathBuf,
}

impl Records {
    /// `explicit` (from -C or $SOP_RECORDS), else the current folder and its parents.
    pub fn find(explicit: Option<&Path>) -> Result<Records> {
        if let Some(dir) = explicit {
            let root = std::fs::canonicalize(dir).map_err(|e| {
                invalid!("{}", t!(RecordsDirNotFound, dir = dir.display(), error = e))
            })?;
            if !root.join("sop.toml").is_file() {
                return Err(invalid!(
                    "{}",
                    t!(NoSopToml, root = root.display(), dir = dir.display())
                ));
            }
            return Ok(Records { root });
        }
        let cwd = std::env::current_dir().with_context(|| t!(CtxReadingCurrentFolder))?;
        cwd.ancestors()
            .find(|d| d.join("sop.toml").is_file())
            .map(|d| Records {
                root: d.to_path_buf(),
            })
            .ok_or_else(|| invalid!("{}", t!(NotRecordsDir)))
    }

    /// The one request id starting with `given` (case-insensitive), as git accepts short hashes.
    pub fn resolve(&self, given: &str) -> Result<String> {
        let prefix = given.trim().split_once('-').map(|(p, _)| p.to_uppercase());
        let base = self.root.join("requests").join(prefix.unwrap_or_default());
        resolve_in(&base, given, "request", "EML-7K3QX9M2PA", "sop list")
    }

    /// The one asset id starting with `given` (case-insensitive).
    pub fn resolve_asset(&self, given: &str) -> Result<String> {
        let base = self.root.join("assets");
        resolve_in(&base, given, "asset", "AST-7K3QX9M2PA", "sop asset list")
    }

    pub fn read_asset(&self, id: &str) -> Result<Asset> {
        self.read_asset_at(&crate::layout::asset_path(id))
    }

    fn read_asset_at(&self, rel: &Path) -> Result<Asset> {
        parse_asset(rel, &self.read_text(rel)?)
    }

    fn read_text(&self, rel: &Path) -> Result<String> {
        let name = rel.display().to_string();
        crate::config::read_text(&self.root, &name, crate::limits::RECORD_FILE_BYTES)
    }
}

/// A request file's text (`rel` records-relative), parsed, and checked to sit where its id says.
pub fn parse_request(rel: &Path, text: &str) -> Result<Request> {
    let req = Request::from_toml(text)
        .map_err(|e| invalid!("{}: {}", rel.display(), crate::config::short_toml_error(&e)))?;
    check_place(rel, &req.id, &crate::layout::request_path(&req.id))?;
    Ok(req)
}

/// An asset file's text (`rel` records-relative), parsed, and checked to sit where its id says.
pub fn parse_asset(rel: &Path, text: &str) -> Result<Asset> {
    let asset = Asset::from_toml(text)
        .map_err(|e| invalid!("{}: {}", rel.display(), crate::config::short_toml_error(&e)))?;
    check_place(rel, &asset.id, &crate::layout::asset_path(&asset.id))?;
    Ok(asset)
}

/// A record must sit where its id says.
fn check_place(rel: &Path, id: &str, expected: &Path) -> Result<()> {
    if expected != rel {
        return Err(invalid!(
            "{}",
            t!(
                StoreMisplaced,
                rel = rel.display(),
                id = id,
                expected = expected.display()
            )
        ));
    }
    Ok(())
}

/// The one id starting with `given` among the sharded files under `base`.
fn resolve_in(base: &Path, given: &str, what: &str, example: &str, lister: &str) -> Result<String> {
    refuse_link(base)?;
    let wanted = given.trim().to_uppercase();
    let Some((_, rest)) = wanted.split_once('-') else {
        let a_what = match what {
            "asset" => t!(AnAssetId),
            _ => t!(ARequestId),
        };
        return Err(invalid!(
            "{}",
            t!(
                BadId,
                given = given,
                a_what = a_what,
                example = example,
                start = &example[..7]
            )
        ));
    };
    let shards: Vec<PathBuf> = if rest.len() >= 2 {
        vec![base.join(&rest[..2])]
    } else {
        read_dir_sorted(base)
            .into_iter()
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(rest))
            })
            .collect()
    };
    for shard in &shards {
        refuse_link(shard)?;
    }
    let mut found: Vec<String> = shards
        .iter()
        .flat_map(|s| read_dir_sorted(s))
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?;
            let id = name.strip_suffix(".toml")?;
            id.starts_with(&wanted).then(|| id.to_string())
        })
        .collect();
    let (one, many) = match what {
        "asset" => (t!(NounAsset), t!(NounAssets)),
        _ => (t!(NounRequest), t!(NounRequests)),
    };
    match found.len() {
        0 => Err(invalid!(
            "{}",
            t!(NoSuch, what = one, given = given, lister = lister)
        )),
        1 => Ok(found.remove(0)),
        n => Err(invalid!(
            "{}",
            t!(
                Ambiguous,
                given = given,
                n = n,
                whats = many,
                ids = found.iter().take(5).cloned().collect::<Vec<_>>().join(", ")
            )
        )),
    }
}

/// Refuses (exit 3) a records folder that is a symbolic link: it could lead anywhere.
fn refuse_link(dir: &Path) -> Result<()> {
    if std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(
            invalid!("{}", t!(SymlinkNotFollowed, path = dir.display())).hint(t!(HintStoreLink))
        );
    }
    Ok(())
}

fn read_dir_sorted(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    entries.sort();
    entries
}
