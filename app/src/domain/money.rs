use super::{Field, Invalid, Problem};
use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount of money in fen (分), the only unit Rounds stores; never a float.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Fen(i64);

impl Fen {
    /// One hundred million yuan: more than any one school asset is worth.
    pub const MAX: i64 = 100_000_000 * 100;

    /// Accepts a count of fen from the API; negative or absurd amounts are refused.
    pub fn new(fen: i64) -> Result<Self, Invalid> {
        if (0..=Self::MAX).contains(&fen) {
            Ok(Self(fen))
        } else {
            Err(Invalid::new(Field::Value, Problem::OutOfRange))
        }
    }

    /// Parses yuan as a person types them: `1200`, `1200.5`, `1,200.50`, `¥35`.
    pub fn parse_yuan(raw: &str) -> Result<Self, Invalid> {
        let bad = || Invalid::new(Field::Value, Problem::BadMoney);
        let s: String = raw
            .trim()
            .trim_start_matches(['¥', '￥'])
            .chars()
            .filter(|c| *c != ',' && *c != '，')
            .collect();
        let (whole, frac) = s.split_once('.').unwrap_or((&s, ""));
        let digits = |d: &str| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole)
            || (!frac.is_empty() && !digits(frac))
            || frac.len() > 2
            || whole.len() > 12
        {
            return Err(bad());
        }
        let yuan: i64 = whole.parse().map_err(|_| bad())?;
        let cents: i64 = format!("{frac:0<2}").parse().map_err(|_| bad())?;
        let fen = yuan
            .checked_mul(100)
            .and_then(|f| f.checked_add(cents))
            .ok_or_else(bad)?;
        Self::new(fen)
    }

    pub fn fen(self) -> i64 {
        self.0
    }

    /// The plain yuan figure for a form field: `1200.50`.
    pub fn yuan_string(self) -> String {
        format!("{}.{:02}", self.0 / 100, self.0 % 100)
    }
}

impl fmt::Display for Fen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "¥{}", self.yuan_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_are_read_exactly() {
        assert_eq!(Fen::parse_yuan("1200").unwrap().fen(), 120_000);
        assert_eq!(Fen::parse_yuan("1,200.5").unwrap().fen(), 120_050);
        assert_eq!(Fen::parse_yuan("¥0.07").unwrap().fen(), 7);
        assert_eq!(Fen::parse_yuan("35.10").unwrap().to_string(), "¥35.10");
    }

    #[test]
    fn nonsense_amounts_are_rejected() {
        for bad in [
            "-1",
            "1e12",
            "abc",
            "0.001",
            "",
            ".5",
            "1,2.3.4",
            "99999999999999",
            "1.2.3",
        ] {
            assert!(Fen::parse_yuan(bad).is_err(), "{bad}");
        }
        assert!(Fen::new(-1).is_err());
        assert!(Fen::new(Fen::MAX + 1).is_err());
    }
}
