//! A procedure file: `Procedure::parse`, then everything `sop procedure check` asks of it
//! (the lint against the example office's sop.toml, the flow's exits, roles and total time).
//! Any text must give a procedure or an error, never a panic.

#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use sop::config::Config;
use sop::procedure::{lint, Procedure};

static CONFIG: LazyLock<Config> = LazyLock::new(|| {
    Config::parse(include_str!("../../example-records/sop.toml"))
        .expect("the example sop.toml parses")
});

fuzz_target!(|text: &str| {
    let Ok(procedure) = Procedure::parse(text, Path::new("procedures/email.toml")) else {
        return;
    };
    for finding in lint::check(&procedure, &CONFIG) {
        assert!(
            finding.line >= 1 && finding.line <= text.lines().count() + 1,
            "{finding} is outside the file"
        );
    }
    for step in &procedure.steps {
        let _ = procedure.exits(step);
        let _ = step.time.map(|t| (t.iso(), t.to_string()));
    }
    let _ = procedure.roles();
    let _ = procedure.total().iso();
});
