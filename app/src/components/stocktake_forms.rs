//! The stocktake's forms (asset manager, admin): start one of the whole school or of one
//! building, and finish one. Islands that post to their server function and show the
//! translated error in place — a refused finish names who has not handed in yet.

use super::fields::{SelectInput, TextInput};
use super::saving_form::SavingForm;
use crate::i18n::{Lang, Msg};
use crate::model::Named;
use crate::server_fns::stocktakes::{FinishStocktake, SettleDifference, StartStocktake};
use leptos::prelude::*;
use server_fn::ServerFn;

#[component]
pub fn StartStocktakeForm(lang: Lang, buildings: Vec<Named>, due: String) -> impl IntoView {
    let choices = buildings
        .into_iter()
        .map(|b| (b.id.to_string(), b.name))
        .collect();
    view! {
        <SavingForm lang action=StartStocktake::url() class="form stocktake-start">
            <TextInput label=lang.t(Msg::Name) name="name" value="" required=true/>
            <SelectInput lang label=lang.t(Msg::Building) name="building" value=String::new() choices
                allow_none=true none_text=lang.t(Msg::WholeSchool)/>
            <TextInput label=lang.t(Msg::FieldDue) name="due" value=due kind="date"/>
            <button type="submit">{lang.t(Msg::StartStocktake)}</button>
        </SavingForm>
    }
}

#[component]
pub fn FinishStocktakeForm(lang: Lang, id: String) -> impl IntoView {
    view! {
        <SavingForm lang action=FinishStocktake::url() class="form stocktake-finish">
            <input type="hidden" name="id" value=id/>
            <button type="submit" class="button secondary">{lang.t(Msg::FinishStocktake)}</button>
        </SavingForm>
    }
}

/// One button that settles one difference of a finished stocktake (`target` the asset), or
/// decides a pending write-off (`target` the settlement, `kind` approve or refuse).
#[component]
pub fn SettleButton(
    lang: Lang,
    id: String,
    target: String,
    kind: String,
    label: String,
) -> impl IntoView {
    view! {
        <SavingForm lang action=SettleDifference::url() class="settle-form">
            <input type="hidden" name="id" value=id/>
            <input type="hidden" name="target" value=target/>
            <input type="hidden" name="kind" value=kind/>
            <button type="submit" class="button secondary">{label}</button>
        </SavingForm>
    }
}
