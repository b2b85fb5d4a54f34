//! The cells of a register as schools fill them in: dates as Excel serial numbers or written
//! `2016-09-18`, `2016.9.18`, `2016/9/18`, `2016年9月18日`; amounts as `¥1,234.50`, `1234.5元`;
//! quantities as `3` or `3.0`; the 合计 row at the end.

use crate::domain::{AssetStatus, Fen, Field, Invalid, Problem, PurchaseDate};

/// The first day Excel's serial numbers count from (serial 1 is 1900-01-01); serials from 61 on
/// carry Excel's phantom 1900-02-29, so they count from 1899-12-30.
fn from_serial(serial: f64) -> Option<(i32, u32, u32)> {
    if !(1.0..=200_000.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    let days = if days >= 61 { days } else { days + 1 };
    // Days since 1899-12-30 to a civil date (Howard Hinnant's algorithm, from 1970-01-01).
    let z = days - 25_569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    Some((y, m, d))
}

/// A date cell: an Excel serial number, or year, month and day written with `-`, `.`, `/` or
/// `年月日` (a time after the day is ignored).
pub fn date(raw: &str, field: Field) -> Result<PurchaseDate, Invalid> {
    let bad = || Invalid::new(field, Problem::BadDate);
    let s = raw.trim();
    let (y, m, d) = if let Ok(serial) = s.parse::<f64>() {
        if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
            // 20160918
            let n = |r: std::ops::Range<usize>| s[r].parse::<u32>().map_err(|_| bad());
            (n(0..4)? as i32, n(4..6)?, n(6..8)?)
        } else {
            from_serial(serial).ok_or_else(bad)?
        }
    } else {
        let day = s.split([' ', 'T']).next().unwrap_or(s);
        let parts: Vec<&str> = day
            .trim_end_matches('日')
            .split(['-', '.', '/', '年', '月'])
            .collect();
        let [y, m, d] = parts.as_slice() else {
            return Err(bad());
        };
        let n = |p: &str| p.trim().parse::<u32>().map_err(|_| bad());
        (n(y)? as i32, n(m)?, n(d)?)
    };
    PurchaseDate::parse(&format!("{y:04}-{m:02}-{d:02}")).map_err(|_| bad())
}

/// An amount in yuan: `¥1,234.50`, `1234.5`, `1234.5元`, `RMB 35`; a negative one or one with
/// fractions of a fen is refused.
pub fn amount(raw: &str, field: Field) -> Result<Fen, Invalid> {
    let s = raw.trim().trim_end_matches('元').trim();
    let s = s.strip_prefix("RMB").unwrap_or(s).trim();
    if s.starts_with('-') || s.starts_with('－') {
        return Err(Invalid::new(field, Problem::OutOfRange));
    }
    // A number cell that the spreadsheet stored as 1234.5000000001.
    let s = match s.parse::<f64>() {
        Ok(v)
            if s.contains('.') && s.len() > 8 && ((v * 100.0).round() - v * 100.0).abs() < 1e-6 =>
        {
            format!("{v:.2}")
        }
        _ => s.to_string(),
    };
    Fen::parse_yuan(&s).map_err(|e| Invalid::new(field, e.problem))
}

/// A count of things (数量): a whole number from 1 to 10,000, written `3` or `3.0` or `3台`.
pub fn quantity(raw: &str, field: Field) -> Result<u32, Invalid> {
    let s = raw
        .trim()
        .trim_end_matches(|c: char| !c.is_ascii_digit() && c != '.');
    let s = s
        .strip_suffix(".0")
        .or_else(|| s.strip_suffix(".00"))
        .unwrap_or(s);
    match s.parse::<u32>() {
        Ok(n) if (1..=10_000).contains(&n) => Ok(n),
        Ok(_) => Err(Invalid::new(field, Problem::OutOfRange)),
        Err(_) => Err(Invalid::new(field, Problem::Malformed)),
    }
}

/// A 使用状况 as registers write it (在用, 维修中, 报废 …), or as Rounds exports it; empty is in
/// use.
pub fn status(raw: &str) -> Result<AssetStatus, Invalid> {
    let plain: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    let status = match plain.as_str() {
        "" | "在用" | "使用中" | "正常" | "正常使用" | "在用中" | "闲置" | "出借" => {
            AssetStatus::InUse
        }
        "维修" | "维修中" | "待修" | "在修" | "送修" | "待维修" => {
            AssetStatus::UnderRepair
        }
        "丢失" | "遗失" | "盘亏" | "毁损" | "失窃" => AssetStatus::Lost,
        "报废" | "已报废" | "待报废" | "拟报废" | "待处置" | "已处置" => {
            AssetStatus::Retired
        }
        other => AssetStatus::parse(&other.to_ascii_lowercase())?,
    };
    Ok(status)
}

/// The word a register writes for a status, read back by [`status`].
pub fn status_word(status: AssetStatus) -> &'static str {
    match status {
        AssetStatus::InUse => "在用",
        AssetStatus::UnderRepair => "维修中",
        AssetStatus::Lost => "盘亏",
        AssetStatus::Retired => "报废",
    }
}

/// Whether a row is the sheet's 合计 (总计, 小计) line rather than an asset.
pub fn is_total_row(row: &[String]) -> bool {
    row.iter()
        .map(|c| c.trim())
        .find(|c| !c.is_empty())
        .is_some_and(|first| {
            let plain: String = first.chars().filter(|c| !c.is_whitespace()).collect();
            ["合计", "总计", "小计", "共计"]
                .iter()
                .any(|w| plain.starts_with(w))
        })
}

/// Whether every cell of a row is empty.
pub fn is_blank_row(row: &[String]) -> bool {
    row.iter().all(|c| c.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_written_is_read_back() {
        for s in AssetStatus::ALL {
            assert_eq!(status(status_word(*s)).unwrap(), *s);
        }
    }

    #[test]
    fn statuses_are_read_as_registers_write_them() {
        assert_eq!(status("").unwrap(), AssetStatus::InUse);
        assert_eq!(status(" 在用 ").unwrap(), AssetStatus::InUse);
        assert_eq!(status("维修中").unwrap(), AssetStatus::UnderRepair);
        assert_eq!(status("盘亏").unwrap(), AssetStatus::Lost);
        assert_eq!(status("待报废").unwrap(), AssetStatus::Retired);
        assert_eq!(status("Retired").unwrap(), AssetStatus::Retired);
        assert_eq!(
            status("借给隔壁").unwrap_err().problem,
            Problem::UnknownChoice
        );
    }

    fn day(raw: &str) -> String {
        date(raw, Field::PurchaseDate).unwrap().as_str().to_string()
    }

    #[test]
    fn dates_are_read_however_the_school_wrote_them() {
        for raw in [
            "2016-09-18",
            "2016.9.18",
            "2016/9/18",
            "2016年9月18日",
            "2016-09-18 00:00:00",
            "20160918",
            "42631",
            "42631.0",
        ] {
            assert_eq!(day(raw), "2016-09-18", "{raw}");
        }
        assert_eq!(day("1"), "1900-01-01");
        assert_eq!(day("60.0").len(), 10, "Excel's 1900-02-29 is some day");
        assert_eq!(day("61"), "1900-03-01");
        assert_eq!(day("45658"), "2025-01-01");
    }

    #[test]
    fn dates_that_are_not_are_refused_with_their_column() {
        for raw in [
            "",
            "2016-02-30",
            "2016.13.1",
            "去年九月",
            "0",
            "-5",
            "2016年9月",
        ] {
            let e = date(raw, Field::PurchaseDate).unwrap_err();
            assert_eq!(
                (e.field, e.problem),
                (Field::PurchaseDate, Problem::BadDate),
                "{raw}"
            );
        }
    }

    #[test]
    fn amounts_are_read_to_the_fen() {
        let fen = |raw: &str| amount(raw, Field::Value).unwrap().fen();
        assert_eq!(fen("¥1,234.50"), 123_450);
        assert_eq!(fen("1234.5"), 123_450);
        assert_eq!(fen("1234.5元"), 123_450);
        assert_eq!(fen("￥35"), 3_500);
        assert_eq!(fen("1234.4999999999"), 123_450);
        assert_eq!(fen("0"), 0);
        let e = amount("-12.00", Field::Value).unwrap_err();
        assert_eq!(e.problem, Problem::OutOfRange);
        for bad in ["12.345", "一千", "1.2.3", ""] {
            assert!(amount(bad, Field::Value).is_err(), "{bad}");
        }
    }

    #[test]
    fn quantities_are_whole_numbers() {
        let q = |raw: &str| quantity(raw, Field::Value);
        assert_eq!(q("3").unwrap(), 3);
        assert_eq!(q("3.0").unwrap(), 3);
        assert_eq!(q("12台").unwrap(), 12);
        assert_eq!(q("0").unwrap_err().problem, Problem::OutOfRange);
        assert_eq!(q("2.5").unwrap_err().problem, Problem::Malformed);
        assert_eq!(q("").unwrap_err().problem, Problem::Malformed);
    }

    #[test]
    fn the_total_row_and_blank_rows_are_known() {
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert!(is_total_row(&row(&["", "合 计", "", "12345.00"])));
        assert!(is_total_row(&row(&["总计："])));
        assert!(!is_total_row(&row(&["GD-2016-001", "办公桌"])));
        assert!(is_blank_row(&row(&["", "  "])));
        assert!(!is_blank_row(&row(&["", "x"])));
    }
}
