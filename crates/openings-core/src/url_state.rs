//! A board's state in the page URL, so that a reader can share or bookmark
//! what they see and Back and Forward move through it.
//!
//! The whole state of one board (search words, picked facet values, sort,
//! page, open opening) is ONE parameter of the page's query string, named
//! `openings` for a board without an `id` and `openings-<id>` for a board
//! with one, so several boards on a page never collide and the host page's
//! own parameters are left exactly as they were.
//!
//! Why the query string and not the hash: single-page applications route
//! with the hash (`#/jobs`), and a board must never disturb that routing;
//! and crawlers treat `?openings=open:…` links as distinct pages, so the
//! sitemap's deep link to each opening is indexable.
//!
//! The value is a readable list of `key:value` pairs separated by `;`, with
//! the values of a facet separated by `,`:
//!
//! ```text
//! q:library%20assistant;org:British%20Library,Wellcome;sort:closing;page:2;open:job-42
//! ```
//!
//! Keys: `q` (search words), the facet keys (`org`, `country`, `workplace`,
//! `type`, `dept`, `tag`, see [`Facet::key`]), `sort` (see [`Sort::key`]),
//! `page` (from 1), `open` (an opening's id). In values every character but
//! ASCII letters, digits and `-._~` is percent-encoded (UTF-8), so any text
//! round-trips, and the value needs no further escaping in a URL.
//! [`decode`] is lenient: unknown keys and bad values are dropped.

use std::fmt::Write;

use crate::catalog::{Query, MAX_QUERY_CHARS, MAX_QUERY_WORDS};
use crate::facets::Facet;
use crate::sort::Sort;

/// The parameter name of a board without an `id`.
pub const PARAM: &str = "openings";

/// Everything about a board that lives in the URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewState {
    /// Search words and picked facet values.
    pub query: Query,
    /// `None`: the board's default order (its `sort` attribute).
    pub sort: Option<Sort>,
    /// The page shown, counted from 1.
    pub page: usize,
    /// The id of the opening open in the detail view.
    pub open: Option<String>,
}

impl Default for ViewState {
    fn default() -> ViewState {
        ViewState {
            query: Query::default(),
            sort: None,
            page: 1,
            open: None,
        }
    }
}

/// The URL parameter that holds this board's state: `openings`, or
/// `openings-<id>` for a board with an `id` attribute.
pub fn param_name(board_id: Option<&str>) -> String {
    match board_id.map(str::trim).filter(|id| !id.is_empty()) {
        Some(id) => format!("{PARAM}-{id}"),
        None => PARAM.to_string(),
    }
}

/// The state as the parameter's value; empty for the default state.
pub fn encode(state: &ViewState) -> String {
    let mut out = String::new();
    let mut pair = |key: &str, values: &mut dyn Iterator<Item = &str>| {
        let mut first = true;
        for value in values.filter(|v| !v.is_empty()) {
            if first {
                if !out.is_empty() {
                    out.push(';');
                }
                out.push_str(key);
                out.push(':');
                first = false;
            } else {
                out.push(',');
            }
            escape_into(&mut out, value);
        }
    };
    pair("q", &mut std::iter::once(state.query.text.as_str()));
    for facet in Facet::ALL {
        pair(
            facet.key(),
            &mut state.query.selected(facet).iter().map(String::as_str),
        );
    }
    if let Some(sort) = state.sort {
        pair("sort", &mut std::iter::once(sort.key()));
    }
    let page = (state.page > 1).then(|| state.page.to_string());
    pair("page", &mut page.iter().map(String::as_str));
    pair("open", &mut state.open.iter().map(String::as_str));
    out
}

/// The most of a parameter value that is read, in bytes; the rest of a
/// longer one is ignored. No state the board writes is this long.
pub const MAX_STATE_BYTES: usize = 64 * 1024;
/// The most characters of values (search words, facet values, the open
/// opening's id) one state holds; values past it are ignored.
pub const MAX_STATE_CHARS: usize = 4_096;
/// The most values read for one facet.
pub const MAX_FACET_VALUES: usize = 20;

/// A state read from a link, and what of the link was too much to read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decoded {
    pub state: ViewState,
    /// What was ignored, in words for the console ("more than 32 search
    /// words"); empty when everything was read.
    pub ignored: Vec<String>,
}

/// Reads a value written by [`encode`]. Unknown keys, bad sort or page
/// values and empty values are dropped; what is left is kept.
pub fn decode(raw: &str) -> ViewState {
    decode_bounded(raw).state
}

/// Reads a value as [`decode`] does, within the bounds a hostile link
/// cannot push a board past ([`MAX_STATE_BYTES`], [`MAX_STATE_CHARS`],
/// [`MAX_QUERY_WORDS`], [`MAX_QUERY_CHARS`], [`MAX_FACET_VALUES`]), in time
/// linear in the value's length; says what it ignored.
pub fn decode_bounded(raw: &str) -> Decoded {
    let mut ignored = Vec::new();
    let raw = if raw.len() > MAX_STATE_BYTES {
        ignored.push(format!(
            "everything after its first {MAX_STATE_BYTES} bytes"
        ));
        crate::text::clip_bytes(raw, MAX_STATE_BYTES)
    } else {
        raw
    };
    // Some tools escape the `:` and `;` too; undo that layer first.
    let unescaped;
    let raw = if !raw.contains(':') && raw.to_ascii_lowercase().contains("%3a") {
        unescaped = unescape(raw);
        unescaped.as_str()
    } else {
        raw
    };
    let mut state = ViewState::default();
    let mut chars_left = MAX_STATE_CHARS;
    let mut out_of_room = false;
    for part in raw.split(';') {
        let Some((key, values)) = part.split_once(':') else {
            continue;
        };
        let key = key.trim();
        let facet = Facet::from_key(key);
        let mut values: Vec<String> = values
            .split(',')
            .map(unescape)
            .filter(|v| !v.is_empty())
            .collect();
        if key == "q" {
            let text = values.join(",");
            let words = text.split_whitespace().count();
            if words > MAX_QUERY_WORDS || text.chars().count() > MAX_QUERY_CHARS {
                ignored.push(format!(
                    "search words past the first {MAX_QUERY_WORDS} or {MAX_QUERY_CHARS} characters"
                ));
                let first: Vec<&str> = text.split_whitespace().take(MAX_QUERY_WORDS).collect();
                values = vec![crate::text::clip(&first.join(" "), MAX_QUERY_CHARS)];
            } else {
                values = vec![text];
            }
        } else if let Some(facet) = facet {
            // A value given twice counts once (a link that repeats one
            // value thousands of times is one value).
            let mut seen = std::collections::HashSet::new();
            values.retain(|v| seen.insert(v.clone()));
            if values.len() > MAX_FACET_VALUES {
                ignored.push(format!(
                    "values of {} past the first {MAX_FACET_VALUES}",
                    facet.key()
                ));
                values.truncate(MAX_FACET_VALUES);
            }
        }
        // Every value counts against the room the state has.
        let mut kept = 0;
        for value in &values {
            let chars = value.chars().count();
            if chars > chars_left {
                out_of_room = true;
                break;
            }
            chars_left -= chars;
            kept += 1;
        }
        values.truncate(kept);
        match key {
            "q" => state.query.text = values.pop().unwrap_or_default(),
            "sort" => state.sort = values.first().and_then(|v| Sort::parse(v)),
            "page" => {
                state.page = values
                    .first()
                    .and_then(|v| v.trim().parse().ok())
                    .filter(|&p: &usize| p >= 1)
                    .unwrap_or(1);
            }
            "open" => state.open = values.into_iter().next(),
            _ => {
                if let Some(facet) = facet {
                    state.query.set_selected(facet, values);
                }
            }
        }
    }
    if out_of_room {
        ignored.push(format!(
            "values past the first {MAX_STATE_CHARS} characters"
        ));
    }
    Decoded { state, ignored }
}

/// The board's state read from a page URL (the default when it has none).
pub fn read_state(url: &str, board_id: Option<&str>) -> ViewState {
    read_bounded(url, board_id).state
}

/// The board's state read from a page URL, with what was too much to read
/// (see [`decode_bounded`]).
pub fn read_bounded(url: &str, board_id: Option<&str>) -> Decoded {
    get_param(url, &param_name(board_id))
        .map(|v| decode_bounded(&v))
        .unwrap_or_default()
}

/// The page URL with the board's state written into it (and the parameter
/// removed when the state is the default one).
pub fn write_state(url: &str, board_id: Option<&str>, state: &ViewState) -> String {
    let name = param_name(board_id);
    match encode(state) {
        value if value.is_empty() => remove_param(url, &name),
        value => set_param(url, &name, &value),
    }
}

/// The link to one opening on a page: the page URL with the board's
/// parameter set to `open:<id>` (any earlier state of that board replaced).
/// The sitemap and every "copy link" control use this.
pub fn deep_link(page_url: &str, board_id: Option<&str>, opening_id: &str) -> String {
    let state = ViewState {
        open: Some(opening_id.to_string()),
        ..ViewState::default()
    };
    write_state(page_url, board_id, &state)
}

/// The longest page URL the board builds deep links on, in bytes. Each
/// listing's link is the page URL with the board's parameter in it, so a
/// link padded with a megabyte of hash or of other parameters would be
/// copied into every listing: past this, the hash is left out of deep
/// links, then the other parameters.
pub const MAX_LINK_BASE_BYTES: usize = 2_048;

/// The page URL deep links are built on (see [`MAX_LINK_BASE_BYTES`]).
pub fn link_base(page_url: &str) -> String {
    if page_url.len() <= MAX_LINK_BASE_BYTES {
        return page_url.to_string();
    }
    let (base, query, _) = split_url(page_url);
    match query {
        Some(query) if base.len() + 1 + query.len() <= MAX_LINK_BASE_BYTES => {
            format!("{base}?{query}")
        }
        // A path that long is not a page any server has: kept as it is,
        // since a cut one would lead elsewhere.
        _ => base.to_string(),
    }
}

/// The raw (still percent-encoded) value of the first query-string
/// parameter called `name`; the hash is not looked at.
pub fn get_param(url: &str, name: &str) -> Option<String> {
    let (_, query, _) = split_url(url);
    query?
        .split('&')
        .find(|segment| segment_is(segment, name))
        .map(|segment| segment.split_once('=').map_or("", |(_, v)| v).to_string())
}

/// The URL with parameter `name` set to `value` (kept as written, but with
/// anything that would break the query string, such as `&`, `#`, spaces or
/// non-ASCII, percent-encoded). The parameter keeps its place if present,
/// else goes last; every other parameter, the path and the hash are kept
/// byte for byte.
pub fn set_param(url: &str, name: &str, value: &str) -> String {
    let (base, query, hash) = split_url(url);
    let mut segment = String::new();
    escape_into(&mut segment, name);
    segment.push('=');
    escape_query_value_into(&mut segment, value);
    let mut segments: Vec<&str> = Vec::new();
    let mut placed = false;
    for s in query.into_iter().flat_map(|q| q.split('&')) {
        if segment_is(s, name) {
            if !placed {
                segments.push(&segment);
                placed = true;
            }
        } else {
            segments.push(s);
        }
    }
    if !placed {
        // "?" alone, or "?&": nothing to keep.
        if segments.iter().all(|s| s.is_empty()) {
            segments.clear();
        }
        segments.push(&segment);
    }
    format!("{base}?{}{hash}", segments.join("&"))
}

/// The URL without parameter `name`; unchanged if it has none. The `?` goes
/// when no parameter is left.
pub fn remove_param(url: &str, name: &str) -> String {
    let (base, query, hash) = split_url(url);
    let Some(query) = query else {
        return url.to_string();
    };
    if !query.split('&').any(|s| segment_is(s, name)) {
        return url.to_string();
    }
    let kept: Vec<&str> = query.split('&').filter(|s| !segment_is(s, name)).collect();
    if kept.iter().all(|s| s.is_empty()) {
        format!("{base}{hash}")
    } else {
        format!("{base}?{}{hash}", kept.join("&"))
    }
}

/// `(before the query, the query without "?", the hash with its "#")`.
fn split_url(url: &str) -> (&str, Option<&str>, &str) {
    let (before_hash, hash) = match url.find('#') {
        Some(at) => url.split_at(at),
        None => (url, ""),
    };
    match before_hash.split_once('?') {
        Some((base, query)) => (base, Some(query), hash),
        None => (before_hash, None, hash),
    }
}

/// Is this `key=value` segment the parameter `name`?
fn segment_is(segment: &str, name: &str) -> bool {
    let key = segment.split_once('=').map_or(segment, |(k, _)| k);
    // Cheap first: most keys are written as they are named.
    key == name || (key.contains(['%', '+']) && unescape(key) == name)
}

/// Appends `text` with every byte but ASCII letters, digits and `-._~`
/// percent-encoded.
fn escape_into(out: &mut String, text: &str) {
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
}

/// Appends a query value as written, escaping only what would end it or
/// break the URL (`&`, `#`, `+`, space, controls, non-ASCII…). `%` is kept:
/// the value is taken to be escaped already.
fn escape_query_value_into(out: &mut String, value: &str) {
    for byte in value.bytes() {
        let keep = byte.is_ascii_alphanumeric() || b"-._~%!$'()*,;:@/?=".contains(&byte);
        if keep {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
}

/// Percent-decodes (UTF-8; invalid sequences kept as they are, invalid
/// UTF-8 replaced), reading `+` as a space as form encoders write it.
fn unescape(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facet_values_and_the_room_for_values_are_bounded_exactly() {
        let values: Vec<String> = (0..MAX_FACET_VALUES).map(|i| format!("v{i}")).collect();
        let read = decode_bounded(&format!("tag:{}", values.join(",")));
        assert!(read.ignored.is_empty(), "{:?}", read.ignored);
        assert_eq!(
            read.state.query.selected(Facet::Tag).len(),
            MAX_FACET_VALUES
        );
        let read = decode_bounded(&format!("tag:{},one-more", values.join(",")));
        assert_eq!(
            read.state.query.selected(Facet::Tag).len(),
            MAX_FACET_VALUES
        );
        assert!(
            read.ignored.iter().any(|i| i.contains("values of tag")),
            "{:?}",
            read.ignored
        );

        // Values fill the room exactly: all kept; one character more, and
        // the value that does not fit is left out, and so is every later one.
        let half = "x".repeat(MAX_STATE_CHARS / 2);
        let read = decode_bounded(&format!("org:{half},{half}"));
        assert_eq!(
            read.state.query.selected(Facet::Organization).len(),
            1,
            "the same value twice is one"
        );
        let other = "y".repeat(MAX_STATE_CHARS / 2);
        let read = decode_bounded(&format!("org:{half},{other}"));
        assert_eq!(read.state.query.selected(Facet::Organization).len(), 2);
        assert!(read.ignored.is_empty(), "{:?}", read.ignored);
        let read = decode_bounded(&format!("org:{half},{other};dept:z"));
        assert!(read.state.query.selected(Facet::Department).is_empty());
        assert!(!read.ignored.is_empty());
        let read = decode_bounded(&format!("org:{half}y,{other}"));
        assert_eq!(read.state.query.selected(Facet::Organization).len(), 1);
    }

    #[test]
    fn values_are_percent_decoded_as_forms_write_them() {
        for (raw, text) in [
            ("q:caf%C3%A9", "café"),
            ("q:100%25", "100%"),
            ("q:a+b", "a b"),
            ("q:50%", "50%"),
            ("q:%4", "%4"),
            ("q:%%41", "%A"),
            ("q:%zz", "%zz"),
            ("q:%41%42", "AB"),
        ] {
            assert_eq!(decode(raw).query.text, text, "{raw}");
        }
    }

    #[test]
    fn a_parameter_is_found_by_its_name_escaped_or_not() {
        assert_eq!(
            get_param("https://x.example/?openings%2Dmain=q:x", "openings-main").as_deref(),
            Some("q:x")
        );
        assert_eq!(
            get_param("https://x.example/?a+b=1&openings=q:y", "openings").as_deref(),
            Some("q:y")
        );
        assert_eq!(
            get_param("https://x.example/?a+b=1", "openings"),
            None,
            "an escaped key of another name"
        );
        assert_eq!(
            get_param("https://x.example/?openingsx=1", "openings"),
            None
        );
    }

    #[test]
    fn a_parameter_set_keeps_its_place_and_is_there_once() {
        assert_eq!(
            set_param(
                "https://x.example/?a=1&openings=old&b=2#h",
                "openings",
                "new"
            ),
            "https://x.example/?a=1&openings=new&b=2#h"
        );
        assert_eq!(
            set_param(
                "https://x.example/?openings=1&a=2&openings=3",
                "openings",
                "q:x"
            ),
            "https://x.example/?openings=q:x&a=2"
        );
    }

    #[test]
    fn a_long_page_url_keeps_what_fits_of_its_query() {
        let base = format!("https://x.example/{}", "p".repeat(100));
        let fits = MAX_LINK_BASE_BYTES - base.len() - 1;
        let query = "q".repeat(fits);
        let page = format!("{base}?{query}#{}", "h".repeat(100));
        assert!(page.len() > MAX_LINK_BASE_BYTES);
        assert_eq!(
            link_base(&page),
            format!("{base}?{query}"),
            "the hash goes, the query fits exactly"
        );
        let page = format!("{base}?{query}q#h");
        assert_eq!(link_base(&page), base, "a query one byte too long goes too");
        let short = "https://x.example/?a=1#h";
        assert_eq!(link_base(short), short);
    }

    /// Each bound on its own: exactly at it nothing is ignored, one past it
    /// the rest is, and said.
    #[test]
    fn each_bound_of_a_link_holds_alone() {
        // The bytes of the value.
        let at_limit = format!("q:{}", "a".repeat(MAX_STATE_BYTES - 2));
        assert_eq!(at_limit.len(), MAX_STATE_BYTES);
        let read = decode_bounded(&at_limit);
        assert!(
            !read.ignored.iter().any(|i| i.contains("bytes")),
            "{:?}",
            read.ignored
        );
        let read = decode_bounded(&format!("{at_limit}b"));
        assert!(
            read.ignored.iter().any(|i| i.contains("bytes")),
            "{:?}",
            read.ignored
        );

        // Too many search words, though short.
        let words: Vec<String> = (0..MAX_QUERY_WORDS + 1).map(|i| format!("w{i}")).collect();
        let read = decode_bounded(&format!("q:{}", words.join(" ")));
        assert_eq!(
            read.state.query.text.split_whitespace().count(),
            MAX_QUERY_WORDS
        );
        assert!(
            read.ignored.iter().any(|i| i.contains("search words")),
            "{:?}",
            read.ignored
        );
        let read = decode_bounded(&format!("q:{}", words[..MAX_QUERY_WORDS].join(" ")));
        assert!(read.ignored.is_empty(), "{:?}", read.ignored);

        // Too long a search, though in few words.
        let long = "b".repeat(MAX_QUERY_CHARS + 1);
        let read = decode_bounded(&format!("q:{long}"));
        assert_eq!(read.state.query.text.chars().count(), MAX_QUERY_CHARS);
        assert!(
            read.ignored.iter().any(|i| i.contains("characters")),
            "{:?}",
            read.ignored
        );
        let read = decode_bounded(&format!("q:{}", &long[1..]));
        assert!(read.ignored.is_empty(), "{:?}", read.ignored);
    }

    #[test]
    fn the_state_reads_like_the_documented_example() {
        let mut state = ViewState {
            query: Query::text("library"),
            sort: Some(Sort::Closing),
            page: 2,
            open: Some("job-42".into()),
        };
        state.query.select(Facet::Organization, "British Library");
        state.query.select(Facet::Organization, "Wellcome");
        let encoded = encode(&state);
        assert_eq!(
            encoded,
            "q:library;org:British%20Library,Wellcome;sort:closing;page:2;open:job-42"
        );
        assert_eq!(decode(&encoded), state);
    }

    #[test]
    fn the_default_state_is_written_as_nothing() {
        assert_eq!(encode(&ViewState::default()), "");
        assert_eq!(decode(""), ViewState::default());
    }

    #[test]
    fn a_hand_edited_value_keeps_what_it_can() {
        let state = decode("q:archive;colour:blue;sort:oldest;page:zero;type:FULL_TIME,;nonsense");
        assert_eq!(state.query.text, "archive");
        assert_eq!(state.sort, None);
        assert_eq!(state.page, 1);
        assert_eq!(state.query.selected(Facet::EmploymentType), ["FULL_TIME"]);
        assert_eq!(decode("page:0").page, 1);
    }

    #[test]
    fn a_value_whose_separators_were_escaped_again_still_reads() {
        let state = decode("q%3Amuseum%3Bsort%3Atitle");
        assert_eq!(state.query.text, "museum");
        assert_eq!(state.sort, Some(Sort::Title));
    }

    /// A crafted link (issue 10): sixty thousand search words, hundreds of
    /// values of one facet, a value longer than any state, each read only
    /// as far as the bounds go, and said so.
    #[test]
    fn a_link_built_to_freeze_the_page_is_read_within_bounds() {
        let words: Vec<String> = (0..6_000).map(|i| format!("w{i}")).collect();
        let read = decode_bounded(&format!("q:{};sort:title", words.join("%20")));
        let kept: Vec<&str> = read.state.query.text.split(' ').collect();
        assert_eq!(kept.len(), MAX_QUERY_WORDS);
        assert_eq!(kept[..3], ["w0", "w1", "w2"]);
        assert!(read.state.query.text.chars().count() <= MAX_QUERY_CHARS);
        assert_eq!(read.ignored.len(), 1, "{:?}", read.ignored);
        assert_eq!(
            read.state.sort,
            Some(Sort::Title),
            "the rest of the link is read"
        );
        let words: Vec<String> = (0..60_000).map(|i| format!("w{i}")).collect();
        let read = decode_bounded(&format!("q:{}", words.join("%20")));
        assert_eq!(read.state.query.text.split(' ').count(), MAX_QUERY_WORDS);
        assert_eq!(
            read.ignored.len(),
            2,
            "bytes, then words: {:?}",
            read.ignored
        );

        let orgs: Vec<String> = (0..500).map(|i| format!("Org{i}")).collect();
        let read = decode_bounded(&format!("org:{};sort:title", orgs.join(",")));
        assert_eq!(
            read.state.query.selected(Facet::Organization).len(),
            MAX_FACET_VALUES
        );
        assert_eq!(read.state.query.selected(Facet::Organization)[0], "Org0");
        assert_eq!(
            read.state.sort,
            Some(Sort::Title),
            "the rest of the link is read"
        );
        assert_eq!(read.ignored, ["values of org past the first 20"]);

        let repeated = format!("org:{}", vec!["Wellcome"; 5_000].join(","));
        let read = decode_bounded(&repeated);
        assert_eq!(read.state.query.selected(Facet::Organization), ["Wellcome"]);

        let huge = format!("open:{}", "x".repeat(MAX_STATE_BYTES * 4));
        let read = decode_bounded(&huge);
        assert_eq!(read.state.open, None);
        assert_eq!(read.ignored.len(), 2, "{:?}", read.ignored);

        let ordinary = decode_bounded("q:archivist;org:Wellcome;page:2");
        assert!(ordinary.ignored.is_empty());
    }

    #[test]
    fn every_bounded_state_survives_being_written_and_read_again() {
        let orgs: Vec<String> = (0..500).map(|i| format!("Ørg {i} — ☃")).collect();
        let raw = format!(
            "q:{};org:{};tag:{};open:{}",
            "ü%20".repeat(400),
            orgs.join(","),
            orgs.join(","),
            "é".repeat(300)
        );
        let state = decode(&raw);
        assert!(encode(&state).len() <= MAX_STATE_BYTES);
        assert_eq!(decode(&encode(&state)), state);
    }

    #[test]
    fn badly_percent_encoded_links_keep_what_they_can() {
        let state = decode("q:caf%C3%A9%20%;org:100%25%20Museum,%zz,%E2%82;page:%32");
        assert_eq!(state.query.text, "café %");
        assert_eq!(
            state.query.selected(Facet::Organization),
            ["100% Museum", "%zz", "\u{fffd}"]
        );
        assert_eq!(state.page, 2);
        assert_eq!(decode("%"), ViewState::default());
        assert_eq!(decode(";;;:::,,,"), ViewState::default());
    }

    /// A link padded with a megabyte of hash (which never reaches a
    /// server) or of other parameters: deep links are built on the page
    /// without them, so every listing's link stays short.
    #[test]
    fn deep_links_are_built_on_a_bounded_page_url() {
        let page = "https://example.org/jobs?lang=fr#/careers";
        assert_eq!(link_base(page), page);
        let long_hash = format!("https://example.org/jobs?lang=fr#{}", "a".repeat(1_900_000));
        assert_eq!(link_base(&long_hash), "https://example.org/jobs?lang=fr");
        let long_query = format!("https://example.org/jobs?pad={}#x", "a".repeat(1_900_000));
        assert_eq!(link_base(&long_query), "https://example.org/jobs");
        let link = deep_link(&link_base(&long_hash), None, "job-7");
        assert_eq!(link, "https://example.org/jobs?lang=fr&openings=open:job-7");
    }

    #[test]
    fn param_names_are_namespaced_per_board() {
        assert_eq!(param_name(None), "openings");
        assert_eq!(param_name(Some("")), "openings");
        assert_eq!(param_name(Some("museums")), "openings-museums");
    }

    #[test]
    fn setting_the_state_keeps_the_host_page_and_its_hash_routing() {
        let url = "https://example.org/jobs?lang=fr&openings=q:old#/careers?tab=2";
        let set = set_param(url, "openings", "q:new%20words");
        assert_eq!(
            set,
            "https://example.org/jobs?lang=fr&openings=q:new%20words#/careers?tab=2"
        );
        assert_eq!(
            get_param(&set, "openings").as_deref(),
            Some("q:new%20words")
        );
        assert_eq!(
            set_param("https://example.org/#/x", "openings", "open:1"),
            "https://example.org/?openings=open:1#/x"
        );
        assert_eq!(
            remove_param(&set, "openings"),
            "https://example.org/jobs?lang=fr#/careers?tab=2"
        );
        assert_eq!(
            remove_param("https://example.org/?openings=x#top", "openings"),
            "https://example.org/#top"
        );
        assert_eq!(remove_param("/a?b=1", "openings"), "/a?b=1");
        assert_eq!(get_param("/a#?openings=x", "openings"), None);
    }

    #[test]
    fn a_deep_link_opens_one_opening_on_one_board() {
        assert_eq!(
            deep_link(
                "https://example.org/jobs?lang=de",
                Some("archives"),
                "urn:job/7"
            ),
            "https://example.org/jobs?lang=de&openings-archives=open:urn%3Ajob%2F7"
        );
        let link = deep_link("https://example.org/jobs?openings=q:x", None, "7");
        assert_eq!(link, "https://example.org/jobs?openings=open:7");
        assert_eq!(read_state(&link, None).open.as_deref(), Some("7"));
    }
}
