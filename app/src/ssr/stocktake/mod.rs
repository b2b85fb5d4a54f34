//! Stocktakes: starting one (asset manager, admin), counting room by room (staff among its
//! participants, asset managers, admins), each scan classified against the frozen list and
//! counted once, finishing. The API, the offline sync and the pages all call this.

pub mod pdf;
pub mod store;
pub mod tables;
pub mod xlsx;

use crate::domain::{Field, Invalid, Problem, Role, TagCode};
use crate::error::{AppError, AppResult};
use crate::model::{Paging, TagTarget, User};
use crate::ssr::state::AppState;
use crate::ssr::store::Store;
use crate::ssr::visitor::Visitor;
use crate::stocktake::report::Report;
use crate::stocktake::settle::{SettleKind, SettleRequest, Settlement};
use crate::stocktake::{
    classify, tally, ExpectedAsset, Scan, ScanRequest, Stocktake, StocktakeHead, StocktakeRequest,
    StocktakeRoom, StocktakeStatus,
};
use std::collections::{HashMap, HashSet};
use store::{Recorded, ScanDraft, SettlementDraft, StocktakeDraft};
use uuid::Uuid;

/// Whether `user` may count in the stocktake: asset managers and admins always; staff when
/// the stocktake names no participants or names them.
fn may_count(user: &User, head: &StocktakeHead) -> bool {
    user.role.manages_register()
        || (user.role.inspects()
            && (head.participants.is_empty() || head.participants.iter().any(|p| p.id == user.id)))
}

/// The stocktake (404 when not of this school), for someone who may see it.
async fn head_of(school: &dyn Store, v: &Visitor, id: Uuid) -> AppResult<StocktakeHead> {
    v.require(|r| r.inspects())?;
    school.stocktake(id).await?.ok_or(AppError::NotFound)
}

/// The stocktake, for someone who may count in it while it is open.
async fn counting(school: &dyn Store, v: &Visitor, id: Uuid) -> AppResult<StocktakeHead> {
    let head = head_of(school, v, id).await?;
    if !may_count(v.signed_in()?, &head) {
        return Err(AppError::Forbidden);
    }
    if head.status != StocktakeStatus::Counting {
        return Err(Invalid::new(Field::Status, Problem::BadTransition).into());
    }
    Ok(head)
}

/// Starts a stocktake of `req.scope`; the expected list is frozen as the register is now.
pub async fn start(state: &AppState, v: &Visitor, req: StocktakeRequest) -> AppResult<Stocktake> {
    v.require(|r| r.manages_register())?;
    let school = state.school(v)?;
    let (name, due) = req.check()?;
    let unknown = || Invalid::new(Field::Scope, Problem::UnknownChoice);
    let buildings = school.list_buildings().await?;
    if !req
        .scope
        .buildings
        .iter()
        .all(|b| buildings.iter().any(|known| known.id == *b))
    {
        return Err(unknown().into());
    }
    for room in &req.scope.rooms {
        school.get_room(*room).await?.ok_or_else(unknown)?;
    }
    // Named twice is named once (found by schemathesis: the second was a database error).
    let mut participants: Vec<Uuid> = Vec::with_capacity(req.participants.len());
    for id in &req.participants {
        if !participants.contains(id) {
            participants.push(*id);
        }
    }
    for id in &participants {
        let user = school.get_user(*id).await?;
        if !user.is_some_and(|u| u.active && u.role.inspects()) {
            return Err(Invalid::new(Field::Assignee, Problem::UnknownChoice).into());
        }
    }
    let id = Uuid::now_v7();
    let draft = StocktakeDraft {
        id,
        name,
        scope: req.scope,
        participants,
        due,
    };
    school.start_stocktake(v.actor(), draft).await?;
    view(state, v, id).await
}

/// Every stocktake of the school, newest first.
pub async fn list(state: &AppState, v: &Visitor, paging: Paging) -> AppResult<Vec<StocktakeHead>> {
    v.require(|r| r.inspects())?;
    state.school(v)?.stocktakes(paging).await
}

/// The stocktake's rooms with who counts each, and the tallies.
async fn assemble(
    school: &dyn Store,
    head: StocktakeHead,
    expected: &[ExpectedAsset],
    scans: &[Scan],
) -> AppResult<Stocktake> {
    let rooms = school
        .stocktake_rooms(head.id)
        .await?
        .into_iter()
        .map(|r| StocktakeRoom {
            tally: tally(expected, scans, Some(r.room_id)),
            room_id: r.room_id,
            building: r.building,
            room: r.room,
            tag: r.tag,
            counter: r.counter,
        })
        .collect();
    Ok(Stocktake {
        tally: tally(expected, scans, None),
        counting: school.still_counting(head.id).await?,
        head,
        rooms,
    })
}

/// The stocktake assembled, with the frozen list and the scans it was counted from.
async fn load(
    state: &AppState,
    v: &Visitor,
    id: Uuid,
) -> AppResult<(Stocktake, Vec<ExpectedAsset>, Vec<Scan>)> {
    let school = state.school(v)?;
    let head = head_of(school.as_ref(), v, id).await?;
    let expected = school.expected_assets(id).await?;
    let scans = school.scans(id, Paging::ALL).await?;
    let stocktake = assemble(school.as_ref(), head, &expected, &scans).await?;
    Ok((stocktake, expected, scans))
}

/// A stocktake with its rooms, who counts each, and the tallies.
pub async fn view(state: &AppState, v: &Visitor, id: Uuid) -> AppResult<Stocktake> {
    Ok(load(state, v, id).await?.0)
}

/// 盘点报告: the stocktake with every difference listed, the assets reported damaged while it
/// was counted, and who counted how much.
pub async fn report(state: &AppState, v: &Visitor, id: Uuid) -> AppResult<Report> {
    let (stocktake, expected, scans) = load(state, v, id).await?;
    let damage = state.school(v)?.damage_notes(id).await?;
    Ok(crate::stocktake::report::report(
        stocktake, &expected, &scans, &damage,
    ))
}

/// 盘点报告 as an A4 PDF to print and sign, in the visitor's language.
pub async fn report_pdf(state: &AppState, v: &Visitor, id: Uuid) -> AppResult<Vec<u8>> {
    v.require(|r| r.inspects())?;
    let r = report(state, v, id).await?;
    let school = state.school(v)?.school_name().await?;
    let font = crate::ssr::labels::print::font(state)?;
    let now = tables::minutes(&chrono::Utc::now().to_rfc3339());
    pdf::render(font, r, school, v.lang, now).await
}

/// The frozen list a phone keeps to classify scans with no signal.
pub async fn expected(state: &AppState, v: &Visitor, id: Uuid) -> AppResult<Vec<ExpectedAsset>> {
    let school = state.school(v)?;
    head_of(school.as_ref(), v, id).await?;
    school.expected_assets(id).await
}

/// A page of a stocktake's scans, oldest first.
pub async fn scans(
    state: &AppState,
    v: &Visitor,
    id: Uuid,
    paging: Paging,
) -> AppResult<Vec<Scan>> {
    let school = state.school(v)?;
    head_of(school.as_ref(), v, id).await?;
    school.scans(id, paging).await
}

/// Checks a scan from a phone and classifies it against the frozen list; the store makes it a
/// repeat if someone counted the tag first. `open` holds the stocktakes the visitor was found to
/// count in earlier in the same batch (the store refuses a scan of a finished one by itself).
pub async fn prepare_scan(
    school: &dyn Store,
    v: &Visitor,
    req: &ScanRequest,
    open: &mut HashSet<Uuid>,
) -> AppResult<ScanDraft> {
    let id = req.id.ok_or(Invalid::new(Field::Body, Problem::Required))?;
    if !open.contains(&req.stocktake_id) {
        counting(school, v, req.stocktake_id).await?;
        open.insert(req.stocktake_id);
    }
    if !school
        .stocktake_has_room(req.stocktake_id, req.room_id)
        .await?
    {
        return Err(Invalid::new(Field::Room, Problem::UnknownChoice).into());
    }
    let code = TagCode::from_scan(&req.code)?;
    let registered = match school.resolve_tag(&code).await? {
        Some(TagTarget::Asset(asset)) => Some(asset),
        // A door tag selects the room on the phone; it is not a thing to count.
        Some(TagTarget::Room(_) | TagTarget::Shelf(_) | TagTarget::Key(_)) => {
            return Err(Invalid::new(Field::Tag, Problem::UnknownChoice).into())
        }
        Some(TagTarget::Unassigned) | None => None,
    };
    let expected = school
        .expected_by_tag(req.stocktake_id, code.as_str())
        .await?;
    let class = classify(expected.as_ref(), registered.is_some(), req.room_id, false);
    let counted = req.counted_for(expected.as_ref())?;
    let scanned_at = match req.scanned_at.as_deref() {
        None => chrono::Utc::now(),
        Some(at) => chrono::DateTime::parse_from_rfc3339(at)
            .map_err(|_| Invalid::new(Field::Body, Problem::BadDate))?
            .with_timezone(&chrono::Utc),
    };
    Ok(ScanDraft {
        id,
        stocktake_id: req.stocktake_id,
        room_id: req.room_id,
        code: code.to_string(),
        asset_id: expected.map(|e| e.asset_id).or(registered),
        class,
        scanned_at,
        counted,
    })
}

/// Records one scan sent on its own (the sync sends a phone's queue through the same path).
pub async fn record_scan(state: &AppState, v: &Visitor, req: ScanRequest) -> AppResult<Recorded> {
    let school = state.school(v)?;
    let draft = prepare_scan(school.as_ref(), v, &req, &mut HashSet::new()).await?;
    school.record_scan(v.actor(), draft).await
}

/// Takes back a scan (the phone's undo once it had synced).
pub async fn undo_scan(state: &AppState, v: &Visitor, id: Uuid, scan: Uuid) -> AppResult<()> {
    let school = state.school(v)?;
    counting(school.as_ref(), v, id).await?;
    if school.undo_scan(v.actor(), id, scan).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The visitor counts `room` from now on (the room list shows whom).
pub async fn claim_room(state: &AppState, v: &Visitor, id: Uuid, room: Uuid) -> AppResult<()> {
    let school = state.school(v)?;
    counting(school.as_ref(), v, id).await?;
    if !school.stocktake_has_room(id, room).await? {
        return Err(Invalid::new(Field::Room, Problem::UnknownChoice).into());
    }
    school.claim_room(v.actor(), id, room).await
}

/// The visitor counts on this phone from now on (the counting page says so when it opens):
/// the stocktake does not finish until they hand in.
pub async fn start_counting(state: &AppState, v: &Visitor, id: Uuid) -> AppResult<()> {
    let school = state.school(v)?;
    counting(school.as_ref(), v, id).await?;
    school.start_counting(v.actor(), id).await?;
    Ok(())
}

/// A phone hands in: every scan on it synced. An asset manager or admin may hand in for
/// someone else (a lost phone, whose unsynced scans are then given up). Handing in twice is
/// no error.
pub async fn hand_in(state: &AppState, v: &Visitor, id: Uuid, user: Option<Uuid>) -> AppResult<()> {
    let school = state.school(v)?;
    counting(school.as_ref(), v, id).await?;
    let me = v.signed_in()?.id;
    let user = user.unwrap_or(me);
    if user != me {
        v.require(|r| r.manages_register())?;
    }
    school.hand_in(v.actor(), id, user).await?;
    Ok(())
}

/// Ends the counting; the stocktake is read-only from then on. Refused while someone counting
/// on a phone has not handed in (the answer names them).
pub async fn finish(state: &AppState, v: &Visitor, id: Uuid) -> AppResult<Stocktake> {
    v.require(|r| r.manages_register())?;
    let school = state.school(v)?;
    counting(school.as_ref(), v, id).await?;
    let still = school.still_counting(id).await?;
    if !still.is_empty() {
        let who = still
            .into_iter()
            .map(|n| n.name)
            .collect::<Vec<_>>()
            .join(", ");
        return Err(Invalid::new(Field::Status, Problem::StillCounting { who }).into());
    }
    if !school.finish_stocktake(v.actor(), id).await? {
        return Err(Invalid::new(Field::Status, Problem::BadTransition).into());
    }
    view(state, v, id).await
}

/// Settles one difference of a finished stocktake (asset manager, admin): a move of an asset
/// found in another room, a missing asset found after all or written off (the admin decides),
/// a 盘盈 tag registered, or a batch record's quantity set to the number counted (the admin
/// decides when it lowers the register).
pub async fn settle(
    state: &AppState,
    v: &Visitor,
    id: Uuid,
    req: SettleRequest,
) -> AppResult<Vec<Settlement>> {
    v.require(|r| r.manages_register())?;
    let r = report(state, v, id).await?;
    if r.stocktake.head.status != StocktakeStatus::Finished {
        return Err(Invalid::new(Field::Status, Problem::BadTransition).into());
    }
    let not_a_difference = || Invalid::new(Field::Target, Problem::UnknownChoice);
    let (mut quantity, mut lowers) = (None, false);
    let room_id = match req.kind {
        SettleKind::Move => Some(
            r.misplaced
                .iter()
                .find(|f| f.asset.as_ref().is_some_and(|a| a.asset_id == req.asset_id))
                .ok_or_else(not_a_difference)?
                .room_id,
        ),
        SettleKind::Found | SettleKind::WriteOff => {
            if !r.missing.iter().any(|m| m.asset_id == req.asset_id) {
                return Err(not_a_difference().into());
            }
            None
        }
        SettleKind::Register => {
            let made = registered_surplus(state, v, &r).await?;
            if !made.values().any(|a| *a == req.asset_id) {
                return Err(not_a_difference().into());
            }
            None
        }
        SettleKind::Recount => {
            let m = r
                .miscounted
                .iter()
                .find(|m| m.asset.asset_id == req.asset_id)
                .ok_or_else(not_a_difference)?;
            quantity = Some(m.counted);
            lowers = m.difference() < 0;
            None
        }
    };
    let school = state.school(v)?;
    let draft = SettlementDraft {
        id: Uuid::now_v7(),
        stocktake_id: id,
        asset_id: req.asset_id,
        kind: req.kind,
        state: req.kind.first_state(lowers),
        room_id,
        quantity,
    };
    school.settle(v.actor(), draft).await?;
    school.settlements(id).await
}

/// The 盘盈 tags of `r` that have since been registered as assets: tag code → asset.
pub async fn registered_surplus(
    state: &AppState,
    v: &Visitor,
    r: &Report,
) -> AppResult<HashMap<String, Uuid>> {
    let school = state.school(v)?;
    let mut made = HashMap::new();
    for f in &r.surplus {
        let Ok(code) = TagCode::parse(&f.code) else {
            continue;
        };
        if let Some(TagTarget::Asset(asset)) = school.resolve_tag(&code).await? {
            made.insert(f.code.clone(), asset);
        }
    }
    Ok(made)
}

/// The settlements of a stocktake, oldest first.
pub async fn settlements(state: &AppState, v: &Visitor, id: Uuid) -> AppResult<Vec<Settlement>> {
    let school = state.school(v)?;
    head_of(school.as_ref(), v, id).await?;
    school.settlements(id).await
}

/// The admin approves (the asset becomes lost, or takes the number counted) or refuses a
/// pending write-off or recount.
pub async fn decide_write_off(
    state: &AppState,
    v: &Visitor,
    id: Uuid,
    settlement: Uuid,
    approve: bool,
) -> AppResult<Vec<Settlement>> {
    v.require(|r| r == Role::Admin)?;
    let school = state.school(v)?;
    head_of(school.as_ref(), v, id).await?;
    if !school
        .decide_write_off(v.actor(), id, settlement, approve)
        .await?
    {
        return Err(AppError::NotFound);
    }
    school.settlements(id).await
}
