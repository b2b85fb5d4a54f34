//! Schedules, what a round's scope covers, and when each record was last inspected.

use super::checklists::json;
use super::damage::duty_holder;
use super::history::{commit_with_history, record};
use super::rows::get;
use super::SqlStore;
use crate::domain::{AssetStatus, Role, RoomKind};
use crate::duties::round_duty;
use crate::error::{AppError, AppResult};
use crate::inspections::Subject;
use crate::model::Named;
use crate::rounds::{Assignee, Cadence, Coverage, Schedule, Scope};
use crate::ssr::db::{query, query_scalar, QueryBuilder, Tx};
use crate::ssr::rounds::store::RoundStore;
use crate::ssr::rounds::store::{RoundSubject, ScheduleDraft, ScopeGroup, ScopeTally};
use crate::ssr::store::{Actor, Entity};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use uuid::Uuid;

/// The settings key that says the calendar's schedules were stored once (an admin may stop
/// them all; they do not come back on the next start).
const SEEDED: &str = "schedules_seeded";

const SCHEDULE_SELECT: &str = "SELECT s.id, s.name, s.template_key, s.scope, s.cadence, s.active, \
    s.created_at, s.assignee_id, u.display_name AS assignee_name, s.assignee_role, \
    t.name AS t_name, t.categories AS t_categories, t.room_kinds AS t_kinds \
    FROM schedules s LEFT JOIN users u ON u.id = s.assignee_id \
    LEFT JOIN checklist_templates t ON t.school_id = s.school_id AND t.key = s.template_key AND t.is_current \
    WHERE s.school_id = $school";

fn from_json<T: serde::de::DeserializeOwned>(raw: &str) -> AppResult<T> {
    serde_json::from_str(raw).map_err(AppError::internal)
}

/// The school's date of a stored UTC time, `YYYY-MM-DD`.
fn school_day(at: &str) -> String {
    crate::ssr::clock::school_time(at.to_string())
        .get(..10)
        .unwrap_or_default()
        .to_string()
}

/// Appends `(value_col IN (…) OR id_col IN (…))`, an empty list left out so that an index on
/// the other column serves (`assets_category`, a primary key); both empty match nothing.
fn by_value_or_id(
    q: &mut QueryBuilder,
    value_col: &str,
    values: impl Iterator<Item = String>,
    id_col: &str,
    ids: &[Uuid],
) {
    let values: Vec<String> = values.collect();
    if values.is_empty() && ids.is_empty() {
        q.push("(1 = 0)");
        return;
    }
    q.push("(");
    if !values.is_empty() {
        q.push(format!("{value_col} IN ("));
        let mut list = q.separated(", ");
        for v in values {
            list.push_bind(v);
        }
        q.push(if ids.is_empty() { ")" } else { ") OR " });
    }
    if !ids.is_empty() {
        q.push(format!("{id_col} IN ("));
        let mut list = q.separated(", ");
        for id in ids {
            list.push_bind(*id);
        }
        q.push(")");
    }
    q.push(")");
}

/// Appends `COUNT(*) AS total, SUM(…) AS done`: the records of a group, and those among them
/// (`id` their id column) inspected with a checklist's versions in a window. The inspected set
/// is read once on the `inspections_template` index and probed per record (a join to it made
/// SQLite compare every pair).
fn counted_with_done(
    q: &mut QueryBuilder,
    id: &str,
    col: &str,
    template_key: &str,
    from: DateTime<Utc>,
    until: Option<DateTime<Utc>>,
) {
    q.push(format!(
        "COUNT(*) AS total, SUM(CASE WHEN {id} IN (SELECT i.{col} FROM inspections i \
         WHERE i.template_id IN \
         (SELECT id FROM checklist_templates WHERE school_id = $school AND key = "
    ))
    .push_bind(template_key.to_string())
    .push(") AND i.inspected_at >= ")
    .push_bind(from);
    if let Some(until) = until {
        q.push(" AND i.inspected_at < ").push_bind(until);
    }
    q.push(") THEN 1 ELSE 0 END) AS done");
}

/// The groups and their counts a tally query gives (`grp`, `total`, `done`).
fn tallies(
    rows: Vec<crate::ssr::db::Row>,
    group: impl Fn(String) -> Option<ScopeGroup>,
) -> AppResult<Vec<ScopeTally>> {
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let Some(group) = group(get(&row, "grp")?) else {
            continue;
        };
        let count = |col| get::<i64>(&row, col).map(|n| usize::try_from(n).unwrap_or_default());
        out.push(ScopeTally {
            group,
            total: count("total")?,
            done: count("done")?,
        });
    }
    Ok(out)
}

impl SqlStore {
    async fn schedule_rows(&self, filter: &str, bind: Option<Uuid>) -> AppResult<Vec<Schedule>> {
        let sql = format!("{SCHEDULE_SELECT} {filter} ORDER BY s.created_at, s.id");
        let mut q = query(&sql);
        if let Some(id) = bind {
            q = q.bind(id);
        }
        let rows = q.fetch_all(&self.db).await?;
        let mut conn = self.db.read().await?;
        let mut duty_cache: HashMap<&'static str, Option<Named>> = HashMap::new();
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let scope: Scope = from_json(&get::<String>(&row, "scope")?)?;
            let cadence: Cadence = from_json(&get::<String>(&row, "cadence")?)?;
            let person: Option<Uuid> = get(&row, "assignee_id")?;
            let role: Option<String> = get(&row, "assignee_role")?;
            let assignee = match (person, role) {
                (Some(id), _) => Assignee::Person {
                    user: Named {
                        id,
                        name: get::<Option<String>>(&row, "assignee_name")?.unwrap_or_default(),
                    },
                },
                (None, Some(role)) => Assignee::Role {
                    role: Role::parse(&role).map_err(|_| AppError::internal("schedule role"))?,
                },
                (None, None) => {
                    let cats: Vec<String> = from_json(
                        &get::<Option<String>>(&row, "t_categories")?.unwrap_or("[]".into()),
                    )?;
                    let kinds: Vec<String> =
                        from_json(&get::<Option<String>>(&row, "t_kinds")?.unwrap_or("[]".into()))?;
                    let duty = round_duty(&scope.categories, &scope.room_kinds, &cats, &kinds);
                    let user = match duty_cache.get(duty) {
                        Some(found) => found.clone(),
                        None => {
                            let found = duty_holder(&mut conn, duty).await?;
                            duty_cache.insert(duty, found.clone());
                            found
                        }
                    };
                    Assignee::Duty { user }
                }
            };
            out.push(Schedule {
                id: get(&row, "id")?,
                name: get(&row, "name")?,
                template_key: get(&row, "template_key")?,
                template_name: get::<Option<String>>(&row, "t_name")?.unwrap_or_default(),
                scope,
                cadence,
                assignee,
                active: get::<bool>(&row, "active")?,
                since: school_day(&get::<String>(&row, "created_at")?),
            });
        }
        Ok(out)
    }

    async fn insert_schedule(tx: &mut Tx, actor: Actor, draft: &ScheduleDraft) -> AppResult<()> {
        query(
            "INSERT INTO schedules (id, name, template_key, scope, cadence, assignee_id, \
             assignee_role, active, created_at, created_by, school_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, TRUE, $8, $9, $school)",
        )
        .bind(draft.id)
        .bind(&draft.name)
        .bind(&draft.template_key)
        .bind(json(&draft.scope)?)
        .bind(json(&draft.cadence)?)
        .bind(draft.assignee_id)
        .bind(draft.assignee_role.map(Role::code))
        .bind(Utc::now())
        .bind(actor.0)
        .execute(&mut **tx)
        .await?;
        let after = serde_json::json!({
            "name": draft.name, "template": draft.template_key, "scope": draft.scope,
            "cadence": draft.cadence, "assignee": draft.assignee_id,
            "role": draft.assignee_role.map(Role::code),
        });
        record(
            tx,
            actor,
            Entity::Schedule,
            draft.id,
            "create",
            None,
            Some(&after),
        )
        .await
    }
}

#[async_trait::async_trait]
impl RoundStore for SqlStore {
    async fn ensure_schedules(&self, defaults: Vec<ScheduleDraft>) -> AppResult<()> {
        let mut tx = self.write().await?;
        let done: Option<String> =
            query_scalar("SELECT value FROM settings WHERE key = $1 AND school_id = $school")
                .bind(SEEDED)
                .fetch_optional(&mut *tx)
                .await?;
        if done.is_some() {
            return Ok(());
        }
        for draft in &defaults {
            Self::insert_schedule(&mut tx, Actor::SYSTEM, draft).await?;
        }
        query("INSERT INTO settings (key, value, school_id) VALUES ($1, $2, $school)")
            .bind(SEEDED)
            .bind(Utc::now())
            .execute(&mut *tx)
            .await?;
        Ok(tx.commit().await?)
    }

    async fn schedules(&self, include_ended: bool) -> AppResult<Vec<Schedule>> {
        let filter = if include_ended { "" } else { "AND s.active" };
        self.schedule_rows(filter, None).await
    }

    async fn save_schedule(&self, actor: Actor, draft: ScheduleDraft) -> AppResult<Schedule> {
        let mut tx = self.write().await?;
        Self::insert_schedule(&mut tx, actor, &draft).await?;
        tx.commit().await?;
        self.schedule_rows("AND s.id = $1", Some(draft.id))
            .await?
            .pop()
            .ok_or_else(|| AppError::internal("schedule vanished"))
    }

    async fn end_schedule(&self, actor: Actor, id: Uuid) -> AppResult<()> {
        let mut tx = self.write().await?;
        let done = query(
            "UPDATE schedules SET active = FALSE WHERE id = $1 AND active AND school_id = $school",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(AppError::NotFound);
        }
        let (before, after) = (
            serde_json::json!({ "active": true }),
            serde_json::json!({ "active": false }),
        );
        commit_with_history(tx, actor, Entity::Schedule, id, Some(&before), after).await?;
        Ok(())
    }

    async fn coverage(&self) -> AppResult<Vec<Coverage>> {
        let rows = query(
            "SELECT name, template_key, scope, cadence, created_at FROM schedules \
             WHERE school_id = $school AND active ORDER BY created_at, id",
        )
        .fetch_all(&self.db)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(Coverage {
                    name: get(row, "name")?,
                    template_key: get(row, "template_key")?,
                    scope: from_json(&get::<String>(row, "scope")?)?,
                    cadence: from_json(&get::<String>(row, "cadence")?)?,
                    since: school_day(&get::<String>(row, "created_at")?),
                })
            })
            .collect()
    }

    async fn round_subjects(&self, scope: &Scope) -> AppResult<Vec<RoundSubject>> {
        let mut out = Vec::new();
        if !scope.categories.is_empty() || !scope.assets.is_empty() {
            let mut q = QueryBuilder::new(
                "SELECT a.id, a.name, a.asset_code, a.category, a.status, a.room_id, r.name AS r_name, \
                 r.kind AS r_kind, b.name AS b_name, t.code AS tag FROM assets a \
                 LEFT JOIN rooms r ON r.id = a.room_id LEFT JOIN buildings b ON b.id = r.building_id \
                 LEFT JOIN tags t ON t.asset_id = a.id \
                 WHERE a.school_id = $school AND a.status IN ('in_use', 'under_repair') AND (",
            );
            let categories = scope.categories.iter().cloned();
            by_value_or_id(&mut q, "a.category", categories, "a.id", &scope.assets);
            q.push(")");
            for row in q.build().fetch_all(&self.db).await? {
                let status: String = get(&row, "status")?;
                let kind: Option<String> = get(&row, "r_kind")?;
                out.push(RoundSubject {
                    subject: Subject::Asset(get(&row, "id")?),
                    name: get(&row, "name")?,
                    asset_code: Some(get(&row, "asset_code")?),
                    category: Some(get(&row, "category")?),
                    room_kind: kind.and_then(|k| RoomKind::parse(&k).ok()),
                    tag: get(&row, "tag")?,
                    building: get::<Option<String>>(&row, "b_name")?.unwrap_or_default(),
                    room: get::<Option<String>>(&row, "r_name")?.unwrap_or_default(),
                    room_id: get(&row, "room_id")?,
                    status: AssetStatus::parse(&status).ok(),
                });
            }
        }
        if !scope.room_kinds.is_empty() || !scope.rooms.is_empty() {
            let mut q = QueryBuilder::new(
                "SELECT r.id, r.name, r.kind, b.name AS b_name, t.code AS tag FROM rooms r \
                 JOIN buildings b ON b.id = r.building_id LEFT JOIN tags t ON t.room_id = r.id \
                 WHERE r.school_id = $school AND ",
            );
            let kinds = scope.room_kinds.iter().map(|k| k.code().to_string());
            by_value_or_id(&mut q, "r.kind", kinds, "r.id", &scope.rooms);
            for row in q.build().fetch_all(&self.db).await? {
                let id: Uuid = get(&row, "id")?;
                let name: String = get(&row, "name")?;
                let kind: String = get(&row, "kind")?;
                out.push(RoundSubject {
                    subject: Subject::Room(id),
                    name: name.clone(),
                    asset_code: None,
                    category: None,
                    room_kind: RoomKind::parse(&kind).ok(),
                    tag: get(&row, "tag")?,
                    building: get(&row, "b_name")?,
                    room: name,
                    room_id: Some(id),
                    status: None,
                });
            }
        }
        Ok(out)
    }

    async fn last_inspections(
        &self,
        template_key: &str,
    ) -> AppResult<HashMap<Subject, DateTime<Utc>>> {
        let rows = query(
            // By the checklist's versions (each a school's own), so the scan stays on the
            // checklist's inspections instead of every inspection of the school.
            "SELECT i.asset_id, i.room_id, MAX(i.inspected_at) AS at FROM inspections i \
             WHERE i.template_id IN \
             (SELECT id FROM checklist_templates WHERE key = $1 AND school_id = $school) \
             GROUP BY i.asset_id, i.room_id",
        )
        .bind(template_key)
        .fetch_all(&self.db)
        .await?;
        let mut out = HashMap::with_capacity(rows.len());
        for row in rows {
            let asset: Option<Uuid> = get(&row, "asset_id")?;
            let room: Option<Uuid> = get(&row, "room_id")?;
            let subject = match (asset, room) {
                (Some(a), _) => Subject::Asset(a),
                (None, Some(r)) => Subject::Room(r),
                (None, None) => continue,
            };
            out.insert(subject, get(&row, "at")?);
        }
        Ok(out)
    }

    async fn round_tally(
        &self,
        scope: &Scope,
        template_key: &str,
        from: DateTime<Utc>,
        until: Option<DateTime<Utc>>,
    ) -> AppResult<Vec<ScopeTally>> {
        let mut out = Vec::new();
        if !scope.categories.is_empty() || !scope.assets.is_empty() {
            let mut q = QueryBuilder::new("SELECT a.category AS grp, ");
            counted_with_done(&mut q, "a.id", "asset_id", template_key, from, until);
            q.push(
                " FROM assets a WHERE a.school_id = $school \
                 AND a.status IN ('in_use', 'under_repair') AND ",
            );
            let categories = scope.categories.iter().cloned();
            by_value_or_id(&mut q, "a.category", categories, "a.id", &scope.assets);
            q.push(" GROUP BY a.category");
            let rows = q.build().fetch_all(&self.db).await?;
            out.extend(tallies(rows, |c| Some(ScopeGroup::Category(c)))?);
        }
        if !scope.room_kinds.is_empty() || !scope.rooms.is_empty() {
            // A room's own inspections (one of an asset in it has no room).
            let mut q = QueryBuilder::new("SELECT r.kind AS grp, ");
            counted_with_done(&mut q, "r.id", "room_id", template_key, from, until);
            q.push(" FROM rooms r WHERE r.school_id = $school AND ");
            let kinds = scope.room_kinds.iter().map(|k| k.code().to_string());
            by_value_or_id(&mut q, "r.kind", kinds, "r.id", &scope.rooms);
            q.push(" GROUP BY r.kind");
            let rows = q.build().fetch_all(&self.db).await?;
            let kind = |k: String| RoomKind::parse(&k).ok().map(ScopeGroup::RoomKind);
            out.extend(tallies(rows, kind)?);
        }
        Ok(out)
    }
}
