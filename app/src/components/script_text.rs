//! Sentences for the pages' plain scripts (`public/offline/count.js`, `public/scan/page.js`):
//! rendered by the server in the visitor's language as one JSON object in a
//! `<script type="application/json">`, each under the name the script reads.

use crate::i18n::{Lang, Msg};
use leptos::prelude::*;

/// What the camera scanner (`public/scan/scanner.js`) says, wherever it opens.
pub const SCANNER: &[(&str, Msg)] = &[
    ("torch", Msg::Torch),
    ("zoom", Msg::Zoom),
    ("camera", Msg::Camera),
    ("stop", Msg::StopScanning),
    ("aim", Msg::AimAtLabels),
    ("cameraInsecure", Msg::CameraInsecure),
    ("cameraDenied", Msg::CameraDenied),
    ("cameraNone", Msg::CameraNone),
];

/// `<script type="application/json" id=…>` holding `groups`' sentences in `lang`.
pub fn script_text(id: &'static str, lang: Lang, groups: &[&[(&str, Msg)]]) -> impl IntoView {
    let map: serde_json::Map<String, serde_json::Value> = groups
        .iter()
        .flat_map(|g| g.iter())
        .map(|(k, m)| (k.to_string(), lang.t(*m).into()))
        .collect();
    // Inside <script> nothing is unescaped: keep `</script>` from ever appearing.
    let json = serde_json::Value::Object(map)
        .to_string()
        .replace('<', "\\u003c");
    view! { <script type="application/json" id=id inner_html=json></script> }
}
