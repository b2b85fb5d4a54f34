//! Exporting the ledgers (台账): each one read from the store a page at a time and written as
//! XLSX or CSV. The asset manager and the admin export.

pub mod closings;
pub mod file;
pub mod period;
pub mod store;

use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, Msg};
use crate::inspections::Template;
use crate::ledgers::closing::{self, ClosableLedger, OpenItem};
use crate::ledgers::{
    compensation, hazards, inspections, register, repairs, supplies, Cell, Column,
};
use crate::model::Paging;
use crate::ssr::clock::school_today;
use crate::ssr::compensation::store::CaseFilter;
use crate::ssr::register::writer;
use crate::ssr::state::AppState;
use crate::ssr::store::Store;
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

/// A ledger of a period, for the asset manager and the admin: the repair ledger (维修台账) or
/// the hazard rectification ledger (安全隐患整改台账) of a month or a week (`period`; this month
/// when none), or a checklist's inspection record (检查记录表) — for `fire_equipment` the monthly
/// fire-equipment record of GB 50444 appendix C — which also takes months `2026-09..2026-12`, a
/// sheet each named by its month.
pub async fn period_export(
    st: &AppState,
    v: &Visitor,
    ledger: &ClosableLedger,
    period: Option<&str>,
    kind: FileKind,
) -> AppResult<Export> {
    writer(v)?;
    let periods = match ledger {
        ClosableLedger::Inspections(_) => Period::months(period)?,
        _ => vec![Period::parse(period)?],
    };
    let school = st.school(v)?;
    period_ledger(school.as_ref(), v.lang, ledger, &periods, kind).await
}

/// A closable ledger over `periods`, a sheet each; a closed period's sheet ends with who closed
/// it and the checksum of its CSV at closing.
async fn period_ledger(
    school: &dyn Store,
    lang: Lang,
    ledger: &ClosableLedger,
    periods: &[Period],
    kind: FileKind,
) -> AppResult<Export> {
    let templates = school.current_templates().await?;
    let mut reader = SheetReader::new(school, lang, &templates);
    let mut file: Option<LedgerFile> = None;
    let mut title = String::new();
    for period in periods {
        let sheet = reader.read(ledger, period).await?;
        let closing = school
            .closing_in_force(&ledger.code(), &period.name)
            .await?;
        let footer = closing.map(|c| c.footer(lang));
        sheet.write_into(&mut file, kind, footer.as_deref())?;
        title = sheet.title;
    }
    let file = file.ok_or(AppError::NotFound)?;
    let span = match (periods.first(), periods.last()) {
        (Some(a), Some(b)) if a != b => format!("{}..{}", a.name, b.name),
        (Some(a), _) => a.name.clone(),
        _ => String::new(),
    };
    export(file, kind, &title, &span).await
}

/// One period of a closable ledger: its rows and what is still open in it.
pub(crate) struct PeriodSheet {
    /// The ledger's title (the file is named by it).
    pub title: String,
    /// The sheet's name: the ledger's, or the period's in an inspection record.
    pub name: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    pub open: Vec<OpenItem>,
}

/// Reads the sheets of a period's ledgers, fetching the period's tickets once for both the
/// repair and the hazard ledger.
pub(crate) struct SheetReader<'a> {
    school: &'a dyn Store,
    lang: Lang,
    templates: &'a [Template],
    /// The tickets of the period named, as last read.
    tickets: Option<(String, Vec<repairs::RepairEntry>)>,
}

impl<'a> SheetReader<'a> {
    pub(crate) fn new(school: &'a dyn Store, lang: Lang, templates: &'a [Template]) -> Self {
        SheetReader {
            school,
            lang,
            templates,
            tickets: None,
        }
    }

    async fn tickets(&mut self, period: &Period) -> AppResult<&[repairs::RepairEntry]> {
        if self
            .tickets
            .as_ref()
            .is_none_or(|(name, _)| name != &period.name)
        {
            let (start, end) = period.span();
            let entries = self.school.repair_entries(start, end).await?;
            self.tickets = Some((period.name.clone(), entries));
        }
        Ok(self.tickets.as_ref().map_or(&[], |(_, e)| e.as_slice()))
    }

    /// `ledger`'s sheet of `period`: its rows and what is open in it.
    pub(crate) async fn read(
        &mut self,
        ledger: &ClosableLedger,
        period: &Period,
    ) -> AppResult<PeriodSheet> {
        let lang = self.lang;
        let title = ledger.title(lang, self.templates);
        Ok(match ledger {
            ClosableLedger::Repairs => {
                let entries = self.tickets(period).await?;
                PeriodSheet {
                    name: title.clone(),
                    title,
                    columns: repairs::columns(lang),
                    rows: entries.iter().map(|e| repairs::row(lang, e)).collect(),
                    open: closing::open_repairs(entries),
                }
            }
            ClosableLedger::Hazards => {
                let entries = self.tickets(period).await?;
                PeriodSheet {
                    name: title.clone(),
                    title,
                    columns: hazards::columns(lang),
                    rows: entries
                        .iter()
                        .filter_map(|e| hazards::row(lang, e))
                        .collect(),
                    open: closing::open_hazards(entries),
                }
            }
            ClosableLedger::Inspections(key) => {
                let template = self
                    .templates
                    .iter()
                    .find(|t| &t.key == key)
                    .ok_or(AppError::NotFound)?;
                let (start, end) = period.span();
                let things = self
                    .school
                    .checked_things(&template.categories, &template.room_kinds)
                    .await?;
                let done = self.school.checklist_inspections(key, start, end).await?;
                PeriodSheet {
                    title,
                    name: period.name.clone(),
                    columns: inspections::columns(lang, template),
                    rows: inspections::rows(lang, template, &things, &done),
                    open: inspections::unchecked(&things, &done),
                }
            }
        })
    }
}

impl PeriodSheet {
    /// Writes this sheet into `file` (a new file when none), with `footer` under it.
    pub(crate) fn write_into(
        &self,
        file: &mut Option<LedgerFile>,
        kind: FileKind,
        footer: Option<&[String]>,
    ) -> AppResult<()> {
        let f = match file {
            Some(f) => {
                f.next_sheet(&self.name, &self.columns)?;
                f
            }
            None => file.insert(LedgerFile::new(kind, &self.name, &self.columns)?),
        };
        for row in &self.rows {
            f.write(row)?;
        }
        if let Some(lines) = footer {
            f.footer(lines)?;
        }
        Ok(())
    }
}

/// The supplies ledger (物品出入库台账) of a month or week (this month when none): its
/// receipts and issues in order, then each item's balance.
pub async fn supplies(
    st: &AppState,
    v: &Visitor,
    period: Option<&str>,
    kind: FileKind,
) -> AppResult<Export> {
    writer(v)?;
    let period = Period::parse(period)?;
    let school = st.school(v)?;
    let (start, end) = period.span();
    let lang = v.lang;
    let moves = school.supply_moves_between(start, end).await?;
    let balances = school.supply_balances(start, end).await?;
    let sheet = lang.t(Msg::LedgerSupplyMoves);
    let mut file = LedgerFile::new(kind, sheet, &supplies::move_columns(lang))?;
    for m in &moves {
        file.write(&supplies::move_row(m))?;
    }
    let sheet = lang.t(Msg::LedgerSupplyBalances);
    file.next_sheet(sheet, &supplies::balance_columns(lang))?;
    for b in &balances {
        file.write(&supplies::balance_row(lang, b))?;
    }
    export(file, kind, lang.t(Msg::LedgerSupplies), &period.name).await
}

/// The compensation ledger (赔偿台账) of the filter's cases: a semester's (all when none),
/// only the unpaid ones when it says so.
pub async fn compensations(
    st: &AppState,
    v: &Visitor,
    filter: CaseFilter,
    kind: FileKind,
) -> AppResult<Export> {
    writer(v)?;
    let name = filter.semester.clone().unwrap_or_else(|| "all".into());
    let cases = st.school(v)?.compensations(&filter, Paging::ALL).await?;
    let title = "赔偿台账";
    let mut file = LedgerFile::new(kind, title, &compensation::columns())?;
    for case in &cases {
        file.write(&compensation::row(case))?;
    }
    export(file, kind, title, &name).await
}
