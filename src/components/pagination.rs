//! Previous / Next through the pages of matching openings, hidden when
//! everything fits on one page.

use yew::prelude::*;

use super::use_locale;
use crate::i18n;

#[derive(Properties, PartialEq)]
pub struct PaginationProps {
    /// The page shown, from 0.
    pub page: usize,
    pub pages: usize,
    pub on_page: Callback<usize>,
    /// Drawn a frame later, with the rest of the page (the board's first
    /// frame shows only the first screen of the list): nothing yet. There
    /// all the same, so that it is given its pages with the list, not made
    /// before it: Yew gives the browser its turn between the two on a slow
    /// device, which painted the page links under the first screen of
    /// openings, then moved them down with the rest of the page.
    #[prop_or_default]
    pub later: bool,
}

#[component]
pub fn Pagination(props: &PaginationProps) -> Html {
    let locale = use_locale();
    let strings = locale.strings;
    if props.pages <= 1 || props.later {
        return html! {};
    }
    let page = props.page;
    // At either end the button stays focusable, marked unavailable
    // (`aria-disabled`), and does nothing: a disabled button drops the
    // keyboard focus to the page's top, so a reader who paged back to the
    // first page with Previous would start over from the host page.
    let first = page == 0;
    let last = page + 1 >= props.pages;
    let previous = {
        let on_page = props.on_page.clone();
        Callback::from(move |_: MouseEvent| {
            if !first {
                on_page.emit(page - 1);
            }
        })
    };
    let next = {
        let on_page = props.on_page.clone();
        Callback::from(move |_: MouseEvent| {
            if !last {
                on_page.emit(page + 1);
            }
        })
    };
    let position = i18n::fill(
        strings.page_of,
        &[
            ("n", &locale.format.number((page + 1) as f64)),
            ("total", &locale.format.number(props.pages as f64)),
        ],
    );
    html! {
        <nav class="pagination" aria-label={strings.pagination_label}>
            <button type="button" class="page-previous" aria-disabled={first.then_some("true")} onclick={previous}>
                { strings.previous_page }
            </button>
            <span class="page-position">{ position }</span>
            <button type="button" class="page-next" aria-disabled={last.then_some("true")} onclick={next}>
                { strings.next_page }
            </button>
        </nav>
    }
}
