//! The Apply link: to the recruiting portal, in a new tab, without an
//! opener, named for the opening it applies to. The same in a listing row and
//! in the detail view. A link that is not http, https or mailto is not
//! drawn as a link (see [`safe_href`]).

use openings_core::model::Opening;
use yew::prelude::*;

use super::{safe_href, use_locale};
use crate::i18n;

#[derive(Properties, PartialEq)]
pub struct ApplyLinkProps {
    pub href: AttrValue,
    pub title: AttrValue,
    pub organization: AttrValue,
    /// Told when the reader clicks (the link itself does the navigating).
    pub on_apply: Callback<()>,
}

impl ApplyLinkProps {
    pub fn for_opening(opening: &Opening, on_apply: Callback<()>) -> ApplyLinkProps {
        ApplyLinkProps {
            href: opening.apply_url.clone().into(),
            title: opening.title.clone().into(),
            organization: opening.organization.name.clone().into(),
            on_apply,
        }
    }
}

#[component]
pub fn ApplyLink(props: &ApplyLinkProps) -> Html {
    let locale = use_locale();
    let label = i18n::fill(
        locale.strings.apply_label,
        &[("title", &props.title), ("org", &props.organization)],
    );
    let onclick = props.on_apply.reform(|_: MouseEvent| ());
    match safe_href(&props.href) {
        Some(href) => html! {
            <a class="apply" {href} target="_blank" rel="noopener noreferrer"
                aria-label={label} {onclick}>{ locale.strings.apply }</a>
        },
        None => html! {
            <span class="apply apply-unavailable" aria-disabled="true">{ locale.strings.apply }</span>
        },
    }
}
