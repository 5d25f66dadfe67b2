//! The board: the one component the embedding mounts. It owns the board's
//! state (a reducer over [`Action`]s) and lays out the other components —
//! search, sort, filters, the list or one opening — from it. What touches
//! the world is in the embedding's hooks: the feeds load in
//! [`use_feeds`], their words are indexed when the page is idle in
//! [`use_word_index_ahead`], the page URL follows in [`use_url_sync`], the host hears
//! events through [`use_filter_events`], search engines get the open
//! opening's markup from [`use_structured_data`]; what it shows is
//! [`BoardView`]'s.

use std::rc::Rc;

use openings_core::export::json_ld::posting as posting_json;
use yew::prelude::*;

use crate::components::board_view::{self, BoardView};
use crate::config::BoardConfig;
use crate::embed::events::{use_filter_events, BoardEvent};
use crate::embed::feed_loader::PrefetchSlot;
use crate::embed::feeds::use_feeds;
use crate::embed::search_index::use_word_index_ahead;
use crate::embed::structured_data::use_structured_data;
use crate::embed::url_sync::use_url_sync;
use crate::i18n::Locale;
use crate::state::{Action, BoardState, ViewState};

#[derive(Properties, PartialEq)]
pub struct BoardProps {
    pub config: Rc<BoardConfig>,
    pub locale: Rc<Locale>,
    /// How console messages name this board.
    pub label: Rc<str>,
    /// The host page's URL without this board's state: the base of deep links.
    pub page_url: Rc<str>,
    /// What the page URL asked this board to show when it was mounted (a
    /// shared link).
    #[prop_or_default]
    pub initial_view: ViewState,
    /// Tells the host page what the reader did.
    pub on_event: Callback<BoardEvent>,
    /// The loader's request for the first feed, taken by the first load.
    #[prop_or_default]
    pub prefetched: PrefetchSlot,
    /// Told once the board first has something to show (openings, or why
    /// there are none): a board rendered into the page gives way then.
    #[prop_or_default]
    pub on_shown: Callback<()>,
    /// Whether the first frame with openings draws only the first screen of
    /// the list, and the filters without their facets (the rest a frame
    /// later; the facets once the feeds still arriving are in, or after
    /// [`SETTLE_MS`]). Not where a board rendered into the page gives
    /// way: that one is taken over whole, in one frame, facets and all.
    #[prop_or(true)]
    pub first_screen_first: bool,
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

#[component]
pub fn Board(props: &BoardProps) -> Html {
    let board_id = props.config.id.clone();
    let state = {
        let initial = props.initial_view.clone();
        use_reducer(move || BoardStore(BoardState::with_view(initial)))
    };

    let dispatch = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(action))
    };
    let on_retry = use_feeds(
        props.config.clone(),
        props.label.clone(),
        state.generation,
        dispatch.clone(),
        props.prefetched.clone(),
    );
    use_url_sync(
        board_id.clone(),
        props.label.clone(),
        state.view.clone(),
        dispatch.clone(),
    );

    // Search-engine markup for the open opening, while it is open and not expired.
    let posting = {
        let catalog = state.catalog.clone();
        let open = state.open_position().filter(|_| props.config.seo);
        use_memo((catalog, open), move |(catalog, open)| {
            let now = crate::embed::now();
            open.and_then(|i| catalog.get(i))
                .filter(|o| o.valid_through.is_none_or(|closes| closes >= now))
                .map(|o| Rc::<str>::from(posting_json(o).to_string()))
        })
    };
    use_structured_data(props.label.clone(), (*posting).clone());

    let can_share = use_state(crate::embed::share::can_share);
    let sort = state.view.sort.unwrap_or(props.config.sort);
    let view: Rc<openings_core::catalog::View> = use_memo(
        (state.catalog.clone(), state.view.query.clone(), sort),
        |(catalog, query, sort)| catalog.view(query, *sort),
    );

    use_word_index_ahead(state.catalog.clone());

    use_filter_events(
        props.on_event.clone(),
        state.view.clone(),
        view.matches.len(),
    );

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

    let ready = state.phase() == crate::state::Phase::Ready;
    let settling = use_feeds_settling(state.generation, ready, state.is_loading());
    // Whether this board is a rendered one not yet taken over: its first
    // page, whole, is on screen meanwhile.
    let taken_over = use_mut_ref(|| false);
    let rendered = !props.first_screen_first && !*taken_over.borrow();
    // What a shared link asks for that the rendered board does not show: a
    // search's or a filter's results, an opening that is here. (A page of
    // the list, or a sort, it shows as well as the live board would before
    // the feeds are in: those wait with it.)
    let asked = match &props.initial_view.open {
        Some(id) => state.catalog.position(id).is_some(),
        None => !props.initial_view.query.is_empty(),
    };
    // A board of several feeds lists nothing while the others settle: each
    // member's feed that arrives would sort its openings in among those
    // shown, moving the list under the reader (and the host page, which is
    // charged for it: Core Web Vitals' CLS). One feed in parts does not
    // wait: a feed in the board's order (as most are) adds below the page.
    let list_hold = settling && state.feeds.len() > 1;
    // Nor does a rendered board give way before then, to one feed's first
    // part either: it shows the whole feed's first page meanwhile, which
    // that part (not in the board's order) would replace by another. Unless
    // a shared link asks for what it does not show: then the live board
    // takes its place at once, with the reader's search, and its list waits
    // as any live board's.
    let takeover_hold = settling && rendered && !asked;
    // Neither comes back once the list is shown: a generation's settling,
    // once over, is over for good, and a rendered board gives way only
    // with it (or, asked, holds its list as a live board from the start).
    let holding = list_hold || takeover_hold;
    let listed = ready && !holding;
    let has_openings = listed && !view.matches.is_empty();
    let starting = use_first_screen(props.first_screen_first, has_openings);
    let settling = settling && !rendered;
    {
        let on_shown = props.on_shown.clone();
        // Not before the feeds are asked for: on the first render the board
        // has no feeds yet, which is not "nothing to show".
        let shown =
            state.generation > 0 && state.phase() != crate::state::Phase::Loading && !takeover_hold;
        use_effect_with(shown, move |shown| {
            if *shown {
                *taken_over.borrow_mut() = true;
                on_shown.emit(());
            }
        });
    }

    // The facets wait only when the first screen is a cut of the page, so
    // that the board is taller than a screen anyway; a short list gets them
    // at once, or the page under the board would move when they come (a
    // filters' column taller than the list).
    let long_page =
        view.page(state.view.page, props.config.page_size).len() > board_view::FIRST_SCREEN;
    // Whether the filters have been drawn whole: once they are, they never
    // go away again (not for a frame when the first match of a shared
    // search comes, not when a short list grows while feeds arrive, not
    // while a feed loads again after Retry).
    let filters_drawn = use_mut_ref(|| false);
    // While the list is held, its facets are too (with what has come so
    // far, beside "Loading", they would change when the list comes).
    let facets_later = holding || ((starting || settling) && long_page && !*filters_drawn.borrow());
    {
        let filters_drawn = filters_drawn.clone();
        use_effect_with(listed && !facets_later, move |&drawn| {
            if drawn {
                *filters_drawn.borrow_mut() = true;
            }
        });
    }

    html! {
        <BoardView config={props.config.clone()} locale={props.locale.clone()}
            state={(**state).clone()} view={view} page_url={props.page_url.clone()}
            now={crate::embed::now()} dispatch={dispatch} on_retry={on_retry}
            on_open={on_open} on_apply={on_apply}
            on_share={Callback::from(crate::embed::share::share)} can_share={*can_share}
            starting={starting} facets_later={facets_later} holding={holding} />
    }
}

/// How long a board waits for the feeds still arriving once the first
/// openings are in: the rest of a large feed (a second or so for 10,000
/// openings here), the other members' feeds. Past it, a slow or stalled
/// feed does not keep the reader from what is there.
const SETTLE_MS: u32 = 1_000;

/// Whether the feeds are still settling: the board could list openings
/// (or say that a feed in had none) while more are on their way, for at
/// most [`SETTLE_MS`] from then. Meanwhile the facets wait, and a board of
/// several feeds holds its list, since both would re-sort with every part
/// that arrives, moving under the reader's pointer and moving the page (a
/// layout shift the host is charged for). Once a generation of feeds has
/// settled (every feed in, or the time up), never again: not while a feed
/// loads again after Retry. Feeds the host points the board to anew are a
/// new generation, which settles anew.
#[hook]
fn use_feeds_settling(generation: u64, ready: bool, loading: bool) -> bool {
    // The generation whose wait is over, and the last one that settled.
    let waited = use_state_eq(|| 0u64);
    let settled = use_mut_ref(|| 0u64);
    if ready && !loading {
        *settled.borrow_mut() = generation;
    }
    let settling = ready && loading && *waited != generation && *settled.borrow() != generation;
    {
        let waited = waited.clone();
        use_effect_with((settling, generation), move |&(settling, generation)| {
            if settling {
                wasm_bindgen_futures::spawn_local(async move {
                    gloo_timers::future::TimeoutFuture::new(SETTLE_MS).await;
                    waited.set(generation);
                });
            }
        });
    }
    settling
}

/// Whether the board is drawing its first frame with openings (only the
/// first screen of them): from the first render that has openings until
/// that frame is painted. Never when `wanted` is false.
#[hook]
fn use_first_screen(wanted: bool, has_openings: bool) -> bool {
    let painted = use_state(|| !wanted);
    {
        let painted = painted.clone();
        use_effect_with(has_openings && !*painted, move |&starting| {
            if starting {
                wasm_bindgen_futures::spawn_local(async move {
                    crate::embed::frames::after_paint().await;
                    painted.set(true);
                });
            }
        });
    }
    has_openings && !*painted
}
