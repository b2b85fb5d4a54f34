//! From the scan: `/inspect/:kind/:id` (fill a checklist), `/report/:kind/:id` (report damage)
//! and `/reports` (follow and move reports along).

use super::{loaded, param, query};
use crate::components::frame::{Bundle, Frame, IslandScripts};
use crate::components::inspect::{DamageForm, InspectionForm};
use crate::components::report_card::report_card;
use crate::i18n::{Lang, Msg};
use crate::server_fns::inspections::{
    inspect_desk, report_desk, report_list, Reports, SubjectDesk,
};
use crate::session::use_session;
use leptos::prelude::*;

#[component]
pub fn InspectPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    let chosen = query("template");
    view! {
        <Frame>
            <h1>{s.t(Msg::RecordInspection)}</h1>
            {loaded(inspect_desk(param("kind"), param("id")), move |desk| inspect_view(lang, desk, chosen))}
        </Frame>
    }
}

fn inspect_view(lang: Lang, desk: SubjectDesk, chosen: String) -> AnyView {
    let SubjectDesk {
        subject,
        name,
        back,
        templates,
    } = desk;
    let header = view! { <p class="eyebrow"><a href=back.clone()>{name}</a></p> };
    let picked = templates
        .iter()
        .find(|t| t.id.to_string() == chosen)
        .or_else(|| (templates.len() == 1).then(|| &templates[0]))
        .cloned();
    if let Some(template) = picked {
        return view! {
            {header}
            <IslandScripts bundle=Bundle::Inspect/>
            <InspectionForm lang template subject back/>
        }
        .into_any();
    }
    if templates.is_empty() {
        return view! { {header}<p class="muted">{lang.t(Msg::NoChecklist)}</p> }.into_any();
    }
    let here = format!("/inspect/{}/{}", param("kind"), param("id"));
    let links = templates
        .into_iter()
        .map(|t| view! { <li><a class="button secondary" href=format!("{here}?template={}", t.id)>{t.name}</a></li> })
        .collect_view();
    view! {
        {header}
        <h2>{lang.t(Msg::ChooseChecklist)}</h2>
        <ul class="plain choices-list">{links}</ul>
    }
    .into_any()
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    let today = today();
    view! {
        <Frame>
            <h1>{s.t(Msg::ReportDamage)}</h1>
            {loaded(report_desk(param("kind"), param("id")), move |desk| view! {
                <p class="eyebrow"><a href=desk.back.clone()>{desk.name}</a></p>
                <IslandScripts bundle=Bundle::Inspect/>
                <DamageForm lang subject=desk.subject back=desk.back today/>
            })}
        </Frame>
    }
}

/// Today in the school's clock, to prefill "when it happened".
fn today() -> String {
    #[cfg(feature = "ssr")]
    {
        crate::ssr::clock::school_today().to_string()
    }
    #[cfg(not(feature = "ssr"))]
    String::new()
}

#[component]
pub fn ReportsPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    let inspects = s.user.as_ref().is_some_and(|u| u.role.inspects());
    let scope = Some(query("scope"))
        .filter(|q| !q.is_empty())
        .unwrap_or_else(|| if inspects { "assigned" } else { "mine" }.into());
    let mut tabs = vec![("mine", Msg::MyReports)];
    if inspects {
        tabs.insert(0, ("assigned", Msg::AssignedReports));
        tabs.push(("open", Msg::OpenReports));
        tabs.push(("hazards", Msg::HazardReports));
        tabs.push(("all", Msg::AllReports));
    }
    let tab_links = tabs
        .into_iter()
        .map(|(code, msg)| {
            let class = if code == scope {
                "button"
            } else {
                "button secondary"
            };
            view! { <a class=class href=format!("/reports?scope={code}")>{lang.t(msg)}</a> }
        })
        .collect_view();
    view! {
        <Frame>
            <h1>{s.t(Msg::Reports)}</h1>
            <p class="actions">{tab_links}</p>
            {loaded(report_list(scope), move |list| reports_view(lang, list))}
        </Frame>
    }
}

fn reports_view(lang: Lang, list: Reports) -> AnyView {
    if list.reports.is_empty() {
        return view! { <p class="muted">{lang.t(Msg::NoReports)}</p> }.into_any();
    }
    let back = format!("/reports?scope={}", list.scope);
    let rows = list
        .reports
        .into_iter()
        .map(|r| report_card(lang, r, list.can_step, &list.today, back.clone()))
        .collect_view();
    view! { <div class="reports">{rows}</div> }.into_any()
}
