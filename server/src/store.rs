//! Picks the store implementation from the database URL and loads schools into it.

use crate::anyhow_lite::Result;
use crate::config::DatabaseArgs;
use app::ssr::people::auth::hash_password;
use app::ssr::school::demo::{demo_schools, district_admin, generated_school, DEMO_PASSWORD};
use app::ssr::sql::SqlStore;
use app::ssr::store::{Actor, Store};
use std::sync::Arc;

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
        district.import_school(school).await?;
    }
    district
        .create_user(Actor::SYSTEM, district_admin(&hash))
        .await?;
    tracing::info!("loaded the demo district");
    Ok(())
}

/// Loads a generated school of about `assets` assets into an empty database.
pub async fn load_generated(store: &dyn Store, assets: usize) -> Result<()> {
    if !store.is_empty().await? {
        return Err("the database is not empty; generate into a fresh --data folder".into());
    }
    let hash = hash_password(DEMO_PASSWORD.into()).await?;
    store.import_school(generated_school(assets, &hash)).await?;
    Ok(())
}
