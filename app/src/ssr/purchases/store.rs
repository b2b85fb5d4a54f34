//! What purchasing asks of a database. Each database implements it beside its SQL
//! (`ssr/sql/purchases.rs`).

use crate::error::AppResult;
use crate::model::Paging;
use crate::purchases::{
    Acceptance, BudgetInput, NewPurchase, Ordered, Purchase, PurchaseState, PurchaseSummary,
};
use crate::ssr::store::Actor;
use async_trait::async_trait;
use chrono::NaiveDate;
use uuid::Uuid;

/// Which purchases a list shows.
#[derive(Clone, Copy, Debug, Default)]
pub struct PurchaseFilter {
    pub state: Option<PurchaseState>,
    /// Only those this person asked for.
    pub by: Option<Uuid>,
}

/// What [`PurchaseStore::purchase_spending`] counts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Spent {
    pub month_fen: i64,
    pub year_fen: i64,
    pub waiting: i64,
}

#[async_trait]
pub trait PurchaseStore: Send + Sync {
    /// Purchases, those still to be approved first (oldest first), then the rest newest first.
    async fn purchases(
        &self,
        filter: PurchaseFilter,
        paging: Paging,
    ) -> AppResult<Vec<PurchaseSummary>>;
    async fn purchase(&self, id: Uuid) -> AppResult<Option<Purchase>>;
    /// A purchase's state and what each of its lines ordered, in order: what a step checks
    /// without reading the whole purchase.
    async fn purchase_order(&self, id: Uuid) -> AppResult<Option<(PurchaseState, Vec<Ordered>)>>;
    /// Records a request, numbered after the year's others (`CG2026-007`) and charged to
    /// `month` (`2026-12`), with history.
    async fn request_purchase(
        &self,
        actor: Actor,
        id: Uuid,
        month: &str,
        purchase: NewPurchase,
    ) -> AppResult<Purchase>;
    /// Moves a purchase from `from` to `to` (an approval, a refusal or a withdrawal, with the
    /// reason of a refusal), with history; a purchase no longer in `from` is a step out of
    /// order.
    async fn decide_purchase(
        &self,
        actor: Actor,
        id: Uuid,
        (from, to): (PurchaseState, PurchaseState),
        reason: Option<String>,
    ) -> AppResult<Purchase>;
    /// Accepts the delivery of an approved purchase in one transaction, with history: records
    /// what came of each line, receives the supplies into stock (the receipts name the
    /// purchase), registers the new assets on `day` with a tag each, and attaches the photos.
    async fn accept_purchase(
        &self,
        actor: Actor,
        id: Uuid,
        acceptance: Acceptance,
        day: NaiveDate,
    ) -> AppResult<Purchase>;
    /// Marks an accepted purchase reimbursed with its voucher's number, with history.
    async fn reimburse_purchase(
        &self,
        actor: Actor,
        id: Uuid,
        voucher: &str,
    ) -> AppResult<Purchase>;
    async fn purchase_budget(&self, year: i32) -> AppResult<Option<BudgetInput>>;
    /// Sets the year's budget, with history.
    async fn set_purchase_budget(
        &self,
        actor: Actor,
        year: i32,
        budget: BudgetInput,
    ) -> AppResult<BudgetInput>;
    /// Spent in `month` (`2026-12`) on the month's line and in its year on both lines, in fen,
    /// and how many purchases wait for an approval.
    async fn purchase_spending(&self, month: &str) -> AppResult<Spent>;
}
