//! The board: the one component the embedding mounts. It owns the board's
//! state (a reducer over [`Action`]s), starts loading the feeds when its
//! configuration arrives or changes, and lays out the other components.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::components::listings::Listings;
use crate::components::notices::FeedNotices;
use crate::components::pagination::Pagination;
use crate::components::result_count::ResultCount;
use crate::components::search_box::SearchBox;
use crate::config::BoardConfig;
use crate::embed::console;
use crate::embed::feed_loader::FeedRequest;
use crate::i18n::Locale;
use crate::state::{Action, BoardState, Phase};

#[derive(Properties, PartialEq)]
pub struct BoardProps {
    pub config: Rc<BoardConfig>,
    pub locale: Rc<Locale>,
    /// How console messages name this board.
    pub label: Rc<str>,
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

/// The requests of the current generation, to cancel them when the feeds change.
type Requests = Rc<RefCell<Vec<Rc<FeedRequest>>>>;

#[component]
pub fn Board(props: &BoardProps) -> Html {
    let state = use_reducer(BoardStore::default);
    let requests: Requests = use_mut_ref(Vec::new);
    let generation = use_mut_ref(|| 0u64);

    // (Re)load every feed when the configured feeds change.
    {
        let dispatcher = state.dispatcher();
        let requests = requests.clone();
        let label = props.label.clone();
        let feeds = (props.config.feeds.clone(), props.config.max_feed_bytes);
        let config = props.config.clone();
        use_effect_with(feeds, move |_| {
            let gen = {
                let mut g = generation.borrow_mut();
                *g += 1;
                *g
            };
            let feeds = config
                .feeds
                .iter()
                .map(|f| (f.clone(), f.url.clone()))
                .collect();
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
                .map(|index| start_load(&config, index, gen, &dispatcher, &label))
                .collect();
            let old = std::mem::replace(&mut *requests.borrow_mut(), fresh);
            old.iter().for_each(|r| r.cancel());
            move || requests.borrow().iter().for_each(|r| r.cancel())
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
            let request = start_load(&config, index, gen, &dispatcher, &label);
            if let Some(slot) = requests.borrow_mut().get_mut(index) {
                slot.cancel();
                *slot = request;
            }
        })
    };
    let on_search = {
        let dispatcher = state.dispatcher();
        Callback::from(move |text: String| dispatcher.dispatch(Action::Search(text)))
    };
    let on_page = {
        let dispatcher = state.dispatcher();
        Callback::from(move |page: usize| dispatcher.dispatch(Action::GoToPage(page)))
    };

    let matches = {
        let catalog = state.catalog.clone();
        let query = state.query.clone();
        use_memo((state.revision, query), move |(_, query)| {
            catalog.search(query)
        })
    };

    let locale = props.locale.clone();
    let strings = locale.strings;
    let page_size = props.config.page_size;
    let pages = matches.len().div_ceil(page_size).max(1);
    let page = state.page.min(pages - 1);
    let phase = state.phase();
    let theme = props.config.theme.key();
    let dir = if locale.rtl { "rtl" } else { "ltr" };

    html! {
        <ContextProvider<Rc<Locale>> context={locale.clone()}>
            <section class="openings-board" lang={locale.lang.clone()} {dir} data-theme={theme}
                aria-label={strings.board_label}>
                <SearchBox value={state.query.text.clone()} on_search={on_search} />
                <FeedNotices feeds={Rc::new(state.feeds.clone())} on_retry={on_retry} />
                <ResultCount phase={phase} count={matches.len()} />
                {
                    match phase {
                        Phase::Loading => html! {
                            <p class="loading" role="status">{ strings.loading }</p>
                        },
                        Phase::NoFeeds => html! { <p class="empty">{ strings.no_feed }</p> },
                        Phase::Failed => html! {},
                        Phase::Ready if matches.is_empty() => html! {
                            <p class="empty">{
                                if state.query.text.trim().is_empty() {
                                    strings.no_openings.to_string()
                                } else {
                                    Locale::fill(strings.no_match, &[("q", state.query.text.trim())])
                                }
                            }</p>
                        },
                        Phase::Ready => html! {
                            <>
                                <Listings catalog={state.catalog.clone()} matches={matches.clone()}
                                    start={page * page_size} count={page_size} />
                                <Pagination page={page} pages={pages} on_page={on_page} />
                            </>
                        },
                    }
                }
            </section>
        </ContextProvider<Rc<Locale>>>
    }
}

/// Starts loading feed `index`; its answer is dispatched as an action.
fn start_load(
    config: &BoardConfig,
    index: usize,
    generation: u64,
    dispatcher: &UseReducerDispatcher<BoardStore>,
    label: &Rc<str>,
) -> Rc<FeedRequest> {
    let request = Rc::new(FeedRequest::new());
    let Some(source) = config.feeds.get(index).cloned() else {
        return request;
    };
    let max_bytes = config.max_feed_bytes;
    let dispatcher = dispatcher.clone();
    let label = label.clone();
    let task = request.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let result = task.load(&source, &source.url, max_bytes).await;
        if task.is_cancelled() {
            return;
        }
        match result {
            Ok(feed) => {
                report_skipped(&label, &source.url, &feed);
                dispatcher.dispatch(Action::FeedLoaded {
                    generation,
                    index,
                    feed: Box::new(feed),
                });
            }
            Err(problem) => {
                console::error(
                    &label,
                    &format!("could not load openings from {}: {problem}.", source.url),
                );
                dispatcher.dispatch(Action::FeedFailed {
                    generation,
                    index,
                    problem,
                });
            }
        }
    });
    request
}

fn report_skipped(label: &str, url: &str, feed: &openings_core::feeds::ParsedFeed) {
    if !feed.skipped.is_empty() {
        let reasons: Vec<String> = feed.skipped.iter().map(ToString::to_string).collect();
        console::warn(
            label,
            &format!(
                "{} entries in {url} were skipped: {}. Fix them in the feed to show them.",
                feed.skipped.len(),
                reasons.join("; ")
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
