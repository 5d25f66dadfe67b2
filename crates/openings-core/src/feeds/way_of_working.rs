//! A place written as text that says how the work is done ("Remote - US",
//! "Hybrid (London)", "San Francisco or Remote (US)", "100% Remote"), as
//! applicant-tracking systems' free-text locations write it.

/// What a place written as text says of the way of working.
#[derive(Debug, Default, PartialEq)]
pub struct WayOfWorking {
    /// Remote only (else hybrid, or remote or on site).
    pub remote: bool,
    /// Places to work in: a hybrid job's, or the alternative to remote work
    /// ("Paris or remote").
    pub places: Vec<String>,
    /// Where a remote applicant may live ("Remote - US").
    pub region: Option<String>,
}

/// What separates the word from the rest: "Remote - US", "Remote: EMEA".
const SEPARATORS: &str = "-–—‐‑,:;/|•·";

/// Words that say no more than the way of working itself ("Fully Remote",
/// "Remote-Friendly", "On-site or Remote").
const QUALIFIERS: [&str; 10] = [
    "optional",
    "possible",
    "available",
    "eligible",
    "on-site",
    "onsite",
    "on",
    "site",
    "in-office",
    "office",
];

/// Words that make remote work part of the week ("Partially Remote").
const PARTLY: [&str; 3] = ["partially", "partly", "partial"];

/// Qualifiers that are dropped where they begin or end the rest ("Fully
/// Remote - US", "Remote OK (EU)"); the others ("office") may be a place's.
const EDGE: [&str; 10] = [
    "fully",
    "100%",
    "first",
    "friendly",
    "only",
    "ok",
    "okay",
    "flexible",
    "partially",
    "partly",
];

/// Joins alternatives: "Paris or remote", "Berlin & Remote". Not "OR",
/// which is Oregon ("Portland, OR - Remote").
const ALTERNATIVES: [&str; 5] = [" or ", " Or ", " & ", " + ", " and "];

/// The way of working a place names with the word "remote" or "hybrid"
/// (see [`WayOfWorking`]); nothing for a place that names neither.
pub fn way_of_working(place: &str) -> Option<WayOfWorking> {
    let says = |text: &str| {
        let lower = text.to_ascii_lowercase();
        (
            word_at(&lower, "remote").is_some(),
            word_at(&lower, "hybrid").is_some(),
        )
    };
    let (remote, hybrid) = says(place);
    if !remote && !hybrid {
        return None;
    }
    let mut way = WayOfWorking {
        remote: !hybrid,
        ..WayOfWorking::default()
    };
    for part in alternatives(place) {
        let (remote, hybrid) = says(part);
        let partly = words(part).any(|w| PARTLY.contains(&w.as_str()));
        let rest = rest_of(part).filter(|r| !words(r).all(|w| QUALIFIERS.contains(&w.as_str())));
        if partly || (!remote && !hybrid) {
            // "Paris or remote", "On-site or remote", "Partially remote".
            way.remote = false;
        }
        match rest {
            Some(rest) if remote && !hybrid && !partly => {
                way.region.get_or_insert(rest);
            }
            Some(rest) => way.places.push(rest),
            None => {}
        }
    }
    Some(way)
}

/// The place split at its alternatives: "San Francisco or Remote (US)" is
/// "San Francisco" and "Remote (US)".
fn alternatives(place: &str) -> Vec<&str> {
    let mut parts = vec![place];
    for joint in ALTERNATIVES {
        parts = parts.into_iter().flat_map(|p| p.split(joint)).collect();
    }
    parts
}

/// Where `word` (lowercase) first stands as a word of its own in `lower`.
fn word_at(lower: &str, word: &str) -> Option<usize> {
    lower.match_indices(word).map(|(at, _)| at).find(|&at| {
        let before = lower[..at].chars().next_back();
        let after = lower[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The words of a text, lower-cased (ASCII).
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| c.is_whitespace() || (SEPARATORS.contains(c) && c != '-'))
        .map(|w| w.trim_matches(|c: char| SEPARATORS.contains(c) || c == '(' || c == ')'))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
}

/// What a part of a place says besides "remote" or "hybrid", tidied: "US"
/// of "Remote - US", "United States" of "United States (Remote)", "the US"
/// of "Remote in the US".
fn rest_of(part: &str) -> Option<String> {
    let mut rest = part.to_string();
    for word in ["remote", "hybrid"] {
        while let Some(at) = word_at(&rest.to_ascii_lowercase(), word) {
            rest.replace_range(at..at + word.len(), " ");
        }
    }
    let mut rest = tidy(&brackets(&rest));
    loop {
        let (first, after) = rest.split_once(' ').unwrap_or((&rest, ""));
        let (before, last) = rest.rsplit_once(' ').unwrap_or(("", &rest));
        // A joint left alone ("Remote or"); not "OR", which is Oregon.
        let joint = |w: &str| ["or", "Or", "and", "&", "+"].contains(&w);
        let (joint_first, joint_last) = (joint(first), joint(last));
        let (first, last) = (first.to_ascii_lowercase(), last.to_ascii_lowercase());
        let edge = |w: &str| EDGE.contains(&w.trim_matches(|c: char| SEPARATORS.contains(c)));
        rest = if joint_first || edge(&first) || ["in", "from", "within"].contains(&first.as_str())
        {
            tidy(after)
        } else if joint_last || edge(&last) {
            tidy(before)
        } else {
            break;
        };
    }
    (!rest.is_empty()).then_some(rest)
}

/// Each bracket's content tidied, and a bracket left empty dropped:
/// "United States ( )" is "United States", "London ( - 3 days)" is
/// "London (3 days)", "( US )" is "US".
fn brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        out.push_str(&rest[..open]);
        let inner = tidy(&rest[open + 1..close]);
        if !inner.is_empty() {
            out.push('(');
            out.push_str(&inner);
            out.push(')');
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    let whole = tidy(&out);
    // Only a bracket: "(US)" is "US".
    match whole.strip_prefix('(').and_then(|w| w.strip_suffix(')')) {
        Some(inner) if !inner.contains(['(', ')']) => inner.to_string(),
        _ => whole,
    }
}

/// The text without separators and spaces at its ends, its inner runs of
/// spaces made one.
fn tidy(text: &str) -> String {
    text.trim_matches(|c: char| c.is_whitespace() || SEPARATORS.contains(c))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn says(place: &str) -> Option<(bool, Vec<String>, Option<String>)> {
        way_of_working(place).map(|w| (w.remote, w.places, w.region))
    }

    fn remote_from(region: &str) -> Option<(bool, Vec<String>, Option<String>)> {
        Some((true, vec![], Some(region.to_string())))
    }

    fn hybrid_in(place: &str) -> Option<(bool, Vec<String>, Option<String>)> {
        Some((false, vec![place.to_string()], None))
    }

    const REMOTE: Option<(bool, Vec<String>, Option<String>)> = Some((true, vec![], None));
    const HYBRID: Option<(bool, Vec<String>, Option<String>)> = Some((false, vec![], None));

    #[test]
    fn the_word_alone() {
        assert_eq!(says("Remote"), REMOTE);
        assert_eq!(says(" REMOTE "), REMOTE);
        assert_eq!(says("Hybrid"), HYBRID);
    }

    #[test]
    fn remote_from_a_region() {
        for (place, region) in [
            ("Remote - US", "US"),
            ("Remote – Europe", "Europe"),
            ("Remote‐US", "US"),
            ("Remote • US", "US"),
            ("Remote·US", "US"),
            ("US Remote", "US"),
            ("US-Remote", "US"),
            ("Remote, Canada", "Canada"),
            ("Remote (Canada)", "Canada"),
            ("Remote: EMEA", "EMEA"),
            ("Remote-India (PEO)", "India (PEO)"),
            ("United States (Remote)", "United States"),
            ("(Remote) US", "US"),
            ("İstanbul (Remote)", "İstanbul"),
            ("Portland, OR - Remote", "Portland, OR"),
            ("Remote - Portland, OR", "Portland, OR"),
            ("Remote - OR", "OR"),
            ("Remote in the US", "the US"),
            ("Remote from Germany", "Germany"),
            ("or Remote - US", "US"),
            ("Remote - US or", "US"),
            ("Remote (US) (PEO)", "(US) (PEO)"),
        ] {
            assert_eq!(says(place), remote_from(region), "{place}");
        }
    }

    #[test]
    fn hybrid_in_a_place() {
        for (place, at) in [
            ("Hybrid (London)", "London"),
            ("Hybrid - Leiden, NL", "Leiden, NL"),
            ("Salem, OR (Hybrid)", "Salem, OR"),
            ("London (Hybrid - 3 days)", "London (3 days)"),
            ("Remote/Hybrid - NYC", "NYC"),
            ("Hybrid Remote - London", "London"),
            ("Partially Remote - Utrecht", "Utrecht"),
        ] {
            assert_eq!(says(place), hybrid_in(at), "{place}");
        }
        assert_eq!(says("Hybrid/Remote"), HYBRID);
        assert_eq!(says("Remote or Hybrid"), HYBRID);
        assert_eq!(says("Partially Remote"), HYBRID);
    }

    #[test]
    fn a_place_or_remote_work() {
        assert_eq!(says("Paris or remote"), hybrid_in("Paris"));
        assert_eq!(says("Remote or Lisbon"), hybrid_in("Lisbon"));
        assert_eq!(says("Berlin & Remote"), hybrid_in("Berlin"));
        assert_eq!(says("Berlin + Remote"), hybrid_in("Berlin"));
        assert_eq!(says("On-site or Remote"), HYBRID);
        assert_eq!(says("In-office or Remote"), HYBRID);
        assert_eq!(says("On-site (Office) or Remote"), HYBRID);
        assert_eq!(
            says("San Francisco or Remote (US)"),
            Some((false, vec!["San Francisco".into()], Some("US".into())))
        );
        assert_eq!(
            says("London, UK or Remote US"),
            Some((false, vec!["London, UK".into()], Some("US".into())))
        );
        assert_eq!(says("Remote or"), REMOTE);
    }

    #[test]
    fn words_that_say_no_more() {
        for place in [
            "Fully Remote",
            "100% Remote",
            "Remote First",
            "Remote-Friendly",
            "Remote only",
            "Remote OK",
        ] {
            assert_eq!(says(place), REMOTE, "{place}");
        }
    }

    #[test]
    fn not_the_word() {
        for place in [
            "Remoteville, OR",
            "Hybridge",
            "Leiden",
            "",
            "Notremote",
            "Remotes",
        ] {
            assert_eq!(says(place), None, "{place}");
        }
        assert_eq!(says("Remoteville or remote"), hybrid_in("Remoteville"));
    }
}
