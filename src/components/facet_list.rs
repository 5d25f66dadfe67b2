//! The filters: one group of checkboxes per facet (organization, country,
//! workplace, employment type, department, tag), each value with the number
//! of openings it would show. Values within a facet widen the list, facets
//! narrow it; each group can be cleared, and so can everything.

use std::rc::Rc;

use openings_core::facets::{Facet, FacetCounts};
use yew::prelude::*;

use super::{facts, use_locale};
use crate::i18n::Locale;

#[derive(Properties, PartialEq)]
pub struct FacetListProps {
    /// The facets to show, in order, with their counts.
    pub facets: Rc<Vec<FacetCounts>>,
    pub on_toggle: Callback<(Facet, String)>,
    pub on_clear: Callback<Facet>,
    pub on_clear_all: Callback<()>,
    /// Whether any filter or search is active (shows "Clear all").
    pub active: bool,
}

#[component]
pub fn FacetList(props: &FacetListProps) -> Html {
    let locale = use_locale();
    let strings = locale.strings;
    if props.facets.is_empty() {
        return html! {};
    }
    let clear_all = props.on_clear_all.reform(|_: MouseEvent| ());
    html! {
        <div class="facets" role="group" aria-label={strings.filters_label}>
            { for props.facets.iter().map(|counts| facet_group(&locale, counts, props)) }
            if props.active {
                <button type="button" class="clear-all" onclick={clear_all}>{ strings.clear_all }</button>
            }
        </div>
    }
}

fn facet_group(locale: &Locale, counts: &FacetCounts, props: &FacetListProps) -> Html {
    let facet = counts.facet;
    let name = facts::facet_name(locale, facet);
    let any_selected = counts.values.iter().any(|v| v.selected);
    let clear = props.on_clear.reform(move |_: MouseEvent| facet);
    let clear_label = Locale::fill(locale.strings.clear_facet, &[("facet", name)]);
    html! {
        <fieldset class="facet" key={facet.key()}>
            <legend>{ name }</legend>
            <ul class="facet-values">
                { for counts.values.iter().enumerate().map(|(i, v)| {
                    let id = format!("facet-{}-{i}", facet.key());
                    let value = v.value.clone();
                    let onchange = props.on_toggle.reform(move |_: Event| (facet, value.clone()));
                    let label = facts::facet_value(locale, facet, &v.value);
                    html! {
                        <li key={v.value.clone()}>
                            <input type="checkbox" id={id.clone()} checked={v.selected} {onchange} />
                            <label for={id}>
                                <span class="facet-label">{ label }</span>
                                <span class="facet-count">{ locale.format.number(v.count as f64) }</span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
            if any_selected {
                <button type="button" class="clear-facet" onclick={clear} aria-label={clear_label}>
                    { locale.strings.clear }
                </button>
            }
        </fieldset>
    }
}
