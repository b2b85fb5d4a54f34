use reqwest::multipart::{Form, Part};
use reqwest::{Method, StatusCode};
use rounds_tests::{spawn_app, TestApp};
use serde_json::Value;

pub(crate) async fn upload(
    app: &TestApp,
    token: &str,
    name: &str,
    bytes: Vec<u8>,
) -> (StatusCode, Value) {
    let form = Form::new().part("file", Part::bytes(bytes).file_name(name.to_string()));
    app.upload("/photos", token, form).await
}

async fn fetch(app: &TestApp, token: &str, path: &str) -> (StatusCode, Vec<u8>) {
    let res = reqwest::Client::new()
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .expect("the server answers");
    (res.status(), res.bytes().await.unwrap_or_default().to_vec())
}

/// A 400×200 JPEG: red on the left half, blue on the right.
pub(crate) fn photo() -> Vec<u8> {
    let img = image::RgbImage::from_fn(400, 200, |x, _| {
        if x < 200 {
            image::Rgb([220, 20, 20])
        } else {
            image::Rgb([20, 20, 220])
        }
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

/// The same photo as a phone saves it held sideways: EXIF orientation 6 (turn 90° clockwise
/// to view) and a GPS position.
fn phone_photo() -> Vec<u8> {
    let mut tiff: Vec<u8> = b"MM\x00\x2a\x00\x00\x00\x08".to_vec();
    tiff.extend([0, 2]); // IFD0: two entries
    tiff.extend([0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0]); // Orientation = 6
    tiff.extend([0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 38]); // GPS IFD at 38
    tiff.extend([0, 0, 0, 0]);
    tiff.extend([0, 1]); // GPS IFD: one entry
    tiff.extend([0, 1, 0, 2, 0, 0, 0, 2, b'N', 0, 0, 0]); // GPSLatitudeRef = "N"
    tiff.extend([0, 0, 0, 0]);
    let mut app1 = b"Exif\x00\x00".to_vec();
    app1.extend(tiff);
    let len = (app1.len() + 2) as u16;
    let jpeg = photo();
    let mut out = jpeg[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(len.to_be_bytes());
    out.extend(app1);
    out.extend(&jpeg[2..]);
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A PNG whose header claims 30000 × 30000 pixels (a pixel flood), in a few hundred bytes.
fn pixel_flood() -> Vec<u8> {
    let chunk = |kind: &[u8], body: &[u8]| {
        let mut c = (body.len() as u32).to_be_bytes().to_vec();
        let mut typed = kind.to_vec();
        typed.extend(body);
        c.extend(&typed);
        c.extend(crc32(&typed).to_be_bytes());
        c
    };
    let mut ihdr = 30_000u32.to_be_bytes().to_vec();
    ihdr.extend(30_000u32.to_be_bytes());
    ihdr.extend([8, 0, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &ihdr));
    png.extend(chunk(b"IDAT", &[0x78, 0x9c, 0x63, 0, 0, 0, 1, 0, 1]));
    png.extend(chunk(b"IEND", &[]));
    png
}

#[tokio::test]
async fn what_is_not_a_usable_photo_gets_a_clear_refusal() {
    let app = spawn_app().await;
    let teacher = app.token("demo-teacher").await;
    let whole = photo();
    let cases: [(&str, Vec<u8>, StatusCode, &str); 4] = [
        (
            "notes.jpg",
            b"this is a text file".to_vec(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "图片",
        ),
        (
            "cut.jpg",
            whole[..whole.len() / 2].to_vec(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "损坏",
        ),
        (
            "flood.png",
            pixel_flood(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "40 百万像素",
        ),
        (
            "huge.jpg",
            vec![0u8; 16 * 1024 * 1024],
            StatusCode::PAYLOAD_TOO_LARGE,
            "15 MB",
        ),
    ];
    for (name, bytes, status, says) in cases {
        let (got, body) = upload(&app, &teacher, name, bytes).await;
        assert_eq!(got, status, "{name}: {body}");
        let message = body["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains(says), "{name}: {message}");
    }
    let health = reqwest::get(app.url("/healthz")).await.unwrap();
    assert_eq!(health.status(), StatusCode::OK, "the server is fine");
    assert!(
        app.sql("SELECT hex(id) FROM photos").await.is_empty(),
        "nothing stored"
    );
}

#[tokio::test]
async fn a_phone_photo_is_stored_upright_without_its_metadata() {
    let app = spawn_app().await;
    let teacher = app.token("demo-teacher").await;
    let original = phone_photo();
    assert!(original.windows(4).any(|w| w == b"Exif"));
    let (status, body) = upload(&app, &teacher, "IMG_0001.jpg", original).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(
        (body["width"].as_u64(), body["height"].as_u64()),
        (Some(200), Some(400)),
        "turned upright"
    );
    for path in [
        body["url"].as_str().unwrap(),
        body["thumb_url"].as_str().unwrap(),
    ] {
        let (status, bytes) = fetch(&app, &teacher, path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            !bytes.windows(4).any(|w| w == b"Exif"),
            "{path}: no EXIF left"
        );
        assert!(
            !bytes.windows(4).any(|w| w == b"MM\x00\x2a"),
            "{path}: no TIFF block"
        );
        let img = image::load_from_memory(&bytes).unwrap().to_rgb8();
        assert!(img.height() > img.width(), "{path}: portrait");
        // Turned clockwise, the red left half is now on top.
        let top = img.get_pixel(img.width() / 2, img.height() / 8);
        let bottom = img.get_pixel(img.width() / 2, img.height() * 7 / 8);
        assert!(
            top[0] > 150 && top[2] < 100,
            "{path}: red on top, got {top:?}"
        );
        assert!(
            bottom[2] > 150 && bottom[0] < 100,
            "{path}: blue below, got {bottom:?}"
        );
    }
    let history = app
        .sql("SELECT action FROM history WHERE entity = 'photo'")
        .await;
    assert_eq!(history, ["upload"]);
}

#[tokio::test]
async fn a_photo_is_shown_only_to_its_uploader_and_the_roles_that_see_every_record() {
    let app = spawn_app().await;
    let teacher = app.token("demo-teacher").await;
    let (_, body) = upload(&app, &teacher, "desk.jpg", photo()).await;
    let path = body["url"].as_str().unwrap().to_string();
    let (status, bytes) = fetch(&app, &teacher, &path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(bytes.starts_with(&[0xFF, 0xD8]), "a JPEG");
    for (login, want) in [
        ("demo-staff", StatusCode::OK),
        ("demo-manager", StatusCode::OK),
        ("demo-admin", StatusCode::OK),
    ] {
        let token = app.token(login).await;
        assert_eq!(fetch(&app, &token, &path).await.0, want, "{login}");
    }
    // Another teacher does not learn that the photo exists.
    let admin = app.signed_in_browser("demo-admin").await;
    let form = [
        ("id", "new"),
        ("form[login]", "teacher2"),
        ("form[display_name]", "李老师"),
        ("form[role]", "teacher"),
        ("form[password]", "long-enough-2"),
        ("form[active]", "on"),
    ];
    let res = app.post_form(&admin, "/sf/save_user", &form).await;
    assert!(
        res.status().is_success() || res.status().is_redirection(),
        "{}",
        res.status()
    );
    let body = serde_json::json!({ "login": "teacher2", "password": "long-enough-2" });
    let other = app
        .api(Method::POST, "/auth/token", None, Some(body))
        .await
        .json();
    let other = other["token"].as_str().expect("teacher2 signs in");
    assert_eq!(fetch(&app, other, &path).await.0, StatusCode::NOT_FOUND);
    let res = reqwest::Client::new()
        .get(app.url(&path))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "anonymous");
    let res = reqwest::Client::new()
        .get(app.url(&path))
        .header("content-type", "image/jpeg")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    let (status, _) = fetch(&app, &teacher, "/api/v1/photos/not-an-id").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
