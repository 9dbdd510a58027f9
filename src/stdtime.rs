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

/// A standard time. Days are working days, so they are kept apart from minutes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StdTime {
    pub days: u32,
    pub minutes: u32,
}

impl StdTime {
    /// Parses `"5m"`, `"2h"`, `"1d"`, `"5 menit"`, `"2 jam"`, `"1 hari"` (any case).
    pub fn parse(text: &str) -> Option<StdTime> {
        let text = text.trim().to_lowercase();
        let split = text.find(|c: char| !c.is_ascii_digit())?;
        let (n, unit) = text.split_at(split);
        let n: u32 = n.parse().ok()?;
        match unit.trim() {
            "m" | "min" | "menit" | "minute" | "minutes" => Some(StdTime {
                days: 0,
                minutes: n,
            }),
            "h" | "j" | "jam" | "hour" | "hours" => Some(StdTime {
                days: 0,
                minutes: n.checked_mul(60)?,
            }),
            "d" | "hari" | "day" | "days" => Some(StdTime {
                days: n,
                minutes: 0,
            }),
            _ => None,
        }
    }

    /// ISO 8601 duration: `PT5M`, `P1D`, `P1DT40M`.
    pub fn iso(self) -> String {
        let mut s = String::from("P");
        if self.days > 0 {
            s += &format!("{}D", self.days);
        }
        if self.minutes > 0 || self.days == 0 {
            s.push('T');
            let (h, m) = (self.minutes / 60, self.minutes % 60);
            if h > 0 {
                s += &format!("{h}H");
            }
            if m > 0 || h == 0 {
                s += &format!("{m}M");
            }
        }
        s
    }
}

/// Sums saturate: a procedure's steps may each take up to `u32::MAX` days.
impl std::ops::Add for StdTime {
    type Output = StdTime;

    fn add(self, other: StdTime) -> StdTime {
        StdTime {
            days: self.days.saturating_add(other.days),
            minutes: self.minutes.saturating_add(other.minutes),
        }
    }
}

impl fmt::Display for StdTime {
    /// As the documents write it: `5 menit`, `2 jam`, `1 hari`, `1 hari 40 menit`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if self.days > 0 {
            parts.push(format!("{} hari", self.days));
        }
        if self.minutes > 0 && self.minutes.is_multiple_of(60) {
            parts.push(format!("{} jam", self.minutes / 60));
        } else if self.minutes > 0 || self.days == 0 {
            parts.push(format!("{} menit", self.minutes));
        }
        f.write_str(&parts.join(" "))
    }
}

/// Serde `deserialize_with` for an optional `time = "…"` key: a present key must parse.
pub fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<StdTime>, D::Error> {
    let text = String::deserialize(d)?;
    StdTime::parse(&text).map(Some).ok_or_else(|| {
        serde::de::Error::custom(format!(
            "invalid standard time {text:?}: write a number and a unit, e.g. \"5m\", \"2h\", \"1d\", \"5 menit\", \"2 jam\", \"1 hari\""
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn parses_standard_times() {
        let t = |s| StdTime::parse(s);
        assert_eq!(
            t("5m"),
            Some(StdTime {
                days: 0,
                minutes: 5
            })
        );
        assert_eq!(
            t("5 menit"),
            Some(StdTime {
                days: 0,
                minutes: 5
            })
        );
        assert_eq!(
            t("10 Menit"),
            Some(StdTime {
                days: 0,
                minutes: 10
            })
        );
        assert_eq!(
            t("2h"),
            Some(StdTime {
                days: 0,
                minutes: 120
            })
        );
        assert_eq!(
            t("2 jam"),
            Some(StdTime {
                days: 0,
                minutes: 120
            })
        );
        assert_eq!(
            t("1d"),
            Some(StdTime {
                days: 1,
                minutes: 0
            })
        );
        assert_eq!(
            t("1 Hari"),
            Some(StdTime {
                days: 1,
                minutes: 0
            })
        );
        assert_eq!(
            t("3 hari"),
            Some(StdTime {
                days: 3,
                minutes: 0
            })
        );
        assert_eq!(t("menit"), None);
        assert_eq!(t("5 weeks"), None);
        assert_eq!(t(""), None);
    }

    #[test]
    fn sums_saturate() {
        let most = StdTime {
            days: u32::MAX,
            minutes: u32::MAX,
        };
        let one = StdTime {
            days: 1,
            minutes: 1,
        };
        assert_eq!(most + one, most);
        assert_eq!(
            one + one,
            StdTime {
                days: 2,
                minutes: 2
            }
        );
    }

    #[test]
    fn formats_standard_times() {
        let t = |d, m| StdTime {
            days: d,
            minutes: m,
        };
        assert_eq!(t(0, 5).iso(), "PT5M");
        assert_eq!(t(0, 107).iso(), "PT1H47M");
        assert_eq!(t(1, 0).iso(), "P1D");
        assert_eq!(t(5, 40).iso(), "P5DT40M");
        assert_eq!(t(0, 0).iso(), "PT0M");
        assert_eq!(t(0, 107).to_string(), "107 menit");
        assert_eq!(t(0, 120).to_string(), "2 jam");
        assert_eq!(t(1, 40).to_string(), "1 hari 40 menit");
    }
}
