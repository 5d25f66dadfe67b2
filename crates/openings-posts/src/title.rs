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
//!    Developer");
//! 4. a tail of "Position", "Position Available", "Opening", "Vacancy" is
//!    dropped, and so is "position in/at/with …" ("Research associate
//!    position in Loughborough") and a leading "a", "an" or "the"; the first
//!    letter is made upper case.
//!
//! A post whose body labels the title — a line "Position Title: …", "Job
//! Title: …", "Posting Title: …" — gives it there ([`labelled_in_body`]),
//! before any headline rule.
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
    let org = fold(organization);
    if !org.is_empty() {
        let words = organization.split_whitespace().count();
        let head: Vec<&str> = title.split_whitespace().take(words).collect();
        if fold(&head.join(" ")) == org && title.split_whitespace().count() > words {
            title = title
                .split_whitespace()
                .skip(words)
                .collect::<Vec<_>>()
                .join(" ");
            title = title
                .trim_start_matches(['-', '–', '—', ':', ' '])
                .to_string();
        }
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
    (title.split_whitespace().collect::<Vec<_>>().join(" ")
        != original.split_whitespace().collect::<Vec<_>>().join(" "))
    .then_some(title.split_whitespace().collect::<Vec<_>>().join(" "))
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

/// Why `title` reads like a headline rather than a job title: it says
/// "hiring", names the organization, carries a date or a reference code.
/// Empty when it reads like a job title.
pub fn headline_reasons(title: &str, organization: &str) -> Vec<String> {
    let mut reasons = Vec::new();
    let folded = fold(title);
    let words: Vec<&str> = folded.split(' ').collect();
    let has = |phrase: &str| format!(" {folded} ").contains(&format!(" {phrase} "));
    if [
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
    {
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
