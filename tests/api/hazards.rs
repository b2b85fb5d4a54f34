//! Hazards (安全隐患): a failed checklist item opens a ticket due in seven days; the manager
//! sets the measure and the deadline; the rectification ledger lists it until it is cleared.

use crate::exports::ledger;
use crate::inspections::{answers, asset_where, fire_checklist};
use reqwest::{Method, StatusCode};
use rounds_tests::TestApp;

/// The school's today and this month, as the ledgers name them.
pub(crate) fn school_days() -> (chrono::NaiveDate, String) {
    let now = chrono::Utc::now().with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap());
    (now.date_naive(), now.format("%Y-%m").to_string())
}

/// The ticket a failed gauge on an extinguisher opens.
pub(crate) async fn hazard_found(app: &TestApp, staff: &str) -> String {
    let asset = asset_where(app, "a.category = '消防器材' AND a.status = 'in_use'").await;
    let template = fire_checklist(app, staff, &asset).await;
    let body = serde_json::json!({
        "id": uuid::Uuid::now_v7(), "template_id": template["id"], "asset_id": asset,
        "answers": answers(&template, Some("gauge")),
    });
    let saved = app
        .api(Method::POST, "/inspections", Some(staff), Some(body))
        .await;
    assert_eq!(saved.status, StatusCode::CREATED, "{}", saved.text);
    saved.json()["tickets"][0]
        .as_str()
        .expect("a ticket")
        .to_string()
}

#[tokio::test]
async fn a_hazard_carries_its_measure_and_deadline_into_the_rectification_ledger() {
    let app = rounds_tests::spawn_app().await;
    let (manager, staff) = (
        app.token("demo-manager").await,
        app.token("demo-staff").await,
    );
    let ticket = hazard_found(&app, &staff).await;
    let (today, month) = school_days();
    let shown = app
        .api(
            Method::GET,
            &format!("/damage-reports/{ticket}"),
            Some(&manager),
            None,
        )
        .await;
    let week_on = (today + chrono::Days::new(7)).to_string();
    assert_eq!(shown.json()["due_on"], week_on.as_str(), "{}", shown.text);

    let path = format!("/damage-reports/{ticket}/status");
    let step = |to: &str, measure: &str, due: &str| serde_json::json!({ "status": to, "reason": "", "measure": measure, "due_on": due });
    for (bad, field) in [
        (step("accepted", "更换灭火器", "2026-02-30"), "due"),
        (step("rejected", "更换", ""), "measure"),
    ] {
        let refused = app
            .api(Method::POST, &path, Some(&manager), Some(bad))
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text.contains(field), "{}", refused.text);
    }
    let due = (today + chrono::Days::new(3)).to_string();
    let accepted = app
        .api(
            Method::POST,
            &path,
            Some(&manager),
            Some(step("accepted", "更换灭火器", &due)),
        )
        .await;
    assert_eq!(accepted.status, StatusCode::OK, "{}", accepted.text);
    assert_eq!(accepted.json()["measure"], "更换灭火器");
    assert_eq!(accepted.json()["due_on"], due.as_str());
    let history = app
        .sql(&format!(
            "SELECT COUNT(*) FROM history WHERE entity = 'damage_report' AND action = 'update' \
             AND after LIKE '%更换灭火器%' AND after LIKE '%{due}%'"
        ))
        .await;
    assert_eq!(
        history,
        ["1"],
        "the measure and deadline are in the history"
    );

    let hazards = format!("hazards?period={month}");
    let (status, sheet) = ledger(&app, &manager, &hazards, "xlsx").await;
    assert_eq!(status, StatusCode::OK, "{sheet}");
    let lines: Vec<&str> = sheet.lines().collect();
    assert_eq!(
        lines[0],
        "日期,部位/房间,隐患描述,整改措施,责任人,期限,状态,复查人"
    );
    let row = lines
        .iter()
        .find(|l| l.contains("更换灭火器"))
        .expect("the hazard");
    assert!(row.starts_with(&today.to_string()), "{row}");
    assert!(row.ends_with(&format!(",{due},未整改,")), "{row}");

    for to in ["in_repair", "repaired"] {
        let moved = app
            .api(Method::POST, &path, Some(&staff), Some(step(to, "", "")))
            .await;
        assert_eq!(moved.status, StatusCode::OK, "{to}: {}", moved.text);
    }
    let closed = app
        .api(
            Method::POST,
            &path,
            Some(&manager),
            Some(step("closed", "", "")),
        )
        .await;
    assert_eq!(closed.status, StatusCode::OK, "{}", closed.text);
    assert_eq!(closed.json()["measure"], "更换灭火器", "kept when left out");
    let manager_name = app
        .sql("SELECT display_name FROM users WHERE login = 'demo-manager'")
        .await;
    let (_, sheet) = ledger(&app, &manager, &hazards, "csv").await;
    let row = sheet
        .lines()
        .find(|l| l.contains("更换灭火器"))
        .expect("the hazard")
        .to_string();
    assert!(
        row.ends_with(&format!(",{due},已销号,{} {today}", manager_name[0])),
        "{row}"
    );

    let teacher = app.token("demo-teacher").await;
    let (status, _) = ledger(&app, &teacher, &hazards, "csv").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
