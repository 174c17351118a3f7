//! Fuzz target: WARC and ARC files, plain or gzip: the reader, HTTP parsing and extraction of the first records
//! (the body is `tidings_ingest::fuzz::warc`, shared with the stable harness).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| tidings_ingest::fuzz::warc(data));
