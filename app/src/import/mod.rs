//! Bringing a school's existing register (资产登记表, usually exported from the district's asset
//! system into Excel) into Rounds: finding the header row under the title rows, knowing the
//! asset card's columns by their Chinese names and synonyms, and reading the cells as schools
//! write them. The rules only; reading the file and committing it is the server's.

pub mod cells;
pub mod columns;
