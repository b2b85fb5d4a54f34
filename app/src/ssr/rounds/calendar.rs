//! The school calendar's recurring checks as schedules, stored the first time the server
//! starts: from 附1 (行事历) of the logistics department's semester plan — 消防设备自检 every
//! month from September to January; 校园安全、卫生检查 in September, November, December
//! (安全检查，消除安全隐患) and January; 直饮水更换滤芯 in August — and from its 分工 table,
//! the special rooms' hygiene (每月检查, all year), the canteen's 每日小检查 (school days) and
//! 每周大检查 (Fridays). Nobody is named: each goes to the 分工 table's responsible person.

use crate::domain::RoomKind;
use crate::rounds::{Cadence, Scope};
use crate::ssr::rounds::store::ScheduleDraft;
use uuid::Uuid;

fn schedule(name: &str, template_key: &str, scope: Scope, cadence: Cadence) -> ScheduleDraft {
    ScheduleDraft {
        id: Uuid::now_v7(),
        name: name.into(),
        template_key: template_key.into(),
        scope,
        cadence,
        assignee_id: None,
        assignee_role: None,
    }
}

fn categories(names: &[&str]) -> Scope {
    Scope {
        categories: names.iter().map(|n| n.to_string()).collect(),
        ..Scope::default()
    }
}

fn room_kinds(kinds: &[RoomKind]) -> Scope {
    Scope {
        room_kinds: kinds.to_vec(),
        ..Scope::default()
    }
}

pub fn calendar_schedules() -> Vec<ScheduleDraft> {
    let months = |months: &[u8]| Cadence::Months {
        months: months.to_vec(),
        day: None,
    };
    vec![
        schedule(
            "消防设备自检（每月）",
            "fire_equipment",
            categories(&["消防器材"]),
            months(&[9, 10, 11, 12, 1]),
        ),
        schedule(
            "校园安全、卫生检查",
            "classroom_safety",
            room_kinds(&[RoomKind::Classroom]),
            months(&[9, 11, 12, 1]),
        ),
        schedule(
            "专用教室卫生检查（每月）",
            "classroom_safety",
            room_kinds(&[RoomKind::SpecialRoom]),
            Cadence::Monthly { day: 31 },
        ),
        schedule(
            "直饮水更换滤芯",
            "drinking_water",
            categories(&["直饮水设备"]),
            months(&[8]),
        ),
        schedule(
            "食堂每日小检查",
            "canteen_daily",
            room_kinds(&[RoomKind::Canteen]),
            Cadence::Weekly {
                weekdays: vec![1, 2, 3, 4, 5],
            },
        ),
        schedule(
            "食堂每周大检查",
            "canteen_weekly",
            room_kinds(&[RoomKind::Canteen]),
            Cadence::Weekly { weekdays: vec![5] },
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssr::inspections::checklists::default_templates;

    #[test]
    fn every_calendar_schedule_uses_a_default_checklist_within_its_reach() {
        let templates = default_templates();
        for s in calendar_schedules() {
            let t = templates
                .iter()
                .find(|t| t.key == s.template_key)
                .unwrap_or_else(|| panic!("{} has no checklist", s.name));
            assert!(s
                .scope
                .categories
                .iter()
                .all(|c| t.categories.contains(&c.as_str())));
            assert!(s.scope.room_kinds.iter().all(|k| t.room_kinds.contains(k)));
            assert!(s.cadence.check().is_ok());
        }
    }
}
