//! Small view pieces shared by the pages.

#[cfg(feature = "ssr")]
pub mod answer_forms;
pub mod chart;
#[cfg(feature = "ssr")]
pub mod checklist_editor;
#[cfg(feature = "ssr")]
pub mod compensation;
#[cfg(feature = "ssr")]
pub mod editors;
pub mod fields;
pub mod frame;
pub mod history;
#[cfg(any(feature = "ssr", feature = "islands-import"))]
pub mod import;
#[cfg(any(feature = "ssr", feature = "islands-import"))]
pub mod import_preview;
#[cfg(any(feature = "ssr", feature = "islands-inspect"))]
pub mod inspect;
#[cfg(any(feature = "ssr", feature = "islands-labels"))]
pub mod labels;
#[cfg(feature = "hydrate")]
pub mod net;
#[cfg(feature = "ssr")]
pub mod people_forms;
pub mod records;
pub mod report_card;
#[cfg(feature = "ssr")]
pub mod round_forms;
#[cfg(any(feature = "ssr", feature = "islands-forms"))]
pub mod saving_form;
#[cfg(feature = "ssr")]
pub mod schedule_form;
pub mod script_text;
pub mod standing;
#[cfg(feature = "ssr")]
pub mod stocktake_forms;
