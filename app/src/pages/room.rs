//! `/rooms/:id`: a room's record with its assets.

use super::{loaded, param};
use crate::api::pages::room_page;
use crate::components::frame::Frame;
use crate::components::records::RoomRecord;
use leptos::prelude::*;

#[component]
pub fn RoomPage() -> impl IntoView {
    view! { <Frame>{loaded(room_page(param("id")), |view| view! { <RoomRecord view/> })}</Frame> }
}
