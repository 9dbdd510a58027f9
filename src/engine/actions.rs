//! The changes that leave a request at its step: edit, comment, assign and unassign, hold and
//! resume, and the resume of a finished request whose end may be reopened.

use super::{require_reason, Change, Refusal, World};
use crate::field::FieldType;
use crate::people::{Holding, Person};
use crate::procedure::{Kind, Step};
use crate::request::{Action, Edit, Entry, Hold, Request, HELD, OPEN};

/// The name under which an edit of the title is recorded.
pub const TITLE: &str = "title";

impl World<'_> {
    /// `sop edit`: corrects fields and the title while the request is at a step the actor may
    /// act on — for the requester, a step of theirs, such as the form a rejection sent the
    /// request back to. Fields other steps gave stay as they were.
    pub(super) fn edit(
        &self,
        mut req: Request,
        step: &Step,
        actor: &Person,
        change: Change,
    ) -> Result<Request, Refusal> {
        let acting = self.authorize(&req, step, actor)?;
        let p = self.procedure;
        let editable = p.editable(step);
        let names = || editable.iter().map(|f| f.name.clone()).collect::<Vec<_>>();
        let files = change.attachments.iter().filter_map(|a| a.field.as_ref());
        for name in change.fields.iter().map(|(n, _)| n).chain(files) {
            let Some(field) = p.field(name) else {
                continue; // parse_fields names the unknown field
            };
            if !editable.iter().any(|f| f.name == field.name) {
                return Err(Refusal::Frozen {
                    id: req.id.clone(),
                    name: name.clone(),
                    step: step.id().to_string(),
                    editable: names(),
                });
            }
            if field.kind == FieldType::Secret {
                return Err(Refusal::Invalid(t!(SecretNotEditable, name = name)));
            }
        }
        let plain = Change {
            secrets: Vec::new(),
            ..change.clone()
        };
        let (given, _) =
            self.parse_fields(&editable, &plain, &t!(WhoseStepAlone, step = step.id()))?;
        let mut edits = Vec::new();
        if let Some(title) = change.title.as_ref().map(|t| t.trim()) {
            if title.is_empty() {
                return Err(Refusal::Invalid(t!(EmptyTitle)));
            }
            if title != req.title {
                edits.push(Edit {
                    name: TITLE.into(),
                    from: Some(req.title.clone()),
                    to: title.to_string(),
                });
                req.title = title.to_string();
            }
        }
        for (name, value) in given {
            let old = req.fields.get(&name);
            if old == Some(&value) {
                continue;
            }
            edits.push(Edit {
                name: name.clone(),
                from: old.map(|v| v.to_string()),
                to: value.to_string(),
            });
            req.fields.insert(name, value);
        }
        if edits.is_empty() && change.attachments.is_empty() {
            return Err(Refusal::Invalid(t!(EditChangesNothing, id = req.id)));
        }
        req.history.push(Entry {
            acting_for: acting.acting_for,
            on_behalf: acting.on_behalf,
            to: Some(step.id().to_string()),
            note: nonblank(change.note),
            edits,
            ..Entry::new(step.id(), Action::Edit, &actor.id, self.now)
        });
        Ok(req)
    }

    /// `sop comment`: anyone in people.toml may remark on any request, open or finished.
    pub(super) fn comment(
        &self,
        req: &Request,
        actor: &Person,
        change: Change,
    ) -> Result<Request, Refusal> {
        let text = nonblank(change.note).ok_or_else(|| Refusal::Invalid(t!(CommentNeedsText)))?;
        let mut req = req.clone();
        let step = where_it_is(&req);
        req.history.push(Entry {
            to: req.step.clone(),
            note: Some(text),
            ..Entry::new(&step, Action::Comment, &actor.id, self.now)
        });
        Ok(req)
    }

    /// `sop assign`: a holder of the step's role (or an administrator) gives the step to one
    /// person who holds one of its roles.
    pub(super) fn assign(
        &self,
        mut req: Request,
        step: &Step,
        actor: &Person,
        change: Change,
    ) -> Result<Request, Refusal> {
        self.may_manage(&req, step, actor)?;
        if step
            .role
            .list()
            .contains(&self.config.policy.requester_role)
        {
            return Err(Refusal::Invalid(t!(
                RequesterStep,
                step = step.id(),
                id = req.id
            )));
        }
        let given = change.assignee.unwrap_or_default();
        let person = self
            .people
            .find(&given)
            .ok_or_else(|| Refusal::Invalid(t!(NotAPerson, who = given)))?;
        let date = self.now.date_naive();
        let holds = self
            .roles(&req, step)
            .iter()
            .any(|r| self.people.holds(&person.id, r, date).is_some());
        if !holds {
            return Err(Refusal::Invalid(t!(
                CannotBeGiven,
                who = person.id,
                step = step.id(),
                id = req.id,
                held_by = self.held_by(&req, step)
            )));
        }
        if req.assignee.as_deref() == Some(person.id.as_str()) {
            return Err(Refusal::Invalid(t!(
                AlreadyAssigned,
                step = step.id(),
                id = req.id,
                who = person.id
            )));
        }
        req.assignee = Some(person.id.clone());
        req.history.push(Entry {
            to: Some(step.id().to_string()),
            assignee: Some(person.id.clone()),
            note: nonblank(change.note),
            ..Entry::new(step.id(), Action::Assign, &actor.id, self.now)
        });
        Ok(req)
    }

    /// `sop unassign`: the step goes back to every holder of its roles.
    pub(super) fn unassign(
        &self,
        mut req: Request,
        step: &Step,
        actor: &Person,
        change: Change,
    ) -> Result<Request, Refusal> {
        let Some(assignee) = req.assignee.take() else {
            return Err(Refusal::Invalid(t!(
                NotAssigned,
                step = step.id(),
                id = req.id
            )));
        };
        if assignee != actor.id {
            self.may_manage(&req, step, actor)?;
        }
        req.history.push(Entry {
            to: Some(step.id().to_string()),
            note: nonblank(change.note),
            ..Entry::new(step.id(), Action::Unassign, &actor.id, self.now)
        });
        Ok(req)
    }

    /// `sop hold`: the current step's role stops the clock, with a reason.
    pub(super) fn hold(
        &self,
        mut req: Request,
        step: &Step,
        actor: &Person,
        change: Change,
    ) -> Result<Request, Refusal> {
        let acting = self.authorize(&req, step, actor)?;
        let reason = require_reason(&change.note, Action::Hold)?;
        if let Some(until) = change.until {
            if until < self.now.date_naive() {
                return Err(Refusal::Invalid(t!(HoldPast, until = until)));
            }
        }
        req.status = HELD.into();
        req.hold = Some(Hold {
            reason: reason.clone(),
            since: self.now,
            until: change.until,
        });
        req.history.push(Entry {
            acting_for: acting.acting_for,
            on_behalf: acting.on_behalf,
            to: Some(step.id().to_string()),
            note: Some(reason),
            until: change.until,
            ..Entry::new(step.id(), Action::Hold, &actor.id, self.now)
        });
        Ok(req)
    }

    /// `sop resume` of a held request: the current step's role starts the clock again.
    pub(super) fn resume(
        &self,
        mut req: Request,
        step: &Step,
        actor: &Person,
        change: Change,
    ) -> Result<Request, Refusal> {
        if req.status != HELD {
            return Err(Refusal::Invalid(t!(NotHeld, id = req.id)));
        }
        let acting = self.authorize(&req, step, actor)?;
        req.status = OPEN.into();
        req.hold = None;
        req.history.push(Entry {
            acting_for: acting.acting_for,
            on_behalf: acting.on_behalf,
            to: Some(step.id().to_string()),
            note: nonblank(change.note),
            ..Entry::new(step.id(), Action::Resume, &actor.id, self.now)
        });
        Ok(req)
    }

    /// `sop resume` of a finished request: an end the procedure marks `resume = "step"` goes
    /// back to that step, by a holder of its role (or an administrator).
    pub(super) fn reopen(
        &self,
        req: &Request,
        actor: &Person,
        change: Change,
    ) -> Result<Request, Refusal> {
        let p = self.procedure;
        let end = req
            .last_move()
            .and_then(|e| e.to.as_deref())
            .and_then(|to| p.step(to))
            .filter(|s| s.kind == Kind::End);
        let (end, target) = match end.and_then(|s| Some((s, s.resume.as_ref()?))) {
            Some((end, target)) => (end, target.get_ref().clone()),
            None => {
                return Err(Refusal::Invalid(t!(
                    NotResumable,
                    id = req.id,
                    status = crate::i18n::status(&req.status)
                )))
            }
        };
        let step = p.step(&target).ok_or_else(|| Refusal::UnknownTarget {
            procedure: p.id().to_string(),
            target: target.clone(),
        })?;
        let acting = match self.may_do(req, step, actor) {
            Ok(acting) => acting,
            Err(_) if self.is_admin(actor) => Default::default(),
            Err(refusal) => return Err(refusal),
        };
        let mut next = req.clone();
        next.status = OPEN.into();
        let to = self.move_to(&mut next, &target)?;
        next.history.push(Entry {
            acting_for: acting.acting_for,
            on_behalf: acting.on_behalf,
            to: Some(to),
            note: nonblank(change.note),
            ..Entry::new(end.id(), Action::Resume, &actor.id, self.now)
        });
        Ok(next)
    }

    /// Who may give a step to someone: a holder of one of its roles, or an administrator.
    fn may_manage(&self, req: &Request, step: &Step, actor: &Person) -> Result<(), Refusal> {
        let date = self.now.date_naive();
        let holds = self.roles(req, step).iter().any(|r| {
            matches!(
                self.people.holds(&actor.id, r, date),
                Some(Holding::Own | Holding::StandIn)
            )
        });
        if holds || self.is_admin(actor) {
            return Ok(());
        }
        Err(Refusal::NotPermitted {
            actor: actor.id.clone(),
            id: req.id.clone(),
            step: step.id().to_string(),
            activity: step.activity.clone(),
            held_by: t!(
                EngineAdminMayAssign,
                held_by = self.held_by(req, step),
                admin = self.config.policy.admin_role
            ),
        })
    }
}

/// The step a request is at, or for a finished one the step it finished at.
fn where_it_is(req: &Request) -> String {
    req.step.clone().unwrap_or_else(|| {
        req.last_move()
            .map(|e| e.to.clone().unwrap_or_else(|| e.step.clone()))
            .unwrap_or_default()
    })
}

fn nonblank(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty())
}
