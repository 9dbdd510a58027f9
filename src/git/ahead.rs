//! Record files read from the disk many at a time, ahead of the thread that parses them.
//!
//! Reading every record anew (a cold `sop list`) opens 100,000 small files. When they are not
//! in the page cache, each read waits for the disk, and one thread at a time keeps one read
//! in flight. So while a thread parses a run of files, `READERS` threads read the run's files
//! into the page cache ahead of it (opening each, which reads its inode, and asking for its
//! bytes without waiting), and the parser finds them there. When files spread over the run
//! are already cached (a warm machine), nothing is read ahead: that would open every file
//! twice. A cold `sop list` at 100,000 requests, the page cache dropped: 8.5 → 2.5 s (5
//! interleaved pairs, medians; bench/README.md).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Threads reading ahead of one parsing thread.
const READERS: usize = 16;
/// A run shorter than this is read by its parser alone.
const FROM: usize = 256;
/// How many of a run's files, spread over it, are looked at to tell whether it is cached.
const PROBES: usize = 16;

/// Runs `work` while the files at `rels` (under `base`) are read into the page cache ahead of
/// it, when they are many and not cached; the files are read in their order, and reading
/// stops when `work` returns.
pub fn reading<P: AsRef<Path> + Sync, R>(base: &Path, rels: &[P], work: impl FnOnce() -> R) -> R {
    if rels.len() < FROM
        || cached(
            rels.iter()
                .step_by(rels.len() / PROBES)
                .map(|r| base.join(r)),
        )
    {
        return work();
    }
    read_ahead(base, rels, work)
}

/// Runs `work` while `READERS` threads read the files at `rels` (under `base`) in their order.
fn read_ahead<P: AsRef<Path> + Sync, R>(base: &Path, rels: &[P], work: impl FnOnce() -> R) -> R {
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    std::thread::scope(|s| {
        for _ in 0..READERS {
            let reader = std::thread::Builder::new()
                .stack_size(64 << 10)
                .spawn_scoped(s, || {
                    while !stop.load(Ordering::Relaxed) {
                        let Some(rel) = rels.get(next.fetch_add(1, Ordering::Relaxed)) else {
                            break;
                        };
                        read_through(&base.join(rel));
                    }
                });
            // Reading ahead is only worth speed: a thread that cannot start is not missed.
            if reader.is_err() {
                break;
            }
        }
        let done = work();
        stop.store(true, Ordering::Relaxed);
        done
    })
}

/// Asks for the file at `path` to be read into the page cache: its inode is read by the
/// opening, and its bytes are asked for without waiting for them or copying them. Opened as
/// a record is read (`open_regular`): never through a link, never waiting on a pipe.
#[cfg(target_os = "linux")]
fn read_through(path: &Path) {
    use std::os::unix::io::AsRawFd;
    let Some((file, _)) = super::open_regular(path) else {
        return;
    };
    // SAFETY: a plain system call on an open file descriptor; only a hint.
    unsafe { libc::posix_fadvise(file.as_raw_fd(), 0, 0, libc::POSIX_FADV_WILLNEED) };
}

/// Reads the file at `path` to its end (or `limits::RECORD_FILE_BYTES`), keeping nothing.
#[cfg(not(target_os = "linux"))]
fn read_through(path: &Path) {
    use std::io::Read;
    let mut buf = [0u8; 16 << 10];
    let Some((mut file, _)) = super::open_regular(path) else {
        return;
    };
    let mut left = crate::limits::RECORD_FILE_BYTES;
    while let Ok(n @ 1..) = file.read(&mut buf) {
        left = left.saturating_sub(n as u64);
        if left == 0 {
            break;
        }
    }
}

/// Whether the first bytes of every file at `paths` are in the page cache (a file that
/// cannot be opened, or is not a regular file, counts as cached: there is nothing to read
/// ahead).
#[cfg(target_os = "linux")]
fn cached(mut paths: impl Iterator<Item = PathBuf>) -> bool {
    use std::os::unix::io::AsRawFd;
    paths.all(|path| {
        let Some((file, _)) = super::open_regular(&path) else {
            return true;
        };
        let mut byte = 0u8;
        let iov = libc::iovec {
            iov_base: (&mut byte as *mut u8).cast(),
            iov_len: 1,
        };
        // SAFETY: one iovec over a live byte; RWF_NOWAIT reads only what the cache holds,
        // and fails with EAGAIN when the disk would have to be read.
        let n = unsafe { libc::preadv2(file.as_raw_fd(), &iov, 1, 0, libc::RWF_NOWAIT) };
        n >= 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::EAGAIN)
    })
}

/// Elsewhere there is no asking: the files are read ahead as if they were not cached.
#[cfg(not(target_os = "linux"))]
fn cached(_: impl Iterator<Item = PathBuf>) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_runs_once_and_its_answer_is_given_back_whatever_the_files() {
        let dir = tempfile::tempdir().unwrap();
        let paths: Vec<PathBuf> = (0..FROM * 2)
            .map(|i| {
                let path = dir.path().join(format!("{i}.toml"));
                if i % 3 != 0 {
                    std::fs::write(&path, format!("n = {i}\n")).unwrap();
                }
                path
            })
            .collect();
        let mut runs = 0;
        assert_eq!(
            reading(Path::new(""), &paths, || {
                runs += 1;
                42
            }),
            42
        );
        assert_eq!(runs, 1);
        assert_eq!(reading(Path::new(""), &paths[..3], || "few"), "few");
    }

    #[test]
    fn reading_ahead_ends_with_the_work_whenever_it_ends() {
        let dir = tempfile::tempdir().unwrap();
        let paths: Vec<PathBuf> = (0..FROM).map(|i| dir.path().join(format!("{i}"))).collect();
        for path in paths.iter().step_by(2) {
            std::fs::write(path, "x".repeat(40 << 10)).unwrap();
        }
        // Work that outlasts the readers, and work done before they start.
        let slow = read_ahead(Path::new(""), &paths, || {
            std::thread::sleep(std::time::Duration::from_millis(50));
            "slow"
        });
        assert_eq!(slow, "slow");
        assert_eq!(read_ahead(Path::new(""), &paths, || "quick"), "quick");
    }

    /// A pipe or a link among the records (sop never reads them as records) must not stop
    /// the readers or the probe: opening a pipe for reading would wait for a writer.
    #[cfg(unix)]
    #[test]
    fn a_pipe_or_a_link_among_the_files_is_passed_by() {
        let dir = tempfile::tempdir().unwrap();
        let mut paths: Vec<PathBuf> = (0..FROM).map(|i| dir.path().join(format!("{i}"))).collect();
        let fifo = std::ffi::CString::new(paths[0].to_str().unwrap()).unwrap();
        // SAFETY: a NUL-terminated path that outlives the call.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        std::os::unix::fs::symlink(&paths[0], &paths[1]).unwrap();
        paths.truncate(2);
        paths.extend(std::iter::repeat_n(paths[0].clone(), FROM));
        assert_eq!(read_ahead(Path::new(""), &paths, || "done"), "done");
        // Only Linux can be asked what is cached; elsewhere every run is read ahead.
        assert_eq!(cached(paths.iter().cloned()), cfg!(target_os = "linux"));
        assert_eq!(reading(Path::new(""), &paths, || "done"), "done");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn files_just_written_are_cached() {
        let dir = tempfile::tempdir().unwrap();
        let paths: Vec<PathBuf> = (0..PROBES)
            .map(|i| dir.path().join(format!("{i}")))
            .collect();
        for path in &paths {
            std::fs::write(path, "x").unwrap();
        }
        assert!(cached(paths.iter().cloned()));
    }
}
