//! The catalog: the openings of every feed of a board, merged and
//! de-duplicated, with each opening's text folded once when its feed arrives
//! so that a search never re-reads the feeds.

use std::collections::HashSet;

use crate::feeds::ParsedFeed;
use crate::model::Opening;
use crate::text::{fold, html_to_text};

/// The openings a board knows, in arrival order, with their search text.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    openings: Vec<Opening>,
    /// Folded title, organization and places, per opening.
    headline: Vec<String>,
    /// Folded description text, per opening.
    body: Vec<String>,
    /// Keys of the openings already in, for de-duplication.
    seen: HashSet<String>,
}

/// What adding a feed changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Added {
    pub new: usize,
    /// Openings already listed by an earlier feed.
    pub duplicates: usize,
}

/// What the reader asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Free text; every word must match (case- and accent-insensitive).
    pub text: String,
}

impl Catalog {
    pub fn new() -> Catalog {
        Catalog::default()
    }

    pub fn len(&self) -> usize {
        self.openings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.openings.is_empty()
    }

    pub fn openings(&self) -> &[Opening] {
        &self.openings
    }

    pub fn get(&self, index: usize) -> Option<&Opening> {
        self.openings.get(index)
    }

    /// Adds a feed's openings, skipping any already listed (same identifier
    /// and organization, same apply link, or same title and organization).
    pub fn add(&mut self, feed: ParsedFeed) -> Added {
        let mut added = Added::default();
        for opening in feed.openings {
            let keys = dedup_keys(&opening);
            if keys.iter().any(|k| self.seen.contains(k)) {
                added.duplicates += 1;
                continue;
            }
            self.seen.extend(keys);
            self.headline.push(headline_text(&opening));
            self.body.push(body_text(&opening));
            self.openings.push(opening);
            added.new += 1;
        }
        added
    }

    /// The indices of the openings that match, in catalog order.
    pub fn search(&self, query: &Query) -> Vec<usize> {
        let words: Vec<String> = fold(&query.text)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect();
        (0..self.openings.len())
            .filter(|&i| {
                words.iter().all(|w| {
                    self.headline[i].contains(w.as_str()) || self.body[i].contains(w.as_str())
                })
            })
            .collect()
    }
}

fn dedup_keys(o: &Opening) -> [String; 3] {
    let org = fold(&o.organization.name);
    [
        format!("id\u{1f}{org}\u{1f}{}", o.id),
        format!("link\u{1f}{}", o.apply_url),
        format!("title\u{1f}{org}\u{1f}{}", fold(&o.title)),
    ]
}

fn headline_text(o: &Opening) -> String {
    let mut text = format!("{} {}", o.title, o.organization.name);
    for place in &o.locations {
        text.push(' ');
        text.push_str(&place.label());
    }
    for region in &o.remote_regions {
        text.push(' ');
        text.push_str(region);
    }
    fold(&text)
}

fn body_text(o: &Opening) -> String {
    use crate::model::Description;
    match &o.description {
        Description::Html(html) => fold(&html_to_text(html)),
        Description::Markdown(s) | Description::Text(s) => fold(s),
        Description::None => String::new(),
    }
}
