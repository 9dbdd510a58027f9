//! The rules a change is judged by — sop.toml, people.toml and the procedures — loaded from
//! one commit: HEAD, read under the lock, for a change; the parent commit for `sop verify`.
//! Uncommitted edits of these files never change what sop does.
//!
//! A procedure or people.toml that `sop procedure check` rejects is not used for a change:
//! loading it for one is an input error (exit 3) naming the file and its first findings.

use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

use anyhow::Result;

use crate::config::Config;
use crate::error::Hint;
use crate::git::{self, Oid, Snapshot};
use crate::invalid;
use crate::layout;
use crate::limits;
use crate::people::People;
use crate::procedure::{self, Procedure};

/// sop.toml and people.toml as of one commit.
pub struct Rules {
    pub config: Rc<Config>,
    pub people: Rc<People>,
    /// Why people.toml may not be used to decide who acts (its lint findings), if it may not.
    pub people_unusable: Option<String>,
    config_blob: Oid,
}

/// How many lint findings a refusal quotes.
const QUOTED: usize = 3;

/// Loads rules from snapshots, parsing each file version once (verify loads thousands).
#[derive(Default)]
pub struct Loader {
    configs: HashMap<Oid, Rc<Config>>,
    /// sop.toml with its holiday files, by the blobs of all of them.
    with_holidays: HashMap<Vec<Oid>, Rc<Config>>,
    people: HashMap<(Oid, Oid), (Rc<People>, Option<String>)>,
    /// By (procedure blob, sop.toml blob): the lint reads the roles of sop.toml.
    procedures: HashMap<(Oid, Oid), Result<Rc<Procedure>, String>>,
}

impl Loader {
    /// sop.toml and people.toml of `snap`, for a change: a people.toml that fails its lint
    /// is refused. None when `snap` holds no records directory.
    pub fn rules(&mut self, snap: &Snapshot) -> Result<Option<Rules>> {
        match self.rules_as_is(snap)? {
            Some(Rules {
                people_unusable: Some(why),
                ..
            }) => Err(invalid!("{why}").hint(t!(HintFixRules, rel = layout::PEOPLE))),
            rules => Ok(rules),
        }
    }

    /// sop.toml and people.toml of `snap`, whether or not people.toml passes its lint (verify
    /// judges an administrator's fix of people.toml by the people it replaces).
    pub fn rules_as_is(&mut self, snap: &Snapshot) -> Result<Option<Rules>> {
        let Some(config_blob) = snap.blob(layout::CONFIG)? else {
            return Ok(None);
        };
        let config = self.config(snap, config_blob)?;
        let people_blob = snap
            .blob(layout::PEOPLE)?
            .ok_or_else(|| invalid!("{}", t!(RulesMissing, rel = layout::PEOPLE)))?;
        let (people, people_unusable) = match self.people.get(&(people_blob, config_blob)) {
            Some(hit) => hit.clone(),
            None => {
                let text = snap.blob_text(people_blob, layout::PEOPLE)?;
                let people = People::parse(&text)?;
                let unusable =
                    refuse_findings(layout::PEOPLE, &crate::people::lint(&people, &config))
                        .err()
                        .map(|e| format!("{e:#}"));
                let hit = (Rc::new(people), unusable);
                self.people.insert((people_blob, config_blob), hit.clone());
                hit
            }
        };
        Ok(Some(Rules {
            config,
            people,
            people_unusable,
            config_blob,
        }))
    }

    /// sop.toml (blob `config_blob` of `snap`) with the holiday files it names, as `snap` has
    /// them: parsed once per version of each.
    fn config(&mut self, snap: &Snapshot, config_blob: Oid) -> Result<Rc<Config>> {
        let base = match self.configs.get(&config_blob) {
            Some(hit) => hit.clone(),
            None => {
                let text = snap.blob_text(config_blob, layout::CONFIG)?;
                let config = Rc::new(Config::parse(&text)?);
                self.configs.insert(config_blob, config.clone());
                config
            }
        };
        let files = &base.calendar.holiday_files;
        if files.is_empty() {
            return Ok(base);
        }
        let mut key = vec![config_blob];
        for rel in files {
            let blob = snap.blob(rel)?.ok_or_else(|| {
                invalid!("{}", t!(HolidayNotCommitted, rel = rel)).hint(t!(HintHoliday))
            })?;
            key.push(blob);
        }
        if let Some(hit) = self.with_holidays.get(&key) {
            return Ok(hit.clone());
        }
        let mut config = Config::parse(&snap.blob_text(config_blob, layout::CONFIG)?)?;
        for (rel, blob) in files.iter().zip(&key[1..]) {
            config.add_holidays(rel, &snap.blob_text(*blob, rel)?)?;
        }
        let config = Rc::new(config);
        self.with_holidays.insert(key, config.clone());
        Ok(config)
    }

    /// Procedure `id` of `snap`, parsed and passing its lint.
    pub fn procedure(&mut self, snap: &Snapshot, rules: &Rules, id: &str) -> Result<Rc<Procedure>> {
        let rel = layout::procedure(id);
        let blob = snap.blob(&rel)?.ok_or_else(|| no_procedure(id, &rel))?;
        let key = (blob, rules.config_blob);
        let loaded = self.procedures.entry(key).or_insert_with(|| {
            snap.blob_text(blob, &rel)
                .and_then(|text| Procedure::parse(&text, Path::new(&rel)))
                .map_err(|e| format!("{e:#}"))
                .and_then(|p| {
                    let findings: Vec<String> = procedure::lint::check(&p, &rules.config)
                        .iter()
                        .map(|f| f.to_string())
                        .collect();
                    refuse_findings(&rel, &findings).map_err(|e| format!("{e:#}"))?;
                    Ok(Rc::new(p))
                })
        });
        loaded
            .clone()
            .map_err(|e| invalid!("{e}").hint(t!(HintFixRules, rel = rel)))
    }
}

/// Procedure `id` as `snap` has it, parsed but not linted: for showing what is there.
pub fn procedure_as_is(snap: &Snapshot, id: &str) -> Result<Procedure> {
    let rel = layout::procedure(id);
    let (_, text) = snap.text(&rel)?.ok_or_else(|| no_procedure(id, &rel))?;
    Procedure::parse(&text, Path::new(&rel))
}

fn no_procedure(id: &str, rel: &str) -> anyhow::Error {
    invalid!("{}", t!(NoProcedure, id = id, rel = rel)).hint(t!(HintNoProcedure))
}

/// An input error quoting the first findings, when there are any.
fn refuse_findings(rel: &str, findings: &[String]) -> Result<()> {
    if findings.is_empty() {
        return Ok(());
    }
    let quoted: Vec<&str> = findings.iter().take(QUOTED).map(String::as_str).collect();
    let more = findings.len().saturating_sub(QUOTED);
    let more = match more {
        0 => String::new(),
        n => t!(AndMore, n = n),
    };
    Err(invalid!(
        "{}",
        t!(
            FailsCheck,
            rel = rel,
            findings = quoted.join("; "),
            more = more
        )
    ))
}

/// The rule files whose work-tree copy differs from `snap` (never committed, edited, or
/// deleted): sop uses the committed version, and says so, so that a person who forgot to
/// commit is not puzzled. A copy over the largest rule file's limit is not read: it differs
/// from any committed version sop would use.
pub fn uncommitted(snap: &Snapshot, root: &Path, rels: &[String]) -> Vec<String> {
    rels.iter()
        .filter(|rel| {
            let committed = snap.blob(rel).ok().flatten();
            let work = read_at_most(&root.join(rel.as_str()), limits::RULES_FILE_BYTES)
                .and_then(|bytes| git::blob_id(&bytes).ok());
            committed != work
        })
        .cloned()
        .collect()
}

/// A file's bytes, None when it cannot be read or is over `max` bytes.
fn read_at_most(path: &Path, max: u64) -> Option<Vec<u8>> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(max + 1)
        .read_to_end(&mut bytes)
        .ok()?;
    (bytes.len() as u64 <= max).then_some(bytes)
}

/// Warns on stderr about each rule file of `rels` with uncommitted changes.
pub fn warn_uncommitted(snap: &Snapshot, root: &Path, rels: &[String]) {
    if crate::output::quiet() {
        return;
    }
    for rel in uncommitted(snap, root, rels) {
        eprintln!("{}: {}", t!(WarningPrefix), t!(UncommittedRules, rel = rel));
    }
}
