//! `/manage/import`: bring the school's existing register in from its spreadsheet. The page
//! lists the imports made; the importer island previews and commits a file.

use crate::components::frame::{Frame, IslandScripts};
use crate::components::import::RegisterImporter;
use crate::components::import_preview::imports_view;
use crate::i18n::Msg;
use crate::pages::loaded;
use crate::server_fns::imports::{import_desk, ImportDeskData};
use crate::session::use_session;
use leptos::prelude::*;

#[component]
pub fn ImportPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    let render = move |desk: ImportDeskData| {
        view! {
            <p class="muted">{lang.t(Msg::ImportIntro)}</p>
            <RegisterImporter lang profiles=desk.profiles/>
            <IslandScripts/>
            <section>
                <h2>{lang.t(Msg::ExportRegister)}</h2>
                <p class="muted">{lang.t(Msg::ExportRegisterHint)}</p>
                <p>
                    <a class="button secondary" href="/api/v1/exports/register?format=xlsx" download>"XLSX"</a>
                    " "
                    <a class="button secondary" href="/api/v1/exports/register?format=csv" download>"CSV"</a>
                </p>
            </section>
            <section>
                <h2>{lang.t(Msg::RecentImports)}</h2>
                {imports_view(lang, desk.imports)}
            </section>
        }
    };
    view! {
        <Frame>
            <h1>{s.t(Msg::ImportTitle)}</h1>
            {loaded(import_desk(), render)}
        </Frame>
    }
}
