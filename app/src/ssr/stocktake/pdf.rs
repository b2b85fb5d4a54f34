//! 盘点报告 as an A4 PDF to print, sign and file, in the visitor's language (Chinese by
//! default): the school's name, the stocktake with its state and dates, the report's tables,
//! and lines for the 盘点人, 监盘人 and 负责人 to sign.

use super::tables::{minutes, tables, Cell};
use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, Msg};
use crate::ssr::document::{Column, Document};
use crate::ssr::labels::font::LabelFont;
use crate::stocktake::report::Report;

/// The line under the title: state, dates and who started it.
fn facts(r: &Report, lang: Lang) -> String {
    let head = &r.stocktake.head;
    let mut parts = vec![
        lang.t(head.status.msg()).to_string(),
        format!("{} {}", lang.t(Msg::StartedOn), minutes(&head.started_at)),
    ];
    if let Some(due) = &head.due {
        parts.push(format!("{} {due}", lang.t(Msg::DueBy)));
    }
    if let Some(at) = &head.finished_at {
        parts.push(format!("{} {}", lang.t(Msg::FinishedOn), minutes(at)));
    }
    if let Some(by) = &head.started_by {
        parts.push(format!("{} {}", lang.t(Msg::StartedBy), by.name));
    }
    parts.join(" · ")
}

/// The report's pages; `printed_at` goes in every page's footer.
pub fn document(
    font: &LabelFont,
    r: &Report,
    school: &str,
    lang: Lang,
    printed_at: &str,
) -> AppResult<Vec<u8>> {
    let mut doc = Document::new(font);
    doc.text(school, 12.0, false);
    doc.text(lang.t(Msg::ReportLink), 20.0, true);
    doc.text(&r.stocktake.head.name, 13.0, false);
    doc.text(&facts(r, lang), 9.0, false);
    for table in tables(r, lang) {
        doc.heading(lang.t(table.title));
        let numeric = |i: usize| {
            (table.rows.iter().chain(&table.total))
                .any(|row| matches!(row.get(i), Some(Cell::Number(_))))
        };
        let columns: Vec<Column> = (table.columns.iter().enumerate())
            .map(|(i, c)| Column {
                title: lang.t(c.title).to_string(),
                share: c.share,
                numeric: numeric(i),
            })
            .collect();
        let text = |row: &Vec<Cell>| row.iter().map(Cell::text).collect::<Vec<_>>();
        let rows: Vec<Vec<String>> = table.rows.iter().map(text).collect();
        let total = table.total.as_ref().map(text);
        doc.table(&columns, &rows, total.as_deref(), lang.t(Msg::None_));
    }
    let signers =
        [Msg::SignCounter, Msg::SignSupervisor, Msg::SignHead].map(|m| lang.t(m).to_string());
    doc.signatures(&signers, lang.t(Msg::SignDate));
    let title = format!("{} · {}", lang.t(Msg::ReportLink), r.stocktake.head.name);
    let footer = format!(
        "{school} · {title} · {} {printed_at}",
        lang.t(Msg::PrintedOn)
    );
    doc.finish(font, &title, &footer, |n, total| {
        lang.t(Msg::PageOf)
            .replace("{n}", &n.to_string())
            .replace("{total}", &total.to_string())
    })
}

/// Draws on a blocking thread (a large school's report runs to dozens of pages).
pub async fn render(
    font: std::sync::Arc<LabelFont>,
    report: Report,
    school: String,
    lang: Lang,
    printed_at: String,
) -> AppResult<Vec<u8>> {
    tokio::task::spawn_blocking(move || document(&font, &report, &school, lang, &printed_at))
        .await
        .map_err(AppError::internal)?
}
