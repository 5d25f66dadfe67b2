//! Finding the right opening: search, facets with counts, sort, the "new"
//! and "closing soon" marks, and the board's state in the page URL — as a
//! job seeker would notice them.

#![allow(clippy::unwrap_used)]

use openings_core::catalog::{closes_soon, is_new, Catalog, Query, MAX_QUERY_WORDS};
use openings_core::dates::{Timestamp, DAY_MS};
use openings_core::facets::{Facet, FacetCounts};
use openings_core::feeds::ParsedFeed;
use openings_core::model::{
    Description, EmploymentType, Location, Opening, Organization, Workplace,
};
use openings_core::sort::Sort;
use openings_core::text::fold;
use openings_core::url_state::{
    decode, deep_link, encode, get_param, read_state, remove_param, set_param, write_state,
    ViewState,
};
use openings_core::View;
use proptest::prelude::*;

fn day(d: u32) -> Timestamp {
    Timestamp::from_ymd(2025, 3, d).unwrap()
}

struct Made {
    title: &'static str,
    org: &'static str,
    country: Option<&'static str>,
    workplace: Workplace,
    types: &'static [EmploymentType],
    dept: Option<&'static str>,
    posted: Option<u32>,
    closes: Option<u32>,
    description: &'static str,
}

fn made(m: Made) -> Opening {
    Opening {
        id: fold(m.title).replace(' ', "-"),
        title: m.title.into(),
        organization: Organization {
            name: m.org.into(),
            ..Organization::default()
        },
        locations: m
            .country
            .map(|c| Location {
                locality: Some("Somewhere".into()),
                region: None,
                country: Some(c.into()),
            })
            .into_iter()
            .collect(),
        workplace: m.workplace,
        employment_types: m.types.to_vec(),
        department: m.dept.map(String::from),
        date_posted: m.posted.map(day),
        valid_through: m.closes.map(day),
        description: Description::Html(m.description.into()),
        apply_url: format!("https://jobs.example/{}", fold(m.title).replace(' ', "-")),
        ..Opening::default()
    }
}

fn catalog_of(openings: Vec<Opening>) -> Catalog {
    let mut catalog = Catalog::new();
    catalog.add(
        ParsedFeed {
            openings,
            ..ParsedFeed::default()
        },
        0,
    );
    catalog
}

use EmploymentType::{FullTime, PartTime};
use Workplace::{Hybrid, OnSite, Remote};

/// Five openings at three organizations in two countries.
fn small_catalog() -> Catalog {
    let base = |title, org, country, workplace, types, dept| Made {
        title,
        org,
        country,
        workplace,
        types,
        dept,
        posted: None,
        closes: None,
        description: "",
    };
    catalog_of(vec![
        made(Made {
            posted: Some(10),
            closes: Some(20),
            description: "<p>Care for the <em>Bibliothèque</em>'s maps.</p>",
            ..base(
                "Map Curator",
                "Musée Lumière",
                Some("FR"),
                OnSite,
                &[FullTime],
                Some("Collections"),
            )
        }),
        made(Made {
            posted: Some(12),
            ..base(
                "Archivist 10",
                "Stadtarchiv Nord",
                Some("DE"),
                Hybrid,
                &[FullTime],
                Some("Archives"),
            )
        }),
        made(Made {
            closes: Some(15),
            ..base(
                "Archivist 2",
                "Stadtarchiv Nord",
                Some("DE"),
                OnSite,
                &[PartTime],
                None,
            )
        }),
        made(Made {
            posted: Some(11),
            closes: Some(25),
            ..base(
                "Librarian",
                "Universität Süd",
                Some("DE"),
                Remote,
                &[FullTime, PartTime],
                Some("Collections"),
            )
        }),
        made(Made {
            posted: Some(12),
            ..base(
                "Conservator",
                "Musée Lumière",
                Some("FR"),
                OnSite,
                &[PartTime],
                Some("Collections"),
            )
        }),
    ])
}

/// `[(value, count, selected)]` of one facet.
fn counts(view: &View, facet: Facet) -> Vec<(String, usize, bool)> {
    let f: &FacetCounts = view.facet(facet).unwrap();
    f.values
        .iter()
        .map(|v| (v.value.clone(), v.count, v.selected))
        .collect()
}

fn c(value: &str, count: usize, selected: bool) -> (String, usize, bool) {
    (value.to_string(), count, selected)
}

fn titles(catalog: &Catalog, matches: &[usize]) -> Vec<String> {
    matches
        .iter()
        .map(|&i| catalog.get(i).unwrap().title.clone())
        .collect()
}

#[test]
fn with_nothing_picked_every_facet_counts_the_whole_catalog() {
    let catalog = small_catalog();
    let view = catalog.view(&Query::default(), Sort::Title);
    assert_eq!(view.matches.len(), 5);
    assert_eq!(
        counts(&view, Facet::Organization),
        [
            c("Musée Lumière", 2, false),
            c("Stadtarchiv Nord", 2, false),
            c("Universität Süd", 1, false)
        ],
        "by count, then by name"
    );
    assert_eq!(
        counts(&view, Facet::Country),
        [c("DE", 3, false), c("FR", 2, false)]
    );
    assert_eq!(
        counts(&view, Facet::Workplace),
        [
            c("onsite", 3, false),
            c("hybrid", 1, false),
            c("remote", 1, false)
        ]
    );
    assert_eq!(
        counts(&view, Facet::EmploymentType),
        [c("FULL_TIME", 3, false), c("PART_TIME", 3, false)],
        "an opening with two types counts for both"
    );
    assert_eq!(
        counts(&view, Facet::Department),
        [c("Collections", 3, false), c("Archives", 1, false)]
    );
    assert!(view.facet(Facet::Tag).unwrap().hidden, "no tags at all");
    assert!(!view.facet(Facet::Organization).unwrap().hidden);
}

#[test]
fn two_values_of_one_facet_widen_and_its_own_counts_stay_put() {
    let catalog = small_catalog();
    let mut query = Query::default();
    query.select(Facet::Workplace, "remote");
    query.select(Facet::Workplace, "hybrid");
    let view = catalog.view(&query, Sort::Title);
    assert_eq!(
        titles(&catalog, &view.matches),
        ["Archivist 10", "Librarian"]
    );
    assert_eq!(
        counts(&view, Facet::Workplace),
        [
            c("onsite", 3, false),
            c("hybrid", 1, true),
            c("remote", 1, true)
        ],
        "a facet's own picks do not narrow its counts"
    );
    assert_eq!(
        counts(&view, Facet::Organization),
        [
            c("Stadtarchiv Nord", 1, false),
            c("Universität Süd", 1, false)
        ],
        "other facets count only what the picks let through"
    );
}

#[test]
fn two_facets_narrow_and_each_counts_under_the_other() {
    let catalog = small_catalog();
    let mut query = Query::default();
    query.select(Facet::Country, "DE");
    query.select(Facet::EmploymentType, "PART_TIME");
    let view = catalog.view(&query, Sort::Title);
    assert_eq!(
        titles(&catalog, &view.matches),
        ["Archivist 2", "Librarian"]
    );
    assert_eq!(
        counts(&view, Facet::Country),
        [c("DE", 2, true), c("FR", 1, false)],
        "countries count part-time openings"
    );
    assert_eq!(
        counts(&view, Facet::EmploymentType),
        [c("FULL_TIME", 2, false), c("PART_TIME", 2, true)],
        "types count German openings"
    );
    assert_eq!(
        counts(&view, Facet::Workplace),
        [c("onsite", 1, false), c("remote", 1, false)],
        "an unpicked facet counts the matches; values with none are left out"
    );
}

#[test]
fn search_words_narrow_every_count() {
    let catalog = small_catalog();
    let mut query = Query::text("archivist");
    query.select(Facet::Workplace, "onsite");
    let view = catalog.view(&query, Sort::Title);
    assert_eq!(titles(&catalog, &view.matches), ["Archivist 2"]);
    assert_eq!(
        counts(&view, Facet::Workplace),
        [c("hybrid", 1, false), c("onsite", 1, true)]
    );
    assert_eq!(
        counts(&view, Facet::Organization),
        [c("Stadtarchiv Nord", 1, false)]
    );
}

#[test]
fn a_picked_value_no_opening_has_still_shows_so_it_can_be_cleared() {
    let catalog = small_catalog();
    let mut query = Query::default();
    query.select(Facet::Organization, "Gone Gallery");
    let view = catalog.view(&query, Sort::Title);
    assert!(view.matches.is_empty());
    assert!(counts(&view, Facet::Organization).contains(&c("Gone Gallery", 0, true)));
    query.clear(Facet::Organization);
    assert_eq!(catalog.view(&query, Sort::Title).matches.len(), 5);
}

#[test]
fn picks_are_matched_whatever_their_case_and_clear_one_or_all() {
    let catalog = small_catalog();
    let mut query = Query::text("archivist");
    query.select(Facet::Organization, "stadtarchiv nord");
    query.select(Facet::Country, "de");
    assert_eq!(catalog.search(&query).len(), 2);
    query.toggle(Facet::Organization, "Stadtarchiv Nord");
    assert!(
        query.selected(Facet::Organization).is_empty(),
        "toggle unpicks"
    );
    query.clear_filters();
    assert!(!query.has_filters());
    assert_eq!(query.text, "archivist", "clearing filters keeps the words");
    query.clear_all();
    assert!(query.is_empty());
}

#[test]
fn a_facet_with_one_value_in_the_whole_catalog_is_hidden() {
    let catalog = catalog_of(vec![
        made(Made {
            title: "A",
            org: "Only Library",
            country: Some("NL"),
            workplace: OnSite,
            types: &[FullTime],
            dept: None,
            posted: None,
            closes: None,
            description: "",
        }),
        made(Made {
            title: "B",
            org: "Only Library",
            country: Some("BE"),
            workplace: OnSite,
            types: &[FullTime],
            dept: None,
            posted: None,
            closes: None,
            description: "",
        }),
    ]);
    let view = catalog.view(&Query::default(), Sort::Newest);
    let shown: Vec<Facet> = view.visible_facets(&Facet::ALL).map(|f| f.facet).collect();
    assert_eq!(shown, [Facet::Country]);
}

#[test]
fn search_ignores_accents_and_case_and_needs_every_word() {
    let catalog = small_catalog();
    let found = |q: &str| titles(&catalog, &catalog.search(&Query::text(q)));
    assert_eq!(
        found("bibliotheque"),
        ["Map Curator"],
        "description, accents"
    );
    assert_eq!(found("UNIVERSITAT"), ["Librarian"], "organization");
    assert_eq!(found("musee curator"), ["Map Curator"], "every word");
    assert_eq!(found("fr conservator"), ["Conservator"], "location");
    assert!(found("curator lumière zebra").is_empty());
    assert_eq!(found("  ").len(), 5, "no words: everything");
}

/// A search of sixty thousand words (pasted, or from a crafted link) kept
/// the page busy for seconds while repeats were removed one by one (issue
/// 10): only the first words of a search count, found in one pass.
#[test]
fn only_the_first_words_of_a_very_long_search_count() {
    let first: Vec<String> = (0..MAX_QUERY_WORDS).map(|i| format!("word{i}")).collect();
    let mut opening = made(Made {
        title: "Archivist",
        org: "Wellcome",
        country: None,
        workplace: OnSite,
        types: &[],
        dept: None,
        posted: None,
        closes: None,
        description: "",
    });
    opening.description = Description::Html(first.join(" "));
    let catalog = catalog_of(vec![opening]);
    let words: Vec<String> = (0..60_000).map(|i| format!("word{i}")).collect();
    let found = catalog.search(&Query::text(&words.join(" ")));
    assert_eq!(
        found,
        [0],
        "the opening has the first {MAX_QUERY_WORDS} words"
    );
    let repeated = "word0 ".repeat(60_000) + "zebra";
    assert_eq!(
        catalog.search(&Query::text(&repeated)),
        [0usize; 0],
        "repeats count once"
    );
}

#[test]
fn dates_far_from_today_mark_nothing_and_do_not_overflow() {
    let now = day(20);
    let far = |posted: i64, closes: i64| Opening {
        date_posted: Some(Timestamp(posted)),
        valid_through: Some(Timestamp(closes)),
        ..Opening::default()
    };
    assert!(!is_new(&far(i64::MIN, i64::MAX), now));
    assert!(!closes_soon(&far(i64::MIN, i64::MAX), now));
    assert!(is_new(&far(i64::MAX, i64::MIN), now), "dated in the future");
    assert!(
        !closes_soon(&far(i64::MAX, i64::MIN), now),
        "closed long ago"
    );
}

#[test]
fn each_order_puts_the_right_opening_first() {
    let catalog = small_catalog();
    let order = |sort| titles(&catalog, &catalog.view(&Query::default(), sort).matches);
    assert_eq!(
        order(Sort::Newest),
        [
            "Archivist 10",
            "Conservator",
            "Librarian",
            "Map Curator",
            "Archivist 2"
        ],
        "newest first, ties by title, undated last"
    );
    assert_eq!(
        order(Sort::Closing),
        [
            "Archivist 2",
            "Map Curator",
            "Librarian",
            "Archivist 10",
            "Conservator"
        ],
        "soonest first, no closing date last"
    );
    assert_eq!(
        order(Sort::Title),
        [
            "Archivist 2",
            "Archivist 10",
            "Conservator",
            "Librarian",
            "Map Curator"
        ],
        "numbers in number order"
    );
    assert_eq!(
        order(Sort::Organization),
        [
            "Conservator",
            "Map Curator",
            "Archivist 2",
            "Archivist 10",
            "Librarian"
        ]
    );
}

#[test]
fn pages_cut_the_matches() {
    let catalog = small_catalog();
    let view = catalog.view(&Query::default(), Sort::Title);
    assert_eq!(view.page_count(2), 3);
    assert_eq!(titles(&catalog, view.page(3, 2)), ["Map Curator"]);
    assert_eq!(
        view.page(9, 2),
        view.page(3, 2),
        "past the end: the last page"
    );
    assert_eq!(view.page(0, 2), view.page(1, 2));
}

#[test]
fn new_and_closing_soon_marks_follow_the_calendar() {
    let now = day(20);
    let posted = |d| Opening {
        date_posted: Some(day(d)),
        ..Opening::default()
    };
    let closing = |t: Timestamp| Opening {
        valid_through: Some(t),
        ..Opening::default()
    };
    assert!(is_new(&posted(14), now));
    assert!(!is_new(&posted(13), now), "seven days old is no longer new");
    assert!(!is_new(&Opening::default(), now), "undated is never new");
    assert!(closes_soon(&closing(day(27)), now));
    assert!(!closes_soon(&closing(Timestamp(day(27).0 + DAY_MS)), now));
    assert!(!closes_soon(&closing(day(19)), now), "already closed");
    assert!(!closes_soon(&Opening::default(), now));
}

#[test]
fn the_url_holds_the_board_state_beside_the_host_pages_own() {
    let mut state = ViewState {
        query: Query::text("rare books; maps & plans #1"),
        sort: Some(Sort::Title),
        page: 3,
        open: Some("gen-00042".into()),
    };
    state.query.select(Facet::Organization, "Musée Lumière");
    let page = "https://consortium.example/jobs/?lang=fr&ref=mail#/openings?tab=2";
    let url = write_state(page, Some("museums"), &state);
    assert!(url.starts_with("https://consortium.example/jobs/?lang=fr&ref=mail&openings-museums="));
    assert!(url.ends_with("#/openings?tab=2"));
    assert_eq!(read_state(&url, Some("museums")), state);
    assert_eq!(
        read_state(&url, None),
        ViewState::default(),
        "another board's state"
    );
    assert_eq!(
        write_state(&url, Some("museums"), &ViewState::default()),
        page,
        "the default state leaves no trace"
    );
}

#[test]
fn a_deep_link_is_what_the_board_writes_when_an_opening_is_open() {
    let page = "https://consortium.example/jobs?lang=fr";
    let state = ViewState {
        open: Some("job/7 à Lyon".into()),
        ..ViewState::default()
    };
    assert_eq!(
        deep_link(page, None, "job/7 à Lyon"),
        write_state(page, None, &state)
    );
    assert_eq!(
        get_param(&deep_link(page, None, "x"), "openings").as_deref(),
        Some("open:x")
    );
}

fn any_facets() -> impl Strategy<Value = Vec<(Facet, Vec<String>)>> {
    prop::collection::vec(
        (
            prop::sample::select(Facet::ALL.to_vec()),
            prop::collection::btree_set(".{1,30}", 1..4).prop_map(|v| v.into_iter().collect()),
        ),
        0..4,
    )
}

proptest! {
    #[test]
    /// Any state within the bounds a link is read with (see
    /// `url_state::decode_bounded`).
    fn any_state_survives_the_url(
        text in ".{0,60}",
        facets in any_facets(),
        sort in prop::option::of(prop::sample::select(Sort::ALL.to_vec())),
        page in 1usize..10_000,
        open in prop::option::of(".{1,60}"),
    ) {
        let mut state = ViewState { query: Query::text(&text), sort, page, open };
        for (facet, values) in facets {
            state.query.set_selected(facet, values);
        }
        let encoded = encode(&state);
        prop_assert!(
            encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%:;,".contains(&b)),
            "{encoded}"
        );
        prop_assert_eq!(decode(&encoded), state.clone());
        let url = set_param("https://example.org/p?x=1#h", "openings-b", &encoded);
        prop_assert_eq!(read_state(&url, Some("b")), state);
    }

    #[test]
    fn setting_or_removing_the_state_never_touches_other_parameters(
        others in prop::collection::vec(("[a-z]{1,6}", "[A-Za-z0-9%+._~-]{0,8}"), 0..5),
        hash in "(#[ -~]{0,12})?",
        value in ".*",
    ) {
        let query: Vec<String> = others.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let url = if query.is_empty() {
            format!("https://example.org/page{hash}")
        } else {
            format!("https://example.org/page?{}{hash}", query.join("&"))
        };
        let set = set_param(&url, "openings", &value);
        prop_assert!(set.ends_with(&hash));
        let before_hash = &set[..set.len() - hash.len()];
        prop_assert!(!before_hash.contains('#'));
        let kept: Vec<&str> = before_hash
            .split_once('?')
            .map(|(_, q)| q.split('&').filter(|s| !s.starts_with("openings=")).collect())
            .unwrap_or_default();
        let expected: Vec<&str> = query.iter().map(String::as_str).filter(|s| !s.starts_with("openings=")).collect();
        prop_assert_eq!(kept, expected);
        let removed = remove_param(&set, "openings");
        let original_without: String = remove_param(&url, "openings");
        prop_assert_eq!(removed, original_without);
        prop_assert!(get_param(&set, "openings").is_some());
    }
}

/// One posting: its title, organization, place, id, apply link and feed.
fn posting(title: &str, org: &str, place: &str, id: &str, link: &str, source: &str) -> Opening {
    Opening {
        id: id.into(),
        title: title.into(),
        organization: Organization {
            name: org.into(),
            ..Organization::default()
        },
        locations: vec![Location {
            locality: Some(place.into()),
            ..Location::default()
        }],
        apply_url: link.into(),
        source: source.into(),
        ..Opening::default()
    }
}

fn add(catalog: &mut Catalog, openings: Vec<Opening>) -> openings_core::catalog::Added {
    catalog.add(
        ParsedFeed {
            openings,
            ..ParsedFeed::default()
        },
        0,
    )
}

/// Real applicant-tracking feeds list one posting per place under one
/// title ("Account Executive" four times, each its own id and link): the
/// board lists every one. Within one feed, only a shared identifier or a
/// shared link makes two entries one.
#[test]
fn postings_of_one_feed_that_share_a_title_are_all_listed() {
    let feed = "https://api.lever.example/v0/postings/harbour";
    let mut catalog = Catalog::new();
    let added = add(
        &mut catalog,
        vec![
            posting(
                "Account Executive",
                "Harbour",
                "Lisbon",
                "a1",
                "https://jobs.example/a1",
                feed,
            ),
            posting(
                "Account Executive",
                "Harbour",
                "London",
                "a2",
                "https://jobs.example/a2",
                feed,
            ),
            posting(
                "Account Executive",
                "Harbour",
                "London",
                "a3",
                "https://jobs.example/a3",
                feed,
            ),
            posting(
                "Account Executive (copy)",
                "Harbour",
                "Paris",
                "a1",
                "https://jobs.example/a4",
                feed,
            ),
            posting(
                "Account Executive",
                "Harbour",
                "Rome",
                "a5",
                "https://jobs.example/a2",
                feed,
            ),
        ],
    );
    assert_eq!(
        added.new, 3,
        "same id (a1) and same link (…/a2) are repeats"
    );
    assert_eq!(added.duplicates, 2);
    let mut with_page = posting(
        "Archivist",
        "Harbour",
        "Leiden",
        "p1",
        "https://jobs.example/p1",
        feed,
    );
    with_page.url = Some("https://harbour.example/jobs/archivist".into());
    let mut same_page = posting(
        "Archivist",
        "Harbour",
        "Leiden",
        "p2",
        "https://jobs.example/p2",
        feed,
    );
    same_page.url = with_page.url.clone();
    assert_eq!(
        add(&mut catalog, vec![with_page, same_page]).new,
        1,
        "one page, one posting"
    );
}

/// Two members of a consortium may both number an opening "7": an
/// identifier is one organization's.
#[test]
fn two_organizations_sharing_an_identifier_are_two_openings() {
    let mut catalog = Catalog::new();
    add(
        &mut catalog,
        vec![posting(
            "Archivist",
            "Harbour Museum",
            "Leiden",
            "7",
            "https://a.example/7",
            "a",
        )],
    );
    let added = add(
        &mut catalog,
        vec![posting(
            "Registrar",
            "Delta Library",
            "Delft",
            "7",
            "https://b.example/7",
            "b",
        )],
    );
    assert_eq!(added.new, 1);
    assert_eq!(catalog.len(), 2);
}

/// Across feeds (a member's own and the consortium's), the same job with
/// other ids and links is one opening when title, organization and place
/// agree; a different place is a different opening.
#[test]
fn across_feeds_the_same_job_in_the_same_place_is_listed_once() {
    let mut catalog = Catalog::new();
    add(
        &mut catalog,
        vec![posting(
            "Archivist",
            "Harbour Museum",
            "Leiden",
            "m-1",
            "https://museum.example/1",
            "member",
        )],
    );
    let added = add(
        &mut catalog,
        vec![
            posting(
                "ARCHIVIST",
                "Harbour  Museum",
                "leiden",
                "c-9",
                "https://consortium.example/9",
                "consortium",
            ),
            posting(
                "Archivist",
                "Harbour Museum",
                "Utrecht",
                "c-10",
                "https://consortium.example/10",
                "consortium",
            ),
        ],
    );
    assert_eq!((added.new, added.duplicates), (1, 1));
    let places: Vec<String> = catalog.openings().map(|o| o.locations[0].label()).collect();
    assert_eq!(places, ["Leiden", "Utrecht"]);
}

/// The catalog grows a part per feed (or per batch of a feed arriving) and
/// shares its parts between copies: the same openings added in one go or in
/// parts of any sizes are the same catalog to a reader — every view of every
/// query in every order, with its facet counts, every opening where it was.
mod in_parts {
    use super::*;
    use openings_core::sample;

    fn queries() -> Vec<Query> {
        let mut queries = vec![
            Query::default(),
            Query::text("archivist"),
            Query::text("curator rare"),
            Query::text("bibliotheque"),
            Query::text("e"),
            Query::text("zzz-nothing"),
        ];
        let mut q = Query::text("collections");
        q.select(Facet::Country, "DE");
        q.select(Facet::Workplace, "hybrid");
        queries.push(q);
        let mut q = Query::default();
        q.select(Facet::EmploymentType, "PART_TIME");
        q.select(Facet::Tag, "rare books");
        queries.push(q);
        let mut q = Query::default();
        q.select(Facet::Organization, "not an organization anyone has");
        queries.push(q);
        queries
    }

    fn in_one(openings: &[Opening]) -> Catalog {
        let mut catalog = Catalog::new();
        catalog.add(
            ParsedFeed {
                openings: openings.to_vec(),
                ..ParsedFeed::default()
            },
            0,
        );
        catalog
    }

    fn in_parts(openings: &[Opening], cuts: &[usize]) -> Catalog {
        let mut catalog = Catalog::new();
        let mut from = 0;
        for &cut in cuts.iter().chain([&openings.len()]) {
            let to = cut.clamp(from, openings.len());
            // A copy is taken and kept between parts, as the board's state
            // keeps the catalog it showed: adding to one leaves the other.
            let before = catalog.clone();
            let len = before.len();
            catalog.add(
                ParsedFeed {
                    openings: openings[from..to].to_vec(),
                    ..ParsedFeed::default()
                },
                0,
            );
            assert_eq!(before.len(), len, "the copy is as it was");
            from = to;
        }
        catalog
    }

    fn same(a: &Catalog, b: &Catalog) {
        assert_eq!(a.len(), b.len());
        let titles = |c: &Catalog| c.openings().map(|o| o.id.clone()).collect::<Vec<_>>();
        assert_eq!(titles(a), titles(b));
        for i in [0, a.len() / 2, a.len().saturating_sub(1), a.len()] {
            assert_eq!(a.get(i), b.get(i), "opening {i}");
        }
        for query in queries() {
            for sort in Sort::ALL {
                assert_eq!(
                    a.view(&query, sort),
                    b.view(&query, sort),
                    "{query:?} {sort:?}"
                );
            }
            assert_eq!(a.search(&query), b.search(&query));
        }
    }

    #[test]
    fn parts_of_every_size_make_the_same_catalog() {
        let openings = sample::openings(240, day(1));
        let one = in_one(&openings);
        for cuts in [
            vec![],
            vec![1],
            vec![20, 40, 60],
            vec![0, 0, 120],
            (1..240).step_by(7).collect(),
            (1..240).collect(),
        ] {
            same(&one, &in_parts(&openings, &cuts));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        #[test]
        fn any_cuts_make_the_same_catalog(mut cuts in proptest::collection::vec(0usize..90, 0..6)) {
            cuts.sort_unstable();
            let openings = sample::openings(90, day(1));
            same(&in_one(&openings), &in_parts(&openings, &cuts));
        }
    }

    /// Repeats across parts are caught as within one: a second feed (a
    /// part of its own) listing the same postings adds none of them.
    #[test]
    fn a_part_repeating_earlier_parts_adds_nothing() {
        let openings = sample::openings(50, day(1));
        let mut catalog = in_parts(&openings, &[10, 30]);
        let again = catalog.add(
            ParsedFeed {
                openings: openings[5..25].to_vec(),
                ..ParsedFeed::default()
            },
            0,
        );
        assert_eq!((again.new, again.duplicates), (0, 20));
        assert_eq!(catalog.len(), 50);
    }
}
