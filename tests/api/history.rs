use reqwest::{Method, StatusCode};
use rounds_tests::spawn_app;
use serde_json::json;

#[tokio::test]
async fn creating_and_changing_an_asset_writes_who_when_and_what() {
    let app = spawn_app().await;
    let token = app.token("demo-manager").await;
    let room = app.some_room(&token).await;
    let body = json!({ "category": "消防器材", "name": "新灭火器", "asset_code": "lc-t-1", "room_id": room["id"], "value_fen": 9000, "purchase_date": "2024-03-01" });
    let created = app
        .api(Method::POST, "/assets", Some(&token), Some(body))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let asset = created.json();
    assert_eq!(asset["asset_code"], "LC-T-1");
    assert_eq!(
        asset["tag"].as_str().map(str::len),
        Some(8),
        "a new asset gets its own tag"
    );
    let id = asset["id"].as_str().unwrap();
    assert_eq!(uuid::Uuid::parse_str(id).unwrap().get_version_num(), 7);

    let patched = app
        .api(
            Method::PATCH,
            &format!("/assets/{id}"),
            Some(&token),
            Some(json!({ "status": "under_repair" })),
        )
        .await;
    assert_eq!(patched.json()["status"], "under_repair");
    assert_eq!(patched.json()["name"], "新灭火器", "untouched fields stay");

    let hist = app
        .api(
            Method::GET,
            &format!("/assets/{id}/history"),
            Some(&token),
            None,
        )
        .await
        .json();
    let hist = hist.as_array().unwrap();
    assert_eq!(hist.len(), 2);
    assert_eq!(hist[0]["action"], "update");
    assert_eq!(hist[0]["actor"]["name"], "殷奇");
    assert_eq!(hist[0]["before"]["status"], "in_use");
    assert_eq!(hist[0]["after"]["status"], "under_repair");
    assert_eq!(hist[1]["action"], "create");
    assert!(hist[1]["before"].is_null());
    assert!(hist[0]["at"].as_str().unwrap().ends_with("+08:00"));
    let browser = app.signed_in_browser("demo-staff").await;
    let scan = app
        .page(&browser, &format!("/t/{}", asset["tag"].as_str().unwrap()))
        .await;
    assert!(
        scan.text.contains("状态：在用 → 维修中") && scan.text.contains("殷奇"),
        "the scan shows the change and who made it"
    );
    assert!(
        scan.text.find("修改") < scan.text.find("新建"),
        "newest first"
    );
}

#[tokio::test]
async fn rooms_buildings_and_users_record_their_changes_too() {
    let app = spawn_app().await;
    let token = app.token("demo-admin").await;
    let building = app
        .api(
            Method::POST,
            "/buildings",
            Some(&token),
            Some(json!({ "name": "新楼" })),
        )
        .await
        .json();
    let room = app
        .api(
            Method::POST,
            "/rooms",
            Some(&token),
            Some(json!({ "name": "新教室", "kind": "classroom", "building_id": building["id"] })),
        )
        .await;
    assert_eq!(room.status, StatusCode::CREATED, "{}", room.text);
    let id = room.json()["id"].as_str().unwrap().to_string();
    app.api(
        Method::PATCH,
        &format!("/rooms/{id}"),
        Some(&token),
        Some(json!({ "name": "新教室（二）" })),
    )
    .await;
    assert_eq!(app.history_len("rooms", &id, &token).await, 2);
    let rows = app
        .sql("SELECT action FROM history WHERE entity = 'building' AND after LIKE '%新楼%'")
        .await;
    assert_eq!(rows, vec!["create"]);

    let browser = app.signed_in_browser("demo-admin").await;
    app.post_form(&browser, "/auth/lang", &[("lang", "en"), ("next", "/")])
        .await;
    let rows = app
        .sql("SELECT after FROM history WHERE entity = 'user' AND action = 'update'")
        .await;
    assert_eq!(
        rows,
        vec![r#"{"lang":"en"}"#],
        "the language preference is a recorded change"
    );
}

#[tokio::test]
async fn a_refused_change_writes_neither_the_record_nor_history() {
    let app = spawn_app().await;
    let token = app.token("demo-manager").await;
    let before = app.sql("SELECT CAST(COUNT(*) AS TEXT) FROM history").await;
    let assets = app.sql("SELECT CAST(COUNT(*) AS TEXT) FROM assets").await;
    let existing = app.some_asset(&token).await;
    let dup = json!({ "category": "x", "name": "x", "asset_code": existing["asset_code"] });
    assert_eq!(
        app.api(Method::POST, "/assets", Some(&token), Some(dup))
            .await
            .status,
        StatusCode::CONFLICT
    );
    let bad_room = json!({ "category": "x", "name": "x", "asset_code": "NEW-1", "room_id": uuid::Uuid::now_v7() });
    assert_eq!(
        app.api(Method::POST, "/assets", Some(&token), Some(bad_room))
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        app.sql("SELECT CAST(COUNT(*) AS TEXT) FROM history").await,
        before
    );
    assert_eq!(
        app.sql("SELECT CAST(COUNT(*) AS TEXT) FROM assets").await,
        assets
    );
}
