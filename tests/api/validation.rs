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
    assert_eq!(
        a.json()["error"]["code"],
        "too_large",
        "in the API's error shape"
    );
    assert_eq!(a.headers["content-type"], "application/json");
    let a = app
        .api(Method::GET, "/assets?limit=abc", Some(&token), None)
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    let a = app
        .api(Method::GET, "/assets?limit=100000", Some(&token), None)
        .await;
    assert_eq!(
        a.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "no silent clamping"
    );
    assert_eq!(a.json()["error"]["field"], "limit");
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

/// Found by schemathesis: a NUL in a search made PostgreSQL fail (500). Requests that cannot be
/// read answer 400 in the API's error shape; lists refuse a page size or start out of range.
#[tokio::test]
async fn unreadable_requests_and_out_of_range_pages_are_refused_in_the_error_shape() {
    let app = spawn_app().await;
    let token = app.token("demo-manager").await;
    for path in [
        "/rooms?q=%00",
        "/assets?q=a%00b",
        "/assets?offset=1&offset=2",
        "/damage-reports?scope=all&scope=mine",
        "/sync/conflicts?all=maybe",
    ] {
        let a = app.api(Method::GET, path, Some(&token), None).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{path}: {}", a.text);
        assert_eq!(a.json()["error"]["code"], "malformed", "{path}");
        assert!(a.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("请求无法读取"));
    }
    for (path, field) in [
        ("/rooms?limit=0", "limit"),
        ("/assets?limit=201", "limit"),
        ("/assets?offset=-1", "offset"),
        ("/imports?limit=abc", "limit"),
    ] {
        let a = app.api(Method::GET, path, Some(&token), None).await;
        assert_eq!(
            a.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{path}: {}",
            a.text
        );
        assert_eq!(a.json()["error"]["field"], field, "{path}");
    }
    let before = app
        .api(Method::GET, "/buildings", Some(&token), None)
        .await
        .text;
    let nul = app
        .api(
            Method::POST,
            "/buildings",
            Some(&token),
            Some(json!({ "name": "楼\u{0}" })),
        )
        .await;
    assert_eq!(nul.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", nul.text);
    let broken = app
        .send(
            &reqwest::Client::new(),
            Method::POST,
            "/api/v1/buildings",
            Some(&token),
            None,
        )
        .await;
    assert_eq!(broken.status, StatusCode::BAD_REQUEST);
    let after = app
        .api(Method::GET, "/buildings", Some(&token), None)
        .await
        .text;
    assert_eq!(before, after, "nothing was written");
}

#[tokio::test]
async fn a_records_inspections_page_by_limit_and_offset() {
    let app = spawn_app().await;
    let token = app.token("demo-staff").await;
    let extinguishers = app
        .api(Method::GET, "/assets?q=灭火器&limit=1", Some(&token), None)
        .await
        .json();
    let id = extinguishers["items"][0]["id"].as_str().unwrap();
    let template = app
        .api(
            Method::GET,
            &format!("/checklists/applicable?asset={id}"),
            Some(&token),
            None,
        )
        .await
        .json()[0]
        .clone();
    for day in 1..=5 {
        let made = app
            .api(
                Method::POST,
                "/inspections",
                Some(&token),
                Some(json!({ "template_id": template["id"], "asset_id": id,
                    "answers": super::inspections::answers(&template, None),
                    "inspected_at": format!("2026-11-0{day}T08:00:00Z") })),
            )
            .await;
        assert_eq!(made.status, StatusCode::CREATED, "{}", made.text);
    }
    let page = |limit: i64, offset: i64| {
        let app = &app;
        let token = &token;
        async move {
            app.api(
                Method::GET,
                &format!("/inspections?asset={id}&limit={limit}&offset={offset}"),
                Some(token),
                None,
            )
            .await
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                i["inspected_at"]
                    .as_str()
                    .unwrap()
                    .get(..10)
                    .unwrap()
                    .to_string()
            })
            .collect::<Vec<_>>()
        }
    };
    let all = page(200, 0).await;
    assert!(all.len() >= 5);
    assert_eq!(page(2, 0).await, all[..2].to_vec(), "the newest two");
    assert_eq!(page(2, 2).await, all[2..4].to_vec(), "the next two");
    assert!(page(2, all.len() as i64).await.is_empty(), "past the end");
    assert!(
        all.windows(2).all(|w| w[0] >= w[1]),
        "newest first: {all:?}"
    );
}
