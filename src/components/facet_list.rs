//! The filters: one group of checkboxes per facet (organization, country,
//! workplace, employment type, department, tag), each value with the number
//! of openings it would show. Values within a facet widen the list, facets
//! narrow it; each group can be cleared (everything at once: the chips above
//! the list, `active_filters.rs`).

use std::rc::Rc;

use openings_core::facets::{keep_order, Facet, FacetCounts};
use web_sys::wasm_bindgen::JsCast;
use web_sys::Node;
use yew::prelude::*;

use super::{facts, use_locale};
use crate::i18n;

#[derive(Properties, PartialEq)]
pub struct FacetListProps {
    /// The facets to show, in order, with their counts.
    pub facets: Rc<Vec<FacetCounts>>,
    pub on_toggle: Callback<(Facet, String)>,
    pub on_clear: Callback<Facet>,
    /// The reader has the facets before them (the panel of a narrow board
    /// is open): their values keep their places, as under the pointer.
    #[prop_or_default]
    pub held: bool,
}

/// Where the reader is, as far as the facets' order goes.
#[derive(Default)]
struct Reader {
    /// Their keyboard focus is in the facets, brought there by the keyboard
    /// (a checkbox clicked keeps the focus, but the pointer has moved on).
    focus: bool,
    /// Their pointer is over them.
    pointer: bool,
}

#[component]
pub fn FacetList(props: &FacetListProps) -> Html {
    let locale = use_locale();
    let strings = locale.strings;
    // While the reader is in the facets, their values hold still: counts
    // change (more openings came, a pick elsewhere), places do not (see
    // `keep_order`). They are sorted by count again once the reader has left.
    let reader = use_mut_ref(Reader::default);
    let group = use_node_ref();
    let drawn = use_mut_ref(|| Rc::new(Vec::new()));
    let facets = {
        let reader = reader.borrow();
        let mut drawn = drawn.borrow_mut();
        if (reader.focus || reader.pointer || props.held) && !drawn.is_empty() {
            let mut facets = (*props.facets).clone();
            keep_order(&drawn, &mut facets);
            *drawn = Rc::new(facets);
        } else {
            *drawn = props.facets.clone();
        }
        drawn.clone()
    };
    if facets.is_empty() {
        return html! {};
    }
    let track = |update: fn(&mut Reader, bool), inside: bool| {
        let reader = reader.clone();
        move || update(&mut reader.borrow_mut(), inside)
    };
    let (pointer_in, pointer_out) = (
        track(|r, on| r.pointer = on, true),
        track(|r, on| r.pointer = on, false),
    );
    let on_focus_in = {
        let reader = reader.clone();
        Callback::from(move |e: FocusEvent| {
            let by_keyboard = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| el.matches(":focus-visible").unwrap_or(false));
            reader.borrow_mut().focus = by_keyboard;
        })
    };
    let on_focus_out = {
        let (reader, group) = (reader.clone(), group.clone());
        Callback::from(move |e: FocusEvent| {
            // Still in when the focus moves from one value to the next.
            // (Not the event's current target: Yew listens at the board's root.)
            let to = e.related_target().and_then(|t| t.dyn_into::<Node>().ok());
            reader.borrow_mut().focus = group
                .get()
                .is_some_and(|g| to.is_some_and(|to| g.contains(Some(&to))));
        })
    };
    html! {
        <div class="facets" role="group" aria-label={strings.filters_label} ref={group}
            onfocusin={on_focus_in} onfocusout={on_focus_out}
            onpointerenter={move |_: PointerEvent| pointer_in()}
            onpointerleave={move |_: PointerEvent| pointer_out()}>
            { for facets.iter().map(|counts| html! {
                <FacetGroup key={counts.facet.key()} counts={counts.clone()}
                    on_toggle={props.on_toggle.clone()} on_clear={props.on_clear.clone()} />
            }) }
        </div>
    }
}

/// How many values a facet shows before "Show all".
const SHOWN_VALUES: usize = 8;

#[derive(Properties, PartialEq)]
struct FacetGroupProps {
    counts: FacetCounts,
    on_toggle: Callback<(Facet, String)>,
    on_clear: Callback<Facet>,
}

/// One facet: its most frequent values (and every ticked one), the rest
/// behind "Show all", so that a facet of hundreds of organizations stays short.
#[component]
fn FacetGroup(props: &FacetGroupProps) -> Html {
    let locale = use_locale();
    let strings = locale.strings;
    let expanded = use_state(|| false);
    let counts = &props.counts;
    let facet = counts.facet;
    let name = facts::facet_name(&locale, facet);
    let any_selected = counts.values.iter().any(|v| v.selected);
    // Clear goes once nothing is picked: the focus goes to the first value.
    let values = use_node_ref();
    let cleared = use_mut_ref(|| false);
    {
        let (values, cleared) = (values.clone(), cleared.clone());
        use_effect(move || {
            if std::mem::take(&mut *cleared.borrow_mut()) {
                let first = values
                    .cast::<web_sys::Element>()
                    .and_then(|list| list.query_selector("input").ok().flatten())
                    .and_then(|input| input.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(first) = first {
                    let _ = first.focus();
                }
            }
        });
    }
    let clear = {
        let cleared = cleared.clone();
        props.on_clear.reform(move |_: MouseEvent| {
            *cleared.borrow_mut() = true;
            facet
        })
    };
    let clear_label = i18n::fill(strings.clear_facet, &[("facet", name)]);
    let hidden = counts.values.len().saturating_sub(SHOWN_VALUES);
    let list_id = format!("facet-{}-values", facet.key());
    let toggle = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    // The most frequent values show. Sorted by count, they are the first;
    // while their places are kept (`keep_order`), a value new since, with
    // more openings than the eighth most frequent, shows too, after them:
    // not behind "Show all". (Sorted, no value after the eighth has more.)
    let mut most = [0; SHOWN_VALUES];
    for v in &counts.values {
        let mut at = SHOWN_VALUES;
        while at > 0 && most[at - 1] < v.count {
            at -= 1;
        }
        if at < SHOWN_VALUES {
            most.copy_within(at..SHOWN_VALUES - 1, at + 1);
            most[at] = v.count;
        }
    }
    let eighth = most[SHOWN_VALUES - 1];
    let shown = counts
        .values
        .iter()
        .enumerate()
        .filter(|(i, v)| *expanded || *i < SHOWN_VALUES || v.count > eighth || v.selected);
    html! {
        <fieldset class="facet" data-facet={facet.key()}>
            <legend>{ name }</legend>
            <ul class="facet-values" id={list_id.clone()} ref={values}>
                { for shown.map(|(i, v)| {
                    let id = format!("facet-{}-{i}", facet.key());
                    let value = v.value.clone();
                    let onchange = props.on_toggle.reform(move |_: Event| (facet, value.clone()));
                    let label = facts::facet_value(&locale, facet, &v.value);
                    html! {
                        <li key={v.value.clone()} data-value={v.value.clone()}>
                            <input type="checkbox" id={id.clone()} checked={v.selected} {onchange} />
                            <label for={id}>
                                <span class="facet-label">{ label }</span>
                                <span class="facet-count">{ locale.format.number(v.count as f64) }</span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
            if hidden > 0 {
                <button type="button" class="facet-more" aria-expanded={expanded.to_string()}
                    aria-controls={list_id} onclick={toggle}>
                    { if *expanded {
                        strings.show_fewer.to_string()
                    } else {
                        i18n::fill(strings.show_all, &[("n", &locale.format.number(counts.values.len() as f64))])
                    } }
                </button>
            }
            if any_selected {
                <button type="button" class="clear-facet" onclick={clear} aria-label={clear_label}>
                    { strings.clear }
                </button>
            }
        </fieldset>
    }
}
