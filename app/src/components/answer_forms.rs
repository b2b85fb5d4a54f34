//! The answers to a request waiting for someone (a supplies request, a purchase): a one-button
//! form per answer (issue, approve, withdraw) and a refusal with its reason, each posted to the
//! answering server function at `action` with the request's `id`.

use super::fields::TextInput;
use super::saving_form::SavingForm;
use crate::i18n::{Lang, Msg};
use leptos::prelude::*;

/// One answer (`answer` is its code) as a form with one button.
pub fn answer_button(
    lang: Lang,
    (action, id): (&str, &str),
    answer: &'static str,
    label: Msg,
    class: &'static str,
) -> impl IntoView {
    let (action, id) = (action.to_string(), id.to_string());
    view! {
        <SavingForm lang action=action class="form inline">
            <input type="hidden" name="id" value=id/>
            <input type="hidden" name="answer" value=answer/>
            <input type="hidden" name="reason" value=""/>
            <button type="submit" class=class>{lang.t(label)}</button>
        </SavingForm>
    }
}

/// The decider's two answers: `yes` (its code and label) with one tap, or a refusal that asks
/// for the reason first.
pub fn decide_forms(
    lang: Lang,
    (action, id): (&str, &str),
    yes: (&'static str, Msg),
) -> impl IntoView {
    let yes_button = answer_button(lang, (action, id), yes.0, yes.1, "");
    let (action, id) = (action.to_string(), id.to_string());
    view! {
        <div class="actions">
            {yes_button}
            <details>
                <summary>{lang.t(Msg::Refuse)}</summary>
                <SavingForm lang action=action class="form">
                    <input type="hidden" name="id" value=id/>
                    <input type="hidden" name="answer" value="refuse"/>
                    <TextInput label=lang.t(Msg::FieldReason) name="reason" value="" required=true/>
                    <button type="submit" class="button secondary">{lang.t(Msg::Refuse)}</button>
                </SavingForm>
            </details>
        </div>
    }
}
