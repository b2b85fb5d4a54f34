use reqwest::{Method, StatusCode};
use rounds_tests::{spawn_app, REGISTER_MANAGERS};
use serde_json::json;

#[tokio::test]
async fn anonymous_pages_go_to_sign_in_and_come_back() {
    let app = spawn_app().await;
    for path in ["/", "/t/7K3M9QX2", "/manage/assets", "/search?q=x"] {
        let a = app.page(&app.browser(), path).await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{path}");
        assert!(
            a.location().starts_with("/signin?next=%2F"),
            "{path} → {}",
            a.location()
        );
    }
    let a = app.page(&app.browser(), "/signin").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(
        a.text.contains("demo-teacher"),
        "demo accounts listed in demo mode"
    );
}

#[tokio::test]
async fn a_teacher_cannot_edit_an_asset_or_create_a_room() {
    let app = spawn_app().await;
    let teacher = app.token("demo-teacher").await;
    let asset = app.some_asset(&teacher).await;
    let id = asset["id"].as_str().unwrap();
    let a = app
        .api(
            Method::PATCH,
            &format!("/assets/{id}"),
            Some(&teacher),
            Some(json!({ "name": "x" })),
        )
        .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    let a = app
        .api(
            Method::POST,
            "/buildings",
            Some(&teacher),
            Some(json!({ "name": "x" })),
        )
        .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    let browser = app.signed_in_browser("demo-teacher").await;
    let res = browser
        .post(app.url("/sf/save_asset"))
        .form(&[
            ("id", id),
            ("form[name]", "x"),
            ("form[category]", "x"),
            ("form[asset_code]", "X1"),
            ("form[status]", "in_use"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::FORBIDDEN,
        "the server function checks the role too"
    );
    let after = app
        .api(Method::GET, &format!("/assets/{id}"), Some(&teacher), None)
        .await;
    assert_eq!(after.json()["name"], asset["name"], "nothing changed");
}

#[tokio::test]
async fn staff_cannot_manage_users_but_the_admin_can() {
    let app = spawn_app().await;
    let staff = app.signed_in_browser("demo-staff").await;
    assert_eq!(
        app.page(&staff, "/manage/users").await.status,
        StatusCode::FORBIDDEN
    );
    let form = [
        ("id", "new"),
        ("form[login]", "intruder"),
        ("form[display_name]", "x"),
        ("form[role]", "admin"),
        ("form[password]", "long-enough-1"),
        ("form[active]", "on"),
    ];
    let res = app.post_form(&staff, "/sf/save_user", &form).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let manager = app.signed_in_browser("demo-manager").await;
    let res = app.post_form(&manager, "/sf/save_user", &form).await;
    assert_eq!(
        res.status(),
        StatusCode::FORBIDDEN,
        "managing users is the admin's alone"
    );
    let admin = app.signed_in_browser("demo-admin").await;
    let form = [
        ("id", "new"),
        ("form[login]", "newteacher"),
        ("form[display_name]", "新老师"),
        ("form[role]", "teacher"),
        ("form[password]", rounds_tests::PASSWORD),
        ("form[active]", "on"),
    ];
    let res = app.post_form(&admin, "/sf/save_user", &form).await;
    assert_eq!(res.status(), StatusCode::OK);
    app.signed_in_browser("newteacher").await;
}

#[tokio::test]
async fn managers_and_admins_may_change_the_register() {
    let app = spawn_app().await;
    for login in ["demo-manager", "demo-admin"] {
        let token = app.token(login).await;
        let room = app.some_room(&token).await;
        let a = app
            .api(
                Method::PATCH,
                &format!("/rooms/{}", room["id"].as_str().unwrap()),
                Some(&token),
                Some(json!({ "floor": 3 })),
            )
            .await;
        assert_eq!(a.status, StatusCode::OK, "{login}: {}", a.text);
        assert_eq!(a.json()["floor"], 3);
    }
    let staff = app.token("demo-staff").await;
    let room = app.some_room(&staff).await;
    let a = app
        .api(
            Method::PATCH,
            &format!("/rooms/{}", room["id"].as_str().unwrap()),
            Some(&staff),
            Some(json!({ "floor": 2 })),
        )
        .await;
    assert_eq!(
        a.status,
        StatusCode::FORBIDDEN,
        "staff read the register but do not edit it"
    );
}

/// Every write route of the API, for every role: only the asset manager and the admin pass.
#[tokio::test]
async fn the_role_matrix_for_register_writes() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let room = app.some_room(&manager).await;
    let asset = app.some_asset(&manager).await;
    let room_path = format!("/rooms/{}", room["id"].as_str().unwrap());
    let asset_path = format!("/assets/{}", asset["id"].as_str().unwrap());
    for (login, allowed) in REGISTER_MANAGERS {
        let token = app.token(login).await;
        let writes = [
            (
                Method::POST,
                "/buildings".to_string(),
                json!({ "name": format!("{login}楼") }),
            ),
            (
                Method::POST,
                "/rooms".to_string(),
                json!({ "name": format!("{login}室"), "kind": "office", "building_id": room["building"]["id"] }),
            ),
            (Method::PATCH, room_path.clone(), json!({ "floor": 1 })),
            (
                Method::POST,
                "/assets".to_string(),
                json!({ "category": "x", "name": "x", "asset_code": format!("M-{login}") }),
            ),
            (Method::PATCH, asset_path.clone(), json!({ "notes": login })),
        ];
        for (method, path, body) in writes {
            let a = app
                .api(method.clone(), &path, Some(&token), Some(body))
                .await;
            if allowed {
                assert!(
                    a.status.is_success(),
                    "{login} {method} {path}: {} {}",
                    a.status,
                    a.text
                );
            } else {
                assert_eq!(a.status, StatusCode::FORBIDDEN, "{login} {method} {path}");
            }
        }
        for path in [
            "/rooms",
            "/assets",
            "/buildings",
            &room_path,
            &asset_path,
            "/me",
        ] {
            let a = app.api(Method::GET, path, Some(&token), None).await;
            assert_eq!(a.status, StatusCode::OK, "{login} reads {path}");
        }
    }
}

/// Server functions check the caller too: anonymous calls get 401, the wrong role 403.
#[tokio::test]
async fn server_functions_refuse_anonymous_callers_and_the_wrong_role() {
    let app = spawn_app().await;
    let reads = ["home", "room", "asset", "tag", "search", "buildings"];
    let managed = [
        "room_editor",
        "asset_editor",
        "save_room",
        "save_asset",
        "save_building",
        "claim_tag",
    ];
    let admin_only = ["users", "user_editor", "save_user"];
    // Every argument any of them takes, so each gets past decoding to its own check.
    let args = [
        ("id", "new"),
        ("code", "7K3M9QX2"),
        ("q", "x"),
        ("offset", "0"),
        ("name", "x"),
        ("room_id", ""),
        ("asset_code", ""),
        ("form[name]", "x"),
        ("form[kind]", "office"),
        ("form[building_id]", "x"),
        ("form[category]", "x"),
        ("form[asset_code]", "X"),
        ("form[status]", "in_use"),
        ("form[login]", "xx"),
        ("form[display_name]", "x"),
        ("form[role]", "teacher"),
    ];
    let anonymous = app.browser();
    for name in reads.iter().chain(&managed).chain(&admin_only) {
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
    for name in managed.iter().chain(&admin_only) {
        let res = app.post_form(&teacher, &format!("/sf/{name}"), &args).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "teacher /sf/{name}");
    }
    let manager = app.signed_in_browser("demo-manager").await;
    for name in admin_only {
        let res = app.post_form(&manager, &format!("/sf/{name}"), &args).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "manager /sf/{name}");
    }
}
