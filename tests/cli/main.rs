//! Integration tests: the real binary on real temporary git repositories.

mod support;

mod assets;
mod attachments;
mod audit;
mod bench_harness;
mod caches;
mod completions;
mod crash;
mod document;
mod errors;
mod first_run;
mod fuzz_regressions;
mod graphs;
mod hardening;
mod language;
mod language_rules;
mod lifecycle;
mod limits;
mod list_search;
mod monitoring;
mod no_panic;
mod one_truth;
mod pipes;
mod print;
mod procedure_model;
mod properties;
mod race;
mod report;
mod requests;
mod scripting;
mod shipped;
mod site;
mod sync;
mod tables;
mod walks;
