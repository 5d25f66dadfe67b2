//! Applicant-tracking feeds as real boards answer (the captures listed in
//! docs/feed-format.md, "What real feeds and posts do"): each fixture in
//! `tests/fixtures/real/` is our own, written to reproduce the quirks seen
//! in real responses, and named for them. Each story reads it whole and in
//! small chunks (the board reads feeds as they arrive) and checks what a
//! job seeker would see.

#![allow(clippy::unwrap_used)]

use openings_core::catalog::Catalog;
use openings_core::feeds::{FeedReader, ParsedFeed, SkipReason};
use openings_core::model::{Description, EmploymentType, Opening, SalaryPeriod, Workplace};
use openings_core::rich_text::{from_description, to_text};
use openings_core::Timestamp;

fn now() -> Timestamp {
    Timestamp::parse_iso("2031-09-01").unwrap()
}

/// The fixture read as a board at `source` reads it, in chunks of 7 bytes
/// and whole: both must agree.
fn read(name: &str, source: &str) -> ParsedFeed {
    let path = format!("{}/tests/fixtures/real/{name}", env!("CARGO_MANIFEST_DIR"));
    let body = std::fs::read(path).unwrap();
    let whole = FeedReader::new(None, source, now(), 1 << 24)
        .read([body.as_slice()])
        .unwrap();
    let chunked = FeedReader::new(None, source, now(), 1 << 24)
        .read(body.chunks(7))
        .unwrap();
    assert_eq!(whole, chunked, "{name}: read whole and in chunks");
    whole
}

fn titled<'a>(feed: &'a ParsedFeed, title: &str) -> Vec<&'a Opening> {
    feed.openings.iter().filter(|o| o.title == title).collect()
}

/// When the opening titled `title` was posted and closes, as the board reads them.
fn posted_and_closing(feed: &ParsedFeed, title: &str) -> (Option<String>, Option<String>) {
    let o = titled(feed, title)[0];
    (
        o.date_posted.map(|d| d.to_iso_datetime()),
        o.valid_through.map(|d| d.to_iso_datetime()),
    )
}

fn shown_text(o: &Opening) -> String {
    to_text(&from_description(&o.description))
}

#[test]
fn greenhouse_content_escaped_twice_shows_its_spaces_and_ampersands() {
    let feed = read(
        "greenhouse_content_escaped_twice.json",
        "https://boards-api.greenhouse.io/v1/boards/harbourmaps/jobs?content=true",
    );
    let o = &feed.openings[0];
    assert_eq!(o.title, "Map Conservator", "the trailing space goes");
    assert_eq!(o.organization.name, "Harbour Maps");
    let text = shown_text(o);
    assert!(text.contains("About\u{a0}us"), "{text:?}");
    assert!(text.contains("Equity & Inclusion"), "{text:?}");
    assert!(text.contains("here\u{a0}— they"), "{text:?}");
    assert!(
        !text.contains("&nbsp;") && !text.contains("&amp;"),
        "{text:?}"
    );
    assert_eq!(
        o.employment_types,
        [EmploymentType::FullTime],
        "metadata: Regular"
    );
    assert_eq!(
        o.date_posted,
        Timestamp::parse_iso("2031-07-30T10:59:38Z"),
        "first_published, offset -04:00"
    );
}

#[test]
fn greenhouse_metadata_null_and_a_repeated_title_list_both_postings() {
    let feed = read(
        "greenhouse_metadata_null_and_null_values.json",
        "https://boards-api.greenhouse.io/v1/boards/harbourpay/jobs",
    );
    assert_eq!(
        titled(&feed, "Account Executive, Bridge").len(),
        2,
        "one title, two postings"
    );
    assert!(feed.openings.iter().all(|o| o.employment_types.is_empty()));
    assert!(feed
        .openings
        .iter()
        .all(|o| o.workplace == Workplace::OnSite));
    let mut catalog = Catalog::new();
    let added = catalog.add(feed, 0);
    assert_eq!(added.new, 2, "the board lists both");
}

#[test]
fn greenhouse_several_places_in_one_location_name_are_several_places() {
    let feed = read(
        "greenhouse_several_places_in_one_location_name.json",
        "https://boards-api.greenhouse.io/v1/boards/harbourmaps/jobs",
    );
    let archivist = titled(&feed, "Digital Archivist")[0];
    let places: Vec<String> = archivist.locations.iter().map(|l| l.label()).collect();
    assert_eq!(places, ["Leiden", "Utrecht"]);
    assert_eq!(
        archivist.workplace,
        Workplace::Hybrid,
        "on site in two places, or remote"
    );
    let librarian = titled(&feed, "Metadata Librarian")[0];
    assert_eq!(librarian.workplace, Workplace::Remote);
    assert!(librarian.locations.is_empty());
    assert_eq!(
        librarian.remote_regions,
        ["India (PEO)"],
        "shown as \"Remote (India (PEO))\", not \"Remote (Remote-India (PEO))\""
    );
}

#[test]
fn lever_postings_with_fields_missing_lowercase_workplace_and_bare_list_items() {
    let feed = read(
        "lever_fields_missing_lowercase_workplace_bare_list_items.json",
        "https://api.lever.co/v0/postings/harbourmaps?mode=json",
    );
    assert_eq!(feed.openings.len(), 3);
    let officers = titled(&feed, "Data Protection Officer");
    assert_eq!(officers.len(), 2, "one per city, both listed");
    let lisbon = officers[0];
    assert_eq!(lisbon.workplace, Workplace::Hybrid);
    assert_eq!(lisbon.locations[0].label(), "Portugal, Lisbon, PT");
    assert_eq!(
        lisbon.employment_types,
        [EmploymentType::FullTime],
        "Regular Full Time (Salary)"
    );
    let Description::Html(html) = &lisbon.description else {
        panic!("{:?}", lisbon.description)
    };
    assert!(
        html.contains("<h3>About the Gig:</h3><ul><li>be careful</li>"),
        "{html}"
    );
    assert!(
        html.contains("<ul><li>read Dutch</li></ul>"),
        "a list with no heading: {html}"
    );
    let text = shown_text(lisbon);
    assert!(
        text.contains("be curious") && text.contains("not an exact fit?"),
        "{text}"
    );
    assert_eq!(officers[1].workplace, Workplace::Remote);
    let executive = titled(&feed, "Account Executive")[0];
    assert!(executive.locations.is_empty() && executive.employment_types.is_empty());
    assert_eq!(executive.workplace, Workplace::Unspecified, "unspecified");
    assert_eq!(executive.description, Description::None);
    assert_eq!(executive.date_posted, Some(Timestamp(1_946_200_000_000)));
}

#[test]
fn ashby_unlisted_empty_compensation_pascal_case_and_a_region_for_remote() {
    let feed = read(
        "ashby_empty_compensation_pascal_case_remote_region.json",
        "https://api.ashbyhq.com/posting-api/job-board/HarbourMaps?includeCompensation=true",
    );
    assert_eq!(feed.openings.len(), 2);
    assert_eq!(feed.skipped.len(), 1);
    assert_eq!(feed.skipped[0].reason, SkipReason::Unlisted);
    assert_eq!(
        feed.skipped[0].title.as_deref(),
        Some("Senior Site Reliability Engineer")
    );
    let engineer = titled(&feed, "Security Engineer, Cloud")[0];
    assert_eq!(engineer.workplace, Workplace::Remote);
    assert!(engineer.locations.is_empty(), "{:?}", engineer.locations);
    assert_eq!(
        engineer.remote_regions,
        ["Canada"],
        "its secondary location is Canada too"
    );
    assert_eq!(engineer.employment_types, [EmploymentType::FullTime]);
    assert_eq!(engineer.salary, None, "no amount in an empty compensation");
    assert_eq!(
        engineer.date_posted,
        Timestamp::parse_iso("2031-04-07T17:12:35.753Z")
    );
    let curator = titled(&feed, "Map Curator")[0];
    assert_eq!(curator.workplace, Workplace::OnSite);
    assert_eq!(curator.employment_types, [EmploymentType::Contractor]);
    let salary = curator.salary.clone().unwrap();
    assert_eq!((salary.min, salary.max), (Some(102_800.0), Some(137_000.0)));
    assert_eq!(salary.currency.as_deref(), Some("CAD"));
    assert_eq!(salary.period, SalaryPeriod::Year);
}

#[test]
fn a_smartrecruiters_list_page_links_each_posting_page_and_says_it_is_one_page_of_many() {
    let feed = read(
        "smartrecruiters_list_page_localized_lowercase_paged.json",
        "https://api.smartrecruiters.com/v1/companies/harbourtech2/postings?limit=2",
    );
    assert_eq!(feed.openings.len(), 2);
    let engineer = &feed.openings[0];
    assert_eq!(
        engineer.apply_url,
        "https://jobs.smartrecruiters.com/HarbourTech2/744000141699866"
    );
    assert_eq!(
        engineer.locations[0].label(),
        "Szczecin, PL",
        "the country code in capitals"
    );
    assert_eq!(engineer.workplace, Workplace::Hybrid);
    assert_eq!(
        engineer.employment_types,
        [EmploymentType::FullTime],
        "by its id, not its Polish label"
    );
    assert_eq!(engineer.department, None, "an empty department object");
    let nurse = &feed.openings[1];
    assert_eq!(
        nurse.title, "CNA / LPN - Consistent Hours",
        "white space as shown"
    );
    assert_eq!(nurse.workplace, Workplace::Remote);
    assert_eq!(nurse.employment_types, [EmploymentType::PartTime]);
    assert_eq!(feed.warnings.len(), 1, "{:?}", feed.warnings);
    assert!(
        feed.warnings[0].contains("entries 1–2 of 250"),
        "{}",
        feed.warnings[0]
    );
    assert!(
        feed.warnings[0].contains("offset=2"),
        "{}",
        feed.warnings[0]
    );
}

#[test]
fn recruitee_string_salaries_utc_dates_and_workplace_booleans() {
    let feed = read(
        "recruitee_string_salaries_utc_dates_workplace_booleans.json",
        "https://harbour.recruitee.com/api/offers/",
    );
    let manager = &feed.openings[0];
    assert_eq!(
        manager.workplace,
        Workplace::Hybrid,
        "remote and hybrid both true"
    );
    assert_eq!(
        manager.department.as_deref(),
        Some("Delivery"),
        "no zero-width space"
    );
    let salary = manager.salary.clone().unwrap();
    assert_eq!((salary.min, salary.max), (Some(60_000.0), Some(75_000.0)));
    assert_eq!(salary.currency.as_deref(), Some("EUR"));
    assert_eq!(
        manager.date_posted,
        Timestamp::parse_iso("2031-07-17T11:00:39Z")
    );
    assert_eq!(manager.employment_types, [EmploymentType::FullTime]);
    assert_eq!(manager.locations[0].label(), "Berlin, Berlin, Germany");
    let accountant = &feed.openings[1];
    assert_eq!(accountant.workplace, Workplace::OnSite);
    assert_eq!(accountant.employment_types, [EmploymentType::Contractor]);
    assert_eq!(accountant.salary, None, "an all-null salary is none");
    assert_eq!(accountant.locations[0].label(), "Poznań, Poland");
}

#[test]
fn schema_org_pay_written_as_text_a_zero_pay_and_escaped_markup() {
    let feed = read(
        "schema_org_pay_as_text_escaped_markup_dates_without_times.json",
        "https://jobs.harbour.example/feed.json",
    );
    let pay = |title: &str| titled(&feed, title)[0].salary.clone();
    // A range as text (a WordPress template's "15,000 - 30,000") was one
    // number of both: 1,500,030,000 a month.
    let range = pay("Archives Assistant").unwrap();
    assert_eq!((range.min, range.max), (Some(15_000.0), Some(30_000.0)));
    assert_eq!(range.period, SalaryPeriod::Month);
    // A placeholder zero is no pay ("$0 an hour").
    assert_eq!(pay("Reading Room Attendant"), None);
    // A decimal comma after a grouping point.
    let euros = pay("Conservator").unwrap();
    assert_eq!((euros.min, euros.max), (Some(3_400.0), None));
    let hourly = pay("Digitisation Technician").unwrap();
    assert_eq!(
        (hourly.min, hourly.max, hourly.period),
        (Some(45.0), Some(60.0), SalaryPeriod::Hour)
    );
    // Two amounts that are not a range: none, rather than one made up.
    assert_eq!(pay("Records Manager"), None);

    // Markup written escaped is read as markup, its entities once.
    let text = shown_text(titled(&feed, "Archives Assistant")[0]);
    assert_eq!(
        text.trim(),
        "Catalogue the harbour's letters & maps.\n\n- Boxes"
    );
    // Text about HTML is text: decoded, its <template> and <title> would
    // have taken the rest with them.
    let text = shown_text(titled(&feed, "Web Archivist")[0]);
    assert!(
        text.contains("&lt;template&gt;") || text.contains("<template>"),
        "{text}"
    );
    assert!(text.contains("Apply by Friday."), "{text}");
    // Markup that is markup keeps an escaped tag as text.
    let text = shown_text(titled(&feed, "Digitisation Technician")[0]);
    assert_eq!(text.trim(), "Scan <b> as written.");
}

#[test]
fn a_closing_date_without_a_time_is_open_all_that_day() {
    let path = format!(
        "{}/tests/fixtures/real/schema_org_pay_as_text_escaped_markup_dates_without_times.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let body = std::fs::read(path).unwrap();
    // The evening of the closing day in New York (23:00 UTC).
    let evening = Timestamp::parse_iso("2031-09-01T23:00:00Z").unwrap();
    let feed = FeedReader::new(
        None,
        "https://jobs.harbour.example/feed.json",
        evening,
        1 << 24,
    )
    .read([body.as_slice()])
    .unwrap();
    let titles: Vec<&str> = feed.openings.iter().map(|o| o.title.as_str()).collect();
    assert!(
        titles.contains(&"Archives Assistant"),
        "closing 2031-09-01, hidden on the day: {titles:?}"
    );
    assert!(
        !titles.contains(&"Reading Room Attendant"),
        "closed at 17:00 that day: {titles:?}"
    );
    let closes = titled(&feed, "Archives Assistant")[0]
        .valid_through
        .unwrap();
    assert_eq!(closes.to_iso_date(), "2031-09-01", "shown as its own day");
    assert_eq!(
        openings_core::export::iso_closing(closes),
        "2031-09-01",
        "written as given"
    );
    assert_eq!(
        openings_core::export::iso_closing(Timestamp::parse_iso("2031-09-01T00:00:00Z").unwrap()),
        "2031-09-01T00:00:00Z",
        "a closing at midnight stays midnight (a date alone is read as the day's end)"
    );
}

#[test]
fn greenhouse_an_hourly_pay_range_is_an_hours_pay() {
    let feed = read(
        "greenhouse_hourly_pay_range.json",
        "https://boards-api.greenhouse.io/v1/boards/harbourmaps/jobs?content=true",
    );
    let guide = titled(&feed, "Map Room Guide")[0].salary.clone().unwrap();
    assert_eq!(
        (guide.min, guide.max, guide.period),
        (Some(45.0), Some(60.0), SalaryPeriod::Hour)
    );
    // "Annual Salary Range (40 hours per week)": its first word is its period.
    let chief = titled(&feed, "Chief Cartographer")[0]
        .salary
        .clone()
        .unwrap();
    assert_eq!(
        (chief.min, chief.period),
        (Some(90_000.0), SalaryPeriod::Year)
    );
    // "Dayton, OH Pay Range" names no period (not "day").
    let courier = titled(&feed, "Courier")[0].salary.clone().unwrap();
    assert_eq!(courier.period, SalaryPeriod::Year);
    for (title, period) in [
        ("Night Guard", SalaryPeriod::Day),
        ("Map Mender", SalaryPeriod::Week),
        ("Map Keeper", SalaryPeriod::Month),
    ] {
        assert_eq!(
            titled(&feed, title)[0].salary.clone().unwrap().period,
            period,
            "{title}"
        );
    }
}

#[test]
fn lever_remote_as_a_place_is_remote_work() {
    let feed = read(
        "lever_remote_as_a_place.json",
        "https://api.lever.co/v0/postings/harbourmaps?mode=json",
    );
    let developer = titled(&feed, "Web Developer")[0];
    assert_eq!(developer.workplace, Workplace::Remote);
    assert!(developer.locations.is_empty());
    let admin = titled(&feed, "Systems Administrator")[0];
    assert_eq!(admin.workplace, Workplace::Hybrid, "remote, or in Lisbon");
    assert_eq!(admin.locations[0].label(), "Lisbon");
}

#[test]
fn schema_org_a_posting_without_url_links_the_page_that_carries_it() {
    let feed = read(
        "schema_org_page_builder_graph_without_url.json",
        "https://museum.example.org/jobs/feed.json",
    );
    let registrar = titled(&feed, "Registrar")[0];
    assert_eq!(
        registrar.apply_url,
        "https://museum.example.org/jobs/registrar/#jobposting"
    );
    assert_eq!(registrar.organization.name, "Harbour Museum");
    let educator = titled(&feed, "Educator")[0];
    assert_eq!(
        educator.apply_url,
        "https://museum.example.org/jobs/educator/#jobposting"
    );
    // Two postings on one careers page (its `mainEntityOfPage`) are not one
    // opening: with no link of their own they are left out, each said.
    for title in ["Porter", "Cleaner", "Placeholder"] {
        assert!(titled(&feed, title).is_empty(), "{title}");
        assert!(
            feed.skipped
                .iter()
                .any(|s| s.title.as_deref() == Some(title)),
            "{title}"
        );
    }
    // An `@id` that is no web address is no link: left out, saying what to add.
    assert!(titled(&feed, "Guard").is_empty());
    let skipped = feed
        .skipped
        .iter()
        .find(|s| s.title.as_deref() == Some("Guard"))
        .unwrap();
    assert_eq!(skipped.reason, SkipReason::MissingLink);
    assert!(skipped.reason.to_string().contains("give it a url"));
}

#[test]
fn schema_org_pay_as_a_plain_value_or_a_price_and_its_posting_currency() {
    let feed = read(
        "schema_org_cms_templates_plain_pay_written_dates_profiles.json",
        "https://harbour-museum.example.nl/feed.json",
    );
    let pay = |title: &str| {
        let s = titled(&feed, title)[0].salary.clone();
        s.map(|s| (s.min, s.max, s.currency, s.period))
    };
    let eur = Some("EUR".to_string());
    // `baseSalary` a number, its currency the posting's `salaryCurrency`.
    assert_eq!(
        pay("Map Registrar"),
        Some((Some(52_000.0), None, eur.clone(), SalaryPeriod::Year))
    );
    // Text: a range, or an amount with its period.
    assert_eq!(
        pay("Digital Scholarship Librarian"),
        Some((
            Some(60_000.0),
            Some(68_000.0),
            Some("USD".into()),
            SalaryPeriod::Year
        ))
    );
    assert_eq!(
        pay("Gallery Attendant"),
        Some((Some(14.5), None, eur.clone(), SalaryPeriod::Hour))
    );
    // A PriceSpecification, which schema.org allows.
    assert_eq!(
        pay("Restaurator"),
        Some((
            Some(3_400.0),
            Some(4_600.0),
            eur.clone(),
            SalaryPeriod::Month
        ))
    );
    // A UnitPriceSpecification's unit as a UN/CEFACT code.
    assert_eq!(
        pay("Reading Room Assistant"),
        Some((Some(25.0), None, Some("USD".into()), SalaryPeriod::Hour))
    );
    // The pound sign in the text, over the template's fixed salaryCurrency.
    assert_eq!(
        pay("Archives Trainee"),
        Some((Some(30_000.0), None, Some("GBP".into()), SalaryPeriod::Year))
    );
    // Words after the pay about something else name no period.
    assert_eq!(
        pay("Exhibitions Manager"),
        Some((
            Some(120_000.0),
            None,
            Some("USD".into()),
            SalaryPeriod::Year
        ))
    );
    // minValue and maxValue on the MonetaryAmount itself, a unit in German,
    // and a currency that is no code, which the posting's stands in for.
    assert_eq!(
        pay("Depot Manager"),
        Some((
            Some(3_000.0),
            Some(3_600.0),
            Some("EUR".into()),
            SalaryPeriod::Month
        ))
    );
    assert_eq!(
        pay("Collections Assistant"),
        Some((Some(2_900.0), None, Some("EUR".into()), SalaryPeriod::Month)),
        "a currency written as a word, not a code"
    );
    // Thousands grouped by spaces; the amount's currency left to the posting.
    assert_eq!(
        pay("Conservateur"),
        Some((Some(38_000.0), Some(45_000.0), eur, SalaryPeriod::Year))
    );
}

#[test]
fn schema_org_dates_as_templates_write_them() {
    let feed = read(
        "schema_org_cms_templates_plain_pay_written_dates_profiles.json",
        "https://harbour-museum.example.nl/feed.json",
    );
    let dates = |title: &str| posted_and_closing(&feed, title);
    // A WordPress date as the site shows it; an empty closing date is none,
    // and no note.
    assert_eq!(
        dates("Outreach Coordinator"),
        (Some("2031-08-20T00:00:00Z".into()), None)
    );
    // A month: posted as it began, open to its end.
    assert_eq!(
        dates("Paper Conservator"),
        (
            Some("2031-08-01T00:00:00Z".into()),
            Some("2031-09-30T23:59:59Z".into())
        )
    );
    assert_eq!(
        dates("Museum Educator").0,
        Some("2031-08-21T00:00:00Z".into())
    );
    // A zero-width space pasted after the date (it stayed listed once closed).
    assert_eq!(
        dates("Reading Room Assistant"),
        (
            Some("2031-08-20T00:00:00Z".into()),
            Some("2031-10-01T23:59:59Z".into())
        )
    );
    // What is not a date is left out, and the feed's publisher told.
    let notes: Vec<String> = feed.notes.iter().map(|n| n.note.clone()).collect();
    assert_eq!(
        notes,
        ["its validThrough (Open until filled) is not a date the board can read, so it was left out"],
        "{notes:?}"
    );
}

#[test]
fn schema_org_an_organization_links_its_own_site_not_a_profile_or_the_posting() {
    let feed = read(
        "schema_org_cms_templates_plain_pay_written_dates_profiles.json",
        "https://harbour-museum.example.nl/feed.json",
    );
    let site = |title: &str| titled(&feed, title)[0].organization.url.clone();
    assert_eq!(
        site("Paper Conservator").as_deref(),
        Some("https://harbour-museum.example.nl/"),
        "its own site, after its profiles"
    );
    assert_eq!(site("Outreach Coordinator"), None, "the posting's own page");
    assert_eq!(
        site("Museum Educator").as_deref(),
        Some("https://www.linkedin.com/company/harbour-museum"),
        "a profile, when that is all it gives"
    );
    assert_eq!(site("Map Registrar"), None);
    // The posting's own page written otherwise (http, a fragment) and
    // authority files (ROR, VIAF) before the archive's site.
    assert_eq!(
        site("Archives Trainee").as_deref(),
        Some("https://harbour-archive.example.org.uk")
    );
    // Its own `url` (a careers page) is its link, profiles or not.
    assert_eq!(
        site("Reading Room Assistant").as_deref(),
        Some("https://harbour-library.example.org/jobs/")
    );
}

#[test]
fn greenhouse_a_place_that_says_remote_or_hybrid_keeps_what_else_it_names() {
    let feed = read(
        "greenhouse_remote_region_hybrid_place_or_remote.json",
        "https://boards-api.greenhouse.io/v1/boards/harbourmaps/jobs",
    );
    let work = |title: &str| {
        let o = titled(&feed, title)[0];
        let places: Vec<String> = o.locations.iter().map(|l| l.label()).collect();
        (o.workplace, places, o.remote_regions.clone())
    };
    // "Paris or remote": in Paris, or remote (it was remote from "Paris or remote").
    assert_eq!(
        work("Security Analyst"),
        (Workplace::Hybrid, vec!["Paris".to_string()], vec![])
    );
    // "Remote - US": remote from the US (it was shown "Remote (Remote - US)").
    assert_eq!(
        work("Detection Engineer"),
        (Workplace::Remote, vec![], vec!["US".to_string()])
    );
    // "Hybrid (London)": London was lost.
    assert_eq!(
        work("Map Curator"),
        (Workplace::Hybrid, vec!["London".to_string()], vec![])
    );
    // "OR" is Oregon, not "or" (it was read as Portland, or remote).
    assert_eq!(
        work("Map Librarian"),
        (Workplace::Remote, vec![], vec!["Portland, OR".to_string()])
    );
    // No "( )" left behind.
    assert_eq!(
        work("GIS Analyst"),
        (Workplace::Remote, vec![], vec!["United States".to_string()])
    );
    // Remote and hybrid both: hybrid, in New York.
    assert_eq!(
        work("Print Room Manager"),
        (Workplace::Hybrid, vec!["NYC".to_string()], vec![])
    );
    assert_eq!(
        work("Surveyor"),
        (
            Workplace::Hybrid,
            vec!["San Francisco".to_string()],
            vec!["US".to_string()]
        )
    );
    assert_eq!(work("Atlas Editor"), (Workplace::Remote, vec![], vec![]));
    assert_eq!(
        work("Cartographer"),
        (
            Workplace::Remote,
            vec![],
            vec!["Canada".to_string(), "USA".to_string()]
        )
    );
}

/// Dates as institutions' templates write them beyond English and ISO
/// (seen in public job pages and templates: `d.m.Y`, `%d/%m/%Y`, "20 de
/// agosto de 2031", and `Date.toString()` of JavaScript and of Java in
/// JSON-LD): each was left out, with a note.
#[test]
fn schema_org_dates_in_other_languages_and_as_date_to_string_writes_them() {
    let feed = read(
        "schema_org_dates_in_other_languages_and_date_to_string.json",
        "https://harbour-museum.example.nl/feed.json",
    );
    let dates = |title: &str| posted_and_closing(&feed, title);
    let day = |iso: &str| Some(format!("{iso}T00:00:00Z"));
    let end = |iso: &str| Some(format!("{iso}T23:59:59Z"));
    assert_eq!(
        dates("Restauratorin"),
        (day("2031-08-20"), end("2031-09-30"))
    );
    assert_eq!(
        dates("Chargé de collections"),
        (day("2031-08-22"), end("2031-09-30"))
    );
    assert_eq!(
        dates("Conservadora"),
        (day("2031-08-20"), end("2031-10-01"))
    );
    assert_eq!(
        dates("Collections Registrar"),
        (Some("2031-08-20T07:15:00Z".into()), end("2031-10-31"))
    );
    assert_eq!(dates("Archivist"), (day("2031-08-20"), None));
    // Day first or month first? Not read, and the publisher told.
    assert_eq!(dates("Bibliothekar"), (day("2031-08-20"), None));
    let notes: Vec<String> = feed.notes.iter().map(|n| n.note.clone()).collect();
    assert_eq!(
        notes,
        ["its validThrough (05/09/2031) is not a date the board can read, so it was left out"],
        "{notes:?}"
    );
}
