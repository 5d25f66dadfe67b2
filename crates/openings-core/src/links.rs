//! Which URLs may become links. Only `http`, `https` and `mailto` ever do;
//! the check reads the scheme the way a browser would (after dropping the
//! white space and control characters a browser ignores), so tricks such as
//! `" JaVa\tScRiPt:…"` are caught.

/// The schemes a link may have.
pub const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Returns the URL, cleaned as a browser would read it, when it is an
/// absolute `http`, `https` or `mailto` URL; `None` otherwise.
pub fn safe_link(raw: &str) -> Option<String> {
    checked(clean(raw))
}

/// `link` (already cleaned) when its scheme may become a link: an http(s)
/// link with a host ("https://x"), or a mailto link with an address.
fn checked(link: String) -> Option<String> {
    let (scheme, rest) = link.split_once(':')?;
    let scheme = ALLOWED_SCHEMES
        .into_iter()
        .find(|allowed| allowed.eq_ignore_ascii_case(scheme))?;
    let passes = if scheme == "mailto" {
        !rest.is_empty()
    } else {
        let host = rest.strip_prefix("//")?;
        !host.split(['/', '?', '#']).next().unwrap_or("").is_empty()
    };
    passes.then_some(link)
}

/// Resolves `raw` against the URL of the feed it came from (for feeds that
/// give relative links), then applies [`safe_link`].
pub fn safe_link_from(raw: &str, base: &str) -> Option<String> {
    let cleaned = clean(raw);
    if cleaned.is_empty() {
        return None;
    }
    if has_scheme(&cleaned) {
        return checked(cleaned);
    }
    let base = safe_link(base)?;
    let (scheme, after) = base.split_once("://")?;
    let authority_end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let origin = format!("{scheme}://{}", &after[..authority_end]);
    let resolved = if let Some(rest) = cleaned.strip_prefix("//") {
        format!("{scheme}://{rest}")
    } else if cleaned.starts_with('/') {
        format!("{origin}{cleaned}")
    } else {
        let path = &after[authority_end..];
        let path = path.split(['?', '#']).next().unwrap_or("");
        let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
        let dir = if dir.is_empty() { "/" } else { dir };
        format!("{origin}{dir}{cleaned}")
    };
    // Made of two cleaned parts: clean already.
    checked(resolved)
}

/// Does this text start with a URL scheme (`letters:`)?
fn has_scheme(s: &str) -> bool {
    match s.find(':') {
        // An empty scheme (":x") does not start with a letter.
        Some(i) => {
            let scheme = &s[..i];
            scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        _ => false,
    }
}

/// Drops what the URL parser ignores (leading and trailing C0 controls and
/// spaces, tabs and newlines anywhere) and writes the other controls and
/// the characters drawn as nothing ([`crate::text::is_hidden_control`]) as
/// the UTF-8 escapes (`%1B`, `%E2%80%8B`) the browser's parser writes for
/// them: the same link, in ASCII a terminal or a page shows as it is.
fn clean(raw: &str) -> String {
    let raw = raw.trim_matches(|c: char| c <= ' ');
    let mut out = String::with_capacity(raw.len());
    // Printable ASCII, most of any link, is copied a run at a time.
    let mut run = 0;
    for (at, c) in raw.char_indices() {
        if c.is_ascii_graphic() {
            continue;
        }
        out.push_str(&raw[run..at]);
        run = at + c.len_utf8();
        match c {
            '\t' | '\n' | '\r' => {}
            c if c.is_control() || crate::text::is_hidden_control(c) => {
                for byte in c.encode_utf8(&mut [0; 4]).bytes() {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push_str(&raw[run..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_links_pass() {
        assert_eq!(
            safe_link("https://recruiting.example.com/jobs/1").as_deref(),
            Some("https://recruiting.example.com/jobs/1")
        );
        assert!(safe_link("HTTP://example.org").is_some());
        assert!(safe_link("mailto:jobs@example.org").is_some());
        assert_eq!(
            safe_link("  https://a.example/\n").as_deref(),
            Some("https://a.example/")
        );
        // Controls and invisible characters inside, as the browser's URL
        // parser writes them: the same link, nothing a terminal obeys.
        assert_eq!(
            safe_link(
                "https://jobs.example/a\u{85}b\u{1b}]8;;c\u{7f}\u{200b}d?q=\u{202e}#\u{e0041}"
            )
            .as_deref(),
            Some("https://jobs.example/a%C2%85b%1B]8;;c%7F%E2%80%8Bd?q=%E2%80%AE#%F3%A0%81%81")
        );
        assert_eq!(
            safe_link("https://jobs.example/Archivar-in/café").as_deref(),
            Some("https://jobs.example/Archivar-in/café"),
            "letters stay"
        );
        assert_eq!(safe_link("java\u{200b}script:alert(1)"), None);
    }

    #[test]
    fn script_and_data_links_never_pass() {
        for bad in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "https:alert(1)",
            "https://",
            "mailto:",
            "/relative/without/base",
            "",
        ] {
            assert_eq!(safe_link(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn relative_links_resolve_against_the_feed() {
        let base = "https://jobs.example.org/feeds/all.json?x=1";
        assert_eq!(
            safe_link_from("/apply/7", base).as_deref(),
            Some("https://jobs.example.org/apply/7")
        );
        assert_eq!(
            safe_link_from("apply/7", base).as_deref(),
            Some("https://jobs.example.org/feeds/apply/7")
        );
        assert_eq!(
            safe_link_from("//cdn.example.org/a", base).as_deref(),
            Some("https://cdn.example.org/a")
        );
        assert_eq!(safe_link_from("javascript:alert(1)", base), None);
        // Not schemes, so paths: a scheme starts with a letter and has no
        // spaces (a colon later in a path is only a colon).
        for (raw, resolved) in [
            ("1a:b", "https://jobs.example.org/feeds/1a:b"),
            ("my file:x", "https://jobs.example.org/feeds/my file:x"),
            (":x", "https://jobs.example.org/feeds/:x"),
        ] {
            assert_eq!(
                safe_link_from(raw, base).as_deref(),
                Some(resolved),
                "{raw}"
            );
        }
        assert_eq!(safe_link_from("/apply/7", "feed.json"), None);
    }
}
