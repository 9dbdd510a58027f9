//! Completions with live values: request ids (open ones first, with their titles), procedure,
//! asset and person ids, statuses, roles, and the options of a request's current step.
//!
//! `COMPLETE=bash sop` (or zsh, fish, elvish, powershell) prints the shell's glue; at each TAB
//! the shell runs `COMPLETE=bash sop -- sop approve EM`, and clap_complete's engine
//! (`unstable-dynamic`) finds which argument is being completed and asks the completer the
//! command line gives it (`#[arg(add = complete::requests(…))]` in src/commands/*.rs).
//!
//! A completer reads the committed state (HEAD) of the records directory that -C, $SOP_RECORDS
//! or the current folder names, requests through the list cache (`summary::briefs`), so it
//! answers in milliseconds at 100,000 requests. It is silent: an error or a panic gives no
//! candidates, never a message, and it writes nothing but the caches `sop list` writes.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::OnceLock;

use anyhow::{anyhow, Result};
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use clap_complete::env::CompleteEnv;

use crate::cli::{ColorChoice, Format};
use crate::context::Context;
use crate::git::{Git, Snapshot};
use crate::procedure::{Kind, Procedure};
use crate::request::{HELD, OPEN};
use crate::rules::Loader;
use crate::summary::{self, Brief};

/// The environment variable that asks for completions (clap_complete's).
const VAR: &str = "COMPLETE";

/// Answers a completion request and exits: with `COMPLETE=SHELL` and no words after `--`, the
/// shell's glue; with words, the candidates for the last (or `_CLAP_COMPLETE_INDEX`th) one.
/// Returns when `COMPLETE` is not set (or empty, or 0): an ordinary run.
pub fn run_if_asked() {
    let asked = std::env::var_os(VAR).is_some_and(|v| !v.is_empty() && v != "0");
    if !asked {
        return;
    }
    let args: Vec<OsString> = std::env::args_os().collect();
    let completing = args
        .iter()
        .position(|a| a == "--")
        .is_some_and(|at| at + 1 < args.len());
    if completing {
        // A completion never prints a message, a panic's included.
        std::panic::set_hook(Box::new(|_| {}));
    }
    let cwd = std::env::current_dir().ok();
    match CompleteEnv::with_factory(crate::cli::command).try_complete(args, cwd.as_deref()) {
        Ok(false) => {}
        Ok(true) => std::process::exit(0),
        Err(_) if completing => std::process::exit(0),
        Err(e) => {
            // clap's error reads `error: unknown shell …`.
            eprintln!("{}", e.to_string().trim_end());
            crate::i18n::choose();
            eprintln!("{}: {}", t!(HintPrefix), t!(HintComplete));
            std::process::exit(2);
        }
    }
}

/// Which requests a command takes, so that its completion offers those only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requests {
    /// Any request (show, log, comment, attachment, verify), open and held ones first.
    Any,
    /// Open or held (cancel, edit, assign, unassign).
    Unfinished,
    /// Open, not held (hold).
    Open,
    /// Open at a task or decision step (advance).
    Task,
    /// Open at an approval step (approve, reject).
    Approval,
    /// Held, or finished at an end its procedure lets be resumed (resume).
    Resumable,
}

/// Request ids starting with the word (in any case), open and held ones first, each group
/// newest first, with their titles (and their status, when not open).
pub fn requests(which: Requests) -> ArgValueCompleter {
    ArgValueCompleter::new(move |word: &OsStr| quietly(|| request_ids(which, word)))
}

/// Procedure ids of HEAD, with their names.
pub fn procedures() -> ArgValueCompleter {
    ArgValueCompleter::new(|word: &OsStr| quietly(|| procedure_ids(word)))
}

/// Person ids of people.toml, with their names.
pub fn people() -> ArgValueCompleter {
    ArgValueCompleter::new(|word: &OsStr| quietly(|| person_ids(word, false)))
}

/// Person ids of those who hold a role of the current step of the request on the command
/// line (all people when that is not known), with their names.
pub fn holders() -> ArgValueCompleter {
    ArgValueCompleter::new(|word: &OsStr| quietly(|| person_ids(word, true)))
}

/// Asset ids of the register, with their names.
pub fn assets() -> ArgValueCompleter {
    ArgValueCompleter::new(|word: &OsStr| quietly(|| asset_ids(word)))
}

/// The statuses `sop list --status` takes (`commands::list::known_statuses`).
pub fn statuses() -> ArgValueCompleter {
    ArgValueCompleter::new(|word: &OsStr| quietly(|| request_statuses(word)))
}

/// The roles of sop.toml, with their labels.
pub fn roles() -> ArgValueCompleter {
    ArgValueCompleter::new(|word: &OsStr| quietly(|| role_ids(word)))
}

/// The statuses of an asset, each with its word in the office's language when that differs.
pub fn asset_statuses() -> ArgValueCompleter {
    ArgValueCompleter::new(|word: &OsStr| {
        let word = word.to_string_lossy();
        quietly(|| {
            speak();
            Ok(crate::asset::Status::ALL
                .iter()
                .map(|s| s.as_str())
                .filter(|s| starts_with(s, &word))
                .map(|s| worded(s, crate::i18n::asset_status(s)))
                .collect())
        })
    })
}

/// The options of the decision step the request on the command line is at, each with the
/// activity of the step it leads to.
pub fn options() -> ArgValueCompleter {
    ArgValueCompleter::new(|word: &OsStr| quietly(|| step_options(word)))
}

/// The names of the files attached to the request on the command line.
pub fn attachments() -> ArgValueCompleter {
    ArgValueCompleter::new(|word: &OsStr| quietly(|| attachment_names(word)))
}

/// A completer's candidates, or none on an error or a panic.
fn quietly(f: impl FnOnce() -> Result<Vec<CompletionCandidate>>) -> Vec<CompletionCandidate> {
    std::panic::catch_unwind(AssertUnwindSafe(f))
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default()
}

/// Whether `value` starts with `word`, ignoring ASCII case (ids are typed in any case).
fn starts_with(value: &str, word: &str) -> bool {
    value
        .as_bytes()
        .get(..word.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(word.as_bytes()))
}

/// `value`, with `word` (its word in the office's language) as its help when the two differ.
fn worded(value: &str, word: String) -> CompletionCandidate {
    match word == value {
        true => CompletionCandidate::new(value),
        false => candidate(value, &word),
    }
}

/// Speaks the language of the command line's records directory (as `i18n::choose` does for
/// a command), for the words completions show.
fn speak() {
    let office = context()
        .records()
        .ok()
        .and_then(|r| crate::context::office_language_of(&r.root));
    let lang = office.or_else(crate::i18n::from_env);
    crate::i18n::set(lang.unwrap_or(crate::i18n::Lang::En));
}

fn candidate(value: &str, help: &str) -> CompletionCandidate {
    let help = help.lines().next().unwrap_or_default().to_string();
    CompletionCandidate::new(value).help(Some(help.into()))
}

/// What the command line being completed says besides the word: the records directory and
/// the request it names.
#[derive(Debug, Default)]
struct Line {
    records: Option<PathBuf>,
    /// The `ID` of the (sub)command, as typed.
    id: Option<String>,
}

/// The command line's words (after `--`), parsed once as far as they parse.
fn line() -> &'static Line {
    static LINE: OnceLock<Line> = OnceLock::new();
    LINE.get_or_init(|| {
        let args: Vec<OsString> = std::env::args_os().collect();
        let words = match args.iter().position(|a| a == "--") {
            Some(at) => &args[at + 1..],
            None => &[][..],
        };
        Line::parse(words)
    })
}

impl Line {
    fn parse(words: &[OsString]) -> Line {
        let parsed = crate::cli::command()
            .ignore_errors(true)
            .try_get_matches_from(words);
        let Ok(mut matches) = parsed else {
            return Line::default();
        };
        let records = matches
            .try_get_one::<PathBuf>("records")
            .ok()
            .flatten()
            .cloned()
            .or_else(|| std::env::var_os("SOP_RECORDS").map(PathBuf::from));
        while let Some((_, sub)) = matches.subcommand() {
            matches = sub.clone();
        }
        let id = matches.try_get_one::<String>("id").ok().flatten().cloned();
        Line { records, id }
    }
}

/// The repository of the command line's records directory.
fn open() -> Result<Git> {
    Git::open_as_is(&context().records()?.root)
}

/// The rules of HEAD.
fn rules(snap: &Snapshot) -> Result<crate::rules::Rules> {
    Loader::default()
        .rules_as_is(snap)?
        .ok_or_else(|| anyhow!("no sop.toml"))
}

fn context() -> Context {
    Context::new(
        line().records.clone(),
        None,
        Format::Table,
        ColorChoice::Never,
        false,
    )
}

/// Procedures of HEAD read as needed, each once (None when it cannot be read).
struct Procedures<'s> {
    snap: &'s Snapshot<'s>,
    read: HashMap<String, Option<Procedure>>,
}

impl<'s> Procedures<'s> {
    fn new(snap: &'s Snapshot<'s>) -> Procedures<'s> {
        Procedures {
            snap,
            read: HashMap::new(),
        }
    }

    fn get(&mut self, id: &str) -> Option<&Procedure> {
        if !self.read.contains_key(id) {
            let p = crate::rules::procedure_as_is(self.snap, id).ok();
            self.read.insert(id.to_string(), p);
        }
        self.read[id].as_ref()
    }

    /// The kind of step `step` of procedure `id`.
    fn kind(&mut self, id: &str, step: &str) -> Option<Kind> {
        Some(self.get(id)?.step(step)?.kind)
    }

    /// Whether an end of procedure `id` with outcome `status` may be resumed.
    fn resumable(&mut self, id: &str, status: &str) -> bool {
        self.get(id).is_some_and(|p| {
            p.steps
                .iter()
                .any(|s| s.kind == Kind::End && s.resume.is_some() && s.outcome() == status)
        })
    }
}

fn request_ids(which: Requests, word: &OsStr) -> Result<Vec<CompletionCandidate>> {
    let word = word.to_string_lossy();
    let git = open()?;
    speak();
    let snap = git.head_snapshot()?;
    let mut procedures = Procedures::new(&snap);
    let text = summary::brief_text(&git)?;
    let mut found = Vec::new();
    for r in summary::briefs(&text, &word) {
        if !wanted(which, &r, &mut procedures) {
            continue;
        }
        let help = match r.status.as_ref() {
            OPEN => r.title.to_string(),
            status => format!("{} [{}]", r.title, crate::i18n::status(status)),
        };
        found.push((
            r.step.is_none(),
            Reverse(r.created()),
            r.id.into_owned(),
            help,
        ));
    }
    found.sort();
    Ok(found
        .into_iter()
        .map(|(_, _, id, help)| candidate(&id, &help))
        .collect())
}

/// Whether request `r` is one that `which` takes (the engine refuses the others).
fn wanted(which: Requests, r: &Brief, procedures: &mut Procedures) -> bool {
    let open = r.status == OPEN;
    let kind = |procedures: &mut Procedures| {
        let step = r.step.as_deref()?;
        procedures.kind(&r.procedure, step)
    };
    match which {
        Requests::Any => true,
        Requests::Unfinished => r.step.is_some(),
        Requests::Open => open,
        Requests::Task => open && matches!(kind(procedures), Some(Kind::Task | Kind::Decision)),
        Requests::Approval => open && kind(procedures) == Some(Kind::Approval),
        Requests::Resumable => {
            r.status == HELD || (r.step.is_none() && procedures.resumable(&r.procedure, &r.status))
        }
    }
}

fn procedure_ids(word: &OsStr) -> Result<Vec<CompletionCandidate>> {
    let word = word.to_string_lossy();
    let git = open()?;
    let snap = git.head_snapshot()?;
    let mut procedures = Procedures::new(&snap);
    let ids = crate::commands::committed_procedures(&git)?;
    Ok(ids
        .iter()
        .filter(|id| starts_with(id, &word))
        .map(|id| {
            let name = procedures.get(id).map_or("", |p| p.name.as_str());
            candidate(id, name)
        })
        .collect())
}

fn person_ids(word: &OsStr, holding: bool) -> Result<Vec<CompletionCandidate>> {
    let word = word.to_string_lossy();
    let git = open()?;
    let snap = git.head_snapshot()?;
    let rules = rules(&snap)?;
    let mut people: Vec<&crate::people::Person> = rules.people.people.iter().collect();
    if holding {
        let date = context().now(&rules.config)?.date_naive();
        let holders = step_roles(&git, &snap)
            .unwrap_or_default()
            .iter()
            .flat_map(|role| rules.people.holders(role, date))
            .map(|p| p.id.clone())
            .collect::<Vec<_>>();
        if !holders.is_empty() {
            people.retain(|p| holders.contains(&p.id));
        }
    }
    Ok(people
        .into_iter()
        .filter(|p| starts_with(&p.id, &word))
        .map(|p| candidate(&p.id, &p.name))
        .collect())
}

/// The one committed request whose id starts with the command line's `ID` (in any case): its
/// procedure and current step (None once finished), and its id.
fn named_request(git: &Git) -> Result<(String, Option<String>, String)> {
    let given = line()
        .id
        .as_deref()
        .ok_or_else(|| anyhow!("no request id"))?;
    let text = summary::brief_text(git)?;
    let mut found = summary::briefs(&text, given.trim());
    let r = found.next().ok_or_else(|| anyhow!("no such request"))?;
    if found.next().is_some() {
        return Err(anyhow!("ambiguous request id"));
    }
    let step = r.step.map(Cow::into_owned);
    Ok((r.procedure.into_owned(), step, r.id.into_owned()))
}

/// The procedure of the command line's unfinished request, and the id of its current step.
fn current_step(git: &Git, snap: &Snapshot) -> Result<(Procedure, String)> {
    let (procedure, step, _) = named_request(git)?;
    let step = step.ok_or_else(|| anyhow!("finished"))?;
    Ok((crate::rules::procedure_as_is(snap, &procedure)?, step))
}

/// The roles of the current step of the command line's request.
fn step_roles(git: &Git, snap: &Snapshot) -> Result<Vec<String>> {
    let (p, step) = current_step(git, snap)?;
    let step = p.step(&step).ok_or_else(|| anyhow!("no step"))?;
    Ok(step.role.list().to_vec())
}

fn step_options(word: &OsStr) -> Result<Vec<CompletionCandidate>> {
    let word = word.to_string_lossy();
    let git = open()?;
    let snap = git.head_snapshot()?;
    let (p, step) = current_step(&git, &snap)?;
    let step = p.step(&step).ok_or_else(|| anyhow!("no step"))?;
    Ok(step
        .options
        .iter()
        .filter(|(option, _)| starts_with(option, &word))
        .map(|(option, to)| {
            let to = to.get_ref();
            let help = p.step(to).map_or(to.as_str(), |s| s.activity.as_str());
            candidate(option, help)
        })
        .collect())
}

fn attachment_names(word: &OsStr) -> Result<Vec<CompletionCandidate>> {
    let word = word.to_string_lossy();
    let git = open()?;
    let snap = git.head_snapshot()?;
    let (_, _, id) = named_request(&git)?;
    let rel = crate::layout::request(&id);
    let (_, text) = snap.text(&rel)?.ok_or_else(|| anyhow!("no file"))?;
    let req = crate::store::parse_request(std::path::Path::new(&rel), &text)?;
    Ok(req
        .attachments
        .iter()
        .filter(|a| a.name.starts_with(word.as_ref()))
        .map(|a| candidate(&a.name, &a.media_type))
        .collect())
}

fn asset_ids(word: &OsStr) -> Result<Vec<CompletionCandidate>> {
    let word = word.to_string_lossy();
    let git = open()?;
    let text = crate::asset_rows::Rows::head_text(&git)?;
    let mut found = Vec::new();
    for row in crate::tree_cache::values_in(&text) {
        let Ok(row) = std::str::from_utf8(row) else {
            continue;
        };
        let Some(id) = crate::asset_rows::column_of(row, "id") else {
            continue;
        };
        if starts_with(&id, &word) {
            let name = crate::asset_rows::column_of(row, "name").unwrap_or_default();
            found.push(candidate(&id, &name));
        }
    }
    Ok(found)
}

fn request_statuses(word: &OsStr) -> Result<Vec<CompletionCandidate>> {
    let word = word.to_string_lossy();
    let git = open()?;
    let text = summary::brief_text(&git)?;
    let mut have: Vec<String> = Vec::new();
    for r in summary::briefs(&text, "") {
        if !have.iter().any(|s| *s == r.status) {
            have.push(r.status.into_owned());
        }
    }
    let statuses = crate::commands::list::known_statuses(&git, have)?;
    speak();
    Ok(statuses
        .iter()
        .filter(|s| starts_with(s, &word))
        .map(|s| worded(s, crate::i18n::status(s)))
        .collect())
}

fn role_ids(word: &OsStr) -> Result<Vec<CompletionCandidate>> {
    let word = word.to_string_lossy();
    let git = open()?;
    let snap = git.head_snapshot()?;
    let rules = rules(&snap)?;
    Ok(rules
        .config
        .roles
        .iter()
        .filter(|(role, _)| starts_with(role, &word))
        .map(|(role, label)| candidate(role, label))
        .collect())
}
