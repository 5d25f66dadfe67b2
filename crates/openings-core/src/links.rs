//! Which URLs may become links. Only `http`, `https` and `mailto` ever do;
//! the check reads the scheme the way a browser would (after dropping the
//! white space and control characters a browser ignores), so tricks such as
//! `" JaVa\tScRiPt:…"` are caught.

/// The schemes a link may have.
pub const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Returns the URL, cleaned as a browser would read it, when it is an
/// absolute `http`, `https` or `mailto` URL; `None` otherwise.
pub fn safe_link(raw: &str) -> Option<String> {
    let cleaned = clean(raw);
    let (scheme, rest) = cleaned.split_once(':')?;
    let scheme = scheme.to_ascii_lowercase();
    if !ALLOWED_SCHEMES.contains(&scheme.as_str()) {
        return None;
    }
    if scheme == "mailto" {
        return (!rest.is_empty()).then_some(cleaned);
    }
    // http(s) needs a host: "https://x"
    let host = rest.strip_prefix("//")?;
    let host = host.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() {
        return None;
    }
    Some(cleaned)
}

/// Resolves `raw` against the URL of the feed it came from (for feeds that
/// give relative links), then applies [`safe_link`].
pub fn safe_link_from(raw: &str, base: &str) -> Option<String> {
    let cleaned = clean(raw);
    if cleaned.is_empty() {
        return None;
    }
    if has_scheme(&cleaned) {
        return safe_link(&cleaned);
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
    safe_link(&resolved)
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

/// Drops what the URL parser ignores: leading and trailing C0 controls and
/// spaces, and tabs and newlines anywhere.
fn clean(raw: &str) -> String {
    raw.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
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
