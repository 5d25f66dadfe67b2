//! How many openings match, in a polite live region so that screen readers
//! announce the count as the reader searches.

use yew::prelude::*;

use super::use_locale;
use crate::state::Phase;

#[derive(Properties, PartialEq)]
pub struct ResultCountProps {
    pub phase: Phase,
    pub count: usize,
    /// More openings are on their way (a feed is still arriving).
    #[prop_or_default]
    pub more: bool,
}

#[component]
pub fn ResultCount(props: &ResultCountProps) -> Html {
    let locale = use_locale();
    let text = match props.phase {
        // Nothing yet, more on its way: "Loading more…" alone.
        Phase::Ready if props.count == 0 && props.more => String::new(),
        Phase::Ready if props.count == 0 => locale.strings.count_none.to_string(),
        Phase::Ready => locale.plural(&locale.strings.count, props.count, &[]),
        _ => String::new(),
    };
    let more = props.phase == Phase::Ready && props.more;
    // The live region is always there, so that its first change is announced
    // too; it is busy while more openings arrive, so that the count is
    // announced once they are all in.
    html! {
        <p class="result-count" role="status" aria-live="polite" aria-busy={more.then_some("true")}>
            { text }
            if more {
                <span class="loading-more">{ locale.strings.loading_more }</span>
            }
        </p>
    }
}
