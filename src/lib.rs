//! sop: Standard Operating Procedures as tracked, enforceable, auditable workflows in git.
//!
//! The library behind the `sop` binary (`src/main.rs`). Public are the modules the binary
//! needs (`cli`, `commands`, `error`) and the parsers the fuzz targets in `fuzz/` drive
//! (`procedure`, `config`, with `document` and `graph` for the drawings' tests, `request`, `field`, `store`, `stdtime`, `import`, `asset`,
//! `trailers`); the rest is private to the crate.

#[macro_use]
pub mod i18n;

pub mod asset;
mod asset_key;
mod asset_rows;
mod attachment;
mod audit;
mod calendar;
mod change;
pub mod cli;
pub mod commands;
pub mod complete;
pub mod config;
mod context;
mod dates;
mod demo;
pub mod document;
mod engine;
pub mod error;
pub mod field;
mod fold;
mod git;
pub mod graph;
mod help;
pub mod import;
mod layout;
mod limits;
mod list_rows;
mod memory;
mod monitoring;
mod output;
mod people;
pub mod printout;
pub mod procedure;
pub mod request;
mod rules;
mod site;
pub mod stdtime;
pub mod store;
mod summary;
pub mod trailers;
mod tree_cache;
mod view;
