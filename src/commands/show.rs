//! `sop show`: one request with its fields, steps and history.

use std::io::Write;

use anyhow::Result;

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

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<()> {
    if args.graph.is_some() && ctx.format != Format::Table {
        return Err(Failure::new(
            Code::Usage,
            "`sop show --graph` prints the flow itself: it does not go with --format",
        )
        .hint("leave out --format, or --graph")
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
    writeln!(out, "{}  {}", req.id, req.title)?;
    writeln!(
        out,
        "procedure  {} ({name}) v{}",
        req.procedure, req.version
    )?;
    match &req.hold {
        Some(h) => writeln!(
            out,
            "status     {} since {}: {}{}",
            req.status,
            h.since.format("%Y-%m-%d %H:%M"),
            h.reason,
            h.until.map_or(String::new(), |d| format!(" (until {d})"))
        )?,
        None => writeln!(out, "status     {}", req.status)?,
    }
    match &req.on_behalf_of {
        Some(o) => writeln!(out, "requester  {o} (outside; opened by {})", req.requester)?,
        None => writeln!(out, "requester  {}", req.requester)?,
    }
    writeln!(out, "created    {}", req.created.format("%Y-%m-%d %H:%M"))?;
    if let Some(asset) = &req.asset {
        writeln!(out, "asset      {asset}")?;
    }
    if let Some(step) = &view.step {
        let no_due = match req.hold {
            Some(_) => "clock stopped while held",
            None => "no standard time",
        };
        let due = step.due.map_or(no_due.to_string(), |d| {
            format!(
                "due {}{}",
                d.format("%Y-%m-%d %H:%M"),
                if step.overdue { " (OVERDUE)" } else { "" }
            )
        });
        writeln!(
            out,
            "step       {} {} [{}], since {}, {due}",
            step.id,
            step.activity,
            step.role,
            step.since.format("%Y-%m-%d %H:%M")
        )?;
    }
    if let Some(who) = &req.assignee {
        writeln!(out, "assigned   {who}")?;
    }
    if let Some(parent) = &req.parent {
        writeln!(out, "part of    {parent}")?;
    }
    if !req.children.is_empty() {
        writeln!(out, "started    {}", req.children.join(", "))?;
    }
    if let Some(service) = &view.service {
        let state = match (service.overdue, req.is_open()) {
            (true, _) => " (OVERDUE)",
            (false, false) if req.hold.is_some() => " (clock stopped while held)",
            _ => "",
        };
        writeln!(
            out,
            "service    {}, due {}{state}",
            service.time,
            service.due.format("%Y-%m-%d %H:%M")
        )?;
    }
    if !req.fields.is_empty() {
        let mut t = output::table(&["field", "value"], ctx.color);
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
        ctx.color,
    );
    for e in &req.history {
        let (by, action, text) = (entry_by(e, Some(&req)), entry_action(e), entry_details(e));
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
) -> comfy_table::Table {
    let mut t = output::table(
        &["", "no", "activity", "role", "time", "done", "due"],
        ctx.color,
    );
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
                        " OVERDUE"
                    } else {
                        ""
                    }
                )
            })
            .unwrap_or_default();
        t.add_row(vec![
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
        ]);
    }
    t
}
