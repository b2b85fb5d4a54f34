//! The supplies store (日常用品): the keeper (the asset manager or the admin) adds items,
//! receives stock (入库登记) and issues it (领用), directly or answering a teacher's request;
//! every one of the school's people sees the store and requests. REST and the pages both call
//! this.

pub mod demo;
pub mod store;

use crate::domain::{bounded_text, Field};
use crate::error::{AppError, AppResult};
use crate::model::{ListQuery, Page, Paging};
use crate::ssr::state::AppState;
use crate::ssr::visitor::Visitor;
use crate::supplies::{
    keeps_supplies, requests_supplies, step, IssueInput, NewMove, NewRequest, NewSupplyItem,
    ReceiptInput, RequestInput, RequestState, Shelf, SupplyItem, SupplyItemInput, SupplyMove,
    SupplyRequest,
};
use store::{ItemFilter, RequestFilter};
use uuid::Uuid;

/// The store's items: every one, the low ones, or one shelf's. Everyone of the school.
pub async fn items(st: &AppState, v: &Visitor, filter: ItemFilter) -> AppResult<Page<SupplyItem>> {
    v.require(requests_supplies)?;
    filter.list.check()?;
    st.school(v)?.supply_items(&filter).await
}

/// A shelf and every item on it (what its label's QR opens). Everyone of the school.
pub async fn shelf(st: &AppState, v: &Visitor, id: Uuid) -> AppResult<(Shelf, Page<SupplyItem>)> {
    v.require(requests_supplies)?;
    let school = st.school(v)?;
    let shelf = school.supply_shelf(id).await?.ok_or(AppError::NotFound)?;
    let list = ListQuery {
        limit: Some(ListQuery::MAX_LIMIT),
        ..ListQuery::default()
    };
    let filter = ItemFilter {
        list,
        low_only: false,
        shelf: Some(id),
    };
    Ok((shelf, school.supply_items(&filter).await?))
}

/// The store's shelves with their tags, for their labels (the keeper).
pub async fn shelves(st: &AppState, v: &Visitor) -> AppResult<Vec<Shelf>> {
    v.require(keeps_supplies)?;
    st.school(v)?.supply_shelves().await
}

/// One item. Everyone of the school.
pub async fn item(st: &AppState, v: &Visitor, id: Uuid) -> AppResult<SupplyItem> {
    v.require(requests_supplies)?;
    st.school(v)?
        .supply_item(id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Adds an item with nothing on hand (the keeper).
pub async fn add(st: &AppState, v: &Visitor, input: &SupplyItemInput) -> AppResult<SupplyItem> {
    v.require(keeps_supplies)?;
    let item = NewSupplyItem::parse(input)?;
    st.school(v)?
        .add_supply_item(v.actor(), Uuid::now_v7(), item)
        .await
}

/// Changes an item's name, kind, unit, shelf and minimum (the keeper).
pub async fn edit(
    st: &AppState,
    v: &Visitor,
    id: Uuid,
    input: &SupplyItemInput,
) -> AppResult<SupplyItem> {
    v.require(keeps_supplies)?;
    let item = NewSupplyItem::parse(input)?;
    st.school(v)?.edit_supply_item(v.actor(), id, item).await
}

/// Receives stock of an item (入库登记, the keeper).
pub async fn receive(
    st: &AppState,
    v: &Visitor,
    item: Uuid,
    input: &ReceiptInput,
) -> AppResult<SupplyMove> {
    v.require(keeps_supplies)?;
    let receipt = NewMove::receipt(input)?;
    st.school(v)?
        .move_supplies(v.actor(), Uuid::now_v7(), item, receipt, None)
        .await
}

/// Issues stock of an item to a class or office (领用, the keeper); refused, saying how many
/// are left, when the store has fewer.
pub async fn issue(
    st: &AppState,
    v: &Visitor,
    item: Uuid,
    input: &IssueInput,
) -> AppResult<SupplyMove> {
    v.require(keeps_supplies)?;
    let issue = NewMove::issue(input)?;
    st.school(v)?
        .move_supplies(v.actor(), Uuid::now_v7(), item, issue, None)
        .await
}

/// The moves of one item's stock, newest first (the keeper).
pub async fn moves(
    st: &AppState,
    v: &Visitor,
    item: Option<Uuid>,
    paging: Paging,
) -> AppResult<Vec<SupplyMove>> {
    v.require(keeps_supplies)?;
    let school = st.school(v)?;
    if let Some(item) = item {
        school.supply_item(item).await?.ok_or(AppError::NotFound)?;
    }
    school.supply_moves(item, paging).await
}

/// Asks the store for an item (everyone of the school).
pub async fn request(st: &AppState, v: &Visitor, input: &RequestInput) -> AppResult<SupplyRequest> {
    v.require(requests_supplies)?;
    let request = NewRequest::parse(input)?;
    st.school(v)?
        .request_supplies(v.actor(), Uuid::now_v7(), request)
        .await
}

/// Requests (in `state`, of `item`, when given): the keeper sees everyone's, anyone else only
/// their own.
pub async fn requests(
    st: &AppState,
    v: &Visitor,
    (state, item): (Option<RequestState>, Option<Uuid>),
    paging: Paging,
) -> AppResult<Vec<SupplyRequest>> {
    let user = v.require(requests_supplies)?;
    let by = (!keeps_supplies(user.role)).then_some(user.id);
    let filter = RequestFilter { state, by, item };
    st.school(v)?.supply_requests(filter, paging).await
}

/// A request the asker may see: the keeper any, anyone else their own.
async fn visible_request(st: &AppState, v: &Visitor, id: Uuid) -> AppResult<SupplyRequest> {
    let user = v.require(requests_supplies)?;
    let found = st
        .school(v)?
        .supply_request(id)
        .await?
        .ok_or(AppError::NotFound)?;
    if keeps_supplies(user.role) || found.requested_by.id == user.id {
        Ok(found)
    } else {
        Err(AppError::NotFound)
    }
}

/// One request, as [`requests`] shows it.
pub async fn request_by_id(st: &AppState, v: &Visitor, id: Uuid) -> AppResult<SupplyRequest> {
    visible_request(st, v, id).await
}

/// Issues what a request asks for (the keeper): refused, saying how many are left, when the
/// store has fewer; a request that no longer waits is a step out of order.
pub async fn issue_request(st: &AppState, v: &Visitor, id: Uuid) -> AppResult<SupplyMove> {
    v.require(keeps_supplies)?;
    let found = visible_request(st, v, id).await?;
    step(found.state, RequestState::Issued)?;
    let issue = NewMove::issue(&IssueInput {
        quantity: found.quantity,
        issued_to: found.issued_to,
        note: found.note,
    })?;
    st.school(v)?
        .move_supplies(v.actor(), Uuid::now_v7(), found.item.id, issue, Some(id))
        .await
}

/// Refuses a waiting request with the keeper's reason.
pub async fn refuse(
    st: &AppState,
    v: &Visitor,
    id: Uuid,
    reason: &str,
) -> AppResult<SupplyRequest> {
    v.require(keeps_supplies)?;
    let reason = bounded_text(Field::Reason, reason, 200)?;
    let found = visible_request(st, v, id).await?;
    close(st, v, found, RequestState::Refused, Some(reason)).await
}

/// Withdraws a waiting request: only the one who made it.
pub async fn withdraw(st: &AppState, v: &Visitor, id: Uuid) -> AppResult<SupplyRequest> {
    let user = v.require(requests_supplies)?;
    let found = visible_request(st, v, id).await?;
    if found.requested_by.id != user.id {
        return Err(AppError::Forbidden);
    }
    close(st, v, found, RequestState::Withdrawn, None).await
}

/// Refuses or withdraws `found`, a request the asker may see, if it still waits.
async fn close(
    st: &AppState,
    v: &Visitor,
    found: SupplyRequest,
    to: RequestState,
    reason: Option<String>,
) -> AppResult<SupplyRequest> {
    step(found.state, to)?;
    st.school(v)?
        .close_supply_request(v.actor(), found.id, to, reason)
        .await
}
