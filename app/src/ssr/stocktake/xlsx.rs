//! 盘点报告 as an Excel workbook, in the visitor's language: 汇总 (each room and the total),
//! 盘亏, 位置不符, 盘盈 and 盘点人 (who counted how much), one sheet each.

use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, Msg};
use crate::stocktake::report::{Finding, Report};
use crate::stocktake::Tally;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use uuid::Uuid;

/// The workbook's bytes.
pub fn workbook(r: &Report, lang: Lang) -> AppResult<Vec<u8>> {
    build(r, lang).map_err(|e| {
        tracing::error!("stocktake workbook: {e}");
        AppError::Internal
    })
}

/// A sheet named `title` with a bold header row of `columns`.
fn sheet<'a>(
    book: &'a mut Workbook,
    lang: Lang,
    title: Msg,
    columns: &[Msg],
) -> Result<&'a mut Worksheet, XlsxError> {
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name(lang.t(title))?;
    for (c, m) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, lang.t(*m), &bold)?;
        sheet.set_column_width(c as u16, 16)?;
    }
    Ok(sheet)
}

fn tally_row(sheet: &mut Worksheet, row: u32, t: &Tally) -> Result<(), XlsxError> {
    let counted = t.expected - t.missing;
    for (c, n) in [t.expected, counted, t.misplaced, t.surplus, t.missing]
        .into_iter()
        .enumerate()
    {
        sheet.write_number(row, 2 + c as u16, n as f64)?;
    }
    Ok(())
}

fn build(r: &Report, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let room = |id: Option<Uuid>| r.stocktake.room_label(id);
    let mut book = Workbook::new();

    let summary = [
        Msg::Room,
        Msg::CounterColumn,
        Msg::ExpectedColumn,
        Msg::CountedColumn,
        Msg::MisplacedColumn,
        Msg::SurplusColumn,
        Msg::MissingColumn,
    ];
    let s = sheet(&mut book, lang, Msg::SummarySheet, &summary)?;
    let mut row = 1;
    for x in &r.stocktake.rooms {
        s.write_string(row, 0, x.label())?;
        s.write_string(
            row,
            1,
            x.counter.as_ref().map(|c| c.name.as_str()).unwrap_or(""),
        )?;
        tally_row(s, row, &x.tally)?;
        row += 1;
    }
    s.write_string_with_format(row, 0, lang.t(Msg::TotalRow), &Format::new().set_bold())?;
    tally_row(s, row, &r.stocktake.tally)?;

    let missing = [
        Msg::FieldAssetCode,
        Msg::Name,
        Msg::Category,
        Msg::RegisteredRoom,
        Msg::Custodian,
    ];
    let s = sheet(&mut book, lang, Msg::MissingColumn, &missing)?;
    for (i, e) in r.missing.iter().enumerate() {
        let row = i as u32 + 1;
        s.write_string(row, 0, &e.asset_code)?;
        s.write_string(row, 1, &e.name)?;
        s.write_string(row, 2, &e.category)?;
        s.write_string(row, 3, room(e.room_id))?;
        s.write_string(
            row,
            4,
            e.custodian.as_ref().map(|c| c.name.as_str()).unwrap_or(""),
        )?;
    }

    let findings = |book: &mut Workbook, title: Msg, list: &[Finding]| -> Result<(), XlsxError> {
        let columns = [
            Msg::TagColumn,
            Msg::FieldAssetCode,
            Msg::Name,
            Msg::RegisteredRoom,
            Msg::FoundRoom,
            Msg::CounterColumn,
            Msg::ScannedAtColumn,
        ];
        let s = sheet(book, lang, title, &columns)?;
        for (i, f) in list.iter().enumerate() {
            let row = i as u32 + 1;
            let a = f.asset.as_ref();
            s.write_string(row, 0, &f.code)?;
            s.write_string(row, 1, a.map(|a| a.asset_code.as_str()).unwrap_or(""))?;
            s.write_string(row, 2, a.map(|a| a.name.as_str()).unwrap_or(""))?;
            s.write_string(row, 3, room(a.and_then(|a| a.room_id)))?;
            s.write_string(row, 4, room(Some(f.room_id)))?;
            s.write_string(row, 5, &f.by.name)?;
            s.write_string(
                row,
                6,
                f.scanned_at
                    .get(..16)
                    .unwrap_or(&f.scanned_at)
                    .replace('T', " "),
            )?;
        }
        Ok(())
    };
    findings(&mut book, Msg::MisplacedColumn, &r.misplaced)?;
    findings(&mut book, Msg::SurplusColumn, &r.surplus)?;

    let s = sheet(
        &mut book,
        lang,
        Msg::CounterColumn,
        &[Msg::Name, Msg::ScansColumn],
    )?;
    for (i, c) in r.counters.iter().enumerate() {
        s.write_string(i as u32 + 1, 0, &c.user.name)?;
        s.write_number(i as u32 + 1, 1, c.scans as f64)?;
    }
    book.save_to_buffer()
}
