//! Checklist items as the admin edits them on a phone: one item a line, the item's kind in
//! brackets at the end. `压力表指针在绿区` is 合格/不合格; `冷藏温度 [数值 ℃ 0~8]` a reading
//! with unit and allowed range (`≤-18`, `≥0` for one bound); `床铺数量 [文字]` free text;
//! `[拍照]` anywhere in the brackets asks for a photo. English words work too.

use super::{ChecklistItem, ItemKind};
use crate::domain::{Field, Invalid, Problem};

fn bad_line(line: &str) -> Invalid {
    let item = line.chars().take(40).collect();
    Invalid::new(Field::Answers, Problem::ItemIncomplete { item })
}

fn number(raw: &str) -> Option<f64> {
    raw.trim().parse::<f64>().ok().filter(|n| n.is_finite())
}

const OPENING: [char; 2] = ['[', '［'];
const CLOSING: [char; 2] = [']', '］'];

/// `s` without its first character, when that is one of `set`.
fn strip_one(s: &str, set: [char; 2]) -> Option<&str> {
    let c = s.chars().next()?;
    set.contains(&c).then(|| &s[c.len_utf8()..])
}

/// The label, and the kind in the brackets after it (a phone keyboard may leave the closing
/// bracket off); `None` for text after the brackets or a bracket inside them.
fn label_and_spec(line: &str) -> Option<(&str, &str)> {
    let Some(open) = line.find(OPENING) else {
        return Some((line, ""));
    };
    let inside = strip_one(&line[open..], OPENING)?;
    let (spec, after) = match inside.find(CLOSING) {
        Some(close) => (&inside[..close], strip_one(&inside[close..], CLOSING)?),
        None => (inside, ""),
    };
    let bracket = |c: char| OPENING.contains(&c) || CLOSING.contains(&c);
    (after.trim().is_empty() && !spec.contains(bracket)).then_some((&line[..open], spec))
}

/// Reads one line into an item; `key` names it.
fn item(line: &str, key: String) -> Result<ChecklistItem, Invalid> {
    let (label, spec) = label_and_spec(line).ok_or_else(|| bad_line(line))?;
    let label = label.trim().to_string();
    if label.is_empty() {
        return Err(bad_line(line));
    }
    let words: Vec<&str> = spec.split_whitespace().collect();
    let photo_required = words.iter().any(|w| matches!(*w, "拍照" | "photo"));
    let words: Vec<&str> = words
        .into_iter()
        .filter(|w| !matches!(*w, "拍照" | "photo"))
        .collect();
    let kind = match words.first().copied() {
        None => ItemKind::PassFail,
        Some("文字" | "text") => ItemKind::Text,
        Some("数值" | "number") => {
            let mut unit = String::new();
            let (mut min, mut max) = (None, None);
            for w in &words[1..] {
                if let Some((a, b)) = w.split_once(['~', '～']) {
                    min = Some(number(a).ok_or_else(|| bad_line(line))?);
                    max = Some(number(b).ok_or_else(|| bad_line(line))?);
                } else if let Some(b) = w.strip_prefix('≤').or(w.strip_prefix("<=")) {
                    max = Some(number(b).ok_or_else(|| bad_line(line))?);
                } else if let Some(a) = w.strip_prefix('≥').or(w.strip_prefix(">=")) {
                    min = Some(number(a).ok_or_else(|| bad_line(line))?);
                } else {
                    unit = w.to_string();
                }
            }
            ItemKind::Number { unit, min, max }
        }
        Some(_) => return Err(bad_line(line)),
    };
    Ok(ChecklistItem {
        key,
        label,
        kind,
        photo_required,
    })
}

/// Reads the lines; an item keeps the key of the earlier version's item with the same label,
/// so answers stay comparable across versions.
pub fn parse_items(text: &str, earlier: &[ChecklistItem]) -> Result<Vec<ChecklistItem>, Invalid> {
    let mut items: Vec<ChecklistItem> = Vec::new();
    for (n, line) in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        let mut parsed = item(line, String::new())?;
        parsed.key = earlier
            .iter()
            .find(|e| e.label == parsed.label)
            .map(|e| e.key.clone())
            .filter(|k| !items.iter().any(|i| &i.key == k))
            .unwrap_or_else(|| format!("item{}", n + 1));
        while items.iter().any(|i| i.key == parsed.key) {
            parsed.key.push('x');
        }
        items.push(parsed);
    }
    Ok(items)
}

/// The items as editable lines (the inverse of [`parse_items`]).
pub fn items_text(items: &[ChecklistItem]) -> String {
    items
        .iter()
        .map(|i| {
            let mut spec: Vec<String> = Vec::new();
            match &i.kind {
                ItemKind::PassFail => {}
                ItemKind::Text => spec.push("文字".into()),
                ItemKind::Number { unit, min, max } => {
                    spec.push("数值".into());
                    if !unit.is_empty() {
                        spec.push(unit.clone());
                    }
                    match (min, max) {
                        (Some(a), Some(b)) => spec.push(format!("{a}~{b}")),
                        (Some(a), None) => spec.push(format!("≥{a}")),
                        (None, Some(b)) => spec.push(format!("≤{b}")),
                        (None, None) => {}
                    }
                }
            }
            if i.photo_required {
                spec.push("拍照".into());
            }
            if spec.is_empty() {
                i.label.clone()
            } else {
                format!("{} [{}]", i.label, spec.join(" "))
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_read_into_items_and_back() {
        let text =
            "压力表指针在绿区\n冷藏温度 [数值 ℃ 0~8]\n冷冻温度 [数值 ℃ ≤-18]\n滤芯标签 [文字 拍照]";
        let items = parse_items(text, &[]).unwrap();
        assert_eq!(items[0].kind, ItemKind::PassFail);
        assert_eq!(
            items[1].kind,
            ItemKind::Number {
                unit: "℃".into(),
                min: Some(0.0),
                max: Some(8.0)
            }
        );
        assert_eq!(
            items[2].kind,
            ItemKind::Number {
                unit: "℃".into(),
                min: None,
                max: Some(-18.0)
            }
        );
        assert!(items[3].photo_required && items[3].kind == ItemKind::Text);
        assert_eq!(parse_items(&items_text(&items), &items).unwrap(), items);
    }

    #[test]
    fn an_unchanged_label_keeps_its_key_and_bad_lines_are_named() {
        let earlier = parse_items("铅封完好\n位置无遮挡", &[]).unwrap();
        let mut renamed = earlier.clone();
        renamed[0].key = "seal".into();
        let items = parse_items("位置无遮挡\n铅封完好\n标识清楚", &renamed).unwrap();
        assert_eq!(items[1].key, "seal");
        assert_ne!(items[2].key, items[0].key);
        let err = parse_items("温度 [数值 ℃ a~b]", &[]).unwrap_err();
        assert!(matches!(err.problem, Problem::ItemIncomplete { .. }));
        assert!(parse_items("x [奇怪]", &[]).is_err());
    }

    /// Found by the fuzzer (tests/fuzz, checklist_text): text after the brackets became part of
    /// the unit, which the editor then wrote back as a different item.
    #[test]
    fn only_one_pair_of_brackets_ends_a_line() {
        for line in [
            "压力表 [数值 ℃] \u{c}\u{c}[\u{c}",
            "温度 [数值 ℃]]",
            "温度 [[数值 ℃]",
            "温度 [数值 ℃] 备注",
            "温度 [数值 [℃]]",
        ] {
            assert!(parse_items(line, &[]).is_err(), "{line:?}");
        }
        let open = parse_items("冷藏温度 ［数值 ℃ 0～8", &[]).unwrap();
        assert_eq!(
            open[0].label, "冷藏温度",
            "the closing bracket may be left off"
        );
        assert_eq!(parse_items(&items_text(&open), &open).unwrap(), open);
        let label_bracket = parse_items("柜门] 完好 [拍照]", &[]).unwrap();
        assert_eq!(label_bracket[0].label, "柜门] 完好");
        assert!(label_bracket[0].photo_required);
    }
}
