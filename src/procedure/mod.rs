//! Procedure definitions: the SOP as data, parsed from `procedures/<id>.toml`.
//!
//! This module holds the types a procedure file deserialises into and the questions the rest
//! of sop asks of them (a step by id, the ways out of a step, the roles, the total time).
//! Whether a procedure is well formed is `lint`'s business; standard times are `stdtime`'s.

pub mod lint;

use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use indexmap::IndexMap;
use serde::Deserialize;
use toml::Spanned;

use crate::error::Hint;
use crate::field::Field;
use crate::invalid;
use crate::stdtime::{self, StdTime, Timing};

/// One SOP: its header, the form fields captured at `sop new`, and its flow.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    pub id: Spanned<String>,
    pub prefix: Spanned<String>,
    pub name: String,
    pub version: u32,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub about: String,
    #[serde(default)]
    pub sop: Header,
    #[serde(default)]
    pub fields: Vec<Field>,
    /// What the procedure needs of the asset a request is about.
    #[serde(default)]
    pub asset: AssetRule,
    /// The label of the requester's role in this procedure ("Pengunjung", "OPD Pemohon"),
    /// in place of the office-wide label of the requester role.
    pub requester: Option<String>,
    /// *Jangka waktu penyelesaian*: how long the whole procedure may take, counted from `sop
    /// new`, independent of the steps' times; one, or one per value of a request field.
    #[serde(default, deserialize_with = "stdtime::timing")]
    pub service_time: Option<Timing>,
    /// Roles whose holders may open a request for a requester outside people.toml
    /// (`sop new --for`) and do the requester's steps for them.
    #[serde(default)]
    pub on_behalf: Vec<String>,
    /// The types every file attached to a request of this procedure must be (`pdf`, `jpg`,
    /// … or media types); empty: any.
    #[serde(default)]
    pub attachment_types: Vec<String>,
    pub steps: Vec<Step>,
    /// Where it was read from, for messages (relative to the records directory).
    #[serde(skip)]
    pub file: PathBuf,
    #[serde(skip)]
    lines: Vec<usize>,
}

/// The SOP document's header, kept as written.
#[derive(Debug, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    #[serde(default)]
    pub number: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub created: String,
    #[serde(default)]
    pub revised: String,
    #[serde(default)]
    pub effective: String,
    #[serde(default)]
    pub approved_by: String,
    #[serde(default)]
    pub legal_basis: Vec<String>,
    #[serde(default)]
    pub qualifications: Vec<String>,
    #[serde(default)]
    pub related: Vec<String>,
    #[serde(default)]
    pub equipment: Vec<String>,
    #[serde(default)]
    pub records: Vec<String>,
    #[serde(default)]
    pub warning: String,
    /// *Standar pelayanan*: Biaya / Tarif, as written ("Tidak dipungut biaya").
    #[serde(default)]
    pub cost: String,
    /// *Produk Layanan*.
    #[serde(default)]
    pub product: String,
    /// *Jangka Waktu Penyelesaian*, as written ("1 hari kerja").
    #[serde(default)]
    pub service_time: String,
    /// *Penanganan Pengaduan, Saran dan Masukan*: where complaints go.
    #[serde(default)]
    pub complaints: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    #[default]
    Task,
    Approval,
    Decision,
    End,
    /// The document's start row ("Mulai"): no one acts; a new request passes on at once.
    Start,
    /// A sub-procedure: arriving here starts a request of procedure `call`, and the request
    /// waits until that one ends, then leads on by its outcome (`outcomes`).
    Call,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Task => "task",
            Kind::Approval => "approval",
            Kind::Decision => "decision",
            Kind::End => "end",
            Kind::Start => "start",
            Kind::Call => "call",
        })
    }
}

/// One role, a list of roles any of which may act, or the role(s) by the value of a request
/// field (`role = { by = "kategori", jaringan = "staf-jaringan", aplikasi = ["staf-ti"] }`).
#[derive(Debug, Clone, Default)]
pub enum Roles {
    #[default]
    None,
    One(String),
    Any(Vec<String>),
    ByField(RoleTable),
}

#[derive(Debug, Clone)]
pub struct RoleTable {
    pub field: String,
    /// Field value → the roles any of which may act.
    pub roles: IndexMap<String, Vec<String>>,
    /// Every role of the table, in order, once.
    all: Vec<String>,
}

impl<'de> Deserialize<'de> for Roles {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Roles, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum OneOrMany {
            One(String),
            Many(Vec<String>),
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            One(String),
            Any(Vec<String>),
            Table(IndexMap<String, OneOrMany>),
        }
        Ok(match Written::deserialize(d)? {
            Written::One(r) => Roles::One(r),
            Written::Any(rs) => Roles::Any(rs),
            Written::Table(mut table) => {
                let field = match table.shift_remove("by") {
                    Some(OneOrMany::One(f)) => f,
                    _ => return Err(serde::de::Error::custom(t!(ProcRoleTable))),
                };
                let roles: IndexMap<String, Vec<String>> = table
                    .into_iter()
                    .map(|(value, r)| match r {
                        OneOrMany::One(r) => (value, vec![r]),
                        OneOrMany::Many(rs) => (value, rs),
                    })
                    .collect();
                let mut all: Vec<String> = Vec::new();
                for r in roles.values().flatten() {
                    if !all.contains(r) {
                        all.push(r.clone());
                    }
                }
                Roles::ByField(RoleTable { field, roles, all })
            }
        })
    }
}

impl Roles {
    /// Every role that may act at the step, whatever the request (for a table, all of them).
    pub fn list(&self) -> &[String] {
        match self {
            Roles::None => &[],
            Roles::One(r) => std::slice::from_ref(r),
            Roles::Any(rs) => rs,
            Roles::ByField(t) => &t.all,
        }
    }

    /// The roles that may act for a request whose field values `value` gives: for a table, the
    /// roles of the request's value (none when it has no value the table names).
    pub fn for_request(&self, value: impl Fn(&str) -> Option<String>) -> &[String] {
        match self {
            Roles::ByField(t) => value(&t.field)
                .and_then(|v| t.roles.get(&v))
                .map_or(&[], Vec::as_slice),
            _ => self.list(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: Spanned<String>,
    /// The row number as the document writes it: `4`, `"4a"`; steps that share a row (one row,
    /// several actors) share the number and are written one after the other.
    pub number: Option<RowNumber>,
    pub activity: String,
    #[serde(default)]
    pub role: Roles,
    #[serde(default)]
    pub kind: Kind,
    #[serde(default)]
    pub inputs: Vec<String>,
    #[serde(default)]
    pub output: String,
    #[serde(default)]
    pub note: String,
    /// The standard time as written: one, or one per value of a request field.
    #[serde(default, rename = "time", deserialize_with = "stdtime::timing")]
    pub timing: Option<Timing>,
    /// The standard time when it is one for every request (filled from `timing`).
    #[serde(skip)]
    pub time: Option<StdTime>,
    pub next: Option<Spanned<String>>,
    pub approve: Option<Spanned<String>>,
    pub reject: Option<Spanned<String>>,
    #[serde(default)]
    pub options: IndexMap<String, Spanned<String>>,
    /// Decision: store the chosen option as this request field.
    pub field: Option<String>,
    /// Decision taken by sop itself from this field's value.
    pub by_field: Option<String>,
    pub outcome: Option<String>,
    /// Fields that must be given before the step completes.
    #[serde(default)]
    pub fields: Vec<Field>,
    /// What the step does to an asset.
    pub asset: Option<AssetEffect>,
    /// The fields `sop edit` may change while the request is at this step (default: the
    /// step's own fields, and the request form's at the first step).
    pub edits: Option<Vec<String>>,
    /// Give the step, on arrival, to the person a `person` field of the request names.
    pub assign_from: Option<String>,
    /// An end that `sop resume` may reopen: the step the request goes back to.
    pub resume: Option<Spanned<String>>,
    /// `call`: the procedure whose request this step starts.
    pub call: Option<Spanned<String>>,
    /// `call`: the new request's form fields, each a template of this request's values
    /// (`{field}`, `{requester}`, `{request}`), as in asset effects.
    #[serde(default)]
    pub with: IndexMap<String, String>,
    /// `call`: where the request goes when the one it started ends, by that one's status
    /// (`completed`, `rejected`, `cancelled`, …).
    #[serde(default)]
    pub outcomes: IndexMap<String, Spanned<String>>,
    /// The document does not say (or no longer shows) who does this step: the office
    /// inferred its `role`, and why.
    pub role_inferred: Option<String>,
    /// Not written in the document: the office inferred this step (or end), and why.
    pub inferred: Option<String>,
    /// Ways out of this step the document leaves unsaid, by exit label (`reject`, `tidak`,
    /// `done`), each with why the office drew it so.
    #[serde(default)]
    pub inferred_exits: IndexMap<String, String>,
    /// The document `sop print ID --step STEP` prints for this step (a *berita acara*): a
    /// template in the records directory's `templates/` (`templates/berita-acara.html`).
    pub template: Option<Spanned<String>>,
}

/// A step's row number as the document writes it: a whole number or text such as `4a`. In
/// JSON a whole number stays a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowNumber(pub String);

impl fmt::Display for RowNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for RowNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<RowNumber, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Whole(u32),
            Text(String),
        }
        let text = match Written::deserialize(d)? {
            Written::Whole(n) => n.to_string(),
            Written::Text(t) => t.trim().to_string(),
        };
        let ok = !text.is_empty()
            && text.len() <= 12
            && text
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'));
        if !ok {
            return Err(serde::de::Error::custom(t!(
                ProcStepNumber,
                text = format!("{text:?}")
            )));
        }
        Ok(RowNumber(text))
    }
}

impl serde::Serialize for RowNumber {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.parse::<u32>() {
            Ok(n) if !self.0.starts_with('0') || self.0 == "0" => s.serialize_u32(n),
            _ => s.serialize_str(&self.0),
        }
    }
}

/// `[asset]` of a procedure: whether a request needs an asset (`sop new --asset ID`), and
/// which statuses it may be in then.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssetRule {
    #[serde(default)]
    pub required: bool,
    /// Empty: any status that is not final (transferred, disposed).
    #[serde(default)]
    pub allowed: Vec<crate::asset::Status>,
}

/// `[steps.asset]`: a change to the request's asset (or a new asset) made when the step is
/// completed or entered, in the same commit as the request change.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssetEffect {
    /// `done` (the default; an approval only when approved) or `enter`; an end is always
    /// `enter`.
    pub when: Option<When>,
    /// Register new assets instead of changing the request's asset.
    #[serde(default)]
    pub create: bool,
    /// With `create`: how many (a template giving a whole number; default 1).
    pub count: Option<String>,
    /// Column → value template: `{field}` is a request field, `{requester}` the requester's
    /// id, `{request}` the request id. A column whose placeholder has no value is left alone.
    #[serde(default)]
    pub set: IndexMap<String, String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum When {
    Enter,
    Done,
}

impl AssetEffect {
    pub fn when(&self, kind: Kind) -> When {
        match kind {
            Kind::End => When::Enter,
            _ => self.when.unwrap_or(When::Done),
        }
    }
}

impl Step {
    pub fn id(&self) -> &str {
        self.id.get_ref()
    }

    /// The step's standard time for a request whose field values `value` gives.
    pub fn time_for(&self, value: impl Fn(&str) -> Option<String>) -> Option<StdTime> {
        self.timing.as_ref()?.for_request(value)
    }

    /// A decision sop takes itself, or the start row: no one acts there.
    pub fn is_automatic(&self) -> bool {
        (self.kind == Kind::Decision && self.by_field.is_some()) || self.kind == Kind::Start
    }

    pub fn outcome(&self) -> &str {
        self.outcome.as_deref().unwrap_or("completed")
    }

    /// The label the office writes on a way out of this step: *Ya* / *Tidak* for an
    /// approval, the option as written (dashes as spaces, capitalised) for a decision, the
    /// sub-request's status in Indonesian for a call; none for a task's one way on.
    pub fn exit_label(&self, way: &str) -> String {
        match (self.kind, way) {
            (Kind::Approval, "approve") => "Ya".into(),
            (Kind::Approval, "reject") => "Tidak".into(),
            (Kind::Decision, w) => capitalised(&w.replace(['-', '_'], " ")),
            (Kind::Call, w) => capitalised(&status_label(w)),
            _ => String::new(),
        }
    }
}

/// A request's status as the office's documents say it, in Indonesian whatever the language
/// of the run (`crate::i18n::status_in`): `selesai`, `ditolak`, `dibatalkan`, `ditunda`,
/// `diproses`; an office's own outcome as written (dashes as spaces).
pub fn status_label(status: &str) -> String {
    let word = crate::i18n::status_in(status, crate::i18n::Lang::Id);
    match word == status {
        true => status.replace(['-', '_'], " "),
        false => word,
    }
}

/// `text` with its first letter in capitals.
pub(crate) fn capitalised(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

impl Procedure {
    /// Reads `procedures/<id>.toml` under `root`.
    pub fn load(root: &Path, id: &str) -> Result<Procedure> {
        let rel = Path::new("procedures").join(format!("{id}.toml"));
        let path = root.join(&rel);
        if !path.exists() {
            let known = list_ids(root).unwrap_or_default().join(", ");
            return Err(
                invalid!("{}", t!(ProcNotFound, id = id, rel = rel.display()))
                    .hint(t!(HintKnownProcedures, known = known)),
            );
        }
        Self::read(root, &rel)
    }

    /// Reads one procedure file, `rel` being relative to the records directory.
    pub fn read(root: &Path, rel: &Path) -> Result<Procedure> {
        let name = rel.display().to_string();
        let text = crate::config::read_text(root, &name, crate::limits::PROCEDURE_FILE_BYTES)?;
        Self::parse(&text, rel)
    }

    pub fn parse(text: &str, rel: &Path) -> Result<Procedure> {
        let mut p: Procedure = toml::from_str(text)
            .map_err(|e| invalid!("{}: {}", rel.display(), crate::config::short_toml_error(&e)))?;
        p.file = rel.to_path_buf();
        for s in &mut p.steps {
            s.time = s.timing.as_ref().and_then(Timing::fixed);
        }
        p.lines = text
            .char_indices()
            .filter(|&(_, c)| c == '\n')
            .map(|(i, _)| i)
            .collect();
        Ok(p)
    }

    pub fn id(&self) -> &str {
        self.id.get_ref()
    }

    pub fn prefix(&self) -> &str {
        self.prefix.get_ref()
    }

    /// 1-based line of a byte offset in the source file.
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines.partition_point(|&nl| nl < offset) + 1
    }

    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id() == id)
    }

    pub fn first(&self) -> Option<&Step> {
        self.steps.first()
    }

    /// The ways out of a step, each `(label, target)`: `done` for a task, `approve`/`reject`,
    /// one per option for a decision, none for an end.
    pub fn exits<'a>(&'a self, step: &'a Step) -> Vec<(&'a str, &'a Spanned<String>)> {
        match step.kind {
            Kind::Task | Kind::Start => step
                .next
                .as_ref()
                .or_else(|| self.following(step).map(|s| &s.id))
                .map(|t| vec![("done", t)])
                .unwrap_or_default(),
            Kind::Approval => [("approve", &step.approve), ("reject", &step.reject)]
                .into_iter()
                .filter_map(|(k, t)| t.as_ref().map(|t| (k, t)))
                .collect(),
            Kind::Decision => step.options.iter().map(|(k, t)| (k.as_str(), t)).collect(),
            Kind::Call => step.outcomes.iter().map(|(k, t)| (k.as_str(), t)).collect(),
            Kind::End => Vec::new(),
        }
    }

    /// The rows of the document, each the positions of its steps: consecutive steps that
    /// share a number are one row (one row, several actors); every other step is a row.
    pub fn rows(&self) -> Vec<Vec<usize>> {
        let mut rows: Vec<Vec<usize>> = Vec::new();
        for (i, s) in self.steps.iter().enumerate() {
            let same = match (rows.last().and_then(|r| r.last()), &s.number) {
                (Some(&last), Some(n)) => self.steps[last].number.as_ref() == Some(n),
                _ => false,
            };
            match rows.last_mut() {
                Some(row) if same => row.push(i),
                _ => rows.push(vec![i]),
            }
        }
        rows
    }

    /// Where each step is drawn (a lane, a column), given where the steps with a role are
    /// (`own`, by position): a step no one acts at (the start, an automatic decision, an end
    /// without a role) goes where the step it passes to is (the start) or one that leads to
    /// it; one still without a place stays `None`.
    pub fn placed_by_neighbours<T: Copy>(&self, own: Vec<Option<T>>) -> Vec<Option<T>> {
        let index: std::collections::HashMap<&str, usize> = self
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id(), i))
            .collect();
        // For each step: the step it passes to (the start), else those that lead to it.
        let mut from: Vec<Vec<usize>> = vec![Vec::new(); self.steps.len()];
        for (j, s) in self.steps.iter().enumerate() {
            let targets = self
                .exits(s)
                .into_iter()
                .filter_map(|(_, t)| index.get(t.get_ref().as_str()).copied());
            if s.kind == Kind::Start {
                if let Some(t) = targets.clone().next() {
                    from[j].insert(0, t);
                }
            }
            for t in targets {
                if self.steps[t].kind != Kind::Start {
                    from[t].push(j);
                }
            }
        }
        let mut at = own;
        for _ in 0..self.steps.len() {
            let mut changed = false;
            for i in 0..self.steps.len() {
                if at[i].is_some() {
                    continue;
                }
                let found = match self.steps[i].kind {
                    Kind::Start => from[i].first().and_then(|&j| at[j]),
                    _ => from[i].iter().find_map(|&j| at[j]),
                };
                if found.is_some() {
                    at[i] = found;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        at
    }

    fn following(&self, step: &Step) -> Option<&Step> {
        let i = self.steps.iter().position(|s| s.id() == step.id())?;
        self.steps.get(i + 1)
    }

    /// Roles in the order the flow first uses them.
    pub fn roles(&self) -> Vec<&str> {
        let mut seen = Vec::new();
        for r in self.steps.iter().flat_map(|s| s.role.list()) {
            if !seen.contains(&r.as_str()) {
                seen.push(r.as_str());
            }
        }
        seen
    }

    /// A field a request of this procedure may carry: a form field or a step's field.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields
            .iter()
            .chain(self.steps.iter().flat_map(|s| &s.fields))
            .find(|f| f.name == name)
    }

    /// A role's label in this procedure: its own `requester` label for the requester role,
    /// else the office's label from sop.toml.
    pub fn role_label<'a>(&'a self, config: &'a crate::config::Config, role: &'a str) -> &'a str {
        match &self.requester {
            Some(label) if role == config.policy.requester_role => label,
            _ => config.role_label(role),
        }
    }

    /// The fields `sop edit` may change while a request is at `step`: the step's `edits`,
    /// else its own fields and, at the first step, the request form's.
    pub fn editable<'a>(&'a self, step: &'a Step) -> Vec<&'a Field> {
        let first = self
            .steps
            .iter()
            .find(|s| s.kind != Kind::Start)
            .is_some_and(|f| f.id() == step.id());
        let own = step
            .fields
            .iter()
            .chain(self.fields.iter().filter(|_| first));
        match &step.edits {
            Some(names) => names.iter().filter_map(|n| self.field(n)).collect(),
            None => own.collect(),
        }
    }

    /// The sum of all steps' standard times.
    pub fn total(&self) -> StdTime {
        self.steps
            .iter()
            .filter_map(|s| s.time)
            .fold(StdTime::default(), |total, t| total + t)
    }
}

/// Ids of all procedures in the records directory, sorted.
pub fn list_ids(root: &Path) -> Result<Vec<String>> {
    let dir = root.join("procedures");
    let mut ids = Vec::new();
    if !dir.exists() {
        return Ok(ids);
    }
    for entry in std::fs::read_dir(&dir).with_context(|| t!(CtxReading, path = dir.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "toml") {
            if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
                ids.push(stem.to_string());
            }
        }
    }
    ids.sort();
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "id = \"t\"\nprefix = \"TT\"\nname = \"T\"\nversion = 1\n";

    #[test]
    fn unknown_keys_are_errors_with_line() {
        let src = format!("{HEAD}[[steps]]\nid = \"a\"\nactivty = \"A\"\n");
        let err = Procedure::parse(&src, Path::new("procedures/t.toml")).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.starts_with("procedures/t.toml: TOML parse error at line 7"),
            "{msg}"
        );
        assert!(msg.contains("activty"), "{msg}");
        assert_eq!(crate::error::exit_code(&err), 3);
    }
}
