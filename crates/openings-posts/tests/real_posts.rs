//! Posts as the sites of libraries, archives, labs, consortia and job
//! archives really write them (the corpus of docs/feed-format.md, "What
//! real feeds and posts do"): each fixture in `tests/fixtures/` is our own
//! post, written to reproduce one quirk seen there, and named for it.

#![allow(clippy::unwrap_used)]

use openings_core::model::{Opening, SalaryPeriod, Workplace};
use openings_core::Timestamp;
use openings_posts::{read_post, Notice, Outcome, PostOptions};

fn read_file(name: &str) -> openings_posts::ReadPost {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    read_post(
        name,
        &text,
        &PostOptions {
            organization: "Harbour Archives Network".into(),
            ..PostOptions::default()
        },
    )
}

fn opening(name: &str) -> (Opening, Vec<Notice>) {
    let read = read_file(name);
    match read.outcome {
        Outcome::Post(post) => (post.opening, read.warnings),
        other => panic!("{name}: not an opening: {other:?}"),
    }
}

fn ignored(name: &str) -> String {
    match read_file(name).outcome {
        Outcome::Ignored(why) => why,
        other => panic!("{name}: not left out: {other:?}"),
    }
}

fn failed(name: &str) -> Notice {
    match read_file(name).outcome {
        Outcome::Failed(notice) => notice,
        other => panic!("{name}: read: {other:?}"),
    }
}

fn day(iso: &str) -> Option<Timestamp> {
    Timestamp::parse_iso(iso)
}

/// A closing date without a time: open all that day.
fn closes(iso: &str) -> Option<Timestamp> {
    day(iso).map(Timestamp::end_of_day)
}

fn said(warnings: &[Notice], words: &str) -> bool {
    warnings.iter().any(|w| w.message.contains(words))
}

#[test]
fn a_colon_in_an_unquoted_title_and_a_reference_style_link_in_a_sentence_about_applying() {
    let (o, warnings) = opening("2031-11-16-colon-in-plain-title.md");
    assert_eq!(o.title, "Harbour Archives Technician");
    assert_eq!(o.date_posted, day("2031-11-16"));
    assert_eq!(
        o.apply_url,
        "https://harbour-archives.example/about/positions/technician"
    );
    assert_eq!(o.valid_through, None, "open until filled");
    let quote = warnings
        .iter()
        .find(|w| w.message.contains("put it in quotes"))
        .unwrap();
    assert_eq!(quote.line, Some(2));
}

#[test]
fn a_post_that_says_applications_are_now_closed_is_left_out_and_said_so() {
    assert_eq!(
        ignored("2031-08-04-applications-now-closed.md"),
        "applications are closed: the post says \"applications are now closed\""
    );
    assert_eq!(
        ignored("2031-03-10-applications-closed-sentence.md"),
        "applications are closed: the post says \"applications closed\""
    );
    assert_eq!(
        ignored("2031-08-28-prose-date-status-filled.md"),
        "applications are closed: line 5 says status: fulfilled"
    );
}

#[test]
fn front_matter_without_fences_with_a_zone_after_utc_and_comma_tags() {
    let (o, warnings) = opening("2031-10-12-no-front-matter-fences.md");
    assert_eq!(o.date_posted, day("2031-10-12T11:55:39Z"));
    assert_eq!(o.tags, ["jobs", "careers"]);
    assert_eq!(
        o.apply_url,
        "https://jobs.univ.example/sap/posting_apply?PARAM=cG9zdA%3d%3d&sap-client=400#",
        "the link to the job advert"
    );
    assert!(said(&warnings, "no --- lines around it"), "{warnings:?}");
}

#[test]
fn apply_here_by_reference_among_other_definitions_and_a_closing_date_with_no_year() {
    let (o, warnings) = opening("2031-09-10-reference-link-apply-here.md");
    assert_eq!(
        o.title, "HPC/cloud specialist",
        "\"Vacancy for\" and the trailing space go"
    );
    assert_eq!(o.apply_url, "https://tinyurl.example/y3h9u622");
    assert_eq!(o.date_posted, day("2031-09-10T10:00:00Z"));
    assert_eq!(o.valid_through, closes("2031-10-04"));
    assert!(
        said(&warnings, "has no year: read as 2031-10-04"),
        "{warnings:?}"
    );
}

#[test]
fn a_date_given_twice_and_an_apply_address_that_is_a_template_variable() {
    let notice = failed("2031-06-22-duplicate-date-template-contact.html");
    assert!(notice.message.contains("{{site.contact}}"), "{notice}");
    assert!(notice.message.contains("apply_url:"), "{notice}");
    let read = read_file("2031-06-22-duplicate-date-template-contact.html");
    assert!(
        said(&read.warnings, "`date` is given twice (lines 2 and 6)"),
        "{:?}",
        read.warnings
    );
}

#[test]
fn a_job_archive_entry_with_tabs_a_job_title_key_and_institution_with_its_library() {
    let (o, warnings) = opening("2031-05-01-tab-indented-location.markdown");
    assert_eq!(o.title, "Digital Library Programmer");
    assert_eq!(o.organization.name, "Harbour University");
    assert_eq!(o.department.as_deref(), Some("University Library"));
    assert_eq!(o.locations[0].label(), "Harbour University");
    assert_eq!(
        o.apply_url,
        "https://jobs.harbour-university.example/details.do?posID=0057419"
    );
    assert!(said(&warnings, "indented with a tab"), "{warnings:?}");
}

#[test]
fn open_until_filled_beside_a_deadline_takes_the_deadline_and_the_address_under_how_to_apply() {
    let (o, _) = opening("2031-04-10-open-until-filled-with-deadline.markdown");
    assert_eq!(o.date_posted, day("2031-04-10"), "postdate:");
    assert_eq!(o.valid_through, closes("2031-05-06"));
    assert_eq!(o.apply_url, "mailto:fellowship-search@gc.harbour.example");
    assert_eq!(o.organization.name, "Harbour City University");
}

#[test]
fn a_job_board_post_with_singular_tag_and_an_address_under_to_apply() {
    let (o, _) = opening("2031-07-10-email-under-to-apply.markdown");
    assert_eq!(o.title, "Digital Project Archivist - temporary");
    assert_eq!(o.tags, ["job"], "Jekyll's singular `tag:`");
    assert_eq!(
        o.apply_url,
        "mailto:humanresources@harbour-seafarers.example"
    );
    let read = read_file("2031-07-10-email-under-to-apply.markdown");
    let Outcome::Post(post) = read.outcome else {
        panic!()
    };
    assert_eq!(post.labels, ["job"]);
}

#[test]
fn a_quoted_excerpt_over_unindented_lines_and_a_deadline_split_over_lines() {
    let (o, warnings) = opening("2031-12-18-multiline-quoted-excerpt.markdown");
    assert_eq!(o.title, "On-Call Librarians");
    assert_eq!(o.valid_through, closes("2032-01-09"));
    assert_eq!(o.apply_url, "mailto:employment@harbour-library.example");
    assert!(said(&warnings, "not indented"), "{warnings:?}");
}

#[test]
fn hugo_toml_front_matter_with_a_date_string_and_a_bold_deadline() {
    let (o, warnings) = opening("toml-front-matter-tenure-track.md");
    assert_eq!(o.date_posted, day("2031-06-09T10:37:52Z"));
    assert_eq!(o.valid_through, closes("2031-07-08"));
    assert_eq!(
        o.apply_url,
        "https://www.harbour-university.example/jobs/analysis-2031"
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    let (o, _) = opening("2031-12-15-closing-date-split-over-lines.md");
    assert_eq!(
        o.valid_through,
        closes("2032-01-13"),
        "the year on the next line"
    );
}

#[test]
fn a_job_board_entry_in_toml_with_prose_dates_a_link_key_and_pay_per_month() {
    let (o, _) = opening("toml-job-board-entry.md");
    assert_eq!(o.title, "Regional Organizing Director (Harbour City)");
    assert_eq!(o.organization.name, "Harbour Civic Fund");
    assert_eq!(o.date_posted, day("2031-08-22"), "sort_date");
    assert_eq!(
        o.valid_through,
        closes("2031-11-15"),
        "closing_date, in prose"
    );
    assert_eq!(
        o.apply_url,
        "https://harbourcivic.bamboohr.example/careers/510?source=aWQ9NTE%3D"
    );
    assert_eq!(o.locations[0].label(), "Harbour State");
    let salary = o.salary.unwrap();
    assert_eq!(salary.min, Some(5_695.0));
    assert_eq!(salary.period, SalaryPeriod::Month);
}

#[test]
fn a_prose_date_in_front_matter_and_a_mailto_link_named_for_a_person_under_applying() {
    let (o, _) = opening("2031-12-18-mailto-under-applying.md");
    assert_eq!(
        o.title,
        "Work as a Research Assistant in the Harbour Maps Lab"
    );
    assert_eq!(o.date_posted, day("2031-12-18"));
    assert_eq!(o.apply_url, "mailto:yuki.hoshino@harbour-maps.example");
}

#[test]
fn an_application_url_folded_onto_its_next_line_and_a_deadline_key_in_prose() {
    let (o, warnings) = opening("postdoctoral-associates-folded-url.md");
    assert_eq!(
        o.apply_url,
        "https://forms.harbour.example/postdoc/viewform?usp=sf_link"
    );
    assert_eq!(o.valid_through, closes("2031-10-24"));
    assert_eq!(o.date_posted, None, "a collection page has no date");
    assert!(said(&warnings, "no date"), "{warnings:?}");
}

#[test]
fn an_eleventy_post_excluded_from_collections_is_left_out() {
    assert_eq!(
        ignored("2031-01-30-eleventy-unpublished.md"),
        "published: false"
    );
}

#[test]
fn a_dutch_vacancy_gives_its_job_title_and_its_solliciteer_link() {
    let (o, _) = opening("2031-10-13-dutch-vacature.md");
    assert_eq!(o.title, "Front-end Developer");
    assert_eq!(
        o.apply_url,
        "https://werkenbij.noordarchief.example/front-end-developer-10/"
    );
    let salary = o.salary.unwrap();
    assert_eq!((salary.min, salary.max), (Some(3_250.0), Some(4_675.0)));
    assert_eq!(salary.currency.as_deref(), Some("EUR"));
}

#[test]
fn we_are_hiring_before_a_dash_goes_from_the_title() {
    let (o, _) = opening("2031-07-16-we-are-hiring-dash.md");
    assert_eq!(o.title, "Senior Research Software Engineer");
    assert_eq!(
        o.apply_url,
        "https://jobs.univ.example/sap/posting_apply?PARAM=cG9zdA%3d%3d#"
    );
}

#[test]
fn a_link_whose_url_keeps_the_sentences_period_is_taken_as_written() {
    let (o, _) = opening("2031-04-06-trailing-period-in-url.markdown");
    assert_eq!(o.title, "Digital Repository Developer");
    assert_eq!(
        o.apply_url,
        "https://jobs.harbour-university.example/applicants/Central?quickFind=154216."
    );
}

#[test]
fn two_jobs_with_two_closing_dates_give_no_closing_date_and_say_why() {
    let (o, warnings) = opening("2031-02-04-two-jobs-two-closing-dates.md");
    assert_eq!(o.valid_through, None);
    assert!(
        said(&warnings, "several closing dates (2031-02-14, 2031-03-04)"),
        "{warnings:?}"
    );
    assert_eq!(
        o.apply_url, "https://jobs.univ.example/job/BYA115",
        "the first Apply here"
    );
}

#[test]
fn created_in_epoch_seconds_an_offset_datetime_a_trailing_space_and_an_address_as_apply_url() {
    let (o, _) = opening("created-epoch-seconds.md");
    assert_eq!(o.date_posted, Some(Timestamp(1_938_000_000_000)));
    assert_eq!(o.workplace, Workplace::OnSite);
    let (o, _) = opening("2031-07-08-datetime-with-offset.md");
    assert_eq!(o.title, "Archivist");
    assert_eq!(o.date_posted, day("2031-07-08T09:30:00Z"));
    assert_eq!(o.apply_url, "mailto:jobs@harbour-archives.example");
}

#[test]
fn a_headline_in_capitals_and_the_job_title_on_a_labelled_line_of_the_body() {
    let (o, _) = opening("2031-01-06-position-title-line.markdown");
    assert_eq!(
        o.title,
        "Associate Librarian: Head of Discovery & Access Systems"
    );
    assert_eq!(o.valid_through, closes("2031-02-03"));
    assert_eq!(
        o.apply_url,
        "https://jobs.harbour-college.example/apply/2031-17"
    );
}

#[test]
fn an_apply_path_relative_to_the_site_written_as_text() {
    let name = "2031-07-18-apply-path-relative-to-site.md";
    let problem = failed(name);
    assert!(
        problem.message.contains(
            "its link /careers/ is relative to the site: give the site's address with --site-url"
        ),
        "{}",
        problem.message
    );
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let read = read_post(
        name,
        &std::fs::read_to_string(path).unwrap(),
        &PostOptions {
            organization: "Harbour Archives Network".into(),
            site_url: Some("https://harbour.example/".into()),
            ..PostOptions::default()
        },
    );
    match read.outcome {
        Outcome::Post(post) => {
            assert_eq!(post.opening.apply_url, "https://harbour.example/careers/");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_job_archive_headline_that_starts_with_the_employers_initials() {
    let (o, _) = opening("2031-11-14-employer-initials-in-title.markdown");
    assert_eq!(o.title, "Postdoc Digital History");
    assert_eq!(o.organization.name, "City University of Harbour at Seaview");
    assert_eq!(o.date_posted, day("2031-11-14"));
    assert_eq!(o.valid_through, closes("2031-12-14"));
    assert_eq!(
        o.apply_url,
        "https://history.cuh.example/2031/11/07/postdoctoral-position-in-digital-history/"
    );
}

#[test]
fn an_announcement_for_a_headline_and_the_role_in_a_sentence() {
    let (o, warnings) = opening("2031-11-30-is-hiring-role-in-prose.md");
    assert_eq!(o.title, "Scientific Lead");
    assert_eq!(o.apply_url, "https://recruit.harbour.example/apply/JPF0042");
    assert!(
        said(
            &warnings,
            "the job title \"Scientific Lead\" was taken from the text (the headline \"Harbour Library is Hiring\" has none): give `job_title:` to be sure"
        ),
        "{warnings:?}"
    );
}

#[test]
fn an_announcement_for_a_headline_and_the_title_only_in_the_job_ads_address() {
    let (o, warnings) = opening("2031-05-31-wanted-title-in-job-ad-address.md");
    assert_eq!(o.title, "Research Software Engineer RSE");
    assert_eq!(
        o.date_posted.map(|d| d.to_iso_date()).as_deref(),
        Some("2031-05-31")
    );
    assert!(
        said(&warnings, "was taken from the job ad's address"),
        "{warnings:?}"
    );
}

/// Inputs the fuzzers once crashed with (the folder of the core, see its
/// README) read through the post reader too: no panic, and any opening has
/// a safe apply link.
#[test]
fn every_saved_fuzz_crash_stays_fixed_in_the_post_reader() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../openings-core/tests/fixtures/fuzz-regressions");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n == "README.md") {
            continue;
        }
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        for fix_encoding in [false, true] {
            let read = read_post(
                "_posts/2031-01-02-fuzz.md",
                &text,
                &PostOptions {
                    organization: "Fuzz Library".into(),
                    fix_encoding,
                    ..PostOptions::default()
                },
            );
            if let Outcome::Post(post) = read.outcome {
                let link = &post.opening.apply_url;
                assert!(
                    openings_core::links::safe_link(link).is_some(),
                    "{}: {link}",
                    path.display()
                );
            }
        }
    }
}
