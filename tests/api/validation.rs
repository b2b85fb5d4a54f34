use reqwest::{Method, StatusCode};
use rounds_tests::spawn_app;
use serde_json::json;

#[tokio::test]
async fn bad_values_are_refused_with_the_field_and_a_translated_message() {
    let app = spawn_app().await;
    let token = app.token("demo-manager").await;
    let asset = app.some_asset(&token).await;
    let path = format!("/assets/{}", asset["id"].as_str().unwrap());
    let cases = [
        (json!({ "value_fen": -1 }), "value"),
        (json!({ "value_fen": 1_000_000_000_000_i64 }), "value"),
        (json!({ "asset_code": "资产一号" }), "asset_code"),
        (json!({ "name": "  " }), "name"),
        (json!({ "name": "长".repeat(81) }), "name"),
        (json!({ "status": "stolen" }), "status"),
        (json!({ "purchase_date": "2023-02-30" }), "purchase_date"),
        (json!({ "room_id": "not-a-uuid" }), "room"),
        (json!({ "colour": "red" }), "body"),
        (json!({ "value_fen": "abc" }), "body"),
    ];
    for (body, field) in cases {
        let a = app
            .api(Method::PATCH, &path, Some(&token), Some(body.clone()))
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
    let after = app.api(Method::GET, &path, Some(&token), None).await.json();
    assert_eq!(after, asset, "nothing changed");
}

#[tokio::test]
async fn messages_follow_the_callers_language() {
    let app = spawn_app().await;
    let token = app.token("demo-manager").await;
    let asset = app.some_asset(&token).await;
    let res = reqwest::Client::new()
        .patch(app.url(&format!("/api/v1/assets/{}", asset["id"].as_str().unwrap())))
        .bearer_auth(&token)
        .header("accept-language", "en-GB,en")
        .json(&json!({ "value_fen": -5 }))
        .send()
        .await
        .unwrap();
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(
        body["error"]["message"],
        "Amount is out of the allowed range."
    );
    let zh = app
        .api(
            Method::PATCH,
            &format!("/assets/{}", asset["id"].as_str().unwrap()),
            Some(&token),
            Some(json!({ "value_fen": -5 })),
        )
        .await;
    assert_eq!(zh.json()["error"]["message"], "金额超出允许范围。");
}

#[tokio::test]
async fn broken_json_oversized_bodies_and_bad_paging_are_refused() {
    let app = spawn_app().await;
    let token = app.token("demo-manager").await;
    let res = reqwest::Client::new()
        .post(app.url("/api/v1/assets"))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let huge = json!({ "name": "x".repeat(100_000) });
    let a = app
        .api(Method::POST, "/assets", Some(&token), Some(huge))
        .await;
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    let a = app
        .api(Method::GET, "/assets?limit=abc", Some(&token), None)
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    let a = app
        .api(Method::GET, "/assets?limit=100000", Some(&token), None)
        .await;
    assert_eq!(a.json()["limit"], 200, "limits are clamped");
    let a = app
        .api(Method::GET, "/assets/not-an-id", Some(&token), None)
        .await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    let a = app
        .api(Method::GET, "/no/such/route", Some(&token), None)
        .await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn search_finds_names_codes_and_tags_and_escapes_wildcards() {
    let app = spawn_app().await;
    let token = app.token("demo-staff").await;
    let a = app
        .api(
            Method::GET,
            "/assets?q=%E7%81%AD%E7%81%AB%E5%99%A8&limit=5",
            Some(&token),
            None,
        )
        .await
        .json();
    assert!(
        a["total"].as_i64().unwrap() > 40,
        "extinguishers everywhere"
    );
    let a = app
        .api(Method::GET, "/assets?q=%25", Some(&token), None)
        .await
        .json();
    assert_eq!(a["total"], 0, "a % matches a literal %");
    let asset = app.some_asset(&token).await;
    let a = app
        .api(
            Method::GET,
            &format!(
                "/assets?q={}",
                asset["tag"].as_str().unwrap().to_lowercase()
            ),
            Some(&token),
            None,
        )
        .await
        .json();
    assert_eq!(a["items"][0]["id"], asset["id"]);
    let code = asset["asset_code"].as_str().unwrap().to_lowercase();
    let a = app
        .api(
            Method::GET,
            &format!("/assets?q={code}"),
            Some(&token),
            None,
        )
        .await
        .json();
    assert_eq!(
        a["items"][0]["id"], asset["id"],
        "asset codes match whatever the case, on either database"
    );
    let rooms = app
        .api(
            Method::GET,
            "/rooms?q=%E4%B8%89%E5%B9%B4%E7%BA%A7",
            Some(&token),
            None,
        )
        .await
        .json();
    assert_eq!(rooms["total"], 4, "four third-grade classes");
}

#[tokio::test]
async fn unknown_pages_get_a_friendly_404() {
    let app = spawn_app().await;
    let browser = app.signed_in_browser("demo-staff").await;
    let a = app.page(&browser, "/no/such/page").await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert!(a.text.contains("找不到页面"));
    let a = app
        .page(&browser, "/assets/0190b5d2-0000-7000-8000-000000000000")
        .await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert!(a.text.contains("记录不存在"));
}
