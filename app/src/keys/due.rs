//! When a lent key is due back: the end of the school day unless the lender says otherwise,
//! and never in the past or more than [`MAX_LOAN_DAYS`] days on.

use super::{LendInput, MAX_LOAN_DAYS};
use crate::domain::{bounded_text, optional_text, Field, Invalid, Problem};
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

/// When the school day ends and a key lent without a due time is expected back.
pub const DAY_ENDS: NaiveTime = match NaiveTime::from_hms_opt(18, 0, 0) {
    Some(t) => t,
    None => panic!("18:00 is a time"),
};

/// A checked lending: to whom, until when (school time).
#[derive(Clone, Debug, PartialEq)]
pub struct NewLoan {
    pub borrower: String,
    pub due: NaiveDateTime,
    pub note: Option<String>,
}

impl NewLoan {
    /// Checks a lending made at `now` (school time).
    pub fn parse(input: &LendInput, now: NaiveDateTime) -> Result<Self, Invalid> {
        let borrower = bounded_text(Field::Borrower, &input.borrower, 40)?;
        let due = match input.due_at.as_deref().map(str::trim) {
            None | Some("") => default_due(now),
            Some(raw) => due_at(raw, now)?,
        };
        Ok(Self {
            borrower,
            due,
            note: optional_text(Field::Notes, input.note.as_deref().unwrap_or(""), 200)?,
        })
    }
}

/// When a key lent at `now` is due back unless told: the end of today's school day, or of
/// tomorrow's when today's ends within the hour.
pub fn default_due(now: NaiveDateTime) -> NaiveDateTime {
    let today = now.date().and_time(DAY_ENDS);
    if today - now >= Duration::hours(1) {
        today
    } else {
        today + Duration::days(1)
    }
}

/// A due time as typed, after `now` and at most [`MAX_LOAN_DAYS`] days on.
pub fn due_at(raw: &str, now: NaiveDateTime) -> Result<NaiveDateTime, Invalid> {
    let raw = raw.trim();
    let due = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(raw, f).ok())
        .or_else(|| {
            NaiveDate::parse_from_str(raw, "%Y-%m-%d")
                .ok()
                .map(|d| d.and_time(DAY_ENDS))
        })
        .ok_or(Invalid::new(Field::Due, Problem::BadDate))?;
    if due <= now || due - now > Duration::days(MAX_LOAN_DAYS) {
        return Err(Invalid::new(Field::Due, Problem::OutOfRange));
    }
    Ok(due)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(raw: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(raw, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn a_key_lent_in_the_morning_is_due_at_the_end_of_the_day() {
        assert_eq!(default_due(at("2026-12-08 08:10")), at("2026-12-08 18:00"));
        assert_eq!(default_due(at("2026-12-08 17:00")), at("2026-12-08 18:00"));
    }

    #[test]
    fn a_key_lent_late_is_due_the_next_evening() {
        assert_eq!(default_due(at("2026-12-08 17:30")), at("2026-12-09 18:00"));
        assert_eq!(default_due(at("2026-12-08 21:00")), at("2026-12-09 18:00"));
    }

    #[test]
    fn due_times_read_as_the_school_types_them() {
        let now = at("2026-12-08 08:00");
        assert_eq!(due_at("2026-12-08 12:30", now), Ok(at("2026-12-08 12:30")));
        assert_eq!(due_at("2026-12-08T12:30", now), Ok(at("2026-12-08 12:30")));
        assert_eq!(due_at("2026-12-10", now), Ok(at("2026-12-10 18:00")));
    }

    #[test]
    fn due_times_in_the_past_or_too_far_or_garbled_are_refused() {
        let now = at("2026-12-08 08:00");
        let range = Err(Invalid::new(Field::Due, Problem::OutOfRange));
        assert_eq!(due_at("2026-12-08 07:59", now), range);
        assert_eq!(due_at("2026-12-08 08:00", now), range);
        assert_eq!(due_at("2027-03-09 08:00", now), range);
        let bad = Err(Invalid::new(Field::Due, Problem::BadDate));
        assert_eq!(due_at("tomorrow", now), bad);
        assert_eq!(due_at("2026-13-01", now), bad);
    }

    #[test]
    fn a_lending_names_its_borrower() {
        let now = at("2026-12-08 08:00");
        let input = LendInput {
            borrower: "  ".into(),
            ..LendInput::default()
        };
        assert_eq!(
            NewLoan::parse(&input, now).map(|l| l.due),
            Err(Invalid::new(Field::Borrower, Problem::Required))
        );
        let input = LendInput {
            borrower: "王老师".into(),
            due_at: Some(String::new()),
            note: Some("开会用".into()),
        };
        let loan = NewLoan::parse(&input, now).unwrap();
        assert_eq!(loan.borrower, "王老师");
        assert_eq!(loan.due, at("2026-12-08 18:00"));
    }
}
