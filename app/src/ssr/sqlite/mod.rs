//! The SQLite store: WAL, a busy timeout, IMMEDIATE write transactions, `$n` placeholders,
//! every time value bound from Rust.

mod checklists;
mod compensation;
mod damage;
mod history;
mod inspections;
mod labels;
mod people;
mod photos;
mod register;
mod rounds;
mod rows;
mod school;
mod sync;

use crate::error::{AppError, AppResult};
use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool, Transaction};
use std::str::FromStr;
use std::time::Duration;

/// The SQLite implementation of [`crate::ssr::store::Store`].
#[derive(Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    sessions: std::sync::Arc<crate::ssr::people::session_cache::SessionCache>,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `url` and applies the embedded migrations.
    pub async fn connect(url: &str) -> Result<Self, sqlx::Error> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(Duration::from_secs(5))
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .min_connections(1)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
        Ok(Self {
            pool,
            sessions: Default::default(),
        })
    }

    /// A write transaction that takes the lock up front, so it never fails half-way on busy.
    async fn write(&self) -> AppResult<Transaction<'static, Sqlite>> {
        self.pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .map_err(AppError::internal)
    }
}

/// Timestamps as fixed-width UTC text, so text order is time order.
pub(crate) fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// Maps a database failure: unique violations become a conflict on `field`.
pub(crate) fn db_error(field: crate::domain::Field) -> impl Fn(sqlx::Error) -> AppError {
    move |e| match &e {
        sqlx::Error::Database(d) if d.is_unique_violation() => AppError::Conflict { field },
        _ => AppError::internal(e),
    }
}

/// Escapes `%` and `_` for a `LIKE … ESCAPE '\'` search.
pub(crate) fn like_pattern(words: &str) -> String {
    let escaped = words
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}
