//! The Openings widget: `<openings-board>`, a job board any web page embeds
//! with one script tag. The settings and the board's state are plain Rust
//! (tested on the host); the components and the locale are compiled for
//! the browser, and for the host with the `ssr` feature (`openings render`);
//! the embedding for the browser only.
//!
//! - [`config`]: the element's attributes, read and checked.
//! - [`state`]: the board's state and the actions that change it.
//! - `components`: what the reader sees, one component per thing.
//! - `i18n`: the board's words in each language, and `Intl` formatting.
//! - `embed`: the custom element's Rust side, the shadow root, fetching feeds.

pub mod config;
pub mod i18n;
pub mod state;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;
