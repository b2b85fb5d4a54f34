//! `/scan`: the camera scanner behind the 扫码 button beside the search box. The camera opens at
//! once; the first of our tags it reads opens that record (`/t/CODE`), anything else is
//! searched for. Its script (`public/scan/page.js`) and the decoder load only here.

use crate::components::frame::Frame;
use crate::components::script_text::{script_text, SCANNER};
use crate::i18n::Msg;
use crate::session::use_session;
use leptos::prelude::*;

#[component]
pub fn ScanPage() -> impl IntoView {
    let lang = use_session().lang;
    view! {
        <Frame>
            <h1>{lang.t(Msg::ScanTitle)}</h1>
            <section id="scan-page" class="count">
                <div class="scanner" data-scanner-host=""></div>
                <p class="notice" data-camera-note="" hidden=""></p>
                <p class="actions"><button type="button" data-scan-start="">{lang.t(Msg::ScanWithCamera)}</button></p>
                <p class="muted">{lang.t(Msg::ScanHint)}</p>
            </section>
            {script_text("scan-text", lang, &[SCANNER])}
            <script type="module" src="/scan/page.js"></script>
        </Frame>
    }
}
