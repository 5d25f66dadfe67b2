//! The orders a reader can list openings in: newest first, closing soonest,
//! by title, by organization. The catalog puts its openings in each order
//! once, when a feed arrives, so a result comes out sorted for free.

use std::cmp::Ordering;

use crate::dates::Timestamp;

/// An order of the list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// Most recently posted first; undated openings last.
    #[default]
    Newest,
    /// Soonest closing date first; openings without one last.
    Closing,
    /// By title, A to Z (accents and case ignored, numbers in number order).
    Title,
    /// By organization, then title.
    Organization,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Newest, Sort::Closing, Sort::Title, Sort::Organization];

    /// The stable key used in URLs and in the board's `sort` attribute.
    pub fn key(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Closing => "closing",
            Sort::Title => "title",
            Sort::Organization => "org",
        }
    }

    /// Reads a key written by [`Sort::key`] (case-insensitive, trimmed);
    /// `None` for anything else.
    pub fn parse(raw: &str) -> Option<Sort> {
        let raw = raw.trim();
        Sort::ALL
            .into_iter()
            .find(|s| s.key().eq_ignore_ascii_case(raw))
    }

    pub(crate) fn index(self) -> usize {
        match self {
            Sort::Newest => 0,
            Sort::Closing => 1,
            Sort::Title => 2,
            Sort::Organization => 3,
        }
    }
}

/// What an opening is sorted by, computed once when it is added.
#[derive(Clone, Debug, Default)]
pub(crate) struct SortKey {
    pub posted: Option<Timestamp>,
    pub closes: Option<Timestamp>,
    /// Folded title.
    pub title: String,
    /// Folded organization name.
    pub organization: String,
}

/// Compares two openings in the given order. Ties fall through to the
/// title, the organization, and finally arrival order (by the caller).
pub(crate) fn compare(sort: Sort, a: &SortKey, b: &SortKey) -> Ordering {
    let by_title = || natural_cmp(&a.title, &b.title);
    let by_org = || natural_cmp(&a.organization, &b.organization);
    match sort {
        Sort::Newest => later_first(a.posted, b.posted)
            .then_with(by_title)
            .then_with(by_org),
        Sort::Closing => earlier_first(a.closes, b.closes)
            .then_with(|| later_first(a.posted, b.posted))
            .then_with(by_title)
            .then_with(by_org),
        Sort::Title => by_title().then_with(by_org),
        Sort::Organization => by_org().then_with(by_title),
    }
}

/// The openings in the given order, as indices into `keys`.
pub(crate) fn order(sort: Sort, keys: &[SortKey]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..keys.len() as u32).collect();
    // A stable sort: equal openings keep their arrival order.
    sort_indices(&mut order, &|a, b| {
        compare(sort, &keys[a as usize], &keys[b as usize])
    });
    order
}

/// Sorts `indices` by `cmp`, stably (equal ones keep their order). Every
/// sort of the board goes through this one function, sorting numbers: each
/// `sort_by` over another type or with another closure is a copy of the
/// standard library's sort (~3 KB of WebAssembly each).
pub fn sort_indices(indices: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    indices.sort_by(|&a, &b| cmp(a, b));
}

fn later_first(a: Option<Timestamp>, b: Option<Timestamp>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.cmp(&a),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn earlier_first(a: Option<Timestamp>, b: Option<Timestamp>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Compares text the way people read lists: runs of digits by their number
/// ("Curator 2" before "Curator 10"), everything else character by character.
/// Meant for folded text. Works on bytes (UTF-8 orders like its characters):
/// sorting a large catalog calls this hundreds of thousands of times.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    // One position for both: a run of digits is passed only when both runs
    // are as long (the same number, spelled alike).
    let mut i = 0;
    while i < a.len() && i < b.len() {
        let (x, y) = (a[i], b[i]);
        if x.is_ascii_digit() && y.is_ascii_digit() {
            let (da, db) = (digits(&a[i..]), digits(&b[i..]));
            let (na, nb) = (without_zeros(da), without_zeros(db));
            let order = na
                .len()
                .cmp(&nb.len())
                .then_with(|| na.cmp(nb))
                // "07" and "7" are the same number: the shorter spelling first.
                .then_with(|| da.len().cmp(&db.len()));
            if order != Ordering::Equal {
                return order;
            }
            i += da.len();
        } else if x != y {
            return x.cmp(&y);
        } else {
            i += 1;
        }
    }
    a.len().cmp(&b.len())
}

fn digits(s: &[u8]) -> &[u8] {
    let end = s
        .iter()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(s.len());
    &s[..end]
}

fn without_zeros(digits: &[u8]) -> &[u8] {
    let zeros = digits.iter().take_while(|&&b| b == b'0').count();
    &digits[zeros..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_back_and_nonsense_does_not() {
        for s in Sort::ALL {
            assert_eq!(Sort::parse(s.key()), Some(s));
        }
        assert_eq!(Sort::parse(" Closing "), Some(Sort::Closing));
        assert_eq!(Sort::parse("oldest"), None);
        assert_eq!(Sort::parse(""), None);
    }

    #[test]
    fn digits_and_letters_compare_as_characters_and_text_after_a_number_counts() {
        assert_eq!(
            natural_cmp("1", "b"),
            Ordering::Less,
            "a digit before a letter"
        );
        assert_eq!(natural_cmp("b", "1"), Ordering::Greater);
        assert_eq!(natural_cmp("curator 7 b", "curator 7 a"), Ordering::Greater);
        assert_eq!(natural_cmp("curator 12 a", "curator 12 b"), Ordering::Less);
        assert_eq!(natural_cmp("room 3", "room 3"), Ordering::Equal);
        assert_eq!(natural_cmp("room 3", "room 3b"), Ordering::Less);
        assert_eq!(natural_cmp("", "a"), Ordering::Less);
        assert_eq!(natural_cmp("a", ""), Ordering::Greater);
        assert_eq!(
            natural_cmp("x9", "x10"),
            Ordering::Less,
            "by value, not by digit"
        );
        assert_eq!(
            natural_cmp("x007", "x7"),
            Ordering::Greater,
            "the shorter spelling first"
        );
    }

    #[test]
    fn numbers_in_titles_sort_as_numbers() {
        let mut titles = vec![
            "curator 10",
            "curator 2",
            "archivist",
            "curator 02",
            "curator",
        ];
        titles.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            titles,
            [
                "archivist",
                "curator",
                "curator 2",
                "curator 02",
                "curator 10"
            ]
        );
    }
}
