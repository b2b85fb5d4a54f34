//! Stocktakes: the register frozen at the start, each scan classified (found, misplaced,
//! surplus, out of scope, repeat) and counted once whoever sends it and however often, bad
//! scans refused with nothing written, finishing, and who may do what.

use reqwest::{Method, StatusCode};
use rounds_tests::pdf::poppler;
use rounds_tests::{spawn_app, Answer, TestApp, HOME_SCHOOL};
use serde_json::{json, Value};
use uuid::Uuid;

/// The first building of the demo school, by name.
const FIRST_BUILDING: &str =
    "(SELECT id FROM buildings WHERE school_id = (SELECT id FROM schools ORDER BY id LIMIT 1) ORDER BY name LIMIT 1)";

fn uuid(hex: &str) -> String {
    Uuid::parse_str(hex).unwrap().to_string()
}

/// A tagged, in-use asset: (id, room id, tag), in the first building or outside it.
async fn tagged_assets(app: &TestApp, inside: bool, n: usize) -> Vec<(String, String, String)> {
    let op = if inside { "=" } else { "<>" };
    let rows = app
        .sql(&format!(
            "SELECT lower(hex(a.id)) || ' ' || lower(hex(a.room_id)) || ' ' || t.code FROM assets a \
             JOIN tags t ON t.asset_id = a.id JOIN rooms r ON r.id = a.room_id \
             WHERE a.school_id = {HOME_SCHOOL} AND a.status = 'in_use' AND r.building_id {op} {FIRST_BUILDING} \
             ORDER BY a.room_id, a.asset_code LIMIT 400"
        ))
        .await;
    let mut out: Vec<(String, String, String)> = Vec::new();
    for row in rows {
        let mut parts = row.split(' ');
        let (a, r, t) = (
            parts.next().unwrap(),
            parts.next().unwrap(),
            parts.next().unwrap(),
        );
        // one asset from each room, so that two picks are in two rooms
        if out.iter().all(|(_, room, _)| *room != uuid(r)) {
            out.push((uuid(a), uuid(r), t.to_string()));
        }
        if out.len() == n {
            break;
        }
    }
    assert_eq!(
        out.len(),
        n,
        "the demo school has tagged assets in {n} rooms"
    );
    out
}

async fn first_building(app: &TestApp) -> String {
    uuid(
        &app.sql(&format!(
            "SELECT lower(hex(id)) FROM buildings WHERE id = {FIRST_BUILDING}"
        ))
        .await[0],
    )
}

async fn start(app: &TestApp, token: &str, scope: Value) -> Value {
    let a = app
        .api(
            Method::POST,
            "/stocktakes",
            Some(token),
            Some(json!({ "name": "2026 秋季盘点", "scope": scope, "due": "2026-12-20" })),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    a.json()
}

fn scan_record(stocktake: &str, room: &str, code: &str) -> Value {
    json!({ "kind": "stocktake_scan", "record": {
        "id": Uuid::now_v7(), "stocktake_id": stocktake, "room_id": room, "code": code,
        "scanned_at": "2026-12-05T09:30:00+08:00" } })
}

async fn sync(app: &TestApp, token: &str, records: &[Value]) -> Vec<Value> {
    let answer = crate::rounds::sync(app, token, records).await;
    answer["results"].as_array().unwrap().clone()
}

fn room<'a>(stocktake: &'a Value, id: &str) -> &'a Value {
    stocktake["rooms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["room_id"] == id)
        .expect("the room is in the stocktake")
}

/// Asks to finish the stocktake.
async fn finish(app: &TestApp, token: &str, id: &str) -> Answer {
    let path = format!("/stocktakes/{id}/finish");
    app.api(Method::POST, &path, Some(token), None).await
}

async fn report_of(app: &TestApp, token: &str, id: &str) -> Value {
    let path = format!("/stocktakes/{id}/report");
    app.api(Method::GET, &path, Some(token), None).await.json()
}

async fn view(app: &TestApp, token: &str, id: &str) -> Value {
    app.api(Method::GET, &format!("/stocktakes/{id}"), Some(token), None)
        .await
        .json()
}

#[tokio::test]
async fn a_stocktake_freezes_its_scope_and_classifies_every_scan() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let building = first_building(&app).await;
    let inside = tagged_assets(&app, true, 2).await;
    let outside = tagged_assets(&app, false, 1).await;
    let in_scope: i64 = app
        .sql(&format!(
            "SELECT COUNT(*) FROM assets a JOIN rooms r ON r.id = a.room_id WHERE r.building_id = {FIRST_BUILDING} \
             AND a.status IN ('in_use', 'under_repair')"
        ))
        .await[0]
        .parse()
        .unwrap();
    let st = start(&app, &manager, json!({ "buildings": [building] })).await;
    let id = st["id"].as_str().unwrap().to_string();
    assert_eq!(st["status"], "counting");
    assert_eq!(st["tally"]["expected"], in_scope);
    assert_eq!(st["tally"]["missing"], in_scope);
    let expected = app
        .api(
            Method::GET,
            &format!("/stocktakes/{id}/expected"),
            Some(&manager),
            None,
        )
        .await
        .json();
    assert_eq!(expected.as_array().unwrap().len() as i64, in_scope);

    // Moving an asset after the start changes the register, not the frozen list.
    let (a, here, a_tag) = &inside[0];
    let (b, there, b_tag) = &inside[1];
    let moved = app
        .api(
            Method::PATCH,
            &format!("/assets/{b}"),
            Some(&manager),
            Some(json!({ "room_id": here })),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.text);

    let blank = app.blank_tag().await;
    let records = vec![
        scan_record(&id, here, &format!("https://rounds.example.cn/t/{a_tag}")),
        scan_record(&id, here, b_tag),
        scan_record(&id, here, &blank),
        scan_record(&id, here, &outside[0].2),
        scan_record(&id, here, &a_tag.to_lowercase()),
    ];
    let results = sync(&app, &manager, &records).await;
    let classes: Vec<&str> = results
        .iter()
        .map(|r| r["class"].as_str().unwrap())
        .collect();
    assert_eq!(
        classes,
        ["found", "misplaced", "surplus", "out_of_scope", "repeat"]
    );
    assert!(results.iter().all(|r| r["outcome"] == "applied"));

    let st = view(&app, &manager, &id).await;
    let r = room(&st, here);
    assert_eq!(r["tally"]["found"], 1);
    assert_eq!(r["tally"]["misplaced"], 1);
    assert_eq!(r["tally"]["surplus"], 1);
    assert_eq!(r["tally"]["out_of_scope"], 1);
    // Whoever scans first in a room counts it.
    let me = app
        .sql("SELECT lower(hex(id)) FROM users WHERE login = 'demo-manager'")
        .await;
    assert_eq!(r["counter"]["id"], uuid(&me[0]));
    // b was expected in its old room and found in `here`: not missing there.
    assert_eq!(
        room(&st, there)["tally"]["missing"],
        room(&st, there)["tally"]["expected"].as_i64().unwrap() - 1
    );
    assert_eq!(st["tally"]["missing"], in_scope - 2);

    let report = report_of(&app, &manager, &id).await;
    assert_eq!(
        report["missing"].as_array().unwrap().len() as i64,
        in_scope - 2
    );
    assert_eq!(report["misplaced"][0]["asset"]["asset_id"], b.as_str());
    assert_eq!(report["surplus"][0]["code"], blank.as_str());
    assert_eq!(report["out_of_scope"][0]["code"], outside[0].2.as_str());
    assert_eq!(
        report["counters"][0]["scans"], 4,
        "the repeat is not counted"
    );
    assert!(report["missing"]
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["asset_id"] != a.as_str()));

    // Each scan wrote a history row, with the stocktake's start.
    let history = app
        .sql("SELECT COUNT(*) FROM history WHERE entity = 'stocktake' AND entity_id = (SELECT id FROM stocktakes)")
        .await;
    assert_eq!(
        history[0],
        (1 + records.len()).to_string(),
        "a row for the start and one a scan"
    );
}

#[tokio::test]
async fn the_same_tag_from_two_phones_and_resent_three_times_counts_once() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let staff = app.token("demo-staff").await;
    let st = start(&app, &manager, json!({})).await;
    let id = st["id"].as_str().unwrap().to_string();
    let (_, here, tag) = &tagged_assets(&app, true, 1).await[0];
    let mine = scan_record(&id, here, tag);
    let theirs = scan_record(&id, here, tag);
    let (first, second) = tokio::join!(
        sync(&app, &manager, std::slice::from_ref(&mine)),
        sync(&app, &staff, std::slice::from_ref(&theirs)),
    );
    let mut classes = vec![
        first[0]["class"].as_str().unwrap(),
        second[0]["class"].as_str().unwrap(),
    ];
    classes.sort();
    assert_eq!(classes, ["found", "repeat"]);
    for _ in 0..3 {
        let again = sync(&app, &manager, &[mine.clone(), theirs.clone()]).await;
        assert!(
            again.iter().all(|r| r["outcome"] == "duplicate"),
            "{again:?}"
        );
    }
    let st = view(&app, &manager, &id).await;
    assert_eq!(room(&st, here)["tally"]["found"], 1);
    let scans = app
        .api(
            Method::GET,
            &format!("/stocktakes/{id}/scans"),
            Some(&staff),
            None,
        )
        .await
        .json();
    assert_eq!(scans.as_array().unwrap().len(), 2);
    assert_eq!(
        &app.pages_through(&staff, &format!("/stocktakes/{id}/scans"))
            .await,
        scans.as_array().unwrap(),
        "a page at a time"
    );

    // Undo the found scan: the tag is uncounted and the next scan counts it again.
    let found = scans
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["class"] == "found")
        .unwrap();
    let undo = app
        .api(
            Method::DELETE,
            &format!("/stocktakes/{id}/scans/{}", found["id"].as_str().unwrap()),
            Some(&staff),
            None,
        )
        .await;
    assert_eq!(undo.status, StatusCode::NO_CONTENT, "{}", undo.text);
    assert_eq!(
        room(&view(&app, &manager, &id).await, here)["tally"]["found"],
        0
    );
    let again = sync(&app, &staff, &[scan_record(&id, here, tag)]).await;
    assert_eq!(again[0]["class"], "found");
}

#[tokio::test]
async fn bad_scans_are_refused_and_write_nothing() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let building = first_building(&app).await;
    let st = start(&app, &manager, json!({ "buildings": [building] })).await;
    let id = st["id"].as_str().unwrap().to_string();
    let (_, here, tag) = &tagged_assets(&app, true, 1).await[0];
    let (_, elsewhere, _) = &tagged_assets(&app, false, 1).await[0];
    let door = app
        .sql(&format!(
            "SELECT code FROM tags WHERE room_id IS NOT NULL AND school_id = {HOME_SCHOOL} LIMIT 1"
        ))
        .await;
    let mut bad = vec![
        scan_record(&Uuid::now_v7().to_string(), here, tag),
        scan_record(&id, elsewhere, tag),
        scan_record(&id, here, "not a tag"),
    ];
    if let Some(door) = door.first() {
        bad.push(scan_record(&id, here, door));
    }
    let results = sync(&app, &manager, &bad).await;
    let codes: Vec<&str> = results
        .iter()
        .map(|r| r["error"]["code"].as_str().unwrap_or(""))
        .collect();
    assert!(
        results.iter().all(|r| r["outcome"] == "rejected"),
        "{results:?}"
    );
    assert_eq!(codes[0], "not_found");
    assert!(results
        .iter()
        .all(|r| !r["error"]["message"].as_str().unwrap().is_empty()));
    let scans = app
        .sql(&format!(
            "SELECT COUNT(*) FROM stocktake_scans WHERE school_id = {HOME_SCHOOL}"
        ))
        .await;
    assert_eq!(scans[0], "0");

    // A bad start: an unknown building, a broken due day, no name.
    for body in [
        json!({ "name": "x", "scope": { "buildings": [Uuid::now_v7()] } }),
        json!({ "name": "x", "due": "2026-02-30" }),
        json!({ "name": " " }),
        json!({ "name": "x", "scope": { "floors": [1] } }),
    ] {
        let a = app
            .api(Method::POST, "/stocktakes", Some(&manager), Some(body))
            .await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    }
    let list = app
        .api(Method::GET, "/stocktakes", Some(&manager), None)
        .await
        .json();
    assert_eq!(list.as_array().unwrap().len(), 1);

    // Finished: read-only.
    let done = finish(&app, &manager, &id).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text);
    assert_eq!(done.json()["status"], "finished");
    let late = sync(&app, &manager, &[scan_record(&id, here, tag)]).await;
    assert_eq!(late[0]["outcome"], "rejected");
    let again = finish(&app, &manager, &id).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "finished already");
    let unknown = app
        .api(
            Method::GET,
            &format!("/stocktakes/{}", Uuid::now_v7()),
            Some(&manager),
            None,
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn finishing_waits_until_every_phone_counting_has_handed_in() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let (staff, admin) = (app.token("demo-staff").await, app.token("demo-admin").await);
    let st = start(&app, &manager, json!({})).await;
    let id = st["id"].as_str().unwrap().to_string();
    let post = |token: &str, path: String, body: Option<Value>| {
        let token = token.to_string();
        let app = &app;
        async move { app.api(Method::POST, &path, Some(&token), body).await }
    };
    for token in [&staff, &staff, &admin] {
        let opened = post(token, format!("/stocktakes/{id}/counting"), None).await;
        assert_eq!(opened.status, StatusCode::NO_CONTENT, "{}", opened.text);
    }
    let still: Vec<String> = view(&app, &manager, &id).await["counting"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(still.len(), 2, "{still:?}");

    // Refused while their phones may hold scans; the answer names them; nothing changes.
    let refused = post(&manager, format!("/stocktakes/{id}/finish"), None).await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.text);
    let message = refused.json()["error"]["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        still.iter().all(|n| message.contains(n.as_str())),
        "{message}"
    );
    assert_eq!(view(&app, &manager, &id).await["status"], "counting");

    // Staff hand in only their own phone; a manager may hand in a lost one.
    let admin_id = app
        .sql("SELECT lower(hex(id)) FROM users WHERE login = 'demo-admin'")
        .await;
    let for_admin = json!({ "user": uuid(&admin_id[0]) });
    let not_theirs = post(
        &staff,
        format!("/stocktakes/{id}/hand-in"),
        Some(for_admin.clone()),
    )
    .await;
    assert_eq!(not_theirs.status, StatusCode::FORBIDDEN);
    let broken = post(
        &staff,
        format!("/stocktakes/{id}/hand-in"),
        Some(json!({ "who": 1 })),
    )
    .await;
    assert_eq!(
        broken.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        broken.text
    );
    for (token, body) in [(&staff, None), (&staff, None), (&manager, Some(for_admin))] {
        let done = post(token, format!("/stocktakes/{id}/hand-in"), body).await;
        assert_eq!(done.status, StatusCode::NO_CONTENT, "{}", done.text);
    }
    let finished = post(&manager, format!("/stocktakes/{id}/finish"), None).await;
    assert_eq!(finished.status, StatusCode::OK, "{}", finished.text);

    // Each opening and each hand-in wrote one history row; the repeats wrote none.
    let rows = app
        .sql(&format!(
            "SELECT action FROM history WHERE entity = 'stocktake' AND action IN \
             ('start_counting', 'hand_in') AND entity_id = (SELECT id FROM stocktakes \
             WHERE school_id = {HOME_SCHOOL} AND status = 'finished') ORDER BY action"
        ))
        .await;
    assert_eq!(
        rows,
        ["hand_in", "hand_in", "start_counting", "start_counting"]
    );
}

#[tokio::test]
async fn stocktake_routes_let_in_exactly_the_roles_they_name() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let st = start(&app, &manager, json!({})).await;
    let id = st["id"].as_str().unwrap().to_string();
    let (_, here, tag) = &tagged_assets(&app, true, 1).await[0];
    // (method, path, body, [admin, asset manager, staff, teacher])
    let mut table: Vec<(Method, String, Option<Value>, [bool; 4])> = vec![
        (
            Method::GET,
            "/stocktakes".into(),
            None,
            [true, true, true, false],
        ),
        (
            Method::POST,
            "/stocktakes".into(),
            Some(json!({ "name": "x" })),
            [true, true, false, false],
        ),
        (
            Method::GET,
            format!("/stocktakes/{id}"),
            None,
            [true, true, true, false],
        ),
        (
            Method::GET,
            format!("/stocktakes/{id}/expected"),
            None,
            [true, true, true, false],
        ),
        (
            Method::GET,
            format!("/stocktakes/{id}/scans"),
            None,
            [true, true, true, false],
        ),
        (
            Method::GET,
            format!("/stocktakes/{id}/report"),
            None,
            [true, true, true, false],
        ),
        (
            Method::GET,
            format!("/stocktakes/{id}/report.xlsx"),
            None,
            [true, true, true, false],
        ),
        (
            Method::GET,
            format!("/stocktakes/{id}/report.pdf"),
            None,
            [true, true, true, false],
        ),
        (
            Method::POST,
            format!("/stocktakes/{id}/scans"),
            Some(json!({ "stocktake_id": id, "room_id": here, "code": tag })),
            [true, true, true, false],
        ),
        (
            Method::POST,
            format!("/stocktakes/{id}/rooms/{here}/claim"),
            None,
            [true, true, true, false],
        ),
        (
            Method::POST,
            format!("/stocktakes/{id}/counting"),
            None,
            [true, true, true, false],
        ),
        (
            Method::POST,
            format!("/stocktakes/{id}/hand-in"),
            None,
            [true, true, true, false],
        ),
        (
            Method::POST,
            format!("/stocktakes/{}/finish", Uuid::now_v7()),
            None,
            [true, true, false, false],
        ),
    ];
    let no_id = Uuid::now_v7();
    table.extend([
        (
            Method::GET,
            format!("/stocktakes/{id}/settlements"),
            None,
            [true, true, true, false],
        ),
        (
            Method::POST,
            format!("/stocktakes/{id}/settlements"),
            Some(json!({ "kind": "found", "asset_id": no_id })),
            [true, true, false, false],
        ),
        (
            Method::POST,
            format!("/stocktakes/{id}/settlements/{no_id}/decision"),
            Some(json!({ "approve": true })),
            [true, false, false, false],
        ),
    ]);
    for (login, col) in [
        ("demo-admin", 0),
        ("demo-manager", 1),
        ("demo-staff", 2),
        ("demo-teacher", 3),
    ] {
        let token = app.token(login).await;
        for (method, path, body, allowed) in &table {
            let a = app
                .api(method.clone(), path, Some(&token), body.clone())
                .await;
            let refused = a.status == StatusCode::FORBIDDEN;
            assert_eq!(
                !refused, allowed[col],
                "{login} {method} {path}: {} {}",
                a.status, a.text
            );
        }
    }

    // A stocktake that names its participants: other staff may look but not count. One named
    // twice is named once (found by schemathesis: the second was a database error, 500).
    let other = start(&app, &manager, json!({})).await;
    let admin_id = app
        .sql("SELECT lower(hex(id)) FROM users WHERE login = 'demo-admin'")
        .await;
    let admin = uuid(&admin_id[0]);
    let named = app
        .api(
            Method::POST,
            "/stocktakes",
            Some(&manager),
            Some(json!({ "name": "只请管理员", "participants": [admin, admin] })),
        )
        .await;
    assert_eq!(named.status, StatusCode::CREATED, "{}", named.text);
    let named = named.json();
    assert_eq!(
        named["participants"].as_array().unwrap().len(),
        1,
        "{named}"
    );
    let staff = app.token("demo-staff").await;
    let nid = named["id"].as_str().unwrap();
    let r = sync(&app, &staff, &[scan_record(nid, here, tag)]).await;
    assert_eq!(r[0]["error"]["code"], "forbidden", "{r:?}");
    let r = sync(
        &app,
        &staff,
        &[scan_record(other["id"].as_str().unwrap(), here, tag)],
    )
    .await;
    assert_eq!(r[0]["outcome"], "applied", "{r:?}");
}

#[tokio::test]
async fn a_finished_stocktakes_differences_are_settled_each_with_history() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let admin = app.token("demo-admin").await;
    let st = start(&app, &manager, json!({})).await;
    let id = st["id"].as_str().unwrap().to_string();
    let picks = tagged_assets(&app, true, 3).await;
    let (moved, _, moved_tag) = &picks[0];
    let (found_here, here, found_tag) = &picks[1];
    let (lost, _, _) = &picks[2];
    let blank = app.blank_tag().await;
    let counted = sync(
        &app,
        &manager,
        &[
            scan_record(&id, here, moved_tag),
            scan_record(&id, here, found_tag),
            scan_record(&id, here, &blank),
        ],
    )
    .await;
    assert_eq!(counted[0]["class"], "misplaced");
    assert_eq!(counted[2]["class"], "surplus");
    let settle = |body: Value| {
        let app = &app;
        let (manager, id) = (manager.clone(), id.clone());
        async move {
            app.api(
                Method::POST,
                &format!("/stocktakes/{id}/settlements"),
                Some(&manager),
                Some(body),
            )
            .await
        }
    };
    // Not before it is finished.
    let early = settle(json!({ "kind": "move", "asset_id": moved })).await;
    assert_eq!(early.status, StatusCode::CONFLICT, "{}", early.text);
    finish(&app, &manager, &id).await;

    let ok = settle(json!({ "kind": "move", "asset_id": moved })).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text);
    let asset = app
        .api(
            Method::GET,
            &format!("/assets/{moved}"),
            Some(&manager),
            None,
        )
        .await
        .json();
    assert_eq!(
        asset["room"]["id"],
        here.as_str(),
        "the register follows the asset"
    );
    let again = settle(json!({ "kind": "move", "asset_id": moved })).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.text);
    // Only a real difference: an asset found where expected has nothing to settle.
    let none = settle(json!({ "kind": "write_off", "asset_id": found_here })).await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);

    let off = settle(json!({ "kind": "write_off", "asset_id": lost }))
        .await
        .json();
    let pending = off
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["asset_id"] == lost.as_str())
        .unwrap();
    assert_eq!(pending["state"], "pending");
    let pid = pending["id"].as_str().unwrap();
    let path = format!("/stocktakes/{id}/settlements/{pid}/decision");
    let by_manager = app
        .api(
            Method::POST,
            &path,
            Some(&manager),
            Some(json!({ "approve": true })),
        )
        .await;
    assert_eq!(
        by_manager.status,
        StatusCode::FORBIDDEN,
        "the admin approves a write-off"
    );
    let status = || async {
        app.api(Method::GET, &format!("/assets/{lost}"), Some(&admin), None)
            .await
            .json()["status"]
            .clone()
    };
    assert_eq!(status().await, "in_use");
    let approved = app
        .api(
            Method::POST,
            &path,
            Some(&admin),
            Some(json!({ "approve": true })),
        )
        .await;
    assert_eq!(approved.status, StatusCode::OK, "{}", approved.text);
    assert_eq!(status().await, "lost");
    let twice = app
        .api(
            Method::POST,
            &path,
            Some(&admin),
            Some(json!({ "approve": false })),
        )
        .await;
    assert_eq!(twice.status, StatusCode::NOT_FOUND);

    // 盘盈: only once the tag carries a new asset can that be recorded as the settlement.
    let other = app.some_asset(&manager).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let early = settle(json!({ "kind": "register", "asset_id": other })).await;
    assert_eq!(
        early.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        early.text
    );
    let browser = app.signed_in_browser("demo-manager").await;
    let form = [
        ("id", "new"),
        ("tag", blank.as_str()),
        ("form[name]", "盘盈的投影仪"),
        ("form[category]", "投影仪"),
        ("form[asset_code]", "PY-2026-0901"),
        ("form[status]", "in_use"),
        ("form[room_id]", here.as_str()),
    ];
    let saved = app.post_form(&browser, "/sf/save_asset", &form).await;
    assert_eq!(saved.status(), StatusCode::OK);
    let made = app
        .api(Method::GET, &format!("/tags/{blank}"), Some(&manager), None)
        .await
        .json();
    assert_eq!(made["kind"], "asset");
    let made = made["id"].as_str().unwrap().to_string();
    let registered = settle(json!({ "kind": "register", "asset_id": made })).await;
    assert_eq!(registered.status, StatusCode::OK, "{}", registered.text);
    assert!(registered
        .json()
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["kind"] == "register"
            && s["state"] == "done"
            && s["asset_id"] == made.as_str()));

    // The admin also decides on the stocktake page (its server function), the manager may not.
    let args = [("id", id.as_str()), ("target", pid), ("kind", "refuse")];
    let res = app
        .post_form(&browser, "/sf/settle_difference", &args)
        .await;
    assert_eq!(
        res.status(),
        StatusCode::FORBIDDEN,
        "only the admin decides"
    );
    let admin_browser = app.signed_in_browser("demo-admin").await;
    let res = app
        .post_form(&admin_browser, "/sf/settle_difference", &args)
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND, "already approved");

    // Every settlement left history on the stocktake, and the asset's own changes on the asset.
    let settles = app
        .sql("SELECT COUNT(*) FROM history WHERE entity = 'stocktake' AND action IN ('settle', 'write_off')")
        .await;
    assert_eq!(settles[0], "4");
    let history = app
        .api(
            Method::GET,
            &format!("/assets/{moved}/history"),
            Some(&manager),
            None,
        )
        .await
        .json();
    assert_eq!(
        history[0]["after"]["room"]["id"],
        here.as_str(),
        "{history}"
    );
}

/// Makes the asset on `tag` a batch record of `quantity` worth `fen` in all.
async fn batch(app: &TestApp, tag: &str, quantity: u32, fen: i64) {
    app.sql(&format!(
        "UPDATE assets SET quantity = {quantity}, value_fen = {fen} \
         WHERE id = (SELECT asset_id FROM tags WHERE code = '{tag}')"
    ))
    .await;
}

#[tokio::test]
async fn a_batch_record_is_counted_by_number_and_the_register_takes_the_count() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let admin = app.token("demo-admin").await;
    let picks = tagged_assets(&app, true, 3).await;
    let (chairs, here, chairs_tag) = &picks[0];
    let (stools, there, stools_tag) = &picks[1];
    let (desks, desks_room, desks_tag) = &picks[2];
    batch(&app, chairs_tag, 50, 500_000).await;
    batch(&app, stools_tag, 8, 80_000).await;
    batch(&app, desks_tag, 20, 200_000).await;
    let st = start(&app, &manager, json!({})).await;
    let id = st["id"].as_str().unwrap().to_string();
    let counted = |room: &str, tag: &str, n: Value| {
        let mut r = scan_record(&id, room, tag);
        r["record"]["counted"] = n;
        r
    };

    // A count out of bounds is refused, with its field, and writes nothing.
    for n in [json!(0), json!(100_001), json!(-3), json!("many")] {
        let r = sync(&app, &manager, &[counted(here, chairs_tag, n.clone())]).await;
        assert_eq!(r[0]["outcome"], "rejected", "{n}: {r:?}");
    }
    let r = sync(&app, &manager, &[counted(here, chairs_tag, json!(0))]).await;
    assert_eq!(r[0]["error"]["field"], "counted", "{r:?}");
    let scans = app
        .sql(&format!(
            "SELECT COUNT(*) FROM stocktake_scans WHERE school_id = {HOME_SCHOOL}"
        ))
        .await;
    assert_eq!(scans[0], "0");

    // 45 chairs of 50, 9 stools of 8, the desks all there (no number: the whole quantity).
    let r = sync(
        &app,
        &manager,
        &[
            counted(here, chairs_tag, json!(45)),
            counted(there, stools_tag, json!(9)),
            scan_record(&id, desks_room, desks_tag),
        ],
    )
    .await;
    assert!(r.iter().all(|r| r["class"] == "found"), "{r:?}");
    let seen = view(&app, &manager, &id).await;
    assert_eq!(seen["tally"]["miscounted"], 2, "{}", seen["tally"]);
    assert_eq!(room(&seen, here)["tally"]["miscounted"], 1);
    assert_eq!(room(&seen, desks_room)["tally"]["miscounted"], 0);
    let report = report_of(&app, &manager, &id).await;
    let rows = report["miscounted"].as_array().unwrap();
    let row = |asset: &str| {
        rows.iter()
            .find(|m| m["asset"]["asset_id"] == asset)
            .cloned()
    };
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(row(chairs).unwrap()["counted"], 45);
    assert_eq!(row(chairs).unwrap()["asset"]["quantity"], 50);
    assert_eq!(row(stools).unwrap()["counted"], 9);
    assert!(row(desks).is_none());
    assert!(
        report["missing"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["asset_id"] != chairs.as_str()),
        "counted short is not missing"
    );
    finish(&app, &manager, &id).await;

    let settle = |asset: &str| {
        let body = json!({ "kind": "recount", "asset_id": asset });
        let (app, manager, id) = (&app, manager.clone(), id.clone());
        async move {
            let path = format!("/stocktakes/{id}/settlements");
            app.api(Method::POST, &path, Some(&manager), Some(body))
                .await
        }
    };
    let card = |asset: &str| {
        let (app, admin) = (&app, admin.clone());
        let path = format!("/assets/{asset}");
        async move {
            let a = app.api(Method::GET, &path, Some(&admin), None).await.json();
            (a["card"]["quantity"].clone(), a["value_fen"].clone())
        }
    };
    // One over: the register takes 9 stools at once, the value at the same unit price.
    let over = settle(stools).await;
    assert_eq!(over.status, StatusCode::OK, "{}", over.text);
    assert_eq!(card(stools).await, (json!(9), json!(90_000)));
    // Five short: that lowers the register, so the admin decides first.
    let short = settle(chairs).await.json();
    let pending = short
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["asset_id"] == chairs.as_str())
        .unwrap()
        .clone();
    assert_eq!(
        (pending["state"].clone(), pending["quantity"].clone()),
        (json!("pending"), json!(45))
    );
    assert_eq!(card(chairs).await, (json!(50), json!(500_000)));
    let nothing = settle(desks).await;
    assert_eq!(
        nothing.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "counted right"
    );
    let path = format!(
        "/stocktakes/{id}/settlements/{}/decision",
        pending["id"].as_str().unwrap()
    );
    let decide = |token: &str| {
        let (app, path, token) = (&app, path.clone(), token.to_string());
        async move {
            app.api(
                Method::POST,
                &path,
                Some(&token),
                Some(json!({ "approve": true })),
            )
            .await
        }
    };
    assert_eq!(decide(&manager).await.status, StatusCode::FORBIDDEN);
    let approved = decide(&admin).await;
    assert_eq!(approved.status, StatusCode::OK, "{}", approved.text);
    assert_eq!(card(chairs).await, (json!(45), json!(450_000)));
    // Each change to the register is in the asset's history.
    let history = app
        .api(
            Method::GET,
            &format!("/assets/{chairs}/history"),
            Some(&manager),
            None,
        )
        .await
        .json();
    assert_eq!(history[0]["before"]["card"]["quantity"], 50, "{history}");
    assert_eq!(history[0]["after"]["card"]["quantity"], 45, "{history}");
}

/// The stocktake pages' server functions check the caller as the API does.
#[tokio::test]
async fn stocktake_server_functions_let_in_exactly_the_roles_they_name() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let st = start(&app, &manager, json!({})).await;
    let id = st["id"].as_str().unwrap().to_string();
    let args = [
        ("id", id.as_str()),
        ("name", "期末盘点"),
        ("building", ""),
        ("due", ""),
        ("target", &Uuid::now_v7().to_string()),
        ("kind", "found"),
    ]
    .map(|(k, v)| (k, v.to_string()));
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let reads = ["stocktakes", "stocktake", "stocktake_differences"];
    let managed = ["start_stocktake", "finish_stocktake", "settle_difference"];
    let anonymous = app.browser();
    for name in reads.iter().chain(&managed) {
        let res = app
            .post_form(&anonymous, &format!("/sf/{name}"), &args)
            .await;
        assert_eq!(
            res.status(),
            StatusCode::UNAUTHORIZED,
            "anonymous /sf/{name}"
        );
    }
    let teacher = app.signed_in_browser("demo-teacher").await;
    for name in reads.iter().chain(&managed) {
        let res = app.post_form(&teacher, &format!("/sf/{name}"), &args).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "teacher /sf/{name}");
    }
    let staff = app.signed_in_browser("demo-staff").await;
    for name in managed {
        let res = app.post_form(&staff, &format!("/sf/{name}"), &args).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "staff /sf/{name}");
    }
    let res = app.post_form(&staff, "/sf/stocktake", &args).await;
    assert_eq!(res.status(), StatusCode::OK, "staff see a stocktake");

    // The manager starts one, finishes it, and a difference that is none is refused.
    let browser = app.signed_in_browser("demo-manager").await;
    let res = app.post_form(&browser, "/sf/start_stocktake", &args).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app.post_form(&browser, "/sf/finish_stocktake", &args).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app
        .post_form(&browser, "/sf/settle_difference", &args)
        .await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "not a difference"
    );
    let list = app
        .api(Method::GET, "/stocktakes", Some(&manager), None)
        .await
        .json();
    assert_eq!(list.as_array().unwrap().len(), 2);
}

/// A whole-school stocktake with one asset counted: the manager's token and its id.
async fn one_counted(app: &TestApp) -> (String, String) {
    let manager = app.token("demo-manager").await;
    let st = start(app, &manager, json!({})).await;
    let id = st["id"].as_str().unwrap().to_string();
    let (_, here, tag) = &tagged_assets(app, true, 1).await[0];
    sync(app, &manager, &[scan_record(&id, here, tag)]).await;
    (manager, id)
}

/// A file under `/api/v1` as a browser downloads it: status, content type and bytes.
async fn download(
    app: &TestApp,
    token: &str,
    path: &str,
    lang: &str,
) -> (StatusCode, String, Vec<u8>) {
    let res = app
        .browser()
        .get(app.url(&format!("/api/v1{path}")))
        .bearer_auth(token)
        .header("accept-language", lang)
        .send()
        .await
        .unwrap();
    let kind = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok());
    let kind = kind.unwrap_or_default().to_string();
    (res.status(), kind, res.bytes().await.unwrap().to_vec())
}

#[tokio::test]
async fn the_report_downloads_as_a_workbook_with_a_sheet_for_each_part() {
    let app = spawn_app().await;
    let (manager, id) = one_counted(&app).await;
    let path = format!("/stocktakes/{id}/report.xlsx");
    let (status, kind, bytes) = download(&app, &manager, &path, "zh-CN").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        kind,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert!(bytes.starts_with(b"PK"), "a zip file");
    // The zip's directory names each part uncompressed: seven sheets and the shared strings.
    let names = String::from_utf8_lossy(&bytes);
    assert!(
        names.contains("xl/worksheets/sheet7.xml") && !names.contains("xl/worksheets/sheet8.xml")
    );
    assert!(names.contains("xl/sharedStrings.xml"));
    let unknown = format!("/stocktakes/{}/report.xlsx", Uuid::now_v7());
    let (status, _, _) = download(&app, &manager, &unknown, "zh-CN").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn damage_reported_while_counting_is_in_the_report_by_the_room_counted() {
    let app = spawn_app().await;
    let teacher = app.token("demo-teacher").await;
    let report_damage = |asset: String, what: &'static str| {
        let (app, teacher) = (&app, &teacher);
        async move {
            let body = json!({ "asset_id": asset, "description": what });
            let res = app
                .api(Method::POST, "/damage-reports", Some(teacher), Some(body))
                .await;
            assert_eq!(res.status, StatusCode::CREATED, "{}", res.text);
        }
    };
    let picks = tagged_assets(&app, true, 2).await;
    let (counted, here, tag) = &picks[0];
    let (uncounted, there, _) = &picks[1];
    report_damage(counted.clone(), "开始盘点以前报的").await;
    let manager = app.token("demo-manager").await;
    let id = start(&app, &manager, json!({})).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    sync(&app, &manager, &[scan_record(&id, here, tag)]).await;
    report_damage(counted.clone(), "椅背断裂").await;
    report_damage(counted.clone(), "又发现桌面开裂").await;
    report_damage(uncounted.clone(), "柜门脱落").await;
    let path = format!("/stocktakes/{id}/report");
    let report = || app.api(Method::GET, &path, Some(&manager), None);
    let damaged = report().await.json()["damaged"].as_array().unwrap().clone();
    let seen: Vec<(&str, &str)> = damaged
        .iter()
        .map(|d| {
            (
                d["description"].as_str().unwrap(),
                d["room_id"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("椅背断裂", here.as_str()),
            ("又发现桌面开裂", here.as_str()),
            ("柜门脱落", there.as_str())
        ],
        "only reports filed while counting, each in the room its asset was counted in or registered to"
    );
    assert_eq!(damaged[0]["by"]["name"], "王芳");
    assert_eq!(damaged[0]["asset"]["asset_id"], counted.as_str());

    let finished = finish(&app, &manager, &id).await;
    assert_eq!(finished.status, StatusCode::OK, "{}", finished.text);
    report_damage(uncounted.clone(), "盘点结束以后报的").await;
    assert_eq!(
        report().await.json()["damaged"].as_array().unwrap().len(),
        3,
        "a finished stocktake's report stays as it was"
    );
    let pdf = download(
        &app,
        &manager,
        &format!("/stocktakes/{id}/report.pdf"),
        "zh-CN",
    )
    .await;
    let text: String = poppler("pdftotext", &pdf.2).split_whitespace().collect();
    for words in ["有损坏（盘点时报告）", "椅背断裂", "柜门脱落", "损坏"] {
        assert!(text.contains(words), "{words} in the printed report");
    }
}

#[tokio::test]
async fn the_report_prints_on_a4_with_the_school_and_signature_lines() {
    let app = spawn_app().await;
    let (manager, id) = one_counted(&app).await;
    let finished = finish(&app, &manager, &id).await;
    assert_eq!(finished.status, StatusCode::OK, "{}", finished.text);
    let report = report_of(&app, &manager, &id).await;
    let missing = report["missing"].as_array().unwrap();
    assert!(
        missing.len() > 100,
        "the demo school has many assets left uncounted"
    );

    let path = format!("/stocktakes/{id}/report.pdf");
    let pdf = |lang: &'static str| {
        let (app, manager, path) = (&app, &manager, &path);
        async move {
            let (status, kind, bytes) = download(app, manager, path, lang).await;
            assert_eq!(status, StatusCode::OK);
            assert_eq!(kind, "application/pdf");
            bytes
        }
    };
    let chinese = pdf("zh-CN").await;
    let info = poppler("pdfinfo", &chinese);
    assert!(info.contains("595.3 x 841.9 pts (A4)"), "{info}");
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert!(pages >= 3, "every missing asset listed: {pages} pages");
    let text: String = poppler("pdftotext", &chinese).split_whitespace().collect();
    let school = app
        .sql(&format!(
            "SELECT name FROM schools WHERE id = {HOME_SCHOOL}"
        ))
        .await
        .remove(0);
    let last = missing.last().unwrap();
    for words in [
        school.as_str(),
        "盘点报告",
        "2026秋季盘点",
        "已结束",
        "汇总",
        "合计",
        "盘亏",
        "盘点人：",
        "监盘人：",
        "负责人：",
        "日期：",
        "第1页/共",
        &format!("第{pages}页/共{pages}页"),
        last["asset_code"].as_str().unwrap(),
    ] {
        assert!(
            text.contains(&words.replace(' ', "")),
            "{words} in the report"
        );
    }
    // The summary's header row is repeated on each page the table reaches; every page is
    // numbered.
    assert_eq!(text.matches("页/共").count(), pages);
    assert!(
        poppler("pdffonts", &chinese).contains("yes yes yes"),
        "embedded subset with ToUnicode"
    );

    let english: String = poppler("pdftotext", &pdf("en-GB,en").await)
        .split_whitespace()
        .collect();
    for words in [
        "Stocktakereport",
        "Countedby:",
        "Supervisedby:",
        "Approvedby:",
        "Page1of",
    ] {
        assert!(english.contains(words), "{words} in the English report");
    }

    let unknown = format!("/stocktakes/{}/report.pdf", Uuid::now_v7());
    let (status, _, _) = download(&app, &manager, &unknown, "zh-CN").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
