//! Fuzzes the board's URL state: any page URL and any parameter value must
//! decode without a panic, and what is decoded must encode and decode back
//! to the same state.
#![no_main]

use libfuzzer_sys::fuzz_target;
use openings_core::url_state::{decode, encode, read_state, write_state};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let state = decode(&text);
    assert_eq!(decode(&encode(&state)), state);
    let from_url = read_state(&text, Some("jobs"));
    let written = write_state(&text, Some("jobs"), &from_url);
    assert_eq!(read_state(&written, Some("jobs")), from_url);
});
