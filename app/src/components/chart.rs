//! A bar chart drawn as SVG on the server: each bar links to the list it counts, its full label
//! and figure in its title. No script draws it, so it shows in WeChat's browser as it is.

use crate::dashboard::chart::{all_zero, layout, BAR_HEIGHT, BAR_MAX, BAR_X, ROW_HEIGHT, WIDTH};
use crate::dashboard::Bar;
use crate::i18n::{Lang, Msg};
use leptos::prelude::*;

/// A card with `title` and the chart of `bars`; a chart with nothing to draw says so instead.
pub fn bar_chart(lang: Lang, title: Msg, bars: Vec<Bar>) -> impl IntoView {
    let body = if all_zero(&bars) {
        view! { <p class="muted">{lang.t(Msg::NoFigures)}</p> }.into_any()
    } else {
        let (height, rows) = layout(&bars);
        let rows = rows
            .into_iter()
            .map(|row| {
                let middle = row.y + ROW_HEIGHT / 2;
                let tip = format!("{} {}", row.bar.label, row.bar.text);
                view! {
                    <a href=row.bar.href class="chart-bar">
                        <title>{tip}</title>
                        <text x="0" y=middle + 4 class="chart-label">{row.label}</text>
                        <rect x=BAR_X y=middle - BAR_HEIGHT / 2 width=row.width height=BAR_HEIGHT rx="3"></rect>
                        <text x=BAR_X + row.width + 4 y=middle + 4 class="chart-figure">{row.bar.text}</text>
                    </a>
                }
            })
            .collect_view();
        let view_box = format!("0 0 {WIDTH} {height}");
        view! {
            <svg class="chart" viewBox=view_box role="group" aria-label=lang.t(title)
                data-bars=bars.len() data-max=BAR_MAX>
                {rows}
            </svg>
        }
        .into_any()
    };
    view! {
        <section class="card chart-card">
            <h2>{lang.t(title)}</h2>
            {body}
        </section>
    }
}
