//! The embedding: the Rust side of the `<openings-board>` custom element.
//! The loader (`openings.js`, beside this file) defines the element, attaches
//! its open shadow root and adopts the stylesheet, then calls [`mount_board`]
//! for each board; this module reads the element's attributes, resolves feed
//! URLs against the host page, picks the language and mounts the [`Board`]
//! component into a container inside the shadow root. It is the only code
//! that touches the host page.

pub mod console;
pub mod events;
pub mod feed_loader;
pub mod feeds;
pub mod frames;
pub mod pause;
pub mod search_index;
pub mod share;
pub mod structured_data;
pub mod url_sync;

use std::cell::RefCell;
use std::rc::Rc;

use openings_core::url_state::{link_base, param_name, remove_param};
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot};
use yew::AppHandle;

use crate::components::board::{Board, BoardProps};
use crate::components::listings::FocusedRow;
use crate::config::BoardConfig;
use crate::i18n::Locale;

/// The browser's clock, as the core's [`Timestamp`](openings_core::dates::Timestamp).
pub fn now() -> openings_core::dates::Timestamp {
    openings_core::dates::Timestamp(js_sys::Date::now() as i64)
}

/// One mounted board, held by its element.
#[wasm_bindgen]
pub struct BoardHandle {
    host: HtmlElement,
    container: web_sys::Element,
    app: Option<AppHandle<Board>>,
    /// Keeps the keyboard focus in the board when what held it goes.
    _focus_kept: gloo_events::EventListener,
    /// Puts the live board in the place of a rendered one (kept for the
    /// board's props when its attributes change before that).
    on_shown: yew::Callback<()>,
    /// Kept like `on_shown`: false where a rendered board is taken over.
    first_screen_first: bool,
}

thread_local! {
    /// The board this runtime shows, and its console name: the loader gives
    /// every board a runtime of its own, so a panic can only be this board's.
    static MOUNTED: RefCell<Option<(web_sys::Element, Rc<str>)>> = const { RefCell::new(None) };
}

/// Mounts a board into `shadow`, the open shadow root of `host`;
/// `prefetched` is the loader's request for the first feed, if it made one
/// (see [`Prefetched`](feed_loader::Prefetched)).
#[wasm_bindgen]
pub fn mount_board(
    host: HtmlElement,
    shadow: ShadowRoot,
    prefetched: JsValue,
) -> Result<BoardHandle, JsValue> {
    let document = host.owner_document().ok_or("the element has no document")?;
    let container = document.create_element("div")?;
    container.set_class_name("openings-root");
    // A board rendered into the page (`openings render`, a declarative
    // shadow root) stays in view until the live board has something to
    // show: then the live board takes its place, in one frame.
    let snapshot: Vec<web_sys::Element> = shadow
        .query_selector_all("[data-openings-snapshot]")
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i))
                .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
                .collect()
        })
        .unwrap_or_default();
    if !snapshot.is_empty() {
        container.set_attribute("hidden", "")?;
    }
    shadow.append_child(&container)?;
    let mut props = props_for(&host);
    if !snapshot.is_empty() {
        props.first_screen_first = false;
        let (container, shadow) = (container.clone(), shadow.clone());
        let snapshot = RefCell::new(snapshot);
        props.on_shown = yew::Callback::from(move |()| {
            // A reader may have used the rendered board already: tabbed into
            // it, typed a search, picked a sort or ticked a filter.
            let focused = shadow
                .active_element()
                .filter(|active| {
                    snapshot
                        .borrow()
                        .iter()
                        .any(|old| old.contains(Some(active)))
                })
                .map(|active| Place::of(&active));
            let used: Vec<(Place, Used)> = snapshot.borrow().iter().flat_map(used_in).collect();
            for old in snapshot.borrow_mut().drain(..) {
                old.remove();
            }
            let _ = container.remove_attribute("hidden");
            for (place, what) in used {
                if let Some(live) = place.find(&container) {
                    what.carry_to(&live);
                }
            }
            if let Some(place) = focused {
                match place.find(&container) {
                    Some(live) => focus_in_place(&live),
                    None => hold_board_focus(&container),
                }
            }
        });
    }
    props.prefetched =
        feed_loader::PrefetchSlot::new(feed_loader::Prefetched::from_js(&prefetched));
    MOUNTED.with(|m| *m.borrow_mut() = Some((container.clone(), props.label.clone())));
    yew::set_custom_panic_hook(Box::new(show_panic));
    let on_shown = props.on_shown.clone();
    let first_screen_first = props.first_screen_first;
    let app = yew::Renderer::<Board>::with_root_and_props(container.clone(), props).render();
    let focus_kept = keep_focus_in(&container, &shadow, &document);
    Ok(BoardHandle {
        host,
        container,
        app: Some(app),
        _focus_kept: focus_kept,
        on_shown,
        first_screen_first,
    })
}

/// Right after this hook, the panic ends in a WebAssembly trap, which the
/// browser reports as an uncaught `RuntimeError` to the page whose event loop
/// called the board. The board has already said what happened, so that
/// report is caught before the host page's own error handlers see it.
fn swallow_the_trap() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let handler = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(|event: web_sys::ErrorEvent| {
        if event
            .error()
            .is_instance_of::<js_sys::WebAssembly::RuntimeError>()
        {
            event.prevent_default();
            event.stop_immediate_propagation();
        }
    });
    let options = web_sys::AddEventListenerOptions::new();
    options.set_capture(true);
    let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
        "error",
        handler.as_ref().unchecked_ref(),
        &options,
    );
    // The listener lives as long as the page: the board it speaks for has stopped.
    handler.forget();
}

/// A bug in the board: say so in the console and in the board, and take the
/// board's DOM (and with it every event listener) out of the page. Other
/// boards run in runtimes of their own and carry on.
fn show_panic(info: &std::panic::PanicHookInfo<'_>) {
    let Some((container, label)) = MOUNTED.with(|m| m.borrow_mut().take()) else {
        return;
    };
    console::error(
        &label,
        &format!(
            "the board stopped because of an internal error ({info}). \
             Other boards on the page are not affected; please report this."
        ),
    );
    swallow_the_trap();
    let Some(document) = container.owner_document() else {
        return;
    };
    // The stopped board's search-engine markup goes with it.
    structured_data::remove(&document, &label);
    if let Some(notice) = create_element(&document, "p") {
        let _ = notice.set_attribute("role", "alert");
        let _ = notice.set_attribute("class", "notice notice-error");
        notice.set_text_content(Some(
            "This job board stopped because of an internal error. Reload the page to try again.",
        ));
        let _ = container.replace_with_with_node_1(&notice);
    }
}

#[wasm_bindgen]
impl BoardHandle {
    /// Re-reads the attributes after one changed (a new `feed` reloads the board).
    pub fn reconfigure(&mut self) {
        let mut props = props_for(&self.host);
        props.on_shown = self.on_shown.clone();
        props.first_screen_first = self.first_screen_first;
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
    }

    /// Makes this board fail the way a bug would, so that tests can check that
    /// a failure stays inside its board. Nothing in the board calls it.
    pub fn simulate_internal_error(&self) {
        panic!("a simulated internal error, asked for by a test");
    }

    /// Takes the board down: requests are cancelled, the DOM is removed.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.container.remove();
        MOUNTED.with(|m| m.borrow_mut().take());
    }
}

/// The board's properties, from its element and the page around it.
fn props_for(host: &HtmlElement) -> BoardProps {
    let (mut config, warnings) = BoardConfig::from_attributes(|name| host.get_attribute(name));
    let label = board_label(host, &config);
    for warning in &warnings {
        console::warn(&label, &warning.to_string());
    }
    let base = host.base_uri().ok().flatten();
    for feed in &mut config.feeds {
        feed.url = resolve(&feed.url, base.as_deref());
    }
    let lang = config.lang.clone().unwrap_or_else(|| page_language(host));
    let page_url = url_sync::current_url()
        .map(|url| link_base(&remove_param(&url, &param_name(config.id.as_deref()))))
        .unwrap_or_default();
    let on_event = {
        let host = host.clone();
        yew::Callback::from(move |event: events::BoardEvent| events::dispatch(&host, &event))
    };
    let initial_view = url_sync::view_from_url(config.id.as_deref(), &label);
    BoardProps {
        config: Rc::new(config),
        locale: Locale::new(&lang),
        label: Rc::from(label),
        page_url: Rc::from(page_url),
        initial_view,
        on_event,
        on_shown: yew::Callback::noop(),
        prefetched: feed_loader::PrefetchSlot::default(),
        first_screen_first: true,
    }
}

/// How the console names this board: by its id, or by its feeds.
fn board_label(host: &HtmlElement, config: &BoardConfig) -> String {
    match &config.id {
        Some(id) => format!("board #{id}"),
        None => format!(
            "board <openings-board feed=\"{}\">",
            host.get_attribute("feed").unwrap_or_default().trim()
        ),
    }
}

/// `document.head` as the browser keeps it. Read the ordinary way, the
/// page's own HTML can hide it (an `<img name="head">` makes `document.head`
/// that image); through `Document.prototype` it cannot.
pub(crate) fn document_head(document: &web_sys::Document) -> Option<web_sys::Element> {
    let getter: js_sys::Function = document_member(&JsValue::from_str("head"), "get")?;
    getter.call0(document).ok()?.dyn_into().ok()
}

/// A new element, made by `Document.prototype.createElement`, which the
/// page's HTML cannot hide (an `<img name="createElement">` added after the
/// board started would, read the ordinary way).
pub(crate) fn create_element(document: &web_sys::Document, tag: &str) -> Option<web_sys::Element> {
    let create: js_sys::Function = document_member(&JsValue::from_str("createElement"), "value")?;
    create
        .call1(document, &JsValue::from_str(tag))
        .ok()?
        .dyn_into()
        .ok()
}

/// The getter (`part` "get") or method (`part` "value") of
/// `Document.prototype[name]`.
fn document_member(name: &JsValue, part: &str) -> Option<js_sys::Function> {
    let class = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("Document")).ok()?;
    let proto = js_sys::Reflect::get(&class, &JsValue::from_str("prototype")).ok()?;
    let member =
        js_sys::Object::get_own_property_descriptor(proto.dyn_ref::<js_sys::Object>()?, name);
    js_sys::Reflect::get(&member, &JsValue::from_str(part))
        .ok()?
        .dyn_into()
        .ok()
}

/// The absolute URL of a feed written relative to the host page.
fn resolve(url: &str, base: Option<&str>) -> String {
    let resolved = match base {
        Some(base) => web_sys::Url::new_with_base(url, base),
        None => web_sys::Url::new(url),
    };
    resolved
        .map(|u| u.href())
        .unwrap_or_else(|_| url.to_string())
}

/// The language of the page around the board, else the browser's, else English.
/// A tag no board takes (empty, of megabytes, not a tag) counts as none: the
/// board's own (already warned of) or a section's is passed over for the one
/// around it, up to [`LANG_STEPS`] elements with a `lang` up.
fn page_language(host: &HtmlElement) -> String {
    let mut at = host.closest("[lang]").ok().flatten();
    for _ in 0..LANG_STEPS {
        let Some(el) = at else { break };
        if let Some(tag) = el
            .get_attribute("lang")
            .and_then(|tag| crate::i18n::usable_lang(&tag))
        {
            return tag;
        }
        at = el
            .parent_element()
            .and_then(|parent| parent.closest("[lang]").ok().flatten());
    }
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .and_then(|tag| crate::i18n::usable_lang(&tag))
        .unwrap_or_else(|| "en".to_string())
}

/// How many elements with a `lang` attribute [`page_language`] looks at,
/// from the board up: a page cannot make it walk a deep tree of them.
const LANG_STEPS: usize = 8;

/// Whether `element` has a box on the page (not `display: none`, itself or
/// an ancestor).
pub fn drawn(element: &web_sys::Element) -> bool {
    let rect = element.get_bounding_client_rect();
    rect.width() > 0.0 || rect.height() > 0.0
}

/// Where an element is in a board, so that the live board's own can be
/// found when it takes a rendered board's place: the opening (its listing's
/// id), the facet and the facet's value it belongs to, if any, by their keys
/// (not their words: the live board may speak another language than the
/// rendered one), and its tag and class; its text only tells apart two of
/// those alike.
struct Place {
    scope: Scope,
    tag: String,
    class: Option<String>,
    text: Option<String>,
}

/// The listing's id, the facet's key and the value's, around an element.
type Scope = [Option<String>; 3];

impl Place {
    fn of(el: &web_sys::Element) -> Place {
        Place {
            scope: Place::scope(el),
            tag: el.local_name(),
            class: el.get_attribute("class"),
            text: el.text_content(),
        }
    }

    fn scope(el: &web_sys::Element) -> Scope {
        let key = |selector: &str, name: &str| {
            el.closest(selector)
                .ok()
                .flatten()
                .and_then(|e| e.get_attribute(name))
        };
        [
            key(".listing", "data-id"),
            key("[data-facet]", "data-facet"),
            key("[data-value]", "data-value"),
        ]
    }

    /// The element at this place in `board`, if it has one.
    fn find(&self, board: &web_sys::Element) -> Option<HtmlElement> {
        let found = board.query_selector_all(&self.tag).ok()?;
        let alike: Vec<HtmlElement> = (0..found.length())
            .filter_map(|i| found.item(i))
            .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
            .filter(|el| el.get_attribute("class") == self.class && Place::scope(el) == self.scope)
            .collect();
        let same_words = alike.iter().find(|el| el.text_content() == self.text);
        same_words.or(alike.first()).cloned()
    }
}

/// What a reader did with a control of the rendered board: ticked or
/// unticked a filter, or set a value (a search typed, a sort picked) that
/// the board hears with this event.
enum Used {
    Ticked(bool),
    Set(String, &'static str),
}

/// A control's property, read as JavaScript does (one path for every kind
/// of control, not a binding each).
fn property(control: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(control, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

impl Used {
    /// Does the same to the live board's control, with its event, so that
    /// the board hears it.
    fn carry_to(&self, live: &HtmlElement) {
        match self {
            Used::Ticked(on) => {
                if property(live, "checked").as_bool() != Some(*on) {
                    live.click();
                }
            }
            Used::Set(value, event) => {
                if property(live, "value").as_string().as_ref() == Some(value) {
                    return;
                }
                let _ = js_sys::Reflect::set(
                    live,
                    &JsValue::from_str("value"),
                    &JsValue::from_str(value),
                );
                if let Ok(event) = web_sys::Event::new(event) {
                    let _ = live.dispatch_event(&event);
                }
            }
        }
    }
}

/// The controls of a rendered board the reader has changed.
fn used_in(snapshot: &web_sys::Element) -> Vec<(Place, Used)> {
    let mut used = Vec::new();
    let Ok(controls) =
        snapshot.query_selector_all("input[type=checkbox], input[type=search], select")
    else {
        return used;
    };
    for control in (0..controls.length()).filter_map(|i| controls.item(i)) {
        let Ok(control) = control.dyn_into::<web_sys::Element>() else {
            continue;
        };
        let value = property(&control, "value").as_string().unwrap_or_default();
        let what = match control.get_attribute("type").as_deref() {
            Some("checkbox") => {
                let on = property(&control, "checked").as_bool();
                (on != property(&control, "defaultChecked").as_bool())
                    .then(|| Used::Ticked(on == Some(true)))
            }
            Some(_) => {
                let typed = Some(&value) != property(&control, "defaultValue").as_string().as_ref();
                typed.then_some(Used::Set(value, "input"))
            }
            // A select: its option marked as chosen in the HTML, or its first.
            None => {
                let chosen = control
                    .query_selector("option[selected]")
                    .ok()
                    .flatten()
                    .or_else(|| control.query_selector("option").ok().flatten())
                    .and_then(|o| o.get_attribute("value"));
                (chosen.as_ref() != Some(&value)).then_some(Used::Set(value, "change"))
            }
        };
        if let Some(what) = what {
            used.push((Place::of(&control), what));
        }
    }
    used
}

/// Gives the board in `container` the keyboard focus for now, if it is on
/// the page at all (a board its host has hidden takes nothing).
fn hold_board_focus(container: &web_sys::Element) {
    if let Some(section) = container
        .first_element_child()
        .filter(drawn)
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        focus_for_now(&section);
    }
}

/// When the element with the keyboard focus leaves the board (a notice
/// whose feed is tried again by itself, a chip removed, a button that is no
/// longer needed) or is hidden (the filters' panel of a board turned
/// narrow), the focus would fall to the page's body, and a screen reader's
/// user would be taken out of the board: the board takes it instead, and the
/// next Tab goes on from its top (or, from the hidden panel, the panel's
/// control). Nothing happens when the focus went anywhere else.
fn keep_focus_in(
    container: &web_sys::Element,
    shadow: &ShadowRoot,
    document: &web_sys::Document,
) -> gloo_events::EventListener {
    let (board, shadow, document) = (container.clone(), shadow.clone(), document.clone());
    gloo_events::EventListener::new(container, "focusout", move |event| {
        let Some(left) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        else {
            return;
        };
        let (board, shadow, document) = (board.clone(), shadow.clone(), document.clone());
        // Whether it was in the filters, asked now: once it is removed
        // (with a facet, a re-pointed board's), it has no place left.
        let filters = left
            .dyn_ref::<web_sys::Element>()
            .and_then(|e| e.closest(".filters").ok().flatten());
        // The element is removed just after its focusout: look once it is.
        wasm_bindgen_futures::spawn_local(async move {
            let fell = document.active_element().is_none_or(|active| {
                document
                    .body()
                    .is_some_and(|body| active == *body.unchecked_ref::<web_sys::Element>())
            });
            let shown = left.dyn_ref::<web_sys::Element>().is_some_and(drawn);
            if (left.is_connected() && shown) || shadow.active_element().is_some() || !fell {
                return;
            }
            // Hidden in the filters' panel (the board turned narrow: a page
            // zoomed in, a tablet turned): to the panel's control; the
            // control hidden (the board turned wide): to the filters' column.
            let instead = [".filters-toggle", ".filters-panel"]
                .into_iter()
                .find_map(|selector| {
                    filters
                        .as_ref()
                        .and_then(|f| f.query_selector(selector).ok().flatten())
                        .filter(drawn)
                        .and_then(|c| c.dyn_into::<HtmlElement>().ok())
                });
            match instead {
                Some(instead) => focus_in_place(&instead),
                None => hold_board_focus(&board),
            }
        });
    })
}

/// Moves the keyboard focus from `holder` to the first element in it that
/// matches `selector`, if `holder` still has it and was given it by the
/// keyboard (the board held it while a feed loaded again; that feed failed
/// again, and its new Retry is there), and that element is on screen.
/// Nothing happens if the reader has moved on, used the mouse, or scrolled
/// the element away.
pub fn pass_focus(holder: &HtmlElement, selector: &str) {
    if !holder.matches(":focus-visible").unwrap_or(false) {
        return;
    }
    if let Some(target) = holder
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .filter(in_view)
    {
        focus_in_place(&target);
    }
}

/// Whether `element` is on screen, where the reader sees it: a reader who
/// has scrolled away from it since is reading, and a focused button would
/// take the Space that scrolls their page. What is at its middle is it (not
/// outside the window, not clipped by a scrolling box of the host, not
/// under something else). Never in a frame (`iframe` mode), which cannot
/// see where its host has scrolled.
fn in_view(element: &HtmlElement) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let framed = window
        .parent()
        .ok()
        .flatten()
        .is_some_and(|parent| !js_sys::Object::is(&parent, &window));
    if framed {
        return false;
    }
    let rect = element.get_bounding_client_rect();
    let (x, y) = (
        rect.left() + rect.width() / 2.0,
        rect.top() + rect.height() / 2.0,
    );
    let root = element.get_root_node().dyn_into::<ShadowRoot>().ok();
    root.and_then(|root| root.element_from_point(x as f32, y as f32))
        .is_some_and(|hit| element.contains(Some(&hit)))
}

/// Focuses `element` without scrolling the page to it: the reader may have
/// scrolled away since what they did.
fn focus_in_place(element: &HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}

/// Gives the focus back to `title`, the title of the opening a reader has
/// just closed, as the list comes back: unless the reader has gone on to
/// another control of the board or of the host page meanwhile (the list can
/// come a while after the Back: a board of several feeds, settling), and
/// only once per close. (Once given, it follows that opening like any focus
/// in the list: [`follow_focus`].)
pub fn focus_back(title: &HtmlElement) {
    // On the board, once it gave it back for the opening last closed.
    const GIVEN: &str = "data-focus-given";
    if title.get_root_node().dyn_ref::<ShadowRoot>().is_none() {
        let _ = title.focus();
        return;
    }
    let board = title.closest(".openings-board").ok().flatten();
    if board.as_ref().is_some_and(|b| b.has_attribute(GIVEN)) {
        return; // given once, and the reader has gone on
    }
    if !focus_fell(title) {
        return; // the reader has gone on, in the board or elsewhere
    }
    if let Some(board) = board {
        let _ = board.set_attribute(GIVEN, "");
    }
    let _ = title.focus();
}

/// The list's rows were drawn again with other openings in them, and the
/// reader did not ask for it (a member's feed came late and sorted newer
/// openings in front, a saved copy was replaced by the fresh feed): a focus
/// on a row's title or Apply link goes with its opening to the row that
/// shows it now (`moves[row]`) — rows are patched in place, so it would be
/// left on another opening, which Enter would open or apply to. Nothing
/// happens when the focus is not in the list.
pub fn follow_focus(list: &web_sys::Element, moves: &[Option<usize>]) {
    let Some(focus) = focus_in_list(list) else {
        return;
    };
    let Some(&moved) = moves.get(focus.row) else {
        return;
    };
    if moved != Some(focus.row) {
        focus_moved(list, &focus, moved);
    }
}

/// Where the keyboard focus is in the list of openings `list`, if it is in
/// one of its rows.
pub fn focus_in_list(list: &web_sys::Element) -> Option<FocusedRow> {
    let root = list.get_root_node().dyn_into::<ShadowRoot>().ok()?;
    let active = root.active_element().filter(|a| list.contains(Some(a)))?;
    let rows = rows_of(list);
    let row = rows.iter().position(|row| row.contains(Some(&active)))?;
    let control = controls_of(&rows[row])
        .iter()
        .position(|c| *c.unchecked_ref::<web_sys::Element>() == active);
    Some(FocusedRow {
        row,
        control,
        looked_at: on_screen(&rows[row]),
    })
}

/// Puts the focus that was at `focus` (see [`focus_in_list`]) on the same
/// control, the title or the Apply link, of row `to` of `list`, the row
/// that shows its opening now. Brought into view at the nearest edge when
/// the row it was on was in view (the reader was looking at the list). An
/// opening gone from this page (`None`) leaves the focus to the board.
pub fn focus_moved(list: &web_sys::Element, focus: &FocusedRow, to: Option<usize>) {
    let rows = rows_of(list);
    match to.and_then(|to| controls_of(rows.get(to)?).into_iter().nth(focus.control?)) {
        Some(control) => focus_in_sight(&control, focus.looked_at),
        None => focus_board_of(list),
    }
}

/// The control of `results` with the keyboard focus, outside the list's
/// rows (a page button, a picked filter's chip): its class, its name (its
/// `aria-label`, which tells two chips of one text apart, else its text)
/// and whether it was on screen, which find it again in results drawn
/// anew (see [`focus_control`]).
pub fn focused_control(results: &web_sys::Element) -> Option<(String, String, bool)> {
    let root = results.get_root_node().dyn_into::<ShadowRoot>().ok()?;
    let active = root
        .active_element()
        .filter(|a| results.contains(Some(a)))?;
    let class = active.class_name();
    (!class.trim().is_empty()).then(|| (class, control_name(&active), on_screen(&active)))
}

/// A control's name, as [`focused_control`] keeps it.
fn control_name(control: &web_sys::Element) -> String {
    control
        .get_attribute("aria-label")
        .or_else(|| control.text_content())
        .unwrap_or_default()
}

/// Puts the focus on the control of `results` with this class (the
/// board's own, never a feed's) and name, brought into view at the
/// nearest edge when it was in view (`looked_at`); or gives it to the
/// board when there is none now.
pub fn focus_control(results: &web_sys::Element, class: &str, name: &str, looked_at: bool) {
    let all = results.get_elements_by_class_name(class);
    let found = (0..all.length())
        .filter_map(|i| all.item(i)?.dyn_into::<HtmlElement>().ok())
        .find(|c| control_name(c) == name);
    match found {
        Some(control) => focus_in_sight(&control, looked_at),
        None => focus_board_of(results),
    }
}

/// Whether the keyboard focus that was in the board's `inside` fell when
/// what held it was removed, so that the board may put it back: in the
/// board, it is on the board itself (which took it); outside, on the
/// page's body (where a removed element leaves it) or nowhere. Not when
/// the reader has since put it anywhere else, in the board, in the host
/// page, or in another window or frame while the page is in view.
pub fn focus_fell(inside: &web_sys::Element) -> bool {
    let Some(root) = inside.get_root_node().dyn_into::<ShadowRoot>().ok() else {
        return false;
    };
    match root.active_element() {
        Some(active) => active.matches(".openings-board").unwrap_or(false),
        None => inside.owner_document().is_some_and(|d| {
            let other_window = !d.hidden() && !d.has_focus().unwrap_or(true);
            !other_window
                && d.active_element().is_none_or(|a| {
                    d.body()
                        .is_some_and(|b| *b.unchecked_ref::<web_sys::Element>() == a)
                })
        }),
    }
}

/// Focuses `control`, brought into view at the nearest edge when what
/// had the focus before was in view (`looked_at`: the reader was looking
/// there), and left where it is otherwise.
fn focus_in_sight(control: &HtmlElement, looked_at: bool) {
    focus_in_place(control);
    if looked_at && !on_screen(control) {
        let above = control.get_bounding_client_rect().top() < 0.0;
        control.scroll_into_view_with_bool(above);
    }
}

/// Gives the keyboard focus, for now, to the board that `inside` is in.
fn focus_board_of(inside: &web_sys::Element) {
    if let Some(board) = inside
        .closest(".openings-board")
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into::<HtmlElement>().ok())
    {
        focus_for_now(&board);
    }
}

/// The rows of the list of openings `list`.
fn rows_of(list: &web_sys::Element) -> Vec<web_sys::Element> {
    let rows = list.children();
    (0..rows.length()).filter_map(|i| rows.item(i)).collect()
}

/// The controls of a row: its title's link, its Apply link.
fn controls_of(row: &web_sys::Element) -> Vec<HtmlElement> {
    let Ok(list) = row.query_selector_all("a[href], button") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// Whether any of `element` is inside the window.
fn on_screen(element: &web_sys::Element) -> bool {
    let rect = element.get_bounding_client_rect();
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    rect.bottom() > 0.0 && rect.top() < height
}

/// Runs `then` once, the next time `element` loses the focus.
fn on_next_blur(element: &HtmlElement, then: impl FnOnce() + 'static) {
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    let _ = element.add_event_listener_with_callback_and_add_event_listener_options(
        "blur",
        Closure::once_into_js(then).unchecked_ref(),
        &options,
    );
}

/// An opening was opened: the board may give the focus back to it once it
/// is closed (see [`focus_back`]).
pub fn forget_focus_back(inside: &web_sys::Element) {
    if let Ok(Some(board)) = inside.closest(".openings-board") {
        let _ = board.remove_attribute("data-focus-given");
    }
}

/// Gives `element` the keyboard focus until the focus leaves it: focusable
/// (`tabindex="-1"`) only for that long. Focusable for good, a click on its
/// text would focus it and send the next Tab back to its top.
pub fn focus_for_now(element: &HtmlElement) {
    let _ = element.set_attribute("tabindex", "-1");
    focus_in_place(element);
    let target = element.clone();
    on_next_blur(element, move || {
        let _ = target.remove_attribute("tabindex");
    });
}
