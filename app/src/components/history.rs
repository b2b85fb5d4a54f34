//! A record's history: who changed what, when, newest first.

use crate::domain::{AssetStatus, Fen, Role, RoomKind};
use crate::i18n::{Lang, Msg};
use crate::model::HistoryEntry;
use crate::session::use_session;
use leptos::prelude::*;
use serde_json::Value;

fn key_label(key: &str) -> Option<Msg> {
    Some(match key {
        "name" => Msg::FieldName,
        "category" => Msg::FieldCategory,
        "model" => Msg::FieldModel,
        "asset_code" => Msg::FieldAssetCode,
        "status" => Msg::FieldStatus,
        "room" => Msg::FieldRoom,
        "building" => Msg::FieldBuilding,
        "custodian" => Msg::FieldCustodian,
        "purchase_date" => Msg::FieldPurchaseDate,
        "value_fen" => Msg::FieldValue,
        "notes" => Msg::FieldNotes,
        "kind" => Msg::FieldKind,
        "floor" => Msg::FieldFloor,
        "tag" => Msg::FieldTag,
        "login" => Msg::FieldLogin,
        "display_name" => Msg::FieldDisplayName,
        "role" => Msg::FieldRole,
        "class_code" => Msg::ColumnClassCode,
        "brand" => Msg::ColumnBrand,
        "unit" => Msg::ColumnUnit,
        "quantity" => Msg::ColumnQuantity,
        "department" => Msg::ColumnDepartment,
        "keeper" => Msg::ColumnCustodian,
        "booked_on" => Msg::ColumnBookedOn,
        "voucher" => Msg::ColumnVoucher,
        "sessions" => Msg::FieldSessions,
        _ => return None,
    })
}

fn show(lang: Lang, key: &str, v: &Value) -> String {
    let text = match v {
        Value::Null => return "—".into(),
        Value::String(s) => s.clone(),
        Value::Object(o) => return o.get("name").map(|n| show(lang, "", n)).unwrap_or_default(),
        other => other.to_string(),
    };
    let translated = match key {
        "status" => AssetStatus::parse(&text).ok().map(Msg::status),
        "kind" => RoomKind::parse(&text).ok().map(Msg::room_kind),
        "role" => Role::parse(&text).ok().map(Msg::role),
        _ => None,
    };
    match (key, translated) {
        (_, Some(m)) => lang.t(m).into(),
        ("value_fen", _) => v
            .as_i64()
            .and_then(|f| Fen::new(f).ok())
            .map(|f| f.to_string())
            .unwrap_or(text),
        _ => text,
    }
}

/// The record's fields with an asset's card (资产卡片) fields beside the others, however the
/// entry nests them.
fn with_card(fields: &serde_json::Map<String, Value>) -> serde_json::Map<String, Value> {
    let mut flat = fields.clone();
    if let Some(Value::Object(card)) = flat.remove("card") {
        flat.extend(card);
    }
    flat
}

/// "名称：旧 → 新" for each field an update changed; for a creation, nothing.
fn changes(lang: Lang, e: &HistoryEntry) -> Vec<String> {
    let (Some(Value::Object(before)), Some(Value::Object(after))) = (&e.before, &e.after) else {
        return vec![];
    };
    let (before, after) = (with_card(before), with_card(after));
    after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(v) && !matches!(k.as_str(), "asset_count" | "id"))
        .filter_map(|(k, v)| {
            let label = key_label(k)?;
            let old = before
                .get(k)
                .map(|b| show(lang, k, b))
                .unwrap_or_else(|| "—".into());
            Some(format!("{}：{old} → {}", lang.t(label), show(lang, k, v)))
        })
        .collect()
}

/// The history list of one record.
#[component]
pub fn HistoryList(entries: Vec<HistoryEntry>) -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    let empty = entries
        .is_empty()
        .then(|| view! { <p class="muted">{s.t(Msg::NoHistory)}</p> });
    let rows = entries
        .into_iter()
        .map(|e| {
            let when = super::fields::minute(&e.at);
            let who = e.actor.as_ref().map(|a| a.name.clone()).unwrap_or_else(|| lang.t(Msg::SystemActor).into());
            let what = lang.t(Msg::action(&e.action));
            let details = changes(lang, &e).into_iter().map(|c| view! { <li>{c}</li> }).collect_view();
            view! {
                <li class="event">
                    <div class="event-head"><time>{when}</time>" · "{who}" · "<strong>{what}</strong></div>
                    <ul class="changes">{details}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card">
            <h2>{s.t(Msg::History)}</h2>
            {empty}
            <ol class="history">{rows}</ol>
        </section>
    }
}
