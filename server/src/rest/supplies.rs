//! The supplies store under `/api/v1/supplies` and `/api/v1/supply-requests`: the keeper (the
//! asset manager or the admin) adds items, receives and issues stock; everyone of the school
//! sees the store and asks for what they need.

use super::paging::{flag, PageParams};
use super::Query;
use super::{parse_json, path_id as id, RestError, RestResult};
use app::model::Page;
use app::ssr::state::AppState;
use app::ssr::supplies;
use app::ssr::supplies::store::ItemFilter;
use app::ssr::visitor::Visitor;
use app::supplies::{
    keeps_supplies, requests_supplies, IssueInput, ReceiptInput, RequestInput, RequestState, Shelf,
    SupplyItem, SupplyItemInput, SupplyMove, SupplyRequest,
};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct ItemParams {
    q: Option<String>,
    /// `true` (or `1`): only the items at or below their minimum stock.
    low: Option<String>,
    #[serde(flatten)]
    page: PageParams,
}

/// `GET /api/v1/supplies?low=true&q=`: the store's items by kind and name.
pub async fn list(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<ItemParams>,
) -> RestResult<Json<Page<SupplyItem>>> {
    v.require(requests_supplies)?;
    let filter = ItemFilter {
        list: p.page.with_words(p.q)?,
        low_only: flag(p.low.as_deref())?,
        shelf: None,
    };
    Ok(Json(supplies::items(&st, &v, filter).await?))
}

/// `POST /api/v1/supplies`: adds an item with nothing on hand.
pub async fn add(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> RestResult<(StatusCode, Json<SupplyItem>)> {
    v.require(keeps_supplies)?;
    let input: SupplyItemInput = parse_json(&body)?;
    let item = supplies::add(&st, &v, &input).await?;
    Ok((StatusCode::CREATED, Json(item)))
}

/// `GET /api/v1/supplies/{id}`.
pub async fn get_one(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<Json<SupplyItem>> {
    v.require(requests_supplies)?;
    Ok(Json(supplies::item(&st, &v, id(&raw)?).await?))
}

/// `PUT /api/v1/supplies/{id}`: the item's name, kind, unit, shelf and minimum.
pub async fn edit(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> RestResult<Json<SupplyItem>> {
    v.require(keeps_supplies)?;
    let item = id(&raw)?;
    let input: SupplyItemInput = parse_json(&body)?;
    Ok(Json(supplies::edit(&st, &v, item, &input).await?))
}

/// `POST /api/v1/supplies/{id}/receipts`: stock received (入库登记).
pub async fn receive(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> RestResult<(StatusCode, Json<SupplyMove>)> {
    v.require(keeps_supplies)?;
    let item = id(&raw)?;
    let input: ReceiptInput = parse_json(&body)?;
    let receipt = supplies::receive(&st, &v, item, &input).await?;
    Ok((StatusCode::CREATED, Json(receipt)))
}

/// `POST /api/v1/supplies/{id}/issues`: stock issued to a class or office (领用).
pub async fn issue(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> RestResult<(StatusCode, Json<SupplyMove>)> {
    v.require(keeps_supplies)?;
    let item = id(&raw)?;
    let input: IssueInput = parse_json(&body)?;
    let issued = supplies::issue(&st, &v, item, &input).await?;
    Ok((StatusCode::CREATED, Json(issued)))
}

/// `GET /api/v1/supplies/{id}/moves`: the item's receipts and issues, newest first.
pub async fn moves(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    Query(p): Query<PageParams>,
) -> RestResult<Json<Vec<SupplyMove>>> {
    v.require(keeps_supplies)?;
    let item = id(&raw)?;
    let paging = p.paging()?;
    Ok(Json(supplies::moves(&st, &v, Some(item), paging).await?))
}

/// `GET /api/v1/supply-shelves`: the store's shelves with their tags (the keeper).
pub async fn shelves(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
) -> RestResult<Json<Vec<Shelf>>> {
    v.require(keeps_supplies)?;
    Ok(Json(supplies::shelves(&st, &v).await?))
}

#[derive(Deserialize)]
pub struct RequestParams {
    state: Option<String>,
    #[serde(flatten)]
    page: PageParams,
}

/// `GET /api/v1/supply-requests?state=requested`: everyone's for the keeper, one's own for
/// anyone else.
pub async fn requests(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<RequestParams>,
) -> RestResult<Json<Vec<SupplyRequest>>> {
    v.require(requests_supplies)?;
    let state = match p.state.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(raw) => Some(RequestState::parse(raw)?),
    };
    let paging = p.page.paging()?;
    Ok(Json(
        supplies::requests(&st, &v, (state, None), paging).await?,
    ))
}

/// `POST /api/v1/supply-requests`: asks the store for an item.
pub async fn request(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> RestResult<(StatusCode, Json<SupplyRequest>)> {
    v.require(requests_supplies)?;
    let input: RequestInput = parse_json(&body)?;
    let made = supplies::request(&st, &v, &input).await?;
    Ok((StatusCode::CREATED, Json(made)))
}

/// `GET /api/v1/supply-requests/{id}`.
pub async fn request_by_id(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<Json<SupplyRequest>> {
    v.require(requests_supplies)?;
    Ok(Json(supplies::request_by_id(&st, &v, id(&raw)?).await?))
}

/// `POST /api/v1/supply-requests/{id}/issue`: the keeper issues what it asks for.
pub async fn issue_request(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<(StatusCode, Json<SupplyMove>)> {
    v.require(keeps_supplies)?;
    let issued = supplies::issue_request(&st, &v, id(&raw)?).await?;
    Ok((StatusCode::CREATED, Json(issued)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RefuseRequest {
    pub(super) reason: String,
}

/// `POST /api/v1/supply-requests/{id}/refuse` `{reason}`: the keeper refuses it.
pub async fn refuse(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> RestResult<Json<SupplyRequest>> {
    v.require(keeps_supplies)?;
    let request = id(&raw)?;
    let req: RefuseRequest = parse_json(&body)?;
    supplies::refuse(&st, &v, request, &req.reason)
        .await
        .map(Json)
        .map_err(RestError)
}

/// `POST /api/v1/supply-requests/{id}/withdraw`: the one who asked takes it back.
pub async fn withdraw(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<Json<SupplyRequest>> {
    v.require(requests_supplies)?;
    Ok(Json(supplies::withdraw(&st, &v, id(&raw)?).await?))
}
