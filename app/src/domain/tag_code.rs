use super::{Field, Invalid, Problem};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Crockford base32 without the look-alikes I, L, O, U.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LEN: usize = 8;

/// The short code printed on a QR tag: 8 Crockford base32 characters, upper case.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TagCode(String);

impl TagCode {
    /// Normalises what a person typed or a scanner sent: case, spaces, dashes and the
    /// Crockford look-alikes (O→0, I/L→1) are forgiven.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let mut code = String::with_capacity(LEN);
        for c in raw.chars() {
            let c = match c.to_ascii_uppercase() {
                ' ' | '-' | '\t' => continue,
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
                return Err(Invalid::new(Field::Tag, Problem::BadTagCode));
            }
            code.push(c);
        }
        if code.len() != LEN {
            return Err(Invalid::new(Field::Tag, Problem::BadTagCode));
        }
        Ok(Self(code))
    }

    /// What a camera or a keyboard-wedge scanner read: the whole label URL (`…/t/CODE`) or the
    /// code alone.
    pub fn from_scan(raw: &str) -> Result<Self, Invalid> {
        let raw = raw.trim();
        let tail = raw
            .rsplit_once("/t/")
            .or_else(|| raw.rsplit_once("/T/"))
            .map(|(_, t)| t)
            .unwrap_or(raw);
        Self::parse(tail.trim_end_matches('/'))
    }

    /// A fresh random code; uniqueness is the store's job.
    #[cfg(feature = "ssr")]
    pub fn random() -> Self {
        use rand::Rng;
        let mut rng = rand::thread_rng();
        Self(
            (0..LEN)
                .map(|_| ALPHABET[rng.gen_range(0..32)] as char)
                .collect(),
        )
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The path a label's QR points at, relative to the public URL.
    pub fn path(&self) -> String {
        format!("/t/{}", self.0)
    }
}

impl fmt::Display for TagCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for TagCode {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s).map_err(|_| format!("not a tag code: {s}"))
    }
}

impl From<TagCode> for String {
    fn from(c: TagCode) -> Self {
        c.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_codes_are_normalised() {
        assert_eq!(TagCode::parse("7k3m-9qx2").unwrap().as_str(), "7K3M9QX2");
        assert_eq!(TagCode::parse(" 7K3M 9QX2 ").unwrap().as_str(), "7K3M9QX2");
        assert_eq!(TagCode::parse("OIL00000").unwrap().as_str(), "01100000");
    }

    #[test]
    fn a_scanned_label_url_gives_its_code() {
        for scanned in [
            "https://rounds.example.cn/t/7K3M9QX2",
            "http://192.168.1.5:3000/T/7k3m9qx2/",
            " 7K3M9QX2\n",
        ] {
            assert_eq!(TagCode::from_scan(scanned).unwrap().as_str(), "7K3M9QX2");
        }
        assert!(TagCode::from_scan("https://weixin.qq.com/r/abc").is_err());
    }

    #[test]
    fn wrong_length_or_letters_are_rejected() {
        for bad in [
            "",
            "7K3M9QX",
            "7K3M9QX22",
            "7K3M9QXU",
            "七K3M9QX2",
            "7K3M9QX!",
        ] {
            assert!(TagCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn random_codes_parse() {
        for _ in 0..100 {
            let c = TagCode::random();
            assert_eq!(TagCode::parse(c.as_str()).unwrap(), c);
        }
    }
}
