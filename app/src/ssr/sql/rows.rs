//! Row → record mapping for the SELECTs shared by several queries.

use crate::domain::{AssetStatus, Fen, RoomKind};
use crate::error::{AppError, AppResult};
use crate::model::{Asset, AssetCard, Named, Room, User};
use crate::ssr::db::Row;
use uuid::Uuid;

pub(super) const ROOM_SELECT: &str =
    "SELECT r.id, r.name, r.kind, r.floor, b.id AS b_id, b.name AS b_name, \
    u.id AS c_id, u.display_name AS c_name, t.code AS tag, \
    (SELECT COUNT(*) FROM assets a WHERE a.room_id = r.id) AS asset_count \
    FROM rooms r JOIN buildings b ON b.id = r.building_id \
    LEFT JOIN users u ON u.id = r.custodian_id LEFT JOIN tags t ON t.room_id = r.id";

pub(super) const ASSET_SELECT: &str = "SELECT a.id, a.category, a.name, a.model, a.asset_code, a.status, \
    a.purchase_date, a.value_fen, a.notes, a.class_code, a.brand, a.unit, a.quantity, a.department, \
    a.keeper, a.booked_on, a.voucher, r.id AS r_id, r.name AS r_name, b.id AS b_id, b.name AS b_name, \
    COALESCE(u.id, ru.id) AS c_id, COALESCE(u.display_name, ru.display_name) AS c_name, t.code AS tag \
    FROM assets a LEFT JOIN rooms r ON r.id = a.room_id LEFT JOIN buildings b ON b.id = r.building_id \
    LEFT JOIN users u ON u.id = a.custodian_id LEFT JOIN users ru ON ru.id = r.custodian_id \
    LEFT JOIN tags t ON t.asset_id = a.id";

pub(super) const USER_SELECT: &str =
    "SELECT id, login, display_name, role, active, school_id FROM users";

/// A column of `row`; an undecodable value is an internal error.
pub(super) fn get<T: crate::ssr::db::FromValue>(row: &Row, col: &str) -> AppResult<T> {
    row.try_get(col).map_err(AppError::internal)
}

/// A `(id, name)` pair of columns that are never null as a [`Named`].
pub(super) fn person(row: &Row, id: &str, name: &str) -> AppResult<Named> {
    Ok(Named {
        id: get(row, id)?,
        name: get(row, name)?,
    })
}

/// A `(id, name)` pair of columns as a [`Named`], or none when the id is null.
pub(super) fn named(row: &Row, id: &str, name: &str) -> Result<Option<Named>, sqlx::Error> {
    let id: Option<Uuid> = row.try_get(id)?;
    let name: Option<String> = row.try_get(name)?;
    Ok(id.zip(name).map(|(id, name)| Named { id, name }))
}

pub(super) fn corrupt(what: &str) -> AppError {
    AppError::internal(format!("stored {what} is not a known code"))
}

pub(super) fn room(row: &Row) -> AppResult<Room> {
    let kind: String = row.try_get("kind")?;
    Ok(Room {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        kind: RoomKind::parse(&kind).map_err(|_| corrupt("room kind"))?,
        floor: row.try_get("floor")?,
        building: named(row, "b_id", "b_name")?.ok_or_else(|| corrupt("building"))?,
        custodian: named(row, "c_id", "c_name")?,
        tag: row.try_get("tag")?,
        asset_count: row.try_get("asset_count")?,
    })
}

pub(super) fn asset(row: &Row) -> AppResult<Asset> {
    let get = |e: sqlx::Error| AppError::internal(e);
    let status: String = row.try_get("status").map_err(get)?;
    let value: i64 = row.try_get("value_fen").map_err(get)?;
    Ok(Asset {
        id: row.try_get("id").map_err(get)?,
        category: row.try_get("category").map_err(get)?,
        name: row.try_get("name").map_err(get)?,
        model: row.try_get("model").map_err(get)?,
        asset_code: row.try_get("asset_code").map_err(get)?,
        status: AssetStatus::parse(&status).map_err(|_| corrupt("asset status"))?,
        room: named(row, "r_id", "r_name").map_err(get)?,
        building: named(row, "b_id", "b_name").map_err(get)?,
        custodian: named(row, "c_id", "c_name").map_err(get)?,
        purchase_date: row.try_get("purchase_date").map_err(get)?,
        value_fen: Fen::new(value).map_err(|_| corrupt("value"))?,
        notes: row.try_get("notes").map_err(get)?,
        tag: row.try_get("tag").map_err(get)?,
        card: card(row)?,
    })
}

/// The asset card's columns of an asset row.
pub(super) fn card(row: &Row) -> AppResult<AssetCard> {
    let quantity: i64 = get(row, "quantity")?;
    Ok(AssetCard {
        class_code: get(row, "class_code")?,
        brand: get(row, "brand")?,
        unit: get(row, "unit")?,
        quantity: u32::try_from(quantity).map_err(|_| corrupt("quantity"))?,
        department: get(row, "department")?,
        keeper: get(row, "keeper")?,
        booked_on: get(row, "booked_on")?,
        voucher: get(row, "voucher")?,
    })
}

pub(super) fn user(row: &Row) -> AppResult<User> {
    let get = |e: sqlx::Error| AppError::internal(e);
    let role: String = row.try_get("role").map_err(get)?;
    Ok(User {
        id: row.try_get("id").map_err(get)?,
        login: row.try_get("login").map_err(get)?,
        display_name: row.try_get("display_name").map_err(get)?,
        role: crate::domain::Role::parse(&role).map_err(|_| corrupt("role"))?,
        active: row.try_get("active").map_err(get)?,
        school: row.try_get("school_id").map_err(get)?,
    })
}
