//! Dates as posts write them — in front matter (`2022-07-08`, `2018-10-12
//! 12:55:39 UTC+01:00`, `August 28, 2017`, epoch seconds) and in prose
//! ("open through January 16, 2024", "the closing date is the 4th
//! October") — and what a post says about closing: a closing date when it
//! gives exactly one, "applications are now closed" when it says so.
//! In English, and as institutions write dates and deadlines in French,
//! German, Spanish, Italian, Dutch and Portuguese ("Bewerbungsschluss ist
//! der 18.10.2026", "date limite : 30 novembre 2026").

use openings_core::dates::{Timestamp, DAY_MS};

/// A date found in prose; the year may be missing ("August 31").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProseDate {
    pub year: Option<i64>,
    pub month: u32,
    pub day: u32,
}

impl ProseDate {
    pub fn with_year(self, year: i64) -> Option<Timestamp> {
        Timestamp::from_ymd(year, self.month, self.day)
    }
}

/// The month a word names (see [`openings_core::dates::month_named`]).
fn month(word: &str) -> Option<u32> {
    openings_core::dates::month_named(word)
}

/// A day of the month (see [`openings_core::dates::day_of_month`]).
fn day(word: &str) -> Option<u32> {
    openings_core::dates::day_of_month(word)
}

fn year(word: &str) -> Option<i64> {
    let y: i64 = word.parse().ok()?;
    (word.len() == 4 && (1900..=2199).contains(&y)).then_some(y)
}

/// Every date in `text`, with the byte offset where it starts: "January
/// 16, 2024", "16 January 2024", "Thursday 18th February 2016", "the 4th
/// October", "2024-01-16", "31-Mar-2012", and in figures day first
/// ("18.10.2026", "30/11/2026": see [`openings_core::dates::parse_span`]);
/// a month's name in another language too ("15. März 2027", "30 de
/// noviembre de 2026").
pub fn dates_in(text: &str) -> Vec<(usize, ProseDate)> {
    // Words with their offsets; punctuation around them dropped.
    let words: Vec<(usize, &str)> = text
        .split_inclusive(|c: char| {
            c.is_whitespace() || c == ',' || c == '*' || c == '(' || c == ')'
        })
        .scan(0, |offset, piece| {
            let at = *offset;
            *offset += piece.len();
            Some((at, piece))
        })
        .map(|(at, piece)| {
            let trimmed = piece.trim_end_matches(|c: char| c.is_whitespace() || ",*()".contains(c));
            let lead = trimmed.len()
                - trimmed
                    .trim_start_matches(|c: char| "\"'“‘[".contains(c))
                    .len();
            let word = trimmed[lead..]
                .trim_end_matches(['.', ';', ':', '!', '?', '"', '\'', '”', '’', ']']);
            (at + lead, word)
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (at, w) = words[i];
        let next = |k: usize| words.get(i + k).map(|(_, w)| *w);
        // 2024-01-16, and day first: 18.10.2026, 30/11/2026, 18-10-2026.
        let figures = w.bytes().all(|b| b.is_ascii_digit() || b"./-".contains(&b));
        let in_figures = figures
            .then(|| openings_core::dates::parse_span(w))
            .flatten()
            .filter(|(t, end)| *end == t.end_of_day())
            .map(|(t, _)| t.ymd())
            .filter(|(y, _, _)| (1900..=2199).contains(y));
        // 31-Mar-2012.
        let in_words = || match w.split('-').collect::<Vec<_>>().as_slice() {
            [d, m, y] => Some((year(y)?, month(m)?, day(d)?)),
            _ => None,
        };
        if let Some((y, m, d)) = in_figures.or_else(in_words) {
            found.push((
                at,
                ProseDate {
                    year: Some(y),
                    month: m,
                    day: d,
                },
            ));
            i += 1;
            continue;
        }
        // Month D[, YYYY]
        if let (Some(m), Some(d)) = (month(w), next(1).and_then(day)) {
            let y = next(2).and_then(year);
            found.push((
                at,
                ProseDate {
                    year: y,
                    month: m,
                    day: d,
                },
            ));
            i += if y.is_some() { 3 } else { 2 };
            continue;
        }
        // D [of] Month [YYYY], D de Month [de YYYY]
        if let Some(d) = day(w) {
            let joins = |n: &str| {
                ["of", "de", "del"]
                    .iter()
                    .any(|j| n.eq_ignore_ascii_case(j))
            };
            let skip = usize::from(next(1).is_some_and(joins));
            if let Some(m) = next(1 + skip).and_then(month) {
                let skip = skip + usize::from(next(2 + skip).is_some_and(joins));
                let y = next(2 + skip).and_then(year);
                found.push((
                    at,
                    ProseDate {
                        year: y,
                        month: m,
                        day: d,
                    },
                ));
                i += 2 + skip + usize::from(y.is_some());
                continue;
            }
        }
        i += 1;
    }
    found
}

/// A date as front matter writes it: ISO 8601 (`2022-07-08`,
/// `2022-07-08T09:30:00+00:00`), Jekyll's `2018-10-12 12:55:39 -0500`,
/// with `UTC` or `UTC+01:00` after it, Hugo's `2021-06-09 10:37:52` (UTC),
/// or prose with a year (`August 28, 2017`).
pub fn parse_date(raw: &str) -> Option<Timestamp> {
    let raw = raw.trim().trim_matches(['"', '\'']);
    if let Some(t) = Timestamp::parse_iso(raw) {
        return Some(t);
    }
    if let Some((date, time)) = raw.split_at_checked(10) {
        if Timestamp::parse_iso(date).is_some() {
            let time = time.trim();
            // "UTC+01:00", "UTC", "GMT": the offset after the name, if any.
            let time = time
                .replacen(" UTC", "", 1)
                .replacen(" GMT", "", 1)
                .replacen("UTC", "", 1);
            let time: String = time.chars().filter(|c| !c.is_whitespace()).collect();
            if time.is_empty() {
                return Timestamp::parse_iso(date);
            }
            return Timestamp::parse_iso(&format!("{date}T{time}"));
        }
    }
    match dates_in(raw).as_slice() {
        [(_, d)] => d.year.and_then(|y| d.with_year(y)),
        _ => None,
    }
}

/// Whether a closing date's field says there is none: "Open until
/// filled", "Rolling", "TBD", "Ongoing".
pub fn no_closing_date(raw: &str) -> bool {
    let said = raw.trim().to_lowercase();
    let said = said.trim_end_matches(['.', '!']);
    [
        "open until filled",
        "open until the position is filled",
        "until filled",
        "until the position is filled",
        "rolling",
        "ongoing",
        "no deadline",
    ]
    .iter()
    .any(|words| said.starts_with(words))
        || ["open", "tbd", "tba", "to be determined", "none", "n/a", "-"].contains(&said)
}

/// A date in seconds (or milliseconds) since 1970, as some generators write
/// `created:`.
pub fn parse_epoch(raw: &str) -> Option<Timestamp> {
    let raw = raw.trim();
    if raw.is_empty() || !raw.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n: i64 = raw.parse().ok()?;
    match raw.len() {
        9 | 10 => Timestamp::from_ms(n.checked_mul(1000)?),
        12 | 13 => Timestamp::from_ms(n),
        _ => None,
    }
}

/// Words that, shortly before a date, make it the closing date: in English,
/// then as French, German, Spanish, Italian, Dutch and Portuguese posts say
/// it.
const CLOSING: [&str; 41] = [
    "deadline",
    "closing date",
    "closes",
    "close on",
    "close at",
    "closing on",
    "applications close",
    "apply by",
    "apply before",
    "open through",
    "open until",
    "no later than",
    "received by",
    "received before",
    "due by",
    "due on",
    "submitted by",
    "submit by",
    "applications by",
    "accepted until",
    "accepted through",
    "date limite",
    "date de clôture",
    "clôture des candidatures",
    "au plus tard le",
    "bewerbungsfrist",
    "bewerbungsschluss",
    "einsendeschluss",
    "bis spätestens",
    "spätestens am",
    "fecha límite",
    "fecha limite",
    "plazo de presentación",
    "plazo de solicitud",
    "scadenza",
    "entro e non oltre",
    "sluitingsdatum",
    "reageren kan tot",
    "solliciteren kan tot",
    "data limite",
    "prazo de candidatura",
];

/// What a post says about its closing date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Closing {
    /// No closing date in the text.
    None,
    /// One closing date; with a note when its year had to be inferred.
    On(Timestamp, Option<String>),
    /// Several different closing dates (two jobs in one post, or a post
    /// that contradicts itself): none is taken.
    Several(Vec<String>),
}

/// The closing date the text `plain` (lower case, one line: see
/// `facts::plain_words`) gives, when it gives exactly one; a date without
/// a year is the first such date after `posted`, when that is within 200
/// days of it.
pub fn closing_date(plain: &str, posted: Option<Timestamp>) -> Closing {
    let dates = dates_in(plain);
    let mut found: Vec<(Timestamp, Option<String>)> = Vec::new();
    // "by" and "before" close only in a sentence about applying: "reply
    // with resume and cover letter by January 9, 2019".
    let about_applying = |at: usize| {
        let start = plain[..at].rfind(". ").map_or(0, |i| i + 2);
        let before = &plain[start..at];
        [
            "appl",
            "submit",
            "resume",
            "cv",
            "cover letter",
            "send",
            "reply",
            "bewerb",
            "candidature",
            "candidatura",
            "postul",
            "solicit",
            "sollicit",
            "reageer",
            "reageren",
            "domand",
            "envoyer",
            "envoyez",
            "einreich",
            "einsend",
            "invia",
        ]
        .iter()
        .any(|w| before.contains(w))
    };
    // The same in other languages: "Bewerbungen bis zum 18.10.2026", "les
    // candidatures jusqu'au 30 novembre", not "befristet bis zum
    // 31.12.2027" (the contract's end).
    let conditional = [
        " by ",
        " before ",
        " bis zum ",
        " bis ",
        " jusqu'au ",
        " jusqu’au ",
        " avant le ",
        " hasta el ",
        " antes del ",
        " entro il ",
        " uiterlijk ",
        " vóór ",
        " até ",
    ]
    .into_iter()
    .flat_map(|t| plain.match_indices(t).map(move |(at, _)| (at, t)))
    .filter(|&(at, _)| about_applying(at));
    // Whole words only: not "date limite" in "mandate limited", nor
    // "closes" in "encloses".
    let whole = |at: usize, trigger: &str| {
        let before = plain[..at].chars().next_back();
        let after = plain[at + trigger.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    };
    let triggers = CLOSING
        .into_iter()
        .flat_map(|t| plain.match_indices(t).map(move |(at, _)| (at, t)))
        .filter(|&(at, t)| whole(at, t))
        .chain(conditional);
    for (at, trigger) in triggers {
        {
            let from = at + trigger.len();
            // The first date that starts soon after, in the same sentence.
            let Some((start, date)) = dates.iter().find(|(d, _)| *d >= from && *d - from <= 60)
            else {
                continue;
            };
            if plain[from..*start].contains(". ") {
                continue;
            }
            let read = match date.year {
                Some(y) => date.with_year(y).map(|t| (t, None)),
                None => posted.and_then(|posted| {
                    let (y, _, _) = posted.ymd();
                    let this = date.with_year(y)?;
                    let when = if this < posted { date.with_year(y + 1)? } else { this };
                    (when.millis_since(posted) <= 200 * DAY_MS).then(|| {
                        (
                            when,
                            Some(format!(
                                "the closing date \"{}\" has no year: read as {}; give valid_through: to be sure",
                                plain[*start..].chars().take(20).collect::<String>().trim_end(),
                                when.to_iso_date()
                            )),
                        )
                    })
                }),
            };
            if let Some(read) = read {
                if !found.iter().any(|(t, _)| *t == read.0) {
                    found.push(read);
                }
            }
        }
    }
    match found.len() {
        0 => Closing::None,
        1 => {
            let (t, note) = found.remove(0);
            Closing::On(t, note)
        }
        _ => {
            found.sort_by_key(|(t, _)| *t);
            Closing::Several(found.iter().map(|(t, _)| t.to_iso_date()).collect())
        }
    }
}

/// What posts say once applications have closed.
const CLOSED: [&str; 12] = [
    "applications are now closed",
    "applications are closed",
    "applications have closed",
    "applications closed",
    "application period has closed",
    "no longer accepting applications",
    "not accepting applications",
    "position has been filled",
    "position is now filled",
    "this position is filled",
    "vacancy has been filled",
    "this vacancy is closed",
];

/// The words of `plain` (lower case) that say applications are closed, if
/// it says so.
pub fn closed_statement(plain: &str) -> Option<&'static str> {
    CLOSED.into_iter().find(|phrase| plain.contains(phrase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day_of(iso: &str) -> Timestamp {
        Timestamp::parse_iso(iso).unwrap()
    }

    #[test]
    fn front_matter_dates_in_every_form_sites_write() {
        for (raw, iso) in [
            ("2022-07-08", "2022-07-08"),
            ("2018-10-12 12:55:39 UTC+01:00", "2018-10-12T11:55:39Z"),
            ("2019-09-10 10:00:00 UTC", "2019-09-10T10:00:00Z"),
            ("2031-03-01 09:00:00 -0500", "2031-03-01T14:00:00Z"),
            ("2021-06-09 10:37:52", "2021-06-09T10:37:52Z"),
            ("2024-05-01T10:00:00+00:00", "2024-05-01T10:00:00Z"),
            ("'2016-03-10'", "2016-03-10"),
            ("August 28, 2017", "2017-08-28"),
            ("December 18, 2020", "2020-12-18"),
            ("22 August 2024", "2024-08-22"),
            ("31-Mar-2012", "2012-03-31"),
            ("18.10.2026", "2026-10-18"),
            ("18. Oktober 2026", "2026-10-18"),
            ("18 octobre 2026", "2026-10-18"),
        ] {
            assert_eq!(parse_date(raw), Timestamp::parse_iso(iso), "{raw}");
        }
        for bad in [
            "someday",
            "August 2017",
            "2022-13-01",
            "Not accepting applications",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert_eq!(
            parse_epoch("1657238400"),
            Timestamp::parse_iso("2022-07-08")
        );
        assert_eq!(
            parse_epoch("1657238400000"),
            Timestamp::parse_iso("2022-07-08")
        );
        assert_eq!(parse_epoch("2022"), None);
    }

    #[test]
    fn one_closing_date_in_prose_is_the_closing_date() {
        let posted = Some(day_of("2023-12-04"));
        for (text, iso) in [
            ("this posting will be open through january 16, 2024. thanks.", "2024-01-16"),
            ("deadline: 31 march 2024", "2024-03-31"),
            ("note that the closing date is thursday 18th february 2024 at 5pm gmt.", "2024-02-18"),
            ("for full consideration, apply by: july 20, 2024", "2024-07-20"),
            ("deadline to apply: 13 january 2024 (skype) interviews: 26 january 2024", "2024-01-13"),
            ("extended application receipt deadline: february 12, 2024. applications received by no later than february 12, 2024 will be considered.", "2024-02-12"),
            ("reply with resume, cover letter and three references via email by january 9, 2024 to:", "2024-01-09"),
        ] {
            assert_eq!(closing_date(text, posted), Closing::On(day_of(iso), None), "{text}");
        }
    }

    /// Closing dates as institutions write them in their own languages,
    /// as seen in public job posts and CMS templates ("Bewerbungsschluss
    /// ist der 18.10.2026", "Date limite : 30 novembre 2026", `d.m.Y`,
    /// `%d/%m/%Y`): none was read.
    #[test]
    fn a_closing_date_in_other_languages_is_the_closing_date() {
        let posted = Some(day_of("2026-09-01"));
        for (text, iso) in [
            ("bewerbungsschluss ist der 18.10.2026.", "2026-10-18"),
            ("bewerbungsfrist: 18.10.2026", "2026-10-18"),
            (
                "bitte senden sie ihre bewerbung bis zum 15. oktober 2026 an",
                "2026-10-15",
            ),
            (
                "ihre bewerbungsunterlagen erbitten wir bis spätestens 15.10.2026.",
                "2026-10-15",
            ),
            ("date limite : 30 novembre 2026", "2026-11-30"),
            ("date limite de candidature : 30/11/2026", "2026-11-30"),
            (
                "les candidatures sont à envoyer jusqu'au 1er octobre 2026.",
                "2026-10-01",
            ),
            ("fecha límite: 15 de octubre de 2026", "2026-10-15"),
            ("fecha límite: 15 de octubre 2026", "2026-10-15"),
            ("deadline: the 15th of october 2026", "2026-10-15"),
            (
                "envía tu candidatura antes del 15 de octubre de 2026.",
                "2026-10-15",
            ),
            ("scadenza: 15 ottobre 2026", "2026-10-15"),
            ("inviare la domanda entro il 15/10/2026.", "2026-10-15"),
            ("sluitingsdatum: 15 oktober 2026", "2026-10-15"),
            ("solliciteren kan tot 15-10-2026.", "2026-10-15"),
            ("data limite: 15 de outubro de 2026", "2026-10-15"),
        ] {
            assert_eq!(
                closing_date(text, posted),
                Closing::On(day_of(iso), None),
                "{text}"
            );
        }
        // The contract's end is no closing date, nor is a date that could
        // be read month first.
        for text in [
            "die stelle ist befristet bis zum 31.12.2027.",
            "le contrat court jusqu'au 31 décembre 2027.",
            "bewerbungsschluss: 05/11/2026",
            "bewerbungsschluss: 2026-10",
            "deadline: 15.10.1850",
            "applications no later than 03-04-2027.",
            // English words that hold the new ones.
            "the successful candidate will take up the post by 1 january 2027.",
            "candidates must hold a phd awarded before 1 march 2026.",
            "this is a fixed-term mandate limited to 31 december 2028.",
            "the project is data limited until 30 june 2027.",
        ] {
            assert_eq!(closing_date(text, posted), Closing::None, "{text}");
        }
    }

    /// A date without a year followed by accented text: the note quoting
    /// it cut a letter in two, and the tool stopped (a panic).
    #[test]
    fn a_note_quoting_a_date_never_cuts_a_letter() {
        let posted = Some(day_of("2026-09-01"));
        let Closing::On(t, Some(note)) =
            closing_date("date limite : 30 novembre, 12 h, à paris", posted)
        else {
            panic!("no closing date")
        };
        assert_eq!(t, day_of("2026-11-30"));
        assert!(note.contains("\"30 novembre, 12 h, à\""), "{note}");
    }

    #[test]
    fn a_closing_date_without_a_year_is_the_next_one_after_posting() {
        let posted = Some(day_of("2019-09-10"));
        let Closing::On(t, Some(note)) =
            closing_date("the closing date is the 4th october.", posted)
        else {
            panic!()
        };
        assert_eq!(t, day_of("2019-10-04"));
        assert!(note.contains("has no year: read as 2019-10-04"), "{note}");
        // Too far from the posting date to be sure: nothing.
        assert_eq!(
            closing_date("deadline: 1 august", Some(day_of("2019-09-10"))),
            Closing::None
        );
        assert_eq!(closing_date("deadline: 1 august", None), Closing::None);
    }

    #[test]
    fn no_or_several_closing_dates_give_none() {
        let posted = Some(day_of("2020-02-04"));
        assert_eq!(
            closing_date("the posting will be open until filled.", posted),
            Closing::None
        );
        assert_eq!(
            closing_date(
                "review of applications will begin on december 14, 2020.",
                posted
            ),
            Closing::None
        );
        assert_eq!(
            closing_date(
                "first job closes: 14th february 2020 £31,866 second job closes: 4th march 2020",
                posted
            ),
            Closing::Several(vec!["2020-02-14".into(), "2020-03-04".into()])
        );
        assert_eq!(
            closing_date(
                "start date: 1 may 2020. interviews on 2 march 2020.",
                posted
            ),
            Closing::None
        );
        assert_eq!(
            closing_date("the project ends by 1 may 2020.", posted),
            Closing::None,
            "not about applying"
        );
    }

    #[test]
    fn closed_posts_say_so() {
        assert_eq!(
            closed_statement(
                "to apply … [note: applications are now closed and we have removed the link"
            ),
            Some("applications are now closed")
        );
        assert_eq!(
            closed_statement("informal questions welcome. applications closed."),
            Some("applications closed")
        );
        assert_eq!(
            closed_statement("all applications will be considered. apply now."),
            None
        );
    }
}
