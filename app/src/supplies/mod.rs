//! The supplies store (日常用品: office and cleaning supplies, teaching aids, drinking water): the
//! items kept on the store's shelves, what is received (入库登记) and issued (领用), and the
//! requests teachers make. Stock on hand never goes below zero.

use crate::domain::{bounded_text, optional_text, Fen, Field, Invalid, Problem, Role};
use crate::model::Named;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

crate::choice_enum!(
    /// What a supply is for; the store's list groups by it.
    SupplyKind, Field::Kind, {
        Office => "office",
        Cleaning => "cleaning",
        Teaching => "teaching",
        Water => "water",
        Other => "other",
    }
);

crate::choice_enum!(
    /// Where a teacher's request stands: the keeper issues or refuses it, the teacher may
    /// withdraw it while it waits.
    RequestState, Field::Status, {
        Requested => "requested",
        Issued => "issued",
        Refused => "refused",
        Withdrawn => "withdrawn",
    }
);

crate::choice_enum!(
    /// Which way stock moved.
    MoveKind, Field::Kind, {
        Received => "received",
        Issued => "issued",
    }
);

/// The most of one item a single receipt, issue or request moves.
pub const MAX_QUANTITY: i64 = 100_000;

/// The highest price of one unit of a supply: 100,000 yuan, in fen.
pub const MAX_UNIT_PRICE_FEN: i64 = 10_000_000;

/// Keeping the store: adding items, receiving, issuing and refusing requests.
pub fn keeps_supplies(role: Role) -> bool {
    role.manages_register()
}

/// Asking the store for supplies: every one of a school's people.
pub fn requests_supplies(role: Role) -> bool {
    !role.manages_district()
}

/// A count of units moved or asked for: 1 up to [`MAX_QUANTITY`].
pub fn quantity(raw: i64) -> Result<i64, Invalid> {
    if (1..=MAX_QUANTITY).contains(&raw) {
        Ok(raw)
    } else {
        Err(Invalid::new(Field::Quantity, Problem::OutOfRange))
    }
}

/// Taking `wanted` from `on_hand`: what is left, or the refusal that says how many are left.
pub fn take(on_hand: i64, wanted: i64) -> Result<i64, Invalid> {
    if wanted <= on_hand {
        Ok(on_hand - wanted)
    } else {
        Err(short_of(on_hand))
    }
}

/// The refusal of an issue past the stock on hand.
pub fn short_of(left: i64) -> Invalid {
    Invalid::new(Field::Quantity, Problem::NotEnoughStock { left })
}

/// The step a request may take from `state`, or why not.
pub fn step(state: RequestState, to: RequestState) -> Result<RequestState, Invalid> {
    use RequestState::*;
    match (state, to) {
        (Requested, Issued | Refused | Withdrawn) => Ok(to),
        _ => Err(Invalid::new(Field::Status, Problem::BadTransition)),
    }
}

/// An item of the store, with what is on hand now.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SupplyItem {
    pub id: Uuid,
    pub name: String,
    pub kind: SupplyKind,
    /// 包, 盒, 桶 …
    pub unit: String,
    /// Where it is kept (货架 A-2).
    pub shelf: Option<String>,
    pub shelf_id: Option<Uuid>,
    /// At or below this, the item is on the low-stock list.
    pub min_stock: i64,
    pub on_hand: i64,
    /// On hand at or below the minimum.
    pub low: bool,
    /// Requests of it still waiting for the keeper.
    pub waiting: i64,
}

/// A shelf of the store, with the tag its label carries and how many items it holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shelf {
    pub id: Uuid,
    pub name: String,
    pub tag: String,
    pub items: i64,
}

/// A new item, as a form or the API gives it; checked by [`NewSupplyItem::parse`].
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupplyItemInput {
    pub name: String,
    pub kind: String,
    pub unit: String,
    #[serde(default)]
    pub shelf: Option<String>,
    #[serde(default)]
    pub min_stock: Option<i64>,
}

/// A checked item, ready to store.
#[derive(Clone, Debug, PartialEq)]
pub struct NewSupplyItem {
    pub name: String,
    pub kind: SupplyKind,
    pub unit: String,
    pub shelf: Option<String>,
    pub min_stock: i64,
}

impl NewSupplyItem {
    pub fn parse(input: &SupplyItemInput) -> Result<Self, Invalid> {
        let min_stock = input.min_stock.unwrap_or(0);
        if !(0..=MAX_QUANTITY).contains(&min_stock) {
            return Err(Invalid::new(Field::MinStock, Problem::OutOfRange));
        }
        Ok(Self {
            name: bounded_text(Field::Name, &input.name, 60)?,
            kind: SupplyKind::parse(&input.kind)?,
            unit: bounded_text(Field::Unit, &input.unit, 10)?,
            shelf: optional_text(Field::Shelf, input.shelf.as_deref().unwrap_or(""), 40)?,
            min_stock,
        })
    }
}

/// Stock received (入库登记): how many, from whom, at what price.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReceiptInput {
    pub quantity: i64,
    #[serde(default)]
    pub supplier: Option<String>,
    /// The price of one unit, in fen.
    #[serde(default)]
    pub unit_price_fen: Option<i64>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Stock issued by the keeper to a class or an office (领用), without a request first.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssueInput {
    pub quantity: i64,
    /// The class or office it goes to (三年级2班, 教务处).
    pub issued_to: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// A teacher's request for an item.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestInput {
    pub item_id: Uuid,
    pub quantity: i64,
    pub issued_to: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// A move of stock, checked: received or issued.
#[derive(Clone, Debug, PartialEq)]
pub struct NewMove {
    pub kind: MoveKind,
    pub quantity: i64,
    pub supplier: Option<String>,
    pub unit_price: Option<Fen>,
    /// The price of the whole receipt in fen (quantity × unit price).
    pub amount: Option<i64>,
    pub issued_to: Option<String>,
    pub note: Option<String>,
}

fn note(raw: &Option<String>) -> Result<Option<String>, Invalid> {
    optional_text(Field::Notes, raw.as_deref().unwrap_or(""), 200)
}

/// Where an issue goes: a class or an office.
pub fn issued_to(raw: &str) -> Result<String, Invalid> {
    bounded_text(Field::IssuedTo, raw, 40)
}

impl NewMove {
    pub fn receipt(input: &ReceiptInput) -> Result<Self, Invalid> {
        let quantity = quantity(input.quantity)?;
        let unit_price = input
            .unit_price_fen
            .map(|fen| match fen {
                0..=MAX_UNIT_PRICE_FEN => Ok(Fen::new(fen)?),
                _ => Err(Invalid::new(Field::Price, Problem::OutOfRange)),
            })
            .transpose()?;
        let amount = unit_price.map(|p| p.fen() * quantity);
        Ok(Self {
            kind: MoveKind::Received,
            quantity,
            supplier: optional_text(Field::Supplier, input.supplier.as_deref().unwrap_or(""), 60)?,
            unit_price,
            amount,
            issued_to: None,
            note: note(&input.note)?,
        })
    }

    pub fn issue(input: &IssueInput) -> Result<Self, Invalid> {
        Ok(Self {
            kind: MoveKind::Issued,
            quantity: quantity(input.quantity)?,
            supplier: None,
            unit_price: None,
            amount: None,
            issued_to: Some(issued_to(&input.issued_to)?),
            note: note(&input.note)?,
        })
    }
}

/// A checked request, ready to store.
#[derive(Clone, Debug, PartialEq)]
pub struct NewRequest {
    pub item: Uuid,
    pub quantity: i64,
    pub issued_to: String,
    pub note: Option<String>,
}

impl NewRequest {
    pub fn parse(input: &RequestInput) -> Result<Self, Invalid> {
        Ok(Self {
            item: input.item_id,
            quantity: quantity(input.quantity)?,
            issued_to: issued_to(&input.issued_to)?,
            note: note(&input.note)?,
        })
    }
}

/// One move of an item's stock, as its card lists them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SupplyMove {
    pub id: Uuid,
    pub item: Named,
    pub unit: String,
    pub kind: MoveKind,
    pub quantity: i64,
    /// On hand right after the move.
    pub on_hand_after: i64,
    pub supplier: Option<String>,
    pub unit_price_fen: Option<i64>,
    pub amount_fen: Option<i64>,
    pub issued_to: Option<String>,
    /// The request an issue answered.
    pub request_id: Option<Uuid>,
    /// The purchase a receipt came from.
    pub purchase_id: Option<Uuid>,
    pub note: Option<String>,
    pub by: Named,
    /// School time, `2026-12-07 09:30`.
    pub at: String,
}

/// A teacher's request and where it stands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SupplyRequest {
    pub id: Uuid,
    pub item: Named,
    pub unit: String,
    pub quantity: i64,
    pub issued_to: String,
    pub note: Option<String>,
    pub state: RequestState,
    pub requested_by: Named,
    pub requested_at: String,
    pub decided_by: Option<Named>,
    pub decided_at: Option<String>,
    /// Why the keeper refused it.
    pub reason: Option<String>,
    /// What the store has of the item now.
    pub on_hand: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_issue_never_takes_more_than_is_on_hand() {
        assert_eq!(take(5, 5), Ok(0));
        assert_eq!(take(5, 2), Ok(3));
        assert_eq!(
            take(3, 4).unwrap_err().problem,
            Problem::NotEnoughStock { left: 3 }
        );
    }

    #[test]
    fn quantities_are_whole_units_within_reason() {
        assert!(quantity(0).is_err());
        assert!(quantity(-2).is_err());
        assert!(quantity(MAX_QUANTITY + 1).is_err());
        assert_eq!(quantity(12), Ok(12));
    }

    #[test]
    fn only_a_waiting_request_is_issued_refused_or_withdrawn() {
        use RequestState::*;
        assert_eq!(step(Requested, Issued), Ok(Issued));
        assert_eq!(step(Requested, Withdrawn), Ok(Withdrawn));
        for done in [Issued, Refused, Withdrawn] {
            assert!(step(done, Issued).is_err());
            assert!(step(done, Refused).is_err());
        }
        assert!(step(Requested, Requested).is_err());
    }

    #[test]
    fn a_receipt_prices_the_whole_delivery_in_fen() {
        let input = ReceiptInput {
            quantity: 12,
            supplier: Some(" 晨光文具 ".into()),
            unit_price_fen: Some(1_250),
            note: None,
        };
        let receipt = NewMove::receipt(&input).unwrap();
        assert_eq!(receipt.amount, Some(15_000));
        assert_eq!(receipt.supplier.as_deref(), Some("晨光文具"));
        let dearest = ReceiptInput {
            quantity: MAX_QUANTITY,
            unit_price_fen: Some(MAX_UNIT_PRICE_FEN),
            ..input.clone()
        };
        assert_eq!(
            NewMove::receipt(&dearest).unwrap().amount,
            Some(MAX_QUANTITY * MAX_UNIT_PRICE_FEN)
        );
        let absurd = ReceiptInput {
            unit_price_fen: Some(MAX_UNIT_PRICE_FEN + 1),
            ..input
        };
        assert_eq!(NewMove::receipt(&absurd).unwrap_err().field, Field::Price);
    }

    #[test]
    fn an_item_needs_a_name_a_kind_and_a_unit() {
        let input = SupplyItemInput {
            name: "A4 复印纸".into(),
            kind: "office".into(),
            unit: "包".into(),
            shelf: Some("  ".into()),
            min_stock: None,
        };
        let item = NewSupplyItem::parse(&input).unwrap();
        assert_eq!((item.shelf, item.min_stock), (None, 0));
        let no_unit = SupplyItemInput {
            unit: String::new(),
            ..input.clone()
        };
        assert_eq!(
            NewSupplyItem::parse(&no_unit).unwrap_err(),
            Invalid::new(Field::Unit, Problem::Required)
        );
        let negative = SupplyItemInput {
            min_stock: Some(-1),
            ..input
        };
        assert_eq!(
            NewSupplyItem::parse(&negative).unwrap_err().field,
            Field::MinStock
        );
    }
}
