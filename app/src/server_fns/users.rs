//! Managing users (admin only); managers may read the list to pick custodians.

use super::Saved;
use crate::error::AppError;
use crate::forms::UserForm;
use crate::model::User;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserDraft {
    pub id: Option<String>,
    pub form: UserForm,
}

#[server(prefix = "/sf", endpoint = "users")]
pub async fn user_list() -> Result<Vec<User>, AppError> {
    let v = crate::ssr::visitor::visitor();
    v.require(|r| r.manages_users())?;
    crate::ssr::visitor::state()?.school(&v)?.list_users().await
}

#[server(prefix = "/sf", endpoint = "user_editor")]
pub async fn user_editor(id: String) -> Result<UserDraft, AppError> {
    let v = crate::ssr::visitor::visitor();
    v.require(|r| r.manages_users())?;
    let st = crate::ssr::visitor::state()?;
    if id == "new" {
        let form = UserForm {
            role: "teacher".into(),
            active: Some("on".into()),
            ..Default::default()
        };
        return Ok(UserDraft { id: None, form });
    }
    let user = st
        .school(&v)?
        .get_user(super::parse_id(&id)?)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(UserDraft {
        id: Some(user.id.to_string()),
        form: UserForm::from(&user),
    })
}

#[server(prefix = "/sf", endpoint = "save_user")]
pub async fn save_user(id: String, form: UserForm) -> Result<Saved, AppError> {
    use crate::domain::{Field, Invalid, Problem};
    use crate::ssr::people::auth::hash_password;
    use crate::ssr::people::store::UserRecord;
    let v = crate::ssr::visitor::visitor();
    v.require(|r| r.manages_users())?;
    let st = crate::ssr::visitor::state()?;
    let school = st.school(&v)?;
    let fields = form.validate()?;
    let password_hash = match &fields.password {
        Some(p) => Some(hash_password(p.expose().to_string()).await?),
        None => None,
    };
    let record = UserRecord {
        login: fields.login.as_str().into(),
        display_name: fields.display_name,
        role: fields.role,
        active: fields.active,
        password_hash,
    };
    if id == "new" {
        if record.password_hash.is_none() {
            return Err(Invalid::new(Field::Password, Problem::Required).into());
        }
        school.create_user(v.actor(), record).await?;
    } else {
        school
            .update_user(v.actor(), super::parse_id(&id)?, record)
            .await?;
    }
    Ok(Saved {
        url: "/manage/users".into(),
    })
}
