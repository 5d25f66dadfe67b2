//! JSON Feed 1.1 (`"version": "https://jsonfeed.org/version/1.1"`) whose
//! items carry our `_job` extension object. Items without `_job` are blog
//! posts, not openings, and are skipped. `docs/feed-format.md` specifies
//! the extension.

use serde_json::Value;

use super::values::{
    self, apply_link, dedupe, employment_types, link_text, long_text, page_link, skipped, text,
    texts, Entry, Notes,
};
use super::{Adapter, Context, FeedError, SkipReason};
use crate::links::safe_link_from;
use crate::model::{Contact, Description, Location, Opening, Organization, Workplace};
use crate::text::{decode_entities, MAX_DESCRIPTION_BYTES};

pub struct JsonFeed;

/// What every JSON Feed's `version` starts with.
pub const VERSION_PREFIX: &str = "https://jsonfeed.org/version/1";

impl Adapter for JsonFeed {
    fn detect(&self, doc: &Value) -> bool {
        doc.get("version")
            .and_then(Value::as_str)
            .is_some_and(|v| v.starts_with(VERSION_PREFIX))
            && doc.get("items").is_some_and(Value::is_array)
    }

    fn entries(&self, doc: &Value, ctx: &Context) -> Result<Vec<Entry>, FeedError> {
        let items = doc.get("items").and_then(Value::as_array).ok_or_else(|| {
            FeedError::NotAFeed("a JSON Feed is an object with an \"items\" list".into())
        })?;
        // The feed's author stands in for items that do not name the organization.
        let author = values::list(doc.get("authors"))
            .into_iter()
            .chain(doc.get("author"))
            .find_map(|a| text(a.get("name")));
        Ok(items
            .iter()
            .enumerate()
            .map(|(i, item)| opening(item, i + 1, author.as_deref(), ctx))
            .collect())
    }
}

fn opening(item: &Value, position: usize, author: Option<&str>, ctx: &Context) -> Entry {
    let title = text(item.get("title")).map(|t| decode_entities(&t));
    let Some(job) = item.get("_job").filter(|j| j.is_object()) else {
        return skipped(position, title, SkipReason::NotAnOpening);
    };
    let Some(title_text) = title.clone() else {
        return skipped(position, None, SkipReason::MissingTitle);
    };
    let page = link_text(item.get("url"));
    let apply_url = match apply_link(
        &[
            link_text(job.get("apply_url")),
            link_text(item.get("external_url")),
            page.clone(),
        ],
        ctx.source,
    ) {
        Ok(url) => url,
        Err(reason) => return skipped(position, title, reason),
    };

    let mut locations: Vec<Location> = values::list(job.get("locations"))
        .into_iter()
        .map(|l| match l {
            Value::String(_) => Location {
                locality: text(Some(l)),
                ..Location::default()
            },
            _ => Location {
                locality: text(l.get("locality")),
                region: text(l.get("region")),
                country: text(l.get("country")),
            },
        })
        .filter(|l| !l.is_empty())
        .collect();
    dedupe(&mut locations);

    let workplace = text(job.get("workplace"))
        .as_deref()
        .and_then(values::workplace)
        .unwrap_or(Workplace::Unspecified);

    let description = long_text(item.get("content_html"), MAX_DESCRIPTION_BYTES)
        .map(Description::Html)
        .or_else(|| {
            long_text(item.get("content_text"), MAX_DESCRIPTION_BYTES).map(Description::Text)
        })
        .or_else(|| long_text(item.get("summary"), MAX_DESCRIPTION_BYTES).map(Description::Text))
        .unwrap_or_default();

    let mut tags = texts(item.get("tags"));
    dedupe(&mut tags);
    let mut remote_regions = texts(job.get("remote_regions"));
    dedupe(&mut remote_regions);

    let contact = text(job.get("contact_email"))
        .map(|e| e.trim_start_matches("mailto:").to_string())
        .filter(|e| e.contains('@') && safe_link_from(&format!("mailto:{e}"), ctx.source).is_some())
        .map(|email| Contact {
            email: Some(email),
            ..Contact::default()
        });

    let mut notes = Notes::default();
    let opening = Opening {
        id: text(item.get("id")).unwrap_or_else(|| apply_url.clone()),
        title: title_text,
        organization: Organization {
            name: text(job.get("organization"))
                .or_else(|| author.map(str::to_string))
                .unwrap_or_default(),
            url: link_text(job.get("organization_url"))
                .and_then(|u| safe_link_from(&u, ctx.source))
                .filter(|u| !u.starts_with("mailto:")),
            logo: None,
        },
        locations,
        workplace,
        remote_regions,
        employment_types: employment_types(job.get("employment_type")),
        department: text(job.get("department")),
        tags,
        salary: job.get("salary").and_then(values::salary_object),
        date_posted: notes.date("date_published", item.get("date_published")),
        valid_through: notes.closing_date("valid_through", job.get("valid_through")),
        description,
        url: page_link(page, &apply_url, ctx.source),
        apply_url,
        contact,
        source: ctx.source.to_string(),
    };
    notes.entry(opening)
}
