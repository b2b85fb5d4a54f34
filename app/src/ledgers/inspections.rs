//! The inspection record of a checklist for a period (检查记录表), laid out as GB 50444
//! appendix C lays out the monthly fire-equipment record: one row for each thing the checklist
//! covers (every extinguisher and hydrant, say, inspected or not), a column for each check
//! item with √ or ×, the result, who checked and when.

use super::closing::OpenItem;
use super::{Cell, Column};
use crate::i18n::{Lang, Msg};
use crate::inspections::{Inspection, ItemKind, Subject, Template};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// A thing the checklist covers: an asset of its categories, or a room of its kinds.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckedThing {
    pub subject: Subject,
    /// The asset code, or the room's tag code.
    pub code: Option<String>,
    pub name: String,
    pub model: Option<String>,
    /// "building · room".
    pub place: Option<String>,
}

/// What the checklist covers and nobody checked in the period: open (overdue) when it closes.
pub fn unchecked(things: &[CheckedThing], inspections: &[Inspection]) -> Vec<OpenItem> {
    let done: HashSet<Uuid> = inspections.iter().map(|i| i.subject.id()).collect();
    things
        .iter()
        .filter(|t| !done.contains(&t.subject.id()))
        .map(|t| {
            // A room is named by its place ("building · room"); an asset by its name, with
            // its place beside it.
            let (name, place) = match t.subject {
                Subject::Room(_) => (t.place.clone().unwrap_or_else(|| t.name.clone()), None),
                Subject::Asset(_) => (t.name.clone(), t.place.clone()),
            };
            let name = match &t.code {
                Some(code) => format!("{name} {code}"),
                None => name,
            };
            OpenItem::Unchecked { name, place }
        })
        .collect()
}

pub fn columns(lang: Lang, template: &Template) -> Vec<Column> {
    let fixed = |m: Msg, width| Column {
        header: lang.t(m).to_string(),
        width,
    };
    let mut columns = vec![
        fixed(Msg::LedgerSeq, 4),
        fixed(Msg::LedgerFacility, 12),
        fixed(Msg::LedgerCode, 12),
        fixed(Msg::ColumnModel, 10),
        fixed(Msg::LedgerPlace, 16),
    ];
    columns.extend(template.items.iter().map(|item| Column {
        header: item.label.clone(),
        width: 8,
    }));
    columns.extend([
        fixed(Msg::LedgerResult, 6),
        fixed(Msg::LedgerInspector, 8),
        fixed(Msg::LedgerInspectedOn, 10),
        fixed(Msg::ColumnNote, 20),
    ]);
    columns
}

/// √ for a pass, × for a failure, — where it does not apply; a reading as read.
fn mark(kind: &ItemKind, value: &str, failed: bool) -> String {
    match (kind, value) {
        (ItemKind::PassFail, "na") => "—".into(),
        (ItemKind::PassFail, _) if failed => "×".into(),
        (ItemKind::PassFail, _) => "√".into(),
        (_, v) if failed => format!("{v} ×"),
        (_, v) => v.to_string(),
    }
}

/// The rows: every thing in `things`, with the latest of its `inspections` in the period.
pub fn rows(
    lang: Lang,
    template: &Template,
    things: &[CheckedThing],
    inspections: &[Inspection],
) -> Vec<Vec<Cell>> {
    let mut latest: HashMap<Uuid, &Inspection> = HashMap::new();
    for i in inspections {
        let id = i.subject.id();
        if latest
            .get(&id)
            .is_none_or(|l| l.inspected_at < i.inspected_at)
        {
            latest.insert(id, i);
        }
    }
    things
        .iter()
        .enumerate()
        .map(|(n, thing)| {
            let mut row = vec![
                Cell::Count(n as i64 + 1),
                Cell::Text(thing.name.clone()),
                Cell::text(thing.code.as_deref()),
                Cell::text(thing.model.as_deref()),
                Cell::text(thing.place.as_deref()),
            ];
            let Some(done) = latest.get(&thing.subject.id()) else {
                row.extend(template.items.iter().map(|_| Cell::Empty));
                row.extend([
                    Cell::Text(lang.t(Msg::NotInspected).into()),
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                ]);
                return row;
            };
            row.extend(template.items.iter().map(|item| {
                done.answers
                    .iter()
                    .find(|a| a.key == item.key)
                    .map_or(Cell::Empty, |a| {
                        Cell::Text(mark(&a.kind, &a.value, a.failed))
                    })
            }));
            let result = if done.failed_items > 0 {
                Msg::AnswerFail
            } else {
                Msg::AnswerPass
            };
            let late = done
                .late_for
                .as_ref()
                .map(|p| lang.t(Msg::LateRecord).replace("{n}", p));
            let notes: Vec<String> = late
                .into_iter()
                .chain(
                    done.answers
                        .iter()
                        .filter_map(|a| a.note.as_ref().map(|n| format!("{}：{n}", a.label))),
                )
                .chain(done.notes.clone())
                .collect();
            row.extend([
                Cell::Text(lang.t(result).into()),
                Cell::Text(done.inspector.name.clone()),
                Cell::Day(done.inspected_at.get(..10).unwrap_or_default().to_string()),
                Cell::text(Some(&notes.join("；"))),
            ]);
            row
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_is_marked_as_the_paper_record_marks_it() {
        let number = ItemKind::Number {
            unit: "MPa".into(),
            min: Some(1.0),
            max: Some(1.4),
        };
        assert_eq!(mark(&ItemKind::PassFail, "pass", false), "√");
        assert_eq!(mark(&ItemKind::PassFail, "fail", true), "×");
        assert_eq!(mark(&ItemKind::PassFail, "na", false), "—");
        assert_eq!(mark(&number, "0.8", true), "0.8 ×");
        assert_eq!(mark(&ItemKind::Text, "12", false), "12");
    }
}
