//! What only the server may touch. One folder per area (people, register, labels, photos,
//! inspections, compensation, rounds, sync, school), each with its service code and its store
//! trait; `sqlite/` implements every store trait; `store.rs` joins them into one [`store::Store`].

pub mod clock;
pub mod compensation;
pub mod inspections;
pub mod labels;
pub mod people;
pub mod photos;
pub mod register;
pub mod rounds;
pub mod school;
pub mod sqlite;
pub mod state;
pub mod store;
pub mod sync;
pub mod visitor;
