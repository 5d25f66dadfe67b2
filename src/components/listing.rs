//! One opening in the list: its title (a real link to the opening's own URL
//! on the host page, opened in place), organization, where, what kind, pay,
//! dates, "new" and "closing soon" marks, and the Apply link to the
//! recruiting portal.

use openings_core::catalog::{closes_soon, is_new};
use openings_core::dates::Timestamp;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::state::SharedCatalog;

use super::apply_link::{ApplyLink, ApplyLinkProps};
use super::{facts, use_locale};

#[derive(Properties)]
pub struct ListingProps {
    pub catalog: SharedCatalog,
    pub index: usize,
    pub now: Timestamp,
    /// The opening's own link on the host page.
    pub link: AttrValue,
    pub on_open: Callback<usize>,
    pub on_apply: Callback<usize>,
    /// Take the focus when shown (coming back from the opening's details).
    #[prop_or_default]
    pub focus: bool,
}

impl PartialEq for ListingProps {
    fn eq(&self, other: &Self) -> bool {
        self.catalog == other.catalog
            && self.index == other.index
            && self.link == other.link
            && self.focus == other.focus
            && self.now.0 / 60_000 == other.now.0 / 60_000
    }
}

/// Gives the focus back to the title of the opening the reader closed (see
/// [`focus_back`](crate::embed::focus_back)).
#[cfg(target_arch = "wasm32")]
fn take_focus_back(title: &HtmlElement) {
    crate::embed::focus_back(title);
}

#[cfg(not(target_arch = "wasm32"))]
fn take_focus_back(_: &HtmlElement) {}

#[component]
pub fn Listing(props: &ListingProps) -> Html {
    let locale = use_locale();
    let strings = locale.strings;
    let title_ref = use_node_ref();
    {
        let title_ref = title_ref.clone();
        use_effect_with(props.focus, move |focus| {
            if *focus {
                if let Some(link) = title_ref.cast::<HtmlElement>() {
                    take_focus_back(&link);
                }
            }
        });
    }
    let Some(opening) = props.catalog.get(props.index) else {
        return html! {};
    };
    let index = props.index;
    // A plain click opens the opening in place; a click with a modifier
    // (new tab, new window) is left to the browser, which follows the link.
    let open = {
        let on_open = props.on_open.clone();
        Callback::from(move |e: MouseEvent| {
            if e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()) {
                e.prevent_default();
                on_open.emit(index);
            }
        })
    };
    let apply = props.on_apply.reform(move |()| index);
    let place = facts::location(&locale, opening);
    let kind = facts::employment(&locale, opening);
    let pay = facts::pay(&locale, opening);
    let date = |template: &'static str, class: &'static str, at: Option<Timestamp>| {
        at.map(|at| {
            let text = locale.format.date(at);
            let (before, after) = template.split_once("{date}").unwrap_or((template, ""));
            html! {
                <span class={class}>{ before }<time datetime={at.to_iso_date()}>{ text }</time>{ after }</span>
            }
        })
    };
    let org = opening.organization.name.as_str();
    html! {
        <li class="listing" data-id={opening.id.clone()}>
            <article class="listing-card">
                <h3 class="listing-title">
                    <a href={props.link.clone()} onclick={open} ref={title_ref}>{ &opening.title }</a>
                </h3>
                if !org.is_empty() {
                    <p class="listing-org">{ org }</p>
                }
                <p class="listing-facts">
                    if is_new(opening, props.now) {
                        <span class="mark mark-new">{ strings.new_mark }</span>
                    }
                    if closes_soon(opening, props.now) {
                        <span class="mark mark-closing">{ strings.closing_soon_mark }</span>
                    }
                    if !place.is_empty() {
                        <span class="listing-location">{ place }</span>
                    }
                    if !kind.is_empty() {
                        <span class="listing-type">{ kind }</span>
                    }
                    if let Some(pay) = pay {
                        <span class="listing-salary">{ pay }</span>
                    }
                </p>
                <p class="listing-dates">
                    { for date(strings.posted, "listing-posted", opening.date_posted) }
                    { for date(strings.closes, "listing-closes", opening.valid_through) }
                </p>
                <ApplyLink ..ApplyLinkProps::for_opening(opening, apply) />
            </article>
        </li>
    }
}
