//! Checking a feed as search engines would: what each entry lacks of what
//! they require of a `JobPosting` (errors) and what they recommend
//! (warnings), for `openings validate`, `openings jekyll` and the board's
//! configurator. Every format is checked through the opening it maps to, so
//! a Lever feed is judged by the posting it becomes.

use serde_json::Value;

use crate::dates::Timestamp;
use crate::feeds::{parse_feed, Context, Entry, FeedFormat};
use crate::model::{Opening, Workplace};

/// One entry of a feed, checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntryCheck {
    /// Its place in the feed, from 1; 0 for the feed as a whole.
    pub position: usize,
    pub title: Option<String>,
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
}

/// A feed, checked: its format and each entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FeedCheck {
    pub format: Option<FeedFormat>,
    pub entries: Vec<EntryCheck>,
}

/// What the caller adds to the findings of each opening (the command-line
/// tool's title rule).
pub type MoreRules<'a> = &'a dyn Fn(&Opening) -> Vec<Finding>;

/// Checks a feed's body: `Err` says why it cannot be read at all (as the
/// board would say); else every entry with what it lacks.
pub fn check_feed(
    body: &str,
    format: Option<FeedFormat>,
    source: &str,
    now: Timestamp,
    max_bytes: usize,
    max_age: u32,
    more: MoreRules<'_>,
) -> Result<FeedCheck, String> {
    // The bounds, the JSON and the format, exactly as the board checks them.
    let parsed = parse_feed(body, format, source, now, max_bytes).map_err(|e| e.to_string())?;
    let format = parsed
        .format
        .ok_or_else(|| "its format could not be told".to_string())?;
    let doc: Value = serde_json::from_str(body)
        .map_err(|_| "it could not be read again for checking".to_string())?;
    let entries = format
        .adapter()
        .entries(&doc, &Context { source })
        .map_err(|e| e.to_string())?;
    let raw = if format == FeedFormat::SchemaOrg {
        Some(schema_nodes(&doc)).filter(|nodes| nodes.len() == entries.len())
    } else {
        None
    };
    let mut report = FeedCheck {
        format: Some(format),
        entries: Vec::new(),
    };
    for (i, entry) in entries.into_iter().enumerate() {
        let mut found = EntryCheck {
            position: i + 1,
            ..EntryCheck::default()
        };
        match entry {
            Entry::Skipped(skipped) => {
                found.title = skipped.title.clone();
                found
                    .errors
                    .push(format!("left out of the board: {}", skipped.reason));
            }
            Entry::Opening(opening, notes) => {
                found.title = Some(opening.title.clone());
                let node = raw.as_ref().and_then(|nodes| nodes.get(i).copied());
                for finding in findings(&opening, node, now)
                    .into_iter()
                    .chain(more(&opening))
                {
                    if finding.error {
                        found.errors.push(finding.message);
                    } else {
                        found.warnings.push(finding.message);
                    }
                }
                found.warnings.extend(notes);
                if let Some(age) = stale_days(&opening, now, max_age) {
                    found.warnings.push(format!(
                        "posted {age} days ago with no validThrough: the board hides openings older \
                         than {max_age} days that have no closing date (its max-age); give it validThrough"
                    ));
                }
            }
        }
        report.entries.push(found);
    }
    if report.entries.is_empty() {
        report.entries.push(EntryCheck {
            warnings: vec!["the feed has no entries".into()],
            ..EntryCheck::default()
        });
    }
    if !parsed.warnings.is_empty() {
        report.entries.insert(
            0,
            EntryCheck {
                warnings: parsed.warnings.clone(),
                ..EntryCheck::default()
            },
        );
    }
    Ok(report)
}

/// How many days ago an opening with no closing date was posted, when that
/// is more than `max_age` (0: never).
pub fn stale_days(o: &Opening, now: Timestamp, max_age: u32) -> Option<i64> {
    let posted = o
        .date_posted
        .filter(|_| o.valid_through.is_none() && max_age > 0)?;
    let days = now.millis_since(posted) / crate::dates::DAY_MS;
    (days > i64::from(max_age)).then_some(days)
}

/// What one rule found wrong or missing in one posting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// An error: search engines require it. Else a warning: they recommend it.
    pub error: bool,
    pub rule: Rule,
    pub message: String,
}

/// The rules a posting is checked against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    Description,
    DatePosted,
    Organization,
    RemoteRegions,
    JobLocation,
    ValidThrough,
    Closed,
    EmploymentType,
    Salary,
    SalaryCurrency,
    Identifier,
    DirectApply,
    Title,
}

/// Search engines' required and recommended `JobPosting` properties, for
/// the posting this opening is (or becomes through `openings convert`).
/// (The title rule, [`Rule::Title`], is the command-line tool's: it reads
/// titles as job posts write them.)
pub fn findings(o: &Opening, node: Option<&Value>, now: Timestamp) -> Vec<Finding> {
    let raw = |key: &str| node.and_then(|n| n.get(key)).filter(|v| !v.is_null());
    let raw_text = |key: &str| {
        raw(key).map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
    };
    let mut found = Vec::new();
    let mut say = |error: bool, rule: Rule, message: String| {
        found.push(Finding {
            error,
            rule,
            message,
        })
    };
    if o.description.is_empty() {
        say(true, Rule::Description, "no description (required)".into());
    }
    if o.date_posted.is_none() {
        match raw_text("datePosted") {
            Some(bad) => say(
                true,
                Rule::DatePosted,
                format!("datePosted \"{bad}\" is not an ISO 8601 date such as 2030-01-31"),
            ),
            None => say(true, Rule::DatePosted, "no datePosted (required)".into()),
        }
    }
    if o.organization.name.trim().is_empty() {
        say(
            true,
            Rule::Organization,
            "no hiringOrganization name (required)".into(),
        );
    }
    if o.locations.is_empty() {
        if o.workplace == Workplace::Remote {
            if o.remote_regions.is_empty() {
                say(
                    true,
                    Rule::RemoteRegions,
                    "remote, but no applicantLocationRequirements: say in which countries or \
                     regions applicants may live (required for remote postings)"
                        .into(),
                );
            }
        } else {
            say(
                true,
                Rule::JobLocation,
                "no jobLocation (required, unless the job is remote: jobLocationType \
                 TELECOMMUTE with applicantLocationRequirements)"
                    .into(),
            );
        }
    }
    match o.valid_through {
        None => match raw_text("validThrough") {
            Some(bad) => say(
                true,
                Rule::ValidThrough,
                format!("validThrough \"{bad}\" is not an ISO 8601 date such as 2030-01-31"),
            ),
            None => say(
                false,
                Rule::ValidThrough,
                "no validThrough, the closing date (recommended)".into(),
            ),
        },
        Some(closes) if closes < now => say(
            false,
            Rule::Closed,
            format!(
                "closed on {}: the board hides it; remove it from the feed",
                closes.to_iso_date()
            ),
        ),
        Some(_) => {}
    }
    if o.employment_types.is_empty() {
        say(
            false,
            Rule::EmploymentType,
            "no employmentType, such as FULL_TIME (recommended)".into(),
        );
    }
    match &o.salary {
        None => say(false, Rule::Salary, "no baseSalary (recommended)".into()),
        Some(s) if s.currency.is_none() => say(
            false,
            Rule::SalaryCurrency,
            "baseSalary has no currency code such as USD".into(),
        ),
        Some(_) => {}
    }
    let has_identifier = match node {
        Some(_) => raw("identifier").is_some(),
        None => o.id != o.apply_url,
    };
    if !has_identifier {
        say(
            false,
            Rule::Identifier,
            "no identifier of its own (recommended)".into(),
        );
    }
    if node.is_some() && raw("directApply").is_none() {
        say(
            false,
            Rule::DirectApply,
            "no directApply: say whether the apply link lets people apply right there \
             (recommended)"
                .into(),
        );
    }
    found
}

/// The entries of a schema.org document in the order its adapter reads
/// them, as raw JSON, to check what the opening model does not keep.
pub fn schema_nodes(doc: &Value) -> Vec<&Value> {
    let is_type = |v: &Value, t: &str| match v.get("@type") {
        Some(Value::String(s)) => s.rsplit(['/', ':', '#']).next() == Some(t),
        Some(Value::Array(types)) => types
            .iter()
            .any(|s| s.as_str().and_then(|s| s.rsplit(['/', ':', '#']).next()) == Some(t)),
        _ => false,
    };
    if let Some(Value::Array(graph)) = doc.get("@graph") {
        return graph.iter().filter(|n| is_type(n, "JobPosting")).collect();
    }
    let items: Vec<&Value> = if is_type(doc, "ItemList") {
        match doc.get("itemListElement") {
            Some(Value::Array(items)) => items.iter().collect(),
            Some(one) => vec![one],
            None => Vec::new(),
        }
    } else if let Value::Array(items) = doc {
        items.iter().collect()
    } else {
        vec![doc]
    };
    items
        .into_iter()
        .map(|item| match item.get("item") {
            Some(inner) if !is_type(item, "JobPosting") => inner,
            _ => item,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Description, EmploymentType, Location, Organization, Salary, SalaryPeriod};
    use serde_json::json;

    fn now() -> Timestamp {
        Timestamp::parse_iso("2031-03-01").unwrap_or(Timestamp(0))
    }

    /// A posting with everything search engines require and recommend.
    fn complete() -> (Opening, Value) {
        let opening = Opening {
            id: "hm-7".into(),
            title: "Collections Registrar".into(),
            organization: Organization {
                name: "Harbour Museum".into(),
                ..Organization::default()
            },
            locations: vec![Location {
                locality: Some("Leiden".into()),
                region: None,
                country: Some("NL".into()),
            }],
            workplace: Workplace::OnSite,
            employment_types: vec![EmploymentType::FullTime],
            salary: Some(Salary {
                min: Some(40_000.0),
                max: Some(52_000.0),
                currency: Some("EUR".into()),
                period: SalaryPeriod::Year,
            }),
            date_posted: Timestamp::parse_iso("2031-02-20"),
            valid_through: Timestamp::parse_iso("2031-03-20"),
            description: Description::Html("<p>Keep the register.</p>".into()),
            apply_url: "https://harbour.example/apply/7".into(),
            ..Opening::default()
        };
        let node = json!({"@type": "JobPosting", "identifier": "hm-7", "directApply": true});
        (opening, node)
    }

    fn rules(o: &Opening, node: Option<&Value>) -> Vec<(bool, Rule, String)> {
        findings(o, node, now())
            .into_iter()
            .map(|f| (f.error, f.rule, f.message))
            .collect()
    }

    #[test]
    fn a_complete_posting_passes_every_rule() {
        let (o, node) = complete();
        assert_eq!(rules(&o, Some(&node)), []);
        assert_eq!(rules(&o, None), [], "an id of its own, not its apply link");
    }

    /// Each rule, alone, on the complete posting with one thing wrong: the
    /// rule it breaks is the only finding, an error or a warning as search
    /// engines rank it, and says what is wrong.
    #[test]
    fn each_rule_finds_what_it_is_for_and_only_that() {
        type Change = fn(&mut Opening, &mut Value);
        let cases: [(Change, bool, Rule, &str); 16] = [
            (
                |o, _| o.description = Description::None,
                true,
                Rule::Description,
                "no description",
            ),
            (
                |o, _| o.date_posted = None,
                true,
                Rule::DatePosted,
                "no datePosted (required)",
            ),
            (
                |o, n| {
                    o.date_posted = None;
                    n["datePosted"] = json!("last Tuesday");
                },
                true,
                Rule::DatePosted,
                "datePosted \"last Tuesday\" is not an ISO 8601 date",
            ),
            (
                |o, n| {
                    o.date_posted = None;
                    n["datePosted"] = json!(20310220);
                },
                true,
                Rule::DatePosted,
                "datePosted \"20310220\" is not",
            ),
            (
                |o, _| o.organization.name = "  ".into(),
                true,
                Rule::Organization,
                "no hiringOrganization name",
            ),
            (
                |o, _| o.locations.clear(),
                true,
                Rule::JobLocation,
                "no jobLocation (required",
            ),
            (
                |o, _| {
                    o.locations.clear();
                    o.workplace = Workplace::Hybrid;
                },
                true,
                Rule::JobLocation,
                "no jobLocation",
            ),
            (
                |o, _| {
                    o.locations.clear();
                    o.workplace = Workplace::Remote;
                },
                true,
                Rule::RemoteRegions,
                "remote, but no applicantLocationRequirements",
            ),
            (
                |o, _| o.valid_through = None,
                false,
                Rule::ValidThrough,
                "no validThrough",
            ),
            (
                |o, n| {
                    o.valid_through = None;
                    n["validThrough"] = json!("soon");
                },
                true,
                Rule::ValidThrough,
                "validThrough \"soon\" is not an ISO 8601 date",
            ),
            (
                |o, _| o.valid_through = Timestamp::parse_iso("2031-02-28"),
                false,
                Rule::Closed,
                "closed on 2031-02-28",
            ),
            (
                |o, _| o.employment_types.clear(),
                false,
                Rule::EmploymentType,
                "no employmentType",
            ),
            (|o, _| o.salary = None, false, Rule::Salary, "no baseSalary"),
            (
                |o, _| {
                    if let Some(s) = o.salary.as_mut() {
                        s.currency = None;
                    }
                },
                false,
                Rule::SalaryCurrency,
                "baseSalary has no currency",
            ),
            (
                |_, n| {
                    n["identifier"] = Value::Null;
                },
                false,
                Rule::Identifier,
                "no identifier of its own",
            ),
            (
                |_, n| {
                    n.as_object_mut().map(|m| m.remove("directApply"));
                },
                false,
                Rule::DirectApply,
                "no directApply",
            ),
        ];
        for (change, error, rule, words) in cases {
            let (mut o, mut node) = complete();
            change(&mut o, &mut node);
            let found = rules(&o, Some(&node));
            assert_eq!(found.len(), 1, "{rule:?}: {found:?}");
            let (is_error, found_rule, message) = &found[0];
            assert_eq!((*is_error, *found_rule), (error, rule), "{message}");
            assert!(message.contains(words), "{rule:?}: {message}");
        }
    }

    /// Without the feed's own JSON (an applicant-tracking feed), an opening
    /// whose id is its apply link has no identifier of its own, and
    /// directApply is not asked for.
    #[test]
    fn an_opening_without_its_json_is_judged_by_the_model() {
        let (mut o, _) = complete();
        o.id = o.apply_url.clone();
        let found = rules(&o, None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Rule::Identifier);
        // The closing day itself is not yet closed.
        let (mut o, node) = complete();
        o.valid_through = Some(now());
        assert_eq!(rules(&o, Some(&node)), []);
    }
}
