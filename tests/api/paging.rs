//! Every list of the API that grows with use pages by `limit` and `offset` (the register's lists
//! and a record's inspections have tests of their own; sync conflicts and a stocktake's scans
//! are paged where those are made, in rounds.rs and stocktakes.rs).

use reqwest::{Method, StatusCode};
use rounds_tests::{spawn_app, TestApp};
use serde_json::{json, Value};

async fn made(app: &TestApp, token: &str, method: Method, path: &str, body: Value) -> Value {
    let a = app.api(method, path, Some(token), Some(body)).await;
    assert!(a.status.is_success(), "{path}: {} {}", a.status, a.text);
    a.json()
}

#[tokio::test]
async fn reports_cases_history_print_log_and_stocktakes_page() {
    let app = spawn_app().await;
    let teacher = app.token("demo-teacher").await;
    let manager = app.token("demo-manager").await;
    let asset = app.some_asset(&manager).await;
    let room = app.some_room(&manager).await;
    let (asset, room) = (asset["id"].as_str().unwrap(), room["id"].as_str().unwrap());
    for n in 1..=3 {
        let report = made(
            &app,
            &teacher,
            Method::POST,
            "/damage-reports",
            json!({ "asset_id": asset, "description": format!("第{n}处损坏") }),
        )
        .await;
        let case = super::compensation::case(report["id"].as_str().unwrap(), "10");
        made(&app, &manager, Method::POST, "/compensations", case).await;
        made(
            &app,
            &manager,
            Method::PATCH,
            &format!("/assets/{asset}"),
            json!({ "name": format!("课桌{n}") }),
        )
        .await;
        made(
            &app,
            &manager,
            Method::PATCH,
            &format!("/rooms/{room}"),
            json!({ "name": format!("教室{n}") }),
        )
        .await;
        let (status, _, body) = app
            .print_labels(&manager, json!({ "stock": "a4-3x8", "new_tags": 1 }))
            .await;
        assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
        made(
            &app,
            &manager,
            Method::POST,
            "/stocktakes",
            json!({ "name": format!("盘点{n}") }),
        )
        .await;
    }
    let reports = app
        .pages_through(&manager, "/damage-reports?scope=all")
        .await;
    assert_eq!(reports.len(), 3);
    assert_eq!(
        app.pages_through(&teacher, "/damage-reports").await.len(),
        3,
        "the teacher's own"
    );
    let cases = app.pages_through(&manager, "/compensations?open=1").await;
    assert_eq!(cases.len(), 3);
    assert!(
        app.pages_through(&manager, &format!("/assets/{asset}/history"))
            .await
            .len()
            >= 3
    );
    assert!(
        app.pages_through(&manager, &format!("/rooms/{room}/history"))
            .await
            .len()
            >= 3
    );
    assert!(app.pages_through(&manager, "/labels/jobs").await.len() >= 3);
    let stocktakes = app.pages_through(&manager, "/stocktakes").await;
    assert_eq!(stocktakes[0]["name"], "盘点3", "newest first");

    // A filter still applies under paging: a paid case leaves the open list.
    let first = cases[0]["id"].as_str().unwrap();
    made(
        &app,
        &manager,
        Method::POST,
        &format!("/compensations/{first}/pay"),
        json!({ "paid_on": "2026-12-01", "receipt_no": "R1", "received_by": "王会计" }),
    )
    .await;
    let open = app
        .api(
            Method::GET,
            "/compensations?open=1&limit=200",
            Some(&manager),
            None,
        )
        .await;
    assert_eq!(open.json().as_array().unwrap().len(), 2, "{}", open.text);
    let all = app
        .api(
            Method::GET,
            "/compensations?open=&limit=200",
            Some(&manager),
            None,
        )
        .await;
    assert_eq!(
        all.json().as_array().unwrap().len(),
        3,
        "an empty open is left out: {}",
        all.text
    );
}
