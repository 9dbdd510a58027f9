//! The pure state machine: one function, `change`, takes a request (or none), the rules,
//! the actor and what they ask, and returns the whole outcome — the new request and every
//! asset the change writes — or a typed refusal. No I/O here: everything a rule needs is
//! passed in. `sop` runs it to make a change and `sop verify` replays it to judge one.

mod effects;
mod refusal;

use chrono::{DateTime, FixedOffset};

pub use refusal::Refusal;

use crate::asset::Asset;
use crate::config::Config;
use crate::field::{Fields, Value};
use crate::people::{Holding, People, Person};
use crate::procedure::{Kind, Procedure, Step};
use crate::request::{Action, Entry, Request, CANCELLED, OPEN};

/// What the rules see of the world: the rules as of one commit, and the time.
pub struct World<'a> {
    pub procedure: &'a Procedure,
    pub config: &'a Config,
    pub people: &'a People,
    /// The asset register as of the same commit: an asset by id, if there is one.
    pub assets: &'a dyn Fn(&str) -> Result<Option<Asset>, String>,
    pub now: DateTime<FixedOffset>,
}

/// A change asked for by a person.
#[derive(Debug, Clone)]
pub struct Change {
    pub action: Action,
    /// At create: the title (default: the procedure's name) and the asset the request is about.
    pub title: Option<String>,
    pub asset: Option<String>,
    pub option: Option<String>,
    pub output: Option<String>,
    pub note: Option<String>,
    /// `--field K=V`, unparsed.
    pub fields: Vec<(String, String)>,
}

impl Change {
    pub fn new(action: Action) -> Change {
        Change {
            action,
            title: None,
            asset: None,
            option: None,
            output: None,
            note: None,
            fields: Vec::new(),
        }
    }
}

/// Everything one change writes.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub request: Request,
    /// The assets the change writes: the request's asset when a step changes it, and every
    /// asset it registers.
    pub assets: Vec<Asset>,
}

/// Fresh ids: given a prefix, an id not used yet. `sop` draws random ones; `verify` hands
/// back the ids the commit it replays used.
pub type Ids<'a> = &'a mut dyn FnMut(&str) -> String;

/// The one change function: `before` is None for a create.
pub fn change(
    world: &World,
    before: Option<&Request>,
    actor: &Person,
    change: Change,
    ids: Ids,
) -> Result<Outcome, Refusal> {
    check_texts(&change)?;
    let mut request = match (before, change.action) {
        (None, Action::Create) => world.create(actor, change, ids)?,
        (Some(req), Action::Create) => return Err(Refusal::Exists { id: req.id.clone() }),
        (None, _) => return Err(Refusal::NotCreated),
        (Some(req), _) => world.apply(req, actor, change)?,
    };
    let assets = effects::apply(world, &mut request, ids)?;
    Ok(Outcome { request, assets })
}

impl World<'_> {
    /// A new request at the first step. Anyone in people.toml may ask: the first step is then
    /// done by its own role, as every other step.
    fn create(&self, requester: &Person, change: Change, ids: Ids) -> Result<Request, Refusal> {
        let p = self.procedure;
        if p.draft {
            return Err(Refusal::Draft {
                procedure: p.id().to_string(),
                file: p.file.display().to_string(),
            });
        }
        let first = p.first().ok_or_else(|| Refusal::NoSteps {
            procedure: p.id().to_string(),
        })?;
        let given = self.parse_fields(&p.fields, &change.fields, "the request form")?;
        let missing = missing(&p.fields, &given);
        if !missing.is_empty() {
            return Err(Refusal::MissingFields {
                whose: format!("procedure '{}'", p.id()),
                names: missing,
            });
        }
        let asset = match &change.asset {
            Some(id) => Some(self.asset(id)?),
            None => None,
        };
        effects::check_request(p, asset.as_ref())?;
        let mut req = Request {
            id: ids(p.prefix()),
            procedure: p.id().to_string(),
            version: p.version,
            title: change.title.unwrap_or_else(|| p.name.clone()),
            status: OPEN.into(),
            step: Some(first.id().to_string()),
            requester: requester.id.clone(),
            created: self.now,
            asset: asset.map(|a| a.id),
            fields: given.clone(),
            history: Vec::new(),
        };
        let to = self.move_to(&mut req, first.id())?;
        req.history.push(Entry {
            step: first.id().to_string(),
            action: Action::Create,
            by: requester.id.clone(),
            acting_for: None,
            at: self.now,
            to: Some(to),
            option: None,
            output: None,
            note: None,
            fields: given,
        });
        Ok(req)
    }

    /// An asset of the register, which must exist.
    fn asset(&self, id: &str) -> Result<Asset, Refusal> {
        match (self.assets)(id) {
            Ok(Some(asset)) => Ok(asset),
            Ok(None) => Err(Refusal::NoAsset { id: id.to_string() }),
            Err(problem) => Err(Refusal::Asset {
                id: id.to_string(),
                procedure: self.procedure.id().to_string(),
                problem,
            }),
        }
    }

    /// Applies one change to a request, or says why it may not happen.
    fn apply(&self, req: &Request, actor: &Person, change: Change) -> Result<Request, Refusal> {
        let p = self.procedure;
        if !req.is_open() {
            return Err(Refusal::Finished {
                id: req.id.clone(),
                status: req.status.clone(),
            });
        }
        let step_id = req.step.as_deref().unwrap_or_default();
        let step = p.step(step_id).ok_or_else(|| Refusal::StepGone {
            id: req.id.clone(),
            step: step_id.to_string(),
            procedure: p.id().to_string(),
        })?;
        let mut next = req.clone();
        if change.action == Action::Cancel {
            return self.cancel(next, step, actor, change);
        }
        self.check_kind(req, step, change.action)?;
        if matches!(change.action, Action::Approve | Action::Reject)
            && actor.id == req.requester
            && !self.config.policy.allow_self_approval
        {
            return Err(Refusal::SelfDecision {
                actor: actor.id.clone(),
                id: req.id.clone(),
                held_by: self.held_by(step),
            });
        }
        let acting_for = self.authorize(req, step, actor)?;
        let given = self.parse_fields(
            &step.fields,
            &change.fields,
            &format!("step '{}'", step.id()),
        )?;
        next.fields.extend(given.clone());
        let missing = missing(&step.fields, &next.fields);
        if !missing.is_empty() && change.action != Action::Reject {
            return Err(Refusal::MissingFields {
                whose: format!("step '{}' of {}", step.id(), req.id),
                names: missing,
            });
        }
        let target = self.target(req, step, &change)?;
        if let (Some(field), Some(option)) = (&step.field, &change.option) {
            next.fields
                .insert(field.clone(), Value::Text(option.clone()));
        }
        let to = self.move_to(&mut next, &target)?;
        let note = match change.action {
            Action::Reject => change.note.clone(),
            _ => change.note.clone().filter(|n| !n.trim().is_empty()),
        };
        next.history.push(Entry {
            step: step.id().to_string(),
            action: change.action,
            by: actor.id.clone(),
            acting_for,
            at: self.now,
            to: Some(to),
            option: change.option,
            output: change.output.filter(|o| !o.trim().is_empty()),
            note,
            fields: given,
        });
        Ok(next)
    }

    fn cancel(
        &self,
        mut req: Request,
        step: &Step,
        actor: &Person,
        change: Change,
    ) -> Result<Request, Refusal> {
        let reason = require_reason(&change.note, Action::Cancel)?;
        let admin = &self.config.policy.admin_role;
        let is_admin = self
            .people
            .holds(&actor.id, admin, self.now.date_naive())
            .is_some();
        if actor.id != req.requester && !is_admin {
            return Err(Refusal::CancelNotPermitted {
                id: req.id.clone(),
                requester: req.requester.clone(),
                admin: admin.clone(),
            });
        }
        req.status = CANCELLED.into();
        req.step = None;
        req.history.push(Entry {
            step: step.id().to_string(),
            action: Action::Cancel,
            by: actor.id.clone(),
            acting_for: None,
            at: self.now,
            to: None,
            option: None,
            output: None,
            note: Some(reason),
            fields: Fields::new(),
        });
        Ok(req)
    }

    fn check_kind(&self, req: &Request, step: &Step, action: Action) -> Result<(), Refusal> {
        let right = match step.kind {
            Kind::Task | Kind::Decision => action == Action::Advance,
            Kind::Approval => matches!(action, Action::Approve | Action::Reject),
            Kind::End => false,
        };
        if right {
            return Ok(());
        }
        Err(Refusal::WrongKind {
            id: req.id.clone(),
            action,
            step: step.id().to_string(),
            kind: step.kind,
            options: step.options.keys().cloned().collect(),
        })
    }

    /// Where a change leads from `step`.
    fn target(&self, req: &Request, step: &Step, change: &Change) -> Result<String, Refusal> {
        let p = self.procedure;
        let found = |label: &str| {
            p.exits(step)
                .into_iter()
                .find(|(l, _)| *l == label)
                .map(|(_, t)| t.get_ref().clone())
        };
        let nowhere = || Refusal::LeadsNowhere {
            procedure: p.id().to_string(),
            step: step.id().to_string(),
        };
        match (step.kind, change.action) {
            (Kind::Decision, _) => {
                let options: Vec<String> = step.options.keys().cloned().collect();
                let Some(option) = &change.option else {
                    return Err(Refusal::NeedsOption {
                        id: req.id.clone(),
                        step: step.id().to_string(),
                        options,
                    });
                };
                found(option).ok_or_else(|| Refusal::UnknownOption {
                    step: step.id().to_string(),
                    option: option.clone(),
                    options,
                })
            }
            (_, _) if change.option.is_some() => Err(Refusal::NotADecision {
                id: req.id.clone(),
                step: step.id().to_string(),
                kind: step.kind,
            }),
            (Kind::Approval, Action::Reject) => {
                require_reason(&change.note, Action::Reject)?;
                found("reject").ok_or_else(nowhere)
            }
            (Kind::Approval, _) => found("approve").ok_or_else(nowhere),
            _ => found("done").ok_or_else(nowhere),
        }
    }

    /// Moves the request to `target`, taking automatic decisions and finishing at an end.
    /// Returns the step the request came to rest at.
    fn move_to(&self, req: &mut Request, target: &str) -> Result<String, Refusal> {
        let p = self.procedure;
        let mut target = target.to_string();
        for _ in 0..=p.steps.len() {
            let step = p.step(&target).ok_or_else(|| Refusal::UnknownTarget {
                procedure: p.id().to_string(),
                target: target.clone(),
            })?;
            match (&step.kind, &step.by_field) {
                (Kind::End, _) => {
                    req.status = step.outcome().to_string();
                    req.step = None;
                    return Ok(target);
                }
                (Kind::Decision, Some(by)) => {
                    let value = req.fields.get(by).map(Value::to_string).unwrap_or_default();
                    target = step
                        .options
                        .get(&value)
                        .map(|t| t.get_ref().clone())
                        .ok_or_else(|| Refusal::NoRoute {
                            id: req.id.clone(),
                            step: step.id().to_string(),
                            field: by.clone(),
                            value,
                        })?;
                }
                _ => {
                    req.step = Some(target.clone());
                    return Ok(target);
                }
            }
        }
        Err(Refusal::AutomaticLoop {
            procedure: p.id().to_string(),
        })
    }

    /// Whether `actor` may act on `step` of `req`; `Some(role)` when acting as a stand-in.
    fn authorize(
        &self,
        req: &Request,
        step: &Step,
        actor: &Person,
    ) -> Result<Option<String>, Refusal> {
        let requester_role = &self.config.policy.requester_role;
        let date = self.now.date_naive();
        let roles = step.role.list();
        if roles.contains(requester_role) && actor.id == req.requester {
            return Ok(None);
        }
        for role in roles.iter().filter(|r| *r != requester_role) {
            match self.people.holds(&actor.id, role, date) {
                Some(Holding::Own) => return Ok(None),
                Some(Holding::StandIn) => return Ok(Some(role.clone())),
                None => {}
            }
        }
        Err(Refusal::NotPermitted {
            actor: actor.id.clone(),
            id: req.id.clone(),
            step: step.id().to_string(),
            activity: step.activity.clone(),
            held_by: self.held_by(step),
        })
    }

    /// "it is for role X, held by: a (A), b (B)" — who to ask instead.
    fn held_by(&self, step: &Step) -> String {
        let date = self.now.date_naive();
        let requester_role = &self.config.policy.requester_role;
        let mut parts = Vec::new();
        for role in step.role.list() {
            let label = self.config.role_label(role);
            if role == requester_role {
                parts.push(format!("{label} ({role}): the requester"));
                continue;
            }
            let holders: Vec<String> = self
                .people
                .holders(role, date)
                .iter()
                .map(|p| format!("{} ({})", p.id, p.name))
                .collect();
            let holders = if holders.is_empty() {
                "nobody in people.toml".to_string()
            } else {
                holders.join(", ")
            };
            parts.push(format!("{label} ({role}), held by {holders}"));
        }
        if parts.is_empty() {
            return "the step names no role".into();
        }
        format!("the step is for {}", parts.join("; or "))
    }

    fn parse_fields(
        &self,
        declared: &[crate::field::Field],
        given: &[(String, String)],
        whose: &str,
    ) -> Result<Fields, Refusal> {
        let mut out = Fields::new();
        let is_person = |who: &str| self.people.find(who).is_some();
        for (name, raw) in given {
            let field =
                declared
                    .iter()
                    .find(|f| &f.name == name)
                    .ok_or_else(|| Refusal::UnknownField {
                        whose: whose.to_string(),
                        name: name.clone(),
                        known: declared.iter().map(|f| f.name.clone()).collect(),
                    })?;
            let value = field.parse(raw, &is_person).map_err(Refusal::BadField)?;
            out.insert(name.clone(), value);
        }
        Ok(out)
    }
}

/// Every text a person gives within its limit (src/limits.rs) and free of control characters,
/// so that records stay small, printable and readable by other tools.
fn check_texts(change: &Change) -> Result<(), Refusal> {
    use crate::limits::{control_char, size, FIELD_BYTES, TEXT_BYTES, TITLE_CHARS};
    let bad = |what: &str, why: String| Refusal::BadText {
        what: what.to_string(),
        why,
    };
    if let Some(title) = &change.title {
        let chars = title.chars().count();
        if chars > TITLE_CHARS {
            return Err(bad(
                "the title",
                format!("has {chars} characters, over the limit of {TITLE_CHARS}"),
            ));
        }
        if let Some(why) = control_char(title) {
            return Err(bad("the title", why));
        }
    }
    let note = match change.action {
        Action::Reject | Action::Cancel => "the reason",
        _ => "the note",
    };
    for (what, text) in [(note, &change.note), ("the output", &change.output)] {
        let Some(text) = text else { continue };
        if text.len() > TEXT_BYTES {
            return Err(bad(
                what,
                format!(
                    "has {} bytes, over the limit of {}",
                    text.len(),
                    size(TEXT_BYTES as u64)
                ),
            ));
        }
        if let Some(why) = control_char(text) {
            return Err(bad(what, why));
        }
    }
    for (name, value) in &change.fields {
        let what = format!("field '{name}'");
        if value.len() > FIELD_BYTES {
            return Err(bad(
                &what,
                format!(
                    "has {} bytes, over the limit of {}",
                    value.len(),
                    size(FIELD_BYTES as u64)
                ),
            ));
        }
        if let Some(why) = control_char(value) {
            return Err(bad(&what, why));
        }
    }
    Ok(())
}

/// The required fields of `declared` that `have` lacks.
fn missing(declared: &[crate::field::Field], have: &Fields) -> Vec<String> {
    declared
        .iter()
        .filter(|f| f.required && !have.contains_key(&f.name))
        .map(|f| f.name.clone())
        .collect()
}

fn require_reason(note: &Option<String>, action: Action) -> Result<String, Refusal> {
    note.as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .ok_or(Refusal::NeedsReason { action })
}

#[cfg(test)]
mod tests {
    use super::change as change_fn;
    use super::*;
    use std::path::Path;

    const PROC: &str = r#"
id = "t"
prefix = "TT"
name = "Test"
version = 1
[[fields]]
name = "alasan"
required = true
[[steps]]
id = "isi"
activity = "Mengisi form"
role = "pemohon"
[[steps]]
id = "lokasi"
activity = "Menentukan lokasi"
role = "staf"
kind = "decision"
field = "lokasi"
options = { dc = "setuju", user = "isi" }
[[steps]]
id = "setuju"
activity = "Memberi persetujuan"
role = ["kasi", "kadis"]
kind = "approval"
approve = "data"
reject = "ditolak"
[[steps]]
id = "data"
activity = "Mendata"
role = "staf"
[[steps.fields]]
name = "seri"
required = true
[[steps]]
id = "rute"
activity = "Rute"
kind = "decision"
by_field = "lokasi"
options = { dc = "selesai", user = "selesai" }
[[steps]]
id = "selesai"
activity = "Selesai"
kind = "end"
[[steps]]
id = "ditolak"
activity = "Menerima alasan"
kind = "end"
outcome = "rejected"
"#;

    const PEOPLE: &str = r#"
[[people]]
id = "uli"
name = "Uli"
email = "uli@x.id"
[[people]]
id = "sri"
name = "Sri"
email = "sri@x.id"
roles = ["staf"]
[[people]]
id = "kas"
name = "Kas"
email = "kas@x.id"
roles = ["kasi"]
[[people]]
id = "plt"
name = "Plt"
email = "plt@x.id"
[[standins]]
person = "plt"
role = "kadis"
from = 2026-11-01
to = 2026-11-30
"#;

    struct Fixture {
        procedure: Procedure,
        config: Config,
        people: People,
    }

    fn fixture() -> Fixture {
        Fixture {
            procedure: Procedure::parse(PROC, Path::new("procedures/t.toml")).unwrap(),
            config: toml::from_str(
                "[roles]\npemohon='User'\nstaf='Staf'\nkasi='Kasi'\nkadis='Kadis'\n",
            )
            .unwrap(),
            people: toml::from_str(PEOPLE).unwrap(),
        }
    }

    fn no_assets(_: &str) -> Result<Option<Asset>, String> {
        Ok(None)
    }

    impl Fixture {
        fn world(&self) -> World<'_> {
            World {
                procedure: &self.procedure,
                config: &self.config,
                people: &self.people,
                assets: &no_assets,
                now: DateTime::parse_from_rfc3339("2026-11-23T09:00:00+07:00").unwrap(),
            }
        }
        fn who(&self, id: &str) -> &Person {
            self.people.find(id).unwrap()
        }
        fn create(&self, fields: &[(&str, &str)]) -> Result<Request, Refusal> {
            let change = Change {
                fields: fields
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
                ..Change::new(Action::Create)
            };
            let mut ids = |prefix: &str| format!("{prefix}-1");
            change_fn(&self.world(), None, self.who("uli"), change, &mut ids).map(|o| o.request)
        }
        fn new_request(&self) -> Request {
            self.create(&[("alasan", "perlu")]).unwrap()
        }
        fn act(
            &self,
            req: &Request,
            who: &str,
            action: Action,
            f: impl FnOnce(&mut Change),
        ) -> Result<Request, Refusal> {
            let mut change = Change::new(action);
            f(&mut change);
            let mut ids = |_: &str| unreachable!("no ids outside create");
            change_fn(&self.world(), Some(req), self.who(who), change, &mut ids).map(|o| o.request)
        }
    }

    fn exit_code(r: &Refusal) -> u8 {
        r.code() as u8
    }

    #[test]
    fn walks_to_completion_with_routing() {
        let fx = fixture();
        let r = fx.new_request();
        assert_eq!(r.step.as_deref(), Some("isi"));
        assert_eq!(r.history[0].action, Action::Create);
        let r = fx.act(&r, "uli", Action::Advance, |_| {}).unwrap();
        let r = fx
            .act(&r, "sri", Action::Advance, |c| c.option = Some("dc".into()))
            .unwrap();
        assert_eq!(r.fields["lokasi"], Value::Text("dc".into()));
        let r = fx.act(&r, "kas", Action::Approve, |_| {}).unwrap();
        let r = fx
            .act(&r, "sri", Action::Advance, |c| {
                c.fields = vec![("seri".into(), "SN1".into())]
            })
            .unwrap();
        assert_eq!(r.status, "completed");
        assert_eq!(r.step, None);
        assert_eq!(r.history.last().unwrap().to.as_deref(), Some("selesai"));
        assert_eq!(r.history.len(), 5);
    }

    #[test]
    fn decision_loops_back() {
        let fx = fixture();
        let r = fx
            .act(&fx.new_request(), "uli", Action::Advance, |_| {})
            .unwrap();
        let r = fx
            .act(&r, "sri", Action::Advance, |c| {
                c.option = Some("user".into())
            })
            .unwrap();
        assert_eq!(r.step.as_deref(), Some("isi"));
        assert!(r.is_open());
    }

    #[test]
    fn reject_needs_reason_and_ends_rejected() {
        let fx = fixture();
        let r = fx
            .act(&fx.new_request(), "uli", Action::Advance, |_| {})
            .unwrap();
        let r = fx
            .act(&r, "sri", Action::Advance, |c| c.option = Some("dc".into()))
            .unwrap();
        let err = fx.act(&r, "kas", Action::Reject, |_| {}).unwrap_err();
        assert_eq!(exit_code(&err), 3);
        assert!(err.to_string().contains("needs a reason"));
        let r = fx
            .act(&r, "kas", Action::Reject, |c| {
                c.note = Some("tidak perlu".into())
            })
            .unwrap();
        assert_eq!(r.status, "rejected");
        assert_eq!(
            r.history.last().unwrap().note.as_deref(),
            Some("tidak perlu")
        );
    }

    #[test]
    fn stand_in_acts_for_role() {
        let fx = fixture();
        let r = fx
            .act(&fx.new_request(), "uli", Action::Advance, |_| {})
            .unwrap();
        let r = fx
            .act(&r, "sri", Action::Advance, |c| c.option = Some("dc".into()))
            .unwrap();
        let r = fx.act(&r, "plt", Action::Approve, |_| {}).unwrap();
        assert_eq!(
            r.history.last().unwrap().acting_for.as_deref(),
            Some("kadis")
        );
    }

    #[test]
    fn refusals() {
        let fx = fixture();
        let r = fx.new_request();
        // wrong role: only the requester fills the form
        let err = fx.act(&r, "sri", Action::Advance, |_| {}).unwrap_err();
        assert_eq!(exit_code(&err), 4);
        // approve on a task
        let err = fx.act(&r, "uli", Action::Approve, |_| {}).unwrap_err();
        assert_eq!(exit_code(&err), 3);
        assert!(
            matches!(
                &err,
                Refusal::WrongKind {
                    kind: Kind::Task,
                    ..
                }
            ),
            "{err}"
        );
        let r = fx.act(&r, "uli", Action::Advance, |_| {}).unwrap();
        // decision without --choose, with an unknown option, wrong role
        assert!(fx
            .act(&r, "sri", Action::Advance, |_| {})
            .unwrap_err()
            .to_string()
            .contains("choose one of dc, user"));
        assert!(fx
            .act(&r, "sri", Action::Advance, |c| c.option = Some("x".into()))
            .is_err());
        let err = fx
            .act(&r, "kas", Action::Advance, |c| c.option = Some("dc".into()))
            .unwrap_err();
        assert_eq!(exit_code(&err), 4);
        assert!(
            err.to_string().contains("Staf (staf), held by sri (Sri)"),
            "{err}"
        );
        let r = fx
            .act(&r, "sri", Action::Advance, |c| c.option = Some("dc".into()))
            .unwrap();
        // advance on an approval
        assert_eq!(
            exit_code(&fx.act(&r, "kas", Action::Advance, |_| {}).unwrap_err()),
            3
        );
        // the requester may not approve their own request
        assert_eq!(
            exit_code(&fx.act(&r, "uli", Action::Approve, |_| {}).unwrap_err()),
            4
        );
        let r = fx.act(&r, "kas", Action::Approve, |_| {}).unwrap();
        // missing and invalid step fields
        let err = fx.act(&r, "sri", Action::Advance, |_| {}).unwrap_err();
        assert!(err.to_string().contains("needs field(s) seri"), "{err}");
        let err = fx
            .act(&r, "sri", Action::Advance, |c| {
                c.fields = vec![("nope".into(), "1".into())]
            })
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("has no field 'nope': it takes seri"),
            "{err}"
        );
        let r = fx
            .act(&r, "sri", Action::Advance, |c| {
                c.fields = vec![("seri".into(), "1".into())]
            })
            .unwrap();
        // a finished request
        let err = fx.act(&r, "sri", Action::Advance, |_| {}).unwrap_err();
        assert_eq!(exit_code(&err), 3);
        assert!(err.to_string().contains("already completed"));
    }

    #[test]
    fn self_approval_allowed_by_policy() {
        let mut fx = fixture();
        fx.config.policy.allow_self_approval = true;
        fx.people.people[0].roles.push("kasi".into());
        fx.people.people[0].roles.push("staf".into());
        let r = fx
            .act(&fx.new_request(), "uli", Action::Advance, |_| {})
            .unwrap();
        let r = fx
            .act(&r, "uli", Action::Advance, |c| c.option = Some("dc".into()))
            .unwrap();
        assert!(fx.act(&r, "uli", Action::Approve, |_| {}).is_ok());
    }

    #[test]
    fn cancel_by_requester_only_with_reason() {
        let fx = fixture();
        let r = fx.new_request();
        assert_eq!(
            exit_code(&fx.act(&r, "uli", Action::Cancel, |_| {}).unwrap_err()),
            3
        );
        assert_eq!(
            exit_code(
                &fx.act(&r, "sri", Action::Cancel, |c| c.note = Some("x".into()))
                    .unwrap_err()
            ),
            4
        );
        let r = fx
            .act(&r, "uli", Action::Cancel, |c| c.note = Some("batal".into()))
            .unwrap();
        assert_eq!(r.status, "cancelled");
        assert_eq!(r.step, None);
    }

    #[test]
    fn create_requires_form_fields() {
        let fx = fixture();
        let err = fx.create(&[]).unwrap_err();
        assert_eq!(exit_code(&err), 3);
        assert!(err.to_string().contains("needs field(s) alasan"));
    }

    /// The fixture's procedure with `from` replaced by `to` in its text.
    fn edited(from: &str, to: &str) -> Fixture {
        let mut fx = fixture();
        assert!(PROC.contains(from), "{from}");
        fx.procedure =
            Procedure::parse(&PROC.replace(from, to), Path::new("procedures/t.toml")).unwrap();
        fx
    }

    #[test]
    fn a_step_the_procedure_no_longer_has_is_refused() {
        let fx = fixture();
        let mut r = fx.new_request();
        r.step = Some("dihapus".into());
        let err = fx.act(&r, "uli", Action::Advance, |_| {}).unwrap_err();
        assert_eq!(
            err,
            Refusal::StepGone {
                id: "TT-1".into(),
                step: "dihapus".into(),
                procedure: "t".into()
            }
        );
        assert_eq!(exit_code(&err), 3);
    }

    #[test]
    fn a_circle_of_automatic_decisions_is_refused() {
        // 'rute' routes by field to itself: the request would never come to rest.
        let fx = edited(
            r#"options = { dc = "selesai", user = "selesai" }"#,
            r#"options = { dc = "rute", user = "rute" }"#,
        );
        let r = fx.new_request();
        let r = fx.act(&r, "uli", Action::Advance, |_| {}).unwrap();
        let r = fx
            .act(&r, "sri", Action::Advance, |c| c.option = Some("dc".into()))
            .unwrap();
        let r = fx.act(&r, "kas", Action::Approve, |_| {}).unwrap();
        let err = fx
            .act(&r, "sri", Action::Advance, |c| {
                c.fields = vec![("seri".into(), "1".into())]
            })
            .unwrap_err();
        assert_eq!(
            err,
            Refusal::AutomaticLoop {
                procedure: "t".into()
            }
        );
    }

    #[test]
    fn an_option_on_a_step_that_is_not_a_decision_is_refused() {
        let fx = fixture();
        let r = fx.new_request();
        let err = fx
            .act(&r, "uli", Action::Advance, |c| c.option = Some("dc".into()))
            .unwrap_err();
        assert_eq!(
            err,
            Refusal::NotADecision {
                id: "TT-1".into(),
                step: "isi".into(),
                kind: Kind::Task
            }
        );
        assert!(
            !err.to_string().contains("--choose"),
            "no CLI advice: {err}"
        );
    }

    #[test]
    fn a_routing_value_with_no_option_is_refused() {
        let fx = edited(
            r#"options = { dc = "selesai", user = "selesai" }"#,
            r#"options = { user = "selesai" }"#,
        );
        let r = fx.new_request();
        let r = fx.act(&r, "uli", Action::Advance, |_| {}).unwrap();
        let r = fx
            .act(&r, "sri", Action::Advance, |c| c.option = Some("dc".into()))
            .unwrap();
        let r = fx.act(&r, "kas", Action::Approve, |_| {}).unwrap();
        let err = fx
            .act(&r, "sri", Action::Advance, |c| {
                c.fields = vec![("seri".into(), "1".into())]
            })
            .unwrap_err();
        assert_eq!(
            err,
            Refusal::NoRoute {
                id: "TT-1".into(),
                step: "rute".into(),
                field: "lokasi".into(),
                value: "dc".into()
            }
        );
    }

    #[test]
    fn create_and_change_are_refused_out_of_turn() {
        let fx = fixture();
        let r = fx.new_request();
        let mut ids = |p: &str| format!("{p}-2");
        let again = change_fn(
            &fx.world(),
            Some(&r),
            fx.who("uli"),
            Change::new(Action::Create),
            &mut ids,
        );
        assert_eq!(again.unwrap_err(), Refusal::Exists { id: "TT-1".into() });
        let none = change_fn(
            &fx.world(),
            None,
            fx.who("uli"),
            Change::new(Action::Advance),
            &mut ids,
        );
        assert_eq!(none.unwrap_err(), Refusal::NotCreated);
    }

    #[test]
    fn a_draft_takes_no_requests_and_an_unknown_option_is_named() {
        let fx = edited("version = 1", "version = 1\ndraft = true");
        assert!(matches!(
            fx.create(&[("alasan", "x")]),
            Err(Refusal::Draft { .. })
        ));
        let fx = fixture();
        let r = fx
            .act(&fx.new_request(), "uli", Action::Advance, |_| {})
            .unwrap();
        let err = fx
            .act(&r, "sri", Action::Advance, |c| c.option = Some("x".into()))
            .unwrap_err();
        assert_eq!(
            err,
            Refusal::UnknownOption {
                step: "lokasi".into(),
                option: "x".into(),
                options: vec!["dc".into(), "user".into()]
            }
        );
    }

    #[test]
    fn refusal_messages_carry_no_command_line_advice() {
        // Hints are the command layer's: verify quotes refusals as findings.
        let fx = fixture();
        let r = fx.new_request();
        for err in [
            fx.act(&r, "uli", Action::Approve, |_| {}).unwrap_err(),
            fx.create(&[]).unwrap_err(),
            fx.act(&r, "uli", Action::Cancel, |_| {}).unwrap_err(),
        ] {
            let text = err.to_string();
            assert!(!text.contains("sop ") && !text.contains("--"), "{text}");
        }
    }

    #[test]
    fn texts_over_their_limits_are_refused() {
        use crate::limits::{FIELD_BYTES, TEXT_BYTES, TITLE_CHARS};
        let fx = fixture();
        let r = fx.new_request();
        let long_note = "x".repeat(TEXT_BYTES + 1);
        let err = fx
            .act(&r, "uli", Action::Advance, |c| c.note = Some(long_note))
            .unwrap_err();
        assert!(
            matches!(&err, Refusal::BadText { what, .. } if what == "the note"),
            "{err}"
        );
        let err = fx
            .act(&r, "uli", Action::Cancel, |c| {
                c.note = Some("a\u{1b}[2Jb".into())
            })
            .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("the reason contains a control character"),
            "{err}"
        );
        let err = fx
            .create(&[("alasan", &"y".repeat(FIELD_BYTES + 1))])
            .unwrap_err();
        assert!(err.to_string().starts_with("field 'alasan' has"), "{err}");
        let mut ids = |p: &str| format!("{p}-9");
        let change = Change {
            title: Some("t".repeat(TITLE_CHARS + 1)),
            fields: vec![("alasan".into(), "ok".into())],
            ..Change::new(Action::Create)
        };
        let err = change_fn(&fx.world(), None, fx.who("uli"), change, &mut ids).unwrap_err();
        assert!(
            err.to_string().starts_with("the title has 201 characters"),
            "{err}"
        );
        // Exactly at the limit is fine.
        let note = "x".repeat(TEXT_BYTES);
        assert!(fx
            .act(&r, "uli", Action::Advance, |c| c.note = Some(note))
            .is_ok());
    }
}
