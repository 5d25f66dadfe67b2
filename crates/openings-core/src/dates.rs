//! Dates as feeds write them (ISO 8601 text or epoch milliseconds), read into
//! one [`Timestamp`]. No date crate: the widget formats dates with the
//! browser's `Intl`, so all we need here is parsing and comparing.

use serde::{Deserialize, Serialize};

/// Milliseconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Timestamp(pub i64);

pub const DAY_MS: i64 = 86_400_000;
/// The last millisecond of a day, from its start: see [`Timestamp::end_of_day`].
pub const LAST_MS_OF_DAY: i64 = DAY_MS - 1;

/// The furthest instant from 1970 a JavaScript `Date` can hold (±100,000,000
/// days, about ±273,790 years). A date beyond it would make the browser's
/// `Intl` formatters throw, so feeds' dates outside it are not read.
pub const MAX_MS: i64 = 8_640_000_000_000_000;

impl Timestamp {
    /// The instant `ms` milliseconds from 1970, when a browser can show it
    /// (within ±[`MAX_MS`]).
    pub fn from_ms(ms: i64) -> Option<Timestamp> {
        (-MAX_MS..=MAX_MS).contains(&ms).then_some(Timestamp(ms))
    }

    /// Milliseconds from `earlier` to `self`, saturating rather than
    /// overflowing for dates far apart.
    pub fn millis_since(self, earlier: Timestamp) -> i64 {
        self.0.saturating_sub(earlier.0)
    }

    pub fn from_ymd(year: i64, month: u32, day: u32) -> Option<Timestamp> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Timestamp(days_from_civil(year, month, day) * DAY_MS))
    }

    /// Reads `2022-07-08`, `2022-07-08T09:30:00Z`, `2022-07-08T09:30:00.000+02:00`,
    /// `2022-07-08 09:30`. A date without a time means the start of that day (UTC).
    pub fn parse_iso(raw: &str) -> Option<Timestamp> {
        let s = raw.trim();
        let bytes = s.as_bytes();
        if bytes.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let year: i64 = s.get(0..4)?.parse().ok()?;
        let month: u32 = s.get(5..7)?.parse().ok()?;
        let day: u32 = s.get(8..10)?.parse().ok()?;
        let date = Timestamp::from_ymd(year, month, day)?;
        let rest = &s[10..];
        if rest.is_empty() {
            return Some(date);
        }
        let rest = rest.strip_prefix(['T', 't', ' '])?;
        let (time, offset_ms) = split_offset(rest)?;
        let mut parts = time.split(':');
        let hour: i64 = parts.next()?.parse().ok()?;
        let minute: i64 = parts.next().unwrap_or("0").parse().ok()?;
        let second = crate::text::decimal(parts.next().unwrap_or("0"))?;
        if hour > 24 || minute > 59 || !(0.0..61.0).contains(&second) {
            return None;
        }
        let ms = hour * 3_600_000 + minute * 60_000 + (second * 1000.0) as i64;
        Timestamp::from_ms(date.0 + ms - offset_ms)
    }

    /// The last millisecond of this instant's day (UTC): a closing date
    /// written without a time closes at the end of that day, not as it
    /// begins (which is the evening before in the Americas).
    pub fn end_of_day(self) -> Timestamp {
        Timestamp(self.0.div_euclid(DAY_MS) * DAY_MS + LAST_MS_OF_DAY)
    }

    /// The calendar date (UTC) as `YYYY-MM-DD`.
    pub fn to_iso_date(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// The calendar date (UTC): year, month, day.
    pub fn ymd(self) -> (i64, u32, u32) {
        civil_from_days(self.0.div_euclid(DAY_MS))
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    pub fn to_iso_datetime(self) -> String {
        let ms_of_day = self.0.rem_euclid(DAY_MS) / 1000;
        format!(
            "{}T{:02}:{:02}:{:02}Z",
            self.to_iso_date(),
            ms_of_day / 3600,
            ms_of_day / 60 % 60,
            ms_of_day % 60
        )
    }
}

/// The first and last millisecond a written date names (UTC): an instant
/// (`2026-11-20T09:30:00Z`) names itself, as ISO writes it or as
/// JavaScript's and Java's `Date.toString()` do; a day names all of it,
/// written as ISO (`2026-11-20`), as people and CMS templates write it
/// (`November 20, 2026`, `Nov. 20 2026`, `20 November 2026`, `Friday,
/// November 20, 2026`, `20. November 2026`, `20 de noviembre de 2026`: see
/// [`month_named`]) or in figures, day first (`20.11.2026`; `20/11/2026`
/// and `20-11-2026` only when they cannot be read month first); a month
/// (`2026-11`) names all of that month.
pub fn parse_span(raw: &str) -> Option<(Timestamp, Timestamp)> {
    let s = raw.trim();
    if let Some(at) = Timestamp::parse_iso(s).or_else(|| clock_time(s)) {
        let day_only = s.len() == 10;
        return Some((at, if day_only { at.end_of_day() } else { at }));
    }
    if let Some(day) = figures_day(s) {
        return Some((day, day.end_of_day()));
    }
    let b = s.as_bytes();
    if b.len() == 7
        && b[4] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || c.is_ascii_digit())
    {
        let (year, month) = (s[..4].parse().ok()?, s[5..].parse().ok()?);
        let first = Timestamp::from_ymd(year, month, 1)?;
        let last = Timestamp::from_ymd(year, month, days_in_month(year, month))?;
        return Some((first, last.end_of_day()));
    }
    let day = written_day(s)?;
    Some((day, day.end_of_day()))
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The months' names in the languages of the institutions the board is
/// made for beyond English — French, German, Spanish, Italian, Dutch,
/// Portuguese — whole, with and without their accents, and the short forms
/// French and German write ("janv.", "Okt."). Months whose name is the
/// English one's, or begins it ("juni", "mars"), are there too.
const OTHER_MONTHS: [(&str, u8); 70] = [
    ("janvier", 1),
    ("janv", 1),
    ("januar", 1),
    ("jänner", 1),
    ("enero", 1),
    ("gennaio", 1),
    ("januari", 1),
    ("janeiro", 1),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fevr", 2),
    ("februar", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("februari", 2),
    ("fevereiro", 2),
    ("mars", 3),
    ("märz", 3),
    ("maerz", 3),
    ("mär", 3),
    ("marzo", 3),
    ("maart", 3),
    ("março", 3),
    ("avril", 4),
    ("avr", 4),
    ("abril", 4),
    ("aprile", 4),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("mei", 5),
    ("maio", 5),
    ("juin", 6),
    ("juni", 6),
    ("junio", 6),
    ("giugno", 6),
    ("junho", 6),
    ("juillet", 7),
    ("juil", 7),
    ("juli", 7),
    ("julio", 7),
    ("luglio", 7),
    ("julho", 7),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("augustus", 8),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("settembre", 9),
    ("setembro", 9),
    ("octobre", 10),
    ("oktober", 10),
    ("okt", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("outubro", 10),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("dezember", 12),
    ("dez", 12),
    ("diciembre", 12),
    ("dicembre", 12),
    ("dezembro", 12),
];

/// The days of the week in those languages, whole, and German's short
/// forms ("Fr."): a date may begin with one.
const OTHER_WEEKDAYS: [&str; 48] = [
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
    "mo",
    "di",
    "mi",
    "do",
    "fr",
    "sa",
    "so",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "domenica",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
];

/// The month (1–12) a word names: in English its name or its first three
/// letters or more ("Nov", "Sept", "Novem"), in French, German, Spanish,
/// Italian, Dutch or Portuguese its name or a usual short form (`janv.`,
/// `Okt.`); a point after it is no matter ("Nov.").
pub fn month_named(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    if let Some(at) = MONTHS.iter().position(|m| m.starts_with(word.as_str())) {
        return Some(at as u32 + 1);
    }
    let word = word.replace('Ä', "ä").replace('É', "é").replace('Û', "û");
    OTHER_MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, month)| u32::from(month))
}

/// Whether a word names a day of the week, in English (its first three
/// letters or more) or in the languages of [`OTHER_WEEKDAYS`].
fn weekday(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    (w.len() >= 3 && WEEKDAYS.iter().any(|d| d.starts_with(w.as_str())))
        || OTHER_WEEKDAYS.contains(&w.as_str())
}

/// A day of the month written `4`, `04`, `4th`, `1st`, `22nd`, `3rd`, and
/// as French, Spanish, Italian and Portuguese write the first (`1er`,
/// `1º`, `1°`).
pub fn day_of_month(word: &str) -> Option<u32> {
    let digits = ["st", "nd", "rd", "th", "er", "º", "°"]
        .iter()
        .find_map(|ordinal| word.strip_suffix(ordinal))
        .unwrap_or(word);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let day: u32 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

/// A day written with its month's name ([`month_named`]): the month and
/// the day in either order, then a year of four digits, perhaps after the
/// day of the week; the words that join them in some languages ("20th of
/// November", "20 de noviembre de 2026", "le 20 novembre") are no matter.
fn written_day(s: &str) -> Option<Timestamp> {
    let mut words = s
        .split([' ', ',', '.'])
        .filter(|w| !w.is_empty())
        .filter(|w| !["of", "de", "del", "le"].contains(&w.to_ascii_lowercase().as_str()))
        .peekable();
    if words.peek().is_some_and(|w| weekday(w)) {
        words.next();
    }
    let words: Vec<&str> = words.collect();
    let [a, b, year] = words.as_slice() else {
        return None;
    };
    let (month, day) = match month_named(a) {
        Some(month) => (month, *b),
        None => (month_named(b)?, *a),
    };
    if year.len() != 4 || !year.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Timestamp::from_ymd(year.parse().ok()?, month, day_of_month(day)?)
}

/// A day written in figures: with points, day first (`20.11.2026`, as
/// German, Swiss, Dutch… write it); with a slash or a hyphen only when it
/// cannot be read the other way (`20/11/2026`, `20-11-2026`; `11/20/2026`,
/// as the United States write it, is read month first): `05/11/2026`
/// could be either, and is not read.
fn figures_day(s: &str) -> Option<Timestamp> {
    let separator = s.bytes().find(|b| matches!(b, b'.' | b'-' | b'/'))?;
    let parts: Vec<&str> = s.split(separator as char).collect();
    let [a, b, year] = parts.as_slice() else {
        return None;
    };
    let number = |w: &str| {
        let ok = (1..=2).contains(&w.len()) && w.bytes().all(|c| c.is_ascii_digit());
        ok.then(|| w.parse::<u32>().ok()).flatten()
    };
    let (a, b) = (number(a)?, number(b)?);
    if year.len() != 4 || !year.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (day, month) = match separator {
        b'.' => (a, b),
        _ if a > 12 => (a, b),
        _ if b > 12 => (b, a),
        _ => return None,
    };
    Timestamp::from_ymd(year.parse().ok()?, month, day)
}

/// An instant as JavaScript's `Date.toString()` writes it (`Tue Sep 15
/// 2026 18:31:32 GMT+0000 (Coordinated Universal Time)`) or Java's (`Mon
/// Aug 24 00:00:00 UTC 2026`), as some pages' templates put into their
/// JSON-LD. With a zone named other than by UTC or GMT (`CEST`), whose
/// offset is not written, it is not read.
fn clock_time(s: &str) -> Option<Timestamp> {
    let s = s.split_once(" (").map_or(s, |(time, _)| time);
    let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
    let (month, day, year, time, zone) = match words.as_slice() {
        [_, month, day, year, time, zone] if year.len() == 4 => (month, day, year, time, zone),
        [_, month, day, time, zone, year] => (month, day, year, time, zone),
        _ => return None,
    };
    let offset = match zone
        .strip_prefix("GMT")
        .or_else(|| zone.strip_prefix("UTC"))?
    {
        "" => "Z",
        offset => offset,
    };
    if !time.contains(':') || year.len() != 4 || !year.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let day = Timestamp::from_ymd(year.parse().ok()?, month_named(month)?, day_of_month(day)?)?;
    Timestamp::parse_iso(&format!("{}T{time}{offset}", day.to_iso_date()))
}

/// Splits `09:30:00+02:00` into the time and the offset in milliseconds.
fn split_offset(rest: &str) -> Option<(&str, i64)> {
    if let Some(time) = rest.strip_suffix(['Z', 'z']) {
        return Some((time, 0));
    }
    match rest.rfind(['+', '-']) {
        Some(at) => {
            let sign = if rest.as_bytes()[at] == b'-' { -1 } else { 1 };
            let offset = rest[at + 1..].replace(':', "");
            if offset.len() != 4 && offset.len() != 2 {
                return None;
            }
            let hours: i64 = offset.get(0..2)?.parse().ok()?;
            let minutes: i64 = offset
                .get(2..)
                .filter(|m| !m.is_empty())
                .map_or(Ok(0), str::parse)
                .ok()?;
            Some((&rest[..at], sign * (hours * 3_600_000 + minutes * 60_000)))
        }
        None => Some((rest, 0)),
    }
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(s: &str) -> Option<(String, String)> {
        parse_span(s).map(|(a, b)| (a.to_iso_datetime(), b.to_iso_datetime()))
    }

    fn day(s: &str) -> Option<String> {
        parse_span(s).map(|(a, b)| {
            assert_eq!(b, a.end_of_day(), "{s} names a whole day");
            a.to_iso_date()
        })
    }

    #[test]
    fn an_instant_names_itself_and_a_day_all_of_it() {
        let at = Some((
            "2026-11-20T09:30:00Z".to_string(),
            "2026-11-20T09:30:00Z".to_string(),
        ));
        assert_eq!(span("2026-11-20T09:30:00Z"), at);
        assert_eq!(span(" 2026-11-20T10:30:00+01:00 "), at);
        assert_eq!(day("2026-11-20"), Some("2026-11-20".into()));
        assert_eq!(day(" 2026-11-20 "), Some("2026-11-20".into()));
        assert_eq!(
            span("2026-11-20T00:00:00Z").map(|(a, b)| a == b),
            Some(true),
            "midnight is an instant"
        );
    }

    #[test]
    fn a_month_names_all_of_it() {
        assert_eq!(
            span("2026-11"),
            Some(("2026-11-01T00:00:00Z".into(), "2026-11-30T23:59:59Z".into()))
        );
        assert_eq!(
            span("2028-02").map(|s| s.1),
            Some("2028-02-29T23:59:59Z".into())
        );
        assert_eq!(
            span("2027-02").map(|s| s.1),
            Some("2027-02-28T23:59:59Z".into())
        );
        assert_eq!(
            span("2027-12").map(|s| s.1),
            Some("2027-12-31T23:59:59Z".into())
        );
        for not in [
            "2026-13", "2026-00", "2026-1", "2026/11", "202a-11", "2026-1a", "12026-11", "2026-+1",
        ] {
            assert_eq!(span(not), None, "{not}");
        }
    }

    #[test]
    fn a_day_as_people_write_it_in_english() {
        for written in [
            "November 20, 2026",
            "november 20 2026",
            "Nov 20, 2026",
            "Nov. 20, 2026",
            "NOV 20 2026",
            "20 November 2026",
            "20 Nov 2026",
            "20th November, 2026",
            "November 20th, 2026",
            "Friday, November 20, 2026",
            "Fri, 20 Nov 2026",
            " Novem 20, 2026 ",
        ] {
            assert_eq!(day(written), Some("2026-11-20".into()), "{written}");
        }
        assert_eq!(day("Sept 5, 2026"), Some("2026-09-05".into()));
        assert_eq!(day("May 1, 2027"), Some("2027-05-01".into()));
        assert_eq!(day("January 31, 2027"), Some("2027-01-31".into()));
        assert_eq!(day("December 1, 2027"), Some("2027-12-01".into()));
        assert_eq!(day("February 29, 2028"), Some("2028-02-29".into()));
    }

    /// Dates as the institutions the board is made for write them beyond
    /// English (seen in public job posts and CMS templates: "Bewerbungsschluss
    /// ist der 18.10.2026", "Date limite : 30 novembre 2026", `d.m.Y`,
    /// `%d/%m/%Y`). They were refused, with a console note.
    #[test]
    fn a_day_as_institutions_write_it_in_other_languages() {
        for written in [
            "20 novembre 2026",
            "le 20 novembre 2026",
            "vendredi 20 novembre 2026",
            "20 nov. 2026",
            "20. November 2026",
            "Freitag, 20. November 2026",
            "Fr., 20. Nov. 2026",
            "20 de noviembre de 2026",
            "viernes, 20 de noviembre de 2026",
            "20 novembre 2026",
            "venerdì 20 novembre 2026",
            "20 november 2026",
            "vrijdag 20 november 2026",
            "20 de novembro de 2026",
            "sexta-feira, 20 de novembro de 2026",
            "20.11.2026",
            "20-11-2026",
            "20/11/2026",
            "11/20/2026",
            "20th of November 2026",
        ] {
            assert_eq!(day(written), Some("2026-11-20".into()), "{written}");
        }
        for (written, iso) in [
            ("1er mars 2027", "2027-03-01"),
            ("1º de marzo de 2027", "2027-03-01"),
            ("15. März 2027", "2027-03-15"),
            ("15. MÄRZ 2027", "2027-03-15"),
            ("15 maart 2027", "2027-03-15"),
            ("3 janv. 2027", "2027-01-03"),
            ("3 Jänner 2027", "2027-01-03"),
            ("12 FÉVRIER 2027", "2027-02-12"),
            ("15 août 2027", "2027-08-15"),
            ("15 AOÛT 2027", "2027-08-15"),
            ("4 Okt. 2027", "2027-10-04"),
            ("24 Dez 2027", "2027-12-24"),
            ("7 mei 2027", "2027-05-07"),
            ("7 maggio 2027", "2027-05-07"),
            ("7.5.2027", "2027-05-07"),
            ("31/12/2027", "2027-12-31"),
            ("12/31/2027", "2027-12-31"),
        ] {
            assert_eq!(day(written), Some(iso.into()), "{written}");
        }
        for not in [
            "05/11/2026",
            "05-11-2026",
            "12/05/2026",
            "05/12/2026",
            "32.11.2026",
            "20.13.2026",
            "20.11.26",
            "20.11.20266",
            "2026.11.20",
            "20.11/2026",
            "20..2026",
            "+1.11.2026",
            "20 jui 2026",
            "20 de de 2026",
            "Mo Di 20 November 2026",
        ] {
            assert_eq!(span(not), None, "{not}");
        }
    }

    /// An instant as JavaScript's and Java's `Date.toString()` write it,
    /// seen in public pages' JSON-LD (`new Date().toString()` in a
    /// template) and in SAP SuccessFactors career pages.
    #[test]
    fn an_instant_as_javascript_and_java_write_it() {
        let at = |s: &str| span(s).and_then(|(a, b)| (a == b).then_some(a));
        for (written, instant) in [
            ("Tue Sep 15 2026 18:31:32 GMT+0000", "2026-09-15T18:31:32Z"),
            (
                "Tue Sep 22 2026 08:31:26 GMT+0200 (Central European Summer Time)",
                "2026-09-22T06:31:26Z",
            ),
            ("Mon Aug 24 00:00:00 UTC 2026", "2026-08-24T00:00:00Z"),
            ("Wed Aug 26 18:30:00 GMT 2026", "2026-08-26T18:30:00Z"),
            ("Wed Aug 26 18:30:00 UTC+01:00 2026", "2026-08-26T17:30:00Z"),
        ] {
            assert_eq!(at(written), Some(instant.into()), "{written}");
        }
        for not in [
            "Mon Aug 24 00:00:00 EDT 2026",
            "Tue Sep 15 2026 18:31:32 CEST",
            "Tue Sep 15 2026 25:31:32 GMT+0000",
            "Tue Sep 31 2026 18:31:32 GMT+0000",
            "Tue Sep 15 20x6 18:31:32 GMT+0000",
            "Tue Sep 15 2026 18-31-32 GMT+0000",
            "Mon Aug 24 00:00:00 UTC 26",
            "Mon Aug 24 00:00 UTC",
        ] {
            assert_eq!(span(not), None, "{not}");
        }
    }

    #[test]
    fn what_is_not_a_day_is_not_read() {
        for not in [
            "",
            "soon",
            "Open until filled",
            "November 2026",
            "November 20",
            "No 20, 2026",
            "Movember 20, 2026",
            "February 30, 2027",
            "November 0, 2026",
            "November 123, 2026",
            "November 20, 26",
            "November 20, 20266",
            "November 20, 2026 10:00",
            "Friday November",
            "Friday, Friday 20 2026",
            "20 20 2026",
            "November +2, 2026",
            "November 2x, 2026",
            "November th, 2026",
        ] {
            assert_eq!(span(not), None, "{not}");
        }
    }

    #[test]
    fn a_plain_date_is_midnight_utc() {
        let t = Timestamp::parse_iso("2022-07-08").unwrap();
        assert_eq!(t.0, 1_657_238_400_000);
        assert_eq!(t.to_iso_date(), "2022-07-08");
    }

    #[test]
    fn times_and_offsets_are_honoured() {
        let z = Timestamp::parse_iso("2022-07-08T12:00:00Z").unwrap();
        let plus2 = Timestamp::parse_iso("2022-07-08T14:00:00+02:00").unwrap();
        let frac = Timestamp::parse_iso("2022-07-08T12:00:00.000Z").unwrap();
        assert_eq!(z, plus2);
        assert_eq!(z, frac);
        assert_eq!(z.to_iso_datetime(), "2022-07-08T12:00:00Z");
        assert_eq!(
            Timestamp::parse_iso("2022-07-08T07:00-05:00").unwrap(),
            z,
            "minutes without seconds, negative offset"
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        for bad in [
            "2022-02-30",
            "2022-13-01",
            "22-07-08",
            "soon",
            "2022-07-08Tnoon",
            "",
        ] {
            assert_eq!(Timestamp::parse_iso(bad), None, "{bad}");
        }
        assert!(Timestamp::parse_iso("2024-02-29").is_some());
    }

    #[test]
    fn only_instants_a_browser_can_show_are_timestamps() {
        assert_eq!(Timestamp::from_ms(MAX_MS), Some(Timestamp(MAX_MS)));
        assert_eq!(Timestamp::from_ms(-MAX_MS), Some(Timestamp(-MAX_MS)));
        assert_eq!(Timestamp::from_ms(MAX_MS + 1), None);
        assert_eq!(Timestamp::from_ms(-MAX_MS - 1), None);
        assert_eq!(Timestamp::from_ms(i64::MIN), None);
        assert_eq!(Timestamp::from_ms(0), Some(Timestamp(0)));
    }

    #[test]
    fn far_apart_dates_subtract_without_overflowing() {
        let (min, max) = (Timestamp(i64::MIN), Timestamp(i64::MAX));
        assert_eq!(max.millis_since(min), i64::MAX);
        assert_eq!(min.millis_since(max), i64::MIN);
        assert_eq!(Timestamp(5).millis_since(Timestamp(2)), 3);
        assert_eq!(Timestamp(2).millis_since(Timestamp(5)), -3);
    }

    fn iso(s: &str) -> Option<String> {
        Timestamp::parse_iso(s).map(Timestamp::to_iso_datetime)
    }

    #[test]
    fn the_date_is_digits_between_two_dashes() {
        for bad in [
            "2022/07-08",
            "2022-07/08",
            "2022.07.08",
            "20220708xx",
            "2022-7-08",
            "2022-07-8",
        ] {
            assert_eq!(Timestamp::parse_iso(bad), None, "{bad}");
        }
        assert_eq!(
            iso("  2022-07-08\n").as_deref(),
            Some("2022-07-08T00:00:00Z")
        );
    }

    #[test]
    fn a_time_is_read_within_its_bounds() {
        for (raw, read) in [
            ("2022-07-08T23:59:59Z", Some("2022-07-08T23:59:59Z")),
            ("2022-07-08t09:30:00z", Some("2022-07-08T09:30:00Z")),
            ("2022-07-08 09:30", Some("2022-07-08T09:30:00Z")),
            ("2022-07-08T09", Some("2022-07-08T09:00:00Z")),
            ("2022-07-08T24:00:00Z", Some("2022-07-09T00:00:00Z")),
            ("2022-07-08T23:59:60Z", Some("2022-07-09T00:00:00Z")),
            ("2022-07-08T00:00:00.999Z", Some("2022-07-08T00:00:00Z")),
            ("2022-07-08T25:00:00Z", None),
            ("2022-07-08T12:60:00Z", None),
            ("2022-07-08T12:00:61Z", None),
            ("2022-07-08T12:00:-1Z", None),
            ("2022-07-08X12:00:00Z", None),
            ("2022-07-08T:00Z", None),
        ] {
            assert_eq!(iso(raw).as_deref(), read, "{raw}");
        }
    }

    #[test]
    fn offsets_of_hours_or_hours_and_minutes() {
        for (raw, read) in [
            ("2022-07-08T12:00:00+05:30", Some("2022-07-08T06:30:00Z")),
            ("2022-07-08T12:00:00+0530", Some("2022-07-08T06:30:00Z")),
            ("2022-07-08T12:00:00-0930", Some("2022-07-08T21:30:00Z")),
            ("2022-07-08T12:00:00+02", Some("2022-07-08T10:00:00Z")),
            ("2022-07-08T12:00:00-02", Some("2022-07-08T14:00:00Z")),
            ("2022-07-08T12:00:00+2", None),
            ("2022-07-08T12:00:00+053", None),
            ("2022-07-08T12:00:00+05:3x", None),
            ("2022-07-08T12:00:00+xx", None),
        ] {
            assert_eq!(iso(raw).as_deref(), read, "{raw}");
        }
    }

    #[test]
    fn months_have_their_days_and_leap_years_their_29th_of_february() {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        for (month, days) in (1..=12).zip(lengths) {
            assert!(
                Timestamp::from_ymd(2023, month, days).is_some(),
                "{month}/{days}"
            );
            assert_eq!(
                Timestamp::from_ymd(2023, month, days + 1),
                None,
                "{month}/{}",
                days + 1
            );
        }
        for (year, leap) in [
            (2024, true),
            (2023, false),
            (2000, true),
            (1900, false),
            (2100, false),
            (1600, true),
        ] {
            assert_eq!(Timestamp::from_ymd(year, 2, 29).is_some(), leap, "{year}");
        }
        assert_eq!(Timestamp::from_ymd(2023, 0, 1), None);
        assert_eq!(Timestamp::from_ymd(2023, 13, 1), None);
        assert_eq!(Timestamp::from_ymd(2023, 1, 0), None);
    }

    #[test]
    fn known_days_have_their_dates() {
        for (ymd, days) in [
            ((1970, 1, 1), 0),
            ((1969, 12, 31), -1),
            ((1970, 3, 1), 59),
            ((2000, 2, 29), 11_016),
            ((2000, 3, 1), 11_017),
            ((1600, 3, 1), -135_080),
            ((0, 3, 1), -719_468),
            ((2026, 12, 2), 20_789),
        ] {
            let (y, m, d) = ymd;
            let t = Timestamp::from_ymd(y, m, d).unwrap();
            assert_eq!(t.0, days * DAY_MS, "{ymd:?}");
            assert_eq!(t.ymd(), (y, m, d), "{days}");
        }
        assert_eq!(Timestamp(-1).to_iso_datetime(), "1969-12-31T23:59:59Z");
        assert_eq!(
            Timestamp(3_723_000).to_iso_datetime(),
            "1970-01-01T01:02:03Z"
        );
    }

    /// Every day from 1532 to 2407 (two 400-year cycles, each century's
    /// end and every leap day among them): the date of a day is the day of
    /// the date, and each day's date follows the one before it.
    #[test]
    fn every_day_of_eight_centuries_has_the_date_after_the_day_before() {
        let mut previous = Timestamp(-160_001 * DAY_MS).ymd();
        for days in -160_000..=160_000 {
            let t = Timestamp(days * DAY_MS);
            let (y, m, d) = t.ymd();
            assert_eq!(Timestamp::from_ymd(y, m, d), Some(t), "{y}-{m}-{d}");
            let (py, pm, pd) = previous;
            let follows = (y, m, d) == (py, pm, pd + 1)
                || (d == 1 && ((y, m) == (py, pm + 1) || (y, m, pm) == (py + 1, 1, 12)));
            assert!(follows, "{y}-{m}-{d} after {py}-{pm}-{pd}");
            previous = (y, m, d);
        }
    }

    #[test]
    fn round_trips_through_the_calendar() {
        for days in [-800_000, -1, 0, 1, 19_000, 2_000_000] {
            let t = Timestamp(days * DAY_MS);
            assert_eq!(Timestamp::parse_iso(&t.to_iso_date()), Some(t));
        }
    }
}
