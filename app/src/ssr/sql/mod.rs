//! The store on SQL: every area's store trait implemented once, in the file beside that area's
//! SQL, for SQLite and PostgreSQL alike through [`crate::ssr::db`]; the database is picked by
//! the URL's scheme (`sqlite:` or `postgres:`), and each has its own embedded migrations.

mod checklists;
mod closings;
mod compensation;
mod damage;
mod dashboard;
mod drills;
mod history;
mod import;
mod inspections;
mod keys;
mod labels;
mod ledgers;
mod people;
mod photos;
mod purchases;
mod register;
mod rounds;
mod rows;
mod school;
mod stocktake;
mod stocktake_counting;
mod stocktake_settle;
mod supplies;
mod sync;

use crate::error::{AppError, AppResult};
use crate::ssr::db::{Db, Pool, Query, Row, Tx};
use crate::ssr::store::{Scope, Store};
use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;
use uuid::Uuid;

/// A PostgreSQL connection idle longer than this is pinged before it is used again (the server
/// may have restarted or dropped it meanwhile).
const PING_IDLE_AFTER: Duration = Duration::from_secs(30);

/// The store on SQLite or PostgreSQL (see [`crate::ssr::store::Store`]), as one school sees
/// it, or (as opened) as the district does.
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
                // sqlx pings every connection it hands out, a round trip per query; a page
                // makes two or three queries, so ping only one that has sat idle a while
                // (every connection is pinged again when it goes back to the pool).
                .test_before_acquire(false)
                .before_acquire(|conn, meta| {
                    Box::pin(async move {
                        if meta.idle_for > PING_IDLE_AFTER {
                            sqlx::Connection::ping(conn).await?;
                        }
                        Ok(true)
                    })
                })
                .connect(url)
                .await?;
            sqlx::migrate!("./migrations/postgres").run(&pool).await?;
            Pool::Postgres(pool)
        } else {
            let options = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(5))
                .foreign_keys(true)
                // Keeps the planner's statistics current as the school's records grow (see
                // `migrate_sqlite`), whenever the pool closes an idle connection.
                .optimize_on_close(true, ANALYSIS_LIMIT);
            migrate_sqlite(options.clone()).await?;
            let pool = SqlitePoolOptions::new()
                .max_connections(8)
                .min_connections(1)
                // A file does not drop the line: no ping before each query.
                .test_before_acquire(false)
                .connect_with(options)
                .await?;
            Pool::Sqlite(pool)
        };
        Ok(Self { db: Db::new(db) })
    }

    /// A write transaction (see [`Db::write`]).
    async fn write(&self) -> AppResult<Tx> {
        Ok(self.db.write().await?)
    }

    /// One page of the rows `select` finds and how many rows `count` (a `SELECT COUNT(*)` of the
    /// same filter) counts: `filter` binds the filter's parameters to both, and the page's limit
    /// and offset follow them on `select`.
    async fn page_rows(
        &self,
        (select, count): (&str, &str),
        filter: impl Fn(Query) -> Query,
        paging: crate::model::Paging,
    ) -> AppResult<(Vec<Row>, i64)> {
        let rows = filter(crate::ssr::db::query(select))
            .bind(paging.limit)
            .bind(paging.offset)
            .fetch_all(&self.db)
            .await?;
        let total = filter(crate::ssr::db::query(count))
            .fetch_one(&self.db)
            .await?
            .try_get(0)?;
        Ok((rows, total))
    }
}

impl Scope for SqlStore {
    fn for_school(&self, school: Uuid) -> Arc<dyn Store> {
        Arc::new(SqlStore {
            db: self.db.for_school(school),
        })
    }
}

/// How many rows of each index SQLite's ANALYZE reads (a few milliseconds on a district).
const ANALYSIS_LIMIT: u32 = 400;

/// Applies SQLite's migrations on a connection of their own with foreign keys off, as SQLite
/// needs to rebuild a table, then checks every foreign key and brings the planner's statistics
/// up to date. Without them SQLite may read a record's inspections through the school's index
/// (every inspection of the school) instead of the record's: 9 ms instead of 0.2 ms a query on
/// a school of 12,000 inspections.
async fn migrate_sqlite(options: SqliteConnectOptions) -> Result<(), sqlx::Error> {
    use sqlx::{ConnectOptions, Connection};
    let mut conn = options.foreign_keys(false).connect().await?;
    sqlx::migrate!("./migrations/sqlite").run(&mut conn).await?;
    let broken = sqlx::query("PRAGMA foreign_key_check")
        .fetch_all(&mut conn)
        .await?;
    sqlx::query(&format!("PRAGMA analysis_limit = {ANALYSIS_LIMIT}"))
        .execute(&mut conn)
        .await?;
    // 0x10002: analyse every table whose statistics are missing or stale, not only those this
    // connection has read.
    sqlx::query("PRAGMA optimize = 0x10002")
        .execute(&mut conn)
        .await?;
    conn.close().await?;
    if broken.is_empty() {
        Ok(())
    } else {
        Err(sqlx::Error::Protocol(format!(
            "{} rows break a foreign key after the migrations",
            broken.len()
        )))
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
