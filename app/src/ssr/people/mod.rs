//! People: passwords, sessions and the sign-in throttle, and the store of users.

pub mod auth;
pub mod session_cache;
pub mod store;
