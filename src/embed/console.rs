//! Messages for the site editor in the browser console. Every message starts
//! with `[openings]`, names the board, and says what to do.

use wasm_bindgen::JsValue;

fn line(board: &str, message: &str) -> JsValue {
    JsValue::from_str(&format!("[openings] {board}: {message}"))
}

pub fn error(board: &str, message: &str) {
    web_sys::console::error_1(&line(board, message));
}

pub fn warn(board: &str, message: &str) {
    web_sys::console::warn_1(&line(board, message));
}

pub fn info(board: &str, message: &str) {
    web_sys::console::info_1(&line(board, message));
}
