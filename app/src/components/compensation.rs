//! The compensation forms: open a case from a report, mark it paid, waive it (admin). Islands
//! that show the translated error in place and open the case list on success.

use super::fields::{SelectInput, TextInput};
use super::saving_form::SavingForm;
use crate::i18n::{Lang, Msg};
use crate::server_fns::compensations::{OpenCase, PayCase, WaiveCase};
use leptos::prelude::*;
use server_fn::ServerFn;

#[component]
pub fn CaseForm(lang: Lang, report: String) -> impl IntoView {
    let kinds = vec![
        ("student".to_string(), lang.t(Msg::PartyStudent).to_string()),
        ("staff".to_string(), lang.t(Msg::PartyStaff).to_string()),
        ("outside".to_string(), lang.t(Msg::PartyOutside).to_string()),
    ];
    let bases = vec![
        (
            "repair_cost".to_string(),
            lang.t(Msg::BasisRepair).to_string(),
        ),
        (
            "replacement_value".to_string(),
            lang.t(Msg::BasisReplacement).to_string(),
        ),
    ];
    view! {
        <SavingForm lang action=OpenCase::url() class="form case-form">
            <input type="hidden" name="report" value=report/>
            <SelectInput lang label=lang.t(Msg::PartyKindLabel) name="party_kind" value="student".to_string() choices=kinds/>
            <TextInput label=lang.t(Msg::PartyName) name="party_name" value="" required=true/>
            <TextInput label=lang.t(Msg::PartyClass) name="party_class" value=""/>
            <SelectInput lang label=lang.t(Msg::BasisLabel) name="basis" value="repair_cost".to_string() choices=bases/>
            <TextInput label=lang.t(Msg::AmountYuan) name="amount" value="" hint="0.00"/>
            <button type="submit">{lang.t(Msg::OpenCase)}</button>
        </SavingForm>
    }
}

#[component]
pub fn PayForm(lang: Lang, id: String, today: String) -> impl IntoView {
    view! {
        <SavingForm lang action=PayCase::url() class="form pay-form">
            <input type="hidden" name="id" value=id/>
            <TextInput label=lang.t(Msg::PaidOn) name="paid_on" value=today kind="date" required=true/>
            <TextInput label=lang.t(Msg::ReceiptNo) name="receipt_no" value="" required=true/>
            <TextInput label=lang.t(Msg::ReceivedBy) name="received_by" value="" required=true/>
            <button type="submit">{lang.t(Msg::MarkPaid)}</button>
        </SavingForm>
    }
}

#[component]
pub fn WaiveForm(lang: Lang, id: String) -> impl IntoView {
    view! {
        <SavingForm lang action=WaiveCase::url() class="form waive-form">
            <input type="hidden" name="id" value=id/>
            <TextInput label=lang.t(Msg::WaiveReason) name="reason" value="" required=true/>
            <button type="submit" class="button secondary">{lang.t(Msg::Waive)}</button>
        </SavingForm>
    }
}
