//! What the stocktake pages show, loaded in one call each; the rules live in
//! `crate::ssr::stocktake`, shared with the API.

use crate::error::AppError;
use crate::stocktake::{Stocktake, StocktakeHead};
use leptos::prelude::*;

#[server(prefix = "/sf", endpoint = "stocktakes")]
pub async fn stocktake_list() -> Result<Vec<StocktakeHead>, AppError> {
    use crate::ssr::visitor::{state, visitor};
    crate::ssr::stocktake::list(&state()?, &visitor()).await
}

#[server(prefix = "/sf", endpoint = "stocktake")]
pub async fn stocktake_view(id: String) -> Result<Stocktake, AppError> {
    use crate::ssr::visitor::{state, visitor};
    crate::ssr::stocktake::view(&state()?, &visitor(), super::parse_id(&id)?).await
}
