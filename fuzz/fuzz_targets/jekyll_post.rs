//! Fuzzes the Jekyll post reader (front matter, Markdown, Liquid): it must
//! never panic, and an opening it makes has a safe apply link.
#![no_main]

use libfuzzer_sys::fuzz_target;
use openings_posts::{read_post, Outcome, PostOptions};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for (fix_encoding, site_url) in [(false, None), (true, Some("https://fuzz.example/news/"))] {
        let options = PostOptions {
            organization: "Fuzz Library".into(),
            organization_url: None,
            site_url: site_url.map(String::from),
            fix_encoding,
        };
        let read = read_post("_posts/2024-01-02-fuzz.md", &text, &options);
        if let Outcome::Post(post) = read.outcome {
            let link = &post.opening.apply_url;
            assert!(
                openings_core::links::safe_link(link).is_some(),
                "unsafe apply link {link:?}"
            );
        }
    }
});
