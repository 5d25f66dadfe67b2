//! A small, lenient HTML reader for descriptions: it tokenizes tags,
//! comments and text the way a browser would, and feeds only allowed
//! elements to the tree builder. Dangerous elements vanish with their
//! content, harmless unknown ones are unwrapped, every attribute but a
//! link's `href` is dropped.

use super::tree::{Element, Node, Tag, TreeBuilder};
use crate::links::safe_link;
use crate::text::decode_entities;

/// What a start tag does to the tree.
enum Kind {
    Keep(Tag),
    Link,
    LineBreak,
    /// Unknown or harmless container: its children are kept. Void elements
    /// (`img`, `input`, `embed`…) are unwrapped too: they have no children,
    /// so nothing of them is left.
    Unwrap,
    /// A container that separated blocks (`div`, `section`…): unwrapped,
    /// but its start and end break the line.
    UnwrapBlock,
    /// Dropped with its content, which is raw text up to the end tag.
    DropRawText,
    /// Dropped with its content, which is markup up to the matching end tag.
    DropWithContent,
    /// `<plaintext>`: the rest of the input is text.
    Plaintext,
}

fn kind(name: &str) -> Kind {
    match name {
        "p" => Kind::Keep(Tag::P),
        "br" => Kind::LineBreak,
        "ul" | "dir" | "menu" => Kind::Keep(Tag::Ul),
        "ol" => Kind::Keep(Tag::Ol),
        "li" => Kind::Keep(Tag::Li),
        "strong" | "b" => Kind::Keep(Tag::Strong),
        "em" | "i" => Kind::Keep(Tag::Em),
        "h1" => Kind::Keep(Tag::heading(1)),
        "h2" => Kind::Keep(Tag::heading(2)),
        "h3" => Kind::Keep(Tag::heading(3)),
        "h4" => Kind::Keep(Tag::heading(4)),
        "h5" => Kind::Keep(Tag::heading(5)),
        "h6" => Kind::Keep(Tag::heading(6)),
        "blockquote" => Kind::Keep(Tag::Blockquote),
        "code" | "kbd" | "samp" | "tt" => Kind::Keep(Tag::Code),
        "pre" | "listing" => Kind::Keep(Tag::Pre),
        "table" => Kind::Keep(Tag::Table),
        "thead" => Kind::Keep(Tag::Thead),
        "tbody" | "tfoot" => Kind::Keep(Tag::Tbody),
        "tr" => Kind::Keep(Tag::Tr),
        "th" => Kind::Keep(Tag::Th),
        "td" => Kind::Keep(Tag::Td),
        "a" => Kind::Link,
        "script" | "style" | "textarea" | "title" | "xmp" | "iframe" | "noembed" | "noframes"
        | "noscript" => Kind::DropRawText,
        "template" | "object" | "applet" | "svg" | "math" | "select" | "option" | "optgroup"
        | "datalist" | "button" | "head" | "frameset" | "audio" | "video" | "canvas"
        | "picture" | "output" | "meter" | "progress" => Kind::DropWithContent,
        "hr" | "div" | "section" | "article" | "aside" | "header" | "footer" | "main" | "nav"
        | "address" | "figure" | "figcaption" | "dl" | "dt" | "dd" | "center" | "details"
        | "summary" | "fieldset" | "legend" | "form" | "hgroup" | "caption" | "colgroup"
        | "body" | "html" => Kind::UnwrapBlock,
        "plaintext" => Kind::Plaintext,
        _ => Kind::Unwrap,
    }
}

/// What the reader makes of an HTML fragment: a tree ([`TreeBuilder`]), or
/// only its words ([`Words`]).
trait Sink {
    /// Text as the HTML writes it: its entities are the sink's to decode.
    fn html_text(&mut self, html: &str);
    fn text(&mut self, text: &str);
    fn line_break(&mut self);
    fn block_break(&mut self);
    fn open(&mut self, tag: Tag);
    fn open_link(&mut self, href: String);
    fn close(&mut self, tag: Tag);
}

impl Sink for TreeBuilder {
    fn html_text(&mut self, html: &str) {
        TreeBuilder::text(self, &decode_entities(html));
    }
    fn text(&mut self, text: &str) {
        TreeBuilder::text(self, text);
    }
    fn line_break(&mut self) {
        TreeBuilder::line_break(self);
    }
    fn block_break(&mut self) {
        TreeBuilder::block_break(self);
    }
    fn open(&mut self, tag: Tag) {
        TreeBuilder::open(self, Element::new(tag, Vec::new()));
    }
    fn open_link(&mut self, href: String) {
        TreeBuilder::open(self, Element::link(href, Vec::new()));
    }
    fn close(&mut self, tag: Tag) {
        TreeBuilder::close(self, tag);
    }
}

/// The text the reader sees, for searching: what the tree would show, with
/// a space wherever a block, a line or a cell ends (and nowhere else, so
/// that `<b>Arch</b>ivist` is one word, as it reads). The blocks open are
/// kept (their tags only), so that an end tag that closes nothing — which
/// the tree ignores, as a browser does — separates nothing either.
#[derive(Default)]
struct Words {
    text: String,
    blocks: Vec<Tag>,
}

impl Words {
    fn space(&mut self) {
        if !self.text.ends_with(' ') {
            self.text.push(' ');
        }
    }
}

impl Sink for Words {
    fn html_text(&mut self, html: &str) {
        crate::text::decode_entities_into(&mut self.text, html);
    }
    fn text(&mut self, text: &str) {
        self.text.push_str(text);
    }
    fn line_break(&mut self) {
        self.space();
    }
    fn block_break(&mut self) {
        self.space();
    }
    fn open(&mut self, tag: Tag) {
        if !tag.is_inline() {
            self.blocks.push(tag);
            self.space();
        }
    }
    fn open_link(&mut self, _href: String) {}
    fn close(&mut self, tag: Tag) {
        if tag.is_inline() {
            return;
        }
        if let Some(at) = self.blocks.iter().rposition(|&t| t == tag) {
            self.blocks.truncate(at);
            self.space();
        }
    }
}

/// The sanitized tree of an HTML fragment.
pub fn parse(html: &str) -> Vec<Node> {
    let mut tree = TreeBuilder::new();
    read(html, &mut tree);
    tree.finish()
}

/// The words of an HTML fragment as the reader sees them (see [`Words`]):
/// what a search looks at. Dropped elements (scripts, styles, forms…) have
/// none.
pub fn words(html: &str) -> String {
    let mut words = Words {
        text: String::with_capacity(html.len()),
        blocks: Vec::new(),
    };
    read(html, &mut words);
    words.text
}

/// The text of each `<script type="application/ld+json">` of a web page,
/// in order: the structured data a page carries (its JobPostings). Comments
/// and other elements' raw text (styles, other scripts) are passed over.
pub fn json_ld_blocks(html: &str) -> Vec<&str> {
    let lower = html.to_ascii_lowercase();
    let bytes = html.as_bytes();
    let mut blocks = Vec::new();
    let mut pos = 0;
    while let Some(lt) = html[pos..].find('<').map(|i| pos + i) {
        pos = lt + 1;
        if html[lt..].starts_with("<!--") {
            pos = skip_comment(html, lt);
            continue;
        }
        if !bytes.get(lt + 1).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let Some(tag) = read_start_tag(html, &lower, lt) else {
            break;
        };
        pos = tag.end;
        if !matches!(kind(tag.name), Kind::DropRawText) {
            continue;
        }
        let end = after_end_tag(&lower, pos, tag.name);
        let data = tag.name == "script"
            && tag.kind.is_some_and(|t| {
                let t = decode_entities(t);
                let media = t
                    .split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase();
                media == "application/ld+json"
            });
        if data {
            let close = lower[pos..end].rfind("</").map_or(end, |i| pos + i);
            blocks.push(&html[pos..close]);
        }
        pos = end;
    }
    blocks
}

/// Reads an HTML fragment into `tree`.
fn read(html: &str, tree: &mut dyn Sink) {
    // Searches for end tags run on a lower-case copy: same byte offsets.
    let lower = html.to_ascii_lowercase();
    let bytes = html.as_bytes();
    let mut pos = 0;
    // Text before each tag, even when empty: empty text is nothing.
    while let Some(lt) = html[pos..].find('<').map(|i| pos + i) {
        tree.html_text(&html[pos..lt]);
        pos = lt;
        let next = bytes.get(pos + 1).copied().unwrap_or(b' ');
        if html[pos..].starts_with("<!--") {
            pos = skip_comment(html, pos);
        } else if next == b'!' || next == b'?' {
            pos = after(html, pos, ">");
        } else if next == b'/' {
            let after_slash = bytes.get(pos + 2).copied().unwrap_or(b' ');
            if after_slash.is_ascii_alphabetic() {
                let (name, end) = read_name(&lower, pos + 2);
                let Some(close) = html[end..].find('>') else {
                    // An end tag cut off by the end of input is dropped, as
                    // browsers drop it (`a</br` breaks no line).
                    return;
                };
                pos = end + close + 1;
                end_tag(tree, name);
            } else {
                // "</>" is ignored, "</ …" is a bogus comment.
                pos = after(html, pos, ">");
            }
        } else if next.is_ascii_alphabetic() {
            let Some(tag) = read_start_tag(html, &lower, pos) else {
                // An unterminated tag at the end of input is dropped.
                return;
            };
            pos = tag.end;
            match kind(tag.name) {
                Kind::Keep(t) => tree.open(t),
                Kind::Link => {
                    let href = tag.href.map(decode_entities);
                    match href.as_deref().and_then(safe_link) {
                        Some(href) => tree.open_link(href),
                        // An unsafe or missing link: its text stays, as text.
                        None => tree.close(Tag::A),
                    }
                }
                Kind::LineBreak => tree.line_break(),
                Kind::Unwrap => {}
                Kind::UnwrapBlock => tree.block_break(),
                Kind::DropRawText => pos = after_end_tag(&lower, pos, tag.name),
                Kind::DropWithContent if tag.self_closing => {}
                Kind::DropWithContent => pos = after_element(&lower, pos, tag.name),
                Kind::Plaintext => {
                    tree.text(&html[pos..]);
                    return;
                }
            }
        } else {
            tree.text("<");
            pos += 1;
        }
    }
    tree.html_text(&html[pos..]);
}

fn end_tag(tree: &mut dyn Sink, name: &str) {
    match kind(name) {
        Kind::Keep(tag) => tree.close(tag),
        Kind::Link => tree.close(Tag::A),
        // As in browsers, </br> is a line break.
        Kind::LineBreak => tree.line_break(),
        Kind::UnwrapBlock => tree.block_break(),
        _ => {}
    }
}

/// The offset just past the first `needle` at or after `from` (or the end).
fn after(html: &str, from: usize, needle: &str) -> usize {
    html.get(from..)
        .and_then(|rest| rest.find(needle))
        .map_or(html.len(), |i| from + i + needle.len())
}

/// Past a comment starting at `pos` ("<!--"); "<!-->" and "<!--->" are
/// empty comments, as in browsers.
fn skip_comment(html: &str, pos: usize) -> usize {
    let body = pos + 4;
    let rest = &html[body..];
    if rest.starts_with('>') {
        body + 1
    } else if rest.starts_with("->") {
        body + 2
    } else {
        after(html, body, "-->")
    }
}

/// An element name (lower case) starting at `from`, and where it ends.
fn read_name(lower: &str, from: usize) -> (&str, usize) {
    let end = lower[from..]
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .map_or(lower.len(), |len| from + len);
    (&lower[from..end], end)
}

struct StartTag<'a> {
    name: &'a str,
    /// The raw value of the first `href` attribute.
    href: Option<&'a str>,
    /// The raw value of the first `type` attribute.
    kind: Option<&'a str>,
    self_closing: bool,
    /// Just past the closing `>`.
    end: usize,
}

/// Reads a start tag at `pos` ('<' then a letter); `None` when the input
/// ends before the tag does.
fn read_start_tag<'a>(html: &'a str, lower: &'a str, pos: usize) -> Option<StartTag<'a>> {
    let bytes = html.as_bytes();
    let (name, mut at) = read_name(lower, pos + 1);
    let mut href = None;
    let mut kind = None;
    let mut self_closing = false;
    loop {
        while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
            self_closing = bytes[at] == b'/';
            at += 1;
        }
        match bytes.get(at)? {
            b'>' => break,
            _ => self_closing = false,
        }
        // An attribute name: up to white space, '/', '>' or '=' (a leading
        // '=' belongs to the name, as in browsers).
        let name_start = at;
        at += 1;
        while at < bytes.len() && !matches!(bytes[at], b'/' | b'>' | b'=') {
            if bytes[at].is_ascii_whitespace() {
                break;
            }
            at += 1;
        }
        let attr_name = &lower[name_start..at];
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let mut value = None;
        if bytes.get(at) == Some(&b'=') {
            at += 1;
            while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            match bytes.get(at)? {
                &quote @ (b'"' | b'\'') => {
                    let close = html[at + 1..].find(quote as char)? + at + 1;
                    value = Some(&html[at + 1..close]);
                    at = close + 1;
                }
                _ => {
                    let start = at;
                    while at < bytes.len() && !bytes[at].is_ascii_whitespace() && bytes[at] != b'>'
                    {
                        at += 1;
                    }
                    value = Some(&html[start..at]);
                }
            }
        }
        if attr_name == "href" && href.is_none() {
            href = Some(value.unwrap_or(""));
        }
        if attr_name == "type" && kind.is_none() {
            kind = Some(value.unwrap_or(""));
        }
    }
    Some(StartTag {
        name,
        href,
        kind,
        self_closing,
        end: at + 1,
    })
}

/// Is there an end (or start, with `open`) tag for `name` at `at`?
fn tag_at(lower: &str, at: usize, name: &str, open: bool) -> bool {
    let prefix = if open { "<" } else { "</" };
    let rest = &lower.as_bytes()[at..];
    rest.starts_with(prefix.as_bytes())
        && rest[prefix.len()..].starts_with(name.as_bytes())
        && rest
            .get(prefix.len() + name.len())
            .is_none_or(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
}

/// Past the end tag of a raw-text element (script, style…), or the end.
fn after_end_tag(lower: &str, from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(i) = lower[at..].find("</") {
        at += i;
        if tag_at(lower, at, name, false) {
            return after(lower, at, ">");
        }
        at += 2;
    }
    lower.len()
}

/// Past the end tag matching an element whose content is dropped,
/// counting nested elements of the same name, or the end.
fn after_element(lower: &str, from: usize, name: &str) -> usize {
    let mut depth = 1usize;
    let mut at = from;
    while let Some(i) = lower[at..].find('<') {
        at += i;
        if tag_at(lower, at, name, false) {
            depth -= 1;
            if depth == 0 {
                return after(lower, at, ">");
            }
        } else if tag_at(lower, at, name, true) {
            depth += 1;
        }
        at += 1;
    }
    lower.len()
}
