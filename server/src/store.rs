//! Picks the store implementation from the database URL and loads schools into it.

use crate::anyhow_lite::Result;
use crate::config::DatabaseArgs;
use app::domain::Role;
use app::ssr::drills;
use app::ssr::inspections::store::InspectionRecord;
use app::ssr::keys;
use app::ssr::people::auth::hash_password;
use app::ssr::purchases::{self, demo::Buyers};
use app::ssr::school::demo::{demo_schools, district_admin, generated_district, DEMO_PASSWORD};
use app::ssr::sql::SqlStore;
use app::ssr::store::{Actor, Store};
use app::ssr::supplies;
use std::sync::Arc;
use uuid::Uuid;

/// Opens the database named by the URL scheme (`sqlite:` or `postgres:`), migrating it. The
/// data folder (photos, and the SQLite file by default) is made if missing.
pub async fn open(db: &DatabaseArgs) -> Result<Arc<dyn Store>> {
    let url = db.url();
    let known = ["sqlite:", "postgres:", "postgresql:"];
    if !known.iter().any(|scheme| url.starts_with(scheme)) {
        return Err(format!("unsupported database URL (sqlite: or postgres:): {url}").into());
    }
    std::fs::create_dir_all(&db.data)?;
    Ok(Arc::new(SqlStore::connect(&url).await?))
}

/// Loads the demo district into an empty database: two schools and the district's admin. A
/// database with users is left alone.
pub async fn load_demo(district: &dyn Store) -> Result<()> {
    if !district.is_empty().await? {
        return Ok(());
    }
    let hash = hash_password(DEMO_PASSWORD.into()).await?;
    for school in demo_schools(&hash) {
        let role_of = |role: Role| {
            school
                .users
                .iter()
                .find(|(_, u)| u.role == role)
                .map(|(id, _)| *id)
        };
        let admins: Vec<Uuid> = school
            .users
            .iter()
            .filter(|(_, u)| u.role == Role::Admin)
            .map(|(id, _)| *id)
            .collect();
        let people = role_of(Role::AssetManager).zip(role_of(Role::Teacher));
        let staff = role_of(Role::Staff);
        let id = district.import_school(school).await?;
        if let Some((keeper, teacher)) = people {
            let store = district.for_school(id);
            supplies::demo::stock(store.as_ref(), keeper, teacher).await?;
            keys::demo::hang(store.as_ref(), keeper, staff.unwrap_or(keeper)).await?;
            drills::demo::hold(store.as_ref(), staff.unwrap_or(keeper)).await?;
            if let [admin, principal, ..] = admins[..] {
                let buyers = Buyers {
                    keeper,
                    teacher,
                    admin,
                    principal,
                };
                purchases::demo::buy(store.as_ref(), &buyers).await?;
            }
        }
    }
    district
        .create_user(Actor::SYSTEM, district_admin(&hash))
        .await?;
    tracing::info!("loaded the demo district");
    Ok(())
}

/// What `rounds generate` makes: how many schools, assets in all, and inspections in all.
pub struct Generated {
    pub schools: usize,
    pub assets: usize,
    pub inspections: usize,
}

/// Loads a generated district into an empty database: `schools` schools with about `assets`
/// assets in all, each furnished (checklists, schedules), and `inspections` inspections spread
/// over the year before today, over each school's assets that a checklist applies to.
pub async fn load_generated(district: &dyn Store, want: &Generated) -> Result<Generated> {
    if !district.is_empty().await? {
        return Err("the database is not empty; generate into a fresh --data folder".into());
    }
    let hash = hash_password(DEMO_PASSWORD.into()).await?;
    let schools = generated_district(want.schools, want.assets, &hash);
    let count = schools.len();
    let mut made = Generated {
        schools: count,
        assets: 0,
        inspections: 0,
    };
    for (i, school) in schools.into_iter().enumerate() {
        let inspector = school
            .users
            .iter()
            .find(|(_, u)| u.role == app::domain::Role::Staff)
            .map(|(id, _)| *id)
            .ok_or("a generated school has staff")?;
        let assets: Vec<(uuid::Uuid, String)> = school
            .assets
            .iter()
            .map(|(id, a, _)| (*id, a.category.clone()))
            .collect();
        made.assets += assets.len();
        let id = district.import_school(school).await?;
        let store = district.for_school(id);
        app::ssr::school::furnish(store.as_ref()).await?;
        let due = want.inspections * (i + 1) / count - made.inspections;
        let records = generated_inspections(&store.current_templates().await?, &assets, due);
        made.inspections += store
            .import_inspections(Actor::SYSTEM, inspector, &records)
            .await?;
    }
    district.refresh_statistics().await?;
    Ok(made)
}

/// `n` inspections of `assets` (round robin over those a checklist applies to, every item
/// passed), spread over the year before now.
fn generated_inspections(
    templates: &[app::inspections::Template],
    assets: &[(uuid::Uuid, String)],
    n: usize,
) -> Vec<InspectionRecord> {
    use app::inspections::{FilledItem, ItemKind, Subject};
    let fit: Vec<(uuid::Uuid, &app::inspections::Template)> = assets
        .iter()
        .filter_map(|(id, category)| {
            let t = templates.iter().find(|t| t.applies_to_asset(category))?;
            Some((*id, t))
        })
        .collect();
    if fit.is_empty() {
        return Vec::new();
    }
    let now = chrono::Utc::now();
    (0..n)
        .map(|i| {
            let (asset, template) = fit[i % fit.len()];
            let answers = template
                .items
                .iter()
                .map(|item| FilledItem {
                    key: item.key.clone(),
                    label: item.label.clone(),
                    value: match &item.kind {
                        ItemKind::PassFail => "pass".into(),
                        ItemKind::Number { min, .. } => min.unwrap_or(1.0).to_string(),
                        ItemKind::Text => "正常".into(),
                    },
                    kind: item.kind.clone(),
                    note: None,
                    photos: Vec::new(),
                    failed: false,
                })
                .collect();
            InspectionRecord {
                id: uuid::Uuid::now_v7(),
                template: template.clone(),
                subject: Subject::Asset(asset),
                inspected_at: now - chrono::Duration::minutes((i * 525_600 / n.max(1)) as i64),
                answers,
                notes: None,
            }
        })
        .collect()
}
