//! Fetching one feed and reading it: the board's only network code. A
//! request is abandoned after [`FEED_TIMEOUT_SECONDS`] (headers and body
//! together), cookies are never sent, and a refused request is told apart as
//! a CORS refusal or an unreachable server.

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use openings_core::dates::Timestamp;
use openings_core::feeds::{parse_feed, FeedError, ParsedFeed};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Request, RequestCredentials, RequestInit, RequestMode, Response};

use crate::config::FeedSource;
use crate::state::{FeedProblem, FEED_TIMEOUT_SECONDS};

/// One feed request, which the board can cancel when it goes away.
pub struct FeedRequest {
    controller: Option<AbortController>,
    cancelled: Cell<bool>,
}

impl FeedRequest {
    pub fn new() -> FeedRequest {
        FeedRequest {
            controller: AbortController::new().ok(),
            cancelled: Cell::new(false),
        }
    }

    /// Whether the board cancelled this request (its answer is no longer wanted).
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.get()
    }

    /// Stops the request, if it is still running.
    pub fn cancel(&self) {
        self.cancelled.set(true);
        if let Some(controller) = &self.controller {
            controller.abort();
        }
    }

    /// Fetches `url` and reads it as the feed `source` describes.
    pub async fn load(
        &self,
        source: &FeedSource,
        url: &str,
        max_bytes: usize,
    ) -> Result<ParsedFeed, FeedProblem> {
        let body = self.fetch_text(url, max_bytes).await?;
        let now = Timestamp(js_sys::Date::now() as i64);
        parse_feed(&body, source.format, url, now, max_bytes).map_err(FeedProblem::Feed)
    }

    async fn fetch_text(&self, url: &str, max_bytes: usize) -> Result<String, FeedProblem> {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(FeedProblem::BadUrl);
        }
        let window = web_sys::window().ok_or(FeedProblem::Network)?;
        let timed_out = Rc::new(Cell::new(false));
        let _timer = self.controller.as_ref().map(|controller| {
            let controller = controller.clone();
            let timed_out = timed_out.clone();
            Timeout::new(FEED_TIMEOUT_SECONDS * 1000, move || {
                timed_out.set(true);
                controller.abort();
            })
        });
        let failed = |_: JsValue| {
            if timed_out.get() {
                FeedProblem::Timeout
            } else {
                FeedProblem::Network
            }
        };

        let init = RequestInit::new();
        init.set_method("GET");
        init.set_mode(RequestMode::Cors);
        init.set_credentials(RequestCredentials::Omit);
        if let Some(controller) = &self.controller {
            init.set_signal(Some(&controller.signal()));
        }
        let request =
            Request::new_with_str_and_init(url, &init).map_err(|_| FeedProblem::BadUrl)?;
        let _ = request.headers().set(
            "Accept",
            "application/ld+json, application/json;q=0.9, */*;q=0.1",
        );

        let response = match JsFuture::from(window.fetch_with_request(&request)).await {
            Ok(response) => response,
            Err(_) if timed_out.get() => return Err(FeedProblem::Timeout),
            Err(_) => return Err(tell_cors_from_network(url).await),
        };
        let response: Response = response.dyn_into().map_err(failed)?;
        if !response.ok() {
            return Err(FeedProblem::Http {
                status: response.status(),
                text: response.status_text(),
            });
        }
        let declared = response
            .headers()
            .get("Content-Length")
            .ok()
            .flatten()
            .and_then(|len| len.trim().parse::<usize>().ok());
        if let Some(bytes) = declared.filter(|&b| b > max_bytes) {
            if let Some(controller) = &self.controller {
                controller.abort();
            }
            return Err(FeedProblem::Feed(FeedError::TooLarge {
                bytes,
                limit: max_bytes,
            }));
        }
        let text = response.text().map_err(failed)?;
        let text = JsFuture::from(text).await.map_err(failed)?;
        text.as_string().ok_or(FeedProblem::Network)
    }
}

impl Default for FeedRequest {
    fn default() -> Self {
        FeedRequest::new()
    }
}

/// A failed `fetch` does not say why. Asking again without CORS (an opaque
/// request the page cannot read) does: if the server answers that, it is
/// up and refuses other sites; if not, it cannot be reached.
async fn tell_cors_from_network(url: &str) -> FeedProblem {
    let Some(window) = web_sys::window() else {
        return FeedProblem::Network;
    };
    let controller = AbortController::new().ok();
    let init = RequestInit::new();
    init.set_mode(RequestMode::NoCors);
    init.set_credentials(RequestCredentials::Omit);
    let _timer = controller.as_ref().map(|controller| {
        init.set_signal(Some(&controller.signal()));
        let controller = controller.clone();
        Timeout::new(5_000, move || controller.abort())
    });
    match JsFuture::from(window.fetch_with_str_and_init(url, &init)).await {
        Ok(_) => FeedProblem::Cors,
        Err(_) => FeedProblem::Network,
    }
}
