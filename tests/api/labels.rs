use reqwest::{Method, StatusCode};
use rounds_tests::pdf::{labels_on_page, poppler, render};
use rounds_tests::{spawn_app, TestApp, HOME_SCHOOL, REGISTER_MANAGERS};
use serde_json::{json, Value};

const DPI: u32 = 300;

async fn tags_of(app: &TestApp, link: &str, n: usize) -> Vec<String> {
    app.sql(&format!(
        "SELECT code FROM tags WHERE {link} IS NOT NULL AND school_id = {HOME_SCHOOL} ORDER BY code LIMIT {n}"
    ))
    .await
}

fn label_url(app: &TestApp, code: &str) -> String {
    format!("{}/T/{code}", app.base.to_uppercase())
}

#[tokio::test]
async fn every_built_in_stock_prints_labels_that_scan_to_their_own_tag() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let stocks = app
        .api(Method::GET, "/label-stocks", Some(&manager), None)
        .await
        .json();
    let stocks = stocks.as_array().unwrap();
    assert_eq!(stocks.len(), 7);
    for stock in stocks {
        let name = stock["name"].as_str().unwrap();
        let per_page = stock["labels_per_page"].as_u64().unwrap() as usize;
        // Sheets: skip two positions and spill onto a second page; rolls: three labels.
        let (skip, count) = if per_page > 1 { (2, per_page) } else { (0, 3) };
        let tags = tags_of(&app, "asset_id", count).await;
        let job = json!({ "stock": name, "skip": skip, "tags": tags });
        let (status, headers, pdf) = app.print_labels(&manager, job).await;
        assert_eq!(
            status,
            StatusCode::OK,
            "{name}: {}",
            String::from_utf8_lossy(&pdf)
        );
        assert_eq!(headers["content-type"], "application/pdf");
        assert_eq!(headers["x-label-count"], count.to_string().as_str());

        let pages = render(&pdf, DPI);
        assert_eq!(
            pages.len(),
            (skip + count).div_ceil(per_page),
            "{name}: pages"
        );
        let mut expected = vec![None; skip];
        expected.extend(tags.iter().map(|t| Some(label_url(&app, t))));
        expected.resize(pages.len() * per_page, None);
        let read: Vec<Vec<String>> = pages
            .iter()
            .flat_map(|page| labels_on_page(page, stock, DPI))
            .collect();
        for (pos, (found, want)) in read.iter().zip(&expected).enumerate() {
            let want: Vec<String> = want.iter().cloned().collect();
            assert_eq!(found, &want, "{name}: position {pos}");
        }
        let decoded = read.iter().filter(|r| !r.is_empty()).count();
        assert_eq!(decoded, count, "{name}: every label decodes, no more");
    }
}

#[tokio::test]
async fn the_pdf_embeds_a_font_subset_and_carries_the_chinese_names() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let tag = tags_of(&app, "asset_id", 1).await.remove(0);
    let name = app
        .sql(&format!(
            "SELECT a.name FROM assets a JOIN tags t ON t.asset_id = a.id WHERE t.code = '{tag}'"
        ))
        .await
        .remove(0);
    let school = app
        .sql("SELECT name FROM schools ORDER BY id LIMIT 1")
        .await
        .remove(0);
    let job = json!({ "stock": "a4-3x8", "tags": [tag], "custodian": true });
    let (status, _, pdf) = app.print_labels(&manager, job).await;
    assert_eq!(status, StatusCode::OK);
    let fonts = poppler("pdffonts", &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "a font is used: {fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert!(cols[0].contains('+'), "subset names carry a tag: {row}");
        let flags = &cols[cols.len() - 5..cols.len() - 2];
        assert_eq!(
            flags,
            ["yes", "yes", "yes"],
            "embedded, subset, ToUnicode: {row}"
        );
    }
    let text = poppler("pdftotext", &pdf);
    let joined: String = text.split_whitespace().collect();
    assert!(joined.contains(&name), "{name} (long names wrap) in {text}");
    assert!(text.contains(&school), "{school} in {text}");
    assert!(
        text.contains("责任人"),
        "custodian printed when asked: {text}"
    );
    assert!(
        pdf.len() < 200_000,
        "one label stays small: {} bytes",
        pdf.len()
    );
}

#[tokio::test]
async fn bad_jobs_get_a_clear_message_and_no_pdf() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let tag = tags_of(&app, "asset_id", 1).await.remove(0);
    let spec = |extra: Value| {
        let mut s = json!({ "page_width_mm": 210, "page_height_mm": 297, "columns": 3, "rows": 8,
            "margin_top_mm": 0.5, "label_width_mm": 70, "label_height_mm": 37 });
        s.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        s
    };
    let cases = [
        (
            json!({ "stock": spec(json!({ "label_width_mm": 220 })), "tags": [tag] }),
            "label_width",
        ),
        (
            json!({ "stock": spec(json!({ "rows": 0 })), "tags": [tag] }),
            "rows",
        ),
        (
            json!({ "stock": spec(json!({ "columns": 0 })), "tags": [tag] }),
            "columns",
        ),
        (
            json!({ "stock": spec(json!({ "gap_x_mm": -1 })), "tags": [tag] }),
            "gap_x",
        ),
        (
            json!({ "stock": spec(json!({ "rows": 9 })), "tags": [tag] }),
            "label_height",
        ),
        (
            json!({ "stock": "a4-3x8", "skip": 24, "tags": [tag] }),
            "skip",
        ),
        (
            json!({ "stock": "thermal-30x20", "skip": 1, "tags": [tag] }),
            "skip",
        ),
        (
            json!({ "stock": "a4-3x8", "skip": -1, "tags": [tag] }),
            "skip",
        ),
        (json!({ "stock": "a4-9x9", "tags": [tag] }), "stock"),
        (
            json!({ "stock": "a4-3x8", "category": "不存在的类别" }),
            "selection",
        ),
        (json!({ "stock": "a4-3x8", "tags": [] }), "tags"),
        (json!({ "stock": "a4-3x8", "tags": ["7K3M9QX2"] }), "tags"),
        (
            json!({ "stock": "a4-3x8", "tags": ["not a code!"] }),
            "tags",
        ),
        (json!({ "stock": "a4-3x8", "new_tags": 5001 }), "selection"),
        (json!({ "stock": "a4-3x8", "new_tags": 0 }), "new_tags"),
        (
            json!({ "stock": "a4-3x8", "tags": [tag], "new_tags": 2 }),
            "new_tags",
        ),
        (
            json!({ "stock": "a4-3x8", "doors": true, "status": "in_use" }),
            "category",
        ),
        (json!({ "stock": "a4-3x8", "status": "melted" }), "status"),
    ];
    for (job, field) in cases {
        let (status, headers, body) = app.print_labels(&manager, job.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{job}");
        assert_eq!(headers["content-type"], "application/json", "{job}");
        let err: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(err["error"]["field"], field, "{job}: {err}");
        let message = err["error"]["message"].as_str().unwrap();
        assert!(
            message.chars().count() > 4,
            "{job}: a sentence, not a code: {message}"
        );
    }
    let (status, _, body) = app
        .print_labels(&manager, json!({ "stock": "a4-3x8", "new_tags": 5001 }))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        String::from_utf8_lossy(&body).contains("5000"),
        "the limit is named"
    );
    let broken = reqwest::Client::new()
        .post(app.url("/api/v1/labels"))
        .bearer_auth(&manager)
        .header("content-type", "application/json")
        .body("{\"stock\":")
        .send()
        .await
        .unwrap();
    assert_eq!(broken.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        app.sql("SELECT hex(id) FROM label_jobs").await.len(),
        0,
        "nothing logged"
    );
}

#[tokio::test]
async fn the_print_log_drives_never_printed_and_new_tags_wait_to_be_claimed() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let doors = json!({ "stock": "a4-4x10", "doors": true, "never_printed": true });
    let (status, headers, _) = app.print_labels(&manager, doors.clone()).await;
    assert_eq!(status, StatusCode::OK);
    let rooms = app
        .sql(&format!(
            "SELECT hex(id) FROM rooms WHERE school_id = {HOME_SCHOOL}"
        ))
        .await
        .len();
    assert_eq!(
        headers["x-label-count"],
        rooms.to_string().as_str(),
        "one door label a room"
    );
    let (status, _, body) = app.print_labels(&manager, doors).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "all printed now");
    assert!(String::from_utf8_lossy(&body).contains("selection"));

    let (status, headers, pdf) = app
        .print_labels(&manager, json!({ "stock": "thermal-40x30", "new_tags": 3 }))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["x-page-count"], "3");
    let printed: Vec<String> = render(&pdf, DPI)
        .iter()
        .flat_map(rounds_tests::pdf::decode)
        .collect();
    assert_eq!(printed.len(), 3);
    for url in &printed {
        let code = url.rsplit('/').next().unwrap();
        let tag = app
            .api(Method::GET, &format!("/tags/{code}"), Some(&manager), None)
            .await;
        assert_eq!(
            tag.json()["kind"],
            "unassigned",
            "{url} made and waiting to be claimed"
        );
    }

    let log = app
        .api(Method::GET, "/labels/jobs", Some(&manager), None)
        .await
        .json();
    let log = log.as_array().unwrap();
    assert_eq!(log.len(), 2, "two jobs printed");
    assert_eq!(log[0]["labels"], 3);
    assert_eq!(log[0]["by"]["name"], "殷奇");
    let prints = app.sql("SELECT tag_code FROM label_prints").await.len();
    assert_eq!(prints, rooms + 3);

    // A spoiled sheet: print that job again, same tags in the same order.
    let first = log[1]["id"].as_str().unwrap();
    let again = json!({ "stock": "a4-4x10", "reprint": first });
    let (status, headers, _) = app.print_labels(&manager, again).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["x-label-count"], rooms.to_string().as_str());
    let order = |job: &str| {
        format!("SELECT p.tag_code FROM label_prints p WHERE lower(hex(p.job_id)) = '{}' ORDER BY p.seq", job.replace('-', ""))
    };
    let newest = app
        .api(Method::GET, "/labels/jobs", Some(&manager), None)
        .await
        .json()[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(app.sql(&order(&newest)).await, app.sql(&order(first)).await);
    let unknown = json!({ "stock": "a4-4x10", "reprint": uuid::Uuid::now_v7() });
    let (status, ..) = app.print_labels(&manager, unknown).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let history = app
        .sql("SELECT action FROM history WHERE entity = 'label_job'")
        .await;
    assert_eq!(
        history,
        ["print", "print", "print"],
        "each job in the history"
    );
}

#[tokio::test]
async fn a_custom_stock_is_saved_by_name_and_prints() {
    let app = spawn_app().await;
    let manager = app.token("demo-manager").await;
    let spec = json!({ "page_width_mm": 100, "page_height_mm": 150, "columns": 2, "rows": 5,
        "margin_left_mm": 2, "margin_top_mm": 2.5, "gap_x_mm": 2, "gap_y_mm": 1,
        "label_width_mm": 47, "label_height_mm": 28 });
    let path = "/label-stocks/%E4%BB%93%E5%BA%93%E6%A0%87%E7%AD%BE"; // 仓库标签
    let saved = app
        .api(Method::PUT, path, Some(&manager), Some(spec.clone()))
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    assert_eq!(saved.json()["labels_per_page"], 10);
    let mut too_tall = spec.clone();
    too_tall["rows"] = json!(6);
    let bad = app
        .api(Method::PUT, path, Some(&manager), Some(too_tall))
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.text);
    let builtin = app
        .api(
            Method::PUT,
            "/label-stocks/a4-3x8",
            Some(&manager),
            Some(spec.clone()),
        )
        .await;
    assert_eq!(
        builtin.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "built-in names are taken"
    );
    let stocks = app
        .api(Method::GET, "/label-stocks", Some(&manager), None)
        .await
        .json();
    let mine = stocks
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "仓库标签")
        .cloned()
        .expect("listed");
    assert_eq!(mine["margin_top_mm"], 2.5);

    let tags = tags_of(&app, "room_id", 4).await;
    let (status, _, pdf) = app
        .print_labels(
            &manager,
            json!({ "stock": "仓库标签", "skip": 1, "tags": tags }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let page = &render(&pdf, DPI)[0];
    let size = (page.width(), page.height());
    assert!(
        size.0.abs_diff(1181) <= 1 && size.1.abs_diff(1772) <= 1,
        "100 × 150 mm at 300 dpi: {size:?}"
    );
    let read = labels_on_page(page, &mine, DPI);
    assert!(read[0].is_empty());
    for (i, tag) in tags.iter().enumerate() {
        assert_eq!(read[i + 1], [label_url(&app, tag)]);
    }
    let history = app
        .sql("SELECT action FROM history WHERE entity = 'label_stock'")
        .await;
    assert_eq!(history, ["create"]);
}

#[tokio::test]
async fn only_the_asset_manager_and_the_admin_print() {
    let app = spawn_app().await;
    let tag = tags_of(&app, "asset_id", 1).await.remove(0);
    let job = json!({ "stock": "thermal-50x30", "tags": [tag] });
    for (login, allowed) in REGISTER_MANAGERS {
        let token = app.token(login).await;
        let (status, ..) = app.print_labels(&token, job.clone()).await;
        let want = if allowed {
            StatusCode::OK
        } else {
            StatusCode::FORBIDDEN
        };
        assert_eq!(status, want, "{login} prints");
        for path in ["/label-stocks", "/labels/jobs"] {
            let a = app.api(Method::GET, path, Some(&token), None).await;
            assert_eq!(a.status == StatusCode::OK, allowed, "{login} {path}");
        }
    }
    assert_eq!(app.sql("SELECT hex(id) FROM label_jobs").await.len(), 2);
}

#[tokio::test]
async fn a_tags_qr_code_comes_as_svg_and_png_and_opens_the_record() {
    let app = spawn_app().await;
    let tag = tags_of(&app, "asset_id", 1).await.remove(0);
    let client = reqwest::Client::new();
    let svg = client
        .get(app.url(&format!("/t/{tag}/qr.svg")))
        .send()
        .await
        .unwrap();
    assert_eq!(svg.status(), StatusCode::OK);
    assert_eq!(svg.headers()["content-type"], "image/svg+xml");
    let svg = svg.text().await.unwrap();
    assert!(
        svg.starts_with("<svg") && svg.contains("viewBox=\"0 0 33 33\""),
        "25 modules + quiet zone: {svg:.120}"
    );

    let png = client
        .get(app.url(&format!("/t/{tag}/qr.png?size=300")))
        .send()
        .await
        .unwrap();
    assert_eq!(png.headers()["content-type"], "image/png");
    let img = image::load_from_memory(&png.bytes().await.unwrap())
        .unwrap()
        .to_luma8();
    assert_eq!((img.width(), img.height()), (300, 300));
    assert_eq!(rounds_tests::pdf::decode(&img), [label_url(&app, &tag)]);

    for (path, status) in [
        (
            format!("/t/{tag}/qr.png?size=5"),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            format!("/t/{tag}/qr.png?size=abc"),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        ("/t/not-a-code!/qr.svg".to_string(), StatusCode::NOT_FOUND),
    ] {
        let res = client.get(app.url(&path)).send().await.unwrap();
        assert_eq!(res.status(), status, "{path}");
    }
    // The upper-case URL in the code opens the same record as /t/.
    let browser = app.signed_in_browser("demo-staff").await;
    let page = app.page(&browser, &format!("/T/{tag}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let lower = app.page(&browser, &format!("/t/{tag}")).await;
    assert_eq!(page.text.len(), lower.text.len());
}
