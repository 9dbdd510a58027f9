//! The index before last, kept (`.git/sop-index.spare`) to write the next new index into.
//!
//! A change that adds or removes a record writes a whole new index (index.rs, `pieces`): tens
//! of MB at 100,000 records. Written into a new file, each of its pages is allocated and its
//! blocks reserved, and the rename then frees the old index's — a third of `sop new`'s time at
//! that size. Overwriting the old index's own file, whose pages and blocks are already there,
//! costs the copy alone. So the new index is written into the spare, swapped with the index
//! in one step (`renameat2`'s `RENAME_EXCHANGE`: readers find the old index or the new one,
//! never neither), and the old index becomes the next spare. A swap is also not a rename over
//! a file, which ext4 makes wait until the new file's blocks are allocated and on their way
//! to the disk (`auto_da_alloc`).
//!
//! The old index may still be read: a `git status` that opened it before the swap reads it to
//! the end. A spare is therefore overwritten only when no process has it open or mapped — the
//! kernel grants a write lease only then — and no other name links to it (a hard-linked
//! copy of the repository). Otherwise, and on systems without these calls, the new index goes
//! into a new file and is renamed into place, as git does.

use std::fs::{self, File};
use std::io;
use std::path::Path;

/// The spare's name in the git folder.
pub(super) const SPARE: &str = "sop-index.spare";

/// A file to write a new index into at `tmp`, from its start: the spare when it is safe to
/// overwrite (moved to `tmp`), else a new file. The caller sets its length when done.
pub(super) fn take(git_dir: &Path, tmp: &Path) -> io::Result<File> {
    let _ = fs::remove_file(tmp);
    if fs::rename(git_dir.join(SPARE), tmp).is_ok() {
        if let Some(file) = reusable(tmp) {
            return Ok(file);
        }
        // Someone may still read it: it is left to them, under no name.
        fs::remove_file(tmp)?;
    }
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(tmp)
}

/// Puts the new index at `tmp` in place of the one at `index`, and keeps the old one as the
/// next spare when the system can swap them; else renames it over the old one.
pub(super) fn replace(git_dir: &Path, tmp: &Path, index: &Path) -> io::Result<()> {
    if !exchange(tmp, index) {
        return fs::rename(tmp, index);
    }
    super::tx::crash_point("after-index-swap");
    // Losing the spare loses nothing but speed: a failure here is not one.
    let _ = fs::rename(tmp, git_dir.join(SPARE));
    Ok(())
}

/// The file at `path` opened for writing, when it is a regular file (not a link to one
/// elsewhere, and a pipe is not waited on), nothing else has it open or mapped, and it has no
/// other name.
#[cfg(target_os = "linux")]
fn reusable(path: &Path) -> Option<File> {
    use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
    use std::os::unix::io::AsRawFd;
    let file = fs::OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
        .ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() || meta.nlink() != 1 {
        return None;
    }
    let fd = file.as_raw_fd();
    // SAFETY: plain system calls on an open file descriptor, no memory passed. The lease is
    // let go at once: it is asked for only to learn that nobody else has the file open.
    let leased = unsafe { libc::fcntl(fd, libc::F_SETLEASE, libc::F_WRLCK) } == 0;
    if leased {
        unsafe { libc::fcntl(fd, libc::F_SETLEASE, libc::F_UNLCK) };
    }
    leased.then_some(file)
}

#[cfg(not(target_os = "linux"))]
fn reusable(_: &Path) -> Option<File> {
    None
}

/// Swaps the files at `a` and `b` in one step; false when the system or file system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let (Ok(a), Ok(b)) = (
        CString::new(a.as_os_str().as_bytes()),
        CString::new(b.as_os_str().as_bytes()),
    ) else {
        return false;
    };
    // SAFETY: two NUL-terminated paths that outlive the call.
    unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        ) == 0
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Seek, Write};

    fn spare_with(dir: &Path, text: &str) {
        fs::write(dir.join(SPARE), text).unwrap();
    }

    #[test]
    fn a_spare_nobody_holds_is_written_into() {
        let dir = tempfile::tempdir().unwrap();
        spare_with(dir.path(), "old index");
        let tmp = dir.path().join("tmp");
        let mut file = take(dir.path(), &tmp).unwrap();
        file.write_all(b"new").unwrap();
        file.set_len(3).unwrap();
        assert_eq!(fs::read(&tmp).unwrap(), b"new");
        assert!(!dir.path().join(SPARE).exists());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_spare_someone_still_reads_is_left_to_them() {
        let dir = tempfile::tempdir().unwrap();
        spare_with(dir.path(), "old index");
        let mut reader = File::open(dir.path().join(SPARE)).unwrap();
        let tmp = dir.path().join("tmp");
        let mut file = take(dir.path(), &tmp).unwrap();
        file.write_all(b"new").unwrap();
        let mut seen = String::new();
        reader.rewind().unwrap();
        reader.read_to_string(&mut seen).unwrap();
        assert_eq!(seen, "old index", "the reader's file is untouched");
        assert_eq!(fs::read(&tmp).unwrap(), b"new");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_mapped_spare_is_left_to_its_reader() {
        let dir = tempfile::tempdir().unwrap();
        spare_with(dir.path(), "old index");
        let map = {
            let file = File::open(dir.path().join(SPARE)).unwrap();
            // SAFETY: a test's own file, changed by nobody while mapped.
            unsafe { memmap2::Mmap::map(&file).unwrap() }
        };
        let tmp = dir.path().join("tmp");
        take(dir.path(), &tmp).unwrap().write_all(b"new").unwrap();
        assert_eq!(&map[..], b"old index");
    }

    #[test]
    fn a_spare_with_another_name_is_not_written_into() {
        let dir = tempfile::tempdir().unwrap();
        spare_with(dir.path(), "old index");
        fs::hard_link(dir.path().join(SPARE), dir.path().join("backup")).unwrap();
        let tmp = dir.path().join("tmp");
        take(dir.path(), &tmp).unwrap().write_all(b"new").unwrap();
        assert_eq!(fs::read(dir.path().join("backup")).unwrap(), b"old index");
    }

    #[cfg(unix)]
    #[test]
    fn a_spare_that_is_a_link_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        fs::write(&elsewhere, "not sop's").unwrap();
        std::os::unix::fs::symlink(&elsewhere, dir.path().join(SPARE)).unwrap();
        let tmp = dir.path().join("tmp");
        take(dir.path(), &tmp).unwrap().write_all(b"new").unwrap();
        assert_eq!(fs::read(&elsewhere).unwrap(), b"not sop's");
        assert!(!fs::symlink_metadata(&tmp).unwrap().is_symlink());
    }

    #[cfg(unix)]
    #[test]
    fn a_spare_that_is_a_pipe_is_not_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = std::ffi::CString::new(dir.path().join(SPARE).to_str().unwrap()).unwrap();
        // SAFETY: a NUL-terminated path that outlives the call.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        let tmp = dir.path().join("tmp");
        take(dir.path(), &tmp).unwrap().write_all(b"new").unwrap();
        assert_eq!(fs::read(&tmp).unwrap(), b"new");
    }

    #[test]
    fn replacing_keeps_the_old_index_as_the_spare() {
        let dir = tempfile::tempdir().unwrap();
        let (tmp, index) = (dir.path().join("tmp"), dir.path().join("index"));
        fs::write(&index, "old").unwrap();
        fs::write(&tmp, "new").unwrap();
        replace(dir.path(), &tmp, &index).unwrap();
        assert_eq!(fs::read(&index).unwrap(), b"new");
        assert!(!tmp.exists());
        if cfg!(target_os = "linux") {
            assert_eq!(fs::read(dir.path().join(SPARE)).unwrap(), b"old");
        }
    }
}
