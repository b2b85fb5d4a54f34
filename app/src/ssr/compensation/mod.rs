//! Compensation from a damage report: who may open, settle and waive a case; the amount
//! (integer fen, typed in yuan, or the replacement value by the school's rule); the printable
//! notice (赔偿通知单) and the CSV export by class and semester.

pub mod store;

use crate::domain::{bounded_text, optional_text, Fen, Field, Invalid, Problem, PurchaseDate};
use crate::error::{AppError, AppResult};
use crate::inspections::compensation::{
    amount_in_words, semester_of, Basis, Compensation, DepreciationRule, PartyKind,
};
use crate::inspections::Subject;
use crate::model::Paging;
use crate::ssr::compensation::store::{CaseEnd, CaseFilter, CompensationDraft};
use crate::ssr::labels::{text_pages, TextLine, TextPage};
use crate::ssr::state::AppState;
use crate::ssr::visitor::Visitor;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseRequest {
    pub damage_report_id: Uuid,
    pub party_kind: String,
    pub party_name: String,
    #[serde(default)]
    pub party_class: String,
    pub basis: String,
    /// Yuan as typed (`1200.50`); may be empty for the replacement value, which is then
    /// worked out from the asset's purchase value and age.
    #[serde(default)]
    pub amount: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayRequest {
    pub paid_on: String,
    pub receipt_no: String,
    pub received_by: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaiveRequest {
    pub reason: String,
}

/// The semester a case opened today belongs to.
pub fn current_semester() -> String {
    let today = crate::ssr::clock::school_today();
    semester_of(today.year(), today.month())
}

/// The cases a filter holds, a page at a time (asset manager and admin).
pub async fn cases(
    state: &AppState,
    v: &Visitor,
    filter: &CaseFilter,
    paging: Paging,
) -> AppResult<Vec<Compensation>> {
    v.require(|r| r.manages_register())?;
    state.school(v)?.compensations(filter, paging).await
}

pub async fn open(state: &AppState, v: &Visitor, req: CaseRequest) -> AppResult<Compensation> {
    v.require(|r| r.manages_register())?;
    let school = state.school(v)?;
    let report = school
        .damage_report(req.damage_report_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let party_kind = PartyKind::parse(&req.party_kind)?;
    let party_name = bounded_text(Field::Name, &req.party_name, 60)?;
    let party_class = optional_text(Field::Class, &req.party_class, 40)?;
    if party_kind == PartyKind::Student && party_class.is_none() {
        return Err(Invalid::new(Field::Class, Problem::Required).into());
    }
    let basis = Basis::parse(&req.basis)?;
    let amount = match (basis, req.amount.trim()) {
        (Basis::ReplacementValue, "") => {
            let Some(Subject::Asset(asset)) = report.asset.map(|a| Subject::Asset(a.id)) else {
                return Err(Invalid::new(Field::Value, Problem::Required).into());
            };
            let asset = school.get_asset(asset).await?.ok_or(AppError::NotFound)?;
            let bought = asset
                .purchase_date
                .as_deref()
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .ok_or_else(|| Invalid::new(Field::Value, Problem::Required))?;
            let rule = school.depreciation_rule().await?;
            let age = (crate::ssr::clock::school_today() - bought).num_days();
            rule.value_after(Fen::new(asset.value_fen.fen())?, age)
        }
        (_, raw) => {
            let fen = Fen::parse_yuan(raw)?;
            if fen.fen() == 0 {
                return Err(Invalid::new(Field::Value, Problem::OutOfRange).into());
            }
            fen
        }
    };
    let draft = CompensationDraft {
        damage_report_id: report.id,
        party_kind,
        party_name,
        party_class,
        basis,
        amount,
        semester: current_semester(),
    };
    school.open_compensation(v.actor(), draft).await
}

pub async fn pay(
    state: &AppState,
    v: &Visitor,
    id: Uuid,
    req: PayRequest,
) -> AppResult<Compensation> {
    v.require(|r| r.manages_register())?;
    let on = PurchaseDate::parse(&req.paid_on)?;
    let end = CaseEnd::Paid {
        on: on.as_str().to_string(),
        receipt_no: bounded_text(Field::Notes, &req.receipt_no, 40)?,
        received_by: bounded_text(Field::DisplayName, &req.received_by, 40)?,
    };
    state
        .school(v)?
        .close_compensation(v.actor(), id, end)
        .await
}

pub async fn waive(
    state: &AppState,
    v: &Visitor,
    id: Uuid,
    req: WaiveRequest,
) -> AppResult<Compensation> {
    v.require(|r| r.manages_users())?;
    let reason = bounded_text(Field::Reason, &req.reason, 200)?;
    state
        .school(v)?
        .close_compensation(v.actor(), id, CaseEnd::Waived { reason })
        .await
}

pub async fn set_rule(
    state: &AppState,
    v: &Visitor,
    rule: DepreciationRule,
) -> AppResult<DepreciationRule> {
    v.require(|r| r.manages_users())?;
    let rule = rule.check()?;
    state
        .school(v)?
        .set_depreciation_rule(v.actor(), rule)
        .await?;
    Ok(rule)
}

fn party_text(c: &Compensation) -> String {
    match &c.party_class {
        Some(class) => format!("{}（{}）", c.party_name, class),
        None => c.party_name.clone(),
    }
}

/// The notice (赔偿通知单) as a one-page A5 PDF in Chinese.
pub async fn notice(state: &AppState, v: &Visitor, id: Uuid) -> AppResult<Vec<u8>> {
    v.require(|r| r.manages_register())?;
    let school = state.school(v)?;
    let c = school.compensation(id).await?.ok_or(AppError::NotFound)?;
    let school = school.school_name().await?;
    let font = crate::ssr::labels::print::font(state)?;
    let basis = match c.basis {
        Basis::RepairCost => "维修费用",
        Basis::ReplacementValue => "按购置价值折旧后的重置价值",
    };
    let asset = match (&c.asset, &c.asset_code) {
        (Some(a), Some(code)) => format!("{}（{}）", a.name, code),
        _ => "—".into(),
    };
    let (w, h) = (419.5, 595.3); // A5 portrait, points
    let left = 42.0;
    let mut page = TextPage::default();
    let lines = &mut page.lines;
    lines.push(TextLine::plain(left, 70.0, 18.0, school));
    lines.push(TextLine::plain(left, 100.0, 22.0, "赔偿通知单"));
    let rows = [
        ("赔偿方", party_text(&c)),
        ("损坏物品", asset),
        ("损坏情况", c.damage.clone()),
        ("赔偿依据", basis.to_string()),
        ("赔偿金额", format!("￥{} 元", c.amount().yuan_string())),
        ("金额大写", amount_in_words(c.amount_fen)),
        ("学期", c.semester.clone()),
        (
            "开单日期",
            c.created_at.get(..10).unwrap_or_default().to_string(),
        ),
    ];
    let mut y = 140.0;
    for (label, value) in rows {
        lines.push(TextLine::plain(left, y, 11.0, format!("{label}：")));
        for line in wrap(&value, 24.0) {
            lines.push(TextLine::plain(left + 66.0, y, 11.0, line));
            y += 16.0;
        }
        y += 8.0;
    }
    lines.push(TextLine::plain(
        left,
        y + 10.0,
        10.0,
        "根据学校财产赔偿制度（谁损坏谁赔偿），",
    ));
    lines.push(TextLine::plain(
        left,
        y + 26.0,
        10.0,
        "请于收到本通知后一周内到后勤部办理。",
    ));
    let sign = y + 70.0;
    lines.push(TextLine::plain(left, sign, 11.0, "赔偿方签字："));
    lines.push(TextLine::plain(left + 180.0, sign, 11.0, "经办人："));
    page.rules = vec![
        (left + 66.0, sign + 3.0, 100.0),
        (left + 226.0, sign + 3.0, 100.0),
    ];
    tokio::task::spawn_blocking(move || text_pages(&font, "赔偿通知单", w, h, &[page]))
        .await
        .map_err(AppError::internal)?
}

/// Splits `text` into lines of at most `width` ems (a Chinese character is one em, a Latin
/// letter or digit about half), so a long description stays inside the page.
fn wrap(text: &str, width: f32) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut used = 0.0;
    for c in text.chars() {
        let w = if c.is_ascii() { 0.55 } else { 1.0 };
        if used + w > width {
            lines.push(String::new());
            used = 0.0;
        }
        used += w;
        if let Some(line) = lines.last_mut() {
            line.push(c);
        }
    }
    lines
}
