//! The list of matching openings on the current page, or what it says
//! instead while it has none to show (that they load, that none match):
//! the board draws it in every phase, so that its first openings come in
//! the list that said they load (see `BoardView`). Rows are keyed by
//! their place on the page, not by opening: a search usually brings a whole
//! new page, and patching the texts and links of the rows already drawn is
//! far cheaper than removing them all and building new ones. Keyed at all,
//! because Yew matches unkeyed rows from the end: a list that grows (the
//! first screen, then the whole page) would get its new rows in front of the
//! ones drawn, which then move down the page under the reader — a layout
//! shift the host page is charged for (Core Web Vitals' CLS).

use std::rc::Rc;

use openings_core::dates::Timestamp;
use yew::prelude::*;

use crate::state::SharedCatalog;

use super::listing::Listing;

#[derive(Properties)]
pub struct ListingsProps {
    pub catalog: SharedCatalog,
    /// Catalog indices of the openings on this page, in display order.
    pub matches: Rc<Vec<usize>>,
    pub now: Timestamp,
    /// An opening's own link on the host page, from its id.
    pub link: Callback<String, AttrValue>,
    pub on_open: Callback<usize>,
    pub on_apply: Callback<usize>,
    /// The id of the opening whose title takes the focus (the one just closed).
    #[prop_or_default]
    pub focus: Option<String>,
    /// What the list says instead of openings while it has none to show:
    /// that they are loading, that none match. The board draws its list in
    /// every phase (see `BoardView`), so that the first openings come in
    /// the list that said they were loading.
    #[prop_or_default]
    pub status: Option<Html>,
}

impl PartialEq for ListingsProps {
    fn eq(&self, other: &Self) -> bool {
        self.catalog == other.catalog
            && self.matches == other.matches
            && self.now.0 / 60_000 == other.now.0 / 60_000
            && self.focus == other.focus
            && self.status == other.status
    }
}

/// A focus in the list goes with its opening when the rows are drawn again
/// with other openings (see [`follow_focus`](crate::embed::follow_focus)).
#[cfg(target_arch = "wasm32")]
fn follow_focus(list: &web_sys::Element, moves: &[Option<usize>]) {
    crate::embed::follow_focus(list, moves);
}

#[cfg(not(target_arch = "wasm32"))]
fn follow_focus(_: &web_sys::Element, _: &[Option<usize>]) {}

/// An opening as one row shows it: its feed and its id, hashed (two member
/// institutions may both have an opening "7").
pub type Shown = u64;

/// The openings of these rows (catalog indices), as the rows know them.
pub fn shown(catalog: &SharedCatalog, matches: &[usize]) -> Vec<Shown> {
    matches
        .iter()
        .filter_map(|&index| catalog.key(index))
        .collect()
}

/// Where the keyboard focus is in the list: its row, which of the row's
/// controls (its title's link, its Apply link), and whether the row was on
/// screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FocusedRow {
    pub row: usize,
    pub control: Option<usize>,
    pub looked_at: bool,
}

/// Where the opening each row showed is now: its row, or `None` (gone
/// from the page).
fn moves(before: &[Shown], now: &[Shown]) -> Vec<Option<usize>> {
    before
        .iter()
        .map(|shown| now.iter().position(|n| n == shown))
        .collect()
}

#[component]
pub fn Listings(props: &ListingsProps) -> Html {
    let list = use_node_ref();
    // The openings of the rows as last drawn, in order.
    let drawn = use_mut_ref(Vec::<Shown>::new);
    let shown = shown(&props.catalog, &props.matches);
    {
        let list = list.clone();
        use_effect_with(shown, move |shown| {
            let before = drawn.replace(shown.clone());
            if let Some(list) = list.cast::<web_sys::Element>() {
                follow_focus(&list, &moves(&before, shown));
            }
        });
    }
    if let Some(status) = &props.status {
        return status.clone();
    }
    if props.matches.is_empty() {
        return html! {};
    }
    html! {
        <ul class="listings" ref={list}>
            for (row, &index) in props.matches.iter().enumerate() {
                <Listing key={row} catalog={props.catalog.clone()} index={index} now={props.now}
                    link={props.catalog.get(index).map(|o| props.link.emit(o.id.clone())).unwrap_or_default()}
                    on_open={props.on_open.clone()} on_apply={props.on_apply.clone()}
                    focus={props.catalog.get(index).is_some_and(|o| Some(&o.id) == props.focus.as_ref())} />
            }
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(ids: &[(&str, &str)]) -> Vec<Shown> {
        ids.iter()
            .map(|(source, id)| openings_core::catalog::opening_key(source, id, ""))
            .collect()
    }

    #[test]
    fn each_row_s_opening_is_found_where_it_went_by_feed_and_id() {
        let before = rows(&[("a", "7"), ("b", "7"), ("a", "8")]);
        // A late feed put one in front; "a"'s 8 left the page.
        let now = rows(&[("c", "1"), ("a", "7"), ("b", "7")]);
        assert_eq!(moves(&before, &now), [Some(1), Some(2), None]);
        assert_eq!(moves(&now, &now), [Some(0), Some(1), Some(2)]);
        assert_eq!(moves(&[], &now), Vec::<Option<usize>>::new());
    }
}
