//! The role × route matrix, generated: every operation of the OpenAPI document is tried by every
//! role (anonymous included) and the answer compared with one table of who may do what. An
//! operation the table does not decide, or a decision for an operation that no longer exists,
//! fails the test, so a new route cannot land without one.
//!
//! "May" means the role check lets the caller through: any answer but 401 and 403 (the made-up
//! ids and empty bodies then make most answers a 404 or 422). Who may see which record (a
//! teacher's own reports, one school's data) is tested where those rules live.

use reqwest::{Method, StatusCode};
use rounds_tests::spawn_app;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// The callers, in the order of a [`Who`]'s columns.
const CALLERS: [&str; 6] = [
    "anonymous",
    "demo-teacher",
    "demo-staff",
    "demo-manager",
    "demo-admin",
    "demo-district",
];

/// Who may call an operation.
#[derive(Clone, Copy, Debug)]
enum Who {
    /// Anyone, signed in or not.
    Anyone,
    /// Every signed-in account, the district admin too.
    SignedIn,
    /// The people of a school: teachers, staff, the asset manager, the admin.
    School,
    /// Those who inspect: staff, the asset manager and the admin.
    Inspectors,
    /// Those who keep the register: the asset manager and the admin.
    Managers,
    /// The school's admin.
    Admin,
    /// The district admin.
    District,
}

impl Who {
    /// Whether each of [`CALLERS`] may call.
    fn allows(self) -> [bool; 6] {
        match self {
            Who::Anyone => [true; 6],
            Who::SignedIn => [false, true, true, true, true, true],
            Who::School => [false, true, true, true, true, false],
            Who::Inspectors => [false, false, true, true, true, false],
            Who::Managers => [false, false, false, true, true, false],
            Who::Admin => [false, false, false, false, true, false],
            Who::District => [false, false, false, false, false, true],
        }
    }
}

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

#[tokio::test]
async fn every_operation_lets_in_exactly_the_roles_the_table_names() {
    let app = spawn_app().await;
    let spec = app
        .api(Method::GET, "/openapi.json", None, None)
        .await
        .json();
    let table = table();
    let documented = operations(&spec);
    let undecided: Vec<_> = documented
        .iter()
        .filter(|op| !table.contains_key(op.as_str()))
        .collect();
    assert!(
        undecided.is_empty(),
        "operations with no decision in the table: {undecided:?}"
    );
    let stale: Vec<_> = table
        .keys()
        .filter(|op| !documented.iter().any(|d| d == *op))
        .collect();
    assert!(
        stale.is_empty(),
        "decisions for operations the document lacks: {stale:?}"
    );

    let id = uuid::Uuid::now_v7().to_string();
    let mut tokens: Vec<Option<String>> = vec![None];
    for login in &CALLERS[1..] {
        tokens.push(Some(app.token(login).await));
    }
    // Signing out ends the caller's own token: those run last, each with a token of its own.
    let mut ops: Vec<(&str, Who)> = table.iter().map(|(op, who)| (*op, *who)).collect();
    ops.sort_by_key(|(op, _)| op.starts_with("DELETE /auth/"));
    let mut wrong = Vec::new();
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
            let refused = if caller == 0 {
                StatusCode::UNAUTHORIZED
            } else {
                StatusCode::FORBIDDEN
            };
            let let_in = a.status != StatusCode::UNAUTHORIZED && a.status != StatusCode::FORBIDDEN;
            let code = if caller == 0 {
                "unauthorized"
            } else {
                "forbidden"
            };
            if let_in != may || (!may && (a.status != refused || a.json()["error"]["code"] != code))
            {
                wrong.push(format!(
                    "{op} as {login}: {} {}",
                    a.status,
                    a.text.chars().take(80).collect::<String>()
                ));
            }
            assert!(
                !a.status.is_server_error(),
                "{op} as {login}: {} {}",
                a.status,
                a.text
            );
        }
    }
    assert!(
        wrong.is_empty(),
        "{} answers differ from the table:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
