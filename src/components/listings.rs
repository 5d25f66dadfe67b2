//! The list of matching openings on the current page, keyed by opening so
//! that searching reuses rows instead of rebuilding them.

use std::rc::Rc;

use openings_core::catalog::Catalog;
use yew::prelude::*;

use super::listing::Listing;

#[derive(Properties)]
pub struct ListingsProps {
    pub catalog: Rc<Catalog>,
    /// Catalog indices of the matching openings, in display order.
    pub matches: Rc<Vec<usize>>,
    /// The first match on this page, and how many a page holds.
    pub start: usize,
    pub count: usize,
}

impl PartialEq for ListingsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.catalog, &other.catalog)
            && Rc::ptr_eq(&self.matches, &other.matches)
            && self.start == other.start
            && self.count == other.count
    }
}

#[component]
pub fn Listings(props: &ListingsProps) -> Html {
    let page = props.matches.iter().skip(props.start).take(props.count);
    html! {
        <ul class="listings">
            for &index in page {
                <Listing key={index} catalog={props.catalog.clone()} index={index} />
            }
        </ul>
    }
}
