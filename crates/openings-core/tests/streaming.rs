//! Reading a feed as it arrives ([`FeedReader`]): whatever the chunks, the
//! openings and skipped entries are those the format's adapter finds in the
//! whole document, the first openings come out before the body ends, and
//! a body that breaks off or goes wrong halfway says so.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use openings_core::dates::{Timestamp, DAY_MS};
use openings_core::feeds::{
    detect, parse_feed, FeedError, FeedFormat, FeedReader, Noted, ParsedFeed,
    DEFAULT_MAX_FEED_BYTES, MAX_ENTRIES,
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
    let entries = format
        .adapter()
        .entries(&doc, &openings_core::feeds::Context { source: SOURCE })
        .unwrap();
    for (i, entry) in entries.into_iter().enumerate() {
        match entry {
            openings_core::feeds::Entry::Opening(o, notes) => {
                feed.notes.extend(notes.into_iter().map(|note| Noted {
                    position: i + 1,
                    title: Some(o.title.clone()),
                    note,
                }));
                if o.valid_through.is_some_and(|c| c < now()) {
                    feed.expired += 1;
                } else {
                    feed.openings.push(*o);
                }
            }
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
    let ready = reader.openings_ready();
    let first = reader.take_openings();
    assert_eq!(ready, first.len(), "the openings ready are those taken");
    assert_eq!(reader.openings_ready(), 0, "taken, none is ready again");
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
    assert!(
        (limit + 1..=limit + 4096).contains(&reader.received()),
        "received {} bytes, the limit {limit}",
        reader.received()
    );
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
        "[1 [2]]",
        r#"["a" {}]"#,
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

/// Dates a browser cannot hold (issue 10): `Intl.DateTimeFormat` threw
/// `RangeError` into the host page for them. In every format they are read
/// as absent, the opening is still shown, and a note says which entry and
/// which key, so the site editor can mend the feed.
#[test]
fn dates_no_browser_can_show_are_left_out_with_a_note() {
    let cases = [
        (
            "schema",
            r#"[{"@type": "JobPosting", "title": "Archivist", "url": "https://jobs.example/1",
                "datePosted": 9000000000000000, "validThrough": -9223372036854775808}]"#,
            vec![
                "datePosted (9000000000000000)",
                "validThrough (-9223372036854775808)",
            ],
        ),
        (
            "lever",
            r#"[{"id": "a1", "text": "Archivist", "hostedUrl": "https://jobs.lever.co/x/a1",
                "categories": {}, "createdAt": 9e15}]"#,
            vec!["createdAt (9000000000000000.0)"],
        ),
        (
            "greenhouse",
            r#"{"jobs": [{"id": 7, "title": "Archivist", "absolute_url": "https://boards.greenhouse.io/x/jobs/7",
                "first_published": 18446744073709551615, "updated_at": "2024-05-01T10:00:00Z"}]}"#,
            vec!["first_published (18446744073709551615)"],
        ),
    ];
    for (format, body, expected) in &cases {
        let feed = parse_feed(
            body,
            FeedFormat::from_prefix(format),
            SOURCE,
            now(),
            1 << 20,
        )
        .unwrap();
        assert_eq!(
            feed.openings.len(),
            1,
            "{format}: the opening is still shown"
        );
        let opening = &feed.openings[0];
        for date in [opening.date_posted, opening.valid_through]
            .into_iter()
            .flatten()
        {
            assert!(
                Timestamp::from_ms(date.0).is_some(),
                "{format}: {date:?} is out of range"
            );
        }
        assert_eq!(
            feed.notes.len(),
            expected.len(),
            "{format}: {:?}",
            feed.notes
        );
        for (note, key) in feed.notes.iter().zip(expected.iter()) {
            let said = note.to_string();
            assert!(said.starts_with("entry 1 (\"Archivist\"): its "), "{said}");
            assert!(said.contains(key), "{format}: {said} should name {key}");
        }
    }
    // Greenhouse's second date stands in for the first.
    let feed = parse_feed(
        cases[2].1,
        Some(FeedFormat::Greenhouse),
        SOURCE,
        now(),
        1 << 20,
    )
    .unwrap();
    assert_eq!(
        feed.openings[0].date_posted,
        Timestamp::parse_iso("2024-05-01T10:00:00Z")
    );
}

/// An `ItemList` that is also a `@graph` (issue 10): the graph's postings
/// were mapped again for every batch of the list, so twenty thousand
/// postings became over a million openings. Each posting is read once, the
/// list's and the graph's, and a list entry naming a graph posting by
/// `@id` is that one posting.
#[test]
fn a_graph_beside_a_long_list_reads_each_posting_once() {
    let listed: Vec<String> = (0..2_000)
        .map(|i| {
            format!(
                r##"{{"@type": "JobPosting", "title": "Listed {i}", "url": "https://jobs.example/l/{i}",
                    "hiringOrganization": {{"@id": "#org"}}}}"##
            )
        })
        .collect();
    let graphed: Vec<String> = (0..300)
        .map(|i| {
            format!(
                r##"{{"@type": "JobPosting", "@id": "#g{i}", "title": "Graphed {i}", "url": "https://jobs.example/g/{i}"}}"##
            )
        })
        .collect();
    let body = format!(
        r##"{{"@context": "https://schema.org", "@type": "ItemList",
            "@graph": [{{"@id": "#org", "@type": "Organization", "name": "Harbour Museum"}}, {}],
            "itemListElement": [{{"@id": "#g0"}}, {}]}}"##,
        graphed.join(","),
        listed.join(",")
    );
    for chunk in [64, 4096, body.len()] {
        let feed = read_in_chunks(body.as_bytes(), chunk).unwrap();
        assert_eq!(feed.openings.len(), 2_300, "chunks of {chunk}");
        assert!(feed.skipped.is_empty(), "{:?}", feed.skipped.first());
        assert_eq!(
            feed.openings[0].title, "Graphed 0",
            "the list's first entry, by @id"
        );
        assert_eq!(feed.openings[1].title, "Listed 0");
        assert_eq!(feed.openings[1].organization.name, "Harbour Museum");
        assert_eq!(feed.openings[2_000].title, "Listed 1999");
        assert_eq!(feed.openings[2_001].title, "Graphed 1");
    }
}

/// A feed may list at most `MAX_ENTRIES` entries: the rest are left out
/// and counted, whether the list streams or the feed is one `@graph`.
#[test]
fn entries_past_the_most_a_feed_may_have_are_counted_not_read() {
    let over = MAX_ENTRIES + 25;
    let entry = |i: usize| {
        format!(
            r#"{{"@type": "JobPosting", "title": "Job {i}", "url": "https://jobs.example/{i}"}}"#
        )
    };
    let list = format!("[{}]", (0..over).map(entry).collect::<Vec<_>>().join(","));
    let graph = format!(
        r#"{{"@context": "https://schema.org", "@graph": [{}]}}"#,
        (0..over).map(entry).collect::<Vec<_>>().join(",")
    );
    for body in [list, graph] {
        let feed = read_in_chunks(body.as_bytes(), 100_000).unwrap();
        assert_eq!(feed.openings.len(), MAX_ENTRIES);
        assert_eq!(feed.cut, 25);
        assert_eq!(
            feed.openings.last().unwrap().title,
            format!("Job {}", MAX_ENTRIES - 1)
        );
    }
}

/// A byte order mark split over the first chunks (a server that flushes
/// one or two bytes first) is a byte order mark still.
#[test]
fn a_byte_order_mark_split_over_chunks_is_still_one() {
    let body = "\u{feff}[{\"@type\": \"JobPosting\", \"title\": \"Archivist\", \"url\": \"https://jobs.example/1\"}]";
    for chunk in [1, 2, 3, 4, body.len()] {
        let feed = read_in_chunks(body.as_bytes(), chunk).unwrap();
        assert_eq!(feed.openings.len(), 1, "chunks of {chunk}");
    }
    assert!(matches!(
        read_in_chunks(b"\xEF\xBB", 1),
        Err(FeedError::NotJson(_))
    ));
    assert_eq!(
        read_in_chunks(b"\xEF\xBB\xBF", 1).unwrap_err(),
        FeedError::NotJson("the body is empty".into())
    );
}

/// A list of references to a `@graph` that comes after it reads the same
/// whatever the list's length: every reference is its posting, nothing is
/// skipped, nothing counted twice.
#[test]
fn references_to_a_graph_after_the_list_read_alike_whatever_their_number() {
    for n in [15, 16, 40] {
        let refs: Vec<String> = (0..n)
            .map(|i| {
                format!(r##"{{"@type": "ListItem", "position": {i}, "item": {{"@id": "#j{i}"}}}}"##)
            })
            .collect();
        let postings: Vec<String> = (0..n)
            .map(|i| format!(r##"{{"@type": "JobPosting", "@id": "#j{i}", "title": "Job {i}", "url": "https://jobs.example/{i}"}}"##))
            .collect();
        let body = format!(
            r#"{{"@context": "https://schema.org", "@type": "ItemList", "itemListElement": [{}], "@graph": [{}]}}"#,
            refs.join(","),
            postings.join(",")
        );
        for chunk in [7, 500, body.len()] {
            let feed = read_in_chunks(body.as_bytes(), chunk).unwrap();
            assert_eq!(feed.openings.len(), n, "{n} references, chunks of {chunk}");
            assert!(feed.skipped.is_empty(), "{n}: {:?}", feed.skipped.first());
        }
    }
}

/// The list of entries of a format's document.
fn entries_of<'a>(name: &str, doc: &'a mut Value) -> &'a mut Vec<Value> {
    let list = match name {
        "lever" => doc,
        "greenhouse" | "ashby" => &mut doc["jobs"],
        "json_feed" => &mut doc["items"],
        "smartrecruiters" => &mut doc["content"],
        "recruitee" => &mut doc["offers"],
        other => panic!("no list for {other}"),
    };
    list.as_array_mut().unwrap()
}

/// Streaming starts after the first 16 entries, and every fixture has
/// fewer: each format's fixture is grown to 45 entries, with entries a
/// reader must skip at positions 3, 20 and 38 (one before the first batch,
/// two after), and read in chunks of every kind. The skipped entries keep
/// their positions in the feed, whatever batch they fall in.
#[test]
fn every_format_streams_past_the_first_batch_with_skipped_entries_where_they_are() {
    for (name, fixture) in FIXTURES {
        let mut doc: Value = serde_json::from_str(fixture).unwrap();
        let good: Vec<Value> = entries_of(name, &mut doc).clone();
        let list = entries_of(name, &mut doc);
        list.clear();
        for i in 0..45 {
            let entry = match i + 1 {
                3 => serde_json::json!(42),
                20 => serde_json::json!({"id": "no-title-20"}),
                38 => serde_json::json!("a string, not an entry"),
                _ => good[i % good.len()].clone(),
            };
            list.push(entry);
        }
        let body = serde_json::to_string_pretty(&doc).unwrap();
        let expected = whole(&body);
        let positions: Vec<usize> = expected.skipped.iter().map(|s| s.position).collect();
        assert!(
            [3, 20, 38].iter().all(|p| positions.contains(p)),
            "{name}: {positions:?}"
        );
        assert!(
            expected.openings.len() + expected.expired + expected.skipped.len() >= 42,
            "{name}: the good entries are read"
        );
        for size in [1, 5, 64, 1000, body.len()] {
            let feed =
                read_in_chunks(body.as_bytes(), size).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(feed, expected, "{name} in chunks of {size}");
        }
    }
}

/// A posting as a feed writes it, titled `title`, with `extra` keys.
fn posting(title: &str, i: usize, extra: &str) -> String {
    format!(
        r#"{{"@type": "JobPosting", "title": "{title}", "url": "https://jobs.example/{i}"{extra}}}"#
    )
}

/// A schema.org `ItemList` of `entries`, its type before the list (so that
/// the list is read as it arrives), and `after` after it.
fn item_list(entries: &[String], after: &str) -> String {
    format!(
        r#"{{"@context": "https://schema.org", "@type": "ItemList", "itemListElement": [{}]{after}}}"#,
        entries.join(",")
    )
}

#[test]
fn a_body_cut_off_after_its_list_says_it_was_cut_off() {
    let body = r#"{"jobs": [{"id": 1, "title": "Registrar", "absolute_url": "https://boards.greenhouse.io/x/jobs/1"}], "meta": {"total": 1}"#;
    for size in [1, 7, body.len()] {
        let err = read_in_chunks(body.as_bytes(), size).unwrap_err();
        assert!(
            matches!(&err, FeedError::NotJson(why) if why.contains("cut off")),
            "chunks of {size}: {err}"
        );
    }
}

#[test]
fn brackets_inside_a_title_do_not_end_its_entry() {
    let titles = ["Curator ]", "Registrar [maps", "Archivist }", "Educator {"];
    let entries: Vec<String> = titles
        .iter()
        .enumerate()
        .map(|(i, t)| posting(t, i, ""))
        .collect();
    let body = format!("[{}]", entries.join(","));
    for size in [1, 7, body.len()] {
        let feed = read_in_chunks(body.as_bytes(), size).unwrap();
        let read: Vec<&str> = feed.openings.iter().map(|o| o.title.as_str()).collect();
        assert_eq!(read, titles, "chunks of {size}");
    }
}

/// serde_json decodes at most 127 levels; an entry of a top-level list is
/// decoded on its own, one level less deep than in the whole document.
#[test]
fn an_entry_nested_as_deep_as_json_allows_is_read_and_one_level_more_is_not() {
    let nested = |levels: usize| {
        let extra = format!(r#", "x": {}{}"#, "[".repeat(levels), "]".repeat(levels));
        format!("[{}]", posting("Archivist", 1, &extra))
    };
    for size in [1, 4096] {
        let feed = read_in_chunks(nested(126).as_bytes(), size).unwrap();
        assert_eq!(feed.openings.len(), 1, "chunks of {size}");
        assert_eq!(
            read_in_chunks(nested(127).as_bytes(), size).unwrap_err(),
            FeedError::TooDeep,
            "chunks of {size}"
        );
    }
}

#[test]
fn nesting_past_the_limit_is_refused_as_soon_as_it_arrives() {
    let mut reader = FeedReader::new(None, SOURCE, now(), DEFAULT_MAX_FEED_BYTES);
    // 128 levels: the object and 127 lists.
    reader
        .push(format!(r#"{{"meta": {}"#, "[".repeat(127)).as_bytes())
        .unwrap();
    assert_eq!(reader.push(b"[").unwrap_err(), FeedError::TooDeep);
}

#[test]
fn openings_with_no_closing_date_older_than_the_max_age_are_counted_stale_not_shown() {
    let days_ago = |days: i64| now().0 - days * DAY_MS;
    let entries = [
        posting("Old", 1, &format!(r#", "datePosted": {}"#, days_ago(31))),
        posting(
            "Thirty days",
            2,
            &format!(r#", "datePosted": {}"#, days_ago(30)),
        ),
        posting("Recent", 3, &format!(r#", "datePosted": {}"#, days_ago(29))),
        posting(
            "Old, closing later",
            4,
            &format!(
                r#", "datePosted": {}, "validThrough": {}"#,
                days_ago(31),
                now().0 + DAY_MS
            ),
        ),
        posting("Undated", 5, ""),
        posting(
            "Closing now",
            6,
            &format!(r#", "validThrough": {}"#, now().0),
        ),
    ];
    let body = format!("[{}]", entries.join(","));
    let read = |max_age: u32| {
        FeedReader::new(None, SOURCE, now(), DEFAULT_MAX_FEED_BYTES)
            .with_max_age(max_age)
            .read([body.as_bytes()])
            .unwrap()
    };
    let feed = read(30);
    let titles: Vec<&str> = feed.openings.iter().map(|o| o.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Thirty days",
            "Recent",
            "Old, closing later",
            "Undated",
            "Closing now"
        ]
    );
    assert_eq!((feed.stale, feed.expired), (1, 0));
    let all = read(0);
    assert_eq!(
        (all.openings.len(), all.stale),
        (6, 0),
        "a max age of 0 keeps every opening"
    );
}

#[test]
fn a_page_holding_more_entries_than_a_board_reads_says_how_many_it_holds() {
    let postings: Vec<String> = (0..MAX_ENTRIES + 10)
        .map(|i| {
            format!(
                r#"{{"id": "{i}", "name": "Job {i}", "releasedDate": "2024-03-01T15:20:11.000Z", "company": {{"identifier": "Harbour"}}}}"#
            )
        })
        .collect();
    let body = format!(
        r#"{{"offset": 0, "limit": 20000, "totalFound": 20000, "content": [{}]}}"#,
        postings.join(",")
    );
    let feed = read_in_chunks(body.as_bytes(), 1 << 16).unwrap();
    assert_eq!((feed.openings.len(), feed.cut), (MAX_ENTRIES, 10));
    assert!(
        feed.warnings.len() == 1 && feed.warnings[0].contains("entries 1–10010 of 20000"),
        "{:?}",
        feed.warnings
    );
}

#[test]
fn a_graph_after_a_long_list_adds_its_own_postings() {
    let listed: Vec<String> = (0..20)
        .map(|i| posting(&format!("Listed {i}"), i, ""))
        .collect();
    let body = item_list(
        &listed,
        &format!(
            r#", "@graph": [{}, {}]"#,
            posting("Graphed 1", 101, ""),
            posting("Graphed 2", 102, "")
        ),
    );
    for size in [7, 500, body.len()] {
        let feed = read_in_chunks(body.as_bytes(), size).unwrap();
        assert_eq!(feed.openings.len(), 22, "chunks of {size}");
        assert_eq!(feed, whole(&body), "chunks of {size}");
    }
}

#[test]
fn a_graph_beside_an_empty_list_shows_the_graphs_postings() {
    let body = item_list(
        &[],
        &format!(r#", "@graph": [{}]"#, posting("Graphed", 1, "")),
    );
    for size in [7, body.len()] {
        let feed = read_in_chunks(body.as_bytes(), size).unwrap();
        assert_eq!(feed.openings.len(), 1, "chunks of {size}");
        assert_eq!(feed, whole(&body), "chunks of {size}");
    }
}

#[test]
fn entries_naming_postings_the_feed_does_not_hold_are_reported_not_dropped() {
    let mut entries: Vec<String> = (0..20)
        .map(|i| posting(&format!("Job {i}"), i, ""))
        .collect();
    entries.push(r##"{"@id": "#gone-1"}"##.into());
    entries.push(r##"{"@id": "#gone-2"}"##.into());
    let body = item_list(&entries, "");
    for size in [7, body.len()] {
        let feed = read_in_chunks(body.as_bytes(), size).unwrap();
        let positions: Vec<usize> = feed.skipped.iter().map(|s| s.position).collect();
        assert_eq!(positions, [21, 22], "chunks of {size}");
        assert_eq!(feed, whole(&body), "chunks of {size}");
    }
}

#[test]
fn postings_with_an_id_of_their_own_keep_their_place_in_a_long_list() {
    let entries: Vec<String> = (0..20)
        .map(|i| {
            let id = if i % 2 == 0 {
                format!(r##", "@id": "#job-{i}""##)
            } else {
                String::new()
            };
            posting(&format!("Job {i}"), i, &id)
        })
        .collect();
    let body = item_list(&entries, "");
    let expected: Vec<String> = (0..20).map(|i| format!("Job {i}")).collect();
    for size in [7, body.len()] {
        let feed = read_in_chunks(body.as_bytes(), size).unwrap();
        let titles: Vec<&String> = feed.openings.iter().map(|o| &o.title).collect();
        assert_eq!(
            titles,
            expected.iter().collect::<Vec<_>>(),
            "chunks of {size}"
        );
    }
}

#[test]
fn openings_come_out_once_the_first_sixteen_entries_are_in() {
    let entries: Vec<String> = (0..40)
        .map(|i| posting(&format!("Job {i}"), i, ""))
        .collect();
    let body = item_list(&entries, "");
    let end_of = |n: usize| body.find(&entries[n]).unwrap() + entries[n].len();
    let mut reader = FeedReader::new(None, SOURCE, now(), DEFAULT_MAX_FEED_BYTES);
    reader.push(&body.as_bytes()[..=end_of(14)]).unwrap();
    assert_eq!(
        reader.openings_ready(),
        0,
        "15 entries: the format is not known yet"
    );
    reader
        .push(&body.as_bytes()[end_of(14) + 1..=end_of(15)])
        .unwrap();
    assert_eq!(reader.openings_ready(), 16);
}

#[test]
fn notes_name_the_entry_they_are_about_wherever_it_is_in_the_feed() {
    let entries: Vec<String> = (1..=40)
        .map(|i| {
            let date = if i == 2 || i == 30 {
                r#", "datePosted": 9000000000000000"#
            } else {
                ""
            };
            posting(&format!("Job {i}"), i, date)
        })
        .collect();
    let body = format!("[{}]", entries.join(","));
    for size in [7, body.len()] {
        let feed = read_in_chunks(body.as_bytes(), size).unwrap();
        let noted: Vec<(usize, Option<&str>)> = feed
            .notes
            .iter()
            .map(|n| (n.position, n.title.as_deref()))
            .collect();
        assert_eq!(
            noted,
            [(2, Some("Job 2")), (30, Some("Job 30"))],
            "chunks of {size}"
        );
    }
}
