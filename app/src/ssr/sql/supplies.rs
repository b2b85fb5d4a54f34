//! The supplies store: items with what is on hand, the moves of stock, and teachers' requests.
//! An issue takes stock with one conditional UPDATE (`on_hand >= wanted`), so issues that race
//! for the last units can never take more than is there, on either database.

use super::history::{commit_with_history, record, Change};
use super::register::attach_tag;
use super::rows::{corrupt, get, named, person};
use super::{db_error, like_pattern, SqlStore};
use crate::domain::{Field, Invalid, Problem};
use crate::error::{AppError, AppResult};
use crate::ledgers::supplies::SupplyBalance;
use crate::model::{Page, Paging};
use crate::ssr::clock::school_time_at;
use crate::ssr::db::{query, query_scalar, Query, Row, Tx};
use crate::ssr::store::{Actor, Entity};
use crate::ssr::supplies::store::{ItemFilter, RequestFilter, SupplyStore};
use crate::supplies::{
    short_of, MoveKind, NewMove, NewRequest, NewSupplyItem, RequestState, Shelf, SupplyItem,
    SupplyKind, SupplyMove, SupplyRequest,
};
use chrono::{DateTime, Utc};
use serde_json::json;
use uuid::Uuid;

const ITEM_SELECT: &str = "SELECT i.id, i.name, i.kind, i.unit, s.name AS shelf, \
     s.id AS shelf_id, i.min_stock, i.on_hand, (SELECT COUNT(*) FROM supply_requests r \
     WHERE r.item_id = i.id AND r.state = 'requested') AS waiting FROM supply_items i \
     LEFT JOIN supply_shelves s ON s.id = i.shelf_id WHERE i.school_id = $school";

const SHELF_SELECT: &str = "SELECT s.id, s.name, t.code AS tag, \
     (SELECT COUNT(*) FROM supply_items i WHERE i.shelf_id = s.id) AS items \
     FROM supply_shelves s JOIN tags t ON t.shelf_id = s.id WHERE s.school_id = $school";

const MOVE_SELECT: &str = "SELECT m.id, m.kind, m.quantity, m.on_hand_after, m.supplier, \
     m.unit_price_fen, m.amount_fen, m.issued_to, m.request_id, m.purchase_id, m.note, m.at, i.id AS i_id, \
     i.name AS i_name, i.unit, u.id AS u_id, u.display_name AS u_name FROM supply_moves m \
     JOIN supply_items i ON i.id = m.item_id JOIN users u ON u.id = m.by_id \
     WHERE m.school_id = $school";

const REQUEST_SELECT: &str = "SELECT r.id, r.quantity, r.issued_to, r.note, r.state, \
     r.requested_at, r.decided_at, r.reason, i.id AS i_id, i.name AS i_name, i.unit, i.on_hand, \
     rb.id AS rb_id, rb.display_name AS rb_name, db.id AS db_id, db.display_name AS db_name \
     FROM supply_requests r JOIN supply_items i ON i.id = r.item_id \
     JOIN users rb ON rb.id = r.requested_by LEFT JOIN users db ON db.id = r.decided_by \
     WHERE r.school_id = $school";

fn item(row: &Row) -> AppResult<SupplyItem> {
    let kind: String = get(row, "kind")?;
    let min_stock: i64 = get(row, "min_stock")?;
    let on_hand: i64 = get(row, "on_hand")?;
    Ok(SupplyItem {
        id: get(row, "id")?,
        name: get(row, "name")?,
        kind: SupplyKind::parse(&kind).map_err(|_| corrupt("supply kind"))?,
        unit: get(row, "unit")?,
        shelf: get(row, "shelf")?,
        shelf_id: get(row, "shelf_id")?,
        min_stock,
        on_hand,
        low: on_hand <= min_stock,
        waiting: get(row, "waiting")?,
    })
}

fn stock_move(row: &Row) -> AppResult<SupplyMove> {
    let kind: String = get(row, "kind")?;
    Ok(SupplyMove {
        id: get(row, "id")?,
        item: person(row, "i_id", "i_name")?,
        unit: get(row, "unit")?,
        kind: MoveKind::parse(&kind).map_err(|_| corrupt("supply move"))?,
        quantity: get(row, "quantity")?,
        on_hand_after: get(row, "on_hand_after")?,
        supplier: get(row, "supplier")?,
        unit_price_fen: get(row, "unit_price_fen")?,
        amount_fen: get(row, "amount_fen")?,
        issued_to: get(row, "issued_to")?,
        request_id: get(row, "request_id")?,
        purchase_id: get(row, "purchase_id")?,
        note: get(row, "note")?,
        by: person(row, "u_id", "u_name")?,
        at: school_time_at(get(row, "at")?),
    })
}

fn request(row: &Row) -> AppResult<SupplyRequest> {
    let state: String = get(row, "state")?;
    let decided_at: Option<DateTime<Utc>> = get(row, "decided_at")?;
    Ok(SupplyRequest {
        id: get(row, "id")?,
        item: person(row, "i_id", "i_name")?,
        unit: get(row, "unit")?,
        quantity: get(row, "quantity")?,
        issued_to: get(row, "issued_to")?,
        note: get(row, "note")?,
        state: RequestState::parse(&state).map_err(|_| corrupt("request state"))?,
        requested_by: person(row, "rb_id", "rb_name")?,
        requested_at: school_time_at(get(row, "requested_at")?),
        decided_by: named(row, "db_id", "db_name").map_err(AppError::internal)?,
        decided_at: decided_at.map(school_time_at),
        reason: get(row, "reason")?,
        on_hand: get(row, "on_hand")?,
    })
}

fn shelf(row: &Row) -> AppResult<Shelf> {
    Ok(Shelf {
        id: get(row, "id")?,
        name: get(row, "name")?,
        tag: get(row, "tag")?,
        items: get(row, "items")?,
    })
}

/// The shelf named `name`, made with a tag of its own (for its label) when the store has none
/// of that name; none for no name.
async fn shelf_named(tx: &mut Tx, actor: Actor, name: Option<&str>) -> AppResult<Option<Uuid>> {
    let Some(name) = name else {
        return Ok(None);
    };
    let found: Option<Uuid> =
        query_scalar("SELECT id FROM supply_shelves WHERE school_id = $school AND name = $1")
            .bind(name)
            .fetch_optional(&mut **tx)
            .await?;
    if found.is_some() {
        return Ok(found);
    }
    let id = Uuid::now_v7();
    query(
        "INSERT INTO supply_shelves (id, school_id, name, created_at) VALUES ($1, $school, $2, $3)",
    )
    .bind(id)
    .bind(name)
    .bind(Utc::now())
    .execute(&mut **tx)
    .await
    .map_err(db_error(Field::Shelf))?;
    attach_tag(tx, "shelf_id", id, None).await?;
    let after = json!({ "name": name });
    record(
        tx,
        actor,
        Entity::SupplyShelf,
        id,
        "create",
        None,
        Some(&after),
    )
    .await?;
    Ok(Some(id))
}

/// What the history keeps of an item.
fn item_doc(item: &NewSupplyItem) -> serde_json::Value {
    json!({ "name": item.name, "kind": item.kind.code(), "unit": item.unit,
        "shelf": item.shelf, "min_stock": item.min_stock })
}

/// What is on hand of `item` in the transaction's school; not found when it is not the school's.
async fn on_hand(tx: &mut Tx, item: Uuid) -> AppResult<i64> {
    query_scalar("SELECT on_hand FROM supply_items WHERE id = $1 AND school_id = $school")
        .bind(item)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(AppError::NotFound)
}

/// Marks a waiting request of `item` issued, with history; a request that no longer waits is
/// a step out of order.
async fn issue_request(tx: &mut Tx, actor: Actor, request: Uuid, item: Uuid) -> AppResult<()> {
    let done = query(
        "UPDATE supply_requests SET state = 'issued', decided_by = $1, decided_at = $2 \
         WHERE id = $3 AND item_id = $4 AND school_id = $school AND state = 'requested'",
    )
    .bind(actor.0)
    .bind(Utc::now())
    .bind(request)
    .bind(item)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() != 1 {
        let known: Option<String> = query_scalar(
            "SELECT state FROM supply_requests WHERE id = $1 AND item_id = $2 \
             AND school_id = $school",
        )
        .bind(request)
        .bind(item)
        .fetch_optional(&mut **tx)
        .await?;
        return Err(match known {
            Some(_) => Invalid::new(Field::Status, Problem::BadTransition).into(),
            None => AppError::NotFound,
        });
    }
    let state = |s: RequestState| json!({ "state": s.code() });
    record(
        tx,
        actor,
        Entity::SupplyRequest,
        request,
        "update",
        Some(&state(RequestState::Requested)),
        Some(&state(RequestState::Issued)),
    )
    .await
}

/// Moves stock of `item` inside the caller's transaction as move `id`, with history: a receipt
/// adds to what is on hand; an issue takes from it only where enough is left (else
/// `NotEnoughStock` with what is left). The move names the request it answers or the purchase
/// it came from.
pub(super) async fn stock_moved(
    tx: &mut Tx,
    actor: Actor,
    (id, item): (Uuid, Uuid),
    m: &NewMove,
    (request, purchase): (Option<Uuid>, Option<Uuid>),
) -> AppResult<()> {
    let by = actor.0.ok_or(AppError::Unauthorized)?;
    on_hand(tx, item).await?;
    let (change, action) = match m.kind {
        MoveKind::Received => ("on_hand + $1", "receive"),
        MoveKind::Issued => ("on_hand - $1", "issue"),
    };
    let taken = query(format!(
        "UPDATE supply_items SET on_hand = {change} WHERE id = $2 AND school_id = $school \
         AND ($3 = 0 OR on_hand >= $1)"
    ))
    .bind(m.quantity)
    .bind(item)
    .bind(i64::from(m.kind == MoveKind::Issued))
    .execute(&mut **tx)
    .await?;
    if taken.rows_affected() != 1 {
        return Err(short_of(on_hand(tx, item).await?).into());
    }
    let after = on_hand(tx, item).await?;
    query(
        "INSERT INTO supply_moves (id, school_id, item_id, kind, quantity, on_hand_after, \
         supplier, unit_price_fen, amount_fen, issued_to, request_id, purchase_id, note, by_id, \
         at) VALUES ($1, $school, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(id)
    .bind(item)
    .bind(m.kind.code())
    .bind(m.quantity)
    .bind(after)
    .bind(&m.supplier)
    .bind(m.unit_price.map(|f| f.fen()))
    .bind(m.amount)
    .bind(&m.issued_to)
    .bind(request)
    .bind(purchase)
    .bind(&m.note)
    .bind(by)
    .bind(Utc::now())
    .execute(&mut **tx)
    .await?;
    let moved = json!({ "on_hand": after, "move": id, "quantity": m.quantity,
        "supplier": m.supplier, "amount_fen": m.amount,
        "issued_to": m.issued_to, "request": request, "purchase": purchase });
    let before = match m.kind {
        MoveKind::Received => after - m.quantity,
        MoveKind::Issued => after + m.quantity,
    };
    let was = json!({ "on_hand": before });
    record(
        tx,
        actor,
        Entity::SupplyItem,
        item,
        action,
        Some(&was),
        Some(&moved),
    )
    .await
}

impl SqlStore {
    /// Records `change` to an item in the history, commits, and reads the item back.
    async fn item_saved(&self, tx: Tx, actor: Actor, c: Change) -> AppResult<SupplyItem> {
        let (id, before, after) = c;
        commit_with_history(tx, actor, Entity::SupplyItem, id, before.as_ref(), after).await?;
        self.stored_item(id).await
    }

    /// Records `change` to a request in the history, commits, and reads the request back.
    async fn request_saved(&self, tx: Tx, actor: Actor, c: Change) -> AppResult<SupplyRequest> {
        let (id, before, after) = c;
        commit_with_history(tx, actor, Entity::SupplyRequest, id, before.as_ref(), after).await?;
        self.supply_request(id)
            .await?
            .ok_or_else(|| AppError::internal("request vanished"))
    }

    async fn move_by_id(&self, id: Uuid) -> AppResult<SupplyMove> {
        let sql = format!("{MOVE_SELECT} AND m.id = $1");
        let row = query(sql).bind(id).fetch_one(&self.db).await?;
        stock_move(&row)
    }

    async fn stored_item(&self, id: Uuid) -> AppResult<SupplyItem> {
        self.supply_item(id).await?.ok_or(AppError::NotFound)
    }
}

#[async_trait::async_trait]
impl SupplyStore for SqlStore {
    async fn supply_items(&self, filter: &ItemFilter) -> AppResult<Page<SupplyItem>> {
        let paging = filter.list.paging();
        let pattern = filter.list.words().map(like_pattern);
        let like = self.db.dialect().ilike();
        let filter_sql = format!(
            "AND ($1 IS NULL OR i.name {like} $1 ESCAPE '\\' OR s.name {like} $1 ESCAPE '\\') \
             AND ($2 = 0 OR i.on_hand <= i.min_stock) AND ($3 IS NULL OR i.shelf_id = $3)"
        );
        let low = i64::from(filter.low_only);
        let select =
            format!("{ITEM_SELECT} {filter_sql} ORDER BY i.kind, i.name LIMIT $4 OFFSET $5");
        let count = format!(
            "SELECT COUNT(*) FROM supply_items i LEFT JOIN supply_shelves s ON s.id = i.shelf_id \
             WHERE i.school_id = $school {filter_sql}"
        );
        let bind = |q: Query| q.bind(&pattern).bind(low).bind(filter.shelf);
        let (rows, total) = self.page_rows((&select, &count), bind, paging).await?;
        Ok(Page {
            items: rows.iter().map(item).collect::<AppResult<_>>()?,
            total,
            limit: paging.limit,
            offset: paging.offset,
        })
    }

    async fn supply_figures(&self) -> AppResult<(i64, i64)> {
        let row = query(
            "SELECT (SELECT COUNT(*) FROM supply_items i WHERE i.school_id = $school \
             AND i.on_hand <= i.min_stock) AS low, (SELECT COUNT(*) FROM supply_requests r \
             WHERE r.school_id = $school AND r.state = 'requested') AS waiting",
        )
        .fetch_one(&self.db)
        .await?;
        Ok((get(&row, "low")?, get(&row, "waiting")?))
    }

    async fn supply_shelves(&self) -> AppResult<Vec<Shelf>> {
        let sql = format!("{SHELF_SELECT} ORDER BY s.name");
        query(sql)
            .fetch_all(&self.db)
            .await?
            .iter()
            .map(shelf)
            .collect()
    }

    async fn supply_shelf(&self, id: Uuid) -> AppResult<Option<Shelf>> {
        let sql = format!("{SHELF_SELECT} AND s.id = $1");
        let row = query(sql).bind(id).fetch_optional(&self.db).await?;
        row.as_ref().map(shelf).transpose()
    }

    async fn supply_item(&self, id: Uuid) -> AppResult<Option<SupplyItem>> {
        let sql = format!("{ITEM_SELECT} AND i.id = $1");
        let row = query(sql).bind(id).fetch_optional(&self.db).await?;
        row.as_ref().map(item).transpose()
    }

    async fn add_supply_item(
        &self,
        actor: Actor,
        id: Uuid,
        new: NewSupplyItem,
    ) -> AppResult<SupplyItem> {
        let mut tx = self.write().await?;
        let shelf = shelf_named(&mut tx, actor, new.shelf.as_deref()).await?;
        query(
            "INSERT INTO supply_items (id, school_id, name, kind, unit, shelf_id, min_stock, \
             on_hand, created_at) VALUES ($1, $school, $2, $3, $4, $5, $6, 0, $7)",
        )
        .bind(id)
        .bind(&new.name)
        .bind(new.kind.code())
        .bind(&new.unit)
        .bind(shelf)
        .bind(new.min_stock)
        .bind(Utc::now())
        .execute(&mut *tx)
        .await
        .map_err(db_error(Field::Name))?;
        let after = item_doc(&new);
        self.item_saved(tx, actor, (id, None, after)).await
    }

    async fn edit_supply_item(
        &self,
        actor: Actor,
        id: Uuid,
        new: NewSupplyItem,
    ) -> AppResult<SupplyItem> {
        let old = self.stored_item(id).await?;
        let mut tx = self.write().await?;
        let shelf = shelf_named(&mut tx, actor, new.shelf.as_deref()).await?;
        let done = query(
            "UPDATE supply_items SET name = $1, kind = $2, unit = $3, shelf_id = $4, \
             min_stock = $5 WHERE id = $6 AND school_id = $school",
        )
        .bind(&new.name)
        .bind(new.kind.code())
        .bind(&new.unit)
        .bind(shelf)
        .bind(new.min_stock)
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(db_error(Field::Name))?;
        if done.rows_affected() != 1 {
            return Err(AppError::NotFound);
        }
        let before = item_doc(&NewSupplyItem {
            name: old.name,
            kind: old.kind,
            unit: old.unit,
            shelf: old.shelf,
            min_stock: old.min_stock,
        });
        let after = item_doc(&new);
        self.item_saved(tx, actor, (id, Some(before), after)).await
    }

    async fn move_supplies(
        &self,
        actor: Actor,
        id: Uuid,
        item: Uuid,
        m: NewMove,
        request: Option<Uuid>,
    ) -> AppResult<SupplyMove> {
        let mut tx = self.write().await?;
        if let Some(request) = request {
            on_hand(&mut tx, item).await?;
            issue_request(&mut tx, actor, request, item).await?;
        }
        stock_moved(&mut tx, actor, (id, item), &m, (request, None)).await?;
        tx.commit().await?;
        self.move_by_id(id).await
    }

    async fn supply_moves(&self, item: Option<Uuid>, paging: Paging) -> AppResult<Vec<SupplyMove>> {
        let of_item = if item.is_some() {
            "AND m.item_id = $3"
        } else {
            ""
        };
        let sql =
            format!("{MOVE_SELECT} {of_item} ORDER BY m.at DESC, m.id DESC LIMIT $1 OFFSET $2");
        let mut q = query(sql).bind(paging.limit).bind(paging.offset);
        if let Some(item) = item {
            q = q.bind(item);
        }
        q.fetch_all(&self.db)
            .await?
            .iter()
            .map(stock_move)
            .collect()
    }

    async fn supply_moves_between(
        &self,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    ) -> AppResult<Vec<SupplyMove>> {
        let sql = format!("{MOVE_SELECT} AND m.at >= $1 AND m.at < $2 ORDER BY m.at, m.id");
        let rows = query(sql).bind(start).bind(end).fetch_all(&self.db).await?;
        rows.iter().map(stock_move).collect()
    }

    async fn supply_balances(
        &self,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    ) -> AppResult<Vec<SupplyBalance>> {
        let moved = |kind: &str, what: &str| {
            format!(
                "CAST(COALESCE((SELECT SUM(m.{what}) FROM supply_moves m WHERE m.item_id = i.id \
                 AND m.kind = '{kind}' AND m.at >= $1 AND m.at < $2), 0) AS BIGINT)"
            )
        };
        let sql = format!(
            "SELECT i.name, i.kind, i.unit, COALESCE((SELECT m.on_hand_after FROM supply_moves m \
             WHERE m.item_id = i.id AND m.at < $1 ORDER BY m.at DESC, m.id DESC LIMIT 1), 0) \
             AS opening, {} AS received, {} AS issued, {} AS received_fen FROM supply_items i \
             WHERE i.school_id = $school ORDER BY i.kind, i.name",
            moved("received", "quantity"),
            moved("issued", "quantity"),
            moved("received", "amount_fen"),
        );
        let rows = query(sql).bind(start).bind(end).fetch_all(&self.db).await?;
        rows.iter()
            .map(|row| {
                let kind: String = get(row, "kind")?;
                Ok(SupplyBalance {
                    name: get(row, "name")?,
                    kind: SupplyKind::parse(&kind).map_err(|_| corrupt("supply kind"))?,
                    unit: get(row, "unit")?,
                    opening: get(row, "opening")?,
                    received: get(row, "received")?,
                    issued: get(row, "issued")?,
                    received_fen: get(row, "received_fen")?,
                })
            })
            .collect()
    }

    async fn request_supplies(
        &self,
        actor: Actor,
        id: Uuid,
        r: NewRequest,
    ) -> AppResult<SupplyRequest> {
        let by = actor.0.ok_or(AppError::Unauthorized)?;
        let mut tx = self.write().await?;
        on_hand(&mut tx, r.item).await?;
        query(
            "INSERT INTO supply_requests (id, school_id, item_id, quantity, issued_to, note, \
             state, requested_by, requested_at) \
             VALUES ($1, $school, $2, $3, $4, $5, 'requested', $6, $7)",
        )
        .bind(id)
        .bind(r.item)
        .bind(r.quantity)
        .bind(&r.issued_to)
        .bind(&r.note)
        .bind(by)
        .bind(Utc::now())
        .execute(&mut *tx)
        .await?;
        let after = json!({ "item": r.item, "quantity": r.quantity, "issued_to": r.issued_to,
            "note": r.note, "state": RequestState::Requested.code() });
        self.request_saved(tx, actor, (id, None, after)).await
    }

    async fn supply_requests(
        &self,
        filter: RequestFilter,
        paging: Paging,
    ) -> AppResult<Vec<SupplyRequest>> {
        let sql = format!(
            "{REQUEST_SELECT} AND ($1 IS NULL OR r.state = $1) AND ($2 IS NULL OR r.requested_by = $2) \
             AND ($3 IS NULL OR r.item_id = $3) \
             ORDER BY CASE WHEN r.state = 'requested' THEN 0 ELSE 1 END, r.requested_at DESC, r.id \
             LIMIT $4 OFFSET $5"
        );
        let rows = query(sql)
            .bind(filter.state.map(|s| s.code()))
            .bind(filter.by)
            .bind(filter.item)
            .bind(paging.limit)
            .bind(paging.offset)
            .fetch_all(&self.db)
            .await?;
        rows.iter().map(request).collect()
    }

    async fn supply_request(&self, id: Uuid) -> AppResult<Option<SupplyRequest>> {
        let sql = format!("{REQUEST_SELECT} AND r.id = $1");
        let row = query(sql).bind(id).fetch_optional(&self.db).await?;
        row.as_ref().map(request).transpose()
    }

    async fn close_supply_request(
        &self,
        actor: Actor,
        id: Uuid,
        to: RequestState,
        reason: Option<String>,
    ) -> AppResult<SupplyRequest> {
        let mut tx = self.write().await?;
        let done = query(
            "UPDATE supply_requests SET state = $1, decided_by = $2, decided_at = $3, reason = $4 \
             WHERE id = $5 AND school_id = $school AND state = 'requested'",
        )
        .bind(to.code())
        .bind(actor.0)
        .bind(Utc::now())
        .bind(&reason)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(Invalid::new(Field::Status, Problem::BadTransition).into());
        }
        let before = json!({ "state": RequestState::Requested.code() });
        let after = json!({ "state": to.code(), "reason": reason });
        self.request_saved(tx, actor, (id, Some(before), after))
            .await
    }
}
