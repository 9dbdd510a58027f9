//! What `sop list` needs of every request, read from HEAD's tree and cached by blob id, so
//! listing 100,000 requests parses only the files that changed since the last listing.
//!
//! The list shows what is committed: a hand edit that was never committed is not a state of
//! the request (`git status` shows it, and sop refuses to act on it).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;
use chrono::{DateTime, FixedOffset};
use git2::Oid;
use rayon::prelude::*;

use crate::git::Git;
use crate::invalid;
use crate::request::Request;
use crate::store::Records;

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
    let cache_path = git.private_file("sop-cache-requests.tsv");
    let cache = read_cache(&cache_path);
    let blobs = git.head_files(Path::new("requests"))?;
    let mut summaries = Vec::with_capacity(blobs.len());
    let mut missing = Vec::new();
    for (path, oid) in blobs {
        match cache.get(&oid) {
            Some(s) => summaries.push((oid, s.clone())),
            None => missing.push((format!("requests/{path}"), oid, git.read_blob(oid)?)),
        }
    }
    let parsed: Vec<(Oid, Result<Summary>)> = missing
        .into_par_iter()
        .map(|(path, oid, bytes)| (oid, parse(&path, &bytes)))
        .collect();
    let changed = !parsed.is_empty() || summaries.len() != cache.len();
    let mut errors = Vec::new();
    for (oid, result) in parsed {
        match result {
            Ok(s) => summaries.push((oid, s)),
            Err(e) => errors.push(e),
        }
    }
    if changed {
        // A cache that cannot be written only makes the next listing slower.
        let _ = crate::git::write_atomic(&cache_path, write_cache(&summaries).as_bytes());
    }
    Ok((summaries.into_iter().map(|(_, s)| s).collect(), errors))
}

fn parse(path: &str, bytes: &[u8]) -> Result<Summary> {
    let text = std::str::from_utf8(bytes).map_err(|_| invalid!("{path}: not UTF-8"))?;
    let req = Request::from_toml(text)
        .map_err(|e| invalid!("{path}: {}", crate::config::short_toml_error(&e)))?;
    let expected = Records::request_path(&req.id);
    if !path.ends_with(&expected.display().to_string()) {
        return Err(invalid!(
            "{path}: its id {} belongs in {}",
            req.id,
            expected.display()
        ));
    }
    Ok(Summary::from(&req))
}

/// One line a request: blob id and the summary, tab-separated, tabs and newlines escaped.
fn write_cache(summaries: &[(Oid, Summary)]) -> String {
    let mut out = String::with_capacity(summaries.len() * 160);
    for (oid, s) in summaries {
        let _ = writeln!(
            out,
            "{oid}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            esc(&s.id),
            esc(&s.procedure),
            esc(&s.title),
            esc(&s.status),
            esc(s.step.as_deref().unwrap_or("")),
            esc(&s.requester),
            s.created.to_rfc3339(),
            s.since.to_rfc3339()
        );
    }
    out
}

fn read_cache(path: &Path) -> HashMap<Oid, Summary> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return HashMap::new();
    };
    text.lines().filter_map(cache_line).collect()
}

fn cache_line(line: &str) -> Option<(Oid, Summary)> {
    let f: Vec<&str> = line.split('\t').collect();
    let [oid, id, procedure, title, status, step, requester, created, since] = f[..] else {
        return None;
    };
    let time = |s: &str| DateTime::parse_from_rfc3339(s).ok();
    Some((
        Oid::from_str(oid).ok()?,
        Summary {
            id: unesc(id),
            procedure: unesc(procedure),
            title: unesc(title),
            status: unesc(status),
            step: Some(unesc(step)).filter(|s| !s.is_empty()),
            requester: unesc(requester),
            created: time(created)?,
            since: time(since)?,
        },
    ))
}

fn esc(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
}

fn unesc(s: &str) -> String {
    if !s.contains('\\') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    out
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
        let oid = Oid::hash_object(git2::ObjectType::Blob, b"x").unwrap();
        let text = write_cache(&[(oid, s.clone())]);
        assert_eq!(text.lines().count(), 1);
        assert_eq!(cache_line(text.lines().next().unwrap()), Some((oid, s)));
    }
}
