//! Reading history: the commits of HEAD's history or of a range, oldest first (parents before
//! children), and `CommitInfo`, what one commit holds.

use anyhow::Result;
use chrono::{DateTime, FixedOffset};
use git2::{Oid, Revwalk, Sort};

use super::commit_graph::{self, CommitGraph};
use super::history::{self, PathChange};
use super::signing::{self, Signed};
use super::{Git, Snapshot};
use crate::invalid;

impl Git {
    /// Every commit of HEAD's history, parents before children; none on an unborn branch.
    /// From git's commit-graph file where it has one it can trust (commit_graph.rs).
    pub fn history(&self) -> Result<Vec<Oid>> {
        let head = match self.repo.head() {
            Ok(head) => head.peel_to_commit()?.id(),
            Err(e) if e.code() == git2::ErrorCode::UnbornBranch => return Ok(Vec::new()),
            Err(e) => return Err(e.into()),
        };
        if let Some(commits) = self.history_from_graph(head)? {
            return Ok(commits);
        }
        let mut walk = self.walk()?;
        walk.push(head)?;
        collected(walk)
    }

    /// HEAD's history read from the commit-graph, where git would read it from there: not
    /// in a shallow clone, nor with replaced commits or grafts, which git lets override it.
    fn history_from_graph(&self, head: Oid) -> Result<Option<Vec<Oid>>> {
        let common = self.repo.commondir();
        let replaced = self
            .repo
            .references_glob("refs/replace/*")?
            .next()
            .is_some();
        let off = self.repo.config()?.get_bool("core.commitGraph") == Ok(false);
        if off || replaced || common.join("shallow").exists() || common.join("info/grafts").exists()
        {
            return Ok(None);
        }
        let Some(graph) = CommitGraph::open(&common.join("objects")) else {
            return Ok(None);
        };
        let commits = commit_graph::history(&self.repo, &graph, head)?;
        drop(graph);
        crate::memory::give_back_freed();
        Ok(commits)
    }

    /// The commits of `range` (`OLD..NEW`, revisions as git reads them): those of NEW's
    /// history that are not in OLD's, parents before children. A range git cannot read is an
    /// input error with git's message.
    pub fn commits_in(&self, range: &str) -> Result<Vec<Oid>> {
        let mut walk = self.walk()?;
        walk.push_range(range)
            .map_err(|e| invalid!("{}", e.message()))?;
        collected(walk)
    }

    fn walk(&self) -> Result<Revwalk<'_>> {
        let mut walk = self.repo.revwalk()?;
        walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)?;
        Ok(walk)
    }

    /// Commit `id`, to read what it holds: from the packs by sop's own reader when this
    /// handle reads them directly and the commit is written as git writes it (`Parsed`),
    /// else by libgit2.
    pub fn commit_info(&self, id: Oid) -> Result<CommitInfo<'_>> {
        let read = match self.packed_commit(id).and_then(Parsed::new) {
            Some(parsed) => Read::Own(parsed),
            None => Read::Libgit2(self.repo.find_commit(id)?),
        };
        let commit = CommitInfo {
            git: self,
            id,
            read,
        };
        let [last, _] = self.last_trees.get();
        self.last_trees.set([Some((id, commit.tree_id())), last]);
        Ok(commit)
    }

    /// The tree of commit `id`, known without reading the commit again when `commit_info`
    /// read it last or before last (in a walk: the commit at hand and its parent).
    pub(super) fn tree_of(&self, id: Oid) -> Result<Oid> {
        let mut known = self.last_trees.get().into_iter().flatten();
        match known.find(|(commit, _)| *commit == id) {
            Some((_, tree)) => Ok(tree),
            None => Ok(self.repo.find_commit(id)?.tree_id()),
        }
    }
}

/// The commits of `walk`, which is consumed and its memory freed by the collecting: libgit2
/// keeps a node for every commit walked (40 MB at 400,000 commits) in the heap of the thread
/// that walked, which the threads checking the commits do not reuse, so it is given back.
fn collected(walk: Revwalk<'_>) -> Result<Vec<Oid>> {
    let commits: Vec<Oid> = super::walking(|| walk.collect::<Result<_, _>>())?;
    crate::memory::give_back_freed();
    Ok(commits)
}

/// One commit: who says they made it and when, its message, its records and its parent's,
/// what it changed, and what its signature covers.
pub struct CommitInfo<'r> {
    git: &'r Git,
    id: Oid,
    read: Read<'r>,
}

/// How a commit was read.
enum Read<'r> {
    Libgit2(git2::Commit<'r>),
    Own(Parsed),
}

impl<'r> CommitInfo<'r> {
    pub fn id(&self) -> Oid {
        self.id
    }

    fn tree_id(&self) -> Oid {
        match &self.read {
            Read::Libgit2(commit) => commit.tree_id(),
            Read::Own(parsed) => parsed.tree,
        }
    }

    fn parent_ids(&self) -> Vec<Oid> {
        match &self.read {
            Read::Libgit2(commit) => commit.parent_ids().collect(),
            Read::Own(parsed) => parsed.parents.clone(),
        }
    }

    /// The whole message (bytes that are not UTF-8 replaced).
    pub fn message(&self) -> String {
        let bytes = match &self.read {
            Read::Libgit2(commit) => commit.message_bytes(),
            Read::Own(parsed) => &parsed.raw[parsed.message..],
        };
        String::from_utf8_lossy(bytes).into_owned()
    }

    /// The message's first paragraph, on one line, as git shows it.
    pub fn summary(&self) -> String {
        let summary = |commit: &git2::Commit| {
            commit
                .summary()
                .ok()
                .flatten()
                .unwrap_or_default()
                .to_string()
        };
        match &self.read {
            Read::Libgit2(commit) => summary(commit),
            // libgit2's rules for joining the paragraph's lines, by libgit2.
            Read::Own(_) => self
                .git
                .repo
                .find_commit(self.id)
                .map(|c| summary(&c))
                .unwrap_or_default(),
        }
    }

    pub fn author_email(&self) -> String {
        match &self.read {
            Read::Libgit2(commit) => commit.author().email().unwrap_or_default().to_string(),
            Read::Own(parsed) => std::str::from_utf8(&parsed.raw[parsed.email.clone()])
                .unwrap_or_default()
                .to_string(),
        }
    }

    /// The author's time as git stores it: seconds since the epoch.
    pub fn author_seconds(&self) -> i64 {
        self.author_when().0
    }

    /// The author's time in the author's offset (the epoch when it is out of range).
    pub fn author_time(&self) -> DateTime<FixedOffset> {
        let (seconds, minutes) = self.author_when();
        let offset =
            FixedOffset::east_opt(minutes * 60).unwrap_or(FixedOffset::east_opt(0).expect("zero"));
        DateTime::from_timestamp(seconds, 0)
            .unwrap_or_default()
            .with_timezone(&offset)
    }

    /// The author's time: seconds since the epoch, and the offset in minutes.
    fn author_when(&self) -> (i64, i32) {
        match &self.read {
            Read::Libgit2(commit) => {
                let when = commit.author().when();
                (when.seconds(), when.offset_minutes())
            }
            Read::Own(parsed) => (parsed.seconds, parsed.offset_minutes),
        }
    }

    /// The records as this commit holds them.
    pub fn snapshot(&self) -> Result<Snapshot<'r>> {
        Snapshot::of_tree(self.git, self.tree_id(), self.id)
    }

    /// The records as the commit's first parent holds them (none for a root commit): what
    /// the commit is judged against.
    pub fn parent_snapshot(&self) -> Result<Snapshot<'r>> {
        let Some(&parent) = self.parent_ids().first() else {
            return Ok(Snapshot::new(self.git, None, None));
        };
        Snapshot::of_tree(self.git, self.git.tree_of(parent)?, parent)
    }

    /// Every file the commit changed compared with every one of its parents (for a merge,
    /// only what the merge itself changed); repository-relative paths.
    pub fn changes(&self) -> Result<Vec<PathChange>> {
        history::changes_under(self.git, self.tree_id(), &self.parent_ids(), "")
    }

    /// The commit's signature, taken as git takes it, and what it signs.
    pub fn signed_parts(&self) -> Result<Signed> {
        match &self.read {
            Read::Libgit2(_) => signing::signed_parts(&self.git.repo, self.id),
            Read::Own(parsed) => Ok(signing::split_signature(&parsed.raw)),
        }
    }
}

/// A commit object read by sop's own pack reader, parsed here when every field verify reads
/// comes out as libgit2 would read it (src/libgit2/commit.c `commit_parse`, signature.c
/// `git_signature__parse`): `tree`, `parent`s, `author` and `committer` lines in that order,
/// each signature `NAME <EMAIL> SECONDS +HHMM` with an offset libgit2 keeps, and a blank line
/// before the message. Anything else — a NUL byte (libgit2 reads its fields as C strings),
/// upper-case hex, a second `author` line, a time or offset libgit2 reads leniently — is left
/// to libgit2. libgit2 reading each commit, its first parent again (for a merge's other
/// parents) and the whole object again (for the signature) was a sixth of whole-history
/// verify.
struct Parsed {
    raw: std::rc::Rc<[u8]>,
    tree: Oid,
    parents: Vec<Oid>,
    /// Where the author's email is in `raw`, trimmed as libgit2 trims it.
    email: std::ops::Range<usize>,
    seconds: i64,
    offset_minutes: i32,
    /// Where the message begins in `raw`: after the blank line and any newlines that follow.
    message: usize,
}

impl Parsed {
    fn new(raw: std::rc::Rc<[u8]>) -> Option<Parsed> {
        if memchr::memchr(0, &raw).is_some() {
            return None;
        }
        let header_end = memchr::memmem::find(&raw, b"\n\n")? + 1;
        let mut lines = raw[..header_end]
            .split_inclusive(|&b| b == b'\n')
            .peekable();
        let mut at = 0;
        let mut line = |expect: &[u8]| -> Option<(usize, &[u8])> {
            let whole = lines.next_if(|l| l.starts_with(expect))?;
            let start = at + expect.len();
            at += whole.len();
            Some((start, &whole[expect.len()..whole.len() - 1]))
        };
        let tree = hex_id(line(b"tree ")?.1)?;
        let mut parents = Vec::new();
        while let Some((_, hex)) = line(b"parent ") {
            parents.push(hex_id(hex)?);
        }
        let (start, author) = line(b"author ")?;
        let (email, seconds, offset_minutes) = signature(author)?;
        signature(line(b"committer ")?.1)?;
        let mut message = header_end + 1;
        while raw.get(message) == Some(&b'\n') {
            message += 1;
        }
        Some(Parsed {
            tree,
            parents,
            email: start + email.start..start + email.end,
            seconds,
            offset_minutes,
            message,
            raw,
        })
    }
}

/// An object id as git writes it in a commit: 40 lower-case hex digits.
fn hex_id(hex: &[u8]) -> Option<Oid> {
    let lower = |b: &u8| b.is_ascii_digit() || (b'a'..=b'f').contains(b);
    if hex.len() != 40 || !hex.iter().all(lower) {
        return None;
    }
    Oid::from_str(std::str::from_utf8(hex).ok()?).ok()
}

/// A signature line's `NAME <EMAIL> SECONDS +HHMM`: where the email is (trimmed as libgit2
/// trims it), the seconds and the offset in minutes; None for anything libgit2 reads leniently.
fn signature(line: &[u8]) -> Option<(std::ops::Range<usize>, i64, i32)> {
    // libgit2 takes the last `<` and the last `>`.
    let open = memchr::memrchr(b'<', line)?;
    let close = memchr::memrchr(b'>', line)?;
    if close <= open {
        return None;
    }
    let mut email = open + 1..close;
    while email.start < email.end && is_crud(line[email.start]) {
        email.start += 1;
    }
    while email.start < email.end && is_crud(line[email.end - 1]) {
        email.end -= 1;
    }
    let when = line[close + 1..].strip_prefix(b" ")?;
    let space = memchr::memchr(b' ', when)?;
    let (seconds, zone) = (&when[..space], &when[space + 1..]);
    let digits = |d: &[u8]| !d.is_empty() && d.iter().all(u8::is_ascii_digit);
    if !digits(seconds) || seconds.len() > 18 || zone.len() != 5 || !digits(&zone[1..]) {
        return None;
    }
    let seconds: i64 = std::str::from_utf8(seconds).ok()?.parse().ok()?;
    let hhmm: i32 = std::str::from_utf8(&zone[1..]).ok()?.parse().ok()?;
    let (hours, minutes) = (hhmm / 100, hhmm % 100);
    if hours > 14 || minutes > 59 {
        return None;
    }
    let offset = hours * 60 + minutes;
    match zone[0] {
        b'+' => Some((email, seconds, offset)),
        b'-' => Some((email, seconds, -offset)),
        _ => None,
    }
}

/// What libgit2 trims from both ends of a signature's name and email (signature.c `is_crud`).
fn is_crud(b: u8) -> bool {
    b <= 32 || b",:;<>\"\\'".contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Commits written as git writes them, and as other tools or hands may: wherever sop's
    /// own parsing reads one, it reads what libgit2 reads; what it cannot read as libgit2
    /// does, it leaves to libgit2.
    #[test]
    fn own_commit_parsing_reads_what_libgit2_reads() {
        let dir = tempfile::tempdir().unwrap();
        git2::Repository::init(dir.path()).unwrap();
        let git = Git::open(dir.path()).unwrap();
        let tree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
        let parent = "0123456789abcdef0123456789abcdef01234567";
        let other = "89abcdef0123456789abcdef0123456789abcdef";
        let who = "committer C O <c@example.id> 1700000001 -0130\n";
        let own = |body: &str| format!("tree {tree}\nparent {parent}\n{body}");
        // (commit, whether sop's own parsing reads it)
        let cases: Vec<(Vec<u8>, bool)> = vec![
            (own(&format!("author A U <a@example.id> 1700000000 +0700\n{who}\nsubject\n\nbody\n")), true),
            (
                own(&format!(
                    "author A <a@example.id> 5 -0000\n{who}gpgsig -----BEGIN SSH SIGNATURE-----\n abc\n -----END SSH SIGNATURE-----\nencoding latin1\n\n\n\nafter blank lines\n"
                )),
                true,
            ),
            (own(&format!("author Name < ,a@example.id; > 1 +1400\n{who}\nm")), true),
            (own(&format!("author A <b> <c@example.id> 2 +0059\n{who}\nm")), true),
            (own(&format!("author A <\u{e9}@example.id> 3 +0100\n{who}\n")), true),
            (
                format!("tree {tree}\nparent {parent}\nparent {other}\nauthor M <m@example.id> 4 +0000\n{who}\nmerge\n"),
                true,
            ),
            (format!("tree {tree}\nauthor R <r@example.id> 6 +0000\n{who}\nroot\n"), true),
            (own(&format!("author A <a@example.id> 7 +1575\n{who}\nm")), false),
            (own(&format!("author A <a@example.id>  7 +0100\n{who}\nm")), false),
            (own(&format!("author A <a@example.id> 7\n{who}\nm")), false),
            (own(&format!("author A <a@example.id> 7 +0100\nauthor B <b@example.id> 8 +0100\n{who}\nm")), false),
            (own(&format!("author A a@example.id> 7 +0100\n{who}\nm")), false),
            (own(&format!("author A <a@example.id> 7 +0100\n{who}")), false),
            (format!("tree {}\nauthor R <r@example.id> 6 +0000\n{who}\nm", tree.to_uppercase()), false),
        ]
        .into_iter()
        .map(|(text, own)| (text.into_bytes(), own))
        .chain([
            (own(&format!("author A <a\u{1}@example.id> 7 +0100\n{who}\nm")).into_bytes(), true),
            (
                [
                    own("author A <").as_bytes(),
                    &b"\xff@example.id> 7 +0100\n"[..],
                    who.as_bytes(),
                    &b"\nm"[..],
                ]
                .concat(),
                true,
            ),
            ([
                    own(&format!("author A <a@example.id> 7 +0100\n{who}\nm")).as_bytes(),
                    &b"\0after"[..],
                ]
                .concat(), false),
        ])
        .collect();
        let odb = git.repo.odb().unwrap();
        for (raw, readable) in cases {
            let shown = String::from_utf8_lossy(&raw).into_owned();
            let parsed = Parsed::new(raw.clone().into());
            assert_eq!(parsed.is_some(), readable, "{shown}");
            let Some(parsed) = parsed else { continue };
            let id = odb.write(git2::ObjectType::Commit, &raw).unwrap();
            let theirs = CommitInfo {
                git: &git,
                id,
                read: Read::Libgit2(git.repo.find_commit(id).unwrap()),
            };
            let ours = CommitInfo {
                git: &git,
                id,
                read: Read::Own(parsed),
            };
            assert_eq!(ours.tree_id(), theirs.tree_id(), "{shown}");
            assert_eq!(ours.parent_ids(), theirs.parent_ids(), "{shown}");
            assert_eq!(ours.author_email(), theirs.author_email(), "{shown}");
            assert_eq!(ours.author_when(), theirs.author_when(), "{shown}");
            assert_eq!(ours.author_time(), theirs.author_time(), "{shown}");
            assert_eq!(ours.message(), theirs.message(), "{shown}");
            assert_eq!(ours.summary(), theirs.summary(), "{shown}");
            let (a, b) = (ours.signed_parts().unwrap(), theirs.signed_parts().unwrap());
            assert_eq!(
                (a.signature, a.payload),
                (b.signature, b.payload),
                "{shown}"
            );
        }
    }
}
