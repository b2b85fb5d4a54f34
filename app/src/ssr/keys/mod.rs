//! The key cabinet (钥匙管理): the keeper (the asset manager or the admin) registers keys and
//! key sets with a tag each; the keeper and the staff on duty lend them by scanning the tag and
//! naming the borrower, and take them back by scanning again; everyone of the school sees who
//! holds which key. REST and the pages both call this.

pub mod demo;
pub mod store;

use crate::error::{AppError, AppResult};
use crate::keys::due::NewLoan;
use crate::keys::{keeps_keys, lends_keys, sees_keys, Key, KeyInput, KeyLoan, LendInput, NewKey};
use crate::model::{Page, Paging};
use crate::ssr::clock::school_local;
use crate::ssr::state::AppState;
use crate::ssr::visitor::Visitor;
use store::{KeyFilter, LoanFilter};
use uuid::Uuid;

/// The keys, each with whom it is lent to. Everyone of the school.
pub async fn keys(st: &AppState, v: &Visitor, filter: KeyFilter) -> AppResult<Page<Key>> {
    v.require(sees_keys)?;
    filter.list.check()?;
    st.school(v)?.keys(&filter, st.clock.now()).await
}

/// One key and whom it is lent to. Everyone of the school.
pub async fn key(st: &AppState, v: &Visitor, id: Uuid) -> AppResult<Key> {
    v.require(sees_keys)?;
    st.school(v)?
        .key(id, st.clock.now())
        .await?
        .ok_or(AppError::NotFound)
}

/// One key with its newest loans (a key's page). Everyone of the school.
pub async fn key_with_loans(
    st: &AppState,
    v: &Visitor,
    id: Uuid,
    paging: Paging,
) -> AppResult<(Key, Vec<KeyLoan>)> {
    v.require(sees_keys)?;
    let (school, now) = (st.school(v)?, st.clock.now());
    let key = school.key(id, now).await?.ok_or(AppError::NotFound)?;
    let filter = LoanFilter {
        key: Some(id),
        ..LoanFilter::default()
    };
    Ok((key, school.key_loans(filter, paging, now).await?))
}

/// Registers a key or key set with a tag of its own (the keeper).
pub async fn add(st: &AppState, v: &Visitor, input: &KeyInput) -> AppResult<Key> {
    v.require(keeps_keys)?;
    let new = NewKey::parse(input)?;
    let id = Uuid::now_v7();
    st.school(v)?.add_key(v.actor(), id, new).await?;
    key(st, v, id).await
}

/// Changes a key's name, kind, room, hook, pieces and note (the keeper).
pub async fn edit(st: &AppState, v: &Visitor, id: Uuid, input: &KeyInput) -> AppResult<Key> {
    v.require(keeps_keys)?;
    let new = NewKey::parse(input)?;
    st.school(v)?.edit_key(v.actor(), id, new).await?;
    key(st, v, id).await
}

/// Lends a key (the keeper or the staff on duty); a key that is out already is refused with
/// whom it is lent to.
pub async fn lend(st: &AppState, v: &Visitor, id: Uuid, input: &LendInput) -> AppResult<Key> {
    v.require(lends_keys)?;
    let now = st.clock.now();
    let loan = NewLoan::parse(input, school_local(now))?;
    st.school(v)?
        .lend_key(v.actor(), (Uuid::now_v7(), id), loan, now)
        .await?;
    key(st, v, id).await
}

/// Takes a key back (the keeper or the staff on duty); a key in the cabinet is refused.
pub async fn take_back(st: &AppState, v: &Visitor, id: Uuid) -> AppResult<Key> {
    v.require(lends_keys)?;
    st.school(v)?
        .return_key(v.actor(), id, st.clock.now())
        .await?;
    key(st, v, id).await
}

/// Loans newest first: one key's (not found for a key the school does not have), those out
/// now, or those overdue. Everyone of the school.
pub async fn loans(
    st: &AppState,
    v: &Visitor,
    filter: LoanFilter,
    paging: Paging,
) -> AppResult<Vec<KeyLoan>> {
    v.require(sees_keys)?;
    let (school, now) = (st.school(v)?, st.clock.now());
    if let Some(id) = filter.key {
        school.key(id, now).await?.ok_or(AppError::NotFound)?;
    }
    school.key_loans(filter, paging, now).await
}
