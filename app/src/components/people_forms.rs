//! The forms that change who uses Rounds: a school's users (its admin) and the district's
//! schools (the district admin). Islands like the register's editors.

use super::fields::{choices, SelectInput, TextInput};
use super::saving_form::SavingForm;
use crate::domain::Role;
use crate::i18n::{Lang, Msg};
use crate::server_fns::district::AddSchool;
use crate::server_fns::users::{SaveUser, UserDraft};
use leptos::prelude::*;
use server_fn::ServerFn;

#[component]
pub fn UserEditorForm(lang: Lang, editor: UserDraft) -> impl IntoView {
    let f = editor.form;
    let roles = choices(Role::SCHOOL, Role::code, |r| lang.t(Msg::role(r)));
    view! {
        <SavingForm lang action=SaveUser::url() class="form">
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
        </SavingForm>
    }
}

/// The district admin's form for a new school and its first admin.
#[component]
pub fn SchoolEditorForm(lang: Lang) -> impl IntoView {
    view! {
        <SavingForm lang action=AddSchool::url() class="form">
            <TextInput label=lang.t(Msg::SchoolName) name="form[name]" value="" required=true/>
            <TextInput label=lang.t(Msg::FirstAdminLogin) name="form[admin_login]" value="" required=true/>
            <TextInput label=lang.t(Msg::FirstAdminName) name="form[admin_name]" value=""/>
            <TextInput label=lang.t(Msg::FirstAdminPassword) name="form[password]" value="" kind="password" required=true/>
            <button type="submit">{lang.t(Msg::AddSchool)}</button>
        </SavingForm>
    }
}
