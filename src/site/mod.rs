//! `sop site`: the published catalogue. A static HTML site of the committed records (HEAD):
//! the SOP catalogue with each procedure's figures (open, held, overdue, the monitoring
//! judgement), a page per procedure (identity, figures, flowchart, open requests, months),
//! its printable SOP document, the requests of each month, and a page per request (state,
//! fields, attached files, history, flow with the path it took). No server and no script:
//! relative links, one stylesheet with print rules, the shipped font.
//!
//! It reuses what the commands print: the SOP document and flow table (`document`), the
//! request's trail (`graph::trail`), due times and overdue (`view`), the monitoring
//! (`monitoring::assess`), and the list cache (`summary`), so that at 100,000 requests a run
//! reads only the request files whose page must be made again.
//!
//! **Updating rewrites only what changed.** A request's page is made from its file (blob),
//! its procedure (and the procedures it calls), sop.toml, its holiday files, people's names,
//! sop's version, whether it is overdue now, and which of the requests it links to have a
//! page: together the page's *key*, kept in the site's manifest (`files`). A run makes a
//! request's page again only when its key changed; the other pages (the catalogue, the
//! procedures, the months: a few per procedure) are made every run. Any page is written only
//! when its bytes differ from what the folder holds.

mod files;
mod html;
mod pages;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::{DateTime, Datelike as _, FixedOffset};
use serde::Serialize;

pub use files::Counts;
use files::Site;
use pages::{Listing, Now, Office};

use crate::context::Loaded;
use crate::git::{Oid, Snapshot};
use crate::graph::{self, Extras};
use crate::layout::{self, Place};
use crate::people::People;
use crate::procedure::Procedure;
use crate::summary::{self, Summary};
use crate::{document, invalid, monitoring, store, view};

/// What makes every page: bumped when the pages change shape, so that a new sop remakes them.
const FORMAT: &str = "sop-site 1";

/// Request pages made at once: at most this many pages are held in memory (about 20 KB each).
const BATCH: usize = 512;
/// From this many pages to make on, they are made on every core (each page costs some
/// milliseconds, a repository handle for another thread less than one).
const PARALLEL_FROM: usize = 4;

/// What a run did.
#[derive(Debug, Serialize)]
pub struct Report {
    /// The site's folder, as given.
    pub output: PathBuf,
    /// The commit the site shows (none before the first commit).
    pub commit: Option<String>,
    pub procedures: usize,
    /// Requests with a page.
    pub requests: usize,
    #[serde(flatten)]
    pub counts: Counts,
}

/// A procedure as the site shows it.
pub struct Proc<'s> {
    /// As the requests and the file name give it.
    pub id: String,
    /// Its name in the site's paths.
    pub slug: String,
    /// Its file's blob in HEAD; none when the file is gone.
    blob: Option<Oid>,
    /// Its place among the parsed procedures; none when its file is gone or unreadable.
    pub parsed: Option<usize>,
    /// Why it cannot be shown, when it cannot.
    pub problem: Option<String>,
    /// What its requests' pages take from it (`procedure_key`).
    key: String,
    /// Its requests, by creation (then id).
    pub requests: Vec<Req<'s>>,
    pub figures: Figures,
}

/// A request as the site lists it, read from the list cache.
pub struct Req<'s> {
    pub s: &'s Summary,
    blob: Oid,
    /// Its page.
    pub page: String,
    /// The month it was created in, in the office's time zone (`2026-11`).
    pub month: String,
    /// When its current step is due, and whether that has passed (`view::current`).
    pub due: Option<DateTime<FixedOffset>>,
    pub overdue_step: bool,
    /// Past the procedure's service time (`view::service`).
    overdue_service: bool,
    /// The roles that may act at its current step.
    pub roles: Vec<String>,
}

/// A procedure's figures now.
#[derive(Default)]
pub struct Figures {
    pub total: usize,
    pub open: usize,
    pub held: usize,
    /// Open and past the due time of its step or the service time (`sop list --overdue`).
    pub overdue: usize,
    pub by_status: BTreeMap<String, usize>,
    /// Each month with requests created in it, oldest first, and how many.
    pub months: Vec<(String, usize)>,
}

/// Writes the site of the records `loaded` into `dir`; the request files that could not be
/// read (they have no page) come back beside the report.
pub fn build(loaded: &Loaded, dir: &Path) -> Result<(Report, Vec<anyhow::Error>)> {
    let mut site = Site::open(dir, &loaded.git)?;
    match fill(loaded, &mut site) {
        Ok(made) => {
            let counts = site.finish(made.commit.clone())?;
            Ok((
                Report {
                    output: dir.to_path_buf(),
                    commit: made.commit,
                    procedures: made.procedures,
                    requests: made.requests,
                    counts,
                },
                made.errors,
            ))
        }
        Err(e) => {
            // What was written so far is named in the manifest, so the next run knows the
            // folder as its own.
            site.interrupted();
            Err(e)
        }
    }
}

/// What `fill` made.
struct Made {
    commit: Option<String>,
    procedures: usize,
    requests: usize,
    /// The request files that could not be read.
    errors: Vec<anyhow::Error>,
}

/// Puts every file of the site into `site`.
fn fill(loaded: &Loaded, site: &mut Site) -> Result<Made> {
    let snap = loaded.git.head_snapshot()?;
    let config: &crate::config::Config = &loaded.config;
    let now = loaded.now;
    let offset = config.offset()?;
    let (summaries, mut errors) = summary::all(&loaded.git)?;

    // The procedures: every committed one, and any a request names.
    let ids = crate::commands::known_procedures(&loaded.git, &summaries)?;
    let mut parsed: Vec<(Procedure, Vec<&Summary>)> = Vec::new();
    let mut procs: Vec<Proc> = Vec::new();
    for id in ids {
        let blob = snap.blob(&layout::procedure(&id))?;
        let (at, problem) = match blob {
            None => (
                None,
                Some("berkas prosedurnya tidak ada di catatan".to_string()),
            ),
            Some(_) => match crate::rules::procedure_as_is(&snap, &id) {
                Ok(p) => {
                    parsed.push((p, Vec::new()));
                    (Some(parsed.len() - 1), None)
                }
                Err(e) => (None, Some(format!("{e:#}"))),
            },
        };
        procs.push(Proc {
            slug: slug(&id),
            id,
            blob,
            parsed: at,
            problem,
            key: String::new(),
            requests: Vec::new(),
            figures: Figures::default(),
        });
    }
    for proc in &mut procs {
        proc.key = procedure_key(&snap, proc, &parsed)?;
    }
    let place: HashMap<String, usize> = procs
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), i))
        .collect();

    // The requests, from the list cache.
    let mut requests: Vec<(usize, Req)> = Vec::new();
    for (path, blob, s) in summaries.files() {
        let rel = format!("{}/{path}", layout::REQUESTS);
        if layout::place(&rel) != Place::Request(s.id.to_string()) {
            errors.push(invalid!(
                "{}",
                t!(
                    SiteMisplacedRequest,
                    rel = rel,
                    id = s.id,
                    path = layout::request(&s.id)
                )
            ));
            continue;
        }
        let Some(&at) = place.get(s.procedure.as_str()) else {
            continue;
        };
        let p = procs[at].parsed.map(|k| &parsed[k].0);
        let values = |name: &str| s.field(name);
        let current = view::current(
            s.step.as_deref(),
            s.since,
            &s.rare().held,
            &values,
            p,
            config,
            now,
        );
        let open = s.status == crate::request::OPEN;
        let service = p.filter(|p| p.service_time.is_some()).and_then(|p| {
            view::service(
                Some(p),
                s.created,
                &s.all_held(),
                open,
                &values,
                config,
                now,
            )
        });
        requests.push((
            at,
            Req {
                s,
                blob,
                page: pages::request_page(&s.id),
                month: {
                    // chrono's `format` parses its pattern at every call.
                    let t = s.created.with_timezone(&offset);
                    format!("{:04}-{:02}", t.year(), t.month())
                },
                due: current.and_then(|c| c.due),
                overdue_step: current.is_some_and(|c| c.overdue),
                overdue_service: service.is_some_and(|s| s.overdue),
                roles: current.map_or(Vec::new(), |c| c.roles().to_vec()),
            },
        ));
    }
    let with_page: HashSet<String> = requests.iter().map(|(_, r)| r.s.id.to_string()).collect();
    for (at, r) in requests {
        procs[at].requests.push(r);
    }
    for proc in &mut procs {
        proc.requests.sort_by(|a, b| {
            a.s.created
                .cmp(&b.s.created)
                .then_with(|| a.s.id.cmp(&b.s.id))
        });
        proc.figures = figures(&proc.requests);
        if let Some(k) = proc.parsed {
            parsed[k].1 = proc.requests.iter().map(|r| r.s).collect();
        }
    }

    // The monitoring, as `sop report --monitoring` judges the last twelve months.
    let period = crate::commands::monitoring::period(None, None, now.date_naive())?;
    let assessment = monitoring::assess(&parsed, config, period, now);
    let office = Office {
        config,
        people: &loaded.people,
        now,
        period,
    };
    let procedures: Vec<&Procedure> = parsed.iter().map(|(p, _)| p).collect();
    let entries: Vec<Listing> = procs
        .iter()
        .map(|proc| Listing {
            proc,
            p: proc.parsed.map(|k| procedures[k]),
            row: proc.parsed.map(|k| &assessment.rows[k]),
        })
        .collect();
    let name_of = |id: &str| {
        let proc = &procs[*place.get(id)?];
        Some(procedures[proc.parsed?].name.clone())
    };
    let extras = |p: &Procedure, trail: Option<graph::Trail>| Extras {
        called: Extras::called(p, name_of),
        trail,
    };

    // The files every page uses.
    site.put("sop.css", pages::CSS.as_bytes(), None, Vec::new())?;
    site.put(
        "font/LiberationSans-Regular.ttf",
        document::font::REGULAR,
        None,
        Vec::new(),
    )?;
    site.put(
        "font/LiberationSans-Bold.ttf",
        document::font::BOLD,
        None,
        Vec::new(),
    )?;

    // The catalogue, and each procedure's pages.
    let commit = match snap.commit {
        Some(id) => {
            let at = loaded.git.commit_info(id)?.author_time();
            format!("commit {id} ({})", crate::output::minute(at))
        }
        None => "belum ada commit".to_string(),
    };
    site.put(
        "index.html",
        pages::index(&office, &entries, &commit).as_bytes(),
        None,
        Vec::new(),
    )?;
    for e in &entries {
        let flow = e.p.map(|p| document::flow_svg(p, config, &extras(p, None)));
        let page = pages::procedure(&office, e.proc, e.p, e.row, flow.as_deref());
        site.put(
            &pages::procedure_page(&e.proc.slug),
            page.as_bytes(),
            None,
            Vec::new(),
        )?;
        if let Some(p) = e.p {
            let sheets = document::pages(p, config, &extras(p, None));
            let page = pages::document(&office, e.proc, p, &sheets);
            site.put(
                &pages::document_page(&e.proc.slug),
                page.as_bytes(),
                None,
                Vec::new(),
            )?;
        }
        for (month, requests) in months(&e.proc.requests) {
            let parts: Vec<&[Req]> = requests.chunks(pages::MONTH_ROWS).collect();
            for (n, part) in parts.iter().enumerate() {
                let page = pages::month(&office, e.proc, e.p, month, n + 1, parts.len(), part);
                site.put(
                    &pages::month_page(&e.proc.slug, month, n + 1),
                    page.as_bytes(),
                    None,
                    Vec::new(),
                )?;
            }
        }
    }

    // A page per request, made again only when its key changed: those are read and made on
    // every core, a batch at a time (so that memory holds one batch of pages), and written in
    // order.
    let global = global_key(&snap, config, &loaded.people)?;
    let exists = |id: &str| with_page.contains(id);
    let mut todo: Vec<(&Listing, &Req)> = Vec::new();
    for e in &entries {
        for r in &e.proc.requests {
            let linked: Vec<bool> = site.links(&r.page).iter().map(|l| exists(l)).collect();
            if !site.keep(&r.page, &request_key(&global, e.proc, r, &linked)) {
                todo.push((e, r));
            }
        }
    }
    let make =
        |git: &crate::git::Git, (e, r): &(&Listing, &Req)| -> Result<(String, Vec<String>)> {
            let rel = layout::request(&r.s.id);
            let text = git.blob_text(r.blob, &rel)?;
            let req = store::parse_request(Path::new(&rel), &text)?;
            let v = view::request_view(&req, e.p, config, now);
            let state = Now {
                step: v.step,
                service: v.service,
            };
            let flow = e.p.map(|p| {
                let trail = graph::trail(&req, p);
                document::flow_svg(p, config, &extras(p, Some(trail)))
            });
            Ok(pages::request(
                &office,
                &req,
                e.proc,
                e.p,
                &r.month,
                &state,
                flow.as_deref(),
                &exists,
            ))
        };
    for batch in todo.chunks(BATCH) {
        let made: Vec<Vec<(String, Vec<String>)>> = match batch.len() < PARALLEL_FROM {
            true => vec![batch
                .iter()
                .map(|item| make(&loaded.git, item))
                .collect::<Result<_>>()?],
            false => loaded
                .git
                .in_parallel(batch, PARALLEL_FROM / 2, |git, run| {
                    run.iter().map(|item| make(git, item)).collect()
                })?,
        };
        for ((e, r), (page, links)) in batch.iter().zip(made.into_iter().flatten()) {
            let linked: Vec<bool> = links.iter().map(|l| exists(l)).collect();
            let key = request_key(&global, e.proc, r, &linked);
            site.put(&r.page, page.as_bytes(), Some(key), links)?;
        }
    }
    Ok(Made {
        commit: snap.commit.map(|c| c.to_string()),
        procedures: procs.len(),
        requests: with_page.len(),
        errors,
    })
}

/// A procedure id as a name in the site's paths: the id itself when it is a plain one
/// (lowercase letters, digits, `-`, `_`: every id `sop procedure check` passes), else `P-`
/// and its bytes in hex, which no plain id can be.
fn slug(id: &str) -> String {
    let plain = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    match plain {
        true => id.to_string(),
        false => format!(
            "P-{}",
            id.bytes().map(|b| format!("{b:02x}")).collect::<String>()
        ),
    }
}

/// The figures of a procedure's requests now.
fn figures(requests: &[Req]) -> Figures {
    let mut f = Figures {
        total: requests.len(),
        ..Figures::default()
    };
    for r in requests {
        *f.by_status.entry(r.s.status.to_string()).or_default() += 1;
        match r.s.status.as_str() {
            crate::request::OPEN => f.open += 1,
            crate::request::HELD => f.held += 1,
            _ => {}
        }
        f.overdue += usize::from(r.overdue_step || r.overdue_service);
    }
    f.months = months(requests)
        .into_iter()
        .map(|(m, rs)| (m.to_string(), rs.len()))
        .collect();
    f
}

/// The requests (by creation) in runs of one month each.
fn months<'a, 's>(requests: &'a [Req<'s>]) -> Vec<(&'a str, &'a [Req<'s>])> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=requests.len() {
        if i == requests.len() || requests[i].month != requests[start].month {
            out.push((requests[start].month.as_str(), &requests[start..i]));
            start = i;
        }
    }
    out
}

/// SHA-256 of the parts, each ended by a NUL, cut to 128 bits in hex.
fn digest<S: AsRef<str>>(parts: impl IntoIterator<Item = S>) -> String {
    let mut bytes = Vec::new();
    for part in parts {
        bytes.extend_from_slice(part.as_ref().as_bytes());
        bytes.push(0);
    }
    files::hash(&bytes)
}

/// What every request's page takes from the rules: sop.toml and its holiday files (the
/// calendar, the role labels, the office), people's names (not the rest of people.toml: a
/// new key, role or stand-in changes no page), sop's version and the site's format.
fn global_key(snap: &Snapshot, config: &crate::config::Config, people: &People) -> Result<String> {
    let blob = |rel: &str| -> Result<String> {
        Ok(snap.blob(rel)?.map_or("-".to_string(), |b| b.to_string()))
    };
    let mut parts = vec![
        FORMAT.to_string(),
        env!("CARGO_PKG_VERSION").to_string(),
        blob(layout::CONFIG)?,
        digest(
            people
                .people
                .iter()
                .map(|p| format!("{}\t{}", p.id, p.name)),
        ),
    ];
    for rel in &config.calendar.holiday_files {
        parts.push(format!("{rel}={}", blob(rel)?));
    }
    Ok(digest(parts))
}

/// What a request's page takes from its procedure: the file, and the files of the procedures
/// its call steps start (their names are in the flow).
fn procedure_key(
    snap: &Snapshot,
    proc: &Proc,
    parsed: &[(Procedure, Vec<&Summary>)],
) -> Result<String> {
    let mut parts = vec![
        proc.id.clone(),
        proc.blob.map_or("-".into(), |b| b.to_string()),
    ];
    if let Some(k) = proc.parsed {
        for call in parsed[k].0.steps.iter().filter_map(|s| s.call.as_ref()) {
            let id = call.get_ref();
            let blob = snap.blob(&layout::procedure(id))?;
            parts.push(format!(
                "{id}={}",
                blob.map_or("-".into(), |b| b.to_string())
            ));
        }
    }
    Ok(digest(parts))
}

/// A request page's key: everything the page is made from (see the module's doc). `linked`
/// says, for each request the page links to, whether that one has a page.
fn request_key(global: &str, proc: &Proc, r: &Req, linked: &[bool]) -> String {
    let flags = format!(
        "{}{}",
        u8::from(r.overdue_step),
        u8::from(r.overdue_service)
    );
    let linked: String = linked.iter().map(|l| if *l { '1' } else { '0' }).collect();
    digest([global, &proc.key, &r.blob.to_string(), &flags, &linked])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ids_are_their_own_slug_and_others_cannot_clash() {
        assert_eq!(slug("perbaikan-aset"), "perbaikan-aset");
        assert_eq!(slug("a_b2"), "a_b2");
        assert_eq!(slug("Email"), "P-456d61696c");
        assert_eq!(slug("../x"), "P-2e2e2f78");
        assert_eq!(slug(""), "P-");
    }
}
