//! `sop site` (issue 12, item 5): the published catalogue. Every link of every page resolves
//! to a file of the site; a second run rewrites nothing, and after one `sop advance` only the
//! pages that changed; user text is escaped; the folder is checked before anything is
//! written; headless Chromium opens the catalogue and an SOP page without console errors and
//! prints them to PDF.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::support::Office;

const RIZKY: (&str, &str) = ("Rizky Ramadhan", "rizky@diskominfo.example.go.id");

/// A helpdesk SOP that calls the email SOP, so that requests link to each other.
const BANTUAN: &str = r#"
id = "bantuan"
prefix = "BTU"
name = "Bantuan TIK"
version = 1

[[fields]]
name = "nama"
required = true

[[fields]]
name = "email"
type = "email"
required = true

[[steps]]
id = "lapor"
number = 1
activity = "Melaporkan gangguan"
role = "pemohon"

[[steps]]
id = "minta-email"
number = 2
activity = "Permintaan email dinas"
kind = "call"
call = "email"
with = { nama_lengkap = "{nama}", email_diminta = "{email}" }
outcomes = { completed = "selesai", rejected = "selesai", cancelled = "selesai" }

[[steps]]
id = "selesai"
number = 3
activity = "Selesai"
kind = "end"
"#;

/// The example office with the bantuan SOP, and requests in many states: one completed with
/// an attached file, one rejected back and waiting, one held, one for an outside requester,
/// one whose call step started an email request, and a title that tries to inject a script.
/// Every change at a fixed time of 24 November 2026.
struct Walked {
    office: Office,
    /// A request waiting at the approval of the email SOP.
    waiting: String,
    /// The request whose title holds `<script>`.
    injected: String,
    /// The bantuan request and the email request its call step started.
    parent: String,
    child: String,
}

fn at(hour: u32, minute: u32) -> String {
    format!("2026-11-24T{hour:02}:{minute:02}:00+07:00")
}

fn new_at(office: &Office, who: &str, args: &[&str], time: &str) -> String {
    let mut all = args.to_vec();
    all.extend(["--format", "id"]);
    office.sop_at(who, &all, time).trim().to_string()
}

fn walked() -> Walked {
    let office = Office::example();
    std::fs::write(office.path("procedures/bantuan.toml"), BANTUAN).unwrap();
    office.git(&["add", "procedures/bantuan.toml"]);
    office.git_as(RIZKY.0, RIZKY.1, &["commit", "-qm", "bantuan"]);
    let email = |who: &str, name: &str, time: &str| {
        new_at(
            &office,
            who,
            &[
                "new",
                "email",
                "--field",
                &format!("nama_lengkap={name}"),
                "--field",
                &format!("email_diminta={who}@kota.go.id"),
            ],
            time,
        )
    };
    // Completed, with a file attached on the way.
    let done = email("putri", "Putri Handayani", &at(8, 0));
    let form = office.input_file(
        "fpe-putri.pdf",
        b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n<<>>\nendobj\n%%EOF\n",
    );
    let attach = format!("--attach={}", form.display());
    office.sop_at("putri", &["advance", &done, &attach], &at(8, 1));
    office.sop_at("dewi", &["advance", &done], &at(8, 2));
    office.sop_at("sri", &["approve", &done, "--note", "lengkap"], &at(8, 3));
    office.sop_at("budi", &["advance", &done], &at(8, 4));
    // Rejected back once, waiting at the approval again.
    let waiting = email("dimas", "Dimas Saputra", &at(8, 10));
    office.sop_at("dimas", &["advance", &waiting], &at(8, 11));
    office.sop_at("dewi", &["advance", &waiting], &at(8, 12));
    office.sop_at(
        "sri",
        &["reject", &waiting, "--reason", "NIP <b>belum</b> diisi"],
        &at(8, 13),
    );
    office.sop_at("dimas", &["advance", &waiting], &at(8, 14));
    office.sop_at("dewi", &["advance", &waiting], &at(8, 15));
    // A title and a field that try to inject markup.
    let injected = new_at(
        &office,
        "putri",
        &[
            "new",
            "email",
            "--title",
            "Akun <script>alert('x')</script> & \"kutip\"",
            "--field",
            "nama_lengkap=\"><img src=x onerror=alert(1)>",
            "--field",
            "email_diminta=putri2@kota.go.id",
        ],
        &at(8, 20),
    );
    // Held while it waits on something outside the office.
    let held = email("dimas", "Dimas", &at(8, 30));
    office.sop_at(
        "dimas",
        &["hold", &held, "--reason", "menunggu surat tugas"],
        &at(8, 31),
    );
    // For an outside requester, cancelled.
    let outside = new_at(
        &office,
        "fajar",
        &[
            "new",
            "video-conference",
            "--for",
            "Bu Siti Aminah <0812-555-0101>",
            "--field",
            "acara=Rapat koordinasi",
            "--field",
            "tanggal=2026-12-01",
        ],
        &at(8, 40),
    );
    office.sop_at(
        "rizky",
        &["cancel", &outside, "--reason", "acara diundur"],
        &at(8, 41),
    );
    // A call step: the bantuan request starts an email request.
    let parent = new_at(
        &office,
        "putri",
        &[
            "new",
            "bantuan",
            "--field",
            "nama=Putri",
            "--field",
            "email=putri3@kota.go.id",
        ],
        &at(8, 50),
    );
    office.sop_at("putri", &["advance", &parent], &at(8, 51));
    let shown = office.json("putri", &["show", &parent]);
    let child = shown["children"][0].as_str().unwrap().to_string();
    Walked {
        office,
        waiting,
        injected,
        parent,
        child,
    }
}

/// `sop site --output DIR --format json` at `time`, which must succeed: its report.
fn site(office: &Office, dir: &Path, time: &str) -> serde_json::Value {
    let out = office.sop_at(
        "rizky",
        &[
            "site",
            "--output",
            dir.to_str().unwrap(),
            "--format",
            "json",
        ],
        time,
    );
    serde_json::from_str(&out).unwrap()
}

/// Every file of the site (but the lock) with its inode and modification time: a file
/// written again through a temporary file and a rename has another inode.
fn stamps(dir: &Path) -> BTreeMap<String, (u64, std::time::SystemTime)> {
    use std::os::unix::fs::MetadataExt as _;
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
            let meta = e.metadata().unwrap();
            (rel, (meta.ino(), meta.modified().unwrap()))
        })
        .filter(|(rel, _)| rel != ".sop-site.lock")
        .collect()
}

/// The files whose stamp differs between two readings (or that only one has).
fn changed(
    before: &BTreeMap<String, (u64, std::time::SystemTime)>,
    after: &BTreeMap<String, (u64, std::time::SystemTime)>,
) -> BTreeSet<String> {
    before
        .keys()
        .chain(after.keys())
        .filter(|k| before.get(*k) != after.get(*k))
        .cloned()
        .collect()
}

/// `a/b/../c` → `a/c`, without touching the disk.
fn normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Every `href` and `src` of every page, and every `url()` of the stylesheet, checked: a
/// relative link to a file of the site (a fragment to an `id` there). Returns how many.
fn check_links(dir: &Path) -> usize {
    let attr = regex::Regex::new(r#"\b(href|src)\s*=\s*"([^"]*)""#).unwrap();
    let url = regex::Regex::new(r"url\(([^)]*)\)").unwrap();
    let mut checked = 0;
    let mut problems = Vec::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        let path = entry.path();
        let targets: Vec<String> = match path.extension().and_then(|e| e.to_str()) {
            Some("html") => {
                let text = std::fs::read_to_string(path).unwrap();
                assert!(!text.contains("<script"), "{}: a script", path.display());
                attr.captures_iter(&text)
                    .map(|c| c[2].to_string())
                    .collect()
            }
            Some("css") => {
                let text = std::fs::read_to_string(path).unwrap();
                url.captures_iter(&text)
                    .map(|c| c[1].trim_matches(['"', '\'']).to_string())
                    .collect()
            }
            _ => continue,
        };
        for target in targets {
            checked += 1;
            let shown = format!("{} → {target}", path.display());
            if target.contains(':') || target.starts_with('/') || target.is_empty() {
                problems.push(format!("{shown}: not a relative link"));
                continue;
            }
            let (file, fragment) = target.split_once('#').unwrap_or((&target, ""));
            let resolved = normal(&path.parent().unwrap().join(file));
            if !resolved.starts_with(dir) || !resolved.is_file() {
                problems.push(format!("{shown}: no such file in the site"));
                continue;
            }
            if !fragment.is_empty() {
                let text = std::fs::read_to_string(&resolved).unwrap();
                if !text.contains(&format!("id=\"{fragment}\"")) {
                    problems.push(format!("{shown}: no id {fragment}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    checked
}

fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn page_of(id: &str) -> String {
    let (prefix, rest) = id.split_once('-').unwrap();
    format!("permintaan/{prefix}/{}/{id}.html", &rest[..2])
}

#[test]
fn every_link_resolves_and_a_second_run_rewrites_nothing() {
    let w = walked();
    let office = &w.office;
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("situs");
    let before = office.snapshot();
    let report = site(office, &dir, &at(9, 0));
    assert_eq!(
        office.snapshot(),
        before,
        "the records are left as they were"
    );
    let requests = office.json("rizky", &["list"]).as_array().unwrap().len();
    assert_eq!(report["requests"], requests as u64);
    assert_eq!(report["procedures"], 11);
    assert_eq!(report["commit"], office.head());
    assert_eq!(report["removed"], 0);
    assert_eq!(report["unchanged"], 0);
    assert_eq!(report["written"], report["files"]);
    // index, stylesheet, two fonts; 11 procedure pages and 11 documents; a month page for
    // each procedure with requests; a page per request.
    assert_eq!(report["files"], (4 + 11 + 11 + 3 + requests) as u64);
    assert!(check_links(&dir) > 100);

    // The catalogue names each procedure with its figures and its judgement.
    let index = read(&dir, "index.html");
    assert!(index.contains("<a href=\"prosedur/email.html\">Permintaan Email</a>"));
    assert!(index.contains("<a href=\"prosedur/email/dokumen.html\">Dokumen SOP</a>"));
    assert!(index.contains("prosedur/email.html#permintaan"));
    assert!(index.contains(&format!("commit {}", office.head())));
    // Its figures are those of `sop list` and its judgement that of `sop report --monitoring`,
    // read at the same moment.
    let count = |args: &[&str]| {
        let mut all = vec!["list", "--procedure", "email", "--format", "id"];
        all.extend(args);
        office.sop_at("rizky", &all, &at(9, 0)).lines().count()
    };
    let (open, overdue) = (count(&["--status", "open"]), count(&["--overdue"]));
    assert!(open > 0 && overdue > 0);
    let monitoring = office.sop_at(
        "rizky",
        &[
            "report",
            "--monitoring",
            "--procedure",
            "email",
            "--format",
            "json",
        ],
        &at(9, 0),
    );
    let monitoring: serde_json::Value = serde_json::from_str(&monitoring).unwrap();
    let penilaian = monitoring["procedures"][0]["penilaian"].as_str().unwrap();
    let row = index
        .lines()
        .find(|l| l.contains("prosedur/email.html\">"))
        .unwrap();
    let cells: Vec<&str> = row.split("<td").collect();
    assert!(cells[4].ends_with(&format!(">{open}</td>")), "{row}");
    assert!(cells[6].contains(&format!(">{overdue}</span>")), "{row}");
    assert!(cells[7].contains(&format!(">{penilaian}</span>")), "{row}");
    // A procedure's page: document, figures, monitoring, flow, open requests, months.
    let email = read(&dir, "prosedur/email.html");
    for text in [
        "Dokumen SOP",
        "Angka per 24 November 2026",
        "Monitoring pelaksanaan",
        "<svg",
        "Permintaan diproses",
        "November 2026",
        &w.waiting,
    ] {
        assert!(email.contains(text), "prosedur/email.html lacks {text}");
    }
    assert!(
        read(&dir, "prosedur/email/dokumen.html")
            .matches("class=\"lembar\"")
            .count()
            >= 2
    );
    // A request's page: state, fields, attached files listed (not copied), history with
    // names, the flow with its path.
    let completed = office.json("rizky", &["list", "--status", "completed"]);
    let done_page = read(&dir, &page_of(completed[0]["id"].as_str().unwrap()));
    for text in [
        "selesai",
        "fpe-putri.pdf",
        "application/pdf",
        "Putri Handayani",
        "Dewi Lestari",
        "disetujui",
        "lengkap",
        "class=\"symbol trail\"",
    ] {
        assert!(
            done_page.contains(text),
            "the completed request's page lacks {text}"
        );
    }
    let copies = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter(|e| e.as_ref().unwrap().file_name() == "fpe-putri.pdf")
        .count();
    assert_eq!(copies, 0, "attached files are listed, not copied");
    let waiting = read(&dir, &page_of(&w.waiting));
    assert!(waiting.contains("NIP &lt;b&gt;belum&lt;/b&gt; diisi"));
    assert!(waiting.contains("class=\"symbol here\""));
    // The call step's requests link to each other.
    let parent = read(&dir, &page_of(&w.parent));
    assert!(parent.contains(&format!("{}\">{}</a>", page_of(&w.child), w.child)));
    let child = read(&dir, &page_of(&w.child));
    assert!(child.contains(&format!("{}\">{}</a>", page_of(&w.parent), w.parent)));

    // Nothing changed: nothing is written, the clock moved or not.
    let stamped = stamps(&dir);
    let again = site(office, &dir, &at(9, 0));
    assert_eq!(again["written"], 0, "{again}");
    assert_eq!(again["unchanged"], report["files"]);
    assert_eq!(
        changed(&stamped, &stamps(&dir)),
        [".sop-site.json".to_string()].into()
    );
    let out = office.sop_at(
        "rizky",
        &["site", "--output", dir.to_str().unwrap()],
        &at(9, 0),
    );
    assert!(
        out.starts_with(&format!(
            "wrote 0 file(s), {} unchanged, removed 0",
            report["files"]
        )),
        "{out}"
    );
}

#[test]
fn after_one_advance_only_its_pages_are_written_again() {
    let w = walked();
    let office = &w.office;
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("situs");
    site(office, &dir, &at(9, 0));
    let before = stamps(&dir);
    office.sop_at("hendra", &["approve", &w.waiting], &at(9, 0));
    let report = site(office, &dir, &at(9, 0));
    let expected: BTreeSet<String> = [
        page_of(&w.waiting),
        "index.html".into(),
        "prosedur/email.html".into(),
        "prosedur/email/2026-11.html".into(),
        ".sop-site.json".into(),
    ]
    .into();
    assert_eq!(changed(&before, &stamps(&dir)), expected);
    assert_eq!(report["written"], 4, "{report}");
    assert_eq!(report["removed"], 0);
    let page = read(&dir, &page_of(&w.waiting));
    assert!(
        page.contains("4. Membuat akun email"),
        "it stands at its new step"
    );
    check_links(&dir);

    // A stand-in added to people.toml changes no page but the catalogue's commit line; a
    // person's new name changes the pages that name them.
    let before = stamps(&dir);
    office.edit(
        "people.toml",
        "[[people]]\nid = \"rizky\"",
        "[[standins]]\nperson = \"wahyu\"\nrole = \"subkoor-kip\"\nfrom = 2026-11-01\nto = 2026-11-30\n\n[[people]]\nid = \"rizky\"",
    );
    office.git_as(
        RIZKY.0,
        RIZKY.1,
        &["commit", "-qam", "Plh subkoor-kip: wahyu"],
    );
    site(office, &dir, &at(9, 0));
    let written = changed(&before, &stamps(&dir));
    assert_eq!(
        written,
        ["index.html".to_string(), ".sop-site.json".into()].into()
    );
    let before = stamps(&dir);
    office.edit(
        "people.toml",
        "name = \"Dimas Saputra\"",
        "name = \"Dimas Saputra Wijaya\"",
    );
    office.git_as(RIZKY.0, RIZKY.1, &["commit", "-qam", "nama lengkap Dimas"]);
    let report = site(office, &dir, &at(9, 0));
    let written = changed(&before, &stamps(&dir));
    assert!(written.contains(&page_of(&w.waiting)), "{written:?}");
    assert!(!written.contains(&page_of(&w.parent)), "{written:?}");
    assert!(read(&dir, &page_of(&w.waiting)).contains("Dimas Saputra Wijaya"));
    assert_eq!(report["written"], written.len() - 1, "{report}");
}

#[test]
fn a_page_whose_step_falls_overdue_is_written_again_with_the_figures() {
    let w = walked();
    let office = &w.office;
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("situs");
    // The waiting request's approval is due 2 working minutes after 08:15.
    site(office, &dir, &at(8, 16));
    assert!(!read(&dir, &page_of(&w.waiting)).contains("terlambat</span>"));
    let before = stamps(&dir);
    site(office, &dir, &at(8, 18));
    let written = changed(&before, &stamps(&dir));
    assert!(written.contains(&page_of(&w.waiting)), "{written:?}");
    assert!(written.contains("index.html"));
    assert!(!written.contains(&page_of(&w.parent)), "{written:?}");
    assert!(read(&dir, &page_of(&w.waiting)).contains("terlambat</span>"));
}

#[test]
fn user_text_is_escaped_everywhere() {
    let w = walked();
    let office = &w.office;
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("situs");
    site(office, &dir, &at(9, 0));
    let page = read(&dir, &page_of(&w.injected));
    assert!(page.contains("Akun &lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;kutip&quot;"));
    assert!(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    for rel in ["prosedur/email.html", "prosedur/email/2026-11.html"] {
        assert!(read(&dir, rel).contains("Akun &lt;script&gt;"), "{rel}");
    }
    // No page holds the markup itself (check_links refuses any <script and an img src=x).
    check_links(&dir);
    for entry in walkdir::WalkDir::new(&dir) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "html") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            assert!(!text.contains("<img"), "{}", entry.path().display());
        }
    }
}

#[test]
fn pages_of_what_is_gone_are_removed_and_only_those() {
    let w = walked();
    let office = &w.office;
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("situs");
    site(office, &dir, &at(9, 0));
    // A file of the user's own in a folder of the site stays.
    std::fs::write(dir.join("prosedur/catatan.txt"), "milik saya").unwrap();
    office.git(&["rm", "-q", "procedures/evaluasi-aset.toml"]);
    office.git_as(RIZKY.0, RIZKY.1, &["commit", "-qm", "evaluasi dicabut"]);
    let report = site(office, &dir, &at(9, 0));
    assert_eq!(report["removed"], 2, "{report}");
    assert_eq!(report["procedures"], 10);
    assert!(!dir.join("prosedur/evaluasi-aset.html").exists());
    assert!(
        !dir.join("prosedur/evaluasi-aset").exists(),
        "its emptied folder too"
    );
    assert_eq!(read(&dir, "prosedur/catatan.txt"), "milik saya");
    check_links(&dir);

    // A request deleted by hand (sop verify reports it): its page goes, with its emptied
    // shard, and the page that linked to it names it without a link.
    let child = page_of(&w.child);
    let (prefix, rest) = w.child.split_once('-').unwrap();
    office.git(&[
        "rm",
        "-q",
        &format!("requests/{prefix}/{}/{}.toml", &rest[..2], w.child),
    ]);
    office.git_as(RIZKY.0, RIZKY.1, &["commit", "-qm", "hapus"]);
    let report = site(office, &dir, &at(9, 0));
    assert_eq!(report["removed"], 1, "{report}");
    assert!(!dir.join(&child).exists());
    assert!(
        !dir.join(&child).parent().unwrap().exists() || {
            // Another request may share the shard.
            std::fs::read_dir(dir.join(&child).parent().unwrap())
                .unwrap()
                .count()
                > 0
        }
    );
    let parent = read(&dir, &page_of(&w.parent));
    assert!(
        parent.contains(&w.child) && !parent.contains(&child),
        "{parent}"
    );
    check_links(&dir);

    // A procedure whose file is gone while requests name it keeps its page, says why it
    // cannot show the SOP, and loses its document; its requests keep their pages.
    office.git(&["rm", "-q", "procedures/bantuan.toml"]);
    office.git_as(RIZKY.0, RIZKY.1, &["commit", "-qm", "bantuan dicabut"]);
    let report = site(office, &dir, &at(9, 0));
    assert_eq!(report["removed"], 1, "{report}");
    assert!(!dir.join("prosedur/bantuan/dokumen.html").exists());
    assert!(read(&dir, "prosedur/bantuan.html").contains("tidak dapat ditampilkan"));
    assert!(!read(&dir, &page_of(&w.parent)).contains("<svg"));
    check_links(&dir);
}

#[test]
fn the_folder_is_checked_before_anything_is_written() {
    let w = walked();
    let office = &w.office;
    let out = tempfile::tempdir().unwrap();
    let refused = |dir: &Path, code: i32, says: &str| {
        let before = office.snapshot();
        let a = office
            .sop("rizky", &["site", "--output", dir.to_str().unwrap()])
            .code(code);
        let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
        assert!(err.contains(says), "{err}");
        assert!(err.contains("hint:"), "{err}");
        assert_eq!(office.snapshot(), before);
    };
    // Inside the records repository, not ignored by git: refused, nothing made.
    refused(&office.path("situs"), 3, "git does not ignore it");
    assert!(!office.path("situs").exists());
    refused(&office.path(".git/situs"), 3, "inside the git folder");
    // A folder with files sop did not write.
    let theirs = out.path().join("theirs");
    std::fs::create_dir(&theirs).unwrap();
    std::fs::write(theirs.join("index.html"), "milik orang lain").unwrap();
    refused(&theirs, 3, "holds files that sop did not write");
    assert_eq!(
        std::fs::read_to_string(theirs.join("index.html")).unwrap(),
        "milik orang lain"
    );
    assert_eq!(std::fs::read_dir(&theirs).unwrap().count(), 1);
    // A file.
    let file = office.input_file("situs.html", b"x");
    refused(&file, 3, "is not a folder");
    // A damaged manifest.
    let dir = out.path().join("situs");
    site(office, &dir, &at(9, 0));
    std::fs::write(
        dir.join(".sop-site.json"),
        r#"{"files":{"../../etc/passwd":{"hash":"0"}}}"#,
    )
    .unwrap();
    refused(&dir, 3, "damaged");
    // A manifest over its limit is not read.
    std::fs::File::create(dir.join(".sop-site.json"))
        .unwrap()
        .set_len(64 * 1024 * 1024 + 1)
        .unwrap();
    refused(&dir, 3, "over the limit of 64 MiB");
    // Another run holding the folder.
    std::fs::remove_file(dir.join(".sop-site.json")).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    site(office, &dir, &at(9, 0));
    let lock = std::fs::File::create(dir.join(".sop-site.lock")).unwrap();
    lock.lock().unwrap();
    refused(&dir, 5, "another `sop site` is writing");
    drop(lock);
    // Ignored by git, inside the repository: written, and git status stays clean.
    std::fs::write(office.path(".gitignore"), "/situs/\n").unwrap();
    office.git(&["add", ".gitignore"]);
    office.git_as(RIZKY.0, RIZKY.1, &["commit", "-qm", "situs diabaikan"]);
    let report = site(office, &office.path("situs"), &at(9, 0));
    assert!(report["written"].as_u64().unwrap() > 20);
    assert_eq!(office.status(), "");
    check_links(&office.path("situs"));
}

/// The Chromium program, if installed.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| ["chromium", "chromium-browser"].map(|n| d.join(n)))
        .find(|p| p.is_file())
}

/// Headless Chromium prints `page` of the site in `dir` to `pdf`: its stderr.
fn print(browser: &Path, dir: &Path, page: &str, pdf: &Path, profile: &Path) -> String {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", dir.join(page).display()))
        .env("HOME", profile)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap_or_default());
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium took over two minutes to print {page}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let log = reader.join().unwrap();
    assert!(status.success(), "chromium failed on {page}: {log}");
    log
}

#[test]
fn chromium_opens_and_prints_the_catalogue_and_an_sop_page() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true and chromium is not installed: install the Debian package chromium (.ci/run does)"
        );
        eprintln!("note: chromium is not installed; the headless print of the site is skipped");
        return;
    };
    let office = Office::example();
    let id = office.new_request(
        "putri",
        "email",
        &["nama_lengkap=Putri", "email_diminta=putri@kota.go.id"],
    );
    office.sop("putri", &["advance", &id]).success();
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("situs");
    site(&office, &dir, &office.now().to_rfc3339());
    for page in ["index.html", "prosedur/email.html"] {
        let pdf = out.path().join(format!("{}.pdf", page.replace('/', "_")));
        let log = print(&browser, &dir, page, &pdf, &out.path().join("profile"));
        let console: Vec<&str> = log.lines().filter(|l| l.contains("CONSOLE")).collect();
        assert!(console.is_empty(), "{page}: {console:#?}");
        let bytes = std::fs::read(&pdf).unwrap();
        assert!(
            bytes.starts_with(b"%PDF-") && bytes.len() > 10_000,
            "{page}: no PDF"
        );
    }
}

#[test]
fn a_request_file_sop_cannot_read_has_no_page_and_the_rest_is_written() {
    let office = Office::example();
    let good = office.new_request(
        "putri",
        "email",
        &["nama_lengkap=Putri", "email_diminta=putri@kota.go.id"],
    );
    let bad = office.new_request(
        "dimas",
        "email",
        &["nama_lengkap=Dimas", "email_diminta=dimas@kota.go.id"],
    );
    let file = office.request_file(&bad);
    std::fs::write(&file, "id = \"rusak\n").unwrap();
    office.git(&["commit", "-qam", "rusak"]);
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("situs");
    let a = office
        .sop("rizky", &["site", "--output", dir.to_str().unwrap()])
        .code(3);
    let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
    assert!(err.contains("warning: requests/EML/"), "{err}");
    assert!(err.contains("could not be read"), "{err}");
    assert!(dir.join(page_of(&good)).is_file());
    assert!(!dir.join(page_of(&bad)).exists());
    check_links(&dir);
}

#[test]
fn a_run_that_fails_part_way_leaves_a_folder_the_next_run_takes_up() {
    let office = Office::example();
    let first = office.new_request(
        "putri",
        "email",
        &["nama_lengkap=Putri", "email_diminta=putri@kota.go.id"],
    );
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("situs");
    let time = office.now().to_rfc3339();
    site(&office, &dir, &time);
    let second = office.new_request(
        "dimas",
        "email",
        &["nama_lengkap=Dimas", "email_diminta=dimas@kota.go.id"],
    );
    // A folder where the new request's page must go: the run fails writing it.
    let obstacle = dir.join(page_of(&second));
    std::fs::create_dir_all(obstacle.join("x")).unwrap();
    let run = |code: i32| {
        let out = office
            .sop_cmd()
            .env("SOP_NOW", &time)
            .args([
                "site",
                "--output",
                dir.to_str().unwrap(),
                "--format",
                "json",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{out:?}");
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (_, err) = run(1);
    assert!(
        err.contains(&format!("writing {}", obstacle.display())),
        "{err}"
    );
    std::fs::remove_dir_all(&obstacle).unwrap();
    // The files written before the failure are the site's: only the missing page is written.
    let (report, _) = run(0);
    let report: serde_json::Value = serde_json::from_str(&report).unwrap();
    assert_eq!(report["written"], 1, "{report}");
    assert!(dir.join(page_of(&second)).is_file());
    assert!(dir.join(page_of(&first)).is_file());
    check_links(&dir);
}
