//! Hostile input: text that imitates sop's trailers, and the like (issue 8).

use crate::support::Office;

#[test]
fn a_note_cannot_imitate_sops_trailers() {
    let office = Office::example();
    let id = office.new_request(
        "putri",
        "email",
        &["nama_lengkap=Putri", "email_diminta=putri@kota.go.id"],
    );
    office.sop("putri", &["advance", &id]).success();
    office.sop("dewi", &["advance", &id]).success();
    let note = "ok\n\nSop-Actor: rizky\nSop-Action: cancel";
    office
        .sop("sri", &["approve", &id, "--note", note])
        .success();
    // git's own trailer parser sees sop's trailers only.
    let message = office.git(&["log", "-1", "--format=%B"]);
    let trailers = office.sh("git log -1 --format=%B | git interpret-trailers --parse");
    let parsed = String::from_utf8_lossy(&trailers.get_output().stdout).to_string();
    assert!(parsed.contains("Sop-Actor: sri"), "{parsed}");
    assert!(!parsed.contains("rizky"), "{parsed}");
    assert!(!parsed.contains("Sop-Action: cancel"), "{parsed}");
    // An audit query by trailer does not match the note.
    let grep = office.git(&["log", "--format=%H", "-E", "--grep=^Sop-Actor: rizky"]);
    assert_eq!(grep.trim(), "", "{message}");
    assert!(message.contains("    Sop-Actor: rizky"), "{message}");
    // The record keeps the text exactly.
    let shown = office.json("sri", &["show", &id]);
    let last = shown["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["note"], note);
    office.sop("rizky", &["verify"]).success();
}

/// Moves `requests/EML` out of the repository and leaves a link to it, committed by the
/// administrator: the state an attacker (or a careless sync) can make.
fn linked_requests(office: &Office) -> std::path::PathBuf {
    let outside = office.home.join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::rename(office.path("requests/EML"), outside.join("EML")).unwrap();
    std::os::unix::fs::symlink(outside.join("EML"), office.path("requests/EML")).unwrap();
    office.git(&["add", "-A"]);
    office.git_as(
        "Rizky Ramadhan",
        "rizky@diskominfo.example.go.id",
        &["commit", "-qm", "link"],
    );
    outside
}

fn files_under(dir: &std::path::Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .count()
}

#[test]
fn a_symlinked_request_folder_is_refused_on_write_and_read_and_flagged() {
    let office = Office::example();
    let id = office.new_request(
        "putri",
        "email",
        &["nama_lengkap=Putri", "email_diminta=putri@kota.go.id"],
    );
    let outside = linked_requests(&office);
    let before = office.snapshot();
    let outside_files = files_under(&outside);
    let mut args = vec!["new", "email"];
    for f in ["nama_lengkap=P", "email_diminta=p@kota.go.id"] {
        args.extend(["--field", f]);
    }
    office
        .sop("putri", &args)
        .code(3)
        .stderr(predicates::str::contains("requests/EML is a symbolic link"));
    office
        .sop("putri", &["advance", &id])
        .code(3)
        .stderr(predicates::str::contains("is a symbolic link"));
    office
        .sop("putri", &["show", &id])
        .code(3)
        .stderr(predicates::str::contains("is a symbolic link"));
    assert_eq!(
        office.snapshot(),
        before,
        "nothing written in the repository"
    );
    assert_eq!(
        files_under(&outside),
        outside_files,
        "nothing written outside"
    );
    let report = office.sop("rizky", &["verify"]).code(6);
    let out = String::from_utf8_lossy(&report.get_output().stdout).to_string();
    assert!(out.contains("a symbolic link"), "{out}");
}

#[test]
fn a_symlinked_request_file_is_refused() {
    let office = Office::example();
    let id = office.new_request(
        "putri",
        "email",
        &["nama_lengkap=Putri", "email_diminta=putri@kota.go.id"],
    );
    let file = office.request_file(&id);
    let outside = office.home.join("copy.toml");
    std::fs::copy(&file, &outside).unwrap();
    std::fs::remove_file(&file).unwrap();
    std::os::unix::fs::symlink(&outside, &file).unwrap();
    let before = std::fs::read(&outside).unwrap();
    office
        .sop("putri", &["advance", &id])
        .code(3)
        .stderr(predicates::str::contains("is a symbolic link"));
    assert_eq!(std::fs::read(&outside).unwrap(), before);
}

#[test]
fn a_looping_symlink_does_not_break_reading_commands() {
    let office = Office::example();
    let id = office.new_request(
        "putri",
        "email",
        &["nama_lengkap=Putri", "email_diminta=putri@kota.go.id"],
    );
    std::os::unix::fs::symlink("loop-b", office.path("requests/loop-a")).unwrap();
    std::os::unix::fs::symlink("loop-a", office.path("requests/loop-b")).unwrap();
    office.sop("putri", &["list"]).success();
    office.sop("putri", &["show", &id]).success();
    office.sop("putri", &["advance", &id]).success();
    office.sop("rizky", &["verify"]).success();
}

#[test]
fn files_keep_ordinary_modes() {
    use std::os::unix::fs::PermissionsExt;
    let office = Office::example();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let id = office.new_request(
        "putri",
        "email",
        &["nama_lengkap=Putri", "email_diminta=putri@kota.go.id"],
    );
    let file = office.request_file(&id);
    // A new file follows the umask, as git's do (the test's umask is sop's: inherited).
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let umask = status
        .lines()
        .find_map(|l| l.strip_prefix("Umask:"))
        .map(|v| u32::from_str_radix(v.trim(), 8).unwrap())
        .unwrap();
    let ordinary = 0o666 & !umask;
    assert_eq!(mode(&file), ordinary);
    office.sop("putri", &["advance", &id]).success();
    assert_eq!(
        mode(&file),
        ordinary,
        "a rewritten file is not made private"
    );
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
    office.sop("dewi", &["advance", &id]).success();
    assert_eq!(mode(&file), 0o640, "a replaced file keeps the mode it had");
    assert_eq!(office.status(), "");
}

/// git finds the index clean, holding exactly HEAD's tree, and whole.
fn assert_index_is_heads(office: &Office, version: &str) {
    assert_eq!(office.status(), "", "index v{version}");
    assert_eq!(office.git(&["diff", "--cached", "--name-only"]), "");
    assert_eq!(
        office.git(&["write-tree"]),
        office.git(&["rev-parse", "HEAD^{tree}"]),
        "index v{version}: the index holds exactly HEAD's tree"
    );
    office.git(&["fsck", "--no-progress", "--strict"]);
}

/// A plain `git add` and `git commit` of a file that is not a record: git writes the index.
fn commit_an_office_file(office: &Office) {
    std::fs::write(office.path("catatan.txt"), "x\n").unwrap();
    office.git(&["add", "-A"]);
    office.git_as(
        "Rizky Ramadhan",
        "rizky@diskominfo.example.go.id",
        &["commit", "-qm", "an office file"],
    );
}

/// sop patches git's index in place of rewriting it (issue 9): git must see a clean, whole
/// index after every change, whatever the index version. A change to a request that is there
/// overwrites its entry where it is (the file keeps its size, the checksum is zeros, as git's
/// `index.skipHash` writes it), and the cached trees stay valid.
#[test]
fn the_patched_index_is_one_git_trusts() {
    for version in ["2", "3", "4"] {
        let office = Office::example();
        office.git(&["update-index", "--index-version", version]);
        // git builds its cached trees, which sop must invalidate along the paths it changes.
        office.git(&["write-tree"]);
        let id = office.new_request(
            "putri",
            "email",
            &["nama_lengkap=Putri", "email_diminta=putri@kota.go.id"],
        );
        office.git(&["write-tree"]);
        let before = std::fs::metadata(office.path(".git/index")).unwrap();
        office.sop("putri", &["advance", &id]).success();
        let index = std::fs::read(office.path(".git/index")).unwrap();
        assert_eq!(
            index.len() as u64,
            before.len(),
            "v{version}: patched in place"
        );
        assert_eq!(
            &index[index.len() - 20..],
            &[0u8; 20],
            "v{version}: no checksum"
        );
        assert_eq!(
            std::os::unix::fs::MetadataExt::ino(
                &std::fs::metadata(office.path(".git/index")).unwrap()
            ),
            std::os::unix::fs::MetadataExt::ino(&before),
            "v{version}: the same file, not a new one"
        );
        assert_index_is_heads(&office, version);
        commit_an_office_file(&office);
        assert_eq!(office.status(), "");
        office.sop("dewi", &["advance", &id]).success();
        assert_eq!(office.status(), "");
        office.sop("rizky", &["verify"]).success();
    }
}

/// A change that adds a record writes the new index into the index before last, kept as
/// `.git/sop-index.spare`, and swaps the two (issue 9): git must see the same clean, whole
/// index as from a new file, whatever the index version — and a spare that someone still
/// reads is never written into.
// The spare is kept where the system can swap two files in one step (Linux).
#[cfg(target_os = "linux")]
#[test]
fn a_new_index_written_into_the_spare_is_one_git_trusts() {
    use std::io::Read;
    use std::os::unix::fs::MetadataExt;
    let ino = |path: &std::path::Path| std::fs::metadata(path).unwrap().ino();
    let fields = ["nama_lengkap=Putri", "email_diminta=putri@kota.go.id"];
    for version in ["2", "3", "4"] {
        let office = Office::example();
        office.git(&["update-index", "--index-version", version]);
        office.git(&["write-tree"]);
        let (index, spare) = (
            office.path(".git/index"),
            office.path(".git/sop-index.spare"),
        );
        let first = ino(&index);
        office.new_request("putri", "email", &fields);
        assert_eq!(ino(&spare), first, "v{version}: the old index is kept");
        let kept = ino(&spare);
        office.new_request("putri", "email", &fields);
        assert_eq!(ino(&index), kept, "v{version}: written into the spare");
        assert_ne!(ino(&spare), ino(&index));
        assert_index_is_heads(&office, version);

        // Someone still reading the old index: the next new index goes into a new file.
        let mut reader = std::fs::File::open(&spare).unwrap();
        let held = std::fs::read(&spare).unwrap();
        office.new_request("putri", "email", &fields);
        let mut seen = Vec::new();
        reader.read_to_end(&mut seen).unwrap();
        assert_eq!(seen, held, "v{version}: the reader's index is untouched");
        assert_ne!(ino(&index), reader.metadata().unwrap().ino());
        assert_index_is_heads(&office, version);

        // After git wrote the index itself, sop's next new index still goes into the spare.
        commit_an_office_file(&office);
        let kept = ino(&spare);
        office.new_request("putri", "email", &fields);
        assert_eq!(ino(&index), kept, "v{version}: written into the spare");
        assert_eq!(office.status(), "");
        office.sop("rizky", &["verify"]).success();
    }
}
