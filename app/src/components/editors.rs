//! The forms that change the register. Each is an island: it posts to its server function,
//! shows the translated error in place, and opens the saved record on success. Without
//! JavaScript the same form still posts and the server redirects back.

use super::fields::{choices, named_choices, SelectInput, TextInput};
use super::saving_form::SavingForm;
use crate::domain::{AssetStatus, RoomKind};
use crate::i18n::{Lang, Msg};
use crate::model::Named;
use crate::server_fns::register::{
    AssetDraft, ClaimTag, RoomDraft, SaveAsset, SaveBuilding, SaveRoom,
};
use leptos::prelude::*;
use server_fn::ServerFn;

#[component]
pub fn BuildingForm(lang: Lang, id: String, name: String) -> impl IntoView {
    let label = if id == "new" {
        lang.t(Msg::NewBuilding)
    } else {
        lang.t(Msg::Rename)
    };
    view! {
        <SavingForm lang action=SaveBuilding::url() class="inline-form">
            <input type="hidden" name="id" value=id/>
            <TextInput label=label name="name" value=name required=true/>
            <button type="submit">{lang.t(Msg::Save)}</button>
        </SavingForm>
    }
}

#[component]
pub fn RoomEditorForm(lang: Lang, editor: RoomDraft) -> impl IntoView {
    let f = editor.form;
    let kinds = choices(RoomKind::ALL, RoomKind::code, |k| lang.t(Msg::room_kind(k)));
    view! {
        <SavingForm lang action=SaveRoom::url() class="form">
            <input type="hidden" name="id" value=editor.id.unwrap_or_else(|| "new".into())/>
            {editor.tag.map(|t| view! { <input type="hidden" name="tag" value=t/> })}
            <TextInput label=lang.t(Msg::Name) name="form[name]" value=f.name required=true/>
            <SelectInput lang label=lang.t(Msg::Kind) name="form[kind]" value=f.kind choices=kinds/>
            <SelectInput lang label=lang.t(Msg::Building) name="form[building_id]" value=f.building_id choices=named_choices(&editor.buildings)/>
            <TextInput label=lang.t(Msg::Floor) name="form[floor]" value=f.floor kind="number"/>
            <SelectInput lang label=lang.t(Msg::Custodian) name="form[custodian_id]" value=f.custodian_id choices=named_choices(&editor.people) allow_none=true/>
            <button type="submit">{lang.t(Msg::Save)}</button>
        </SavingForm>
    }
}

#[component]
pub fn AssetEditorForm(lang: Lang, editor: AssetDraft) -> impl IntoView {
    let f = editor.form;
    let statuses = choices(AssetStatus::ALL, AssetStatus::code, |s| {
        lang.t(Msg::status(s))
    });
    view! {
        <SavingForm lang action=SaveAsset::url() class="form">
            <input type="hidden" name="id" value=editor.id.unwrap_or_else(|| "new".into())/>
            {editor.tag.map(|t| view! { <input type="hidden" name="tag" value=t/> })}
            <TextInput label=lang.t(Msg::Name) name="form[name]" value=f.name required=true/>
            <TextInput label=lang.t(Msg::Category) name="form[category]" value=f.category required=true/>
            <TextInput label=lang.t(Msg::AssetCodeLabel) name="form[asset_code]" value=f.asset_code required=true/>
            <TextInput label=lang.t(Msg::Model) name="form[model]" value=f.model/>
            <SelectInput lang label=lang.t(Msg::Status) name="form[status]" value=f.status choices=statuses/>
            <SelectInput lang label=lang.t(Msg::Room) name="form[room_id]" value=f.room_id choices=named_choices(&editor.rooms) allow_none=true/>
            <SelectInput lang label=lang.t(Msg::Custodian) name="form[custodian_id]" value=f.custodian_id choices=named_choices(&editor.people) allow_none=true/>
            <TextInput label=lang.t(Msg::PurchaseDate) name="form[purchase_date]" value=f.purchase_date kind="date"/>
            <TextInput label=lang.t(Msg::Value) name="form[value]" value=f.value hint="0.00"/>
            <TextInput label=lang.t(Msg::Notes) name="form[notes]" value=f.notes/>
            <button type="submit">{lang.t(Msg::Save)}</button>
        </SavingForm>
    }
}

#[component]
pub fn ClaimTagForm(lang: Lang, code: String, rooms: Vec<Named>) -> impl IntoView {
    view! {
        <SavingForm lang action=ClaimTag::url() class="form">
            <input type="hidden" name="code" value=code/>
            <SelectInput lang label=lang.t(Msg::ClaimToRoom) name="room_id" value=String::new() choices=named_choices(&rooms) allow_none=true/>
            <TextInput label=lang.t(Msg::ClaimToAsset) name="asset_code" value=""/>
            <button type="submit">{lang.t(Msg::ClaimTag)}</button>
        </SavingForm>
    }
}
