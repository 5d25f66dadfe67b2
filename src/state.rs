//! A board's state and every change to it, as a reducer: each [`Action`] is
//! one named thing that happened (a feed arrived, the reader typed), so the
//! board's behaviour can be tested on the host without a browser.

use std::fmt;
use std::rc::Rc;

use openings_core::catalog::Catalog;
use openings_core::facets::Facet;
use openings_core::feeds::{FeedError, ParsedFeed, Skipped};
use openings_core::model::Opening;
use openings_core::sort::Sort;
/// What the reader is looking at — search, filters, sort, page, open
/// opening — exactly what the page URL holds.
pub use openings_core::url_state::ViewState;

use crate::config::FeedSource;

/// How long a feed may take, headers and body, before the board gives up on it.
pub const FEED_TIMEOUT_SECONDS: u32 = 15;

/// Why a feed could not be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedProblem {
    /// The server answered with an HTTP error.
    Http { status: u16, text: String },
    /// The server could not be reached (down, refused, offline).
    Network,
    /// The server answered, but does not let other sites' pages read it.
    Cors,
    /// No complete answer within [`FEED_TIMEOUT_SECONDS`].
    Timeout,
    /// The URL itself cannot be fetched (not http or https).
    BadUrl,
    /// The answer arrived but is not a feed we can read.
    Feed(FeedError),
}

impl fmt::Display for FeedProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeedProblem::Http { status, text } if text.is_empty() => {
                write!(f, "the server answered HTTP {status}")
            }
            FeedProblem::Http { status, text } => write!(f, "the server answered HTTP {status} ({text})"),
            FeedProblem::Network => f.write_str("the server could not be reached"),
            FeedProblem::Cors => f.write_str(
                "the server does not let other websites read this feed (no CORS permission). \
                 Ask its owner to allow it, or publish a copy beside your site with `openings convert`",
            ),
            FeedProblem::Timeout => {
                write!(f, "no complete answer within {FEED_TIMEOUT_SECONDS} seconds")
            }
            FeedProblem::BadUrl => f.write_str("the address is not an http or https URL"),
            FeedProblem::Feed(e) => e.fmt(f),
        }
    }
}

impl FeedProblem {
    /// Whether the problem may pass by itself (a network hiccup, a server
    /// error, no answer in time), so the board tries again on its own.
    pub fn is_transient(&self) -> bool {
        match self {
            FeedProblem::Network | FeedProblem::Timeout => true,
            FeedProblem::Http { status, .. } => *status >= 500 || *status == 408 || *status == 429,
            _ => false,
        }
    }

    /// Whether trying again may help (a broken file stays broken).
    pub fn is_retryable(&self) -> bool {
        !matches!(
            self,
            FeedProblem::BadUrl
                | FeedProblem::Feed(FeedError::TooLarge { .. } | FeedError::TooDeep)
        )
    }
}

/// A feed shown from its last good copy, because a fresh one could not be had.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedCopy {
    /// When the copy was fetched.
    pub fetched_at: openings_core::dates::Timestamp,
    /// Why no fresh copy could be had.
    pub problem: FeedProblem,
}

/// Where one feed of the board stands.
#[derive(Clone, Debug, PartialEq)]
pub enum FeedStatus {
    Loading,
    Loaded {
        /// Openings this feed added (after de-duplication).
        added: usize,
        skipped: Vec<Skipped>,
        /// Entries past the most a feed may list, not read.
        cut: usize,
        /// Openings not shown for their age (no closing date, past `max-age`).
        stale: usize,
        /// Openings already listed (by this feed or another), shown once.
        merged: usize,
        /// Set when the board shows the feed's saved copy.
        saved: Option<SavedCopy>,
    },
    Failed(FeedProblem),
}

#[derive(Clone, Debug, PartialEq)]
pub struct FeedState {
    /// The feed, its URL made absolute against the host page.
    pub source: FeedSource,
    pub status: FeedStatus,
    /// Openings of this feed already listed while the rest of it arrives.
    pub shown_early: usize,
    /// Of the openings it sent while arriving, those already listed.
    pub merged_early: usize,
    /// Its openings listed are a saved copy's: the feed's next answer (the
    /// reader's Retry, or the board trying again by itself) replaces them,
    /// so that an opening withdrawn since does not stay.
    pub copy_listed: bool,
    /// The first openings of the feed's fresh answer, arriving while its
    /// saved copy is listed: they wait for the rest, and then replace the
    /// copy all at once (the copy's openings stay until then: an opening a
    /// reader has open, or is on, does not go and come back).
    pub waiting: Rc<Vec<Opening>>,
    /// A copy of an opening that a feed listed after this one has listed
    /// was left out of what this feed sent: once no feed is on its way, the
    /// catalog is made anew in the board's order (see
    /// [`Catalog::in_rank_order`]), once for all of them.
    pub displaced: bool,
}

/// What the reader sees as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Nothing to show yet, and feeds still on their way.
    Loading,
    /// Openings (or an empty result) to show.
    Ready,
    /// Every feed failed: nothing to show but the errors.
    Failed,
    /// The board has no feed at all.
    NoFeeds,
}

/// Whether `view` differs from `previous` by the search words alone (and the
/// return to page 1 that typing brings): such a change replaces the page's
/// current history entry instead of adding one per keystroke.
pub fn is_typing(previous: &ViewState, view: &ViewState) -> bool {
    if previous.query.text == view.query.text {
        return false;
    }
    let mut typed = previous.clone();
    typed.query.text = view.query.text.clone();
    typed.page = view.page;
    &typed == view && view.page == 1
}

/// Whether `view` differs from `previous` by the open opening's id alone,
/// one open opening to another: the board has renamed the one the reader
/// reads (see [`BoardState::open_position`]), which replaces the page's
/// history entry (a reader never goes from one opening to another without
/// the list between them).
pub fn is_renamed(previous: &ViewState, view: &ViewState) -> bool {
    let (Some(before), Some(now)) = (&previous.open, &view.open) else {
        return false;
    };
    let mut renamed = previous.clone();
    renamed.open = view.open.clone();
    before != now && &renamed == view
}

/// The board's catalog, shared with the components that show it. Every
/// change makes a new one, so two are the same catalog exactly when they are
/// one allocation: the one way the board and its components tell that the
/// openings changed.
#[derive(Clone, Debug, Default)]
pub struct SharedCatalog(Rc<Catalog>);

impl SharedCatalog {
    pub fn new(catalog: Catalog) -> SharedCatalog {
        SharedCatalog(Rc::new(catalog))
    }
}

impl From<Catalog> for SharedCatalog {
    fn from(catalog: Catalog) -> SharedCatalog {
        SharedCatalog::new(catalog)
    }
}

impl PartialEq for SharedCatalog {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedCatalog {
    type Target = Catalog;
    fn deref(&self) -> &Catalog {
        &self.0
    }
}

/// The catalog without the openings `state`'s feed has listed so far and
/// its answer replaces: those of its saved copy, and (`early`) those it
/// listed while arriving; with the openings renamed meanwhile (see
/// [`Catalog::without_source`]).
fn without_listed(
    catalog: &Catalog,
    state: &mut FeedState,
    early: bool,
) -> (Catalog, Vec<(String, String)>) {
    let copy = std::mem::take(&mut state.copy_listed);
    let mut listed_early = false;
    if early {
        state.merged_early = 0;
        listed_early = std::mem::take(&mut state.shown_early) != 0;
    }
    if copy || listed_early {
        catalog.without_source(&state.source.url)
    } else {
        (catalog.clone(), Vec::new())
    }
}

/// The whole state of one board.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BoardState {
    /// Bumped whenever the feeds start over; answers of an older generation are ignored.
    pub generation: u64,
    pub feeds: Vec<FeedState>,
    pub catalog: SharedCatalog,
    pub view: ViewState,
    /// The opening the reader just closed: its title in the list takes the
    /// focus again, so a keyboard reader goes on from where they were.
    pub closed: Option<String>,
    /// The open opening is a shared link's (or Back's, Forward's), not yet
    /// shown: see [`BoardState::open_position`].
    pub linked: bool,
}

/// What a loaded feed holds, beside the openings its [`Action::FeedPart`]s
/// listed while it arrived.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holds {
    /// Only the openings that came after those: they stay, these join them.
    Rest,
    /// The whole feed (a saved copy): it replaces them.
    Whole,
}

/// Everything that can happen to a board.
#[derive(Debug)]
pub enum Action {
    /// (Re)start with these feeds, their URLs absolute.
    Start {
        generation: u64,
        feeds: Vec<FeedSource>,
    },
    /// The reader asked to load a failed feed again.
    Retry {
        index: usize,
    },
    /// The first openings of a feed still arriving: listed at once.
    FeedPart {
        generation: u64,
        index: usize,
        openings: Vec<Opening>,
    },
    FeedLoaded {
        generation: u64,
        index: usize,
        feed: Box<ParsedFeed>,
        saved: Option<SavedCopy>,
        holds: Holds,
    },
    FeedFailed {
        generation: u64,
        index: usize,
        problem: FeedProblem,
    },
    /// The reader typed in the search box.
    Search(String),
    /// The reader ticked or unticked a facet value.
    ToggleFacet(Facet, String),
    ClearFacet(Facet),
    /// Clear the search and every filter.
    ClearAll,
    SortBy(Sort),
    /// Show page `n` (from 1).
    GoToPage(usize),
    /// Open the opening with this id in the detail view.
    Open(String),
    /// Back to the list.
    Close,
    /// The page URL changed (Back, Forward, a shared link): show what it holds.
    Restore(ViewState),
}

impl BoardState {
    /// Applies one action, giving the next state.
    pub fn apply(&self, action: Action) -> BoardState {
        let mut next = self.clone();
        // The focus goes back to the title of the opening just closed once,
        // when the list is back: after the reader's next step (a search,
        // another page), a row showing that opening must not take the focus
        // from where the reader is.
        if matches!(
            action,
            Action::Search(_)
                | Action::ToggleFacet(..)
                | Action::ClearFacet(_)
                | Action::ClearAll
                | Action::SortBy(_)
                | Action::GoToPage(_)
                | Action::Restore(_)
        ) {
            next.closed = None;
            // A shared link's opening still on its way (in a member's feed
            // still arriving): a reader who searches, filters or pages
            // meanwhile has gone on from it, and it must not open over what
            // they are doing when it comes.
            if self.view.open.is_some() && self.open_position().is_none() {
                next.view.open = None;
            }
        }
        match action {
            Action::Start { generation, feeds } => {
                next.generation = generation;
                next.catalog = SharedCatalog::new(Catalog::new());
                next.feeds = feeds
                    .into_iter()
                    .map(|source| FeedState {
                        source,
                        status: FeedStatus::Loading,
                        shown_early: 0,
                        merged_early: 0,
                        copy_listed: false,
                        waiting: Rc::default(),
                        displaced: false,
                    })
                    .collect();
            }
            Action::Retry { index } => {
                if let Some(feed) = next.feeds.get_mut(index) {
                    feed.status = FeedStatus::Loading;
                    feed.displaced = false;
                    feed.waiting = Rc::default(); // the attempt they came with is over
                }
            }
            Action::FeedPart {
                generation,
                index,
                openings,
            } if generation == self.generation => {
                if let Some(state) = next.feeds.get_mut(index) {
                    if state.copy_listed {
                        Rc::make_mut(&mut state.waiting).extend(openings);
                        return next;
                    }
                    let mut catalog = (*next.catalog).clone();
                    let added = catalog.add(
                        ParsedFeed {
                            openings,
                            ..ParsedFeed::default()
                        },
                        index,
                    );
                    next.catalog = SharedCatalog::new(catalog);
                    state.shown_early += added.new;
                    state.merged_early += added.duplicates;
                    state.displaced |= added.displaced;
                    next.follow(&self.catalog, !added.renamed.is_empty());
                }
            }
            Action::FeedLoaded {
                generation,
                index,
                feed,
                saved,
                holds,
            } if generation == self.generation => {
                if let Some(state) = next.feeds.get_mut(index) {
                    let (skipped, cut, stale) = (feed.skipped.clone(), feed.cut, feed.stale);
                    let (mut catalog, mut renamed) =
                        without_listed(&next.catalog, state, holds == Holds::Whole);
                    state.copy_listed = saved.is_some();
                    let waited = std::mem::take(&mut state.waiting);
                    if holds == Holds::Rest && !waited.is_empty() {
                        let first = catalog.add(
                            ParsedFeed {
                                openings: Rc::unwrap_or_clone(waited),
                                ..ParsedFeed::default()
                            },
                            index,
                        );
                        state.shown_early += first.new;
                        state.merged_early += first.duplicates;
                        state.displaced |= first.displaced;
                        renamed.extend(first.renamed);
                    }
                    let added = catalog.add(*feed, index);
                    renamed.extend(added.renamed);
                    state.displaced |= added.displaced;
                    next.catalog = SharedCatalog::new(catalog);
                    state.status = FeedStatus::Loaded {
                        added: added.new + std::mem::take(&mut state.shown_early),
                        skipped,
                        cut,
                        stale,
                        merged: added.duplicates + std::mem::take(&mut state.merged_early),
                        saved,
                    };
                    next.follow(&self.catalog, !renamed.is_empty());
                }
            }
            Action::FeedFailed {
                generation,
                index,
                problem,
            } if generation == self.generation => {
                if let Some(state) = next.feeds.get_mut(index) {
                    // A feed either loads or fails: the openings it showed
                    // while arriving (or of its saved copy) go with it.
                    let (catalog, renamed) = without_listed(&next.catalog, state, true);
                    next.catalog = SharedCatalog::new(catalog);
                    state.waiting = Rc::default();
                    state.displaced = false;
                    state.status = FeedStatus::Failed(problem);
                    next.follow(&self.catalog, !renamed.is_empty());
                }
            }
            Action::FeedPart { .. } | Action::FeedLoaded { .. } | Action::FeedFailed { .. } => {}
            Action::Search(text) => {
                next.view.query.text = text;
                next.view.page = 1;
            }
            Action::ToggleFacet(facet, value) => {
                next.view.query.toggle(facet, &value);
                next.view.page = 1;
            }
            Action::ClearFacet(facet) => {
                next.view.query.clear(facet);
                next.view.page = 1;
            }
            Action::ClearAll => {
                next.view.query.clear_all();
                next.view.page = 1;
            }
            Action::SortBy(sort) => {
                next.view.sort = Some(sort);
                next.view.page = 1;
            }
            Action::GoToPage(page) => next.view.page = page.max(1),
            Action::Open(id) => {
                next.view.open = Some(id);
                next.closed = None;
                next.linked = false;
            }
            Action::Close => next.closed = next.view.open.take(),
            Action::Restore(view) => {
                // Back from an opening to the list: the focus goes back to
                // its title, as after the board's own Back.
                if view.open.is_none() {
                    next.closed = self.view.open.clone();
                }
                // Back or Forward to another opening: a link's. The same
                // one (a navigation of the host page, or of another board)
                // stays as it was.
                if view.open != self.view.open {
                    next.linked = view.open.is_some();
                }
                next.view = view;
            }
        }
        // Copies of openings listed from feeds after their own's: once the
        // feeds are in, the catalog is made anew in the board's order (once
        // a load, not once a feed: each time is the whole catalog).
        if next.feeds.iter().any(|f| f.displaced) && !next.is_loading() {
            let before = next.catalog.clone();
            next.catalog = SharedCatalog::new(before.in_rank_order().0);
            // Each feed's notice counts what it lists now, and its copies.
            let counts = next.catalog.counts_by_source();
            for feed in &mut next.feeds {
                feed.displaced = false;
                if let FeedStatus::Loaded { added, merged, .. } = &mut feed.status {
                    let (listed, copies) = counts
                        .get(feed.source.url.as_str())
                        .copied()
                        .unwrap_or_default();
                    (*added, *merged) = (listed, copies);
                }
            }
            next.follow(&before, true);
        }
        // A shared link's opening, once the board shows it, is the reader's,
        // by the id it is listed under (a link may name it otherwise: by its
        // feed's place, `7~2`, or by another feed's copy's id), which then
        // follows it as it is renamed.
        if next.linked {
            if let Some(index) = next.open_position() {
                next.linked = false;
                next.view.open = next.catalog.get(index).map(|o| o.id.clone());
            }
        }
        next
    }

    /// The place in the catalog of the opening the reader has open, if it
    /// is here to show. A shared link's (or Back's, Forward's) waits while
    /// a feed listed before the one that has it is still loading: that
    /// feed's opening of the same id, if it has one, is the one the link
    /// means (the first feed's "7" is "7", the third's "7~3").
    ///
    /// A link that names its feed (`7~3`, the third feed's "7") or the
    /// duplicate of the opening listed does not wait.
    pub fn open_position(&self) -> Option<usize> {
        let id = self.view.open.as_deref()?;
        let index = self.catalog.position(id)?;
        let listed_as_linked = self.catalog.get(index).is_some_and(|o| o.id == id);
        let rank = self.catalog.rank(index).unwrap_or_default();
        let waiting = self.linked
            && listed_as_linked
            && self
                .feeds
                .iter()
                .take(rank)
                .any(|f| f.status == FeedStatus::Loading);
        (!waiting).then_some(index)
    }

    /// The open opening, and the one just closed, keep their ids as the
    /// catalog renames them (see [`Catalog::add`]; `renamed`: it did): the
    /// reader goes on reading the opening they had, found by its key in the
    /// catalog `before`. A shared link's not yet shown keeps its id: the
    /// link means the opening that has it now.
    fn follow(&mut self, before: &Catalog, renamed: bool) {
        if !renamed {
            return;
        }
        let moved = |id: &str| {
            let key = before.key(before.position(id)?)?;
            let now = self.catalog.find_key(key)?;
            self.catalog.get(now).map(|o| o.id.clone())
        };
        let open = self
            .view
            .open
            .as_deref()
            .filter(|_| !self.linked)
            .and_then(moved);
        let closed = self.closed.as_deref().and_then(moved);
        if let Some(open) = open {
            self.view.open = Some(open);
        }
        if let Some(closed) = closed {
            self.closed = Some(closed);
        }
    }

    /// A fresh board showing what a shared link (or the page URL) asks for.
    pub fn with_view(view: ViewState) -> BoardState {
        BoardState {
            linked: view.open.is_some(),
            view,
            ..BoardState::default()
        }
    }

    /// Whether a feed is still on its way (its first openings may be listed).
    pub fn is_loading(&self) -> bool {
        self.feeds.iter().any(|f| f.status == FeedStatus::Loading)
    }

    pub fn phase(&self) -> Phase {
        if self.feeds.is_empty() {
            return Phase::NoFeeds;
        }
        if !self.catalog.is_empty() {
            return Phase::Ready;
        }
        let loading = self.is_loading();
        let all_failed = self
            .feeds
            .iter()
            .all(|f| matches!(f.status, FeedStatus::Failed(_)));
        if loading {
            Phase::Loading
        } else if all_failed {
            Phase::Failed
        } else {
            Phase::Ready
        }
    }

    /// Feeds that failed, with their index (for Retry).
    pub fn failures(&self) -> impl Iterator<Item = (usize, &FeedState, &FeedProblem)> {
        self.feeds
            .iter()
            .enumerate()
            .filter_map(|(i, f)| match &f.status {
                FeedStatus::Failed(problem) => Some((i, f, problem)),
                _ => None,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use openings_core::catalog::Query;

    fn source(url: &str) -> FeedSource {
        FeedSource {
            url: url.into(),
            format: None,
        }
    }

    fn feed(titles: &[&str]) -> Box<ParsedFeed> {
        Box::new(ParsedFeed {
            openings: titles
                .iter()
                .map(|t| Opening {
                    id: t.to_string(),
                    title: t.to_string(),
                    apply_url: format!("https://jobs.example/{t}"),
                    ..Opening::default()
                })
                .collect(),
            ..ParsedFeed::default()
        })
    }

    fn started(urls: &[&str]) -> BoardState {
        BoardState::default().apply(Action::Start {
            generation: 1,
            feeds: urls.iter().map(|u| source(u)).collect(),
        })
    }

    #[test]
    fn a_board_loads_until_its_first_feed_arrives() {
        let state = started(&["https://a.example/1", "https://b.example/2"]);
        assert_eq!(state.phase(), Phase::Loading);
        let state = state.apply(Action::FeedLoaded {
            generation: 1,
            index: 1,
            saved: None,
            holds: Holds::Whole,
            feed: feed(&["Archivist"]),
        });
        assert_eq!(
            state.phase(),
            Phase::Ready,
            "openings show as soon as one feed is in"
        );
        assert_eq!(state.catalog.len(), 1);
    }

    fn openings_from(url: &str, titles: &[&str]) -> Vec<Opening> {
        let mut openings = feed(titles).openings;
        openings.iter_mut().for_each(|o| o.source = url.to_string());
        openings
    }

    /// Feed `index` (from `url`) arrived: these titles, the rest of the
    /// feed or all of it.
    fn loaded(index: usize, url: &str, titles: &[&str], holds: Holds) -> Action {
        Action::FeedLoaded {
            generation: 1,
            index,
            feed: Box::new(ParsedFeed {
                openings: openings_from(url, titles),
                ..ParsedFeed::default()
            }),
            saved: None,
            holds,
        }
    }

    fn titles(state: &BoardState) -> Vec<&str> {
        state.catalog.openings().map(|o| o.title.as_str()).collect()
    }

    #[test]
    fn a_large_feed_lists_its_first_openings_while_the_rest_arrives() {
        let a = "https://a.example/1";
        let state = started(&[a]).apply(Action::FeedPart {
            generation: 1,
            index: 0,
            openings: openings_from(a, &["Archivist", "Curator"]),
        });
        assert_eq!(state.phase(), Phase::Ready);
        assert!(state.is_loading(), "the count says more are coming");
        assert_eq!(titles(&state), ["Archivist", "Curator"]);
        let state = state.apply(loaded(0, a, &["Conservator"], Holds::Rest));
        assert!(!state.is_loading());
        assert_eq!(titles(&state), ["Archivist", "Curator", "Conservator"]);
        assert!(
            matches!(state.feeds[0].status, FeedStatus::Loaded { added: 3, .. }),
            "{:?}",
            state.feeds[0].status
        );
    }

    #[test]
    fn a_feed_that_fails_halfway_takes_its_early_openings_with_it() {
        let (a, b) = ("https://a.example/1", "https://b.example/2");
        let state = started(&[a, b])
            .apply(loaded(1, b, &["Librarian"], Holds::Rest))
            .apply(Action::FeedPart {
                generation: 1,
                index: 0,
                openings: openings_from(a, &["Archivist"]),
            });
        assert_eq!(titles(&state), ["Librarian", "Archivist"]);
        let failed = state.apply(Action::FeedFailed {
            generation: 1,
            index: 0,
            problem: FeedProblem::Feed(FeedError::NotJson("cut off".into())),
        });
        assert_eq!(titles(&failed), ["Librarian"]);
        assert_eq!(
            failed.catalog.search(&Query::text("archivist")),
            Vec::<usize>::new()
        );
        // Its saved copy, read whole, replaces what it showed early.
        let saved = state.apply(loaded(0, a, &["Archivist", "Curator"], Holds::Whole));
        assert_eq!(titles(&saved), ["Librarian", "Archivist", "Curator"]);
    }

    /// Feed `index` (from `url`) answered with its saved copy of these titles.
    fn copy(index: usize, url: &str, titles: &[&str]) -> Action {
        let Action::FeedLoaded {
            generation,
            index,
            feed,
            ..
        } = loaded(index, url, titles, Holds::Whole)
        else {
            unreachable!()
        };
        Action::FeedLoaded {
            generation,
            index,
            feed,
            saved: Some(SavedCopy {
                fetched_at: openings_core::dates::Timestamp(0),
                problem: FeedProblem::Timeout,
            }),
            holds: Holds::Whole,
        }
    }

    #[test]
    fn a_saved_copy_is_replaced_by_the_feeds_next_answer() {
        let (a, b) = ("https://a.example/1", "https://b.example/2");
        let shown = started(&[a, b])
            .apply(loaded(1, b, &["Librarian"], Holds::Whole))
            .apply(copy(0, a, &["Archivist", "Withdrawn"]));
        assert_eq!(titles(&shown), ["Librarian", "Archivist", "Withdrawn"]);
        let retried = shown.apply(Action::Retry { index: 0 });
        assert_eq!(
            titles(&retried),
            ["Librarian", "Archivist", "Withdrawn"],
            "the copy stays listed while the feed is asked again"
        );
        // The fresh feed, without the opening withdrawn since.
        let fresh = retried.apply(loaded(0, a, &["Archivist"], Holds::Whole));
        assert_eq!(titles(&fresh), ["Librarian", "Archivist"]);
        assert!(
            matches!(
                fresh.feeds[0].status,
                FeedStatus::Loaded {
                    added: 1,
                    merged: 0,
                    saved: None,
                    ..
                }
            ),
            "{:?}",
            fresh.feeds[0].status
        );
        // In parts: the first part waits for the rest, the copy listed till
        // then (an opening a reader has open does not go and come back).
        let part = retried.apply(Action::FeedPart {
            generation: 1,
            index: 0,
            openings: openings_from(a, &["Registrar"]),
        });
        assert_eq!(titles(&part), ["Librarian", "Archivist", "Withdrawn"]);
        let rest = part.apply(loaded(0, a, &["Archivist"], Holds::Rest));
        assert_eq!(titles(&rest), ["Librarian", "Registrar", "Archivist"]);
        assert!(
            matches!(
                rest.feeds[0].status,
                FeedStatus::Loaded {
                    added: 2,
                    merged: 0,
                    saved: None,
                    ..
                }
            ),
            "{:?}",
            rest.feeds[0].status
        );
        // A part that repeats the opening of a feed listed after it: once
        // in, its copy is the one listed, and the later feed's notice says
        // its own repeats one.
        let repeating = retried
            .apply(Action::FeedPart {
                generation: 1,
                index: 0,
                openings: openings_from(a, &["Librarian"]),
            })
            .apply(loaded(0, a, &["Archivist"], Holds::Rest));
        assert_eq!(titles(&repeating), ["Librarian", "Archivist"]);
        assert_eq!(repeating.catalog.get(0).map(|o| o.source.as_str()), Some(a));
        let counts: Vec<String> = repeating
            .feeds
            .iter()
            .map(|f| match &f.status {
                FeedStatus::Loaded { added, merged, .. } => format!("{added}+{merged}"),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(counts, ["2+0", "0+1"]);
        // The attempt fails halfway: its copy again, without the part.
        let copy_again = part.apply(copy(0, a, &["Archivist", "Withdrawn"]));
        assert_eq!(titles(&copy_again), ["Librarian", "Archivist", "Withdrawn"]);
        // The reader's Retry starts anew: the part of the attempt before is gone.
        let anew =
            part.apply(Action::Retry { index: 0 })
                .apply(loaded(0, a, &["Archivist"], Holds::Rest));
        assert_eq!(titles(&anew), ["Librarian", "Archivist"]);
        // It fails: the part goes with the copy.
        let failed = part.apply(Action::FeedFailed {
            generation: 1,
            index: 0,
            problem: FeedProblem::Timeout,
        });
        assert_eq!(titles(&failed), ["Librarian"]);
        assert!(failed.feeds[0].waiting.is_empty());
        // The copy again (the feed still down): listed once, nothing merged.
        let again = retried.apply(copy(0, a, &["Archivist", "Withdrawn"]));
        assert_eq!(titles(&again), ["Librarian", "Archivist", "Withdrawn"]);
        assert!(
            matches!(
                again.feeds[0].status,
                FeedStatus::Loaded {
                    added: 2,
                    merged: 0,
                    ..
                }
            ),
            "{:?}",
            again.feeds[0].status
        );
        // No copy left to show (too old by now): the feed fails, and its
        // copy's openings go with it.
        let failed = retried.apply(Action::FeedFailed {
            generation: 1,
            index: 0,
            problem: FeedProblem::Timeout,
        });
        assert_eq!(titles(&failed), ["Librarian"]);
        // Answered again while its copy is shown (the board tries again by itself).
        let fresh = shown.apply(loaded(0, a, &["Archivist"], Holds::Whole));
        assert_eq!(titles(&fresh), ["Librarian", "Archivist"]);
    }

    #[test]
    fn when_every_feed_fails_the_board_shows_the_errors() {
        let state = started(&["https://a.example/1"]).apply(Action::FeedFailed {
            generation: 1,
            index: 0,
            problem: FeedProblem::Http {
                status: 404,
                text: "Not Found".into(),
            },
        });
        assert_eq!(state.phase(), Phase::Failed);
        let (index, _, problem) = state.failures().next().unwrap();
        assert_eq!(index, 0);
        assert_eq!(
            problem.to_string(),
            "the server answered HTTP 404 (Not Found)"
        );
        assert_eq!(
            state.apply(Action::Retry { index: 0 }).phase(),
            Phase::Loading
        );
    }

    #[test]
    fn a_failing_feed_beside_a_working_one_keeps_the_openings() {
        let state = started(&["https://a.example/1", "https://b.example/2"])
            .apply(Action::FeedFailed {
                generation: 1,
                index: 0,
                problem: FeedProblem::Timeout,
            })
            .apply(Action::FeedLoaded {
                generation: 1,
                index: 1,
                saved: None,
                holds: Holds::Whole,
                feed: feed(&["Curator", "Conservator"]),
            });
        assert_eq!(state.phase(), Phase::Ready);
        assert_eq!(state.catalog.len(), 2);
        assert_eq!(state.failures().count(), 1);
    }

    #[test]
    fn answers_for_replaced_feeds_are_ignored() {
        let state = started(&["https://a.example/1"])
            .apply(Action::Start {
                generation: 2,
                feeds: vec![source("https://c.example/3")],
            })
            .apply(Action::FeedLoaded {
                generation: 1,
                index: 0,
                saved: None,
                holds: Holds::Whole,
                feed: feed(&["Stale"]),
            });
        assert_eq!(state.catalog.len(), 0);
        assert_eq!(state.phase(), Phase::Loading);
    }

    #[test]
    fn a_shared_opening_still_on_its_way_is_dropped_when_the_reader_goes_on() {
        let url = "https://a.example/1";
        let linked = |open: &str| {
            BoardState::with_view(ViewState {
                open: Some(open.to_string()),
                ..ViewState::default()
            })
            .apply(Action::Start {
                generation: 1,
                feeds: vec![source(url), source("https://b.example/2")],
            })
            .apply(loaded(0, url, &["Archivist"], Holds::Whole))
        };
        let here = linked("x")
            .catalog
            .get(0)
            .map(|o| o.id.clone())
            .unwrap_or_default();
        let reader_went_on = || {
            [
                Action::Search("curator".into()),
                Action::ToggleFacet(Facet::Workplace, "remote".into()),
                Action::ClearFacet(Facet::Workplace),
                Action::ClearAll,
                Action::SortBy(Sort::Title),
                Action::GoToPage(2),
            ]
        };
        for (pending, open) in reader_went_on().into_iter().zip(reader_went_on()) {
            // The other feed may still bring it: the reader went on meanwhile.
            let what = format!("{pending:?}");
            assert_eq!(
                linked("coming-later").apply(pending).view.open,
                None,
                "{what}"
            );
            // One that is here is open, and stays so.
            let open = linked(&here).apply(open).view.open;
            assert_eq!(open.as_deref(), Some(here.as_str()), "{what}");
        }
        // Feeds arriving are not the reader going on.
        let arriving = linked("coming-later").apply(loaded(
            1,
            "https://b.example/2",
            &["Curator"],
            Holds::Whole,
        ));
        assert_eq!(arriving.view.open.as_deref(), Some("coming-later"));
    }

    #[test]
    fn the_browsers_back_from_an_opening_gives_the_focus_back_to_it() {
        let open = |id: &str| ViewState {
            open: Some(id.to_string()),
            ..ViewState::default()
        };
        let opened = started(&["https://a.example/1"]).apply(Action::Open("a".into()));
        let back = opened.apply(Action::Restore(ViewState::default()));
        assert_eq!(back.closed.as_deref(), Some("a"));
        // Forward to another opening, or back to the list from the list: no.
        assert_eq!(opened.apply(Action::Restore(open("b"))).closed, None);
        let listed = started(&["https://a.example/1"]);
        assert_eq!(
            listed.apply(Action::Restore(ViewState::default())).closed,
            None
        );
    }

    #[test]
    fn searching_filtering_and_sorting_go_back_to_the_first_page() {
        let on_page_3 = started(&["https://a.example/1"]).apply(Action::GoToPage(3));
        assert_eq!(on_page_3.view.page, 3);
        for action in [
            Action::Search("archivist".into()),
            Action::ToggleFacet(Facet::Workplace, "remote".into()),
            Action::ClearAll,
            Action::SortBy(Sort::Title),
        ] {
            assert_eq!(on_page_3.apply(action).view.page, 1);
        }
        let searched = on_page_3.apply(Action::Search("archivist".into()));
        assert_eq!(searched.view.query.text, "archivist");
    }

    #[test]
    fn facet_values_toggle_and_clear() {
        let state = started(&["https://a.example/1"])
            .apply(Action::ToggleFacet(Facet::Organization, "Wellcome".into()))
            .apply(Action::ToggleFacet(
                Facet::Organization,
                "British Library".into(),
            ))
            .apply(Action::ToggleFacet(Facet::Workplace, "remote".into()));
        assert_eq!(
            state.view.query.selected(Facet::Organization),
            ["Wellcome", "British Library"]
        );
        let state = state.apply(Action::ToggleFacet(Facet::Organization, "Wellcome".into()));
        assert_eq!(
            state.view.query.selected(Facet::Organization),
            ["British Library"]
        );
        let state = state.apply(Action::ClearFacet(Facet::Organization));
        assert!(state.view.query.selected(Facet::Organization).is_empty());
        assert_eq!(state.view.query.selected(Facet::Workplace), ["remote"]);
    }

    #[test]
    fn an_opening_opens_and_closes_and_a_link_restores_everything() {
        let state = started(&["https://a.example/1"]).apply(Action::Open("job-7".into()));
        assert_eq!(state.view.open.as_deref(), Some("job-7"));
        assert_eq!(state.apply(Action::Close).view.open, None);
        let shared = openings_core::url_state::decode("q:curator;sort:closing;page:2;open:job-9");
        let restored = state.apply(Action::Restore(shared.clone()));
        assert_eq!(restored.view, shared);
        assert_eq!(
            restored.catalog.len(),
            state.catalog.len(),
            "restoring keeps the openings"
        );
    }

    /// Back in the list, the title of the opening just closed takes the
    /// focus again, once: the reader's next step (a search, a filter, a
    /// sort, another page, the browser's Back) or opening another forgets
    /// it, so that no row showing that opening takes the focus later.
    #[test]
    fn the_opening_just_closed_is_remembered_until_the_readers_next_step() {
        let state = started(&["https://a.example/1"]).apply(Action::Open("job-7".into()));
        assert_eq!(state.closed, None);
        let closed = state.apply(Action::Close);
        assert_eq!(closed.closed.as_deref(), Some("job-7"));
        for step in [
            Action::Search("x".into()),
            Action::ToggleFacet(Facet::Country, "NL".into()),
            Action::ClearFacet(Facet::Country),
            Action::ClearAll,
            Action::SortBy(Sort::Title),
            Action::GoToPage(2),
            Action::Restore(ViewState::default()),
            Action::Open("job-8".into()),
        ] {
            let label = format!("{step:?}");
            let after = closed.apply(step);
            assert_eq!(after.closed, None, "{label}");
        }
        // …and the step itself is taken.
        let searched = closed.apply(Action::Search("x".into()));
        assert_eq!(searched.view.query.text, "x");
        assert_eq!(closed.apply(Action::GoToPage(2)).view.page, 2);
        assert_eq!(
            started(&["https://a.example/1"])
                .apply(Action::Close)
                .closed,
            None,
            "nothing was open"
        );
    }

    #[test]
    fn only_passing_problems_are_retried_automatically() {
        let http = |status| FeedProblem::Http {
            status,
            text: String::new(),
        };
        assert!(FeedProblem::Timeout.is_transient());
        assert!(FeedProblem::Network.is_transient());
        assert!(http(503).is_transient());
        assert!(!http(404).is_transient(), "a missing feed stays missing");
        assert!(
            http(404).is_retryable(),
            "…but the reader may still ask again"
        );
        assert!(!FeedProblem::Feed(FeedError::TooDeep).is_retryable());
    }

    #[test]
    fn typing_replaces_history_but_paging_and_filtering_add_to_it() {
        let start = started(&["https://a.example/1"]);
        let filtered = start.apply(Action::ToggleFacet(Facet::Workplace, "remote".into()));
        let typed = filtered.apply(Action::Search("arch".into()));
        assert!(is_typing(&filtered.view, &typed.view), "a keystroke");
        let paged = typed.apply(Action::GoToPage(2));
        assert!(
            !is_typing(&typed.view, &paged.view),
            "a new page is a step Back can undo"
        );
        let ticked = typed.apply(Action::ToggleFacet(Facet::Organization, "Wellcome".into()));
        assert!(!is_typing(&typed.view, &ticked.view));
        let opened = typed.apply(Action::Open("job-1".into()));
        assert!(!is_typing(&typed.view, &opened.view));
        let typed_from_page_2 = paged.apply(Action::Search("archivist".into()));
        assert!(
            is_typing(&paged.view, &typed_from_page_2.view),
            "typing goes back to page 1"
        );
    }

    #[test]
    fn a_board_without_feeds_says_so() {
        assert_eq!(BoardState::default().phase(), Phase::NoFeeds);
    }

    const A: &str = "https://a.example/jobs.json";
    const B: &str = "https://b.example/jobs.json";

    /// An opening of feed `url`: `id`, `title` at `org`, applied for at `apply`.
    fn posting(url: &str, id: &str, title: &str, org: &str, apply: &str) -> Opening {
        Opening {
            id: id.into(),
            title: title.into(),
            apply_url: apply.into(),
            organization: openings_core::model::Organization {
                name: org.into(),
                ..Default::default()
            },
            source: url.into(),
            ..Opening::default()
        }
    }

    /// Feed `index` arrived whole with these openings.
    fn whole(index: usize, openings: Vec<Opening>) -> Action {
        Action::FeedLoaded {
            generation: 1,
            index,
            feed: Box::new(ParsedFeed {
                openings,
                ..ParsedFeed::default()
            }),
            saved: None,
            holds: Holds::Whole,
        }
    }

    /// Feed `index` (from `url`) arrived with one opening "7", `title`: two
    /// member institutions that number their openings alike.
    fn seven(index: usize, url: &str, title: &str) -> Action {
        let apply = format!("{url}/apply/7");
        whole(index, vec![posting(url, "7", title, url, &apply)])
    }

    /// A board of Museum A's feed and Museum B's, opened by a link to `id`.
    fn linked_to(id: &str) -> BoardState {
        BoardState::with_view(ViewState {
            open: Some(id.into()),
            ..ViewState::default()
        })
        .apply(Action::Start {
            generation: 1,
            feeds: vec![source(A), source(B)],
        })
    }

    fn open_title(state: &BoardState) -> Option<&str> {
        let opening = state.catalog.get(state.open_position()?)?;
        Some(opening.title.as_str())
    }

    fn failed(index: usize) -> Action {
        Action::FeedFailed {
            generation: 1,
            index,
            problem: FeedProblem::Network,
        }
    }

    /// A link to Museum A's "7" (the board's first feed's) on a load where
    /// Museum B's feed comes first: it opened Museum B's "7", which was
    /// listed as "7" until Museum A's came.
    #[test]
    fn a_shared_link_waits_for_the_feeds_listed_before_the_one_with_its_id() {
        let state = linked_to("7").apply(seven(1, B, "Beta Seven"));
        assert_eq!(
            open_title(&state),
            None,
            "Museum B's opened while Museum A's was on its way"
        );
        assert!(state.linked);
        assert_eq!(
            state.view.open.as_deref(),
            Some("7"),
            "the link is still waited for"
        );
        let state = state.apply(seven(0, A, "Alpha Seven"));
        assert_eq!(open_title(&state), Some("Alpha Seven"));
        assert_eq!(state.view.open.as_deref(), Some("7"));
        assert!(!state.linked, "shown, the opening is the reader's");
        // Museum A's feed failed: Museum B's "7" is the one there is.
        let state = linked_to("7")
            .apply(seven(1, B, "Beta Seven"))
            .apply(failed(0));
        assert_eq!(open_title(&state), Some("Beta Seven"));
        // A link in the board's order waits for nothing.
        let state = linked_to("7").apply(seven(0, A, "Alpha Seven"));
        assert_eq!(open_title(&state), Some("Alpha Seven"));
        // Back to Museum B's "7" from the list: it waits as a link does.
        let state = linked_to("7~2")
            .apply(seven(1, B, "Beta Seven"))
            .apply(Action::Restore(ViewState::default()))
            .apply(Action::Restore(ViewState {
                open: Some("7".into()),
                ..ViewState::default()
            }));
        assert!(state.linked);
        assert_eq!(open_title(&state), None);
    }

    /// A link that names Museum B's feed (`7~2`) opens its "7" before
    /// Museum A's feed is in, and goes on showing it when that feed comes.
    #[test]
    fn a_shared_link_that_names_its_feed_opens_at_once() {
        let state = linked_to("7~2").apply(seven(1, B, "Beta Seven"));
        assert_eq!(open_title(&state), Some("Beta Seven"));
        assert!(!state.linked);
        assert_eq!(
            state.view.open.as_deref(),
            Some("7"),
            "shown, it is the reader's by the id it is listed under"
        );
        let state = state.apply(seven(0, A, "Alpha Seven"));
        assert_eq!(open_title(&state), Some("Beta Seven"));
        assert_eq!(state.view.open.as_deref(), Some("7~2"));
    }

    /// The reader opened Museum B's "7" before Museum A's feed came: when
    /// it comes, and takes the id "7", the reader's opening is renamed
    /// ("7~2") and stays open. It turned into Museum A's under the reader.
    #[test]
    fn the_open_opening_keeps_its_id_when_a_feed_listed_before_it_renames_it() {
        let state = started(&[A, B])
            .apply(seven(1, B, "Beta Seven"))
            .apply(Action::Open("7".into()));
        assert_eq!(open_title(&state), Some("Beta Seven"));
        let state = state.apply(seven(0, A, "Alpha Seven"));
        assert_eq!(
            open_title(&state),
            Some("Beta Seven"),
            "it turned into another"
        );
        assert_eq!(state.view.open.as_deref(), Some("7~2"));
        // The opening just closed, whose title takes the focus back, too.
        let state = started(&[A, B])
            .apply(seven(1, B, "Beta Seven"))
            .apply(Action::Open("7".into()))
            .apply(Action::Close)
            .apply(seven(0, A, "Alpha Seven"));
        assert_eq!(state.closed.as_deref(), Some("7~2"));
        // Renamed by Museum A's first part, while the rest of its feed
        // arrives.
        let part_of_a = Action::FeedPart {
            generation: 1,
            index: 0,
            openings: vec![posting(A, "7", "Alpha Seven", A, &format!("{A}/apply/7"))],
        };
        let state = started(&[A, B])
            .apply(seven(1, B, "Beta Seven"))
            .apply(Action::Open("7".into()))
            .apply(part_of_a);
        assert_eq!(state.view.open.as_deref(), Some("7~2"));
        // Museum A's feed fails after its first part: Museum B's "7" has
        // its id back, and the reader's opening follows it.
        let state = state.apply(failed(0));
        assert_eq!(open_title(&state), Some("Beta Seven"));
        assert_eq!(state.view.open.as_deref(), Some("7"));
    }

    /// A navigation that leaves this board's opening as it was (the host
    /// page's own Back to an anchor, another board's) does not make it a
    /// link's again: it closed the reader's opening until Museum A's feed
    /// came, and then opened Museum A's "7" in its place.
    #[test]
    fn a_navigation_that_leaves_the_open_opening_keeps_it_the_readers() {
        let state = started(&[A, B])
            .apply(seven(1, B, "Beta Seven"))
            .apply(Action::Open("7".into()));
        let state = state.apply(Action::Restore(state.view.clone()));
        assert!(!state.linked);
        assert_eq!(open_title(&state), Some("Beta Seven"));
        let state = state.apply(seven(0, A, "Alpha Seven"));
        assert_eq!(open_title(&state), Some("Beta Seven"));
        assert_eq!(state.view.open.as_deref(), Some("7~2"));
    }

    /// A copy of Museum A's opening in a feed listed after Museum A's (a
    /// hostile one: another Apply link), come first: once Museum A's feed
    /// is all in, Museum A's own copy is listed, and the reader who had
    /// the copy open reads Museum A's. The copy that came first stayed.
    #[test]
    fn the_copy_of_the_feed_listed_first_is_listed_once_that_feed_is_in() {
        let keeper =
            |url: &str, id: &str, apply: &str| posting(url, id, "Keeper", "Museum A", apply);
        let real = "https://museum-a.example/apply/7";
        let state = started(&[A, B])
            .apply(whole(
                1,
                vec![keeper(B, "h-1", "https://evil.example/phish")],
            ))
            .apply(Action::Open("h-1".into()))
            .apply(Action::FeedPart {
                generation: 1,
                index: 0,
                openings: vec![keeper(A, "7", real)],
            });
        let apply_open = |state: &BoardState| {
            let opening = state.catalog.get(state.open_position()?)?;
            Some(opening.apply_url.clone())
        };
        assert_eq!(
            apply_open(&state).as_deref(),
            Some("https://evil.example/phish"),
            "nothing moves while Museum A's feed arrives"
        );
        let state = state.apply(loaded(0, A, &[], Holds::Rest));
        assert_eq!(state.catalog.len(), 1);
        // Each feed's notice says what it lists now: Museum A's copy, the
        // other feed's left out as a copy.
        let counts: Vec<(usize, usize)> = state
            .feeds
            .iter()
            .map(|f| match f.status {
                FeedStatus::Loaded { added, merged, .. } => (added, merged),
                _ => (9, 9),
            })
            .collect();
        assert_eq!(counts, [(1, 0), (0, 1)]);
        assert_eq!(
            state.catalog.get(0).map(|o| o.apply_url.as_str()),
            Some(real)
        );
        assert_eq!(apply_open(&state).as_deref(), Some(real));
        assert!(!state.feeds[0].displaced);
    }

    /// The reader has open a later feed's copy of Museum A's opening,
    /// listed as "7" (another member's own "7" is "7~3" meanwhile): when
    /// Museum A's feed is in and its copy is listed instead, the reader
    /// reads Museum A's, not the other member's "7", whose id it is now.
    /// The catalog is made anew once the feeds are in, not once a feed.
    #[test]
    fn the_open_copy_that_gives_way_goes_on_as_the_copy_listed() {
        const C: &str = "https://c.example/jobs.json";
        let one = |url: &str, id: &str, title: &str, org: &str, apply: &str| {
            vec![posting(url, id, title, org, apply)]
        };
        let loaded = whole;
        let real = "https://museum-a.example/apply/a-1";
        // Three feeds; the second's copy of Museum A's opening is in first.
        let copy_in = || {
            BoardState::default()
                .apply(Action::Start {
                    generation: 1,
                    feeds: vec![source(A), source(B), source(C)],
                })
                .apply(loaded(
                    1,
                    one(B, "7", "Keeper", "Museum A", "https://b.example/7"),
                ))
        };
        let state = copy_in()
            .apply(loaded(
                2,
                one(C, "7", "Gardener", "Museum C", "https://c.example/7"),
            ))
            .apply(Action::Open("7".into()));
        assert_eq!(open_title(&state), Some("Keeper"));
        let state = state.apply(loaded(0, one(A, "a-1", "Keeper", "Museum A", real)));
        assert_eq!(open_title(&state), Some("Keeper"), "{:?}", state.view.open);
        let open = state.catalog.get(state.open_position().unwrap()).unwrap();
        assert_eq!(open.apply_url, real);
        assert_eq!(state.view.open.as_deref(), Some("a-1"));
        assert_eq!(state.catalog.len(), 2);
        // While a feed is still on its way, nothing is made anew.
        let state = copy_in().apply(loaded(0, one(A, "a-1", "Keeper", "Museum A", real)));
        assert!(state.feeds[0].displaced);
        assert_eq!(state.catalog.get(0).map(|o| o.id.as_str()), Some("7"));
        let state = state.apply(failed(2));
        assert!(!state.feeds[0].displaced);
        assert_eq!(
            state.catalog.get(0).map(|o| o.apply_url.as_str()),
            Some(real)
        );
    }

    #[test]
    fn only_the_open_opening_renamed_replaces_the_history_entry() {
        let open = |id: Option<&str>| ViewState {
            open: id.map(Into::into),
            ..ViewState::default()
        };
        assert!(is_renamed(&open(Some("7")), &open(Some("7~2"))));
        assert!(!is_renamed(&open(Some("7")), &open(Some("7"))));
        assert!(!is_renamed(&open(None), &open(Some("7"))));
        assert!(!is_renamed(&open(Some("7")), &open(None)));
        let mut paged = open(Some("7~2"));
        paged.page = 2;
        assert!(!is_renamed(&open(Some("7")), &paged));
    }
}
