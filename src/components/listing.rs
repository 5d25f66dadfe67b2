//! One opening in the list: title, organization, where, what kind, pay,
//! dates, and the Apply link to the recruiting portal.

use std::rc::Rc;

use openings_core::catalog::Catalog;
use openings_core::dates::Timestamp;
use yew::prelude::*;

use super::{facts, use_locale};
use crate::i18n::Locale;

#[derive(Properties)]
pub struct ListingProps {
    pub catalog: Rc<Catalog>,
    pub index: usize,
}

impl PartialEq for ListingProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.catalog, &other.catalog) && self.index == other.index
    }
}

#[component]
pub fn Listing(props: &ListingProps) -> Html {
    let locale = use_locale();
    let strings = locale.strings;
    let Some(opening) = props.catalog.get(props.index) else {
        return html! {};
    };
    let place = facts::location(&locale, opening);
    let kind = facts::employment(&locale, opening);
    let pay = opening
        .salary
        .as_ref()
        .map(|s| facts::salary(&locale, s))
        .filter(|s| !s.is_empty());
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
    let apply_label = Locale::fill(
        strings.apply_label,
        &[("title", &opening.title), ("org", org)],
    );
    html! {
        <li class="listing" data-id={opening.id.clone()}>
            <article class="listing-card">
                <h3 class="listing-title">{ &opening.title }</h3>
                if !org.is_empty() {
                    <p class="listing-org">{ org }</p>
                }
                <p class="listing-facts">
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
                <a class="apply" href={opening.apply_url.clone()} target="_blank" rel="noopener noreferrer"
                    aria-label={apply_label}>{ strings.apply }</a>
            </article>
        </li>
    }
}
