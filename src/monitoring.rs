//! Monitoring of the SOP (Permenpan RB 35/2012, Tabel 7 *Monitoring Pelaksanaan SOP AP*):
//! each procedure judged *berjalan dengan baik* or *tidak berjalan dengan baik* by the rule of
//! sop.toml's `[monitoring]`, with a note giving the figures behind the judgement and the
//! action naming the steps that breach most often; and the same figures per month.
//!
//! The figures are the ones `sop report` counts, read the one way (`view::visits`, `view::due`,
//! `view::current`) from the list cache (`summary`). Everything here is pure: the requests,
//! the rules and the clock come from the caller (`commands::monitoring`). docs/monitoring.md
//! states the rule and defines every figure; keep the two together.

use rayon::prelude::*;
use std::borrow::Cow;

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate};
use serde::Serialize;

use crate::config::{self, Config};
use crate::dates;
use crate::procedure::{Kind, Procedure, RowNumber};
use crate::request::Held;
use crate::stdtime::StdTime;
use crate::summary::Summary;
use crate::view::{self, Visit};

/// The days the monitoring covers, both included, in the office's time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub since: NaiveDate,
    pub until: NaiveDate,
}

impl Period {
    /// The months the period touches, oldest first, each as the part of the period in it.
    pub fn months(&self) -> Vec<Period> {
        let mut months = Vec::new();
        let mut first = self.since.with_day(1).unwrap_or(self.since);
        while first <= self.until {
            let next = first
                .checked_add_months(chrono::Months::new(1))
                .unwrap_or(NaiveDate::MAX);
            let last = next.pred_opt().unwrap_or(next);
            months.push(Period {
                since: first.max(self.since),
                until: last.min(self.until),
            });
            if next == NaiveDate::MAX {
                break;
            }
            first = next;
        }
        months
    }

    /// How many months it touches (`--since 2026-01-31 --until 2026-02-01` touches two).
    pub fn month_count(&self) -> i64 {
        let index = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
        index(self.until) - index(self.since) + 1
    }
}

/// A period's bounds as moments: from its first day's midnight to the midnight after its last
/// day (not included); `end` is also never later than now, for what stood at the end.
#[derive(Clone, Copy)]
struct Window {
    start: DateTime<FixedOffset>,
    end: DateTime<FixedOffset>,
    /// The moment the state at the end is read: the end, or now while the period runs.
    at: DateTime<FixedOffset>,
}

impl Window {
    fn new(p: Period, offset: FixedOffset, now: DateTime<FixedOffset>) -> Window {
        let midnight = |d: NaiveDate| {
            d.and_time(chrono::NaiveTime::MIN)
                .and_local_timezone(offset)
                .single()
                .expect("fixed offsets are unambiguous")
        };
        let start = midnight(p.since);
        let end = p
            .until
            .checked_add_days(Days::new(1))
            .map_or(DateTime::<chrono::Utc>::MAX_UTC.fixed_offset(), midnight);
        Window {
            start,
            end,
            at: end.min(now),
        }
    }

    fn holds(&self, t: DateTime<FixedOffset>) -> bool {
        self.start <= t && t < self.end
    }
}

/// The figures of one procedure in a period or a month (docs/monitoring.md defines each).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Figures {
    /// Requests handled: created before the end and not finished before the start.
    pub requests: usize,
    /// Requests created in it.
    pub started: usize,
    /// Requests finished in it (the change that brought them to an end step).
    pub finished: usize,
    /// Visits to a step ended (the step done) in it.
    pub steps_done: usize,
    /// Of those, at steps with a standard time for the request.
    pub steps_timed: usize,
    /// Of those, done within the standard time.
    pub steps_within: usize,
    /// `steps_within` of `steps_timed` in percent, rounded down to one decimal; none without
    /// timed steps.
    pub within_percent: Option<f64>,
    /// Requests handled that were past `max_factor` times their total standard time when they
    /// finished, or at the end (now while it runs).
    pub late_requests: usize,
    /// Requests open at the end (now while it runs) and past the due time of their step.
    pub overdue_at_end: usize,
}

/// The judgement of Tabel 7's *Penilaian* column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Judgement {
    Good,
    NotGood,
    NoData,
}

impl Judgement {
    /// As Tabel 7 writes it.
    pub fn penilaian(self) -> &'static str {
        match self {
            Judgement::Good => "berjalan dengan baik",
            Judgement::NotGood => "tidak berjalan dengan baik",
            Judgement::NoData => "belum ada data",
        }
    }
}

/// A step finished later than its standard time in the period.
#[derive(Debug, Clone, Serialize)]
pub struct StepBreaches {
    pub id: String,
    pub number: Option<RowNumber>,
    pub activity: String,
    /// Times it was done late in the period.
    pub breaches: usize,
    /// Times it was done in the period, with a standard time.
    pub timed: usize,
}

/// One row of Tabel 7: a procedure over the period.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub no: usize,
    pub procedure: String,
    pub name: String,
    pub judgement: Judgement,
    /// The judgement as Tabel 7 writes it.
    pub penilaian: &'static str,
    /// *Catatan hasil penilaian*: the figures behind the judgement.
    pub note: String,
    /// *Tindakan yang harus diambil*.
    pub action: String,
    #[serde(flatten)]
    pub figures: Figures,
    /// `max_factor` times the total standard time, in words (`2 × 7 menit`); none when a
    /// step's time goes by a request field, so each request has its own.
    pub limit: Option<String>,
    /// The requests counted in `late_requests`, by id.
    pub late: Vec<String>,
    /// The steps done late in the period, most often first.
    pub breaching_steps: Vec<StepBreaches>,
}

/// One row of the month recap: a procedure in one month of the period.
#[derive(Debug, Clone, Serialize)]
pub struct MonthRow {
    /// `2026-11`.
    pub month: String,
    pub procedure: String,
    pub name: String,
    #[serde(flatten)]
    pub figures: Figures,
}

/// Tabel 7 and the month recap.
#[derive(Debug, Clone)]
pub struct Assessment {
    pub rows: Vec<Row>,
    /// Months of the period, oldest first; in each, the procedures in Tabel 7's order. A
    /// procedure with no request handled in a month has no row there.
    pub months: Vec<MonthRow>,
}

/// The head of Tabel 7: who judged what, when, by which rule.
#[derive(Debug, Clone)]
pub struct Header {
    /// The office (`office` in sop.toml).
    pub office: String,
    pub period: Period,
    /// When the monitoring was made (the clock).
    pub at: DateTime<FixedOffset>,
    pub rule: config::Monitoring,
    /// The person who judged (*penilai*), when known.
    pub assessor: Option<Assessor>,
}

/// The *penilai*: the acting person (`--as`), from people.toml.
#[derive(Debug, Clone, Serialize)]
pub struct Assessor {
    pub id: String,
    pub name: String,
    pub nip: Option<String>,
}

/// What one request gives every window: read once.
struct Read<'s> {
    r: &'s Summary,
    moves: Vec<(Cow<'s, str>, DateTime<FixedOffset>, Vec<Held>)>,
    visits: Vec<Visit>,
    finished: Option<DateTime<FixedOffset>>,
    /// `max_factor` times the request's total standard time; none when no step has one.
    limit: Option<StdTime>,
    /// When the limit's clock stood still: the request held, or at a step without a standard
    /// time (the last one open while it is still there or held).
    stops: Vec<Held>,
}

/// Judges each procedure over `period` and counts its months. `procedures` are Tabel 7's rows
/// in order, each with its requests (any; those outside the period count nothing).
pub fn assess(
    procedures: &[(Procedure, Vec<&Summary>)],
    config: &Config,
    period: Period,
    now: DateTime<FixedOffset>,
) -> Assessment {
    let rule = config.monitoring;
    let offset = *now.offset();
    let whole = Window::new(period, offset, now);
    let months: Vec<(Period, Window)> = period
        .months()
        .into_iter()
        .map(|m| (m, Window::new(m, offset, now)))
        .collect();
    let mut rows = Vec::new();
    let mut month_rows: Vec<Vec<MonthRow>> = vec![Vec::new(); months.len()];
    for (no, (p, requests)) in procedures.iter().enumerate() {
        // Each request's visits on every core: their due times are most of the cost.
        let read: Vec<Read> = requests
            .par_iter()
            .map(|r| read(p, r, config, rule))
            .collect();
        let mut named = Named {
            breaches: vec![(0, 0); p.steps.len()],
            late: Vec::new(),
        };
        let figures = count(p, &read, whole, config, Some(&mut named));
        rows.push(row(no + 1, p, rule, figures, named));
        // The months counted on every core: each one runs through every request.
        let counted: Vec<Figures> = months
            .par_iter()
            .map(|(_, window)| count(p, &read, *window, config, None))
            .collect();
        for (i, ((m, _), figures)) in months.iter().zip(counted).enumerate() {
            if figures.requests > 0 {
                month_rows[i].push(MonthRow {
                    month: format!("{:04}-{:02}", m.since.year(), m.since.month()),
                    procedure: p.id().to_string(),
                    name: p.name.clone(),
                    figures,
                });
            }
        }
    }
    Assessment {
        rows,
        months: month_rows.into_iter().flatten().collect(),
    }
}

fn read<'s>(p: &Procedure, r: &'s Summary, config: &Config, rule: config::Monitoring) -> Read<'s> {
    let moves: Vec<_> = r.moves().collect();
    let values = |name: &str| r.field(name);
    let visits = view::visits(p, moves.iter().map(|(s, t, h)| (s, *t, h)), &values, config);
    let finished = r
        .step
        .is_none()
        .then(|| moves.last().map(|m| m.1))
        .flatten();
    let total = p
        .steps
        .iter()
        .filter_map(|s| s.time_for(values))
        .fold(StdTime::default(), |sum, t| sum + t);
    let f = rule.max_factor;
    let limit = (total != StdTime::default()).then(|| StdTime {
        days: total.days.saturating_mul(f),
        minutes: total.minutes.saturating_mul(f),
        calendar: total.calendar.saturating_mul(f),
    });
    // The clock of the limit stops while the request is held, and at steps without a standard
    // time (the procedure sets no bound there): each such visit is one stop.
    let timed = |step: &str| p.step(step).is_some_and(|s| s.time_for(values).is_some());
    let mut stops = Vec::new();
    for pair in moves.windows(2) {
        let ((_, arrived, _), (step, done, held)) = (&pair[0], &pair[1]);
        if timed(step) {
            stops.extend(held.iter().cloned());
        } else {
            stops.push(Held {
                from: *arrived,
                to: Some(*done),
            });
        }
    }
    if let (Some(step), Some(last)) = (r.step.as_deref(), moves.last()) {
        if timed(step) {
            stops.extend(r.rare().held.iter().cloned());
        } else {
            stops.push(Held {
                from: last.1,
                to: None,
            });
        }
    }
    Read {
        r,
        visits,
        finished,
        limit,
        stops,
        moves,
    }
}

/// What the whole period counts besides its figures: for the action and the note.
struct Named {
    /// By the step's place in the procedure: (done late, done with a standard time).
    breaches: Vec<(usize, usize)>,
    /// The ids of the requests past their limit.
    late: Vec<String>,
}

/// The figures of one window; for the whole period (`named`) also each step's breaches and the
/// late requests' ids.
fn count(
    p: &Procedure,
    reads: &[Read],
    w: Window,
    config: &Config,
    mut named: Option<&mut Named>,
) -> Figures {
    let mut f = Figures::default();
    if w.at < w.start {
        return f;
    }
    for r in reads {
        let created = r.r.created;
        let handled = created < w.end && r.finished.is_none_or(|t| t >= w.start);
        if !handled {
            continue;
        }
        f.requests += 1;
        f.started += usize::from(w.holds(created));
        f.finished += usize::from(r.finished.is_some_and(|t| w.holds(t)));
        for v in r.visits.iter().filter(|v| w.holds(v.done)) {
            f.steps_done += 1;
            if v.timed {
                f.steps_timed += 1;
                f.steps_within += usize::from(!v.late);
                if let Some(n) = named.as_mut() {
                    n.breaches[v.place].1 += 1;
                    n.breaches[v.place].0 += usize::from(v.late);
                }
            }
        }
        if r.limit.is_some_and(|limit| late(r, limit, w.at, config)) {
            f.late_requests += 1;
            if let Some(n) = named.as_mut() {
                n.late.push(r.r.id.to_string());
            }
        }
        f.overdue_at_end += usize::from(overdue_at(p, r, w.at, config));
    }
    f.within_percent = percent(f.steps_within, f.steps_timed);
    f
}

/// `part` of `whole` in percent, rounded down to one decimal, so that a share shown as 80 %
/// is never below 80 %.
fn percent(part: usize, whole: usize) -> Option<f64> {
    let (part, whole) = (part as u128, whole as u128);
    (whole > 0).then(|| (part * 1000 / whole) as f64 / 10.0)
}

/// Whether the request was past `limit` when it finished, or at `at` if it was still open
/// then: counted from its creation, the limit extended by the stops (held, or at a step
/// without a standard time) as a standard time is by holds (`view::due`); a request in a stop
/// at that moment is measured when the stop began.
fn late(r: &Read, limit: StdTime, at: DateTime<FixedOffset>, config: &Config) -> bool {
    let mut m = r.finished.map_or(at, |f| f.min(at));
    if let Some(stop) = r
        .stops
        .iter()
        .find(|h| h.from <= m && h.to.is_none_or(|to| to > m))
    {
        m = stop.from;
    }
    let ended: Vec<Held> = r
        .stops
        .iter()
        .filter(|h| h.to.is_some_and(|to| to <= m))
        .cloned()
        .collect();
    view::due(config, r.r.created, limit, &ended) < m
}

/// Whether the request was open at `at` and past the due time of the step it stood at (the
/// reading of `sop list --overdue`, at that moment).
fn overdue_at(p: &Procedure, r: &Read, at: DateTime<FixedOffset>, config: &Config) -> bool {
    let Some(k) = r.moves.iter().rposition(|m| m.1 <= at) else {
        return false;
    };
    let (step, held) = match r.moves.get(k + 1) {
        Some(next) => (next.0.as_ref(), next.2.as_slice()),
        None => match r.r.step.as_deref() {
            Some(step) => (step, r.r.rare().held.as_slice()),
            None => return false,
        },
    };
    // Finished then, and resumed from its end later.
    if p.step(step).is_some_and(|s| s.kind == Kind::End) {
        return false;
    }
    let held: Vec<Held> = held
        .iter()
        .filter(|h| h.from <= at)
        .map(|h| Held {
            from: h.from,
            to: h.to.filter(|to| *to <= at),
        })
        .collect();
    let values = |name: &str| r.r.field(name);
    let since = r.moves[k].1;
    view::current(Some(step), since, &held, &values, Some(p), config, at).is_some_and(|c| c.overdue)
}

/// At most this many steps are named in an action, and request ids in a note.
const NAMED: usize = 3;

fn row(no: usize, p: &Procedure, rule: config::Monitoring, figures: Figures, named: Named) -> Row {
    let Named { breaches, late } = named;
    let (timed, within) = (figures.steps_timed, figures.steps_within);
    let judgement = if timed == 0 && late.is_empty() {
        Judgement::NoData
    } else if within * 100 >= usize::from(rule.within_standard) * timed && late.is_empty() {
        Judgement::Good
    } else {
        Judgement::NotGood
    };
    let mut breaching: Vec<StepBreaches> = p
        .steps
        .iter()
        .zip(&breaches)
        .filter(|(_, (b, _))| *b > 0)
        .map(|(s, (b, t))| StepBreaches {
            id: s.id().to_string(),
            number: s.number.clone(),
            activity: s.activity.clone(),
            breaches: *b,
            timed: *t,
        })
        .collect();
    // Most breaches first; the sort is stable, so ties keep the procedure's order.
    breaching.sort_by_key(|s| std::cmp::Reverse(s.breaches));
    let fixed = p
        .steps
        .iter()
        .all(|s| s.timing.as_ref().is_none_or(|t| t.fixed().is_some()));
    let limit = (fixed && p.total() != StdTime::default())
        .then(|| format!("{} × {}", rule.max_factor, p.total()));
    let any_time = p.steps.iter().any(|s| s.timing.is_some());
    let note = note(judgement, rule, &figures, any_time, limit.as_deref(), &late);
    let action = action(judgement, &breaching, &late);
    Row {
        no,
        procedure: p.id().to_string(),
        name: p.name.clone(),
        judgement,
        penilaian: judgement.penilaian(),
        note,
        action,
        figures,
        limit,
        late,
        breaching_steps: breaching,
    }
}

/// A percentage as Indonesian writes it: `90 %`, `66,6 %`.
pub fn percent_text(p: f64) -> String {
    let text = format!("{p:.1}");
    let text = text.strip_suffix(".0").unwrap_or(&text).replace('.', ",");
    format!("{text} %")
}

/// `45 dari 50 (90 %)`: the steps done within their standard time, or `-` without timed steps.
pub fn within_text(f: &Figures) -> String {
    match f.within_percent {
        Some(p) => format!(
            "{} dari {} ({})",
            f.steps_within,
            f.steps_timed,
            percent_text(p)
        ),
        None => "-".into(),
    }
}

/// `EML-1, EML-2, EML-3 dan 4 lainnya`.
fn some_of(ids: &[String]) -> String {
    let shown = ids[..ids.len().min(NAMED)].join(", ");
    match ids.len().saturating_sub(NAMED) {
        0 => shown,
        more => format!("{shown} dan {more} lainnya"),
    }
}

/// The limit in words: `2 × jumlah waktu baku (2 × 7 menit)`.
fn limit_text(rule_factor: u32, limit: Option<&str>) -> String {
    match limit {
        Some(l) => format!("{rule_factor} × jumlah waktu baku ({l})"),
        None => format!("{rule_factor} × jumlah waktu baku"),
    }
}

/// *Catatan hasil penilaian*: the figures the judgement stands on.
fn note(
    judgement: Judgement,
    rule: config::Monitoring,
    f: &Figures,
    any_time: bool,
    limit: Option<&str>,
    late: &[String],
) -> String {
    if f.requests == 0 {
        return "Belum ada data untuk dinilai: tidak ada permintaan yang ditangani dalam periode ini."
            .into();
    }
    let handled = format!(
        "{} permintaan ditangani ({} masuk, {} selesai)",
        f.requests, f.started, f.finished
    );
    let steps = match f.within_percent {
        Some(pct) => format!(
            "{} dari {} langkah ({}) selesai dalam waktu baku (batas {} %)",
            f.steps_within,
            f.steps_timed,
            percent_text(pct),
            rule.within_standard
        ),
        None if f.steps_done > 0 => format!(
            "{} langkah selesai, tidak ada yang memiliki waktu baku",
            f.steps_done
        ),
        None => "tidak ada langkah yang selesai".to_string(),
    };
    let limit = limit_text(rule.max_factor, limit);
    let past = if !any_time {
        "prosedur tidak menetapkan waktu baku".to_string()
    } else if late.is_empty() {
        format!("tidak ada permintaan yang melewati {limit}")
    } else {
        format!(
            "{} permintaan melewati {limit}: {}",
            late.len(),
            some_of(late)
        )
    };
    let text = [handled, steps, past].join("; ");
    match judgement {
        Judgement::NoData => format!("Belum ada data untuk dinilai: {text}."),
        _ => format!("{text}."),
    }
}

/// A step as an action names it: `langkah 3 (Menerima Form)`, the activity cut at a word
/// after 60 characters.
fn step_name(s: &StepBreaches) -> String {
    const MOST: usize = 60;
    let mut activity = s.activity.split_whitespace().collect::<Vec<_>>().join(" ");
    if activity.chars().count() > MOST {
        let cut: String = activity.chars().take(MOST).collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
        activity = format!("{cut} …");
    }
    match &s.number {
        Some(n) => format!("langkah {n} ({activity})"),
        None => format!("langkah {} ({activity})", s.id),
    }
}

/// `langkah 3 (Menerima Form): 2 dari 3 kali` for the steps breaching most often.
fn steps_text(breaching: &[StepBreaches]) -> String {
    breaching
        .iter()
        .take(NAMED)
        .map(|s| format!("{}: {} dari {} kali", step_name(s), s.breaches, s.timed))
        .collect::<Vec<_>>()
        .join("; ")
}

/// *Tindakan yang harus diambil*.
fn action(judgement: Judgement, breaching: &[StepBreaches], late: &[String]) -> String {
    match judgement {
        Judgement::NoData => "Belum dapat dinilai; nilai kembali pada periode berikutnya.".into(),
        Judgement::Good if breaching.is_empty() => {
            "Tidak ada; pertahankan pelaksanaan sesuai SOP.".into()
        }
        Judgement::Good => format!(
            "Tidak ada tindakan khusus; perhatikan langkah yang melewati waktu baku: {}.",
            steps_text(breaching)
        ),
        Judgement::NotGood => {
            let mut parts = Vec::new();
            if !breaching.is_empty() {
                parts.push(format!(
                    "Perbaiki pelaksanaan langkah yang paling sering melewati waktu baku: {}.",
                    steps_text(breaching)
                ));
            }
            if !late.is_empty() {
                parts.push(format!(
                    "Tinjau dan tuntaskan permintaan yang melewati batas waktu: {}.",
                    some_of(late)
                ));
            }
            parts.join(" ")
        }
    }
}

/// `November 2026` for `2026-11`; the text itself when it is not a month.
pub fn month_text(month: &str) -> String {
    let parsed = month
        .split_once('-')
        .and_then(|(y, m)| Some((y.parse::<i32>().ok()?, m.parse::<usize>().ok()?)));
    match parsed {
        Some((y, m)) if (1..=12).contains(&m) => format!("{} {y}", dates::MONTHS[m - 1]),
        _ => month.to_string(),
    }
}

/// `1 November 2026 s.d. 30 November 2026`.
pub fn period_text(p: Period) -> String {
    format!(
        "{} s.d. {}",
        dates::long_date(p.since),
        dates::long_date(p.until)
    )
}

/// The rule in words, for the document's header and the table's.
pub fn rule_text(rule: config::Monitoring) -> String {
    format!(
        "berjalan dengan baik bila sekurang-kurangnya {} % langkah yang selesai dalam periode selesai dalam waktu baku, dan tidak ada permintaan yang melewati {} × jumlah waktu baku prosedurnya",
        rule.within_standard, rule.max_factor
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const PROCEDURE: &str = r#"
id = "t"
prefix = "TT"
name = "Uji"
version = 1

[[steps]]
id = "a"
number = 1
activity = "Mengisi"
role = "pemohon"
time = "30 menit"

[[steps]]
id = "b"
number = 2
activity = "Memeriksa"
role = "pemohon"
time = "30 menit"

[[steps]]
id = "c"
activity = "Selesai"
kind = "end"
"#;

    /// Created on Monday 2 November 2026 at 09:00, done at step a at 09:10, then at step b:
    /// `rest` is the history after that.
    fn request(status: &str, step: Option<&str>, rest: &str) -> Summary {
        let step = step.map_or(String::new(), |s| format!("step = \"{s}\"\n"));
        let text = format!(
            r#"id = "TT-1"
procedure = "t"
version = 1
title = "uji"
status = "{status}"
{step}requester = "putri"
created = "2026-11-02T09:00:00+07:00"

[[history]]
step = "a"
action = "create"
by = "putri"
at = "2026-11-02T09:00:00+07:00"
to = "a"

[[history]]
step = "a"
action = "advance"
by = "putri"
at = "2026-11-02T09:10:00+07:00"
to = "b"
{rest}"#
        );
        Summary::from(&crate::request::Request::from_toml(&text).unwrap())
    }

    fn t(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    /// Figures of the first days of November, seen on 10 November.
    fn first_days(r: &Summary) -> Figures {
        let p = Procedure::parse(PROCEDURE, std::path::Path::new("procedures/t.toml")).unwrap();
        let period = Period {
            since: d("2026-11-01"),
            until: d("2026-11-04"),
        };
        let a = assess(
            &[(p, vec![r])],
            &Config::default(),
            period,
            t("2026-11-10T12:00:00+07:00"),
        );
        a.rows[0].figures.clone()
    }

    #[test]
    fn a_request_waiting_past_the_end_is_overdue_and_late_unless_held() {
        let waiting = first_days(&request("open", Some("b"), ""));
        assert_eq!(
            (waiting.requests, waiting.steps_done, waiting.steps_within),
            (1, 1, 1)
        );
        assert_eq!((waiting.overdue_at_end, waiting.late_requests), (1, 1));
        let hold = r#"
[[history]]
step = "b"
action = "hold"
by = "putri"
at = "2026-11-02T09:20:00+07:00"
to = "b"
note = "menunggu"

[[history]]
step = "b"
action = "resume"
by = "putri"
at = "2026-11-09T09:00:00+07:00"
to = "b"
"#;
        let held = first_days(&request("open", Some("b"), hold));
        assert_eq!(
            (held.overdue_at_end, held.late_requests),
            (0, 0),
            "held over the period's end: its clock stood still"
        );
        // Resumed, and done 15 minutes later: 10 + 15 working minutes at b, within its 30.
        let done = format!(
            "{hold}
[[history]]
step = \"b\"
action = \"advance\"
by = \"putri\"
at = \"2026-11-09T09:15:00+07:00\"
to = \"c\"
"
        );
        let r = request("completed", None, &done);
        let p = Procedure::parse(PROCEDURE, std::path::Path::new("procedures/t.toml")).unwrap();
        let november = Period {
            since: d("2026-11-01"),
            until: d("2026-11-30"),
        };
        let a = assess(
            &[(p, vec![&r])],
            &Config::default(),
            november,
            t("2026-12-01T12:00:00+07:00"),
        );
        let f = &a.rows[0].figures;
        assert_eq!(
            (f.finished, f.steps_done, f.steps_timed, f.steps_within),
            (1, 2, 2, 2)
        );
        assert_eq!((f.late_requests, f.overdue_at_end), (0, 0));
        assert_eq!(a.rows[0].judgement, Judgement::Good);
    }

    /// A step whose time goes by a field: each request's limit is its own (2 × (30 + 30)
    /// minutes for `cepat`, 2 × (3 working days + 30 minutes) for `lama`), and the note and
    /// `limit` give no amount.
    #[test]
    fn a_time_by_a_field_gives_each_request_its_own_limit() {
        let text = PROCEDURE.replacen(
            "time = \"30 menit\"",
            "time = { by = \"kategori\", cepat = \"30 menit\", lama = \"3 hari kerja\" }",
            1,
        );
        let waiting = |kategori: &str| {
            request(
                "open",
                Some("b"),
                &format!("\n[fields]\nkategori = \"{kategori}\"\n"),
            )
        };
        let (fast, slow) = (waiting("cepat"), waiting("lama"));
        let period = Period {
            since: d("2026-11-01"),
            until: d("2026-11-04"),
        };
        let now = t("2026-11-10T12:00:00+07:00");
        let late = |r: &Summary| {
            let p = Procedure::parse(&text, std::path::Path::new("procedures/t.toml")).unwrap();
            let a = assess(&[(p, vec![r])], &Config::default(), period, now);
            a.rows.into_iter().next().unwrap()
        };
        let fast = late(&fast);
        assert_eq!(
            (fast.figures.steps_timed, fast.figures.late_requests),
            (1, 1)
        );
        assert_eq!(fast.limit, None);
        assert!(
            fast.note
                .contains("1 permintaan melewati 2 × jumlah waktu baku: TT-1"),
            "{}",
            fast.note
        );
        let slow = late(&slow);
        assert_eq!(
            (slow.figures.steps_timed, slow.figures.late_requests),
            (1, 0)
        );
    }

    #[test]
    fn a_period_touches_its_months_each_clipped() {
        let p = Period {
            since: d("2026-11-15"),
            until: d("2027-01-10"),
        };
        let months = p.months();
        assert_eq!(p.month_count(), 3);
        assert_eq!(
            months,
            [
                Period {
                    since: d("2026-11-15"),
                    until: d("2026-11-30")
                },
                Period {
                    since: d("2026-12-01"),
                    until: d("2026-12-31")
                },
                Period {
                    since: d("2027-01-01"),
                    until: d("2027-01-10")
                },
            ]
        );
        let one = Period {
            since: d("2026-02-03"),
            until: d("2026-02-03"),
        };
        assert_eq!(one.months(), [one]);
        assert_eq!(one.month_count(), 1);
    }

    #[test]
    fn percentages_round_down_and_read_in_indonesian() {
        assert_eq!(percent(2, 3), Some(66.6));
        assert_eq!(percent(4, 5), Some(80.0));
        assert_eq!(percent(0, 0), None);
        assert_eq!(percent_text(80.0), "80 %");
        assert_eq!(percent_text(66.6), "66,6 %");
        assert_eq!(percent_text(100.0), "100 %");
    }

    #[test]
    fn months_in_indonesian() {
        assert_eq!(month_text("2027-01"), "Januari 2027");
        assert_eq!(month_text("2027-13"), "2027-13");
    }

    /// The rule compares counts, not the percentage shown: 79.96 % shows as 79,9 % and is
    /// below 80 %; exactly 80 % meets it; a request past the limit fails it whatever the share.
    #[test]
    fn the_threshold_is_met_exactly_without_rounding() {
        let p = Procedure::parse(PROCEDURE, std::path::Path::new("procedures/t.toml")).unwrap();
        let rule = config::Monitoring::default();
        assert_eq!(rule.within_standard, 80);
        let judge = |within, timed, late: &[&str]| {
            let figures = Figures {
                steps_timed: timed,
                steps_within: within,
                within_percent: percent(within, timed),
                ..Figures::default()
            };
            let named = Named {
                breaches: vec![(0, 0); p.steps.len()],
                late: late.iter().map(|s| s.to_string()).collect(),
            };
            row(1, &p, rule, figures, named)
        };
        assert_eq!(judge(4, 5, &[]).judgement, Judgement::Good);
        let below = judge(1999, 2500, &[]);
        assert_eq!(below.figures.within_percent, Some(79.9));
        assert_eq!(below.judgement, Judgement::NotGood);
        assert_eq!(judge(5, 5, &["TT-1"]).judgement, Judgement::NotGood);
        assert_eq!(judge(0, 0, &["TT-1"]).judgement, Judgement::NotGood);
        assert_eq!(judge(0, 0, &[]).judgement, Judgement::NoData);
    }

    #[test]
    fn ids_past_three_are_counted_not_named() {
        let ids: Vec<String> = (1..=5).map(|i| format!("EML-{i}")).collect();
        assert_eq!(some_of(&ids[..2]), "EML-1, EML-2");
        assert_eq!(some_of(&ids), "EML-1, EML-2, EML-3 dan 2 lainnya");
    }

    #[test]
    fn long_activities_are_cut_at_a_word() {
        let s = StepBreaches {
            id: "a".into(),
            number: None,
            activity:
                "Membuat akun email dan password untuk User sesuai permintaan yang sudah disetujui"
                    .into(),
            breaches: 1,
            timed: 1,
        };
        assert_eq!(
            step_name(&s),
            "langkah a (Membuat akun email dan password untuk User sesuai …)"
        );
    }
}
