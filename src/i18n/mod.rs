//! The board's words in each language, and the locale a board uses: the
//! element's `lang`, else the host page's, else the browser's. Dates,
//! numbers and money are formatted by the browser's `Intl` ([`format`]), so
//! no locale data ships in the wasm.
//!
//! To add a language: add a file beside `en.rs` with a `pub const STRINGS:
//! Strings`, and a line in [`strings_for`].

mod en;
pub mod format;

use std::rc::Rc;

pub use format::Formatter;

/// Every text of the board's interface in one language. `{n}`, `{q}`,
/// `{url}`… are filled in by the component that shows the text.
#[derive(Debug, PartialEq)]
pub struct Strings {
    /// The board's accessible name.
    pub board_label: &'static str,
    pub loading: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    /// The result count, by plural category (`Intl.PluralRules`): `{n}` openings.
    pub count: Plural,
    pub count_none: &'static str,
    /// `{q}` is the search text.
    pub no_match: &'static str,
    pub no_openings: &'static str,
    pub no_feed: &'static str,
    /// `{url}` and `{reason}`.
    pub could_not_load: &'static str,
    pub retry: &'static str,
    /// `{n}` entries in `{url}` were skipped: `{reasons}`.
    pub skipped: Plural,
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
        _ => &en::STRINGS,
    }
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

/// A board's language: its words, its direction and its formatters.
#[derive(Debug)]
pub struct Locale {
    /// The BCP 47 tag the board uses, as given.
    pub lang: String,
    pub rtl: bool,
    pub strings: &'static Strings,
    pub format: Formatter,
}

impl Locale {
    pub fn new(lang: &str) -> Rc<Locale> {
        Rc::new(Locale {
            lang: lang.to_string(),
            rtl: is_rtl(lang),
            strings: strings_for(lang),
            format: Formatter::new(lang),
        })
    }

    /// A text with `{name}` placeholders filled in.
    pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
        let mut out = template.to_string();
        for (name, value) in values {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }

    /// The plural form of `plural` for `n`, with `{n}` and the other values filled in.
    pub fn plural(&self, plural: &Plural, n: usize, values: &[(&str, &str)]) -> String {
        let number = self.format.number(n as f64);
        let mut all = vec![("n", number.as_str())];
        all.extend_from_slice(values);
        Locale::fill(plural.form(&self.format.plural_category(n as f64)), &all)
    }
}

impl PartialEq for Locale {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
    }
}
