//! A tag's QR code as an image: `/t/{CODE}/qr.svg` and `/t/{CODE}/qr.png?size=…`. The code
//! holds nothing but the tag's public URL, so the images need no sign-in and may be cached.

use crate::rest::{RestError, RestResult};
use app::domain::{Field, Invalid, Problem, TagCode};
use app::error::AppError;
use app::ssr::labels::qr::{label_url, QrMatrix};
use app::ssr::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

const DEFAULT_PNG: u32 = 512;
const PNG_SIZES: std::ops::RangeInclusive<u32> = 64..=2048;

fn matrix(st: &AppState, raw: &str) -> RestResult<QrMatrix> {
    let code = TagCode::parse(raw).map_err(|_| AppError::NotFound)?;
    QrMatrix::encode(&label_url(&st.settings.public_url, code.as_str())).map_err(RestError)
}

fn image(body: Vec<u8>, content_type: &'static str) -> Response {
    let mut res = body.into_response();
    let headers = res.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    res
}

pub async fn svg(State(st): State<AppState>, Path(code): Path<String>) -> RestResult<Response> {
    let m = matrix(&st, &code)?;
    Ok(image(m.svg().into_bytes(), "image/svg+xml"))
}

#[derive(Deserialize)]
pub struct PngParams {
    size: Option<String>,
}

pub async fn png(
    State(st): State<AppState>,
    Path(code): Path<String>,
    Query(p): Query<PngParams>,
) -> RestResult<Response> {
    let size = match p.size {
        None => DEFAULT_PNG,
        Some(raw) => raw
            .parse::<u32>()
            .ok()
            .filter(|s| PNG_SIZES.contains(s))
            .ok_or_else(|| {
                let max = *PNG_SIZES.end() as usize;
                RestError(Invalid::new(Field::Query, Problem::AtMost { max }).into())
            })?,
    };
    let m = matrix(&st, &code)?;
    Ok(image(m.png(size)?, "image/png"))
}
