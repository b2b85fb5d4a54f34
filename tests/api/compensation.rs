use reqwest::{Method, StatusCode};
use rounds_tests::pdf::poppler;
use rounds_tests::{spawn_app, TestApp};
use serde_json::{json, Value};

/// A teacher's report on a desk of 三年级（2）班, and the desk.
pub async fn reported_desk(app: &TestApp) -> (String, Value) {
    let teacher = app.token("demo-teacher").await;
    let hex = app
        .sql("SELECT lower(hex(a.id)) FROM assets a JOIN rooms r ON r.id = a.room_id WHERE a.category = '课桌椅' AND r.name = '三年级（2）班' AND a.school_id = (SELECT id FROM schools ORDER BY id LIMIT 1) LIMIT 1")
        .await
        .remove(0);
    let desk = uuid::Uuid::parse_str(&hex).unwrap().to_string();
    let body = json!({ "asset_id": desk, "description": "桌面被刻划，桌腿折断" });
    let report = app
        .api(Method::POST, "/damage-reports", Some(&teacher), Some(body))
        .await
        .json();
    let manager = app.token("demo-manager").await;
    let asset = app
        .api(
            Method::GET,
            &format!("/assets/{desk}"),
            Some(&manager),
            None,
        )
        .await
        .json();
    (report["id"].as_str().unwrap().to_string(), asset)
}

pub fn case(report: &str, amount: &str) -> Value {
    json!({ "damage_report_id": report, "party_kind": "student", "party_name": "张小明",
            "party_class": "三年级（2）班", "basis": "repair_cost", "amount": amount })
}

pub async fn bytes(app: &TestApp, token: &str, path: &str) -> (StatusCode, Vec<u8>) {
    let res = reqwest::Client::new()
        .get(app.url(&format!("/api/v1{path}")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    (res.status(), res.bytes().await.unwrap().to_vec())
}

#[tokio::test]
async fn the_asset_manager_opens_a_case_prints_the_notice_and_marks_it_paid() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let (report, _) = reported_desk(&app).await;
    let opened = app
        .api(
            Method::POST,
            "/compensations",
            Some(&manager),
            Some(case(&report, "120.50")),
        )
        .await;
    assert_eq!(opened.status, StatusCode::CREATED, "{}", opened.text);
    let c = opened.json();
    assert_eq!(c["amount_fen"], 12_050);
    assert_eq!(c["status"], "open");
    let semester = c["semester"].as_str().unwrap().to_string();
    assert!(
        semester.len() == 11 && (semester.ends_with("-1") || semester.ends_with("-2")),
        "{semester}"
    );
    let id = c["id"].as_str().unwrap().to_string();

    let (status, pdf) = bytes(&app, &manager, &format!("/compensations/{id}/notice")).await;
    assert_eq!(status, StatusCode::OK);
    let text: String = poppler("pdftotext", &pdf).split_whitespace().collect();
    for words in [
        "赔偿通知单",
        "张小明（三年级（2）班）",
        "壹佰贰拾元伍角整",
        "120.50",
        "桌面被刻划",
    ] {
        assert!(text.contains(words), "{words} in {text}");
    }
    assert!(
        poppler("pdffonts", &pdf).contains("yes yes yes"),
        "embedded subset with ToUnicode"
    );

    let pay =
        json!({ "paid_on": "2026-11-25", "receipt_no": "HQ-2026-0031", "received_by": "殷奇" });
    let paid = app
        .api(
            Method::POST,
            &format!("/compensations/{id}/pay"),
            Some(&manager),
            Some(pay.clone()),
        )
        .await;
    assert_eq!(paid.status, StatusCode::OK, "{}", paid.text);
    assert_eq!(paid.json()["status"], "paid");
    let again = app
        .api(
            Method::POST,
            &format!("/compensations/{id}/pay"),
            Some(&manager),
            Some(pay),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "a case ends once");

    let (status, csv) = bytes(
        &app,
        &manager,
        &format!("/compensations/export?semester={semester}"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.starts_with('\u{feff}'), "a BOM for Excel");
    let row = csv.lines().nth(1).expect("one case");
    for field in [
        semester.as_str(),
        "三年级（2）班",
        "张小明",
        "120.50",
        "已缴",
        "HQ-2026-0031",
    ] {
        assert!(row.contains(field), "{field} in {row}");
    }
    let (_, open_only) = bytes(&app, &manager, "/compensations/export?open=1").await;
    assert_eq!(
        String::from_utf8(open_only).unwrap().lines().count(),
        1,
        "nothing outstanding"
    );
    let history = app
        .sql("SELECT action FROM history WHERE entity = 'compensation' ORDER BY id")
        .await;
    assert_eq!(history, ["create", "update"]);
}

#[tokio::test]
async fn amounts_that_are_not_money_are_refused() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let (report, _) = reported_desk(&app).await;
    for amount in ["-1", "1e12", "abc", "0.001", "0", "99999999999"] {
        let a = app
            .api(
                Method::POST,
                "/compensations",
                Some(&manager),
                Some(case(&report, amount)),
            )
            .await;
        assert_eq!(
            a.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{amount}: {}",
            a.text
        );
        assert_eq!(a.json()["error"]["field"], "value", "{amount}");
    }
    let mut no_class = case(&report, "10");
    no_class["party_class"] = json!("");
    let a = app
        .api(
            Method::POST,
            "/compensations",
            Some(&manager),
            Some(no_class),
        )
        .await;
    assert_eq!(
        a.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a student needs a class"
    );
    assert_eq!(a.json()["error"]["field"], "class");
    assert_eq!(a.json()["error"]["message"], "班级必填。", "{}", a.text);
    assert!(app
        .sql("SELECT hex(id) FROM compensations")
        .await
        .is_empty());
}

#[tokio::test]
async fn only_the_admin_waives_and_the_replacement_value_follows_the_rule() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let admin = app.token("demo-admin").await;
    let (report, desk) = reported_desk(&app).await;
    for login in ["demo-teacher", "demo-staff"] {
        let token = app.token(login).await;
        let a = app
            .api(
                Method::POST,
                "/compensations",
                Some(&token),
                Some(case(&report, "10")),
            )
            .await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{login}");
    }
    let mut by_value = case(&report, "");
    by_value["basis"] = json!("replacement_value");
    let c = app
        .api(
            Method::POST,
            "/compensations",
            Some(&manager),
            Some(by_value),
        )
        .await;
    assert_eq!(c.status, StatusCode::CREATED, "{}", c.text);
    let amount = c.json()["amount_fen"].as_i64().unwrap();
    let bought = desk["value_fen"].as_i64().unwrap();
    assert!(amount > 0 && amount <= bought, "{amount} of {bought}");
    let id = c.json()["id"].as_str().unwrap().to_string();

    let path = format!("/compensations/{id}/waive");
    let a = app
        .api(
            Method::POST,
            &path,
            Some(&manager),
            Some(json!({ "reason": "家庭困难" })),
        )
        .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN, "waiving is the admin's");
    let a = app
        .api(
            Method::POST,
            &path,
            Some(&admin),
            Some(json!({ "reason": " " })),
        )
        .await;
    assert_eq!(
        a.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a reason is required"
    );
    let a = app
        .api(
            Method::POST,
            &path,
            Some(&admin),
            Some(json!({ "reason": "家庭困难，经校务会同意免除" })),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.json()["status"], "waived");

    let rule = json!({ "useful_life_years": 3, "residual_percent": 20 });
    let a = app
        .api(
            Method::PUT,
            "/compensations/rule",
            Some(&manager),
            Some(rule.clone()),
        )
        .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    let a = app
        .api(
            Method::PUT,
            "/compensations/rule",
            Some(&admin),
            Some(rule.clone()),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(
        app.api(Method::GET, "/compensations/rule", Some(&manager), None)
            .await
            .json(),
        rule
    );
    let bad = json!({ "useful_life_years": 0, "residual_percent": 20 });
    let a = app
        .api(Method::PUT, "/compensations/rule", Some(&admin), Some(bad))
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
}
