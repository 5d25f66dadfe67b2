//! The keyword search: a labelled `<input type="search">` that filters the
//! openings as the reader types, at most as long as a search may be.

use openings_core::catalog::MAX_QUERY_CHARS;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::use_locale;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub value: AttrValue,
    pub on_search: Callback<String>,
}

#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let locale = use_locale();
    let oninput = props
        .on_search
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    html! {
        <div class="search-box" role="search">
            <label for="openings-search">{ locale.strings.search_label }</label>
            <input id="openings-search" class="search" type="search" autocomplete="off"
                placeholder={locale.strings.search_placeholder} maxlength={MAX_QUERY_CHARS.to_string()}
                value={props.value.clone()} {oninput} />
        </div>
    }
}
