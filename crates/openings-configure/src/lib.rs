//! What the configurator (`configure.html`) shows of a feed a site editor
//! pasted: its format, how many openings the board would list, and what
//! `openings validate` would say. The board's own readers and rules
//! (openings-core), so the two never disagree, in a WebAssembly module of
//! its own: the board, loaded on every host page, does not carry the
//! checks only this page needs (−4.8 KB of the board's gzip).

use openings_core::dates::Timestamp;
use openings_core::feeds::{split_format_prefix, FeedReader, DEFAULT_MAX_FEED_BYTES};
use serde_json::json;
use wasm_bindgen::prelude::wasm_bindgen;

/// How many entries with problems the answer lists, at most.
const ENTRIES_SHOWN: usize = 50;
/// How many titles the answer gives, as a sample of what the board lists.
const TITLES_SHOWN: usize = 5;

/// [`inspect`] as of the browser's clock.
#[wasm_bindgen]
pub fn inspect_feed(body: &str, url: &str, max_age_days: u32) -> String {
    inspect(
        body,
        url,
        max_age_days,
        Timestamp(js_sys::Date::now() as i64),
    )
}

/// What the configurator shows of `body`, the feed read from `url` (which
/// may carry a format prefix, `lever:https://…`) as of `now`, as JSON:
/// `{format, prefix, openings, titles, expired, stale, skipped, errors,
/// warnings, entries}`, or `{error}` when the board could not read it at all.
pub fn inspect(body: &str, url: &str, max_age_days: u32, now: Timestamp) -> String {
    let (format, url) = split_format_prefix(url);
    let parsed = match FeedReader::new(format, url, now, DEFAULT_MAX_FEED_BYTES)
        .with_max_age(max_age_days)
        .read([body.as_bytes()])
    {
        Ok(parsed) => parsed,
        Err(e) => return json!({ "error": e.to_string() }).to_string(),
    };
    let checked = openings_core::validate::check_feed(
        body,
        format,
        url,
        now,
        DEFAULT_MAX_FEED_BYTES,
        max_age_days,
        &|_| Vec::new(),
    );
    let (errors, warnings, problems) = match &checked {
        Ok(c) => (
            c.entries.iter().map(|e| e.errors.len()).sum::<usize>(),
            c.entries.iter().map(|e| e.warnings.len()).sum::<usize>(),
            c.entries
                .iter()
                .filter(|e| !e.errors.is_empty() || !e.warnings.is_empty())
                .take(ENTRIES_SHOWN)
                .map(|e| {
                    json!({
                        "position": e.position,
                        "title": e.title,
                        "errors": e.errors,
                        "warnings": e.warnings,
                    })
                })
                .collect::<Vec<_>>(),
        ),
        Err(_) => (0, 0, Vec::new()),
    };
    json!({
        "format": parsed.format.map(|f| f.name()),
        "prefix": parsed.format.map(|f| f.prefix()),
        "openings": parsed.openings.len(),
        "titles": parsed.openings.iter().take(TITLES_SHOWN).map(|o| o.title.clone()).collect::<Vec<_>>(),
        "expired": parsed.expired,
        "stale": parsed.stale,
        "skipped": parsed.skipped.len(),
        "errors": errors,
        "warnings": warnings,
        "entries": problems,
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    /// 2026-12-06T00:00:00Z.
    const NOW: Timestamp = Timestamp(1_796_515_200_000);

    fn posting(title: &str, extra: Value) -> Value {
        let mut p = json!({
            "@type": "JobPosting",
            "title": title,
            "description": "<p>Catalogue the rare books collection.</p>",
            "datePosted": "2026-12-01",
            "validThrough": "2027-01-31",
            "employmentType": "FULL_TIME",
            "directApply": false,
            "identifier": { "@type": "PropertyValue", "name": "Museum", "value": title },
            "hiringOrganization": { "@type": "Organization", "name": "Harbour Museum" },
            "jobLocation": { "@type": "Place", "address": { "@type": "PostalAddress", "addressLocality": "Leiden", "addressCountry": "NL" } },
            "baseSalary": { "@type": "MonetaryAmount", "currency": "EUR", "value": { "@type": "QuantitativeValue", "minValue": 40000, "maxValue": 48000, "unitText": "YEAR" } },
            "url": format!("https://jobs.example.org/{}", title.len()),
        });
        if let (Some(p), Value::Object(extra)) = (p.as_object_mut(), extra) {
            for (k, v) in extra {
                if v.is_null() {
                    p.remove(&k);
                } else {
                    p.insert(k, v);
                }
            }
        }
        p
    }

    fn inspected(feed: &Value, url: &str) -> Value {
        serde_json::from_str(&inspect(&feed.to_string(), url, 0, NOW)).unwrap_or(Value::Null)
    }

    #[test]
    fn says_the_format_what_the_board_lists_and_what_validate_finds() {
        let feed = json!([
            posting("Rare Books Cataloguer", json!({})),
            posting("Registrar", json!({ "hiringOrganization": null })),
            posting("Summer Intern", json!({ "validThrough": "2026-11-01" })),
            posting("", json!({})),
        ]);
        let got = inspected(&feed, "https://example.org/jobs.json");
        assert_eq!(got["format"], "schema.org JobPosting (JSON-LD)");
        assert_eq!(got["prefix"], "schema");
        assert_eq!(got["openings"], 2, "{got}");
        assert_eq!(got["titles"], json!(["Rare Books Cataloguer", "Registrar"]));
        assert_eq!(got["expired"], 1);
        assert_eq!(got["skipped"], 1);
        assert_eq!(got["errors"], 2, "no organization, no title: {got}");
        assert_eq!(got["warnings"], 1, "closed: {got}");
        let entries = got["entries"].as_array().cloned().unwrap_or_default();
        let registrar = entries.iter().find(|e| e["title"] == "Registrar");
        let said = registrar
            .map(|e| e["errors"].to_string())
            .unwrap_or_default();
        assert!(said.contains("hiringOrganization"), "{got}");
        assert!(
            entries
                .iter()
                .all(|e| e["title"] != "Rare Books Cataloguer"),
            "a posting with nothing to say is not listed: {got}"
        );
    }

    #[test]
    fn reads_the_format_a_prefix_names() {
        let feed = json!({ "jobs": [{
            "id": 7, "title": "Archivist", "absolute_url": "https://boards.example.org/7",
            "updated_at": "2026-12-01T10:00:00-05:00", "location": { "name": "Boston, MA" },
        }] });
        let got = inspected(
            &feed,
            "greenhouse:https://boards-api.example.org/v1/boards/museum/jobs",
        );
        assert_eq!(got["prefix"], "greenhouse", "{got}");
        assert_eq!(got["titles"], json!(["Archivist"]));
    }

    #[test]
    fn a_body_the_board_cannot_read_is_an_error() {
        let got: Value = serde_json::from_str(&inspect(
            "<!doctype html><h1>Jobs</h1>",
            "https://example.org/",
            0,
            NOW,
        ))
        .unwrap_or(Value::Null);
        assert!(
            got["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{got}"
        );
        assert!(got.get("openings").is_none());
    }

    #[test]
    fn titles_and_entries_are_samples_of_a_long_feed() {
        let feed = Value::Array(
            (0..60)
                .map(|i| posting(&format!("Opening {i}"), json!({ "description": null })))
                .collect(),
        );
        let got = inspected(&feed, "https://example.org/jobs.json");
        assert_eq!(got["openings"], 60);
        assert_eq!(got["titles"].as_array().map(Vec::len), Some(TITLES_SHOWN));
        assert_eq!(got["entries"].as_array().map(Vec::len), Some(ENTRIES_SHOWN));
        assert_eq!(
            got["errors"], 60,
            "every entry's missing description counts: {got}"
        );
    }
}
