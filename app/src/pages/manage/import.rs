//! `/manage/import`: bring the school's existing register in from its spreadsheet. The page
//! lists the imports made; the importer island previews and commits a file.

use crate::components::fields::minute;
use crate::components::frame::{Bundle, Frame, IslandScripts};
use crate::components::import::RegisterImporter;
use crate::i18n::{Lang, Msg};
use crate::import::preview::RegisterImport;
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
            <IslandScripts bundle=Bundle::Import/>
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

/// The imports made, newest first.
pub fn imports_view(lang: Lang, imports: Vec<RegisterImport>) -> AnyView {
    if imports.is_empty() {
        return view! { <p class="muted">{lang.t(Msg::NoImports)}</p> }.into_any();
    }
    let rows = imports
        .into_iter()
        .map(|i| {
            let by = i
                .imported_by
                .map(|n| n.name)
                .unwrap_or_else(|| lang.t(Msg::SystemActor).into());
            let counts = format!(
                "{} {} · {} {} · {} {}",
                lang.t(Msg::ImportNewAssets),
                i.counts.new_assets,
                lang.t(Msg::ImportNewRooms),
                i.counts.new_rooms,
                lang.t(Msg::ImportChanged),
                i.counts.changed_assets
            );
            let sha = i.sha256.get(..12).unwrap_or(&i.sha256).to_string();
            view! {
                <li>
                    {minute(&i.imported_at)}" · "{by}" · "<strong>{i.file_name}</strong>
                    <br/><span class="muted">{counts}" · SHA-256 "<code>{sha}</code></span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="list">{rows}</ul> }.into_any()
}
