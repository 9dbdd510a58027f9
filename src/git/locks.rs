//! The locks sop takes, and how the next sop command clears those a killed one left.
//!
//! The rules (also in docs/recovery.md):
//! - A changing command holds an OS lock (`flock`) on `.git/sop.lock` for its whole run. The
//!   OS releases it when the process dies, however it dies, so whoever gets it knows that
//!   no other sop command is running.
//! - Every other lock a change takes — git's `.git/index.lock`, the branch's
//!   `refs/heads/<branch>.lock` — and every temporary file it writes is written into
//!   `sop.lock` **before** it is taken (one line each, after a line naming the owner's pid
//!   and start time), and struck off after it is released.
//! - The next sop command that gets the OS lock — a changing one, or a reading one that finds
//!   the record not empty — removes what the record names, then finishes the change the
//!   journal describes (`sop-journal`: written before the branch moves, removed once the work
//!   tree and index match the commit).
//! - A lock that is not in the record (git's own, or one left by a crashed git) is waited
//!   for (3 s); then, if no process of this user has it open and it is older than a second,
//!   it was left by a crash: sop removes it and says so. Otherwise sop says git is busy.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context as _, Result};

use crate::conflict;
use crate::error::Hint;

/// How long a changing command waits for another sop command to finish.
const SOP_WAIT: Duration = Duration::from_secs(10);

/// The OS lock on `.git/sop.lock` and the record of what its owner holds.
pub struct SopLock {
    file: File,
    git_dir: PathBuf,
    /// Paths relative to the git folder, held or about to be taken.
    held: Vec<String>,
    owner: String,
}

impl SopLock {
    /// Waits (up to 10 s) for the lock.
    pub fn take(git_dir: &Path) -> Result<SopLock> {
        let file = open(git_dir)?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(SopLock::new(file, git_dir)),
                Err(fs::TryLockError::WouldBlock) if start.elapsed() < SOP_WAIT => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(conflict!("{}", t!(GitBusySop, owner = owner_of(git_dir)))
                        .hint(t!(HintWaitRetry)))
                }
                Err(fs::TryLockError::Error(e)) => {
                    return Err(e)
                        .with_context(|| t!(CtxLocking, path = git_dir.join(FILE).display()))
                }
            }
        }
    }

    /// The lock if nobody holds it now (for reading commands, which never wait).
    pub fn try_take(git_dir: &Path) -> Option<SopLock> {
        let file = open(git_dir).ok()?;
        file.try_lock().ok()?;
        Some(SopLock::new(file, git_dir))
    }

    fn new(file: File, git_dir: &Path) -> SopLock {
        SopLock {
            file,
            git_dir: git_dir.to_path_buf(),
            held: Vec::new(),
            owner: format!("owner {} {}", std::process::id(), now_secs()),
        }
    }

    /// What a previous owner recorded and did not strike off: it died holding them.
    pub fn abandoned(&mut self) -> Vec<String> {
        let mut text = String::new();
        let _ = self.file.seek(SeekFrom::Start(0));
        let _ = self.file.read_to_string(&mut text);
        text.lines()
            .filter(|l| !l.starts_with("owner ") && !l.trim().is_empty())
            .map(str::to_string)
            .collect()
    }

    /// Removes what a dead owner left (`abandoned`), and clears the record.
    pub fn clear_abandoned(&mut self) -> Result<()> {
        for rel in self.abandoned() {
            if is_ours(&rel) {
                match fs::remove_file(self.git_dir.join(&rel)) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                        return Err(e).with_context(|| t!(GitRemovingLeft, path = rel))
                    }
                    _ => {}
                }
            }
        }
        self.write()
    }

    /// Records `rel` (relative to the git folder) before it is taken or written.
    pub fn record(&mut self, rel: &str) -> Result<()> {
        self.held.push(rel.to_string());
        self.write()
    }

    /// Strikes `rel` off once it is released or renamed into place.
    pub fn release(&mut self, rel: &str) -> Result<()> {
        self.held.retain(|h| h != rel);
        self.write()
    }

    fn write(&mut self) -> Result<()> {
        let mut text = String::new();
        if !self.held.is_empty() {
            text = format!("{}\n{}\n", self.owner, self.held.join("\n"));
        }
        self.file.set_len(0)?;
        self.file.seek(SeekFrom::Start(0))?;
        self.file.write_all(text.as_bytes())?;
        Ok(())
    }
}

const FILE: &str = "sop.lock";

fn open(git_dir: &Path) -> Result<File> {
    let path = git_dir.join(FILE);
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .with_context(|| t!(CtxOpening, path = path.display()))
}

/// Whether `git_dir` holds a record a killed sop left (cheap: reads one small file).
pub fn has_record(git_dir: &Path) -> bool {
    fs::metadata(git_dir.join(FILE)).is_ok_and(|m| m.len() > 0)
}

/// "pid N since T" of the current owner, as far as its record says.
fn owner_of(git_dir: &Path) -> String {
    let text = fs::read_to_string(git_dir.join(FILE)).unwrap_or_default();
    match text.lines().next().and_then(|l| l.strip_prefix("owner ")) {
        Some(rest) => {
            let mut parts = rest.split_whitespace();
            let pid = parts.next().unwrap_or("?");
            let since = parts
                .next()
                .and_then(|s| s.parse::<i64>().ok())
                .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
                .map(|t| t.format("%H:%M:%S UTC").to_string())
                .unwrap_or_else(|| "?".into());
            t!(GitLockOwner, pid = pid, since = since)
        }
        None => t!(GitLockNoOwner),
    }
}

/// Only files of sop's own, and git's lock files, are ever removed from a record: never
/// anything a hand-edited sop.lock could point elsewhere.
fn is_ours(rel: &str) -> bool {
    !rel.contains("..")
        && !rel.starts_with('/')
        && (rel.ends_with(".lock") || rel.starts_with("sop-") || rel.ends_with(".sop-tmp"))
}

/// Whether the lock file `path`, which sop did not record, was left by a crashed process: no
/// process of this user has it open, and it is older than a second. Where that cannot be
/// told (no /proc), it is not.
pub fn left_by_a_crash(path: &Path) -> bool {
    let old = fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age >= Duration::from_secs(1));
    old && Path::new("/proc/self/fd").exists() && !open_anywhere(path)
}

/// Whether any process whose descriptors this user can read has `path` open.
fn open_anywhere(path: &Path) -> bool {
    let Ok(target) = path.canonicalize() else {
        return false;
    };
    let Ok(procs) = fs::read_dir("/proc") else {
        return true;
    };
    procs.flatten().any(|p| {
        let numeric = p
            .file_name()
            .to_string_lossy()
            .bytes()
            .all(|b| b.is_ascii_digit());
        numeric
            && fs::read_dir(p.path().join("fd")).is_ok_and(|fds| {
                fds.flatten()
                    .any(|fd| fs::read_link(fd.path()).is_ok_and(|l| l == target))
            })
    })
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_dead_owner_recorded_is_removed_by_the_next() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.lock"), "").unwrap();
        {
            let mut first = SopLock::take(dir.path()).unwrap();
            first.record("index.lock").unwrap();
            first.record("refs/heads/main.lock").unwrap();
            first.record("../outside.lock").unwrap();
            // dropped without striking them off: as if killed
        }
        assert!(has_record(dir.path()));
        let mut next = SopLock::take(dir.path()).unwrap();
        assert_eq!(
            next.abandoned(),
            ["index.lock", "refs/heads/main.lock", "../outside.lock"]
        );
        next.clear_abandoned().unwrap();
        assert!(!dir.path().join("index.lock").exists());
        assert!(!has_record(dir.path()));
    }

    #[test]
    fn a_lock_file_someone_holds_open_is_not_left_by_a_crash() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.lock");
        let open = std::fs::File::create(&path).unwrap();
        let old = SystemTime::now() - Duration::from_secs(5);
        open.set_modified(old).unwrap();
        assert!(!left_by_a_crash(&path), "this process holds it open");
        drop(open);
        assert!(left_by_a_crash(&path));
        std::fs::File::create(&path).unwrap();
        assert!(!left_by_a_crash(&path), "too fresh to judge");
    }

    #[test]
    fn a_held_lock_is_not_taken_by_a_reader() {
        let dir = tempfile::tempdir().unwrap();
        let _held = SopLock::take(dir.path()).unwrap();
        assert!(SopLock::try_take(dir.path()).is_none());
    }
}
