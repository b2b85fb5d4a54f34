//! Compensation cases (谁损坏谁赔偿): the liable party, the basis and amount (integer fen), and
//! how a case ends. The replacement value follows a configurable straight-line rule.

use crate::domain::{Fen, Field, Invalid, Problem};
use crate::model::Named;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

crate::choice_enum!(
    /// Who pays: a student (with class), a staff member, or an outside party.
    PartyKind, Field::Kind, {
        Student => "student",
        Staff => "staff",
        Outside => "outside",
    }
);

crate::choice_enum!(
    /// What the amount rests on.
    Basis, Field::Kind, {
        RepairCost => "repair_cost",
        ReplacementValue => "replacement_value",
    }
);

crate::choice_enum!(
    CaseStatus, Field::Status, {
        Open => "open",
        Paid => "paid",
        Waived => "waived",
    }
);

/// Replacement value = purchase value × max(residual, 1 − age ÷ life): the school sets the
/// useful life and the residual share.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepreciationRule {
    pub useful_life_years: u32,
    pub residual_percent: u32,
}

impl Default for DepreciationRule {
    fn default() -> Self {
        DepreciationRule {
            useful_life_years: 6,
            residual_percent: 10,
        }
    }
}

impl DepreciationRule {
    pub fn check(self) -> Result<Self, Invalid> {
        if !(1..=50).contains(&self.useful_life_years) || self.residual_percent > 100 {
            return Err(Invalid::new(Field::Value, Problem::OutOfRange));
        }
        Ok(self)
    }

    /// What an asset bought for `value` is worth after `age_days`, in whole fen.
    pub fn value_after(self, value: Fen, age_days: i64) -> Fen {
        let life_days = i64::from(self.useful_life_years) * 365;
        let age = age_days.clamp(0, life_days);
        // Per mille, in integers: no floats touch money.
        let left = 1000 - age * 1000 / life_days;
        let share = left.max(i64::from(self.residual_percent) * 10);
        Fen::new(value.fen() * share / 1000).unwrap_or(value)
    }
}

/// The school year and term a date falls in: September–January is the first term,
/// February–August the second. `2026-11-25` → `2026-2027-1`.
pub fn semester_of(year: i32, month: u32) -> String {
    match month {
        9..=12 => format!("{}-{}-1", year, year + 1),
        1 => format!("{}-{}-1", year - 1, year),
        _ => format!("{}-{}-2", year - 1, year),
    }
}

/// A compensation case as pages and the API show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Compensation {
    pub id: Uuid,
    pub damage_report_id: Uuid,
    pub asset: Option<Named>,
    pub asset_code: Option<String>,
    pub damage: String,
    pub party_kind: PartyKind,
    pub party_name: String,
    pub party_class: Option<String>,
    pub basis: Basis,
    pub amount_fen: i64,
    pub semester: String,
    pub status: CaseStatus,
    pub paid_on: Option<String>,
    pub receipt_no: Option<String>,
    pub received_by: Option<String>,
    pub waive_reason: Option<String>,
    pub created_at: String,
}

const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

/// One group of up to four digits (0–9999) in capital numerals, zeros read once.
fn group_in_words(n: i64) -> String {
    const UNITS: [&str; 4] = ["仟", "佰", "拾", ""];
    let digits = [n / 1000 % 10, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut zero = false;
    for (d, unit) in digits.iter().zip(UNITS) {
        if *d == 0 {
            zero = !out.is_empty();
        } else {
            if zero {
                out.push('零');
                zero = false;
            }
            out.push(DIGITS[*d as usize]);
            out.push_str(unit);
        }
    }
    out
}

impl Compensation {
    /// The amount as money (stored amounts passed the same checks when the case was opened).
    pub fn amount(&self) -> Fen {
        Fen::new(self.amount_fen).unwrap_or_default()
    }
}

/// `1234.50` as 壹仟贰佰叁拾肆元伍角整 — the way a notice states an amount.
pub fn amount_in_words(fen: i64) -> String {
    if fen <= 0 {
        return "零元整".into();
    }
    let yuan = fen / 100;
    let (jiao, cents) = ((fen / 10) % 10, fen % 10);
    let mut words = String::new();
    let groups = [
        (yuan / 100_000_000, "亿"),
        (yuan / 10_000 % 10_000, "万"),
        (yuan % 10_000, ""),
    ];
    for (n, unit) in groups {
        if n == 0 {
            continue;
        }
        if !words.is_empty() && n < 1000 {
            words.push('零');
        }
        words.push_str(&group_in_words(n));
        words.push_str(unit);
    }
    if yuan > 0 {
        words.push('元');
    }
    match (jiao, cents) {
        (0, 0) => words.push('整'),
        (j, 0) => {
            words.push(DIGITS[j as usize]);
            words.push_str("角整");
        }
        (j, c) => {
            if j > 0 {
                words.push(DIGITS[j as usize]);
                words.push('角');
            } else if yuan > 0 {
                words.push('零');
            }
            words.push(DIGITS[c as usize]);
            words.push('分');
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replacement_value_falls_straight_to_the_residual() {
        let rule = DepreciationRule {
            useful_life_years: 5,
            residual_percent: 10,
        };
        let bought = Fen::new(100_000).unwrap();
        assert_eq!(rule.value_after(bought, 0).fen(), 100_000);
        assert_eq!(rule.value_after(bought, 365).fen(), 80_000);
        assert_eq!(
            rule.value_after(bought, 365 * 9).fen(),
            10_000,
            "never below the residual"
        );
        assert!(DepreciationRule {
            useful_life_years: 0,
            residual_percent: 10
        }
        .check()
        .is_err());
    }

    #[test]
    fn terms_run_september_to_january_and_february_to_august() {
        assert_eq!(semester_of(2026, 11), "2026-2027-1");
        assert_eq!(semester_of(2027, 1), "2026-2027-1");
        assert_eq!(semester_of(2027, 3), "2026-2027-2");
    }

    #[test]
    fn amounts_read_in_capital_numerals() {
        assert_eq!(amount_in_words(123_450), "壹仟贰佰叁拾肆元伍角整");
        assert_eq!(amount_in_words(30_005), "叁佰元零伍分");
        assert_eq!(amount_in_words(10_000), "壹佰元整");
        assert_eq!(amount_in_words(0), "零元整");
        assert_eq!(amount_in_words(10_005_000), "壹拾万零伍拾元整");
        assert_eq!(amount_in_words(250_000_000), "贰佰伍拾万元整");
    }
}
