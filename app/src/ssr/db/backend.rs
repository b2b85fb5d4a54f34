//! What each database supplies (how to bind an [`Arg`](super::Arg), how to read a row), and
//! the running of a query on it, written once for both.

use super::value::Row;
use super::Query;
use sqlx::{Column, Database, IntoArguments, Row as _};
use std::sync::Arc;

pub(super) trait Backend: Database {
    /// The statement with every value bound in this database's own type.
    fn bound(q: &Query) -> sqlx::query::Query<'_, Self, <Self as Database>::Arguments<'_>>;
    /// A row as [`Value`](super::Value)s, each read by the type the database gives it.
    fn decode(row: &Self::Row, names: &Arc<[String]>) -> Result<Row, sqlx::Error>;
    fn affected(done: &Self::QueryResult) -> u64;
}

fn names<DB: Database>(row: Option<&DB::Row>) -> Arc<[String]> {
    row.map(|r| r.columns().iter().map(|c| c.name().to_owned()).collect())
        .unwrap_or_default()
}

pub(super) async fn run<'c, DB: Backend>(
    on: impl sqlx::Executor<'c, Database = DB>,
    q: Query,
) -> Result<u64, sqlx::Error>
where
    for<'q> <DB as Database>::Arguments<'q>: IntoArguments<'q, DB>,
{
    Ok(DB::affected(&DB::bound(&q).execute(on).await?))
}

pub(super) async fn rows<'c, DB: Backend>(
    on: impl sqlx::Executor<'c, Database = DB>,
    q: Query,
) -> Result<Vec<Row>, sqlx::Error>
where
    for<'q> <DB as Database>::Arguments<'q>: IntoArguments<'q, DB>,
{
    let found = DB::bound(&q).fetch_all(on).await?;
    let names = names::<DB>(found.first());
    found.iter().map(|r| DB::decode(r, &names)).collect()
}

pub(super) async fn first<'c, DB: Backend>(
    on: impl sqlx::Executor<'c, Database = DB>,
    q: Query,
) -> Result<Option<Row>, sqlx::Error>
where
    for<'q> <DB as Database>::Arguments<'q>: IntoArguments<'q, DB>,
{
    let found = DB::bound(&q).fetch_optional(on).await?;
    found
        .map(|r| DB::decode(&r, &names::<DB>(Some(&r))))
        .transpose()
}
