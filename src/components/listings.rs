//! The list of matching openings on the current page. Rows are keyed by
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
}

impl PartialEq for ListingsProps {
    fn eq(&self, other: &Self) -> bool {
        self.catalog == other.catalog
            && self.matches == other.matches
            && self.now.0 / 60_000 == other.now.0 / 60_000
            && self.focus == other.focus
    }
}

/// A focus in the list goes with its opening when the rows are drawn again
/// with other openings (see [`follow_focus`](crate::embed::follow_focus)).
#[cfg(target_arch = "wasm32")]
fn follow_focus(list: &web_sys::Element, before: &[String]) {
    crate::embed::follow_focus(list, before);
}

#[cfg(not(target_arch = "wasm32"))]
fn follow_focus(_: &web_sys::Element, _: &[String]) {}

#[component]
pub fn Listings(props: &ListingsProps) -> Html {
    let list = use_node_ref();
    // The openings of the rows as last drawn, in order.
    let drawn = use_mut_ref(Vec::<String>::new);
    let ids: Vec<String> = props
        .matches
        .iter()
        .filter_map(|&index| props.catalog.get(index).map(|o| o.id.clone()))
        .collect();
    {
        let list = list.clone();
        use_effect_with(ids, move |ids| {
            let before = drawn.replace(ids.clone());
            if let Some(list) = list.cast::<web_sys::Element>() {
                follow_focus(&list, &before);
            }
        });
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
