//! SQLite's side of [`super`]: ids as 16-byte blobs, times as fixed-width UTC text, booleans as
//! 0/1, documents as JSON text. Values are read by the type each one is stored with.

use super::backend::Backend;
use super::value::{time_text, Arg, Row, Value};
use super::Query;
use sqlx::sqlite::{SqliteArguments, SqliteQueryResult, SqliteRow};
use sqlx::{Row as _, Sqlite, TypeInfo, ValueRef};
use std::sync::Arc;

impl Backend for Sqlite {
    fn bound(q: &Query) -> sqlx::query::Query<'_, Sqlite, SqliteArguments<'_>> {
        q.args.iter().fold(sqlx::query(&q.sql), |s, arg| match arg {
            Arg::Bool(v) => s.bind(*v),
            Arg::Int(v) => s.bind(*v),
            Arg::Real(v) => s.bind(*v),
            Arg::Text(v) => s.bind(v.as_deref()),
            Arg::Bytes(v) => s.bind(v.as_deref()),
            Arg::Uuid(v) => s.bind(*v),
            Arg::At(v) => s.bind(v.map(time_text)),
            Arg::Json(v) => s.bind(v.as_ref().map(|j| j.get())),
        })
    }

    fn decode(row: &SqliteRow, names: &Arc<[String]>) -> Result<Row, sqlx::Error> {
        let mut values = Vec::with_capacity(names.len());
        for i in 0..names.len() {
            let raw = row.try_get_raw(i)?;
            values.push(if raw.is_null() {
                Value::Null
            } else {
                match raw.type_info().name() {
                    "INTEGER" => Value::Int(row.try_get(i)?),
                    "REAL" => Value::Real(row.try_get(i)?),
                    "BLOB" => Value::Bytes(row.try_get(i)?),
                    _ => Value::Text(row.try_get(i)?),
                }
            });
        }
        Ok(Row::new(names.clone(), values))
    }

    fn affected(done: &SqliteQueryResult) -> u64 {
        done.rows_affected()
    }
}
