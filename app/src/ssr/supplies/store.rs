//! What the supplies store asks of a database. Each database implements it beside its SQL
//! (`ssr/sql/supplies.rs`).

use crate::error::AppResult;
use crate::ledgers::supplies::SupplyBalance;
use crate::model::{ListQuery, Page, Paging};
use crate::ssr::store::Actor;
use crate::supplies::{
    NewMove, NewRequest, NewSupplyItem, RequestState, Shelf, SupplyItem, SupplyMove, SupplyRequest,
};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// Which items a list shows.
#[derive(Clone, Debug, Default)]
pub struct ItemFilter {
    /// Name or shelf words, and the page.
    pub list: ListQuery,
    /// Only the items at or below their minimum stock.
    pub low_only: bool,
    /// Only the items on this shelf.
    pub shelf: Option<Uuid>,
}

/// Which requests a list shows.
#[derive(Clone, Copy, Debug, Default)]
pub struct RequestFilter {
    pub state: Option<RequestState>,
    /// Only those this person made.
    pub by: Option<Uuid>,
    /// Only those of this item.
    pub item: Option<Uuid>,
}

#[async_trait]
pub trait SupplyStore: Send + Sync {
    /// The store's items by kind and name (the low ones first when asked for only those).
    async fn supply_items(&self, filter: &ItemFilter) -> AppResult<Page<SupplyItem>>;
    async fn supply_item(&self, id: Uuid) -> AppResult<Option<SupplyItem>>;
    /// How many items are at or below their minimum, and how many requests wait.
    async fn supply_figures(&self) -> AppResult<(i64, i64)>;
    /// The store's shelves by name, each with its tag.
    async fn supply_shelves(&self) -> AppResult<Vec<Shelf>>;
    async fn supply_shelf(&self, id: Uuid) -> AppResult<Option<Shelf>>;
    /// Adds an item with nothing on hand, with history; a name the store has is a conflict. A
    /// shelf the store does not have yet is made, with its tag.
    async fn add_supply_item(
        &self,
        actor: Actor,
        id: Uuid,
        item: NewSupplyItem,
    ) -> AppResult<SupplyItem>;
    /// Changes an item's name, kind, unit, shelf and minimum, with history.
    async fn edit_supply_item(
        &self,
        actor: Actor,
        id: Uuid,
        item: NewSupplyItem,
    ) -> AppResult<SupplyItem>;
    /// Moves stock of `item` in one transaction, with history: a receipt adds to what is on
    /// hand; an issue takes from it only where enough is left (else `NotEnoughStock` with what
    /// is left) and, answering `request`, issues that request if it still waits.
    async fn move_supplies(
        &self,
        actor: Actor,
        id: Uuid,
        item: Uuid,
        stock_move: NewMove,
        request: Option<Uuid>,
    ) -> AppResult<SupplyMove>;
    /// Moves of one item (or of every item), newest first.
    async fn supply_moves(&self, item: Option<Uuid>, paging: Paging) -> AppResult<Vec<SupplyMove>>;
    /// Every move in `[start, end)`, oldest first (the month's ledger).
    async fn supply_moves_between(
        &self,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    ) -> AppResult<Vec<SupplyMove>>;
    /// Each item's balance over `[start, end)`, by kind and name.
    async fn supply_balances(
        &self,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    ) -> AppResult<Vec<SupplyBalance>>;
    /// Records a request as waiting, with history.
    async fn request_supplies(
        &self,
        actor: Actor,
        id: Uuid,
        request: NewRequest,
    ) -> AppResult<SupplyRequest>;
    /// Requests, the waiting ones oldest first, then the rest newest first.
    async fn supply_requests(
        &self,
        filter: RequestFilter,
        paging: Paging,
    ) -> AppResult<Vec<SupplyRequest>>;
    async fn supply_request(&self, id: Uuid) -> AppResult<Option<SupplyRequest>>;
    /// Refuses or withdraws a waiting request, with the reason and history.
    async fn close_supply_request(
        &self,
        actor: Actor,
        id: Uuid,
        to: RequestState,
        reason: Option<String>,
    ) -> AppResult<SupplyRequest>;
}
