//! Properties that hold for any input, checked on generated feeds, links
//! and text: reading a feed never panics, no link but http, https or mailto
//! ever comes out, and folding text for search is stable.

use openings_core::feeds::split_format_prefix;
use openings_core::links::{safe_link, safe_link_from};
use openings_core::text::fold;
use openings_core::{parse_feed, FeedFormat, Timestamp};
use proptest::prelude::*;
use serde_json::{Map, Number, Value};

/// Keys the adapters look for, so generated documents reach their code.
const KEYS: &[&str] = &[
    "@type",
    "@id",
    "@graph",
    "@value",
    "itemListElement",
    "item",
    "title",
    "name",
    "text",
    "url",
    "jobs",
    "offers",
    "content",
    "items",
    "version",
    "_job",
    "meta",
    "apiVersion",
    "totalFound",
    "absolute_url",
    "hostedUrl",
    "applyUrl",
    "jobUrl",
    "careers_url",
    "careers_apply_url",
    "categories",
    "allLocations",
    "location",
    "locations",
    "address",
    "postalAddress",
    "addressLocality",
    "jobLocation",
    "jobLocationType",
    "baseSalary",
    "value",
    "minValue",
    "maxValue",
    "unitText",
    "salary",
    "salaryRange",
    "compensation",
    "summaryComponents",
    "min",
    "max",
    "period",
    "interval",
    "currency",
    "potentialAction",
    "target",
    "urlTemplate",
    "hiringOrganization",
    "logo",
    "sameAs",
    "identifier",
    "employmentType",
    "isListed",
    "lists",
    "description",
    "content_html",
    "createdAt",
    "datePosted",
    "validThrough",
    "valid_through",
    "metadata",
    "postings",
    "jobAd",
    "sections",
];

/// Strings the adapters treat specially, plus anything at all.
fn string() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("JobPosting".to_string()),
        Just("ItemList".to_string()),
        Just("ListItem".to_string()),
        Just("ApplyAction".to_string()),
        Just("TELECOMMUTE".to_string()),
        Just("https://jsonfeed.org/version/1.1".to_string()),
        Just("https://jobs.example.org/a".to_string()),
        Just("javascript:alert(1)".to_string()),
        Just("/relative".to_string()),
        Just("2024-02-29T12:00:00+02:00".to_string()),
        Just("1 YEAR".to_string()),
        Just("per-hour-wage".to_string()),
        Just("&lt;p&gt;&amp;#x41;".to_string()),
        any::<String>(),
    ]
}

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| Value::Number(n.into())),
        any::<f64>().prop_map(|f| Number::from_f64(f).map_or(Value::Null, Value::Number)),
        string().prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..8).prop_map(|pairs| {
                Value::Object(
                    pairs
                        .into_iter()
                        .map(|(k, v)| (k.to_string(), v))
                        .collect::<Map<String, Value>>(),
                )
            }),
        ]
    })
}

fn now() -> Timestamp {
    Timestamp(1_717_200_000_000)
}

fn is_allowed(link: &str) -> bool {
    let lower = link.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:"))
        && !link.contains(['\t', '\n', '\r'])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn reading_any_json_never_panics(doc in json()) {
        let body = doc.to_string();
        let detected = parse_feed(&body, None, "https://feeds.example.org/a/b.json", now(), 1 << 20);
        if let Ok(feed) = detected {
            for opening in &feed.openings {
                prop_assert!(is_allowed(&opening.apply_url), "{}", opening.apply_url);
                prop_assert!(!opening.title.is_empty());
            }
        }
        for format in FeedFormat::ALL {
            if let Ok(feed) = parse_feed(&body, Some(format), "feed.json", now(), 1 << 20) {
                for opening in &feed.openings {
                    prop_assert!(is_allowed(&opening.apply_url), "{}", opening.apply_url);
                    for link in opening.url.iter().chain(&opening.organization.url) {
                        prop_assert!(is_allowed(link), "{link}");
                    }
                }
            }
        }
    }

    #[test]
    fn reading_any_text_never_panics(body in any::<String>(), prefix in "[a-z]{0,16}") {
        let _ = parse_feed(&body, None, "https://feeds.example.org/", now(), 1 << 20);
        let _ = split_format_prefix(&format!("{prefix}:{body}"));
    }

    #[test]
    fn no_link_but_http_https_or_mailto_ever_passes(raw in any::<String>(), tail in "\\PC{0,12}") {
        for candidate in [raw.clone(), format!("javascript:{tail}"), format!(" jAvA\tscript:{tail}")] {
            if let Some(link) = safe_link(&candidate) {
                prop_assert!(is_allowed(&link), "{candidate:?} gave {link:?}");
            }
            if let Some(link) = safe_link_from(&candidate, "https://feeds.example.org/x/feed.json") {
                prop_assert!(is_allowed(&link), "{candidate:?} gave {link:?}");
            }
            if let Some(link) = safe_link_from(&tail, &candidate) {
                prop_assert!(is_allowed(&link), "base {candidate:?} gave {link:?}");
            }
        }
    }

    #[test]
    fn folding_is_idempotent(s in any::<String>()) {
        let once = fold(&s);
        prop_assert_eq!(fold(&once), once.clone(), "input {:?}", s);
    }

    #[test]
    fn folding_accented_latin_is_idempotent(s in "[a-zA-ZàáâäæçèéêëìíîïñòóôöøœßùúûüýÿÀÉÎÕÜİĲǅẞ \\u{300}-\\u{36f}.,-]{0,40}") {
        let once = fold(&s);
        prop_assert_eq!(fold(&once), once.clone(), "input {:?}", s);
    }
}

#[test]
fn folding_a_capital_dotted_i_is_stable() {
    // 'İ' lowercases to 'i' and a combining dot; the dot must not survive
    // the first fold only to vanish in the second.
    assert_eq!(fold(&fold("İstanbul")), fold("İstanbul"));
    assert_eq!(fold("İstanbul"), "istanbul");
}
