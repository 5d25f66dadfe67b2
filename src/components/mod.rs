//! What the reader sees, one component per thing on screen. Components get
//! their data through properties and the [`Locale`](crate::i18n::Locale)
//! context; none parses a feed or talks to the network.

pub mod active_filters;
pub mod apply_link;
#[cfg(target_arch = "wasm32")]
pub mod board;
pub mod board_view;
pub mod detail_view;
pub mod facet_list;
pub mod facts;
pub mod filters;
pub mod listing;
pub mod listings;
pub mod notices;
pub mod pagination;
pub mod result_count;
pub mod rich_text;
pub mod search_box;
pub mod sort_select;

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::Locale;

/// A link from a feed as an `href`, checked once more where it is drawn:
/// http, https or mailto only ([`safe_link`](openings_core::links::safe_link)).
/// The feed readers already refuse every other link; this keeps a reader
/// that forgets from putting a `javascript:` link on the page.
pub fn safe_href(raw: &str) -> Option<AttrValue> {
    openings_core::links::safe_link(raw).map(AttrValue::from)
}

/// The board's locale, provided by [`board::Board`].
#[hook]
pub fn use_locale() -> Rc<Locale> {
    use_context::<Rc<Locale>>().unwrap_or_else(|| Locale::new("en"))
}
