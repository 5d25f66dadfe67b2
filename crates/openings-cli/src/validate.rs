//! `openings validate`: what is wrong or missing in each entry of each feed,
//! measured against what search engines require of a `JobPosting` (errors)
//! and what they recommend (warnings). Every format is checked through the
//! opening it maps to, so a Lever feed is judged by the posting it becomes.
//! `openings jekyll` checks the postings it writes with the same rules
//! ([`findings`]), naming for each the front-matter key to add.

use openings_core::export::json_text;
use openings_core::feeds::{Context, Entry};
use openings_core::{parse_feed, FeedFormat, Opening, Timestamp, Workplace};
use serde_json::{json, Value};

use crate::cli::ValidateArgs;
use crate::fetch::{load_all, now, Text};
use crate::report::{line, say, Exit};

/// The findings for one feed.
#[derive(Debug, Default)]
struct FeedReport {
    feed: String,
    format: Option<FeedFormat>,
    /// Why the feed as a whole could not be read.
    error: Option<String>,
    /// A note on how it was read (a cached copy).
    note: Option<String>,
    entries: Vec<EntryReport>,
}

#[derive(Debug, Default)]
struct EntryReport {
    position: usize,
    title: Option<String>,
    errors: Vec<String>,
    warnings: Vec<String>,
}

pub fn run(args: &ValidateArgs) -> Exit {
    let now = now();
    let max_bytes = args.fetch.max_mb.saturating_mul(1_000_000);
    let mut reports = Vec::new();
    for loaded in load_all(&args.fetch) {
        let mut report = FeedReport {
            feed: loaded.input.given.clone(),
            ..FeedReport::default()
        };
        match loaded.outcome {
            Err(why) => report.error = Some(format!("cannot read it: {why}")),
            Ok(Text { body, stale }) => {
                if let Some(stale) = stale {
                    report.note = Some(format!(
                        "{}; checked the cached copy instead",
                        stale.failure
                    ));
                }
                check_feed(
                    &mut report,
                    &body,
                    loaded.input.format,
                    &loaded.input.location,
                    now,
                    max_bytes,
                    args.fetch.max_age,
                );
            }
        }
        reports.push(report);
    }

    let unreadable = reports.iter().filter(|r| r.error.is_some()).count();
    let entry_errors: usize = reports
        .iter()
        .flat_map(|r| &r.entries)
        .map(|e| e.errors.len())
        .sum();
    let warnings: usize = reports
        .iter()
        .flat_map(|r| &r.entries)
        .map(|e| e.warnings.len())
        .sum();
    let stale = reports.iter().filter(|r| r.note.is_some()).count();

    if args.json {
        println!("{}", json_text(&to_json(&reports)));
    } else {
        print_text(&reports, entry_errors, warnings);
    }

    if unreadable == reports.len() {
        say("no feed could be read");
        return Exit::Unreadable;
    }
    let feed_failures = if args.fetch.keep_going {
        0
    } else {
        unreadable + stale
    };
    if entry_errors > 0 || feed_failures > 0 {
        Exit::Problems
    } else {
        Exit::Ok
    }
}

fn check_feed(
    report: &mut FeedReport,
    body: &str,
    format: Option<FeedFormat>,
    source: &str,
    now: Timestamp,
    max_bytes: usize,
    max_age: u32,
) {
    // The bounds, the JSON and the format, exactly as the board checks them.
    let parsed = match parse_feed(body, format, source, now, max_bytes) {
        Ok(parsed) => parsed,
        Err(e) => {
            report.error = Some(e.to_string());
            return;
        }
    };
    let Some(format) = parsed.format else {
        report.error = Some("its format could not be told".into());
        return;
    };
    report.format = Some(format);
    let Ok(doc) = serde_json::from_str::<Value>(body) else {
        report.error = Some("it could not be read again for checking".into());
        return;
    };
    let entries = match format.adapter().entries(&doc, &Context { source }) {
        Ok(entries) => entries,
        Err(e) => {
            report.error = Some(e.to_string());
            return;
        }
    };
    let raw = if format == FeedFormat::SchemaOrg {
        Some(schema_nodes(&doc)).filter(|nodes| nodes.len() == entries.len())
    } else {
        None
    };
    for (i, entry) in entries.into_iter().enumerate() {
        let position = i + 1;
        let mut found = EntryReport {
            position,
            ..EntryReport::default()
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
                check_opening(&opening, node, now, &mut found);
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
        report.entries.push(EntryReport {
            position: 0,
            title: None,
            errors: Vec::new(),
            warnings: vec!["the feed has no entries".into()],
        });
    }
    if !parsed.warnings.is_empty() {
        report.entries.insert(
            0,
            EntryReport {
                position: 0,
                title: None,
                errors: Vec::new(),
                warnings: parsed.warnings.clone(),
            },
        );
    }
}

/// How many days ago an opening with no closing date was posted, when that
/// is more than `max_age` (0: never).
fn stale_days(o: &Opening, now: Timestamp, max_age: u32) -> Option<i64> {
    let posted = o
        .date_posted
        .filter(|_| o.valid_through.is_none() && max_age > 0)?;
    let days = now.millis_since(posted) / openings_core::dates::DAY_MS;
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

impl Rule {
    /// What to add to a post's front matter to satisfy this rule.
    pub fn post_key(self) -> &'static str {
        match self {
            Rule::Description => "a body (the description)",
            Rule::DatePosted => "`date: YYYY-MM-DD`",
            Rule::Organization => "`organization:` (or --org)",
            Rule::RemoteRegions => {
                "`applicant_location:` (the countries or regions applicants may live in)"
            }
            Rule::JobLocation => "`location:` (or `remote: true` with `applicant_location:`)",
            Rule::ValidThrough => "`valid_through: YYYY-MM-DD`",
            Rule::Closed => "a later `valid_through:`, or remove the post",
            Rule::EmploymentType => "`employment_type:` (full-time, part-time, contract…)",
            Rule::Salary => "`salary_min:`, `salary_max:` and `salary_currency:`",
            Rule::SalaryCurrency => "`salary_currency:` (USD, EUR…)",
            Rule::Identifier => "`id:`",
            Rule::DirectApply => "nothing (a post links to where people apply)",
            Rule::Title => "`job_title:` (the job's own title)",
        }
    }
}

/// Search engines' required and recommended `JobPosting` properties, for
/// the posting this opening is (or becomes through `openings convert`),
/// and a title that reads like one.
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
    let reasons = openings_posts::title::headline_reasons(&o.title, &o.organization.name);
    if !reasons.is_empty() {
        say(
            false,
            Rule::Title,
            format!(
                "the title \"{}\" reads like a headline, not a job title: {}",
                o.title,
                reasons.join("; ")
            ),
        );
    }
    found
}

fn check_opening(o: &Opening, node: Option<&Value>, now: Timestamp, found: &mut EntryReport) {
    for finding in findings(o, node, now) {
        if finding.error {
            found.errors.push(finding.message);
        } else {
            found.warnings.push(finding.message);
        }
    }
}

/// The entries of a schema.org document in the order its adapter reads
/// them, as raw JSON, to check what the opening model does not keep.
fn schema_nodes(doc: &Value) -> Vec<&Value> {
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

fn print_text(reports: &[FeedReport], errors: usize, warnings: usize) {
    let mut entries = 0;
    for report in reports {
        let format = report
            .format
            .map_or(String::new(), |f| format!(" ({})", f.name()));
        line(&format!("{}{format}", report.feed));
        if let Some(note) = &report.note {
            line(&format!("  note: {note}"));
        }
        if let Some(error) = &report.error {
            line(&format!("  error: {error}"));
            continue;
        }
        for entry in &report.entries {
            if entry.position > 0 {
                entries += 1;
            }
            let name = match (&entry.title, entry.position) {
                (_, 0) => "  feed".to_string(),
                (Some(title), p) => format!("  entry {p} \"{title}\""),
                (None, p) => format!("  entry {p}"),
            };
            if entry.errors.is_empty() && entry.warnings.is_empty() {
                line(&format!("{name}: ok"));
                continue;
            }
            line(&format!("{name}:"));
            for error in &entry.errors {
                line(&format!("    error: {error}"));
            }
            for warning in &entry.warnings {
                line(&format!("    warning: {warning}"));
            }
        }
    }
    let unreadable = reports.iter().filter(|r| r.error.is_some()).count();
    println!(
        "{} feed(s), {entries} entr{}: {} error(s), {warnings} warning(s){}",
        reports.len(),
        if entries == 1 { "y" } else { "ies" },
        errors + unreadable,
        if unreadable > 0 {
            format!("; {unreadable} feed(s) could not be read")
        } else {
            String::new()
        }
    );
}

fn to_json(reports: &[FeedReport]) -> Value {
    let feeds: Vec<Value> = reports
        .iter()
        .map(|r| {
            json!({
                "feed": r.feed,
                "format": r.format.map(|f| f.prefix()),
                "error": r.error,
                "note": r.note,
                "entries": r.entries.iter().map(|e| json!({
                    "position": e.position,
                    "title": e.title,
                    "errors": e.errors,
                    "warnings": e.warnings,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let count = |pick: fn(&EntryReport) -> usize| -> usize {
        reports.iter().flat_map(|r| &r.entries).map(pick).sum()
    };
    json!({
        "feeds": feeds,
        "errors": count(|e| e.errors.len()) + reports.iter().filter(|r| r.error.is_some()).count(),
        "warnings": count(|e| e.warnings.len()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use openings_core::model::{
        Description, EmploymentType, Location, Organization, Salary, SalaryPeriod,
    };

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
        let cases: [(Change, bool, Rule, &str); 17] = [
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
            (
                |o, _| o.title = "Harbour Museum is hiring a Collections Registrar!".into(),
                false,
                Rule::Title,
                "reads like a headline",
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
