//! The geometry of the dashboard's bar charts: one row per bar, the label on the left, the bar
//! scaled to the biggest figure, the figure after it. The page draws the rows as SVG on the
//! server (no chart script reaches the phone); the viewBox scales them to the screen, and at
//! 360 px the text stays at about 12 px.

use super::Bar;

/// The viewBox is this wide; the page sets the SVG to the card's width.
pub const WIDTH: u32 = 320;
/// Where bars start: the labels sit left of it.
pub const BAR_X: u32 = 104;
/// The widest bar, leaving room for the figure after it.
pub const BAR_MAX: u32 = 150;
pub const ROW_HEIGHT: u32 = 26;
pub const BAR_HEIGHT: u32 = 16;
/// Characters of a label shown before it is cut with "…" (the full label is the bar's title).
const LABEL_CHARS: usize = 7;

/// One bar as drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The top of the row.
    pub y: u32,
    pub width: u32,
    pub label: String,
    pub bar: Bar,
}

/// The rows of a chart of `bars` and the chart's height, widths rounded to the nearest unit. A non-zero figure is at least 2 units
/// wide so it shows; zero draws no bar.
pub fn layout(bars: &[Bar]) -> (u32, Vec<Row>) {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let rows = bars
        .iter()
        .zip(0u32..)
        .map(|(bar, i)| {
            let (value, max) = (i128::from(bar.value.max(0)), i128::from(max));
            let scaled = (value * i128::from(BAR_MAX) + max / 2) / max;
            let width = u32::try_from(scaled).unwrap_or(BAR_MAX);
            Row {
                y: i * ROW_HEIGHT,
                width: if bar.value > 0 { width.max(2) } else { 0 },
                label: short(&bar.label),
                bar: bar.clone(),
            }
        })
        .collect::<Vec<_>>();
    let height = u32::try_from(rows.len()).unwrap_or(0) * ROW_HEIGHT;
    (height.max(ROW_HEIGHT), rows)
}

/// Whether every bar is zero: the page says so in words instead of drawing empty rows.
pub fn all_zero(bars: &[Bar]) -> bool {
    bars.iter().all(|b| b.value == 0)
}

fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        return label.to_string();
    }
    let mut cut: String = label.chars().take(LABEL_CHARS - 1).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, value: i64) -> Bar {
        Bar {
            label: label.into(),
            value,
            text: value.to_string(),
            href: "/reports".into(),
        }
    }

    #[test]
    fn bars_scale_to_the_biggest_and_a_small_one_still_shows() {
        let (height, rows) = layout(&[bar("灭火器", 300), bar("课桌椅", 150), bar("投影仪", 1)]);
        assert_eq!(height, 3 * ROW_HEIGHT);
        let widths: Vec<u32> = rows.iter().map(|r| r.width).collect();
        assert_eq!(widths, vec![BAR_MAX, BAR_MAX / 2, 2]);
        assert_eq!(rows[2].y, 2 * ROW_HEIGHT);
    }

    #[test]
    fn zero_draws_no_bar_and_an_empty_chart_keeps_one_row() {
        let (_, rows) = layout(&[bar("2026-07", 0), bar("2026-08", 4)]);
        assert_eq!(rows[0].width, 0);
        assert!(all_zero(&[bar("a", 0)]));
        assert!(!all_zero(&[bar("a", 0), bar("b", 1)]));
        assert_eq!(layout(&[]).0, ROW_HEIGHT);
    }

    #[test]
    fn long_labels_are_cut_and_keep_the_full_text_on_the_bar() {
        let (_, rows) = layout(&[bar("明德楼三楼东侧卫生间", 1)]);
        assert_eq!(rows[0].label, "明德楼三楼东…");
        assert_eq!(rows[0].bar.label, "明德楼三楼东侧卫生间");
    }

    #[test]
    fn huge_amounts_do_not_overflow() {
        let (_, rows) = layout(&[
            bar("一年级（1）班", i64::MAX),
            bar("二年级（2）班", i64::MAX / 2),
        ]);
        assert_eq!(rows[0].width, BAR_MAX);
        assert_eq!(rows[1].width, BAR_MAX / 2);
    }
}
