//! The checklist editor's data and save (the admin; others may read the checklists).

use super::Saved;
use crate::error::AppError;
use crate::inspections::Template;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A checklist as the editor's form shows it: plain text fields.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ChecklistDraft {
    /// Empty for a new checklist.
    pub key: String,
    pub version: i64,
    pub name: String,
    /// Asset categories, separated by 、 or commas.
    pub categories: String,
    /// Room kinds by name (教室、食堂 …), separated the same way.
    pub room_kinds: String,
    /// One item a line (see `inspections::checklist_text`).
    pub items: String,
}

#[server(prefix = "/sf", endpoint = "checklist_book")]
pub async fn checklist_book() -> Result<(Vec<Template>, bool), AppError> {
    let v = crate::ssr::visitor::visitor();
    let user = v.require(|r| r.manages_register())?;
    let st = crate::ssr::visitor::state()?;
    Ok((
        st.school(&v)?.current_templates().await?,
        user.role.manages_users(),
    ))
}

#[server(prefix = "/sf", endpoint = "load_checklist")]
pub async fn load_checklist(key: String) -> Result<ChecklistDraft, AppError> {
    use crate::i18n::{Lang, Msg};
    let v = crate::ssr::visitor::visitor();
    v.require(|r| r.manages_users())?;
    let st = crate::ssr::visitor::state()?;
    if key == "new" {
        return Ok(ChecklistDraft::default());
    }
    let all = st.school(&v)?.current_templates().await?;
    let t = all
        .into_iter()
        .find(|t| t.key == key)
        .ok_or(AppError::NotFound)?;
    let kinds: Vec<&str> = t
        .room_kinds
        .iter()
        .map(|k| Lang::Zh.t(Msg::room_kind(*k)))
        .collect();
    Ok(ChecklistDraft {
        key: t.key,
        version: t.version,
        name: t.name,
        categories: t.categories.join("、"),
        room_kinds: kinds.join("、"),
        items: crate::inspections::checklist_text::items_text(&t.items),
    })
}

#[server(prefix = "/sf", endpoint = "save_checklist")]
pub async fn save_checklist(form: ChecklistDraft) -> Result<Saved, AppError> {
    use crate::domain::{Field, Invalid, Problem, RoomKind};
    use crate::i18n::{Lang, Msg};
    let v = crate::ssr::visitor::visitor();
    v.require(|r| r.manages_users())?;
    let st = crate::ssr::visitor::state()?;
    let split = |s: &str| -> Vec<String> {
        s.split(['、', ',', '，', ';', '；'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect()
    };
    let key = Some(form.key.trim().to_string()).filter(|k| !k.is_empty());
    let earlier = match &key {
        Some(k) => {
            let all = st.school(&v)?.current_templates().await?;
            all.into_iter()
                .find(|t| &t.key == k)
                .ok_or(AppError::NotFound)?
                .items
        }
        None => Vec::new(),
    };
    let room_kinds = split(&form.room_kinds)
        .into_iter()
        .map(|name| {
            RoomKind::ALL
                .iter()
                .find(|k| {
                    let msg = Msg::room_kind(**k);
                    k.code() == name
                        || Lang::Zh.t(msg) == name
                        || Lang::En.t(msg).eq_ignore_ascii_case(&name)
                })
                .map(|k| k.code().to_string())
                .ok_or_else(|| Invalid::new(Field::Kind, Problem::UnknownChoice))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let req = crate::inspections::requests::TemplateRequest {
        key,
        name: form.name,
        categories: split(&form.categories),
        room_kinds,
        items: crate::inspections::checklist_text::parse_items(&form.items, &earlier)?,
    };
    crate::ssr::inspections::save_template(&st, &v, req).await?;
    Ok(Saved {
        url: "/manage/checklists".into(),
    })
}
