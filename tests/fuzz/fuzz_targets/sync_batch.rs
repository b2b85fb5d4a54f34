//! A phone's sync batch as the server reads it: the body into records, each record into what it
//! stands for under its client-made key. Never a panic; a record that reads has a UUIDv7 key
//! that is its own id.
#![no_main]

use app::ssr::sync::{read_record, Batch};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    let Ok(batch) = serde_json::from_slice::<Batch>(body) else {
        return;
    };
    for raw in batch.records {
        if let Ok((key, record)) = read_record(raw) {
            assert_eq!(key.get_version_num(), 7);
            assert_eq!(record.id(), Some(key));
            let _ = record.photos();
            let _ = record.kind();
        }
    }
});
