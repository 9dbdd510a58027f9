//! `sop report`: SOP evaluation — how many requests, and how long each step took against its
//! standard time.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Result;
use chrono::{DateTime, FixedOffset, NaiveDate};
use rayon::prelude::*;
use serde::Serialize;

use crate::cli::Format;
use crate::config::Config;
use crate::context::Context;
use crate::error::{Code, Failure};
use crate::output;
use crate::procedure::Procedure;
use crate::stdtime::duration;
use crate::summary::{self, Summary};
use crate::view;

/// Counts per status and, per step, time taken against the standard time, with breaches; with
/// --monitoring, Tabel 7 "Monitoring Pelaksanaan SOP AP" (each procedure judged) and a recap per
/// month.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this procedure.
    #[arg(long, add = crate::complete::procedures())]
    pub procedure: Option<String>,
    /// Only requests created on or after this date (YYYY-MM-DD); with --monitoring, the
    /// period's first day (default: the first day of the month eleven months before --until's).
    #[arg(long)]
    pub since: Option<NaiveDate>,
    /// Only requests created on or before this date (YYYY-MM-DD); with --monitoring, the
    /// period's last day (default: today).
    #[arg(long)]
    pub until: Option<NaiveDate>,
    /// Tabel 7 "Monitoring Pelaksanaan SOP AP": each procedure judged "berjalan dengan baik"
    /// or not by sop.toml's [monitoring] rule, from the steps finished in the period, with a
    /// recap per month (--format table, json, csv, pdf or html).
    #[arg(long)]
    pub monitoring: bool,
    /// Write the monitoring to this file (through a temporary file and a rename).
    #[arg(long, value_name = "FILE", requires = "monitoring", value_hint = clap::ValueHint::FilePath)]
    pub output: Option<std::path::PathBuf>,
}

#[derive(Serialize)]
struct ProcedureReport {
    procedure: String,
    name: String,
    requests: usize,
    by_status: BTreeMap<String, usize>,
    steps: Vec<StepReport>,
    /// The procedure's service time (*jangka waktu penyelesaian*), when it gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    service: Option<ServiceReport>,
}

/// How requests kept the procedure's service time, counted from `sop new` (held time not
/// counted).
#[derive(Serialize, Default)]
struct ServiceReport {
    /// Requests finished (completed, rejected, cancelled, …) in the period.
    finished: usize,
    /// Of those, finished after their service time.
    breaches: usize,
    /// Open now and past their service time.
    overdue_now: usize,
}

#[derive(Serialize)]
struct StepReport {
    id: String,
    number: Option<crate::procedure::RowNumber>,
    activity: String,
    /// ISO 8601, working days for days.
    standard: Option<String>,
    /// The standard time as the documents write it, for the table.
    #[serde(skip)]
    written: Option<String>,
    /// Times the step was completed.
    done: usize,
    median_minutes: Option<i64>,
    max_minutes: Option<i64>,
    /// Completions later than the standard time allows on the office calendar.
    breaches: usize,
    /// Open requests waiting at this step past their due time now.
    overdue_now: usize,
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<()> {
    if args.monitoring {
        return super::monitoring::run(ctx, args, out);
    }
    let loaded = ctx.load()?;
    let snap = loaded.git.head_snapshot()?;
    let (summaries, errors) = summary::all(&loaded.git)?;
    for e in &errors {
        eprintln!("{}: {e:#}", t!(WarningPrefix));
    }
    let unreadable = errors.len();
    if let Some(given) = &args.procedure {
        let ids = super::known_procedures(&loaded.git, &summaries)?;
        if !ids.contains(given) {
            return Err(super::unknown_value("--procedure", given, &ids));
        }
    }
    let requests: Vec<&Summary> = summaries
        .values()
        .filter(|r| args.procedure.as_ref().is_none_or(|p| *p == r.procedure))
        .filter(|r| args.since.is_none_or(|d| r.created.date_naive() >= d))
        .filter(|r| args.until.is_none_or(|d| r.created.date_naive() <= d))
        .collect();
    let mut by_procedure: BTreeMap<&str, Vec<&Summary>> = BTreeMap::new();
    for r in requests {
        by_procedure.entry(&r.procedure).or_default().push(r);
    }
    let mut procedures = Vec::new();
    for (id, reqs) in by_procedure {
        let Ok(p) = crate::rules::procedure_as_is(&snap, id) else {
            eprintln!(
                "{}: {}",
                t!(WarningPrefix),
                t!(ProcedureGone, id = id, n = reqs.len())
            );
            continue;
        };
        procedures.push((p, reqs));
    }
    // Each procedure's figures on a core of its own: the steps' due times of 100,000
    // requests are most of a report's cost.
    let config: &Config = &loaded.config;
    let reports: Vec<ProcedureReport> = procedures
        .par_iter()
        .map(|(p, reqs)| report(p, reqs, config, loaded.now))
        .collect();
    print(ctx, &reports, out)?;
    if unreadable > 0 {
        return Err(Failure::new(Code::Invalid, t!(ReportUnreadable, n = unreadable)).into());
    }
    Ok(())
}

fn print(ctx: &Context, reports: &[ProcedureReport], out: &mut dyn Write) -> Result<()> {
    match ctx.format {
        Format::Json => output::json(out, &reports),
        Format::Csv => output::csv(
            out,
            &[
                "procedure",
                "step",
                "number",
                "standard",
                "done",
                "median_minutes",
                "max_minutes",
                "breaches",
                "overdue_now",
            ],
            reports.iter().flat_map(|r| {
                r.steps.iter().map(|s| {
                    let opt = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
                    vec![
                        r.procedure.clone(),
                        s.id.clone(),
                        s.number.as_ref().map(|n| n.to_string()).unwrap_or_default(),
                        s.standard.clone().unwrap_or_default(),
                        s.done.to_string(),
                        opt(s.median_minutes),
                        opt(s.max_minutes),
                        s.breaches.to_string(),
                        s.overdue_now.to_string(),
                    ]
                })
            }),
        ),
        _ => {
            for r in reports {
                let counts: Vec<String> = r
                    .by_status
                    .iter()
                    .map(|(s, n)| format!("{} {n}", crate::i18n::status(s)))
                    .collect();
                let heading = t!(
                    ReportHeading,
                    name = r.name,
                    procedure = r.procedure,
                    n = r.requests,
                    counts = counts.join(", ")
                );
                writeln!(out, "{}", ctx.look.fill(&heading))?;
                let mut t = output::table(
                    &[
                        "no",
                        "activity",
                        "standard",
                        "done",
                        "median",
                        "max",
                        "breaches",
                        "overdue now",
                    ],
                    ctx.look,
                );
                // Durations in words wrap between words on a narrow terminal.
                t.keep(&["no", "standard", "done", "breaches", "overdue now"])
                    .wrap("activity", 10)
                    .wrap("median", 10)
                    .wrap("max", 10);
                for s in &r.steps {
                    let paint = output::Paint::overdue(s.overdue_now > 0);
                    t.add_painted(
                        vec![
                            s.number.as_ref().map_or("-".into(), |n| n.to_string()),
                            s.activity.clone(),
                            s.written.clone().unwrap_or_default(),
                            s.done.to_string(),
                            s.median_minutes.map(duration).unwrap_or_default(),
                            s.max_minutes.map(duration).unwrap_or_default(),
                            s.breaches.to_string(),
                            s.overdue_now.to_string(),
                        ],
                        paint,
                    );
                }
                writeln!(out, "{t}")?;
                if let Some(s) = &r.service {
                    let line = t!(
                        ReportService,
                        finished = s.finished,
                        breaches = s.breaches,
                        overdue = s.overdue_now
                    );
                    writeln!(out, "{line}")?;
                }
                writeln!(out)?;
            }
            Ok(())
        }
    }
}

/// Each change that moved the request closes a visit to its step, which began when the
/// previous one moved it there. A visit's duration leaves out the times it was held, and its
/// standard time is extended by the working time it was held (`view::due`).
fn report(
    p: &Procedure,
    reqs: &[&Summary],
    config: &Config,
    now: DateTime<FixedOffset>,
) -> ProcedureReport {
    let mut by_status = BTreeMap::new();
    // By the step's place in the procedure; steps the procedure no longer has are left out.
    let mut durations: Vec<Vec<i64>> = vec![Vec::new(); p.steps.len()];
    let mut breaches = vec![0; p.steps.len()];
    let mut overdue = vec![0; p.steps.len()];
    let place = |id: &str| p.steps.iter().position(|s| s.id() == id);
    let mut service = ServiceReport::default();
    for r in reqs {
        *by_status.entry(r.status.to_string()).or_insert(0) += 1;
        let values = |name: &str| r.field(name);
        for v in view::visits(p, r.moves(), &values, config) {
            durations[v.place].push(v.minutes);
            breaches[v.place] += usize::from(v.late);
        }
        if p.service_time.is_some() {
            let open = r.status == crate::request::OPEN;
            let finished = r
                .step
                .is_none()
                .then(|| r.moves().last().map(|m| m.1))
                .flatten();
            let held = r.all_held();
            if let Some(s) = view::service(Some(p), r.created, &held, open, &values, config, now) {
                service.overdue_now += usize::from(s.overdue);
                service.breaches += usize::from(finished.is_some_and(|f| f > s.due));
                service.finished += usize::from(finished.is_some());
            }
        }
        let now_at = view::current(
            r.step.as_deref(),
            r.since,
            &r.rare().held,
            &values,
            Some(p),
            config,
            now,
        );
        if let Some(i) = now_at.filter(|c| c.overdue).and_then(|c| place(c.id)) {
            overdue[i] += 1;
        }
    }
    let steps = p
        .steps
        .iter()
        .zip(durations)
        .enumerate()
        .map(|(i, (s, mut d))| {
            d.sort_unstable();
            StepReport {
                id: s.id().to_string(),
                number: s.number.clone(),
                activity: s.activity.clone(),
                standard: s.time.map(|t| t.iso()),
                written: s.time.map(|t| t.to_string()),
                done: d.len(),
                median_minutes: d.get(d.len() / 2).copied(),
                max_minutes: d.last().copied(),
                breaches: breaches[i],
                overdue_now: overdue[i],
            }
        })
        .collect();
    ProcedureReport {
        procedure: p.id().to_string(),
        name: p.name.clone(),
        requests: reqs.len(),
        by_status,
        steps,
        service: p.service_time.is_some().then_some(service),
    }
}
