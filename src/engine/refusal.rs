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

/// A step's kind as a sentence names it: "an approval", "persetujuan".
fn kind_word(kind: Kind) -> String {
    match kind {
        Kind::Task => t!(KindTask),
        Kind::Approval => t!(KindApproval),
        Kind::Decision => t!(KindDecision),
        Kind::End => t!(KindEnd),
        Kind::Start => t!(KindStart),
        Kind::Call => t!(KindCall),
    }
}

/// An action as the verb of a sentence: "approve", "menyetujui".
fn verb(action: Action) -> String {
    match action {
        Action::Create => t!(VerbCreate),
        Action::Advance => t!(VerbAdvance),
        Action::Approve => t!(VerbApprove),
        Action::Reject => t!(VerbReject),
        Action::Cancel => t!(VerbCancel),
        Action::Edit => t!(VerbEdit),
        Action::Comment => t!(VerbComment),
        Action::Assign => t!(VerbAssign),
        Action::Unassign => t!(VerbUnassign),
        Action::Hold => t!(VerbHold),
        Action::Resume => t!(VerbResume),
        Action::Return => t!(VerbReturn),
    }
}

/// The wording is the catalogue's (src/i18n/messages.rs), in the language of the run.
impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Refusal::Draft { procedure, .. } => t!(RefuseDraft, procedure = procedure),
            Refusal::NoSteps { procedure } => t!(RefuseNoSteps, procedure = procedure),
            Refusal::Exists { id } => t!(RefuseExists, id = id),
            Refusal::NotCreated => t!(RefuseNotCreated),
            Refusal::Finished { id, status } => {
                t!(
                    RefuseFinished,
                    id = id,
                    status = crate::i18n::status(status)
                )
            }
            Refusal::StepGone {
                id,
                step,
                procedure,
            } => {
                t!(RefuseStepGone, id = id, step = step, procedure = procedure)
            }
            Refusal::UnknownField { whose, name, known } => {
                let tail = match known.is_empty() {
                    true => t!(RefuseTakesNoFields),
                    false => t!(RefuseTakesFields, names = known.join(", ")),
                };
                t!(RefuseUnknownField, whose = whose, name = name) + &tail
            }
            Refusal::BadField(why) => why.clone(),
            Refusal::MissingFields { whose, names } => {
                t!(RefuseMissingFields, whose = whose, names = names.join(", "))
            }
            Refusal::WrongKind {
                id,
                action,
                step,
                kind,
                ..
            } => t!(
                RefuseWrongKind,
                action = verb(*action),
                id = id,
                step = step,
                kind = kind_word(*kind)
            ),
            Refusal::NeedsOption { id, step, options } => {
                t!(
                    RefuseNeedsOption,
                    step = step,
                    id = id,
                    options = options.join(", ")
                )
            }
            Refusal::UnknownOption {
                step,
                option,
                options,
            } => t!(
                RefuseUnknownOption,
                step = step,
                option = option,
                options = options.join(", ")
            ),
            Refusal::NotADecision { id, step, kind } => {
                t!(
                    RefuseNotADecision,
                    step = step,
                    id = id,
                    kind = kind_word(*kind)
                )
            }
            Refusal::NeedsReason { action } => t!(RefuseNeedsReason, action = verb(*action)),
            Refusal::NotPermitted {
                actor,
                id,
                step,
                activity,
                held_by,
            } => t!(
                RefuseNotPermitted,
                actor = actor,
                step = step,
                activity = activity,
                id = id,
                held_by = held_by
            ),
            Refusal::SelfDecision { actor, id, held_by } => {
                t!(
                    RefuseSelfDecision,
                    actor = actor,
                    id = id,
                    held_by = held_by
                )
            }
            Refusal::CancelNotPermitted {
                id,
                requester,
                admin,
            } => t!(
                RefuseCancelNotPermitted,
                requester = requester,
                admin = admin,
                id = id
            ),
            Refusal::LeadsNowhere { procedure, step } => {
                t!(RefuseLeadsNowhere, step = step, procedure = procedure)
            }
            Refusal::UnknownTarget { procedure, target } => {
                t!(RefuseUnknownTarget, procedure = procedure, target = target)
            }
            Refusal::NoRoute {
                id,
                step,
                field,
                value,
            } => t!(
                RefuseNoRoute,
                step = step,
                field = field,
                id = id,
                value = value
            ),
            Refusal::AutomaticLoop { procedure } => t!(RefuseAutomaticLoop, procedure = procedure),
            Refusal::AssetNeeded { procedure } => t!(RefuseAssetNeeded, procedure = procedure),
            Refusal::NoAsset { id } => t!(RefuseNoAsset, id = id),
            Refusal::BadText { what, why } => format!("{what} {why}"),
            Refusal::Asset {
                id,
                procedure,
                problem,
            } => {
                t!(
                    RefuseAsset,
                    procedure = procedure,
                    id = id,
                    problem = problem
                )
            }
            Refusal::Held { id, reason } => t!(RefuseHeld, id = id, reason = reason),
            Refusal::Frozen {
                id,
                name,
                step,
                editable,
            } => {
                let tail = match editable.is_empty() {
                    true => t!(RefuseFrozenNone),
                    false => t!(RefuseFrozenSome, names = editable.join(", ")),
                };
                t!(RefuseFrozen, name = name, id = id, step = step) + &tail
            }
            Refusal::FileField { name } => t!(RefuseFileField, name = name),
            Refusal::Attachment { name, problem } => {
                t!(RefuseAttachment, name = name, problem = problem)
            }
            Refusal::AttachmentType {
                name,
                media_type,
                whose,
                allowed,
            } => t!(
                RefuseAttachmentType,
                name = name,
                media_type = media_type,
                whose = whose,
                allowed = allowed.join(", ")
            ),
            Refusal::TooLarge {
                what,
                size,
                limit_mb,
                key,
            } => t!(
                RefuseTooLarge,
                what = what,
                human = crate::attachment::human(*size),
                size = size,
                limit_mb = limit_mb,
                key = key
            ),
            Refusal::Invalid(why) | Refusal::Forbidden(why) => why.clone(),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for Refusal {}
