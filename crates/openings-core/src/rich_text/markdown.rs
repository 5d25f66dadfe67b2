//! A small Markdown reader for descriptions (JSON Feed `content_text`,
//! Jekyll posts): paragraphs, `#`–`####` headings, bullet and numbered
//! lists, `>` quotes, fenced and indented code, `**strong**`, `*em*`,
//! `` `code` ``, `[links](…)`, `<https://…>` autolinks and hard breaks.
//! Raw HTML is not markup here: it stays visible as text.

use super::tree::{trim_end, Element, Node, Tag, MAX_DEPTH};
use crate::links::safe_link;
use crate::text::decode_entities;

/// How deep emphasis and links may nest inside one another.
const MAX_INLINE_DEPTH: usize = 8;
/// How deep quotes and lists may nest (a list counts twice: list and item),
/// leaving room for a paragraph and its inline elements within [`MAX_DEPTH`].
const MAX_BLOCK_DEPTH: usize = MAX_DEPTH - MAX_INLINE_DEPTH - 2;

/// The sanitized tree of a Markdown text.
pub fn parse(md: &str) -> Vec<Node> {
    let lines: Vec<String> = md.lines().map(expand_indent).collect();
    let mut blocks = blocks(&lines, 0);
    trim_end(&mut blocks);
    blocks
}

/// Leading tabs become spaces (to the next multiple of four).
fn expand_indent(line: &str) -> String {
    let body = line.trim_start_matches([' ', '\t']);
    let lead = &line[..line.len() - body.len()];
    if !lead.contains('\t') {
        return line.to_string();
    }
    let mut width = 0;
    for c in lead.chars() {
        width = if c == '\t' {
            width + 4 - width % 4
        } else {
            width + 1
        };
    }
    format!("{}{body}", " ".repeat(width))
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// `#`…`######` then a space (or nothing): the level and the title.
fn heading(line: &str) -> Option<(usize, &str)> {
    if indent(line) > 3 {
        return None;
    }
    let line = line.trim_start();
    let level = line.len() - line.trim_start_matches('#').len();
    let rest = &line[level..];
    if !(1..=6).contains(&level) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let title = rest.trim();
    // A closing run of '#' (after a space) is not part of the title.
    let without_closing = title.trim_end_matches('#');
    let title = if without_closing.is_empty() || without_closing.ends_with(' ') {
        without_closing.trim_end()
    } else {
        title
    };
    Some((level, title))
}

/// "```" or "~~~" (three or more): the fence.
fn fence(line: &str) -> Option<&str> {
    if indent(line) > 3 {
        return None;
    }
    let line = line.trim_start();
    let c = line.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let len = line.len() - line.trim_start_matches(c).len();
    (len >= 3).then(|| &line[..len])
}

/// "---", "***", "___" (spaces allowed between): a thematic break, which a
/// description shows as a paragraph break.
fn is_rule(line: &str) -> bool {
    if indent(line) > 3 {
        return false;
    }
    let mut marks = line.chars().filter(|c| !c.is_whitespace());
    let first = marks.next();
    matches!(first, Some('-' | '*' | '_'))
        && marks.clone().count() >= 2
        && marks.all(|c| Some(c) == first)
}

/// A list marker: its kind (the bullet, or '.' / ')' after a number; a
/// different kind starts a new list) and the width of the marker with its
/// following spaces (where the item's content starts).
fn list_marker(line: &str) -> Option<(char, usize)> {
    let lead = indent(line);
    if lead > 3 {
        return None;
    }
    let rest = &line[lead..];
    let (kind, marker_len) = match rest.chars().next()? {
        bullet @ ('-' | '*' | '+') => (bullet, 1),
        _ => {
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let delimiter = rest[digits..]
                .chars()
                .next()
                .filter(|c| matches!(c, '.' | ')'));
            match delimiter {
                Some(d) if (1..=9).contains(&digits) => (d, digits + 1),
                _ => return None,
            }
        }
    };
    let after = &rest[marker_len..];
    if after.trim().is_empty() {
        return Some((kind, lead + marker_len + 1));
    }
    let spaces = indent(after);
    if spaces == 0 {
        return None;
    }
    // Five or more spaces: the content is indented code, one space counts.
    let spaces = if spaces > 4 { 1 } else { spaces };
    Some((kind, lead + marker_len + spaces))
}

fn is_ordered(kind: char) -> bool {
    matches!(kind, '.' | ')')
}

/// Can this line interrupt a paragraph (so it does not continue it)?
fn starts_block(line: &str) -> bool {
    heading(line).is_some()
        || fence(line).is_some()
        || is_rule(line)
        || line.trim_start().starts_with('>') && indent(line) <= 3
        || list_marker(line).is_some_and(|(kind, _)| {
            let body = line.trim_start();
            !is_ordered(kind) || body.starts_with("1.") || body.starts_with("1)")
        })
}

/// Strips up to `n` leading spaces.
fn dedent(line: &str, n: usize) -> String {
    line[indent(line).min(n)..].to_string()
}

fn blocks(lines: &[String], depth: usize) -> Vec<Node> {
    if depth >= MAX_BLOCK_DEPTH {
        // Too deep: what is left is shown as one paragraph of text.
        let text = lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
        return paragraph_of(vec![Node::Text(text)]);
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if is_blank(line) {
            i += 1;
        } else if let Some(marker) = fence(line) {
            let lead = indent(line);
            let mut code = String::new();
            i += 1;
            while i < lines.len() {
                let l = lines[i].trim();
                if l.starts_with(marker)
                    && l.trim_start_matches(marker.as_bytes()[0] as char)
                        .is_empty()
                {
                    i += 1;
                    break;
                }
                code.push_str(&dedent(&lines[i], lead));
                code.push('\n');
                i += 1;
            }
            out.push(code_block(code));
        } else if indent(line) >= 4 {
            let mut code = String::new();
            let mut blank_run = String::new();
            while i < lines.len() && (indent(&lines[i]) >= 4 || is_blank(&lines[i])) {
                if is_blank(&lines[i]) {
                    blank_run.push('\n');
                } else {
                    code.push_str(&blank_run);
                    blank_run.clear();
                    code.push_str(&lines[i][4..]);
                    code.push('\n');
                }
                i += 1;
            }
            out.push(code_block(code));
        } else if let Some((level, title)) = heading(line) {
            let children = inlines(title);
            if !children.is_empty() {
                out.push(Node::Element(Element::new(Tag::heading(level), children)));
            }
            i += 1;
        } else if is_rule(line) {
            i += 1;
        } else if line.trim_start().starts_with('>') {
            let mut inner = Vec::new();
            while i < lines.len() && !is_blank(&lines[i]) {
                let l = lines[i].trim_start();
                match l.strip_prefix('>') {
                    Some(rest) => inner.push(rest.strip_prefix(' ').unwrap_or(rest).to_string()),
                    // A lazy continuation of the quoted paragraph.
                    None if !starts_block(&lines[i]) => inner.push(lines[i].clone()),
                    None => break,
                }
                i += 1;
            }
            let children = blocks(&inner, depth + 1);
            if !children.is_empty() {
                out.push(Node::Element(Element::new(Tag::Blockquote, children)));
            }
        } else if let Some((kind, _)) = list_marker(line) {
            i = list(lines, i, kind, depth, &mut out);
        } else {
            let mut text = vec![line.trim_start()];
            i += 1;
            while i < lines.len() && !is_blank(&lines[i]) && !starts_block(&lines[i]) {
                text.push(lines[i].trim_start());
                i += 1;
            }
            out.extend(paragraph_of(inlines(&text.join("\n"))));
        }
    }
    out
}

fn paragraph_of(children: Vec<Node>) -> Vec<Node> {
    if children.is_empty() {
        Vec::new()
    } else {
        vec![Node::Element(Element::new(Tag::P, children))]
    }
}

fn code_block(code: String) -> Node {
    let code = vec![Node::Text(code)];
    Node::Element(Element::new(
        Tag::Pre,
        vec![Node::Element(Element::new(Tag::Code, code))],
    ))
}

/// Reads a list starting at line `start`; returns the line after it.
fn list(lines: &[String], start: usize, kind: char, depth: usize, out: &mut Vec<Node>) -> usize {
    let mut items: Vec<Vec<String>> = Vec::new();
    // Whether the last item has a line that is not blank yet (kept, not
    // searched for: a list of many blank lines stays linear).
    let mut item_has_text = false;
    let mut loose = false;
    let mut i = start;
    let mut content_indent = 0;
    let mut blank_before = false;
    while i < lines.len() {
        let line = &lines[i];
        if is_blank(line) {
            blank_before = true;
            if let Some(item) = items.last_mut() {
                item.push(String::new());
            }
            i += 1;
            continue;
        }
        // A new item: a marker of the same kind, left of the item's content.
        let marker = list_marker(line)
            .filter(|&(k, _)| k == kind && (items.is_empty() || indent(line) < content_indent));
        if let Some((_, width)) = marker {
            if blank_before && !items.is_empty() {
                loose = true;
            }
            content_indent = width;
            let first = line.get(width..).unwrap_or("").to_string();
            item_has_text = !first.is_empty();
            items.push(vec![first]);
        } else if indent(line) >= content_indent {
            if blank_before && item_has_text {
                loose = true;
            }
            if let Some(item) = items.last_mut() {
                item.push(dedent(line, content_indent));
                item_has_text = true;
            }
        } else if !blank_before && !starts_block(line) {
            // A lazy continuation of the item's paragraph.
            if let Some(item) = items.last_mut() {
                item.push(line.trim_start().to_string());
            }
        } else {
            break;
        }
        blank_before = false;
        i += 1;
    }
    let tag = if is_ordered(kind) { Tag::Ol } else { Tag::Ul };
    let items: Vec<Node> = items
        .iter()
        .map(|item| {
            let mut children = blocks(item, depth + 2);
            if !loose {
                // A tight list: the items' paragraphs are just their text.
                children = children
                    .into_iter()
                    .flat_map(|n| match n {
                        Node::Element(e) if e.tag == Tag::P => e.children,
                        other => vec![other],
                    })
                    .collect();
            }
            Node::Element(Element::new(Tag::Li, children))
        })
        .collect();
    out.push(Node::Element(Element::new(tag, items)));
    i
}

/// The inline content of a paragraph, heading or item.
fn inlines(text: &str) -> Vec<Node> {
    let chars: Vec<char> = text.chars().collect();
    // `runs[i]`: how many times `chars[i]` repeats from `i` on, so that
    // measuring a run of markers never walks it again.
    let mut runs = vec![1u32; chars.len()];
    for i in (0..chars.len().saturating_sub(1)).rev() {
        if chars[i] == chars[i + 1] {
            runs[i] = runs[i + 1].saturating_add(1);
        }
    }
    let mut reader = Inline {
        chars: &chars,
        runs: &runs,
        // Every search forward spends from this budget, so pathological
        // input (thousands of unmatched `*` or `[`) stays linear: once it
        // is spent, markers are read as text.
        budget: 16 * chars.len() + 1024,
    };
    let mut nodes = reader.parse(0, chars.len(), 0);
    trim_end(&mut nodes);
    nodes
}

struct Inline<'a> {
    chars: &'a [char],
    runs: &'a [u32],
    budget: usize,
}

impl Inline<'_> {
    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    fn spend(&mut self) -> bool {
        if self.budget == 0 {
            return false;
        }
        self.budget -= 1;
        true
    }

    /// Nodes for `chars[from..to]`.
    fn parse(&mut self, from: usize, to: usize, depth: usize) -> Vec<Node> {
        let mut out = Vec::new();
        let mut text = String::new();
        let mut i = from;
        while i < to {
            let c = self.chars[i];
            match c {
                '\\' if i + 1 < to && self.chars[i + 1] == '\n' => {
                    flush(&mut out, &mut text);
                    push_break(&mut out);
                    i += 2;
                    continue;
                }
                '\\' if i + 1 < to && self.chars[i + 1].is_ascii_punctuation() => {
                    text.push(self.chars[i + 1]);
                    i += 2;
                    continue;
                }
                '\n' => {
                    let hard = text.ends_with("  ");
                    let kept = text.trim_end_matches(' ').len();
                    text.truncate(kept);
                    if hard {
                        flush(&mut out, &mut text);
                        push_break(&mut out);
                    } else {
                        text.push(' ');
                    }
                    i += 1;
                    continue;
                }
                '`' => {
                    if let Some((code, next)) = self.code_span(i, to) {
                        flush(&mut out, &mut text);
                        let code = vec![Node::Text(code)];
                        out.push(Node::Element(Element::new(Tag::Code, code)));
                        i = next;
                        continue;
                    }
                    // An unmatched run of backticks is text, all of it.
                    while i < to && self.chars[i] == '`' {
                        text.push('`');
                        i += 1;
                    }
                    continue;
                }
                '<' => {
                    if let Some((link, next)) = self.autolink(i, to) {
                        flush(&mut out, &mut text);
                        out.push(link);
                        i = next;
                        continue;
                    }
                }
                '[' | '!' if depth < MAX_INLINE_DEPTH => {
                    if let Some((nodes, next)) = self.link(i, to, depth) {
                        flush(&mut out, &mut text);
                        out.extend(nodes);
                        i = next;
                        continue;
                    }
                }
                '*' | '_' if depth < MAX_INLINE_DEPTH => {
                    if let Some((node, next)) = self.emphasis(i, to, depth) {
                        flush(&mut out, &mut text);
                        out.push(node);
                        i = next;
                        continue;
                    }
                    // The whole run is text (so "**" is not read as two "*").
                    while i < to && self.chars[i] == c {
                        text.push(c);
                        i += 1;
                    }
                    continue;
                }
                '&' => {
                    // A character reference: decoded, as in CommonMark.
                    let end = (i + 1..to.min(i + 34)).find(|&j| self.chars[j] == ';');
                    if let Some(end) = end {
                        let entity: String = self.chars[i..=end].iter().collect();
                        let decoded = decode_entities(&entity);
                        if decoded != entity {
                            text.push_str(&decoded);
                            i = end + 1;
                            continue;
                        }
                    }
                }
                _ => {}
            }
            text.push(c);
            i += 1;
        }
        flush(&mut out, &mut text);
        out
    }

    /// A code span starting at a run of backticks: its text and the end.
    fn code_span(&mut self, start: usize, to: usize) -> Option<(String, usize)> {
        let run = self.run(start, to, '`');
        let mut i = start + run;
        while i < to {
            if !self.spend() {
                return None;
            }
            if self.chars[i] == '`' {
                let close = self.run(i, to, '`');
                if close == run {
                    let raw: String = self.chars[start + run..i].iter().collect();
                    let raw = raw.replace('\n', " ");
                    let trimmed = match raw.strip_prefix(' ').and_then(|r| r.strip_suffix(' ')) {
                        Some(inner) if !inner.trim().is_empty() => inner.to_string(),
                        _ => raw,
                    };
                    return Some((trimmed, i + close));
                }
                i += close;
            } else {
                i += 1;
            }
        }
        None
    }

    /// How many `c` follow from `start` on, before `to`.
    fn run(&self, start: usize, to: usize, c: char) -> usize {
        if start >= to || self.chars[start] != c {
            return 0;
        }
        (self.runs[start] as usize).min(to - start)
    }

    /// `<https://…>` or `<someone@example.org>`: a link, when it is safe.
    fn autolink(&mut self, start: usize, to: usize) -> Option<(Node, usize)> {
        let mut i = start + 1;
        while i < to && i - start < 2048 {
            if !self.spend() {
                return None;
            }
            match self.chars[i] {
                '>' => break,
                c if c.is_whitespace() || c == '<' => return None,
                _ => i += 1,
            }
        }
        if self.at(i) != Some('>') || i == start + 1 {
            return None;
        }
        let inner: String = self.chars[start + 1..i].iter().collect();
        let href = if inner.contains(':') {
            safe_link(&inner)?
        } else if inner.contains('@') && !inner.contains(['/', '\\']) {
            safe_link(&format!("mailto:{inner}"))?
        } else {
            return None;
        };
        let text = vec![Node::Text(inner)];
        Some((Node::Element(Element::link(href, text)), i + 1))
    }

    /// `[text](url)` (or an image, `![alt](src)`, whose alt text stays as
    /// text). A link to anything but http, https or mailto keeps its text
    /// only.
    fn link(&mut self, start: usize, to: usize, depth: usize) -> Option<(Vec<Node>, usize)> {
        let image = self.chars[start] == '!';
        let open = if image { start + 1 } else { start };
        if self.at(open) != Some('[') {
            return None;
        }
        // The matching ']' (brackets nest; backslash escapes).
        let mut level = 0usize;
        let mut i = open;
        let close = loop {
            if i >= to || !self.spend() {
                return None;
            }
            match self.chars[i] {
                '\\' => i += 1,
                '[' => level += 1,
                ']' => {
                    level -= 1;
                    if level == 0 {
                        break i;
                    }
                }
                _ => {}
            }
            i += 1;
        };
        if self.at(close + 1) != Some('(') {
            return None;
        }
        // The destination: up to white space or an unbalanced ')'.
        let mut i = close + 2;
        while i < to && self.chars[i] == ' ' {
            i += 1;
        }
        let dest_start = i;
        let mut parens = 0usize;
        while i < to {
            if !self.spend() {
                return None;
            }
            match self.chars[i] {
                '(' => parens += 1,
                ')' if parens == 0 => break,
                ')' => parens -= 1,
                c if c.is_whitespace() => break,
                _ => {}
            }
            i += 1;
        }
        let dest: String = self.chars[dest_start..i].iter().collect();
        let dest = dest
            .trim_start_matches('<')
            .trim_end_matches('>')
            .to_string();
        // An optional title ("…", '…' or (…)), which is not shown.
        while i < to && self.chars[i] != ')' {
            if !self.spend() {
                return None;
            }
            i += 1;
        }
        if i >= to {
            return None;
        }
        let end = i + 1;
        let label = self.parse(open + 1, close, depth + 1);
        let label = if image {
            vec![Node::Text(super::tree::to_text(&label))]
        } else {
            label
        };
        let nodes = match safe_link(&decode_entities(&dest)) {
            Some(href) if !image && !label.is_empty() => {
                vec![Node::Element(Element::link(href, strip_links(label)))]
            }
            _ => label,
        };
        Some((nodes, end))
    }

    /// `**strong**`, `__strong__`, `*em*`, `_em_` starting at `start`.
    fn emphasis(&mut self, start: usize, to: usize, depth: usize) -> Option<(Node, usize)> {
        let c = self.chars[start];
        let run = self.run(start, to, c);
        let next = self.at(start + run)?;
        let prev = start.checked_sub(1).map(|p| self.chars[p]);
        if next.is_whitespace() || (c == '_' && prev.is_some_and(char::is_alphanumeric)) {
            return None;
        }
        let width = if run >= 2 { 2 } else { 1 };
        let inner_start = start + width;
        let mut i = start + run;
        while i < to {
            if !self.spend() {
                return None;
            }
            let x = self.chars[i];
            if x == '`' {
                // Markers inside code spans do not count.
                let r = self.run(i, to, '`');
                i += self.code_span_len(i, to).unwrap_or(r);
                continue;
            }
            if x != c {
                i += 1;
                continue;
            }
            let close = self.run(i, to, c);
            let before = self.chars[i - 1];
            let after = self.at(i + close);
            let can_close =
                !before.is_whitespace() && (c != '_' || !after.is_some_and(char::is_alphanumeric));
            // A strong run does not close emphasis and vice versa (except a
            // run of three, which closes either).
            let fits = if width == 2 { close >= 2 } else { close != 2 };
            if can_close && fits {
                let inner_end = i + close - width;
                if inner_end <= inner_start {
                    return None;
                }
                let children = self.parse(inner_start, inner_end, depth + 1);
                let tag = if width == 2 { Tag::Strong } else { Tag::Em };
                return Some((Node::Element(Element::new(tag, children)), i + close));
            }
            i += close;
        }
        None
    }

    fn code_span_len(&mut self, start: usize, to: usize) -> Option<usize> {
        self.code_span(start, to).map(|(_, end)| end - start)
    }
}

/// Links inside a link's text become their text.
fn strip_links(nodes: Vec<Node>) -> Vec<Node> {
    nodes
        .into_iter()
        .flat_map(|n| match n {
            Node::Element(e) if e.tag == Tag::A => strip_links(e.children),
            Node::Element(mut e) => {
                e.children = strip_links(e.children);
                vec![Node::Element(e)]
            }
            text => vec![text],
        })
        .collect()
}

fn flush(out: &mut Vec<Node>, text: &mut String) {
    if !text.is_empty() {
        out.push(Node::Text(std::mem::take(text)));
    }
}

fn push_break(out: &mut Vec<Node>) {
    trim_end(out);
    out.push(Node::Element(Element::new(Tag::Br, Vec::new())));
}
