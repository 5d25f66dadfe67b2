//! The board's words in each language, and the locale a board uses: the
//! element's `lang`, else the host page's, else the browser's. Dates,
//! numbers and money are formatted by the browser's `Intl` ([`format`]), so
//! no locale data ships in the wasm.
//!
//! To add a language: add a file beside `en.rs` with a `pub const STRINGS:
//! Strings`, and a line in [`strings_for`].

mod ar;
mod de;
mod en;
mod es;
#[cfg(target_arch = "wasm32")]
pub mod format;
/// On the host (for `openings render`), ICU4X formats what `Intl` formats
/// in the browser.
#[cfg(all(not(target_arch = "wasm32"), feature = "ssr"))]
#[path = "format_host.rs"]
pub mod format;
mod fr;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
mod locale;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub use format::Formatter;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub use locale::Locale;

/// A text with `{name}` placeholders filled in, in one pass over the
/// template: a value is never searched for placeholders itself (a
/// title that reads "{org}" stays as written).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every text of the board's interface in one language. `{n}`, `{q}`,
/// `{url}`… are filled in by the component that shows the text.
#[derive(Debug, PartialEq)]
pub struct Strings {
    /// The board's accessible name.
    pub board_label: &'static str,
    pub loading: &'static str,
    /// Beside the count while a feed is still arriving.
    pub loading_more: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    /// The result count, by plural category (`Intl.PluralRules`): `{n}` openings.
    pub count: Plural,
    pub count_none: &'static str,
    /// `{q}` is the search text.
    pub no_match: &'static str,
    pub no_filter_match: &'static str,
    pub no_openings: &'static str,
    pub no_feed: &'static str,
    /// `{url}` and `{reason}`.
    pub could_not_load: &'static str,
    /// A feed shown from its saved copy: `{url}`, `{reason}`, `{date}`.
    pub showing_saved: &'static str,
    pub retry: &'static str,
    /// `{n}` entries in `{url}` were skipped: `{reasons}`.
    pub skipped: Plural,
    /// `{n}` more entries in `{url}` were not read: a feed may list at most `{max}`.
    pub cut: Plural,
    /// `{n}` openings in `{url}` posted more than `{days}` days ago with no closing date, not shown.
    pub stale: Plural,
    /// `{n}` openings in `{url}` that repeat ones already listed, shown once.
    pub merged: Plural,
    pub remote: &'static str,
    /// `{regions}`: where a remote applicant must live.
    pub remote_in: &'static str,
    pub hybrid: &'static str,
    pub posted: &'static str,
    pub closes: &'static str,
    pub apply: &'static str,
    /// The Apply link's accessible name: `{title}`, `{org}`.
    pub apply_label: &'static str,
    pub full_time: &'static str,
    pub part_time: &'static str,
    pub contractor: &'static str,
    pub temporary: &'static str,
    pub intern: &'static str,
    pub volunteer: &'static str,
    pub per_diem: &'static str,
    /// `{amount}` per period.
    pub per_hour: &'static str,
    pub per_day: &'static str,
    pub per_week: &'static str,
    pub per_month: &'static str,
    pub per_year: &'static str,
    /// `{min}` and `{max}`.
    pub salary_range: &'static str,
    pub salary_from: &'static str,
    pub salary_up_to: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    /// `{n}` of `{total}`.
    pub page_of: &'static str,
    pub pagination_label: &'static str,
    /// The facet list's accessible name.
    pub filters_label: &'static str,
    pub clear: &'static str,
    /// The accessible name of a facet's Clear button: `{facet}`.
    pub clear_facet: &'static str,
    pub clear_all: &'static str,
    /// The button that shows every value of a long facet: `{n}` values.
    pub show_all: &'static str,
    pub show_fewer: &'static str,
    pub facet_organization: &'static str,
    pub facet_country: &'static str,
    pub facet_workplace: &'static str,
    pub facet_type: &'static str,
    pub facet_department: &'static str,
    pub facet_tag: &'static str,
    pub on_site: &'static str,
    pub sort_label: &'static str,
    pub sort_newest: &'static str,
    pub sort_closing: &'static str,
    pub sort_title: &'static str,
    pub sort_organization: &'static str,
    pub back_to_list: &'static str,
    pub new_mark: &'static str,
    pub closing_soon_mark: &'static str,
    /// The control that shows the filters on a narrow board, and with `{n}`
    /// filters picked.
    pub filters_toggle: &'static str,
    pub filters_toggle_active: &'static str,
    /// Closes the filters on a narrow board, back to the openings.
    pub filters_done: &'static str,
    /// The picked filters above the list: their group's name, and a chip's
    /// accessible name (`{facet}`, `{value}`).
    pub active_filters_label: &'static str,
    pub remove_filter: &'static str,
    /// Opens the system's share sheet for an opening's link.
    pub share: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub copy_failed: &'static str,
    pub label_location: &'static str,
    pub label_type: &'static str,
    pub label_salary: &'static str,
    pub label_department: &'static str,
    pub label_posted: &'static str,
    pub label_closes: &'static str,
    pub label_contact: &'static str,
    /// Shown when the link of an opening that is no longer listed is opened.
    pub opening_gone: &'static str,
    /// After a description too long to draw whole (more than
    /// `rich_text::MAX_SHOWN_NODES` nodes).
    pub description_cut: &'static str,
    /// The link after it, to the opening's own page where it has one.
    pub description_full: &'static str,
}

/// A text that changes with a number: one form per CLDR plural category.
#[derive(Debug, PartialEq)]
pub struct Plural {
    pub zero: Option<&'static str>,
    pub one: &'static str,
    pub two: Option<&'static str>,
    pub few: Option<&'static str>,
    pub many: Option<&'static str>,
    pub other: &'static str,
}

impl Plural {
    /// The form for a plural category as `Intl.PluralRules` names it.
    pub fn form(&self, category: &str) -> &'static str {
        match category {
            "zero" => self.zero.unwrap_or(self.other),
            "one" => self.one,
            "two" => self.two.unwrap_or(self.other),
            "few" => self.few.unwrap_or(self.other),
            "many" => self.many.unwrap_or(self.other),
            _ => self.other,
        }
    }
}

/// The strings for a BCP 47 language tag, falling back to English.
pub fn strings_for(lang: &str) -> &'static Strings {
    let primary = lang
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match primary.as_str() {
        "ar" => &ar::STRINGS,
        "de" => &de::STRINGS,
        "en" => &en::STRINGS,
        "es" => &es::STRINGS,
        "fr" => &fr::STRINGS,
        _ => &en::STRINGS,
    }
}

/// The longest language tag a board takes. Real tags are short (`fr`,
/// `pt-BR`, `zh-Hant-TW`; RFC 5646 asks for 35 characters at least); the
/// browser's `Intl` reads a tag in time that grows with the square of its
/// length, so a page's HTML could otherwise hold the page with one.
pub const MAX_LANG_TAG: usize = 64;

/// A language tag a board can use: trimmed, at most [`MAX_LANG_TAG`]
/// characters of the letters, digits and hyphens tags are made of, with the
/// underscores of a locale name (`fr_FR`, as CMSs write it) made the hyphens
/// `Intl` reads; `None` for anything else (empty, too long, not a tag).
pub fn usable_lang(tag: &str) -> Option<String> {
    let tag = tag.trim();
    let ok = !tag.is_empty()
        && tag.len() <= MAX_LANG_TAG
        && tag
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    ok.then(|| tag.replace('_', "-"))
}

/// Does this language write right to left?
pub fn is_rtl(lang: &str) -> bool {
    let primary = lang
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        primary.as_str(),
        "ar" | "he" | "fa" | "ur" | "ps" | "yi" | "dv"
    )
}

#[cfg(test)]
mod tests;
