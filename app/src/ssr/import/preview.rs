//! The preview of an import, made from its sheet and its plan: the counts whole, the first
//! [`LIST_MAX`] of each list, and for each changed asset what changes.

use crate::i18n::{row_error_message, Lang};
use crate::import::columns::{column_letters, RegisterColumn};
use crate::import::plan::{AssetValues, Plan};
use crate::import::preview::{
    FieldChange, ImportCounts, ImportPreview, MappedColumn, PreviewAsset, PreviewChange, LIST_MAX,
};
use crate::import::record::Sheet;
use crate::import::{Quantities, RowError};
use std::collections::HashMap;
use uuid::Uuid;

/// A preview of nothing yet, for the file.
pub fn empty(file_name: String, sha256: String, quantities: Quantities) -> ImportPreview {
    ImportPreview {
        file_name,
        sha256,
        header_row: None,
        columns: Vec::new(),
        quantities,
        counts: ImportCounts::default(),
        errors: Vec::new(),
        new_buildings: Vec::new(),
        new_rooms: Vec::new(),
        new_assets: Vec::new(),
        changed_assets: Vec::new(),
        imported_before: Vec::new(),
        committed: None,
    }
}

/// The file's columns with their headers and what each is read as.
pub fn columns(header: &[String], columns: &[Option<RegisterColumn>]) -> Vec<MappedColumn> {
    columns
        .iter()
        .enumerate()
        .map(|(i, reads)| MappedColumn {
            letters: column_letters(i),
            header: header
                .get(i)
                .map(|h| h.trim().to_string())
                .unwrap_or_default(),
            reads: *reads,
        })
        .collect()
}

/// What differs between two versions of an asset, by the register's columns.
pub fn changes(before: &AssetValues, after: &AssetValues) -> Vec<FieldChange> {
    use RegisterColumn as C;
    let text = |o: &Option<String>| o.clone().unwrap_or_default();
    let person = |v: &AssetValues| {
        v.custodian
            .as_ref()
            .map(|c| c.name.clone())
            .or_else(|| v.card.keeper.clone())
            .unwrap_or_default()
    };
    let pairs: [(C, String, String); 16] = [
        (C::Name, before.name.clone(), after.name.clone()),
        (C::Category, before.category.clone(), after.category.clone()),
        (
            C::ClassCode,
            text(&before.card.class_code),
            text(&after.card.class_code),
        ),
        (C::Model, text(&before.model), text(&after.model)),
        (C::Brand, text(&before.card.brand), text(&after.card.brand)),
        (C::Unit, text(&before.card.unit), text(&after.card.unit)),
        (
            C::Quantity,
            before.card.quantity.to_string(),
            after.card.quantity.to_string(),
        ),
        (
            C::Value,
            before.value_fen.yuan_string(),
            after.value_fen.yuan_string(),
        ),
        (
            C::AcquiredOn,
            text(&before.purchase_date),
            text(&after.purchase_date),
        ),
        (
            C::Department,
            text(&before.card.department),
            text(&after.card.department),
        ),
        (C::Custodian, person(before), person(after)),
        (
            C::Location,
            before
                .room
                .as_ref()
                .map(|r| r.id.to_string())
                .unwrap_or_default(),
            after
                .room
                .as_ref()
                .map(|r| r.id.to_string())
                .unwrap_or_default(),
        ),
        (
            C::Status,
            before.status.code().to_string(),
            after.status.code().to_string(),
        ),
        (
            C::BookedOn,
            text(&before.card.booked_on),
            text(&after.card.booked_on),
        ),
        (
            C::Voucher,
            text(&before.card.voucher),
            text(&after.card.voucher),
        ),
        (C::Note, text(&before.notes), text(&after.notes)),
    ];
    let room_name = |v: &AssetValues| v.room.as_ref().map(|r| r.name.clone()).unwrap_or_default();
    pairs
        .into_iter()
        .filter(|(_, b, a)| b != a)
        .map(|(column, before_text, after_text)| match column {
            // Rooms compare by id and show by name.
            C::Location => FieldChange {
                column,
                before: room_name(before),
                after: room_name(after),
            },
            _ => FieldChange {
                column,
                before: before_text,
                after: after_text,
            },
        })
        .collect()
}

/// Fills the preview's counts and lists from the sheet and the plan.
pub fn fill(preview: &mut ImportPreview, sheet: &Sheet, rows: usize, plan: &Plan, lang: Lang) {
    let buildings: HashMap<Uuid, &str> = plan
        .new_buildings
        .iter()
        .map(|b| (b.id, b.name.as_str()))
        .collect();
    let rooms: HashMap<Uuid, String> = plan
        .new_rooms
        .iter()
        .map(|r| (r.id, format!("{} · {}", r.building, r.name)))
        .collect();
    preview.counts = plan.counts(rows, sheet.errors.len());
    preview.errors = sheet
        .errors
        .iter()
        .take(LIST_MAX)
        .map(|e| RowError {
            message: row_error_message(lang, e),
            ..e.clone()
        })
        .collect();
    preview.new_buildings = buildings
        .values()
        .take(LIST_MAX)
        .map(|b| b.to_string())
        .collect();
    preview.new_buildings.sort();
    preview.new_rooms = plan
        .new_rooms
        .iter()
        .take(LIST_MAX)
        .map(|r| rooms[&r.id].clone())
        .collect();
    preview.new_assets = plan
        .new_assets
        .iter()
        .take(LIST_MAX)
        .map(|a| PreviewAsset {
            row: a.row,
            asset_code: a.after.asset_code.clone(),
            name: a.after.name.clone(),
            room: a
                .after
                .room
                .as_ref()
                .map(|r| rooms.get(&r.id).cloned().unwrap_or_else(|| r.name.clone())),
        })
        .collect();
    preview.changed_assets = plan
        .changed_assets
        .iter()
        .take(LIST_MAX)
        .map(|a| PreviewChange {
            row: a.row,
            asset_code: a.after.asset_code.clone(),
            name: a.after.name.clone(),
            changes: a
                .before
                .as_ref()
                .map(|b| changes(b, &a.after))
                .unwrap_or_default(),
        })
        .collect();
}
