//! The store on SQL: every area's store trait implemented once, in the file beside that area's
//! SQL, for SQLite and PostgreSQL alike through [`crate::ssr::db`]; the database is picked by
//! the URL's scheme (`sqlite:` or `postgres:`), and each has its own embedded migrations.

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
use crate::ssr::db::{Db, Tx};
use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
use std::time::Duration;

/// The store on SQLite or PostgreSQL (see [`crate::ssr::store::Store`]).
#[derive(Clone)]
pub struct SqlStore {
    db: Db,
}

impl SqlStore {
    /// Opens the database at `url` (a SQLite file is created if missing) and applies its
    /// embedded migrations. On PostgreSQL, processes starting together take turns (sqlx holds
    /// an advisory lock while it migrates).
    pub async fn connect(url: &str) -> Result<Self, sqlx::Error> {
        let db = if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .connect(url)
                .await?;
            sqlx::migrate!("./migrations/postgres").run(&pool).await?;
            Db::Postgres(pool)
        } else {
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
            Db::Sqlite(pool)
        };
        Ok(Self { db })
    }

    /// A write transaction (see [`Db::write`]).
    async fn write(&self) -> AppResult<Tx> {
        Ok(self.db.write().await?)
    }
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
