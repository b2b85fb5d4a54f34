//! The rounds pages' data: my rounds today (with what the phone keeps for offline use), the
//! managers' progress view with sync conflicts, and the schedules page's forms.

use super::Saved;
use crate::error::AppError;
use crate::inspections::Template;
use crate::model::Named;
use crate::rounds::form::ScheduleForm;
use crate::rounds::sync::SyncConflict;
use crate::rounds::{Round, Schedule};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Today's rounds for the visitor, and the checklists their items are filled with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoundsDesk {
    pub rounds: Vec<Round>,
    pub templates: Vec<Template>,
    /// Whose phone queue this is: records are synced only by the one who made them.
    pub user: uuid::Uuid,
    pub today: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    pub rounds: Vec<Round>,
    pub conflicts: Vec<SyncConflict>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScheduleBook {
    pub schedules: Vec<Schedule>,
    pub templates: Vec<Template>,
    /// Who can be given rounds (staff, asset managers, admins).
    pub people: Vec<Named>,
}

#[server(prefix = "/sf", endpoint = "rounds_desk")]
pub async fn my_rounds() -> Result<RoundsDesk, AppError> {
    use crate::ssr::clock::school_today;
    use crate::ssr::rounds::{rounds, Whose};
    let v = crate::ssr::visitor::visitor();
    let st = crate::ssr::visitor::state()?;
    let user = v.require(|r| r.inspects())?.id;
    let rounds = rounds(&st, &v, Whose::Mine).await?;
    let used: std::collections::HashSet<_> = rounds
        .iter()
        .flat_map(|r| r.items.iter().map(|i| i.template_id))
        .collect();
    let templates = st
        .school(&v)?
        .current_templates()
        .await?
        .into_iter()
        .filter(|t| used.contains(&t.id))
        .collect();
    Ok(RoundsDesk {
        rounds,
        templates,
        user,
        today: school_today().to_string(),
    })
}

#[server(prefix = "/sf", endpoint = "rounds_overview")]
pub async fn rounds_overview() -> Result<Overview, AppError> {
    use crate::ssr::rounds::{conflicts, rounds, Whose};
    let v = crate::ssr::visitor::visitor();
    let st = crate::ssr::visitor::state()?;
    Ok(Overview {
        rounds: rounds(&st, &v, Whose::All).await?,
        conflicts: conflicts(
            &st,
            &v,
            true,
            crate::model::Paging::first(crate::ssr::rounds::CONFLICTS_ON_PAGE),
        )
        .await?,
    })
}

#[server(prefix = "/sf", endpoint = "resolve_sync_conflict")]
pub async fn resolve_sync_conflict(id: String) -> Result<Saved, AppError> {
    let v = crate::ssr::visitor::visitor();
    let st = crate::ssr::visitor::state()?;
    crate::ssr::rounds::resolve_conflict(&st, &v, super::parse_id(&id)?).await?;
    Ok(Saved {
        url: "/rounds/overview".into(),
    })
}

#[server(prefix = "/sf", endpoint = "schedule_book")]
pub async fn schedule_list() -> Result<ScheduleBook, AppError> {
    let v = crate::ssr::visitor::visitor();
    let st = crate::ssr::visitor::state()?;
    let school = st.school(&v)?;
    let schedules = crate::ssr::rounds::schedules(&st, &v).await?;
    let people = school
        .list_users()
        .await?
        .into_iter()
        .filter(|u| u.active && u.role.inspects())
        .map(|u| Named {
            id: u.id,
            name: u.display_name,
        })
        .collect();
    Ok(ScheduleBook {
        schedules,
        templates: school.current_templates().await?,
        people,
    })
}

#[server(prefix = "/sf", endpoint = "save_schedule")]
pub async fn save_schedule(form: ScheduleForm) -> Result<Saved, AppError> {
    use crate::domain::{Field, Invalid, Problem, TagCode};
    use crate::model::TagTarget;
    let v = crate::ssr::visitor::visitor();
    let st = crate::ssr::visitor::state()?;
    v.require(|r| r.manages_register())?;
    let (mut assets, mut rooms) = (Vec::new(), Vec::new());
    for word in crate::rounds::form::words(&form.tags) {
        let code = TagCode::parse(word)?;
        match st.school(&v)?.resolve_tag(&code).await? {
            Some(TagTarget::Asset(id)) => assets.push(id),
            Some(TagTarget::Room(id)) => rooms.push(id),
            _ => {
                let code = code.as_str().to_string();
                return Err(Invalid::new(Field::Scope, Problem::NotRegistered { code }).into());
            }
        }
    }
    let req = form.request(assets, rooms)?;
    crate::ssr::rounds::save_schedule(&st, &v, req).await?;
    Ok(Saved {
        url: "/manage/schedules".into(),
    })
}

#[server(prefix = "/sf", endpoint = "end_schedule")]
pub async fn end_schedule(id: String) -> Result<Saved, AppError> {
    let v = crate::ssr::visitor::visitor();
    let st = crate::ssr::visitor::state()?;
    crate::ssr::rounds::end_schedule(&st, &v, super::parse_id(&id)?).await?;
    Ok(Saved {
        url: "/manage/schedules".into(),
    })
}
