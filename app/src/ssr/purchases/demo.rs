//! The demo school's purchasing: this year's budget (monthly 2,000 yuan, yearly 60,000, two
//! approvals above 5,000), two projectors approved by the admin and the principal and waiting
//! for delivery, and a teacher's request for whiteboard markers waiting for approval.

use crate::error::AppResult;
use crate::purchases::{
    approve, Approval, BudgetInput, BudgetLine, NewLine, NewPurchase, PurchaseState,
};
use crate::ssr::clock::school_today;
use crate::ssr::store::{Actor, Store};
use crate::ssr::supplies::store::ItemFilter;
use chrono::Datelike;
use uuid::Uuid;

/// The demo year's budget.
pub const BUDGET: BudgetInput = BudgetInput {
    monthly_fen: 200_000,
    yearly_fen: 6_000_000,
    threshold_fen: 500_000,
};

/// Who takes part: the keeper asks for the projectors, the teacher for the markers, the admin
/// and the principal approve.
pub struct Buyers {
    pub keeper: Uuid,
    pub teacher: Uuid,
    pub admin: Uuid,
    pub principal: Uuid,
}

/// Sets this year's budget of `school` and leaves its two purchases.
pub async fn buy(school: &dyn Store, who: &Buyers) -> AppResult<()> {
    let today = school_today();
    let month = today.format("%Y-%m").to_string();
    let admin = Actor(Some(who.admin));
    school
        .set_purchase_budget(admin, today.year(), BUDGET)
        .await?;
    let projectors = NewPurchase {
        reason: "三楼两间教室的投影仪损坏，无法修复，更换新机".into(),
        budget: BudgetLine::Year,
        supplier: Some("常州教育装备公司".into()),
        lines: vec![NewLine::Asset {
            name: "投影仪".into(),
            category: "电教设备".into(),
            quantity: 2,
            estimate_fen: 350_000,
        }],
        estimate_fen: 700_000,
    };
    let id = Uuid::now_v7();
    let asked = school
        .request_purchase(Actor(Some(who.keeper)), id, &month, projectors)
        .await?;
    let mut state = asked.summary.state;
    let mut first_approver = None;
    for approver in [who.admin, who.principal] {
        let approval = Approval {
            state,
            estimate_fen: asked.summary.estimate_fen,
            requested_by: who.keeper,
            first_approver,
        };
        let to = approve(&approval, BUDGET.threshold_fen, approver)?;
        school
            .decide_purchase(Actor(Some(approver)), id, (state, to), None)
            .await?;
        (state, first_approver) = (to, Some(approver));
    }
    debug_assert_eq!(state, PurchaseState::Approved);
    let markers = school
        .supply_items(&ItemFilter::default())
        .await?
        .items
        .into_iter()
        .find(|i| i.name == "白板笔");
    if let Some(markers) = markers {
        let request = NewPurchase {
            reason: "期末公开课，各班白板笔用完".into(),
            budget: BudgetLine::Month,
            supplier: None,
            lines: vec![NewLine::Supply {
                item: markers.id,
                quantity: 10,
                estimate_fen: 1_800,
            }],
            estimate_fen: 18_000,
        };
        school
            .request_purchase(Actor(Some(who.teacher)), Uuid::now_v7(), &month, request)
            .await?;
    }
    Ok(())
}
