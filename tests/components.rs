//! Component tests, run in headless Chromium by `wasm-bindgen-test`
//! (`cargo xtask test` sets up the runner). Each test mounts a component the
//! way the board does, acts as a reader would, waits a tick, and checks what
//! is on screen.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test crate: a failed unwrap is a failed test

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use openings_board::components::listings::Listings;
use openings_board::components::notices::FeedNotices;
use openings_board::components::pagination::Pagination;
use openings_board::components::result_count::ResultCount;
use openings_board::components::search_box::SearchBox;
use openings_board::config::FeedSource;
use openings_board::state::{FeedProblem, FeedState, FeedStatus, Phase, SharedCatalog};
use openings_core::catalog::Catalog;
use openings_core::dates::Timestamp;
use openings_core::feeds::{parse_feed, FeedError, DEFAULT_MAX_FEED_BYTES};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::*;
use yew::AttrValue;

wasm_bindgen_test_configure!(run_in_browser);

const IIIF_FEED: &str = include_str!("../demo/feeds/iiif-consortium.json");
const MUSEUM_FEED: &str = include_str!("../demo/feeds/museums.json");

/// The day the tests are set on.
const TODAY: &str = "2026-11-25";

/// The day from which the demo feeds' `{{date:N}}` count here: the day they
/// were given relative dates, so that they read as they did when written.
const FEEDS_DAY: &str = "2026-12-02";

/// A demo feed as the demo build writes it: its `{{date:N}}` as the date N
/// days from [`FEEDS_DAY`] (see `xtask/src/dist.rs`).
fn dated(feed: &str) -> String {
    let today = Timestamp::parse_iso(FEEDS_DAY).unwrap();
    let mut out = String::new();
    let mut rest = feed;
    while let Some(at) = rest.find("{{date:") {
        out.push_str(&rest[..at]);
        let (days, tail) = rest[at + 7..].split_once("}}").unwrap();
        let days: i64 = days.trim().parse().unwrap();
        out.push_str(&Timestamp(today.0 + days * openings_core::dates::DAY_MS).to_iso_date());
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// A fresh element in the test page to mount a component into.
fn stage() -> Element {
    let document = gloo_utils::document();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

async fn tick() {
    TimeoutFuture::new(20).await;
}

fn catalog_of(feeds: &[&str]) -> SharedCatalog {
    let mut catalog = Catalog::new();
    for (i, body) in feeds.iter().enumerate() {
        let url = format!("https://feeds.example/{i}.json");
        let feed = parse_feed(
            &dated(body),
            None,
            &url,
            Timestamp::parse_iso("2026-11-25").unwrap(),
            DEFAULT_MAX_FEED_BYTES,
        )
        .unwrap();
        catalog.add(feed, i);
    }
    SharedCatalog::new(catalog)
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn listings_props(
    catalog: SharedCatalog,
    matches: Vec<usize>,
    opened: Rc<RefCell<Vec<usize>>>,
) -> openings_board::components::listings::ListingsProps {
    let on_open = Callback::from(move |i: usize| opened.borrow_mut().push(i));
    yew::props!(openings_board::components::listings::ListingsProps {
        catalog,
        matches: Rc::new(matches),
        now: Timestamp::parse_iso("2026-11-25").unwrap(),
        link: Callback::from(|id: String| AttrValue::from(format!(
            "https://host.example/jobs?openings=open:{id}"
        ))),
        on_open,
        on_apply: Callback::noop(),
    })
}

/// The IIIF opening shows everything a job seeker scans for, and its Apply
/// link goes to the recruiting portal in a new tab, without an opener.
#[wasm_bindgen_test]
async fn a_listing_shows_the_facts_and_an_apply_link() {
    let root = stage();
    let props = listings_props(catalog_of(&[IIIF_FEED]), vec![0], Rc::default());
    yew::Renderer::<Listings>::with_root_and_props(root.clone(), props).render();
    tick().await;

    assert_eq!(
        text(&root, ".listing-title"),
        "Community and Communications Coordinator"
    );
    assert_eq!(text(&root, ".listing-org"), "IIIF Consortium");
    assert_eq!(text(&root, ".listing-location"), "Remote");
    assert_eq!(text(&root, ".listing-type"), "Full-time");
    let salary = text(&root, ".listing-salary");
    assert!(
        salary.contains("70,000") && salary.ends_with("a year"),
        "{salary}"
    );
    assert!(
        text(&root, ".listing-posted").contains("Nov 23, 2026"),
        "nine days before {FEEDS_DAY}: {}",
        text(&root, ".listing-posted")
    );
    let apply = root.query_selector("a.apply").unwrap().unwrap();
    assert_eq!(
        apply.get_attribute("href").unwrap(),
        "https://recruiting.paylocity.com/Recruiting/Jobs/Details/1166001"
    );
    assert_eq!(apply.get_attribute("target").unwrap(), "_blank");
    assert_eq!(apply.get_attribute("rel").unwrap(), "noopener noreferrer");
    assert_eq!(apply.text_content().unwrap(), "Apply");
}

/// Openings show in the order given; each title is a real link to the
/// opening's own URL, and a plain click opens it in place instead.
#[wasm_bindgen_test]
async fn titles_link_to_each_opening_and_open_it_in_place() {
    let root = stage();
    let opened = Rc::new(RefCell::new(Vec::new()));
    let props = listings_props(catalog_of(&[MUSEUM_FEED]), vec![1, 0], opened.clone());
    yew::Renderer::<Listings>::with_root_and_props(root.clone(), props).render();
    tick().await;
    let links = root.query_selector_all(".listing-title a").unwrap();
    let titles: Vec<String> = (0..links.length())
        .map(|i| links.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Conservator, Works on Paper (maternity cover)",
            "Digital Collections Photographer"
        ]
    );
    let first: HtmlElement = links.item(0).unwrap().dyn_into().unwrap();
    assert_eq!(
        first.get_attribute("href").unwrap(),
        "https://host.example/jobs?openings=open:hm-2026-034"
    );
    first.click();
    tick().await;
    assert_eq!(
        *opened.borrow(),
        [1],
        "the click opened the opening in place"
    );
    assert!(
        root.query_selector(".mark-new").unwrap().is_some(),
        "an opening posted this week is marked new"
    );
}

/// Typing in the search box reports what was typed, on every keystroke.
#[wasm_bindgen_test]
async fn typing_in_the_search_box_searches_as_you_type() {
    let root = stage();
    let typed = Rc::new(RefCell::new(Vec::<String>::new()));
    let on_search = {
        let typed = typed.clone();
        Callback::from(move |q: String| typed.borrow_mut().push(q))
    };
    yew::Renderer::<SearchBox>::with_root_and_props(
        root.clone(),
        yew::props!(openings_board::components::search_box::SearchBoxProps {
            value: "",
            on_search
        }),
    )
    .render();
    tick().await;

    let label = root.query_selector("label").unwrap().unwrap();
    let input: HtmlInputElement = root
        .query_selector("input")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(input.type_(), "search");
    assert_eq!(
        label.get_attribute("for").unwrap(),
        input.id(),
        "the input has a visible label"
    );
    for q in ["a", "ar", "arc"] {
        input.set_value(q);
        let event = web_sys::InputEvent::new_with_event_init_dict("input", &{
            let init = web_sys::InputEventInit::new();
            init.set_bubbles(true);
            init
        })
        .unwrap();
        input.dispatch_event(&event).unwrap();
    }
    tick().await;
    assert_eq!(*typed.borrow(), ["a", "ar", "arc"]);
}

/// The count is announced politely, with the right plural.
#[wasm_bindgen_test]
async fn the_result_count_is_announced() {
    for (count, expected) in [
        (1, "1 opening"),
        (1234, "1,234 openings"),
        (0, "No openings"),
    ] {
        let root = stage();
        yew::Renderer::<ResultCount>::with_root_and_props(
            root.clone(),
            yew::props!(openings_board::components::result_count::ResultCountProps {
                phase: Phase::Ready,
                count
            }),
        )
        .render();
        tick().await;
        let region = root.query_selector(".result-count").unwrap().unwrap();
        assert_eq!(region.get_attribute("aria-live").as_deref(), Some("polite"));
        assert_eq!(region.get_attribute("role").as_deref(), Some("status"));
        assert_eq!(region.text_content().unwrap(), expected);
        assert_eq!(region.get_attribute("aria-busy"), None);
    }
}

/// While a large feed is still arriving, the count of what is listed so far
/// says more is coming, and the live region is busy so that screen readers
/// announce the count once everything is in.
#[wasm_bindgen_test]
async fn the_count_says_when_more_openings_are_on_their_way() {
    let root = stage();
    yew::Renderer::<ResultCount>::with_root_and_props(
        root.clone(),
        yew::props!(openings_board::components::result_count::ResultCountProps {
            phase: Phase::Ready,
            count: 20_usize,
            more: true,
        }),
    )
    .render();
    tick().await;
    let region = root.query_selector(".result-count").unwrap().unwrap();
    assert_eq!(region.get_attribute("aria-busy").as_deref(), Some("true"));
    assert_eq!(region.text_content().unwrap(), "20 openingsLoading more…");

    // None of what is listed so far matches: not "No openings" yet.
    let root = stage();
    yew::Renderer::<ResultCount>::with_root_and_props(
        root.clone(),
        yew::props!(openings_board::components::result_count::ResultCountProps {
            phase: Phase::Ready,
            count: 0_usize,
            more: true,
        }),
    )
    .render();
    tick().await;
    let region = root.query_selector(".result-count").unwrap().unwrap();
    assert_eq!(region.text_content().unwrap(), "Loading more…");
}

fn feed_state(url: &str, status: FeedStatus) -> FeedState {
    FeedState {
        source: FeedSource {
            url: url.into(),
            format: None,
        },
        status,
        shown_early: 0,
        merged_early: 0,
        copy_listed: false,
        waiting: Default::default(),
        displaced: false,
    }
}

/// A feed that failed says where and why, and Retry asks for that feed again;
/// a feed that can never work (nested too deeply) offers no Retry.
#[wasm_bindgen_test]
async fn a_failed_feed_says_why_and_offers_retry() {
    let root = stage();
    let retried = Rc::new(RefCell::new(Vec::<usize>::new()));
    let on_retry = {
        let retried = retried.clone();
        Callback::from(move |i: usize| retried.borrow_mut().push(i))
    };
    let feeds = Rc::new(vec![
        feed_state(
            "https://ok.example/jobs.json",
            FeedStatus::Loaded {
                added: 3,
                skipped: vec![],
                cut: 0,
                stale: 0,
                merged: 0,
                saved: None,
            },
        ),
        feed_state(
            "https://down.example/jobs.json",
            FeedStatus::Failed(FeedProblem::Http {
                status: 500,
                text: "Internal Server Error".into(),
            }),
        ),
        feed_state(
            "https://deep.example/jobs.json",
            FeedStatus::Failed(FeedProblem::Feed(FeedError::TooDeep)),
        ),
    ]);
    yew::Renderer::<FeedNotices>::with_root_and_props(
        root.clone(),
        yew::props!(openings_board::components::notices::FeedNoticesProps {
            feeds,
            max_age_days: 90,
            on_retry
        }),
    )
    .render();
    tick().await;

    let errors = root.query_selector_all(".notice-error").unwrap();
    assert_eq!(errors.length(), 2);
    let first: Element = errors.item(0).unwrap().dyn_into().unwrap();
    assert_eq!(
        first.text_content().unwrap(),
        "Could not load openings from https://down.example/jobs.json: the server answered HTTP 500 (Internal Server Error).Retry"
    );
    assert_eq!(first.get_attribute("role").as_deref(), Some("alert"));
    let second: Element = errors.item(1).unwrap().dyn_into().unwrap();
    assert!(
        second.query_selector("button").unwrap().is_none(),
        "no Retry for a feed that cannot work"
    );

    let retry: HtmlElement = first
        .query_selector("button.retry")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    retry.click();
    tick().await;
    assert_eq!(*retried.borrow(), [1], "Retry names the failed feed");
}

/// Previous is unavailable on the first page (it says so and does nothing,
/// but keeps the focus a reader paging back gave it); Next moves on.
#[wasm_bindgen_test]
async fn pagination_moves_between_pages() {
    let root = stage();
    let asked = Rc::new(RefCell::new(Vec::<usize>::new()));
    let on_page = {
        let asked = asked.clone();
        Callback::from(move |p: usize| asked.borrow_mut().push(p))
    };
    yew::Renderer::<Pagination>::with_root_and_props(
        root.clone(),
        yew::props!(openings_board::components::pagination::PaginationProps {
            page: 0,
            pages: 3,
            on_page
        }),
    )
    .render();
    tick().await;
    assert_eq!(text(&root, ".page-position"), "Page 1 of 3");
    let previous: web_sys::HtmlButtonElement = root
        .query_selector(".page-previous")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(
        previous.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    assert!(!previous.disabled(), "a disabled button drops the focus");
    previous.click();
    tick().await;
    assert!(
        asked.borrow().is_empty(),
        "Previous on the first page moved"
    );
    let next: HtmlElement = root
        .query_selector(".page-next")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    next.click();
    tick().await;
    assert_eq!(*asked.borrow(), [1]);
}

/// The whole board, mounted into an open shadow root as the loader does:
/// a feed on a dead server ends in the error state with Retry, and the
/// search box is there and labelled.
#[wasm_bindgen_test]
async fn a_board_in_a_shadow_root_reports_a_dead_feed() {
    let document = gloo_utils::document();
    let host: HtmlElement = document
        .create_element("openings-board")
        .unwrap()
        .dyn_into()
        .unwrap();
    host.set_attribute("feed", "http://127.0.0.1:9/nothing-listens-here.json")
        .unwrap();
    host.set_attribute("page-size", "many").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    let mut board =
        openings_board::embed::mount_board(host.clone(), shadow.clone(), JsValue::UNDEFINED)
            .unwrap();

    let mut notice = None;
    for _ in 0..250 {
        tick().await;
        notice = shadow.query_selector(".notice-error").unwrap();
        if notice.is_some() {
            break;
        }
    }
    let notice = notice.expect("the board settles on an error within 5 s");
    let message = notice.text_content().unwrap();
    assert!(
        message.starts_with("Could not load openings from http://127.0.0.1:9/nothing-listens-here.json: the server could not be reached"),
        "{message}"
    );
    assert!(notice.query_selector("button.retry").unwrap().is_some());
    assert!(shadow
        .query_selector("input[type=search]")
        .unwrap()
        .is_some());
    assert!(
        shadow.query_selector(".loading").unwrap().is_none(),
        "no endless spinner"
    );

    board.unmount();
    tick().await;
    assert!(
        shadow.query_selector(".openings-board").unwrap().is_none(),
        "unmounting removes the board"
    );
}

/// Facet values show their counts in the reader's words; ticking one asks
/// for that filter; a facet with a pick can be cleared, and so can all.
#[wasm_bindgen_test]
async fn facets_show_counts_and_filter_when_ticked() {
    use openings_board::components::facet_list::{FacetList, FacetListProps};
    use openings_core::facets::{Facet, FacetCounts, FacetValue};
    let root = stage();
    let toggled = Rc::new(RefCell::new(Vec::<(Facet, String)>::new()));
    let cleared = Rc::new(RefCell::new(Vec::<Facet>::new()));
    let value = |value: &str, count, selected| FacetValue {
        value: value.into(),
        count,
        selected,
    };
    let facets = Rc::new(vec![
        FacetCounts {
            facet: Facet::Workplace,
            values: vec![value("onsite", 7, false), value("remote", 2, true)],
            hidden: false,
        },
        FacetCounts {
            facet: Facet::Country,
            values: vec![value("DE", 3, false)],
            hidden: false,
        },
    ]);
    let props = yew::props!(FacetListProps {
        facets,
        on_toggle: {
            let t = toggled.clone();
            Callback::from(move |x| t.borrow_mut().push(x))
        },
        on_clear: {
            let c = cleared.clone();
            Callback::from(move |f| c.borrow_mut().push(f))
        },
    });
    yew::Renderer::<FacetList>::with_root_and_props(root.clone(), props).render();
    tick().await;

    let legends = root.query_selector_all("legend").unwrap();
    assert_eq!(
        legends.item(0).unwrap().text_content().unwrap(),
        "Workplace"
    );
    let labels = root.query_selector_all(".facet-values label").unwrap();
    let label = |i| labels.item(i).unwrap().text_content().unwrap();
    assert_eq!(label(0), "On-site7");
    assert_eq!(label(1), "Remote2");
    assert_eq!(
        label(2),
        "Germany3",
        "country codes are named in the reader's language"
    );
    let remote: HtmlInputElement = root
        .query_selector("#facet-workplace-1")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(remote.checked());
    let onsite: HtmlElement = root
        .query_selector("#facet-workplace-0")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    onsite.click();
    tick().await;
    assert_eq!(
        *toggled.borrow(),
        [(Facet::Workplace, "onsite".to_string())]
    );
    let clear: HtmlElement = root
        .query_selector(".clear-facet")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(
        clear.get_attribute("aria-label").unwrap(),
        "Clear the Workplace filter"
    );
    clear.click();
    tick().await;
    assert_eq!(*cleared.borrow(), [Facet::Workplace]);
}

/// An opening opened in place: its description is rendered through the
/// allow-list (no script, no handler, no javascript: link reaches the DOM,
/// ordinary rich text stays), its title takes the focus, Back closes it.
#[wasm_bindgen_test]
async fn the_detail_view_shows_rich_text_safely_and_takes_focus() {
    use openings_board::components::detail_view::{DetailView, DetailViewProps};
    let feed = r#"{"@context":"https://schema.org","@type":"JobPosting","title":"Archivist","identifier":"a1",
        "hiringOrganization":{"name":"Valmont Archives","url":"https://archives.example"},
        "url":"https://jobs.example/a1","datePosted":"2026-11-24","validThrough":"2026-11-30",
        "applicationContact":{"email":"jobs@archives.example"},
        "description":"<h2>Duties</h2><ul><li>Describe <strong>collections</strong></li></ul><script>window.pwned=1</script><p onclick=\"window.pwned=2\">Read <a href=\"javascript:window.pwned=3\">this</a> and <a href=\"https://archives.example/about\">that</a>.</p><img src=x onerror=\"window.pwned=4\"><svg><script>window.pwned=5</script></svg>"}"#;
    let root = stage();
    let closed = Rc::new(RefCell::new(0));
    let asked = Rc::new(RefCell::new(Vec::new()));
    let props = yew::props!(DetailViewProps {
        catalog: catalog_of(&[feed]),
        index: 0,
        link: "https://host.example/jobs?openings=open:a1",
        now: Timestamp::parse_iso("2026-11-25").unwrap(),
        on_close: {
            let c = closed.clone();
            Callback::from(move |()| *c.borrow_mut() += 1)
        },
        on_apply: Callback::noop(),
        on_share: {
            let asked = asked.clone();
            Callback::from(move |ask: openings_board::embed::share::ShareAsk| {
                asked
                    .borrow_mut()
                    .push((ask.title.clone(), ask.url.clone()));
                ask.done.emit(openings_board::embed::share::Shared::Copied);
            })
        },
    });
    yew::Renderer::<DetailView>::with_root_and_props(root.clone(), props).render();
    tick().await;

    let body = root.query_selector(".rich-text").unwrap().unwrap();
    assert!(body
        .query_selector("script, img, svg, [onclick], [onerror]")
        .unwrap()
        .is_none());
    assert!(body
        .query_selector("a[href^='javascript']")
        .unwrap()
        .is_none());
    assert_eq!(text(&root, ".rich-text li"), "Describe collections");
    assert!(body.query_selector("strong").unwrap().is_some());
    let safe = body
        .query_selector("a[href='https://archives.example/about']")
        .unwrap()
        .unwrap();
    assert_eq!(safe.get_attribute("target").as_deref(), Some("_blank"));
    assert!(body.text_content().unwrap().contains("Read this and that."));
    assert!(
        root.query_selector(".description-cut").unwrap().is_none(),
        "a real description is shown whole, with no note that it was cut"
    );
    assert!(
        js_sys::Reflect::get(&gloo_utils::window(), &"pwned".into())
            .unwrap()
            .is_undefined(),
        "nothing ran"
    );

    assert!(root.query_selector(".mark-new").unwrap().is_some());
    assert!(
        root.query_selector(".mark-closing").unwrap().is_some(),
        "closes within a week"
    );
    assert!(root
        .query_selector("a[href='mailto:jobs@archives.example']")
        .unwrap()
        .is_some());
    let title: HtmlElement = root
        .query_selector("#openings-detail-title")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let mut focused = false;
    for _ in 0..10 {
        focused = gloo_utils::document()
            .active_element()
            .is_some_and(|a| a == *title);
        if focused {
            break;
        }
        tick().await;
    }
    assert!(focused, "focus moved to the opening's title");

    // No share sheet here: the button copies the link, and says so.
    let copy: HtmlElement = root
        .query_selector(".copy-link")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(copy.text_content().unwrap().trim(), "Copy link");
    copy.click();
    tick().await;
    assert_eq!(
        *asked.borrow(),
        [(
            "Archivist".to_string(),
            "https://host.example/jobs?openings=open:a1".to_string()
        )]
    );
    assert_eq!(text(&root, ".copy-status"), "Link copied.");
    assert_eq!(title.get_attribute("tabindex").as_deref(), Some("-1"));

    let back: HtmlElement = root
        .query_selector(".detail-back")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    back.click();
    tick().await;
    assert_eq!(*closed.borrow(), 1);
}

/// A description longer than the board keeps (200,000 bytes) shows its
/// beginning and says the rest is on the opening's own page, though its
/// few paragraphs are well within the nodes a board draws.
#[wasm_bindgen_test]
async fn a_description_cut_at_the_bytes_kept_says_so() {
    use openings_board::components::detail_view::{DetailView, DetailViewProps};
    // 100 paragraphs of 3 kB: 300 kB, 200 nodes.
    let paragraph = format!("<p>{}</p>", "Curate the collection. ".repeat(130));
    let paragraphs = paragraph.repeat(100);
    let feed = format!(
        r#"{{"@type":"JobPosting","title":"Registrar","identifier":"r1","url":"https://jobs.example/r1","description":"{paragraphs}"}}"#
    );
    let root = stage();
    let props = yew::props!(DetailViewProps {
        catalog: catalog_of(&[&feed]),
        index: 0,
        link: "https://host.example/jobs?openings=open:r1",
        now: Timestamp::parse_iso("2026-11-25").unwrap(),
        on_close: Callback::noop(),
        on_apply: Callback::noop(),
        on_share: Callback::noop(),
    });
    yew::Renderer::<DetailView>::with_root_and_props(root.clone(), props).render();
    tick().await;
    let note = root.query_selector(".description-cut").unwrap();
    let note = note.expect("the note that the description was cut");
    assert!(note
        .text_content()
        .unwrap()
        .contains("too long to show here in full"));
    assert!(note
        .query_selector("a[href='https://jobs.example/r1']")
        .unwrap()
        .is_some());
    assert!(text(&root, ".rich-text").starts_with("Curate the collection."));
}

/// A feed whose old openings are hidden (no closing date, past the board's
/// max-age) and whose openings repeat another feed's says how many of each,
/// in the reader's words.
#[wasm_bindgen_test]
async fn hidden_and_repeated_openings_are_counted_in_the_notices() {
    let root = stage();
    let feeds = Rc::new(vec![feed_state(
        "https://member.example/jobs.json",
        FeedStatus::Loaded {
            added: 4,
            skipped: vec![],
            cut: 0,
            stale: 3,
            merged: 1,
            saved: None,
        },
    )]);
    yew::Renderer::<FeedNotices>::with_root_and_props(
        root.clone(),
        yew::props!(openings_board::components::notices::FeedNoticesProps {
            feeds,
            max_age_days: 60,
            on_retry: Callback::noop()
        }),
    )
    .render();
    tick().await;
    let text = root.text_content().unwrap();
    assert!(
        text.contains("3 openings in https://member.example/jobs.json were posted more than 60 days ago with no closing date, and are not shown."),
        "{text}"
    );
    assert!(
        text.contains("1 opening in https://member.example/jobs.json repeats one already listed, and is shown once."),
        "{text}"
    );
}

/// Defence in depth: an opening that reached the board with links no feed
/// reader lets through (a reader that forgot `safe_link`) still puts no
/// `javascript:` or `data:` link on the page — not the Apply link, the
/// organization's site, the contact's page or e-mail, nor a link of rich
/// text built by hand.
#[wasm_bindgen_test]
async fn links_are_checked_again_where_they_are_drawn() {
    use openings_board::components::detail_view::{DetailView, DetailViewProps};
    use openings_board::components::rich_text::{RichText, RichTextProps};
    use openings_core::model::{Contact, Opening, Organization};
    use openings_core::rich_text::{Element as RichElement, Node, Tag};

    let hostile = Opening {
        id: "x1".into(),
        title: "Archivist".into(),
        organization: Organization {
            name: "Valmont Archives".into(),
            url: Some("javascript:window.pwned=1".into()),
            logo: None,
        },
        apply_url: "JaVaScRiPt:window.pwned=2".into(),
        contact: Some(Contact {
            name: Some("Hiring desk".into()),
            email: Some("x\"onmouseover=\"window.pwned=3".into()),
            url: Some("data:text/html,<script>window.pwned=4</script>".into()),
        }),
        source: "https://feeds.example/x.json".into(),
        ..Opening::default()
    };
    let mut catalog = Catalog::new();
    catalog.add(
        openings_core::feeds::ParsedFeed {
            openings: vec![hostile],
            ..Default::default()
        },
        0,
    );
    let root = stage();
    let props = yew::props!(DetailViewProps {
        catalog: SharedCatalog::new(catalog),
        index: 0,
        link: "https://host.example/jobs?openings=open:x1",
        now: Timestamp::parse_iso(TODAY).unwrap(),
        on_close: Callback::noop(),
        on_apply: Callback::noop(),
        on_share: Callback::noop(),
        can_share: true,
    });
    yew::Renderer::<DetailView>::with_root_and_props(root.clone(), props).render();
    tick().await;
    assert_eq!(
        text(&root, "button.share").trim(),
        "Share",
        "with a share sheet the button shares"
    );
    let hrefs: Vec<String> = {
        let links = root.query_selector_all("a[href]").unwrap();
        (0..links.length())
            .filter_map(|i| links.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .filter_map(|a| a.get_attribute("href"))
            .collect()
    };
    assert!(
        hrefs
            .iter()
            .all(|h| h.starts_with("https://host.example/") || h.starts_with("mailto:")),
        "{hrefs:?}"
    );
    assert!(
        root.query_selector("a.apply").unwrap().is_none(),
        "no Apply link to a script"
    );
    assert_eq!(text(&root, ".apply-unavailable"), "Apply");
    assert!(text(&root, ".detail-org").contains("Valmont Archives"));
    assert!(root.query_selector("[onmouseover]").unwrap().is_none());

    let nodes = vec![Node::Element(RichElement {
        tag: Tag::A,
        href: Some("javascript:window.pwned=5".into()),
        children: vec![Node::Text("read this".into())],
    })];
    let rich = stage();
    yew::Renderer::<RichText>::with_root_and_props(
        rich.clone(),
        RichTextProps {
            nodes: Rc::new(nodes),
        },
    )
    .render();
    tick().await;
    assert!(rich.query_selector("a").unwrap().is_none());
    assert_eq!(text(&rich, ".rich-text"), "read this");
    assert!(js_sys::Reflect::get(&gloo_utils::window(), &"pwned".into())
        .unwrap()
        .is_undefined());
}

/// A board as the embedding mounts it, its first feed answered by a
/// response made here and handed over as the loader's early request.
fn board_props(
    feeds: &[&str],
    answer: Option<&str>,
    events: Rc<RefCell<Vec<openings_board::embed::events::BoardEvent>>>,
) -> openings_board::components::board::BoardProps {
    let answer = answer.map(|body| js_sys::Promise::resolve(&JsValue::from(json_response(body))));
    board_props_answered(feeds, answer, events)
}

/// A feed's answer: 200, JSON, this body.
fn json_response(body: &str) -> web_sys::Response {
    let init = web_sys::ResponseInit::new();
    init.set_status(200);
    let headers = web_sys::Headers::new().unwrap();
    headers.set("content-type", "application/json").unwrap();
    init.set_headers(&headers);
    web_sys::Response::new_with_opt_str_and_init(Some(body), &init).unwrap()
}

/// An answer to a board's first feed that comes when the test says so: the
/// promise to give the board, and the function that answers it with a
/// JSON body.
fn held_answer() -> (js_sys::Promise, impl FnOnce(&str)) {
    let answer: Rc<RefCell<Option<js_sys::Function>>> = Rc::default();
    let held = {
        let answer = answer.clone();
        js_sys::Promise::new(&mut |resolve, _| *answer.borrow_mut() = Some(resolve))
    };
    let resolve = move |body: &str| {
        let resolve = answer
            .borrow_mut()
            .take()
            .expect("the board asked for its feed");
        resolve.call1(&JsValue::NULL, &json_response(body)).unwrap();
    };
    (held, resolve)
}

/// A board of one feed mounted in `root`, its feed answered when the test
/// says so (see [`held_answer`]).
fn mount_held(
    root: &Element,
    url: &str,
) -> (
    yew::AppHandle<openings_board::components::board::Board>,
    impl FnOnce(&str),
) {
    let (answer, resolve) = held_answer();
    let props = board_props_answered(&[url], Some(answer), Rc::default());
    let app = yew::Renderer::<openings_board::components::board::Board>::with_root_and_props(
        root.clone(),
        props,
    )
    .render();
    (app, resolve)
}

/// [`board_props`], the first feed's answer being `response` (a promise of
/// a `Response`, which may never settle).
fn board_props_answered(
    feeds: &[&str],
    response: Option<js_sys::Promise>,
    events: Rc<RefCell<Vec<openings_board::embed::events::BoardEvent>>>,
) -> openings_board::components::board::BoardProps {
    use openings_board::embed::feed_loader::{PrefetchSlot, Prefetched};
    let (config, warnings) = openings_board::config::BoardConfig::from_attributes(|name| {
        (name == "feed").then(|| feeds.join(" "))
    });
    assert!(warnings.is_empty(), "{warnings:?}");
    let prefetched = response.map(|response| {
        let object = js_sys::Object::new();
        let set = |k: &str, v: &JsValue| {
            js_sys::Reflect::set(&object, &k.into(), v).unwrap();
        };
        set("url", &feeds[0].into());
        set("cache", &config.cache.into());
        set(
            "controller",
            &web_sys::AbortController::new().unwrap().into(),
        );
        set("response", &response.into());
        Prefetched::from_js(&object).expect("a prefetched request")
    });
    let on_event = Callback::from(move |e| events.borrow_mut().push(e));
    yew::props!(openings_board::components::board::BoardProps {
        config: Rc::new(config),
        locale: openings_board::i18n::Locale::new("en"),
        label: Rc::<str>::from("board #test"),
        page_url: Rc::<str>::from("https://host.example/jobs"),
        on_event,
        prefetched: PrefetchSlot::new(prefetched),
    })
}

/// What has the focus once `expected` has it, or after a second: the focus
/// is given by an effect, which Yew may run a task after the render (a
/// slow machine ran the assertion first).
async fn focus_on(expected: &Element) -> Option<Element> {
    for _ in 0..50 {
        if gloo_utils::document().active_element().as_ref() == Some(expected) {
            break;
        }
        tick().await;
    }
    gloo_utils::document().active_element()
}

async fn until(root: &Element, selector: &str) -> Element {
    for _ in 0..100 {
        if let Some(found) = root.query_selector(selector).unwrap() {
            return found;
        }
        tick().await;
    }
    panic!("nothing matches {selector}: {}", root.inner_html());
}

/// A feed of `count` conservators at two institutions in two countries,
/// full and part time (three facets).
fn conservators(count: usize) -> String {
    let postings: Vec<String> = (1..=count)
        .map(|i| {
            let (org, country, kind) = match i % 2 {
                0 => ("Harbour Museum", "NL", "FULL_TIME"),
                _ => ("Hill Archive", "BE", "PART_TIME"),
            };
            format!(
                r#"{{"@type":"JobPosting","title":"Conservator {i}","identifier":"c{i}","datePosted":"2026-11-{:02}",
                "hiringOrganization":{{"name":"{org}"}},"employmentType":"{kind}",
                "jobLocation":{{"address":{{"addressCountry":"{country}"}}}},
                "url":"https://jobs.example/c{i}"}}"#,
                1 + i % 20
            )
        })
        .collect();
    format!(
        r#"{{"@context":"https://schema.org","@graph":[{}]}}"#,
        postings.join(",")
    )
}

/// Calls `look` as each frame is about to be painted, until it returns
/// false; on a slow device (`slow`, see [`board_states_slowly`]) also at
/// each of Yew's turns, the clock moved 20 ms at each reading.
/// `window.restoreClock()` puts the real clock back (each call does first).
fn watch_frames(look: &js_sys::Function, slow: bool) {
    js_sys::Function::new_with_args(
        "look, slow",
        "const frame = () => { if (look()) requestAnimationFrame(frame); }; \
         requestAnimationFrame(frame); \
         const real = window.realClock ??= { now: Date.now, timeout: window.setTimeout }; \
         window.restoreClock = () => { Date.now = real.now; window.setTimeout = real.timeout; }; \
         window.restoreClock(); \
         if (slow) { \
           let clock = real.now(); \
           Date.now = () => (clock += 20); \
           window.setTimeout = function (f, ms, ...rest) { \
             if (!ms) look(); \
             return real.timeout.call(window, f, ms, ...rest); \
           }; \
         }",
    )
    .call2(&JsValue::NULL, look, &JsValue::from_bool(slow))
    .unwrap();
}

/// What a board's frames show, once it lists openings, until `done`
/// matches: each change of (listings, page links shown, facets, the
/// filters' control shown, the first listing still the node first drawn),
/// as each frame is about to be painted. (Not each change of the DOM: Yew
/// renders in steps a reader never sees, and a slow machine saw one.)
async fn board_states(feed: &str, done: &str) -> (Element, Vec<(u32, bool, u32, bool, bool)>) {
    board_states_at(feed, done, false).await
}

/// [`board_states`] on a device so slow that every step of Yew's takes
/// longer than a frame, its feed coming once the board has drawn its
/// loading frame: Yew 0.23 gives the browser its turn (a
/// `setTimeout` of 0) once a run of its scheduler has taken 16 ms, between
/// any two of its steps that leave no element to create or render — but a
/// child's new properties may still be waiting then — and the browser may
/// paint there. Its clock (`Date.now`) is made to move 20 ms at each
/// reading, and the board's state is read at each such turn as well as at
/// each frame: what a slow phone may show. (Deterministic, where a slow
/// machine showed it one run in twelve.) The real clock is kept once, and
/// put back by every call of [`board_states_at`] before it starts.
async fn board_states_slowly(
    feed: &str,
    done: &str,
) -> (Element, Vec<(u32, bool, u32, bool, bool)>) {
    board_states_at(feed, done, true).await
}

async fn board_states_at(
    feed: &str,
    done: &str,
    slow: bool,
) -> (Element, Vec<(u32, bool, u32, bool, bool)>) {
    use openings_board::components::board::Board;
    let root = stage();
    let look = js_sys::Function::new_with_args(
        "root",
        "const seen = []; window.seenStates = seen; let first = null; const look = () => { \
           const row = root.querySelector('.listing'); \
           if (row && !first) first = row; \
           const n = root.querySelectorAll('.listing').length; \
           const paged = root.querySelector('.pagination') !== null; \
           const facets = root.querySelectorAll('fieldset.facet').length; \
           const control = root.querySelector('.filters-toggle') !== null; \
           const now = [n, paged, facets, control, row === first]; \
           const last = seen[seen.length - 1]; \
           if (n && (!last || last.some((v, i) => v !== now[i]))) seen.push(now); \
           return window.seenStates === seen; \
         }; \
         return look;",
    )
    .call1(&JsValue::NULL, &root)
    .unwrap();
    watch_frames(look.unchecked_ref(), slow);
    let url = "https://feeds.example/first-screen.json";
    if slow {
        // The feed comes once the board has drawn its loading frame, as a
        // feed over a network does.
        let (_app, resolve) = mount_held(&root, url);
        // Its loading frame, with the filters' place kept for them.
        until(&root, ".filters-toggle").await;
        assert!(root.query_selector(".loading").unwrap().is_some());
        resolve(feed);
    } else {
        let props = board_props(&[url], Some(feed), Rc::default());
        yew::Renderer::<Board>::with_root_and_props(root.clone(), props).render();
    }
    until(&root, done).await;
    tick().await;
    js_sys::eval("window.restoreClock()").unwrap();
    let seen = js_sys::Reflect::get(&gloo_utils::window(), &"seenStates".into()).unwrap();
    let seen = js_sys::Array::from(&seen)
        .iter()
        .map(|state| {
            let state = js_sys::Array::from(&state);
            (
                state.get(0).as_f64().unwrap() as u32,
                state.get(1).as_bool().unwrap(),
                state.get(2).as_f64().unwrap() as u32,
                state.get(3).as_bool().unwrap(),
                state.get(4).as_bool().unwrap(),
            )
        })
        .collect();
    (root, seen)
}

/// A starting board paints the first screen of its list first: the first
/// frame with openings holds six listings, no page links and the filters'
/// control without the facets, the next the whole page of twenty with its
/// links and the facets. The six rows drawn first stay where they are, the
/// first of them still first: the rest are added after them, not put in
/// front of them (which would move them down the page: a layout shift).
#[wasm_bindgen_test]
async fn the_first_screen_of_openings_is_drawn_first_then_the_page() {
    let (root, seen) = board_states(&conservators(30), ".pagination").await;
    // Six listings; no page links; the filters' control, no facets yet.
    assert_eq!(
        seen.first(),
        Some(&(6, false, 0, true, true)),
        "first frame: {seen:?}"
    );
    // The page of twenty with its links, and the facets: organization,
    // country, employment type; the first row drawn is still the first.
    assert_eq!(
        seen.last(),
        Some(&(20, true, 3, true, true)),
        "then the page: {seen:?}"
    );
    assert!(
        seen.iter().all(|state| state.4),
        "the first row was replaced or moved: {seen:?}"
    );
    assert!(text(&root, ".result-count").starts_with("30 openings"));
}

/// A list no longer than the first screen is drawn whole at once, facets
/// and all: drawn a frame later, a filters' column taller than the list
/// would push down the page under the board.
#[wasm_bindgen_test]
async fn a_short_list_comes_with_its_facets_in_the_first_frame() {
    let (_, seen) = board_states(&conservators(4), "fieldset.facet").await;
    assert_eq!(seen.first(), Some(&(4, false, 3, true, true)), "{seen:?}");
    assert_eq!(seen.len(), 1, "{seen:?}");
}

/// The same on a device so slow that Yew gives the browser a turn between
/// its steps (see [`board_states_slowly`]): the short list and its facets
/// still come in one paint, not the list first and the filters' column
/// filled a frame later (which would move the page under the board).
#[wasm_bindgen_test]
async fn on_a_slow_device_a_short_list_still_comes_with_its_facets() {
    let (_, seen) = board_states_slowly(&conservators(4), "fieldset.facet").await;
    assert_eq!(seen, vec![(4, false, 3, true, true)]);
}

/// A board the host points to other feeds, on a slow device (see
/// [`board_states_slowly`]): the new feed's openings come with their
/// facets, in the list that said they load, as a board's first openings do.
#[wasm_bindgen_test]
async fn on_a_slow_device_a_board_pointed_to_other_feeds_lists_them_with_their_facets() {
    let root = stage();
    let (mut app, resolve) = mount_held(&root, "https://feeds.example/first.json");
    until(&root, ".filters-toggle").await;
    resolve(&conservators(4));
    until(&root, "fieldset.facet").await;
    tick().await;

    // From now on, what each of Yew's turns and each frame shows: the
    // first listing's title, the listings, the facets.
    let look = js_sys::Function::new_with_args(
        "root",
        "const seen = []; window.repointed = seen; \
         return () => { \
           const title = root.querySelector('.listing-title')?.textContent.trim() ?? null; \
           const now = [title, root.querySelectorAll('.listing').length, root.querySelectorAll('fieldset.facet').length]; \
           const last = seen[seen.length - 1]; \
           if (!last || last.some((v, i) => v !== now[i])) seen.push(now); \
           return window.repointed === seen; \
         };",
    )
    .call1(&JsValue::NULL, &root)
    .unwrap();
    watch_frames(look.unchecked_ref(), true);
    let (answer, resolve) = held_answer();
    let other = conservators(3).replace("Conservator", "Registrar");
    app.update(board_props_answered(
        &["https://feeds.example/other.json"],
        Some(answer),
        Rc::default(),
    ));
    // Its loading frame: the list says it loads, no values yet.
    for _ in 0..50 {
        let loading = root.query_selector(".loading").unwrap().is_some();
        if loading && root.query_selector("fieldset.facet").unwrap().is_none() {
            break;
        }
        tick().await;
    }
    resolve(&other);
    let listed = |root: &Element| {
        let title = root.query_selector(".listing-title").unwrap();
        title.is_some_and(|t| t.text_content().unwrap_or_default().contains("Registrar"))
            && root.query_selector("fieldset.facet").unwrap().is_some()
    };
    for _ in 0..50 {
        if listed(&root) {
            break;
        }
        tick().await;
    }
    tick().await;
    let seen = js_sys::eval(
        "window.restoreClock(); const seen = window.repointed; window.repointed = null; seen",
    )
    .unwrap();
    let seen: Vec<(String, u32, u32)> = js_sys::Array::from(&seen)
        .iter()
        .map(|state| {
            let state = js_sys::Array::from(&state);
            (
                state.get(0).as_string().unwrap_or_default(),
                state.get(1).as_f64().unwrap() as u32,
                state.get(2).as_f64().unwrap() as u32,
            )
        })
        .collect();
    assert!(listed(&root), "{seen:?}");
    assert!(
        seen.iter()
            .all(|(title, _, facets)| !title.contains("Registrar") || *facets > 0),
        "the other feed's openings came before their facets: {seen:?}"
    );
}

/// A reader who opens the filters' panel while the board loads (on a
/// phone, where the panel opens above the list) keeps it open when the
/// first openings come, now with their values to pick.
#[wasm_bindgen_test]
async fn a_filters_panel_opened_while_loading_stays_open_when_the_openings_come() {
    let root = stage();
    let (_app, resolve) = mount_held(&root, "https://feeds.example/held.json");
    let control: HtmlElement = until(&root, ".filters-toggle").await.dyn_into().unwrap();
    assert!(root.query_selector(".loading").unwrap().is_some());
    control.click();
    until(&root, ".filters-open").await;

    resolve(&conservators(4));
    until(&root, ".listing").await;
    tick().await;
    assert!(
        root.query_selector(".filters-open").unwrap().is_some(),
        "the panel closed: {}",
        root.inner_html()
    );
    let facets = root
        .query_selector_all(".filters-panel fieldset.facet")
        .unwrap()
        .length();
    assert_eq!(facets, 3, "{}", root.inner_html());
}

/// And a long list on that slow device: the first screen (six listings and
/// the filters' control), then the page whole with its links and facets,
/// its first row kept; not the page links first, under the first screen,
/// moved down by the rest of the page a frame later.
#[wasm_bindgen_test]
async fn on_a_slow_device_the_first_screen_still_comes_first_then_the_page() {
    let (_, seen) = board_states_slowly(&conservators(30), ".pagination").await;
    assert_eq!(
        seen,
        vec![(6, false, 0, true, true), (20, true, 3, true, true)]
    );
}

/// The board as a whole: its feed arrives and is listed with its count and
/// filters; a search narrows the list and, once the reader pauses, the host
/// page hears of it; opening an opening shows it, Back returns to the list.
#[wasm_bindgen_test]
async fn the_board_lists_its_feed_searches_and_opens_an_opening() {
    use openings_board::components::board::Board;
    use openings_board::embed::events::BoardEvent;
    let root = stage();
    let events = Rc::new(RefCell::new(Vec::new()));
    let museum = dated(MUSEUM_FEED);
    let props = board_props(
        &["https://feeds.example/board-museum.json"],
        Some(&museum),
        events.clone(),
    );
    yew::Renderer::<Board>::with_root_and_props(root.clone(), props).render();
    until(&root, ".listing").await;
    tick().await;
    let count = root.query_selector_all(".listing").unwrap().length();
    assert!(count >= 3, "{count} listings");
    let said = text(&root, ".result-count");
    assert!(said.contains(&count.to_string()), "{said:?} for {count}");
    assert!(root.query_selector("fieldset.facet").unwrap().is_some());

    let input: HtmlInputElement = root
        .query_selector(".search-box input")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value("photograph");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    let mut shown = count;
    for _ in 0..50 {
        tick().await;
        shown = root.query_selector_all(".listing").unwrap().length();
        if shown < count {
            break;
        }
    }
    assert!(
        shown >= 1 && shown < count,
        "{shown} of {count} after searching"
    );
    for _ in 0..40 {
        if !events.borrow().is_empty() {
            break;
        }
        tick().await;
    }
    match events.borrow().last() {
        Some(BoardEvent::Filter { view, count }) => {
            assert_eq!(view.query.text, "photograph");
            assert_eq!(*count, shown as usize);
        }
        other => panic!("no filter event: {other:?}"),
    }

    let title: HtmlElement = root
        .query_selector(".listing-title a")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let name = title.text_content().unwrap();
    title.click();
    let heading = until(&root, "#openings-detail-title").await;
    assert_eq!(heading.text_content().unwrap().trim(), name.trim());
    assert!(matches!(
        events.borrow().last(),
        Some(BoardEvent::Open { .. })
    ));
    let back: HtmlElement = root
        .query_selector(".detail-back")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    back.click();
    until(&root, ".listing").await;
    assert!(root.query_selector(".detail").unwrap().is_none());
}

/// A board rendered into the page stays until the live board has something
/// to show: the live board must not say it has while its feed is still on
/// its way (it did, on its very first render, before the feed was asked
/// for), and when it says so its openings are there.
#[wasm_bindgen_test]
async fn the_board_says_it_can_be_shown_only_once_its_openings_are_there() {
    use openings_board::components::board::Board;
    let feed = "https://feeds.example/board-museum.json";
    // Listings on screen each time the board said it could be shown.
    let told = |root: &Element, told: &Rc<RefCell<Vec<u32>>>| {
        let (root, told) = (root.clone(), told.clone());
        Callback::from(move |()| {
            let shown = root.query_selector_all(".listing").unwrap().length();
            told.borrow_mut().push(shown);
        })
    };

    let root = stage();
    let waiting: Rc<RefCell<Vec<u32>>> = Rc::default();
    let never = js_sys::Promise::new(&mut |_, _| {});
    let mut props = board_props_answered(&[feed], Some(never), Rc::default());
    props.on_shown = told(&root, &waiting);
    yew::Renderer::<Board>::with_root_and_props(root.clone(), props).render();
    for _ in 0..5 {
        tick().await;
    }
    assert_eq!(
        *waiting.borrow(),
        Vec::<u32>::new(),
        "told while the feed is on its way"
    );

    let root = stage();
    let arrived: Rc<RefCell<Vec<u32>>> = Rc::default();
    let mut props = board_props(&[feed], Some(&dated(MUSEUM_FEED)), Rc::default());
    props.on_shown = told(&root, &arrived);
    yew::Renderer::<Board>::with_root_and_props(root.clone(), props).render();
    until(&root, ".listing").await;
    // Told once the frame with them is drawn: a frame or more later.
    for _ in 0..50 {
        if !arrived.borrow().is_empty() {
            break;
        }
        tick().await;
    }
    let arrived = arrived.borrow();
    assert!(!arrived.is_empty(), "never told, with its openings listed");
    assert!(
        arrived[0] >= 3,
        "told with {} listings on screen",
        arrived[0]
    );
}

/// With no feed the board says so; with a feed no server answers, it says
/// which feed failed and offers to try again.
#[wasm_bindgen_test]
async fn the_board_says_when_it_has_no_feed_or_its_feed_fails() {
    use openings_board::components::board::Board;
    let root = stage();
    let props = board_props(&[], None, Rc::default());
    yew::Renderer::<Board>::with_root_and_props(root.clone(), props).render();
    let empty = until(&root, ".empty").await;
    assert!(
        empty
            .text_content()
            .unwrap()
            .to_lowercase()
            .contains("feed"),
        "{}",
        empty.text_content().unwrap()
    );

    let root = stage();
    let props = board_props(
        &["http://127.0.0.1:9/nothing-here.json"],
        None,
        Rc::default(),
    );
    yew::Renderer::<Board>::with_root_and_props(root.clone(), props).render();
    let notice = until(&root, ".notice-error").await;
    assert!(
        notice
            .text_content()
            .unwrap()
            .contains("127.0.0.1:9/nothing-here.json"),
        "{}",
        notice.text_content().unwrap()
    );
    assert!(
        notice.query_selector("button").unwrap().is_some(),
        "a Retry button"
    );
}

/// The board's first frame, drawn before its feeds are asked for (they are
/// asked for by an effect that runs after it, which Yew may run a task
/// later, once the page has painted), says it is loading, not that it has
/// no feed: "This board has no feed yet" flashed on a slow device.
#[wasm_bindgen_test]
async fn a_board_not_yet_started_says_it_is_loading_not_that_it_has_no_feed() {
    use openings_board::components::board_view::{BoardView, BoardViewProps};
    use openings_board::state::BoardState;
    for (feeds, shows) in [
        (&["https://example.org/jobs.json"][..], ".loading"),
        (&[][..], ".empty"),
    ] {
        let (config, _) = openings_board::config::BoardConfig::from_attributes(|name| {
            (name == "feed").then(|| feeds.join(" "))
        });
        let state = BoardState::default();
        let view = Rc::new(state.catalog.view(&Default::default(), Default::default()));
        let root = stage();
        let props = yew::props!(BoardViewProps {
            config: Rc::new(config),
            locale: openings_board::i18n::Locale::new("en"),
            state,
            view,
            page_url: Rc::<str>::from("https://host.example/jobs"),
            now: Timestamp(0),
            dispatch: Callback::noop(),
            on_retry: Callback::noop(),
            on_open: Callback::noop(),
            on_apply: Callback::noop(),
            on_share: Callback::noop(),
        });
        yew::Renderer::<BoardView>::with_root_and_props(root.clone(), props).render();
        let said = until(&root, shows).await.text_content().unwrap();
        let board = root.text_content().unwrap();
        assert_eq!(
            board.contains("no feed"),
            feeds.is_empty(),
            "with {feeds:?} the board said: {board}"
        );
        assert!(!said.is_empty(), "with {feeds:?}: {board}");
    }
}

/// The filters' control says how many are picked; opening it moves the
/// focus into the panel, Escape closes it and gives the focus back.
#[wasm_bindgen_test]
async fn the_filters_control_opens_and_closes_the_panel_by_keyboard() {
    use openings_board::components::filters::{Filters, FiltersProps};
    let catalog = catalog_of(&[MUSEUM_FEED]);
    let view = catalog.view(&Default::default(), Default::default());
    let facets = Rc::new(view.facets.clone());
    let root = stage();
    let props = yew::props!(FiltersProps {
        facets,
        picked: 2usize,
        on_toggle: Callback::noop(),
        on_clear: Callback::noop(),
    });
    yew::Renderer::<Filters>::with_root_and_props(root.clone(), props).render();
    tick().await;
    let control: HtmlElement = root
        .query_selector(".filters-toggle")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(control.text_content().unwrap().trim(), "Filters (2)");
    assert_eq!(
        control.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        control.get_attribute("aria-controls").as_deref(),
        Some("openings-filters")
    );
    let panel: HtmlElement = root
        .query_selector("#openings-filters")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(panel.query_selector("fieldset.facet").unwrap().is_some());

    control.click();
    tick().await;
    assert_eq!(
        control.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(root.query_selector(".filters-open").unwrap().is_some());
    assert_eq!(
        focus_on(&panel).await,
        Some(panel.clone().into()),
        "the focus is in the panel"
    );

    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let escape =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    panel.dispatch_event(&escape).unwrap();
    tick().await;
    assert_eq!(
        control.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        focus_on(&control).await,
        Some(control.clone().into()),
        "the focus is back on the control"
    );

    control.click();
    tick().await;
    let done: HtmlElement = root
        .query_selector(".filters-done")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(done.text_content().unwrap(), "Show results");
    done.click();
    tick().await;
    assert_eq!(
        control.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
}

/// Each picked value is a chip above the list that unpicks it, named for
/// what it removes; "Clear all filters" clears them all.
#[wasm_bindgen_test]
async fn picked_filters_are_chips_that_remove_themselves() {
    use openings_board::components::active_filters::{ActiveFilters, ActiveFiltersProps};
    use openings_core::catalog::Query;
    use openings_core::facets::Facet;
    let mut query = Query::default();
    query.select(Facet::Country, "NL");
    query.select(Facet::Workplace, "remote");
    let removed = Rc::new(RefCell::new(Vec::new()));
    let cleared = Rc::new(RefCell::new(0));
    let root = stage();
    let props = yew::props!(ActiveFiltersProps {
        query,
        facets: Facet::ALL.to_vec(),
        on_remove: {
            let r = removed.clone();
            Callback::from(move |x| r.borrow_mut().push(x))
        },
        on_clear_all: {
            let c = cleared.clone();
            Callback::from(move |()| *c.borrow_mut() += 1)
        },
    });
    yew::Renderer::<ActiveFilters>::with_root_and_props(root.clone(), props).render();
    tick().await;
    let chips = root.query_selector_all(".chip").unwrap();
    assert_eq!(chips.length(), 2);
    let chip = |i| -> HtmlElement { chips.item(i).unwrap().dyn_into().unwrap() };
    assert_eq!(
        chip(0).get_attribute("aria-label").as_deref(),
        Some("Remove the filter Country: Netherlands")
    );
    assert_eq!(
        chip(1)
            .query_selector(".chip-label")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Remote")
    );
    chip(1).click();
    tick().await;
    assert_eq!(
        *removed.borrow(),
        [(Facet::Workplace, "remote".to_string())]
    );
    let clear: HtmlElement = root
        .query_selector(".clear-all")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    clear.click();
    tick().await;
    assert_eq!(*cleared.borrow(), 1);

    // Nothing picked: no chips at all.
    let empty = stage();
    let props = yew::props!(ActiveFiltersProps {
        query: Query::text("archivist"),
        facets: Facet::ALL.to_vec(),
        on_remove: Callback::noop(),
        on_clear_all: Callback::noop(),
    });
    yew::Renderer::<ActiveFilters>::with_root_and_props(empty.clone(), props).render();
    tick().await;
    assert!(empty.query_selector(".active-filters").unwrap().is_none());
}

/// The formatters each board makes from its `lang`: the browser's `Intl`,
/// made when first asked for, English for a tag that is no language tag,
/// and the same answer from the cache as from `Intl`.
#[wasm_bindgen_test]
fn formatters_write_the_boards_language_and_fall_back_to_english() {
    use openings_board::i18n::Formatter;
    let day = Timestamp::parse_iso("2022-07-08T23:30:00Z").unwrap();

    let de = Formatter::new("de");
    assert_eq!(de.lang(), "de");
    assert_eq!(de.date(day), "08.07.2022", "medium style, in UTC");
    assert_eq!(de.date(day), "08.07.2022", "again, from the cache");
    assert_eq!(de.region("de"), "Deutschland");
    assert_eq!(de.region("Germany"), "Germany", "a name stays as written");
    assert_eq!(de.number(70000.0), "70.000");
    assert!(
        de.money(70000.0, Some("EUR")).starts_with("70.000"),
        "{}",
        de.money(70000.0, Some("EUR"))
    );
    assert_eq!(
        de.money(5.0, Some("€")),
        "5 €",
        "a currency code Intl refuses"
    );
    assert_eq!(
        de.money(5.0, Some("€")),
        "5 €",
        "… refused once, then from the cache"
    );
    assert_eq!(de.plural_category(1.0), "one");

    for not_a_tag in ["", "not a tag!", "x-", "en_GB"] {
        let f = Formatter::new(not_a_tag);
        assert_eq!(f.lang(), "en", "{not_a_tag:?}");
        assert_eq!(f.date(day), "Jul 8, 2022", "{not_a_tag:?}");
    }
    let ar = Formatter::new("ar");
    assert_eq!(ar.plural_category(2.0), "two");

    // Far more days than a cache keeps: each still the day Intl writes.
    let en = Formatter::new("en");
    for n in 0..1_200 {
        let at = Timestamp(day.0 + n * openings_core::dates::DAY_MS);
        assert_eq!(en.date(at), en.date(at), "day {n}");
    }
    assert_eq!(en.date(day), "Jul 8, 2022", "after the cache started over");
}
