//! The ledgers page's data: the period asked for, and the checklists whose inspection records
//! can be exported. The files themselves are `GET /api/v1/exports/…`.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A checklist by its stable key and its name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChecklistName {
    pub key: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LedgerDeskData {
    /// `2026-12` or `2026-W49`.
    pub period: String,
    /// Its first and last day.
    pub first: String,
    pub last: String,
    pub checklists: Vec<ChecklistName>,
}

#[server(prefix = "/sf", endpoint = "ledger_desk")]
pub async fn ledger_desk(period: Option<String>) -> Result<LedgerDeskData, AppError> {
    use crate::ssr::ledgers::period::Period;
    let v = crate::ssr::visitor::visitor();
    v.require(|r| r.manages_register())?;
    let st = crate::ssr::visitor::state()?;
    let period = Period::parse(period.as_deref())?;
    let checklists = st
        .school(&v)?
        .current_templates()
        .await?
        .into_iter()
        .map(|t| ChecklistName {
            key: t.key,
            name: t.name,
        })
        .collect();
    Ok(LedgerDeskData {
        first: period.first.to_string(),
        last: period.next.pred_opt().unwrap_or(period.next).to_string(),
        period: period.name,
        checklists,
    })
}
