//! Inspections: stored with the checklist's wording as filled; each failed item opens a repair
//! ticket in the same transaction.

use super::checklists::json;
use super::closings::closed_period;
use super::damage::{attach_photos, open_report};
use super::history::record;
use super::SqlStore;
use crate::domain::Field;
use crate::error::{AppError, AppResult};
use crate::inspections::{Inspection, Source, Subject};
use crate::ledgers::closing::ClosableLedger;
use crate::model::{Named, Paging};
use crate::rounds::standing::LastInspection;
use crate::ssr::clock::{school_date, school_time, school_time_at};
use crate::ssr::db::{query, time_text, Dialect, QueryBuilder, Row, Tx, SCHOOL};
use crate::ssr::inspections::store::InspectionStore;
use crate::ssr::inspections::store::{DamageDraft, InspectionRecord, LastOfChecklist};
use crate::ssr::store::{Actor, Entity};
use chrono::Utc;
use uuid::Uuid;

/// The asker's school's inspections, each with its repair tickets' ids as a JSON array.
pub(super) fn inspection_select(d: Dialect) -> String {
    format!(
        "SELECT i.id, i.template_id, t.name AS t_name, t.version AS t_version, i.asset_id, \
         i.room_id, u.id AS u_id, u.display_name AS u_name, i.inspected_at, i.answers, i.notes, \
         i.late_for, \
         i.failed_items, (SELECT {} FROM damage_reports d WHERE d.inspection_id = i.id) AS tickets \
         FROM inspections i JOIN checklist_templates t ON t.id = i.template_id \
         JOIN users u ON u.id = i.inspector_id WHERE i.school_id = $school",
        d.json_array(&d.id_text("d.id"))
    )
}

pub(super) fn inspection(row: &Row) -> AppResult<Inspection> {
    let get = |e: sqlx::Error| AppError::internal(e);
    let asset: Option<Uuid> = row.try_get("asset_id").map_err(get)?;
    let room: Option<Uuid> = row.try_get("room_id").map_err(get)?;
    let subject = match (asset, room) {
        (Some(a), _) => Subject::Asset(a),
        (None, Some(r)) => Subject::Room(r),
        (None, None) => return Err(AppError::internal("inspection of nothing")),
    };
    let answers: String = row.try_get("answers").map_err(get)?;
    let tickets: String = row.try_get("tickets").map_err(get)?;
    let tickets: Vec<String> = serde_json::from_str(&tickets).map_err(AppError::internal)?;
    Ok(Inspection {
        id: row.try_get("id").map_err(get)?,
        template_id: row.try_get("template_id").map_err(get)?,
        template_name: row.try_get("t_name").map_err(get)?,
        template_version: row.try_get("t_version").map_err(get)?,
        subject,
        inspector: Named {
            id: row.try_get("u_id").map_err(get)?,
            name: row.try_get("u_name").map_err(get)?,
        },
        inspected_at: school_time(row.try_get("inspected_at").map_err(get)?),
        answers: serde_json::from_str(&answers).map_err(AppError::internal)?,
        notes: row.try_get("notes").map_err(get)?,
        failed_items: row.try_get("failed_items").map_err(get)?,
        tickets: tickets
            .iter()
            .filter_map(|t| Uuid::parse_str(t).ok())
            .collect(),
        late_for: row.try_get("late_for").map_err(get)?,
    })
}

/// Stores an inspection inside the caller's transaction: the row, its photos, its history, and
/// a repair ticket for each failed item. Returns how many tickets it opened.
pub(super) async fn insert_inspection(
    tx: &mut Tx,
    actor: Actor,
    rec: &InspectionRecord,
) -> AppResult<usize> {
    let inspector = actor.0.ok_or(AppError::Unauthorized)?;
    let (asset, room) = rec.subject.columns();
    let failed: Vec<_> = rec.answers.iter().filter(|a| a.failed).collect();
    // Into a closed period it goes as a late record, naming the period.
    let ledger = ClosableLedger::Inspections(rec.template.key.clone()).code();
    let late_for = closed_period(tx, &ledger, school_date(rec.inspected_at)).await?;
    query(
        "INSERT INTO inspections (id, template_id, asset_id, room_id, inspector_id, inspected_at, \
         recorded_at, answers, notes, failed_items, late_for, school_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $school)",
    )
    .bind(rec.id)
    .bind(rec.template.id)
    .bind(asset)
    .bind(room)
    .bind(inspector)
    .bind(rec.inspected_at)
    .bind(Utc::now())
    .bind(json(&rec.answers)?)
    .bind(&rec.notes)
    .bind(failed.len() as i64)
    .bind(&late_for)
    .execute(&mut **tx)
    .await
    .map_err(super::db_error(Field::Target))?;
    let photos: Vec<Uuid> = rec.answers.iter().flat_map(|a| a.photos.clone()).collect();
    attach_photos(tx, actor, &photos, ("inspection", rec.id)).await?;
    let after = serde_json::json!({
        "template": rec.template.name, "version": rec.template.version,
        "failed_items": failed.len(), "answers": rec.answers, "late_for": late_for,
    });
    record(
        tx,
        actor,
        Entity::Inspection,
        rec.id,
        "create",
        None,
        Some(&after),
    )
    .await?;
    for item in &failed {
        let description = match &item.note {
            Some(note) => format!("{}：{}（{}）", rec.template.name, item.label, note),
            None => format!("{}：{}", rec.template.name, item.label),
        };
        let draft = DamageDraft {
            id: Uuid::now_v7(),
            subject: rec.subject,
            happened_at: Some(time_text(rec.inspected_at)),
            description,
            cause: None,
            liable: None,
            photos: Vec::new(),
        };
        let source = Some((rec.id, item.key.as_str()));
        open_report(tx, actor, draft.id, Source::Inspection, source, &draft).await?;
    }
    Ok(failed.len())
}

/// The column of `inspections` that names a record of `subject`'s kind.
fn subject_column(subject: Subject) -> &'static str {
    match subject {
        Subject::Asset(_) => "asset_id",
        Subject::Room(_) => "room_id",
    }
}

impl SqlStore {
    pub(super) async fn one_inspection(&self, id: Uuid) -> AppResult<Option<Inspection>> {
        let row = query(format!(
            "{} AND i.id = $1",
            inspection_select(self.db.dialect())
        ))
        .bind(id)
        .fetch_optional(&self.db)
        .await?;
        row.as_ref().map(inspection).transpose()
    }
}

#[async_trait::async_trait]
impl InspectionStore for SqlStore {
    async fn record_inspection(
        &self,
        actor: Actor,
        rec: InspectionRecord,
    ) -> AppResult<Inspection> {
        let mut tx = self.write().await?;
        insert_inspection(&mut tx, actor, &rec).await?;
        tx.commit().await?;
        self.one_inspection(rec.id)
            .await?
            .ok_or_else(|| AppError::internal("inspection vanished"))
    }

    async fn inspections_of(&self, subject: Subject, paging: Paging) -> AppResult<Vec<Inspection>> {
        let column = subject_column(subject);
        let sql = format!(
            "{} AND i.{column} = $1 ORDER BY i.inspected_at DESC, i.id DESC LIMIT $2 OFFSET $3",
            inspection_select(self.db.dialect())
        );
        let rows = query(&sql)
            .bind(subject.id())
            .bind(paging.limit)
            .bind(paging.offset)
            .fetch_all(&self.db)
            .await?;
        rows.iter().map(inspection).collect()
    }

    async fn last_by_checklist(&self, subject: Subject) -> AppResult<Vec<LastOfChecklist>> {
        let column = subject_column(subject);
        // Numbered newest first within each checklist key, over the record's own inspections.
        let sql = format!(
            "SELECT t_key, id, inspected_at, failed_items, u_id, u_name FROM \
             (SELECT t.key AS t_key, i.id, i.inspected_at, i.failed_items, u.id AS u_id, \
             u.display_name AS u_name, ROW_NUMBER() OVER \
             (PARTITION BY t.key ORDER BY i.inspected_at DESC, i.id DESC) AS n \
             FROM inspections i JOIN checklist_templates t ON t.id = i.template_id \
             JOIN users u ON u.id = i.inspector_id \
             WHERE i.school_id = $school AND i.{column} = $1) newest WHERE n = 1"
        );
        let rows = query(&sql).bind(subject.id()).fetch_all(&self.db).await?;
        rows.iter()
            .map(|row| {
                let at = row.try_get("inspected_at")?;
                Ok(LastOfChecklist {
                    key: row.try_get("t_key")?,
                    at,
                    inspection: LastInspection {
                        id: row.try_get("id")?,
                        inspected_at: school_time_at(at),
                        inspector: Named {
                            id: row.try_get("u_id")?,
                            name: row.try_get("u_name")?,
                        },
                        failed_items: row.try_get("failed_items")?,
                    },
                })
            })
            .collect()
    }

    async fn import_inspections(
        &self,
        actor: Actor,
        inspector: Uuid,
        records: &[InspectionRecord],
    ) -> AppResult<usize> {
        let mut tx = self.write().await?;
        let now = Utc::now();
        for chunk in records.chunks(IMPORTED_PER_INSERT) {
            let mut q = QueryBuilder::new(
                "INSERT INTO inspections (id, template_id, asset_id, room_id, inspector_id, \
                 inspected_at, recorded_at, answers, notes, failed_items, school_id) ",
            );
            let mut rows = Vec::with_capacity(chunk.len());
            for rec in chunk {
                let (asset, room) = rec.subject.columns();
                let failed = rec.answers.iter().filter(|a| a.failed).count() as i64;
                rows.push((rec, asset, room, json(&rec.answers)?, failed));
            }
            q.push_values(rows, |mut row, (rec, asset, room, answers, failed)| {
                row.push_bind(rec.id)
                    .push_bind(rec.template.id)
                    .push_bind(asset)
                    .push_bind(room)
                    .push_bind(inspector)
                    .push_bind(rec.inspected_at)
                    .push_bind(now)
                    .push_bind(answers)
                    .push_bind(rec.notes.clone())
                    .push_bind(failed)
                    .push(SCHOOL);
            });
            q.build()
                .execute(&mut *tx)
                .await
                .map_err(super::db_error(Field::Target))?;
        }
        let after = serde_json::json!({ "inspections": records.len(), "inspector": inspector });
        let batch = Uuid::now_v7();
        record(
            &mut tx,
            actor,
            Entity::Inspection,
            batch,
            "import",
            None,
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(records.len())
    }
}

/// Imported inspections one INSERT carries (11 values each, below SQLite's 32,766).
const IMPORTED_PER_INSERT: usize = 100;
