//! The Lever Postings API (`/v0/postings/{site}?mode=json`): a bare list of
//! postings with `categories`, epoch-millisecond dates, `lists` of HTML list
//! items, `salaryRange` and `workplaceType`. The feed does not name the
//! company, so the site name in the feed's URL stands in for it.

use serde_json::Value;

use super::values::{
    self, apply_link, dedupe, employment_types, link_text, long_text, page_link, segment_after,
    skipped, text, texts, Entry, Notes,
};
use super::{Adapter, Context, FeedError, SkipReason};
use crate::model::{Description, Location, Opening, Organization, SalaryPeriod, Workplace};
use crate::text::{clip_bytes, fold, MAX_DESCRIPTION_BYTES};

pub struct Lever;

impl Adapter for Lever {
    fn detect(&self, doc: &Value) -> bool {
        doc.as_array().is_some_and(|items| {
            items.iter().any(|p| {
                is_posting(p)
                    || p.get("postings")
                        .and_then(Value::as_array)
                        .is_some_and(|group| group.iter().any(is_posting))
            })
        })
    }

    fn entries(&self, doc: &Value, ctx: &Context) -> Result<Vec<Entry>, FeedError> {
        let items = doc
            .as_array()
            .ok_or_else(|| FeedError::NotAFeed("a Lever feed is a list of postings".into()))?;
        // `?group=team` answers with [{title, postings: […]}]: flatten it.
        let postings: Vec<&Value> = items
            .iter()
            .flat_map(
                |item| match item.get("postings").and_then(Value::as_array) {
                    Some(group) if !is_posting(item) => group.iter().collect(),
                    _ => vec![item],
                },
            )
            .collect();
        Ok(postings
            .into_iter()
            .enumerate()
            .map(|(i, posting)| opening(posting, i + 1, ctx))
            .collect())
    }
}

fn is_posting(v: &Value) -> bool {
    v.get("hostedUrl").is_some() || (v.get("text").is_some() && v.get("categories").is_some())
}

fn opening(posting: &Value, position: usize, ctx: &Context) -> Entry {
    let title = text(posting.get("text"));
    if !posting.is_object() {
        return skipped(position, title, SkipReason::NotAnOpening);
    }
    let Some(title_text) = title.clone() else {
        return skipped(position, None, SkipReason::MissingTitle);
    };
    let hosted = link_text(posting.get("hostedUrl"));
    let apply_url = match apply_link(
        &[link_text(posting.get("applyUrl")), hosted.clone()],
        ctx.source,
    ) {
        Ok(url) => url,
        Err(reason) => return skipped(position, title, reason),
    };

    let categories = posting.get("categories");
    let category = |key| categories.and_then(|c| text(c.get(key)));
    let country = text(posting.get("country")).map(|c| c.to_ascii_uppercase());
    let mut places = texts(categories.and_then(|c| c.get("allLocations")));
    if places.is_empty() {
        places.extend(category("location"));
    }
    let single = places.len() == 1;
    // "Remote" as a place (with `workplaceType` "unspecified", or none).
    let remote_place = places.iter().any(|p| fold(p) == "remote");
    let mut locations: Vec<Location> = places
        .into_iter()
        .filter(|p| fold(p) != "remote")
        .map(|p| Location {
            locality: Some(p),
            country: country.clone().filter(|_| single),
            ..Location::default()
        })
        .collect();
    dedupe(&mut locations);

    let workplace = text(posting.get("workplaceType"))
        .as_deref()
        .and_then(values::workplace)
        .unwrap_or(Workplace::Unspecified);
    let workplace = match (workplace, remote_place, locations.is_empty()) {
        (Workplace::Unspecified, true, true) => Workplace::Remote,
        (Workplace::Unspecified, true, false) => Workplace::Hybrid,
        (workplace, ..) => workplace,
    };

    let department = category("department");
    let team = category("team");
    let tags = match (&department, &team) {
        (Some(d), Some(t)) if d != t => vec![t.clone()],
        _ => Vec::new(),
    };

    let site = segment_after(ctx.source, "/v0/postings/")
        .or_else(|| {
            hosted
                .as_deref()
                .and_then(|h| segment_after(h, "lever.co/"))
        })
        .map(str::to_string);

    let mut notes = Notes::default();
    let opening = Opening {
        id: text(posting.get("id")).unwrap_or_else(|| apply_url.clone()),
        title: title_text,
        organization: Organization {
            name: site.unwrap_or_default(),
            ..Organization::default()
        },
        locations,
        workplace,
        employment_types: employment_types(categories.and_then(|c| c.get("commitment"))),
        department: department.or(team),
        tags,
        salary: posting.get("salaryRange").and_then(salary),
        date_posted: notes.date("createdAt", posting.get("createdAt")),
        description: description(posting),
        url: page_link(hosted, &apply_url, ctx.source),
        apply_url,
        source: ctx.source.to_string(),
        ..Opening::default()
    };
    notes.entry(opening)
}

/// The description, then each list under its heading, then the closing text.
fn description(posting: &Value) -> Description {
    let html = |key| long_text(posting.get(key), MAX_DESCRIPTION_BYTES);
    let Some(mut out) = html("description") else {
        return long_text(posting.get("descriptionPlain"), MAX_DESCRIPTION_BYTES)
            .map(Description::Text)
            .unwrap_or_default();
    };
    for list in values::list(posting.get("lists")) {
        if out.len() >= MAX_DESCRIPTION_BYTES {
            break;
        }
        let Some(items) = long_text(list.get("content"), MAX_DESCRIPTION_BYTES) else {
            continue;
        };
        if let Some(heading) = text(list.get("text")) {
            out.push_str(&format!(
                "<h3>{}</h3>",
                crate::text::escape_markup(&heading)
            ));
        }
        out.push_str(&format!("<ul>{items}</ul>"));
    }
    if let Some(closing) = html("additional") {
        out.push_str(&closing);
    }
    Description::Html(clip_bytes(&out, MAX_DESCRIPTION_BYTES).to_string())
}

/// `salaryRange: {min, max, currency, interval: "per-year-salary"}`.
fn salary(range: &Value) -> Option<crate::model::Salary> {
    let period = match text(range.get("interval")) {
        None => SalaryPeriod::Year,
        Some(interval) => {
            let interval = interval.to_ascii_lowercase();
            ["hour", "day", "week", "month", "year"]
                .into_iter()
                .find(|unit| interval.contains(unit))
                .and_then(SalaryPeriod::parse)?
        }
    };
    values::salary(
        values::number(range.get("min")),
        values::number(range.get("max")),
        text(range.get("currency")),
        period,
    )
}
