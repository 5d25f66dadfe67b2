//! Ashby's public job posting API (`posting-api/job-board/{name}`, with
//! `?includeCompensation=true` for pay): `{"apiVersion": "1", "jobs": […]}`.
//! Postings marked `isListed: false` are not for public listing and are
//! skipped. The board name in the feed's URL stands in for the company.

use serde_json::Value;

use super::values::{
    self, apply_link, dedupe, employment_types, link_text, long_text, page_link, segment_after,
    skipped, text, Entry, Notes,
};
use super::{Adapter, Context, FeedError, SkipReason};
use crate::model::{Description, Location, Opening, Organization, Salary, SalaryPeriod, Workplace};
use crate::text::{fold, MAX_DESCRIPTION_BYTES};

pub struct Ashby;

impl Adapter for Ashby {
    fn detect(&self, doc: &Value) -> bool {
        match doc.get("jobs").and_then(Value::as_array) {
            Some(jobs) => {
                doc.get("apiVersion").is_some()
                    || jobs
                        .iter()
                        .any(|j| j.get("jobUrl").is_some() || j.get("isListed").is_some())
            }
            None => false,
        }
    }

    fn entries(&self, doc: &Value, ctx: &Context) -> Result<Vec<Entry>, FeedError> {
        let jobs = doc.get("jobs").and_then(Value::as_array).ok_or_else(|| {
            FeedError::NotAFeed("an Ashby feed is an object with a \"jobs\" list".into())
        })?;
        Ok(jobs
            .iter()
            .enumerate()
            .map(|(i, job)| opening(job, i + 1, ctx))
            .collect())
    }
}

fn opening(job: &Value, position: usize, ctx: &Context) -> Entry {
    let title = text(job.get("title"));
    if !job.is_object() {
        return skipped(position, title, SkipReason::NotAnOpening);
    }
    if job.get("isListed").and_then(Value::as_bool) == Some(false) {
        return skipped(position, title, SkipReason::Unlisted);
    }
    let Some(title_text) = title.clone() else {
        return skipped(position, None, SkipReason::MissingTitle);
    };
    let job_url = link_text(job.get("jobUrl"));
    let apply_url = match apply_link(
        &[link_text(job.get("applyUrl")), job_url.clone()],
        ctx.source,
    ) {
        Ok(url) => url,
        Err(reason) => return skipped(position, title, reason),
    };

    let mut locations: Vec<Location> = std::iter::once(job)
        .chain(values::list(job.get("secondaryLocations")))
        .filter_map(location)
        .collect();
    dedupe(&mut locations);

    let workplace = text(job.get("workplaceType"))
        .as_deref()
        .and_then(values::workplace)
        .unwrap_or(if values::flag(job.get("isRemote")) {
            Workplace::Remote
        } else {
            Workplace::Unspecified
        });
    // A remote job's location is where its applicants may be ("Canada",
    // "Remote (Canada)"), not a place of work.
    let mut remote_regions = Vec::new();
    if workplace == Workplace::Remote {
        remote_regions = locations
            .drain(..)
            .map(|l| l.label())
            .filter(|r| fold(r) != "remote")
            .collect();
        dedupe(&mut remote_regions);
    }

    let department = text(job.get("department")).or_else(|| text(job.get("departmentName")));
    let team = text(job.get("team")).or_else(|| text(job.get("teamName")));
    let tags = match (&department, &team) {
        (Some(d), Some(t)) if d != t => vec![t.clone()],
        _ => Vec::new(),
    };

    let board = segment_after(ctx.source, "/job-board/")
        .or_else(|| {
            job_url
                .as_deref()
                .and_then(|u| segment_after(u, "ashbyhq.com/"))
        })
        .map(str::to_string);

    let description = long_text(job.get("descriptionHtml"), MAX_DESCRIPTION_BYTES)
        .map(Description::Html)
        .or_else(|| {
            long_text(job.get("descriptionPlain"), MAX_DESCRIPTION_BYTES).map(Description::Text)
        })
        .unwrap_or_default();

    let mut notes = Notes::default();
    let opening = Opening {
        id: text(job.get("id")).unwrap_or_else(|| apply_url.clone()),
        title: title_text,
        organization: Organization {
            name: text(job.get("organizationName"))
                .or(board)
                .unwrap_or_default(),
            ..Organization::default()
        },
        locations,
        workplace,
        remote_regions,
        employment_types: employment_types(job.get("employmentType")),
        department: department.or(team),
        tags,
        salary: job.get("compensation").and_then(salary),
        date_posted: notes.date("publishedAt", job.get("publishedAt")),
        description,
        url: page_link(job_url, &apply_url, ctx.source),
        apply_url,
        source: ctx.source.to_string(),
        ..Opening::default()
    };
    notes.entry(opening)
}

/// A location: the structured address when there is one (`address.postalAddress`
/// on the job, `address` on a secondary location), else the location's name.
fn location(v: &Value) -> Option<Location> {
    let address = v
        .get("address")
        .map(|a| a.get("postalAddress").unwrap_or(a));
    let structured = address.map(|a| Location {
        locality: text(a.get("addressLocality")),
        region: text(a.get("addressRegion")),
        country: text(a.get("addressCountry")),
    });
    match structured.filter(|l| !l.is_empty()) {
        Some(l) => Some(l),
        None => text(v.get("location"))
            .filter(|name| fold(name) != "remote")
            .map(|name| Location {
                locality: Some(name),
                ..Location::default()
            }),
    }
}

/// The salary component of the compensation summary (or of the first tier).
fn salary(compensation: &Value) -> Option<Salary> {
    let components = values::list(compensation.get("summaryComponents"))
        .into_iter()
        .chain(
            values::list(compensation.get("compensationTiers"))
                .into_iter()
                .flat_map(|tier| values::list(tier.get("components"))),
        );
    components
        .filter(|c| {
            text(c.get("compensationType")).is_some_and(|t| t.eq_ignore_ascii_case("salary"))
        })
        .find_map(|c| {
            // "1 YEAR", "1 MONTH", "1 HOUR"…
            let period = match text(c.get("interval")) {
                None => SalaryPeriod::Year,
                Some(interval) => interval
                    .split_whitespace()
                    .last()
                    .and_then(SalaryPeriod::parse)?,
            };
            values::salary(
                values::number(c.get("minValue")),
                values::number(c.get("maxValue")),
                text(c.get("currencyCode")),
                period,
            )
        })
}
