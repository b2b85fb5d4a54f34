//! The islands that record from the scan: a checklist filled on the phone, and a damage report
//! with photos from the camera. Both post JSON to `/api/v1` (the same path the offline queue
//! will use) and upload photos as they are taken.

use crate::i18n::{Lang, Msg};
use crate::inspections::{ItemKind, Subject, Template};
use crate::model::Photo;
use leptos::prelude::*;

/// "Allowed 0–8 ℃" under a reading.
pub(crate) fn allowed_range(lang: Lang, unit: &str, min: Option<f64>, max: Option<f64>) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!("{} {a}–{b} {unit}", lang.t(Msg::AllowedRange)),
        (Some(a), None) => format!("{} ≥ {a} {unit}", lang.t(Msg::AllowedRange)),
        (None, Some(b)) => format!("{} ≤ {b} {unit}", lang.t(Msg::AllowedRange)),
        (None, None) => unit.to_string(),
    }
}

/// The photo button's text, saying when a photo is required.
pub(crate) fn photo_label(lang: Lang, required: bool) -> String {
    if required {
        format!(
            "{}（{}）",
            lang.t(Msg::AddPhoto),
            lang.t(Msg::PhotoRequired)
        )
    } else {
        lang.t(Msg::AddPhoto).to_string()
    }
}

/// Photos taken for one item or report: thumbnails, and the upload in progress.
#[component]
fn PhotoPicker(lang: Lang, photos: RwSignal<Vec<Photo>>, required: bool) -> impl IntoView {
    let uploading = RwSignal::new(0usize);
    let error = RwSignal::new(None::<String>);
    let on_change = move |_ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        for file in crate::components::net::chosen_files(&_ev) {
            uploading.update(|n| *n += 1);
            leptos::task::spawn_local(async move {
                match crate::components::net::upload_photo(file, lang).await {
                    Ok(p) => photos.update(|list| list.push(p)),
                    Err(message) => error.set(Some(message)),
                }
                uploading.update(|n| *n -= 1);
            });
        }
    };
    let label = photo_label(lang, required);
    view! {
        <div class="photos">
            <label class="button secondary photo-button">
                {label}
                <input type="file" accept="image/*" capture="environment" multiple on:change=on_change/>
            </label>
            <span class="muted">{move || (uploading.get() > 0).then(|| lang.t(Msg::Uploading))}</span>
            <span class="form-error" role="alert">{move || error.get()}</span>
            <div class="thumbs">
                {move || photos.get().into_iter().map(|p| view! { <img src=p.thumb_url alt="" width="64" height="64"/> }).collect_view()}
            </div>
        </div>
    }
}

/// One checklist item's answer while it is being filled.
#[derive(Clone, Copy)]
struct ItemState {
    value: RwSignal<String>,
    note: RwSignal<String>,
    photos: RwSignal<Vec<Photo>>,
}

#[island]
pub fn InspectionForm(
    lang: Lang,
    template: Template,
    subject: Subject,
    back: String,
) -> impl IntoView {
    let states: Vec<ItemState> = template
        .items
        .iter()
        .map(|_| ItemState {
            value: RwSignal::new(String::new()),
            note: RwSignal::new(String::new()),
            photos: RwSignal::new(Vec::new()),
        })
        .collect();
    let notes = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Result<i64, String>>);
    let busy = RwSignal::new(false);
    let rows = template
        .items
        .iter()
        .zip(states.iter().copied())
        .enumerate()
        .map(|(n, (item, st))| {
            let name = format!("item-{n}");
            let input = match &item.kind {
                ItemKind::PassFail => {
                    let choice = move |value: &'static str, msg: Msg| {
                        let checked = move || st.value.get() == value;
                        view! {
                            <label class="choice">
                                <input type="radio" name=name.clone() value=value prop:checked=checked
                                    on:change=move |_| st.value.set(value.to_string())/>
                                <span>{lang.t(msg)}</span>
                            </label>
                        }
                    };
                    view! {
                        <div class="choices">
                            {choice("pass", Msg::AnswerPass)}
                            {choice("fail", Msg::AnswerFail)}
                            {choice("na", Msg::AnswerNa)}
                        </div>
                    }
                    .into_any()
                }
                ItemKind::Number { unit, min, max } => {
                    let range = allowed_range(lang, unit, *min, *max);
                    view! {
                        <input type="text" inputmode="decimal" prop:value=move || st.value.get()
                            on:input=move |ev| st.value.set(event_target_value(&ev))/>
                        <span class="muted">{range}</span>
                    }
                    .into_any()
                }
                ItemKind::Text => view! {
                    <input type="text" prop:value=move || st.value.get()
                        on:input=move |ev| st.value.set(event_target_value(&ev))/>
                }
                .into_any(),
            };
            let failed = move || st.value.get() == "fail";
            let photo_required = item.photo_required;
            view! {
                <fieldset class="check-item">
                    <legend>{format!("{}. {}", n + 1, item.label)}</legend>
                    {input}
                    <label class="field" class:hidden=move || !failed()>
                        <span>{lang.t(Msg::ItemNote)}</span>
                        <input type="text" prop:value=move || st.note.get()
                            on:input=move |ev| st.note.set(event_target_value(&ev))/>
                    </label>
                    <PhotoPicker lang photos=st.photos required=photo_required/>
                </fieldset>
            }
        })
        .collect_view();
    let keys: Vec<String> = template.items.iter().map(|i| i.key.clone()).collect();
    let template_id = template.id;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let answers: Vec<crate::inspections::AnswerInput> = keys
            .iter()
            .zip(&states)
            .map(|(key, st)| crate::inspections::AnswerInput {
                key: key.clone(),
                value: st.value.get_untracked(),
                note: st.note.get_untracked(),
                photos: st.photos.get_untracked().iter().map(|p| p.id).collect(),
            })
            .collect();
        let (asset_id, room_id) = subject.columns();
        let req = crate::inspections::requests::InspectionRequest {
            id: None,
            template_id,
            asset_id,
            room_id,
            inspected_at: None,
            answers,
            notes: notes.get_untracked(),
        };
        busy.set(true);
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            let saved: Result<crate::inspections::Inspection, String> =
                crate::components::net::post_json("/api/v1/inspections", &req, lang).await;
            outcome.set(Some(saved.map(|i| i.failed_items)));
            busy.set(false);
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = req;
    };
    let result = move || {
        outcome.get().map(|r| match r {
            Ok(failed) => {
                let tickets = (failed > 0).then(|| {
                    lang.t(Msg::TicketsOpened)
                        .replace("{n}", &failed.to_string())
                });
                view! {
                    <p class="saved" role="status">{lang.t(Msg::InspectionSaved)}" "{tickets}" "
                        <a href=back.clone()>{lang.t(Msg::BackToRecord)}</a>
                    </p>
                }
                .into_any()
            }
            Err(message) => view! { <p class="form-error" role="alert">{message}</p> }.into_any(),
        })
    };
    view! {
        <form class="form inspection-form" on:submit=submit>
            <h2>{template.name.clone()}</h2>
            {rows}
            <label class="field">
                <span>{lang.t(Msg::InspectionNotes)}</span>
                <textarea rows="2" prop:value=move || notes.get() on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
            </label>
            <button type="submit" disabled=move || busy.get()>{lang.t(Msg::Save)}</button>
            {result}
        </form>
    }
}

#[island]
pub fn DamageForm(lang: Lang, subject: Subject, back: String, today: String) -> impl IntoView {
    let description = RwSignal::new(String::new());
    let when = RwSignal::new(today);
    let cause = RwSignal::new(String::new());
    let liable = RwSignal::new(String::new());
    let photos = RwSignal::new(Vec::<Photo>::new());
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (asset_id, room_id) = subject.columns();
        let req = crate::inspections::requests::DamageRequest {
            id: None,
            asset_id,
            room_id,
            happened_at: when.get_untracked(),
            description: description.get_untracked(),
            cause: cause.get_untracked(),
            liable: liable.get_untracked(),
            photos: photos.get_untracked().iter().map(|p| p.id).collect(),
        };
        busy.set(true);
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            let sent: Result<crate::inspections::DamageReport, String> =
                crate::components::net::post_json("/api/v1/damage-reports", &req, lang).await;
            outcome.set(Some(
                sent.map(|r| r.assignee.map(|a| a.name).unwrap_or_default()),
            ));
            busy.set(false);
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = req;
    };
    let text = move |signal: RwSignal<String>| {
        view! { <input type="text" prop:value=move || signal.get() on:input=move |ev| signal.set(event_target_value(&ev))/> }
    };
    let result = move || {
        outcome.get().map(|r| match r {
            Ok(assignee) => view! {
                <p class="saved" role="status">{lang.t(Msg::ReportSent)}{assignee}" "
                    <a href="/reports">{lang.t(Msg::MyReports)}</a>" · "<a href=back.clone()>{lang.t(Msg::BackToRecord)}</a>
                </p>
            }
            .into_any(),
            Err(message) => view! { <p class="form-error" role="alert">{message}</p> }.into_any(),
        })
    };
    view! {
        <form class="form damage-form" on:submit=submit>
            <label class="field">
                <span>{lang.t(Msg::DamageWhat)}</span>
                <textarea name="description" rows="3" required prop:value=move || description.get()
                    on:input=move |ev| description.set(event_target_value(&ev))></textarea>
            </label>
            <PhotoPicker lang photos required=false/>
            <label class="field"><span>{lang.t(Msg::DamageWhen)}</span>{text(when)}</label>
            <label class="field"><span>{lang.t(Msg::DamageCause)}</span>{text(cause)}</label>
            <label class="field"><span>{lang.t(Msg::DamageLiable)}</span>{text(liable)}</label>
            <button type="submit" disabled=move || busy.get()>{lang.t(Msg::Submit)}</button>
            {result}
        </form>
    }
}
