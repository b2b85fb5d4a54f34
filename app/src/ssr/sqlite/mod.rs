//! The SQLite store: WAL, a busy timeout, IMMEDIATE write transactions, `$n` placeholders,
//! every time value bound from Rust.

mod checklists;
mod compensation;
mod damage;
mod history;
mod import;
mod inspections;
mod labels;
mod people;
mod photos;
mod register;
mod rounds;
mod rows;
mod sync;

use crate::error::{AppError, AppResult};
use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool, Transaction};
use std::str::FromStr;
use std::time::Duration;

/// The SQLite implementation of [`crate::ssr::store::Store`].
#[derive(Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    sessions: std::sync::Arc<crate::ssr::session_cache::SessionCache>,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `url` and applies the embedded migrations.
    pub async fn connect(url: &str) -> Result<Self, sqlx::Error> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(Duration::from_secs(5))
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .min_connections(1)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
        Ok(Self {
            pool,
            sessions: Default::default(),
        })
    }

    /// A write transaction that takes the lock up front, so it never fails half-way on busy.
    async fn write(&self) -> AppResult<Transaction<'static, Sqlite>> {
        self.pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .map_err(AppError::internal)
    }
}

/// Timestamps as fixed-width UTC text, so text order is time order.
pub(crate) fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// Maps a database failure: unique violations become a conflict on `field`.
pub(crate) fn db_error(field: crate::domain::Field) -> impl Fn(sqlx::Error) -> AppError {
    move |e| match &e {
        sqlx::Error::Database(d) if d.is_unique_violation() => AppError::Conflict { field },
        _ => AppError::internal(e),
    }
}

/// Escapes `%` and `_` for a `LIKE … ESCAPE '\'` search.
pub(crate) fn like_pattern(words: &str) -> String {
    let escaped = words
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

use crate::domain::TagCode;
use crate::forms::{AssetFields, RoomFields};
use crate::i18n::Lang;
use crate::inspections::compensation::{Compensation, DepreciationRule};
use crate::inspections::{DamageReport, DamageStatus, Inspection, Subject, Template};
use crate::labels::{LabelItem, Selection, Stock};
use crate::model::{
    Asset, Building, HistoryEntry, ListQuery, Named, Page, PrintJob, Responsibility, Room,
    TagTarget, User,
};
use crate::rounds::sync::{ConflictReason, RecordKind, SyncConflict};
use crate::rounds::{Schedule, Scope};
use crate::ssr::checklists::DefaultTemplate;
use crate::ssr::store::{
    Actor, CaseEnd, CompensationDraft, DamageDraft, Entity, InspectionRecord, PhotoRecord,
    PrintRecord, ReportScope, SchoolImport, SessionKind, SessionUser, Store, UserRecord,
};
use crate::ssr::store::{Applied, RoundSubject, ScheduleDraft, SyncedRecord};
use uuid::Uuid;

#[async_trait::async_trait]
impl Store for SqliteStore {
    async fn health(&self) -> AppResult<()> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
            .map_err(AppError::internal)
    }
    async fn school_name(&self) -> AppResult<String> {
        let name: Option<String> = sqlx::query_scalar("SELECT name FROM schools LIMIT 1")
            .fetch_optional(&self.pool)
            .await
            .map_err(AppError::internal)?;
        Ok(name.unwrap_or_default())
    }
    async fn is_empty(&self) -> AppResult<bool> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
            .fetch_one(&self.pool)
            .await
            .map_err(AppError::internal)?;
        Ok(n == 0)
    }
    async fn import_school(&self, school: SchoolImport) -> AppResult<()> {
        self.import(school).await
    }
    async fn credentials(&self, login: &str) -> AppResult<Option<(User, String)>> {
        self.user_by("login = $1", login).await
    }
    async fn get_user(&self, id: Uuid) -> AppResult<Option<User>> {
        self.one_user(id).await
    }
    async fn list_users(&self) -> AppResult<Vec<User>> {
        self.all_users().await
    }
    async fn create_user(&self, actor: Actor, user: UserRecord) -> AppResult<User> {
        self.save_user(actor, None, user).await
    }
    async fn update_user(&self, actor: Actor, id: Uuid, user: UserRecord) -> AppResult<User> {
        let saved = self.save_user(actor, Some(id), user).await;
        self.sessions.forget_user(id);
        saved
    }
    async fn set_user_lang(&self, actor: Actor, id: Uuid, lang: Lang) -> AppResult<()> {
        let saved = self.save_lang(actor, id, lang).await;
        self.sessions.forget_user(id);
        saved
    }
    async fn create_session(
        &self,
        hash: &[u8],
        user_id: Uuid,
        kind: SessionKind,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        self.new_session(hash, user_id, kind, now).await
    }
    async fn session_user(
        &self,
        hash: &[u8],
        kind: SessionKind,
        idle_after: DateTime<Utc>,
    ) -> AppResult<Option<SessionUser>> {
        self.live_session(hash, kind, idle_after).await
    }
    async fn touch_session(&self, hash: &[u8], now: DateTime<Utc>) -> AppResult<()> {
        self.seen_session(hash, now).await
    }
    async fn revoke_session(&self, hash: &[u8], now: DateTime<Utc>) -> AppResult<bool> {
        self.end_session(hash, now).await
    }
    async fn list_buildings(&self) -> AppResult<Vec<Building>> {
        self.all_buildings().await
    }
    async fn create_building(&self, actor: Actor, name: &str) -> AppResult<Building> {
        self.save_building(actor, None, name).await
    }
    async fn rename_building(&self, actor: Actor, id: Uuid, name: &str) -> AppResult<Building> {
        self.save_building(actor, Some(id), name).await
    }
    async fn list_rooms(&self, query: &ListQuery) -> AppResult<Page<Room>> {
        self.room_page(query).await
    }
    async fn room_choices(&self) -> AppResult<Vec<Named>> {
        self.all_room_names().await
    }
    async fn rooms_of_custodian(&self, user_id: Uuid) -> AppResult<Vec<Room>> {
        self.custodian_rooms(user_id).await
    }
    async fn get_room(&self, id: Uuid) -> AppResult<Option<Room>> {
        self.one_room(id).await
    }
    async fn create_room(
        &self,
        actor: Actor,
        room: RoomFields,
        tag: Option<TagCode>,
    ) -> AppResult<Room> {
        self.save_room(actor, None, room, tag).await
    }
    async fn update_room(&self, actor: Actor, id: Uuid, room: RoomFields) -> AppResult<Room> {
        self.save_room(actor, Some(id), room, None).await
    }
    async fn list_assets(&self, query: &ListQuery, room: Option<Uuid>) -> AppResult<Page<Asset>> {
        self.asset_page(query, room).await
    }
    async fn get_asset(&self, id: Uuid) -> AppResult<Option<Asset>> {
        self.one_asset("a.id = $1", id).await
    }
    async fn find_asset_by_code(&self, code: &str) -> AppResult<Option<Asset>> {
        self.one_asset("a.asset_code = $1", code.to_string()).await
    }
    async fn scan_asset(
        &self,
        code: &TagCode,
        history: i64,
    ) -> AppResult<Option<(Asset, Vec<HistoryEntry>)>> {
        self.scanned_asset(code, history).await
    }
    async fn create_asset(
        &self,
        actor: Actor,
        asset: AssetFields,
        tag: Option<TagCode>,
    ) -> AppResult<Asset> {
        self.save_asset(actor, None, asset, tag).await
    }
    async fn update_asset(&self, actor: Actor, id: Uuid, asset: AssetFields) -> AppResult<Asset> {
        self.save_asset(actor, Some(id), asset, None).await
    }
    async fn resolve_tag(&self, code: &TagCode) -> AppResult<Option<TagTarget>> {
        self.tag_target(code).await
    }
    async fn claim_tag(&self, actor: Actor, code: &TagCode, target: TagTarget) -> AppResult<()> {
        self.link_tag(actor, code, target).await
    }
    async fn history(&self, entity: Entity, id: Uuid, limit: i64) -> AppResult<Vec<HistoryEntry>> {
        self.read_history(entity, id, limit).await
    }
    async fn responsibilities_of(&self, user_id: Uuid) -> AppResult<Vec<Responsibility>> {
        self.duties(Some(user_id)).await
    }
    async fn list_responsibilities(&self) -> AppResult<Vec<Responsibility>> {
        self.duties(None).await
    }
    async fn label_items(&self, selection: &Selection) -> AppResult<Vec<LabelItem>> {
        self.selected_labels(selection).await
    }
    async fn log_print(&self, actor: Actor, job: PrintRecord) -> AppResult<Uuid> {
        self.record_print(actor, job).await
    }
    async fn recent_prints(&self, limit: i64) -> AppResult<Vec<PrintJob>> {
        self.print_log(limit).await
    }
    async fn custom_stocks(&self) -> AppResult<Vec<Stock>> {
        self.all_stocks().await
    }
    async fn custom_stock(&self, name: &str) -> AppResult<Option<Stock>> {
        self.stock_named(name).await
    }
    async fn save_stock(&self, actor: Actor, stock: &Stock) -> AppResult<Stock> {
        self.store_stock(actor, stock).await
    }
    async fn categories(&self) -> AppResult<Vec<String>> {
        self.asset_categories().await
    }
    async fn add_photo(
        &self,
        actor: Actor,
        id: Uuid,
        sha256: &str,
        width: u32,
        height: u32,
        bytes: usize,
    ) -> AppResult<crate::model::Photo> {
        self.insert_photo(actor, id, sha256, (width, height), bytes)
            .await
    }
    async fn photo(&self, id: Uuid) -> AppResult<Option<PhotoRecord>> {
        self.one_photo(id).await
    }
    async fn ensure_templates(&self, defaults: Vec<DefaultTemplate>) -> AppResult<()> {
        self.seed_templates(defaults).await
    }
    async fn current_templates(&self) -> AppResult<Vec<Template>> {
        self.current().await
    }
    async fn template(&self, id: Uuid) -> AppResult<Option<Template>> {
        self.template_version(id).await
    }
    async fn save_template(&self, actor: Actor, template: Template) -> AppResult<Template> {
        self.new_version(actor, template).await
    }
    async fn record_inspection(
        &self,
        actor: Actor,
        inspection: InspectionRecord,
    ) -> AppResult<Inspection> {
        self.store_inspection(actor, inspection).await
    }
    async fn inspections_of(&self, subject: Subject, limit: i64) -> AppResult<Vec<Inspection>> {
        self.subject_inspections(subject, limit).await
    }
    async fn report_damage(&self, actor: Actor, report: DamageDraft) -> AppResult<DamageReport> {
        self.new_report(actor, report).await
    }
    async fn damage_reports(&self, scope: ReportScope, limit: i64) -> AppResult<Vec<DamageReport>> {
        self.report_list(scope, limit).await
    }
    async fn damage_report(&self, id: Uuid) -> AppResult<Option<DamageReport>> {
        self.one_report(id).await
    }
    async fn move_damage_report(
        &self,
        actor: Actor,
        id: Uuid,
        to: DamageStatus,
        reason: Option<String>,
    ) -> AppResult<DamageReport> {
        self.step_report(actor, id, to, reason).await
    }
    async fn depreciation_rule(&self) -> AppResult<DepreciationRule> {
        self.rule().await
    }
    async fn set_depreciation_rule(&self, actor: Actor, rule: DepreciationRule) -> AppResult<()> {
        self.store_rule(actor, rule).await
    }
    async fn open_compensation(
        &self,
        actor: Actor,
        draft: CompensationDraft,
    ) -> AppResult<Compensation> {
        self.new_case(actor, draft).await
    }
    async fn compensations(&self, semester: Option<String>) -> AppResult<Vec<Compensation>> {
        self.cases(semester).await
    }
    async fn compensation(&self, id: Uuid) -> AppResult<Option<Compensation>> {
        self.one_case(id).await
    }
    async fn close_compensation(
        &self,
        actor: Actor,
        id: Uuid,
        end: CaseEnd,
    ) -> AppResult<Compensation> {
        self.end_case(actor, id, end).await
    }
    async fn ensure_schedules(&self, defaults: Vec<ScheduleDraft>) -> AppResult<()> {
        self.seed_schedules(defaults).await
    }
    async fn schedules(&self, include_ended: bool) -> AppResult<Vec<Schedule>> {
        self.all_schedules(include_ended).await
    }
    async fn save_schedule(&self, actor: Actor, draft: ScheduleDraft) -> AppResult<Schedule> {
        self.new_schedule(actor, draft).await
    }
    async fn end_schedule(&self, actor: Actor, id: Uuid) -> AppResult<()> {
        self.stop_schedule(actor, id).await
    }
    async fn round_subjects(&self, scope: &Scope) -> AppResult<Vec<RoundSubject>> {
        self.scope_subjects(scope).await
    }
    async fn last_inspections(
        &self,
        template_key: &str,
    ) -> AppResult<std::collections::HashMap<Subject, DateTime<Utc>>> {
        self.newest_inspections(template_key).await
    }
    async fn synced(&self, kind: RecordKind, id: Uuid) -> AppResult<bool> {
        self.is_synced(kind, id).await
    }
    async fn apply_synced(
        &self,
        actor: Actor,
        record: SyncedRecord,
        conflicts: Vec<ConflictReason>,
    ) -> AppResult<Applied> {
        self.apply_once(actor, record, conflicts).await
    }
    async fn sync_conflicts(&self, open_only: bool, limit: i64) -> AppResult<Vec<SyncConflict>> {
        self.conflict_list(open_only, limit).await
    }
    async fn resolve_conflict(&self, actor: Actor, id: Uuid) -> AppResult<()> {
        self.settle_conflict(actor, id).await
    }
}
