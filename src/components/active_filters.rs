//! The filters picked, above the list: one chip per value ("Netherlands ×")
//! that removes it, and "Clear all filters". Shown on every board, so that a
//! reader sees what narrows the list even when the filters are folded away.

use openings_core::catalog::Query;
use openings_core::facets::Facet;
use web_sys::wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
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
    // A chip removed takes the focus with it: it goes to what took the
    // chip's place, the next chip or "Clear all filters" (when the last
    // pick goes, the whole group goes, and the board holds the focus).
    let group = use_node_ref();
    let removed = use_mut_ref(|| None::<usize>);
    {
        let (group, removed) = (group.clone(), removed.clone());
        use_effect(move || {
            if let Some(index) = removed.borrow_mut().take() {
                focus_child(&group, index);
            }
        });
    }
    if picked.is_empty() {
        return html! {};
    }
    let clear_all = props.on_clear_all.reform(|_: MouseEvent| ());
    html! {
        <div class="active-filters" role="group" aria-label={strings.active_filters_label} ref={group}>
            { for picked.into_iter().enumerate().map(|(index, (facet, value))| {
                let shown = facts::facet_value(&locale, facet, value);
                let name = i18n::fill(
                    strings.remove_filter,
                    &[("facet", facts::facet_name(&locale, facet)), ("value", &shown)],
                );
                let value = value.clone();
                let removed = removed.clone();
                let onclick = props.on_remove.reform(move |_: MouseEvent| {
                    *removed.borrow_mut() = Some(index);
                    (facet, value.clone())
                });
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

/// Focuses the `index`th element in `parent`, if there is one.
fn focus_child(parent: &NodeRef, index: usize) {
    let child = parent
        .cast::<Element>()
        .and_then(|p| p.children().item(index as u32))
        .and_then(|c| c.dyn_into::<HtmlElement>().ok());
    if let Some(child) = child {
        let _ = child.focus();
    }
}
