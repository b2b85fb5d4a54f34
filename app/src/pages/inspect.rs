//! From the scan: `/inspect/:kind/:id` (fill a checklist), `/report/:kind/:id` (report damage)
//! and `/reports` (follow and move reports along).

use super::{loaded, param, query};
use crate::components::frame::{Frame, IslandScripts};
use crate::components::inspect::{DamageForm, InspectionForm};
use crate::i18n::{Lang, Msg};
use crate::inspections::{DamageReport, DamageStatus, Source};
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
            <IslandScripts/>
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
                <IslandScripts/>
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

fn report_card(
    lang: Lang,
    r: DamageReport,
    can_step: bool,
    today: &str,
    back: String,
) -> impl IntoView {
    let manages = use_session()
        .user
        .as_ref()
        .is_some_and(|u| u.role.manages_register());
    let compensate = manages.then(|| {
        view! { <a class="button secondary" href=format!("/compensations/new?report={}", r.id)>{lang.t(Msg::OpenCase)}</a> }
    });
    let what = match (&r.asset, &r.room) {
        (Some(a), _) => {
            view! { <a href=format!("/assets/{}", a.id)>{a.name.clone()}</a> }.into_any()
        }
        (None, Some(room)) => {
            view! { <a href=format!("/rooms/{}", room.id)>{room.name.clone()}</a> }.into_any()
        }
        _ => ().into_any(),
    };
    let source = (r.source == Source::Inspection)
        .then(|| view! { <span class="tag-chip">{lang.t(Msg::FromInspection)}</span> });
    let status_class = format!("status status-{}", r.status.code());
    let assignee = r.assignee.map(|a| a.name).unwrap_or_default();
    let photos = r
        .photos
        .into_iter()
        .map(|p| view! { <a href=p.url><img src=p.thumb_url alt=lang.t(Msg::FieldPhoto) width="64" height="64"/></a> })
        .collect_view();
    let hazard = r.source == Source::Inspection;
    let steps = can_step.then(|| {
        r.status
            .next()
            .iter()
            .map(|to| {
                let reject = *to == DamageStatus::Rejected;
                let plans = hazard && matches!(to, DamageStatus::Accepted | DamageStatus::InRepair);
                let reason = if reject {
                    view! { <input type="text" name="reason" required placeholder=lang.t(Msg::RejectReason)/> }.into_any()
                } else {
                    view! { <input type="hidden" name="reason" value=""/> }.into_any()
                };
                let plan = if plans {
                    view! {
                        <label>{lang.t(Msg::FieldMeasure)}<input type="text" name="measure" maxlength="500" value=r.measure.clone().unwrap_or_default()/></label>
                        <label>{lang.t(Msg::RectifyBy)}<input type="date" name="due_on" value=r.due_on.clone().unwrap_or_default()/></label>
                    }.into_any()
                } else {
                    view! { <input type="hidden" name="measure" value=""/><input type="hidden" name="due_on" value=""/> }.into_any()
                };
                view! {
                    <form method="post" action="/sf/step_damage_report" class="step-form">
                        <input type="hidden" name="id" value=r.id.to_string()/>
                        <input type="hidden" name="status" value=to.code()/>
                        <input type="hidden" name="back" value=back.clone()/>
                        {reason}
                        {plan}
                        <button type="submit" class=if reject { "button secondary" } else { "button" }>{lang.t(Msg::damage_step(*to))}</button>
                    </form>
                }
            })
            .collect_view()
    });
    let rectify = hazard.then(|| {
        let measure = r.measure.clone().map(|m| view! { {lang.t(Msg::FieldMeasure)}"："{m}" · " });
        let overdue = r.due_on.as_deref().is_some_and(|d| d < today)
            && !matches!(r.status, DamageStatus::Closed | DamageStatus::Rejected);
        let due = r.due_on.clone().map(|d| view! {
            {lang.t(Msg::RectifyBy)}"："{d}
            {overdue.then(|| view! { " "<span class="status status-overdue">{lang.t(Msg::StateOverdue)}</span> })}
        });
        view! { <p class="muted">{measure}{due}</p> }
    });
    view! {
        <article class="card report">
            <p class="eyebrow">{what}" "{source}" "<span class=status_class>{lang.t(Msg::damage_status(r.status))}</span></p>
            <p>{r.description}</p>
            {r.reject_reason.map(|why| view! { <p class="muted">{lang.t(Msg::RejectReason)}"："{why}</p> })}
            {rectify}
            <p class="muted">
                {lang.t(Msg::Reporter)}"："{r.reporter.name}" · "{lang.t(Msg::Assignee)}"："{assignee}" · "{r.created_at.get(..16).unwrap_or_default().replace('T', " ")}
            </p>
            <div class="thumbs">{photos}</div>
            <div class="actions">{steps}{compensate}</div>
        </article>
    }
}
