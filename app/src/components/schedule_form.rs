//! The form that sets up a schedule: a checklist, what it covers, how often, and who does it.
//! An island: errors come back translated in place; without JavaScript it still posts.

use super::fields::{SelectInput, TextInput};
use super::saving_form::SavingForm;
use crate::domain::{Role, RoomKind};
use crate::i18n::{Lang, Msg};
use crate::model::Named;
use crate::server_fns::rounds::SaveSchedule;
use leptos::prelude::*;
use server_fn::ServerFn;

#[component]
pub fn ScheduleEditor(
    lang: Lang,
    checklists: Vec<(String, String)>,
    people: Vec<Named>,
) -> impl IntoView {
    let every = [
        ("daily", Msg::CadenceDaily),
        ("weekly", Msg::CadenceWeekly),
        ("monthly", Msg::CadenceMonthly),
        ("months", Msg::CadenceMonths),
        ("once", Msg::CadenceOnce),
    ]
    .iter()
    .map(|(code, msg)| (code.to_string(), lang.t(*msg).to_string()))
    .collect();
    let kinds = RoomKind::ALL
        .iter()
        .map(|k| (k.code().to_string(), lang.t(Msg::room_kind(*k)).to_string()))
        .collect();
    let mut assignees: Vec<(String, String)> = people
        .iter()
        .map(|p| (format!("user:{}", p.id), p.name.clone()))
        .collect();
    for role in [Role::Staff, Role::AssetManager] {
        assignees.push((
            format!("role:{}", role.code()),
            format!("{} · {}", lang.t(Msg::AssignRole), lang.t(Msg::role(role))),
        ));
    }
    view! {
        <SavingForm lang action=SaveSchedule::url() class="form">
            <TextInput label=lang.t(Msg::Name) name="form[name]" value="" required=true/>
            <SelectInput lang label=lang.t(Msg::FieldTemplate) name="form[template_key]" value=String::new() choices=checklists/>
            <SelectInput lang label=lang.t(Msg::FieldCadence) name="form[every]" value="months".to_string() choices=every/>
            <TextInput label=lang.t(Msg::Weekdays) name="form[weekdays]" value=""/>
            <TextInput label=lang.t(Msg::MonthsList) name="form[months]" value=""/>
            <TextInput label=lang.t(Msg::DayOfMonth) name="form[day]" value=""/>
            <TextInput label=lang.t(Msg::OnDate) name="form[date]" value="" kind="date"/>
            <TextInput label=lang.t(Msg::ScopeCategories) name="form[categories]" value=""/>
            <SelectInput lang label=lang.t(Msg::ScopeRoomKinds) name="form[room_kind]" value=String::new() choices=kinds allow_none=true/>
            <label class="field">
                <span>{lang.t(Msg::ScopeTags)}</span>
                <textarea name="form[tags]" rows="3"></textarea>
            </label>
            <SelectInput lang label=lang.t(Msg::FieldAssignee) name="form[assignee]" value=String::new() choices=assignees
                allow_none=true none_text=lang.t(Msg::AssignDuty)/>
            <button type="submit">{lang.t(Msg::Save)}</button>
        </SavingForm>
    }
}
