use reqwest::{Method, StatusCode};
use rounds_tests::{spawn_app, TestApp, HOME_SCHOOL};
use serde_json::{json, Value};

async fn one(app: &TestApp, query: &str) -> String {
    app.sql(query)
        .await
        .into_iter()
        .next()
        .expect("the demo school has it")
}

/// An asset id (as the API spells it) picked by SQL over `assets a`.
pub async fn asset_where(app: &TestApp, condition: &str) -> String {
    let hex = one(app, &format!("SELECT lower(hex(a.id)) FROM assets a JOIN rooms r ON r.id = a.room_id WHERE {condition} AND a.school_id = {HOME_SCHOOL} LIMIT 1")).await;
    uuid::Uuid::parse_str(&hex).unwrap().to_string()
}

pub async fn fire_checklist(app: &TestApp, token: &str, asset: &str) -> Value {
    let list = app
        .api(
            Method::GET,
            &format!("/checklists/applicable?asset={asset}"),
            Some(token),
            None,
        )
        .await
        .json();
    list.as_array()
        .unwrap()
        .iter()
        .find(|t| t["key"] == "fire_equipment")
        .cloned()
        .expect("the fire checklist applies to an extinguisher")
}

/// POSTs `body` and checks it is refused as invalid.
async fn refused(app: &TestApp, path: &str, token: &str, body: Value) -> rounds_tests::Answer {
    let a = app
        .api(Method::POST, path, Some(token), Some(body.clone()))
        .await;
    assert_eq!(
        a.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{body}: {}",
        a.text
    );
    a
}

pub fn answers(template: &Value, failing: Option<&str>) -> Value {
    let items = template["items"].as_array().unwrap();
    Value::Array(
        items
            .iter()
            .map(|i| {
                let key = i["key"].as_str().unwrap();
                let value = if Some(key) == failing { "fail" } else { "pass" };
                json!({ "key": key, "value": value, "note": if Some(key) == failing { "指针在红区" } else { "" } })
            })
            .collect(),
    )
}

#[tokio::test]
async fn an_extinguisher_inspection_with_a_failed_item_opens_a_repair_ticket() {
    let app = spawn_app().await;
    let staff = app.token("demo-staff").await;
    let asset = asset_where(&app, "a.category = '消防器材'").await;
    let template = fire_checklist(&app, &staff, &asset).await;
    let body = json!({
        "id": uuid::Uuid::now_v7(),
        "template_id": template["id"], "asset_id": asset,
        "answers": answers(&template, Some("gauge")), "notes": "三楼东侧",
    });
    let saved = app
        .api(
            Method::POST,
            "/inspections",
            Some(&staff),
            Some(body.clone()),
        )
        .await;
    assert_eq!(saved.status, StatusCode::CREATED, "{}", saved.text);
    let saved = saved.json();
    assert_eq!(saved["failed_items"], 1);
    assert_eq!(saved["answers"][0]["label"], "压力表指针在绿区");
    assert_eq!(saved["answers"][0]["failed"], true);
    assert_eq!(saved["inspector"]["name"], "程财宝");
    let ticket = saved["tickets"][0]
        .as_str()
        .expect("a ticket was opened")
        .to_string();
    let ticket = uuid::Uuid::parse_str(&ticket).unwrap();
    let t = app
        .get_json(&staff, &format!("/damage-reports/{ticket}"))
        .await;
    assert_eq!(t["source"], "inspection");
    assert_eq!(t["status"], "reported");
    assert_eq!(t["asset"]["id"], asset.as_str());
    assert!(t["description"]
        .as_str()
        .unwrap()
        .contains("压力表指针在绿区"));
    assert_eq!(
        t["assignee"]["name"], "程财宝",
        "the 分工 table's repairs person"
    );

    let again = app
        .api(Method::POST, "/inspections", Some(&staff), Some(body))
        .await;
    assert_eq!(
        again.status,
        StatusCode::CONFLICT,
        "the same id is stored once"
    );
    let listed = app
        .api(
            Method::GET,
            &format!("/inspections?asset={asset}"),
            Some(&staff),
            None,
        )
        .await
        .json();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let history = app.sql("SELECT entity || ':' || action FROM history WHERE entity IN ('inspection', 'damage_report') ORDER BY id").await;
    assert_eq!(history, ["inspection:create", "damage_report:create"]);
}

#[tokio::test]
async fn incomplete_or_misapplied_inspections_are_refused_and_write_nothing() {
    let app = spawn_app().await;
    let staff = app.token("demo-staff").await;
    let teacher = app.token("demo-teacher").await;
    let asset = asset_where(&app, "a.category = '消防器材'").await;
    let desk = asset_where(&app, "a.category = '课桌椅'").await;
    let template = fire_checklist(&app, &staff, &asset).await;
    let mut partial = answers(&template, None);
    partial.as_array_mut().unwrap().remove(0);
    let cases = [
        (
            json!({ "template_id": template["id"], "asset_id": asset, "answers": partial }),
            "answers",
            "压力表指针在绿区",
        ),
        (
            json!({ "template_id": template["id"], "asset_id": desk, "answers": answers(&template, None) }),
            "template",
            "检查表",
        ),
        (
            json!({ "template_id": template["id"], "answers": answers(&template, None) }),
            "target",
            "检查对象",
        ),
        (
            json!({ "template_id": template["id"], "asset_id": asset, "answers": [{ "key": "gauge", "value": "maybe" }] }),
            "answers",
            "没有填写完整",
        ),
        (
            json!({ "id": "6f9619ff-8b86-4011-b42d-00c04fc964ff", "template_id": template["id"], "asset_id": asset, "answers": answers(&template, None) }),
            "body",
            "格式",
        ),
    ];
    for (body, field, says) in cases {
        let a = refused(&app, "/inspections", &staff, body.clone()).await;
        assert_eq!(a.json()["error"]["field"], field, "{body}");
        assert!(
            a.json()["error"]["message"]
                .as_str()
                .unwrap()
                .contains(says),
            "{}",
            a.text
        );
    }
    let body = json!({ "template_id": template["id"], "asset_id": asset, "answers": answers(&template, None) });
    let a = app
        .api(Method::POST, "/inspections", Some(&teacher), Some(body))
        .await;
    assert_eq!(
        a.status,
        StatusCode::FORBIDDEN,
        "teachers report, they do not inspect"
    );
    assert!(app.sql("SELECT hex(id) FROM inspections").await.is_empty());
    assert!(app
        .sql("SELECT hex(id) FROM damage_reports")
        .await
        .is_empty());
}

#[tokio::test]
async fn a_teachers_damage_report_goes_to_the_responsible_person_and_through_repair() {
    let app = spawn_app().await;
    let teacher = app.token("demo-teacher").await;
    let staff = app.token("demo-staff").await;
    let desk = asset_where(&app, "a.category = '课桌椅' AND r.name = '三年级（2）班'").await;
    let body = json!({
        "asset_id": desk, "description": "桌面开裂，桌腿松动", "happened_at": "2026-11-24",
        "cause": "学生课间攀爬", "liable": "三年级（2）班 张同学",
    });
    let created = app
        .api(Method::POST, "/damage-reports", Some(&teacher), Some(body))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let report = created.json();
    let id = report["id"].as_str().unwrap().to_string();
    assert_eq!(report["reporter"]["name"], "王芳");
    assert_eq!(report["assignee"]["name"], "程财宝");
    let assigned = app
        .api(
            Method::GET,
            "/damage-reports?scope=assigned",
            Some(&staff),
            None,
        )
        .await
        .json();
    assert!(
        assigned
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == id.as_str()),
        "on the staff member's list"
    );
    let all = app
        .api(
            Method::GET,
            "/damage-reports?scope=all",
            Some(&teacher),
            None,
        )
        .await;
    assert_eq!(all.status, StatusCode::FORBIDDEN);

    let step = |to: &str, reason: &str| json!({ "status": to, "reason": reason });
    let path = format!("/damage-reports/{id}/status");
    let a = app
        .api(
            Method::POST,
            &path,
            Some(&teacher),
            Some(step("accepted", "")),
        )
        .await;
    assert_eq!(
        a.status,
        StatusCode::FORBIDDEN,
        "the reporter follows, staff move it"
    );
    let a = app
        .api(Method::POST, &path, Some(&staff), Some(step("closed", "")))
        .await;
    assert_eq!(a.status, StatusCode::CONFLICT, "no skipping to closed");
    let a = app
        .api(
            Method::POST,
            &path,
            Some(&staff),
            Some(step("rejected", " ")),
        )
        .await;
    assert_eq!(
        a.json()["error"]["field"],
        "reason",
        "rejecting needs a reason"
    );
    let status_of = |a: Value| a["status"].as_str().unwrap_or_default().to_string();
    let asset_status = || async {
        app.api(Method::GET, &format!("/assets/{desk}"), Some(&staff), None)
            .await
            .json()["status"]
            .clone()
    };
    for (to, asset_after) in [
        ("accepted", "in_use"),
        ("in_repair", "under_repair"),
        ("repaired", "in_use"),
        ("closed", "in_use"),
    ] {
        let a = app
            .api(Method::POST, &path, Some(&staff), Some(step(to, "")))
            .await;
        assert_eq!(a.status, StatusCode::OK, "{to}: {}", a.text);
        assert_eq!(status_of(a.json()), to);
        assert_eq!(asset_status().await, asset_after, "after {to}");
    }
    let mine = app
        .api(
            Method::GET,
            "/damage-reports?scope=mine",
            Some(&teacher),
            None,
        )
        .await
        .json();
    assert_eq!(
        mine[0]["status"], "closed",
        "the reporter sees the progress"
    );
    let steps = app
        .sql(&format!("SELECT action FROM history WHERE entity = 'damage_report' AND lower(hex(entity_id)) = '{}'", id.replace('-', "")))
        .await;
    assert_eq!(steps.len(), 5, "created and four steps: {steps:?}");
    let asset_changes = app
        .sql("SELECT action FROM history WHERE entity = 'asset' AND action = 'update'")
        .await;
    assert_eq!(asset_changes.len(), 2, "under repair, then back in use");
}

#[tokio::test]
async fn reports_go_by_the_duty_table_and_teachers_see_only_their_own() {
    let app = spawn_app().await;
    let teacher = app.token("demo-teacher").await;
    let canteen = one(
        &app,
        "SELECT lower(hex(id)) FROM rooms WHERE kind = 'canteen' LIMIT 1",
    )
    .await;
    let canteen = uuid::Uuid::parse_str(&canteen).unwrap();
    let body = json!({ "room_id": canteen, "description": "洗碗池下水堵塞" });
    let a = app
        .api(Method::POST, "/damage-reports", Some(&teacher), Some(body))
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    assert_eq!(
        a.json()["assignee"]["name"],
        "宦欢",
        "canteen reports go to the canteen's manager"
    );
    let id = a.json()["id"].as_str().unwrap().to_string();
    let manager = app.token("demo-manager").await;
    let seen = app
        .api(
            Method::GET,
            &format!("/damage-reports/{id}"),
            Some(&manager),
            None,
        )
        .await;
    assert_eq!(seen.status, StatusCode::OK);
    let none = app
        .api(
            Method::GET,
            "/damage-reports?scope=mine",
            Some(&manager),
            None,
        )
        .await
        .json();
    assert_eq!(none.as_array().unwrap().len(), 0);
    for body in [
        json!({ "room_id": canteen, "description": "" }),
        json!({ "description": "无对象" }),
        json!({ "room_id": canteen, "description": "x", "photos": [uuid::Uuid::now_v7()] }),
    ] {
        refused(&app, "/damage-reports", &teacher, body).await;
    }
}

#[tokio::test]
async fn a_checklist_edit_is_a_new_version_and_old_inspections_keep_their_wording() {
    let app = spawn_app().await;
    let staff = app.token("demo-staff").await;
    let admin = app.token("demo-admin").await;
    let asset = asset_where(&app, "a.category = '消防器材'").await;
    let v1 = fire_checklist(&app, &staff, &asset).await;
    let body = json!({ "template_id": v1["id"], "asset_id": asset, "answers": answers(&v1, None) });
    let a = app
        .api(Method::POST, "/inspections", Some(&staff), Some(body))
        .await;
    assert_eq!(a.status, StatusCode::CREATED);

    let mut items = v1["items"].as_array().unwrap().clone();
    items[0]["label"] = json!("压力表指针位于绿色区域");
    let edit = json!({ "key": "fire_equipment", "name": v1["name"], "categories": v1["categories"], "items": items });
    let denied = app
        .api(
            Method::POST,
            "/checklists",
            Some(&staff),
            Some(edit.clone()),
        )
        .await;
    assert_eq!(
        denied.status,
        StatusCode::FORBIDDEN,
        "only the admin edits checklists"
    );
    let v2 = app
        .api(Method::POST, "/checklists", Some(&admin), Some(edit))
        .await;
    assert_eq!(v2.status, StatusCode::CREATED, "{}", v2.text);
    assert_eq!(v2.json()["version"], 2);
    let now = fire_checklist(&app, &staff, &asset).await;
    assert_eq!(now["version"], 2);
    assert_eq!(now["items"][0]["label"], "压力表指针位于绿色区域");
    let old = app
        .api(
            Method::GET,
            &format!("/inspections?asset={asset}"),
            Some(&staff),
            None,
        )
        .await
        .json();
    assert_eq!(
        old[0]["answers"][0]["label"], "压力表指针在绿区",
        "filled with version 1's words"
    );
    assert_eq!(old[0]["template_version"], 1);
    let bad = json!({ "name": "空表", "categories": ["消防器材"], "items": [] });
    let a = app
        .api(Method::POST, "/checklists", Some(&admin), Some(bad))
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_admin_edits_a_checklist_as_lines_and_item_keys_survive() {
    let app = spawn_app().await;
    let staff = app.token("demo-staff").await;
    let asset = asset_where(&app, "a.category = '消防器材'").await;
    let form = [
        ("form[key]", "fire_equipment"),
        ("form[version]", "1"),
        ("form[name]", "消防设备自检"),
        ("form[categories]", "消防器材"),
        ("form[room_kinds]", ""),
        (
            "form[items]",
            "压力表指针在绿区\n瓶身压力读数 [数值 MPa 1~1.4]\n整体照片 [文字 拍照]",
        ),
    ];
    let manager = app.signed_in_browser("demo-manager").await;
    let res = app.post_form(&manager, "/sf/save_checklist", &form).await;
    assert_eq!(
        res.status(),
        StatusCode::FORBIDDEN,
        "only the admin edits checklists"
    );
    let admin = app.signed_in_browser("demo-admin").await;
    let res = app.post_form(&admin, "/sf/save_checklist", &form).await;
    assert!(
        res.status().is_success() || res.status().is_redirection(),
        "{}",
        res.status()
    );
    let now = fire_checklist(&app, &staff, &asset).await;
    assert_eq!(now["version"], 2);
    let items = now["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["key"], "gauge", "an unchanged item keeps its key");
    assert_eq!(items[1]["kind"], "number");
    assert_eq!(items[1]["max"], 1.4);
    assert_eq!(items[2]["photo_required"], true);
    let page = app.page(&admin, "/manage/checklists/fire_equipment").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text.contains("瓶身压力读数 [数值 MPa 1~1.4]"),
        "the editor shows the lines"
    );
    let bad = [
        ("form[items]", "温度 [数值 ℃ 冷~热]"),
        ("form[key]", "fire_equipment"),
        ("form[name]", "x"),
    ];
    let res = app.post_form(&admin, "/sf/save_checklist", &bad).await;
    assert!(res.status().is_client_error(), "{}", res.status());
    // The refusal carries its message in the visitor's language, as the forms' island shows it.
    let told: serde_json::Value = res.json().await.unwrap();
    assert!(told["code"].is_string(), "{told}");
    let chinese = told["message"].as_str().unwrap().to_string();
    assert!(chinese.chars().any(|c| c > '\u{3000}'), "{chinese}");
    app.post_form(&admin, "/auth/lang", &[("lang", "en"), ("next", "/")])
        .await;
    let res = app.post_form(&admin, "/sf/save_checklist", &bad).await;
    let told: serde_json::Value = res.json().await.unwrap();
    assert_ne!(told["message"].as_str().unwrap(), chinese, "in English");
    // A form that lacks a field is the sender's mistake, not the network's.
    let res = app.post_form(&admin, "/sf/save_checklist", &bad[1..]).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let told: serde_json::Value = res.json().await.unwrap();
    assert_eq!(told["code"], "malformed", "{told}");
    assert!(
        told["message"]
            .as_str()
            .unwrap()
            .contains("could not be read"),
        "{told}"
    );
}
