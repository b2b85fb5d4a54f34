//! Small view pieces shared by the pages.

pub mod chart;
pub mod checklist_editor;
pub mod compensation;
pub mod editors;
pub mod fields;
pub mod frame;
pub mod history;
pub mod import;
pub mod import_preview;
pub mod inspect;
pub mod labels;
#[cfg(feature = "hydrate")]
pub mod net;
pub mod records;
pub mod report_card;
pub mod round_forms;
pub mod schedule_form;
pub mod script_text;
pub mod standing;
pub mod stocktake_forms;
