//! Sub-procedures: a `call` step starts a request of another procedure, and the request
//! waits there until that one ends, then leads on by its outcome. Both happen inside the
//! change that sets them off, so one commit writes both requests (`Outcome::linked`), and
//! `sop verify` replays them together.

use super::{effects, Change, Ids, Outcome, Refusal, World};
use crate::asset::render;
use crate::field::Value;
use crate::people::Person;
use crate::procedure::{Kind, Procedure, Step};
use crate::request::{Action, Entry, Request, HELD};

/// How many requests one change may start or lead on through calls: more is a loop.
const MOST: usize = 16;

/// Which request of the outcome: the one changed, or one of the linked.
#[derive(Clone, Copy)]
enum Slot {
    Main,
    Linked(usize),
}

fn get(out: &Outcome, slot: Slot) -> &Request {
    match slot {
        Slot::Main => &out.request,
        Slot::Linked(i) => &out.linked[i],
    }
}

fn get_mut(out: &mut Outcome, slot: Slot) -> &mut Request {
    match slot {
        Slot::Main => &mut out.request,
        Slot::Linked(i) => &mut out.linked[i],
    }
}

/// Everything the change sets off through calls: a request that arrived at a `call` step
/// starts its sub-request; one that ended leads its waiting parent on.
pub(super) fn settle(
    world: &World,
    actor: &Person,
    ids: Ids,
    out: &mut Outcome,
) -> Result<(), Refusal> {
    let mut queue = vec![Slot::Main];
    let mut done = 0;
    while let Some(slot) = queue.pop() {
        done += 1;
        if done > MOST {
            return Err(Refusal::Invalid(t!(EngineCallCircle, most = MOST)));
        }
        let req = get(out, slot).clone();
        let p = procedure_of(world, &req.procedure)?;
        if let Some(step) = arrived_at_call(&req, &p) {
            let (child, assets) = start(world, step, &req, actor, ids)?;
            let parent = get_mut(out, slot);
            parent.children.push(child.id.clone());
            parent.history.last_mut().expect("it moved").child = Some(child.id.clone());
            out.assets.extend(assets);
            out.linked.push(child);
            queue.push(Slot::Linked(out.linked.len() - 1));
        }
        if let Some(parent) = req.parent.as_deref().filter(|_| ended(&req)) {
            if let Some(slot) = lead_on(world, actor, ids, out, parent, &req)? {
                queue.push(slot);
            }
        }
    }
    Ok(())
}

/// A procedure: the world's own, or another read by id.
enum Proc<'w> {
    Own(&'w Procedure),
    Other(std::rc::Rc<Procedure>),
}

impl std::ops::Deref for Proc<'_> {
    type Target = Procedure;
    fn deref(&self) -> &Procedure {
        match self {
            Proc::Own(p) => p,
            Proc::Other(p) => p,
        }
    }
}

/// The procedure of a request: the world's own, or another by id.
fn procedure_of<'w>(world: &'w World, id: &str) -> Result<Proc<'w>, Refusal> {
    if world.procedure.id() == id {
        return Ok(Proc::Own(world.procedure));
    }
    (world.procedures)(id)
        .map(Proc::Other)
        .map_err(|e| Refusal::Invalid(t!(EngineOfProcedure, id = id, error = e)))
}

/// The world as it is, with another procedure.
fn with<'b>(world: &'b World, p: &'b Procedure) -> World<'b> {
    World {
        procedure: p,
        config: world.config,
        people: world.people,
        assets: world.assets,
        procedures: world.procedures,
        requests: world.requests,
        now: world.now,
    }
}

/// Starts the sub-request `step` calls for `parent`: a request of the called procedure, for
/// the parent's requester, its form filled from the parent's values by the step's `with`,
/// created by the person whose change arrived here.
fn start(
    world: &World,
    step: &Step,
    parent: &Request,
    actor: &Person,
    ids: Ids,
) -> Result<(Request, Vec<crate::asset::Asset>), Refusal> {
    let call = step
        .call
        .as_ref()
        .map(|c| c.get_ref().as_str())
        .unwrap_or_default();
    let failed = |why: Refusal| {
        Refusal::Invalid(t!(
            EngineCallFailed,
            step = step.id(),
            id = parent.id,
            call = call,
            why = why
        ))
    };
    let called = procedure_of(world, call).map_err(failed)?;
    let cw = with(world, &called);
    let values = |name: &str| match name {
        "requester" => Some(parent.requester.clone()),
        "request" => Some(parent.id.clone()),
        field => parent.fields.get(field).map(Value::to_string),
    };
    let fields = step
        .with
        .iter()
        .filter_map(|(k, t)| Some((k.clone(), render(t, &values)?)))
        .collect();
    let requester = world.people.find(&parent.requester).ok_or_else(|| {
        failed(Refusal::Invalid(t!(
            EngineCallRequester,
            who = parent.requester
        )))
    })?;
    let change = Change {
        title: Some(format!("{} ({})", called.name, parent.title)),
        fields,
        ..Change::new(Action::Create)
    };
    let mut child = cw.create(requester, change, ids).map_err(failed)?;
    child.parent = Some(parent.id.clone());
    child.on_behalf_of = parent.on_behalf_of.clone();
    child.history[0].by = actor.id.clone();
    let assets = effects::apply(&cw, &mut child, ids).map_err(failed)?;
    Ok((child, assets))
}

/// Leads `parent` on from its call step by the outcome of `child`, which ended, when the
/// parent waits for it there. Returns where the parent now is among the outcome's requests.
fn lead_on(
    world: &World,
    actor: &Person,
    ids: Ids,
    out: &mut Outcome,
    parent_id: &str,
    child: &Request,
) -> Result<Option<Slot>, Refusal> {
    let known = out.linked.iter().position(|r| r.id == parent_id);
    let parent = match known {
        Some(i) => out.linked[i].clone(),
        None if out.request.id == parent_id => out.request.clone(),
        None => match (world.requests)(parent_id) {
            Ok(Some(r)) => r,
            Ok(None) => return Ok(None), // the parent is gone: nothing waits
            Err(e) => {
                return Err(Refusal::Invalid(t!(
                    EngineOfRequest,
                    id = parent_id,
                    error = e
                )))
            }
        },
    };
    let p = procedure_of(world, &parent.procedure)?;
    let Some(step) = parent.step.as_deref().and_then(|s| p.step(s)) else {
        return Ok(None);
    };
    let waits = step.kind == Kind::Call && parent.children.last() == Some(&child.id);
    let Some(target) = step.outcomes.get(&child.status).filter(|_| waits) else {
        return Ok(None); // no way on for this outcome: the parent keeps waiting
    };
    let pw = with(world, &p);
    let mut next = parent.clone();
    let to = pw.move_to(&mut next, target.get_ref())?;
    next.history.push(Entry {
        to: Some(to),
        option: Some(child.status.clone()),
        ended: Some(child.id.clone()),
        ..Entry::new(step.id(), Action::Return, &actor.id, world.now)
    });
    out.assets.extend(effects::apply(&pw, &mut next, ids)?);
    Ok(Some(match known {
        Some(i) => {
            out.linked[i] = next;
            Slot::Linked(i)
        }
        None if out.request.id == parent_id => {
            out.request = next;
            Slot::Main
        }
        None => {
            out.linked.push(next);
            Slot::Linked(out.linked.len() - 1)
        }
    }))
}

/// Why nobody may act at a call step: "… waits at step 'x' for EML-… to end".
pub(super) fn waiting(req: &Request, step: &Step) -> String {
    let child = req
        .children
        .last()
        .map_or_else(|| t!(EngineSubRequest), String::clone);
    t!(
        EngineWaitsAtCall,
        id = req.id,
        step = step.id(),
        child = child
    )
}

impl World<'_> {
    /// A request waiting at a call step is not cancelled while the request it started is
    /// open: that one is cancelled first (and leads this one on, or leaves it waiting).
    pub(super) fn check_no_open_child(&self, req: &Request, step: &Step) -> Result<(), Refusal> {
        let Some(child) = req.children.last().filter(|_| step.kind == Kind::Call) else {
            return Ok(());
        };
        match (self.requests)(child) {
            Ok(Some(c)) if c.is_open() || c.status == HELD => Err(Refusal::Invalid(t!(
                EngineChildOpen,
                id = req.id,
                child = child,
                status = crate::i18n::status(&c.status)
            ))),
            _ => Ok(()),
        }
    }
}

/// The `call` step the request's last change brought it to, if any.
fn arrived_at_call<'p>(req: &Request, p: &'p Procedure) -> Option<&'p Step> {
    let last = req.history.last()?;
    let step = p.step(req.step.as_deref()?)?;
    let arrived = last.moves() && last.to.as_deref() == Some(step.id()) && last.child.is_none();
    (step.kind == Kind::Call && arrived).then_some(step)
}

/// Whether the request's last change finished it (an end, or a cancel).
fn ended(req: &Request) -> bool {
    !req.is_open() && req.status != HELD && req.history.last().is_some_and(|e| e.moves())
}
