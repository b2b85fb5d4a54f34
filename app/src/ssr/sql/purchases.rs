//! Purchasing: purchases with their lines, the year's budget, and the acceptance of a delivery,
//! which receives supplies into stock and registers new assets in the same transaction. Every
//! step moves a purchase with one conditional UPDATE on its state, so two admins approving at
//! once, or two keepers accepting, move it once.

use super::history::{commit_with_history, record, Change};
use super::register::{asset_in, attach_tag, bind_asset, ensure_exists, INSERT_ASSET};
use super::rows::{corrupt, get, named, person};
use super::supplies::stock_moved;
use super::{db_error, SqlStore};
use crate::domain::{AssetCode, AssetStatus, Fen, Field, Invalid, Problem, PurchaseDate};
use crate::error::{AppError, AppResult};
use crate::forms::AssetFields;
use crate::model::{Named, Paging};
use crate::purchases::{
    asset_code, number, spends, Acceptance, BoughtAsset, BudgetInput, BudgetLine, LineKind,
    NewLine, NewPurchase, Ordered, Purchase, PurchaseLine, PurchaseState, PurchaseSummary,
};
use crate::ssr::clock::school_time_at;
use crate::ssr::db::{query, query_scalar, Query, Row, Tx};
use crate::ssr::purchases::store::{PurchaseFilter, PurchaseStore, Spent};
use crate::ssr::store::{Actor, Entity};
use crate::supplies::{MoveKind, NewMove};
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::json;
use uuid::Uuid;

const SUMMARY_COLUMNS: &str = "p.id, p.number, p.reason, p.state, p.budget_line, \
     p.estimate_fen, p.actual_fen, p.requested_at, rb.id AS rb_id, rb.display_name AS rb_name, \
     (SELECT COUNT(*) FROM purchase_lines l WHERE l.purchase_id = p.id) AS line_count";

const PURCHASE_SELECT: &str = "SELECT p.supplier, p.budget_month, p.approved_at, \
     p.decided_at, p.reason_refused, p.accepted_at, p.accept_note, p.voucher, p.reimbursed_at, \
     fa.id AS fa_id, fa.display_name AS fa_name, ab.id AS ab_id, ab.display_name AS ab_name, \
     db.id AS db_id, db.display_name AS db_name, ac.id AS ac_id, ac.display_name AS ac_name, \
     rm.id AS rm_id, rm.display_name AS rm_name";

const PURCHASE_FROM: &str = "FROM purchases p JOIN users rb ON rb.id = p.requested_by \
     LEFT JOIN users fa ON fa.id = p.first_approved_by LEFT JOIN users ab ON ab.id = p.approved_by \
     LEFT JOIN users db ON db.id = p.decided_by LEFT JOIN users ac ON ac.id = p.accepted_by \
     LEFT JOIN users rm ON rm.id = p.reimbursed_by WHERE p.school_id = $school";

fn summary(row: &Row) -> AppResult<PurchaseSummary> {
    let state: String = get(row, "state")?;
    let budget: String = get(row, "budget_line")?;
    Ok(PurchaseSummary {
        id: get(row, "id")?,
        number: get(row, "number")?,
        reason: get(row, "reason")?,
        state: PurchaseState::parse(&state).map_err(|_| corrupt("purchase state"))?,
        budget: BudgetLine::parse(&budget).map_err(|_| corrupt("budget line"))?,
        estimate_fen: get(row, "estimate_fen")?,
        actual_fen: get(row, "actual_fen")?,
        requested_by: person(row, "rb_id", "rb_name")?,
        requested_at: school_time_at(get(row, "requested_at")?),
        lines: get(row, "line_count")?,
    })
}

fn when(row: &Row, col: &str) -> AppResult<Option<String>> {
    let at: Option<DateTime<Utc>> = get(row, col)?;
    Ok(at.map(school_time_at))
}

fn who(row: &Row, id: &str, name: &str) -> AppResult<Option<Named>> {
    named(row, id, name).map_err(AppError::internal)
}

fn line(row: &Row) -> AppResult<PurchaseLine> {
    let kind: String = get(row, "kind")?;
    Ok(PurchaseLine {
        id: get(row, "id")?,
        position: get(row, "position")?,
        kind: LineKind::parse(&kind).map_err(|_| corrupt("purchase line"))?,
        item_id: get(row, "item_id")?,
        name: get(row, "name")?,
        category: get(row, "category")?,
        quantity: get(row, "quantity")?,
        estimate_fen: get(row, "estimate_fen")?,
        received: get(row, "received")?,
        unit_price_fen: get(row, "unit_price_fen")?,
        room: who(row, "r_id", "r_name")?,
    })
}

/// What the history keeps of a purchase's state.
fn state_doc(state: PurchaseState) -> serde_json::Value {
    json!({ "state": state.code() })
}

/// The next number of `year`'s purchases in the transaction's school.
async fn next_number(tx: &mut Tx, year: &str) -> AppResult<String> {
    let prefix = format!("CG{year}-");
    let count: i64 = query_scalar(
        "SELECT COUNT(*) FROM purchases WHERE school_id = $school AND substr(number, 1, 7) = $1",
    )
    .bind(&prefix)
    .fetch_one(&mut **tx)
    .await?;
    let year: i32 = year
        .parse()
        .map_err(|_| AppError::internal("budget month"))?;
    Ok(number(year, count + 1))
}

/// Registers the `received` assets of line `position`, each with a tag, with history.
async fn register_bought(
    tx: &mut Tx,
    actor: Actor,
    (purchase, number): (Uuid, &str),
    (position, name, category): (i64, &str, &str),
    (received, unit_price_fen, room): (i64, i64, Option<Uuid>),
    day: NaiveDate,
) -> AppResult<()> {
    let date = PurchaseDate::parse(&day.format("%Y-%m-%d").to_string())?;
    for n in 1..=received {
        let id = Uuid::now_v7();
        let fields = AssetFields {
            category: category.to_string(),
            name: name.to_string(),
            model: None,
            asset_code: AssetCode::parse(&asset_code(number, position, n))?,
            status: AssetStatus::InUse,
            room_id: room,
            custodian_id: None,
            purchase_date: Some(date.clone()),
            value: Fen::new(unit_price_fen)?,
            notes: Some(number.to_string()),
        };
        bind_asset(query(INSERT_ASSET), &fields)
            .bind(id)
            .execute(&mut **tx)
            .await
            .map_err(db_error(Field::AssetCode))?;
        query("UPDATE assets SET purchase_id = $1 WHERE id = $2 AND school_id = $school")
            .bind(purchase)
            .bind(id)
            .execute(&mut **tx)
            .await?;
        attach_tag(tx, "asset_id", id, None).await?;
        let after = asset_in(tx, id).await?.ok_or(AppError::NotFound)?;
        record(tx, actor, Entity::Asset, id, "create", None, Some(&after)).await?;
    }
    Ok(())
}

impl SqlStore {
    /// Records `after` as the purchase's new state in the history, commits, and reads it back.
    async fn purchase_saved(
        &self,
        tx: Tx,
        actor: Actor,
        (id, before, after): Change,
    ) -> AppResult<Purchase> {
        commit_with_history(tx, actor, Entity::Purchase, id, before.as_ref(), after).await?;
        self.purchase(id)
            .await?
            .ok_or_else(|| AppError::internal("purchase vanished"))
    }

    /// Moves purchase `id` from `from` to `to` with `set` (more `SET` assignments, `$4`
    /// onwards, bound by `binds`), or refuses a step out of order.
    async fn moved(
        tx: &mut Tx,
        id: Uuid,
        (from, to): (PurchaseState, PurchaseState),
        set: &str,
        binds: impl FnOnce(Query) -> Query,
    ) -> AppResult<()> {
        let sql = format!(
            "UPDATE purchases SET state = $1, {set} WHERE id = $2 AND state = $3 \
             AND school_id = $school"
        );
        let done = binds(query(sql).bind(to.code()).bind(id).bind(from.code()))
            .execute(&mut **tx)
            .await?;
        if done.rows_affected() == 1 {
            Ok(())
        } else {
            Err(Invalid::new(Field::Status, Problem::BadTransition).into())
        }
    }
}

#[async_trait::async_trait]
impl PurchaseStore for SqlStore {
    async fn purchases(
        &self,
        filter: PurchaseFilter,
        paging: Paging,
    ) -> AppResult<Vec<PurchaseSummary>> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} {PURCHASE_FROM} AND ($1 IS NULL OR p.state = $1) \
             AND ($2 IS NULL OR p.requested_by = $2) \
             ORDER BY CASE WHEN p.state IN ('requested', 'approving') THEN 0 ELSE 1 END, \
             p.requested_at DESC, p.id LIMIT $3 OFFSET $4"
        );
        let rows = query(sql)
            .bind(filter.state.map(|s| s.code()))
            .bind(filter.by)
            .bind(paging.limit)
            .bind(paging.offset)
            .fetch_all(&self.db)
            .await?;
        rows.iter().map(summary).collect()
    }

    async fn purchase(&self, id: Uuid) -> AppResult<Option<Purchase>> {
        let sql = format!("{PURCHASE_SELECT}, {SUMMARY_COLUMNS} {PURCHASE_FROM} AND p.id = $1");
        let Some(row) = query(sql).bind(id).fetch_optional(&self.db).await? else {
            return Ok(None);
        };
        let items = query(
            "SELECT l.id, l.position, l.kind, l.item_id, l.name, l.category, l.quantity, \
             l.estimate_fen, l.received, l.unit_price_fen, r.id AS r_id, r.name AS r_name \
             FROM purchase_lines l LEFT JOIN rooms r ON r.id = l.room_id \
             WHERE l.purchase_id = $1 AND l.school_id = $school ORDER BY l.position",
        )
        .bind(id)
        .fetch_all(&self.db)
        .await?
        .iter()
        .map(line)
        .collect::<AppResult<_>>()?;
        let photos = query_scalar(
            "SELECT id FROM photos WHERE owner_kind = 'purchase' AND owner_id = $1 \
             AND school_id = $school ORDER BY uploaded_at, id",
        )
        .bind(id)
        .fetch_all(&self.db)
        .await?;
        let assets = query(
            "SELECT a.id, a.asset_code, a.name, t.code FROM assets a JOIN tags t \
             ON t.asset_id = a.id WHERE a.purchase_id = $1 AND a.school_id = $school \
             ORDER BY a.asset_code",
        )
        .bind(id)
        .fetch_all(&self.db)
        .await?
        .iter()
        .map(|r| {
            Ok(BoughtAsset {
                id: get(r, "id")?,
                asset_code: get(r, "asset_code")?,
                name: get(r, "name")?,
                tag: get(r, "code")?,
            })
        })
        .collect::<AppResult<_>>()?;
        Ok(Some(Purchase {
            summary: summary(&row)?,
            supplier: get(&row, "supplier")?,
            budget_month: get(&row, "budget_month")?,
            first_approved_by: who(&row, "fa_id", "fa_name")?,
            approved_by: who(&row, "ab_id", "ab_name")?,
            approved_at: when(&row, "approved_at")?,
            decided_by: who(&row, "db_id", "db_name")?,
            decided_at: when(&row, "decided_at")?,
            refusal: get(&row, "reason_refused")?,
            accepted_by: who(&row, "ac_id", "ac_name")?,
            accepted_at: when(&row, "accepted_at")?,
            accept_note: get(&row, "accept_note")?,
            voucher: get(&row, "voucher")?,
            reimbursed_by: who(&row, "rm_id", "rm_name")?,
            reimbursed_at: when(&row, "reimbursed_at")?,
            items,
            photos,
            assets,
        }))
    }

    async fn purchase_order(&self, id: Uuid) -> AppResult<Option<(PurchaseState, Vec<Ordered>)>> {
        let rows = query(
            "SELECT p.state, l.id, l.quantity, l.estimate_fen FROM purchases p \
             LEFT JOIN purchase_lines l ON l.purchase_id = p.id \
             WHERE p.id = $1 AND p.school_id = $school ORDER BY l.position",
        )
        .bind(id)
        .fetch_all(&self.db)
        .await?;
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        let state: String = get(first, "state")?;
        let state = PurchaseState::parse(&state).map_err(|_| corrupt("purchase state"))?;
        let mut ordered = Vec::with_capacity(rows.len());
        for row in &rows {
            if let Some(id) = get::<Option<Uuid>>(row, "id")? {
                ordered.push(Ordered {
                    id,
                    quantity: get(row, "quantity")?,
                    estimate_fen: get(row, "estimate_fen")?,
                });
            }
        }
        Ok(Some((state, ordered)))
    }

    async fn request_purchase(
        &self,
        actor: Actor,
        id: Uuid,
        month: &str,
        p: NewPurchase,
    ) -> AppResult<Purchase> {
        let by = actor.0.ok_or(AppError::Unauthorized)?;
        let mut tx = self.write().await?;
        let number = next_number(&mut tx, month.get(..4).unwrap_or_default()).await?;
        query(
            "INSERT INTO purchases (id, school_id, number, reason, supplier, budget_line, \
             budget_month, estimate_fen, state, requested_by, requested_at) \
             VALUES ($1, $school, $2, $3, $4, $5, $6, $7, 'requested', $8, $9)",
        )
        .bind(id)
        .bind(&number)
        .bind(&p.reason)
        .bind(&p.supplier)
        .bind(p.budget.code())
        .bind(month)
        .bind(p.estimate_fen)
        .bind(by)
        .bind(Utc::now())
        .execute(&mut *tx)
        .await
        .map_err(db_error(Field::Lines))?;
        let mut lines = Vec::with_capacity(p.lines.len());
        for (position, new) in (1_i64..).zip(&p.lines) {
            let (kind, item, name, category) = match new {
                NewLine::Supply { item, .. } => {
                    let name: String = query_scalar(
                        "SELECT name FROM supply_items WHERE id = $1 AND school_id = $school",
                    )
                    .bind(item)
                    .fetch_optional(&mut *tx)
                    .await?
                    .ok_or(Invalid::new(Field::Item, Problem::UnknownChoice))?;
                    (LineKind::Supply, Some(*item), name, None)
                }
                NewLine::Asset { name, category, .. } => {
                    (LineKind::Asset, None, name.clone(), Some(category.clone()))
                }
            };
            query(
                "INSERT INTO purchase_lines (id, purchase_id, school_id, position, kind, item_id, \
                 name, category, quantity, estimate_fen) \
                 VALUES ($1, $2, $school, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(Uuid::now_v7())
            .bind(id)
            .bind(position)
            .bind(kind.code())
            .bind(item)
            .bind(&name)
            .bind(&category)
            .bind(new.quantity())
            .bind(new.estimate_fen())
            .execute(&mut *tx)
            .await?;
            lines.push(json!({ "kind": kind.code(), "item": item, "name": name,
                "category": category, "quantity": new.quantity(),
                "estimate_fen": new.estimate_fen() }));
        }
        let after = json!({ "number": number, "reason": p.reason, "supplier": p.supplier,
            "budget": p.budget.code(), "month": month, "estimate_fen": p.estimate_fen,
            "state": PurchaseState::Requested.code(), "lines": lines });
        self.purchase_saved(tx, actor, (id, None, after)).await
    }

    async fn decide_purchase(
        &self,
        actor: Actor,
        id: Uuid,
        (from, to): (PurchaseState, PurchaseState),
        reason: Option<String>,
    ) -> AppResult<Purchase> {
        let mut tx = self.write().await?;
        let now = Utc::now();
        let set = match to {
            PurchaseState::Approving => "first_approved_by = $4, first_approved_at = $5",
            PurchaseState::Approved => "approved_by = $4, approved_at = $5",
            _ => "decided_by = $4, decided_at = $5, reason_refused = $6",
        };
        Self::moved(&mut tx, id, (from, to), set, |q| {
            let q = q.bind(actor.0).bind(now);
            if matches!(to, PurchaseState::Approving | PurchaseState::Approved) {
                q
            } else {
                q.bind(reason.clone())
            }
        })
        .await?;
        let after = json!({ "state": to.code(), "reason": reason });
        self.purchase_saved(tx, actor, (id, Some(state_doc(from)), after))
            .await
    }

    async fn accept_purchase(
        &self,
        actor: Actor,
        id: Uuid,
        a: Acceptance,
        day: NaiveDate,
    ) -> AppResult<Purchase> {
        let mut tx = self.write().await?;
        let (from, to) = (PurchaseState::Approved, PurchaseState::Accepted);
        let set = "accepted_by = $4, accepted_at = $5, accept_note = $6, actual_fen = $7";
        Self::moved(&mut tx, id, (from, to), set, |q| {
            q.bind(actor.0)
                .bind(Utc::now())
                .bind(a.note.clone())
                .bind(a.actual_fen)
        })
        .await?;
        let head =
            query("SELECT number, supplier FROM purchases WHERE id = $1 AND school_id = $school")
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
        let number: String = get(&head, "number")?;
        let supplier: Option<String> = get(&head, "supplier")?;
        let mut delivered = Vec::with_capacity(a.lines.len());
        for d in &a.lines {
            ensure_exists(&mut tx, "rooms", d.room, Field::Room).await?;
            let row = query(
                "UPDATE purchase_lines SET received = $1, unit_price_fen = $2, room_id = $3 \
                 WHERE id = $4 AND purchase_id = $5 AND school_id = $school \
                 RETURNING position, kind, item_id, name, category",
            )
            .bind(d.received)
            .bind(d.unit_price_fen)
            .bind(d.room)
            .bind(d.line)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(AppError::NotFound)?;
            delivered.push(json!({ "line": d.line, "received": d.received,
                "unit_price_fen": d.unit_price_fen, "room": d.room }));
            if d.received == 0 {
                continue;
            }
            let kind: String = get(&row, "kind")?;
            let name: String = get(&row, "name")?;
            match LineKind::parse(&kind).map_err(|_| corrupt("purchase line"))? {
                LineKind::Supply => {
                    let item: Option<Uuid> = get(&row, "item_id")?;
                    let item = item.ok_or_else(|| corrupt("supply line"))?;
                    let unit_price = Fen::new(d.unit_price_fen)?;
                    let receipt = NewMove {
                        kind: MoveKind::Received,
                        quantity: d.received,
                        supplier: supplier.clone(),
                        unit_price: Some(unit_price),
                        amount: Some(d.received * d.unit_price_fen),
                        issued_to: None,
                        note: Some(number.clone()),
                    };
                    let ids = (Uuid::now_v7(), item);
                    stock_moved(&mut tx, actor, ids, &receipt, (None, Some(id))).await?;
                }
                LineKind::Asset => {
                    let position: i64 = get(&row, "position")?;
                    let category: Option<String> = get(&row, "category")?;
                    let category = category.ok_or_else(|| corrupt("asset line"))?;
                    let what = (position, name.as_str(), category.as_str());
                    let came = (d.received, d.unit_price_fen, d.room);
                    register_bought(&mut tx, actor, (id, &number), what, came, day).await?;
                }
            }
        }
        super::damage::attach_photos(&mut tx, actor, &a.photos, ("purchase", id)).await?;
        let after = json!({ "state": to.code(), "actual_fen": a.actual_fen, "note": a.note,
            "photos": a.photos, "lines": delivered });
        self.purchase_saved(tx, actor, (id, Some(state_doc(from)), after))
            .await
    }

    async fn reimburse_purchase(
        &self,
        actor: Actor,
        id: Uuid,
        voucher: &str,
    ) -> AppResult<Purchase> {
        let mut tx = self.write().await?;
        let (from, to) = (PurchaseState::Accepted, PurchaseState::Reimbursed);
        let set = "reimbursed_by = $4, reimbursed_at = $5, voucher = $6";
        Self::moved(&mut tx, id, (from, to), set, |q| {
            q.bind(actor.0).bind(Utc::now()).bind(voucher.to_string())
        })
        .await?;
        let after = json!({ "state": to.code(), "voucher": voucher });
        self.purchase_saved(tx, actor, (id, Some(state_doc(from)), after))
            .await
    }

    async fn purchase_budget(&self, year: i32) -> AppResult<Option<BudgetInput>> {
        let row = query(
            "SELECT monthly_fen, yearly_fen, threshold_fen FROM purchase_budgets \
             WHERE school_id = $school AND year = $1",
        )
        .bind(i64::from(year))
        .fetch_optional(&self.db)
        .await?;
        row.map(|r| {
            Ok(BudgetInput {
                monthly_fen: get(&r, "monthly_fen")?,
                yearly_fen: get(&r, "yearly_fen")?,
                threshold_fen: get(&r, "threshold_fen")?,
            })
        })
        .transpose()
    }

    async fn set_purchase_budget(
        &self,
        actor: Actor,
        year: i32,
        b: BudgetInput,
    ) -> AppResult<BudgetInput> {
        let mut tx = self.write().await?;
        let found = query(
            "SELECT id, monthly_fen, yearly_fen, threshold_fen FROM purchase_budgets \
             WHERE school_id = $school AND year = $1",
        )
        .bind(i64::from(year))
        .fetch_optional(&mut *tx)
        .await?;
        let doc = |b: &BudgetInput| {
            json!({ "year": year, "monthly_fen": b.monthly_fen,
            "yearly_fen": b.yearly_fen, "threshold_fen": b.threshold_fen })
        };
        let (id, before) = match found {
            Some(row) => {
                let old = BudgetInput {
                    monthly_fen: get(&row, "monthly_fen")?,
                    yearly_fen: get(&row, "yearly_fen")?,
                    threshold_fen: get(&row, "threshold_fen")?,
                };
                (get(&row, "id")?, Some(doc(&old)))
            }
            None => (Uuid::now_v7(), None),
        };
        let sql = if before.is_some() {
            "UPDATE purchase_budgets SET monthly_fen = $2, yearly_fen = $3, threshold_fen = $4 \
             WHERE id = $1 AND year = $5 AND school_id = $school"
        } else {
            "INSERT INTO purchase_budgets (id, school_id, year, monthly_fen, yearly_fen, \
             threshold_fen) VALUES ($1, $school, $5, $2, $3, $4)"
        };
        query(sql)
            .bind(id)
            .bind(b.monthly_fen)
            .bind(b.yearly_fen)
            .bind(b.threshold_fen)
            .bind(i64::from(year))
            .execute(&mut *tx)
            .await
            .map_err(db_error(Field::Period))?;
        let action = if before.is_some() { "update" } else { "create" };
        let after = doc(&b);
        let entity = Entity::PurchaseBudget;
        record(
            &mut tx,
            actor,
            entity,
            id,
            action,
            before.as_ref(),
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(b)
    }

    async fn purchase_spending(&self, month: &str) -> AppResult<Spent> {
        let spent = "CAST(COALESCE(SUM(COALESCE(p.actual_fen, p.estimate_fen)), 0) AS BIGINT)";
        let states: Vec<String> = PurchaseState::ALL
            .iter()
            .filter(|s| spends(**s))
            .map(|s| format!("'{}'", s.code()))
            .collect();
        let counted = format!(
            "p.school_id = $school AND p.state IN ({})",
            states.join(", ")
        );
        let row = query(format!(
            "SELECT (SELECT {spent} FROM purchases p WHERE {counted} AND p.budget_line = 'month' \
             AND p.budget_month = $1) AS month_spent, (SELECT {spent} FROM purchases p \
             WHERE {counted} AND substr(p.budget_month, 1, 4) = $2) AS year_spent, \
             (SELECT COUNT(*) FROM purchases p WHERE p.school_id = $school \
             AND p.state IN ('requested', 'approving')) AS waiting"
        ))
        .bind(month)
        .bind(month.get(..4).unwrap_or_default())
        .fetch_one(&self.db)
        .await?;
        Ok(Spent {
            month_fen: get(&row, "month_spent")?,
            year_fen: get(&row, "year_spent")?,
            waiting: get(&row, "waiting")?,
        })
    }
}
