//! One file per subcommand: its `Args` beside its `run`.

pub mod act;
pub mod asset;
pub mod attachment;
pub mod completions;
pub mod init;
pub mod list;
pub mod log;
pub mod new;
pub mod procedure;
pub mod report;
pub mod show;
pub mod sync;
pub mod verify;

use std::io::Write;

use anyhow::Result;

use crate::cli::{Cli, Command, Format};
use crate::context::Context;
use crate::error::{Code, Failure};
use crate::git::Signature;
use crate::people::Person;

pub fn run(cli: Cli, out: &mut dyn Write) -> Result<()> {
    let graph = matches!(
        cli.command,
        Command::Procedure(procedure::Command::Graph { .. })
    );
    if matches!(cli.format, Format::Mermaid | Format::Dot) && !graph {
        return Err(Failure::new(
            Code::Usage,
            "--format mermaid and --format dot are for `sop procedure graph` only",
        )
        .into());
    }
    let doc = matches!(
        cli.command,
        Command::Procedure(procedure::Command::Doc { .. })
    );
    if matches!(cli.format, Format::Svg | Format::Pdf | Format::Html) && !doc {
        return Err(Failure::new(
            Code::Usage,
            "--format svg, pdf and html are for `sop procedure doc` only",
        )
        .into());
    }
    let ctx = Context::new(cli.records, cli.actor, cli.format, cli.color);
    match cli.command {
        Command::Init(args) => init::run(&ctx, args, out),
        Command::Procedure(cmd) => procedure::run(&ctx, cmd, out),
        Command::New(args) => new::run(&ctx, args, out),
        Command::Advance(args) => act::advance(&ctx, args, out),
        Command::Approve(args) => act::approve(&ctx, args, out),
        Command::Reject(args) => act::reject(&ctx, args, out),
        Command::Cancel(args) => act::cancel(&ctx, args, out),
        Command::Edit(args) => act::edit(&ctx, args, out),
        Command::Comment(args) => act::comment(&ctx, args, out),
        Command::Assign(args) => act::assign(&ctx, args, out),
        Command::Unassign(args) => act::unassign(&ctx, args, out),
        Command::Hold(args) => act::hold(&ctx, args, out),
        Command::Resume(args) => act::resume(&ctx, args, out),
        Command::Show(args) => show::run(&ctx, args, out),
        Command::Attachment(args) => attachment::run(&ctx, args, out),
        Command::List(args) => list::run(&ctx, args, out),
        Command::Report(args) => report::run(&ctx, args, out),
        Command::Sync(args) => sync::run(&ctx, args, out),
        Command::Asset(cmd) => asset::run(&ctx, cmd, out),
        Command::Log(args) => log::run(&ctx, args, out),
        Command::Verify(args) => verify::run(&ctx, args, out),
        Command::Completions(args) => completions::run(args, out),
    }
}

/// The git identity of a person at `now`.
pub fn signature(person: &Person, now: chrono::DateTime<chrono::FixedOffset>) -> Result<Signature> {
    Signature::new(&person.name, &person.email, now)
}
