//! How often a schedule's checklist is due, and the window of days one round covers: a daily
//! check is due today, a weekly one on its weekdays (open until the next one), a monthly one
//! all month by its day, the semester's months (消防设备自检 Sep–Jan) likewise in those months
//! only, and a one-off from the day it is set until it is done.

use serde::{Deserialize, Serialize};

/// A schedule's cadence. Weekdays are 1 (Monday) to 7 (Sunday); days of the month past its
/// end fall on its last day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "every", rename_all = "snake_case", deny_unknown_fields)]
pub enum Cadence {
    Daily,
    Weekly {
        weekdays: Vec<u8>,
    },
    Monthly {
        day: u8,
    },
    /// In the given months (of the semester) only, due by `day` or the month's last day.
    Months {
        months: Vec<u8>,
        #[serde(default)]
        day: Option<u8>,
    },
    Once {
        /// `YYYY-MM-DD`.
        date: String,
    },
}

impl Cadence {
    /// The code of its kind, for forms and the translations.
    pub fn code(&self) -> &'static str {
        match self {
            Cadence::Daily => "daily",
            Cadence::Weekly { .. } => "weekly",
            Cadence::Monthly { .. } => "monthly",
            Cadence::Months { .. } => "months",
            Cadence::Once { .. } => "once",
        }
    }
}

/// Where an item stands in its current window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemState {
    /// Inspected within this window.
    Done,
    /// Open, due later in the window.
    Open,
    DueToday,
    /// The due day has passed without an inspection.
    Overdue,
}

impl ItemState {
    /// The code the API and the page's classes use (as serialized).
    pub fn code(self) -> &'static str {
        match self {
            ItemState::Done => "done",
            ItemState::Open => "open",
            ItemState::DueToday => "due_today",
            ItemState::Overdue => "overdue",
        }
    }
}

#[cfg(feature = "ssr")]
pub use window::{parse_day, Window};

#[cfg(feature = "ssr")]
mod window {
    use super::{Cadence, ItemState};
    use crate::domain::{Field, Invalid, Problem};
    use chrono::{Datelike, Days, Months, NaiveDate};

    /// The days one round of a schedule covers: inspections on `opens ..< closes` count,
    /// and the round is due on `due`.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct Window {
        pub opens: NaiveDate,
        pub due: NaiveDate,
        /// `None`: open until done (a one-off).
        pub closes: Option<NaiveDate>,
    }

    impl Window {
        /// Whether an inspection on `day` counts for this window.
        pub fn covers(&self, day: NaiveDate) -> bool {
            day >= self.opens && self.closes.is_none_or(|c| day < c)
        }

        /// An item's state on `today`, given the day of its last inspection.
        pub fn state(&self, today: NaiveDate, last: Option<NaiveDate>) -> ItemState {
            match last {
                Some(day) if self.covers(day) => ItemState::Done,
                _ if today > self.due => ItemState::Overdue,
                _ if today == self.due => ItemState::DueToday,
                _ => ItemState::Open,
            }
        }
    }

    fn month_start(day: NaiveDate) -> NaiveDate {
        day.with_day(1).unwrap_or(day)
    }

    fn month_window(today: NaiveDate, due_day: Option<u8>) -> Window {
        let opens = month_start(today);
        let closes = opens.checked_add_months(Months::new(1)).unwrap_or(opens);
        let last = closes.pred_opt().unwrap_or(opens);
        let due = due_day
            .and_then(|d| opens.with_day(u32::from(d)))
            .filter(|d| *d <= last)
            .unwrap_or(last);
        Window {
            opens,
            due,
            closes: Some(closes),
        }
    }

    fn weekday(day: NaiveDate) -> u8 {
        day.weekday().number_from_monday() as u8
    }

    pub fn parse_day(raw: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").ok()
    }

    impl Cadence {
        /// The window `today` falls in; `None` when the schedule has no round now (a month
        /// outside its months, a one-off already past and done is still `Some`). `since` is
        /// the day the schedule was set up (a one-off opens then).
        pub fn window(&self, today: NaiveDate, since: NaiveDate) -> Option<Window> {
            match self {
                Cadence::Daily => Some(Window {
                    opens: today,
                    due: today,
                    closes: today.checked_add_days(Days::new(1)),
                }),
                Cadence::Weekly { weekdays } => {
                    let on = |d: NaiveDate| weekdays.contains(&weekday(d));
                    let opens = (0..7)
                        .filter_map(|back| today.checked_sub_days(Days::new(back)))
                        .find(|d| on(*d))?;
                    let closes = (1..=7)
                        .filter_map(|ahead| opens.checked_add_days(Days::new(ahead)))
                        .find(|d| on(*d));
                    Some(Window {
                        opens,
                        due: opens,
                        closes,
                    })
                }
                Cadence::Monthly { day } => Some(month_window(today, Some(*day))),
                Cadence::Months { months, day } => months
                    .contains(&(today.month() as u8))
                    .then(|| month_window(today, *day)),
                Cadence::Once { date } => {
                    let due = parse_day(date)?;
                    Some(Window {
                        opens: since.min(due),
                        due,
                        closes: None,
                    })
                }
            }
        }

        /// Weekdays 1–7 (at least one), a day 1–31, months 1–12 (at least one), a real date.
        pub fn check(&self) -> Result<(), Invalid> {
            let bad = || Invalid::new(Field::Cadence, Problem::OutOfRange);
            let ok = match self {
                Cadence::Daily => true,
                Cadence::Weekly { weekdays } => {
                    !weekdays.is_empty() && weekdays.iter().all(|d| (1..=7).contains(d))
                }
                Cadence::Monthly { day } => (1..=31).contains(day),
                Cadence::Months { months, day } => {
                    !months.is_empty()
                        && months.iter().all(|m| (1..=12).contains(m))
                        && day.is_none_or(|d| (1..=31).contains(&d))
                }
                Cadence::Once { date } => {
                    return parse_day(date)
                        .map(|_| ())
                        .ok_or_else(|| Invalid::new(Field::Cadence, Problem::BadDate))
                }
            };
            ok.then_some(()).ok_or_else(bad)
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn d(raw: &str) -> NaiveDate {
            parse_day(raw).unwrap()
        }

        const SINCE: &str = "2026-09-01";

        #[test]
        fn daily_is_due_today_and_done_by_an_inspection_today() {
            let w = Cadence::Daily.window(d("2026-11-25"), d(SINCE)).unwrap();
            assert_eq!(
                (w.opens, w.due, w.closes),
                (d("2026-11-25"), d("2026-11-25"), Some(d("2026-11-26")))
            );
            assert_eq!(w.state(d("2026-11-25"), None), ItemState::DueToday);
            assert_eq!(
                w.state(d("2026-11-25"), Some(d("2026-11-24"))),
                ItemState::DueToday
            );
            assert_eq!(
                w.state(d("2026-11-25"), Some(d("2026-11-25"))),
                ItemState::Done
            );
        }

        #[test]
        fn weekly_opens_on_its_weekday_and_is_overdue_after_it() {
            // Canteen weekly check on Fridays; 2026-11-25 is a Wednesday.
            let friday = Cadence::Weekly { weekdays: vec![5] };
            let w = friday.window(d("2026-11-25"), d(SINCE)).unwrap();
            assert_eq!(
                (w.opens, w.closes),
                (d("2026-11-20"), Some(d("2026-11-27")))
            );
            assert_eq!(w.state(d("2026-11-25"), None), ItemState::Overdue);
            assert_eq!(
                w.state(d("2026-11-25"), Some(d("2026-11-21"))),
                ItemState::Done
            );
            assert_eq!(
                w.state(d("2026-11-25"), Some(d("2026-11-19"))),
                ItemState::Overdue
            );
            // School days: Monday to Friday; Saturday still belongs to Friday's window.
            let school_days = Cadence::Weekly {
                weekdays: vec![1, 2, 3, 4, 5],
            };
            let sat = school_days.window(d("2026-11-28"), d(SINCE)).unwrap();
            assert_eq!(
                (sat.opens, sat.closes),
                (d("2026-11-27"), Some(d("2026-11-30")))
            );
            let wed = school_days.window(d("2026-11-25"), d(SINCE)).unwrap();
            assert_eq!(wed.state(d("2026-11-25"), None), ItemState::DueToday);
        }

        #[test]
        fn monthly_is_open_all_month_and_due_on_its_day_or_the_last() {
            let w = Cadence::Monthly { day: 31 }
                .window(d("2026-11-05"), d(SINCE))
                .unwrap();
            assert_eq!(
                (w.opens, w.due, w.closes),
                (d("2026-11-01"), d("2026-11-30"), Some(d("2026-12-01")))
            );
            assert_eq!(w.state(d("2026-11-05"), None), ItemState::Open);
            assert_eq!(w.state(d("2026-11-30"), None), ItemState::DueToday);
            let fifteenth = Cadence::Monthly { day: 15 }
                .window(d("2026-11-25"), d(SINCE))
                .unwrap();
            assert_eq!(
                fifteenth.state(d("2026-11-25"), Some(d("2026-10-30"))),
                ItemState::Overdue
            );
            assert_eq!(
                fifteenth.state(d("2026-11-25"), Some(d("2026-11-02"))),
                ItemState::Done
            );
        }

        #[test]
        fn semester_months_have_rounds_only_in_those_months() {
            let fire = Cadence::Months {
                months: vec![9, 10, 11, 12, 1],
                day: None,
            };
            assert!(fire.window(d("2026-11-25"), d(SINCE)).is_some());
            assert!(fire.window(d("2027-01-10"), d(SINCE)).is_some());
            assert!(fire.window(d("2027-02-10"), d(SINCE)).is_none());
            let w = fire.window(d("2026-12-01"), d(SINCE)).unwrap();
            assert_eq!(w.due, d("2026-12-31"));
        }

        #[test]
        fn a_one_off_stays_open_until_done() {
            let once = Cadence::Once {
                date: "2026-12-10".into(),
            };
            let w = once.window(d("2026-12-20"), d("2026-11-20")).unwrap();
            assert_eq!(w.opens, d("2026-11-20"));
            assert_eq!(w.state(d("2026-12-20"), None), ItemState::Overdue);
            assert_eq!(
                w.state(d("2026-12-20"), Some(d("2026-11-21"))),
                ItemState::Done
            );
            assert_eq!(
                w.state(d("2026-12-20"), Some(d("2026-11-19"))),
                ItemState::Overdue
            );
        }

        #[test]
        fn bad_cadences_are_refused() {
            for bad in [
                Cadence::Weekly { weekdays: vec![] },
                Cadence::Weekly { weekdays: vec![8] },
                Cadence::Monthly { day: 0 },
                Cadence::Months {
                    months: vec![13],
                    day: None,
                },
                Cadence::Months {
                    months: vec![],
                    day: None,
                },
                Cadence::Once {
                    date: "2026-02-30".into(),
                },
            ] {
                assert!(bad.check().is_err(), "{bad:?}");
            }
            assert!(Cadence::Months {
                months: vec![9, 1],
                day: Some(25)
            }
            .check()
            .is_ok());
        }
    }
}
