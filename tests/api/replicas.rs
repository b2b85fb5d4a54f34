//! Two server processes on one database (this test's own and a `rounds serve` beside it), as
//! behind a load balancer, act as one server: a browser signed in on one is signed in on the
//! other, and signed out on the other, on neither; a token made on one works on the other (and
//! revoked on the other, on neither); failed sign-ins count across both; and a sync batch sent to
//! both at once stores each record once.

use crate::rounds::{assets, fire_template, id_of, inspection, stored, sync};
use reqwest::{Method, StatusCode};
use rounds_tests::{spawn_app, TestApp, PASSWORD};
use serde_json::{json, Value};

#[tokio::test]
async fn two_servers_on_one_database_act_as_one() {
    let a = spawn_app().await;
    let b = a.replica().await;

    let form = [
        ("login", "demo-teacher"),
        ("password", PASSWORD),
        ("next", "/"),
    ];
    let signed_in = a.post_form(&a.browser(), "/auth/signin", &form).await;
    let set_cookie = signed_in.headers()["set-cookie"].to_str().unwrap();
    let cookie = set_cookie.split(';').next().unwrap().to_string();
    assert_eq!(
        home(&b, &cookie).await,
        StatusCode::OK,
        "a session made on one server is a session on the other"
    );
    let out = b
        .browser()
        .post(b.url("/auth/signout"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        home(&a, &cookie).await,
        StatusCode::SEE_OTHER,
        "signed out on one server, the session is over on the other"
    );

    let staff = a.token("demo-staff").await;
    let me = b.api(Method::GET, "/me", Some(&staff), None).await;
    assert_eq!(
        me.status,
        StatusCode::OK,
        "a token made on one server works on the other"
    );

    let try_sign_in =
        |password: &'static str| json!({ "login": "demo-manager", "password": password });
    for app in [&a, &b, &a, &b, &a] {
        let wrong = app
            .api(
                Method::POST,
                "/auth/token",
                None,
                Some(try_sign_in("not-the-password")),
            )
            .await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    }
    let sixth = b
        .api(
            Method::POST,
            "/auth/token",
            None,
            Some(try_sign_in(PASSWORD)),
        )
        .await;
    assert_eq!(
        sixth.status,
        StatusCode::TOO_MANY_REQUESTS,
        "five failures spread over both servers make the sixth try wait: {}",
        sixth.text
    );

    let template = fire_template(&a, &staff).await;
    let list = assets(&a, "消防器材", 6).await;
    let records: Vec<Value> = list.iter().map(|x| inspection(&template, x)).collect();
    let (left, right) = tokio::join!(sync(&a, &staff, &records), sync(&b, &staff, &records));
    for (i, id) in records.iter().map(id_of).enumerate() {
        let (l, r) = (&left["results"][i], &right["results"][i]);
        assert_eq!((&l["id"], &r["id"]), (&json!(id), &json!(id)));
        let applied = [l, r].iter().filter(|x| x["outcome"] == "applied").count();
        assert_eq!(applied, 1, "applied by exactly one server: {l} {r}");
    }
    assert_eq!(stored(&a, &records).await, [1; 6]);

    let revoked = b
        .api(Method::DELETE, "/auth/token", Some(&staff), None)
        .await;
    assert_eq!(revoked.status, StatusCode::NO_CONTENT);
    let after = a.api(Method::GET, "/me", Some(&staff), None).await;
    assert_eq!(
        after.status,
        StatusCode::UNAUTHORIZED,
        "revoked on one, refused on the other"
    );
}

/// The home page's status for a browser that sends only this session cookie.
async fn home(app: &TestApp, cookie: &str) -> StatusCode {
    let answer = app
        .browser()
        .get(app.url("/"))
        .header("cookie", cookie)
        .send()
        .await
        .expect("the server answers");
    answer.status()
}
