//! Writing openings out for others to read: schema.org JSON-LD (the format
//! the board and search engines read), Atom (for newsletters and
//! RSS-to-email) and sitemaps of each opening's deep link on a host page.
//! Used by the `openings` command-line tool; pure, like the rest of the core.

pub mod atom;
pub mod json_ld;
pub mod sitemap;

/// Escapes text for XML content and attribute values, and drops the
/// characters XML 1.0 does not allow at all (most control characters).
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// An ISO date for a timestamp: the calendar date when it is midnight UTC
/// (as most feeds give dates), else the full date and time.
pub fn iso(t: crate::Timestamp) -> String {
    if t.0.rem_euclid(crate::dates::DAY_MS) == 0 {
        t.to_iso_date()
    } else {
        t.to_iso_datetime()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_control_characters_never_reach_the_xml() {
        assert_eq!(
            xml_escape("<b>\"R&D\" 'lab'</b>\u{1}\u{ffff}\n"),
            "&lt;b&gt;&quot;R&amp;D&quot; &apos;lab&apos;&lt;/b&gt;\n"
        );
    }
}
