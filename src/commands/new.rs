//! `sop new`: a request at its procedure's first step.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::asset;
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
    let asset = match &args.asset {
        Some(given) => {
            let id = loaded.records.resolve_asset(given)?;
            tx.ensure_unmodified(&Records::asset_path(&id))?;
            Some(loaded.records.read_asset(&id)?)
        }
        None => None,
    };
    asset::check_request(&procedure, asset.as_ref()).map_err(|e| invalid!("{e}"))?;
    let id = super::fresh_id(&loaded, procedure.prefix(), Records::request_path)?;
    tx.ensure_unmodified(&Records::request_path(&id))?;
    let mut req = world.create(NewRequest {
        id,
        title: args.title,
        fields,
        asset: asset.map(|a| a.id),
        requester: actor,
    })?;
    let assets = super::request_assets(&loaded, &tx, &procedure, &mut req)?;
    let first = procedure
        .first()
        .map(|s| s.activity.as_str())
        .unwrap_or_default();
    super::commit_request(&loaded, tx, &req, &assets, actor, first)?;

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
