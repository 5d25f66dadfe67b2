//! A board's settings, read from the attributes of its `<openings-board>`
//! element. Every attribute is documented in the README's attribute table; a
//! wrong value gives a [`ConfigWarning`] naming the attribute and what it
//! accepts, and the board carries on with the default.

use std::fmt;

use openings_core::facets::Facet;
use openings_core::feeds::{
    split_format_prefix, FeedFormat, DEFAULT_MAX_AGE_DAYS, DEFAULT_MAX_FEED_BYTES,
};
use openings_core::sort::Sort;

/// The attributes the element watches; a change to any of them reconfigures the board.
pub const OBSERVED_ATTRIBUTES: [&str; 11] = [
    "feed",
    "lang",
    "page-size",
    "facets",
    "sort",
    "theme",
    "max-feed-size",
    "max-age",
    "id",
    "cache",
    "seo",
];

pub const DEFAULT_PAGE_SIZE: usize = 20;
const MAX_PAGE_SIZE: usize = 200;
const MAX_MAX_AGE_DAYS: u32 = 3650;

/// One feed of a board: its URL as written, and the format it names, if any
/// (`lever:https://…`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedSource {
    pub url: String,
    pub format: Option<FeedFormat>,
}

/// The colour scheme the board uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows the reader's `prefers-color-scheme`.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn key(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Everything a board needs to know from its element.
#[derive(Clone, Debug, PartialEq)]
pub struct BoardConfig {
    /// The element's `id`: it namespaces the board's state in the page URL.
    pub id: Option<String>,
    pub feeds: Vec<FeedSource>,
    /// The language asked for by the `lang` attribute (else the page's or the browser's).
    pub lang: Option<String>,
    pub page_size: usize,
    pub theme: Theme,
    /// Larger feeds are refused.
    pub max_feed_bytes: usize,
    /// Openings with no closing date posted more than this many days ago
    /// are not shown; 0 shows them all.
    pub max_age_days: u32,
    /// The order of the list until the reader picks another.
    pub sort: Sort,
    /// The facets the filter list shows, in this order.
    pub facets: Vec<Facet>,
    /// Keep the last good copy of each feed, and revalidate with the server.
    pub cache: bool,
    /// Add the open opening's JobPosting JSON-LD to the page, for search engines.
    pub seo: bool,
}

impl Default for BoardConfig {
    fn default() -> Self {
        BoardConfig {
            id: None,
            feeds: Vec::new(),
            lang: None,
            page_size: DEFAULT_PAGE_SIZE,
            theme: Theme::Auto,
            max_feed_bytes: DEFAULT_MAX_FEED_BYTES,
            max_age_days: DEFAULT_MAX_AGE_DAYS,
            sort: Sort::default(),
            facets: Facet::ALL.to_vec(),
            cache: true,
            seo: false,
        }
    }
}

/// An attribute value the board could not use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigWarning {
    pub attribute: &'static str,
    pub value: String,
    /// What the attribute accepts, in words.
    pub accepts: &'static str,
}

impl fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the attribute {}=\"{}\" is not valid: it accepts {}. Using the default instead.",
            self.attribute,
            openings_core::text::printable(&openings_core::text::ellipsize(&self.value, 80)),
            self.accepts
        )
    }
}

impl BoardConfig {
    /// Reads the settings from attribute values (`attr("feed")` → `Some("…")`).
    pub fn from_attributes(
        attr: impl Fn(&str) -> Option<String>,
    ) -> (BoardConfig, Vec<ConfigWarning>) {
        let mut config = BoardConfig::default();
        let mut warnings = Vec::new();
        let mut warn = |attribute, value: &str, accepts| {
            warnings.push(ConfigWarning {
                attribute,
                value: value.to_string(),
                accepts,
            })
        };

        config.id = attr("id")
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty());
        config.feeds = attr("feed")
            .unwrap_or_default()
            .split_whitespace()
            .map(|token| {
                let (format, url) = split_format_prefix(token);
                FeedSource {
                    url: url.to_string(),
                    format,
                }
            })
            .collect();
        if let Some(raw) = attr("lang").filter(|raw| !raw.trim().is_empty()) {
            match crate::i18n::usable_lang(&raw) {
                Some(tag) => config.lang = Some(tag),
                None => warn(
                    "lang",
                    &raw,
                    "a language tag such as fr or pt-BR, of at most 64 letters, digits and hyphens",
                ),
            }
        }

        if let Some(raw) = attr("page-size") {
            match raw.trim().parse::<usize>() {
                Ok(n) if (1..=MAX_PAGE_SIZE).contains(&n) => config.page_size = n,
                _ => warn("page-size", &raw, "a whole number from 1 to 200"),
            }
        }
        if let Some(raw) = attr("theme") {
            match raw.trim().to_ascii_lowercase().as_str() {
                "auto" | "" => config.theme = Theme::Auto,
                "light" => config.theme = Theme::Light,
                "dark" => config.theme = Theme::Dark,
                _ => warn("theme", &raw, "auto, light or dark"),
            }
        }
        if let Some(raw) = attr("max-feed-size") {
            match parse_megabytes(&raw) {
                Some(bytes) => config.max_feed_bytes = bytes,
                None => warn(
                    "max-feed-size",
                    &raw,
                    "a size in megabytes from 1 to 200, such as 20 or 20MB",
                ),
            }
        }
        if let Some(raw) = attr("max-age") {
            let days = raw.trim().to_ascii_lowercase();
            let days = days
                .strip_suffix("days")
                .or_else(|| days.strip_suffix('d'))
                .unwrap_or(&days);
            match days.trim().parse::<u32>() {
                Ok(n) if n <= MAX_MAX_AGE_DAYS => config.max_age_days = n,
                _ => warn(
                    "max-age",
                    &raw,
                    "a number of days from 0 (show every opening, however old) to 3650",
                ),
            }
        }
        if let Some(raw) = attr("cache") {
            match raw.trim().to_ascii_lowercase().as_str() {
                "" | "on" | "true" => config.cache = true,
                "off" | "false" | "none" => config.cache = false,
                _ => warn("cache", &raw, "on or off"),
            }
        }
        if let Some(raw) = attr("seo") {
            match raw.trim().to_ascii_lowercase().as_str() {
                "" | "on" | "true" => config.seo = true,
                "off" | "false" => config.seo = false,
                _ => warn("seo", &raw, "on or off (or the bare attribute)"),
            }
        }
        if let Some(raw) = attr("sort") {
            match Sort::parse(&raw) {
                Some(sort) => config.sort = sort,
                None => warn("sort", &raw, "newest, closing, title or org"),
            }
        }
        if let Some(raw) = attr("facets").filter(|raw| !raw.trim().eq_ignore_ascii_case("none")) {
            let mut facets = Vec::new();
            let mut bad = false;
            for key in raw.split([',', ' ']).filter(|k| !k.trim().is_empty()) {
                match Facet::from_key(key) {
                    Some(f) if !facets.contains(&f) => facets.push(f),
                    Some(_) => {}
                    None => bad = true,
                }
            }
            if bad {
                warn(
                    "facets",
                    &raw,
                    "a list of org, country, workplace, type, dept and tag (or \"none\")",
                );
            }
            if !bad {
                config.facets = facets;
            }
        } else if attr("facets").is_some() {
            config.facets = Vec::new();
        }
        (config, warnings)
    }
}

/// "20", "20MB", "20 mb" → 20,000,000 bytes (1 to 200 MB).
fn parse_megabytes(raw: &str) -> Option<usize> {
    let lower = raw.trim().to_ascii_lowercase();
    let number = lower.strip_suffix("mb").unwrap_or(&lower).trim();
    let mb: usize = number.parse().ok()?;
    (1..=200).contains(&mb).then_some(mb * 1_000_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&str, &str)]) -> (BoardConfig, Vec<ConfigWarning>) {
        BoardConfig::from_attributes(|name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn a_bare_element_gets_the_defaults() {
        let (config, warnings) = read(&[]);
        // The defaults the README's attribute table promises, as values.
        assert_eq!(
            config,
            BoardConfig {
                id: None,
                feeds: Vec::new(),
                lang: None,
                page_size: 20,
                theme: Theme::Auto,
                max_feed_bytes: 20 * 1024 * 1024,
                max_age_days: 90,
                sort: Sort::Newest,
                facets: vec![
                    Facet::Organization,
                    Facet::Country,
                    Facet::Workplace,
                    Facet::EmploymentType,
                    Facet::Department,
                    Facet::Tag,
                ],
                cache: true,
                seo: false,
            }
        );
        assert_eq!(BoardConfig::default(), config);
        assert!(warnings.is_empty());
    }

    #[test]
    fn several_feeds_are_separated_by_white_space() {
        let (config, _) = read(&[(
            "feed",
            " https://a.example/jobs.json\n\thttps://b.example/x.json ",
        )]);
        let urls: Vec<&str> = config.feeds.iter().map(|f| f.url.as_str()).collect();
        assert_eq!(
            urls,
            ["https://a.example/jobs.json", "https://b.example/x.json"]
        );
        assert!(config.feeds.iter().all(|f| f.format.is_none()));
    }

    #[test]
    fn a_format_prefix_names_the_format() {
        let (config, _) = read(&[(
            "feed",
            "schema:https://a.example/jobs.json feeds/local.json",
        )]);
        assert_eq!(config.feeds[0].format, Some(FeedFormat::SchemaOrg));
        assert_eq!(config.feeds[0].url, "https://a.example/jobs.json");
        assert_eq!(config.feeds[1].url, "feeds/local.json");
    }

    #[test]
    fn wrong_values_warn_and_keep_the_default() {
        let (config, warnings) = read(&[
            ("page-size", "lots"),
            ("theme", "purple"),
            ("max-feed-size", "0"),
        ]);
        assert_eq!(config.page_size, DEFAULT_PAGE_SIZE);
        assert_eq!(config.theme, Theme::Auto);
        assert_eq!(config.max_feed_bytes, DEFAULT_MAX_FEED_BYTES);
        let named: Vec<&str> = warnings.iter().map(|w| w.attribute).collect();
        assert_eq!(named, ["page-size", "theme", "max-feed-size"]);
        assert!(warnings[0].to_string().contains("page-size=\"lots\""));
    }

    #[test]
    fn a_language_tag_is_taken_trimmed_and_only_when_it_is_one() {
        assert_eq!(
            read(&[("lang", " pt-BR ")]).0.lang.as_deref(),
            Some("pt-BR")
        );
        assert_eq!(read(&[("lang", "  ")]).0.lang, None);
        // A locale name as CMSs write it, as a tag.
        assert_eq!(read(&[("lang", "fr_FR")]).0.lang.as_deref(), Some("fr-FR"));
        assert!(
            read(&[("lang", "  ")]).1.is_empty(),
            "an empty lang is no value"
        );
        let longest = format!("en-{}", "x".repeat(crate::i18n::MAX_LANG_TAG - 3));
        assert_eq!(
            read(&[("lang", &longest)]).0.lang.as_deref(),
            Some(longest.as_str())
        );
        // A tag the browser would read for seconds, and text that is no tag.
        let slow = format!("en{}", "-v0000".repeat(20_000));
        for raw in [
            format!("{longest}x"),
            slow,
            "fr\"><b>".to_string(),
            "de CH".to_string(),
        ] {
            let (config, warnings) = read(&[("lang", &raw)]);
            assert_eq!(config.lang, None, "{raw:.40}");
            assert_eq!(warnings.len(), 1);
            assert_eq!(warnings[0].attribute, "lang");
            let said = warnings[0].to_string();
            assert!(
                said.len() < 400,
                "the warning repeats all of it: {} bytes",
                said.len()
            );
        }
    }

    #[test]
    fn a_warning_shows_a_long_value_clipped_and_its_hidden_characters_escaped() {
        let (_, warnings) = read(&[("page-size", &format!("\u{1b}[2K{}", "9".repeat(5_000)))]);
        let said = warnings[0].to_string();
        assert!(said.contains("page-size=\"\\u{1b}[2K999"), "{said:.120}");
        assert!(
            said.contains("9…\""),
            "clipped with an ellipsis: {said:.200}"
        );
        assert!(
            said.chars().count() < 300,
            "{} characters",
            said.chars().count()
        );
    }

    #[test]
    fn the_loader_watches_every_attribute_the_board_reads() {
        // `var OBSERVED = ["feed", "lang", …];` in the loader: the same
        // names, in the same order.
        let loader = include_str!("embed/openings.js");
        let line = loader
            .lines()
            .find(|l| l.trim_start().starts_with("var OBSERVED = ["))
            .expect("openings.js declares var OBSERVED = [...]");
        let inside = line
            .split_once('[')
            .and_then(|(_, rest)| rest.split_once(']'))
            .map(|(inside, _)| inside)
            .expect("a list");
        let observed: Vec<&str> = inside
            .split(',')
            .map(|name| name.trim().trim_matches('"'))
            .collect();
        assert_eq!(observed, OBSERVED_ATTRIBUTES);
    }

    #[test]
    fn facets_and_sort_are_chosen_by_key() {
        let (config, warnings) = read(&[("facets", "workplace, org"), ("sort", "closing")]);
        assert!(warnings.is_empty());
        assert_eq!(config.facets, [Facet::Workplace, Facet::Organization]);
        assert_eq!(config.sort, Sort::Closing);
        let (config, _) = read(&[("facets", "none")]);
        assert!(config.facets.is_empty());
    }

    #[test]
    fn an_unknown_facet_or_sort_warns_and_keeps_the_default() {
        let (config, warnings) = read(&[("facets", "org, salary"), ("sort", "random")]);
        assert_eq!(config.facets, Facet::ALL.to_vec());
        assert_eq!(config.sort, Sort::Newest);
        let named: Vec<&str> = warnings.iter().map(|w| w.attribute).collect();
        assert_eq!(named, ["sort", "facets"]);
        assert!(warnings[1]
            .to_string()
            .contains("org, country, workplace, type, dept and tag"));
    }

    #[test]
    fn caching_is_on_and_seo_off_unless_asked() {
        let (config, _) = read(&[]);
        assert!(config.cache && !config.seo);
        let (config, warnings) = read(&[("cache", "off"), ("seo", "")]);
        assert!(!config.cache && config.seo);
        assert!(warnings.is_empty());
        let (config, warnings) = read(&[("cache", "maybe")]);
        assert!(config.cache);
        assert_eq!(warnings[0].attribute, "cache");
    }

    #[test]
    fn max_age_takes_days_and_zero_keeps_every_opening() {
        assert_eq!(read(&[]).0.max_age_days, 90);
        assert_eq!(read(&[("max-age", "30")]).0.max_age_days, 30);
        assert_eq!(read(&[("max-age", " 45 days")]).0.max_age_days, 45);
        assert_eq!(read(&[("max-age", "0")]).0.max_age_days, 0);
        let (config, warnings) = read(&[("max-age", "forever")]);
        assert_eq!(config.max_age_days, 90);
        assert_eq!(warnings[0].attribute, "max-age");
        assert!(warnings[0]
            .to_string()
            .contains("from 0 (show every opening"));
        assert_eq!(read(&[("max-age", "4000")]).1.len(), 1);
    }

    #[test]
    fn good_values_are_taken() {
        let (config, warnings) = read(&[
            ("page-size", "50"),
            ("theme", "Dark"),
            ("max-feed-size", "5MB"),
            ("id", "jobs"),
        ]);
        assert!(warnings.is_empty());
        assert_eq!(config.page_size, 50);
        assert_eq!(config.theme, Theme::Dark);
        assert_eq!(config.max_feed_bytes, 5_000_000);
        assert_eq!(config.id.as_deref(), Some("jobs"));
    }
}
