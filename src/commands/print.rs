//! `sop print ID [--step STEP]`: a request on paper, as HEAD has it: the request form filled
//! in with its history and signature blocks, or the document a step's template writes (a
//! *berita acara*); every page names the request and the commit of the printed state and
//! carries a QR code of both, for `sop verify`.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Result;

use crate::cli::Format;
use crate::context::Context;
use crate::error::Hint as _;
use crate::git::{Git, Oid, Snapshot};
use crate::invalid;
use crate::limits;
use crate::output;
use crate::printout::{self, data, template};
use crate::procedure::Procedure;

/// A request on paper (PDF or HTML): its form and history, or a step's berita acara
///
/// A4 pages: the request form filled in, the steps done with who (name, NIP, role, Plh),
/// when, output, note and commit, and signature blocks; or, with --step, the document the
/// step's template writes. Every page names the request and the commit of the printed state
/// and carries a QR code of both (`sop:ID@COMMIT`): `sop verify ID` must pass and the commit
/// must be in `sop log ID`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The request id, or a unique start of it.
    pub id: String,
    /// Print the document of this step (the template its procedure names, such as a berita
    /// acara), not the request form.
    #[arg(long, value_name = "STEP")]
    pub step: Option<String>,
    /// Write the printout to this file (through a temporary file and a rename).
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<()> {
    if ctx.format == Format::Pdf && args.output.is_none() {
        output::refuse_pdf_terminal(&format!("sop print {} --output {}.pdf", args.id, args.id))?;
    }
    crate::git::tune_for_history();
    let loaded = ctx.load()?;
    let id = loaded.records.resolve(&args.id)?;
    let git = &loaded.git;
    let snap = git.head_snapshot()?;
    let req = crate::change::read_request(&snap, &id)?;
    let p = crate::rules::procedure_as_is(&snap, &req.procedure)?;
    let name = match &args.step {
        Some(step) => step_template(&p, &id, step)?,
        None => template::FORM.to_string(),
    };
    crate::rules::warn_uncommitted(
        &snap,
        &loaded.records.root,
        &[format!("{}/{name}", template::FOLDER)],
    );
    let (by_entry, commits) = super::log::entry_commits(git, &id, req.history.len())?;
    let Some(last) = commits.last().copied().or(snap.commit) else {
        return Err(invalid!("{}", t!(NoCommitYet, id = id)));
    };
    let printed = git.commit_info(last)?;
    let commit_at = printed.author_time();
    let assets = assets(git, &printed.snapshot()?, &req, &commits)?;
    let commits: Vec<Option<String>> = by_entry.iter().map(|c| c.map(|c| c.to_string())).collect();
    let commit = last.to_string();
    let data = data::build(&data::Input {
        request: &req,
        procedure: &p,
        config: &loaded.config,
        people: &loaded.people,
        commits: &commits,
        assets: &assets,
        step: args.step.as_deref(),
        commit: &commit,
        commit_at,
        now: loaded.now,
    });
    if let Some(step) = &data.step {
        if !step.reached && !output::quiet() {
            eprintln!(
                "{}: {}",
                t!(WarningPrefix),
                t!(NotReachedStep, id = id, step = step.id)
            );
        }
    }
    let doc = printout::printout(templates(git)?, &name, &data, &p.name)
        .map_err(|why| invalid!("{why}").hint(t!(HintTemplates, folder = template::FOLDER)))?;
    let bytes = match ctx.format {
        Format::Html => crate::document::html::document(&doc).into_bytes(),
        _ => crate::document::pdf::document(&doc)?,
    };
    match &args.output {
        Some(path) => output::write_replacing(path, &bytes),
        None => Ok(out.write_all(&bytes)?),
    }
}

/// The template step `step` of `p` names, within `templates/`.
fn step_template(p: &Procedure, id: &str, step: &str) -> Result<String> {
    let with: Vec<String> = p
        .steps
        .iter()
        .filter_map(|s| {
            s.template
                .as_ref()
                .map(|t| format!("{} ({})", s.id(), t.get_ref()))
        })
        .collect();
    let with_text = match with.is_empty() {
        true => t!(NoTemplates, procedure = p.id(), id = id),
        false => t!(StepsWithDocument, steps = with.join(", ")),
    };
    let Some(s) = p.step(step) else {
        return Err(
            invalid!("{}", t!(NoStepInProcedure, procedure = p.id(), step = step)).hint(with_text),
        );
    };
    let Some(t) = &s.template else {
        return Err(
            invalid!("{}", t!(StepNoTemplate, step = step, procedure = p.id())).hint(with_text),
        );
    };
    Ok(template::step_template_name(t.get_ref())
        .map_err(|why| {
            let file = p.file.display();
            invalid!(
                "{}",
                t!(StepTemplateBad, file = file, step = step, why = why)
            )
        })?
        .to_string())
}

/// The assets the request touches, as `snap` (the printed commit) has them: its own, then
/// those its commits' `Sop-Asset` trailers name.
fn assets(
    git: &Git,
    snap: &Snapshot,
    req: &crate::request::Request,
    commits: &[Oid],
) -> Result<Vec<crate::asset::Asset>> {
    let mut ids: Vec<String> = req.asset.iter().cloned().collect();
    for oid in commits {
        let message = git.commit_info(*oid)?.message();
        for a in crate::trailers::Trailers::parse(&message).assets {
            if !ids.contains(&a) {
                ids.push(a);
            }
        }
    }
    let mut out = Vec::new();
    for a in &ids {
        if let Some(asset) = crate::change::read_asset(snap, a)? {
            out.push(asset);
        }
    }
    Ok(out)
}

/// Every file under `templates/` as HEAD has it (a template may include any of them), each
/// checked against `limits::TEMPLATE_FILE_BYTES` and for UTF-8; a file that fails is an error
/// only when a template loads it.
fn templates(git: &Git) -> Result<template::Source> {
    let Some(files) = git.head_files_up_to(Path::new(template::FOLDER), limits::TEMPLATE_FILES)?
    else {
        return Err(invalid!(
            "{}",
            t!(
                TooManyTemplates,
                folder = template::FOLDER,
                n = limits::TEMPLATE_FILES
            )
        ));
    };
    let mut texts: HashMap<String, Result<String, String>> = HashMap::new();
    for (name, blob) in files {
        let rel = format!("{}/{name}", template::FOLDER);
        let len = git.blob_len(blob)?;
        let text = if len > limits::TEMPLATE_FILE_BYTES {
            Err(format!(
                "{}",
                limits::file_too_big(&rel, len, limits::TEMPLATE_FILE_BYTES)
            ))
        } else {
            limits::utf8(&rel, git.read_blob(blob)?).map_err(|e| format!("{e:#}"))
        };
        texts.insert(name, text);
    }
    Ok(Arc::new(move |name: &str| match texts.get(name) {
        Some(Ok(text)) => Ok(Some(text.clone())),
        Some(Err(why)) => Err(why.clone()),
        None => Ok(None),
    }))
}
