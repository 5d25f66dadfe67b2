//! Sitemaps of deep links: each opening's own URL on the host page that
//! embeds the board, so a host can hand its openings to search engines.
//!
//! The deep link is the board's own URL state ([`crate::url_state`]): the
//! host page's URL with the board's query parameter set to `open:<id>`,
//! `PAGE?openings=open:<id>` (or `PAGE?openings-<board>=open:<id>` for a
//! board with an `id`), the id percent-encoded, the page's other parameters
//! and its hash kept. A query parameter rather than a `#fragment`, because
//! search engines drop fragments: a sitemap of `#…` links would be one page.

use super::{iso, xml_escape};
use crate::model::Opening;

/// The most URLs one sitemap file may hold (sitemaps.org).
pub const MAX_SITEMAP_URLS: usize = 50_000;

/// The URL that opens `opening_id` in the board on `page`: the same link
/// the widget writes when a reader opens that opening (one definition, in
/// [`crate::url_state::deep_link`]).
pub fn deep_link(page: &str, board_id: Option<&str>, opening_id: &str) -> String {
    crate::url_state::deep_link(page, board_id, opening_id)
}

/// Percent-encodes every byte except the unreserved characters of RFC 3986.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A sitemap (`urlset`) of the deep link of every opening, with `lastmod`
/// from the date it was posted. The caller keeps it under
/// [`MAX_SITEMAP_URLS`] entries.
pub fn sitemap(page: &str, board_id: Option<&str>, openings: &[Opening]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for o in openings {
        out.push_str("  <url>\n    <loc>");
        out.push_str(&xml_escape(&deep_link(page, board_id, &o.id)));
        out.push_str("</loc>\n");
        if let Some(posted) = o.date_posted {
            out.push_str(&format!("    <lastmod>{}</lastmod>\n", iso(posted)));
        }
        out.push_str("  </url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::Timestamp;

    #[test]
    fn a_deep_link_opens_one_opening_on_the_host_page() {
        assert_eq!(
            deep_link("https://example.org/jobs/", None, "lib-7"),
            "https://example.org/jobs/?openings=open:lib-7"
        );
        assert_eq!(
            deep_link(
                "https://example.org/jobs?lang=en#top",
                Some("museums"),
                "https://ats.example/j?id=7&x=ü"
            ),
            "https://example.org/jobs?lang=en&openings-museums=open:https%3A%2F%2Fats.example%2Fj%3Fid%3D7%26x%3D%C3%BC#top"
        );
    }

    #[test]
    fn the_sitemap_lists_each_deep_link_with_its_posting_date() {
        let openings = vec![
            Opening {
                id: "a&b".into(),
                date_posted: Timestamp::parse_iso("2030-01-02"),
                ..Opening::default()
            },
            Opening {
                id: "c".into(),
                ..Opening::default()
            },
        ];
        let xml = sitemap("https://example.org/jobs?x=1&y=2", None, &openings);
        assert!(xml.contains(
            "<loc>https://example.org/jobs?x=1&amp;y=2&amp;openings=open:a%26b</loc>\n    <lastmod>2030-01-02</lastmod>"
        ));
        assert!(xml.contains(
            "<loc>https://example.org/jobs?x=1&amp;y=2&amp;openings=open:c</loc>\n  </url>"
        ));
        assert_eq!(xml.matches("<url>").count(), 2);
    }
}
