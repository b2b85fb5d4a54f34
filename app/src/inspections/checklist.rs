//! Checklist templates (versioned by `key` + `version`) and the answers filled into them.

use crate::domain::{Field, Invalid, Problem, RoomKind};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What an item asks for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ItemKind {
    /// 合格 / 不合格 / 不适用.
    PassFail,
    /// A reading with its unit; outside `min`..`max` the item fails.
    Number {
        unit: String,
        min: Option<f64>,
        max: Option<f64>,
    },
    /// Free text (a count, a remark); never fails.
    Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChecklistItem {
    /// Stable within the template's versions, so answers can be compared over time.
    pub key: String,
    pub label: String,
    #[serde(flatten)]
    pub kind: ItemKind,
    #[serde(default)]
    pub photo_required: bool,
}

/// One version of a checklist.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Template {
    pub id: Uuid,
    pub key: String,
    pub version: i64,
    pub name: String,
    /// Asset categories it applies to (exact names from the register).
    pub categories: Vec<String>,
    pub room_kinds: Vec<RoomKind>,
    pub items: Vec<ChecklistItem>,
}

impl Template {
    pub fn applies_to_asset(&self, category: &str) -> bool {
        self.categories.iter().any(|c| c == category)
    }

    pub fn applies_to_room(&self, kind: RoomKind) -> bool {
        self.room_kinds.contains(&kind)
    }
}

/// One answer as a form or the API sends it: `pass`, `fail`, `na`, a number, or text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerInput {
    pub key: String,
    #[serde(default)]
    pub value: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub photos: Vec<Uuid>,
}

/// An item as it was filled: its wording at the time, the answer, and whether it failed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FilledItem {
    pub key: String,
    pub label: String,
    #[serde(flatten)]
    pub kind: ItemKind,
    pub value: String,
    pub note: Option<String>,
    pub photos: Vec<Uuid>,
    pub failed: bool,
}

const MAX_NOTE: usize = 500;

fn incomplete(item: &ChecklistItem) -> Invalid {
    Invalid::new(
        Field::Answers,
        Problem::ItemIncomplete {
            item: item.label.clone(),
        },
    )
}

/// Checks every item of `items` is answered as its kind asks (and has a photo where one is
/// required), and marks the failures: `fail`, or a reading outside its range.
pub fn evaluate(
    items: &[ChecklistItem],
    answers: &[AnswerInput],
) -> Result<Vec<FilledItem>, Invalid> {
    if let Some(extra) = answers
        .iter()
        .find(|a| !items.iter().any(|i| i.key == a.key))
    {
        let code = extra.key.chars().take(40).collect();
        return Err(Invalid::new(
            Field::Answers,
            Problem::NotRegistered { code },
        ));
    }
    items
        .iter()
        .map(|item| {
            let answer = answers.iter().find(|a| a.key == item.key);
            let value = answer.map(|a| a.value.trim()).unwrap_or_default();
            let photos = answer.map(|a| a.photos.clone()).unwrap_or_default();
            let note = answer
                .map(|a| crate::domain::optional_text(Field::Answers, &a.note, MAX_NOTE))
                .transpose()?
                .flatten();
            let failed = match &item.kind {
                ItemKind::PassFail => match value {
                    "pass" => false,
                    "fail" => true,
                    "na" => false,
                    _ => return Err(incomplete(item)),
                },
                ItemKind::Number { min, max, .. } => {
                    let n: f64 = value.parse().map_err(|_| incomplete(item))?;
                    if !n.is_finite() {
                        return Err(incomplete(item));
                    }
                    min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m)
                }
                ItemKind::Text => {
                    if value.chars().count() > MAX_NOTE {
                        return Err(Invalid::new(
                            Field::Answers,
                            Problem::TooLong { max: MAX_NOTE },
                        ));
                    }
                    false
                }
            };
            if item.photo_required && photos.is_empty() && value != "na" {
                return Err(incomplete(item));
            }
            Ok(FilledItem {
                key: item.key.clone(),
                label: item.label.clone(),
                kind: item.kind.clone(),
                value: value.to_string(),
                note,
                photos,
                failed,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items() -> Vec<ChecklistItem> {
        vec![
            ChecklistItem {
                key: "gauge".into(),
                label: "压力表指针在绿区".into(),
                kind: ItemKind::PassFail,
                photo_required: false,
            },
            ChecklistItem {
                key: "pressure".into(),
                label: "压力读数".into(),
                kind: ItemKind::Number {
                    unit: "MPa".into(),
                    min: Some(1.0),
                    max: Some(1.4),
                },
                photo_required: false,
            },
            ChecklistItem {
                key: "photo".into(),
                label: "整体照片".into(),
                kind: ItemKind::Text,
                photo_required: true,
            },
        ]
    }

    fn answer(key: &str, value: &str) -> AnswerInput {
        AnswerInput {
            key: key.into(),
            value: value.into(),
            ..Default::default()
        }
    }

    #[test]
    fn failures_are_a_fail_or_a_reading_out_of_range() {
        let photo = AnswerInput {
            photos: vec![Uuid::nil()],
            ..answer("photo", "")
        };
        let filled = evaluate(
            &items(),
            &[
                answer("gauge", "pass"),
                answer("pressure", "0.8"),
                photo.clone(),
            ],
        )
        .unwrap();
        assert_eq!(
            filled.iter().map(|f| f.failed).collect::<Vec<_>>(),
            [false, true, false]
        );
        let filled = evaluate(
            &items(),
            &[answer("gauge", "fail"), answer("pressure", "1.2"), photo],
        )
        .unwrap();
        assert_eq!(filled.iter().filter(|f| f.failed).count(), 1);
        assert_eq!(
            filled[0].label, "压力表指针在绿区",
            "the wording is kept with the answer"
        );
    }

    #[test]
    fn every_item_must_be_answered_as_its_kind_asks() {
        let problem = |answers: &[AnswerInput]| evaluate(&items(), answers).unwrap_err().problem;
        let photo = AnswerInput {
            photos: vec![Uuid::nil()],
            ..answer("photo", "")
        };
        assert_eq!(
            problem(&[answer("pressure", "1.2"), photo.clone()]),
            Problem::ItemIncomplete {
                item: "压力表指针在绿区".into()
            }
        );
        assert!(matches!(
            problem(&[
                answer("gauge", "maybe"),
                answer("pressure", "1.2"),
                photo.clone()
            ]),
            Problem::ItemIncomplete { .. }
        ));
        assert!(matches!(
            problem(&[
                answer("gauge", "pass"),
                answer("pressure", "abc"),
                photo.clone()
            ]),
            Problem::ItemIncomplete { .. }
        ));
        assert!(matches!(
            problem(&[
                answer("gauge", "pass"),
                answer("pressure", "1.2"),
                answer("photo", "")
            ]),
            Problem::ItemIncomplete { .. }
        ));
        assert!(matches!(
            problem(&[
                answer("gauge", "pass"),
                answer("pressure", "1.2"),
                photo,
                answer("extra", "x")
            ]),
            Problem::NotRegistered { .. }
        ));
    }
}
