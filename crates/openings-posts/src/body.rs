//! A post's body, Markdown with inline HTML as Jekyll, Hugo and Eleventy
//! read it (CommonMark with tables), rendered to the board's safe HTML:
//! `pulldown-cmark` (host only, never in the widget) turns the Markdown into
//! HTML, and the core's one sanitizing path ([`openings_core::rich_text`])
//! keeps only the allowed elements and links. A post's opening carries this
//! HTML; the widget has no Markdown reader.

use openings_core::rich_text;
use openings_core::text::escape_markup;
use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

/// Markdown (with inline HTML) to sanitized HTML. A paragraph holding only
/// a line break (what `<br>` between two blocks becomes) is dropped.
pub fn to_safe_html(markdown: &str) -> String {
    rich_text::to_html(&rich_text::from_html(&to_html(markdown))).replace("<p><br></p>", "")
}

/// Markdown to HTML, before sanitizing. Text is escaped; the post's own
/// inline HTML passes through to the sanitizer.
fn to_html(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() * 5 / 4);
    let mut in_table_head = false;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => out.push_str("<p>"),
                Tag::Heading { level, .. } => out.push_str(&format!("<{level}>")),
                Tag::BlockQuote(_) => out.push_str("<blockquote>"),
                Tag::CodeBlock(CodeBlockKind::Fenced(_) | CodeBlockKind::Indented) => {
                    out.push_str("<pre><code>")
                }
                Tag::List(Some(_)) => out.push_str("<ol>"),
                Tag::List(None) => out.push_str("<ul>"),
                Tag::Item => out.push_str("<li>"),
                Tag::Table(_) => out.push_str("<table>"),
                Tag::TableHead => {
                    in_table_head = true;
                    out.push_str("<thead><tr>");
                }
                Tag::TableRow => out.push_str("<tr>"),
                Tag::TableCell => out.push_str(if in_table_head { "<th>" } else { "<td>" }),
                Tag::Emphasis => out.push_str("<em>"),
                Tag::Strong => out.push_str("<strong>"),
                Tag::Link {
                    link_type,
                    dest_url,
                    ..
                } => {
                    let href = if link_type == LinkType::Email && !dest_url.contains(':') {
                        format!("mailto:{dest_url}")
                    } else {
                        dest_url.to_string()
                    };
                    out.push_str(&format!("<a href=\"{}\">", escape_markup(&href)));
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph => out.push_str("</p>\n"),
                TagEnd::Heading(level) => out.push_str(&format!("</{level}>\n")),
                TagEnd::BlockQuote(_) => out.push_str("</blockquote>\n"),
                TagEnd::CodeBlock => out.push_str("</code></pre>\n"),
                TagEnd::List(true) => out.push_str("</ol>\n"),
                TagEnd::List(false) => out.push_str("</ul>\n"),
                TagEnd::Item => out.push_str("</li>\n"),
                TagEnd::Table => out.push_str("</tbody></table>\n"),
                TagEnd::TableHead => {
                    in_table_head = false;
                    out.push_str("</tr></thead><tbody>");
                }
                TagEnd::TableRow => out.push_str("</tr>"),
                TagEnd::TableCell => out.push_str(if in_table_head { "</th>" } else { "</td>" }),
                TagEnd::Emphasis => out.push_str("</em>"),
                TagEnd::Strong => out.push_str("</strong>"),
                TagEnd::Link => out.push_str("</a>"),
                _ => {}
            },
            Event::Text(text) => out.push_str(&escape_markup(&text)),
            Event::Code(code) => out.push_str(&format!("<code>{}</code>", escape_markup(&code))),
            Event::Html(html) | Event::InlineHtml(html) => out.push_str(&html),
            Event::SoftBreak => out.push('\n'),
            Event::HardBreak => out.push_str("<br>\n"),
            Event::TaskListMarker(done) => out.push_str(if done { "[x] " } else { "[ ] " }),
            Event::InlineMath(text) | Event::DisplayMath(text) => {
                out.push_str(&escape_markup(&text))
            }
            Event::FootnoteReference(name) => out.push_str(&escape_markup(&format!("[{name}]"))),
            Event::Rule => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_the_allowed_html() {
        let html = to_safe_html(
            "## Duties\n\n- Plan *events*\n- Write **news**\n\nContact <jobs@example.org> or \
             [the portal](https://jobs.example.org/1).\n\n# Big\n",
        );
        assert!(html.contains("<h2>Duties</h2>"), "{html}");
        assert!(html.contains("<ul><li>Plan <em>events</em></li>"), "{html}");
        assert!(html.contains("<strong>news</strong>"), "{html}");
        assert!(
            html.contains("<a href=\"mailto:jobs@example.org\">jobs@example.org</a>"),
            "{html}"
        );
        assert!(html.contains("<a href=\"https://jobs.example.org/1\">the portal</a>"));
    }

    #[test]
    fn layout_html_around_a_button_leaves_nothing_behind() {
        let html =
            to_safe_html("Intro.\n\n<br>\n<div class=\"columns is-centered\"></div>\n\n## Next\n");
        assert_eq!(html, "<p>Intro.</p><h2>Next</h2>");
    }

    #[test]
    fn hostile_html_in_a_post_is_dropped() {
        let html = to_safe_html(
            "<div class=\"x\" onclick=\"evil()\">Hi</div>\n\n<script>alert(1)</script>\n\n\
             [click](javascript:alert(1)) <img src=x onerror=alert(1)>\n",
        );
        for bad in [
            "<div",
            "onclick",
            "<script",
            "javascript:",
            "<img",
            "onerror",
        ] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        assert!(html.contains("Hi"));
        assert!(html.contains("click"));
    }
}
