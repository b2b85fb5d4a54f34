//! Picks the store implementation from the database URL and loads schools into it.

use crate::anyhow_lite::Result;
use crate::config::DatabaseArgs;
use app::ssr::people::auth::hash_password;
use app::ssr::school::demo::{demo_school, generated_school, DEMO_PASSWORD};
use app::ssr::sqlite::SqliteStore;
use app::ssr::store::Store;
use std::sync::Arc;

/// Opens the database named by the URL scheme (only `sqlite:` so far), migrating it.
pub async fn open(db: &DatabaseArgs) -> Result<Arc<dyn Store>> {
    let url = db.url();
    if url.starts_with("sqlite:") {
        if db.database_url.is_none() {
            std::fs::create_dir_all(&db.data)?;
        }
        return Ok(Arc::new(SqliteStore::connect(&url).await?));
    }
    Err(format!("unsupported database URL (only sqlite: for now): {url}").into())
}

/// Loads the demo school into an empty database; a database with users is left alone.
pub async fn load_demo(store: &dyn Store) -> Result<()> {
    if !store.is_empty().await? {
        return Ok(());
    }
    let hash = hash_password(DEMO_PASSWORD.into()).await?;
    store.import_school(demo_school(&hash)).await?;
    tracing::info!("loaded the demo school");
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
