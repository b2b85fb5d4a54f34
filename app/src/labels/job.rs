//! A print job as the page and the API send it, and the checks it passes before anything is
//! drawn or logged.

use super::stock::{Stock, StockSpec};
use crate::domain::{AssetStatus, Field, Invalid, Problem, TagCode};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The most labels one job prints (about 42 A4 sheets of 3×8 per thousand). Larger runs are
/// split into several jobs; the page and the API error both say so.
pub const MAX_LABELS: usize = 5_000;

/// The stock: a built-in key, a saved custom stock's name, or a one-off spec.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum StockChoice {
    Named(String),
    Custom(StockSpec),
}

impl Default for StockChoice {
    fn default() -> Self {
        StockChoice::Named("a4-3x8".into())
    }
}

/// `POST /api/v1/labels`, and the labels page's form. What to print is one of: `tags` (a
/// hand-picked list), `new_tags` (N unassigned tags made for pre-printing), `reprint` (the tags
/// of a logged job, in its order), `doors` (rooms' door labels, by building or room), or assets
/// filtered by building, room, category, status; `never_printed` narrows rooms and assets to
/// tags with no print in the log.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelJob {
    #[serde(default)]
    pub stock: StockChoice,
    /// Positions of the first sheet to leave empty (a half-used sheet).
    #[serde(default)]
    pub skip: i64,
    /// Print the custodian (责任人) on each label.
    #[serde(default)]
    pub custodian: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_tags: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reprint: Option<Uuid>,
    #[serde(default)]
    pub doors: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub building: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default)]
    pub never_printed: bool,
    /// Every shelf of the supplies store (its label opens the shelf).
    #[serde(default)]
    pub shelves: bool,
    /// Every key of the key cabinet (its fob's label opens the key).
    #[serde(default)]
    pub keys: bool,
}

/// Which rooms or assets a filtered job takes; every field narrows.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AssetFilter {
    pub building: Option<Uuid>,
    pub room: Option<Uuid>,
    pub category: Option<String>,
    pub status: Option<AssetStatus>,
    pub never_printed: bool,
}

/// What a checked job prints.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Selection {
    Tags(Vec<TagCode>),
    NewTags(usize),
    /// The tags of a logged print job, again.
    Reprint(Uuid),
    Doors(AssetFilter),
    Assets(AssetFilter),
    /// Every shelf of the supplies store.
    Shelves,
    /// Every key of the key cabinet.
    Keys,
}

/// What one label says, read from the register.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LabelItem {
    pub tag: String,
    pub kind: LabelKind,
    /// The asset's or room's name; empty on a blank tag.
    pub title: String,
    /// Where: "building · room" for an asset, the building for a door label.
    pub place: Option<String>,
    pub asset_code: Option<String>,
    pub custodian: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelKind {
    Asset,
    Door,
    Shelf,
    Key,
    Blank,
}

impl LabelJob {
    /// The selection this job makes, or the first thing wrong with it. Lookups that need the
    /// register (unknown tags, an empty result) are the store's.
    pub fn selection(&self) -> Result<Selection, Invalid> {
        let filtered = self.building.is_some()
            || self.room.is_some()
            || self.category.is_some()
            || self.status.is_some()
            || self.never_printed
            || self.doors;
        let conflict = |field| Err(Invalid::new(field, Problem::Conflicting));
        // Tags, new tags or a filter: a selection a reprint, the shelves or the keys cannot go
        // with.
        let picked = filtered || self.tags.is_some() || self.new_tags.is_some();
        let whole = match (self.shelves, self.keys) {
            (true, true) => return conflict(Field::Selection),
            (true, false) => Some(Selection::Shelves),
            (false, true) => Some(Selection::Keys),
            (false, false) => None,
        };
        if let Some(whole) = whole {
            if picked || self.reprint.is_some() {
                return conflict(Field::Selection);
            }
            return Ok(whole);
        }
        if let Some(job) = self.reprint {
            if picked {
                return conflict(Field::Selection);
            }
            return Ok(Selection::Reprint(job));
        }
        match (&self.tags, self.new_tags) {
            (Some(_), Some(_)) => conflict(Field::NewTags),
            (Some(_), _) | (_, Some(_)) if filtered => conflict(Field::Selection),
            (Some(raw), None) => {
                let codes = raw
                    .iter()
                    .filter(|c| !c.trim().is_empty())
                    .map(|c| TagCode::parse(c).map_err(|i| Invalid::new(Field::Tags, i.problem)))
                    .collect::<Result<Vec<_>, _>>()?;
                if codes.is_empty() {
                    return Err(Invalid::new(Field::Tags, Problem::Required));
                }
                if codes.len() > MAX_LABELS {
                    return Err(too_many());
                }
                Ok(Selection::Tags(codes))
            }
            (None, Some(n)) => match usize::try_from(n) {
                Ok(n) if (1..=MAX_LABELS).contains(&n) => Ok(Selection::NewTags(n)),
                Ok(n) if n > MAX_LABELS => Err(too_many()),
                _ => Err(Invalid::new(Field::NewTags, Problem::OutOfRange)),
            },
            (None, None) => {
                let category = self
                    .category
                    .as_deref()
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_string);
                let status = self
                    .status
                    .as_deref()
                    .filter(|s| !s.trim().is_empty())
                    .map(AssetStatus::parse)
                    .transpose()?;
                if self.doors && (category.is_some() || status.is_some()) {
                    return conflict(Field::Category);
                }
                let filter = AssetFilter {
                    building: self.building,
                    room: self.room,
                    category,
                    status,
                    never_printed: self.never_printed,
                };
                Ok(if self.doors {
                    Selection::Doors(filter)
                } else {
                    Selection::Assets(filter)
                })
            }
        }
    }

    /// Checks `skip` against the stock: fewer than the labels on one page.
    pub fn skip_on(&self, stock: &Stock) -> Result<usize, Invalid> {
        let max = stock.per_page() - 1;
        match usize::try_from(self.skip) {
            Ok(n) if n <= max => Ok(n),
            _ => Err(Invalid::new(Field::Skip, Problem::AtMost { max })),
        }
    }
}

/// The job asks for more than [`MAX_LABELS`].
pub fn too_many() -> Invalid {
    Invalid::new(Field::Selection, Problem::TooMany { max: MAX_LABELS })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(json: &str) -> LabelJob {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn each_kind_of_selection_reads_from_json() {
        let tags = job(r#"{"stock":"a4-3x8","tags":["7k3m-9qx2"],"skip":2}"#);
        assert_eq!(
            tags.selection(),
            Ok(Selection::Tags(vec![TagCode::parse("7K3M9QX2").unwrap()]))
        );
        assert_eq!(
            job(r#"{"new_tags":30}"#).selection(),
            Ok(Selection::NewTags(30))
        );
        let doors = job(r#"{"doors":true,"never_printed":true}"#)
            .selection()
            .unwrap();
        assert!(matches!(doors, Selection::Doors(f) if f.never_printed));
        let assets = job(r#"{"category":"灭火器","status":"in_use"}"#)
            .selection()
            .unwrap();
        assert!(matches!(assets, Selection::Assets(f) if f.category.as_deref() == Some("灭火器")));
        let custom = job(
            r#"{"stock":{"page_width_mm":100,"page_height_mm":50,"columns":2,"rows":1,"label_width_mm":50,"label_height_mm":50}}"#,
        );
        assert!(matches!(custom.stock, StockChoice::Custom(_)));
    }

    #[test]
    fn contradictory_or_oversized_jobs_are_refused() {
        let field = |j: &str| job(j).selection().unwrap_err().field;
        assert_eq!(
            field(r#"{"tags":["7K3M9QX2"],"new_tags":3}"#),
            Field::NewTags
        );
        assert_eq!(
            field(r#"{"tags":["7K3M9QX2"],"doors":true}"#),
            Field::Selection
        );
        assert_eq!(field(r#"{"tags":[]}"#), Field::Tags);
        assert_eq!(field(r#"{"tags":["nope"]}"#), Field::Tags);
        assert_eq!(field(r#"{"new_tags":0}"#), Field::NewTags);
        assert_eq!(field(r#"{"new_tags":5001}"#), Field::Selection);
        assert_eq!(
            field(r#"{"doors":true,"category":"椅子"}"#),
            Field::Category
        );
        assert_eq!(field(r#"{"status":"melted"}"#), Field::Status);
        let a4 = Stock::built_in("a4-3x8").unwrap();
        assert_eq!(job(r#"{"skip":23}"#).skip_on(&a4), Ok(23));
        assert!(job(r#"{"skip":24}"#).skip_on(&a4).is_err());
        assert!(job(r#"{"skip":-1}"#).skip_on(&a4).is_err());
        let roll = Stock::built_in("thermal-40x30").unwrap();
        assert!(job(r#"{"skip":1}"#).skip_on(&roll).is_err());
    }
}
