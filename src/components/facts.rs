//! The facts of an opening in the reader's language: where, what kind of
//! employment, what pay. Shared by the listing row and the detail view.

use openings_core::model::{EmploymentType, Opening, Salary, SalaryPeriod, Workplace};

use crate::i18n::Locale;

/// "Leiden, NL · Amsterdam, NL", "Remote", "Remote (USA)", "Hybrid · Leiden, NL".
pub fn location(locale: &Locale, opening: &Opening) -> String {
    let strings = locale.strings;
    let places: Vec<String> = opening
        .locations
        .iter()
        .map(|l| l.label())
        .filter(|l| !l.is_empty())
        .collect();
    match opening.workplace {
        Workplace::Remote if opening.remote_regions.is_empty() => strings.remote.to_string(),
        Workplace::Remote => Locale::fill(
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

/// "Full-time, Temporary".
pub fn employment(locale: &Locale, opening: &Opening) -> String {
    let strings = locale.strings;
    opening
        .employment_types
        .iter()
        .map(|t| match t {
            EmploymentType::FullTime => strings.full_time,
            EmploymentType::PartTime => strings.part_time,
            EmploymentType::Contractor => strings.contractor,
            EmploymentType::Temporary => strings.temporary,
            EmploymentType::Intern => strings.intern,
            EmploymentType::Volunteer => strings.volunteer,
            EmploymentType::PerDiem => strings.per_diem,
            EmploymentType::Other(s) => s.as_str(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// "US$70,000 a year", "€40,000–€50,000 a year", "from £20 an hour".
pub fn salary(locale: &Locale, salary: &Salary) -> String {
    let strings = locale.strings;
    let money = |n: f64| locale.format.money(n, salary.currency.as_deref());
    let amount = match (salary.min, salary.max) {
        (Some(min), Some(max)) => Locale::fill(
            strings.salary_range,
            &[("min", &money(min)), ("max", &money(max))],
        ),
        (Some(min), None) => money(min),
        (None, Some(max)) => Locale::fill(strings.salary_up_to, &[("max", &money(max))]),
        (None, None) => return String::new(),
    };
    let per = match salary.period {
        SalaryPeriod::Hour => strings.per_hour,
        SalaryPeriod::Day => strings.per_day,
        SalaryPeriod::Week => strings.per_week,
        SalaryPeriod::Month => strings.per_month,
        SalaryPeriod::Year => strings.per_year,
    };
    Locale::fill(per, &[("amount", &amount)])
}
