use reqwest::{Method, StatusCode};
use rounds_tests::spawn_app;
use serde_json::json;

#[tokio::test]
async fn a_revoked_token_stops_working() {
    let app = spawn_app().await;
    let token = app.token("demo-staff").await;
    assert_eq!(
        app.api(Method::GET, "/me", Some(&token), None).await.json()["login"],
        "demo-staff"
    );
    assert_eq!(
        app.api(Method::DELETE, "/auth/token", Some(&token), None)
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.api(Method::GET, "/me", Some(&token), None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let other = app.token("demo-staff").await;
    assert_eq!(
        app.api(Method::GET, "/me", Some(&other), None).await.status,
        StatusCode::OK,
        "other tokens live on"
    );
}

#[tokio::test]
async fn wrong_passwords_are_refused_and_then_slowed() {
    let app = spawn_app().await;
    let bad = json!({ "login": "demo-manager", "password": "guess" });
    for _ in 0..5 {
        let a = app
            .api(Method::POST, "/auth/token", None, Some(bad.clone()))
            .await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    }
    let a = app
        .api(
            Method::POST,
            "/auth/token",
            None,
            Some(json!({ "login": "demo-manager", "password": "rounds-demo" })),
        )
        .await;
    assert_eq!(
        a.status,
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits after five failures"
    );
    let unknown = app
        .api(
            Method::POST,
            "/auth/token",
            None,
            Some(json!({ "login": "nobody", "password": "x" })),
        )
        .await;
    assert_eq!(
        unknown.json()["error"]["code"],
        "too_many_attempts",
        "the address is slowed as well"
    );
}

#[tokio::test]
async fn signing_in_sets_a_fresh_httponly_lax_cookie_and_signing_out_ends_it() {
    let app = spawn_app().await;
    let client = app.browser();
    let form = [
        ("login", "demo-staff"),
        ("password", "rounds-demo"),
        ("next", "/t/7K3M9QX2"),
    ];
    let first = app.post_form(&client, "/auth/signin", &form).await;
    assert_eq!(first.headers()["location"], "/t/7K3M9QX2");
    let cookie = first.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax")
            && !cookie.contains("Secure")
    );
    let second = app.post_form(&client, "/auth/signin", &form).await;
    let cookie2 = second.headers()["set-cookie"].to_str().unwrap().to_string();
    assert_ne!(
        cookie.split(';').next(),
        cookie2.split(';').next(),
        "a new session id at every sign-in"
    );
    assert_eq!(app.page(&client, "/").await.status, StatusCode::OK);
    client.post(app.url("/auth/signout")).send().await.unwrap();
    assert_eq!(
        app.page(&client, "/").await.status,
        StatusCode::SEE_OTHER,
        "signed out"
    );
    let evil = app
        .post_form(
            &client,
            "/auth/signin",
            &[
                ("login", "demo-staff"),
                ("password", "rounds-demo"),
                ("next", "//evil.example/"),
            ],
        )
        .await;
    assert_eq!(evil.headers()["location"], "/", "no open redirect");
}

#[tokio::test]
async fn cross_site_form_posts_are_refused() {
    let app = spawn_app().await;
    let browser = app.signed_in_browser("demo-manager").await;
    let res = browser
        .post(app.url("/sf/save_building"))
        .header("origin", "http://evil.example")
        .form(&[("id", "new"), ("name", "跨站楼")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let same = browser
        .post(app.url("/sf/save_building"))
        .header("origin", app.base.as_str())
        .form(&[("id", "new"), ("name", "本站楼")])
        .send()
        .await
        .unwrap();
    assert_eq!(same.status(), StatusCode::OK);
    let names = app
        .sql("SELECT name FROM buildings WHERE name LIKE '%站楼'")
        .await;
    assert_eq!(names, vec!["本站楼"]);
}

/// The id of the user a token belongs to.
async fn user_id(app: &rounds_tests::TestApp, token: &str) -> String {
    app.api(Method::GET, "/me", Some(token), None).await.json()["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// The admin's user form for demo-staff (程财宝), active or not, with a new password or none.
fn staff_form<'a>(id: &'a str, active: bool, password: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("id", id),
        ("form[login]", "demo-staff"),
        ("form[display_name]", "程财宝"),
        ("form[role]", "staff"),
        ("form[password]", password),
    ];
    if active {
        form.push(("form[active]", "on"));
    }
    form
}

#[tokio::test]
async fn a_disabled_user_is_signed_out_and_cannot_sign_in() {
    let app = spawn_app().await;
    let staff_token = app.token("demo-staff").await;
    let admin = app.signed_in_browser("demo-admin").await;
    let id = user_id(&app, &staff_token).await;
    let form = staff_form(&id, false, "");
    let res = app.post_form(&admin, "/sf/save_user", &form).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        app.api(Method::GET, "/me", Some(&staff_token), None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let a = app
        .api(
            Method::POST,
            "/auth/token",
            None,
            Some(json!({ "login": "demo-staff", "password": "rounds-demo" })),
        )
        .await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn odd_sign_in_forms_are_answered_calmly() {
    let app = spawn_app().await;
    let client = app.browser();
    let odd_next = [
        ("login", "demo-staff"),
        ("password", "rounds-demo"),
        ("next", "/搜索\r\nSet-Cookie: x=1"),
    ];
    let res = app.post_form(&client, "/auth/signin", &odd_next).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/");
    let missing = app
        .post_form(&client, "/auth/signin", &[("login", "demo-staff")])
        .await;
    assert_eq!(missing.headers()["location"], "/signin?error=credentials");
    let lang = client
        .post(app.url("/auth/lang"))
        .body("%%%")
        .send()
        .await
        .unwrap();
    assert_eq!(lang.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        reqwest::get(app.url("/healthz")).await.unwrap().status(),
        StatusCode::OK,
        "still serving"
    );
}

#[tokio::test]
async fn behind_https_cookies_are_secure_and_tags_use_the_public_url() {
    let app = rounds_tests::spawn_app_behind(Some("https://rounds.school.example")).await;
    let res = app
        .browser()
        .post(app.url("/auth/signin"))
        .form(&[
            ("login", "demo-staff"),
            ("password", "rounds-demo"),
            ("next", "/"),
        ])
        .send()
        .await
        .unwrap();
    assert!(res.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("; Secure"));
    let token = app.token("demo-staff").await;
    let code = app.some_asset(&token).await["tag"]
        .as_str()
        .unwrap()
        .to_string();
    let tag = app
        .api(Method::GET, &format!("/tags/{code}"), Some(&token), None)
        .await
        .json();
    assert_eq!(
        tag["url"],
        format!("https://rounds.school.example/t/{code}")
    );
}

/// Whether a browser or a token is still signed in, by `/api/v1/me`.
async fn signed_in(
    app: &rounds_tests::TestApp,
    browser: Option<&reqwest::Client>,
    token: Option<&str>,
) -> bool {
    let res = match browser {
        Some(b) => b.get(app.url("/api/v1/me")).send().await.unwrap().status(),
        None => app.api(Method::GET, "/me", token, None).await.status,
    };
    res == StatusCode::OK
}

#[tokio::test]
async fn a_browser_session_ends_after_12_idle_hours_and_a_week_however_busy() {
    use chrono::Duration;
    let app = spawn_app().await;
    let idle = app.signed_in_browser("demo-staff").await;
    app.clock.advance(Duration::hours(11));
    assert!(
        signed_in(&app, Some(&idle), None).await,
        "11 hours idle is fine"
    );
    app.clock.advance(Duration::hours(11));
    assert!(
        signed_in(&app, Some(&idle), None).await,
        "its last request was 11 hours ago"
    );
    app.clock
        .advance(Duration::hours(12) + Duration::minutes(1));
    assert!(
        !signed_in(&app, Some(&idle), None).await,
        "12 hours without a request end it"
    );
    assert_eq!(
        app.page(&idle, "/rounds").await.location(),
        "/signin?next=%2Frounds",
        "the page asks to sign in again"
    );

    let busy = app.signed_in_browser("demo-staff").await;
    let token = app.token("demo-staff").await;
    for _ in 0..(7 * 24 / 8 - 1) {
        app.clock.advance(Duration::hours(8));
        assert!(signed_in(&app, Some(&busy), None).await);
        assert!(signed_in(&app, None, Some(&token)).await);
    }
    app.clock.advance(Duration::hours(8) + Duration::minutes(1));
    assert!(
        !signed_in(&app, Some(&busy), None).await,
        "a week after sign-in it ends"
    );
    assert!(
        signed_in(&app, None, Some(&token)).await,
        "a token lives longer"
    );

    app.clock.advance(Duration::days(30) + Duration::minutes(1));
    assert!(
        !signed_in(&app, None, Some(&token)).await,
        "a token unused for 30 days ends"
    );
    let used = app.token("demo-staff").await;
    for _ in 0..(365 / 20) {
        app.clock.advance(Duration::days(20));
        assert!(signed_in(&app, None, Some(&used)).await);
    }
    app.clock.advance(Duration::days(6));
    assert!(
        !signed_in(&app, None, Some(&used)).await,
        "a token ends a year after it was issued"
    );
}

#[tokio::test]
async fn signing_out_everywhere_ends_every_browser_and_token_of_the_user_only() {
    let app = spawn_app().await;
    let phone = app.signed_in_browser("demo-staff").await;
    let laptop = app.signed_in_browser("demo-staff").await;
    let token = app.token("demo-staff").await;
    let other = app.signed_in_browser("demo-teacher").await;
    let res = app.post_form(&phone, "/auth/sessions/end", &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/signin");
    assert!(res.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    for b in [&phone, &laptop] {
        assert!(!signed_in(&app, Some(b), None).await);
    }
    assert!(!signed_in(&app, None, Some(&token)).await);
    assert!(
        signed_in(&app, Some(&other), None).await,
        "another user stays signed in"
    );

    // The same over the API, and the history says who ended how many.
    let again = app.token("demo-staff").await;
    let browser = app.signed_in_browser("demo-staff").await;
    let res = app
        .api(Method::DELETE, "/auth/sessions", Some(&again), None)
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json()["ended"], 2);
    assert!(!signed_in(&app, None, Some(&again)).await);
    assert!(!signed_in(&app, Some(&browser), None).await);
    let rows = app
        .sql(
            "SELECT count(*) FROM history WHERE entity = 'user' AND CAST(after AS TEXT) LIKE '%sessions%' \
             AND entity_id = (SELECT id FROM users WHERE login = 'demo-staff')",
        )
        .await;
    assert_eq!(
        rows,
        vec!["2".to_string()],
        "each sign-out everywhere is in the history"
    );
}

#[tokio::test]
async fn an_admin_ends_a_users_sessions_and_nobody_else_may() {
    let app = spawn_app().await;
    let staff = app.signed_in_browser("demo-staff").await;
    let staff_token = app.token("demo-staff").await;
    let id = user_id(&app, &staff_token).await;
    let teacher = app.signed_in_browser("demo-teacher").await;
    let manager = app.signed_in_browser("demo-manager").await;
    for (who, browser) in [("teacher", &teacher), ("asset manager", &manager)] {
        let res = app
            .post_form(browser, "/auth/sessions/end", &[("user", id.as_str())])
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{who}");
        assert!(
            signed_in(&app, Some(&staff), None).await,
            "{who} ended nothing"
        );
    }
    let admin = app.signed_in_browser("demo-admin").await;
    for odd in ["not-an-id", &uuid::Uuid::now_v7().to_string()] {
        let res = app
            .post_form(&admin, "/auth/sessions/end", &[("user", odd)])
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{odd}");
    }
    let res = app
        .post_form(&admin, "/auth/sessions/end", &[("user", id.as_str())])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers()["location"],
        format!("/manage/users/{id}?ended=2")
    );
    assert!(!signed_in(&app, Some(&staff), None).await);
    assert!(!signed_in(&app, None, Some(&staff_token)).await);
    assert!(
        signed_in(&app, Some(&admin), None).await,
        "the admin stays signed in"
    );
    let page = app
        .page(&admin, &format!("/manage/users/{id}?ended=2"))
        .await;
    assert!(
        page.text.contains("已结束 2 个登录。"),
        "the page says how many ended"
    );

    // A password set by the admin ends the user's sessions too.
    let again = app.signed_in_browser("demo-staff").await;
    let form = staff_form(&id, true, "a-new-password-1");
    let res = app.post_form(&admin, "/sf/save_user", &form).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        !signed_in(&app, Some(&again), None).await,
        "a new password ends the old sign-ins"
    );
}
