//! `sop completions SHELL`: the static completion script; the same files ship in
//! `completions/`. Live values come from `COMPLETE=SHELL sop` (`crate::complete`).

use std::io::Write;

use anyhow::Result;
use clap_complete::Shell;

/// Print a static completion script (live values: `COMPLETE=SHELL sop`).
///
/// The static script completes commands, options and fixed values. For live values too
/// (request ids, people, procedures, …), load the glue `COMPLETE=SHELL sop` prints instead.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub shell: Shell,
}

pub fn run(args: Args, out: &mut dyn Write) -> Result<()> {
    // clap_complete panics when its writer fails, and a reader closing the pipe early is no
    // error: the script (a few KiB) is made in memory and written here.
    let mut script = Vec::new();
    // English in every language, as the scripts shipped in completions/ are.
    let mut cmd = crate::cli::command_in(crate::i18n::Lang::En);
    clap_complete::generate(args.shell, &mut cmd, "sop", &mut script);
    out.write_all(&script)?;
    Ok(())
}
