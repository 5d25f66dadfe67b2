//! Events for the host page's own scripts (analytics, say): the element
//! dispatches `openings:apply`, `openings:open` and `openings:filter` as DOM
//! `CustomEvent`s that bubble out of the shadow root (`composed`), with the
//! opening's id, title and organization (or the search and filters) in
//! `event.detail`.

use js_sys::{Array, Object, Reflect};
use openings_core::facets::Facet;
use openings_core::model::Opening;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};
use yew::prelude::*;

use crate::embed::pause::AfterPause;
use crate::state::ViewState;

/// Something the reader did that the host page may want to know.
#[derive(Clone, Debug, PartialEq)]
pub enum BoardEvent {
    /// The reader clicked Apply.
    Apply {
        id: String,
        title: String,
        organization: String,
        url: String,
    },
    /// The reader opened an opening's details.
    Open {
        id: String,
        title: String,
        organization: String,
    },
    /// The reader searched or filtered; `count` openings match.
    Filter { view: ViewState, count: usize },
}

impl BoardEvent {
    pub fn apply(o: &Opening) -> BoardEvent {
        BoardEvent::Apply {
            id: o.id.clone(),
            title: o.title.clone(),
            organization: o.organization.name.clone(),
            url: o.apply_url.clone(),
        }
    }

    pub fn open(o: &Opening) -> BoardEvent {
        BoardEvent::Open {
            id: o.id.clone(),
            title: o.title.clone(),
            organization: o.organization.name.clone(),
        }
    }
}

/// Tells the host page (`on_event`) when the reader searches or filters,
/// once the reader pauses: one `openings:filter` for a typed word, not one
/// per keystroke. Not for the view the board starts with.
#[hook]
pub fn use_filter_events(on_event: Callback<BoardEvent>, view: ViewState, count: usize) {
    let first = use_mut_ref(|| true);
    let pause = use_mut_ref(AfterPause::default);
    use_effect_with(view.query.clone(), move |_| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            // A newer change restarts the wait, and so cancels the one waiting.
            pause.borrow_mut().restart(move || {
                on_event.emit(BoardEvent::Filter { view, count });
            });
        }
    });
}

fn set(object: &Object, key: &str, value: JsValue) {
    // Setting a property of a fresh plain object cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), &value);
}

/// Dispatches the event on the board's element.
pub fn dispatch(host: &HtmlElement, event: &BoardEvent) {
    let detail = Object::new();
    let name = match event {
        BoardEvent::Apply {
            id,
            title,
            organization,
            url,
        } => {
            set(&detail, "id", id.into());
            set(&detail, "title", title.into());
            set(&detail, "organization", organization.into());
            set(&detail, "url", url.into());
            "openings:apply"
        }
        BoardEvent::Open {
            id,
            title,
            organization,
        } => {
            set(&detail, "id", id.into());
            set(&detail, "title", title.into());
            set(&detail, "organization", organization.into());
            "openings:open"
        }
        BoardEvent::Filter { view, count } => {
            set(&detail, "query", view.query.text.as_str().into());
            let filters = Object::new();
            for facet in Facet::ALL {
                let values = view.query.selected(facet);
                if !values.is_empty() {
                    let list: Array = values.iter().map(|v| JsValue::from_str(v)).collect();
                    set(&filters, facet.key(), list.into());
                }
            }
            set(&detail, "filters", filters.into());
            set(&detail, "count", JsValue::from_f64(*count as f64));
            "openings:filter"
        }
    };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        // A host listener that throws is the host's business; the board carries on.
        let _ = host.dispatch_event(&event);
    }
}
