//! A label job from request to PDF: check it, read what each label says, draw, and log the
//! print — the same path for the API and the labels page.

use super::font::{label_font, LabelFont};
use super::{preview_svg, render_pdf, LabelRun};
use crate::domain::{Field, Invalid, Problem, TagCode};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::labels::{LabelItem, LabelJob, LabelKind, Selection, Stock, StockChoice};
use crate::ssr::labels::store::PrintRecord;
use crate::ssr::state::AppState;
use crate::ssr::store::Store;
use crate::ssr::visitor::Visitor;
use std::collections::HashSet;
use std::sync::Arc;

/// A checked job with its labels read from the register.
pub struct PreparedJob {
    pub stock: Stock,
    pub skip: usize,
    pub items: Vec<LabelItem>,
    /// Unassigned tags made for this job (logged and created only when it prints).
    pub new_tags: Vec<TagCode>,
}

/// A printed job: the PDF and what it holds.
pub struct PrintedJob {
    pub pdf: Vec<u8>,
    pub labels: usize,
    pub pages: usize,
}

/// A job's first pages as SVG, with its totals.
pub struct PreviewedJob {
    pub sheets: Vec<String>,
    pub labels: usize,
    pub pages: usize,
    pub stock: Stock,
}

/// The stock a job names: built-in, saved, or given whole.
pub async fn resolve_stock(school: &dyn Store, choice: &StockChoice) -> AppResult<Stock> {
    match choice {
        StockChoice::Custom(spec) => Ok(spec.validate("custom")?),
        StockChoice::Named(key) => match Stock::built_in(key) {
            Some(stock) => Ok(stock),
            None => school
                .custom_stock(key)
                .await?
                .ok_or_else(|| Invalid::new(Field::Stock, Problem::UnknownChoice).into()),
        },
    }
}

/// Checks the job and reads its labels; nothing is written.
pub async fn prepare(school: &dyn Store, job: &LabelJob) -> AppResult<PreparedJob> {
    let stock = resolve_stock(school, &job.stock).await?;
    let skip = job.skip_on(&stock)?;
    let selection = job.selection()?;
    let (items, new_tags) = match selection {
        Selection::NewTags(n) => {
            let mut seen = HashSet::new();
            let codes: Vec<TagCode> = std::iter::repeat_with(TagCode::random)
                .filter(|c| seen.insert(c.as_str().to_string()))
                .take(n)
                .collect();
            let items = codes.iter().map(blank_label).collect();
            (items, codes)
        }
        other => (school.label_items(&other).await?, Vec::new()),
    };
    if items.is_empty() {
        return Err(Invalid::new(Field::Selection, Problem::Empty).into());
    }
    Ok(PreparedJob {
        stock,
        skip,
        items,
        new_tags,
    })
}

fn blank_label(code: &TagCode) -> LabelItem {
    LabelItem {
        tag: code.as_str().to_string(),
        kind: LabelKind::Blank,
        title: String::new(),
        place: None,
        asset_code: None,
        custodian: None,
    }
}

/// The label font, or a translated "not installed" error.
pub fn font(state: &AppState) -> AppResult<Arc<LabelFont>> {
    label_font(state.settings.label_font.as_ref()).map_err(|e| {
        tracing::error!("label font: {e}");
        AppError::LabelFontMissing
    })
}

/// Draws on a blocking thread: a thousand labels take a noticeable fraction of a second.
async fn draw<T: Send + 'static>(
    state: &AppState,
    school: &dyn Store,
    job: &LabelJob,
    prepared: PreparedJob,
    lang: Lang,
    f: impl FnOnce(&LabelFont, &LabelRun<'_>) -> AppResult<T> + Send + 'static,
) -> AppResult<(T, PreparedJob)> {
    let font = font(state)?;
    let school = school.school_name().await?;
    let public_url = state.settings.public_url.clone();
    let custodian = job.custodian;
    tokio::task::spawn_blocking(move || {
        let run = LabelRun {
            stock: &prepared.stock,
            skip: prepared.skip,
            items: &prepared.items,
            school: &school,
            public_url: &public_url,
            custodian,
            lang,
        };
        let out = f(&font, &run)?;
        Ok((out, prepared))
    })
    .await
    .map_err(AppError::internal)?
}

/// Makes the PDF and logs the print (creating any new tags) in one transaction, as `v` of
/// their school.
pub async fn print(
    state: &AppState,
    v: &Visitor,
    job: &LabelJob,
    lang: Lang,
) -> AppResult<PrintedJob> {
    let school = state.school(v)?;
    let prepared = prepare(school.as_ref(), job).await?;
    let (pdf, prepared) = draw(state, school.as_ref(), job, prepared, lang, render_pdf_of).await?;
    let pages = (prepared.skip + prepared.items.len()).div_ceil(prepared.stock.per_page());
    let labels = prepared.items.len();
    let record = PrintRecord {
        stock: prepared.stock.key.clone(),
        skip: prepared.skip,
        tags: prepared.items.into_iter().map(|i| i.tag).collect(),
        new_tags: prepared.new_tags,
        request: serde_json::to_value(job).map_err(AppError::internal)?,
    };
    school.log_print(v.actor(), record).await?;
    Ok(PrintedJob { pdf, labels, pages })
}

fn render_pdf_of(font: &LabelFont, run: &LabelRun<'_>) -> AppResult<Vec<u8>> {
    render_pdf(font, run)
}

/// The first `pages` pages as SVG; nothing is logged.
pub async fn preview(
    state: &AppState,
    v: &Visitor,
    job: &LabelJob,
    pages: usize,
    lang: Lang,
) -> AppResult<PreviewedJob> {
    let school = state.school(v)?;
    let prepared = prepare(school.as_ref(), job).await?;
    let (sheets, prepared) = draw(
        state,
        school.as_ref(),
        job,
        prepared,
        lang,
        move |font, run| preview_svg(font, run, pages),
    )
    .await?;
    Ok(PreviewedJob {
        sheets,
        labels: prepared.items.len(),
        pages: (prepared.skip + prepared.items.len()).div_ceil(prepared.stock.per_page()),
        stock: prepared.stock,
    })
}
