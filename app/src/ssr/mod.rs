//! What only the server may touch: the store, passwords and sessions, the demo school.

pub mod auth;
pub mod calendar;
pub mod checklists;
pub mod clock;
pub mod compensating;
pub mod demo;
pub mod inspecting;
pub mod labels;
pub mod photos;
pub mod rounds;
pub mod session_cache;
pub mod sqlite;
pub mod state;
pub mod store;
pub mod syncing;
pub mod visitor;
