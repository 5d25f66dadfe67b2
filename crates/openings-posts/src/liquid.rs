//! Liquid, the template language of Jekyll (and of Eleventy's Liquid
//! layouts): tags and variables removed from a post's body, except the
//! include of an Apply button, which names the apply link.

use openings_core::links::safe_link;

/// The body without Liquid: `{% … %}` and `{{ … }}` removed, the content of
/// `{% comment %}` dropped, the content of `{% raw %}` kept as written.
pub fn strip_liquid(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    let mut in_comment = false;
    while let Some(open) = rest.find(['{']) {
        let after = &rest[open..];
        let close = if after.starts_with("{%") {
            "%}"
        } else if after.starts_with("{{") {
            "}}"
        } else {
            if !in_comment {
                out.push_str(&rest[..=open]);
            }
            rest = &rest[open + 1..];
            continue;
        };
        if !in_comment {
            out.push_str(&rest[..open]);
        }
        let Some(end) = after[2..].find(close) else {
            // An unclosed tag: drop the rest of it, as Liquid would refuse it.
            rest = "";
            break;
        };
        let tag = after[2..2 + end].trim_matches(['-', ' ', '\t', '\n', '\r']);
        rest = &after[2 + end + 2..];
        let name = tag.split_whitespace().next().unwrap_or("");
        if close == "%}" {
            match name {
                "comment" => in_comment = true,
                "endcomment" => in_comment = false,
                "raw" if !in_comment => {
                    let end_raw = find_tag(rest, "endraw");
                    let (kept, after_raw) = match end_raw {
                        Some((start, end)) => (&rest[..start], &rest[end..]),
                        None => (rest, ""),
                    };
                    out.push_str(kept);
                    rest = after_raw;
                }
                _ => {}
            }
        }
    }
    if !in_comment {
        out.push_str(rest);
    }
    out
}

/// Where the Liquid tag `{% name %}` is in `text`: its start and end.
fn find_tag(text: &str, name: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(open) = text[from..].find("{%") {
        let start = from + open;
        let end = start + 2 + text[start + 2..].find("%}")?;
        if text[start + 2..end].trim_matches(['-', ' ']).trim() == name {
            return Some((start, end + 2));
        }
        from = end;
    }
    None
}

/// The link of an include whose label says Apply (the seed's
/// `{% include misc/button.html button_label="Apply" button_link="…" %}`),
/// or whose file name has "apply" in it.
pub fn apply_button_include(body: &str) -> Option<String> {
    let mut rest = body;
    while let Some(open) = rest.find("{%") {
        let after = &rest[open + 2..];
        let end = after.find("%}")?;
        let tag = after[..end].trim_matches(['-', ' ', '\t', '\n', '\r']);
        rest = &after[end + 2..];
        let Some(include) = tag.strip_prefix("include") else {
            continue;
        };
        let params = include_params(include);
        let file = include.split_whitespace().next().unwrap_or("");
        let says_apply = params.iter().any(|(k, v)| {
            (k.contains("label") || k.contains("text") || k.contains("title"))
                && starts_with_apply(v)
        }) || file.to_ascii_lowercase().contains("apply");
        if !says_apply {
            continue;
        }
        let link = params
            .iter()
            .filter(|(k, _)| k.contains("link") || k.contains("url") || k.contains("href"))
            .find_map(|(_, v)| safe_link(v));
        if link.is_some() {
            return link;
        }
    }
    None
}

/// `name="value"`, `name='value'` and `name=value` pairs of an include.
pub fn include_params(s: &str) -> Vec<(String, String)> {
    let mut params = Vec::new();
    let mut rest = s;
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq]
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let after = rest[eq + 1..].trim_start();
        let (value, next) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => match after[1..].find(q) {
                Some(end) => (&after[1..=end], &after[end + 2..]),
                None => (&after[1..], ""),
            },
            _ => {
                let end = after.find(char::is_whitespace).unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
        };
        params.push((key, value.to_string()));
        rest = next;
    }
    params
}

pub fn starts_with_apply(label: &str) -> bool {
    let label = openings_core::text::html_to_text(label);
    label
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase()
        .starts_with("apply")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn liquid_is_removed_but_raw_blocks_are_kept() {
        assert_eq!(
            strip_liquid("a{{ x }}b{% if y %}c{% endif %}{% comment %}hidden{% endcomment %}d{% raw %}{{ kept }}{% endraw %}{x}"),
            "abcd{{ kept }}{x}"
        );
    }

    #[test]
    fn the_apply_button_include_gives_its_link() {
        let body = "<div>{% include misc/button.html button_label=\"Apply\" button_link=\"https://jobs.example.org/1\" %}</div>";
        assert_eq!(
            apply_button_include(body).as_deref(),
            Some("https://jobs.example.org/1")
        );
        let other = "{% include misc/button.html button_label=\"Read more\" button_link=\"https://example.org/\" %}";
        assert_eq!(apply_button_include(other), None);
        let named = "{% include apply-button.html url='https://jobs.example.org/2' %}";
        assert_eq!(
            apply_button_include(named).as_deref(),
            Some("https://jobs.example.org/2")
        );
        let unsafe_link = "{% include button.html label=\"Apply\" link=\"javascript:alert(1)\" %}";
        assert_eq!(apply_button_include(unsafe_link), None);
    }
}
