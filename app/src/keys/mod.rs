//! Keys (钥匙管理): the keys and key sets of rooms, cabinets and equipment, each hung in the key
//! cabinet with a tag of its own. A key is lent by scanning its tag and naming the borrower, and
//! returned by scanning it again; it is lent to one person at a time, and a loan past its due
//! time is overdue until the key comes back.

use crate::domain::{bounded_text, optional_text, Field, Invalid, Problem, Role};
use crate::model::Named;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[cfg(feature = "ssr")]
pub mod due;

crate::choice_enum!(
    /// What a key opens.
    KeyKind, Field::Kind, {
        Door => "door",
        Cabinet => "cabinet",
        Equipment => "equipment",
        Other => "other",
    }
);

/// The most keys one set holds on its ring.
pub const MAX_PIECES: i64 = 50;

/// The longest a key may be lent for, in days.
pub const MAX_LOAN_DAYS: i64 = 90;

/// Keeping the key cabinet's register: adding and changing keys, printing their labels.
pub fn keeps_keys(role: Role) -> bool {
    role.manages_register()
}

/// Lending and taking back keys at the cabinet: the keeper and the staff on duty.
pub fn lends_keys(role: Role) -> bool {
    role.inspects()
}

/// Seeing the keys and who holds them: every one of a school's people.
pub fn sees_keys(role: Role) -> bool {
    !role.manages_district()
}

/// A key (or a set of keys on one ring), with the loan it is out on now.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Key {
    pub id: Uuid,
    pub name: String,
    pub kind: KeyKind,
    /// The room whose door or furniture it opens.
    pub room: Option<Named>,
    /// Its hook in the key cabinet.
    pub hook: Option<String>,
    /// Keys on the ring: 1 for a single key.
    pub pieces: i64,
    pub note: Option<String>,
    /// The tag on its fob, which its label carries.
    pub tag: String,
    /// The loan it is out on; none while it hangs in the cabinet.
    pub loan: Option<KeyLoan>,
}

/// One lending of a key, open until the key is returned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeyLoan {
    pub id: Uuid,
    pub key: Named,
    /// Who took it (a name as given: a teacher, a worker from outside).
    pub borrower: String,
    pub lent_by: Named,
    /// School time, RFC 3339.
    pub lent_at: String,
    pub due_at: String,
    /// Still out past its due time.
    pub overdue: bool,
    pub returned_by: Option<Named>,
    pub returned_at: Option<String>,
    pub note: Option<String>,
}

/// A key as a form or the API gives it; checked by [`NewKey::parse`].
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyInput {
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub room_id: Option<Uuid>,
    #[serde(default)]
    pub hook: Option<String>,
    #[serde(default)]
    pub pieces: Option<i64>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A checked key, ready to store.
#[derive(Clone, Debug, PartialEq)]
pub struct NewKey {
    pub name: String,
    pub kind: KeyKind,
    pub room_id: Option<Uuid>,
    pub hook: Option<String>,
    pub pieces: i64,
    pub note: Option<String>,
}

impl NewKey {
    pub fn parse(input: &KeyInput) -> Result<Self, Invalid> {
        let pieces = input.pieces.unwrap_or(1);
        if !(1..=MAX_PIECES).contains(&pieces) {
            return Err(Invalid::new(Field::Pieces, Problem::OutOfRange));
        }
        Ok(Self {
            name: bounded_text(Field::Name, &input.name, 60)?,
            kind: KeyKind::parse(&input.kind)?,
            room_id: input.room_id,
            hook: optional_text(Field::Hook, input.hook.as_deref().unwrap_or(""), 20)?,
            pieces,
            note: optional_text(Field::Notes, input.note.as_deref().unwrap_or(""), 200)?,
        })
    }
}

/// A lending, as the form or the API gives it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LendInput {
    pub borrower: String,
    /// School time (`2026-12-08 17:00`, `2026-12-08T17:00` or a date, meaning its 18:00); the
    /// end of the school day when none.
    #[serde(default)]
    pub due_at: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// The refusal of lending a key that is out: who holds it.
pub fn already_lent(to: &str) -> Invalid {
    Invalid::new(Field::Key, Problem::AlreadyLent { to: to.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_set_holds_one_to_fifty_keys() {
        let input = |pieces| KeyInput {
            name: "301 教室门".into(),
            kind: "door".into(),
            pieces: Some(pieces),
            ..KeyInput::default()
        };
        assert_eq!(NewKey::parse(&input(3)).map(|k| k.pieces), Ok(3));
        for bad in [0, MAX_PIECES + 1] {
            assert_eq!(
                NewKey::parse(&input(bad)),
                Err(Invalid::new(Field::Pieces, Problem::OutOfRange))
            );
        }
        let none = KeyInput {
            pieces: None,
            ..input(1)
        };
        assert_eq!(NewKey::parse(&none).map(|k| k.pieces), Ok(1));
    }
}
