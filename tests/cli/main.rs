//! Integration tests: the real binary on real temporary git repositories.

mod support;

mod assets;
mod crash;
mod errors;
mod audit;
mod lifecycle;
mod race;
mod report;
mod shipped;
mod sync;
mod walks;
