//! A ledger written out as a file Excel and WPS open with the Chinese intact: XLSX (the header
//! row frozen, columns as wide as the ledger says, days as dates, money as numbers in yuan with
//! two decimals, written a row at a time in constant memory), or CSV in UTF-8 with a byte-order
//! mark, which is how Excel in China knows it is not GBK.

use crate::domain::{Field, Invalid, Problem};
use crate::error::{AppError, AppResult};
use crate::ledgers::{Cell, Column};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

/// The kinds of file a ledger is exported as.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FileKind {
    #[default]
    Xlsx,
    Csv,
}

impl FileKind {
    /// `xlsx` (also when none is asked for) or `csv`.
    pub fn parse(raw: Option<&str>) -> Result<Self, Invalid> {
        match raw.map(|r| r.trim().to_ascii_lowercase()).as_deref() {
            None | Some("") | Some("xlsx") => Ok(Self::Xlsx),
            Some("csv") => Ok(Self::Csv),
            Some(_) => Err(Invalid::new(Field::Selection, Problem::UnknownChoice)),
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Xlsx => "xlsx",
            Self::Csv => "csv",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Self::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Self::Csv => "text/csv; charset=utf-8",
        }
    }
}

const BOM: &[u8] = "\u{feff}".as_bytes();

enum Out {
    Xlsx {
        book: Box<Workbook>,
        row: u32,
        day: Format,
        yuan: Format,
    },
    Csv(csv::Writer<Vec<u8>>),
}

/// One ledger being written: the header first, then its rows in order.
pub struct LedgerFile {
    out: Out,
}

fn failed(e: impl std::fmt::Display) -> AppError {
    tracing::error!("ledger file: {e}");
    AppError::Internal
}

impl LedgerFile {
    /// A file of one sheet named `sheet`, its header row written.
    pub fn new(kind: FileKind, sheet: &str, columns: &[Column]) -> AppResult<Self> {
        let out = match kind {
            FileKind::Xlsx => Self::xlsx(sheet, columns).map_err(failed)?,
            FileKind::Csv => {
                let mut w = csv::WriterBuilder::new()
                    .terminator(csv::Terminator::CRLF)
                    .flexible(true)
                    .from_writer(BOM.to_vec());
                w.write_record(columns.iter().map(|c| c.header.as_str()))
                    .map_err(failed)?;
                Out::Csv(w)
            }
        };
        Ok(Self { out })
    }

    fn xlsx(sheet: &str, columns: &[Column]) -> Result<Out, XlsxError> {
        let mut book = Box::new(Workbook::new());
        add_sheet(&mut book, sheet, columns)?;
        Ok(Out::Xlsx {
            book,
            row: 1,
            day: Format::new().set_num_format("yyyy-mm-dd"),
            yuan: Format::new().set_num_format("#,##0.00"),
        })
    }

    /// Starts another sheet named `sheet` (a month of a record that spans several); in a CSV,
    /// which has one sheet, a blank line, the name and the header again.
    pub fn next_sheet(&mut self, sheet: &str, columns: &[Column]) -> AppResult<()> {
        match &mut self.out {
            Out::Xlsx { book, row, .. } => {
                *row = 1;
                add_sheet(book, sheet, columns).map_err(failed)
            }
            Out::Csv(w) => {
                w.write_record([""]).map_err(failed)?;
                w.write_record([sheet]).map_err(failed)?;
                w.write_record(columns.iter().map(|c| c.header.as_str()))
                    .map_err(failed)
            }
        }
    }

    /// Writes the next row.
    pub fn write(&mut self, cells: &[Cell]) -> AppResult<()> {
        match &mut self.out {
            Out::Xlsx {
                book,
                row,
                day,
                yuan,
            } => {
                let last = book.worksheets().len().saturating_sub(1);
                let ws = book.worksheet_from_index(last).map_err(failed)?;
                for (i, cell) in cells.iter().enumerate() {
                    let col = i as u16;
                    match cell {
                        Cell::Empty => continue,
                        Cell::Text(t) => ws.write_string(*row, col, t),
                        Cell::Count(n) => ws.write_number(*row, col, *n as f64),
                        Cell::Yuan(f) => {
                            ws.write_number_with_format(*row, col, f.fen() as f64 / 100.0, yuan)
                        }
                        Cell::Day(d) => match ExcelDateTime::parse_from_str(d) {
                            Ok(date) => ws.write_datetime_with_format(*row, col, &date, day),
                            Err(_) => ws.write_string(*row, col, d),
                        },
                    }
                    .map_err(failed)?;
                }
                *row += 1;
                Ok(())
            }
            Out::Csv(w) => w.write_record(cells.iter().map(csv_text)).map_err(failed),
        }
    }

    /// Lines under the table, after a blank row, each in the first column: how a closed
    /// period's export says who closed it and its checksum.
    pub fn footer(&mut self, lines: &[String]) -> AppResult<()> {
        self.write(&[Cell::Empty])?;
        for line in lines {
            self.write(&[Cell::Text(line.clone())])?;
        }
        Ok(())
    }

    /// The file's bytes.
    pub fn finish(self) -> AppResult<Vec<u8>> {
        match self.out {
            Out::Xlsx { mut book, .. } => book.save_to_buffer().map_err(failed),
            Out::Csv(w) => w.into_inner().map_err(failed),
        }
    }
}

/// A sheet of its own, its header row written in bold and frozen, its columns as wide as asked.
fn add_sheet(book: &mut Workbook, sheet: &str, columns: &[Column]) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let ws = book.add_worksheet_with_constant_memory()?;
    ws.set_name(sheet)?;
    for (i, c) in columns.iter().enumerate() {
        // A Chinese character is about two of Excel's width units.
        ws.set_column_width(i as u16, f64::from(c.width) * 2.0)?;
        ws.write_string_with_format(0, i as u16, &c.header, &bold)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn csv_text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) | Cell::Day(t) => t.clone(),
        Cell::Count(n) => n.to_string(),
        Cell::Yuan(f) => {
            let sign = if f.fen() < 0 { "-" } else { "" };
            let fen = f.fen().unsigned_abs();
            format!("{sign}{}.{:02}", fen / 100, fen % 100)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Fen;

    fn columns() -> Vec<Column> {
        ["资产编号", "价值", "取得日期"]
            .map(|h| Column {
                header: h.into(),
                width: 10,
            })
            .to_vec()
    }

    #[test]
    fn a_csv_starts_with_a_bom_and_writes_yuan_with_two_decimals() {
        let mut f = LedgerFile::new(FileKind::Csv, "x", &columns()).unwrap();
        f.write(&[
            Cell::Text("A,1".into()),
            Cell::Yuan(Fen::new(420_050).unwrap()),
            Cell::Day("2016-09-18".into()),
        ])
        .unwrap();
        let bytes = f.finish().unwrap();
        assert!(bytes.starts_with(BOM));
        let text = String::from_utf8(bytes[BOM.len()..].to_vec()).unwrap();
        assert_eq!(
            text,
            "资产编号,价值,取得日期\r\n\"A,1\",4200.50,2016-09-18\r\n"
        );
    }

    #[test]
    fn an_xlsx_is_a_zip_and_unknown_kinds_are_refused() {
        let mut f = LedgerFile::new(FileKind::Xlsx, "资产", &columns()).unwrap();
        f.write(&[Cell::Empty, Cell::Count(3), Cell::Day("not a day".into())])
            .unwrap();
        assert!(f.finish().unwrap().starts_with(b"PK"));
        assert_eq!(FileKind::parse(None).unwrap(), FileKind::Xlsx);
        assert_eq!(FileKind::parse(Some("CSV")).unwrap(), FileKind::Csv);
        assert!(FileKind::parse(Some("pdf")).is_err());
    }
}
