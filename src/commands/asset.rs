//! `sop asset add|import|list|show`: the asset register.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context as _, Result};
use rayon::prelude::*;
use serde::Serialize;

use crate::asset::{self, Asset, Row, Stamp};
use crate::asset_key::{Identity, Key, IDENTITIES};
use crate::asset_rows::{self, Rows};
use crate::cli::Format;
use crate::context::{Context, Loaded};
use crate::error::{Code, Failure, Hint};
use crate::field::split_assignments;
use crate::git::FileChange;
use crate::import::{self, InputFormat, Problem, RawRow};
use crate::output;
use crate::people::Person;
use crate::store::Records;
use crate::trailers::Trailers;
use crate::{forbidden, invalid};

/// The asset register: add, import, list, show.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)] // parsed once per run
pub enum Command {
    /// Register one asset.
    Add(AddArgs),
    /// Register or update many assets from CSV (with a header row) or JSON lines, in one commit.
    Import(ImportArgs),
    /// Assets as committed, filtered.
    List(ListArgs),
    /// One asset: its columns, status history and the requests about it.
    Show {
        /// The asset id, or a unique start of it.
        #[arg(add = crate::complete::assets())]
        id: String,
    },
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// hardware, software or data.
    #[arg(long)]
    pub kind: String,
    #[arg(long)]
    pub name: String,
    /// planned, in-stock, in-use, in-repair, transferred, disposed (default: in-use with a
    /// holder, else in-stock).
    #[arg(long, add = crate::complete::asset_statuses())]
    pub status: Option<String>,
    /// Kode barang (BMD goods code).
    #[arg(long)]
    pub kode_barang: Option<String>,
    /// NUP (register number).
    #[arg(long)]
    pub nup: Option<String>,
    #[arg(long)]
    pub serial: Option<String>,
    #[arg(long)]
    pub licence: Option<String>,
    #[arg(long)]
    pub location: Option<String>,
    /// A person id or email from people.toml.
    #[arg(long, add = crate::complete::people())]
    pub holder: Option<String>,
    #[arg(long)]
    pub unit: Option<String>,
    /// Acquisition date, YYYY-MM-DD.
    #[arg(long)]
    pub acquired: Option<String>,
    /// Acquisition value in whole rupiah.
    #[arg(long)]
    pub value: Option<String>,
    /// A free attribute, NAME=VALUE; repeat for several.
    #[arg(long = "attr", value_name = "NAME=VALUE")]
    pub attrs: Vec<String>,
    /// Print only the asset id on stdout, nothing on stderr but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// A CSV or JSON-lines file, or - for standard input.
    #[arg(value_hint = clap::ValueHint::FilePath)]
    pub file: String,
    /// Update the asset a row names instead of registering a new one: a column (serial, or
    /// id), or several in order of preference, each row matched by the first it has a value
    /// for, `+` joining columns that match together (serial,licence,kode_barang+nup).
    #[arg(long, value_name = "COLUMNS")]
    pub key: Option<String>,
    /// Without --key: register rows even when their serial, licence or kode_barang+nup is
    /// an asset's already, or another row's of the file.
    #[arg(long, conflicts_with = "key")]
    pub allow_duplicates: bool,
    /// Validate only: report what would happen and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// The input's format (default: JSON lines when it starts with '{', else CSV).
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[arg(long, add = crate::complete::asset_statuses())]
    pub status: Option<String>,
    #[arg(long)]
    pub kind: Option<String>,
    /// A person id or email.
    #[arg(long, add = crate::complete::people())]
    pub holder: Option<String>,
    /// Assets whose location contains this text (any case).
    #[arg(long)]
    pub location: Option<String>,
}

pub fn run(ctx: &Context, cmd: Command, out: &mut dyn Write) -> Result<()> {
    match cmd {
        Command::Add(args) => add(ctx, args, out),
        Command::Import(args) => import(ctx, args, out),
        Command::List(args) => list(ctx, args, out),
        Command::Show { id } => show(ctx, &id, out),
    }
}

/// Registering assets is for a holder of `pengelola-aset` or the admin role.
fn may_register(loaded: &Loaded, actor: &Person) -> Result<()> {
    let date = loaded.now.date_naive();
    let admin = &loaded.config.policy.admin_role;
    if asset::may_register(&loaded.people, &loaded.config, &actor.id, date) {
        return Ok(());
    }
    let holders = loaded
        .people
        .holders(asset::REGISTRAR, date)
        .iter()
        .map(|p| p.id.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    Err(forbidden!(
        "{}",
        t!(
            MayNotRegister,
            actor = actor.id,
            role = asset::REGISTRAR,
            holders = holders,
            admin = admin
        )
    ))
}

pub fn add(ctx: &Context, a: AddArgs, out: &mut dyn Write) -> Result<()> {
    retry_moved(|| add_once(ctx, &a, out))
}

/// `add`, or None when HEAD moved between reading the rules and taking the lock.
fn add_once(ctx: &Context, a: &AddArgs, out: &mut dyn Write) -> Result<Option<()>> {
    let loaded = ctx.load()?;
    loaded.ensure_usable()?;
    let actor = ctx.actor(&loaded.people, &loaded.git)?;
    may_register(&loaded, actor)?;
    let mut cells: Vec<(String, String)> = [
        ("kind", Some(a.kind.clone())),
        ("name", Some(a.name.clone())),
        ("status", a.status.clone()),
        ("kode_barang", a.kode_barang.clone()),
        ("nup", a.nup.clone()),
        ("serial", a.serial.clone()),
        ("licence", a.licence.clone()),
        ("location", a.location.clone()),
        ("holder", a.holder.clone()),
        ("unit", a.unit.clone()),
        ("acquired", a.acquired.clone()),
        ("value", a.value.clone()),
    ]
    .into_iter()
    .filter_map(|(c, v)| Some((c.to_string(), v?)))
    .collect();
    for (name, value) in split_assignments(&a.attrs).map_err(|e| invalid!("{e}"))? {
        cells.push((format!("{}{name}", asset::ATTR), value));
    }
    check_cells(&cells)?;
    let people = |who: &str| loaded.people.find(who).map(|p| p.id.clone());
    let row = asset::validate(&cells, &people).map_err(|e| invalid!("{}", e.join("; ")))?;
    let mut tx = loaded.git.begin()?;
    if !tx.head_is(loaded.head) {
        return Ok(None);
    }
    tx.require_signatures = loaded.config.policy.require_signatures;
    let id = crate::change::fresh_id(&tx.snapshot()?, &loaded.records, asset::PREFIX);
    let new =
        Asset::create(id, &row, &stamp(&loaded, actor, "add")).map_err(|e| invalid!("{e}"))?;
    let trailers = Trailers {
        action: Some("asset-add".into()),
        actor: Some(actor.id.clone()),
        assets: vec![new.id.clone()],
        ..Trailers::default()
    };
    let msg = format!("{} add: {}\n\n{}", new.id, new.name, trailers.render());
    tx.commit(&[file(&new)], &super::signature(actor, loaded.now)?, &msg)?;
    match ctx.format {
        Format::Json => output::json(out, &new)?,
        Format::Id => writeln!(out, "{}", new.id)?,
        _ => {
            writeln!(out, "{}", new.id)?;
            let status = crate::i18n::asset_status(&new.status.to_string());
            eprintln!(
                "{}",
                t!(
                    AssetRegistered,
                    id = new.id,
                    name = new.name,
                    status = status
                )
            );
        }
    }
    Ok(Some(()))
}

/// The limits on an asset's cells, each named by its option.
fn check_cells(cells: &[(String, String)]) -> Result<()> {
    for (column, value) in cells {
        if let Some(why) = crate::limits::cell(column, value) {
            let option = match column.strip_prefix(asset::ATTR) {
                Some(_) => "--attr".to_string(),
                None => format!("--{}", column.replace('_', "-")),
            };
            return Err(invalid!("{option}: {why}"));
        }
    }
    Ok(())
}

fn stamp<'a>(loaded: &Loaded, actor: &'a Person, action: &'a str) -> Stamp<'a> {
    Stamp {
        at: loaded.now,
        by: &actor.id,
        action,
        request: None,
    }
}

fn file(a: &Asset) -> FileChange {
    FileChange {
        path: crate::layout::asset_path(&a.id),
        content: Some(a.to_toml().into_bytes()),
    }
}

/// What an import will do.
#[derive(Default, Serialize)]
struct Plan {
    created: Vec<Asset>,
    updated: Vec<Asset>,
    unchanged: usize,
}

#[derive(Serialize)]
struct ImportSummary {
    created: usize,
    updated: usize,
    unchanged: usize,
    dry_run: bool,
    commit: Option<String>,
    created_ids: Vec<String>,
    updated_ids: Vec<String>,
}

fn import(ctx: &Context, a: ImportArgs, out: &mut dyn Write) -> Result<()> {
    let key = match &a.key {
        Some(text) => Some(Key::parse(text).map_err(|e| invalid!("--key {text}: {e}"))?),
        None => None,
    };
    let mut input = Some(read_input(&a.file, a.input_format)?);
    retry_moved(|| import_once(ctx, &a, key.as_ref(), &mut input, out))
}

/// `import` of the rows read, or None when HEAD moved between reading the rules and taking
/// the lock. The attempt that goes past the lock uses the rows up (each row is validated into
/// its columns and dropped), so a value is not held twice.
fn import_once(
    ctx: &Context,
    a: &ImportArgs,
    key: Option<&Key>,
    input: &mut Option<import::Input>,
    out: &mut dyn Write,
) -> Result<Option<()>> {
    let loaded = ctx.load()?;
    loaded.ensure_usable()?;
    let actor = ctx.actor(&loaded.people, &loaded.git)?;
    may_register(&loaded, actor)?;
    let tx = if a.dry_run {
        None
    } else {
        let mut tx = loaded.git.begin()?;
        if !tx.head_is(loaded.head) {
            return Ok(None);
        }
        tx.require_signatures = loaded.config.policy.require_signatures;
        Some(tx)
    };
    let import::Input { rows, mut problems } = input
        .take()
        .expect("only the attempt that holds the lock reads the rows, and it is the last");
    let people = |who: &str| loaded.people.find(who).map(|p| p.id.clone());
    let rows = validate_rows(rows, key, &people, &mut problems);
    let rows = unique_in_file(rows, key, a.allow_duplicates, &mut problems);
    let plan = plan(
        &loaded,
        actor,
        &rows,
        key,
        a.allow_duplicates,
        &mut problems,
    )?;
    drop(rows); // the plan holds every value now
    if !problems.is_empty() {
        return Err(report(&a.file, problems));
    }
    let mut summary = ImportSummary {
        created: plan.created.len(),
        updated: plan.updated.len(),
        unchanged: plan.unchanged,
        dry_run: a.dry_run,
        commit: None,
        created_ids: plan.created.iter().map(|a| a.id.clone()).collect(),
        updated_ids: plan.updated.iter().map(|a| a.id.clone()).collect(),
    };
    if let Some(tx) = tx.filter(|_| summary.created + summary.updated > 0) {
        let source = if a.file == "-" {
            "standard input"
        } else {
            &a.file
        };
        let oid = commit_import(&loaded, tx, actor, plan, source)?;
        summary.commit = Some(oid.to_string());
    }
    match ctx.format {
        Format::Json => output::json(out, &summary)?,
        _ => {
            let line = t!(
                ImportDone,
                created = summary.created,
                updated = summary.updated,
                unchanged = summary.unchanged
            );
            let dry_run = if a.dry_run { t!(DryRun) } else { String::new() };
            writeln!(out, "{line}{dry_run}")?;
        }
    }
    Ok(Some(()))
}

/// Runs `attempt` until it finds HEAD where it read its rules, a few times at most.
fn retry_moved(mut attempt: impl FnMut() -> Result<Option<()>>) -> Result<()> {
    for _ in 0..5 {
        if attempt()?.is_some() {
            return Ok(());
        }
    }
    Err(crate::conflict!("{}", t!(RecordsKeptChanging)).hint(t!(HintTryAgain)))
}

/// One commit of every created and updated asset; refuses (exit 5) when one of the updated
/// files was edited by hand. Each asset is dropped once its file is written out: the plan
/// and the files are not held at once (20 MB and 7 MB for 10,000 assets).
fn commit_import(
    loaded: &Loaded,
    tx: crate::git::Tx<'_>,
    actor: &Person,
    plan: Plan,
    source: &str,
) -> Result<crate::git::Oid> {
    let updated: Vec<PathBuf> = plan
        .updated
        .iter()
        .map(|a| crate::layout::asset_path(&a.id))
        .collect();
    tx.ensure_unmodified_all(&updated)?;
    let (created, updated) = (plan.created.len(), plan.updated.len());
    let files: Vec<FileChange> = plan
        .created
        .into_iter()
        .chain(plan.updated)
        .map(|a| file(&a))
        .collect();
    let trailers = Trailers {
        action: Some("asset-import".into()),
        actor: Some(actor.id.clone()),
        ..Trailers::default()
    };
    let msg = format!(
        "asset import: {} assets ({created} created, {updated} updated)\n\nFrom {source}; {} row(s) unchanged.\n\n{}",
        created + updated,
        plan.unchanged,
        trailers.render()
    );
    let oid = tx.commit(&files, &super::signature(actor, loaded.now)?, &msg)?;
    Ok(oid)
}

/// The rows of the file (or standard input), read once and streamed: the limits on an
/// import's size, rows, columns and cells hold while reading.
fn read_input(file: &str, format: Option<InputFormat>) -> Result<import::Input> {
    let cannot = |e: std::io::Error| invalid!("{}", t!(CannotRead, file = file, error = e));
    if file == "-" {
        import::read(std::io::stdin().lock(), format).with_context(|| t!(ReadingStdin))
    } else {
        let opened = std::fs::File::open(file).map_err(cannot)?;
        import::read(std::io::BufReader::with_capacity(64 * 1024, opened), format).map_err(cannot)
    }
}

/// Validates every row; an id only with a key that has it.
fn validate_rows(
    raw: Vec<RawRow>,
    key: Option<&Key>,
    people: asset::People,
    problems: &mut Vec<Problem>,
) -> Vec<(u64, Row)> {
    let mut rows = Vec::with_capacity(raw.len());
    let mut unknown: BTreeSet<String> = BTreeSet::new();
    for r in raw {
        let row = match asset::validate(&r.cells, people) {
            Ok(row) => row,
            Err(found) => {
                // An unknown column is named once, not on every row.
                let unknown_here: Vec<String> = r
                    .cells
                    .iter()
                    .filter(|(c, _)| !asset::known_column(c))
                    .map(|(c, _)| asset::unknown_column(c))
                    .collect();
                problems.extend(
                    found
                        .into_iter()
                        .filter(|m| !unknown_here.contains(m) || unknown.insert(m.clone()))
                        .map(|message| Problem {
                            line: r.line,
                            message,
                        }),
                );
                continue;
            }
        };
        if row.get("id").is_some() && !key.is_some_and(|k| k.has("id")) {
            problems.push(Problem {
                line: r.line,
                message: t!(RowHasId),
            });
            continue;
        }
        rows.push((r.line, row));
    }
    rows
}

/// A row's values, as `Key` asks for them.
fn cell(row: &Row) -> impl Fn(&str) -> Option<String> + '_ {
    |column| row.get(column).map(str::to_string)
}

/// Refuses rows that name the asset an earlier row of the file names: with `--key`, by the
/// identity each row is matched by (which every row must have); without, by any of serial,
/// licence and kode_barang+nup, unless duplicates are allowed.
fn unique_in_file(
    rows: Vec<(u64, Row)>,
    key: Option<&Key>,
    allow_duplicates: bool,
    problems: &mut Vec<Problem>,
) -> Vec<(u64, Row)> {
    if key.is_none() && allow_duplicates {
        return rows;
    }
    let identities = Key::identities();
    let mut seen: HashMap<Identity, u64> = HashMap::new();
    let mut unique = Vec::with_capacity(rows.len());
    for (line, row) in rows {
        let (key, found, rule) = match key {
            Some(key) => match key.first(cell(&row)) {
                Some(identity) => (key, vec![identity], t!(KeyOncePerFile)),
                None => {
                    problems.push(Problem {
                        line,
                        message: t!(RowNoKey, key = key),
                    });
                    continue;
                }
            },
            None => (
                &identities,
                identities.all(cell(&row)),
                t!(FileRegistersOnce),
            ),
        };
        if let Some((identity, first)) = found.iter().find_map(|i| Some((i, seen.get(i)?))) {
            problems.push(Problem {
                line,
                message: t!(
                    RowRepeats,
                    what = key.describe(identity),
                    first = first,
                    rule = rule
                ),
            });
            continue;
        }
        seen.extend(found.into_iter().map(|i| (i, line)));
        unique.push((line, row));
    }
    unique
}

/// A matched row's asset when the row changes it, or the line and why it cannot.
type Matched = Result<(u64, Option<Asset>), (u64, String)>;

/// A row that will update an asset: its line, the row, the asset's id.
type ToUpdate<'r> = (u64, &'r Row, String);

/// A row that will register a new asset: its line and the row.
type ToCreate<'r> = (u64, &'r Row);

/// Matches rows to existing assets by key (else checks they are new) and works out each
/// one's change.
fn plan(
    loaded: &Loaded,
    actor: &Person,
    rows: &[(u64, Row)],
    key: Option<&Key>,
    allow_duplicates: bool,
    problems: &mut Vec<Problem>,
) -> Result<Plan> {
    let (matched, unmatched) = match key {
        Some(key) => match_key(loaded, rows, key, problems)?,
        None => {
            if !allow_duplicates {
                refuse_registered(loaded, rows, problems)?;
            }
            (
                Vec::new(),
                rows.iter().map(|(line, row)| (*line, row)).collect(),
            )
        }
    };
    let stamp = stamp(loaded, actor, "import");
    let mut plan = Plan::default();
    for r in update(&loaded.records, &matched, &stamp) {
        match r {
            Ok((_, Some(a))) => plan.updated.push(a),
            Ok((_, None)) => plan.unchanged += 1,
            Err((line, message)) => problems.push(Problem { line, message }),
        }
    }
    for (line, row) in &unmatched {
        if let Err(message) = Asset::check_new(row) {
            problems.push(Problem {
                line: *line,
                message,
            });
        }
    }
    if !problems.is_empty() {
        return Ok(plan);
    }
    let mut ids: BTreeSet<String> = BTreeSet::new();
    for (line, row) in unmatched {
        let id = loop {
            let id = crate::layout::new_id(asset::PREFIX);
            if !loaded
                .records
                .root
                .join(crate::layout::asset_path(&id))
                .exists()
                && ids.insert(id.clone())
            {
                break id;
            }
        };
        match Asset::create(id, row, &stamp) {
            Ok(a) => plan.created.push(a),
            Err(message) => problems.push(Problem { line, message }),
        }
    }
    Ok(plan)
}

/// The rows `--key` matches to one registered asset each, and the rows it matches to none
/// (new assets); a row matching several, or an id matching none, is a problem.
fn match_key<'r>(
    loaded: &Loaded,
    rows: &'r [(u64, Row)],
    key: &Key,
    problems: &mut Vec<Problem>,
) -> Result<(Vec<ToUpdate<'r>>, Vec<ToCreate<'r>>)> {
    let wanted = rows
        .iter()
        .filter_map(|(_, r)| key.first(cell(r)))
        .collect();
    let existing = registered(loaded, key, &wanted)?;
    let (mut matched, mut unmatched) = (Vec::new(), Vec::new());
    for (line, row) in rows {
        let Some(identity) = key.first(cell(row)) else {
            continue; // refused by `unique_in_file`
        };
        let message = match existing.get(&identity) {
            None if key.is_id(&identity) => t!(NoAssetId, id = row.get("id").unwrap_or_default()),
            None => {
                unmatched.push((*line, row));
                continue;
            }
            Some(ids) if ids.len() == 1 => {
                matched.push((*line, row, ids[0].clone()));
                continue;
            }
            Some(ids) => t!(
                KeyMatchesMany,
                what = key.describe(&identity),
                n = ids.len(),
                ids = ids.join(", ")
            ),
        };
        problems.push(Problem {
            line: *line,
            message,
        });
    }
    Ok((matched, unmatched))
}

/// Without `--key`: refuses rows with a serial, licence or kode_barang+nup a registered
/// asset already has.
fn refuse_registered(
    loaded: &Loaded,
    rows: &[(u64, Row)],
    problems: &mut Vec<Problem>,
) -> Result<()> {
    let key = Key::identities();
    let wanted = rows.iter().flat_map(|(_, r)| key.all(cell(r))).collect();
    let existing = registered(loaded, &key, &wanted)?;
    for (line, row) in rows {
        let taken = key.all(cell(row)).into_iter().find_map(|identity| {
            let ids = existing.get(&identity)?;
            Some((identity, ids))
        });
        if let Some((identity, ids)) = taken {
            problems.push(Problem {
                line: *line,
                message: t!(
                    AlreadyRegistered,
                    what = key.describe(&identity),
                    ids = ids.join(", "),
                    identities = IDENTITIES
                ),
            });
        }
    }
    Ok(())
}

/// Applies each matched row to its asset, read in parallel.
fn update(records: &Records, matched: &[ToUpdate], stamp: &Stamp) -> Vec<Matched> {
    matched
        .par_iter()
        .map(|(line, row, id)| {
            let mut a = records
                .read_asset(id)
                .map_err(|e| (*line, format!("{e:#}")))?;
            let changed = a.update(row, stamp).map_err(|e| (*line, e))?;
            Ok((*line, changed.then_some(a)))
        })
        .collect()
}

/// Each of the `wanted` identities registered assets have under `key`, with their ids; the
/// register is read (through its cache) only when some row has an identity.
fn registered(
    loaded: &Loaded,
    key: &Key,
    wanted: &HashSet<Identity>,
) -> Result<HashMap<Identity, Vec<String>>> {
    if wanted.is_empty() {
        return Ok(HashMap::new());
    }
    let (rows, errors) = Rows::head(&loaded.git)?;
    if let Some(e) = errors.into_iter().next() {
        return Err(e.context(t!(AssetFileUnreadable)));
    }
    Ok(rows.find(key, wanted))
}

/// Every problem on stderr, by line; the error says nothing was written.
fn report(file: &str, mut problems: Vec<Problem>) -> anyhow::Error {
    problems.sort();
    let name = if file == "-" { "<stdin>" } else { file };
    for p in &problems {
        if p.line == 0 {
            eprintln!("{name}: {}", p.message);
        } else {
            let line = t!(ImportLine, name = name, line = p.line, problem = p.message);
            eprintln!("{line}");
        }
    }
    let lines: BTreeSet<u64> = problems.iter().map(|p| p.line).collect();
    Failure::new(
        Code::Invalid,
        t!(
            ImportProblems,
            name = name,
            n = problems.len(),
            lines = lines.len()
        ),
    )
    .hint(t!(HintImportProblems))
    .into()
}

fn list(ctx: &Context, a: ListArgs, out: &mut dyn Write) -> Result<()> {
    let loaded = ctx.load()?;
    let status = a
        .status
        .map(|s| s.parse::<asset::Status>())
        .transpose()
        .map_err(|e| invalid!("--status: {e}"))?;
    let kind = a
        .kind
        .map(|s| s.parse::<asset::Kind>())
        .transpose()
        .map_err(|e| invalid!("--kind: {e}"))?;
    let holder = match a.holder {
        Some(h) => Some(
            loaded
                .people
                .find(&h)
                .map(|p| p.id.clone())
                .ok_or_else(|| invalid!("{}", t!(HolderNotPerson, holder = h)))?,
        ),
        None => None,
    };
    let location = a.location.map(|l| l.to_lowercase());
    let (rows, errors) = Rows::head(&loaded.git)?;
    for e in &errors {
        eprintln!("{}: {e:#}", t!(WarningPrefix));
    }
    let is = |row: &asset_rows::Row, column: &str, wanted: &Option<String>| {
        wanted
            .as_deref()
            .is_none_or(|w| row.get(column).as_deref() == Some(w))
    };
    let (status, kind) = (status.map(|s| s.to_string()), kind.map(|k| k.to_string()));
    let mut found: Vec<&asset_rows::Row> = rows
        .all()
        .filter(|row| {
            is(row, "status", &status)
                && is(row, "kind", &kind)
                && is(row, "holder", &holder)
                && location.as_ref().is_none_or(|l| {
                    row.get("location")
                        .is_some_and(|x| x.to_lowercase().contains(l))
                })
        })
        .collect();
    found.sort_by(|x, y| x.get("id").cmp(&y.get("id")));
    print_list(ctx, &found, out)?;
    if !errors.is_empty() {
        return Err(invalid!("{}", t!(UnreadableAssets, n = errors.len())));
    }
    Ok(())
}

fn print_list(ctx: &Context, rows: &[&asset_rows::Row], out: &mut dyn Write) -> Result<()> {
    let get = |row: &asset_rows::Row, c: &str| row.get(c).unwrap_or_default().to_string();
    match ctx.format {
        Format::Json => {
            let list: Vec<_> = rows.iter().map(|r| asset_rows::json(r)).collect();
            output::json(out, &list)
        }
        Format::Id => {
            let ids: Vec<String> = rows.iter().map(|r| get(r, "id")).collect();
            output::ids(out, ids.iter().map(String::as_str))
        }
        Format::Csv => {
            let attrs: BTreeSet<&str> = rows
                .iter()
                .flat_map(|r| r.columns().map(|(c, _)| c))
                .filter(|c| c.starts_with(asset::ATTR))
                .collect();
            let header: Vec<&str> = asset::COLUMNS.iter().copied().chain(attrs).collect();
            output::csv(
                out,
                &header,
                rows.iter()
                    .map(|r| header.iter().map(|c| get(r, c)).collect()),
            )
        }
        _ => {
            let mut t = output::table(
                &[
                    "id", "kind", "name", "status", "holder", "location", "serial",
                ],
                ctx.look,
            );
            t.keep(&["id", "kind", "status"])
                .cut("name", 16)
                .cut("holder", 8)
                .cut("location", 10)
                .cut("serial", 10)
                .optional(&["serial", "location", "holder"]);
            for r in rows {
                let serial = r.get("serial").or(r.get("licence"));
                t.add_row(vec![
                    get(r, "id"),
                    get(r, "kind"),
                    get(r, "name"),
                    crate::i18n::asset_status(&get(r, "status")),
                    get(r, "holder"),
                    get(r, "location"),
                    serial.unwrap_or_default().to_string(),
                ]);
            }
            writeln!(out, "{t}")?;
            eprintln!("{}", t!(AssetCount, n = rows.len()));
            Ok(())
        }
    }
}

/// What an entry of an asset's history did, as its table says it: `add` and `import`
/// registered it, a request's action changed it (`approve`…).
fn action_word(action: &str) -> String {
    match action {
        "add" => t!(AssetActionAdd),
        "import" => t!(AssetActionImport),
        other => match serde_json::from_value(serde_json::Value::from(other)) {
            Ok(action) => crate::i18n::action(action),
            Err(_) => other.to_string(),
        },
    }
}

#[derive(Serialize)]
struct LinkedRequest {
    id: String,
    procedure: Option<String>,
    title: Option<String>,
    status: Option<String>,
}

fn show(ctx: &Context, given: &str, out: &mut dyn Write) -> Result<()> {
    let loaded = ctx.load()?;
    let id = loaded.records.resolve_asset(given)?;
    let snap = loaded.git.head_snapshot()?;
    let a = crate::change::read_asset(&snap, &id)?
        .ok_or_else(|| invalid!("{}", t!(NoAssetCommitted, id = id)))?;
    let requests: Vec<LinkedRequest> = a
        .requests()
        .into_iter()
        .map(|rid| {
            let req = crate::change::read_request(&snap, rid).ok();
            LinkedRequest {
                id: rid.to_string(),
                procedure: req.as_ref().map(|r| r.procedure.clone()),
                title: req.as_ref().map(|r| r.title.clone()),
                status: req.map(|r| r.status),
            }
        })
        .collect();
    if ctx.format == Format::Json {
        let mut v = serde_json::to_value(&a)?;
        v["requests"] = serde_json::to_value(&requests)?;
        return output::json(out, &v);
    }
    writeln!(out, "{}  {}", a.id, a.name)?;
    for (column, value) in a
        .row()
        .into_iter()
        .filter(|(c, _)| c != "id" && c != "name")
    {
        let value = match column.as_str() {
            "status" => crate::i18n::asset_status(&value),
            _ => value,
        };
        let column = crate::i18n::column(&column);
        writeln!(out, "{column:<12} {value}")?;
    }
    let mut t = output::table(
        &["at", "by", "action", "request", "status", "set"],
        ctx.look,
    );
    t.keep(&["at", "action", "request", "status"]).cut("by", 8);
    for e in &a.history {
        let word = |s: crate::asset::Status| crate::i18n::asset_status(&s.to_string());
        let status = match e.from {
            Some(from) => format!("{} -> {}", word(from), word(e.status)),
            None => word(e.status),
        };
        let set: Vec<String> = e
            .set
            .iter()
            .filter(|(k, _)| *k != "status")
            .map(|(k, v)| format!("{}={v}", crate::i18n::column(k)))
            .collect();
        t.add_row(vec![
            e.at.format("%Y-%m-%d %H:%M").to_string(),
            e.by.clone(),
            action_word(&e.action),
            e.request.clone().unwrap_or_default(),
            status,
            set.join(", "),
        ]);
    }
    writeln!(out, "\n{t}")?;
    if !requests.is_empty() {
        let mut t = output::table(&["request", "procedure", "title", "status"], ctx.look);
        t.keep(&["request", "status"])
            .cut("procedure", 10)
            .cut("title", 16)
            .optional(&["procedure"]);
        for r in requests {
            t.add_row(vec![
                r.id,
                r.procedure.unwrap_or_default(),
                r.title.unwrap_or_default(),
                crate::i18n::status(&r.status.unwrap_or_default()),
            ]);
        }
        writeln!(out, "\n{t}")?;
    }
    Ok(())
}
