//! Facets: the filters a reader narrows the list with (organization, country,
//! workplace, employment type, department, tag), their values interned once
//! per catalog so that filtering and counting are integer work, and the
//! counts a facet list shows.

use std::collections::HashMap;
use std::rc::Rc;

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

/// The values of one facet across a catalog, each with an id: a chain of
/// segments, one per feed added that brought new values, shared (`Rc`) by
/// every copy of the catalog, so that adding a feed adds a segment and
/// copies none. Ids count on across segments.
#[derive(Clone, Debug, Default)]
pub(crate) struct FacetValues {
    segments: Vec<Rc<Segment>>,
}

/// The values one feed brought, with ids from `first` on.
#[derive(Debug, Default)]
struct Segment {
    first: u32,
    /// The first spelling seen of each value.
    labels: Vec<String>,
    /// Folded labels, for ordering values by name.
    folded: Vec<String>,
    ids: HashMap<String, u32>,
}

/// Which values each opening of one part of a catalog has: the value ids of
/// opening `i` are `values[starts[i]..starts[i + 1]]`.
#[derive(Clone, Debug)]
pub(crate) struct FacetColumn {
    starts: Vec<u32>,
    values: Vec<u32>,
}

impl Default for FacetColumn {
    fn default() -> FacetColumn {
        FacetColumn {
            starts: vec![0],
            values: Vec::new(),
        }
    }
}

impl FacetColumn {
    /// The value ids of opening `i` of this part.
    #[inline]
    pub(crate) fn of(&self, i: usize) -> &[u32] {
        let (from, to) = (self.starts[i] as usize, self.starts[i + 1] as usize);
        &self.values[from..to]
    }
}

/// New values met while one part is built, to become a [`Segment`].
#[derive(Default)]
pub(crate) struct NewValues(Segment);

impl FacetValues {
    /// How many distinct values the catalog has.
    pub(crate) fn len(&self) -> usize {
        self.segments
            .last()
            .map_or(0, |s| s.first as usize + s.labels.len())
    }

    /// The id of a value a reader selected, if any opening has it.
    pub(crate) fn id_of(&self, value: &str) -> Option<u32> {
        let key = match_key(value);
        self.id_of_key(&key)
    }

    fn id_of_key(&self, key: &str) -> Option<u32> {
        self.segments.iter().find_map(|s| s.ids.get(key).copied())
    }

    fn segment_of(&self, id: u32) -> (&Segment, usize) {
        let at = self.segments.partition_point(|s| s.first <= id) - 1;
        let segment = &self.segments[at];
        (segment, (id - segment.first) as usize)
    }

    fn label(&self, id: u32) -> &str {
        let (segment, i) = self.segment_of(id);
        &segment.labels[i]
    }

    fn folded(&self, id: u32) -> &str {
        let (segment, i) = self.segment_of(id);
        &segment.folded[i]
    }

    /// Starts the values a new part brings.
    pub(crate) fn begin(&self) -> NewValues {
        NewValues(Segment {
            first: self.len() as u32,
            ..Segment::default()
        })
    }

    /// Records the values of the next opening of a part in `column`.
    pub(crate) fn push<'a>(
        &self,
        new: &mut NewValues,
        column: &mut FacetColumn,
        raw: impl IntoIterator<Item = &'a str>,
    ) {
        let first = column.values.len();
        for value in raw {
            let value = value.trim();
            let key = match_key(value);
            if key.is_empty() {
                continue;
            }
            let id = match self
                .id_of_key(&key)
                .or_else(|| new.0.ids.get(&key).copied())
            {
                Some(id) => id,
                None => {
                    let segment = &mut new.0;
                    let id = segment.first + segment.labels.len() as u32;
                    segment.labels.push(value.to_string());
                    segment.folded.push(key.clone());
                    segment.ids.insert(key, id);
                    id
                }
            };
            if !column.values[first..].contains(&id) {
                column.values.push(id);
            }
        }
        column.starts.push(column.values.len() as u32);
    }

    /// Adds the values a part brought (if any) to the chain.
    pub(crate) fn end(&mut self, new: NewValues) {
        if !new.0.labels.is_empty() {
            self.segments.push(Rc::new(new.0));
        }
    }

    /// The facet list entry for these counts (indexed by value id).
    pub(crate) fn counts(&self, facet: Facet, counts: &[u32], selected: &[String]) -> FacetCounts {
        let selected_ids: Vec<Option<u32>> = selected.iter().map(|s| self.id_of(s)).collect();
        let is_selected = |id: u32| selected_ids.contains(&Some(id));
        let mut shown: Vec<u32> = (0..counts.len() as u32)
            .filter(|&id| counts[id as usize] > 0 || is_selected(id))
            .collect();
        crate::sort::sort_indices(&mut shown, &|a, b| {
            counts[b as usize]
                .cmp(&counts[a as usize])
                .then_with(|| crate::sort::natural_cmp(self.folded(a), self.folded(b)))
        });
        let mut values: Vec<FacetValue> = shown
            .into_iter()
            .map(|id| FacetValue {
                value: self.label(id).to_string(),
                count: counts[id as usize] as usize,
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

/// The facets as `before` showed them, with `now`'s values and counts: a
/// value shown before keeps its place among the others, values new since
/// come after them (in `now`'s order, most first), values gone are gone.
/// For a list the reader is in (their pointer over it, their keyboard focus
/// in it), which must not move under them: re-sorted by count, the value
/// they were about to click is somewhere else, and a checkbox moved in the
/// page loses the keyboard focus.
pub fn keep_order(before: &[FacetCounts], now: &mut [FacetCounts]) {
    for counts in now.iter_mut() {
        let Some(old) = before.iter().find(|b| b.facet == counts.facet) else {
            continue;
        };
        // By looking each one up: no map and no sort, whose code the
        // board's WebAssembly would carry for this alone (a reader holds a
        // few dozen values still, at most a few hundred).
        let mut rest = std::mem::take(&mut counts.values);
        let mut kept = Vec::with_capacity(rest.len());
        for seen in &old.values {
            if let Some(at) = rest.iter().position(|v| v.value == seen.value) {
                kept.push(rest.remove(at));
            }
        }
        // The values new since, in their own order.
        kept.append(&mut rest);
        counts.values = kept;
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

    fn facet(facet: Facet, values: &[(&str, usize)]) -> FacetCounts {
        FacetCounts {
            facet,
            values: values
                .iter()
                .map(|&(value, count)| FacetValue {
                    value: value.to_string(),
                    count,
                    selected: false,
                })
                .collect(),
            hidden: false,
        }
    }

    fn shown(counts: &FacetCounts) -> Vec<(&str, usize)> {
        counts
            .values
            .iter()
            .map(|v| (v.value.as_str(), v.count))
            .collect()
    }

    /// More openings came while the reader was in the filters: the values
    /// they saw stay where they were, with their new counts, though the
    /// counts now sort them otherwise; new values come after them, most
    /// first; a value gone is gone; a facet not shown before is as it came.
    #[test]
    fn kept_order_holds_the_values_seen_and_adds_the_new_after_them() {
        let before = [
            facet(Facet::Country, &[("France", 3), ("Spain", 2), ("Italy", 1)]),
            facet(Facet::Tag, &[("rare books", 2)]),
        ];
        let mut now = [
            facet(
                Facet::Country,
                &[
                    ("Spain", 9),
                    ("Germany", 5),
                    ("France", 3),
                    ("Chile", 4),
                    ("Italy", 1),
                ],
            ),
            facet(Facet::Workplace, &[("remote", 2), ("onsite", 1)]),
        ];
        // Out of count order on purpose: the new values' own order is kept.
        now[0].values.swap(2, 3);
        keep_order(&before, &mut now);
        assert_eq!(
            shown(&now[0]),
            [
                ("France", 3),
                ("Spain", 9),
                ("Italy", 1),
                ("Germany", 5),
                ("Chile", 4)
            ]
        );
        assert_eq!(shown(&now[1]), [("remote", 2), ("onsite", 1)]);

        let mut fewer = [facet(Facet::Country, &[("Spain", 2), ("France", 1)])];
        keep_order(&before, &mut fewer);
        assert_eq!(shown(&fewer[0]), [("France", 1), ("Spain", 2)]);
    }

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
    fn workplace_and_employment_type_values_are_keys_the_others_words() {
        let keys: Vec<Facet> = Facet::ALL
            .into_iter()
            .filter(|f| f.values_are_keys())
            .collect();
        assert_eq!(keys, [Facet::Workplace, Facet::EmploymentType]);
    }

    /// A value picked in another spelling than the catalog's (a link typed
    /// by hand) is the catalog's value, picked: one entry, with its count.
    /// A picked value no opening has still shows, to be cleared.
    #[test]
    fn a_picked_value_shows_once_whatever_its_spelling() {
        let mut values = FacetValues::default();
        let mut column = FacetColumn::default();
        let mut new = values.begin();
        values.push(&mut new, &mut column, ["Netherlands"]);
        values.push(&mut new, &mut column, ["Belgium"]);
        values.end(new);
        let picked = ["NETHERLANDS".to_string(), "Narnia".to_string()];
        let counts = values.counts(Facet::Country, &[3, 1], &picked);
        let shown: Vec<(&str, usize, bool)> = counts
            .values
            .iter()
            .map(|v| (v.value.as_str(), v.count, v.selected))
            .collect();
        assert_eq!(
            shown,
            [
                ("Netherlands", 3, true),
                ("Belgium", 1, false),
                ("Narnia", 0, true)
            ]
        );
        assert!(!counts.hidden);
        let one = FacetValues::default();
        assert!(
            one.counts(Facet::Country, &[], &[]).hidden,
            "no value: nothing to filter by"
        );
    }

    #[test]
    fn spellings_that_fold_alike_are_one_value() {
        let mut values = FacetValues::default();
        let mut column = FacetColumn::default();
        let mut new = values.begin();
        values.push(&mut new, &mut column, ["Netherlands", "NETHERLANDS"]);
        values.push(&mut new, &mut column, ["Nétherlands", " "]);
        values.push(&mut new, &mut column, []);
        values.end(new);
        assert_eq!(values.len(), 1);
        assert_eq!(column.of(0), &[0]);
        assert_eq!(column.of(1), &[0]);
        assert!(column.of(2).is_empty());
        assert_eq!(values.id_of("netherlands"), Some(0));
    }

    /// A later part's values go on from the earlier parts' ids; a value an
    /// earlier part has keeps its id and its first spelling.
    #[test]
    fn a_later_part_reuses_the_ids_of_values_already_known() {
        let mut values = FacetValues::default();
        let mut first = FacetColumn::default();
        let mut new = values.begin();
        values.push(&mut new, &mut first, ["Germany", "France"]);
        values.end(new);
        let before = values.clone();
        let mut second = FacetColumn::default();
        let mut new = values.begin();
        values.push(&mut new, &mut second, ["FRANCE", "Spain"]);
        values.push(&mut new, &mut second, ["spain"]);
        values.end(new);
        assert_eq!(second.of(0), &[1, 2]);
        assert_eq!(second.of(1), &[2]);
        assert_eq!(values.len(), 3);
        assert_eq!(before.len(), 2, "the copy taken before is as it was");
        let counts = values.counts(Facet::Country, &[1, 2, 2], &[]);
        let shown: Vec<(&str, usize)> = counts
            .values
            .iter()
            .map(|v| (v.value.as_str(), v.count))
            .collect();
        assert_eq!(shown, [("France", 2), ("Spain", 2), ("Germany", 1)]);
        // No new value: no new segment.
        let mut third = FacetColumn::default();
        let mut new = values.begin();
        values.push(&mut new, &mut third, ["germany"]);
        values.end(new);
        assert_eq!(values.segments.len(), 2);
        assert_eq!(third.of(0), &[0]);
    }
}
