//! `GET /api/v1/dashboard`: the dashboard's figures (asset manager, admin), labels in the
//! caller's language.

use super::{RestError, RestResult};
use app::dashboard::Dashboard;
use app::ssr::state::AppState;
use app::ssr::visitor::Visitor;
use axum::extract::State;
use axum::{Extension, Json};

pub async fn dashboard(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
) -> RestResult<Json<Dashboard>> {
    app::ssr::dashboard::dashboard(&st, &v)
        .await
        .map(Json)
        .map_err(RestError)
}
