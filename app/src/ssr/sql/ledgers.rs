//! The ledgers' reads: the register a page at a time, the repairs of a period.

use super::import::{asset_values, REGISTER_SELECT};
use super::inspections::{inspection, inspection_select};
use super::rows::get;
use super::SqlStore;
use crate::domain::{Fen, RoomKind};
use crate::error::AppError;
use crate::error::AppResult;
use crate::inspections::{DamageStatus, Source};
use crate::inspections::{Inspection, Subject};
use crate::ledgers::inspections::CheckedThing;
use crate::ledgers::register::RegisterEntry;
use crate::ledgers::repairs::{Acceptance, RepairEntry};
use crate::ssr::clock::school_date;
use crate::ssr::db::query;
use crate::ssr::ledgers::store::LedgerStore;
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use uuid::Uuid;

const REPAIRS: &str = "SELECT d.id, d.created_at, d.description, d.liable, d.status, \
     d.source, d.measure, d.due_on, \
     rep.display_name AS reporter, asg.display_name AS assignee, a.asset_code, a.name AS a_name, \
     COALESCE(r.name, ar.name) AS room, COALESCE(b.name, ab.name) AS building, \
     c.amount_fen, c.status AS case_status FROM damage_reports d JOIN users rep ON rep.id = d.reporter_id \
     LEFT JOIN users asg ON asg.id = d.assignee_id LEFT JOIN assets a ON a.id = d.asset_id \
     LEFT JOIN rooms ar ON ar.id = a.room_id LEFT JOIN buildings ab ON ab.id = ar.building_id \
     LEFT JOIN rooms r ON r.id = d.room_id LEFT JOIN buildings b ON b.id = r.building_id \
     LEFT JOIN compensations c ON c.damage_report_id = d.id AND c.status <> 'waived' \
     WHERE d.school_id = $school AND d.created_at >= $1 AND d.created_at < $2 \
     ORDER BY d.created_at, d.id";

/// The steps of the period's reports, oldest first: what each became, when, by whom.
const REPAIR_STEPS: &str = "SELECT h.entity_id, h.at, h.after, u.display_name AS by_name \
     FROM history h JOIN damage_reports d ON d.id = h.entity_id \
     LEFT JOIN users u ON u.id = h.actor_id \
     WHERE h.entity = 'damage_report' AND h.action = 'update' AND h.school_id = $school \
     AND d.school_id = $school AND d.created_at >= $1 AND d.created_at < $2 ORDER BY h.at, h.id";

/// `$1, $2, …, $n`: the placeholders of an `IN` list of `n` values.
fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "building · room", or the room alone.
fn place(building: Option<String>, room: Option<String>) -> Option<String> {
    match (building, room) {
        (Some(b), Some(r)) => Some(format!("{b} · {r}")),
        (_, room) => room,
    }
}

/// When a report was last marked repaired and who closed it, from its history.
#[derive(Default)]
struct Steps {
    repaired_on: Option<String>,
    accepted: Option<Acceptance>,
}

#[async_trait::async_trait]
impl LedgerStore for SqlStore {
    async fn register_entries(
        &self,
        after: Option<&str>,
        limit: i64,
    ) -> AppResult<Vec<RegisterEntry>> {
        let sql = format!(
            "{REGISTER_SELECT} WHERE a.school_id = $school AND a.asset_code > $1 \
             ORDER BY a.asset_code LIMIT $2"
        );
        let rows = query(sql)
            .bind(after.unwrap_or_default())
            .bind(limit)
            .fetch_all(&self.db)
            .await?;
        rows.iter()
            .map(|row| {
                Ok(RegisterEntry {
                    asset: asset_values(row)?.1,
                    building: get(row, "b_name")?,
                })
            })
            .collect()
    }

    async fn repair_entries(
        &self,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    ) -> AppResult<Vec<RepairEntry>> {
        let mut steps: HashMap<Uuid, Steps> = HashMap::new();
        for row in query(REPAIR_STEPS)
            .bind(start)
            .bind(end)
            .fetch_all(&self.db)
            .await?
        {
            let after: Option<String> = get(&row, "after")?;
            let to = after
                .and_then(|a| serde_json::from_str::<serde_json::Value>(&a).ok())
                .and_then(|a| {
                    a["status"]
                        .as_str()
                        .and_then(|s| DamageStatus::parse(s).ok())
                });
            let day = school_date(get::<DateTime<Utc>>(&row, "at")?).to_string();
            let of = steps.entry(get(&row, "entity_id")?).or_default();
            match to {
                Some(DamageStatus::Repaired) => of.repaired_on = Some(day),
                Some(DamageStatus::Closed) => {
                    of.accepted = Some(Acceptance {
                        by: get::<Option<String>>(&row, "by_name")?.unwrap_or_default(),
                        on: day,
                    })
                }
                _ => {}
            }
        }
        let rows = query(REPAIRS)
            .bind(start)
            .bind(end)
            .fetch_all(&self.db)
            .await?;
        rows.iter()
            .map(|row| {
                let id: Uuid = get(row, "id")?;
                let status: String = get(row, "status")?;
                let place = place(get(row, "building")?, get(row, "room")?);
                let fen: Option<i64> = get(row, "amount_fen")?;
                let Steps {
                    repaired_on,
                    accepted,
                } = steps.remove(&id).unwrap_or_default();
                Ok(RepairEntry {
                    reported_on: school_date(get(row, "created_at")?).to_string(),
                    reporter: get(row, "reporter")?,
                    place,
                    asset_code: get(row, "asset_code")?,
                    asset_name: get(row, "a_name")?,
                    description: get(row, "description")?,
                    liable: get(row, "liable")?,
                    compensation: fen.and_then(|f| Fen::new(f).ok()),
                    compensation_open: get::<Option<String>>(row, "case_status")?.as_deref()
                        == Some("open"),
                    assignee: get(row, "assignee")?,
                    status: DamageStatus::parse(&status)
                        .map_err(|_| AppError::internal("damage status"))?,
                    from_inspection: get::<String>(row, "source")? == Source::Inspection.code(),
                    measure: get(row, "measure")?,
                    due_on: get(row, "due_on")?,
                    repaired_on,
                    accepted,
                })
            })
            .collect()
    }

    async fn checked_things(
        &self,
        categories: &[String],
        kinds: &[RoomKind],
    ) -> AppResult<Vec<CheckedThing>> {
        let mut things = Vec::new();
        if !categories.is_empty() {
            let sql = format!(
                "SELECT a.id, a.asset_code, a.name, a.model, r.name AS room, b.name AS building \
                 FROM assets a LEFT JOIN rooms r ON r.id = a.room_id \
                 LEFT JOIN buildings b ON b.id = r.building_id WHERE a.school_id = $school \
                 AND a.status IN ('in_use', 'under_repair') AND a.category IN ({}) \
                 ORDER BY b.name, r.name, a.asset_code",
                placeholders(categories.len())
            );
            let q = categories.iter().fold(query(sql), |q, c| q.bind(c));
            for row in q.fetch_all(&self.db).await? {
                things.push(CheckedThing {
                    subject: Subject::Asset(get(&row, "id")?),
                    code: get(&row, "asset_code")?,
                    name: get(&row, "name")?,
                    model: get(&row, "model")?,
                    place: place(get(&row, "building")?, get(&row, "room")?),
                });
            }
        }
        if !kinds.is_empty() {
            let sql = format!(
                "SELECT r.id, r.name, b.name AS building, \
                 (SELECT MIN(t.code) FROM tags t WHERE t.room_id = r.id) AS code \
                 FROM rooms r JOIN buildings b ON b.id = r.building_id \
                 WHERE r.school_id = $school AND r.kind IN ({}) ORDER BY b.name, r.name",
                placeholders(kinds.len())
            );
            let q = kinds.iter().fold(query(sql), |q, k| q.bind(k.code()));
            for row in q.fetch_all(&self.db).await? {
                let name: String = get(&row, "name")?;
                things.push(CheckedThing {
                    subject: Subject::Room(get(&row, "id")?),
                    code: get(&row, "code")?,
                    place: place(get(&row, "building")?, Some(name.clone())),
                    name,
                    model: None,
                });
            }
        }
        Ok(things)
    }

    async fn checklist_inspections(
        &self,
        key: &str,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    ) -> AppResult<Vec<Inspection>> {
        let sql = format!(
            "{} AND t.key = $1 AND i.inspected_at >= $2 AND i.inspected_at < $3 \
             ORDER BY i.inspected_at",
            inspection_select(self.db.dialect())
        );
        let rows = query(sql)
            .bind(key)
            .bind(start)
            .bind(end)
            .fetch_all(&self.db)
            .await?;
        rows.iter().map(inspection).collect()
    }
}
