//! The catalog: the openings of every feed of a board, merged and
//! de-duplicated. When a feed arrives its openings' facet values are
//! interned and their place in every sort order ranked; their text is
//! folded and indexed once, the first time a search needs it or earlier,
//! when the board asks ([`Catalog::index_next_part`]) while the page is
//! idle, so that the first openings are listed without waiting for the
//! index. Answering a reader ([`Catalog::view`]) is integer work over a
//! word index and never re-reads the feeds.
//!
//! Search is case- and accent-insensitive and every word of the query must
//! match. A short query word (under [`INFIX_MIN_CHARS`] characters) matches
//! the start of a word ("art" finds "Arts" but not "department"); a longer
//! one matches anywhere inside a word ("bibliothek" finds
//! "Universitätsbibliothek").

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::hash::Hasher;
use std::rc::Rc;

use crate::dates::{Timestamp, DAY_MS};
use crate::facets::{Facet, FacetColumn, FacetCounts, FacetValues, NewValues};
use crate::feeds::ParsedFeed;
use crate::model::{Description, Opening};
use crate::sort::{compare, order, Sort, SortKey};
use crate::text::fold;

/// The most words of a search that count; the rest are ignored.
pub const MAX_QUERY_WORDS: usize = 32;
/// The longest search the board takes, in characters.
pub const MAX_QUERY_CHARS: usize = 256;

/// Query words this long or longer match inside words, not only at their start.
pub const INFIX_MIN_CHARS: usize = 5;

/// How long an opening counts as new, and a closing date as soon.
pub const MARK_DAYS: i64 = 7;

/// The openings a board knows, in arrival order, indexed for finding them.
///
/// A catalog grows a part at a time: each feed added (or each batch of a
/// feed arriving) becomes a [`Part`] with its own openings, word index,
/// facet columns and sort keys, shared (`Rc`) by every copy of the catalog.
/// Copying a catalog, as the board's state does on every feed event, copies
/// none of them; only the four orders are made anew when a part is added,
/// by merging (integers, not openings).
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    parts: Vec<Rc<Part>>,
    /// Where each part starts in the catalog's numbering.
    starts: Vec<usize>,
    len: usize,
    /// The values of each facet, in [`Facet::ALL`] order, across parts.
    facets: [FacetValues; 6],
    /// `orders[sort]`: every opening's index, in that order.
    orders: [Rc<Vec<u32>>; 4],
}

/// The openings one [`Catalog::add`] brought, indexed.
#[derive(Clone, Debug, Default)]
struct Part {
    /// The place in the board's list of the feed that brought them (0 for
    /// the first): of two feeds' openings that share an id, the one of the
    /// feed listed first keeps it, whichever arrives first.
    rank: usize,
    openings: Vec<Opening>,
    /// Made the first time it is asked for ([`Part::words`]).
    words: OnceCell<WordIndex>,
    /// One column per facet, in [`Facet::ALL`] order.
    facets: [FacetColumn; 6],
    sort_keys: Vec<SortKey>,
    /// Keys of this part's openings, for de-duplication, each with the feed
    /// (its source, hashed) that brought it and the opening's place in the
    /// catalog.
    seen: HashMap<u64, Seen>,
    /// Openings left out as duplicates of one already in: should the feed of
    /// that one be taken out ([`Catalog::without_source`]), they come back.
    /// Each with how many of the part's openings came before it (the
    /// feed's order, for [`Catalog::in_rank_order`]).
    dropped: Vec<(u32, Opening)>,
    /// The ids of the openings left out as duplicates, to the place of the
    /// one listed instead (when its id is another): a link shared from a
    /// load where the other feed came first still opens the opening.
    aliases: IdMap,
    /// Each opening's id, to its place in the part.
    ids: IdMap,
    /// The id its feed gave an opening listed under another (`7~2`), by its
    /// place in the part.
    originals: HashMap<u32, Box<str>, rustc_hash::FxBuildHasher>,
}

type IdMap = HashMap<Box<str>, u32, rustc_hash::FxBuildHasher>;

/// Who brought a de-duplication key: the feed (its source, hashed), and the
/// opening's place in the catalog.
#[derive(Clone, Copy, Debug)]
struct Seen {
    source: u64,
    index: u32,
}

impl Part {
    /// The word index of this part's openings, made on first use.
    fn words(&self) -> &WordIndex {
        self.words.get_or_init(|| {
            let mut words = WordIndex::default();
            for (at, opening) in self.openings.iter().enumerate() {
                words.add(at as u32, searchable_parts(opening));
            }
            words
        })
    }
}

/// What adding a feed changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Added {
    pub new: usize,
    /// Openings already listed by an earlier feed.
    pub duplicates: usize,
    /// Openings listed before under an id that a feed listed before theirs
    /// has brought: each one's id before and now, in the order given.
    pub renamed: Vec<(String, String)>,
    /// A copy of an opening that a feed listed after this one has listed
    /// was left out: [`Catalog::in_rank_order`] lists this one instead.
    pub displaced: bool,
}

/// What the reader asked for: words to search, and the facet values picked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Free text; every word must match (case- and accent-insensitive).
    pub text: String,
    /// The values picked in each facet (by [`Facet::index`]). Several
    /// values of one facet widen the list (any of them); several facets
    /// narrow it (all of them). An array, not a map: there are six facets,
    /// and a map's code would be the only one of its kind in the wasm.
    selected: [Vec<String>; Facet::ALL.len()],
}

impl Query {
    /// A query for these words, with no facet picked.
    pub fn text(text: &str) -> Query {
        Query {
            text: text.to_string(),
            ..Query::default()
        }
    }

    /// The values picked in this facet.
    pub fn selected(&self, facet: Facet) -> &[String] {
        &self.selected[facet.index()]
    }

    /// Puts these values, and only these, as the picks of this facet (in
    /// this order, as a link wrote them).
    pub fn set_selected(&mut self, facet: Facet, values: Vec<String>) {
        self.selected[facet.index()] = values;
    }

    /// How many values are picked, over every facet.
    pub fn picked(&self) -> usize {
        self.selected.iter().map(Vec::len).sum()
    }

    pub fn is_selected(&self, facet: Facet, value: &str) -> bool {
        let key = fold(value);
        self.selected(facet).iter().any(|v| fold(v) == key)
    }

    /// Picks a value (once).
    pub fn select(&mut self, facet: Facet, value: &str) {
        if !self.is_selected(facet, value) {
            self.selected[facet.index()].push(value.to_string());
        }
    }

    pub fn deselect(&mut self, facet: Facet, value: &str) {
        let key = fold(value);
        self.selected[facet.index()].retain(|v| fold(v) != key);
    }

    /// Picks the value, or unpicks it if it was picked: a checkbox click.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        if self.is_selected(facet, value) {
            self.deselect(facet, value);
        } else {
            self.select(facet, value);
        }
    }

    /// Clears one facet.
    pub fn clear(&mut self, facet: Facet) {
        self.selected[facet.index()].clear();
    }

    /// Clears every facet (the search words stay).
    pub fn clear_filters(&mut self) {
        self.selected.iter_mut().for_each(Vec::clear);
    }

    /// Clears the search words and every facet.
    pub fn clear_all(&mut self) {
        *self = Query::default();
    }

    /// Whether any facet value is picked.
    pub fn has_filters(&self) -> bool {
        self.selected.iter().any(|v| !v.is_empty())
    }

    /// Whether the query lets every opening through.
    pub fn is_empty(&self) -> bool {
        fold(&self.text).is_empty() && !self.has_filters()
    }
}

/// The answer to one state of the board: the matching openings in order,
/// and the facet list with its counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    /// Indices into the catalog ([`Catalog::get`]) of the matching openings,
    /// in the order asked for.
    pub matches: Vec<usize>,
    /// Every facet, in [`Facet::ALL`] order; skip those marked `hidden`.
    pub facets: Vec<FacetCounts>,
}

impl View {
    /// The counts of one facet.
    pub fn facet(&self, facet: Facet) -> Option<&FacetCounts> {
        self.facets.iter().find(|f| f.facet == facet)
    }

    /// The facets worth showing, in the order the board lists them.
    pub fn visible_facets<'a>(
        &'a self,
        order: &'a [Facet],
    ) -> impl Iterator<Item = &'a FacetCounts> + 'a {
        order
            .iter()
            .filter_map(|&f| self.facet(f))
            .filter(|f| !f.hidden)
    }

    /// How many pages of `page_size` the matches fill (at least one).
    pub fn page_count(&self, page_size: usize) -> usize {
        self.matches.len().div_ceil(page_size.max(1)).max(1)
    }

    /// The matches on page `page` (counted from 1; past the end means the last page).
    pub fn page(&self, page: usize, page_size: usize) -> &[usize] {
        let size = page_size.max(1);
        let page = page.clamp(1, self.page_count(size));
        let from = (page - 1) * size;
        let to = (from + size).min(self.matches.len());
        &self.matches[from.min(to)..to]
    }
}

impl Catalog {
    pub fn new() -> Catalog {
        Catalog::default()
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every opening, in catalog order.
    pub fn openings(&self) -> impl ExactSizeIterator<Item = &Opening> + '_ {
        Openings {
            parts: &self.parts,
            part: 0,
            at: 0,
            left: self.len,
        }
    }

    /// The part opening `index` is in, and its place there.
    fn locate(&self, index: usize) -> Option<(&Part, usize)> {
        if index >= self.len {
            return None;
        }
        let part = self.starts.partition_point(|&s| s <= index) - 1;
        Some((&self.parts[part], index - self.starts[part]))
    }

    pub fn get(&self, index: usize) -> Option<&Opening> {
        let (part, at) = self.locate(index)?;
        part.openings.get(at)
    }

    /// The index of the opening a shared link names by this id: the one
    /// listed under it; else, for `x~N`, the board's N-th feed's `x`,
    /// listed as `x` while no feed before it has one; else the one listed
    /// in place of an opening of this id left out as its duplicate (a link
    /// shared from a load where the other feed came first).
    pub fn position(&self, id: &str) -> Option<usize> {
        let in_part = |part: &Part, start: usize| part.ids.get(id).map(|&at| start + at as usize);
        self.parts
            .iter()
            .zip(&self.starts)
            .find_map(|(part, &start)| in_part(part, start))
            .or_else(|| self.qualified(id))
            .or_else(|| {
                self.parts
                    .iter()
                    .find_map(|p| p.aliases.get(id))
                    .map(|&index| index as usize)
            })
    }

    /// The opening named `x~N` that is listed as `x`: the N-th feed's,
    /// while no feed before it has an `x`. N is written in figures alone,
    /// with no 0 before them.
    fn qualified(&self, id: &str) -> Option<usize> {
        let (original, rank) = id.rsplit_once('~')?;
        if rank.starts_with('0') || !rank.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let rank = rank.parse::<usize>().ok()?.checked_sub(1)?;
        self.parts
            .iter()
            .zip(&self.starts)
            .filter(|(part, _)| part.rank == rank)
            .find_map(|(part, &start)| part.ids.get(original).map(|&at| start + at as usize))
    }

    /// The place in the board's list of the feed that brought opening `index`.
    pub fn rank(&self, index: usize) -> Option<usize> {
        self.locate(index).map(|(part, _)| part.rank)
    }

    /// Opening `index` as the board tells it from every other, whatever id
    /// it is listed under: its feed, its own id and its organization (two
    /// openings of one feed with one id and organization are one), for a
    /// row that must know which opening it showed, also once it is
    /// renamed.
    pub fn key(&self, index: usize) -> Option<u64> {
        let (part, at) = self.locate(index)?;
        let opening = part.openings.get(at)?;
        let id = part
            .originals
            .get(&(at as u32))
            .map_or(opening.id.as_str(), |id| id);
        Some(opening_key(&opening.source, id, &opening.organization.name))
    }

    /// The index of the opening with this key ([`Catalog::key`]), looked
    /// for through the whole catalog; or, when that opening is left out as
    /// a duplicate, of the copy listed in its place.
    pub fn find_key(&self, key: u64) -> Option<usize> {
        if let Some(index) = (0..self.len).find(|&i| self.key(i) == Some(key)) {
            return Some(index);
        }
        let dropped = self
            .parts
            .iter()
            .flat_map(|p| p.dropped.iter().map(|(_, o)| o))
            .find(|o| opening_key(&o.source, &o.id, &o.organization.name) == key)?;
        let keys = dedup_keys(dropped);
        let twin = self.twin(&Part::default(), &keys, hash_of(&[&dropped.source]))?;
        Some(twin as usize)
    }

    /// Whether an opening of the catalog (or of `part`, being built) has this id.
    fn has_id(&self, part: &Part, id: &str) -> bool {
        part.ids.contains_key(id) || self.parts.iter().any(|p| p.ids.contains_key(id))
    }

    /// Makes the word index of the first part that has none yet: false
    /// when every part has one. A search makes the indexes it needs itself;
    /// this lets the board make them ahead, a part at a time, while the
    /// page is idle, so that the first search does not wait for them.
    pub fn index_next_part(&self) -> bool {
        match self.parts.iter().find(|p| p.words.get().is_none()) {
            Some(part) => {
                part.words();
                true
            }
            None => false,
        }
    }

    /// The place in the catalog of an opening with this key, in an earlier
    /// part (or `part`, being built), from another feed than `source` when
    /// one is given.
    fn seen_key(&self, part: &Part, key: u64, source: Option<u64>) -> Option<u32> {
        std::iter::once(part)
            .chain(self.parts.iter().map(|p| &**p))
            .filter_map(|p| p.seen.get(&key))
            .find(|seen| source.is_none_or(|source| seen.source != source))
            .map(|seen| seen.index)
    }

    /// The place in the catalog of the opening already listed (in an
    /// earlier part or `part`, being built) that one with these
    /// de-duplication keys ([`dedup_keys`]), from the feed `source`, is a
    /// copy of.
    fn twin(&self, part: &Part, keys: &([Option<u64>; 3], u64), source: u64) -> Option<u32> {
        let (same_posting, same_job) = keys;
        same_posting
            .iter()
            .flatten()
            .find_map(|&k| self.seen_key(part, k, None))
            .or_else(|| self.seen_key(part, *same_job, Some(source)))
    }

    /// Adds the openings of the feed `rank`-th in the board's list (from
    /// 0), skipping any already listed. Two entries are one opening when
    /// they share an identifier (within one organization), an apply link or
    /// a page URL; across feeds, also when their title, organization and
    /// places all agree (one institution's opening listed by a member's
    /// feed and by the consortium's). Within one feed, postings that share
    /// a title are different postings (one per place, each with its own id
    /// and link), and all are kept. They become a new part; their words are
    /// indexed later (see [`Catalog::index_next_part`]).
    ///
    /// Two member institutions may number their openings alike (both an
    /// opening "7"): each opening gets an id of its own, so that a reader's
    /// click, a focus, a shared link each mean one opening, and a feed
    /// cannot take another's opening's place by its id. The opening of the
    /// feed listed first keeps the id; the others get their feed's place as
    /// a suffix (`7~3` for the third feed's) — the same ids whichever feed
    /// arrives first, so that a link shared from one load means the same
    /// opening on the next. An opening listed under an id that a feed
    /// listed before its own then brings is renamed ([`Added::renamed`]).
    ///
    /// Which of two feeds' copies of one opening is listed is the first
    /// to arrive's. When a feed brings a copy of one a feed listed after
    /// its own has listed, [`Added::displaced`] says so: then
    /// [`Catalog::in_rank_order`] lists the earlier feed's (the board asks
    /// for it once no feed is on its way: it is the whole catalog made
    /// anew).
    pub fn add(&mut self, feed: ParsedFeed, rank: usize) -> Added {
        self.add_openings(feed.openings, rank)
    }

    fn add_openings(&mut self, openings: Vec<Opening>, rank: usize) -> Added {
        let mut added = Added::default();
        let coming = openings.len();
        let mut part = Part {
            rank,
            ..Part::default()
        };
        part.openings.reserve(coming);
        part.sort_keys.reserve(coming);
        part.seen.reserve(coming * 4);
        let mut new_values: Vec<NewValues> = self.facets.iter().map(FacetValues::begin).collect();
        let mut next_suffix = IdMap::default();
        for mut opening in openings {
            let source = hash_of(&[&opening.source]);
            let keys = dedup_keys(&opening);
            if let Some(twin) = self.twin(&part, &keys, source) {
                added.duplicates += 1;
                let (twin_id, twin_rank) = match (twin as usize).checked_sub(self.len) {
                    Some(at) => (part.openings.get(at), Some(part.rank)),
                    None => (self.get(twin as usize), self.rank(twin as usize)),
                };
                // Its id finds the copy listed — unless that is of a feed
                // listed after its own, which would take a link to this one
                // by answering first.
                added.displaced |= twin_rank.is_some_and(|r| r > part.rank);
                let twin_id = twin_id.map(|o| o.id.as_str());
                if twin_id != Some(opening.id.as_str()) && twin_rank.is_some_and(|r| r <= part.rank)
                {
                    part.aliases
                        .entry(opening.id.as_str().into())
                        .or_insert(twin);
                }
                part.dropped.push((part.openings.len() as u32, opening));
                continue;
            }
            let index = (self.len + part.openings.len()) as u32;
            let (same_posting, same_job) = keys;
            for key in same_posting.into_iter().flatten().chain([same_job]) {
                part.seen.entry(key).or_insert(Seen { source, index });
            }
            for facet in Facet::ALL {
                let f = facet.index();
                self.facets[f].push(
                    &mut new_values[f],
                    &mut part.facets[f],
                    facet.values_of(&opening),
                );
            }
            let at = part.openings.len() as u32;
            if let Some(own) =
                self.give_id(&part, &mut opening, &mut next_suffix, &mut added.renamed)
            {
                part.originals.insert(at, own);
            }
            part.ids.insert(opening.id.as_str().into(), at);
            part.sort_keys.push(SortKey {
                posted: opening.date_posted,
                closes: opening.valid_through,
                title: fold(&opening.title),
                organization: fold(&opening.organization.name),
            });
            part.openings.push(opening);
            added.new += 1;
        }
        for (values, new) in self.facets.iter_mut().zip(new_values) {
            values.end(new);
        }
        if part.openings.is_empty() && part.dropped.is_empty() {
            return added;
        }
        let start = self.len;
        let count = part.openings.len();
        let part = Rc::new(part);
        if count > 0 {
            for sort in Sort::ALL {
                let merged = self.merged_order(sort, &part, start);
                self.orders[sort.index()] = Rc::new(merged);
            }
        }
        self.parts.push(part);
        self.starts.push(start);
        self.len += count;
        added
    }

    /// Gives `opening`, of `part` (being built), an id no other opening of
    /// the catalog has: its own, unless another has it. Then the opening of
    /// the feed listed first keeps it, and the other gets a suffix: when
    /// that is the one already listed, it is renamed (into `renamed`; its
    /// own id is kept, see [`Catalog::key`]). Returns the opening's own id
    /// when it gets another. The next suffix to try is kept per id
    /// (`next`), so that many openings of one id take linear time, not a
    /// search from 2 for each.
    fn give_id(
        &mut self,
        part: &Part,
        opening: &mut Opening,
        next: &mut IdMap,
        renamed: &mut Vec<(String, String)>,
    ) -> Option<Box<str>> {
        let holder = match part.ids.contains_key(opening.id.as_str()) {
            true => None,
            false => Some(
                self.parts
                    .iter()
                    .position(|p| p.ids.contains_key(opening.id.as_str()))?,
            ),
        };
        let holder_rank = holder.map_or(part.rank, |h| self.parts[h].rank);
        let Some(holder) = holder.filter(|_| holder_rank > part.rank) else {
            let id = self.free_id(part, &opening.id, part.rank, next);
            return Some(std::mem::replace(&mut opening.id, id).into_boxed_str());
        };
        // A feed listed after this one has it: its opening gives way.
        let id = self.free_id(part, &opening.id, holder_rank, next);
        let held = Rc::make_mut(&mut self.parts[holder]);
        let at = held.ids.remove(opening.id.as_str())?;
        held.ids.insert(id.as_str().into(), at);
        held.originals
            .entry(at)
            .or_insert_with(|| opening.id.as_str().into());
        if let Some(other) = held.openings.get_mut(at as usize) {
            other.id = id.clone();
        }
        renamed.push((opening.id.clone(), id));
        None
    }

    /// An id no opening has yet, for an opening of the feed ranked `rank`
    /// whose own id `id` another has: `id~N` (N its feed's place in the
    /// board's list, from 1), or when that is taken `id~N~2`, `id~N~3`, ….
    fn free_id(&self, part: &Part, id: &str, rank: usize, next: &mut IdMap) -> String {
        let qualified = format!("{id}~{}", rank + 1);
        if !self.has_id(part, &qualified) {
            return qualified;
        }
        let n = next.entry(qualified.as_str().into()).or_insert(2u32);
        loop {
            let id = format!("{qualified}~{n}");
            *n += 1;
            if !self.has_id(part, &id) {
                break id;
            }
        }
    }

    /// The order `sort` of the catalog with `part` added at `start`: the
    /// part's openings sorted, merged into the order the catalog has. On a
    /// tie the earlier opening comes first, as a stable sort of them all
    /// would have it.
    fn merged_order(&self, sort: Sort, part: &Part, start: usize) -> Vec<u32> {
        let theirs = order(sort, &part.sort_keys);
        let ours = &self.orders[sort.index()];
        let key_of = |i: u32| match self.locate(i as usize) {
            Some((p, at)) => &p.sort_keys[at],
            None => &part.sort_keys[i as usize - start],
        };
        let mut merged = Vec::with_capacity(ours.len() + theirs.len());
        let (mut a, mut b) = (0, 0);
        while a < ours.len() && b < theirs.len() {
            let new = theirs[b] + start as u32;
            if compare(sort, key_of(new), key_of(ours[a])) == std::cmp::Ordering::Less {
                merged.push(new);
                b += 1;
            } else {
                merged.push(ours[a]);
                a += 1;
            }
        }
        merged.extend_from_slice(&ours[a..]);
        merged.extend(theirs[b..].iter().map(|&i| i + start as u32));
        merged
    }

    /// The catalog without the openings that came from `source` (a feed
    /// that failed after its first openings were listed), made anew (see
    /// [`Catalog::in_rank_order`]): another feed's copy of one of them,
    /// left out as a duplicate, is listed again, and an opening that had
    /// to take a suffix for one of its ids has its own again.
    pub fn without_source(&self, source: &str) -> (Catalog, Vec<(String, String)>) {
        self.made_anew(Some(source))
    }

    /// The catalog made anew, its feeds added in the order of the board's
    /// list (each feed's parts in the order they came): of two feeds'
    /// copies of one opening the earlier feed's is listed, and ids are
    /// given as if the feeds had come in that order. With the openings
    /// renamed (each one's id before and now).
    pub fn in_rank_order(&self) -> (Catalog, Vec<(String, String)>) {
        self.made_anew(None)
    }

    fn made_anew(&self, leave_out: Option<&str>) -> (Catalog, Vec<(String, String)>) {
        let mut order: Vec<u32> = (0..self.parts.len() as u32).collect();
        crate::sort::sort_indices(&mut order, &|a, b| {
            self.parts[a as usize]
                .rank
                .cmp(&self.parts[b as usize].rank)
        });
        let mut catalog = Catalog::new();
        // Each feed's openings, listed and left out, in the order it sent
        // them, with their own ids; one part per feed.
        let mut openings: Vec<Opening> = Vec::new();
        for (n, &p) in order.iter().enumerate() {
            let part = &self.parts[p as usize];
            let mut dropped = part.dropped.iter().peekable();
            for at in 0..=part.openings.len() {
                while let Some((_, o)) = dropped.next_if(|(before, _)| *before as usize <= at) {
                    openings.push(o.clone());
                }
                let Some(o) = part.openings.get(at) else {
                    break;
                };
                let mut o = o.clone();
                if let Some(id) = part.originals.get(&(at as u32)) {
                    o.id = id.to_string();
                }
                openings.push(o);
            }
            let last_of_feed = order
                .get(n + 1)
                .is_none_or(|&q| self.parts[q as usize].rank != part.rank);
            if last_of_feed {
                openings.retain(|o| leave_out != Some(o.source.as_str()));
                catalog.add_openings(std::mem::take(&mut openings), part.rank);
            }
        }
        // Renamed: the same opening (by its key) under another id.
        let before: HashMap<u64, &str> = (0..self.len)
            .filter_map(|i| Some((self.key(i)?, self.get(i)?.id.as_str())))
            .collect();
        let renamed = (0..catalog.len)
            .filter_map(|i| {
                let now = catalog.get(i)?.id.as_str();
                let was = *before.get(&catalog.key(i)?)?;
                (was != now).then(|| (was.to_string(), now.to_string()))
            })
            .collect();
        (catalog, renamed)
    }

    /// How many openings each feed (by its source) has listed, and how
    /// many of its own it had left out as copies of others'.
    pub fn counts_by_source(&self) -> HashMap<&str, (usize, usize)> {
        let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
        for part in &self.parts {
            for o in &part.openings {
                counts.entry(o.source.as_str()).or_default().0 += 1;
            }
            for (_, o) in &part.dropped {
                counts.entry(o.source.as_str()).or_default().1 += 1;
            }
        }
        counts
    }

    /// The indices of the openings that match (words and facets), in catalog order.
    pub fn search(&self, query: &Query) -> Vec<usize> {
        self.filter(query, 0..self.len()).0
    }

    /// Everything the board shows for one state: the matches in the order
    /// asked for, and every facet's counts. Each facet's counts follow the
    /// search and the *other* facets' picks, so a count says how many
    /// openings picking that value would add or leave.
    pub fn view(&self, query: &Query, sort: Sort) -> View {
        let order = &self.orders[sort.index()];
        let (matches, counts) = self.filter(query, order.iter().map(|&i| i as usize));
        let facets = Facet::ALL
            .into_iter()
            .map(|f| self.facets[f.index()].counts(f, &counts[f.index()], query.selected(f)))
            .collect();
        View { matches, facets }
    }

    /// For each opening, how many of the query words it matches (`None`
    /// when there are no words: everything matches).
    fn word_hits(&self, words: &[String]) -> Option<Vec<u32>> {
        if words.is_empty() {
            return None;
        }
        let mut hits = vec![0u32; self.len];
        for (part, &start) in self.parts.iter().zip(&self.starts) {
            part.words()
                .hits(words, &mut hits[start..start + part.openings.len()]);
        }
        Some(hits)
    }

    /// The matches among `openings` (in that order), and per facet the count
    /// of each value among the openings that pass every other filter.
    fn filter(
        &self,
        query: &Query,
        openings: impl Iterator<Item = usize>,
    ) -> (Vec<usize>, [Vec<u32>; 6]) {
        let words = query_words(&query.text);
        let word_hits = self.word_hits(&words);
        let all_words = words.len() as u32;
        // For each facet with picks, which of its values are picked.
        let picked: Vec<(usize, Vec<bool>)> = Facet::ALL
            .into_iter()
            .filter(|&f| !query.selected(f).is_empty())
            .map(|f| {
                let values = &self.facets[f.index()];
                let mut mask = vec![false; values.len()];
                for value in query.selected(f) {
                    if let Some(id) = values.id_of(value) {
                        mask[id as usize] = true;
                    }
                }
                (f.index(), mask)
            })
            .collect();
        let mut counts: [Vec<u32>; 6] = std::array::from_fn(|f| vec![0; self.facets[f].len()]);
        let mut matches = Vec::new();
        for i in openings {
            if word_hits.as_ref().is_some_and(|h| h[i] != all_words) {
                continue;
            }
            let Some((part, at)) = self.locate(i) else {
                continue;
            };
            let mut failed_facet = None;
            let mut failures = 0;
            for (f, mask) in &picked {
                if !part.facets[*f].of(at).iter().any(|&id| mask[id as usize]) {
                    failures += 1;
                    failed_facet = Some(*f);
                    if failures > 1 {
                        break;
                    }
                }
            }
            match (failures, failed_facet) {
                (0, _) => {
                    matches.push(i);
                    for (column, counts) in part.facets.iter().zip(counts.iter_mut()) {
                        for &id in column.of(at) {
                            counts[id as usize] += 1;
                        }
                    }
                }
                // Passes every filter but this facet's: it counts for this
                // facet's values, which would widen the list to it.
                (1, Some(f)) => {
                    for &id in part.facets[f].of(at) {
                        counts[f][id as usize] += 1;
                    }
                }
                _ => {}
            }
        }
        (matches, counts)
    }
}

/// The openings of a catalog's parts, one after another.
struct Openings<'a> {
    parts: &'a [Rc<Part>],
    part: usize,
    at: usize,
    left: usize,
}

impl<'a> Iterator for Openings<'a> {
    type Item = &'a Opening;

    fn next(&mut self) -> Option<&'a Opening> {
        while let Some(part) = self.parts.get(self.part) {
            if let Some(o) = part.openings.get(self.at) {
                self.at += 1;
                self.left -= 1;
                return Some(o);
            }
            (self.part, self.at) = (self.part + 1, 0);
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Openings<'_> {}

/// Posted within the last [`MARK_DAYS`] days (or dated in the future): the
/// board marks it "new".
pub fn is_new(opening: &Opening, now: Timestamp) -> bool {
    opening
        .date_posted
        .is_some_and(|posted| now.millis_since(posted) < MARK_DAYS * DAY_MS)
}

/// Still open, and closes within the next [`MARK_DAYS`] days: the board
/// marks it "closing soon".
pub fn closes_soon(opening: &Opening, now: Timestamp) -> bool {
    opening
        .valid_through
        .is_some_and(|closes| closes >= now && closes.millis_since(now) <= MARK_DAYS * DAY_MS)
}

/// The folded words of a query, without repeats: at most
/// [`MAX_QUERY_WORDS`] of them, found in one pass.
fn query_words(text: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    fold(text)
        .split(' ')
        .filter(|w| !w.is_empty() && seen.insert(*w))
        .take(MAX_QUERY_WORDS)
        .map(str::to_string)
        .collect()
}

/// Every distinct folded word of the catalog, with the openings it occurs in.
#[derive(Clone, Debug)]
struct WordIndex {
    /// `" word0 word1 word2 "`: one search over this finds every word that
    /// contains (or starts with) a query word.
    vocabulary: String,
    /// Where each word starts in `vocabulary`, ascending.
    starts: Vec<u32>,
    /// The openings each word occurs in, ascending, without repeats.
    postings: Vec<Vec<u32>>,
    ids: HashMap<Box<str>, u32, rustc_hash::FxBuildHasher>,
}

impl Default for WordIndex {
    fn default() -> WordIndex {
        WordIndex {
            vocabulary: " ".to_string(),
            starts: Vec::new(),
            postings: Vec::new(),
            ids: HashMap::default(),
        }
    }
}

impl WordIndex {
    /// Indexes the words of opening `at` (added in ascending order).
    fn add<'a>(&mut self, at: u32, texts: impl IntoIterator<Item = Cow<'a, str>>) {
        for text in texts {
            for_each_folded_word(&text, |word| self.add_word(at, word));
        }
    }

    fn add_word(&mut self, at: u32, word: &str) {
        let id = match self.ids.get(word) {
            Some(&id) => id,
            None => {
                let id = self.starts.len() as u32;
                self.starts.push(self.vocabulary.len() as u32);
                self.vocabulary.push_str(word);
                self.vocabulary.push(' ');
                self.ids.insert(word.into(), id);
                self.postings.push(Vec::new());
                id
            }
        };
        let postings = &mut self.postings[id as usize];
        if postings.last() != Some(&at) {
            postings.push(at);
        }
    }

    /// For each opening of this part, how many of the query words it
    /// matches, into `hits` (all zero on entry).
    fn hits(&self, words: &[String], hits: &mut [u32]) {
        let mut prefixed = String::new();
        for (k, word) in words.iter().enumerate() {
            let k = k as u32;
            let infix = word.chars().count() >= INFIX_MIN_CHARS;
            let pattern = if infix {
                word.as_str()
            } else {
                prefixed.clear();
                prefixed.push(' ');
                prefixed.push_str(word);
                prefixed.as_str()
            };
            let mut last_word = None;
            let mut any = false;
            for (at, _) in self.vocabulary.match_indices(pattern) {
                let Some(id) = self
                    .starts
                    .partition_point(|&s| s as usize <= at + usize::from(!infix))
                    .checked_sub(1)
                else {
                    continue;
                };
                if last_word == Some(id) {
                    continue;
                }
                last_word = Some(id);
                for &o in &self.postings[id] {
                    let h = &mut hits[o as usize];
                    if *h == k {
                        *h = k + 1;
                        any = true;
                    }
                }
            }
            if !any {
                // No opening of this part has this word: none of them can match.
                hits.fill(0);
                return;
            }
        }
    }
}

/// One opening as the board tells it from every other: its feed, the id
/// its feed gave it and its organization, hashed (see [`Catalog::key`]).
pub fn opening_key(source: &str, id: &str, organization: &str) -> u64 {
    hash_of(&[source, id, organization])
}

/// The three keys of an opening, hashed: 64-bit hashes instead of the key
/// texts keep tens of thousands of openings' keys in a fraction of the
/// memory, and two different keys share a hash with a chance of about one
/// in 10^10 among 10,000 openings.
fn hash_of(parts: &[&str]) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    for part in parts {
        hasher.write(part.as_bytes());
        hasher.write_u8(0x1f);
    }
    hasher.finish()
}

/// The keys that make two entries one posting (its identifier within its
/// organization, its apply link, its page), and the key that makes two
/// feeds' entries one job (title, organization and places).
fn dedup_keys(o: &Opening) -> ([Option<u64>; 3], u64) {
    let org = fold(&o.organization.name);
    let folded: Vec<String> = o.locations.iter().map(|l| fold(&l.label())).collect();
    let mut sorted: Vec<u32> = (0..folded.len() as u32).collect();
    crate::sort::sort_indices(&mut sorted, &|a, b| {
        folded[a as usize].cmp(&folded[b as usize])
    });
    let places = sorted
        .iter()
        .map(|&i| folded[i as usize].as_str())
        .collect::<Vec<_>>()
        .join("|");
    (
        [
            Some(hash_of(&["id", &org, &o.id])),
            Some(hash_of(&["link", &o.apply_url])),
            o.url.as_deref().map(|url| hash_of(&["link", url])),
        ],
        hash_of(&["job", &org, &fold(&o.title), &places]),
    )
}

/// The text a search looks at: title, organization, places, department,
/// tags and the description's words as the reader sees them.
fn searchable_parts(o: &Opening) -> Vec<Cow<'_, str>> {
    let mut parts = vec![
        Cow::Borrowed(o.title.as_str()),
        Cow::Borrowed(o.organization.name.as_str()),
    ];
    parts.extend(o.locations.iter().map(|l| Cow::Owned(l.label())));
    parts.extend(
        o.remote_regions
            .iter()
            .chain(&o.department)
            .chain(&o.tags)
            .map(|s| Cow::Borrowed(s.as_str())),
    );
    match &o.description {
        Description::Html(html) => parts.push(Cow::Owned(crate::rich_text::words_of_html(html))),
        Description::Text(s) => parts.push(Cow::Borrowed(s.as_str())),
        Description::None => {}
    }
    parts
}

/// Calls `f` with each word of `fold(text)`, in order, without folding the
/// whole text: a word of ASCII letters and digits only needs lower-casing,
/// and any other run between ASCII separators goes through [`fold`].
fn for_each_folded_word(text: &str, mut f: impl FnMut(&str)) {
    let mut lower = String::new();
    let mut emit = |run: &str, ascii: bool, upper: bool| {
        if !ascii {
            for word in fold(run).split(' ').filter(|w| !w.is_empty()) {
                f(word);
            }
        } else if upper {
            lower.clear();
            lower.push_str(run);
            lower.make_ascii_lowercase();
            f(&lower);
        } else {
            f(run);
        }
    };
    // Bytes, not chars: the separators are ASCII, so every cut falls on a
    // character boundary, and this loop runs over megabytes of descriptions.
    let (mut start, mut ascii, mut upper) = (0, true, false);
    for (at, &byte) in text.as_bytes().iter().enumerate() {
        if byte.is_ascii_alphanumeric() {
            upper |= byte.is_ascii_uppercase();
        } else if !byte.is_ascii() {
            ascii = false;
        } else {
            if at > start {
                emit(text.get(start..at).unwrap_or_default(), ascii, upper);
            }
            (start, ascii, upper) = (at + 1, true, false);
        }
    }
    if start < text.len() {
        emit(text.get(start..).unwrap_or_default(), ascii, upper);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opening(title: &str, description: &str) -> Opening {
        Opening {
            id: title.to_string(),
            title: title.to_string(),
            apply_url: format!("https://jobs.example.org/{}", fold(title).replace(' ', "-")),
            description: Description::Html(description.to_string()),
            ..Opening::default()
        }
    }

    fn catalog(openings: Vec<Opening>) -> Catalog {
        let mut catalog = Catalog::new();
        catalog.add(feed(openings), 0);
        catalog
    }

    fn feed(openings: Vec<Opening>) -> ParsedFeed {
        ParsedFeed {
            openings,
            ..ParsedFeed::default()
        }
    }

    #[test]
    fn short_words_match_word_starts_and_long_words_match_inside_words() {
        let c = catalog(vec![
            opening("Arts Officer", ""),
            opening("Department Head", ""),
            opening("Archivist", "<p>Universitätsbibliothek</p>"),
        ]);
        assert_eq!(c.search(&Query::text("art")), [0]);
        assert_eq!(c.search(&Query::text("partm")), [1]);
        assert_eq!(c.search(&Query::text("bibliothek")), [2]);
        assert_eq!(c.search(&Query::text("zzz")), Vec::<usize>::new());
    }

    proptest::proptest! {
        #[test]
        fn the_indexed_words_are_the_folded_words(text in "\\PC*|[a-zA-Z0-9 ,.\u{300}-\u{302}éÉİß—-]*") {
            let mut words = Vec::new();
            for_each_folded_word(&text, |w| words.push(w.to_string()));
            let folded = fold(&text);
            let expected: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
            proptest::prop_assert_eq!(words, expected);
        }
    }

    /// An opening "7" of Museum A's feed or of Museum B's, in feed `source`.
    fn member(title: &str, org: &str, source: &str) -> Opening {
        Opening {
            id: "7".into(),
            organization: crate::model::Organization {
                name: org.into(),
                ..Default::default()
            },
            source: source.into(),
            ..opening(title, "")
        }
    }

    fn title_at(c: &Catalog, id: &str) -> Option<String> {
        c.position(id)
            .and_then(|i| c.get(i))
            .map(|o| o.title.clone())
    }

    /// Two member institutions that number their openings alike (both have
    /// an opening "7", with other titles) are two openings with two ids: the
    /// second feed's gets a suffix, which it keeps when the other's feed is
    /// read again. By id alone, a click on one opened the other, and a feed
    /// could take another's opening's place.
    #[test]
    fn openings_of_two_members_with_one_id_get_two_ids() {
        let mut c = catalog(vec![member("Alpha Seven", "Museum A", "a")]);
        let added = c.add(
            feed(vec![
                member("Beta Seven", "Museum B", "b"),
                Opening {
                    id: "7~2".into(),
                    ..member("Beta Other", "Museum B", "b")
                },
            ]),
            1,
        );
        assert_eq!(added.new, 2, "no duplicates");
        assert_eq!(added.renamed, [], "the first feed's keeps its id");
        // Each row knows its own, also two of one feed that share an id.
        let both = catalog(vec![
            member("Alpha Seven", "Museum A", "a"),
            member("Alpha Eight", "Museum A2", "a"),
        ]);
        assert_eq!(both.len(), 2);
        assert_ne!(both.key(0), both.key(1));
        let ids: Vec<&str> = c.openings().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, ["7", "7~2", "7~2~2"]);
        assert_eq!(c.position("7"), Some(0));
        assert_eq!(c.position("7~2"), Some(1));
        assert_eq!(c.get(1).map(|o| o.title.as_str()), Some("Beta Seven"));
        // Museum A's feed read again (its answer replaces it): Museum B's
        // opening has its id back meanwhile, and "7~2" again after.
        let mut c = catalog(vec![member("Alpha Seven", "Museum A", "a")]);
        c.add(feed(vec![member("Beta Seven", "Museum B", "b")]), 1);
        let (mut again, renamed) = c.without_source("a");
        assert_eq!(renamed, [("7~2".to_string(), "7".to_string())]);
        let added = again.add(feed(vec![member("Alpha Seven", "Museum A", "a")]), 0);
        assert_eq!(added.renamed, [("7".to_string(), "7~2".to_string())]);
        assert_eq!(title_at(&again, "7~2").as_deref(), Some("Beta Seven"));
        assert_eq!(title_at(&again, "7").as_deref(), Some("Alpha Seven"));
    }

    /// Which opening an id means does not depend on which feed came first:
    /// the one of the feed listed first keeps it, and the other is renamed
    /// when that feed comes later. By arrival, a link to Museum B's "7"
    /// shared from one load opened Museum A's on the next.
    #[test]
    fn the_feed_listed_first_keeps_an_id_whichever_arrives_first() {
        let alpha = || feed(vec![member("Alpha Seven", "Museum A", "a")]);
        let beta = || feed(vec![member("Beta Seven", "Museum B", "b")]);
        let mut in_order = Catalog::new();
        in_order.add(alpha(), 0);
        in_order.add(beta(), 1);
        let mut b_first = Catalog::new();
        b_first.add(beta(), 1);
        assert_eq!(title_at(&b_first, "7").as_deref(), Some("Beta Seven"));
        let before = b_first.clone();
        let added = b_first.add(alpha(), 0);
        assert_eq!(added.renamed, [("7".to_string(), "7~2".to_string())]);
        assert_eq!(
            title_at(&before, "7").as_deref(),
            Some("Beta Seven"),
            "a copy is as it was"
        );
        for c in [&in_order, &b_first] {
            assert_eq!(title_at(c, "7").as_deref(), Some("Alpha Seven"));
            assert_eq!(title_at(c, "7~2").as_deref(), Some("Beta Seven"));
            let beta_at = c.position("7~2").unwrap();
            assert_eq!(c.rank(beta_at), Some(1));
        }
        // A row knows its opening as it did before it was renamed.
        assert_eq!(before.key(0), Some(opening_key("b", "7", "Museum B")));
        assert_eq!(b_first.key(0), before.key(0));
        assert_eq!(b_first.key(1), Some(opening_key("a", "7", "Museum A")));
        assert_eq!(in_order.key(1), b_first.key(0), "the same in either order");
        assert_eq!(b_first.rank(2), None);
        assert_eq!(b_first.key(2), None);
    }

    /// A link to the second feed's "7" (`7~2`) finds it before the first
    /// feed is in, while it is still listed as "7", and after that feed has
    /// failed for good; an id with a suffix that is no feed's place finds
    /// nothing.
    #[test]
    fn a_link_with_a_feed_s_place_finds_its_opening_listed_under_another_id() {
        let mut c = Catalog::new();
        c.add(
            feed(vec![opening("Curator", ""), opening("Librarian", "")]),
            2,
        );
        let beta_eight = Opening {
            id: "8".into(),
            ..member("Beta Eight", "Museum B", "b")
        };
        c.add(
            feed(vec![beta_eight, member("Beta Seven", "Museum B", "b")]),
            1,
        );
        assert_eq!(title_at(&c, "7~2").as_deref(), Some("Beta Seven"));
        assert_eq!(c.position("7~2"), Some(3));
        assert_eq!(title_at(&c, "8~2").as_deref(), Some("Beta Eight"));
        for nothing in [
            "7~1",
            "7~3",
            "7~0",
            "7~",
            "7~x",
            "9~2",
            "~2",
            "Curator~2",
            "7~+2",
            "7~02",
            "7~2 ",
        ] {
            assert_eq!(c.position(nothing), None, "{nothing}");
        }
        // Renamed twice over (a feed's own literal "7~2" took the suffix):
        // still found by the id its feed gave it.
        let mut c = Catalog::new();
        c.add(
            feed(vec![
                Opening {
                    id: "7~2".into(),
                    ..member("Beta Other", "Museum B", "b")
                },
                member("Beta Seven", "Museum B", "b"),
            ]),
            1,
        );
        c.add(feed(vec![member("Alpha Seven", "Museum A", "a")]), 0);
        let ids: Vec<&str> = c.openings().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, ["7~2", "7~2~2", "7"]);
        assert_eq!(title_at(&c, "7~2~2").as_deref(), Some("Beta Seven"));
        let c = c.without_source("a").0;
        assert_eq!(title_at(&c, "7").as_deref(), Some("Beta Seven"));
        assert_eq!(title_at(&c, "7~2").as_deref(), Some("Beta Other"));
    }

    /// One opening listed by the consortium's feed (the board's first) and
    /// a member's, each with its own id: whichever came first is listed,
    /// and a link with the member's id (shared from a load where the
    /// member's came first) finds the consortium's. It found nothing: "this
    /// opening is no longer listed". Not the other way: a feed listed later
    /// that copies an opening would take its links by answering first.
    #[test]
    fn a_link_to_a_duplicate_left_out_finds_the_opening_listed() {
        let copy = |id: &str, source: &str| Opening {
            id: id.into(),
            source: source.into(),
            apply_url: "https://jobs.example.org/archivist".into(),
            ..opening("Archivist", "")
        };
        for consortium_first in [true, false] {
            let mut c = catalog(vec![opening("Curator", "")]);
            let (first, second) = match consortium_first {
                true => ((copy("c-1", "c"), 0), (copy("m-1", "m"), 1)),
                false => ((copy("m-1", "m"), 1), (copy("c-1", "c"), 0)),
            };
            c.add(feed(vec![first.0]), first.1);
            let added = c.add(feed(vec![second.0]), second.1);
            assert_eq!((added.new, added.duplicates), (0, 1));
            assert_eq!(c.position("c-1").is_some(), consortium_first);
            assert_eq!(c.position("m-1"), Some(1));
            assert_eq!(c.position("Curator"), Some(0));
        }
        // The copy listed earlier in the same feed's part, and in a part
        // of the same feed before.
        let mut c = catalog(vec![opening("Curator", "")]);
        c.add(feed(vec![copy("m-1", "m"), copy("m-2", "m")]), 1);
        assert_eq!(c.position("m-2"), Some(1));
        c.add(feed(vec![copy("m-3", "m")]), 1);
        assert_eq!(c.position("m-3"), Some(1));
        // A duplicate within one feed, of the same id, is no alias.
        let mut c = catalog(vec![opening("Curator", "")]);
        c.add(feed(vec![copy("c-1", "c"), copy("c-1", "c")]), 1);
        assert_eq!(c.len(), 2);
        assert_eq!(c.position("c-1"), Some(1));
    }

    /// A row knows its opening by feed, id and organization: two members'
    /// "7" are two, and so are two organizations' "7" in one feed.
    #[test]
    fn an_openings_key_is_its_feed_id_and_organization() {
        let key = |source, id, org| opening_key(source, id, org);
        assert_eq!(key("a", "7", "M"), key("a", "7", "M"));
        assert_ne!(key("a", "7", "M"), key("b", "7", "M"));
        assert_ne!(key("a", "7", "M"), key("a", "8", "M"));
        assert_ne!(key("a", "7", "M"), key("a", "7", "N"));
        assert_ne!(
            key("a7", "", "M"),
            key("a", "7", "M"),
            "the parts are kept apart"
        );
    }

    /// A feed listed later whose copy of an opening came first: once the
    /// earlier feed is all in, the catalog made anew in the board's order
    /// lists the earlier feed's copy (its own apply link), and a link
    /// with the later copy's id finds it. A hostile feed that copies a
    /// member's opening listed its own in the member's place by answering
    /// first.
    #[test]
    fn the_copy_of_the_feed_listed_first_is_listed_once_it_is_in() {
        let copy = |id: &str, source: &str, apply: &str| Opening {
            id: id.into(),
            source: source.into(),
            apply_url: apply.into(),
            ..member("Keeper", "Museum A", source)
        };
        let mut c = Catalog::new();
        c.add(feed(vec![opening("Curator", "")]), 1);
        let hostile = copy("h-1", "h", "https://evil.example/phish");
        let added = c.add(feed(vec![hostile]), 2);
        assert!(!added.displaced);
        let real = copy("7", "a", "https://museum-a.example/apply/7");
        let added = c.add(feed(vec![real]), 0);
        assert!(added.displaced, "the listed copy is a later feed's");
        assert_eq!(
            c.position("7"),
            None,
            "the later feed's copy is not the link's"
        );
        let (c, renamed) = c.in_rank_order();
        assert_eq!(renamed, []);
        let apply = |id: &str| c.get(c.position(id).unwrap()).unwrap().apply_url.clone();
        assert_eq!(apply("7"), "https://museum-a.example/apply/7");
        assert_eq!(apply("h-1"), "https://museum-a.example/apply/7");
        assert_eq!(c.len(), 2);
        assert_eq!(c.position("Curator"), Some(1), "the board's order");
        let counts = c.counts_by_source();
        assert_eq!(counts.get("a"), Some(&(1, 0)));
        assert_eq!(counts.get("h"), Some(&(0, 1)));
        assert_eq!(counts.get(""), Some(&(1, 0)));
        assert_eq!(counts.len(), 3);
        // In order, nothing to make anew.
        let mut c = Catalog::new();
        c.add(
            feed(vec![copy("7", "a", "https://museum-a.example/apply/7")]),
            0,
        );
        let added = c.add(
            feed(vec![copy("h-1", "h", "https://evil.example/phish")]),
            2,
        );
        assert!(!added.displaced);
    }

    /// Made anew, a feed's openings keep its order, the ones left out as
    /// copies too: the ids are those of the feeds come in order. (Its
    /// copies were put after the rest, and the ids of one feed's "7"s
    /// swapped.)
    #[test]
    fn made_anew_each_feed_keeps_its_order() {
        let seven = |title: &str, org: &str, source: &str, apply: &str| Opening {
            apply_url: apply.into(),
            ..member(title, org, source)
        };
        let keeper = || seven("Keeper", "Museum A", "a", "https://a.example/keeper");
        let other = || seven("Other", "Museum A2", "a", "https://a.example/other");
        let copy = Opening {
            id: "h-1".into(),
            ..seven("Keeper", "Museum A", "h", "https://h.example/keeper")
        };
        let mut in_order = Catalog::new();
        in_order.add(feed(vec![keeper(), other()]), 0);
        in_order.add(feed(vec![copy.clone()]), 1);
        let mut h_first = Catalog::new();
        h_first.add(feed(vec![copy]), 1);
        assert!(h_first.add(feed(vec![keeper(), other()]), 0).displaced);
        let (made, _) = h_first.in_rank_order();
        for c in [&in_order, &made] {
            assert_eq!(title_at(c, "7").as_deref(), Some("Keeper"));
            assert_eq!(title_at(c, "7~1").as_deref(), Some("Other"));
            assert_eq!(c.len(), 2);
            let key = c.key(0).unwrap();
            // The copy left out leads to the one listed.
            assert_eq!(c.find_key(opening_key("h", "h-1", "Museum A")), Some(0));
            assert_eq!(c.find_key(key), Some(0));
        }
        assert_eq!(made.find_key(1), None);
    }

    /// One feed's parts (it arrives in parts) are one feed: its second
    /// "7" (another organization's) takes a suffix, its first keeps "7".
    #[test]
    fn the_parts_of_one_feed_give_ids_in_the_feed_s_order() {
        let mut c = Catalog::new();
        c.add(feed(vec![member("Alpha Seven", "Museum A", "a")]), 0);
        let added = c.add(feed(vec![member("Alpha Eight", "Museum A2", "a")]), 0);
        assert_eq!(added.renamed, []);
        let ids: Vec<&str> = c.openings().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, ["7", "7~1"]);
    }

    /// The feed listed first taken out (it failed): the second's "7",
    /// listed as "7~2" while the first's was there, is "7" again.
    #[test]
    fn an_opening_gets_its_own_id_back_when_the_feed_that_had_it_goes() {
        let mut c = Catalog::new();
        c.add(feed(vec![member("Alpha Seven", "Museum A", "a")]), 0);
        c.add(feed(vec![member("Beta Seven", "Museum B", "b")]), 1);
        let key = c.key(1);
        let (c, renamed) = c.without_source("a");
        assert_eq!(renamed, [("7~2".to_string(), "7".to_string())]);
        assert_eq!(title_at(&c, "7").as_deref(), Some("Beta Seven"));
        assert_eq!(c.key(0), key, "a row still knows it");
        assert_eq!(c.find_key(key.unwrap()), Some(0));
        assert_eq!(c.find_key(0), None);
    }

    /// A hostile feed of many organizations' openings all numbered "7":
    /// each gets an id of its own, and the suffixes are found in linear
    /// time (trying every suffix from 2 for each was quadratic: 20,000
    /// openings held the page for seconds).
    #[test]
    fn many_openings_of_one_id_get_ids_of_their_own() {
        let many = |count: usize, source: &str| {
            (0..count)
                .map(|n| Opening {
                    id: "7".into(),
                    organization: crate::model::Organization {
                        name: format!("Museum {source}{n}"),
                        ..Default::default()
                    },
                    source: source.into(),
                    apply_url: format!("https://jobs.example.org/{source}/{n}"),
                    title: format!("Keeper {n}"),
                    ..Opening::default()
                })
                .collect::<Vec<_>>()
        };
        let mut c = catalog(many(20_000, "a"));
        c.add(feed(many(20_000, "b")), 1);
        assert_eq!(c.len(), 40_000);
        let ids: std::collections::HashSet<&str> = c.openings().map(|o| o.id.as_str()).collect();
        assert_eq!(ids.len(), 40_000, "an id given twice");
        assert_eq!(c.position("7~2~20000"), Some(39_999));
        // The second feed's first: its 20,000 are renamed at once, in
        // linear time too.
        let mut c = Catalog::new();
        c.add(feed(many(20_000, "b")), 1);
        let added = c.add(feed(many(20_000, "a")), 0);
        assert_eq!(added.renamed.len(), 1);
        assert_eq!(c.len(), 40_000);
        let ids: std::collections::HashSet<&str> = c.openings().map(|o| o.id.as_str()).collect();
        assert_eq!(ids.len(), 40_000, "an id given twice");
        assert_eq!(c.get(20_000).map(|o| o.title.as_str()), Some("Keeper 0"));
        assert_eq!(c.get(20_000).map(|o| o.id.as_str()), Some("7"));
    }

    /// A shared link names an opening by its id: found wherever it is, in
    /// the first feed's part or a later one; an id no feed has is not.
    #[test]
    fn an_opening_is_found_by_its_id_in_every_part() {
        let mut c = catalog(vec![opening("Archivist", ""), opening("Curator", "")]);
        c.add(feed(vec![opening("Conservator", "")]), 1);
        for (at, id) in ["Archivist", "Curator", "Conservator"]
            .into_iter()
            .enumerate()
        {
            assert_eq!(c.position(id), Some(at), "{id}");
            assert_eq!(c.get(at).map(|o| o.id.as_str()), Some(id));
        }
        assert_eq!(c.position("Registrar"), None);
        // The openings, across the parts, know how many are left.
        let mut all = c.openings();
        assert_eq!(all.size_hint(), (3, Some(3)));
        all.next();
        all.next();
        assert_eq!(all.size_hint(), (1, Some(1)));
        assert_eq!(all.next().map(|o| o.id.as_str()), Some("Conservator"));
        assert_eq!(all.size_hint(), (0, Some(0)));
    }

    #[test]
    fn a_feed_taken_out_leaves_the_others_found_as_before() {
        let from = |title: &str, source: &str| Opening {
            source: source.to_string(),
            ..opening(title, "")
        };
        let c = catalog(vec![
            from("Archivist", "a"),
            from("Curator", "b"),
            from("Archivist of maps", "b"),
            from("Conservator", "a"),
        ]);
        let left = c.without_source("b").0;
        let titles: Vec<&str> = left.openings().map(|o| o.title.as_str()).collect();
        assert_eq!(titles, ["Archivist", "Conservator"]);
        assert_eq!(left.search(&Query::text("archivist")), [0]);
        assert_eq!(left.search(&Query::text("curator")), Vec::<usize>::new());
        // Another feed's copy of an opening taken out is listed again.
        let mut both = c.clone();
        both.add(feed(vec![from("Curator", "c")]), 1);
        assert_eq!(both.len(), 4, "a duplicate is listed once");
        let left = both.without_source("b").0;
        let titles: Vec<&str> = left.openings().map(|o| o.title.as_str()).collect();
        assert_eq!(titles, ["Archivist", "Conservator", "Curator"]);
        assert_eq!(left.get(2).map(|o| o.source.as_str()), Some("c"));
        // The openings of the feed taken out may come back later.
        let mut again = c.without_source("b").0;
        let added = again.add(feed(vec![from("Curator", "b")]), 1);
        assert_eq!(added.new, 1);
    }

    /// A search finds what the reader sees in a description: not the text
    /// of a script or a style the board never shows, and a word with markup
    /// inside it as the one word it reads as.
    #[test]
    fn a_search_finds_only_what_the_reader_sees() {
        let c = catalog(vec![opening(
            "Registrar",
            "<script>var hidden = 'lighthouse';</script><style>.keeper{}</style><p><b>Arch</b>ivist wanted</p>",
        )]);
        assert_eq!(c.search(&Query::text("lighthouse")), Vec::<usize>::new());
        assert_eq!(c.search(&Query::text("keeper")), Vec::<usize>::new());
        assert_eq!(c.search(&Query::text("archivist")), [0]);
        assert_eq!(c.search(&Query::text("wanted")), [0]);
    }

    #[test]
    fn a_query_is_empty_until_it_has_words_or_picks() {
        let mut q = Query::default();
        assert!(q.is_empty() && !q.has_filters());
        q.text = "  ,  ".into();
        assert!(q.is_empty(), "punctuation and spaces are no words");
        q.text = "x".into();
        assert!(!q.is_empty());
        let mut q = Query::default();
        q.select(Facet::Country, "NL");
        assert!(q.has_filters() && !q.is_empty());
        q.deselect(Facet::Country, "nl");
        assert!(
            !q.has_filters() && q.is_empty(),
            "unpicked in another spelling"
        );
    }

    #[test]
    fn picks_are_counted_kept_per_facet_and_cleared() {
        let mut q = Query::default();
        q.select(Facet::Country, "NL");
        q.select(Facet::Country, "nl");
        q.select(Facet::Tag, "IIIF");
        q.set_selected(Facet::Organization, vec!["B".into(), "A".into()]);
        assert_eq!(q.picked(), 4, "\"nl\" is \"NL\" again, so not counted");
        assert_eq!(q.selected(Facet::Organization), ["B", "A"], "as written");
        assert_eq!(q.selected(Facet::Country), ["NL"]);
        assert!(q.selected(Facet::Department).is_empty());
        q.clear(Facet::Organization);
        assert_eq!(q.picked(), 2);
        assert_eq!(q.selected(Facet::Tag), ["IIIF"], "other facets stay");
        q.text = "curator".into();
        q.clear_filters();
        assert_eq!((q.picked(), q.text.as_str()), (0, "curator"));
        assert_eq!(q, Query::text("curator"), "as if never picked");
    }

    #[test]
    fn the_pages_of_a_view_cut_its_matches() {
        let view = View {
            matches: (0..45).collect(),
            facets: Vec::new(),
        };
        assert_eq!(view.page_count(20), 3);
        assert_eq!(view.page(1, 20), (0..20).collect::<Vec<_>>());
        assert_eq!(view.page(3, 20), (40..45).collect::<Vec<_>>());
        assert_eq!(
            view.page(0, 20),
            view.page(1, 20),
            "before the first page: the first"
        );
        assert_eq!(
            view.page(99, 20),
            view.page(3, 20),
            "past the last page: the last"
        );
        assert_eq!(view.page(2, 0), [1], "a page size of 0 is 1");
        let empty = View::default();
        assert_eq!(empty.page_count(20), 1);
        assert!(empty.page(1, 20).is_empty());
    }

    #[test]
    fn word_indexes_are_made_a_part_at_a_time_and_found_the_same() {
        let feed = |titles: &[&str]| ParsedFeed {
            openings: titles
                .iter()
                .map(|t| opening(t, "<p>Reading <b>room</b></p>"))
                .collect(),
            ..ParsedFeed::default()
        };
        let mut ahead = Catalog::new();
        ahead.add(feed(&["Archivist", "Curator"]), 0);
        ahead.add(feed(&["Conservator"]), 0);
        ahead.add(feed(&["Archivist"]), 0); // a duplicate only: a part with no openings
        let lazy = ahead.clone();
        let mut made = 0;
        while made < 10 && ahead.index_next_part() {
            made += 1;
        }
        assert_eq!(made, 3, "one index per part, then none left to make");
        assert!(!lazy.index_next_part(), "a copy shares its parts' indexes");
        let mut later = Catalog::new();
        later.add(feed(&["Archivist", "Curator"]), 0);
        later.add(feed(&["Conservator"]), 0);
        for c in [&ahead, &later] {
            assert_eq!(c.search(&Query::text("archivist")), [0]);
            assert_eq!(c.search(&Query::text("room")), [0, 1, 2]);
            assert_eq!(c.search(&Query::text("conserv")), [2]);
        }
        assert!(
            !later.index_next_part(),
            "a search made every index it needed"
        );
    }

    #[test]
    fn a_catalog_is_empty_until_it_holds_an_opening() {
        assert!(Catalog::new().is_empty());
        let c = catalog(vec![opening("Archivist", "")]);
        assert!(!c.is_empty());
        assert_eq!(c.len(), 1);
    }

    #[test]
    fn a_word_repeated_in_a_query_still_matches() {
        let c = catalog(vec![opening("Archivist", ""), opening("Curator", "")]);
        assert_eq!(c.search(&Query::text("archivist ARCHIVIST")), [0]);
    }
}
