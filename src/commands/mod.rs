//! One file per subcommand: its `Args` beside its `run`.

pub mod act;
pub mod asset;
pub mod attachment;
pub mod completions;
pub mod init;
pub mod list;
pub mod log;
pub mod monitoring;
pub mod new;
pub mod print;
pub mod procedure;
pub mod report;
pub mod show;
pub mod site;
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
    if let Command::New(a) = &cli.command {
        if a.help {
            let ctx = Context::new(cli.records, cli.actor, Format::Table, cli.color, cli.wide);
            return new::help(&ctx, a.procedure.as_deref(), out);
        }
    }
    let (name, formats) = formats(&cli.command);
    let quiet = quiet(&cli.command);
    let format = match cli.format {
        None => formats[0],
        Some(f) if formats.contains(&f) => f,
        Some(f) => return Err(refuse_format(name, formats, f)),
    };
    if quiet && matches!(format, Format::Json | Format::Csv) {
        return Err(
            Failure::new(Code::Usage, t!(QuietFormat, format = format_name(format))).into(),
        );
    }
    let format = if quiet { Format::Id } else { format };
    crate::output::set_quiet(quiet);
    let ctx = Context::new(cli.records, cli.actor, format, cli.color, cli.wide);
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
        Command::Print(args) => print::run(&ctx, args, out),
        Command::Attachment(args) => attachment::run(&ctx, args, out),
        Command::List(args) => list::run(&ctx, args, out),
        Command::Report(args) => report::run(&ctx, args, out),
        Command::Site(args) => site::run(&ctx, args, out),
        Command::Sync(args) => sync::run(&ctx, args, out),
        Command::Asset(cmd) => asset::run(&ctx, cmd, out),
        Command::Log(args) => log::run(&ctx, args, out),
        Command::Verify(args) => verify::run(&ctx, args, out),
        Command::Completions(args) => completions::run(args, out),
    }
}

/// Exit 2 for a value of a filter no record could have, listing the values it takes.
pub fn unknown_value(option: &str, given: &str, valid: &[String]) -> anyhow::Error {
    Failure::new(
        Code::Usage,
        t!(
            UnknownFilterValue,
            option = option,
            given = given,
            valid = one_of(valid)
        ),
    )
    .into()
}

/// `a, b or c`.
fn one_of(values: &[String]) -> String {
    match values {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => t!(OneOfOr, rest = rest.join(", "), last = last),
    }
}

/// The ids of the procedures HEAD holds, sorted.
pub fn committed_procedures(git: &crate::git::Git) -> Result<Vec<String>> {
    let mut ids: Vec<String> = git
        .head_files(std::path::Path::new(crate::layout::PROCEDURES))?
        .into_iter()
        .filter_map(|(rel, _)| {
            let id = rel.strip_suffix(".toml")?;
            (!id.contains('/')).then(|| id.to_string())
        })
        .collect();
    ids.sort();
    Ok(ids)
}

/// The procedures a `--procedure` filter may name: the committed ones, and any a request
/// names (one whose file is gone since).
pub fn known_procedures(
    git: &crate::git::Git,
    requests: &crate::tree_cache::TreeCache<crate::summary::Summary>,
) -> Result<Vec<String>> {
    let mut ids = committed_procedures(git)?;
    ids.extend(requests.values().map(|r| r.procedure.to_string()));
    ids.sort();
    ids.dedup();
    Ok(ids)
}

/// The git identity of a person at `now`.
pub fn signature(person: &Person, now: chrono::DateTime<chrono::FixedOffset>) -> Result<Signature> {
    Signature::new(&person.name, &person.email, now)
}

/// The command's name for messages, and the formats it can print, its default first.
pub fn formats(command: &Command) -> (&'static str, &'static [Format]) {
    use Format::{Csv, Dot, Html, Id, Json, Mermaid, Pdf, Svg, Table};
    const CHANGE: &[Format] = &[Table, Json, Id];
    const LISTING: &[Format] = &[Table, Json, Csv, Id];
    const RECORD: &[Format] = &[Table, Json];
    const TEXT: &[Format] = &[Table];
    match command {
        Command::Init(_) => ("sop init", TEXT),
        Command::Procedure(p) => match p {
            procedure::Command::List => ("sop procedure list", LISTING),
            procedure::Command::Show { .. } => ("sop procedure show", RECORD),
            procedure::Command::Check => ("sop procedure check", RECORD),
            procedure::Command::Graph { .. } => ("sop procedure graph", &[Mermaid, Dot]),
            procedure::Command::Doc { .. } => ("sop procedure doc", &[Svg, Pdf, Html]),
        },
        Command::New(_) => ("sop new", CHANGE),
        Command::Advance(_) => ("sop advance", CHANGE),
        Command::Approve(_) => ("sop approve", CHANGE),
        Command::Reject(_) => ("sop reject", CHANGE),
        Command::Cancel(_) => ("sop cancel", CHANGE),
        Command::Edit(_) => ("sop edit", CHANGE),
        Command::Comment(_) => ("sop comment", CHANGE),
        Command::Assign(_) => ("sop assign", CHANGE),
        Command::Unassign(_) => ("sop unassign", CHANGE),
        Command::Hold(_) => ("sop hold", CHANGE),
        Command::Resume(_) => ("sop resume", CHANGE),
        Command::Show(_) => ("sop show", RECORD),
        Command::Print(_) => ("sop print", &[Pdf, Html]),
        Command::Attachment(a) if a.name.is_some() => ("sop attachment ID NAME", TEXT),
        Command::Attachment(_) => ("sop attachment", LISTING),
        Command::List(_) => ("sop list", LISTING),
        Command::Report(a) if a.monitoring => {
            ("sop report --monitoring", &[Table, Json, Csv, Pdf, Html])
        }
        Command::Report(_) => ("sop report", &[Table, Json, Csv]),
        Command::Site(_) => ("sop site", RECORD),
        Command::Sync(_) => ("sop sync", TEXT),
        Command::Asset(a) => match a {
            asset::Command::Add(_) => ("sop asset add", CHANGE),
            asset::Command::Import(_) => ("sop asset import", RECORD),
            asset::Command::List(_) => ("sop asset list", LISTING),
            asset::Command::Show { .. } => ("sop asset show", RECORD),
        },
        Command::Log(_) => ("sop log", LISTING),
        Command::Verify(_) => ("sop verify", &[Table, Json, Csv]),
        Command::Completions(_) => ("sop completions", TEXT),
    }
}

/// `-q`: a changing command prints only the id.
fn quiet(command: &Command) -> bool {
    match command {
        Command::New(a) => a.quiet,
        Command::Advance(a) => a.quiet,
        Command::Approve(a) => a.quiet,
        Command::Reject(a) => a.quiet,
        Command::Cancel(a) => a.quiet,
        Command::Edit(a) => a.quiet,
        Command::Comment(a) => a.quiet,
        Command::Assign(a) => a.quiet,
        Command::Unassign(a) => a.quiet,
        Command::Hold(a) => a.quiet,
        Command::Resume(a) => a.quiet,
        Command::Asset(asset::Command::Add(a)) => a.quiet,
        _ => false,
    }
}

fn format_name(f: Format) -> String {
    use clap::ValueEnum;
    f.to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string())
}

/// Exit 2 for a format the command cannot print, naming those it can.
fn refuse_format(name: &str, formats: &[Format], given: Format) -> anyhow::Error {
    let given = format_name(given);
    let message = match formats {
        [Format::Table] => t!(FormatOneKind, name = name, given = given),
        _ if name == "sop show" && matches!(given.as_str(), "mermaid" | "svg") => {
            t!(FormatShowGraph, given = given)
        }
        _ if matches!(given.as_str(), "mermaid" | "dot") => t!(FormatGraphOnly, given = given),
        _ => {
            let names: Vec<String> = formats.iter().map(|f| format_name(*f)).collect();
            t!(
                FormatCannot,
                name = name,
                given = given,
                formats = one_of(&names)
            )
        }
    };
    Failure::new(Code::Usage, message)
        .hint(t!(HintFormat))
        .into()
}
