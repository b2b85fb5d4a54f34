//! The HTML document and the route table.

use crate::pages::{
    asset::AssetPage, compensations, dashboard, district, drills, home::HomePage, inspect, keys,
    manage, not_found::NotFound, purchases, room::RoomPage, rounds, scan, search::SearchPage,
    signin::SignInPage, stocktake_count, stocktakes, supplies, tag::TagPage,
};
use crate::Session;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

/// The document around every page. Only pages with islands load the wasm (see
/// [`crate::components::frame::IslandScripts`]), so a scanned record arrives as HTML and CSS alone.
pub fn shell(_options: LeptosOptions) -> impl IntoView {
    let session = Session::current();
    let lang = session.lang;
    let title = session.t(crate::i18n::Msg::AppName);
    provide_context(session);
    let stylesheet = crate::ssr::visitor::state()
        .map(|st| st.assets.stylesheet())
        .unwrap_or_else(|_| "/pkg/rounds.css".into());
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#0f6e56"/>
                <link rel="stylesheet" href=stylesheet/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <title>{title}</title>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The routes; every page is rendered on the server, only islands run in the browser.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Routes fallback=NotFound>
                <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                <Route path=path!("/signin") view=SignInPage ssr=SsrMode::Async/>
                <Route path=path!("/district") view=district::DistrictPage ssr=SsrMode::Async/>
                <Route path=path!("/search") view=SearchPage ssr=SsrMode::Async/>
                <Route path=path!("/scan") view=scan::ScanPage ssr=SsrMode::Async/>
                <Route path=path!("/t/:code") view=TagPage ssr=SsrMode::Async/>
                // Label QR codes carry the URL in upper case (alphanumeric mode).
                <Route path=path!("/T/:code") view=TagPage ssr=SsrMode::Async/>
                <Route path=path!("/rooms/:id") view=RoomPage ssr=SsrMode::Async/>
                <Route path=path!("/assets/:id") view=AssetPage ssr=SsrMode::Async/>
                <Route path=path!("/dashboard") view=dashboard::DashboardPage ssr=SsrMode::Async/>
                <Route path=path!("/manage") view=manage::ManageHome ssr=SsrMode::Async/>
                <Route path=path!("/manage/buildings") view=manage::buildings::BuildingsPage ssr=SsrMode::Async/>
                <Route path=path!("/manage/rooms") view=manage::rooms::RoomListPage ssr=SsrMode::Async/>
                <Route path=path!("/manage/rooms/:id") view=manage::rooms::RoomEditPage ssr=SsrMode::Async/>
                <Route path=path!("/manage/assets") view=manage::assets::AssetListPage ssr=SsrMode::Async/>
                <Route path=path!("/manage/assets/:id") view=manage::assets::AssetEditPage ssr=SsrMode::Async/>
                <Route path=path!("/manage/users") view=manage::users::UserListPage ssr=SsrMode::Async/>
                <Route path=path!("/manage/users/:id") view=manage::users::UserEditPage ssr=SsrMode::Async/>
                <Route path=path!("/manage/labels") view=manage::labels::LabelsPage ssr=SsrMode::Async/>
                <Route path=path!("/manage/import") view=manage::import::ImportPage ssr=SsrMode::Async/>
                <Route path=path!("/manage/ledgers") view=manage::ledgers::LedgersPage ssr=SsrMode::Async/>
                <Route path=path!("/manage/checklists") view=manage::checklists::ChecklistsPage ssr=SsrMode::Async/>
                <Route path=path!("/manage/checklists/:key") view=manage::checklists::ChecklistEditPage ssr=SsrMode::Async/>
                <Route path=path!("/manage/schedules") view=manage::schedules::SchedulesPage ssr=SsrMode::Async/>
                <Route path=path!("/rounds") view=rounds::RoundsPage ssr=SsrMode::Async/>
                <Route path=path!("/stocktakes") view=stocktakes::StocktakesPage ssr=SsrMode::Async/>
                <Route path=path!("/stocktakes/:id") view=stocktakes::StocktakePage ssr=SsrMode::Async/>
                <Route path=path!("/stocktakes/:id/count") view=stocktake_count::StocktakeCountPage ssr=SsrMode::Async/>
                <Route path=path!("/rounds/overview") view=rounds::OverviewPage ssr=SsrMode::Async/>
                <Route path=path!("/inspect/:kind/:id") view=inspect::InspectPage ssr=SsrMode::Async/>
                <Route path=path!("/report/:kind/:id") view=inspect::ReportPage ssr=SsrMode::Async/>
                <Route path=path!("/reports") view=inspect::ReportsPage ssr=SsrMode::Async/>
                <Route path=path!("/compensations") view=compensations::CompensationsPage ssr=SsrMode::Async/>
                <Route path=path!("/compensations/new") view=compensations::NewCasePage ssr=SsrMode::Async/>
                <Route path=path!("/supplies") view=supplies::SuppliesPage ssr=SsrMode::Async/>
                <Route path=path!("/supplies/:id") view=supplies::SupplyPage ssr=SsrMode::Async/>
                <Route path=path!("/purchases") view=purchases::PurchasesPage ssr=SsrMode::Async/>
                <Route path=path!("/purchases/:id") view=purchases::PurchasePage ssr=SsrMode::Async/>
                <Route path=path!("/keys") view=keys::KeysPage ssr=SsrMode::Async/>
                <Route path=path!("/drills") view=drills::DrillsPage ssr=SsrMode::Async/>
                <Route path=path!("/drills/:id") view=drills::DrillPage ssr=SsrMode::Async/>
                <Route path=path!("/keys/:id") view=keys::KeyPage ssr=SsrMode::Async/>
            </Routes>
        </Router>
    }
}
