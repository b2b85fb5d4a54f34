//! The dashboard's reads: open and recent tickets, compensation owed by class.

use super::rows::get;
use super::SqlStore;
use crate::dashboard::{Owed, Ticket};
use crate::error::{AppError, AppResult};
use crate::inspections::compensation::PartyKind;
use crate::ssr::clock::school_date;
use crate::ssr::dashboard::store::DashboardStore;
use crate::ssr::db::query;
use chrono::{DateTime, NaiveDate, Utc};

#[async_trait::async_trait]
impl DashboardStore for SqlStore {
    async fn dashboard_tickets(&self, since: DateTime<Utc>) -> AppResult<Vec<Ticket>> {
        let rows = query(
            "SELECT d.created_at, d.source, d.due_on, a.category, \
             (d.status NOT IN ('closed', 'rejected')) AS is_open \
             FROM damage_reports d LEFT JOIN assets a ON a.id = d.asset_id \
             WHERE d.school_id = $school \
             AND (d.status NOT IN ('closed', 'rejected') OR d.created_at >= $1)",
        )
        .bind(since)
        .fetch_all(&self.db)
        .await?;
        rows.iter()
            .map(|row| {
                let source: String = get(row, "source")?;
                let due_on: Option<String> = get(row, "due_on")?;
                Ok(Ticket {
                    opened: school_date(get(row, "created_at")?),
                    category: get(row, "category")?,
                    hazard: source == "inspection",
                    open: get(row, "is_open")?,
                    due_on: due_on
                        .map(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d"))
                        .transpose()
                        .map_err(AppError::internal)?,
                })
            })
            .collect()
    }

    async fn compensation_owed(&self) -> AppResult<Vec<Owed>> {
        let rows = query(
            "SELECT party_kind, party_class, CAST(SUM(amount_fen) AS BIGINT) AS fen \
             FROM compensations WHERE school_id = $school AND status = 'open' \
             GROUP BY party_kind, party_class",
        )
        .fetch_all(&self.db)
        .await?;
        rows.iter()
            .map(|row| {
                let kind: String = get(row, "party_kind")?;
                Ok(Owed {
                    class: get(row, "party_class")?,
                    kind: PartyKind::parse(&kind).map_err(|_| AppError::internal("party kind"))?,
                    fen: get(row, "fen")?,
                })
            })
            .collect()
    }
}
