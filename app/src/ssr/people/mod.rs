//! People: passwords, sessions and the sign-in throttle's rules, and the store of users (where
//! sessions and sign-in failures live, so every server process sees the same).

pub mod auth;
pub mod sessions;
pub mod store;
