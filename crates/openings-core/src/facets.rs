//! Facets: the filters a reader narrows the list with (organization, country,
//! workplace, employment type, department, tag), their values interned once
//! per catalog so that filtering and counting are integer work, and the
//! counts a facet list shows.

use std::collections::HashMap;

use crate::model::{Opening, Workplace};
use crate::text::fold;

/// A way to filter openings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Organization,
    /// The country of any of the opening's places.
    Country,
    /// On-site, hybrid or remote.
    Workplace,
    EmploymentType,
    /// Department, team or category.
    Department,
    Tag,
}

impl Facet {
    /// Every facet, in the order a board shows them unless told otherwise.
    pub const ALL: [Facet; 6] = [
        Facet::Organization,
        Facet::Country,
        Facet::Workplace,
        Facet::EmploymentType,
        Facet::Department,
        Facet::Tag,
    ];

    /// The stable key used in URLs and in the board's `facets` attribute.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Organization => "org",
            Facet::Country => "country",
            Facet::Workplace => "workplace",
            Facet::EmploymentType => "type",
            Facet::Department => "dept",
            Facet::Tag => "tag",
        }
    }

    /// Reads a key written by [`Facet::key`] (case-insensitive, trimmed).
    pub fn from_key(key: &str) -> Option<Facet> {
        let key = key.trim();
        Facet::ALL
            .into_iter()
            .find(|f| f.key().eq_ignore_ascii_case(key))
    }

    /// Whether this facet's values are stable keys the widget translates
    /// (`onsite`, `FULL_TIME`…) rather than the feed's own words.
    pub fn values_are_keys(self) -> bool {
        matches!(self, Facet::Workplace | Facet::EmploymentType)
    }

    /// Position in [`Facet::ALL`].
    pub fn index(self) -> usize {
        match self {
            Facet::Organization => 0,
            Facet::Country => 1,
            Facet::Workplace => 2,
            Facet::EmploymentType => 3,
            Facet::Department => 4,
            Facet::Tag => 5,
        }
    }

    /// The values this opening has for this facet, as written in the feed
    /// (or as a stable key for workplace and employment type).
    pub fn values_of(self, opening: &Opening) -> Vec<&str> {
        match self {
            Facet::Organization => vec![opening.organization.name.as_str()],
            Facet::Country => opening
                .locations
                .iter()
                .filter_map(|l| l.country.as_deref())
                .collect(),
            Facet::Workplace => match opening.workplace {
                Workplace::Unspecified => Vec::new(),
                w => vec![w.key()],
            },
            Facet::EmploymentType => opening.employment_types.iter().map(|t| t.key()).collect(),
            Facet::Department => opening.department.as_deref().into_iter().collect(),
            Facet::Tag => opening.tags.iter().map(String::as_str).collect(),
        }
    }
}

/// One facet as the facet list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetCounts {
    pub facet: Facet,
    /// Values with at least one opening under the other active filters, and
    /// every selected value; by count (most first), then by name.
    pub values: Vec<FacetValue>,
    /// The whole catalog has at most one value for this facet, so filtering
    /// by it would change nothing: the board does not show it.
    pub hidden: bool,
}

/// One value of a facet, with the number of openings a click would show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValue {
    /// What the reader selects, and what the URL holds: the feed's spelling,
    /// or a stable key (see [`Facet::values_are_keys`]).
    pub value: String,
    /// Openings with this value that match the search and the other facets.
    pub count: usize,
    pub selected: bool,
}

/// The interned values of one facet across a catalog, and which values each
/// opening has.
#[derive(Clone, Debug, Default)]
pub(crate) struct FacetTable {
    /// The first spelling seen of each value.
    labels: Vec<String>,
    /// Folded labels, for ordering values by name.
    folded: Vec<String>,
    ids: HashMap<String, u32>,
    /// The value ids of opening `i` are `values[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    values: Vec<u32>,
}

impl FacetTable {
    pub(crate) fn new() -> FacetTable {
        FacetTable {
            starts: vec![0],
            ..FacetTable::default()
        }
    }

    /// Records the values of the next opening.
    pub(crate) fn push<'a>(&mut self, raw: impl IntoIterator<Item = &'a str>) {
        let first = self.values.len();
        for value in raw {
            let value = value.trim();
            let key = match_key(value);
            if key.is_empty() {
                continue;
            }
            let id = match self.ids.get(&key) {
                Some(&id) => id,
                None => {
                    let id = self.labels.len() as u32;
                    self.labels.push(value.to_string());
                    self.folded.push(key.clone());
                    self.ids.insert(key, id);
                    id
                }
            };
            if !self.values[first..].contains(&id) {
                self.values.push(id);
            }
        }
        self.starts.push(self.values.len() as u32);
    }

    /// The value ids of opening `i`.
    #[inline]
    pub(crate) fn of(&self, i: usize) -> &[u32] {
        let (from, to) = (self.starts[i] as usize, self.starts[i + 1] as usize);
        &self.values[from..to]
    }

    /// How many distinct values the catalog has.
    pub(crate) fn len(&self) -> usize {
        self.labels.len()
    }

    /// The id of a value a reader selected, if any opening has it.
    pub(crate) fn id_of(&self, value: &str) -> Option<u32> {
        self.ids.get(&match_key(value)).copied()
    }

    /// The facet list entry for these counts (indexed by value id).
    pub(crate) fn counts(&self, facet: Facet, counts: &[u32], selected: &[String]) -> FacetCounts {
        let selected_ids: Vec<Option<u32>> = selected.iter().map(|s| self.id_of(s)).collect();
        let is_selected = |id: u32| selected_ids.contains(&Some(id));
        let mut shown: Vec<(u32, usize)> = counts
            .iter()
            .enumerate()
            .map(|(id, &n)| (id as u32, n as usize))
            .filter(|&(id, n)| n > 0 || is_selected(id))
            .collect();
        shown.sort_by(|a, b| {
            b.1.cmp(&a.1).then_with(|| {
                crate::sort::natural_cmp(&self.folded[a.0 as usize], &self.folded[b.0 as usize])
            })
        });
        let mut values: Vec<FacetValue> = shown
            .into_iter()
            .map(|(id, count)| FacetValue {
                value: self.labels[id as usize].clone(),
                count,
                selected: is_selected(id),
            })
            .collect();
        // Selected values no opening has (a stale link) still show, so the
        // reader can clear them.
        for (s, id) in selected.iter().zip(&selected_ids) {
            if id.is_none() && !values.iter().any(|v| v.value == *s) {
                values.push(FacetValue {
                    value: s.clone(),
                    count: 0,
                    selected: true,
                });
            }
        }
        FacetCounts {
            facet,
            values,
            hidden: self.len() <= 1,
        }
    }
}

/// Two spellings of a value are the same value when they fold alike
/// ("Netherlands" and "NETHERLANDS").
fn match_key(value: &str) -> String {
    let folded = fold(value);
    if folded.is_empty() {
        value.trim().to_string()
    } else {
        folded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for f in Facet::ALL {
            assert_eq!(Facet::from_key(f.key()), Some(f));
            assert_eq!(Facet::ALL[f.index()], f);
        }
        assert_eq!(Facet::from_key(" TYPE "), Some(Facet::EmploymentType));
        assert_eq!(Facet::from_key("colour"), None);
    }

    #[test]
    fn spellings_that_fold_alike_are_one_value() {
        let mut table = FacetTable::new();
        table.push(["Netherlands", "NETHERLANDS"]);
        table.push(["Nétherlands", " "]);
        table.push([]);
        assert_eq!(table.len(), 1);
        assert_eq!(table.of(0), &[0]);
        assert_eq!(table.of(1), &[0]);
        assert!(table.of(2).is_empty());
        assert_eq!(table.id_of("netherlands"), Some(0));
    }
}
