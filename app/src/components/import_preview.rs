//! What the importer shows of a file: its counts, its errors by row and column, the column
//! mapping to correct, what would be created and changed, and the commit; then what was done.

use crate::i18n::{Lang, Msg};
use crate::import::columns::RegisterColumn;
use crate::import::preview::{ImportCounts, ImportPreview, MappedColumn, RegisterImport};
use leptos::prelude::*;

/// What the preview's controls do, run by the importer.
#[derive(Clone, Copy)]
pub struct PreviewActions {
    /// A column (by letters) now read as another column, or left out.
    pub remap: Callback<(String, Option<RegisterColumn>)>,
    /// Keep the mapping under a name.
    pub save_profile: Callback<String>,
    pub commit: Callback<()>,
}

/// "2026-12-06 09:30" of a stored time.
fn minute(at: &str) -> String {
    at.get(..16).unwrap_or(at).replace('T', " ")
}

/// "… and 12 more" under a list cut at the preview's limit.
fn more(lang: Lang, shown: usize, total: usize) -> Option<impl IntoView> {
    (total > shown).then(|| {
        let text = lang
            .t(Msg::ImportMore)
            .replace("{n}", &(total - shown).to_string());
        view! { <li class="muted">{text}</li> }
    })
}

fn counts_view(lang: Lang, c: &ImportCounts) -> impl IntoView {
    let items = [
        (Msg::ImportRowsCount, c.rows),
        (Msg::ImportNewAssets, c.new_assets),
        (Msg::ImportNewRooms, c.new_rooms),
        (Msg::ImportNewBuildings, c.new_buildings),
        (Msg::ImportNewTags, c.new_tags),
        (Msg::ImportChanged, c.changed_assets),
        (Msg::ImportUnchanged, c.unchanged_assets),
        (Msg::ImportErrorsCount, c.errors),
    ]
    .into_iter()
    .map(|(msg, n)| {
        let class = if msg == Msg::ImportErrorsCount && n > 0 {
            "import-count bad"
        } else {
            "import-count"
        };
        view! { <div class=class><dt>{lang.t(msg)}</dt><dd>{n}</dd></div> }
    })
    .collect_view();
    view! { <dl class="import-counts">{items}</dl> }
}

fn column_select(
    lang: Lang,
    column: MappedColumn,
    remap: Callback<(String, Option<RegisterColumn>)>,
) -> impl IntoView {
    let letters = column.letters.clone();
    let options = RegisterColumn::ALL
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let selected = column.reads == Some(*c);
            view! { <option value=i.to_string() selected=selected>{lang.t(Msg::register_column(*c))}</option> }
        })
        .collect_view();
    let change = move |ev: leptos::ev::Event| {
        let reads = event_target_value(&ev)
            .parse::<usize>()
            .ok()
            .and_then(|i| RegisterColumn::ALL.get(i).copied());
        remap.run((letters.clone(), reads));
    };
    let header = if column.header.trim().is_empty() {
        "—".to_string()
    } else {
        column.header.clone()
    };
    view! {
        <label class="field column-map">
            <span><strong>{column.letters.clone()}</strong>" · "{header}</span>
            <select on:change=change data-letters=column.letters.clone()>
                <option value="" selected=column.reads.is_none()>{lang.t(Msg::ImportLeaveOut)}</option>
                {options}
            </select>
        </label>
    }
}

fn profile_form(lang: Lang, save: Callback<String>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.run(name.get_untracked());
    };
    view! {
        <form class="inline profile-form" on:submit=submit>
            <input type="text" name="profile_name" maxlength="40" bind:value=name aria-label=lang.t(Msg::FieldProfile)/>
            <button type="submit" class="secondary">{lang.t(Msg::ImportSaveProfile)}</button>
        </form>
    }
}

/// A short list of names ("明德楼, 求知楼").
fn names_view(lang: Lang, title: Msg, names: Vec<String>, total: usize) -> Option<impl IntoView> {
    (total > 0).then(|| {
        let shown = names.len();
        let items = names
            .into_iter()
            .map(|n| view! { <li>{n}</li> })
            .collect_view();
        view! {
            <h3>{lang.t(title)}</h3>
            <ul class="list compact">{items}{more(lang, shown, total)}</ul>
        }
    })
}

/// The preview of a file not yet imported.
pub fn preview_view(lang: Lang, p: ImportPreview, actions: PreviewActions) -> impl IntoView {
    let c = p.counts.clone();
    let header = p
        .header_row
        .map(|r| lang.t(Msg::ImportHeaderAt).replace("{n}", &r.to_string()));
    let before = p
        .imported_before
        .iter()
        .map(|i| {
            let by = i
                .imported_by
                .as_ref()
                .map(|n| n.name.clone())
                .unwrap_or_else(|| lang.t(Msg::SystemActor).into());
            let text = lang
                .t(Msg::ImportedBefore)
                .replace("{at}", &minute(&i.imported_at))
                .replace("{by}", &by);
            view! { <p class="warning">{text}</p> }
        })
        .collect_view();
    let shown_errors = p.errors.len();
    let errors = (c.errors > 0).then(|| {
        let items = p
            .errors
            .into_iter()
            .map(|e| view! { <li data-row=e.row.to_string()>{e.message}</li> })
            .collect_view();
        view! {
            <h3>{lang.t(Msg::ImportErrorsTitle)}</h3>
            <ul class="list row-errors" role="alert">{items}{more(lang, shown_errors, c.errors)}</ul>
        }
    });
    let columns = p
        .columns
        .into_iter()
        .map(|col| column_select(lang, col, actions.remap))
        .collect_view();
    let shown_assets = p.new_assets.len();
    let new_assets = (c.new_assets > 0).then(|| {
        let items = p
            .new_assets
            .into_iter()
            .map(|a| {
                let row = lang.t(Msg::ImportRow).replace("{n}", &a.row.to_string());
                let room = a.room.map(|r| format!(" · {r}")).unwrap_or_default();
                view! { <li><span class="muted">{row}" "</span>{a.asset_code}" "{a.name}<span class="muted">{room}</span></li> }
            })
            .collect_view();
        view! {
            <h3>{lang.t(Msg::ImportNewAssets)}</h3>
            <ul class="list compact">{items}{more(lang, shown_assets, c.new_assets)}</ul>
        }
    });
    let shown_changes = p.changed_assets.len();
    let changed = (c.changed_assets > 0).then(|| {
        let items = p
            .changed_assets
            .into_iter()
            .map(|a| {
                let fields = a
                    .changes
                    .into_iter()
                    .map(|f| {
                        let column = lang.t(Msg::register_column(f.column));
                        view! { <li>{column}": "<del>{f.before}</del>" → "<ins>{f.after}</ins></li> }
                    })
                    .collect_view();
                view! { <li>{a.asset_code}" "{a.name}<ul>{fields}</ul></li> }
            })
            .collect_view();
        view! {
            <h3>{lang.t(Msg::ImportChanged)}</h3>
            <ul class="list compact">{items}{more(lang, shown_changes, c.changed_assets)}</ul>
        }
    });
    let nothing = c.new_assets + c.changed_assets + c.new_rooms + c.new_buildings == 0;
    let commit = if c.errors > 0 {
        view! { <p class="form-error">{lang.t(Msg::ImportFixFirst)}</p> }.into_any()
    } else if nothing {
        view! { <p class="import-note">{lang.t(Msg::ImportNothingToDo)}</p> }.into_any()
    } else {
        view! {
            <button type="button" class="commit" on:click=move |_| actions.commit.run(())>
                {lang.t(Msg::ImportCommit)}" · "{lang.t(Msg::ImportNewAssets)}" "{c.new_assets}
            </button>
        }
        .into_any()
    };
    view! {
        <section class="import-summary">
            <h2>{p.file_name.clone()}</h2>
            {header.map(|h| view! { <p class="muted">{h}</p> })}
            {before}
            {counts_view(lang, &c)}
            {errors}
            {commit}
        </section>
        <section>
            <h3>{lang.t(Msg::ImportColumns)}</h3>
            <p class="muted">{lang.t(Msg::ImportColumnsHint)}</p>
            <div class="column-maps">{columns}</div>
            {profile_form(lang, actions.save_profile)}
        </section>
        <section>
            {names_view(lang, Msg::ImportNewBuildings, p.new_buildings, c.new_buildings)}
            {names_view(lang, Msg::ImportNewRooms, p.new_rooms, c.new_rooms)}
            {new_assets}
            {changed}
        </section>
    }
}

/// What a commit did, with the way on: print the new tags, see the assets.
pub fn committed_view(lang: Lang, done: &RegisterImport) -> impl IntoView {
    view! {
        <section class="import-summary">
            <h2>{done.file_name.clone()}</h2>
            <p class="import-note" role="status">{lang.t(Msg::ImportDone)}</p>
            {counts_view(lang, &done.counts)}
            <p>
                <a class="button" href="/manage/labels?what=assets&never_printed=1&stock=a4-3x8#preview">{lang.t(Msg::ImportPrintLabels)}</a>
                " "
                <a class="button secondary" href="/manage/assets">{lang.t(Msg::ImportSeeAssets)}</a>
            </p>
        </section>
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
