//! The facts of an opening in the reader's language: where, what kind of
//! employment, what pay. Shared by the listing row and the detail view.

use openings_core::facets::Facet;
use openings_core::model::{EmploymentType, Location, Opening, Salary, SalaryPeriod, Workplace};

use crate::i18n::{self, Locale};

/// "Leiden, NL · Amsterdam, NL", "Remote", "Remote (USA)", "Hybrid · Leiden, NL".
pub fn location(locale: &Locale, opening: &Opening) -> String {
    let strings = locale.strings;
    let places: Vec<String> = opening
        .locations
        .iter()
        .map(|l| place(locale, l))
        .filter(|l| !l.is_empty())
        .collect();
    match opening.workplace {
        Workplace::Remote if opening.remote_regions.is_empty() => strings.remote.to_string(),
        Workplace::Remote => i18n::fill(
            strings.remote_in,
            &[("regions", &opening.remote_regions.join(", "))],
        ),
        Workplace::Hybrid => {
            let mut parts = vec![strings.hybrid.to_string()];
            parts.extend(places);
            parts.join(" · ")
        }
        Workplace::OnSite | Workplace::Unspecified => places.join(" · "),
    }
}

/// "Portsmouth, Hampshire, United Kingdom": a place, its country named in the reader's language.
pub fn place(locale: &Locale, location: &Location) -> String {
    let country = location.country.as_deref().map(|c| locale.format.region(c));
    [location.locality.clone(), location.region.clone(), country]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Full-time, Temporary".
pub fn employment(locale: &Locale, opening: &Opening) -> String {
    opening
        .employment_types
        .iter()
        .map(|t| employment_type(locale, t))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One employment type in words.
pub fn employment_type<'a>(locale: &Locale, kind: &'a EmploymentType) -> &'a str {
    let strings = locale.strings;
    match kind {
        EmploymentType::FullTime => strings.full_time,
        EmploymentType::PartTime => strings.part_time,
        EmploymentType::Contractor => strings.contractor,
        EmploymentType::Temporary => strings.temporary,
        EmploymentType::Intern => strings.intern,
        EmploymentType::Volunteer => strings.volunteer,
        EmploymentType::PerDiem => strings.per_diem,
        EmploymentType::Other(s) => s.as_str(),
    }
}

/// "US$70,000 a year", "€40,000–€50,000 a year", "from £20 an hour".
pub fn salary(locale: &Locale, salary: &Salary) -> String {
    let strings = locale.strings;
    let money = |n: f64| locale.format.money(n, salary.currency.as_deref());
    let amount = match (salary.min, salary.max) {
        (Some(min), Some(max)) => i18n::fill(
            strings.salary_range,
            &[("min", &money(min)), ("max", &money(max))],
        ),
        (Some(min), None) => money(min),
        (None, Some(max)) => i18n::fill(strings.salary_up_to, &[("max", &money(max))]),
        (None, None) => return String::new(),
    };
    let per = match salary.period {
        SalaryPeriod::Hour => strings.per_hour,
        SalaryPeriod::Day => strings.per_day,
        SalaryPeriod::Week => strings.per_week,
        SalaryPeriod::Month => strings.per_month,
        SalaryPeriod::Year => strings.per_year,
    };
    i18n::fill(per, &[("amount", &amount)])
}

/// A facet's name: "Organization", "Country"…
pub fn facet_name(locale: &Locale, facet: Facet) -> &'static str {
    let strings = locale.strings;
    match facet {
        Facet::Organization => strings.facet_organization,
        Facet::Country => strings.facet_country,
        Facet::Workplace => strings.facet_workplace,
        Facet::EmploymentType => strings.facet_type,
        Facet::Department => strings.facet_department,
        Facet::Tag => strings.facet_tag,
    }
}

/// A facet value in words: workplace and employment-type keys translated,
/// country codes named by `Intl.DisplayNames`, other values as the feed wrote them.
pub fn facet_value(locale: &Locale, facet: Facet, value: &str) -> String {
    let strings = locale.strings;
    match facet {
        Facet::Workplace => match value {
            "onsite" => strings.on_site.to_string(),
            "hybrid" => strings.hybrid.to_string(),
            "remote" => strings.remote.to_string(),
            other => other.to_string(),
        },
        Facet::EmploymentType => match EmploymentType::parse(value) {
            Some(kind) => employment_type(locale, &kind).to_string(),
            None => value.to_string(),
        },
        Facet::Country => locale.format.region(value),
        _ => value.to_string(),
    }
}

/// The pay of an opening in words, when the feed gives it.
pub fn pay(locale: &Locale, opening: &Opening) -> Option<String> {
    opening
        .salary
        .as_ref()
        .map(|s| salary(locale, s))
        .filter(|s| !s.is_empty())
}
