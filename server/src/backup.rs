//! `rounds backup` and `rounds restore`: one archive file (tar) holding the database and the
//! photo store. The backup is consistent while the server keeps writing: SQLite's `VACUUM INTO`
//! or PostgreSQL's `pg_dump` copies the database as of one moment, and the photos are copied
//! after it (a photo's files are written before its row, so every photo the copy names is
//! there). A restore goes into an empty data folder (and, on PostgreSQL, an empty database).

use crate::anyhow_lite::Result;
use crate::config::DatabaseArgs;
use serde::{Deserialize, Serialize};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::str::FromStr;

const MANIFEST: &str = "rounds-backup.json";
const SQLITE_ENTRY: &str = "database/rounds.db";
const POSTGRES_ENTRY: &str = "database/rounds.pgdump";
const PHOTOS: &str = "photos";

/// What an archive holds, written first in it.
#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    /// `sqlite` or `postgres`: a backup restores into the same kind of database.
    pub database: String,
    pub made_at: chrono::DateTime<chrono::Utc>,
    pub photo_files: usize,
    pub rounds_version: String,
}

/// The database a URL names.
enum Target {
    Sqlite(PathBuf),
    Postgres(String),
}

impl Target {
    fn of(db: &DatabaseArgs) -> Result<Target> {
        let url = db.url();
        if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            return Ok(Target::Postgres(url));
        }
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .ok_or_else(|| format!("unsupported database URL (sqlite: or postgres:): {url}"))?;
        let path = path.split('?').next().unwrap_or(path);
        Ok(Target::Sqlite(PathBuf::from(path)))
    }

    fn kind(&self) -> &'static str {
        match self {
            Target::Sqlite(_) => "sqlite",
            Target::Postgres(_) => "postgres",
        }
    }
}

/// Runs a PostgreSQL client tool (`pg_dump`, `pg_restore`), failing with what it printed.
async fn run_tool(program: &str, args: &[&str]) -> Result<()> {
    let out = tokio::process::Command::new(program)
        .args(args)
        .output()
        .await
        .map_err(|e| format!("{program} could not start (is postgresql-client installed?): {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{program} failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )
        .into())
    }
}

/// Every photo file under the data folder's photo store (half-written `.part` files left out).
fn photo_files(data: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut dirs = vec![data.join(PHOTOS)];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e != "part") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// Copies the database and the photos into one archive at `to`, written aside and renamed so
/// a half-made backup never has the final name.
pub async fn backup(db: &DatabaseArgs, to: &Path) -> Result<Manifest> {
    let target = Target::of(db)?;
    let work = tempfile::tempdir_in(
        to.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new(".")),
    )?;
    let (entry, copy) = match &target {
        Target::Sqlite(path) => {
            let copy = work.path().join("rounds.db");
            let mut conn = SqliteConnectOptions::from_str(&format!("sqlite://{}", path.display()))?
                .read_only(true)
                .connect()
                .await?;
            sqlx::query("VACUUM INTO $1")
                .bind(copy.display().to_string())
                .execute(&mut conn)
                .await?;
            conn.close().await?;
            (SQLITE_ENTRY, copy)
        }
        Target::Postgres(url) => {
            let copy = work.path().join("rounds.pgdump");
            let file = copy.display().to_string();
            run_tool(
                "pg_dump",
                &["--format=custom", "--no-owner", "--file", &file, url],
            )
            .await?;
            (POSTGRES_ENTRY, copy)
        }
    };
    let photos = photo_files(&db.data);
    let manifest = Manifest {
        database: target.kind().into(),
        made_at: chrono::Utc::now(),
        photo_files: photos.len(),
        rounds_version: env!("CARGO_PKG_VERSION").into(),
    };
    let manifest_file = work.path().join(MANIFEST);
    std::fs::write(&manifest_file, serde_json::to_vec_pretty(&manifest)?)?;
    let partial_path = to.with_extension("partial");
    let partial = partial_path.clone();
    let data = db.data.clone();
    tokio::task::spawn_blocking(move || -> Result<()> {
        let mut tar = tar::Builder::new(File::create(&partial)?);
        tar.append_path_with_name(&manifest_file, MANIFEST)?;
        tar.append_path_with_name(&copy, entry)?;
        for photo in &photos {
            let name = photo.strip_prefix(&data)?;
            tar.append_path_with_name(photo, name)?;
        }
        tar.into_inner()?.sync_all()?;
        Ok(())
    })
    .await??;
    std::fs::rename(partial_path, to)?;
    Ok(manifest)
}

/// Whether the restore target already holds a school (never overwritten).
async fn refuse_if_not_empty(target: &Target, data: &Path) -> Result<()> {
    if !photo_files(data).is_empty() {
        return Err(format!(
            "{} already has photos; restore into an empty data folder",
            data.display()
        )
        .into());
    }
    match target {
        Target::Sqlite(path) if path.exists() => Err(format!(
            "{} exists; restore into an empty data folder",
            path.display()
        )
        .into()),
        Target::Sqlite(_) => Ok(()),
        Target::Postgres(url) => {
            let mut conn = sqlx::PgConnection::connect(url).await?;
            let tables: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'",
            )
            .fetch_one(&mut conn)
            .await?;
            conn.close().await?;
            match tables {
                0 => Ok(()),
                _ => Err("the database is not empty; restore into an empty one".into()),
            }
        }
    }
}

/// Restores an archive made by [`backup`] into an empty data folder (and database), then opens
/// it as the server would and checks it: SQLite's `PRAGMA integrity_check` must say `ok`.
pub async fn restore(db: &DatabaseArgs, from: &Path) -> Result<Manifest> {
    let target = Target::of(db)?;
    refuse_if_not_empty(&target, &db.data).await?;
    std::fs::create_dir_all(&db.data)?;
    let work = tempfile::tempdir_in(&db.data)?;
    let archive = from.to_path_buf();
    let unpacked = work.path().to_path_buf();
    tokio::task::spawn_blocking(move || -> Result<()> {
        let mut tar = tar::Archive::new(File::open(&archive)?);
        for entry in tar.entries()? {
            // unpack_in refuses paths that would leave the folder (`..`, absolute paths).
            entry?.unpack_in(&unpacked)?;
        }
        Ok(())
    })
    .await??;
    let manifest: Manifest = serde_json::from_slice(
        &std::fs::read(work.path().join(MANIFEST))
            .map_err(|_| "not a Rounds backup (no manifest)")?,
    )?;
    if manifest.database != target.kind() {
        return Err(format!(
            "this backup is of a {} database; restore it into one of the same kind",
            manifest.database
        )
        .into());
    }
    match &target {
        Target::Sqlite(path) => {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::rename(work.path().join(SQLITE_ENTRY), path)?;
            let mut conn = SqliteConnectOptions::from_str(&format!("sqlite://{}", path.display()))?
                .connect()
                .await?;
            let check: String = sqlx::query_scalar("PRAGMA integrity_check")
                .fetch_one(&mut conn)
                .await?;
            conn.close().await?;
            if check != "ok" {
                return Err(
                    format!("the restored database fails its integrity check: {check}").into(),
                );
            }
        }
        Target::Postgres(url) => {
            let dump = work.path().join(POSTGRES_ENTRY).display().to_string();
            run_tool(
                "pg_restore",
                &["--exit-on-error", "--no-owner", "--dbname", url, &dump],
            )
            .await?;
        }
    }
    let photos = work.path().join(PHOTOS);
    if photos.exists() {
        std::fs::rename(photos, db.data.join(PHOTOS))?;
    }
    // Opening it applies any newer migrations, as a server start would.
    crate::store::open(db).await?;
    Ok(manifest)
}
