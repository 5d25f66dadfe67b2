//! Waiting for the browser to paint: what the board shows first (the first
//! openings of a feed, the first screen of the list) is painted before the
//! rest is read or drawn.

use wasm_bindgen_futures::JsFuture;

/// Resolves after the next frame has been painted (or after 100 ms, when
/// the page is hidden and frames are not drawn).
pub async fn after_paint() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.request_animation_frame(&resolve);
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
    });
    let _ = JsFuture::from(frame).await;
    gloo_timers::future::TimeoutFuture::new(0).await;
}
