//! The forms that change the register. Each is an island: it posts to its server function,
//! shows the translated error in place, and opens the saved record on success. Without
//! JavaScript the same form still posts and the server redirects back.

use super::fields::{named_choices, SelectInput, TextInput};
use crate::domain::{AssetStatus, Role, RoomKind};
use crate::error::AppError;
use crate::i18n::{Lang, Msg};
use crate::model::Named;
use crate::server_fns::district::AddSchool;
use crate::server_fns::register::{
    AssetDraft, ClaimTag, RoomDraft, SaveAsset, SaveBuilding, SaveRoom,
};
use crate::server_fns::users::{SaveUser, UserDraft};
use crate::server_fns::Saved;
use leptos::prelude::*;
use server_fn::ServerFn;

/// Opens the saved record once the action succeeds, and shows its error otherwise.
pub(crate) fn outcome<S>(lang: Lang, action: ServerAction<S>) -> impl IntoView
where
    S: ServerFn<Output = Saved, Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
{
    Effect::new(move |_| {
        if let Some(Ok(saved)) = action.value().get() {
            #[cfg(feature = "hydrate")]
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_href(&saved.url);
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = saved;
        }
    });
    view! {
        <p class="form-error" role="alert">
            {move || action.value().get().and_then(Result::err).map(|e| e.message(lang))}
        </p>
        <p class="muted">{move || action.pending().get().then_some("…")}</p>
    }
}

fn choices<T: Copy>(
    all: &[T],
    code: impl Fn(T) -> &'static str,
    text: impl Fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|v| (code(*v).to_string(), text(*v).to_string()))
        .collect()
}

#[island]
pub fn BuildingForm(lang: Lang, id: String, name: String) -> impl IntoView {
    let action = ServerAction::<SaveBuilding>::new();
    let label = if id == "new" {
        lang.t(Msg::NewBuilding)
    } else {
        lang.t(Msg::Rename)
    };
    view! {
        <ActionForm action=action attr:class="inline-form">
            <input type="hidden" name="id" value=id/>
            <TextInput label=label name="name" value=name required=true/>
            <button type="submit">{lang.t(Msg::Save)}</button>
            {outcome(lang, action)}
        </ActionForm>
    }
}

#[island]
pub fn RoomEditorForm(lang: Lang, editor: RoomDraft) -> impl IntoView {
    let action = ServerAction::<SaveRoom>::new();
    let f = editor.form;
    let kinds = choices(RoomKind::ALL, RoomKind::code, |k| lang.t(Msg::room_kind(k)));
    view! {
        <ActionForm action=action attr:class="form">
            <input type="hidden" name="id" value=editor.id.unwrap_or_else(|| "new".into())/>
            {editor.tag.map(|t| view! { <input type="hidden" name="tag" value=t/> })}
            <TextInput label=lang.t(Msg::Name) name="form[name]" value=f.name required=true/>
            <SelectInput lang label=lang.t(Msg::Kind) name="form[kind]" value=f.kind choices=kinds/>
            <SelectInput lang label=lang.t(Msg::Building) name="form[building_id]" value=f.building_id choices=named_choices(&editor.buildings)/>
            <TextInput label=lang.t(Msg::Floor) name="form[floor]" value=f.floor kind="number"/>
            <SelectInput lang label=lang.t(Msg::Custodian) name="form[custodian_id]" value=f.custodian_id choices=named_choices(&editor.people) allow_none=true/>
            <button type="submit">{lang.t(Msg::Save)}</button>
            {outcome(lang, action)}
        </ActionForm>
    }
}

#[island]
pub fn AssetEditorForm(lang: Lang, editor: AssetDraft) -> impl IntoView {
    let action = ServerAction::<SaveAsset>::new();
    let f = editor.form;
    let statuses = choices(AssetStatus::ALL, AssetStatus::code, |s| {
        lang.t(Msg::status(s))
    });
    view! {
        <ActionForm action=action attr:class="form">
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
            {outcome(lang, action)}
        </ActionForm>
    }
}

#[island]
pub fn UserEditorForm(lang: Lang, editor: UserDraft) -> impl IntoView {
    let action = ServerAction::<SaveUser>::new();
    let f = editor.form;
    let roles = choices(Role::SCHOOL, Role::code, |r| lang.t(Msg::role(r)));
    view! {
        <ActionForm action=action attr:class="form">
            <input type="hidden" name="id" value=editor.id.unwrap_or_else(|| "new".into())/>
            <TextInput label=lang.t(Msg::LoginLabel) name="form[login]" value=f.login required=true/>
            <TextInput label=lang.t(Msg::DisplayName) name="form[display_name]" value=f.display_name required=true/>
            <SelectInput lang label=lang.t(Msg::RoleLabel) name="form[role]" value=f.role choices=roles/>
            <TextInput label=lang.t(Msg::NewPasswordHint) name="form[password]" value="" kind="password"/>
            <label class="check">
                <input type="checkbox" name="form[active]" checked=f.active.is_some()/>
                <span>{lang.t(Msg::Active)}</span>
            </label>
            <button type="submit">{lang.t(Msg::Save)}</button>
            {outcome(lang, action)}
        </ActionForm>
    }
}

#[island]
pub fn ClaimTagForm(lang: Lang, code: String, rooms: Vec<Named>) -> impl IntoView {
    let action = ServerAction::<ClaimTag>::new();
    view! {
        <ActionForm action=action attr:class="form">
            <input type="hidden" name="code" value=code/>
            <SelectInput lang label=lang.t(Msg::ClaimToRoom) name="room_id" value=String::new() choices=named_choices(&rooms) allow_none=true/>
            <TextInput label=lang.t(Msg::ClaimToAsset) name="asset_code" value=""/>
            <button type="submit">{lang.t(Msg::ClaimTag)}</button>
            {outcome(lang, action)}
        </ActionForm>
    }
}

/// The district admin's form for a new school and its first admin.
#[island]
pub fn SchoolEditorForm(lang: Lang) -> impl IntoView {
    let action = ServerAction::<AddSchool>::new();
    view! {
        <ActionForm action=action attr:class="form">
            <TextInput label=lang.t(Msg::SchoolName) name="form[name]" value="" required=true/>
            <TextInput label=lang.t(Msg::FirstAdminLogin) name="form[admin_login]" value="" required=true/>
            <TextInput label=lang.t(Msg::FirstAdminName) name="form[admin_name]" value=""/>
            <TextInput label=lang.t(Msg::FirstAdminPassword) name="form[password]" value="" kind="password" required=true/>
            <button type="submit">{lang.t(Msg::AddSchool)}</button>
            {outcome(lang, action)}
        </ActionForm>
    }
}
