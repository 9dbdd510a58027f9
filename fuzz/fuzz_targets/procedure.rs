//! The `procedure` fuzz target: what it checks of an input is `checks::procedure` (shared with the test
//! that replays the inputs found, `tests/cli/fuzz_regressions.rs`).

#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::check("procedure", data));
