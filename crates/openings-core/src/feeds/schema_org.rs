//! schema.org `JobPosting` as JSON-LD, the format search engines read: a
//! single posting, an array, an `ItemList` of postings (or of `ListItem`s
//! holding them) or a `@graph`, whose `@id` references are followed.
//! `docs/feed-format.md` documents the mapping field by field.

use std::collections::HashMap;

use serde_json::Value;

use super::values::{
    self, apply_link, dedupe, employment_types, has_type, link_text, list, long_text, number,
    page_link, text, texts, Entry, Notes,
};
use super::{Adapter, Context, FeedError, SkipReason, Skipped};
use crate::links::safe_link_from;
use crate::model::{
    Contact, Description, Location, Opening, Organization, Salary, SalaryPeriod, Workplace,
};
use crate::text::{clip_bytes, decode_entities, MAX_DESCRIPTION_BYTES};

pub struct SchemaOrg;

impl Adapter for SchemaOrg {
    fn detect(&self, doc: &Value) -> bool {
        match doc {
            Value::Array(items) => items.is_empty() || items.iter().any(is_posting_or_item),
            Value::Object(map) => {
                is_posting_or_item(doc)
                    || has_type(doc, "ItemList")
                    || map.get("@graph").is_some_and(|g| {
                        list(Some(g))
                            .iter()
                            .any(|n| is_posting_or_item(n) || has_type(n, "ItemList"))
                    })
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
/// `ItemList` or a `@graph` that is meant as a posting. A document that is
/// both an `ItemList` and a `@graph` has the entries of both: the list's
/// first, then the graph's postings that the list did not name.
fn postings_of<'a>(doc: &'a Value, graph: &Graph<'a>) -> Vec<&'a Value> {
    let Some(g) = doc.get("@graph") else {
        return listed(doc, graph);
    };
    let mut postings = if has_type(doc, "ItemList") || doc.get("itemListElement").is_some() {
        listed(doc, graph)
    } else {
        Vec::new()
    };
    // In a graph, only postings are entries; other nodes are referenced
    // by them. A posting that is both a node and listed (by `@id`) is one
    // entry, not two.
    let mut seen: std::collections::HashSet<*const Value> =
        postings.iter().map(|p| std::ptr::from_ref(*p)).collect();
    for posting in list(Some(g))
        .into_iter()
        .flat_map(|n| postings_of(n, graph))
        .filter(|n| has_type(n, "JobPosting"))
    {
        if seen.insert(std::ptr::from_ref(posting)) {
            postings.push(posting);
        }
    }
    postings
}

/// The entries of a document that is not a `@graph`: an `ItemList`'s
/// elements, an array's items, or the document itself.
fn listed<'a>(doc: &'a Value, graph: &Graph<'a>) -> Vec<&'a Value> {
    let items: Vec<&Value> = if has_type(doc, "ItemList") || doc.get("@graph").is_some() {
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
    // The posting's page: `url`; else its own `@id` when that is a web
    // address, as page builders (Yoast, Rank Math) write it for the page that
    // carries the posting ("…/jobs/archivist/#jobposting"). Not
    // `mainEntityOfPage`: a careers page that carries several postings is
    // every one's, and they would be taken for one.
    let page = link_text(node.get("url")).or_else(|| {
        link_text(node.get("@id")).filter(|l| {
            let l = l.to_ascii_lowercase();
            (l.starts_with("https://") || l.starts_with("http://")) && !l.contains("://schema.org/")
        })
    });
    // potentialAction: an ApplyAction whose target is a URL or an EntryPoint
    // (`urlTemplate`, or `url`), or a list of them.
    let apply_target = list(node.get("potentialAction"))
        .into_iter()
        .map(|a| graph.resolve(a))
        .filter(|a| !a.is_string() && (a.get("@type").is_none() || has_type(a, "ApplyAction")))
        .flat_map(|a| list(a.get("target")))
        .find_map(|target| {
            let target = graph.resolve(target);
            link_text(Some(target))
                .or_else(|| link_text(target.get("urlTemplate")))
                .or_else(|| link_text(target.get("url")))
        });
    let apply_url = match apply_link(&[apply_target, page.clone()], ctx.source) {
        Ok(url) => url,
        Err(reason) => return skip(reason),
    };
    let url = page_link(page, &apply_url, ctx.source);

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
        .map(|html| match escaped_markup(&html) {
            // Markup written escaped (`&lt;p&gt;`, as some sites' templates
            // do): read as the markup it is, clipped once decoded.
            true => long_text(node.get("description"), usize::MAX)
                .map(|all| clip_bytes(&decode_entities(&all), MAX_DESCRIPTION_BYTES).to_string())
                .unwrap_or(html),
            false => html,
        })
        .map(Description::Html)
        .unwrap_or_default();

    let mut tags = texts(node.get("keywords"))
        .iter()
        .flat_map(|k| k.split(','))
        .map(|k| k.trim().to_string())
        .filter(|k| !k.is_empty())
        .collect::<Vec<_>>();
    dedupe(&mut tags);
    let mut locations = locations;
    dedupe(&mut locations);

    let mut notes = Notes::default();
    let opening = Opening {
        id,
        title: title_text,
        organization: organization(
            graph.get(node, "hiringOrganization"),
            ctx,
            [url.as_deref().unwrap_or(&apply_url), &apply_url],
        ),
        locations,
        workplace,
        remote_regions,
        employment_types: employment_types(node.get("employmentType")),
        department: text(node.get("occupationalCategory")),
        tags,
        salary: graph
            .get(node, "baseSalary")
            .or_else(|| graph.get(node, "estimatedSalary"))
            .and_then(|s| salary(graph.resolve(s), text(node.get("salaryCurrency")))),
        date_posted: notes.date("datePosted", node.get("datePosted")),
        valid_through: notes.closing_date("validThrough", node.get("validThrough")),
        description,
        apply_url,
        url,
        contact: graph
            .get(node, "applicationContact")
            .and_then(|c| contact(c, ctx)),
        source: ctx.source.to_string(),
    };
    notes.entry(opening)
}

/// The organization, a name or a node. Its link: its `url`, else one of its
/// `sameAs` — its own site before its profiles elsewhere (a `sameAs` list
/// usually starts with them), and never the posting's own page (templates
/// put the page's address there).
fn organization(v: Option<&Value>, ctx: &Context, posting: [&str; 2]) -> Organization {
    let Some(v) = v else {
        return Organization::default();
    };
    if v.is_string() {
        return Organization {
            name: text(Some(v)).unwrap_or_default(),
            ..Organization::default()
        };
    }
    let links = |key| -> Vec<String> {
        list(v.get(key))
            .into_iter()
            .filter_map(|u| link_text(Some(u)))
            .filter_map(|u| safe_link_from(&u, ctx.source))
            .collect()
    };
    let mut same_as = links("sameAs");
    same_as.retain(|u| !posting.iter().any(|p| same_page(p, u)));
    let own_site = same_as.iter().find(|u| !is_profile(u));
    Organization {
        name: text(v.get("name"))
            .or_else(|| text(v.get("legalName")))
            .unwrap_or_default(),
        url: links("url")
            .into_iter()
            .next()
            .or_else(|| own_site.or(same_as.first()).cloned()),
        logo: v.get("logo").and_then(|logo| {
            link_text(Some(logo))
                .or_else(|| link_text(logo.get("url")))
                .or_else(|| link_text(logo.get("contentUrl")))
                .and_then(|u| safe_link_from(&u, ctx.source))
                .filter(|u| !u.starts_with("mailto:"))
        }),
    }
}

/// Whether a link is to a profile elsewhere — a social network, a video or
/// photo site, an encyclopedia, an authority file, a map, a job site — not
/// to an organization's own site.
fn is_profile(url: &str) -> bool {
    const HOSTS: [&str; 31] = [
        "facebook.com",
        "fb.com",
        "twitter.com",
        "x.com",
        "linkedin.com",
        "instagram.com",
        "youtube.com",
        "youtu.be",
        "tiktok.com",
        "bsky.app",
        "threads.net",
        "mastodon.social",
        "flickr.com",
        "pinterest.com",
        "vimeo.com",
        "github.com",
        "wikipedia.org",
        "wikidata.org",
        "wikimedia.org",
        "viaf.org",
        "isni.org",
        "ror.org",
        "orcid.org",
        "openstreetmap.org",
        "goo.gl",
        "maps.google.com",
        "glassdoor.com",
        "indeed.com",
        "greenhouse.io",
        "lever.co",
        "tripadvisor.com",
    ];
    let host = host_of(url);
    HOSTS.iter().any(|h| {
        host.strip_suffix(h)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with('.'))
    })
}

/// A link's host, lower-cased, without `www.`.
fn host_of(url: &str) -> String {
    let host = url
        .split_once("://")
        .map_or("", |(_, rest)| rest)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("");
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next().unwrap_or("").to_ascii_lowercase();
    host.strip_prefix("www.")
        .map(str::to_string)
        .unwrap_or(host)
}

/// Whether two links are one page, whatever their scheme, `www.`, query,
/// fragment or last slash: a template's `sameAs` of the posting's own
/// address ("…/jobs/1#jobposting").
fn same_page(a: &str, b: &str) -> bool {
    let path = |url: &str| {
        let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
        let path = rest.find('/').map_or("", |at| &rest[at..]);
        path.split(['?', '#'])
            .next()
            .unwrap_or("")
            .trim_end_matches('/')
            .to_string()
    };
    host_of(a) == host_of(b) && path(a) == path(b)
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

/// Whether a description is markup written escaped: no tag, but an
/// escaped tag of the markup descriptions are made of (`&lt;p&gt;`,
/// `&lt;/li&gt;`), and none whose content a page drops (`&lt;title&gt;`,
/// `&lt;template&gt;`: text about HTML, which decoded would lose the rest).
fn escaped_markup(html: &str) -> bool {
    const MARKUP: [&str; 18] = [
        "p",
        "br",
        "ul",
        "ol",
        "li",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "strong",
        "em",
        "b",
        "i",
        "a",
        "blockquote",
    ];
    const DROPPED: [&str; 12] = [
        "title",
        "textarea",
        "template",
        "script",
        "style",
        "xmp",
        "iframe",
        "noembed",
        "noframes",
        "noscript",
        "plaintext",
        "select",
    ];
    if html.contains('<') {
        return false;
    }
    let mut markup = false;
    for (at, _) in html.match_indices("&lt;") {
        let after = html[at + 4..].trim_start_matches('/');
        let name: String = after
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        if DROPPED.contains(&name.as_str()) {
            return false;
        }
        markup |= MARKUP.contains(&name.as_str());
    }
    markup
}

/// A `baseSalary` (or `estimatedSalary`): a `MonetaryAmount` (its `value` a
/// `QuantitativeValue`, a number or text), a `PriceSpecification`, or a
/// number or text alone. Its currency: a sign or code in its text, else its
/// own, else the posting's `salaryCurrency`. Its period: its unit (text or
/// UN/CEFACT code, on it or on its value or reference quantity), else one
/// named in its text, else a year.
fn salary(v: &Value, salary_currency: Option<String>) -> Option<Salary> {
    let quantity = v.get("value").filter(|q| q.is_object());
    let written = match (quantity, v) {
        (Some(q), _) => q.get("value"),
        (None, Value::Object(_)) => v.get("value").or_else(|| v.get("price")),
        (None, _) => Some(v),
    };
    let (low, high) = values::amount_or_range(written);
    let bound = |keys: [&str; 2]| {
        keys.iter()
            .find_map(|k| number(quantity.and_then(|q| q.get(*k)).or_else(|| v.get(*k))))
    };
    let min = bound(["minValue", "minPrice"]).or(low);
    let max = bound(["maxValue", "maxPrice"]).or(high);
    let written_text = written.and_then(Value::as_str);
    let unit = [quantity, Some(v), v.get("referenceQuantity")]
        .into_iter()
        .flatten()
        .flat_map(|node| [node.get("unitText"), node.get("unitCode")])
        .find_map(|u| text(u).as_deref().and_then(SalaryPeriod::parse_unit));
    let period = unit.or_else(|| written_text.and_then(values::period_after_amounts));
    let valid =
        |c: &String| c.trim().len() == 3 && c.trim().chars().all(|ch| ch.is_ascii_alphabetic());
    let currency = written_text.and_then(values::currency_in).or_else(|| {
        [
            text(v.get("currency")),
            text(v.get("priceCurrency")),
            salary_currency,
        ]
        .into_iter()
        .flatten()
        .find(valid)
    });
    values::salary(min, max, currency, period.unwrap_or_default())
}

fn contact(v: &Value, ctx: &Context) -> Option<Contact> {
    let email = text(v.get("email")).map(|e| e.trim_start_matches("mailto:").to_string());
    let contact = Contact {
        name: text(v.get("name")),
        email: email.filter(|e| {
            e.contains('@') && safe_link_from(&format!("mailto:{e}"), ctx.source).is_some()
        }),
        url: link_text(v.get("url")).and_then(|u| safe_link_from(&u, ctx.source)),
    };
    (contact.name.is_some() || contact.email.is_some() || contact.url.is_some()).then_some(contact)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_is_told_by_its_host_and_its_subdomains_only() {
        for profile in [
            "https://www.facebook.com/harbour",
            "https://m.facebook.com/harbour",
            "https://en.wikipedia.org/wiki/Harbour",
            "http://X.com/harbour",
            "https://user@ror.org/000000000",
            "https://viaf.org:443/viaf/1",
        ] {
            assert!(is_profile(profile), "{profile}");
        }
        for site in [
            "https://notfacebook.com/",
            "https://harbour-museum.example.nl/",
            "https://facebook.com.example.org/",
            "https://box.com/",
            "mailto:jobs@harbour.example",
        ] {
            assert!(!is_profile(site), "{site}");
        }
    }

    #[test]
    fn one_page_whatever_its_scheme_www_query_fragment_or_last_slash() {
        let page = "https://museum.example.org/jobs/1";
        for same in [
            "http://www.museum.example.org/jobs/1/",
            "https://MUSEUM.example.org/jobs/1#jobposting",
            "https://museum.example.org/jobs/1?utm_source=x",
        ] {
            assert!(same_page(page, same), "{same}");
        }
        for other in [
            "https://museum.example.org/jobs/12",
            "https://museum.example.org/jobs",
            "https://other.example.org/jobs/1",
        ] {
            assert!(!same_page(page, other), "{other}");
        }
    }
}
