//! The office's working calendar: standard times count working time only.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, Weekday};
use serde::Deserialize;

use crate::dates;
use crate::stdtime::StdTime;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    #[serde(default = "default_workdays")]
    pub workdays: Vec<Weekday>,
    /// Working hours, `"08:00-16:00"`.
    #[serde(default = "default_hours", deserialize_with = "hours")]
    pub hours: (NaiveTime, NaiveTime),
    #[serde(default, deserialize_with = "dates::dates")]
    pub holidays: Vec<NaiveDate>,
}

impl Default for Calendar {
    fn default() -> Self {
        Calendar {
            workdays: default_workdays(),
            hours: default_hours(),
            holidays: Vec::new(),
        }
    }
}

fn default_workdays() -> Vec<Weekday> {
    use Weekday::*;
    vec![Mon, Tue, Wed, Thu, Fri]
}

fn default_hours() -> (NaiveTime, NaiveTime) {
    let t = |h| NaiveTime::from_hms_opt(h, 0, 0).expect("valid hour");
    (t(8), t(16))
}

fn hours<'de, D: serde::Deserializer<'de>>(d: D) -> Result<(NaiveTime, NaiveTime), D::Error> {
    let text = String::deserialize(d)?;
    let parse = |s: &str| NaiveTime::parse_from_str(s.trim(), "%H:%M");
    text.split_once('-')
        .and_then(|(a, b)| Some((parse(a).ok()?, parse(b).ok()?)))
        .filter(|(a, b)| a < b)
        .ok_or_else(|| {
            serde::de::Error::custom(format!(
                "invalid working hours {text:?}: write them as \"08:00-16:00\""
            ))
        })
}

impl Calendar {
    pub fn is_workday(&self, date: NaiveDate) -> bool {
        self.workdays.contains(&date.weekday()) && !self.holidays.contains(&date)
    }

    fn next_workday(&self, mut date: NaiveDate) -> NaiveDate {
        // A calendar with no working days would loop forever: give up after a year.
        for _ in 0..366 {
            date = date.succ_opt().unwrap_or(date);
            if self.is_workday(date) {
                return date;
            }
        }
        date
    }

    /// When a step that started at `start` is due, counting only working time.
    pub fn due(&self, start: DateTime<FixedOffset>, time: StdTime) -> DateTime<FixedOffset> {
        let tz = *start.offset();
        let at = |date: NaiveDate, t: NaiveTime| {
            date.and_time(t)
                .and_local_timezone(tz)
                .single()
                .expect("fixed offsets are unambiguous")
        };
        let (open, close) = self.hours;
        // Move to working time.
        let mut date = start.date_naive();
        let mut time_of_day = start.time();
        if !self.is_workday(date) || time_of_day >= close {
            date = self.next_workday(date);
            time_of_day = open;
        } else if time_of_day < open {
            time_of_day = open;
        }
        for _ in 0..time.days {
            date = self.next_workday(date);
        }
        let mut left = Duration::minutes(i64::from(time.minutes));
        loop {
            let room = close - time_of_day;
            if left <= room {
                return at(date, time_of_day + left);
            }
            left -= room;
            date = self.next_workday(date);
            time_of_day = open;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn due_counts_working_time_only() {
        let cal = Calendar::default();
        let m = |minutes| StdTime { days: 0, minutes };
        let d = |days| StdTime { days, minutes: 0 };
        // Monday 2026-11-23, 09:00 + 5 minutes.
        assert_eq!(
            cal.due(t("2026-11-23T09:00:00+07:00"), m(5)),
            t("2026-11-23T09:05:00+07:00")
        );
        // 15:50 + 20 minutes runs over to Tuesday 08:10.
        assert_eq!(
            cal.due(t("2026-11-23T15:50:00+07:00"), m(20)),
            t("2026-11-24T08:10:00+07:00")
        );
        // Friday 10:00 + 1 working day is Monday 10:00.
        assert_eq!(
            cal.due(t("2026-11-27T10:00:00+07:00"), d(1)),
            t("2026-11-30T10:00:00+07:00")
        );
        // Saturday starts counting on Monday morning.
        assert_eq!(
            cal.due(t("2026-11-28T10:00:00+07:00"), m(30)),
            t("2026-11-30T08:30:00+07:00")
        );
    }

    #[test]
    fn holidays_parse_as_toml_dates_or_strings() {
        let cal: Calendar = toml::from_str("holidays = [2026-12-25, \"2026-12-26\"]").unwrap();
        assert_eq!(cal.holidays.len(), 2);
        assert!(!cal.is_workday(NaiveDate::from_ymd_opt(2026, 12, 25).unwrap()));
    }

    #[test]
    fn holidays_are_skipped() {
        let mut cal = Calendar::default();
        cal.holidays
            .push(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        let due = cal.due(
            t("2026-11-23T10:00:00+07:00"),
            StdTime {
                days: 1,
                minutes: 0,
            },
        );
        assert_eq!(due, t("2026-11-25T10:00:00+07:00"));
    }
}
