//! `sop list`: requests, filtered.

use std::borrow::Cow;
use std::io::Write;

use anyhow::Result;

use crate::cli::Format;
use crate::context::{Context, Loaded};
use crate::error::{Code, Failure, Hint};
use crate::fold::fold;
use crate::invalid;
use crate::list_rows;
use crate::output::{self, Look};
use crate::people::People;
use crate::procedure::Procedure;
use crate::request::{Hold, Outsider};
use crate::summary::{self, Summary};
use crate::view;

/// Requests, newest first.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only requests with this status (open, completed, rejected, cancelled, …).
    #[arg(long, add = crate::complete::statuses())]
    pub status: Option<String>,
    /// Only requests of this procedure.
    #[arg(long, add = crate::complete::procedures())]
    pub procedure: Option<String>,
    /// Only open requests whose current step is for this role.
    #[arg(long, add = crate::complete::roles())]
    pub role: Option<String>,
    /// Only requests I made, or whose current step is assigned to me, or is unassigned and I
    /// may do it.
    #[arg(long)]
    pub mine: bool,
    /// Only open requests past the due time of their current step.
    #[arg(long)]
    pub overdue: bool,
    /// Only requests holding every word of TEXT (in any case or accent) in their id, title,
    /// fields, outside requester, notes, comments, outputs or edits.
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Only requests opened by this person (id or email), or for an outside requester whose
    /// name holds this text.
    #[arg(long, value_name = "PERSON", add = crate::complete::people())]
    pub requester: Option<String>,
    /// Only requests whose current step is assigned to this person (id or email).
    #[arg(long, value_name = "PERSON", add = crate::complete::people())]
    pub assignee: Option<String>,
}

#[derive(serde::Serialize)]
struct Row<'a> {
    id: &'a str,
    procedure: &'a str,
    title: &'a str,
    status: &'a str,
    step: Option<&'a str>,
    role: Option<String>,
    requester: &'a str,
    created: chrono::DateTime<chrono::FixedOffset>,
    due: Option<chrono::DateTime<chrono::FixedOffset>>,
    overdue: bool,
    /// When the procedure's service time runs out, if it gives one.
    service_due: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// From when the request is overdue: its step's due time, or the service time's while it
    /// runs, whichever comes first.
    #[serde(skip)]
    overdue_from: Option<chrono::DateTime<chrono::FixedOffset>>,
    assignee: Option<&'a str>,
    hold: Option<&'a Hold>,
    on_behalf_of: Option<&'a Outsider>,
}

/// The filters on what a request is, before its procedure is read.
struct Filter {
    /// The words of `--search`, folded.
    words: Vec<String>,
    /// `--requester`: the person's id, if a person; the text, folded, for outside requesters.
    requester: Option<(Option<String>, String)>,
    assignee: Option<String>,
}

impl Filter {
    fn new(args: &Args, people: &People) -> Result<Filter> {
        let words: Vec<String> = args
            .search
            .iter()
            .flat_map(|s| s.split_whitespace())
            .map(fold)
            .collect();
        if args.search.is_some() && words.is_empty() {
            return Err(invalid!("{}", t!(SearchNeedsWord)).hint(t!(HintSearch)));
        }
        let person = |who: &str| people.find(who).map(|p| p.id.clone());
        let assignee = match &args.assignee {
            Some(who) => Some(person(who).ok_or_else(|| {
                invalid!("{}", t!(AssigneeNotPerson, who = who)).hint(t!(HintGivePerson))
            })?),
            None => None,
        };
        let requester = args.requester.as_ref().map(|who| (person(who), fold(who)));
        Ok(Filter {
            words,
            requester,
            assignee,
        })
    }

    fn keeps(&self, r: &Summary, buf: &mut String) -> bool {
        if let Some((id, name)) = &self.requester {
            let outsider = r
                .rare()
                .on_behalf_of
                .as_ref()
                .is_some_and(|o| fold(&o.name).contains(name.as_str()));
            if !outsider && id.as_deref() != Some(r.requester.as_str()) {
                return false;
            }
        }
        if self.assignee.is_some() && self.assignee != r.rare().assignee {
            return false;
        }
        self.words.is_empty() || r.matches(&self.words, buf)
    }
}

pub fn run(ctx: &Context, mut args: Args, out: &mut dyn Write) -> Result<()> {
    // `--status selesai` is `--status completed`.
    args.status = args.status.map(|s| crate::i18n::status_value(&s));
    let loaded = ctx.load()?;
    if whole_table(ctx, &args) && print_kept(ctx, &loaded, out)? {
        return Ok(());
    }
    let me = if args.mine {
        Some(ctx.actor(&loaded.people, &loaded.git)?.id.clone())
    } else {
        None
    };
    let filter = Filter::new(&args, &loaded.people)?;
    let (summaries, errors) = summary::all(&loaded.git)?;
    check_filters(&args, &loaded, &summaries)?;
    let mut buf = String::new();
    let mut requests: Vec<&Summary> = summaries
        .values()
        .filter(|r| args.status.as_ref().is_none_or(|s| *s == r.status))
        .filter(|r| args.procedure.as_ref().is_none_or(|p| *p == r.procedure))
        .filter(|r| filter.keeps(r, &mut buf))
        .collect();
    for e in &errors {
        eprintln!("{}: {e:#}", t!(WarningPrefix));
    }
    let snap = loaded.git.head_snapshot()?;
    let mut procedures = Vec::new();
    requests.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| a.id.cmp(&b.id)));
    let mut rows = Vec::new();
    let date = loaded.now.date_naive();
    let loaded = &loaded;
    let requester_role = &loaded.config.policy.requester_role;
    for req in requests {
        let p = procedure(&mut procedures, &snap, &req.procedure);
        let current = current(req, p, loaded);
        let roles = current.map_or(&[][..], |c| c.roles());
        if args.role.as_ref().is_some_and(|r| !roles.contains(r)) {
            continue;
        }
        if let Some(me) = &me {
            let may_do = || {
                roles.iter().any(|r| match r == requester_role {
                    true => req.requester == *me,
                    false => loaded.people.holds(me, r, date).is_some(),
                })
            };
            let given = match &req.rare().assignee {
                Some(assignee) => assignee == me,
                None => may_do(),
            };
            if req.requester != *me && !given {
                continue;
            }
        }
        let row = row(req, p, current, loaded);
        if args.overdue && !row.overdue {
            continue;
        }
        rows.push(row);
    }
    if as_table(ctx) {
        let mut statuses = Vec::new();
        // The rows are given up as they become the table's: both at once held 25 MB more.
        let table: Vec<_> = rows
            .into_iter()
            .map(|r| table_row(r, &mut statuses))
            .collect();
        // A listing with files it could not read keeps nothing: it must say so at every run.
        let keep = whole_table(ctx, &args) && errors.is_empty();
        print_table(ctx, &table, loaded.now, out, keep.then_some(&loaded.git))?;
        if !errors.is_empty() {
            list_rows::forget(&loaded.git);
        }
    } else {
        print(ctx, &rows, out)?;
    }
    if !errors.is_empty() {
        return Err(Failure::new(Code::Invalid, t!(UnreadableRequests, n = errors.len())).into());
    }
    Ok(())
}

/// Procedure `id` as committed, read once for the many requests of a listing; None when it
/// does not read. A few procedures for 100,000s of requests: found by comparing ids, not
/// hashing them.
fn procedure<'p>(
    procedures: &'p mut Vec<(String, Option<Procedure>)>,
    snap: &crate::git::Snapshot,
    id: &str,
) -> Option<&'p Procedure> {
    let at = match procedures.iter().position(|(known, _)| known == id) {
        Some(at) => at,
        None => {
            let p = crate::rules::procedure_as_is(snap, id).ok();
            procedures.push((id.to_string(), p));
            procedures.len() - 1
        }
    };
    procedures[at].1.as_ref()
}

/// The step request `req` of procedure `p` is at, with its due time, at the listing's time.
fn current<'a>(
    req: &'a Summary,
    p: Option<&'a Procedure>,
    loaded: &Loaded,
) -> Option<view::Current<'a>> {
    let values = |name: &str| req.field(name);
    view::current(
        req.step.as_deref(),
        req.since,
        &req.rare().held,
        &values,
        p,
        &loaded.config,
        loaded.now,
    )
}

/// The row of request `req` of procedure `p` (None when it does not read), at step `current`.
fn row<'a>(
    req: &'a Summary,
    p: Option<&Procedure>,
    current: Option<view::Current>,
    loaded: &Loaded,
) -> Row<'a> {
    let values = |name: &str| req.field(name);
    let roles = current.map_or(&[][..], |c| c.roles());
    let service = p.filter(|p| p.service_time.is_some()).and_then(|p| {
        let held = req.all_held();
        let open = req.status == crate::request::OPEN;
        let config = &loaded.config;
        view::service(
            Some(p),
            req.created,
            &held,
            open,
            &values,
            config,
            loaded.now,
        )
    });
    let running = service.as_ref().filter(|s| s.running).map(|s| s.due);
    let overdue_from = current.and_then(|c| c.due).into_iter().chain(running).min();
    Row {
        id: &req.id,
        procedure: &req.procedure,
        title: &req.title,
        status: &req.status,
        role: current.map(|_| roles.join("/")),
        due: current.and_then(|c| c.due),
        step: req.step.as_deref(),
        requester: &req.requester,
        created: req.created,
        overdue: overdue_from.is_some_and(|from| from < loaded.now),
        service_due: service.map(|s| s.due),
        overdue_from,
        assignee: req.rare().assignee.as_deref(),
        hold: req.rare().hold.as_ref(),
        on_behalf_of: req.rare().on_behalf_of.as_ref(),
    }
}

/// Refuses (exit 2) a `--status`, `--procedure` or `--role` that no request could have,
/// listing the values each takes: the statuses are `open`, `held`, `cancelled`, every end
/// outcome of the committed procedures and any status a request has; the procedures are the
/// committed ones and any a request names; the roles are sop.toml's.
fn check_filters(
    args: &Args,
    loaded: &crate::context::Loaded,
    requests: &crate::tree_cache::TreeCache<Summary>,
) -> Result<()> {
    if let Some(given) = &args.status {
        // A status some request has is known without reading a procedure.
        let common = ["open", "held", "cancelled"].contains(&given.as_str())
            || requests.values().any(|r| r.status == *given);
        if !common {
            let have = requests.values().map(|r| r.status.to_string());
            let statuses = known_statuses(&loaded.git, have)?;
            if !statuses.contains(given) {
                return Err(super::unknown_value("--status", given, &statuses));
            }
        }
    }
    if let Some(given) = &args.procedure {
        let ids = super::known_procedures(&loaded.git, requests)?;
        if !ids.contains(given) {
            return Err(super::unknown_value("--procedure", given, &ids));
        }
    }
    if let Some(given) = &args.role {
        let roles: Vec<String> = loaded.config.roles.keys().cloned().collect();
        if !roles.contains(given) {
            return Err(super::unknown_value("--role", given, &roles));
        }
    }
    Ok(())
}

/// `open`, `held`, `cancelled`, every end outcome of the committed procedures, and any status
/// a request has (`have`), each once: what `--status` takes (and completes to).
pub fn known_statuses(
    git: &crate::git::Git,
    have: impl IntoIterator<Item = String>,
) -> Result<Vec<String>> {
    let mut statuses: Vec<String> = ["open", "held", "cancelled"].map(String::from).into();
    let snap = git.head_snapshot()?;
    for id in super::committed_procedures(git)? {
        let Ok(p) = crate::rules::procedure_as_is(&snap, &id) else {
            continue;
        };
        let ends = p
            .steps
            .iter()
            .filter(|s| s.kind == crate::procedure::Kind::End);
        statuses.extend(ends.map(|s| s.outcome().to_string()));
    }
    statuses.extend(have);
    let mut seen = std::collections::HashSet::new();
    statuses.retain(|s| seen.insert(s.clone()));
    Ok(statuses)
}

/// The columns every format shows first (`Row::cells`), then `more`.
fn columns<'a>(more: &[&'a str]) -> Vec<&'a str> {
    let first = ["id", "procedure", "title", "status", "step", "role"];
    first.iter().chain(more).copied().collect()
}

impl Row<'_> {
    /// The columns every format shows first: id, procedure, title, status, step, role.
    fn cells(&self) -> [&str; 6] {
        [
            self.id,
            self.procedure,
            self.title,
            self.status,
            self.step.unwrap_or_default(),
            self.role.as_deref().unwrap_or_default(),
        ]
    }
}

/// Whether this listing is the table of every request, which `list_rows` keeps ready.
fn whole_table(ctx: &Context, args: &Args) -> bool {
    let filtered = args.status.is_some()
        || args.procedure.is_some()
        || args.role.is_some()
        || args.mine
        || args.overdue
        || args.search.is_some()
        || args.requester.is_some()
        || args.assignee.is_some();
    !filtered && as_table(ctx)
}

/// Whether the rows are shown as a table (not as JSON, ids or CSV).
fn as_table(ctx: &Context) -> bool {
    !matches!(ctx.format, Format::Json | Format::Id | Format::Csv)
}

/// The rows as data: JSON, ids or CSV.
fn print(ctx: &Context, rows: &[Row], out: &mut dyn Write) -> Result<()> {
    let more = [
        "requester",
        "created",
        "due",
        "overdue",
        "assignee",
        "hold_reason",
        "hold_since",
        "hold_until",
        "on_behalf_of",
    ];
    match ctx.format {
        Format::Json => output::json(out, &rows),
        Format::Id => output::ids(out, rows.iter().map(|r| r.id)),
        _ => output::csv(
            out,
            &columns(&more),
            rows.iter().map(|r| {
                let mut cells: Vec<String> = r.cells().map(String::from).into();
                let hold = r.hold;
                cells.extend([
                    r.requester.to_string(),
                    output::csv_time(r.created),
                    r.due.map(output::csv_time).unwrap_or_default(),
                    r.overdue.to_string(),
                    r.assignee.unwrap_or_default().to_string(),
                    hold.map(|h| h.reason.clone()).unwrap_or_default(),
                    hold.map(|h| output::csv_time(h.since)).unwrap_or_default(),
                    hold.and_then(|h| h.until)
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                    r.on_behalf_of.map(|o| o.name.clone()).unwrap_or_default(),
                ]);
                cells
            }),
        ),
    }
}

/// A row as the table shows it, and as `list_rows` keeps it.
fn table_row<'a>(r: Row<'a>, statuses: &mut Vec<(String, String)>) -> list_rows::Row<'a> {
    let status = match r.hold {
        Some(h) => held(h).into(),
        None => status_word(statuses, r.status).to_string().into(),
    };
    let created = (r.created.timestamp(), r.created.timestamp_subsec_nanos());
    list_rows::Row {
        created: Some(created),
        cells: [
            r.id.into(),
            r.procedure.into(),
            r.title.into(),
            status,
            r.step.unwrap_or_default().into(),
            r.role.unwrap_or_default().into(),
            r.assignee.unwrap_or_default().into(),
            output::minute(r.created).into(),
            r.due.map(output::minute).unwrap_or_default().into(),
        ],
        status: r.status.into(),
        overdue_from: r.overdue_from.and_then(|t| t.timestamp_nanos_opt()),
    }
}

/// Prints the whole table as kept for HEAD, when it is: the plain table (brought up to date
/// with HEAD when it can be, `patch_plain`), or the rows for another look. False when nothing
/// fitting is kept.
fn print_kept(ctx: &Context, loaded: &Loaded, out: &mut dyn Write) -> Result<bool> {
    if ctx.look == Look::PLAIN {
        let Some(kept) = list_rows::read_plain(&loaded.git) else {
            return Ok(false);
        };
        let Some(head) = loaded.git.head_records_tree()? else {
            return Ok(false);
        };
        let now = nanos(loaded.now);
        let printed = match kept.is_for(&head.to_string()) {
            true => kept.print(now, out)?,
            false => {
                let Some(patched) = patch_plain(loaded, &kept, head) else {
                    return Ok(false);
                };
                let printed = patched.print(now, out)?;
                // Kept only when HEAD did not move meanwhile (its rules read for another
                // tree), and all of it read.
                if printed.is_some() && loaded.git.head_records_tree()? == Some(head) {
                    patched.keep(&loaded.git);
                }
                printed
            }
        };
        let Some(n) = printed else {
            return Ok(false);
        };
        eprintln!("{}", t!(ListCount, n = n));
        return Ok(true);
    }
    let kept = list_rows::read(&loaded.git);
    let Some(rows) = kept.as_deref().and_then(list_rows::rows) else {
        return Ok(false);
    };
    print_table(ctx, &rows, loaded.now, out, None)?;
    Ok(true)
}

/// The most request files a kept plain table is patched for; past that it is laid out anew.
const PATCH_MOST: usize = 1000;

/// Plain table `kept`, kept for an earlier tree of the records folder, brought up to date with
/// HEAD's, `head`, by what changed between them: the lines of the requests that changed are
/// taken out, their rows as HEAD has them laid out with the widths kept and put in their
/// places (`PlainTable::patched`), the other lines copied. None — the table is laid out anew
/// from every request — when anything but request files changed (a procedure, sop.toml, the
/// people, a calendar: what any row shows may have changed), when a changed file does not
/// read, when more than `PATCH_MOST` changed, when `kept`'s tree is not the repository's, when
/// the requests' cache is far behind (`summary::far_behind`: laying out anew brings it up to
/// date), or when the widths of the columns would change.
fn patch_plain<'k>(
    loaded: &Loaded,
    kept: &'k list_rows::PlainTable,
    head: crate::git::Oid,
) -> Option<list_rows::Patched<'k>> {
    let git = &loaded.git;
    let old = crate::git::Oid::from_str(kept.tree()).ok()?;
    let changes = git.folder_changes(old, Some(head)).ok()??;
    // A patch does not read the requests' cache, which falls behind one patch after another.
    if changes.len() > PATCH_MOST || summary::far_behind(git).ok()? {
        return None;
    }
    let mut gone = Vec::new();
    let mut now = Vec::new();
    for c in &changes {
        if c.link || !c.path.starts_with("requests/") {
            return None;
        }
        if let Some(blob) = c.old {
            let was = summary::one(&c.path, &git.read_blob(blob).ok()?)?;
            gone.push(list_rows::Place::new(was.created, &was.id));
        }
        if let Some(blob) = c.new {
            now.push(summary::one(
                &c.path,
                &git.read_record(&c.path, blob).ok()?,
            )?);
        }
    }
    let snap = git.head_snapshot().ok()?;
    let mut procedures = Vec::new();
    let mut statuses = Vec::new();
    let rows: Vec<list_rows::Row> = now
        .iter()
        .map(|req| {
            let p = procedure(&mut procedures, &snap, &req.procedure);
            table_row(row(req, p, current(req, p, loaded), loaded), &mut statuses)
        })
        .collect();
    kept.patched(list_rows::stamp_for(&head.to_string()), &gone, &rows)
}

fn nanos(t: chrono::DateTime<chrono::FixedOffset>) -> i64 {
    t.timestamp_nanos_opt().unwrap_or(i64::MAX)
}

/// The table of `rows`: an overdue request's due time marked ` !` (overdue from before `now`).
/// A plain table (what a pipe gets) is laid out without the marks and then marked, as a kept
/// one is (`list_rows::PlainPrinter`). Kept for HEAD with `keep`.
fn print_table(
    ctx: &Context,
    rows: &[list_rows::Row],
    now: chrono::DateTime<chrono::FixedOffset>,
    out: &mut dyn Write,
    keep: Option<&crate::git::Git>,
) -> Result<()> {
    let now = nanos(now);
    if ctx.look == Look::PLAIN {
        let table = table(ctx.look, rows, |_| false);
        let keep = keep.map(|git| (list_rows::Keep::Cache(git), table.plain_widths()));
        let mut plain = list_rows::PlainPrinter::new(rows, now, out, keep);
        table.write_to(&mut plain)?;
        let n = plain.finish()?;
        eprintln!("{}", t!(ListCount, n = n));
        return Ok(());
    }
    let overdue = |r: &list_rows::Row| r.overdue_from.is_some_and(|from| from < now);
    table(ctx.look, rows, overdue).write_to(out)?;
    eprintln!("{}", t!(ListCount, n = rows.len()));
    if let Some(git) = keep {
        list_rows::write(git, rows);
    }
    Ok(())
}

/// The table of `rows`, the due time of those `overdue` marked ` !`.
fn table(
    look: Look,
    rows: &[list_rows::Row],
    overdue: impl Fn(&list_rows::Row) -> bool,
) -> output::Table {
    let header = columns(&["assignee", "created", "due"]);
    let mut t = output::table(&header, look);
    // A held request's status is `held: why`: the word stays whole, the reason is cut.
    let mut statuses = Vec::new();
    let word = |r: &list_rows::Row| status_word(&mut statuses, &r.status).chars().count();
    let status = rows.iter().map(word).max().unwrap_or(0);
    t.keep(&["id", "created", "due"])
        .cut("title", 24)
        .cut("status", status)
        .cut("procedure", 8)
        .cut("step", 10)
        .cut("role", 8)
        .cut("assignee", 8)
        .optional(&["created", "assignee", "procedure", "role", "step"]);
    for r in rows {
        let overdue = overdue(r);
        let cells = r.cells.iter().enumerate().map(|(i, cell)| match i {
            8 if overdue => Cow::Owned(format!("{cell} !")),
            _ => Cow::Borrowed(cell.as_ref()),
        });
        t.add_painted(cells, output::Paint::request(&r.status, overdue));
    }
    t
}

/// The word of `status` in the table, looked up once for a table of many rows.
fn status_word<'s>(words: &'s mut Vec<(String, String)>, status: &str) -> &'s str {
    let at = match words.iter().position(|(s, _)| s == status) {
        Some(at) => at,
        None => {
            words.push((status.to_string(), crate::i18n::status(status)));
            words.len() - 1
        }
    };
    &words[at].1
}

/// The status of a held request in the table: `held: the reason (until the day)`.
fn held(h: &Hold) -> String {
    let until = h.until.map(|d| t!(StatusHeldUntil, date = d));
    t!(StatusHeldBecause, reason = h.reason) + &until.unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A cell as odd as a request's text may be: empty, spaced, broken, wide or accented.
    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            "[a-z0-9 ]{1,12}",
            "[ \t\na-zé宽]{0,6}",
            Just("2026-11-23 09:05".to_string()),
        ]
    }

    fn row() -> impl Strategy<Value = ([String; list_rows::CELLS], Option<i64>)> {
        let cells = proptest::array::uniform9(cell());
        (cells, proptest::option::of(-3i64..3))
    }

    proptest! {
        /// A plain table laid out without marks and then marked (what `sop list` prints, from
        /// a kept table or not) is the table laid out with the marks in it.
        #[test]
        fn a_plain_table_marked_after_laying_out_is_the_table_laid_out_marked(
            rows in proptest::collection::vec(row(), 0..12),
            now in -3i64..4,
        ) {
            let rows: Vec<list_rows::Row> = rows
                .iter()
                .map(|(cells, from)| list_rows::Row {
                    cells: cells.each_ref().map(|c| Cow::Borrowed(c.as_str())),
                    created: None,
                    status: "open".into(),
                    overdue_from: *from,
                })
                .collect();
            let mut marked = Vec::new();
            let overdue = |r: &list_rows::Row| r.overdue_from.is_some_and(|from| from < now);
            table(Look::PLAIN, &rows, overdue).write_to(&mut marked).unwrap();
            let mut printed = Vec::new();
            let mut plain = list_rows::PlainPrinter::new(&rows, now, &mut printed, None);
            table(Look::PLAIN, &rows, |_| false).write_to(&mut plain).unwrap();
            prop_assert_eq!(plain.finish().unwrap(), rows.len());
            prop_assert_eq!(String::from_utf8(printed).unwrap(), String::from_utf8(marked).unwrap());
        }

        /// A kept plain table with rows taken out, changed and put in (`PlainTable::patched`)
        /// is the table of the rows that are left laid out anew, byte for byte, whenever
        /// the widths of its columns stay; when they do not, it is not patched.
        #[test]
        fn a_patched_plain_table_is_the_table_laid_out_anew(
            rows in proptest::collection::vec((row(), 0i64..4), 0..14),
            edits in proptest::collection::vec((0usize..3, row(), 0i64..4), 0..6),
        ) {
            // Row i has id `R{i}` (as the id is a row's first cell, and places it among rows
            // made at the same time); it is made at second `created`.
            let mut now: Vec<(String, [String; list_rows::CELLS], Option<i64>, i64)> = rows
                .into_iter()
                .enumerate()
                .map(|(i, ((cells, from), created))| (format!("R{i:02}"), cells, from, created))
                .collect();
            let before = laid_out(&now);
            let mut gone = Vec::new();
            let mut put = Vec::new();
            for (n, (what, (cells, from), created)) in edits.into_iter().enumerate() {
                let place = |row: &(String, _, _, i64)| {
                    let made = chrono::DateTime::from_timestamp(row.3, 0).unwrap();
                    list_rows::Place::new(made.fixed_offset(), &row.0)
                };
                let new = (format!("N{n:02}"), cells, from, created);
                // Only rows the kept table has are taken out or changed (a diff's old files).
                let kept_rows = now.len();
                match (what, kept_rows) {
                    // Taken out, or changed (its id kept) ...
                    (0 | 1, 1..) => {
                        let old = now.remove(n % kept_rows);
                        gone.push(place(&old));
                        if what == 1 {
                            put.push((old.0, new.1, new.2, new.3));
                        }
                    }
                    // ... or a new row.
                    _ => put.push(new),
                }
            }
            now.extend(put.iter().cloned());
            let after = laid_out(&now);
            let kept = list_rows::read_plain_text(before.0).unwrap();
            let put: Vec<list_rows::Row> = put.iter().map(table_row_of).collect();
            let patched = kept.patched(list_rows::stamp_for("after"), &gone, &put);
            match before.1 == after.1 {
                true => {
                    let patched = patched.unwrap();
                    prop_assert_eq!(patched.text(), after.0);
                }
                false => prop_assert!(patched.is_none()),
            }
        }
    }

    type TestRow = (String, [String; list_rows::CELLS], Option<i64>, i64);

    fn table_row_of(row: &TestRow) -> list_rows::Row<'_> {
        let mut cells = row.1.each_ref().map(|c| Cow::Borrowed(c.as_str()));
        cells[0] = Cow::Borrowed(&row.0);
        list_rows::Row {
            cells,
            created: Some((row.3, 0)),
            status: "open".into(),
            overdue_from: row.2,
        }
    }

    /// The plain table of `rows` (in the order `sop list` gives), as `sop list` keeps it
    /// (stamped `after`), and the widths of its columns.
    fn laid_out(rows: &[TestRow]) -> (String, Vec<usize>) {
        let mut rows: Vec<list_rows::Row> = rows.iter().map(table_row_of).collect();
        rows.sort_by(|a, b| {
            b.created
                .cmp(&a.created)
                .then_with(|| a.cells[0].cmp(&b.cells[0]))
        });
        let table = table(Look::PLAIN, &rows, |_| false);
        let widths = table.plain_widths();
        let stamp = list_rows::stamp_for("after");
        let mut kept = Vec::new();
        let keep = Some((list_rows::Keep::Text(&mut kept, &stamp), widths.clone()));
        let mut printed = Vec::new();
        let mut plain = list_rows::PlainPrinter::new(&rows, 0, &mut printed, keep);
        table.write_to(&mut plain).unwrap();
        plain.finish().unwrap();
        let widths = widths.columns.iter().map(|&(w, _)| w).collect();
        (String::from_utf8(kept).unwrap(), widths)
    }
}
