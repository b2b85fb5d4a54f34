//! The labels page's data: what can be picked, the preview of a job, saved stocks and the
//! print log. Printing itself is `POST /api/v1/labels` (a PDF download with progress).

use super::Saved;
use crate::error::AppError;
use crate::labels::{LabelJob, StockSpec};
use crate::model::{Named, PrintJob};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A stock as the picker lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StockOption {
    pub key: String,
    pub built_in: bool,
    pub per_page: usize,
    pub label_mm: (f32, f32),
}

/// A checked job's first pages, drawn as they print.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LabelPreview {
    pub labels: usize,
    pub pages: usize,
    /// SVG of the first pages.
    pub sheets: Vec<String>,
    /// The job as JSON, for the download button to post.
    pub job: String,
}

/// Everything the labels page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeskData {
    pub buildings: Vec<Named>,
    pub rooms: Vec<Named>,
    pub categories: Vec<String>,
    pub stocks: Vec<StockOption>,
    pub prints: Vec<PrintJob>,
    /// Where label QR codes point.
    pub public_url: String,
    /// The job's preview, or why it cannot print; `None` before the first preview.
    pub preview: Option<Result<LabelPreview, AppError>>,
}

/// Pages of a job the preview draws.
pub const PREVIEW_PAGES: usize = 2;
/// Print-log entries the page lists.
#[cfg(feature = "ssr")]
const RECENT_PRINTS: i64 = 10;

#[server(prefix = "/sf", endpoint = "label_desk")]
pub async fn label_desk(job: Option<LabelJob>) -> Result<DeskData, AppError> {
    use crate::labels::Stock;
    use crate::ssr::labels::print::preview;
    let v = crate::ssr::visitor::visitor();
    v.require(|r| r.manages_register())?;
    let st = crate::ssr::visitor::state()?;
    let school = st.school(&v)?;
    let option = |s: &Stock, built_in| StockOption {
        key: s.key.clone(),
        built_in,
        per_page: s.per_page(),
        label_mm: (s.label_width.mm(), s.label_height.mm()),
    };
    let custom = school.custom_stocks().await?;
    let stocks = Stock::all_built_in()
        .iter()
        .map(|s| option(s, true))
        .chain(custom.iter().map(|s| option(s, false)))
        .collect();
    let preview = match job {
        None => None,
        Some(job) => Some(
            preview(&st, &v, &job, PREVIEW_PAGES, v.lang)
                .await
                .and_then(|p| {
                    Ok(LabelPreview {
                        labels: p.labels,
                        pages: p.pages,
                        sheets: p.sheets,
                        job: serde_json::to_string(&job).map_err(AppError::internal)?,
                    })
                }),
        ),
    };
    let buildings = school.list_buildings().await?;
    Ok(DeskData {
        buildings: buildings
            .into_iter()
            .map(|b| Named {
                id: b.id,
                name: b.name,
            })
            .collect(),
        rooms: school.room_choices().await?,
        categories: school.categories().await?,
        stocks,
        prints: school
            .recent_prints(crate::model::Paging::first(RECENT_PRINTS))
            .await?,
        public_url: st.settings.public_url.clone(),
        preview,
    })
}

/// The custom-stock form as typed: millimetres and counts as text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StockForm {
    pub name: String,
    pub page_width_mm: String,
    pub page_height_mm: String,
    pub columns: String,
    pub rows: String,
    pub margin_left_mm: String,
    pub margin_top_mm: String,
    pub gap_x_mm: String,
    pub gap_y_mm: String,
    pub label_width_mm: String,
    pub label_height_mm: String,
}

impl StockForm {
    /// The spec, or the first field that is not a number (empty margins and gaps are 0).
    pub fn spec(&self) -> Result<StockSpec, crate::domain::Invalid> {
        use crate::domain::{Field, Invalid, Problem};
        let num = |raw: &str, field: Field, default: Option<f64>| {
            let raw = raw.trim();
            match (raw.is_empty(), default) {
                (true, Some(d)) => Ok(d),
                (true, None) => Err(Invalid::new(field, Problem::Required)),
                _ => raw
                    .parse::<f64>()
                    .map_err(|_| Invalid::new(field, Problem::Malformed)),
            }
        };
        let count = |raw: &str, field| num(raw, field, None).map(|n| n as i64);
        Ok(StockSpec {
            page_width_mm: num(&self.page_width_mm, Field::PageWidth, None)?,
            page_height_mm: num(&self.page_height_mm, Field::PageHeight, None)?,
            columns: count(&self.columns, Field::Columns)?,
            rows: count(&self.rows, Field::Rows)?,
            margin_left_mm: num(&self.margin_left_mm, Field::MarginLeft, Some(0.0))?,
            margin_top_mm: num(&self.margin_top_mm, Field::MarginTop, Some(0.0))?,
            gap_x_mm: num(&self.gap_x_mm, Field::GapX, Some(0.0))?,
            gap_y_mm: num(&self.gap_y_mm, Field::GapY, Some(0.0))?,
            label_width_mm: num(&self.label_width_mm, Field::LabelWidth, None)?,
            label_height_mm: num(&self.label_height_mm, Field::LabelHeight, None)?,
        })
    }
}

#[server(prefix = "/sf", endpoint = "save_label_stock")]
pub async fn save_label_stock(form: StockForm) -> Result<Saved, AppError> {
    let v = crate::ssr::visitor::visitor();
    v.require(|r| r.manages_register())?;
    let st = crate::ssr::visitor::state()?;
    let name = crate::labels::custom_stock_name(&form.name)?;
    let stock = form.spec()?.validate(&name)?;
    st.school(&v)?.save_stock(v.actor(), &stock).await?;
    Ok(Saved {
        url: format!(
            "/manage/labels?stock={}",
            crate::pages::encode_query(&stock.key)
        ),
    })
}
