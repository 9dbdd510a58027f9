//! The command line: global options and the subcommands.

use std::path::PathBuf;

use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::{commands, invalid, limits};

/// Standard Operating Procedures as tracked, enforceable, auditable workflows in git.
#[derive(Debug, Parser)]
#[command(name = "sop", version, about, max_term_width = 100)]
pub struct Cli {
    /// The records directory (default: $SOP_RECORDS, else the current folder and its parents).
    #[arg(
        short = 'C',
        long = "records",
        global = true,
        value_name = "DIR",
        value_hint = clap::ValueHint::DirPath,
        env = "SOP_RECORDS",
        help_heading = "Global options"
    )]
    pub records: Option<PathBuf>,

    /// Act as this person (id or email in people.toml; default $SOP_ACTOR, else git's user.email).
    #[arg(
        long = "as",
        global = true,
        value_name = "PERSON",
        env = "SOP_ACTOR",
        add = crate::complete::people(),
        help_heading = "Global options"
    )]
    pub actor: Option<String>,

    /// Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure
    /// doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print.
    #[arg(long, global = true, value_enum, help_heading = "Global options")]
    pub format: Option<Format>,

    /// When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal
    /// unless NO_COLOR is set. Colour never changes the layout.
    #[arg(
        long,
        global = true,
        value_enum,
        default_value_t = ColorChoice::Auto,
        help_heading = "Global options"
    )]
    pub color: ColorChoice,

    /// Tables on a terminal: every column and every cell whole, even wider than the terminal
    /// (without it they are fitted to its width). Piped tables are always whole.
    #[arg(long, global = true, help_heading = "Global options")]
    pub wide: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: tables and sentences.
    Table,
    /// One JSON document (docs/contract.md).
    Json,
    /// A header row, then one row per record.
    Csv,
    /// One id per line: of requests, assets, procedures; file names for `sop attachment`,
    /// commit ids for `sop log`; the id alone for a change.
    Id,
    /// Flowchart text for `sop procedure graph` (Mermaid).
    Mermaid,
    /// Flowchart text for `sop procedure graph` (Graphviz).
    Dot,
    /// The SOP document for `sop procedure doc` (SVG, the pages one under another).
    Svg,
    /// A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report
    /// --monitoring` (A4 landscape), a request's printout for `sop print` (A4 portrait).
    Pdf,
    /// A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop
    /// report --monitoring`, a request's printout for `sop print`.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Init(commands::init::Args),
    /// The SOP catalogue: list, show, check, graph, doc.
    #[command(subcommand)]
    Procedure(commands::procedure::Command),
    New(commands::new::Args),
    /// Complete the current task or decision step and move on.
    Advance(commands::act::AdvanceArgs),
    /// Approve the current approval step.
    Approve(commands::act::ApproveArgs),
    /// Reject the current approval step, with a reason.
    Reject(commands::act::RejectArgs),
    /// Withdraw an open request, with a reason.
    Cancel(commands::act::ReasonArgs),
    /// Correct a request's fields or title at a step you may act on (such as a returned form).
    Edit(commands::act::EditArgs),
    /// Add a comment to a request's history, without moving it.
    Comment(commands::act::CommentArgs),
    /// Give the current step to one person who holds its role.
    Assign(commands::act::AssignArgs),
    /// Give the current step back to every holder of its role.
    Unassign(commands::act::NoteArgs),
    /// Put a request on hold (its clock stops) while it waits on something outside the office.
    Hold(commands::act::HoldArgs),
    /// Resume a held request, or one whose end the procedure lets be resumed.
    Resume(commands::act::ResumeArgs),
    Show(commands::show::Args),
    Print(commands::print::Args),
    Attachment(commands::attachment::Args),
    List(commands::list::Args),
    Report(commands::report::Args),
    Site(commands::site::Args),
    Sync(commands::sync::Args),
    /// The asset register: add, import, list, show.
    #[command(subcommand)]
    Asset(commands::asset::Command),
    Log(commands::log::Args),
    Verify(commands::verify::Args),
    Completions(commands::completions::Args),
}

/// sop's command line, with its help (the commands by group, the examples).
pub fn command() -> clap::Command {
    crate::help::apply(Cli::command())
}

/// sop's command line with its help in `lang`: English for the completion scripts, as
/// shipped in completions/, whatever the language of the run.
pub fn command_in(lang: crate::i18n::Lang) -> clap::Command {
    crate::help::apply_in(Cli::command(), lang)
}

#[cfg(test)]
impl Cli {
    /// The command line as the derive declares it, before `help::apply`.
    pub(crate) fn command_raw() -> clap::Command {
        Cli::command()
    }
}

/// The command line, parsed (clap's errors exit 2, in the language of the run), with its
/// matches and the command that parsed them, for `check_text`.
///
/// A command line that parses is parsed by the command as the derive declares it: the help's
/// examples, template and translations (`help::apply`) cost more than the parsing, and only
/// help, a version or a usage error shows them. Those are parsed again by the command with
/// its help, which takes the same arguments (a unit test in help.rs checks it).
pub fn parse() -> (Cli, ArgMatches, clap::Command) {
    refuse_non_utf8_args();
    let mut plain = Cli::command();
    let matches = match plain.try_get_matches_from_mut(std::env::args_os()) {
        Ok(matches) => matches,
        Err(_) => command()
            .try_get_matches()
            .unwrap_or_else(|e| crate::help::exit(e)),
    };
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| crate::help::exit(e));
    (cli, matches, plain)
}

/// Exits with 3 (an input error) when an argument is not UTF-8, naming the argument and the
/// first bad byte: every value sop takes is text, and clap would call it a usage error.
fn refuse_non_utf8_args() {
    for (n, arg) in std::env::args_os().enumerate().skip(1) {
        if arg.to_str().is_some() {
            continue;
        }
        let bytes = arg.as_encoded_bytes();
        let at = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| 0);
        let arg = String::from_utf8_lossy(bytes);
        eprintln!(
            "{}: {}",
            t!(ErrorPrefix),
            t!(NotUtf8Arg, n = n, arg = arg, at = at)
        );
        eprintln!("{}: {}", t!(HintPrefix), t!(HintUtf8));
        std::process::exit(3);
    }
}

/// Refuses (exit 3) a value of an option or argument, also one from `$SOP_ACTOR` or
/// `$SOP_RECORDS`, that holds a control character other than tab and line breaks
/// (`limits::control_char`): it would go into a record or a commit message. The error names
/// the option. Arguments that are not UTF-8 are refused before (`refuse_non_utf8_args`).
pub fn check_text(command: &clap::Command, matches: &ArgMatches) -> anyhow::Result<()> {
    check_level(command, matches)
}

fn check_level(command: &clap::Command, matches: &ArgMatches) -> anyhow::Result<()> {
    for arg in command.get_arguments() {
        let id = arg.get_id().as_str();
        let Ok(Some(values)) = matches.try_get_raw(id) else {
            continue;
        };
        for text in values.filter_map(|v| v.to_str()) {
            if let Some(why) = limits::control_char(text) {
                return Err(invalid!("{}: {why}", option_name(arg)));
            }
        }
    }
    match matches.subcommand() {
        Some((name, sub)) => match command.find_subcommand(name) {
            Some(sub_command) => check_level(sub_command, sub),
            None => Ok(()),
        },
        None => Ok(()),
    }
}

/// `--note`, `-C`, or `<ID>` for a positional argument.
fn option_name(arg: &clap::Arg) -> String {
    if let Some(long) = arg.get_long() {
        return format!("--{long}");
    }
    if let Some(short) = arg.get_short() {
        return format!("-{short}");
    }
    let names = arg.get_value_names().unwrap_or_default();
    match names.first() {
        Some(name) => format!("<{name}>"),
        None => format!("<{}>", arg.get_id().as_str().to_uppercase()),
    }
}
