//! The one data interface. Pages, server functions and the API see only this trait; SQLite is
//! the first implementation, PostgreSQL the next, each with its own migrations.

use crate::domain::{Role, TagCode};
use crate::error::AppResult;
use crate::forms::{AssetFields, RoomFields};
use crate::i18n::Lang;
use crate::labels::{LabelItem, Selection, Stock};
use crate::model::{
    Asset, Building, HistoryEntry, ListQuery, Named, Page, PrintJob, Responsibility, Room,
    TagTarget, User,
};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// Who made a change: a signed-in user, or the system (start-up import, CLI).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Actor(pub Option<Uuid>);

impl Actor {
    pub const SYSTEM: Actor = Actor(None);
}

/// The kinds of record the history speaks of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entity {
    Building,
    Room,
    Asset,
    User,
    Tag,
    LabelJob,
    LabelStock,
    Photo,
    Template,
    Inspection,
    DamageReport,
    Compensation,
    Setting,
    Schedule,
    SyncConflict,
}

impl Entity {
    pub fn code(self) -> &'static str {
        match self {
            Entity::Building => "building",
            Entity::Room => "room",
            Entity::Asset => "asset",
            Entity::User => "user",
            Entity::Tag => "tag",
            Entity::LabelJob => "label_job",
            Entity::LabelStock => "label_stock",
            Entity::Photo => "photo",
            Entity::Template => "checklist_template",
            Entity::Inspection => "inspection",
            Entity::DamageReport => "damage_report",
            Entity::Compensation => "compensation",
            Entity::Setting => "setting",
            Entity::Schedule => "schedule",
            Entity::SyncConflict => "sync_conflict",
        }
    }
}

/// A new or changed user, with the password already hashed.
pub struct UserRecord {
    pub login: String,
    pub display_name: String,
    pub role: Role,
    pub active: bool,
    pub password_hash: Option<String>,
}

/// A signed-in session: cookie for browsers, token for API clients.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionKind {
    Cookie,
    Token,
}

/// What the store knows of a live session.
#[derive(Clone)]
pub struct SessionUser {
    pub user: User,
    pub lang: Option<Lang>,
    pub last_seen: DateTime<Utc>,
}

/// A printed label job for the print log: the labels' tags in print order, the unassigned
/// tags made for it, and the request as asked.
pub struct PrintRecord {
    pub stock: String,
    pub skip: usize,
    pub tags: Vec<String>,
    pub new_tags: Vec<TagCode>,
    pub request: serde_json::Value,
}

/// A stored photo with what decides who may see it.
pub struct PhotoRecord {
    pub photo: crate::model::Photo,
    pub sha256: String,
    pub uploaded_by: Uuid,
    /// The record it belongs to (`inspection`, `damage_report`) once attached.
    pub owner: Option<(String, Uuid)>,
}

/// An inspection checked against its template, ready to store.
pub struct InspectionRecord {
    /// Made where it was recorded (the phone, when offline), or here.
    pub id: Uuid,
    pub template: crate::inspections::Template,
    pub subject: crate::inspections::Subject,
    pub inspected_at: DateTime<Utc>,
    pub answers: Vec<crate::inspections::FilledItem>,
    pub notes: Option<String>,
}

/// A checked damage report, ready to store.
pub struct DamageDraft {
    pub id: Uuid,
    pub subject: crate::inspections::Subject,
    pub happened_at: Option<String>,
    pub description: String,
    pub cause: Option<String>,
    pub liable: Option<String>,
    pub photos: Vec<Uuid>,
}

/// Which damage reports a list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportScope {
    /// Reported by this user.
    ReportedBy(Uuid),
    /// Assigned to this user and not finished.
    AssignedTo(Uuid),
    /// All of them, newest first.
    All,
}

/// A checked compensation case, ready to store.
pub struct CompensationDraft {
    pub damage_report_id: Uuid,
    pub party_kind: crate::inspections::compensation::PartyKind,
    pub party_name: String,
    pub party_class: Option<String>,
    pub basis: crate::inspections::compensation::Basis,
    pub amount: crate::domain::Fen,
    pub semester: String,
}

/// How a compensation case ends.
pub enum CaseEnd {
    Paid {
        on: String,
        receipt_no: String,
        received_by: String,
    },
    Waived {
        reason: String,
    },
}

/// A schedule as the form or the calendar gives it, ready to store.
pub struct ScheduleDraft {
    pub id: Uuid,
    pub name: String,
    pub template_key: String,
    pub scope: crate::rounds::Scope,
    pub cadence: crate::rounds::Cadence,
    pub assignee_id: Option<Uuid>,
    pub assignee_role: Option<Role>,
}

/// One thing in a round's scope, as the register has it now.
#[derive(Clone, Debug, PartialEq)]
pub struct RoundSubject {
    pub subject: crate::inspections::Subject,
    pub name: String,
    pub asset_code: Option<String>,
    pub category: Option<String>,
    pub room_kind: Option<crate::domain::RoomKind>,
    pub tag: Option<String>,
    pub building: String,
    pub room: String,
    pub room_id: Option<Uuid>,
    pub status: Option<crate::domain::AssetStatus>,
}

/// A record from the offline queue, checked, ready to apply once.
pub enum SyncedRecord {
    Inspection(InspectionRecord),
    DamageReport(DamageDraft),
}

/// What applying a synced record did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applied {
    /// Stored now; an inspection's failed items opened this many tickets.
    New { tickets: usize },
    /// A record with this id was stored before (by this user); nothing changed.
    Duplicate,
}

/// A whole school to load in one transaction (demo data, generated benchmarks, imports).
#[derive(Default)]
pub struct SchoolImport {
    pub school_name: String,
    pub users: Vec<(Uuid, UserRecord)>,
    pub buildings: Vec<Named>,
    pub rooms: Vec<(Uuid, RoomFields, TagCode)>,
    pub assets: Vec<(Uuid, AssetFields, TagCode)>,
    pub responsibilities: Vec<Responsibility>,
    pub blank_tags: Vec<TagCode>,
}

#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// Answers when the database does.
    async fn health(&self) -> AppResult<()>;
    async fn school_name(&self) -> AppResult<String>;
    async fn is_empty(&self) -> AppResult<bool>;
    async fn import_school(&self, school: SchoolImport) -> AppResult<()>;

    async fn credentials(&self, login: &str) -> AppResult<Option<(User, String)>>;
    async fn get_user(&self, id: Uuid) -> AppResult<Option<User>>;
    async fn list_users(&self) -> AppResult<Vec<User>>;
    async fn create_user(&self, actor: Actor, user: UserRecord) -> AppResult<User>;
    async fn update_user(&self, actor: Actor, id: Uuid, user: UserRecord) -> AppResult<User>;
    async fn set_user_lang(&self, actor: Actor, id: Uuid, lang: Lang) -> AppResult<()>;

    async fn create_session(
        &self,
        token_hash: &[u8],
        user_id: Uuid,
        kind: SessionKind,
        now: DateTime<Utc>,
    ) -> AppResult<()>;
    /// The session's user if it is live: not revoked, not idle past `idle_after`, user active.
    async fn session_user(
        &self,
        token_hash: &[u8],
        kind: SessionKind,
        idle_after: DateTime<Utc>,
    ) -> AppResult<Option<SessionUser>>;
    async fn touch_session(&self, token_hash: &[u8], now: DateTime<Utc>) -> AppResult<()>;
    /// Revokes; false when there was no live session.
    async fn revoke_session(&self, token_hash: &[u8], now: DateTime<Utc>) -> AppResult<bool>;

    async fn list_buildings(&self) -> AppResult<Vec<Building>>;
    async fn create_building(&self, actor: Actor, name: &str) -> AppResult<Building>;
    async fn rename_building(&self, actor: Actor, id: Uuid, name: &str) -> AppResult<Building>;

    async fn list_rooms(&self, query: &ListQuery) -> AppResult<Page<Room>>;
    /// Every room as "building · room", for pickers (all of them, unlike the paged list).
    async fn room_choices(&self) -> AppResult<Vec<Named>>;
    async fn rooms_of_custodian(&self, user_id: Uuid) -> AppResult<Vec<Room>>;
    async fn get_room(&self, id: Uuid) -> AppResult<Option<Room>>;
    /// Creates the room with `tag` linked, or with a fresh tag.
    async fn create_room(
        &self,
        actor: Actor,
        room: RoomFields,
        tag: Option<TagCode>,
    ) -> AppResult<Room>;
    async fn update_room(&self, actor: Actor, id: Uuid, room: RoomFields) -> AppResult<Room>;

    async fn list_assets(&self, query: &ListQuery, room: Option<Uuid>) -> AppResult<Page<Asset>>;
    async fn get_asset(&self, id: Uuid) -> AppResult<Option<Asset>>;
    async fn find_asset_by_code(&self, code: &str) -> AppResult<Option<Asset>>;
    /// The asset a tag is linked to with its newest `history` entries: the common case of a
    /// scan, in one round trip where the database allows.
    async fn scan_asset(
        &self,
        code: &TagCode,
        history: i64,
    ) -> AppResult<Option<(Asset, Vec<HistoryEntry>)>>;
    /// Creates the asset with `tag` linked, or with a fresh tag.
    async fn create_asset(
        &self,
        actor: Actor,
        asset: AssetFields,
        tag: Option<TagCode>,
    ) -> AppResult<Asset>;
    async fn update_asset(&self, actor: Actor, id: Uuid, asset: AssetFields) -> AppResult<Asset>;

    async fn resolve_tag(&self, code: &TagCode) -> AppResult<Option<TagTarget>>;
    /// Links an unassigned tag; a room or asset that had a tag before gives it up.
    async fn claim_tag(&self, actor: Actor, code: &TagCode, target: TagTarget) -> AppResult<()>;

    async fn history(&self, entity: Entity, id: Uuid, limit: i64) -> AppResult<Vec<HistoryEntry>>;
    async fn responsibilities_of(&self, user_id: Uuid) -> AppResult<Vec<Responsibility>>;
    async fn list_responsibilities(&self) -> AppResult<Vec<Responsibility>>;

    /// What each selected label says, in print order; at most `MAX_LABELS` (more is an error),
    /// unknown hand-picked tags are an error naming the first one.
    async fn label_items(&self, selection: &Selection) -> AppResult<Vec<LabelItem>>;
    /// Logs a printed job, creating its new unassigned tags, in one transaction.
    async fn log_print(&self, actor: Actor, job: PrintRecord) -> AppResult<Uuid>;
    async fn recent_prints(&self, limit: i64) -> AppResult<Vec<PrintJob>>;
    async fn custom_stocks(&self) -> AppResult<Vec<Stock>>;
    async fn custom_stock(&self, name: &str) -> AppResult<Option<Stock>>;
    async fn save_stock(&self, actor: Actor, stock: &Stock) -> AppResult<Stock>;
    /// The asset categories in use, for pickers.
    async fn categories(&self) -> AppResult<Vec<String>>;

    /// Records an uploaded photo (its files are already written).
    /// Stores a photo's row under `id` (made by the phone for offline photos, else here).
    async fn add_photo(
        &self,
        actor: Actor,
        id: Uuid,
        sha256: &str,
        width: u32,
        height: u32,
        bytes: usize,
    ) -> AppResult<crate::model::Photo>;
    async fn photo(&self, id: Uuid) -> AppResult<Option<PhotoRecord>>;

    /// Stores the default checklists when there are none yet.
    async fn ensure_templates(
        &self,
        defaults: Vec<crate::ssr::checklists::DefaultTemplate>,
    ) -> AppResult<()>;
    /// The current version of every checklist.
    async fn current_templates(&self) -> AppResult<Vec<crate::inspections::Template>>;
    /// One version of a checklist (old ones stay readable).
    async fn template(&self, id: Uuid) -> AppResult<Option<crate::inspections::Template>>;
    /// Saves a new version of `template.key` (or a new checklist) and makes it current.
    async fn save_template(
        &self,
        actor: Actor,
        template: crate::inspections::Template,
    ) -> AppResult<crate::inspections::Template>;
    /// Stores the inspection, opens a repair ticket for each failed item and attaches the
    /// photos, in one transaction.
    async fn record_inspection(
        &self,
        actor: Actor,
        inspection: InspectionRecord,
    ) -> AppResult<crate::inspections::Inspection>;
    async fn inspections_of(
        &self,
        subject: crate::inspections::Subject,
        limit: i64,
    ) -> AppResult<Vec<crate::inspections::Inspection>>;
    async fn report_damage(
        &self,
        actor: Actor,
        report: DamageDraft,
    ) -> AppResult<crate::inspections::DamageReport>;
    async fn damage_reports(
        &self,
        scope: ReportScope,
        limit: i64,
    ) -> AppResult<Vec<crate::inspections::DamageReport>>;
    async fn damage_report(&self, id: Uuid) -> AppResult<Option<crate::inspections::DamageReport>>;
    async fn depreciation_rule(
        &self,
    ) -> AppResult<crate::inspections::compensation::DepreciationRule>;
    async fn set_depreciation_rule(
        &self,
        actor: Actor,
        rule: crate::inspections::compensation::DepreciationRule,
    ) -> AppResult<()>;
    async fn open_compensation(
        &self,
        actor: Actor,
        draft: CompensationDraft,
    ) -> AppResult<crate::inspections::compensation::Compensation>;
    async fn compensations(
        &self,
        semester: Option<String>,
    ) -> AppResult<Vec<crate::inspections::compensation::Compensation>>;
    async fn compensation(
        &self,
        id: Uuid,
    ) -> AppResult<Option<crate::inspections::compensation::Compensation>>;
    /// Ends an open case (paid or waived), with history.
    async fn close_compensation(
        &self,
        actor: Actor,
        id: Uuid,
        end: CaseEnd,
    ) -> AppResult<crate::inspections::compensation::Compensation>;
    /// Moves a report one step (the asset's status follows), with history.
    async fn move_damage_report(
        &self,
        actor: Actor,
        id: Uuid,
        to: crate::inspections::DamageStatus,
        reason: Option<String>,
    ) -> AppResult<crate::inspections::DamageReport>;

    /// Stores the school calendar's schedules the first time the server starts.
    async fn ensure_schedules(&self, defaults: Vec<ScheduleDraft>) -> AppResult<()>;
    /// Schedules with their assignee resolved (the 分工 table's person when none is named).
    async fn schedules(&self, include_ended: bool) -> AppResult<Vec<crate::rounds::Schedule>>;
    async fn save_schedule(
        &self,
        actor: Actor,
        draft: ScheduleDraft,
    ) -> AppResult<crate::rounds::Schedule>;
    async fn end_schedule(&self, actor: Actor, id: Uuid) -> AppResult<()>;
    /// Everything a scope covers now (retired and lost assets left out).
    async fn round_subjects(&self, scope: &crate::rounds::Scope) -> AppResult<Vec<RoundSubject>>;
    /// When each record was last inspected with checklist `template_key` (any version).
    async fn last_inspections(
        &self,
        template_key: &str,
    ) -> AppResult<std::collections::HashMap<crate::inspections::Subject, DateTime<Utc>>>;
    /// Whether a record with this id is stored already.
    async fn synced(&self, kind: crate::rounds::sync::RecordKind, id: Uuid) -> AppResult<bool>;
    /// Applies a record from the offline queue exactly once, with its conflicts, in one
    /// transaction.
    async fn apply_synced(
        &self,
        actor: Actor,
        record: SyncedRecord,
        conflicts: Vec<crate::rounds::sync::ConflictReason>,
    ) -> AppResult<Applied>;
    async fn sync_conflicts(
        &self,
        open_only: bool,
        limit: i64,
    ) -> AppResult<Vec<crate::rounds::sync::SyncConflict>>;
    async fn resolve_conflict(&self, actor: Actor, id: Uuid) -> AppResult<()>;
}
