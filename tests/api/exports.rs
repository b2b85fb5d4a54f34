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
    sheets_through_libreoffice(bytes, extension, false)
        .remove(0)
        .1
}

/// Each sheet of the file (or the first only) as LibreOffice Calc reads it: (file, CSV text).
pub(crate) fn sheets_through_libreoffice(
    bytes: &[u8],
    extension: &str,
    all: bool,
) -> Vec<(String, String)> {
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
    // The 12th option, -1, writes every sheet to a file of its own (register-<sheet>.csv).
    let sheets = if all { ",false,-1" } else { "" };
    let done = soffice
        .arg(format!(
            "-env:UserInstallation=file://{}/profile",
            dir.display()
        ))
        .args(["--headless", "--convert-to"])
        .arg(format!(
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false{sheets}"
        ))
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
    let mut files: Vec<(String, String)> = std::fs::read_dir(&out)
        .expect("LibreOffice wrote its CSV")
        .map(|f| {
            let path = f.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, text.trim_start_matches('\u{feff}').to_string())
        })
        .collect();
    files.sort();
    std::fs::remove_dir_all(&dir).ok();
    files
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
    for (login, allowed) in rounds_tests::REGISTER_KEEPERS {
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

/// The export of a period's ledger: status and the text of the file as LibreOffice reads it.
pub(crate) async fn ledger(
    app: &TestApp,
    token: &str,
    path: &str,
    format: &str,
) -> (StatusCode, String) {
    let res = reqwest::Client::new()
        .get(app.url(&format!("/api/v1/exports/{path}&format={format}")))
        .bearer_auth(token)
        .header("accept-language", "zh-CN")
        .send()
        .await
        .expect("the server answers");
    let status = res.status();
    let bytes = res.bytes().await.unwrap().to_vec();
    if status != StatusCode::OK {
        return (status, String::from_utf8_lossy(&bytes).into_owned());
    }
    (status, through_libreoffice(&bytes, format))
}

#[tokio::test]
async fn the_repair_ledger_lists_the_months_repairs_with_liability_repair_and_acceptance() {
    let app = rounds_tests::spawn_app().await;
    let (manager, staff) = (
        app.token("demo-manager").await,
        app.token("demo-staff").await,
    );
    let (report, desk) = crate::compensation::reported_desk(&app).await;
    let opened = app
        .api(
            Method::POST,
            "/compensations",
            Some(&manager),
            Some(crate::compensation::case(&report, "120.50")),
        )
        .await;
    assert_eq!(opened.status, StatusCode::CREATED, "{}", opened.text);
    let path = format!("/damage-reports/{report}/status");
    for (who, to) in [
        (&staff, "accepted"),
        (&staff, "in_repair"),
        (&staff, "repaired"),
        (&manager, "closed"),
    ] {
        let body = serde_json::json!({ "status": to, "reason": "" });
        let moved = app.api(Method::POST, &path, Some(who), Some(body)).await;
        assert_eq!(moved.status, StatusCode::OK, "{to}: {}", moved.text);
    }
    let now = chrono::Utc::now().with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap());
    let (today, month) = (
        now.format("%Y-%m-%d").to_string(),
        now.format("%Y-%m").to_string(),
    );
    for format in ["xlsx", "csv"] {
        let (status, sheet) =
            ledger(&app, &manager, &format!("repairs?period={month}"), format).await;
        assert_eq!(status, StatusCode::OK, "{sheet}");
        let lines: Vec<&str> = sheet.lines().collect();
        assert_eq!(
            lines[0],
            "报修日期,报修人,部位/房间,资产编号,资产名称,故障描述,人为损坏,责任人,赔偿金额,维修人,完成日期,验收,状态"
        );
        let row = lines
            .iter()
            .find(|l| l.contains("桌面被刻划，桌腿折断"))
            .expect("the desk's repair");
        let code = desk["asset_code"].as_str().unwrap();
        assert!(row.contains(&format!("三年级（2）班,{code},")), "{row}");
        assert!(
            row.contains(",是,,120.5"),
            "human damage and the case's amount: {row}"
        );
        assert!(row.starts_with(&today), "reported today: {row}");
        assert!(
            row.ends_with(&format!(",{today},殷奇 {today},已关闭")),
            "repaired, accepted: {row}"
        );
    }
    let (status, _) = ledger(&app, &manager, "repairs?period=2020-01", "csv").await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = ledger(&app, &manager, "repairs?period=2026-13", "csv").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("period"), "{body}");
    let teacher = app.token("demo-teacher").await;
    let (status, _) = ledger(&app, &teacher, "repairs?period=2026-12", "csv").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_fire_equipment_record_has_a_row_per_extinguisher_and_a_mark_per_check() {
    use crate::inspections::{answers, asset_where, fire_checklist};
    let app = rounds_tests::spawn_app().await;
    let (manager, staff) = (
        app.token("demo-manager").await,
        app.token("demo-staff").await,
    );
    let asset = asset_where(&app, "a.category = '消防器材' AND a.status = 'in_use'").await;
    let template = fire_checklist(&app, &staff, &asset).await;
    let body = serde_json::json!({
        "id": uuid::Uuid::now_v7(), "template_id": template["id"], "asset_id": asset,
        "answers": answers(&template, Some("gauge")), "notes": "三楼东侧",
    });
    let saved = app
        .api(Method::POST, "/inspections", Some(&staff), Some(body))
        .await;
    assert_eq!(saved.status, StatusCode::CREATED, "{}", saved.text);
    let code = app
        .api(
            Method::GET,
            &format!("/assets/{asset}"),
            Some(&manager),
            None,
        )
        .await
        .json()["asset_code"]
        .as_str()
        .unwrap()
        .to_string();
    let school = "(SELECT school_id FROM users WHERE login = 'demo-manager')";
    let extinguishers: usize = app
        .sql(&format!(
            "SELECT COUNT(*) FROM assets WHERE category = '消防器材' \
             AND status IN ('in_use', 'under_repair') AND school_id = {school}"
        ))
        .await[0]
        .parse()
        .unwrap();
    let inspector = app
        .sql("SELECT display_name FROM users WHERE login = 'demo-staff'")
        .await;
    let now = chrono::Utc::now().with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap());
    let (today, month) = (
        now.format("%Y-%m-%d").to_string(),
        now.format("%Y-%m").to_string(),
    );
    let path = format!("inspections?checklist=fire_equipment&period={month}");
    for format in ["xlsx", "csv"] {
        let (status, sheet) = ledger(&app, &manager, &path, format).await;
        assert_eq!(status, StatusCode::OK, "{sheet}");
        let lines: Vec<&str> = sheet.lines().collect();
        assert_eq!(
            lines[0],
            "序号,设施名称,编号,规格型号,部位/房间,压力表指针在绿区,铅封、保险销完好,在有效期内（看检验标签）,\
             位置无遮挡，取用方便,瓶体、箱体无锈蚀破损，喷管完好,标识清楚,检查结果,检查人,检查日期,备注"
        );
        assert_eq!(
            lines.len() - 1,
            extinguishers,
            "a row per fire appliance in use"
        );
        let row = lines
            .iter()
            .find(|l| l.contains(&format!(",{code},")))
            .expect("the inspected extinguisher");
        let marks = format!(
            ",×,√,√,√,√,√,不合格,{},{today},压力表指针在绿区：指针在红区；三楼东侧",
            inspector[0]
        );
        assert!(row.ends_with(&marks), "{row}");
    }
    // Two months: a sheet each, the inspection on this month's only.
    let before = (now - chrono::Months::new(1)).format("%Y-%m").to_string();
    let range = format!("/exports/inspections?checklist=fire_equipment&period={before}..{month}");
    let (status, workbook) = crate::compensation::bytes(&app, &manager, &range).await;
    assert_eq!(status, StatusCode::OK);
    let sheets = sheets_through_libreoffice(&workbook, "xlsx", true);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            format!("register-{before}.csv"),
            format!("register-{month}.csv")
        ]
    );
    let row_of = |text: &str| {
        text.lines()
            .find(|l| l.contains(&format!(",{code},")))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        !row_of(&sheets[0].1).is_empty() && !row_of(&sheets[0].1).contains("三楼东侧"),
        "last month's sheet has the extinguisher, not this month's inspection"
    );
    assert!(
        row_of(&sheets[1].1).contains(",×,√,") && row_of(&sheets[1].1).ends_with("三楼东侧"),
        "{}",
        row_of(&sheets[1].1)
    );
    let year = "inspections?checklist=fire_equipment&period=2025-01..2026-12";
    let (status, _) = ledger(&app, &manager, year, "csv").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "at most a year");

    let teacher = app.token("demo-teacher").await;
    let (status, _) = ledger(&app, &teacher, &path, "csv").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = ledger(
        &app,
        &manager,
        "inspections?checklist=nope&period=2026-12",
        "csv",
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, body) = ledger(&app, &manager, "inspections?period=2026-12", "csv").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
}

#[tokio::test]
async fn the_compensation_ledger_opens_in_xlsx_with_the_amount_in_yuan() {
    let app = rounds_tests::spawn_app().await;
    let manager = app.token("demo-manager").await;
    let (report, _) = crate::compensation::reported_desk(&app).await;
    let case = crate::compensation::case(&report, "120.50");
    let opened = app
        .api(Method::POST, "/compensations", Some(&manager), Some(case))
        .await;
    assert_eq!(opened.status, StatusCode::CREATED, "{}", opened.text);
    let path = "/compensations/export?format=xlsx";
    let (status, bytes) = crate::compensation::bytes(&app, &manager, path).await;
    assert_eq!(status, StatusCode::OK);
    let sheet = through_libreoffice(&bytes, "xlsx");
    let mut lines = sheet.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("学期,班级,赔偿方,类型,物品,资产编号,损坏情况,依据,金额（元）,状态"));
    let row = lines.next().expect("the case");
    assert!(
        row.contains(",三年级（2）班,张小明,学生,") && row.contains(",维修费用,120.5,未缴"),
        "{row}"
    );
}
