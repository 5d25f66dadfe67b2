//! The Greenhouse Job Board API (`/v1/boards/{token}/jobs?content=true`):
//! `{"jobs": […], "meta": {"total": N}}`. Its `content` is HTML whose markup
//! is itself entity-escaped (`&lt;p&gt;`), so it is decoded once here.

use serde_json::Value;

use super::values::{
    self, apply_link, dedupe, employment_types, long_text, segment_after, skipped, text, Entry,
    Notes,
};
use super::way_of_working::way_of_working;
use super::{Adapter, Context, FeedError, SkipReason};
use crate::model::{Description, Location, Opening, Organization, SalaryPeriod, Workplace};
use crate::text::{clip_bytes, decode_entities, fold, MAX_DESCRIPTION_BYTES};

pub struct Greenhouse;

impl Adapter for Greenhouse {
    fn detect(&self, doc: &Value) -> bool {
        match doc.get("jobs").and_then(Value::as_array) {
            Some(jobs) if jobs.is_empty() => doc.get("meta").is_some(),
            Some(jobs) => jobs.iter().any(|j| j.get("absolute_url").is_some()),
            None => false,
        }
    }

    fn entries(&self, doc: &Value, ctx: &Context) -> Result<Vec<Entry>, FeedError> {
        let jobs = doc.get("jobs").and_then(Value::as_array).ok_or_else(|| {
            FeedError::NotAFeed("a Greenhouse feed is an object with a \"jobs\" list".into())
        })?;
        let board = segment_after(ctx.source, "/boards/").map(str::to_string);
        Ok(jobs
            .iter()
            .enumerate()
            .map(|(i, job)| opening(job, i + 1, board.as_deref(), ctx))
            .collect())
    }
}

fn opening(job: &Value, position: usize, board: Option<&str>, ctx: &Context) -> Entry {
    let title = text(job.get("title"));
    if !job.is_object() {
        return skipped(position, title, SkipReason::NotAnOpening);
    }
    let Some(title_text) = title.clone() else {
        return skipped(position, None, SkipReason::MissingTitle);
    };
    let apply_url = match apply_link(&[values::link_text(job.get("absolute_url"))], ctx.source) {
        Ok(url) => url,
        Err(reason) => return skipped(position, title, reason),
    };

    // The location is free text ("Leiden, NL", "Remote - Europe", several
    // places as "Leiden; Utrecht | Remote"); offices stand in when it is
    // missing. A place that says remote or hybrid says how the work is
    // done: "Remote" alone is no place, "Remote-India (PEO)" names where a
    // remote applicant may be.
    let place = text(job.get("location").and_then(|l| l.get("name")));
    let mut places: Vec<String> = place
        .iter()
        .flat_map(|p| p.split([';', '|']))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect();
    if places.is_empty() {
        places = values::list(job.get("offices"))
            .into_iter()
            .filter_map(|o| text(o.get("location")).or_else(|| text(o.get("name"))))
            .collect();
    }
    let (mut remote, mut hybrid) = (false, false);
    let mut on_site = Vec::new();
    let mut remote_regions = Vec::new();
    for place in places {
        match way_of_working(&place) {
            None => on_site.push(place),
            Some(way) => {
                remote |= way.remote;
                hybrid |= !way.remote;
                on_site.extend(way.places);
                remote_regions.extend(way.region);
            }
        }
    }
    let mut workplace = match (remote || hybrid, on_site.is_empty()) {
        (false, true) => Workplace::Unspecified,
        (false, false) => Workplace::OnSite,
        (true, true) if !hybrid => Workplace::Remote,
        (true, _) => Workplace::Hybrid,
    };
    dedupe(&mut remote_regions);
    let mut locations: Vec<Location> = on_site
        .into_iter()
        .map(|p| Location {
            locality: Some(p),
            ..Location::default()
        })
        .collect();
    dedupe(&mut locations);

    // Custom fields the employer chose to publish: read the ones that name
    // an employment type or a workplace, leave the rest.
    let mut employment = Vec::new();
    for field in values::list(job.get("metadata")) {
        let name = text(field.get("name"))
            .map(|n| fold(&n))
            .unwrap_or_default();
        let value = field.get("value");
        if ["employment type", "job type", "commitment", "employment"].contains(&name.as_str()) {
            employment.extend(employment_types(value));
        } else if name.contains("workplace") || name.contains("remote") {
            if let Some(w) = text(value).as_deref().and_then(values::workplace) {
                workplace = w;
            } else if value.and_then(Value::as_bool) == Some(true) {
                workplace = Workplace::Remote;
            }
        }
    }
    dedupe(&mut employment);

    // Clipped once decoded: escaped markup (`&lt;p&gt;`) shrinks by half or
    // more, and a description cut at the bytes a board keeps must reach
    // them, for the board to say it was cut.
    let description = long_text(job.get("content"), usize::MAX)
        .map(|escaped| {
            Description::Html(
                clip_bytes(&decode_entities(&escaped), MAX_DESCRIPTION_BYTES).to_string(),
            )
        })
        .unwrap_or_default();

    // Pay, where the board publishes pay transparency ranges (in cents).
    let salary = values::list(job.get("pay_input_ranges"))
        .into_iter()
        .find_map(|range| {
            let cents = |key| values::number(range.get(key)).map(|c| c / 100.0);
            // The range's title names its period with its first word
            // ("Hourly Pay Range"); one that does not is a year's ("Annual
            // Salary Range (40 hours per week)", "Dayton, OH Pay Range").
            let title = text(range.get("title"))
                .unwrap_or_default()
                .to_ascii_lowercase();
            let first = title
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let period = match first {
                "hourly" => SalaryPeriod::Hour,
                "daily" => SalaryPeriod::Day,
                "weekly" => SalaryPeriod::Week,
                "monthly" => SalaryPeriod::Month,
                _ => SalaryPeriod::Year,
            };
            values::salary(
                cents("min_cents"),
                cents("max_cents"),
                text(range.get("currency_type")),
                period,
            )
        });

    let organization = Organization {
        name: text(job.get("company_name"))
            .or_else(|| board.map(str::to_string))
            .unwrap_or_default(),
        ..Organization::default()
    };

    let mut notes = Notes::default();
    let opening = Opening {
        id: text(job.get("id")).unwrap_or_else(|| apply_url.clone()),
        title: title_text,
        organization,
        locations,
        workplace,
        remote_regions,
        employment_types: employment,
        department: values::list(job.get("departments"))
            .into_iter()
            .find_map(|d| text(d.get("name"))),
        salary,
        date_posted: notes
            .date("first_published", job.get("first_published"))
            .or_else(|| notes.date("updated_at", job.get("updated_at"))),
        description,
        apply_url,
        source: ctx.source.to_string(),
        ..Opening::default()
    };
    notes.entry(opening)
}
