//! Writing openings out for others to read: schema.org JSON-LD (the format
//! the board and search engines read), Atom (for newsletters and
//! RSS-to-email) and sitemaps of each opening's deep link on a host page.
//! Used by the `openings` command-line tool; pure, like the rest of the core.

pub mod atom;
pub mod json_ld;
pub mod sitemap;

/// Escapes text for XML content and attribute values (with
/// [`markup_reference`](crate::text::markup_reference)), and drops the
/// characters XML 1.0 does not allow at all (most control characters). A
/// carriage return, the C1 controls and the invisible bidirectional
/// controls are written as character references: the document means the
/// same, and a terminal it is printed to sees nothing it would obey.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if let Some(reference) = crate::text::markup_reference(c) {
            out.push_str(reference);
            continue;
        }
        match c {
            '\t' | '\n' => out.push(c),
            '\r' => out.push_str("&#13;"),
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c if is_hidden_control(c) => out.push_str(&format!("&#x{:x};", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

pub use crate::text::is_hidden_control;

/// A JSON document as indented text, with the characters of
/// [`is_hidden_control`] written as `\u` escapes (serde_json escapes the
/// other controls): it decodes to exactly the same document.
pub fn json_text(doc: &serde_json::Value) -> String {
    let text = format!("{doc:#}");
    if !text.chars().any(is_hidden_control) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hidden_control(c) {
            // Beyond U+FFFF (tag characters), as JSON writes it: a
            // surrogate pair.
            for unit in c.encode_utf16(&mut [0; 2]) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
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

/// An ISO closing date: the calendar date when it is the day's last
/// millisecond (a closing date given without a time, read as open all that
/// day), else the full date and time, midnight too (a date alone would be
/// read back as the end of that day).
pub fn iso_closing(t: crate::Timestamp) -> String {
    if t.0.rem_euclid(crate::dates::DAY_MS) == crate::dates::LAST_MS_OF_DAY {
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
            "&lt;b&gt;&quot;R&amp;D&quot; &#39;lab&#39;&lt;/b&gt;\n"
        );
    }

    #[test]
    fn machine_output_means_the_same_and_shows_a_terminal_nothing_to_obey() {
        let title = "Archivist\r\u{9b}31m \u{202e}gnp.exe\u{1b}[2K";
        assert_eq!(
            xml_escape(title),
            "Archivist&#13;&#x9b;31m &#x202e;gnp.exe[2K"
        );
        // Text hidden in tag characters (beyond U+FFFF) and a soft hyphen.
        let hidden = "Curator\u{e0069}\u{e0067}\u{e006e}\u{ad}";
        assert_eq!(
            xml_escape(hidden),
            "Curator&#xe0069;&#xe0067;&#xe006e;&#xad;"
        );
        let doc = serde_json::json!({ "title": title, "hidden": hidden });
        let text = json_text(&doc);
        assert!(
            text.contains(r"Curator\udb40\udc69\udb40\udc67\udb40\udc6e\u00ad"),
            "{text}"
        );
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && c != '\n' || is_hidden_control(c)),
            "{text:?}"
        );
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&text).unwrap(),
            doc
        );
    }
}
