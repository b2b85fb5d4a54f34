//! Damage reports and repair tickets: who they go to, their steps, and the asset's status
//! following them.

use super::closings::closed_period;
use super::history::record;
use super::rows::named;
use super::SqlStore;
use crate::domain::{Field, Invalid, Problem};
use crate::duties::duty_for;
use crate::error::{AppError, AppResult};
use crate::inspections::{DamageReport, DamageStatus, Source, Step, Subject, RECTIFY_DAYS};
use crate::ledgers::closing::ClosableLedger;
use crate::model::{Named, Paging, Photo};
use crate::ssr::clock::{school_date, school_time};
use crate::ssr::db::{query, query_scalar, Conn, QueryBuilder, Row, Tx};
use crate::ssr::inspections::store::DamageStore;
use crate::ssr::inspections::store::{DamageDraft, ReportScope};
use crate::ssr::store::{Actor, Entity};
use chrono::{Days, Utc};
use std::collections::HashMap;
use uuid::Uuid;

const REPORT_SELECT: &str = "SELECT d.id, d.source, d.inspection_id, d.happened_at, d.description, \
    d.cause, d.liable, d.status, d.reject_reason, d.measure, d.due_on, d.created_at, d.updated_at, \
    a.id AS a_id, a.name AS a_name, r.id AS r_id, r.name AS r_name, \
    rep.id AS rep_id, rep.display_name AS rep_name, asg.id AS asg_id, asg.display_name AS asg_name \
    FROM damage_reports d LEFT JOIN assets a ON a.id = d.asset_id LEFT JOIN rooms r ON r.id = d.room_id \
    JOIN users rep ON rep.id = d.reporter_id LEFT JOIN users asg ON asg.id = d.assignee_id \
    WHERE d.school_id = $school";

fn report(row: &Row, photos: Vec<Photo>) -> AppResult<DamageReport> {
    let get = |e: sqlx::Error| AppError::internal(e);
    let text = |c: &str| row.try_get::<String, _>(c).map_err(get);
    let opt = |c: &str| row.try_get::<Option<String>, _>(c).map_err(get);
    Ok(DamageReport {
        id: row.try_get("id").map_err(get)?,
        source: Source::parse(&text("source")?).map_err(|_| AppError::internal("source"))?,
        inspection_id: row.try_get("inspection_id").map_err(get)?,
        asset: named(row, "a_id", "a_name")?,
        room: named(row, "r_id", "r_name")?,
        reporter: named(row, "rep_id", "rep_name")?
            .ok_or_else(|| AppError::internal("reporter"))?,
        assignee: named(row, "asg_id", "asg_name")?,
        happened_at: opt("happened_at")?,
        description: text("description")?,
        cause: opt("cause")?,
        liable: opt("liable")?,
        status: DamageStatus::parse(&text("status")?).map_err(|_| AppError::internal("status"))?,
        reject_reason: opt("reject_reason")?,
        measure: opt("measure")?,
        due_on: opt("due_on")?,
        photos,
        created_at: school_time(text("created_at")?),
        updated_at: school_time(text("updated_at")?),
    })
}

/// Whoever the 分工 table names for `duty`; the first asset manager when it names nobody.
pub(super) async fn duty_holder(conn: &mut Conn, duty: &str) -> AppResult<Option<Named>> {
    let pick = |row: Option<Row>| -> AppResult<Option<Named>> {
        row.map(|r| {
            Ok(Named {
                id: r.try_get("id")?,
                name: r.try_get("display_name")?,
            })
        })
        .transpose()
    };
    let by_duty = query(
        "SELECT u.id, u.display_name FROM responsibilities r JOIN users u ON u.id = r.user_id \
         WHERE u.active AND r.item LIKE $1 AND r.school_id = $school ORDER BY r.seq LIMIT 1",
    )
    .bind(format!("%{duty}%"))
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(found) = pick(by_duty)? {
        return Ok(Some(found));
    }
    let manager = query(
        "SELECT id, display_name FROM users WHERE role = 'asset_manager' AND active \
         AND school_id = $school ORDER BY created_at LIMIT 1",
    )
    .fetch_optional(&mut *conn)
    .await?;
    pick(manager)
}

/// The person a report about `subject` goes to. Not found when the asset or room does not
/// exist in the asker's school.
pub(super) async fn responsible(tx: &mut Tx, subject: Subject) -> AppResult<Option<Uuid>> {
    let row = match subject {
        Subject::Asset(id) => query(
            "SELECT a.category, r.kind FROM assets a LEFT JOIN rooms r ON r.id = a.room_id \
             WHERE a.id = $1 AND a.school_id = $school",
        )
        .bind(id),
        Subject::Room(id) => {
            query("SELECT NULL AS category, kind FROM rooms WHERE id = $1 AND school_id = $school")
                .bind(id)
        }
    }
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let category: Option<String> = row.try_get("category")?;
    let kind: Option<String> = row.try_get("kind")?;
    let duty = duty_for(category.as_deref(), kind.as_deref());
    Ok(duty_holder(tx, duty).await?.map(|n| n.id))
}

/// Attaches the uploader's own unattached photos to a record; any other id is refused.
pub(super) async fn attach_photos(
    tx: &mut Tx,
    actor: Actor,
    photos: &[Uuid],
    owner: (&str, Uuid),
) -> AppResult<()> {
    for id in photos {
        let done = query(
            "UPDATE photos SET owner_kind = $1, owner_id = $2 \
             WHERE id = $3 AND uploaded_by = $4 AND owner_id IS NULL AND school_id = $school",
        )
        .bind(owner.0)
        .bind(owner.1)
        .bind(id)
        .bind(actor.0)
        .execute(&mut **tx)
        .await?;
        if done.rows_affected() != 1 {
            let code = id.to_string();
            return Err(Invalid::new(Field::Photo, Problem::NotRegistered { code }).into());
        }
    }
    Ok(())
}

/// Opens a report or ticket inside the caller's transaction, with its history row.
pub(super) async fn open_report(
    tx: &mut Tx,
    actor: Actor,
    id: Uuid,
    source: Source,
    inspection: Option<(Uuid, &str)>,
    draft: &DamageDraft,
) -> AppResult<()> {
    let reporter = actor.0.ok_or(AppError::Unauthorized)?;
    let assignee = responsible(tx, draft.subject).await?;
    let (asset, room) = draft.subject.columns();
    let now = Utc::now();
    // A hazard found on a round is due in RECTIFY_DAYS unless a manager sets another day.
    let due_on = (source == Source::Inspection)
        .then(|| (school_date(now) + Days::new(RECTIFY_DAYS.into())).to_string());
    query(
        "INSERT INTO damage_reports (id, source, inspection_id, item_key, asset_id, room_id, \
         reporter_id, assignee_id, happened_at, description, cause, liable, status, due_on, \
         created_at, updated_at, school_id) VALUES \
         ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'reported', $13, $14, $14, $school)",
    )
    .bind(id)
    .bind(source.code())
    .bind(inspection.map(|(i, _)| i))
    .bind(inspection.map(|(_, k)| k))
    .bind(asset)
    .bind(room)
    .bind(reporter)
    .bind(assignee)
    .bind(&draft.happened_at)
    .bind(&draft.description)
    .bind(&draft.cause)
    .bind(&draft.liable)
    .bind(&due_on)
    .bind(now)
    .execute(&mut **tx)
    .await
    .map_err(super::db_error(Field::Target))?;
    attach_photos(tx, actor, &draft.photos, ("damage_report", id)).await?;
    let after = serde_json::json!({
        "source": source.code(), "status": "reported", "description": draft.description,
        "assignee": assignee, "inspection": inspection.map(|(i, _)| i), "due_on": due_on,
    });
    record(
        tx,
        actor,
        Entity::DamageReport,
        id,
        "create",
        None,
        Some(&after),
    )
    .await
}

/// The filter of tickets still open: neither closed nor rejected.
const OPEN: &str = "AND d.status NOT IN ('closed', 'rejected')";

/// The reports `d` on a record bound as `$n`: on the asset, or on the room or an asset in it.
pub(super) fn on_record(subject: Subject, n: u8) -> String {
    match subject {
        Subject::Asset(_) => format!("d.asset_id = ${n}"),
        Subject::Room(_) => format!(
            "(d.room_id = ${n} OR d.asset_id IN (SELECT a.id FROM assets a WHERE a.room_id = ${n}))"
        ),
    }
}

/// What a scope adds to `WHERE d.school_id = $school` (`AND …`), and the user it binds as `$1`.
fn scope_filter(scope: ReportScope) -> (String, Option<Uuid>) {
    match scope {
        ReportScope::ReportedBy(u) => ("AND d.reporter_id = $1".into(), Some(u)),
        ReportScope::AssignedTo(u) => (format!("{OPEN} AND d.assignee_id = $1"), Some(u)),
        ReportScope::All => (String::new(), None),
        ReportScope::Open => (OPEN.into(), None),
        ReportScope::OpenOn(on) => (format!("{OPEN} AND {}", on_record(on, 1)), Some(on.id())),
        ReportScope::Hazards => (format!("{OPEN} AND d.source = 'inspection'"), None),
    }
}

impl SqlStore {
    async fn reports_where(
        &self,
        filter: &str,
        bind: Option<Uuid>,
        paging: Paging,
    ) -> AppResult<Vec<DamageReport>> {
        let Paging { limit, offset } = paging;
        let sql =
            format!("{REPORT_SELECT} {filter} ORDER BY d.id DESC LIMIT {limit} OFFSET {offset}");
        let mut q = query(&sql);
        if let Some(id) = bind {
            q = q.bind(id);
        }
        let rows = q.fetch_all(&self.db).await?;
        let ids: Vec<Uuid> = rows
            .iter()
            .map(|r| r.try_get("id").map_err(AppError::internal))
            .collect::<AppResult<_>>()?;
        let mut photos = self.photos_of("damage_report", &ids).await?;
        rows.iter()
            .zip(&ids)
            .map(|(row, id)| report(row, photos.remove(id).unwrap_or_default()))
            .collect()
    }

    /// Photos attached to each of `owners`, in upload order.
    pub(super) async fn photos_of(
        &self,
        kind: &str,
        owners: &[Uuid],
    ) -> AppResult<HashMap<Uuid, Vec<Photo>>> {
        let mut out: HashMap<Uuid, Vec<Photo>> = HashMap::new();
        if owners.is_empty() {
            return Ok(out);
        }
        let mut q =
            QueryBuilder::new("SELECT id, width, height, owner_id FROM photos WHERE school_id = $school AND owner_kind = ");
        q.push_bind(kind).push(" AND owner_id IN (");
        let mut list = q.separated(", ");
        for id in owners {
            list.push_bind(*id);
        }
        q.push(") ORDER BY id");
        let rows = q.build().fetch_all(&self.db).await?;
        for row in rows {
            let get = |e: sqlx::Error| AppError::internal(e);
            let owner: Uuid = row.try_get("owner_id").map_err(get)?;
            let photo = Photo::new(
                row.try_get("id").map_err(get)?,
                row.try_get("width").map_err(get)?,
                row.try_get("height").map_err(get)?,
            );
            out.entry(owner).or_default().push(photo);
        }
        Ok(out)
    }
}

#[async_trait::async_trait]
impl DamageStore for SqlStore {
    async fn report_damage(&self, actor: Actor, draft: DamageDraft) -> AppResult<DamageReport> {
        let mut tx = self.write().await?;
        open_report(&mut tx, actor, draft.id, Source::Report, None, &draft).await?;
        tx.commit().await?;
        self.damage_report(draft.id)
            .await?
            .ok_or_else(|| AppError::internal("report vanished"))
    }

    async fn damage_reports(
        &self,
        scope: ReportScope,
        paging: Paging,
    ) -> AppResult<Vec<DamageReport>> {
        let (filter, bind) = scope_filter(scope);
        self.reports_where(&filter, bind, paging).await
    }

    async fn count_damage_reports(&self, scope: ReportScope) -> AppResult<usize> {
        let (filter, bind) = scope_filter(scope);
        let sql =
            format!("SELECT COUNT(*) FROM damage_reports d WHERE d.school_id = $school {filter}");
        let mut q = query_scalar::<i64>(&sql);
        if let Some(id) = bind {
            q = q.bind(id);
        }
        let n = q.fetch_one(&self.db).await?;
        Ok(usize::try_from(n).unwrap_or_default())
    }

    async fn damage_report(&self, id: Uuid) -> AppResult<Option<DamageReport>> {
        Ok(self
            .reports_where("AND d.id = $1", Some(id), Paging::first(1))
            .await?
            .pop())
    }

    async fn move_damage_report(
        &self,
        actor: Actor,
        id: Uuid,
        step: Step,
    ) -> AppResult<DamageReport> {
        let mut tx = self.write().await?;
        let row = query(
            "SELECT status, asset_id, measure, due_on, created_at FROM damage_reports \
             WHERE id = $1 AND school_id = $school",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?;
        let from: String = row.try_get("status")?;
        let from = DamageStatus::parse(&from).map_err(|_| AppError::internal("status"))?;
        let asset: Option<Uuid> = row.try_get("asset_id")?;
        let edits = step.edits_record();
        let Step {
            to,
            reason,
            measure,
            due_on,
        } = step;
        from.step(to, reason.as_deref())?;
        if edits {
            let opened = school_date(row.try_get("created_at")?);
            for ledger in [ClosableLedger::Repairs, ClosableLedger::Hazards] {
                if let Some(period) = closed_period(&mut tx, &ledger.code(), opened).await? {
                    let closed = Problem::PeriodClosed { period };
                    return Err(Invalid::new(Field::Record, closed).into());
                }
            }
        }
        query(
            "UPDATE damage_reports SET status = $1, reject_reason = COALESCE($2, reject_reason), \
             measure = COALESCE($3, measure), due_on = COALESCE($4, due_on), updated_at = $5 \
             WHERE id = $6",
        )
        .bind(to.code())
        .bind(reason.as_deref().filter(|_| to == DamageStatus::Rejected))
        .bind(&measure)
        .bind(&due_on)
        .bind(Utc::now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let mut before = serde_json::json!({ "status": from.code() });
        let mut after = serde_json::json!({ "status": to.code(), "reason": reason });
        for (key, new) in [("measure", &measure), ("due_on", &due_on)] {
            let old: Option<String> = row.try_get(key)?;
            if new.is_some() && *new != old {
                before[key] = serde_json::json!(old);
                after[key] = serde_json::json!(new);
            }
        }
        record(
            &mut tx,
            actor,
            Entity::DamageReport,
            id,
            "update",
            Some(&before),
            Some(&after),
        )
        .await?;
        if let (Some(asset), Some(status)) = (asset, to.asset_status()) {
            let old: String = query_scalar("SELECT status FROM assets WHERE id = $1")
                .bind(asset)
                .fetch_one(&mut *tx)
                .await?;
            if old != status.code() {
                query("UPDATE assets SET status = $1 WHERE id = $2")
                    .bind(status.code())
                    .bind(asset)
                    .execute(&mut *tx)
                    .await?;
                let before = serde_json::json!({ "status": old });
                let after = serde_json::json!({ "status": status.code(), "damage_report": id });
                record(
                    &mut tx,
                    actor,
                    Entity::Asset,
                    asset,
                    "update",
                    Some(&before),
                    Some(&after),
                )
                .await?;
            }
        }
        tx.commit().await?;
        self.damage_report(id)
            .await?
            .ok_or_else(|| AppError::internal("report vanished"))
    }
}
