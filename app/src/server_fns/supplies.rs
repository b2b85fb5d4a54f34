//! The supplies pages' data and actions: everyone of the school sees the store and asks for
//! what they need; the keeper (the asset manager or the admin) adds items, receives, issues
//! and answers requests.

use super::Saved;
#[cfg(feature = "ssr")]
use super::{asker, count, optional_fen};
use crate::error::AppError;
use crate::model::Page;
use crate::supplies::{Shelf, SupplyItem, SupplyMove, SupplyRequest};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The store page: the items, the requests the asker sees (everyone's waiting ones for the
/// keeper, one's own for anyone else), and whether the asker keeps the store.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoreRoom {
    pub items: Page<SupplyItem>,
    pub requests: Vec<SupplyRequest>,
    pub keeps: bool,
}

/// One item's page: the item, its latest moves (for the keeper) and the asker's requests of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemCard {
    pub item: SupplyItem,
    pub moves: Vec<SupplyMove>,
    pub requests: Vec<SupplyRequest>,
    pub keeps: bool,
}

/// Requests a page shows at once.
#[cfg(feature = "ssr")]
const REQUESTS_SHOWN: i64 = 100;

#[server(prefix = "/sf", endpoint = "supply_desk")]
pub async fn supply_desk(q: String, low: String) -> Result<StoreRoom, AppError> {
    use crate::model::{ListQuery, Paging};
    use crate::supplies::{keeps_supplies, requests_supplies, RequestState};
    let (v, st) = asker(requests_supplies)?;
    let keeps = keeps_supplies(v.signed_in()?.role);
    let list = ListQuery {
        q: Some(q),
        limit: Some(ListQuery::MAX_LIMIT),
        offset: None,
    };
    let filter = crate::ssr::supplies::store::ItemFilter {
        list,
        low_only: !low.trim().is_empty(),
        shelf: None,
    };
    let items = crate::ssr::supplies::items(&st, &v, filter).await?;
    let state = keeps.then_some(RequestState::Requested);
    let paging = Paging::first(REQUESTS_SHOWN);
    let requests = crate::ssr::supplies::requests(&st, &v, (state, None), paging).await?;
    Ok(StoreRoom {
        items,
        requests,
        keeps,
    })
}

#[server(prefix = "/sf", endpoint = "supply_card")]
pub async fn supply_card(id: String) -> Result<ItemCard, AppError> {
    use crate::model::Paging;
    use crate::supplies::{keeps_supplies, requests_supplies};
    let (v, st) = asker(requests_supplies)?;
    let keeps = keeps_supplies(v.signed_in()?.role);
    let item = crate::ssr::supplies::item(&st, &v, super::parse_id(&id)?).await?;
    let moves = if keeps {
        crate::ssr::supplies::moves(&st, &v, Some(item.id), Paging::first(50)).await?
    } else {
        Vec::new()
    };
    let of_item = (None, Some(item.id));
    let requests =
        crate::ssr::supplies::requests(&st, &v, of_item, Paging::first(REQUESTS_SHOWN)).await?;
    Ok(ItemCard {
        item,
        moves,
        requests,
        keeps,
    })
}

/// What a shelf's label opens: the shelf and every item on it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShelfView {
    pub shelf: Shelf,
    pub items: Vec<SupplyItem>,
}

/// The shelf a scanned tag names (the tag page calls this).
#[cfg(feature = "ssr")]
pub(crate) async fn shelf_view(
    st: &crate::ssr::state::AppState,
    v: &crate::ssr::visitor::Visitor,
    id: uuid::Uuid,
) -> Result<ShelfView, AppError> {
    let (shelf, items) = crate::ssr::supplies::shelf(st, v, id).await?;
    Ok(ShelfView {
        shelf,
        items: items.items,
    })
}

/// Back to the item's page, reloaded.
#[cfg(feature = "ssr")]
fn item_page(item: uuid::Uuid) -> Saved {
    Saved {
        url: format!("/supplies/{item}?saved={}", uuid::Uuid::now_v7()),
    }
}

#[server(prefix = "/sf", endpoint = "save_supply_item")]
pub async fn save_supply_item(
    id: String,
    name: String,
    kind: String,
    unit: String,
    shelf: String,
    min_stock: String,
) -> Result<Saved, AppError> {
    use crate::domain::Field;
    use crate::supplies::{keeps_supplies, SupplyItemInput};
    let (v, st) = asker(keeps_supplies)?;
    let min_stock = match min_stock.trim() {
        "" => None,
        raw => Some(count(raw, Field::MinStock)?),
    };
    let input = SupplyItemInput {
        name,
        kind,
        unit,
        shelf: Some(shelf),
        min_stock,
    };
    let item = if id.trim().is_empty() {
        crate::ssr::supplies::add(&st, &v, &input).await?
    } else {
        crate::ssr::supplies::edit(&st, &v, super::parse_id(&id)?, &input).await?
    };
    Ok(item_page(item.id))
}

#[server(prefix = "/sf", endpoint = "receive_supplies")]
pub async fn receive_supplies(
    id: String,
    quantity: String,
    supplier: String,
    unit_price: String,
    note: String,
) -> Result<Saved, AppError> {
    use crate::domain::Field;
    use crate::supplies::{keeps_supplies, ReceiptInput};
    let (v, st) = asker(keeps_supplies)?;
    let item = super::parse_id(&id)?;
    let unit_price_fen = optional_fen(&unit_price, Field::Price)?;
    let input = ReceiptInput {
        quantity: count(&quantity, Field::Quantity)?,
        supplier: Some(supplier),
        unit_price_fen,
        note: Some(note),
    };
    crate::ssr::supplies::receive(&st, &v, item, &input).await?;
    Ok(item_page(item))
}

#[server(prefix = "/sf", endpoint = "issue_supplies")]
pub async fn issue_supplies(
    id: String,
    quantity: String,
    issued_to: String,
    note: String,
) -> Result<Saved, AppError> {
    use crate::domain::Field;
    use crate::supplies::{keeps_supplies, IssueInput};
    let (v, st) = asker(keeps_supplies)?;
    let item = super::parse_id(&id)?;
    let input = IssueInput {
        quantity: count(&quantity, Field::Quantity)?,
        issued_to,
        note: Some(note),
    };
    crate::ssr::supplies::issue(&st, &v, item, &input).await?;
    Ok(item_page(item))
}

#[server(prefix = "/sf", endpoint = "request_supplies")]
pub async fn request_supplies(
    id: String,
    quantity: String,
    issued_to: String,
    note: String,
) -> Result<Saved, AppError> {
    use crate::domain::Field;
    use crate::supplies::{requests_supplies, RequestInput};
    let (v, st) = asker(requests_supplies)?;
    let input = RequestInput {
        item_id: super::parse_id(&id)?,
        quantity: count(&quantity, Field::Quantity)?,
        issued_to,
        note: Some(note),
    };
    let made = crate::ssr::supplies::request(&st, &v, &input).await?;
    Ok(item_page(made.item.id))
}

/// What the keeper does with a waiting request: `issue` it or `refuse` it with a reason; what
/// the one who asked does: `withdraw` it.
#[server(prefix = "/sf", endpoint = "answer_supply_request")]
pub async fn answer_supply_request(
    id: String,
    answer: String,
    reason: String,
) -> Result<Saved, AppError> {
    use crate::domain::{Field, Invalid, Problem};
    use crate::supplies::requests_supplies;
    let (v, st) = asker(requests_supplies)?;
    let id = super::parse_id(&id)?;
    let item = match answer.as_str() {
        "issue" => crate::ssr::supplies::issue_request(&st, &v, id).await?.item,
        "refuse" => {
            crate::ssr::supplies::refuse(&st, &v, id, &reason)
                .await?
                .item
        }
        "withdraw" => crate::ssr::supplies::withdraw(&st, &v, id).await?.item,
        _ => return Err(Invalid::new(Field::Status, Problem::UnknownChoice).into()),
    };
    Ok(item_page(item.id))
}
