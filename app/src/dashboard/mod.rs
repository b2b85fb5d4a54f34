//! The dashboard's figures (看板): checks done and due this week and month by schedule, open
//! repairs by age and category, damage reports by month and category, compensation still owed
//! by class, hazards not put right and ledgers not closed. Plain functions over what the store
//! reads, so the tallies are unit-tested here; the page draws them as SVG bars.

pub mod chart;
#[cfg(feature = "ssr")]
mod tickets;

#[cfg(feature = "ssr")]
pub use tickets::{age_band, reports_since, tally, Ticket};

use crate::i18n::{Lang, Msg};
use crate::rounds::{Cadence, ItemState, Schedule};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use uuid::Uuid;

/// Months of damage reports the dashboard counts back from this one.
pub const REPORT_MONTHS: u32 = 6;

/// How many items of a round stand where.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub done: usize,
    pub open: usize,
    pub due_today: usize,
    pub overdue: usize,
}

impl Progress {
    /// A round of `total` records, `done` of them inspected in its window; every other one
    /// stands where the window puts a record not inspected yet (`rest`: open, due today or
    /// overdue).
    pub fn counted(total: usize, done: usize, rest: ItemState) -> Progress {
        let done = done.min(total);
        let mut p = Progress {
            done,
            ..Progress::default()
        };
        let left = total - done;
        match rest {
            ItemState::Done => p.done += left,
            ItemState::Open => p.open = left,
            ItemState::DueToday => p.due_today = left,
            ItemState::Overdue => p.overdue = left,
        }
        p
    }

    pub fn total(&self) -> usize {
        self.done + self.open + self.due_today + self.overdue
    }

    /// Still to do in the window: open, due today or overdue.
    pub fn due(&self) -> usize {
        self.open + self.due_today + self.overdue
    }

    pub fn plus(self, o: Progress) -> Progress {
        Progress {
            done: self.done + o.done,
            open: self.open + o.open,
            due_today: self.due_today + o.due_today,
            overdue: self.overdue + o.overdue,
        }
    }
}

/// Which of the dashboard's spans a schedule's round falls in: daily and weekly rounds are
/// this week's checks, the rest (monthly, the semester's months, one-off) this month's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Span {
    Week,
    Month,
}

impl Span {
    pub fn of(cadence: &Cadence) -> Span {
        match cadence {
            Cadence::Daily | Cadence::Weekly { .. } => Span::Week,
            _ => Span::Month,
        }
    }
}

/// One schedule's current round, counted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScheduleChecks {
    pub schedule_id: Uuid,
    pub name: String,
    pub span: Span,
    /// `YYYY-MM-DD`.
    pub due: String,
    pub progress: Progress,
}

impl ScheduleChecks {
    /// `due` as `YYYY-MM-DD`.
    pub fn new(schedule: &Schedule, due: String, progress: Progress) -> ScheduleChecks {
        ScheduleChecks {
            schedule_id: schedule.id,
            name: schedule.name.clone(),
            span: Span::of(&schedule.cadence),
            due,
            progress,
        }
    }
}

/// Every schedule's checks, and their sums for this week and this month.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Checks {
    pub week: Progress,
    pub month: Progress,
    pub schedules: Vec<ScheduleChecks>,
}

impl Checks {
    pub fn of(schedules: Vec<ScheduleChecks>) -> Checks {
        let sum = |span| {
            schedules
                .iter()
                .filter(|s| s.span == span)
                .fold(Progress::default(), |p, s| p.plus(s.progress))
        };
        Checks {
            week: sum(Span::Week),
            month: sum(Span::Month),
            schedules,
        }
    }
}

/// How long an open repair has waited: within a week, a month, a term's quarter, or longer.
pub const AGE_BANDS: [(Msg, i64); 4] = [
    (Msg::AgeWeek, 7),
    (Msg::AgeMonth, 30),
    (Msg::AgeQuarter, 90),
    (Msg::AgeOlder, i64::MAX),
];

/// One bar of a chart: what it counts, the figure (a count, or fen), the figure as shown, and
/// the list it links to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bar {
    pub label: String,
    pub value: i64,
    pub text: String,
    pub href: String,
}

impl Bar {
    fn count(label: impl Into<String>, value: i64, href: &str) -> Bar {
        Bar {
            label: label.into(),
            value,
            text: value.to_string(),
            href: href.into(),
        }
    }
}

/// Where the dashboard's figures link: the lists they count.
pub mod links {
    pub const OPEN_REPORTS: &str = "/reports?scope=open";
    pub const HAZARDS: &str = "/reports?scope=hazards";
    pub const ALL_REPORTS: &str = "/reports?scope=all";
    pub const ROUNDS: &str = "/rounds/overview";
    pub const COMPENSATIONS: &str = "/compensations";
    pub const LOW_SUPPLIES: &str = "/supplies?low=1";
    pub const BUDGET: &str = "/purchases#budget";
}

/// The tickets' figures: open repairs by age and category, reports per month and category over
/// the last [`REPORT_MONTHS`] months, hazards not put right and how many are past their deadline.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketFigures {
    pub open_repairs: i64,
    pub repairs_by_age: Vec<Bar>,
    pub repairs_by_category: Vec<Bar>,
    pub reports_by_month: Vec<Bar>,
    pub reports_by_category: Vec<Bar>,
    pub hazards_open: i64,
    pub hazards_overdue: i64,
}

/// Bars a chart shows at most; the rest are summed into one "other" bar.
pub const MAX_BARS: usize = 8;

/// The counts as bars, biggest first (ties by name), at most [`MAX_BARS`] of them with the rest
/// summed into the last.
fn biggest(counts: BTreeMap<String, i64>, href: &str) -> Vec<Bar> {
    let mut all: Vec<(String, i64)> = counts.into_iter().collect();
    all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let rest: i64 = all.iter().skip(MAX_BARS - 1).map(|(_, n)| n).sum();
    let mut bars: Vec<Bar> = all
        .iter()
        .take(MAX_BARS - 1)
        .map(|(name, n)| Bar::count(name.clone(), *n, href))
        .collect();
    if all.len() == MAX_BARS {
        let (name, n) = &all[MAX_BARS - 1];
        bars.push(Bar::count(name.clone(), *n, href));
    } else if all.len() > MAX_BARS {
        bars.push(Bar::count("…", rest, href));
    }
    bars
}

/// Compensation still owed by one class (students) or by staff or outside parties, in fen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Owed {
    /// The class for students; none for staff and outside parties.
    pub class: Option<String>,
    pub kind: crate::inspections::compensation::PartyKind,
    pub fen: i64,
}

/// What is owed, by class (staff and outside parties as one bar each), biggest first.
pub fn owed_bars(lang: Lang, owed: &[Owed]) -> (i64, Vec<Bar>) {
    use crate::inspections::compensation::PartyKind;
    let mut by: BTreeMap<String, i64> = BTreeMap::new();
    for o in owed {
        let label = match (&o.class, o.kind) {
            (Some(class), PartyKind::Student) if !class.trim().is_empty() => class.clone(),
            (_, PartyKind::Student) => lang.t(Msg::PartyStudent).to_string(),
            (_, PartyKind::Staff) => lang.t(Msg::PartyStaff).to_string(),
            (_, PartyKind::Outside) => lang.t(Msg::PartyOutside).to_string(),
        };
        *by.entry(label).or_default() += o.fen;
    }
    let total = by.values().sum();
    let mut bars = biggest(by, links::COMPENSATIONS);
    for bar in &mut bars {
        bar.text = crate::domain::Fen::new(bar.value)
            .map(|f| f.to_string())
            .unwrap_or_else(|_| bar.value.to_string());
    }
    (total, bars)
}

/// A ledger whose last week or last month is not closed (周周清、月月清 missed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unclosed {
    pub ledger: String,
    pub title: String,
    /// `2026-W48` or `2026-11`.
    pub period: String,
    pub href: String,
}

/// The managers' dashboard (`/dashboard`, `GET /api/v1/dashboard`), labels in the asker's
/// language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    /// `YYYY-MM-DD`, the school's today.
    pub today: String,
    pub checks: Checks,
    pub tickets: TicketFigures,
    /// Compensation still owed, in fen, and by class.
    pub owed_fen: i64,
    pub owed_by_class: Vec<Bar>,
    pub unclosed: Vec<Unclosed>,
    /// The store's items at or below their minimum stock.
    pub supplies_low: i64,
    /// Teachers' requests waiting for the keeper.
    pub supplies_waiting: i64,
    /// This year's purchasing budget, what was spent against it, and the purchases waiting for
    /// approval.
    pub purchasing: crate::purchases::Spending,
}

/// The small version on a staff member's home page: their own rounds now, reports waiting for
/// them, and the school's hazards past their deadline.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    pub mine: Progress,
    pub assigned_open: usize,
    pub hazards_overdue: i64,
}

#[cfg(all(test, feature = "ssr"))]
mod tests;
