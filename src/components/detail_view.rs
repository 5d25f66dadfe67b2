//! One opening, opened in place: its full description (through the
//! sanitizing path), every fact, all its places, the contact, "new" and
//! "closing soon" marks, Apply, and a control that copies its link. Focus
//! moves to its title when it opens; "Back to all openings" closes it.

use std::rc::Rc;

use openings_core::catalog::{closes_soon, is_new};
use openings_core::dates::Timestamp;
use openings_core::rich_text;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::state::SharedCatalog;

use super::apply_link::{ApplyLink, ApplyLinkProps};
use super::rich_text::RichText;
use super::{facts, safe_href, use_locale};

/// How sharing a link went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// The share sheet took it.
    Shared,
    /// The reader closed the share sheet.
    Cancelled,
    /// On the clipboard.
    Copied,
    /// Neither worked: the reader copies it from the address bar.
    Failed,
}

/// What the detail view asks to share, and where the answer goes (the
/// embedding does the sharing: `embed::share`).
#[derive(Clone, PartialEq)]
pub struct ShareAsk {
    pub title: String,
    pub url: String,
    pub done: Callback<Shared>,
}

#[derive(Properties)]
pub struct DetailViewProps {
    pub catalog: SharedCatalog,
    pub index: usize,
    /// The opening's own link on the host page, for "Copy link".
    pub link: AttrValue,
    pub now: Timestamp,
    pub on_close: Callback<()>,
    pub on_apply: Callback<usize>,
    /// Shares the opening's link (the share sheet, or the clipboard).
    pub on_share: Callback<ShareAsk>,
    /// Whether the browser has a share sheet: the button says Share, else
    /// Copy link.
    #[prop_or_default]
    pub can_share: bool,
}

impl PartialEq for DetailViewProps {
    fn eq(&self, other: &Self) -> bool {
        self.catalog == other.catalog
            && self.index == other.index
            && self.link == other.link
            && self.now == other.now
            && self.can_share == other.can_share
    }
}

/// The board may give the focus back to this opening once it is closed.
#[cfg(target_arch = "wasm32")]
fn forget_focus_back(title: &HtmlElement) {
    crate::embed::forget_focus_back(title);
}

#[cfg(not(target_arch = "wasm32"))]
fn forget_focus_back(_: &HtmlElement) {}

#[component]
pub fn DetailView(props: &DetailViewProps) -> Html {
    let locale = use_locale();
    let strings = locale.strings;
    let title_ref = use_node_ref();
    let shared = use_state(|| None::<Shared>);
    let index = props.index;

    // Focus the title when an opening opens, so a screen reader starts there.
    {
        let title_ref = title_ref.clone();
        use_effect_with(index, move |_| {
            if let Some(title) = title_ref.cast::<HtmlElement>() {
                forget_focus_back(&title);
                let _ = title.focus();
            }
        });
    }
    // A description past the nodes a board draws, or cut by the feed's
    // reader at the bytes it keeps, shows its beginning, and says so.
    let described = use_memo((index, props.catalog.clone()), |(index, catalog)| {
        let description = catalog.get(*index).map(|o| &o.description);
        let mut nodes = description
            .map(rich_text::from_description)
            .unwrap_or_default();
        let cut = rich_text::clip_nodes(&mut nodes, rich_text::MAX_SHOWN_NODES)
            || description.is_some_and(rich_text::cut_at_the_byte_limit);
        (Rc::new(nodes), cut)
    });
    let (nodes, cut) = (described.0.clone(), described.1);
    let Some(opening) = props.catalog.get(index) else {
        return html! {};
    };

    let back = props.on_close.reform(|_: MouseEvent| ());
    let apply = props.on_apply.reform(move |()| index);
    let share = {
        let ask = ShareAsk {
            title: opening.title.clone(),
            url: props.link.to_string(),
            done: {
                let shared = shared.clone();
                Callback::from(move |outcome| shared.set(Some(outcome)))
            },
        };
        props.on_share.reform(move |_: MouseEvent| ask.clone())
    };

    // Where the rest of a cut description is: the opening's own page, else
    // an apply page on the web (not an e-mail address).
    let full_description = opening
        .url
        .iter()
        .chain([&opening.apply_url])
        .filter(|u| !u.trim_start().to_ascii_lowercase().starts_with("mailto:"))
        .find_map(|u| safe_href(u));
    let org = &opening.organization;
    let where_ = facts::location(&locale, opening);
    let kind = facts::employment(&locale, opening);
    let pay = facts::pay(&locale, opening);
    let date = |at: Option<Timestamp>| {
        at.map(|at| html! { <time datetime={at.to_iso_date()}>{ locale.format.date(at) }</time> })
    };
    let fact = |label: &'static str, value: Html| {
        html! { <div class="fact"><dt>{ label }</dt><dd>{ value }</dd></div> }
    };
    let contact = opening.contact.as_ref().map(|c| {
        let email = c
            .email
            .as_ref()
            .map(|e| match safe_href(&format!("mailto:{e}")) {
                Some(href) => html! { <a {href}>{ e }</a> },
                None => html! { { e } },
            });
        let url = c.url.as_ref().map(|u| match safe_href(u) {
            Some(href) => {
                html! { <a {href} target="_blank" rel="noopener noreferrer">{ u }</a> }
            }
            None => html! { { u } },
        });
        html! { <>{ for c.name.clone() }{ " " }{ for email }{ " " }{ for url }</> }
    });
    let copy_status = match *shared {
        Some(Shared::Copied) => strings.link_copied,
        Some(Shared::Failed) => strings.copy_failed,
        Some(Shared::Shared | Shared::Cancelled) | None => "",
    };

    html! {
        <article class="detail" aria-labelledby="openings-detail-title">
            <button type="button" class="detail-back" onclick={back}>{ strings.back_to_list }</button>
            <header class="detail-header">
                <h3 id="openings-detail-title" class="detail-title" tabindex="-1" ref={title_ref}>
                    { &opening.title }
                </h3>
                <p class="marks">
                    if is_new(opening, props.now) {
                        <span class="mark mark-new">{ strings.new_mark }</span>
                    }
                    if closes_soon(opening, props.now) {
                        <span class="mark mark-closing">{ strings.closing_soon_mark }</span>
                    }
                </p>
                if !org.name.is_empty() {
                    <p class="detail-org">
                        if let Some(href) = org.url.as_deref().and_then(safe_href) {
                            <a {href} target="_blank" rel="noopener noreferrer">{ &org.name }</a>
                        } else {
                            { &org.name }
                        }
                    </p>
                }
            </header>
            <dl class="facts">
                if !where_.is_empty() { { fact(strings.label_location, html! { { where_.clone() } }) } }
                if !kind.is_empty() { { fact(strings.label_type, html! { { kind.clone() } }) } }
                if let Some(pay) = pay { { fact(strings.label_salary, html! { { pay } }) } }
                if let Some(dept) = &opening.department { { fact(strings.label_department, html! { { dept.clone() } }) } }
                if let Some(posted) = date(opening.date_posted) { { fact(strings.label_posted, posted) } }
                if let Some(closes) = date(opening.valid_through) { { fact(strings.label_closes, closes) } }
                if let Some(contact) = contact { { fact(strings.label_contact, contact) } }
            </dl>
            <RichText nodes={nodes} />
            if cut {
                <p class="description-cut">
                    { strings.description_cut }
                    if let Some(href) = full_description {
                        { " " }
                        <a {href} target="_blank" rel="noopener noreferrer">{ strings.description_full }</a>
                    }
                </p>
            }
            <div class="detail-actions">
                <ApplyLink ..ApplyLinkProps::for_opening(opening, apply) />
                <button type="button" class={if props.can_share { "share" } else { "copy-link" }}
                    onclick={share}>
                    { if props.can_share { strings.share } else { strings.copy_link } }
                </button>
                <span class="copy-status" role="status">{ copy_status }</span>
            </div>
        </article>
    }
}
