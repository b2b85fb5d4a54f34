//! The schedule form's cadence fields (every, weekdays, day, months, date): never a panic, and a
//! cadence that passes its check gives, on any day, a round that opens no later than it is due
//! and closes after it opens, and covers the day it opens.
#![no_main]

use app::rounds::form::ScheduleForm;
use chrono::{Days, NaiveDate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u16, u16, &str)| {
    let (today, since, fields) = input;
    let mut parts = fields.split('\u{1f}').map(str::to_string);
    let mut next = || parts.next().unwrap_or_default();
    let form = ScheduleForm {
        every: next(),
        weekdays: next(),
        day: next(),
        months: next(),
        date: next(),
        ..ScheduleForm::default()
    };
    let Ok(cadence) = form.cadence() else { return };
    if cadence.check().is_err() {
        return;
    }
    let base = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let day = |n: u16| base.checked_add_days(Days::new(u64::from(n))).unwrap();
    let (today, since) = (day(today), day(since));
    if let Some(w) = cadence.window(today, since) {
        assert!(w.opens <= w.due, "{form:?} on {today}: {w:?}");
        if let Some(closes) = w.closes {
            assert!(w.opens < closes, "{form:?} on {today}: {w:?}");
        }
        assert!(w.covers(w.opens), "{form:?} on {today}: {w:?}");
        let _ = w.state(today, Some(since));
    }
});
