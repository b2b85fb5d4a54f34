//! Values going in ([`Arg`]) and coming out ([`Value`], in a [`Row`]) of either database.

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::value::RawValue;
use serde_json::Value as Json;
use std::sync::Arc;
use uuid::Uuid;

/// A bound value. Each keeps its type when it is null, since PostgreSQL wants to know what
/// kind of null it is given.
#[derive(Clone, Debug)]
pub enum Arg {
    Bool(Option<bool>),
    Int(Option<i64>),
    Real(Option<f64>),
    Text(Option<String>),
    Bytes(Option<Vec<u8>>),
    Uuid(Option<Uuid>),
    At(Option<DateTime<Utc>>),
    /// Already serialised, so SQLite keeps the text exactly as serde wrote it.
    Json(Option<Box<RawValue>>),
}

impl Arg {
    /// A document, stored as JSON text in SQLite and as `JSONB` in PostgreSQL.
    pub fn json<T: serde::Serialize + ?Sized>(doc: &T) -> Result<Arg, sqlx::Error> {
        serde_json::value::to_raw_value(doc)
            .map(|v| Arg::Json(Some(v)))
            .map_err(|e| sqlx::Error::Encode(Box::new(e)))
    }
}

/// Implements `From` for a type, its `Option`, and references to both.
macro_rules! arg_from {
    ($variant:ident, $owned:ty, $($t:ty => $conv:expr),+ $(,)?) => {
        $(
            impl From<$t> for Arg {
                fn from(v: $t) -> Arg {
                    let f: fn($t) -> $owned = $conv;
                    Arg::$variant(Some(f(v)))
                }
            }
            impl From<Option<$t>> for Arg {
                fn from(v: Option<$t>) -> Arg {
                    let f: fn($t) -> $owned = $conv;
                    Arg::$variant(v.map(f))
                }
            }
        )+
    };
}

arg_from!(Bool, bool, bool => |v| v, &bool => |v| *v);
arg_from!(Int, i64, i64 => |v| v, &i64 => |v| *v, i32 => i64::from, &i32 => |v| i64::from(*v),
    u16 => i64::from, u32 => i64::from, usize => |v| v as i64);
arg_from!(Real, f64, f64 => |v| v);
arg_from!(Text, String, String => |v| v, &String => |v| v.clone(), &str => |v| v.to_owned());
arg_from!(Bytes, Vec<u8>, Vec<u8> => |v| v, &[u8] => |v| v.to_vec(), &Vec<u8> => |v| v.clone());
arg_from!(Uuid, Uuid, Uuid => |v| v, &Uuid => |v| *v);
arg_from!(At, DateTime<Utc>, DateTime<Utc> => |v| v, &DateTime<Utc> => |v| *v);

impl From<&Arg> for Arg {
    fn from(v: &Arg) -> Arg {
        v.clone()
    }
}

impl From<&Option<String>> for Arg {
    fn from(v: &Option<String>) -> Arg {
        Arg::Text(v.clone())
    }
}

impl From<&Option<Uuid>> for Arg {
    fn from(v: &Option<Uuid>) -> Arg {
        Arg::Uuid(*v)
    }
}

/// Times as fixed-width UTC text, so that text order is time order (how SQLite keeps them).
pub fn time_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// A column's value as the database gave it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Real(f64),
    Text(String),
    Bytes(Vec<u8>),
    Uuid(Uuid),
    At(DateTime<Utc>),
    Json(Json),
}

/// A Rust type a column converts to, whichever way the database stored it.
pub trait FromValue: Sized {
    fn from_value(v: Value) -> Result<Self, String>;
}

fn wrong(want: &str, got: &Value) -> String {
    format!("expected {want}, found {got:?}")
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::Null => Ok(None),
            v => T::from_value(v).map(Some),
        }
    }
}

impl FromValue for Value {
    fn from_value(v: Value) -> Result<Self, String> {
        Ok(v)
    }
}

impl FromValue for bool {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::Bool(b) => Ok(b),
            Value::Int(i) => Ok(i != 0),
            v => Err(wrong("a boolean", &v)),
        }
    }
}

impl FromValue for i64 {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::Int(i) => Ok(i),
            Value::Bool(b) => Ok(i64::from(b)),
            v => Err(wrong("an integer", &v)),
        }
    }
}

/// Narrower integers, refusing values that do not fit.
macro_rules! narrow_int {
    ($($t:ty),+) => {$(
        impl FromValue for $t {
            fn from_value(v: Value) -> Result<Self, String> {
                let i = i64::from_value(v)?;
                <$t>::try_from(i).map_err(|_| format!("{i} does not fit {}", stringify!($t)))
            }
        }
    )+};
}
narrow_int!(i32, u16, u32, usize);

impl FromValue for f64 {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::Real(f) => Ok(f),
            Value::Int(i) => Ok(i as f64),
            v => Err(wrong("a number", &v)),
        }
    }
}

impl FromValue for String {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::Text(s) => Ok(s),
            Value::At(t) => Ok(time_text(t)),
            Value::Json(j) => Ok(j.to_string()),
            v => Err(wrong("text", &v)),
        }
    }
}

impl FromValue for Vec<u8> {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::Bytes(b) => Ok(b),
            v => Err(wrong("bytes", &v)),
        }
    }
}

impl FromValue for Uuid {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::Uuid(u) => Ok(u),
            Value::Bytes(b) => Uuid::from_slice(&b).map_err(|e| e.to_string()),
            Value::Text(s) => Uuid::parse_str(&s).map_err(|e| e.to_string()),
            v => Err(wrong("a UUID", &v)),
        }
    }
}

impl FromValue for DateTime<Utc> {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::At(t) => Ok(t),
            Value::Text(s) => DateTime::parse_from_rfc3339(&s)
                .map(|t| t.with_timezone(&Utc))
                .map_err(|e| format!("{s:?}: {e}")),
            v => Err(wrong("a time", &v)),
        }
    }
}

impl FromValue for Json {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::Json(j) => Ok(j),
            Value::Text(s) => serde_json::from_str(&s).map_err(|e| e.to_string()),
            Value::Null => Ok(Json::Null),
            v => Err(wrong("a JSON document", &v)),
        }
    }
}

/// One row of a result, its columns by name or position.
#[derive(Clone, Debug)]
pub struct Row {
    names: Arc<[String]>,
    values: Vec<Value>,
}

/// A column by name (`"id"`) or position (`0`).
pub trait ColumnIndex {
    fn position(&self, names: &[String]) -> Option<usize>;
    fn label(&self) -> String;
}

impl ColumnIndex for &str {
    fn position(&self, names: &[String]) -> Option<usize> {
        names.iter().position(|n| n == self)
    }
    fn label(&self) -> String {
        (*self).to_owned()
    }
}

impl ColumnIndex for usize {
    fn position(&self, names: &[String]) -> Option<usize> {
        (*self < names.len()).then_some(*self)
    }
    fn label(&self) -> String {
        self.to_string()
    }
}

impl Row {
    pub(super) fn new(names: Arc<[String]>, values: Vec<Value>) -> Self {
        Row { names, values }
    }

    /// The column converted to `T`; a missing column or a value that does not convert is an
    /// error, as with sqlx.
    pub fn try_get<T: FromValue, I: ColumnIndex>(&self, index: I) -> Result<T, sqlx::Error> {
        let at = index
            .position(&self.names)
            .ok_or_else(|| sqlx::Error::ColumnNotFound(index.label()))?;
        T::from_value(self.values[at].clone()).map_err(|e| sqlx::Error::ColumnDecode {
            index: index.label(),
            source: e.into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(values: Vec<Value>) -> Row {
        let names: Vec<String> = (0..values.len()).map(|i| format!("c{i}")).collect();
        Row::new(names.into(), values)
    }

    #[test]
    fn each_database_form_reads_back_as_the_same_rust_value() {
        let id = Uuid::now_v7();
        let at = DateTime::parse_from_rfc3339("2026-12-04T07:30:00.123456Z")
            .unwrap()
            .with_timezone(&Utc);
        // SQLite: a 16-byte blob, fixed-width text, 0/1, JSON text.
        let sqlite = row(vec![
            Value::Bytes(id.as_bytes().to_vec()),
            Value::Text(time_text(at)),
            Value::Int(1),
            Value::Text("[1,2]".into()),
        ]);
        // PostgreSQL: UUID, TIMESTAMPTZ, BOOLEAN, JSONB.
        let postgres = row(vec![
            Value::Uuid(id),
            Value::At(at),
            Value::Bool(true),
            Value::Json(serde_json::json!([1, 2])),
        ]);
        for r in [sqlite, postgres] {
            assert_eq!(r.try_get::<Uuid, _>("c0").unwrap(), id);
            assert_eq!(r.try_get::<DateTime<Utc>, _>("c1").unwrap(), at);
            assert_eq!(
                r.try_get::<String, _>("c1").unwrap(),
                "2026-12-04T07:30:00.123456Z"
            );
            assert!(r.try_get::<bool, _>("c2").unwrap());
            assert_eq!(r.try_get::<Json, _>(3).unwrap(), serde_json::json!([1, 2]));
        }
    }

    #[test]
    fn nulls_missing_columns_and_wrong_types_are_told_apart() {
        let r = row(vec![
            Value::Null,
            Value::Text("x".into()),
            Value::Int(1 << 40),
        ]);
        assert_eq!(r.try_get::<Option<Uuid>, _>("c0").unwrap(), None);
        assert!(matches!(
            r.try_get::<String, _>("nope"),
            Err(sqlx::Error::ColumnNotFound(_))
        ));
        assert!(matches!(
            r.try_get::<i64, _>("c1"),
            Err(sqlx::Error::ColumnDecode { .. })
        ));
        assert!(r.try_get::<i32, _>("c2").is_err());
        assert_eq!(r.try_get::<i64, _>("c2").unwrap(), 1 << 40);
    }

    #[test]
    fn nulls_keep_their_type() {
        assert!(matches!(Arg::from(None::<Uuid>), Arg::Uuid(None)));
        assert!(matches!(Arg::from(None::<&str>), Arg::Text(None)));
        assert!(matches!(Arg::from(7u32), Arg::Int(Some(7))));
    }
}
