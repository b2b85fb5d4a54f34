//! Purchasing (采购 → 审批 → 验收 → 入库 → 报销): anyone of the school asks for a purchase; an
//! admin approves or refuses it (two different admins above the year's threshold); the keeper
//! accepts the delivery, which puts supplies into stock and registers new assets with their
//! tags, and marks it reimbursed. REST and the pages both call this.

pub mod demo;
pub mod store;

use crate::domain::{bounded_text, Field};
use crate::error::{AppError, AppResult};
use crate::model::Paging;
use crate::purchases::{
    approve as approval_step, approves_purchases, budget_year, keeps_purchases, requests_purchases,
    step, voucher, AcceptInput, Acceptance, Approval, BudgetInput, NewPurchase, Purchase,
    PurchaseInput, PurchaseState, PurchaseSummary, Spending,
};
use crate::ssr::clock::school_today;
use crate::ssr::state::AppState;
use crate::ssr::visitor::Visitor;
use chrono::Datelike;
use store::PurchaseFilter;
use uuid::Uuid;

/// Sees every purchase and the budget: the keeper and the admins.
fn sees_all(role: crate::domain::Role) -> bool {
    keeps_purchases(role) || approves_purchases(role)
}

/// Purchases (in `state`, when given): the keeper and the admins see every one, anyone else
/// only their own.
pub async fn list(
    st: &AppState,
    v: &Visitor,
    state: Option<PurchaseState>,
    paging: Paging,
) -> AppResult<Vec<PurchaseSummary>> {
    let user = v.require(requests_purchases)?;
    let by = (!sees_all(user.role)).then_some(user.id);
    st.school(v)?
        .purchases(PurchaseFilter { state, by }, paging)
        .await
}

/// One purchase the asker may see: the keeper and the admins any, anyone else their own.
pub async fn get(st: &AppState, v: &Visitor, id: Uuid) -> AppResult<Purchase> {
    let user = v.require(requests_purchases)?;
    let found = st
        .school(v)?
        .purchase(id)
        .await?
        .ok_or(AppError::NotFound)?;
    if sees_all(user.role) || found.summary.requested_by.id == user.id {
        Ok(found)
    } else {
        Err(AppError::NotFound)
    }
}

/// Asks for a purchase, charged to this month's budget or this year's.
pub async fn request(st: &AppState, v: &Visitor, input: &PurchaseInput) -> AppResult<Purchase> {
    v.require(requests_purchases)?;
    let purchase = NewPurchase::parse(input)?;
    let month = school_today().format("%Y-%m").to_string();
    st.school(v)?
        .request_purchase(v.actor(), Uuid::now_v7(), &month, purchase)
        .await
}

/// Approves a purchase (an admin): above the year's threshold it waits for a second, different
/// admin; nobody approves their own request.
pub async fn approve(st: &AppState, v: &Visitor, id: Uuid) -> AppResult<Purchase> {
    let user = v.require(approves_purchases)?;
    let found = get(st, v, id).await?;
    let year = found
        .budget_month
        .get(..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or(2000);
    let school = st.school(v)?;
    let threshold = school
        .purchase_budget(year)
        .await?
        .map_or(i64::MAX, |b| b.threshold_fen);
    let asked = Approval {
        state: found.summary.state,
        estimate_fen: found.summary.estimate_fen,
        requested_by: found.summary.requested_by.id,
        first_approver: found.first_approved_by.as_ref().map(|n| n.id),
    };
    let to = approval_step(&asked, threshold, user.id)?;
    school
        .decide_purchase(v.actor(), id, (found.summary.state, to), None)
        .await
}

/// Refuses a purchase still waiting for approval, with the admin's reason.
pub async fn refuse(st: &AppState, v: &Visitor, id: Uuid, reason: &str) -> AppResult<Purchase> {
    v.require(approves_purchases)?;
    let reason = bounded_text(Field::Reason, reason, 200)?;
    let found = get(st, v, id).await?;
    let to = step(found.summary.state, PurchaseState::Refused)?;
    st.school(v)?
        .decide_purchase(v.actor(), id, (found.summary.state, to), Some(reason))
        .await
}

/// Withdraws a purchase still waiting for approval: only the one who asked.
pub async fn withdraw(st: &AppState, v: &Visitor, id: Uuid) -> AppResult<Purchase> {
    let user = v.require(requests_purchases)?;
    let found = get(st, v, id).await?;
    if found.summary.requested_by.id != user.id {
        return Err(AppError::Forbidden);
    }
    let to = step(found.summary.state, PurchaseState::Withdrawn)?;
    st.school(v)?
        .decide_purchase(v.actor(), id, (found.summary.state, to), None)
        .await
}

/// Accepts the delivery of an approved purchase (the keeper).
pub async fn accept(
    st: &AppState,
    v: &Visitor,
    id: Uuid,
    input: &AcceptInput,
) -> AppResult<Purchase> {
    v.require(keeps_purchases)?;
    let school = st.school(v)?;
    let (state, ordered) = school.purchase_order(id).await?.ok_or(AppError::NotFound)?;
    step(state, PurchaseState::Accepted)?;
    let acceptance = Acceptance::parse(input, &ordered)?;
    school
        .accept_purchase(v.actor(), id, acceptance, school_today())
        .await
}

/// Marks an accepted purchase reimbursed with its voucher's number (the keeper).
pub async fn reimburse(st: &AppState, v: &Visitor, id: Uuid, raw: &str) -> AppResult<Purchase> {
    v.require(keeps_purchases)?;
    let voucher = voucher(raw)?;
    let school = st.school(v)?;
    let (state, _) = school.purchase_order(id).await?.ok_or(AppError::NotFound)?;
    step(state, PurchaseState::Reimbursed)?;
    school.reimburse_purchase(v.actor(), id, &voucher).await
}

/// The year's budget and what has been spent against it: this month's when `year` is this
/// year, else its December's (the keeper and the admins).
pub async fn spending(st: &AppState, v: &Visitor, year: i64) -> AppResult<Spending> {
    v.require(sees_all)?;
    let year = budget_year(year)?;
    let today = school_today();
    let month = if today.year() == year {
        today.format("%Y-%m").to_string()
    } else {
        format!("{year}-12")
    };
    let school = st.school(v)?;
    let budget = school.purchase_budget(year).await?;
    let spent = school.purchase_spending(&month).await?;
    Ok(Spending {
        year,
        month,
        budget,
        month_spent_fen: spent.month_fen,
        year_spent_fen: spent.year_fen,
        waiting: spent.waiting,
    })
}

/// Sets the year's budget and threshold (an admin).
pub async fn set_budget(
    st: &AppState,
    v: &Visitor,
    year: i64,
    input: BudgetInput,
) -> AppResult<Spending> {
    v.require(approves_purchases)?;
    let year_checked = budget_year(year)?;
    let budget = input.check()?;
    st.school(v)?
        .set_purchase_budget(v.actor(), year_checked, budget)
        .await?;
    spending(st, v, year).await
}
