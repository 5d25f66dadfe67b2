//! The apply link of a post body, found as a person finds it. The body is
//! read as Markdown (with its inline HTML) into blocks — paragraphs, list
//! items, headings — each with its text, its links (inline, reference-style
//! `[text][ref]` with the definition anywhere, autolinks, `<a href>`), the
//! bare URLs and e-mail addresses in its text, and the section it is in.
//! Then, in order:
//!
//! 1. a link whose text says Apply ("Apply here", "Please apply through
//!    the Paylocity portal", "solliciteer direct");
//! 2. a link, bare URL or e-mail address in a sentence about applying ("To
//!    apply, please supply … through the [Paylocity recruiting portal](…)",
//!    "Details on how to apply can be found on the [CLIR website][jobadvert]",
//!    "send your CV to jobs@example.org"); a sentence that only mentions
//!    applicants or applying comes after every sentence that says "apply";
//! 3. the first link or e-mail address of a "How to apply", "To apply",
//!    "Applying" or "Application" section;
//! 4. a link whose text says it is the job ad ("Follow this link for the job
//!    advert", "Original link", "vacancy").
//!
//! The Apply-button include and the front-matter keys come before all of
//! these (see the crate's `read_post`). E-mail addresses become `mailto:`
//! links; only http, https and mailto links are ever taken.

use openings_core::links::{safe_link, safe_link_from};
use openings_core::text::decode_entities;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::liquid::include_params;

/// How the apply link was found, for messages and tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    LinkText,
    Sentence,
    Section,
    JobAd,
}

/// A block of the body: a paragraph, list item, table cell or heading.
#[derive(Debug, Default)]
struct Block {
    text: String,
    /// Links, by where their text starts in `text`.
    links: Vec<(usize, String, String)>,
    heading: bool,
    /// The heading of the section the block is in.
    section: Option<String>,
    /// Text inside `**…**`: a paragraph that is all strong is a heading too.
    strong: String,
}

/// Words that say a link or a sentence is about applying: "apply",
/// "application", a CV or cover letter, and their Dutch, German, French
/// and Spanish kin.
fn says_apply(text: &str) -> bool {
    let text = text.to_lowercase();
    text.split(|c: char| !c.is_alphanumeric()).any(|w| {
        [
            "application",
            "sollicit",
            "bewerb",
            "postul",
            "candidatur",
            "solicitud",
        ]
        .iter()
        .any(|p| w.starts_with(p))
            || ["apply", "cv", "resume", "résumé"].contains(&w)
    }) || text.contains("cover letter")
}

/// Words that speak of applying only in passing ("applicants must…",
/// "within six months of applying"): a sentence with these counts after
/// every sentence that says "apply".
fn mentions_applying(text: &str) -> bool {
    let text = text.to_lowercase();
    text.split(|c: char| !c.is_alphanumeric()).any(|w| {
        ["applicant", "applying", "applied"]
            .iter()
            .any(|p| w.starts_with(p))
    })
}

/// Words that say a link is the job ad itself.
fn says_job_ad(text: &str) -> bool {
    let text = text.to_lowercase();
    [
        "advert",
        "job ad",
        "vacancy",
        "job posting",
        "posting",
        "job description",
        "original link",
        "more information",
        "full details",
        "more details",
    ]
    .iter()
    .any(|w| text.contains(w))
}

/// The apply link of `markdown` (a body with its Liquid removed), and how
/// it was found.
///
/// A link relative to the site (`/careers/`, also written as a bare path in
/// a sentence) is taken when `site`, the address the site is published at,
/// is known.
pub fn in_body(markdown: &str, site: Option<&str>) -> Option<(String, How)> {
    let safe_link = |url: &str| match site {
        Some(site) if url.starts_with('/') && !url.starts_with("//") => safe_link_from(url, site),
        _ => safe_link(url),
    };
    let blocks = blocks(markdown);
    let links = || blocks.iter().flat_map(|b| b.links.iter());
    if let Some(url) = links()
        .filter(|(_, _, text)| says_apply(text))
        .find_map(|(_, u, _)| safe_link(u))
    {
        return Some((url, How::LinkText));
    }
    for about_applying in [says_apply as fn(&str) -> bool, mentions_applying] {
        for block in blocks.iter().filter(|b| !b.heading) {
            for (start, end) in sentences(&block.text) {
                if !about_applying(&block.text[start..end]) {
                    continue;
                }
                if let Some(url) = targets(block)
                    .into_iter()
                    .filter(|(at, _)| (start..end).contains(at))
                    .find_map(|(_, url)| safe_link(&url))
                {
                    return Some((url, How::Sentence));
                }
            }
        }
    }
    let heads_applying = |s: &str| says_apply(s) || mentions_applying(s);
    let in_apply_section =
        |b: &&Block| !b.heading && b.section.as_deref().is_some_and(heads_applying);
    if let Some(url) = blocks
        .iter()
        .filter(in_apply_section)
        .flat_map(targets)
        .find_map(|(_, url)| safe_link(&url))
    {
        return Some((url, How::Section));
    }
    links()
        .filter(|(_, _, text)| says_job_ad(text))
        .find_map(|(_, u, _)| safe_link(u))
        .map(|url| (url, How::JobAd))
}

/// The links whose text says they are the job ad ("jobs.ac.uk advert"),
/// in the order of the body.
pub fn job_ad_links(markdown: &str) -> Vec<String> {
    blocks(markdown)
        .iter()
        .flat_map(|b| b.links.iter())
        .filter(|(_, _, text)| says_job_ad(text))
        .filter_map(|(_, u, _)| safe_link(u))
        .collect()
}

/// Every link, bare URL and e-mail address of a block, by where it is.
fn targets(block: &Block) -> Vec<(usize, String)> {
    let mut found: Vec<(usize, String)> = block
        .links
        .iter()
        .map(|(at, url, _)| (*at, url.clone()))
        .collect();
    found.extend(bare_urls(&block.text));
    found.extend(site_paths(&block.text));
    found.extend(
        emails(&block.text)
            .into_iter()
            .map(|(at, e)| (at, format!("mailto:{e}"))),
    );
    found.sort_by_key(|(at, _)| *at);
    found
}

/// The sentences of a text, as byte ranges: they end at ". ", "? ", "! ".
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices(['.', '?', '!']) {
        let next = text[at + 1..].chars().next();
        if next.is_none_or(char::is_whitespace) {
            out.push((start, at + 1));
            start = at + 1;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// `http://…` and `https://…` written out in text, without the sentence's
/// punctuation after them.
/// Paths of the site written as text ("see /careers/."): a word that starts
/// with `/` and a letter or digit, its closing punctuation left off.
fn site_paths(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut at = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        let start = at;
        at += word.len();
        let word = word.trim_end();
        let path = word.trim_end_matches(['.', ',', ';', ':', ')', '!', '?', '"', '\'']);
        let mut chars = path.chars();
        if chars.next() == Some('/')
            && chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
            && path
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "/-._~%?=&#+".contains(c))
            && (start == 0 || text[..start].ends_with(char::is_whitespace))
        {
            found.push((start, path.to_string()));
        }
    }
    found
}

fn bare_urls(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices("http") {
        let rest = &text[at..];
        if !(rest.starts_with("http://") || rest.starts_with("https://")) {
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || "<>\"'`".contains(c))
            .unwrap_or(rest.len());
        let mut url = &rest[..end];
        // A closing bracket belongs to the URL only when it opened one.
        while let Some(last) = url.chars().last() {
            let unbalanced = last == ')' && url.matches('(').count() < url.matches(')').count();
            if ".,;:!?".contains(last) || unbalanced || last == ']' {
                url = &url[..url.len() - 1];
            } else {
                break;
            }
        }
        found.push((at, url.to_string()));
    }
    found
}

/// E-mail addresses written out in text.
fn emails(text: &str) -> Vec<(usize, String)> {
    let is_local = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
    let is_domain = |c: char| c.is_ascii_alphanumeric() || ".-".contains(c);
    let mut found = Vec::new();
    for (at, _) in text.match_indices('@') {
        let local_start = text[..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_local(*c))
            .last()
            .map_or(at, |(i, _)| i);
        let domain_end = text[at + 1..]
            .char_indices()
            .take_while(|(_, c)| is_domain(*c))
            .last()
            .map_or(at + 1, |(i, c)| at + 1 + i + c.len_utf8());
        let local = text[local_start..at].trim_start_matches('.');
        let domain = text[at + 1..domain_end].trim_end_matches(['.', '-']);
        let tld_ok = domain
            .rsplit('.')
            .next()
            .is_some_and(|t| t.len() >= 2 && t.chars().all(|c| c.is_ascii_alphabetic()));
        if !local.is_empty() && domain.contains('.') && tld_ok {
            found.push((at - local.len(), format!("{local}@{domain}")));
        }
    }
    found
}

/// The body as blocks, each with its section.
fn blocks(markdown: &str) -> Vec<Block> {
    let mut reader = Reader::default();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        reader.event(event);
    }
    reader.flush();
    reader.blocks
}

#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    current: Block,
    section: Option<String>,
    /// The link being read: where its text starts, its URL.
    link: Option<(usize, String)>,
    strong: usize,
    in_code_block: bool,
}

impl Reader {
    fn push_text(&mut self, text: &str) {
        if self.strong > 0 {
            self.current.strong.push_str(text);
        }
        self.current.text.push_str(text);
    }

    fn flush(&mut self) {
        self.end_link();
        let mut block = std::mem::take(&mut self.current);
        let text = block.text.trim().to_string();
        if text.is_empty() {
            return;
        }
        // A short paragraph that is all strong ("**Apply**", "**Want to
        // apply?**") heads what follows, as a heading would.
        let all_strong =
            !block.heading && block.strong.trim() == text && text.chars().count() <= 60;
        if block.heading || all_strong {
            block.heading = true;
            self.section = Some(text);
        }
        block.section = self.section.clone();
        self.blocks.push(block);
    }

    fn start_link(&mut self, url: String) {
        self.end_link();
        self.link = Some((self.current.text.len(), url));
    }

    fn end_link(&mut self) {
        if let Some((start, url)) = self.link.take() {
            let text = self.current.text[start..].to_string();
            self.current.links.push((start, url, text));
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                self.flush();
                self.current.heading = true;
            }
            Event::Start(Tag::Paragraph | Tag::Item | Tag::TableCell | Tag::BlockQuote(_))
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::HtmlBlock,
            ) => self.flush(),
            Event::Start(Tag::CodeBlock(_)) => {
                self.flush();
                self.in_code_block = true;
            }
            Event::End(TagEnd::CodeBlock) => {
                self.in_code_block = false;
                self.current = Block::default();
            }
            Event::Start(Tag::Strong) => self.strong += 1,
            Event::End(TagEnd::Strong) => self.strong = self.strong.saturating_sub(1),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                let url = if link_type == LinkType::Email && !dest_url.contains(':') {
                    format!("mailto:{dest_url}")
                } else {
                    dest_url.to_string()
                };
                self.start_link(url);
            }
            Event::End(TagEnd::Link) => self.end_link(),
            Event::Text(text) | Event::Code(text) if !self.in_code_block => self.push_text(&text),
            Event::SoftBreak | Event::HardBreak => self.push_text(" "),
            Event::Html(html) | Event::InlineHtml(html) => self.html(&html),
            _ => {}
        }
    }

    /// Raw HTML in the body: its text, its `<a href>` links, and the block
    /// boundaries its tags make.
    fn html(&mut self, html: &str) {
        let mut rest = html;
        while let Some(lt) = rest.find('<') {
            self.push_text(&decode_entities(&rest[..lt]));
            let Some(gt) = rest[lt..].find('>') else {
                rest = "";
                break;
            };
            let tag = &rest[lt + 1..lt + gt];
            rest = &rest[lt + gt + 1..];
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_lowercase();
            match name.as_str() {
                "a" if closing => self.end_link(),
                "a" => {
                    if let Some((_, href)) =
                        include_params(tag).into_iter().find(|(k, _)| k == "href")
                    {
                        self.start_link(decode_entities(&href));
                    }
                }
                "p" | "div" | "li" | "tr" | "td" | "th" | "ul" | "ol" | "table" | "section" => {
                    self.flush()
                }
                "br" => self.push_text(" "),
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    self.flush();
                    self.current.heading = !closing;
                }
                "strong" | "b" if closing => self.strong = self.strong.saturating_sub(1),
                "strong" | "b" => self.strong += 1,
                _ => {}
            }
        }
        self.push_text(&decode_entities(rest));
        if html.ends_with('\n') {
            self.push_text(" ");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(md: &str) -> Option<(String, How)> {
        in_body(md, None)
    }

    #[test]
    fn a_link_relative_to_the_site_is_taken_when_the_site_is_known() {
        let site = Some("https://harbour.example/blog/");
        for (md, url, how) in [
            (
                "For more details and how to apply see /careers/.",
                "https://harbour.example/careers/",
                How::Sentence,
            ),
            (
                "[Apply here](/jobs/archivist?ref=blog)",
                "https://harbour.example/jobs/archivist?ref=blog",
                How::LinkText,
            ),
            (
                "To apply, fill in [the form](/apply/17/).",
                "https://harbour.example/apply/17/",
                How::Sentence,
            ),
        ] {
            assert_eq!(in_body(md, site), Some((url.into(), how)), "{md}");
            assert_eq!(in_body(md, None), None, "{md}");
        }
        // Not paths: "and/or", a date, a protocol-relative link.
        for md in [
            "To apply, send a letter and/or a CV.",
            "Apply by 1/2/2031.",
            "To apply see //evil.example/x.",
        ] {
            assert_eq!(in_body(md, site), None, "{md}");
        }
    }

    #[test]
    fn a_link_whose_text_says_apply_comes_first() {
        let md = "See [our site](https://example.org/about).\n\n**[Apply here](https://jobs.example.org/7)!**\n";
        assert_eq!(
            found(md),
            Some(("https://jobs.example.org/7".into(), How::LinkText))
        );
        let md =
            "Ons team zoekt versterking: [solliciteer direct](https://werkenbij.example.nl/55).";
        assert_eq!(found(md).unwrap().0, "https://werkenbij.example.nl/55");
    }

    #[test]
    fn a_reference_style_link_in_a_sentence_about_applying() {
        let md = "Details on how to apply can be found on the [CLIR website][jobadvert]. If you have \
                  questions, contact work@clir.example.\n\n[other]: https://example.org/other\n[jobadvert]: https://clir.example/positions/iiif\n";
        assert_eq!(
            found(md),
            Some(("https://clir.example/positions/iiif".into(), How::Sentence))
        );
        let md = "To apply, please supply a cover letter through the [Paylocity recruiting portal](https://recruiting.example.com/Jobs/1166001) of CLIR.";
        assert_eq!(
            found(md).unwrap().0,
            "https://recruiting.example.com/Jobs/1166001"
        );
        let md = "More details and application procedures are at: <a href=\"https://s4.example.edu/details.do?posID=57&amp;x=1\">https://s4.example.edu/details.do?posID=57</a>";
        assert_eq!(
            found(md).unwrap().0,
            "https://s4.example.edu/details.do?posID=57&x=1"
        );
        let md = "<p>For further details about the post and how to apply, please visit the following url:\nhttp://www.jobs.example.ac.uk/ref/1234.</p>";
        assert_eq!(
            found(md).unwrap().0,
            "http://www.jobs.example.ac.uk/ref/1234"
        );
        let md = "Send resume to Jo Love, jlove1@lib.example.edu or by fax. For more details see the full job description at http://www.lib.example.edu/jobs/111875.html";
        assert_eq!(
            found(md),
            Some(("mailto:jlove1@lib.example.edu".into(), How::Sentence))
        );
    }

    #[test]
    fn the_first_link_or_address_of_a_how_to_apply_section() {
        let md = "### Description   \nWe archive things.\n\n### To Apply   \nsend cv and samples to humanresources@church.example.org\n";
        assert_eq!(
            found(md),
            Some((
                "mailto:humanresources@church.example.org".into(),
                How::Sentence
            ))
        );
        let md = "## Applying\n\nWrite to [Yuki Hoshino](mailto:yuki.hoshino@yale.example) with questions.\n";
        assert_eq!(
            found(md),
            Some(("mailto:yuki.hoshino@yale.example".into(), How::Section))
        );
        let md =
            "**Want to apply?**\n\nSend a note to [dhlab@yale.example](mailto:dhlab@yale.example).";
        assert_eq!(
            found(md),
            Some(("mailto:dhlab@yale.example".into(), How::Section))
        );
    }

    #[test]
    fn a_sentence_that_says_apply_beats_one_that_mentions_applicants() {
        let md = "Applicants must complete [the workshop series](https://lab.example.edu/workshops) within six \
                  months of applying.\n\nTo apply, please check the [student employment portal](https://jobs.example.edu/).";
        assert_eq!(
            found(md),
            Some(("https://jobs.example.edu/".into(), How::Sentence))
        );
    }

    #[test]
    fn a_link_to_the_job_ad_comes_last() {
        let md = "Sheffield has a new role. [Follow this link for the job advert](https://jobs.shef.example/sap?PARAM=%3d%3d#).\n";
        assert_eq!(
            found(md),
            Some((
                "https://jobs.shef.example/sap?PARAM=%3d%3d#".into(),
                How::JobAd
            ))
        );
    }

    #[test]
    fn nothing_to_apply_through_is_nothing() {
        for md in [
            "For questions, please contact <admin@iiif.example>.",
            "[Apply](javascript:alert(1))",
            "To apply, see /careers/.",
            "```\nTo apply: https://example.org/in-code\n```",
        ] {
            assert_eq!(found(md), None, "{md}");
        }
    }
}
