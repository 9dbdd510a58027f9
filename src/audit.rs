//! The checks of `sop verify`: each commit is judged against the state of its parent.
//!
//! For a commit C with parent P, the rules (people.toml, sop.toml, procedures) are loaded
//! from P by the same loader every changing command uses, and every request file C changes
//! is replayed: the history entry C adds is fed to the engine's one change function at the
//! entry's time, and its outcome must be exactly what C wrote — the request file and every
//! asset file. The commit must tell the same story as the entry (trailers, author, time), be
//! signed by the actor's key where sop.toml asks for signatures, and change nothing sop would
//! not. The commit whose parent has no sop.toml (the one `sop init` made) is the trusted
//! anchor. The trust model is written out in docs/contract.md.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use anyhow::{anyhow, Context as _, Result};
use chrono::{DateTime, FixedOffset, TimeZone as _};
use serde::Serialize;

use crate::asset::Asset;
use crate::config::Config;
use crate::engine::{self, Change, Outcome, World};
use crate::git::signing::{Checker, Signed, Status, Verdict};
use crate::git::{CommitInfo, Git, Oid, PathChange, Snapshot};
use crate::invalid;
use crate::layout::{self, Place};
use crate::memory::Generations;
use crate::people::{People, Person};
use crate::procedure::Procedure;
use crate::request::{Action, Attachment, Entry, Request};
use crate::rules::{Loader, Rules};
use crate::store::{parse_asset, parse_request};
use crate::trailers::Trailers;

/// One problem found, about one commit (and request, when it concerns one).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Finding {
    pub commit: String,
    pub request: Option<String>,
    pub problem: String,
}

/// Which commits `verify` judges.
pub struct Scope {
    /// `OLD..NEW`: only what a push brings; the state at OLD is trusted, so a commit that
    /// starts a records directory anew is a finding. None: all of HEAD's history, where the
    /// commit that makes the records directory is the trusted anchor.
    pub range: Option<String>,
    /// Only the commits that changed these requests, and only the findings about them.
    /// Empty: every commit and every finding.
    pub requests: Vec<String>,
}

/// What `verify` found.
pub struct Report {
    pub commits_checked: usize,
    /// In the order of the commits, oldest first.
    pub findings: Vec<Finding>,
}

/// Judges every commit of `scope`. A commit is judged against its parent alone, so runs of
/// commits are judged in parallel, each run with its own handle on the repository.
pub fn verify(git: &Git, scope: &Scope) -> Result<Report> {
    crate::git::tune_for_history();
    let packs = git.pack_reader();
    let commits = commits(git, scope)?;
    let trust_anchor = scope.range.is_none();
    let runs = git.in_parallel(&commits, 64, |git, run| {
        if let Some(packs) = &packs {
            git.read_packs_directly(packs);
        }
        let mut auditor = Auditor::new(git, trust_anchor);
        let mut found = Vec::with_capacity(run.len());
        for oid in run {
            found.push(auditor.check(*oid)?);
            if auditor.signatures.waiting() >= SIGNATURE_BATCH {
                auditor.settle_signatures(run, &mut found);
            }
        }
        auditor.settle_signatures(run, &mut found);
        Ok(found.into_iter().flatten().collect::<Vec<_>>())
    })?;
    let wanted = |f: &Finding| {
        scope.requests.is_empty()
            || f.request
                .as_ref()
                .is_some_and(|r| scope.requests.contains(r))
    };
    Ok(Report {
        commits_checked: commits.len(),
        findings: runs.into_iter().flatten().filter(wanted).collect(),
    })
}

/// The commits of `scope`, oldest first (parents before children).
fn commits(git: &Git, scope: &Scope) -> Result<Vec<Oid>> {
    let all = match &scope.range {
        Some(r) => {
            if !r.contains("..") || r.contains("...") {
                return Err(invalid!("{}", t!(VerifyRange, range = r)));
            }
            git.commits_in(r).with_context(|| format!("--range {r}"))?
        }
        None => git.history()?,
    };
    if scope.requests.is_empty() {
        return Ok(all);
    }
    let mut wanted = HashSet::new();
    for id in &scope.requests {
        wanted.extend(git.commits_of_request(id)?);
    }
    Ok(all.into_iter().filter(|c| wanted.contains(c)).collect())
}

/// Ed25519 signatures checked together (`Checker::settle`).
const SIGNATURE_BATCH: usize = 64;

/// What a commit says about itself.
struct Claims {
    trailers: Trailers,
    author_email: String,
    author_time: i64,
}

/// One change of the commit inside the records directory, with what its path holds.
struct RecordChange<'c> {
    place: Place,
    /// Records-relative.
    rel: &'c str,
    change: &'c PathChange,
}

struct Auditor<'r> {
    git: &'r Git,
    /// Whether a commit that makes the records directory (its parent has no sop.toml) is the
    /// trusted anchor. Off for `--range`: what a push brings must continue trusted history.
    trust_anchor: bool,
    /// Where the records directory is in the repository: "" or "dir/".
    prefix: String,
    signatures: Checker,
    /// For each signature waiting in `signatures`' batch: which of the run's commits it is
    /// (counted by `checked`), whether signatures are required there, and by whom.
    waiting: Vec<(usize, bool, String)>,
    checked: usize,
    loader: Loader,
    requests: RefCell<Parsed<Request>>,
    assets: RefCell<Parsed<Asset>>,
}

impl<'r> Auditor<'r> {
    fn new(git: &'r Git, trust_anchor: bool) -> Auditor<'r> {
        Auditor {
            git,
            trust_anchor,
            prefix: git.records_prefix().to_string(),
            signatures: Checker::new(&git.gpg_program()),
            waiting: Vec::new(),
            checked: 0,
            loader: Loader::default(),
            requests: Default::default(),
            assets: Default::default(),
        }
    }

    /// Every problem with commit `oid`.
    fn check(&mut self, oid: Oid) -> Result<Vec<Finding>> {
        self.checked += 1;
        let commit = self.git.commit_info(oid)?;
        let mut found = Found {
            commit: oid.to_string(),
            list: Vec::new(),
        };
        let snap = commit.parent_snapshot()?;
        let rules = match self.loader.rules_as_is(&snap) {
            Ok(Some(rules)) => rules,
            // No records directory before this commit: it makes one, the trusted anchor.
            Ok(None) => return self.check_anchor(found, &commit),
            Err(e) => {
                found.add(None, t!(VerifyNotJudged, error = format!("{e:#}")));
                return Ok(found.list);
            }
        };
        let changes = commit.changes()?;
        let records: Vec<RecordChange> = changes
            .iter()
            .filter_map(|c| {
                let rel = c.path.strip_prefix(self.prefix.as_str())?;
                Some(RecordChange {
                    place: layout::place(rel),
                    rel,
                    change: c,
                })
            })
            .collect();
        let required = rules.config.policy.require_signatures;
        if records.is_empty() && !required {
            // Nothing in the records directory, and no signature asked for: not sop's business.
            return Ok(Vec::new());
        }
        let claims = claims(&commit);
        let signer_id = claims.trailers.actor.clone().or_else(|| {
            rules
                .people
                .find(&claims.author_email)
                .map(|p| p.id.clone())
        });
        let signer = signer_id.as_deref().and_then(|id| rules.people.find(id));
        self.check_signature(&mut found, &rules, signer, &commit.signed_parts()?);
        self.check_scope(&mut found, &claims, &records);
        for c in records
            .iter()
            .filter(|c| c.change.link && c.place != Place::Office)
        {
            found.add(None, t!(VerifyLink, verb = verb(c.change), rel = c.rel));
        }
        for c in records
            .iter()
            .filter(|c| c.place == Place::Stray && !c.change.link)
        {
            found.add(None, t!(VerifyStray, verb = verb(c.change), rel = c.rel));
        }
        let admin_files: Vec<&RecordChange> = records
            .iter()
            .filter(|c| c.place.is_rule() || c.place == Place::Office)
            .collect();
        if !admin_files.is_empty() {
            self.check_admin_files(&mut found, &rules, &claims, &admin_files);
        }
        let asset_changes: Vec<&RecordChange> = records
            .iter()
            .filter(|c| matches!(c.place, Place::Asset(_)))
            .collect();
        let touches_request = records.iter().any(|c| matches!(c.place, Place::Request(_)));
        if !asset_changes.is_empty() && !touches_request {
            self.check_register(&mut found, &rules, &claims, &asset_changes);
        }
        let mut attached = HashSet::new();
        let primary = claims.trailers.request.as_deref();
        let is_linked =
            |id: &str| Some(id) != primary && claims.trailers.linked.iter().any(|l| l == id);
        let linked: Vec<&RecordChange> = records
            .iter()
            .filter(|c| matches!(&c.place, Place::Request(id) if is_linked(id)))
            .collect();
        for c in &records {
            if let Place::Request(id) = &c.place {
                if is_linked(id) {
                    continue;
                }
                let at = At {
                    parent: &snap,
                    commit: &commit,
                };
                attached.extend(self.check_request(
                    &mut found,
                    at,
                    &rules,
                    &claims,
                    id,
                    c,
                    &asset_changes,
                    &linked,
                ));
            }
        }
        check_attachment_files(&mut found, &claims, &records, &attached);
        Ok(found.list)
    }

    /// A commit that makes a records directory is trusted only as the start of the history.
    fn check_anchor(&self, mut found: Found, commit: &CommitInfo) -> Result<Vec<Finding>> {
        let config = format!("{}{}", self.prefix, layout::CONFIG);
        if !self.trust_anchor && commit.snapshot()?.blob(layout::CONFIG)?.is_some() {
            found.add(None, t!(VerifyAnchor, config = config));
        }
        Ok(found.list)
    }

    /// Where sop.toml requires signatures: signed, by the signer's key in people.toml.
    /// A bad signature is a finding whatever the policy. An Ed25519 signature's finding, if
    /// any, comes when its batch is settled (`settle_signatures`).
    fn check_signature(
        &mut self,
        found: &mut Found,
        rules: &Rules,
        signer: Option<&Person>,
        signed: &Signed,
    ) {
        let keys = signer.map_or(&[][..], |p| p.keys.as_slice());
        let required = rules.config.policy.require_signatures;
        let who = signer.map_or_else(|| t!(VerifyItsAuthor), |p| p.id.clone());
        match self.signatures.check_later(signed, keys) {
            Verdict::Now(status) => {
                if let Some(problem) = signature_problem(status, required, &who) {
                    found.add(None, problem);
                }
            }
            Verdict::Later => self.waiting.push((self.checked - 1, required, who)),
        }
    }

    /// The findings of the signatures waiting in the batch, each put first among its
    /// commit's findings (where `check_signature` would have put it), `found` holding the
    /// findings of the commits of `run` checked so far, commit by commit.
    fn settle_signatures(&mut self, run: &[Oid], found: &mut [Vec<Finding>]) {
        let statuses = self.signatures.settle();
        for ((at, required, who), status) in self.waiting.drain(..).zip(statuses) {
            if let Some(problem) = signature_problem(status, required, &who) {
                found[at].insert(
                    0,
                    Finding {
                        commit: run[at].to_string(),
                        request: None,
                        problem,
                    },
                );
            }
        }
    }

    /// sop changes one request file per commit, and nothing else with it.
    fn check_scope(&self, found: &mut Found, claims: &Claims, records: &[RecordChange]) {
        let requests: Vec<&str> = records
            .iter()
            .filter(|c| matches!(c.place, Place::Request(_)))
            .map(|c| c.rel)
            .collect();
        if let Some(id) = &claims.trailers.request {
            let own = layout::request(id);
            // Attached files are judged by check_attachment_files.
            let named_asset = |c: &RecordChange| match &c.place {
                Place::Asset(a) => claims.trailers.assets.contains(a),
                Place::Attachment(_) => true,
                // Judged with the change that wrote them (`compare_linked`).
                Place::Request(r) => claims.trailers.linked.contains(r),
                _ => false,
            };
            let extra: Vec<&str> = records
                .iter()
                .filter(|c| c.rel != own && !named_asset(c))
                .map(|c| c.rel)
                .collect();
            if !extra.is_empty() {
                found.add(
                    Some(id.clone()),
                    t!(VerifyAlsoChanges, id = id, extra = extra.join(", ")),
                );
            }
        } else if requests.len() > 1 {
            found.add(
                None,
                t!(
                    VerifyManyRequests,
                    n = requests.len(),
                    files = requests.join(", ")
                ),
            );
        }
    }

    /// Changes to the asset register outside a request (`sop asset add|import`) are for the
    /// register's keeper or an administrator, and leave readable asset files.
    fn check_register(
        &self,
        found: &mut Found,
        rules: &Rules,
        claims: &Claims,
        changes: &[&RecordChange],
    ) {
        let date = office_time(&rules.config, claims.author_time).date_naive();
        let allowed = rules
            .people
            .find(&claims.author_email)
            .is_some_and(|p| crate::asset::may_register(&rules.people, &rules.config, &p.id, date));
        if !allowed {
            found.add(
                None,
                t!(
                    VerifyRegisterAuthor,
                    n = changes.len(),
                    author = claims.author_email,
                    registrar = crate::asset::REGISTRAR,
                    admin = rules.config.policy.admin_role
                ),
            );
        }
        for c in changes {
            match c.change.new {
                None => found.add(None, t!(VerifyAssetDeleted, rel = c.rel)),
                Some(blob) => {
                    if let Err(e) = self.read_asset(c.rel, blob) {
                        found.add(None, t!(VerifyUnreadable, error = format!("{e:#}")));
                    }
                }
            }
        }
    }

    /// The rules (sop.toml, people.toml, procedures/) and every other file an office keeps in
    /// the records directory are changed only by an administrator.
    fn check_admin_files(
        &mut self,
        found: &mut Found,
        rules: &Rules,
        claims: &Claims,
        changes: &[&RecordChange],
    ) {
        let paths: Vec<&str> = changes.iter().map(|c| c.rel).collect();
        let admin = &rules.config.policy.admin_role;
        let date = office_time(&rules.config, claims.author_time).date_naive();
        match rules.people.find(&claims.author_email) {
            None => found.add(
                None,
                t!(
                    VerifyAdminUnknown,
                    paths = paths.join(", "),
                    author = claims.author_email,
                    admin = admin
                ),
            ),
            Some(p) if rules.people.holds(&p.id, admin, date).is_none() => found.add(
                None,
                t!(
                    VerifyNotAdmin,
                    paths = paths.join(", "),
                    author = p.id,
                    admin = admin
                ),
            ),
            Some(_) => {}
        }
        for c in changes.iter().filter(|c| c.place.is_rule()) {
            if let Err(e) = self.readable_rule(c) {
                found.add(None, format!("{e:#}"));
            }
        }
    }

    fn readable_rule(&self, c: &RecordChange) -> Result<()> {
        let Some(blob) = c.change.new else {
            return match c.place {
                Place::Procedure(_) => Ok(()),
                _ => Err(anyhow!(t!(VerifyDeletesRule, rel = c.rel))),
            };
        };
        let text = self.git.blob_text(blob, c.rel)?;
        match c.place {
            Place::Config => Config::parse(&text).map(drop),
            Place::People => People::parse(&text).map(drop),
            _ => Procedure::parse(&text, std::path::Path::new(c.rel)).map(drop),
        }
        .map_err(|e| anyhow!(t!(VerifyUnreadable, error = format!("{e:#}"))))
    }

    /// Replays the change to one request file. Returns the SHA-256 of each file its new
    /// history entry attaches.
    #[allow(clippy::too_many_arguments)]
    fn check_request(
        &mut self,
        found: &mut Found,
        at: At,
        rules: &Rules,
        claims: &Claims,
        id: &str,
        c: &RecordChange,
        asset_changes: &[&RecordChange],
        linked: &[&RecordChange],
    ) -> Vec<String> {
        let snap = at.parent;
        let mut add = |problem: String| found.add(Some(id.to_string()), problem);
        let Some(after_blob) = c.change.new else {
            add(t!(VerifyDeletesRequest, rel = c.rel));
            return Vec::new();
        };
        let after = match self.read_request(c.rel, after_blob) {
            Ok(r) => r,
            Err(e) => {
                add(t!(VerifyUnreadable, error = format!("{e:#}")));
                return Vec::new();
            }
        };
        let before = match c
            .change
            .old
            .map(|b| self.read_request(c.rel, b))
            .transpose()
        {
            Ok(b) => b,
            Err(e) => {
                add(t!(VerifyBeforeUnreadable, error = format!("{e:#}")));
                return Vec::new();
            }
        };
        let Some(entry) = added_entry(before.as_deref(), &after, &mut add) else {
            return Vec::new();
        };
        let attached: Vec<String> = entry.attachments.iter().map(|a| a.sha256.clone()).collect();
        for problem in self.stored_as_listed(at.commit, &entry.attachments) {
            add(problem);
        }
        if let Some(why) = &rules.people_unusable {
            add(t!(VerifyNotReplayed, why = why));
            return Vec::new();
        }
        let Some(actor) = rules.people.find(&entry.by) else {
            add(t!(VerifyEntryByStranger, by = entry.by));
            return Vec::new();
        };
        let procedure_id = before.as_deref().map_or(&after.procedure, |b| &b.procedure);
        let procedure = match self.loader.procedure(snap, rules, procedure_id) {
            Ok(p) => p,
            Err(e) => {
                add(t!(VerifyNotReplayed, why = format!("{e:#}")));
                return Vec::new();
            }
        };
        let outcome = {
            let (git, parsed) = (self.git, &self.assets);
            let assets = |id: &str| asset_at(git, parsed, snap, id).map_err(|e| format!("{e:#}"));
            let loader = std::cell::RefCell::new(&mut self.loader);
            let procedures = |id: &str| {
                let mut loader = loader.borrow_mut();
                loader
                    .procedure(snap, rules, id)
                    .map_err(|e| format!("{e:#}"))
            };
            replay(
                snap,
                &assets,
                rules,
                &procedure,
                &procedures,
                before.as_deref(),
                &after,
                entry,
                actor,
                asset_changes,
                linked,
            )
        };
        match outcome {
            Err(refusal) => add(t!(
                VerifyNotLegal,
                action = entry.action,
                by = entry.by,
                refusal = refusal
            )),
            Ok(expected) => {
                if expected.request != *after {
                    add(t!(
                        VerifyNotWhatSopWrites,
                        action = entry.action,
                        by = entry.by,
                        parts = differences(&expected.request, &after).join(", ")
                    ));
                }
                for problem in self.compare_assets(&expected.assets, asset_changes) {
                    add(problem);
                }
                for problem in self.compare_linked(&expected.linked, linked) {
                    add(problem);
                }
                for problem in story(claims, &expected, actor, before.as_deref()) {
                    add(problem);
                }
            }
        }
        attached
    }

    /// Findings where the other request files a change wrote through call steps differ from
    /// what sop writes.
    fn compare_linked(&self, expected: &[Request], linked: &[&RecordChange]) -> Vec<String> {
        let mut problems = Vec::new();
        for req in expected {
            let path = layout::request(&req.id);
            let written = linked
                .iter()
                .find(|c| c.rel == path)
                .and_then(|c| c.change.new);
            match written.map(|b| self.read_request(&path, b)) {
                None => problems.push(t!(VerifyLinkedMissing, id = req.id)),
                Some(Err(e)) => problems.push(t!(VerifyUnreadable, error = format!("{e:#}"))),
                Some(Ok(actual)) if *actual != *req => problems.push(t!(
                    VerifyLinkedDiffers,
                    id = req.id,
                    parts = differences(req, &actual).join(", ")
                )),
                Some(Ok(_)) => {}
            }
        }
        for c in linked {
            if !expected.iter().any(|r| layout::request(&r.id) == c.rel) {
                problems.push(t!(VerifyChangeDoesNot, rel = c.rel));
            }
        }
        problems
    }

    /// Findings where the commit's asset files differ from what sop writes.
    fn compare_assets(&self, expected: &[Asset], asset_changes: &[&RecordChange]) -> Vec<String> {
        let mut problems = Vec::new();
        for asset in expected {
            let path = layout::asset(&asset.id);
            let written = asset_changes
                .iter()
                .find(|c| c.rel == path)
                .and_then(|c| c.change.new);
            match written.map(|b| self.read_asset(&path, b)) {
                None => problems.push(t!(VerifyAssetMissing, id = asset.id)),
                Some(Err(e)) => problems.push(t!(VerifyUnreadable, error = format!("{e:#}"))),
                Some(Ok(actual)) if *actual != *asset => {
                    problems.push(t!(VerifyAssetDiffers, id = asset.id))
                }
                Some(Ok(_)) => {}
            }
        }
        for c in asset_changes {
            if !expected.iter().any(|a| layout::asset(&a.id) == c.rel) {
                problems.push(t!(VerifyStepDoesNot, rel = c.rel));
            }
        }
        problems
    }

    /// Findings where a file a new history entry attaches is not in the commit's tree as the
    /// entry lists it: at the path of its SHA-256, with that SHA-256, size and media type.
    fn stored_as_listed(&self, commit: &CommitInfo, files: &[Attachment]) -> Vec<String> {
        let mut problems = Vec::new();
        if files.is_empty() {
            return problems;
        }
        let tree = match commit.snapshot() {
            Ok(tree) => tree,
            Err(e) => return vec![t!(VerifyCommitFiles, error = format!("{e:#}"))],
        };
        for file in files {
            if !layout::is_sha256(&file.sha256) {
                continue; // the replay refuses it, naming the attachment
            }
            let rel = layout::attachment(&file.sha256);
            let bytes = match tree.bytes(&rel) {
                Ok(Some(bytes)) => bytes,
                Ok(None) => {
                    problems.push(t!(
                        VerifyNoAttachmentFile,
                        name = file.name,
                        sha = file.sha256,
                        rel = rel
                    ));
                    continue;
                }
                Err(e) => {
                    problems.push(t!(VerifyCannotRead, rel = rel, error = format!("{e:#}")));
                    continue;
                }
            };
            let actual = crate::attachment::sha256(&bytes);
            if actual != file.sha256 {
                problems.push(t!(
                    VerifyAttachmentSha,
                    name = file.name,
                    sha = file.sha256,
                    rel = rel,
                    actual = actual
                ));
                continue;
            }
            if bytes.len() as u64 != file.size {
                problems.push(t!(
                    VerifyAttachmentSize,
                    name = file.name,
                    size = file.size,
                    actual = bytes.len()
                ));
            }
            let media_type = crate::attachment::detect(&file.name, &bytes);
            if media_type != file.media_type {
                problems.push(t!(
                    VerifyAttachmentType,
                    name = file.name,
                    listed = file.media_type,
                    actual = media_type
                ));
            }
        }
        problems
    }

    fn read_request(&self, rel: &str, blob: Oid) -> Result<Rc<Request>> {
        self.requests.borrow_mut().get_or_read(rel, blob, || {
            parse_request(std::path::Path::new(rel), &self.git.blob_text(blob, rel)?)
        })
    }

    fn read_asset(&self, rel: &str, blob: Oid) -> Result<Rc<Asset>> {
        read_asset(self.git, &self.assets, rel, blob)
    }
}

/// The asset file `rel` in blob `blob`, through the assets parsed lately.
fn read_asset(
    git: &Git,
    parsed: &RefCell<Parsed<Asset>>,
    rel: &str,
    blob: Oid,
) -> Result<Rc<Asset>> {
    parsed.borrow_mut().get_or_read(rel, blob, || {
        parse_asset(std::path::Path::new(rel), &git.blob_text(blob, rel)?)
    })
}

/// The asset `id` as `snap` has it, if it has one: `change::read_asset`, through the assets
/// parsed lately.
fn asset_at(
    git: &Git,
    parsed: &RefCell<Parsed<Asset>>,
    snap: &Snapshot,
    id: &str,
) -> Result<Option<Asset>> {
    let rel = layout::asset(id);
    match snap.blob(&rel)? {
        Some(blob) => Ok(Some((*read_asset(git, parsed, &rel, blob)?).clone())),
        None => Ok(None),
    }
}

/// Record files parsed lately, by blob id. The request a change starts from is almost always
/// one an earlier commit of the same run wrote a few dozen commits before (histories
/// interleave), so it is neither inflated nor parsed again. A blob is the same bytes wherever
/// it is, but whether it parses depends on its path too (a record must sit where its id
/// says): a value is reused only at the path it was read at. Only what parsed is kept; a
/// file that does not is read again, with the same error. Bounded (`Generations`), so that
/// memory does not grow with the history.
struct Parsed<T>(Generations<Oid, (Rc<str>, Rc<T>)>);

/// Records kept per generation by `Parsed`. On 20,000 commits of a 100,000-request office
/// (17,100 changes with a request before them), 64 found 9,200 of the befores, 256 12,100,
/// 1,024 14,100 and 4,096 14,250, the most there is (the rest were written before the run);
/// the cache held 1,024 at about 16 MB more peak than 64 (two threads).
const PARSED_RECORDS: usize = 512;

impl<T> Default for Parsed<T> {
    fn default() -> Self {
        Parsed(Generations::new(PARSED_RECORDS))
    }
}

impl<T> Parsed<T> {
    /// The record at `rel` in blob `blob`: kept, or `read` and kept.
    fn get_or_read(
        &mut self,
        rel: &str,
        blob: Oid,
        read: impl FnOnce() -> Result<T>,
    ) -> Result<Rc<T>> {
        let kept = self.0.get(&blob).filter(|(at, _)| **at == *rel);
        if let Some((_, value)) = kept {
            return Ok(value);
        }
        let value = Rc::new(read()?);
        self.0.put(blob, (rel.into(), value.clone()), 1);
        Ok(value)
    }
}

/// Where a request change is judged: its parent (the rules, the request before) and the
/// commit itself (the files it stores).
#[derive(Clone, Copy)]
struct At<'a, 'r> {
    parent: &'a Snapshot<'r>,
    commit: &'a CommitInfo<'r>,
}

/// Files under attachments/ are added only by a request's change whose new history entry
/// attaches them, and never changed or deleted: attachments change only with their request.
fn check_attachment_files(
    found: &mut Found,
    claims: &Claims,
    records: &[RecordChange],
    attached: &HashSet<String>,
) {
    for c in records {
        let Place::Attachment(hash) = &c.place else {
            continue;
        };
        let request = claims.trailers.request.clone();
        match (c.change.old, c.change.new) {
            (Some(_), _) => found.add(
                request,
                t!(VerifyAttachmentChanged, verb = verb(c.change), rel = c.rel),
            ),
            (None, Some(_)) if !attached.contains(hash) => {
                found.add(request, t!(VerifyAttachmentUnlisted, rel = c.rel))
            }
            _ => {}
        }
    }
}

/// The one history entry a change adds to `before`; reports anything else.
fn added_entry<'a>(
    before: Option<&Request>,
    after: &'a Request,
    add: &mut impl FnMut(String),
) -> Option<&'a Entry> {
    let known = before.map_or(&[][..], |b| b.history.as_slice());
    let kept = after.history.len() >= known.len() && after.history[..known.len()] == *known;
    if !kept {
        let first = known
            .iter()
            .zip(&after.history)
            .position(|(a, b)| a != b)
            .unwrap_or(after.history.len());
        let gone = &known[first.min(known.len().saturating_sub(1))];
        add(t!(
            VerifyRewritesHistory,
            n = first + 1,
            action = gone.action,
            by = gone.by,
            at = gone.at.format("%Y-%m-%d %H:%M")
        ));
        return None;
    }
    match &after.history[known.len()..] {
        [entry] => Some(entry),
        [] => {
            add(t!(VerifyNoEntry));
            None
        }
        many => {
            add(t!(VerifyManyEntries, n = many.len()));
            None
        }
    }
}

/// What sop writes for `entry`, from `before` (None: the request's creation): the engine's
/// one change function, with the rules and register of the parent commit. Ids are random,
/// so the replay takes those the commit used: the request's own, and the assets it adds.
#[allow(clippy::too_many_arguments)]
fn replay(
    snap: &Snapshot,
    assets: &dyn Fn(&str) -> Result<Option<Asset>, String>,
    rules: &Rules,
    procedure: &Procedure,
    procedures: &dyn Fn(&str) -> Result<std::rc::Rc<Procedure>, String>,
    before: Option<&Request>,
    after: &Request,
    entry: &Entry,
    actor: &Person,
    asset_changes: &[&RecordChange],
    linked: &[&RecordChange],
) -> Result<Outcome, engine::Refusal> {
    let mut added: Vec<String> = asset_changes
        .iter()
        .filter(|c| c.change.old.is_none() && c.change.new.is_some())
        .filter_map(|c| match &c.place {
            Place::Asset(id) => Some(id.clone()),
            _ => None,
        })
        .collect();
    added.sort();
    // The asset a new request names is one it was given, unless this commit registers it.
    let given_asset = after.asset.clone().filter(|a| !added.contains(a));
    if let Some(first) = &after.asset {
        if let Some(i) = added.iter().position(|a| a == first) {
            let id = added.remove(i);
            added.insert(0, id);
        }
    }
    let mut added = added.into_iter();
    // Requests the commit adds: this one when it is new, then those its call steps started.
    let mut new_requests: Vec<String> = linked
        .iter()
        .filter(|c| c.change.old.is_none())
        .filter_map(|c| match &c.place {
            Place::Request(id) => Some(id.clone()),
            _ => None,
        })
        .collect();
    new_requests.sort();
    if before.is_none() {
        new_requests.insert(0, after.id.clone());
    }
    let mut ids = |prefix: &str| {
        if prefix == crate::asset::PREFIX {
            return added.next().unwrap_or_else(|| t!(VerifyNoneAdded));
        }
        let own = |id: &String| id.strip_prefix(prefix).is_some_and(|r| r.starts_with('-'));
        match new_requests.iter().position(own) {
            Some(i) => new_requests.remove(i),
            None => t!(VerifyNoneAdded),
        }
    };
    let requests = |id: &str| crate::change::find_request(snap, id).map_err(|e| format!("{e:#}"));
    let world = World {
        procedure,
        config: &rules.config,
        people: &rules.people,
        assets,
        procedures,
        requests: &requests,
        now: entry.at,
    };
    let edited = |name: &str| entry.edits.iter().find(|e| e.name == name);
    let fields: Vec<(String, String)> = match entry.action {
        Action::Edit => entry
            .edits
            .iter()
            .filter(|e| e.name != crate::engine::TITLE)
            .map(|e| (e.name.clone(), e.to.clone()))
            .collect(),
        _ => entry
            .fields
            .iter()
            .map(|(k, v)| (k.clone(), v.to_string()))
            .collect(),
    };
    // A file field is filled by its attachment, which the change carries.
    let fields = fields
        .into_iter()
        .filter(|(name, _)| {
            !entry
                .attachments
                .iter()
                .any(|a| a.field.as_ref() == Some(name))
        })
        .collect();
    let title = match entry.action {
        Action::Edit => edited(crate::engine::TITLE).map(|e| e.to.clone()),
        _ => Some(after.title.clone()),
    };
    let change = Change {
        title,
        asset: given_asset,
        option: entry.option.clone(),
        output: entry.output.clone(),
        note: entry.note.clone(),
        fields,
        secrets: entry.secrets.clone(),
        assignee: entry.assignee.clone(),
        until: entry.until,
        on_behalf_of: after.on_behalf_of.clone().filter(|_| before.is_none()),
        attachments: entry.attachments.clone(),
        ..Change::new(entry.action)
    };
    engine::change(&world, before, actor, change, &mut ids)
}

/// Where the commit and the change it records disagree: trailers, author, time.
fn story(
    claims: &Claims,
    expected: &Outcome,
    actor: &Person,
    before: Option<&Request>,
) -> Vec<String> {
    let mut problems = Vec::new();
    let entry = expected
        .request
        .history
        .last()
        .expect("a replayed change has history");
    let said = &claims.trailers;
    if said.request.is_none() {
        problems.push(t!(VerifyWithoutSop));
    } else {
        let want = crate::change::trailers(expected);
        let show = |v: &Option<String>| v.clone().unwrap_or_else(|| t!(VerifyNothing));
        let step = |v: &Option<(String, String)>| {
            v.as_ref()
                .map_or_else(|| t!(VerifyNothing), |(a, b)| format!("{a} -> {b}"))
        };
        for (key, said, want) in [
            ("Sop-Request", show(&said.request), show(&want.request)),
            (
                "Sop-Procedure",
                show(&said.procedure),
                show(&want.procedure),
            ),
            ("Sop-Action", show(&said.action), show(&want.action)),
            ("Sop-Step", step(&said.step), step(&want.step)),
            ("Sop-Actor", show(&said.actor), show(&want.actor)),
            (
                "Sop-Acting-For",
                show(&said.acting_for),
                show(&want.acting_for),
            ),
            (
                "Sop-On-Behalf-Of",
                show(&said.on_behalf_of),
                show(&want.on_behalf_of),
            ),
            // The order of registered assets is the order of their random ids: a set.
            ("Sop-Asset", sorted(&said.assets), sorted(&want.assets)),
            ("Sop-Linked", sorted(&said.linked), sorted(&want.linked)),
        ] {
            if said != want {
                let nothing = t!(VerifyNothing);
                let said = if said.is_empty() { &nothing } else { &said };
                let want = if want.is_empty() { &nothing } else { &want };
                problems.push(t!(VerifyTrailer, key = key, said = said, want = want));
            }
        }
    }
    if !claims.author_email.eq_ignore_ascii_case(&actor.email) {
        problems.push(t!(
            VerifyAuthor,
            author = claims.author_email,
            id = actor.id,
            email = actor.email
        ));
    }
    if claims.author_time != entry.at.timestamp() {
        problems.push(t!(
            VerifyDated,
            commit_at =
                office_time_like(entry.at, claims.author_time).format("%Y-%m-%d %H:%M:%S %:z"),
            entry_at = entry.at.format("%Y-%m-%d %H:%M:%S %:z")
        ));
    }
    if let Some(last) = before.and_then(|b| b.history.last()) {
        if entry.at < last.at {
            problems.push(t!(
                VerifyBeforePrevious,
                at = entry.at.format("%Y-%m-%d %H:%M"),
                last = last.at.format("%Y-%m-%d %H:%M")
            ));
        }
    }
    problems
}

fn sorted(ids: &[String]) -> String {
    let mut ids = ids.to_vec();
    ids.sort();
    ids.join(", ")
}

/// "adds", "changes" or "deletes".
fn verb(c: &PathChange) -> String {
    match (c.old, c.new) {
        (None, _) => t!(VerifyAdds),
        (_, None) => t!(VerifyDeletes),
        _ => t!(VerifyChanges),
    }
}

/// The parts of two versions of a request that differ.
fn differences(expected: &Request, actual: &Request) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut cmp = |same: bool, name: &'static str| {
        if !same {
            out.push(name);
        }
    };
    cmp(expected.status == actual.status, "status");
    cmp(expected.step == actual.step, "step");
    cmp(expected.fields == actual.fields, "fields");
    cmp(expected.history == actual.history, "history");
    cmp(expected.title == actual.title, "title");
    cmp(expected.version == actual.version, "version");
    cmp(expected.procedure == actual.procedure, "procedure");
    cmp(expected.requester == actual.requester, "requester");
    cmp(expected.created == actual.created, "created");
    cmp(expected.asset == actual.asset, "asset");
    cmp(expected.assignee == actual.assignee, "assignee");
    cmp(expected.hold == actual.hold, "hold");
    cmp(expected.attachments == actual.attachments, "attachments");
    cmp(expected.on_behalf_of == actual.on_behalf_of, "on_behalf_of");
    cmp(expected.parent == actual.parent, "parent");
    cmp(expected.children == actual.children, "children");
    cmp(expected.id == actual.id, "id");
    out
}

struct Found {
    commit: String,
    list: Vec<Finding>,
}

impl Found {
    fn add(&mut self, request: Option<String>, problem: String) {
        self.list.push(Finding {
            commit: self.commit.clone(),
            request,
            problem,
        });
    }
}

/// The finding a signature's status makes, by `who` where sop.toml's policy is `required`.
fn signature_problem(status: Status, required: bool, who: &str) -> Option<String> {
    match status {
        Status::Good => None,
        Status::Bad(why) => Some(t!(VerifyBadSignature, why = why)),
        Status::UnknownKey(why) if required => Some(t!(VerifyNotTheirKey, why = why, who = who)),
        Status::Unsigned if required => Some(t!(VerifyUnsigned)),
        _ => None,
    }
}

fn claims(commit: &CommitInfo) -> Claims {
    Claims {
        trailers: Trailers::parse(&commit.message()),
        author_email: commit.author_email(),
        author_time: commit.author_seconds(),
    }
}

fn office_time(config: &Config, seconds: i64) -> DateTime<FixedOffset> {
    let offset = config
        .offset()
        .unwrap_or(FixedOffset::east_opt(0).expect("zero"));
    offset
        .timestamp_opt(seconds, 0)
        .single()
        .unwrap_or_default()
}

fn office_time_like(like: DateTime<FixedOffset>, seconds: i64) -> DateTime<FixedOffset> {
    like.offset()
        .timestamp_opt(seconds, 0)
        .single()
        .unwrap_or(like)
}

#[cfg(test)]
mod tests {
    use super::*;

    const AT: &str = "2026-11-23T09:00:00+07:00";

    /// A request whose last change is an advance by `by` at `at`.
    fn outcome(by: &str, at: &str) -> Outcome {
        let at = DateTime::parse_from_rfc3339(at).unwrap();
        let entry = Entry {
            to: Some("terima".into()),
            ..Entry::new("isi", Action::Advance, by, at)
        };
        Outcome {
            request: Request {
                id: "EML-1".into(),
                procedure: "email".into(),
                version: 1,
                title: "t".into(),
                status: "open".into(),
                step: Some("terima".into()),
                requester: "uli".into(),
                created: at,
                asset: None,
                assignee: None,
                fields: Default::default(),
                on_behalf_of: None,
                parent: None,
                children: Vec::new(),
                hold: None,
                attachments: vec![],
                history: vec![entry],
            },
            assets: vec![],
            linked: vec![],
        }
    }

    fn person(id: &str) -> Person {
        Person {
            id: id.into(),
            name: id.into(),
            nip: None,
            email: format!("{id}@x.id"),
            roles: vec![],
            keys: vec![],
        }
    }

    fn claims(message: &str, email: &str, at: &str) -> Claims {
        Claims {
            trailers: Trailers::parse(message),
            author_email: email.into(),
            author_time: DateTime::parse_from_rfc3339(at).unwrap().timestamp(),
        }
    }

    #[test]
    fn a_commit_telling_the_same_story_as_its_change_passes() {
        let expected = outcome("uli", AT);
        let message = format!(
            "EML-1 advance: Isi\n\n{}",
            crate::change::trailers(&expected).render()
        );
        let c = claims(&message, "ULI@x.id", AT);
        assert!(story(&c, &expected, &person("uli"), None).is_empty());
    }

    #[test]
    fn every_disagreement_is_named() {
        let c = claims(
            "s\n\nSop-Request: EML-1\nSop-Procedure: email@1\nSop-Action: approve\nSop-Step: isi -> terima\nSop-Actor: sri\nSop-Acting-For: kadis\n",
            "sri@x.id",
            "2026-11-23T09:05:00+07:00",
        );
        let problems = story(&c, &outcome("uli", AT), &person("uli"), None);
        assert_eq!(problems.len(), 5, "{problems:#?}");
        assert!(problems[0].contains("Sop-Action says approve, its change says advance"));
        assert!(problems[1].contains("Sop-Actor says sri"));
        assert!(problems[2].contains("Sop-Acting-For says kadis"));
        assert!(problems[3].contains("author is sri@x.id"));
        assert!(problems[4].contains("the commit is dated 2026-11-23 09:05:00"));
        let bare = claims("s", "uli@x.id", AT);
        assert_eq!(
            story(&bare, &outcome("uli", AT), &person("uli"), None),
            ["was committed without sop (the commit has no Sop-Request trailer)"]
        );
    }
}
