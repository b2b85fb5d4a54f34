//! The import page's island: choose the register file, read its preview, correct the column
//! mapping (and keep it as a profile), then commit. Every step is `POST /api/v1/imports` with
//! the file and the choices; nothing is written until the manager commits.

use super::import_preview::{chosen_column, committed_html, preview_html, PreviewShown};
use crate::i18n::{Lang, Msg};
use crate::import::columns::RegisterColumn;
use crate::import::Quantities;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Where the importer stands.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
enum Step {
    Idle,
    Working,
    Failed(String),
    /// A note after a profile was saved.
    Noted(String),
}

/// What the manager chose, sent with the file on every request.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Choices {
    pub quantities: Quantities,
    pub profile: String,
    pub corrections: BTreeMap<String, Option<RegisterColumn>>,
}

#[island]
pub fn RegisterImporter(lang: Lang, profiles: Vec<String>) -> impl IntoView {
    let file_input = NodeRef::<leptos::html::Input>::new();
    let choices = RwSignal::new(Choices::default());
    let profiles = RwSignal::new(profiles);
    let preview = RwSignal::new(None::<PreviewShown>);
    let step = RwSignal::new(Step::Idle);
    let run = move |commit: bool| {
        if step.get_untracked() == Step::Working {
            return;
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (commit, file_input, choices, preview);
        #[cfg(feature = "hydrate")]
        {
            let file = file_input
                .get_untracked()
                .and_then(|i| i.files())
                .and_then(|f| f.get(0));
            let Some(file) = file else {
                step.set(Step::Failed(lang.t(Msg::ImportChooseFile).into()));
                return;
            };
            step.set(Step::Working);
            let sent = choices.get_untracked();
            leptos::task::spawn_local(async move {
                match upload::import(file, &sent, commit, lang).await {
                    Ok(p) => {
                        preview.set(Some(p));
                        step.set(Step::Idle);
                    }
                    Err(message) => step.set(Step::Failed(message)),
                }
            });
        }
    };
    // A new file starts from Rounds' own reading (and the chosen profile).
    let chosen = move |_| {
        choices.update(|c| c.corrections.clear());
        preview.set(None);
        run(false);
    };
    let again = move || {
        if preview.get_untracked().is_some() {
            run(false);
        }
    };
    let set_quantities = move |q: Quantities| {
        choices.update(|c| c.quantities = q);
        again();
    };
    let set_profile = move |ev: leptos::ev::Event| {
        choices.update(|c| {
            c.profile = event_target_value(&ev);
            c.corrections.clear();
        });
        again();
    };
    let remap = move |letters: String, reads: Option<RegisterColumn>| {
        choices.update(|c| {
            c.corrections.insert(letters, reads);
        });
        run(false);
    };
    let save_profile = move |name: String| {
        #[cfg(not(feature = "hydrate"))]
        let _ = (name, profiles);
        #[cfg(feature = "hydrate")]
        {
            let Some(p) = preview.get_untracked() else {
                return;
            };
            leptos::task::spawn_local(async move {
                match upload::save_profile(&name, &p, lang).await {
                    Ok(saved) => {
                        profiles.update(|ps| {
                            if !ps.contains(&saved) {
                                ps.push(saved.clone());
                            }
                        });
                        choices.update(|c| c.profile = saved.clone());
                        step.set(Step::Noted(
                            lang.t(Msg::ImportProfileSaved).replace("{n}", &saved),
                        ));
                    }
                    Err(message) => step.set(Step::Failed(message)),
                }
            });
        }
    };
    // The preview is HTML text; its controls are answered here as their events bubble up.
    let changed = move |ev: leptos::ev::Event| {
        if let Some(letters) = target_attribute(&ev, "data-letters") {
            remap(letters, chosen_column(&event_target_value(&ev)));
        }
    };
    let clicked = move |ev: leptos::ev::MouseEvent| {
        if target_attribute(&ev, "data-action").as_deref() == Some("commit") {
            run(true);
        }
    };
    let submitted = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(name) = profile_name(&ev) {
            save_profile(name);
        }
    };
    let profile_options = move || {
        let current = choices.with(|c| c.profile.clone());
        profiles
            .get()
            .into_iter()
            .map(|name| {
                let selected = name == current;
                view! { <option value=name.clone() selected=selected>{name.clone()}</option> }
            })
            .collect_view()
    };
    let quantity_choice = move |q: Quantities, text: Msg| {
        let checked = move || choices.with(|c| c.quantities == q);
        view! {
            <label class="check">
                <input type="radio" name="quantities" value=q.code() prop:checked=checked on:change=move |_| set_quantities(q)/>
                <span>{lang.t(text)}</span>
            </label>
        }
    };
    let status = move || match step.get() {
        Step::Idle => ().into_any(),
        Step::Working => {
            view! { <progress></progress><span>{lang.t(Msg::ImportReading)}</span> }.into_any()
        }
        Step::Failed(m) => view! { <span class="form-error" role="alert">{m}</span> }.into_any(),
        Step::Noted(m) => view! { <span class="import-note">{m}</span> }.into_any(),
    };
    let body = move || {
        preview.with(|p| match p {
            None => String::new(),
            Some(p) => match &p.committed {
                Some(done) => committed_html(lang, done),
                None => preview_html(lang, p),
            },
        })
    };
    view! {
        <div class="form importer">
            <label class="field">
                <span>{lang.t(Msg::ImportFile)}</span>
                <input type="file" name="file" node_ref=file_input
                    accept=".xlsx,.xls,.ods,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv"
                    on:change=chosen/>
            </label>
            <fieldset class="quantities">
                <legend>{lang.t(Msg::ImportQuantities)}</legend>
                {quantity_choice(Quantities::Each, Msg::QuantitiesEach)}
                {quantity_choice(Quantities::Batch, Msg::QuantitiesBatch)}
            </fieldset>
            <label class="field">
                <span>{lang.t(Msg::FieldProfile)}</span>
                <select name="profile" on:change=set_profile>
                    <option value="">{lang.t(Msg::ImportProfileAuto)}</option>
                    {profile_options}
                </select>
            </label>
            <button type="button" class="secondary" on:click=move |_| run(false)>{lang.t(Msg::Preview)}</button>
            <p class="import-status" role="status">{status}</p>
        </div>
        <div class="import-preview" inner_html=body on:change=changed on:click=clicked on:submit=submitted></div>
    }
}

/// The attribute `name` of the element an event came from (none off the browser).
fn target_attribute(ev: &leptos::ev::Event, name: &str) -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        ev.target()?
            .dyn_into::<web_sys::Element>()
            .ok()?
            .get_attribute(name)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (ev, name);
        None
    }
}

/// The name typed into the profile form a submit event came from.
fn profile_name(ev: &leptos::ev::SubmitEvent) -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let form = ev.target()?.dyn_into::<web_sys::HtmlFormElement>().ok()?;
        let input = form.query_selector("input[name=profile_name]").ok()??;
        Some(input.dyn_into::<web_sys::HtmlInputElement>().ok()?.value())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = ev;
        None
    }
}

/// The browser side: the multipart upload and the profile save.
#[cfg(feature = "hydrate")]
mod upload {
    use super::{Choices, PreviewShown};
    use crate::components::net::{json_of, post_json, send_answering};
    use crate::i18n::{Lang, Msg};
    use crate::import::columns::Profile;
    use web_sys::{File, FormData, RequestInit};

    /// A commit refused for the file's errors answers 422 with the preview naming them.
    const REFUSED_WITH_PREVIEW: u16 = 422;

    pub async fn import(
        file: File,
        choices: &Choices,
        commit: bool,
        lang: Lang,
    ) -> Result<PreviewShown, String> {
        let net = || lang.t(Msg::Network).to_string();
        let form = FormData::new().map_err(|_| net())?;
        let mapping = serde_json::to_string(&choices.corrections).map_err(|_| net())?;
        let fields = [
            ("quantities", choices.quantities.code().to_string()),
            ("profile", choices.profile.clone()),
            ("mapping", mapping),
            ("commit", commit.to_string()),
        ];
        for (name, value) in fields {
            form.append_with_str(name, &value).map_err(|_| net())?;
        }
        form.append_with_blob_and_filename("file", &file, &file.name())
            .map_err(|_| net())?;
        let init = RequestInit::new();
        init.set_method("POST");
        init.set_body(&form);
        let res = send_answering("/api/v1/imports", init, lang, &[REFUSED_WITH_PREVIEW]).await?;
        json_of(res, lang).await
    }

    /// The saved profile's name (the rest of the answer is not needed here).
    #[derive(serde::Deserialize)]
    struct Saved {
        name: String,
    }

    #[derive(serde::Serialize)]
    struct NewProfile<'a> {
        name: &'a str,
        mapping: Profile,
    }

    /// Keeps the preview's mapping (header → column) under `name`; the name as saved.
    pub async fn save_profile(
        name: &str,
        preview: &PreviewShown,
        lang: Lang,
    ) -> Result<String, String> {
        let mapping = preview
            .columns
            .iter()
            .filter(|c| !c.header.trim().is_empty())
            .map(|c| (c.header.trim().to_string(), c.reads))
            .collect();
        let saved: Saved = post_json(
            "/api/v1/import-profiles",
            &NewProfile { name, mapping },
            lang,
        )
        .await?;
        Ok(saved.name)
    }
}
