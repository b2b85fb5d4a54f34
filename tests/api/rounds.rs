//! Rounds and the offline sync: schedules and what is due, each queued record applied exactly
//! once whatever is resent or sent twice at once, bad records answered on their own, conflicts
//! kept with the record, photos sent once.

use reqwest::multipart::{Form, Part};
use reqwest::{Method, StatusCode};
use rounds_tests::{spawn_app, TestApp, HOME_SCHOOL};
use serde_json::{json, Value};
use uuid::Uuid;

/// Ids of `n` assets of `category` (as the API spells them), with their room ids.
pub(crate) async fn assets(app: &TestApp, category: &str, n: usize) -> Vec<(String, String)> {
    let rows = app
        .sql(&format!(
            "SELECT lower(hex(id)) || ' ' || lower(hex(room_id)) FROM assets WHERE category = '{category}' \
             AND status = 'in_use' AND school_id = {HOME_SCHOOL} ORDER BY asset_code LIMIT {n}"
        ))
        .await;
    rows.iter()
        .map(|r| {
            let (a, room) = r.split_once(' ').unwrap();
            let id = |h: &str| Uuid::parse_str(h).unwrap().to_string();
            (id(a), id(room))
        })
        .collect()
}

pub(crate) async fn fire_template(app: &TestApp, token: &str) -> Value {
    let list = app.api(Method::GET, "/checklists", Some(token), None).await;
    list.json()
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["key"] == "fire_equipment")
        .cloned()
        .unwrap()
}

fn all_pass(template: &Value) -> Value {
    let items = template["items"].as_array().unwrap();
    Value::Array(
        items
            .iter()
            .map(|i| json!({ "key": i["key"], "value": "pass" }))
            .collect(),
    )
}

pub(crate) fn inspection(template: &Value, asset: &(String, String)) -> Value {
    json!({
        "kind": "inspection",
        "record": {
            "id": Uuid::now_v7(), "template_id": template["id"], "asset_id": asset.0,
            "inspected_at": "2026-11-25T09:30:00+08:00", "answers": all_pass(template),
        },
        "seen": { "room_id": asset.1, "status": "in_use" }
    })
}

fn damage(asset: &(String, String), what: &str) -> Value {
    json!({
        "kind": "damage_report",
        "record": { "id": Uuid::now_v7(), "asset_id": asset.0, "description": what },
        "seen": { "room_id": asset.1 }
    })
}

pub(crate) async fn sync(app: &TestApp, token: &str, records: &[Value]) -> Value {
    let a = app
        .api(
            Method::POST,
            "/sync",
            Some(token),
            Some(json!({ "records": records })),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    a.json()
}

pub(crate) fn outcomes(answer: &Value) -> Vec<String> {
    answer["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["outcome"].as_str().unwrap().to_string())
        .collect()
}

pub(crate) fn id_of(record: &Value) -> String {
    record["record"]["id"].as_str().unwrap().to_string()
}

/// How many times each record is stored (inspections and damage reports by id).
pub(crate) async fn stored(app: &TestApp, records: &[Value]) -> Vec<usize> {
    let mut out = Vec::new();
    for r in records {
        let hex = Uuid::parse_str(&id_of(r)).unwrap().simple().to_string();
        let table = if r["kind"] == "inspection" {
            "inspections"
        } else {
            "damage_reports"
        };
        let n = app
            .sql(&format!(
                "SELECT CAST(COUNT(*) AS TEXT) FROM {table} WHERE lower(hex(id)) = '{hex}'"
            ))
            .await;
        let history = app
            .sql(&format!(
                "SELECT CAST(COUNT(*) AS TEXT) FROM history WHERE lower(hex(entity_id)) = '{hex}' AND action = 'create'"
            ))
            .await;
        assert_eq!(n, history, "one history row per stored record");
        out.push(n[0].parse().unwrap());
    }
    out
}

#[tokio::test]
async fn the_same_batch_sent_three_times_is_applied_once() {
    let app = spawn_app().await;
    let staff = app.token("demo-staff").await;
    let template = fire_template(&app, &staff).await;
    let list = assets(&app, "消防器材", 3).await;
    let mut batch: Vec<Value> = list.iter().map(|a| inspection(&template, a)).collect();
    batch.push(damage(&list[0], "喷管开裂"));
    let first = sync(&app, &staff, &batch).await;
    assert_eq!(outcomes(&first), ["applied"; 4], "{first}");
    assert!(first["synced_at"].as_str().unwrap().starts_with("20"));
    for _ in 0..2 {
        let again = sync(&app, &staff, &batch).await;
        assert_eq!(outcomes(&again), ["duplicate"; 4], "{again}");
    }
    assert_eq!(stored(&app, &batch).await, [1, 1, 1, 1]);
    let reports = app
        .sql("SELECT description FROM damage_reports WHERE source = 'report'")
        .await;
    assert_eq!(reports, ["喷管开裂"], "the report is stored once");
}

#[tokio::test]
async fn two_overlapping_batches_sent_at_once_store_each_record_once() {
    let app = spawn_app().await;
    let staff = app.token("demo-staff").await;
    let template = fire_template(&app, &staff).await;
    let list = assets(&app, "消防器材", 9).await;
    let records: Vec<Value> = list.iter().map(|a| inspection(&template, a)).collect();
    let (a, b) = (&records[0..6], &records[3..9]);
    for _ in 0..3 {
        let (left, right) = tokio::join!(sync(&app, &staff, a), sync(&app, &staff, b));
        // Across both answers, each of the overlapping records was applied by exactly one.
        for (i, id) in records[3..6].iter().map(id_of).enumerate() {
            let l = &left["results"][i + 3];
            let r = &right["results"][i];
            assert_eq!(l["id"], json!(id));
            assert_eq!(r["id"], json!(id));
            let applied = [l, r].iter().filter(|x| x["outcome"] == "applied").count();
            let duplicate = [l, r]
                .iter()
                .filter(|x| x["outcome"] == "duplicate")
                .count();
            assert!(applied <= 1 && applied + duplicate == 2, "{l} {r}");
        }
    }
    assert_eq!(stored(&app, &records).await, [1; 9]);
}

#[tokio::test]
async fn one_bad_record_is_answered_with_its_reason_and_the_rest_apply() {
    let app = spawn_app().await;
    let staff = app.token("demo-staff").await;
    let template = fire_template(&app, &staff).await;
    let list = assets(&app, "消防器材", 3).await;
    let good: Vec<Value> = list.iter().map(|a| inspection(&template, a)).collect();
    let mut incomplete = inspection(&template, &list[1]);
    incomplete["record"]["answers"] = json!([{ "key": "gauge", "value": "pass" }]);
    let mut not_v7 = inspection(&template, &list[2]);
    not_v7["record"]["id"] = json!("550e8400-e29b-41d4-a716-446655440000");
    let batch = vec![
        good[0].clone(),
        incomplete.clone(),
        good[1].clone(),
        json!({ "kind": "telegram", "record": { "id": Uuid::now_v7() } }),
        not_v7,
        good[2].clone(),
    ];
    let answer = sync(&app, &staff, &batch).await;
    assert_eq!(
        outcomes(&answer),
        ["applied", "rejected", "applied", "rejected", "rejected", "applied"],
        "{answer}"
    );
    let reason = &answer["results"][1]["error"];
    assert_eq!(reason["field"], "answers");
    assert!(
        reason["message"].as_str().unwrap().contains("铅封"),
        "the message names the unanswered item: {reason}"
    );
    assert_eq!(answer["results"][3]["error"]["field"], "body");
    assert_eq!(stored(&app, &good).await, [1, 1, 1]);
    assert_eq!(
        stored(&app, &[incomplete]).await,
        [0],
        "nothing of it is stored"
    );
    // A teacher's queue may hold damage reports, not inspections.
    let teacher = app.token("demo-teacher").await;
    let answer = sync(
        &app,
        &teacher,
        &[
            inspection(&template, &list[0]),
            damage(&list[0], "箱门掉了"),
        ],
    )
    .await;
    assert_eq!(outcomes(&answer), ["rejected", "applied"]);
    assert_eq!(answer["results"][0]["error"]["code"], "forbidden");
    // A body that is not a batch at all is refused whole.
    let a = app
        .api(
            Method::POST,
            "/sync",
            Some(&staff),
            Some(json!({ "rows": [] })),
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
}

#[tokio::test]
async fn what_changed_meanwhile_is_kept_with_the_record_for_a_manager() {
    let app = spawn_app().await;
    let staff = app.token("demo-staff").await;
    let admin = app.token("demo-admin").await;
    let manager = app.token("demo-manager").await;
    let old = fire_template(&app, &staff).await;
    let list = assets(&app, "消防器材", 3).await;
    // The phone took its copy; meanwhile one extinguisher is retired and the checklist changes.
    let retired = app
        .api(
            Method::PATCH,
            &format!("/assets/{}", list[1].0),
            Some(&manager),
            Some(json!({ "status": "retired" })),
        )
        .await;
    assert_eq!(retired.status, StatusCode::OK, "{}", retired.text);
    let mut items = old["items"].as_array().unwrap().clone();
    items.push(json!({ "key": "hose", "label": "软管无老化", "kind": "pass_fail" }));
    let v2 = app
        .api(
            Method::POST,
            "/checklists",
            Some(&admin),
            Some(json!({ "key": "fire_equipment", "name": old["name"], "categories": old["categories"], "items": items })),
        )
        .await;
    assert_eq!(v2.status, StatusCode::CREATED, "{}", v2.text);
    let mut moved = inspection(&old, &list[0]);
    moved["seen"]["room_id"] = json!(list[2].1.clone());
    if list[2].1 == list[0].1 {
        moved["seen"]["room_id"] = json!(Uuid::now_v7());
    }
    let batch = vec![moved, inspection(&old, &list[1])];
    let answer = sync(&app, &staff, &batch).await;
    assert_eq!(outcomes(&answer), ["applied", "applied"], "{answer}");
    let reasons = |i: usize| -> Vec<String> {
        answer["results"][i]["conflicts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["reason"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(reasons(0), ["moved", "template_changed"]);
    assert_eq!(reasons(1), ["retired", "template_changed"]);
    assert!(answer["results"][1]["conflicts"][0]["message"]
        .as_str()
        .unwrap()
        .contains("报废"));
    assert_eq!(stored(&app, &batch).await, [1, 1], "kept, not dropped");
    // The manager sees them, marks one checked; staff may not.
    let open = app
        .api(Method::GET, "/sync/conflicts", Some(&manager), None)
        .await;
    let list_open = open.json();
    assert_eq!(list_open.as_array().unwrap().len(), 2, "{}", open.text);
    assert_eq!(
        app.pages_through(&manager, "/sync/conflicts").await,
        list_open.as_array().unwrap().clone(),
        "a page at a time"
    );
    assert_eq!(list_open[0]["by"]["name"], "程财宝");
    let first = list_open[0]["id"].as_str().unwrap().to_string();
    let denied = app
        .api(Method::GET, "/sync/conflicts", Some(&staff), None)
        .await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    let done = app
        .api(
            Method::POST,
            &format!("/sync/conflicts/{first}/resolve"),
            Some(&manager),
            None,
        )
        .await;
    assert_eq!(done.status, StatusCode::NO_CONTENT, "{}", done.text);
    let again = app
        .api(
            Method::POST,
            &format!("/sync/conflicts/{first}/resolve"),
            Some(&manager),
            None,
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    let open = app
        .api(Method::GET, "/sync/conflicts", Some(&manager), None)
        .await;
    assert_eq!(open.json().as_array().unwrap().len(), 1);
    let page = app
        .page(
            &app.signed_in_browser("demo-manager").await,
            "/rounds/overview",
        )
        .await;
    assert!(page.text.contains("记录期间资产已被移到其他房间") || page.text.contains("报废"));
}

pub(crate) fn jpeg() -> Vec<u8> {
    let img = image::RgbImage::from_fn(320, 240, |x, _| image::Rgb([(x % 256) as u8, 90, 40]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

async fn put_photo(app: &TestApp, token: &str, id: &str) -> StatusCode {
    let form = Form::new().part("file", Part::bytes(jpeg()).file_name("p.jpg"));
    reqwest::Client::new()
        .put(app.url(&format!("/api/v1/photos/{id}")))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .expect("the server answers")
        .status()
}

async fn head_photo(app: &TestApp, token: &str, id: &str) -> StatusCode {
    reqwest::Client::new()
        .head(app.url(&format!("/api/v1/photos/{id}/thumb")))
        .bearer_auth(token)
        .send()
        .await
        .expect("the server answers")
        .status()
}

#[tokio::test]
async fn photos_sync_under_the_phones_id_and_are_sent_once() {
    let app = spawn_app().await;
    let staff = app.token("demo-staff").await;
    let manager = app.token("demo-manager").await;
    let list = assets(&app, "消防器材", 1).await;
    let photo = Uuid::now_v7().to_string();
    let mut report = damage(&list[0], "压力表玻璃碎了");
    report["record"]["photos"] = json!([photo]);
    // The record arrives before its photo: it waits, nothing is stored.
    let early = sync(&app, &staff, std::slice::from_ref(&report)).await;
    assert_eq!(outcomes(&early), ["missing_photos"]);
    assert_eq!(early["results"][0]["missing_photos"], json!([photo]));
    assert_eq!(stored(&app, std::slice::from_ref(&report)).await, [0]);
    assert_eq!(
        head_photo(&app, &staff, &photo).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(put_photo(&app, &staff, &photo).await, StatusCode::CREATED);
    assert_eq!(head_photo(&app, &staff, &photo).await, StatusCode::OK);
    // A resend after a lost answer changes nothing; someone else cannot take the id.
    assert_eq!(put_photo(&app, &staff, &photo).await, StatusCode::OK);
    assert_eq!(
        put_photo(&app, &manager, &photo).await,
        StatusCode::CONFLICT
    );
    let v4 = "550e8400-e29b-41d4-a716-446655440000";
    assert_eq!(
        put_photo(&app, &staff, v4).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let rows = app.sql("SELECT CAST(COUNT(*) AS TEXT) FROM photos").await;
    assert_eq!(rows, ["1"]);
    let later = sync(&app, &staff, std::slice::from_ref(&report)).await;
    assert_eq!(outcomes(&later), ["applied"]);
    let id = id_of(&report);
    let saved = app
        .api(
            Method::GET,
            &format!("/damage-reports/{id}"),
            Some(&staff),
            None,
        )
        .await
        .json();
    assert_eq!(saved["photos"][0]["id"], json!(photo));
}

fn daily_schedule(assets: &[(String, String)], assignee: Option<&str>) -> Value {
    json!({
        "name": "每日灭火器巡查", "template_key": "fire_equipment",
        "scope": { "assets": assets.iter().map(|a| a.0.clone()).collect::<Vec<_>>() },
        "cadence": { "every": "daily" },
        "assignee_id": assignee,
    })
}

#[tokio::test]
async fn a_schedule_puts_its_items_in_the_assignees_round_until_they_are_done() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let staff = app.token("demo-staff").await;
    let staff_id = app.api(Method::GET, "/me", Some(&staff), None).await.json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    // The calendar's schedules are there from the first start.
    let calendar = app
        .api(Method::GET, "/schedules", Some(&manager), None)
        .await
        .json();
    let names: Vec<&str> = calendar
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"消防设备自检（每月）") && names.contains(&"食堂每周大检查"),
        "{names:?}"
    );
    let fire = calendar
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["template_key"] == "fire_equipment")
        .unwrap();
    assert_eq!(
        fire["cadence"],
        json!({ "every": "months", "months": [9, 10, 11, 12, 1], "day": null })
    );
    assert_eq!(
        fire["assignee"]["user"]["name"], "程财宝",
        "the 分工 table names him"
    );

    let list = assets(&app, "消防器材", 2).await;
    let created = app
        .api(
            Method::POST,
            "/schedules",
            Some(&manager),
            Some(daily_schedule(&list, Some(&staff_id))),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let schedule = created.json()["id"].as_str().unwrap().to_string();
    let mine = |rounds: &Value| -> Value {
        rounds
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["schedule"]["id"] == json!(schedule))
            .cloned()
            .unwrap_or(Value::Null)
    };
    let today = app
        .api(Method::GET, "/rounds/today", Some(&staff), None)
        .await;
    assert_eq!(today.status, StatusCode::OK);
    let round = mine(&today.json());
    assert_eq!(round["items"].as_array().unwrap().len(), 2);
    assert!(round["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["state"] == "due_today"));
    assert!(
        round["items"][0]["tag"].as_str().is_some(),
        "the phone can open it by scan"
    );
    // An inspection done now (synced from the phone) marks the item done.
    let template = fire_template(&app, &staff).await;
    let mut rec = inspection(&template, &list[0]);
    rec["record"]["inspected_at"] = json!(null);
    assert_eq!(outcomes(&sync(&app, &staff, &[rec]).await), ["applied"]);
    let round = mine(
        &app.api(Method::GET, "/rounds/today", Some(&staff), None)
            .await
            .json(),
    );
    let states: Vec<&str> = round["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["state"].as_str().unwrap())
        .collect();
    assert_eq!(
        states.iter().filter(|s| **s == "done").count(),
        1,
        "{states:?}"
    );
    // The manager sees every round; the round is not the teacher's or the manager's own.
    let all = app.api(Method::GET, "/rounds", Some(&manager), None).await;
    assert!(!mine(&all.json()).is_null());
    let manager_own = app
        .api(Method::GET, "/rounds/today", Some(&manager), None)
        .await;
    assert!(mine(&manager_own.json()).is_null());
    let teacher = app.token("demo-teacher").await;
    let denied = app
        .api(Method::GET, "/rounds/today", Some(&teacher), None)
        .await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    // The page lists it, grouped by building and room, with the offline script.
    let page = app
        .page(&app.signed_in_browser("demo-staff").await, "/rounds")
        .await;
    assert!(page.text.contains("每日灭火器巡查") && page.text.contains("/offline/round.js"));
    assert!(page
        .text
        .contains(&format!("checklist-{}", template["id"].as_str().unwrap())));
    // Stopping it ends its rounds.
    let end = app
        .api(
            Method::POST,
            &format!("/schedules/{schedule}/end"),
            Some(&manager),
            None,
        )
        .await;
    assert_eq!(end.status, StatusCode::NO_CONTENT);
    let round = mine(
        &app.api(Method::GET, "/rounds/today", Some(&staff), None)
            .await
            .json(),
    );
    assert!(round.is_null());
}

#[tokio::test]
async fn a_schedule_that_cannot_work_is_refused_with_the_field_named() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let teacher_id = app
        .api(
            Method::GET,
            "/me",
            Some(&app.token("demo-teacher").await),
            None,
        )
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let desks = assets(&app, "课桌椅", 1).await;
    let fire = assets(&app, "消防器材", 1).await;
    let cases = [
        (
            json!({ "name": "x", "template_key": "fire_equipment", "scope": {}, "cadence": { "every": "daily" } }),
            "scope",
        ),
        (
            json!({ "name": "x", "template_key": "fire_equipment", "scope": { "categories": ["课桌椅"] }, "cadence": { "every": "daily" } }),
            "scope",
        ),
        (daily_schedule(&desks, None), "scope"),
        (
            json!({ "name": "x", "template_key": "nope", "scope": { "categories": ["消防器材"] }, "cadence": { "every": "daily" } }),
            "template",
        ),
        (
            json!({ "name": "x", "template_key": "fire_equipment", "scope": { "categories": ["消防器材"] }, "cadence": { "every": "weekly", "weekdays": [9] } }),
            "cadence",
        ),
        (
            json!({ "name": "x", "template_key": "fire_equipment", "scope": { "categories": ["消防器材"] }, "cadence": { "every": "once", "date": "2026-02-30" } }),
            "cadence",
        ),
        (daily_schedule(&fire, Some(&teacher_id)), "assignee"),
        (
            json!({ "name": "", "template_key": "fire_equipment", "scope": { "categories": ["消防器材"] }, "cadence": { "every": "daily" } }),
            "name",
        ),
    ];
    let before = app
        .sql("SELECT CAST(COUNT(*) AS TEXT) FROM schedules")
        .await;
    for (body, field) in cases {
        let a = app
            .api(
                Method::POST,
                "/schedules",
                Some(&manager),
                Some(body.clone()),
            )
            .await;
        assert_eq!(
            a.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {}",
            a.text
        );
        assert_eq!(a.json()["error"]["field"], field, "{body}");
        assert!(!a.json()["error"]["message"].as_str().unwrap().is_empty());
    }
    assert_eq!(
        app.sql("SELECT CAST(COUNT(*) AS TEXT) FROM schedules")
            .await,
        before
    );
    let staff = app.token("demo-staff").await;
    let denied = app
        .api(
            Method::POST,
            "/schedules",
            Some(&staff),
            Some(daily_schedule(&fire, None)),
        )
        .await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
}
