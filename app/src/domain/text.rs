use super::{Field, Invalid, Problem};
use serde::{Deserialize, Serialize};

/// Trims and checks a required text of 1..=max characters.
pub fn bounded_text(field: Field, raw: &str, max: usize) -> Result<String, Invalid> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(Invalid::new(field, Problem::Required));
    }
    if s.chars().any(|c| c.is_control()) {
        return Err(Invalid::new(field, Problem::ControlCharacter));
    }
    if s.chars().count() > max {
        return Err(Invalid::new(field, Problem::TooLong { max }));
    }
    Ok(s.to_string())
}

/// Like [`bounded_text`] but empty means "none"; notes may hold line breaks.
pub fn optional_text(field: Field, raw: &str, max: usize) -> Result<Option<String>, Invalid> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if s.chars().any(|c| c.is_control() && c != '\n' && c != '\r') {
        return Err(Invalid::new(field, Problem::ControlCharacter));
    }
    if s.chars().count() > max {
        return Err(Invalid::new(field, Problem::TooLong { max }));
    }
    Ok(Some(s.to_string()))
}

/// A sign-in name: 2–32 of lower-case letters, digits, `.`, `_`, `-`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Login(String);

impl Login {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let s = raw.trim().to_ascii_lowercase();
        let ok = (2..=32).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
        if ok {
            Ok(Self(s))
        } else {
            Err(Invalid::new(Field::Login, Problem::BadLogin))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password: at least 8 characters, at most 128.
pub struct Password(String);

impl Password {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw.chars().count() {
            0..=7 => Err(Invalid::new(Field::Password, Problem::TooShort { min: 8 })),
            129.. => Err(Invalid::new(Field::Password, Problem::TooLong { max: 128 })),
            _ => Ok(Self(raw.to_string())),
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_and_bounded() {
        assert_eq!(bounded_text(Field::Name, "  课桌 ", 10).unwrap(), "课桌");
        assert!(bounded_text(Field::Name, "  ", 10).is_err());
        assert!(bounded_text(Field::Name, &"桌".repeat(11), 10).is_err());
        assert_eq!(optional_text(Field::Notes, " ", 10).unwrap(), None);
    }

    /// Found by schemathesis: a control character was refused as "too long".
    #[test]
    fn a_control_character_is_named_as_such() {
        let problem = |r: Result<_, Invalid>| r.unwrap_err().problem;
        assert_eq!(
            problem(bounded_text(Field::Name, "a\u{1d}b", 10)),
            Problem::ControlCharacter
        );
        assert_eq!(
            optional_text(Field::Notes, "a\tb", 10).unwrap_err().problem,
            Problem::ControlCharacter
        );
        assert_eq!(
            optional_text(Field::Notes, "第一行\n第二行", 10).unwrap(),
            Some("第一行\n第二行".into())
        );
        assert_eq!(
            problem(bounded_text(Field::Name, &"桌".repeat(11), 10)),
            Problem::TooLong { max: 10 }
        );
    }

    #[test]
    fn logins_are_lower_case_words() {
        assert_eq!(Login::parse(" Demo-Staff ").unwrap().as_str(), "demo-staff");
        assert!(Login::parse("张三").is_err());
        assert!(Login::parse("a").is_err());
    }
}
