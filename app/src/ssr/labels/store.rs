//! What labels ask of a database: what each selected label says, the print log and custom
//! stocks. Each database implements it beside its SQL (`ssr/sqlite/labels.rs`).

use crate::domain::TagCode;
use crate::error::AppResult;
use crate::labels::{LabelItem, Selection, Stock};
use crate::model::{Paging, PrintJob};
use crate::ssr::store::Actor;
use async_trait::async_trait;
use uuid::Uuid;

/// A printed label job for the print log: the labels' tags in print order, the unassigned
/// tags made for it, and the request as asked.
pub struct PrintRecord {
    pub stock: String,
    pub skip: usize,
    pub tags: Vec<String>,
    pub new_tags: Vec<TagCode>,
    pub request: serde_json::Value,
}

/// What labels say, the print log and the custom label stocks.
#[async_trait]
pub trait LabelStore: Send + Sync {
    /// What each selected label says, in print order; at most `MAX_LABELS` (more is an error),
    /// unknown hand-picked tags are an error naming the first one.
    async fn label_items(&self, selection: &Selection) -> AppResult<Vec<LabelItem>>;
    /// Logs a printed job, creating its new unassigned tags, in one transaction.
    async fn log_print(&self, actor: Actor, job: PrintRecord) -> AppResult<Uuid>;
    /// The print log, newest first.
    async fn recent_prints(&self, paging: Paging) -> AppResult<Vec<PrintJob>>;
    async fn custom_stocks(&self) -> AppResult<Vec<Stock>>;
    async fn custom_stock(&self, name: &str) -> AppResult<Option<Stock>>;
    async fn save_stock(&self, actor: Actor, stock: &Stock) -> AppResult<Stock>;
}
