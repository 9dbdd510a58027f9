//! One change to a request, from lock to commit: under the repository lock, read the rules
//! and the request as HEAD has them, run the engine, and commit everything it returns as one
//! commit by the actor. `sop verify` replays the same engine function on each such commit.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::rc::Rc;

use anyhow::Result;
use chrono::{DateTime, FixedOffset};

use crate::asset::Asset;
use crate::attachment::{self, Spec};
use crate::config::Config;
use crate::context::Context;
use crate::engine::{self, Change, Outcome, Refusal, World};
use crate::error::{Failure, Hint};
use crate::git::{FileChange, Snapshot};
use crate::procedure::{Kind, Procedure};
use crate::request::{Action, Attachment, Request};
use crate::rules::{warn_uncommitted, Loader};
use crate::store::{parse_asset, parse_request, Records};
use crate::trailers::Trailers;
use crate::{conflict, invalid, layout};

/// Which request: a new one of a procedure, or an existing one by (a unique start of) its id.
pub enum Target<'a> {
    New { procedure: &'a str },
    Existing { given: &'a str },
}

/// A change made: what the engine returned, the procedure it followed, and when.
pub struct Done {
    pub outcome: Outcome,
    pub procedure: Rc<Procedure>,
    pub config: Rc<Config>,
    pub now: DateTime<FixedOffset>,
}

/// Makes one change to a request and commits it, with the files of `attach` (`--attach`),
/// read here within sop.toml's limits as HEAD has them.
pub fn run(ctx: &Context, target: Target, mut change: Change, attach: &[Spec]) -> Result<Done> {
    let (records, git) = ctx.open()?;
    let id = match target {
        Target::Existing { given } => Some(records.resolve(given)?),
        Target::New { .. } => None,
    };
    let mut tx = git.begin()?;
    let snap = tx.snapshot()?;
    let mut loader = Loader::default();
    let rules = loader
        .rules(&snap)?
        .ok_or_else(|| invalid!("{}", t!(NotCommitted)))?;
    tx.require_signatures = rules.config.policy.require_signatures;
    let before = match &id {
        Some(id) => Some(read_request(&snap, id)?),
        None => None,
    };
    let procedure_id = match (&target, &before) {
        (Target::New { procedure }, _) => procedure.to_string(),
        (_, Some(req)) => req.procedure.clone(),
        _ => unreachable!("an existing request was read"),
    };
    warn_uncommitted(
        &snap,
        &records.root,
        &[
            layout::CONFIG.to_string(),
            layout::PEOPLE.to_string(),
            layout::procedure(&procedure_id),
        ],
    );
    let procedure = loader.procedure(&snap, &rules, &procedure_id)?;
    let (mut attachments, contents) = attachment::read(attach, &rules.config.attachments)?;
    unique_names(&mut attachments, before.as_ref());
    change.attachments = attachments;
    let now = ctx.now(&rules.config)?;
    let actor = ctx.actor(&rules.people, &git)?;
    let assets = |id: &str| read_asset(&snap, id).map_err(|e| format!("{e:#}"));
    let loader = std::cell::RefCell::new(loader);
    let procedures = |id: &str| {
        let mut loader = loader.borrow_mut();
        loader
            .procedure(&snap, &rules, id)
            .map_err(|e| format!("{e:#}"))
    };
    let requests = |id: &str| find_request(&snap, id).map_err(|e| format!("{e:#}"));
    let world = World {
        procedure: &procedure,
        config: &rules.config,
        people: &rules.people,
        assets: &assets,
        procedures: &procedures,
        requests: &requests,
        now,
    };
    let mut ids = |prefix: &str| fresh_id(&snap, &records, prefix);
    let outcome = engine::change(&world, before.as_ref(), actor, change, &mut ids)
        .map_err(|r| refused(r, before.as_ref(), &procedure))?;
    let files = files(&outcome, &snap, &contents)?;
    let paths: Vec<PathBuf> = files.iter().map(|f| f.path.clone()).collect();
    tx.ensure_unmodified_all(&paths)?;
    let message = message(&outcome, before.as_ref(), &procedure);
    tx.commit(&files, &crate::commands::signature(actor, now)?, &message)?;
    Ok(Done {
        outcome,
        procedure: procedure.clone(),
        config: rules.config.clone(),
        now,
    })
}

/// The request `id` as the snapshot has it.
pub fn read_request(snap: &Snapshot, id: &str) -> Result<Request> {
    let rel = layout::request(id);
    let (_, text) = snap
        .text(&rel)?
        .ok_or_else(|| invalid!("{}", t!(NoRequest, id = id)).hint(t!(HintSopList)))?;
    parse_request(std::path::Path::new(&rel), &text)
}

/// The request `id` as the snapshot has it, if it has one.
pub fn find_request(snap: &Snapshot, id: &str) -> Result<Option<Request>> {
    let rel = layout::request(id);
    match snap.text(&rel)? {
        Some((_, text)) => Ok(Some(parse_request(std::path::Path::new(&rel), &text)?)),
        None => Ok(None),
    }
}

/// The asset `id` as the snapshot has it, if it has one.
pub fn read_asset(snap: &Snapshot, id: &str) -> Result<Option<Asset>> {
    let rel = layout::asset(id);
    match snap.text(&rel)? {
        Some((_, text)) => Ok(Some(parse_asset(std::path::Path::new(&rel), &text)?)),
        None => Ok(None),
    }
}

/// A random id used neither in HEAD nor in the work tree (ids are random enough not to
/// collide across clones).
pub fn fresh_id(snap: &Snapshot, records: &Records, prefix: &str) -> String {
    let path = if prefix == crate::asset::PREFIX {
        layout::asset
    } else {
        layout::request
    };
    let mut id = layout::new_id(prefix);
    // 50 random bits: a second draw is already next to impossible. A path that cannot be
    // looked up (a symbolic link on the way) is refused when the change is written.
    for _ in 0..16 {
        let rel = path(&id);
        let taken = records.root.join(&rel).exists() || matches!(snap.blob(&rel), Ok(Some(_)));
        if !taken {
            break;
        }
        id = layout::new_id(prefix);
    }
    id
}

/// The files a change writes: the request, its assets, and each file it attaches that the
/// records do not hold yet (a file is stored once, by its content).
fn files(
    outcome: &Outcome,
    snap: &Snapshot,
    contents: &attachment::Contents,
) -> Result<Vec<FileChange>> {
    let req = &outcome.request;
    let mut files = vec![FileChange {
        path: layout::request(&req.id).into(),
        content: Some(req.to_toml().into_bytes()),
    }];
    for other in &outcome.linked {
        files.push(FileChange {
            path: layout::request(&other.id).into(),
            content: Some(other.to_toml().into_bytes()),
        });
    }
    for asset in &outcome.assets {
        files.push(FileChange {
            path: layout::asset(&asset.id).into(),
            content: Some(asset.to_toml().into_bytes()),
        });
    }
    let entry = req.history.last().expect("a changed request has history");
    let mut stored = BTreeSet::new();
    for file in &entry.attachments {
        let rel = layout::attachment(&file.sha256);
        if !stored.insert(rel.clone()) || snap.blob(&rel)?.is_some() {
            continue;
        }
        let content = contents
            .get(&file.sha256)
            .ok_or_else(|| anyhow::anyhow!("the content of {} was not read", file.name))?;
        files.push(FileChange {
            path: rel.into(),
            content: Some(content.clone()),
        });
    }
    Ok(files)
}

/// Names attached files so that each is unique within the request: a second `scan.pdf`
/// becomes `scan-2.pdf` (said on stderr), since a file is fetched back by its name.
fn unique_names(files: &mut [Attachment], before: Option<&Request>) {
    let mut taken: BTreeSet<String> = before
        .map(|b| b.attachments.iter().map(|a| a.name.clone()).collect())
        .unwrap_or_default();
    for file in files.iter_mut() {
        if taken.insert(file.name.clone()) {
            continue;
        }
        let (stem, ext) = match file.name.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() => (stem.to_string(), format!(".{ext}")),
            _ => (file.name.clone(), String::new()),
        };
        let name = (2..)
            .map(|n| format!("{stem}-{n}{ext}"))
            .find(|n| !taken.contains(n))
            .expect("some number is free");
        if !crate::output::quiet() {
            eprintln!(
                "{}: {}",
                t!(WarningPrefix),
                t!(SameFileName, file = file.name, name = name)
            );
        }
        taken.insert(name.clone());
        file.name = name;
    }
}

/// The commit message of a change (docs/contract.md): a subject naming the request, the
/// action and the activity acted on, the note and output, and the trailers.
pub fn message(outcome: &Outcome, before: Option<&Request>, procedure: &Procedure) -> String {
    let req = &outcome.request;
    let entry = req.history.last().expect("a changed request has history");
    let acted_on = match before {
        Some(b) => b.step.as_deref(),
        None => Some(entry.step.as_str()),
    };
    let activity = acted_on
        .and_then(|s| procedure.step(s))
        .map(|s| s.activity.as_str())
        .unwrap_or_default();
    let mut msg = format!("{} {}: {}\n", req.id, entry.action, one_line(activity));
    let body: Vec<String> = [&entry.note, &entry.output]
        .into_iter()
        .flatten()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(quoted)
        .collect();
    if !body.is_empty() {
        msg += &format!("\n{}\n", body.join("\n\n"));
    }
    msg.push('\n');
    msg += &trailers(outcome).render();
    msg
}

/// The trailers a request's last change carries.
pub fn trailers(outcome: &Outcome) -> Trailers {
    let (req, assets) = (&outcome.request, &outcome.assets);
    let entry = req.history.last().expect("a changed request has history");
    let from = match entry.action {
        Action::Create => Trailers::none(),
        _ => entry.step.clone(),
    };
    Trailers {
        request: Some(req.id.clone()),
        procedure: Some(format!("{}@{}", req.procedure, req.version)),
        action: Some(entry.action.to_string()),
        step: Some((from, entry.to.clone().unwrap_or_else(Trailers::none))),
        actor: Some(entry.by.clone()),
        acting_for: entry.acting_for.clone(),
        on_behalf_of: req
            .on_behalf_of
            .as_ref()
            .filter(|_| entry.on_behalf)
            .map(|o| one_line(&o.to_string())),
        assets: assets.iter().map(|a| a.id.clone()).collect(),
        linked: outcome.linked.iter().map(|r| r.id.clone()).collect(),
    }
}

/// Free text in a commit message, each line indented, so that no line of a note can pass for
/// a trailer (`git log --grep='^Sop-Actor: …'`, `git interpret-trailers`). The request file
/// keeps the text exactly.
fn quoted(text: &str) -> String {
    text.lines()
        .map(|line| match line.trim_end() {
            "" => String::new(),
            line => format!("    {line}"),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A refusal as the command line says it: the reason, and what to do about it.
fn refused(refusal: Refusal, req: Option<&Request>, procedure: &Procedure) -> anyhow::Error {
    let id = req.map_or("ID", |r| r.id.as_str());
    let hint = match &refusal {
        Refusal::Draft { file, .. } => Some(t!(HintDraft, file = file)),
        Refusal::MissingFields { names, .. } => {
            let is_file = |n: &String| {
                procedure
                    .field(n)
                    .is_some_and(|f| f.kind == crate::field::FieldType::File)
            };
            let (files, texts): (Vec<_>, Vec<_>) = names.iter().partition(|n| is_file(n));
            let attach = files
                .iter()
                .map(|n| format!("--attach {n}=FILE"))
                .collect::<Vec<_>>()
                .join(" ");
            let give = match (files.is_empty(), texts.is_empty()) {
                (true, _) => t!(HintGiveFields),
                (false, true) => t!(HintAttachFiles, attach = attach),
                (false, false) => t!(HintGiveBoth, attach = attach),
            };
            Some(match req {
                None => t!(HintFormFields, give = give, procedure = procedure.id()),
                Some(_) => give,
            })
        }
        Refusal::WrongKind { kind, options, .. } => Some(match kind {
            Kind::Approval => t!(HintUseApproval, id = id),
            Kind::Decision => t!(HintUseDecision, id = id, options = options.join(", ")),
            _ => t!(HintUseAdvance, id = id),
        }),
        Refusal::NeedsOption { .. } | Refusal::UnknownOption { .. } => Some(t!(HintChoose)),
        Refusal::NotADecision { .. } => Some(t!(HintNoChoose)),
        Refusal::NeedsReason { .. } => Some(t!(HintReason)),
        Refusal::LeadsNowhere { .. }
        | Refusal::UnknownTarget { .. }
        | Refusal::AutomaticLoop { .. }
        | Refusal::StepGone { .. } => Some(t!(HintCheck)),
        Refusal::AssetNeeded { .. } | Refusal::NoAsset { .. } => Some(t!(HintAsset)),
        Refusal::FileField { name } => Some(t!(HintAttachField, name = name)),
        Refusal::TooLarge { .. } => Some(t!(HintAttachmentLimits)),
        Refusal::AttachmentType { .. } => Some(t!(HintAttachmentType)),
        Refusal::Exists { .. } => return conflict!("{refusal}"),
        _ => None,
    };
    let failure = Failure::new(refusal.code(), refusal.to_string());
    anyhow::Error::new(match hint {
        Some(h) => failure.hint(h),
        None => failure,
    })
}
