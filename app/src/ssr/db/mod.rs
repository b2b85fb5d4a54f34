//! One way to run SQL on either database. Every store query is written once, with `$n`
//! placeholders both databases accept, and bound from Rust values that each database stores in
//! its own type: a time is fixed-width UTC text in SQLite and a `TIMESTAMPTZ` in PostgreSQL, an
//! id a 16-byte blob and a `UUID`, a document text and `JSONB`. Rows come back as [`Row`]s whose
//! columns convert to the Rust type asked for, whichever way the database stored them. Where
//! the SQL itself differs, [`Dialect`] says so in one visible place.
//!
//! It mirrors the part of sqlx's API the stores use (`query(..).bind(..).fetch_all(..)`,
//! `query_scalar`, a query builder, transactions that deref to a connection), so a store reads
//! as plain sqlx code. sqlx's own `Any` driver is no help here: it carries neither UUIDs nor
//! timestamps nor JSON.

mod backend;
mod builder;
mod postgres;
mod sqlite;
mod value;

pub use builder::{QueryBuilder, Separated};
pub use value::{time_text, Arg, FromValue, Row, Value};

use sqlx::postgres::PgPool;
use sqlx::sqlite::SqlitePool;
use sqlx::{Postgres, Sqlite, Transaction};
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use uuid::Uuid;

/// A future that borrows its connection for `'e`.
pub type DbFuture<'e, T> = Pin<Box<dyn Future<Output = Result<T, sqlx::Error>> + Send + 'e>>;

/// Which SQL a database speaks, for the few places where the two differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    /// `LIKE` that ignores case in ASCII, as SQLite's `LIKE` does.
    pub fn ilike(self) -> &'static str {
        match self {
            Dialect::Sqlite => "LIKE",
            Dialect::Postgres => "ILIKE",
        }
    }

    /// A JSON array of `expr` over the rows of the enclosing `SELECT` (`[]` when none).
    pub fn json_array(self, expr: &str) -> String {
        match self {
            Dialect::Sqlite => format!("json_group_array({expr})"),
            Dialect::Postgres => format!("COALESCE(json_agg({expr}), '[]'::json)"),
        }
    }

    /// A JSON object of `'key', value, …` pairs.
    pub fn json_object(self, pairs: &str) -> String {
        match self {
            Dialect::Sqlite => format!("json_object({pairs})"),
            Dialect::Postgres => format!("json_build_object({pairs})"),
        }
    }

    /// A stored JSON document (`before`, `answers` …) placed inside another one.
    pub fn json_doc(self, column: &str) -> String {
        match self {
            Dialect::Sqlite => format!("json({column})"),
            Dialect::Postgres => column.to_owned(),
        }
    }

    /// An id as JSON text (null stays null).
    pub fn id_text(self, expr: &str) -> String {
        match self {
            Dialect::Sqlite => {
                format!("CASE WHEN {expr} IS NULL THEN NULL ELSE lower(hex({expr})) END")
            }
            Dialect::Postgres => format!("{expr}::text"),
        }
    }

    /// A time as JSON text, in the fixed-width UTC form SQLite stores.
    pub fn time_text(self, expr: &str) -> String {
        match self {
            Dialect::Sqlite => expr.to_owned(),
            Dialect::Postgres => {
                format!("to_char({expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")
            }
        }
    }
}

/// The placeholder for the asking school's id. A statement of one school's records says
/// `WHERE x.school_id = $school` (or inserts `$school`); the connection it runs on fills it
/// in as the next `$n`. On a connection of no school it is null, which matches no row and
/// which no school's record can be written with: the district sees no school's records
/// through a school's queries.
pub const SCHOOL: &str = "$school";

/// A pool of connections to one database.
#[derive(Clone, Debug)]
pub enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// The database as one school sees it (or, with no school, as the district does): a pool and
/// the school its statements' [`SCHOOL`] stands for.
#[derive(Clone, Debug)]
pub struct Db {
    pool: Pool,
    school: Option<Uuid>,
}

impl Db {
    /// The database as the district sees it (no school).
    pub fn new(pool: Pool) -> Db {
        Db { pool, school: None }
    }

    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// The same database, as `school` sees it.
    pub fn for_school(&self, school: Uuid) -> Db {
        Db {
            pool: self.pool.clone(),
            school: Some(school),
        }
    }

    pub fn school(&self) -> Option<Uuid> {
        self.school
    }

    pub fn dialect(&self) -> Dialect {
        match self.pool {
            Pool::Sqlite(_) => Dialect::Sqlite,
            Pool::Postgres(_) => Dialect::Postgres,
        }
    }

    /// A write transaction. On SQLite it takes the write lock up front (`BEGIN IMMEDIATE`), so
    /// it never fails half-way on a busy database; PostgreSQL locks rows as it goes.
    pub async fn write(&self) -> Result<Tx, sqlx::Error> {
        let open = match &self.pool {
            Pool::Sqlite(pool) => Open::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Pool::Postgres(pool) => Open::Postgres(pool.begin().await?),
        };
        Ok(self.tx(open))
    }

    /// A read-only snapshot: every query in it sees the database as of one moment.
    pub async fn read(&self) -> Result<Tx, sqlx::Error> {
        let open = match &self.pool {
            Pool::Sqlite(pool) => Open::Sqlite(pool.begin().await?),
            Pool::Postgres(pool) => Open::Postgres(
                pool.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    .await?,
            ),
        };
        Ok(self.tx(open))
    }

    fn tx(&self, open: Open) -> Tx {
        Tx(Conn {
            open,
            school: self.school,
        })
    }

    /// Waits for the database to answer.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        query("SELECT 1").execute(self).await.map(|_| ())
    }
}

/// An open transaction's connection: what queries inside a transaction run on, for the school
/// its database was opened for.
#[derive(Debug)]
pub struct Conn {
    open: Open,
    school: Option<Uuid>,
}

#[derive(Debug)]
enum Open {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

/// A transaction; `&mut *tx` is its connection, as with sqlx. Dropped without
/// [`Tx::commit`], it rolls back.
#[derive(Debug)]
pub struct Tx(Conn);

impl Tx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self.0.open {
            Open::Sqlite(tx) => tx.commit().await,
            Open::Postgres(tx) => tx.commit().await,
        }
    }
}

impl std::ops::Deref for Tx {
    type Target = Conn;
    fn deref(&self) -> &Conn {
        &self.0
    }
}

impl std::ops::DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut Conn {
        &mut self.0
    }
}

/// Something a query runs on: the pool (each query on its own connection) or a transaction.
pub trait Executor<'e>: Send {
    fn run(self, q: Query) -> DbFuture<'e, u64>;
    fn rows(self, q: Query) -> DbFuture<'e, Vec<Row>>;
    fn first(self, q: Query) -> DbFuture<'e, Option<Row>>;
}

impl<'e> Executor<'e> for &'e Db {
    fn run(self, q: Query) -> DbFuture<'e, u64> {
        let q = q.for_school(self.school);
        match &self.pool {
            Pool::Sqlite(pool) => Box::pin(backend::run(pool, q)),
            Pool::Postgres(pool) => Box::pin(backend::run(pool, q)),
        }
    }
    fn rows(self, q: Query) -> DbFuture<'e, Vec<Row>> {
        let q = q.for_school(self.school);
        match &self.pool {
            Pool::Sqlite(pool) => Box::pin(backend::rows(pool, q)),
            Pool::Postgres(pool) => Box::pin(backend::rows(pool, q)),
        }
    }
    fn first(self, q: Query) -> DbFuture<'e, Option<Row>> {
        let q = q.for_school(self.school);
        match &self.pool {
            Pool::Sqlite(pool) => Box::pin(backend::first(pool, q)),
            Pool::Postgres(pool) => Box::pin(backend::first(pool, q)),
        }
    }
}

impl<'e> Executor<'e> for &'e mut Conn {
    fn run(self, q: Query) -> DbFuture<'e, u64> {
        let q = q.for_school(self.school);
        match &mut self.open {
            Open::Sqlite(tx) => Box::pin(backend::run(&mut **tx, q)),
            Open::Postgres(tx) => Box::pin(backend::run(&mut **tx, q)),
        }
    }
    fn rows(self, q: Query) -> DbFuture<'e, Vec<Row>> {
        let q = q.for_school(self.school);
        match &mut self.open {
            Open::Sqlite(tx) => Box::pin(backend::rows(&mut **tx, q)),
            Open::Postgres(tx) => Box::pin(backend::rows(&mut **tx, q)),
        }
    }
    fn first(self, q: Query) -> DbFuture<'e, Option<Row>> {
        let q = q.for_school(self.school);
        match &mut self.open {
            Open::Sqlite(tx) => Box::pin(backend::first(&mut **tx, q)),
            Open::Postgres(tx) => Box::pin(backend::first(&mut **tx, q)),
        }
    }
}

/// What a statement did.
#[derive(Clone, Copy, Debug)]
pub struct Done(u64);

impl Done {
    pub fn rows_affected(&self) -> u64 {
        self.0
    }
}

/// A statement and its values, in placeholder order.
#[derive(Clone, Debug)]
pub struct Query {
    sql: String,
    args: Vec<Arg>,
}

/// A statement with `$1, $2 …` placeholders.
pub fn query(sql: impl AsRef<str>) -> Query {
    Query {
        sql: sql.as_ref().to_owned(),
        args: Vec::new(),
    }
}

impl Query {
    pub fn bind(mut self, value: impl Into<Arg>) -> Self {
        self.args.push(value.into());
        self
    }

    /// Fills in [`SCHOOL`] (when the statement has it) as the placeholder after its values.
    fn for_school(mut self, school: Option<Uuid>) -> Query {
        if self.sql.contains(SCHOOL) {
            self.args.push(school.into());
            self.sql = self.sql.replace(SCHOOL, &format!("${}", self.args.len()));
        }
        self
    }

    pub async fn execute<'e>(self, on: impl Executor<'e>) -> Result<Done, sqlx::Error> {
        on.run(self).await.map(Done)
    }

    pub async fn fetch_all<'e>(self, on: impl Executor<'e>) -> Result<Vec<Row>, sqlx::Error> {
        on.rows(self).await
    }

    pub async fn fetch_optional<'e>(
        self,
        on: impl Executor<'e>,
    ) -> Result<Option<Row>, sqlx::Error> {
        on.first(self).await
    }

    pub async fn fetch_one<'e>(self, on: impl Executor<'e>) -> Result<Row, sqlx::Error> {
        on.first(self).await?.ok_or(sqlx::Error::RowNotFound)
    }
}

/// A statement whose rows are one value each.
pub struct Scalar<T> {
    query: Query,
    _as: PhantomData<fn() -> T>,
}

/// A statement read as its first column, converted to `T`.
pub fn query_scalar<T: FromValue>(sql: impl AsRef<str>) -> Scalar<T> {
    Scalar {
        query: query(sql),
        _as: PhantomData,
    }
}

impl<T: FromValue> Scalar<T> {
    pub fn bind(mut self, value: impl Into<Arg>) -> Self {
        self.query = self.query.bind(value);
        self
    }

    pub async fn fetch_all<'e>(self, on: impl Executor<'e>) -> Result<Vec<T>, sqlx::Error> {
        let rows = self.query.fetch_all(on).await?;
        rows.iter().map(|r| r.try_get(0)).collect()
    }

    pub async fn fetch_optional<'e>(self, on: impl Executor<'e>) -> Result<Option<T>, sqlx::Error> {
        let row = self.query.fetch_optional(on).await?;
        row.map(|r| r.try_get(0)).transpose()
    }

    pub async fn fetch_one<'e>(self, on: impl Executor<'e>) -> Result<T, sqlx::Error> {
        self.query.fetch_one(on).await?.try_get(0)
    }
}
