//! `sop report --monitoring`: Tabel 7 *Monitoring Pelaksanaan SOP AP* and the month recap, as a
//! table, JSON, CSV, or the printable document (PDF, HTML). The figures and the rule are
//! `crate::monitoring`'s; this file reads the records and prints.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};

use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::report::Args;
use crate::cli::Format;
use crate::context::Context;
use crate::error::{Code, Failure, Hint};
use crate::monitoring::{self, Assessment, Assessor, Header, MonthRow, Period, Row};
use crate::output;
use crate::summary::{self, Summary};
use crate::{invalid, limits};

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<()> {
    if ctx.format == Format::Pdf && args.output.is_none() && std::io::stdout().is_terminal() {
        return Err(invalid!("{}", t!(PdfToTerminal)).hint(t!(
            HintWriteToFile,
            example = "sop report --monitoring --format pdf --output monitoring.pdf"
        )));
    }
    let loaded = ctx.load()?;
    let period = period(args.since, args.until, loaded.now.date_naive())?;
    let snap = loaded.git.head_snapshot()?;
    let (summaries, errors) = summary::all(&loaded.git)?;
    for e in &errors {
        eprintln!("{}: {e:#}", t!(WarningPrefix));
    }
    let committed = super::committed_procedures(&loaded.git)?;
    if let Some(given) = &args.procedure {
        let ids = super::known_procedures(&loaded.git, &summaries)?;
        if !ids.contains(given) {
            return Err(super::unknown_value("--procedure", given, &ids));
        }
    }
    let wanted = |id: &str| args.procedure.as_deref().is_none_or(|p| p == id);
    let mut by_procedure: BTreeMap<&str, Vec<&Summary>> = committed
        .iter()
        .filter(|id| wanted(id))
        .map(|id| (id.as_str(), Vec::new()))
        .collect();
    let mut gone: BTreeMap<&str, usize> = BTreeMap::new();
    for r in summaries.values().filter(|r| wanted(&r.procedure)) {
        match by_procedure.get_mut(r.procedure.as_str()) {
            Some(requests) => requests.push(r),
            None => *gone.entry(&r.procedure).or_default() += 1,
        }
    }
    for (id, n) in gone {
        eprintln!(
            "{}: {}",
            t!(WarningPrefix),
            t!(ProcedureGone, id = id, n = n)
        );
    }
    let mut procedures = Vec::new();
    for (id, requests) in by_procedure {
        match crate::rules::procedure_as_is(&snap, id) {
            Ok(p) => procedures.push((p, requests)),
            Err(e) => eprintln!(
                "{}: {}",
                t!(WarningPrefix),
                t!(ProcedureLeftOut, error = format!("{e:#}"), id = id)
            ),
        }
    }
    let assessment = monitoring::assess(&procedures, &loaded.config, period, loaded.now);
    let assessor = match ctx.actor(&loaded.people, &loaded.git) {
        Ok(person) => Some(Assessor {
            id: person.id.clone(),
            name: person.name.clone(),
            nip: person.nip.clone(),
        }),
        Err(e) => {
            if ctx.actor_arg().is_some() {
                eprintln!(
                    "{}: {}",
                    t!(WarningPrefix),
                    t!(AssessorBlank, error = format!("{e:#}"))
                );
            }
            None
        }
    };
    let header = Header {
        office: loaded.config.office.clone(),
        period,
        at: loaded.now,
        rule: loaded.config.monitoring,
        assessor,
    };
    let bytes = render(ctx, &header, &assessment)?;
    match &args.output {
        Some(path) => crate::output::write_replacing(path, &bytes)?,
        None => out.write_all(&bytes)?,
    }
    if !errors.is_empty() {
        return Err(Failure::new(Code::Invalid, t!(MonitoringUnreadable, n = errors.len())).into());
    }
    Ok(())
}

/// `--since` and `--until` as the period: until today, and from the first day of the month
/// eleven months before `--until`'s (twelve months) unless given.
pub(crate) fn period(
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Period> {
    let until = until.unwrap_or(today);
    let since = since.unwrap_or_else(|| {
        let first = until.with_day(1).unwrap_or(until);
        first
            .checked_sub_months(chrono::Months::new(11))
            .unwrap_or(NaiveDate::MIN)
    });
    if since > until {
        return Err(Failure::new(
            Code::Usage,
            t!(SinceAfterUntil, since = since, until = until),
        )
        .hint(t!(HintSinceUntil))
        .into());
    }
    let p = Period { since, until };
    if p.month_count() > i64::from(limits::MONITORING_MONTHS) {
        return Err(invalid!(
            "{}",
            t!(
                PeriodTooLong,
                since = since,
                until = until,
                months = p.month_count(),
                max = limits::MONITORING_MONTHS
            )
        )
        .hint(t!(HintShorterPeriod)));
    }
    Ok(p)
}

/// What scripts read (docs/contract.md, "sop report --monitoring --format json").
#[derive(Serialize)]
struct View<'a> {
    office: &'a str,
    since: NaiveDate,
    until: NaiveDate,
    at: chrono::DateTime<chrono::FixedOffset>,
    rule: crate::config::Monitoring,
    assessor: Option<&'a Assessor>,
    procedures: &'a [Row],
    months: &'a [MonthRow],
}

fn render(ctx: &Context, header: &Header, a: &Assessment) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    match ctx.format {
        Format::Json => output::json(
            &mut out,
            &View {
                office: &header.office,
                since: header.period.since,
                until: header.period.until,
                at: header.at,
                rule: header.rule,
                assessor: header.assessor.as_ref(),
                procedures: &a.rows,
                months: &a.months,
            },
        )?,
        Format::Csv => csv(&mut out, a)?,
        Format::Pdf => out = crate::document::monitoring_pdf(header, a)?,
        Format::Html => out = crate::document::monitoring_html(header, a).into_bytes(),
        _ => table(ctx, &mut out, header, a)?,
    }
    Ok(out)
}

/// The figures' columns, in CSV order.
const FIGURES: [&str; 9] = [
    "requests",
    "started",
    "finished",
    "steps_done",
    "steps_timed",
    "steps_within",
    "within_percent",
    "late_requests",
    "overdue_at_end",
];

fn figures(f: &monitoring::Figures) -> Vec<String> {
    vec![
        f.requests.to_string(),
        f.started.to_string(),
        f.finished.to_string(),
        f.steps_done.to_string(),
        f.steps_timed.to_string(),
        f.steps_within.to_string(),
        f.within_percent.map(|p| p.to_string()).unwrap_or_default(),
        f.late_requests.to_string(),
        f.overdue_at_end.to_string(),
    ]
}

/// One table: Tabel 7's rows (`month` empty, the whole period), then the month recap's
/// (`judgement`, `penilaian`, `note` and `action` empty).
fn csv(out: &mut dyn Write, a: &Assessment) -> Result<()> {
    let mut header = vec!["procedure", "name", "month", "judgement", "penilaian"];
    header.extend(FIGURES);
    header.extend(["note", "action"]);
    let judgement = |r: &Row| {
        serde_json::to_value(r.judgement)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    };
    let rows = a
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![
                r.procedure.clone(),
                r.name.clone(),
                String::new(),
                judgement(r),
                r.penilaian.to_string(),
            ];
            row.extend(figures(&r.figures));
            row.extend([r.note.clone(), r.action.clone()]);
            row
        })
        .chain(a.months.iter().map(|m| {
            let mut row = vec![
                m.procedure.clone(),
                m.name.clone(),
                m.month.clone(),
                String::new(),
                String::new(),
            ];
            row.extend(figures(&m.figures));
            row.extend([String::new(), String::new()]);
            row
        }));
    output::csv(out, &header, rows)
}

fn table(ctx: &Context, out: &mut dyn Write, header: &Header, a: &Assessment) -> Result<()> {
    writeln!(out, "MONITORING PELAKSANAAN SOP AP")?;
    let assessor = header
        .assessor
        .as_ref()
        .map_or("-".to_string(), |p| match &p.nip {
            Some(nip) => format!("{} (NIP {nip})", p.name),
            None => p.name.clone(),
        });
    for (label, value) in [
        ("Unit kerja", header.office.clone()),
        ("Periode", monitoring::period_text(header.period)),
        ("Penilai", assessor),
        ("Aturan", monitoring::rule_text(header.rule)),
    ] {
        writeln!(out, "{label:<10} : {value}")?;
    }
    let mut t = output::table(
        &[
            "No",
            "Prosedur",
            "Penilaian",
            "Catatan hasil penilaian",
            "Tindakan yang harus diambil",
        ],
        ctx.look,
    );
    t.keep(&["No"]);
    for r in &a.rows {
        t.add_row(vec![
            r.no.to_string(),
            format!("{} ({})", r.name, r.procedure),
            r.penilaian.to_string(),
            r.note.clone(),
            r.action.clone(),
        ]);
    }
    writeln!(out, "\n{t}")?;
    writeln!(out, "\nRekapitulasi per bulan")?;
    if a.months.is_empty() {
        writeln!(out, "Belum ada data dalam periode ini.")?;
        return Ok(());
    }
    let mut t = output::table(
        &[
            "Bulan",
            "Prosedur",
            "Ditangani",
            "Masuk",
            "Selesai",
            "Langkah selesai",
            "Dalam waktu baku",
            "Melewati batas",
            "Terlambat akhir bulan",
        ],
        ctx.look,
    );
    t.keep(&["Bulan", "Ditangani", "Masuk", "Selesai", "Melewati batas"]);
    for m in &a.months {
        let f = &m.figures;
        t.add_row(vec![
            monitoring::month_text(&m.month),
            m.procedure.clone(),
            f.requests.to_string(),
            f.started.to_string(),
            f.finished.to_string(),
            f.steps_done.to_string(),
            monitoring::within_text(f),
            f.late_requests.to_string(),
            f.overdue_at_end.to_string(),
        ]);
    }
    writeln!(out, "{t}")?;
    Ok(())
}
