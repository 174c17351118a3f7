//! Fuzz target: RSS, Atom and JSON feeds: parsing, items, and their text
//! (the body is `tidings_ingest::fuzz::feed`, shared with the stable harness).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| tidings_ingest::fuzz::feed(data));
