//! The schedule form's flat fields, read into a [`ScheduleRequest`].

use super::{Cadence, ScheduleRequest, Scope};
use crate::domain::{Field, Invalid, Problem, Role, RoomKind};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScheduleForm {
    pub name: String,
    pub template_key: String,
    /// `daily`, `weekly`, `monthly`, `months` or `once`.
    pub every: String,
    #[serde(default)]
    pub weekdays: String,
    #[serde(default)]
    pub day: String,
    #[serde(default)]
    pub months: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub categories: String,
    #[serde(default)]
    pub room_kind: String,
    /// Tag codes, one a line (or separated by spaces or commas).
    #[serde(default)]
    pub tags: String,
    /// Empty (the 分工 table), `user:<id>` or `role:<code>`.
    #[serde(default)]
    pub assignee: String,
}

/// Splits on commas (ASCII or Chinese), 、, spaces and new lines.
pub fn words(raw: &str) -> impl Iterator<Item = &str> {
    raw.split([',', '，', '、', ' ', '\n', '\r', '\t', ';', '；'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
}

fn numbers(raw: &str) -> Result<Vec<u8>, Invalid> {
    words(raw)
        .map(|w| {
            w.parse::<u8>()
                .map_err(|_| Invalid::new(Field::Cadence, Problem::Malformed))
        })
        .collect()
}

impl ScheduleForm {
    pub fn cadence(&self) -> Result<Cadence, Invalid> {
        let day = || -> Result<Option<u8>, Invalid> { Ok(numbers(&self.day)?.first().copied()) };
        Ok(match self.every.trim() {
            "daily" => Cadence::Daily,
            "weekly" => Cadence::Weekly {
                weekdays: numbers(&self.weekdays)?,
            },
            "monthly" => Cadence::Monthly {
                day: day()?.ok_or_else(|| Invalid::new(Field::Cadence, Problem::Required))?,
            },
            "months" => Cadence::Months {
                months: numbers(&self.months)?,
                day: day()?,
            },
            "once" => Cadence::Once {
                date: self.date.trim().to_string(),
            },
            _ => return Err(Invalid::new(Field::Cadence, Problem::UnknownChoice)),
        })
    }

    /// The request, with the listed tags already resolved to `assets` and `rooms` (the service
    /// checks it against the register, as for the API).
    pub fn request(&self, assets: Vec<Uuid>, rooms: Vec<Uuid>) -> Result<ScheduleRequest, Invalid> {
        let room_kinds = match self.room_kind.trim() {
            "" => Vec::new(),
            code => vec![RoomKind::parse(code)?],
        };
        let (assignee_id, assignee_role) = match self.assignee.trim().split_once(':') {
            None => (None, None),
            Some(("user", id)) => (
                Some(
                    Uuid::parse_str(id)
                        .map_err(|_| Invalid::new(Field::Assignee, Problem::UnknownChoice))?,
                ),
                None,
            ),
            Some(("role", code)) => (
                None,
                Some(
                    Role::parse(code)
                        .map_err(|_| Invalid::new(Field::Assignee, Problem::UnknownChoice))?,
                ),
            ),
            Some(_) => return Err(Invalid::new(Field::Assignee, Problem::UnknownChoice)),
        };
        Ok(ScheduleRequest {
            name: self.name.clone(),
            template_key: self.template_key.clone(),
            scope: Scope {
                categories: words(&self.categories).map(str::to_string).collect(),
                room_kinds,
                assets,
                rooms,
            },
            cadence: self.cadence()?,
            assignee_id,
            assignee_role,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ScheduleForm {
        ScheduleForm {
            name: "消防设备自检".into(),
            template_key: "fire_equipment".into(),
            every: "months".into(),
            months: "9，10、11 12,1".into(),
            categories: "消防器材".into(),
            ..ScheduleForm::default()
        }
    }

    #[test]
    fn lists_read_with_chinese_separators() {
        let req = form().request(vec![], vec![]).unwrap();
        assert_eq!(
            req.cadence,
            Cadence::Months {
                months: vec![9, 10, 11, 12, 1],
                day: None
            }
        );
        assert_eq!(req.scope.categories, vec!["消防器材".to_string()]);
    }

    #[test]
    fn bad_fields_are_named() {
        let mut f = form();
        f.months = "九月".into();
        assert_eq!(f.request(vec![], vec![]).unwrap_err().field, Field::Cadence);
        let mut f = form();
        f.assignee = "user:nobody".into();
        assert_eq!(
            f.request(vec![], vec![]).unwrap_err().field,
            Field::Assignee
        );
        let mut f = form();
        f.every = "monthly".into();
        assert_eq!(f.request(vec![], vec![]).unwrap_err().field, Field::Cadence);
    }
}
