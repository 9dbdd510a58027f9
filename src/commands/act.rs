//! `sop advance`, `approve`, `reject`, `cancel`, and the changes that leave a request at its
//! step — `edit`, `comment`, `assign`, `unassign`, `hold`, `resume`: one change to one
//! request, one commit.

use std::io::Write;

use anyhow::Result;

use crate::change::{self, Target};
use crate::cli::Format;
use crate::complete::{self, Requests};
use crate::context::Context;
use crate::engine::Change;
use crate::error::Hint;
use crate::field::split_assignments;
use crate::invalid;
use crate::output;
use crate::request::Action;
use crate::view::request_view;

#[derive(Debug, clap::Args)]
pub struct AdvanceArgs {
    /// The request id, or a unique start of it.
    #[arg(add = complete::requests(Requests::Task))]
    pub id: String,
    /// What the step produced (its output).
    #[arg(long)]
    pub output: Option<String>,
    /// A note for the history.
    #[arg(long)]
    pub note: Option<String>,
    /// At a decision step: the option taken.
    #[arg(long, value_name = "OPTION", add = complete::options())]
    pub choose: Option<String>,
    /// A field the step records, NAME=VALUE; repeat for several.
    #[arg(long = "field", value_name = "NAME=VALUE")]
    pub fields: Vec<String>,
    /// Attach a file (FIELD=FILE fills the file field FIELD); repeat for several.
    #[arg(long = "attach", value_name = "[FIELD=]FILE", value_hint = clap::ValueHint::FilePath)]
    pub attach: Vec<String>,
    /// Print only the request id on stdout, nothing on stderr but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct ApproveArgs {
    /// The request id, or a unique start of it.
    #[arg(add = complete::requests(Requests::Approval))]
    pub id: String,
    /// A note for the history.
    #[arg(long)]
    pub note: Option<String>,
    /// A field the step records, NAME=VALUE; repeat for several.
    #[arg(long = "field", value_name = "NAME=VALUE")]
    pub fields: Vec<String>,
    /// Attach a file (FIELD=FILE fills the file field FIELD); repeat for several.
    #[arg(long = "attach", value_name = "[FIELD=]FILE", value_hint = clap::ValueHint::FilePath)]
    pub attach: Vec<String>,
    /// Print only the request id on stdout, nothing on stderr but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct RejectArgs {
    /// The request id, or a unique start of it.
    #[arg(add = complete::requests(Requests::Approval))]
    pub id: String,
    /// Why (required).
    #[arg(long)]
    pub reason: String,
    /// Attach a file (FIELD=FILE fills the file field FIELD); repeat for several.
    #[arg(long = "attach", value_name = "[FIELD=]FILE", value_hint = clap::ValueHint::FilePath)]
    pub attach: Vec<String>,
    /// Print only the request id on stdout, nothing on stderr but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct ReasonArgs {
    /// The request id, or a unique start of it.
    #[arg(add = complete::requests(Requests::Unfinished))]
    pub id: String,
    /// Why (required).
    #[arg(long)]
    pub reason: String,
    /// Print only the request id on stdout, nothing on stderr but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// The request id, or a unique start of it.
    #[arg(add = complete::requests(Requests::Unfinished))]
    pub id: String,
    /// A field to correct, NAME=VALUE; repeat for several.
    #[arg(long = "field", value_name = "NAME=VALUE")]
    pub fields: Vec<String>,
    /// A new title.
    #[arg(long)]
    pub title: Option<String>,
    /// Why, for the history.
    #[arg(long)]
    pub note: Option<String>,
    /// Attach a file (FIELD=FILE fills the file field FIELD); repeat for several.
    #[arg(long = "attach", value_name = "[FIELD=]FILE", value_hint = clap::ValueHint::FilePath)]
    pub attach: Vec<String>,
    /// Print only the request id on stdout, nothing on stderr but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct CommentArgs {
    /// The request id, or a unique start of it.
    #[arg(add = complete::requests(Requests::Any))]
    pub id: String,
    /// The comment.
    pub text: String,
    /// Attach a file to the comment; repeat for several.
    #[arg(long = "attach", value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub attach: Vec<String>,
    /// Print only the request id on stdout, nothing on stderr but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct AssignArgs {
    /// The request id, or a unique start of it.
    #[arg(add = complete::requests(Requests::Unfinished))]
    pub id: String,
    /// The person (id or email in people.toml) who holds the step's role.
    #[arg(add = complete::holders())]
    pub person: String,
    /// A note for the history.
    #[arg(long)]
    pub note: Option<String>,
    /// Print only the request id on stdout, nothing on stderr but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct NoteArgs {
    /// The request id, or a unique start of it.
    #[arg(add = complete::requests(Requests::Unfinished))]
    pub id: String,
    /// A note for the history.
    #[arg(long)]
    pub note: Option<String>,
    /// Print only the request id on stdout, nothing on stderr but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct ResumeArgs {
    /// The request id, or a unique start of it.
    #[arg(add = complete::requests(Requests::Resumable))]
    pub id: String,
    /// A note for the history.
    #[arg(long)]
    pub note: Option<String>,
    /// Print only the request id on stdout, nothing on stderr but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct HoldArgs {
    /// The request id, or a unique start of it.
    #[arg(add = complete::requests(Requests::Open))]
    pub id: String,
    /// What the request waits for (required).
    #[arg(long)]
    pub reason: String,
    /// The day the hold is expected to end, YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Print only the request id on stdout, nothing on stderr but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn edit(ctx: &Context, a: EditArgs, out: &mut dyn Write) -> Result<()> {
    if a.fields.is_empty() && a.title.is_none() && a.attach.is_empty() {
        return Err(invalid!("{}", t!(NothingToEdit)).hint(t!(HintNothingToEdit)));
    }
    let change = Change {
        title: a.title,
        note: a.note,
        fields: split_assignments(&a.fields).map_err(|e| invalid!("{e}"))?,
        ..Change::new(Action::Edit)
    };
    act(ctx, &a.id, change, &a.attach, out)
}

pub fn comment(ctx: &Context, a: CommentArgs, out: &mut dyn Write) -> Result<()> {
    let change = Change {
        note: Some(a.text),
        ..Change::new(Action::Comment)
    };
    act(ctx, &a.id, change, &a.attach, out)
}

pub fn assign(ctx: &Context, a: AssignArgs, out: &mut dyn Write) -> Result<()> {
    let change = Change {
        assignee: Some(a.person),
        note: a.note,
        ..Change::new(Action::Assign)
    };
    act(ctx, &a.id, change, &[], out)
}

pub fn unassign(ctx: &Context, a: NoteArgs, out: &mut dyn Write) -> Result<()> {
    let change = Change {
        note: a.note,
        ..Change::new(Action::Unassign)
    };
    act(ctx, &a.id, change, &[], out)
}

pub fn hold(ctx: &Context, a: HoldArgs, out: &mut dyn Write) -> Result<()> {
    let until = a
        .until
        .map(|d| {
            chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
                .map_err(|_| invalid!("{}", t!(UntilNotDate, date = d)))
        })
        .transpose()?;
    let change = Change {
        note: Some(a.reason),
        until,
        ..Change::new(Action::Hold)
    };
    act(ctx, &a.id, change, &[], out)
}

pub fn resume(ctx: &Context, a: ResumeArgs, out: &mut dyn Write) -> Result<()> {
    let change = Change {
        note: a.note,
        ..Change::new(Action::Resume)
    };
    act(ctx, &a.id, change, &[], out)
}

pub fn advance(ctx: &Context, a: AdvanceArgs, out: &mut dyn Write) -> Result<()> {
    let change = Change {
        option: a.choose,
        output: a.output,
        note: a.note,
        fields: split_assignments(&a.fields).map_err(|e| invalid!("{e}"))?,
        ..Change::new(Action::Advance)
    };
    act(ctx, &a.id, change, &a.attach, out)
}

pub fn approve(ctx: &Context, a: ApproveArgs, out: &mut dyn Write) -> Result<()> {
    let change = Change {
        note: a.note,
        fields: split_assignments(&a.fields).map_err(|e| invalid!("{e}"))?,
        ..Change::new(Action::Approve)
    };
    act(ctx, &a.id, change, &a.attach, out)
}

pub fn reject(ctx: &Context, a: RejectArgs, out: &mut dyn Write) -> Result<()> {
    let change = Change {
        note: Some(a.reason),
        ..Change::new(Action::Reject)
    };
    act(ctx, &a.id, change, &a.attach, out)
}

pub fn cancel(ctx: &Context, a: ReasonArgs, out: &mut dyn Write) -> Result<()> {
    let change = Change {
        note: Some(a.reason),
        ..Change::new(Action::Cancel)
    };
    act(ctx, &a.id, change, &[], out)
}

fn act(
    ctx: &Context,
    given: &str,
    change: Change,
    attach: &[String],
    out: &mut dyn Write,
) -> Result<()> {
    let specs = crate::attachment::specs(attach);
    let done = change::run(ctx, Target::Existing { given }, change, &specs)?;
    let (next, procedure) = (&done.outcome.request, &done.procedure);
    match ctx.format {
        Format::Json => output::json(
            out,
            &request_view(next, Some(procedure), &done.config, done.now),
        )?,
        Format::Id => writeln!(out, "{}", next.id)?,
        _ => {
            let entry = next.history.last().expect("just added");
            let now_at = match next.step.as_deref().and_then(|s| procedure.step(s)) {
                Some(s) => t!(
                    ActNowAt,
                    step = s.id(),
                    activity = s.activity,
                    role = s.role.list().join("/")
                ),
                None => t!(ActNow, status = crate::i18n::status(&next.status)),
            };
            let now_at = match (&next.assignee, &next.hold) {
                (_, Some(hold)) => now_at + &t!(ActHeld, reason = hold.reason),
                (Some(who), None) => now_at + &t!(ActAssigned, who = who),
                (None, None) => now_at,
            };
            let action = crate::i18n::action(entry.action);
            writeln!(out, "{} {action}: {}; {now_at}", next.id, entry.step)?;
        }
    }
    Ok(())
}
