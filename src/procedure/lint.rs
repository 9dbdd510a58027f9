//! `sop procedure check` for one procedure: a list of named checks, each
//! `fn(&Procedure, &Config, report)`. All run; findings carry the file and line and are sorted.

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt;

use crate::config::Config;

use super::{Kind, Procedure, When};

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
        check_assets,
        check_office_keys,
        check_attachment_types,
        check_by_field,
        check_templates,
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
        report(p.id.span().start, t!(LintIdFile, id = p.id(), stem = stem));
    }
    let prefix = p.prefix();
    if !(2..=6).contains(&prefix.len()) || !prefix.chars().all(|c| c.is_ascii_uppercase()) {
        report(p.prefix.span().start, t!(LintPrefix, prefix = prefix));
    }
    if p.steps.is_empty() {
        report(p.id.span().start, t!(LintNoSteps));
    }
}

fn check_duplicates(p: &Procedure, _: &Config, report: &mut dyn FnMut(usize, String)) {
    let mut seen = HashSet::new();
    for s in &p.steps {
        if !seen.insert(s.id()) {
            report(s.id.span().start, t!(LintDuplicateStep, id = s.id()));
        }
        if !valid_slug(s.id()) {
            report(s.id.span().start, t!(LintStepId, id = s.id()));
        }
    }
    let mut rows: HashMap<&str, usize> = HashMap::new();
    for (i, s) in p.steps.iter().enumerate() {
        let Some(n) = &s.number else { continue };
        match rows.insert(&n.0, i) {
            Some(last) if last + 1 != i => report(
                s.id.span().start,
                t!(
                    LintRowNumber,
                    id = s.id(),
                    n = n,
                    other = p.steps[last].id()
                ),
            ),
            _ => {}
        }
    }
    let mut names = HashSet::new();
    for f in p
        .fields
        .iter()
        .chain(p.steps.iter().flat_map(|s| &s.fields))
    {
        if !names.insert(f.name.as_str()) {
            report(p.id.span().start, t!(LintFieldTwice, name = f.name));
        }
    }
}

fn check_roles(p: &Procedure, config: &Config, report: &mut dyn FnMut(usize, String)) {
    for s in &p.steps {
        let at = s.id.span().start;
        for role in s.role.list() {
            if !config.roles.contains_key(role) {
                report(at, t!(LintUnknownRole, id = s.id(), role = role));
            }
        }
        let needs_role = !matches!(s.kind, Kind::End | Kind::Call) && !s.is_automatic();
        if needs_role && s.role.list().is_empty() {
            report(at, t!(LintNoRole, id = s.id()));
        }
    }
}

fn check_kinds(p: &Procedure, _: &Config, report: &mut dyn FnMut(usize, String)) {
    for s in &p.steps {
        let at = s.id.span().start;
        let id = s.id();
        let mut misplaced = |key: &str, present: bool, kinds: fn() -> String| {
            if present {
                let kinds = kinds();
                report(
                    at,
                    t!(
                        LintMisplaced,
                        id = id,
                        kind = s.kind,
                        key = key,
                        kinds = kinds
                    ),
                );
            }
        };
        misplaced(
            "next",
            s.next.is_some() && !matches!(s.kind, Kind::Task | Kind::Start),
            || t!(LintForTaskOrStart),
        );
        misplaced(
            "approve",
            s.approve.is_some() && s.kind != Kind::Approval,
            || t!(KindApproval),
        );
        misplaced(
            "reject",
            s.reject.is_some() && s.kind != Kind::Approval,
            || t!(KindApproval),
        );
        misplaced(
            "options",
            !s.options.is_empty() && s.kind != Kind::Decision,
            || t!(KindDecision),
        );
        misplaced(
            "field",
            s.field.is_some() && s.kind != Kind::Decision,
            || t!(KindDecision),
        );
        misplaced(
            "by_field",
            s.by_field.is_some() && s.kind != Kind::Decision,
            || t!(KindDecision),
        );
        misplaced(
            "outcome",
            s.outcome.is_some() && s.kind != Kind::End,
            || t!(KindEnd),
        );
        misplaced("call", s.call.is_some() && s.kind != Kind::Call, || {
            t!(LintForCall)
        });
        misplaced("with", !s.with.is_empty() && s.kind != Kind::Call, || {
            t!(LintForCall)
        });
        misplaced(
            "outcomes",
            !s.outcomes.is_empty() && s.kind != Kind::Call,
            || t!(LintForCall),
        );
        if s.kind == Kind::Call {
            if s.call.is_none() {
                report(at, t!(LintCallNoProcedure, id = id));
            }
            if !s.outcomes.contains_key("completed") {
                report(at, t!(LintCallNoCompleted, id = id));
            }
            if !s.role.list().is_empty() || !s.fields.is_empty() {
                report(at, t!(LintCallByNobody, id = id));
            }
        }
        match s.kind {
            Kind::Approval if s.approve.is_none() || s.reject.is_none() => {
                report(at, t!(LintApprovalTargets, id = id))
            }
            Kind::Decision if s.options.is_empty() => report(at, t!(LintNoOptions, id = id)),
            Kind::Task | Kind::Start if p.exits(s).is_empty() => {
                report(at, t!(LintTaskNoNext, id = id))
            }
            Kind::End if s.outcome.as_deref().is_some_and(|o| !valid_slug(o)) => {
                report(at, t!(LintOutcomeWord, id = id))
            }
            _ => {}
        }
        if s.kind == Kind::Start && p.steps.first().is_some_and(|f| f.id() != id) {
            report(at, t!(LintStartFirst, id = id));
        }
        if s.is_automatic() && !s.fields.is_empty() {
            report(at, t!(LintAutomaticFields, id = id));
        }
    }
}

fn check_targets(p: &Procedure, _: &Config, report: &mut dyn FnMut(usize, String)) {
    for s in &p.steps {
        for (label, target) in p.exits(s) {
            if p.step(target.get_ref()).is_none() {
                report(
                    target.span().start,
                    t!(
                        LintUnknownTarget,
                        id = s.id(),
                        label = label,
                        target = target.get_ref()
                    ),
                );
            } else if target.get_ref() == s.id() && s.kind != Kind::Decision {
                report(
                    target.span().start,
                    t!(LintToItself, id = s.id(), label = label),
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
                    t!(LintRouteUnset, id = s.id(), field = by),
                );
            }
            if let Some(f) = p.fields.iter().find(|f| &f.name == by) {
                for choice in &f.choices {
                    if !s.options.contains_key(choice) {
                        report(
                            s.id.span().start,
                            t!(LintNoOptionFor, id = s.id(), field = by, value = choice),
                        );
                    }
                }
            }
            for d in p.steps.iter().filter(|d| d.field.as_deref() == Some(by)) {
                for option in d.options.keys() {
                    if !s.options.contains_key(option) {
                        report(
                            s.id.span().start,
                            t!(
                                LintNoOptionForSetBy,
                                id = s.id(),
                                field = by,
                                value = option,
                                other = d.id()
                            ),
                        );
                    }
                }
            }
        }
    }
}

/// The keys of issue 10: fields a step may edit, a step given from a person field, an end that
/// may be resumed, and who may open requests for outside requesters.
fn check_office_keys(p: &Procedure, config: &Config, report: &mut dyn FnMut(usize, String)) {
    use crate::field::FieldType;
    for role in &p.on_behalf {
        if !config.roles.contains_key(role) {
            report(p.id.span().start, t!(LintOnBehalfRole, role = role));
        }
    }
    for s in &p.steps {
        let (at, id) = (s.id.span().start, s.id());
        for name in s.edits.iter().flatten() {
            match p.field(name) {
                None => report(at, t!(LintEditsUnknown, id = id, name = name)),
                Some(f) if f.kind == FieldType::Secret => {
                    report(at, t!(LintEditsSecret, id = id, name = name))
                }
                Some(_) => {}
            }
        }
        if let Some(name) = &s.assign_from {
            if p.field(name).is_none_or(|f| f.kind != FieldType::Person) {
                report(at, t!(LintAssignFrom, id = id, name = name));
            }
            if matches!(s.kind, Kind::End) || s.is_automatic() {
                report(at, t!(LintAssignNobody, id = id));
            }
        }
        if s.role_inferred.is_some() && s.role.list().is_empty() {
            report(at, t!(LintInferredRole, id = id));
        }
        let exits: Vec<&str> = p.exits(s).into_iter().map(|(l, _)| l).collect();
        for label in s.inferred_exits.keys() {
            if !exits.contains(&label.as_str()) {
                report(
                    at,
                    t!(
                        LintInferredExit,
                        id = id,
                        label = label,
                        exits = if exits.is_empty() {
                            t!(LintNone)
                        } else {
                            exits.join(", ")
                        }
                    ),
                );
            }
        }
        match (&s.resume, s.kind) {
            (Some(_), k) if k != Kind::End => report(
                at,
                t!(
                    LintMisplaced,
                    id = id,
                    kind = k,
                    key = "resume",
                    kinds = t!(KindEnd)
                ),
            ),
            (Some(target), _) => match p.step(target.get_ref()) {
                None => report(
                    target.span().start,
                    t!(LintResumeUnknown, id = id, target = target.get_ref()),
                ),
                Some(t) if t.kind == Kind::End || t.is_automatic() => report(
                    target.span().start,
                    t!(LintResumeNobody, id = id, target = t.id()),
                ),
                Some(_) => {}
            },
            _ => {}
        }
    }
}

/// `attachment_types` names known types, and a file field's `types` are among them.
fn check_attachment_types(p: &Procedure, _: &Config, report: &mut dyn FnMut(usize, String)) {
    use crate::attachment::{known_short_names, media_type_of};
    let at = p.id.span().start;
    for t in &p.attachment_types {
        if media_type_of(t).is_none() {
            report(
                at,
                t!(
                    LintAttachmentType,
                    file_type = t,
                    known = known_short_names().join(", ")
                ),
            );
        }
    }
    let allowed: Vec<&str> = p
        .attachment_types
        .iter()
        .filter_map(|t| media_type_of(t))
        .collect();
    if allowed.is_empty() {
        return;
    }
    for f in p
        .fields
        .iter()
        .chain(p.steps.iter().flat_map(|s| &s.fields))
    {
        for t in &f.types {
            if media_type_of(t).is_some_and(|m| !allowed.contains(&m)) {
                report(
                    at,
                    t!(LintFieldTypeNotAllowed, name = f.name, file_type = t),
                );
            }
        }
    }
}

/// Times and roles that go by a request field: the field exists, and when it is a choice,
/// every choice has a time (a role) and the table names no value it cannot take.
fn check_by_field(p: &Procedure, _: &Config, report: &mut dyn FnMut(usize, String)) {
    use crate::procedure::Roles;
    use crate::stdtime::Timing;
    let mut check = |at: usize, what: String, field: &str, keys: Vec<&String>| {
        let Some(f) = p.field(field) else {
            report(at, t!(LintByUndeclared, what = what, field = field));
            return;
        };
        if f.choices.is_empty() {
            return;
        }
        for choice in f.choices.iter().filter(|c| !keys.contains(c)) {
            report(
                at,
                t!(LintByNoValue, what = what, field = field, value = choice),
            );
        }
        for key in keys.iter().filter(|k| !f.choices.contains(k)) {
            report(
                at,
                t!(LintByNotChoice, what = what, field = field, value = key),
            );
        }
    };
    if let Some(Timing::ByField { field, times }) = &p.service_time {
        check(
            p.id.span().start,
            t!(LintServiceTime),
            field,
            times.keys().collect(),
        );
    }
    for s in &p.steps {
        let at = s.id.span().start;
        if let Some(Timing::ByField { field, times }) = &s.timing {
            check(
                at,
                t!(LintStepTime, id = s.id()),
                field,
                times.keys().collect(),
            );
        }
        if let Roles::ByField(t) = &s.role {
            check(
                at,
                t!(LintStepRole, id = s.id()),
                &t.field,
                t.roles.keys().collect(),
            );
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
                t!(LintUnreachable, id = s.id(), first = first.id()),
            );
        }
    }
}

fn check_exits(p: &Procedure, _: &Config, report: &mut dyn FnMut(usize, String)) {
    if !p.steps.iter().any(|s| s.kind == Kind::End) {
        let at = p.id.span().start;
        report(at, t!(LintNoEnd));
        return;
    }
    let edges = graph(p);
    for s in &p.steps {
        let reaches_end = reach(s.id(), &edges)
            .iter()
            .any(|id| p.step(id).is_some_and(|t| t.kind == Kind::End));
        if !reaches_end {
            report(s.id.span().start, t!(LintNeverEnds, id = s.id()));
        }
    }
}

/// Values a template placeholder may name besides the procedure's fields.
pub const PLACEHOLDERS: &[&str] = &["requester", "request"];

fn check_assets(p: &Procedure, _: &Config, report: &mut dyn FnMut(usize, String)) {
    for s in &p.steps {
        let Some(effect) = &s.asset else { continue };
        let at = s.id.span().start;
        let mut say = |m: String| report(at, t!(LintAsset, id = s.id(), message = m));
        if s.is_automatic() {
            say(t!(LintAssetAutomatic));
        }
        if s.kind == Kind::End && effect.when == Some(When::Done) {
            say(t!(LintAssetEnd));
        }
        if effect.count.is_some() && !effect.create {
            say(t!(LintAssetCount));
        }
        if effect.set.is_empty() {
            say(t!(LintAssetNoSet));
        }
        for column in ["kind", "name"] {
            if effect.create && !effect.set.contains_key(column) {
                say(t!(LintAssetCreateNeeds, column = column));
            }
        }
        let templates = effect
            .set
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .chain(effect.count.as_deref().map(|c| ("count", c)));
        for (column, template) in templates {
            if column == "id" || (column != "count" && !crate::asset::known_column(column)) {
                say(t!(
                    LintAssetColumn,
                    column = column,
                    columns = &crate::asset::COLUMNS[1..].join(", ")
                ));
            }
            match crate::asset::placeholders(template) {
                Err(e) => say(e),
                Ok(names) if names.is_empty() => {
                    if let Err(e) = literal(column, template) {
                        say(e);
                    }
                }
                Ok(names) => {
                    for name in names {
                        if !PLACEHOLDERS.contains(&name) && p.field(name).is_none() {
                            say(t!(LintAssetPlaceholder, template = template, name = name));
                        }
                    }
                }
            }
        }
    }
}

/// Checks a value written without placeholders, for the columns with a fixed vocabulary.
fn literal(column: &str, value: &str) -> Result<(), String> {
    match column {
        "status" => value.parse::<crate::asset::Status>().map(drop),
        "kind" => value.parse::<crate::asset::Kind>().map(drop),
        "count" => value
            .parse::<u32>()
            .map(drop)
            .map_err(|_| t!(LintAssetCountNumber, value = value)),
        _ => Ok(()),
    }
}

/// A step's `template` names a file under `templates/` whose name a printout can load:
/// `.html`, no `..`, letters, digits, `.`, `_`, `-` and `/`. Whether the file is there and
/// parses is `sop procedure check`'s business, which reads the files.
fn check_templates(p: &Procedure, _: &Config, report: &mut dyn FnMut(usize, String)) {
    for s in &p.steps {
        let Some(t) = &s.template else { continue };
        if let Err(why) = crate::printout::template::step_template_name(t.get_ref()) {
            report(t.span().start, t!(LintTemplate, id = s.id(), why = why));
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
    use std::path::Path;

    use super::*;

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
    fn an_inferred_role_needs_a_role() {
        let src = format!(
            "{HEAD}[[steps]]\nid = \"a\"\nactivity = \"A\"\nkind = \"decision\"\nby_field = \"x\"\noptions = {{ y = \"e\" }}\nrole_inferred = \"tidak terbaca\"\n\
             [[steps]]\nid = \"e\"\nactivity = \"E\"\nkind = \"end\"\n"
        );
        let found = lint(&src).join("\n");
        assert!(
            found.contains("step 'a' says its role was inferred, but names no role"),
            "{found}"
        );
    }

    #[test]
    fn office_keys_are_linted() {
        let src = format!(
            "{HEAD}on_behalf = [\"satpam\"]\n\
             [[fields]]\nname = \"pw\"\ntype = \"secret\"\n\
             [[steps]]\nid = \"a\"\nactivity = \"A\"\nrole = \"staf\"\nedits = [\"pw\", \"nope\"]\nassign_from = \"pw\"\n\
             [[steps]]\nid = \"b\"\nactivity = \"B\"\nkind = \"end\"\nresume = \"zz\"\n\
             [[steps]]\nid = \"c\"\nactivity = \"C\"\nrole = \"staf\"\nresume = \"a\"\nnext = \"b\"\n"
        );
        let found = lint(&src).join("\n");
        for want in [
            "on_behalf names unknown role 'satpam'",
            "step 'a' edits secret field 'pw', which is never stored",
            "step 'a' edits unknown field 'nope'",
            "step 'a' is assigned from 'pw', which is not a field of type person",
            "end 'b' resumes to unknown step 'zz'",
            "step 'c' is a task: 'resume' belongs to an end",
        ] {
            assert!(found.contains(want), "{want}\n{found}");
        }
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

    #[test]
    fn asset_effects_are_linted() {
        let src = format!(
            "{HEAD}[[fields]]\nname = \"lokasi\"\n\
             [[steps]]\nid = \"a\"\nactivity = \"A\"\nrole = \"staf\"\n\
             [steps.asset]\nset = {{ status = \"broken\", colour = \"red\", location = \"{{lokasi}} {{nope}}\" }}\n\
             [[steps]]\nid = \"b\"\nactivity = \"B\"\nrole = \"staf\"\n\
             [steps.asset]\ncreate = true\nset = {{ name = \"x\" }}\n\
             [[steps]]\nid = \"e\"\nactivity = \"E\"\nkind = \"end\"\n\
             [steps.asset]\nwhen = \"done\"\nset = {{ status = \"disposed\" }}\n"
        );
        let found = lint(&src).join("\n");
        assert!(
            found.contains("step 'a' asset: status must be one of"),
            "{found}"
        );
        assert!(found.contains("cannot set column 'colour'"), "{found}");
        assert!(
            found.contains("names '{nope}', which is no field"),
            "{found}"
        );
        assert!(!found.contains("'{lokasi}'"), "{found}");
        assert!(
            found.contains("step 'b' asset: create = true needs 'kind' in set"),
            "{found}"
        );
        assert!(
            found.contains("step 'e' asset: an end is entered, never done"),
            "{found}"
        );
    }

    #[test]
    fn attachment_types_are_linted() {
        let src = format!(
            "{HEAD}attachment_types = [\"pdf\", \"exe\"]\n\
             [[fields]]\nname = \"surat\"\ntype = \"file\"\ntypes = [\"png\", \"pdf\"]\n\
             [[fields]]\nname = \"nama\"\ntypes = [\"pdf\"]\n\
             [[fields]]\nname = \"foto\"\ntype = \"file\"\ntypes = [\"bmp\"]\n\
             [[steps]]\nid = \"a\"\nactivity = \"A\"\nrole = \"staf\"\n\
             [[steps]]\nid = \"e\"\nactivity = \"E\"\nkind = \"end\"\n"
        );
        let found = lint(&src).join("\n");
        assert!(
            found.contains("attachment_types: unknown file type 'exe'"),
            "{found}"
        );
        assert!(
            found.contains("field 'surat' takes type 'png', which attachment_types does not allow"),
            "{found}"
        );
        assert!(found.contains("field 'nama' is not a file"), "{found}");
        assert!(
            found.contains("field 'foto': unknown file type 'bmp'"),
            "{found}"
        );
        assert!(!found.contains("'pdf'"), "{found}");
    }
}
