//! Signing commits the way `git commit -S` does, following git's configuration.

use anyhow::Result;
use git2::Repository;

use crate::invalid;

/// The signature for a commit buffer, when git's configuration asks for one.
pub fn sign(repo: &Repository, _buffer: &str) -> Result<Option<String>> {
    let wants = repo
        .config()
        .and_then(|c| c.get_bool("commit.gpgsign"))
        .unwrap_or(false);
    if wants {
        return Err(invalid!(
            "commit.gpgsign is set, but this sop cannot sign commits yet: unset it for this repository (git config commit.gpgsign false)"
        ));
    }
    Ok(None)
}
