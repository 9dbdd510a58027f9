//! What `sop list` and `sop report` need of every request, read from HEAD's tree through the
//! tree-stamped cache (`tree_cache`), so listing 100,000 requests parses only the files that
//! changed since the last reading.
//!
//! The list shows what is committed: a hand edit that was never committed is not a state of
//! the request (`git status` shows it, and sop refuses to act on it).

use std::borrow::Cow;
use std::path::Path;

use anyhow::Result;
use chrono::{DateTime, FixedOffset};

use crate::git::Git;
use crate::invalid;
use crate::request::Request;
use crate::store;
use crate::tree_cache::{escape, unescape, Cached, TreeCache};

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
    /// The step and time of each history entry, oldest first, tab-separated as the cache line
    /// holds them (read by `moves` only for `sop report`, so that `list` does not pay for them).
    moves: String,
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
            moves: r
                .history
                .iter()
                .map(|e| format!("{}\t{}", escape(&e.step), time::encode(e.at)))
                .collect::<Vec<_>>()
                .join("\t"),
        }
    }
}

impl Summary {
    /// The step and time of each history entry, oldest first: each closes a visit to its step.
    pub fn moves(&self) -> impl Iterator<Item = (Cow<'_, str>, DateTime<FixedOffset>)> {
        let mut f = self.moves.split('\t');
        std::iter::from_fn(move || {
            let (step, at) = (f.next()?, f.next()?);
            Some((unescape(step), time::decode(at).unwrap_or_default()))
        })
    }
}

/// Every committed request's summary; a malformed file is reported, not fatal.
pub fn all(git: &Git) -> Result<(TreeCache<Summary>, Vec<anyhow::Error>)> {
    TreeCache::head(git, "requests", CACHE, parse)
}

const CACHE: &str = "sop-cache-requests.tsv";

fn parse(path: &str, bytes: &[u8]) -> Result<Summary> {
    let text = std::str::from_utf8(bytes).map_err(|_| invalid!("{path}: not UTF-8"))?;
    Ok(Summary::from(&store::parse_request(Path::new(path), text)?))
}

/// Tab-separated, tabs and line breaks escaped; times as `seconds±offset` (see `time`), then
/// each move as a step and a time.
impl Cached for Summary {
    fn encode(&self) -> String {
        let f = [
            escape(&self.id),
            escape(&self.procedure),
            escape(&self.title),
            escape(&self.status),
            escape(self.step.as_deref().unwrap_or("")),
            escape(&self.requester),
            time::encode(self.created).into(),
            time::encode(self.since).into(),
        ];
        let mut line = f.join("\t");
        if !self.moves.is_empty() {
            line.push('\t');
            line += &self.moves;
        }
        line
    }

    fn decode(text: &str) -> Option<Summary> {
        let mut f = text.splitn(9, '\t');
        let mut text = || f.next().map(|v| unescape(v).into_owned());
        let (id, procedure, title, status, step, requester) =
            (text()?, text()?, text()?, text()?, text()?, text()?);
        let (created, since) = (time::decode(&text()?)?, time::decode(&text()?)?);
        let moves = f.next().map_or(String::new(), str::to_string);
        Some(Summary {
            id,
            procedure,
            title,
            status,
            step: Some(step).filter(|s| !s.is_empty()),
            requester,
            created,
            since,
            moves,
        })
    }
}

/// A time as seconds since the epoch and its offset from UTC in seconds, with nanoseconds
/// when there are any (`1764640800+25200`, `1764640800+25200.5`): read back much faster than
/// RFC 3339, which counts at 100,000 requests.
mod time {
    use chrono::{DateTime, FixedOffset};

    pub fn encode(t: DateTime<FixedOffset>) -> String {
        let (secs, offset) = (t.timestamp(), t.offset().local_minus_utc());
        match t.timestamp_subsec_nanos() {
            0 => format!("{secs}{offset:+}"),
            nanos => format!("{secs}{offset:+}.{nanos}"),
        }
    }

    pub fn decode(s: &str) -> Option<DateTime<FixedOffset>> {
        let (s, nanos) = s.split_once('.').unwrap_or((s, "0"));
        let split = s.get(1..)?.find(['+', '-'])? + 1;
        let (secs, offset) = s.split_at(split);
        let offset = FixedOffset::east_opt(offset.parse().ok()?)?;
        let utc = DateTime::from_timestamp(secs.parse().ok()?, nanos.parse().ok()?)?;
        Some(utc.with_timezone(&offset))
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
            moves: String::new(),
        };
        let moves = vec![("isi-form".to_string(), t), ("a\tstep".to_string(), t)];
        let s = Summary {
            moves: moves
                .iter()
                .map(|(step, at)| format!("{}\t{}", escape(step), time::encode(*at)))
                .collect::<Vec<_>>()
                .join("\t"),
            ..s
        };
        let read: Vec<(String, DateTime<FixedOffset>)> = s
            .moves()
            .map(|(step, at)| (step.into_owned(), at))
            .collect();
        assert_eq!(read, moves);
        let line = s.encode();
        for t in [
            "1969-12-31T23:59:59-05:00",
            "2026-11-23T09:00:00.123456789+05:45",
            "2026-11-23T09:00:00Z",
        ] {
            let t = DateTime::parse_from_rfc3339(t).unwrap();
            assert_eq!(time::decode(&time::encode(t)), Some(t));
        }
        assert!(!line.contains('\n'));
        assert_eq!(Summary::decode(&line), Some(s));
    }
}
