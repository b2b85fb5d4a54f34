//! `/t/:code`: what a scanned label opens — the room or asset itself, a blank tag to link,
//! or a clear "unknown tag".

use super::{loaded, param};
use crate::components::editors::ClaimTagForm;
use crate::components::frame::{Bundle, Frame, IslandScripts, Notice};
use crate::components::records::{AssetRecord, RoomRecord};
use crate::i18n::Msg;
use crate::server_fns::pages::{tag_page, TagView};
use crate::session::{set_status, use_session};
use leptos::prelude::*;

#[component]
pub fn TagPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    let render = move |view: TagView| match view {
        TagView::Room(view) => view! { <RoomRecord view=*view/> }.into_any(),
        TagView::Asset(view) => view! { <AssetRecord view=*view/> }.into_any(),
        TagView::Shelf(view) => super::supplies::shelf_record(lang, *view).into_any(),
        TagView::Key(view) => super::keys::key_record(lang, *view).into_any(),
        TagView::Unknown { code } => {
            set_status(404);
            view! {
                <Notice title=format!("{} {code}", lang.t(Msg::UnknownTagTitle)) body=lang.t(Msg::UnknownTagBody).into()/>
            }
            .into_any()
        }
        TagView::OtherSchool { code, school } => {
            set_status(403);
            view! {
                <Notice title=format!("{} {code}", lang.t(Msg::OtherSchoolTagTitle)) body=lang.t(Msg::OtherSchoolTagBody).replace("{school}", &school)/>
            }
            .into_any()
        }
        TagView::Unassigned { code, claim_rooms } => {
            let claim = claim_rooms.map(|rooms| {
                view! {
                    <IslandScripts bundle=Bundle::Forms/>
                    <section class="card">
                        <h2>{lang.t(Msg::ClaimTag)}</h2>
                        <ClaimTagForm lang code=code.clone() rooms/>
                        <p>
                            <a class="button secondary" href=format!("/manage/assets/new?tag={code}")>{lang.t(Msg::NewAsset)}</a>
                            " "
                            <a class="button secondary" href=format!("/manage/rooms/new?tag={code}")>{lang.t(Msg::NewRoom)}</a>
                        </p>
                    </section>
                }
            });
            let body = if claim.is_some() {
                String::new()
            } else {
                lang.t(Msg::UnassignedBody).into()
            };
            view! {
                <Notice title=format!("{} {code}", lang.t(Msg::UnassignedTitle)) body/>
                {claim}
            }
            .into_any()
        }
    };
    view! { <Frame>{loaded(tag_page(param("code")), render)}</Frame> }
}
