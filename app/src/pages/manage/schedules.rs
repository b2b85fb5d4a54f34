//! `/manage/schedules`: the schedules rounds come from (the school calendar's, and any set up
//! here), with who does them; stopping one ends its rounds.

use crate::components::frame::{Bundle, Frame, IslandScripts};
use crate::components::schedule_form::ScheduleEditor;
use crate::i18n::{cadence_text, Lang, Msg};
use crate::pages::loaded;
use crate::rounds::{Assignee, Schedule};
use crate::server_fns::rounds::{schedule_list, ScheduleBook};
use crate::session::use_session;
use leptos::prelude::*;

fn assignee_text(lang: Lang, a: &Assignee) -> String {
    match a {
        Assignee::Person { user } => user.name.clone(),
        Assignee::Role { role } => lang.t(Msg::role(*role)).to_string(),
        Assignee::Duty { user } => {
            let name = user.as_ref().map(|u| u.name.as_str()).unwrap_or("—");
            match lang {
                Lang::Zh => format!("{name}（{}）", lang.t(Msg::AssignDuty)),
                Lang::En => format!("{name} ({})", lang.t(Msg::AssignDuty)),
            }
        }
    }
}

fn scope_text(lang: Lang, s: &Schedule) -> String {
    let mut parts: Vec<String> = s.scope.categories.clone();
    parts.extend(
        s.scope
            .room_kinds
            .iter()
            .map(|k| lang.t(Msg::room_kind(*k)).to_string()),
    );
    let listed = s.scope.assets.len() + s.scope.rooms.len();
    if listed > 0 {
        parts.push(format!("{} {listed}", lang.t(Msg::FieldTags)));
    }
    parts.join("、")
}

fn schedule_row(lang: Lang, s: Schedule) -> impl IntoView {
    let stop = s.active.then(|| {
        view! {
            <form method="post" action="/sf/end_schedule" class="step-form">
                <input type="hidden" name="id" value=s.id.to_string()/>
                <button type="submit" class="button secondary">{lang.t(Msg::EndSchedule)}</button>
            </form>
        }
    });
    let ended = (!s.active).then(|| view! { <span class="badge">{lang.t(Msg::Ended)}</span> });
    view! {
        <li class="schedule">
            <strong>{s.name.clone()}</strong>" "{ended}
            <p class="muted">
                {s.template_name.clone()}" · "{cadence_text(lang, &s.cadence)}" · "{scope_text(lang, &s)}" · "
                {lang.t(Msg::FieldAssignee)}" "{assignee_text(lang, &s.assignee)}
            </p>
            {stop}
        </li>
    }
}

fn book_view(lang: Lang, book: ScheduleBook) -> impl IntoView {
    let rows = if book.schedules.is_empty() {
        view! { <p class="muted">{lang.t(Msg::NoSchedules)}</p> }.into_any()
    } else {
        let rows = book
            .schedules
            .into_iter()
            .map(|s| schedule_row(lang, s))
            .collect_view();
        view! { <ul class="list">{rows}</ul> }.into_any()
    };
    let checklists = book
        .templates
        .into_iter()
        .map(|t| (t.key, t.name))
        .collect();
    view! {
        <p class="actions"><a class="button secondary" href="/rounds/overview">{lang.t(Msg::RoundProgress)}</a></p>
        {rows}
        <h2>{lang.t(Msg::NewSchedule)}</h2>
        <IslandScripts bundle=Bundle::Forms/>
        <ScheduleEditor lang checklists people=book.people/>
    }
}

#[component]
pub fn SchedulesPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    view! {
        <Frame>
            <h1>{s.t(Msg::Schedules)}</h1>
            {loaded(schedule_list(), move |book| book_view(lang, book))}
        </Frame>
    }
}
