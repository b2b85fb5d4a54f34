//! The key cabinet (钥匙管理): a key is lent to one person at a time (a second lending is refused,
//! naming the holder, even when ten race), comes back by scanning, is overdue past its due time,
//! and every lending and return is in the history.

use chrono::Duration;
use reqwest::{Method, StatusCode};
use rounds_tests::{Answer, TestApp};
use serde_json::{json, Value};

async fn post(app: &TestApp, token: &str, path: &str, body: Value) -> Answer {
    app.api(Method::POST, path, Some(token), Some(body)).await
}

/// A new key of the cabinet; the key as the API answers.
async fn hung(app: &TestApp, keeper: &str, name: &str) -> Value {
    let body = json!({ "name": name, "kind": "door", "hook": "Z-01", "pieces": 2 });
    let added = post(app, keeper, "/keys", body).await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.text);
    added.json()
}

async fn history_of(app: &TestApp, entity: &str, id: &str) -> Vec<String> {
    let hex = id.replace('-', "");
    app.sql(&format!(
        "SELECT action FROM history WHERE entity = '{entity}' AND lower(hex(entity_id)) = '{hex}' \
         ORDER BY id"
    ))
    .await
}

#[tokio::test]
async fn a_key_lent_twice_is_refused_naming_its_holder_and_comes_back_by_scanning() {
    let app = rounds_tests::spawn_app().await;
    let keeper = app.token("demo-manager").await;
    let staff = app.token("demo-staff").await;
    let teacher = app.token("demo-teacher").await;
    let key = hung(&app, &keeper, "三楼会议室门钥匙（测试）").await;
    let id = key["id"].as_str().unwrap().to_string();
    assert_eq!((&key["loan"], &key["pieces"]), (&Value::Null, &json!(2)));

    let tag = key["tag"].as_str().unwrap();
    let scanned = app.get_json(&teacher, &format!("/tags/{tag}")).await;
    assert_eq!(
        (&scanned["kind"], &scanned["id"]),
        (&json!("key"), &json!(id))
    );

    let lend = |who: &str| json!({ "borrower": who, "note": "开会用" });
    let lent = post(&app, &staff, &format!("/keys/{id}/lend"), lend("王老师")).await;
    assert_eq!(lent.status, StatusCode::CREATED, "{}", lent.text);
    let loan = &lent.json()["loan"];
    assert_eq!(
        (
            &loan["borrower"],
            &loan["overdue"],
            &loan["lent_by"]["name"]
        ),
        (&json!("王老师"), &json!(false), &json!("程财宝"))
    );

    let again = post(&app, &staff, &format!("/keys/{id}/lend"), lend("李老师")).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.text);
    let error = &again.json()["error"];
    assert_eq!(error["field"], "key");
    assert!(
        error["message"].as_str().unwrap().contains("王老师"),
        "{error}"
    );
    let by_teacher = post(&app, &teacher, &format!("/keys/{id}/lend"), lend("赵老师")).await;
    assert_eq!(
        by_teacher.status,
        StatusCode::FORBIDDEN,
        "{}",
        by_teacher.text
    );

    let seen = app.get_json(&teacher, &format!("/keys/{id}")).await;
    assert_eq!(
        seen["loan"]["borrower"], "王老师",
        "everyone sees who holds it"
    );

    let back = post(&app, &staff, &format!("/keys/{id}/return"), json!({})).await;
    assert_eq!(back.status, StatusCode::OK, "{}", back.text);
    assert_eq!(back.json()["loan"], Value::Null);
    let twice = post(&app, &staff, &format!("/keys/{id}/return"), json!({})).await;
    assert_eq!(twice.status, StatusCode::CONFLICT, "{}", twice.text);

    let loans = app.get_json(&teacher, &format!("/keys/{id}/loans")).await;
    let loans = loans.as_array().unwrap();
    assert_eq!(loans.len(), 1, "the refused lendings left no loan");
    assert_eq!(
        (&loans[0]["borrower"], &loans[0]["returned_by"]["name"]),
        (&json!("王老师"), &json!("程财宝"))
    );
    assert!(loans[0]["returned_at"].is_string());
    assert_eq!(history_of(&app, "key", &id).await, ["create"]);
    let loan_id = loans[0]["id"].as_str().unwrap();
    assert_eq!(
        history_of(&app, "key_loan", loan_id).await,
        ["create", "update"],
        "the lending and the return, the refusals none"
    );
}

#[tokio::test]
async fn ten_lendings_of_one_key_at_once_lend_it_once() {
    let app = rounds_tests::spawn_app().await;
    let keeper = app.token("demo-manager").await;
    let key = hung(&app, &keeper, "体育器材室门钥匙（测试）").await;
    let id = key["id"].as_str().unwrap().to_string();
    let lendings = (1..=10)
        .map(|n| json!({ "borrower": format!("老师 {n}") }))
        .collect();
    let path = format!("/keys/{id}/lend");
    assert_eq!(app.race(&keeper, &path, lendings).await, (1, 9));
    let loans = app.get_json(&keeper, &format!("/keys/{id}/loans")).await;
    assert_eq!(loans.as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_loan_past_its_due_time_is_overdue_until_the_key_comes_back() {
    let app = rounds_tests::spawn_app().await;
    let keeper = app.token("demo-manager").await;
    let teacher = app.token("demo-teacher").await;
    let demo = app.get_json(&teacher, "/key-loans?overdue=true").await;
    let names: Vec<&str> = demo
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["key"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["器材仓库钥匙"],
        "the demo's key out since the day before yesterday"
    );

    let key = hung(&app, &keeper, "广播室门钥匙（测试）").await;
    let id = key["id"].as_str().unwrap().to_string();
    let lent = post(
        &app,
        &keeper,
        &format!("/keys/{id}/lend"),
        json!({ "borrower": "钱老师" }),
    )
    .await;
    assert_eq!(lent.status, StatusCode::CREATED, "{}", lent.text);
    assert_eq!(
        lent.json()["loan"]["overdue"],
        false,
        "due at the end of the school day"
    );

    app.clock.advance(Duration::days(2));
    let key = app.get_json(&teacher, &format!("/keys/{id}")).await;
    assert_eq!(key["loan"]["overdue"], true);
    let overdue = app.get_json(&teacher, "/key-loans?overdue=true").await;
    assert_eq!(
        overdue.as_array().unwrap().len(),
        3,
        "the demo's two (the laboratory's is due today) and this one: {overdue}"
    );
    let out = app.get_json(&teacher, "/keys?out=true").await;
    assert_eq!(out["total"], 3, "the demo's two and this one: {out}");

    let back = post(&app, &keeper, &format!("/keys/{id}/return"), json!({})).await;
    assert_eq!(back.status, StatusCode::OK, "{}", back.text);
    let overdue = app.get_json(&teacher, "/key-loans?overdue=true").await;
    assert_eq!(overdue.as_array().unwrap().len(), 2);
    let open = app.get_json(&teacher, "/key-loans?open=true").await;
    assert_eq!(open.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn bad_keys_and_lendings_are_refused_and_change_nothing() {
    let app = rounds_tests::spawn_app().await;
    let keeper = app.token("demo-manager").await;
    let key = hung(&app, &keeper, "校史馆门钥匙（测试）").await;
    let id = key["id"].as_str().unwrap().to_string();
    let refused = |a: &Answer, status: StatusCode, field: &str| {
        assert_eq!(a.status, status, "{}", a.text);
        assert_eq!(a.json()["error"]["field"], field, "{}", a.text);
    };
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    for (body, field) in [
        (
            json!({ "name": "钥匙", "kind": "door", "pieces": 0 }),
            "pieces",
        ),
        (json!({ "name": "钥匙", "kind": "window" }), "kind"),
        (json!({ "name": " ", "kind": "door" }), "name"),
        (
            json!({ "name": "钥匙", "kind": "door", "hook": "很长很长很长很长很长很长很长很长很长很长的挂钩" }),
            "hook",
        ),
        (
            json!({ "name": "钥匙", "kind": "door", "room_id": "0190a5a0-0000-7000-8000-000000000000" }),
            "room",
        ),
    ] {
        refused(
            &post(&app, &keeper, "/keys", body).await,
            unprocessable,
            field,
        );
    }
    let same = json!({ "name": "校史馆门钥匙（测试）", "kind": "door" });
    refused(
        &post(&app, &keeper, "/keys", same).await,
        StatusCode::CONFLICT,
        "name",
    );

    let path = format!("/keys/{id}/lend");
    for (body, field) in [
        (json!({ "borrower": "" }), "borrower"),
        (
            json!({ "borrower": "孙老师", "due_at": "2020-01-01 08:00" }),
            "due",
        ),
        (json!({ "borrower": "孙老师", "due_at": "下周" }), "due"),
    ] {
        refused(
            &post(&app, &keeper, &path, body).await,
            unprocessable,
            field,
        );
    }
    let stray = post(
        &app,
        &keeper,
        &path,
        json!({ "borrower": "孙老师", "until": "x" }),
    )
    .await;
    assert_eq!(stray.status, unprocessable, "{}", stray.text);
    let nowhere = post(
        &app,
        &keeper,
        "/keys/0190a5a0-0000-7000-8000-000000000000/lend",
        json!({ "borrower": "孙老师" }),
    )
    .await;
    assert_eq!(nowhere.status, StatusCode::NOT_FOUND, "{}", nowhere.text);
    let in_cabinet = post(&app, &keeper, &format!("/keys/{id}/return"), json!({})).await;
    refused(&in_cabinet, StatusCode::CONFLICT, "key");

    let loans = app.get_json(&keeper, &format!("/keys/{id}/loans")).await;
    assert_eq!(loans.as_array().unwrap().len(), 0);
    assert_eq!(history_of(&app, "key", &id).await, ["create"]);
}

#[tokio::test]
async fn the_key_cabinets_labels_print_every_key_with_its_hook() {
    let app = rounds_tests::spawn_app().await;
    let keeper = app.token("demo-manager").await;
    hung(&app, &keeper, "档案室门钥匙（测试）").await;
    let keys = app.get_json(&keeper, "/keys").await;
    let total = keys["total"].as_i64().unwrap();
    assert_eq!(total, 8, "the demo's seven and this one");
    let (status, headers, pdf) = app
        .print_labels(&keeper, json!({ "stock": "a4-3x8", "keys": true }))
        .await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&pdf));
    assert_eq!(headers["x-label-count"], total.to_string().as_str());
    let text = rounds_tests::pdf::poppler("pdftotext", &pdf);
    assert!(text.contains("档案室") && text.contains("Z-01"), "{text}");
    let both = json!({ "stock": "a4-3x8", "keys": true, "shelves": true });
    let (status, _, body) = app.print_labels(&keeper, both).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        String::from_utf8_lossy(&body)
    );
}
