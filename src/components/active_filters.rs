//! The filters picked, above the list: one chip per value ("Netherlands ×")
//! that removes it, and "Clear all filters". Shown on every board, so that a
//! reader sees what narrows the list even when the filters are folded away.

use openings_core::catalog::Query;
use openings_core::facets::Facet;
use yew::prelude::*;

use super::{facts, use_locale};
use crate::i18n;

#[derive(Properties, PartialEq)]
pub struct ActiveFiltersProps {
    pub query: Query,
    /// The facets the board shows, in order.
    pub facets: Vec<Facet>,
    /// Unpicks one value.
    pub on_remove: Callback<(Facet, String)>,
    /// Clears the search and every filter.
    pub on_clear_all: Callback<()>,
}

#[component]
pub fn ActiveFilters(props: &ActiveFiltersProps) -> Html {
    let locale = use_locale();
    let strings = locale.strings;
    let picked: Vec<(Facet, &String)> = props
        .facets
        .iter()
        .flat_map(|&f| props.query.selected(f).iter().map(move |v| (f, v)))
        .collect();
    if picked.is_empty() {
        return html! {};
    }
    let clear_all = props.on_clear_all.reform(|_: MouseEvent| ());
    html! {
        <div class="active-filters" role="group" aria-label={strings.active_filters_label}>
            { for picked.into_iter().map(|(facet, value)| {
                let shown = facts::facet_value(&locale, facet, value);
                let name = i18n::fill(
                    strings.remove_filter,
                    &[("facet", facts::facet_name(&locale, facet)), ("value", &shown)],
                );
                let value = value.clone();
                let onclick = props.on_remove.reform(move |_: MouseEvent| (facet, value.clone()));
                html! {
                    <button type="button" class="chip" aria-label={name} {onclick}>
                        <span class="chip-label">{ shown }</span>
                        <span class="chip-remove" aria-hidden="true">{ "×" }</span>
                    </button>
                }
            }) }
            <button type="button" class="clear-all" onclick={clear_all}>{ strings.clear_all }</button>
        </div>
    }
}
