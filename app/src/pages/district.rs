//! `/district` (and `/` for a district admin): every school with its figures, and a form to add
//! a school with its first admin.

use super::loaded;
use crate::components::frame::{Bundle, Frame, IslandScripts};
use crate::components::people_forms::SchoolEditorForm;
use crate::i18n::Msg;
use crate::model::SchoolFigures;
use crate::server_fns::district::district;
use crate::session::use_session;
use leptos::prelude::*;

#[component]
pub fn DistrictPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    let render = move |schools: Vec<SchoolFigures>| {
        let none = schools
            .is_empty()
            .then(|| view! { <p class="muted">{lang.t(Msg::NoSchools)}</p> });
        let rows = schools
            .into_iter()
            .map(|f| {
                view! {
                    <tr>
                        <th scope="row">{f.school.name}</th>
                        <td>{f.users}</td>
                        <td>{f.rooms}</td>
                        <td>{f.assets}</td>
                        <td>{f.inspections}</td>
                        <td>{f.open_reports}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <IslandScripts bundle=Bundle::Forms/>
            <h1>{lang.t(Msg::DistrictTitle)}</h1>
            <p class="muted">{lang.t(Msg::DistrictIntro)}</p>
            {none}
            <div class="table-scroll" tabindex="0" role="region" aria-label=lang.t(Msg::DistrictTitle)>
                <table class="figures">
                    <thead>
                        <tr>
                            <th scope="col">{lang.t(Msg::SchoolColumn)}</th>
                            <th scope="col">{lang.t(Msg::UsersColumn)}</th>
                            <th scope="col">{lang.t(Msg::Rooms)}</th>
                            <th scope="col">{lang.t(Msg::AssetsColumn)}</th>
                            <th scope="col">{lang.t(Msg::InspectionsColumn)}</th>
                            <th scope="col">{lang.t(Msg::OpenReportsColumn)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <section class="card">
                <h2>{lang.t(Msg::AddSchool)}</h2>
                <SchoolEditorForm lang/>
            </section>
        }
    };
    view! { <Frame>{loaded(district(), render)}</Frame> }
}
