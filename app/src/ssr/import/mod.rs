//! Bringing a school's register in from its spreadsheet (导入资产登记表): the file read whatever
//! program saved it, its columns mapped (Rounds' reading, a saved profile, the manager's
//! corrections), every row checked, the plan previewed, and committed whole or not at all.
//! The asset manager and the admin import; the REST API and the page both come here.

pub mod preview;
pub mod sheet;
pub mod store;

use crate::domain::{bounded_text, Field, Invalid, Problem};
use crate::error::{AppError, AppResult};
use crate::import::columns::{column_index, column_letters, find_header, Profile, RegisterColumn};
use crate::import::plan::plan;
use crate::import::preview::{ImportPreview, ImportProfile, RegisterImport};
use crate::import::record::{read, Sheet};
use crate::import::{Quantities, RowError};
use crate::model::Paging;
use crate::ssr::register::writer;
use crate::ssr::state::AppState;
use crate::ssr::visitor::Visitor;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use store::ImportHead;
use uuid::Uuid;

/// A profile's name, in characters.
pub const PROFILE_NAME_MAX: usize = 40;
/// A file name kept with the import, in characters.
const FILE_NAME_MAX: usize = 200;

/// One import request: the file, and the manager's choices.
#[derive(Clone, Debug, Default)]
pub struct ImportRequest {
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub quantities: Quantities,
    /// A saved profile to map the columns with.
    pub profile: Option<String>,
    /// Corrections by column letters: `F` → the column it holds, or none to leave it out.
    pub corrections: BTreeMap<String, Option<RegisterColumn>>,
    /// Write it (all or nothing) rather than preview it.
    pub commit: bool,
}

/// The file's columns as mapped: the header's reading with the corrections applied; a
/// correction naming a column the file does not have is refused.
fn mapped(
    header: &[Option<RegisterColumn>],
    width: usize,
    corrections: &BTreeMap<String, Option<RegisterColumn>>,
) -> Result<Vec<Option<RegisterColumn>>, Invalid> {
    let mut columns = header.to_vec();
    columns.resize(width.max(columns.len()), None);
    for (letters, reads) in corrections {
        let i = column_index(letters)
            .filter(|i| *i < columns.len())
            .ok_or(Invalid::new(Field::Columns, Problem::OutOfRange))?;
        columns[i] = *reads;
    }
    Ok(columns)
}

/// What is wrong with the mapping itself: a required column missing (the classification code
/// stands in for the category), one mapped twice.
fn mapping_errors(columns: &[Option<RegisterColumn>], header_row: usize) -> Vec<RowError> {
    use RegisterColumn as C;
    let mut errors = Vec::new();
    let has = |c: C| columns.contains(&Some(c));
    for required in [C::AssetCode, C::Name, C::Category] {
        let stood_in = required == C::Category && has(C::ClassCode);
        if !(has(required) || stood_in) {
            errors.push(RowError {
                row: header_row,
                column: None,
                header: None,
                reads: Some(required),
                problem: Problem::MissingColumn,
                message: String::new(),
            });
        }
    }
    for (i, c) in columns.iter().enumerate() {
        if c.is_some() && columns[..i].contains(c) {
            errors.push(RowError {
                row: header_row,
                column: Some(column_letters(i)),
                header: None,
                reads: *c,
                problem: Problem::MappedTwice,
                message: String::new(),
            });
        }
    }
    errors
}

/// Reads, checks and plans the file; commits it when asked and nothing is wrong.
pub async fn import(st: &AppState, v: &Visitor, req: ImportRequest) -> AppResult<ImportPreview> {
    let actor = writer(v)?;
    let school = st.school(v)?;
    let file_name = bounded_text(Field::File, req.file_name.trim(), FILE_NAME_MAX)
        .unwrap_or_else(|_| "register".into());
    let profile = match req.profile.as_deref().map(str::trim) {
        None | Some("") => Profile::new(),
        Some(name) => {
            school
                .import_profile(name)
                .await?
                .ok_or(Invalid::new(Field::Profile, Problem::UnknownChoice))?
                .mapping
        }
    };
    let bytes = req.bytes;
    let sha256 = format!("{:x}", Sha256::digest(&bytes));
    let rows = tokio::task::spawn_blocking(move || sheet::rows(&bytes))
        .await
        .map_err(AppError::internal)??;
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut preview = preview::empty(file_name.clone(), sha256.clone(), req.quantities);
    preview.imported_before = school.imports_of_file(&sha256).await?;
    let Some(header) = find_header(&rows, &profile) else {
        return Err(Invalid::new(Field::File, Problem::NoHeader).into());
    };
    let columns = mapped(&header.columns, width, &req.corrections)?;
    preview.header_row = Some(header.row + 1);
    preview.columns = preview::columns(&rows[header.row], &columns);
    let mut sheet = match mapping_errors(&columns, header.row + 1) {
        errors if errors.is_empty() => read(&rows, &header, &columns, req.quantities),
        errors => Sheet {
            errors,
            ..Sheet::default()
        },
    };
    let rows_read = sheet.rows;
    let assets = std::mem::take(&mut sheet.assets);
    let planner = move |register: &_| plan(&assets, register, Uuid::now_v7);
    if req.commit && sheet.errors.is_empty() {
        let head = ImportHead {
            id: Uuid::now_v7(),
            file_name,
            sha256,
            quantities: req.quantities,
            rows: rows_read,
        };
        let made = school.commit_import(actor, head, &planner).await?;
        let plan = match made {
            Some((record, plan)) => {
                preview.committed = Some(record);
                plan
            }
            None => planner(&school.import_register().await?),
        };
        preview::fill(&mut preview, &sheet, rows_read, &plan, v.lang);
        return Ok(preview);
    }
    let plan = planner(&school.import_register().await?);
    preview::fill(&mut preview, &sheet, rows_read, &plan, v.lang);
    Ok(preview)
}

/// The imports made, newest first.
pub async fn imports(st: &AppState, v: &Visitor, paging: Paging) -> AppResult<Vec<RegisterImport>> {
    writer(v)?;
    st.school(v)?.imports(paging).await
}

pub async fn profiles(st: &AppState, v: &Visitor) -> AppResult<Vec<ImportProfile>> {
    writer(v)?;
    st.school(v)?.import_profiles().await
}

/// Saves the manager's mapping (header as the file writes it → column) under `name`.
pub async fn save_profile(
    st: &AppState,
    v: &Visitor,
    name: &str,
    mapping: Profile,
) -> AppResult<ImportProfile> {
    let actor = writer(v)?;
    let name = bounded_text(Field::Name, name, PROFILE_NAME_MAX)?;
    if mapping.is_empty() || mapping.len() > 200 {
        return Err(Invalid::new(Field::Columns, Problem::OutOfRange).into());
    }
    if mapping
        .keys()
        .any(|h| h.trim().is_empty() || h.chars().count() > 80)
    {
        return Err(Invalid::new(Field::Columns, Problem::Malformed).into());
    }
    st.school(v)?
        .save_import_profile(actor, &name, &mapping)
        .await
}
