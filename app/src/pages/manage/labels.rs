//! `/manage/labels`: pick what to print and the stock, preview the sheets as they print, and
//! download one PDF. The form is a plain GET form; the download is an island that shows
//! progress while the server draws and sends the PDF.

use crate::components::fields::{named_choices, SelectInput, TextInput};
use crate::components::frame::{Bundle, Frame, IslandScripts};
use crate::components::labels::{LabelDownload, StockEditorForm};
use crate::domain::AssetStatus;
use crate::i18n::{Lang, Msg};
use crate::labels::{LabelJob, StockChoice, MAX_LABELS};
use crate::pages::{loaded, query};
use crate::server_fns::labels::{label_desk, DeskData, LabelPreview, StockOption};
use crate::session::use_session;
use leptos::prelude::*;

/// What the form asks to print.
#[derive(Clone, Copy, PartialEq, Eq)]
enum What {
    Assets,
    Doors,
    Tags,
    New,
    /// Every shelf of the supplies store.
    Shelves,
    /// Every key of the key cabinet.
    Keys,
    /// The tags of a job in the print log; reached from its "reprint" link.
    Reprint,
}

impl What {
    const ALL: [(What, &'static str, Msg); 7] = [
        (What::Assets, "assets", Msg::LabelWhatAssets),
        (What::Doors, "doors", Msg::LabelWhatDoors),
        (What::Tags, "tags", Msg::LabelWhatTags),
        (What::New, "new", Msg::LabelWhatNew),
        (What::Shelves, "shelves", Msg::LabelWhatShelves),
        (What::Keys, "keys", Msg::LabelWhatKeys),
        (What::Reprint, "reprint", Msg::LabelWhatReprint),
    ];

    fn parse(raw: &str) -> What {
        What::ALL
            .iter()
            .find(|(_, code, _)| *code == raw)
            .map(|(w, ..)| *w)
            .unwrap_or(What::Assets)
    }
}

/// The job the form's query describes; `None` until the form is sent.
fn job_from_query() -> Option<LabelJob> {
    let stock = query("stock");
    if stock.is_empty() {
        return None;
    }
    let some = |v: String| Some(v).filter(|v| !v.trim().is_empty());
    let uuid = |v: String| some(v).and_then(|v| uuid::Uuid::parse_str(&v).ok());
    // A number that does not parse is sent on as -1, so the job's checks name the field.
    let number = |v: String| some(v).map(|v| v.trim().parse::<i64>().unwrap_or(-1));
    let checked = |name| !query(name).is_empty();
    let mut job = LabelJob {
        stock: StockChoice::Named(stock),
        skip: number(query("skip")).unwrap_or(0),
        custodian: checked("custodian"),
        ..LabelJob::default()
    };
    match What::parse(&query("what")) {
        What::Tags => {
            let list = query("tags");
            job.tags = Some(
                list.split([',', '\n', ' ', '，'])
                    .map(str::to_string)
                    .collect(),
            );
        }
        What::New => job.new_tags = Some(number(query("new_tags")).unwrap_or(0)),
        What::Shelves => job.shelves = true,
        What::Keys => job.keys = true,
        // An id that does not parse is the nil id: "not found", not a silent other selection.
        What::Reprint => job.reprint = Some(uuid(query("job")).unwrap_or_default()),
        what => {
            job.doors = what == What::Doors;
            job.building = uuid(query("building"));
            job.room = uuid(query("room"));
            job.never_printed = checked("never_printed");
            if what == What::Assets {
                job.category = some(query("category"));
                job.status = some(query("status"));
            }
        }
    }
    Some(job)
}

fn stock_text(lang: Lang, s: &StockOption) -> String {
    let (w, h) = s.label_mm;
    let size = format!("{w}×{h} mm");
    if !s.built_in {
        return format!(
            "{} · {size} · {}{}",
            s.key,
            lang.t(Msg::PerPage),
            s.per_page
        );
    }
    if s.per_page == 1 {
        format!("{} {size}", lang.t(Msg::RollStock))
    } else {
        let grid = s.key.trim_start_matches("a4-").replace('x', "×");
        format!("{} {grid} · {size}", lang.t(Msg::SheetStock))
    }
}

#[component]
pub fn LabelsPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    let job = job_from_query();
    view! {
        <Frame>
            <h1>{s.t(Msg::Labels)}</h1>
            {loaded(label_desk(job), move |desk| desk_view(lang, desk))}
        </Frame>
    }
}

fn desk_view(lang: Lang, desk: DeskData) -> impl IntoView {
    let what = What::parse(&query("what"));
    let loopback = ["://127.", "://localhost", "://[::1]", "://0.0.0.0"]
        .iter()
        .any(|p| desk.public_url.contains(p));
    let whats = What::ALL
        .iter()
        .filter(|(w, ..)| *w != What::Reprint || what == What::Reprint)
        .map(|(w, code, msg)| (code.to_string(), lang.t(*msg).to_string(), *w == what))
        .map(
            |(code, text, selected)| view! { <option value=code selected=selected>{text}</option> },
        )
        .collect_view();
    let stock = Some(query("stock"))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "a4-3x8".into());
    let stocks: Vec<(String, String)> = desk
        .stocks
        .iter()
        .map(|s| (s.key.clone(), stock_text(lang, s)))
        .collect();
    let categories: Vec<(String, String)> = desk
        .categories
        .iter()
        .map(|c| (c.clone(), c.clone()))
        .collect();
    let statuses: Vec<(String, String)> = AssetStatus::ALL
        .iter()
        .map(|st| (st.code().to_string(), lang.t(Msg::status(*st)).to_string()))
        .collect();
    let checked = |name| !query(name).is_empty();
    let preview = desk.preview.map(|p| match p {
        Ok(p) => preview_view(lang, p).into_any(),
        Err(e) => view! { <p class="form-error" role="alert">{e.message(lang)}</p> }.into_any(),
    });
    view! {
        <p class="muted">{lang.t(Msg::LabelsIntro)}" "{lang.t(Msg::LabelLimit).replace("{n}", &MAX_LABELS.to_string())}</p>
        <p class=if loopback { "warning" } else { "muted" }>
            {lang.t(Msg::LabelUrlNote)}<code>{format!("{}/T/…", desk.public_url.to_uppercase())}</code>
            {loopback.then(|| view! { " "{lang.t(Msg::LabelUrlLoopback)} })}
        </p>
        <form class="form labels-form" method="get" action="/manage/labels">
            <label class="field">
                <span>{lang.t(Msg::LabelWhat)}</span>
                <select name="what">{whats}</select>
            </label>
            {(what == What::Reprint).then(|| view! { <input type="hidden" name="job" value=query("job")/> })}
            <SelectInput lang label=lang.t(Msg::Building) name="building" value=query("building") choices=named_choices(&desk.buildings) allow_none=true none_text=lang.t(Msg::AllOption)/>
            <SelectInput lang label=lang.t(Msg::Room) name="room" value=query("room") choices=named_choices(&desk.rooms) allow_none=true none_text=lang.t(Msg::AllOption)/>
            <SelectInput lang label=lang.t(Msg::Category) name="category" value=query("category") choices=categories allow_none=true none_text=lang.t(Msg::AllOption)/>
            <SelectInput lang label=lang.t(Msg::Status) name="status" value=query("status") choices=statuses allow_none=true none_text=lang.t(Msg::AllOption)/>
            <label class="check">
                <input type="checkbox" name="never_printed" value="1" checked=checked("never_printed")/>
                <span>{lang.t(Msg::NeverPrinted)}</span>
            </label>
            <label class="field">
                <span>{lang.t(Msg::TagListHint)}</span>
                <textarea name="tags" rows="3" autocapitalize="characters">{query("tags")}</textarea>
            </label>
            <TextInput label=lang.t(Msg::NewTagCount) name="new_tags" value=query("new_tags") kind="number"/>
            <SelectInput lang label=lang.t(Msg::StockLabel) name="stock" value=stock choices=stocks/>
            <TextInput label=lang.t(Msg::SkipLabel) name="skip" value=query("skip") kind="number" hint="0"/>
            <label class="check">
                <input type="checkbox" name="custodian" value="1" checked=checked("custodian")/>
                <span>{lang.t(Msg::PrintCustodian)}</span>
            </label>
            <button type="submit">{lang.t(Msg::Preview)}</button>
        </form>
        {preview}
        <IslandScripts bundle=Bundle::Labels/>
        <section>
            <h2>{lang.t(Msg::RecentPrints)}</h2>
            {prints_view(lang, desk.prints)}
        </section>
        <section>
            <h2>{lang.t(Msg::CustomStocks)}</h2>
            <p class="muted">{lang.t(Msg::CustomStockHint)}</p>
            <StockEditorForm lang/>
        </section>
    }
}

fn preview_view(lang: Lang, p: LabelPreview) -> impl IntoView {
    let summary = lang
        .t(Msg::PreviewSummary)
        .replace("{n}", &p.labels.to_string())
        .replace("{p}", &p.pages.to_string());
    let sheets = p
        .sheets
        .into_iter()
        .map(|svg| view! { <div class="sheet-frame" inner_html=svg></div> })
        .collect_view();
    view! {
        <section class="label-preview" id="preview">
            <p><strong>{summary}</strong></p>
            <LabelDownload lang job=p.job labels=p.labels/>
            <p class="muted">{lang.t(Msg::PreviewFirstPages)}</p>
            <div class="sheets">{sheets}</div>
        </section>
    }
}

fn prints_view(lang: Lang, prints: Vec<crate::model::PrintJob>) -> AnyView {
    if prints.is_empty() {
        return view! { <p class="muted">{lang.t(Msg::NoPrints)}</p> }.into_any();
    }
    let rows = prints
        .into_iter()
        .map(|j| {
            let by =
                j.by.map(|n| n.name)
                    .unwrap_or_else(|| lang.t(Msg::SystemActor).into());
            let when = crate::components::fields::minute(&j.at);
            let again = format!(
                "/manage/labels?what=reprint&job={}&stock={}#preview",
                j.id,
                crate::pages::encode_query(&j.stock)
            );
            view! {
                <li>
                    {when}" · "{by}" · "{j.stock}" · "{j.labels}{lang.t(Msg::LabelsCount)}
                    " "<a href=again>{lang.t(Msg::Reprint)}</a>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="list">{rows}</ul> }.into_any()
}
