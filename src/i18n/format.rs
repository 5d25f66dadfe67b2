//! Dates, numbers, money and plural rules formatted by the browser's `Intl`
//! for the board's language. Every binding that can throw catches: an
//! invalid language tag falls back to English, and a date or number `Intl`
//! refuses (`RangeError: Invalid time value`) is written plainly, so neither
//! a wrong `lang` attribute nor a hostile feed can throw into the host page.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Date, Object, Reflect};
use openings_core::dates::{Timestamp, DAY_MS};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    #[derive(Clone, Debug)]
    type DateTimeFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
    fn new(locale: &str, options: &Object) -> Result<DateTimeFormat, JsValue>;
    #[wasm_bindgen(method, js_class = "DateTimeFormat", js_name = format, catch)]
    fn format(this: &DateTimeFormat, date: &Date) -> Result<String, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    #[derive(Clone, Debug)]
    type NumberFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "NumberFormat", catch)]
    fn new(locale: &str, options: &Object) -> Result<NumberFormat, JsValue>;
    #[wasm_bindgen(method, js_class = "NumberFormat", js_name = format, catch)]
    fn format(this: &NumberFormat, value: f64) -> Result<String, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = DisplayNames)]
    #[derive(Clone, Debug)]
    type DisplayNames;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DisplayNames", catch)]
    fn new(locale: &str, options: &Object) -> Result<DisplayNames, JsValue>;
    #[wasm_bindgen(method, js_class = "DisplayNames", catch)]
    fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = PluralRules)]
    #[derive(Clone, Debug)]
    type PluralRules;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "PluralRules", catch)]
    fn new(locale: &str) -> Result<PluralRules, JsValue>;
    #[wasm_bindgen(method, js_class = "PluralRules", catch)]
    fn select(this: &PluralRules, value: f64) -> Result<String, JsValue>;
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object
}

/// `Intl` formatters for one language, made once per board.
#[derive(Debug)]
pub struct Formatter {
    lang: String,
    date: DateTimeFormat,
    number: NumberFormat,
    plural: PluralRules,
    regions: Option<DisplayNames>,
    money: RefCell<HashMap<String, Option<NumberFormat>>>,
    /// Dates and country names already formatted: a list redrawn as the
    /// reader types asks for the same few again and again, and each `Intl`
    /// call crosses into JavaScript.
    dates: RefCell<HashMap<i64, String>>,
    regions_named: RefCell<HashMap<String, String>>,
}

/// Past this many entries a cache starts over (a board shows far fewer).
const CACHE_LIMIT: usize = 4096;

fn cached<K: std::hash::Hash + Eq>(
    cache: &RefCell<HashMap<K, String>>,
    key: K,
    make: impl FnOnce() -> String,
) -> String {
    if let Some(text) = cache.borrow().get(&key) {
        return text.clone();
    }
    let text = make();
    let mut cache = cache.borrow_mut();
    if cache.len() >= CACHE_LIMIT {
        cache.clear();
    }
    cache.insert(key, text.clone());
    text
}

impl Formatter {
    /// Formatters for `lang`, or for English when the browser refuses the tag.
    pub fn new(lang: &str) -> Formatter {
        let lang = if DateTimeFormat::new(lang, &Object::new()).is_ok() {
            lang
        } else {
            "en"
        };
        let date_options = options(&[("dateStyle", "medium"), ("timeZone", "UTC")]);
        let number_options = options(&[("maximumFractionDigits", "0")]);
        // With a valid tag and these fixed options the constructors cannot throw;
        // should one anyway, the plain English formatter stands in.
        let date = DateTimeFormat::new(lang, &date_options)
            .or_else(|_| DateTimeFormat::new("en", &Object::new()))
            .unwrap_or_else(|_| JsValue::UNDEFINED.unchecked_into());
        let number = NumberFormat::new(lang, &number_options)
            .or_else(|_| NumberFormat::new("en", &Object::new()))
            .unwrap_or_else(|_| JsValue::UNDEFINED.unchecked_into());
        let plural = PluralRules::new(lang)
            .or_else(|_| PluralRules::new("en"))
            .unwrap_or_else(|_| JsValue::UNDEFINED.unchecked_into());
        let regions = DisplayNames::new(lang, &options(&[("type", "region")])).ok();
        Formatter {
            lang: lang.to_string(),
            date,
            number,
            plural,
            regions,
            money: RefCell::default(),
            dates: RefCell::default(),
            regions_named: RefCell::default(),
        }
    }

    /// The language actually used (the one asked for, or "en").
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// A calendar date, as the reader's language writes it ("8 Jul 2022").
    pub fn date(&self, at: Timestamp) -> String {
        // Written in UTC and without the time: one text per day.
        let day = at.0.div_euclid(DAY_MS);
        cached(&self.dates, day, || {
            let ms = day.saturating_mul(DAY_MS) as f64;
            self.date
                .format(&Date::new(&JsValue::from_f64(ms)))
                .unwrap_or_else(|_| at.to_iso_date())
        })
    }

    /// A date and time in the reader's time zone ("8 Jul 2022, 14:05"): when a copy was saved.
    pub fn date_time(&self, at: Timestamp) -> String {
        let options = options(&[("dateStyle", "medium"), ("timeStyle", "short")]);
        DateTimeFormat::new(&self.lang, &options)
            .and_then(|f| f.format(&Date::new(&JsValue::from_f64(at.0 as f64))))
            .unwrap_or_else(|_| at.to_iso_datetime())
    }

    pub fn number(&self, n: f64) -> String {
        self.number.format(n).unwrap_or_else(|_| n.to_string())
    }

    /// An amount of money ("US$70,000"); without a known currency, a plain number.
    pub fn money(&self, amount: f64, currency: Option<&str>) -> String {
        let Some(code) = currency else {
            return self.number(amount);
        };
        let mut cache = self.money.borrow_mut();
        let formatter = cache.entry(code.to_string()).or_insert_with(|| {
            let opts = options(&[
                ("style", "currency"),
                ("currency", code),
                ("maximumFractionDigits", "0"),
            ]);
            NumberFormat::new(&self.lang, &opts).ok()
        });
        match formatter.as_ref().and_then(|f| f.format(amount).ok()) {
            Some(text) => text,
            None => format!("{} {code}", self.number(amount)),
        }
    }

    /// A country's name from its ISO 3166 code ("DE" → "Germany"); other
    /// text (a name already) as it is.
    pub fn region(&self, value: &str) -> String {
        let code = value.trim();
        if code.len() != 2 || !code.chars().all(|c| c.is_ascii_alphabetic()) {
            return value.to_string();
        }
        cached(&self.regions_named, code.to_ascii_uppercase(), || {
            self.regions
                .as_ref()
                .and_then(|r| r.of(&code.to_ascii_uppercase()).ok())
                .and_then(|name| name.as_string())
                .unwrap_or_else(|| value.to_string())
        })
    }

    /// The CLDR plural category of `n` ("one", "other", "few"…).
    pub fn plural_category(&self, n: f64) -> String {
        self.plural.select(n).unwrap_or_else(|_| "other".into())
    }
}
