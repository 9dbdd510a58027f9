//! The rows (columns without history) of every asset in HEAD, for `--key` lookups and
//! `asset list`. Parsing 100,000 asset files takes seconds, so rows are kept in the git
//! folder's tree-stamped cache (`.git/sop-cache-assets.tsv`, see `tree_cache`): only files
//! that changed since the last reading are parsed.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use anyhow::Result;

use crate::asset_key::{Identity, Key};
use crate::git::Git;
use crate::invalid;
use crate::tree_cache::{escape, unescape, Cached, TreeCache};

const CACHE: &str = "sop-cache-assets.tsv";

/// One asset's columns (as `Asset::row` gives them), kept in their cache form: `col=value`
/// fields separated by tabs, values with `\\`, tab and line breaks escaped. Reading the cache
/// is then one allocation a row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row(String);

impl Row {
    pub fn new(columns: &[(String, String)]) -> Row {
        let fields: Vec<String> = columns
            .iter()
            .map(|(c, v)| format!("{c}={}", escape(v)))
            .collect();
        Row(fields.join("\t"))
    }

    /// Every column with its value, in order.
    pub fn columns(&self) -> impl Iterator<Item = (&str, Cow<'_, str>)> {
        self.0
            .split('\t')
            .filter_map(|f| f.split_once('='))
            .map(|(c, v)| (c, unescape(v)))
    }

    pub fn get(&self, column: &str) -> Option<Cow<'_, str>> {
        column_of(&self.0, column)
    }
}

/// The value of `column` in a row as the cache keeps it (`Row`).
pub fn column_of<'a>(row: &'a str, column: &str) -> Option<Cow<'a, str>> {
    row.split('\t')
        .find_map(|f| f.strip_prefix(column)?.strip_prefix('='))
        .map(unescape)
}

pub struct Rows(TreeCache<Row>);

fn parse(path: &str, bytes: &[u8]) -> Result<Row> {
    let text =
        std::str::from_utf8(bytes).map_err(|_| invalid!("{}", t!(RecordNotUtf8, path = path)))?;
    let asset = crate::store::parse_asset(std::path::Path::new(path), text)?;
    Ok(Row::new(&asset.row()))
}

impl Cached for Row {
    fn encode(&self) -> String {
        self.0.clone()
    }

    fn decode(line: crate::tree_cache::Shared) -> Option<Row> {
        let text: &str = &line;
        Some(Row(text.to_string()))
    }
}

impl Rows {
    /// The rows of every asset in HEAD, and the files that could not be read; updates the
    /// cache when it lacked some.
    pub fn head(git: &Git) -> Result<(Rows, Vec<anyhow::Error>)> {
        let (cache, errors) = TreeCache::head(git, "assets", CACHE, parse)?;
        Ok((Rows(cache), errors))
    }

    /// The text of the cache, up to date with HEAD, for reading a few columns of every row
    /// (`tree_cache::values_in`, `column_of`) without copying each; an error when that takes
    /// reading more than `limits::COMPLETION_READS` asset files (`TreeCache::head_text`).
    pub fn head_text(git: &Git) -> Result<Vec<u8>> {
        let most = crate::limits::COMPLETION_READS;
        TreeCache::<Row>::head_text(git, "assets", CACHE, parse, most)
    }

    pub fn all(&self) -> impl Iterator<Item = &Row> {
        self.0.values()
    }

    /// Each of the `wanted` identities that registered assets have under `key` (every
    /// alternative they hold, not only their first), with their ids: one pass over the
    /// register, one hash lookup a row and alternative.
    pub fn find(&self, key: &Key, wanted: &HashSet<Identity>) -> HashMap<Identity, Vec<String>> {
        let mut found: HashMap<Identity, Vec<String>> = HashMap::new();
        if wanted.is_empty() {
            return found;
        }
        for row in self.0.values() {
            for identity in key.all(|c| row.get(c).map(Cow::into_owned)) {
                if !wanted.contains(&identity) {
                    continue;
                }
                if let Some(id) = row.get("id") {
                    found.entry(identity).or_default().push(id.into_owned());
                }
            }
        }
        for ids in found.values_mut() {
            ids.sort();
        }
        found
    }
}

/// A row as JSON, shaped as the asset file is (without its history).
pub fn json(row: &Row) -> serde_json::Value {
    use serde_json::{Map, Value};
    let mut object = Map::new();
    let mut attributes = Map::new();
    for (column, value) in row.columns() {
        let text = Value::String(value.to_string());
        match column.strip_prefix(crate::asset::ATTR) {
            Some(name) => {
                attributes.insert(name.to_string(), text);
            }
            None if column == "value" => {
                let n = value.parse::<u64>().map(Value::from);
                object.insert(column.to_string(), n.unwrap_or(text));
            }
            None => {
                object.insert(column.to_string(), text);
            }
        }
    }
    if !attributes.is_empty() {
        object.insert("attributes".into(), Value::Object(attributes));
    }
    Value::Object(object)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_keep_any_text() {
        let columns = vec![
            ("id".to_string(), "AST-1".to_string()),
            ("name".to_string(), "a\tb\\n\nc=d".to_string()),
            ("attr.ram".to_string(), String::new()),
        ];
        let row = Row::new(&columns);
        assert!(!row.0.contains('\n'));
        assert_eq!(row.get("name").as_deref(), Some("a\tb\\n\nc=d"));
        assert_eq!(row.get("id").as_deref(), Some("AST-1"));
        assert_eq!(row.get("serial"), None);
        let back: Vec<(String, String)> = row
            .columns()
            .map(|(c, v)| (c.to_string(), v.to_string()))
            .collect();
        assert_eq!(back, columns);
        assert_eq!(json(&row)["attributes"]["ram"], "");
    }
}
