//! Ledger exports: the register written as XLSX and as CSV, opened by another program
//! (LibreOffice headless) with the Chinese and the numbers as written, and imported back
//! unchanged; only the asset manager and the admin export.

use crate::imports::{send_file, written};
use reqwest::{Method, StatusCode};
use rounds_tests::TestApp;
use serde_json::Value;

/// `GET /api/v1/exports/register?format=…`: status, content type, disposition, bytes.
async fn export(app: &TestApp, token: &str, format: &str) -> (StatusCode, String, String, Vec<u8>) {
    let res = reqwest::Client::new()
        .get(app.url(&format!("/api/v1/exports/register?format={format}")))
        .bearer_auth(token)
        .send()
        .await
        .expect("the server answers");
    let header = |name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let (kind, disposition) = (header("content-type"), header("content-disposition"));
    (
        res.status(),
        kind,
        disposition,
        res.bytes().await.unwrap().to_vec(),
    )
}

/// The file as LibreOffice Calc reads it, converted to CSV (UTF-8).
fn through_libreoffice(bytes: &[u8], extension: &str) -> String {
    let dir = std::env::temp_dir().join(format!(
        "rounds-export-{}-{}",
        std::process::id(),
        uuid::Uuid::now_v7()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("register.{extension}"));
    std::fs::write(&file, bytes).unwrap();
    let out = dir.join("out");
    let mut soffice = std::process::Command::new("soffice");
    if extension == "csv" {
        // Headless, LibreOffice asks no questions: the import dialog's choice (UTF-8, commas).
        soffice.arg("--infilter=Text - txt - csv (StarCalc):44,34,76,1");
    }
    let done = soffice
        .arg(format!(
            "-env:UserInstallation=file://{}/profile",
            dir.display()
        ))
        .args([
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false",
        ])
        .arg("--outdir")
        .arg(&out)
        .arg(&file)
        .output()
        .expect("LibreOffice runs (bash .ci/setup installs libreoffice-calc-nogui)");
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let csv = std::fs::read_to_string(out.join("register.csv")).expect("LibreOffice wrote a CSV");
    std::fs::remove_dir_all(&dir).ok();
    csv.trim_start_matches('\u{feff}').to_string()
}

#[tokio::test]
async fn the_register_exported_opens_as_written_and_imports_back_unchanged() {
    let app = rounds_tests::spawn_app().await;
    let manager = app.token("demo-manager").await;
    let (status, done) = send_file(
        &app,
        &manager,
        "register.xlsx",
        crate::imports::fixture("register.xlsx"),
        &[("commit", "true"), ("quantities", "batch")],
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{done}");
    let assets = app
        .sql(
            "SELECT COUNT(*) FROM assets WHERE school_id = \
             (SELECT school_id FROM users WHERE login = 'demo-manager')",
        )
        .await[0]
        .clone();

    for (format, kind) in [("xlsx", "spreadsheetml"), ("csv", "text/csv")] {
        let (status, content_type, disposition, bytes) = export(&app, &manager, format).await;
        assert_eq!(status, StatusCode::OK, "{format}");
        assert!(content_type.contains(kind), "{content_type}");
        assert!(
            disposition.contains("filename*=UTF-8''%E8%B5%84%E4%BA%A7"),
            "a Chinese file name: {disposition}"
        );
        if format == "csv" {
            assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a BOM for Excel");
        }
        let sheet = through_libreoffice(&bytes, format);
        let lines: Vec<&str> = sheet.lines().collect();
        assert!(
            lines[0].starts_with("资产编号,资产名称,资产分类,分类代码"),
            "{}",
            lines[0]
        );
        assert_eq!(
            lines.len() - 1,
            assets.parse::<usize>().unwrap(),
            "a row per asset"
        );
        let projector = lines
            .iter()
            .find(|l| l.starts_with("LCX-2018-002,"))
            .expect("the projector's row");
        assert!(
            projector.contains("投影仪,教学设备,2021101,EB-X51,爱普生,台,1,")
                && projector.contains("4200.5")
                && projector.contains("2018-03-05")
                && projector.contains("致远楼/204,维修中"),
            "{projector}"
        );
        let chairs = lines
            .iter()
            .find(|l| l.starts_with("LCX-2020-003,"))
            .unwrap();
        assert!(chairs.contains(",把,3,120"), "a batch of three: {chairs}");

        let before = written(&app).await;
        let name = format!("register.{format}");
        // In batch mode, as imported: 数量 3 stays one record of three.
        let fields = [("commit", "true"), ("quantities", "batch")];
        let (status, again) = send_file(&app, &manager, &name, bytes, &fields).await;
        let counts = &again["counts"];
        assert_eq!(status, StatusCode::OK, "{format}: {again}");
        assert_eq!(counts["errors"], 0, "{again}");
        assert_eq!(counts["new_assets"], 0, "{again}");
        assert_eq!(counts["new_rooms"], 0, "{again}");
        assert_eq!(
            counts["changed_assets"], 0,
            "{format}: {}",
            again["changed_assets"]
        );
        assert_eq!(counts["unchanged_assets"].to_string(), assets, "{again}");
        assert_eq!(again["committed"], Value::Null);
        assert_eq!(written(&app).await, before, "the round trip wrote nothing");
    }
}

#[tokio::test]
async fn only_the_asset_manager_and_the_admin_export_the_register() {
    let app = rounds_tests::spawn_app().await;
    for (login, allowed) in [
        ("demo-admin", true),
        ("demo-manager", true),
        ("demo-staff", false),
        ("demo-teacher", false),
    ] {
        let token = app.token(login).await;
        let (status, ..) = export(&app, &token, "xlsx").await;
        let expected = if allowed {
            StatusCode::OK
        } else {
            StatusCode::FORBIDDEN
        };
        assert_eq!(status, expected, "{login}");
    }
    let anonymous = app.api(Method::GET, "/exports/register", None, None).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let token = app.token("demo-manager").await;
    let (status, ..) = export(&app, &token, "pdf").await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "an unknown format"
    );
}
