//! What scripts see: JSON views of records, kept apart from the on-disk types. Their shapes
//! are the contract in docs/contract.md ("JSON shapes"): add keys, never rename or drop one.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::config::Config;
use crate::field::Fields;
use crate::i18n::Lang;
use crate::procedure::{Kind, Procedure, Step};
use crate::request::{Attachment, Entry, Held, Hold, Outsider, Request};
use crate::stdtime::StdTime;

#[derive(Serialize)]
pub struct StepView {
    pub id: String,
    pub number: Option<crate::procedure::RowNumber>,
    pub activity: String,
    pub kind: String,
    /// The role id, or ids joined with `/` when any of several may act.
    pub role: String,
    pub roles: Vec<String>,
    pub since: DateTime<FixedOffset>,
    pub due: Option<DateTime<FixedOffset>>,
    pub overdue: bool,
}

#[derive(Serialize)]
pub struct RequestView<'a> {
    pub id: &'a str,
    pub procedure: &'a str,
    pub version: u32,
    pub title: &'a str,
    pub status: &'a str,
    pub step: Option<StepView>,
    /// The procedure's service time for this request, if it gives one.
    pub service: Option<Service>,
    pub fields: &'a Fields,
    pub asset: Option<&'a str>,
    pub requester: &'a str,
    /// The outside requester staff opened it for, if any.
    pub on_behalf_of: Option<&'a Outsider>,
    pub created: DateTime<FixedOffset>,
    /// The person the current step is assigned to.
    pub assignee: Option<&'a str>,
    /// Why it is held, since when, until when (status `held`).
    pub hold: Option<&'a Hold>,
    /// Every file attached to the request, in the order they were added.
    pub attachments: &'a [Attachment],
    /// The request whose call step started this one.
    pub parent: Option<&'a str>,
    /// The requests this one's call steps started.
    pub children: &'a [String],
    pub history: &'a [Entry],
}

/// Where an open request stands: its current step, what the procedure says of that step
/// (nothing when the procedure no longer has it), and when it is due. The one reading of due
/// and overdue for `show`, `list` and `report`: while the request is held nothing is due;
/// after a resume the due time is later by the working time it was held at the step.
#[derive(Clone, Copy)]
pub struct Current<'a> {
    pub id: &'a str,
    pub step: Option<&'a Step>,
    /// The roles that may act at the step for this request (none when the procedure no
    /// longer has the step).
    roles: &'a [String],
    pub due: Option<DateTime<FixedOffset>>,
    pub overdue: bool,
}

impl<'a> Current<'a> {
    /// The roles that may act at the step (none when the procedure no longer has it).
    pub fn roles(&self) -> &'a [String] {
        self.roles
    }
}

/// A request's field values, as text, by name: what a time or role that goes by a field reads.
pub type Values<'v> = &'v dyn Fn(&str) -> Option<String>;

/// `step` is the current step id (none when finished), `since` when the request arrived there,
/// `held` the times it was held there since (`Request::visits`; the last one open while held).
pub fn current<'a>(
    step: Option<&'a str>,
    since: DateTime<FixedOffset>,
    held: &[Held],
    values: Values,
    p: Option<&'a Procedure>,
    config: &Config,
    now: DateTime<FixedOffset>,
) -> Option<Current<'a>> {
    let id = step?;
    let step = p.and_then(|p| p.step(id));
    let is_held = held.last().is_some_and(|h| h.to.is_none());
    let due = step
        .and_then(|s| s.time_for(values))
        .filter(|_| !is_held)
        .map(|t| due(config, since, t, held));
    Some(Current {
        id,
        step,
        roles: step.map_or(&[], |s| s.role.for_request(values)),
        due,
        overdue: due.is_some_and(|d| d < now),
    })
}

/// The whole procedure's service time (*jangka waktu penyelesaian*) for one request.
#[derive(Debug, Clone, Serialize)]
pub struct Service {
    /// As the documents write it: `1 hari`, `3 x 24 jam`.
    pub time: String,
    /// `created` plus the service time, and the time the request was held.
    pub due: DateTime<FixedOffset>,
    /// Open (not held, not finished) and past `due`.
    pub overdue: bool,
    /// Open and not held: overdue once `due` is past.
    #[serde(skip)]
    pub running: bool,
}

/// The service time of procedure `p` for a request created at `created`, held at the times
/// `held` (all of them, the last open while it is held), open or not; none when the procedure
/// gives no service time (for this request's values).
#[allow(clippy::too_many_arguments)]
pub fn service(
    p: Option<&Procedure>,
    created: DateTime<FixedOffset>,
    held: &[Held],
    open: bool,
    values: Values,
    config: &Config,
    now: DateTime<FixedOffset>,
) -> Option<Service> {
    let time = p?.service_time.as_ref()?.for_request(values)?;
    let is_held = held.last().is_some_and(|h| h.to.is_none());
    let due = due(config, created, time, held);
    let running = open && !is_held;
    Some(Service {
        time: time.to_string(),
        due,
        overdue: running && due < now,
        running,
    })
}

/// When a visit to a step that began at `since` with standard time `time` is due: the
/// standard time plus the time of the (ended) holds in `held` — their working time for a
/// working-time standard, their calendar time for one in hours or weeks.
pub fn due(
    config: &Config,
    since: DateTime<FixedOffset>,
    time: StdTime,
    held: &[Held],
) -> DateTime<FixedOffset> {
    let cal = &config.calendar;
    let ended = || held.iter().filter_map(|h| Some((h.from, h.to?)));
    let plus = |base: u32, extra: i64| u32::try_from(i64::from(base) + extra).unwrap_or(u32::MAX);
    let time = if time.is_working() {
        let extra: i64 = ended().map(|(a, b)| cal.working_minutes(a, b)).sum();
        StdTime {
            minutes: plus(time.minutes, extra),
            ..time
        }
    } else {
        let extra: i64 = ended().map(|(a, b)| (b - a).num_minutes()).sum();
        StdTime {
            calendar: plus(time.calendar, extra),
            ..time
        }
    };
    cal.due(since, time)
}

/// A visit to a step that a change ended, as `sop report` and its monitoring table count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visit {
    /// The step's place in the procedure.
    pub place: usize,
    /// When the change that moved the request there was made.
    pub arrived: DateTime<FixedOffset>,
    /// When the change that moved it on was made.
    pub done: DateTime<FixedOffset>,
    /// From arriving to that change, less the (calendar) time it was held there, in whole
    /// minutes.
    pub minutes: i64,
    /// Whether the step has a standard time for this request.
    pub timed: bool,
    /// Later than the standard time allows (`due`, the standard extended by the holds).
    pub late: bool,
}

/// Each visit to a step of `p` that a change ended, oldest first, from a request's moves
/// (`Summary::moves`: the step each moving change was made at, when, and the times the
/// request was held there). A visit begins when the previous moving change was made (the
/// first one, `create`, begins the first visit); visits to steps the procedure no longer has
/// are left out. The one reading of step times for `sop report` and the monitoring table.
pub fn visits<S: AsRef<str>, H: AsRef<[Held]>>(
    p: &Procedure,
    moves: impl IntoIterator<Item = (S, DateTime<FixedOffset>, H)>,
    values: Values,
    config: &Config,
) -> Vec<Visit> {
    let mut visits = Vec::new();
    let mut arrived = None;
    for (step, done, held) in moves {
        let place = p.steps.iter().position(|s| s.id() == step.as_ref());
        if let (Some(arrived), Some(place)) = (arrived, place) {
            let standard = p.steps[place].time_for(values);
            let held = held.as_ref();
            let held_seconds: i64 = held
                .iter()
                .filter_map(|h| Some((h.to? - h.from).num_seconds()))
                .sum();
            visits.push(Visit {
                place,
                arrived,
                done,
                minutes: ((done - arrived).num_seconds() - held_seconds) / 60,
                timed: standard.is_some(),
                late: standard.is_some_and(|t| done > due(config, arrived, t, held)),
            });
        }
        arrived = Some(done);
    }
    visits
}

/// The current step of an open request, with its due time.
fn step_view(
    step: Option<&str>,
    since: DateTime<FixedOffset>,
    held: &[Held],
    values: Values,
    p: Option<&Procedure>,
    config: &Config,
    now: DateTime<FixedOffset>,
) -> Option<StepView> {
    let c = current(step, since, held, values, p, config, now)?;
    let roles = c.roles().to_vec();
    Some(StepView {
        id: c.id.to_string(),
        number: c.step.and_then(|s| s.number.clone()),
        activity: c.step.map(|s| s.activity.clone()).unwrap_or_default(),
        kind: c.step.map_or(Kind::Task, |s| s.kind).to_string(),
        role: roles.join("/"),
        roles,
        since,
        due: c.due,
        overdue: c.overdue,
    })
}

pub fn request_view<'a>(
    req: &'a Request,
    p: Option<&Procedure>,
    config: &Config,
    now: DateTime<FixedOffset>,
) -> RequestView<'a> {
    let values = |name: &str| req.fields.get(name).map(|v| v.to_string());
    let held_now = req.visits().1;
    RequestView {
        id: &req.id,
        procedure: &req.procedure,
        version: req.version,
        title: &req.title,
        status: &req.status,
        step: step_view(
            req.step.as_deref(),
            req.step_since(),
            &held_now,
            &values,
            p,
            config,
            now,
        ),
        service: service(
            p,
            req.created,
            &req.all_held(),
            req.is_open(),
            &values,
            config,
            now,
        ),
        fields: &req.fields,
        asset: req.asset.as_deref(),
        requester: &req.requester,
        on_behalf_of: req.on_behalf_of.as_ref(),
        created: req.created,
        assignee: req.assignee.as_deref(),
        hold: req.hold.as_ref(),
        attachments: &req.attachments,
        parent: req.parent.as_deref(),
        children: &req.children,
        history: &req.history,
    }
}

/// What an entry says besides its action and steps, for the history tables of `show` and
/// `log`: the note or reason, the output, each edit as `name: old → new`, the end of a hold,
/// and the secret fields given (by name: their values are never stored). In `lang`: the
/// language of the run for a table, English for CSV.
pub fn entry_details(e: &Entry, lang: Lang) -> Vec<String> {
    [&e.note, &e.output]
        .into_iter()
        .flatten()
        .cloned()
        .chain(e.edits.iter().map(|d| {
            let from = d.from.as_deref().unwrap_or("-");
            format!("{}: {from} → {}", d.name, d.to)
        }))
        .chain(e.until.map(|d| t_in!(lang, HistoryUntil, date = d)))
        .chain(
            (!e.secrets.is_empty()).then(|| t_in!(lang, SecretGiven, names = e.secrets.join(", "))),
        )
        .collect()
}

/// The actor as history tables print them: `sri (for kadis)` for a stand-in, `dewi (for Budi)`
/// for a requester's step done for an outside requester; in `lang`, as `entry_details`.
pub fn entry_by(e: &Entry, req: Option<&Request>, lang: Lang) -> String {
    let outsider = req.and_then(|r| r.on_behalf_of.as_ref());
    match (&e.acting_for, outsider) {
        (Some(role), _) => t_in!(lang, ByStandIn, by = e.by, role = role),
        (None, Some(o)) if e.on_behalf => t_in!(lang, ByForOutsider, by = e.by, name = o.name),
        _ => e.by.clone(),
    }
}

/// The action as history tables print it: with the option taken or the person assigned.
pub fn entry_action(e: &Entry) -> String {
    let action = crate::i18n::action(e.action);
    match (&e.option, &e.assignee) {
        (Some(o), _) => format!("{action} {o}"),
        (None, Some(who)) => format!("{action} {who}"),
        _ => action,
    }
}
