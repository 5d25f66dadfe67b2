//! Dates, numbers, money, country names and plural rules formatted on the
//! host, for `openings render`: ICU4X, from the same Unicode CLDR data the
//! browser's `Intl` formats with, through the same calls the browser side
//! (`format.rs`) makes — a medium date in UTC, whole numbers, whole amounts
//! of money, a region's name — so a board rendered on the server reads as
//! the live board does. An invalid language tag falls back to English.

use fixed_decimal::Decimal;
use icu_calendar::{Date, Gregorian};
use icu_datetime::{fieldsets, FixedCalendarDateTimeFormatter};
use icu_decimal::DecimalFormatter;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use icu_experimental::dimension::currency::CurrencyCode;
use icu_experimental::displaynames::RegionDisplayNames;
use icu_locale_core::Locale as IcuLocale;
use icu_plurals::{PluralCategory, PluralRules};
use openings_core::dates::Timestamp;
use writeable::Writeable;

/// ICU4X formatters for one language, made once per board.
pub struct Formatter {
    lang: String,
    locale: IcuLocale,
    date: Option<FixedCalendarDateTimeFormatter<Gregorian, fieldsets::YMD>>,
    number: Option<DecimalFormatter>,
    plural: Option<PluralRules>,
    regions: Option<RegionDisplayNames>,
}

impl std::fmt::Debug for Formatter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Formatter")
            .field("lang", &self.lang)
            .finish()
    }
}

impl Formatter {
    /// Formatters for `lang`, or for English when the tag is not one.
    pub fn new(lang: &str) -> Formatter {
        let (lang, locale) = match lang.parse::<IcuLocale>() {
            Ok(locale) => (lang.to_string(), locale),
            Err(_) => ("en".to_string(), IcuLocale::UNKNOWN),
        };
        Formatter {
            date: FixedCalendarDateTimeFormatter::try_new(
                (&locale).into(),
                fieldsets::YMD::medium(),
            )
            .ok(),
            number: DecimalFormatter::try_new((&locale).into(), Default::default()).ok(),
            plural: PluralRules::try_new_cardinal((&locale).into()).ok(),
            regions: RegionDisplayNames::try_new((&locale).into(), Default::default()).ok(),
            lang,
            locale,
        }
    }

    /// The language used (the one asked for, or "en").
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// A calendar date, as the reader's language writes it ("8 Jul 2022"), in UTC.
    pub fn date(&self, at: Timestamp) -> String {
        let (y, m, d) = at.ymd();
        let date = i32::try_from(y)
            .ok()
            .and_then(|y| Date::try_new_gregorian(y, m as u8, d as u8).ok());
        match (&self.date, date) {
            (Some(f), Some(date)) => f.format(&date).write_to_string().into_owned(),
            _ => at.to_iso_date(),
        }
    }

    /// A date and time (the server has no reader's time zone: UTC).
    pub fn date_time(&self, at: Timestamp) -> String {
        let seconds = at.0.rem_euclid(openings_core::dates::DAY_MS) / 1000;
        format!(
            "{}, {:02}:{:02} UTC",
            self.date(at),
            seconds / 3600,
            seconds / 60 % 60
        )
    }

    /// A whole number, grouped as the language groups it.
    pub fn number(&self, n: f64) -> String {
        match (&self.number, whole(n)) {
            (Some(f), Some(decimal)) => f.format(&decimal).write_to_string().into_owned(),
            _ => n.to_string(),
        }
    }

    /// A whole amount of money ("US$70,000"); without a known currency, a
    /// plain number.
    pub fn money(&self, amount: f64, currency: Option<&str>) -> String {
        let Some(code) = currency else {
            return self.number(amount);
        };
        let known = code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase());
        let formatter = CurrencyFormatter::try_new((&self.locale).into(), Default::default()).ok();
        match (
            known,
            formatter,
            whole(amount),
            tinystr::TinyAsciiStr::<3>::try_from_str(code),
        ) {
            (true, Some(f), Some(decimal), Ok(code)) => f
                .format_fixed_decimal(&decimal, CurrencyCode(code))
                .write_to_string()
                .into_owned(),
            _ => format!("{} {code}", self.number(amount)),
        }
    }

    /// A country's name from its ISO 3166 code ("DE" → "Germany"); other
    /// text (a name already) as it is.
    pub fn region(&self, value: &str) -> String {
        let code = value.trim();
        if code.len() != 2 || !code.chars().all(|c| c.is_ascii_alphabetic()) {
            return value.to_string();
        }
        let region = code.to_ascii_uppercase().parse().ok();
        self.regions
            .as_ref()
            .zip(region)
            .and_then(|(names, region)| names.of(region))
            .map_or_else(|| value.to_string(), str::to_string)
    }

    /// The CLDR plural category of `n` ("one", "other", "few"…).
    pub fn plural_category(&self, n: f64) -> String {
        let category = match (&self.plural, whole(n)) {
            (Some(rules), Some(decimal)) => rules.category_for(&decimal),
            _ => PluralCategory::Other,
        };
        match category {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
        .to_string()
    }
}

/// `n` rounded to a whole number, as `maximumFractionDigits: 0` rounds.
fn whole(n: f64) -> Option<Decimal> {
    n.is_finite().then(|| Decimal::from(n.round() as i64))
}
