//! The command line: global options and the subcommands.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::commands;

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
        env = "SOP_RECORDS"
    )]
    pub records: Option<PathBuf>,

    /// Act as this person (id or email in people.toml; default $SOP_ACTOR, else git's user.email).
    #[arg(long = "as", global = true, value_name = "PERSON", env = "SOP_ACTOR")]
    pub actor: Option<String>,

    /// Output format for commands that print records.
    #[arg(long, global = true, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// When to use colour.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    /// Flowchart text for `sop procedure graph` (Mermaid).
    Mermaid,
    /// Flowchart text for `sop procedure graph` (Graphviz).
    Dot,
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
    /// The SOP catalogue: list, show, check.
    #[command(subcommand)]
    Procedure(commands::procedure::Command),
    New(commands::new::Args),
    /// Complete the current task or decision step and move on.
    Advance(commands::act::AdvanceArgs),
    /// Approve the current approval step.
    Approve(commands::act::ApproveArgs),
    /// Reject the current approval step, with a reason.
    Reject(commands::act::ReasonArgs),
    /// Withdraw an open request, with a reason.
    Cancel(commands::act::ReasonArgs),
    Show(commands::show::Args),
    List(commands::list::Args),
    Report(commands::report::Args),
    Sync(commands::sync::Args),
    /// The asset register: add, import, list, show.
    #[command(subcommand)]
    Asset(commands::asset::Command),
    Log(commands::log::Args),
    Verify(commands::verify::Args),
    Completions(commands::completions::Args),
}
