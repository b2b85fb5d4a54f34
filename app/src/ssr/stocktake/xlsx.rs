//! 盘点报告 as an Excel workbook, in the visitor's language: a sheet for each of the report's
//! tables (汇总, 盘亏, 位置不符, 盘盈, 盘点人), numbers as numbers.

use super::tables::{tables, Cell};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::stocktake::report::Report;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

/// The workbook's bytes.
pub fn workbook(r: &Report, lang: Lang) -> AppResult<Vec<u8>> {
    build(r, lang).map_err(|e| {
        tracing::error!("stocktake workbook: {e}");
        AppError::Internal
    })
}

fn write_row(
    sheet: &mut Worksheet,
    row: u32,
    cells: &[Cell],
    format: &Format,
) -> Result<(), XlsxError> {
    for (c, cell) in cells.iter().enumerate() {
        match cell {
            Cell::Text(t) => sheet.write_string_with_format(row, c as u16, t, format)?,
            Cell::Number(n) => sheet.write_number_with_format(row, c as u16, *n as f64, format)?,
        };
    }
    Ok(())
}

fn build(r: &Report, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let (bold, plain) = (Format::new().set_bold(), Format::new());
    let mut book = Workbook::new();
    for table in tables(r, lang) {
        let sheet = book.add_worksheet();
        sheet.set_name(lang.t(table.title))?;
        for (c, column) in table.columns.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, lang.t(column.title), &bold)?;
            sheet.set_column_width(c as u16, 6.0 + 7.0 * f64::from(column.share))?;
        }
        let mut row = 1;
        for cells in &table.rows {
            write_row(sheet, row, cells, &plain)?;
            row += 1;
        }
        if let Some(total) = &table.total {
            write_row(sheet, row, total, &bold)?;
        }
    }
    book.save_to_buffer()
}
