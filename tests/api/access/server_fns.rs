//! The server functions under `/sf/`, as the server registered them: each is called with
//! arguments of its own type, so every form parses and the answer shows the role check alone.

use super::{every_operation_decided, tokens, Verdicts, Who, CALLERS};
use app::server_fns::{
    checklists, compensations, dashboard, district, drills, imports, inspections, keys, labels,
    ledgers, pages, purchases, register, rounds, stocktakes, supplies, users,
};
use rounds_tests::{spawn_app, Answer};
use serde::Serialize;
use server_fn::ServerFn;
use std::collections::BTreeSet;

/// One decision: the function's path, who may call it, and its arguments as the browser sends
/// them (a URL-encoded form).
struct Decision {
    path: &'static str,
    who: Who,
    form: String,
}

fn decide<F: ServerFn + Serialize>(args: F, who: Who) -> Decision {
    Decision {
        path: F::PATH,
        who,
        form: serde_qs::to_string(&args).expect("arguments encode"),
    }
}

/// The one table: every server function, with arguments naming records that do not exist or
/// forms left empty, so whoever is let in meets a 404 or 422 and nothing is written.
fn table() -> Vec<Decision> {
    use Who::*;
    let id = || uuid::Uuid::now_v7().to_string();
    let none = String::new;
    vec![
        decide(checklists::ChecklistBook {}, Managers),
        decide(checklists::LoadChecklist { key: none() }, Admin),
        decide(
            checklists::SaveChecklist {
                form: Default::default(),
            },
            Admin,
        ),
        decide(
            supplies::SupplyDesk {
                q: none(),
                low: none(),
            },
            School,
        ),
        decide(supplies::SupplyCard { id: id() }, School),
        decide(
            supplies::SaveSupplyItem {
                id: id(),
                name: none(),
                kind: none(),
                unit: none(),
                shelf: none(),
                min_stock: none(),
            },
            Managers,
        ),
        decide(
            supplies::ReceiveSupplies {
                id: id(),
                quantity: none(),
                supplier: none(),
                unit_price: none(),
                note: none(),
            },
            Managers,
        ),
        decide(
            supplies::IssueSupplies {
                id: id(),
                quantity: none(),
                issued_to: none(),
                note: none(),
            },
            Managers,
        ),
        decide(
            supplies::RequestSupplies {
                id: id(),
                quantity: none(),
                issued_to: none(),
                note: none(),
            },
            School,
        ),
        decide(
            supplies::AnswerSupplyRequest {
                id: id(),
                answer: none(),
                reason: none(),
            },
            School,
        ),
        decide(purchases::PurchaseDesk { state: none() }, School),
        decide(purchases::PurchaseCard { id: id() }, School),
        decide(
            purchases::RequestPurchase {
                form: Default::default(),
            },
            School,
        ),
        decide(
            purchases::AnswerPurchase {
                id: id(),
                answer: none(),
                reason: none(),
            },
            School,
        ),
        decide(
            purchases::AcceptPurchase {
                form: Default::default(),
            },
            Managers,
        ),
        decide(
            purchases::ReimbursePurchase {
                id: id(),
                voucher: none(),
            },
            Managers,
        ),
        decide(
            purchases::SavePurchaseBudget {
                year: none(),
                monthly: none(),
                yearly: none(),
                threshold: none(),
            },
            Admin,
        ),
        decide(drills::DrillPlan { semester: none() }, School),
        decide(drills::DrillCard { id: id() }, School),
        decide(
            drills::RecordDrill {
                form: Default::default(),
            },
            Inspectors,
        ),
        decide(
            drills::PlanDrill {
                kind: none(),
                title: none(),
                month: none(),
            },
            Managers,
        ),
        decide(
            keys::KeyCabinet {
                q: none(),
                out: none(),
            },
            School,
        ),
        decide(keys::KeyCard { id: id() }, School),
        decide(
            keys::SaveKey {
                id: id(),
                name: none(),
                kind: none(),
                room: none(),
                hook: none(),
                pieces: none(),
                note: none(),
            },
            Managers,
        ),
        decide(
            keys::LendKey {
                id: id(),
                borrower: none(),
                due_at: none(),
                note: none(),
            },
            Inspectors,
        ),
        decide(keys::ReturnKey { id: id() }, Inspectors),
        decide(
            compensations::CompensationDesk { semester: none() },
            Managers,
        ),
        decide(compensations::CaseReport { report: id() }, Managers),
        decide(
            compensations::OpenCase {
                report: id(),
                party_kind: none(),
                party_name: none(),
                party_class: none(),
                basis: none(),
                amount: none(),
            },
            Managers,
        ),
        decide(
            compensations::PayCase {
                id: id(),
                paid_on: none(),
                receipt_no: none(),
                received_by: none(),
            },
            Managers,
        ),
        decide(
            compensations::WaiveCase {
                id: id(),
                reason: none(),
            },
            Admin,
        ),
        decide(dashboard::DashboardData {}, Managers),
        decide(district::District {}, District),
        decide(
            district::AddSchool {
                form: Default::default(),
            },
            District,
        ),
        decide(imports::ImportDesk {}, Managers),
        decide(
            inspections::InspectDesk {
                kind: "asset".into(),
                id: id(),
            },
            Inspectors,
        ),
        decide(
            inspections::ReportDesk {
                kind: "asset".into(),
                id: id(),
            },
            School,
        ),
        decide(inspections::ReportList { scope: none() }, School),
        decide(
            inspections::StepDamageReport {
                id: id(),
                status: "accepted".into(),
                reason: none(),
                measure: none(),
                due_on: none(),
                back: "/reports".into(),
            },
            Inspectors,
        ),
        decide(labels::LabelDesk { job: None }, Managers),
        decide(
            labels::SaveLabelStock {
                form: Default::default(),
            },
            Managers,
        ),
        decide(ledgers::LedgerDesk { period: None }, Inspectors),
        decide(
            ledgers::CloseLedger {
                ledger: none(),
                period: none(),
            },
            Inspectors,
        ),
        decide(
            ledgers::ReopenLedger {
                id: id(),
                reason: none(),
                period: none(),
            },
            Admin,
        ),
        decide(pages::HomeData {}, School),
        decide(pages::RoomPage { id: id() }, School),
        decide(pages::AssetPage { id: id() }, School),
        decide(
            pages::TagPage {
                code: "7K3M9QX2".into(),
            },
            School,
        ),
        decide(
            pages::Search {
                q: "灭火器".into(),
                offset: 0,
            },
            School,
        ),
        decide(register::Buildings {}, School),
        decide(
            register::SaveBuilding {
                id: "new".into(),
                name: none(),
            },
            Managers,
        ),
        decide(
            register::RoomEditor {
                id: id(),
                tag: None,
            },
            Managers,
        ),
        decide(
            register::SaveRoom {
                id: id(),
                form: Default::default(),
                tag: None,
            },
            Managers,
        ),
        decide(
            register::AssetEditor {
                id: id(),
                room: None,
                tag: None,
            },
            Managers,
        ),
        decide(
            register::SaveAsset {
                id: id(),
                form: Default::default(),
                tag: None,
            },
            Managers,
        ),
        decide(
            register::ClaimTag {
                code: "7K3M9QX2".into(),
                room_id: id(),
                asset_code: none(),
            },
            Managers,
        ),
        decide(rounds::MyRounds {}, Inspectors),
        decide(rounds::RoundsOverview {}, Managers),
        decide(rounds::ResolveSyncConflict { id: id() }, Managers),
        decide(rounds::ScheduleList {}, Managers),
        decide(
            rounds::SaveSchedule {
                form: Default::default(),
            },
            Managers,
        ),
        decide(rounds::EndSchedule { id: id() }, Managers),
        decide(stocktakes::StocktakeDesk {}, Inspectors),
        decide(stocktakes::StocktakeView { id: id() }, Inspectors),
        decide(
            stocktakes::StartStocktake {
                name: none(),
                building: none(),
                due: none(),
            },
            Managers,
        ),
        decide(stocktakes::FinishStocktake { id: id() }, Managers),
        decide(stocktakes::StocktakeDifferences { id: id() }, Inspectors),
        decide(
            stocktakes::SettleDifference {
                id: id(),
                target: id(),
                kind: "move".into(),
            },
            Managers,
        ),
        decide(users::UserList {}, Admin),
        decide(users::UserEditor { id: id() }, Admin),
        decide(
            users::SaveUser {
                id: id(),
                form: Default::default(),
            },
            Admin,
        ),
    ]
}

/// The error code of a server function's answer (an [`app::error::AppError`] as JSON).
fn server_fn_code(a: &Answer) -> String {
    a.json()["code"].as_str().unwrap_or_default().to_string()
}

#[tokio::test]
async fn every_server_function_lets_in_exactly_the_roles_the_table_names() {
    let app = spawn_app().await;
    let table = table();
    every_operation_decided(
        &server_fn::axum::server_fn_paths()
            .map(|(path, _)| path.to_string())
            .collect(),
        &table
            .iter()
            .map(|d| d.path.to_string())
            .collect::<BTreeSet<_>>(),
    );

    let tokens = tokens(&app).await;
    let client = reqwest::Client::new();
    let mut verdicts = Verdicts::default();
    for d in &table {
        for (caller, may) in d.who.allows().into_iter().enumerate() {
            let mut req = client
                .post(app.url(d.path))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(d.form.clone());
            if let Some(t) = &tokens[caller] {
                req = req.bearer_auth(t);
            }
            let res = req.send().await.expect("the server answers");
            let a = Answer {
                status: res.status(),
                headers: res.headers().clone(),
                text: res.text().await.unwrap_or_default(),
            };
            assert!(
                !["bad_request", "malformed"].contains(&server_fn_code(&a).as_str()),
                "{} as {}: the arguments did not parse: {}",
                d.path,
                CALLERS[caller],
                a.text
            );
            verdicts.judge(d.path, caller, may, &a, server_fn_code);
        }
    }
    verdicts.assert_none();
}
