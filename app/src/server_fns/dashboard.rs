//! The dashboard page's data (asset manager, admin); the same as `GET /api/v1/dashboard`.

use crate::dashboard::Dashboard;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/sf", endpoint = "dashboard")]
pub async fn dashboard_data() -> Result<Dashboard, AppError> {
    let v = crate::ssr::visitor::visitor();
    let st = crate::ssr::visitor::state()?;
    crate::ssr::dashboard::dashboard(&st, &v).await
}
