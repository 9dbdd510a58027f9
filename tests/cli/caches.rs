//! sop's caches in the git folder (`sop-cache-*`: what `list`, `report` and asset lookups
//! read) are invisible: whatever happened to the repository — sop's changes, a plain
//! `git commit` behind sop's back, a `git reset --hard`, a `git pull` — every reading gives
//! what a cold run (no cache at all) gives.

use std::path::PathBuf;

use crate::support::{Office, EMAIL};

const ASSETS: &str = "kind,name,serial,location\n\
hardware,Laptop Asus,SN-1,Ruang TIK\n\
hardware,PC Lenovo,SN-2,Ruang Server\n";

/// What every cached reading prints, all read at one time (so overdue and due compare).
fn readings(office: &Office) -> Vec<String> {
    let runs: [&[&str]; 14] = [
        &["list", "--format", "json"],
        &["list", "--format", "csv"],
        // The plain table kept laid out, and the rows kept for any other look.
        &["list"],
        &["--color", "always", "list"],
        &["list", "--overdue", "--format", "json"],
        &["list", "--status", "open", "--procedure", "email"],
        &["list", "--search", "DITELEPON", "--format", "csv"],
        &["list", "--assignee", "hendra", "--format", "csv"],
        &["list", "--requester", "siti", "--format", "csv"],
        &["list", "--mine", "--format", "csv"],
        &["report", "--format", "json"],
        &["asset", "list", "--format", "json"],
        &["report", "--format", "csv"],
        &["report", "--monitoring", "--format", "json"],
    ];
    runs.iter()
        .map(|args| {
            let out = office
                .sop_cmd()
                .env("SOP_NOW", NOW)
                .args(["--as", "rizky"])
                .args(*args)
                .output()
                .unwrap();
            format!(
                "{args:?}\n{}\n{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
        })
        .collect()
}

/// Deletes every cache sop keeps, so that the next reading is a cold one.
fn forget_caches(office: &Office) {
    for cache in caches(office) {
        std::fs::remove_file(cache).unwrap();
    }
}

/// `sop list` piped, at a fixed time: its stdout, then its stderr.
fn plain_list(office: &Office) -> String {
    let out = office
        .sop_cmd()
        .env("SOP_NOW", NOW)
        .args(["--as", "rizky", "list"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap()
}

/// The time the readings are taken at.
const NOW: &str = "2026-11-23T09:10:00+07:00";

fn caches(office: &Office) -> Vec<PathBuf> {
    std::fs::read_dir(office.path(".git"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("sop-cache")
        })
        .collect()
}

/// Readings with the caches as they are (twice: the second is served from caches stamped with
/// HEAD), then with no cache: all three must agree.
fn assert_cache_invisible(office: &Office, when: &str) {
    let warm = readings(office);
    assert!(!caches(office).is_empty(), "{when}: readings leave caches");
    assert_eq!(
        readings(office),
        warm,
        "{when}: a stamped cache changed the output"
    );
    let kept = cache_texts(office);
    forget_caches(office);
    assert_eq!(readings(office), warm, "{when}: a cold run differs");
    // What was brought up to date line by line is what a cold run writes, byte for byte.
    let now = cache_texts(office);
    for ((path, a), (_, b)) in now.iter().zip(&kept) {
        assert!(
            a == b,
            "{when}: a kept cache differs from a new one: {}\n{}\n{}",
            path.display(),
            String::from_utf8_lossy(a),
            String::from_utf8_lossy(b)
        );
    }
    assert_eq!(now.len(), kept.len());
}

/// Each cache file's path and text, by path.
fn cache_texts(office: &Office) -> Vec<(PathBuf, Vec<u8>)> {
    let mut texts: Vec<_> = caches(office)
        .into_iter()
        .map(|p| (p.clone(), std::fs::read(p).unwrap()))
        .collect();
    texts.sort();
    texts
}

fn office_with_history() -> (Office, Vec<String>) {
    let office = Office::example();
    office.import_assets(ASSETS);
    let mut ids = Vec::new();
    for _ in 0..4 {
        ids.push(office.new_request("putri", "email", EMAIL));
    }
    office.sop("putri", &["advance", &ids[0]]).success();
    office.sop("putri", &["advance", &ids[1]]).success();
    office.sop("dewi", &["advance", &ids[1]]).success();
    office
        .sop("putri", &["cancel", &ids[3], "--reason", "salah ketik"])
        .success();
    // Changes that leave a request where it is: a comment, an assignment, a hold and a
    // resume, and a request for an outside requester.
    office
        .sop("dimas", &["comment", &ids[3], "sudah ditelepon"])
        .success();
    office.sop("sri", &["assign", &ids[1], "hendra"]).success();
    office
        .sop("dewi", &["hold", &ids[0], "--reason", "menunggu anggaran"])
        .success();
    office.wait(chrono::Duration::hours(2));
    office.sop("dewi", &["resume", &ids[0]]).success();
    office
        .sop("dewi", &["hold", &ids[0], "--reason", "menunggu lagi"])
        .success();
    let mut outside = vec!["new", "email", "--for", "Bu Siti <0812>"];
    for f in EMAIL {
        outside.extend(["--field", f]);
    }
    office.sop("rizky", &outside).success();
    (office, ids)
}

#[test]
fn every_reading_is_what_a_cold_run_gives() {
    let (office, ids) = office_with_history();
    let first = readings(&office);
    assert!(first[2].contains("held: menunggu lagi"), "{}", first[2]);
    assert!(first[3].contains("\x1b[33m"), "coloured: {}", first[3]);
    assert_eq!(
        regex::Regex::new("\x1b\\[[0-9;]*m")
            .unwrap()
            .replace_all(&first[3], "")
            .replace("always", ""),
        first[2].replace("[\"list\"]", "[\"--color\", \"\", \"list\"]")
    );
    assert!(first[6].contains(&ids[3]) && first[7].contains(&ids[1]));
    assert!(first[8].contains("Bu Siti"), "{}", first[8]);
    assert!(
        first[13].contains("5 permintaan ditangani"),
        "{}",
        first[13]
    );
    assert_cache_invisible(&office, "after sop's changes");

    // A change by sop after the caches were made: only that file is read again.
    office.sop("putri", &["advance", &ids[2]]).success();
    assert_cache_invisible(&office, "after one more change");

    // A record changed and committed by hand, behind sop's back.
    readings(&office);
    let file = office.request_file(&ids[0]);
    let rel = file.strip_prefix(&office.root).unwrap().to_owned();
    office.edit(&rel, "title = \"", "title = \"Diubah tangan: ");
    office.git(&["commit", "-qam", "a hand edit"]);
    assert!(readings(&office)[0].contains("Diubah tangan"));
    assert_cache_invisible(&office, "after a plain git commit");

    // Back to an older commit: the caches were stamped with a newer tree.
    readings(&office);
    office.git(&["reset", "-q", "--hard", "HEAD~3"]);
    assert_cache_invisible(&office, "after git reset --hard");

    // A record deleted and a file sop cannot read, committed by hand.
    readings(&office);
    office.git(&["rm", "-q", office.request_file(&ids[1]).to_str().unwrap()]);
    std::fs::write(office.path("requests/EML/zz.toml"), "not = [toml").unwrap();
    office.git(&["add", "-A"]);
    office.git(&["commit", "-qm", "a removal and a broken file"]);
    assert_cache_invisible(&office, "after a removal and an unreadable file");
}

/// A reading without its cache takes a record from the work tree only where the file there
/// is exactly the committed one (its bytes hashed as git hashes a blob), and the object store
/// otherwise: an uncommitted hand edit, a file swapped for a link to another record or for a
/// named pipe, or one deleted, changes no output, and no reading waits on the pipe.
#[test]
fn a_cold_reading_takes_from_the_work_tree_only_what_is_committed() {
    let (office, ids) = office_with_history();
    let committed = readings(&office);
    let file = |i: usize| office.request_file(&ids[i]);
    let rel = file(0).strip_prefix(&office.root).unwrap().to_owned();
    office.edit(&rel, "title = \"", "title = \"Belum dicommit: ");
    std::fs::remove_file(file(1)).unwrap();
    std::os::unix::fs::symlink(file(0), file(1)).unwrap();
    std::fs::remove_file(file(2)).unwrap();
    let fifo = std::process::Command::new("mkfifo")
        .arg(file(2))
        .status()
        .unwrap();
    assert!(fifo.success());
    std::fs::remove_file(file(3)).unwrap();
    forget_caches(&office);
    let mut list = assert_cmd::Command::from_std(office.sop_cmd());
    list.args(["--as", "rizky", "list"])
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .success();
    forget_caches(&office);
    let cold = readings(&office);
    assert!(!cold[0].contains("Belum dicommit"), "{}", cold[0]);
    assert_eq!(
        cold, committed,
        "a cold reading read the work tree's changes"
    );

    // Staged, not committed: git's index (where a cold reading finds HEAD's files while its
    // cached trees say it holds HEAD's) now holds the edit, with the work tree's file.
    office.git(&["add", rel.to_str().unwrap()]);
    forget_caches(&office);
    assert_eq!(
        readings(&office),
        committed,
        "a cold reading read what is staged"
    );
}

/// `sop list` keeps its table ready with the time each request is overdue from — the plain
/// table a pipe gets laid out (`sop-cache-list.txt`), the rows for a terminal
/// (`sop-cache-list.tsv`): a later run with nothing committed since marks what is overdue by
/// its own time, as a run with no cache does.
#[test]
fn kept_tables_are_judged_overdue_at_the_time_of_the_run() {
    let (office, _) = office_with_history();
    for (terminal, kept) in [
        (None, "sop-cache-list.txt"),
        (Some("200"), "sop-cache-list.tsv"),
    ] {
        let list_at = |when: &str| {
            let mut sop = office.sop_cmd();
            if let Some(width) = terminal {
                sop.env("SOP_TERMINAL_WIDTH", width);
            }
            let out = sop
                .env("SOP_NOW", when)
                .args(["--as", "rizky", "--color", "never", "list"])
                .output()
                .unwrap();
            assert!(out.status.success(), "{out:?}");
            String::from_utf8(out.stdout).unwrap()
        };
        let early = list_at(NOW);
        assert!(office.path(&format!(".git/{kept}")).exists(), "{kept}");
        let late = list_at("2027-06-01T09:00:00+07:00");
        forget_caches(&office);
        assert_eq!(late, list_at("2027-06-01T09:00:00+07:00"), "{kept}");
        assert_eq!(early, list_at(NOW), "{kept}");
        let marks = |text: &str| text.matches(" !").count();
        assert!(marks(&late) > marks(&early), "{early}\n{late}");
    }
}

#[test]
fn a_pull_that_brings_records_is_read() {
    let (a, _) = office_with_history();
    let server = tempfile::tempdir().unwrap();
    let remote = server.path().join("records.git");
    let remote = remote.to_str().unwrap();
    a.git(&["init", "-q", "--bare", "-b", "main", remote]);
    a.git(&["remote", "add", "origin", remote]);
    a.git(&["push", "-q", "-u", "origin", "HEAD:main"]);
    let b = Office::empty();
    b.git_in(
        b.root.parent().unwrap(),
        &["clone", "-q", remote, b.root.to_str().unwrap()],
    );
    readings(&b);
    let id = a.new_request("putri", "email", EMAIL);
    a.git(&["push", "-q", "origin", "HEAD:main"]);
    b.git(&["pull", "-q", "--ff-only"]);
    assert!(
        readings(&b)[0].contains(&id),
        "the pulled request is listed"
    );
    assert_cache_invisible(&b, "after git pull");
}

/// A pull that changes more folders than a diff reads through libgit2 (sop's own pack
/// reader reads the rest: git/history.rs, `FEW_TREES`), the pulled objects kept as a pack:
/// every reading is still what a cold run gives.
#[test]
fn a_pull_that_changes_hundreds_of_folders_is_read() {
    let (a, _) = office_with_history();
    let server = tempfile::tempdir().unwrap();
    let remote = server.path().join("records.git");
    let remote = remote.to_str().unwrap();
    a.git(&["init", "-q", "--bare", "-b", "main", remote]);
    a.git(&["remote", "add", "origin", remote]);
    a.git(&["push", "-q", "-u", "origin", "HEAD:main"]);
    let b = Office::empty();
    b.git_in(
        b.root.parent().unwrap(),
        &["clone", "-q", remote, b.root.to_str().unwrap()],
    );
    readings(&b);
    let mut csv = String::from("kind,name,serial,location\n");
    for i in 0..400 {
        csv += &format!("hardware,PC {i},SN-BULK-{i:04},Ruang {}\n", i % 7);
    }
    a.import_assets(&csv);
    a.git(&["push", "-q", "origin", "HEAD:main"]);
    let packs = |office: &Office| {
        let counted = office.git(&["count-objects", "-v"]);
        let line = counted.lines().find_map(|l| l.strip_prefix("packs: "));
        line.unwrap().parse::<u32>().unwrap()
    };
    let before = packs(&b);
    b.git(&["pull", "-q", "--ff-only"]);
    let folders = b.git(&["ls-tree", "-d", "HEAD", "assets/"]).lines().count();
    assert!(folders > 200, "{folders} asset folders");
    assert_eq!(
        packs(&b),
        before + 1,
        "the pulled objects are kept as a pack"
    );
    assert!(
        readings(&b)[11].contains("SN-BULK-0399"),
        "the pulled assets are listed"
    );
    assert_cache_invisible(&b, "after a pull of 400 assets");
}

#[test]
fn a_damaged_or_foreign_cache_is_rebuilt() {
    let (office, _) = office_with_history();
    let cold = readings(&office);
    let a_blob = office
        .git(&["rev-parse", "HEAD:sop.toml"])
        .trim()
        .to_string();
    let damages: [(&str, Damage); 6] = [
        ("cut short", Box::new(cut_short)),
        (
            "another version",
            Box::new(|t| t.replacen(env!("CARGO_PKG_VERSION"), "0.0.0", 1)),
        ),
        // whole, but a value that does not decode (the list's rows: a line a cell short)
        ("a damaged line", Box::new(damage_a_line)),
        (
            "a stamp the repository lacks",
            Box::new(|t| restamp(t, &"1".repeat(40))),
        ),
        ("a stamp naming a file", Box::new(|t| restamp(t, &a_blob))),
        ("garbage", Box::new(|_| "\u{0}\u{1}not a cache".into())),
    ];
    for (what, damage) in damages {
        for cache in caches(&office) {
            let text = std::fs::read_to_string(&cache).unwrap();
            let damaged = damage(&text);
            assert_ne!(damaged, text, "{what}: the damage changed nothing");
            std::fs::write(&cache, damaged).unwrap();
        }
        assert_eq!(readings(&office), cold, "a cache {what}");
    }
}

/// What a test does to a cache's text.
type Damage<'a> = Box<dyn Fn(&str) -> String + 'a>;

/// A cache whole but for one line: a value that does not decode, or in the list's rows
/// (`sop-list-rows`) and plain table (`sop-list-plain`, after its widths) a line a part short.
fn damage_a_line(text: &str) -> String {
    if !text.starts_with("sop-list-") {
        return text.replacen("\t=", "\t?=", 1);
    }
    let (mut head, mut rest) = text.split_once('\n').unwrap();
    if text.starts_with("sop-list-plain") {
        let (widths, lines) = rest.split_once('\n').unwrap();
        (head, rest) = (&text[..head.len() + 1 + widths.len()], lines);
    }
    format!("{head}\n{}", rest.replacen('\t', "", 1))
}

/// The cache with another stamp on its first line.
fn restamp(text: &str, stamp: &str) -> String {
    let (head, rest) = text.split_once('\n').unwrap();
    let (magic, _) = head.rsplit_once(' ').unwrap();
    format!("{magic} {stamp}\n{rest}")
}

fn cut_short(text: &str) -> String {
    text[..text.len() * 2 / 3].to_string()
}

/// A cache stamped with HEAD's tree is used as it is, and after a change only the changed
/// files are read again: a value planted in the cache for an untouched request survives a
/// change to another one. (This is why a warm `list` costs what changed, not what the
/// repository holds; the other tests show the cache never disagrees with the records.)
#[test]
fn a_stamped_cache_is_trusted_and_updated_by_what_changed() {
    let (office, ids) = office_with_history();
    readings(&office);
    let cache = office.path(".git/sop-cache-requests.tsv");
    let text = std::fs::read_to_string(&cache).unwrap();
    let line = text.lines().find(|l| l.contains(&ids[0])).unwrap();
    let planted = line.replace("Permintaan", "PLANTED");
    assert_ne!(line, planted, "the title is in the cache line: {line}");
    std::fs::write(&cache, text.replace(line, &planted)).unwrap();
    office.sop("putri", &["advance", &ids[2]]).success();
    let list = &readings(&office)[0];
    assert!(list.contains("PLANTED"), "{list}");
}

/// What completions leave in the caches (they patch the cache text without decoding it,
/// `TreeCache::head_text`) is what every reading would have written: after sop's changes, a
/// plain commit, a reset and a removal, a completion first, then the readings agree with a
/// cold run.
#[test]
fn caches_patched_by_completions_are_invisible() {
    let (office, ids) = office_with_history();
    let complete = |office: &Office| {
        for words in [&["show", ""][..], &["asset", "show", ""]] {
            let out = office
                .sop_cmd()
                .env("COMPLETE", "fish")
                .args(["--", "sop"])
                .args(words)
                .output()
                .unwrap();
            assert!(out.status.success() && out.stderr.is_empty(), "{out:?}");
        }
    };
    complete(&office);
    assert_cache_invisible(&office, "a completion made the caches");

    office.sop("putri", &["advance", &ids[2]]).success();
    office.import_assets("kind,name,serial\nsoftware,LibreOffice,SN-3\n");
    complete(&office);
    assert_cache_invisible(&office, "a completion after sop's changes");

    readings(&office);
    let file = office.request_file(&ids[0]);
    let rel = file.strip_prefix(&office.root).unwrap().to_owned();
    office.edit(&rel, "title = \"", "title = \"Diubah tangan: ");
    office.git(&["commit", "-qam", "a hand edit"]);
    complete(&office);
    assert_cache_invisible(&office, "a completion after a plain git commit");

    readings(&office);
    office.git(&["reset", "-q", "--hard", "HEAD~3"]);
    complete(&office);
    assert_cache_invisible(&office, "a completion after git reset --hard");

    readings(&office);
    office.git(&["rm", "-q", office.request_file(&ids[1]).to_str().unwrap()]);
    std::fs::write(office.path("requests/EML/zz.toml"), "not = [toml").unwrap();
    office.git(&["add", "-A"]);
    office.git(&["commit", "-qm", "a removal and a broken file"]);
    complete(&office);
    assert_cache_invisible(
        &office,
        "a completion after a removal and an unreadable file",
    );
}

/// The first `sop list` piped after a change: the plain table kept for the tree before it is
/// brought up to date by what changed when only request files did (the rows of the requests
/// that changed laid out again with the widths kept, put in their places), and laid out anew
/// from every request when anything else changed, or when a column would get wider or
/// narrower. Either way it prints what a cold run prints, and keeps what a cold run keeps,
/// byte for byte.
#[test]
fn a_kept_plain_table_is_patched_by_what_changed() {
    let (office, ids) = office_with_history();
    let list = plain_list;
    let kept = office.path(".git/sop-cache-list.txt");
    // The header line of the kept table is marked (`ID`, not `id`): a table patched copies
    // it as it is, a table laid out anew does not.
    let mark = |office: &Office| {
        list(office);
        let text = std::fs::read_to_string(&kept).unwrap();
        let marked = text.replacen("\t\tid  ", "\t\tID  ", 1);
        assert_ne!(text, marked, "the header line: {text}");
        std::fs::write(&kept, marked).unwrap();
    };
    let check = |office: &Office, when: &str, patched: bool| {
        let out = list(office);
        let was_patched = out.starts_with("ID  ");
        let out = out.replacen("ID  ", "id  ", 1);
        let text = std::fs::read_to_string(&kept)
            .unwrap()
            .replacen("\t\tID  ", "\t\tid  ", 1);
        forget_caches(office);
        assert_eq!(list(office), out, "{when}: a cold run prints otherwise");
        assert!(
            std::fs::read_to_string(&kept).unwrap() == text,
            "{when}: a cold run keeps another table"
        );
        assert_eq!(was_patched, patched, "{when}: patched or not\n{out}");
        mark(office);
    };
    let new_at = |at: &str, title: Option<&str>| {
        let mut args = vec!["new", "email"];
        for f in EMAIL {
            args.extend(["--field", f]);
        }
        args.extend(title.map(|t| ["--title", t]).into_iter().flatten());
        office.sop_at("putri", &args, at).trim().to_string()
    };
    mark(&office);

    office
        .sop("dimas", &["comment", &ids[2], "sudah dicek"])
        .success();
    check(&office, "a comment", true);
    office.sop("putri", &["advance", &ids[2]]).success();
    check(&office, "an advance", true);
    office.new_request("putri", "email", EMAIL);
    check(&office, "a new request, listed first", true);
    new_at("2026-11-23T09:04:30+07:00", None);
    check(&office, "a new request among the others", true);
    // Made the same second as another: placed by its id.
    new_at("2026-11-23T09:04:00+07:00", None);
    check(&office, "a new request made with another", true);
    new_at("2026-11-01T08:00:00+07:00", None);
    check(&office, "a new request, listed last", true);

    // A title wider than any: the column widens, and every line with it.
    let wide = new_at(
        "2026-11-23T09:05:30+07:00",
        Some("Akun email untuk seluruh staf bidang infrastruktur"),
    );
    check(&office, "a request whose title widens its column", false);
    let file = office.request_file(&ids[0]);
    let rel = file.strip_prefix(&office.root).unwrap().to_owned();
    office.edit(&rel, "title = \"", "title = \"Diubah tangan: ");
    office.git(&["commit", "-qam", "a hand edit"]);
    check(&office, "a plain git commit editing a record", true);
    office.git(&["reset", "-q", "--hard", "HEAD~1"]);
    check(&office, "git reset --hard to the commit before", true);
    // The widest title made short: the column narrows; and back.
    office
        .sop("putri", &["edit", &wide, "--title", "x"])
        .success();
    check(&office, "the widest title made short", false);
    office.git(&["reset", "-q", "--hard", "HEAD~1"]);
    check(&office, "git reset --hard to the widest title", false);
    office.git(&["rm", "-q", office.request_file(&ids[3]).to_str().unwrap()]);
    office.git(&["commit", "-qm", "a removal"]);
    check(&office, "a request removed by hand", true);

    // Rules: what any row shows may change.
    office.edit("people.toml", "Rizky Ramadhan", "Rizky R.");
    office.git(&["commit", "-qam", "a name"]);
    check(&office, "a person's name changed", false);
    office.edit(
        "procedures/email.toml",
        "role = \"staf-ti\"",
        "role = \"helpdesk\"",
    );
    office.git(&["commit", "-qam", "another role"]);
    check(&office, "a procedure's step given to another role", false);
}

/// A plain table kept for an earlier tree that is damaged is not patched: the table is laid
/// out anew from every request, as a cold run does.
#[test]
fn a_damaged_plain_table_is_laid_out_anew_not_patched() {
    let (office, ids) = office_with_history();
    let list = plain_list;
    let kept = office.path(".git/sop-cache-list.txt");
    let widths = |t: &str, f: &dyn Fn(&str) -> String| {
        let mut lines: Vec<String> = t.split_inclusive('\n').map(String::from).collect();
        lines[1] = f(&lines[1]);
        lines.concat()
    };
    // The request changed each time, whose line the patch takes out.
    let changed = &ids[1];
    let damages: [(&str, Damage); 7] = [
        ("cut short", Box::new(cut_short)),
        ("a line a part short", Box::new(damage_a_line)),
        (
            "the changed row's line laid out otherwise",
            Box::new(|t| {
                let line = t.lines().find(|l| l.contains(changed.as_str())).unwrap();
                t.replacen(line, &line.replacen("  email  ", " email   ", 1), 1)
            }),
        ),
        (
            "widths a column short",
            Box::new(move |t| widths(t, &|l| l.replacen('\t', "", 1))),
        ),
        (
            "widths that do not read",
            Box::new(move |t| widths(t, &|l| l.replacen('/', "x", 1))),
        ),
        (
            "another version",
            Box::new(|t| t.replacen(env!("CARGO_PKG_VERSION"), "0.0.0", 1)),
        ),
        ("garbage", Box::new(|_| "\u{0}\u{1}not a cache".into())),
    ];
    for (what, damage) in &damages {
        list(&office);
        let text = std::fs::read_to_string(&kept).unwrap();
        let damaged = damage(&text);
        assert_ne!(damaged, text, "{what}: the damage changed nothing");
        std::fs::write(&kept, damaged).unwrap();
        office
            .sop("dimas", &["comment", changed, "dicek lagi"])
            .success();
        let out = list(&office);
        forget_caches(&office);
        assert_eq!(list(&office), out, "a plain table {what}");
    }
}

/// A listing that patches its kept table does not read the requests' cache, which would fall
/// behind; once that cache is more than 250 files behind (half what a completion reads), the
/// table is laid out anew from every request, which brings it up to date, so completions keep
/// offering the ids of new requests.
#[test]
fn a_patched_listing_keeps_the_requests_cache_within_reach_of_completions() {
    let (office, ids) = office_with_history();
    let list = |office: &Office| {
        let out = office
            .sop_cmd()
            .args(["--as", "rizky", "list"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let stamp = |office: &Office| {
        let text = office.read(".git/sop-cache-requests.tsv");
        text.lines()
            .next()
            .unwrap()
            .rsplit(' ')
            .next()
            .unwrap()
            .to_string()
    };
    let requests = |office: &Office| {
        office
            .git(&["rev-parse", "HEAD:requests"])
            .trim()
            .to_string()
    };
    let model = office.read(
        office
            .request_file(&ids[2])
            .strip_prefix(&office.root)
            .unwrap(),
    );
    // Requests committed by hand, as a pull would bring them.
    let add = |office: &Office, from: usize, to: usize| {
        std::fs::create_dir_all(office.path("requests/EML/ZZ")).unwrap();
        for i in from..to {
            let id = format!("EML-ZZ{i:04}");
            let file = office.path(&format!("requests/EML/ZZ/{id}.toml"));
            std::fs::write(file, model.replace(ids[2].as_str(), &id)).unwrap();
        }
        office.git(&["add", "-A"]);
        office.git(&["commit", "-qm", "requests by hand"]);
    };
    list(&office);
    let before = stamp(&office);
    add(&office, 0, 200);
    assert!(list(&office).contains("EML-ZZ0199"));
    assert_eq!(
        stamp(&office),
        before,
        "200 behind: left for the next reading"
    );
    add(&office, 200, 300);
    assert!(list(&office).contains("EML-ZZ0299"));
    assert_eq!(
        stamp(&office),
        requests(&office),
        "300 behind: brought up to date"
    );
    let out = office
        .sop_cmd()
        .env("COMPLETE", "fish")
        .args(["--", "sop", "show", "EML-ZZ02"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("EML-ZZ0299"),
        "{out:?}"
    );
}
