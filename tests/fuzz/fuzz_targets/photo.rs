//! An uploaded photo through the whole pipeline (format sniffing, the header checks, decoding
//! under the pixel and memory limits, rotation, resizing, re-encoding): never a panic, and what
//! passes is a JPEG within the long edge.
#![no_main]

use app::ssr::photos::{process, LONG_EDGE};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(photo) = process(bytes) {
        assert!(photo.width.max(photo.height) <= LONG_EDGE);
        assert!(photo.full.starts_with(&[0xFF, 0xD8]) && photo.thumb.starts_with(&[0xFF, 0xD8]));
    }
});
