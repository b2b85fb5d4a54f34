//! The REST operations of `/api/v1`, as the OpenAPI document lists them.

use super::{every_operation_decided, tokens, Verdicts, Who, CALLERS};
use reqwest::Method;
use rounds_tests::{spawn_app, Answer};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The one table: every operation of `/api/v1`, and who may call it (the document itself,
/// `GET /openapi.json`, is read by anyone: the test starts by reading it signed out).
fn table() -> BTreeMap<&'static str, Who> {
    use Who::*;
    BTreeMap::from([
        ("POST /auth/token", Anyone),
        ("DELETE /auth/token", SignedIn),
        ("DELETE /auth/sessions", SignedIn),
        ("GET /me", SignedIn),
        ("GET /schools", District),
        ("POST /schools", District),
        ("GET /tags/{code}", School),
        ("GET /buildings", School),
        ("POST /buildings", Managers),
        ("GET /rooms", School),
        ("POST /rooms", Managers),
        ("GET /rooms/{id}", School),
        ("PATCH /rooms/{id}", Managers),
        ("GET /rooms/{id}/history", School),
        ("GET /assets", School),
        ("POST /assets", Managers),
        ("GET /assets/{id}", School),
        ("PATCH /assets/{id}", Managers),
        ("GET /assets/{id}/history", School),
        ("POST /photos", School),
        ("GET /photos/{id}", School),
        ("PUT /photos/{id}", School),
        ("GET /photos/{id}/thumb", School),
        ("GET /checklists", School),
        ("POST /checklists", Admin),
        ("GET /checklists/applicable", School),
        ("GET /checklists/{id}", School),
        ("GET /inspections", School),
        ("POST /inspections", Inspectors),
        ("GET /damage-reports", School),
        ("POST /damage-reports", School),
        ("GET /damage-reports/{id}", School),
        ("POST /damage-reports/{id}/status", Inspectors),
        ("GET /compensations", Managers),
        ("POST /compensations", Managers),
        ("GET /compensations/export", Managers),
        ("GET /compensations/rule", Managers),
        ("PUT /compensations/rule", Admin),
        ("GET /compensations/{id}", Managers),
        ("POST /compensations/{id}/pay", Managers),
        ("POST /compensations/{id}/waive", Admin),
        ("GET /compensations/{id}/notice", Managers),
        ("GET /exports/register", Managers),
        ("GET /exports/repairs", Managers),
        ("GET /exports/hazards", Managers),
        ("GET /exports/inspections", Managers),
        ("GET /exports/supplies", Managers),
        ("GET /ledger-closings", Inspectors),
        ("POST /ledger-closings", Inspectors),
        ("POST /ledger-closings/{id}/reopen", Admin),
        ("GET /dashboard", Managers),
        ("GET /rounds", Managers),
        ("GET /rounds/today", Inspectors),
        ("GET /schedules", Managers),
        ("POST /schedules", Managers),
        ("POST /schedules/{id}/end", Managers),
        ("POST /sync", School),
        ("GET /sync/conflicts", Managers),
        ("POST /sync/conflicts/{id}/resolve", Managers),
        ("GET /stocktakes", Inspectors),
        ("POST /stocktakes", Managers),
        ("GET /stocktakes/{id}", Inspectors),
        ("GET /stocktakes/{id}/expected", Inspectors),
        ("GET /stocktakes/{id}/report", Inspectors),
        ("GET /stocktakes/{id}/report.xlsx", Inspectors),
        ("GET /stocktakes/{id}/report.pdf", Inspectors),
        ("GET /stocktakes/{id}/scans", Inspectors),
        ("POST /stocktakes/{id}/scans", Inspectors),
        ("DELETE /stocktakes/{id}/scans/{scan}", Inspectors),
        ("POST /stocktakes/{id}/rooms/{room}/claim", Inspectors),
        ("POST /stocktakes/{id}/counting", Inspectors),
        ("POST /stocktakes/{id}/hand-in", Inspectors),
        ("POST /stocktakes/{id}/finish", Managers),
        ("GET /stocktakes/{id}/settlements", Inspectors),
        ("POST /stocktakes/{id}/settlements", Managers),
        (
            "POST /stocktakes/{id}/settlements/{settlement}/decision",
            Admin,
        ),
        ("GET /imports", Managers),
        ("POST /imports", Managers),
        ("GET /import-profiles", Managers),
        ("POST /import-profiles", Managers),
        ("GET /supplies", School),
        ("POST /supplies", Managers),
        ("GET /supplies/{id}", School),
        ("PUT /supplies/{id}", Managers),
        ("POST /supplies/{id}/receipts", Managers),
        ("POST /supplies/{id}/issues", Managers),
        ("GET /supplies/{id}/moves", Managers),
        ("GET /supply-shelves", Managers),
        ("GET /supply-requests", School),
        ("POST /supply-requests", School),
        ("GET /supply-requests/{id}", School),
        ("POST /supply-requests/{id}/issue", Managers),
        ("POST /supply-requests/{id}/refuse", Managers),
        ("POST /supply-requests/{id}/withdraw", School),
        ("GET /purchases", School),
        ("POST /purchases", School),
        ("GET /purchases/{id}", School),
        ("POST /purchases/{id}/approve", Admin),
        ("POST /purchases/{id}/refuse", Admin),
        ("POST /purchases/{id}/withdraw", School),
        ("POST /purchases/{id}/accept", Managers),
        ("POST /purchases/{id}/reimburse", Managers),
        ("GET /purchase-budgets/{year}", Managers),
        ("PUT /purchase-budgets/{year}", Admin),
        ("GET /drills", School),
        ("POST /drills", Managers),
        ("GET /drills/{id}", School),
        ("POST /drills/{id}/record", Inspectors),
        ("GET /keys", School),
        ("POST /keys", Managers),
        ("GET /keys/{id}", School),
        ("PUT /keys/{id}", Managers),
        ("POST /keys/{id}/lend", Inspectors),
        ("POST /keys/{id}/return", Inspectors),
        ("GET /keys/{id}/loans", School),
        ("GET /key-loans", School),
        ("POST /labels", Managers),
        ("GET /labels/jobs", Managers),
        ("GET /label-stocks", Managers),
        ("PUT /label-stocks/{name}", Managers),
    ])
}

/// The operations of the document, as `METHOD /path` under `/api/v1`.
fn operations(spec: &Value) -> Vec<String> {
    let mut ops = Vec::new();
    for (path, item) in spec["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("operations").keys() {
            let path = path.strip_prefix("/api/v1").expect("under /api/v1");
            ops.push(format!("{} {path}", method.to_uppercase()));
        }
    }
    ops
}

/// The error code of a REST answer.
fn rest_code(a: &Answer) -> String {
    a.json()["error"]["code"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn every_operation_lets_in_exactly_the_roles_the_table_names() {
    let app = spawn_app().await;
    let spec = app
        .api(Method::GET, "/openapi.json", None, None)
        .await
        .json();
    let table = table();
    every_operation_decided(
        &operations(&spec).into_iter().collect(),
        &table
            .keys()
            .map(|op| op.to_string())
            .collect::<BTreeSet<_>>(),
    );

    let id = uuid::Uuid::now_v7().to_string();
    let tokens = tokens(&app).await;
    // Signing out ends the caller's own token: those run last, each with a token of its own.
    let mut ops: Vec<(&str, Who)> = table.iter().map(|(op, who)| (*op, *who)).collect();
    ops.sort_by_key(|(op, _)| op.starts_with("DELETE /auth/"));
    let mut verdicts = Verdicts::default();
    for (op, who) in ops {
        let (method, path) = op.split_once(' ').unwrap();
        let concrete = format!("/api/v1{path}")
            .replace("{id}", &id)
            .replace("{code}", "7K3M9QX2")
            .replace("{name}", "matrix-stock")
            .replace("{scan}", &id)
            .replace("{room}", &id)
            .replace("{settlement}", &id);
        let method = Method::from_bytes(method.as_bytes()).unwrap();
        let body = matches!(method, Method::POST | Method::PUT | Method::PATCH).then(|| json!({}));
        for (caller, (login, may)) in CALLERS.iter().zip(who.allows()).enumerate() {
            let token = if op.starts_with("DELETE /auth/") && caller > 0 {
                Some(app.token(login).await)
            } else {
                tokens[caller].clone()
            };
            let a = app
                .send(
                    &reqwest::Client::new(),
                    method.clone(),
                    &concrete,
                    token.as_deref(),
                    body.clone(),
                )
                .await;
            verdicts.judge(op, caller, may, &a, rest_code);
        }
    }
    verdicts.assert_none();
}
