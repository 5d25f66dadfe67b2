//! Rich text, safely: the one sanitizing path for descriptions. HTML and
//! Markdown from feeds become a small tree of allowed nodes (paragraphs,
//! lists, headings, emphasis, quotes, code, simple tables, and links to
//! http/https/mailto only) that the widget turns into DOM nodes itself, so
//! feed text is never handed to `innerHTML`. Pure Rust, no HTML crate, never
//! panics, bounded in depth and size.

mod html;
mod markdown;
mod tree;

pub use tree::{to_html, to_text, Element, Node, Tag, MAX_DEPTH};

use crate::model::Description;
use crate::text::MAX_DESCRIPTION_BYTES;

/// The sanitized tree of an HTML description (schema.org, Greenhouse once
/// its entities are decoded, Lever's lists).
pub fn from_html(html: &str) -> Vec<Node> {
    html::parse(bounded(html))
}

/// The sanitized tree of a Markdown description; HTML inside it is shown as
/// text, never read as markup.
pub fn from_markdown(md: &str) -> Vec<Node> {
    markdown::parse(bounded(md))
}

/// The sanitized tree of plain text: paragraphs at blank lines, line breaks
/// at single newlines.
pub fn from_text(text: &str) -> Vec<Node> {
    let text = bounded(text).replace("\r\n", "\n");
    text.split("\n\n")
        .filter_map(|paragraph| {
            let mut children = Vec::new();
            for line in paragraph.lines().map(str::trim).filter(|l| !l.is_empty()) {
                if !children.is_empty() {
                    children.push(Node::Element(Element::new(Tag::Br, Vec::new())));
                }
                children.push(Node::Text(line.to_string()));
            }
            (!children.is_empty()).then(|| Node::Element(Element::new(Tag::P, children)))
        })
        .collect()
}

/// The sanitized tree of an opening's description, whatever its kind.
pub fn from_description(description: &Description) -> Vec<Node> {
    match description {
        Description::None => Vec::new(),
        Description::Html(html) => from_html(html),
        Description::Markdown(md) => from_markdown(md),
        Description::Text(text) => from_text(text),
    }
}

/// At most [`MAX_DESCRIPTION_BYTES`] of `s`, cut on a character boundary.
fn bounded(s: &str) -> &str {
    if s.len() <= MAX_DESCRIPTION_BYTES {
        return s;
    }
    let mut end = MAX_DESCRIPTION_BYTES;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}
