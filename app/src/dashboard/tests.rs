use super::*;
use crate::inspections::compensation::PartyKind;
use chrono::NaiveDate;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn ticket(opened: &str, category: Option<&str>, open: bool) -> Ticket {
    Ticket {
        opened: day(opened),
        category: category.map(Into::into),
        hazard: false,
        open,
        due_on: None,
    }
}

fn figures(bars: &[Bar]) -> Vec<(String, i64)> {
    bars.iter().map(|b| (b.label.clone(), b.value)).collect()
}

#[test]
fn daily_and_weekly_rounds_are_this_weeks_the_rest_this_months() {
    assert_eq!(Span::of(&Cadence::Daily), Span::Week);
    assert_eq!(Span::of(&Cadence::Weekly { weekdays: vec![1] }), Span::Week);
    assert_eq!(Span::of(&Cadence::Monthly { day: 25 }), Span::Month);
    let semester = Cadence::Months {
        months: vec![9, 10],
        day: None,
    };
    assert_eq!(Span::of(&semester), Span::Month);
    assert_eq!(Checks::of(Vec::new()), Checks::default());
}

#[test]
fn progress_sums_and_counts_what_is_still_due() {
    let p = Progress {
        done: 3,
        open: 2,
        due_today: 1,
        overdue: 4,
    };
    assert_eq!(p.total(), 10);
    assert_eq!(p.due(), 7);
    assert_eq!(p.plus(p).overdue, 8);
}

#[test]
fn a_counted_round_puts_what_is_not_done_where_the_window_stands() {
    let late = Progress::counted(10, 4, ItemState::Overdue);
    assert_eq!((late.done, late.overdue, late.open), (4, 6, 0));
    let today = Progress::counted(3, 0, ItemState::DueToday);
    assert_eq!((today.due_today, today.total()), (3, 3));
    let over = Progress::counted(2, 5, ItemState::Open);
    assert_eq!((over.done, over.open), (2, 0));
}

#[test]
fn open_repairs_fall_in_age_bands() {
    let today = day("2026-12-04");
    assert_eq!(age_band(day("2026-12-04"), today), 0);
    assert_eq!(age_band(day("2026-11-27"), today), 0);
    assert_eq!(age_band(day("2026-11-26"), today), 1);
    assert_eq!(age_band(day("2026-11-04"), today), 1);
    assert_eq!(age_band(day("2026-09-05"), today), 2);
    assert_eq!(age_band(day("2025-01-01"), today), 3);
}

#[test]
fn the_tally_counts_open_repairs_reports_by_month_and_hazards() {
    let today = day("2026-12-04");
    let mut hazard = ticket("2026-11-20", Some("灭火器"), true);
    hazard.hazard = true;
    hazard.due_on = Some(day("2026-11-27"));
    let mut fresh_hazard = hazard.clone();
    fresh_hazard.due_on = Some(day("2026-12-10"));
    let tickets = vec![
        ticket("2026-12-01", Some("课桌椅"), true),
        ticket("2026-12-02", Some("课桌椅"), false),
        ticket("2026-10-15", None, true),
        ticket("2026-05-30", Some("课桌椅"), true),
        hazard,
        fresh_hazard,
    ];
    let f = tally(Lang::Zh, &tickets, today);
    assert_eq!(f.open_repairs, 5);
    assert_eq!(figures(&f.repairs_by_age)[0], ("7天内".into(), 1));
    let ages: Vec<i64> = f.repairs_by_age.iter().map(|b| b.value).collect();
    assert_eq!(ages, vec![1, 2, 1, 1]);
    assert_eq!(
        figures(&f.repairs_by_category),
        vec![
            ("灭火器".into(), 2),
            ("课桌椅".into(), 2),
            ("房间".into(), 1)
        ]
    );
    // Six months, July to December; May's report is only counted as open.
    let months: Vec<(String, i64)> = figures(&f.reports_by_month);
    assert_eq!(months.len(), 6);
    assert_eq!(months[0], ("2026-07".into(), 0));
    assert_eq!(months[3], ("2026-10".into(), 1));
    assert_eq!(months[4], ("2026-11".into(), 2));
    assert_eq!(months[5], ("2026-12".into(), 2));
    assert_eq!(f.hazards_open, 2);
    assert_eq!(f.hazards_overdue, 1);
    assert!(f
        .repairs_by_age
        .iter()
        .all(|b| b.href == links::OPEN_REPORTS));
}

#[test]
fn many_categories_end_in_one_bar_of_the_rest() {
    let today = day("2026-12-04");
    let tickets: Vec<Ticket> = (0..10)
        .map(|i| ticket("2026-12-01", Some(&format!("类{i}")), true))
        .collect();
    let bars = tally(Lang::En, &tickets, today).repairs_by_category;
    assert_eq!(bars.len(), MAX_BARS);
    assert_eq!(bars[MAX_BARS - 1].label, "…");
    assert_eq!(bars[MAX_BARS - 1].value, 3);
}

#[test]
fn compensation_owed_is_summed_by_class_with_staff_and_outsiders_apart() {
    let owed = [
        Owed {
            class: Some("三年级（2）班".into()),
            kind: PartyKind::Student,
            fen: 12_050,
        },
        Owed {
            class: Some("三年级（2）班".into()),
            kind: PartyKind::Student,
            fen: 950,
        },
        Owed {
            class: None,
            kind: PartyKind::Outside,
            fen: 30_000,
        },
        Owed {
            class: Some("一年级（1）班".into()),
            kind: PartyKind::Student,
            fen: 500,
        },
    ];
    let (total, bars) = owed_bars(Lang::Zh, &owed);
    assert_eq!(total, 43_500);
    let shown: Vec<(&str, &str)> = bars
        .iter()
        .map(|b| (b.label.as_str(), b.text.as_str()))
        .collect();
    assert_eq!(
        shown,
        vec![
            ("校外人员", "¥300.00"),
            ("三年级（2）班", "¥130.00"),
            ("一年级（1）班", "¥5.00")
        ]
    );
}

#[test]
fn reports_are_counted_from_the_first_of_the_sixth_month_back() {
    assert_eq!(reports_since(day("2026-12-31")), day("2026-07-01"));
    assert_eq!(reports_since(day("2027-02-01")), day("2026-09-01"));
}
