//! Drills (附件3 安全教育行事历): the calendar's drills of the semester are planned once, however
//! many ask at once; a drill is recorded once, and each problem it found on a room opens a repair
//! in the same transaction; a bad record changes nothing.

use reqwest::{Method, StatusCode};
use rounds_tests::{Answer, TestApp};
use serde_json::{json, Value};

async fn post(app: &TestApp, token: &str, path: &str, body: Value) -> Answer {
    app.api(Method::POST, path, Some(token), Some(body)).await
}

/// Today and this month at the school (UTC+8).
fn school_today() -> (String, String) {
    let today = (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive();
    (today.to_string(), today.format("%Y-%m").to_string())
}

/// A drill planned by the asset manager for this month; its id.
async fn planned(app: &TestApp, title: &str) -> String {
    let manager = app.token("demo-manager").await;
    let body = json!({ "kind": "evacuation", "title": title, "month": school_today().1 });
    let made = post(app, &manager, "/drills", body).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.text);
    let drill = made.json();
    assert_eq!(drill["state"], "due", "{drill}");
    drill["id"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn the_calendars_drills_are_planned_once_for_the_semester() {
    let app = rounds_tests::spawn_app().await;
    let teacher = app.token("demo-teacher").await;
    let mut asking = tokio::task::JoinSet::new();
    for _ in 0..5 {
        let (url, token) = (app.url("/api/v1/drills"), teacher.clone());
        asking.spawn(async move {
            let res = reqwest::Client::new()
                .get(url)
                .bearer_auth(token)
                .send()
                .await
                .expect("the server answers");
            assert_eq!(res.status(), StatusCode::OK);
            res.json::<Value>().await.expect("JSON")
        });
    }
    while let Some(answer) = asking.join_next().await {
        answer.unwrap();
    }
    let plan = app.get_json(&teacher, "/drills").await;
    let semester = plan["semester"].as_str().unwrap();
    let expected = app::drills::calendar(app::drills::semester(semester).unwrap());
    let drills = plan["drills"].as_array().unwrap();
    let got: Vec<(&str, &str)> = drills
        .iter()
        .map(|d| (d["kind"].as_str().unwrap(), d["month"].as_str().unwrap()))
        .collect();
    let want: Vec<(&str, &str)> = expected
        .iter()
        .map(|p| (p.kind.code(), p.month.as_str()))
        .collect();
    assert_eq!(got, want, "the calendar's drills, each once");
    let this_month = school_today().1;
    for d in drills {
        let past = d["month"].as_str().unwrap() < this_month.as_str();
        let held = d["state"] == "held";
        assert_eq!(past, held, "the demo held the past months' drills: {d}");
    }
    let planned = app
        .sql("SELECT COUNT(*) FROM history WHERE entity = 'drill' AND action = 'create' AND actor_id IS NULL")
        .await;
    assert_eq!(
        planned,
        [(2 * expected.len()).to_string()],
        "each school's calendar once"
    );
    let other = app
        .api(
            Method::GET,
            "/drills?semester=2026-2027-3",
            Some(&teacher),
            None,
        )
        .await;
    assert_eq!(
        other.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        other.text
    );
}

#[tokio::test]
async fn a_drill_recorded_with_a_problem_on_a_room_opens_its_repair() {
    let app = rounds_tests::spawn_app().await;
    let (staff, teacher) = (
        app.token("demo-staff").await,
        app.token("demo-teacher").await,
    );
    let id = planned(&app, "午休时段疏散演练").await;
    let room = app.get_json(&staff, "/rooms?q=走廊&limit=1").await["items"][0]["id"].clone();
    let record = json!({ "held_on": school_today().0, "participants": 620, "minutes": 12,
        "summary": "全校疏散用时 3 分 40 秒",
        "findings": [{ "description": "三楼东侧安全出口指示灯不亮", "room_id": room },
            { "description": "个别班级未按路线撤离" }] });
    let by_teacher = post(
        &app,
        &teacher,
        &format!("/drills/{id}/record"),
        record.clone(),
    )
    .await;
    assert_eq!(
        by_teacher.status,
        StatusCode::FORBIDDEN,
        "{}",
        by_teacher.text
    );
    let done = post(
        &app,
        &staff,
        &format!("/drills/{id}/record"),
        record.clone(),
    )
    .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text);
    let drill = done.json();
    assert_eq!(
        (
            &drill["state"],
            &drill["participants"],
            &drill["recorded_by"]["name"]
        ),
        (&json!("held"), &json!(620), &json!("程财宝"))
    );
    let findings = drill["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 2);
    assert_eq!(findings[1]["report_id"], Value::Null, "no room, no repair");
    let report = findings[0]["report_id"].as_str().expect("a repair opened");
    let repair = app
        .get_json(&staff, &format!("/damage-reports/{report}"))
        .await;
    assert_eq!(
        (&repair["description"], &repair["status"]),
        (&json!("三楼东侧安全出口指示灯不亮"), &json!("reported"))
    );
    let again = post(&app, &staff, &format!("/drills/{id}/record"), record).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.text);
    let hex = id.replace('-', "");
    let history = app
        .sql(&format!(
            "SELECT action FROM history WHERE entity = 'drill' AND lower(hex(entity_id)) = '{hex}' ORDER BY id"
        ))
        .await;
    assert_eq!(history, ["create", "update"]);
    let plan = post(
        &app,
        &teacher,
        "/drills",
        json!({ "kind": "fire", "month": "2027-04" }),
    )
    .await;
    assert_eq!(plan.status, StatusCode::FORBIDDEN, "{}", plan.text);
}

#[tokio::test]
async fn a_bad_record_is_refused_and_changes_nothing() {
    let app = rounds_tests::spawn_app().await;
    let staff = app.token("demo-staff").await;
    let id = planned(&app, "消防疏散演练（测试）").await;
    let reports = || app.sql("SELECT COUNT(*) FROM damage_reports");
    let before = reports().await;
    let (today, _) = school_today();
    let tomorrow = (chrono::NaiveDate::parse_from_str(&today, "%Y-%m-%d").unwrap()
        + chrono::Duration::days(1))
    .to_string();
    let nowhere = "0190a5a0-0000-7000-8000-000000000000";
    let base = json!({ "held_on": today, "participants": 600, "minutes": 10 });
    let with = |extra: Value| {
        let mut body = base.clone();
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        body
    };
    let too_many: Vec<Value> = (0..21)
        .map(|n| json!({ "description": format!("问题 {n}") }))
        .collect();
    for (body, status, field) in [
        (with(json!({ "held_on": tomorrow })), 422, Some("held_on")),
        (
            with(json!({ "held_on": "2026-13-01" })),
            422,
            Some("held_on"),
        ),
        (
            with(json!({ "participants": 0 })),
            422,
            Some("participants"),
        ),
        (with(json!({ "minutes": 601 })), 422, Some("minutes")),
        (
            with(
                json!({ "findings": [{ "description": "x", "room_id": nowhere, "asset_id": nowhere }] }),
            ),
            422,
            Some("target"),
        ),
        (
            with(json!({ "findings": [{ "description": " " }] })),
            422,
            Some("description"),
        ),
        (
            with(json!({ "findings": too_many })),
            422,
            Some("description"),
        ),
        (
            with(json!({ "findings": [{ "description": "灯坏了", "room_id": nowhere }] })),
            404,
            None,
        ),
        (with(json!({ "weather": "晴" })), 422, None),
    ] {
        let a = post(&app, &staff, &format!("/drills/{id}/record"), body.clone()).await;
        assert_eq!(a.status.as_u16(), status, "{body}: {}", a.text);
        if let Some(field) = field {
            assert_eq!(a.json()["error"]["field"], field, "{body}: {}", a.text);
        }
    }
    let drill = app.get_json(&staff, &format!("/drills/{id}")).await;
    assert_eq!(drill["state"], "due", "still not recorded: {drill}");
    assert_eq!(reports().await, before, "no repair opened");
    let missing = post(&app, &staff, &format!("/drills/{nowhere}/record"), base).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND, "{}", missing.text);
}
