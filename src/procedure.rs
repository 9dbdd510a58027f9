//! Procedure definitions: the SOP as data, parsed from `procedures/<id>.toml`, and its lint.

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use indexmap::IndexMap;
use serde::{Deserialize, Deserializer};
use toml::Spanned;

use crate::config::Config;
use crate::error::Hint;
use crate::field::Field;
use crate::invalid;

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
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    #[default]
    Task,
    Approval,
    Decision,
    End,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Task => "task",
            Kind::Approval => "approval",
            Kind::Decision => "decision",
            Kind::End => "end",
        })
    }
}

/// One role, or a list of roles any of which may act.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(untagged)]
pub enum Roles {
    #[default]
    None,
    One(String),
    Any(Vec<String>),
}

impl Roles {
    pub fn list(&self) -> &[String] {
        match self {
            Roles::None => &[],
            Roles::One(r) => std::slice::from_ref(r),
            Roles::Any(rs) => rs,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: Spanned<String>,
    pub number: Option<u32>,
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
    #[serde(default, deserialize_with = "std_time")]
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
}

impl Step {
    pub fn id(&self) -> &str {
        self.id.get_ref()
    }

    /// A decision sop takes itself, without anyone acting.
    pub fn is_automatic(&self) -> bool {
        self.kind == Kind::Decision && self.by_field.is_some()
    }

    pub fn outcome(&self) -> &str {
        self.outcome.as_deref().unwrap_or("completed")
    }
}

/// A standard time (mutu baku waktu). Days are working days, so they are kept apart from minutes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StdTime {
    pub days: u32,
    pub minutes: u32,
}

impl StdTime {
    /// Parses `"5m"`, `"2h"`, `"1d"`, `"5 menit"`, `"2 jam"`, `"1 hari"` (any case).
    pub fn parse(text: &str) -> Option<StdTime> {
        let text = text.trim().to_lowercase();
        let split = text.find(|c: char| !c.is_ascii_digit())?;
        let (n, unit) = text.split_at(split);
        let n: u32 = n.parse().ok()?;
        match unit.trim() {
            "m" | "min" | "menit" | "minute" | "minutes" => Some(StdTime {
                days: 0,
                minutes: n,
            }),
            "h" | "j" | "jam" | "hour" | "hours" => Some(StdTime {
                days: 0,
                minutes: n.checked_mul(60)?,
            }),
            "d" | "hari" | "day" | "days" => Some(StdTime {
                days: n,
                minutes: 0,
            }),
            _ => None,
        }
    }

    pub fn add(self, other: StdTime) -> StdTime {
        StdTime {
            days: self.days + other.days,
            minutes: self.minutes + other.minutes,
        }
    }

    /// ISO 8601 duration: `PT5M`, `P1D`, `P1DT40M`.
    pub fn iso(self) -> String {
        let mut s = String::from("P");
        if self.days > 0 {
            s += &format!("{}D", self.days);
        }
        if self.minutes > 0 || self.days == 0 {
            s.push('T');
            let (h, m) = (self.minutes / 60, self.minutes % 60);
            if h > 0 {
                s += &format!("{h}H");
            }
            if m > 0 || h == 0 {
                s += &format!("{m}M");
            }
        }
        s
    }
}

impl fmt::Display for StdTime {
    /// As the documents write it: `5 menit`, `2 jam`, `1 hari`, `1 hari 40 menit`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if self.days > 0 {
            parts.push(format!("{} hari", self.days));
        }
        if self.minutes > 0 && self.minutes.is_multiple_of(60) {
            parts.push(format!("{} jam", self.minutes / 60));
        } else if self.minutes > 0 || self.days == 0 {
            parts.push(format!("{} menit", self.minutes));
        }
        f.write_str(&parts.join(" "))
    }
}

fn std_time<'de, D: Deserializer<'de>>(d: D) -> Result<Option<StdTime>, D::Error> {
    let text = String::deserialize(d)?;
    StdTime::parse(&text).map(Some).ok_or_else(|| {
        serde::de::Error::custom(format!(
            "invalid standard time {text:?}: write a number and a unit, e.g. \"5m\", \"2h\", \"1d\", \"5 menit\", \"2 jam\", \"1 hari\""
        ))
    })
}

impl Procedure {
    /// Reads `procedures/<id>.toml` under `root`.
    pub fn load(root: &Path, id: &str) -> Result<Procedure> {
        let rel = Path::new("procedures").join(format!("{id}.toml"));
        let path = root.join(&rel);
        if !path.exists() {
            let known = list_ids(root).unwrap_or_default().join(", ");
            return Err(
                invalid!("no procedure '{id}' ({} not found)", rel.display())
                    .hint(format!("known procedures: {known}")),
            );
        }
        Self::read(root, &rel)
    }

    /// Reads one procedure file, `rel` being relative to the records directory.
    pub fn read(root: &Path, rel: &Path) -> Result<Procedure> {
        let text = std::fs::read_to_string(root.join(rel))
            .with_context(|| format!("reading {}", rel.display()))?;
        Self::parse(&text, rel)
    }

    pub fn parse(text: &str, rel: &Path) -> Result<Procedure> {
        let mut p: Procedure = toml::from_str(text)
            .map_err(|e| invalid!("{}: {}", rel.display(), crate::config::short_toml_error(&e)))?;
        p.file = rel.to_path_buf();
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
            Kind::Task => step
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
            Kind::End => Vec::new(),
        }
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

    /// The sum of all steps' standard times.
    pub fn total(&self) -> StdTime {
        self.steps
            .iter()
            .filter_map(|s| s.time)
            .fold(StdTime::default(), StdTime::add)
    }

    /// Every field a request of this procedure may carry: form fields, step fields,
    /// and fields set by decisions.
    #[allow(dead_code)] // for commands that look fields up by name
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields
            .iter()
            .chain(self.steps.iter().flat_map(|s| &s.fields))
            .find(|f| f.name == name)
    }
}

/// Ids of all procedures in the records directory, sorted.
pub fn list_ids(root: &Path) -> Result<Vec<String>> {
    let dir = root.join("procedures");
    let mut ids = Vec::new();
    if !dir.exists() {
        return Ok(ids);
    }
    for entry in std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))? {
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

/// A lint finding, with the file and line it is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Finding {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

type Check = fn(&Procedure, &Config, &mut dyn FnMut(usize, String));

/// Lints one procedure against the office configuration: every check runs, findings are sorted.
pub fn check(p: &Procedure, config: &Config) -> Vec<Finding> {
    const CHECKS: &[Check] = &[
        check_header,
        check_duplicates,
        check_roles,
        check_kinds,
        check_targets,
        check_fields,
        check_reachable,
        check_exits,
    ];
    let mut findings = Vec::new();
    let file = p.file.display().to_string();
    for check in CHECKS {
        check(p, config, &mut |offset, message| {
            findings.push(Finding {
                file: file.clone(),
                line: p.line_of(offset),
                message,
            })
        });
    }
    findings.sort();
    findings.dedup();
    findings
}

fn check_header(p: &Procedure, _: &Config, report: &mut dyn FnMut(usize, String)) {
    let stem = p.file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    if p.id() != stem {
        report(
            p.id.span().start,
            format!("id '{}' does not match the file name '{stem}.toml'", p.id()),
        );
    }
    let prefix = p.prefix();
    if !(2..=6).contains(&prefix.len()) || !prefix.chars().all(|c| c.is_ascii_uppercase()) {
        report(
            p.prefix.span().start,
            format!("prefix '{prefix}' must be 2 to 6 capital letters A-Z"),
        );
    }
    if p.steps.is_empty() {
        report(p.id.span().start, "the procedure has no steps".into());
    }
}

fn check_duplicates(p: &Procedure, _: &Config, report: &mut dyn FnMut(usize, String)) {
    let mut seen = HashSet::new();
    for s in &p.steps {
        if !seen.insert(s.id()) {
            report(s.id.span().start, format!("duplicate step id '{}'", s.id()));
        }
        if !valid_slug(s.id()) {
            report(
                s.id.span().start,
                format!(
                    "step id '{}' must be lowercase letters, digits and '-'",
                    s.id()
                ),
            );
        }
    }
    let mut names = HashSet::new();
    for f in p
        .fields
        .iter()
        .chain(p.steps.iter().flat_map(|s| &s.fields))
    {
        if !names.insert(f.name.as_str()) {
            report(
                p.id.span().start,
                format!("field '{}' is declared twice", f.name),
            );
        }
    }
}

fn check_roles(p: &Procedure, config: &Config, report: &mut dyn FnMut(usize, String)) {
    for s in &p.steps {
        let at = s.id.span().start;
        for role in s.role.list() {
            if !config.roles.contains_key(role) {
                report(
                    at,
                    format!(
                        "step '{}': unknown role '{role}' (declare it under [roles] in sop.toml)",
                        s.id()
                    ),
                );
            }
        }
        let needs_role = !matches!(s.kind, Kind::End) && !s.is_automatic();
        if needs_role && s.role.list().is_empty() {
            report(at, format!("step '{}' has no role: who does it?", s.id()));
        }
    }
}

fn check_kinds(p: &Procedure, _: &Config, report: &mut dyn FnMut(usize, String)) {
    for s in &p.steps {
        let at = s.id.span().start;
        let id = s.id();
        let mut misplaced = |key: &str, present: bool, kinds: &str| {
            if present {
                report(
                    at,
                    format!("step '{id}' is a {}: '{key}' belongs to {kinds}", s.kind),
                );
            }
        };
        misplaced("next", s.next.is_some() && s.kind != Kind::Task, "a task");
        misplaced(
            "approve",
            s.approve.is_some() && s.kind != Kind::Approval,
            "an approval",
        );
        misplaced(
            "reject",
            s.reject.is_some() && s.kind != Kind::Approval,
            "an approval",
        );
        misplaced(
            "options",
            !s.options.is_empty() && s.kind != Kind::Decision,
            "a decision",
        );
        misplaced(
            "field",
            s.field.is_some() && s.kind != Kind::Decision,
            "a decision",
        );
        misplaced(
            "by_field",
            s.by_field.is_some() && s.kind != Kind::Decision,
            "a decision",
        );
        misplaced(
            "outcome",
            s.outcome.is_some() && s.kind != Kind::End,
            "an end",
        );
        match s.kind {
            Kind::Approval if s.approve.is_none() || s.reject.is_none() => report(
                at,
                format!("approval '{id}' needs both 'approve' and 'reject' targets"),
            ),
            Kind::Decision if s.options.is_empty() => {
                report(at, format!("decision '{id}' has no options"))
            }
            Kind::Task if p.exits(s).is_empty() => report(
                at,
                format!("task '{id}' is the last step and has no 'next': where does it lead?"),
            ),
            Kind::End if s.outcome.as_deref().is_some_and(|o| !valid_slug(o)) => report(
                at,
                format!("end '{id}': outcome must be a lowercase word (e.g. completed, rejected)"),
            ),
            _ => {}
        }
        if s.is_automatic() && !s.fields.is_empty() {
            report(
                at,
                format!("decision '{id}' is taken by sop itself: it cannot require fields"),
            );
        }
    }
}

fn check_targets(p: &Procedure, _: &Config, report: &mut dyn FnMut(usize, String)) {
    for s in &p.steps {
        for (label, target) in p.exits(s) {
            if p.step(target.get_ref()).is_none() {
                report(
                    target.span().start,
                    format!(
                        "step '{}' ({label}) leads to unknown step '{}'",
                        s.id(),
                        target.get_ref()
                    ),
                );
            } else if target.get_ref() == s.id() && s.kind != Kind::Decision {
                report(
                    target.span().start,
                    format!("step '{}' ({label}) leads to itself", s.id()),
                );
            }
        }
    }
}

fn check_fields(p: &Procedure, _: &Config, report: &mut dyn FnMut(usize, String)) {
    let at = p.id.span().start;
    for f in p
        .fields
        .iter()
        .chain(p.steps.iter().flat_map(|s| &s.fields))
    {
        if let Err(e) = f.lint() {
            report(at, e);
        }
    }
    let stored: HashSet<&str> = p
        .steps
        .iter()
        .filter_map(|s| s.field.as_deref())
        .chain(p.fields.iter().map(|f| f.name.as_str()))
        .collect();
    for s in &p.steps {
        if let Some(by) = &s.by_field {
            if !stored.contains(by.as_str()) {
                report(
                    s.id.span().start,
                    format!(
                        "decision '{}' routes by field '{by}', which no form field or decision sets",
                        s.id()
                    ),
                );
            }
            if let Some(f) = p.fields.iter().find(|f| &f.name == by) {
                for choice in &f.choices {
                    if !s.options.contains_key(choice) {
                        report(
                            s.id.span().start,
                            format!("decision '{}' has no option for {by} = '{choice}'", s.id()),
                        );
                    }
                }
            }
            for d in p.steps.iter().filter(|d| d.field.as_deref() == Some(by)) {
                for option in d.options.keys() {
                    if !s.options.contains_key(option) {
                        report(
                            s.id.span().start,
                            format!(
                                "decision '{}' has no option for {by} = '{option}' (set by step '{}')",
                                s.id(),
                                d.id()
                            ),
                        );
                    }
                }
            }
        }
    }
}

/// Successors by step id, skipping dangling targets.
fn graph(p: &Procedure) -> HashMap<&str, Vec<&str>> {
    p.steps
        .iter()
        .map(|s| {
            let next = p
                .exits(s)
                .into_iter()
                .map(|(_, t)| t.get_ref().as_str())
                .filter(|t| p.step(t).is_some())
                .collect();
            (s.id(), next)
        })
        .collect()
}

fn reach<'a>(start: &'a str, edges: &HashMap<&'a str, Vec<&'a str>>) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::from([start]);
    let mut queue = VecDeque::from([start]);
    while let Some(s) = queue.pop_front() {
        for &t in edges.get(s).into_iter().flatten() {
            if seen.insert(t) {
                queue.push_back(t);
            }
        }
    }
    seen
}

fn check_reachable(p: &Procedure, _: &Config, report: &mut dyn FnMut(usize, String)) {
    let Some(first) = p.first() else { return };
    let edges = graph(p);
    let reached = reach(first.id(), &edges);
    for s in &p.steps {
        if !reached.contains(s.id()) {
            report(
                s.id.span().start,
                format!(
                    "step '{}' is unreachable from the first step '{}'",
                    s.id(),
                    first.id()
                ),
            );
        }
    }
}

fn check_exits(p: &Procedure, _: &Config, report: &mut dyn FnMut(usize, String)) {
    if !p.steps.iter().any(|s| s.kind == Kind::End) {
        let at = p.id.span().start;
        report(
            at,
            "the procedure has no end step (kind = \"end\")".to_string(),
        );
        return;
    }
    let edges = graph(p);
    for s in &p.steps {
        let reaches_end = reach(s.id(), &edges)
            .iter()
            .any(|id| p.step(id).is_some_and(|t| t.kind == Kind::End));
        if !reaches_end {
            report(
                s.id.span().start,
                format!(
                    "step '{}' never reaches an end: a loop with no way out",
                    s.id()
                ),
            );
        }
    }
}

fn valid_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_standard_times() {
        let t = |s| StdTime::parse(s);
        assert_eq!(
            t("5m"),
            Some(StdTime {
                days: 0,
                minutes: 5
            })
        );
        assert_eq!(
            t("5 menit"),
            Some(StdTime {
                days: 0,
                minutes: 5
            })
        );
        assert_eq!(
            t("10 Menit"),
            Some(StdTime {
                days: 0,
                minutes: 10
            })
        );
        assert_eq!(
            t("2h"),
            Some(StdTime {
                days: 0,
                minutes: 120
            })
        );
        assert_eq!(
            t("2 jam"),
            Some(StdTime {
                days: 0,
                minutes: 120
            })
        );
        assert_eq!(
            t("1d"),
            Some(StdTime {
                days: 1,
                minutes: 0
            })
        );
        assert_eq!(
            t("1 Hari"),
            Some(StdTime {
                days: 1,
                minutes: 0
            })
        );
        assert_eq!(
            t("3 hari"),
            Some(StdTime {
                days: 3,
                minutes: 0
            })
        );
        assert_eq!(t("menit"), None);
        assert_eq!(t("5 weeks"), None);
        assert_eq!(t(""), None);
    }

    #[test]
    fn formats_standard_times() {
        let t = |d, m| StdTime {
            days: d,
            minutes: m,
        };
        assert_eq!(t(0, 5).iso(), "PT5M");
        assert_eq!(t(0, 107).iso(), "PT1H47M");
        assert_eq!(t(1, 0).iso(), "P1D");
        assert_eq!(t(5, 40).iso(), "P5DT40M");
        assert_eq!(t(0, 0).iso(), "PT0M");
        assert_eq!(t(0, 107).to_string(), "107 menit");
        assert_eq!(t(0, 120).to_string(), "2 jam");
        assert_eq!(t(1, 40).to_string(), "1 hari 40 menit");
    }

    fn config() -> Config {
        toml::from_str("[roles]\nstaf = \"Staf\"\nkasi = \"Kasi\"\npemohon = \"User\"\n").unwrap()
    }

    fn lint(src: &str) -> Vec<String> {
        let p = Procedure::parse(src, Path::new("procedures/t.toml")).unwrap();
        check(&p, &config())
            .into_iter()
            .map(|f| f.to_string())
            .collect()
    }

    const HEAD: &str = "id = \"t\"\nprefix = \"TT\"\nname = \"T\"\nversion = 1\n";

    #[test]
    fn clean_procedure_has_no_findings() {
        let src = format!(
            "{HEAD}[[steps]]\nid = \"a\"\nactivity = \"A\"\nrole = \"pemohon\"\n\
             [[steps]]\nid = \"b\"\nactivity = \"B\"\nrole = \"kasi\"\nkind = \"approval\"\napprove = \"c\"\nreject = \"a\"\n\
             [[steps]]\nid = \"c\"\nactivity = \"C\"\nkind = \"end\"\n"
        );
        assert_eq!(lint(&src), Vec::<String>::new());
    }

    #[test]
    fn finds_unknown_role_dangling_target_and_missing_end() {
        let src = format!(
            "{HEAD}[[steps]]\nid = \"a\"\nactivity = \"A\"\nrole = \"kadis\"\nnext = \"zz\"\n"
        );
        let found = lint(&src);
        assert!(found.contains(&"procedures/t.toml:6: step 'a': unknown role 'kadis' (declare it under [roles] in sop.toml)".to_string()), "{found:?}");
        assert!(
            found.contains(
                &"procedures/t.toml:9: step 'a' (done) leads to unknown step 'zz'".to_string()
            ),
            "{found:?}"
        );
        assert!(
            found.iter().any(|f| f.contains("has no end step")),
            "{found:?}"
        );
    }

    #[test]
    fn finds_unreachable_steps_and_loops() {
        let src = format!(
            "{HEAD}[[steps]]\nid = \"a\"\nactivity = \"A\"\nrole = \"staf\"\nnext = \"b\"\n\
             [[steps]]\nid = \"b\"\nactivity = \"B\"\nrole = \"staf\"\nnext = \"a\"\n\
             [[steps]]\nid = \"e\"\nactivity = \"E\"\nkind = \"end\"\n"
        );
        let found = lint(&src).join("\n");
        assert!(found.contains(":16: step 'e' is unreachable"), "{found}");
        assert!(
            found.contains(":6: step 'a' never reaches an end"),
            "{found}"
        );
        assert!(
            found.contains(":11: step 'b' never reaches an end"),
            "{found}"
        );
    }

    #[test]
    fn finds_duplicate_ids() {
        let src = format!(
            "{HEAD}[[steps]]\nid = \"a\"\nactivity = \"A\"\nrole = \"staf\"\n\
             [[steps]]\nid = \"a\"\nactivity = \"B\"\nkind = \"end\"\n"
        );
        let found = lint(&src).join("\n");
        assert!(found.contains(":10: duplicate step id 'a'"), "{found}");
    }

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

    #[test]
    fn misplaced_keys_are_findings() {
        let src = format!(
            "{HEAD}[[steps]]\nid = \"a\"\nactivity = \"A\"\nrole = \"staf\"\napprove = \"e\"\n\
             [[steps]]\nid = \"e\"\nactivity = \"E\"\nkind = \"end\"\n"
        );
        let found = lint(&src).join("\n");
        assert!(
            found.contains("step 'a' is a task: 'approve' belongs to an approval"),
            "{found}"
        );
    }
}
