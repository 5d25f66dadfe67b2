//! Reading a feed as it arrives ([`FeedReader`]): whatever the chunks, the
//! openings and skipped entries are those the format's adapter finds in the
//! whole document, the first openings come out before the body ends, and
//! a body that breaks off or goes wrong halfway says so.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use openings_core::dates::{Timestamp, DAY_MS};
use openings_core::feeds::{
    detect, parse_feed, FeedError, FeedFormat, FeedReader, ParsedFeed, DEFAULT_MAX_FEED_BYTES,
};
use openings_core::sample;
use serde_json::Value;

const SOURCE: &str = "https://jobs.example.org/feed.json";

const FIXTURES: [(&str, &str); 6] = [
    ("greenhouse", include_str!("fixtures/greenhouse.json")),
    ("lever", include_str!("fixtures/lever.json")),
    ("ashby", include_str!("fixtures/ashby.json")),
    ("json_feed", include_str!("fixtures/json_feed.json")),
    (
        "smartrecruiters",
        include_str!("fixtures/smartrecruiters.json"),
    ),
    ("recruitee", include_str!("fixtures/recruitee.json")),
];

fn now() -> Timestamp {
    Timestamp(1_700_000_000_000)
}

/// The feed read in chunks of `size` bytes, every opening taken as it came.
fn read_in_chunks(body: &[u8], size: usize) -> Result<ParsedFeed, FeedError> {
    FeedReader::new(None, SOURCE, now(), DEFAULT_MAX_FEED_BYTES).read(body.chunks(size))
}

/// What the adapter finds in the whole document, decoded at once.
fn whole(body: &str) -> ParsedFeed {
    let doc: Value = serde_json::from_str(body).unwrap();
    let format = detect(&doc).unwrap();
    let mut feed = ParsedFeed {
        format: Some(format),
        ..ParsedFeed::default()
    };
    for entry in format
        .adapter()
        .entries(&doc, &openings_core::feeds::Context { source: SOURCE })
        .unwrap()
    {
        match entry {
            openings_core::feeds::Entry::Opening(o)
                if o.valid_through.is_some_and(|c| c < now()) =>
            {
                feed.expired += 1;
            }
            openings_core::feeds::Entry::Opening(o) => feed.openings.push(*o),
            openings_core::feeds::Entry::Skipped(s) => feed.skipped.push(s),
        }
    }
    feed
}

#[test]
fn every_format_reads_the_same_in_any_chunks_as_whole() {
    let big = sample::json_ld_feed(&sample::openings(300, now()));
    let mut bodies: Vec<(&str, &str)> = FIXTURES.to_vec();
    bodies.push(("schema.org item list", &big));
    for (name, body) in bodies {
        let expected = whole(body);
        assert!(!expected.openings.is_empty(), "{name}");
        for size in [1, 2, 7, 64, 4096, body.len()] {
            let feed =
                read_in_chunks(body.as_bytes(), size).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(feed, expected, "{name} in chunks of {size}");
        }
        assert_eq!(
            parse_feed(body, None, SOURCE, now(), DEFAULT_MAX_FEED_BYTES).unwrap(),
            expected,
            "{name}"
        );
    }
}

#[test]
fn the_first_openings_come_out_before_the_body_ends() {
    let body = sample::json_ld_feed(&sample::openings(1_000, now()));
    let mut reader = FeedReader::new(None, SOURCE, now(), DEFAULT_MAX_FEED_BYTES);
    let tenth = body.len() / 10;
    reader.push(&body.as_bytes()[..tenth]).unwrap();
    let first = reader.take_openings();
    assert!(
        first.len() >= 20,
        "only {} openings from the first tenth",
        first.len()
    );
    assert_eq!(first[0].title, sample::opening(0, now()).title);
    reader.push(&body.as_bytes()[tenth..]).unwrap();
    let rest = reader.finish().unwrap();
    assert_eq!(first.len() + rest.openings.len(), 1_000);
    assert_eq!(rest.format, Some(FeedFormat::SchemaOrg));
}

#[test]
fn a_body_cut_off_halfway_is_not_a_feed_even_after_openings_came_out() {
    let body = sample::json_ld_feed(&sample::openings(200, now()));
    let cut = &body.as_bytes()[..body.len() / 2];
    let mut reader = FeedReader::new(None, SOURCE, now(), DEFAULT_MAX_FEED_BYTES);
    reader.push(cut).unwrap();
    assert!(!reader.take_openings().is_empty());
    let err = reader.finish().unwrap_err();
    assert!(
        matches!(&err, FeedError::NotJson(why) if why.contains("cut off")),
        "{err}"
    );
}

#[test]
fn a_broken_entry_halfway_makes_the_feed_unreadable() {
    let body = sample::json_ld_feed(&sample::openings(100, now()));
    let (at, _) = body
        .match_indices(r#""@type":"JobPosting""#)
        .nth(60)
        .expect("61 postings");
    let broken = format!("{}{}", &body[..at], body[at..].replacen(':', " ", 1));
    let mut reader = FeedReader::new(None, SOURCE, now(), DEFAULT_MAX_FEED_BYTES);
    let mut shown = 0;
    let err = broken
        .as_bytes()
        .chunks(1000)
        .find_map(|chunk| {
            let pushed = reader.push(chunk);
            shown += reader.take_openings().len();
            pushed.err()
        })
        .expect("refused");
    assert!(matches!(err, FeedError::NotJson(_)), "{err}");
    assert!(
        (1..61).contains(&shown),
        "{shown} openings before the broken one"
    );
}

#[test]
fn a_stream_over_the_limit_is_refused_as_soon_as_it_passes_it() {
    let body = sample::json_ld_feed(&sample::openings(200, now()));
    let limit = body.len() / 3;
    let mut reader = FeedReader::new(None, SOURCE, now(), limit);
    let err = body
        .as_bytes()
        .chunks(4096)
        .find_map(|chunk| reader.push(chunk).err())
        .expect("refused");
    assert!(
        matches!(err, FeedError::TooLarge { limit: l, .. } if l == limit),
        "{err}"
    );
    assert!(reader.received() <= limit + 4096);
}

#[test]
fn a_byte_order_mark_and_a_stray_invalid_byte_are_read_as_a_browser_reads_text() {
    let body =
        r#"[{"@type": "JobPosting", "title": "Archivist X", "url": "https://jobs.example.org/1"}]"#;
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(body.replace(" X", " \u{1}").as_bytes());
    let at = bytes.iter().position(|&b| b == 1).unwrap();
    bytes[at] = 0xFF;
    let feed = read_in_chunks(&bytes, 3).unwrap();
    assert_eq!(feed.openings[0].title, "Archivist \u{FFFD}");
}

#[test]
fn json_that_is_not_quite_json_is_refused_whatever_the_chunks() {
    for body in [
        "[{} {}]",
        "[,]",
        r#"[{"@type": "JobPosting"},]"#,
        "[1 2]",
        r#"{"totalFound": 1 2, "content": []}"#,
        r#"{"@type": "ItemList", "itemListElement": [] tr ue}"#,
    ] {
        for size in [1, 3, 64] {
            let err = read_in_chunks(body.as_bytes(), size).unwrap_err();
            assert!(
                matches!(err, FeedError::NotJson(_)),
                "{body} in chunks of {size}: {err}"
            );
        }
    }
}

#[test]
fn a_body_that_is_only_a_string_says_so() {
    let err = read_in_chunks(br#""Not found""#, 2).unwrap_err();
    assert!(
        matches!(&err, FeedError::NotAFeed(why) if why.contains("a string")),
        "{err}"
    );
}

#[test]
fn an_entry_nested_too_deeply_is_refused_wherever_the_chunks_fall() {
    let body = format!(r#"{{"jobs": [{}{}]}}"#, "[".repeat(200), "]".repeat(200));
    for size in [1, 7, 4096] {
        assert_eq!(
            read_in_chunks(body.as_bytes(), size).unwrap_err(),
            FeedError::TooDeep,
            "chunks of {size}"
        );
    }
}

/// A named format whose identifying keys come after the list (here the
/// `@type` of an ItemList) still reads every opening: the entries wait for
/// the whole document instead of being mapped without it.
#[test]
fn a_named_format_whose_type_comes_after_the_list_reads_every_opening() {
    let postings = sample::openings(40, now());
    let items: Vec<String> = postings
        .iter()
        .map(|o| {
            serde_json::json!({"@type": "ListItem", "item": openings_core::export::json_ld::job_posting(o)})
                .to_string()
        })
        .collect();
    let body = format!(
        r#"{{"itemListElement": [{}], "@type": "ItemList"}}"#,
        items.join(",")
    );
    for size in [64, 4096, body.len()] {
        let mut reader = FeedReader::new(
            Some(FeedFormat::SchemaOrg),
            SOURCE,
            now(),
            DEFAULT_MAX_FEED_BYTES,
        );
        let mut openings = Vec::new();
        for chunk in body.as_bytes().chunks(size) {
            reader.push(chunk).unwrap();
            openings.append(&mut reader.take_openings());
        }
        let feed = reader.finish().unwrap();
        assert_eq!(openings.len() + feed.openings.len(), 40, "chunks of {size}");
        assert!(feed.skipped.is_empty(), "{:?}", feed.skipped);
    }
}

#[test]
fn trailing_text_after_the_feed_makes_it_unreadable() {
    let err = read_in_chunks(br#"[] and more"#, 4).unwrap_err();
    assert!(matches!(err, FeedError::NotJson(_)), "{err}");
}

#[test]
fn a_long_feed_of_closed_openings_counts_them_as_expired() {
    let mut openings = sample::openings(50, now());
    for o in &mut openings {
        o.valid_through = Some(Timestamp(now().0 - DAY_MS));
    }
    let feed = read_in_chunks(sample::json_ld_feed(&openings).as_bytes(), 512).unwrap();
    assert!(feed.openings.is_empty());
    assert_eq!(feed.expired, 50);
}
