//! `sop advance`, `approve`, `reject`, `cancel`: one change to one request, one commit.

use std::io::Write;

use anyhow::Result;

use crate::change::{self, Target};
use crate::cli::Format;
use crate::context::Context;
use crate::engine::Change;
use crate::field::split_assignments;
use crate::invalid;
use crate::output;
use crate::request::Action;
use crate::view::request_view;

#[derive(Debug, clap::Args)]
pub struct AdvanceArgs {
    /// The request id, or a unique start of it.
    pub id: String,
    /// What the step produced (its output).
    #[arg(long)]
    pub output: Option<String>,
    /// A note for the history.
    #[arg(long)]
    pub note: Option<String>,
    /// At a decision step: the option taken.
    #[arg(long, value_name = "OPTION")]
    pub choose: Option<String>,
    /// A field the step records, NAME=VALUE; repeat for several.
    #[arg(long = "field", value_name = "NAME=VALUE")]
    pub fields: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct ApproveArgs {
    /// The request id, or a unique start of it.
    pub id: String,
    /// A note for the history.
    #[arg(long)]
    pub note: Option<String>,
    /// A field the step records, NAME=VALUE; repeat for several.
    #[arg(long = "field", value_name = "NAME=VALUE")]
    pub fields: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct ReasonArgs {
    /// The request id, or a unique start of it.
    pub id: String,
    /// Why (required).
    #[arg(long)]
    pub reason: String,
}

pub fn advance(ctx: &Context, a: AdvanceArgs, out: &mut dyn Write) -> Result<()> {
    let change = Change {
        option: a.choose,
        output: a.output,
        note: a.note,
        fields: split_assignments(&a.fields).map_err(|e| invalid!("{e}"))?,
        ..Change::new(Action::Advance)
    };
    act(ctx, &a.id, change, out)
}

pub fn approve(ctx: &Context, a: ApproveArgs, out: &mut dyn Write) -> Result<()> {
    let change = Change {
        note: a.note,
        fields: split_assignments(&a.fields).map_err(|e| invalid!("{e}"))?,
        ..Change::new(Action::Approve)
    };
    act(ctx, &a.id, change, out)
}

pub fn reject(ctx: &Context, a: ReasonArgs, out: &mut dyn Write) -> Result<()> {
    let change = Change {
        note: Some(a.reason),
        ..Change::new(Action::Reject)
    };
    act(ctx, &a.id, change, out)
}

pub fn cancel(ctx: &Context, a: ReasonArgs, out: &mut dyn Write) -> Result<()> {
    let change = Change {
        note: Some(a.reason),
        ..Change::new(Action::Cancel)
    };
    act(ctx, &a.id, change, out)
}

fn act(ctx: &Context, given: &str, change: Change, out: &mut dyn Write) -> Result<()> {
    let done = change::run(ctx, Target::Existing { given }, change)?;
    let (next, procedure) = (&done.outcome.request, &done.procedure);
    match ctx.format {
        Format::Json => output::json(
            out,
            &request_view(next, Some(procedure), &done.config, done.now),
        )?,
        _ => {
            let entry = next.history.last().expect("just added");
            let now_at = match next.step.as_deref().and_then(|s| procedure.step(s)) {
                Some(s) => format!(
                    "now at '{}': {} [{}]",
                    s.id(),
                    s.activity,
                    s.role.list().join("/")
                ),
                None => format!("now {}", next.status),
            };
            writeln!(
                out,
                "{} {}: {}; {now_at}",
                next.id, entry.action, entry.step
            )?;
        }
    }
    Ok(())
}
