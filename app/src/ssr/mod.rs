//! What only the server may touch. One folder per area (people, register, import, labels,
//! photos, inspections, compensation, rounds, stocktake, sync, school), each with its service code and its store
//! trait; `sql/` implements every store trait once for SQLite and PostgreSQL (through `db/`);
//! `store.rs` joins them into one [`store::Store`].

pub mod assets;
pub mod clock;
pub mod compensation;
pub mod dashboard;
pub mod db;
pub mod document;
pub mod drills;
pub mod import;
pub mod inspections;
pub mod keys;
pub mod labels;
pub mod ledgers;
pub mod people;
pub mod photos;
pub mod purchases;
pub mod register;
pub mod rounds;
pub mod school;
pub mod sql;
pub mod state;
pub mod stocktake;
pub mod store;
pub mod supplies;
pub mod sync;
pub mod visitor;
