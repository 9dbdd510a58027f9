//! Why the engine refuses a change: a typed reason, worded as a finding (no command-line
//! advice: the command layer adds hints, `sop verify` reports the reason as it is).

use std::fmt;

use crate::error::Code;
use crate::procedure::Kind;
use crate::request::Action;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The procedure is a draft, not yet approved for requests.
    Draft {
        procedure: String,
        file: String,
    },
    NoSteps {
        procedure: String,
    },
    /// A create for a request that exists, or a change to one that does not.
    Exists {
        id: String,
    },
    NotCreated,
    Finished {
        id: String,
        status: String,
    },
    StepGone {
        id: String,
        step: String,
        procedure: String,
    },
    UnknownField {
        whose: String,
        name: String,
        known: Vec<String>,
    },
    BadField(String),
    MissingFields {
        whose: String,
        names: Vec<String>,
    },
    WrongKind {
        id: String,
        action: Action,
        step: String,
        kind: Kind,
        options: Vec<String>,
    },
    NeedsOption {
        id: String,
        step: String,
        options: Vec<String>,
    },
    UnknownOption {
        step: String,
        option: String,
        options: Vec<String>,
    },
    NotADecision {
        id: String,
        step: String,
        kind: Kind,
    },
    NeedsReason {
        action: Action,
    },
    /// The actor may not do this step; `held_by` says who may.
    NotPermitted {
        actor: String,
        id: String,
        step: String,
        activity: String,
        held_by: String,
    },
    SelfDecision {
        actor: String,
        id: String,
        held_by: String,
    },
    CancelNotPermitted {
        id: String,
        requester: String,
        admin: String,
    },
    LeadsNowhere {
        procedure: String,
        step: String,
    },
    UnknownTarget {
        procedure: String,
        target: String,
    },
    NoRoute {
        id: String,
        step: String,
        field: String,
        value: String,
    },
    AutomaticLoop {
        procedure: String,
    },
    AssetNeeded {
        procedure: String,
    },
    NoAsset {
        id: String,
    },
    /// A text over its limit (src/limits.rs), or holding a control character.
    BadText {
        what: String,
        why: String,
    },
    /// The asset register refuses the change the procedure makes (status, value).
    Asset {
        id: String,
        procedure: String,
        problem: String,
    },
    /// The request is on hold: only a resume (or a comment, an edit, an assignment, a cancel)
    /// may change it.
    Held {
        id: String,
        reason: String,
    },
    /// `sop edit` of a field the current step may not change.
    Frozen {
        id: String,
        name: String,
        step: String,
        editable: Vec<String>,
    },
    /// A `file` field given as text: it is filled by attaching a file.
    FileField {
        name: String,
    },
    /// An attached file the rules refuse: its name, a field it cannot fill, the action.
    Attachment {
        name: String,
        problem: String,
    },
    /// An attached file of a type the procedure (or the field) does not take.
    AttachmentType {
        name: String,
        media_type: String,
        whose: String,
        allowed: Vec<String>,
    },
    /// Attached files over a limit of sop.toml's `[attachments]`: `what` is the file or the
    /// request, `key` the setting.
    TooLarge {
        what: String,
        size: u64,
        limit_mb: u64,
        key: String,
    },
    /// Any other change that the rules do not allow (exit 3), worded as a finding.
    Invalid(String),
    /// Any other change the actor may not make (exit 4), worded as a finding.
    Forbidden(String),
}

impl Refusal {
    /// Invalid (3) or not permitted (4).
    pub fn code(&self) -> Code {
        match self {
            Refusal::NotPermitted { .. }
            | Refusal::SelfDecision { .. }
            | Refusal::CancelNotPermitted { .. }
            | Refusal::Forbidden(_) => Code::Forbidden,
            _ => Code::Invalid,
        }
    }
}

fn a(kind: Kind) -> &'static str {
    if kind == Kind::Approval {
        "an"
    } else {
        "a"
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Draft { procedure, .. } => {
                write!(f, "procedure '{procedure}' is a draft and cannot take requests yet")
            }
            Refusal::NoSteps { procedure } => write!(f, "procedure '{procedure}' has no steps"),
            Refusal::Exists { id } => write!(f, "request {id} already exists"),
            Refusal::NotCreated => {
                write!(f, "the request does not exist yet: a new request starts with a create")
            }
            Refusal::Finished { id, status } => {
                write!(f, "request {id} is already {status}: it cannot be changed")
            }
            Refusal::StepGone { id, step, procedure } => write!(
                f,
                "request {id} is at step '{step}', which procedure '{procedure}' no longer has"
            ),
            Refusal::UnknownField { whose, name, known } => {
                write!(f, "{whose} has no field '{name}'")?;
                if known.is_empty() {
                    write!(f, " (it takes no fields)")
                } else {
                    write!(f, ": it takes {}", known.join(", "))
                }
            }
            Refusal::BadField(why) => f.write_str(why),
            Refusal::MissingFields { whose, names } => {
                write!(f, "{whose} needs field(s) {}", names.join(", "))
            }
            Refusal::WrongKind { id, action, step, kind, .. } => write!(
                f,
                "cannot {action} {id}: its step '{step}' is {} {kind}",
                a(*kind)
            ),
            Refusal::NeedsOption { id, step, options } => write!(
                f,
                "step '{step}' of {id} is a decision: choose one of {}",
                options.join(", ")
            ),
            Refusal::UnknownOption { step, option, options } => write!(
                f,
                "step '{step}' has no option '{option}': choose one of {}",
                options.join(", ")
            ),
            Refusal::NotADecision { id, step, kind } => write!(
                f,
                "step '{step}' of {id} is {} {kind}, not a decision: an option does not apply",
                a(*kind)
            ),
            Refusal::NeedsReason { action } => write!(f, "{action} needs a reason"),
            Refusal::NotPermitted { actor, id, step, activity, held_by } => {
                write!(f, "{actor} may not do step '{step}' ({activity}) of {id}: {held_by}")
            }
            Refusal::SelfDecision { actor, id, held_by } => write!(
                f,
                "{actor} requested {id} and cannot decide it too (separation of duties); {held_by}"
            ),
            Refusal::CancelNotPermitted { id, requester, admin } => write!(
                f,
                "only the requester ({requester}) or a holder of role '{admin}' may cancel {id}"
            ),
            Refusal::LeadsNowhere { procedure, step } => {
                write!(f, "step '{step}' of procedure '{procedure}' leads nowhere")
            }
            Refusal::UnknownTarget { procedure, target } => {
                write!(f, "procedure '{procedure}' leads to unknown step '{target}'")
            }
            Refusal::NoRoute { id, step, field, value } => write!(
                f,
                "step '{step}' routes by field '{field}', but {id} has {field} = '{value}', which it has no option for"
            ),
            Refusal::AutomaticLoop { procedure } => {
                write!(f, "procedure '{procedure}' routes in a circle of automatic decisions")
            }
            Refusal::AssetNeeded { procedure } => {
                write!(f, "procedure '{procedure}' is about an asset, and none was given")
            }
            Refusal::NoAsset { id } => write!(f, "there is no asset {id}"),
            Refusal::BadText { what, why } => write!(f, "{what} {why}"),
            Refusal::Asset { id, procedure, problem } => write!(f, "{procedure} of {id}: {problem}"),
            Refusal::Held { id, reason } => {
                write!(f, "request {id} is on hold ({reason}): it must be resumed first")
            }
            Refusal::Frozen { id, name, step, editable } => {
                write!(f, "field '{name}' of {id} cannot be changed at step '{step}'")?;
                match editable.is_empty() {
                    true => write!(f, " (the step may change no field)"),
                    false => write!(f, ": it may change {}", editable.join(", ")),
                }
            }
            Refusal::FileField { name } => write!(
                f,
                "field '{name}' is a file: it is filled by attaching one, not given as text"
            ),
            Refusal::Attachment { name, problem } => write!(f, "attachment '{name}' {problem}"),
            Refusal::AttachmentType { name, media_type, whose, allowed } => write!(
                f,
                "attachment '{name}' is {media_type}, but {whose} takes only {}",
                allowed.join(", ")
            ),
            Refusal::TooLarge { what, size, limit_mb, key } => write!(
                f,
                "{what} come(s) to {} ({size} bytes), over the limit of {limit_mb} MiB ({key})",
                crate::attachment::human(*size)
            ),
            Refusal::Invalid(why) | Refusal::Forbidden(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for Refusal {}
