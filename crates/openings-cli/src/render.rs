//! `openings render`: the HTML of one board with its first page in it — an
//! `<openings-board>` holding a declarative shadow root in which the
//! board's own components ([`BoardView`], rendered by Yew's server renderer,
//! formatting with ICU4X what the browser formats with `Intl`) have drawn
//! the board as it first shows for these attributes and feeds. Readable with
//! JavaScript off and by crawlers; when the page's `openings.js` starts the
//! board, the live board takes its place (`embed::mount_board`).

use std::rc::Rc;

use openings_board::components::board_view::{BoardView, BoardViewProps};
use openings_board::config::BoardConfig;
use openings_board::i18n::Locale;
use openings_board::state::{Action, BoardState, Holds};
use openings_core::feeds::ParsedFeed;
use openings_core::links::safe_link;
use openings_core::text::escape_markup;
use yew::Callback;

use crate::cli::RenderArgs;
use crate::fetch::now;
use crate::merge::{exit_for, read_feeds, ReadFeed};
use crate::report::{say, write_output, Exit};

pub fn run(args: &RenderArgs) -> Exit {
    let widget = match safe_link(&args.widget_url).filter(|u| u.starts_with("http")) {
        Some(url) => url.trim_end_matches('/').to_string(),
        None => {
            say(&format!(
                "--widget-url \"{}\" is not an http or https URL",
                args.widget_url
            ));
            return Exit::Usage;
        }
    };
    if let Some(page) = &args.page {
        if safe_link(page).is_none_or(|u| !u.starts_with("http")) {
            say(&format!("--page \"{page}\" is not an http or https URL"));
            return Exit::Usage;
        }
    }
    let attrs = match attributes(&args.attrs) {
        Ok(attrs) => attrs,
        Err(message) => {
            say(&message);
            return Exit::Usage;
        }
    };
    let live = match live_feeds(&args.fetch.feeds, &args.feed_urls) {
        Ok(live) => live,
        Err(message) => {
            say(&message);
            return Exit::Usage;
        }
    };

    let (read, problems) = read_feeds(&args.fetch);
    if read.is_empty() {
        say("no feed could be read; nothing was written");
        return Exit::Unreadable;
    }
    // Each feed read in the place the live board reads it.
    let mut feeds: Vec<Option<ParsedFeed>> = args.fetch.feeds.iter().map(|_| None).collect();
    for ReadFeed { given, feed } in read {
        if let Some(at) = args.fetch.feeds.iter().position(|f| *f == given) {
            feeds[at] = Some(feed);
        }
    }

    let mut all = attrs;
    all.retain(|(name, _)| name != "feed");
    all.insert(0, ("feed".to_string(), live.join(" ")));
    let html = render(&all, feeds, &widget, args.page.as_deref().unwrap_or(""));
    if let Err(e) = write_output(args.output.as_deref(), &html) {
        say(&e);
        return Exit::Unreadable;
    }
    exit_for(problems, &args.fetch)
}

/// `NAME=VALUE` pairs, each a board attribute.
fn attributes(raw: &[String]) -> Result<Vec<(String, String)>, String> {
    raw.iter()
        .map(|pair| {
            let (name, value) = pair
                .split_once('=')
                .ok_or_else(|| format!("--attr \"{pair}\" is not NAME=VALUE"))?;
            let name = name.trim().to_ascii_lowercase();
            let known = openings_board::config::OBSERVED_ATTRIBUTES.contains(&name.as_str())
                || name == "mode"
                || name == "loading";
            if !known {
                return Err(format!(
                    "--attr {name}: not an attribute of the board (see the README's table)"
                ));
            }
            Ok((name, value.to_string()))
        })
        .collect()
}

/// The URLs the live board reads: `--feed-url` once per FEED, or the FEED
/// URLs themselves.
fn live_feeds(feeds: &[String], given: &[String]) -> Result<Vec<String>, String> {
    if !given.is_empty() {
        if given.len() != feeds.len() {
            return Err(format!(
                "--feed-url was given {} time(s) for {} FEED(s): give it once for each FEED, in order, or not at all",
                given.len(),
                feeds.len()
            ));
        }
        return Ok(given.to_vec());
    }
    feeds
        .iter()
        .map(|feed| {
            let (_, url) = openings_core::feeds::split_format_prefix(feed);
            if url.starts_with("https://") || url.starts_with("http://") {
                Ok(feed.clone())
            } else {
                Err(format!(
                    "{feed} is a file: say with --feed-url which URL the live board reads it from"
                ))
            }
        })
        .collect()
}

/// The element, its shadow root rendered.
pub fn render(
    attrs: &[(String, String)],
    feeds: Vec<Option<ParsedFeed>>,
    widget: &str,
    page_url: &str,
) -> String {
    let lookup: Vec<(String, String)> = attrs.to_vec();
    let board = {
        let page_url = page_url.to_string();
        let lookup = lookup.clone();
        let now = now();
        let renderer = yew::ServerRenderer::<BoardView>::with_props(move || {
            let (config, _) = BoardConfig::from_attributes(|name| {
                lookup
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, v)| v.clone())
            });
            let lang = config.lang.clone().unwrap_or_else(|| "en".to_string());
            let mut state = BoardState::default().apply(Action::Start {
                generation: 1,
                feeds: config.feeds.clone(),
            });
            for (index, feed) in feeds.into_iter().enumerate() {
                state = state.apply(match feed {
                    Some(feed) => Action::FeedLoaded {
                        generation: 1,
                        index,
                        feed: Box::new(feed),
                        saved: None,
                        holds: Holds::Whole,
                    },
                    None => Action::FeedFailed {
                        generation: 1,
                        index,
                        problem: openings_board::state::FeedProblem::Network,
                    },
                });
            }
            let sort = state.view.sort.unwrap_or(config.sort);
            let view = Rc::new(state.catalog.view(&state.view.query, sort));
            BoardViewProps {
                config: Rc::new(config),
                locale: Locale::new(&lang),
                state,
                view,
                page_url: Rc::from(page_url.as_str()),
                now,
                dispatch: Callback::noop(),
                on_retry: Callback::noop(),
                on_open: Callback::noop(),
                on_apply: Callback::noop(),
                on_share: Callback::noop(),
                can_share: false,
                // The rendered page is the whole first page, at once.
                starting: false,
                facets_later: false,
                // Every feed is in: the list as it is.
                holding: false,
            }
        })
        .hydratable(false);
        futures::executor::block_on(renderer.render())
    };
    let mut out = String::from("<openings-board");
    for (name, value) in attrs {
        out.push_str(&format!(" {name}=\"{}\"", escape_markup(value)));
    }
    out.push_str(">\n<template shadowrootmode=\"open\">");
    out.push_str(&format!(
        "<link rel=\"stylesheet\" href=\"{}/openings.css\" data-openings-snapshot>",
        escape_markup(widget)
    ));
    out.push_str(&format!(
        "<div class=\"openings-root\" data-openings-snapshot=\"{}\">",
        now().to_iso_datetime()
    ));
    out.push_str(&board);
    out.push_str("</div></template>\n</openings-board>\n");
    inert(&out)
}

/// The HTML with nothing a terminal would obey, as the same document: a
/// feed's control characters (Yew escapes only markup) and the invisible
/// characters of [`openings_core::text::is_hidden_control`] are written as
/// character references, which the browser reads back as the same
/// characters. HTML reads a reference to U+0080–U+009F as a Windows-1252
/// character and one to NUL as U+FFFD, so those, which draw nothing, are
/// left out (links carry them percent-encoded, as the browser does).
fn inert(html: &str) -> String {
    let obeyed = |c: char| {
        (c.is_control() && c != '\n' && c != '\t') || openings_core::text::is_hidden_control(c)
    };
    if !html.chars().any(obeyed) {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 64);
    for c in html.chars() {
        match c {
            // NUL: the parser drops it from text (and a reference to it
            // would be U+FFFD).
            '\u{0}' | '\u{80}'..='\u{9f}' => {}
            c if obeyed(c) => out.push_str(&format!("&#x{:x};", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}
