//! The board as the reader sees it, from its state: search and sort, the
//! feeds' notices, the filters, the count and the picked filters, the list
//! with its pages or one opening. No hooks that reach out and no I/O: the
//! live [`Board`](super::board::Board) renders it with what its hooks
//! found, and `openings render` renders it on the server, so a board's
//! first page in the page's HTML is exactly what the live board shows.

use std::rc::Rc;

use openings_core::catalog::View;
use openings_core::dates::Timestamp;
use openings_core::url_state::deep_link;
use yew::prelude::*;

use crate::components::active_filters::ActiveFilters;
use crate::components::detail_view::{DetailView, ShareAsk};
use crate::components::filters::Filters;
use crate::components::listings::{self, FocusedRow, Listings, Shown};
use crate::components::notices::FeedNotices;
use crate::components::pagination::Pagination;
use crate::components::result_count::ResultCount;
use crate::components::search_box::SearchBox;
use crate::components::sort_select::SortSelect;
use crate::config::BoardConfig;
use crate::i18n::{self, Locale};
use crate::state::{Action, BoardState, FeedStatus, Phase};

#[derive(Properties, PartialEq)]
pub struct BoardViewProps {
    pub config: Rc<BoardConfig>,
    pub locale: Rc<Locale>,
    pub state: BoardState,
    /// The matches and facet counts of the state's query.
    pub view: Rc<View>,
    /// The host page's URL without this board's state: the base of deep links.
    pub page_url: Rc<str>,
    pub now: Timestamp,
    pub dispatch: Callback<Action>,
    /// Loads feed `index` again.
    pub on_retry: Callback<usize>,
    /// The reader opened, or applied to, opening `index`.
    pub on_open: Callback<usize>,
    pub on_apply: Callback<usize>,
    pub on_share: Callback<ShareAsk>,
    #[prop_or_default]
    pub can_share: bool,
    /// The board's first frame with openings in it: only the first screen
    /// of the list is drawn (no page links below it), so that it is painted
    /// sooner; the live board draws the rest a frame later.
    #[prop_or_default]
    pub starting: bool,
    /// The filters' facets wait (their control and column are drawn): set
    /// only if they were not drawn before, while `starting` and while the
    /// feeds still arriving settle, and only when the first screen is a
    /// cut of the page (see `Board`).
    #[prop_or_default]
    pub facets_later: bool,
    /// The list is held, the board still saying it loads, while the feeds
    /// of a board of several settle (see `Board`).
    #[prop_or_default]
    pub holding: bool,
}

/// Gives the board the keyboard focus for now (the embedding makes it
/// focusable only until the focus leaves it).
#[cfg(target_arch = "wasm32")]
fn hold_focus(section: &NodeRef) {
    if let Some(board) = section.cast::<web_sys::HtmlElement>() {
        crate::embed::focus_for_now(&board);
    }
}

/// Nothing to focus where the board is rendered on the server.
#[cfg(not(target_arch = "wasm32"))]
fn hold_focus(_: &NodeRef) {}

/// Hands the focus the board held for a Retry on to that feed's new Retry,
/// when the feed failed again.
#[cfg(target_arch = "wasm32")]
fn focus_retry(section: &NodeRef, feed: usize) {
    if let Some(board) = section.cast::<web_sys::HtmlElement>() {
        crate::embed::pass_focus(&board, &format!(".retry[data-feed=\"{feed}\"]"));
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn focus_retry(_: &NodeRef, _: usize) {}

/// A keyboard focus in the board's results (see `BoardView`), kept to be
/// found again in results drawn anew.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
enum Carried {
    /// On a row's control, the row showing this opening.
    Row(Shown, FocusedRow),
    /// On another control (a page button, a picked filter's chip): its
    /// class, its name, and whether it was on screen.
    Control(String, String, bool),
}

/// What the board drew last: where its filters were, whether it listed
/// openings and which (as rows know them); and a focus to carry into the
/// layout drawn now.
struct Drawn {
    filters_place: bool,
    listed: bool,
    rows: Vec<Shown>,
    carried: Option<Carried>,
}

/// Where the keyboard focus is in the board's results, if it is there:
/// `rows` are the openings of the rows drawn.
#[cfg(target_arch = "wasm32")]
fn focus_in_results(section: &NodeRef, rows: &[Shown]) -> Option<Carried> {
    let results = section
        .cast::<web_sys::Element>()?
        .query_selector(".results")
        .ok()??;
    let in_list = results
        .query_selector(".listings")
        .ok()
        .flatten()
        .and_then(|list| crate::embed::focus_in_list(&list));
    match in_list {
        Some(focus) => Some(Carried::Row(*rows.get(focus.row)?, focus)),
        None => crate::embed::focused_control(&results)
            .map(|(class, name, looked_at)| Carried::Control(class, name, looked_at)),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn focus_in_results(_: &NodeRef, _: &[Shown]) -> Option<Carried> {
    None
}

/// Puts a focus `carried` from results drawn before on its control in
/// those drawn now (`rows`: the openings of their rows), or gives it to
/// the board.
#[cfg(target_arch = "wasm32")]
fn focus_again(section: &NodeRef, carried: &Carried, rows: &[Shown]) {
    let Some(results) = section
        .cast::<web_sys::Element>()
        .and_then(|s| s.query_selector(".results").ok().flatten())
    else {
        return;
    };
    // The reader may have gone on meanwhile (a Tab, a click, handled
    // before this frame's work was done): theirs to keep.
    if !crate::embed::focus_fell(&results) {
        return;
    }
    match carried {
        Carried::Row(opening, focus) => match results.query_selector(".listings").ok().flatten() {
            Some(list) => {
                crate::embed::focus_moved(&list, focus, rows.iter().position(|row| row == opening))
            }
            None => hold_focus(section),
        },
        Carried::Control(class, name, looked_at) => {
            crate::embed::focus_control(&results, class, name, *looked_at)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn focus_again(_: &NodeRef, _: &Carried, _: &[Shown]) {}

/// The listings a starting board draws: about a screen's worth.
pub const FIRST_SCREEN: usize = 6;

#[component]
pub fn BoardView(props: &BoardViewProps) -> Html {
    let state = &props.state;
    let view = &props.view;
    let dispatch = props.dispatch.clone();
    let on_open = props.on_open.clone();
    let on_apply = props.on_apply.clone();
    let section = use_node_ref();
    // The notice holding Retry goes while the feed loads again: the focus
    // goes to the board first, not to the top of the host page.
    // If it fails again, the focus goes on to its new Retry.
    let retrying = use_mut_ref(|| None::<usize>);
    let on_retry = {
        let retry = props.on_retry.clone();
        let (section, retrying) = (section.clone(), retrying.clone());
        Callback::from(move |index: usize| {
            hold_focus(&section);
            *retrying.borrow_mut() = Some(index);
            retry.emit(index);
        })
    };
    {
        let section = section.clone();
        let loading: Vec<bool> = props
            .state
            .feeds
            .iter()
            .map(|f| f.status == FeedStatus::Loading)
            .collect();
        use_effect_with(loading, move |loading| {
            let mut retrying = retrying.borrow_mut();
            if let Some(index) = *retrying {
                if !loading.get(index).copied().unwrap_or(false) {
                    *retrying = None;
                    focus_retry(&section, index);
                }
            }
        });
    }
    // When the last picked filter goes, its chips go with it: the board
    // holds the focus (the next Tab goes on from its top), as for Retry.
    let on_remove_pick = {
        let (dispatch, section) = (dispatch.clone(), section.clone());
        let last = props.state.view.query.picked() <= 1;
        Callback::from(move |(facet, value)| {
            if last {
                hold_focus(&section);
            }
            dispatch.emit(Action::ToggleFacet(facet, value));
        })
    };
    let on_clear_all = {
        let (dispatch, section) = (dispatch.clone(), section.clone());
        Callback::from(move |()| {
            hold_focus(&section);
            dispatch.emit(Action::ClearAll);
        })
    };
    let on_close = dispatch.reform(|()| Action::Close);
    let board_id = props.config.id.clone();
    let sort = state.view.sort.unwrap_or(props.config.sort);
    let locale = props.locale.clone();
    let strings = locale.strings;
    let now = props.now;
    let page_size = props.config.page_size;
    let pages = view.page_count(page_size);
    let page = state.view.page.clamp(1, pages);
    let phase = match state.phase() {
        Phase::Ready if props.holding => Phase::Loading,
        // Its feeds not asked for yet: the board's first frame, drawn
        // before the effect that starts them (one a slow device can paint).
        Phase::NoFeeds if !props.config.feeds.is_empty() => Phase::Loading,
        phase => phase,
    };
    let opened = state
        .view
        .open
        .as_deref()
        .map(|id| (id, state.open_position()));
    let link = {
        let page_url = props.page_url.clone();
        let board_id = board_id.clone();
        move |id: &str| AttrValue::from(deep_link(&page_url, board_id.as_deref(), id))
    };
    let facets: Rc<Vec<_>> = Rc::new(view.visible_facets(&props.config.facets).cloned().collect());
    let picked: usize = state.view.query.picked();
    let show_facets = phase == Phase::Ready && opened.is_none() && !facets.is_empty();
    // The filters' place (their column, or on a narrow board their control)
    // is kept while the board loads, when it has facets to fill it with, so
    // that nothing the board drew moves when the openings come: a layout
    // shift the host page would be charged for (Core Web Vitals' CLS).
    // (Not in the frame before its feeds are asked for: the filters then
    // came into a place drawn before the list, a frame after a short one.)
    let started = !state.feeds.is_empty();
    let filters_place = show_facets
        || (phase == Phase::Loading
            && started
            && opened.is_none()
            && !props.config.facets.is_empty());

    // What the list says instead of openings, when it has none to show.
    let status = match phase {
        Phase::Loading => Some(html! { <p class="loading" role="status">{ strings.loading }</p> }),
        Phase::NoFeeds => Some(html! { <p class="empty">{ strings.no_feed }</p> }),
        Phase::Failed => None,
        // What is listed so far matches nothing, but more is on its way:
        // the rest may match (a shared search for the feed's last opening).
        Phase::Ready if view.matches.is_empty() && state.is_loading() => {
            Some(html! { <p class="loading">{ strings.loading }</p> })
        }
        Phase::Ready if view.matches.is_empty() => Some(html! {
            <p class="empty">{
                if state.view.query.text.trim().is_empty() && !state.view.query.has_filters() {
                    strings.no_openings.to_string()
                } else if state.view.query.text.trim().is_empty() {
                    strings.no_filter_match.to_string()
                } else {
                    i18n::fill(strings.no_match, &[("q", state.view.query.text.trim())])
                }
            }</p>
        }),
        Phase::Ready => None,
    };
    let listing = phase == Phase::Ready && !view.matches.is_empty();
    let on_page = match listing {
        true => view.page(page, page_size),
        false => &[],
    };
    let on_page = match props.starting {
        true => &on_page[..on_page.len().min(FIRST_SCREEN)],
        false => on_page,
    };
    // The openings of the rows drawn now, as rows know them.
    let rows: Vec<Shown> = listings::shown(&state.catalog, on_page);
    // The list and its page links are there in every phase, the list
    // saying what it says instead of openings until it has them: when the
    // first openings come, they, the count and the filters are all given
    // new properties, not the list made while the others are given theirs.
    // (Yew gives the browser its turn, where a slow device may paint, once
    // its work has taken 16 ms and no element is left to make or render;
    // an element given new properties may still be waiting then, and a
    // slow phone painted the list a frame before its filters, whose column
    // then grew under a short list and moved the page.)
    let list = html! {
        <>
            <Listings key="list" catalog={state.catalog.clone()} matches={Rc::new(on_page.to_vec())}
                now={now} link={Callback::from({ let link = link.clone(); move |id: String| link(&id) })} on_open={on_open.clone()}
                on_apply={on_apply.clone()} focus={state.closed.clone()} status={status} />
            <Pagination key="pages" page={page - 1} pages={if listing { pages } else { 1 }}
                later={props.starting} on_page={dispatch.reform(|p: usize| Action::GoToPage(p + 1))} />
        </>
    };

    let main = match opened {
        Some((id, Some(index))) => html! {
            <DetailView catalog={state.catalog.clone()} index={index} link={link(id)} now={now}
                on_close={on_close} on_apply={on_apply.clone()}
                on_share={props.on_share.clone()} can_share={props.can_share} />
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
                    on_remove={on_remove_pick} on_clear_all={on_clear_all} />
                { list }
            </>
        },
    };

    // The layout is drawn anew when the filters' place comes or goes
    // (below): a keyboard focus in the results (a listing's title or Apply
    // link, a page button) would be dropped with it, as a member's feed
    // coming late brings the first values to filter by. It is found now,
    // before the new layout replaces the old, and put on the same control
    // (of the same opening) once that is drawn. Not when an opening is
    // opened or closed (which has a focus of its own), nor for a board
    // without a list now.
    let listed = opened.is_none() && !rows.is_empty();
    let drawn = use_mut_ref(|| Drawn {
        filters_place,
        listed: false,
        rows: Vec::new(),
        carried: None,
    });
    {
        let mut drawn = drawn.borrow_mut();
        let carried = match drawn.filters_place != filters_place && drawn.listed && listed {
            true => focus_in_results(&section, &drawn.rows),
            false => None,
        };
        // One still to put (a render came before the effect) is kept.
        let carried = carried.or_else(|| drawn.carried.take());
        *drawn = Drawn {
            filters_place,
            listed,
            rows,
            carried,
        };
    }
    {
        let section = section.clone();
        use_effect(move || {
            let mut drawn = drawn.borrow_mut();
            if let Some(carried) = drawn.carried.take() {
                focus_again(&section, &carried, &drawn.rows);
            }
        });
    }

    html! {
        <ContextProvider<Rc<Locale>> context={locale.clone()}>
            <section class="openings-board" ref={section} lang={locale.lang.clone()} dir={if locale.rtl { "rtl" } else { "ltr" }}
                data-theme={props.config.theme.key()} aria-label={strings.board_label}>
                <div class="toolbar">
                    <SearchBox value={state.view.query.text.clone()}
                        on_search={dispatch.reform(Action::Search)} />
                    <SortSelect value={sort} on_sort={dispatch.reform(Action::SortBy)} />
                </div>
                <FeedNotices feeds={Rc::new(state.feeds.clone())} max_age_days={props.config.max_age_days} on_retry={on_retry} />
                // A layout of its own with the filters' place and one
                // without (keyed by it): when the place comes or goes (a feed
                // with nothing to filter by, an opening opened), what was
                // drawn is replaced, not pushed aside.
                <div key={if filters_place { "filtered" } else { "alone" }}
                    class={classes!("layout", filters_place.then_some("with-facets"))}>
                    if filters_place {
                        <Filters facets={facets} picked={picked}
                            on_toggle={dispatch.reform(|(f, v)| Action::ToggleFacet(f, v))}
                            on_clear={dispatch.reform(Action::ClearFacet)} facets_wait={props.facets_later}
                            holding={props.holding} />
                    }
                    <div class="results">{ main }</div>
                </div>
            </section>
        </ContextProvider<Rc<Locale>>>
    }
}
