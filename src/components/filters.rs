//! The filters' place on the board. On a wide board (a container query on
//! the board's own width, in `styles/openings.css`) they sit beside the
//! openings; on a narrow one — a phone, a sidebar — the openings come first
//! and the filters are one tap away, behind a "Filters" control that says
//! how many are picked ("Filters (2)"). Opened, the panel takes the focus;
//! Escape or "Show results" closes it and gives the focus back to the
//! control.

use std::rc::Rc;

use openings_core::facets::{Facet, FacetCounts};
use web_sys::HtmlElement;
use yew::prelude::*;

use super::facet_list::FacetList;
use super::use_locale;
use crate::i18n;

#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    /// The facets to show, in order, with their counts.
    pub facets: Rc<Vec<FacetCounts>>,
    /// How many values are picked, across facets.
    pub picked: usize,
    pub on_toggle: Callback<(Facet, String)>,
    pub on_clear: Callback<Facet>,
    /// The facets wait: on the board's first frame with openings (they are
    /// drawn a frame later, once the first openings are painted), and while
    /// the feeds still arriving settle. The control and the panel's place
    /// are there meanwhile, and a reader who opens the panel gets them.
    #[prop_or_default]
    pub facets_wait: bool,
    /// The board holds its list while its feeds settle: the facets too,
    /// even in a panel the reader opened (with the first feed's values,
    /// they would change when the list comes).
    #[prop_or_default]
    pub holding: bool,
}

/// Whether the "Filters" control is on screen, the board narrow: a panel
/// opened there stays open in the state when the board turns wide (a tablet
/// turned), where the control is hidden and the facets are a column.
#[cfg(target_arch = "wasm32")]
fn shown(control: &NodeRef) -> bool {
    // By its box, not its offset parent, which a board in a fixed-position
    // drawer lacks.
    control
        .cast::<web_sys::Element>()
        .is_some_and(|c| crate::embed::drawn(&c))
}

#[cfg(not(target_arch = "wasm32"))]
fn shown(_: &NodeRef) -> bool {
    false
}

#[component]
pub fn Filters(props: &FiltersProps) -> Html {
    let locale = use_locale();
    let strings = locale.strings;
    let open = use_state(|| false);
    let control = use_node_ref();
    let panel = use_node_ref();

    // Opening moves the focus into the panel, closing back to the control
    // (not when the board first shows).
    {
        let (control, panel) = (control.clone(), panel.clone());
        let first = use_mut_ref(|| true);
        use_effect_with(*open, move |open| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            let target = if *open { panel } else { control };
            if let Some(element) = target.cast::<HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let close = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(false))
    };
    let on_key = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && *open {
                e.prevent_default();
                open.set(false);
            }
        })
    };
    let label = if props.picked == 0 {
        strings.filters_toggle.to_string()
    } else {
        i18n::fill(
            strings.filters_toggle_active,
            &[("n", &locale.format.number(props.picked as f64))],
        )
    };
    let held = *open && shown(&control);
    html! {
        <div class={classes!("filters", open.then_some("filters-open"))}>
            <button type="button" class="filters-toggle" ref={control}
                aria-expanded={open.to_string()} aria-controls="openings-filters" onclick={toggle}>
                { label }
            </button>
            <div id="openings-filters" class="filters-panel" ref={panel} tabindex="-1"
                onkeydown={on_key}>
                if props.holding && *open {
                    <p class="loading" role="status">{ strings.loading }</p>
                } else if (!props.facets_wait || *open) && !props.facets.is_empty() {
                    // Made when the first values come, not there empty and
                    // given them: Yew may give the browser its turn before a
                    // child given new properties is drawn again (not before
                    // one it makes), and a slow device painted the board's
                    // first openings a frame before their values to filter
                    // by.
                    <FacetList facets={props.facets.clone()} on_toggle={props.on_toggle.clone()}
                        on_clear={props.on_clear.clone()} held={held} />
                }
                <button type="button" class="filters-done" onclick={close}>
                    { strings.filters_done }
                </button>
            </div>
        </div>
    }
}
