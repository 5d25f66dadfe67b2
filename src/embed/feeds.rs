//! Loading a board's feeds, the board's only I/O: every feed fetched when
//! the configured feeds change (the first from the loader's early request),
//! its first openings listed while the rest arrives, a failure the network
//! may be to blame for retried with backoff, a stale answer (from feeds the
//! board no longer shows) never dispatched, and what each feed left out
//! told to the console. [`use_feeds`] dispatches what happens as
//! [`Action`]s; the reducer (`state.rs`) decides what the reader sees.

use std::cell::RefCell;
use std::rc::Rc;

use openings_core::feeds::{ParsedFeed, MAX_ENTRIES};
use yew::prelude::*;

use crate::config::BoardConfig;
use crate::embed::console;
use crate::embed::feed_loader::{
    Early, FeedLoad, FeedRequest, Loaded, PrefetchSlot, Prefetched, Reading,
};
use crate::state::{Action, FeedProblem};

/// The requests of the feeds now shown, to cancel them when the feeds change.
type Requests = Rc<RefCell<Vec<Rc<FeedRequest>>>>;

/// Loads the feeds of `config` whenever they (or how they are read) change,
/// as generation `generation + 1` (`generation`: the board's current one),
/// and gives the callback that loads feed `index` again (the reader's
/// Retry). Requests of feeds no longer shown are cancelled.
#[hook]
pub fn use_feeds(
    config: Rc<BoardConfig>,
    label: Rc<str>,
    generation: u64,
    dispatch: Callback<Action>,
    prefetched: PrefetchSlot,
) -> Callback<usize> {
    let requests: Requests = use_mut_ref(Vec::new);
    {
        let requests = requests.clone();
        let config = config.clone();
        let label = label.clone();
        let dispatch = dispatch.clone();
        use_effect_with(
            (
                config.feeds.clone(),
                config.max_feed_bytes,
                config.max_age_days,
            ),
            move |_| {
                let generation = generation + 1;
                dispatch.emit(Action::Start {
                    generation,
                    feeds: config.feeds.clone(),
                });
                if config.feeds.is_empty() {
                    console::warn(
                        &label,
                        "no feed given: add feed=\"https://…/jobs.json\" to the element.",
                    );
                }
                let fresh: Vec<Rc<FeedRequest>> = (0..config.feeds.len())
                    .map(|index| {
                        let early = if index == 0 { prefetched.take() } else { None };
                        start_load(&config, index, generation, &dispatch, &label, early)
                    })
                    .collect();
                let old = std::mem::replace(&mut *requests.borrow_mut(), fresh);
                old.iter().for_each(|r| r.cancel());
                move || requests.borrow().iter().for_each(|r| r.cancel())
            },
        );
    }
    Callback::from(move |index: usize| {
        dispatch.emit(Action::Retry { index });
        let request = start_load(&config, index, generation, &dispatch, &label, None);
        if let Some(slot) = requests.borrow_mut().get_mut(index) {
            slot.cancel();
            *slot = request;
        }
    })
}

/// Automatic retries of a feed that failed for a reason that may pass.
const AUTO_RETRIES: u32 = 3;
/// The first automatic retry waits this long; each next one twice as long.
const FIRST_RETRY_MS: u32 = 5_000;

/// Starts loading feed `index`; its answer is dispatched as an action. A
/// failure the network may be to blame for is retried automatically, backing
/// off (5 s, 10 s, 20 s); the reader sees the failure at once all the same.
fn start_load(
    config: &BoardConfig,
    index: usize,
    generation: u64,
    dispatch: &Callback<Action>,
    label: &Rc<str>,
    prefetched: Option<Prefetched>,
) -> Rc<FeedRequest> {
    let request = Rc::new(FeedRequest::new());
    let Some(source) = config.feeds.get(index).cloned() else {
        if let Some(p) = prefetched {
            p.abort();
        }
        return request;
    };
    let reading = Reading {
        max_bytes: config.max_feed_bytes,
        max_age_days: config.max_age_days,
        cache: config.cache,
    };
    let page_size = config.page_size;
    let dispatch = dispatch.clone();
    let label = label.clone();
    let task = request.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let mut prefetched = prefetched;
        for attempt in 0..=AUTO_RETRIES {
            let show_early = |openings| {
                if !task.is_cancelled() {
                    dispatch.emit(Action::FeedPart {
                        generation,
                        index,
                        openings,
                    })
                }
            };
            let early = Early {
                after: page_size,
                show: &show_early,
            };
            let result = task
                .load(FeedLoad {
                    source: &source,
                    reading,
                    early,
                    prefetched: prefetched.take(),
                })
                .await;
            if task.is_cancelled() {
                return;
            }
            let delay_ms = FIRST_RETRY_MS << attempt;
            let will_retry =
                |problem: &FeedProblem| problem.is_transient() && attempt < AUTO_RETRIES;
            let next = |retrying: bool| match retrying {
                true => format!(" Trying again in {} s.", delay_ms / 1000),
                false => String::new(),
            };
            // Tried again after a failure, or after its saved copy was shown
            // instead (the fresh feed replaces the copy when it comes).
            let failed = match result {
                Ok(loaded) => {
                    let retrying = loaded
                        .saved
                        .as_ref()
                        .is_some_and(|s| will_retry(&s.problem));
                    report_loaded(
                        &label,
                        &source.url,
                        &loaded,
                        reading.max_age_days,
                        &next(retrying),
                    );
                    dispatch.emit(Action::FeedLoaded {
                        generation,
                        index,
                        feed: Box::new(loaded.feed),
                        saved: loaded.saved,
                        holds: loaded.holds,
                    });
                    if !retrying {
                        return;
                    }
                    false
                }
                Err(problem) => {
                    let retrying = will_retry(&problem);
                    console::error(
                        &label,
                        &format!(
                            "could not load openings from {}: {problem}.{}",
                            source.url,
                            next(retrying)
                        ),
                    );
                    dispatch.emit(Action::FeedFailed {
                        generation,
                        index,
                        problem,
                    });
                    if !retrying {
                        return;
                    }
                    true
                }
            };
            gloo_timers::future::TimeoutFuture::new(delay_ms).await;
            if task.is_cancelled() {
                return;
            }
            if failed {
                dispatch.emit(Action::Retry { index });
            }
        }
    });
    request
}

fn report_loaded(label: &str, url: &str, loaded: &Loaded, max_age_days: u32, next: &str) {
    if let Some(saved) = &loaded.saved {
        console::warn(
            label,
            &format!(
                "could not load openings from {url}: {}. Showing the copy saved at {}.{next}",
                saved.problem,
                saved.fetched_at.to_iso_datetime()
            ),
        );
    }
    report_skipped(label, url, &loaded.feed, max_age_days);
}

fn report_skipped(label: &str, url: &str, feed: &ParsedFeed, max_age_days: u32) {
    if !feed.skipped.is_empty() {
        console::warn(
            label,
            &format!(
                "{} entries in {url} were skipped: {}. Fix them in the feed to show them.",
                feed.skipped.len(),
                first_few(&feed.skipped)
            ),
        );
    }
    if !feed.notes.is_empty() {
        console::warn(
            label,
            &format!(
                "{} entries in {url} are shown without part of what the feed gave: {}. Fix them in the feed.",
                feed.notes.len(),
                first_few(&feed.notes)
            ),
        );
    }
    if feed.cut > 0 {
        console::warn(
            label,
            &format!(
                "{url} lists more entries than a feed may ({MAX_ENTRIES}): the last {} were not read. Split the feed, or remove old entries.",
                feed.cut
            ),
        );
    }
    for warning in &feed.warnings {
        console::warn(label, &format!("{url}: {warning}."));
    }
    if feed.stale > 0 {
        console::info(
            label,
            &format!(
                "{} openings in {url} were posted more than {max_age_days} days ago with no closing \
                 date, and are not shown (the board's max-age). Give them validThrough if they are \
                 still open, or set max-age=\"0\" to show them all.",
                feed.stale
            ),
        );
    }
    if feed.expired > 0 {
        console::info(
            label,
            &format!(
                "{} openings in {url} have closed and are not shown.",
                feed.expired
            ),
        );
    }
}

/// The first [`CONSOLE_ITEMS`] items, and how many more: a feed of ten
/// thousand broken entries is one readable line, not a megabyte.
fn first_few(items: &[impl ToString]) -> String {
    let mut said: Vec<String> = items
        .iter()
        .take(CONSOLE_ITEMS)
        .map(ToString::to_string)
        .collect();
    if items.len() > CONSOLE_ITEMS {
        said.push(format!("and {} more", items.len() - CONSOLE_ITEMS));
    }
    said.join("; ")
}

/// How many entries a console line names.
const CONSOLE_ITEMS: usize = 20;
