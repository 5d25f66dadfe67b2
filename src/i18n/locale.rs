//! A board's locale: its words, its writing direction and its `Intl` formatters.

use std::rc::Rc;

use super::{is_rtl, strings_for, Formatter, Plural, Strings};

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
    /// The locale for `lang`; English for a tag no board takes
    /// ([`usable_lang`](super::usable_lang)).
    pub fn new(lang: &str) -> Rc<Locale> {
        let lang = super::usable_lang(lang).unwrap_or_else(|| "en".to_string());
        Rc::new(Locale {
            // Right to left only when the words are too: a Hebrew page without
            // a Hebrew table shows English, laid out left to right.
            rtl: is_rtl(&lang) && !std::ptr::eq(strings_for(&lang), strings_for("en")),
            strings: strings_for(&lang),
            format: Formatter::new(&lang),
            lang,
        })
    }

    /// The plural form of `plural` for `n`, with `{n}` and the other values filled in.
    pub fn plural(&self, plural: &Plural, n: usize, values: &[(&str, &str)]) -> String {
        let number = self.format.number(n as f64);
        let mut all = vec![("n", number.as_str())];
        all.extend_from_slice(values);
        super::fill(plural.form(&self.format.plural_category(n as f64)), &all)
    }
}

impl PartialEq for Locale {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
    }
}
