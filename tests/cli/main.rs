//! Integration tests: the real binary on real temporary git repositories.

mod support;

mod audit;
mod lifecycle;
