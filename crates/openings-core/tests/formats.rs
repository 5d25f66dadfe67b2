//! The applicant-tracking formats, read from fixtures in each system's real
//! shape (invented data): detection by shape, the `format:` prefix, and the
//! mapping onto the opening model field by field.

// Test helpers outside `#[test]` functions may unwrap too.
#![allow(clippy::unwrap_used)]

use openings_core::feeds::{detect, split_format_prefix};
use openings_core::{
    parse_feed, Description, EmploymentType, FeedError, FeedFormat, Location, Opening, ParsedFeed,
    SalaryPeriod, SkipReason, Timestamp, Workplace,
};
use serde_json::json;

const GREENHOUSE: &str = include_str!("fixtures/greenhouse.json");
const LEVER: &str = include_str!("fixtures/lever.json");
const ASHBY: &str = include_str!("fixtures/ashby.json");
const JSON_FEED: &str = include_str!("fixtures/json_feed.json");
const SMARTRECRUITERS: &str = include_str!("fixtures/smartrecruiters.json");
const RECRUITEE: &str = include_str!("fixtures/recruitee.json");

const GREENHOUSE_URL: &str =
    "https://boards-api.greenhouse.io/v1/boards/meridianlibrary/jobs?content=true";
const LEVER_URL: &str = "https://api.lever.co/v0/postings/meridian?mode=json";
const ASHBY_URL: &str =
    "https://api.ashbyhq.com/posting-api/job-board/meridian?includeCompensation=true";
const JSON_FEED_URL: &str = "https://meridian.example.org/jobs/feed.json";
const SMARTRECRUITERS_URL: &str =
    "https://api.smartrecruiters.com/v1/companies/MeridianMuseum/postings";
const RECRUITEE_URL: &str = "https://utrechtarchive.recruitee.com/api/offers/";

fn now() -> Timestamp {
    Timestamp::from_ymd(2024, 6, 1).unwrap()
}

fn read(body: &str, source: &str) -> ParsedFeed {
    parse_feed(body, None, source, now(), 20_000_000).unwrap()
}

fn titled<'a>(feed: &'a ParsedFeed, title: &str) -> &'a Opening {
    feed.openings
        .iter()
        .find(|o| o.title == title)
        .unwrap_or_else(|| panic!("no opening titled {title:?} in {feed:#?}"))
}

fn place(locality: &str, region: Option<&str>, country: Option<&str>) -> Location {
    Location {
        locality: Some(locality.into()),
        region: region.map(Into::into),
        country: country.map(Into::into),
    }
}

fn iso(s: &str) -> Option<Timestamp> {
    Timestamp::parse_iso(s)
}

#[test]
fn each_fixture_is_detected_as_its_own_format() {
    for (body, format) in [
        (GREENHOUSE, FeedFormat::Greenhouse),
        (LEVER, FeedFormat::Lever),
        (ASHBY, FeedFormat::Ashby),
        (JSON_FEED, FeedFormat::JsonFeed),
        (SMARTRECRUITERS, FeedFormat::SmartRecruiters),
        (RECRUITEE, FeedFormat::Recruitee),
    ] {
        let doc: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(detect(&doc), Some(format), "{}", format.name());
        assert_eq!(read(body, "https://x.example/").format, Some(format));
    }
}

#[test]
fn every_format_has_a_prefix_that_names_it_back() {
    let prefixes: Vec<&str> = FeedFormat::ALL.iter().map(|f| f.prefix()).collect();
    assert_eq!(
        prefixes,
        [
            "schema",
            "greenhouse",
            "lever",
            "ashby",
            "jsonfeed",
            "smartrecruiters",
            "recruitee"
        ]
    );
    for format in FeedFormat::ALL {
        assert_eq!(FeedFormat::from_prefix(format.prefix()), Some(format));
        let token = format!(
            "{}:https://feeds.example.org/x.json",
            format.prefix().to_uppercase()
        );
        assert_eq!(
            split_format_prefix(&token),
            (Some(format), "https://feeds.example.org/x.json")
        );
    }
    assert_eq!(
        split_format_prefix("https://feeds.example.org/x.json"),
        (None, "https://feeds.example.org/x.json")
    );
    // JSON-LD is schema.org's syntax: a site editor may name it either way.
    assert_eq!(
        split_format_prefix("JSONLD:https://feeds.example.org/x.json"),
        (
            Some(FeedFormat::SchemaOrg),
            "https://feeds.example.org/x.json"
        )
    );
}

#[test]
fn every_format_is_named_for_people_by_the_system_that_publishes_it() {
    for (format, system) in [
        (FeedFormat::SchemaOrg, "schema.org"),
        (FeedFormat::Greenhouse, "Greenhouse"),
        (FeedFormat::Lever, "Lever"),
        (FeedFormat::Ashby, "Ashby"),
        (FeedFormat::JsonFeed, "JSON Feed"),
        (FeedFormat::SmartRecruiters, "SmartRecruiters"),
        (FeedFormat::Recruitee, "Recruitee"),
    ] {
        assert!(format.name().contains(system), "{}", format.name());
        assert_eq!(format.to_string(), format.name(), "as messages print it");
    }
}

#[test]
fn a_named_format_overrides_detection_and_a_wrong_one_says_what_it_expected() {
    // An empty Lever answer looks like an empty JSON-LD list; the prefix decides.
    let feed = parse_feed("[]", Some(FeedFormat::Lever), LEVER_URL, now(), 1000).unwrap();
    assert_eq!(feed.format, Some(FeedFormat::Lever));
    assert!(feed.openings.is_empty());

    let err = parse_feed(
        GREENHOUSE,
        Some(FeedFormat::Recruitee),
        GREENHOUSE_URL,
        now(),
        1 << 20,
    )
    .unwrap_err();
    assert!(
        matches!(&err, FeedError::NotAFeed(why) if why.contains("offers")),
        "{err}"
    );
}

#[test]
fn greenhouse_jobs_map_field_by_field() {
    let feed = read(GREENHOUSE, GREENHOUSE_URL);
    let job = titled(&feed, "Digital Preservation Librarian");
    assert_eq!(job.id, "4012345");
    assert_eq!(job.organization.name, "Meridian Library");
    assert_eq!(
        job.locations,
        [place("Leiden, South Holland, NL", None, None)]
    );
    assert_eq!(job.workplace, Workplace::OnSite);
    assert_eq!(job.employment_types, [EmploymentType::FullTime]);
    assert_eq!(job.department.as_deref(), Some("Collections"));
    assert_eq!(job.date_posted, iso("2024-03-01T09:00:00-05:00"));
    assert_eq!(
        job.apply_url,
        "https://boards.greenhouse.io/meridianlibrary/jobs/4012345"
    );
    // Decoded once: the markup becomes markup, an escaped ampersand stays escaped.
    assert_eq!(
        job.description,
        Description::Html(
            "<p>Care for our <strong>born-digital</strong> collections &amp; their formats.</p><ul><li>Run the repository</li></ul>".into()
        )
    );
    let salary = job.salary.as_ref().unwrap();
    assert_eq!((salary.min, salary.max), (Some(65_000.0), Some(78_000.0)));
    assert_eq!(salary.currency.as_deref(), Some("EUR"));
    assert_eq!(job.source, GREENHOUSE_URL);
}

#[test]
fn greenhouse_board_token_names_the_organization_when_the_job_does_not() {
    let feed = read(GREENHOUSE, GREENHOUSE_URL);
    let job = titled(&feed, "Web Archiving Engineer");
    assert_eq!(job.organization.name, "meridianlibrary");
    assert_eq!(job.workplace, Workplace::Remote);
    assert!(
        job.locations.is_empty(),
        "a remote region is no place of work"
    );
    assert_eq!(
        job.remote_regions,
        ["Europe"],
        "its location: \"Remote - Europe\""
    );
    assert_eq!(job.date_posted, iso("2024-03-05T08:00:00Z"));
}

#[test]
fn a_greenhouse_answer_trimmed_of_its_meta_is_still_greenhouse() {
    let doc = json!({"jobs": [{
        "id": 7, "title": "Registrar",
        "absolute_url": "https://boards.greenhouse.io/meridianlibrary/jobs/7"
    }]});
    let feed = read(&doc.to_string(), GREENHOUSE_URL);
    assert_eq!(feed.format, Some(FeedFormat::Greenhouse));
    assert_eq!(
        titled(&feed, "Registrar").organization.name,
        "meridianlibrary"
    );
}

/// Greenhouse escapes its content's markup (`&lt;p&gt;`): a description
/// longer than a board keeps is cut once decoded, at the bytes kept, so
/// the board can tell it was cut (cut before decoding, it shrank to 141 kB
/// and looked whole).
#[test]
fn a_greenhouse_description_longer_than_kept_is_cut_once_decoded() {
    let paragraph = format!(
        "&lt;p&gt;{}&lt;/p&gt;",
        "Catalog the collection. ".repeat(100)
    );
    let doc = json!({"jobs": [{
        "id": 7, "title": "Registrar",
        "absolute_url": "https://boards.greenhouse.io/meridianlibrary/jobs/7",
        "content": paragraph.repeat(150),
    }]});
    let feed = read(&doc.to_string(), GREENHOUSE_URL);
    let description = &titled(&feed, "Registrar").description;
    let Description::Html(html) = description else {
        panic!("{description:?}");
    };
    assert!(
        html.starts_with("<p>Catalog the collection."),
        "{}",
        &html[..60]
    );
    assert!(html.len() <= openings_core::text::MAX_DESCRIPTION_BYTES);
    assert!(openings_core::rich_text::cut_at_the_byte_limit(description));
}

#[test]
fn a_greenhouse_board_with_no_jobs_open_is_known_by_its_meta() {
    let feed = read(r#"{"jobs": [], "meta": {"total": 0}}"#, GREENHOUSE_URL);
    assert_eq!(feed.format, Some(FeedFormat::Greenhouse));
    assert!(feed.openings.is_empty() && feed.skipped.is_empty());
}

#[test]
fn a_greenhouse_job_located_hybrid_is_hybrid_work_with_no_place() {
    let doc = json!({"jobs": [{
        "title": "Registrar", "location": {"name": "Hybrid"},
        "absolute_url": "https://boards.greenhouse.io/meridianlibrary/jobs/7"
    }]});
    let feed = read(&doc.to_string(), GREENHOUSE_URL);
    let job = titled(&feed, "Registrar");
    assert_eq!(job.workplace, Workplace::Hybrid);
    assert!(job.locations.is_empty() && job.remote_regions.is_empty());
}

#[test]
fn a_greenhouse_custom_field_about_the_workplace_says_how_the_work_is_done() {
    let job = |field: serde_json::Value| {
        json!({
            "title": "Registrar", "location": {"name": "Leiden"}, "metadata": [field],
            "absolute_url": "https://boards.greenhouse.io/meridianlibrary/jobs/7"
        })
    };
    let doc = json!({"jobs": [
        job(json!({"name": "Workplace Type", "value": "Hybrid"})),
        job(json!({"name": "Remote eligible", "value": true})),
    ]});
    let feed = read(&doc.to_string(), GREENHOUSE_URL);
    let workplaces: Vec<Workplace> = feed.openings.iter().map(|o| o.workplace).collect();
    assert_eq!(workplaces, [Workplace::Hybrid, Workplace::Remote]);
}

#[test]
fn greenhouse_bad_jobs_are_skipped_with_reasons_and_the_good_ones_stay() {
    let feed = read(GREENHOUSE, GREENHOUSE_URL);
    assert_eq!(feed.openings.len(), 2);
    let reasons: Vec<(usize, &SkipReason)> = feed
        .skipped
        .iter()
        .map(|s| (s.position, &s.reason))
        .collect();
    assert!(
        matches!(reasons[0], (3, SkipReason::UnsafeLink(link)) if link.starts_with("javascript:"))
    );
    assert_eq!(reasons[1], (4, &SkipReason::MissingTitle));
    assert_eq!(feed.skipped[0].title.as_deref(), Some("Script Kiddie"));
}

#[test]
fn lever_postings_map_field_by_field() {
    let feed = read(LEVER, LEVER_URL);
    let job = titled(&feed, "Metadata Archivist");
    assert_eq!(job.id, "5c1e0a3e-7d1a-4b2f-9f0e-1a2b3c4d5e6f");
    assert_eq!(
        job.organization.name, "meridian",
        "the site name from the feed URL"
    );
    assert_eq!(job.locations, [place("Boston, MA", None, Some("US"))]);
    assert_eq!(job.workplace, Workplace::Hybrid);
    assert_eq!(job.employment_types, [EmploymentType::FullTime]);
    assert_eq!(job.department.as_deref(), Some("Collections"));
    assert_eq!(job.tags, ["Cataloguing"]);
    assert_eq!(job.date_posted, Some(Timestamp(1_709_283_600_000)));
    assert_eq!(
        job.apply_url,
        "https://jobs.lever.co/meridian/5c1e0a3e-7d1a-4b2f-9f0e-1a2b3c4d5e6f/apply"
    );
    assert_eq!(
        job.url.as_deref(),
        Some("https://jobs.lever.co/meridian/5c1e0a3e-7d1a-4b2f-9f0e-1a2b3c4d5e6f")
    );
    let salary = job.salary.as_ref().unwrap();
    assert_eq!((salary.min, salary.max), (Some(62_000.0), Some(70_000.0)));
    assert_eq!(salary.currency.as_deref(), Some("USD"));
    assert_eq!(salary.period, SalaryPeriod::Year);
    let Description::Html(html) = &job.description else {
        panic!("{:?}", job.description)
    };
    assert_eq!(
        html,
        "<div>Describe our <b>manuscript</b> collections.</div>\
         <h3>What you&#39;ll do</h3><ul><li>Write finding aids</li><li>Mentor students</li></ul>\
         <h3>You &lt;bring&gt;</h3><ul><li>An MLIS or equivalent</li></ul>\
         <div>We welcome applicants from every background.</div>"
    );
}

#[test]
fn lever_remote_postings_have_no_place_and_hourly_pay() {
    let feed = read(LEVER, LEVER_URL);
    let job = titled(&feed, "Research Data Consultant");
    assert_eq!(job.workplace, Workplace::Remote);
    assert!(job.locations.is_empty(), "{:?}", job.locations);
    assert_eq!(job.department.as_deref(), Some("Digital Scholarship"));
    assert_eq!(job.employment_types, [EmploymentType::PartTime]);
    assert_eq!(
        job.description,
        Description::Text("Help scholars with data.".into())
    );
    let salary = job.salary.as_ref().unwrap();
    assert_eq!(salary.period, SalaryPeriod::Hour);
    assert_eq!(salary.currency.as_deref(), Some("USD"));
}

#[test]
fn a_lever_team_named_as_its_department_is_no_tag() {
    let doc = json!([{
        "text": "Registrar", "categories": {"department": "Collections", "team": "Collections"},
        "hostedUrl": "https://jobs.lever.co/meridian/r1"
    }]);
    let feed = read(&doc.to_string(), LEVER_URL);
    let job = titled(&feed, "Registrar");
    assert_eq!(job.department.as_deref(), Some("Collections"));
    assert!(job.tags.is_empty(), "{:?}", job.tags);
    assert_eq!(job.source, LEVER_URL, "the feed it came from");
}

#[test]
fn a_lever_date_written_with_a_fraction_of_a_millisecond_is_read() {
    let doc = json!([{
        "text": "Registrar", "createdAt": 1_709_283_600_000.5,
        "hostedUrl": "https://jobs.lever.co/meridian/r1"
    }]);
    let feed = read(&doc.to_string(), LEVER_URL);
    assert!(feed.notes.is_empty(), "{:?}", feed.notes);
    assert_eq!(
        titled(&feed, "Registrar").date_posted,
        Some(Timestamp(1_709_283_600_000))
    );
}

#[test]
fn a_lever_posting_without_categories_is_known_by_its_hosted_page() {
    let doc = json!([{"text": "Registrar", "hostedUrl": "https://jobs.lever.co/meridian/r1"}]);
    let feed = read(&doc.to_string(), LEVER_URL);
    assert_eq!(feed.format, Some(FeedFormat::Lever));
    assert_eq!(
        titled(&feed, "Registrar").apply_url,
        "https://jobs.lever.co/meridian/r1"
    );
}

#[test]
fn a_list_of_notes_with_text_is_not_a_lever_feed() {
    let err = parse_feed(
        r#"[{"id": 1, "text": "Closed for the holidays"}]"#,
        None,
        LEVER_URL,
        now(),
        1 << 20,
    )
    .unwrap_err();
    assert!(matches!(err, FeedError::NotAFeed(_)), "{err}");
}

#[test]
fn a_lever_posting_with_a_postings_field_of_its_own_is_one_posting() {
    let doc = json!([{
        "text": "Registrar", "categories": {}, "postings": [],
        "hostedUrl": "https://jobs.lever.co/meridian/r1"
    }]);
    let feed = read(&doc.to_string(), LEVER_URL);
    assert_eq!(feed.openings.len(), 1, "not a group of none");
}

#[test]
fn lever_data_links_are_refused() {
    let feed = read(LEVER, LEVER_URL);
    assert_eq!(feed.openings.len(), 2);
    assert_eq!(feed.skipped.len(), 1);
    assert!(matches!(&feed.skipped[0].reason, SkipReason::UnsafeLink(l) if l.starts_with("data:")));
}

#[test]
fn lever_grouped_answers_are_flattened() {
    let grouped = format!(r#"[{{"title": "Cataloguing", "postings": {LEVER}}}]"#);
    let feed = parse_feed(&grouped, None, LEVER_URL, now(), 1 << 20).unwrap();
    assert_eq!(feed.format, Some(FeedFormat::Lever));
    assert_eq!(feed.openings.len(), 2);
}

#[test]
fn ashby_jobs_map_field_by_field() {
    let feed = read(ASHBY, ASHBY_URL);
    let job = titled(&feed, "Collections Data Engineer");
    assert_eq!(job.id, "0f6b2a9e-3c51-4e07-b7d2-8a1c4e5f6a7b");
    assert_eq!(job.organization.name, "meridian");
    assert_eq!(
        job.locations,
        [
            place("Rotterdam", Some("South Holland"), Some("Netherlands")),
            place("Amsterdam", Some("North Holland"), Some("Netherlands")),
        ]
    );
    assert_eq!(job.workplace, Workplace::Hybrid);
    assert_eq!(job.employment_types, [EmploymentType::FullTime]);
    assert_eq!(job.department.as_deref(), Some("Technology"));
    assert_eq!(job.tags, ["Collections Data"]);
    assert_eq!(job.date_posted, iso("2024-03-02T14:29:08.532Z"));
    assert!(job.apply_url.ends_with("/application"));
    assert_eq!(
        job.url.as_deref(),
        Some("https://jobs.ashbyhq.com/meridian/0f6b2a9e-3c51-4e07-b7d2-8a1c4e5f6a7b")
    );
    assert_eq!(
        job.description,
        Description::Html("<p>Move <em>millions</em> of records.</p>".into())
    );
    let salary = job.salary.as_ref().unwrap();
    assert_eq!((salary.min, salary.max), (Some(55_000.0), Some(64_000.0)));
    assert_eq!(salary.currency.as_deref(), Some("EUR"));
    assert_eq!(salary.period, SalaryPeriod::Year);
    assert_eq!(job.source, ASHBY_URL, "the feed it came from");
}

#[test]
fn ashby_unlisted_jobs_are_not_shown() {
    let feed = read(ASHBY, ASHBY_URL);
    assert_eq!(feed.openings.len(), 2);
    assert_eq!(feed.skipped.len(), 1);
    assert_eq!(feed.skipped[0].reason, SkipReason::Unlisted);
    assert_eq!(
        feed.skipped[0].title.as_deref(),
        Some("Internal Transfer: Registrar")
    );
}

#[test]
fn ashby_remote_contract_without_pay() {
    let feed = read(ASHBY, ASHBY_URL);
    let job = titled(&feed, "Accessibility Auditor");
    assert_eq!(job.workplace, Workplace::Remote);
    assert!(job.locations.is_empty());
    assert_eq!(job.employment_types, [EmploymentType::Contractor]);
    assert!(job.tags.is_empty(), "team equal to department is not a tag");
    assert_eq!(job.salary, None);
    assert_eq!(
        job.description,
        Description::Text("Audit our sites.".into())
    );
}

#[test]
fn an_ashby_board_with_no_jobs_open_is_known_by_its_api_version() {
    let feed = read(r#"{"apiVersion": "1", "jobs": []}"#, ASHBY_URL);
    assert_eq!(feed.format, Some(FeedFormat::Ashby));
    assert!(feed.openings.is_empty() && feed.skipped.is_empty());
}

#[test]
fn an_ashby_answer_without_its_api_version_is_known_by_its_job_pages() {
    let doc = json!({"jobs": [{
        "id": "r1", "title": "Registrar",
        "jobUrl": "https://jobs.ashbyhq.com/meridian/r1"
    }]});
    let feed = read(&doc.to_string(), "https://meridian.example.org/ashby.json");
    assert_eq!(feed.format, Some(FeedFormat::Ashby));
    let job = titled(&feed, "Registrar");
    assert_eq!(job.apply_url, "https://jobs.ashbyhq.com/meridian/r1");
    assert_eq!(
        job.organization.name, "meridian",
        "the board name in the job's page stands in for the company"
    );
}

#[test]
fn an_ashby_job_without_an_address_is_placed_by_its_location_name() {
    let doc = json!({"apiVersion": "1", "jobs": [
        {"title": "Registrar", "location": "Leiden",
         "jobUrl": "https://jobs.ashbyhq.com/meridian/r1"},
        {"title": "Editor", "location": "Remote", "workplaceType": "Hybrid",
         "jobUrl": "https://jobs.ashbyhq.com/meridian/e1"}
    ]});
    let feed = read(&doc.to_string(), ASHBY_URL);
    assert_eq!(
        titled(&feed, "Registrar").locations,
        [place("Leiden", None, None)]
    );
    let editor = titled(&feed, "Editor");
    assert_eq!(editor.workplace, Workplace::Hybrid);
    assert!(
        editor.locations.is_empty(),
        "\"Remote\" is no place: {:?}",
        editor.locations
    );
}

#[test]
fn json_feed_items_with_a_job_map_field_by_field() {
    let feed = read(JSON_FEED, JSON_FEED_URL);
    let job = titled(&feed, "IIIF Developer & Community Lead");
    assert_eq!(
        job.id,
        "https://meridian.example.org/jobs/2024/iiif-developer"
    );
    assert_eq!(job.organization.name, "Hollis Museum of Maps");
    assert_eq!(
        job.organization.url.as_deref(),
        Some("https://hollis.example.org/")
    );
    assert_eq!(
        job.locations,
        [place("Leiden", Some("South Holland"), Some("NL"))]
    );
    assert_eq!(job.workplace, Workplace::Hybrid);
    assert_eq!(job.remote_regions, ["European Union"]);
    assert_eq!(job.employment_types, [EmploymentType::FullTime]);
    assert_eq!(job.department.as_deref(), Some("Digital"));
    assert_eq!(job.tags, ["iiif", "developer"]);
    assert_eq!(job.date_posted, iso("2024-03-06T08:00:00Z"));
    assert_eq!(
        job.valid_through,
        iso("2099-04-01").map(|t| t.end_of_day()),
        "open all that day"
    );
    assert_eq!(job.apply_url, "https://recruit.example.org/hollis/apply/88");
    assert_eq!(
        job.url.as_deref(),
        Some("https://meridian.example.org/jobs/2024/iiif-developer")
    );
    assert_eq!(
        job.contact.as_ref().and_then(|c| c.email.as_deref()),
        Some("jobs@hollis.example.org")
    );
    let salary = job.salary.as_ref().unwrap();
    assert_eq!((salary.min, salary.max), (Some(52_000.0), Some(61_000.0)));
    assert_eq!(
        job.description,
        Description::Html("<p>Build image services.</p>".into())
    );
}

#[test]
fn json_feed_text_content_is_plain_text_and_the_author_is_the_organization() {
    let feed = read(JSON_FEED, JSON_FEED_URL);
    let job = titled(&feed, "Community Coordinator");
    assert_eq!(job.organization.name, "Meridian Consortium");
    assert!(
        matches!(&job.description, Description::Text(text) if text.contains("**coordinator**")),
        "content_text is plain text, as JSON Feed says: its stars are stars"
    );
    assert_eq!(job.workplace, Workplace::Remote);
    assert_eq!(
        job.employment_types,
        [EmploymentType::PartTime, EmploymentType::Temporary]
    );
    assert_eq!(
        job.apply_url, "https://meridian.example.org/jobs/2024/community-coordinator",
        "a relative url resolves against the feed"
    );
    let salary = job.salary.as_ref().unwrap();
    assert_eq!(
        (salary.min, salary.period),
        (Some(30.0), SalaryPeriod::Hour)
    );
}

#[test]
fn json_feed_items_without_a_job_are_not_openings_and_closed_ones_are_counted() {
    let feed = read(JSON_FEED, JSON_FEED_URL);
    assert_eq!(feed.openings.len(), 2);
    assert_eq!(feed.expired, 1);
    assert_eq!(feed.skipped.len(), 1);
    assert_eq!(feed.skipped[0].reason, SkipReason::NotAnOpening);
    assert_eq!(
        feed.skipped[0].title.as_deref(),
        Some("Annual meeting recap")
    );
}

#[test]
fn json_feed_locations_may_be_plain_place_names() {
    let doc = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "items": [{"title": "Registrar", "url": "https://meridian.example.org/jobs/r1",
                   "_job": {"locations": ["Leiden", {"locality": "Utrecht"}]}}]
    });
    let feed = read(&doc.to_string(), JSON_FEED_URL);
    assert_eq!(
        titled(&feed, "Registrar").locations,
        [place("Leiden", None, None), place("Utrecht", None, None)]
    );
}

#[test]
fn a_json_feed_contact_email_without_an_at_sign_is_not_shown() {
    let doc = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "items": [{"title": "Registrar", "url": "https://meridian.example.org/jobs/r1",
                   "_job": {"contact_email": "the registrar's office"}}]
    });
    let feed = read(&doc.to_string(), JSON_FEED_URL);
    assert_eq!(titled(&feed, "Registrar").contact, None);
}

#[test]
fn json_with_items_but_no_json_feed_version_is_not_a_feed() {
    let err = parse_feed(
        r#"{"items": [{"title": "Spring newsletter"}]}"#,
        None,
        JSON_FEED_URL,
        now(),
        1 << 20,
    )
    .unwrap_err();
    assert!(matches!(err, FeedError::NotAFeed(_)), "{err}");
}

#[test]
fn smartrecruiters_postings_map_field_by_field() {
    let feed = read(SMARTRECRUITERS, SMARTRECRUITERS_URL);
    let job = titled(&feed, "Conservation Technician");
    assert_eq!(job.id, "744000012345678");
    assert_eq!(job.organization.name, "Meridian Museum");
    assert_eq!(job.locations, [place("Toronto", Some("ON"), Some("CA"))]);
    assert_eq!(job.workplace, Workplace::OnSite);
    assert_eq!(job.employment_types, [EmploymentType::FullTime]);
    assert_eq!(job.department.as_deref(), Some("Conservation"));
    assert_eq!(job.tags, ["Other", "Associate"]);
    assert_eq!(job.date_posted, iso("2024-03-01T15:20:11Z"));
    assert_eq!(
        job.apply_url, "https://jobs.smartrecruiters.com/MeridianMuseum/744000012345678",
        "the posting page, not the API's ref"
    );
    assert_eq!(job.description, Description::None);
}

#[test]
fn smartrecruiters_full_postings_bring_their_job_ad_and_links() {
    let feed = read(SMARTRECRUITERS, SMARTRECRUITERS_URL);
    let job = titled(&feed, "Remote Registrar");
    assert_eq!(job.workplace, Workplace::Remote);
    assert_eq!(job.locations, [place("Berlin", None, Some("DE"))]);
    assert!(job.apply_url.ends_with("?oga=true"));
    assert_eq!(
        job.url.as_deref(),
        Some("https://jobs.smartrecruiters.com/MeridianMuseum/744000012345679-remote-registrar")
    );
    assert_eq!(
        job.description,
        Description::Html(
            "<h3>Company Description</h3><p>A museum of maps.</p>\
             <h3>Job Description</h3><p>Keep the loan records.</p>\
             <h3>Additional Information</h3><p>Four days a week.</p>"
                .into()
        )
    );
}

#[test]
fn an_empty_smartrecruiters_page_is_known_by_its_total() {
    let feed = read(
        r#"{"offset": 0, "limit": 100, "totalFound": 0, "content": []}"#,
        SMARTRECRUITERS_URL,
    );
    assert_eq!(feed.format, Some(FeedFormat::SmartRecruiters));
    assert!(feed.openings.is_empty() && feed.warnings.is_empty());
}

#[test]
fn a_smartrecruiters_page_without_its_total_is_known_by_release_dates() {
    let doc = json!({"content": [{
        "id": "7", "name": "Registrar", "releasedDate": "2024-03-01T15:20:11.000Z",
        "company": {"identifier": "MeridianMuseum", "name": "Meridian Museum"}
    }]});
    let feed = read(&doc.to_string(), SMARTRECRUITERS_URL);
    assert_eq!(feed.format, Some(FeedFormat::SmartRecruiters));
    let job = titled(&feed, "Registrar");
    assert_eq!(
        job.apply_url,
        "https://jobs.smartrecruiters.com/MeridianMuseum/7"
    );
    assert_eq!(job.source, SMARTRECRUITERS_URL, "the feed it came from");
}

#[test]
fn recruitee_offers_map_field_by_field() {
    let feed = read(RECRUITEE, RECRUITEE_URL);
    let job = titled(&feed, "Archivist, Digitisation");
    assert_eq!(job.id, "1604221");
    assert_eq!(job.organization.name, "Utrecht Regional Archive");
    assert_eq!(
        job.locations,
        [place("Utrecht", Some("Utrecht"), Some("Netherlands"))]
    );
    assert_eq!(job.workplace, Workplace::Hybrid);
    assert_eq!(job.employment_types, [EmploymentType::FullTime]);
    assert_eq!(job.department.as_deref(), Some("Archives"));
    assert_eq!(job.tags, ["archives", "digitisation"]);
    assert_eq!(job.date_posted, iso("2024-02-28T08:00:00Z"));
    assert_eq!(job.valid_through, iso("2099-04-30T23:59:00Z"));
    assert_eq!(
        job.apply_url,
        "https://utrechtarchive.recruitee.com/o/archivist-digitisation/c/new"
    );
    assert_eq!(
        job.url.as_deref(),
        Some("https://utrechtarchive.recruitee.com/o/archivist-digitisation")
    );
    assert_eq!(
        job.description,
        Description::Html(
            "<p>Scan and describe our parish registers.</p><ul><li>Care with fragile paper</li></ul>"
                .into()
        )
    );
    let salary = job.salary.as_ref().unwrap();
    assert_eq!((salary.min, salary.max), (Some(3200.0), Some(4100.0)));
    assert_eq!(salary.currency.as_deref(), Some("EUR"));
    assert_eq!(salary.period, SalaryPeriod::Month);
}

#[test]
fn a_recruitee_offer_with_only_a_location_name_is_placed_by_it() {
    let doc = json!({"offers": [{
        "id": 9, "title": "Registrar", "location": "Utrecht",
        "careers_url": "https://utrechtarchive.recruitee.com/o/registrar"
    }]});
    let feed = read(&doc.to_string(), RECRUITEE_URL);
    let job = titled(&feed, "Registrar");
    assert_eq!(job.locations, [place("Utrecht", None, None)]);
    assert_eq!(job.source, RECRUITEE_URL, "the feed it came from");
}

#[test]
fn recruitee_workplace_flags_written_as_text_are_read() {
    let doc = json!({"offers": [{
        "id": 9, "title": "Registrar", "remote": "true", "hybrid": "false",
        "careers_url": "https://utrechtarchive.recruitee.com/o/registrar"
    }]});
    let feed = read(&doc.to_string(), RECRUITEE_URL);
    assert_eq!(titled(&feed, "Registrar").workplace, Workplace::Remote);
}

#[test]
fn recruitee_closed_offers_are_counted_not_shown() {
    let feed = read(RECRUITEE, RECRUITEE_URL);
    assert_eq!(feed.openings.len(), 1);
    assert_eq!(feed.expired, 1);
    assert!(feed.skipped.is_empty());
}

#[test]
fn recruitee_interns_and_on_site_work_read_as_such() {
    let later = Timestamp::from_ymd(2024, 1, 15).unwrap();
    let feed = parse_feed(RECRUITEE, None, RECRUITEE_URL, later, 1 << 20).unwrap();
    let job = titled(&feed, "Summer Intern, Reading Room");
    assert_eq!(job.employment_types, [EmploymentType::Intern]);
    assert_eq!(job.workplace, Workplace::OnSite);
    assert_eq!(job.salary, None, "a salary object of nulls is no salary");
}

/// A schema.org posting with every link it can carry.
const SCHEMA_ORG: &str = r#"{"@context": "https://schema.org", "@graph": [{
  "@type": "JobPosting", "identifier": "s1", "title": "Conservator",
  "url": "https://harbour.example/jobs/s1",
  "directApply": true,
  "hiringOrganization": {"@type": "Organization", "name": "Harbour Museum",
    "sameAs": "https://harbour.example/", "url": "https://harbour.example/about", "logo": "https://harbour.example/logo.png"},
  "applicationContact": {"@type": "ContactPoint", "email": "jobs@harbour.example", "url": "https://harbour.example/contact"},
  "potentialAction": {"@type": "ApplyAction", "target": "https://harbour.example/apply/s1"},
  "jobLocation": {"@type": "Place", "address": {"addressLocality": "Leiden", "addressCountry": "NL"}},
  "datePosted": "2024-05-01", "description": "<p>Care for the collection.</p>"
}]}"#;

/// Links as an attacker writes them: a script, data, a scheme hidden by an
/// entity, by capitals, by a tab and a newline, by leading spaces and
/// controls, and by percent-encoding.
const HOSTILE_LINKS: [&str; 8] = [
    "javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "jav&#x61;script:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscr\nipt:alert(1)",
    "  \u{1}javascript:alert(1)",
    "vbscript:msgbox(1)",
    "javascript%3Aalert(1)",
];

/// Every link an opening carries.
fn links_of(o: &Opening) -> Vec<(&'static str, &str)> {
    let mut links = vec![("apply_url", o.apply_url.as_str())];
    links.extend(o.url.as_deref().map(|u| ("url", u)));
    links.extend(
        o.organization
            .url
            .as_deref()
            .map(|u| ("organization.url", u)),
    );
    links.extend(
        o.organization
            .logo
            .as_deref()
            .map(|u| ("organization.logo", u)),
    );
    if let Some(contact) = &o.contact {
        links.extend(contact.url.as_deref().map(|u| ("contact.url", u)));
    }
    links
}

/// Replaces every string of `value` that is a link with `link`.
fn with_links(value: &mut serde_json::Value, link: &str) -> usize {
    match value {
        serde_json::Value::String(s) if s.starts_with("http") || s.starts_with("mailto:") => {
            *s = link.to_string();
            1
        }
        serde_json::Value::Array(items) => items.iter_mut().map(|v| with_links(v, link)).sum(),
        serde_json::Value::Object(map) => map.values_mut().map(|v| with_links(v, link)).sum(),
        _ => 0,
    }
}

/// The planted bug of issue 16: one adapter taking a link without
/// `safe_link`. Every link of every format's fixture is replaced by each
/// hostile link in turn, one field at a time and all at once; no opening
/// may come out with a link that is not http, https or mailto.
#[test]
fn every_link_of_every_format_goes_through_safe_link() {
    for (name, fixture, source) in [
        (
            "schema.org",
            SCHEMA_ORG,
            "https://harbour.example/jobs.json",
        ),
        ("greenhouse", GREENHOUSE, GREENHOUSE_URL),
        ("lever", LEVER, LEVER_URL),
        ("ashby", ASHBY, ASHBY_URL),
        ("json feed", JSON_FEED, JSON_FEED_URL),
        ("smartrecruiters", SMARTRECRUITERS, SMARTRECRUITERS_URL),
        ("recruitee", RECRUITEE, RECRUITEE_URL),
    ] {
        let original: serde_json::Value = serde_json::from_str(fixture).unwrap();
        // Each link field on its own (the others stay good, so the entry is
        // still read and the bad field must be refused, not the entry), then
        // all of them.
        let fields = with_links(&mut original.clone(), "x");
        assert!(fields >= 2, "{name}: the fixture has links");
        for hostile in HOSTILE_LINKS {
            for only in (0..fields).map(Some).chain([None]) {
                let mut value = original.clone();
                let mut seen = 0;
                replace_nth(&mut value, hostile, only, &mut seen);
                let body = serde_json::to_string(&value).unwrap();
                let Ok(feed) = parse_feed(&body, None, source, now(), 20_000_000) else {
                    continue;
                };
                for o in &feed.openings {
                    for (field, link) in links_of(o) {
                        let scheme = link.split(':').next().unwrap_or("");
                        assert!(
                            matches!(scheme, "http" | "https" | "mailto")
                                && openings_core::links::safe_link(link).as_deref() == Some(link),
                            "{name}: {field} = {link:?} from {hostile:?} (field {only:?})"
                        );
                    }
                }
            }
        }
    }
}

/// Like [`with_links`], but only the `only`-th link (all when `None`).
fn replace_nth(value: &mut serde_json::Value, link: &str, only: Option<usize>, seen: &mut usize) {
    match value {
        serde_json::Value::String(s) if s.starts_with("http") || s.starts_with("mailto:") => {
            if only.is_none_or(|n| n == *seen) {
                *s = link.to_string();
            }
            *seen += 1;
        }
        serde_json::Value::Array(items) => {
            for v in items {
                replace_nth(v, link, only, seen);
            }
        }
        serde_json::Value::Object(map) => {
            for v in map.values_mut() {
                replace_nth(v, link, only, seen);
            }
        }
        _ => {}
    }
}
