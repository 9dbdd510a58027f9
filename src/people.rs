//! The office's people (`people.toml`): who they are, the roles they hold, their signing keys,
//! and the temporary stand-ins (Plt/Plh) who may act for a role for a while.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Deserialize;

use crate::config::{read_toml, short_toml_error, Config};
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
    /// Nomor Induk Pegawai, as printouts show it.
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

type Check = fn(&People, &Config, &mut Vec<String>);

/// Lints people.toml against sop.toml: every check runs; the messages come back sorted.
pub fn lint(people: &People, config: &Config) -> Vec<String> {
    const CHECKS: &[Check] = &[unique_ids, unique_emails, known_roles, standins];
    let mut findings = Vec::new();
    for check in CHECKS {
        check(people, config, &mut findings);
    }
    findings.sort();
    findings
}

fn unique_ids(people: &People, _: &Config, findings: &mut Vec<String>) {
    let mut seen = HashSet::new();
    for p in &people.people {
        if !seen.insert(p.id.as_str()) {
            findings.push(t!(PeopleIdTwice, id = p.id));
        }
    }
}

/// `People::find` matches emails case-insensitively, so `A@x.id` and `a@x.id` are one email.
fn unique_emails(people: &People, _: &Config, findings: &mut Vec<String>) {
    let mut owners: HashMap<String, &str> = HashMap::new();
    for p in &people.people {
        if let Some(first) = owners.insert(p.email.to_lowercase(), &p.id) {
            findings.push(t!(
                PeopleEmailTwice,
                email = p.email,
                first = first,
                id = p.id
            ));
        }
    }
}

fn known_roles(people: &People, config: &Config, findings: &mut Vec<String>) {
    for p in &people.people {
        for r in &p.roles {
            if !config.roles.contains_key(r) {
                findings.push(t!(PeopleUnknownRole, id = p.id, role = r));
            }
        }
    }
}

fn standins(people: &People, _: &Config, findings: &mut Vec<String>) {
    for s in &people.standins {
        if people.find(&s.person).is_none() {
            findings.push(t!(PeopleStandinUnknown, person = s.person));
        }
        if s.from > s.to {
            findings.push(t!(PeopleStandinDates, person = s.person, role = s.role));
        }
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

    fn config() -> Config {
        toml::from_str("[roles]\nkabid = \"Kepala Bidang\"\n").unwrap()
    }

    fn lint_of(text: &str) -> Vec<String> {
        lint(&People::parse(text).unwrap(), &config())
    }

    const TWO: &str = r#"
        [[people]]
        id = "a"
        name = "A"
        email = "a@x.id"
        roles = ["kabid"]
        [[people]]
        id = "b"
        name = "B"
        email = "b@x.id"
        "#;

    #[test]
    fn clean_people_have_no_findings() {
        assert_eq!(lint_of(TWO), Vec::<String>::new());
    }

    #[test]
    fn a_person_id_used_twice_is_a_finding() {
        let text = TWO.replace("id = \"b\"", "id = \"a\"");
        assert_eq!(lint_of(&text), vec!["person id 'a' appears twice"]);
    }

    #[test]
    fn an_email_used_twice_is_a_finding_whatever_its_case() {
        let text = TWO.replace("b@x.id", "A@X.id");
        assert_eq!(
            lint_of(&text),
            vec!["email 'A@X.id' belongs to both 'a' and 'b': sop tells who acts by email, so each person needs their own"]
        );
    }

    #[test]
    fn unknown_roles_and_bad_standins_are_findings() {
        let text = format!(
            "{TWO}\n[[people]]\nid = \"c\"\nname = \"C\"\nemail = \"c@x.id\"\nroles = [\"kadis\"]\n\
             [[standins]]\nperson = \"z\"\nrole = \"kabid\"\nfrom = 2026-02-01\nto = 2026-01-01\n"
        );
        assert_eq!(
            lint_of(&text),
            vec![
                "person 'c' has unknown role 'kadis' (declare it under [roles] in sop.toml)",
                "stand-in 'z' for 'kabid' ends before it starts",
                "stand-in 'z' is not a person in people.toml",
            ]
        );
    }
}
