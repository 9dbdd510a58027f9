//! `sop attachment ID [NAME]`: the files attached to a request, or one of them back.

use std::io::{IsTerminal as _, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::cli::Format;
use crate::context::Context;
use crate::error::Hint;
use crate::request::{Attachment, Request};
use crate::{invalid, layout, output};

/// The files attached to a request (with NAME: that file's content).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The request id, or a unique start of it.
    #[arg(add = crate::complete::requests(crate::complete::Requests::Any))]
    pub id: String,
    /// The attached file to get back, by its name in the request.
    #[arg(add = crate::complete::attachments())]
    pub name: Option<String>,
    /// Write the file here instead of to standard output.
    #[arg(long, short = 'o', value_name = "PATH", requires = "name", value_hint = clap::ValueHint::FilePath)]
    pub output: Option<PathBuf>,
    /// With --output: replace a file that is already there.
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// One attached file as `sop attachment ID --format json` lists it.
#[derive(Serialize)]
struct Row<'a> {
    name: &'a str,
    field: Option<&'a str>,
    size: u64,
    media_type: &'a str,
    sha256: &'a str,
    /// The step, person and time of the change that attached it.
    step: Option<&'a str>,
    by: Option<&'a str>,
    at: Option<DateTime<FixedOffset>>,
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<()> {
    let loaded = ctx.load()?;
    let id = loaded.records.resolve(&args.id)?;
    let snap = loaded.git.head_snapshot()?;
    let req = crate::change::read_request(&snap, &id)?;
    let Some(name) = &args.name else {
        return list(ctx, &req, out);
    };
    let file = req
        .attachments
        .iter()
        .find(|a| a.name == *name)
        .ok_or_else(|| {
            let names: Vec<&str> = req.attachments.iter().map(|a| a.name.as_str()).collect();
            let hint = match names.is_empty() {
                true => t!(NoAttachments, id = id),
                false => t!(ItsFiles, names = names.join(", ")),
            };
            invalid!("{}", t!(NoAttachmentNamed, id = id, name = name)).hint(hint)
        })?;
    let rel = layout::attachment(&file.sha256);
    let bytes = snap
        .bytes(&rel)?
        .ok_or_else(|| missing(&id, file, &t!(NotInCommitted, rel = rel)))?;
    let actual = crate::attachment::sha256(&bytes);
    if actual != file.sha256 {
        return Err(missing(
            &id,
            file,
            &t!(
                WrongContent,
                rel = rel,
                actual = actual,
                listed = file.sha256
            ),
        ));
    }
    match &args.output {
        Some(path) => write_file(path, &bytes, args.force),
        None => {
            if std::io::stdout().is_terminal() && !file.media_type.starts_with("text/") {
                let example = format!(
                    "sop attachment {id} {:?} --output {:?}",
                    file.name, file.name
                );
                return Err(invalid!(
                    "{}",
                    t!(
                        NotTextForTerminal,
                        name = file.name,
                        media_type = file.media_type
                    )
                )
                .hint(t!(HintWriteToFile, example = example)));
            }
            out.write_all(&bytes)?;
            Ok(())
        }
    }
}

fn missing(id: &str, file: &Attachment, why: &str) -> anyhow::Error {
    invalid!(
        "{}",
        t!(CannotGiveBack, name = file.name, id = id, why = why)
    )
    .hint(t!(HintVerifyChange))
}

/// Writes `bytes` to `path` through a temporary file beside it, renamed into place; refuses
/// to replace a file unless `force`.
fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    let shown = path.display();
    if path.is_dir() {
        return Err(invalid!("{}", t!(OutputIsFolder, path = shown)));
    }
    if !force && std::fs::symlink_metadata(path).is_ok() {
        return Err(invalid!("{}", t!(OutputExists, path = shown)).hint(t!(HintForce)));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp =
        tempfile::NamedTempFile::new_in(dir).with_context(|| t!(WritingFile, path = shown))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| t!(WritingFile, path = shown))?;
    if force {
        tmp.persist(path).map_err(|e| e.error)
    } else {
        // Refuses, rather than replaces, a file that appeared meanwhile.
        tmp.persist_noclobber(path).map_err(|e| e.error)
    }
    .with_context(|| t!(WritingFile, path = shown))?;
    Ok(())
}

fn list(ctx: &Context, req: &Request, out: &mut dyn Write) -> Result<()> {
    let rows: Vec<Row> = req
        .attachments
        .iter()
        .map(|a| {
            let entry = req.history.iter().find(|e| e.attachments.contains(a));
            Row {
                name: &a.name,
                field: a.field.as_deref(),
                size: a.size,
                media_type: &a.media_type,
                sha256: &a.sha256,
                step: entry.map(|e| e.step.as_str()),
                by: entry.map(|e| e.by.as_str()),
                at: entry.map(|e| e.at),
            }
        })
        .collect();
    match ctx.format {
        Format::Json => output::json(out, &rows),
        Format::Id => output::ids(out, rows.iter().map(|r| r.name)),
        Format::Csv => output::csv(
            out,
            &[
                "name",
                "field",
                "size",
                "media_type",
                "sha256",
                "step",
                "by",
                "at",
            ],
            rows.iter().map(|r| {
                vec![
                    r.name.to_string(),
                    r.field.unwrap_or_default().to_string(),
                    r.size.to_string(),
                    r.media_type.to_string(),
                    r.sha256.to_string(),
                    r.step.unwrap_or_default().to_string(),
                    r.by.unwrap_or_default().to_string(),
                    r.at.map(output::csv_time).unwrap_or_default(),
                ]
            }),
        ),
        _ => {
            if rows.is_empty() {
                eprintln!("{}", t!(NoAttachments, id = req.id));
                return Ok(());
            }
            writeln!(out, "{}", table(ctx, &req.attachments, req))?;
            Ok(())
        }
    }
}

/// The attached files as a table: also `sop show`'s.
pub fn table(ctx: &Context, files: &[Attachment], req: &Request) -> output::Table {
    let mut t = output::table(
        &[
            "name", "field", "size", "type", "sha256", "step", "by", "at",
        ],
        ctx.look,
    );
    t.keep(&["size", "sha256", "at"])
        .cut("name", 12)
        .cut("field", 8)
        .cut("type", 10)
        .cut("step", 8)
        .cut("by", 8)
        .optional(&["field", "type", "step", "by"]);
    for a in files {
        let entry = req.history.iter().find(|e| e.attachments.contains(a));
        t.add_row(vec![
            a.name.clone(),
            a.field.clone().unwrap_or_default(),
            crate::attachment::human(a.size),
            a.media_type.clone(),
            a.sha256[..a.sha256.len().min(12)].to_string(),
            entry.map(|e| e.step.clone()).unwrap_or_default(),
            entry.map(|e| e.by.clone()).unwrap_or_default(),
            entry
                .map(|e| e.at.format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default(),
        ]);
    }
    t
}
