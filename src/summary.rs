//! What `sop list` needs of every request, read from HEAD's tree and cached by blob id, so
//! listing 100,000 requests parses only the files that changed since the last listing.
//!
//! The list shows what is committed: a hand edit that was never committed is not a state of
//! the request (`git status` shows it, and sop refuses to act on it).

use std::path::Path;

use anyhow::Result;
use chrono::{DateTime, FixedOffset};

use crate::blob_cache::{escape, unescape, BlobCache, Cached};
use crate::git::Git;
use crate::invalid;
use crate::request::Request;
use crate::store;

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub id: String,
    pub procedure: String,
    pub title: String,
    pub status: String,
    pub step: Option<String>,
    pub requester: String,
    pub created: DateTime<FixedOffset>,
    /// When the request arrived at its current step.
    pub since: DateTime<FixedOffset>,
}

impl From<&Request> for Summary {
    fn from(r: &Request) -> Summary {
        Summary {
            id: r.id.clone(),
            procedure: r.procedure.clone(),
            title: r.title.clone(),
            status: r.status.clone(),
            step: r.step.clone(),
            requester: r.requester.clone(),
            created: r.created,
            since: r.step_since(),
        }
    }
}

/// Every committed request's summary; a malformed file is reported, not fatal.
pub fn all(git: &Git) -> Result<(Vec<Summary>, Vec<anyhow::Error>)> {
    let (cache, errors) = BlobCache::head(git, "requests", CACHE, parse)?;
    Ok((cache.into_values().collect(), errors))
}

const CACHE: &str = "sop-cache-requests.tsv";

fn parse(path: &str, bytes: &[u8]) -> Result<Summary> {
    let text = std::str::from_utf8(bytes).map_err(|_| invalid!("{path}: not UTF-8"))?;
    Ok(Summary::from(&store::parse_request(Path::new(path), text)?))
}

/// Tab-separated, tabs and line breaks escaped.
impl Cached for Summary {
    fn encode(&self) -> String {
        [
            escape(&self.id),
            escape(&self.procedure),
            escape(&self.title),
            escape(&self.status),
            escape(self.step.as_deref().unwrap_or("")),
            escape(&self.requester),
            self.created.to_rfc3339().into(),
            self.since.to_rfc3339().into(),
        ]
        .join("\t")
    }

    fn decode(text: &str) -> Option<Summary> {
        let f: Vec<&str> = text.split('\t').collect();
        let [id, procedure, title, status, step, requester, created, since] = f[..] else {
            return None;
        };
        let time = |s: &str| DateTime::parse_from_rfc3339(s).ok();
        Some(Summary {
            id: unescape(id).into_owned(),
            procedure: unescape(procedure).into_owned(),
            title: unescape(title).into_owned(),
            status: unescape(status).into_owned(),
            step: Some(unescape(step).into_owned()).filter(|s| !s.is_empty()),
            requester: unescape(requester).into_owned(),
            created: time(created)?,
            since: time(since)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_lines_round_trip() {
        let t = DateTime::parse_from_rfc3339("2026-11-23T09:00:00+07:00").unwrap();
        let s = Summary {
            id: "EML-1".into(),
            procedure: "email".into(),
            title: "a\ttab, a \\ and\na newline".into(),
            status: "completed".into(),
            step: None,
            requester: "putri".into(),
            created: t,
            since: t,
        };
        let line = s.encode();
        assert!(!line.contains('\n'));
        assert_eq!(Summary::decode(&line), Some(s));
    }
}
