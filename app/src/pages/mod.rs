//! One file per screen. Pages render on the server only; their data comes from one loader call.

pub mod asset;
pub mod compensations;
pub mod dashboard;
pub mod district;
pub mod drills;
pub mod home;
pub mod inspect;
pub mod keys;
pub mod manage;
pub mod not_found;
pub mod purchases;
pub mod room;
pub mod rounds;
pub mod scan;
pub mod search;
pub mod signin;
pub mod stocktake_count;
pub mod stocktakes;
pub mod supplies;
pub mod tag;

use crate::components::frame::error_notice;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use std::future::Future;

/// Renders `render(data)` once `load` resolves, or the error as a notice.
pub fn loaded<T, Fut, V>(load: Fut, render: impl FnOnce(T) -> V + Send + 'static) -> impl IntoView
where
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
    T: Send + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match load.await {
                    Ok(data) => render(data).into_any(),
                    Err(e) => error_notice(e),
                }
            })}
        </Suspense>
    }
}

/// A path parameter of the current route, or empty.
pub fn param(name: &str) -> String {
    use_params_map()
        .read_untracked()
        .get(name)
        .unwrap_or_default()
}

/// A query parameter of the current URL, or empty.
pub fn query(name: &str) -> String {
    use_query_map()
        .read_untracked()
        .get(name)
        .unwrap_or_default()
}

/// Percent-encodes a query value for a link.
pub fn encode_query(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
