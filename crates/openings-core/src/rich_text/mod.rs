//! Rich text, safely: the one sanitizing path for descriptions. HTML and
//! plain text from feeds become a small tree of allowed nodes (paragraphs,
//! lists, headings, emphasis, quotes, code, simple tables, and links to
//! http/https/mailto only) that the widget turns into DOM nodes itself, so
//! feed text is never handed to `innerHTML`. Pure Rust, no HTML crate, never
//! panics, bounded in depth and size.

mod html;
mod tree;

pub use html::json_ld_blocks;
pub use tree::{to_html, to_text, Element, Node, Tag, MAX_DEPTH};

/// The most nodes (elements and texts) of one description the board draws.
/// A real description has a few hundred; a feed can pack 66,000 paragraphs
/// into its 200,000 bytes, and drawing them all holds the page for seconds.
pub const MAX_SHOWN_NODES: usize = 4_000;

use crate::model::Description;
use crate::text::MAX_DESCRIPTION_BYTES;

/// The sanitized tree of an HTML description (schema.org, Greenhouse once
/// its entities are decoded, Lever's lists).
pub fn from_html(html: &str) -> Vec<Node> {
    html::parse(bounded(html))
}

/// The words of an HTML description as the reader sees them, for search:
/// the tree's text without building the tree (a dropped script's text is
/// no word of it; `<b>Arch</b>ivist` is one word, as it reads).
pub fn words_of_html(html: &str) -> String {
    html::words(bounded(html))
}

/// The sanitized tree of plain text: paragraphs at blank lines, line breaks
/// at single newlines.
pub fn from_text(text: &str) -> Vec<Node> {
    let mut paragraphs = Vec::new();
    let mut lines: Vec<Node> = Vec::new();
    for line in bounded(text).lines().map(str::trim) {
        if line.is_empty() {
            if !lines.is_empty() {
                let children = std::mem::take(&mut lines);
                paragraphs.push(Node::Element(Element::new(Tag::P, children)));
            }
            continue;
        }
        if !lines.is_empty() {
            lines.push(Node::Element(Element::new(Tag::Br, Vec::new())));
        }
        lines.push(Node::Text(line.to_string()));
    }
    if !lines.is_empty() {
        paragraphs.push(Node::Element(Element::new(Tag::P, lines)));
    }
    paragraphs
}

/// The sanitized tree of an opening's description, whatever its kind.
pub fn from_description(description: &Description) -> Vec<Node> {
    match description {
        Description::None => Vec::new(),
        Description::Html(html) => from_html(html),
        Description::Text(text) => from_text(text),
    }
}

/// The first `max` nodes of a tree in reading order (an element counts
/// before its children; an element whose children were cut keeps those
/// that fit), and whether any were left out.
pub fn clip_nodes(nodes: &mut Vec<Node>, max: usize) -> bool {
    let mut left = max;
    clip_within(nodes, &mut left)
}

fn clip_within(nodes: &mut Vec<Node>, left: &mut usize) -> bool {
    for (i, node) in nodes.iter_mut().enumerate() {
        if *left == 0 {
            nodes.truncate(i);
            return true;
        }
        *left -= 1;
        if let Node::Element(element) = node {
            if clip_within(&mut element.children, left) {
                // An element none of whose children fit is left out too.
                let keep = if element.children.is_empty() {
                    i
                } else {
                    i + 1
                };
                nodes.truncate(keep);
                return true;
            }
        }
    }
    false
}

/// Whether the feed's reader cut this description at the most it keeps,
/// [`MAX_DESCRIPTION_BYTES`] (on a character boundary, so up to 3 bytes
/// short of it): the board then says the rest is on the opening's page.
pub fn cut_at_the_byte_limit(description: &Description) -> bool {
    match description {
        Description::None => false,
        Description::Html(s) | Description::Text(s) => s.len() + 3 >= MAX_DESCRIPTION_BYTES,
    }
}

/// At most [`MAX_DESCRIPTION_BYTES`] of `s`, cut on a character boundary.
fn bounded(s: &str) -> &str {
    crate::text::clip_bytes(s, MAX_DESCRIPTION_BYTES)
}
