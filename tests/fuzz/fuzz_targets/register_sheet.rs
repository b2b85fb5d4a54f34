//! A register file for the importer (XLSX, XLS or CSV in UTF-8 or GB18030): never a panic; what
//! reads has a row with something in it.
#![no_main]

use app::ssr::import::sheet::rows;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(rows) = rows(bytes) {
        assert!(rows.iter().any(|r| r.iter().any(|c| !c.trim().is_empty())));
    }
});
