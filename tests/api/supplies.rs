//! The supplies store (日常用品): the keeper receives and issues, the stock never goes below zero
//! (not even when twenty issues race for the last five units), teachers request and the keeper
//! issues or refuses, and every change is in the history.

use reqwest::{Method, StatusCode};
use rounds_tests::{Answer, TestApp};
use serde_json::{json, Value};

async fn post(app: &TestApp, token: &str, path: &str, body: Value) -> Answer {
    app.api(Method::POST, path, Some(token), Some(body)).await
}

/// A new item of the store with `on_hand` received; its id.
async fn stocked(app: &TestApp, keeper: &str, name: &str, on_hand: i64, min: i64) -> String {
    let body =
        json!({ "name": name, "kind": "office", "unit": "包", "shelf": "A-2", "min_stock": min });
    let added = post(app, keeper, "/supplies", body).await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.text);
    let id = added.json()["id"].as_str().unwrap().to_string();
    if on_hand > 0 {
        let receipt =
            json!({ "quantity": on_hand, "supplier": "晨光文具", "unit_price_fen": 2_350 });
        let got = post(app, keeper, &format!("/supplies/{id}/receipts"), receipt).await;
        assert_eq!(got.status, StatusCode::CREATED, "{}", got.text);
    }
    id
}

async fn on_hand(app: &TestApp, token: &str, id: &str) -> i64 {
    app.get_json(token, &format!("/supplies/{id}")).await["on_hand"]
        .as_i64()
        .unwrap()
}

async fn history_of(app: &TestApp, id: &str) -> Vec<String> {
    let hex = id.replace('-', "");
    app.sql(&format!(
        "SELECT action FROM history WHERE entity IN ('supply_item', 'supply_request') \
         AND lower(hex(entity_id)) = '{hex}' ORDER BY id"
    ))
    .await
}

#[tokio::test]
async fn the_keeper_receives_and_issues_and_an_issue_past_the_stock_says_how_many_are_left() {
    let app = rounds_tests::spawn_app().await;
    let keeper = app.token("demo-manager").await;
    let id = stocked(&app, &keeper, "A4 复印纸（测试）", 10, 3).await;
    let item = app.get_json(&keeper, &format!("/supplies/{id}")).await;
    assert_eq!(
        (item["on_hand"].as_i64(), item["low"].as_bool()),
        (Some(10), Some(false))
    );

    let issue = json!({ "quantity": 4, "issued_to": "三年级（2）班" });
    let issued = post(&app, &keeper, &format!("/supplies/{id}/issues"), issue).await;
    assert_eq!(issued.status, StatusCode::CREATED, "{}", issued.text);
    assert_eq!(issued.json()["on_hand_after"], 6);

    let too_many = json!({ "quantity": 7, "issued_to": "教务处" });
    let refused = post(&app, &keeper, &format!("/supplies/{id}/issues"), too_many).await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.text);
    let error = &refused.json()["error"];
    assert_eq!(error["field"], "quantity");
    assert!(
        error["message"].as_str().unwrap().contains("只剩 6"),
        "{error}"
    );
    assert_eq!(on_hand(&app, &keeper, &id).await, 6);

    let moves = app
        .get_json(&keeper, &format!("/supplies/{id}/moves"))
        .await;
    let moves = moves.as_array().unwrap();
    assert_eq!(moves.len(), 2, "the refused issue left no move");
    assert_eq!(
        (
            &moves[0]["kind"],
            &moves[0]["quantity"],
            &moves[0]["issued_to"]
        ),
        (&json!("issued"), &json!(4), &json!("三年级（2）班"))
    );
    assert_eq!(
        (
            &moves[1]["kind"],
            &moves[1]["amount_fen"],
            &moves[1]["supplier"]
        ),
        (&json!("received"), &json!(23_500), &json!("晨光文具"))
    );
    assert_eq!(
        history_of(&app, &id).await,
        ["create", "receive", "issue"],
        "every change in the history, the refusal none"
    );
}

#[tokio::test]
async fn twenty_issues_at_once_on_the_last_five_units_give_exactly_five() {
    let app = rounds_tests::spawn_app().await;
    let keeper = app.token("demo-manager").await;
    let id = stocked(&app, &keeper, "桶装纯净水（测试）", 5, 2).await;
    let issues = (1..=20)
        .map(|class| json!({ "quantity": 1, "issued_to": format!("{class} 班") }))
        .collect();
    let path = format!("/supplies/{id}/issues");
    let (issued, refused) = app.race(&keeper, &path, issues).await;
    assert_eq!((issued, refused), (5, 15));
    assert_eq!(on_hand(&app, &keeper, &id).await, 0);
    let moves = app
        .get_json(&keeper, &format!("/supplies/{id}/moves?limit=200"))
        .await;
    assert_eq!(
        moves.as_array().unwrap().len(),
        6,
        "one receipt, five issues"
    );
}

#[tokio::test]
async fn a_teacher_asks_and_the_keeper_issues_or_refuses_and_only_waiting_requests_move() {
    let app = rounds_tests::spawn_app().await;
    let (keeper, teacher, staff) = (
        app.token("demo-manager").await,
        app.token("demo-teacher").await,
        app.token("demo-staff").await,
    );
    let item = stocked(&app, &keeper, "白板笔（测试）", 3, 1).await;
    let ask = |quantity: i64| json!({ "item_id": item, "quantity": quantity, "issued_to": "三年级（2）班" });

    let asked = post(&app, &teacher, "/supply-requests", ask(2)).await;
    assert_eq!(asked.status, StatusCode::CREATED, "{}", asked.text);
    let first = asked.json()["id"].as_str().unwrap().to_string();
    assert_eq!(asked.json()["state"], "requested");
    let mine = app.get_json(&teacher, "/supply-requests").await;
    assert!(mine
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["requested_by"]["name"] == "王芳"));
    let others = app.get_json(&staff, "/supply-requests").await;
    assert!(others
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["id"] != first.as_str()));
    let hidden = app
        .api(
            Method::GET,
            &format!("/supply-requests/{first}"),
            Some(&staff),
            None,
        )
        .await;
    assert_eq!(
        hidden.status,
        StatusCode::NOT_FOUND,
        "staff see only their own"
    );
    let waiting = app.get_json(&keeper, &format!("/supplies/{item}")).await;
    assert_eq!(waiting["waiting"], 1);

    let by_teacher = post(
        &app,
        &teacher,
        &format!("/supply-requests/{first}/issue"),
        json!({}),
    )
    .await;
    assert_eq!(by_teacher.status, StatusCode::FORBIDDEN);
    let issued = post(
        &app,
        &keeper,
        &format!("/supply-requests/{first}/issue"),
        json!({}),
    )
    .await;
    assert_eq!(issued.status, StatusCode::CREATED, "{}", issued.text);
    assert_eq!(issued.json()["request_id"], first.as_str());
    assert_eq!(issued.json()["on_hand_after"], 1);
    let again = post(
        &app,
        &keeper,
        &format!("/supply-requests/{first}/issue"),
        json!({}),
    )
    .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.text);
    assert_eq!(on_hand(&app, &keeper, &item).await, 1, "issued once");
    let seen = app
        .get_json(&teacher, &format!("/supply-requests/{first}"))
        .await;
    assert_eq!(
        (&seen["state"], &seen["decided_by"]["name"]),
        (&json!("issued"), &json!("殷奇"))
    );

    let second = post(&app, &teacher, "/supply-requests", ask(2))
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let short = post(
        &app,
        &keeper,
        &format!("/supply-requests/{second}/issue"),
        json!({}),
    )
    .await;
    assert_eq!(short.status, StatusCode::CONFLICT, "{}", short.text);
    assert_eq!(
        short.json()["error"]["field"],
        "quantity",
        "1 left: {}",
        short.text
    );
    let no_reason = post(
        &app,
        &keeper,
        &format!("/supply-requests/{second}/refuse"),
        json!({ "reason": " " }),
    )
    .await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    let refused = post(
        &app,
        &keeper,
        &format!("/supply-requests/{second}/refuse"),
        json!({ "reason": "库存不足，下周到货后再领" }),
    )
    .await;
    assert_eq!(refused.status, StatusCode::OK, "{}", refused.text);
    assert_eq!(refused.json()["state"], "refused");
    let late = post(
        &app,
        &teacher,
        &format!("/supply-requests/{second}/withdraw"),
        json!({}),
    )
    .await;
    assert_eq!(late.status, StatusCode::CONFLICT);

    let third = post(&app, &teacher, "/supply-requests", ask(1))
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let not_theirs = post(
        &app,
        &keeper,
        &format!("/supply-requests/{third}/withdraw"),
        json!({}),
    )
    .await;
    assert_eq!(
        not_theirs.status,
        StatusCode::FORBIDDEN,
        "only the one who asked withdraws"
    );
    let withdrawn = post(
        &app,
        &teacher,
        &format!("/supply-requests/{third}/withdraw"),
        json!({}),
    )
    .await;
    assert_eq!(withdrawn.json()["state"], "withdrawn", "{}", withdrawn.text);
    let waiting = app
        .get_json(&keeper, "/supply-requests?state=requested&limit=200")
        .await;
    assert!(waiting
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["item"]["id"] != item.as_str()));
    assert_eq!(history_of(&app, &first).await, ["create", "update"]);
    assert_eq!(history_of(&app, &second).await, ["create", "update"]);
}

#[tokio::test]
async fn bad_supplies_input_is_refused_with_the_field_and_changes_nothing() {
    let app = rounds_tests::spawn_app().await;
    let (keeper, teacher) = (
        app.token("demo-manager").await,
        app.token("demo-teacher").await,
    );
    let id = stocked(&app, &keeper, "粉笔（测试）", 2, 0).await;
    let unknown = uuid::Uuid::now_v7();
    let cases = [
        (
            "/supplies".to_string(),
            json!({ "name": "", "kind": "office", "unit": "盒" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "name",
        ),
        (
            "/supplies".to_string(),
            json!({ "name": "x", "kind": "food", "unit": "盒" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "kind",
        ),
        (
            "/supplies".to_string(),
            json!({ "name": "x", "kind": "office", "unit": "盒", "min_stock": -1 }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "min_stock",
        ),
        (
            "/supplies".to_string(),
            json!({ "name": "粉笔（测试）", "kind": "office", "unit": "盒" }),
            StatusCode::CONFLICT,
            "name",
        ),
        (
            format!("/supplies/{id}/receipts"),
            json!({ "quantity": 0 }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "quantity",
        ),
        (
            format!("/supplies/{id}/receipts"),
            json!({ "quantity": 3, "unit_price_fen": -5 }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "price",
        ),
        (
            format!("/supplies/{id}/issues"),
            json!({ "quantity": 1, "issued_to": "\t" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "issued_to",
        ),
        (
            format!("/supplies/{unknown}/receipts"),
            json!({ "quantity": 3 }),
            StatusCode::NOT_FOUND,
            "",
        ),
        (
            format!("/supplies/{unknown}/issues"),
            json!({ "quantity": 1, "issued_to": "教务处" }),
            StatusCode::NOT_FOUND,
            "",
        ),
    ];
    for (path, body, status, field) in cases {
        let a = post(&app, &keeper, &path, body.clone()).await;
        assert_eq!(a.status, status, "{path} {body}: {}", a.text);
        if !field.is_empty() {
            assert_eq!(a.json()["error"]["field"], field, "{path} {body}");
        }
    }
    let unknown_item = json!({ "item_id": unknown, "quantity": 1, "issued_to": "教务处" });
    let a = post(&app, &teacher, "/supply-requests", unknown_item).await;
    assert_eq!(a.status, StatusCode::NOT_FOUND, "{}", a.text);
    let by_teacher = post(
        &app,
        &teacher,
        &format!("/supplies/{id}/receipts"),
        json!({ "quantity": 5 }),
    )
    .await;
    assert_eq!(by_teacher.status, StatusCode::FORBIDDEN);
    assert_eq!(on_hand(&app, &keeper, &id).await, 2);
    assert_eq!(history_of(&app, &id).await, ["create", "receive"]);
}

#[tokio::test]
async fn the_low_stock_list_holds_what_is_at_or_below_its_minimum_and_lists_page() {
    let app = rounds_tests::spawn_app().await;
    let keeper = app.token("demo-manager").await;
    let low = stocked(&app, &keeper, "洗手液（测试）", 3, 5).await;
    let fine = stocked(&app, &keeper, "垃圾袋（测试）", 30, 5).await;
    let listed = app
        .get_json(&keeper, "/supplies?low=true&q=测试&limit=200")
        .await;
    let ids: Vec<&str> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&low.as_str()) && !ids.contains(&fine.as_str()),
        "{listed}"
    );
    assert!(listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["low"] == true));
    let all = app.get_json(&keeper, "/supplies?q=测试").await;
    assert_eq!(all["total"], 2);
    let unclear = app
        .api(Method::GET, "/supplies?low=maybe", Some(&keeper), None)
        .await;
    assert_eq!(
        unclear.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        unclear.text
    );
    assert_eq!(unclear.json()["error"]["field"], "query");
    for _ in 0..2 {
        let issue = json!({ "quantity": 1, "issued_to": "保洁组" });
        post(&app, &keeper, &format!("/supplies/{fine}/issues"), issue).await;
    }
    app.pages_through(&keeper, &format!("/supplies/{fine}/moves"))
        .await;
    let teacher = app.token("demo-teacher").await;
    for _ in 0..2 {
        let ask = json!({ "item_id": fine, "quantity": 1, "issued_to": "三年级（2）班" });
        post(&app, &teacher, "/supply-requests", ask).await;
    }
    app.pages_through(&teacher, "/supply-requests").await;
    let dashboard = app.get_json(&keeper, "/dashboard").await;
    assert_eq!(
        (&dashboard["supplies_low"], &dashboard["supplies_waiting"]),
        (&json!(2), &json!(3)),
        "the demo's 洗手液 and this one are low; its one request and these two wait"
    );
}

#[tokio::test]
async fn each_shelf_has_a_tag_whose_label_opens_the_shelf_and_its_items() {
    let app = rounds_tests::spawn_app().await;
    let (keeper, teacher) = (
        app.token("demo-manager").await,
        app.token("demo-teacher").await,
    );
    let id = stocked(&app, &keeper, "订书钉（测试）", 4, 1).await;
    let moved = json!({ "name": "订书钉（测试）", "kind": "office", "unit": "盒", "shelf": "测试货架 Z-9" });
    let edited = app
        .api(
            Method::PUT,
            &format!("/supplies/{id}"),
            Some(&keeper),
            Some(moved),
        )
        .await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.text);
    assert_eq!(
        edited.json()["shelf"],
        "测试货架 Z-9",
        "a new shelf, made on the way"
    );
    let shelf_id = edited.json()["shelf_id"].as_str().unwrap().to_string();
    let tag = app
        .sql(&format!(
            "SELECT t.code FROM tags t JOIN supply_shelves s ON s.id = t.shelf_id \
             WHERE s.name = '测试货架 Z-9' AND t.school_id = {}",
            rounds_tests::HOME_SCHOOL
        ))
        .await
        .remove(0);
    let found = app.get_json(&teacher, &format!("/tags/{tag}")).await;
    assert_eq!(
        (&found["kind"], &found["id"]),
        (&json!("shelf"), &json!(shelf_id))
    );
    let browser = app.signed_in_browser("demo-teacher").await;
    let page = app.page(&browser, &format!("/t/{tag}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text.contains("货架 测试货架 Z-9") && page.text.contains(&format!("/supplies/{id}")),
        "the shelf's page lists its item"
    );
    assert_eq!(
        history_of(&app, &shelf_id).await.len(),
        0,
        "a shelf's history is its own entity"
    );
    let made = app
        .sql(&format!(
            "SELECT action FROM history WHERE entity = 'supply_shelf' AND lower(hex(entity_id)) = '{}'",
            shelf_id.replace('-', "")
        ))
        .await;
    assert_eq!(made, ["create"]);

    let shelves: Vec<String> = app
        .sql(&format!(
            "SELECT t.code FROM tags t JOIN supply_shelves s ON s.id = t.shelf_id \
             WHERE t.school_id = {} ORDER BY s.name",
            rounds_tests::HOME_SCHOOL
        ))
        .await;
    assert!(shelves.len() >= 6, "the demo's five shelves and this one");
    let (status, headers, pdf) = app
        .print_labels(&keeper, json!({ "stock": "a4-3x8", "shelves": true }))
        .await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&pdf));
    assert_eq!(headers["x-label-count"], shelves.len().to_string().as_str());
    let text = rounds_tests::pdf::poppler("pdftotext", &pdf);
    assert!(text.contains("货架"), "{text}");
    let mixed = json!({ "stock": "a4-3x8", "shelves": true, "new_tags": 3 });
    let (status, _, body) = app.print_labels(&keeper, mixed).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        String::from_utf8_lossy(&body)
    );
}

#[tokio::test]
async fn the_months_supplies_ledger_lists_each_move_and_each_items_balance() {
    let app = rounds_tests::spawn_app().await;
    let keeper = app.token("demo-manager").await;
    let id = stocked(&app, &keeper, "彩色粉笔（测试）", 10, 2).await;
    let issue = json!({ "quantity": 4, "issued_to": "美术组" });
    post(&app, &keeper, &format!("/supplies/{id}/issues"), issue).await;
    let (_, month) = crate::hazards::school_days();
    let res = reqwest::Client::new()
        .get(app.url(&format!(
            "/api/v1/exports/supplies?period={month}&format=xlsx"
        )))
        .bearer_auth(&keeper)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let bytes = res.bytes().await.unwrap().to_vec();
    let sheets = crate::exports::sheets_through_libreoffice(&bytes, "xlsx", true);
    assert_eq!(sheets.len(), 2, "the moves and the balances");
    let (moves, balances) = (&sheets[0].1, &sheets[1].1);
    assert!(
        moves.starts_with("日期,名称,单位,入库,领用,结存"),
        "{moves}"
    );
    let ours: Vec<&str> = moves
        .lines()
        .filter(|l| l.contains("彩色粉笔（测试）"))
        .collect();
    assert_eq!(ours.len(), 2, "{moves}");
    assert!(
        ours[0].contains(",10,,10,晨光文具,23.5,235,殷奇"),
        "{}",
        ours[0]
    );
    assert!(ours[1].contains(",,4,6,美术组,"), "{}", ours[1]);
    let row = balances
        .lines()
        .find(|l| l.starts_with("彩色粉笔（测试）"))
        .unwrap_or_else(|| panic!("{balances}"));
    assert_eq!(row, "彩色粉笔（测试）,办公用品,包,0,10,4,6,235");
    let teacher = app.token("demo-teacher").await;
    let refused = app
        .api(
            Method::GET,
            &format!("/exports/supplies?period={month}"),
            Some(&teacher),
            None,
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_store_of_more_items_than_the_page_lists_says_how_to_find_the_rest() {
    let app = rounds_tests::spawn_app().await;
    let keeper = app.token("demo-manager").await;
    let before = app.get_json(&keeper, "/supplies").await["total"]
        .as_i64()
        .unwrap();
    for n in 0..(201 - before) {
        let body = json!({ "name": format!("试卷袋 {n:03}"), "kind": "office", "unit": "个" });
        assert_eq!(
            post(&app, &keeper, "/supplies", body).await.status,
            StatusCode::CREATED
        );
    }
    let browser = app.signed_in_browser("demo-manager").await;
    let page = app.page(&browser, "/supplies").await;
    assert!(
        page.text.contains("共 201 项，这里列出前 200 项"),
        "the page says it lists only the first 200"
    );
    let found = app.page(&browser, "/supplies?q=试卷袋%20000").await;
    assert!(found.text.contains("试卷袋 000") && !found.text.contains("共 "));
}
