//! What the rounds page hands its offline script: a checklist form for each checklist in the
//! round and a damage-report form, as inert `<template>`s rendered (and translated) here, and
//! the sentences the script shows. The script (`public/offline/round.js`) fills them in, keeps
//! the records in IndexedDB and syncs them; it renders no text of its own.

use super::inspect::{allowed_range, photo_label};
use crate::domain::{Field, Invalid, Problem};
use crate::i18n::{invalid_message, Lang, Msg};
use crate::inspections::{ItemKind, Template};
use leptos::prelude::*;

fn photo_input(lang: Lang, name: String, required: bool) -> impl IntoView {
    let label = photo_label(lang, required);
    view! {
        <div class="photos">
            <label class="button secondary photo-button">
                {label}
                <input type="file" accept="image/*" capture="environment" multiple name=name/>
            </label>
            <div class="thumbs"></div>
        </div>
    }
}

fn form_end(lang: Lang, submit: Msg) -> impl IntoView {
    view! {
        <p class="form-error" role="alert"></p>
        <div class="actions">
            <button type="submit">{lang.t(submit)}</button>
            <button type="button" class="button secondary" data-cancel="">{lang.t(Msg::Cancel)}</button>
        </div>
    }
}

/// One checklist, as a form the script clones for each item it is filled for.
fn checklist_template(lang: Lang, t: Template) -> impl IntoView {
    let items = t
        .items
        .into_iter()
        .enumerate()
        .map(|(n, item)| {
            let value = format!("v-{}", item.key);
            let (kind, input) = match &item.kind {
                ItemKind::PassFail => {
                    let choice = |v: &'static str, msg: Msg| {
                        view! {
                            <label class="choice">
                                <input type="radio" name=value.clone() value=v/>
                                <span>{lang.t(msg)}</span>
                            </label>
                        }
                    };
                    let choices = view! {
                        <div class="choices">
                            {choice("pass", Msg::AnswerPass)}
                            {choice("fail", Msg::AnswerFail)}
                            {choice("na", Msg::AnswerNa)}
                        </div>
                    };
                    ("pass_fail", choices.into_any())
                }
                ItemKind::Number { unit, min, max } => {
                    let range = allowed_range(lang, unit, *min, *max);
                    let input = view! {
                        <input type="text" inputmode="decimal" name=value.clone() autocomplete="off"/>
                        <span class="muted">{range}</span>
                    };
                    ("number", input.into_any())
                }
                ItemKind::Text => (
                    "text",
                    view! { <input type="text" name=value.clone() autocomplete="off"/> }.into_any(),
                ),
            };
            view! {
                <fieldset class="check-item" data-item=item.key.clone() data-kind=kind
                    data-label=item.label.clone() data-photo-required=item.photo_required.to_string()>
                    <legend>{format!("{}. {}", n + 1, item.label)}</legend>
                    {input}
                    <label class="field hidden" data-note="">
                        <span>{lang.t(Msg::ItemNote)}</span>
                        <input type="text" name=format!("n-{}", item.key)/>
                    </label>
                    {photo_input(lang, format!("p-{}", item.key), item.photo_required)}
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <template id=format!("checklist-{}", t.id)>
            <form class="form round-form" data-template=t.id.to_string()>
                <p class="eyebrow" data-subject=""></p>
                <h2>{t.name}</h2>
                {items}
                <label class="field">
                    <span>{lang.t(Msg::InspectionNotes)}</span>
                    <textarea name="notes" rows="2"></textarea>
                </label>
                {form_end(lang, Msg::Save)}
            </form>
        </template>
    }
}

fn damage_template(lang: Lang, today: String) -> impl IntoView {
    view! {
        <template id="damage-form">
            <form class="form round-form" data-damage="">
                <p class="eyebrow" data-subject=""></p>
                <h2>{lang.t(Msg::ReportDamage)}</h2>
                <label class="field">
                    <span>{lang.t(Msg::DamageWhat)}</span>
                    <textarea name="description" rows="3" required=""></textarea>
                </label>
                <label class="field">
                    <span>{lang.t(Msg::DamageWhen)}</span>
                    <input type="text" name="happened_at" value=today/>
                </label>
                <label class="field">
                    <span>{lang.t(Msg::DamageCause)}</span>
                    <input type="text" name="cause"/>
                </label>
                <label class="field">
                    <span>{lang.t(Msg::DamageLiable)}</span>
                    <input type="text" name="liable"/>
                </label>
                {photo_input(lang, "p-report".into(), false)}
                {form_end(lang, Msg::Submit)}
            </form>
        </template>
    }
}

/// The sentences the script shows, as data attributes of one hidden element.
fn texts(lang: Lang) -> impl IntoView {
    let incomplete = invalid_message(
        lang,
        &Invalid::new(
            Field::Answers,
            Problem::ItemIncomplete { item: "{n}".into() },
        ),
    );
    let t = |m: Msg| lang.t(m);
    view! {
        <div id="round-text" hidden=""
            data-online=t(Msg::OfflineReady) data-no-worker=t(Msg::OfflineNotReady)
            data-offline=t(Msg::OfflineNow) data-syncing=t(Msg::Syncing) data-failed=t(Msg::SyncFailed)
            data-sign-in=t(Msg::SignInAgain) data-saved=t(Msg::SavedOnPhone) data-recorded=t(Msg::RecordedLocally)
            data-refused=t(Msg::SyncRefused) data-discard=t(Msg::Discard) data-not-in-round=t(Msg::NotInRound)
            data-incomplete=incomplete data-never=t(Msg::NeverSynced) data-done=t(Msg::StateDone)
            data-state-done=t(Msg::StateDone) data-state-open=t(Msg::StateOpen)
            data-state-due-today=t(Msg::StateDueToday) data-state-overdue=t(Msg::StateOverdue)></div>
    }
}

/// Everything the offline script needs besides the items themselves.
#[component]
pub fn RoundForms(lang: Lang, templates: Vec<Template>, today: String) -> impl IntoView {
    let checklists = templates
        .into_iter()
        .map(|t| checklist_template(lang, t))
        .collect_view();
    view! {
        {checklists}
        {damage_template(lang, today)}
        {texts(lang)}
        <script type="module" src="/offline/round.js"></script>
    }
}
