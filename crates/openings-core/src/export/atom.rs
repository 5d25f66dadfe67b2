//! Openings as an Atom feed (RFC 4287), for newsletters and RSS-to-email
//! services: one entry per opening, its title, organization and places in
//! the summary, its description as escaped HTML content, linked to its page
//! (or its apply link).

use super::{iso_closing, sitemap::percent_encode, xml_escape};
use crate::dates::Timestamp;
use crate::model::{Opening, Workplace};
use crate::rich_text;

/// What the feed says about itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AtomMeta {
    pub title: String,
    /// The feed's permanent id: its own URL is a good one.
    pub id: String,
    /// Where the feed will be published, for `rel="self"`.
    pub self_url: Option<String>,
    /// The page that shows the openings, for `rel="alternate"`.
    pub page_url: Option<String>,
    /// When the feed was made; entries without a posting date use it too.
    pub generated: Timestamp,
}

/// The whole Atom document.
pub fn atom_feed(meta: &AtomMeta, openings: &[Opening]) -> String {
    let updated = openings
        .iter()
        .filter_map(|o| o.date_posted)
        .max()
        .unwrap_or(meta.generated);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    push_element(&mut out, 1, "title", &meta.title);
    push_element(&mut out, 1, "id", &meta.id);
    push_element(&mut out, 1, "updated", &updated.to_iso_datetime());
    push_element(&mut out, 1, "generator", "openings");
    if let Some(url) = &meta.self_url {
        out.push_str(&format!(
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
            xml_escape(url)
        ));
    }
    if let Some(url) = &meta.page_url {
        out.push_str(&format!(
            "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            xml_escape(url)
        ));
    }
    for o in openings {
        push_entry(&mut out, o, meta.generated);
    }
    out.push_str("</feed>\n");
    out
}

fn push_entry(out: &mut String, o: &Opening, generated: Timestamp) {
    let link = o.url.as_deref().unwrap_or(&o.apply_url);
    out.push_str("  <entry>\n");
    push_element(out, 2, "title", &o.title);
    push_element(out, 2, "id", &entry_id(o));
    out.push_str(&format!(
        "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml_escape(link)
    ));
    let posted = o.date_posted.unwrap_or(generated);
    push_element(out, 2, "updated", &posted.to_iso_datetime());
    if let Some(date) = o.date_posted {
        push_element(out, 2, "published", &date.to_iso_datetime());
    }
    if !o.organization.name.is_empty() {
        out.push_str("    <author>\n");
        push_element(out, 3, "name", &o.organization.name);
        out.push_str("    </author>\n");
    }
    for term in o
        .employment_types
        .iter()
        .map(|t| t.key().to_string())
        .chain(o.tags.iter().cloned())
    {
        out.push_str(&format!("    <category term=\"{}\"/>\n", xml_escape(&term)));
    }
    push_element(out, 2, "summary", &summary(o));
    let html = rich_text::to_html(&rich_text::from_description(&o.description));
    let apply = format!("<p><a href=\"{}\">Apply</a></p>", xml_escape(&o.apply_url));
    out.push_str(&format!(
        "    <content type=\"html\">{}</content>\n",
        xml_escape(&(html + &apply))
    ));
    out.push_str("  </entry>\n");
}

/// "Harbour City Library · Harbour City, NZ · Remote · closes 2030-04-15".
fn summary(o: &Opening) -> String {
    let mut parts = vec![o.organization.name.clone()];
    parts.extend(o.locations.iter().map(|l| l.label()));
    match o.workplace {
        Workplace::Remote => parts.push("Remote".into()),
        Workplace::Hybrid => parts.push("Hybrid".into()),
        _ => {}
    }
    if let Some(closes) = o.valid_through {
        parts.push(format!("closes {}", iso_closing(closes)));
    }
    let head = parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let text = rich_text::to_text(&rich_text::from_description(&o.description));
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = crate::text::ellipsize(&text, 280);
    if text.is_empty() {
        head
    } else {
        format!("{head}. {text}")
    }
}

/// The opening's id when it is already a URI, else one made from it.
fn entry_id(o: &Opening) -> String {
    let is_uri = ["http://", "https://", "urn:", "tag:"]
        .iter()
        .any(|scheme| o.id.starts_with(scheme));
    if is_uri {
        o.id.clone()
    } else {
        format!(
            "urn:openings:{}:{}",
            percent_encode(&o.organization.name),
            percent_encode(&o.id)
        )
    }
}

fn push_element(out: &mut String, depth: usize, name: &str, text: &str) {
    out.push_str(&"  ".repeat(depth));
    out.push_str(&format!("<{name}>{}</{name}>\n", xml_escape(text)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Description, Organization};

    fn meta() -> AtomMeta {
        AtomMeta {
            title: "Openings at R&D libraries".into(),
            id: "https://example.org/openings.xml".into(),
            self_url: Some("https://example.org/openings.xml".into()),
            page_url: None,
            generated: Timestamp::parse_iso("2030-05-01T08:00:00Z").unwrap(),
        }
    }

    #[test]
    fn hostile_titles_and_descriptions_are_escaped() {
        let o = Opening {
            id: "x<1>".into(),
            title: "<script>alert(1)</script> & co".into(),
            organization: Organization {
                name: "Tom's \"Archive\"".into(),
                ..Organization::default()
            },
            description: Description::Html("<p>Hi</p>]]></content>".into()),
            apply_url: "https://jobs.example.org/?a=1&b=2".into(),
            date_posted: Timestamp::parse_iso("2030-04-01"),
            ..Opening::default()
        };
        let xml = atom_feed(&meta(), &[o]);
        assert!(!xml.contains("<script>"));
        assert!(xml.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</title>"));
        assert!(xml.contains("<name>Tom&#39;s &quot;Archive&quot;</name>"));
        assert!(!xml.contains("]]></content>"));
        assert!(xml.contains("<content type=\"html\">&lt;p&gt;Hi&lt;/p&gt;"));
        assert!(xml.contains("href=\"https://jobs.example.org/?a=1&amp;b=2\""));
        assert!(xml.contains("<id>urn:openings:Tom%27s%20%22Archive%22:x%3C1%3E</id>"));
        assert!(xml.contains("<updated>2030-04-01T00:00:00Z</updated>"));
        assert!(xml.contains("<title>Openings at R&amp;D libraries</title>"));
    }

    /// The entry's summary says who, where, how and until when, then the
    /// text: a closing date given without a time as that date.
    #[test]
    fn the_summary_says_who_where_and_until_when() {
        let o = Opening {
            organization: Organization {
                name: "Harbour City Library".into(),
                ..Organization::default()
            },
            workplace: Workplace::Remote,
            valid_through: Timestamp::parse_iso("2030-04-15").map(Timestamp::end_of_day),
            description: Description::Html("<p>Keep   the maps.</p>".into()),
            ..Opening::default()
        };
        assert_eq!(
            summary(&o),
            "Harbour City Library · Remote · closes 2030-04-15. Keep the maps."
        );
    }

    #[test]
    fn an_empty_feed_is_still_a_valid_feed_dated_when_made() {
        let xml = atom_feed(&meta(), &[]);
        assert!(xml.contains("<updated>2030-05-01T08:00:00Z</updated>"));
        assert!(xml.ends_with("</feed>\n"));
        assert!(!xml.contains("<entry>"));
    }
}
