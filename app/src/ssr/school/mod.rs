//! The schools of a district: what every school starts with, adding one, and the district's
//! figures. The district admin (who belongs to no school) adds schools and reads every
//! school's figures; a school's own users never reach this area.

pub mod demo;
pub mod store;

use crate::domain::{bounded_text, Field, Role};
use crate::error::AppResult;
use crate::forms::{SchoolForm, SCHOOL_NAME_MAX};
use crate::model::{Named, SchoolFigures};
use crate::ssr::people::auth::hash_password;
use crate::ssr::people::store::UserRecord;
use crate::ssr::state::AppState;
use crate::ssr::store::{Actor, Store};
use crate::ssr::visitor::Visitor;

/// Gives a school what every school starts with, once: the default checklists and the
/// calendar's schedules. `school` is that school's store.
pub async fn furnish(school: &dyn Store) -> AppResult<()> {
    school
        .ensure_templates(crate::ssr::inspections::checklists::default_templates())
        .await?;
    school
        .ensure_schedules(crate::ssr::rounds::calendar::calendar_schedules())
        .await
}

/// Furnishes every school on the server (at start: a school added by an older version, or
/// loaded by `generate`, gets its checklists too).
pub async fn furnish_all(district: &dyn Store) -> AppResult<()> {
    for s in district.schools().await? {
        furnish(district.for_school(s.school.id).as_ref()).await?;
    }
    Ok(())
}

/// The district admin, or 401/403.
fn district_admin(v: &Visitor) -> AppResult<Actor> {
    v.require(|r| r.manages_district())?;
    Ok(v.actor())
}

/// Every school with its figures.
pub async fn schools(st: &AppState, v: &Visitor) -> AppResult<Vec<SchoolFigures>> {
    district_admin(v)?;
    st.district.schools().await
}

/// Adds a school, furnished, with its first admin (who then adds the school's people).
pub async fn add_school(st: &AppState, v: &Visitor, form: &SchoolForm) -> AppResult<Named> {
    let actor = district_admin(v)?;
    let fields = form.validate()?;
    let admin = UserRecord {
        login: fields.admin_login.as_str().into(),
        display_name: fields.admin_name,
        role: Role::Admin,
        active: true,
        password_hash: Some(hash_password(fields.password.expose().to_string()).await?),
    };
    add(st.district.as_ref(), actor, &fields.name, admin).await
}

/// Adds a school and its first admin as `actor` (the district admin, or the command line).
pub async fn add(
    district: &dyn Store,
    actor: Actor,
    name: &str,
    admin: UserRecord,
) -> AppResult<Named> {
    let name = bounded_text(Field::Name, name, SCHOOL_NAME_MAX)?;
    let school = district.add_school(actor, &name, admin).await?;
    furnish(district.for_school(school.id).as_ref()).await?;
    Ok(school)
}
