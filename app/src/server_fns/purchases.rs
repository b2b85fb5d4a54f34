//! The purchasing pages' data and actions: everyone of the school asks for purchases and sees
//! their own; the admins approve or refuse and set the budget; the keeper (the asset manager or
//! the admin) accepts deliveries and marks them reimbursed.

use super::Saved;
#[cfg(feature = "ssr")]
use super::{asker, count, fen, optional_fen};
use crate::error::AppError;
use crate::model::Named;
use crate::purchases::{Purchase, PurchaseSummary, Spending};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The purchasing page: the purchases the asker sees, the year's budget (for the keeper and the
/// admins), the store's items a line may buy more of, and what the asker may do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PurchasesView {
    pub purchases: Vec<PurchaseSummary>,
    pub spending: Option<Spending>,
    pub items: Vec<Named>,
    pub approves: bool,
}

/// One purchase's page and what the asker may do with it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PurchaseView {
    pub purchase: Purchase,
    pub approves: bool,
    pub keeps: bool,
    pub mine: bool,
}

/// One line of the request form: a store item (`item`) or a new asset (`name`, `category`);
/// a row without a quantity is left out.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LineDraft {
    #[serde(default)]
    pub item: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub quantity: String,
    /// Yuan, as typed.
    #[serde(default)]
    pub price: String,
}

/// The request form as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PurchaseDraft {
    pub reason: String,
    pub budget: String,
    #[serde(default)]
    pub supplier: String,
    #[serde(default)]
    pub lines: Vec<LineDraft>,
}

/// What came of one line, as the acceptance form gives it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeliveredDraft {
    pub line: String,
    #[serde(default)]
    pub received: String,
    /// Yuan, as typed; the estimate when empty.
    #[serde(default)]
    pub price: String,
}

/// The acceptance form as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeliveryDraft {
    pub id: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub lines: Vec<DeliveredDraft>,
}

/// To the purchase's page, reloaded.
#[cfg(feature = "ssr")]
fn purchase_page(id: uuid::Uuid) -> Saved {
    Saved {
        url: format!("/purchases/{id}?saved={}", uuid::Uuid::now_v7()),
    }
}

#[server(prefix = "/sf", endpoint = "purchase_desk")]
pub async fn purchase_desk(state: String) -> Result<PurchasesView, AppError> {
    use crate::model::{ListQuery, Paging};
    use crate::purchases::{
        approves_purchases, keeps_purchases, requests_purchases, PurchaseState,
    };
    use chrono::Datelike;
    let (v, st) = asker(requests_purchases)?;
    let role = v.signed_in()?.role;
    let state = match state.trim() {
        "" => None,
        raw => Some(PurchaseState::parse(raw)?),
    };
    let purchases = crate::ssr::purchases::list(&st, &v, state, Paging::first(100)).await?;
    let spending = if keeps_purchases(role) || approves_purchases(role) {
        let year = crate::ssr::clock::school_today().year();
        Some(crate::ssr::purchases::spending(&st, &v, i64::from(year)).await?)
    } else {
        None
    };
    let list = ListQuery {
        limit: Some(ListQuery::MAX_LIMIT),
        ..ListQuery::default()
    };
    let filter = crate::ssr::supplies::store::ItemFilter {
        list,
        ..Default::default()
    };
    let items = crate::ssr::supplies::items(&st, &v, filter)
        .await?
        .items
        .into_iter()
        .map(|i| Named {
            id: i.id,
            name: format!("{}（{}）", i.name, i.unit),
        })
        .collect();
    Ok(PurchasesView {
        purchases,
        spending,
        items,
        approves: approves_purchases(role),
    })
}

#[server(prefix = "/sf", endpoint = "purchase_card")]
pub async fn purchase_card(id: String) -> Result<PurchaseView, AppError> {
    use crate::purchases::{approves_purchases, keeps_purchases, requests_purchases};
    let (v, st) = asker(requests_purchases)?;
    let user = v.signed_in()?;
    let purchase = crate::ssr::purchases::get(&st, &v, super::parse_id(&id)?).await?;
    Ok(PurchaseView {
        mine: purchase.summary.requested_by.id == user.id,
        approves: approves_purchases(user.role),
        keeps: keeps_purchases(user.role),
        purchase,
    })
}

#[server(prefix = "/sf", endpoint = "request_purchase")]
pub async fn request_purchase(form: PurchaseDraft) -> Result<Saved, AppError> {
    use crate::domain::Field;
    use crate::purchases::{requests_purchases, LineInput, PurchaseInput};
    let (v, st) = asker(requests_purchases)?;
    let mut lines = Vec::new();
    for row in form.lines.iter().filter(|r| !r.quantity.trim().is_empty()) {
        let item = row.item.trim();
        let line = LineInput {
            kind: if item.is_empty() { "asset" } else { "supply" }.into(),
            item_id: (!item.is_empty())
                .then(|| super::parse_id(item))
                .transpose()?,
            name: Some(row.name.clone()),
            category: Some(row.category.clone()),
            quantity: count(&row.quantity, Field::Quantity)?,
            estimate_fen: fen(&row.price, Field::Price)?,
        };
        lines.push(line);
    }
    let input = PurchaseInput {
        reason: form.reason,
        budget: form.budget,
        supplier: Some(form.supplier),
        lines,
    };
    let made = crate::ssr::purchases::request(&st, &v, &input).await?;
    Ok(purchase_page(made.summary.id))
}

/// An admin's `approve` or `refuse` (with a reason), or the asker's `withdraw`.
#[server(prefix = "/sf", endpoint = "answer_purchase")]
pub async fn answer_purchase(
    id: String,
    answer: String,
    reason: String,
) -> Result<Saved, AppError> {
    use crate::domain::{Field, Invalid, Problem};
    use crate::purchases::requests_purchases;
    use crate::ssr::purchases as p;
    let (v, st) = asker(requests_purchases)?;
    let id = super::parse_id(&id)?;
    match answer.as_str() {
        "approve" => p::approve(&st, &v, id).await?,
        "refuse" => p::refuse(&st, &v, id, &reason).await?,
        "withdraw" => p::withdraw(&st, &v, id).await?,
        _ => return Err(Invalid::new(Field::Status, Problem::UnknownChoice).into()),
    };
    Ok(purchase_page(id))
}

#[server(prefix = "/sf", endpoint = "accept_purchase")]
pub async fn accept_purchase(form: DeliveryDraft) -> Result<Saved, AppError> {
    use crate::domain::Field;
    use crate::purchases::{keeps_purchases, AcceptInput, DeliveredInput};
    let (v, st) = asker(keeps_purchases)?;
    let id = super::parse_id(&form.id)?;
    let mut lines = Vec::with_capacity(form.lines.len());
    for row in &form.lines {
        let unit_price_fen = optional_fen(&row.price, Field::Price)?;
        lines.push(DeliveredInput {
            line_id: super::parse_id(&row.line)?,
            received: count(&row.received, Field::Quantity)?,
            unit_price_fen,
            room_id: None,
        });
    }
    let input = AcceptInput {
        lines,
        photos: Vec::new(),
        note: Some(form.note),
    };
    crate::ssr::purchases::accept(&st, &v, id, &input).await?;
    Ok(purchase_page(id))
}

#[server(prefix = "/sf", endpoint = "reimburse_purchase")]
pub async fn reimburse_purchase(id: String, voucher: String) -> Result<Saved, AppError> {
    use crate::purchases::keeps_purchases;
    let (v, st) = asker(keeps_purchases)?;
    let id = super::parse_id(&id)?;
    crate::ssr::purchases::reimburse(&st, &v, id, &voucher).await?;
    Ok(purchase_page(id))
}

#[server(prefix = "/sf", endpoint = "save_purchase_budget")]
pub async fn save_purchase_budget(
    year: String,
    monthly: String,
    yearly: String,
    threshold: String,
) -> Result<Saved, AppError> {
    use crate::domain::Field;
    use crate::purchases::{approves_purchases, BudgetInput};
    let (v, st) = asker(approves_purchases)?;
    let budget = BudgetInput {
        monthly_fen: fen(&monthly, Field::Budget)?,
        yearly_fen: fen(&yearly, Field::Budget)?,
        threshold_fen: fen(&threshold, Field::Threshold)?,
    };
    let year = count(&year, Field::Period)?;
    crate::ssr::purchases::set_budget(&st, &v, year, budget).await?;
    Ok(Saved {
        url: format!("/purchases?saved={}", uuid::Uuid::now_v7()),
    })
}
