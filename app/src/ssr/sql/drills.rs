//! Drills: the semester's drills with their records, photos and problems. Recording a drill is
//! one conditional UPDATE (`held_on IS NULL`), so a drill is recorded once, and each problem
//! that names an asset or a room opens its repair in the same transaction.

use super::damage::{attach_photos, open_report};
use super::history::{commit_with_history, record};
use super::rows::{corrupt, get, named};
use super::SqlStore;
use crate::domain::{Field, Invalid, Problem};
use crate::drills::{state, Drill, DrillKind, DrillRecord, Finding, NewDrill, PlannedDrill};
use crate::error::{AppError, AppResult};
use crate::inspections::{Source, Subject};
use crate::ssr::db::{query, query_scalar, Query, Row};
use crate::ssr::drills::store::DrillStore;
use crate::ssr::inspections::store::DamageDraft;
use crate::ssr::store::{Actor, Entity};
use chrono::Utc;
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

const DRILL_SELECT: &str = "SELECT d.id, d.kind, d.title, d.semester, d.month, d.held_on, \
     d.participants, d.minutes, d.summary, u.id AS u_id, u.display_name AS u_name FROM drills d \
     LEFT JOIN users u ON u.id = d.recorded_by WHERE d.school_id = $school";

const ISSUE_SELECT: &str = "SELECT i.id, i.drill_id, i.description, i.report_id, \
     COALESCE(a.id, r.id) AS s_id, COALESCE(a.name, r.name) AS s_name FROM drill_findings i \
     JOIN drills d ON d.id = i.drill_id LEFT JOIN assets a ON a.id = i.asset_id \
     LEFT JOIN rooms r ON r.id = i.room_id WHERE i.school_id = $school";

const PHOTO_SELECT: &str = "SELECT p.owner_id, p.id FROM photos p JOIN drills d \
     ON d.id = p.owner_id WHERE p.owner_kind = 'drill' AND p.school_id = $school";

fn drill(row: &Row, this_month: &str) -> AppResult<Drill> {
    let kind: String = get(row, "kind")?;
    let month: String = get(row, "month")?;
    let held_on: Option<String> = get(row, "held_on")?;
    Ok(Drill {
        id: get(row, "id")?,
        kind: DrillKind::parse(&kind).map_err(|_| corrupt("drill kind"))?,
        title: get(row, "title")?,
        semester: get(row, "semester")?,
        state: state(&month, this_month, held_on.is_some()),
        month,
        held_on,
        participants: get(row, "participants")?,
        minutes: get(row, "minutes")?,
        summary: get(row, "summary")?,
        recorded_by: named(row, "u_id", "u_name").map_err(AppError::internal)?,
        photos: Vec::new(),
        findings: Vec::new(),
    })
}

fn finding(row: &Row) -> AppResult<(Uuid, Finding)> {
    let found = Finding {
        id: get(row, "id")?,
        description: get(row, "description")?,
        subject: named(row, "s_id", "s_name").map_err(AppError::internal)?,
        report_id: get(row, "report_id")?,
    };
    Ok((get(row, "drill_id")?, found))
}

/// What the history keeps of a drill's record.
fn record_doc(r: &DrillRecord) -> serde_json::Value {
    let findings: Vec<&str> = r.findings.iter().map(|i| i.description.as_str()).collect();
    json!({ "held_on": r.held_on, "participants": r.participants, "minutes": r.minutes,
        "summary": r.summary, "photos": r.photos, "findings": findings })
}

impl SqlStore {
    /// The drills `filter` picks (more `WHERE` text, its parameter bound by `bind`), each with
    /// its photos and problems, by month.
    async fn drills_where(
        &self,
        filter: &str,
        bind: impl Fn(Query) -> Query,
        this_month: &str,
    ) -> AppResult<Vec<Drill>> {
        let sql = format!("{DRILL_SELECT} {filter} ORDER BY d.month, d.created_at, d.id");
        let rows = bind(query(sql)).fetch_all(&self.db).await?;
        let mut drills = rows
            .iter()
            .map(|r| drill(r, this_month))
            .collect::<AppResult<Vec<_>>>()?;
        let sql = format!("{ISSUE_SELECT} {filter} ORDER BY i.drill_id, i.position");
        let mut findings: HashMap<Uuid, Vec<Finding>> = HashMap::new();
        for row in bind(query(sql)).fetch_all(&self.db).await? {
            let (drill, found) = finding(&row)?;
            findings.entry(drill).or_default().push(found);
        }
        let sql = format!("{PHOTO_SELECT} {filter} ORDER BY p.uploaded_at, p.id");
        let mut photos: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
        for row in bind(query(sql)).fetch_all(&self.db).await? {
            photos
                .entry(get(&row, "owner_id")?)
                .or_default()
                .push(get(&row, "id")?);
        }
        for d in &mut drills {
            d.findings = findings.remove(&d.id).unwrap_or_default();
            d.photos = photos.remove(&d.id).unwrap_or_default();
        }
        Ok(drills)
    }
}

#[async_trait::async_trait]
impl DrillStore for SqlStore {
    async fn ensure_drills(&self, semester: &str, planned: Vec<PlannedDrill>) -> AppResult<()> {
        let have: i64 = query_scalar(
            "SELECT COUNT(*) FROM drills WHERE semester = $1 AND plan_key IS NOT NULL \
             AND school_id = $school",
        )
        .bind(semester)
        .fetch_one(&self.db)
        .await?;
        if have >= planned.len() as i64 {
            return Ok(());
        }
        let mut tx = self.write().await?;
        for p in planned {
            let id = Uuid::now_v7();
            let done = query(
                "INSERT INTO drills (id, school_id, semester, plan_key, kind, month, created_at) \
                 VALUES ($1, $school, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
            )
            .bind(id)
            .bind(semester)
            .bind(p.key)
            .bind(p.kind.code())
            .bind(&p.month)
            .bind(Utc::now())
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 1 {
                let after = json!({ "kind": p.kind.code(), "month": p.month, "calendar": p.key });
                record(
                    &mut tx,
                    Actor::SYSTEM,
                    Entity::Drill,
                    id,
                    "create",
                    None,
                    Some(&after),
                )
                .await?;
            }
        }
        Ok(tx.commit().await?)
    }

    async fn drills(&self, semester: &str, this_month: &str) -> AppResult<Vec<Drill>> {
        let semester = semester.to_string();
        self.drills_where("AND d.semester = $1", |q| q.bind(&semester), this_month)
            .await
    }

    async fn drill(&self, id: Uuid, this_month: &str) -> AppResult<Option<Drill>> {
        let found = self
            .drills_where("AND d.id = $1", |q| q.bind(id), this_month)
            .await?;
        Ok(found.into_iter().next())
    }

    async fn plan_drill(&self, actor: Actor, id: Uuid, new: NewDrill) -> AppResult<()> {
        let mut tx = self.write().await?;
        query(
            "INSERT INTO drills (id, school_id, semester, kind, title, month, created_at) \
             VALUES ($1, $school, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(&new.semester)
        .bind(new.kind.code())
        .bind(&new.title)
        .bind(&new.month)
        .bind(Utc::now())
        .execute(&mut *tx)
        .await?;
        let after = json!({ "kind": new.kind.code(), "title": new.title, "month": new.month });
        commit_with_history(tx, actor, Entity::Drill, id, None, after).await?;
        Ok(())
    }

    async fn record_drill(&self, actor: Actor, id: Uuid, r: DrillRecord) -> AppResult<()> {
        let mut tx = self.write().await?;
        let done = query(
            "UPDATE drills SET held_on = $1, participants = $2, minutes = $3, summary = $4, \
             recorded_by = $5, recorded_at = $6 WHERE id = $7 AND held_on IS NULL \
             AND school_id = $school",
        )
        .bind(&r.held_on)
        .bind(r.participants)
        .bind(r.minutes)
        .bind(&r.summary)
        .bind(actor.0)
        .bind(Utc::now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            let exists: Option<i64> =
                query_scalar("SELECT 1 FROM drills WHERE id = $1 AND school_id = $school")
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?;
            return Err(match exists {
                Some(_) => Invalid::new(Field::Status, Problem::BadTransition).into(),
                None => AppError::NotFound,
            });
        }
        attach_photos(&mut tx, actor, &r.photos, ("drill", id)).await?;
        for (position, found) in r.findings.iter().enumerate() {
            let report = match found.subject {
                Some(subject) => {
                    let draft = DamageDraft {
                        id: Uuid::now_v7(),
                        subject,
                        happened_at: None,
                        description: found.description.clone(),
                        cause: None,
                        liable: None,
                        photos: Vec::new(),
                    };
                    open_report(&mut tx, actor, draft.id, Source::Report, None, &draft).await?;
                    Some(draft.id)
                }
                None => None,
            };
            let (asset, room) = found.subject.map(Subject::columns).unwrap_or_default();
            query(
                "INSERT INTO drill_findings (id, school_id, drill_id, position, description, \
                 asset_id, room_id, report_id) VALUES ($1, $school, $2, $3, $4, $5, $6, $7)",
            )
            .bind(Uuid::now_v7())
            .bind(id)
            .bind(position as i64)
            .bind(&found.description)
            .bind(asset)
            .bind(room)
            .bind(report)
            .execute(&mut *tx)
            .await?;
        }
        let before = json!({ "held_on": null });
        commit_with_history(tx, actor, Entity::Drill, id, Some(&before), record_doc(&r)).await?;
        Ok(())
    }
}
