use super::{Field, Invalid, Problem};
use serde::{Deserialize, Serialize};

/// The school's own register number for an asset (资产编号), e.g. `LC-2023-00042`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AssetCode(String);

impl AssetCode {
    pub const MAX: usize = 32;

    /// Upper-cases and trims; allows letters, digits and `-_./`.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let code = raw.trim().to_ascii_uppercase();
        if code.is_empty() {
            return Err(Invalid::new(Field::AssetCode, Problem::Required));
        }
        if code.chars().count() > Self::MAX {
            return Err(Invalid::new(
                Field::AssetCode,
                Problem::TooLong { max: Self::MAX },
            ));
        }
        let ok = code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'));
        if !ok {
            return Err(Invalid::new(Field::AssetCode, Problem::BadAssetCode));
        }
        Ok(Self(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for AssetCode {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s).map_err(|_| format!("not an asset code: {s}"))
    }
}

impl From<AssetCode> for String {
    fn from(c: AssetCode) -> Self {
        c.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_trimmed_and_upper_cased() {
        assert_eq!(
            AssetCode::parse(" lc-2023-001 ").unwrap().as_str(),
            "LC-2023-001"
        );
    }

    #[test]
    fn empty_long_or_odd_codes_are_rejected() {
        assert_eq!(
            AssetCode::parse("  ").unwrap_err().problem,
            Problem::Required
        );
        assert!(AssetCode::parse(&"A".repeat(33)).is_err());
        assert_eq!(
            AssetCode::parse("资产1").unwrap_err().problem,
            Problem::BadAssetCode
        );
    }
}
