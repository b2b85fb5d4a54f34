//! Importing a school's register from files made by another program (openpyxl, in
//! `tests/fixtures/registers.py`): preview, all-or-nothing commit, row errors, re-import,
//! mappings and profiles, batch quantities, the role matrix.

use reqwest::multipart::{Form, Part};
use reqwest::{Method, StatusCode};
use rounds_tests::{spawn_app, TestApp};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::OnceLock;

/// The fixture files, made once per test run.
fn fixtures() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("rounds-registers-{}", std::process::id()));
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/registers.py");
        // openpyxl lives with the other tools (.ci/env says where); a plain `cargo test` looks there too.
        let tools = std::env::var("PYTHONPATH").unwrap_or_else(|_| {
            format!(
                "{}/.cache/rounds-tools/python",
                std::env::var("HOME").unwrap_or_default()
            )
        });
        let done = std::process::Command::new("python3")
            .env("PYTHONPATH", tools)
            .arg(script)
            .arg(&dir)
            .status()
            .expect("python3 runs (bash .ci/setup installs openpyxl)");
        assert!(done.success(), "the fixture script made the registers");
        dir
    })
}

pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixtures().join(name)).expect("a fixture file")
}

/// `POST /api/v1/imports` with a fixture file and form fields.
async fn send(
    app: &TestApp,
    token: &str,
    file: &str,
    fields: &[(&str, &str)],
) -> (StatusCode, Value) {
    send_file(app, token, file, fixture(file), fields).await
}

/// `POST /api/v1/imports` with the file `name` and form fields.
pub async fn send_file(
    app: &TestApp,
    token: &str,
    name: &str,
    bytes: Vec<u8>,
    fields: &[(&str, &str)],
) -> (StatusCode, Value) {
    let mut form = Form::new().part("file", Part::bytes(bytes).file_name(name.to_string()));
    for (k, v) in fields {
        form = form.text(k.to_string(), v.to_string());
    }
    app.upload("/imports", token, form).await
}

async fn count(app: &TestApp, table: &str) -> usize {
    let n = app.sql(&format!("SELECT COUNT(*) FROM {table}")).await;
    n[0].parse().expect("a count")
}

/// How many rows each table that an import writes has.
pub async fn written(app: &TestApp) -> [usize; 6] {
    let mut out = [0; 6];
    for (i, t) in [
        "buildings",
        "rooms",
        "assets",
        "tags",
        "history",
        "register_imports",
    ]
    .iter()
    .enumerate()
    {
        out[i] = count(app, t).await;
    }
    out
}

async fn asset_by_code(app: &TestApp, token: &str, code: &str) -> Value {
    let list = app
        .api(Method::GET, &format!("/assets?q={code}"), Some(token), None)
        .await
        .json();
    list["items"]
        .as_array()
        .and_then(|items| items.iter().find(|a| a["asset_code"] == code))
        .cloned()
        .unwrap_or_else(|| panic!("{code} in the register: {list}"))
}

#[tokio::test]
async fn a_register_made_in_excel_is_previewed_then_committed_whole() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let before = written(&app).await;

    let (status, p) = send(&app, &manager, "register.xlsx", &[]).await;
    assert_eq!(status, StatusCode::OK, "{p}");
    assert_eq!(
        p["header_row"], 3,
        "the header under the merged title and the date line"
    );
    assert_eq!(p["counts"]["rows"], 4, "blank and 合计 rows are not assets");
    assert_eq!(p["counts"]["errors"], 0, "{p}");
    assert_eq!(p["counts"]["new_assets"], 6, "数量 3 makes three assets");
    assert_eq!(p["new_buildings"], json!(["操场", "致远楼"]));
    assert_eq!(p["new_rooms"], json!(["致远楼 · 204", "操场 · 操场"]));
    assert_eq!(p["counts"]["new_tags"], 8);
    assert_eq!(p["columns"][1]["letters"], "B");
    assert_eq!(p["columns"][1]["reads"], "asset_code");
    assert_eq!(p["columns"][0]["reads"], Value::Null, "序号 is not read");
    assert_eq!(written(&app).await, before, "a preview writes nothing");

    let (status, done) = send(&app, &manager, "register.xlsx", &[("commit", "true")]).await;
    assert_eq!(status, StatusCode::CREATED, "{done}");
    let record = &done["committed"];
    assert_eq!(record["counts"]["new_assets"], 6);
    assert_eq!(record["imported_by"]["name"], "殷奇");
    assert_eq!(record["sha256"].as_str().unwrap().len(), 64);
    let after = written(&app).await;
    assert_eq!(after[0] - before[0], 2, "buildings");
    assert_eq!(after[1] - before[1], 2, "rooms");
    assert_eq!(after[2] - before[2], 6, "assets");
    assert_eq!(after[3] - before[3], 8, "a tag for each new room and asset");
    assert_eq!(
        after[4] - before[4],
        2 + 2 + 6 + 1,
        "one history entry per record"
    );
    assert_eq!(after[5] - before[5], 1, "one import record");

    let desk = asset_by_code(&app, &manager, "LCX-2016-001").await;
    assert_eq!(
        desk["room"]["name"], "一年级（1）班",
        "an existing room by building/room"
    );
    assert_eq!(desk["custodian"]["name"], "殷奇", "a 使用人 who is a user");
    assert_eq!(desk["purchase_date"], "2016-09-18", "a serial date");
    assert_eq!(desk["value_fen"], 120_000);
    assert_eq!(desk["card"]["class_code"], "6010000");
    assert_eq!(desk["card"]["booked_on"], "2016-09-30");
    assert_eq!(desk["card"]["voucher"], "记-0918");
    let projector = asset_by_code(&app, &manager, "LCX-2018-002").await;
    assert_eq!(projector["status"], "under_repair");
    assert_eq!(projector["value_fen"], 420_050);
    assert_eq!(projector["purchase_date"], "2018-03-05", "2018年3月5日");
    assert_eq!(
        projector["card"]["keeper"], "张老师",
        "not a user: kept as written"
    );
    let chair = asset_by_code(&app, &manager, "LCX-2020-003-2").await;
    assert_eq!(chair["value_fen"], 12_000);
    assert_eq!(chair["card"]["quantity"], 1);
    let tag = chair["tag"].as_str().expect("a new tag");
    let found = app
        .api(Method::GET, &format!("/tags/{tag}"), Some(&manager), None)
        .await;
    assert_eq!(
        found.json()["id"],
        chair["id"],
        "the tag opens the imported asset"
    );
    let id = desk["id"].as_str().unwrap();
    assert_eq!(app.history_len("assets", id, &manager).await, 1);

    let listed = app.api(Method::GET, "/imports", Some(&manager), None).await;
    assert_eq!(listed.status, StatusCode::OK);
    assert_eq!(listed.json()[0]["id"], record["id"]);
    assert_eq!(listed.json()[0]["file_name"], "register.xlsx");

    // The same file again changes nothing, and says it was imported before.
    let (status, again) = send(&app, &manager, "register.xlsx", &[("commit", "true")]).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(again["committed"], Value::Null);
    assert_eq!(again["counts"]["unchanged_assets"], 6);
    assert_eq!(again["counts"]["new_assets"], 0);
    assert_eq!(again["imported_before"][0]["id"], record["id"]);
    assert_eq!(written(&app).await, after, "a re-import writes nothing");

    // Excel's GBK CSV of the same register reads the same: nothing to change.
    let (status, csv) = send(&app, &manager, "register_gbk.csv", &[]).await;
    assert_eq!(status, StatusCode::OK, "{csv}");
    assert_eq!(csv["counts"]["errors"], 0, "{csv}");
    assert_eq!(csv["counts"]["unchanged_assets"], 6, "{csv}");
    assert_eq!(csv["changed_assets"], json!([]));
}

#[tokio::test]
async fn a_changed_row_is_shown_then_changed_with_its_history() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    send(&app, &manager, "register.xlsx", &[("commit", "true")]).await;
    let desk = asset_by_code(&app, &manager, "LCX-2016-001").await;
    let id = desk["id"].as_str().unwrap();
    let moved = app
        .api(
            Method::PATCH,
            &format!("/assets/{id}"),
            Some(&manager),
            Some(json!({ "name": "旧办公桌", "value_fen": 100_000 })),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.text);
    let (_, p) = send(&app, &manager, "register.xlsx", &[]).await;
    assert_eq!(p["counts"]["changed_assets"], 1, "{p}");
    let change = &p["changed_assets"][0];
    assert_eq!(change["row"], 4);
    assert_eq!(change["asset_code"], "LCX-2016-001");
    assert_eq!(
        change["changes"],
        json!([
            { "column": "name", "before": "旧办公桌", "after": "办公桌" },
            { "column": "value", "before": "1000.00", "after": "1200.00" },
        ])
    );
    let (status, done) = send(&app, &manager, "register.xlsx", &[("commit", "true")]).await;
    assert_eq!(status, StatusCode::CREATED, "{done}");
    assert_eq!(done["committed"]["counts"]["changed_assets"], 1);
    let desk = asset_by_code(&app, &manager, "LCX-2016-001").await;
    assert_eq!(desk["name"], "办公桌");
    assert_eq!(
        app.history_len("assets", id, &manager).await,
        3,
        "import, edit, import"
    );
}

#[tokio::test]
async fn a_batch_import_keeps_one_record_with_its_quantity() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let (status, done) = send(
        &app,
        &manager,
        "register.xlsx",
        &[("commit", "true"), ("quantities", "batch")],
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{done}");
    assert_eq!(done["committed"]["counts"]["new_assets"], 4);
    assert_eq!(done["committed"]["quantities"], "batch");
    let chairs = asset_by_code(&app, &manager, "LCX-2020-003").await;
    assert_eq!(chairs["card"]["quantity"], 3);
    assert_eq!(chairs["value_fen"], 36_000);
    assert!(chairs["tag"].is_string(), "one tag for the batch");
}

#[tokio::test]
async fn bad_files_name_each_row_and_column_and_write_nothing() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let before = written(&app).await;
    let (status, p) = send(&app, &manager, "bad.xlsx", &[("commit", "true")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
    assert_eq!(p["committed"], Value::Null);
    let errors: Vec<(u64, &str, &str)> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["row"].as_u64().unwrap(),
                e["column"].as_str().unwrap(),
                e["problem"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            (3, "E", "bad_date"),
            (4, "D", "out_of_range"),
            (5, "F", "unknown_choice"),
            (6, "A", "duplicate_of"),
        ]
    );
    assert_eq!(p["errors"][3]["first"], 2);
    assert_eq!(
        p["errors"][0]["message"],
        "第 3 行 E 列（取得日期）应为日期，格式 2023-09-01。"
    );
    assert!(
        p["errors"][3]["message"]
            .as_str()
            .unwrap()
            .contains("与第 2 行重复"),
        "{}",
        p["errors"][3]
    );
    assert_eq!(written(&app).await, before, "nothing written");

    for (file, problem) in [
        ("not_a_sheet.xlsx", "not_a_spreadsheet"),
        ("empty.xlsx", "empty_sheet"),
    ] {
        let (status, e) = send(&app, &manager, file, &[("commit", "true")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{file}: {e}");
        assert_eq!(e["error"]["field"], "file", "{file}: {e}");
        assert!(
            e["error"]["message"].as_str().unwrap().starts_with("文件"),
            "{e}"
        );
        let _ = problem;
    }
    assert_eq!(written(&app).await, before, "nothing written");
    let no_file = reqwest::Client::new()
        .post(app.url("/api/v1/imports"))
        .bearer_auth(&manager)
        .multipart(Form::new().text("commit", "true"))
        .send()
        .await
        .unwrap();
    assert_eq!(no_file.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn an_unknown_header_is_mapped_by_hand_and_kept_as_a_profile() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let (status, p) = send(&app, &manager, "odd_headers.xlsx", &[]).await;
    assert_eq!(status, StatusCode::OK, "{p}");
    assert_eq!(p["columns"][4]["header"], "放置处");
    assert_eq!(p["columns"][4]["reads"], Value::Null);
    assert_eq!(p["new_rooms"], json!([]));

    let (_, fixed) = send(
        &app,
        &manager,
        "odd_headers.xlsx",
        &[("mapping", r#"{"E": "location"}"#)],
    )
    .await;
    assert_eq!(fixed["columns"][4]["reads"], "location", "{fixed}");
    assert_eq!(fixed["new_rooms"], json!(["博学楼 · 陶艺室"]));
    assert_eq!(fixed["new_buildings"], json!([]), "博学楼 is known");
    let (status, _) = send(
        &app,
        &manager,
        "odd_headers.xlsx",
        &[("mapping", r#"{"Z": "location"}"#)],
    )
    .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a column the file does not have"
    );
    let (status, twice) = send(
        &app,
        &manager,
        "odd_headers.xlsx",
        &[("mapping", r#"{"D": "name"}"#), ("commit", "true")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{twice}");
    assert_eq!(twice["errors"][0]["problem"], "mapped_twice");

    let saved = app
        .api(
            Method::POST,
            "/import-profiles",
            Some(&manager),
            Some(json!({ "name": "区资产系统", "mapping": { "放置处": "location" } })),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    let (_, by_profile) = send(
        &app,
        &manager,
        "odd_headers.xlsx",
        &[("profile", "区资产系统")],
    )
    .await;
    assert_eq!(
        by_profile["columns"][4]["reads"], "location",
        "{by_profile}"
    );
    let listed = app
        .api(Method::GET, "/import-profiles", Some(&manager), None)
        .await;
    assert_eq!(listed.json()[0]["name"], "区资产系统");
    assert_eq!(listed.json()[0]["saved_by"]["name"], "殷奇");
    let (status, _) = send(
        &app,
        &manager,
        "odd_headers.xlsx",
        &[("profile", "没有这个")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn only_the_asset_manager_and_the_admin_import() {
    let app = spawn_app().await;
    for (login, allowed) in rounds_tests::REGISTER_KEEPERS {
        let token = app.token(login).await;
        let (status, _) = send(&app, &token, "odd_headers.xlsx", &[]).await;
        let expected = if allowed {
            StatusCode::OK
        } else {
            StatusCode::FORBIDDEN
        };
        assert_eq!(status, expected, "{login} previews");
        for path in ["/imports", "/import-profiles"] {
            let a = app.api(Method::GET, path, Some(&token), None).await;
            assert_eq!(a.status, expected, "{login} lists {path}");
        }
        let a = app
            .api(
                Method::POST,
                "/import-profiles",
                Some(&token),
                Some(json!({ "name": "x", "mapping": { "放置处": "location" } })),
            )
            .await;
        assert_eq!(a.status, expected, "{login} saves a profile");
    }
    let a = app.api(Method::GET, "/imports", None, None).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn ten_thousand_rows_are_one_commit() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let (status, done) = send(&app, &manager, "big.xlsx", &[("commit", "true")]).await;
    assert_eq!(status, StatusCode::CREATED, "{}", done["errors"]);
    assert_eq!(done["committed"]["counts"]["new_assets"], 10_000);
    assert_eq!(
        done["new_assets"].as_array().unwrap().len(),
        200,
        "the preview lists 200"
    );
    let (_, again) = send(&app, &manager, "big.xlsx", &[]).await;
    assert_eq!(again["counts"]["unchanged_assets"], 10_000);
}

#[tokio::test]
async fn one_schools_import_is_never_seen_or_matched_by_another() {
    let app = spawn_app().await;
    let ours = app.token("demo-manager").await;
    let theirs = app.token("qt-demo-manager").await;
    let (status, _) = send(&app, &ours, "register.xlsx", &[("commit", "true")]).await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, p) = send(&app, &theirs, "register.xlsx", &[]).await;
    assert_eq!(status, StatusCode::OK, "{p}");
    assert_eq!(
        p["counts"]["new_assets"], 6,
        "our assets are not theirs to match"
    );
    assert_eq!(p["imported_before"], json!([]), "nor our import record");
    let listed = app.api(Method::GET, "/imports", Some(&theirs), None).await;
    assert_eq!(listed.json(), json!([]));
    let (status, done) = send(&app, &theirs, "register.xlsx", &[("commit", "true")]).await;
    assert_eq!(status, StatusCode::CREATED, "{done}");
    let desk = asset_by_code(&app, &theirs, "LCX-2016-001").await;
    let mine = asset_by_code(&app, &ours, "LCX-2016-001").await;
    assert_ne!(
        desk["id"], mine["id"],
        "each school its own asset of the same code"
    );
    assert_ne!(
        desk["room"]["id"], mine["room"]["id"],
        "each in its own school's room"
    );
}
