//! The order of the list: newest, closing soonest, title, organization.

use openings_core::sort::Sort;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::use_locale;

#[derive(Properties, PartialEq)]
pub struct SortSelectProps {
    pub value: Sort,
    pub on_sort: Callback<Sort>,
}

#[component]
pub fn SortSelect(props: &SortSelectProps) -> Html {
    let locale = use_locale();
    let strings = locale.strings;
    let onchange = props.on_sort.reform(|e: Event| {
        Sort::parse(&e.target_unchecked_into::<HtmlSelectElement>().value()).unwrap_or_default()
    });
    let label = |sort: Sort| match sort {
        Sort::Newest => strings.sort_newest,
        Sort::Closing => strings.sort_closing,
        Sort::Title => strings.sort_title,
        Sort::Organization => strings.sort_organization,
    };
    html! {
        <div class="sort">
            <label for="openings-sort">{ strings.sort_label }</label>
            <select id="openings-sort" {onchange}>
                { for Sort::ALL.into_iter().map(|sort| html! {
                    <option value={sort.key()} selected={sort == props.value}>{ label(sort) }</option>
                }) }
            </select>
        </div>
    }
}
