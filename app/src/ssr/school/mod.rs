//! The school: the demo school and generated ones, loaded through the school store.

pub mod demo;
pub mod store;
