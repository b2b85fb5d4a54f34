//! The data interface, one store trait per area. Pages, server functions and the API reach the
//! database only through [`Store`]; each database implements every area's trait in the file
//! that holds that area's SQL.

use crate::error::AppResult;
use crate::model::{HistoryEntry, Paging};
use async_trait::async_trait;
use uuid::Uuid;

pub use super::compensation::store::CompensationStore;
pub use super::dashboard::store::DashboardStore;
pub use super::drills::store::DrillStore;
pub use super::import::store::ImportStore;
pub use super::inspections::store::{ChecklistStore, DamageStore, InspectionStore};
pub use super::keys::store::KeyStore;
pub use super::labels::store::LabelStore;
pub use super::ledgers::store::{ClosingStore, LedgerStore};
pub use super::people::store::PeopleStore;
pub use super::photos::store::PhotoStore;
pub use super::purchases::store::PurchaseStore;
pub use super::register::store::RegisterStore;
pub use super::rounds::store::RoundStore;
pub use super::school::store::SchoolStore;
pub use super::stocktake::store::{CountingStore, SettlementStore, StocktakeStore};
pub use super::supplies::store::SupplyStore;
pub use super::sync::store::SyncStore;

/// Who made a change: a signed-in user, or the system (start-up import, CLI).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Actor(pub Option<Uuid>);

impl Actor {
    pub const SYSTEM: Actor = Actor(None);
}

/// The kinds of record the history speaks of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entity {
    Building,
    Room,
    Asset,
    User,
    Tag,
    LabelJob,
    LabelStock,
    Photo,
    Template,
    Inspection,
    DamageReport,
    Compensation,
    Setting,
    Schedule,
    SyncConflict,
    School,
    Stocktake,
    RegisterImport,
    ImportProfile,
    LedgerClosing,
    SupplyItem,
    SupplyRequest,
    SupplyShelf,
    Purchase,
    PurchaseBudget,
    Key,
    KeyLoan,
    Drill,
}

impl Entity {
    pub fn code(self) -> &'static str {
        match self {
            Entity::Building => "building",
            Entity::Room => "room",
            Entity::Asset => "asset",
            Entity::User => "user",
            Entity::Tag => "tag",
            Entity::LabelJob => "label_job",
            Entity::LabelStock => "label_stock",
            Entity::Photo => "photo",
            Entity::Template => "checklist_template",
            Entity::Inspection => "inspection",
            Entity::DamageReport => "damage_report",
            Entity::Compensation => "compensation",
            Entity::Setting => "setting",
            Entity::Schedule => "schedule",
            Entity::SyncConflict => "sync_conflict",
            Entity::School => "school",
            Entity::Stocktake => "stocktake",
            Entity::RegisterImport => "register_import",
            Entity::ImportProfile => "import_profile",
            Entity::LedgerClosing => "ledger_closing",
            Entity::SupplyItem => "supply_item",
            Entity::SupplyRequest => "supply_request",
            Entity::SupplyShelf => "supply_shelf",
            Entity::Purchase => "purchase",
            Entity::PurchaseBudget => "purchase_budget",
            Entity::Key => "key",
            Entity::KeyLoan => "key_loan",
            Entity::Drill => "drill",
        }
    }
}

/// Which school a store answers for: the server holds the district's store (no school) and
/// hands each request the store of the asker's school.
pub trait Scope: Send + Sync {
    /// The same store, as `school` sees it: every query of it is limited to that school.
    fn for_school(&self, school: Uuid) -> std::sync::Arc<dyn Store>;
}

/// The history of every record: who changed what, when.
#[async_trait]
pub trait HistoryStore: Send + Sync {
    async fn history(
        &self,
        entity: Entity,
        id: Uuid,
        paging: Paging,
    ) -> AppResult<Vec<HistoryEntry>>;
}

/// Declares [`Store`] as every area's store in one, and gives it to whatever implements them all.
macro_rules! every_area {
    ($($area:ident),+) => {
        /// Every area's store in one: what the server holds as `Arc<dyn Store>`.
        pub trait Store: $($area +)+ 'static {}

        impl<T: $($area +)+ 'static> Store for T {}
    };
}

every_area!(
    Scope,
    SchoolStore,
    PeopleStore,
    RegisterStore,
    HistoryStore,
    LabelStore,
    PhotoStore,
    ChecklistStore,
    InspectionStore,
    DamageStore,
    CompensationStore,
    RoundStore,
    StocktakeStore,
    CountingStore,
    SettlementStore,
    ImportStore,
    LedgerStore,
    ClosingStore,
    DashboardStore,
    SupplyStore,
    PurchaseStore,
    KeyStore,
    DrillStore,
    SyncStore
);
