//! Small readers of JSON values shared by the format adapters: text that may
//! be a string, a number or an `{"@value": …}`; one value or a list; bounded
//! lengths so that a hostile feed cannot make the board hold huge strings.

use serde_json::Value;

use crate::dates::Timestamp;
use crate::feeds::{SkipReason, Skipped};
use crate::links::safe_link_from;
use crate::model::{EmploymentType, Opening, Salary, SalaryPeriod, Workplace};
use crate::text::{amounts, clip, clip_bytes, CURRENCY_CODES, MAX_FIELD_CHARS};

/// One entry of a feed: an opening, or the reason it was left out.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// An opening, with notes on what of it could not be used.
    Opening(Box<Opening>, Vec<String>),
    Skipped(Skipped),
}

/// Text of a short field: a string, a number, or a JSON-LD value object;
/// trimmed, clipped to [`MAX_FIELD_CHARS`], `None` when empty.
pub fn text(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => tidy(s),
        Value::Number(n) => n.to_string(),
        Value::Object(map) => return text(map.get("@value").or_else(|| map.get("name"))),
        Value::Array(items) => return items.iter().find_map(|i| text(Some(i))),
        _ => return None,
    };
    (!s.is_empty()).then(|| clip(&s, MAX_FIELD_CHARS))
}

/// A short text as it is shown: runs of white space one space ("CNA  /
/// LPN"), and the invisible zero-width characters some systems leave at
/// the ends of a value ("Delivery\u{200b}") gone.
fn tidy(s: &str) -> String {
    let invisible = |c: char| {
        c.is_whitespace() || matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}')
    };
    let s = s.trim_matches(invisible);
    if !s.contains("  ") && !s.contains(['\n', '\t', '\r']) {
        return s.to_string();
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A long text field (a description): like [`text`], clipped to `limit` bytes.
pub fn long_text(v: Option<&Value>, limit: usize) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(clip_bytes(s.trim(), limit).to_string()),
        Value::Object(map) => long_text(map.get("@value"), limit),
        _ => None,
    }
}

/// A number written as a number or as text ("70000", "70,000", "$70k",
/// "3.400,00"): one amount, or none (a text with two, such as a range,
/// gives none rather than a number made of both).
pub fn number(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => n.as_f64(),
        // "-5000" is no pay.
        Value::String(s) if s.trim_start().starts_with('-') => None,
        Value::String(s) => match amounts(pay_text(s))[..] {
            [one] => Some(one.value),
            _ => None,
        },
        Value::Object(map) => number(map.get("@value")),
        _ => None,
    }
    .filter(|n: &f64| n.is_finite() && *n >= 0.0)
}

/// Where a pay written as text is read: its first [`MAX_FIELD_CHARS`]
/// bytes (a feed's megabytes of digits would otherwise become millions of
/// amounts held at once).
fn pay_text(s: &str) -> &str {
    clip_bytes(s, MAX_FIELD_CHARS)
}

/// A pay written as a number, as text of one amount ("Up to $60,000" is
/// its highest), or as text of a range ("15,000 - 30,000", "$45 to $60",
/// "50-60k"): its lowest and highest amounts. Two amounts that are not a
/// plausible range ("Grade 6 - £30,000", "£30,000 - 25 days holiday",
/// "$65,000 - 401(k)") give none: better no pay than a wrong one.
pub fn amount_or_range(v: Option<&Value>) -> (Option<f64>, Option<f64>) {
    let Some(Value::String(s)) = v else {
        return (number(v), None);
    };
    let s = pay_text(s);
    match amounts(s)[..] {
        [low, high] => {
            // Between them a dash or "to", and perhaps a currency sign.
            let between: String = s[low.end..high.start]
                .chars()
                .filter(|c| !c.is_whitespace() && !"$€£¥₹".contains(*c))
                .collect();
            let dash = ["-", "–", "—", "to"].contains(&between.to_ascii_lowercase().as_str());
            // "50-60k": the thousands go with both.
            let low_value = match high.thousands && !low.thousands && low.value < 1000.0 {
                true => low.value * 1000.0,
                false => low.value,
            };
            // A count after it is of something else: "2 openings", "30 hours".
            let counted = s[high.end..]
                .split(|c: char| !c.is_alphabetic())
                .find(|w| !w.is_empty())
                .is_some_and(|word| {
                    let word = word.to_ascii_lowercase();
                    COUNTED.contains(&word.as_str())
                        && s[high.end..]
                            .trim_start()
                            .starts_with(|c: char| c.is_alphabetic())
                });
            let plausible = high.value >= low_value && high.value <= low_value * 10.0;
            match dash && plausible && !counted {
                true => (Some(low_value), Some(high.value)),
                false => (None, None),
            }
        }
        [one] if s.to_ascii_lowercase().contains("up to") => (None, Some(one.value)),
        _ => (number(v), None),
    }
}

/// The period a pay written as text names right after its last amount
/// ("$25 an hour", "€3,000 per month", "45k annually", "$20/hr", "£2,000
/// pcm", "€ 3.500 bruto per maand", "3 500 € brut par mois"); nothing when
/// the words after it are about something else ("$60,000, paid monthly").
pub fn period_after_amounts(text: &str) -> Option<SalaryPeriod> {
    let text = pay_text(text);
    let tail = &text[amounts(text).last()?.end..];
    // Up to what begins another thought: "$120,000 + daily lunch",
    // "£40,000 (four-day week)", "$60,000, paid monthly".
    let tail = &tail[..tail
        .find([',', '+', '(', ';', '&', '|'])
        .unwrap_or(tail.len())];
    // Words of letters; "p.h." is "ph".
    let mut words = tail
        .split(|c: char| !(c.is_alphabetic() || c == '.'))
        .map(|w| w.replace('.', "").to_ascii_lowercase())
        .filter(|w| !w.is_empty())
        .take(5);
    let mut after_par = false;
    words.find_map(|word| {
        let period = match word.as_str() {
            "an" if after_par => SalaryPeriod::Year,
            "per" | "a" | "an" | "pro" | "par" | "each" | "every" | "gross" | "net" | "bruto"
            | "brutto" | "brut" | "netto" | "before" | "tax" | "pretax" => {
                after_par = word == "par";
                return None;
            }
            w if w.len() == 3 && CURRENCY_CODES.contains(&w) => return None,
            "ph" | "std" => SalaryPeriod::Hour,
            "pd" | "diem" => SalaryPeriod::Day,
            "pw" => SalaryPeriod::Week,
            "pcm" | "pm" | "mth" | "mnd" => SalaryPeriod::Month,
            "pa" => SalaryPeriod::Year,
            w => {
                let plural = w.strip_suffix('s');
                return Some(
                    SalaryPeriod::parse(w).or_else(|| plural.and_then(SalaryPeriod::parse)),
                );
            }
        };
        Some(Some(period))
    })?
}

/// The currency a pay written as text names by a sign that is one
/// currency's (€, £, ₹) or by its code ("EUR 3,000"): not `$`, which many
/// currencies write.
pub fn currency_in(text: &str) -> Option<String> {
    let text = pay_text(text);
    let sign = [('€', "EUR"), ('£', "GBP"), ('₹', "INR")]
        .into_iter()
        .find(|(sign, _)| text.contains(*sign))
        .map(|(_, code)| code.to_string());
    sign.or_else(|| {
        text.split(|c: char| !c.is_ascii_alphabetic())
            .find(|w| {
                w.len() == 3
                    && w.bytes().all(|b| b.is_ascii_uppercase())
                    && CURRENCY_CODES.contains(&w.to_ascii_lowercase().as_str())
            })
            .map(str::to_string)
    })
}

/// Words after a number that say it counts something other than money.
const COUNTED: [&str; 12] = [
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "openings",
    "positions",
    "vacancies",
    "roles",
    "posts",
    "people",
    "holiday",
];

/// One value or a list of them, as a list (`null` and absence give none).
pub fn list(v: Option<&Value>) -> Vec<&Value> {
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().filter(|i| !i.is_null()).collect(),
        Some(other) => vec![other],
    }
}

/// Every text in one value or a list of them.
pub fn texts(v: Option<&Value>) -> Vec<String> {
    list(v).into_iter().filter_map(|i| text(Some(i))).collect()
}

/// Does this JSON-LD node have this `@type` (one type or a list)?
pub fn has_type(node: &Value, wanted: &str) -> bool {
    list(node.get("@type")).iter().any(|t| {
        t.as_str().is_some_and(|t| {
            let t = t.rsplit(['/', ':', '#']).next().unwrap_or(t);
            t.eq_ignore_ascii_case(wanted)
        })
    })
}

/// The longest link we keep, in characters. A longer one is refused rather
/// than cut, since a cut link leads somewhere else.
pub const MAX_LINK_CHARS: usize = 2048;

/// A link as the feed wrote it (not yet checked): a string of at most
/// [`MAX_LINK_CHARS`] characters.
pub fn link_text(v: Option<&Value>) -> Option<String> {
    let s = v?.as_str()?.trim();
    (!s.is_empty() && s.chars().count() <= MAX_LINK_CHARS).then(|| s.to_string())
}

/// A date written as epoch milliseconds; `Err` with the number as written
/// when it is outside what a browser's `Date` can hold
/// (±[`MAX_MS`](crate::dates::MAX_MS)).
fn millis(n: &serde_json::Number) -> Result<Timestamp, String> {
    let ms = n.as_i64().or_else(|| {
        n.as_f64()
            .filter(|f| f.abs() <= crate::dates::MAX_MS as f64)
            .map(|f| f as i64)
    });
    ms.and_then(Timestamp::from_ms).ok_or_else(|| n.to_string())
}

/// The longest text read as a date, in bytes: longer text is not one.
pub const MAX_DATE_BYTES: usize = 100;

/// The first and last instant a date written as text names (see
/// [`crate::dates::parse_span`]); nothing for no text; the text itself when
/// it is not a date.
fn span(s: &str) -> Result<Option<(Timestamp, Timestamp)>, String> {
    // Spaces, and the invisible marks a pasted date brings along.
    let s = s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{feff}')
    });
    if s.is_empty() {
        return Ok(None);
    }
    // No date is written in more (the longest, "Wednesday, 30th September
    // 2026 23:59:59.999 UTC", is 45).
    if s.len() > MAX_DATE_BYTES {
        return Err(clip_bytes(s, MAX_DATE_BYTES).to_string());
    }
    let utc = s
        .strip_suffix(" UTC")
        .or_else(|| s.strip_suffix(" GMT"))
        .unwrap_or(s);
    crate::dates::parse_span(utc)
        .map(Some)
        .ok_or_else(|| s.to_string())
}

/// What an entry gave that the board could not use, though the entry is
/// shown: the feed reader hands each note on with the entry's position.
#[derive(Debug, Default)]
pub struct Notes(Vec<String>);

impl Notes {
    /// The date under `key`: text (ISO 8601, also `2022-07-08 09:30:00 UTC`
    /// as some systems write it, and the other forms
    /// [`crate::dates::parse_span`] reads; its first instant) or epoch
    /// milliseconds. One that is not a date, or that no browser can show,
    /// is left out, with a note saying so.
    pub fn date(&mut self, key: &str, v: Option<&Value>) -> Option<Timestamp> {
        self.span(key, v).map(|(first, _)| first)
    }

    /// A closing date under `key` (see [`Notes::date`]): one written
    /// without a time closes at the end of that day.
    pub fn closing_date(&mut self, key: &str, v: Option<&Value>) -> Option<Timestamp> {
        self.span(key, v).map(|(_, last)| last)
    }

    /// The span of the date under `key`, noted when it is not one.
    fn span(&mut self, key: &str, v: Option<&Value>) -> Option<(Timestamp, Timestamp)> {
        let (raw, why) = match v {
            Some(Value::String(s)) => match span(s) {
                Ok(span) => return span,
                Err(raw) => (raw, "is not a date the board can read"),
            },
            Some(Value::Number(n)) => match millis(n) {
                Ok(at) => return Some((at, at)),
                Err(raw) => (raw, "is not a date a browser can show"),
            },
            _ => return None,
        };
        self.0.push(format!(
            "its {key} ({}) {why}, so it was left out",
            crate::text::ellipsize(&raw, 40)
        ));
        None
    }

    /// The entry, mapped, with these notes.
    pub fn entry(self, opening: Opening) -> Entry {
        Entry::Opening(Box::new(opening), self.0)
    }
}

/// A yes/no written as a boolean or as `"true"`/`"false"`; absence is no.
pub fn flag(v: Option<&Value>) -> bool {
    match v {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s.trim().eq_ignore_ascii_case("true"),
        _ => false,
    }
}

/// Reads the usual spellings of where work happens: `remote`, `hybrid`,
/// `on-site`, `onsite`, `OnSite`, `in_office`, `TELECOMMUTE`.
pub fn workplace(raw: &str) -> Option<Workplace> {
    let key: String = raw
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    match key.as_str() {
        "remote" | "telecommute" | "fullyremote" => Some(Workplace::Remote),
        "hybrid" => Some(Workplace::Hybrid),
        "onsite" | "inoffice" | "office" | "inperson" => Some(Workplace::OnSite),
        _ => None,
    }
}

/// The first safe link among the candidates, in order of preference, or why
/// there is none: the first candidate that was given but is not http, https
/// or mailto, else no link at all.
pub fn apply_link(candidates: &[Option<String>], source: &str) -> Result<String, SkipReason> {
    let given: Vec<&String> = candidates.iter().flatten().collect();
    given
        .iter()
        .find_map(|raw| safe_link_from(raw, source))
        .ok_or_else(|| match given.first() {
            Some(raw) => SkipReason::UnsafeLink(clip(raw, MAX_FIELD_CHARS)),
            None => SkipReason::MissingLink,
        })
}

/// A page link that is safe and differs from the apply link.
pub fn page_link(raw: Option<String>, apply_url: &str, source: &str) -> Option<String> {
    raw.and_then(|p| safe_link_from(&p, source))
        .filter(|p| p != apply_url)
}

/// Pay from the parts most formats give. `None` when there is no amount;
/// the currency is kept only when it is a three-letter code.
pub fn salary(
    min: Option<f64>,
    max: Option<f64>,
    currency: Option<String>,
    period: SalaryPeriod,
) -> Option<Salary> {
    // Nothing is not a pay: a zero stands for an amount left out.
    let (min, max) = (min.filter(|&n| n > 0.0), max.filter(|&n| n > 0.0));
    // A range written backwards is read low to high.
    let (min, max) = match (min, max) {
        (Some(a), Some(b)) => (Some(a.min(b)), Some(a.max(b))),
        other => other,
    };
    if min.is_none() && max.is_none() {
        return None;
    }
    Some(Salary {
        min,
        max: max.filter(|m| Some(*m) != min),
        currency: currency
            .map(|c| c.trim().to_ascii_uppercase())
            .filter(|c| c.len() == 3 && c.chars().all(|ch| ch.is_ascii_alphabetic())),
        period,
    })
}

/// The path segment right after `marker` in a URL, such as the site name in
/// `https://api.lever.co/v0/postings/leverdemo?mode=json`.
pub fn segment_after<'a>(url: &'a str, marker: &str) -> Option<&'a str> {
    let at = url.find(marker)? + marker.len();
    let segment = url[at..].split(['/', '?', '#']).next()?;
    (!segment.is_empty()).then_some(segment)
}

/// Employment types from one value or a list, each read by [`EmploymentType::parse`].
pub fn employment_types(v: Option<&Value>) -> Vec<EmploymentType> {
    let mut types: Vec<EmploymentType> = texts(v)
        .iter()
        .flat_map(|t| t.split(','))
        .filter_map(EmploymentType::parse)
        .collect();
    dedupe(&mut types);
    types
}

/// The most items of one kind (locations, tags, types) kept for one opening.
pub const MAX_LIST_ITEMS: usize = 50;

/// Removes later repeats, keeping the first of each and the order, and at
/// most [`MAX_LIST_ITEMS`] items.
pub fn dedupe<T: PartialEq>(items: &mut Vec<T>) {
    let mut kept: Vec<T> = Vec::with_capacity(items.len().min(MAX_LIST_ITEMS));
    for item in items.drain(..) {
        if kept.len() == MAX_LIST_ITEMS {
            break;
        }
        if !kept.contains(&item) {
            kept.push(item);
        }
    }
    *items = kept;
}

/// A skipped entry.
pub fn skipped(position: usize, title: Option<String>, reason: SkipReason) -> Entry {
    Entry::Skipped(Skipped {
        position,
        title,
        reason,
    })
}

/// A salary object as JSON Feed's `_job` and Recruitee write it:
/// `{min, max, currency, period}`; amounts may be text, `period` is `hour`,
/// `day`, `week`, `month` or `year` (the default).
pub fn salary_object(v: &Value) -> Option<Salary> {
    let period = match text(v.get("period")) {
        None => SalaryPeriod::Year,
        Some(p) => SalaryPeriod::parse(&p)?,
    };
    salary(
        number(v.get("min")),
        number(v.get("max")),
        text(v.get("currency")),
        period,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn of(text: &str) -> Option<f64> {
        number(Some(&json!(text)))
    }

    fn range(text: &str) -> (Option<f64>, Option<f64>) {
        amount_or_range(Some(&json!(text)))
    }

    #[test]
    fn an_amount_as_text_with_its_grouping_decimals_and_thousands() {
        assert_eq!(of("70000"), Some(70_000.0));
        assert_eq!(of("$70,000 a year"), Some(70_000.0));
        assert_eq!(of("1,234.56"), Some(1_234.56));
        assert_eq!(of("3.400,00 €"), Some(3_400.0));
        assert_eq!(of("12,50"), Some(12.5));
        assert_eq!(of("18.5"), Some(18.5));
        assert_eq!(of("70.000"), Some(70_000.0), "a point grouping thousands");
        assert_eq!(of("1,00,000"), Some(100_000.0), "grouped in lakhs");
        assert_eq!(of("$70k"), Some(70_000.0));
        assert_eq!(of("70K per year"), Some(70_000.0));
        assert_eq!(
            of("7kg"),
            Some(7.0),
            "a k that begins a word is no thousand"
        );
        assert_eq!(of("negotiable"), None);
        assert_eq!(of("about 45."), Some(45.0), "the sentence's point");
        assert_eq!(of("3.400,-"), Some(3_400.0));
        assert_eq!(of("15,000 - 30,000"), None, "two amounts are not one");
    }

    #[test]
    fn the_period_named_right_after_the_pay() {
        let period = period_after_amounts;
        use SalaryPeriod::*;
        for (text, said) in [
            ("$25 an hour", Some(Hour)),
            ("$25 per hour", Some(Hour)),
            ("$25/hr", Some(Hour)),
            ("$25/h", Some(Hour)),
            ("25 €/h", Some(Hour)),
            ("£12.50 p.h.", Some(Hour)),
            ("£12.50 ph", Some(Hour)),
            ("$18 - $22 hourly", Some(Hour)),
            ("$300 per diem", Some(Day)),
            ("$300 a day", Some(Day)),
            ("$900 weekly", Some(Week)),
            ("€3,000 per month", Some(Month)),
            ("£2,000 pcm", Some(Month)),
            ("€2.500 p.m.", Some(Month)),
            ("€ 3.500 bruto per maand", Some(Month)),
            ("3 500 € brut par mois", Some(Month)),
            ("3.500 € brutto/Monat", Some(Month)),
            ("3.000 EUR pro Monat", Some(Month)),
            ("45k annually", Some(Year)),
            ("£30,000 p.a.", Some(Year)),
            ("38 000 € par an", Some(Year)),
            ("$60,000 - $68,000 per year, paid monthly", Some(Year)),
            // Words after the pay about something else.
            ("$60,000, paid monthly", None),
            ("$85,000 DOE, paid bi-weekly", None),
            ("$120,000 + daily lunch", None),
            ("£40,000 (four-day week)", None),
            ("$55,000 + day-one benefits", None),
            ("$55,000 (Kansas City, MO)", None),
            ("£30,000 pro rata, weekly hours negotiable", None),
            ("$55,000", None),
            ("competitive", None),
        ] {
            assert_eq!(period(text), said, "{text}");
        }
    }

    #[test]
    fn a_pay_is_read_in_its_first_500_bytes_and_a_date_in_its_first_100() {
        let far = format!("$50,000{}- $60,000 a month", " ".repeat(600));
        assert_eq!(
            range(&far),
            (Some(50_000.0), None),
            "the range's end is past the bound"
        );
        assert_eq!(period_after_amounts(&far), None);
        assert_eq!(currency_in(&format!("{}€", " ".repeat(600))), None);
        let near = format!("$50,000{}- $60,000", " ".repeat(400));
        assert_eq!(
            range(&near),
            (Some(50_000.0), Some(60_000.0)),
            "within the bound, read whole"
        );
        // Megabytes of amounts: read in the bound, at once.
        let many = "1 ".repeat(5_000_000);
        assert_eq!(range(&many), (None, None));
        assert_eq!(of(&many), None);
        // A date: its text, clipped, is what the note names.
        let mut notes = Notes::default();
        let long = format!("2031-09-01{}", " x".repeat(5_000_000));
        assert_eq!(notes.date("validThrough", Some(&json!(long))), None);
        assert_eq!(notes.0.len(), 1);
        assert!(notes.0[0].len() < 200, "{}", notes.0[0]);
        // The bound itself: a date of many decimals of a second.
        let decimals = |bytes: usize| format!("2031-09-01T10:00:00.{}Z", "0".repeat(bytes - 21));
        assert_eq!(decimals(100).len(), 100);
        let mut notes = Notes::default();
        assert!(notes
            .date("datePosted", Some(&json!(decimals(100))))
            .is_some());
        assert_eq!(notes.date("datePosted", Some(&json!(decimals(101)))), None);
        assert_eq!(notes.0.len(), 1, "{:?}", notes.0);
        let padded = format!("{:>99}", "2031-09-01");
        assert!(
            notes.date("validThrough", Some(&json!(padded))).is_some(),
            "spaces trimmed first"
        );
    }

    #[test]
    fn a_currency_its_text_names() {
        assert_eq!(currency_in("£30,000").as_deref(), Some("GBP"));
        assert_eq!(currency_in("3.400 €").as_deref(), Some("EUR"));
        assert_eq!(currency_in("₹ 6,00,000").as_deref(), Some("INR"));
        assert_eq!(currency_in("EUR 3,000").as_deref(), Some("EUR"));
        assert_eq!(currency_in("3,000 CHF a month").as_deref(), Some("CHF"));
        assert_eq!(currency_in("$60,000"), None, "many currencies write $");
        assert_eq!(currency_in("60,000 DOE"), None);
        assert_eq!(
            currency_in("60,000 eur"),
            None,
            "a code is written in capitals"
        );
    }

    #[test]
    fn thousands_grouped_by_spaces_are_one_amount() {
        assert_eq!(of("45 000 €"), Some(45_000.0));
        assert_eq!(of("45\u{a0}000\u{a0}€"), Some(45_000.0), "a no-break space");
        assert_eq!(of("45\u{202f}000 €"), Some(45_000.0), "a narrow one");
        assert_eq!(of("1 250 000"), Some(1_250_000.0));
        assert_eq!(of("3 400,50 €"), Some(3_400.5));
        assert_eq!(of("3 400.50"), Some(3_400.5));
        assert_eq!(range("30 000 - 40 000 €"), (Some(30_000.0), Some(40_000.0)));
        assert_eq!(range("30 000 – 40 000"), (Some(30_000.0), Some(40_000.0)));
        // Not groups of thousands: a group of four, of two, a first group of
        // four digits, a year before an amount.
        assert_eq!(range("45 0000"), (None, None));
        assert_eq!(range("45 00"), (None, None));
        assert_eq!(range("1000 000"), (None, None));
        assert_eq!(of("45  000"), None, "two spaces: two amounts");
        assert_eq!(range("2026 45,000"), (None, None));
        assert_eq!(of("1,500 000"), None, "a comma and a space: two amounts");
        assert_eq!(of("1 000 0000"), None);
        // A point or comma after spaced groups is the decimal one.
        assert_eq!(of("45 000.000"), Some(45_000.0));
        assert_eq!(of("45 000,000"), Some(45_000.0));
        assert_eq!(of("1 234 567,89 €"), Some(1_234_567.89));
        assert_eq!(range("Level 3 100% remote"), (None, None), "not 3,100");
    }

    #[test]
    fn a_range_as_text_is_its_lowest_and_highest() {
        assert_eq!(range("15,000 - 30,000"), (Some(15_000.0), Some(30_000.0)));
        assert_eq!(range("$45 to $60"), (Some(45.0), Some(60.0)));
        assert_eq!(range("50k–60k"), (Some(50_000.0), Some(60_000.0)));
        assert_eq!(
            range("€ 3.400,00 — € 4.100,00"),
            (Some(3_400.0), Some(4_100.0))
        );
        assert_eq!(range("Grade 7, $40,000"), (None, None), "not a range");
        assert_eq!(range("$52,000"), (Some(52_000.0), None));
        assert_eq!(range("45-60"), (Some(45.0), Some(60.0)));
        assert_eq!(
            range("$50-60k"),
            (Some(50_000.0), Some(60_000.0)),
            "the k of both"
        );
        assert_eq!(range("1.5-2k"), (Some(1_500.0), Some(2_000.0)));
        assert_eq!(range("1000-2k"), (Some(1_000.0), Some(2_000.0)));
        assert_eq!(
            range("10 - 12 hours a week"),
            (None, None),
            "a count of hours"
        );
        assert_eq!(range("$50K - $60K DOE"), (Some(50_000.0), Some(60_000.0)));
        assert_eq!(range("Up to $60,000"), (None, Some(60_000.0)));
        for other in [
            "£30,000 - 25 days holiday",
            "Grade 6 - £30,000",
            "$65,000 - 401(k) match",
            "$50,000 - 2 openings",
            "£28,000 to 30 hours",
            "£60,000 - £30,000",
        ] {
            assert_eq!(range(other), (None, None), "{other}");
        }
        assert_eq!(of("-5000"), None, "a negative is no pay");
        assert_eq!(amount_or_range(Some(&json!(61000))), (Some(61_000.0), None));
        assert_eq!(amount_or_range(None), (None, None));
    }

    #[test]
    fn a_zero_amount_is_no_amount() {
        let pay = |min, max| salary(min, max, None, SalaryPeriod::Year).map(|s| (s.min, s.max));
        assert_eq!(pay(Some(0.0), None), None);
        assert_eq!(pay(Some(0.0), Some(0.0)), None);
        assert_eq!(pay(Some(40_000.0), Some(0.0)), Some((Some(40_000.0), None)));
        assert_eq!(pay(Some(0.0), Some(40_000.0)), Some((None, Some(40_000.0))));
    }

    #[test]
    fn a_closing_date_without_a_time_is_the_end_of_that_day() {
        let mut notes = Notes::default();
        let day = Timestamp::parse_iso("2031-09-01").unwrap();
        assert_eq!(
            notes.closing_date("validThrough", Some(&json!("2031-09-01"))),
            Some(day.end_of_day())
        );
        assert_eq!(
            notes.closing_date("validThrough", Some(&json!(" 2031-09-01 "))),
            Some(day.end_of_day())
        );
        assert_eq!(
            notes.closing_date("validThrough", Some(&json!("2031-09-01T17:00:00Z"))),
            Timestamp::parse_iso("2031-09-01T17:00:00Z")
        );
        assert_eq!(
            notes.closing_date("validThrough", Some(&json!(day.0))),
            Some(day),
            "milliseconds are an instant"
        );
    }
}
