use reqwest::{Method, StatusCode};
use rounds_tests::spawn_app;

#[tokio::test]
async fn an_asset_tag_resolves_to_its_asset_at_the_public_url() {
    let app = spawn_app().await;
    let token = app.token("demo-staff").await;
    let asset = app.some_asset(&token).await;
    let code = asset["tag"].as_str().unwrap();
    let a = app
        .api(Method::GET, &format!("/tags/{code}"), Some(&token), None)
        .await;
    assert_eq!(a.status, StatusCode::OK);
    let tag = a.json();
    assert_eq!(tag["kind"], "asset");
    assert_eq!(tag["id"], asset["id"]);
    assert_eq!(tag["url"], format!("{}/t/{code}", app.base));
}

#[tokio::test]
async fn a_room_tag_resolves_to_its_room() {
    let app = spawn_app().await;
    let token = app.token("demo-teacher").await;
    let room = app.some_room(&token).await;
    let a = app
        .api(
            Method::GET,
            &format!("/tags/{}", room["tag"].as_str().unwrap()),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(a.json()["kind"], "room");
    assert_eq!(a.json()["id"], room["id"]);
}

#[tokio::test]
async fn a_blank_tag_is_unassigned_and_an_unknown_one_is_not_found() {
    let app = spawn_app().await;
    let token = app.token("demo-staff").await;
    let blank = app.blank_tag().await;
    let a = app
        .api(Method::GET, &format!("/tags/{}", blank), Some(&token), None)
        .await;
    assert_eq!(a.json()["kind"], "unassigned");
    assert!(a.json()["id"].is_null());
    let a = app
        .api(Method::GET, "/tags/ZZZZZZZZ", Some(&token), None)
        .await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert_eq!(a.json()["error"]["code"], "not_found");
    let a = app.api(Method::GET, "/tags/abc", Some(&token), None).await;
    assert_eq!(
        a.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a code of the wrong shape says so"
    );
}

#[tokio::test]
async fn a_code_typed_in_lower_case_with_dashes_and_spaces_still_resolves() {
    let app = spawn_app().await;
    let token = app.token("demo-staff").await;
    let code = app.some_asset(&token).await["tag"]
        .as_str()
        .unwrap()
        .to_string();
    let mangled = format!(
        "{}-{}%20",
        code[..4].to_lowercase(),
        code[4..].to_lowercase()
    );
    let a = app
        .api(Method::GET, &format!("/tags/{mangled}"), Some(&token), None)
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.json()["code"], code);
}

#[tokio::test]
async fn tag_pages_open_the_asset_the_room_a_blank_tag_or_a_404() {
    let app = spawn_app().await;
    let token = app.token("demo-manager").await;
    let browser = app.signed_in_browser("demo-manager").await;
    let asset = app.some_asset(&token).await;
    let page = app
        .page(
            &browser,
            &format!("/t/{}", asset["tag"].as_str().unwrap().to_lowercase()),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text.contains(asset["name"].as_str().unwrap())
            && page.text.contains(asset["room"]["name"].as_str().unwrap())
    );
    let room = app.some_room(&token).await;
    let page = app
        .page(&browser, &format!("/t/{}", room["tag"].as_str().unwrap()))
        .await;
    assert!(page.text.contains(room["name"].as_str().unwrap()) && page.text.contains("室内资产"));
    let blank = app.blank_tag().await;
    let page = app.page(&browser, &format!("/t/{}", blank)).await;
    assert!(
        page.text.contains("绑定此标签"),
        "a manager may link a blank tag"
    );
    let teacher = app.signed_in_browser("demo-teacher").await;
    let page = app.page(&teacher, &format!("/t/{}", blank)).await;
    assert!(page.text.contains("请联系资产管理员绑定") && !page.text.contains("绑定此标签"));
    let page = app.page(&browser, "/t/ZZZZZZZZ").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(page.text.contains("未知标签"));
}

#[tokio::test]
async fn a_manager_links_a_blank_tag_to_a_room_and_the_old_tag_is_freed() {
    let app = spawn_app().await;
    let token = app.token("demo-manager").await;
    let browser = app.signed_in_browser("demo-manager").await;
    let room = app.some_room(&token).await;
    let old = room["tag"].as_str().unwrap().to_string();
    let blank = app.blank_tag().await;
    let claim = [
        ("code", blank.as_str()),
        ("room_id", room["id"].as_str().unwrap()),
        ("asset_code", ""),
    ];
    let res = app.post_form(&browser, "/sf/claim_tag", &claim).await;
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap_or_default()
    );
    let a = app
        .api(Method::GET, &format!("/tags/{}", blank), Some(&token), None)
        .await;
    assert_eq!(a.json()["kind"], "room");
    let a = app
        .api(Method::GET, &format!("/tags/{old}"), Some(&token), None)
        .await;
    assert_eq!(a.json()["kind"], "unassigned");
    let hist = app
        .api(
            Method::GET,
            &format!("/rooms/{}/history", room["id"].as_str().unwrap()),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(hist.json()[0]["action"], "claim");
    let again = app.post_form(&browser, "/sf/claim_tag", &claim).await;
    assert_eq!(
        again.status(),
        StatusCode::CONFLICT,
        "a linked tag cannot be claimed twice"
    );
}
