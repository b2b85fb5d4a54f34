//! Label printing for the asset manager and the admin: a job in, one PDF out; custom stocks;
//! the print log.

use super::paging::PageParams;
use super::{parse_json, Query, RestError, RestResult};
use app::labels::{custom_stock_name, LabelJob, Stock, StockSpec};
use app::model::PrintJob;
use app::ssr::labels::print;
use app::ssr::state::AppState;
use app::ssr::visitor::Visitor;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::Serialize;

fn printer(v: &Visitor) -> RestResult<()> {
    v.require(|r| r.manages_register())
        .map(|_| ())
        .map_err(RestError)
}

/// `POST /api/v1/labels`: the job as one PDF; the print is logged.
pub async fn print_labels(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> RestResult<Response> {
    printer(&v)?;
    let job: LabelJob = parse_json(&body)?;
    let printed = print::print(&st, &v, &job, v.lang).await?;
    let filename = format!("labels-{}.pdf", printed.labels);
    let mut res = printed.pdf.into_response();
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pdf"),
    );
    let number = |n: usize| HeaderValue::from(n as u64);
    headers.insert("x-label-count", number(printed.labels));
    headers.insert("x-page-count", number(printed.pages));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

#[derive(Serialize)]
pub struct StockOut {
    name: String,
    built_in: bool,
    labels_per_page: usize,
    #[serde(flatten)]
    spec: StockSpec,
}

fn stock_out(stock: &Stock, built_in: bool) -> StockOut {
    StockOut {
        name: stock.key.clone(),
        built_in,
        labels_per_page: stock.per_page(),
        spec: stock.spec(),
    }
}

/// `GET /api/v1/label-stocks`: the built-in stocks, then the saved ones.
pub async fn list_stocks(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
) -> RestResult<Json<Vec<StockOut>>> {
    printer(&v)?;
    let custom = st.school(&v)?.custom_stocks().await?;
    let built_in = Stock::all_built_in();
    let all = built_in.iter().map(|s| stock_out(s, true));
    Ok(Json(
        all.chain(custom.iter().map(|s| stock_out(s, false)))
            .collect(),
    ))
}

/// `PUT /api/v1/label-stocks/{name}`: saves (or replaces) a custom stock after the same
/// checks a job's stock passes.
pub async fn save_stock(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(name): Path<String>,
    body: Bytes,
) -> RestResult<Json<StockOut>> {
    printer(&v)?;
    let name = custom_stock_name(&name)?;
    let spec: StockSpec = parse_json(&body)?;
    let stock = spec.validate(&name)?;
    let saved = st.school(&v)?.save_stock(v.actor(), &stock).await?;
    Ok(Json(stock_out(&saved, false)))
}

/// `GET /api/v1/labels/jobs`: the newest printed jobs.
pub async fn print_log(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(page): Query<PageParams>,
) -> RestResult<Json<Vec<PrintJob>>> {
    printer(&v)?;
    let paging = page.paging()?;
    st.school(&v)?
        .recent_prints(paging)
        .await
        .map(Json)
        .map_err(RestError)
}
