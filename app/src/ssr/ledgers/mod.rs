//! Exporting the ledgers (台账): each one read from the store a page at a time and written as
//! XLSX or CSV. The asset manager and the admin export.

pub mod file;
pub mod period;
pub mod store;

use crate::error::AppResult;
use crate::i18n::Msg;
use crate::ledgers::{register, repairs};
use crate::ssr::clock::school_today;
use crate::ssr::register::writer;
use crate::ssr::state::AppState;
use crate::ssr::visitor::Visitor;
use file::{FileKind, LedgerFile};
use period::Period;

/// Assets read from the store at a time while the register is written.
const REGISTER_PAGE: i64 = 2_000;

/// An exported ledger, ready to send.
pub struct Export {
    pub file_name: String,
    pub kind: FileKind,
    pub bytes: Vec<u8>,
}

/// The register (资产登记表) as the importer reads it back: every asset of the school.
pub async fn register(st: &AppState, v: &Visitor, kind: FileKind) -> AppResult<Export> {
    writer(v)?;
    let school = st.school(v)?;
    let title = "资产登记表";
    let mut file = LedgerFile::new(kind, title, &register::columns())?;
    let mut after: Option<String> = None;
    loop {
        let page = school
            .register_entries(after.as_deref(), REGISTER_PAGE)
            .await?;
        for entry in &page {
            file.write(&register::row(entry))?;
        }
        match page.last() {
            Some(last) if page.len() as i64 == REGISTER_PAGE => {
                after = Some(last.asset.asset_code.clone());
            }
            _ => break,
        }
    }
    Ok(Export {
        file_name: format!("{title}-{}.{}", school_today(), kind.extension()),
        kind,
        bytes: file.finish()?,
    })
}

/// The repair ledger (维修台账) of a month or a week (`period`, this month when none).
pub async fn repairs(
    st: &AppState,
    v: &Visitor,
    period: Option<&str>,
    kind: FileKind,
) -> AppResult<Export> {
    writer(v)?;
    let period = Period::parse(period)?;
    let (start, end) = period.span();
    let entries = st.school(v)?.repair_entries(start, end).await?;
    let title = v.lang.t(Msg::LedgerRepairs);
    let mut file = LedgerFile::new(kind, title, &repairs::columns(v.lang))?;
    for entry in &entries {
        file.write(&repairs::row(v.lang, entry))?;
    }
    Ok(Export {
        file_name: format!("{title}-{}.{}", period.name, kind.extension()),
        kind,
        bytes: file.finish()?,
    })
}
