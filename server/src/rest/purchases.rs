//! Purchasing under `/api/v1/purchases` and `/api/v1/purchase-budgets` (采购 → 审批 → 验收 →
//! 入库 → 报销): anyone of the school asks for a purchase; an admin approves or refuses it; the
//! keeper accepts the delivery and marks it reimbursed; the admins set the year's budget.

use super::paging::PageParams;
use super::supplies::RefuseRequest;
use super::Query;
use super::{parse_json, path_id as id, RestResult};
use app::domain::{Field, Invalid, Problem};
use app::error::AppError;
use app::purchases::{
    approves_purchases, keeps_purchases, requests_purchases, AcceptInput, BudgetInput, Purchase,
    PurchaseInput, PurchaseState, PurchaseSummary, Spending,
};
use app::ssr::purchases;
use app::ssr::state::AppState;
use app::ssr::visitor::Visitor;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct PurchaseParams {
    state: Option<String>,
    #[serde(flatten)]
    page: PageParams,
}

/// `GET /api/v1/purchases?state=requested`: every purchase for the keeper and the admins, one's
/// own for anyone else; those waiting for approval first.
pub async fn list(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<PurchaseParams>,
) -> RestResult<Json<Vec<PurchaseSummary>>> {
    v.require(requests_purchases)?;
    let state = match p.state.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(raw) => Some(PurchaseState::parse(raw)?),
    };
    let paging = p.page.paging()?;
    Ok(Json(purchases::list(&st, &v, state, paging).await?))
}

/// `POST /api/v1/purchases`: asks for a purchase.
pub async fn request(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> RestResult<(StatusCode, Json<Purchase>)> {
    v.require(requests_purchases)?;
    let input: PurchaseInput = parse_json(&body)?;
    let made = purchases::request(&st, &v, &input).await?;
    Ok((StatusCode::CREATED, Json(made)))
}

/// `GET /api/v1/purchases/{id}`: the purchase with its lines, steps, photos and new assets.
pub async fn get_one(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<Json<Purchase>> {
    v.require(requests_purchases)?;
    Ok(Json(purchases::get(&st, &v, id(&raw)?).await?))
}

/// `POST /api/v1/purchases/{id}/approve`: an admin's approval (a second admin's above the
/// year's threshold).
pub async fn approve(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<Json<Purchase>> {
    v.require(approves_purchases)?;
    Ok(Json(purchases::approve(&st, &v, id(&raw)?).await?))
}

/// `POST /api/v1/purchases/{id}/refuse` `{reason}`: an admin refuses it.
pub async fn refuse(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> RestResult<Json<Purchase>> {
    v.require(approves_purchases)?;
    let purchase = id(&raw)?;
    let req: RefuseRequest = parse_json(&body)?;
    Ok(Json(
        purchases::refuse(&st, &v, purchase, &req.reason).await?,
    ))
}

/// `POST /api/v1/purchases/{id}/withdraw`: the one who asked takes it back.
pub async fn withdraw(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<Json<Purchase>> {
    v.require(requests_purchases)?;
    Ok(Json(purchases::withdraw(&st, &v, id(&raw)?).await?))
}

/// `POST /api/v1/purchases/{id}/accept`: the keeper accepts the delivery (验收), which receives
/// the supplies and registers the new assets.
pub async fn accept(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> RestResult<Json<Purchase>> {
    v.require(keeps_purchases)?;
    let purchase = id(&raw)?;
    let input: AcceptInput = parse_json(&body)?;
    Ok(Json(purchases::accept(&st, &v, purchase, &input).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReimburseRequest {
    voucher: String,
}

/// `POST /api/v1/purchases/{id}/reimburse` `{voucher}`: marks it reimbursed (报销).
pub async fn reimburse(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> RestResult<Json<Purchase>> {
    v.require(keeps_purchases)?;
    let purchase = id(&raw)?;
    let req: ReimburseRequest = parse_json(&body)?;
    Ok(Json(
        purchases::reimburse(&st, &v, purchase, &req.voucher).await?,
    ))
}

/// A budget year from the path.
fn year(raw: &str) -> Result<i64, AppError> {
    raw.trim()
        .parse()
        .map_err(|_| Invalid::new(Field::Period, Problem::Malformed).into())
}

/// `GET /api/v1/purchase-budgets/{year}`: the year's budget and what was spent against it.
pub async fn budget(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<Json<Spending>> {
    v.require(|r| keeps_purchases(r) || approves_purchases(r))?;
    Ok(Json(purchases::spending(&st, &v, year(&raw)?).await?))
}

/// `PUT /api/v1/purchase-budgets/{year}`: an admin sets the year's budget and threshold.
pub async fn set_budget(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> RestResult<Json<Spending>> {
    v.require(approves_purchases)?;
    let year = year(&raw)?;
    let input: BudgetInput = parse_json(&body)?;
    Ok(Json(purchases::set_budget(&st, &v, year, input).await?))
}
