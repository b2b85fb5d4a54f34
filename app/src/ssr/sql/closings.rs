//! Closed periods (周周清、月月清): the closings, their reopening, and the check that a record
//! falls in a closed period.

use super::checklists::json;
use super::damage::duty_holder;
use super::history::record;
use super::rows::{get, named, person};
use super::SqlStore;
use crate::domain::{Field, Invalid, Problem};
use crate::error::{AppError, AppResult};
use crate::ledgers::closing::{Closing, Reopening};
use crate::model::Named;
use crate::ssr::clock::school_time_at;
use crate::ssr::db::{query, Conn, Row};
use crate::ssr::ledgers::store::{ClosingStore, NewClosing};
use crate::ssr::store::{Actor, Entity};
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

const CLOSING_SELECT: &str = "SELECT c.id, c.ledger, c.period, c.closed_at, c.open_items, \
     c.sha256, c.reopened_at, c.reopen_reason, cb.id AS cb_id, cb.display_name AS cb_name, \
     rb.id AS rb_id, rb.display_name AS rb_name FROM ledger_closings c \
     JOIN users cb ON cb.id = c.closed_by LEFT JOIN users rb ON rb.id = c.reopened_by \
     WHERE c.school_id = $school";

fn closing(row: &Row) -> AppResult<Closing> {
    let items: serde_json::Value = get(row, "open_items")?;
    let reopened_at: Option<DateTime<Utc>> = get(row, "reopened_at")?;
    let reopened_by = named(row, "rb_id", "rb_name").map_err(AppError::internal)?;
    let reopened = match (reopened_at, reopened_by) {
        (Some(at), Some(by)) => Some(Reopening {
            by,
            at: school_time_at(at),
            reason: get::<Option<String>>(row, "reopen_reason")?.unwrap_or_default(),
        }),
        _ => None,
    };
    Ok(Closing {
        id: get(row, "id")?,
        ledger: get(row, "ledger")?,
        period: get(row, "period")?,
        closed_by: person(row, "cb_id", "cb_name")?,
        closed_at: school_time_at(get(row, "closed_at")?),
        open_items: serde_json::from_value(items).map_err(AppError::internal)?,
        sha256: get(row, "sha256")?,
        reopened,
    })
}

/// The period (`2026-11`, `2026-W48`) of a closing of `ledger` in force that covers `day`.
pub(super) async fn closed_period(
    conn: &mut Conn,
    ledger: &str,
    day: NaiveDate,
) -> AppResult<Option<String>> {
    let period: Option<String> = query(
        "SELECT period FROM ledger_closings WHERE school_id = $school AND ledger = $1 \
         AND first_day <= $2 AND next_day > $2 AND reopened_at IS NULL ORDER BY first_day LIMIT 1",
    )
    .bind(ledger)
    .bind(day.to_string())
    .fetch_optional(&mut *conn)
    .await?
    .map(|row| get(&row, "period"))
    .transpose()?;
    Ok(period)
}

impl SqlStore {
    async fn closing_where(&self, filter: &str, args: &[&str]) -> AppResult<Vec<Closing>> {
        let sql = format!("{CLOSING_SELECT} {filter} ORDER BY c.closed_at, c.id");
        let q = args.iter().fold(query(sql), |q, a| q.bind(*a));
        let rows = q.fetch_all(&self.db).await?;
        rows.iter().map(closing).collect()
    }

    async fn closing_by_id(&self, id: Uuid) -> AppResult<Closing> {
        let sql = format!("{CLOSING_SELECT} AND c.id = $1");
        let row = query(sql)
            .bind(id)
            .fetch_optional(&self.db)
            .await?
            .ok_or(AppError::NotFound)?;
        closing(&row)
    }
}

#[async_trait::async_trait]
impl ClosingStore for SqlStore {
    async fn duty_holder(&self, duty: &str) -> AppResult<Option<Named>> {
        let mut conn = self.db.read().await?;
        duty_holder(&mut conn, duty).await
    }

    async fn closings_of(&self, period: &str) -> AppResult<Vec<Closing>> {
        self.closing_where("AND c.period = $1", &[period]).await
    }

    async fn closing_in_force(&self, ledger: &str, period: &str) -> AppResult<Option<Closing>> {
        let filter = "AND c.ledger = $1 AND c.period = $2 AND c.reopened_at IS NULL";
        Ok(self.closing_where(filter, &[ledger, period]).await?.pop())
    }

    async fn close_period(&self, actor: Actor, c: NewClosing) -> AppResult<Closing> {
        let by = actor.0.ok_or(AppError::Unauthorized)?;
        let mut tx = self.write().await?;
        query(
            "INSERT INTO ledger_closings (id, school_id, ledger, period, first_day, next_day, \
             closed_by, closed_at, open_items, sha256) \
             VALUES ($1, $school, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(c.id)
        .bind(&c.ledger)
        .bind(&c.period.name)
        .bind(c.period.first.to_string())
        .bind(c.period.next.to_string())
        .bind(by)
        .bind(Utc::now())
        .bind(json(&c.open_items)?)
        .bind(&c.sha256)
        .execute(&mut *tx)
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(d) if d.is_unique_violation() => {
                Invalid::new(Field::Ledger, Problem::AlreadyClosed).into()
            }
            _ => AppError::internal(e),
        })?;
        let after = serde_json::json!({
            "ledger": c.ledger, "period": c.period.name, "open_items": c.open_items.len(),
            "sha256": c.sha256,
        });
        record(
            &mut tx,
            actor,
            Entity::LedgerClosing,
            c.id,
            "create",
            None,
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        self.closing_by_id(c.id).await
    }

    async fn reopen_period(&self, actor: Actor, id: Uuid, reason: String) -> AppResult<Closing> {
        let by = actor.0.ok_or(AppError::Unauthorized)?;
        let mut tx = self.write().await?;
        let done = query(
            "UPDATE ledger_closings SET reopened_by = $1, reopened_at = $2, reopen_reason = $3 \
             WHERE id = $4 AND school_id = $school AND reopened_at IS NULL",
        )
        .bind(by)
        .bind(Utc::now())
        .bind(&reason)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(AppError::NotFound);
        }
        let before = serde_json::json!({ "reopened": false });
        let after = serde_json::json!({ "reopened": true, "reason": reason });
        record(
            &mut tx,
            actor,
            Entity::LedgerClosing,
            id,
            "update",
            Some(&before),
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        self.closing_by_id(id).await
    }
}
