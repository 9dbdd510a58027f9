//! Form fields: declared in procedures, given as `--field K=V`, validated by type.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub name: String,
    #[serde(default)]
    pub label: String,
    #[serde(rename = "type", default)]
    pub kind: FieldType,
    #[serde(default)]
    pub required: bool,
    pub pattern: Option<String>,
    #[serde(default)]
    pub choices: Vec<String>,
    /// A `file` field: the types the file may be (`pdf`, `jpg`, `png`, … or media types);
    /// empty: any the procedure allows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub types: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldType {
    #[default]
    Text,
    Number,
    Integer,
    Date,
    Email,
    Choice,
    Bool,
    Person,
    /// A value handed to the requester outside sop (a new password): checked, never stored.
    Secret,
    /// A file attached to the request (`--attach NAME=PATH`); the value is the file's name.
    File,
}

/// A field's value as stored in the request file and printed in JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Bool(bool),
    Integer(i64),
    Number(f64),
    Text(String),
}

/// A value is whatever scalar the file holds. Read by the kind the parser found, not as an
/// untagged enum: that tries each kind in turn and writes an error for each miss, which was a
/// tenth of reading a request's text.
impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        struct Scalar;
        impl serde::de::Visitor<'_> for Scalar {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text, a number or true/false")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
                Ok(Value::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
                Ok(Value::Integer(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
                Ok(i64::try_from(v).map_or(Value::Number(v as f64), Value::Integer))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
                Ok(Value::Number(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Value, E> {
                Ok(Value::Text(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<Value, E> {
                Ok(Value::Text(v))
            }
        }
        d.deserialize_any(Scalar)
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Bool(b) => write!(f, "{b}"),
            Value::Integer(i) => write!(f, "{i}"),
            Value::Number(n) => write!(f, "{n}"),
            Value::Text(s) => f.write_str(s),
        }
    }
}

pub type Fields = BTreeMap<String, Value>;

/// Whether `text` matches `pattern`, each pattern compiled once a thread: `sop verify` replays
/// the few procedures' fields of 100,000s of changes (compiling them anew each time was 4 % of
/// its time). At most `KEPT` patterns are kept.
fn matches(pattern: &str, text: &str) -> Result<bool, regex::Error> {
    const KEPT: usize = 64;
    thread_local! {
        static COMPILED: RefCell<HashMap<String, regex::Regex>> = RefCell::default();
    }
    COMPILED.with_borrow_mut(|compiled| {
        if let Some(re) = compiled.get(pattern) {
            return Ok(re.is_match(text));
        }
        let re = regex::Regex::new(pattern)?;
        if compiled.len() >= KEPT {
            compiled.clear();
        }
        let matched = re.is_match(text);
        compiled.insert(pattern.to_string(), re);
        Ok(matched)
    })
}

impl Field {
    /// Parses and validates a value given on the command line. `is_person` answers
    /// whether a text names a person in people.toml.
    pub fn parse(&self, raw: &str, is_person: &dyn Fn(&str) -> bool) -> Result<Value, String> {
        let raw = raw.trim();
        let name = &self.name;
        if raw.is_empty() {
            return Err(t!(FieldEmpty, name = name));
        }
        let value = match self.kind {
            FieldType::Text | FieldType::Secret => Value::Text(raw.to_string()),
            FieldType::Number => raw
                .replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .map(Value::Number)
                .ok_or_else(|| t!(FieldNumber, name = name, raw = raw))?,
            FieldType::Integer => raw
                .parse::<i64>()
                .map(Value::Integer)
                .map_err(|_| t!(FieldInteger, name = name, raw = raw))?,
            FieldType::Date => chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d")
                .map(|d| Value::Text(d.to_string()))
                .map_err(|_| t!(FieldDate, name = name, raw = raw))?,
            FieldType::Email => {
                let ok = raw.split_once('@').is_some_and(|(user, host)| {
                    !user.is_empty() && host.contains('.') && !raw.contains(char::is_whitespace)
                });
                if !ok {
                    return Err(t!(FieldEmail, name = name, raw = raw));
                }
                Value::Text(raw.to_string())
            }
            FieldType::Choice => {
                if !self.choices.iter().any(|c| c == raw) {
                    let choices = self.choices.join(", ");
                    return Err(t!(FieldChoice, name = name, choices = choices, raw = raw));
                }
                Value::Text(raw.to_string())
            }
            FieldType::Bool => match raw.to_lowercase().as_str() {
                "true" | "yes" | "ya" | "1" => Value::Bool(true),
                "false" | "no" | "tidak" | "0" => Value::Bool(false),
                _ => return Err(t!(FieldBool, name = name, raw = raw)),
            },
            FieldType::File => return Err(t!(FieldFile, name = name)),
            FieldType::Person => {
                if !is_person(raw) {
                    return Err(t!(FieldPerson, name = name, raw = raw));
                }
                Value::Text(raw.to_string())
            }
        };
        if let (Some(pattern), Value::Text(text)) = (&self.pattern, &value) {
            let matched =
                matches(pattern, text).map_err(|e| t!(FieldBadPattern, name = name, error = e))?;
            if !matched {
                return Err(t!(FieldPattern, name = name, pattern = pattern, raw = raw));
            }
        }
        Ok(value)
    }

    /// Problems in the declaration itself.
    pub fn lint(&self) -> Result<(), String> {
        let name = &self.name;
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
        {
            return Err(t!(FieldName, name = name));
        }
        if self.kind == FieldType::Choice && self.choices.is_empty() {
            return Err(t!(FieldNoChoices, name = name));
        }
        if let Some(p) = &self.pattern {
            regex::Regex::new(p).map_err(|e| t!(FieldLintPattern, name = name, error = e))?;
        }
        if !self.types.is_empty() && self.kind != FieldType::File {
            return Err(t!(FieldTypesNotFile, name = name));
        }
        for t in &self.types {
            if crate::attachment::media_type_of(t).is_none() {
                return Err(t!(
                    FieldUnknownType,
                    name = name,
                    file_type = t,
                    known = crate::attachment::known_short_names().join(", ")
                ));
            }
        }
        Ok(())
    }
}

/// Splits `K=V` arguments.
pub fn split_assignments(args: &[String]) -> Result<Vec<(String, String)>, String> {
    args.iter()
        .map(|a| {
            a.split_once('=')
                .map(|(k, v)| (k.trim().to_string(), v.to_string()))
                .filter(|(k, _)| !k.is_empty())
                .ok_or_else(|| t!(FieldKeyValue, arg = a))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_read_as_the_kind_the_file_holds() {
        let fields: Fields =
            toml::from_str("b = true\ni = -3\nn = 2.5\nt = \"07\"\nd = \"2026-01-31\"").unwrap();
        let want = [
            ("b", Value::Bool(true)),
            ("d", Value::Text("2026-01-31".into())),
            ("i", Value::Integer(-3)),
            ("n", Value::Number(2.5)),
            ("t", Value::Text("07".into())),
        ];
        assert_eq!(
            fields.into_iter().collect::<Vec<_>>(),
            want.map(|(k, v)| (k.to_string(), v))
        );
        let big: Value = serde_json::from_str("18446744073709551615").unwrap();
        assert_eq!(big, Value::Number(u64::MAX as f64));
        for not_scalar in ["v = [1]", "v = { a = 1 }", "v = 2026-01-31"] {
            let e = toml::from_str::<Fields>(not_scalar).unwrap_err();
            assert!(
                e.to_string().contains("a text, a number or true/false"),
                "{e}"
            );
        }
    }

    fn field(kind: FieldType) -> Field {
        Field {
            name: "f".into(),
            label: String::new(),
            kind,
            required: true,
            pattern: None,
            choices: vec!["a".into(), "b".into()],
            types: vec![],
        }
    }

    const NOBODY: &dyn Fn(&str) -> bool = &|_| false;

    #[test]
    fn validates_by_type() {
        assert_eq!(
            field(FieldType::Integer).parse("12", NOBODY),
            Ok(Value::Integer(12))
        );
        assert!(field(FieldType::Integer).parse("1.5", NOBODY).is_err());
        assert_eq!(
            field(FieldType::Number).parse("1,5", NOBODY),
            Ok(Value::Number(1.5))
        );
        assert!(field(FieldType::Date).parse("2026-02-30", NOBODY).is_err());
        assert!(field(FieldType::Date).parse("2026-02-03", NOBODY).is_ok());
        assert!(field(FieldType::Email).parse("a@b.id", NOBODY).is_ok());
        assert!(field(FieldType::Email).parse("ab.id", NOBODY).is_err());
        assert!(field(FieldType::Choice)
            .parse("c", NOBODY)
            .unwrap_err()
            .contains("one of a, b"));
        assert_eq!(
            field(FieldType::Bool).parse("ya", NOBODY),
            Ok(Value::Bool(true))
        );
        assert!(field(FieldType::Person).parse("x", NOBODY).is_err());
        assert!(field(FieldType::Person).parse("x", &|p| p == "x").is_ok());
        assert!(field(FieldType::Text).parse("  ", NOBODY).is_err());
    }

    #[test]
    fn validates_pattern() {
        let mut f = field(FieldType::Text);
        f.pattern = Some("^[0-9A-F:]{17}$".into());
        assert!(f.parse("AA:BB:CC:DD:EE:FF", NOBODY).is_ok());
        assert!(f
            .parse("nope", NOBODY)
            .unwrap_err()
            .contains("does not match"));
    }
}
