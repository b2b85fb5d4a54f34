//! What the dashboard reads: the tickets it counts and the compensation still owed.

use crate::dashboard::{Owed, Ticket};
use crate::error::AppResult;
use async_trait::async_trait;
use chrono::{DateTime, Utc};

/// The dashboard's figures from the tickets and compensation cases.
#[async_trait]
pub trait DashboardStore: Send + Sync {
    /// Every damage report still open, and every one reported since `since`.
    async fn dashboard_tickets(&self, since: DateTime<Utc>) -> AppResult<Vec<Ticket>>;
    /// The open compensation cases' amounts, summed by party kind and class.
    async fn compensation_owed(&self) -> AppResult<Vec<Owed>>;
}
