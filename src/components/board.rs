//! The board: the one component the embedding mounts. It owns the board's
//! state (a reducer over [`Action`]s), starts loading the feeds when its
//! configuration arrives or changes, keeps the page URL in step, and lays out
//! the other components: search, sort, filters, the list or one opening.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use openings_core::dates::Timestamp;
use openings_core::export::json_ld::posting as posting_json;
use openings_core::feeds::{ParsedFeed, MAX_ENTRIES};
use openings_core::url_state::deep_link;
use yew::prelude::*;

use crate::components::detail_view::DetailView;
use crate::components::facet_list::FacetList;
use crate::components::listings::Listings;
use crate::components::notices::FeedNotices;
use crate::components::pagination::Pagination;
use crate::components::result_count::ResultCount;
use crate::components::search_box::SearchBox;
use crate::components::sort_select::SortSelect;
use crate::config::BoardConfig;
use crate::embed::console;
use crate::embed::events::BoardEvent;
use crate::embed::feed_loader::{Early, FeedRequest, Loaded, PrefetchSlot, Prefetched, Reading};
use crate::embed::structured_data::use_structured_data;
use crate::embed::url_sync::{use_url_sync, view_from_url};
use crate::i18n::{self, Locale};
use crate::state::{Action, BoardState, Phase};

#[derive(Properties, PartialEq)]
pub struct BoardProps {
    pub config: Rc<BoardConfig>,
    pub locale: Rc<Locale>,
    /// How console messages name this board.
    pub label: Rc<str>,
    /// The host page's URL without this board's state: the base of deep links.
    pub page_url: Rc<str>,
    /// Tells the host page what the reader did.
    pub on_event: Callback<BoardEvent>,
    /// The loader's request for the first feed, taken by the first load.
    #[prop_or_default]
    pub prefetched: PrefetchSlot,
}

/// The reducer wrapper Yew needs around [`BoardState`].
#[derive(Default)]
pub struct BoardStore(BoardState);

impl std::ops::Deref for BoardStore {
    type Target = BoardState;
    fn deref(&self) -> &BoardState {
        &self.0
    }
}

impl Reducible for BoardStore {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(BoardStore(self.0.apply(action)))
    }
}

/// How long the reader must pause before the host hears `openings:filter`.
const FILTER_EVENT_PAUSE_MS: u32 = 400;

/// The requests of the current generation, to cancel them when the feeds change.
type Requests = Rc<RefCell<Vec<Rc<FeedRequest>>>>;

#[component]
pub fn Board(props: &BoardProps) -> Html {
    let board_id = props.config.id.clone();
    let state = {
        let board_id = board_id.clone();
        let label = props.label.clone();
        use_reducer(move || {
            BoardStore(BoardState::with_view(view_from_url(
                board_id.as_deref(),
                &label,
            )))
        })
    };
    let requests: Requests = use_mut_ref(Vec::new);
    let generation = use_mut_ref(|| 0u64);
    let closed = use_mut_ref(|| None::<String>);

    // (Re)load every feed when the configured feeds change.
    {
        let dispatcher = state.dispatcher();
        let requests = requests.clone();
        let label = props.label.clone();
        let config = props.config.clone();
        let prefetched = props.prefetched.clone();
        use_effect_with(
            (
                props.config.feeds.clone(),
                props.config.max_feed_bytes,
                props.config.max_age_days,
            ),
            move |_| {
                let gen = {
                    let mut g = generation.borrow_mut();
                    *g += 1;
                    *g
                };
                let feeds = config.feeds.clone();
                dispatcher.dispatch(Action::Start {
                    generation: gen,
                    feeds,
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
                        start_load(&config, index, gen, &dispatcher, &label, early)
                    })
                    .collect();
                let old = std::mem::replace(&mut *requests.borrow_mut(), fresh);
                old.iter().for_each(|r| r.cancel());
                move || requests.borrow().iter().for_each(|r| r.cancel())
            },
        );
    }

    let dispatch = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(action))
    };
    use_url_sync(
        board_id.clone(),
        props.label.clone(),
        state.view.clone(),
        dispatch.clone(),
    );

    // Search-engine markup for the open opening, while it is open and not expired.
    let posting = {
        let catalog = state.catalog.clone();
        let open = state.view.open.clone().filter(|_| props.config.seo);
        use_memo((state.revision, open), move |(_, open)| {
            let now = Timestamp(js_sys::Date::now() as i64);
            open.as_deref()
                .and_then(|id| catalog.position(id).and_then(|i| catalog.get(i)))
                .filter(|o| o.valid_through.is_none_or(|closes| closes >= now))
                .map(|o| Rc::<str>::from(posting_json(o).to_string()))
        })
    };
    use_structured_data(props.label.clone(), (*posting).clone());

    let sort = state.view.sort.unwrap_or(props.config.sort);
    let view = {
        let catalog = state.catalog.clone();
        use_memo(
            (state.revision, state.view.query.clone(), sort),
            move |(_, query, sort)| catalog.view(query, *sort),
        )
    };

    // Tell the host page when the reader searches or filters, once the
    // reader pauses: one event for a typed word, not one per keystroke.
    {
        let on_event = props.on_event.clone();
        let view_state = state.view.clone();
        let count = view.matches.len();
        let first = use_mut_ref(|| true);
        let pending = use_mut_ref(|| None::<Timeout>);
        use_effect_with(state.view.query.clone(), move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                let timer = Timeout::new(FILTER_EVENT_PAUSE_MS, move || {
                    on_event.emit(BoardEvent::Filter {
                        view: view_state,
                        count,
                    });
                });
                // A newer change replaces (and so cancels) the one waiting.
                *pending.borrow_mut() = Some(timer);
            }
        });
    }

    let on_retry = {
        let dispatcher = state.dispatcher();
        let config = props.config.clone();
        let label = props.label.clone();
        let requests = requests.clone();
        let gen = state.generation;
        Callback::from(move |index: usize| {
            dispatcher.dispatch(Action::Retry { index });
            let request = start_load(&config, index, gen, &dispatcher, &label, None);
            if let Some(slot) = requests.borrow_mut().get_mut(index) {
                slot.cancel();
                *slot = request;
            }
        })
    };
    let catalog = state.catalog.clone();
    let on_open = {
        let dispatch = dispatch.clone();
        let on_event = props.on_event.clone();
        let catalog = catalog.clone();
        Callback::from(move |index: usize| {
            if let Some(opening) = catalog.get(index) {
                on_event.emit(BoardEvent::open(opening));
                dispatch.emit(Action::Open(opening.id.clone()));
            }
        })
    };
    let on_apply = {
        let on_event = props.on_event.clone();
        let catalog = catalog.clone();
        Callback::from(move |index: usize| {
            if let Some(opening) = catalog.get(index) {
                on_event.emit(BoardEvent::apply(opening));
            }
        })
    };
    let on_close = {
        let dispatch = dispatch.clone();
        let closed = closed.clone();
        let open = state.view.open.clone();
        Callback::from(move |()| {
            *closed.borrow_mut() = open.clone();
            dispatch.emit(Action::Close);
        })
    };

    let locale = props.locale.clone();
    let strings = locale.strings;
    let now = Timestamp(js_sys::Date::now() as i64);
    let page_size = props.config.page_size;
    let pages = view.page_count(page_size);
    let page = state.view.page.clamp(1, pages);
    let phase = state.phase();
    let opened = state
        .view
        .open
        .as_deref()
        .map(|id| (id, state.catalog.position(id)));
    let link = {
        let page_url = props.page_url.clone();
        let board_id = board_id.clone();
        move |id: &str| AttrValue::from(deep_link(&page_url, board_id.as_deref(), id))
    };
    let facets: Rc<Vec<_>> = Rc::new(view.visible_facets(&props.config.facets).cloned().collect());
    let active = !state.view.query.is_empty();
    let show_facets = phase == Phase::Ready && opened.is_none() && !facets.is_empty();

    let list = match phase {
        Phase::Loading => html! { <p class="loading" role="status">{ strings.loading }</p> },
        Phase::NoFeeds => html! { <p class="empty">{ strings.no_feed }</p> },
        Phase::Failed => html! {},
        Phase::Ready if view.matches.is_empty() => html! {
            <p class="empty">{
                if state.view.query.text.trim().is_empty() && !state.view.query.has_filters() {
                    strings.no_openings.to_string()
                } else if state.view.query.text.trim().is_empty() {
                    strings.no_filter_match.to_string()
                } else {
                    i18n::fill(strings.no_match, &[("q", state.view.query.text.trim())])
                }
            }</p>
        },
        Phase::Ready => {
            let focus = closed.borrow_mut().take();
            html! {
                <>
                    <Listings catalog={state.catalog.clone()} matches={Rc::new(view.page(page, page_size).to_vec())}
                        now={now} link={Callback::from({ let link = link.clone(); move |id: String| link(&id) })} on_open={on_open.clone()}
                        on_apply={on_apply.clone()} focus={focus} />
                    <Pagination page={page - 1} pages={pages}
                        on_page={dispatch.reform(|p: usize| Action::GoToPage(p + 1))} />
                </>
            }
        }
    };

    let main = match opened {
        Some((id, Some(index))) => html! {
            <DetailView catalog={state.catalog.clone()} index={index} link={link(id)} now={now}
                on_close={on_close} on_apply={on_apply.clone()} />
        },
        // A shared link's opening may be in the part of the feed still arriving.
        Some((_, None)) if state.is_loading() => list,
        Some((_, None)) => html! {
            <>
                <div class="notice notice-warning" role="status"><p>{ strings.opening_gone }</p></div>
                { list }
            </>
        },
        None => html! {
            <>
                <ResultCount phase={phase} count={view.matches.len()} more={state.is_loading()} />
                { list }
            </>
        },
    };

    html! {
        <ContextProvider<Rc<Locale>> context={locale.clone()}>
            <section class="openings-board" lang={locale.lang.clone()} dir={if locale.rtl { "rtl" } else { "ltr" }}
                data-theme={props.config.theme.key()} aria-label={strings.board_label}>
                <div class="toolbar">
                    <SearchBox value={state.view.query.text.clone()}
                        on_search={dispatch.reform(Action::Search)} />
                    <SortSelect value={sort} on_sort={dispatch.reform(Action::SortBy)} />
                </div>
                <FeedNotices feeds={Rc::new(state.feeds.clone())} max_age_days={props.config.max_age_days} on_retry={on_retry} />
                <div class={classes!("layout", show_facets.then_some("with-facets"))}>
                    if show_facets {
                        <FacetList facets={facets} active={active}
                            on_toggle={dispatch.reform(|(f, v)| Action::ToggleFacet(f, v))}
                            on_clear={dispatch.reform(Action::ClearFacet)}
                            on_clear_all={dispatch.reform(|()| Action::ClearAll)} />
                    }
                    <div class="results">{ main }</div>
                </div>
            </section>
        </ContextProvider<Rc<Locale>>>
    }
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
    dispatcher: &UseReducerDispatcher<BoardStore>,
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
    let dispatcher = dispatcher.clone();
    let label = label.clone();
    let task = request.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let mut prefetched = prefetched;
        for attempt in 0..=AUTO_RETRIES {
            let show_early = |openings| {
                dispatcher.dispatch(Action::FeedPart {
                    generation,
                    index,
                    openings,
                })
            };
            let early = Early {
                after: page_size,
                show: &show_early,
            };
            let result = task.load(&source, reading, early, prefetched.take()).await;
            if task.is_cancelled() {
                return;
            }
            let problem = match result {
                Ok(loaded) => {
                    report_loaded(&label, &source.url, &loaded, reading.max_age_days);
                    dispatcher.dispatch(Action::FeedLoaded {
                        generation,
                        index,
                        feed: Box::new(loaded.feed),
                        saved: loaded.saved,
                        rest: loaded.rest,
                    });
                    return;
                }
                Err(problem) => problem,
            };
            let retrying = problem.is_transient() && attempt < AUTO_RETRIES;
            let delay_ms = FIRST_RETRY_MS << attempt;
            let next = if retrying {
                format!(" Trying again in {} s.", delay_ms / 1000)
            } else {
                String::new()
            };
            console::error(
                &label,
                &format!(
                    "could not load openings from {}: {problem}.{next}",
                    source.url
                ),
            );
            dispatcher.dispatch(Action::FeedFailed {
                generation,
                index,
                problem,
            });
            if !retrying {
                return;
            }
            gloo_timers::future::TimeoutFuture::new(delay_ms).await;
            if task.is_cancelled() {
                return;
            }
            dispatcher.dispatch(Action::Retry { index });
        }
    });
    request
}

fn report_loaded(label: &str, url: &str, loaded: &Loaded, max_age_days: u32) {
    if let Some(saved) = &loaded.saved {
        console::warn(
            label,
            &format!(
                "could not load openings from {url}: {}. Showing the copy saved at {}.",
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
