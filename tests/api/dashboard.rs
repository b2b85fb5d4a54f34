//! The dashboard (看板): each figure moves with what it counts — a teacher's report, a hazard
//! past its deadline, a class's unpaid compensation, a ledger closed — each links to its list,
//! the page draws its charts as SVG, staff see the small version at home, and only the asset
//! manager and the admin see the whole.

use crate::compensation::{case, reported_desk};
use crate::hazards::{hazard_found, school_days};
use reqwest::{Method, StatusCode};
use rounds_tests::TestApp;
use serde_json::{json, Value};

async fn dashboard(app: &TestApp, token: &str) -> Value {
    let res = app.api(Method::GET, "/dashboard", Some(token), None).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text);
    res.json()
}

fn figure(d: &Value, path: &[&str]) -> i64 {
    path.iter()
        .fold(d, |v, key| &v[*key])
        .as_i64()
        .unwrap_or_else(|| panic!("{path:?} in {d}"))
}

/// The value of the bar labelled `label` of the chart at `chart` (0 when there is no such bar).
fn bar(d: &Value, chart: &[&str], label: &str) -> i64 {
    chart
        .iter()
        .fold(d, |v, key| &v[*key])
        .as_array()
        .unwrap_or_else(|| panic!("{chart:?} in {d}"))
        .iter()
        .find(|b| b["label"] == label)
        .map_or(0, |b| b["value"].as_i64().unwrap())
}

#[tokio::test]
async fn every_figure_moves_with_what_it_counts_and_links_to_its_list() {
    let app = rounds_tests::spawn_app().await;
    let (manager, staff) = (
        app.token("demo-manager").await,
        app.token("demo-staff").await,
    );
    let before = dashboard(&app, &manager).await;
    let (today, month) = school_days();

    let (report, _) = reported_desk(&app).await;
    let ticket = hazard_found(&app, &staff).await;
    let yesterday = (today - chrono::Days::new(1)).to_string();
    app.sql(&format!(
        "UPDATE damage_reports SET due_on = '{yesterday}' WHERE id = (SELECT id FROM damage_reports WHERE source = 'inspection' ORDER BY id DESC LIMIT 1)"
    ))
    .await;
    let opened = app
        .api(
            Method::POST,
            "/compensations",
            Some(&manager),
            Some(case(&report, "35.50")),
        )
        .await;
    assert_eq!(opened.status, StatusCode::CREATED, "{}", opened.text);

    let after = dashboard(&app, &manager).await;
    let moved = |path: &[&str]| figure(&after, path) - figure(&before, path);
    assert_eq!(moved(&["tickets", "open_repairs"]), 2, "{after}");
    assert_eq!(moved(&["tickets", "hazards_open"]), 1);
    assert_eq!(moved(&["tickets", "hazards_overdue"]), 1);
    assert_eq!(moved(&["owed_fen"]), 3550);
    let by_class = bar(&after, &["owed_by_class"], "三年级（2）班")
        - bar(&before, &["owed_by_class"], "三年级（2）班");
    assert_eq!(by_class, 3550);
    let desks = |d: &Value| bar(d, &["tickets", "repairs_by_category"], "课桌椅");
    assert_eq!(desks(&after) - desks(&before), 1);
    let this_month = |d: &Value| bar(d, &["tickets", "reports_by_month"], &month);
    assert_eq!(this_month(&after) - this_month(&before), 2);
    let fresh = |d: &Value| bar(d, &["tickets", "repairs_by_age"], "7天内");
    assert_eq!(fresh(&after) - fresh(&before), 2);
    assert_eq!(
        after["tickets"]["reports_by_month"]
            .as_array()
            .unwrap()
            .len(),
        6
    );
    assert_eq!(after["today"], today.to_string().as_str());
    for (chart, href) in [
        ("repairs_by_age", "/reports?scope=open"),
        ("reports_by_month", "/reports?scope=all"),
    ] {
        let bars = after["tickets"][chart].as_array().unwrap();
        assert!(bars.iter().all(|b| b["href"] == href), "{chart}: {bars:?}");
    }
    assert!(after["owed_by_class"][0]["text"]
        .as_str()
        .unwrap()
        .starts_with('¥'));

    // Checks: each schedule's round counted, the week's and month's sums agree with them.
    let schedules = after["checks"]["schedules"].as_array().unwrap();
    assert!(!schedules.is_empty(), "the demo school has schedules");
    let total = |p: &Value| {
        ["done", "open", "due_today", "overdue"]
            .iter()
            .map(|k| p[*k].as_i64().unwrap())
            .sum::<i64>()
    };
    let summed: i64 = schedules.iter().map(|s| total(&s["progress"])).sum();
    assert_eq!(
        summed,
        total(&after["checks"]["week"]) + total(&after["checks"]["month"])
    );

    // The lists the figures link to: open tickets and hazards, not for teachers.
    let list = |scope: &str, token: &str| {
        let (path, token) = (format!("/damage-reports?scope={scope}"), token.to_string());
        let app = &app;
        async move { app.api(Method::GET, &path, Some(&token), None).await }
    };
    let hazards = list("hazards", &manager).await.json();
    let ids: Vec<&str> = hazards
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&ticket.as_str()) && !ids.contains(&report.as_str()));
    let open = list("open", &manager).await.json();
    let open: Vec<&str> = open
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(open.contains(&ticket.as_str()) && open.contains(&report.as_str()));
    let teacher = app.token("demo-teacher").await;
    assert_eq!(list("open", &teacher).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        list("hazards", &teacher).await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_ledger_closed_for_last_week_leaves_the_unclosed_list() {
    let app = rounds_tests::spawn_app().await;
    let manager = app.token("demo-manager").await;
    let (today, _) = school_days();
    let last_week = (today - chrono::Days::new(7)).format("%G-W%V").to_string();
    let unclosed = |d: &Value| -> Vec<(String, String)> {
        d["unclosed"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| {
                (
                    u["ledger"].as_str().unwrap().to_string(),
                    u["period"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let before = unclosed(&dashboard(&app, &manager).await);
    let repairs_last_week = ("repairs".to_string(), last_week.clone());
    assert!(before.contains(&repairs_last_week), "{before:?}");
    let fire = ("inspections:fire_equipment".to_string(), last_week.clone());
    assert!(
        before.contains(&fire),
        "a checklist's record too: {before:?}"
    );
    let body = json!({ "ledger": "repairs", "period": last_week });
    let closed = app
        .api(Method::POST, "/ledger-closings", Some(&manager), Some(body))
        .await;
    assert_eq!(closed.status, StatusCode::CREATED, "{}", closed.text);
    let after = unclosed(&dashboard(&app, &manager).await);
    assert!(!after.contains(&repairs_last_week));
    assert_eq!(after.len(), before.len() - 1);
    let d = dashboard(&app, &manager).await;
    let href = d["unclosed"][0]["href"].as_str().unwrap();
    assert!(href.starts_with("/manage/ledgers?period="), "{href}");
}

#[tokio::test]
async fn only_the_asset_manager_and_the_admin_see_the_dashboard_and_staff_get_the_brief_at_home() {
    let app = rounds_tests::spawn_app().await;
    for (login, status) in [
        ("demo-admin", StatusCode::OK),
        ("demo-manager", StatusCode::OK),
        ("demo-staff", StatusCode::FORBIDDEN),
        ("demo-teacher", StatusCode::FORBIDDEN),
    ] {
        let token = app.token(login).await;
        let res = app.api(Method::GET, "/dashboard", Some(&token), None).await;
        assert_eq!(res.status, status, "{login}");
    }
    let anonymous = app.api(Method::GET, "/dashboard", None, None).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);

    // A report to draw: the charts of an empty school say so in words instead.
    let empty = app
        .page(&app.signed_in_browser("demo-manager").await, "/dashboard")
        .await;
    assert!(empty.text.contains("class=\"chart\"") || empty.text.contains("这段时间没有记录"));
    reported_desk(&app).await;
    let manager = app.signed_in_browser("demo-manager").await;
    let page = app.page(&manager, "/dashboard").await;
    assert_eq!(page.status, StatusCode::OK);
    for shown in [
        "看板",
        "本周检查",
        "未完成的维修 · 按时长",
        "未结账的台账",
        "class=\"chart\"",
    ] {
        assert!(page.text.contains(shown), "{shown}");
    }
    assert!(!page.text.contains("chart.js") && !page.text.contains("echarts"));
    let staff = app.signed_in_browser("demo-staff").await;
    let home = app.page(&staff, "/").await;
    assert!(home.text.contains("card brief") && home.text.contains("我的巡检"));
    // 待我处理 counts the open reports assigned to them (the desk's is one, by the 分工 table).
    let waiting = app
        .sql(
            "SELECT COUNT(*) FROM damage_reports WHERE status NOT IN ('closed', 'rejected') \
             AND assignee_id = (SELECT id FROM users WHERE login = 'demo-staff')",
        )
        .await
        .remove(0);
    assert_ne!(waiting, "0", "the desk's report waits for demo-staff");
    let tile = format!(
        "<a href=\"/reports?scope=assigned\" class=\"figure-tile\"><strong class=\"figure\">{waiting}</strong>"
    );
    assert!(home.text.contains(&tile), "{tile}");
    let refused = app.page(&staff, "/dashboard").await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let teacher = app.signed_in_browser("demo-teacher").await;
    let home = app.page(&teacher, "/").await;
    assert!(!home.text.contains("card brief"));
}
