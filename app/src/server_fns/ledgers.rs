//! The ledgers page's data: every closable ledger of the period asked for (what is open in it,
//! its closing), and the forms that close and reopen a period. The files themselves are
//! `GET /api/v1/exports/…`.

use super::Saved;
use crate::error::AppError;
use crate::ledgers::closing::ClosingDesk;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LedgerDeskData {
    pub desk: ClosingDesk,
    /// The asker may download the ledgers (asset manager, admin).
    pub may_export: bool,
}

#[server(prefix = "/sf", endpoint = "ledger_desk")]
pub async fn ledger_desk(period: Option<String>) -> Result<LedgerDeskData, AppError> {
    let v = crate::ssr::visitor::visitor();
    let st = crate::ssr::visitor::state()?;
    let desk = crate::ssr::ledgers::closings::desk(&st, &v, period.as_deref()).await?;
    let may_export = v.user.as_ref().is_some_and(|u| u.role.manages_register());
    Ok(LedgerDeskData { desk, may_export })
}

/// The ledgers page of `period`, where a form goes back to.
#[cfg(feature = "ssr")]
fn back_to(period: &str) -> String {
    format!(
        "/manage/ledgers?period={}",
        crate::pages::encode_query(period)
    )
}

#[server(prefix = "/sf", endpoint = "close_ledger")]
pub async fn close_ledger(ledger: String, period: String) -> Result<Saved, AppError> {
    let v = crate::ssr::visitor::visitor();
    let st = crate::ssr::visitor::state()?;
    crate::ssr::ledgers::closings::close(&st, &v, &ledger, &period).await?;
    Ok(Saved {
        url: back_to(&period),
    })
}

#[server(prefix = "/sf", endpoint = "reopen_ledger")]
pub async fn reopen_ledger(id: String, reason: String, period: String) -> Result<Saved, AppError> {
    let v = crate::ssr::visitor::visitor();
    let st = crate::ssr::visitor::state()?;
    crate::ssr::ledgers::closings::reopen(&st, &v, super::parse_id(&id)?, &reason).await?;
    Ok(Saved {
        url: back_to(&period),
    })
}
