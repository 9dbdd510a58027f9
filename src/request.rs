//! The request record and its canonical TOML form.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::field::Fields;

pub const OPEN: &str = "open";
pub const CANCELLED: &str = "cancelled";

/// One request, as stored in `requests/<PREFIX>/<shard>/<ID>.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    pub id: String,
    pub procedure: String,
    pub version: u32,
    pub title: String,
    /// `open`, `cancelled`, or the outcome of the end step reached (`completed`, `rejected`, …).
    pub status: String,
    /// The current step; none once the request is finished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    pub requester: String,
    pub created: DateTime<FixedOffset>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asset: Option<String>,
    #[serde(default)]
    pub fields: Fields,
    #[serde(default)]
    pub history: Vec<Entry>,
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
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Advance => "advance",
            Action::Approve => "approve",
            Action::Reject => "reject",
            Action::Cancel => "cancel",
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

    /// When the request arrived at its current step.
    pub fn step_since(&self) -> DateTime<FixedOffset> {
        self.history.last().map_or(self.created, |e| e.at)
    }

    /// The canonical file form: one layout for every writer, so a hand edit shows as a diff.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a request always serialises")
    }

    pub fn from_toml(text: &str) -> Result<Request, toml::de::Error> {
        toml::from_str(text)
    }
}
