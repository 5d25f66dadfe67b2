//! `openings validate`: what is wrong or missing in each entry of each feed,
//! measured against what search engines require of a `JobPosting` (errors)
//! and what they recommend (warnings). Every format is checked through the
//! opening it maps to, so a Lever feed is judged by the posting it becomes.
//! `openings jekyll` checks the postings it writes with the same rules
//! ([`findings`]), naming for each the front-matter key to add. The rules
//! are the core's (`openings_core::validate`, which the board's
//! configurator uses too), with the title rule of job posts added here.

use openings_core::export::json_text;
use openings_core::validate::{check_feed, EntryCheck};
pub use openings_core::validate::{Finding, Rule};
use openings_core::{FeedFormat, Opening, Timestamp};
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

type EntryReport = EntryCheck;

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
                match check_feed(
                    &body,
                    loaded.input.format,
                    &loaded.input.location,
                    now,
                    max_bytes,
                    args.fetch.max_age,
                    &title_rule,
                ) {
                    Ok(checked) => {
                        report.format = checked.format;
                        report.entries = checked.entries;
                    }
                    Err(e) => report.error = Some(e),
                }
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

/// What to add to a post's front matter to satisfy a rule.
pub fn post_key(rule: Rule) -> &'static str {
    {
        match rule {
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

/// The core's rules ([`openings_core::validate::findings`]) and the title
/// rule: a title that reads like a headline ("… is hiring a …"), as job
/// posts write them.
pub fn findings(o: &Opening, node: Option<&Value>, now: Timestamp) -> Vec<Finding> {
    let mut found = openings_core::validate::findings(o, node, now);
    found.extend(title_rule(o));
    found
}

/// The title rule alone.
pub fn title_rule(o: &Opening) -> Vec<Finding> {
    let reasons = openings_posts::title::headline_reasons(&o.title, &o.organization.name);
    if reasons.is_empty() {
        return Vec::new();
    }
    vec![Finding {
        error: false,
        rule: Rule::Title,
        message: format!(
            "the title \"{}\" reads like a headline, not a job title: {}",
            o.title,
            reasons.join("; ")
        ),
    }]
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

    /// The title rule, the command-line tool's own: a headline warns and
    /// says why; a job title passes.
    #[test]
    fn a_title_that_reads_like_a_headline_is_a_warning_with_its_reasons() {
        let opening = |title: &str| Opening {
            title: title.into(),
            organization: openings_core::model::Organization {
                name: "Harbour Museum".into(),
                ..Default::default()
            },
            ..Opening::default()
        };
        let found = title_rule(&opening(
            "Harbour Museum is hiring a Collections Registrar!",
        ));
        assert_eq!(found.len(), 1);
        assert!(!found[0].error);
        assert_eq!(found[0].rule, Rule::Title);
        assert!(
            found[0].message.contains("reads like a headline"),
            "{}",
            found[0].message
        );
        assert!(
            found[0].message.contains("names the organization"),
            "{}",
            found[0].message
        );
        assert!(title_rule(&opening("Collections Registrar")).is_empty());
        assert_eq!(post_key(Rule::Title), "`job_title:` (the job's own title)");
    }
}
