//! What identifies an asset in an import: `--key serial,licence,kode_barang+nup` names
//! columns in order of preference, `+` joining columns that identify together. A row is
//! matched by the first of them it has a value for (all columns of a `+` group); without
//! `--key`, the same list of identities finds rows that would register an asset twice.

use std::fmt;

use crate::asset;

/// One identity of a row: which of the key's alternatives, and its values in that
/// alternative's columns.
pub type Identity = (usize, Vec<String>);

/// The alternatives of a key, each one or more columns, in order of preference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    alternatives: Vec<Vec<String>>,
}

impl Key {
    /// `serial,licence,kode_barang+nup`; every column must be one rows may have.
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut alternatives = Vec::new();
        for alternative in text.split(',') {
            let columns: Vec<String> = alternative
                .split('+')
                .map(|c| c.trim().to_string())
                .collect();
            if let Some(bad) = columns.iter().find(|c| !asset::known_column(c)) {
                return Err(format!(
                    "no such column '{bad}'; use one of {} or attr.NAME, several separated by commas in order of preference, columns that match together joined by + (serial,licence,kode_barang+nup)",
                    asset::COLUMNS.join(", ")
                ));
            }
            alternatives.push(columns);
        }
        Ok(Key { alternatives })
    }

    /// What tells one asset from another when no `--key` is given: serial, licence, kode
    /// barang with NUP.
    pub fn identities() -> Key {
        Key::parse(IDENTITIES).expect("the identities are known columns")
    }

    /// Whether `column` is one of the key's.
    pub fn has(&self, column: &str) -> bool {
        self.alternatives.iter().flatten().any(|c| c == column)
    }

    /// The first alternative `get` has every column of.
    pub fn first(&self, get: impl Fn(&str) -> Option<String>) -> Option<Identity> {
        (0..self.alternatives.len()).find_map(|i| self.values(i, &get).map(|v| (i, v)))
    }

    /// Every alternative `get` has every column of.
    pub fn all(&self, get: impl Fn(&str) -> Option<String>) -> Vec<Identity> {
        (0..self.alternatives.len())
            .filter_map(|i| self.values(i, &get).map(|v| (i, v)))
            .collect()
    }

    fn values(&self, i: usize, get: &impl Fn(&str) -> Option<String>) -> Option<Vec<String>> {
        self.alternatives[i].iter().map(|c| get(c)).collect()
    }

    /// `serial 'SN-1'`, `kode_barang+nup '1.3.2+0001'`.
    pub fn describe(&self, (i, values): &Identity) -> String {
        format!("{} '{}'", self.alternatives[*i].join("+"), values.join("+"))
    }

    /// Whether the alternative of `identity` is the asset id alone.
    pub fn is_id(&self, (i, _): &Identity) -> bool {
        self.alternatives[*i] == ["id"]
    }
}

/// The identities an import checks without `--key`, as `--key` would be written.
pub const IDENTITIES: &str = "serial,licence,kode_barang+nup";

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let alternatives: Vec<String> = self.alternatives.iter().map(|a| a.join("+")).collect();
        f.write_str(&alternatives.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row<'a>(cells: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |c| {
            cells
                .iter()
                .find(|(k, _)| *k == c)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn a_row_is_matched_by_the_first_alternative_it_has() {
        let key = Key::parse("serial, licence,kode_barang+nup").unwrap();
        let software = [("licence", "LIC-1"), ("name", "Office")];
        assert_eq!(key.first(row(&software)), Some((1, vec!["LIC-1".into()])));
        let bmd = [("kode_barang", "1.3"), ("nup", "0001"), ("licence", "L")];
        assert_eq!(key.first(row(&bmd)), Some((1, vec!["L".into()])));
        assert_eq!(key.all(row(&bmd)).len(), 2);
        assert_eq!(
            key.describe(&key.all(row(&bmd))[1]),
            "kode_barang+nup '1.3+0001'"
        );
        assert_eq!(key.first(row(&[("nup", "0001")])), None);
        assert_eq!(key.to_string(), "serial, licence, kode_barang+nup");
        assert!(key.has("nup") && !key.has("id"));
    }

    #[test]
    fn unknown_columns_are_refused() {
        assert!(Key::parse("serial,colour")
            .unwrap_err()
            .contains("'colour'"));
        assert!(Key::parse("serial,").is_err());
        assert!(Key::parse("id").unwrap().is_id(&(0, vec![])));
    }
}
