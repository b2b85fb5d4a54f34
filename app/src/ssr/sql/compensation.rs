//! Compensation cases and the replacement-value rule.

use super::damage::on_record;
use super::history::record;
use super::{db_error, SqlStore};
use crate::domain::{Field, Invalid, Problem};
use crate::error::{AppError, AppResult};
use crate::inspections::compensation::{
    Basis, CaseStatus, Compensation, DepreciationRule, PartyKind,
};
use crate::model::Named;
use crate::model::Paging;
use crate::ssr::clock::school_time;
use crate::ssr::compensation::store::CompensationStore;
use crate::ssr::compensation::store::{CaseEnd, CaseFilter, CompensationDraft};
use crate::ssr::db::{query, query_scalar, Row, Tx};
use crate::ssr::store::{Actor, Entity};
use chrono::Utc;
use uuid::Uuid;

const RULE_KEY: &str = "compensation.depreciation";

const CASE_SELECT: &str = "SELECT c.id, c.damage_report_id, c.party_kind, c.party_name, c.party_class, \
    c.basis, c.amount_fen, c.semester, c.status, c.paid_on, c.receipt_no, c.received_by, c.waive_reason, \
    c.created_at, d.description, a.id AS a_id, a.name AS a_name, a.asset_code \
    FROM compensations c JOIN damage_reports d ON d.id = c.damage_report_id \
    LEFT JOIN assets a ON a.id = d.asset_id WHERE c.school_id = $school";

fn case(row: &Row) -> AppResult<Compensation> {
    let get = |e: sqlx::Error| AppError::internal(e);
    let text = |c: &str| row.try_get::<String, _>(c).map_err(get);
    let opt = |c: &str| row.try_get::<Option<String>, _>(c).map_err(get);
    let code = |e: Invalid| AppError::internal(format!("stored code: {e:?}"));
    let a_id: Option<Uuid> = row.try_get("a_id").map_err(get)?;
    Ok(Compensation {
        id: row.try_get("id").map_err(get)?,
        damage_report_id: row.try_get("damage_report_id").map_err(get)?,
        asset: a_id
            .zip(opt("a_name")?)
            .map(|(id, name)| Named { id, name }),
        asset_code: opt("asset_code")?,
        damage: text("description")?,
        party_kind: PartyKind::parse(&text("party_kind")?).map_err(code)?,
        party_name: text("party_name")?,
        party_class: opt("party_class")?,
        basis: Basis::parse(&text("basis")?).map_err(code)?,
        amount_fen: row.try_get("amount_fen").map_err(get)?,
        semester: text("semester")?,
        status: CaseStatus::parse(&text("status")?).map_err(code)?,
        paid_on: opt("paid_on")?,
        receipt_no: opt("receipt_no")?,
        received_by: opt("received_by")?,
        waive_reason: opt("waive_reason")?,
        created_at: school_time(text("created_at")?),
    })
}

impl SqlStore {
    /// Records the change in the history, commits, and reads the case back.
    async fn finish(
        &self,
        mut tx: Tx,
        actor: Actor,
        id: Uuid,
        action: &str,
        before: Option<&serde_json::Value>,
        after: &serde_json::Value,
    ) -> AppResult<Compensation> {
        record(
            &mut tx,
            actor,
            Entity::Compensation,
            id,
            action,
            before,
            Some(after),
        )
        .await?;
        tx.commit().await?;
        self.compensation(id)
            .await?
            .ok_or_else(|| AppError::internal("case vanished"))
    }

    pub(super) async fn rule(&self) -> AppResult<DepreciationRule> {
        let stored: Option<String> =
            query_scalar("SELECT value FROM settings WHERE key = $1 AND school_id = $school")
                .bind(RULE_KEY)
                .fetch_optional(&self.db)
                .await?;
        Ok(stored
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default())
    }
}

#[async_trait::async_trait]
impl CompensationStore for SqlStore {
    async fn depreciation_rule(&self) -> AppResult<DepreciationRule> {
        self.rule().await
    }

    async fn set_depreciation_rule(&self, actor: Actor, rule: DepreciationRule) -> AppResult<()> {
        let before = self.rule().await?;
        let mut tx = self.write().await?;
        let value = serde_json::to_string(&rule).map_err(AppError::internal)?;
        query(
            "INSERT INTO settings (key, value, school_id) VALUES ($1, $2, $school) \
             ON CONFLICT (school_id, key) DO UPDATE SET value = excluded.value",
        )
        .bind(RULE_KEY)
        .bind(value)
        .execute(&mut *tx)
        .await?;
        record(
            &mut tx,
            actor,
            Entity::Setting,
            Uuid::nil(),
            "update",
            Some(&before),
            Some(&rule),
        )
        .await?;
        Ok(tx.commit().await?)
    }

    async fn open_compensation(
        &self,
        actor: Actor,
        d: CompensationDraft,
    ) -> AppResult<Compensation> {
        let mut tx = self.write().await?;
        let id = Uuid::now_v7();
        let now = Utc::now();
        query(
            "INSERT INTO compensations (id, damage_report_id, party_kind, party_name, party_class, \
             basis, amount_fen, semester, status, created_by, created_at, updated_at, school_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $10, $10, $school)",
        )
        .bind(id)
        .bind(d.damage_report_id)
        .bind(d.party_kind.code())
        .bind(&d.party_name)
        .bind(&d.party_class)
        .bind(d.basis.code())
        .bind(d.amount.fen())
        .bind(&d.semester)
        .bind(actor.0)
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(db_error(Field::Target))?;
        let after = serde_json::json!({
            "damage_report": d.damage_report_id, "party": d.party_name, "class": d.party_class,
            "basis": d.basis.code(), "amount_fen": d.amount.fen(), "status": "open",
        });
        self.finish(tx, actor, id, "create", None, &after).await
    }

    async fn compensations(
        &self,
        filter: &CaseFilter,
        paging: Paging,
    ) -> AppResult<Vec<Compensation>> {
        let open = if filter.open_only {
            "AND c.status = 'open'"
        } else {
            ""
        };
        let on = filter
            .on
            .map(|on| format!("AND {}", on_record(on, 4)))
            .unwrap_or_default();
        let sql = format!(
            "{CASE_SELECT} AND ($1 IS NULL OR c.semester = $1) {open} {on} \
             ORDER BY c.semester DESC, c.party_class, c.id LIMIT $2 OFFSET $3"
        );
        let mut q = query(&sql)
            .bind(filter.semester.as_deref())
            .bind(paging.limit)
            .bind(paging.offset);
        if let Some(on) = filter.on {
            q = q.bind(on.id());
        }
        let rows = q.fetch_all(&self.db).await?;
        rows.iter().map(case).collect()
    }

    async fn compensation(&self, id: Uuid) -> AppResult<Option<Compensation>> {
        let row = query(format!("{CASE_SELECT} AND c.id = $1"))
            .bind(id)
            .fetch_optional(&self.db)
            .await?;
        row.as_ref().map(case).transpose()
    }

    async fn close_compensation(
        &self,
        actor: Actor,
        id: Uuid,
        end: CaseEnd,
    ) -> AppResult<Compensation> {
        let mut tx = self.write().await?;
        let status: String =
            query_scalar("SELECT status FROM compensations WHERE id = $1 AND school_id = $school")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(AppError::NotFound)?;
        if status != CaseStatus::Open.code() {
            return Err(Invalid::new(Field::Status, Problem::BadTransition).into());
        }
        let now = Utc::now();
        let after = match &end {
            CaseEnd::Paid {
                on,
                receipt_no,
                received_by,
            } => {
                query(
                    "UPDATE compensations SET status = 'paid', paid_on = $1, receipt_no = $2, \
                     received_by = $3, updated_at = $4 WHERE id = $5",
                )
                .bind(on)
                .bind(receipt_no)
                .bind(received_by)
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                serde_json::json!({ "status": "paid", "paid_on": on, "receipt_no": receipt_no, "received_by": received_by })
            }
            CaseEnd::Waived { reason } => {
                query(
                    "UPDATE compensations SET status = 'waived', waive_reason = $1, updated_at = $2 WHERE id = $3",
                )
                .bind(reason)
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                serde_json::json!({ "status": "waived", "reason": reason })
            }
        };
        let before = serde_json::json!({ "status": "open" });
        self.finish(tx, actor, id, "update", Some(&before), &after)
            .await
    }
}
