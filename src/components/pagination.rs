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
}

#[component]
pub fn Pagination(props: &PaginationProps) -> Html {
    let locale = use_locale();
    let strings = locale.strings;
    if props.pages <= 1 {
        return html! {};
    }
    let page = props.page;
    let previous = props
        .on_page
        .reform(move |_: MouseEvent| page.saturating_sub(1));
    let next = props.on_page.reform(move |_: MouseEvent| page + 1);
    let position = i18n::fill(
        strings.page_of,
        &[
            ("n", &locale.format.number((page + 1) as f64)),
            ("total", &locale.format.number(props.pages as f64)),
        ],
    );
    html! {
        <nav class="pagination" aria-label={strings.pagination_label}>
            <button type="button" class="page-previous" disabled={page == 0} onclick={previous}>
                { strings.previous_page }
            </button>
            <span class="page-position">{ position }</span>
            <button type="button" class="page-next" disabled={page + 1 >= props.pages} onclick={next}>
                { strings.next_page }
            </button>
        </nav>
    }
}
