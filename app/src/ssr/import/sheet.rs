//! A register file as rows of text, whatever saved it: Excel's XLSX and old XLS, LibreOffice's
//! and WPS's ODS (calamine), or CSV in UTF-8 (with or without a BOM) or in GBK/GB18030 as Excel
//! in China saves it (encoding_rs). The first sheet with any cell is the register. Numbers are
//! written as a person reads them (`1234.5`, `3`); date cells as `YYYY-MM-DD`.

use crate::domain::{Field, Invalid, Problem};
use calamine::{open_workbook_auto_from_rs, Data, Reader};
use std::io::Cursor;

/// The largest register file read: a 100,000-row workbook is far smaller.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

fn not_a_spreadsheet() -> Invalid {
    Invalid::new(Field::File, Problem::NotASpreadsheet)
}

/// What a file is, by its first bytes (the file name may lie).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A zip: XLSX or ODS.
    Zip,
    /// An OLE compound file: XLS.
    Ole,
    Text,
}

fn kind(bytes: &[u8]) -> Kind {
    if bytes.starts_with(b"PK\x03\x04") {
        Kind::Zip
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Kind::Ole
    } else {
        Kind::Text
    }
}

/// The rows of the file's register sheet, each cell as text.
pub fn rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, Invalid> {
    if bytes.len() > MAX_BYTES {
        return Err(Invalid::new(
            Field::File,
            Problem::FileTooLarge {
                max: MAX_BYTES / (1024 * 1024),
            },
        ));
    }
    let rows = match kind(bytes) {
        Kind::Zip | Kind::Ole => workbook_rows(bytes)?,
        Kind::Text => csv_rows(&text(bytes)?)?,
    };
    if rows.iter().all(|r| r.iter().all(|c| c.trim().is_empty())) {
        return Err(Invalid::new(Field::File, Problem::EmptySheet));
    }
    Ok(rows)
}

fn workbook_rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, Invalid> {
    let mut book =
        open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| not_a_spreadsheet())?;
    for (_, range) in book.worksheets() {
        if range.is_empty() {
            continue;
        }
        // Rows and columns as Excel numbers them: a sheet whose used range starts at B3 still
        // has its first cell in the third row and second column.
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut rows = vec![Vec::new(); top as usize];
        for row in range.rows() {
            let mut cells = vec![String::new(); left as usize];
            cells.extend(row.iter().map(cell_text));
            rows.push(cells);
        }
        return Ok(rows);
    }
    Err(Invalid::new(Field::File, Problem::EmptySheet))
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.clone(),
        Data::Bool(b) => b.to_string(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) => number(*f),
        Data::DateTime(d) => match d.as_datetime() {
            Some(t) => t.format("%Y-%m-%d").to_string(),
            None => number(d.as_f64()),
        },
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
    }
}

/// A number as a person writes it: whole numbers without a point, others as stored, to at most
/// ten places (a sum stored as 1234.4999999999998 reads 1234.5).
fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        let s = format!("{f:.10}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A text file's characters: UTF-8 (a BOM dropped), else GB18030 (which GBK is part of).
fn text(bytes: &[u8]) -> Result<String, Invalid> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(not_a_spreadsheet());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    let (s, _, errors) = encoding_rs::GB18030.decode(bytes);
    if errors {
        return Err(not_a_spreadsheet());
    }
    Ok(s.into_owned())
}

/// CSV as Excel writes it: commas, quoted fields with doubled quotes and line breaks inside.
fn csv_rows(text: &str) -> Result<Vec<Vec<String>>, Invalid> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| {
            r.map(|r| r.iter().map(str::to_string).collect())
                .map_err(|_| not_a_spreadsheet())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_is_read_in_utf8_and_in_gbk() {
        let utf8 = "\u{feff}资产编号,资产名称\nGD-001,\"办公桌，1.2m\"\n";
        let read = rows(utf8.as_bytes()).unwrap();
        assert_eq!(read, [["资产编号", "资产名称"], ["GD-001", "办公桌，1.2m"]]);
        let (gbk, _, _) = encoding_rs::GBK.encode("资产名称,存放地点\n办公桌,明德楼301\n");
        assert!(std::str::from_utf8(&gbk).is_err(), "really GBK");
        let read = rows(&gbk).unwrap();
        assert_eq!(read[1], ["办公桌", "明德楼301"]);
    }

    #[test]
    fn what_is_not_a_spreadsheet_is_refused() {
        let problem = |bytes: &[u8]| rows(bytes).unwrap_err().problem;
        assert_eq!(problem(b"%PDF-1.7\n\x00\x01"), Problem::NotASpreadsheet);
        assert_eq!(problem(b"PK\x03\x04 broken zip"), Problem::NotASpreadsheet);
        assert_eq!(problem(b"\xff\xfe\xfd\x80\x80"), Problem::NotASpreadsheet);
        assert_eq!(problem(b"\n , ,\n"), Problem::EmptySheet);
    }

    #[test]
    fn a_workbook_is_read_with_its_title_rows_dates_and_amounts() {
        use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        let date = Format::new().set_num_format("yyyy-mm-dd");
        sheet
            .merge_range(0, 0, 0, 3, "龙城小学固定资产登记表", &Format::new())
            .unwrap();
        for (c, h) in ["资产编号", "资产名称", "取得日期", "价值"]
            .iter()
            .enumerate()
        {
            sheet.write_string(2, c as u16, *h).unwrap();
        }
        sheet.write_string(3, 0, "GD-001").unwrap();
        sheet.write_string(3, 1, "办公桌").unwrap();
        let day = ExcelDateTime::from_ymd(2016, 9, 18).unwrap();
        sheet.write_datetime_with_format(3, 2, &day, &date).unwrap();
        sheet.write_number(3, 3, 1234.5).unwrap();
        let read = rows(&book.save_to_buffer().unwrap()).unwrap();
        assert_eq!(read[0][0], "龙城小学固定资产登记表");
        assert!(read[1].iter().all(|c| c.is_empty()), "the blank row kept");
        assert_eq!(read[2][1], "资产名称", "rows as Excel numbers them");
        assert_eq!(read[3], ["GD-001", "办公桌", "2016-09-18", "1234.5"]);
    }

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(number(3.0), "3");
        assert_eq!(number(1234.5), "1234.5");
        assert_eq!(number(1234.4999999999998), "1234.5");
        assert_eq!(number(0.07), "0.07");
    }
}
