//! PostgreSQL's side of [`super`]: native UUID, TIMESTAMPTZ, BOOLEAN, BIGINT and JSONB, each
//! bound with its own type (so even a null is a typed null) and read by the column's type.

use super::backend::Backend;
use super::value::{Arg, Row, Value};
use super::Query;
use sqlx::postgres::{PgArguments, PgQueryResult, PgRow};
use sqlx::types::Json;
use sqlx::{Postgres, Row as _, TypeInfo, ValueRef};
use std::sync::Arc;

impl Backend for Postgres {
    fn bound(q: &Query) -> sqlx::query::Query<'_, Postgres, PgArguments> {
        q.args.iter().fold(sqlx::query(&q.sql), |s, arg| match arg {
            Arg::Bool(v) => s.bind(*v),
            Arg::Int(v) => s.bind(*v),
            Arg::Real(v) => s.bind(*v),
            Arg::Text(v) => s.bind(v.as_deref()),
            Arg::Bytes(v) => s.bind(v.as_deref()),
            Arg::Uuid(v) => s.bind(*v),
            Arg::At(v) => s.bind(*v),
            Arg::Json(v) => s.bind(v.as_deref().map(Json)),
        })
    }

    fn decode(row: &PgRow, names: &Arc<[String]>) -> Result<Row, sqlx::Error> {
        let mut values = Vec::with_capacity(names.len());
        for i in 0..names.len() {
            let raw = row.try_get_raw(i)?;
            values.push(if raw.is_null() {
                Value::Null
            } else {
                match raw.type_info().name() {
                    "BOOL" => Value::Bool(row.try_get(i)?),
                    "INT2" => Value::Int(row.try_get::<i16, _>(i)?.into()),
                    "INT4" => Value::Int(row.try_get::<i32, _>(i)?.into()),
                    "INT8" => Value::Int(row.try_get(i)?),
                    "FLOAT4" => Value::Real(row.try_get::<f32, _>(i)?.into()),
                    "FLOAT8" => Value::Real(row.try_get(i)?),
                    "BYTEA" => Value::Bytes(row.try_get(i)?),
                    "UUID" => Value::Uuid(row.try_get(i)?),
                    "TIMESTAMPTZ" => Value::At(row.try_get(i)?),
                    "JSON" | "JSONB" => {
                        Value::Json(row.try_get::<Json<serde_json::Value>, _>(i)?.0)
                    }
                    _ => Value::Text(row.try_get(i)?),
                }
            });
        }
        Ok(Row::new(names.clone(), values))
    }

    fn affected(done: &PgQueryResult) -> u64 {
        done.rows_affected()
    }
}
