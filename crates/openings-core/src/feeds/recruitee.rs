//! The Recruitee careers site API (`https://{company}.recruitee.com/api/offers/`):
//! `{"offers": […]}`, each offer with explicit `remote`/`hybrid`/`on_site`
//! flags, an `employment_type_code`, and a `salary` object whose amounts
//! are often written as text (`"18.50"`).

use serde_json::Value;

use super::values::{
    self, apply_link, dedupe, link_text, long_text, page_link, skipped, text, texts, Entry, Notes,
};
use super::{Adapter, Context, FeedError, SkipReason};
use crate::model::{Description, EmploymentType, Location, Opening, Organization, Workplace};
use crate::text::{clip_bytes, MAX_DESCRIPTION_BYTES};

pub struct Recruitee;

impl Adapter for Recruitee {
    fn detect(&self, doc: &Value) -> bool {
        doc.get("offers").is_some_and(Value::is_array)
    }

    fn entries(&self, doc: &Value, ctx: &Context) -> Result<Vec<Entry>, FeedError> {
        let offers = doc.get("offers").and_then(Value::as_array).ok_or_else(|| {
            FeedError::NotAFeed("a Recruitee feed is an object with an \"offers\" list".into())
        })?;
        Ok(offers
            .iter()
            .enumerate()
            .map(|(i, offer)| opening(offer, i + 1, ctx))
            .collect())
    }
}

fn opening(offer: &Value, position: usize, ctx: &Context) -> Entry {
    let title = text(offer.get("title"));
    if !offer.is_object() {
        return skipped(position, title, SkipReason::NotAnOpening);
    }
    let Some(title_text) = title.clone() else {
        return skipped(position, None, SkipReason::MissingTitle);
    };
    let page = link_text(offer.get("careers_url"));
    let apply_url = match apply_link(
        &[link_text(offer.get("careers_apply_url")), page.clone()],
        ctx.source,
    ) {
        Ok(url) => url,
        Err(reason) => return skipped(position, title, reason),
    };

    let mut locations: Vec<Location> = values::list(offer.get("locations"))
        .into_iter()
        .filter(|l| l.is_object())
        .map(|l| place(l, "state"))
        .filter(|l| !l.is_empty())
        .collect();
    if locations.is_empty() {
        locations.extend(Some(place(offer, "state_name")).filter(|l| !l.is_empty()));
    }
    if locations.is_empty() {
        locations.extend(text(offer.get("location")).map(|name| Location {
            locality: Some(name),
            ..Location::default()
        }));
    }
    dedupe(&mut locations);

    let workplace = if values::flag(offer.get("hybrid")) {
        Workplace::Hybrid
    } else if values::flag(offer.get("remote")) {
        Workplace::Remote
    } else if values::flag(offer.get("on_site")) {
        Workplace::OnSite
    } else {
        Workplace::Unspecified
    };

    let mut tags = texts(offer.get("tags"));
    dedupe(&mut tags);

    let description = {
        let parts: Vec<String> = ["description", "requirements"]
            .into_iter()
            .filter_map(|key| long_text(offer.get(key), MAX_DESCRIPTION_BYTES))
            .collect();
        if parts.is_empty() {
            Description::None
        } else {
            Description::Html(clip_bytes(&parts.concat(), MAX_DESCRIPTION_BYTES).to_string())
        }
    };

    let mut notes = Notes::default();
    let opening = Opening {
        id: text(offer.get("id")).unwrap_or_else(|| apply_url.clone()),
        title: title_text,
        organization: Organization {
            name: text(offer.get("company_name")).unwrap_or_default(),
            ..Organization::default()
        },
        locations,
        workplace,
        employment_types: text(offer.get("employment_type_code"))
            .and_then(|code| employment_type(&code))
            .into_iter()
            .collect(),
        department: text(offer.get("department")),
        tags,
        salary: offer.get("salary").and_then(values::salary_object),
        date_posted: notes
            .date("published_at", offer.get("published_at"))
            .or_else(|| notes.date("created_at", offer.get("created_at"))),
        valid_through: notes.closing_date("close_at", offer.get("close_at")),
        description,
        url: page_link(page, &apply_url, ctx.source),
        apply_url,
        source: ctx.source.to_string(),
        ..Opening::default()
    };
    notes.entry(opening)
}

/// City, state and country of an offer or of one of its `locations`.
fn place(v: &Value, state_key: &str) -> Location {
    Location {
        locality: text(v.get("city")),
        region: text(v.get(state_key)),
        country: text(v.get("country")).or_else(|| text(v.get("country_code"))),
    }
}

/// `fulltime_permanent`, `parttime_fixed_term`, `internship`, `freelance`…:
/// the first word says the type.
fn employment_type(code: &str) -> Option<EmploymentType> {
    let code = code.to_ascii_lowercase();
    if code.starts_with("fulltime") {
        Some(EmploymentType::FullTime)
    } else if code.starts_with("parttime") {
        Some(EmploymentType::PartTime)
    } else {
        EmploymentType::parse(&code.replace('_', " "))
    }
}
