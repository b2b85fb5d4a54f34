//! The OpenAPI description of register imports and ledger exports.

use super::openapi::{op, schema, with_body};
use serde_json::{json, Value};

const COLUMNS: [&str; 18] = [
    "asset_code",
    "name",
    "category",
    "class_code",
    "model",
    "brand",
    "unit",
    "quantity",
    "unit_price",
    "value",
    "acquired_on",
    "department",
    "custodian",
    "location",
    "status",
    "booked_on",
    "voucher",
    "note",
];

pub(super) fn paths() -> Value {
    let tag = "imports";
    let mut import = op(
        "Preview or commit a register file (XLSX, XLS, ODS, or CSV in UTF-8 or GBK; ≤ 20 MB) (asset manager, admin). \
         The header row is found under title rows, columns are known by the asset card's Chinese names; \
         `mapping` corrects them by column letter, `profile` applies a saved mapping. A preview (200) writes nothing. \
         `commit=true` writes everything in one transaction (201) or, when any row has an error, nothing (422 with the \
         preview, each error naming its row and column); a file that changes nothing answers 200 with `committed` null.",
        tag,
        "200",
        schema("ImportPreview"),
    );
    import["requestBody"] = json!({ "required": true, "content": { "multipart/form-data": {
        "schema": { "type": "object", "required": ["file"], "properties": {
            "file": { "type": "string", "format": "binary" },
            "quantities": { "type": "string", "enum": ["each", "batch"], "default": "each",
                "description": "a row with 数量 N > 1: N assets (codes 资产编号-1 … -N, a tag each) or one batch record" },
            "profile": { "type": "string", "maxLength": 40 },
            "mapping": { "type": "string", "description": "JSON object: column letters → a column name or null, e.g. {\"E\": \"location\"}" },
            "commit": { "type": "string", "enum": ["true", "false"] } } },
        "example": { "quantities": "each", "mapping": "{\"E\": \"location\"}", "commit": "false" } } } });
    import["responses"]["201"] = json!({ "description": "Committed", "content": { "application/json": { "schema": schema("ImportPreview") } } });
    import["responses"]["422"] = json!({ "description": "An error in the request (Error) or, for a commit, rows with errors (ImportPreview)",
        "content": { "application/json": { "schema": { "anyOf": [schema("Error"), schema("ImportPreview")] } } } });
    import["responses"]["413"] = json!({ "$ref": "#/components/responses/Error" });
    let list = op(
        "The imports made, newest first (asset manager, admin)",
        tag,
        "200",
        json!({ "type": "array", "items": schema("RegisterImport") }),
    );
    let list = super::openapi::paged(list);
    let mut export = op(
        "The register as the asset card's columns (资产登记表), every asset of the school; imports back unchanged \
         (asset manager, admin). XLSX: header frozen, days as dates, amounts in yuan; CSV: UTF-8 with a BOM",
        "exports",
        "200",
        json!({}),
    );
    export["parameters"] = json!([{ "name": "format", "in": "query", "schema": { "type": "string", "enum": ["xlsx", "csv"], "default": "xlsx" } }]);
    export["responses"]["200"] = json!({ "description": "The file", "content": {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { "schema": { "type": "string", "format": "binary" } },
        "text/csv": { "schema": { "type": "string" } } } });
    let mut repairs = op(
        "The repair ledger (维修台账) of a month (`2026-12`, the default is this month) or an ISO week (`2026-W49`): \
         every damage report and repair ticket opened in it, who reported, where, the fault, human damage, liable party \
         and compensation, who repaired, when, who accepted (asset manager, admin). Headers in the caller's language",
        "exports",
        "200",
        json!({}),
    );
    repairs["parameters"] = json!([
        export["parameters"][0].clone(),
        { "name": "period", "in": "query", "schema": { "type": "string", "pattern": super::openapi::period_pattern() } }
    ]);
    repairs["responses"]["200"] = export["responses"]["200"].clone();
    let mut hazards = op(
        "The hazard rectification ledger (安全隐患整改台账) of a month or ISO week: every hazard a failed checklist item \
         found in it (rejected tickets left out), with 日期, 部位, 隐患描述, 整改措施, 责任人, 期限, 状态 (未整改 / 已销号) and \
         复查人 (asset manager, admin)",
        "exports",
        "200",
        json!({}),
    );
    hazards["parameters"] = repairs["parameters"].clone();
    hazards["responses"]["200"] = export["responses"]["200"].clone();
    let mut supplies = op(
        "The supplies ledger (物品出入库台账) of a month or ISO week: every receipt and issue in order with 日期, 物品, \
         入库, 领用, 结存, the supplier or the class it went to, price and amount in yuan and who handled it, then a \
         sheet of each item's balance (月初结存, 入库, 领用, 月末结存) (asset manager, admin)",
        "exports",
        "200",
        json!({}),
    );
    supplies["parameters"] = repairs["parameters"].clone();
    supplies["responses"]["200"] = export["responses"]["200"].clone();
    let mut record = op(
        "The inspection record (检查记录表) of a checklist for a month or week: a row for everything the checklist \
         covers (its asset categories, its room kinds), inspected or not, a column per item (√ / × / —), the result, \
         who checked and when; `checklist=fire_equipment` is the monthly fire-equipment record of GB 50444 appendix C \
         (asset manager, admin). `period` may also be a range of months, `2026-09..2026-12` (at most twelve), a sheet \
         each. 404 for an unknown checklist",
        "exports",
        "200",
        json!({}),
    );
    record["parameters"] = json!([
        { "name": "checklist", "in": "query", "required": true, "schema": { "type": "string", "minLength": 1, "maxLength": 60, "pattern": "^[^\\u0000]*\\S[^\\u0000]*$" } },
        repairs["parameters"][0].clone(),
        { "name": "period", "in": "query", "schema": { "type": "string", "pattern": super::openapi::months_pattern() } }
    ]);
    record["responses"]["200"] = export["responses"]["200"].clone();
    json!({
        "/api/v1/exports/inspections": { "get": record },
        "/api/v1/exports/register": { "get": export },
        "/api/v1/exports/repairs": { "get": repairs },
        "/api/v1/exports/hazards": { "get": hazards },
        "/api/v1/exports/supplies": { "get": supplies },
        "/api/v1/imports": { "post": import, "get": list },
        "/api/v1/import-profiles": {
            "get": op("The saved column mappings (asset manager, admin)", tag, "200", json!({ "type": "array", "items": schema("ImportProfile") })),
            "post": with_body(op("Save a column mapping under a name, replacing one of that name (asset manager, admin)", tag, "200", schema("ImportProfile")), "NewImportProfile")
        }
    })
}

pub(super) fn schemas() -> Value {
    let column = json!({ "type": ["string", "null"], "enum": COLUMNS.iter().map(|c| json!(c)).chain([Value::Null]).collect::<Vec<_>>() });
    let count = json!({ "type": "integer", "minimum": 0 });
    let counts: serde_json::Map<String, Value> = [
        "rows",
        "errors",
        "new_buildings",
        "new_rooms",
        "new_assets",
        "new_tags",
        "changed_assets",
        "unchanged_assets",
    ]
    .iter()
    .map(|k| (k.to_string(), count.clone()))
    .collect();
    let text_list = json!({ "type": "array", "items": { "type": "string" } });
    json!({
        "ImportCounts": { "type": "object", "properties": counts },
        "RowError": { "type": "object", "properties": {
            "row": { "type": "integer", "description": "as Excel numbers it" },
            "column": { "type": ["string", "null"], "description": "Excel's letters" },
            "header": { "type": ["string", "null"] }, "reads": column,
            "problem": { "type": "string" }, "message": { "type": "string" } } },
        "RegisterImport": { "type": "object", "properties": {
            "id": { "type": "string", "format": "uuid" }, "file_name": { "type": "string" },
            "sha256": { "type": "string", "pattern": "^[0-9a-f]{64}$" },
            "quantities": { "type": "string", "enum": ["each", "batch"] },
            "imported_by": schema("Named"), "imported_at": { "type": "string" }, "counts": schema("ImportCounts") } },
        "ImportPreview": { "type": "object", "properties": {
            "file_name": { "type": "string" }, "sha256": { "type": "string" },
            "header_row": { "type": ["integer", "null"] },
            "columns": { "type": "array", "items": { "type": "object", "properties": {
                "letters": { "type": "string" }, "header": { "type": "string" }, "reads": column.clone() } } },
            "quantities": { "type": "string", "enum": ["each", "batch"] },
            "counts": schema("ImportCounts"),
            "errors": { "type": "array", "maxItems": 200, "items": schema("RowError") },
            "new_buildings": text_list, "new_rooms": text_list,
            "new_assets": { "type": "array", "maxItems": 200, "items": { "type": "object", "properties": {
                "row": { "type": "integer" }, "asset_code": { "type": "string" }, "name": { "type": "string" },
                "room": { "type": ["string", "null"] } } } },
            "changed_assets": { "type": "array", "maxItems": 200, "items": { "type": "object", "properties": {
                "row": { "type": "integer" }, "asset_code": { "type": "string" }, "name": { "type": "string" },
                "changes": { "type": "array", "items": { "type": "object", "properties": {
                    "column": column.clone(), "before": { "type": "string" }, "after": { "type": "string" } } } } } } },
            "imported_before": { "type": "array", "items": schema("RegisterImport") },
            "committed": { "oneOf": [schema("RegisterImport"), { "type": "null" }] } } },
        "ImportProfile": { "type": "object", "properties": {
            "id": { "type": "string", "format": "uuid" }, "name": { "type": "string" },
            "mapping": { "type": "object", "additionalProperties": column.clone() },
            "saved_by": schema("Named"), "saved_at": { "type": "string" } } },
        "NewImportProfile": { "type": "object", "additionalProperties": false, "required": ["name", "mapping"],
            "properties": { "name": super::openapi::text(40),
                "mapping": { "type": "object", "minProperties": 1, "maxProperties": 200, "additionalProperties": column,
                    "propertyNames": { "maxLength": 80, "pattern": "\\S" } } },
            "example": { "name": "区资产系统", "mapping": { "放置处": "location", "序号": null } } },
        "AssetCard": { "type": "object", "description": "the asset card's (资产卡片) fields kept as the register gives them", "properties": {
            "class_code": { "type": ["string", "null"], "description": "GB/T 14885, as given" },
            "brand": { "type": ["string", "null"] }, "unit": { "type": ["string", "null"] },
            "quantity": { "type": "integer", "minimum": 1, "description": "more than one for a batch record" },
            "department": { "type": ["string", "null"] },
            "keeper": { "type": ["string", "null"], "description": "the 使用人 as written, when no user has that name" },
            "booked_on": { "type": ["string", "null"], "format": "date" }, "voucher": { "type": ["string", "null"] } } }
    })
}
