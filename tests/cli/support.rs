//! The test harness: a temp records repo with a hermetic environment and a fixed clock that
//! advances one minute per command.

#![allow(dead_code)]

use std::cell::Cell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::assert::Assert;
use assert_cmd::prelude::*;
use chrono::{DateTime, Duration, FixedOffset};
use tempfile::TempDir;

/// The fields of an email account request (`new_request(who, "email", EMAIL)`).
pub const EMAIL: &[&str] = &["nama_lengkap=Putri", "email_diminta=putri@kota.go.id"];

pub struct Office {
    _dir: TempDir,
    pub root: PathBuf,
    pub home: PathBuf,
    clock: Cell<DateTime<FixedOffset>>,
}

/// What must not change when a command fails.
#[derive(Debug, PartialEq, Eq)]
pub struct Snapshot {
    head: String,
    index: Vec<u8>,
    status: String,
    files: Vec<(String, Vec<u8>)>,
}

impl Office {
    /// An empty temp folder with a hermetic HOME (no user git config).
    pub fn empty() -> Office {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("home");
        let root = dir.path().join("office");
        std::fs::create_dir_all(&home).unwrap();
        Office {
            _dir: dir,
            root,
            home,
            clock: Cell::new(DateTime::parse_from_rfc3339("2026-11-23T09:00:00+07:00").unwrap()),
        }
    }

    /// `sop init --example` in a fresh repository, its language English (`--language en`):
    /// the suite reads sop's English; tests/cli/language.rs reads the Indonesian.
    pub fn example() -> Office {
        let office = Office::empty();
        office
            .sop_cmd()
            .args(["init", "--example", "--language", "en"])
            .arg(&office.root)
            .assert()
            .success();
        office
    }

    /// `sop init --example --demo` in a fresh repository: the example office with a month of
    /// requests and assets up to the clock (Monday 2026-11-23 09:01).
    pub fn demo() -> Office {
        let office = Office::empty();
        office
            .sop_cmd()
            .args(["init", "--example", "--demo", "--language", "en"])
            .arg(&office.root)
            .assert()
            .success();
        office
    }

    pub fn now(&self) -> DateTime<FixedOffset> {
        self.clock.get()
    }

    /// Moves the clock on.
    pub fn wait(&self, d: Duration) {
        self.clock.set(self.clock.get() + d);
    }

    fn env(&self, cmd: &mut Command) {
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &self.home)
            .env("XDG_CONFIG_HOME", self.home.join(".config"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("NO_COLOR", "1")
            .env("LANG", "C");
    }

    /// The sop binary with the hermetic environment, run in the records directory.
    pub fn sop_cmd(&self) -> Command {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("sop"));
        self.env(&mut cmd);
        self.wait(Duration::minutes(1));
        cmd.env("SOP_NOW", self.now().to_rfc3339());
        if self.root.exists() {
            cmd.current_dir(&self.root);
        }
        cmd
    }

    /// `sop --as WHO ARGS…`.
    pub fn sop(&self, who: &str, args: &[&str]) -> Assert {
        let mut cmd = self.sop_cmd();
        cmd.arg("--as").arg(who).args(args);
        Assert::new(cmd.output().unwrap())
            .append_context("command", format!("sop --as {who} {}", args.join(" ")))
    }

    /// `sop --as WHO ARGS…` with the clock at `at` (RFC 3339), which must succeed: its stdout.
    pub fn sop_at(&self, who: &str, args: &[&str], at: &str) -> String {
        let out = self
            .sop_cmd()
            .env("SOP_NOW", at)
            .arg("--as")
            .arg(who)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "sop --as {who} {} at {at}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// `sop --as WHO ARGS…` with `input` on standard input.
    pub fn sop_stdin(&self, who: &str, args: &[&str], input: &[u8]) -> Assert {
        use std::io::Write;
        let mut cmd = self.sop_cmd();
        cmd.arg("--as").arg(who).args(args);
        cmd.stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let input = input.to_vec();
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap();
        Assert::new(out).append_context("command", format!("sop --as {who} {}", args.join(" ")))
    }

    /// A shell script run in the records directory with the hermetic environment, `$SOP`
    /// naming the sop binary and the clock fixed.
    pub fn sh(&self, script: &str) -> Assert {
        let mut cmd = Command::new("sh");
        self.env(&mut cmd);
        self.wait(Duration::minutes(1));
        cmd.env("SOP_NOW", self.now().to_rfc3339())
            .env("SOP", assert_cmd::cargo::cargo_bin("sop"))
            .current_dir(&self.root)
            .args(["-c", script]);
        Assert::new(cmd.output().unwrap()).append_context("script", script.to_string())
    }

    /// Writes a file in the temp folder outside the records directory; returns its path.
    pub fn input_file(&self, name: &str, content: &[u8]) -> PathBuf {
        let path = self.home.join(name);
        std::fs::write(&path, content).unwrap();
        path
    }

    /// `sop --as WHO ARGS… --format json`, which must succeed, parsed.
    pub fn json(&self, who: &str, args: &[&str]) -> serde_json::Value {
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        let out = self.sop(who, &all).success().get_output().stdout.clone();
        serde_json::from_slice(&out)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out)))
    }

    /// `sop asset import` of `csv` by eko (the asset manager), keyed by serial; must succeed.
    pub fn import_assets(&self, csv: &str) {
        let file = self.input_file("import.csv", csv.as_bytes());
        let file = file.to_str().unwrap();
        self.sop("eko", &["asset", "import", file, "--key", "serial"])
            .success();
    }

    /// A new request; returns its id.
    pub fn new_request(&self, who: &str, procedure: &str, fields: &[&str]) -> String {
        let mut args = vec!["new", procedure];
        for f in fields {
            args.extend(["--field", f]);
        }
        let v = self.json(who, &args);
        v["id"].as_str().unwrap().to_string()
    }

    /// The git program in the repository, hermetic; panics on failure.
    pub fn git(&self, args: &[&str]) -> String {
        self.git_in(&self.root, args)
    }

    /// The git program in `dir`, hermetic; panics on failure.
    pub fn git_in(&self, dir: &Path, args: &[&str]) -> String {
        let mut cmd = Command::new("git");
        self.env(&mut cmd);
        cmd.current_dir(dir)
            .env("GIT_AUTHOR_NAME", "Hand Editor")
            .env("GIT_AUTHOR_EMAIL", "hand@example.id")
            .env("GIT_COMMITTER_NAME", "Hand Editor")
            .env("GIT_COMMITTER_EMAIL", "hand@example.id")
            .args(args);
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "git {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn head(&self) -> String {
        self.git(&["rev-parse", "HEAD"]).trim().to_string()
    }

    pub fn commit_count(&self) -> usize {
        self.git(&["rev-list", "--count", "HEAD"])
            .trim()
            .parse()
            .unwrap()
    }

    /// `git status --porcelain`: empty when sop left everything committed.
    pub fn status(&self) -> String {
        self.git(&["status", "--porcelain", "--untracked-files=all"])
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// The request file of an id.
    pub fn request_file(&self, id: &str) -> PathBuf {
        let (prefix, rest) = id.split_once('-').unwrap();
        self.root
            .join("requests")
            .join(prefix)
            .join(&rest[..2])
            .join(format!("{id}.toml"))
    }

    pub fn read(&self, rel: impl AsRef<Path>) -> String {
        std::fs::read_to_string(self.root.join(rel)).unwrap()
    }

    /// HEAD, the index bytes, git status and every work-tree file.
    pub fn snapshot(&self) -> Snapshot {
        let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(&self.root)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file() && !e.path().starts_with(self.root.join(".git")))
            .map(|e| {
                (
                    e.path().display().to_string(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        files.sort();
        // git status first: it may refresh the index (writing its checksum where sop writes
        // zeros), which is git's doing, not the command's under test.
        let status = self.status();
        Snapshot {
            head: self.head(),
            index: std::fs::read(self.root.join(".git/index")).unwrap_or_default(),
            status,
            files,
        }
    }

    /// The last commit's author, trailers and changed files.
    pub fn last_commit(&self) -> Commit {
        let author = self
            .git(&["log", "-1", "--format=%an <%ae>"])
            .trim()
            .to_string();
        let trailers = self.git(&["log", "-1", "--format=%(trailers:only,unfold)"]);
        let subject = self.git(&["log", "-1", "--format=%s"]).trim().to_string();
        let files = self
            .git(&["show", "--name-only", "--format=", "HEAD"])
            .lines()
            .map(str::to_string)
            .collect();
        Commit {
            author,
            subject,
            trailers,
            files,
        }
    }
}

#[derive(Debug)]
pub struct Commit {
    pub author: String,
    pub subject: String,
    pub trailers: String,
    pub files: Vec<String>,
}

impl Commit {
    pub fn trailer(&self, key: &str) -> Option<String> {
        self.trailers
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{key}: ")).map(str::to_string))
    }
}

/// Signing: keys made in the temp dir, git's signing config in the repository's .git/config
/// (libgit2 reads no GIT_CONFIG_GLOBAL).
impl Office {
    /// The git program run as a person (author and committer).
    pub fn git_as(&self, name: &str, email: &str, args: &[&str]) -> String {
        let mut cmd = Command::new("git");
        self.env(&mut cmd);
        cmd.current_dir(&self.root)
            .env("GIT_AUTHOR_NAME", name)
            .env("GIT_AUTHOR_EMAIL", email)
            .env("GIT_COMMITTER_NAME", name)
            .env("GIT_COMMITTER_EMAIL", email)
            .env("GIT_AUTHOR_DATE", self.now().to_rfc3339())
            .env("GIT_COMMITTER_DATE", self.now().to_rfc3339())
            .args(args);
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "git {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// A new ed25519 key for `who` in the temp HOME; returns the public key line.
    pub fn ssh_key(&self, who: &str) -> String {
        let dir = self.home.join("keys");
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join(who);
        let out = Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-C", who, "-f"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::read_to_string(file.with_extension("pub"))
            .unwrap()
            .trim()
            .to_string()
    }

    /// The private key file of `who` made by `ssh_key`.
    pub fn key_file(&self, who: &str) -> PathBuf {
        self.home.join("keys").join(who)
    }

    /// Signs the next commits with `who`'s SSH key (`git config` in the repository).
    pub fn sign_as(&self, who: &str) {
        self.git(&["config", "commit.gpgsign", "true"]);
        self.git(&["config", "gpg.format", "ssh"]);
        let key = self.key_file(who).with_extension("pub");
        self.git(&["config", "user.signingkey", key.to_str().unwrap()]);
    }

    /// Adds `keys = [key]` to a person in people.toml (the file, not committed).
    pub fn add_key(&self, who: &str, key: &str) {
        let path = self.path("people.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        let anchor = format!("id = \"{who}\"\n");
        assert!(text.contains(&anchor), "no person {who}");
        let text = text.replace(&anchor, &format!("{anchor}keys = [{key:?}]\n"));
        std::fs::write(path, text).unwrap();
    }

    /// Replaces text in a records file (not committed).
    pub fn edit(&self, rel: impl AsRef<Path>, from: &str, to: &str) {
        let path = self.root.join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{} has no {from:?}", path.display());
        std::fs::write(path, text.replacen(from, to, 1)).unwrap();
    }
}

/// Regenerates a file from `bytes`, noting it in `stale` when it was (the caller then fails):
/// the SVG and Mermaid/dot snapshots and the example PDFs.
pub fn fresh(path: &Path, bytes: &[u8], stale: &mut Vec<String>) {
    if std::fs::read(path).ok().as_deref() != Some(bytes) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
        stale.push(path.display().to_string());
    }
}

/// The shipped font for usvg, to render a document's SVG to pixels as the PDF writer reads it.
pub fn fontdb() -> std::sync::Arc<usvg::fontdb::Database> {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(sop::document::font::REGULAR.to_vec());
    db.load_font_data(sop::document::font::BOLD.to_vec());
    std::sync::Arc::new(db)
}

/// The text a PDF shows, page by page in the order it is drawn: every string of `Tj`/`TJ` in
/// the pages' content and in the forms they draw (`Do`; svg2pdf draws a page as one), decoded
/// through its font's ToUnicode map (svg2pdf writes Identity-H fonts with one); a line break
/// after each text object. lopdf's own `extract_text` reads neither forms nor these maps.
pub fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let mut text = String::new();
    for page in doc.get_pages().into_values() {
        let content = doc.get_page_content(page).unwrap();
        let resources = doc
            .get_dictionary(page)
            .ok()
            .and_then(|p| dict_in(&doc, p, b"Resources"));
        shown_text(&doc, &content, resources, &mut text, 0);
    }
    text
}

/// The dictionary `d` holds at `key`, through a reference.
fn dict_in<'a>(
    doc: &'a lopdf::Document,
    d: &'a lopdf::Dictionary,
    key: &[u8],
) -> Option<&'a lopdf::Dictionary> {
    let object = d.get(key).ok()?;
    doc.dereference(object).ok()?.1.as_dict().ok()
}

/// A font's ToUnicode map: each two-byte code and its text (`bfchar` and `bfrange`).
fn to_unicode(doc: &lopdf::Document, font: &lopdf::Dictionary) -> HashMap<u16, String> {
    let stream = doc
        .dereference(font.get(b"ToUnicode").expect("a ToUnicode map"))
        .and_then(|(_, o)| o.as_stream())
        .unwrap();
    let cmap = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    let cmap = String::from_utf8_lossy(&cmap);
    let hex = |h: &str| u32::from_str_radix(h.trim_matches(['<', '>']), 16).unwrap();
    let text = |h: &str| -> String {
        let h = h.trim_matches(['<', '>']);
        let units: Vec<u16> = (0..h.len() / 4)
            .map(|i| u16::from_str_radix(&h[i * 4..i * 4 + 4], 16).unwrap())
            .collect();
        String::from_utf16_lossy(&units)
    };
    let mut map = HashMap::new();
    let mut section = "";
    for line in cmap.lines().map(str::trim) {
        let words: Vec<&str> = line.split_whitespace().collect();
        match (section, words.as_slice()) {
            (_, [.., "beginbfchar"]) => section = "char",
            (_, [.., "beginbfrange"]) => section = "range",
            (_, ["endbfchar" | "endbfrange"]) => section = "",
            ("char", [code, to]) => {
                map.insert(hex(code) as u16, text(to));
            }
            ("range", [lo, hi, to]) => {
                let first = text(to).chars().next().unwrap() as u32;
                for (i, code) in (hex(lo)..=hex(hi)).enumerate() {
                    let c = char::from_u32(first + i as u32).unwrap();
                    map.insert(code as u16, c.to_string());
                }
            }
            _ => {}
        }
    }
    map
}

fn shown_text(
    doc: &lopdf::Document,
    content: &[u8],
    resources: Option<&lopdf::Dictionary>,
    out: &mut String,
    depth: u8,
) {
    use lopdf::Object;
    assert!(depth < 8, "forms nested too deep");
    let fonts = resources.and_then(|r| dict_in(doc, r, b"Font"));
    let forms = resources.and_then(|r| dict_in(doc, r, b"XObject"));
    let mut map = None;
    fn strings<'o>(operands: &'o [Object], found: &mut Vec<&'o [u8]>) {
        for o in operands {
            match o {
                Object::String(bytes, _) => found.push(bytes),
                Object::Array(items) => strings(items, found),
                _ => {}
            }
        }
    }
    let ops = lopdf::content::Content::decode(content).unwrap().operations;
    for op in &ops {
        match op.operator.as_str() {
            "Tf" => {
                let name = op.operands[0].as_name().unwrap();
                let font = fonts.and_then(|f| dict_in(doc, f, name)).expect("the font");
                map = Some(to_unicode(doc, font));
            }
            "Tj" | "TJ" | "'" | "\"" => {
                let mut found = Vec::new();
                strings(&op.operands, &mut found);
                let map = map.as_ref().expect("a font before text");
                for bytes in found {
                    for code in bytes.chunks(2) {
                        let code = u16::from_be_bytes([code[0], *code.get(1).unwrap_or(&0)]);
                        out.push_str(map.get(&code).map_or("\u{fffd}", String::as_str));
                    }
                }
            }
            "ET" => out.push('\n'),
            "Do" => {
                let name = op.operands[0].as_name().unwrap();
                let Some(object) = forms.and_then(|f| f.get(name).ok()) else {
                    continue;
                };
                let Ok(stream) = doc.dereference(object).and_then(|(_, o)| o.as_stream()) else {
                    continue;
                };
                if stream.dict.get(b"Subtype").and_then(|s| s.as_name()).ok() != Some(b"Form") {
                    continue;
                }
                let inner = stream
                    .decompressed_content()
                    .unwrap_or_else(|_| stream.content.clone());
                let own = dict_in(doc, &stream.dict, b"Resources").or(resources);
                shown_text(doc, &inner, own, out, depth + 1);
            }
            _ => {}
        }
    }
}
