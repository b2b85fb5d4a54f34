//! The labels page's islands: the PDF download with progress, and the custom-stock form.

use super::fields::TextInput;
use super::saving_form::SavingForm;
use crate::i18n::{Lang, Msg};
use crate::server_fns::labels::SaveLabelStock;
use leptos::prelude::*;
use server_fn::ServerFn;

/// Where a download stands (only the browser moves past `Making`).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
enum Progress {
    Idle,
    /// The server is drawing the labels (no bytes yet).
    Making,
    /// Percent of the PDF received.
    Receiving(u32),
    /// Saved; the object URL and file name stay for a second try.
    Done(String, String),
    Failed(String),
}

/// "Download PDF": posts the job to `/api/v1/labels`, shows progress while the server draws
/// and sends, then saves the file. The page stays responsive throughout (all of it is async).
#[island]
pub fn LabelDownload(lang: Lang, job: String, labels: usize) -> impl IntoView {
    let progress = RwSignal::new(Progress::Idle);
    let busy = move || matches!(progress.get(), Progress::Making | Progress::Receiving(_));
    let start = move |_| {
        if busy() {
            return;
        }
        progress.set(Progress::Making);
        #[cfg(not(feature = "hydrate"))]
        let _ = &job;
        #[cfg(feature = "hydrate")]
        {
            let job = job.clone();
            leptos::task::spawn_local(async move {
                let done = fetch::pdf(&job, lang, move |p| progress.set(Progress::Receiving(p)));
                progress.set(match done.await {
                    Ok((url, name)) => Progress::Done(url, name),
                    Err(message) => Progress::Failed(message),
                });
            });
        }
    };
    let status = move || {
        match progress.get() {
        Progress::Idle => ().into_any(),
        Progress::Making => view! {
            <progress></progress>
            <span>{lang.t(Msg::Generating)}</span>
        }
        .into_any(),
        Progress::Receiving(p) => view! {
            <progress max="100" value=p></progress>
            <span>{lang.t(Msg::Downloading)}" "{p}"%"</span>
        }
        .into_any(),
        Progress::Done(url, name) => view! {
            <span>{lang.t(Msg::Downloaded)}<a href=url download=name.clone()>{name.clone()}</a></span>
        }
        .into_any(),
        Progress::Failed(message) => {
            view! { <span class="form-error" role="alert">{message}</span> }.into_any()
        }
    }
    };
    view! {
        <div class="download">
            <button type="button" on:click=start disabled=busy>
                {lang.t(Msg::DownloadPdf)}" · "{labels}{lang.t(Msg::LabelsCount)}
            </button>
            <p class="download-status" role="status">{status}</p>
        </div>
    }
}

#[component]
pub fn StockEditorForm(lang: Lang) -> impl IntoView {
    view! {
        <SavingForm lang action=SaveLabelStock::url() class="form stock-form">
            <TextInput label=lang.t(Msg::Name) name="form[name]" value="" required=true/>
            <TextInput label=lang.t(Msg::FieldPageWidth) name="form[page_width_mm]" value="210" kind="number" required=true/>
            <TextInput label=lang.t(Msg::FieldPageHeight) name="form[page_height_mm]" value="297" kind="number" required=true/>
            <TextInput label=lang.t(Msg::FieldColumns) name="form[columns]" value="" kind="number" required=true/>
            <TextInput label=lang.t(Msg::FieldRows) name="form[rows]" value="" kind="number" required=true/>
            <TextInput label=lang.t(Msg::FieldLabelWidth) name="form[label_width_mm]" value="" kind="number" required=true/>
            <TextInput label=lang.t(Msg::FieldLabelHeight) name="form[label_height_mm]" value="" kind="number" required=true/>
            <TextInput label=lang.t(Msg::FieldMarginLeft) name="form[margin_left_mm]" value="0" kind="number"/>
            <TextInput label=lang.t(Msg::FieldMarginTop) name="form[margin_top_mm]" value="0" kind="number"/>
            <TextInput label=lang.t(Msg::FieldGapX) name="form[gap_x_mm]" value="0" kind="number"/>
            <TextInput label=lang.t(Msg::FieldGapY) name="form[gap_y_mm]" value="0" kind="number"/>
            <button type="submit">{lang.t(Msg::Save)}</button>
        </SavingForm>
    }
}

/// The browser side of the download: a streamed fetch, then a Blob saved through a temporary
/// link.
#[cfg(feature = "hydrate")]
mod fetch {
    use crate::components::net::send;
    use crate::i18n::{Lang, Msg};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{Blob, BlobPropertyBag, Headers, ReadableStreamDefaultReader, RequestInit, Url};

    pub async fn pdf(
        job: &str,
        lang: Lang,
        progress: impl Fn(u32),
    ) -> Result<(String, String), String> {
        let net = || lang.t(Msg::Network).to_string();
        let window = web_sys::window().ok_or_else(net)?;
        let headers = Headers::new().map_err(|_| net())?;
        headers
            .set("content-type", "application/json")
            .map_err(|_| net())?;
        let init = RequestInit::new();
        init.set_method("POST");
        init.set_body(&JsValue::from_str(job));
        init.set_headers(&headers);
        let res = send("/api/v1/labels", init, lang).await?;
        let header = |name: &str| res.headers().get(name).ok().flatten();
        let total: f64 = header("content-length")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0);
        let name = header("content-disposition")
            .and_then(|d| {
                d.split("filename=\"")
                    .nth(1)
                    .map(|n| n.trim_end_matches('"').to_string())
            })
            .unwrap_or_else(|| "labels.pdf".into());
        let reader: ReadableStreamDefaultReader = res
            .body()
            .ok_or_else(net)?
            .get_reader()
            .dyn_into()
            .map_err(|_| net())?;
        let mut bytes: Vec<u8> = Vec::new();
        loop {
            let chunk = JsFuture::from(reader.read()).await.map_err(|_| net())?;
            let field = |f: &str| js_sys::Reflect::get(&chunk, &JsValue::from_str(f));
            if field("done").ok().and_then(|d| d.as_bool()).unwrap_or(true) {
                break;
            }
            let value = field("value").map_err(|_| net())?;
            bytes.extend(js_sys::Uint8Array::new(&value).to_vec());
            if total > 0.0 {
                progress((bytes.len() as f64 * 100.0 / total).min(100.0) as u32);
            }
        }
        let parts = js_sys::Array::new();
        parts.push(&js_sys::Uint8Array::from(bytes.as_slice()));
        let options = BlobPropertyBag::new();
        options.set_type("application/pdf");
        let blob =
            Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|_| net())?;
        let url = Url::create_object_url_with_blob(&blob).map_err(|_| net())?;
        let link: web_sys::HtmlAnchorElement = window
            .document()
            .and_then(|d| d.create_element("a").ok())
            .and_then(|a| a.dyn_into().ok())
            .ok_or_else(net)?;
        link.set_href(&url);
        link.set_download(&name);
        link.click();
        Ok((url, name))
    }
}
