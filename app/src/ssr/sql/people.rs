//! Users, their sessions and the 分工 responsibilities.

use super::history::commit_with_history;
use super::rows::{self, USER_SELECT};
use super::{db_error, SqlStore};
use crate::domain::Field;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::model::{Named, Responsibility, User};
use crate::ssr::db::{query, query_scalar, Query, Row};
use crate::ssr::people::auth::lifetime::Live;
use crate::ssr::people::store::PeopleStore;
use crate::ssr::people::store::{SessionKind, SessionUser, SignInFailures, UserRecord};
use crate::ssr::store::{Actor, Entity};
use chrono::{DateTime, Utc};
use uuid::Uuid;

fn kind_code(kind: SessionKind) -> &'static str {
    match kind {
        SessionKind::Cookie => "cookie",
        SessionKind::Token => "token",
    }
}

fn responsibility(r: &Row) -> AppResult<Responsibility> {
    let get = |e: sqlx::Error| AppError::internal(e);
    let uid: Option<Uuid> = r.try_get("u_id").map_err(get)?;
    let uname: Option<String> = r.try_get("u_name").map_err(get)?;
    Ok(Responsibility {
        id: r.try_get("id").map_err(get)?,
        area: r.try_get("area").map_err(get)?,
        item: r.try_get("item").map_err(get)?,
        user: uid.zip(uname).map(|(id, name)| Named { id, name }),
        cadence: r.try_get("cadence").map_err(get)?,
    })
}

/// Limits a statement on `users` to the asker's school; with no school, to the district's admins.
const OF_SCHOOL: &str = "school_id IS NOT DISTINCT FROM $school";

/// The insert of a new user of the asker's school (a locked account, `!`, when no password is
/// set).
pub(super) fn new_user(id: Uuid, user: &UserRecord, now: DateTime<Utc>) -> Query {
    query(
        "INSERT INTO users (id, login, display_name, role, active, password_hash, created_at, school_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $school)",
    )
    .bind(id)
    .bind(&user.login)
    .bind(&user.display_name)
    .bind(user.role.code())
    .bind(user.active)
    .bind(user.password_hash.as_deref().unwrap_or("!"))
    .bind(now)
}

impl SqlStore {
    pub(super) async fn user_by(
        &self,
        clause: &str,
        value: &str,
    ) -> AppResult<Option<(User, String)>> {
        let sql = format!(
            "SELECT id, login, display_name, role, active, school_id, password_hash FROM users WHERE {clause}"
        );
        let row = query(&sql).bind(value).fetch_optional(&self.db).await?;
        row.map(|r| Ok((rows::user(&r)?, r.try_get("password_hash")?)))
            .transpose()
    }

    pub(super) async fn save_user(
        &self,
        actor: Actor,
        id: Option<Uuid>,
        user: UserRecord,
    ) -> AppResult<User> {
        let mut tx = self.write().await?;
        let before = match id {
            Some(id) => {
                let sql = format!("{USER_SELECT} WHERE id = $1 AND {OF_SCHOOL}");
                let row = query(&sql).bind(id).fetch_optional(&mut *tx).await?;
                Some(rows::user(&row.ok_or(AppError::NotFound)?)?)
            }
            None => None,
        };
        let id = id.unwrap_or_else(Uuid::now_v7);
        if before.is_some() {
            query(
                "UPDATE users SET login = $1, display_name = $2, role = $3, active = $4, \
                 password_hash = COALESCE($5, password_hash) WHERE id = $6",
            )
            .bind(&user.login)
            .bind(&user.display_name)
            .bind(user.role.code())
            .bind(user.active)
            .bind(&user.password_hash)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db_error(Field::Login))?;
            if !user.active || user.password_hash.is_some() {
                query(
                    "UPDATE sessions SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
                )
                .bind(Utc::now())
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
        } else {
            new_user(id, &user, Utc::now())
                .execute(&mut *tx)
                .await
                .map_err(db_error(Field::Login))?;
        }
        let after = User {
            id,
            login: user.login,
            display_name: user.display_name,
            role: user.role,
            active: user.active,
            school: self.db.school(),
        };
        commit_with_history(tx, actor, Entity::User, id, before.as_ref(), after).await
    }

    pub(super) async fn save_lang(&self, actor: Actor, id: Uuid, lang: Lang) -> AppResult<()> {
        let mut tx = self.write().await?;
        let sql = format!("SELECT lang FROM users WHERE id = $1 AND {OF_SCHOOL}");
        let before: Option<Option<String>> =
            query_scalar(sql).bind(id).fetch_optional(&mut *tx).await?;
        let before = before.ok_or(AppError::NotFound)?;
        query("UPDATE users SET lang = $1 WHERE id = $2")
            .bind(lang.code())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let (before, after) = (
            serde_json::json!({ "lang": before }),
            serde_json::json!({ "lang": lang.code() }),
        );
        commit_with_history(tx, actor, Entity::User, id, Some(&before), after).await?;
        Ok(())
    }

    pub(super) async fn duties(&self, user_id: Option<Uuid>) -> AppResult<Vec<Responsibility>> {
        let rows = query(
            "SELECT r.id, r.area, r.item, r.cadence, u.id AS u_id, u.display_name AS u_name FROM responsibilities r \
             LEFT JOIN users u ON u.id = r.user_id WHERE r.school_id = $school AND ($1 IS NULL OR r.user_id = $1) \
             ORDER BY r.seq",
        )
        .bind(user_id)
        .fetch_all(&self.db)
        .await?;
        rows.iter().map(responsibility).collect()
    }
}

#[async_trait::async_trait]
impl PeopleStore for SqlStore {
    async fn credentials(&self, login: &str) -> AppResult<Option<(User, String)>> {
        self.user_by("login = $1", login).await
    }

    async fn get_user(&self, id: Uuid) -> AppResult<Option<User>> {
        let sql = format!("{USER_SELECT} WHERE id = $1 AND {OF_SCHOOL}");
        let row = query(&sql).bind(id).fetch_optional(&self.db).await?;
        row.as_ref().map(rows::user).transpose()
    }

    async fn list_users(&self) -> AppResult<Vec<User>> {
        let sql = format!("{USER_SELECT} WHERE {OF_SCHOOL} ORDER BY role, login");
        let rows = query(&sql).fetch_all(&self.db).await?;
        rows.iter().map(rows::user).collect()
    }

    async fn create_user(&self, actor: Actor, user: UserRecord) -> AppResult<User> {
        self.save_user(actor, None, user).await
    }

    async fn update_user(&self, actor: Actor, id: Uuid, user: UserRecord) -> AppResult<User> {
        self.save_user(actor, Some(id), user).await
    }

    async fn set_user_lang(&self, actor: Actor, id: Uuid, lang: Lang) -> AppResult<()> {
        self.save_lang(actor, id, lang).await
    }

    async fn create_session(
        &self,
        hash: &[u8],
        user_id: Uuid,
        kind: SessionKind,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        query(
            "INSERT INTO sessions (token_hash, user_id, kind, created_at, last_seen) VALUES ($1, $2, $3, $4, $4)",
        )
        .bind(hash)
        .bind(user_id)
        .bind(kind_code(kind))
        .bind(now)
        .execute(&self.db)
        .await?;
        Ok(())
    }

    async fn session_user(
        &self,
        hash: &[u8],
        kind: SessionKind,
        live: Live,
    ) -> AppResult<Option<SessionUser>> {
        let row = query(
            "SELECT u.id, u.login, u.display_name, u.role, u.active, u.school_id, u.lang, s.last_seen FROM sessions s \
             JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.kind = $2 AND s.revoked_at IS NULL \
             AND s.last_seen > $3 AND s.created_at > $4 AND u.active",
        )
        .bind(hash)
        .bind(kind_code(kind))
        .bind(live.seen_after)
        .bind(live.made_after)
        .fetch_optional(&self.db)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let lang: Option<String> = row.try_get("lang")?;
        Ok(Some(SessionUser {
            user: rows::user(&row)?,
            lang: lang.map(|l| Lang::parse(&l)),
            last_seen: row.try_get("last_seen")?,
        }))
    }

    async fn touch_session(&self, hash: &[u8], now: DateTime<Utc>) -> AppResult<()> {
        query("UPDATE sessions SET last_seen = $1 WHERE token_hash = $2")
            .bind(now)
            .bind(hash)
            .execute(&self.db)
            .await?;
        Ok(())
    }

    async fn revoke_session(&self, hash: &[u8], now: DateTime<Utc>) -> AppResult<bool> {
        let done = query(
            "UPDATE sessions SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL",
        )
        .bind(now)
        .bind(hash)
        .execute(&self.db)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn end_sessions(
        &self,
        actor: Actor,
        user_id: Uuid,
        now: DateTime<Utc>,
    ) -> AppResult<u64> {
        let mut tx = self.write().await?;
        let sql = format!("SELECT id FROM users WHERE id = $1 AND {OF_SCHOOL}");
        let found: Option<Uuid> = query_scalar(sql)
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
        found.ok_or(AppError::NotFound)?;
        let ended =
            query("UPDATE sessions SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
                .bind(now)
                .bind(user_id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        let (before, after) = (
            serde_json::json!({ "sessions": ended }),
            serde_json::json!({ "sessions": 0 }),
        );
        commit_with_history(tx, actor, Entity::User, user_id, Some(&before), after).await?;
        Ok(ended)
    }

    async fn sign_in_failures(&self, keys: &[String]) -> AppResult<Vec<SignInFailures>> {
        let mut found = Vec::new();
        for key in keys {
            let row = query("SELECT failures, last_at FROM sign_in_failures WHERE key = $1")
                .bind(key)
                .fetch_optional(&self.db)
                .await?;
            if let Some(row) = row {
                found.push(SignInFailures {
                    count: row.try_get("failures")?,
                    last_at: row.try_get("last_at")?,
                });
            }
        }
        Ok(found)
    }

    async fn count_sign_in_failure(
        &self,
        keys: &[String],
        now: DateTime<Utc>,
        forget_before: DateTime<Utc>,
    ) -> AppResult<()> {
        let mut tx = self.write().await?;
        for key in keys {
            query(
                "INSERT INTO sign_in_failures (key, failures, last_at) VALUES ($1, 1, $2) \
                 ON CONFLICT (key) DO UPDATE SET last_at = excluded.last_at, failures = \
                 CASE WHEN sign_in_failures.last_at < $3 THEN 1 ELSE sign_in_failures.failures + 1 END",
            )
            .bind(key)
            .bind(now)
            .bind(forget_before)
            .execute(&mut *tx)
            .await?;
        }
        Ok(tx.commit().await?)
    }

    async fn clear_sign_in_failures(&self, key: &str) -> AppResult<()> {
        query("DELETE FROM sign_in_failures WHERE key = $1")
            .bind(key)
            .execute(&self.db)
            .await?;
        Ok(())
    }

    async fn responsibilities_of(&self, user_id: Uuid) -> AppResult<Vec<Responsibility>> {
        self.duties(Some(user_id)).await
    }

    async fn list_responsibilities(&self) -> AppResult<Vec<Responsibility>> {
        self.duties(None).await
    }
}
