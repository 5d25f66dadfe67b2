//! The job title of a post. A post's `title` is often a headline — "IIIF
//! Consortium Hiring a Community and Communications Coordinator",
//! "Position Search: …", "We're hiring - Senior Research Software
//! Engineer", "Digital Repository Developer - Columbia University
//! Libraries" — while search engines and job seekers want the job's own
//! title. [`job_title`] takes it out of the headline by these rules, in
//! order (case does not matter):
//!
//! 1. a lead such as "Position Search", "Job", "Job opening", "Vacancy",
//!    "We're hiring", "Now hiring", "Hiring", "Wanted", "Vacature" before
//!    `:`, `-`, `–`, `—` or `!` is dropped;
//! 2. the words after "hiring a/an", "is hiring", "seeks a/an", "is seeking
//!    a/an", "looking for a/an", "vacancy for a/an" are the title;
//! 3. the title ends with its sentence ("Accessibility Coordinator. Join Our
//!    Team"); a tail that names the employer — " - Columbia University
//!    Libraries", " at the University of Zürich", " bij NAK (Emmeloord)" —
//!    is dropped when it is the organization or reads like one (University,
//!    Library, Museum, Institute, Society…), and so is the organization's
//!    name before the title ("George Mason University Digital Library
//!    Developer"), its first three words or more, its initials ("CUNY Post
//!    Doctoral Fellowship", "UNC …" for the University of North Carolina at
//!    Chapel Hill) or its name without "University", "Library"… ("Yale
//!    Librarian for Digital Humanities Research");
//! 4. a tail of "Position", "Position Available", "Opening", "Vacancy" is
//!    dropped, and so is "position in/at/with …" ("Research associate
//!    position in Loughborough") and a leading "a", "an" or "the"; the first
//!    letter is made upper case.
//!
//! A post whose body labels the title — a line "Position Title: …", "Job
//! Title: …", "Posting Title: …" — gives it there ([`labelled_in_body`]),
//! before any headline rule.
//!
//! When the headline is an announcement with no title in it ("UCSF is
//! Hiring", "Wanted: new member of the team"), the title is looked for in
//! the text ([`in_prose`]: "to serve as the Scientific Lead") and then in
//! the address of the job ad ([`from_link`]: `…/job/BSP946/
//! research-software-engineer-rse`); a title found there comes with a
//! warning.
//!
//! [`headline_reasons`] says why a title still reads like a headline, for
//! `openings validate` and `openings jekyll`.

use openings_core::text::fold;

/// Leads that say "this is a job ad" before the title.
const LEADS: [&str; 17] = [
    "position search",
    "job opening",
    "job posting",
    "job offer",
    "job",
    "open position",
    "opening",
    "vacancy",
    "we're hiring",
    "we’re hiring",
    "we are hiring",
    "now hiring",
    "hiring",
    "wanted",
    "career opportunity",
    "call for applications",
    "vacature",
];

/// Phrases after which the job's title follows.
const BEFORE_TITLE: [&str; 12] = [
    "is hiring an ",
    "is hiring a ",
    "is hiring ",
    "hiring an ",
    "hiring a ",
    "seeks an ",
    "seeks a ",
    "is seeking an ",
    "is seeking a ",
    "looking for an ",
    "looking for a ",
    "vacancy for ",
];

/// Words that make a phrase the name of an institution.
const INSTITUTION_WORDS: [&str; 31] = [
    "university",
    "universiteit",
    "universität",
    "université",
    "college",
    "library",
    "libraries",
    "museum",
    "museums",
    "institute",
    "institution",
    "society",
    "archives",
    "archive",
    "council",
    "foundation",
    "centre",
    "center",
    "school",
    "consortium",
    "laboratory",
    "lab",
    "trust",
    "gallery",
    "hospital",
    "inc",
    "ltd",
    "llc",
    "gmbh",
    "church",
    "stichting",
];

/// Tails that say the title is a job ad.
const TAILS: [&str; 6] = [
    " position available",
    " positions available",
    " job opening",
    " position",
    " opening",
    " vacancy",
];

/// The job title in a headline, when a rule finds one different from it.
pub fn job_title(headline: &str, organization: &str) -> Option<String> {
    let original = headline.trim();
    let mut title = original.trim_end_matches(['!', ':', ' ']).to_string();
    let lower = |s: &str| s.to_lowercase();

    // 1. A lead before a separator.
    for lead in LEADS {
        let l = lower(&title);
        if let Some(rest) = l.strip_prefix(lead) {
            let rest_trimmed = rest.trim_start();
            if let Some(sep) = rest_trimmed
                .chars()
                .next()
                .filter(|c| matches!(c, ':' | '-' | '–' | '—' | '!'))
            {
                let skip = title.len() - rest_trimmed.len() + sep.len_utf8();
                title = title[skip..].trim().to_string();
                break;
            }
            // "Vacature Front-end Developer bij NAK": Dutch writes no separator.
            if lead == "vacature" && rest.starts_with(' ') {
                title = title[lead.len()..].trim().to_string();
                break;
            }
        }
    }
    // 2. What follows "hiring a".
    let l = lower(&title);
    if let Some((at, phrase)) = BEFORE_TITLE
        .iter()
        .filter_map(|p| l.find(p).map(|at| (at, *p)))
        .min_by_key(|(at, p)| (*at, std::cmp::Reverse(p.len())))
    {
        let rest = title[at + phrase.len()..].trim();
        if !rest.is_empty() {
            title = rest.to_string();
        }
    }
    // The title ends with its sentence ("… Coordinator. Join Our Team").
    if let Some(end) = [". ", "! ", "? "]
        .iter()
        .filter_map(|p| title.find(p))
        .min()
    {
        title.truncate(end);
    }
    // 3. The employer's name before or after it.
    title = without_employer(&title, organization);
    let lead = employer_lead(&title, organization);
    if lead > 0 {
        title = title
            .split_whitespace()
            .skip(lead)
            .collect::<Vec<_>>()
            .join(" ")
            .trim_start_matches(['-', '–', '—', ':', ' '])
            .to_string();
    }
    // 4. Tails, articles, the first letter.
    let l = lower(&title);
    if let Some(at) = [" position in ", " position at ", " position with "]
        .iter()
        .filter_map(|p| l.find(p))
        .filter(|&at| at > 0)
        .min()
    {
        title.truncate(at);
    }
    loop {
        let l = lower(&title);
        let Some(tail) = TAILS.iter().find(|t| l.ends_with(*t) && l.len() > t.len()) else {
            break;
        };
        title.truncate(title.len() - tail.len());
        title = title.trim_end_matches([' ', '-', ',']).to_string();
    }
    for article in ["a ", "an ", "the "] {
        if lower(&title).starts_with(article) {
            title = title[article.len()..].to_string();
            break;
        }
    }
    let title = title.trim().trim_end_matches(['!', ':', '.', ' ']).trim();
    let mut chars = title.chars();
    let title: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => return None,
    };
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    // What is left still announces ("Hiring for New" of "… Hiring for New
    // Position in Statistical Software"): no rule found the title.
    (title != original.split_whitespace().collect::<Vec<_>>().join(" ") && !announces(&title))
        .then_some(title)
}

/// Small words an institution's name has between its names.
const SMALL_WORDS: [&str; 8] = ["of", "the", "at", "and", "for", "de", "in", "&"];

/// How many words at the start of `title` name the employer, when they do
/// and some words are left: the organization's name, the first three or
/// more words of it ("University North Carolina" of "… at Chapel Hill"),
/// its initials ("CUNY", "GMU"; "UNC" for the name before "at Chapel
/// Hill"), or its name in ordinary case without the words that make it an
/// institution ("Yale" of "Yale University").
fn employer_lead(title: &str, organization: &str) -> usize {
    let fold_words = |s: &str| -> Vec<String> {
        fold(s)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect()
    };
    let title_words = fold_words(title);
    let org_words = fold_words(organization);
    if org_words.is_empty() || title_words.len() < 2 {
        return 0;
    }
    let common = title_words
        .iter()
        .zip(&org_words)
        .take_while(|(a, b)| a == b)
        .count();
    if common == org_words.len() || common >= 3 {
        return common.min(title_words.len() - 1);
    }
    let first = title.split_whitespace().next().unwrap_or("");
    let initials = |words: &[&str]| -> String {
        words
            .iter()
            .filter(|w| !SMALL_WORDS.contains(&fold(w).as_str()))
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect()
    };
    let names: Vec<&str> = organization.split_whitespace().collect();
    // "University of North Carolina at Chapel Hill": UNC is the name before
    // the place, "at Chapel Hill".
    let before_place = names
        .iter()
        .skip(1)
        .position(|w| ["at", "in"].contains(&fold(w).as_str()))
        .map_or(&names[..], |at| &names[..=at]);
    if first.chars().count() >= 2
        && first.chars().all(char::is_uppercase)
        && names.len() >= 2
        && (initials(&names) == first || before_place.len() >= 2 && initials(before_place) == first)
    {
        return 1;
    }
    // A name in capitals ("IIIF Consortium") is often part of the job's
    // title ("IIIF Community Officer"): only a name in ordinary case goes.
    let is_plain =
        |w: &String| !INSTITUTION_WORDS.contains(&w.as_str()) && !SMALL_WORDS.contains(&w.as_str());
    let start = org_words
        .iter()
        .position(is_plain)
        .unwrap_or(org_words.len());
    let end = org_words
        .iter()
        .rposition(is_plain)
        .map_or(start, |i| i + 1);
    let core = &org_words[start..end.max(start)];
    let in_capitals = title.split_whitespace().take(core.len()).any(|w| {
        w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    });
    if !core.is_empty()
        && !in_capitals
        && core.len() < org_words.len()
        && title_words.len() > core.len()
        && title_words[..core.len()] == *core
    {
        return core.len();
    }
    0
}

/// Phrases after which a post's text names the role, in capitals: "to
/// serve as the Scientific Lead", "we are recruiting a Digital Archivist".
const BEFORE_ROLE: [&str; 17] = [
    "to serve as the ",
    "to serve as our ",
    "to serve as an ",
    "to serve as a ",
    "to join us as our ",
    "to join us as an ",
    "to join us as a ",
    "to be our new ",
    "to be our ",
    "recruiting an ",
    "recruiting a ",
    "seeking an ",
    "seeking a ",
    "hiring an ",
    "hiring a ",
    "looking for an ",
    "looking for a ",
];

/// Words that join the words of a role ("Head of Collections", "Data
/// and Systems Librarian").
const JOINING: [&str; 5] = ["of", "and", "&", "for", "in"];

/// The role the text of a post names after "to serve as the", "seeking
/// a"…: the words in capitals that follow ("Scientific Lead" of "to serve
/// as the Scientific Lead for our Data Science Initiative"). `text` is the
/// body as text.
pub fn in_prose(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    // Lower-casing keeps byte positions only for text whose lower case is
    // as long: otherwise read no further.
    if lower.len() != text.len() {
        return None;
    }
    BEFORE_ROLE
        .iter()
        .flat_map(|p| lower.match_indices(p).map(move |(at, _)| at + p.len()))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .find_map(|at| {
            let rest = text.get(at..)?;
            let rest = rest.strip_prefix("new ").unwrap_or(rest);
            let mut words: Vec<&str> = Vec::new();
            for word in rest.split_whitespace().take(12) {
                let bare = word.trim_end_matches([',', '.', ';', ':', '!', '?', ')']);
                let capital = bare.chars().next().is_some_and(char::is_uppercase);
                if !(capital || JOINING.contains(&bare) && !words.is_empty()) {
                    break;
                }
                words.push(bare);
                if bare.len() != word.len() {
                    break;
                }
            }
            while words.last().is_some_and(|w| JOINING.contains(w)) {
                words.pop();
            }
            (!words.is_empty() && words.len() <= 8 && words[0] != "I").then(|| words.join(" "))
        })
}

/// Words of an address that name a page, not a job.
const PAGE_WORDS: [&str; 14] = [
    "apply",
    "application",
    "jobs",
    "job",
    "careers",
    "career",
    "details",
    "posting",
    "postings",
    "vacancies",
    "vacancy",
    "positions",
    "index",
    "view",
];

/// The job title the address of a job ad spells (`…/job/BSP946/
/// research-software-engineer-rse` → "Research Software Engineer RSE"),
/// when most of its words are in `text` (the post as text): a word the
/// text writes with capitals in it as the text does ("RSE", "GPUs"), "of",
/// "and"… in small letters, the others with a capital.
pub fn from_link(url: &str, text: &str) -> Option<String> {
    let path = url.split(['?', '#']).next()?;
    let path = path.split_once("://").map_or(path, |(_, p)| p);
    let last = path.split('/').skip(1).filter(|s| !s.is_empty()).last()?;
    let last = last.rsplit_once('.').map_or(last, |(stem, _)| stem);
    let mut words: Vec<&str> = last.split(['-', '_']).filter(|w| !w.is_empty()).collect();
    while words
        .last()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
    {
        words.pop();
    }
    if words.len() < 2
        || words.len() > 10
        || !words
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_alphabetic()))
        || words
            .iter()
            .any(|w| PAGE_WORDS.contains(&w.to_ascii_lowercase().as_str()))
    {
        return None;
    }
    let text_words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let found = words
        .iter()
        .filter(|w| {
            text_words
                .iter()
                .any(|t| t.to_lowercase().starts_with(&w.to_ascii_lowercase()))
        })
        .count();
    if found * 4 < words.len() * 3 {
        return None;
    }
    // A word the text writes with capitals in it ("GPUs", "RSE") as the
    // text does; "of", "and"… in small letters; the others with a capital.
    let title: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_ascii_lowercase();
            let written = text_words
                .iter()
                .filter(|t| t.eq_ignore_ascii_case(w))
                .filter(|t| t.chars().skip(1).any(char::is_uppercase))
                .max_by_key(|t| t.chars().filter(|c| c.is_uppercase()).count());
            match written {
                Some(t) => (*t).to_string(),
                None if i > 0 && SMALL_WORDS.contains(&lower.as_str()) => lower,
                None => lower[..1].to_ascii_uppercase() + &lower[1..],
            }
        })
        .collect();
    Some(title.join(" "))
}

/// Labels a post's body puts before the job's own title.
const TITLE_LABELS: [&str; 8] = [
    "position title",
    "job title",
    "posting title",
    "posting position title",
    "title of position",
    "title of the position",
    "functietitel",
    "stellenbezeichnung",
];

/// The job title a line of the body gives under a label: "Position Title:
/// Associate Librarian: Head of Electronic & Access Services", "* **Job
/// Title:** Digital Archivist". A label with more words ("University Job
/// Title: Librarian 1", a pay grade) is not one. At most 150 characters,
/// no link.
pub fn labelled_in_body(body: &str) -> Option<String> {
    body.lines().find_map(|line| {
        let line = openings_core::text::html_to_text(line);
        let line = line
            .trim()
            .trim_start_matches(['*', '-', '+', '#', '>', ' ', '\t', '|']);
        let (label, value) = line.split_once(':')?;
        let label = label.trim().trim_matches(['*', '_', ' ']).to_lowercase();
        if !TITLE_LABELS.contains(&label.as_str()) {
            return None;
        }
        let value = value
            .trim()
            .trim_matches(['*', '_', '|', ' ', '\t'])
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        (!value.is_empty()
            && value.chars().count() <= 150
            && !value.contains("://")
            && value.chars().any(char::is_alphabetic))
        .then_some(value)
    })
}

/// The title without a tail that names the employer: " - X", " – X",
/// " at X", " bij X", ", X" (the last such tail), when X is `organization`
/// or reads like an institution's name: it starts with "the", or its first
/// or last word is University, Library, Museum, Institute, Society….
fn without_employer(title: &str, organization: &str) -> String {
    let org = fold(organization);
    let is_employer = |tail: &str| {
        let name = tail.split(" (").next().unwrap_or(tail);
        let name = fold(name);
        if name.is_empty() {
            return false;
        }
        let words: Vec<&str> = name.split(' ').collect();
        let (first, last) = (words[0], words[words.len() - 1]);
        (!org.is_empty() && (name == org || name.starts_with(&org)))
            || INSTITUTION_WORDS.contains(&first)
            || INSTITUTION_WORDS.contains(&last)
            || ["the", "de", "het"].contains(&first)
    };
    let l = title.to_lowercase();
    let mut cuts: Vec<(usize, usize)> = [" - ", " – ", " — ", " at ", " bij ", ", "]
        .iter()
        .flat_map(|sep| l.match_indices(sep).map(|(at, sep)| (at, sep.len())))
        .filter(|&(at, _)| at > 0)
        .collect();
    cuts.sort_by_key(|&(at, _)| std::cmp::Reverse(at));
    // Dutch "bij" always introduces the employer.
    let bij = |at: usize, len: usize| len == 5 && &l[at..at + len] == " bij ";
    match cuts
        .into_iter()
        .find(|&(at, len)| bij(at, len) || is_employer(&title[at + len..]))
    {
        Some((at, _)) => title[..at].trim().to_string(),
        None => title.to_string(),
    }
}

/// Does `title` announce a job rather than name it ("hiring", "we are",
/// "join us", "vacancy", "wanted", an exclamation mark)?
fn announces(title: &str) -> bool {
    let folded = fold(title);
    let has = |phrase: &str| format!(" {folded} ").contains(&format!(" {phrase} "));
    [
        "hiring",
        "we re",
        "we are",
        "join our",
        "join us",
        "vacancy",
        "vacancies",
        "position search",
        "apply now",
        "wanted",
        "job opening",
        "vacature",
    ]
    .iter()
    .any(|p| has(p))
        || title.trim_end().ends_with('!')
}

/// Why `title` reads like a headline rather than a job title: it says
/// "hiring", names the organization, carries a date or a reference code.
/// Empty when it reads like a job title.
pub fn headline_reasons(title: &str, organization: &str) -> Vec<String> {
    let mut reasons = Vec::new();
    let folded = fold(title);
    let words: Vec<&str> = folded.split(' ').collect();
    if announces(title) {
        reasons.push(
            "it reads like an announcement (\"hiring\", \"vacancy\", \"join us\"…)".to_string(),
        );
    }
    let org = fold(organization);
    if !org.is_empty() && format!(" {folded} ").contains(&format!(" {org} ")) {
        reasons.push(format!("it names the organization ({organization})"));
    }
    let has_year = words
        .iter()
        .any(|w| w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1990..=2100).contains(&y)));
    if has_year || !crate::when::dates_in(title).is_empty() {
        reasons.push("it has a date in it".to_string());
    }
    let code = title.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let digits = w.chars().filter(char::is_ascii_digit).count();
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        digits >= 3 && letters >= 1 || w.len() >= 5 && digits == w.len()
    }) || ["ref.", "ref:", "req.", "req:", "job id", "#"]
        .iter()
        .any(|p| title.to_lowercase().contains(p));
    if code {
        reasons.push("it has a reference code in it".to_string());
    }
    reasons
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_as_sites_write_them_give_the_job_title() {
        for (headline, org, title) in [
            (
                "IIIF Consortium Hiring a Community and Communications Coordinator",
                "IIIF Consortium",
                "Community and Communications Coordinator",
            ),
            (
                "IIIF Consortium Hiring a Managing Director",
                "IIIF Consortium",
                "Managing Director",
            ),
            (
                "Position Search: IIIF Community & Communications Officer",
                "IIIF Consortium",
                "IIIF Community & Communications Officer",
            ),
            (
                "Position Search - IIIF Community & Communications Officer",
                "",
                "IIIF Community & Communications Officer",
            ),
            (
                "We're hiring - Senior Research Software Engineer",
                "",
                "Senior Research Software Engineer",
            ),
            (
                "CUNY Post Doctoral Fellowship Digital Humanities",
                "City University of New York",
                "Post Doctoral Fellowship Digital Humanities",
            ),
            (
                "UNC Postdoc in Digital History",
                "University of North Carolina at Chapel Hill",
                "Postdoc in Digital History",
            ),
            (
                "University North Carolina Postdoc Digital History",
                "University North Carolina at Chapel Hill",
                "Postdoc Digital History",
            ),
            (
                "Yale Librarian for Digital Humanities Research",
                "Yale University",
                "Librarian for Digital Humanities Research",
            ),
            (
                "3-year research associate position in Loughborough",
                "",
                "3-year research associate",
            ),
            (
                "Opening: research software engineer position with the Data Lab",
                "",
                "Research software engineer",
            ),
            ("We're hiring a community manager!", "", "Community manager"),
            (
                "SSI is hiring a Communications Officer!",
                "",
                "Communications Officer",
            ),
            (
                "Program Coordinator Position Available",
                "",
                "Program Coordinator",
            ),
            (
                "Vacancy for HPC/cloud specialist ",
                "",
                "HPC/cloud specialist",
            ),
            (
                "Digital Repository Developer - Columbia University Libraries",
                "",
                "Digital Repository Developer",
            ),
            ("Archivist - Brooklyn Historical Society", "", "Archivist"),
            (
                "Digital Project Archivist - temporary - Seamen's Church Institute",
                "",
                "Digital Project Archivist - temporary",
            ),
            (
                "2-year postdoc at University of Zürich",
                "",
                "2-year postdoc",
            ),
            ("Head of Digital, Museum of London", "", "Head of Digital"),
            (
                "Frontend Developer bij de Nederlandse Transplantatie Stichting",
                "",
                "Frontend Developer",
            ),
            (
                "We're Hiring an Accessibility Coordinator. Join Our Team",
                "",
                "Accessibility Coordinator",
            ),
            (
                "George Mason University Digital Library Developer",
                "George Mason University",
                "Digital Library Developer",
            ),
            (
                "Vacature Front-end Developer bij NAK (Emmeloord)",
                "NAK",
                "Front-end Developer",
            ),
            ("Job: Digital Archivist", "", "Digital Archivist"),
            (
                "Hiring! A developer to build our catalogue",
                "",
                "Developer to build our catalogue",
            ),
            (
                "University of North Carolina at Chapel Hill - Digital Library Programmer",
                "",
                "University of North Carolina at Chapel Hill - Digital Library Programmer",
            ),
        ] {
            let got = job_title(headline, org).unwrap_or_else(|| headline.trim().to_string());
            assert_eq!(got, title, "{headline}");
        }
    }

    #[test]
    fn a_title_the_body_labels_is_the_job_title() {
        for (body, title) in [
            (
                "Position Title: Associate Librarian: Head of Electronic & Access Services\nExtended deadline",
                Some("Associate Librarian: Head of Electronic & Access Services"),
            ),
            ("* **Job Title:** Digital Archivist  \n", Some("Digital Archivist")),
            (
                "* University Job Title:\tLibrarian 1\n* Posting Position Title:\tLibrarian for Digital Humanities Research",
                Some("Librarian for Digital Humanities Research"),
            ),
            ("<p><strong>Job title:</strong> Curator</p>", Some("Curator")),
            ("Title: not a label we trust", None),
            ("Job title: https://example.org/jobs/1", None),
            ("Job title:   ", None),
            ("We describe the job title: below", None),
        ] {
            assert_eq!(labelled_in_body(body).as_deref(), title, "{body:?}");
        }
        let long = format!("Job Title: {}", "word ".repeat(40));
        assert_eq!(labelled_in_body(&long), None);
    }

    #[test]
    fn the_role_the_text_names() {
        for (text, role) in [
            (
                "We are looking for a biomedical researcher to serve as the Scientific Lead for our Data Science Initiative.",
                Some("Scientific Lead"),
            ),
            (
                "The library is seeking a Head of Digital Collections and Archives, to lead…",
                Some("Head of Digital Collections and Archives"),
            ),
            ("We are recruiting a new Metadata Librarian!", Some("Metadata Librarian")),
            ("We are looking for a new member of the growing team.", None),
            ("We're seeking a I think.", None),
            ("Nothing about roles here.", None),
        ] {
            assert_eq!(in_prose(text).as_deref(), role, "{text}");
        }
    }

    #[test]
    fn the_title_a_job_ads_address_spells() {
        let text = "the growing Research Software Engineering (RSE) team: Simulation, using GPUs";
        for (url, title) in [
            (
                "https://www.jobs.ac.uk/job/BSP946/research-software-engineer-rse",
                Some("Research Software Engineer RSE"),
            ),
            (
                "https://jobs.example/vacancies/research-software-engineer-10/",
                Some("Research Software Engineer"),
            ),
            (
                "https://jobs.example/job/simulation-using-gpus.html",
                Some("Simulation Using GPUs"),
            ),
            ("https://jobs.example/careers/541", None),
            ("https://carpentries.example/jobs/", None),
            (
                "https://jobs.example/sap/hrrcf_a_posting_apply?PARAM=x",
                None,
            ),
            ("https://jobs.example/job/chief-whale-trainer", None),
            ("https://research-software.example/", None),
        ] {
            assert_eq!(from_link(url, text).as_deref(), title, "{url}");
        }
    }

    #[test]
    fn a_name_that_is_part_of_the_job_title_stays() {
        for (title, org) in [
            (
                "IIIF Community & Communications Officer",
                "International Image Interoperability Framework Consortium",
            ),
            ("IIIF Technical Coordinator", "IIIF Consortium"),
            ("Digital Library Developer", "Digital Library Federation"),
            ("Digital Archivist", "Digital Archive of Harbour Town"),
            ("Yale", "Yale University"),
        ] {
            assert_eq!(job_title(title, org), None, "{title} / {org}");
        }
    }

    #[test]
    fn a_job_title_is_left_as_it_is() {
        for title in [
            "Collections Registrar",
            "Postdoctoral Scholar – Sustainable Software and Reproducible Research",
            "UCSF is Hiring",
            "Librarian, Special Collections",
            "Digital Library Programmer",
        ] {
            assert_eq!(job_title(title, ""), None, "{title}");
        }
        // No rule finds a title in these: what would be left still announces.
        for (headline, org) in [
            (
                "rOpenSci Hiring for New Position in Statistical Software Testing and Peer Review",
                "rOpenSci",
            ),
            ("We are Hiring Three New Team Members", "The Carpentries"),
        ] {
            assert_eq!(job_title(headline, org), None, "{headline}");
        }
    }

    #[test]
    fn headlines_are_told_from_job_titles() {
        assert!(headline_reasons("Collections Registrar", "Harbour Museum").is_empty());
        let said = headline_reasons(
            "IIIF Consortium Hiring a Managing Director",
            "IIIF Consortium",
        );
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(said[0].contains("announcement") && said[1].contains("names the organization"));
        assert!(
            headline_reasons("Archivist (Ref. 2024-117)", "")[0].contains("date"),
            "a year"
        );
        assert_eq!(
            headline_reasons("Archivist JPF01144", ""),
            ["it has a reference code in it"]
        );
        assert_eq!(
            headline_reasons("Join our team!", ""),
            ["it reads like an announcement (\"hiring\", \"vacancy\", \"join us\"…)"]
        );
    }
}
