//! The opening model: one job opening, whatever feed format it came from.
//!
//! Every format adapter in [`crate::feeds`] maps its input onto [`Opening`];
//! everything downstream (search, facets, the widget, the command-line tool)
//! reads only this model.

use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;

/// One job opening.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Opening {
    /// A stable identifier: the feed's own id when it has one, else the apply link.
    pub id: String,
    pub title: String,
    pub organization: Organization,
    /// Where the work is done; may be empty for remote openings.
    pub locations: Vec<Location>,
    pub workplace: Workplace,
    /// Where a remote applicant must live ("USA", "European Union"…), when stated.
    pub remote_regions: Vec<String>,
    pub employment_types: Vec<EmploymentType>,
    /// Department, team or category, when the feed has one.
    pub department: Option<String>,
    pub tags: Vec<String>,
    pub salary: Option<Salary>,
    pub date_posted: Option<Timestamp>,
    /// The posting closes after this instant; it is not shown once past.
    pub valid_through: Option<Timestamp>,
    pub description: Description,
    /// Where the Apply button leads: an http, https or mailto URL (see [`crate::links`]).
    pub apply_url: String,
    /// The posting's own page, when it differs from the apply link.
    pub url: Option<String>,
    pub contact: Option<Contact>,
    /// The feed URL (or file) this opening came from.
    pub source: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    pub name: String,
    pub url: Option<String>,
    pub logo: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    pub locality: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
}

impl Location {
    /// "Leiden, South Holland, NL": the parts that are present, in order.
    pub fn label(&self) -> String {
        [&self.locality, &self.region, &self.country]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn is_empty(&self) -> bool {
        self.label().is_empty()
    }
}

/// Where the work happens.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Workplace {
    #[default]
    Unspecified,
    OnSite,
    Hybrid,
    Remote,
}

impl Workplace {
    /// The stable key used in URLs and facet values.
    pub fn key(self) -> &'static str {
        match self {
            Workplace::Unspecified => "unspecified",
            Workplace::OnSite => "onsite",
            Workplace::Hybrid => "hybrid",
            Workplace::Remote => "remote",
        }
    }
}

/// schema.org's employment types, plus whatever else a feed says.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EmploymentType {
    FullTime,
    PartTime,
    Contractor,
    Temporary,
    Intern,
    Volunteer,
    PerDiem,
    Other(String),
}

impl EmploymentType {
    /// Reads schema.org's values (`FULL_TIME`) and the usual spellings of
    /// other systems ("Full-time", "full time", "FullTime", "Contract").
    pub fn parse(raw: &str) -> Option<EmploymentType> {
        let key: String = raw
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if key.is_empty() {
            return None;
        }
        Some(match key.as_str() {
            "fulltime" | "permanent" | "regular" => EmploymentType::FullTime,
            "parttime" => EmploymentType::PartTime,
            "contractor" | "contract" | "freelance" => EmploymentType::Contractor,
            "temporary" | "temp" | "fixedterm" => EmploymentType::Temporary,
            "intern" | "internship" => EmploymentType::Intern,
            "volunteer" => EmploymentType::Volunteer,
            "perdiem" => EmploymentType::PerDiem,
            // "Regular Full Time (Salary)", "Full-time permanent": the
            // words that say it, among others.
            _ if key.contains("fulltime") => EmploymentType::FullTime,
            _ if key.contains("parttime") => EmploymentType::PartTime,
            _ => EmploymentType::Other(raw.trim().to_string()),
        })
    }

    /// The schema.org value, or the feed's own words for other types.
    pub fn key(&self) -> &str {
        match self {
            EmploymentType::FullTime => "FULL_TIME",
            EmploymentType::PartTime => "PART_TIME",
            EmploymentType::Contractor => "CONTRACTOR",
            EmploymentType::Temporary => "TEMPORARY",
            EmploymentType::Intern => "INTERN",
            EmploymentType::Volunteer => "VOLUNTEER",
            EmploymentType::PerDiem => "PER_DIEM",
            EmploymentType::Other(s) => s,
        }
    }
}

/// Pay, as a range or a single value, per period.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Salary {
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// ISO 4217 code, upper case ("USD").
    pub currency: Option<String>,
    pub period: SalaryPeriod,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SalaryPeriod {
    Hour,
    Day,
    Week,
    Month,
    #[default]
    Year,
}

impl SalaryPeriod {
    /// Reads schema.org's `unitText` (HOUR, DAY, WEEK, MONTH, YEAR) and common
    /// variants, in English and in the languages of the consortium's members
    /// (Dutch, German, French, Spanish: "maand", "Monat", "mois", "mes").
    pub fn parse(raw: &str) -> Option<SalaryPeriod> {
        let key = raw.trim().to_ascii_lowercase();
        Some(
            match key.trim_start_matches("per ").trim_end_matches("ly") {
                "hour" | "hourly" | "h" | "hr" | "uur" | "stunde" | "heure" | "hora" => {
                    SalaryPeriod::Hour
                }
                "day" | "dai" | "d" | "dag" | "tag" | "jour" | "dia" | "día" => SalaryPeriod::Day,
                "week" | "w" | "wk" | "woche" | "semaine" | "semana" => SalaryPeriod::Week,
                "month" | "m" | "mo" | "maand" | "monat" | "monatlich" | "mois" | "mes" => {
                    SalaryPeriod::Month
                }
                "year" | "annual" | "annually" | "y" | "yr" | "annum" | "jaar" | "jahr"
                | "jährlich" | "an" | "année" | "año" | "ano" => SalaryPeriod::Year,
                _ => return None,
            },
        )
    }

    /// A unit as schema.org writes it: text ([`SalaryPeriod::parse`]) or a
    /// UN/CEFACT code (`HUR`, `DAY`, `WEE`, `MON`, `ANN`).
    pub fn parse_unit(raw: &str) -> Option<SalaryPeriod> {
        match raw.trim().to_ascii_uppercase().as_str() {
            "HUR" => Some(SalaryPeriod::Hour),
            "WEE" => Some(SalaryPeriod::Week),
            "MON" => Some(SalaryPeriod::Month),
            "ANN" => Some(SalaryPeriod::Year),
            _ => SalaryPeriod::parse(raw),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            SalaryPeriod::Hour => "HOUR",
            SalaryPeriod::Day => "DAY",
            SalaryPeriod::Week => "WEEK",
            SalaryPeriod::Month => "MONTH",
            SalaryPeriod::Year => "YEAR",
        }
    }
}

/// The description as the feed gave it. It is always untrusted: the widget
/// renders it only through its allow-list (see [`crate::rich_text`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Description {
    #[default]
    None,
    Html(String),
    /// Plain text: paragraphs at blank lines, line breaks at newlines.
    Text(String),
}

impl Description {
    pub fn is_empty(&self) -> bool {
        match self {
            Description::None => true,
            Description::Html(s) | Description::Text(s) => s.trim().is_empty(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub name: Option<String>,
    pub email: Option<String>,
    pub url: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::SalaryPeriod::{self, *};

    #[test]
    fn a_period_as_schema_org_units_and_words_write_it() {
        for (unit, period) in [
            ("HUR", Hour),
            ("DAY", Day),
            ("WEE", Week),
            ("MON", Month),
            ("ANN", Year),
            (" mon ", Month),
            ("HOUR", Hour),
            ("per month", Month),
            ("Monat", Month),
            ("maand", Month),
            ("mois", Month),
            ("Jahr", Year),
            ("jaar", Year),
            ("Stunde", Hour),
            ("uur", Hour),
            ("semaine", Week),
            ("jour", Day),
        ] {
            assert_eq!(SalaryPeriod::parse_unit(unit), Some(period), "{unit}");
        }
        assert_eq!(SalaryPeriod::parse_unit("XYZ"), None);
        assert_eq!(
            SalaryPeriod::parse("MON"),
            None,
            "a code is a unit's, not a word"
        );
    }
}
