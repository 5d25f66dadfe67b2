//! Notices about feeds: one that could not be loaded (with Retry where
//! trying again can help), one shown from its saved copy (marked with when
//! it was fetched), entries of a feed that were skipped, entries past the
//! most a feed may list, openings not shown for their age, and openings
//! already listed by another feed (shown once).

use std::rc::Rc;

use openings_core::feeds::MAX_ENTRIES;
use yew::prelude::*;

use super::use_locale;
use crate::i18n;
use crate::state::{FeedState, FeedStatus};

#[derive(Properties, PartialEq)]
pub struct FeedNoticesProps {
    pub feeds: Rc<Vec<FeedState>>,
    /// The board's `max-age`, for the notice of openings not shown for their age.
    pub max_age_days: u32,
    pub on_retry: Callback<usize>,
}

#[component]
pub fn FeedNotices(props: &FeedNoticesProps) -> Html {
    let locale = use_locale();
    let strings = locale.strings;
    let retry_button = |index: usize| {
        let onclick = props.on_retry.reform(move |_: MouseEvent| index);
        html! {
            <button type="button" class="retry" data-feed={index.to_string()} {onclick}>
                { strings.retry }
            </button>
        }
    };
    let mut notices = Vec::new();
    for (index, feed) in props.feeds.iter().enumerate() {
        match &feed.status {
            FeedStatus::Failed(problem) => {
                let reason = problem.to_string();
                let text = i18n::fill(
                    strings.could_not_load,
                    &[("url", &feed.source.url), ("reason", &reason)],
                );
                let retry = problem.is_retryable().then(|| retry_button(index));
                notices.push(html! {
                    <div class="notice notice-error" role="alert" key={format!("e{index}")}>
                        <p>{ text }</p>
                        { for retry }
                    </div>
                });
            }
            FeedStatus::Loaded {
                skipped,
                cut,
                stale,
                merged,
                saved,
                ..
            } => {
                if *stale > 0 {
                    let days = locale.format.number(f64::from(props.max_age_days));
                    let text = locale.plural(
                        &strings.stale,
                        *stale,
                        &[("url", &feed.source.url), ("days", &days)],
                    );
                    notices.push(html! {
                        <div class="notice notice-info" role="status" key={format!("a{index}")}><p>{ text }</p></div>
                    });
                }
                if *merged > 0 {
                    let text =
                        locale.plural(&strings.merged, *merged, &[("url", &feed.source.url)]);
                    notices.push(html! {
                        <div class="notice notice-info" role="status" key={format!("m{index}")}><p>{ text }</p></div>
                    });
                }
                if *cut > 0 {
                    let max = locale.format.number(MAX_ENTRIES as f64);
                    let text = locale.plural(
                        &strings.cut,
                        *cut,
                        &[("url", &feed.source.url), ("max", &max)],
                    );
                    notices.push(html! {
                        <div class="notice notice-warning" key={format!("c{index}")}><p>{ text }</p></div>
                    });
                }
                if let Some(saved) = saved {
                    let reason = saved.problem.to_string();
                    let date = locale.format.date_time(saved.fetched_at);
                    let text = i18n::fill(
                        strings.showing_saved,
                        &[
                            ("url", &feed.source.url),
                            ("reason", &reason),
                            ("date", &date),
                        ],
                    );
                    notices.push(html! {
                        <div class="notice notice-warning notice-saved" role="status" key={format!("s{index}")}>
                            <p>{ text }</p>
                            { retry_button(index) }
                        </div>
                    });
                }
                if !skipped.is_empty() {
                    let mut reasons: Vec<String> =
                        skipped.iter().take(3).map(ToString::to_string).collect();
                    if skipped.len() > 3 {
                        reasons.push("…".into());
                    }
                    let text = locale.plural(
                        &strings.skipped,
                        skipped.len(),
                        &[("url", &feed.source.url), ("reasons", &reasons.join("; "))],
                    );
                    notices.push(html! {
                        <div class="notice notice-warning" key={format!("w{index}")}><p>{ text }</p></div>
                    });
                }
            }
            FeedStatus::Loading => {}
        }
    }
    html! { <div class="notices">{ for notices }</div> }
}
