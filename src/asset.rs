//! The asset register's rules: the asset record, its statuses and which changes of status
//! are allowed, validation of rows (from CSV, JSON lines, flags or procedure effects), and
//! what a procedure step does to an asset. No I/O here.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// Asset ids start with this: `AST-7K3QX9M2PA`.
pub const PREFIX: &str = "AST";

/// Columns of a row, in the order `sop asset list --format csv` prints them. Free attributes
/// are columns named `attr.NAME`.
pub const COLUMNS: &[&str] = &[
    "id",
    "kind",
    "name",
    "status",
    "kode_barang",
    "nup",
    "serial",
    "licence",
    "location",
    "holder",
    "unit",
    "acquired",
    "value",
];

/// Prefix of a free-attribute column.
pub const ATTR: &str = "attr.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Hardware,
    Software,
    Data,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Hardware, Kind::Software, Kind::Data];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Hardware => "hardware",
            Kind::Software => "software",
            Kind::Data => "data",
        }
    }
}

impl FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Kind, String> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| t!(AssetKindValue, value = s))
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where an asset is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Planned and budgeted (Perencanaan), not yet acquired.
    Planned,
    /// Owned and available, not handed to anyone.
    InStock,
    /// Handed to a holder and in use (Penggunaan dan Pemanfaatan).
    InUse,
    /// Being repaired or maintained (Perbaikan dan Pemeliharaan).
    InRepair,
    /// Handed over to another party (Pemindahtanganan); final.
    Transferred,
    /// Written off (Penghapusan); final.
    Disposed,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Planned,
        Status::InStock,
        Status::InUse,
        Status::InRepair,
        Status::Transferred,
        Status::Disposed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::InStock => "in-stock",
            Status::InUse => "in-use",
            Status::InRepair => "in-repair",
            Status::Transferred => "transferred",
            Status::Disposed => "disposed",
        }
    }

    /// The statuses an asset may move to from this one (staying put is always allowed).
    pub fn next(self) -> &'static [Status] {
        use Status::*;
        match self {
            Planned => &[InStock, InUse, Disposed],
            InStock => &[InUse, InRepair, Transferred, Disposed],
            InUse => &[InStock, InRepair, Transferred, Disposed],
            InRepair => &[InUse, InStock, Disposed],
            Transferred | Disposed => &[],
        }
    }

    pub fn allows(self, to: Status) -> bool {
        self == to || self.next().contains(&to)
    }
}

impl FromStr for Status {
    type Err = String;
    fn from_str(s: &str) -> Result<Status, String> {
        Status::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                t!(
                    AssetStatusValue,
                    statuses = Status::ALL.map(Status::as_str).join(", "),
                    value = s
                )
            })
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One asset, as stored in `assets/<shard>/<ID>.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Asset {
    pub id: String,
    pub kind: Kind,
    pub name: String,
    pub status: Status,
    /// Kode barang (BMD goods code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kode_barang: Option<String>,
    /// NUP: the register number within a kode barang.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nup: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// A person id from people.toml.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acquired: Option<NaiveDate>,
    /// Acquisition value in whole rupiah.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<u64>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
    #[serde(default)]
    pub history: Vec<Event>,
}

/// One change to an asset: who, when, why (a command or a request), and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub at: DateTime<FixedOffset>,
    pub by: String,
    /// `add`, `import`, or the request action (`create`, `advance`, `approve`, …).
    pub action: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<String>,
    /// The status before, when this change moved it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Status>,
    /// The status after.
    pub status: Status,
    /// Columns this change set, with their new values.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub set: BTreeMap<String, String>,
}

/// Who and when, for the event a change records.
pub struct Stamp<'a> {
    pub at: DateTime<FixedOffset>,
    pub by: &'a str,
    pub action: &'a str,
    pub request: Option<&'a str>,
}

/// A validated row: columns with normalised values, empty cells left out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    pub cells: BTreeMap<String, String>,
}

/// Resolves a person (id or email) to their id.
pub type People<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Whether `column` is a column rows may have.
pub fn known_column(column: &str) -> bool {
    COLUMNS.contains(&column)
        || column
            .strip_prefix(ATTR)
            .is_some_and(|a| !a.is_empty() && a.chars().all(attr_char))
}

fn attr_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-'
}

pub fn unknown_column(column: &str) -> String {
    t!(
        AssetUnknownColumn,
        column = column,
        columns = COLUMNS.join(", ")
    )
}

/// Validates one row's cells; every problem is named. Empty cells mean "not given".
pub fn validate(cells: &[(String, String)], people: People) -> Result<Row, Vec<String>> {
    let mut row = Row::default();
    let mut problems = Vec::new();
    for (column, raw) in cells {
        let column = column.trim();
        let raw = raw.trim();
        if !known_column(column) {
            problems.push(unknown_column(column));
            continue;
        }
        if raw.is_empty() {
            continue;
        }
        match normalise(column, raw, people) {
            Ok(v) => {
                row.cells.insert(column.to_string(), v);
            }
            Err(e) => problems.push(e),
        }
    }
    if problems.is_empty() {
        Ok(row)
    } else {
        Err(problems)
    }
}

fn normalise(column: &str, raw: &str, people: People) -> Result<String, String> {
    match column {
        "kind" => raw.parse::<Kind>().map(|k| k.to_string()),
        "status" => raw.parse::<Status>().map(|s| s.to_string()),
        "acquired" => NaiveDate::parse_from_str(raw, "%Y-%m-%d")
            .map(|d| d.to_string())
            .map_err(|_| t!(AssetAcquiredValue, value = raw)),
        "value" => raw
            .parse::<u64>()
            .map(|v| v.to_string())
            .map_err(|_| t!(AssetValueValue, value = raw)),
        "holder" => people(raw).ok_or_else(|| t!(AssetHolderUnknown, value = raw)),
        "id" => Ok(raw.to_uppercase()),
        _ => Ok(raw.to_string()),
    }
}

impl Row {
    pub fn get(&self, column: &str) -> Option<&str> {
        self.cells.get(column).map(String::as_str)
    }
}

impl Asset {
    /// A new asset from a row, which must give kind and name.
    pub fn create(id: String, row: &Row, stamp: &Stamp) -> Result<Asset, String> {
        Asset::check_new(row)?;
        let status = match (row.get("status"), row.get("holder")) {
            (Some(s), _) => s.parse()?,
            (None, Some(_)) => Status::InUse,
            (None, None) => Status::InStock,
        };
        let mut asset = Asset {
            id,
            kind: Kind::Hardware,
            name: String::new(),
            status,
            kode_barang: None,
            nup: None,
            serial: None,
            licence: None,
            location: None,
            holder: None,
            unit: None,
            acquired: None,
            value: None,
            attributes: BTreeMap::new(),
            history: Vec::new(),
        };
        let mut set = BTreeMap::new();
        for (column, value) in &row.cells {
            if column != "id" {
                asset.set(column, value)?;
                set.insert(column.clone(), value.clone());
            }
        }
        set.insert("status".into(), status.to_string());
        asset.history.push(stamp.event(None, status, set));
        Ok(asset)
    }

    /// Whether a row gives what a new asset needs.
    pub fn check_new(row: &Row) -> Result<(), String> {
        let missing: Vec<&str> = ["kind", "name"]
            .into_iter()
            .filter(|c| row.get(c).is_none())
            .collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(t!(AssetNeeds, columns = missing.join(&t!(AssetAnd))))
        }
    }

    /// Applies a row to this asset, checking the status change; records an event and
    /// returns true when anything changed.
    pub fn update(&mut self, row: &Row, stamp: &Stamp) -> Result<bool, String> {
        let before = self.status;
        if let Some(s) = row.get("status") {
            let to: Status = s.parse()?;
            if !before.allows(to) {
                return Err(forbidden_change(&self.id, before, to));
            }
        }
        let mut set = BTreeMap::new();
        for (column, value) in &row.cells {
            if column == "id" || self.get(column).as_deref() == Some(value.as_str()) {
                continue;
            }
            self.set(column, value)?;
            set.insert(column.clone(), value.clone());
        }
        if set.is_empty() && stamp.request.is_none() {
            return Ok(false);
        }
        let from = (self.status != before).then_some(before);
        self.history.push(stamp.event(from, self.status, set));
        Ok(true)
    }

    /// Gives back the status the asset had before the stamp's request first changed it
    /// (a cancelled repair returns the asset to use). False when the request never did.
    pub fn restore(&mut self, stamp: &Stamp) -> Result<bool, String> {
        let before = self
            .history
            .iter()
            .find(|e| e.request.as_deref() == stamp.request && e.from.is_some())
            .and_then(|e| e.from);
        match before {
            Some(status) if status != self.status => {
                let row = Row {
                    cells: [("status".to_string(), status.to_string())].into(),
                };
                self.update(&row, stamp)
            }
            _ => Ok(false),
        }
    }

    /// A column's value as text, as in CSV output and `--key` lookups.
    pub fn get(&self, column: &str) -> Option<String> {
        let text = |o: &Option<String>| o.clone();
        match column {
            "id" => Some(self.id.clone()),
            "kind" => Some(self.kind.to_string()),
            "name" => Some(self.name.clone()),
            "status" => Some(self.status.to_string()),
            "kode_barang" => text(&self.kode_barang),
            "nup" => text(&self.nup),
            "serial" => text(&self.serial),
            "licence" => text(&self.licence),
            "location" => text(&self.location),
            "holder" => text(&self.holder),
            "unit" => text(&self.unit),
            "acquired" => self.acquired.map(|d| d.to_string()),
            "value" => self.value.map(|v| v.to_string()),
            other => other
                .strip_prefix(ATTR)
                .and_then(|a| self.attributes.get(a).cloned()),
        }
    }

    /// Sets a column from a validated value.
    fn set(&mut self, column: &str, value: &str) -> Result<(), String> {
        let v = Some(value.to_string());
        match column {
            "kind" => self.kind = value.parse()?,
            "name" => self.name = value.to_string(),
            "status" => self.status = value.parse()?,
            "kode_barang" => self.kode_barang = v,
            "nup" => self.nup = v,
            "serial" => self.serial = v,
            "licence" => self.licence = v,
            "location" => self.location = v,
            "holder" => self.holder = v,
            "unit" => self.unit = v,
            "acquired" => {
                self.acquired =
                    Some(NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|e| e.to_string())?)
            }
            "value" => self.value = Some(value.parse().map_err(|_| "value".to_string())?),
            other => match other.strip_prefix(ATTR) {
                Some(a) => {
                    self.attributes.insert(a.to_string(), value.to_string());
                }
                None => return Err(unknown_column(other)),
            },
        }
        Ok(())
    }

    /// Every column with a value, in COLUMNS order, then the attributes.
    pub fn row(&self) -> Vec<(String, String)> {
        COLUMNS
            .iter()
            .filter_map(|c| self.get(c).map(|v| (c.to_string(), v)))
            .chain(
                self.attributes
                    .iter()
                    .map(|(k, v)| (format!("{ATTR}{k}"), v.clone())),
            )
            .collect()
    }

    /// The canonical file form.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("an asset always serialises")
    }

    pub fn from_toml(text: &str) -> Result<Asset, toml::de::Error> {
        toml::from_str(text)
    }

    /// Ids of the requests that changed or used this asset, oldest first.
    pub fn requests(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for id in self.history.iter().filter_map(|e| e.request.as_deref()) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }
}

impl Stamp<'_> {
    fn event(&self, from: Option<Status>, status: Status, set: BTreeMap<String, String>) -> Event {
        Event {
            at: self.at,
            by: self.by.to_string(),
            action: self.action.to_string(),
            request: self.request.map(str::to_string),
            from,
            status,
            set,
        }
    }
}

fn forbidden_change(id: &str, from: Status, to: Status) -> String {
    let next = from.next();
    let allowed = if next.is_empty() {
        t!(AssetFinal, status = from)
    } else {
        t!(
            AssetMayBecome,
            status = from,
            next = next
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    t!(
        AssetCannotBecome,
        id = id,
        from = from,
        to = to,
        allowed = allowed
    )
}

/// Whether an asset's status lets a procedure start on it (`allowed` empty: any status that
/// is not final).
pub fn check_allowed(asset: &Asset, allowed: &[Status], procedure: &str) -> Result<(), String> {
    let ok = if allowed.is_empty() {
        !asset.status.next().is_empty()
    } else {
        allowed.contains(&asset.status)
    };
    if ok {
        return Ok(());
    }
    let wanted = if allowed.is_empty() {
        t!(AssetNotFinal)
    } else {
        t!(
            AssetThatIs,
            statuses = allowed
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(&t!(AssetOr))
        )
    };
    Err(t!(
        AssetProcedureNeeds,
        id = asset.id,
        status = asset.status,
        procedure = procedure,
        wanted = wanted
    ))
}

/// Fills `{name}` placeholders from `values`; None when a placeholder has no value (the
/// effect then leaves that column alone).
pub fn render(template: &str, values: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = rest[start..].find('}')? + start;
        out.push_str(&values(&rest[start + 1..end])?);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// The placeholders of a template, for lint.
pub fn placeholders(template: &str) -> Result<Vec<&str>, String> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let end = rest[start..]
            .find('}')
            .ok_or_else(|| t!(AssetOpenBrace, template = template))?
            + start;
        names.push(&rest[start + 1..end]);
        rest = &rest[end + 1..];
    }
    Ok(names)
}

/// The role that keeps the register: it (or the administrator role) adds and imports assets.
pub const REGISTRAR: &str = "pengelola-aset";

/// Whether `person` may add or import assets on `date`.
pub fn may_register(
    people: &crate::people::People,
    config: &crate::config::Config,
    person: &str,
    date: chrono::NaiveDate,
) -> bool {
    [REGISTRAR, config.policy.admin_role.as_str()]
        .iter()
        .any(|role| people.holds(person, role, date).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(who: &str) -> Option<String> {
        match who {
            "lina" | "lina@x.id" => Some("lina".into()),
            _ => None,
        }
    }

    fn cells(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn stamp() -> Stamp<'static> {
        Stamp {
            at: DateTime::parse_from_rfc3339("2026-11-23T09:00:00+07:00").unwrap(),
            by: "eko",
            action: "add",
            request: None,
        }
    }

    fn laptop() -> Asset {
        let row = validate(
            &cells(&[("kind", "Hardware"), ("name", "Laptop"), ("serial", "SN1")]),
            &people,
        )
        .unwrap();
        Asset::create("AST-1".into(), &row, &stamp()).unwrap()
    }

    #[test]
    fn statuses_change_only_as_allowed() {
        assert!(Status::InUse.allows(Status::InRepair));
        assert!(Status::InRepair.allows(Status::InUse));
        assert!(!Status::Disposed.allows(Status::InRepair));
        assert!(!Status::Transferred.allows(Status::InUse));
        assert!(!Status::Planned.allows(Status::InRepair));
        assert!(Status::Disposed.allows(Status::Disposed));
        assert_eq!("In-Use".parse::<Status>(), Ok(Status::InUse));
    }

    #[test]
    fn validates_every_cell() {
        let err = validate(
            &cells(&[
                ("kind", "car"),
                ("acquired", "2024-02-30"),
                ("value", "1.500.000"),
                ("holder", "nobody"),
                ("colour", "red"),
                ("attr.ram", "16GB"),
            ]),
            &people,
        )
        .unwrap_err();
        assert_eq!(err.len(), 5, "{err:?}");
        assert!(err[0].contains("kind must be"));
        assert!(err[4].contains("unknown column 'colour'"));
        let row = validate(&cells(&[("holder", "lina@x.id"), ("nup", " ")]), &people).unwrap();
        assert_eq!(row.get("holder"), Some("lina"));
        assert_eq!(row.get("nup"), None);
    }

    #[test]
    fn creates_with_defaults_and_history() {
        let a = laptop();
        assert_eq!(a.kind, Kind::Hardware);
        assert_eq!(a.status, Status::InStock);
        assert_eq!(a.history.len(), 1);
        assert_eq!(Asset::from_toml(&a.to_toml()).unwrap(), a);
        let row = validate(&cells(&[("name", "x")]), &people).unwrap();
        let err = Asset::create("AST-2".into(), &row, &stamp()).unwrap_err();
        assert!(err.contains("needs kind"), "{err}");
        let row = validate(
            &cells(&[("name", "x"), ("kind", "data"), ("holder", "lina")]),
            &people,
        )
        .unwrap();
        let b = Asset::create("AST-2".into(), &row, &stamp()).unwrap();
        assert_eq!(b.status, Status::InUse);
    }

    #[test]
    fn updates_report_change_and_refuse_bad_status() {
        let mut a = laptop();
        let same = validate(&cells(&[("serial", "SN1"), ("name", "Laptop")]), &people).unwrap();
        assert_eq!(a.update(&same, &stamp()), Ok(false));
        let moved = validate(
            &cells(&[("status", "disposed"), ("attr.ram", "8")]),
            &people,
        )
        .unwrap();
        assert_eq!(a.update(&moved, &stamp()), Ok(true));
        let last = a.history.last().unwrap();
        assert_eq!(last.from, Some(Status::InStock));
        assert_eq!(last.status, Status::Disposed);
        assert_eq!(a.get("attr.ram").as_deref(), Some("8"));
        let back = validate(&cells(&[("status", "in-repair")]), &people).unwrap();
        let err = a.update(&back, &stamp()).unwrap_err();
        assert_eq!(
            err,
            "asset AST-1 is disposed and cannot become in-repair: disposed is final"
        );
    }

    #[test]
    fn requires_an_allowed_status() {
        let mut a = laptop();
        assert!(check_allowed(&a, &[], "perbaikan-aset").is_ok());
        a.status = Status::Disposed;
        let err = check_allowed(&a, &[], "perbaikan-aset").unwrap_err();
        assert!(err.contains("is disposed"), "{err}");
        assert!(check_allowed(&a, &[Status::InUse], "x")
            .unwrap_err()
            .contains("needs an asset that is in-use"));
    }

    #[test]
    fn renders_templates() {
        let values = |k: &str| (k == "merek").then(|| "Asus".to_string());
        assert_eq!(
            render("{merek} laptop", &values).as_deref(),
            Some("Asus laptop")
        );
        assert_eq!(render("plain", &values).as_deref(), Some("plain"));
        assert_eq!(render("{nope}", &values), None);
        assert_eq!(placeholders("{a}-{b}"), Ok(vec!["a", "b"]));
        assert!(placeholders("{a").is_err());
    }

    #[test]
    fn cancelling_restores_the_status_before_the_request() {
        let mut a = laptop();
        let by_request = Stamp {
            request: Some("TT-1"),
            ..stamp()
        };
        let row = validate(&cells(&[("status", "in-repair")]), &people).unwrap();
        a.update(&row, &by_request).unwrap();
        assert_eq!(a.restore(&by_request), Ok(true));
        assert_eq!(a.status, Status::InStock);
        assert_eq!(a.restore(&stamp()), Ok(false));
    }
}
