//! Notices about feeds: one that could not be loaded (with Retry where
//! trying again can help), and entries of a feed that were skipped.

use std::rc::Rc;

use yew::prelude::*;

use super::use_locale;
use crate::i18n::Locale;
use crate::state::{FeedState, FeedStatus};

#[derive(Properties, PartialEq)]
pub struct FeedNoticesProps {
    pub feeds: Rc<Vec<FeedState>>,
    pub on_retry: Callback<usize>,
}

#[component]
pub fn FeedNotices(props: &FeedNoticesProps) -> Html {
    let locale = use_locale();
    let strings = locale.strings;
    let notices = props.feeds.iter().enumerate().filter_map(|(index, feed)| match &feed.status {
        FeedStatus::Failed(problem) => {
            let text = Locale::fill(strings.could_not_load, &[("url", &feed.url), ("reason", &problem.to_string())]);
            let retry = problem.is_retryable().then(|| {
                let onclick = props.on_retry.reform(move |_: MouseEvent| index);
                html! { <button type="button" class="retry" {onclick}>{ strings.retry }</button> }
            });
            Some(html! {
                <div class="notice notice-error" role="alert" key={format!("e{index}")}>
                    <p>{ text }</p>
                    { for retry }
                </div>
            })
        }
        FeedStatus::Loaded { skipped, .. } if !skipped.is_empty() => {
            let reasons: Vec<String> = skipped.iter().take(3).map(ToString::to_string).collect();
            let mut reasons = reasons.join("; ");
            if skipped.len() > 3 {
                reasons.push_str("; …");
            }
            let text = locale.plural(&strings.skipped, skipped.len(), &[("url", &feed.url), ("reasons", &reasons)]);
            Some(html! { <div class="notice notice-warning" key={format!("w{index}")}><p>{ text }</p></div> })
        }
        _ => None,
    });
    html! { <div class="notices">{ for notices }</div> }
}
