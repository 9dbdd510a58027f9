//! The pure state machine: one function, `change`, takes a request (or none), the rules,
//! the actor and what they ask, and returns the whole outcome — the new request and every
//! asset the change writes — or a typed refusal. No I/O here: everything a rule needs is
//! passed in. `sop` runs it to make a change and `sop verify` replays it to judge one.

mod actions;
mod calls;
mod effects;
mod refusal;

use chrono::{DateTime, FixedOffset};

pub use actions::TITLE;
pub use refusal::Refusal;

use crate::asset::Asset;
use crate::config::Config;
use crate::field::{FieldType, Fields, Value};
use crate::people::{Holding, People, Person};
use crate::procedure::{Kind, Procedure, Roles, Step};
use crate::request::{Action, Attachment, Entry, Outsider, Request, CANCELLED, HELD, OPEN};

/// What the rules see of the world: the rules as of one commit, and the time.
pub struct World<'a> {
    pub procedure: &'a Procedure,
    pub config: &'a Config,
    pub people: &'a People,
    /// The asset register as of the same commit: an asset by id, if there is one.
    pub assets: &'a dyn Fn(&str) -> Result<Option<Asset>, String>,
    /// The other procedures as of the same commit, by id (what a `call` step starts).
    pub procedures: &'a dyn Fn(&str) -> Result<std::rc::Rc<Procedure>, String>,
    /// The other requests as of the same commit, by id (the parent a sub-request returns to).
    pub requests: &'a dyn Fn(&str) -> Result<Option<Request>, String>,
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
    /// Secret fields said to have been given, by name: only `verify` replays them so, since
    /// their values were never stored. `sop` passes secrets as `fields`.
    pub secrets: Vec<String>,
    /// `assign`: the person (id or email) to give the step to.
    pub assignee: Option<String>,
    /// `hold`: the day the hold is expected to end.
    pub until: Option<chrono::NaiveDate>,
    /// At create: the outside requester staff open the request for.
    pub on_behalf_of: Option<Outsider>,
    /// The files attached with this change (the command layer read them; `verify` takes them
    /// from the history entry). One naming a `field` fills that `file` field.
    pub attachments: Vec<Attachment>,
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
            secrets: Vec::new(),
            assignee: None,
            until: None,
            on_behalf_of: None,
            attachments: Vec::new(),
        }
    }
}

/// How an actor may act on a step: in their own right, as a stand-in for a role, or for an
/// outside requester.
#[derive(Debug, Default)]
struct Acting {
    acting_for: Option<String>,
    on_behalf: bool,
}

/// Everything one change writes.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub request: Request,
    /// The assets the change writes: the request's asset when a step changes it, and every
    /// asset it registers.
    pub assets: Vec<Asset>,
    /// The other requests the change writes through `call` steps: a sub-request it started,
    /// or the parent an ended sub-request led on.
    pub linked: Vec<Request>,
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
    world.check_attachments(before, &change)?;
    let attachments = change.attachments.clone();
    let mut request = match (before, change.action) {
        (None, Action::Create) => world.create(actor, change, ids)?,
        (Some(req), Action::Create) => return Err(Refusal::Exists { id: req.id.clone() }),
        (None, _) => return Err(Refusal::NotCreated),
        (Some(req), _) => world.apply(req, actor, change)?,
    };
    if !attachments.is_empty() {
        let entry = request.history.last_mut().expect("a change adds an entry");
        entry.attachments = attachments.clone();
        request.attachments.extend(attachments);
    }
    let assets = effects::apply(world, &mut request, ids)?;
    let mut outcome = Outcome {
        request,
        assets,
        linked: Vec::new(),
    };
    calls::settle(world, actor, ids, &mut outcome)?;
    Ok(outcome)
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
        let on_behalf = match &change.on_behalf_of {
            Some(outsider) => {
                self.check_on_behalf(requester, outsider)?;
                true
            }
            None => false,
        };
        let form: Vec<_> = p.fields.iter().collect();
        let (given, secrets) = self.parse_fields(&form, &change, &t!(WhoseForm))?;
        let missing = missing(&p.fields, &given, &secrets);
        if !missing.is_empty() {
            return Err(Refusal::MissingFields {
                whose: t!(WhoseProcedure, id = p.id()),
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
            assignee: None,
            fields: given.clone(),
            on_behalf_of: change.on_behalf_of,
            parent: None,
            children: Vec::new(),
            hold: None,
            attachments: Vec::new(),
            history: Vec::new(),
        };
        let to = self.move_to(&mut req, first.id())?;
        req.history.push(Entry {
            to: Some(to),
            fields: given,
            secrets,
            on_behalf,
            ..Entry::new(first.id(), Action::Create, &requester.id, self.now)
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
        match change.action {
            Action::Comment => return self.comment(req, actor, change),
            Action::Resume if !req.is_open() && req.status != HELD => {
                return self.reopen(req, actor, change)
            }
            _ => {}
        }
        let held = req.status == HELD;
        if !req.is_open() && !held {
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
        match change.action {
            Action::Cancel => return self.cancel(next, step, actor, change),
            Action::Edit => return self.edit(next, step, actor, change),
            Action::Assign => return self.assign(next, step, actor, change),
            Action::Unassign => return self.unassign(next, step, actor, change),
            Action::Resume => return self.resume(next, step, actor, change),
            _ if held => {
                return Err(Refusal::Held {
                    id: req.id.clone(),
                    reason: req.hold.as_ref().map_or("", |h| &h.reason).to_string(),
                })
            }
            Action::Hold => return self.hold(next, step, actor, change),
            _ => {}
        }
        if step.kind == Kind::Call {
            return Err(Refusal::Invalid(calls::waiting(req, step)));
        }
        self.check_kind(req, step, change.action)?;
        if matches!(change.action, Action::Approve | Action::Reject)
            && actor.id == req.requester
            && !self.config.policy.allow_self_approval
        {
            return Err(Refusal::SelfDecision {
                actor: actor.id.clone(),
                id: req.id.clone(),
                held_by: self.held_by(req, step),
            });
        }
        let acting = self.authorize(req, step, actor)?;
        let declared: Vec<_> = step.fields.iter().collect();
        let (given, secrets) =
            self.parse_fields(&declared, &change, &t!(WhoseStepAlone, step = step.id()))?;
        next.fields.extend(given.clone());
        let missing = missing(&step.fields, &next.fields, &secrets);
        if !missing.is_empty() && change.action != Action::Reject {
            return Err(Refusal::MissingFields {
                whose: t!(WhoseStep, step = step.id(), id = req.id),
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
            acting_for: acting.acting_for,
            on_behalf: acting.on_behalf,
            to: Some(to),
            option: change.option,
            output: change.output.filter(|o| !o.trim().is_empty()),
            note,
            fields: given,
            secrets,
            ..Entry::new(step.id(), change.action, &actor.id, self.now)
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
        self.check_no_open_child(&req, step)?;
        let admin = &self.config.policy.admin_role;
        let for_outsider = req.on_behalf_of.is_some() && self.may_act_on_behalf(actor);
        if actor.id != req.requester && !self.is_admin(actor) && !for_outsider {
            return Err(Refusal::CancelNotPermitted {
                id: req.id.clone(),
                requester: req.requester.clone(),
                admin: admin.clone(),
            });
        }
        req.status = CANCELLED.into();
        req.step = None;
        req.assignee = None;
        req.hold = None;
        req.history.push(Entry {
            note: Some(reason),
            ..Entry::new(step.id(), Action::Cancel, &actor.id, self.now)
        });
        Ok(req)
    }

    fn check_kind(&self, req: &Request, step: &Step, action: Action) -> Result<(), Refusal> {
        let right = match step.kind {
            Kind::Task | Kind::Decision => action == Action::Advance,
            Kind::Approval => matches!(action, Action::Approve | Action::Reject),
            Kind::End | Kind::Start | Kind::Call => false,
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
                    req.assignee = None;
                    return Ok(target);
                }
                (Kind::Start, _) => {
                    target = p
                        .exits(step)
                        .first()
                        .map(|(_, t)| t.get_ref().clone())
                        .ok_or_else(|| Refusal::LeadsNowhere {
                            procedure: p.id().to_string(),
                            step: step.id().to_string(),
                        })?;
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
                    req.assignee = step.assign_from.as_ref().and_then(|f| {
                        let named = req.fields.get(f)?.to_string();
                        Some(self.people.find(&named)?.id.clone())
                    });
                    return Ok(target);
                }
            }
        }
        Err(Refusal::AutomaticLoop {
            procedure: p.id().to_string(),
        })
    }

    /// Whether `actor` may act on `step` of `req`, and how. While the step is assigned, only
    /// the assignee or a stand-in for one of its roles may.
    fn authorize(&self, req: &Request, step: &Step, actor: &Person) -> Result<Acting, Refusal> {
        let acting = self.may_do(req, step, actor)?;
        match &req.assignee {
            Some(who) if *who != actor.id && acting.acting_for.is_none() => {
                Err(Refusal::NotPermitted {
                    actor: actor.id.clone(),
                    id: req.id.clone(),
                    step: step.id().to_string(),
                    activity: step.activity.clone(),
                    held_by: t!(HeldByAssigned, who = self.person_name(who)),
                })
            }
            _ => Ok(acting),
        }
    }

    /// Whether `actor` holds a role of `step` (or is the requester at a requester's step),
    /// whoever the step is assigned to.
    fn may_do(&self, req: &Request, step: &Step, actor: &Person) -> Result<Acting, Refusal> {
        let requester_role = &self.config.policy.requester_role;
        let date = self.now.date_naive();
        let roles = self.roles(req, step);
        if roles.contains(requester_role) {
            let outside = req.on_behalf_of.is_some();
            if actor.id == req.requester || (outside && self.may_act_on_behalf(actor)) {
                return Ok(Acting {
                    acting_for: None,
                    on_behalf: outside,
                });
            }
        }
        for role in roles.iter().filter(|r| *r != requester_role) {
            match self.people.holds(&actor.id, role, date) {
                Some(Holding::Own) => return Ok(Acting::default()),
                Some(Holding::StandIn) => {
                    return Ok(Acting {
                        acting_for: Some(role.clone()),
                        on_behalf: false,
                    })
                }
                None => {}
            }
        }
        Err(Refusal::NotPermitted {
            actor: actor.id.clone(),
            id: req.id.clone(),
            step: step.id().to_string(),
            activity: step.activity.clone(),
            held_by: self.held_by(req, step),
        })
    }

    fn is_admin(&self, actor: &Person) -> bool {
        let admin = &self.config.policy.admin_role;
        self.people
            .holds(&actor.id, admin, self.now.date_naive())
            .is_some()
    }

    /// Whether `actor` holds a role the procedure lets open requests for outside requesters
    /// (or the administrator role).
    fn may_act_on_behalf(&self, actor: &Person) -> bool {
        let date = self.now.date_naive();
        self.is_admin(actor)
            || self
                .procedure
                .on_behalf
                .iter()
                .any(|role| self.people.holds(&actor.id, role, date).is_some())
    }

    fn check_on_behalf(&self, actor: &Person, outsider: &Outsider) -> Result<(), Refusal> {
        if outsider.name.trim().is_empty() {
            return Err(Refusal::Invalid(t!(OutsiderNeedsName)));
        }
        if self.may_act_on_behalf(actor) {
            return Ok(());
        }
        let p = self.procedure;
        let roles = match p.on_behalf.is_empty() {
            true => t!(OnBehalfNone),
            false => t!(OnBehalfRoles, roles = p.on_behalf.join(", ")),
        };
        Err(Refusal::Forbidden(t!(
            OnBehalfForbidden,
            actor = actor.id,
            procedure = p.id(),
            roles = roles,
            admin = self.config.policy.admin_role
        )))
    }

    /// "sri (Sri Wahyuni)", or the id alone for someone no longer in people.toml.
    fn person_name(&self, id: &str) -> String {
        match self.people.find(id) {
            Some(p) => format!("{} ({})", p.id, p.name),
            None => id.to_string(),
        }
    }

    /// "it is for role X, held by: a (A), b (B)" — who to ask instead.
    /// The roles that may act at `step` for `req` (a role table picks by the request's field).
    fn roles<'s>(&self, req: &Request, step: &'s Step) -> &'s [String] {
        step.role
            .for_request(|f| req.fields.get(f).map(Value::to_string))
    }

    fn held_by(&self, req: &Request, step: &Step) -> String {
        let date = self.now.date_naive();
        let requester_role = &self.config.policy.requester_role;
        let mut parts = Vec::new();
        for role in self.roles(req, step) {
            let label = self.procedure.role_label(self.config, role);
            if role == requester_role {
                parts.push(t!(HeldByRequester, label = label, role = role));
                continue;
            }
            let holders: Vec<String> = self
                .people
                .holders(role, date)
                .iter()
                .map(|p| format!("{} ({})", p.id, p.name))
                .collect();
            let holders = if holders.is_empty() {
                t!(HeldByNobody)
            } else {
                holders.join(", ")
            };
            parts.push(t!(
                HeldByRole,
                label = label,
                role = role,
                holders = holders
            ));
        }
        if let (true, Roles::ByField(t)) = (parts.is_empty(), &step.role) {
            let value = req.fields.get(&t.field).map(Value::to_string);
            return t!(
                HeldByField,
                field = t.field,
                value = value.unwrap_or_else(|| t!(HeldByNone))
            );
        }
        if parts.is_empty() {
            return t!(HeldByNoRole);
        }
        t!(HeldByFor, parts = parts.join(&t!(HeldByOr)))
    }

    /// The change's fields checked against those `declared`, and the names of the secret
    /// fields given, whose values are dropped here.
    fn parse_fields(
        &self,
        declared: &[&crate::field::Field],
        change: &Change,
        whose: &str,
    ) -> Result<(Fields, Vec<String>), Refusal> {
        let mut out = Fields::new();
        let mut secrets = Vec::new();
        let is_person = |who: &str| self.people.find(who).is_some();
        let find = |name: &str| {
            declared
                .iter()
                .copied()
                .find(|f| f.name == name)
                .ok_or_else(|| Refusal::UnknownField {
                    whose: whose.to_string(),
                    name: name.to_string(),
                    known: declared.iter().map(|f| f.name.clone()).collect(),
                })
        };
        for (name, raw) in &change.fields {
            let field = find(name)?;
            if field.kind == FieldType::File {
                return Err(Refusal::FileField { name: name.clone() });
            }
            let value = field.parse(raw, &is_person).map_err(Refusal::BadField)?;
            if field.kind == FieldType::Secret {
                secrets.push(name.clone());
            } else {
                out.insert(name.clone(), value);
            }
        }
        for name in &change.secrets {
            if find(name)?.kind != FieldType::Secret {
                return Err(Refusal::Invalid(t!(NotSecret, name = name)));
            }
            secrets.push(name.clone());
        }
        for file in &change.attachments {
            let Some(name) = &file.field else { continue };
            let field = find(name)?;
            if field.kind != FieldType::File {
                return Err(Refusal::Attachment {
                    name: file.name.clone(),
                    problem: t!(NotAFileField, name = name),
                });
            }
            check_type(file, &field.types, &t!(EngineTheField, name = name))?;
            out.insert(name.clone(), Value::Text(file.name.clone()));
        }
        secrets.sort();
        secrets.dedup();
        Ok((out, secrets))
    }

    /// The change's attached files within the rules: an action that takes files, names that
    /// are plain file names unique within the request, a field filled at most once, the
    /// procedure's types, and the office's size limits (sop.toml `[attachments]`).
    fn check_attachments(&self, before: Option<&Request>, change: &Change) -> Result<(), Refusal> {
        use crate::limits::{control_char, ATTACHMENT_NAME_CHARS};
        let files = &change.attachments;
        let Some(first) = files.first() else {
            return Ok(());
        };
        if !matches!(
            change.action,
            Action::Create
                | Action::Advance
                | Action::Approve
                | Action::Reject
                | Action::Edit
                | Action::Comment
        ) {
            return Err(Refusal::Attachment {
                name: first.name.clone(),
                problem: t!(TakesNoFiles, action = crate::i18n::action(change.action)),
            });
        }
        let limits = &self.config.attachments;
        let earlier = before.map_or(&[][..], |b| b.attachments.as_slice());
        let bad = |file: &Attachment, problem: String| Refusal::Attachment {
            name: file.name.clone(),
            problem,
        };
        let mut total: u64 = earlier.iter().map(|a| a.size).sum();
        for (i, file) in files.iter().enumerate() {
            let name = &file.name;
            let chars = name.chars().count();
            if name.trim().is_empty() || name == "." || name == ".." {
                return Err(bad(file, t!(EngineNotFileName)));
            }
            if name.contains(['/', '\\']) {
                return Err(bad(file, t!(EngineNoFolders)));
            }
            if chars > ATTACHMENT_NAME_CHARS {
                return Err(bad(
                    file,
                    t!(
                        EngineNameTooLong,
                        chars = chars,
                        limit = ATTACHMENT_NAME_CHARS
                    ),
                ));
            }
            if let Some(why) = control_char(name).or_else(|| control_char(&file.media_type)) {
                return Err(bad(file, why));
            }
            if !crate::layout::is_sha256(&file.sha256) {
                return Err(bad(file, t!(EngineBadSha, sha = file.sha256)));
            }
            let again = earlier.iter().chain(&files[..i]).any(|a| a.name == *name);
            if again {
                return Err(bad(file, t!(EngineAttachedAlready)));
            }
            if let Some(field) = &file.field {
                if change.action == Action::Comment {
                    return Err(bad(file, t!(EngineCommentFills, field = field)));
                }
                if files[..i].iter().any(|a| a.field.as_ref() == Some(field)) {
                    return Err(bad(file, t!(EngineFilledTwice, field = field)));
                }
            }
            if file.size > limits.max_file_bytes() {
                return Err(Refusal::TooLarge {
                    what: t!(EngineAttachmentNamed, name = name),
                    size: file.size,
                    limit_mb: limits.max_file_mb,
                    key: t!(EnginePerFile),
                });
            }
            check_type(
                file,
                &self.procedure.attachment_types,
                &t!(WhoseProcedure, id = self.procedure.id()),
            )?;
            total = total.saturating_add(file.size);
        }
        if total > limits.max_request_bytes() {
            let what = match before {
                Some(req) => t!(EngineFilesOf, id = req.id),
                None => t!(EngineFilesOfNew),
            };
            return Err(Refusal::TooLarge {
                what,
                size: total,
                limit_mb: limits.max_request_mb,
                key: t!(EnginePerRequest),
            });
        }
        Ok(())
    }
}

/// A file of a type `allowed` (short names or media types) takes; any when `allowed` is empty.
fn check_type(file: &Attachment, allowed: &[String], whose: &str) -> Result<(), Refusal> {
    if allowed.is_empty() {
        return Ok(());
    }
    let fits = allowed
        .iter()
        .any(|t| crate::attachment::media_type_of(t) == Some(file.media_type.as_str()));
    if fits {
        return Ok(());
    }
    Err(Refusal::AttachmentType {
        name: file.name.clone(),
        media_type: file.media_type.clone(),
        whose: whose.to_string(),
        allowed: allowed.to_vec(),
    })
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
                &t!(EngineTheTitle),
                t!(EngineCharsOver, chars = chars, limit = TITLE_CHARS),
            ));
        }
        if let Some(why) = control_char(title) {
            return Err(bad(&t!(EngineTheTitle), why));
        }
    }
    let note = match change.action {
        Action::Reject | Action::Cancel | Action::Hold => t!(EngineTheReason),
        Action::Comment => t!(EngineTheComment),
        _ => t!(EngineTheNote),
    };
    if let Some(outsider) = &change.on_behalf_of {
        for (what, text) in [
            (t!(EngineOutsiderName), &outsider.name),
            (t!(EngineOutsiderContact), &outsider.contact),
        ] {
            if text.chars().count() > TITLE_CHARS {
                return Err(bad(&what, t!(EngineOverChars, limit = TITLE_CHARS)));
            }
            if let Some(why) = control_char(text) {
                return Err(bad(&what, why));
            }
            if text.contains(['\n', '\r']) {
                return Err(bad(&what, t!(EngineMultiLine)));
            }
        }
    }
    for (what, text) in [(note, &change.note), (t!(EngineTheOutput), &change.output)] {
        let Some(text) = text else { continue };
        if text.len() > TEXT_BYTES {
            return Err(bad(
                &what,
                t!(
                    EngineBytesOver,
                    len = text.len(),
                    limit = size(TEXT_BYTES as u64)
                ),
            ));
        }
        if let Some(why) = control_char(text) {
            return Err(bad(&what, why));
        }
    }
    for (name, value) in &change.fields {
        let why = match value.len() > FIELD_BYTES {
            true => Some(t!(
                EngineBytesOver,
                len = value.len(),
                limit = size(FIELD_BYTES as u64)
            )),
            false => control_char(value),
        };
        if let Some(why) = why {
            return Err(bad(&t!(EngineTheField, name = name), why));
        }
    }
    Ok(())
}

/// The required fields of `declared` that neither `have` nor the `secrets` given hold.
fn missing(declared: &[crate::field::Field], have: &Fields, secrets: &[String]) -> Vec<String> {
    declared
        .iter()
        .filter(|f| f.required && !have.contains_key(&f.name) && !secrets.contains(&f.name))
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

    fn no_procedures(id: &str) -> Result<std::rc::Rc<Procedure>, String> {
        Err(format!("no procedure '{id}'"))
    }

    fn no_requests(_: &str) -> Result<Option<Request>, String> {
        Ok(None)
    }

    impl Fixture {
        fn world(&self) -> World<'_> {
            World {
                procedure: &self.procedure,
                config: &self.config,
                people: &self.people,
                assets: &no_assets,
                procedures: &no_procedures,
                requests: &no_requests,
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
        /// `req`, at `isi`, walked to `data`: uli fills the form, sri chooses the data
        /// centre, kas approves.
        fn to_data(&self, req: &Request) -> Request {
            let r = self.act(req, "uli", Action::Advance, |_| {}).unwrap();
            let r = self
                .act(&r, "sri", Action::Advance, |c| c.option = Some("dc".into()))
                .unwrap();
            self.act(&r, "kas", Action::Approve, |_| {}).unwrap()
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
        let r = fx.to_data(&fx.new_request());
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
        let r = fx.to_data(&fx.new_request());
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

    /// The request walked to `lokasi` (uli filled the form; sri decides next).
    fn at_lokasi(fx: &Fixture) -> Request {
        fx.act(&fx.new_request(), "uli", Action::Advance, |_| {})
            .unwrap()
    }

    #[test]
    fn a_returned_form_is_corrected_and_other_steps_fields_stay_frozen() {
        let fx = fixture();
        let r = at_lokasi(&fx);
        // Not returned yet, and not uli's step: uli may not edit.
        let err = fx
            .act(&r, "uli", Action::Edit, |c| {
                c.fields = vec![("alasan".into(), "lain".into())]
            })
            .unwrap_err();
        assert_eq!(exit_code(&err), 4, "{err}");
        let r = fx
            .act(&r, "sri", Action::Advance, |c| {
                c.option = Some("user".into())
            })
            .unwrap();
        let since = r.step_since();
        let r = fx
            .act(&r, "uli", Action::Edit, |c| {
                c.fields = vec![("alasan".into(), "perlu sekali".into())];
                c.title = Some("Judul baru".into());
            })
            .unwrap();
        let e = r.history.last().unwrap();
        assert_eq!(e.action, Action::Edit);
        assert_eq!(e.to.as_deref(), Some("isi"));
        assert_eq!(
            e.edits,
            vec![
                crate::request::Edit {
                    name: "title".into(),
                    from: Some("Test".into()),
                    to: "Judul baru".into()
                },
                crate::request::Edit {
                    name: "alasan".into(),
                    from: Some("perlu".into()),
                    to: "perlu sekali".into()
                }
            ]
        );
        assert_eq!(r.fields["alasan"], Value::Text("perlu sekali".into()));
        assert_eq!(r.step_since(), since, "an edit does not move the request");
        // The same values again change nothing.
        let err = fx
            .act(&r, "uli", Action::Edit, |c| {
                c.fields = vec![("alasan".into(), "perlu sekali".into())]
            })
            .unwrap_err();
        assert!(err.to_string().contains("changes nothing"), "{err}");
        // At `data`, staff may change seri but not the form's alasan.
        let r = fx.to_data(&r);
        let err = fx
            .act(&r, "sri", Action::Edit, |c| {
                c.fields = vec![("alasan".into(), "x".into())]
            })
            .unwrap_err();
        assert_eq!(exit_code(&err), 3);
        assert!(
            matches!(&err, Refusal::Frozen { name, editable, .. } if name == "alasan" && editable == &["seri"]),
            "{err}"
        );
        assert!(fx
            .act(&r, "sri", Action::Edit, |c| {
                c.fields = vec![("seri".into(), "SN9".into())]
            })
            .is_ok());
    }

    #[test]
    fn a_step_names_the_fields_it_may_change() {
        let fx = edited(
            "activity = \"Mendata\"\nrole = \"staf\"",
            "activity = \"Mendata\"\nrole = \"staf\"\nedits = [\"alasan\"]",
        );
        let r = fx.to_data(&fx.new_request());
        let r = fx
            .act(&r, "sri", Action::Edit, |c| {
                c.fields = vec![("alasan".into(), "diperbaiki staf".into())]
            })
            .unwrap();
        assert_eq!(r.fields["alasan"], Value::Text("diperbaiki staf".into()));
        let err = fx
            .act(&r, "sri", Action::Edit, |c| {
                c.fields = vec![("seri".into(), "SN1".into())]
            })
            .unwrap_err();
        assert!(
            matches!(&err, Refusal::Frozen { name, editable, .. } if name == "seri" && editable == &["alasan"]),
            "{err}"
        );
    }

    #[test]
    fn comments_never_move_the_request_and_finished_requests_take_them() {
        let fx = fixture();
        let r = at_lokasi(&fx);
        let r2 = fx
            .act(&r, "kas", Action::Comment, |c| c.note = Some("cek".into()))
            .unwrap();
        assert_eq!(r2.step, r.step);
        assert_eq!(r2.step_since(), r.step_since());
        assert!(fx.act(&r, "kas", Action::Comment, |_| {}).is_err());
        let done = fx
            .act(&r, "uli", Action::Cancel, |c| c.note = Some("batal".into()))
            .unwrap();
        let after = fx
            .act(&done, "sri", Action::Comment, |c| {
                c.note = Some("arsip".into())
            })
            .unwrap();
        assert_eq!(after.status, "cancelled");
        assert_eq!(after.history.last().unwrap().step, "lokasi");
    }

    fn with_second_staf() -> Fixture {
        let mut fx = fixture();
        let mut tri = fx.people.people[1].clone();
        tri.id = "tri".into();
        tri.email = "tri@x.id".into();
        fx.people.people.push(tri);
        fx
    }

    #[test]
    fn an_assigned_step_is_for_the_assignee_alone() {
        let fx = with_second_staf();
        let r = at_lokasi(&fx);
        // Only holders of the role (or an administrator) assign, and only to a holder.
        let err = fx
            .act(&r, "uli", Action::Assign, |c| {
                c.assignee = Some("tri".into())
            })
            .unwrap_err();
        assert_eq!(exit_code(&err), 4);
        let err = fx
            .act(&r, "sri", Action::Assign, |c| {
                c.assignee = Some("kas".into())
            })
            .unwrap_err();
        assert_eq!(exit_code(&err), 3);
        let r = fx
            .act(&r, "sri", Action::Assign, |c| {
                c.assignee = Some("tri@x.id".into())
            })
            .unwrap();
        assert_eq!(r.assignee.as_deref(), Some("tri"));
        assert_eq!(r.history.last().unwrap().assignee.as_deref(), Some("tri"));
        let err = fx
            .act(&r, "sri", Action::Advance, |c| c.option = Some("dc".into()))
            .unwrap_err();
        assert_eq!(exit_code(&err), 4);
        assert!(err.to_string().contains("assigned to tri"), "{err}");
        let moved = fx
            .act(&r, "tri", Action::Advance, |c| c.option = Some("dc".into()))
            .unwrap();
        assert_eq!(
            moved.assignee, None,
            "the next step is for every holder again"
        );
        let r = fx.act(&r, "tri", Action::Unassign, |_| {}).unwrap();
        assert_eq!(r.assignee, None);
        assert!(fx.act(&r, "tri", Action::Unassign, |_| {}).is_err());
    }

    #[test]
    fn a_step_is_assigned_from_a_person_field_on_arrival() {
        let fx = Fixture {
            procedure: Procedure::parse(
                &PROC
                    .replace(
                        "activity = \"Mendata\"\nrole = \"staf\"",
                        "activity = \"Mendata\"\nrole = \"staf\"\nassign_from = \"teknisi\"",
                    )
                    .replace(
                        "[[fields]]\nname = \"alasan\"",
                        "[[fields]]\nname = \"teknisi\"\ntype = \"person\"\n[[fields]]\nname = \"alasan\"",
                    ),
                Path::new("procedures/t.toml"),
            )
            .unwrap(),
            ..fixture()
        };
        let r = fx
            .create(&[("alasan", "x"), ("teknisi", "sri@x.id")])
            .unwrap();
        let r = fx.to_data(&r);
        assert_eq!(r.step.as_deref(), Some("data"));
        assert_eq!(r.assignee.as_deref(), Some("sri"));
    }

    #[test]
    fn a_held_request_waits_for_its_resume() {
        let fx = fixture();
        let r = at_lokasi(&fx);
        assert!(matches!(
            fx.act(&r, "sri", Action::Hold, |_| {}),
            Err(Refusal::NeedsReason { .. })
        ));
        assert_eq!(
            exit_code(
                &fx.act(&r, "uli", Action::Hold, |c| c.note = Some("x".into()))
                    .unwrap_err()
            ),
            4
        );
        let held = fx
            .act(&r, "sri", Action::Hold, |c| {
                c.note = Some("menunggu anggaran".into());
                c.until = chrono::NaiveDate::from_ymd_opt(2026, 12, 31);
            })
            .unwrap();
        assert_eq!(held.status, "held");
        assert_eq!(held.hold.as_ref().unwrap().reason, "menunggu anggaran");
        let err = fx
            .act(&held, "sri", Action::Advance, |c| {
                c.option = Some("dc".into())
            })
            .unwrap_err();
        assert!(matches!(err, Refusal::Held { .. }), "{err}");
        assert!(fx
            .act(&held, "kas", Action::Comment, |c| c.note =
                Some("ok".into()))
            .is_ok());
        assert!(fx
            .act(&held, "sri", Action::Hold, |c| c.note = Some("lagi".into()))
            .is_err());
        let resumed = fx.act(&held, "sri", Action::Resume, |_| {}).unwrap();
        assert_eq!(resumed.status, "open");
        assert_eq!(resumed.hold, None);
        assert_eq!(resumed.step_since(), r.step_since());
        assert!(fx.act(&resumed, "sri", Action::Resume, |_| {}).is_err());
        let past = fx.act(&r, "sri", Action::Hold, |c| {
            c.note = Some("x".into());
            c.until = chrono::NaiveDate::from_ymd_opt(2026, 1, 1);
        });
        assert!(past.unwrap_err().to_string().contains("already past"));
    }

    #[test]
    fn a_resumable_end_goes_back_to_its_step() {
        let fx = edited(
            "kind = \"end\"\noutcome = \"rejected\"",
            "kind = \"end\"\noutcome = \"ditunda\"\nresume = \"lokasi\"",
        );
        let r = at_lokasi(&fx);
        let r = fx
            .act(&r, "sri", Action::Advance, |c| c.option = Some("dc".into()))
            .unwrap();
        let r = fx
            .act(&r, "kas", Action::Reject, |c| c.note = Some("tunda".into()))
            .unwrap();
        assert_eq!(r.status, "ditunda");
        assert_eq!(
            exit_code(&fx.act(&r, "uli", Action::Resume, |_| {}).unwrap_err()),
            4
        );
        let back = fx.act(&r, "sri", Action::Resume, |_| {}).unwrap();
        assert_eq!(back.status, "open");
        assert_eq!(back.step.as_deref(), Some("lokasi"));
        let e = back.history.last().unwrap();
        assert_eq!(
            (e.step.as_str(), e.to.as_deref()),
            ("ditolak", Some("lokasi"))
        );
        assert!(e.moves());
        // An end without `resume` stays final.
        let fx = fixture();
        let r = at_lokasi(&fx);
        let r = fx
            .act(&r, "sri", Action::Advance, |c| c.option = Some("dc".into()))
            .unwrap();
        let r = fx
            .act(&r, "kas", Action::Reject, |c| c.note = Some("x".into()))
            .unwrap();
        assert!(fx.act(&r, "sri", Action::Resume, |_| {}).is_err());
    }

    #[test]
    fn staff_open_and_act_for_an_outside_requester() {
        let fx = edited("version = 1", "version = 1\non_behalf = [\"staf\"]");
        let outsider = crate::request::Outsider {
            name: "Budi Warga".into(),
            contact: "0812".into(),
        };
        let mut ids = |p: &str| format!("{p}-5");
        let change = |o: &crate::request::Outsider| Change {
            fields: vec![("alasan".into(), "akses".into())],
            on_behalf_of: Some(o.clone()),
            ..Change::new(Action::Create)
        };
        let err = change_fn(
            &fx.world(),
            None,
            fx.who("uli"),
            change(&outsider),
            &mut ids,
        )
        .unwrap_err();
        assert_eq!(exit_code(&err), 4);
        let r = change_fn(
            &fx.world(),
            None,
            fx.who("sri"),
            change(&outsider),
            &mut ids,
        )
        .unwrap()
        .request;
        assert_eq!(r.on_behalf_of.as_ref(), Some(&outsider));
        assert!(r.history[0].on_behalf);
        let r = fx.act(&r, "sri", Action::Advance, |_| {}).unwrap();
        assert!(r.history.last().unwrap().on_behalf);
        let r = fx
            .act(&r, "sri", Action::Advance, |c| c.option = Some("dc".into()))
            .unwrap();
        assert!(
            !r.history.last().unwrap().on_behalf,
            "a staff step of its own"
        );
    }

    #[test]
    fn a_secret_is_checked_and_never_kept() {
        let fx = edited(
            "[[steps.fields]]\nname = \"seri\"\nrequired = true",
            "[[steps.fields]]\nname = \"seri\"\nrequired = true\n[[steps.fields]]\nname = \"sandi\"\ntype = \"secret\"\nrequired = true\npattern = \".{8,}\"",
        );
        let r = fx.to_data(&fx.new_request());
        let seri = || ("seri".to_string(), "1".to_string());
        let err = fx
            .act(&r, "sri", Action::Advance, |c| c.fields = vec![seri()])
            .unwrap_err();
        assert!(err.to_string().contains("needs field(s) sandi"), "{err}");
        let err = fx
            .act(&r, "sri", Action::Advance, |c| {
                c.fields = vec![seri(), ("sandi".into(), "pendek".into())]
            })
            .unwrap_err();
        assert!(err.to_string().contains("pattern"), "{err}");
        let done = fx
            .act(&r, "sri", Action::Advance, |c| {
                c.fields = vec![seri(), ("sandi".into(), "Rahasia-123".into())]
            })
            .unwrap();
        let text = done.to_toml();
        assert!(!text.contains("Rahasia-123"), "{text}");
        assert_eq!(done.history.last().unwrap().secrets, ["sandi"]);
        // verify replays it by name.
        let replayed = fx
            .act(&r, "sri", Action::Advance, |c| {
                c.fields = vec![seri()];
                c.secrets = vec!["sandi".into()];
            })
            .unwrap();
        assert_eq!(replayed, done);
    }

    fn file(name: &str, size: u64, media_type: &str) -> Attachment {
        Attachment {
            name: name.into(),
            sha256: format!("{:064x}", size),
            size,
            media_type: media_type.into(),
            field: None,
        }
    }

    const MIB: u64 = 1024 * 1024;

    #[test]
    fn attached_files_go_into_the_entry_and_the_request() {
        let fx = fixture();
        let r = fx.new_request();
        let r = fx
            .act(&r, "uli", Action::Advance, |c| {
                c.attachments = vec![file("a.pdf", 10, "application/pdf")]
            })
            .unwrap();
        assert_eq!(r.attachments, [file("a.pdf", 10, "application/pdf")]);
        assert_eq!(r.history[1].attachments, r.attachments);
        let r = fx
            .act(&r, "sri", Action::Comment, |c| {
                c.note = Some("foto".into());
                c.attachments = vec![file("b.jpg", 20, "image/jpeg")];
            })
            .unwrap();
        assert_eq!(r.attachments.len(), 2);
        assert_eq!(r.history[2].attachments[0].name, "b.jpg");
        // Names are unique within the request.
        let err = fx
            .act(&r, "sri", Action::Comment, |c| {
                c.note = Some("lagi".into());
                c.attachments = vec![file("a.pdf", 30, "application/pdf")];
            })
            .unwrap_err();
        assert!(
            err.to_string().contains("attached to the request already"),
            "{err}"
        );
        // Files come only with changes that may carry them.
        let err = fx
            .act(&r, "uli", Action::Cancel, |c| {
                c.note = Some("batal".into());
                c.attachments = vec![file("c.pdf", 1, "application/pdf")];
            })
            .unwrap_err();
        assert!(matches!(err, Refusal::Attachment { .. }), "{err}");
        // A name is a file name.
        for bad in ["../x.pdf", "a/b.pdf", "..", " ", "a\u{1b}b"] {
            let err = fx
                .act(&r, "sri", Action::Comment, |c| {
                    c.note = Some("x".into());
                    c.attachments = vec![file(bad, 1, "text/plain")];
                })
                .unwrap_err();
            assert!(matches!(err, Refusal::Attachment { .. }), "{bad}: {err}");
        }
    }

    #[test]
    fn attached_files_are_held_to_the_office_limits() {
        let mut fx = fixture();
        fx.config.attachments.max_file_mb = 1;
        fx.config.attachments.max_request_mb = 2;
        let r = fx.new_request();
        let err = fx
            .act(&r, "uli", Action::Advance, |c| {
                c.attachments = vec![file("big.pdf", MIB + 1, "application/pdf")]
            })
            .unwrap_err();
        assert_eq!(
            err,
            Refusal::TooLarge {
                what: "attachment 'big.pdf'".into(),
                size: MIB + 1,
                limit_mb: 1,
                key: "per file, max_file_mb".into()
            }
        );
        assert_eq!(exit_code(&err), 3);
        // At the limit is fine; the request's files together are limited too, counting the
        // files it has already.
        let r = fx
            .act(&r, "uli", Action::Advance, |c| {
                c.attachments = vec![file("a.pdf", MIB, "application/pdf")]
            })
            .unwrap();
        let err = fx
            .act(&r, "sri", Action::Comment, |c| {
                c.note = Some("x".into());
                c.attachments = vec![
                    file("b.pdf", MIB / 2, "application/pdf"),
                    file("c.pdf", MIB / 2 + 1, "application/pdf"),
                ];
            })
            .unwrap_err();
        assert!(
            matches!(&err, Refusal::TooLarge { size, limit_mb: 2, .. } if *size == 2 * MIB + 1),
            "{err}"
        );
        assert!(
            err.to_string().contains("the files attached to TT-1"),
            "{err}"
        );
    }

    #[test]
    fn a_file_field_is_filled_by_an_attachment_of_its_type() {
        let fx = edited(
            "[[fields]]\nname = \"alasan\"\nrequired = true\n",
            "[[fields]]\nname = \"alasan\"\nrequired = true\n\
             [[fields]]\nname = \"surat\"\ntype = \"file\"\nrequired = true\ntypes = [\"pdf\"]\n",
        );
        let create = |fields: Vec<(String, String)>, files: Vec<Attachment>| {
            let change = Change {
                fields,
                attachments: files,
                ..Change::new(Action::Create)
            };
            let mut ids = |p: &str| format!("{p}-1");
            change_fn(&fx.world(), None, fx.who("uli"), change, &mut ids).map(|o| o.request)
        };
        let alasan = || vec![("alasan".to_string(), "perlu".to_string())];
        let err = create(alasan(), vec![]).unwrap_err();
        assert!(err.to_string().contains("needs field(s) surat"), "{err}");
        let mut as_text = alasan();
        as_text.push(("surat".into(), "scan.pdf".into()));
        assert_eq!(
            create(as_text, vec![]).unwrap_err(),
            Refusal::FileField {
                name: "surat".into()
            }
        );
        let png = Attachment {
            field: Some("surat".into()),
            ..file("scan.png", 5, "image/png")
        };
        let err = create(alasan(), vec![png]).unwrap_err();
        assert!(
            err.to_string()
                .contains("is image/png, but field 'surat' takes only pdf"),
            "{err}"
        );
        let pdf = Attachment {
            field: Some("surat".into()),
            ..file("scan.pdf", 5, "application/pdf")
        };
        let r = create(alasan(), vec![pdf.clone()]).unwrap();
        assert_eq!(r.fields["surat"], Value::Text("scan.pdf".into()));
        assert_eq!(r.history[0].fields["surat"], Value::Text("scan.pdf".into()));
        assert_eq!(r.attachments, [pdf]);
        // A file cannot fill a field that is not a file field.
        let wrong = Attachment {
            field: Some("alasan".into()),
            ..file("scan.pdf", 5, "application/pdf")
        };
        let err = create(alasan(), vec![wrong]).unwrap_err();
        assert!(err.to_string().contains("not a file field"), "{err}");
    }
}
