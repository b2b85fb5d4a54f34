//! The key cabinet: keys with the loan each is out on, and every lending. A key is out on one
//! loan at most: a lending checks for an open loan in its transaction, and the partial unique
//! index `key_loans_open` refuses the second of two lendings that race on PostgreSQL.

use super::history::{commit_with_history, record};
use super::register::{attach_tag, ensure_exists};
use super::rows::{corrupt, get, named, person};
use super::{db_error, like_pattern, SqlStore};
use crate::domain::{Field, Invalid, Problem};
use crate::error::{AppError, AppResult};
use crate::keys::due::NewLoan;
use crate::keys::{already_lent, Key, KeyKind, KeyLoan, NewKey};
use crate::model::{Named, Page, Paging};
use crate::ssr::clock::{school_instant, school_time_at};
use crate::ssr::db::{query, query_scalar, Query, Row, Tx};
use crate::ssr::keys::store::{KeyFilter, KeyStore, LoanFilter};
use crate::ssr::store::{Actor, Entity};
use chrono::{DateTime, Utc};
use serde_json::json;
use uuid::Uuid;

const KEY_SELECT: &str = "SELECT k.id, k.name, k.kind, k.hook, k.pieces, k.note, t.code AS tag, \
     r.id AS r_id, r.name AS r_name, l.id AS l_id, l.borrower, l.note AS l_note, l.lent_at, \
     l.due_at, lb.id AS lb_id, lb.display_name AS lb_name FROM keys k \
     JOIN tags t ON t.key_id = k.id LEFT JOIN rooms r ON r.id = k.room_id \
     LEFT JOIN key_loans l ON l.key_id = k.id AND l.returned_at IS NULL \
     LEFT JOIN users lb ON lb.id = l.lent_by WHERE k.school_id = $school";

const LOAN_SELECT: &str = "SELECT l.id AS l_id, l.borrower, l.note AS l_note, l.lent_at, \
     l.due_at, l.returned_at, k.id AS k_id, k.name AS k_name, lb.id AS lb_id, \
     lb.display_name AS lb_name, rb.id AS rb_id, rb.display_name AS rb_name FROM key_loans l \
     JOIN keys k ON k.id = l.key_id JOIN users lb ON lb.id = l.lent_by \
     LEFT JOIN users rb ON rb.id = l.returned_by WHERE l.school_id = $school";

/// The loan of `row` (its `l_` columns) of `key`, overdue when still out past its due at `now`;
/// `returned` reads who took it back and when (a key's current loan has neither).
fn loan(row: &Row, key: Named, now: DateTime<Utc>, returned: bool) -> AppResult<KeyLoan> {
    let due: DateTime<Utc> = get(row, "due_at")?;
    let (returned_by, returned_at) = if returned {
        let at: Option<DateTime<Utc>> = get(row, "returned_at")?;
        let by = named(row, "rb_id", "rb_name").map_err(AppError::internal)?;
        (by, at)
    } else {
        (None, None)
    };
    Ok(KeyLoan {
        id: get(row, "l_id")?,
        key,
        borrower: get(row, "borrower")?,
        lent_by: person(row, "lb_id", "lb_name")?,
        lent_at: school_time_at(get(row, "lent_at")?),
        due_at: school_time_at(due),
        overdue: returned_at.is_none() && due < now,
        returned_by,
        returned_at: returned_at.map(school_time_at),
        note: get(row, "l_note")?,
    })
}

fn key(row: &Row, now: DateTime<Utc>) -> AppResult<Key> {
    let kind: String = get(row, "kind")?;
    let id: Uuid = get(row, "id")?;
    let name: String = get(row, "name")?;
    let out: Option<Uuid> = get(row, "l_id")?;
    let current = out
        .map(|_| {
            let key = Named {
                id,
                name: name.clone(),
            };
            loan(row, key, now, false)
        })
        .transpose()?;
    Ok(Key {
        id,
        name,
        kind: KeyKind::parse(&kind).map_err(|_| corrupt("key kind"))?,
        room: named(row, "r_id", "r_name").map_err(AppError::internal)?,
        hook: get(row, "hook")?,
        pieces: get(row, "pieces")?,
        note: get(row, "note")?,
        tag: get(row, "tag")?,
        loan: current,
    })
}

/// Binds a key's fields as `$1`…`$6`: name, kind, room, hook, pieces, note.
fn bind_key(q: Query, k: &NewKey) -> Query {
    q.bind(&k.name)
        .bind(k.kind.code())
        .bind(k.room_id)
        .bind(&k.hook)
        .bind(k.pieces)
        .bind(&k.note)
}

/// What the history keeps of a key.
fn key_doc(k: &NewKey) -> serde_json::Value {
    json!({ "name": k.name, "kind": k.kind.code(), "room": k.room_id, "hook": k.hook,
        "pieces": k.pieces, "note": k.note })
}

/// Who holds key `$1` now, if anyone.
const HOLDER: &str = "SELECT borrower FROM key_loans WHERE key_id = $1 AND returned_at IS NULL \
     AND school_id = $school";

/// The name of key `key` of the school, or not found.
async fn key_name(tx: &mut Tx, key: Uuid) -> AppResult<String> {
    let found: Option<String> =
        query_scalar("SELECT name FROM keys WHERE id = $1 AND school_id = $school")
            .bind(key)
            .fetch_optional(&mut **tx)
            .await?;
    found.ok_or(AppError::NotFound)
}

impl SqlStore {
    /// The key as stored now, as the history records it.
    async fn key_doc_of(&self, id: Uuid) -> AppResult<serde_json::Value> {
        let row = query(
            "SELECT name, kind, room_id, hook, pieces, note FROM keys \
             WHERE id = $1 AND school_id = $school",
        )
        .bind(id)
        .fetch_optional(&self.db)
        .await?
        .ok_or(AppError::NotFound)?;
        let kind: String = get(&row, "kind")?;
        Ok(key_doc(&NewKey {
            name: get(&row, "name")?,
            kind: KeyKind::parse(&kind).map_err(|_| corrupt("key kind"))?,
            room_id: get(&row, "room_id")?,
            hook: get(&row, "hook")?,
            pieces: get(&row, "pieces")?,
            note: get(&row, "note")?,
        }))
    }
}

#[async_trait::async_trait]
impl KeyStore for SqlStore {
    async fn keys(&self, filter: &KeyFilter, now: DateTime<Utc>) -> AppResult<Page<Key>> {
        let paging = filter.list.paging();
        let pattern = filter.list.words().map(like_pattern);
        let like = self.db.dialect().ilike();
        let filter_sql = format!(
            "AND ($1 IS NULL OR k.name {like} $1 ESCAPE '\\' OR k.hook {like} $1 ESCAPE '\\' \
             OR r.name {like} $1 ESCAPE '\\') AND ($2 = 0 OR l.id IS NOT NULL) \
             AND ($3 IS NULL OR k.room_id = $3)"
        );
        let out = i64::from(filter.out_only);
        let select = format!(
            "{KEY_SELECT} {filter_sql} ORDER BY k.hook IS NULL, k.hook, k.name LIMIT $4 OFFSET $5"
        );
        let count = format!(
            "SELECT COUNT(*) FROM keys k LEFT JOIN rooms r ON r.id = k.room_id \
             LEFT JOIN key_loans l ON l.key_id = k.id AND l.returned_at IS NULL \
             WHERE k.school_id = $school {filter_sql}"
        );
        let bind = |q: Query| q.bind(&pattern).bind(out).bind(filter.room);
        let (rows, total) = self.page_rows((&select, &count), bind, paging).await?;
        Ok(Page {
            items: rows.iter().map(|r| key(r, now)).collect::<AppResult<_>>()?,
            total,
            limit: paging.limit,
            offset: paging.offset,
        })
    }

    async fn key(&self, id: Uuid, now: DateTime<Utc>) -> AppResult<Option<Key>> {
        let sql = format!("{KEY_SELECT} AND k.id = $1");
        let row = query(sql).bind(id).fetch_optional(&self.db).await?;
        row.map(|r| key(&r, now)).transpose()
    }

    async fn add_key(&self, actor: Actor, id: Uuid, new: NewKey) -> AppResult<()> {
        let mut tx = self.write().await?;
        ensure_exists(&mut tx, "rooms", new.room_id, Field::Room).await?;
        let insert = query(
            "INSERT INTO keys (name, kind, room_id, hook, pieces, note, id, created_at, school_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $school)",
        );
        bind_key(insert, &new)
            .bind(id)
            .bind(Utc::now())
            .execute(&mut *tx)
            .await
            .map_err(db_error(Field::Name))?;
        attach_tag(&mut tx, "key_id", id, None).await?;
        commit_with_history(tx, actor, Entity::Key, id, None, key_doc(&new)).await?;
        Ok(())
    }

    async fn edit_key(&self, actor: Actor, id: Uuid, new: NewKey) -> AppResult<()> {
        let before = self.key_doc_of(id).await?;
        let mut tx = self.write().await?;
        ensure_exists(&mut tx, "rooms", new.room_id, Field::Room).await?;
        let update = query(
            "UPDATE keys SET name = $1, kind = $2, room_id = $3, hook = $4, pieces = $5, \
             note = $6 WHERE id = $7 AND school_id = $school",
        );
        let done = bind_key(update, &new)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db_error(Field::Name))?;
        if done.rows_affected() != 1 {
            return Err(AppError::NotFound);
        }
        commit_with_history(tx, actor, Entity::Key, id, Some(&before), key_doc(&new)).await?;
        Ok(())
    }

    async fn lend_key(
        &self,
        actor: Actor,
        (id, key): (Uuid, Uuid),
        new: NewLoan,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        let mut tx = self.write().await?;
        let name = key_name(&mut tx, key).await?;
        let out: Option<String> = query_scalar(HOLDER)
            .bind(key)
            .fetch_optional(&mut *tx)
            .await?;
        if let Some(to) = out {
            return Err(already_lent(&to).into());
        }
        let due = school_instant(new.due);
        let inserted = query(
            "INSERT INTO key_loans (id, school_id, key_id, borrower, note, lent_by, lent_at, \
             due_at) VALUES ($1, $school, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id)
        .bind(key)
        .bind(&new.borrower)
        .bind(&new.note)
        .bind(actor.0)
        .bind(now)
        .bind(due)
        .execute(&mut *tx)
        .await;
        if let Err(sqlx::Error::Database(e)) = &inserted {
            if e.is_unique_violation() {
                // Another lending of the same key committed first: say to whom.
                drop(tx);
                let to: Option<String> = query_scalar(HOLDER)
                    .bind(key)
                    .fetch_optional(&self.db)
                    .await?;
                return Err(already_lent(&to.unwrap_or_default()).into());
            }
        }
        inserted?;
        let after = json!({ "key": key, "key_name": name, "borrower": new.borrower,
            "due_at": due, "note": new.note });
        record(
            &mut tx,
            actor,
            Entity::KeyLoan,
            id,
            "create",
            None,
            Some(&after),
        )
        .await?;
        Ok(tx.commit().await?)
    }

    async fn return_key(&self, actor: Actor, key: Uuid, now: DateTime<Utc>) -> AppResult<()> {
        let mut tx = self.write().await?;
        let open: Option<Uuid> = query_scalar(
            "SELECT id FROM key_loans WHERE key_id = $1 AND returned_at IS NULL \
             AND school_id = $school",
        )
        .bind(key)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(id) = open else {
            key_name(&mut tx, key).await?;
            return Err(Invalid::new(Field::Key, Problem::BadTransition).into());
        };
        let done = query(
            "UPDATE key_loans SET returned_by = $1, returned_at = $2 WHERE id = $3 \
             AND returned_at IS NULL AND school_id = $school",
        )
        .bind(actor.0)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(Invalid::new(Field::Key, Problem::BadTransition).into());
        }
        let before = json!({ "returned_at": null });
        let after = json!({ "returned_at": now, "returned_by": actor.0 });
        commit_with_history(tx, actor, Entity::KeyLoan, id, Some(&before), after).await?;
        Ok(())
    }

    async fn key_loans(
        &self,
        filter: LoanFilter,
        paging: Paging,
        now: DateTime<Utc>,
    ) -> AppResult<Vec<KeyLoan>> {
        let open = i64::from(filter.open_only || filter.overdue_only);
        let sql = format!(
            "{LOAN_SELECT} AND ($1 IS NULL OR l.key_id = $1) \
             AND ($2 = 0 OR l.returned_at IS NULL) AND ($3 = 0 OR l.due_at < $6) \
             ORDER BY l.lent_at DESC, l.id DESC LIMIT $4 OFFSET $5"
        );
        query(&sql)
            .bind(filter.key)
            .bind(open)
            .bind(i64::from(filter.overdue_only))
            .bind(paging.limit)
            .bind(paging.offset)
            .bind(now)
            .fetch_all(&self.db)
            .await?
            .iter()
            .map(|r| loan(r, person(r, "k_id", "k_name")?, now, true))
            .collect()
    }
}
