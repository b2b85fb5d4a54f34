//! A checklist as the admin types it, one item a line: never a panic, and what reads writes back
//! as lines that read to the same items (the editor shows the text again).
#![no_main]

use app::inspections::checklist_text::{items_text, parse_items};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(items) = parse_items(text, &[]) else {
        return;
    };
    let again = parse_items(&items_text(&items), &items).unwrap_or_else(|e| {
        panic!(
            "{text:?} → {:?} does not read back: {e:?}",
            items_text(&items)
        )
    });
    assert_eq!(again, items, "{text:?}");
});
