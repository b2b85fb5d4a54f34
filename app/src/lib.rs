//! Rounds: the Leptos app, rendered on the server (islands mode) and hydrated island by island.

pub mod components;
pub mod dashboard;
pub mod domain;
pub mod drills;
pub mod duties;
pub mod error;
pub mod forms;
pub mod i18n;
pub mod import;
pub mod inspections;
pub mod keys;
pub mod labels;
pub mod ledgers;
pub mod model;
#[cfg(feature = "ssr")]
pub mod pages;
pub mod purchases;
pub mod rounds;
pub mod server_fns;
pub mod session;
#[cfg(feature = "ssr")]
mod shell;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod stocktake;
pub mod supplies;

pub use session::Session;
#[cfg(feature = "ssr")]
pub use shell::{shell, App};

/// Entry point of the wasm: hydrates the islands on the page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
