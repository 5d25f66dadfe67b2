//! The facts a post states in its own words: "a full-time, remote
//! position", "the minimum salary for this position is USD$70000", and the
//! written forms of places and amounts in front-matter values.

use openings_core::model::{EmploymentType, Location, Salary, SalaryPeriod, Workplace};

/// The body as lower-case words, markup dropped, for finding stated facts.
pub fn plain_words(body: &str) -> String {
    openings_core::text::html_to_text(body)
        .to_lowercase()
        .replace(['*', '_', '`', '#'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// "full-time" or "part-time", when the post says one and not the other.
pub fn employment_stated(text: &str) -> Option<EmploymentType> {
    let full = ["full-time", "full time", "fulltime"]
        .iter()
        .any(|p| text.contains(p));
    let part = ["part-time", "part time", "parttime"]
        .iter()
        .any(|p| text.contains(p));
    match (full, part) {
        (true, false) => Some(EmploymentType::FullTime),
        (false, true) => Some(EmploymentType::PartTime),
        _ => None,
    }
}

/// Remote or hybrid, when the post says so plainly and never says otherwise.
pub fn workplace_stated(text: &str) -> Option<Workplace> {
    const REMOTE: [&str; 10] = [
        "remote position",
        "remote role",
        "remote job",
        "fully remote",
        "100% remote",
        "remote-first",
        "work remotely",
        "working remotely",
        "position is remote",
        "role is remote",
    ];
    const NOT_REMOTE: [&str; 5] = [
        "not a remote",
        "not remote",
        "non-remote",
        "no remote",
        "not fully remote",
    ];
    const HYBRID: [&str; 3] = ["hybrid position", "hybrid role", "hybrid work"];
    let remote = REMOTE.iter().any(|p| text.contains(p));
    let hybrid = HYBRID.iter().any(|p| text.contains(p));
    if NOT_REMOTE.iter().any(|p| text.contains(p)) {
        return None;
    }
    match (remote, hybrid) {
        (true, false) => Some(Workplace::Remote),
        (false, true) => Some(Workplace::Hybrid),
        _ => None,
    }
}

/// The salary of the first sentence that speaks of salary, pay or
/// compensation and gives amounts with a currency: "The minimum salary for
/// this position is USD$70000" → at least 70000 USD a year.
pub fn salary_stated(text: &str) -> Option<Salary> {
    text.split_inclusive(['.', ';', '\n'])
        .fold(Vec::<String>::new(), |mut sentences, piece| {
            // Rejoin "70,000.00" and "U.S." split on their dots.
            match sentences.last_mut() {
                Some(last)
                    if last.ends_with('.')
                        && piece.starts_with(|c: char| c.is_ascii_alphanumeric()) =>
                {
                    last.push_str(piece)
                }
                _ => sentences.push(piece.to_string()),
            }
            sentences
        })
        .iter()
        .filter(|s| {
            [
                "salary",
                "pay ",
                "compensation",
                "wage",
                "salaris",
                "gehalt",
                "salaire",
                "salario",
            ]
            .iter()
            .any(|w| s.contains(w))
        })
        .find_map(|s| salary_in_sentence(s))
}

fn salary_in_sentence(s: &str) -> Option<Salary> {
    let amounts = money_in(s);
    let (min, max) = match amounts.as_slice() {
        [] => return None,
        [(one, _)] => {
            if ["maximum", "up to", "at most"]
                .iter()
                .any(|w| s.contains(w))
            {
                (None, Some(*one))
            } else {
                (Some(*one), None)
            }
        }
        [(a, _), (b, _), ..] => (Some(a.min(*b)), Some(a.max(*b))),
    };
    let currency = amounts.iter().find_map(|(_, c)| c.clone());
    let period = if ["per hour", "an hour", "/hour", "/hr", "hourly"]
        .iter()
        .any(|w| s.contains(w))
    {
        SalaryPeriod::Hour
    } else if [
        "per month",
        "a month",
        "/month",
        "monthly",
        "p/m",
        "per maand",
        "pro monat",
        "par mois",
    ]
    .iter()
    .any(|w| s.contains(w))
    {
        SalaryPeriod::Month
    } else if ["per week", "a week", "/week", "weekly"]
        .iter()
        .any(|w| s.contains(w))
    {
        SalaryPeriod::Week
    } else if ["per day", "a day", "/day", "daily"]
        .iter()
        .any(|w| s.contains(w))
    {
        SalaryPeriod::Day
    } else {
        SalaryPeriod::Year
    };
    Some(Salary {
        min,
        max,
        currency,
        period,
    })
}

/// Amounts written with a currency next to them ("usd$70000", "€45,000",
/// "70,000 usd", "£30k"), with the ISO code when it is unambiguous ("$" alone
/// is not: it may be US, Canadian, Australian…).
fn money_in(s: &str) -> Vec<(f64, Option<String>)> {
    use openings_core::text::CURRENCY_CODES as CODES;
    let mut found = Vec::new();
    for written in openings_core::text::amounts(s) {
        let (amount, start, i) = (written.value, written.start, written.end);
        let before = s[..start].trim_end();
        let before_tail: String = before
            .chars()
            .rev()
            .take(4)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let after = s[i..].trim_start();
        let symbol_code = |tail: &str| -> Option<Option<String>> {
            if tail.ends_with('€') {
                return Some(Some("EUR".into()));
            }
            if tail.ends_with('£') {
                return Some(Some("GBP".into()));
            }
            let letters = tail.trim_end_matches('$').trim_end();
            let code = CODES
                .iter()
                .find(|c| letters.ends_with(*c))
                .map(|c| c.to_ascii_uppercase());
            if code.is_some() {
                return Some(code);
            }
            if letters.ends_with("us") && tail.ends_with('$') {
                return Some(Some("USD".into()));
            }
            tail.ends_with('$').then_some(None)
        };
        let currency = symbol_code(&before_tail).or_else(|| {
            CODES
                .iter()
                .find(|c| {
                    after.starts_with(*c)
                        && !after[c.len()..].starts_with(|ch: char| ch.is_alphabetic())
                })
                .map(|c| Some(c.to_ascii_uppercase()))
        });
        if let Some(currency) = currency {
            found.push((amount, currency));
        }
    }
    found
}

/// Whether a place is a way of working, not a place: "Remote", "Virtual
/// (100% remote)", "Anywhere", "Remote - US" (not "Remote Sensing Centre",
/// "Virtual Reality Lab", "Anywhereville").
pub fn is_remote_place(place: &str) -> bool {
    let place = place.trim().to_lowercase();
    [
        "remote",
        "virtual",
        "anywhere",
        "telework",
        "work from home",
    ]
    .iter()
    .any(|word| {
        place.strip_prefix(word).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.is_empty() || rest.starts_with(['(', '-', '–', ',', ':', '/'])
        })
    })
}

/// The states of the United States (and its capital), by name: "Miami,
/// Florida" is in the US, not in a country "Florida".
const US_STATES: [&str; 51] = [
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "District of Columbia",
    "Florida",
    "Georgia",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Washington",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
];

/// Whether `part` names a state of the US: by name ("Florida"), not by a
/// postal code that is also a country's ("CA" is Canada, "DE" Germany),
/// except "DC". Georgia by name is a country as well.
fn us_state(part: &str) -> bool {
    let code: String = part.chars().filter(|c| *c != '.').collect();
    code == "DC"
        || US_STATES
            .iter()
            .any(|name| name.eq_ignore_ascii_case(part) && *name != "Georgia")
}

/// "Leiden, South Holland, NL" → locality, region, country; "Miami,
/// Florida" and "Washington, DC" → a state of the US.
pub fn location_from_line(line: &str) -> Location {
    let parts: Vec<String> = line
        .split(',')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let mut parts = parts.into_iter();
    match parts.len() {
        0 => Location::default(),
        1 => Location {
            locality: parts.next(),
            ..Location::default()
        },
        2 => {
            let locality = parts.next();
            match parts.next() {
                Some(state) if us_state(&state) => Location {
                    locality,
                    region: Some(state),
                    country: Some("US".into()),
                },
                country => Location {
                    locality,
                    region: None,
                    country,
                },
            }
        }
        _ => {
            let locality = parts.next();
            let mut rest: Vec<String> = parts.collect();
            let country = rest.pop();
            Location {
                locality,
                region: Some(rest.join(", ")),
                country,
            }
        }
    }
}

/// "70000", "70,000", "70k", "70000.50".
pub fn parse_amount(raw: &str) -> Option<f64> {
    let raw = raw.trim();
    let (digits, times) = match raw.strip_suffix(['k', 'K']) {
        Some(d) => (d, 1000.0),
        None => (raw, 1.0),
    };
    let digits: String = digits.chars().filter(|c| *c != ',' && *c != '_').collect();
    let n: f64 = digits.parse().ok()?;
    (n.is_finite() && n >= 0.0).then_some(n * times)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ambiguous_phrases_state_nothing() {
        assert_eq!(employment_stated("full-time or part-time"), None);
        assert_eq!(workplace_stated("this is not a remote position"), None);
        assert_eq!(salary_stated("we pay well. the team has 3 people."), None);
        let range = salary_stated("the salary range is €45.000 – €52.000 per year.").unwrap();
        assert_eq!((range.min, range.max), (Some(45_000.0), Some(52_000.0)));
        assert_eq!(range.currency.as_deref(), Some("EUR"));
        let hourly = salary_stated("pay is up to $31.50 per hour.").unwrap();
        assert_eq!((hourly.min, hourly.max), (None, Some(31.5)));
        assert_eq!(hourly.currency, None, "a bare $ names no country");
        assert_eq!(hourly.period, SalaryPeriod::Hour);
    }
}
