//! `/supplies`: the store room (日常用品) — the items with what is on hand, the low ones first
//! marked, and the requests (the keeper's queue of waiting ones, or one's own);
//! `/supplies/:id`: one item, where anyone asks for it and the keeper receives, issues and
//! edits it, with its moves.

use super::{encode_query, loaded, param, query};
use crate::components::answer_forms::{answer_button, decide_forms};
use crate::components::fields::{choices, minute, SelectInput, TextInput};
use crate::components::frame::{Bundle, Frame, IslandScripts};
use crate::components::saving_form::SavingForm;
use crate::i18n::{Lang, Msg};
use crate::server_fns::supplies::{
    supply_card, supply_desk, AnswerSupplyRequest, IssueSupplies, ItemCard, ReceiveSupplies,
    RequestSupplies, SaveSupplyItem, ShelfView, StoreRoom,
};
use crate::session::use_session;
use crate::supplies::{MoveKind, RequestState, SupplyItem, SupplyKind, SupplyMove, SupplyRequest};
use leptos::prelude::*;
use server_fn::ServerFn;

fn kind_text(lang: Lang, kind: SupplyKind) -> &'static str {
    lang.t(Msg::supply_kind(kind))
}

fn state_text(lang: Lang, state: RequestState) -> &'static str {
    lang.t(match state {
        RequestState::Requested => Msg::RequestWaiting,
        RequestState::Issued => Msg::RequestIssued,
        RequestState::Refused => Msg::RequestRefused,
        RequestState::Withdrawn => Msg::RequestWithdrawn,
    })
}

#[component]
pub fn SuppliesPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    let (q, low) = (query("q"), query("low"));
    view! {
        <Frame>
            <h1>{s.t(Msg::Supplies)}</h1>
            {loaded(supply_desk(q.clone(), low.clone()), move |desk| desk_view(lang, &q, &low, desk))}
        </Frame>
    }
}

fn desk_view(lang: Lang, q: &str, low: &str, desk: StoreRoom) -> impl IntoView {
    let low_only = !low.trim().is_empty();
    let filter_link = if low_only {
        view! { <a href="/supplies".to_string()>{lang.t(Msg::AllSupplies)}</a> }
    } else {
        view! { <a href=format!("/supplies?low=1&q={}", encode_query(q))>{lang.t(Msg::LowOnly)}</a> }
    };
    let shown = desk.items.items.len();
    let more = (desk.items.total > shown as i64).then(|| {
        let text = lang
            .t(Msg::ShowingFirst)
            .replace("{n}", &shown.to_string())
            .replace("{total}", &desk.items.total.to_string());
        view! { <p class="muted">{text}</p> }
    });
    let items = if desk.items.items.is_empty() {
        view! { <p class="muted">{lang.t(Msg::NoSupplies)}</p> }.into_any()
    } else {
        view! {
            <ul class="list supplies">
                {desk.items.items.into_iter().map(|i| item_row(lang, i)).collect_view()}
            </ul>
        }
        .into_any()
    };
    let heading = if desk.keeps {
        Msg::WaitingRequests
    } else {
        Msg::MyRequests
    };
    let requests = request_list(lang, desk.requests, desk.keeps);
    view! {
        <form class="search inline" method="get" action="/supplies" role="search">
            <input type="search" name="q" value=q.to_string() placeholder=lang.t(Msg::SupplySearch)
                aria-label=lang.t(Msg::SupplySearch)/>
            {low_only.then(|| view! { <input type="hidden" name="low" value="1"/> })}
            <button type="submit">{lang.t(Msg::Search)}</button>
        </form>
        <p class="actions">
            {filter_link}
            <a href="/purchases">{lang.t(Msg::Purchases)}</a>
            {desk.keeps.then(|| view! {
                <a href="/manage/labels?what=shelves&stock=a4-3x8">{lang.t(Msg::ShelfLabels)}</a>
                <a href="/api/v1/exports/supplies?format=xlsx" download>{lang.t(Msg::LedgerSupplies)}" XLSX"</a>
            })}
        </p>
        <IslandScripts bundle=Bundle::Forms/>
        <section id="requests">
            <h2>{lang.t(heading)}</h2>
            {requests}
        </section>
        <section>
            <h2>{lang.t(Msg::SupplyItems)}</h2>
            {items}
            {more}
        </section>
        {desk.keeps.then(|| view! {
            <details class="card">
                <summary>{lang.t(Msg::AddSupplyItem)}</summary>
                <ItemForm lang item=None/>
            </details>
        })}
    }
}

/// What a shelf's label opens: the shelf's items, each a tap away from asking for it.
pub fn shelf_record(lang: Lang, view: ShelfView) -> impl IntoView {
    let items = if view.items.is_empty() {
        view! { <p class="muted">{lang.t(Msg::NoSupplies)}</p> }.into_any()
    } else {
        let rows = view
            .items
            .into_iter()
            .map(|i| item_row(lang, i))
            .collect_view();
        view! { <ul class="list supplies">{rows}</ul> }.into_any()
    };
    view! {
        <p class="eyebrow"><a href="/supplies">{lang.t(Msg::Supplies)}</a></p>
        <h1>{lang.t(Msg::ShelfTitle).replace("{n}", &view.shelf.name)}</h1>
        <p class="muted">{lang.t(Msg::ShelfHint)}</p>
        {items}
    }
}

fn item_row(lang: Lang, i: SupplyItem) -> impl IntoView {
    let stock = format!("{} {}", i.on_hand, i.unit);
    let waiting = (i.waiting > 0).then(|| {
        let text = lang
            .t(Msg::WaitingCount)
            .replace("{n}", &i.waiting.to_string());
        view! { <span class="status status-waiting">{text}</span> }
    });
    view! {
        <li class=if i.low { "supply low" } else { "supply" }>
            <a href=format!("/supplies/{}", i.id)>
                <strong>{i.name}</strong>
                <span class="muted">" · "{kind_text(lang, i.kind)}{i.shelf.map(|s| format!(" · {s}"))}</span>
            </a>
            <span class="stock">{stock}</span>
            {i.low.then(|| view! { <span class="status status-low">{lang.t(Msg::LowStock)}</span> })}
            {waiting}
        </li>
    }
}

/// The requests as a list, or a line saying there are none.
fn request_list(lang: Lang, requests: Vec<SupplyRequest>, keeps: bool) -> AnyView {
    if requests.is_empty() {
        return view! { <p class="muted">{lang.t(Msg::NoRequests)}</p> }.into_any();
    }
    let rows = requests
        .into_iter()
        .map(|r| request_row(lang, r, keeps))
        .collect_view();
    view! { <ul class="list requests">{rows}</ul> }.into_any()
}

fn request_row(lang: Lang, r: SupplyRequest, keeps: bool) -> impl IntoView {
    let id = r.id.to_string();
    let waiting = r.state == RequestState::Requested;
    let what = format!(
        "{} × {} {} → {}",
        r.item.name, r.quantity, r.unit, r.issued_to
    );
    let who = format!("{} · {}", r.requested_by.name, minute(&r.requested_at));
    let url = AnswerSupplyRequest::url();
    let to = (url, id.as_str());
    view! {
        <li class="request" id=format!("request-{id}")>
            <p>
                <a href=format!("/supplies/{}", r.item.id)>{what}</a>" "
                <span class=format!("status status-request-{}", r.state.code())>{state_text(lang, r.state)}</span>
            </p>
            <p class="muted">{who}{r.note.map(|n| format!(" · {n}"))}{r.reason.map(|n| format!(" · {n}"))}</p>
            {(waiting && keeps).then(|| decide_forms(lang, to, ("issue", Msg::IssueNow)))}
            {(waiting && !keeps).then(|| answer_button(lang, to, "withdraw", Msg::Withdraw, "button secondary"))}
        </li>
    }
}

/// Adds an item (`item` none) or edits one.
#[component]
fn ItemForm(lang: Lang, item: Option<SupplyItem>) -> impl IntoView {
    let kinds = choices(SupplyKind::ALL, SupplyKind::code, |k| kind_text(lang, k));
    let id = item.as_ref().map(|i| i.id.to_string()).unwrap_or_default();
    let kind = item.as_ref().map_or(SupplyKind::Office, |i| i.kind);
    let min = item
        .as_ref()
        .map(|i| i.min_stock.to_string())
        .unwrap_or_default();
    let (name, unit, shelf) = item
        .map(|i| (i.name, i.unit, i.shelf.unwrap_or_default()))
        .unwrap_or_default();
    view! {
        <SavingForm lang action=SaveSupplyItem::url() class="form supply-form">
            <input type="hidden" name="id" value=id/>
            <TextInput label=lang.t(Msg::FieldName) name="name" value=name required=true/>
            <SelectInput lang label=lang.t(Msg::FieldKind) name="kind" value=kind.code().to_string() choices=kinds/>
            <TextInput label=lang.t(Msg::FieldUnit) name="unit" value=unit required=true hint="包"/>
            <TextInput label=lang.t(Msg::FieldShelf) name="shelf" value=shelf/>
            <TextInput label=lang.t(Msg::FieldMinStock) name="min_stock" value=min kind="number"/>
            <button type="submit">{lang.t(Msg::Save)}</button>
        </SavingForm>
    }
}

#[component]
pub fn SupplyPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    view! {
        <Frame>
            {loaded(supply_card(param("id")), move |card| card_view(lang, card))}
        </Frame>
    }
}

fn card_view(lang: Lang, card: ItemCard) -> impl IntoView {
    let item = card.item;
    let id = item.id.to_string();
    let stock = format!("{} {}", item.on_hand, item.unit);
    let min = format!("{} {}", item.min_stock, item.unit);
    let requests = request_list(lang, card.requests, card.keeps);
    let moves = if card.moves.is_empty() {
        view! { <p class="muted">{lang.t(Msg::NoMoves)}</p> }.into_any()
    } else {
        let rows = card
            .moves
            .into_iter()
            .map(|m| move_row(lang, m))
            .collect_view();
        view! { <ul class="list moves">{rows}</ul> }.into_any()
    };
    let keeper_id = id.clone();
    let keeper_forms = card.keeps.then(|| {
        let edit = item.clone();
        let (issue_id, receive_id) = (keeper_id.clone(), keeper_id);
        view! {
            <details class="card" open=true>
                <summary>{lang.t(Msg::IssueSupplies)}</summary>
                <SavingForm lang action=IssueSupplies::url() class="form issue-form">
                    <input type="hidden" name="id" value=issue_id/>
                    <TextInput label=lang.t(Msg::FieldQuantity) name="quantity" value="1" kind="number" required=true/>
                    <TextInput label=lang.t(Msg::FieldIssuedTo) name="issued_to" value="" required=true hint="三年级（2）班"/>
                    <TextInput label=lang.t(Msg::FieldNotes) name="note" value=""/>
                    <button type="submit">{lang.t(Msg::IssueSupplies)}</button>
                </SavingForm>
            </details>
            <details class="card">
                <summary>{lang.t(Msg::ReceiveSupplies)}</summary>
                <SavingForm lang action=ReceiveSupplies::url() class="form receive-form">
                    <input type="hidden" name="id" value=receive_id/>
                    <TextInput label=lang.t(Msg::FieldQuantity) name="quantity" value="" kind="number" required=true/>
                    <TextInput label=lang.t(Msg::FieldSupplier) name="supplier" value=""/>
                    <TextInput label=lang.t(Msg::UnitPriceYuan) name="unit_price" value="" hint="0.00"/>
                    <TextInput label=lang.t(Msg::FieldNotes) name="note" value=""/>
                    <button type="submit">{lang.t(Msg::ReceiveSupplies)}</button>
                </SavingForm>
            </details>
            <details class="card">
                <summary>{lang.t(Msg::Edit)}</summary>
                <ItemForm lang item=Some(edit)/>
            </details>
            <section>
                <h2>{lang.t(Msg::SupplyMoves)}</h2>
                {moves}
            </section>
        }
    });
    view! {
        <p class="eyebrow"><a href="/supplies">{lang.t(Msg::Supplies)}</a></p>
        <h1>{item.name.clone()}</h1>
        <dl class="card record">
            <div class="item"><dt>{lang.t(Msg::OnHand)}</dt><dd class="stock">{stock}</dd></div>
            <div class="item"><dt>{lang.t(Msg::FieldMinStock)}</dt><dd>{min}</dd></div>
            <div class="item"><dt>{lang.t(Msg::FieldKind)}</dt><dd>{kind_text(lang, item.kind)}</dd></div>
            <div class="item"><dt>{lang.t(Msg::FieldShelf)}</dt><dd>{item.shelf.clone().unwrap_or_default()}</dd></div>
        </dl>
        {item.low.then(|| view! { <p class="status status-low">{lang.t(Msg::LowStock)}</p> })}
        <IslandScripts bundle=Bundle::Forms/>
        <details class="card" open=!card.keeps>
            <summary>{lang.t(Msg::RequestSupplies)}</summary>
            <SavingForm lang action=RequestSupplies::url() class="form request-form">
                <input type="hidden" name="id" value=id.clone()/>
                <TextInput label=lang.t(Msg::FieldQuantity) name="quantity" value="1" kind="number" required=true/>
                <TextInput label=lang.t(Msg::FieldIssuedTo) name="issued_to" value="" required=true hint="三年级（2）班"/>
                <TextInput label=lang.t(Msg::FieldNotes) name="note" value=""/>
                <button type="submit">{lang.t(Msg::RequestSupplies)}</button>
            </SavingForm>
        </details>
        <section>
            <h2>{lang.t(Msg::SupplyRequests)}</h2>
            {requests}
        </section>
        {keeper_forms}
    }
}

fn move_row(lang: Lang, m: SupplyMove) -> impl IntoView {
    let (sign, kind) = match m.kind {
        MoveKind::Received => ("+", Msg::MoveReceived),
        MoveKind::Issued => ("−", Msg::MoveIssued),
    };
    let whom = m.issued_to.or(m.supplier).unwrap_or_default();
    let after = lang
        .t(Msg::OnHandAfter)
        .replace("{n}", &format!("{} {}", m.on_hand_after, m.unit));
    view! {
        <li class=format!("move move-{}", m.kind.code())>
            <p><strong>{format!("{sign}{} {}", m.quantity, m.unit)}</strong>" "{lang.t(kind)}" · "{whom}</p>
            <p class="muted">{minute(&m.at)}" · "{m.by.name}" · "{after}</p>
        </li>
    }
}
