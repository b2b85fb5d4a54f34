//! `/drills`: the semester's drills and safety events (附件3 安全教育行事历) by month, with where
//! each stands (已完成 / 本月进行 / 未到 / 已逾期) and the form to plan one more; `/drills/:id`:
//! one drill, its record, or the form that records it with the problems found (each on a room
//! opens a repair).

use super::{loaded, param, query};
use crate::components::fields::{choices, indexed_input, Item, SelectInput, TextInput};
use crate::components::frame::{Bundle, Frame, IslandScripts};
use crate::components::saving_form::SavingForm;
use crate::drills::{Drill, DrillKind, DrillState};
use crate::i18n::{Lang, Msg};
use crate::model::Named;
use crate::server_fns::drills::{
    drill_card, drill_plan, DrillView, DrillsView, PlanDrill, RecordDrill,
};
use crate::session::use_session;
use leptos::prelude::*;
use server_fn::ServerFn;

/// Rows for findings on the record form; a record with more goes through the API.
const FORM_FINDINGS: usize = 3;

fn kind_text(lang: Lang, kind: DrillKind) -> &'static str {
    lang.t(match kind {
        DrillKind::Fire => Msg::DrillFire,
        DrillKind::SchoolBus => Msg::DrillSchoolBus,
        DrillKind::Earthquake => Msg::DrillEarthquake,
        DrillKind::Security => Msg::DrillSecurity,
        DrillKind::Evacuation => Msg::DrillEvacuation,
        DrillKind::Other => Msg::DrillOther,
    })
}

/// A drill's own title, or its kind's name.
fn title(lang: Lang, d: &Drill) -> String {
    d.title
        .clone()
        .unwrap_or_else(|| kind_text(lang, d.kind).to_string())
}

fn state_badge(lang: Lang, state: DrillState) -> impl IntoView {
    let (msg, code) = match state {
        DrillState::Held => (Msg::DrillHeld, "held"),
        DrillState::Due => (Msg::DrillDue, "due"),
        DrillState::Planned => (Msg::DrillPlanned, "planned"),
        DrillState::Overdue => (Msg::StateOverdue, "overdue"),
    };
    view! { <span class=format!("status status-drill-{code}")>{lang.t(msg)}</span> }
}

/// One drill as a row of a list: its title, month and state, and what its record says.
fn drill_row(lang: Lang, d: Drill) -> impl IntoView {
    let held = d.held_on.clone().map(|on| {
        let text = lang
            .t(Msg::DrillHeldLine)
            .replace("{on}", &on)
            .replace("{n}", &d.participants.unwrap_or_default().to_string())
            .replace("{m}", &d.minutes.unwrap_or_default().to_string());
        view! { <p class="muted">{text}</p> }
    });
    view! {
        <li class="drill">
            <p>
                <a href=format!("/drills/{}", d.id)><strong>{title(lang, &d)}</strong></a>
                <span class="muted">" · "{d.month.clone()}</span>" "
                {state_badge(lang, d.state)}
            </p>
            {held}
        </li>
    }
}

/// The drills not yet held this month or before, for the rounds page; nothing when none.
pub fn drills_to_hold(lang: Lang, drills: Vec<Drill>) -> impl IntoView {
    let waiting: Vec<Drill> = drills
        .into_iter()
        .filter(|d| matches!(d.state, DrillState::Due | DrillState::Overdue))
        .collect();
    (!waiting.is_empty()).then(|| {
        let rows = waiting
            .into_iter()
            .map(|d| drill_row(lang, d))
            .collect_view();
        view! {
            <section class="card drills-due">
                <h2>{lang.t(Msg::DrillsToHold)}</h2>
                <ul class="list drills">{rows}</ul>
                <p><a href="/drills">{lang.t(Msg::Drills)}</a></p>
            </section>
        }
    })
}

#[component]
pub fn DrillsPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    view! {
        <Frame>
            <h1>{s.t(Msg::Drills)}</h1>
            {loaded(drill_plan(query("semester")), move |view| drills_view(lang, view))}
        </Frame>
    }
}

fn drills_view(lang: Lang, view: DrillsView) -> impl IntoView {
    let list = if view.drills.is_empty() {
        view! { <p class="muted">{lang.t(Msg::NoDrills)}</p> }.into_any()
    } else {
        let rows = view
            .drills
            .into_iter()
            .map(|d| drill_row(lang, d))
            .collect_view();
        view! { <ul class="list drills">{rows}</ul> }.into_any()
    };
    let kinds = choices(DrillKind::ALL, DrillKind::code, |k| kind_text(lang, k));
    let plan = view.plans.then(move || {
        view! {
            <IslandScripts bundle=Bundle::Forms/>
            <details class="card">
                <summary>{lang.t(Msg::PlanDrill)}</summary>
                <SavingForm lang action=PlanDrill::url() class="form plan-drill-form">
                    <SelectInput lang label=lang.t(Msg::FieldKind) name="kind" value=DrillKind::Evacuation.code().to_string() choices=kinds/>
                    <TextInput label=lang.t(Msg::FieldName) name="title" value="" hint="午休时段疏散演练"/>
                    <TextInput label=lang.t(Msg::DrillMonth) name="month" value="" kind="month" required=true/>
                    <button type="submit">{lang.t(Msg::PlanDrill)}</button>
                </SavingForm>
            </details>
        }
    });
    view! {
        <p class="muted">{lang.t(Msg::DrillsHint).replace("{s}", &view.semester)}</p>
        {list}
        {plan}
    }
}

#[component]
pub fn DrillPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    view! {
        <Frame>
            {loaded(drill_card(param("id")), move |view| drill_record(lang, view))}
        </Frame>
    }
}

fn drill_record(lang: Lang, view: DrillView) -> impl IntoView {
    let d = view.drill;
    let findings = (!d.findings.is_empty()).then(|| {
        let rows = d
            .findings
            .iter()
            .map(|f| {
                let place = f.subject.as_ref().map(|s| format!(" · {}", s.name));
                let repair = f
                    .report_id
                    .map(|_| view! { " "<span class="status status-reported">{lang.t(Msg::RepairOpened)}</span> });
                view! { <li>{f.description.clone()}{place}{repair}</li> }
            })
            .collect_view();
        view! {
            <section>
                <h2>{lang.t(Msg::DrillFindings)}</h2>
                <ul class="list findings">{rows}</ul>
            </section>
        }
    });
    let held = d.held_on.clone().map(|on| {
        let who = d.recorded_by.as_ref().map(|n| n.name.clone()).unwrap_or_default();
        view! {
            <dl class="card record">
                <Item label=lang.t(Msg::FieldHeldOn) value=on/>
                <Item label=lang.t(Msg::FieldParticipants) value=d.participants.unwrap_or_default().to_string()/>
                <Item label=lang.t(Msg::FieldMinutes) value=d.minutes.unwrap_or_default().to_string()/>
                <Item label=lang.t(Msg::DrillSummary) value=d.summary.clone().unwrap_or_default()/>
                <Item label=lang.t(Msg::RecordedBy) value=who/>
            </dl>
        }
    });
    let form = (d.held_on.is_none() && view.runs).then(|| record_form(lang, d.id, view.rooms));
    view! {
        <p class="eyebrow"><a href="/drills">{lang.t(Msg::Drills)}</a></p>
        <h1>{title(lang, &d)}</h1>
        <p>{d.month.clone()}" "{state_badge(lang, d.state)}</p>
        {held}
        {findings}
        {form}
    }
}

/// The form that records a drill held, with up to [`FORM_FINDINGS`] problems found.
fn record_form(lang: Lang, id: uuid::Uuid, rooms: Vec<Named>) -> impl IntoView {
    let mut places = vec![(String::new(), lang.t(Msg::NoRoom).to_string())];
    places.extend(rooms.into_iter().map(|r| (r.id.to_string(), r.name)));
    let rows = (0..FORM_FINDINGS)
        .map(|n| {
            let name = |field: &str| format!("form[findings][{n}][{field}]");
            view! {
                <fieldset class="line">
                    <legend>{lang.t(Msg::DrillFindingN).replace("{n}", &(n + 1).to_string())}</legend>
                    {indexed_input(lang.t(Msg::FieldDescription), name("description"), String::new(), "text")}
                    <label class="field">
                        <span>{lang.t(Msg::FieldRoom)}</span>
                        <select name=name("room")>
                            {places.iter().map(|(v, t)| view! { <option value=v.clone()>{t.clone()}</option> }).collect_view()}
                        </select>
                    </label>
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <IslandScripts bundle=Bundle::Forms/>
        <section class="card">
            <h2>{lang.t(Msg::RecordDrill)}</h2>
            <SavingForm lang action=RecordDrill::url() class="form record-drill-form">
                <input type="hidden" name="form[id]" value=id.to_string()/>
                {indexed_input(lang.t(Msg::FieldHeldOn), "form[held_on]".into(), String::new(), "date")}
                {indexed_input(lang.t(Msg::FieldParticipants), "form[participants]".into(), String::new(), "number")}
                {indexed_input(lang.t(Msg::FieldMinutes), "form[minutes]".into(), String::new(), "number")}
                {indexed_input(lang.t(Msg::DrillSummary), "form[summary]".into(), String::new(), "text")}
                <p class="muted">{lang.t(Msg::DrillFindingsHint)}</p>
                {rows}
                <button type="submit">{lang.t(Msg::RecordDrill)}</button>
            </SavingForm>
        </section>
    }
}
