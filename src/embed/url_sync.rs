//! The board's state in the host page's URL: one query parameter per board
//! (`openings`, or `openings-<id>`), written with the History API so that a
//! reader can share what they see, and Back and Forward move through it.
//! Typing replaces the current history entry once the reader pauses; every
//! other change (a filter, a page, an opening opened or closed) adds one. The host page's other
//! parameters and its hash are never touched.

use std::rc::Rc;

use gloo_events::EventListener;
use openings_core::url_state::{param_name, read_bounded, write_state};
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::embed::console;
use crate::embed::pause::AfterPause;
use crate::state::{is_renamed, is_typing, Action, ViewState};

/// The page's current URL.
pub fn current_url() -> Option<String> {
    web_sys::window()?.location().href().ok()
}

/// What the page URL says this board should show, read within the bounds
/// a crafted link cannot push a board past; what was too much to read is
/// ignored, and the console says so (board `label`).
pub fn view_from_url(board_id: Option<&str>, label: &str) -> ViewState {
    let Some(url) = current_url() else {
        return ViewState::default();
    };
    let read = read_bounded(&url, board_id);
    if !read.ignored.is_empty() {
        console::warn(
            label,
            &format!(
                "the page link's {} parameter holds more than a board reads; ignored: {}.",
                param_name(board_id),
                read.ignored.join("; ")
            ),
        );
    }
    read.state
}

/// Writes a board's view into the page URL.
struct UrlWriter {
    board_id: Option<String>,
    /// The view last seen, to tell typing from other changes.
    last: Option<ViewState>,
    /// Typing waits for a pause: the view to write then.
    pending: Option<ViewState>,
    pause: AfterPause,
}

impl UrlWriter {
    /// Writes a view that typing left waiting, replacing the current entry.
    fn flush(&mut self) {
        self.pause.cancel();
        if let Some(view) = self.pending.take() {
            write_view(self.board_id.as_deref(), &view, false);
        }
    }
}

/// Keeps the page URL and the board's view in step, both ways.
#[hook]
pub fn use_url_sync(
    board_id: Option<String>,
    label: Rc<str>,
    view: ViewState,
    on_restore: Callback<Action>,
) {
    let writer = {
        let board_id = board_id.clone();
        use_mut_ref(move || UrlWriter {
            board_id,
            last: None,
            pending: None,
            pause: AfterPause::default(),
        })
    };

    // Back / Forward: show what the URL now holds.
    {
        let board_id = board_id.clone();
        let writer = writer.clone();
        use_effect_with(board_id, move |board_id| {
            let board_id = board_id.clone();
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "popstate", move |_| {
                    // A search still waiting to be written is overtaken by the navigation.
                    let mut w = writer.borrow_mut();
                    w.pending = None;
                    w.pause.cancel();
                    drop(w);
                    on_restore.emit(Action::Restore(view_from_url(board_id.as_deref(), &label)));
                })
            });
            move || drop(listener)
        });
    }

    // The view changed: typing replaces the current entry once the reader
    // pauses, and so does the open opening renamed; any other change (a
    // filter, a page, an opening) adds an entry.
    use_effect_with(view, move |view| {
        let mut w = writer.borrow_mut();
        let typing = w.last.as_ref().is_some_and(|last| is_typing(last, view));
        let renamed = w.last.as_ref().is_some_and(|last| is_renamed(last, view));
        w.last = Some(view.clone());
        if typing {
            let later = Rc::downgrade(&writer);
            w.pending = Some(view.clone());
            w.pause.restart(move || {
                if let Some(writer) = later.upgrade() {
                    writer.borrow_mut().flush();
                }
            });
        } else {
            w.flush();
            write_view(w.board_id.as_deref(), view, !renamed);
        }
    });
}

/// Writes `view` into the page URL, as a new history entry or in place of
/// the current one; nothing when the URL already says it.
fn write_view(board_id: Option<&str>, view: &ViewState, new_entry: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(url) = current_url() else { return };
    let next = write_state(&url, board_id, view);
    if next == url {
        return;
    }
    let Ok(history) = window.history() else {
        return;
    };
    // A host page whose URL cannot be rewritten (a sandboxed frame, say) keeps working.
    let _ = if new_entry {
        history.push_state_with_url(&JsValue::NULL, "", Some(&next))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&next))
    };
}
