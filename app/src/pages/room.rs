//! `/rooms/:id`: a room's record with its assets.

use super::{loaded, param};
use crate::components::frame::Frame;
use crate::components::records::RoomRecord;
use crate::server_fns::pages::room_page;
use leptos::prelude::*;

#[component]
pub fn RoomPage() -> impl IntoView {
    view! { <Frame>{loaded(room_page(param("id")), |view| view! { <RoomRecord view/> })}</Frame> }
}
