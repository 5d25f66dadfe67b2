//! The board's state in the host page's URL: one query parameter per board
//! (`openings`, or `openings-<id>`), written with the History API so that a
//! reader can share what they see, and Back and Forward move through it.
//! Typing replaces the current history entry; every other change (a filter,
//! a page, an opening opened or closed) adds one. The host page's other
//! parameters and its hash are never touched.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use openings_core::url_state::{read_state, write_state};
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::state::{is_typing, Action, ViewState};

/// The page's current URL.
pub fn current_url() -> Option<String> {
    web_sys::window()?.location().href().ok()
}

/// What the page URL says this board should show.
pub fn view_from_url(board_id: Option<&str>) -> ViewState {
    current_url()
        .map(|url| read_state(&url, board_id))
        .unwrap_or_default()
}

/// Keeps the page URL and the board's view in step, both ways.
#[hook]
pub fn use_url_sync(board_id: Option<String>, view: ViewState, on_restore: Callback<Action>) {
    let last_written = use_mut_ref(|| None::<ViewState>);

    // Back / Forward: show what the URL now holds.
    {
        let board_id = board_id.clone();
        use_effect_with(board_id, move |board_id| {
            let board_id = board_id.clone();
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "popstate", move |_| {
                    on_restore.emit(Action::Restore(view_from_url(board_id.as_deref())));
                })
            });
            move || drop(listener)
        });
    }

    // The view changed: write it into the URL, unless the URL already says it.
    use_effect_with(view, move |view| {
        write_view(board_id.as_deref(), view, &last_written);
    });
}

fn write_view(
    board_id: Option<&str>,
    view: &ViewState,
    last_written: &Rc<RefCell<Option<ViewState>>>,
) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(url) = current_url() else { return };
    let next = write_state(&url, board_id, view);
    let previous = last_written.borrow_mut().replace(view.clone());
    if next == url {
        return;
    }
    let Ok(history) = window.history() else {
        return;
    };
    let only_typing = previous.is_some_and(|p| is_typing(&p, view));
    // A host page whose URL cannot be rewritten (a sandboxed frame, say) keeps working.
    let _ = if only_typing {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&next))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(&next))
    };
}
