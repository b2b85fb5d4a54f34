//! Closing a ledger's week or month (周周清、月月清): what is open in each ledger of a period,
//! closing it with the checksum of its CSV as it stands, and the admin's reopening. REST and
//! the pages both call this.

use super::file::{FileKind, LedgerFile};
use super::period::Period;
use super::store::NewClosing;
use super::SheetReader;
use crate::domain::{optional_text, Field, Invalid, Problem};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::inspections::Template;
use crate::ledgers::closing::{
    may_close, may_reopen, ClosableLedger, Closing, ClosingDesk, LedgerState,
};
use crate::ssr::clock::school_today;
use crate::ssr::state::AppState;
use crate::ssr::store::Store;
use crate::ssr::visitor::Visitor;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use uuid::Uuid;

/// Every ledger that closes by period: repairs, hazards, and each checklist's record.
pub(crate) fn closable(templates: &[Template]) -> Vec<ClosableLedger> {
    [ClosableLedger::Repairs, ClosableLedger::Hazards]
        .into_iter()
        .chain(
            templates
                .iter()
                .map(|t| ClosableLedger::Inspections(t.key.clone())),
        )
        .collect()
}

/// Who holds each 分工 duty, asked of the store once per duty.
type DutyHolders = HashMap<&'static str, Option<Uuid>>;

/// Whether the asker may close `ledger`: a manager, or whoever the 分工 table names for it.
async fn asker_may_close(
    school: &dyn Store,
    v: &Visitor,
    ledger: &ClosableLedger,
    templates: &[Template],
    holders: &mut DutyHolders,
) -> AppResult<bool> {
    let user = v.signed_in()?;
    if user.role.manages_register() {
        return Ok(true);
    }
    let (categories, kinds) = match ledger {
        ClosableLedger::Inspections(key) => templates
            .iter()
            .find(|t| &t.key == key)
            .map(|t| {
                let kinds = t.room_kinds.iter().map(|k| k.code().to_string());
                (t.categories.clone(), kinds.collect())
            })
            .unwrap_or_default(),
        _ => (Vec::new(), Vec::new()),
    };
    let duty = ledger.duty(&categories, &kinds);
    let holder = match holders.get(duty) {
        Some(known) => *known,
        None => {
            let found = school.duty_holder(duty).await?.map(|h| h.id);
            *holders.entry(duty).or_insert(found)
        }
    };
    Ok(may_close(user.role, holder == Some(user.id)))
}

/// The closable ledgers of `period` (this month when none): each one's closing, earlier
/// reopened closings, what is open in it, and whether the asker may close it. Staff and up.
pub async fn desk(st: &AppState, v: &Visitor, period: Option<&str>) -> AppResult<ClosingDesk> {
    let user = v.require(|r| r.inspects())?;
    let period = Period::parse(period)?;
    let school = st.school(v)?;
    let templates = school.current_templates().await?;
    let closings = school.closings_of(&period.name).await?;
    let mut reader = SheetReader::new(school.as_ref(), v.lang, &templates);
    let mut holders = DutyHolders::new();
    let mut ledgers = Vec::new();
    for ledger in closable(&templates) {
        let code = ledger.code();
        let sheet = reader.read(&ledger, &period).await?;
        let (reopened, in_force): (Vec<Closing>, Vec<Closing>) = closings
            .iter()
            .filter(|c| c.ledger == code)
            .cloned()
            .partition(|c| c.reopened.is_some());
        ledgers.push(LedgerState {
            may_close: asker_may_close(school.as_ref(), v, &ledger, &templates, &mut holders)
                .await?,
            ledger: code,
            title: sheet.title,
            closing: in_force.into_iter().last(),
            reopened,
            open_items: sheet.open,
        });
    }
    Ok(ClosingDesk {
        first: period.first.to_string(),
        last: period.next.pred_opt().unwrap_or(period.next).to_string(),
        period: period.name,
        ledgers,
        may_reopen: may_reopen(user.role),
    })
}

/// Closes `ledger` for `period` (a week or a month that has begun): records who and when,
/// what is open in it, and the SHA-256 of its CSV export (Chinese headers) as it stands.
pub async fn close(st: &AppState, v: &Visitor, ledger: &str, period: &str) -> AppResult<Closing> {
    v.require(|r| r.inspects())?;
    let ledger = ClosableLedger::parse(ledger)?;
    if period.trim().is_empty() {
        return Err(Invalid::new(Field::Period, Problem::Required).into());
    }
    let period = Period::parse(Some(period))?;
    if period.first > school_today() {
        return Err(Invalid::new(Field::Ledger, Problem::NotYet).into());
    }
    let school = st.school(v)?;
    let templates = school.current_templates().await?;
    if let ClosableLedger::Inspections(key) = &ledger {
        if !templates.iter().any(|t| &t.key == key) {
            return Err(AppError::NotFound);
        }
    }
    let mut holders = DutyHolders::new();
    if !asker_may_close(school.as_ref(), v, &ledger, &templates, &mut holders).await? {
        return Err(AppError::Forbidden);
    }
    let sheet = SheetReader::new(school.as_ref(), Lang::Zh, &templates)
        .read(&ledger, &period)
        .await?;
    let mut file: Option<LedgerFile> = None;
    sheet.write_into(&mut file, FileKind::Csv, None)?;
    let bytes = file.ok_or(AppError::Internal)?.finish()?;
    let closing = NewClosing {
        id: Uuid::now_v7(),
        ledger: ledger.code(),
        period,
        open_items: sheet.open,
        sha256: format!("{:x}", Sha256::digest(&bytes)),
    };
    school.close_period(v.actor(), closing).await
}

/// Reopens a closed period (the admin only), with the reason in the history.
pub async fn reopen(st: &AppState, v: &Visitor, id: Uuid, reason: &str) -> AppResult<Closing> {
    v.require(may_reopen)?;
    let reason = optional_text(Field::Reason, reason, 500)?
        .ok_or(Invalid::new(Field::Reason, Problem::Required))?;
    st.school(v)?.reopen_period(v.actor(), id, reason).await
}
