//! What a scan shows of a record's care: each checklist's last inspection and due state, the
//! open repairs (in full for staff, as a notice for a teacher), open compensation (managers).

use crate::compensation::case;
use crate::inspections::{answers, asset_where, fire_checklist};
use reqwest::{Method, StatusCode};
use rounds_tests::{spawn_app, TestApp};
use serde_json::json;

/// The part of a record page from its checks to its history.
fn standing_part(page: &str) -> &str {
    let from = page.find("检查情况").expect("the page shows the checks");
    let to = page[from..]
        .find("历史记录")
        .map_or(page.len(), |n| from + n);
    &page[from..to]
}

async fn page_as(app: &TestApp, login: &str, path: &str) -> String {
    let browser = app.signed_in_browser(login).await;
    let page = app.page(&browser, path).await;
    assert_eq!(page.status, StatusCode::OK, "{login} {path}");
    page.text
}

async fn staff_id(app: &TestApp, staff: &str) -> String {
    let me = app.api(Method::GET, "/me", Some(staff), None).await.json();
    me["id"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn a_scanned_extinguisher_shows_its_checklist_due_state_repairs_and_cases() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let staff = app.token("demo-staff").await;
    let asset = asset_where(&app, "a.category = '消防器材'").await;
    let template = fire_checklist(&app, &staff, &asset).await;
    let name = template["name"].as_str().unwrap();
    // A daily schedule always has a round today, due today.
    let schedule = json!({
        "name": "每日灭火器巡查", "template_key": "fire_equipment",
        "scope": { "assets": [asset] }, "cadence": { "every": "daily" },
        "assignee_id": staff_id(&app, &staff).await,
    });
    let made = app
        .api(Method::POST, "/schedules", Some(&manager), Some(schedule))
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.text);
    let path = format!("/assets/{asset}");

    let before = page_as(&app, "demo-staff", &path).await;
    let part = standing_part(&before);
    assert!(part.contains(name), "the fire checklist applies: {part}");
    assert!(part.contains("从未检查") && part.contains("badge-due_today"));
    assert!(part.contains("今日到期") && part.contains("每日灭火器巡查"));
    assert!(
        part.contains(&format!(
            "/inspect/asset/{asset}?template={}",
            template["id"].as_str().unwrap()
        )),
        "staff get a button that opens the checklist"
    );
    assert!(part.contains("没有未完成的维修"));
    let teacher_view = page_as(&app, "demo-teacher", &path).await;
    assert!(
        !standing_part(&teacher_view).contains("/inspect/asset/"),
        "a teacher does not inspect"
    );

    let body = json!({
        "id": uuid::Uuid::now_v7(), "template_id": template["id"], "asset_id": asset,
        "answers": answers(&template, Some("gauge")),
    });
    let saved = app
        .api(Method::POST, "/inspections", Some(&staff), Some(body))
        .await;
    assert_eq!(saved.status, StatusCode::CREATED, "{}", saved.text);
    let ticket = saved.json()["tickets"][0].as_str().unwrap().to_string();
    let opened = app
        .api(
            Method::POST,
            "/compensations",
            Some(&manager),
            Some(case(&ticket, "35")),
        )
        .await;
    assert_eq!(opened.status, StatusCode::CREATED, "{}", opened.text);

    let after = page_as(&app, "demo-staff", &path).await;
    let part = standing_part(&after);
    assert!(part.contains("badge-done") && !part.contains("badge-due_today"));
    assert!(part.contains("程财宝") && part.contains("1 项不合格"));
    assert!(part.contains("未完成的维修 (1)") && part.contains("压力表指针在绿区"));
    assert!(
        part.contains("/sf/step_damage_report") && part.contains(&format!("value=\"{path}\"")),
        "staff move the ticket from here and come back"
    );
    assert!(!part.contains("张小明"), "staff do not see who pays");

    let teacher_view = page_as(&app, "demo-teacher", &path).await;
    let part = standing_part(&teacher_view);
    assert!(part.contains("不必重复报告") && part.contains("压力表指针在绿区"));
    assert!(
        !part.contains("/sf/step_damage_report") && !part.contains("张小明"),
        "a teacher sees that it is reported, not the ticket"
    );

    // The label's scan opens the same account.
    let asset_json = app
        .api(Method::GET, &path, Some(&manager), None)
        .await
        .json();
    let scanned = match asset_json["tag"].as_str() {
        Some(code) => format!("/t/{code}"),
        None => path.clone(),
    };
    let manager_view = page_as(&app, "demo-manager", &scanned).await;
    let part = standing_part(&manager_view);
    assert!(part.contains("未结赔偿 (1)") && part.contains("张小明") && part.contains("¥35.00"));

    // The ticket accepted from the page comes back to the page.
    let staff_browser = app.signed_in_browser("demo-staff").await;
    let step = [
        ("id", ticket.as_str()),
        ("status", "accepted"),
        ("reason", ""),
        ("measure", "更换压力表"),
        ("due_on", ""),
        ("back", path.as_str()),
    ];
    let res = app
        .post_form(&staff_browser, "/sf/step_damage_report", &step)
        .await;
    let (status, text) = (res.status(), res.text().await.unwrap());
    assert!(
        status.is_success() || status.is_redirection(),
        "{status} {text}"
    );
    let report = app
        .get_json(&staff, &format!("/damage-reports/{ticket}"))
        .await;
    assert_eq!(report["status"], "accepted");
}

#[tokio::test]
async fn a_scanned_room_shows_the_repairs_of_the_assets_in_it() {
    let app = spawn_app().await;
    let (report, desk) = crate::compensation::reported_desk(&app).await;
    let room = desk["room"]["id"].as_str().unwrap();
    let path = format!("/rooms/{room}");
    let staff = page_as(&app, "demo-staff", &path).await;
    let part = standing_part(&staff);
    assert!(part.contains("桌面被刻划") && part.contains(&format!("value=\"{report}\"")));
    assert!(
        part.contains(desk["name"].as_str().unwrap()),
        "which asset of the room"
    );
    // The teacher who reported it follows it in full.
    let teacher = page_as(&app, "demo-teacher", &path).await;
    let part = standing_part(&teacher);
    assert!(part.contains("桌面被刻划") && !part.contains("不必重复报告"));
}
