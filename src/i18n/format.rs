//! Dates, numbers, money and plural rules formatted by the browser's `Intl`
//! for the board's language. Every binding that can throw catches: an
//! invalid language tag falls back to English, and a date or number `Intl`
//! refuses (`RangeError: Invalid time value`) is written plainly, so neither
//! a wrong `lang` attribute nor a hostile feed can throw into the host page.

use std::cell::{OnceCell, RefCell};

use js_sys::{Date, Object, Reflect};
use openings_core::dates::{Timestamp, DAY_MS};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// Throws a `RangeError` for a tag that is not a language tag: a cheap
    /// check of a tag of at most `MAX_LANG_TAG` characters, with no locale
    /// data loaded (the page's first `Intl` formatter of any kind loads it,
    /// 10–30 ms: the loader makes one while the board is on its way).
    #[wasm_bindgen(js_namespace = Intl, js_name = getCanonicalLocales, catch)]
    fn canonical_locales(tag: &str) -> Result<JsValue, JsValue>;

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

/// A number as JavaScript writes it, for when `Intl` will not: Rust's own
/// float formatting would bring its tables into the board (−18 KB).
fn plain_number(n: f64) -> String {
    js_sys::Number::from(n)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object
}

/// `Intl` formatters for one language, one per board, each made the first
/// time it is asked for: a board that shows no salary never makes a
/// `NumberFormat`, and none is made before the first listing needs it.
#[derive(Debug)]
pub struct Formatter {
    lang: String,
    date: OnceCell<DateTimeFormat>,
    number: OnceCell<NumberFormat>,
    plural: OnceCell<PluralRules>,
    regions: OnceCell<Option<DisplayNames>>,
    money: Cache<Option<NumberFormat>>,
    /// Dates and country names already formatted: a list redrawn as the
    /// reader types asks for the same few again and again, and each `Intl`
    /// call crosses into JavaScript.
    dates: Cache<String, i64>,
    regions_named: Cache<String>,
}

/// Past this many entries a cache starts over (a page shows 20 listings, a
/// facet lists at most a few hundred countries).
const CACHE_LIMIT: usize = 512;

/// A few values by key, searched in order: small vectors rather than hash
/// maps, whose code is larger in the wasm than these caches ever are.
type Cache<V, K = String> = RefCell<Vec<(K, V)>>;

fn cached<K: PartialEq, V: Clone>(cache: &Cache<V, K>, key: K, make: impl FnOnce() -> V) -> V {
    if let Some((_, value)) = cache.borrow().iter().find(|(k, _)| *k == key) {
        return value.clone();
    }
    let value = make();
    let mut cache = cache.borrow_mut();
    if cache.len() >= CACHE_LIMIT {
        cache.clear();
    }
    cache.push((key, value.clone()));
    value
}

impl Formatter {
    /// Formatters for `lang`, or for English when the browser refuses the tag.
    pub fn new(lang: &str) -> Formatter {
        let lang = if canonical_locales(lang).is_ok() {
            lang
        } else {
            "en"
        };
        Formatter {
            lang: lang.to_string(),
            date: OnceCell::new(),
            number: OnceCell::new(),
            plural: OnceCell::new(),
            regions: OnceCell::new(),
            money: RefCell::default(),
            dates: RefCell::default(),
            regions_named: RefCell::default(),
        }
    }

    // With a valid tag and these fixed options the constructors cannot
    // throw; should one anyway, the plain English formatter stands in.

    fn date_format(&self) -> &DateTimeFormat {
        self.date.get_or_init(|| {
            let date_options = options(&[("dateStyle", "medium"), ("timeZone", "UTC")]);
            DateTimeFormat::new(&self.lang, &date_options)
                .or_else(|_| DateTimeFormat::new("en", &Object::new()))
                .unwrap_or_else(|_| JsValue::UNDEFINED.unchecked_into())
        })
    }

    fn number_format(&self) -> &NumberFormat {
        self.number.get_or_init(|| {
            let number_options = options(&[("maximumFractionDigits", "0")]);
            NumberFormat::new(&self.lang, &number_options)
                .or_else(|_| NumberFormat::new("en", &Object::new()))
                .unwrap_or_else(|_| JsValue::UNDEFINED.unchecked_into())
        })
    }

    fn plural_rules(&self) -> &PluralRules {
        self.plural.get_or_init(|| {
            PluralRules::new(&self.lang)
                .or_else(|_| PluralRules::new("en"))
                .unwrap_or_else(|_| JsValue::UNDEFINED.unchecked_into())
        })
    }

    fn region_names(&self) -> Option<&DisplayNames> {
        self.regions
            .get_or_init(|| DisplayNames::new(&self.lang, &options(&[("type", "region")])).ok())
            .as_ref()
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
            self.date_format()
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
        self.number_format()
            .format(n)
            .unwrap_or_else(|_| plain_number(n))
    }

    /// An amount of money ("US$70,000"); without a known currency, a plain number.
    pub fn money(&self, amount: f64, currency: Option<&str>) -> String {
        let Some(code) = currency else {
            return self.number(amount);
        };
        let formatter = cached(&self.money, code.to_string(), || {
            let opts = options(&[
                ("style", "currency"),
                ("currency", code),
                ("maximumFractionDigits", "0"),
            ]);
            NumberFormat::new(&self.lang, &opts).ok()
        });
        match formatter.and_then(|f| f.format(amount).ok()) {
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
            self.region_names()
                .and_then(|r| r.of(&code.to_ascii_uppercase()).ok())
                .and_then(|name| name.as_string())
                .unwrap_or_else(|| value.to_string())
        })
    }

    /// The CLDR plural category of `n` ("one", "other", "few"…).
    pub fn plural_category(&self, n: f64) -> String {
        self.plural_rules()
            .select(n)
            .unwrap_or_else(|_| "other".into())
    }
}
