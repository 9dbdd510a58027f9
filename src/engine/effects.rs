//! Asset effects: what a request's change does to the asset register, as its procedure
//! declares with `[asset]` and `[steps.asset]` (docs/assets.md).

use super::{Ids, Refusal, World};
use crate::asset::{self, check_allowed, render, validate, Asset, People, Row, Stamp};
use crate::procedure::{AssetEffect, Procedure, When};
use crate::request::{Action, Request};

/// The assets the request's last change writes: reads its asset only when a step changes it
/// (or at create and cancel), and registers the assets the procedure creates.
pub(super) fn apply(world: &World, req: &mut Request, ids: Ids) -> Result<Vec<Asset>, Refusal> {
    let p = world.procedure;
    let action = req.history.last().map(|e| e.action);
    if req.history.last().is_some_and(|e| !e.moves()) {
        return Ok(Vec::new()); // a comment, edit, assignment or hold touches no asset
    }
    if triggered(p, req).is_empty() && !matches!(action, Some(Action::Create | Action::Cancel)) {
        return Ok(Vec::new());
    }
    let linked = match &req.asset {
        Some(id) => Some(world.asset(id)?),
        None => None,
    };
    let people = |who: &str| world.people.find(who).map(|p| p.id.clone());
    let mut new_id = || ids(asset::PREFIX);
    apply_effects(p, req, linked, &people, &mut new_id).map_err(|problem| Refusal::Asset {
        id: req.id.clone(),
        procedure: p.id().to_string(),
        problem,
    })
}

/// Whether a new request of `p` may be about `asset`.
pub(super) fn check_request(p: &Procedure, asset: Option<&Asset>) -> Result<(), Refusal> {
    if asset.is_none() && p.asset.required {
        return Err(Refusal::AssetNeeded {
            procedure: p.id().to_string(),
        });
    }
    match asset {
        Some(a) => check_allowed(a, &p.asset.allowed, p.id()).map_err(|problem| Refusal::Asset {
            id: a.id.clone(),
            procedure: p.id().to_string(),
            problem,
        }),
        None => Ok(()),
    }
}

/// The effects of the procedure's steps that the request's last change sets off: the step
/// completed (`done`; an approval only when approved) and the step arrived at (`enter`).
fn triggered<'p>(p: &'p Procedure, req: &Request) -> Vec<&'p AssetEffect> {
    let Some(entry) = req.history.last() else {
        return Vec::new();
    };
    let mut found = Vec::new();
    if matches!(entry.action, Action::Advance | Action::Approve) {
        if let Some((s, e)) = p
            .step(&entry.step)
            .and_then(|s| Some((s, s.asset.as_ref()?)))
        {
            if e.when(s.kind) == When::Done {
                found.push(e);
            }
        }
    }
    if let Some((s, e)) = entry
        .to
        .as_deref()
        .and_then(|to| p.step(to))
        .and_then(|s| Some((s, s.asset.as_ref()?)))
    {
        if e.when(s.kind) == When::Enter {
            found.push(e);
        }
    }
    found
}

/// Applies the effects of the request's last change to its asset (`linked`, read from HEAD)
/// and registers the assets they create, linking the request to the first one when it has
/// none. Returns every asset to write. A linked asset always records the change that
/// created the request, so `sop asset show` lists it.
fn apply_effects(
    p: &Procedure,
    req: &mut Request,
    mut linked: Option<Asset>,
    people: People,
    new_id: &mut dyn FnMut() -> String,
) -> Result<Vec<Asset>, String> {
    let Some(entry) = req.history.last().cloned() else {
        return Ok(Vec::new());
    };
    let stamp = Stamp {
        at: entry.at,
        by: &entry.by,
        action: entry.action.as_str(),
        request: Some(&req.id),
    };
    let mut touched = false;
    if entry.action == Action::Cancel {
        if let Some(asset) = &mut linked {
            touched = asset.restore(&stamp)?;
        }
    }
    let mut created = Vec::new();
    for effect in triggered(p, req) {
        let values = |name: &str| match name {
            "requester" => Some(req.requester.clone()),
            "request" => Some(req.id.clone()),
            field => req.fields.get(field).map(|v| v.to_string()),
        };
        let cells: Vec<(String, String)> = effect
            .set
            .iter()
            .filter_map(|(c, t)| Some((c.clone(), render(t, &values)?)))
            .collect();
        let row =
            validate(&cells, people).map_err(|e| t!(EngineAssetChange, problems = e.join("; ")))?;
        if effect.create {
            let count = match effect.count.as_deref().and_then(|c| render(c, &values)) {
                Some(n) => n
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=1000).contains(n))
                    .ok_or_else(|| t!(EngineAssetCount, n = n))?,
                None => 1,
            };
            for _ in 0..count {
                created.push(Asset::create(new_id(), &row, &stamp)?);
            }
        } else if let Some(asset) = &mut linked {
            asset.update(&row, &stamp)?;
            touched = true;
        }
    }
    if let Some(asset) = linked
        .as_mut()
        .filter(|_| !touched && entry.action == Action::Create)
    {
        asset.update(&Row::default(), &stamp)?;
        touched = true;
    }
    if req.asset.is_none() {
        req.asset = created.first().map(|a| a.id.clone());
    }
    Ok(linked
        .filter(|_| touched)
        .into_iter()
        .chain(created)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asset::Status;
    use chrono::DateTime;

    fn people(who: &str) -> Option<String> {
        ["eko", "lina"].contains(&who).then(|| who.to_string())
    }

    fn stamp() -> Stamp<'static> {
        Stamp {
            at: DateTime::parse_from_rfc3339("2026-11-23T09:00:00+07:00").unwrap(),
            by: "eko",
            action: "add",
            request: None,
        }
    }

    fn laptop() -> Asset {
        let row = validate(
            &[
                ("kind".to_string(), "hardware".to_string()),
                ("name".to_string(), "Laptop".to_string()),
                ("status".to_string(), "in-stock".to_string()),
            ],
            &people,
        )
        .unwrap();
        Asset::create("AST-1".into(), &row, &stamp()).unwrap()
    }

    const PROC: &str = r#"
id = "t"
prefix = "TT"
name = "T"
version = 1
[[steps]]
id = "mulai"
activity = "Mulai"
role = "staf"
[steps.asset]
when = "enter"
set = { status = "in-repair" }
[[steps]]
id = "setuju"
activity = "Setuju"
role = "kasi"
kind = "approval"
approve = "catat"
reject = "mulai"
[steps.asset]
set = { location = "{lokasi}" }
[[steps]]
id = "catat"
activity = "Catat"
role = "staf"
[steps.asset]
create = true
count = "{jumlah}"
set = { kind = "software", name = "Lisensi {request}", holder = "{requester}" }
[[steps]]
id = "selesai"
activity = "Selesai"
kind = "end"
[steps.asset]
set = { status = "in-use" }
"#;

    fn request(action: &str, step: &str, to: Option<&str>) -> Request {
        let at = stamp().at;
        Request {
            id: "TT-1".into(),
            procedure: "t".into(),
            version: 1,
            title: "T".into(),
            status: "open".into(),
            step: to.map(str::to_string),
            requester: "lina".into(),
            created: at,
            asset: Some("AST-1".into()),
            fields: [("jumlah".to_string(), crate::field::Value::Integer(2))].into(),
            assignee: None,
            on_behalf_of: None,
            parent: None,
            children: Vec::new(),
            hold: None,
            attachments: Vec::new(),
            history: vec![crate::request::Entry {
                to: to.map(str::to_string),
                ..crate::request::Entry::new(
                    step,
                    serde_json::from_value(serde_json::json!(action)).unwrap(),
                    "eko",
                    at,
                )
            }],
        }
    }

    #[test]
    fn effects_follow_the_change() {
        let p = Procedure::parse(PROC, std::path::Path::new("procedures/t.toml")).unwrap();
        let mut ids = (1..).map(|i| format!("AST-N{i}"));
        let mut new_id = || ids.next().unwrap();
        // create: the first step is entered, the asset goes into repair
        let mut req = request("create", "mulai", Some("mulai"));
        let out = apply_effects(&p, &mut req, Some(laptop()), &people, &mut new_id).unwrap();
        assert_eq!(out[0].status, Status::InRepair);
        assert_eq!(
            out[0].history.last().unwrap().request.as_deref(),
            Some("TT-1")
        );
        // a rejection completes nothing; the step returned to is entered again
        let mut req = request("reject", "setuju", Some("mulai"));
        let out = apply_effects(&p, &mut req, Some(out[0].clone()), &people, &mut new_id).unwrap();
        assert_eq!(out[0].location, None);
        // approving without the field leaves the location alone but records the change
        let mut req = request("approve", "setuju", Some("catat"));
        let out = apply_effects(&p, &mut req, Some(laptop()), &people, &mut new_id).unwrap();
        assert_eq!(out.len(), 1);
        // completing 'catat' registers two assets held by the requester, and ends in use
        let mut req = request("advance", "catat", Some("selesai"));
        req.asset = None;
        let out = apply_effects(&p, &mut req, None, &people, &mut new_id).unwrap();
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].name, "Lisensi TT-1");
        assert_eq!(out[0].holder.as_deref(), Some("lina"));
        assert_eq!(req.asset.as_deref(), Some("AST-N1"));
        // a status the register forbids refuses the change
        let mut gone = laptop();
        gone.status = Status::Disposed;
        let mut req = request("create", "mulai", Some("mulai"));
        let err = apply_effects(&p, &mut req, Some(gone), &people, &mut new_id).unwrap_err();
        assert!(err.contains("disposed is final"), "{err}");
    }
}
