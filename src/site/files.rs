//! The site's folder: where `sop site` may write, the manifest of what it wrote there
//! (`.sop-site.json`), and writing a file only when its bytes changed.
//!
//! The manifest names every file of the site with the SHA-256 of its content (cut to 128
//! bits) and, for a request's page, the key of what it was made from (`super::key`). A run
//! writes a file only when its content differs from the manifest's or the file is missing,
//! through a temporary file renamed into place; removes the files of the previous run it no
//! longer makes (and only those); and writes the manifest last. Nothing is written outside
//! the folder, and a folder that holds anything but a site sop made is refused.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::path::{Component, Path, PathBuf};

use anyhow::{Context as _, Result};
use serde::{Deserialize, Serialize};

use crate::error::Hint as _;
use crate::git::Git;
use crate::{conflict, invalid, limits};

/// The manifest, in the site's folder.
pub const MANIFEST: &str = ".sop-site.json";
/// Held (locked) while a run writes the folder, so that two runs never mix their files.
pub const LOCK: &str = ".sop-site.lock";

/// The manifest's format: a manifest of another format is read for its file list only.
const FORMAT: u32 = 1;

#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    format: u32,
    /// The sop that wrote it.
    sop: String,
    /// The commit the site shows (none before the first commit).
    commit: Option<String>,
    /// Every file of the site, by its path in the folder (with `/`).
    files: BTreeMap<String, Entry>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Entry {
    /// SHA-256 of the content, its first 16 bytes in hex.
    hash: String,
    /// For a request's page: the key of what it was made from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    key: Option<String>,
    /// For a request's page: the other requests it links to (parent, sub-requests).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    links: Vec<String>,
}

/// What a run did to the folder.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Files the site has now.
    pub files: usize,
    /// Of those, written by this run (new or changed).
    pub written: usize,
    /// Of those, left as they were.
    pub unchanged: usize,
    /// Files of the previous run removed (their request or procedure is gone).
    pub removed: usize,
}

/// The site's folder, locked, with the previous run's manifest and this run's.
pub struct Site {
    dir: PathBuf,
    old: Manifest,
    new: Manifest,
    counts: Counts,
    _lock: File,
}

impl Site {
    /// Opens (makes) the folder `dir` for a run: refused (exit 3) inside the records'
    /// repository unless git ignores it, in the git folder, when it is a file, or when it
    /// holds files but no manifest (it is not a site sop made); exit 5 while another run
    /// holds it.
    pub fn open(dir: &Path, git: &Git) -> Result<Site> {
        let shown = dir.display().to_string();
        if fs::symlink_metadata(dir).is_ok_and(|m| !m.is_dir()) && !dir.is_dir() {
            return Err(invalid!("{}", t!(SiteNotFolder, path = shown)).hint(t!(HintSiteFolder)));
        }
        let abs = absolute(dir)?;
        check_place(&abs, &shown, git)?;
        fs::create_dir_all(dir).with_context(|| t!(CtxMakingFolder, path = shown))?;
        let manifest = dir.join(MANIFEST);
        if !manifest.exists() && !is_empty(dir)? {
            return Err(invalid!(
                "{}",
                t!(SiteForeignFiles, path = shown, manifest = MANIFEST)
            )
            .hint(t!(HintSiteForeignFiles)));
        }
        let lock = File::create(dir.join(LOCK)).with_context(|| t!(CtxLocking, path = shown))?;
        if let Err(e) = lock.try_lock() {
            return match e {
                fs::TryLockError::WouldBlock => {
                    Err(conflict!("{}", t!(SiteBusy, path = shown)).hint(t!(HintSiteBusy)))
                }
                fs::TryLockError::Error(e) => {
                    Err(anyhow::Error::new(e).context(t!(CtxLocking, path = shown)))
                }
            };
        }
        for top in ["prosedur", "permintaan", "font"] {
            if fs::symlink_metadata(dir.join(top)).is_ok_and(|m| !m.is_dir()) {
                return Err(
                    invalid!("{}", t!(SiteTopNotFolder, path = shown, top = top)).hint(t!(
                        HintSiteTop,
                        path = shown,
                        top = top
                    )),
                );
            }
        }
        let old = match read_limited(&manifest, &shown)? {
            Some(bytes) => read_manifest(&bytes).map_err(|why| {
                invalid!(
                    "{}",
                    t!(
                        SiteManifestDamaged,
                        path = shown,
                        manifest = MANIFEST,
                        why = why
                    )
                )
                .hint(t!(HintSiteAnew, path = shown))
            })?,
            None => Manifest::default(),
        };
        Ok(Site {
            dir: dir.to_path_buf(),
            old,
            new: Manifest {
                format: FORMAT,
                sop: env!("CARGO_PKG_VERSION").to_string(),
                commit: None,
                files: BTreeMap::new(),
            },
            counts: Counts::default(),
            _lock: lock,
        })
    }

    /// The other requests the previous run's page at `path` linked to.
    pub fn links(&self, path: &str) -> &[String] {
        self.old.files.get(path).map_or(&[], |e| e.links.as_slice())
    }

    /// Keeps the page at `path` as it is when the previous run made it from the same `key`
    /// and it is still there; false when it must be made again.
    pub fn keep(&mut self, path: &str, key: &str) -> bool {
        let Some(entry) = self.old.files.get(path) else {
            return false;
        };
        if entry.key.as_deref() != Some(key) || !self.exists(path) {
            return false;
        }
        self.new.files.insert(path.to_string(), entry.clone());
        self.counts.unchanged += 1;
        true
    }

    /// Puts `bytes` at `path` (site-relative, with `/`): written when they differ from the
    /// previous run's or the file is missing, else left alone. `key` and `links` are kept in
    /// the manifest for a request's page.
    pub fn put(
        &mut self,
        path: &str,
        bytes: &[u8],
        key: Option<String>,
        links: Vec<String>,
    ) -> Result<()> {
        let hash = hash(bytes);
        let same = self.old.files.get(path).is_some_and(|e| e.hash == hash);
        if same && self.exists(path) {
            self.counts.unchanged += 1;
        } else {
            write(&self.dir, path, bytes)?;
            self.counts.written += 1;
        }
        self.new
            .files
            .insert(path.to_string(), Entry { hash, key, links });
        Ok(())
    }

    /// Removes the previous run's files this run did not make, and the folders that leaves
    /// empty; then writes the manifest, naming `commit`.
    pub fn finish(mut self, commit: Option<String>) -> Result<Counts> {
        let gone: Vec<String> = self
            .old
            .files
            .keys()
            .filter(|p| !self.new.files.contains_key(*p))
            .cloned()
            .collect();
        for path in gone {
            let file = self.dir.join(&path);
            match fs::remove_file(&file) {
                Ok(()) => self.counts.removed += 1,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(
                        anyhow::Error::new(e).context(t!(CtxRemoving, path = file.display()))
                    )
                }
            }
            // The folders it leaves empty (a shard of requests, a gone procedure's months).
            let mut folder = Path::new(&path).parent();
            while let Some(f) = folder.filter(|f| !f.as_os_str().is_empty()) {
                if fs::remove_dir(self.dir.join(f)).is_err() {
                    break;
                }
                folder = f.parent();
            }
        }
        self.new.commit = commit;
        self.counts.files = self.new.files.len();
        let text = serde_json::to_vec(&self.new)?;
        write(&self.dir, MANIFEST, &text)?;
        Ok(self.counts)
    }

    /// After a run that failed part way: the manifest names the previous run's files and
    /// those written since (nothing is removed), so that the next run knows the folder as one
    /// it made. Best effort: the run's own error is what the user needs to see.
    pub fn interrupted(mut self) {
        let written = std::mem::take(&mut self.new.files);
        self.old.files.extend(written);
        self.old.format = FORMAT;
        let _ = serde_json::to_vec(&self.old).map(|text| write(&self.dir, MANIFEST, &text));
    }

    fn exists(&self, path: &str) -> bool {
        fs::symlink_metadata(self.dir.join(path)).is_ok_and(|m| m.is_file())
    }
}

/// SHA-256 of `bytes`, its first 16 bytes in hex.
pub fn hash(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(bytes);
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// The manifest in `bytes`, or why it cannot be used: every path must be one sop site
/// writes (relative, within the folder, no hidden names).
fn read_manifest(bytes: &[u8]) -> Result<Manifest, String> {
    let m: Manifest = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    if let Some(bad) = m.files.keys().find(|p| !safe_path(p)) {
        return Err(t!(SiteManifestPath, bad = format!("{bad:?}")));
    }
    Ok(m)
}

/// A path the site may hold: relative, `/`-separated names of letters, digits, `-`, `_` and
/// `.`, none hidden or `..`.
fn safe_path(path: &str) -> bool {
    !path.is_empty()
        && path.split('/').all(|name| {
            !name.is_empty()
                && !name.starts_with('.')
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        })
}

/// Writes `bytes` at `rel` under `dir` through a temporary file in the same folder renamed
/// into place: a reader sees the old page or the new one, never half of one. Pages are not
/// synced one by one (a site of 100,000 pages would wait on the disk for minutes); the
/// manifest, written last, is.
fn write(dir: &Path, rel: &str, bytes: &[u8]) -> Result<()> {
    debug_assert!(safe_path(rel) || rel == MANIFEST, "{rel}");
    let path = dir.join(rel);
    let parent = path.parent().unwrap_or(dir);
    fs::create_dir_all(parent).with_context(|| t!(CtxMaking, path = parent.display()))?;
    crate::output::replace_file(&path, bytes, rel == MANIFEST)
}

/// The manifest's bytes (none when there is none), refused (exit 3) over
/// `limits::SITE_MANIFEST_BYTES`: never more than the limit and one byte is read.
fn read_limited(path: &Path, shown: &str) -> Result<Option<Vec<u8>>> {
    use std::io::Read as _;
    let max = limits::SITE_MANIFEST_BYTES;
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(
                anyhow::Error::new(e).context(t!(CtxReading, path = format!("{shown}/{MANIFEST}")))
            )
        }
    };
    let len = file.metadata().map_or(0, |m| m.len());
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .with_context(|| t!(CtxReading, path = format!("{shown}/{MANIFEST}")))?;
    if bytes.len() as u64 > max {
        return Err(limits::file_too_big(
            &format!("{shown}/{MANIFEST}"),
            len.max(bytes.len() as u64),
            max,
        )
        .hint(t!(
            HintSiteManifestSize,
            mb = max / (1024 * 1024),
            path = shown
        )));
    }
    Ok(Some(bytes))
}

fn is_empty(dir: &Path) -> Result<bool> {
    let mut entries =
        fs::read_dir(dir).with_context(|| t!(CtxReadingFolder, path = dir.display()))?;
    Ok(entries.all(|e| e.is_ok_and(|e| e.file_name() == LOCK)))
}

/// `dir` made absolute and, as far as it exists, with its links resolved (the rest of it is
/// made by this run, so it holds no link).
fn absolute(dir: &Path) -> Result<PathBuf> {
    let abs = std::path::absolute(dir)?;
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut out = real;
            for name in rest.iter().rev() {
                out.push(name);
            }
            return Ok(out);
        }
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return Ok(abs),
        }
    }
}

/// Refuses a folder in the git folder, or in the repository's work tree unless git ignores
/// it: the site's thousands of files would show in `git status`, and `git add -A` would
/// commit them into the records (where `sop verify` reports files under requests/).
fn check_place(abs: &Path, shown: &str, git: &Git) -> Result<()> {
    let normal = |p: &Path| -> PathBuf {
        p.components()
            .filter(|c| !matches!(c, Component::CurDir))
            .collect()
    };
    let abs = normal(abs);
    let git_dir = git
        .git_dir()
        .canonicalize()
        .unwrap_or_else(|_| git.git_dir().to_path_buf());
    if abs.starts_with(&git_dir) {
        return Err(invalid!(
            "{}",
            t!(SiteInGitFolder, path = shown, git_dir = git_dir.display())
        )
        .hint(t!(HintSiteOutside)));
    }
    let Ok(workdir) = git.workdir() else {
        return Ok(());
    };
    let workdir = workdir.canonicalize()?;
    if abs == workdir || workdir.starts_with(&abs) {
        return Err(invalid!(
            "{}",
            t!(SiteHoldsRepo, path = shown, workdir = workdir.display())
        )
        .hint(t!(HintSiteOutsideOrIgnored)));
    }
    if let Ok(rel) = abs.strip_prefix(&workdir) {
        if !git.is_ignored(rel, true)? {
            return Err(invalid!(
                "{}",
                t!(SiteNotIgnored, path = shown, workdir = workdir.display())
            )
            .hint(t!(HintSiteIgnore, rel = rel.display())));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_paths_are_the_site_s() {
        for ok in [
            "index.html",
            "sop.css",
            "permintaan/EML/7K/EML-7K3QX9M2PA.html",
            "prosedur/perbaikan-aset/2026-11.html",
        ] {
            assert!(safe_path(ok), "{ok}");
        }
        for bad in [
            "",
            "/etc/passwd",
            "../x.html",
            "a/../../x.html",
            "a//b.html",
            ".sop-site.json",
            "a/.hidden",
            "a\\b.html",
            "a b.html",
        ] {
            assert!(!safe_path(bad), "{bad}");
        }
        let bad = br#"{"format":1,"sop":"0","commit":null,"files":{"../x":{"hash":"00"}}}"#;
        assert!(read_manifest(bad).is_err());
    }
}
