//! Label printing: what each label says, custom stocks, and the print log.

use super::history::record;
use super::{db_error, SqlStore};
use crate::domain::{Field, Invalid, Problem, TagCode};
use crate::error::{AppError, AppResult};
use crate::labels::{
    too_many, AssetFilter, LabelItem, LabelKind, Length, Selection, Stock, MAX_LABELS,
};
use crate::model::{Paging, PrintJob};
use crate::ssr::db::{query, query_scalar, Arg, QueryBuilder, Row};
use crate::ssr::labels::store::LabelStore;
use crate::ssr::labels::store::PrintRecord;
use crate::ssr::store::{Actor, Entity};
use chrono::Utc;
use std::collections::HashMap;
use uuid::Uuid;

/// Every tag with what its label says: an asset (with its room and custodian, the room's
/// custodian standing in), a room's door, a shelf of the supplies store, a key (with its hook in
/// the cabinet), or nothing yet; the asker's school's tags only.
const LABEL_SELECT: &str = "SELECT t.code, \
    CASE WHEN a.id IS NOT NULL THEN 'asset' WHEN r.id IS NOT NULL THEN 'door' \
    WHEN sh.id IS NOT NULL THEN 'shelf' WHEN k.id IS NOT NULL THEN 'key' ELSE 'blank' END AS kind, \
    COALESCE(a.name, r.name, sh.name, k.name, '') AS title, \
    CASE WHEN a.id IS NOT NULL THEN ab.name || ' · ' || ar.name WHEN k.id IS NOT NULL THEN k.hook \
    ELSE rb.name END AS place, \
    a.asset_code, COALESCE(au.display_name, aru.display_name, ru.display_name) AS custodian \
    FROM tags t \
    LEFT JOIN assets a ON a.id = t.asset_id \
    LEFT JOIN rooms ar ON ar.id = a.room_id LEFT JOIN buildings ab ON ab.id = ar.building_id \
    LEFT JOIN users au ON au.id = a.custodian_id LEFT JOIN users aru ON aru.id = ar.custodian_id \
    LEFT JOIN rooms r ON r.id = t.room_id LEFT JOIN buildings rb ON rb.id = r.building_id \
    LEFT JOIN users ru ON ru.id = r.custodian_id \
    LEFT JOIN supply_shelves sh ON sh.id = t.shelf_id LEFT JOIN keys k ON k.id = t.key_id \
    WHERE t.school_id = $school";

const NEVER_PRINTED: &str =
    " AND NOT EXISTS (SELECT 1 FROM label_prints p WHERE p.tag_code = t.code)";

const STOCK_SELECT: &str = "SELECT name, page_width, page_height, columns, rows, margin_left, \
    margin_top, gap_x, gap_y, label_width, label_height FROM label_stocks WHERE school_id = $school";

/// Print-log rows a single INSERT carries (3 parameters each, far below SQLite's limit).
const PRINTS_PER_INSERT: usize = 400;

fn corrupt_code(code: &str) -> AppError {
    AppError::internal(format!("the print log holds a malformed tag code {code:?}"))
}

fn item(row: &Row) -> AppResult<LabelItem> {
    let get = |e: sqlx::Error| AppError::internal(e);
    let kind = match row.try_get::<String, _>("kind").map_err(get)?.as_str() {
        "asset" => LabelKind::Asset,
        "door" => LabelKind::Door,
        "shelf" => LabelKind::Shelf,
        "key" => LabelKind::Key,
        _ => LabelKind::Blank,
    };
    Ok(LabelItem {
        tag: row.try_get("code").map_err(get)?,
        kind,
        title: row.try_get("title").map_err(get)?,
        place: row.try_get("place").map_err(get)?,
        asset_code: row.try_get("asset_code").map_err(get)?,
        custodian: row.try_get("custodian").map_err(get)?,
    })
}

fn stock(row: &Row) -> AppResult<Stock> {
    let get = |e: sqlx::Error| AppError::internal(e);
    let len = |c: &str| row.try_get::<i32, _>(c).map(Length).map_err(get);
    let count = |c: &str| row.try_get::<u16, _>(c).map_err(get);
    Ok(Stock {
        key: row.try_get("name").map_err(get)?,
        page_width: len("page_width")?,
        page_height: len("page_height")?,
        columns: count("columns")?,
        rows: count("rows")?,
        margin_left: len("margin_left")?,
        margin_top: len("margin_top")?,
        gap_x: len("gap_x")?,
        gap_y: len("gap_y")?,
        label_width: len("label_width")?,
        label_height: len("label_height")?,
    })
}

/// Adds the filter's conditions; `doors` picks which joins they apply to.
fn push_filter(q: &mut QueryBuilder, f: &AssetFilter, doors: bool) {
    let (building, room) = if doors {
        ("r.building_id", "r.id")
    } else {
        ("ar.building_id", "a.room_id")
    };
    if let Some(id) = f.building {
        q.push(format!(" AND {building} = ")).push_bind(id);
    }
    if let Some(id) = f.room {
        q.push(format!(" AND {room} = ")).push_bind(id);
    }
    if let Some(category) = &f.category {
        q.push(" AND a.category = ").push_bind(category.clone());
    }
    if let Some(status) = f.status {
        q.push(" AND a.status = ").push_bind(status.code());
    }
    if f.never_printed {
        q.push(NEVER_PRINTED);
    }
}

#[async_trait::async_trait]
impl LabelStore for SqlStore {
    async fn label_items(&self, selection: &Selection) -> AppResult<Vec<LabelItem>> {
        let mut q = QueryBuilder::new(LABEL_SELECT);
        match selection {
            Selection::NewTags(_) => return Ok(Vec::new()),
            Selection::Reprint(job) => {
                let codes: Vec<String> = query_scalar(
                    "SELECT p.tag_code FROM label_prints p JOIN label_jobs j ON j.id = p.job_id \
                     WHERE p.job_id = $1 AND j.school_id = $school ORDER BY p.seq",
                )
                .bind(job)
                .fetch_all(&self.db)
                .await?;
                if codes.is_empty() {
                    return Err(AppError::NotFound);
                }
                let codes = codes
                    .iter()
                    .map(|c| TagCode::parse(c).map_err(|_| corrupt_code(c)))
                    .collect::<AppResult<Vec<_>>>()?;
                return self.label_items(&Selection::Tags(codes)).await;
            }
            Selection::Tags(codes) => {
                q.push(" AND t.code IN (");
                let mut list = q.separated(", ");
                for code in codes {
                    list.push_bind(code.as_str().to_string());
                }
                q.push(")");
            }
            Selection::Assets(f) => {
                q.push(" AND t.asset_id IS NOT NULL");
                push_filter(&mut q, f, false);
                q.push(" ORDER BY ab.name, ar.floor, ar.name, a.category, a.asset_code");
            }
            Selection::Shelves => {
                q.push(" AND t.shelf_id IS NOT NULL ORDER BY sh.name");
            }
            Selection::Keys => {
                q.push(" AND t.key_id IS NOT NULL ORDER BY k.hook, k.name");
            }
            Selection::Doors(f) => {
                q.push(" AND t.room_id IS NOT NULL");
                push_filter(&mut q, f, true);
                q.push(" ORDER BY rb.name, r.floor, r.name");
            }
        }
        if !matches!(selection, Selection::Tags(_)) {
            q.push(" LIMIT ").push_bind(MAX_LABELS as i64 + 1);
        }
        let rows = q.build().fetch_all(&self.db).await?;
        let items = rows.iter().map(item).collect::<AppResult<Vec<_>>>()?;
        if items.len() > MAX_LABELS {
            return Err(too_many().into());
        }
        let Selection::Tags(codes) = selection else {
            return Ok(items);
        };
        // A hand-picked list prints in the order given, repeats included.
        let by_code: HashMap<&str, &LabelItem> =
            items.iter().map(|i| (i.tag.as_str(), i)).collect();
        codes
            .iter()
            .map(|c| {
                by_code
                    .get(c.as_str())
                    .map(|i| (*i).clone())
                    .ok_or_else(|| {
                        let code = c.as_str().to_string();
                        Invalid::new(Field::Tags, Problem::NotRegistered { code }).into()
                    })
            })
            .collect()
    }

    async fn log_print(&self, actor: Actor, job: PrintRecord) -> AppResult<Uuid> {
        let mut tx = self.write().await?;
        let now = Utc::now();
        for code in &job.new_tags {
            query("INSERT INTO tags (code, created_at, school_id) VALUES ($1, $2, $school)")
                .bind(code.as_str())
                .bind(now)
                .execute(&mut *tx)
                .await
                .map_err(db_error(Field::Tag))?;
        }
        let id = Uuid::now_v7();
        query(
            "INSERT INTO label_jobs (id, at, actor_id, stock, skip, labels, request, school_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $school)",
        )
        .bind(id)
        .bind(now)
        .bind(actor.0)
        .bind(&job.stock)
        .bind(job.skip as i64)
        .bind(job.tags.len() as i64)
        .bind(Arg::json(&job.request)?)
        .execute(&mut *tx)
        .await?;
        for (chunk_no, chunk) in job.tags.chunks(PRINTS_PER_INSERT).enumerate() {
            let mut q = QueryBuilder::new("INSERT INTO label_prints (job_id, seq, tag_code) ");
            q.push_values(chunk.iter().enumerate(), |mut row, (i, code)| {
                row.push_bind(id)
                    .push_bind((chunk_no * PRINTS_PER_INSERT + i) as i64)
                    .push_bind(code.clone());
            });
            q.build().execute(&mut *tx).await?;
        }
        let after = serde_json::json!({
            "stock": job.stock,
            "skip": job.skip,
            "labels": job.tags.len(),
            "request": job.request,
            "new_tags": job.new_tags.iter().map(TagCode::as_str).collect::<Vec<_>>(),
        });
        record(
            &mut tx,
            actor,
            Entity::LabelJob,
            id,
            "print",
            None,
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn recent_prints(&self, paging: Paging) -> AppResult<Vec<PrintJob>> {
        let rows = query(
            "SELECT j.id, j.at, j.stock, j.labels, u.id AS u_id, u.display_name FROM label_jobs j \
             LEFT JOIN users u ON u.id = j.actor_id WHERE j.school_id = $school \
             ORDER BY j.id DESC LIMIT $1 OFFSET $2",
        )
        .bind(paging.limit)
        .bind(paging.offset)
        .fetch_all(&self.db)
        .await?;
        rows.iter()
            .map(|r| {
                let get = |e: sqlx::Error| AppError::internal(e);
                let user: Option<Uuid> = r.try_get("u_id").map_err(get)?;
                let name: Option<String> = r.try_get("display_name").map_err(get)?;
                Ok(PrintJob {
                    id: r.try_get("id").map_err(get)?,
                    at: crate::ssr::clock::school_time(r.try_get("at").map_err(get)?),
                    stock: r.try_get("stock").map_err(get)?,
                    labels: r.try_get("labels").map_err(get)?,
                    by: user
                        .zip(name)
                        .map(|(id, name)| crate::model::Named { id, name }),
                })
            })
            .collect()
    }

    async fn custom_stocks(&self) -> AppResult<Vec<Stock>> {
        let rows = query(format!("{STOCK_SELECT} ORDER BY name"))
            .fetch_all(&self.db)
            .await?;
        rows.iter().map(stock).collect()
    }

    async fn custom_stock(&self, name: &str) -> AppResult<Option<Stock>> {
        let row = query(format!("{STOCK_SELECT} AND name = $1"))
            .bind(name)
            .fetch_optional(&self.db)
            .await?;
        row.as_ref().map(stock).transpose()
    }

    /// Saves a custom stock under its name, replacing one of the same name.
    async fn save_stock(&self, actor: Actor, s: &Stock) -> AppResult<Stock> {
        let mut tx = self.write().await?;
        let before = query(format!("{STOCK_SELECT} AND name = $1"))
            .bind(&s.key)
            .fetch_optional(&mut *tx)
            .await?
            .as_ref()
            .map(stock)
            .transpose()?;
        let id: Uuid = query_scalar(
            "INSERT INTO label_stocks (id, name, page_width, page_height, columns, rows, \
             margin_left, margin_top, gap_x, gap_y, label_width, label_height, updated_at, school_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $school) \
             ON CONFLICT (school_id, name) DO UPDATE SET page_width = excluded.page_width, \
             page_height = excluded.page_height, columns = excluded.columns, rows = excluded.rows, \
             margin_left = excluded.margin_left, margin_top = excluded.margin_top, \
             gap_x = excluded.gap_x, gap_y = excluded.gap_y, label_width = excluded.label_width, \
             label_height = excluded.label_height, updated_at = excluded.updated_at RETURNING id",
        )
        .bind(Uuid::now_v7())
        .bind(&s.key)
        .bind(s.page_width.0)
        .bind(s.page_height.0)
        .bind(s.columns)
        .bind(s.rows)
        .bind(s.margin_left.0)
        .bind(s.margin_top.0)
        .bind(s.gap_x.0)
        .bind(s.gap_y.0)
        .bind(s.label_width.0)
        .bind(s.label_height.0)
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await?;
        let action = if before.is_some() { "update" } else { "create" };
        let spec = |s: &Stock| serde_json::json!({ "name": s.key, "spec": s.spec() });
        let (before, after) = (before.as_ref().map(spec), spec(s));
        record(
            &mut tx,
            actor,
            Entity::LabelStock,
            id,
            action,
            before.as_ref(),
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(s.clone())
    }
}
