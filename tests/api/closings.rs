//! Closing a period (周周清、月月清): what was open and the checksum are recorded and printed
//! under the export, a closed period's records are not edited, a late inspection shows as
//! late, and only the admin reopens.

use crate::compensation::bytes;
use crate::exports::ledger;
use crate::hazards::{hazard_found, school_days};
use reqwest::{Method, StatusCode};
use rounds_tests::TestApp;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

async fn close(app: &TestApp, token: &str, ledger: &str, period: &str) -> (StatusCode, Value) {
    let body = json!({ "ledger": ledger, "period": period });
    let res = app
        .api(Method::POST, "/ledger-closings", Some(token), Some(body))
        .await;
    let json = serde_json::from_str(&res.text).unwrap_or(Value::Null);
    (res.status, json)
}

/// A token of a staff member of the demo school without a password yet: the admin gives one.
async fn signed_in_staff(app: &TestApp, login: &str, name: &str) -> String {
    let id = app
        .sql(&format!(
            "SELECT lower(hex(id)) FROM users WHERE login = '{login}'"
        ))
        .await;
    let admin = app.signed_in_browser("demo-admin").await;
    let form = [
        ("id", id[0].as_str()),
        ("form[login]", login),
        ("form[display_name]", name),
        ("form[role]", "staff"),
        ("form[password]", rounds_tests::PASSWORD),
        ("form[active]", "on"),
    ];
    let res = app.post_form(&admin, "/sf/save_user", &form).await;
    assert_eq!(res.status(), StatusCode::OK);
    app.token(login).await
}

fn state<'a>(desk: &'a Value, ledger: &str) -> &'a Value {
    desk["ledgers"]
        .as_array()
        .and_then(|l| l.iter().find(|s| s["ledger"] == ledger))
        .unwrap_or_else(|| panic!("{ledger} in {desk}"))
}

#[tokio::test]
async fn a_closed_month_keeps_its_checksum_and_refuses_an_edit_until_the_admin_reopens_it() {
    let app = rounds_tests::spawn_app().await;
    let (manager, staff, admin) = (
        app.token("demo-manager").await,
        app.token("demo-staff").await,
        app.token("demo-admin").await,
    );
    let ticket = hazard_found(&app, &staff).await;
    let (_, month) = school_days();
    let desk = app
        .api(
            Method::GET,
            &format!("/ledger-closings?period={month}"),
            Some(&staff),
            None,
        )
        .await;
    assert_eq!(desk.status, StatusCode::OK, "{}", desk.text);
    let hazards = state(&desk.json(), "hazards").clone();
    assert_eq!(hazards["may_close"], true, "the 分工 person of the checks");
    assert_eq!(hazards["closing"], Value::Null);
    assert!(
        hazards["open_items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["kind"] == "hazard"),
        "{hazards}"
    );
    assert!(
        state(&desk.json(), "inspections:fire_equipment")["open_items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["kind"] == "unchecked")
    );

    let export = format!("/exports/hazards?period={month}&format=csv");
    let (_, before) = bytes(&app, &manager, &export).await;
    let (status, closing) = close(&app, &staff, "hazards", &month).await;
    assert_eq!(status, StatusCode::CREATED, "{closing}");
    let sha = format!("{:x}", Sha256::digest(&before));
    assert_eq!(closing["sha256"], sha.as_str(), "the CSV as it stood");
    assert_eq!(closing["closed_by"]["name"], "程财宝");
    assert!(!closing["open_items"].as_array().unwrap().is_empty());
    let (status, again) = close(&app, &manager, "hazards", &month).await;
    assert_eq!(status, StatusCode::CONFLICT, "closed already: {again}");

    let (_, after) = bytes(&app, &manager, &export).await;
    let text = String::from_utf8(after).unwrap();
    assert!(
        text.starts_with(std::str::from_utf8(&before).unwrap()),
        "the rows as they were"
    );
    assert!(text.contains("由 程财宝 结账"), "{text}");
    assert!(
        text.trim_end().ends_with(&format!("SHA-256: {sha}")),
        "{text}"
    );

    let path = format!("/damage-reports/{ticket}/status");
    let edit = json!({ "status": "accepted", "measure": "更换灭火器" });
    let refused = app
        .api(Method::POST, &path, Some(&manager), Some(edit.clone()))
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "the period is closed");
    assert!(refused.text.contains(&month), "{}", refused.text);
    let reject = json!({ "status": "rejected", "reason": "不是隐患" });
    let refused = app
        .api(Method::POST, &path, Some(&manager), Some(reject))
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    let status = app
        .sql(&format!(
            "SELECT status FROM damage_reports WHERE lower(hex(id)) = '{}'",
            ticket.replace('-', "")
        ))
        .await;
    assert_eq!(status, ["reported"], "nothing changed");

    let id = closing["id"].as_str().unwrap();
    let reopen = format!("/ledger-closings/{id}/reopen");
    let why = json!({ "reason": "期限录错，需更正" });
    let by_manager = app
        .api(Method::POST, &reopen, Some(&manager), Some(why.clone()))
        .await;
    assert_eq!(by_manager.status, StatusCode::FORBIDDEN);
    let blank = app
        .api(
            Method::POST,
            &reopen,
            Some(&admin),
            Some(json!({ "reason": " " })),
        )
        .await;
    assert_eq!(blank.status, StatusCode::UNPROCESSABLE_ENTITY);
    let reopened = app
        .api(Method::POST, &reopen, Some(&admin), Some(why.clone()))
        .await;
    assert_eq!(reopened.status, StatusCode::OK, "{}", reopened.text);
    assert_eq!(reopened.json()["reopened"]["reason"], "期限录错，需更正");
    let twice = app
        .api(Method::POST, &reopen, Some(&admin), Some(why))
        .await;
    assert_eq!(twice.status, StatusCode::NOT_FOUND, "not closed any more");
    let history = app
        .sql("SELECT action FROM history WHERE entity = 'ledger_closing' ORDER BY at, id")
        .await;
    assert_eq!(history, ["create", "update"]);

    let edited = app
        .api(Method::POST, &path, Some(&manager), Some(edit))
        .await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.text);
    let (status, _) = close(&app, &manager, "hazards", &month).await;
    assert_eq!(status, StatusCode::CREATED, "closed again");
    let desk = app
        .api(
            Method::GET,
            &format!("/ledger-closings?period={month}"),
            Some(&admin),
            None,
        )
        .await
        .json();
    assert_eq!(
        state(&desk, "hazards")["reopened"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert!(state(&desk, "hazards")["closing"].is_object());
}

#[tokio::test]
async fn an_inspection_recorded_after_its_month_closed_shows_as_late() {
    use crate::inspections::{answers, asset_where, fire_checklist};
    let app = rounds_tests::spawn_app().await;
    let (manager, staff) = (
        app.token("demo-manager").await,
        app.token("demo-staff").await,
    );
    let (_, month) = school_days();
    let (status, closing) = close(&app, &manager, "inspections:fire_equipment", &month).await;
    assert_eq!(status, StatusCode::CREATED, "{closing}");
    let asset = asset_where(&app, "a.category = '消防器材' AND a.status = 'in_use'").await;
    let template = fire_checklist(&app, &staff, &asset).await;
    let body = json!({
        "id": uuid::Uuid::now_v7(), "template_id": template["id"], "asset_id": asset,
        "answers": answers(&template, None), "notes": "补查",
    });
    let saved = app
        .api(Method::POST, "/inspections", Some(&staff), Some(body))
        .await;
    assert_eq!(saved.status, StatusCode::CREATED, "a late record is taken");
    assert_eq!(saved.json()["late_for"], month.as_str());
    let path = format!("inspections?checklist=fire_equipment&period={month}");
    let (status, sheet) = ledger(&app, &manager, &path, "csv").await;
    assert_eq!(status, StatusCode::OK, "{sheet}");
    let row = sheet
        .lines()
        .find(|l| l.contains("补查"))
        .expect("the late inspection");
    assert!(
        row.contains(&format!("补录（属 {month}，结账后录入）")),
        "{row}"
    );
}

#[tokio::test]
async fn who_may_close_and_what_cannot_be_closed() {
    let app = rounds_tests::spawn_app().await;
    let (_, month) = school_days();
    let teacher = app.token("demo-teacher").await;
    let other_staff = signed_in_staff(&app, "shaolike", "邵理科").await;
    let manager = app.token("demo-manager").await;
    let desk = format!("/ledger-closings?period={month}");
    for (token, status) in [
        (None, StatusCode::UNAUTHORIZED),
        (Some(teacher.as_str()), StatusCode::FORBIDDEN),
        (Some(other_staff.as_str()), StatusCode::OK),
    ] {
        let res = app.api(Method::GET, &desk, token, None).await;
        assert_eq!(res.status, status, "{}", res.text);
    }
    let seen = app.api(Method::GET, &desk, Some(&other_staff), None).await;
    assert_eq!(state(&seen.json(), "repairs")["may_close"], false);
    assert_eq!(
        close(&app, &teacher, "repairs", &month).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        close(&app, &other_staff, "repairs", &month).await.0,
        StatusCode::FORBIDDEN,
        "not their duty"
    );
    let next = (chrono::Utc::now() + chrono::Days::new(40))
        .format("%Y-%m")
        .to_string();
    for (ledger, period, status) in [
        ("repairs", next.as_str(), StatusCode::CONFLICT),
        ("register", month.as_str(), StatusCode::UNPROCESSABLE_ENTITY),
        ("repairs", "2026-13", StatusCode::UNPROCESSABLE_ENTITY),
        ("repairs", "", StatusCode::UNPROCESSABLE_ENTITY),
        ("inspections:nope", month.as_str(), StatusCode::NOT_FOUND),
    ] {
        let (got, body) = close(&app, &manager, ledger, period).await;
        assert_eq!(got, status, "{ledger} {period}: {body}");
    }
    let count = app.sql("SELECT COUNT(*) FROM ledger_closings").await;
    assert_eq!(count, ["0"], "nothing closed");
    let week = chrono::Utc::now().format("%G-W%V").to_string();
    let (status, body) = close(&app, &manager, "repairs", &week).await;
    assert_eq!(status, StatusCode::CREATED, "a week: {body}");
}
