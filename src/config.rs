//! The office's configuration (`sop.toml`) and its people (`people.toml`).

use std::path::Path;

use anyhow::{Context as _, Result};
use chrono::{FixedOffset, NaiveDate};
use indexmap::IndexMap;
use serde::Deserialize;

use crate::invalid;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub office: String,
    #[serde(default = "default_timezone")]
    pub timezone: String,
    #[serde(default)]
    pub policy: Policy,
    #[serde(default)]
    pub calendar: crate::calendar::Calendar,
    /// Role id → label.
    #[serde(default)]
    pub roles: IndexMap<String, String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            office: String::new(),
            timezone: default_timezone(),
            policy: Policy::default(),
            calendar: crate::calendar::Calendar::default(),
            roles: IndexMap::new(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    #[serde(default)]
    pub require_signatures: bool,
    #[serde(default)]
    pub allow_self_approval: bool,
    /// Steps of this role are done by the request's requester.
    #[serde(default = "default_requester_role")]
    pub requester_role: String,
    /// The role that may change people.toml, sop.toml and procedures, and cancel any request.
    #[serde(default = "default_admin_role")]
    pub admin_role: String,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            require_signatures: false,
            allow_self_approval: false,
            requester_role: default_requester_role(),
            admin_role: default_admin_role(),
        }
    }
}

fn default_timezone() -> String {
    "Asia/Jakarta".into()
}

fn default_requester_role() -> String {
    "pemohon".into()
}

fn default_admin_role() -> String {
    "admin".into()
}

/// Parses a TOML file of the records directory, naming it in errors (exit 3).
pub fn read_toml<T: serde::de::DeserializeOwned>(root: &Path, rel: &str) -> Result<T> {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {rel}"))?;
    toml::from_str(&text).map_err(|e| invalid!("{rel}: {}", short_toml_error(&e)))
}

/// toml's message spans several lines with a source excerpt; keep the position and the reason.
pub fn short_toml_error(err: &toml::de::Error) -> String {
    let msg = err.to_string();
    let mut lines = msg.lines().map(str::trim).filter(|l| !l.is_empty());
    let head = lines.next().unwrap_or_default().to_string();
    match lines.rfind(|l| !l.contains('|')) {
        Some(reason) if reason != head => format!("{head}: {reason}"),
        _ => head,
    }
}

impl Config {
    pub fn load(root: &Path) -> Result<Config> {
        let config: Config = read_toml(root, "sop.toml")?;
        config.offset()?;
        Ok(config)
    }

    /// sop.toml's text, as stored in a commit.
    pub fn parse(text: &str) -> Result<Config> {
        let config: Config =
            toml::from_str(text).map_err(|e| invalid!("sop.toml: {}", short_toml_error(&e)))?;
        config.offset()?;
        Ok(config)
    }

    /// The office's UTC offset. Indonesia keeps no daylight saving, so zones are fixed offsets.
    pub fn offset(&self) -> Result<FixedOffset> {
        let hours = match self.timezone.as_str() {
            "Asia/Jakarta" | "Asia/Pontianak" | "WIB" => 7,
            "Asia/Makassar" | "WITA" => 8,
            "Asia/Jayapura" | "WIT" => 9,
            "UTC" | "Etc/UTC" => 0,
            other => {
                return other
                    .parse::<FixedOffset>()
                    .map_err(|_| invalid!("sop.toml: unknown timezone '{other}': use Asia/Jakarta, Asia/Makassar, Asia/Jayapura, UTC or an offset like +07:00"));
            }
        };
        Ok(FixedOffset::east_opt(hours * 3600).expect("valid offset"))
    }

    pub fn role_label<'a>(&'a self, role: &'a str) -> &'a str {
        self.roles.get(role).map_or(role, String::as_str)
    }
}

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
    #[serde(deserialize_with = "date")]
    pub from: NaiveDate,
    #[serde(deserialize_with = "date")]
    pub to: NaiveDate,
    #[serde(default)]
    #[allow(dead_code)] // part of the file's schema; no command prints it yet
    pub note: String,
}

/// A date written as a TOML date (`2026-01-31`) or a string (`"2026-01-31"`).
pub fn date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Written {
        Toml(toml::value::Datetime),
        Text(String),
    }
    let text = match Written::deserialize(d)? {
        Written::Toml(dt) => dt.to_string(),
        Written::Text(s) => s,
    };
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
        serde::de::Error::custom(format!("invalid date {text:?}: write it as 2026-01-31"))
    })
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
