//! The register's records as pages and the API see them (no secrets in here).

use crate::domain::{AssetStatus, Fen, Role, RoomKind};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A person as others see them; the password hash lives only in the server's store.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct User {
    pub id: Uuid,
    pub login: String,
    pub display_name: String,
    pub role: Role,
    pub active: bool,
    /// The school they belong to; none for a district admin.
    pub school: Option<Uuid>,
}

/// One school's figures, as the district page lists them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SchoolFigures {
    pub school: Named,
    /// Active accounts.
    pub users: i64,
    pub rooms: i64,
    pub assets: i64,
    pub inspections: i64,
    /// Damage reports and repair tickets not yet closed or rejected.
    pub open_reports: i64,
}

/// A name and id, enough for a link or a select option.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Named {
    pub id: Uuid,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Building {
    pub id: Uuid,
    pub name: String,
    pub room_count: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Room {
    pub id: Uuid,
    pub name: String,
    pub kind: RoomKind,
    pub floor: Option<i64>,
    pub building: Named,
    pub custodian: Option<Named>,
    pub tag: Option<String>,
    pub asset_count: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Asset {
    pub id: Uuid,
    pub category: String,
    pub name: String,
    pub model: Option<String>,
    pub asset_code: String,
    pub status: AssetStatus,
    pub room: Option<Named>,
    pub building: Option<Named>,
    pub custodian: Option<Named>,
    pub purchase_date: Option<String>,
    pub value_fen: Fen,
    pub notes: Option<String>,
    pub tag: Option<String>,
    /// What the register's card says beyond the fields above (filled by an import).
    #[serde(default)]
    pub card: AssetCard,
}

/// The asset card's (资产卡片) fields that Rounds keeps as the register gives them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssetCard {
    /// The national classification code (GB/T 14885, either edition), as given.
    pub class_code: Option<String>,
    pub brand: Option<String>,
    /// The unit of measure (台, 张, 套 …).
    pub unit: Option<String>,
    /// More than one for a batch record: one tag, counted by number.
    pub quantity: u32,
    /// The using department (使用部门).
    pub department: Option<String>,
    /// The 使用人 as the register writes them, when no user of the school has that name.
    pub keeper: Option<String>,
    /// When finance booked it (财务入账日期), `YYYY-MM-DD`.
    pub booked_on: Option<String>,
    /// The accounting voucher number (凭证号).
    pub voucher: Option<String>,
}

impl Default for AssetCard {
    fn default() -> Self {
        Self {
            class_code: None,
            brand: None,
            unit: None,
            quantity: 1,
            department: None,
            keeper: None,
            booked_on: None,
            voucher: None,
        }
    }
}

/// One line of the append-only history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub id: Uuid,
    pub at: String,
    pub actor: Option<Named>,
    pub entity: String,
    pub entity_id: Uuid,
    pub action: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// One row of the school's 分工 table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Responsibility {
    pub id: Uuid,
    pub area: String,
    pub item: String,
    pub user: Option<Named>,
    pub cadence: Option<String>,
}

/// What a tag points at.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum TagTarget {
    Room(Uuid),
    Asset(Uuid),
    /// A shelf of the supplies store.
    Shelf(Uuid),
    /// A key (or key set) of the key cabinet.
    Key(Uuid),
    Unassigned,
}

/// A page of a list, with the total for paging.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}

/// One page of a list: at most `limit` rows after skipping the first `offset`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paging {
    pub limit: i64,
    pub offset: i64,
}

impl Paging {
    /// The page size of a list whose caller did not choose one.
    pub const DEFAULT_LIMIT: i64 = 50;
    /// Every row: for the exports, reports and pages that show a whole list.
    pub const ALL: Self = Self::first(i64::MAX);

    /// The first `limit` rows.
    pub const fn first(limit: i64) -> Self {
        Self { limit, offset: 0 }
    }
}

/// Paging and search words for a list.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListQuery {
    pub q: Option<String>,
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

impl ListQuery {
    pub const MAX_LIMIT: i64 = 200;

    /// Clamped limit and offset, so no request can ask for the whole register at once.
    pub fn paging(&self) -> Paging {
        Paging {
            limit: self
                .limit
                .unwrap_or(Paging::DEFAULT_LIMIT)
                .clamp(1, Self::MAX_LIMIT),
            offset: self.offset.unwrap_or(0).max(0),
        }
    }

    /// Refuses a page size outside 1..=[`Self::MAX_LIMIT`] or a negative start, so a client
    /// learns its request was not what it got (the API; pages clamp with [`Self::paging`]).
    pub fn check(&self) -> Result<(), crate::domain::Invalid> {
        use crate::domain::{Field, Invalid, Problem};
        if self
            .limit
            .is_some_and(|l| !(1..=Self::MAX_LIMIT).contains(&l))
        {
            return Err(Invalid::new(Field::Limit, Problem::OutOfRange));
        }
        if self.offset.is_some_and(|o| o < 0) {
            return Err(Invalid::new(Field::Offset, Problem::OutOfRange));
        }
        Ok(())
    }

    /// The search words, trimmed; empty means none.
    pub fn words(&self) -> Option<&str> {
        self.q.as_deref().map(str::trim).filter(|q| !q.is_empty())
    }
}

/// One printed label job in the print log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PrintJob {
    pub id: Uuid,
    pub at: String,
    pub stock: String,
    pub labels: i64,
    pub by: Option<Named>,
}

/// A stored photo, as the API returns it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Photo {
    pub id: Uuid,
    pub width: u32,
    pub height: u32,
    pub url: String,
    pub thumb_url: String,
}

impl Photo {
    pub fn new(id: Uuid, width: u32, height: u32) -> Self {
        Photo {
            id,
            width,
            height,
            url: format!("/api/v1/photos/{id}"),
            thumb_url: format!("/api/v1/photos/{id}/thumb"),
        }
    }
}
