//! What the importer shows of a file: its counts, its errors by row and column, the column
//! mapping to correct, what would be created and changed, and the commit; then what was done.
//! Written as HTML text rather than as views, and its controls answered by the island through
//! the events that bubble up (`data-letters` on a column's select, `data-action` on a button):
//! the preview adds little to the islands' wasm that every page with an island loads.

use super::fields::minute;
use crate::i18n::{Lang, Msg};
use crate::import::columns::RegisterColumn;
use crate::import::preview::{ImportCounts, MappedColumn, PreviewAsset, PreviewChange};
use crate::model::Named;
use serde::Deserialize;
use std::fmt::Write;

/// The parts of an [`ImportPreview`](crate::import::preview::ImportPreview) the page shows,
/// read leniently: no flattened or tagged enums to deserialize in the browser.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct PreviewShown {
    pub file_name: String,
    pub header_row: Option<usize>,
    pub columns: Vec<MappedColumn>,
    pub counts: ImportCounts,
    pub errors: Vec<ErrorShown>,
    pub new_buildings: Vec<String>,
    pub new_rooms: Vec<String>,
    pub new_assets: Vec<PreviewAsset>,
    pub changed_assets: Vec<PreviewChange>,
    pub imported_before: Vec<ImportShown>,
    pub committed: Option<ImportShown>,
}

/// A row error as a sentence.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ErrorShown {
    pub row: usize,
    pub message: String,
}

/// An import made, as the importer mentions it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ImportShown {
    pub file_name: String,
    pub imported_by: Option<Named>,
    pub imported_at: String,
    pub counts: ImportCounts,
}

/// Text made safe to place in HTML.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A list under its heading, its items already HTML, with "… and 12 more" when cut.
fn list(out: &mut String, lang: Lang, title: Msg, items: Vec<String>, total: usize, class: &str) {
    if total == 0 {
        return;
    }
    let _ = write!(out, "<h3>{}</h3><ul class=\"list {class}\">", lang.t(title));
    let shown = items.len();
    for item in items {
        let _ = write!(out, "<li>{item}</li>");
    }
    if total > shown {
        let more = lang
            .t(Msg::ImportMore)
            .replace("{n}", &(total - shown).to_string());
        let _ = write!(out, "<li class=\"muted\">{}</li>", esc(&more));
    }
    out.push_str("</ul>");
}

fn counts(out: &mut String, lang: Lang, c: &ImportCounts) {
    out.push_str("<dl class=\"import-counts\">");
    for (msg, n) in [
        (Msg::ImportRowsCount, c.rows),
        (Msg::ImportNewAssets, c.new_assets),
        (Msg::ImportNewRooms, c.new_rooms),
        (Msg::ImportNewBuildings, c.new_buildings),
        (Msg::ImportNewTags, c.new_tags),
        (Msg::ImportChanged, c.changed_assets),
        (Msg::ImportUnchanged, c.unchanged_assets),
        (Msg::ImportErrorsCount, c.errors),
    ] {
        let bad = if msg == Msg::ImportErrorsCount && n > 0 {
            " bad"
        } else {
            ""
        };
        let _ = write!(
            out,
            "<div class=\"import-count{bad}\"><dt>{}</dt><dd>{n}</dd></div>",
            lang.t(msg)
        );
    }
    out.push_str("</dl>");
}

/// A column's select: its options are [`RegisterColumn::ALL`] by index, or empty to leave out.
fn column_select(out: &mut String, lang: Lang, column: &MappedColumn) {
    let header = if column.header.trim().is_empty() {
        "—".into()
    } else {
        esc(&column.header)
    };
    let letters = esc(&column.letters);
    let none = if column.reads.is_none() {
        " selected"
    } else {
        ""
    };
    let _ = write!(
        out,
        "<label class=\"field column-map\"><span><strong>{letters}</strong> · {header}</span>\
         <select data-letters=\"{letters}\"><option value=\"\"{none}>{}</option>",
        lang.t(Msg::ImportLeaveOut)
    );
    for (i, c) in RegisterColumn::ALL.iter().enumerate() {
        let selected = if column.reads == Some(*c) {
            " selected"
        } else {
            ""
        };
        let _ = write!(
            out,
            "<option value=\"{i}\"{selected}>{}</option>",
            lang.t(Msg::register_column(*c))
        );
    }
    out.push_str("</select></label>");
}

/// The column a select's value names (its index in [`RegisterColumn::ALL`]), or none.
pub fn chosen_column(value: &str) -> Option<RegisterColumn> {
    value
        .parse::<usize>()
        .ok()
        .and_then(|i| RegisterColumn::ALL.get(i).copied())
}

fn asset_item(lang: Lang, a: &PreviewAsset) -> String {
    let row = lang.t(Msg::ImportRow).replace("{n}", &a.row.to_string());
    let room = a
        .room
        .as_deref()
        .map(|r| format!(" · {}", esc(r)))
        .unwrap_or_default();
    format!(
        "<span class=\"muted\">{row} </span>{} {}<span class=\"muted\">{room}</span>",
        esc(&a.asset_code),
        esc(&a.name)
    )
}

fn change_item(lang: Lang, a: &PreviewChange) -> String {
    let mut item = format!("{} {}<ul>", esc(&a.asset_code), esc(&a.name));
    for f in &a.changes {
        let _ = write!(
            item,
            "<li>{}: <del>{}</del> → <ins>{}</ins></li>",
            lang.t(Msg::register_column(f.column)),
            esc(&f.before),
            esc(&f.after)
        );
    }
    item.push_str("</ul>");
    item
}

/// The preview of a file not yet imported.
pub fn preview_html(lang: Lang, p: &PreviewShown) -> String {
    let c = &p.counts;
    let mut out = format!(
        "<section class=\"import-summary\"><h2>{}</h2>",
        esc(&p.file_name)
    );
    if let Some(r) = p.header_row {
        let header = lang.t(Msg::ImportHeaderAt).replace("{n}", &r.to_string());
        let _ = write!(out, "<p class=\"muted\">{header}</p>");
    }
    for i in &p.imported_before {
        let by = i
            .imported_by
            .as_ref()
            .map_or(lang.t(Msg::SystemActor), |n| n.name.as_str());
        let text = lang
            .t(Msg::ImportedBefore)
            .replace("{at}", &minute(&i.imported_at))
            .replace("{by}", by);
        let _ = write!(out, "<p class=\"warning\">{}</p>", esc(&text));
    }
    counts(&mut out, lang, c);
    if c.errors > 0 {
        let _ = write!(
            out,
            "<div role=\"alert\"><h3>{}</h3><ul class=\"list row-errors\">",
            lang.t(Msg::ImportErrorsTitle)
        );
        for e in &p.errors {
            let _ = write!(out, "<li data-row=\"{}\">{}</li>", e.row, esc(&e.message));
        }
        if c.errors > p.errors.len() {
            let more = lang
                .t(Msg::ImportMore)
                .replace("{n}", &(c.errors - p.errors.len()).to_string());
            let _ = write!(out, "<li class=\"muted\">{more}</li>");
        }
        let _ = write!(
            out,
            "</ul></div><p class=\"form-error\">{}</p>",
            lang.t(Msg::ImportFixFirst)
        );
    } else if c.new_assets + c.changed_assets + c.new_rooms + c.new_buildings == 0 {
        let _ = write!(
            out,
            "<p class=\"import-note\">{}</p>",
            lang.t(Msg::ImportNothingToDo)
        );
    } else {
        let _ = write!(
            out,
            "<button type=\"button\" class=\"commit\" data-action=\"commit\">{} · {} {}</button>",
            lang.t(Msg::ImportCommit),
            lang.t(Msg::ImportNewAssets),
            c.new_assets
        );
    }
    let _ = write!(
        out,
        "</section><section><h3>{}</h3><p class=\"muted\">{}</p><div class=\"column-maps\">",
        lang.t(Msg::ImportColumns),
        lang.t(Msg::ImportColumnsHint)
    );
    for column in &p.columns {
        column_select(&mut out, lang, column);
    }
    let _ = write!(
        out,
        "</div><form class=\"inline profile-form\"><input type=\"text\" name=\"profile_name\" \
         maxlength=\"40\" aria-label=\"{0}\"/><button type=\"submit\" class=\"secondary\">{1}</button>\
         </form></section><section>",
        lang.t(Msg::FieldProfile),
        lang.t(Msg::ImportSaveProfile)
    );
    let names = |v: &[String]| v.iter().map(|n| esc(n)).collect::<Vec<_>>();
    list(
        &mut out,
        lang,
        Msg::ImportNewBuildings,
        names(&p.new_buildings),
        c.new_buildings,
        "compact",
    );
    list(
        &mut out,
        lang,
        Msg::ImportNewRooms,
        names(&p.new_rooms),
        c.new_rooms,
        "compact",
    );
    let assets = p.new_assets.iter().map(|a| asset_item(lang, a)).collect();
    list(
        &mut out,
        lang,
        Msg::ImportNewAssets,
        assets,
        c.new_assets,
        "compact",
    );
    let changes = p
        .changed_assets
        .iter()
        .map(|a| change_item(lang, a))
        .collect();
    list(
        &mut out,
        lang,
        Msg::ImportChanged,
        changes,
        c.changed_assets,
        "compact",
    );
    out.push_str("</section>");
    out
}

/// What a commit did, with the way on: print the new tags, see the assets.
pub fn committed_html(lang: Lang, done: &ImportShown) -> String {
    let mut out = format!(
        "<section class=\"import-summary\"><h2>{}</h2><p class=\"import-note\" role=\"status\">{}</p>",
        esc(&done.file_name),
        lang.t(Msg::ImportDone)
    );
    counts(&mut out, lang, &done.counts);
    let _ = write!(
        out,
        "<p><a class=\"button\" href=\"/manage/labels?what=assets&amp;never_printed=1&amp;stock=a4-3x8#preview\">{}</a> \
         <a class=\"button secondary\" href=\"/manage/assets\">{}</a></p></section>",
        lang.t(Msg::ImportPrintLabels),
        lang.t(Msg::ImportSeeAssets)
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_the_file_is_escaped_and_a_select_value_names_its_column() {
        assert_eq!(
            esc("<b>\"A&B\"</b>"),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;"
        );
        assert_eq!(chosen_column("13"), Some(RegisterColumn::Location));
        assert_eq!(chosen_column(""), None);
        assert_eq!(chosen_column("99"), None);
        let mut out = String::new();
        let column = MappedColumn {
            letters: "E".into(),
            header: "放置<处>".into(),
            reads: Some(RegisterColumn::Location),
        };
        column_select(&mut out, Lang::Zh, &column);
        assert!(
            out.contains("放置&lt;处&gt;")
                && out.contains("<option value=\"13\" selected>存放地点")
        );
    }
}
