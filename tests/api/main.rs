//! Integration tests: each starts the real server with a fresh demo database.

mod access;
mod auth;
mod backup;
mod closings;
mod compensation;
mod dashboard;
mod exports;
mod hazards;
mod history;
mod imports;
mod inspections;
mod labels;
mod pages;
mod paging;
mod photos;
mod purchases;
mod replicas;
mod roles;
mod rounds;
mod standing;
mod stocktakes;
mod supplies;
mod tags;
mod tenancy;
mod upgrade;
mod validation;
