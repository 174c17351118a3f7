//! Fuzz target: one web page: article extraction, and the same bytes as a feed's HTML fragment
//! (the body is `tidings_ingest::fuzz::html`, shared with the stable harness).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| tidings_ingest::fuzz::html(data));
