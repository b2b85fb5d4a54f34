//! The admin's checklist form: name, what it applies to, and the items one a line.

use super::fields::TextInput;
use super::saving_form::SavingForm;
use crate::i18n::{Lang, Msg};
use crate::server_fns::checklists::{ChecklistDraft, SaveChecklist};
use leptos::prelude::*;
use server_fn::ServerFn;

#[component]
pub fn ChecklistForm(lang: Lang, draft: ChecklistDraft) -> impl IntoView {
    view! {
        <SavingForm lang action=SaveChecklist::url() class="form checklist-form">
            <input type="hidden" name="form[key]" value=draft.key/>
            <input type="hidden" name="form[version]" value=draft.version.to_string()/>
            <TextInput label=lang.t(Msg::Name) name="form[name]" value=draft.name required=true/>
            <TextInput label=lang.t(Msg::ChecklistCategories) name="form[categories]" value=draft.categories/>
            <TextInput label=lang.t(Msg::ChecklistRoomKinds) name="form[room_kinds]" value=draft.room_kinds/>
            <label class="field">
                <span>{lang.t(Msg::ChecklistItems)}</span>
                <textarea name="form[items]" rows="10">{draft.items}</textarea>
            </label>
            <p class="muted">{lang.t(Msg::ChecklistSyntax)}</p>
            <button type="submit">{lang.t(Msg::SaveNewVersion)}</button>
        </SavingForm>
    }
}
