//! The period a ledger covers: a month (`2026-12`, 月月清) or an ISO week (`2026-W49`, 周周清),
//! in the school's days.

use crate::domain::{Field, Invalid, Problem};
use crate::ssr::clock::{school_midnight, school_today};
use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc, Weekday};

/// Months one export covers at most, a sheet each.
const MAX_MONTHS: usize = 12;

/// Days `first` up to (not including) `next`, and how the school names them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    pub name: String,
    pub first: NaiveDate,
    pub next: NaiveDate,
}

impl Period {
    /// The month of `day`.
    pub fn month_of(day: NaiveDate) -> Period {
        let first = day.with_day(1).unwrap_or(day);
        Period {
            name: first.format("%Y-%m").to_string(),
            first,
            next: first + Months::new(1),
        }
    }

    /// The ISO week of `day`, Monday to Sunday.
    pub fn week_of(day: NaiveDate) -> Period {
        let week = day.iso_week();
        let first = day - Days::new(u64::from(day.weekday().num_days_from_monday()));
        Period {
            name: format!("{}-W{:02}", week.year(), week.week()),
            first,
            next: first + Days::new(7),
        }
    }

    /// `2026-12` or `2026-W49`; this month when none is given.
    pub fn parse(raw: Option<&str>) -> Result<Period, Invalid> {
        let bad = || Invalid::new(Field::Period, Problem::Malformed);
        let raw = match raw.map(str::trim) {
            None | Some("") => return Ok(Self::month_of(school_today())),
            Some(r) => r.to_ascii_uppercase(),
        };
        if let Some((year, week)) = raw.split_once("-W") {
            let (year, week) = (
                year.parse().map_err(|_| bad())?,
                week.parse().map_err(|_| bad())?,
            );
            let first = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).ok_or_else(bad)?;
            return Ok(Self::week_of(first));
        }
        let first =
            NaiveDate::parse_from_str(&format!("{raw}-01"), "%Y-%m-%d").map_err(|_| bad())?;
        if !(2000..=2100).contains(&first.year()) {
            return Err(bad());
        }
        Ok(Self::month_of(first))
    }

    /// The months from one to another (`2026-09..2026-12`, at most a year of them), or the one
    /// period [`parse`](Self::parse) reads.
    pub fn months(raw: Option<&str>) -> Result<Vec<Period>, Invalid> {
        let Some((from, to)) = raw.and_then(|r| r.split_once("..")) else {
            return Ok(vec![Self::parse(raw)?]);
        };
        let bad = || Invalid::new(Field::Period, Problem::Malformed);
        let (from, to) = (Self::parse(Some(from))?, Self::parse(Some(to))?);
        if from.name.contains('W') || to.name.contains('W') || from.first > to.first {
            return Err(bad());
        }
        let mut months = vec![from];
        while let Some(last) = months.last().filter(|m| m.first < to.first) {
            let next = Self::month_of(last.next);
            months.push(next);
        }
        if months.len() > MAX_MONTHS {
            return Err(Invalid::new(
                Field::Period,
                Problem::AtMost { max: MAX_MONTHS },
            ));
        }
        Ok(months)
    }

    /// The instants the period covers: `[start, end)`.
    pub fn span(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        (school_midnight(self.first), school_midnight(self.next))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_iso_weeks_are_read_and_anything_else_refused() {
        let m = Period::parse(Some("2026-12")).unwrap();
        assert_eq!(
            (m.first.to_string(), m.next.to_string()),
            ("2026-12-01".into(), "2027-01-01".into())
        );
        let w = Period::parse(Some("2026-w49")).unwrap();
        assert_eq!(
            (w.name.as_str(), w.first.to_string()),
            ("2026-W49", "2026-11-30".into())
        );
        assert_eq!(w.span().0.to_rfc3339(), "2026-11-29T16:00:00+00:00");
        for bad in ["2026-13", "12-2026", "2026-W60", "x", "1900-01"] {
            assert!(Period::parse(Some(bad)).is_err(), "{bad}");
        }
        assert_eq!(
            Period::parse(None).unwrap(),
            Period::month_of(school_today())
        );
    }

    #[test]
    fn the_week_of_a_day_is_its_iso_week_across_the_new_year() {
        let day = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        let w = Period::week_of(day);
        assert_eq!(
            (w.name.as_str(), w.first.to_string(), w.next.to_string()),
            ("2026-W53", "2026-12-28".into(), "2027-01-04".into())
        );
        assert_eq!(Period::parse(Some("2026-W53")).unwrap(), w);
    }
}
