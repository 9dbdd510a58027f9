//! The office's working calendar: standard times count working time only.

use chrono::{DateTime, Datelike, Days, Duration, FixedOffset, NaiveDate, NaiveTime, Weekday};
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
    /// Files of the records directory listing a year's national holidays and *cuti bersama*
    /// (`holidays/2026.toml`); their dates are added to `holidays` when sop.toml is loaded.
    #[serde(default)]
    pub holiday_files: Vec<String>,
}

/// A holiday file: `[[holiday]]` tables with a date, a name and a kind.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayFile {
    #[serde(default)]
    pub holiday: Vec<Holiday>,
}

/// sop counts only the date; the name and kind are for the people who read and check the file
/// (they are declared so that a misspelt key is an error).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct Holiday {
    #[serde(deserialize_with = "dates::date")]
    pub date: NaiveDate,
    #[serde(default)]
    pub name: String,
    /// `libur nasional`, `cuti bersama`, or the office's own word.
    #[serde(default)]
    pub kind: String,
}

impl Default for Calendar {
    fn default() -> Self {
        Calendar {
            workdays: default_workdays(),
            hours: default_hours(),
            holidays: Vec::new(),
            holiday_files: Vec::new(),
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
            serde::de::Error::custom(t!(WorkingHoursInvalid, text = format!("{text:?}")))
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

    /// When a step that started at `start` is due, counting only working time. Whole weeks
    /// without a holiday are counted at once, so any standard time takes a few steps; a due
    /// moment past the last day of the year 9999 is that day.
    ///
    /// Calendar minutes (hours, `x 24 jam`, weeks) run day and night from `start`; the working
    /// days and minutes are then counted on from there.
    pub fn due(&self, start: DateTime<FixedOffset>, time: StdTime) -> DateTime<FixedOffset> {
        let start = start
            .checked_add_signed(Duration::minutes(i64::from(time.calendar)))
            .unwrap_or(start);
        if time.calendar > 0 && time.days == 0 && time.minutes == 0 {
            return start;
        }
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
        date = self.add_workdays(date, u64::from(time.days));
        let day = (close - open).num_seconds().max(1);
        let mut left = Duration::minutes(i64::from(time.minutes));
        loop {
            if date >= last_day() {
                return at(last_day(), close);
            }
            let room = close - time_of_day;
            if left <= room {
                return at(date, time_of_day + left);
            }
            left -= room;
            // All but the last one or two whole working days at once.
            let whole = (left.num_seconds() / day - 1).max(0);
            left -= Duration::seconds(day * whole);
            date = self.add_workdays(date, whole as u64 + 1);
            time_of_day = open;
        }
    }

    /// The working minutes (whole ones) from `from` to `to` on this calendar, read in
    /// `from`'s offset: nights, days off and holidays count nothing. Zero when `to` is not
    /// later than `from`.
    pub fn working_minutes(&self, from: DateTime<FixedOffset>, to: DateTime<FixedOffset>) -> i64 {
        let to = to.with_timezone(from.offset()).naive_local();
        let from = from.naive_local();
        let (open, close) = self.hours;
        let mut seconds = 0;
        let mut date = from.date();
        while date <= to.date() && date < last_day() {
            if self.is_workday(date) {
                let start = from.max(date.and_time(open));
                let end = to.min(date.and_time(close));
                seconds += (end - start).num_seconds().max(0);
            }
            date = date.succ_opt().unwrap_or(last_day());
        }
        seconds / 60
    }

    /// The date `n` working days after `date`, as `n` times `next_workday`, but a whole week
    /// at a time while no holiday is in the way; at most the last day of the year 9999.
    fn add_workdays(&self, mut date: NaiveDate, mut n: u64) -> NaiveDate {
        let per_week = self.workdays_per_week();
        while n > 0 && date < last_day() {
            let clear_weeks = self
                .holidays
                .iter()
                .filter(|h| **h > date)
                .min()
                .map_or(u64::MAX, |h| ((*h - date).num_days() as u64 - 1) / 7);
            let weeks = match per_week {
                0 => 0,
                w => ((n - 1) / w).min(clear_weeks),
            };
            if weeks == 0 {
                date = self.next_workday(date);
                n -= 1;
            } else {
                date = date
                    .checked_add_days(Days::new(weeks * 7))
                    .map_or(last_day(), |d| d.min(last_day()));
                n -= weeks * per_week;
            }
        }
        date.min(last_day())
    }

    /// How many days of a week are working days.
    fn workdays_per_week(&self) -> u64 {
        let mut days = [false; 7];
        for d in &self.workdays {
            days[d.num_days_from_monday() as usize] = true;
        }
        days.iter().filter(|d| **d).count() as u64
    }
}

/// The last day a record can write (RFC 3339 has four-digit years): later due moments are
/// this day's end of work.
fn last_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(9999, 12, 31).expect("a valid date")
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
        let m = |minutes| StdTime::working(0, minutes);
        let d = |days| StdTime::working(days, 0);
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

    /// `due` as it was first written, a working day at a time: the reference the week-at-a-time
    /// counting must agree with.
    fn due_day_by_day(
        cal: &Calendar,
        start: DateTime<FixedOffset>,
        time: StdTime,
    ) -> DateTime<FixedOffset> {
        let at = |date: NaiveDate, t: NaiveTime| {
            date.and_time(t)
                .and_local_timezone(*start.offset())
                .single()
                .unwrap()
        };
        let (open, close) = cal.hours;
        let mut date = start.date_naive();
        let mut time_of_day = start.time();
        if !cal.is_workday(date) || time_of_day >= close {
            date = cal.next_workday(date);
            time_of_day = open;
        } else if time_of_day < open {
            time_of_day = open;
        }
        for _ in 0..time.days {
            date = cal.next_workday(date);
        }
        let mut left = Duration::minutes(i64::from(time.minutes));
        loop {
            let room = close - time_of_day;
            if left <= room {
                return at(date, time_of_day + left);
            }
            left -= room;
            date = cal.next_workday(date);
            time_of_day = open;
        }
    }

    #[test]
    fn counting_whole_weeks_agrees_with_counting_day_by_day() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let calendars = [
            Calendar::default(),
            Calendar {
                holidays: vec![date(2026, 12, 25), date(2026, 12, 24), date(2027, 1, 1)],
                ..Calendar::default()
            },
            Calendar {
                workdays: vec![Weekday::Sat, Weekday::Mon, Weekday::Mon],
                hours: (
                    NaiveTime::from_hms_opt(7, 30, 0).unwrap(),
                    NaiveTime::from_hms_opt(7, 45, 0).unwrap(),
                ),
                holidays: vec![date(2026, 12, 7)],
                holiday_files: Vec::new(),
            },
        ];
        let starts = [
            "2026-11-23T09:00:00+07:00",
            "2026-11-27T15:59:30.5+07:00",
            "2026-11-28T10:00:00+07:00",
            "2026-12-20T06:00:00-05:00",
        ];
        for cal in &calendars {
            for start in starts {
                for days in [0, 1, 4, 5, 6, 7, 12, 30, 61] {
                    for minutes in [0, 1, 15, 59, 480, 481, 2000, 20_000] {
                        let time = StdTime::working(days, minutes);
                        assert_eq!(
                            cal.due(t(start), time),
                            due_day_by_day(cal, t(start), time),
                            "{cal:?} from {start} + {time:?}"
                        );
                    }
                }
            }
        }
    }

    /// Found by the property test of damaged procedure files: `time = "4294967295d"` kept
    /// `sop show` counting working days for minutes.
    #[test]
    fn the_longest_standard_times_end_in_the_year_9999() {
        let last = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
        for cal in [
            Calendar::default(),
            Calendar {
                workdays: Vec::new(),
                ..Calendar::default()
            },
        ] {
            for time in [
                StdTime::working(u32::MAX, 0),
                StdTime::working(0, u32::MAX),
                StdTime::working(u32::MAX, u32::MAX),
            ] {
                let due = cal.due(t("2026-11-23T09:00:00-12:00"), time);
                assert_eq!(due.date_naive(), last, "{time:?}");
            }
        }
    }

    #[test]
    fn working_minutes_count_working_hours_only() {
        let mut cal = Calendar::default();
        let w = |cal: &Calendar, a, b| cal.working_minutes(t(a), t(b));
        // Within a day; backwards is nothing.
        assert_eq!(
            w(
                &cal,
                "2026-11-23T09:00:00+07:00",
                "2026-11-23T10:30:00+07:00"
            ),
            90
        );
        assert_eq!(
            w(
                &cal,
                "2026-11-23T10:30:00+07:00",
                "2026-11-23T09:00:00+07:00"
            ),
            0
        );
        // Before opening and after closing count nothing; a night counts nothing.
        assert_eq!(
            w(
                &cal,
                "2026-11-23T06:00:00+07:00",
                "2026-11-23T20:00:00+07:00"
            ),
            480
        );
        assert_eq!(
            w(
                &cal,
                "2026-11-23T15:00:00+07:00",
                "2026-11-24T09:00:00+07:00"
            ),
            120
        );
        // Friday 15:00 to Monday 09:00: the weekend counts nothing.
        assert_eq!(
            w(
                &cal,
                "2026-11-27T15:00:00+07:00",
                "2026-11-30T09:00:00+07:00"
            ),
            120
        );
        assert_eq!(
            w(
                &cal,
                "2026-11-28T09:00:00+07:00",
                "2026-11-29T15:00:00+07:00"
            ),
            0
        );
        // A whole week is five working days; another offset is read in `from`'s.
        assert_eq!(
            w(
                &cal,
                "2026-11-23T08:00:00+07:00",
                "2026-11-30T08:00:00+07:00"
            ),
            2400
        );
        assert_eq!(
            w(&cal, "2026-11-23T08:00:00+07:00", "2026-11-23T03:00:00Z"),
            120
        );
        // A holiday counts nothing.
        cal.holidays
            .push(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        assert_eq!(
            w(
                &cal,
                "2026-11-23T15:00:00+07:00",
                "2026-11-25T09:00:00+07:00"
            ),
            120
        );
        // What `due` counts forward, `working_minutes` counts back.
        for (start, minutes) in [
            ("2026-11-23T15:50:00+07:00", 20),
            ("2026-11-27T10:00:00+07:00", 1000),
        ] {
            let due = cal.due(t(start), StdTime::working(0, minutes));
            assert_eq!(
                cal.working_minutes(t(start), due),
                i64::from(minutes),
                "{start}"
            );
        }
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
        let due = cal.due(t("2026-11-23T10:00:00+07:00"), StdTime::working(1, 0));
        assert_eq!(due, t("2026-11-25T10:00:00+07:00"));
    }
}
