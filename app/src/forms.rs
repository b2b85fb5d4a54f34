//! What a person submits (all text, as forms send it) and its checked form. The API's JSON
//! patches are laid over the same forms, so both paths share one set of rules.

use crate::domain::{
    bounded_text, optional_text, AssetCode, AssetStatus, Fen, Field, Invalid, Login, Password,
    Problem, PurchaseDate, Role, RoomKind,
};
use crate::model::{Asset, Room, User};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

const NAME_MAX: usize = 80;
const NOTES_MAX: usize = 2000;

fn optional_id(field: Field, raw: &str) -> Result<Option<Uuid>, Invalid> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    Uuid::parse_str(raw)
        .map(Some)
        .map_err(|_| Invalid::new(field, Problem::Malformed))
}

fn required_id(field: Field, raw: &str) -> Result<Uuid, Invalid> {
    optional_id(field, raw)?.ok_or(Invalid::new(field, Problem::Required))
}

fn id_text(id: Option<Uuid>) -> String {
    id.map(|i| i.to_string()).unwrap_or_default()
}

/// Overwrites `slot` when the patch carries a value.
fn overlay(slot: &mut String, value: Option<String>) {
    if let Some(v) = value {
        *slot = v;
    }
}

/// The asset form as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AssetForm {
    pub category: String,
    pub name: String,
    #[serde(default)]
    pub model: String,
    pub asset_code: String,
    pub status: String,
    #[serde(default)]
    pub room_id: String,
    #[serde(default)]
    pub custodian_id: String,
    #[serde(default)]
    pub purchase_date: String,
    /// Yuan, as typed (`1200.50`).
    #[serde(default)]
    pub value: String,
    #[serde(default)]
    pub notes: String,
}

/// A checked asset, ready for the store.
#[derive(Clone, Debug, PartialEq)]
pub struct AssetFields {
    pub category: String,
    pub name: String,
    pub model: Option<String>,
    pub asset_code: AssetCode,
    pub status: AssetStatus,
    pub room_id: Option<Uuid>,
    pub custodian_id: Option<Uuid>,
    pub purchase_date: Option<PurchaseDate>,
    pub value: Fen,
    pub notes: Option<String>,
}

impl AssetForm {
    pub fn validate(&self) -> Result<AssetFields, Invalid> {
        let value = match self.value.trim() {
            "" => Fen::default(),
            v => Fen::parse_yuan(v)?,
        };
        let purchase_date = match self.purchase_date.trim() {
            "" => None,
            d => Some(PurchaseDate::parse(d)?),
        };
        Ok(AssetFields {
            name: bounded_text(Field::Name, &self.name, NAME_MAX)?,
            category: bounded_text(Field::Category, &self.category, 40)?,
            model: optional_text(Field::Model, &self.model, NAME_MAX)?,
            asset_code: AssetCode::parse(&self.asset_code)?,
            status: AssetStatus::parse(&self.status)?,
            room_id: optional_id(Field::Room, &self.room_id)?,
            custodian_id: optional_id(Field::Custodian, &self.custodian_id)?,
            purchase_date,
            value,
            notes: optional_text(Field::Notes, &self.notes, NOTES_MAX)?,
        })
    }
}

impl From<&Asset> for AssetForm {
    fn from(a: &Asset) -> Self {
        Self {
            category: a.category.clone(),
            name: a.name.clone(),
            model: a.model.clone().unwrap_or_default(),
            asset_code: a.asset_code.clone(),
            status: a.status.code().into(),
            room_id: id_text(a.room.as_ref().map(|r| r.id)),
            custodian_id: id_text(a.custodian.as_ref().map(|c| c.id)),
            purchase_date: a.purchase_date.clone().unwrap_or_default(),
            value: a.value_fen.yuan_string(),
            notes: a.notes.clone().unwrap_or_default(),
        }
    }
}

/// An API change to an asset: only the fields present change; `""` clears an optional one.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AssetPatch {
    pub category: Option<String>,
    pub name: Option<String>,
    pub model: Option<String>,
    pub asset_code: Option<String>,
    pub status: Option<String>,
    pub room_id: Option<String>,
    pub custodian_id: Option<String>,
    pub purchase_date: Option<String>,
    pub value_fen: Option<i64>,
    pub notes: Option<String>,
}

impl AssetPatch {
    /// Lays the patch over a form; money comes in fen and is checked here.
    pub fn apply(self, mut form: AssetForm) -> Result<AssetForm, Invalid> {
        overlay(&mut form.category, self.category);
        overlay(&mut form.name, self.name);
        overlay(&mut form.model, self.model);
        overlay(&mut form.asset_code, self.asset_code);
        overlay(&mut form.status, self.status);
        overlay(&mut form.room_id, self.room_id);
        overlay(&mut form.custodian_id, self.custodian_id);
        overlay(&mut form.purchase_date, self.purchase_date);
        overlay(&mut form.notes, self.notes);
        if let Some(fen) = self.value_fen {
            form.value = Fen::new(fen)?.yuan_string();
        }
        Ok(form)
    }
}

/// The room form as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RoomForm {
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub floor: String,
    pub building_id: String,
    #[serde(default)]
    pub custodian_id: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RoomFields {
    pub name: String,
    pub kind: RoomKind,
    pub floor: Option<i64>,
    pub building_id: Uuid,
    pub custodian_id: Option<Uuid>,
}

impl RoomForm {
    pub fn validate(&self) -> Result<RoomFields, Invalid> {
        let floor = match self.floor.trim() {
            "" => None,
            f => Some(
                f.parse::<i64>()
                    .ok()
                    .filter(|f| (-5..=100).contains(f))
                    .ok_or(Invalid::new(Field::Floor, Problem::OutOfRange))?,
            ),
        };
        Ok(RoomFields {
            name: bounded_text(Field::Name, &self.name, NAME_MAX)?,
            kind: RoomKind::parse(&self.kind)?,
            floor,
            building_id: required_id(Field::Building, &self.building_id)?,
            custodian_id: optional_id(Field::Custodian, &self.custodian_id)?,
        })
    }
}

impl From<&Room> for RoomForm {
    fn from(r: &Room) -> Self {
        Self {
            name: r.name.clone(),
            kind: r.kind.code().into(),
            floor: r.floor.map(|f| f.to_string()).unwrap_or_default(),
            building_id: r.building.id.to_string(),
            custodian_id: id_text(r.custodian.as_ref().map(|c| c.id)),
        }
    }
}

/// An API change to a room.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RoomPatch {
    pub name: Option<String>,
    pub kind: Option<String>,
    pub floor: Option<i64>,
    pub building_id: Option<String>,
    pub custodian_id: Option<String>,
}

impl RoomPatch {
    pub fn apply(self, mut form: RoomForm) -> RoomForm {
        overlay(&mut form.name, self.name);
        overlay(&mut form.kind, self.kind);
        overlay(&mut form.floor, self.floor.map(|f| f.to_string()));
        overlay(&mut form.building_id, self.building_id);
        overlay(&mut form.custodian_id, self.custodian_id);
        form
    }
}

/// The user form as typed; an empty password keeps the old one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UserForm {
    pub login: String,
    pub display_name: String,
    pub role: String,
    #[serde(default)]
    pub password: String,
    /// A checkbox: present ("on") when ticked.
    #[serde(default)]
    pub active: Option<String>,
}

pub struct UserFields {
    pub login: Login,
    pub display_name: String,
    pub role: Role,
    pub password: Option<Password>,
    pub active: bool,
}

impl UserForm {
    pub fn validate(&self) -> Result<UserFields, Invalid> {
        Ok(UserFields {
            login: Login::parse(&self.login)?,
            display_name: bounded_text(Field::DisplayName, &self.display_name, 40)?,
            role: Role::parse(&self.role)
                .ok()
                .filter(|r| *r != Role::DistrictAdmin)
                .ok_or(Invalid::new(Field::Role, Problem::UnknownChoice))?,
            password: match self.password.as_str() {
                "" => None,
                p => Some(Password::parse(p)?),
            },
            active: self.active.is_some(),
        })
    }
}

impl From<&User> for UserForm {
    fn from(u: &User) -> Self {
        Self {
            login: u.login.clone(),
            display_name: u.display_name.clone(),
            role: u.role.code().into(),
            password: String::new(),
            active: u.active.then(|| "on".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn desk() -> AssetForm {
        AssetForm {
            category: "课桌椅".into(),
            name: "学生课桌".into(),
            asset_code: "lc-1".into(),
            status: "in_use".into(),
            value: "180.5".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_typed_asset_validates_to_fen_and_codes() {
        let f = desk().validate().unwrap();
        assert_eq!(f.value.fen(), 18050);
        assert_eq!(f.asset_code.as_str(), "LC-1");
    }

    #[test]
    fn a_patch_changes_only_what_it_names() {
        let patch = AssetPatch {
            name: Some("讲台".into()),
            value_fen: Some(100),
            ..Default::default()
        };
        let form = patch.apply(desk()).unwrap();
        assert_eq!(form.name, "讲台");
        assert_eq!(form.category, "课桌椅");
        assert_eq!(form.value, "1.00");
        let bad = AssetPatch {
            value_fen: Some(-1),
            ..Default::default()
        };
        assert!(bad.apply(desk()).is_err());
    }

    #[test]
    fn bad_ids_and_floors_are_named() {
        let room = RoomForm {
            name: "一(1)班".into(),
            kind: "classroom".into(),
            floor: "999".into(),
            building_id: "x".into(),
            ..Default::default()
        };
        assert_eq!(room.validate().unwrap_err().field, Field::Floor);
        let room = RoomForm {
            floor: "2".into(),
            ..room
        };
        assert_eq!(room.validate().unwrap_err().field, Field::Building);
    }
}

/// A school's name, in characters.
pub const SCHOOL_NAME_MAX: usize = 60;

/// The district's new-school form as typed: the school and its first admin.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SchoolForm {
    pub name: String,
    pub admin_login: String,
    #[serde(default)]
    pub admin_name: String,
    pub password: String,
}

pub struct SchoolFields {
    pub name: String,
    pub admin_login: Login,
    pub admin_name: String,
    pub password: Password,
}

impl SchoolForm {
    pub fn validate(&self) -> Result<SchoolFields, Invalid> {
        let admin_login = Login::parse(&self.admin_login)?;
        let admin_name = match self.admin_name.trim() {
            "" => admin_login.as_str().to_string(),
            name => bounded_text(Field::DisplayName, name, 40)?,
        };
        Ok(SchoolFields {
            name: bounded_text(Field::Name, &self.name, SCHOOL_NAME_MAX)?,
            admin_login,
            admin_name,
            password: Password::parse(&self.password)?,
        })
    }
}
