//! Dates as the office's TOML files write them: a TOML date (`2026-01-31`) or a string
//! (`"2026-01-31"`). Serde helpers shared by `people.toml` (stand-in windows) and `sop.toml`'s
//! calendar (holidays); they sit here so neither file's module needs the other. And dates as
//! Indonesian documents write them (`24 November 2026`), for the printouts and the monitoring.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer};

/// Serde `deserialize_with` for one date.
pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
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
    NaiveDate::parse_from_str(&text, "%Y-%m-%d")
        .map_err(|_| serde::de::Error::custom(t!(DateInvalid, text = format!("{text:?}"))))
}

/// Serde `deserialize_with` for a list of dates.
pub fn dates<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
    #[derive(Deserialize)]
    struct Date(#[serde(deserialize_with = "date")] NaiveDate);
    Ok(Vec::<Date>::deserialize(d)?
        .into_iter()
        .map(|Date(d)| d)
        .collect())
}

/// Indonesian day names, Monday first.
pub const DAYS: [&str; 7] = [
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
];

/// Indonesian month names, January first.
pub const MONTHS: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// `24 November 2026`.
pub fn long_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Days {
        #[serde(deserialize_with = "date")]
        one: NaiveDate,
        #[serde(deserialize_with = "dates")]
        many: Vec<NaiveDate>,
    }

    #[test]
    fn dates_are_toml_dates_or_strings() {
        let days: Days =
            toml::from_str("one = \"2026-01-31\"\nmany = [2026-12-25, \"2026-12-26\"]").unwrap();
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        assert_eq!(days.one, day(1, 31));
        assert_eq!(days.many, vec![day(12, 25), day(12, 26)]);
    }

    #[test]
    fn long_dates_are_written_in_indonesian() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        assert_eq!(long_date(day(11, 30)), "30 November 2026");
        assert_eq!(long_date(day(1, 5)), "5 Januari 2026");
    }

    #[test]
    fn other_date_forms_are_errors() {
        let err = toml::from_str::<Days>("one = \"31-01-2026\"\nmany = []")
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("write it as 2026-01-31"), "{err}");
    }
}
