//! `sop procedure list|show|check`: the SOP catalogue.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use indexmap::IndexMap;
use serde::Serialize;

use crate::cli::Format;
use crate::config::Config;
use crate::context::Context;
use crate::error::{Code, Failure};
use crate::field::Field;
use crate::graph;
use crate::output;
use crate::people::{self, People};
use crate::procedure::lint::{self, Finding};
use crate::procedure::{self, Kind, Procedure};
use crate::stdtime::Timing;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// The procedures of this office.
    List,
    /// One procedure's flow: each step, who does it, what it needs and where it leads.
    Show {
        /// The procedure id.
        #[arg(add = crate::complete::procedures())]
        id: String,
    },
    /// Lint every procedure, sop.toml and people.toml; exit 3 on any finding.
    Check,
    /// One procedure's flowchart with a swimlane per role (--format mermaid, the default, or dot).
    Graph {
        /// The procedure id.
        #[arg(add = crate::complete::procedures())]
        id: String,
    },
    /// The SOP document as Permenpan RB 35/2012 lays it out: the identity page and the flow
    /// table (--format svg, pdf or html; svg by default).
    Doc {
        /// The procedure id.
        #[arg(add = crate::complete::procedures())]
        id: String,
        /// Write the document to this file (through a temporary file and a rename).
        #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
        output: Option<std::path::PathBuf>,
    },
}

pub fn run(ctx: &Context, cmd: Command, out: &mut dyn Write) -> Result<()> {
    let records = ctx.records()?;
    let config = Config::load(&records.root)?;
    match cmd {
        Command::List => list(ctx, &records.root, out),
        Command::Show { id } => show(ctx, &config, &Procedure::load(&records.root, &id)?, out),
        Command::Check => check(ctx, &records.root, &config, out),
        Command::Graph { id } => {
            let p = Procedure::load(&records.root, &id)?;
            let extras = extras(&records.root, &p);
            let text = match ctx.format {
                Format::Dot => graph::dot(&p, &config, &extras),
                _ => graph::mermaid(&p, &config, &extras),
            };
            out.write_all(text.as_bytes())?;
            Ok(())
        }
        Command::Doc { id, output } => {
            let p = Procedure::load(&records.root, &id)?;
            let extras = extras(&records.root, &p);
            doc(ctx.format, &p, &config, &extras, output.as_deref(), out)
        }
    }
}

/// What the drawings of `p` name besides it: the procedures its call steps start, as the
/// work tree has them.
fn extras(root: &Path, p: &Procedure) -> graph::Extras {
    graph::Extras {
        called: graph::Extras::called(p, |id| Procedure::load(root, id).ok().map(|c| c.name)),
        trail: None,
    }
}

/// `sop procedure doc`: the document in the format asked (SVG unless PDF or HTML), to a file
/// or to standard output; PDF goes to standard output only when it is not a terminal.
fn doc(
    format: Format,
    p: &Procedure,
    config: &Config,
    extras: &graph::Extras,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<()> {
    if format == Format::Pdf && output.is_none() {
        output::refuse_pdf_terminal(&format!(
            "sop procedure doc {} --format pdf --output {}.pdf",
            p.id(),
            p.id()
        ))?;
    }
    let bytes = match format {
        Format::Pdf => crate::document::pdf(p, config, extras)?,
        Format::Html => crate::document::html(p, config, extras).into_bytes(),
        Format::Svg | Format::Table => crate::document::svg(p, config, extras).into_bytes(),
        // `commands::formats` lets only svg, pdf and html through.
        Format::Json | Format::Csv | Format::Mermaid | Format::Dot | Format::Id => {
            return Err(Failure::new(Code::Usage, t!(DocFormats)).into())
        }
    };
    match output {
        Some(path) => output::write_replacing(path, &bytes),
        None => Ok(out.write_all(&bytes)?),
    }
}

#[derive(Serialize)]
struct Summary<'a> {
    id: &'a str,
    prefix: &'a str,
    name: &'a str,
    version: u32,
    draft: bool,
    steps: usize,
    total: String,
}

fn list(ctx: &Context, root: &Path, out: &mut dyn Write) -> Result<()> {
    let mut procedures = Vec::new();
    for id in procedure::list_ids(root)? {
        match Procedure::load(root, &id) {
            Ok(p) => procedures.push(p),
            Err(e) => eprintln!("{}: {e:#}", t!(WarningPrefix)),
        }
    }
    let summaries: Vec<Summary> = procedures
        .iter()
        .map(|p| Summary {
            id: p.id(),
            prefix: p.prefix(),
            name: &p.name,
            version: p.version,
            draft: p.draft,
            steps: p.steps.len(),
            total: p.total().iso(),
        })
        .collect();
    match ctx.format {
        Format::Json => output::json(out, &summaries),
        Format::Id => output::ids(out, summaries.iter().map(|s| s.id)),
        Format::Csv => output::csv(
            out,
            &["id", "prefix", "name", "version", "draft", "steps", "total"],
            summaries.iter().map(|s| {
                vec![
                    s.id.into(),
                    s.prefix.into(),
                    s.name.into(),
                    s.version.to_string(),
                    s.draft.to_string(),
                    s.steps.to_string(),
                    s.total.clone(),
                ]
            }),
        ),
        _ => {
            let mut t = output::table(
                &["id", "prefix", "name", "version", "steps", "total time"],
                ctx.look,
            );
            t.keep(&["id", "prefix", "version", "steps", "total time"])
                .wrap("name", 16)
                .optional(&["version", "prefix"]);
            for p in &procedures {
                let name = if p.draft {
                    format!("{} ({})", p.name, t!(DraftMark))
                } else {
                    p.name.clone()
                };
                t.add_row(vec![
                    p.id().into(),
                    p.prefix().into(),
                    name,
                    p.version.to_string(),
                    p.steps.len().to_string(),
                    // A procedure no step of which has a standard time (a draft) has none.
                    match p.steps.iter().any(|s| s.timing.is_some()) {
                        true => p.total().to_string(),
                        false => "-".to_string(),
                    },
                ]);
            }
            writeln!(out, "{t}")?;
            Ok(())
        }
    }
}

#[derive(Serialize)]
struct ProcedureView<'a> {
    id: &'a str,
    name: &'a str,
    version: u32,
    prefix: &'a str,
    draft: bool,
    sop: &'a procedure::Header,
    roles: Vec<&'a str>,
    fields: &'a [Field],
    total: String,
    steps: Vec<StepView<'a>>,
}

#[derive(Serialize)]
struct StepView<'a> {
    id: &'a str,
    number: Option<&'a crate::procedure::RowNumber>,
    activity: &'a str,
    role: Vec<&'a str>,
    kind: Kind,
    inputs: &'a [String],
    output: &'a str,
    note: &'a str,
    time: Option<String>,
    /// A time by a request field: `{"field", "times": {value: ISO time or null}}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    time_by: Option<TimeBy>,
    next: IndexMap<&'a str, &'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outcome: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    by_field: Option<&'a str>,
    fields: &'a [Field],
    /// Why the office inferred this step, which the document does not write; null when written.
    inferred: Option<&'a str>,
    /// Why the office inferred who does this step; null when the document says.
    role_inferred: Option<&'a str>,
    /// Exits the document leaves unsaid, by label, with why.
    inferred_exits: &'a IndexMap<String, String>,
}

fn show(ctx: &Context, config: &Config, p: &Procedure, out: &mut dyn Write) -> Result<()> {
    let steps: Vec<StepView> = p
        .steps
        .iter()
        .map(|s| StepView {
            id: s.id(),
            number: s.number.as_ref(),
            activity: &s.activity,
            role: s.role.list().iter().map(String::as_str).collect(),
            kind: s.kind,
            inputs: &s.inputs,
            output: &s.output,
            note: &s.note,
            time: s.time.map(|t| t.iso()),
            time_by: s.timing.as_ref().and_then(timing_by),
            next: p
                .exits(s)
                .into_iter()
                .map(|(k, t)| (k, t.get_ref().as_str()))
                .collect(),
            outcome: (s.kind == Kind::End).then(|| s.outcome()),
            by_field: s.by_field.as_deref(),
            fields: &s.fields,
            inferred: s.inferred.as_deref(),
            role_inferred: s.role_inferred.as_deref(),
            inferred_exits: &s.inferred_exits,
        })
        .collect();
    if ctx.format == Format::Json {
        return output::json(
            out,
            &ProcedureView {
                id: p.id(),
                name: &p.name,
                version: p.version,
                prefix: p.prefix(),
                draft: p.draft,
                sop: &p.sop,
                roles: p.roles(),
                fields: &p.fields,
                total: p.total().iso(),
                steps,
            },
        );
    }
    let draft = match p.draft {
        true => format!(" {}", t!(DraftMark).to_uppercase()),
        false => String::new(),
    };
    let title = format!("{} ({}) v{}{draft}", p.name, p.id(), p.version);
    writeln!(out, "{}", ctx.look.fill(&title))?;
    if !p.sop.number.is_empty() {
        writeln!(out, "No. SOP: {}", p.sop.number)?;
    }
    if !p.sop.approved_by.is_empty() {
        let line = format!("Disahkan oleh: {}", p.sop.approved_by);
        writeln!(out, "{}", ctx.look.fill(&line))?;
    }
    for (label, text) in [
        ("Biaya / Tarif", &p.sop.cost),
        ("Produk Layanan", &p.sop.product),
        ("Jangka Waktu Penyelesaian", &p.sop.service_time),
        ("Pengaduan", &p.sop.complaints),
    ] {
        if !text.is_empty() {
            writeln!(out, "{}", ctx.look.fill(&format!("{label}: {text}")))?;
        }
    }
    if !p.about.is_empty() {
        writeln!(out, "{}", ctx.look.fill(&p.about))?;
    }
    let mut t = output::table(
        &[
            "no", "activity", "role", "inputs", "time", "output", "leads to",
        ],
        ctx.look,
    );
    t.keep(&["no", "time"]).optional(&["inputs"]);
    let mut row = None;
    for (s, v) in p.steps.iter().zip(&steps) {
        // A row with several actors is numbered once, on its first step.
        let same_row = s.number.is_some() && s.number == row;
        row = s.number.clone();
        let no = match (&s.number, same_row) {
            (_, true) => "\"".to_string(),
            (Some(n), false) => n.to_string(),
            (None, false) => "-".to_string(),
        };
        let roles: Vec<&str> = s
            .role
            .list()
            .iter()
            .map(|r| p.role_label(config, r))
            .collect();
        let leads = match s.kind {
            Kind::End => t!(LeadsEnd, outcome = crate::i18n::status(s.outcome())),
            _ => {
                let ways: Vec<String> = v
                    .next
                    .iter()
                    .map(|(k, t)| format!("{} → {}", way_word(s.kind, k), number_of(p, t)))
                    .collect();
                let auto = s
                    .by_field
                    .as_ref()
                    .map(|f| t!(ByFieldRoute, field = f))
                    .unwrap_or_default();
                format!("{auto}{}", ways.join(", "))
            }
        };
        let marked = !s.inferred_exits.is_empty() || s.inferred.is_some();
        let role_mark = if s.role_inferred.is_some() { " *" } else { "" };
        t.add_row(vec![
            no,
            format!("{}{}", s.activity, if marked { " *" } else { "" }),
            format!("{}{role_mark}", roles.join(" / ")),
            s.inputs.join(", "),
            s.timing.as_ref().map(written).unwrap_or_default(),
            s.output.clone(),
            leads,
        ]);
    }
    writeln!(out, "{t}")?;
    if p.steps.iter().any(|s| s.timing.is_some()) {
        writeln!(out, "Total: {}", p.total())?;
    }
    if let Some(t) = fields_table(&p.fields, None, ctx.look) {
        writeln!(out, "\n{}\n{t}", t!(FormFields, id = p.id()))?;
    }
    let at_steps: Vec<(&str, &Field)> = p
        .steps
        .iter()
        .flat_map(|s| s.fields.iter().map(move |f| (s.id(), f)))
        .collect();
    if !at_steps.is_empty() {
        let steps: Vec<&str> = at_steps.iter().map(|(s, _)| *s).collect();
        let fields: Vec<Field> = at_steps.iter().map(|(_, f)| (*f).clone()).collect();
        if let Some(t) = fields_table(&fields, Some(&steps), ctx.look) {
            writeln!(out, "\n{}\n{t}", t!(StepFields))?;
        }
    }
    if let Some(t) = &p.service_time {
        writeln!(out, "Jangka waktu penyelesaian: {}", written(t))?;
    }
    let inferred: Vec<String> = p
        .steps
        .iter()
        .flat_map(|s| {
            let step = s
                .inferred
                .iter()
                .map(move |why| format!("{}: {why}", s.id()))
                .chain(
                    s.role_inferred
                        .iter()
                        .map(move |why| format!("{} (pelaku): {why}", s.id())),
                );
            let exits = s
                .inferred_exits
                .iter()
                .map(move |(way, why)| format!("{} ({way}): {why}", s.id()));
            step.chain(exits)
        })
        .collect();
    if !inferred.is_empty() {
        writeln!(out, "* ditafsirkan kantor, tidak tertulis di dokumen SOP:")?;
        for line in inferred {
            let line = ctx.look.labelled("", 2, &line, output::Paint::None);
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// Fields as a table: name, label, type, required, pattern, choices (and the step each is
/// recorded at, when `steps` is given); None when there are none.
pub fn fields_table(
    fields: &[Field],
    steps: Option<&[&str]>,
    look: output::Look,
) -> Option<output::Table> {
    if fields.is_empty() {
        return None;
    }
    let mut header = vec!["name", "label", "type", "required", "pattern", "choices"];
    if steps.is_some() {
        header.insert(0, "step");
    }
    let mut t = output::table(&header, look);
    t.keep(&["name", "type", "required"]).optional(&["pattern"]);
    if steps.is_some() {
        t.keep(&["step"]);
    }
    for (i, f) in fields.iter().enumerate() {
        let kind = serde_json::to_value(f.kind)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        let choices = match (f.choices.is_empty(), f.types.is_empty()) {
            (false, _) => f.choices.join(", "),
            (true, false) => t!(FilesOfTypes, types = f.types.join(", ")),
            (true, true) => String::new(),
        };
        let mut row = vec![
            f.name.clone(),
            f.label.clone(),
            field_type(&kind),
            if f.required { t!(Yes) } else { t!(No) },
            f.pattern.clone().unwrap_or_default(),
            choices,
        ];
        if let Some(steps) = steps {
            row.insert(0, steps.get(i).copied().unwrap_or_default().to_string());
        }
        t.add_row(row);
    }
    Some(t)
}

/// A field's type (`text`, `date`…, as procedures write it) as the fields table says it.
fn field_type(kind: &str) -> String {
    match kind {
        "text" => t!(TypeText),
        "number" => t!(TypeNumber),
        "integer" => t!(TypeInteger),
        "date" => t!(TypeDate),
        "email" => t!(TypeEmail),
        "choice" => t!(TypeChoice),
        "bool" => t!(TypeBool),
        "person" => t!(TypePerson),
        "secret" => t!(TypeSecret),
        "file" => t!(TypeFile),
        other => other.to_string(),
    }
}

#[derive(Serialize)]
struct TimeBy {
    field: String,
    times: IndexMap<String, Option<String>>,
}

fn timing_by(t: &Timing) -> Option<TimeBy> {
    match t {
        Timing::Fixed(_) => None,
        Timing::ByField { field, times } => Some(TimeBy {
            field: field.clone(),
            times: times
                .iter()
                .map(|(v, t)| (v.clone(), t.map(|t| t.iso())))
                .collect(),
        }),
    }
}

/// A time as the documents write it: `3 menit`, or `by kategori: sandi 30 menit, …`.
fn written(t: &Timing) -> String {
    match t {
        Timing::Fixed(t) => t.to_string(),
        Timing::ByField { field, times } => {
            let each: Vec<String> = times
                .iter()
                .map(|(v, t)| format!("{v} {}", t.map_or("N/A".to_string(), |t| t.to_string())))
                .collect();
            t!(ByFieldRoute, field = field) + &each.join(", ")
        }
    }
}

/// Across procedures: every `call` names a procedure that exists, and no procedure calls
/// itself through others (a request would start requests without end).
fn check_calls(root: &Path, ids: &[String]) -> Vec<Finding> {
    let loaded: Vec<Procedure> = ids
        .iter()
        .filter_map(|id| Procedure::load(root, id).ok())
        .collect();
    let calls = |p: &Procedure| -> Vec<(String, usize)> {
        p.steps
            .iter()
            .filter_map(|s| s.call.as_ref())
            .map(|c| (c.get_ref().clone(), c.span().start))
            .collect()
    };
    let mut findings = Vec::new();
    for p in &loaded {
        for (target, at) in calls(p) {
            let finding = |message| Finding {
                file: p.file.display().to_string(),
                line: p.line_of(at),
                message,
            };
            if !ids.contains(&target) {
                findings.push(finding(t!(CallsUnknown, target = target)));
                continue;
            }
            // Does `target` lead back to `p`?
            let mut seen = vec![target.clone()];
            let mut queue = vec![target.clone()];
            while let Some(id) = queue.pop() {
                let Some(q) = loaded.iter().find(|q| q.id() == id) else {
                    continue;
                };
                for (next, _) in calls(q) {
                    if !seen.contains(&next) {
                        seen.push(next.clone());
                        queue.push(next);
                    }
                }
            }
            if seen.iter().any(|s| s == p.id()) {
                findings.push(finding(t!(CallsCircle, target = target, id = p.id())));
            }
        }
    }
    findings
}

/// Every step's `template` is a file of the work tree's `templates/` that parses, with the
/// templates it includes, and writes HTML a printout can show (checked by rendering it with
/// no data); the same for the office's own `templates/formulir.html`, if it has one.
fn check_templates(root: &Path, ids: &[String]) -> Vec<Finding> {
    use crate::printout::{self, template};
    let source = worktree_templates(root);
    let mut findings = Vec::new();
    let mut check = |name: &str, file: String, line: usize, what: String| {
        if let Err(why) = printout::check(source.clone(), name) {
            findings.push(Finding {
                file,
                line,
                message: format!("{what}: {why}"),
            });
        }
    };
    for id in ids {
        let Ok(p) = Procedure::load(root, id) else {
            continue;
        };
        for s in &p.steps {
            let Some(t) = &s.template else { continue };
            // A name lint refuses is reported by the lint.
            let Ok(name) = template::step_template_name(t.get_ref()) else {
                continue;
            };
            check(
                name,
                p.file.display().to_string(),
                p.line_of(t.span().start),
                t!(StepTemplate, step = s.id()),
            );
        }
    }
    let form = format!("{}/{}", template::FOLDER, template::FORM);
    if root.join(&form).exists() {
        check(template::FORM, form, 1, t!(WhoseForm));
    }
    findings
}

/// The templates of the work tree's `templates/`, for `procedure check`: each within
/// `limits::TEMPLATE_FILE_BYTES`, UTF-8, and not a symbolic link.
fn worktree_templates(root: &Path) -> crate::printout::template::Source {
    use crate::printout::template::FOLDER;
    let root = root.to_path_buf();
    std::sync::Arc::new(move |name: &str| {
        let rel = format!("{FOLDER}/{name}");
        let path = root.join(&rel);
        match std::fs::symlink_metadata(&path) {
            Err(_) => return Ok(None),
            Ok(m) if m.file_type().is_symlink() => return Err(t!(SymlinkRefused, rel = rel)),
            Ok(m) if !m.is_file() => return Ok(None),
            Ok(_) => {}
        }
        crate::config::read_text(&root, &rel, crate::limits::TEMPLATE_FILE_BYTES)
            .map(Some)
            .map_err(|e| format!("{e:#}"))
    })
}

/// An exit of a step as the flow table names it: sop's own words (`done`, `approve`,
/// `reject`, a called request's status) in the language of the run, a decision's option as
/// the office wrote it.
fn way_word(kind: Kind, way: &str) -> String {
    match (kind, way) {
        (Kind::Task | Kind::Start, "done") => t!(ExitDone),
        (Kind::Approval, "approve") => t!(DoneApprove),
        (Kind::Approval, "reject") => t!(DoneReject),
        (Kind::Call, status) => crate::i18n::status(status),
        (_, option) => option.to_string(),
    }
}

/// "4" for a numbered step, else its id.
fn number_of(p: &Procedure, id: &str) -> String {
    match p.step(id).and_then(|s| s.number.as_ref()) {
        Some(n) => n.to_string(),
        None => id.to_string(),
    }
}

fn check(ctx: &Context, root: &Path, config: &Config, out: &mut dyn Write) -> Result<()> {
    let mut findings: Vec<Finding> = Vec::new();
    let mut prefixes: IndexMap<String, String> = IndexMap::new();
    let ids = procedure::list_ids(root)?;
    for id in &ids {
        match Procedure::load(root, id) {
            Ok(p) => {
                findings.extend(lint::check(&p, config));
                if let Some(other) = prefixes.insert(p.prefix().to_string(), id.clone()) {
                    findings.push(Finding {
                        file: p.file.display().to_string(),
                        line: p.line_of(p.prefix.span().start),
                        message: t!(PrefixTaken, prefix = p.prefix(), other = other),
                    });
                }
            }
            Err(e) => findings.push(parse_finding(&format!("procedures/{id}.toml"), &e)),
        }
    }
    findings.extend(check_calls(root, &ids));
    findings.extend(check_templates(root, &ids));
    match People::load(root) {
        Ok(people) => findings.extend(
            people::lint(&people, config)
                .into_iter()
                .map(people_finding),
        ),
        Err(e) => findings.push(parse_finding("people.toml", &e)),
    }
    findings.sort();
    match ctx.format {
        Format::Json => output::json(out, &findings)?,
        _ => {
            for f in &findings {
                writeln!(out, "{f}")?;
            }
        }
    }
    if findings.is_empty() {
        eprintln!("{}", t!(CheckClean, office = config.office, n = ids.len()));
        Ok(())
    } else {
        Err(Failure::new(
            Code::Invalid,
            t!(CheckFindings, n = findings.len(), procedures = ids.len()),
        )
        .into())
    }
}

/// A people.toml lint message as a finding: it names no line, so the file's first.
fn people_finding(message: String) -> Finding {
    Finding {
        file: "people.toml".into(),
        line: 1,
        message,
    }
}

/// A parse error as a finding, keeping the line toml reported.
fn parse_finding(file: &str, e: &anyhow::Error) -> Finding {
    let text = format!("{e:#}");
    let line = crate::config::toml_line(&text).unwrap_or(1);
    let message = text
        .strip_prefix(&format!("{file}: "))
        .unwrap_or(&text)
        .to_string();
    Finding {
        file: file.to_string(),
        line,
        message,
    }
}
