//! `/stocktakes`: the school's stocktakes; `/stocktakes/:id`: one stocktake's tally and its
//! rooms — who counts each and how far each is.

use super::{loaded, param};
use crate::components::frame::Frame;
use crate::i18n::{Lang, Msg};
use crate::server_fns::stocktakes::{stocktake_list, stocktake_view};
use crate::session::use_session;
use crate::stocktake::{Stocktake, StocktakeHead, StocktakeStatus, Tally};
use leptos::prelude::*;

fn status_text(lang: Lang, status: StocktakeStatus) -> &'static str {
    lang.t(match status {
        StocktakeStatus::Counting => Msg::StocktakeCounting,
        StocktakeStatus::Finished => Msg::StocktakeFinished,
    })
}

#[component]
pub fn StocktakesPage() -> impl IntoView {
    let lang = use_session().lang;
    let render = move |list: Vec<StocktakeHead>| {
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
            {none}
            <ul class="plain">{items}</ul>
        }
    };
    view! { <Frame>{loaded(stocktake_list(), render)}</Frame> }
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
    let lang = use_session().lang;
    let render = move |st: Stocktake| {
        let rows = st
            .rooms
            .into_iter()
            .map(|r| {
                let done = r.tally.expected - r.tally.missing;
                let counter = r.counter.map(|c| c.name).unwrap_or_else(|| "—".into());
                view! {
                    <tr>
                        <th scope="row">
                            {format!("{} · {}", r.building, r.room)}
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
        let count = (st.head.status == StocktakeStatus::Counting).then(|| {
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
            <dl class="fields">
                <div class="item"><dt>{lang.t(Msg::ExpectedColumn)}</dt><dd>{t.expected}</dd></div>
                <div class="item"><dt>{lang.t(Msg::CountedColumn)}</dt><dd>{t.expected - t.missing}</dd></div>
                <div class="item"><dt>{lang.t(Msg::MisplacedColumn)}</dt><dd>{t.misplaced}</dd></div>
                <div class="item"><dt>{lang.t(Msg::SurplusColumn)}</dt><dd>{t.surplus}</dd></div>
                <div class="item"><dt>{lang.t(Msg::MissingColumn)}</dt><dd>{t.missing}</dd></div>
            </dl>
            <div class="table-scroll">
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
        }
    };
    view! { <Frame>{loaded(stocktake_view(param("id")), render)}</Frame> }
}
