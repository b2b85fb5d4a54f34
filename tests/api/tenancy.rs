//! Many schools on one server: the demo district has two. Every role of the first school tries
//! every route and page with the second school's records — reading, listing, changing — and
//! sees none of them and changes nothing; the district admin sees every school's figures and
//! no school's records.

use reqwest::{Method, StatusCode};
use rounds_tests::{spawn_app, TestApp, OTHER_SCHOOL};
use serde_json::{json, Value};

/// One id of the second school, read from the database as a UUID string.
async fn other(app: &TestApp, select: &str) -> String {
    let hex = app
        .sql(&format!(
            "{select} AND x.school_id = {OTHER_SCHOOL} LIMIT 1"
        ))
        .await
        .remove(0);
    uuid::Uuid::parse_str(&hex).unwrap().to_string()
}

/// How many history rows the second school has: every write adds one.
async fn other_history(app: &TestApp) -> String {
    app.sql(&format!(
        "SELECT CAST(COUNT(*) AS TEXT) FROM history WHERE school_id = {OTHER_SCHOOL}"
    ))
    .await
    .remove(0)
}

/// The second school's records, some made by its own people through the API.
struct Theirs {
    school: String,
    asset: String,
    asset_name: String,
    asset_tag: String,
    blank_tag: String,
    room: String,
    building: String,
    user: String,
    report: String,
    case: String,
    photo: String,
    schedule: String,
    template: String,
    stocktake: String,
    supply: String,
    supply_request: String,
    purchase: String,
    key_in: String,
    key_out: String,
    drill: String,
}

async fn theirs(app: &TestApp) -> Theirs {
    let teacher = app.token("qt-demo-teacher").await;
    let manager = app.token("qt-demo-manager").await;
    let asset = other(
        app,
        "SELECT lower(hex(x.id)) FROM assets x WHERE x.category = '课桌椅'",
    )
    .await;
    let asset_name = app
        .api(
            Method::GET,
            &format!("/assets/{asset}"),
            Some(&manager),
            None,
        )
        .await
        .json()["name"]
        .as_str()
        .unwrap()
        .to_string();
    let report = app
        .api(
            Method::POST,
            "/damage-reports",
            Some(&teacher),
            Some(json!({ "asset_id": asset, "description": "清潭的桌子坏了" })),
        )
        .await;
    assert_eq!(report.status, StatusCode::CREATED, "{}", report.text);
    let report = report.json()["id"].as_str().unwrap().to_string();
    let case = app
        .api(
            Method::POST,
            "/compensations",
            Some(&manager),
            Some(json!({ "damage_report_id": report, "party_kind": "outside", "party_name": "清潭施工队", "basis": "repair_cost", "amount": "10" })),
        )
        .await;
    assert_eq!(case.status, StatusCode::CREATED, "{}", case.text);
    let (status, photo) =
        crate::photos::upload(app, &manager, "p.jpg", crate::rounds::jpeg()).await;
    assert_eq!(status, StatusCode::CREATED, "{photo}");
    let schedules = app
        .api(Method::GET, "/schedules", Some(&manager), None)
        .await;
    let templates = app
        .api(Method::GET, "/checklists", Some(&manager), None)
        .await;
    let stocktake = app
        .api(
            Method::POST,
            "/stocktakes",
            Some(&manager),
            Some(json!({ "name": "清潭秋季盘点" })),
        )
        .await;
    assert_eq!(stocktake.status, StatusCode::CREATED, "{}", stocktake.text);
    let supply = app
        .api(
            Method::POST,
            "/supplies",
            Some(&manager),
            Some(json!({ "name": "清潭的复印纸", "kind": "office", "unit": "包" })),
        )
        .await;
    assert_eq!(supply.status, StatusCode::CREATED, "{}", supply.text);
    let supply = supply.json()["id"].as_str().unwrap().to_string();
    let supply_request = app
        .api(
            Method::POST,
            "/supply-requests",
            Some(&teacher),
            Some(json!({ "item_id": supply, "quantity": 1, "issued_to": "清潭一年级" })),
        )
        .await;
    assert_eq!(
        supply_request.status,
        StatusCode::CREATED,
        "{}",
        supply_request.text
    );
    Theirs {
        school: app.sql("SELECT name FROM schools ORDER BY id DESC LIMIT 1").await.remove(0),
        asset_tag: app
            .sql(&format!(
                "SELECT t.code FROM tags t JOIN assets a ON a.id = t.asset_id WHERE lower(hex(a.id)) = '{}'",
                asset.replace('-', "")
            ))
            .await
            .remove(0),
        blank_tag: app
            .sql(&format!(
                "SELECT code FROM tags WHERE room_id IS NULL AND asset_id IS NULL AND shelf_id IS NULL AND school_id = {OTHER_SCHOOL} LIMIT 1"
            ))
            .await
            .remove(0),
        room: other(app, "SELECT lower(hex(x.id)) FROM rooms x WHERE 1 = 1").await,
        building: other(app, "SELECT lower(hex(x.id)) FROM buildings x WHERE 1 = 1").await,
        user: other(app, "SELECT lower(hex(x.id)) FROM users x WHERE x.login = 'qt-demo-staff'").await,
        asset,
        asset_name,
        report,
        case: case.json()["id"].as_str().unwrap().to_string(),
        photo: photo["id"].as_str().unwrap().to_string(),
        schedule: schedules.json()[0]["id"].as_str().unwrap().to_string(),
        template: templates.json()[0]["id"].as_str().unwrap().to_string(),
        stocktake: stocktake.json()["id"].as_str().unwrap().to_string(),
        supply,
        supply_request: supply_request.json()["id"].as_str().unwrap().to_string(),
        purchase: other(app, "SELECT lower(hex(x.id)) FROM purchases x WHERE x.state = 'approved'").await,
        key_in: other(app, "SELECT lower(hex(x.id)) FROM keys x WHERE x.name = '计算机教室门钥匙'").await,
        key_out: other(app, "SELECT lower(hex(x.id)) FROM keys x WHERE x.name = '科学实验室门钥匙'").await,
        drill: other(app, "SELECT lower(hex(x.id)) FROM drills x WHERE x.plan_key = 'security'").await,
    }
}

/// Every API route given the second school's records: (method, path, body).
fn routes(t: &Theirs) -> Vec<(Method, String, Option<Value>)> {
    let get = |p: String| (Method::GET, p, None);
    let post = |p: String, b: Value| (Method::POST, p, Some(b));
    vec![
        get(format!("/assets/{}", t.asset)),
        get(format!("/assets/{}/history", t.asset)),
        get(format!("/rooms/{}", t.room)),
        get(format!("/rooms/{}/history", t.room)),
        get(format!("/tags/{}", t.asset_tag)),
        get(format!("/tags/{}", t.blank_tag)),
        get(format!("/damage-reports/{}", t.report)),
        get(format!("/compensations/{}", t.case)),
        get(format!("/compensations/{}/notice", t.case)),
        get(format!("/checklists/{}", t.template)),
        get(format!("/checklists/applicable?asset={}", t.asset)),
        get(format!("/inspections?asset={}", t.asset)),
        get(format!("/photos/{}", t.photo)),
        get(format!("/photos/{}/thumb", t.photo)),
        (
            Method::PATCH,
            format!("/assets/{}", t.asset),
            Some(json!({ "name": "改名" })),
        ),
        (
            Method::PATCH,
            format!("/rooms/{}", t.room),
            Some(json!({ "name": "改名" })),
        ),
        post(
            "/assets".into(),
            json!({ "category": "课桌椅", "name": "x", "asset_code": "X-1", "room_id": t.room }),
        ),
        post(
            "/rooms".into(),
            json!({ "name": "x", "kind": "office", "building_id": t.building }),
        ),
        post(
            "/rooms".into(),
            json!({ "name": "y", "kind": "office", "building_id": t.building, "custodian_id": t.user }),
        ),
        post(
            "/damage-reports".into(),
            json!({ "asset_id": t.asset, "description": "x" }),
        ),
        post(
            "/damage-reports".into(),
            json!({ "room_id": t.room, "description": "x" }),
        ),
        post(
            "/inspections".into(),
            json!({ "template_id": t.template, "asset_id": t.asset, "answers": [] }),
        ),
        post(
            format!("/damage-reports/{}/status", t.report),
            json!({ "status": "accepted" }),
        ),
        post(
            "/compensations".into(),
            json!({ "damage_report_id": t.report, "party_kind": "outside", "party_name": "x", "basis": "repair_cost", "amount": "1" }),
        ),
        post(
            format!("/compensations/{}/pay", t.case),
            json!({ "paid_on": "2026-12-01", "receipt_no": "1", "received_by": "x" }),
        ),
        post(
            format!("/compensations/{}/waive", t.case),
            json!({ "reason": "x" }),
        ),
        post(format!("/schedules/{}/end", t.schedule), json!({})),
        post(
            "/schedules".into(),
            json!({ "name": "x", "template_key": "fire_equipment", "scope": { "assets": [t.asset] }, "cadence": { "every": "daily" } }),
        ),
        post(
            "/labels".into(),
            json!({ "stock": "a4-3x8", "tags": [t.asset_tag] }),
        ),
        get(format!("/purchases/{}", t.purchase)),
        post(format!("/purchases/{}/approve", t.purchase), json!({})),
        post(
            format!("/purchases/{}/refuse", t.purchase),
            json!({ "reason": "x" }),
        ),
        post(format!("/purchases/{}/withdraw", t.purchase), json!({})),
        post(
            format!("/purchases/{}/accept", t.purchase),
            json!({ "lines": [{ "line_id": t.purchase, "received": 1 }] }),
        ),
        post(
            format!("/purchases/{}/reimburse", t.purchase),
            json!({ "voucher": "x" }),
        ),
        post(
            "/purchases".into(),
            json!({ "reason": "x", "budget": "month",
                "lines": [{ "kind": "supply", "item_id": t.supply, "quantity": 1, "estimate_fen": 1 }] }),
        ),
        post(
            "/sync".into(),
            json!({ "records": [{ "kind": "damage_report", "record": { "id": uuid::Uuid::now_v7(), "asset_id": t.asset, "description": "x" } }] }),
        ),
        get(format!("/stocktakes/{}", t.stocktake)),
        get(format!("/stocktakes/{}/expected", t.stocktake)),
        get(format!("/stocktakes/{}/scans", t.stocktake)),
        get(format!("/stocktakes/{}/report", t.stocktake)),
        get(format!("/stocktakes/{}/report.xlsx", t.stocktake)),
        get(format!("/stocktakes/{}/report.pdf", t.stocktake)),
        get(format!("/stocktakes/{}/settlements", t.stocktake)),
        post(
            format!("/stocktakes/{}/settlements", t.stocktake),
            json!({ "kind": "found", "asset_id": t.asset }),
        ),
        post(
            format!("/stocktakes/{}/scans", t.stocktake),
            json!({ "stocktake_id": t.stocktake, "room_id": t.room, "code": t.asset_tag }),
        ),
        post(
            format!("/stocktakes/{}/rooms/{}/claim", t.stocktake, t.room),
            json!({}),
        ),
        post(format!("/stocktakes/{}/counting", t.stocktake), json!({})),
        post(format!("/stocktakes/{}/hand-in", t.stocktake), json!({})),
        post(format!("/stocktakes/{}/finish", t.stocktake), json!({})),
        (
            Method::DELETE,
            format!("/stocktakes/{}/scans/{}", t.stocktake, uuid::Uuid::now_v7()),
            None,
        ),
        post(
            "/stocktakes".into(),
            json!({ "name": "x", "scope": { "buildings": [t.building] } }),
        ),
        get(format!("/drills/{}", t.drill)),
        post(
            format!("/drills/{}/record", t.drill),
            json!({ "held_on": "2026-10-15", "participants": 1, "minutes": 1 }),
        ),
        get(format!("/keys/{}", t.key_in)),
        get(format!("/keys/{}/loans", t.key_out)),
        (
            Method::PUT,
            format!("/keys/{}", t.key_in),
            Some(json!({ "name": "改名", "kind": "door" })),
        ),
        post(
            format!("/keys/{}/lend", t.key_in),
            json!({ "borrower": "x" }),
        ),
        post(format!("/keys/{}/return", t.key_out), json!({})),
        post(
            "/keys".into(),
            json!({ "name": "x", "kind": "door", "room_id": t.room }),
        ),
        get(format!("/supplies/{}", t.supply)),
        get(format!("/supplies/{}/moves", t.supply)),
        (
            Method::PUT,
            format!("/supplies/{}", t.supply),
            Some(json!({ "name": "改名", "kind": "office", "unit": "包" })),
        ),
        post(
            format!("/supplies/{}/receipts", t.supply),
            json!({ "quantity": 5 }),
        ),
        post(
            format!("/supplies/{}/issues", t.supply),
            json!({ "quantity": 1, "issued_to": "x" }),
        ),
        post(
            "/supply-requests".into(),
            json!({ "item_id": t.supply, "quantity": 1, "issued_to": "x" }),
        ),
        get(format!("/supply-requests/{}", t.supply_request)),
        post(
            format!("/supply-requests/{}/issue", t.supply_request),
            json!({}),
        ),
        post(
            format!("/supply-requests/{}/refuse", t.supply_request),
            json!({ "reason": "x" }),
        ),
        post(
            format!("/supply-requests/{}/withdraw", t.supply_request),
            json!({}),
        ),
        post(
            "/sync".into(),
            json!({ "records": [{ "kind": "stocktake_scan", "record": { "id": uuid::Uuid::now_v7(), "stocktake_id": t.stocktake, "room_id": t.room, "code": t.asset_tag } }] }),
        ),
    ]
}

/// Lists a school user may read; none may carry a record of the other school.
const LISTS: &[&str] = &[
    "/assets?q=课桌",
    "/assets?limit=200",
    "/rooms?limit=200",
    "/buildings",
    "/damage-reports?scope=all",
    "/damage-reports",
    "/compensations",
    "/schedules",
    "/checklists",
    "/labels/jobs",
    "/label-stocks",
    "/sync/conflicts",
    "/rounds",
    "/rounds/today",
    "/stocktakes",
    "/supplies?limit=200",
    "/supply-requests?limit=200",
    "/supply-shelves",
    "/purchases?limit=200",
    "/keys?limit=200",
    "/key-loans?limit=200",
    "/drills",
    "/me",
];

#[tokio::test]
async fn no_role_of_one_school_sees_or_changes_another_schools_records() {
    let app = spawn_app().await;
    let t = theirs(&app).await;
    let before = other_history(&app).await;
    let marks = [
        &t.school,
        &t.asset,
        &t.room,
        &t.building,
        &t.user,
        &t.report,
        &t.case,
        &t.photo,
        &t.schedule,
        &t.template,
        &t.asset_tag,
        &t.blank_tag,
        &t.stocktake,
        &t.supply,
        &t.supply_request,
        &t.purchase,
        &t.key_in,
        &t.key_out,
        &t.drill,
    ];
    for login in ["demo-admin", "demo-manager", "demo-staff", "demo-teacher"] {
        let token = app.token(login).await;
        for (method, path, body) in routes(&t) {
            let a = app
                .api(method.clone(), &path, Some(&token), body.clone())
                .await;
            // A sync batch answers 200 with each record's outcome.
            let refused = match path.as_str() {
                "/sync" => a.json()["results"]
                    .as_array()
                    .is_some_and(|r| r.iter().all(|r| r["outcome"] == "rejected")),
                _ => !a.status.is_success(),
            };
            assert!(
                refused && a.status != StatusCode::INTERNAL_SERVER_ERROR,
                "{login} {method} {path} → {}: {}",
                a.status,
                a.text
            );
            // What the request itself carried may be named back in a refusal; nothing else.
            let asked = format!(
                "{path} {}",
                body.as_ref().map(Value::to_string).unwrap_or_default()
            );
            for mark in marks.iter().filter(|m| !asked.contains(m.as_str())) {
                assert!(
                    !a.text.contains(mark.as_str()),
                    "{login} {method} {path} shows {mark}: {}",
                    a.text
                );
            }
        }
        for path in LISTS {
            let a = app.api(Method::GET, path, Some(&token), None).await;
            assert_ne!(
                a.status,
                StatusCode::INTERNAL_SERVER_ERROR,
                "{login} {path}"
            );
            for mark in marks {
                assert!(
                    !a.text.contains(mark.as_str()),
                    "{login} GET {path} shows {mark}"
                );
            }
        }
        // The pages: another school's record is not found; its tag says whose it is, no more.
        let browser = app.signed_in_browser(login).await;
        for path in [
            format!("/assets/{}", t.asset),
            format!("/rooms/{}", t.room),
            format!("/inspect/asset/{}", t.asset),
            format!("/report/room/{}", t.room),
            format!("/manage/users/{}", t.user),
            format!("/manage/assets/{}", t.asset),
        ] {
            let page = app.page(&browser, &path).await;
            assert!(
                page.status == StatusCode::NOT_FOUND || page.status == StatusCode::FORBIDDEN,
                "{login} {path} → {}",
                page.status
            );
            assert!(
                !page.text.contains(&t.asset_name),
                "{login} {path} shows their asset"
            );
        }
        let search = app
            .page(&browser, &format!("/search?q={}", t.asset_name))
            .await;
        assert_eq!(search.status, StatusCode::OK);
        assert!(!search.text.contains(&t.asset), "{login} finds their asset");
        let tag = app.page(&browser, &format!("/t/{}", t.asset_tag)).await;
        assert_eq!(tag.status, StatusCode::FORBIDDEN, "{login}: {}", tag.text);
        assert!(tag.text.contains(&t.school), "the tag says whose it is");
        assert!(
            !tag.text.contains(&t.asset_name),
            "and nothing of the record"
        );
    }
    assert_eq!(
        other_history(&app).await,
        before,
        "the other school's records are as they were"
    );
}

#[tokio::test]
async fn the_district_admin_sees_every_schools_figures_and_no_schools_records() {
    let app = spawn_app().await;
    let t = theirs(&app).await;
    let district = app.token("demo-district").await;
    let schools = app
        .api(Method::GET, "/schools", Some(&district), None)
        .await;
    assert_eq!(schools.status, StatusCode::OK, "{}", schools.text);
    let list = schools.json();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2, "{list:?}");
    for s in list {
        assert!(s["assets"].as_i64().unwrap() > 500, "{s}");
        assert!(s["rooms"].as_i64().unwrap() > 30, "{s}");
    }
    let theirs = list
        .iter()
        .find(|s| s["school"]["name"] == t.school.as_str())
        .unwrap();
    assert_eq!(theirs["open_reports"], 1, "the report their teacher made");

    // No school's records: every school route is refused.
    for (method, path, body) in routes(&t) {
        let a = app.api(method.clone(), &path, Some(&district), body).await;
        assert_eq!(
            a.status,
            StatusCode::FORBIDDEN,
            "{method} {path}: {}",
            a.text
        );
    }
    for path in LISTS.iter().filter(|p| **p != "/me") {
        let a = app.api(Method::GET, path, Some(&district), None).await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{path}: {}", a.text);
    }

    // A school's people may not use the district's routes.
    for login in ["demo-admin", "qt-demo-admin", "demo-teacher"] {
        let token = app.token(login).await;
        let a = app.api(Method::GET, "/schools", Some(&token), None).await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{login}");
        let add = json!({ "name": "x", "admin_login": "x-admin", "password": "long-enough" });
        let a = app
            .api(Method::POST, "/schools", Some(&token), Some(add))
            .await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{login}");
    }

    // The district page lists both schools.
    let browser = app.signed_in_browser("demo-district").await;
    let page = app.page(&browser, "/").await;
    assert_eq!(page.status, StatusCode::OK);
    for s in list {
        assert!(page.text.contains(s["school"]["name"].as_str().unwrap()));
    }
}

#[tokio::test]
async fn a_new_school_starts_furnished_with_its_admin_and_shares_no_names() {
    let app = spawn_app().await;
    let district = app.token("demo-district").await;
    let refused = [
        json!({ "name": "", "admin_login": "new-admin", "password": "long-enough" }),
        json!({ "name": "新学校", "admin_login": "demo-admin", "password": "long-enough" }),
        json!({ "name": "常州市龙城小学", "admin_login": "new-admin", "password": "long-enough" }),
        json!({ "name": "新学校", "admin_login": "new-admin", "password": "short" }),
        json!({ "name": "新学校" }),
    ];
    let schools_before = app.sql("SELECT name FROM schools").await.len();
    for body in refused {
        let a = app
            .api(
                Method::POST,
                "/schools",
                Some(&district),
                Some(body.clone()),
            )
            .await;
        assert!(
            a.status == StatusCode::UNPROCESSABLE_ENTITY || a.status == StatusCode::CONFLICT,
            "{body}: {} {}",
            a.status,
            a.text
        );
        assert!(!a.json()["error"]["message"]
            .as_str()
            .unwrap_or("")
            .is_empty());
    }
    assert_eq!(
        app.sql("SELECT name FROM schools").await.len(),
        schools_before,
        "nothing added"
    );

    let body = json!({ "name": "常州市新北小学", "admin_login": "xinbei-admin", "admin_name": "新北管理员", "password": "long-enough" });
    let added = app
        .api(Method::POST, "/schools", Some(&district), Some(body))
        .await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.text);

    // Its admin signs in to an empty school with the default checklists, and may use the
    // names the other schools use.
    let admin = app
        .api(
            Method::POST,
            "/auth/token",
            None,
            Some(json!({ "login": "xinbei-admin", "password": "long-enough" })),
        )
        .await
        .json()["token"]
        .as_str()
        .unwrap()
        .to_string();
    let assets = app.api(Method::GET, "/assets", Some(&admin), None).await;
    assert_eq!(assets.json()["total"], 0, "{}", assets.text);
    let checklists = app
        .api(Method::GET, "/checklists", Some(&admin), None)
        .await;
    assert!(!checklists.json().as_array().unwrap().is_empty());
    let building = app
        .api(
            Method::POST,
            "/buildings",
            Some(&admin),
            Some(json!({ "name": "明德楼" })),
        )
        .await;
    assert_eq!(building.status, StatusCode::CREATED, "{}", building.text);
    let figures = app
        .api(Method::GET, "/schools", Some(&district), None)
        .await
        .json();
    let xinbei = figures
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["school"]["name"] == "常州市新北小学")
        .cloned()
        .unwrap();
    assert_eq!(
        (xinbei["users"].as_i64(), xinbei["assets"].as_i64()),
        (Some(1), Some(0))
    );
}
