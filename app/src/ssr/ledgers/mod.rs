//! Exporting the ledgers (台账): each one read from the store a page at a time and written as
//! XLSX or CSV. The asset manager and the admin export.

pub mod file;
pub mod period;
pub mod store;

use crate::domain::{Field, Invalid, Problem};
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::inspections::compensation::CaseStatus;
use crate::ledgers::{compensation, inspections, register, repairs};
use crate::ssr::clock::school_today;
use crate::ssr::register::writer;
use crate::ssr::state::AppState;
use crate::ssr::visitor::Visitor;
use file::{FileKind, LedgerFile};
use period::Period;

/// Assets read from the store at a time while the register is written.
const REGISTER_PAGE: i64 = 2_000;

/// The file's bytes, compressed off the async workers (a register of 100,000 assets takes
/// about a second to zip).
async fn finished(file: LedgerFile) -> AppResult<Vec<u8>> {
    tokio::task::spawn_blocking(move || file.finish())
        .await
        .map_err(AppError::internal)?
}

/// The finished file of the ledger `title` covering `span`, named `{title}-{span}.xlsx`.
async fn export(file: LedgerFile, kind: FileKind, title: &str, span: &str) -> AppResult<Export> {
    Ok(Export {
        file_name: format!("{title}-{span}.{}", kind.extension()),
        kind,
        bytes: finished(file).await?,
    })
}

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
    export(file, kind, title, &school_today().to_string()).await
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
    export(file, kind, title, &period.name).await
}

/// The inspection record (检查记录表) of the checklist `key` for a month or a week, or for
/// months `2026-09..2026-12`, a sheet each: everything the checklist covers, with the latest
/// inspection of each in the period. For `fire_equipment` this is the monthly fire-equipment
/// record of GB 50444 appendix C. Each sheet is named by its period.
pub async fn inspection_record(
    st: &AppState,
    v: &Visitor,
    key: Option<&str>,
    period: Option<&str>,
    kind: FileKind,
) -> AppResult<Export> {
    writer(v)?;
    let key = key.map(str::trim).filter(|k| !k.is_empty());
    let key = key.ok_or(Invalid::new(Field::Template, Problem::Required))?;
    let periods = Period::months(period)?;
    let school = st.school(v)?;
    let template = school
        .current_templates()
        .await?
        .into_iter()
        .find(|t| t.key == key)
        .ok_or(AppError::NotFound)?;
    let things = school
        .checked_things(&template.categories, &template.room_kinds)
        .await?;
    let columns = inspections::columns(v.lang, &template);
    let mut file: Option<LedgerFile> = None;
    for period in &periods {
        let (start, end) = period.span();
        let done = school.checklist_inspections(key, start, end).await?;
        match file.as_mut() {
            None => file = Some(LedgerFile::new(kind, &period.name, &columns)?),
            Some(f) => f.next_sheet(&period.name, &columns)?,
        }
        if let Some(f) = file.as_mut() {
            for row in inspections::rows(v.lang, &template, &things, &done) {
                f.write(&row)?;
            }
        }
    }
    let file = file.ok_or(AppError::NotFound)?;
    let span = match (periods.first(), periods.last()) {
        (Some(a), Some(b)) if a != b => format!("{}..{}", a.name, b.name),
        (Some(a), _) => a.name.clone(),
        _ => String::new(),
    };
    let title = format!("{}-{}", v.lang.t(Msg::LedgerInspections), template.name);
    export(file, kind, &title, &span).await
}

/// The compensation ledger (赔偿台账) of a semester (all when none), only the unpaid cases
/// when `open_only`.
pub async fn compensations(
    st: &AppState,
    v: &Visitor,
    semester: Option<String>,
    open_only: bool,
    kind: FileKind,
) -> AppResult<Export> {
    writer(v)?;
    let name = semester.clone().unwrap_or_else(|| "all".into());
    let cases = st.school(v)?.compensations(semester).await?;
    let title = "赔偿台账";
    let mut file = LedgerFile::new(kind, title, &compensation::columns())?;
    for case in cases
        .iter()
        .filter(|c| !open_only || c.status == CaseStatus::Open)
    {
        file.write(&compensation::row(case))?;
    }
    export(file, kind, title, &name).await
}
