//! `sop show`: one request with its fields, steps and history.

use std::io::Write;

use anyhow::Result;
use unicode_width::UnicodeWidthStr;

use crate::cli::Format;
use crate::context::Context;
use crate::error::{Code, Failure};
use crate::graph;
use crate::output;
use crate::procedure::Procedure;
use crate::request::{Action, Request};
use crate::view::{entry_action, entry_by, entry_details, request_view, StepView};

/// One request: fields, current step with its due time, and history; or its flow (--graph).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The request id, or a unique start of it.
    #[arg(add = crate::complete::requests(crate::complete::Requests::Any))]
    pub id: String,
    /// Print the procedure's flow instead, with the path this request took and where it is
    /// highlighted: `mermaid` (flowchart text) or `svg` (the SOP document's flow table).
    #[arg(long, value_enum, value_name = "KIND")]
    pub graph: Option<Graph>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Graph {
    /// Mermaid flowchart text with a swimlane per role.
    Mermaid,
    /// The flow table of the SOP document, as one SVG.
    Svg,
}

/// The width of the labels of the request's lines (`procedure  `, `status     `).
const LABEL: usize = 11;

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<()> {
    if args.graph.is_some() && ctx.format != Format::Table {
        return Err(Failure::new(Code::Usage, t!(GraphNoFormat))
            .hint(t!(HintGraphNoFormat))
            .into());
    }
    let loaded = ctx.load()?;
    let id = loaded.records.resolve(&args.id)?;
    let snap = loaded.git.head_snapshot()?;
    let req = crate::change::read_request(&snap, &id)?;
    if let Some(kind) = args.graph {
        let p = crate::rules::procedure_as_is(&snap, &req.procedure)?;
        let extras = graph::Extras {
            called: graph::Extras::called(&p, |id| {
                crate::rules::procedure_as_is(&snap, id)
                    .ok()
                    .map(|c| c.name)
            }),
            trail: Some(graph::trail(&req, &p)),
        };
        let text = match kind {
            Graph::Mermaid => graph::mermaid(&p, &loaded.config, &extras),
            Graph::Svg => crate::document::flow_svg(&p, &loaded.config, &extras),
        };
        out.write_all(text.as_bytes())?;
        return Ok(());
    }
    let procedure = crate::rules::procedure_as_is(&snap, &req.procedure).ok();
    let view = request_view(&req, procedure.as_ref(), &loaded.config, loaded.now);
    if ctx.format == Format::Json {
        return output::json(out, &view);
    }
    let name = procedure.as_ref().map_or("", |p| p.name.as_str());
    let look = ctx.look;
    let overdue = view.step.as_ref().is_some_and(|s| s.overdue)
        || view
            .service
            .as_ref()
            .is_some_and(|s| s.overdue && req.is_open());
    let paint = output::Paint::request(&req.status, overdue);
    let line = |out: &mut dyn Write, label: &str, value: String, paint| -> Result<()> {
        let label = crate::i18n::column(label);
        writeln!(out, "{}", look.labelled(&label, LABEL, &value, paint))?;
        Ok(())
    };
    writeln!(
        out,
        "{}",
        look.labelled(&req.id, req.id.width() + 2, &req.title, output::Paint::None)
    )?;
    line(
        out,
        "procedure",
        format!("{} ({name}) v{}", req.procedure, req.version),
        output::Paint::None,
    )?;
    let word = crate::i18n::status(&req.status);
    let status = match &req.hold {
        Some(h) => {
            let since = h.since.format("%Y-%m-%d %H:%M");
            let until = h.until.map(|d| t!(StatusHeldUntil, date = d));
            t!(ShowHeld, status = word, since = since, reason = h.reason)
                + &until.unwrap_or_default()
        }
        None => word,
    };
    line(out, "status", status, paint)?;
    let requester = match &req.on_behalf_of {
        Some(o) => t!(ShowOutsider, outsider = o, requester = req.requester),
        None => req.requester.clone(),
    };
    line(out, "requester", requester, output::Paint::None)?;
    line(
        out,
        "created",
        req.created.format("%Y-%m-%d %H:%M").to_string(),
        output::Paint::None,
    )?;
    if let Some(asset) = &req.asset {
        line(out, "asset", asset.clone(), output::Paint::None)?;
    }
    if let Some(step) = &view.step {
        let no_due = match req.hold {
            Some(_) => t!(ClockStopped),
            None => t!(NoStandardTime),
        };
        let due = step.due.map_or(no_due, |d| {
            let due = t!(DueAt, date = d.format("%Y-%m-%d %H:%M"));
            match step.overdue {
                true => format!("{due} ({})", t!(OverdueWord)),
                false => due,
            }
        });
        let text = t!(
            ShowStep,
            step = step.id,
            activity = step.activity,
            role = step.role,
            since = step.since.format("%Y-%m-%d %H:%M"),
            due = due
        );
        line(out, "step", text, output::Paint::overdue(step.overdue))?;
    }
    if let Some(who) = &req.assignee {
        line(out, "assigned", who.clone(), output::Paint::None)?;
    }
    if let Some(parent) = &req.parent {
        line(out, "part of", parent.clone(), output::Paint::None)?;
    }
    if !req.children.is_empty() {
        line(out, "started", req.children.join(", "), output::Paint::None)?;
    }
    if let Some(service) = &view.service {
        let state = match (service.overdue, req.is_open()) {
            (true, _) => format!(" ({})", t!(OverdueWord)),
            (false, false) if req.hold.is_some() => format!(" ({})", t!(ClockStopped)),
            _ => String::new(),
        };
        let due = t!(DueAt, date = service.due.format("%Y-%m-%d %H:%M"));
        let text = format!("{}, {due}{state}", service.time);
        line(
            out,
            "service",
            text,
            output::Paint::overdue(service.overdue),
        )?;
    }
    if !req.fields.is_empty() {
        let mut t = output::table(&["field", "value"], ctx.look);
        t.keep(&["field"]);
        for (k, v) in &req.fields {
            t.add_row(vec![k.clone(), v.to_string()]);
        }
        writeln!(out, "\n{t}")?;
    }
    if !req.attachments.is_empty() {
        let t = super::attachment::table(ctx, &req.attachments, &req);
        writeln!(out, "\n{t}")?;
    }
    if let Some(p) = &procedure {
        writeln!(out, "\n{}", steps_table(ctx, p, &req, view.step.as_ref()))?;
    }
    let mut t = output::table(
        &["at", "by", "action", "step", "to", "note / output"],
        ctx.look,
    );
    t.keep(&["at"])
        .cut("step", 10)
        .cut("by", 8)
        .cut("to", 10)
        .wrap("action", 7)
        .wrap("note / output", 24)
        .optional(&["to"]);
    for e in &req.history {
        let lang = crate::i18n::lang();
        let (by, action, text) = (
            entry_by(e, Some(&req), lang),
            entry_action(e),
            entry_details(e, lang),
        );
        t.add_row(vec![
            e.at.format("%Y-%m-%d %H:%M").to_string(),
            by,
            action,
            e.step.clone(),
            e.to.clone().unwrap_or_default(),
            text.join(" / "),
        ]);
    }
    writeln!(out, "\n{t}")?;
    Ok(())
}

/// The procedure's steps: which were done (and how often), the current one with its due
/// time, and each step's standard time.
fn steps_table(
    ctx: &Context,
    p: &Procedure,
    req: &Request,
    current: Option<&StepView>,
) -> output::Table {
    let mut t = output::table(
        &["", "no", "activity", "role", "time", "done", "due"],
        ctx.look,
    );
    t.keep(&["", "no", "done", "due"])
        .cut("role", 8)
        .wrap("activity", 16)
        .optional(&["time"]);
    // The end step a finished request came to rest at.
    let ended_at = req
        .last_move()
        .and_then(|e| e.to.as_deref())
        .filter(|_| req.step.is_none());
    for s in &p.steps {
        let done = req
            .history
            .iter()
            .filter(|e| e.step == s.id() && e.action != Action::Create && e.moves())
            .count();
        let here = current.filter(|c| c.id == s.id());
        let reached_end = ended_at == Some(s.id());
        let mark = match (here, reached_end, done) {
            (Some(_), _, _) => "▶",
            (_, true, _) => "■",
            (_, _, 0) => "",
            _ => "✓",
        };
        let due = here
            .and_then(|c| c.due)
            .map(|d| {
                format!(
                    "{}{}",
                    d.format("%Y-%m-%d %H:%M"),
                    if here.is_some_and(|c| c.overdue) {
                        format!(" {}", t!(OverdueWord))
                    } else {
                        String::new()
                    }
                )
            })
            .unwrap_or_default();
        let paint = output::Paint::overdue(here.is_some_and(|c| c.overdue));
        t.add_painted(
            vec![
                mark.to_string(),
                s.number.as_ref().map_or("-".into(), |n| n.to_string()),
                s.activity.clone(),
                s.role.list().join("/"),
                s.time.map(|t| t.to_string()).unwrap_or_default(),
                if done > 0 {
                    done.to_string()
                } else {
                    String::new()
                },
                due,
            ],
            paint,
        );
    }
    t
}
