//! Fetching one feed and reading it: the board's only network code. A
//! request is abandoned after [`FEED_TIMEOUT_SECONDS`] (headers and body
//! together), cookies are never sent, and a refused request is told apart as
//! a CORS refusal or an unreachable server.
//!
//! Caching: requests revalidate with the server (the browser sends
//! `If-None-Match` / `If-Modified-Since` from its HTTP cache, so an unchanged
//! feed is not downloaded again), and the last good copy of each feed is kept
//! in `localStorage` (bounded, keyed by URL) and shown, marked with when it
//! was fetched, when the network fails. `cache="off"` turns both off.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use js_sys::{Reflect, Uint8Array};
use openings_core::dates::Timestamp;
use openings_core::feeds::{FeedError, FeedReader, ParsedFeed};
use openings_core::model::Opening;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, ReadableStreamDefaultReader, Request, RequestCache, RequestCredentials,
    RequestInit, RequestMode, Response,
};

use crate::config::FeedSource;
use crate::state::{FeedProblem, Holds, SavedCopy, FEED_TIMEOUT_SECONDS};

/// Saved copies larger than this are not kept.
const MAX_SAVED_BYTES: usize = 1_000_000;
/// All saved copies of every board of the page's origin (and, in iframe
/// mode, of every site framing the widget) fit in this many characters of
/// keys and values as the browser counts them (UTF-16 units), so that feeds
/// can never fill the host's own `localStorage` (browsers give an origin
/// about 5 million); the oldest copies make room for a new one.
const SAVED_BUDGET_UNITS: usize = 2_000_000;
/// A copy older than this is not shown (it is removed): an outage does not
/// bring back openings of weeks ago, nor a copy saved while a feed was
/// briefly compromised.
const SAVED_MAX_AGE_MS: i64 = 7 * openings_core::dates::DAY_MS;
/// Feeds with longer URLs are not saved (the URL is the key).
const MAX_SAVED_KEY_BYTES: usize = 2048;
const SAVED_PREFIX: &str = "openings:feed:";

/// A feed as the board got it: fresh, or its saved copy when the network failed.
pub struct Loaded {
    pub feed: ParsedFeed,
    pub saved: Option<SavedCopy>,
    /// Whether `feed` is what came after the openings handed out early, or
    /// the whole feed (a saved copy).
    pub holds: Holds,
}

/// What one feed's load asks for: the feed, how the board reads it, where
/// its first openings go, and the loader's early request, if it made one.
pub struct FeedLoad<'a> {
    pub source: &'a FeedSource,
    pub reading: Reading,
    pub early: Early<'a>,
    pub prefetched: Option<Prefetched>,
}

/// How a board reads its feeds: the largest feed it takes, the age past
/// which an opening with no closing date is not shown, and whether it
/// keeps saved copies and revalidates.
#[derive(Clone, Copy, Debug)]
pub struct Reading {
    pub max_bytes: usize,
    pub max_age_days: u32,
    pub cache: bool,
}

impl Reading {
    /// A reader of one feed, as this board reads it.
    fn reader(self, source: &FeedSource, now: Timestamp) -> FeedReader {
        FeedReader::new(source.format, &source.url, now, self.max_bytes)
            .with_max_age(self.max_age_days)
    }
}

/// Where the first openings of a feed go while the rest still arrives, and
/// how many make it worth showing them (a page's worth).
pub struct Early<'a> {
    pub after: usize,
    pub show: &'a dyn Fn(Vec<Opening>),
}

/// A feed request the loader (`openings.js`) started for the board's first
/// feed while the board's WebAssembly was still on its way, so that the
/// network and the compiling overlap. The board takes it over, with its
/// abort controller, when it asks for that same URL with the same cache
/// setting; otherwise the request is aborted.
pub struct Prefetched {
    url: String,
    cache: bool,
    controller: AbortController,
    response: js_sys::Promise,
}

impl Prefetched {
    /// Reads `{url, cache, controller, response}` as the loader gives it;
    /// `None` for anything else (no prefetch, or a board mounted by hand).
    pub fn from_js(value: &JsValue) -> Option<Prefetched> {
        let field = |name: &str| Reflect::get(value, &JsValue::from_str(name)).ok();
        if !value.is_object() {
            return None;
        }
        Some(Prefetched {
            url: field("url")?.as_string()?,
            cache: field("cache")?.as_bool()?,
            controller: field("controller")?.dyn_into().ok()?,
            response: field("response")?.dyn_into().ok()?,
        })
    }

    /// Gives the request up.
    pub fn abort(&self) {
        self.controller.abort();
    }
}

/// Where the board keeps the loader's request until its first load takes it.
#[derive(Clone, Default)]
pub struct PrefetchSlot(Rc<RefCell<Option<Prefetched>>>);

impl PrefetchSlot {
    pub fn new(prefetched: Option<Prefetched>) -> PrefetchSlot {
        PrefetchSlot(Rc::new(RefCell::new(prefetched)))
    }

    pub fn take(&self) -> Option<Prefetched> {
        self.0.borrow_mut().take()
    }
}

impl PartialEq for PrefetchSlot {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The requests for one feed (the first and any retries), which the board
/// can cancel when it goes away or the feed changes.
pub struct FeedRequest {
    /// The controller of the attempt under way.
    controller: RefCell<Option<AbortController>>,
    cancelled: Cell<bool>,
}

impl FeedRequest {
    pub fn new() -> FeedRequest {
        FeedRequest {
            controller: RefCell::new(None),
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
        if let Some(controller) = self.controller.borrow().as_ref() {
            controller.abort();
        }
    }

    /// Fetches the feed and reads it, as it arrives, in the format `source`
    /// names (or the one its shape shows), handing its first openings to
    /// `early` as soon as there are enough of them; when that fails in a way
    /// the network may be to blame for, falls back to the saved copy (unless
    /// the board keeps none).
    pub async fn load(&self, load: FeedLoad<'_>) -> Result<Loaded, FeedProblem> {
        let (source, reading) = (load.source, load.reading);
        let url = source.url.as_str();
        let cache = reading.cache;
        let now = crate::embed::now();
        match self.fetch_feed(load, now).await {
            Ok((feed, copy)) => {
                if cache {
                    save_copy_later(url.to_string(), copy, now);
                }
                Ok(Loaded {
                    feed,
                    saved: None,
                    holds: Holds::Rest,
                })
            }
            // A cancelled load has nobody to answer: no saved copy is read.
            Err(problem) if self.is_cancelled() => Err(problem),
            Err(problem) if cache && problem.is_retryable() => {
                let Some((fetched_at, body)) = saved_copy(url) else {
                    return Err(problem);
                };
                match reading.reader(source, now).read([body.as_bytes()]) {
                    Ok(feed) => Ok(Loaded {
                        feed,
                        saved: Some(SavedCopy {
                            fetched_at,
                            problem,
                        }),
                        holds: Holds::Whole,
                    }),
                    Err(_) => Err(problem),
                }
            }
            Err(problem) => Err(problem),
        }
    }

    /// The feed, read chunk by chunk as its body arrives, and the body
    /// itself when it is small enough to keep as the saved copy.
    async fn fetch_feed(
        &self,
        load: FeedLoad<'_>,
        now: Timestamp,
    ) -> Result<(ParsedFeed, Option<String>), FeedProblem> {
        let FeedLoad {
            source,
            reading,
            early,
            prefetched,
        } = load;
        let url = source.url.as_str();
        let Reading {
            max_bytes, cache, ..
        } = reading;
        // The loader's request, when it asked for exactly this.
        let prefetched = match prefetched {
            Some(p) if p.url == url && p.cache == cache => Some(p),
            Some(p) => {
                p.abort();
                None
            }
            None => None,
        };
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(FeedProblem::BadUrl);
        }
        let window = web_sys::window().ok_or(FeedProblem::Network)?;
        let controller = match &prefetched {
            Some(p) => Some(p.controller.clone()),
            None => AbortController::new().ok(),
        };
        *self.controller.borrow_mut() = controller.clone();
        let network = NetworkTime::new(controller.clone());
        let timed_out = network.timed_out.clone();
        let failed = |_: JsValue| {
            if timed_out.get() {
                FeedProblem::Timeout
            } else {
                FeedProblem::Network
            }
        };
        let abort = || {
            if let Some(controller) = &controller {
                controller.abort();
            }
        };

        let pending = match prefetched {
            Some(p) => p.response,
            None => window.fetch_with_request(&feed_request(url, cache, controller.as_ref())?),
        };
        let response = match network.wait(pending).await.0 {
            Ok(response) => response,
            Err(_) if timed_out.get() => return Err(FeedProblem::Timeout),
            Err(_) if self.is_cancelled() => return Err(FeedProblem::Network),
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
            abort();
            return Err(FeedProblem::Feed(FeedError::TooLarge {
                bytes,
                limit: max_bytes,
            }));
        }

        let mut reader = reading.reader(source, now);
        let mut copy = cache.then(Vec::new);
        let mut early_shown = false;
        let mut slice_started = clock_ms();
        if let Some(body) = response.body() {
            let chunks: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
            loop {
                let (step, waited_ms) = network.wait(chunks.read()).await;
                let step = step.map_err(failed)?;
                if waited_ms > 1.0 {
                    // The chunk had to come over the network: the page had
                    // its turn meanwhile, so the reading time starts anew.
                    slice_started = clock_ms();
                }
                if self.is_cancelled() {
                    abort();
                    return Err(FeedProblem::Network);
                }
                if Reflect::get(&step, &JsValue::from_str("done"))
                    .ok()
                    .and_then(|done| done.as_bool())
                    .unwrap_or(true)
                {
                    break;
                }
                let Ok(value) = Reflect::get(&step, &JsValue::from_str("value")) else {
                    break;
                };
                let bytes = Uint8Array::new(&value).to_vec();
                if let Some(kept) = copy.as_mut() {
                    if kept.len() + bytes.len() <= MAX_SAVED_BYTES {
                        kept.extend_from_slice(&bytes);
                    } else {
                        copy = None;
                    }
                }
                // A chunk is read a slice at a time, letting the page take
                // its turn every SLICE_MS: a small feed, or a cached one,
                // comes as one chunk of megabytes.
                let mut left = bytes.len();
                for slice in bytes.chunks(READ_SLICE_BYTES) {
                    if let Err(error) = reader.push(slice) {
                        abort();
                        return Err(FeedProblem::Feed(error));
                    }
                    left -= slice.len();
                    // A large feed already here (a chunk of megabytes) is
                    // shown a part at a time like one still arriving: the
                    // rest takes long to read.
                    if !early_shown
                        && left > EARLY_IN_CHUNK_BYTES
                        && reader.openings_ready() >= early.after
                    {
                        early_shown = true;
                        (early.show)(reader.take_openings());
                        crate::embed::frames::after_paint().await;
                        slice_started = clock_ms();
                    }
                    if clock_ms() - slice_started > SLICE_MS {
                        yield_to_page().await;
                        slice_started = clock_ms();
                    }
                    if self.is_cancelled() {
                        abort();
                        return Err(FeedProblem::Network);
                    }
                }
                // The first openings are shown early only while the rest is
                // still on the network, or is a megabyte still to read:
                // what is already here is read first, so that a small feed
                // never shows a part of itself sorted, searched and paged
                // as if it were the whole.
                if !early_shown && reader.openings_ready() >= early.after {
                    early_shown = true;
                    (early.show)(reader.take_openings());
                    // Let the browser paint them before reading on.
                    crate::embed::frames::after_paint().await;
                    slice_started = clock_ms();
                }
            }
        }
        let feed = reader.finish().map_err(FeedProblem::Feed)?;
        let copy = copy.map(|bytes| String::from_utf8_lossy(&bytes).into_owned());
        Ok((feed, copy))
    }
}

/// Milliseconds on the page's monotonic clock (a wall clock set back would
/// give a request time back).
fn clock_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// A request's time on the network: [`FEED_TIMEOUT_SECONDS`] for its
/// headers and body together, counted only while the board waits for them.
/// Reading what has come does not count: it lets the page take its turns,
/// and a busy host page may keep it for long, but every byte is here.
struct NetworkTime {
    left_ms: Cell<f64>,
    controller: Option<AbortController>,
    timed_out: Rc<Cell<bool>>,
}

impl NetworkTime {
    fn new(controller: Option<AbortController>) -> Self {
        NetworkTime {
            left_ms: Cell::new(f64::from(FEED_TIMEOUT_SECONDS) * 1000.0),
            controller,
            timed_out: Rc::new(Cell::new(false)),
        }
    }

    /// Waits for `pending` (the response, or the body's next chunk); when
    /// the time left runs out first, the request is abandoned and `pending`
    /// fails. With the answer, how long it took (ms).
    async fn wait(&self, pending: js_sys::Promise) -> (Result<JsValue, JsValue>, f64) {
        let started = clock_ms();
        let left = self.left_ms.get();
        let _timer = self.controller.as_ref().map(|controller| {
            let controller = controller.clone();
            let timed_out = self.timed_out.clone();
            // Whole milliseconds, none when the time has run out.
            Timeout::new(left.max(0.0) as u32, move || {
                timed_out.set(true);
                controller.abort();
            })
        });
        let answer = JsFuture::from(pending).await;
        let waited = clock_ms() - started;
        self.left_ms.set(left - waited);
        (answer, waited)
    }
}

impl Default for FeedRequest {
    fn default() -> Self {
        FeedRequest::new()
    }
}

/// The board's request for a feed: CORS, never cookies, revalidated with
/// the server unless the cache is off (the loader's prefetch asks the same).
fn feed_request(
    url: &str,
    cache: bool,
    controller: Option<&AbortController>,
) -> Result<Request, FeedProblem> {
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_mode(RequestMode::Cors);
    init.set_credentials(RequestCredentials::Omit);
    init.set_cache(if cache {
        RequestCache::NoCache
    } else {
        RequestCache::NoStore
    });
    if let Some(controller) = controller {
        init.set_signal(Some(&controller.signal()));
    }
    let request = Request::new_with_str_and_init(url, &init).map_err(|_| FeedProblem::BadUrl)?;
    let _ = request.headers().set(
        "Accept",
        "application/ld+json, application/json;q=0.9, */*;q=0.1",
    );
    Ok(request)
}

/// How long reading a feed may hold the page before it lets other work run.
const SLICE_MS: f64 = 12.0;

/// Past this many bytes of a chunk still to read (about 300 openings, 100
/// ms here), its first openings are shown before the rest is read.
const EARLY_IN_CHUNK_BYTES: usize = 1024 * 1024;

/// The bytes read at a time: a few openings (a schema.org posting with its
/// description is 1–4 KB), so that the page gets its turn within
/// [`SLICE_MS`] or so however large the chunks the network gives.
const READ_SLICE_BYTES: usize = 16 * 1024;

/// Resolves in a task of its own, after whatever the page has queued (a
/// message to itself: unlike a timer, never delayed by nesting).
async fn yield_to_page() {
    let turn = js_sys::Promise::new(&mut |resolve, _| {
        if let Ok(channel) = web_sys::MessageChannel::new() {
            channel.port1().set_onmessage(Some(&resolve));
            if channel.port2().post_message(&JsValue::NULL).is_ok() {
                return;
            }
        }
        let _ = resolve.call0(&JsValue::NULL);
    });
    let _ = JsFuture::from(turn).await;
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

fn storage() -> Option<web_sys::Storage> {
    // Storage may be missing or refused (privacy settings, sandboxed frames).
    web_sys::window()?.local_storage().ok().flatten()
}

/// One saved copy as stored: `<fetched at, ms>\n<body>`.
struct Stored {
    key: String,
    fetched_at: Option<Timestamp>,
    /// The UTF-16 units its key and value take.
    units: usize,
}

/// The UTF-16 units of a text, as the browser counts storage.
fn units(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// When a stored value was fetched, if it says so sensibly.
fn fetched_at(value: &str) -> Option<Timestamp> {
    let (at, _) = value.split_once('\n')?;
    Timestamp::from_ms(at.parse().ok()?)
}

/// Whether a copy fetched at `at` may still be shown at `now`.
fn fresh_enough(at: Timestamp, now: Timestamp) -> bool {
    let age = now.millis_since(at);
    // A copy "from the future" was not written by a board on this clock.
    (0..=SAVED_MAX_AGE_MS).contains(&age)
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `localStorage`, seen through `getItem` with its answer left in
    /// JavaScript: measuring a copy and reading its first line need not
    /// bring its whole body into the board.
    type StoredValues;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item(this: &StoredValues, key: &str) -> Result<JsValue, JsValue>;
}

/// Every saved copy of every board of this origin, measured without
/// reading the bodies.
fn stored_copies(storage: &web_sys::Storage) -> Vec<Stored> {
    (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(SAVED_PREFIX))
        .map(|key| {
            let value = storage
                .unchecked_ref::<StoredValues>()
                .get_item(&key)
                .ok()
                .and_then(|v| v.dyn_into::<js_sys::JsString>().ok());
            let (length, head) = value.map_or((0, String::new()), |v| {
                (v.length() as usize, String::from(v.slice(0, 24)))
            });
            Stored {
                fetched_at: fetched_at(&head),
                units: units(&key) + length,
                key,
            }
        })
        .collect()
}

/// Where a feed's copy is saved: under its URL without a `#fragment`,
/// which is never sent to the server (the same feed, named two ways).
fn saved_key(url: &str) -> String {
    let feed = url.split_once('#').map_or(url, |(feed, _)| feed);
    format!("{SAVED_PREFIX}{feed}")
}

/// The saved copy of a feed, when there is one young enough to show: when
/// it was fetched, and its body. An older one is removed. Its age is told by
/// the clock now, not when the load began: another tab may have saved it
/// while this one waited for the network.
fn saved_copy(url: &str) -> Option<(Timestamp, String)> {
    let now = crate::embed::now();
    let storage = storage()?;
    let key = saved_key(url);
    let value = storage.get_item(&key).ok().flatten()?;
    let at = fetched_at(&value).filter(|&at| fresh_enough(at, now));
    let (Some(at), true) = (at, value.len() <= MAX_SAVED_BYTES + 32) else {
        let _ = storage.remove_item(&key);
        return None;
    };
    let (_, body) = value.split_once('\n')?;
    Some((at, body.to_string()))
}

/// Saves the copy once the board has drawn what it read: writing a feed
/// of up to 1 MB to localStorage takes the page some milliseconds, which
/// the reader should not wait for before seeing the openings.
fn save_copy_later(url: String, body: Option<String>, fetched_at: Timestamp) {
    wasm_bindgen_futures::spawn_local(async move {
        crate::embed::frames::after_paint().await;
        save_copy(&url, body.as_deref(), fetched_at);
    });
}

/// Keeps `body`, fetched at `fetched_at`, as the feed's saved copy; `None`
/// (a feed too large to keep) forgets any older copy. Makes room within the
/// origin's budget by removing copies too old to show, then the oldest
/// others; gives up quietly when it cannot. The others' ages are told by
/// the clock now: copies saved by other boards and tabs while this feed
/// was on its way are younger than its fetch, not "from the future".
fn save_copy(url: &str, body: Option<&str>, fetched_at: Timestamp) {
    let now = crate::embed::now();
    let Some(storage) = storage() else { return };
    let key = saved_key(url);
    let Some(body) = body.filter(|_| key.len() <= MAX_SAVED_KEY_BYTES) else {
        let _ = storage.remove_item(&key);
        return;
    };
    let value = format!("{}\n{body}", fetched_at.0);
    let needed = units(&key) + units(&value);
    let (mine, mut others): (Vec<Stored>, Vec<Stored>) = stored_copies(&storage)
        .into_iter()
        .partition(|c| c.key == key);
    // Another tab fetched the feed after this one asked for it, and saved
    // that newer answer meanwhile: it stays. (Not one "from the future".)
    let newer = |at: Timestamp| at > fetched_at && fresh_enough(at, now);
    if mine.iter().any(|c| c.fetched_at.is_some_and(newer)) {
        return;
    }
    // Too old to show, or unreadable: of no use to anybody.
    others.retain(|c| {
        let keep = c.fetched_at.is_some_and(|at| fresh_enough(at, now));
        if !keep {
            let _ = storage.remove_item(&c.key);
        }
        keep
    });
    // Oldest first, they go until the new copy fits the budget.
    let mut order: Vec<u32> = (0..others.len() as u32).collect();
    openings_core::sort::sort_indices(&mut order, &|a, b| {
        others[a as usize]
            .fetched_at
            .cmp(&others[b as usize].fetched_at)
    });
    let mut oldest = order.iter().map(|&i| &others[i as usize]);
    let mut used: usize = others.iter().map(|c| c.units).sum();
    while used + needed > SAVED_BUDGET_UNITS {
        let Some(oldest) = oldest.next() else { break };
        let _ = storage.remove_item(&oldest.key);
        used -= oldest.units;
    }
    if used + needed > SAVED_BUDGET_UNITS {
        let _ = storage.remove_item(&key);
        return;
    }
    // The host may have filled the storage itself: our oldest copies give way.
    while storage.set_item(&key, &value).is_err() {
        let Some(oldest) = oldest.next() else {
            let _ = storage.remove_item(&key);
            return;
        };
        let _ = storage.remove_item(&oldest.key);
    }
}
