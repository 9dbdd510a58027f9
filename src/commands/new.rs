//! `sop new`: a request at its procedure's first step.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::change::{self, Target};
use crate::cli::Format;
use crate::context::Context;
use crate::engine::Change;
use crate::field::split_assignments;
use crate::invalid;
use crate::output;
use crate::request::{Action, Outsider};

/// Create a request at the first step of a procedure.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The procedure id (`sop procedure list`).
    pub procedure: String,
    /// A title (default: the procedure's name).
    #[arg(long)]
    pub title: Option<String>,
    /// A form field, NAME=VALUE; repeat for several.
    #[arg(long = "field", value_name = "NAME=VALUE")]
    pub fields: Vec<String>,
    /// The asset this request is about.
    #[arg(long)]
    pub asset: Option<String>,
    /// Open it for a requester outside people.toml: "Name <contact>" (a phone, an email).
    #[arg(long = "for", value_name = "NAME <CONTACT>")]
    pub on_behalf_of: Option<String>,
    /// Attach a file (FIELD=FILE fills the procedure's file field FIELD); repeat for several.
    #[arg(long = "attach", value_name = "[FIELD=]FILE")]
    pub attach: Vec<String>,
}

#[derive(Serialize)]
struct Created<'a> {
    id: &'a str,
    procedure: &'a str,
    status: &'a str,
    step: Option<StepRef>,
}

#[derive(Serialize)]
struct StepRef {
    id: String,
    role: String,
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<()> {
    let change = Change {
        title: args.title,
        asset: args
            .asset
            .map(|given| resolve_asset(ctx, &given))
            .transpose()?,
        fields: split_assignments(&args.fields).map_err(|e| invalid!("{e}"))?,
        on_behalf_of: args.on_behalf_of.as_deref().map(outsider),
        ..Change::new(Action::Create)
    };
    let done = change::run(
        ctx,
        Target::New {
            procedure: &args.procedure,
        },
        change,
        &crate::attachment::specs(&args.attach),
    )?;
    let (req, procedure) = (&done.outcome.request, &done.procedure);
    let step = req.step.as_deref().and_then(|s| procedure.step(s));
    match ctx.format {
        Format::Json => output::json(
            out,
            &Created {
                id: &req.id,
                procedure: &req.procedure,
                status: &req.status,
                step: step.map(|s| StepRef {
                    id: s.id().to_string(),
                    role: s.role.list().join("/"),
                }),
            },
        )?,
        _ => {
            writeln!(out, "{}", req.id)?;
            if let Some(s) = step {
                eprintln!(
                    "created {} ({}) at step '{}': {} [{}]",
                    req.id,
                    procedure.name,
                    s.id(),
                    s.activity,
                    s.role.list().join("/")
                );
            }
        }
    }
    Ok(())
}

/// `Budi Santoso <0812 3456 7890>` → the name and the contact; a name alone has none.
fn outsider(given: &str) -> Outsider {
    let given = given.trim();
    match given.strip_suffix('>').and_then(|g| g.rsplit_once('<')) {
        Some((name, contact)) => Outsider {
            name: name.trim().to_string(),
            contact: contact.trim().to_string(),
        },
        None => Outsider {
            name: given.to_string(),
            contact: String::new(),
        },
    }
}

/// The one asset id starting with `given`.
fn resolve_asset(ctx: &Context, given: &str) -> Result<String> {
    ctx.records()?.resolve_asset(given)
}
