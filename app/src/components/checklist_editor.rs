//! The admin's checklist form: name, what it applies to, and the items one a line.

use super::editors::outcome;
use super::fields::TextInput;
use crate::i18n::{Lang, Msg};
use crate::server_fns::checklists::{ChecklistDraft, SaveChecklist};
use leptos::prelude::*;

#[island]
pub fn ChecklistForm(lang: Lang, draft: ChecklistDraft) -> impl IntoView {
    let action = ServerAction::<SaveChecklist>::new();
    view! {
        <ActionForm action=action attr:class="form checklist-form">
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
            {outcome(lang, action)}
        </ActionForm>
    }
}
