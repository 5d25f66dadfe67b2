//! The sanitized tree both parsers produce, the builder that keeps it
//! well-formed (allowed tags only, bounded depth, collapsed white space), and
//! the two ways out of it: escaped HTML and readable text.

use std::fmt::Write as _;

/// How deep elements may nest; anything deeper is flattened into its
/// ancestor as plain content.
pub const MAX_DEPTH: usize = 32;

/// One node of a sanitized description.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    Element(Element),
    /// Plain text, to be inserted as a text node (never parsed as markup).
    Text(String),
}

/// An allowed element. `href` is set only on [`Tag::A`], and is always a URL
/// that [`crate::links::safe_link`] accepted (http, https or mailto).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    pub tag: Tag,
    pub href: Option<String>,
    pub children: Vec<Node>,
}

/// The only elements a description may contain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tag {
    P,
    Br,
    Ul,
    Ol,
    Li,
    Strong,
    Em,
    H2,
    H3,
    H4,
    Blockquote,
    Code,
    Pre,
    Table,
    Thead,
    Tbody,
    Tr,
    Th,
    Td,
    A,
}

impl Tag {
    /// Every allowed tag.
    pub const ALL: [Tag; 20] = [
        Tag::P,
        Tag::Br,
        Tag::Ul,
        Tag::Ol,
        Tag::Li,
        Tag::Strong,
        Tag::Em,
        Tag::H2,
        Tag::H3,
        Tag::H4,
        Tag::Blockquote,
        Tag::Code,
        Tag::Pre,
        Tag::Table,
        Tag::Thead,
        Tag::Tbody,
        Tag::Tr,
        Tag::Th,
        Tag::Td,
        Tag::A,
    ];

    /// The HTML element name, lower case (what `createElement` takes).
    pub fn name(self) -> &'static str {
        match self {
            Tag::P => "p",
            Tag::Br => "br",
            Tag::Ul => "ul",
            Tag::Ol => "ol",
            Tag::Li => "li",
            Tag::Strong => "strong",
            Tag::Em => "em",
            Tag::H2 => "h2",
            Tag::H3 => "h3",
            Tag::H4 => "h4",
            Tag::Blockquote => "blockquote",
            Tag::Code => "code",
            Tag::Pre => "pre",
            Tag::Table => "table",
            Tag::Thead => "thead",
            Tag::Tbody => "tbody",
            Tag::Tr => "tr",
            Tag::Th => "th",
            Tag::Td => "td",
            Tag::A => "a",
        }
    }

    /// The heading a level 1–6 heading becomes: the board's own title is the
    /// page's level 1, so descriptions start at h2 and stop at h4.
    pub fn heading(level: usize) -> Tag {
        match level {
            0..=2 => Tag::H2,
            3 => Tag::H3,
            _ => Tag::H4,
        }
    }

    /// Elements that flow inside a line of text.
    pub fn is_inline(self) -> bool {
        matches!(self, Tag::Br | Tag::Strong | Tag::Em | Tag::Code | Tag::A)
    }

    fn is_table_part(self) -> bool {
        matches!(
            self,
            Tag::Table | Tag::Thead | Tag::Tbody | Tag::Tr | Tag::Th | Tag::Td
        )
    }
}

impl Element {
    pub fn new(tag: Tag, children: Vec<Node>) -> Element {
        Element {
            tag,
            href: None,
            children,
        }
    }

    /// A link; the caller has already checked `href` with `safe_link`.
    pub(crate) fn link(href: String, children: Vec<Node>) -> Element {
        Element {
            tag: Tag::A,
            href: Some(href),
            children,
        }
    }
}

/// Builds a tree from a stream of "open", "close" and "text" events that may
/// be unbalanced or mis-nested, the way browsers forgive real-world HTML.
#[derive(Default)]
pub(crate) struct TreeBuilder {
    root: Vec<Node>,
    open: Vec<Element>,
    /// The next inline content starts a new line (an unwrapped block ended).
    pending_break: bool,
    /// The text so far ends in white space (or a line start), so further
    /// white space is collapsed away.
    after_space: bool,
    /// How many `pre` elements are open: white space is kept inside them.
    in_pre: usize,
    /// Where in `open` the list is that bare items were wrapped in: it
    /// ends at the first content that is not an item.
    implicit_list: Option<usize>,
}

impl TreeBuilder {
    pub fn new() -> TreeBuilder {
        TreeBuilder {
            after_space: true,
            ..TreeBuilder::default()
        }
    }

    fn top_tag(&self) -> Option<Tag> {
        self.open.last().map(|e| e.tag)
    }

    fn children_mut(&mut self) -> &mut Vec<Node> {
        match self.open.last_mut() {
            Some(e) => &mut e.children,
            None => &mut self.root,
        }
    }

    /// Where inline content may go: opens an implicit paragraph at the top
    /// level (and in quotes), and breaks the line after an unwrapped block.
    fn prepare_inline(&mut self) {
        self.end_implicit_list();
        if matches!(self.top_tag(), None | Some(Tag::Blockquote)) && self.open.len() < MAX_DEPTH {
            self.push_open(Element::new(Tag::P, Vec::new()));
        }
        if self.pending_break {
            self.pending_break = false;
            if self.content_before_in_block() {
                let children = self.children_mut();
                trim_end(children);
                children.push(Node::Element(Element::new(Tag::Br, Vec::new())));
            }
        }
    }

    /// Whether the block the next content goes in already has content that
    /// is not a line end before it: the nearest open element with children,
    /// looking through inline ones just opened (`<b><div>x` breaks the line
    /// before x when `b` follows text, as a browser does).
    fn content_before_in_block(&self) -> bool {
        for e in self.open.iter().rev() {
            if let Some(last) = e.children.last() {
                return !is_line_end(last);
            }
            if !e.tag.is_inline() {
                return false;
            }
        }
        // Not reached: inline content opens a paragraph first at the top
        // level, so the outermost open element is a block.
        false
    }

    fn push_open(&mut self, element: Element) {
        if element.tag == Tag::Pre {
            self.in_pre += 1;
        }
        if !element.tag.is_inline() {
            self.pending_break = false;
            self.after_space = true;
        }
        self.open.push(element);
    }

    /// Text as it appears in the source: white space is collapsed (outside `pre`).
    pub fn text(&mut self, text: &str) {
        let text: String = text.chars().filter(|&c| c != '\0').collect();
        let text = if self.in_pre > 0 {
            if self.top_tag() == Some(Tag::Pre) && self.children_mut().is_empty() {
                // As in HTML: a newline right after <pre> is not content.
                text.strip_prefix('\n').unwrap_or(&text).to_string()
            } else {
                text
            }
        } else {
            let collapsed = collapse_spaces(&text);
            if collapsed.is_empty() || self.after_space && collapsed == " " {
                return;
            }
            // Where the text goes first: opening the paragraph it starts is
            // what makes a leading space nothing (and only then).
            self.prepare_inline();
            let collapsed = if self.after_space {
                collapsed.trim_start_matches(' ').to_string()
            } else {
                collapsed
            };
            self.after_space = collapsed.ends_with(' ');
            collapsed
        };
        if text.is_empty() {
            return;
        }
        self.prepare_inline();
        let children = self.children_mut();
        if let Some(Node::Text(last)) = children.last_mut() {
            last.push_str(&text);
        } else {
            children.push(Node::Text(text));
        }
    }

    /// A line break.
    pub fn line_break(&mut self) {
        self.prepare_inline();
        let in_pre = self.in_pre > 0;
        let children = self.children_mut();
        if !in_pre {
            trim_end(children);
        }
        children.push(Node::Element(Element::new(Tag::Br, Vec::new())));
        self.after_space = true;
    }

    /// The end of an element this tree does not keep but that separated
    /// blocks (`div`, `section`…): closes an open paragraph, and makes the
    /// next text start on a new line.
    pub fn block_break(&mut self) {
        self.close_paragraph();
        self.pending_break = true;
        self.after_space = true;
    }

    /// Opens an element, first closing what the new one implicitly ends
    /// (a paragraph before a list, the previous item before an item…).
    pub fn open(&mut self, element: Element) {
        let tag = element.tag;
        match tag {
            Tag::Li => {
                self.close_within(&[Tag::Li], &[Tag::Ul, Tag::Ol, Tag::Table]);
            }
            Tag::Tr => {
                self.close_within(&[Tag::Tr], &[Tag::Table, Tag::Thead, Tag::Tbody]);
            }
            Tag::Td | Tag::Th => {
                self.close_within(&[Tag::Td, Tag::Th], &[Tag::Tr, Tag::Table]);
            }
            Tag::Thead | Tag::Tbody => {
                self.close_within(&[Tag::Thead, Tag::Tbody], &[Tag::Table]);
            }
            Tag::A => {
                self.close_within(&[Tag::A], &[]);
            }
            Tag::H2 | Tag::H3 | Tag::H4 => {
                if matches!(self.top_tag(), Some(Tag::H2 | Tag::H3 | Tag::H4)) {
                    self.pop();
                }
            }
            _ => {}
        }
        if !tag.is_inline() {
            self.close_paragraph();
        } else {
            self.prepare_inline();
        }
        if tag != Tag::Li {
            self.end_implicit_list();
        } else if !self.in_list() && self.open.len() < MAX_DEPTH {
            // Items without a list (Lever's lists are bare <li>s) get one.
            self.implicit_list = Some(self.open.len());
            self.push_open(Element::new(Tag::Ul, Vec::new()));
        }
        // Deeper, the element is left out and its content goes into the
        // deepest one open (its end tag then closes nothing: it is not open).
        if self.open.len() >= MAX_DEPTH {
            return;
        }
        self.push_open(element);
    }

    /// Closes the nearest open element with this tag, and everything opened
    /// inside it; does nothing if there is none (a stray end tag).
    pub fn close(&mut self, tag: Tag) {
        let boundaries: &[Tag] = match tag {
            Tag::Li => &[Tag::Ul, Tag::Ol, Tag::Table],
            // A table's parts close the cells open in them (`</tr>` in a
            // cell ends the cell and the row); `</table>` is found before
            // the table itself would stop it.
            t if t.is_table_part() => &[Tag::Table],
            _ => &[Tag::Td, Tag::Th, Tag::Table],
        };
        // A stray end tag (nothing open to close) is nothing, as in a
        // browser: it does not even end a word.
        if self.close_within(&[tag], boundaries) && !tag.is_inline() {
            self.after_space = true;
        }
    }

    /// Pops up to and including the nearest open element among `tags`, unless
    /// one of `boundaries` comes first.
    /// Whether it closed anything.
    fn close_within(&mut self, tags: &[Tag], boundaries: &[Tag]) -> bool {
        for i in (0..self.open.len()).rev() {
            let t = self.open[i].tag;
            if tags.contains(&t) {
                while self.open.len() > i {
                    self.pop();
                }
                return true;
            }
            if boundaries.contains(&t) {
                return false;
            }
        }
        false
    }

    /// Is the innermost open block a list (so an item may start here)?
    fn in_list(&self) -> bool {
        self.open
            .iter()
            .rev()
            .find(|e| !e.tag.is_inline())
            .is_some_and(|e| matches!(e.tag, Tag::Ul | Tag::Ol))
    }

    /// Closes the list bare items were wrapped in, if it is the innermost.
    fn end_implicit_list(&mut self) {
        if self
            .implicit_list
            .is_some_and(|at| at + 1 == self.open.len())
        {
            self.pop();
        }
    }

    fn close_paragraph(&mut self) {
        self.close_within(&[Tag::P], &[Tag::Td, Tag::Th, Tag::Table, Tag::Li]);
    }

    fn pop(&mut self) {
        let Some(mut element) = self.open.pop() else {
            return;
        };
        if self.implicit_list == Some(self.open.len()) {
            self.implicit_list = None;
        }
        if element.tag == Tag::Pre {
            self.in_pre = self.in_pre.saturating_sub(1);
        } else if !element.tag.is_inline() && self.in_pre == 0 {
            trim_end(&mut element.children);
        }
        if !element.tag.is_inline() {
            self.after_space = true;
        }
        if element.children.is_empty() && !matches!(element.tag, Tag::Td | Tag::Th) {
            return;
        }
        self.children_mut().push(Node::Element(element));
    }

    /// Closes everything and returns the tree.
    pub fn finish(mut self) -> Vec<Node> {
        while !self.open.is_empty() {
            self.pop();
        }
        trim_end(&mut self.root);
        self.root
    }
}

/// Does this node end a line (so a line break after it would be a blank line)?
fn is_line_end(node: &Node) -> bool {
    match node {
        Node::Text(_) => false,
        Node::Element(e) => e.tag == Tag::Br || !e.tag.is_inline(),
    }
}

/// Removes the white space that ends a line, looking into the last inline
/// elements too.
pub(crate) fn trim_end(nodes: &mut Vec<Node>) {
    while let Some(last) = nodes.last_mut() {
        match last {
            Node::Text(text) => {
                let kept = text.trim_end_matches(' ').len();
                text.truncate(kept);
                if !text.is_empty() {
                    return;
                }
                nodes.pop();
            }
            Node::Element(e) if e.tag.is_inline() && e.tag != Tag::Br => {
                trim_end(&mut e.children);
                if !e.children.is_empty() {
                    return;
                }
                nodes.pop();
            }
            Node::Element(_) => return,
        }
    }
}

/// Runs of ASCII white space become one space, as a browser shows them.
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// Escaped HTML for the tree: only allowed tags, only `href` on links, every
/// text and attribute escaped. Safe to put in a page or a feed.
pub fn to_html(nodes: &[Node]) -> String {
    let mut out = String::new();
    write_html(&mut out, nodes);
    out
}

fn write_html(out: &mut String, nodes: &[Node]) {
    for node in nodes {
        match node {
            Node::Text(text) => crate::text::escape_markup_into(out, text),
            Node::Element(e) => {
                out.push('<');
                out.push_str(e.tag.name());
                if let Some(href) = &e.href {
                    out.push_str(" href=\"");
                    crate::text::escape_markup_into(out, href);
                    out.push('"');
                }
                out.push('>');
                if e.tag == Tag::Br {
                    continue;
                }
                write_html(out, &e.children);
                let _ = write!(out, "</{}>", e.tag.name());
            }
        }
    }
}

/// The readable text of the tree, for search and summaries: blocks on their
/// own lines separated by a blank line, list items prefixed with "- " (or
/// their number), table cells separated by " | ".
pub fn to_text(nodes: &[Node]) -> String {
    let mut out = String::new();
    write_text(&mut out, nodes);
    // Blocks each asked for a blank line; keep at most one between them.
    let mut tidy = String::with_capacity(out.len());
    let mut newlines = 0;
    for c in out.trim().chars() {
        if c == '\n' {
            newlines += 1;
            if newlines <= 2 {
                tidy.push(c);
            }
        } else {
            newlines = 0;
            tidy.push(c);
        }
    }
    tidy
}

fn write_text(out: &mut String, nodes: &[Node]) {
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Element(e) => match e.tag {
                Tag::Br => out.push('\n'),
                Tag::Ul | Tag::Ol => {
                    let mut number = 0;
                    out.push('\n');
                    for item in &e.children {
                        match item {
                            Node::Element(li) if li.tag == Tag::Li => {
                                number += 1;
                                if e.tag == Tag::Ol {
                                    let _ = write!(out, "\n{number}. ");
                                } else {
                                    out.push_str("\n- ");
                                }
                                write_text(out, &li.children);
                            }
                            other => write_text(out, std::slice::from_ref(other)),
                        }
                    }
                    out.push_str("\n\n");
                }
                Tag::Tr => {
                    out.push('\n');
                    for (i, cell) in e.children.iter().enumerate() {
                        if i > 0 {
                            out.push_str(" | ");
                        }
                        write_text(out, std::slice::from_ref(cell));
                    }
                }
                Tag::Th | Tag::Td | Tag::Thead | Tag::Tbody => write_text(out, &e.children),
                Tag::Strong | Tag::Em | Tag::Code | Tag::A => write_text(out, &e.children),
                Tag::P
                | Tag::Li
                | Tag::H2
                | Tag::H3
                | Tag::H4
                | Tag::Blockquote
                | Tag::Pre
                | Tag::Table => {
                    out.push_str("\n\n");
                    write_text(out, &e.children);
                    out.push_str("\n\n");
                }
            },
        }
    }
}
