//! The one place that reads the environment: records root, clock, actor, output choices.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::rc::Rc;

use anyhow::{Context as _, Result};
use chrono::{DateTime, FixedOffset, Utc};

use crate::cli::{ColorChoice, Format};
use crate::config::Config;
use crate::git::{Git, Oid};
use crate::layout;
use crate::limits::TERMINAL_COLUMNS;
use crate::output::{Layout, Look};
use crate::people::{People, Person};
use crate::rules::{warn_uncommitted, Loader};
use crate::store::Records;
use crate::{forbidden, invalid};

/// The `language` of sop.toml as committed at HEAD of the records directory this run uses
/// (`-C DIR`/`--records DIR` among the arguments, else `$SOP_RECORDS`, else the current folder
/// and its parents): read before the command line is parsed, so that help speaks it too.
/// None when there is no such directory, no commit, or no readable `language`: the command
/// itself then says what is wrong, in the language of the environment.
pub fn office_language() -> Option<crate::i18n::Lang> {
    let explicit = records_in_args().or_else(|| std::env::var_os("SOP_RECORDS").map(PathBuf::from));
    let records = Records::find(explicit.as_deref()).ok()?;
    let git = Git::open_as_is(&records.root).ok()?;
    let lang = language_in(&git);
    OPENED.with(|opened| *opened.borrow_mut() = Some((records.root, git)));
    lang
}

thread_local! {
    /// The repository `office_language` opened before the command line was parsed, and the
    /// records directory it opened it for: the command's own `open` of the same directory
    /// takes it rather than opening the repository again.
    static OPENED: std::cell::RefCell<Option<(PathBuf, Git)>> = const {
        std::cell::RefCell::new(None)
    };
}

/// The repository of the records directory `root`, cleared of what a killed sop left
/// (`Git::open`): the one `office_language` opened, when it was for `root`.
fn open_git(root: &std::path::Path) -> Result<Git> {
    let kept = OPENED.with(|opened| opened.borrow_mut().take());
    match kept {
        Some((opened_for, git)) if opened_for == root => git.cleared(),
        _ => Git::open(root),
    }
}

/// The `language` of sop.toml as committed at HEAD of the records directory `root`.
pub fn office_language_of(root: &std::path::Path) -> Option<crate::i18n::Lang> {
    language_in(&Git::open_as_is(root).ok()?)
}

fn language_in(git: &Git) -> Option<crate::i18n::Lang> {
    #[derive(serde::Deserialize)]
    struct Only {
        language: Option<crate::i18n::Lang>,
    }
    let snap = git.head_snapshot().ok()?;
    let (_, text) = snap.text(layout::CONFIG).ok()??;
    toml::from_str::<Only>(&text).ok()?.language
}

/// The value of `-C`/`--records` among the arguments, read without clap.
fn records_in_args() -> Option<PathBuf> {
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        let text = arg.to_str()?;
        if text == "--" {
            return None;
        }
        if text == "-C" || text == "--records" {
            return args.next().map(PathBuf::from);
        }
        if let Some(dir) = text.strip_prefix("--records=") {
            return Some(PathBuf::from(dir));
        }
        if let Some(dir) = text.strip_prefix("-C").filter(|d| !d.is_empty()) {
            return Some(PathBuf::from(dir.strip_prefix('=').unwrap_or(dir)));
        }
    }
    None
}

pub struct Context {
    records_arg: Option<PathBuf>,
    actor_arg: Option<String>,
    pub format: Format,
    /// How tables are laid out and coloured.
    pub look: Look,
    /// The time to act at instead of the clock: `sop init --demo` back-dates its changes.
    at: Option<DateTime<FixedOffset>>,
}

impl Context {
    pub fn new(
        records: Option<PathBuf>,
        actor: Option<String>,
        format: Format,
        color: ColorChoice,
        wide: bool,
    ) -> Context {
        Context {
            records_arg: records,
            actor_arg: actor,
            format,
            look: look(color, wide),
            at: None,
        }
    }

    /// A context for one change by `actor` at `at` in the records directory `records`, its
    /// output read by the caller: how `sop init --demo` makes each of its changes through the
    /// same code as the commands.
    pub fn acting(records: &std::path::Path, actor: &str, at: DateTime<FixedOffset>) -> Context {
        Context {
            records_arg: Some(records.to_path_buf()),
            actor_arg: Some(actor.to_string()),
            format: Format::Id,
            look: Look::PLAIN,
            at: Some(at),
        }
    }

    pub fn records_arg(&self) -> Option<&std::path::Path> {
        self.records_arg.as_deref()
    }

    pub fn actor_arg(&self) -> Option<&str> {
        self.actor_arg.as_deref()
    }

    pub fn records(&self) -> Result<Records> {
        Records::find(self.records_arg.as_deref())
    }

    /// Now, in the office's timezone. `SOP_NOW` (RFC 3339) fixes the clock, for tests and replays.
    pub fn now(&self, config: &Config) -> Result<DateTime<FixedOffset>> {
        let offset = config.offset()?;
        if let Some(at) = self.at {
            return Ok(at.with_timezone(&offset));
        }
        match std::env::var("SOP_NOW") {
            Ok(s) => Ok(DateTime::parse_from_rfc3339(&s)
                .map_err(|e| invalid!("{}", t!(SopNowNotTime, value = s, error = e)))?
                .with_timezone(&offset)),
            Err(_) => Ok(Utc::now().with_timezone(&offset)),
        }
    }

    /// The acting person: --as, else $SOP_ACTOR, else git's user.email, found in people.toml.
    pub fn actor<'p>(&self, people: &'p People, git: &Git) -> Result<&'p Person> {
        let who = match &self.actor_arg {
            Some(who) => who.clone(),
            None => git
                .user_email()
                .ok_or_else(|| invalid!("{}", t!(WhoActs)))?,
        };
        people
            .find(&who)
            .ok_or_else(|| forbidden!("{}", t!(NotInPeople, who = who)))
    }

    /// The records directory and its repository.
    pub fn open(&self) -> Result<(Records, Git)> {
        let records = self.records()?;
        let git = open_git(&records.root).with_context(|| t!(CtxOpeningRecords))?;
        Ok((records, git))
    }

    /// The repository whose history to read, and its records directory when there is a work
    /// tree: from -C, $SOP_RECORDS or the current folder, else from git's environment (a bare
    /// repository, as in a server's pre-receive hook).
    pub fn open_history(&self) -> Result<(Git, Option<Records>)> {
        let in_hook = std::env::var_os("GIT_DIR").is_some() && self.records_arg.is_none();
        if !in_hook {
            match self.records() {
                Ok(records) => {
                    let git = open_git(&records.root).with_context(|| t!(CtxOpeningRecords))?;
                    return Ok((git, Some(records)));
                }
                // A folder named with -C that is not a records directory is an error, never
                // a reason to check whatever repository the current folder is in.
                Err(e) if self.records_arg.is_some() => return Err(e),
                Err(_) => {}
            }
        }
        let git = Git::open_from_env().map_err(|e| invalid!("{}", t!(NoRepository, error = e)))?;
        Ok((git, None))
    }

    /// The records directory with the rules of HEAD (sop.toml, people.toml), warning about
    /// uncommitted edits of them. A change checks, under its lock, that HEAD is still the
    /// commit these were read from (`Tx::head_is`).
    pub fn load(&self) -> Result<Loaded> {
        let (records, git) = self.open()?;
        let (rules, head) = {
            let snap = git.head_snapshot()?;
            let rules = Loader::default()
                .rules_as_is(&snap)?
                .ok_or_else(|| invalid!("{}", t!(NotCommitted)))?;
            warn_uncommitted(
                &snap,
                &records.root,
                &[layout::CONFIG.to_string(), layout::PEOPLE.to_string()],
            );
            (rules, snap.commit)
        };
        let now = self.now(&rules.config)?;
        Ok(Loaded {
            records,
            config: rules.config,
            people: rules.people,
            people_unusable: rules.people_unusable,
            git,
            now,
            head,
        })
    }
}

impl Loaded {
    /// Refuses (exit 3) a change when people.toml does not pass its lint.
    pub fn ensure_usable(&self) -> Result<()> {
        match &self.people_unusable {
            Some(why) => Err(invalid!("{why}")),
            None => Ok(()),
        }
    }
}

/// A records directory with the rules of HEAD and its repository.
pub struct Loaded {
    pub records: Records,
    pub config: Rc<Config>,
    pub people: Rc<People>,
    /// people.toml's lint findings, which forbid using it for a change.
    people_unusable: Option<String>,
    pub git: Git,
    pub now: DateTime<FixedOffset>,
    /// The commit the rules were read from.
    pub head: Option<Oid>,
}

/// How tables look: fitted to the terminal standard output goes to (or whole with `--wide`),
/// plain columns when it goes elsewhere; coloured with `--color always`, or `auto` on a
/// terminal unless `NO_COLOR` is set (to anything but nothing). Colour never changes the layout.
fn look(color: ColorChoice, wide: bool) -> Look {
    let width = terminal_width();
    let layout = match width {
        None => Layout::Plain,
        Some(_) if wide => Layout::Wide,
        Some(w) => Layout::Fit(w),
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color = match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => width.is_some() && !no_color,
    };
    Look { layout, color }
}

/// The width of the terminal standard output goes to; None when it is not a terminal.
/// `SOP_TERMINAL_WIDTH=N` says it is one, N columns wide (for tests, and for tools such as
/// `watch` that read sop through a pipe); else a terminal's width is `COLUMNS`, else what the
/// terminal says, else 80. A width is a whole number from 1 up; above `TERMINAL_COLUMNS` it
/// counts as that; anything else is ignored.
fn terminal_width() -> Option<usize> {
    let columns = |name: &str| {
        let text = std::env::var(name).ok()?;
        let width = text.trim().parse::<usize>().ok().filter(|w| *w > 0)?;
        Some(width.min(TERMINAL_COLUMNS))
    };
    if let Some(width) = columns("SOP_TERMINAL_WIDTH") {
        return Some(width);
    }
    if !std::io::stdout().is_terminal() {
        return None;
    }
    let asked = || terminal_size::terminal_size().map(|(w, _)| usize::from(w.0));
    Some(
        columns("COLUMNS")
            .or_else(asked)
            .unwrap_or(80)
            .min(TERMINAL_COLUMNS),
    )
}
