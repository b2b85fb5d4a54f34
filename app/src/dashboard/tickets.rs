//! The tickets' side of the dashboard, counted by the school's day (server only: it needs
//! the calendar).

use super::{biggest, links, Bar, TicketFigures, AGE_BANDS, REPORT_MONTHS};
use crate::i18n::{Lang, Msg};
use chrono::{Datelike, Months, NaiveDate};
use std::collections::BTreeMap;

/// What the dashboard needs of one damage report (a ticket).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ticket {
    /// The school's day it was reported.
    pub opened: NaiveDate,
    /// The asset's category; none for a room's ticket.
    pub category: Option<String>,
    /// Opened by a failed checklist item (a hazard, 安全隐患).
    pub hazard: bool,
    /// Neither closed nor rejected.
    pub open: bool,
    /// The rectification deadline (整改期限), if set.
    pub due_on: Option<NaiveDate>,
}

/// The band (index into [`AGE_BANDS`]) of a repair open since `opened`.
pub fn age_band(opened: NaiveDate, today: NaiveDate) -> usize {
    let days = (today - opened).num_days();
    AGE_BANDS
        .iter()
        .position(|(_, max)| days <= *max)
        .unwrap_or(AGE_BANDS.len() - 1)
}

/// The first day of the earliest month the dashboard counts reports from.
pub fn reports_since(today: NaiveDate) -> NaiveDate {
    let first = today.with_day(1).unwrap_or(today);
    first - Months::new(REPORT_MONTHS - 1)
}

/// Counts `tickets` (open ones, and any opened since [`reports_since`]) as of `today`.
pub fn tally(lang: Lang, tickets: &[Ticket], today: NaiveDate) -> TicketFigures {
    let since = reports_since(today);
    let category = |t: &Ticket| {
        t.category
            .clone()
            .unwrap_or_else(|| lang.t(Msg::Room).to_string())
    };
    let mut ages = [0i64; AGE_BANDS.len()];
    let mut open_by_category: BTreeMap<String, i64> = BTreeMap::new();
    let mut by_month: BTreeMap<NaiveDate, i64> = (0..REPORT_MONTHS)
        .map(|m| (since + Months::new(m), 0))
        .collect();
    let mut by_category: BTreeMap<String, i64> = BTreeMap::new();
    let mut f = TicketFigures::default();
    for t in tickets {
        if t.open {
            f.open_repairs += 1;
            ages[age_band(t.opened, today)] += 1;
            *open_by_category.entry(category(t)).or_default() += 1;
            if t.hazard {
                f.hazards_open += 1;
                f.hazards_overdue += i64::from(t.due_on.is_some_and(|d| d < today));
            }
        }
        if t.opened >= since {
            let month = t.opened.with_day(1).unwrap_or(t.opened);
            *by_month.entry(month).or_default() += 1;
            *by_category.entry(category(t)).or_default() += 1;
        }
    }
    f.repairs_by_age = AGE_BANDS
        .iter()
        .zip(ages)
        .map(|((msg, _), n)| Bar::count(lang.t(*msg), n, links::OPEN_REPORTS))
        .collect();
    f.repairs_by_category = biggest(open_by_category, links::OPEN_REPORTS);
    f.reports_by_month = by_month
        .into_iter()
        .map(|(m, n)| Bar::count(m.format("%Y-%m").to_string(), n, links::ALL_REPORTS))
        .collect();
    f.reports_by_category = biggest(by_category, links::ALL_REPORTS);
    f
}
