//! Standard times (*mutu baku waktu*): how long a step of an SOP may take.
//!
//! The grammar is what the SOP documents write in a step's `time`: a whole number and a unit,
//! in English or Indonesian, any case, with or without a space:
//!
//! | written                          | means              |
//! |----------------------------------|--------------------|
//! | `5m`, `5 min`, `5 menit`         | 5 working minutes  |
//! | `2h`, `2j`, `2 jam`, `2 hours`   | 2 working hours    |
//! | `1d`, `1 hari`, `1 day`          | 1 working day      |
//!
//! Days are kept apart from minutes because a working day is not a fixed number of minutes:
//! `calendar::Calendar::due` turns a `StdTime` into a due moment using the office's working
//! days, hours and holidays. Everything here is pure: parsing, adding, and the two written
//! forms (ISO 8601 for JSON, the documents' own words for people).
//!
//! To grow the grammar (weeks, "3 x 24 jam", calendar rather than working time), change
//! [`StdTime::parse`], the message in [`optional`], and the tests below.

use std::fmt;

use serde::{Deserialize, Deserializer};

/// A standard time: working days and working minutes, which the office calendar counts
/// (`Calendar::due`), and calendar minutes, which run day and night.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StdTime {
    /// Working days (`hari`, `hari kerja`).
    pub days: u32,
    /// Working minutes (`menit` on its own).
    pub minutes: u32,
    /// Calendar minutes (`jam`, `x 24 jam`, `minggu`, and `menit` written with hours).
    pub calendar: u32,
}

/// What a `time` says: a standard time, or none — the document gives none ("N/A", "-",
/// "tergantung situasi") and the text is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    Time(StdTime),
    NoTime(String),
}

impl StdTime {
    pub fn working(days: u32, minutes: u32) -> StdTime {
        StdTime {
            days,
            minutes,
            calendar: 0,
        }
    }

    /// Parses a standard time as offices write it (the grammar in the module docs and
    /// docs/procedures.md); `None` for text it cannot read.
    pub fn parse(text: &str) -> Option<StdTime> {
        match Written::parse(text)? {
            Written::Time(t) => Some(t),
            Written::NoTime(_) => None,
        }
    }

    /// ISO 8601 duration: working days as `D`, minutes of either kind as `H` and `M`
    /// (`PT5M`, `P1D`, `P1DT40M`, `PT72H`).
    pub fn iso(self) -> String {
        let minutes = self.minutes.saturating_add(self.calendar);
        let mut s = String::from("P");
        if self.days > 0 {
            s += &format!("{}D", self.days);
        }
        if minutes > 0 || self.days == 0 {
            s.push('T');
            let (h, m) = (minutes / 60, minutes % 60);
            if h > 0 {
                s += &format!("{h}H");
            }
            if m > 0 || h == 0 {
                s += &format!("{m}M");
            }
        }
        s
    }

    /// Whether the time counts only working time (no calendar part).
    pub fn is_working(self) -> bool {
        self.calendar == 0
    }
}

impl Written {
    /// Parses the text of a `time` key. Returns `None` for text it cannot read.
    pub fn parse(text: &str) -> Option<Written> {
        let lower = text.trim().to_lowercase();
        if is_no_time(&lower) {
            return Some(Written::NoTime(text.trim().to_string()));
        }
        let mut rest = lower.as_str();
        for bound in BOUNDS {
            if let Some(r) = rest.strip_prefix(bound) {
                rest = r.trim_start_matches([' ', '.']);
                break;
            }
        }
        let rest = upper_of_range(rest);
        sum(&rest).map(Written::Time)
    }
}

/// Words before an upper bound, which is then the standard: "maksimal 2 hari".
const BOUNDS: &[&str] = &[
    "paling lama",
    "selambat-lambatnya",
    "maksimal",
    "maksimum",
    "maks",
    "max",
    "at most",
    "<=",
    "≤",
];

/// "N/A", "-", "tergantung …", "sesuai …", "menyesuaikan …": the document gives no time.
fn is_no_time(lower: &str) -> bool {
    matches!(lower, "n/a" | "na" | "-" | "–" | "—" | "")
        || ["tergantung", "sesuai", "menyesuaikan", "depends"]
            .iter()
            .any(|w| lower.starts_with(w))
}

/// "1-2 hari", "1 s.d. 2 hari", "1 sampai 2 hari": the upper end (`2 hari`).
fn upper_of_range(text: &str) -> String {
    for sep in [
        " s.d. ", " s/d ", " sampai ", " hingga ", " - ", " – ", "-", "–",
    ] {
        if let Some((low, high)) = text.split_once(sep) {
            let low = low.trim();
            if !low.is_empty() && low.chars().all(|c| c.is_ascii_digit()) {
                return high.trim().to_string();
            }
        }
    }
    text.to_string()
}

/// One or more `N unit` parts: "1 jam 30 menit", "3 x 24 jam", "1 minggu", "2 hari kerja".
fn sum(text: &str) -> Option<StdTime> {
    let text = text.replace(" dan ", " ");
    let mut words = text.split_whitespace().peekable();
    let (mut days, mut minutes, mut calendar, mut hours_written) = (0u32, 0u32, 0u32, false);
    let mut any = false;
    while let Some(word) = words.next() {
        // "5m", "2jam": the number and the unit in one word.
        let split = word
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(word.len());
        let (n, glued) = word.split_at(split);
        let n: u32 = n.parse().ok()?;
        let unit = match glued {
            "" => words.next()?.to_string(),
            g => g.to_string(),
        };
        let unit = unit.trim_end_matches([',', '.']);
        match unit {
            "x" | "×" => {
                // "3 x 24 jam": N calendar days.
                if words.next()? != "24" || !matches!(words.next()?, "jam" | "hours" | "h") {
                    return None;
                }
                calendar = calendar.checked_add(n.checked_mul(24 * 60)?)?;
                hours_written = true;
            }
            "m" | "min" | "mnt" | "menit" | "minute" | "minutes" => {
                minutes = minutes.checked_add(n)?;
            }
            "h" | "j" | "jam" | "hour" | "hours" => {
                calendar = calendar.checked_add(n.checked_mul(60)?)?;
                hours_written = true;
            }
            "d" | "hk" | "hari" | "day" | "days" => {
                if words.peek() == Some(&"kerja") {
                    words.next();
                }
                days = days.checked_add(n)?;
            }
            "w" | "minggu" | "pekan" | "week" | "weeks" => {
                calendar = calendar.checked_add(n.checked_mul(7 * 24 * 60)?)?;
                hours_written = true;
            }
            _ => return None,
        }
        any = true;
    }
    if !any {
        return None;
    }
    if hours_written {
        // Minutes written with hours are part of the same clock: "1 jam 30 menit".
        calendar = calendar.checked_add(minutes)?;
        minutes = 0;
    }
    Some(StdTime {
        days,
        minutes,
        calendar,
    })
}

/// A `time` key: one standard time, or one per value of a request field
/// (`time = { by = "kategori", password = "30 menit", perangkat = "1 minggu" }`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Timing {
    Fixed(StdTime),
    /// By the value of field `field`; a value whose time is "N/A" has none.
    ByField {
        field: String,
        times: indexmap::IndexMap<String, Option<StdTime>>,
    },
}

impl Timing {
    /// The standard time for a request whose field values `value` gives.
    pub fn for_request(&self, value: impl Fn(&str) -> Option<String>) -> Option<StdTime> {
        match self {
            Timing::Fixed(t) => Some(*t),
            Timing::ByField { field, times } => *times.get(&value(field)?)?,
        }
    }

    /// The one time, when it does not depend on the request.
    pub fn fixed(&self) -> Option<StdTime> {
        match self {
            Timing::Fixed(t) => Some(*t),
            Timing::ByField { .. } => None,
        }
    }
}

/// Serde `deserialize_with` for a `time` key that may be a table by field: `None` when the
/// document gives no time ("N/A").
pub fn timing<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Timing>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Key {
        One(String),
        Table(indexmap::IndexMap<String, String>),
    }
    let one = |text: &str| -> Result<Option<StdTime>, D::Error> {
        match Written::parse(text) {
            Some(Written::Time(t)) => Ok(Some(t)),
            Some(Written::NoTime(_)) => Ok(None),
            None => Err(serde::de::Error::custom(bad_time(text))),
        }
    };
    match Key::deserialize(d)? {
        Key::One(text) => Ok(one(&text)?.map(Timing::Fixed)),
        Key::Table(mut table) => {
            let field = table
                .shift_remove("by")
                .ok_or_else(|| serde::de::Error::custom(t!(TimeTable)))?;
            let mut times = indexmap::IndexMap::new();
            for (value, text) in table {
                times.insert(value, one(&text)?);
            }
            Ok(Some(Timing::ByField { field, times }))
        }
    }
}

fn bad_time(text: &str) -> String {
    t!(TimeInvalid, text = format!("{text:?}"))
}

/// Sums saturate: a procedure's steps may each take up to `u32::MAX` days.
impl std::ops::Add for StdTime {
    type Output = StdTime;

    fn add(self, other: StdTime) -> StdTime {
        StdTime {
            days: self.days.saturating_add(other.days),
            minutes: self.minutes.saturating_add(other.minutes),
            calendar: self.calendar.saturating_add(other.calendar),
        }
    }
}

impl fmt::Display for StdTime {
    /// As the documents write it, so that it reads back the same: `5 menit`, `1 hari`,
    /// `2 jam`, `1 jam 30 menit`, `3 x 24 jam`, `1 minggu`, `1 hari 40 menit`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const DAY: u32 = 24 * 60;
        let mut parts = Vec::new();
        if self.days > 0 {
            parts.push(format!("{} hari", self.days));
        }
        let c = self.calendar;
        if c > 0 && c.is_multiple_of(7 * DAY) {
            parts.push(format!("{} minggu", c / (7 * DAY)));
        } else if c > 0 && c.is_multiple_of(DAY) {
            parts.push(format!("{} x 24 jam", c / DAY));
        } else if c > 0 {
            parts.push(format!("{} jam", c / 60));
            if !c.is_multiple_of(60) {
                parts.push(format!("{} menit", c % 60));
            }
        }
        if self.minutes > 0 || parts.is_empty() {
            parts.push(format!("{} menit", self.minutes));
        }
        f.write_str(&parts.join(" "))
    }
}

/// A measured duration, in minutes, in the words standard times are written in: the one style
/// of every duration people read (`sop report`, the monitoring table), never ISO 8601:
/// `3 menit`, `2 jam 5 menit`, `1 hari 2 jam`. A day here is 24 hours of the clock, not a
/// working day; once there are days the minutes are left out. A negative duration (a clock
/// set back on some clone) keeps its sign: `-3 menit`.
pub fn duration(minutes: i64) -> String {
    if minutes < 0 {
        return format!("-{}", duration(minutes.saturating_neg()));
    }
    let (d, h, m) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    match (d, h, m) {
        (0, 0, m) => format!("{m} menit"),
        (0, h, 0) => format!("{h} jam"),
        (0, h, m) => format!("{h} jam {m} menit"),
        (d, 0, _) => format!("{d} hari"),
        (d, h, _) => format!("{d} hari {h} jam"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: u32 = 24 * 60;

    fn cal(minutes: u32) -> StdTime {
        StdTime {
            calendar: minutes,
            ..StdTime::default()
        }
    }

    #[test]
    fn parses_times_as_offices_write_them() {
        let w = StdTime::working;
        for (text, want) in [
            ("5m", w(0, 5)),
            ("5 menit", w(0, 5)),
            ("10 Menit", w(0, 10)),
            ("1d", w(1, 0)),
            ("1 Hari", w(1, 0)),
            ("3 hari", w(3, 0)),
            ("1 hari kerja", w(1, 0)),
            ("2 HK", w(2, 0)),
            ("2h", cal(120)),
            ("2 jam", cal(120)),
            ("72 jam", cal(3 * DAY)),
            ("3 x 24 jam", cal(3 * DAY)),
            ("3x 24 jam", cal(3 * DAY)),
            ("1 jam 30 menit", cal(90)),
            ("1 jam dan 30 menit", cal(90)),
            ("1 minggu", cal(7 * DAY)),
            ("2 pekan", cal(14 * DAY)),
            ("maksimal 2 hari", w(2, 0)),
            ("Paling lama 3 hari kerja", w(3, 0)),
            ("maks. 30 menit", w(0, 30)),
            ("1-2 hari", w(2, 0)),
            ("1 s.d. 3 hari", w(3, 0)),
            ("15 sampai 30 menit", w(0, 30)),
            (
                "1 hari 2 jam",
                StdTime {
                    days: 1,
                    minutes: 0,
                    calendar: 120,
                },
            ),
        ] {
            assert_eq!(StdTime::parse(text), Some(want), "{text}");
        }
        for bad in [
            "menit",
            "5 weeks later",
            "",
            "lima menit",
            "3 x 12 jam",
            "2 bulan",
        ] {
            assert_eq!(StdTime::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn no_time_is_kept_as_written() {
        for text in ["N/A", "-", "Tergantung situasi", "sesuai jadwal"] {
            assert_eq!(
                Written::parse(text),
                Some(Written::NoTime(text.to_string())),
                "{text}"
            );
        }
    }

    #[test]
    fn sums_saturate() {
        let most = StdTime {
            days: u32::MAX,
            minutes: u32::MAX,
            calendar: u32::MAX,
        };
        let one = StdTime {
            days: 1,
            minutes: 1,
            calendar: 1,
        };
        assert_eq!(most + one, most);
        assert_eq!(
            one + one,
            StdTime {
                days: 2,
                minutes: 2,
                calendar: 2
            }
        );
    }

    #[test]
    fn durations_read_as_the_documents_write_times() {
        for (minutes, text) in [
            (0, "0 menit"),
            (3, "3 menit"),
            (60, "1 jam"),
            (125, "2 jam 5 menit"),
            (1440, "1 hari"),
            (1440 + 120 + 7, "1 hari 2 jam"),
            (-3, "-3 menit"),
            (i64::MIN, "-6405119470038038 hari 18 jam"),
        ] {
            assert_eq!(duration(minutes), text, "{minutes}");
        }
    }

    #[test]
    fn formats_standard_times_so_they_read_back() {
        let t = StdTime::working;
        assert_eq!(t(0, 5).iso(), "PT5M");
        assert_eq!(t(0, 107).iso(), "PT1H47M");
        assert_eq!(t(1, 0).iso(), "P1D");
        assert_eq!(t(5, 40).iso(), "P5DT40M");
        assert_eq!(t(0, 0).iso(), "PT0M");
        assert_eq!(cal(3 * DAY).iso(), "PT72H");
        for (time, text) in [
            (t(0, 107), "107 menit"),
            (t(0, 120), "120 menit"),
            (t(1, 40), "1 hari 40 menit"),
            (cal(120), "2 jam"),
            (cal(90), "1 jam 30 menit"),
            (cal(3 * DAY), "3 x 24 jam"),
            (cal(7 * DAY), "1 minggu"),
            (t(0, 0), "0 menit"),
        ] {
            assert_eq!(time.to_string(), text);
            assert_eq!(StdTime::parse(text), Some(time), "{text}");
        }
    }
}
