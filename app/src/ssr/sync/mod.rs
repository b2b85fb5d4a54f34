//! `POST /api/v1/sync`: a batch from a phone's offline queue. Each record is read and checked on
//! its own, so a bad one is answered with its reason and the others still apply; each is
//! applied once under the UUIDv7 the phone made (a resend is answered `duplicate`); what
//! changed meanwhile (the asset moved or was retired, the checklist has a new version or no
//! longer applies) is stored with the record as a conflict, never a reason to drop it.

pub mod store;

use crate::domain::{Field, Invalid, Problem};
use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, Msg};
use crate::inspections::requests::subject;
use crate::inspections::{Fit, Subject, Template};
use crate::rounds::sync::{
    Conflict, ConflictReason, Outcome, Seen, SyncError, SyncRecord, SyncResult, MAX_BATCH,
};
use crate::ssr::inspections::{damage_draft, inspection_record};
use crate::ssr::state::AppState;
use crate::ssr::stocktake::store::{Recorded, ScanDraft};
use crate::ssr::store::Store;
use crate::ssr::sync::store::{Applied, SyncedRecord};
use crate::ssr::visitor::Visitor;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use uuid::Uuid;

/// The body of `POST /api/v1/sync`; records stay raw JSON until each is read on its own.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Batch {
    pub records: Vec<serde_json::Value>,
}

#[derive(Serialize)]
pub struct BatchAnswer {
    pub results: Vec<SyncResult>,
    /// The server's time (school time) when the batch was done: the phone's "last sync".
    pub synced_at: String,
}

fn result(id: Option<Uuid>, outcome: Outcome) -> SyncResult {
    SyncResult {
        id,
        outcome,
        conflicts: Vec::new(),
        error: None,
        missing_photos: Vec::new(),
        tickets: 0,
        class: None,
    }
}

fn rejected(lang: Lang, id: Option<Uuid>, err: AppError) -> SyncResult {
    SyncResult {
        error: Some(SyncError {
            code: err.code().to_string(),
            message: err.message(lang),
            field: err.field(),
        }),
        ..result(id, Outcome::Rejected)
    }
}

/// The record's subject as the server has it now: what decides its checklists, and what
/// changed since the phone took its copy.
async fn subject_now(
    school: &dyn Store,
    subject: Subject,
    seen: &Seen,
) -> AppResult<(Fit, Vec<ConflictReason>)> {
    let gone = || Invalid::new(Field::Target, Problem::UnknownChoice);
    match subject {
        Subject::Asset(id) => {
            let asset = school.get_asset(id).await?.ok_or_else(gone)?;
            let mut found = Vec::new();
            if !asset.status.in_service() {
                found.push(ConflictReason::Retired);
            }
            let now_in = asset.room.map(|r| r.id);
            if seen.room_id.is_some() && seen.room_id != now_in {
                found.push(ConflictReason::Moved);
            }
            Ok((Fit::Category(asset.category), found))
        }
        Subject::Room(id) => {
            let room = school.get_room(id).await?.ok_or_else(gone)?;
            Ok((Fit::RoomKind(room.kind), Vec::new()))
        }
    }
}

/// A checked record: one the sync store applies with its conflicts, or a stocktake scan,
/// which the stocktake's store counts once per tag as well as once per id.
enum Prepared {
    Record(SyncedRecord, Vec<ConflictReason>),
    Scan(ScanDraft),
}

/// What a batch reads once: the current checklists each record's is compared with (newer
/// version? still applies?), and the stocktakes the visitor was found to count in.
struct BatchContext {
    current: Vec<Template>,
    open_stocktakes: HashSet<Uuid>,
}

/// Checks one record and turns it into what the store applies, with its conflicts.
async fn prepare(
    school: &dyn Store,
    v: &Visitor,
    batch: &mut BatchContext,
    record: SyncRecord,
) -> AppResult<Prepared> {
    let current = &batch.current;
    match record {
        SyncRecord::Inspection { record, seen } => {
            v.require(|r| r.inspects())?;
            let id = record
                .id
                .ok_or(Invalid::new(Field::Body, Problem::Required))?;
            let subject = subject(record.asset_id, record.room_id)?;
            let template = school
                .template(record.template_id)
                .await?
                .ok_or_else(|| Invalid::new(Field::Template, Problem::UnknownChoice))?;
            let (fit, mut conflicts) = subject_now(school, subject, &seen).await?;
            match current
                .iter()
                .find(|t| t.key == template.key && fit.admits(t))
            {
                None => conflicts.push(ConflictReason::NotApplicable),
                Some(current) if current.id != template.id => {
                    conflicts.push(ConflictReason::TemplateChanged)
                }
                Some(_) => {}
            }
            let rec = inspection_record(id, subject, &record, template)?;
            Ok(Prepared::Record(SyncedRecord::Inspection(rec), conflicts))
        }
        SyncRecord::DamageReport { record, seen } => {
            v.signed_in()?;
            record
                .id
                .ok_or(Invalid::new(Field::Body, Problem::Required))?;
            let draft = damage_draft(&record)?;
            let (_, conflicts) = subject_now(school, draft.subject, &seen).await?;
            Ok(Prepared::Record(
                SyncedRecord::DamageReport(draft),
                conflicts,
            ))
        }
        SyncRecord::StocktakeScan { record } => Ok(Prepared::Scan(
            crate::ssr::stocktake::prepare_scan(school, v, &record, &mut batch.open_stocktakes)
                .await?,
        )),
    }
}

/// The photos of `record` that are not on the server yet (uploaded by this user).
async fn missing_photos(
    school: &dyn Store,
    v: &Visitor,
    record: &SyncRecord,
) -> AppResult<Vec<Uuid>> {
    let user = v.signed_in()?.id;
    let mut missing = Vec::new();
    for id in record.photos() {
        match school.photo(id).await? {
            Some(p) if p.uploaded_by == user => {}
            _ => missing.push(id),
        }
    }
    Ok(missing)
}

/// Reads one record of a batch: its shape, and the client-made UUIDv7 that is its key. A record
/// that does not read is refused under whatever id it carried.
pub fn read_record(raw: serde_json::Value) -> Result<(Uuid, SyncRecord), Option<Uuid>> {
    let raw_id = raw
        .get("record")
        .and_then(|r| r.get("id"))
        .and_then(|id| id.as_str())
        .and_then(|id| Uuid::parse_str(id).ok());
    let record: SyncRecord = serde_json::from_value(raw).map_err(|_| raw_id)?;
    match record.id() {
        Some(key) if key.get_version_num() == 7 => Ok((key, record)),
        other => Err(other),
    }
}

async fn apply_one(
    school: &dyn Store,
    v: &Visitor,
    batch: &mut BatchContext,
    raw: serde_json::Value,
) -> SyncResult {
    let (key, record) = match read_record(raw) {
        Ok(read) => read,
        Err(id) => {
            let err = Invalid::new(Field::Body, Problem::Malformed).into();
            return rejected(v.lang, id, err);
        }
    };
    let id = Some(key);
    // A resend is answered before any checking: it was checked when it was stored, and what has
    // changed since (a newer checklist, a moved asset) must not turn it into a refusal. The
    // store checks again inside the write, for two sends that race.
    match school.synced(record.kind(), key).await {
        Ok(true) => return result(id, Outcome::Duplicate),
        Ok(false) => {}
        Err(e) => return rejected(v.lang, id, e),
    }
    match missing_photos(school, v, &record).await {
        Ok(missing) if !missing.is_empty() => {
            return SyncResult {
                missing_photos: missing,
                ..result(id, Outcome::MissingPhotos)
            }
        }
        Ok(_) => {}
        Err(e) => return rejected(v.lang, id, e),
    }
    let (synced, conflicts) = match prepare(school, v, batch, record).await {
        Ok(Prepared::Record(synced, conflicts)) => (synced, conflicts),
        Ok(Prepared::Scan(scan)) => {
            return match school.record_scan(v.actor(), scan).await {
                Ok(Recorded::New(class)) => SyncResult {
                    class: Some(class),
                    ..result(id, Outcome::Applied)
                },
                Ok(Recorded::Duplicate) => result(id, Outcome::Duplicate),
                Err(e) => rejected(v.lang, id, e),
            }
        }
        Err(e) => return rejected(v.lang, id, e),
    };
    let described = conflicts
        .iter()
        .map(|r| Conflict {
            reason: *r,
            message: v.lang.t(Msg::conflict(*r)).to_string(),
        })
        .collect();
    match school.apply_synced(v.actor(), synced, conflicts).await {
        Ok(Applied::New { tickets }) => SyncResult {
            conflicts: described,
            tickets,
            ..result(id, Outcome::Applied)
        },
        Ok(Applied::Duplicate) => result(id, Outcome::Duplicate),
        Err(e) => rejected(v.lang, id, e),
    }
}

/// Applies a batch, record by record, in the order sent.
pub async fn sync(state: &AppState, v: &Visitor, batch: Batch) -> AppResult<BatchAnswer> {
    v.signed_in()?;
    if batch.records.len() > MAX_BATCH {
        return Err(Invalid::new(Field::Body, Problem::TooMany { max: MAX_BATCH }).into());
    }
    let school = state.school(v)?;
    let mut context = BatchContext {
        current: school.current_templates().await?,
        open_stocktakes: HashSet::new(),
    };
    let mut results = Vec::with_capacity(batch.records.len());
    for raw in batch.records {
        results.push(apply_one(school.as_ref(), v, &mut context, raw).await);
    }
    Ok(BatchAnswer {
        results,
        synced_at: crate::ssr::clock::school_time_at(chrono::Utc::now()),
    })
}
