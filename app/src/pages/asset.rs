//! `/assets/:id`: an asset's record.

use super::{loaded, param};
use crate::components::frame::Frame;
use crate::components::records::AssetRecord;
use crate::server_fns::pages::asset_page;
use leptos::prelude::*;

#[component]
pub fn AssetPage() -> impl IntoView {
    view! { <Frame>{loaded(asset_page(param("id")), |view| view! { <AssetRecord view/> })}</Frame> }
}
