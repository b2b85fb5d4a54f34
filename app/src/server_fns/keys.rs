//! The key cabinet's pages' data and actions: everyone of the school sees the keys and who holds
//! them; the keeper and the staff on duty lend and take back; the keeper registers keys.

use super::Saved;
#[cfg(feature = "ssr")]
use super::{asker, count};
use crate::error::AppError;
use crate::keys::{Key, KeyLoan};
use crate::model::{Named, Page};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The key cabinet page: the keys, those overdue, what the asker may do, and the rooms a key
/// may open (for the keeper's form).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CabinetView {
    pub keys: Page<Key>,
    pub overdue: Vec<KeyLoan>,
    pub lends: bool,
    pub keeps: bool,
    pub rooms: Vec<Named>,
}

/// One key's page (what its tag opens): the key, its latest loans, what the asker may do, and
/// the rooms for the keeper's form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeyView {
    pub key: Key,
    pub loans: Vec<KeyLoan>,
    pub lends: bool,
    pub keeps: bool,
    pub rooms: Vec<Named>,
}

/// Loans a key's page shows.
#[cfg(feature = "ssr")]
const LOANS_SHOWN: i64 = 20;

/// The rooms a key may open, for the keeper's form; none for anyone else.
#[cfg(feature = "ssr")]
async fn rooms_for(
    st: &crate::ssr::state::AppState,
    v: &crate::ssr::visitor::Visitor,
    keeps: bool,
) -> Result<Vec<Named>, AppError> {
    if keeps {
        st.school(v)?.room_choices().await
    } else {
        Ok(Vec::new())
    }
}

/// The key a scanned tag names (the tag page calls this) or a key's page shows.
#[cfg(feature = "ssr")]
pub(crate) async fn key_view(
    st: &crate::ssr::state::AppState,
    v: &crate::ssr::visitor::Visitor,
    id: uuid::Uuid,
) -> Result<KeyView, AppError> {
    use crate::keys::{keeps_keys, lends_keys};
    use crate::model::Paging;
    let role = v.signed_in()?.role;
    let paging = Paging::first(LOANS_SHOWN);
    let (key, loans) = crate::ssr::keys::key_with_loans(st, v, id, paging).await?;
    Ok(KeyView {
        key,
        loans,
        lends: lends_keys(role),
        keeps: keeps_keys(role),
        rooms: rooms_for(st, v, keeps_keys(role)).await?,
    })
}

/// To the key's page, reloaded.
#[cfg(feature = "ssr")]
fn key_page(id: uuid::Uuid) -> Saved {
    Saved {
        url: format!("/keys/{id}?saved={}", uuid::Uuid::now_v7()),
    }
}

#[server(prefix = "/sf", endpoint = "key_cabinet")]
pub async fn key_cabinet(q: String, out: String) -> Result<CabinetView, AppError> {
    use crate::keys::{keeps_keys, lends_keys, sees_keys};
    use crate::model::{ListQuery, Paging};
    use crate::ssr::keys::store::{KeyFilter, LoanFilter};
    let (v, st) = asker(sees_keys)?;
    let role = v.signed_in()?.role;
    let list = ListQuery {
        q: Some(q),
        limit: Some(ListQuery::MAX_LIMIT),
        offset: None,
    };
    let filter = KeyFilter {
        list,
        out_only: !out.trim().is_empty(),
        room: None,
    };
    let keys = crate::ssr::keys::keys(&st, &v, filter).await?;
    let overdue = LoanFilter {
        overdue_only: true,
        ..LoanFilter::default()
    };
    let overdue = crate::ssr::keys::loans(&st, &v, overdue, Paging::first(100)).await?;
    Ok(CabinetView {
        keys,
        overdue,
        lends: lends_keys(role),
        keeps: keeps_keys(role),
        rooms: rooms_for(&st, &v, keeps_keys(role)).await?,
    })
}

#[server(prefix = "/sf", endpoint = "key_card")]
pub async fn key_card(id: String) -> Result<KeyView, AppError> {
    let (v, st) = asker(crate::keys::sees_keys)?;
    key_view(&st, &v, super::parse_id(&id)?).await
}

#[server(prefix = "/sf", endpoint = "save_key")]
pub async fn save_key(
    id: String,
    name: String,
    kind: String,
    room: String,
    hook: String,
    pieces: String,
    note: String,
) -> Result<Saved, AppError> {
    use crate::domain::Field;
    use crate::keys::{keeps_keys, KeyInput};
    let (v, st) = asker(keeps_keys)?;
    let input = KeyInput {
        name,
        kind,
        room_id: match room.trim() {
            "" => None,
            raw => Some(super::parse_id(raw)?),
        },
        hook: Some(hook),
        pieces: match pieces.trim() {
            "" => None,
            raw => Some(count(raw, Field::Pieces)?),
        },
        note: Some(note),
    };
    let key = if id.trim().is_empty() {
        crate::ssr::keys::add(&st, &v, &input).await?
    } else {
        crate::ssr::keys::edit(&st, &v, super::parse_id(&id)?, &input).await?
    };
    Ok(key_page(key.id))
}

#[server(prefix = "/sf", endpoint = "lend_key")]
pub async fn lend_key(
    id: String,
    borrower: String,
    due_at: String,
    note: String,
) -> Result<Saved, AppError> {
    use crate::keys::{lends_keys, LendInput};
    let (v, st) = asker(lends_keys)?;
    let input = LendInput {
        borrower,
        due_at: Some(due_at),
        note: Some(note),
    };
    let key = crate::ssr::keys::lend(&st, &v, super::parse_id(&id)?, &input).await?;
    Ok(key_page(key.id))
}

#[server(prefix = "/sf", endpoint = "return_key")]
pub async fn return_key(id: String) -> Result<Saved, AppError> {
    let (v, st) = asker(crate::keys::lends_keys)?;
    let key = crate::ssr::keys::take_back(&st, &v, super::parse_id(&id)?).await?;
    Ok(key_page(key.id))
}
