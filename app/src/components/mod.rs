//! Small view pieces shared by the pages.

pub mod editors;
pub mod fields;
pub mod frame;
pub mod history;
pub mod labels;
pub mod records;
