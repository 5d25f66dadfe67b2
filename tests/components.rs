//! Component tests, run in headless Chromium by `wasm-bindgen-test`
//! (`cargo xtask test` sets up the runner). Each test mounts a component the
//! way the board does, acts as a reader would, waits a tick, and checks what
//! is on screen.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use openings_board::components::listings::Listings;
use openings_board::components::notices::FeedNotices;
use openings_board::components::pagination::Pagination;
use openings_board::components::result_count::ResultCount;
use openings_board::components::search_box::SearchBox;
use openings_board::config::FeedSource;
use openings_board::state::{FeedProblem, FeedState, FeedStatus, Phase};
use openings_core::catalog::Catalog;
use openings_core::dates::Timestamp;
use openings_core::feeds::{parse_feed, FeedError, DEFAULT_MAX_FEED_BYTES};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const IIIF_FEED: &str = include_str!("../demo/feeds/iiif-consortium.json");
const MUSEUM_FEED: &str = include_str!("../demo/feeds/museums.json");

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

fn catalog_of(feeds: &[&str]) -> Rc<Catalog> {
    let mut catalog = Catalog::new();
    for (i, body) in feeds.iter().enumerate() {
        let url = format!("https://feeds.example/{i}.json");
        let feed = parse_feed(
            body,
            None,
            &url,
            Timestamp::parse_iso("2026-11-25").unwrap(),
            DEFAULT_MAX_FEED_BYTES,
        )
        .unwrap();
        catalog.add(feed);
    }
    Rc::new(catalog)
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

/// The IIIF opening shows everything a job seeker scans for, and its Apply
/// link goes to the recruiting portal in a new tab, without an opener.
#[wasm_bindgen_test]
async fn a_listing_shows_the_facts_and_an_apply_link() {
    let root = stage();
    let catalog = catalog_of(&[IIIF_FEED]);
    let matches = Rc::new(vec![0]);
    yew::Renderer::<Listings>::with_root_and_props(
        root.clone(),
        yew::props!(openings_board::components::listings::ListingsProps {
            catalog,
            matches,
            start: 0,
            count: 20
        }),
    )
    .render();
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
    assert!(text(&root, ".listing-posted").contains("2022"));
    let apply = root.query_selector("a.apply").unwrap().unwrap();
    assert_eq!(
        apply.get_attribute("href").unwrap(),
        "https://recruiting.paylocity.com/Recruiting/Jobs/Details/1166001"
    );
    assert_eq!(apply.get_attribute("target").unwrap(), "_blank");
    assert_eq!(apply.get_attribute("rel").unwrap(), "noopener noreferrer");
    assert_eq!(apply.text_content().unwrap(), "Apply");
}

/// A page shows only its slice of the matches, in the order given.
#[wasm_bindgen_test]
async fn the_list_shows_one_page_of_matches_in_order() {
    let root = stage();
    let catalog = catalog_of(&[MUSEUM_FEED]);
    let matches = Rc::new(vec![3, 1, 0, 2]);
    yew::Renderer::<Listings>::with_root_and_props(
        root.clone(),
        yew::props!(openings_board::components::listings::ListingsProps {
            catalog,
            matches,
            start: 1,
            count: 2
        }),
    )
    .render();
    tick().await;
    let titles: Vec<String> = {
        let nodes = root.query_selector_all(".listing-title").unwrap();
        (0..nodes.length())
            .map(|i| nodes.item(i).unwrap().text_content().unwrap())
            .collect()
    };
    assert_eq!(
        titles,
        [
            "Conservator, Works on Paper (maternity cover)",
            "Digital Collections Photographer"
        ]
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
    }
}

fn feed_state(url: &str, status: FeedStatus) -> FeedState {
    FeedState {
        source: FeedSource {
            url: url.into(),
            format: None,
        },
        url: url.into(),
        status,
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
        yew::props!(openings_board::components::notices::FeedNoticesProps { feeds, on_retry }),
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

/// Previous is disabled on the first page; Next moves on.
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
    assert!(previous.disabled());
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
    let mut board = openings_board::embed::mount_board(host.clone(), shadow.clone()).unwrap();

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
