//! `sop verify`: replay the history and report every change that was not legal, not made
//! through sop, not by a holder of the role, or not signed where the office requires it.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::audit::{self, Finding, Scope};
use crate::cli::Format;
use crate::context::Context;
use crate::error::{Code, Failure};
use crate::output;

/// Replay history and check every change; exit 6 when anything is wrong.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only these requests (ids, or unique starts of them in a work tree).
    #[arg(add = crate::complete::requests(crate::complete::Requests::Any))]
    pub ids: Vec<String>,
    /// Only the commits in OLD..NEW, e.g. what a push brings; the state at OLD is trusted.
    #[arg(long, value_name = "OLD..NEW")]
    pub range: Option<String>,
}

#[derive(Serialize)]
struct Report<'a> {
    commits_checked: usize,
    findings: &'a [Finding],
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<()> {
    let (git, records) = ctx.open_history()?;
    let requests: Vec<String> = match &records {
        Some(r) => args
            .ids
            .iter()
            .map(|i| r.resolve(i))
            .collect::<Result<_>>()?,
        None => args.ids.iter().map(|i| i.trim().to_uppercase()).collect(),
    };
    let scope = Scope {
        range: args.range,
        requests,
    };
    let report = audit::verify(&git, &scope)?;
    let (checked, findings) = (report.commits_checked, &report.findings);
    print(ctx, checked, findings, out)?;
    if findings.is_empty() {
        eprintln!("{}", t!(VerifyClean, checked = checked));
        return Ok(());
    }
    Err(Failure::new(
        Code::Findings,
        t!(VerifyFindings, n = findings.len(), checked = checked),
    )
    .hint(t!(HintVerifyFindings))
    .into())
}

fn print(ctx: &Context, checked: usize, findings: &[Finding], out: &mut dyn Write) -> Result<()> {
    match ctx.format {
        Format::Json => output::json(
            out,
            &Report {
                commits_checked: checked,
                findings,
            },
        ),
        Format::Csv => output::csv(
            out,
            &["commit", "request", "problem"],
            findings.iter().map(|f| {
                vec![
                    f.commit.clone(),
                    f.request.clone().unwrap_or_default(),
                    f.problem.clone(),
                ]
            }),
        ),
        _ => {
            if findings.is_empty() {
                return Ok(());
            }
            let mut t = output::table(&["commit", "request", "problem"], ctx.look);
            t.keep(&["commit", "request"]);
            for f in findings {
                t.add_row(vec![
                    f.commit[..12].to_string(),
                    f.request.clone().unwrap_or_default(),
                    f.problem.clone(),
                ]);
            }
            writeln!(out, "{t}")?;
            Ok(())
        }
    }
}
