//! The rows (columns without history) of every asset in HEAD, for `--key` lookups. Parsing
//! 100,000 asset files takes seconds, so rows are cached by blob id in the git folder
//! (`.git/sop-asset-rows`, never committed): only files whose content is new to this clone
//! are parsed. A missing or damaged cache is rebuilt.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

use anyhow::Result;
use git2::{ObjectType, Oid};
use rayon::prelude::*;

use crate::asset::Asset;
use crate::git::{write_atomic, Git};
use crate::invalid;

const CACHE: &str = "sop-asset-rows";

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
        self.0
            .split('\t')
            .find_map(|f| f.strip_prefix(column)?.strip_prefix('='))
            .map(unescape)
    }
}

fn escape(v: &str) -> Cow<'_, str> {
    if !v.contains(['\\', '\t', '\n', '\r']) {
        return Cow::Borrowed(v);
    }
    Cow::Owned(
        v.replace('\\', "\\\\")
            .replace('\t', "\\t")
            .replace('\n', "\\n")
            .replace('\r', "\\r"),
    )
}

fn unescape(v: &str) -> Cow<'_, str> {
    if !v.contains('\\') {
        return Cow::Borrowed(v);
    }
    let mut out = String::with_capacity(v.len());
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some(other) => out.push(other),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    Cow::Owned(out)
}

pub struct Rows {
    by_blob: HashMap<Oid, Row>,
    changed: bool,
}

impl Rows {
    /// The rows of every asset in HEAD, and the files that could not be read; updates the
    /// cache when it lacked some.
    pub fn head(git: &Git) -> Result<(Rows, Vec<anyhow::Error>)> {
        let files = git.head_files(Path::new("assets"))?;
        let mut rows = Rows::load(git);
        let missing: Vec<(String, Vec<u8>)> = files
            .iter()
            .filter(|(_, id)| !rows.by_blob.contains_key(id))
            .map(|(path, id)| Ok((path.clone(), git.read_blob(*id)?)))
            .collect::<Result<_>>()?;
        let parsed: Vec<Result<(Oid, Row)>> = missing
            .par_iter()
            .map(|(path, bytes)| {
                let text = std::str::from_utf8(bytes)
                    .map_err(|_| invalid!("assets/{path} is not UTF-8"))?;
                let asset = Asset::from_toml(text).map_err(|e| {
                    invalid!("assets/{path}: {}", crate::config::short_toml_error(&e))
                })?;
                let id = Oid::hash_object(ObjectType::Blob, bytes)?;
                Ok((id, Row::new(&asset.row())))
            })
            .collect();
        let mut errors = Vec::new();
        for p in parsed {
            match p {
                Ok((id, row)) => {
                    rows.by_blob.insert(id, row);
                    rows.changed = true;
                }
                Err(e) => errors.push(e),
            }
        }
        if rows.by_blob.len() != files.len() {
            let keep: std::collections::HashSet<&Oid> = files.iter().map(|(_, id)| id).collect();
            rows.by_blob.retain(|id, _| keep.contains(id));
            rows.changed = true;
        }
        rows.save(git);
        Ok((rows, errors))
    }

    pub fn all(&self) -> impl Iterator<Item = &Row> {
        self.by_blob.values()
    }

    /// Value → ids of the assets whose `column` holds one of the `wanted` values.
    pub fn find(
        &self,
        column: &str,
        wanted: &std::collections::HashSet<&str>,
    ) -> HashMap<String, Vec<String>> {
        let mut found: HashMap<String, Vec<String>> = HashMap::new();
        for row in self.by_blob.values() {
            let Some(value) = row.get(column).filter(|v| wanted.contains(v.as_ref())) else {
                continue;
            };
            if let Some(id) = row.get("id") {
                found
                    .entry(value.into_owned())
                    .or_default()
                    .push(id.into_owned());
            }
        }
        for ids in found.values_mut() {
            ids.sort();
        }
        found
    }

    fn load(git: &Git) -> Rows {
        let text = std::fs::read_to_string(git.private_file(CACHE)).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let by_blob = lines
            .par_iter()
            .map(|line| {
                let (id, row) = line.split_once('\t')?;
                Some((Oid::from_str(id).ok()?, Row(row.to_string())))
            })
            .collect::<Option<HashMap<Oid, Row>>>();
        Rows {
            // A damaged cache is rebuilt from the files.
            changed: by_blob.is_none(),
            by_blob: by_blob.unwrap_or_default(),
        }
    }

    /// Writes the cache when it changed; a failure only costs speed next time.
    fn save(&self, git: &Git) {
        if !self.changed {
            return;
        }
        let mut text = String::with_capacity(self.by_blob.len() * 200);
        for (id, row) in &self.by_blob {
            text += &line(*id, row);
        }
        let _ = write_atomic(&git.private_file(CACHE), text.as_bytes());
    }
}

/// Adds the rows of assets just committed to the cache, so the next lookup need not parse
/// them. Rows of content no longer in HEAD are dropped at the next lookup.
pub fn remember(git: &Git, assets: &[Asset]) {
    use std::io::Write;
    let path = git.private_file(CACHE);
    let mut text = String::new();
    for a in assets {
        let id = Oid::hash_object(ObjectType::Blob, a.to_toml().as_bytes());
        if let Ok(id) = id {
            text += &line(id, &Row::new(&a.row()));
        }
    }
    let appended = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&path)
        .and_then(|mut f| f.write_all(text.as_bytes()));
    if appended.is_err() {
        let _ = std::fs::remove_file(&path);
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

fn line(id: Oid, row: &Row) -> String {
    format!("{id}\t{}\n", row.0)
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
