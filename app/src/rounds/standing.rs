//! Where a scanned record stands: for each checklist that applies to it, the last inspection
//! and, where a schedule's round holds it today, that round's state (已完成 / 本期待检 / 今日到期
//! / 已逾期); its open repairs; its open compensation cases.

use super::ItemState;
use crate::inspections::compensation::Compensation;
use crate::inspections::{DamageReport, DamageStatus};
use crate::model::Named;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A record's last inspection under one checklist (any of its versions).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LastInspection {
    pub id: Uuid,
    /// RFC 3339 on the school's clock.
    pub inspected_at: String,
    pub inspector: Named,
    pub failed_items: i64,
}

/// Where a record stands in one schedule's current round.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoundStanding {
    pub schedule: String,
    pub state: ItemState,
    /// `YYYY-MM-DD`.
    pub due: String,
}

/// One checklist that applies to the record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecordCheck {
    /// The current version, the one an inspection now fills.
    pub template_id: Uuid,
    pub template_name: String,
    pub last: Option<LastInspection>,
    /// The most pressing round that holds the record today; `None` when no schedule does.
    pub round: Option<RoundStanding>,
}

/// An open report as someone who may not follow it sees it (a teacher, of another's report):
/// that the damage is known and where its repair stands, so it is not reported twice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RepairNotice {
    pub description: String,
    pub status: DamageStatus,
    /// What it is on, when that is not the record itself (an asset of a scanned room).
    pub on: Option<String>,
    /// When it was reported, on the school's clock.
    pub reported_at: String,
}

/// Everything a scan shows about the record's care.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Standing {
    pub checks: Vec<RecordCheck>,
    /// Open reports the viewer may follow (and, for staff, move along).
    pub repairs: Vec<DamageReport>,
    /// Other open reports, told without who reported them or who is liable.
    pub others: Vec<RepairNotice>,
    /// Open compensation cases; `None` for whoever may not see them.
    pub cases: Option<Vec<Compensation>>,
    /// The school's day it stands so on, `YYYY-MM-DD`.
    pub today: String,
}

impl Standing {
    /// How many repairs are open, whoever may follow them.
    pub fn open_repairs(&self) -> usize {
        self.repairs.len() + self.others.len()
    }
}

impl RepairNotice {
    pub fn of(report: &DamageReport, record: crate::inspections::Subject) -> RepairNotice {
        let on = match (record, &report.asset) {
            (crate::inspections::Subject::Room(_), Some(asset)) => Some(asset.name.clone()),
            _ => None,
        };
        RepairNotice {
            description: report.description.clone(),
            status: report.status,
            on,
            reported_at: report.created_at.clone(),
        }
    }
}

#[cfg(feature = "ssr")]
pub use checks::record_checks;

#[cfg(feature = "ssr")]
mod checks {
    use super::{LastInspection, RecordCheck, RoundStanding};
    use crate::inspections::{Fit, Subject, Template};
    use crate::rounds::{Coverage, ItemState};
    use chrono::NaiveDate;
    use std::collections::HashMap;

    /// The more pressing of two round states: what is overdue before what is due today, before
    /// what is open, before what is done; the earlier due day first among equals.
    fn urgency(r: &RoundStanding) -> (u8, &str) {
        let rank = match r.state {
            ItemState::Overdue => 0,
            ItemState::DueToday => 1,
            ItemState::Open => 2,
            ItemState::Done => 3,
        };
        (rank, r.due.as_str())
    }

    /// The checklists among `templates` (the current versions) that apply to the record, in
    /// their order, each with its last inspection from `last` (by checklist key, with the
    /// school's day it was made) and the most pressing round of the active `schedules` that
    /// holds the record on `today`.
    pub fn record_checks(
        subject: Subject,
        fit: &Fit,
        in_service: bool,
        templates: &[Template],
        schedules: &[Coverage],
        last: &HashMap<String, (NaiveDate, LastInspection)>,
        today: NaiveDate,
    ) -> Vec<RecordCheck> {
        templates
            .iter()
            .filter(|t| fit.admits(t))
            .map(|t| {
                let last = last.get(&t.key);
                let round = schedules
                    .iter()
                    .filter(|s| s.template_key == t.key && s.scope.holds(subject, fit, in_service))
                    .filter_map(|s| {
                        let window = s.window(today)?;
                        Some(RoundStanding {
                            schedule: s.name.clone(),
                            state: window.state(today, last.map(|(day, _)| *day)),
                            due: window.due.to_string(),
                        })
                    })
                    .min_by(|a, b| urgency(a).cmp(&urgency(b)));
                RecordCheck {
                    template_id: t.id,
                    template_name: t.name.clone(),
                    last: last.map(|(_, l)| l.clone()),
                    round,
                }
            })
            .collect()
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use crate::domain::RoomKind;
        use crate::model::Named;
        use crate::rounds::{Cadence, ItemState, Scope};
        use uuid::Uuid;

        fn template(key: &str, categories: &[&str], room_kinds: &[RoomKind]) -> Template {
            Template {
                id: Uuid::now_v7(),
                key: key.into(),
                version: 1,
                name: format!("{key} checklist"),
                categories: categories.iter().map(|c| c.to_string()).collect(),
                room_kinds: room_kinds.to_vec(),
                items: Vec::new(),
            }
        }

        fn schedule(name: &str, key: &str, scope: Scope, cadence: Cadence) -> Coverage {
            Coverage {
                name: name.into(),
                template_key: key.into(),
                scope,
                cadence,
                since: "2026-09-01".into(),
            }
        }

        fn day(s: &str) -> NaiveDate {
            crate::rounds::parse_day(s).unwrap()
        }

        fn inspected(on: &str) -> (NaiveDate, LastInspection) {
            let last = LastInspection {
                id: Uuid::now_v7(),
                inspected_at: format!("{on} 09:00"),
                inspector: Named {
                    id: Uuid::now_v7(),
                    name: "程财宝".into(),
                },
                failed_items: 0,
            };
            (day(on), last)
        }

        fn extinguishers() -> Scope {
            Scope {
                categories: vec!["灭火器".into()],
                ..Default::default()
            }
        }

        #[test]
        fn each_applicable_checklist_shows_its_last_inspection_and_its_round() {
            let asset = Subject::Asset(Uuid::now_v7());
            let fit = Fit::Category("灭火器".into());
            let templates = [
                template("fire", &["灭火器"], &[]),
                template("projector", &["投影仪"], &[]),
                template("yearly", &["灭火器"], &[]),
            ];
            let monthly = Cadence::Monthly { day: 25 };
            let schedules = [schedule("消防器材月检", "fire", extinguishers(), monthly)];
            let last = HashMap::from([("fire".to_string(), inspected("2026-11-20"))]);
            let checks = record_checks(
                asset,
                &fit,
                true,
                &templates,
                &schedules,
                &last,
                day("2026-12-07"),
            );
            assert_eq!(checks.len(), 2, "the projector checklist does not apply");
            let fire = &checks[0];
            assert_eq!(fire.last.as_ref().unwrap().inspected_at, "2026-11-20 09:00");
            let round = fire.round.as_ref().unwrap();
            assert_eq!(
                (round.state, round.due.as_str()),
                (ItemState::Open, "2026-12-25"),
                "last month's inspection does not count for December"
            );
            assert_eq!(round.schedule, "消防器材月检");
            assert_eq!(checks[1].last, None);
            assert_eq!(
                checks[1].round, None,
                "no schedule uses the yearly checklist"
            );
        }

        #[test]
        fn the_most_pressing_round_is_shown() {
            let asset = Subject::Asset(Uuid::now_v7());
            let fit = Fit::Category("灭火器".into());
            let templates = [template("fire", &["灭火器"], &[])];
            let by_name = Scope {
                assets: vec![asset.id()],
                ..Default::default()
            };
            let schedules = [
                schedule(
                    "月检",
                    "fire",
                    extinguishers(),
                    Cadence::Monthly { day: 25 },
                ),
                schedule(
                    "周检",
                    "fire",
                    by_name,
                    Cadence::Weekly { weekdays: vec![1] },
                ),
            ];
            // Monday the 30th counts for that week's round, not for December's.
            let last = HashMap::from([("fire".to_string(), inspected("2026-11-30"))]);
            let today = day("2026-12-02");
            let checks = record_checks(asset, &fit, true, &templates, &schedules, &last, today);
            let round = checks[0].round.as_ref().unwrap();
            assert_eq!(
                (round.schedule.as_str(), round.state),
                ("月检", ItemState::Open),
                "done this week, still open this month"
            );
            let overdue = record_checks(
                asset,
                &fit,
                true,
                &templates,
                &schedules,
                &HashMap::new(),
                today,
            );
            let round = overdue[0].round.as_ref().unwrap();
            assert_eq!(
                (round.schedule.as_str(), round.state),
                ("周检", ItemState::Overdue)
            );
        }

        #[test]
        fn retired_assets_and_other_rooms_are_in_no_round() {
            let asset = Subject::Asset(Uuid::now_v7());
            let fit = Fit::Category("灭火器".into());
            let templates = [template("fire", &["灭火器"], &[RoomKind::SpecialRoom])];
            let schedules = [schedule(
                "月检",
                "fire",
                extinguishers(),
                Cadence::Monthly { day: 25 },
            )];
            let today = day("2026-12-07");
            let none = HashMap::new();
            let retired = record_checks(asset, &fit, false, &templates, &schedules, &none, today);
            assert_eq!(retired[0].round, None);
            let lab = Subject::Room(Uuid::now_v7());
            let checks = record_checks(
                lab,
                &Fit::RoomKind(RoomKind::SpecialRoom),
                true,
                &templates,
                &schedules,
                &none,
                today,
            );
            assert_eq!(checks.len(), 1, "the checklist applies to labs");
            assert_eq!(
                checks[0].round, None,
                "the schedule covers extinguishers only"
            );
        }
    }
}
