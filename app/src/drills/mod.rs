//! Drills and safety education (附件3 安全教育行事历): the semester's drills — 防火演练 in
//! October, 校车安全演练 in November, 防震演练 in December, the gate's 门卫防爆演练 once a
//! semester — planned from the calendar, and each one's record: when it was held, how many took
//! part, how long it took, photos, and the problems found, each of which opens a repair.

use crate::domain::{bounded_text, optional_text, Field, Invalid, Problem, Role};
use crate::model::Named;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

crate::choice_enum!(
    /// What a drill practises.
    DrillKind, Field::Kind, {
        Fire => "fire",
        SchoolBus => "school_bus",
        Earthquake => "earthquake",
        Security => "security",
        Evacuation => "evacuation",
        Other => "other",
    }
);

/// The most people one drill records as taking part.
pub const MAX_PARTICIPANTS: i64 = 10_000;

/// The longest drill, in minutes.
pub const MAX_MINUTES: i64 = 600;

/// The most problems one drill's record lists.
pub const MAX_FINDINGS: usize = 20;

/// The most photos one drill's record carries.
pub const MAX_PHOTOS: usize = 8;

/// Recording drills and their problems: the staff, the asset manager and the admin.
pub fn runs_drills(role: Role) -> bool {
    role.inspects()
}

/// Planning a drill beyond the calendar's: the asset manager and the admin.
pub fn plans_drills(role: Role) -> bool {
    role.manages_register()
}

/// Seeing the drills: every one of a school's people.
pub fn sees_drills(role: Role) -> bool {
    !role.manages_district()
}

/// One drill the calendar plans: its kind, in which month of the semester (`2026-10`), under a
/// key that keeps it from being planned twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedDrill {
    pub key: &'static str,
    pub kind: DrillKind,
    pub month: String,
}

/// The semester `2026-2027-1` (September to January) or `2026-2027-2` (February to August) as
/// its first year and its term, or why not.
pub fn semester(raw: &str) -> Result<(i32, u8), Invalid> {
    let bad = || Invalid::new(Field::Period, Problem::Malformed);
    let mut parts = raw.trim().splitn(3, '-');
    let mut next = || parts.next().and_then(|p| p.parse::<i32>().ok());
    let (first, second, term) = (next(), next(), next());
    match (first, second, term) {
        (Some(y), Some(z), Some(t))
            if z == y + 1 && (2000..=2100).contains(&y) && (1..=2).contains(&t) =>
        {
            Ok((y, t as u8))
        }
        _ => Err(bad()),
    }
}

/// The calendar's drills of a semester. The plan's autumn term (附件3): 防火演练 in October,
/// 校车安全演练 in November, 防震演练 in December, and the gate's 门卫防爆演练 (每学期一次),
/// planned for September. The spring term, which the plan leaves to the school: 门卫防爆演练 in
/// March and 防震演练 in May (the week of 5·12, 防灾减灾日).
pub fn calendar((year, term): (i32, u8)) -> Vec<PlannedDrill> {
    let planned = |key, kind, (y, m): (i32, u32)| PlannedDrill {
        key,
        kind,
        month: format!("{y}-{m:02}"),
    };
    if term == 1 {
        vec![
            planned("security", DrillKind::Security, (year, 9)),
            planned("fire", DrillKind::Fire, (year, 10)),
            planned("school_bus", DrillKind::SchoolBus, (year, 11)),
            planned("earthquake", DrillKind::Earthquake, (year, 12)),
        ]
    } else {
        vec![
            planned("security", DrillKind::Security, (year + 1, 3)),
            planned("earthquake", DrillKind::Earthquake, (year + 1, 5)),
        ]
    }
}

/// Where a drill stands on `today`'s month (`2026-12`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DrillState {
    /// Held and recorded.
    Held,
    /// Planned for this month.
    Due,
    /// Planned for a month to come.
    Planned,
    /// Its month is past and it is not recorded.
    Overdue,
}

/// Where a drill planned for `month` stands in `this_month`, held or not.
pub fn state(month: &str, this_month: &str, held: bool) -> DrillState {
    match (held, month.cmp(this_month)) {
        (true, _) => DrillState::Held,
        (false, std::cmp::Ordering::Less) => DrillState::Overdue,
        (false, std::cmp::Ordering::Equal) => DrillState::Due,
        (false, std::cmp::Ordering::Greater) => DrillState::Planned,
    }
}

/// A problem a drill found, with the repair it opened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub id: Uuid,
    pub description: String,
    /// The asset or room it is on, when one was named.
    pub subject: Option<Named>,
    /// The repair (damage report) it opened.
    pub report_id: Option<Uuid>,
}

/// A drill of the semester, planned or held.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Drill {
    pub id: Uuid,
    pub kind: DrillKind,
    /// A title of the school's own; the kind's name when none.
    pub title: Option<String>,
    pub semester: String,
    /// The month it is planned for (`2026-10`).
    pub month: String,
    pub state: DrillState,
    pub held_on: Option<String>,
    pub participants: Option<i64>,
    pub minutes: Option<i64>,
    pub summary: Option<String>,
    pub recorded_by: Option<Named>,
    pub photos: Vec<Uuid>,
    pub findings: Vec<Finding>,
}

/// A drill beyond the calendar's, as the form or the API gives it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrillInput {
    pub kind: String,
    #[serde(default)]
    pub title: Option<String>,
    /// `2026-12`.
    pub month: String,
}

/// A checked drill to plan.
#[derive(Clone, Debug, PartialEq)]
pub struct NewDrill {
    pub kind: DrillKind,
    pub title: Option<String>,
    pub month: String,
    pub semester: String,
}

impl NewDrill {
    pub fn parse(input: &DrillInput) -> Result<Self, Invalid> {
        let month = month(&input.month)?;
        let (year, m) = (
            month[..4].parse::<i32>().unwrap_or(2000),
            month[5..].parse::<u32>().unwrap_or(1),
        );
        Ok(Self {
            kind: DrillKind::parse(&input.kind)?,
            title: optional_text(Field::Name, input.title.as_deref().unwrap_or(""), 40)?,
            semester: crate::inspections::compensation::semester_of(year, m),
            month,
        })
    }
}

/// A month as `2026-12`, years 2000 to 2100.
pub fn month(raw: &str) -> Result<String, Invalid> {
    let raw = raw.trim();
    let ok = raw.len() == 7
        && raw.as_bytes()[4] == b'-'
        && raw[..4]
            .parse::<i32>()
            .is_ok_and(|y| (2000..=2100).contains(&y))
        && raw[5..].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m));
    if ok {
        Ok(raw.to_string())
    } else {
        Err(Invalid::new(Field::Period, Problem::Malformed))
    }
}

/// A problem found, as the form or the API gives it: what, and on which asset or room.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingInput {
    pub description: String,
    #[serde(default)]
    pub asset_id: Option<Uuid>,
    #[serde(default)]
    pub room_id: Option<Uuid>,
}

/// A drill's record, as the form or the API gives it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordInput {
    /// `2026-12-08`, today or before.
    pub held_on: String,
    pub participants: i64,
    pub minutes: i64,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub photos: Vec<Uuid>,
    #[serde(default)]
    pub findings: Vec<FindingInput>,
}

/// A problem found, checked: on an asset, on a room, or on neither (then no repair opens).
#[derive(Clone, Debug, PartialEq)]
pub struct NewFinding {
    pub description: String,
    pub subject: Option<crate::inspections::Subject>,
}

/// A checked record of a drill.
#[derive(Clone, Debug, PartialEq)]
pub struct DrillRecord {
    pub held_on: String,
    pub participants: i64,
    pub minutes: i64,
    pub summary: Option<String>,
    pub photos: Vec<Uuid>,
    pub findings: Vec<NewFinding>,
}

impl DrillRecord {
    /// Checks a record; `held_on` must be a date (`2026-12-08`) no later than `today`.
    pub fn parse(input: &RecordInput, today: &str) -> Result<Self, Invalid> {
        let held_on = crate::domain::PurchaseDate::parse(&input.held_on)
            .map_err(|_| Invalid::new(Field::HeldOn, Problem::BadDate))?
            .as_str()
            .to_string();
        if held_on.as_str() > today {
            return Err(Invalid::new(Field::HeldOn, Problem::OutOfRange));
        }
        if !(1..=MAX_PARTICIPANTS).contains(&input.participants) {
            return Err(Invalid::new(Field::Participants, Problem::OutOfRange));
        }
        if !(1..=MAX_MINUTES).contains(&input.minutes) {
            return Err(Invalid::new(Field::Minutes, Problem::OutOfRange));
        }
        if input.photos.len() > MAX_PHOTOS {
            return Err(Invalid::new(
                Field::Photo,
                Problem::AtMost { max: MAX_PHOTOS },
            ));
        }
        if input.findings.len() > MAX_FINDINGS {
            return Err(Invalid::new(
                Field::Description,
                Problem::AtMost { max: MAX_FINDINGS },
            ));
        }
        let findings = input
            .findings
            .iter()
            .map(|i| {
                use crate::inspections::Subject;
                let subject = match (i.asset_id, i.room_id) {
                    (Some(_), Some(_)) => {
                        return Err(Invalid::new(Field::Target, Problem::Conflicting))
                    }
                    (Some(a), None) => Some(Subject::Asset(a)),
                    (None, Some(r)) => Some(Subject::Room(r)),
                    (None, None) => None,
                };
                Ok(NewFinding {
                    description: bounded_text(Field::Description, &i.description, 200)?,
                    subject,
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Self {
            held_on,
            participants: input.participants,
            minutes: input.minutes,
            summary: optional_text(Field::Notes, input.summary.as_deref().unwrap_or(""), 500)?,
            photos: input.photos.clone(),
            findings,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_autumn_term_plans_the_plans_four_drills_in_their_months() {
        let planned: Vec<(DrillKind, String)> = calendar((2026, 1))
            .into_iter()
            .map(|p| (p.kind, p.month))
            .collect();
        assert_eq!(
            planned,
            [
                (DrillKind::Security, "2026-09".to_string()),
                (DrillKind::Fire, "2026-10".to_string()),
                (DrillKind::SchoolBus, "2026-11".to_string()),
                (DrillKind::Earthquake, "2026-12".to_string()),
            ]
        );
        let spring: Vec<String> = calendar((2026, 2)).into_iter().map(|p| p.month).collect();
        assert_eq!(spring, ["2027-03", "2027-05"]);
    }

    #[test]
    fn semesters_read_as_the_compensation_desk_writes_them() {
        assert_eq!(semester("2026-2027-1"), Ok((2026, 1)));
        assert_eq!(semester("2026-2027-2"), Ok((2026, 2)));
        for bad in ["2026-2028-1", "2026-2027-3", "2026", "x-y-z", "1999-2000-1"] {
            assert!(semester(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_drill_is_due_in_its_month_and_overdue_after_unless_held() {
        assert_eq!(state("2026-12", "2026-12", false), DrillState::Due);
        assert_eq!(state("2026-10", "2026-12", false), DrillState::Overdue);
        assert_eq!(state("2027-03", "2026-12", false), DrillState::Planned);
        assert_eq!(state("2026-10", "2026-12", true), DrillState::Held);
    }

    #[test]
    fn a_record_is_checked_before_it_is_kept() {
        let input = RecordInput {
            held_on: "2026-12-08".into(),
            participants: 620,
            minutes: 15,
            summary: Some("全校疏散用时 3 分 40 秒".into()),
            photos: Vec::new(),
            findings: vec![FindingInput {
                description: "三楼东侧安全出口指示灯不亮".into(),
                asset_id: None,
                room_id: Some(Uuid::nil()),
            }],
        };
        let record = DrillRecord::parse(&input, "2026-12-08").unwrap();
        assert_eq!(record.findings.len(), 1);
        let future = RecordInput {
            held_on: "2026-12-09".into(),
            ..input.clone()
        };
        assert_eq!(
            DrillRecord::parse(&future, "2026-12-08"),
            Err(Invalid::new(Field::HeldOn, Problem::OutOfRange))
        );
        let nobody = RecordInput {
            participants: 0,
            ..input.clone()
        };
        assert_eq!(
            DrillRecord::parse(&nobody, "2026-12-08"),
            Err(Invalid::new(Field::Participants, Problem::OutOfRange))
        );
        let both = RecordInput {
            findings: vec![FindingInput {
                description: "x".into(),
                asset_id: Some(Uuid::nil()),
                room_id: Some(Uuid::nil()),
            }],
            ..input
        };
        assert_eq!(
            DrillRecord::parse(&both, "2026-12-08"),
            Err(Invalid::new(Field::Target, Problem::Conflicting))
        );
    }

    #[test]
    fn a_planned_drill_names_a_month() {
        let input = |month: &str| DrillInput {
            kind: "evacuation".into(),
            title: Some("午休疏散演练".into()),
            month: month.into(),
        };
        let drill = NewDrill::parse(&input("2027-04")).unwrap();
        assert_eq!(
            (drill.semester.as_str(), drill.kind),
            ("2026-2027-2", DrillKind::Evacuation)
        );
        for bad in ["2027-13", "2027-4", "April", ""] {
            assert_eq!(
                NewDrill::parse(&input(bad)),
                Err(Invalid::new(Field::Period, Problem::Malformed))
            );
        }
    }
}
