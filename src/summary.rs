//! What `sop list` and `sop report` need of every request, read from HEAD's tree through the
//! tree-stamped cache (`tree_cache`), so listing 100,000 requests parses only the files that
//! changed since the last reading.
//!
//! The list shows what is committed: a hand edit that was never committed is not a state of
//! the request (`git status` shows it, and sop refuses to act on it).

use std::borrow::Cow;
use std::path::Path;

use anyhow::Result;
use chrono::{DateTime, FixedOffset, NaiveDate};
use compact_str::CompactString;

use crate::fold;
use crate::git::Git;
use crate::invalid;
use crate::request::{Held, Hold, Outsider, Request};
use crate::store;
use crate::tree_cache::{escape, unescape, Cached, Shared, TreeCache};

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub id: CompactString,
    pub procedure: CompactString,
    pub title: CompactString,
    pub status: CompactString,
    pub step: Option<CompactString>,
    pub requester: CompactString,
    pub created: DateTime<FixedOffset>,
    /// When the request arrived at its current step.
    pub since: DateTime<FixedOffset>,
    /// What few requests have, boxed so that the others do not carry room for it (`rare`).
    rare: Option<Box<Rare>>,
    /// The end of the cache line, kept as it is there (one copy, read only by `matches`,
    /// `field` and `moves`, so that a plain `list` does not pay for it): what `--search` looks
    /// in besides the id, title and fields, its parts separated by `SEP`, escaped; then the
    /// fields, each `name` `NAME_SEP` `value`, separated by `SEP`, escaped; then,
    /// tab-separated, each visit a change ended, oldest first: its step, the time and the held
    /// times.
    tail: Shared,
}

/// What few requests have: an assignee, a hold, an outside requester, held times.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rare {
    pub assignee: Option<String>,
    pub hold: Option<Hold>,
    pub on_behalf_of: Option<Outsider>,
    /// The times it was held at its current step (`Request::visits`).
    pub held: Vec<Held>,
}

impl Rare {
    const NONE: Rare = Rare {
        assignee: None,
        hold: None,
        on_behalf_of: None,
        held: Vec::new(),
    };

    /// Boxed, or none when it holds nothing.
    fn boxed(self) -> Option<Box<Rare>> {
        (self != Rare::NONE).then(|| Box::new(self))
    }
}

/// Between the parts of the search text: not a character a word searched for can hold.
const SEP: char = '\u{1f}';
/// Between a field's name and its value in the cache line.
const NAME_SEP: char = '\u{1e}';

impl From<&Request> for Summary {
    fn from(r: &Request) -> Summary {
        let (visits, held) = r.visits();
        Summary {
            id: r.id.as_str().into(),
            procedure: r.procedure.as_str().into(),
            title: r.title.as_str().into(),
            status: r.status.as_str().into(),
            step: r.step.as_deref().map(Into::into),
            requester: r.requester.as_str().into(),
            created: r.created,
            since: r.step_since(),
            rare: Rare {
                assignee: r.assignee.clone(),
                hold: r.hold.clone(),
                on_behalf_of: r.on_behalf_of.clone(),
                held,
            }
            .boxed(),
            tail: tail(
                &search_text(r),
                &fields_text(r),
                visits.iter().map(|(e, held)| (&e.step, e.at, held)),
            ),
        }
    }
}

/// The cache line's end (see `Summary::tail`) for `search` text and the `moves`.
fn tail<'a>(
    search: &str,
    fields: &str,
    moves: impl Iterator<Item = (&'a String, DateTime<FixedOffset>, &'a Vec<Held>)>,
) -> Shared {
    let mut tail = escape(search).into_owned();
    tail.push('\t');
    tail += &escape(fields);
    for (step, at, held) in moves {
        let (step, at) = (escape(step), time::encode(at));
        tail += &format!("\t{step}\t{at}\t{}", encode_held(held));
    }
    tail.into()
}

/// The request's fields as the cache keeps them (see `Summary::tail`).
fn fields_text(r: &Request) -> String {
    let pairs: Vec<String> = r
        .fields
        .iter()
        .map(|(name, value)| format!("{name}{NAME_SEP}{value}"))
        .collect();
    pairs.join(&SEP.to_string())
}

/// What `--search` looks in besides the id, title and fields: the outside requester, and
/// every note (comments, reasons), output and edited value of the history.
fn search_text(r: &Request) -> String {
    let mut parts: Vec<Cow<str>> = Vec::new();
    if let Some(o) = &r.on_behalf_of {
        parts.extend([o.name.as_str().into(), o.contact.as_str().into()]);
    }
    for e in &r.history {
        parts.extend(e.note.iter().chain(&e.output).map(|t| t.as_str().into()));
        for edit in &e.edits {
            parts.extend(
                edit.from
                    .iter()
                    .chain([&edit.to])
                    .map(|t| t.as_str().into()),
            );
        }
    }
    parts.retain(|p| !p.is_empty());
    parts.join(&SEP.to_string())
}

impl Summary {
    /// The assignee, hold, outside requester and held times (all none for most requests).
    pub fn rare(&self) -> &Rare {
        static NONE: Rare = Rare::NONE;
        self.rare.as_deref().unwrap_or(&NONE)
    }

    /// Each visit to a step a change ended, oldest first: the step, when the change ended it,
    /// and the times the request was held there.
    pub fn moves(&self) -> impl Iterator<Item = (Cow<'_, str>, DateTime<FixedOffset>, Vec<Held>)> {
        let mut f = self.tail.split('\t').skip(2);
        std::iter::from_fn(move || {
            let (step, at, held) = (f.next()?, f.next()?, f.next()?);
            let at = time::decode(at).unwrap_or_default();
            Some((unescape(step), at, decode_held(held).unwrap_or_default()))
        })
    }

    /// Whether every one of `words` (folded, see `fold`) is in the search text, folded into
    /// `buf` (kept between calls to spare allocations).
    pub fn matches(&self, words: &[String], buf: &mut String) -> bool {
        buf.clear();
        let mut parts = self.tail.split('\t');
        let (search, fields) = (parts.next().unwrap_or_default(), parts.next());
        let fields = unescape(fields.unwrap_or_default());
        let values = fields
            .split(SEP)
            .filter_map(|pair| pair.split_once(NAME_SEP).map(|(_, v)| v));
        for text in [self.id.as_str(), &self.title, &unescape(search)]
            .into_iter()
            .chain(values)
        {
            fold::fold_into(text, buf);
            buf.push(SEP);
        }
        words.iter().all(|w| buf.contains(w.as_str()))
    }

    /// Every time the request was held, at any step (the last one open while it is held).
    pub fn all_held(&self) -> Vec<Held> {
        self.moves()
            .flat_map(|(_, _, held)| held)
            .chain(self.rare().held.iter().cloned())
            .collect()
    }

    /// The value of field `name`, as text (decoded from the cache line on each call).
    pub fn field(&self, name: &str) -> Option<String> {
        let fields = self.tail.split('\t').nth(1)?;
        unescape(fields)
            .split(SEP)
            .filter_map(|pair| pair.split_once(NAME_SEP))
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.to_string())
    }
}

/// Every committed request's summary; a malformed file is reported, not fatal.
pub fn all(git: &Git) -> Result<(TreeCache<Summary>, Vec<anyhow::Error>)> {
    TreeCache::head(git, "requests", CACHE, parse)
}

const CACHE: &str = "sop-cache-requests.tsv";

/// The first columns of a committed request, read from its cache line without decoding the
/// rest: what a completion shows of 100,000 requests in a few milliseconds (`briefs`).
#[derive(Debug, Clone, PartialEq)]
pub struct Brief<'a> {
    pub id: Cow<'a, str>,
    pub procedure: Cow<'a, str>,
    pub title: Cow<'a, str>,
    pub status: Cow<'a, str>,
    /// The current step; none once the request is finished.
    pub step: Option<Cow<'a, str>>,
    created: &'a str,
}

impl<'a> Brief<'a> {
    /// The columns up to `created` of a cache value (`Summary::encode`).
    fn read(value: &'a [u8]) -> Option<Brief<'a>> {
        let end = memchr::memchr_iter(b'\t', value)
            .nth(6)
            .unwrap_or(value.len());
        let mut f = std::str::from_utf8(&value[..end]).ok()?.split('\t');
        let mut text = || f.next().map(unescape);
        let (id, procedure, title, status, step) = (text()?, text()?, text()?, text()?, text()?);
        let _requester = text()?;
        Some(Brief {
            id,
            procedure,
            title,
            status,
            step: Some(step).filter(|s| !s.is_empty()),
            created: f.next()?,
        })
    }

    pub fn created(&self) -> Option<DateTime<FixedOffset>> {
        time::decode(self.created)
    }
}

/// The text of the list cache, up to date with HEAD, for `briefs`; an error when that takes
/// reading more than `limits::COMPLETION_READS` request files (`TreeCache::head_text`).
pub fn brief_text(git: &Git) -> Result<Vec<u8>> {
    let most = crate::limits::COMPLETION_READS;
    TreeCache::<Summary>::head_text(git, "requests", CACHE, parse, most)
}

/// Whether the list cache is more than half of what a completion reads
/// (`limits::COMPLETION_READS`) behind HEAD. A listing that would not read it (a kept table
/// patched) reads every summary instead, which brings it up to date: so that completions, one
/// patched listing after another, never have more to read than they may. A cache that is
/// missing or damaged is not behind: the next reading makes it anew.
pub fn far_behind(git: &Git) -> Result<bool> {
    let most = crate::limits::COMPLETION_READS / 2;
    let behind = TreeCache::<Summary>::behind(git, "requests", CACHE)?;
    Ok(behind.is_some_and(|n| n > most))
}

/// Every committed request that could be read whose id starts with `start` (in any case),
/// briefly, from the text of `brief_text`. Lines of other ids are passed over on their first
/// bytes, so that a completion of `EML-7` reads a few thousand of 100,000.
pub fn briefs<'t>(text: &'t [u8], start: &'t str) -> impl Iterator<Item = Brief<'t>> {
    crate::tree_cache::values_in(text)
        .filter(move |value| {
            let start = start.as_bytes();
            value
                .get(..start.len())
                .is_some_and(|id| id.eq_ignore_ascii_case(start))
        })
        .filter_map(Brief::read)
}

/// The summary of request file `path` (records-relative) holding `bytes`, as `all` gives it
/// (through its cache line); None when the file does not read.
pub fn one(path: &str, bytes: &[u8]) -> Option<Summary> {
    Summary::decode(Shared::from(parse(path, bytes).ok()?.encode()))
}

fn parse(path: &str, bytes: &[u8]) -> Result<Summary> {
    let text = std::str::from_utf8(bytes).map_err(|_| invalid!("{path}: not UTF-8"))?;
    Ok(Summary::from(&store::parse_request(Path::new(path), text)?))
}

/// How many columns a cache line has before its tail.
const COLUMNS: usize = 9;

/// Tab-separated, tabs and line breaks escaped; times as `seconds±offset` (see `time`); the
/// rare values in one column (`Rare::encode`); then the tail (`Summary::tail`).
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
            self.rare
                .as_ref()
                .map_or(String::new(), |r| r.encode())
                .into(),
        ];
        debug_assert_eq!(f.len(), COLUMNS);
        let mut line = f.join("\t");
        line.push('\t');
        line += &self.tail;
        line
    }

    fn decode(line: Shared) -> Option<Summary> {
        let mut f = line.splitn(COLUMNS + 1, '\t');
        let mut text = || f.next().map(|v| CompactString::from(unescape(v)));
        let (id, procedure, title, status, step, requester) =
            (text()?, text()?, text()?, text()?, text()?, text()?);
        let (created, since) = (time::decode(&text()?)?, time::decode(&text()?)?);
        let rare = text()?;
        // The tail runs to the end of the line: the line itself, cut, without another count
        // on the shared text.
        let start = f.next()?.as_ptr() as usize - line.as_ptr() as usize;
        let end = line.len();
        let tail = line.part(start..end);
        let mut s = Summary {
            id,
            procedure,
            title,
            status,
            step: Some(step).filter(|s| !s.is_empty()),
            requester,
            created,
            since,
            rare: None,
            tail,
        };
        if !rare.is_empty() {
            s.rare = decode_rare(&rare)?.boxed();
        }
        Some(s)
    }
}

impl Rare {
    /// All in one column, empty when none is set, so that most requests cost one empty
    /// column: the values tab-separated, each escaped, and the whole escaped again.
    fn encode(&self) -> String {
        let (hold, outsider) = (self.hold.as_ref(), self.on_behalf_of.as_ref());
        let f = [
            some(self.assignee.as_deref()),
            some(hold.map(|h| h.reason.as_str())),
            hold.map_or(String::new(), |h| time::encode(h.since)).into(),
            hold.and_then(|h| h.until)
                .map_or(String::new(), |d| d.to_string())
                .into(),
            some(outsider.map(|o| o.name.as_str())),
            escape(outsider.map_or("", |o| o.contact.as_str())),
            encode_held(&self.held).into(),
        ];
        escape(&f.join("\t")).into_owned()
    }
}

/// Reads what `Rare::encode` wrote (once unescaped).
fn decode_rare(text: &str) -> Option<Rare> {
    let mut f = text.split('\t');
    let mut text = || f.next().map(|v| unescape(v).into_owned());
    let assignee = unsome(text()?);
    let (reason, hold_since, until) = (unsome(text()?), text()?, text()?);
    let (name, contact) = (unsome(text()?), text()?);
    let held = decode_held(&text()?)?;
    let hold = match reason {
        Some(reason) => Some(Hold {
            reason,
            since: time::decode(&hold_since)?,
            until: match until.as_str() {
                "" => None,
                d => Some(d.parse::<NaiveDate>().ok()?),
            },
        }),
        None => None,
    };
    Some(Rare {
        assignee,
        hold,
        on_behalf_of: name.map(|name| Outsider { name, contact }),
        held,
    })
}

/// An optional text in a cache column: empty for none, else `=` and the text (escaped).
fn some(v: Option<&str>) -> Cow<'static, str> {
    v.map_or(Cow::Borrowed(""), |v| Cow::Owned(format!("={}", escape(v))))
}

/// The optional text `some` wrote (already unescaped).
fn unsome(v: String) -> Option<String> {
    v.strip_prefix('=').map(str::to_string)
}

/// Held times as `from to` (`to` is `-` while held), separated by commas.
fn encode_held(held: &[Held]) -> String {
    let to = |h: &Held| h.to.map_or("-".to_string(), time::encode);
    let spans: Vec<String> = held
        .iter()
        .map(|h| format!("{} {}", time::encode(h.from), to(h)))
        .collect();
    spans.join(",")
}

fn decode_held(text: &str) -> Option<Vec<Held>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    text.split(',')
        .map(|span| {
            let (from, to) = span.split_once(' ')?;
            let to = match to {
                "-" => None,
                t => Some(time::decode(t)?),
            };
            Some(Held {
                from: time::decode(from)?,
                to,
            })
        })
        .collect()
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

    /// A request sent back once, held, resumed, commented on, edited, assigned and held again.
    const REQUEST: &str = r#"
id = "EML-1"
procedure = "email"
version = 1
title = "a\ttab, a \\ and\na newline"
status = "held"
step = "terima-fpe"
requester = "dewi"
created = "2026-11-23T09:00:00+07:00"
assignee = "budi"

[fields]
kota = "Sragén"
jumlah = 3

[on_behalf_of]
name = "Bu Siti"

[hold]
reason = "menunggu\tanggaran"
since = "2026-11-26T09:00:00+07:00"
until = "2026-12-01"

[[history]]
step = "isi-form"
action = "create"
by = "dewi"
at = "2026-11-23T09:00:00+07:00"
to = "isi-form"

[[history]]
step = "isi-form"
action = "advance"
by = "dewi"
at = "2026-11-23T10:00:00+07:00"
to = "terima-fpe"
output = "FPE terisi"

[[history]]
step = "terima-fpe"
action = "hold"
by = "dewi"
at = "2026-11-24T09:00:00+07:00"
to = "terima-fpe"
note = "tunggu"

[[history]]
step = "terima-fpe"
action = "resume"
by = "dewi"
at = "2026-11-25T09:00:00+07:00"
to = "terima-fpe"

[[history]]
step = "terima-fpe"
action = "comment"
by = "sri"
at = "2026-11-25T10:00:00+07:00"
to = "terima-fpe"
note = "sudah ditelepon"

[[history]]
step = "terima-fpe"
action = "edit"
by = "dewi"
at = "2026-11-25T11:00:00+07:00"
to = "terima-fpe"
edits = [{ name = "kota", from = "Solo", to = "Sragén" }]

[[history]]
step = "terima-fpe"
action = "hold"
by = "dewi"
at = "2026-11-26T09:00:00+07:00"
to = "terima-fpe"
note = "menunggu\tanggaran"
until = "2026-12-01"
"#;

    fn t(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn a_summary_holds_what_list_and_report_read() {
        let r = Request::from_toml(REQUEST).unwrap();
        let s = Summary::from(&r);
        assert_eq!(
            s.since,
            t("2026-11-23T10:00:00+07:00"),
            "a comment does not move it"
        );
        let rare = s.rare();
        assert_eq!(rare.assignee.as_deref(), Some("budi"));
        assert_eq!(rare.hold.as_ref().unwrap().reason, "menunggu\tanggaran");
        assert_eq!(rare.on_behalf_of.as_ref().unwrap().name, "Bu Siti");
        let held = |from, to: Option<&str>| Held {
            from: t(from),
            to: to.map(t),
        };
        assert_eq!(
            rare.held,
            [
                held(
                    "2026-11-24T09:00:00+07:00",
                    Some("2026-11-25T09:00:00+07:00")
                ),
                held("2026-11-26T09:00:00+07:00", None),
            ]
        );
        let moves: Vec<_> = s
            .moves()
            .map(|(s, at, h)| (s.into_owned(), at, h))
            .collect();
        assert_eq!(
            moves,
            [
                (
                    "isi-form".to_string(),
                    t("2026-11-23T09:00:00+07:00"),
                    vec![]
                ),
                (
                    "isi-form".to_string(),
                    t("2026-11-23T10:00:00+07:00"),
                    vec![]
                ),
            ],
            "only the changes that moved it end a visit"
        );
        let words = |q: &str| q.split_whitespace().map(fold::fold).collect::<Vec<_>>();
        let mut buf = String::new();
        for found in [
            "sragen SOLO",
            "ditelepon",
            "eml-1",
            "siti",
            "terisi",
            "TAB",
            "anggaran",
        ] {
            assert!(s.matches(&words(found), &mut buf), "{found}");
        }
        for missed in ["sragen jakarta", "budi", "dewi"] {
            assert!(!s.matches(&words(missed), &mut buf), "{missed}");
        }
        let line = s.encode();
        assert!(!line.contains('\n'));
        assert_eq!(Summary::decode(line.into()), Some(s));
    }

    #[test]
    fn cache_lines_round_trip() {
        let t = t("2026-11-23T09:00:00+07:00");
        let s = Summary {
            id: "EML-1".into(),
            procedure: "email".into(),
            title: "a\ttab, a \\ and\na newline".into(),
            status: "completed".into(),
            step: None,
            requester: "putri".into(),
            created: t,
            since: t,
            rare: Rare {
                assignee: Some(String::new()),
                hold: None,
                on_behalf_of: Some(Outsider {
                    name: String::new(),
                    contact: "=\t".into(),
                }),
                held: vec![Held { from: t, to: None }],
            }
            .boxed(),
            tail: String::new().into(),
        };
        assert_eq!(Summary::decode(s.encode().into()), Some(s.clone()));
        let none = Summary {
            rare: None,
            ..s.clone()
        };
        assert_eq!(Summary::decode(none.encode().into()), Some(none));
        let held = vec![
            Held {
                from: t,
                to: Some(t),
            },
            Held {
                from: t,
                to: Some(t),
            },
        ];
        let moves = vec![
            ("isi-form".to_string(), t, vec![]),
            ("a\tstep".to_string(), t, held.clone()),
        ];
        let s = Summary {
            tail: tail(
                "a\tsearch",
                "kategori\u{1e}sandi",
                moves.iter().map(|(s, at, h)| (s, *at, h)),
            ),
            ..s
        };
        let mut buf = String::new();
        assert!(!s.matches(&["tsearch".into()], &mut buf));
        assert!(s.matches(&["search".into(), "newline".into()], &mut buf));
        assert!(
            s.matches(&["sandi".into()], &mut buf),
            "field values are searched"
        );
        assert!(
            !s.matches(&["kategori".into()], &mut buf),
            "field names are not"
        );
        assert_eq!(s.field("kategori").as_deref(), Some("sandi"));
        assert_eq!(s.field("lain"), None);
        let read: Vec<_> = s
            .moves()
            .map(|(s, at, h)| (s.into_owned(), at, h))
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
        assert_eq!(Summary::decode(line.into()), Some(s));
    }

    /// A completion's brief reading of a cache line gives the columns a full decoding does,
    /// escapes undone, and `briefs` keeps the ids starting with the word in any case.
    #[test]
    fn a_brief_reads_the_first_columns_of_a_cache_line() {
        let r = Request::from_toml(REQUEST).unwrap();
        let s = Summary::from(&r);
        let value = s.encode();
        let b = Brief::read(value.as_bytes()).unwrap();
        assert_eq!(b.id, s.id);
        assert_eq!(b.procedure, s.procedure);
        assert_eq!(b.title, "a\ttab, a \\ and\na newline");
        assert_eq!(b.status, "held");
        assert_eq!(b.step.as_deref(), s.step.as_deref());
        assert_eq!(b.created(), Some(s.created));
        let finished = Summary {
            step: None,
            ..s.clone()
        }
        .encode();
        assert_eq!(Brief::read(finished.as_bytes()).unwrap().step, None);
        let text = format!("head\np\tblob\t={value}\np2\tblob\t!broken\nend 2\n");
        let ids = |start| -> Vec<String> {
            let found = briefs(text.as_bytes(), start);
            found.map(|b| b.id.into_owned()).collect()
        };
        assert_eq!(ids("eml-"), vec!["EML-1"]);
        assert_eq!(ids(""), vec!["EML-1"]);
        assert!(ids("EML-2").is_empty());
    }
}
