//! What the stocktake pages show and do, one call each; the rules live in
//! `crate::ssr::stocktake`, shared with the API.

use super::Saved;
use crate::error::AppError;
use crate::model::Named;
use crate::stocktake::{Stocktake, StocktakeHead};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The stocktakes page: the school's stocktakes, and for whoever may start one the buildings
/// to choose from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StocktakeBoard {
    pub stocktakes: Vec<StocktakeHead>,
    /// Empty unless the visitor may start a stocktake.
    pub buildings: Vec<Named>,
    pub can_start: bool,
    pub today: String,
}

#[server(prefix = "/sf", endpoint = "stocktakes")]
pub async fn stocktake_desk() -> Result<StocktakeBoard, AppError> {
    use crate::ssr::visitor::{state, visitor};
    let (st, v) = (state()?, visitor());
    let stocktakes = crate::ssr::stocktake::list(&st, &v, crate::model::Paging::ALL).await?;
    let can_start = v.user.as_ref().is_some_and(|u| u.role.manages_register());
    let buildings = if can_start {
        crate::ssr::register::buildings(&st, &v)
            .await?
            .into_iter()
            .map(|b| Named {
                id: b.id,
                name: b.name,
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(StocktakeBoard {
        stocktakes,
        buildings,
        can_start,
        today: crate::ssr::clock::school_today().to_string(),
    })
}

#[server(prefix = "/sf", endpoint = "stocktake")]
pub async fn stocktake_view(id: String) -> Result<Stocktake, AppError> {
    use crate::ssr::visitor::{state, visitor};
    crate::ssr::stocktake::view(&state()?, &visitor(), super::parse_id(&id)?).await
}

/// Starts a stocktake of the whole school (`building` empty) or of one building.
#[server(prefix = "/sf", endpoint = "start_stocktake")]
pub async fn start_stocktake(
    name: String,
    building: String,
    due: String,
) -> Result<Saved, AppError> {
    use crate::ssr::visitor::{state, visitor};
    use crate::stocktake::{StocktakeRequest, StocktakeScope};
    let buildings = match building.trim() {
        "" => Vec::new(),
        id => vec![super::parse_id(id)?],
    };
    let req = StocktakeRequest {
        name,
        scope: StocktakeScope {
            buildings,
            ..Default::default()
        },
        participants: Vec::new(),
        due: Some(due),
    };
    let started = crate::ssr::stocktake::start(&state()?, &visitor(), req).await?;
    Ok(Saved {
        url: format!("/stocktakes/{}", started.head.id),
    })
}

/// Ends the counting (refused, naming them, while someone has not handed in).
#[server(prefix = "/sf", endpoint = "finish_stocktake")]
pub async fn finish_stocktake(id: String) -> Result<Saved, AppError> {
    use crate::ssr::visitor::{state, visitor};
    let id = super::parse_id(&id)?;
    crate::ssr::stocktake::finish(&state()?, &visitor(), id).await?;
    Ok(Saved {
        url: format!("/stocktakes/{id}"),
    })
}

/// A finished stocktake's differences and how each was settled so far.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Differences {
    pub report: crate::stocktake::report::Report,
    pub settlements: Vec<crate::stocktake::settle::Settlement>,
    /// 盘盈 tags registered as assets since: tag code → the asset.
    pub registered: std::collections::HashMap<String, uuid::Uuid>,
}

#[server(prefix = "/sf", endpoint = "stocktake_differences")]
pub async fn stocktake_differences(id: String) -> Result<Differences, AppError> {
    use crate::ssr::visitor::{state, visitor};
    let (st, v, id) = (state()?, visitor(), super::parse_id(&id)?);
    let report = crate::ssr::stocktake::report(&st, &v, id).await?;
    Ok(Differences {
        registered: crate::ssr::stocktake::registered_surplus(&st, &v, &report).await?,
        settlements: crate::ssr::stocktake::settlements(&st, &v, id).await?,
        report,
    })
}

/// Settles one difference — `kind` is `move`, `found`, `write_off` or `register` and `target`
/// the asset — or, for the admin, decides a pending write-off: `kind` is `approve` or `refuse`
/// and `target` the settlement.
#[server(prefix = "/sf", endpoint = "settle_difference")]
pub async fn settle_difference(
    id: String,
    target: String,
    kind: String,
) -> Result<Saved, AppError> {
    use crate::domain::{Field, Invalid, Problem};
    use crate::ssr::visitor::{state, visitor};
    use crate::stocktake::settle::{SettleKind, SettleRequest};
    let (st, v) = (state()?, visitor());
    let (id, target) = (super::parse_id(&id)?, super::parse_id(&target)?);
    match kind.as_str() {
        "approve" | "refuse" => {
            let approve = kind == "approve";
            crate::ssr::stocktake::decide_write_off(&st, &v, id, target, approve).await?;
        }
        _ => {
            let req = SettleRequest {
                kind: SettleKind::parse(&kind)
                    .ok_or(Invalid::new(Field::Target, Problem::UnknownChoice))?,
                asset_id: target,
            };
            crate::ssr::stocktake::settle(&st, &v, id, req).await?;
        }
    }
    Ok(Saved {
        url: format!("/stocktakes/{id}"),
    })
}
