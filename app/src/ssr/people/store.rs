//! What the people area asks of a database: users, sessions and the 分工 responsibilities.
//! Each database implements it beside its SQL (`ssr/sqlite/people.rs`).

use crate::domain::Role;
use crate::error::AppResult;
use crate::i18n::Lang;
use crate::model::{Responsibility, User};
use crate::ssr::store::Actor;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// A new or changed user, with the password already hashed.
pub struct UserRecord {
    pub login: String,
    pub display_name: String,
    pub role: Role,
    pub active: bool,
    pub password_hash: Option<String>,
}

/// A signed-in session: cookie for browsers, token for API clients.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionKind {
    Cookie,
    Token,
}

/// What the store knows of a live session.
#[derive(Clone)]
pub struct SessionUser {
    pub user: User,
    pub lang: Option<Lang>,
    pub last_seen: DateTime<Utc>,
}

/// How often sign-in has failed in a row for one key (an account or an address).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignInFailures {
    pub count: u32,
    pub last_at: DateTime<Utc>,
}

/// Users, their sessions and the 分工 responsibilities.
#[async_trait]
pub trait PeopleStore: Send + Sync {
    async fn credentials(&self, login: &str) -> AppResult<Option<(User, String)>>;
    async fn get_user(&self, id: Uuid) -> AppResult<Option<User>>;
    async fn list_users(&self) -> AppResult<Vec<User>>;
    async fn create_user(&self, actor: Actor, user: UserRecord) -> AppResult<User>;
    async fn update_user(&self, actor: Actor, id: Uuid, user: UserRecord) -> AppResult<User>;
    async fn set_user_lang(&self, actor: Actor, id: Uuid, lang: Lang) -> AppResult<()>;
    async fn create_session(
        &self,
        token_hash: &[u8],
        user_id: Uuid,
        kind: SessionKind,
        now: DateTime<Utc>,
    ) -> AppResult<()>;
    /// The session's user if it is live: not revoked, used and made within `live`'s bounds,
    /// the user active.
    async fn session_user(
        &self,
        token_hash: &[u8],
        kind: SessionKind,
        live: super::auth::lifetime::Live,
    ) -> AppResult<Option<SessionUser>>;
    async fn touch_session(&self, token_hash: &[u8], now: DateTime<Utc>) -> AppResult<()>;
    /// Revokes; false when there was no live session.
    async fn revoke_session(&self, token_hash: &[u8], now: DateTime<Utc>) -> AppResult<bool>;
    /// Ends every session and token of a user of this school (signed out everywhere), with a
    /// history entry; how many were still open. Not found for a user of another school.
    async fn end_sessions(&self, actor: Actor, user_id: Uuid, now: DateTime<Utc>)
        -> AppResult<u64>;
    /// The failures counted against each of `keys` (keys with none are left out).
    async fn sign_in_failures(&self, keys: &[String]) -> AppResult<Vec<SignInFailures>>;
    /// Counts one more failure for each key at `now`, starting again from one for a key whose
    /// last failure was before `forget_before`; atomic, whichever server process counts it.
    async fn count_sign_in_failure(
        &self,
        keys: &[String],
        now: DateTime<Utc>,
        forget_before: DateTime<Utc>,
    ) -> AppResult<()>;
    async fn clear_sign_in_failures(&self, key: &str) -> AppResult<()>;
    async fn responsibilities_of(&self, user_id: Uuid) -> AppResult<Vec<Responsibility>>;
    async fn list_responsibilities(&self) -> AppResult<Vec<Responsibility>>;
}
