//! Fuzzes the Markdown reader of descriptions: it must never panic, and every
//! link it keeps must be http, https or mailto.
#![no_main]

use libfuzzer_sys::fuzz_target;
use openings_core::rich_text::{from_markdown, to_html, to_text};

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let tree = from_markdown(&source);
    openings_fuzz::assert_links_are_safe(&tree);
    let _ = (to_html(&tree), to_text(&tree));
});
