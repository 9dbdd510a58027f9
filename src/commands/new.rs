//! `sop new`: a request at its procedure's first step.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::cli::Format;
use crate::context::Context;
use crate::engine::{NewRequest, World};
use crate::field::split_assignments;
use crate::invalid;
use crate::output;
use crate::procedure::Procedure;
use crate::store::Records;

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
    let loaded = ctx.load()?;
    let procedure = Procedure::load(&loaded.records.root, &args.procedure)?;
    let actor = ctx.actor(&loaded.people, &loaded.git)?;
    let fields = split_assignments(&args.fields).map_err(|e| invalid!("{e}"))?;
    let world = World {
        procedure: &procedure,
        config: &loaded.config,
        people: &loaded.people,
        now: loaded.now,
    };
    let tx = loaded.git.begin()?;
    let id = fresh_id(&loaded, procedure.prefix())?;
    tx.ensure_unmodified(&Records::request_path(&id))?;
    let req = world.create(NewRequest {
        id,
        title: args.title,
        fields,
        asset: args.asset,
        requester: actor,
    })?;
    let first = procedure
        .first()
        .map(|s| s.activity.as_str())
        .unwrap_or_default();
    super::commit_request(&loaded, tx, &req, actor, first)?;

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

/// A random id not yet used in this clone (ids are random enough not to collide across clones).
fn fresh_id(loaded: &crate::context::Loaded, prefix: &str) -> Result<String> {
    for _ in 0..16 {
        let id = Records::new_id(prefix);
        let rel = Records::request_path(&id);
        if !loaded.records.root.join(&rel).exists() && loaded.git.head_blob(&rel)?.is_none() {
            return Ok(id);
        }
    }
    anyhow::bail!("could not find an unused request id after 16 tries")
}
