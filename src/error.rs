//! The few errors a caller must tell apart: they choose the exit code.

use std::fmt;

/// The exit codes, as docs/contract.md ("Exit codes") documents them for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// Usage error: options that do not go together.
    Usage = 2,
    /// Invalid input or transition: bad field, wrong kind of step, finished request, malformed file.
    Invalid = 3,
    /// Not permitted: role, separation of duties.
    Forbidden = 4,
    /// Conflict: hand-edited request, busy repository, diverged remote.
    Conflict = 5,
    /// `verify` found problems.
    Findings = 6,
}

/// An error with an exit code, a message and an optional hint on what to do.
#[derive(Debug)]
pub struct Failure {
    pub code: Code,
    pub message: String,
    pub hint: Option<String>,
}

impl Failure {
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Failure {
            code,
            message: message.into(),
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

/// `invalid!("...")` builds an `anyhow::Error` carrying exit code 3.
#[macro_export]
macro_rules! invalid {
    ($($arg:tt)*) => { anyhow::Error::new($crate::error::Failure::new($crate::error::Code::Invalid, format!($($arg)*))) };
}

/// `conflict!("...")` builds an `anyhow::Error` carrying exit code 5.
#[macro_export]
macro_rules! conflict {
    ($($arg:tt)*) => { anyhow::Error::new($crate::error::Failure::new($crate::error::Code::Conflict, format!($($arg)*))) };
}

/// The exit code an error maps to: the `Failure` anywhere in its chain, else 1.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    err.chain()
        .find_map(|e| e.downcast_ref::<Failure>())
        .map_or(1, |f| f.code as u8)
}

/// The hint of the `Failure` in the chain, if any.
pub fn hint(err: &anyhow::Error) -> Option<&str> {
    err.chain()
        .find_map(|e| e.downcast_ref::<Failure>())
        .and_then(|f| f.hint.as_deref())
}

/// `forbidden!("...")` builds an `anyhow::Error` carrying exit code 4.
#[macro_export]
macro_rules! forbidden {
    ($($arg:tt)*) => { anyhow::Error::new($crate::error::Failure::new($crate::error::Code::Forbidden, format!($($arg)*))) };
}

/// Adds a hint (what to do next) to an error built with `invalid!`, `forbidden!` or `conflict!`.
pub trait Hint {
    fn hint(self, hint: impl Into<String>) -> anyhow::Error;
}

impl Hint for anyhow::Error {
    fn hint(mut self, hint: impl Into<String>) -> anyhow::Error {
        if let Some(f) = self.downcast_mut::<Failure>() {
            f.hint = Some(hint.into());
        }
        self
    }
}
