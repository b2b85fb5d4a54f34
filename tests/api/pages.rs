use reqwest::StatusCode;
use rounds_tests::spawn_app;

#[tokio::test]
async fn home_lists_my_rooms_and_my_responsibilities() {
    let app = spawn_app().await;
    let teacher = app.signed_in_browser("demo-teacher").await;
    let home = app.page(&teacher, "/").await;
    assert!(
        home.text.contains("三年级（2）班"),
        "the teacher's own classroom"
    );
    let staff = app.signed_in_browser("demo-staff").await;
    let home = app.page(&staff, "/").await;
    assert!(home.text.contains("学校设施设备的检查与维护") && home.text.contains("程财宝"));
}

#[tokio::test]
async fn the_english_switch_is_remembered_for_the_user() {
    let app = spawn_app().await;
    let browser = app.signed_in_browser("demo-staff").await;
    app.post_form(&browser, "/auth/lang", &[("lang", "en"), ("next", "/")])
        .await;
    assert!(app
        .page(&browser, "/")
        .await
        .text
        .contains("My responsibilities"));
    let phone = app.signed_in_browser("demo-staff").await;
    let home = app.page(&phone, "/").await;
    assert!(
        home.text.contains("My responsibilities"),
        "another browser of the same user is in English too"
    );
    assert!(home.text.contains(r#"lang="en""#));
}

#[tokio::test]
async fn a_scanned_url_or_typed_code_in_search_opens_the_record() {
    let app = spawn_app().await;
    let token = app.token("demo-staff").await;
    let code = app.some_asset(&token).await["tag"]
        .as_str()
        .unwrap()
        .to_string();
    let browser = app.signed_in_browser("demo-staff").await;
    for q in [
        code.to_lowercase(),
        format!("http%3A%2F%2Fschool.example%2Ft%2F{code}"),
    ] {
        let res = browser
            .get(app.url(&format!("/search?q={q}")))
            .header("accept", "text/html")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FOUND, "{q}");
        assert_eq!(res.headers()["location"], format!("/t/{code}"));
    }
}

#[tokio::test]
async fn health_answers_and_static_files_come_with_nosniff() {
    let app = spawn_app().await;
    let res = reqwest::get(app.url("/healthz")).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
}

#[tokio::test]
async fn scanned_records_arrive_without_wasm_and_forms_bring_it() {
    let app = spawn_app().await;
    let token = app.token("demo-manager").await;
    let asset = app.some_asset(&token).await;
    let browser = app.signed_in_browser("demo-manager").await;
    let scan = app
        .page(&browser, &format!("/t/{}", asset["tag"].as_str().unwrap()))
        .await;
    assert!(
        !scan.text.contains("_bg.wasm") && !scan.text.contains("<leptos-island"),
        "a scanned record needs no wasm"
    );
    let edit = app
        .page(
            &browser,
            &format!("/manage/assets/{}", asset["id"].as_str().unwrap()),
        )
        .await;
    assert_eq!(
        edit.text.matches("_bg.wasm").count(),
        1,
        "the edit form loads the wasm once"
    );
    assert!(edit.text.contains("<leptos-island"));
}

/// The `/pkg/…` paths a page links (stylesheet, islands script and wasm).
fn linked_pkg_files(html: &str) -> Vec<String> {
    html.split("href=\"/pkg/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|name| format!("/pkg/{name}"))
        .collect()
}

#[tokio::test]
async fn pages_link_the_built_site_by_hashed_names_kept_for_good() {
    let app = spawn_app().await;
    let manager = app.signed_in_browser("demo-manager").await;
    let token = app.token("demo-manager").await;
    let assets = app.get_json(&token, "/assets?limit=1").await;
    let id = assets["items"][0]["id"].as_str().unwrap().to_string();
    let editor = app.page(&manager, &format!("/manage/assets/{id}")).await;
    let linked = linked_pkg_files(&editor.text);
    let hashed = |stem: &str, rest: &str| {
        linked.iter().find(|p| {
            p.strip_prefix(&format!("/pkg/{stem}."))
                .and_then(|tail| tail.strip_suffix(rest))
                .is_some_and(|hash| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
        })
    };
    let css = hashed("rounds", ".css").expect("the stylesheet by its hashed name");
    let js = hashed("rounds-forms", ".js").expect("the editor's islands bundle, forms");
    let wasm = hashed("rounds-forms", "_bg.wasm").expect("its wasm, by the same hash");
    assert_eq!(
        js.trim_end_matches(".js"),
        wasm.trim_end_matches("_bg.wasm")
    );
    assert!(
        !editor.text.contains("rounds-inspect") && !editor.text.contains("rounds-labels"),
        "a page loads its own bundle only"
    );
    for (hashed, plain) in [
        (css, "/pkg/rounds.css"),
        (js, "/pkg/rounds-forms.js"),
        (wasm, "/pkg/rounds-forms_bg.wasm"),
    ] {
        let kept = reqwest::get(app.url(hashed)).await.unwrap();
        assert_eq!(kept.status(), StatusCode::OK, "{hashed}");
        assert_eq!(
            kept.headers()["cache-control"],
            "public, max-age=31536000, immutable",
            "{hashed}"
        );
        let plain = reqwest::get(app.url(plain)).await.unwrap();
        assert_eq!(plain.headers()["cache-control"], "no-cache", "{plain:?}");
        assert_eq!(
            kept.bytes().await.unwrap(),
            plain.bytes().await.unwrap(),
            "{hashed} is the file itself"
        );
    }
    let labels = app.page(&manager, "/manage/labels").await;
    assert!(
        linked_pkg_files(&labels.text)
            .iter()
            .any(|p| p.starts_with("/pkg/rounds-labels.")),
        "the labels desk loads the labels bundle"
    );
}

#[tokio::test]
async fn the_built_site_is_sent_precompressed_and_revalidated_by_etag() {
    let app = spawn_app().await;
    let client = reqwest::Client::builder()
        .no_brotli()
        .no_gzip()
        .build()
        .unwrap();
    let res = client
        .get(app.url("/pkg/rounds.css"))
        .header("accept-encoding", "br, gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "run .ci/build-site before the tests"
    );
    assert_eq!(res.headers()["content-encoding"], "br");
    let etag = res.headers()["etag"].clone();
    let again = client
        .get(app.url("/pkg/rounds.css"))
        .header("if-none-match", etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    let wasm = client
        .get(app.url("/pkg/rounds-forms_bg.wasm"))
        .send()
        .await
        .unwrap();
    assert_eq!(wasm.headers()["content-type"], "application/wasm");
}

/// The nonce a page's Content-Security-Policy allows, and every inline script of the page.
fn nonce_and_inline_scripts(page: &rounds_tests::Answer) -> (String, Vec<String>) {
    let policy = page.headers["content-security-policy"].to_str().unwrap();
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .unwrap_or_default()
        .to_string();
    let inline = page
        .text
        .split("<script")
        .skip(1)
        .map(|tag| tag.split('>').next().unwrap_or_default().to_string())
        .filter(|attrs| !attrs.contains("src=") && !attrs.contains("application/json"))
        .collect();
    (nonce, inline)
}

#[tokio::test]
async fn every_page_sends_a_strict_policy_and_its_only_inline_script_carries_the_nonce() {
    let app = spawn_app().await;
    let token = app.token("demo-manager").await;
    let asset = app.some_asset(&token).await;
    let id = asset["id"].as_str().unwrap();
    let browser = app.signed_in_browser("demo-manager").await;
    let mut nonces = Vec::new();
    for path in [
        "/".to_string(),
        format!("/t/{}", asset["tag"].as_str().unwrap()),
        format!("/manage/assets/{id}"),
        "/rounds".into(),
        "/scan".into(),
        "/manage/labels".into(),
    ] {
        let page = app.page(&browser, &path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        let policy = page.headers["content-security-policy"].to_str().unwrap();
        assert!(
            policy.contains("script-src 'self' 'nonce-")
                && policy.contains("style-src 'self';")
                && policy.contains("frame-ancestors 'none'")
                && !policy.contains("unsafe-inline")
                && !policy.contains("'unsafe-eval'"),
            "{path}: {policy}"
        );
        let (nonce, inline) = nonce_and_inline_scripts(&page);
        assert!(nonce.len() >= 16, "{path}: a nonce of 16 bytes or more");
        for attrs in &inline {
            assert!(
                attrs.contains(&format!("nonce=\"{nonce}\"")),
                "{path}: an inline script without the page's nonce: <script{attrs}>"
            );
        }
        assert!(
            !page.text.contains(" style=\""),
            "{path}: no inline style attribute"
        );
        assert_eq!(page.headers["cache-control"], "no-store", "{path}");
        assert!(page.headers.get("strict-transport-security").is_none());
        let camera = page.headers["permissions-policy"].to_str().unwrap();
        assert_eq!(
            camera.starts_with("camera=(self)"),
            path == "/scan",
            "{path}: the camera only where the scanner is: {camera}"
        );
        nonces.push(nonce);
    }
    let editor = app.page(&browser, &format!("/manage/assets/{id}")).await;
    let (nonce, inline) = nonce_and_inline_scripts(&editor);
    assert!(
        !inline.is_empty(),
        "the editor loads its islands by an inline script"
    );
    nonces.push(nonce);
    nonces.sort();
    nonces.dedup();
    assert_eq!(nonces.len(), 7, "a fresh nonce for every page");

    let css = reqwest::get(app.url("/pkg/rounds.css")).await.unwrap();
    assert!(css
        .headers()
        .get("cache-control")
        .is_none_or(|v| v != "no-store"));
    let api = app
        .api(reqwest::Method::GET, "/me", Some(&token), None)
        .await;
    assert_eq!(api.headers["cache-control"], "no-store");
}

#[tokio::test]
async fn an_https_server_asks_browsers_to_stay_on_https() {
    let app = rounds_tests::spawn_app_behind(Some("https://rounds.school.example")).await;
    let res = reqwest::get(app.url("/signin")).await.unwrap();
    assert_eq!(
        res.headers()["strict-transport-security"],
        "max-age=31536000"
    );
}
