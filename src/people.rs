//! The office's people (`people.toml`): who they are, the roles they hold, their signing keys,
//! and the temporary stand-ins (Plt/Plh) who may act for a role for a while.

use std::path::Path;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Deserialize;

use crate::config::{read_toml, short_toml_error};
use crate::dates;
use crate::invalid;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct People {
    #[serde(default)]
    pub people: Vec<Person>,
    /// Temporary stand-ins (Plt/Plh).
    #[serde(default)]
    pub standins: Vec<Standin>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub name: String,
    #[allow(dead_code)] // part of the file's schema; no command prints it yet
    pub nip: Option<String>,
    pub email: String,
    #[serde(default)]
    pub roles: Vec<String>,
    /// Public signing keys: SSH public keys (`ssh-ed25519 AAAA…`) or OpenPGP fingerprints.
    #[serde(default)]
    pub keys: Vec<String>,
}

/// Person `person` may act for `role` from `from` to `to` inclusive.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standin {
    pub person: String,
    pub role: String,
    #[serde(deserialize_with = "dates::date")]
    pub from: NaiveDate,
    #[serde(deserialize_with = "dates::date")]
    pub to: NaiveDate,
    #[serde(default)]
    #[allow(dead_code)] // part of the file's schema; no command prints it yet
    pub note: String,
}

/// How a person holds a role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holding {
    Own,
    /// As a stand-in (Plt/Plh) for the role.
    StandIn,
}

impl People {
    pub fn load(root: &Path) -> Result<People> {
        read_toml(root, "people.toml")
    }

    /// people.toml's text, as stored in a commit.
    pub fn parse(text: &str) -> Result<People> {
        toml::from_str(text).map_err(|e| invalid!("people.toml: {}", short_toml_error(&e)))
    }

    /// Finds a person by id or email (case-insensitive email).
    pub fn find(&self, who: &str) -> Option<&Person> {
        self.people
            .iter()
            .find(|p| p.id == who || p.email.eq_ignore_ascii_case(who))
    }

    /// Whether `person` holds `role` on `date`, and how.
    pub fn holds(&self, person: &str, role: &str, date: NaiveDate) -> Option<Holding> {
        let own = self
            .people
            .iter()
            .any(|p| p.id == person && p.roles.iter().any(|r| r == role));
        if own {
            return Some(Holding::Own);
        }
        self.standins
            .iter()
            .any(|s| s.person == person && s.role == role && s.from <= date && date <= s.to)
            .then_some(Holding::StandIn)
    }

    /// Everyone holding `role` on `date` (own or as stand-in).
    pub fn holders(&self, role: &str, date: NaiveDate) -> Vec<&Person> {
        self.people
            .iter()
            .filter(|p| self.holds(&p.id, role, date).is_some())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stand_ins_hold_a_role_only_in_their_window() {
        let people: People = toml::from_str(
            r#"
            [[people]]
            id = "a"
            name = "A"
            email = "a@x.id"
            roles = ["kabid"]
            [[people]]
            id = "b"
            name = "B"
            email = "B@x.id"
            [[standins]]
            person = "b"
            role = "kabid"
            from = 2026-01-01
            to = 2026-01-31
            "#,
        )
        .unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2026, 1, d).unwrap();
        assert_eq!(people.holds("a", "kabid", day(5)), Some(Holding::Own));
        assert_eq!(people.holds("b", "kabid", day(31)), Some(Holding::StandIn));
        assert_eq!(
            people.holds("b", "kabid", NaiveDate::from_ymd_opt(2026, 2, 1).unwrap()),
            None
        );
        assert_eq!(people.find("b@X.id").map(|p| p.id.as_str()), Some("b"));
        assert_eq!(people.holders("kabid", day(2)).len(), 2);
    }
}
