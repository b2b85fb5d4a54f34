//! A school's database from before there were many schools (migrations up to 0007) opens with
//! this version: every record belongs to the school that was there, names stay unique within
//! it, and its people sign in and see their records.

use app::ssr::db::{query, query_scalar, Dialect};
use rounds_tests::scratch_database;
use std::borrow::Cow;

/// The migrations of one database up to `last`, as an older version shipped them.
fn migrations_up_to(dialect: Dialect, last: i64) -> sqlx::migrate::Migrator {
    let mut m = match dialect {
        Dialect::Sqlite => sqlx::migrate!("../app/migrations/sqlite"),
        Dialect::Postgres => sqlx::migrate!("../app/migrations/postgres"),
    };
    let kept: Vec<_> = m
        .migrations
        .iter()
        .filter(|x| x.version <= last)
        .cloned()
        .collect();
    m.migrations = Cow::Owned(kept);
    m
}

#[tokio::test]
async fn a_one_school_database_upgrades_with_every_record_in_its_school() {
    let scratch = scratch_database().await;
    std::fs::create_dir_all(&scratch.db.data).unwrap();
    let url = scratch.db.url();
    let db = if url.starts_with("postgres") {
        let pool = sqlx::PgPool::connect(&url).await.unwrap();
        migrations_up_to(Dialect::Postgres, 7)
            .run(&pool)
            .await
            .unwrap();
        app::ssr::db::Db::new(app::ssr::db::Pool::Postgres(pool))
    } else {
        let options = url
            .parse::<sqlx::sqlite::SqliteConnectOptions>()
            .unwrap()
            .create_if_missing(true);
        let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
        migrations_up_to(Dialect::Sqlite, 7)
            .run(&pool)
            .await
            .unwrap();
        app::ssr::db::Db::new(app::ssr::db::Pool::Sqlite(pool))
    };
    // The old version's school: a school, its admin, a building, a room, an asset with its
    // tag, a history row and a setting.
    let (school, admin, building, room, asset) = (
        uuid::Uuid::now_v7(),
        uuid::Uuid::now_v7(),
        uuid::Uuid::now_v7(),
        uuid::Uuid::now_v7(),
        uuid::Uuid::now_v7(),
    );
    let hash = app::ssr::people::auth::hash_password("old-password".into())
        .await
        .unwrap();
    let now = chrono::Utc::now();
    let statements: Vec<app::ssr::db::Query> = vec![
        query("INSERT INTO schools (id, name) VALUES ($1, '老学校')").bind(school),
        query(
            "INSERT INTO users (id, login, display_name, role, password_hash, active, created_at) \
             VALUES ($1, 'old-admin', '老管理员', 'admin', $2, TRUE, $3)",
        )
        .bind(admin)
        .bind(hash)
        .bind(now),
        query("INSERT INTO buildings (id, name) VALUES ($1, '明德楼')").bind(building),
        query("INSERT INTO rooms (id, building_id, name, kind, floor) VALUES ($1, $2, '一年级（1）班', 'classroom', 1)")
            .bind(room)
            .bind(building),
        query(
            "INSERT INTO assets (id, category, name, asset_code, status, room_id, value_fen) \
             VALUES ($1, '课桌椅', '学生课桌', 'LC-2020-000001', 'in_use', $2, 30000)",
        )
        .bind(asset)
        .bind(room),
        query("INSERT INTO tags (code, asset_id, created_at) VALUES ('7K3M9QX2', $1, $2)")
            .bind(asset)
            .bind(now),
        query(
            "INSERT INTO history (id, at, actor_id, entity, entity_id, action) \
             VALUES ($1, $2, $3, 'asset', $4, 'create')",
        )
        .bind(uuid::Uuid::now_v7())
        .bind(now)
        .bind(admin)
        .bind(asset),
        query("INSERT INTO settings (key, value) VALUES ('schedules_seeded', 'x')"),
    ];
    for q in statements {
        q.execute(&db).await.expect("the old schema takes it");
    }

    // This version opens it: migration 0008 runs.
    let district = server::store::open(&scratch.db).await.expect("it upgrades");
    let schools = district.schools().await.unwrap();
    assert_eq!(schools.len(), 1);
    assert_eq!(schools[0].school.id, school);
    assert_eq!(
        (schools[0].users, schools[0].rooms, schools[0].assets),
        (1, 1, 1)
    );
    let unscoped: i64 = query_scalar(
        "SELECT (SELECT COUNT(*) FROM users WHERE school_id IS NULL) \
         + (SELECT COUNT(*) FROM buildings WHERE school_id IS NULL) \
         + (SELECT COUNT(*) FROM tags WHERE school_id IS NULL) \
         + (SELECT COUNT(*) FROM history WHERE school_id IS NULL) \
         + (SELECT COUNT(*) FROM settings WHERE school_id IS NULL)",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(unscoped, 0, "every old record belongs to the old school");

    // Its admin signs in, finds the asset by its tag, and a second school may reuse its names.
    let theirs = district.for_school(school);
    let found = theirs
        .scan_asset(&app::domain::TagCode::parse("7K3M9QX2").unwrap(), 5)
        .await
        .unwrap()
        .expect("the tag opens the asset");
    assert_eq!(found.0.id, asset);
    assert_eq!(found.1.len(), 1, "with its history");
    let user = district.credentials("old-admin").await.unwrap().unwrap().0;
    assert_eq!(user.school, Some(school));
    let admin_record = app::ssr::people::store::UserRecord {
        login: "new-admin".into(),
        display_name: "新管理员".into(),
        role: app::domain::Role::Admin,
        active: true,
        password_hash: None,
    };
    let second = district
        .add_school(app::ssr::store::Actor::SYSTEM, "新学校", admin_record)
        .await
        .unwrap();
    let building = district
        .for_school(second.id)
        .create_building(app::ssr::store::Actor::SYSTEM, "明德楼")
        .await;
    assert!(
        building.is_ok(),
        "building names are unique within a school: {building:?}"
    );
    let again = theirs
        .create_building(app::ssr::store::Actor::SYSTEM, "明德楼")
        .await;
    assert!(
        matches!(again, Err(app::error::AppError::Conflict { .. })),
        "and still within one: {again:?}"
    );
}
