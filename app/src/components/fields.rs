//! Labelled read-only fields and form inputs.

use crate::i18n::{Lang, Msg};
use crate::model::Named;
use leptos::prelude::*;

/// A stored time (already on the school's clock) to the minute: `2026-12-06 09:30`.
pub fn minute(at: &str) -> String {
    at.get(..16).unwrap_or(at).replace('T', " ")
}

/// A label and its value in a record's definition list.
#[component]
pub fn Item(label: &'static str, #[prop(into)] value: String) -> impl IntoView {
    view! {
        <div class="item">
            <dt>{label}</dt>
            <dd>{value}</dd>
        </div>
    }
}

/// A text input with its label.
#[component]
pub fn TextInput(
    label: &'static str,
    name: &'static str,
    #[prop(into)] value: String,
    #[prop(optional)] kind: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            <input type=kind.unwrap_or("text") name=name value=value required=required placeholder=hint/>
        </label>
    }
}

/// A text input with its label whose name is made at run time (`form[lines][2][quantity]`: a
/// row of a form that repeats).
pub fn indexed_input(
    label: &'static str,
    name: String,
    value: String,
    kind: &'static str,
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            <input type=kind name=name value=value/>
        </label>
    }
}

/// A select with its label; `choices` are (value, text).
#[component]
pub fn SelectInput(
    lang: Lang,
    label: &'static str,
    name: &'static str,
    value: String,
    choices: Vec<(String, String)>,
    #[prop(optional)] allow_none: bool,
    /// The empty choice's text when it means something other than "none" (say, "all").
    #[prop(optional)]
    none_text: Option<&'static str>,
) -> impl IntoView {
    let none_text = none_text.unwrap_or(lang.t(Msg::None_));
    let options = choices
        .into_iter()
        .map(|(v, text)| {
            let selected = v == value;
            view! { <option value=v selected=selected>{text}</option> }
        })
        .collect_view();
    view! {
        <label class="field">
            <span>{label}</span>
            <select name=name>
                {allow_none.then(|| view! { <option value="">{none_text}</option> })}
                {options}
            </select>
        </label>
    }
}

/// (id, name) pairs as select choices.
pub fn named_choices(items: &[Named]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|n| (n.id.to_string(), n.name.clone()))
        .collect()
}

/// A closed set of values (an enum's `ALL`) as select choices: its code and its translated text.
pub fn choices<T: Copy>(
    all: &[T],
    code: impl Fn(T) -> &'static str,
    text: impl Fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|v| (code(*v).to_string(), text(*v).to_string()))
        .collect()
}
