//! The district page: every school's figures, and adding a school (district admin only).

use super::Saved;
use crate::error::AppError;
use crate::forms::SchoolForm;
use crate::model::SchoolFigures;
use leptos::prelude::*;

#[server(prefix = "/sf", endpoint = "district")]
pub async fn district() -> Result<Vec<SchoolFigures>, AppError> {
    use crate::ssr::visitor::{state, visitor};
    crate::ssr::school::schools(&state()?, &visitor()).await
}

#[server(prefix = "/sf", endpoint = "add_school")]
pub async fn add_school(form: SchoolForm) -> Result<Saved, AppError> {
    use crate::ssr::visitor::{state, visitor};
    crate::ssr::school::add_school(&state()?, &visitor(), &form).await?;
    Ok(Saved { url: "/".into() })
}
