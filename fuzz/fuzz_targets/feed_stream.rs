//! Fuzzes reading a feed as it arrives: any body, cut into chunks of a size
//! the fuzzer picks, must read exactly as the whole body does — the same
//! openings, skipped entries and counts, or an error both ways — and never
//! panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use openings_core::feeds::{parse_feed, FeedReader};
use openings_core::Timestamp;

const SOURCE: &str = "https://fuzz.example/feed.json";
const LIMIT: usize = 1 << 24;

fuzz_target!(|data: &[u8]| {
    let Some((&step, body)) = data.split_first() else {
        return;
    };
    let now = Timestamp(1_700_000_000_000);
    let text = String::from_utf8_lossy(body);
    let whole = parse_feed(&text, None, SOURCE, now, LIMIT);
    let parts = FeedReader::new(None, SOURCE, now, LIMIT)
        .read(text.as_bytes().chunks(usize::from(step).max(1)));
    match (&whole, &parts) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "whole and in chunks of {step} differ"),
        (Err(_), Err(_)) => {}
        _ => panic!("whole: {whole:?}\nin chunks of {step}: {parts:?}"),
    }
});
