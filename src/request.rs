//! The request record and its canonical TOML form.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::field::Fields;

pub const OPEN: &str = "open";
pub const CANCELLED: &str = "cancelled";
/// Waiting on something outside the office (`sop hold`); `sop resume` opens it again.
pub const HELD: &str = "held";

/// One request, as stored in `requests/<PREFIX>/<shard>/<ID>.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    pub id: String,
    pub procedure: String,
    pub version: u32,
    pub title: String,
    /// `open`, `held`, `cancelled`, or the outcome of the end step reached (`completed`, `rejected`, …).
    pub status: String,
    /// The current step; none once the request is finished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    /// The person who opened it: the requester, or the staff member who opened it for an
    /// outside requester (`on_behalf_of`).
    pub requester: String,
    pub created: DateTime<FixedOffset>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asset: Option<String>,
    /// The one person the current step is given to (`sop assign`); cleared when it moves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee: Option<String>,
    #[serde(default)]
    pub fields: Fields,
    /// A requester outside people.toml, for whom staff opened the request and do the
    /// requester's steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_behalf_of: Option<Outsider>,
    /// The request whose `call` step started this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The requests this one's `call` steps started, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<String>,
    /// Why the request is held, while its status is `held`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hold: Option<Hold>,
    /// Every file attached to the request, in the order they were added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    #[serde(default)]
    pub history: Vec<Entry>,
}

/// A file attached to a request, stored once by its content at
/// `attachments/<first two hex digits>/<sha256>` in the records directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// The file's name (no folders), unique within the request.
    pub name: String,
    /// SHA-256 of the content, 64 lowercase hex digits.
    pub sha256: String,
    /// In bytes.
    pub size: u64,
    /// `application/pdf`, `image/jpeg`, … (`application/octet-stream` when unknown).
    pub media_type: String,
    /// The `file` field of the procedure this file fills, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// A requester who is not in people.toml: a visitor, an OPD's staff member, a citizen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outsider {
    pub name: String,
    /// How to reach them: a phone number, an email, an office.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
}

impl std::fmt::Display for Outsider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.contact.is_empty() {
            true => f.write_str(&self.name),
            false => write!(f, "{} <{}>", self.name, self.contact),
        }
    }
}

/// A hold on a request: why, since when, and until when it is expected to last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hold {
    pub reason: String,
    pub since: DateTime<FixedOffset>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
}

/// A time a request was held at its step: from the hold to the resume (none while it still is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Held {
    pub from: DateTime<FixedOffset>,
    pub to: Option<DateTime<FixedOffset>>,
}

/// One value changed by `sop edit`: a field (or `title`), as it was and as it is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edit {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    pub to: String,
}

/// One change to a request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The step acted on (for `create`, the first step).
    pub step: String,
    pub action: Action,
    /// Person id of the actor.
    pub by: String,
    /// The role the actor stood in for (Plt/Plh), when acting as a stand-in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acting_for: Option<String>,
    pub at: DateTime<FixedOffset>,
    /// The step the request moved to (the end step when it finished; none when cancelled).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Fields given with this change.
    #[serde(default, skip_serializing_if = "Fields::is_empty")]
    pub fields: Fields,
    /// Secret fields given with this change: their names only, never their values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secrets: Vec<String>,
    /// `edit`: what changed, old and new.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edits: Vec<Edit>,
    /// `assign`: the person given the step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee: Option<String>,
    /// `hold`: the day the hold is expected to end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    /// The files attached with this change.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    /// The request this change started by arriving at a `call` step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child: Option<String>,
    /// `return`: the request that ended (started by this one's `call` step).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<String>,
    /// A requester's step done by staff for the outside requester (`on_behalf_of`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub on_behalf: bool,
}

/// What a change did to a request; stored in its history as the lowercase word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Create,
    Advance,
    Approve,
    Reject,
    Cancel,
    /// Correct fields or the title, without moving.
    Edit,
    /// A remark for the history, without moving.
    Comment,
    /// Give the current step to one person.
    Assign,
    Unassign,
    /// Stop the clock while waiting on something outside the office.
    Hold,
    /// Open a held request again, or a finished one whose end may be resumed.
    Resume,
    /// The request a `call` step started has ended: this one leads on by its outcome.
    Return,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Advance => "advance",
            Action::Approve => "approve",
            Action::Reject => "reject",
            Action::Cancel => "cancel",
            Action::Edit => "edit",
            Action::Comment => "comment",
            Action::Assign => "assign",
            Action::Unassign => "unassign",
            Action::Hold => "hold",
            Action::Resume => "resume",
            Action::Return => "return",
        }
    }
}

impl Entry {
    /// An entry with nothing but the step acted on, the action, who and when.
    pub fn new(step: &str, action: Action, by: &str, at: DateTime<FixedOffset>) -> Entry {
        Entry {
            step: step.to_string(),
            action,
            by: by.to_string(),
            acting_for: None,
            at,
            to: None,
            option: None,
            output: None,
            note: None,
            fields: Fields::new(),
            secrets: Vec::new(),
            edits: Vec::new(),
            assignee: None,
            until: None,
            attachments: Vec::new(),
            child: None,
            ended: None,
            on_behalf: false,
        }
    }

    /// Whether this change ended a visit to a step (a create, advance, approve, reject or
    /// cancel, or the resume of a finished request). A comment, an edit, an assignment, a
    /// hold or the resume of a held request leaves the request where it was.
    pub fn moves(&self) -> bool {
        match self.action {
            Action::Create | Action::Advance | Action::Approve | Action::Reject => true,
            Action::Return => true,
            Action::Cancel => true,
            Action::Resume => self.to.as_deref() != Some(self.step.as_str()),
            _ => false,
        }
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Request {
    pub fn is_open(&self) -> bool {
        self.status == OPEN
    }

    /// When the request arrived at its current step: the last change that moved it (a
    /// comment, an edit, an assignment or a hold leaves it where it was).
    pub fn step_since(&self) -> DateTime<FixedOffset> {
        self.last_move().map_or(self.created, |e| e.at)
    }

    /// The last change that moved the request (see `Entry::moves`).
    pub fn last_move(&self) -> Option<&Entry> {
        self.history.iter().rev().find(|e| e.moves())
    }

    /// Every time the request was held, at any step (the last one open while it is held).
    pub fn all_held(&self) -> Vec<Held> {
        let (visits, now) = self.visits();
        visits
            .into_iter()
            .flat_map(|(_, held)| held)
            .chain(now)
            .collect()
    }

    /// Each visit to a step that a change ended (oldest first): the moving entry, with the
    /// times the request was held during the visit; then the held times of the current visit.
    /// A hold lasts until the resume of the held request, or until a change moves it on.
    pub fn visits(&self) -> (Vec<(&Entry, Vec<Held>)>, Vec<Held>) {
        let mut ended = Vec::new();
        let mut held: Vec<Held> = Vec::new();
        for e in &self.history {
            let open = held.last_mut().filter(|h| h.to.is_none());
            if e.moves() {
                if let Some(h) = open {
                    h.to = Some(e.at);
                }
                ended.push((e, std::mem::take(&mut held)));
            } else if e.action == Action::Hold && open.is_none() {
                held.push(Held {
                    from: e.at,
                    to: None,
                });
            } else if let (Action::Resume, Some(h)) = (e.action, open) {
                h.to = Some(e.at);
            }
        }
        (ended, held)
    }

    /// The canonical file form: one layout for every writer, so a hand edit shows as a diff.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a request always serialises")
    }

    pub fn from_toml(text: &str) -> Result<Request, toml::de::Error> {
        toml::from_str(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    /// Held at one step (resumed, held again, then cancelled while held): two holds, the second
    /// ended by the cancel; a comment is no visit's end.
    #[test]
    fn visits_end_with_moving_changes_and_holds_with_a_resume_or_a_move() {
        let mut r = Request {
            id: "EML-1".into(),
            procedure: "email".into(),
            version: 1,
            title: "t".into(),
            status: CANCELLED.into(),
            step: None,
            requester: "putri".into(),
            created: t("2026-11-23T09:00:00+07:00"),
            asset: None,
            assignee: None,
            fields: Fields::new(),
            on_behalf_of: None,
            parent: None,
            children: Vec::new(),
            hold: None,
            attachments: Vec::new(),
            history: Vec::new(),
        };
        let entries = [
            (Action::Create, "2026-11-23T09:00:00+07:00"),
            (Action::Hold, "2026-11-23T10:00:00+07:00"),
            (Action::Comment, "2026-11-23T10:30:00+07:00"),
            (Action::Resume, "2026-11-23T11:00:00+07:00"),
            (Action::Hold, "2026-11-23T12:00:00+07:00"),
            (Action::Cancel, "2026-11-23T13:00:00+07:00"),
        ];
        for (action, at) in entries {
            let to = (action != Action::Cancel).then(|| "isi-form".to_string());
            r.history.push(Entry {
                to,
                ..Entry::new("isi-form", action, "putri", t(at))
            });
        }
        let (visits, now) = r.visits();
        assert!(now.is_empty());
        let ends: Vec<_> = visits.iter().map(|(e, h)| (e.action, h.clone())).collect();
        let held = |a, b| Held {
            from: t(a),
            to: Some(t(b)),
        };
        assert_eq!(
            ends,
            [
                (Action::Create, vec![]),
                (
                    Action::Cancel,
                    vec![
                        held("2026-11-23T10:00:00+07:00", "2026-11-23T11:00:00+07:00"),
                        held("2026-11-23T12:00:00+07:00", "2026-11-23T13:00:00+07:00"),
                    ]
                ),
            ]
        );
    }
}
