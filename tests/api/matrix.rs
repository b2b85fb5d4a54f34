//! The role matrix for the inspection, damage-report, photo, compensation, label, rounds and
//! sync routes:
//! each of the four demo roles either passes the role check (any answer but 401/403) or is
//! refused with 403, exactly as the table says.

use reqwest::{Method, StatusCode};
use rounds_tests::{spawn_app, HOME_SCHOOL};
use serde_json::json;

#[tokio::test]
async fn every_new_route_lets_in_exactly_the_roles_it_names() {
    let app = spawn_app().await;
    let staff = app.token("demo-staff").await;
    let teacher = app.token("demo-teacher").await;
    let hex = app
        .sql(&format!("SELECT lower(hex(a.id)) FROM assets a WHERE a.category = '课桌椅' AND a.school_id = {HOME_SCHOOL} LIMIT 1"))
        .await
        .remove(0);
    let desk = uuid::Uuid::parse_str(&hex).unwrap().to_string();
    let report = app
        .api(
            Method::POST,
            "/damage-reports",
            Some(&teacher),
            Some(json!({ "asset_id": desk, "description": "抽屉脱落" })),
        )
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let inspection =
        json!({ "template_id": uuid::Uuid::now_v7(), "asset_id": desk, "answers": [] });
    let case = json!({ "damage_report_id": report, "party_kind": "outside", "party_name": "施工队", "basis": "repair_cost", "amount": "10" });
    // (method, path, body, admin, asset manager, staff, teacher)
    let table: Vec<(Method, String, Option<serde_json::Value>, [bool; 4])> = vec![
        (
            Method::GET,
            "/checklists".into(),
            None,
            [true, true, true, true],
        ),
        (
            Method::POST,
            "/checklists".into(),
            Some(json!({ "name": "x", "items": [] })),
            [true, false, false, false],
        ),
        (
            Method::GET,
            format!("/inspections?asset={desk}"),
            None,
            [true, true, true, true],
        ),
        (
            Method::POST,
            "/inspections".into(),
            Some(inspection),
            [true, true, true, false],
        ),
        (
            Method::GET,
            "/damage-reports?scope=all".into(),
            None,
            [true, true, true, false],
        ),
        (
            Method::POST,
            format!("/damage-reports/{report}/status"),
            Some(json!({ "status": "accepted" })),
            [true, true, true, false],
        ),
        (
            Method::GET,
            "/compensations".into(),
            None,
            [true, true, false, false],
        ),
        (
            Method::POST,
            "/compensations".into(),
            Some(case),
            [true, true, false, false],
        ),
        (
            Method::GET,
            "/compensations/export".into(),
            None,
            [true, true, false, false],
        ),
        (
            Method::PUT,
            "/compensations/rule".into(),
            Some(json!({ "useful_life_years": 6, "residual_percent": 10 })),
            [true, false, false, false],
        ),
        (
            Method::GET,
            "/label-stocks".into(),
            None,
            [true, true, false, false],
        ),
        (
            Method::GET,
            "/labels/jobs".into(),
            None,
            [true, true, false, false],
        ),
        (
            Method::GET,
            "/rounds/today".into(),
            None,
            [true, true, true, false],
        ),
        (
            Method::GET,
            "/rounds".into(),
            None,
            [true, true, false, false],
        ),
        (
            Method::GET,
            "/schedules".into(),
            None,
            [true, true, false, false],
        ),
        (
            Method::POST,
            "/schedules".into(),
            Some(json!({})),
            [true, true, false, false],
        ),
        (
            Method::POST,
            format!("/schedules/{}/end", uuid::Uuid::nil()),
            None,
            [true, true, false, false],
        ),
        (
            Method::GET,
            "/sync/conflicts".into(),
            None,
            [true, true, false, false],
        ),
        (
            Method::POST,
            format!("/sync/conflicts/{}/resolve", uuid::Uuid::nil()),
            None,
            [true, true, false, false],
        ),
        (
            Method::POST,
            "/sync".into(),
            Some(json!({ "records": [] })),
            [true, true, true, true],
        ),
    ];
    let logins = ["demo-admin", "demo-manager", "demo-staff", "demo-teacher"];
    let mut tokens = Vec::new();
    for login in logins {
        tokens.push(app.token(login).await);
    }
    let _ = staff;
    for (method, path, body, allowed) in &table {
        for (i, login) in logins.iter().enumerate() {
            let a = app
                .api(method.clone(), path, Some(&tokens[i]), body.clone())
                .await;
            if allowed[i] {
                assert!(
                    a.status != StatusCode::FORBIDDEN && a.status != StatusCode::UNAUTHORIZED,
                    "{login} {method} {path} → {}: {}",
                    a.status,
                    a.text
                );
            } else {
                assert_eq!(
                    a.status,
                    StatusCode::FORBIDDEN,
                    "{login} {method} {path}: {}",
                    a.text
                );
            }
        }
    }
}
