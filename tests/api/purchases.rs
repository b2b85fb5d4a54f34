//! Purchasing (采购 → 审批 → 验收 → 入库 → 报销): a purchase goes through every step to stock and
//! to new tagged assets with history; above the year's threshold two different admins approve;
//! nobody approves their own; bad input and steps out of order change nothing.

use reqwest::{Method, StatusCode};
use rounds_tests::{Answer, TestApp};
use serde_json::{json, Value};

async fn post(app: &TestApp, token: &str, path: &str, body: Value) -> Answer {
    app.api(Method::POST, path, Some(token), Some(body)).await
}

/// The purchase's state after `path`'s step, asserting it answered 200.
async fn step(app: &TestApp, token: &str, path: &str, body: Value) -> Value {
    let a = post(app, token, path, body).await;
    assert_eq!(a.status, StatusCode::OK, "{path}: {}", a.text);
    a.json()
}

/// The error's field of a refusal with `status`.
fn refused(a: &Answer, status: StatusCode) -> String {
    assert_eq!(a.status, status, "{}", a.text);
    a.json()["error"]["field"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

async fn history_of(app: &TestApp, entity: &str, id: &str) -> Vec<String> {
    let hex = id.replace('-', "");
    app.sql(&format!(
        "SELECT action FROM history WHERE entity = '{entity}' \
         AND lower(hex(entity_id)) = '{hex}' ORDER BY id"
    ))
    .await
}

/// A new store item with nothing on hand; its id.
async fn new_item(app: &TestApp, keeper: &str, name: &str) -> String {
    let body = json!({ "name": name, "kind": "teaching", "unit": "盒" });
    let added = post(app, keeper, "/supplies", body).await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.text);
    added.json()["id"].as_str().unwrap().to_string()
}

fn year() -> i32 {
    use chrono::Datelike;
    (chrono::Utc::now() + chrono::Duration::hours(8)).year()
}

#[tokio::test]
async fn a_purchase_goes_through_every_step_into_stock_and_new_tagged_assets_with_history() {
    let app = rounds_tests::spawn_app().await;
    let keeper = app.token("demo-manager").await;
    let admin = app.token("demo-admin").await;
    let principal = app.token("demo-principal").await;
    let budget =
        json!({ "monthly_fen": 100_000, "yearly_fen": 5_000_000, "threshold_fen": 500_000 });
    let set = app
        .api(
            Method::PUT,
            &format!("/purchase-budgets/{}", year()),
            Some(&admin),
            Some(budget),
        )
        .await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.text);
    let spent_before = set.json()["year_spent_fen"].as_i64().unwrap();

    let item = new_item(&app, &keeper, "彩色粉笔（测试）").await;
    let body = json!({ "reason": "期末公开课和三楼教室", "budget": "year", "supplier": "常州教育装备公司",
        "lines": [
            { "kind": "supply", "item_id": item, "quantity": 10, "estimate_fen": 1_800 },
            { "kind": "asset", "name": "投影仪", "category": "电教设备", "quantity": 2, "estimate_fen": 350_000 }
        ] });
    let asked = post(&app, &keeper, "/purchases", body).await;
    assert_eq!(asked.status, StatusCode::CREATED, "{}", asked.text);
    let purchase = asked.json();
    let id = purchase["id"].as_str().unwrap().to_string();
    assert_eq!(purchase["state"], "requested");
    assert_eq!(purchase["estimate_fen"], 10 * 1_800 + 2 * 350_000);
    assert!(
        purchase["number"]
            .as_str()
            .unwrap()
            .starts_with(&format!("CG{}-", year())),
        "{purchase}"
    );

    // Above the threshold: the admin's approval is the first of two, and not enough alone.
    let once = step(&app, &admin, &format!("/purchases/{id}/approve"), json!({})).await;
    assert_eq!(once["state"], "approving");
    let again = post(&app, &admin, &format!("/purchases/{id}/approve"), json!({})).await;
    assert_eq!(refused(&again, StatusCode::CONFLICT), "status");
    assert!(again.text.contains("另一位管理员"), "{}", again.text);
    let early = post(
        &app,
        &keeper,
        &format!("/purchases/{id}/accept"),
        json!({ "lines": [] }),
    )
    .await;
    assert_eq!(early.status, StatusCode::CONFLICT, "{}", early.text);
    let approved = step(
        &app,
        &principal,
        &format!("/purchases/{id}/approve"),
        json!({}),
    )
    .await;
    assert_eq!(approved["state"], "approved");
    assert_eq!(approved["first_approved_by"]["name"], "周春明");
    assert_eq!(approved["approved_by"]["name"], "沈志刚");

    // The delivery: all the chalk at a lower price, the two projectors.
    let lines = approved["items"].as_array().unwrap();
    let (chalk, projectors) = (lines[0]["id"].clone(), lines[1]["id"].clone());
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(crate::photos::photo()).file_name("delivery.jpg"),
    );
    let (status, photo) = app.upload("/photos", &keeper, form).await;
    assert_eq!(status, StatusCode::CREATED, "{photo}");
    let delivery = json!({ "lines": [
            { "line_id": chalk, "received": 10, "unit_price_fen": 1_750 },
            { "line_id": projectors, "received": 2, "unit_price_fen": 342_000 }
        ], "photos": [photo["id"]], "note": "包装完好，已通电试机" });
    let accepted = step(
        &app,
        &keeper,
        &format!("/purchases/{id}/accept"),
        delivery.clone(),
    )
    .await;
    assert_eq!(accepted["state"], "accepted");
    assert_eq!(accepted["actual_fen"], 10 * 1_750 + 2 * 342_000);
    assert_eq!(accepted["photos"].as_array().unwrap().len(), 1);
    let twice = post(&app, &keeper, &format!("/purchases/{id}/accept"), delivery).await;
    assert_eq!(
        twice.status,
        StatusCode::CONFLICT,
        "accepted once only: {}",
        twice.text
    );

    // Into stock, the receipt naming the purchase …
    let stocked = app.get_json(&keeper, &format!("/supplies/{item}")).await;
    assert_eq!(stocked["on_hand"], 10);
    let moves = app
        .get_json(&keeper, &format!("/supplies/{item}/moves"))
        .await;
    assert_eq!(moves[0]["purchase_id"], id.as_str());
    assert_eq!(moves[0]["amount_fen"], 17_500);
    assert_eq!(moves[0]["supplier"], "常州教育装备公司");
    // … and two new assets on the register, each with a tag that opens it.
    let assets = accepted["assets"].as_array().unwrap();
    assert_eq!(assets.len(), 2, "{accepted}");
    let number = accepted["number"].as_str().unwrap();
    assert_eq!(assets[0]["asset_code"], format!("{number}-2-01"));
    for a in assets {
        let asset_id = a["id"].as_str().unwrap();
        let tag = app
            .get_json(&keeper, &format!("/tags/{}", a["tag"].as_str().unwrap()))
            .await;
        assert_eq!(
            (&tag["kind"], &tag["id"]),
            (&json!("asset"), &json!(asset_id)),
            "{tag}"
        );
        let asset = app.get_json(&keeper, &format!("/assets/{asset_id}")).await;
        assert_eq!(
            (&asset["value_fen"], &asset["category"]),
            (&json!(342_000), &json!("电教设备"))
        );
        assert_eq!(history_of(&app, "asset", asset_id).await, ["create"]);
    }

    let no_voucher = post(
        &app,
        &keeper,
        &format!("/purchases/{id}/reimburse"),
        json!({ "voucher": " " }),
    )
    .await;
    assert_eq!(
        refused(&no_voucher, StatusCode::UNPROCESSABLE_ENTITY),
        "voucher"
    );
    let paid = step(
        &app,
        &keeper,
        &format!("/purchases/{id}/reimburse"),
        json!({ "voucher": "记-2026-12-018" }),
    )
    .await;
    assert_eq!(
        (&paid["state"], &paid["voucher"]),
        (&json!("reimbursed"), &json!("记-2026-12-018"))
    );
    assert_eq!(paid["reimbursed_by"]["name"], "殷奇");

    assert_eq!(
        history_of(&app, "purchase", &id).await,
        ["create", "update", "update", "update", "update"]
    );
    let spent = app
        .get_json(&admin, &format!("/purchase-budgets/{}", year()))
        .await;
    assert_eq!(
        spent["year_spent_fen"].as_i64().unwrap() - spent_before,
        10 * 1_750 + 2 * 342_000,
        "the year's spending counts what was paid: {spent}"
    );
    assert_eq!(spent["budget"]["threshold_fen"], 500_000);
    let dashboard = app.get_json(&admin, "/dashboard").await;
    assert_eq!(
        dashboard["purchasing"]["year_spent_fen"],
        spent["year_spent_fen"]
    );
}

#[tokio::test]
async fn approvals_refusals_and_withdrawals_keep_to_who_may_and_when() {
    let app = rounds_tests::spawn_app().await;
    let teacher = app.token("demo-teacher").await;
    let admin = app.token("demo-admin").await;
    let keeper = app.token("demo-manager").await;
    let markers = json!({ "reason": "白板笔用完", "budget": "month",
        "lines": [{ "kind": "asset", "name": "教学白板", "category": "教学设备", "quantity": 1, "estimate_fen": 30_000 }] });
    let mine = post(&app, &teacher, "/purchases", markers.clone()).await;
    assert_eq!(mine.status, StatusCode::CREATED, "{}", mine.text);
    let mine = mine.json()["id"].as_str().unwrap().to_string();

    // A teacher neither approves nor accepts; sees only their own.
    let by_teacher = post(
        &app,
        &teacher,
        &format!("/purchases/{mine}/approve"),
        json!({}),
    )
    .await;
    assert_eq!(by_teacher.status, StatusCode::FORBIDDEN);
    let own = app.get_json(&teacher, "/purchases").await;
    assert!(
        own.as_array()
            .unwrap()
            .iter()
            .all(|p| p["requested_by"]["name"] == "王芳"),
        "{own}"
    );
    let demo_projectors = app.get_json(&keeper, "/purchases?state=approved").await[0]["id"].clone();
    let theirs = app
        .api(
            Method::GET,
            &format!("/purchases/{}", demo_projectors.as_str().unwrap()),
            Some(&teacher),
            None,
        )
        .await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);

    // The teacher withdraws while it waits; then nothing moves it.
    let withdrawn = step(
        &app,
        &teacher,
        &format!("/purchases/{mine}/withdraw"),
        json!({}),
    )
    .await;
    assert_eq!(withdrawn["state"], "withdrawn");
    let late = post(
        &app,
        &admin,
        &format!("/purchases/{mine}/approve"),
        json!({}),
    )
    .await;
    assert_eq!(refused(&late, StatusCode::CONFLICT), "status");

    // Nobody approves their own request.
    let admins = post(&app, &admin, "/purchases", markers.clone()).await;
    let admins = admins.json()["id"].as_str().unwrap().to_string();
    let own_approval = post(
        &app,
        &admin,
        &format!("/purchases/{admins}/approve"),
        json!({}),
    )
    .await;
    assert_eq!(refused(&own_approval, StatusCode::CONFLICT), "status");
    let by_other = post(
        &app,
        &keeper,
        &format!("/purchases/{admins}/withdraw"),
        json!({}),
    )
    .await;
    assert_eq!(
        by_other.status,
        StatusCode::FORBIDDEN,
        "only the asker withdraws"
    );

    // Below the threshold one approval does; a refusal needs a reason and keeps it.
    let again = post(&app, &teacher, "/purchases", markers).await;
    let again = again.json()["id"].as_str().unwrap().to_string();
    let no_reason = post(
        &app,
        &admin,
        &format!("/purchases/{again}/refuse"),
        json!({ "reason": "" }),
    )
    .await;
    assert_eq!(
        refused(&no_reason, StatusCode::UNPROCESSABLE_ENTITY),
        "reason"
    );
    let refusal = step(
        &app,
        &admin,
        &format!("/purchases/{again}/refuse"),
        json!({ "reason": "本月预算已用完" }),
    )
    .await;
    assert_eq!(
        (&refusal["state"], &refusal["refusal"]),
        (&json!("refused"), &json!("本月预算已用完"))
    );
    let after = post(
        &app,
        &admin,
        &format!("/purchases/{again}/approve"),
        json!({}),
    )
    .await;
    assert_eq!(after.status, StatusCode::CONFLICT);
    assert_eq!(
        history_of(&app, "purchase", &again).await,
        ["create", "update"]
    );
}

#[tokio::test]
async fn bad_input_is_refused_on_its_field_and_changes_nothing() {
    let app = rounds_tests::spawn_app().await;
    let keeper = app.token("demo-manager").await;
    let admin = app.token("demo-admin").await;
    let count = || app.sql("SELECT CAST(COUNT(*) AS TEXT) FROM purchases");
    let before = count().await;
    let asset = |extra: Value| {
        let mut line = json!({ "kind": "asset", "name": "投影仪", "category": "电教设备", "quantity": 1, "estimate_fen": 100 });
        line.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        json!({ "reason": "更换", "budget": "month", "lines": [line] })
    };
    for (body, field) in [
        (
            json!({ "reason": "更换", "budget": "month", "lines": [] }),
            "lines",
        ),
        (asset(json!({ "name": null })), "name"),
        (asset(json!({ "quantity": 0 })), "quantity"),
        (asset(json!({ "estimate_fen": -1 })), "price"),
        (asset(json!({ "kind": "supply" })), "item"),
        (
            asset(json!({ "kind": "supply", "item_id": uuid::Uuid::now_v7() })),
            "item",
        ),
        (
            json!({ "reason": "", "budget": "month", "lines": [{ "kind": "asset", "name": "a", "category": "b", "quantity": 1, "estimate_fen": 1 }] }),
            "reason",
        ),
        (
            json!({ "reason": "x", "budget": "week", "lines": [{ "kind": "asset", "name": "a", "category": "b", "quantity": 1, "estimate_fen": 1 }] }),
            "budget",
        ),
    ] {
        let a = post(&app, &keeper, "/purchases", body.clone()).await;
        assert_eq!(
            refused(&a, StatusCode::UNPROCESSABLE_ENTITY),
            field,
            "{body}"
        );
    }
    assert_eq!(count().await, before);

    // The demo's approved projectors: a delivery past the order, twice the same line, or
    // nothing at all is refused, and the purchase still waits for its delivery.
    let projectors = app.get_json(&keeper, "/purchases?state=approved").await[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let line = app
        .get_json(&keeper, &format!("/purchases/{projectors}"))
        .await["items"][0]["id"]
        .clone();
    for (lines, field) in [
        (json!([{ "line_id": line, "received": 3 }]), "quantity"),
        (
            json!([{ "line_id": line, "received": 1 }, { "line_id": line, "received": 1 }]),
            "lines",
        ),
        (json!([{ "line_id": line, "received": 0 }]), "lines"),
        (
            json!([{ "line_id": uuid::Uuid::now_v7(), "received": 1 }]),
            "lines",
        ),
        (
            json!([{ "line_id": line, "received": 1, "room_id": uuid::Uuid::now_v7() }]),
            "room",
        ),
    ] {
        let a = post(
            &app,
            &keeper,
            &format!("/purchases/{projectors}/accept"),
            json!({ "lines": lines }),
        )
        .await;
        assert_eq!(
            refused(&a, StatusCode::UNPROCESSABLE_ENTITY),
            field,
            "{lines}"
        );
    }
    let still = app
        .get_json(&keeper, &format!("/purchases/{projectors}"))
        .await;
    assert_eq!(
        (&still["state"], still["assets"].as_array().unwrap().len()),
        (&json!("approved"), 0)
    );

    for (path, body, field) in [
        (
            "/purchase-budgets/abc",
            json!({ "monthly_fen": 1, "yearly_fen": 1, "threshold_fen": 1 }),
            "period",
        ),
        (
            "/purchase-budgets/1999",
            json!({ "monthly_fen": 1, "yearly_fen": 1, "threshold_fen": 1 }),
            "period",
        ),
        (
            "/purchase-budgets/2026",
            json!({ "monthly_fen": -1, "yearly_fen": 1, "threshold_fen": 1 }),
            "budget",
        ),
        (
            "/purchase-budgets/2026",
            json!({ "monthly_fen": 1, "yearly_fen": 1, "threshold_fen": 20_000_000_000_i64 }),
            "threshold",
        ),
    ] {
        let a = app.api(Method::PUT, path, Some(&admin), Some(body)).await;
        assert_eq!(
            refused(&a, StatusCode::UNPROCESSABLE_ENTITY),
            field,
            "{path}"
        );
    }
}

#[tokio::test]
async fn the_pages_request_form_sends_its_lines_and_the_keeper_accepts_on_the_page() {
    let app = rounds_tests::spawn_app().await;
    let keeper = app.signed_in_browser("demo-manager").await;
    use app::server_fns::purchases::{AcceptPurchase, RequestPurchase};
    use server_fn::ServerFn;
    let answer = app
        .post_form(
            &keeper,
            RequestPurchase::PATH,
            &[
                ("form[reason]", "新教室的桌椅"),
                ("form[budget]", "year"),
                ("form[supplier]", ""),
                ("form[lines][0][item]", ""),
                ("form[lines][0][name]", "学生课桌"),
                ("form[lines][0][category]", "课桌椅"),
                ("form[lines][0][quantity]", "3"),
                ("form[lines][0][price]", "260.50"),
                ("form[lines][1][item]", ""),
                ("form[lines][1][name]", ""),
                ("form[lines][1][category]", ""),
                ("form[lines][1][quantity]", ""),
                ("form[lines][1][price]", ""),
            ],
        )
        .await;
    assert!(answer.status().is_success(), "{:?}", answer.text().await);
    let token = app.token("demo-manager").await;
    let made = app.get_json(&token, "/purchases?state=requested").await;
    let desks = made
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["reason"] == "新教室的桌椅")
        .cloned()
        .expect("the form's purchase");
    assert_eq!(
        (&desks["lines"], &desks["estimate_fen"]),
        (&json!(1), &json!(3 * 26_050))
    );
    let id = desks["id"].as_str().unwrap();
    let admin = app.token("demo-admin").await;
    step(&app, &admin, &format!("/purchases/{id}/approve"), json!({})).await;
    let line = app.get_json(&token, &format!("/purchases/{id}")).await["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let answer = app
        .post_form(
            &keeper,
            AcceptPurchase::PATH,
            &[
                ("form[id]", id),
                ("form[note]", ""),
                ("form[lines][0][line]", &line),
                ("form[lines][0][received]", "2"),
                ("form[lines][0][price]", ""),
            ],
        )
        .await;
    assert!(answer.status().is_success(), "{:?}", answer.text().await);
    let accepted = app.get_json(&token, &format!("/purchases/{id}")).await;
    assert_eq!(
        (
            &accepted["state"],
            accepted["assets"].as_array().unwrap().len()
        ),
        (&json!("accepted"), 2)
    );
    assert_eq!(accepted["actual_fen"], 2 * 26_050);
}
