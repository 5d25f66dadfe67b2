//! The SmartRecruiters public Posting API (`/v1/companies/{id}/postings`):
//! `{"offset", "limit", "totalFound", "content": […]}`. The list carries no
//! job text; a posting fetched on its own (`/postings/{id}`) adds `jobAd`
//! sections, `applyUrl` and `postingUrl`, and is read the same way.

use serde_json::Value;

use super::values::{self, apply_link, dedupe, link_text, page_link, skipped, text, Entry, Notes};
use super::{Adapter, Context, FeedError, SkipReason};
use crate::model::{Description, Location, Opening, Organization, Workplace};
use crate::text::{clip_bytes, MAX_DESCRIPTION_BYTES};

pub struct SmartRecruiters;

/// Where SmartRecruiters hosts a company's posting pages.
const JOBS_HOST: &str = "https://jobs.smartrecruiters.com";

/// The job ad's sections, in the order a reader expects them.
const SECTIONS: [&str; 4] = [
    "companyDescription",
    "jobDescription",
    "qualifications",
    "additionalInformation",
];

impl Adapter for SmartRecruiters {
    fn detect(&self, doc: &Value) -> bool {
        doc.get("content")
            .and_then(Value::as_array)
            .is_some_and(|items| {
                doc.get("totalFound").is_some()
                    || items.iter().any(|p| {
                        p.get("releasedDate").is_some() || p.get("typeOfEmployment").is_some()
                    })
            })
    }

    fn feed_notes(&self, doc: &Value, read: usize) -> Vec<String> {
        let number = |key| doc.get(key).and_then(Value::as_u64);
        let (offset, total) = (number("offset").unwrap_or(0), number("totalFound"));
        match total {
            Some(total) if offset + (read as u64) < total => vec![format!(
                "the feed is one page of the company's postings: entries {}–{} of {total}. \
                 SmartRecruiters gives at most 100 a page: add the others as feeds of their own \
                 (?limit=100&offset={}, …), or merge them with `openings convert`",
                offset + 1,
                offset + read as u64,
                offset + read as u64
            )],
            _ => Vec::new(),
        }
    }

    fn entries(&self, doc: &Value, ctx: &Context) -> Result<Vec<Entry>, FeedError> {
        let items = doc
            .get("content")
            .and_then(Value::as_array)
            .ok_or_else(|| {
                FeedError::NotAFeed(
                    "a SmartRecruiters feed is an object with a \"content\" list".into(),
                )
            })?;
        Ok(items
            .iter()
            .enumerate()
            .map(|(i, posting)| opening(posting, i + 1, ctx))
            .collect())
    }
}

fn opening(posting: &Value, position: usize, ctx: &Context) -> Entry {
    let title = text(posting.get("name"));
    if !posting.is_object() {
        return skipped(position, title, SkipReason::NotAnOpening);
    }
    let Some(title_text) = title.clone() else {
        return skipped(position, None, SkipReason::MissingTitle);
    };
    let company = posting.get("company");
    let id = text(posting.get("id"));
    // The list does not give the posting's page; it lives at a known address.
    let hosted = company
        .and_then(|c| text(c.get("identifier")))
        .zip(id.clone())
        .map(|(company, id)| format!("{JOBS_HOST}/{company}/{id}"));
    let page = link_text(posting.get("postingUrl")).or(hosted);
    let apply_url = match apply_link(
        &[link_text(posting.get("applyUrl")), page.clone()],
        ctx.source,
    ) {
        Ok(url) => url,
        Err(reason) => return skipped(position, title, reason),
    };

    let place = posting.get("location");
    let field = |key| place.and_then(|p| text(p.get(key)));
    let location = Location {
        locality: field("city"),
        region: field("region"),
        country: field("country").map(|c| c.to_ascii_uppercase()),
    };
    let locations: Vec<Location> = Some(location)
        .filter(|l| !l.is_empty())
        .into_iter()
        .collect();
    let workplace = if values::flag(place.and_then(|p| p.get("hybrid"))) {
        Workplace::Hybrid
    } else if values::flag(place.and_then(|p| p.get("remote"))) {
        Workplace::Remote
    } else if locations.is_empty() {
        Workplace::Unspecified
    } else {
        Workplace::OnSite
    };

    let label = |key| posting.get(key).and_then(|v| text(v.get("label")));
    let mut tags: Vec<String> = [label("function"), label("experienceLevel")]
        .into_iter()
        .flatten()
        .collect();
    dedupe(&mut tags);

    let mut notes = Notes::default();
    let opening = Opening {
        id: id.unwrap_or_else(|| apply_url.clone()),
        title: title_text,
        organization: Organization {
            name: company
                .and_then(|c| text(c.get("name")))
                .unwrap_or_default(),
            ..Organization::default()
        },
        locations,
        workplace,
        // Its id ("permanent", "part-time"); the label is in the company's
        // language ("Pełny etat").
        employment_types: {
            let kind = posting.get("typeOfEmployment");
            let by_id = values::employment_types(kind.and_then(|t| t.get("id")));
            if by_id
                .iter()
                .any(|t| !matches!(t, crate::model::EmploymentType::Other(_)))
            {
                by_id
            } else {
                values::employment_types(kind.and_then(|t| t.get("label")))
            }
        },
        department: label("department"),
        tags,
        date_posted: notes.date("releasedDate", posting.get("releasedDate")),
        description: description(posting.get("jobAd")),
        url: page_link(page, &apply_url, ctx.source),
        apply_url,
        source: ctx.source.to_string(),
        ..Opening::default()
    };
    notes.entry(opening)
}

/// The job ad's sections, each under its title: `jobAd.sections.X.{title, text}`.
fn description(job_ad: Option<&Value>) -> Description {
    let Some(sections) = job_ad.and_then(|ad| ad.get("sections")) else {
        return Description::None;
    };
    let mut out = String::new();
    for key in SECTIONS {
        if out.len() >= MAX_DESCRIPTION_BYTES {
            break;
        }
        let Some(section) = sections.get(key) else {
            continue;
        };
        let Some(body) = values::long_text(section.get("text"), MAX_DESCRIPTION_BYTES) else {
            continue;
        };
        if let Some(heading) = text(section.get("title")) {
            out.push_str(&format!(
                "<h3>{}</h3>",
                crate::text::escape_markup(&heading)
            ));
        }
        out.push_str(&body);
    }
    if out.is_empty() {
        Description::None
    } else {
        Description::Html(clip_bytes(&out, MAX_DESCRIPTION_BYTES).to_string())
    }
}
