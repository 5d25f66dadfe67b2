//! schema.org `JobPosting` as JSON-LD, the format search engines read: a
//! single posting, an array, an `ItemList` of postings (or of `ListItem`s
//! holding them) or a `@graph`, whose `@id` references are followed.
//! `docs/feed-format.md` documents the mapping field by field.

use std::collections::HashMap;

use serde_json::Value;

use super::values::{has_type, list, long_text, number, text, texts, Entry};
use super::{Adapter, Context, FeedError, SkipReason, Skipped};
use crate::dates::Timestamp;
use crate::links::safe_link_from;
use crate::model::{
    Contact, Description, EmploymentType, Location, Opening, Organization, Salary, SalaryPeriod,
    Workplace,
};
use crate::text::MAX_DESCRIPTION_BYTES;

pub struct SchemaOrg;

impl Adapter for SchemaOrg {
    fn detect(&self, doc: &Value) -> bool {
        match doc {
            Value::Array(items) => items.is_empty() || items.iter().any(is_posting_or_item),
            Value::Object(map) => {
                is_posting_or_item(doc)
                    || has_type(doc, "ItemList")
                    || map
                        .get("@graph")
                        .is_some_and(|g| list(Some(g)).iter().any(|n| is_posting_or_item(n)))
            }
            _ => false,
        }
    }

    fn entries(&self, doc: &Value, ctx: &Context) -> Result<Vec<Entry>, FeedError> {
        let graph = Graph::of(doc);
        let nodes = postings_of(doc, &graph);
        Ok(nodes
            .into_iter()
            .enumerate()
            .map(|(i, node)| posting(node, i + 1, &graph, ctx))
            .collect())
    }
}

/// Nodes of a `@graph`, by `@id`, to follow references such as
/// `"hiringOrganization": {"@id": "#clir"}`.
struct Graph<'a>(HashMap<&'a str, &'a Value>);

impl<'a> Graph<'a> {
    fn of(doc: &'a Value) -> Graph<'a> {
        let mut ids = HashMap::new();
        for node in list(doc.get("@graph")) {
            if let Some(id) = node.get("@id").and_then(Value::as_str) {
                ids.insert(id, node);
            }
        }
        Graph(ids)
    }

    /// The node itself, or the node it references by `@id` alone.
    fn resolve(&self, v: &'a Value) -> &'a Value {
        match v {
            Value::Object(map) if map.len() == 1 => map
                .get("@id")
                .and_then(Value::as_str)
                .and_then(|id| self.0.get(id).copied())
                .unwrap_or(v),
            _ => v,
        }
    }

    fn get(&self, node: &'a Value, key: &str) -> Option<&'a Value> {
        node.get(key).map(|v| self.resolve(v))
    }
}

fn is_posting_or_item(v: &Value) -> bool {
    has_type(v, "JobPosting") || v.get("item").is_some_and(|i| has_type(i, "JobPosting"))
}

/// The entries of the document, in order: every element of an array, an
/// `ItemList` or a `@graph` that is meant as a posting.
fn postings_of<'a>(doc: &'a Value, graph: &Graph<'a>) -> Vec<&'a Value> {
    let items: Vec<&Value> = if let Some(g) = doc.get("@graph") {
        // In a graph, only postings are entries; other nodes are referenced by them.
        return list(Some(g))
            .into_iter()
            .flat_map(|n| postings_of(n, graph))
            .filter(|n| has_type(n, "JobPosting"))
            .collect();
    } else if has_type(doc, "ItemList") {
        list(doc.get("itemListElement"))
    } else if let Value::Array(items) = doc {
        items.iter().collect()
    } else {
        vec![doc]
    };
    items
        .into_iter()
        .flat_map(|item| match item {
            v if has_type(v, "ItemList") => postings_of(v, graph),
            v if v.get("item").is_some() && !has_type(v, "JobPosting") => {
                vec![graph.resolve(v.get("item").unwrap_or(v))]
            }
            v => vec![graph.resolve(v)],
        })
        .collect()
}

fn posting(node: &Value, position: usize, graph: &Graph, ctx: &Context) -> Entry {
    let title = text(node.get("title")).or_else(|| text(node.get("name")));
    let skip = |reason| {
        Entry::Skipped(Skipped {
            position,
            title: title.clone(),
            reason,
        })
    };
    if !node.is_object() || (node.get("@type").is_some() && !has_type(node, "JobPosting")) {
        return skip(SkipReason::NotAnOpening);
    }
    let Some(title_text) = title.clone() else {
        return skip(SkipReason::MissingTitle);
    };
    let page = text(node.get("url"));
    let apply_target = list(node.get("potentialAction"))
        .into_iter()
        .map(|a| graph.resolve(a))
        .filter(|a| !a.is_string() && (a.get("@type").is_none() || has_type(a, "ApplyAction")))
        .find_map(|a| {
            let target = a.get("target")?;
            text(target.get("urlTemplate"))
                .or_else(|| text(target.get("url")))
                .or_else(|| text(Some(target)))
        });
    let candidates: Vec<&String> = apply_target.iter().chain(page.iter()).collect();
    let apply_url = candidates
        .iter()
        .find_map(|raw| safe_link_from(raw, ctx.source));
    let Some(apply_url) = apply_url else {
        return match candidates.first() {
            Some(raw) => skip(SkipReason::UnsafeLink((*raw).clone())),
            None => skip(SkipReason::MissingLink),
        };
    };
    let url = page
        .as_deref()
        .and_then(|p| safe_link_from(p, ctx.source))
        .filter(|p| *p != apply_url);

    let locations: Vec<Location> = list(graph.get(node, "jobLocation"))
        .into_iter()
        .map(|place| location(graph.resolve(place), graph))
        .filter(|l| !l.is_empty())
        .collect();
    let telecommute = texts(node.get("jobLocationType"))
        .iter()
        .any(|t| t.eq_ignore_ascii_case("TELECOMMUTE"));
    let workplace = match (telecommute, locations.is_empty()) {
        (true, true) => Workplace::Remote,
        (true, false) => Workplace::Hybrid,
        (false, false) => Workplace::OnSite,
        (false, true) => Workplace::Unspecified,
    };
    let remote_regions = list(node.get("applicantLocationRequirements"))
        .into_iter()
        .filter_map(|r| text(Some(graph.resolve(r))))
        .collect();

    let identifier = graph.get(node, "identifier").and_then(|i| {
        text(i.get("value")).or_else(|| if i.is_object() { None } else { text(Some(i)) })
    });
    let id = identifier
        .or_else(|| text(node.get("@id")))
        .unwrap_or_else(|| apply_url.clone());

    let description = long_text(node.get("description"), MAX_DESCRIPTION_BYTES)
        .map(Description::Html)
        .unwrap_or_default();

    let mut tags = texts(node.get("keywords"))
        .iter()
        .flat_map(|k| k.split(','))
        .map(|k| k.trim().to_string())
        .filter(|k| !k.is_empty())
        .collect::<Vec<_>>();
    tags.dedup();

    Entry::Opening(Box::new(Opening {
        id,
        title: title_text,
        organization: organization(graph.get(node, "hiringOrganization"), ctx),
        locations,
        workplace,
        remote_regions,
        employment_types: texts(node.get("employmentType"))
            .iter()
            .filter_map(|t| EmploymentType::parse(t))
            .collect(),
        department: text(node.get("occupationalCategory")),
        tags,
        salary: graph
            .get(node, "baseSalary")
            .or_else(|| graph.get(node, "estimatedSalary"))
            .and_then(|s| salary(graph.resolve(s))),
        date_posted: text(node.get("datePosted")).and_then(|d| Timestamp::parse_iso(&d)),
        valid_through: text(node.get("validThrough")).and_then(|d| Timestamp::parse_iso(&d)),
        description,
        apply_url,
        url,
        contact: graph
            .get(node, "applicationContact")
            .and_then(|c| contact(c, ctx)),
        source: ctx.source.to_string(),
    }))
}

fn organization(v: Option<&Value>, ctx: &Context) -> Organization {
    let Some(v) = v else {
        return Organization::default();
    };
    if v.is_string() {
        return Organization {
            name: text(Some(v)).unwrap_or_default(),
            ..Organization::default()
        };
    }
    let link = |key| {
        texts(v.get(key))
            .iter()
            .find_map(|u| safe_link_from(u, ctx.source))
    };
    Organization {
        name: text(v.get("name"))
            .or_else(|| text(v.get("legalName")))
            .unwrap_or_default(),
        url: link("url").or_else(|| link("sameAs")),
        logo: v.get("logo").and_then(|logo| {
            text(logo.get("url"))
                .or_else(|| text(logo.get("contentUrl")))
                .or_else(|| text(Some(logo)))
                .and_then(|u| safe_link_from(&u, ctx.source))
                .filter(|u| !u.starts_with("mailto:"))
        }),
    }
}

fn location(place: &Value, graph: &Graph) -> Location {
    let address = graph.get(place, "address").unwrap_or(place);
    if let Some(line) = address.as_str() {
        return Location {
            locality: text(Some(address)).filter(|_| !line.is_empty()),
            ..Location::default()
        };
    }
    let country = address
        .get("addressCountry")
        .and_then(|c| text(Some(graph.resolve(c))));
    let locality = text(address.get("addressLocality"));
    Location {
        // A Place with only a name ("Remote — Europe", "Leiden") still says where.
        locality: locality.or_else(|| {
            if country.is_none() {
                text(place.get("name"))
            } else {
                None
            }
        }),
        region: text(address.get("addressRegion")),
        country,
    }
}

fn salary(v: &Value) -> Option<Salary> {
    let currency = text(v.get("currency")).map(|c| c.to_ascii_uppercase());
    let value = v.get("value");
    let (min, max, unit) = match value {
        Some(q @ Value::Object(_)) => (
            number(q.get("minValue")).or_else(|| number(q.get("value"))),
            number(q.get("maxValue")),
            text(q.get("unitText")),
        ),
        other => (number(other), None, text(v.get("unitText"))),
    };
    if min.is_none() && max.is_none() {
        return None;
    }
    Some(Salary {
        min,
        max: max.filter(|m| Some(*m) != min),
        currency: currency.filter(|c| c.len() == 3 && c.chars().all(|ch| ch.is_ascii_alphabetic())),
        period: unit
            .as_deref()
            .and_then(SalaryPeriod::parse)
            .unwrap_or_default(),
    })
}

fn contact(v: &Value, ctx: &Context) -> Option<Contact> {
    let email = text(v.get("email")).map(|e| e.trim_start_matches("mailto:").to_string());
    let contact = Contact {
        name: text(v.get("name")),
        email: email.filter(|e| {
            e.contains('@') && safe_link_from(&format!("mailto:{e}"), ctx.source).is_some()
        }),
        url: text(v.get("url")).and_then(|u| safe_link_from(&u, ctx.source)),
    };
    (contact.name.is_some() || contact.email.is_some() || contact.url.is_some()).then_some(contact)
}
