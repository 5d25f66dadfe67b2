//! Posts as site editors write them, read into openings: the shape of the
//! consortium post the project started from, front-matter keys over
//! phrases, errors that cite the line, and posts that are not for
//! publishing. The quirks of real sites have their own fixtures in
//! `tests/fixtures/` and stories in `tests/real_posts.rs`.

#![allow(clippy::unwrap_used)]

use openings_core::model::{Description, EmploymentType, Opening, SalaryPeriod, Workplace};
use openings_core::Timestamp;
use openings_posts::{read_post, Notice, Outcome, PostOptions};

fn options() -> PostOptions {
    PostOptions {
        organization: "Lantern Archives Network".into(),
        ..PostOptions::default()
    }
}

fn read(name: &str, text: &str) -> (Opening, Vec<Notice>) {
    let read = read_post(name, text, &options());
    match read.outcome {
        Outcome::Post(post) => (post.opening, read.warnings),
        other => panic!("not a post: {other:?}"),
    }
}

const SEED_SHAPED: &str = "---\n\
title: Lantern Archives Network Seeks a Digital Outreach Lead\n\
author: Network Staff\n\
date: 2031-02-14\n\
tags: [news, staff]\n\
layout: post\n\
---\n\
\n\
We are hiring. Send questions to <jobs@lantern.example>.\n\
\n\
<div class=\"columns\">{% include misc/button.html button_label=\"Apply\" button_link=\"https://careers.example.net/lantern/4410\" %}</div>\n\
\n\
{{ theme.block-start }}\n\
\n\
## About the role\n\
We canâ€™t wait to meet you.\n\
\n\
This is a full-time, remote position with flexible hours.\n\
The minimum salary for this position is USD$64000 or local equivalent.\n\
\n\
{{ theme.block-end }}\n";

#[test]
fn a_post_in_the_consortium_shape_becomes_an_opening() {
    let (o, warnings) = read("_posts/2031-02-14-digital-outreach-lead.md", SEED_SHAPED);
    assert_eq!(
        o.title, "Digital Outreach Lead",
        "the job, not the headline"
    );
    assert_eq!(o.date_posted, Timestamp::parse_iso("2031-02-14"));
    assert_eq!(o.apply_url, "https://careers.example.net/lantern/4410");
    assert_eq!(o.workplace, Workplace::Remote);
    assert_eq!(o.employment_types, vec![EmploymentType::FullTime]);
    let salary = o.salary.unwrap();
    assert_eq!(salary.min, Some(64_000.0));
    assert_eq!(salary.max, None);
    assert_eq!(salary.currency.as_deref(), Some("USD"));
    assert_eq!(salary.period, SalaryPeriod::Year);
    assert_eq!(o.organization.name, "Lantern Archives Network");
    assert_eq!(o.id, "2031-02-14-digital-outreach-lead");
    assert_eq!(o.tags, vec!["news", "staff"]);
    let Description::Html(html) = &o.description else {
        panic!("{:?}", o.description)
    };
    assert!(!html.contains("{%") && !html.contains("{{"), "{html}");
    assert!(html.contains("<h2>About the role</h2>"), "{html}");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].line, Some(16));
    assert!(warnings[0].message.contains("canâ€™t"), "{}", warnings[0]);
    assert!(warnings[0].message.contains("can’t"), "{}", warnings[0]);
}

#[test]
fn fix_encoding_repairs_the_text_and_says_so() {
    let read = read_post(
        "2031-02-14-lead.md",
        SEED_SHAPED,
        &PostOptions {
            fix_encoding: true,
            ..options()
        },
    );
    let Outcome::Post(post) = read.outcome else {
        panic!()
    };
    let Description::Html(html) = &post.opening.description else {
        panic!()
    };
    assert!(html.contains("We can’t wait"), "{html}");
    assert!(read.warnings[0].message.starts_with("repaired"));
}

#[test]
fn front_matter_keys_win_over_phrases() {
    let text = "---\n\
title: \"Conservator: Paper\"\n\
date: 2031-03-01 09:00:00 -0500\n\
employment_type:\n  - part-time\n  - temporary\n\
remote: false\n\
location: [\"Leiden, South Holland, NL\"]\n\
salary_min: 30,000\n\
salary_max: 36k\n\
salary_currency: eur\n\
salary_period: year\n\
valid_through: 2031-04-01\n\
apply_url: https://jobs.example.eu/conservator\n\
organization: 'Delta Museum''s Lab'\n\
department: Conservation\n\
---\n\
A full-time, remote position, says the old text. Salary USD$99000. Deadline: 1 May 2031.\n";
    let (o, _) = read("conservator.md", text);
    assert_eq!(o.title, "Conservator: Paper");
    assert_eq!(o.date_posted, Timestamp::parse_iso("2031-03-01T14:00:00Z"));
    assert_eq!(
        o.employment_types,
        vec![EmploymentType::PartTime, EmploymentType::Temporary]
    );
    assert_eq!(o.workplace, Workplace::OnSite);
    assert_eq!(o.locations[0].label(), "Leiden, South Holland, NL");
    let salary = o.salary.unwrap();
    assert_eq!((salary.min, salary.max), (Some(30_000.0), Some(36_000.0)));
    assert_eq!(salary.currency.as_deref(), Some("EUR"));
    assert_eq!(
        o.valid_through,
        Timestamp::parse_iso("2031-04-01").map(Timestamp::end_of_day),
        "the key, not the prose (open all that day)"
    );
    assert_eq!(o.organization.name, "Delta Museum's Lab");
    assert_eq!(o.department.as_deref(), Some("Conservation"));
    assert_eq!(o.apply_url, "https://jobs.example.eu/conservator");
}

#[test]
fn front_matter_errors_cite_the_line() {
    let cases = [
        ("---\ntitle: A\ndate: someday\n---\nx", 3, "not a date"),
        ("---\ntitle: A\njust words\n---\n", 3, "front matter"),
        ("---\ntitle: \"A\n---\n", 2, "front matter"),
        ("---\ntags: [a, b\n---\n", 2, "front matter"),
        ("---\ntitle: A\n", 1, "no closing ---"),
        (
            "---\ntitle: A\napply_url: javascript:alert(1)\n---\n",
            3,
            "not an http",
        ),
        (
            "---\ntitle: A\nvalid_through: when it is filled\n---\n",
            3,
            "valid_through \"when it is filled\" is not a date",
        ),
    ];
    for (text, line, says) in cases {
        let read = read_post("bad.md", text, &options());
        let Outcome::Failed(notice) = read.outcome else {
            panic!("{text:?} was accepted: {:?}", read.outcome)
        };
        assert_eq!(notice.line, Some(line), "{notice}");
        assert!(notice.message.contains(says), "{notice}");
        assert!(notice.to_string().starts_with(&format!("bad.md:{line}: ")));
    }
}

#[test]
fn the_apply_link_falls_back_to_a_link_labelled_apply() {
    let md = "---\ntitle: A\n---\nSee [our site](https://example.org/about) or \
              [**Apply now**](https://jobs.example.org/a).";
    assert_eq!(read("a.md", md).0.apply_url, "https://jobs.example.org/a");
    let html = "---\ntitle: A\n---\n<a class=\"btn\" href=\"https://jobs.example.org/b?x=1&amp;y=2\">Apply</a>";
    assert_eq!(
        read("b.md", html).0.apply_url,
        "https://jobs.example.org/b?x=1&y=2"
    );
    let none = read_post(
        "c.md",
        "---\ntitle: A\n---\n[Apply](javascript:x)",
        &options(),
    );
    let Outcome::Failed(n) = none.outcome else {
        panic!()
    };
    assert!(
        n.message.starts_with("no apply link: add `apply_url:"),
        "{n}"
    );
    assert_eq!(
        n.to_string(),
        format!("c.md: {}", n.message),
        "names the file"
    );
}

#[test]
fn posts_that_are_not_for_publishing_are_ignored() {
    for (text, why) in [
        ("no front matter here", "no front matter"),
        ("---\ntitle: A\npublished: false\n---\n", "published: false"),
        ("+++\ntitle = \"A\"\ndraft = true\n+++\n", "draft: true"),
        (
            "---\ntitle: A\neleventyExcludeFromCollections: true\n---\n",
            "eleventyExcludeFromCollections",
        ),
        ("---\ntitle: A\npermalink: false\n---\n", "permalink: false"),
    ] {
        let Outcome::Ignored(said) = read_post("x.md", text, &options()).outcome else {
            panic!("{text:?}")
        };
        assert!(said.contains(why), "{text:?}: {said}");
    }
}

// A government digital team's positions (Jekyll): `state: closed` for a
// filled position, `closes:` for its closing date. The closed one was
// published as open; the closing date was not read.
#[test]
fn a_closing_date_field_that_says_closed_is_a_closed_post() {
    for said in ["Closed", "Position filled."] {
        let text = format!(
            "---\ntitle: Registrar\ndate: 2031-05-01\ndeadline: {said}\n\
             apply_url: https://jobs.example.org/3\n---\nWe were hiring."
        );
        let Outcome::Ignored(why) = read_post("x.md", &text, &options()).outcome else {
            panic!("{said}: not left out")
        };
        assert!(why.contains(said), "{why}");
    }
    // A closing time written at midnight is midnight, not the day's end.
    let (o, _) = read(
        "x.md",
        "---\ntitle: Registrar\ndate: 2031-05-01\nvalid_through: 2031-06-13T00:00:00Z\n\
         apply_url: https://jobs.example.org/3\n---\nWe are hiring.",
    );
    assert_eq!(
        o.valid_through,
        Timestamp::parse_iso("2031-06-13T00:00:00Z")
    );
}

#[test]
fn state_closed_is_a_closed_post_and_closes_is_its_closing_date() {
    let closed = "---\ntitle: Login Engineer\nstate: closed\ncloses: 2031-06-13\n\
                  apply_url: https://jobs.example.gov/1\n---\nWe were hiring.";
    let Outcome::Ignored(said) = read_post("x.md", closed, &options()).outcome else {
        panic!("a closed position was read as open")
    };
    assert!(said.contains("state: closed"), "{said}");
    let open = "---\ntitle: Designer\nstate: open\ndate: 2031-05-01\ncloses: 2031-06-13\n\
                apply_url: https://jobs.example.gov/2\n---\nWe are hiring.";
    let (o, _) = read("x.md", open);
    assert_eq!(
        o.valid_through,
        Timestamp::parse_iso("2031-06-13").map(Timestamp::end_of_day)
    );
}

// A closing date's field that says there is none ("Open until filled",
// "Rolling", "TBD") is no closing date, said as a warning; the post was
// refused as an error.
#[test]
fn a_closing_date_that_says_open_until_filled_is_none() {
    for said in [
        "Open until filled",
        "Rolling",
        "TBD",
        "open until the position is filled.",
        "Rolling, review begins 2031-06-10",
    ] {
        let text = format!(
            "---\ntitle: Registrar\ndate: 2031-05-01\ndeadline: {said}\n\
             apply_url: https://jobs.example.org/3\n---\nWe are hiring."
        );
        let (o, warnings) = read("x.md", &text);
        assert_eq!(o.valid_through, None, "{said}");
        assert!(
            warnings
                .iter()
                .any(|w| w.line == Some(4) && w.message.contains("read as no closing date")),
            "{said}: {warnings:?}"
        );
    }
}

// Places as a government team's and a Hugo job board's posts write them:
// several in one line parted by `;`, one of them "Virtual (100% remote)";
// a US state's name or postal code after the city (it was read as the
// country: "Florida").
#[test]
fn places_parted_by_semicolons_a_remote_one_and_us_states() {
    let text = "---\ntitle: Engineer\ndate: 2031-05-01\n\
                location: 'Washington, DC; San Francisco, CA; Miami, Florida; Virtual (100% remote)'\n\
                apply_url: https://jobs.example.gov/4\n---\nWe are hiring.";
    let (o, _) = read("x.md", text);
    let labels: Vec<String> = o.locations.iter().map(|l| l.label()).collect();
    assert_eq!(
        labels,
        [
            "Washington, DC, US",
            "San Francisco, CA",
            "Miami, Florida, US"
        ],
        "a postal code that is also a country's (CA: Canada) stays as written"
    );
    assert_eq!(o.workplace, Workplace::Hybrid, "remote, or in those places");
    let (o, _) = read(
        "x.md",
        "---\ntitle: Curator\ndate: 2031-05-01\nlocation: Tbilisi, Georgia\n\
         apply_url: https://jobs.example.ge/5\n---\nWe are hiring.",
    );
    assert_eq!(
        o.locations[0].country.as_deref(),
        Some("Georgia"),
        "the country"
    );
    let (o, _) = read(
        "x.md",
        "---\ntitle: Curator\ndate: 2031-05-01\nlocation: Leiden; Remote\n\
         apply_url: https://jobs.example.nl/7\n---\nWe are hiring.",
    );
    assert_eq!(
        (
            o.locations[0].label(),
            o.locations[0].region.clone(),
            o.locations.len()
        ),
        ("Leiden".to_string(), None, 1)
    );
    for (place, country) in [
        ("Toronto, CA", "CA"),
        ("Berlin, DE", "DE"),
        ("Bogotá, CO", "CO"),
    ] {
        let (o, _) = read(
            "x.md",
            &format!(
                "---\ntitle: Curator\ndate: 2031-05-01\nlocation: {place}\n\
                      apply_url: https://jobs.example.org/8\n---\nWe are hiring."
            ),
        );
        assert_eq!(o.locations[0].country.as_deref(), Some(country), "{place}");
    }
    // A place whose name starts like a way of working is a place.
    let (o, _) = read(
        "x.md",
        "---\ntitle: Analyst\ndate: 2031-05-01\n\
         location: Remote Sensing Centre, Enschede, NL; Virtual Reality Lab, Leiden, NL; Leiden, Leiden, NL\n\
         apply_url: https://jobs.example.nl/9\n---\nWe are hiring.",
    );
    assert_eq!(o.locations.len(), 3, "{:?}", o.locations);
    assert_eq!(o.workplace, Workplace::OnSite);
    let (o, _) = read(
        "x.md",
        "---\ntitle: Guide\ndate: 2031-05-01\nlocation: Remote\n\
         apply_url: https://jobs.example.org/6\n---\nWe are hiring.",
    );
    assert!(o.locations.is_empty());
    assert_eq!(o.workplace, Workplace::Remote);
}

// Keys other sites use: `jobType:` and `type:` for the kind of job (a
// page's `type: post` is not one), `source_url:` for the job ad.
#[test]
fn job_type_type_and_source_url_keys() {
    let (o, _) = read(
        "x.md",
        "---\ntitle: Librarian\ndate: 2031-05-01\ntype: Full Time\n\
         source_url: https://jobs.example.edu/70717\n---\nWe are hiring.",
    );
    assert_eq!(o.employment_types, [EmploymentType::FullTime]);
    assert_eq!(o.apply_url, "https://jobs.example.edu/70717");
    let (o, warnings) = read(
        "x.md",
        "---\ntitle: Librarian\ndate: 2031-05-01\ntype: post\njobType: Part time\n\
         apply_url: https://jobs.example.edu/1\n---\nWe are hiring.",
    );
    assert_eq!(o.employment_types, [EmploymentType::PartTime]);
    assert!(
        warnings.iter().all(|w| !w.message.contains("type")),
        "{warnings:?}"
    );
    // A page's kind alone is no kind of job: the text's "full-time" is.
    let (o, _) = read(
        "x.md",
        "---\ntitle: Librarian\ndate: 2031-05-01\ntype: jobs\n\
         apply_url: https://jobs.example.edu/2\n---\nA full-time position.",
    );
    assert_eq!(o.employment_types, [EmploymentType::FullTime]);
}

// A line of ten thousand places parted by `;` (or the same place again and
// again) gives at most fifty, each once, as the board keeps.
#[test]
fn a_post_gives_at_most_fifty_places_each_once() {
    let many: Vec<String> = (0..10_000).map(|n| format!("Town {n}, NL")).collect();
    let text = format!(
        "---\ntitle: Courier\ndate: 2031-05-01\nlocation: '{}'\n\
         apply_url: https://jobs.example.nl/10\n---\nWe are hiring.",
        many.join("; ")
    );
    assert_eq!(read("x.md", &text).0.locations.len(), 50);
    let (o, _) = read(
        "x.md",
        "---\ntitle: Courier\ndate: 2031-05-01\nlocation: Leiden, NL; Leiden, NL; Delft, NL\n\
         apply_url: https://jobs.example.nl/11\n---\nWe are hiring.",
    );
    assert_eq!(o.locations.len(), 2);
}
