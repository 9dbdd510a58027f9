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
///
/// The request starts at the procedure's first step, with the form fields given by --field;
/// `sop new PROCEDURE --help` lists the procedure's form fields. On success the new id is
/// printed on stdout (and a line about it on stderr), so `id=$(sop new …)` works.
#[derive(Debug, clap::Args)]
#[command(disable_help_flag = true)]
pub struct Args {
    /// The procedure id (`sop procedure list`).
    #[arg(required_unless_present = "help", add = crate::complete::procedures())]
    pub procedure: Option<String>,
    /// A title (default: the procedure's name).
    #[arg(long)]
    pub title: Option<String>,
    /// A form field, NAME=VALUE; repeat for several.
    #[arg(long = "field", value_name = "NAME=VALUE")]
    pub fields: Vec<String>,
    /// The asset this request is about.
    #[arg(long, add = crate::complete::assets())]
    pub asset: Option<String>,
    /// Open it for a requester outside people.toml: "Name <contact>" (a phone, an email).
    #[arg(long = "for", value_name = "NAME <CONTACT>")]
    pub on_behalf_of: Option<String>,
    /// Attach a file (FIELD=FILE fills the procedure's file field FIELD); repeat for several.
    #[arg(long = "attach", value_name = "[FIELD=]FILE", value_hint = clap::ValueHint::FilePath)]
    pub attach: Vec<String>,
    /// Print only the request id on stdout, nothing on stderr but errors.
    #[arg(short, long)]
    pub quiet: bool,
    /// Print help; with PROCEDURE, also the procedure's form fields.
    #[arg(short = 'h', long = "help")]
    pub help: bool,
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
    let Some(procedure) = args.procedure else {
        return help(ctx, None, out);
    };
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
            procedure: &procedure,
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
        Format::Id => writeln!(out, "{}", req.id)?,
        _ => {
            writeln!(out, "{}", req.id)?;
            if let Some(s) = step {
                eprintln!(
                    "{}",
                    t!(
                        NewCreated,
                        id = req.id,
                        name = procedure.name,
                        step = s.id(),
                        activity = s.activity,
                        role = s.role.list().join("/")
                    )
                );
            }
        }
    }
    Ok(())
}

/// `sop new [PROCEDURE] --help`: the command's help, then the procedure's form fields (read
/// as `sop procedure show` reads it).
pub fn help(ctx: &Context, procedure: Option<&str>, out: &mut dyn Write) -> Result<()> {
    let mut cmd = crate::cli::command();
    cmd.build();
    let text = cmd
        .find_subcommand_mut("new")
        .expect("sop new exists")
        .render_long_help();
    write!(out, "{text}")?;
    let Some(id) = procedure else {
        return Ok(());
    };
    // The form `sop new` asks for is the committed procedure's, not the work tree's.
    let (_, git) = ctx.open()?;
    let p = crate::rules::procedure_as_is(&git.head_snapshot()?, id)?;
    writeln!(out, "\n{}", t!(FormFieldsOf, id = id, name = p.name))?;
    match super::procedure::fields_table(&p.fields, None, ctx.look) {
        Some(t) => writeln!(out, "{t}")?,
        None => writeln!(out, "  {}", t!(NoneParen))?,
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
