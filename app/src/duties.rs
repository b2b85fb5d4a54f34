//! The 分工 table's routing: which line of the school's division of duties a record belongs to,
//! by an asset's category or a room's kind. Damage reports, repair tickets and rounds with
//! nobody named go to whoever holds that duty.

use crate::domain::RoomKind;

/// The canteen's and dormitories' people for theirs, drinking water to its keeper; matched as
/// words in the duty's text of the 分工 table.
const ROUTES: &[(&[&str], &[&str], &str)] = &[
    (&["厨房设备", "餐桌椅"], &["canteen"], "食堂的日常管理"),
    (&["宿舍家具"], &["dormitory"], "住宿教师的日常管理"),
    (&["直饮水设备"], &[], "直饮水的检查"),
];

/// Everything else goes to whoever keeps the school's property repaired.
pub const DEFAULT_DUTY: &str = "财产的保修";

/// The duty a record of asset `category` or room `kind` (its code) belongs to.
pub fn duty_for(category: Option<&str>, kind: Option<&str>) -> &'static str {
    ROUTES
        .iter()
        .find(|(cats, kinds, _)| {
            category.is_some_and(|c| cats.contains(&c)) || kind.is_some_and(|k| kinds.contains(&k))
        })
        .map(|(.., duty)| *duty)
        .unwrap_or(DEFAULT_DUTY)
}

/// The duty of a round with nobody named: by its scope's first category or room kind, else
/// by its checklist's.
pub fn round_duty(
    scope_categories: &[String],
    scope_kinds: &[RoomKind],
    checklist_categories: &[String],
    checklist_kinds: &[String],
) -> &'static str {
    let category = scope_categories
        .first()
        .or(checklist_categories.first())
        .map(String::as_str);
    let kind = scope_kinds
        .first()
        .map(|k| k.code())
        .or(checklist_kinds.first().map(String::as_str));
    duty_for(category, kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canteen_things_go_to_the_canteen_and_the_rest_to_property_repairs() {
        assert_eq!(duty_for(Some("厨房设备"), None), "食堂的日常管理");
        assert_eq!(duty_for(None, Some("canteen")), "食堂的日常管理");
        assert_eq!(
            duty_for(Some("课桌椅"), Some("dormitory")),
            "住宿教师的日常管理"
        );
        assert_eq!(
            duty_for(Some("直饮水设备"), Some("classroom")),
            "直饮水的检查"
        );
        assert_eq!(duty_for(Some("课桌椅"), Some("classroom")), DEFAULT_DUTY);
        assert_eq!(duty_for(None, None), DEFAULT_DUTY);
    }

    #[test]
    fn a_rounds_scope_decides_before_its_checklist() {
        let water = vec!["直饮水设备".to_string()];
        let kitchen = vec!["厨房设备".to_string()];
        assert_eq!(round_duty(&water, &[], &kitchen, &[]), "直饮水的检查");
        assert_eq!(round_duty(&[], &[], &kitchen, &[]), "食堂的日常管理");
        assert_eq!(
            round_duty(&[], &[RoomKind::Canteen], &[], &["classroom".into()]),
            "食堂的日常管理"
        );
        assert_eq!(round_duty(&[], &[], &[], &[]), DEFAULT_DUTY);
    }
}
