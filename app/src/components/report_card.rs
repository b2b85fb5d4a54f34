//! One damage report or repair ticket as a card: what it is on, where it stands, who reported
//! it, its photos, and for staff the buttons that move it a step (and, for the asset manager,
//! open a compensation case).

use super::fields::minute;
use crate::i18n::{Lang, Msg};
use crate::inspections::{DamageReport, DamageStatus, Source};
use crate::session::use_session;
use leptos::prelude::*;

/// `back` is where a step's form returns to; `today` (`YYYY-MM-DD`) tells an overdue deadline.
pub fn report_card(
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
                {lang.t(Msg::Reporter)}"："{r.reporter.name}" · "{lang.t(Msg::Assignee)}"："{assignee}" · "{minute(&r.created_at)}
            </p>
            <div class="thumbs">{photos}</div>
            <div class="actions">{steps}{compensate}</div>
        </article>
    }
}
