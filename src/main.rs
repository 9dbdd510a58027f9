//! The `sop` binary: parse the command line, run it, turn errors into stderr and an exit code.

use std::io::{ErrorKind, Write};
use std::process::ExitCode;

use sop::{cli, commands, complete, error, i18n};

fn main() -> ExitCode {
    complete::run_if_asked();
    i18n::choose();
    let (cli, matches, command) = cli::parse();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = cli::check_text(&command, &matches)
        .and_then(|()| commands::run(cli, &mut out))
        .and_then(|()| Ok(out.flush()?));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            drop(out);
            eprintln!("{}: {e:#}", i18n::text("ErrorPrefix"));
            if let Some(hint) = error::hint(&e) {
                eprintln!("{}: {hint}", i18n::text("HintPrefix"));
            }
            ExitCode::from(error::exit_code(&e))
        }
    }
}

/// `sop list | head` closes the pipe early: that is not an error, whichever writer (plain,
/// CSV, JSON) met it.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        let kind = if let Some(io) = c.downcast_ref::<std::io::Error>() {
            Some(io.kind())
        } else if let Some(csv) = c.downcast_ref::<csv::Error>() {
            match csv.kind() {
                csv::ErrorKind::Io(io) => Some(io.kind()),
                _ => None,
            }
        } else {
            c.downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
        };
        kind == Some(ErrorKind::BrokenPipe)
    })
}
