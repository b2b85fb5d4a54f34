//! Backups made while the server keeps writing, restored into an empty data folder (and, on
//! PostgreSQL, an empty database), on whichever database the tests run on.

use crate::photos::{photo, upload};
use app::ssr::db::{query, query_scalar, Dialect};
use reqwest::{Method, StatusCode};
use rounds_tests::{scratch_database, spawn_app};
use serde_json::json;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

#[tokio::test]
async fn a_backup_made_while_writing_restores_every_acknowledged_record_and_photo() {
    let app = Arc::new(spawn_app().await);
    let teacher = app.token("demo-teacher").await;
    let (status, uploaded) = upload(&app, &teacher, "desk.jpg", photo()).await;
    assert_eq!(status, StatusCode::CREATED);
    let photo_id = uploaded["id"].as_str().unwrap().to_string();
    let desk = app.some_asset(&teacher).await["id"].clone();

    // Damage reports keep coming in while the backup is made.
    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (app, acknowledged, stop) = (app.clone(), acknowledged.clone(), stop.clone());
        let (teacher, desk, photo_id) = (teacher.clone(), desk.clone(), photo_id.clone());
        tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) || n < 3 {
                let photos = if n == 0 { json!([photo_id]) } else { json!([]) };
                let body = json!({ "asset_id": desk, "description": format!("第{n}处划痕"), "photos": photos });
                let a = app
                    .api(Method::POST, "/damage-reports", Some(&teacher), Some(body))
                    .await;
                assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
                acknowledged
                    .lock()
                    .unwrap()
                    .push(a.json()["id"].as_str().unwrap().to_string());
                n += 1;
            }
        })
    };
    while acknowledged.lock().unwrap().len() < 3 {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let before: Vec<String> = acknowledged.lock().unwrap().clone();
    let file = app.data.path().join("school.rounds-backup");
    let made = server::backup::backup(&app.database_args(), &file)
        .await
        .expect("the backup is made while the server writes");
    stop.store(true, Ordering::Relaxed);
    writer.await.unwrap();
    assert_eq!(made.photo_files, 2, "the photo and its thumbnail");

    let copy = scratch_database().await;
    server::backup::restore(&copy.db, &file)
        .await
        .expect("the backup restores into an empty folder");
    let again = server::backup::restore(&copy.db, &file).await;
    assert!(again.is_err(), "a restore never overwrites a school");

    let district = server::store::open(&copy.db).await.expect("the copy opens");
    let store = rounds_tests::home_store(district.as_ref()).await;
    for id in &before {
        let id = uuid::Uuid::parse_str(id).unwrap();
        let report = store.damage_report(id).await.unwrap();
        assert!(
            report.is_some(),
            "report {id}, acknowledged before the backup, is there"
        );
    }
    let photo = store
        .photo(uuid::Uuid::parse_str(&photo_id).unwrap())
        .await
        .unwrap()
        .expect("the photo's row is there");
    let file = app::ssr::photos::photo_path(&copy.db.data, &photo.sha256, false);
    assert!(file.exists(), "and so is its file");

    // Every table reads back whole.
    let db = copy.open().await;
    let tables = match db.dialect() {
        Dialect::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        }
        Dialect::Postgres => {
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'"
        }
    };
    let tables: Vec<String> = query_scalar(tables).fetch_all(&db).await.unwrap();
    assert!(tables.len() >= 15, "{tables:?}");
    for table in tables {
        let rows = query(format!("SELECT * FROM {table}")).fetch_all(&db).await;
        assert!(rows.is_ok(), "{table} reads back: {rows:?}");
    }
}
