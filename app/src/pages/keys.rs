//! `/keys`: the key cabinet (钥匙管理) — the keys out past their due time first, then every key
//! with whom it is lent to, and the keeper's form to register one; `/keys/:id` (and the key
//! fob's tag): one key, lent or taken back with a tap, and its loans.

use super::{encode_query, loaded, param, query};
use crate::components::fields::{choices, minute, Item, SelectInput, TextInput};
use crate::components::frame::{Bundle, Frame, IslandScripts};
use crate::components::saving_form::SavingForm;
use crate::i18n::{Lang, Msg};
use crate::keys::{Key, KeyKind, KeyLoan};
use crate::model::Named;
use crate::server_fns::keys::{
    key_cabinet, key_card, CabinetView, KeyView, LendKey, ReturnKey, SaveKey,
};
use crate::session::use_session;
use leptos::prelude::*;
use server_fn::ServerFn;

fn kind_text(lang: Lang, kind: KeyKind) -> &'static str {
    lang.t(match kind {
        KeyKind::Door => Msg::KeyDoor,
        KeyKind::Cabinet => Msg::KeyCabinetKind,
        KeyKind::Equipment => Msg::KeyEquipment,
        KeyKind::Other => Msg::KeyOther,
    })
}

/// Where a key is: in the cabinet, or with whom until when (overdue marked).
fn whereabouts(lang: Lang, key: &Key) -> impl IntoView {
    match &key.loan {
        None => view! { <span class="status status-in">{lang.t(Msg::KeyIn)}</span> }.into_any(),
        Some(loan) => loan_status(lang, loan).into_any(),
    }
}

fn loan_status(lang: Lang, loan: &KeyLoan) -> impl IntoView {
    let text = lang
        .t(Msg::KeyLentTo)
        .replace("{who}", &loan.borrower)
        .replace("{due}", &minute(&loan.due_at));
    let class = if loan.overdue {
        "status status-overdue"
    } else {
        "status status-out"
    };
    view! {
        <span class=class>{text}</span>
        {loan.overdue.then(|| view! { " "<span class="status status-overdue">{lang.t(Msg::StateOverdue)}</span> })}
    }
}

#[component]
pub fn KeysPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    let (q, out) = (query("q"), query("out"));
    view! {
        <Frame>
            <h1>{s.t(Msg::Keys)}</h1>
            {loaded(key_cabinet(q.clone(), out.clone()), move |cabinet| cabinet_view(lang, &q, &out, cabinet))}
        </Frame>
    }
}

fn cabinet_view(lang: Lang, q: &str, out: &str, cabinet: CabinetView) -> impl IntoView {
    let out_only = !out.trim().is_empty();
    let filter_link = if out_only {
        view! { <a href="/keys".to_string()>{lang.t(Msg::AllKeys)}</a> }
    } else {
        view! { <a href=format!("/keys?out=1&q={}", encode_query(q))>{lang.t(Msg::KeysOut)}</a> }
    };
    let shown = cabinet.keys.items.len();
    let more = (cabinet.keys.total > shown as i64).then(|| {
        let text = lang
            .t(Msg::KeysShowingFirst)
            .replace("{n}", &shown.to_string())
            .replace("{total}", &cabinet.keys.total.to_string());
        view! { <p class="muted">{text}</p> }
    });
    let keys = if cabinet.keys.items.is_empty() {
        view! { <p class="muted">{lang.t(Msg::NoKeys)}</p> }.into_any()
    } else {
        let rows = cabinet
            .keys
            .items
            .into_iter()
            .map(|k| key_row(lang, k))
            .collect_view();
        view! { <ul class="list keys">{rows}</ul> }.into_any()
    };
    let overdue = (!cabinet.overdue.is_empty()).then(|| {
        let rows = cabinet
            .overdue
            .into_iter()
            .map(|l| loan_row(lang, l, true))
            .collect_view();
        view! {
            <section id="overdue">
                <h2>{lang.t(Msg::OverdueKeys)}</h2>
                <ul class="list loans">{rows}</ul>
            </section>
        }
    });
    let rooms = cabinet.rooms;
    view! {
        <form class="search inline" method="get" action="/keys" role="search">
            <input type="search" name="q" value=q.to_string() placeholder=lang.t(Msg::KeySearch)
                aria-label=lang.t(Msg::KeySearch)/>
            {out_only.then(|| view! { <input type="hidden" name="out" value="1"/> })}
            <button type="submit">{lang.t(Msg::Search)}</button>
        </form>
        <p class="actions">
            {filter_link}
            {cabinet.keeps.then(|| view! {
                <a href="/manage/labels?what=keys&stock=a4-3x8">{lang.t(Msg::KeyLabels)}</a>
            })}
        </p>
        {overdue}
        <section>
            <h2>{lang.t(Msg::KeyList)}</h2>
            {keys}
            {more}
        </section>
        {cabinet.keeps.then(move || view! {
            <IslandScripts bundle=Bundle::Forms/>
            <details class="card">
                <summary>{lang.t(Msg::AddKey)}</summary>
                {key_form(lang, None, rooms)}
            </details>
        })}
    }
}

fn key_row(lang: Lang, k: Key) -> impl IntoView {
    let place = [k.hook.clone(), k.room.as_ref().map(|r| r.name.clone())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <li class="key">
            <a href=format!("/keys/{}", k.id)>
                <strong>{k.name.clone()}</strong>
                <span class="muted">" · "{place}</span>
            </a>
            {whereabouts(lang, &k)}
        </li>
    }
}

/// One loan; `with_key` names the key (the cabinet's lists), else the key's page knows it.
fn loan_row(lang: Lang, l: KeyLoan, with_key: bool) -> impl IntoView {
    let back = match (&l.returned_at, &l.returned_by) {
        (Some(at), Some(by)) => lang
            .t(Msg::KeyReturnedAt)
            .replace("{at}", &minute(at))
            .replace("{who}", &by.name),
        _ => String::new(),
    };
    let lent = lang
        .t(Msg::KeyLentAt)
        .replace("{at}", &minute(&l.lent_at))
        .replace("{who}", &l.lent_by.name);
    let status = l.returned_at.is_none().then(|| loan_status(lang, &l));
    view! {
        <li class=if l.overdue { "loan overdue" } else { "loan" }>
            <p>
                {with_key.then(|| view! { <a href=format!("/keys/{}", l.key.id)>{l.key.name.clone()}</a>" · " })}
                <strong>{l.borrower.clone()}</strong>" "{status}
            </p>
            <p class="muted">{lent}{(!back.is_empty()).then(|| format!(" · {back}"))}{l.note.clone().map(|n| format!(" · {n}"))}</p>
        </li>
    }
}

/// Registers a key (`key` none) or changes one.
fn key_form(lang: Lang, key: Option<Key>, rooms: Vec<Named>) -> impl IntoView {
    let kinds = choices(KeyKind::ALL, KeyKind::code, |k| kind_text(lang, k));
    let rooms: Vec<(String, String)> = rooms
        .into_iter()
        .map(|r| (r.id.to_string(), r.name))
        .collect();
    let id = key.as_ref().map(|k| k.id.to_string()).unwrap_or_default();
    let kind = key.as_ref().map_or(KeyKind::Door, |k| k.kind);
    let room = key
        .as_ref()
        .and_then(|k| k.room.as_ref())
        .map(|r| r.id.to_string())
        .unwrap_or_default();
    let pieces = key.as_ref().map_or(1, |k| k.pieces).to_string();
    let (name, hook, note) = key
        .map(|k| {
            (
                k.name,
                k.hook.unwrap_or_default(),
                k.note.unwrap_or_default(),
            )
        })
        .unwrap_or_default();
    view! {
        <SavingForm lang action=SaveKey::url() class="form key-form">
            <input type="hidden" name="id" value=id/>
            <TextInput label=lang.t(Msg::FieldName) name="name" value=name required=true hint="301 教室门钥匙"/>
            <SelectInput lang label=lang.t(Msg::FieldKind) name="kind" value=kind.code().to_string() choices=kinds/>
            <SelectInput lang label=lang.t(Msg::FieldRoom) name="room" value=room choices=rooms allow_none=true/>
            <TextInput label=lang.t(Msg::FieldHook) name="hook" value=hook hint="A-12"/>
            <TextInput label=lang.t(Msg::FieldPieces) name="pieces" value=pieces kind="number"/>
            <TextInput label=lang.t(Msg::FieldNotes) name="note" value=note/>
            <button type="submit">{lang.t(Msg::Save)}</button>
        </SavingForm>
    }
}

#[component]
pub fn KeyPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    view! {
        <Frame>
            {loaded(key_card(param("id")), move |view| key_record(lang, view))}
        </Frame>
    }
}

/// What a key's tag opens: where the key is, the tap that lends or takes it back, its loans.
pub fn key_record(lang: Lang, view: KeyView) -> impl IntoView {
    let key = view.key;
    let id = key.id.to_string();
    let act = view.lends.then(|| match &key.loan {
        Some(_) => view! {
            <SavingForm lang action=ReturnKey::url() class="form return-form">
                <input type="hidden" name="id" value=id.clone()/>
                <button type="submit">{lang.t(Msg::ReturnKey)}</button>
            </SavingForm>
        }
        .into_any(),
        None => view! {
            <section class="card">
                <h2>{lang.t(Msg::LendKey)}</h2>
                <SavingForm lang action=LendKey::url() class="form lend-form">
                    <input type="hidden" name="id" value=id.clone()/>
                    <TextInput label=lang.t(Msg::FieldBorrower) name="borrower" value="" required=true hint="王老师（科学组）"/>
                    <TextInput label=lang.t(Msg::KeyDueHint) name="due_at" value="" kind="datetime-local"/>
                    <TextInput label=lang.t(Msg::FieldNotes) name="note" value=""/>
                    <button type="submit">{lang.t(Msg::LendKey)}</button>
                </SavingForm>
            </section>
        }
        .into_any(),
    });
    let loans = if view.loans.is_empty() {
        view! { <p class="muted">{lang.t(Msg::NoLoans)}</p> }.into_any()
    } else {
        let rows = view
            .loans
            .into_iter()
            .map(|l| loan_row(lang, l, false))
            .collect_view();
        view! { <ul class="list loans">{rows}</ul> }.into_any()
    };
    let room = key
        .room
        .as_ref()
        .map(|r| r.name.clone())
        .unwrap_or_default();
    let status = whereabouts(lang, &key);
    let (kind, hook, pieces) = (
        kind_text(lang, key.kind),
        key.hook.clone().unwrap_or_default(),
        key.pieces.to_string(),
    );
    let note = key.note.clone().unwrap_or_default();
    let (name, tag) = (key.name.clone(), key.tag.clone());
    let edit = view.keeps.then(|| {
        view! {
            <details class="card">
                <summary>{lang.t(Msg::Edit)}</summary>
                {key_form(lang, Some(key), view.rooms)}
            </details>
        }
    });
    view! {
        <p class="eyebrow"><a href="/keys">{lang.t(Msg::Keys)}</a></p>
        <h1>{name}</h1>
        <p class="key-status">{status}</p>
        <IslandScripts bundle=Bundle::Forms/>
        {act}
        <dl class="card record">
            <Item label=lang.t(Msg::FieldKind) value=kind/>
            <Item label=lang.t(Msg::FieldRoom) value=room/>
            <Item label=lang.t(Msg::FieldHook) value=hook/>
            <Item label=lang.t(Msg::FieldPieces) value=pieces/>
            <Item label=lang.t(Msg::FieldTag) value=tag/>
            <Item label=lang.t(Msg::FieldNotes) value=note/>
        </dl>
        <section>
            <h2>{lang.t(Msg::KeyLoans)}</h2>
            {loans}
        </section>
        {edit}
    }
}
