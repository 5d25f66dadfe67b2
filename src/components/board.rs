//! The board: the one component the embedding mounts. It owns the board's
//! state (a reducer over [`Action`]s) and lays out the other components —
//! search, sort, filters, the list or one opening — from it. What touches
//! the world is in the embedding's hooks: the feeds load in
//! [`use_feeds`], the page URL follows in [`use_url_sync`], the host hears
//! events through [`use_filter_events`], search engines get the open
//! opening's markup from [`use_structured_data`].

use std::rc::Rc;

use openings_core::export::json_ld::posting as posting_json;
use openings_core::url_state::deep_link;
use yew::prelude::*;

use crate::components::active_filters::ActiveFilters;
use crate::components::detail_view::DetailView;
use crate::components::filters::Filters;
use crate::components::listings::Listings;
use crate::components::notices::FeedNotices;
use crate::components::pagination::Pagination;
use crate::components::result_count::ResultCount;
use crate::components::search_box::SearchBox;
use crate::components::sort_select::SortSelect;
use crate::config::BoardConfig;
use crate::embed::events::{use_filter_events, BoardEvent};
use crate::embed::feed_loader::PrefetchSlot;
use crate::embed::feeds::use_feeds;
use crate::embed::structured_data::use_structured_data;
use crate::embed::url_sync::use_url_sync;
use crate::i18n::{self, Locale};
use crate::state::{Action, BoardState, Phase, ViewState};

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
        let open = state.view.open.clone().filter(|_| props.config.seo);
        use_memo((catalog, open), move |(catalog, open)| {
            let now = crate::embed::now();
            open.as_deref()
                .and_then(|id| catalog.position(id).and_then(|i| catalog.get(i)))
                .filter(|o| o.valid_through.is_none_or(|closes| closes >= now))
                .map(|o| Rc::<str>::from(posting_json(o).to_string()))
        })
    };
    use_structured_data(props.label.clone(), (*posting).clone());

    let can_share = use_state(crate::embed::share::can_share);
    let sort = state.view.sort.unwrap_or(props.config.sort);
    let view = use_memo(
        (state.catalog.clone(), state.view.query.clone(), sort),
        |(catalog, query, sort)| catalog.view(query, *sort),
    );

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
    let on_close = dispatch.reform(|()| Action::Close);

    let locale = props.locale.clone();
    let strings = locale.strings;
    let now = crate::embed::now();
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
    let picked: usize = state.view.query.selected.values().map(Vec::len).sum();
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
            let focus = state.closed.clone();
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
                on_close={on_close} on_apply={on_apply.clone()}
                on_share={Callback::from(crate::embed::share::share)} can_share={*can_share} />
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
                <ActiveFilters query={state.view.query.clone()} facets={props.config.facets.clone()}
                    on_remove={dispatch.reform(|(f, v)| Action::ToggleFacet(f, v))}
                    on_clear_all={dispatch.reform(|()| Action::ClearAll)} />
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
                        <Filters facets={facets} picked={picked}
                            on_toggle={dispatch.reform(|(f, v)| Action::ToggleFacet(f, v))}
                            on_clear={dispatch.reform(Action::ClearFacet)} />
                    }
                    <div class="results">{ main }</div>
                </div>
            </section>
        </ContextProvider<Rc<Locale>>>
    }
}
