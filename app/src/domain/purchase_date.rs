use super::{Field, Invalid, Problem};
use serde::{Deserialize, Serialize};

/// A calendar date as `YYYY-MM-DD`, checked for a real day; enough for purchase dates.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PurchaseDate(String);

impl PurchaseDate {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let bad = || Invalid::new(Field::PurchaseDate, Problem::BadDate);
        let s = raw.trim();
        let parts: Vec<&str> = s.split('-').collect();
        let [y, m, d] = parts.as_slice() else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
        let (y, m, d) = (num(y)?, num(m)?, num(d)?);
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let days = match m {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return Err(bad()),
        };
        if !(1900..=2200).contains(&y) || d == 0 || d > days {
            return Err(bad());
        }
        Ok(Self(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for PurchaseDate {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s).map_err(|_| format!("not a date: {s}"))
    }
}

impl From<PurchaseDate> for String {
    fn from(d: PurchaseDate) -> Self {
        d.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_days_parse() {
        assert!(PurchaseDate::parse("2024-02-29").is_ok());
        assert!(PurchaseDate::parse("2023-09-01").is_ok());
    }

    #[test]
    fn impossible_days_are_rejected() {
        for bad in [
            "2023-02-29",
            "2023-13-01",
            "2023-1-1",
            "yesterday",
            "2023-04-31",
            "0999-01-01",
        ] {
            assert!(PurchaseDate::parse(bad).is_err(), "{bad}");
        }
    }
}
