//! The browser's calls to `/api/v1` from islands: JSON posts and photo uploads, with the
//! server's translated error message (or a network error) when they fail. Signed in by the
//! page's session cookie; the server checks the origin of every write.

use crate::i18n::{Lang, Msg};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, Request, RequestCredentials, RequestInit, Response};

/// `{"error": {"message": …}}`, the API's error body.
#[derive(serde::Deserialize)]
struct Refusal {
    error: RefusalMessage,
}

#[derive(serde::Deserialize)]
struct RefusalMessage {
    message: String,
}

fn network(lang: Lang) -> String {
    lang.t(Msg::Network).to_string()
}

/// Sends `init` to `url` with the page's language; the response if it is a success, else the
/// message to show.
pub async fn send(url: &str, init: RequestInit, lang: Lang) -> Result<Response, String> {
    send_answering(url, init, lang, &[]).await
}

/// As [`send`], but a response with one of the `answering` statuses (a refusal whose body is
/// the answer, such as an import's 422 with its row errors) counts as a success.
pub async fn send_answering(
    url: &str,
    init: RequestInit,
    lang: Lang,
    answering: &[u16],
) -> Result<Response, String> {
    let res = fetch(url, init, lang).await?;
    if res.ok() || answering.contains(&res.status()) {
        return Ok(res);
    }
    Err(text_of(&res)
        .await
        .and_then(|b| serde_json::from_str::<Refusal>(&b).ok())
        .map(|r| r.error.message)
        .unwrap_or_else(|| network(lang)))
}

/// The body of an answer as text.
async fn text_of(res: &Response) -> Option<String> {
    JsFuture::from(res.text().ok()?).await.ok()?.as_string()
}

/// Sends `init` to `url` with the page's language; any answer the server gives, or the
/// network error to show.
async fn fetch(url: &str, init: RequestInit, lang: Lang) -> Result<Response, String> {
    let net = || network(lang);
    let headers = match init.get_headers().dyn_into::<Headers>() {
        Ok(h) => h,
        Err(_) => Headers::new().map_err(|_| net())?,
    };
    headers
        .set("accept-language", lang.code())
        .map_err(|_| net())?;
    init.set_headers(&headers);
    answer(url, init).await.ok_or_else(net)
}

/// Sends `init` to `url` with the page's session: any answer the server gives, or `None` when
/// it cannot be reached.
async fn answer(url: &str, init: RequestInit) -> Option<Response> {
    let window = web_sys::window()?;
    init.set_credentials(RequestCredentials::SameOrigin);
    let req = Request::new_with_str_and_init(url, &init).ok()?;
    JsFuture::from(window.fetch_with_request(&req))
        .await
        .ok()?
        .dyn_into()
        .ok()
}

pub async fn json_of<T: serde::de::DeserializeOwned>(
    res: Response,
    lang: Lang,
) -> Result<T, String> {
    let text = text_of(&res).await.ok_or_else(|| network(lang))?;
    serde_json::from_str(&text).map_err(|_| network(lang))
}

/// POSTs `body` as JSON and reads the JSON answer.
pub async fn post_json<B: serde::Serialize, T: serde::de::DeserializeOwned>(
    url: &str,
    body: &B,
    lang: Lang,
) -> Result<T, String> {
    let text = serde_json::to_string(body).map_err(|_| network(lang))?;
    let headers = Headers::new().map_err(|_| network(lang))?;
    headers
        .set("content-type", "application/json")
        .map_err(|_| network(lang))?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(&text));
    json_of(send(url, init, lang).await?, lang).await
}

/// Uploads one photo from a file input.
pub async fn upload_photo(file: web_sys::File, lang: Lang) -> Result<crate::model::Photo, String> {
    let form = web_sys::FormData::new().map_err(|_| network(lang))?;
    form.append_with_blob_and_filename("file", &file, &file.name())
        .map_err(|_| network(lang))?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_body(&form);
    json_of(send("/api/v1/photos", init, lang).await?, lang).await
}

/// The files chosen in the `<input type=file>` an event came from.
pub fn chosen_files(ev: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = input.files();
    let list = files
        .map(|fl| (0..fl.length()).filter_map(|i| fl.get(i)).collect())
        .unwrap_or_default();
    input.set_value("");
    list
}

/// A server function's refusal: the server adds the message in the visitor's language.
#[derive(serde::Deserialize)]
struct Refused {
    message: String,
}

/// Sends a form to its server function (its `action`) as the browser would without
/// JavaScript, but asking for the answer itself: the saved record's URL, or the refusal's
/// message; `Err(None)` when the server cannot be reached or answers what no form expects.
/// Nothing here is translated in the browser, so the forms' bundle carries no translations.
pub async fn save_form(form: &web_sys::HtmlFormElement) -> Result<String, Option<String>> {
    let data = web_sys::FormData::new_with_form(form).map_err(|_| None)?;
    let body = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data).map_err(|_| None)?;
    let headers = Headers::new().map_err(|_| None)?;
    headers
        .set("content-type", "application/x-www-form-urlencoded")
        .map_err(|_| None)?;
    headers
        .set("accept", "application/json")
        .map_err(|_| None)?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&JsValue::from(body.to_string()));
    let answer = answer(&form.action(), init).await.ok_or(None)?;
    let text = text_of(&answer).await.ok_or(None)?;
    match answer.ok() {
        true => serde_json::from_str::<crate::server_fns::Saved>(&text)
            .map(|saved| saved.url)
            .map_err(|_| None),
        false => Err(serde_json::from_str::<Refused>(&text)
            .ok()
            .map(|r| r.message)),
    }
}

/// Opens `url` (after a save).
pub fn go(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_href(url);
    }
}
