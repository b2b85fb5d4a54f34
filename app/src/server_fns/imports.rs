//! The import page's data: the saved column profiles to choose from and the imports made.
//! Previewing and committing a file is `POST /api/v1/imports` (a multipart upload).

use crate::error::AppError;
use crate::import::preview::RegisterImport;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Imports the page lists.
#[cfg(feature = "ssr")]
const RECENT_IMPORTS: i64 = 10;

/// Everything the import page shows before a file is chosen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportDeskData {
    /// Names of the saved column profiles.
    pub profiles: Vec<String>,
    pub imports: Vec<RegisterImport>,
}

#[server(prefix = "/sf", endpoint = "import_desk")]
pub async fn import_desk() -> Result<ImportDeskData, AppError> {
    use crate::ssr::import;
    let v = crate::ssr::visitor::visitor();
    v.require(|r| r.manages_register())?;
    let st = crate::ssr::visitor::state()?;
    let profiles = import::profiles(&st, &v).await?;
    Ok(ImportDeskData {
        profiles: profiles.into_iter().map(|p| p.name).collect(),
        imports: import::imports(&st, &v, crate::model::Paging::first(RECENT_IMPORTS)).await?,
    })
}
