//! Fuzzes feed reading: any body, read as each known format and with the
//! format detected, must give openings or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use openings_core::feeds::{parse_feed, FeedFormat, DEFAULT_MAX_FEED_BYTES};
use openings_core::Timestamp;

fuzz_target!(|data: &[u8]| {
    let body = String::from_utf8_lossy(data);
    let now = Timestamp(1_700_000_000_000);
    for format in FeedFormat::ALL.map(Some).into_iter().chain([None]) {
        let _ = parse_feed(
            &body,
            format,
            "https://fuzz.example/feed.json",
            now,
            DEFAULT_MAX_FEED_BYTES,
        );
    }
});
