//! `sop site --output DIR`: the published catalogue, a static HTML site of the committed
//! records (`crate::site` makes it); prints what the run wrote.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use crate::cli::Format;
use crate::context::Context;
use crate::error::{Code, Failure};
use crate::output;

/// Write the SOP catalogue and the requests as a static HTML site.
///
/// For an intranet or a shared folder: no server, opens from disk, prints well. Each SOP with
/// its document, flowchart and figures (open, overdue, monitoring judgement), and a page per
/// request. A second run rewrites only the pages that changed.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder to write the site into: made when missing; else one `sop site` wrote
    /// before (it holds .sop-site.json). Inside the records repository only where git ignores
    /// it.
    #[arg(long, short = 'o', value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub output: PathBuf,
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<()> {
    let loaded = ctx.load()?;
    let (report, errors) = crate::site::build(&loaded, &args.output)?;
    for e in &errors {
        eprintln!("{}: {e:#}", t!(WarningPrefix));
    }
    match ctx.format {
        Format::Json => output::json(out, &report)?,
        _ => {
            let c = report.counts;
            let line = t!(
                SiteDone,
                written = c.written,
                unchanged = c.unchanged,
                removed = c.removed,
                procedures = report.procedures,
                requests = report.requests,
                dir = report.output.display()
            );
            writeln!(out, "{line}")?;
        }
    }
    if !errors.is_empty() {
        return Err(Failure::new(Code::Invalid, t!(SiteUnreadable, n = errors.len())).into());
    }
    Ok(())
}
