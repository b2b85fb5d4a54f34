//! The school's clock: China Standard Time all year (no daylight saving). Times are stored as
//! UTC; dates that decide what is due, semesters and what people read are the school's.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, SecondsFormat, Utc};

const SCHOOL: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
    Some(offset) => offset,
    None => panic!("UTC+8 is a valid offset"),
};

/// The school's date at `at`.
pub fn school_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&SCHOOL).date_naive()
}

/// The first instant of the school's day `day`.
pub fn school_midnight(day: NaiveDate) -> DateTime<Utc> {
    school_instant(day.and_time(chrono::NaiveTime::MIN))
}

/// The instant the school's clock shows as `local`.
pub fn school_instant(local: NaiveDateTime) -> DateTime<Utc> {
    local
        .and_local_timezone(SCHOOL)
        .single()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default()
}

/// What the school's clock shows at `at`.
pub fn school_local(at: DateTime<Utc>) -> NaiveDateTime {
    at.with_timezone(&SCHOOL).naive_local()
}

/// Today at the school.
pub fn school_today() -> NaiveDate {
    school_date(Utc::now())
}

/// `at` as the school's clock shows it, RFC 3339 to the second.
pub fn school_time_at(at: DateTime<Utc>) -> String {
    at.with_timezone(&SCHOOL)
        .to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// A stored UTC time (RFC 3339 text) as the school's clock shows it; unreadable text as it is.
pub fn school_time(at: String) -> String {
    DateTime::parse_from_rfc3339(&at)
        .map(|t| school_time_at(t.with_timezone(&Utc)))
        .unwrap_or(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn late_utc_evening_is_the_next_school_day() {
        let at = DateTime::parse_from_rfc3339("2026-11-25T17:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(school_date(at).to_string(), "2026-11-26");
        assert_eq!(
            school_time("2026-11-25T17:30:00.000000Z".into()),
            "2026-11-26T01:30:00+08:00"
        );
        assert_eq!(school_time("garbage".into()), "garbage");
    }
}

/// The server's clock for sessions and sign-in: the system's, moved forward by tests instead of
/// sleeping (clones share one setting).
#[derive(Clone, Debug, Default)]
pub struct Clock {
    ahead_secs: std::sync::Arc<std::sync::atomic::AtomicI64>,
}

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        let ahead = self.ahead_secs.load(std::sync::atomic::Ordering::Relaxed);
        Utc::now() + chrono::Duration::seconds(ahead)
    }

    /// Moves this clock (and every clone of it) forward by `by`.
    pub fn advance(&self, by: chrono::Duration) {
        self.ahead_secs
            .fetch_add(by.num_seconds(), std::sync::atomic::Ordering::Relaxed);
    }
}
