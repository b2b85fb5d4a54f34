//! Purchasing, the plan's rule 采购 → 审批 → 验收 → 入库 → 报销 → 领用: a purchase request names
//! what to buy (supplies the store keeps, or new assets) with an estimate in fen and the budget
//! it is charged to; an admin approves it (two different admins above the year's threshold);
//! the keeper accepts the delivery (what came, at what price, with photos), which receives the
//! supplies into stock and registers the new assets with their tags; the keeper then marks it
//! reimbursed with the voucher's number. Spending is counted against the month's and the year's
//! budget (后勤部门的月、年度费用预算).

use crate::domain::{bounded_text, optional_text, Field, Invalid, Problem, Role};
use crate::model::Named;
use crate::supplies::{quantity, MAX_UNIT_PRICE_FEN};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

crate::choice_enum!(
    /// Where a purchase stands. `Approving`: approved once above the threshold, a second admin
    /// must approve too; `Accepted`: delivered, its supplies in stock, its new assets registered.
    PurchaseState, Field::Status, {
        Requested => "requested",
        Approving => "approving",
        Approved => "approved",
        Refused => "refused",
        Withdrawn => "withdrawn",
        Accepted => "accepted",
        Reimbursed => "reimbursed",
    }
);

crate::choice_enum!(
    /// Which budget a purchase is charged to: the month's running costs or the year's.
    BudgetLine, Field::Budget, {
        Month => "month",
        Year => "year",
    }
);

crate::choice_enum!(
    /// What a line buys: more of a supply the store keeps, or new assets for the register.
    LineKind, Field::Kind, {
        Supply => "supply",
        Asset => "asset",
    }
);

/// The most lines one purchase holds.
pub const MAX_LINES: usize = 20;

/// The most photos of one delivery.
pub const MAX_PHOTOS: usize = 8;

/// The most a budget or threshold may be: ten million yuan, in fen.
pub const MAX_BUDGET_FEN: i64 = 1_000_000_000;

/// Asking for a purchase: every one of a school's people.
pub fn requests_purchases(role: Role) -> bool {
    !role.manages_district()
}

/// Approving or refusing purchases and setting the budget: the school's admins.
pub fn approves_purchases(role: Role) -> bool {
    role.manages_users()
}

/// Accepting deliveries, marking reimbursement and seeing every purchase: the keeper (the asset
/// manager or the admin).
pub fn keeps_purchases(role: Role) -> bool {
    role.manages_register()
}

/// The step an approval by `approver` takes `purchase` to, given the year's `threshold`: a
/// purchase above it needs two different admins, and nobody approves their own request.
pub fn approve(
    purchase: &Approval,
    threshold: i64,
    approver: Uuid,
) -> Result<PurchaseState, Invalid> {
    let another = || Invalid::new(Field::Status, Problem::NeedsAnotherApprover);
    if approver == purchase.requested_by {
        return Err(another());
    }
    match purchase.state {
        PurchaseState::Requested if purchase.estimate_fen > threshold => {
            Ok(PurchaseState::Approving)
        }
        PurchaseState::Requested => Ok(PurchaseState::Approved),
        PurchaseState::Approving if purchase.first_approver == Some(approver) => Err(another()),
        PurchaseState::Approving => Ok(PurchaseState::Approved),
        _ => Err(Invalid::new(Field::Status, Problem::BadTransition)),
    }
}

/// What an approval looks at.
#[derive(Clone, Copy, Debug)]
pub struct Approval {
    pub state: PurchaseState,
    pub estimate_fen: i64,
    pub requested_by: Uuid,
    pub first_approver: Option<Uuid>,
}

/// The step a refusal, withdrawal, acceptance or reimbursement may take from `state`.
pub fn step(state: PurchaseState, to: PurchaseState) -> Result<PurchaseState, Invalid> {
    use PurchaseState::*;
    match (state, to) {
        (Requested | Approving, Refused | Withdrawn)
        | (Approved, Accepted)
        | (Accepted, Reimbursed) => Ok(to),
        _ => Err(Invalid::new(Field::Status, Problem::BadTransition)),
    }
}

/// Counted against the budget: approved, delivered or paid (at what was paid once delivered).
pub fn spends(state: PurchaseState) -> bool {
    matches!(
        state,
        PurchaseState::Approved | PurchaseState::Accepted | PurchaseState::Reimbursed
    )
}

/// The school's number of a year's `seq`-th purchase: `CG2026-007`.
pub fn number(year: i32, seq: i64) -> String {
    format!("CG{year}-{seq:03}")
}

/// The register number of the `n`-th asset bought on line `position` of purchase `number`:
/// `CG2026-007-1-01`.
pub fn asset_code(number: &str, position: i64, n: i64) -> String {
    format!("{number}-{position}-{n:02}")
}

/// A price of one unit in fen: 0 up to [`MAX_UNIT_PRICE_FEN`].
fn unit_price(raw: i64) -> Result<i64, Invalid> {
    if (0..=MAX_UNIT_PRICE_FEN).contains(&raw) {
        Ok(raw)
    } else {
        Err(Invalid::new(Field::Price, Problem::OutOfRange))
    }
}

/// One line of a purchase request, as a form or the API gives it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineInput {
    /// `supply` (an item the store keeps, by `item_id`) or `asset` (new assets, by `name` and
    /// `category`).
    pub kind: String,
    #[serde(default)]
    pub item_id: Option<Uuid>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub category: Option<String>,
    pub quantity: i64,
    /// The estimated price of one unit, in fen.
    pub estimate_fen: i64,
}

/// A purchase request, as a form or the API gives it; checked by [`NewPurchase::parse`].
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PurchaseInput {
    /// Why it is needed.
    pub reason: String,
    /// `month` or `year`.
    pub budget: String,
    #[serde(default)]
    pub supplier: Option<String>,
    pub lines: Vec<LineInput>,
}

/// A checked line.
#[derive(Clone, Debug, PartialEq)]
pub enum NewLine {
    Supply {
        item: Uuid,
        quantity: i64,
        estimate_fen: i64,
    },
    Asset {
        name: String,
        category: String,
        quantity: i64,
        estimate_fen: i64,
    },
}

impl NewLine {
    fn parse(input: &LineInput) -> Result<Self, Invalid> {
        let quantity = quantity(input.quantity)?;
        let estimate_fen = unit_price(input.estimate_fen)?;
        Ok(match LineKind::parse(&input.kind)? {
            LineKind::Supply => NewLine::Supply {
                item: input
                    .item_id
                    .ok_or(Invalid::new(Field::Item, Problem::Required))?,
                quantity,
                estimate_fen,
            },
            LineKind::Asset => NewLine::Asset {
                name: bounded_text(Field::Name, input.name.as_deref().unwrap_or(""), 60)?,
                category: bounded_text(
                    Field::Category,
                    input.category.as_deref().unwrap_or(""),
                    40,
                )?,
                quantity,
                estimate_fen,
            },
        })
    }

    pub fn quantity(&self) -> i64 {
        match self {
            NewLine::Supply { quantity, .. } | NewLine::Asset { quantity, .. } => *quantity,
        }
    }

    pub fn estimate_fen(&self) -> i64 {
        match self {
            NewLine::Supply { estimate_fen, .. } | NewLine::Asset { estimate_fen, .. } => {
                *estimate_fen
            }
        }
    }
}

/// A checked purchase request, ready to store.
#[derive(Clone, Debug, PartialEq)]
pub struct NewPurchase {
    pub reason: String,
    pub budget: BudgetLine,
    pub supplier: Option<String>,
    pub lines: Vec<NewLine>,
    /// Σ quantity × estimated unit price, in fen.
    pub estimate_fen: i64,
}

impl NewPurchase {
    pub fn parse(input: &PurchaseInput) -> Result<Self, Invalid> {
        if input.lines.is_empty() {
            return Err(Invalid::new(Field::Lines, Problem::Required));
        }
        if input.lines.len() > MAX_LINES {
            return Err(Invalid::new(
                Field::Lines,
                Problem::AtMost { max: MAX_LINES },
            ));
        }
        let lines = input
            .lines
            .iter()
            .map(NewLine::parse)
            .collect::<Result<Vec<_>, _>>()?;
        let estimate_fen = lines.iter().map(|l| l.quantity() * l.estimate_fen()).sum();
        Ok(Self {
            reason: bounded_text(Field::Reason, &input.reason, 200)?,
            budget: BudgetLine::parse(&input.budget)?,
            supplier: optional_text(Field::Supplier, input.supplier.as_deref().unwrap_or(""), 60)?,
            lines,
            estimate_fen,
        })
    }
}

/// What came of one line on delivery.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeliveredInput {
    pub line_id: Uuid,
    /// How many came: 0 up to what was ordered.
    pub received: i64,
    /// The price paid for one unit, in fen; the estimate when left out.
    #[serde(default)]
    pub unit_price_fen: Option<i64>,
    /// Where new assets go (their room).
    #[serde(default)]
    pub room_id: Option<Uuid>,
}

/// The keeper's acceptance of a delivery (验收).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptInput {
    /// One entry per line delivered; a line left out came to nothing.
    pub lines: Vec<DeliveredInput>,
    /// Photos of the delivery, uploaded first (`POST /photos`).
    #[serde(default)]
    pub photos: Vec<Uuid>,
    #[serde(default)]
    pub note: Option<String>,
}

/// What was ordered on one line, as acceptance checks against it.
#[derive(Clone, Copy, Debug)]
pub struct Ordered {
    pub id: Uuid,
    pub quantity: i64,
    pub estimate_fen: i64,
}

/// One line as delivered, checked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Delivered {
    pub line: Uuid,
    pub received: i64,
    pub unit_price_fen: i64,
    pub room: Option<Uuid>,
}

/// A checked acceptance.
#[derive(Clone, Debug, PartialEq)]
pub struct Acceptance {
    /// Every line of the purchase, in order, with what came of it.
    pub lines: Vec<Delivered>,
    pub photos: Vec<Uuid>,
    pub note: Option<String>,
    /// Σ received × price paid, in fen.
    pub actual_fen: i64,
}

impl Acceptance {
    /// Checks `input` against the lines `ordered`: each line named once at most, never more
    /// received than ordered, and something received.
    pub fn parse(input: &AcceptInput, ordered: &[Ordered]) -> Result<Self, Invalid> {
        if input.photos.len() > MAX_PHOTOS {
            return Err(Invalid::new(
                Field::Photo,
                Problem::AtMost { max: MAX_PHOTOS },
            ));
        }
        let mut lines = Vec::with_capacity(ordered.len());
        for line in ordered {
            let mut named = input.lines.iter().filter(|d| d.line_id == line.id);
            let delivered = match (named.next(), named.next()) {
                (_, Some(_)) => return Err(Invalid::new(Field::Lines, Problem::Conflicting)),
                (Some(d), None) => d,
                (None, None) => {
                    lines.push(Delivered {
                        line: line.id,
                        received: 0,
                        unit_price_fen: line.estimate_fen,
                        room: None,
                    });
                    continue;
                }
            };
            if !(0..=line.quantity).contains(&delivered.received) {
                return Err(Invalid::new(Field::Quantity, Problem::OutOfRange));
            }
            lines.push(Delivered {
                line: line.id,
                received: delivered.received,
                unit_price_fen: unit_price(delivered.unit_price_fen.unwrap_or(line.estimate_fen))?,
                room: delivered.room_id,
            });
        }
        if let Some(stray) = input
            .lines
            .iter()
            .find(|d| !ordered.iter().any(|o| o.id == d.line_id))
        {
            let code = stray.line_id.to_string();
            return Err(Invalid::new(Field::Lines, Problem::NotRegistered { code }));
        }
        if lines.iter().all(|l| l.received == 0) {
            return Err(Invalid::new(Field::Lines, Problem::Empty));
        }
        let actual_fen = lines.iter().map(|l| l.received * l.unit_price_fen).sum();
        Ok(Self {
            lines,
            photos: input.photos.clone(),
            note: optional_text(Field::Notes, input.note.as_deref().unwrap_or(""), 200)?,
            actual_fen,
        })
    }
}

/// A reimbursement's voucher number (报销凭证号).
pub fn voucher(raw: &str) -> Result<String, Invalid> {
    bounded_text(Field::Voucher, raw, 40)
}

/// The year's budget as an admin sets it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetInput {
    /// What the department may spend each month on the month's line.
    pub monthly_fen: i64,
    /// What it may spend in the whole year, both lines together.
    pub yearly_fen: i64,
    /// A purchase estimated above this needs two admins' approval.
    pub threshold_fen: i64,
}

impl BudgetInput {
    pub fn check(self) -> Result<Self, Invalid> {
        let fen = |raw: i64, field| {
            if (0..=MAX_BUDGET_FEN).contains(&raw) {
                Ok(raw)
            } else {
                Err(Invalid::new(field, Problem::OutOfRange))
            }
        };
        fen(self.monthly_fen, Field::Budget)?;
        fen(self.yearly_fen, Field::Budget)?;
        fen(self.threshold_fen, Field::Threshold)?;
        Ok(self)
    }
}

/// A budget year: 2000 to 2100.
pub fn budget_year(raw: i64) -> Result<i32, Invalid> {
    match raw {
        2000..=2100 => Ok(raw as i32),
        _ => Err(Invalid::new(Field::Period, Problem::OutOfRange)),
    }
}

/// The year's budget and what has been spent against it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Spending {
    pub year: i32,
    /// The month whose spending is counted: `2026-12`.
    pub month: String,
    /// The year's budget; none when no admin has set it.
    pub budget: Option<BudgetInput>,
    /// Spent this month on the month's line, in fen.
    pub month_spent_fen: i64,
    /// Spent this year on both lines, in fen.
    pub year_spent_fen: i64,
    /// Purchases waiting for an approval (the first or the second).
    pub waiting: i64,
}

impl Spending {
    /// Spent past the month's or the year's budget.
    pub fn over(&self) -> bool {
        self.budget.is_some_and(|b| {
            self.month_spent_fen > b.monthly_fen || self.year_spent_fen > b.yearly_fen
        })
    }
}

/// One line of a purchase and what came of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PurchaseLine {
    pub id: Uuid,
    pub position: i64,
    pub kind: LineKind,
    /// The store's item, for a supply line.
    pub item_id: Option<Uuid>,
    pub name: String,
    pub category: Option<String>,
    pub quantity: i64,
    pub estimate_fen: i64,
    /// How many came; none before delivery.
    pub received: Option<i64>,
    pub unit_price_fen: Option<i64>,
    pub room: Option<Named>,
}

/// An asset a purchase registered, with the tag its label will carry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoughtAsset {
    pub id: Uuid,
    pub asset_code: String,
    pub name: String,
    pub tag: String,
}

/// A purchase as a list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PurchaseSummary {
    pub id: Uuid,
    pub number: String,
    pub reason: String,
    pub state: PurchaseState,
    pub budget: BudgetLine,
    pub estimate_fen: i64,
    pub actual_fen: Option<i64>,
    pub requested_by: Named,
    /// School time, `2026-12-07 09:30`.
    pub requested_at: String,
    pub lines: i64,
}

/// A purchase with every step it took.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Purchase {
    #[serde(flatten)]
    pub summary: PurchaseSummary,
    pub supplier: Option<String>,
    /// The month it is charged to: `2026-12`.
    pub budget_month: String,
    pub first_approved_by: Option<Named>,
    pub approved_by: Option<Named>,
    pub approved_at: Option<String>,
    /// Who refused or withdrew it, when, and why.
    pub decided_by: Option<Named>,
    pub decided_at: Option<String>,
    pub refusal: Option<String>,
    pub accepted_by: Option<Named>,
    pub accepted_at: Option<String>,
    pub accept_note: Option<String>,
    pub voucher: Option<String>,
    pub reimbursed_by: Option<Named>,
    pub reimbursed_at: Option<String>,
    pub items: Vec<PurchaseLine>,
    pub photos: Vec<Uuid>,
    pub assets: Vec<BoughtAsset>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asking(state: PurchaseState, estimate_fen: i64) -> Approval {
        Approval {
            state,
            estimate_fen,
            requested_by: Uuid::from_u128(1),
            first_approver: None,
        }
    }

    #[test]
    fn above_the_threshold_two_different_admins_approve() {
        let (first, second) = (Uuid::from_u128(2), Uuid::from_u128(3));
        let small = asking(PurchaseState::Requested, 50_000);
        assert_eq!(approve(&small, 50_000, first), Ok(PurchaseState::Approved));
        let big = asking(PurchaseState::Requested, 50_001);
        assert_eq!(approve(&big, 50_000, first), Ok(PurchaseState::Approving));
        let once = Approval {
            state: PurchaseState::Approving,
            first_approver: Some(first),
            ..big
        };
        assert_eq!(
            approve(&once, 50_000, first).unwrap_err().problem,
            Problem::NeedsAnotherApprover
        );
        assert_eq!(approve(&once, 50_000, second), Ok(PurchaseState::Approved));
    }

    #[test]
    fn nobody_approves_their_own_request_or_a_closed_one() {
        let own = asking(PurchaseState::Requested, 100);
        assert_eq!(
            approve(&own, 0, own.requested_by).unwrap_err().problem,
            Problem::NeedsAnotherApprover
        );
        for state in [
            PurchaseState::Approved,
            PurchaseState::Refused,
            PurchaseState::Accepted,
        ] {
            let done = asking(state, 100);
            assert_eq!(
                approve(&done, 0, Uuid::from_u128(9)).unwrap_err().problem,
                Problem::BadTransition
            );
        }
    }

    #[test]
    fn the_steps_follow_the_plan_order() {
        use PurchaseState::*;
        assert!(step(Requested, Accepted).is_err());
        assert!(step(Approved, Reimbursed).is_err());
        assert_eq!(step(Approved, Accepted), Ok(Accepted));
        assert_eq!(step(Accepted, Reimbursed), Ok(Reimbursed));
        assert_eq!(step(Approving, Withdrawn), Ok(Withdrawn));
        assert!(step(Approved, Withdrawn).is_err());
    }

    fn line(kind: &str) -> LineInput {
        LineInput {
            kind: kind.into(),
            item_id: Some(Uuid::from_u128(7)),
            name: Some("投影仪".into()),
            category: Some("电教设备".into()),
            quantity: 3,
            estimate_fen: 350_000,
        }
    }

    #[test]
    fn a_request_sums_its_estimate_and_checks_each_line() {
        let input = PurchaseInput {
            reason: "三楼教室更换投影仪".into(),
            budget: "year".into(),
            supplier: None,
            lines: vec![
                line("asset"),
                LineInput {
                    quantity: 10,
                    estimate_fen: 2_350,
                    ..line("supply")
                },
            ],
        };
        let p = NewPurchase::parse(&input).unwrap();
        assert_eq!(p.estimate_fen, 3 * 350_000 + 10 * 2_350);
        assert_eq!(p.budget, BudgetLine::Year);
        let nameless = PurchaseInput {
            lines: vec![LineInput {
                name: None,
                ..line("asset")
            }],
            ..input.clone()
        };
        assert_eq!(
            NewPurchase::parse(&nameless).unwrap_err().field,
            Field::Name
        );
        let itemless = PurchaseInput {
            lines: vec![LineInput {
                item_id: None,
                ..line("supply")
            }],
            ..input.clone()
        };
        assert_eq!(
            NewPurchase::parse(&itemless).unwrap_err().field,
            Field::Item
        );
        let empty = PurchaseInput {
            lines: vec![],
            ..input.clone()
        };
        assert_eq!(NewPurchase::parse(&empty).unwrap_err().field, Field::Lines);
        let many = PurchaseInput {
            lines: vec![line("asset"); MAX_LINES + 1],
            ..input
        };
        assert_eq!(NewPurchase::parse(&many).unwrap_err().field, Field::Lines);
    }

    #[test]
    fn a_delivery_never_exceeds_the_order_and_brings_something() {
        let ordered = [
            Ordered {
                id: Uuid::from_u128(1),
                quantity: 3,
                estimate_fen: 100,
            },
            Ordered {
                id: Uuid::from_u128(2),
                quantity: 5,
                estimate_fen: 40,
            },
        ];
        let came = |line: u128, received: i64| DeliveredInput {
            line_id: Uuid::from_u128(line),
            received,
            unit_price_fen: None,
            room_id: None,
        };
        let input = AcceptInput {
            lines: vec![came(1, 2)],
            photos: vec![],
            note: None,
        };
        let accepted = Acceptance::parse(&input, &ordered).unwrap();
        assert_eq!(accepted.actual_fen, 200);
        assert_eq!(accepted.lines[1].received, 0);
        let over = AcceptInput {
            lines: vec![came(2, 6)],
            ..input.clone()
        };
        assert_eq!(
            Acceptance::parse(&over, &ordered).unwrap_err().field,
            Field::Quantity
        );
        let twice = AcceptInput {
            lines: vec![came(1, 1), came(1, 1)],
            ..input.clone()
        };
        assert_eq!(
            Acceptance::parse(&twice, &ordered).unwrap_err().problem,
            Problem::Conflicting
        );
        let nothing = AcceptInput {
            lines: vec![came(1, 0)],
            ..input.clone()
        };
        assert_eq!(
            Acceptance::parse(&nothing, &ordered).unwrap_err().problem,
            Problem::Empty
        );
        let stray = AcceptInput {
            lines: vec![came(9, 1)],
            ..input
        };
        assert_eq!(
            Acceptance::parse(&stray, &ordered).unwrap_err().field,
            Field::Lines
        );
    }

    #[test]
    fn numbers_and_asset_codes_read_as_the_school_writes_them() {
        assert_eq!(number(2026, 7), "CG2026-007");
        let code = asset_code("CG2026-007", 1, 2);
        assert_eq!(code, "CG2026-007-1-02");
        assert!(
            crate::domain::AssetCode::parse(&asset_code(&number(2026, 999_999), 20, 99)).is_ok()
        );
    }

    #[test]
    fn spending_past_either_budget_is_over() {
        let budget = BudgetInput {
            monthly_fen: 1_000,
            yearly_fen: 10_000,
            threshold_fen: 500,
        };
        let mut s = Spending {
            year: 2026,
            month: "2026-12".into(),
            budget: Some(budget),
            month_spent_fen: 1_000,
            year_spent_fen: 9_000,
            waiting: 0,
        };
        assert!(!s.over());
        s.year_spent_fen = 10_001;
        assert!(s.over());
        assert!(BudgetInput {
            threshold_fen: -1,
            ..budget
        }
        .check()
        .is_err());
    }
}
