//! `sop list`: requests, filtered.

use std::collections::HashMap;
use std::io::Write;

use anyhow::Result;

use crate::cli::Format;
use crate::context::Context;
use crate::error::{Code, Failure};
use crate::output;
use crate::procedure::Procedure;
use crate::summary;
use crate::view;

/// Requests, newest first.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only requests with this status (open, completed, rejected, cancelled, …).
    #[arg(long)]
    pub status: Option<String>,
    /// Only requests of this procedure.
    #[arg(long)]
    pub procedure: Option<String>,
    /// Only open requests whose current step is for this role.
    #[arg(long)]
    pub role: Option<String>,
    /// Only requests I made or whose current step I may do.
    #[arg(long)]
    pub mine: bool,
    /// Only open requests past the due time of their current step.
    #[arg(long)]
    pub overdue: bool,
}

#[derive(serde::Serialize)]
struct Row<'a> {
    id: &'a str,
    procedure: &'a str,
    title: &'a str,
    status: &'a str,
    step: Option<&'a str>,
    role: Option<String>,
    requester: &'a str,
    created: chrono::DateTime<chrono::FixedOffset>,
    due: Option<chrono::DateTime<chrono::FixedOffset>>,
    overdue: bool,
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<()> {
    let loaded = ctx.load()?;
    let me = if args.mine {
        Some(ctx.actor(&loaded.people, &loaded.git)?.id.clone())
    } else {
        None
    };
    let (summaries, errors) = summary::all(&loaded.git)?;
    let mut requests: Vec<&summary::Summary> = summaries
        .values()
        .filter(|r| args.status.as_ref().is_none_or(|s| s == &r.status))
        .filter(|r| args.procedure.as_ref().is_none_or(|p| p == &r.procedure))
        .collect();
    for e in &errors {
        eprintln!("warning: {e:#}");
    }
    let snap = loaded.git.head_snapshot()?;
    let mut procedures: HashMap<String, Option<Procedure>> = HashMap::new();
    requests.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| a.id.cmp(&b.id)));
    let mut rows = Vec::new();
    let date = loaded.now.date_naive();
    let requester_role = &loaded.config.policy.requester_role;
    for req in requests {
        if !procedures.contains_key(&req.procedure) {
            let p = crate::rules::procedure_as_is(&snap, &req.procedure).ok();
            procedures.insert(req.procedure.clone(), p);
        }
        let p = procedures[&req.procedure].as_ref();
        let current = view::current(
            req.step.as_deref(),
            req.since,
            p,
            &loaded.config,
            loaded.now,
        );
        let roles = current.map_or(&[][..], |c| c.roles());
        if args.role.as_ref().is_some_and(|r| !roles.contains(r)) {
            continue;
        }
        if let Some(me) = &me {
            let mine = &req.requester == me
                || roles.iter().any(|r| {
                    if r == requester_role {
                        &req.requester == me
                    } else {
                        loaded.people.holds(me, r, date).is_some()
                    }
                });
            if !mine {
                continue;
            }
        }
        let overdue = current.is_some_and(|c| c.overdue);
        if args.overdue && !overdue {
            continue;
        }
        rows.push(Row {
            id: &req.id,
            procedure: &req.procedure,
            title: &req.title,
            status: &req.status,
            role: current.map(|_| roles.join("/")),
            due: current.and_then(|c| c.due),
            step: req.step.as_deref(),
            requester: &req.requester,
            created: req.created,
            overdue,
        });
    }
    print(ctx, &rows, out)?;
    if !errors.is_empty() {
        return Err(Failure::new(
            Code::Invalid,
            format!(
                "{} request file(s) could not be read (see the warnings above)",
                errors.len()
            ),
        )
        .into());
    }
    Ok(())
}

/// The columns every format shows first (`Row::cells`), then `more`.
fn columns<'a>(more: &[&'a str]) -> Vec<&'a str> {
    let first = ["id", "procedure", "title", "status", "step", "role"];
    first.iter().chain(more).copied().collect()
}

impl Row<'_> {
    /// The columns every format shows first: id, procedure, title, status, step, role.
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.procedure.to_string(),
            self.title.to_string(),
            self.status.to_string(),
            self.step.unwrap_or_default().to_string(),
            self.role.clone().unwrap_or_default(),
        ]
    }
}

fn print(ctx: &Context, rows: &[Row], out: &mut dyn Write) -> Result<()> {
    let fmt_time = |t: &Option<chrono::DateTime<chrono::FixedOffset>>| {
        t.map(output::minute).unwrap_or_default()
    };
    match ctx.format {
        Format::Json => output::json(out, &rows),
        Format::Csv => output::csv(
            out,
            &columns(&["requester", "created", "due", "overdue"]),
            rows.iter().map(|r| {
                let mut cells = r.cells();
                cells.extend([
                    r.requester.to_string(),
                    r.created.to_rfc3339(),
                    r.due.map(|d| d.to_rfc3339()).unwrap_or_default(),
                    r.overdue.to_string(),
                ]);
                cells
            }),
        ),
        _ => {
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    let mut cells = r.cells();
                    cells.extend([
                        output::minute(r.created),
                        format!("{}{}", fmt_time(&r.due), if r.overdue { " !" } else { "" }),
                    ]);
                    cells
                })
                .collect();
            let header = columns(&["created", "due"]);
            output::long_table(out, &header, &cells, ctx.color)?;
            eprintln!("{} request(s)", rows.len());
            Ok(())
        }
    }
}
