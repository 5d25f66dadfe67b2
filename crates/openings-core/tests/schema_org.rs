//! The schema.org JobPosting adapter, as a feed publisher would exercise it:
//! every wrapping JSON-LD allows, every field the board shows, bad entries
//! beside good ones, and feeds that are not feeds at all or are hostile.

// Test helpers outside `#[test]` functions may unwrap too.
#![allow(clippy::unwrap_used)]

use openings_core::{
    parse_feed, Description, EmploymentType, FeedError, FeedFormat, Location, Opening, ParsedFeed,
    SalaryPeriod, SkipReason, Timestamp, Workplace,
};
use serde_json::{json, Value};

const SOURCE: &str = "https://consortium.example.org/jobs/feed.jsonld";
const LIMIT: usize = 20 * 1024 * 1024;

fn now() -> Timestamp {
    Timestamp::from_ymd(2024, 6, 1).unwrap()
}

fn read(doc: &Value) -> ParsedFeed {
    let feed = parse_feed(&doc.to_string(), None, SOURCE, now(), LIMIT).unwrap();
    assert_eq!(feed.format, Some(FeedFormat::SchemaOrg));
    feed
}

fn read_one(doc: &Value) -> Opening {
    let feed = read(doc);
    assert_eq!(feed.openings.len(), 1, "{feed:#?}");
    feed.openings.into_iter().next().unwrap()
}

fn error(body: &str) -> FeedError {
    parse_feed(body, None, SOURCE, now(), LIMIT).unwrap_err()
}

/// A minimal posting with a title and a page.
fn posting(title: &str) -> Value {
    json!({
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": title,
        "url": format!("https://jobs.example.org/{}", title.to_lowercase().replace(' ', "-")),
    })
}

fn with(mut base: Value, extra: Value) -> Value {
    for (k, v) in extra.as_object().unwrap() {
        base[k] = v.clone();
    }
    base
}

fn titles(feed: &ParsedFeed) -> Vec<&str> {
    feed.openings.iter().map(|o| o.title.as_str()).collect()
}

// ── Wrappings ────────────────────────────────────────────────────────────

#[test]
fn a_single_posting_object_is_a_feed_of_one() {
    assert_eq!(titles(&read(&posting("Archivist"))), ["Archivist"]);
}

#[test]
fn an_array_of_postings_keeps_its_order() {
    let doc = json!([
        posting("Archivist"),
        posting("Curator"),
        posting("Registrar")
    ]);
    assert_eq!(titles(&read(&doc)), ["Archivist", "Curator", "Registrar"]);
}

#[test]
fn an_item_list_of_postings() {
    let doc = json!({
        "@context": "https://schema.org",
        "@type": "ItemList",
        "itemListElement": [posting("Archivist"), posting("Curator")],
    });
    assert_eq!(titles(&read(&doc)), ["Archivist", "Curator"]);
}

#[test]
fn an_item_list_of_list_items_holding_postings() {
    let doc = json!({
        "@context": "https://schema.org",
        "@type": "ItemList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "item": posting("Archivist")},
            {"@type": "ListItem", "position": 2, "item": posting("Curator")},
        ],
    });
    assert_eq!(titles(&read(&doc)), ["Archivist", "Curator"]);
}

#[test]
fn a_graph_follows_id_references_to_the_organization() {
    let doc = json!({
        "@context": "https://schema.org",
        "@graph": [
            {"@id": "#clir", "@type": "Organization", "name": "CLIR", "url": "https://clir.example.org/"},
            with(posting("Archivist"), json!({"hiringOrganization": {"@id": "#clir"}})),
            with(posting("Curator"), json!({"hiringOrganization": {"@id": "#clir"}})),
        ],
    });
    let feed = read(&doc);
    assert_eq!(titles(&feed), ["Archivist", "Curator"]);
    for opening in &feed.openings {
        assert_eq!(opening.organization.name, "CLIR");
        assert_eq!(
            opening.organization.url.as_deref(),
            Some("https://clir.example.org/")
        );
    }
    assert!(
        feed.skipped.is_empty(),
        "the Organization node is not an entry"
    );
}

#[test]
fn a_posting_in_a_graph_and_in_its_item_list_shows_once() {
    let doc = json!({
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "ItemList", "itemListElement": [{"@id": "#job-1"}]},
            with(posting("Archivist"), json!({"@id": "#job-1"})),
        ],
    });
    assert_eq!(titles(&read(&doc)), ["Archivist"]);
}

#[test]
fn a_document_with_a_list_and_a_graph_but_no_type_reads_both() {
    let doc = json!({
        "@context": "https://schema.org",
        "itemListElement": [posting("Archivist")],
        "@graph": [posting("Curator")],
    });
    assert_eq!(titles(&read(&doc)), ["Archivist", "Curator"]);
}

#[test]
fn a_list_of_lists_reads_the_postings_of_each() {
    let doc = json!({
        "@context": "https://schema.org",
        "@type": "ItemList",
        "itemListElement": [
            {"@type": "ItemList", "name": "Collections", "itemListElement": [posting("Archivist")]},
            {"@type": "ItemList", "name": "Learning", "itemListElement": [posting("Educator")]},
        ],
    });
    let feed = read(&doc);
    assert_eq!(titles(&feed), ["Archivist", "Educator"]);
    assert!(feed.skipped.is_empty(), "{:?}", feed.skipped);
}

#[test]
fn a_posting_with_a_stray_item_property_is_still_the_posting() {
    let doc = json!([with(posting("Archivist"), json!({"item": "Cataloguing"}))]);
    assert_eq!(titles(&read(&doc)), ["Archivist"]);
}

// ── Fields ───────────────────────────────────────────────────────────────

#[test]
fn title_description_and_dates() {
    let job = read_one(&with(
        posting("Archivist"),
        json!({
            "description": "<p>Care for <b>the</b> collections.</p>",
            "datePosted": "2024-03-01",
            "validThrough": "2099-12-31T23:59",
        }),
    ));
    assert_eq!(job.title, "Archivist");
    assert_eq!(
        job.description,
        Description::Html("<p>Care for <b>the</b> collections.</p>".into())
    );
    assert_eq!(job.date_posted, Timestamp::from_ymd(2024, 3, 1));
    assert_eq!(
        job.valid_through,
        Timestamp::parse_iso("2099-12-31T23:59:00Z")
    );
}

#[test]
fn a_title_in_two_languages_shows_the_first_and_runs_of_white_space_show_as_one() {
    let job = read_one(&with(
        posting("A"),
        json!({"title": ["Map   Curator", "Conservateur de cartes"]}),
    ));
    assert_eq!(job.title, "Map Curator");
    let broken = read_one(&with(
        posting("A"),
        json!({"title": "Registrar,\n\tReading Room"}),
    ));
    assert_eq!(broken.title, "Registrar, Reading Room");
}

#[test]
fn a_description_tagged_with_its_language_is_read() {
    let job = read_one(&with(
        posting("A"),
        json!({"description": {"@value": "<p>Care for the maps.</p>", "@language": "en"}}),
    ));
    assert_eq!(
        job.description,
        Description::Html("<p>Care for the maps.</p>".into())
    );
}

#[test]
fn a_posting_past_its_closing_date_is_counted_not_shown() {
    let doc = json!([
        with(posting("Closed"), json!({"validThrough": "2024-01-31"})),
        posting("Open"),
    ]);
    let feed = read(&doc);
    assert_eq!(titles(&feed), ["Open"]);
    assert_eq!(feed.expired, 1);
    assert!(
        feed.skipped.is_empty(),
        "expired is not a fault of the feed"
    );
}

#[test]
fn employment_type_may_be_one_or_a_list() {
    let one = read_one(&with(posting("A"), json!({"employmentType": "FULL_TIME"})));
    assert_eq!(one.employment_types, [EmploymentType::FullTime]);
    let list = read_one(&with(
        posting("A"),
        json!({"employmentType": ["PART_TIME", "TEMPORARY", "Paid residency"]}),
    ));
    assert_eq!(
        list.employment_types,
        [
            EmploymentType::PartTime,
            EmploymentType::Temporary,
            EmploymentType::Other("Paid residency".into())
        ]
    );
}

#[test]
fn hiring_organization_name_url_same_as_and_logo() {
    let job = read_one(&with(
        posting("A"),
        json!({"hiringOrganization": {
            "@type": "Organization",
            "name": "Hollis Museum of Maps",
            "sameAs": ["javascript:alert(1)", "https://hollis.example.org/"],
            "logo": {"@type": "ImageObject", "url": "https://hollis.example.org/logo.png", "name": "Our logo"},
        }}),
    ));
    assert_eq!(job.organization.name, "Hollis Museum of Maps");
    assert_eq!(
        job.organization.url.as_deref(),
        Some("https://hollis.example.org/"),
        "sameAs stands in for url; the unsafe one is passed over"
    );
    assert_eq!(
        job.organization.logo.as_deref(),
        Some("https://hollis.example.org/logo.png")
    );

    let by_url = read_one(&with(
        posting("A"),
        json!({"hiringOrganization": {"name": "CLIR", "url": "https://clir.example.org/", "logo": "/logo.svg"}}),
    ));
    assert_eq!(
        by_url.organization.url.as_deref(),
        Some("https://clir.example.org/")
    );
    assert_eq!(
        by_url.organization.logo.as_deref(),
        Some("https://consortium.example.org/logo.svg")
    );

    let named_only = read_one(&with(posting("A"), json!({"hiringOrganization": "CLIR"})));
    assert_eq!(named_only.organization.name, "CLIR");
}

#[test]
fn an_organization_given_in_full_beside_its_id_shows_what_the_posting_says() {
    let doc = json!({
        "@context": "https://schema.org",
        "@graph": [
            {"@id": "#hollis", "@type": "Organization", "name": "Hollis Museum"},
            with(posting("Archivist"), json!({"hiringOrganization":
                {"@id": "#hollis", "name": "Hollis Museum, Map Library"}})),
        ],
    });
    assert_eq!(
        read_one(&doc).organization.name,
        "Hollis Museum, Map Library"
    );
}

#[test]
fn an_application_contact_shows_what_it_gives() {
    let contact =
        |c: Value| read_one(&with(posting("A"), json!({"applicationContact": c}))).contact;
    let full = contact(json!({"@type": "ContactPoint", "name": "Registrar",
        "email": "mailto:jobs@hollis.example.org", "url": "https://hollis.example.org/contact"}))
    .unwrap();
    assert_eq!(full.name.as_deref(), Some("Registrar"));
    assert_eq!(full.email.as_deref(), Some("jobs@hollis.example.org"));
    assert_eq!(
        full.url.as_deref(),
        Some("https://hollis.example.org/contact")
    );
    let email = contact(json!({"email": "jobs@hollis.example.org"})).unwrap();
    assert_eq!(email.email.as_deref(), Some("jobs@hollis.example.org"));
    let name = contact(json!({"name": "Registrar"})).unwrap();
    assert_eq!(name.name.as_deref(), Some("Registrar"));
    assert_eq!(
        contact(json!({"email": "hollis-registrar"})),
        None,
        "an address without an at sign leads nowhere"
    );
    assert_eq!(contact(json!({"@type": "ContactPoint"})), None);
}

#[test]
fn a_logo_object_without_a_link_gives_no_logo() {
    let job = read_one(&with(
        posting("A"),
        json!({"hiringOrganization": {"name": "CLIR", "logo": {"@type": "ImageObject", "name": "Our logo"}}}),
    ));
    assert_eq!(job.organization.logo, None);
}

#[test]
fn job_locations_one_or_several_places_with_postal_addresses() {
    let one = read_one(&with(
        posting("A"),
        json!({"jobLocation": {"@type": "Place", "address": {
            "@type": "PostalAddress", "addressLocality": "Leiden",
            "addressRegion": "South Holland", "addressCountry": "NL"}}}),
    ));
    assert_eq!(
        one.locations,
        [Location {
            locality: Some("Leiden".into()),
            region: Some("South Holland".into()),
            country: Some("NL".into())
        }]
    );
    assert_eq!(one.workplace, Workplace::OnSite);

    let several = read_one(&with(
        posting("A"),
        json!({"jobLocation": [
            {"@type": "Place", "address": {"addressLocality": "Boston", "addressRegion": "MA",
                "addressCountry": {"@type": "Country", "name": "US"}}},
            {"@type": "Place", "name": "Leiden"},
            {"@type": "Place", "address": "Utrecht"},
        ]}),
    ));
    let labels: Vec<String> = several.locations.iter().map(Location::label).collect();
    assert_eq!(labels, ["Boston, MA, US", "Leiden", "Utrecht"]);
}

#[test]
fn telecommute_alone_is_remote_and_with_a_place_is_hybrid() {
    let remote = read_one(&with(
        posting("A"),
        json!({
            "jobLocationType": "TELECOMMUTE",
            "applicantLocationRequirements": [
                {"@type": "Country", "name": "USA"},
                {"@type": "AdministrativeArea", "name": "European Union"},
            ],
        }),
    ));
    assert_eq!(remote.workplace, Workplace::Remote);
    assert!(remote.locations.is_empty());
    assert_eq!(remote.remote_regions, ["USA", "European Union"]);

    let hybrid = read_one(&with(
        posting("A"),
        json!({"jobLocationType": "TELECOMMUTE",
               "jobLocation": {"@type": "Place", "address": {"addressLocality": "Leiden"}}}),
    ));
    assert_eq!(hybrid.workplace, Workplace::Hybrid);

    let unknown = read_one(&posting("A"));
    assert_eq!(unknown.workplace, Workplace::Unspecified);
}

#[test]
fn base_salary_as_a_value_or_a_range_with_its_unit() {
    let single = read_one(&with(
        posting("A"),
        json!({"baseSalary": {"@type": "MonetaryAmount", "currency": "usd", "value": 70000}}),
    ));
    let salary = single.salary.unwrap();
    assert_eq!((salary.min, salary.max), (Some(70_000.0), None));
    assert_eq!(salary.currency.as_deref(), Some("USD"));
    assert_eq!(salary.period, SalaryPeriod::Year);

    let range = read_one(&with(
        posting("A"),
        json!({"baseSalary": {"@type": "MonetaryAmount", "currency": "EUR", "value": {
            "@type": "QuantitativeValue", "minValue": "3,200", "maxValue": 4100, "unitText": "MONTH"}}}),
    ));
    let salary = range.salary.unwrap();
    assert_eq!((salary.min, salary.max), (Some(3_200.0), Some(4_100.0)));
    assert_eq!(salary.period, SalaryPeriod::Month);

    let hourly = read_one(&with(
        posting("A"),
        json!({"baseSalary": {"currency": "GBP", "value": {"value": 18.5, "unitText": "HOUR"}}}),
    ));
    let salary = hourly.salary.unwrap();
    assert_eq!(
        (salary.min, salary.period),
        (Some(18.5), SalaryPeriod::Hour)
    );

    let none = read_one(&with(
        posting("A"),
        json!({"baseSalary": {"currency": "USD"}}),
    ));
    assert_eq!(
        none.salary, None,
        "a currency without an amount is no salary"
    );
}

#[test]
fn a_salary_range_written_backwards_shows_low_to_high() {
    let job = read_one(&with(
        posting("A"),
        json!({"baseSalary": {"currency": "EUR", "value": {
            "minValue": {"@value": 4100}, "maxValue": 3200, "unitText": "MONTH"}}}),
    ));
    let salary = job.salary.unwrap();
    assert_eq!((salary.min, salary.max), (Some(3_200.0), Some(4_100.0)));
}

#[test]
fn a_negative_amount_is_no_salary_and_a_currency_sign_is_no_currency() {
    let negative = read_one(&with(
        posting("A"),
        json!({"baseSalary": {"currency": "EUR", "value": -3200}}),
    ));
    assert_eq!(negative.salary, None);
    let sign = read_one(&with(
        posting("A"),
        json!({"baseSalary": {"currency": "US$", "value": 52000}}),
    ));
    let salary = sign.salary.unwrap();
    assert_eq!((salary.min, salary.currency), (Some(52_000.0), None));
}

#[test]
fn identifier_gives_the_id_else_the_apply_link() {
    let by_value = read_one(&with(
        posting("A"),
        json!({"identifier": {"@type": "PropertyValue", "name": "CLIR", "value": "CLIR-2024-07"}}),
    ));
    assert_eq!(by_value.id, "CLIR-2024-07");
    let plain = read_one(&with(posting("A"), json!({"identifier": 4471})));
    assert_eq!(plain.id, "4471");
    let none = read_one(&posting("A"));
    assert_eq!(none.id, "https://jobs.example.org/a");
}

#[test]
fn apply_action_target_leads_the_apply_button_and_url_stays_the_page() {
    let by_string = read_one(&with(
        posting("A"),
        json!({"potentialAction": {"@type": "ApplyAction", "target": "https://apply.example.org/a"}}),
    ));
    assert_eq!(by_string.apply_url, "https://apply.example.org/a");
    assert_eq!(by_string.url.as_deref(), Some("https://jobs.example.org/a"));

    let by_entry_point = read_one(&with(
        posting("A"),
        json!({"potentialAction": {"@type": "ApplyAction", "target": {
            "@type": "EntryPoint", "urlTemplate": "https://apply.example.org/b"}}}),
    ));
    assert_eq!(by_entry_point.apply_url, "https://apply.example.org/b");

    let listed = read_one(&with(
        posting("A"),
        json!({"potentialAction": [{"@type": "ViewAction", "target": "https://elsewhere.example.org/"},
            {"@type": "ApplyAction", "target": [{"@type": "EntryPoint", "urlTemplate": "https://apply.example.org/c"}]}]}),
    ));
    assert_eq!(listed.apply_url, "https://apply.example.org/c");

    let page_only = read_one(&posting("A"));
    assert_eq!(page_only.apply_url, "https://jobs.example.org/a");
    assert_eq!(
        page_only.url, None,
        "the page is the apply link; not repeated"
    );
}

#[test]
fn an_entry_point_with_a_name_but_no_link_falls_back_to_the_page() {
    let job = read_one(&with(
        posting("A"),
        json!({"potentialAction": {"@type": "ApplyAction", "target": {"@type": "EntryPoint", "name": "Apply now"}}}),
    ));
    assert_eq!(job.apply_url, "https://jobs.example.org/a");
}

#[test]
fn relative_links_resolve_against_the_feed() {
    let job = read_one(&json!({"@type": "JobPosting", "title": "A", "url": "/jobs/a"}));
    assert_eq!(job.apply_url, "https://consortium.example.org/jobs/a");
    assert_eq!(job.source, SOURCE);
}

#[test]
fn a_long_link_is_kept_whole() {
    let long = format!("https://apply.example.org/a?ref={}", "x".repeat(900));
    let job = read_one(&json!({"@type": "JobPosting", "title": "A", "url": long}));
    assert_eq!(job.apply_url, long);
}

// ── Bad entries beside good ones ─────────────────────────────────────────

#[test]
fn bad_entries_are_skipped_with_reasons_and_good_ones_still_show() {
    let doc = json!([
        posting("Good one"),
        {"@type": "JobPosting", "url": "https://jobs.example.org/untitled"},
        {"@type": "JobPosting", "title": "No link"},
        {"@type": "JobPosting", "title": "Sneaky", "url": " JaVa\tScRiPt:alert(1)"},
        {"@type": "Event", "name": "Open day", "url": "https://example.org/open-day"},
        "just a string",
        posting("Good two"),
    ]);
    let feed = read(&doc);
    assert_eq!(titles(&feed), ["Good one", "Good two"]);
    let reasons: Vec<(usize, Option<&str>, &SkipReason)> = feed
        .skipped
        .iter()
        .map(|s| (s.position, s.title.as_deref(), &s.reason))
        .collect();
    assert_eq!(reasons[0], (2, None, &SkipReason::MissingTitle));
    assert_eq!(reasons[1], (3, Some("No link"), &SkipReason::MissingLink));
    assert!(matches!(
        reasons[2],
        (4, Some("Sneaky"), SkipReason::UnsafeLink(_))
    ));
    assert_eq!(reasons[3], (5, Some("Open day"), &SkipReason::NotAnOpening));
    assert_eq!(reasons[4], (6, None, &SkipReason::NotAnOpening));
    assert_eq!(
        feed.skipped[2].to_string(),
        "entry 4 (\"Sneaky\"): its link is not http, https or mailto (JaVa\\u{9}ScRiPt:alert(1))"
    );
}

#[test]
fn an_unsafe_apply_target_falls_back_to_a_safe_page() {
    let job = read_one(&with(
        posting("A"),
        json!({"potentialAction": {"@type": "ApplyAction", "target": "javascript:alert(1)"}}),
    ));
    assert_eq!(job.apply_url, "https://jobs.example.org/a");
}

// ── Not feeds ────────────────────────────────────────────────────────────

#[test]
fn answers_that_are_not_feeds_say_what_they_are() {
    assert!(matches!(error("<!doctype html><h1>Not found</h1>"),
        FeedError::NotJson(why) if why.contains("HTML page")));
    assert!(matches!(error("   "), FeedError::NotJson(why) if why.contains("empty")));
    assert!(matches!(
        error(r#"{"@type": "JobPosting", "title": "Cut"#),
        FeedError::NotJson(_)
    ));
    assert!(matches!(
        error("Service unavailable"),
        FeedError::NotJson(_)
    ));
    let not_a_feed = error(r#"{"status": "ok", "count": 3}"#);
    assert!(
        matches!(&not_a_feed, FeedError::NotAFeed(why) if why.contains("status")),
        "{not_a_feed}"
    );
    assert!(error(r#"{"status": "ok"}"#)
        .to_string()
        .contains("not a job feed"));
    assert_eq!(
        error("[1, 2]"),
        FeedError::NotAFeed("a list of things that are not job postings".into())
    );
}

// ── Bounds ───────────────────────────────────────────────────────────────

#[test]
fn a_30_megabyte_feed_is_refused_as_too_large() {
    let body = format!("[{}]", " ".repeat(30 * 1024 * 1024));
    let err = parse_feed(&body, None, SOURCE, now(), LIMIT).unwrap_err();
    assert!(
        matches!(err, FeedError::TooLarge { limit: LIMIT, .. }),
        "{err}"
    );
    assert_eq!(
        err.to_string(),
        "the feed is 32 MB, over the limit of 20 MB"
    );
}

#[test]
fn a_feed_exactly_as_large_as_the_limit_is_read_and_one_byte_more_is_not() {
    let body = posting("Archivist").to_string();
    let feed = parse_feed(&body, None, SOURCE, now(), body.len()).unwrap();
    assert_eq!(titles(&feed), ["Archivist"]);
    let err = parse_feed(&body, None, SOURCE, now(), body.len() - 1).unwrap_err();
    assert_eq!(
        err,
        FeedError::TooLarge {
            bytes: body.len(),
            limit: body.len() - 1
        }
    );
}

#[test]
fn ten_thousand_levels_of_nesting_are_refused_without_overflowing_the_stack() {
    let arrays = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(error(&arrays), FeedError::TooDeep);
    let objects = format!("{}null{}", r#"{"a":"#.repeat(10_000), "}".repeat(10_000));
    assert_eq!(error(&objects), FeedError::TooDeep);
    let unclosed = "[".repeat(10_000);
    assert_eq!(error(&unclosed), FeedError::TooDeep);
}

#[test]
fn a_five_megabyte_title_is_clipped() {
    let huge = "Archivist ".repeat(500_000);
    let job = read_one(
        &json!({"@type": "JobPosting", "title": huge, "url": "https://jobs.example.org/a"}),
    );
    assert!(job.title.chars().count() <= openings_core::text::MAX_FIELD_CHARS);
    assert!(job.title.starts_with("Archivist Archivist"));
}

#[test]
fn ten_thousand_postings_are_all_read() {
    // Not timed: run in release to see that it is well under a second.
    let postings: Vec<Value> = (0..10_000)
        .map(|i| {
            json!({
                "@type": "JobPosting",
                "title": format!("Archivist {i}"),
                "identifier": i,
                "url": format!("https://jobs.example.org/{i}"),
                "hiringOrganization": {"@id": "#org"},
                "jobLocation": {"@type": "Place", "address": {"addressLocality": "Leiden"}},
                "keywords": "archives, preservation, archives",
            })
        })
        .collect();
    let doc = json!({"@graph": postings, "@context": "https://schema.org"});
    let feed = read(&doc);
    assert_eq!(feed.openings.len(), 10_000);
    assert_eq!(feed.openings[9_999].id, "9999");
    assert_eq!(feed.openings[0].tags, ["archives", "preservation"]);
}

#[test]
fn a_posting_with_twenty_thousand_keywords_and_places_keeps_a_bounded_few() {
    let keywords: Vec<String> = (0..20_000).map(|i| format!("k{i}")).collect();
    let places: Vec<Value> = (0..20_000)
        .map(|i| json!({"@type": "Place", "address": {"addressLocality": format!("Town {i}")}}))
        .collect();
    let job = read_one(&with(
        posting("A"),
        json!({"keywords": keywords, "jobLocation": places}),
    ));
    assert!(
        !job.tags.is_empty() && job.tags.len() <= 50,
        "{}",
        job.tags.len()
    );
    assert!(!job.locations.is_empty() && job.locations.len() <= 50);
}

/// A description is clipped by its bytes, as documented: text of
/// four-byte characters was kept up to 200,000 characters (800 kB).
#[test]
fn a_description_is_clipped_to_its_bytes_whatever_its_characters() {
    let limit = openings_core::text::MAX_DESCRIPTION_BYTES;
    for unit in ["a", "é", "図", "𓀀"] {
        let job = read_one(&with(
            posting("A"),
            json!({"description": unit.repeat(limit)}),
        ));
        let Description::Html(text) = &job.description else {
            panic!("{:?}", job.description)
        };
        assert!(text.len() <= limit, "{unit}: {} bytes", text.len());
        assert!(
            text.len() > limit - 4,
            "{unit}: cut short, {} bytes",
            text.len()
        );
        assert!(text.chars().all(|c| c.to_string() == unit));
    }
}

/// A link longer than 2,048 characters is not used (a cut link would lead
/// elsewhere): the entry falls back to its other link, or is skipped.
#[test]
fn a_link_longer_than_any_real_one_is_not_used() {
    let long = format!("https://jobs.example.org/{}", "a".repeat(2_048));
    let feed = read(&json!([
        {"@type": "JobPosting", "title": "Only a long link", "url": long},
        {"@type": "JobPosting", "title": "A long apply link", "url": "https://jobs.example.org/b",
         "potentialAction": {"@type": "ApplyAction", "target": long}},
    ]));
    assert_eq!(feed.skipped.len(), 1);
    assert_eq!(feed.skipped[0].reason, SkipReason::MissingLink);
    assert_eq!(feed.openings.len(), 1);
    assert_eq!(feed.openings[0].apply_url, "https://jobs.example.org/b");
}
