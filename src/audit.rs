//! The checks of `sop verify`: each commit is judged against the state of its parent.
//!
//! For a commit C with parent P, people.toml, sop.toml and the procedures are read as of P,
//! and every request file C changes is replayed: the history entry C adds is fed to the same
//! engine that `sop` runs (`World::create` / `World::apply`) at the entry's time, and the
//! result must be exactly the file C committed. The commit itself must tell the same story
//! as the entry (trailers, author, time), be signed by the actor's key where sop.toml asks
//! for signatures, and change nothing sop would not. The commit whose parent has no sop.toml
//! (the one `sop init` made) is the trusted anchor.

use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

use anyhow::{anyhow, Result};
use chrono::{DateTime, FixedOffset, TimeZone as _};
use git2::{Commit, Oid, Repository, Tree};
use serde::Serialize;

use crate::asset::Asset;
use crate::config::Config;
use crate::engine::{Action, Change, NewRequest, World};
use crate::history::{self, PathChange};
use crate::people::{People, Person};
use crate::procedure::Procedure;
use crate::request::{Entry, Request};
use crate::signing::{self, Signed, Status};
use crate::store::Records;

/// One problem found, about one commit (and request, when it concerns one).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Finding {
    pub commit: String,
    pub request: Option<String>,
    pub problem: String,
}

/// What is trusted when judging a commit: the records as of its parent.
struct State<'r> {
    tree: Tree<'r>,
    config: Rc<Config>,
    people: Rc<People>,
}

/// What a commit says about itself.
struct Claims {
    trailers: HashMap<String, String>,
    /// `Sop-Asset:` trailers: assets a request's change also wrote.
    assets: Vec<String>,
    author_email: String,
    author_time: i64,
}

pub struct Auditor<'r> {
    repo: &'r Repository,
    /// Whether a commit that makes the records directory (its parent has no sop.toml) is the
    /// trusted anchor. Off for `--range`: what a push brings must continue trusted history.
    pub trust_anchor: bool,
    /// Where the records directory is in the repository: "" or "dir/".
    prefix: String,
    gpg: String,
    configs: HashMap<Oid, Rc<Config>>,
    people: HashMap<Oid, Rc<People>>,
    procedures: HashMap<Oid, Rc<Procedure>>,
}

impl<'r> Auditor<'r> {
    pub fn new(repo: &'r Repository, prefix: &str) -> Auditor<'r> {
        Auditor {
            repo,
            trust_anchor: true,
            prefix: prefix.to_string(),
            gpg: signing::gpg_program(repo),
            configs: HashMap::new(),
            people: HashMap::new(),
            procedures: HashMap::new(),
        }
    }

    /// Every problem with commit `oid`.
    pub fn check(&mut self, oid: Oid) -> Result<Vec<Finding>> {
        let commit = self.repo.find_commit(oid)?;
        let mut found = Found {
            commit: oid.to_string(),
            list: Vec::new(),
        };
        let parent_tree = match commit.parents().next() {
            Some(p) => Some(p.tree()?),
            None => None,
        };
        let state = match self.state(parent_tree) {
            Ok(Some(state)) => state,
            // No records directory before this commit: it makes one, the trusted anchor.
            Ok(None) => return self.check_anchor(found, &commit),
            Err(e) => {
                found.add(None, format!("cannot be judged: as of its parent, {e:#}"));
                return Ok(found.list);
            }
        };
        let changes = history::changes_under(self.repo, &commit, "")?;
        if !changes.iter().any(|c| self.relative(&c.path).is_some()) {
            // Nothing in the records directory: not sop's business.
            return Ok(Vec::new());
        }
        let claims = claims(&commit);
        let signer_id = claims.trailers.get("Sop-Actor").cloned().or_else(|| {
            state
                .people
                .find(&claims.author_email)
                .map(|p| p.id.clone())
        });
        let signer = signer_id.as_deref().and_then(|id| state.people.find(id));
        self.check_signature(
            &mut found,
            &state,
            signer,
            &signing::signed_parts(self.repo, oid)?,
        );
        self.check_scope(&mut found, &claims, &changes);
        let config_changes: Vec<&PathChange> =
            changes.iter().filter(|c| self.is_config(&c.path)).collect();
        if !config_changes.is_empty() {
            self.check_config(&mut found, &state, &claims, &config_changes);
        }
        let asset_dir = format!("{}assets/", self.prefix);
        let asset_changes: Vec<&PathChange> = changes
            .iter()
            .filter(|c| c.path.starts_with(&asset_dir))
            .collect();
        let touches_request = changes
            .iter()
            .any(|c| history::request_id(&self.prefix, &c.path).is_some());
        if !asset_changes.is_empty() && !touches_request {
            self.check_register(&mut found, &state, &claims, &asset_changes);
        }
        for change in &changes {
            if let Some(id) = history::request_id(&self.prefix, &change.path) {
                self.check_request(&mut found, &state, &claims, &id, change, &asset_changes)?;
            }
        }
        Ok(found.list)
    }

    /// A commit that makes a records directory is trusted only as the start of the history.
    fn check_anchor(&self, mut found: Found, commit: &Commit) -> Result<Vec<Finding>> {
        let config = format!("{}sop.toml", self.prefix);
        if !self.trust_anchor && history::blob_at(&commit.tree()?, &config)?.is_some() {
            found.add(
                None,
                format!("starts a records directory anew (its parent has no {config}): what is checked with --range must continue the trusted history"),
            );
        }
        Ok(found.list)
    }

    /// The trusted state as of a parent tree; None when it has no records directory.
    fn state(&mut self, tree: Option<Tree<'r>>) -> Result<Option<State<'r>>> {
        let Some(tree) = tree else { return Ok(None) };
        let Some(config_blob) = history::blob_at(&tree, &format!("{}sop.toml", self.prefix))?
        else {
            return Ok(None);
        };
        let config = cached(&mut self.configs, config_blob, Config::parse, self.repo)?;
        let people_blob = history::blob_at(&tree, &format!("{}people.toml", self.prefix))?
            .ok_or_else(|| anyhow!("people.toml is missing"))?;
        let people = cached(&mut self.people, people_blob, People::parse, self.repo)?;
        Ok(Some(State {
            tree,
            config,
            people,
        }))
    }

    fn procedure(&mut self, state: &State, id: &str) -> Result<Rc<Procedure>> {
        let rel = format!("procedures/{id}.toml");
        let blob = history::blob_at(&state.tree, &format!("{}{rel}", self.prefix))?
            .ok_or_else(|| anyhow!("there is no procedure '{id}'"))?;
        cached(
            &mut self.procedures,
            blob,
            |text| Procedure::parse(text, Path::new(&rel)),
            self.repo,
        )
    }

    fn relative<'p>(&self, path: &'p str) -> Option<&'p str> {
        path.strip_prefix(self.prefix.as_str())
    }

    fn is_config(&self, path: &str) -> bool {
        self.relative(path).is_some_and(|rel| {
            rel == "sop.toml" || rel == "people.toml" || rel.starts_with("procedures/")
        })
    }

    /// Where sop.toml requires signatures: signed, by the signer's key in people.toml.
    /// A bad signature is a finding whatever the policy.
    fn check_signature(
        &self,
        found: &mut Found,
        state: &State,
        signer: Option<&Person>,
        signed: &Signed,
    ) {
        let keys = signer.map_or(&[][..], |p| p.keys.as_slice());
        let required = state.config.policy.require_signatures;
        let who = signer.map_or("its author".to_string(), |p| p.id.clone());
        match signing::check(signed, keys, &self.gpg) {
            Status::Good => {}
            Status::Bad(why) => found.add(None, format!("bad signature: {why}")),
            Status::UnknownKey(why) if required => found.add(
                None,
                format!(
                    "{why}, which is not a key of {who} in people.toml (as of the parent commit)"
                ),
            ),
            Status::Unsigned if required => found.add(
                None,
                "is not signed, but sop.toml requires signatures (require_signatures = true)"
                    .into(),
            ),
            _ => {}
        }
    }

    /// sop changes one request file per commit, and nothing else with it.
    fn check_scope(&self, found: &mut Found, claims: &Claims, changes: &[PathChange]) {
        let requests: Vec<&str> = changes
            .iter()
            .filter(|c| history::request_id(&self.prefix, &c.path).is_some())
            .map(|c| c.path.as_str())
            .collect();
        if let Some(id) = claims.trailers.get("Sop-Request") {
            let own = format!(
                "{}{}",
                self.prefix,
                Records::request_path(id)
                    .to_string_lossy()
                    .replace('\\', "/")
            );
            let asset_dir = format!("{}assets/", self.prefix);
            let named_asset = |p: &str| {
                p.starts_with(&asset_dir)
                    && claims
                        .assets
                        .iter()
                        .any(|a| p.ends_with(&format!("/{a}.toml")))
            };
            let extra: Vec<&str> = changes
                .iter()
                .map(|c| c.path.as_str())
                .filter(|p| *p != own && !named_asset(p))
                .collect();
            if !extra.is_empty() {
                found.add(
                    Some(id.clone()),
                    format!(
                        "a sop commit for {id} also changes {}; sop changes only the request's file (and the assets its Sop-Asset trailers name)",
                        extra.join(", ")
                    ),
                );
            }
        } else if requests.len() > 1 {
            found.add(
                None,
                format!(
                    "changes {} request files in one commit ({}); sop makes one commit per change",
                    requests.len(),
                    requests.join(", ")
                ),
            );
        }
    }

    /// Changes to the asset register outside a request (`sop asset add|import`) are for the
    /// register's keeper or an administrator, and leave readable asset files.
    fn check_register(
        &self,
        found: &mut Found,
        state: &State,
        claims: &Claims,
        changes: &[&PathChange],
    ) {
        let date = office_time(&state.config, claims.author_time).date_naive();
        let allowed = state
            .people
            .find(&claims.author_email)
            .is_some_and(|p| crate::asset::may_register(&state.people, &state.config, &p.id, date));
        if !allowed {
            found.add(
                None,
                format!(
                    "changes the asset register ({} file(s)) but its author {} holds neither '{}' nor '{}' (as of the parent commit)",
                    changes.len(),
                    claims.author_email,
                    crate::asset::REGISTRAR,
                    state.config.policy.admin_role
                ),
            );
        }
        for change in changes {
            match change.new {
                None => found.add(
                    None,
                    format!(
                        "deletes {}: an asset is disposed of, its file is kept",
                        change.path
                    ),
                ),
                Some(blob) => {
                    if let Err(e) = read_asset(self.repo, blob) {
                        found.add(
                            None,
                            format!("writes {} so that sop cannot read it: {e}", change.path),
                        );
                    }
                }
            }
        }
    }

    /// Changes to sop.toml, people.toml and procedures/ are for an administrator.
    fn check_config(
        &mut self,
        found: &mut Found,
        state: &State,
        claims: &Claims,
        changes: &[&PathChange],
    ) {
        let paths: Vec<&str> = changes.iter().map(|c| c.path.as_str()).collect();
        let admin = &state.config.policy.admin_role;
        let date = office_time(&state.config, claims.author_time).date_naive();
        match state.people.find(&claims.author_email) {
            None => found.add(
                None,
                format!(
                    "changes {} but its author {} is not in people.toml (as of the parent commit); only a holder of role '{admin}' may",
                    paths.join(", "),
                    claims.author_email
                ),
            ),
            Some(p) if state.people.holds(&p.id, admin, date).is_none() => found.add(
                None,
                format!(
                    "changes {} but its author {} does not hold the administrator role '{admin}' (as of the parent commit)",
                    paths.join(", "),
                    p.id
                ),
            ),
            Some(_) => {}
        }
        for change in changes {
            if let Err(e) = self.readable_config(change) {
                found.add(None, format!("{e:#}"));
            }
        }
    }

    fn readable_config(&self, change: &PathChange) -> Result<()> {
        let rel = self.relative(&change.path).unwrap_or(&change.path);
        let Some(blob) = change.new else {
            return if rel.starts_with("procedures/") {
                Ok(())
            } else {
                Err(anyhow!("deletes {rel}, without which sop cannot work"))
            };
        };
        let text = blob_text(self.repo, blob)?;
        match rel {
            "sop.toml" => Config::parse(&text).map(drop),
            "people.toml" => People::parse(&text).map(drop),
            _ if rel.ends_with(".toml") => Procedure::parse(&text, Path::new(rel)).map(drop),
            _ => Ok(()),
        }
        .map_err(|e| anyhow!("writes a file sop cannot read: {e:#}"))
    }

    /// Replays the change to one request file.
    fn check_request(
        &mut self,
        found: &mut Found,
        state: &State,
        claims: &Claims,
        id: &str,
        change: &PathChange,
        asset_changes: &[&PathChange],
    ) -> Result<()> {
        let mut add = |problem: String| found.add(Some(id.to_string()), problem);
        let Some(after_blob) = change.new else {
            add(format!("deletes the request file {}", change.path));
            return Ok(());
        };
        let after = match read_request(self.repo, after_blob) {
            Ok(r) => r,
            Err(e) => {
                add(format!("writes a request file sop cannot read: {e:#}"));
                return Ok(());
            }
        };
        let home = format!(
            "{}{}",
            self.prefix,
            Records::request_path(&after.id)
                .to_string_lossy()
                .replace('\\', "/")
        );
        if home != change.path {
            add(format!(
                "{} holds request {}, which belongs in {home}",
                change.path, after.id
            ));
            return Ok(());
        }
        let before = match change.old.map(|b| read_request(self.repo, b)).transpose() {
            Ok(b) => b,
            // The change that broke the earlier version was reported with its commit.
            Err(_) => return Ok(()),
        };
        let Some(entry) = self.added_entry(before.as_ref(), &after, &mut add) else {
            return Ok(());
        };
        let Some(actor) = state.people.find(&entry.by) else {
            add(format!(
                "its new history entry is by '{}', who is not in people.toml (as of the parent commit)",
                entry.by
            ));
            return Ok(());
        };
        let procedure_id = before.as_ref().map_or(&after.procedure, |b| &b.procedure);
        let procedure = match self.procedure(state, procedure_id) {
            Ok(p) => p,
            Err(e) => {
                add(format!(
                    "cannot be replayed: as of the parent commit, {e:#}"
                ));
                return Ok(());
            }
        };
        let world = World {
            procedure: &procedure,
            config: &state.config,
            people: &state.people,
            now: entry.at,
        };
        match replay(&world, before.as_ref(), &after, entry, actor) {
            Err(e) => add(format!(
                "is not a legal {} by {}: {e:#}",
                entry.action, entry.by
            )),
            Ok(mut expected) => {
                let assets =
                    self.replay_assets(state, &procedure, &mut expected, &after, asset_changes);
                if expected != after {
                    add(format!(
                        "is not what sop writes for this {} by {}: {} differ(s) (edited by hand?)",
                        entry.action,
                        entry.by,
                        differences(&expected, &after).join(", ")
                    ));
                }
                match assets {
                    Ok(assets) => {
                        for problem in self.compare_assets(&assets, asset_changes) {
                            add(problem);
                        }
                    }
                    Err(e) => add(format!("its asset change cannot be replayed: {e}")),
                }
            }
        }
        for problem in story(claims, entry, actor, before.as_ref()) {
            add(problem);
        }
        Ok(())
    }

    /// The assets sop writes with this change: the procedure's effects applied to the linked
    /// asset as the parent commit has it. Assets the change registers take the ids of the
    /// asset files the commit adds (ids are random; their content is not).
    fn replay_assets(
        &self,
        state: &State,
        procedure: &Procedure,
        expected: &mut Request,
        after: &Request,
        asset_changes: &[&PathChange],
    ) -> Result<Vec<Asset>, String> {
        let linked = match &expected.asset {
            Some(asset) => {
                let path = format!(
                    "{}{}",
                    self.prefix,
                    Records::asset_path(asset)
                        .to_string_lossy()
                        .replace('\\', "/")
                );
                match history::blob_at(&state.tree, &path).map_err(|e| e.to_string())? {
                    Some(blob) => Some(read_asset(self.repo, blob)?),
                    None => {
                        return Err(format!(
                        "the request is about asset {asset}, which the parent commit does not hold"
                    ))
                    }
                }
            }
            None => None,
        };
        let mut added: Vec<String> = asset_changes
            .iter()
            .filter(|c| c.old.is_none() && c.new.is_some())
            .filter_map(|c| {
                c.path
                    .rsplit('/')
                    .next()?
                    .strip_suffix(".toml")
                    .map(str::to_string)
            })
            .collect();
        added.sort();
        if let Some(first) = after.asset.as_ref().filter(|_| expected.asset.is_none()) {
            if let Some(i) = added.iter().position(|a| a == first) {
                let id = added.remove(i);
                added.insert(0, id);
            }
        }
        let mut added = added.into_iter();
        let mut new_id = || added.next().unwrap_or_else(|| "(none added)".to_string());
        let people = |who: &str| state.people.find(who).map(|p| p.id.clone());
        crate::asset::apply_effects(procedure, expected, linked, &people, &mut new_id)
    }

    /// Findings where the commit's asset files differ from what sop writes.
    fn compare_assets(&self, expected: &[Asset], asset_changes: &[&PathChange]) -> Vec<String> {
        let mut problems = Vec::new();
        let path_of = |id: &str| {
            format!(
                "{}{}",
                self.prefix,
                Records::asset_path(id).to_string_lossy().replace('\\', "/")
            )
        };
        for asset in expected {
            let written = asset_changes
                .iter()
                .find(|c| c.path == path_of(&asset.id))
                .and_then(|c| c.new);
            match written.map(|b| read_asset(self.repo, b)) {
                None => problems.push(format!("should change asset {} but does not", asset.id)),
                Some(Err(e)) => problems.push(format!("writes asset {} so that sop cannot read it: {e}", asset.id)),
                Some(Ok(actual)) if actual != *asset => problems.push(format!(
                    "writes asset {} differently from what sop writes for this step (edited by hand?)",
                    asset.id
                )),
                Some(Ok(_)) => {}
            }
        }
        for change in asset_changes {
            if !expected.iter().any(|a| path_of(&a.id) == change.path) {
                problems.push(format!(
                    "changes {}, which this step does not change",
                    change.path
                ));
            }
        }
        problems
    }

    /// The one history entry a change adds to `before`; reports anything else.
    fn added_entry<'a>(
        &self,
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
            add(format!(
                "rewrites the request's history: entry {} ({} by {} at {}) was changed or removed",
                first + 1,
                gone.action,
                gone.by,
                gone.at.format("%Y-%m-%d %H:%M")
            ));
            return None;
        }
        let added = &after.history[known.len()..];
        match added {
            [entry] => Some(entry),
            [] => {
                add("changes the request without adding a history entry (status, step or fields edited by hand?)".into());
                None
            }
            many => {
                add(format!(
                    "adds {} history entries at once; sop adds one per commit",
                    many.len()
                ));
                None
            }
        }
    }
}

fn read_asset(repo: &Repository, blob: Oid) -> Result<Asset, String> {
    let text = blob_text(repo, blob).map_err(|e| format!("{e:#}"))?;
    Asset::from_toml(&text).map_err(|e| crate::config::short_toml_error(&e))
}

/// The request sop would write for `entry`, from `before` (None: the request's creation).
fn replay(
    world: &World,
    before: Option<&Request>,
    after: &Request,
    entry: &Entry,
    actor: &Person,
) -> Result<Request> {
    let fields: Vec<(String, String)> = entry
        .fields
        .iter()
        .map(|(k, v)| (k.clone(), v.to_string()))
        .collect();
    let action = match entry.action.as_str() {
        "create" => None,
        "advance" => Some(Action::Advance),
        "approve" => Some(Action::Approve),
        "reject" => Some(Action::Reject),
        "cancel" => Some(Action::Cancel),
        other => return Err(anyhow!("'{other}' is not an action of sop")),
    };
    match (before, action) {
        (None, None) => world.create(NewRequest {
            id: after.id.clone(),
            title: Some(after.title.clone()),
            fields,
            asset: after.asset.clone(),
            requester: actor,
        }),
        (Some(before), Some(action)) => world.apply(
            before,
            actor,
            Change {
                action,
                option: entry.option.clone(),
                output: entry.output.clone(),
                note: entry.note.clone(),
                fields,
            },
        ),
        (None, Some(_)) => Err(anyhow!("a new request must start with a create entry")),
        (Some(_), None) => Err(anyhow!("the request already exists")),
    }
}

/// Where the commit and the entry it adds disagree.
fn story(claims: &Claims, entry: &Entry, actor: &Person, before: Option<&Request>) -> Vec<String> {
    let mut problems = Vec::new();
    let t = &claims.trailers;
    if !t.contains_key("Sop-Request") {
        problems.push("was committed without sop (the commit has no Sop-Request trailer)".into());
    } else {
        for (key, want) in [("Sop-Action", &entry.action), ("Sop-Actor", &entry.by)] {
            let said = t.get(key).map_or("nothing", String::as_str);
            if said != want.as_str() {
                problems.push(format!(
                    "the commit's {key} says {said}, its history entry says {want}"
                ));
            }
        }
        let said = t.get("Sop-Acting-For");
        if said != entry.acting_for.as_ref() {
            problems.push(format!(
                "the commit's Sop-Acting-For says {}, its history entry says {}",
                said.map_or("nothing", String::as_str),
                entry.acting_for.as_deref().unwrap_or("nothing")
            ));
        }
    }
    if !claims.author_email.eq_ignore_ascii_case(&actor.email) {
        problems.push(format!(
            "the commit's author is {}, but its history entry is by {} <{}>",
            claims.author_email, actor.id, actor.email
        ));
    }
    if claims.author_time != entry.at.timestamp() {
        problems.push(format!(
            "the commit is dated {}, its history entry {}",
            office_time_like(entry.at, claims.author_time).format("%Y-%m-%d %H:%M:%S %:z"),
            entry.at.format("%Y-%m-%d %H:%M:%S %:z")
        ));
    }
    if let Some(last) = before.and_then(|b| b.history.last()) {
        if entry.at < last.at {
            problems.push(format!(
                "its history entry is dated {}, before the previous entry ({})",
                entry.at.format("%Y-%m-%d %H:%M"),
                last.at.format("%Y-%m-%d %H:%M")
            ));
        }
    }
    problems
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

fn claims(commit: &Commit) -> Claims {
    let message = String::from_utf8_lossy(commit.message_bytes());
    let pairs: Vec<(String, String)> = git2::message_trailers_strs(&message)
        .map(|t| {
            t.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        })
        .unwrap_or_default();
    let assets = pairs
        .iter()
        .filter(|(k, _)| k == "Sop-Asset")
        .map(|(_, v)| v.clone())
        .collect();
    let author = commit.author();
    Claims {
        trailers: pairs.into_iter().collect(),
        assets,
        author_email: author.email().unwrap_or_default().to_string(),
        author_time: author.when().seconds(),
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

fn blob_text(repo: &Repository, blob: Oid) -> Result<String> {
    let blob = repo.find_blob(blob)?;
    String::from_utf8(blob.content().to_vec()).map_err(|_| anyhow!("the file is not UTF-8 text"))
}

fn read_request(repo: &Repository, blob: Oid) -> Result<Request> {
    let text = blob_text(repo, blob)?;
    Request::from_toml(&text).map_err(|e| anyhow!("{}", crate::config::short_toml_error(&e)))
}

/// A parsed file by blob id, parsed once.
fn cached<T>(
    cache: &mut HashMap<Oid, Rc<T>>,
    blob: Oid,
    parse: impl FnOnce(&str) -> Result<T>,
    repo: &Repository,
) -> Result<Rc<T>> {
    if let Some(hit) = cache.get(&blob) {
        return Ok(hit.clone());
    }
    let value = Rc::new(parse(&blob_text(repo, blob)?)?);
    cache.insert(blob, value.clone());
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(by: &str, at: &str) -> Entry {
        Entry {
            step: "isi".into(),
            action: "advance".into(),
            by: by.into(),
            acting_for: None,
            at: DateTime::parse_from_rfc3339(at).unwrap(),
            to: Some("terima".into()),
            option: None,
            output: None,
            note: None,
            fields: Default::default(),
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

    fn claims(trailers: &[(&str, &str)], email: &str, at: &str) -> Claims {
        Claims {
            trailers: trailers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            assets: vec![],
            author_email: email.into(),
            author_time: DateTime::parse_from_rfc3339(at).unwrap().timestamp(),
        }
    }

    const AT: &str = "2026-11-23T09:00:00+07:00";

    #[test]
    fn a_commit_telling_the_same_story_as_its_entry_passes() {
        let c = claims(
            &[
                ("Sop-Request", "EML-1"),
                ("Sop-Action", "advance"),
                ("Sop-Actor", "uli"),
            ],
            "ULI@x.id",
            AT,
        );
        assert!(story(&c, &entry("uli", AT), &person("uli"), None).is_empty());
    }

    #[test]
    fn every_disagreement_is_named() {
        let c = claims(
            &[
                ("Sop-Request", "EML-1"),
                ("Sop-Action", "approve"),
                ("Sop-Actor", "sri"),
                ("Sop-Acting-For", "kadis"),
            ],
            "sri@x.id",
            "2026-11-23T09:05:00+07:00",
        );
        let problems = story(&c, &entry("uli", AT), &person("uli"), None);
        assert_eq!(problems.len(), 5, "{problems:#?}");
        assert!(problems[0].contains("Sop-Action says approve, its history entry says advance"));
        assert!(problems[1].contains("Sop-Actor says sri"));
        assert!(problems[2].contains("Sop-Acting-For says kadis"));
        assert!(problems[3].contains("author is sri@x.id"));
        assert!(problems[4].contains("the commit is dated 2026-11-23 09:05:00"));
        let bare = claims(&[], "uli@x.id", AT);
        assert_eq!(
            story(&bare, &entry("uli", AT), &person("uli"), None),
            ["was committed without sop (the commit has no Sop-Request trailer)"]
        );
    }
}
