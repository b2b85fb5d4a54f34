//! A tag code as a person types it or a scanner sends it (the code alone or the label's URL):
//! never a panic, and a code that reads is eight characters of the alphabet that read back to
//! themselves.
#![no_main]

use app::domain::TagCode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|raw: &str| {
    for read in [TagCode::parse(raw), TagCode::from_scan(raw)] {
        if let Ok(code) = read {
            let text = code.to_string();
            assert_eq!(text.len(), 8, "{raw:?} read as {text:?}");
            assert_eq!(TagCode::parse(&text).as_ref(), Ok(&code), "{raw:?}");
        }
    }
});
