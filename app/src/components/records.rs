//! A room's and an asset's record as a scan opens it.

use super::fields::Item;
use super::history::HistoryList;
use super::standing::StandingCards;
use crate::i18n::{Lang, Msg};
use crate::inspections::Subject;
use crate::model::{AssetCard, Named};
use crate::server_fns::pages::{AssetView, RoomView};
use crate::session::use_session;
use leptos::prelude::*;

/// "Record inspection" (for those who inspect) and "Report damage" (for everyone).
fn record_actions(kind: &'static str, id: uuid::Uuid) -> impl IntoView {
    let s = use_session();
    let inspects = s.user.as_ref().is_some_and(|u| u.role.inspects());
    view! {
        {inspects.then(|| view! { <a class="button" href=format!("/inspect/{kind}/{id}")>{s.t(Msg::RecordInspection)}</a> })}
        <a class="button secondary" href=format!("/report/{kind}/{id}")>{s.t(Msg::ReportDamage)}</a>
    }
}

fn name_or(n: &Option<Named>, fallback: &str) -> String {
    n.as_ref()
        .map(|n| n.name.clone())
        .unwrap_or_else(|| fallback.into())
}

/// The room: where it is, who is responsible, what is in it, what happened.
#[component]
pub fn RoomRecord(view: RoomView) -> impl IntoView {
    let s = use_session();
    let RoomView {
        room,
        assets,
        standing,
        history,
        can_edit,
    } = view;
    let none = s.t(Msg::NoCustodian);
    let floor = room.floor.map(|f| f.to_string()).unwrap_or_default();
    let edit = can_edit.then(|| {
        view! {
            <a class="button secondary" href=format!("/manage/rooms/{}", room.id)>{s.t(Msg::Edit)}</a>
            <a class="button secondary" href=format!("/manage/assets/new?room={}", room.id)>{s.t(Msg::NewAsset)}</a>
        }
    });
    let rows = assets
        .items
        .into_iter()
        .map(|a| {
            let status = s.t(Msg::status(a.status));
            view! {
                <li>
                    <a href=format!("/assets/{}", a.id)>{a.name}</a>
                    <span class="muted">" "{a.asset_code}" · "{status}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <article class="record">
            <p class="eyebrow">{s.t(Msg::Room)}" · "{s.t(Msg::room_kind(room.kind))}</p>
            <h1>{room.name.clone()}</h1>
            <dl class="fields">
                <Item label=s.t(Msg::Building) value=room.building.name.clone()/>
                <Item label=s.t(Msg::Floor) value=floor/>
                <Item label=s.t(Msg::Custodian) value=name_or(&room.custodian, none)/>
                <Item label=s.t(Msg::TagLabel) value=room.tag.clone().unwrap_or_default()/>
            </dl>
            <div class="actions">{record_actions("room", room.id)}{edit}</div>
            <StandingCards standing subject=Subject::Room(room.id) back=format!("/rooms/{}", room.id)/>
            <section class="card">
                <h2>{s.t(Msg::AssetsInRoom)}" ("{assets.total}")"</h2>
                <ul class="list">{rows}</ul>
            </section>
            <HistoryList entries=history/>
        </article>
    }
}

/// The asset: what it is, its state, where it stands, who answers for it, what happened.
#[component]
pub fn AssetRecord(view: AssetView) -> impl IntoView {
    let s = use_session();
    let AssetView {
        asset: a,
        standing,
        history,
        can_edit,
    } = view;
    let none = s.t(Msg::NoCustodian);
    let place = match (&a.building, &a.room) {
        (Some(b), Some(r)) => {
            view! { <a href=format!("/rooms/{}", r.id)>{format!("{} · {}", b.name, r.name)}</a> }
                .into_any()
        }
        _ => view! { <span>"—"</span> }.into_any(),
    };
    let edit = can_edit.then(|| view! { <a class="button secondary" href=format!("/manage/assets/{}", a.id)>{s.t(Msg::Edit)}</a> });
    let status_class = format!("status status-{}", a.status.code());
    view! {
        <article class="record">
            <p class="eyebrow">{s.t(Msg::Asset)}" · "{a.category.clone()}</p>
            <h1>{a.name.clone()}</h1>
            <p><span class=status_class>{s.t(Msg::status(a.status))}</span></p>
            <dl class="fields">
                <div class="item"><dt>{s.t(Msg::Room)}</dt><dd>{place}</dd></div>
                <Item label=s.t(Msg::Custodian) value=name_or(&a.custodian, none)/>
                <Item label=s.t(Msg::AssetCodeLabel) value=a.asset_code.clone()/>
                <Item label=s.t(Msg::Model) value=a.model.clone().unwrap_or_default()/>
                <Item label=s.t(Msg::PurchaseDate) value=a.purchase_date.clone().unwrap_or_default()/>
                <Item label=s.t(Msg::Value) value=a.value_fen.to_string()/>
                <Item label=s.t(Msg::TagLabel) value=a.tag.clone().unwrap_or_default()/>
                <Item label=s.t(Msg::Notes) value=a.notes.clone().unwrap_or_default()/>
                {card_items(s.lang, &a.card)}
            </dl>
            <div class="actions">{record_actions("asset", a.id)}{edit}</div>
            <StandingCards standing subject=Subject::Asset(a.id) back=format!("/assets/{}", a.id)/>
            <HistoryList entries=history/>
        </article>
    }
}

/// The register card's fields an asset has (an imported one usually has several).
fn card_items(lang: Lang, card: &AssetCard) -> impl IntoView {
    let quantity = (card.quantity > 1)
        .then(|| format!("{}{}", card.quantity, card.unit.clone().unwrap_or_default()));
    [
        (Msg::ColumnClassCode, card.class_code.clone()),
        (Msg::ColumnBrand, card.brand.clone()),
        (Msg::ColumnQuantity, quantity),
        (
            Msg::ColumnUnit,
            card.unit.clone().filter(|_| card.quantity <= 1),
        ),
        (Msg::ColumnDepartment, card.department.clone()),
        (Msg::ColumnCustodian, card.keeper.clone()),
        (Msg::ColumnBookedOn, card.booked_on.clone()),
        (Msg::ColumnVoucher, card.voucher.clone()),
    ]
    .into_iter()
    .filter_map(|(msg, value)| value.map(|v| view! { <Item label=lang.t(msg) value=v/> }))
    .collect_view()
}
