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
    let mut rows: HashMap<&str, usize> = HashMap::new();
    for (i, s) in p.steps.iter().enumerate() {
        let Some(n) = &s.number else { continue };
        match rows.insert(&n.0, i) {
            Some(last) if last + 1 != i => report(
                s.id.span().start,
                format!(
                    "step '{}' repeats number {n} of step '{}', which is not just before it: steps that share a row are written one after the other",
                    s.id(),
                    p.steps[last].id()
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
        let needs_role = !matches!(s.kind, Kind::End | Kind::Call) && !s.is_automatic();
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
        misplaced(
            "next",
            s.next.is_some() && !matches!(s.kind, Kind::Task | Kind::Start),
            "a task or the start",
        );
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
        misplaced("call", s.call.is_some() && s.kind != Kind::Call, "a call");
        misplaced("with", !s.with.is_empty() && s.kind != Kind::Call, "a call");
        misplaced(
            "outcomes",
            !s.outcomes.is_empty() && s.kind != Kind::Call,
            "a call",
        );
        if s.kind == Kind::Call {
            if s.call.is_none() {
                report(at, format!("call '{id}' names no procedure (call = \"…\")"));
            }
            if !s.outcomes.contains_key("completed") {
                report(
                    at,
                    format!("call '{id}' has no way on when the request it starts is completed (outcomes.completed)"),
                );
            }
            if !s.role.list().is_empty() || !s.fields.is_empty() {
                report(
                    at,
                    format!("call '{id}' is done by nobody: it takes no role and no fields"),
                );
            }
        }
        match s.kind {
            Kind::Approval if s.approve.is_none() || s.reject.is_none() => report(
                at,
                format!("approval '{id}' needs both 'approve' and 'reject' targets"),
            ),
            Kind::Decision if s.options.is_empty() => {
                report(at, format!("decision '{id}' has no options"))
            }
            Kind::Task | Kind::Start if p.exits(s).is_empty() => report(
                at,
                format!("task '{id}' is the last step and has no 'next': where does it lead?"),
            ),
            Kind::End if s.outcome.as_deref().is_some_and(|o| !valid_slug(o)) => report(
                at,
                format!("end '{id}': outcome must be a lowercase word (e.g. completed, rejected)"),
            ),
            _ => {}
        }
        if s.kind == Kind::Start && p.steps.first().is_some_and(|f| f.id() != id) {
            report(at, format!("start '{id}' must be the first step"));
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

/// The keys of issue 10: fields a step may edit, a step given from a person field, an end that
/// may be resumed, and who may open requests for outside requesters.
fn check_office_keys(p: &Procedure, config: &Config, report: &mut dyn FnMut(usize, String)) {
    use crate::field::FieldType;
    for role in &p.on_behalf {
        if !config.roles.contains_key(role) {
            report(
                p.id.span().start,
                format!(
                    "on_behalf names unknown role '{role}' (declare it under [roles] in sop.toml)"
                ),
            );
        }
    }
    for s in &p.steps {
        let (at, id) = (s.id.span().start, s.id());
        for name in s.edits.iter().flatten() {
            match p.field(name) {
                None => report(at, format!("step '{id}' edits unknown field '{name}'")),
                Some(f) if f.kind == FieldType::Secret => report(
                    at,
                    format!("step '{id}' edits secret field '{name}', which is never stored"),
                ),
                Some(_) => {}
            }
        }
        if let Some(name) = &s.assign_from {
            if p.field(name).is_none_or(|f| f.kind != FieldType::Person) {
                report(
                    at,
                    format!("step '{id}' is assigned from '{name}', which is not a field of type person"),
                );
            }
            if matches!(s.kind, Kind::End) || s.is_automatic() {
                report(
                    at,
                    format!("step '{id}' is done by nobody: it cannot be assigned"),
                );
            }
        }
        if s.role_inferred.is_some() && s.role.list().is_empty() {
            report(
                at,
                format!("step '{id}' says its role was inferred, but names no role"),
            );
        }
        let exits: Vec<&str> = p.exits(s).into_iter().map(|(l, _)| l).collect();
        for label in s.inferred_exits.keys() {
            if !exits.contains(&label.as_str()) {
                report(
                    at,
                    format!(
                        "step '{id}' marks exit '{label}' as inferred, but its exits are: {}",
                        if exits.is_empty() {
                            "none".to_string()
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
                format!("step '{id}' is a {k}: 'resume' belongs to an end"),
            ),
            (Some(target), _) => match p.step(target.get_ref()) {
                None => report(
                    target.span().start,
                    format!("end '{id}' resumes to unknown step '{}'", target.get_ref()),
                ),
                Some(t) if t.kind == Kind::End || t.is_automatic() => report(
                    target.span().start,
                    format!("end '{id}' resumes to '{}', where nobody acts", t.id()),
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
                format!(
                    "attachment_types: unknown file type '{t}' (known: {})",
                    known_short_names().join(", ")
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
                    format!(
                        "field '{}' takes type '{t}', which attachment_types does not allow",
                        f.name
                    ),
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
            report(
                at,
                format!("{what} goes by field '{field}', which the procedure does not declare"),
            );
            return;
        };
        if f.choices.is_empty() {
            return;
        }
        for choice in f.choices.iter().filter(|c| !keys.contains(c)) {
            report(at, format!("{what} has no value for {field} = '{choice}'"));
        }
        for key in keys.iter().filter(|k| !f.choices.contains(k)) {
            report(
                at,
                format!("{what} names {field} = '{key}', which is not one of its choices"),
            );
        }
    };
    if let Some(Timing::ByField { field, times }) = &p.service_time {
        check(
            p.id.span().start,
            "the service time".into(),
            field,
            times.keys().collect(),
        );
    }
    for s in &p.steps {
        let at = s.id.span().start;
        if let Some(Timing::ByField { field, times }) = &s.timing {
            check(
                at,
                format!("step '{}': its time", s.id()),
                field,
                times.keys().collect(),
            );
        }
        if let Roles::ByField(t) = &s.role {
            check(
                at,
                format!("step '{}': its role", s.id()),
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

/// Values a template placeholder may name besides the procedure's fields.
pub const PLACEHOLDERS: &[&str] = &["requester", "request"];

fn check_assets(p: &Procedure, _: &Config, report: &mut dyn FnMut(usize, String)) {
    for s in &p.steps {
        let Some(effect) = &s.asset else { continue };
        let at = s.id.span().start;
        let mut say = |m: String| report(at, format!("step '{}' asset: {m}", s.id()));
        if s.is_automatic() {
            say("a decision sop takes itself cannot change assets".into());
        }
        if s.kind == Kind::End && effect.when == Some(When::Done) {
            say("an end is entered, never done: use when = \"enter\" or leave it out".into());
        }
        if effect.count.is_some() && !effect.create {
            say("'count' belongs to create = true".into());
        }
        if effect.set.is_empty() {
            say("'set' names no column to change".into());
        }
        for column in ["kind", "name"] {
            if effect.create && !effect.set.contains_key(column) {
                say(format!("create = true needs '{column}' in set"));
            }
        }
        let templates = effect
            .set
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .chain(effect.count.as_deref().map(|c| ("count", c)));
        for (column, template) in templates {
            if column == "id" || (column != "count" && !crate::asset::known_column(column)) {
                say(format!(
                    "cannot set column '{column}': use one of {} or attr.NAME",
                    &crate::asset::COLUMNS[1..].join(", ")
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
                            say(format!(
                                "'{template}' names '{{{name}}}', which is no field of the procedure (nor requester or request)"
                            ));
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
            .map_err(|_| format!("count must be a whole number, not '{value}'")),
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
            report(t.span().start, format!("step '{}': template {why}", s.id()));
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
