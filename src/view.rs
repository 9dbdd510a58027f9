//! What scripts see: JSON views of records, kept apart from the on-disk types. Their shapes
//! are the contract in docs/contract.md ("JSON shapes"): add keys, never rename or drop one.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::config::Config;
use crate::field::Fields;
use crate::procedure::{Kind, Procedure, Step};
use crate::request::{Entry, Held, Request};
use crate::stdtime::StdTime;

#[derive(Serialize)]
pub struct StepView {
    pub id: String,
    pub number: Option<u32>,
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
    pub fields: &'a Fields,
    pub asset: Option<&'a str>,
    pub requester: &'a str,
    pub created: DateTime<FixedOffset>,
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
    pub due: Option<DateTime<FixedOffset>>,
    pub overdue: bool,
}

impl<'a> Current<'a> {
    /// The roles that may act at the step (none when the procedure no longer has it).
    pub fn roles(&self) -> &'a [String] {
        self.step.map_or(&[], |s| s.role.list())
    }
}

/// `step` is the current step id (none when finished), `since` when the request arrived there,
/// `held` the times it was held there since (`Request::visits`; the last one open while held).
pub fn current<'a>(
    step: Option<&'a str>,
    since: DateTime<FixedOffset>,
    held: &[Held],
    p: Option<&'a Procedure>,
    config: &Config,
    now: DateTime<FixedOffset>,
) -> Option<Current<'a>> {
    let id = step?;
    let step = p.and_then(|p| p.step(id));
    let is_held = held.last().is_some_and(|h| h.to.is_none());
    let due = step
        .and_then(|s| s.time)
        .filter(|_| !is_held)
        .map(|t| due(config, since, t, held));
    Some(Current {
        id,
        step,
        due,
        overdue: due.is_some_and(|d| d < now),
    })
}

/// When a visit to a step that began at `since` with standard time `time` is due: the
/// standard time plus the working time of the (ended) holds in `held`.
pub fn due(
    config: &Config,
    since: DateTime<FixedOffset>,
    time: StdTime,
    held: &[Held],
) -> DateTime<FixedOffset> {
    let cal = &config.calendar;
    let minutes: i64 = held
        .iter()
        .filter_map(|h| Some(cal.working_minutes(h.from, h.to?)))
        .sum();
    let minutes = u32::try_from(i64::from(time.minutes) + minutes).unwrap_or(u32::MAX);
    cal.due(since, StdTime { minutes, ..time })
}

/// The current step of an open request, with its due time.
fn step_view(
    step: Option<&str>,
    since: DateTime<FixedOffset>,
    held: &[Held],
    p: Option<&Procedure>,
    config: &Config,
    now: DateTime<FixedOffset>,
) -> Option<StepView> {
    let c = current(step, since, held, p, config, now)?;
    let roles = c.roles().to_vec();
    Some(StepView {
        id: c.id.to_string(),
        number: c.step.and_then(|s| s.number),
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
    RequestView {
        id: &req.id,
        procedure: &req.procedure,
        version: req.version,
        title: &req.title,
        status: &req.status,
        step: step_view(
            req.step.as_deref(),
            req.step_since(),
            &req.visits().1,
            p,
            config,
            now,
        ),
        fields: &req.fields,
        asset: req.asset.as_deref(),
        requester: &req.requester,
        created: req.created,
        history: &req.history,
    }
}
