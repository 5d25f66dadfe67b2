//! Sharing an opening's link: the system's share sheet where the browser
//! has one (`navigator.share`, on phones), else the clipboard. The detail
//! view asks ([`ShareAsk`]) and is told how it went ([`Shared`]).

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

pub use crate::components::detail_view::{ShareAsk, Shared};

fn navigator() -> Option<JsValue> {
    let window = web_sys::window()?;
    Reflect::get(&window, &"navigator".into()).ok()
}

/// `navigator.share`, when the browser has one.
fn share_function() -> Option<Function> {
    Reflect::get(&navigator()?, &"share".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// Whether this browser has a share sheet.
pub fn can_share() -> bool {
    share_function().is_some()
}

/// Shares `ask.url` with the share sheet, or copies it; tells `ask.done`.
pub fn share(ask: ShareAsk) {
    wasm_bindgen_futures::spawn_local(async move {
        let outcome = match share_function() {
            Some(share) => match sheet(&share, &ask.title, &ask.url).await {
                Ok(()) => Shared::Shared,
                Err(e) if is_abort(&e) => Shared::Cancelled,
                // Not allowed here (a frame without the permission, say): the clipboard.
                Err(_) => copy(&ask.url).await,
            },
            None => copy(&ask.url).await,
        };
        ask.done.emit(outcome);
    });
}

async fn sheet(share: &Function, title: &str, url: &str) -> Result<(), JsValue> {
    let data = Object::new();
    Reflect::set(&data, &"title".into(), &title.into())?;
    Reflect::set(&data, &"url".into(), &url.into())?;
    let navigator = navigator().unwrap_or(JsValue::UNDEFINED);
    let promise: js_sys::Promise = share.call1(&navigator, &data)?.dyn_into()?;
    JsFuture::from(promise).await.map(|_| ())
}

fn is_abort(error: &JsValue) -> bool {
    Reflect::get(error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .is_some_and(|n| n == "AbortError")
}

/// Puts `url` on the clipboard. The Clipboard API exists only in secure
/// contexts: look before calling it.
async fn copy(url: &str) -> Shared {
    let clipboard = web_sys::window().map(|w| w.navigator()).and_then(|nav| {
        let present = Reflect::get(&nav, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
        present.then(|| nav.clipboard())
    });
    match clipboard {
        Some(c) if JsFuture::from(c.write_text(url)).await.is_ok() => Shared::Copied,
        _ => Shared::Failed,
    }
}
