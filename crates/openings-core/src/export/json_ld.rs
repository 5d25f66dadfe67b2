//! Openings as schema.org `JobPosting` JSON-LD: one posting per opening, and
//! a whole feed as an `ItemList` of them. What this writes,
//! [`crate::feeds::schema_org`] reads back into the same openings (except
//! their `source`, which is wherever the feed is read from next).

use serde_json::{json, Map, Value};

use super::{iso, iso_closing};
use crate::model::{Description, Opening, Salary, Workplace};
use crate::rich_text;

/// The `JobPosting` for one opening, without `@context` (see [`posting`] for
/// a standalone document).
pub fn job_posting(o: &Opening) -> Value {
    let mut p = Map::new();
    p.insert("@type".into(), json!("JobPosting"));
    p.insert("title".into(), json!(o.title));
    p.insert(
        "identifier".into(),
        json!({
            "@type": "PropertyValue",
            "name": o.organization.name,
            "value": o.id,
        }),
    );
    let mut org = Map::new();
    org.insert("@type".into(), json!("Organization"));
    org.insert("name".into(), json!(o.organization.name));
    if let Some(url) = &o.organization.url {
        org.insert("sameAs".into(), json!(url));
    }
    if let Some(logo) = &o.organization.logo {
        org.insert("logo".into(), json!(logo));
    }
    p.insert("hiringOrganization".into(), Value::Object(org));

    if let Some(posted) = o.date_posted {
        p.insert("datePosted".into(), json!(iso(posted)));
    }
    if let Some(closes) = o.valid_through {
        p.insert("validThrough".into(), json!(iso_closing(closes)));
    }
    if !o.description.is_empty() {
        p.insert(
            "description".into(),
            json!(description_html(&o.description)),
        );
    }
    match o.employment_types.as_slice() {
        [] => {}
        [one] => {
            p.insert("employmentType".into(), json!(one.key()));
        }
        many => {
            let keys: Vec<&str> = many.iter().map(|t| t.key()).collect();
            p.insert("employmentType".into(), json!(keys));
        }
    }
    if !o.locations.is_empty() {
        let places: Vec<Value> = o
            .locations
            .iter()
            .map(|l| {
                let mut address = Map::new();
                address.insert("@type".into(), json!("PostalAddress"));
                for (key, part) in [
                    ("addressLocality", &l.locality),
                    ("addressRegion", &l.region),
                    ("addressCountry", &l.country),
                ] {
                    if let Some(part) = part {
                        address.insert(key.into(), json!(part));
                    }
                }
                json!({"@type": "Place", "address": address})
            })
            .collect();
        p.insert("jobLocation".into(), json!(places));
    }
    if matches!(o.workplace, Workplace::Remote | Workplace::Hybrid) {
        p.insert("jobLocationType".into(), json!("TELECOMMUTE"));
    }
    if !o.remote_regions.is_empty() {
        let regions: Vec<Value> = o
            .remote_regions
            .iter()
            .map(|r| json!({"@type": "AdministrativeArea", "name": r}))
            .collect();
        p.insert("applicantLocationRequirements".into(), json!(regions));
    }
    if let Some(department) = &o.department {
        p.insert("occupationalCategory".into(), json!(department));
    }
    if !o.tags.is_empty() {
        p.insert("keywords".into(), json!(o.tags));
    }
    if let Some(salary) = &o.salary {
        if let Some(amount) = base_salary(salary) {
            p.insert("baseSalary".into(), amount);
        }
    }
    p.insert(
        "url".into(),
        json!(o.url.as_deref().unwrap_or(o.apply_url.as_str())),
    );
    p.insert(
        "potentialAction".into(),
        json!({
            "@type": "ApplyAction",
            "target": {"@type": "EntryPoint", "urlTemplate": o.apply_url},
        }),
    );
    if let Some(contact) = &o.contact {
        let mut point = Map::new();
        point.insert("@type".into(), json!("ContactPoint"));
        for (key, part) in [
            ("name", &contact.name),
            ("email", &contact.email),
            ("url", &contact.url),
        ] {
            if let Some(part) = part {
                point.insert(key.into(), json!(part));
            }
        }
        p.insert("applicationContact".into(), Value::Object(point));
    }
    Value::Object(p)
}

/// One opening as a standalone JSON-LD document (with `@context`), as a
/// page about that one opening embeds it.
/// A JSON-LD document as a `<script type="application/ld+json">` element
/// for a static page: every `<`, `>` and `&` in it written as a `\u`
/// escape, so that no text of the feed (a description holding
/// `</script>`) can end the element early; the document reads the same.
pub fn script_element(doc: &Value) -> String {
    let json = super::json_text(doc);
    let mut safe = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => safe.push_str("\\u003c"),
            '>' => safe.push_str("\\u003e"),
            '&' => safe.push_str("\\u0026"),
            c => safe.push(c),
        }
    }
    format!("<script type=\"application/ld+json\">\n{safe}\n</script>\n")
}

pub fn posting(o: &Opening) -> Value {
    let mut p = job_posting(o);
    if let Value::Object(map) = &mut p {
        map.insert("@context".into(), json!("https://schema.org"));
    }
    p
}

/// A whole feed: an `ItemList` of `ListItem`s, each holding a `JobPosting`.
pub fn item_list(name: Option<&str>, openings: &[Opening]) -> Value {
    let items: Vec<Value> = openings
        .iter()
        .enumerate()
        .map(|(i, o)| json!({"@type": "ListItem", "position": i + 1, "item": job_posting(o)}))
        .collect();
    let mut list = Map::new();
    list.insert("@context".into(), json!("https://schema.org"));
    list.insert("@type".into(), json!("ItemList"));
    if let Some(name) = name {
        list.insert("name".into(), json!(name));
    }
    list.insert("numberOfItems".into(), json!(openings.len()));
    list.insert("itemListElement".into(), json!(items));
    Value::Object(list)
}

/// The description as HTML, through the one sanitizing path
/// ([`crate::rich_text`]): what a feed writes is as safe as what the board shows.
fn description_html(d: &Description) -> String {
    rich_text::to_html(&rich_text::from_description(d))
}

fn base_salary(s: &Salary) -> Option<Value> {
    if s.min.is_none() && s.max.is_none() {
        return None;
    }
    let mut value = Map::new();
    value.insert("@type".into(), json!("QuantitativeValue"));
    match (s.min, s.max) {
        (Some(min), Some(max)) if min != max => {
            value.insert("minValue".into(), number(min));
            value.insert("maxValue".into(), number(max));
        }
        (Some(min), _) => {
            value.insert("minValue".into(), number(min));
        }
        (None, Some(max)) => {
            value.insert("maxValue".into(), number(max));
        }
        (None, None) => {}
    }
    value.insert("unitText".into(), json!(s.period.key()));
    let mut amount = Map::new();
    amount.insert("@type".into(), json!("MonetaryAmount"));
    if let Some(currency) = &s.currency {
        amount.insert("currency".into(), json!(currency));
    }
    amount.insert("value".into(), Value::Object(value));
    Some(Value::Object(amount))
}

/// Whole amounts as integers (`70000`, not `70000.0`).
fn number(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        json!(n as i64)
    } else {
        json!(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_script_element_cannot_be_ended_by_the_feeds_text() {
        let doc =
            serde_json::json!({"description": "<p>a</p></script><script>alert(1)</script> & more"});
        let html = script_element(&doc);
        assert!(html.starts_with("<script type=\"application/ld+json\">\n"));
        assert_eq!(html.matches("</script>").count(), 1, "{html}");
        let inner = html
            .trim_start_matches("<script type=\"application/ld+json\">\n")
            .trim_end_matches("\n</script>\n");
        let back: serde_json::Value = serde_json::from_str(inner).unwrap();
        assert_eq!(back, doc, "the document reads the same");
    }
    use crate::dates::Timestamp;
    use crate::feeds::parse_feed;
    use crate::model::{
        Contact, EmploymentType, Location, Organization, Salary, SalaryPeriod, Workplace,
    };

    fn full_opening() -> Opening {
        Opening {
            id: "lib-2031".into(),
            title: "Metadata Librarian".into(),
            organization: Organization {
                name: "Harbour City Library".into(),
                url: Some("https://library.example.org/".into()),
                logo: Some("https://library.example.org/logo.png".into()),
            },
            locations: vec![Location {
                locality: Some("Harbour City".into()),
                region: Some("North Shore".into()),
                country: Some("NZ".into()),
            }],
            workplace: Workplace::Hybrid,
            remote_regions: vec!["New Zealand".into()],
            employment_types: vec![EmploymentType::FullTime, EmploymentType::Temporary],
            department: Some("Collections".into()),
            tags: vec!["metadata".into(), "cataloguing".into()],
            salary: Some(Salary {
                min: Some(62_000.0),
                max: Some(70_500.5),
                currency: Some("NZD".into()),
                period: SalaryPeriod::Year,
            }),
            date_posted: Timestamp::parse_iso("2030-03-01"),
            valid_through: Timestamp::parse_iso("2030-04-15T17:00:00Z"),
            description: Description::Html("<p>Describe <em>things</em> well.</p>".into()),
            apply_url: "https://jobs.example.org/apply/2031".into(),
            url: Some("https://library.example.org/jobs/2031".into()),
            contact: Some(Contact {
                name: Some("People Team".into()),
                email: Some("people@library.example.org".into()),
                url: None,
            }),
            source: "out.json".into(),
        }
    }

    #[test]
    fn a_written_feed_reads_back_as_the_same_openings() {
        let minimal = Opening {
            id: "https://jobs.example.org/9".into(),
            title: "Archivist".into(),
            workplace: Workplace::Remote,
            salary: Some(Salary {
                min: Some(25.0),
                max: None,
                currency: None,
                period: SalaryPeriod::Hour,
            }),
            apply_url: "https://jobs.example.org/9".into(),
            source: "out.json".into(),
            ..Opening::default()
        };
        let openings = vec![full_opening(), minimal];
        let text = item_list(Some("Test board"), &openings).to_string();
        let back = parse_feed(&text, None, "out.json", Timestamp(0), usize::MAX).unwrap();
        assert!(back.skipped.is_empty(), "{:?}", back.skipped);
        assert_eq!(back.openings, openings);
    }

    #[test]
    fn search_engines_get_their_required_properties() {
        let p = posting(&full_opening());
        assert_eq!(p["@context"], "https://schema.org");
        assert_eq!(p["datePosted"], "2030-03-01");
        assert_eq!(p["validThrough"], "2030-04-15T17:00:00Z");
        assert_eq!(p["hiringOrganization"]["name"], "Harbour City Library");
        assert_eq!(
            p["jobLocation"][0]["address"]["addressLocality"],
            "Harbour City"
        );
        assert_eq!(p["baseSalary"]["value"]["minValue"], 62_000);
        assert_eq!(p["baseSalary"]["value"]["unitText"], "YEAR");
        assert_eq!(p["employmentType"][0], "FULL_TIME");
    }

    #[test]
    fn descriptions_are_sanitized_on_the_way_out() {
        let o = Opening {
            description: Description::Text("Use <script> & more\n\nSecond".into()),
            ..full_opening()
        };
        assert_eq!(
            job_posting(&o)["description"],
            "<p>Use &lt;script&gt; &amp; more</p><p>Second</p>"
        );
        let o = Opening {
            description: Description::Html("<p onclick=x>Hi<script>alert(1)</script></p>".into()),
            ..full_opening()
        };
        assert_eq!(job_posting(&o)["description"], "<p>Hi</p>");
    }
}
