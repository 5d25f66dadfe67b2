//! Finding at scale: 10,000 generated openings searched, filtered and
//! counted, each view checked against the obvious way of working it out.
//! Its own test file, and named to run last: it takes seconds where the
//! others take milliseconds, and a mutation run (`cargo xtask mutants`)
//! stops at the first test file that fails.

#![allow(clippy::unwrap_used)]

use openings_core::catalog::{Catalog, Query};
use openings_core::dates::Timestamp;
use openings_core::facets::Facet;
use openings_core::feeds::ParsedFeed;
use openings_core::model::{Description, Opening};
use openings_core::sample;
use openings_core::sort::Sort;
use openings_core::text::{fold, html_to_text};

fn day(d: u32) -> Timestamp {
    Timestamp::from_ymd(2025, 3, d).unwrap()
}

fn catalog_of(openings: Vec<Opening>) -> Catalog {
    let mut catalog = Catalog::new();
    catalog.add(
        ParsedFeed {
            openings,
            ..ParsedFeed::default()
        },
        0,
    );
    catalog
}

/// Each opening's folded words and facet values, worked out the obvious way.
struct Obvious {
    words: Vec<Vec<String>>,
    values: Vec<Vec<Vec<String>>>,
}

impl Obvious {
    fn of(openings: &[Opening]) -> Obvious {
        let words = openings
            .iter()
            .map(|o| {
                let Description::Html(html) = &o.description else {
                    unreachable!()
                };
                let mut text = format!("{} {}", o.title, o.organization.name);
                for l in &o.locations {
                    text.push_str(&format!(" {}", l.label()));
                }
                for extra in o.remote_regions.iter().chain(&o.department).chain(&o.tags) {
                    text.push_str(&format!(" {extra}"));
                }
                text.push_str(&format!(" {}", html_to_text(html)));
                let mut words: Vec<String> = fold(&text).split(' ').map(String::from).collect();
                words.sort();
                words.dedup();
                words
            })
            .collect();
        let values = openings
            .iter()
            .map(|o| {
                Facet::ALL
                    .iter()
                    .map(|f| f.values_of(o).into_iter().map(fold).collect())
                    .collect()
            })
            .collect();
        Obvious { words, values }
    }

    /// The openings that match the words and every facet but `skip`.
    fn matches(&self, query: &Query, skip: Option<Facet>) -> Vec<usize> {
        let query_words: Vec<String> = fold(&query.text)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect();
        let picked: Vec<Vec<String>> = Facet::ALL
            .iter()
            .map(|&f| query.selected(f).iter().map(|p| fold(p)).collect())
            .collect();
        (0..self.words.len())
            .filter(|&i| {
                let has_word = |w: &String| {
                    self.words[i].iter().any(|t| {
                        if w.chars().count() >= 5 {
                            t.contains(w.as_str())
                        } else {
                            t.starts_with(w.as_str())
                        }
                    })
                };
                query_words.iter().all(has_word)
                    && Facet::ALL.iter().filter(|&&f| Some(f) != skip).all(|&f| {
                        let picked = &picked[f.index()];
                        picked.is_empty()
                            || self.values[i][f.index()].iter().any(|v| picked.contains(v))
                    })
            })
            .collect()
    }
}

#[test]
fn ten_thousand_generated_openings_filter_and_count_exactly() {
    let today = day(1);
    let openings = sample::openings(10_000, today);
    let started = std::time::Instant::now();
    let catalog = catalog_of(openings.clone());
    let indexing = started.elapsed();
    assert_eq!(catalog.len(), 10_000, "generated openings are all distinct");
    let obvious = Obvious::of(&openings);

    let mut queries = vec![
        Query::default(),
        Query::text("archivist"),
        Query::text("bibliotheque digitisation"),
        Query::text("e"),
    ];
    let mut q = Query::text("collections");
    q.select(Facet::Country, "DE");
    q.select(Facet::Country, "FR");
    q.select(Facet::Workplace, "hybrid");
    queries.push(q);
    let mut q = Query::default();
    q.select(Facet::EmploymentType, "PART_TIME");
    q.select(Facet::Organization, "Universitätsbibliothek Altenfurt");
    q.select(Facet::Tag, "rare books");
    q.select(Facet::Department, "Collections");
    queries.push(q);
    queries.push(Query::text("senior curator rare"));

    let mut slowest = std::time::Duration::ZERO;
    for query in &queries {
        let started = std::time::Instant::now();
        let view = catalog.view(query, Sort::Closing);
        slowest = slowest.max(started.elapsed());

        let mut got = view.matches.clone();
        got.sort_unstable();
        assert_eq!(got, obvious.matches(query, None), "{query:?}");
        assert!(
            view.matches.windows(2).all(|w| {
                let (a, b) = (openings[w[0]].valid_through, openings[w[1]].valid_through);
                matches!((a, b), (Some(a), Some(b)) if a <= b) || b.is_none()
            }),
            "closing soonest first"
        );
        for facet in Facet::ALL {
            let under_others = obvious.matches(query, Some(facet));
            let shown = &view.facet(facet).unwrap().values;
            let shown_folded: std::collections::HashSet<String> =
                shown.iter().map(|s| fold(&s.value)).collect();
            for value in shown {
                let folded = fold(&value.value);
                let expected = under_others
                    .iter()
                    .filter(|&&i| obvious.values[i][facet.index()].contains(&folded))
                    .count();
                assert_eq!(
                    value.count, expected,
                    "{facet:?} {} in {query:?}",
                    value.value
                );
            }
            for &i in &under_others {
                for v in &obvious.values[i][facet.index()] {
                    assert!(
                        shown_folded.contains(v),
                        "{facet:?} {v} is missing in {query:?}"
                    );
                }
            }
        }
    }
    println!("10,000 openings: indexed in {indexing:?}; slowest view {slowest:?}");
}
