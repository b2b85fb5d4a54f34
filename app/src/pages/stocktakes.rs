//! `/stocktakes`: the school's stocktakes; `/stocktakes/:id`: one stocktake's tally and its
//! rooms — who counts each and how far each is.

use super::{loaded, param};
use crate::components::frame::{Bundle, Frame, IslandScripts};
use crate::components::stocktake_forms::{FinishStocktakeForm, SettleButton, StartStocktakeForm};
use crate::domain::Role;
use crate::i18n::{Lang, Msg};
use crate::server_fns::stocktakes::{
    stocktake_desk, stocktake_differences, stocktake_view, Differences, StocktakeBoard,
};
use crate::session::use_session;
use crate::stocktake::settle::{SettleKind, SettleState, Settlement};
use crate::stocktake::{Stocktake, StocktakeStatus, Tally};
use leptos::prelude::*;
use std::collections::HashMap;
use uuid::Uuid;

fn status_text(lang: Lang, status: StocktakeStatus) -> &'static str {
    lang.t(status.msg())
}

#[component]
pub fn StocktakesPage() -> impl IntoView {
    let lang = use_session().lang;
    let render = move |desk: StocktakeBoard| {
        let list = desk.stocktakes;
        let start = desk.can_start.then(|| {
            view! {
                <details class="card">
                    <summary>{lang.t(Msg::NewStocktake)}</summary>
                    <StartStocktakeForm lang buildings=desk.buildings due=desk.today/>
                </details>
                <IslandScripts bundle=Bundle::Forms/>
            }
        });
        let none = list
            .is_empty()
            .then(|| view! { <p class="muted">{lang.t(Msg::NoStocktakes)}</p> });
        let items = list
            .into_iter()
            .map(|h| {
                let due = h
                    .due
                    .map(|d| format!(" · {} {d}", lang.t(Msg::FieldDue)))
                    .unwrap_or_default();
                view! {
                    <li>
                        <a href=format!("/stocktakes/{}", h.id)>{h.name}</a>
                        <span class="muted">" "{status_text(lang, h.status)}{due}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h1>{lang.t(Msg::StocktakesTitle)}</h1>
            {start}
            {none}
            <ul class="plain">{items}</ul>
        }
    };
    view! { <Frame>{loaded(stocktake_desk(), render)}</Frame> }
}

/// The counts of a tally, in the order the school reads them.
fn tally_cells(t: Tally) -> impl IntoView {
    let counted = t.expected - t.missing;
    view! {
        <td>{t.expected}</td>
        <td>{counted}</td>
        <td>{t.misplaced}</td>
        <td>{t.surplus}</td>
        <td>{t.missing}</td>
    }
}

#[component]
pub fn StocktakePage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    let role = s.user.as_ref().map(|u| u.role);
    let manages = role.is_some_and(|r| r.manages_register());
    let render = move |st: Stocktake| {
        let counting = st.head.status == StocktakeStatus::Counting;
        let finish = (manages && counting)
            .then(|| view! { <FinishStocktakeForm lang id=st.head.id.to_string()/> });
        let settling = (!counting).then(|| {
            loaded(stocktake_differences(st.head.id.to_string()), move |d| {
                differences(lang, role, d)
            })
        });
        let rows = st
            .rooms
            .into_iter()
            .map(|r| {
                let done = r.tally.expected - r.tally.missing;
                let label = r.label();
                let counter = r.counter.map(|c| c.name).unwrap_or_else(|| "—".into());
                view! {
                    <tr>
                        <th scope="row">
                            {label}
                            <progress max=r.tally.expected value=done></progress>
                        </th>
                        <td>{counter}</td>
                        {tally_cells(r.tally)}
                    </tr>
                }
            })
            .collect_view();
        let t = st.tally;
        let still = (!st.counting.is_empty()).then(|| {
            let names = st
                .counting
                .iter()
                .map(|n| n.name.as_str())
                .collect::<Vec<_>>()
                .join("、");
            view! { <p class="muted">{lang.t(Msg::StillCountingTitle)}": "{names}</p> }
        });
        let count = counting.then(|| {
            view! {
                <p class="actions">
                    <a class="button" href=format!("/stocktakes/{}/count", st.head.id)>{lang.t(Msg::CountRooms)}</a>
                </p>
            }
        });
        view! {
            <p class="eyebrow">{lang.t(Msg::StocktakesTitle)}" · "{status_text(lang, st.head.status)}</p>
            <h1>{st.head.name}</h1>
            {count}
            {still}
            {finish}
            <p class="actions">
                <a class="button secondary" href=format!("/api/v1/stocktakes/{}/report.xlsx", st.head.id) download="">
                    {lang.t(Msg::DownloadXlsx)}
                </a>
                <a class="button secondary" href=format!("/api/v1/stocktakes/{}/report.pdf", st.head.id) download="">
                    {lang.t(Msg::PrintReportPdf)}
                </a>
            </p>
            <dl class="fields">
                <div class="item"><dt>{lang.t(Msg::ExpectedColumn)}</dt><dd>{t.expected}</dd></div>
                <div class="item"><dt>{lang.t(Msg::CountedColumn)}</dt><dd>{t.expected - t.missing}</dd></div>
                <div class="item"><dt>{lang.t(Msg::MisplacedColumn)}</dt><dd>{t.misplaced}</dd></div>
                <div class="item"><dt>{lang.t(Msg::SurplusColumn)}</dt><dd>{t.surplus}</dd></div>
                <div class="item"><dt>{lang.t(Msg::MissingColumn)}</dt><dd>{t.missing}</dd></div>
            </dl>
            <div class="table-scroll" tabindex="0" role="region" aria-label=lang.t(Msg::Rooms)>
                <table class="figures">
                    <thead>
                        <tr>
                            <th scope="col">{lang.t(Msg::Room)}</th>
                            <th scope="col">{lang.t(Msg::CounterColumn)}</th>
                            <th scope="col">{lang.t(Msg::ExpectedColumn)}</th>
                            <th scope="col">{lang.t(Msg::CountedColumn)}</th>
                            <th scope="col">{lang.t(Msg::MisplacedColumn)}</th>
                            <th scope="col">{lang.t(Msg::SurplusColumn)}</th>
                            <th scope="col">{lang.t(Msg::MissingColumn)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {settling}
            {manages.then(|| view! { <IslandScripts bundle=Bundle::Forms/> })}
        }
    };
    view! { <Frame>{loaded(stocktake_view(param("id")), render)}</Frame> }
}

/// What has become of one difference: settled (or waiting for the admin), or open — a refused
/// write-off is open again.
fn settled_text(lang: Lang, s: Option<&Settlement>) -> Option<&'static str> {
    match s.map(|s| s.state) {
        Some(SettleState::Done) => Some(lang.t(Msg::SettledDone)),
        Some(SettleState::Pending) => Some(lang.t(Msg::SettledPending)),
        Some(SettleState::Rejected) | None => None,
    }
}

/// The differences of a finished stocktake, each with what the manager can do about it, and
/// for the admin the write-offs waiting for a decision.
fn differences(lang: Lang, role: Option<Role>, d: Differences) -> impl IntoView {
    let manages = role.is_some_and(|r| r.manages_register());
    let admin = role == Some(Role::Admin);
    let r = d.report;
    let id = r.stocktake.head.id.to_string();
    let room = |id: Option<Uuid>| r.stocktake.room_label(id);
    let last: HashMap<Uuid, Settlement> =
        d.settlements.into_iter().map(|s| (s.asset_id, s)).collect();
    let button = {
        let id = id.clone();
        move |target: Uuid, kind: &str, label: Msg| {
            view! {
                <SettleButton lang id=id.clone() target=target.to_string()
                    kind=kind.to_string() label=lang.t(label).to_string()/>
            }
        }
    };
    let actions = move |asset: Uuid, kinds: &[(SettleKind, Msg)]| {
        let settled = last.get(&asset);
        let done = settled_text(lang, settled);
        let buttons = (manages && done.is_none()).then(|| {
            kinds
                .iter()
                .map(|(k, m)| button(asset, k.code(), *m))
                .collect_view()
        });
        let decide = settled
            .filter(|s| admin && s.state == SettleState::Pending)
            .map(|s| {
                view! {
                    {button(s.id, "approve", Msg::ApproveWriteOff)}
                    {button(s.id, "refuse", Msg::RefuseWriteOff)}
                }
            });
        view! { <span class="badge">{done}</span>{buttons}{decide} }
    };
    let missing = r
        .missing
        .iter()
        .map(|e| {
            view! {
                <li>
                    <span>{format!("{} · {} · {}", e.name, e.asset_code, room(e.room_id))}</span>
                    {actions(e.asset_id, &[(SettleKind::Found, Msg::SettleFound), (SettleKind::WriteOff, Msg::SettleWriteOff)])}
                </li>
            }
        })
        .collect_view();
    let misplaced = r
        .misplaced
        .iter()
        .filter_map(|f| f.asset.as_ref().map(|a| (f, a)))
        .map(|(f, a)| {
            view! {
                <li>
                    <span>{format!("{} · {} · {}{}", a.name, a.asset_code, lang.t(Msg::FoundIn), room(Some(f.room_id)))}</span>
                    {actions(a.asset_id, &[(SettleKind::Move, Msg::SettleMove)])}
                </li>
            }
        })
        .collect_view();
    let surplus = r
        .surplus
        .iter()
        .map(|f| {
            // Registered since on the tag page: one tap records it as this difference's end.
            let next = match d.registered.get(&f.code) {
                Some(asset) => actions(*asset, &[(SettleKind::Register, Msg::SettleRegistered)]).into_any(),
                None => manages
                    .then(|| {
                        let href = format!("/manage/assets/new?tag={}&room={}", f.code, f.room_id);
                        view! { <a class="button secondary" href=href>{lang.t(Msg::RegisterSurplus)}</a> }
                    })
                    .into_any(),
            };
            view! {
                <li>
                    <span>{format!("{} · {}{}", f.code, lang.t(Msg::FoundIn), room(Some(f.room_id)))}</span>
                    {next}
                </li>
            }
        })
        .collect_view();
    let miscounted = r
        .miscounted
        .iter()
        .map(|m| {
            let a = &m.asset;
            let counted = format!(
                "{} · {} · {} · {} {} → {} {} ({:+})",
                a.name,
                a.asset_code,
                room(Some(m.room_id)),
                lang.t(Msg::BookQuantityColumn),
                a.quantity,
                lang.t(Msg::FieldCounted),
                m.counted,
                m.difference()
            );
            view! {
                <li>
                    <span>{counted}</span>
                    {actions(a.asset_id, &[(SettleKind::Recount, Msg::SettleRecount)])}
                </li>
            }
        })
        .collect_view();
    // Damage goes its own way (报修, 谁损坏谁赔偿); listed here to follow it from the asset.
    let damaged = r
        .damaged
        .iter()
        .map(|d| {
            let href = format!("/assets/{}", d.asset.asset_id);
            view! {
                <li>
                    <a href=href>{format!("{} · {}", d.asset.name, d.asset.asset_code)}</a>
                    <span>{format!(" · {} · {}", room(d.room_id), d.description)}</span>
                </li>
            }
        })
        .collect_view();
    let none = (r.missing.is_empty()
        && r.misplaced.is_empty()
        && r.surplus.is_empty()
        && r.miscounted.is_empty())
    .then(|| view! { <p class="muted">{lang.t(Msg::NoDifferences)}</p> });
    view! {
        <section class="differences">
            <h2>{lang.t(Msg::DifferencesTitle)}</h2>
            {none}
            {(!r.missing.is_empty()).then(|| view! { <h3>{lang.t(Msg::MissingTitle)}</h3> })}
            <ul class="plain differences-list" data-kind="missing">{missing}</ul>
            {(!r.misplaced.is_empty()).then(|| view! { <h3>{lang.t(Msg::MisplacedColumn)}</h3> })}
            <ul class="plain differences-list" data-kind="misplaced">{misplaced}</ul>
            {(!r.surplus.is_empty()).then(|| view! { <h3>{lang.t(Msg::SurplusColumn)}</h3> })}
            <ul class="plain differences-list" data-kind="surplus">{surplus}</ul>
            {(!r.miscounted.is_empty()).then(|| view! { <h3>{lang.t(Msg::MiscountedColumn)}</h3> })}
            <ul class="plain differences-list" data-kind="miscounted">{miscounted}</ul>
            {(!r.damaged.is_empty()).then(|| view! { <h3>{lang.t(Msg::DamagedTitle)}</h3> })}
            <ul class="plain differences-list" data-kind="damaged">{damaged}</ul>
        </section>
    }
}
