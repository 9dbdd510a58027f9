//! sop: Standard Operating Procedures as tracked, enforceable, auditable workflows in git.

mod asset;
mod asset_rows;
mod audit;
mod blob_cache;
mod calendar;
mod change;
mod cli;
mod commands;
mod config;
mod context;
mod dates;
mod engine;
mod error;
mod field;
mod git;
mod graph;
mod import;
mod layout;
mod limits;
mod output;
mod people;
mod procedure;
mod request;
mod rules;
mod stdtime;
mod store;
mod summary;
mod trailers;
mod view;

use std::io::{ErrorKind, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let (cli, matches) = cli::parse();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = cli::check_text(&matches)
        .and_then(|()| commands::run(cli, &mut out))
        .and_then(|()| Ok(out.flush()?));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            drop(out);
            eprintln!("error: {e:#}");
            if let Some(hint) = error::hint(&e) {
                eprintln!("hint: {hint}");
            }
            ExitCode::from(error::exit_code(&e))
        }
    }
}

/// `sop list | head` closes the pipe early: that is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == ErrorKind::BrokenPipe)
}
