//! A statement put together piece by piece (filters, `IN (…)` lists, many-row inserts), its
//! placeholders numbered as values are pushed.

use super::value::Arg;
use super::Query;
use std::fmt::Write;

/// Builds a [`Query`]; the same calls as sqlx's builder, for either database.
#[derive(Debug)]
pub struct QueryBuilder {
    query: Query,
}

impl Default for Query {
    fn default() -> Self {
        super::query("")
    }
}

impl QueryBuilder {
    pub fn new(init: impl AsRef<str>) -> Self {
        QueryBuilder {
            query: super::query(init),
        }
    }

    pub fn push(&mut self, sql: impl std::fmt::Display) -> &mut Self {
        let _ = write!(self.query.sql, "{sql}");
        self
    }

    /// Appends the next placeholder (`$n`) and binds `value` to it.
    pub fn push_bind(&mut self, value: impl Into<Arg>) -> &mut Self {
        self.query.args.push(value.into());
        let n = self.query.args.len();
        self.push(format_args!("${n}"))
    }

    /// Pushes values with `separator` between them: `a, b, c`.
    pub fn separated(&mut self, separator: &'static str) -> Separated<'_> {
        Separated {
            builder: self,
            separator,
            first: true,
        }
    }

    /// Appends `VALUES (…), (…)`, one group for each item, filled in by `each`.
    pub fn push_values<I>(&mut self, items: I, mut each: impl FnMut(Separated<'_>, I::Item))
    where
        I: IntoIterator,
    {
        self.push("VALUES ");
        for (i, item) in items.into_iter().enumerate() {
            self.push(if i == 0 { "(" } else { ", (" });
            each(self.separated(", "), item);
            self.push(")");
        }
    }

    pub fn build(&mut self) -> Query {
        std::mem::take(&mut self.query)
    }
}

/// Values pushed with a separator between them (see [`QueryBuilder::separated`]).
pub struct Separated<'b> {
    builder: &'b mut QueryBuilder,
    separator: &'static str,
    first: bool,
}

impl Separated<'_> {
    pub fn push_bind(&mut self, value: impl Into<Arg>) -> &mut Self {
        if !std::mem::take(&mut self.first) {
            self.builder.push(self.separator);
        }
        self.builder.push_bind(value);
        self
    }

    /// Appends SQL as the next item (a placeholder such as [`super::SCHOOL`]).
    pub fn push(&mut self, sql: impl std::fmt::Display) -> &mut Self {
        if !std::mem::take(&mut self.first) {
            self.builder.push(self.separator);
        }
        self.builder.push(sql);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_in_the_order_values_are_pushed() {
        let mut q = QueryBuilder::new("SELECT 1 FROM t WHERE a = ");
        q.push_bind(1i64).push(" AND b IN (");
        let mut list = q.separated(", ");
        list.push_bind("x").push_bind("y");
        q.push(")");
        let built = q.build();
        assert_eq!(built.sql, "SELECT 1 FROM t WHERE a = $1 AND b IN ($2, $3)");
        assert_eq!(built.args.len(), 3);

        let mut rows = QueryBuilder::new("INSERT INTO t (a, b) ");
        rows.push_values([(1i64, "p"), (2, "q")], |mut row, (a, b)| {
            row.push_bind(a).push_bind(b);
        });
        assert_eq!(
            rows.build().sql,
            "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)"
        );
    }
}
