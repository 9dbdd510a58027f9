//! The office's configuration (`sop.toml`): its name, time zone, policy, working calendar and
//! roles; and the reading every records file shares (`read_text`, `read_toml`,
//! `short_toml_error`).

use std::io::Read as _;
use std::path::Path;

use anyhow::{Context as _, Result};
use chrono::FixedOffset;
use indexmap::IndexMap;
use serde::Deserialize;

use crate::{invalid, limits};

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
    /// How large attached files may be.
    #[serde(default)]
    pub attachments: AttachmentLimits,
    /// How `sop report --monitoring` judges a procedure.
    #[serde(default)]
    pub monitoring: Monitoring,
    /// The language sop speaks in this office (`id` or `en`), as committed: before
    /// `$SOP_LANG` and the locale (src/i18n.rs).
    #[serde(default)]
    pub language: Option<crate::i18n::Lang>,
}

/// `[monitoring]`: the rule by which `sop report --monitoring` (Tabel 7) judges that a
/// procedure *berjalan dengan baik* (docs/monitoring.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(try_from = "MonitoringKeys")]
pub struct Monitoring {
    /// The least share, in percent (0–100), of the steps with a standard time finished in the
    /// period that were finished within it.
    pub within_standard: u8,
    /// No request may take longer than this many times its procedure's total standard time
    /// (1 to `limits::MONITORING_MAX_FACTOR`).
    pub max_factor: u32,
}

impl Default for Monitoring {
    fn default() -> Self {
        Monitoring {
            within_standard: 80,
            max_factor: 2,
        }
    }
}

/// `[monitoring]` as written, checked into `Monitoring`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MonitoringKeys {
    within_standard: Option<i64>,
    max_factor: Option<i64>,
}

impl TryFrom<MonitoringKeys> for Monitoring {
    type Error = String;

    fn try_from(keys: MonitoringKeys) -> Result<Monitoring, String> {
        let default = Monitoring::default();
        let within_standard = match keys.within_standard {
            None => default.within_standard,
            Some(p) => u8::try_from(p)
                .ok()
                .filter(|p| *p <= 100)
                .ok_or_else(|| t!(ConfigWithinStandard, value = p))?,
        };
        let most = crate::limits::MONITORING_MAX_FACTOR;
        let max_factor = match keys.max_factor {
            None => default.max_factor,
            Some(f) => u32::try_from(f)
                .ok()
                .filter(|f| (1..=most).contains(f))
                .ok_or_else(|| t!(ConfigMaxFactor, value = f, most = most))?,
        };
        Ok(Monitoring {
            within_standard,
            max_factor,
        })
    }
}

/// `[attachments]`: the most one attached file, and all the files of one request together,
/// may hold, in MiB.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachmentLimits {
    #[serde(default = "default_max_file_mb")]
    pub max_file_mb: u64,
    #[serde(default = "default_max_request_mb")]
    pub max_request_mb: u64,
}

impl Default for AttachmentLimits {
    fn default() -> Self {
        AttachmentLimits {
            max_file_mb: default_max_file_mb(),
            max_request_mb: default_max_request_mb(),
        }
    }
}

impl AttachmentLimits {
    pub fn max_file_bytes(&self) -> u64 {
        self.max_file_mb.saturating_mul(1024 * 1024)
    }

    pub fn max_request_bytes(&self) -> u64 {
        self.max_request_mb.saturating_mul(1024 * 1024)
    }
}

fn default_max_file_mb() -> u64 {
    crate::limits::ATTACHMENT_FILE_MB
}

fn default_max_request_mb() -> u64 {
    crate::limits::ATTACHMENT_REQUEST_MB
}

impl Default for Config {
    fn default() -> Self {
        Config {
            office: String::new(),
            timezone: default_timezone(),
            policy: Policy::default(),
            calendar: crate::calendar::Calendar::default(),
            roles: IndexMap::new(),
            attachments: AttachmentLimits::default(),
            monitoring: Monitoring::default(),
            language: None,
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

/// Parses sop.toml or people.toml of the records directory, naming it in errors (exit 3).
pub fn read_toml<T: serde::de::DeserializeOwned>(root: &Path, rel: &str) -> Result<T> {
    let text = read_text(root, rel, limits::RULES_FILE_BYTES)?;
    toml::from_str(&text).map_err(|e| invalid!("{rel}: {}", short_toml_error(&e)))
}

/// The text of a file of the records directory (`rel`, records-relative): an input error
/// (exit 3) naming it when it is over `max` bytes or not UTF-8. Reads at most `max + 1`
/// bytes, so a huge file costs no more than a file at the limit.
pub fn read_text(root: &Path, rel: &str, max: u64) -> Result<String> {
    let file = std::fs::File::open(root.join(rel)).with_context(|| t!(CtxReading, path = rel))?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .with_context(|| t!(CtxReading, path = rel))?;
    if bytes.len() as u64 > max {
        return Err(limits::file_too_big(rel, len.max(bytes.len() as u64), max));
    }
    limits::utf8(rel, bytes)
}

/// toml's message spans several lines with a source excerpt; keep the position (in the
/// language of the run: `sop procedure check` reads its finding's line from it, see
/// `toml_line`) and the reason.
pub fn short_toml_error(err: &toml::de::Error) -> String {
    let msg = err.to_string();
    let mut lines = msg.lines().map(str::trim).filter(|l| !l.is_empty());
    let head = lines.next().unwrap_or_default().to_string();
    let head = match head
        .strip_prefix("TOML parse error at line ")
        .and_then(|rest| rest.split_once(", column "))
    {
        Some((line, column)) => t!(TomlAt, line = line, column = column),
        None => head,
    };
    match lines.rfind(|l| !l.contains('|')) {
        Some(reason) if reason != head => format!("{head}: {reason}"),
        _ => head,
    }
}

/// The line of the TOML position in a message made by `short_toml_error` in this run.
pub fn toml_line(message: &str) -> Option<usize> {
    let words = t!(TomlAt, line = "\u{0}", column = "");
    let before = words.split('\u{0}').next().filter(|b| !b.is_empty())?;
    let rest = message.split(before).nth(1)?;
    rest.split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

impl Config {
    /// sop.toml of the work tree, with the holiday files it names.
    pub fn load(root: &Path) -> Result<Config> {
        let mut config: Config = read_toml(root, "sop.toml")?;
        config.offset()?;
        let files = config.calendar.holiday_files.clone();
        for rel in &files {
            let text = read_text(root, rel, limits::RULES_FILE_BYTES).map_err(|e| {
                invalid!(
                    "{}",
                    t!(ConfigHolidayFile, rel = rel, error = format!("{e:#}"))
                )
            })?;
            config.add_holidays(rel, &text)?;
        }
        Ok(config)
    }

    /// Adds the dates of holiday file `rel` (its text) to the calendar.
    pub fn add_holidays(&mut self, rel: &str, text: &str) -> Result<()> {
        let file: crate::calendar::HolidayFile =
            toml::from_str(text).map_err(|e| invalid!("{rel}: {}", short_toml_error(&e)))?;
        let days = &mut self.calendar.holidays;
        days.extend(file.holiday.iter().map(|h| h.date));
        days.sort_unstable();
        days.dedup();
        Ok(())
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
                    .map_err(|_| invalid!("{}", t!(ConfigTimezone, zone = other)));
            }
        };
        Ok(FixedOffset::east_opt(hours * 3600).expect("valid offset"))
    }

    pub fn role_label<'a>(&'a self, role: &'a str) -> &'a str {
        self.roles.get(role).map_or(role, String::as_str)
    }
}
