//! What the key cabinet asks of a database. Each database implements it beside its SQL
//! (`ssr/sql/keys.rs`).

use crate::error::AppResult;
use crate::keys::due::NewLoan;
use crate::keys::{Key, KeyLoan, NewKey};
use crate::model::{ListQuery, Page, Paging};
use crate::ssr::store::Actor;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// Which keys a list shows.
#[derive(Clone, Debug, Default)]
pub struct KeyFilter {
    /// Name, hook or room words, and the page.
    pub list: ListQuery,
    /// Only the keys that are out now.
    pub out_only: bool,
    /// Only the keys of this room.
    pub room: Option<Uuid>,
}

/// Which loans a list shows.
#[derive(Clone, Copy, Debug, Default)]
pub struct LoanFilter {
    /// Only this key's loans.
    pub key: Option<Uuid>,
    /// Only the loans still out.
    pub open_only: bool,
    /// Only the loans still out past their due time.
    pub overdue_only: bool,
}

#[async_trait]
pub trait KeyStore: Send + Sync {
    /// The keys by hook and name, each with the loan it is out on; overdue is judged at `now`.
    async fn keys(&self, filter: &KeyFilter, now: DateTime<Utc>) -> AppResult<Page<Key>>;
    async fn key(&self, id: Uuid, now: DateTime<Utc>) -> AppResult<Option<Key>>;
    /// Adds a key with a tag of its own, with history; a name the cabinet has is a conflict, a
    /// room not of the school is refused.
    async fn add_key(&self, actor: Actor, id: Uuid, key: NewKey) -> AppResult<()>;
    /// Changes a key's name, kind, room, hook, pieces and note, with history.
    async fn edit_key(&self, actor: Actor, id: Uuid, key: NewKey) -> AppResult<()>;
    /// Lends key `key` as loan `id` at `now`, with history; a key that is out already is refused
    /// with whom it is lent to, however two lendings race.
    async fn lend_key(
        &self,
        actor: Actor,
        (id, key): (Uuid, Uuid),
        loan: NewLoan,
        now: DateTime<Utc>,
    ) -> AppResult<()>;
    /// Takes back key `key` at `now`, with history; a key in the cabinet is a step out of order.
    async fn return_key(&self, actor: Actor, key: Uuid, now: DateTime<Utc>) -> AppResult<()>;
    /// Loans newest first; overdue is judged at `now`.
    async fn key_loans(
        &self,
        filter: LoanFilter,
        paging: Paging,
        now: DateTime<Utc>,
    ) -> AppResult<Vec<KeyLoan>>;
}
