//! The `openings` tool as a site editor uses it: the built binary run on
//! fixture posts and feeds (invented data), and on feeds served by a tiny
//! HTTP server on 127.0.0.1 that can answer well, answer 404 or 500, or hang.

// Helpers outside #[test] functions unwrap too: a failure there is a failed test.
#![allow(clippy::unwrap_used)]

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use openings_core::{
    parse_feed, Catalog, Description, EmploymentType, Opening, SalaryPeriod, Timestamp, Workplace,
};
use serde_json::Value;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn tool(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_openings"))
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn fixture(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
        .display()
        .to_string()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("openings-cli-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Reads a feed the way the board does (nothing counts as expired).
fn read_feed(text: &str) -> Vec<Opening> {
    let feed = parse_feed(text, None, "test", Timestamp(i64::MIN), usize::MAX).unwrap();
    assert!(feed.skipped.is_empty(), "{:?}", feed.skipped);
    feed.openings
}

// ---------------------------------------------------------------------------
// openings jekyll

#[test]
fn a_post_in_the_consortium_shape_becomes_one_complete_opening() {
    let run = tool(&[
        "jekyll",
        &fixture("posts"),
        "--org",
        "Lantern Archives Network",
        "--tag",
        "staff",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let openings = read_feed(&run.stdout);
    assert_eq!(
        openings.len(),
        2,
        "the events post and the unpublished one are left out"
    );
    let lead = openings
        .iter()
        .find(|o| o.title == "Digital Outreach Lead")
        .expect("the job title, out of the headline \"Lantern Archives Network Seeks a Digital Outreach Lead\"");
    assert_eq!(lead.date_posted, Timestamp::parse_iso("2031-02-14"));
    assert_eq!(lead.workplace, Workplace::Remote);
    assert_eq!(lead.employment_types, vec![EmploymentType::FullTime]);
    let salary = lead.salary.clone().unwrap();
    assert_eq!(salary.min, Some(70_000.0));
    assert_eq!(salary.currency.as_deref(), Some("USD"));
    assert_eq!(salary.period, SalaryPeriod::Year);
    assert_eq!(lead.apply_url, "https://careers.example.net/lantern/4410");
    assert_eq!(lead.organization.name, "Lantern Archives Network");
    let Description::Html(html) = &lead.description else {
        panic!("{:?}", lead.description)
    };
    assert!(html.contains("<h2>Duties</h2>"), "{html}");
    assert!(html.contains("<li>Edit the monthly newsletter and the web site</li>"));
    for gone in ["{%", "{{", "<script", "<div", "theme.block"] {
        assert!(!html.contains(gone), "{gone} in {html}");
    }
    // What the post lacks, by validate's rules, with the key to add.
    assert!(
        run.stderr.contains("2031-02-14-digital-outreach-lead.md: error (search engines require it): remote, but no applicantLocationRequirements"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("warning: no validThrough, the closing date (recommended); add `valid_through: YYYY-MM-DD`"),
        "{}",
        run.stderr
    );
}

/// Each post's page can carry its own JobPosting at build time: one file
/// per post, named by its slug, holding a script element no text of the
/// post can end early.
#[test]
fn each_posting_is_written_for_its_own_page_to_include() {
    let dir = scratch("postings");
    let postings = dir.join("_includes/postings");
    let run = tool(&[
        "jekyll",
        &fixture("posts"),
        "--org",
        "Lantern Archives Network",
        "--tag",
        "staff",
        "--postings",
        &postings.display().to_string(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lead = std::fs::read_to_string(postings.join("digital-outreach-lead.html")).unwrap();
    assert!(
        lead.starts_with("<script type=\"application/ld+json\">"),
        "{lead}"
    );
    assert!(
        lead.contains("\"title\": \"Digital Outreach Lead\""),
        "{lead}"
    );
    assert_eq!(lead.matches("</script>").count(), 1);
    assert!(
        !lead.contains("<h2>"),
        "the description's markup is escaped: {lead}"
    );
    let files = std::fs::read_dir(&postings).unwrap().count();
    assert_eq!(files, 2, "one per posting written");
    assert!(run.stderr.contains("wrote 2 posting(s)"), "{}", run.stderr);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn front_matter_keys_give_the_facts_and_the_newest_post_comes_first() {
    let run = tool(&[
        "jekyll",
        &fixture("posts"),
        "--org",
        "Lantern Archives Network",
        "--tag",
        "staff",
    ]);
    let openings = read_feed(&run.stdout);
    let fellow = &openings[0];
    assert_eq!(fellow.title, "Metadata Fellow: Maps & Atlases");
    assert_eq!(fellow.organization.name, "Port Alder Map Library");
    assert_eq!(fellow.workplace, Workplace::Hybrid);
    assert_eq!(fellow.locations[0].label(), "Port Alder, Westshire, GB");
    assert_eq!(
        fellow.employment_types,
        vec![EmploymentType::PartTime, EmploymentType::Temporary]
    );
    let salary = fellow.salary.clone().unwrap();
    assert_eq!((salary.min, salary.max), (Some(18.0), Some(22.5)));
    assert_eq!(salary.currency.as_deref(), Some("GBP"));
    assert_eq!(salary.period, SalaryPeriod::Hour);
    assert_eq!(
        fellow.valid_through,
        Timestamp::parse_iso("2031-05-31").map(|t| t.end_of_day()),
        "open all that day"
    );
    assert_eq!(
        fellow.date_posted,
        Timestamp::parse_iso("2031-03-02T14:30:00Z")
    );
    assert_eq!(
        fellow.apply_url,
        "https://jobs.example.org/port-alder/fellow-7"
    );
    let Description::Html(html) = &fellow.description else {
        panic!()
    };
    assert!(
        html.contains("<table>") && html.contains("<th>Term</th>"),
        "{html}"
    );
}

#[test]
fn without_a_tag_every_published_post_is_read() {
    let run = tool(&[
        "jekyll",
        &fixture("posts"),
        "--org",
        "Lantern Archives Network",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(read_feed(&run.stdout).len(), 3);
    assert!(run.stderr.contains("published: false"), "{}", run.stderr);
}

#[test]
fn mis_decoded_text_is_reported_with_file_and_line_and_repaired_on_request() {
    let run = tool(&["jekyll", &fixture("posts"), "--org", "L", "--tag", "staff"]);
    assert!(
        run.stderr
            .contains("2031-02-14-digital-outreach-lead.md:31: text looks mis-decoded"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("donâ€™t"));
    assert!(
        run.stdout.contains("donâ€™t"),
        "without --fix-encoding the text is kept"
    );

    let fixed = tool(&[
        "jekyll",
        &fixture("posts"),
        "--org",
        "L",
        "--tag",
        "staff",
        "--fix-encoding",
    ]);
    assert_eq!(fixed.code, 0);
    assert!(fixed.stdout.contains("don’t"));
    assert!(!fixed.stdout.contains("donâ€™t"));
    assert!(
        fixed.stderr.contains("repaired mis-decoded text"),
        "{}",
        fixed.stderr
    );
}

#[test]
fn a_broken_front_matter_is_cited_by_file_and_line_and_the_other_posts_still_come_out() {
    let dir = scratch("broken");
    let out = dir.join("feed.json");
    let run = tool(&[
        "jekyll",
        &fixture("broken-posts"),
        "--org",
        "Fernvale Museum",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "2031-04-01-broken-front-matter.md:3: date \"the first of April\" is not a date"
        ),
        "{}",
        run.stderr
    );
    let openings = read_feed(&std::fs::read_to_string(&out).unwrap());
    assert_eq!(openings.len(), 1);
    assert_eq!(openings[0].apply_url, "https://jobs.example.org/registrar");
    assert_eq!(
        openings[0].date_posted,
        Timestamp::parse_iso("2031-04-02"),
        "from the file name"
    );

    let forgiving = tool(&[
        "jekyll",
        &fixture("broken-posts"),
        "--org",
        "F",
        "--keep-going",
    ]);
    assert_eq!(forgiving.code, 0);
}

#[test]
fn a_tag_no_post_carries_is_said_out_loud() {
    let run = tool(&["jekyll", &fixture("posts"), "--org", "L", "--tag", "jobs"]);
    assert_eq!(run.code, 0);
    assert!(read_feed(&run.stdout).is_empty());
    assert!(
        run.stderr.contains("has the tag or category \"jobs\""),
        "{}",
        run.stderr
    );
}

#[test]
fn a_link_relative_to_the_site_needs_the_sites_address() {
    let dir = scratch("site-relative");
    std::fs::write(
        dir.join("2031-07-18-engineer.md"),
        "---\ntitle: Research Software Engineer\nlocation: Leiden, NL\n---\nFor more details and how to apply see /careers/.\n",
    )
    .unwrap();
    let posts = dir.display().to_string();
    let run = tool(&["jekyll", &posts, "--org", "L", "--max-age", "0"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "its link /careers/ is relative to the site: give the site's address with --site-url"
        ),
        "{}",
        run.stderr
    );
    for flags in [
        ["--site-url", "https://lab.example/news/"],
        ["--org-url", "https://lab.example"],
    ] {
        let mut args = vec!["jekyll", &posts, "--org", "L", "--max-age", "0"];
        args.extend(flags);
        let run = tool(&args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(
            read_feed(&run.stdout)[0].apply_url,
            "https://lab.example/careers/"
        );
    }
    let run = tool(&[
        "jekyll",
        &posts,
        "--org",
        "L",
        "--site-url",
        "mailto:a@b.example",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run
        .stderr
        .contains("--site-url \"mailto:a@b.example\" is not an http or https URL"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_missing_posts_folder_is_exit_code_3() {
    let run = tool(&["jekyll", &fixture("no-such-folder"), "--org", "X"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(
        run.stderr.contains("no-such-folder: No such file"),
        "{}",
        run.stderr
    );
}

// ---------------------------------------------------------------------------
// openings convert

/// Only what happened is reported: two distinct feeds merge without a word
/// of repeats, old openings or entries cut. A feed that cannot be read is a
/// problem (exit 1), and the good one is written all the same;
/// --keep-going makes it 0.
#[test]
fn convert_reports_only_what_happened_and_a_failed_feed_is_a_problem() {
    let good = fixture("feeds/complete.json");
    let quiet = tool(&["convert", &good, &fixture("feeds/greenhouse.json")]);
    assert_eq!(quiet.code, 0, "{}", quiet.stderr);
    for never in [
        "repeat ones already listed",
        "days ago with no closing date",
        "past the most a feed may list",
    ] {
        assert!(!quiet.stderr.contains(never), "{never}: {}", quiet.stderr);
    }
    let missing = fixture("feeds/no-such-feed.json");
    let failed = tool(&["convert", &good, &missing]);
    assert_eq!(failed.code, 1, "{}", failed.stderr);
    assert_eq!(
        read_feed(&failed.stdout).len(),
        1,
        "the good feed is written"
    );
    let lenient = tool(&["convert", &good, &missing, "--keep-going"]);
    assert_eq!(lenient.code, 0, "{}", lenient.stderr);
    // A file that is read but is not a feed is a problem too.
    let wrong = tool(&["convert", &good, &fixture("feeds/not-a-feed.json")]);
    assert_eq!(wrong.code, 1, "{}", wrong.stderr);
    assert_eq!(
        read_feed(&wrong.stdout).len(),
        1,
        "the good feed is written"
    );
}

/// What convert leaves out of a feed it says, with the numbers: openings
/// posted long ago with no closing date, and entries past the most a feed
/// may list.
#[test]
fn convert_says_how_many_old_and_surplus_entries_it_left_out() {
    let dir = scratch("left-out");
    let old = dir.join("old.json");
    let complete = complete_feed();
    assert!(complete.contains("\"datePosted\": \"2031-02-01\""));
    std::fs::write(
        &old,
        complete
            .replace(
                "\"datePosted\": \"2031-02-01\"",
                "\"datePosted\": \"2020-01-06\"",
            )
            .replace("\"validThrough\": \"2099-12-31\",", ""),
    )
    .unwrap();
    let run = tool(&["convert", old.to_str().unwrap(), "--keep-going"]);
    assert!(
        run.stderr.contains(
            "left out 1 opening(s) posted more than 90 days ago with no closing date (see --max-age)"
        ),
        "{}",
        run.stderr
    );

    let many = dir.join("many.json");
    let entries: Vec<String> = (0..=10_000)
        .map(|n| {
            format!(
                r#"{{"@type":"JobPosting","title":"Archivist {n}","url":"https://jobs.example.org/{n}","datePosted":"2031-01-01","hiringOrganization":{{"name":"Fernvale Museum"}}}}"#
            )
        })
        .collect();
    std::fs::write(&many, format!("[{}]", entries.join(","))).unwrap();
    let run = tool(&["convert", many.to_str().unwrap()]);
    assert!(
        run.stderr
            .contains("1 entries past the most a feed may list (10000) were not read"),
        "{}",
        run.stderr
    );
    assert_eq!(read_feed(&run.stdout).len(), 10_000);
}

#[test]
fn feeds_of_different_formats_merge_into_one_feed_that_reads_back_the_same() {
    let inputs = [
        fixture("feeds/members-a.json"),
        fixture("feeds/members-b.json"),
        fixture("feeds/greenhouse.json"),
    ];
    let dir = scratch("convert");
    let out = dir.join("merged.json");
    let mut args = vec!["convert"];
    args.extend(inputs.iter().map(String::as_str));
    args.extend(["-o", out.to_str().unwrap(), "--name", "Consortium openings"]);
    let run = tool(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("1 opening(s) repeat ones already listed"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("left out entry 3 (\"Scripted\")"),
        "{}",
        run.stderr
    );

    // What the catalog makes of the inputs is exactly what the output holds.
    let mut catalog = Catalog::new();
    for (rank, input) in inputs.iter().enumerate() {
        let text = std::fs::read_to_string(input).unwrap();
        catalog.add(
            parse_feed(&text, None, "test", Timestamp(i64::MIN), usize::MAX).unwrap(),
            rank,
        );
    }
    let written = std::fs::read_to_string(&out).unwrap();
    let mut back = read_feed(&written);
    let mut expected: Vec<Opening> = catalog.openings().cloned().collect();
    for o in back.iter_mut().chain(expected.iter_mut()) {
        o.source = String::new();
    }
    assert_eq!(back.len(), 4);
    assert_eq!(back, expected);
    let doc: Value = serde_json::from_str(&written).unwrap();
    assert_eq!(doc["@type"], "ItemList");
    assert_eq!(doc["name"], "Consortium openings");
}

#[test]
fn an_unreadable_feed_is_reported_and_the_others_still_come_out() {
    let run = tool(&[
        "convert",
        &fixture("feeds/complete.json"),
        &fixture("feeds/not-a-feed.json"),
        &fixture("feeds/nowhere.json"),
    ]);
    assert_eq!(run.code, 1);
    assert_eq!(read_feed(&run.stdout).len(), 1);
    assert!(
        run.stderr
            .contains("not-a-feed.json: the JSON is not a job feed"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("nowhere.json: cannot read it: no such file"),
        "{}",
        run.stderr
    );

    let keep_going = tool(&[
        "convert",
        "--keep-going",
        &fixture("feeds/complete.json"),
        &fixture("feeds/nowhere.json"),
    ]);
    assert_eq!(keep_going.code, 0);
}

#[test]
fn when_no_feed_can_be_read_nothing_is_written_and_the_exit_code_is_3() {
    let dir = scratch("unreadable");
    let out = dir.join("merged.json");
    let run = tool(&[
        "convert",
        &fixture("feeds/not-a-feed.json"),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 3);
    assert!(!out.exists());
}

#[test]
fn usage_errors_are_exit_code_2() {
    assert_eq!(tool(&["convert"]).code, 2, "no feed named");
    assert_eq!(tool(&["frobnicate"]).code, 2);
    assert_eq!(tool(&["convert", "--timeout", "soon", "x.json"]).code, 2);
    let page = tool(&[
        "sitemap",
        &fixture("feeds/complete.json"),
        "--page",
        "javascript:alert(1)",
    ]);
    assert_eq!(page.code, 2);
    assert!(page.stderr.contains("is not an http or https URL"));
}

#[test]
fn every_command_explains_itself() {
    for (command, flag) in [
        ("validate", "--json"),
        ("convert", "--output"),
        ("jekyll", "--fix-encoding"),
        ("atom", "--self-url"),
        ("sitemap", "--page"),
    ] {
        let run = tool(&[command, "--help"]);
        assert_eq!(run.code, 0);
        assert!(run.stdout.contains(flag), "{command}: {}", run.stdout);
    }
    let top = tool(&["--help"]);
    assert!(top.stdout.contains("Exit codes"), "{}", top.stdout);
}

// ---------------------------------------------------------------------------
// openings validate

#[test]
fn validate_names_what_each_entry_lacks_and_fails() {
    let run = tool(&["validate", &fixture("feeds/members-a.json")]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("entry 1 \"Reading Room Supervisor\": ok"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("entry 2 \"Volunteer <Guide>\":"));
    assert!(run.stdout.contains("error: no datePosted (required)"));
    assert!(run.stdout.contains("error: no description (required)"));
    assert!(run
        .stdout
        .contains("remote, but no applicantLocationRequirements"));
    assert!(run.stdout.contains("warning: no baseSalary (recommended)"));
    assert!(run.stdout.contains("warning: no directApply"));
    assert!(run
        .stdout
        .contains("entry 3 \"Scripted\":\n    error: left out of the board: its link is not http"));
}

#[test]
fn validate_passes_a_complete_posting_with_no_warnings() {
    let run = tool(&["validate", &fixture("feeds/complete.json")]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("1 feed(s), 1 entry: 0 error(s), 0 warning(s)"),
        "{}",
        run.stdout
    );
}

/// Each feed is named on the line before its entries, and the summary
/// counts the entries of every feed.
#[test]
fn validate_names_each_feed_and_counts_every_entry() {
    let (a, complete) = (
        fixture("feeds/members-a.json"),
        fixture("feeds/complete.json"),
    );
    let run = tool(&["validate", &a, &complete]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.starts_with(&format!("{a} (schema.org")),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!(
            "\n{complete} (schema.org JobPosting (JSON-LD))\n  entry 1 \"Conservation Technician\": ok"
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("2 feed(s), 4 entries: 4 error(s), 5 warning(s)"),
        "{}",
        run.stdout
    );
    // What is said of a feed as a whole is not an entry.
    let empty = scratch("empty-feed").join("empty.json");
    std::fs::write(
        &empty,
        r#"{"@context":"https://schema.org","@type":"ItemList","itemListElement":[]}"#,
    )
    .unwrap();
    let run = tool(&["validate", empty.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "  feed:\n    warning: the feed has no entries\n1 feed(s), 0 entries: 0 error(s), 1 warning(s)"
        ),
        "{}",
        run.stdout
    );
}

/// A URL that fails is checked in its cached copy, which validate says;
/// that is a problem (exit 1) unless --keep-going.
#[test]
fn validate_checks_the_cached_copy_of_a_failing_url_and_says_so() {
    let url = flaky_feed();
    let cache = scratch("validate-cache");
    let cache = cache.to_str().unwrap();
    let first = tool(&["validate", &url, "--cache", cache]);
    assert_eq!(first.code, 0, "{}{}", first.stdout, first.stderr);

    let strict = tool(&["validate", &url, "--cache", cache]);
    assert_eq!(strict.code, 1, "{}{}", strict.stdout, strict.stderr);
    assert!(
        strict
            .stdout
            .contains("note: the server answered HTTP 500; checked the cached copy instead"),
        "{}",
        strict.stdout
    );
    assert!(
        strict
            .stdout
            .contains("entry 1 \"Conservation Technician\": ok"),
        "{}",
        strict.stdout
    );
    let lenient = tool(&["validate", &url, "--cache", cache, "--keep-going"]);
    assert_eq!(lenient.code, 0, "{}{}", lenient.stdout, lenient.stderr);
}

#[test]
fn validate_speaks_json_to_machines() {
    let run = tool(&[
        "validate",
        "--json",
        &fixture("feeds/greenhouse.json"),
        &fixture("feeds/not-a-feed.json"),
    ]);
    assert_eq!(run.code, 1);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["feeds"][0]["format"], "greenhouse");
    assert_eq!(report["feeds"][0]["feed"], fixture("feeds/greenhouse.json"));
    let entry = &report["feeds"][0]["entries"][0];
    assert_eq!(entry["title"], "Digital Imaging Specialist");
    assert_eq!(entry["errors"].as_array().unwrap().len(), 0);
    assert!(entry["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w.as_str().unwrap().contains("employmentType")));
    assert!(report["feeds"][1]["error"]
        .as_str()
        .unwrap()
        .contains("not a job feed"));
    assert_eq!(report["errors"], 1);
}

// ---------------------------------------------------------------------------
// openings atom and sitemap

#[test]
fn the_atom_feed_escapes_what_the_feeds_say() {
    let run = tool(&[
        "atom",
        &fixture("feeds/members-a.json"),
        "--title",
        "Jobs & more",
        "--self-url",
        "https://example.org/jobs.xml",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("<?xml"));
    assert!(run.stdout.contains("<title>Jobs &amp; more</title>"));
    assert!(run
        .stdout
        .contains("<title>Volunteer &lt;Guide&gt;</title>"));
    assert_eq!(run.stdout.matches("<entry>").count(), 2);
    assert!(run.stdout.contains(
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/jobs.xml\"/>"
    ));
}

#[test]
fn the_sitemap_lists_each_deep_link_dated_by_its_posting() {
    let run = tool(&[
        "sitemap",
        &fixture("feeds/complete.json"),
        &fixture("feeds/members-b.json"),
        "--page",
        "https://consortium.example.org/jobs/",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("<loc>https://consortium.example.org/jobs/?openings=open:FM-88</loc>\n    <lastmod>2031-02-01</lastmod>"), "{}", run.stdout);
    assert!(run.stdout.contains("/jobs/?openings=open:https%3A%2F%2Fjobs.example.ie%2Fbrackenfold%2Fsys-lib</loc>\n    <lastmod>2031-02-10T08:00:00Z</lastmod>"), "{}", run.stdout);
    let board = tool(&[
        "sitemap",
        &fixture("feeds/complete.json"),
        "--page",
        "https://x.example/",
        "--board",
        "museums",
    ]);
    assert!(board
        .stdout
        .contains("https://x.example/?openings-museums=open:FM-88"));
}

// ---------------------------------------------------------------------------
// Fetching over HTTP

enum Reply {
    Feed(String),
    Status(u16),
    Hang,
}

/// A server on 127.0.0.1 whose answer to each path is chosen by `route`
/// (given the path and how many times it was asked for, from 1).
fn serve(route: impl Fn(&str, usize) -> Reply + Send + Sync + 'static) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = format!("http://{}", listener.local_addr().unwrap());
    let route = Arc::new(route);
    let hits = Arc::new(std::sync::Mutex::new(std::collections::HashMap::<
        String,
        usize,
    >::new()));
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let route = route.clone();
            let hits = hits.clone();
            std::thread::spawn(move || {
                let mut request = Vec::new();
                let mut buf = [0u8; 1024];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buf) {
                        Ok(0) | Err(_) => return,
                        Ok(n) => request.extend_from_slice(&buf[..n]),
                    }
                }
                let request = String::from_utf8_lossy(&request);
                let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
                let n = {
                    let mut hits = hits.lock().unwrap();
                    let n = hits.entry(path.clone()).or_insert(0);
                    *n += 1;
                    *n
                };
                let (status, body) = match route(&path, n) {
                    Reply::Feed(body) => (200, body),
                    Reply::Status(code) => (code, "<html>nope</html>".to_string()),
                    Reply::Hang => {
                        std::thread::sleep(Duration::from_secs(30));
                        return;
                    }
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
            });
        }
    });
    addr
}

fn complete_feed() -> String {
    std::fs::read_to_string(fixture("feeds/complete.json")).unwrap()
}

#[test]
fn a_dead_url_and_a_hanging_url_never_lose_the_good_one() {
    let feed = complete_feed();
    let base = serve(move |path, _| match path {
        "/good.json" => Reply::Feed(feed.clone()),
        "/hang.json" => Reply::Hang,
        _ => Reply::Status(404),
    });
    let good = format!("{base}/good.json");
    let missing = format!("{base}/missing.json");
    let hang = format!("{base}/hang.json");
    let started = Instant::now();
    let run = tool(&["convert", &good, &missing, &hang, "--timeout", "1"]);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "the hanging URL held the run back"
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let openings = read_feed(&run.stdout);
    assert_eq!(openings.len(), 1);
    assert_eq!(openings[0].title, "Conservation Technician");
    assert!(
        run.stderr.contains(&format!(
            "{missing}: cannot read it: the server answered HTTP 404"
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(&format!(
            "{hang}: cannot read it: no complete answer within 1 s"
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn many_urls_are_fetched_concurrently_with_progress() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    // Each answer waits (up to 10 s) until all eight requests are in: fetched
    // one at a time, the first would wait alone, and the count of requests
    // in flight at once would stay below eight. Not timed: a loaded machine
    // is only slower.
    let feed = complete_feed();
    let in_flight = Arc::new(AtomicUsize::new(0));
    let most = Arc::new(AtomicUsize::new(0));
    let (now, peak) = (in_flight.clone(), most.clone());
    let base = serve(move |path, _| match path {
        p if p.starts_with("/slow") => {
            let here = now.fetch_add(1, Ordering::SeqCst) + 1;
            peak.fetch_max(here, Ordering::SeqCst);
            let until = Instant::now() + Duration::from_secs(10);
            while peak.load(Ordering::SeqCst) < 8 && Instant::now() < until {
                std::thread::sleep(Duration::from_millis(10));
            }
            now.fetch_sub(1, Ordering::SeqCst);
            Reply::Feed(feed.clone())
        }
        _ => Reply::Status(500),
    });
    let urls: Vec<String> = (0..8).map(|i| format!("{base}/slow{i}.json")).collect();
    let mut args = vec!["validate", "--jobs", "8"];
    args.extend(urls.iter().map(String::as_str));
    let run = tool(&args);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        most.load(Ordering::SeqCst),
        8,
        "eight feeds with --jobs 8 were not all fetched at once"
    );
    assert!(run.stderr.contains("[8/8] ok"), "{}", run.stderr);
}

/// The URL of a complete feed that answers once, then HTTP 500.
fn flaky_feed() -> String {
    let feed = complete_feed();
    let base = serve(move |path, n| match (path, n) {
        ("/flaky.json", 1) => Reply::Feed(feed.clone()),
        _ => Reply::Status(500),
    });
    format!("{base}/flaky.json")
}

#[test]
fn keep_going_with_a_cache_uses_the_last_good_copy_of_a_failing_url() {
    let url = flaky_feed();
    let cache = scratch("cache");
    let cache = cache.to_str().unwrap();

    let first = tool(&["convert", &url, "--cache", cache, "--keep-going"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_eq!(read_feed(&first.stdout).len(), 1);

    let second = tool(&["convert", &url, "--cache", cache, "--keep-going"]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert_eq!(
        read_feed(&second.stdout).len(),
        1,
        "the cached copy stands in"
    );
    assert!(
        second
            .stderr
            .contains("the server answered HTTP 500; using the copy saved"),
        "{}",
        second.stderr
    );

    let strict = tool(&["convert", &url, "--cache", cache]);
    assert_eq!(
        strict.code, 1,
        "without --keep-going a stale copy is a problem"
    );
    assert_eq!(read_feed(&strict.stdout).len(), 1);
}

/// `-o /dev/stdout` (or any device or pipe) is written to, not replaced
/// by a renamed file.
#[test]
fn output_to_a_device_is_written_to_it() {
    let run = tool(&[
        "convert",
        &fixture("feeds/complete.json"),
        "-o",
        "/dev/stdout",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(read_feed(&run.stdout).len(), 1);
    assert!(Path::new("/dev/stdout").exists());
    assert!(!Path::new("/dev/.stdout.partial").exists());
}

// ---------------------------------------------------------------------------
// Hostile input (issue 10)

/// A feed whose title carries terminal escape sequences: erase the line,
/// move up, print a fake "ok". In every human-readable output the escapes
/// are shown as text and nothing moves; the JSON keeps the title exactly.
#[test]
fn escape_sequences_in_a_feed_are_shown_not_obeyed_by_the_terminal() {
    let dir = scratch("escapes");
    let title = "Archivist\u{1b}[2K\u{1b}[1A\r  entry 9 \"Curator\": ok\u{7}\u{9b}31m\u{202e}";
    let feed = serde_json::json!([{
        "@type": "JobPosting",
        "title": title,
        "url": "https://jobs.example/1\u{1b}]8;;https://evil.example\u{7}",
        "hiringOrganization": {"name": "Harbour\u{1b}[31m Museum\u{0}"},
    }]);
    let path = dir.join("feed.json");
    std::fs::write(&path, feed.to_string()).unwrap();
    let path = path.display().to_string();
    let out = dir.join("out.json").display().to_string();
    let hidden =
        |c: char| c.is_control() && c != '\n' || openings_core::export::is_hidden_control(c);
    // Every output, the machine-readable ones to a terminal too.
    for args in [
        vec!["validate", path.as_str()],
        vec!["validate", "--json", path.as_str()],
        vec!["convert", path.as_str(), "-o", out.as_str()],
        vec!["convert", path.as_str()],
        vec!["atom", path.as_str()],
        vec![
            "sitemap",
            path.as_str(),
            "--page",
            "https://example.org/jobs",
        ],
        vec![
            "render",
            path.as_str(),
            "--feed-url",
            "https://example.org/jobs.json",
            "--widget-url",
            "https://cdn.example/openings",
        ],
    ] {
        let run = tool(&args);
        for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
            assert!(
                !text.chars().any(hidden),
                "{args:?} wrote a control character to {stream}: {text:?}"
            );
        }
    }
    let run = tool(&["validate", &path]);
    assert!(
        run.stdout
            .contains("entry 1 \"Archivist\\u{1b}[2K\\u{1b}[1A entry 9"),
        "{}",
        run.stdout
    );
    // The rendered board is the same document: each control a character
    // reference the browser reads back (the C1 one, which HTML would read
    // as Windows-1252, left out).
    let run = tool(&[
        "render",
        &path,
        "--feed-url",
        "https://example.org/jobs.json",
        "--widget-url",
        "https://cdn.example/openings",
    ]);
    assert!(
        run.stdout
            .contains(">Archivist&#x1b;[2K&#x1b;[1A entry 9 \"Curator\": ok&#x7;31m&#x202e;</a>"),
        "{}",
        run.stdout
    );
    // The link as the browser's parser writes it (the bell at its end
    // dropped, as the parser drops it); a NUL, which the parser drops from
    // text, left out.
    assert!(
        run.stdout
            .contains("href=\"https://jobs.example/1%1B]8;;https://evil.example\""),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(">Harbour&#x1b;[31m Museum</p>"),
        "{}",
        run.stdout
    );
    let json: Value = serde_json::from_str(&tool(&["validate", "--json", &path]).stdout).unwrap();
    // The title as the board reads it (white space as shown), exactly.
    let read = title.replace("\r  ", " ");
    assert_eq!(
        json["feeds"][0]["entries"][0]["title"], read,
        "JSON stays exact"
    );
}

/// A folder with a link to its own parent, a link to `/dev/zero` and a
/// FIFO: `openings jekyll` reads the real post, says what it did not
/// follow or read, and ends.
#[test]
fn links_back_up_the_tree_and_endless_files_are_not_followed() {
    use std::os::unix::fs::symlink;
    let dir = scratch("loops");
    let posts = dir.join("_posts");
    std::fs::create_dir_all(&posts).unwrap();
    std::fs::copy(
        fixture("posts/2031-02-14-digital-outreach-lead.md"),
        posts.join("2031-02-14-digital-outreach-lead.md"),
    )
    .unwrap();
    symlink(&dir, posts.join("loop")).unwrap();
    symlink("/dev/zero", posts.join("2031-03-01-zero.md")).unwrap();
    let fifo = posts.join("2031-03-02-fifo.md");
    let made_fifo = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let started = Instant::now();
    let run = tool(&[
        "jekyll",
        &posts.display().to_string(),
        "--org",
        "Lantern Archives Network",
        "--keep-going",
    ]);
    assert!(started.elapsed() < Duration::from_secs(20), "it ended");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(read_feed(&run.stdout).len(), 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("loop: a link to a folder, not followed"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("2031-03-01-zero.md: cannot read it: it is not a regular file"),
        "{}",
        run.stderr
    );
    if made_fifo {
        assert!(
            run.stderr.contains("2031-03-02-fifo.md: cannot read it"),
            "{}",
            run.stderr
        );
    }
    let run = tool(&["validate", "/dev/zero"]);
    assert_eq!(run.code, 3);
    assert!(
        run.stdout.contains("it is not a regular file"),
        "{}",
        run.stdout
    );
}

/// A post larger than any post (2 MB) is not read, and a folder of more
/// than 10,000 posts is read as far as its first 10,000, said so.
#[test]
fn posts_are_read_within_their_bounds() {
    let dir = scratch("bounds");
    let posts = dir.join("_posts");
    std::fs::create_dir_all(&posts).unwrap();
    let post =
        std::fs::read_to_string(fixture("posts/2031-02-14-digital-outreach-lead.md")).unwrap();
    std::fs::write(posts.join("2031-02-14-digital-outreach-lead.md"), &post).unwrap();
    let mut huge = post.clone();
    huge.push_str(&"x".repeat(2_000_001));
    std::fs::write(posts.join("2031-02-15-huge.md"), huge).unwrap();
    let run = tool(&[
        "jekyll",
        &posts.display().to_string(),
        "--org",
        "Lantern Archives Network",
        "--keep-going",
    ]);
    assert_eq!(read_feed(&run.stdout).len(), 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("2031-02-15-huge.md: cannot read it: it is over 2 MB, too large for a post"),
        "{}",
        run.stderr
    );

    let many = dir.join("many");
    std::fs::create_dir_all(&many).unwrap();
    for i in 0..10_001 {
        std::fs::write(
            many.join(format!("2031-01-01-post-{i:05}.md")),
            "---\ntitle: x\n---\n",
        )
        .unwrap();
    }
    let run = tool(&[
        "jekyll",
        &many.display().to_string(),
        "--org",
        "Lantern Archives Network",
        "--keep-going",
    ]);
    assert!(
        run.stderr
            .contains("has 10001 posts; only the first 10000 are read"),
        "{}",
        &run.stderr[..run.stderr.len().min(500)]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------
// openings render

#[test]
fn render_writes_a_board_with_its_first_page_in_a_declarative_shadow_root() {
    let run = tool(&[
        "render",
        &fixture("feeds/members-a.json"),
        "--feed-url",
        "https://members.example/a.json",
        "--widget-url",
        "https://cdn.example/openings/",
        "--attr",
        "id=jobs",
        "--attr",
        "lang=fr",
        "--page",
        "https://members.example/careers",
        "--max-age",
        "0",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = &run.stdout;
    assert!(
        html.starts_with(
            "<openings-board feed=\"https://members.example/a.json\" id=\"jobs\" lang=\"fr\">"
        ),
        "{html}"
    );
    assert!(html.contains("<template shadowrootmode=\"open\">"));
    assert!(html.contains(
        "<link rel=\"stylesheet\" href=\"https://cdn.example/openings/openings.css\" data-openings-snapshot>"
    ));
    assert!(html.contains("lang=\"fr\""));
    assert!(
        html.contains("Rechercher une offre"),
        "the board's words in French"
    );
    assert!(
        html.contains("href=\"https://members.example/careers?openings-jobs=open:"),
        "titles link to their deep links on the page"
    );
    assert!(!html.contains("<script"), "no script inside");
    assert!(html.contains(">Reading Room Supervisor</a>"), "{html}");
    assert!(
        html.contains(">Volunteer &lt;Guide&gt;</a>"),
        "a title's markup is text"
    );
    assert!(
        !html.contains(">Scripted</a>"),
        "an entry with only a script link is not listed"
    );
    assert!(
        html.contains("Scripted"),
        "and the board says so, as it does live"
    );
    assert!(!html.contains("href=\"javascript"));
}

#[test]
fn render_says_which_feed_needs_a_live_url_and_what_an_attribute_must_be() {
    let run = tool(&[
        "render",
        &fixture("feeds/members-a.json"),
        "--widget-url",
        "https://cdn.example/openings",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("is a file: say with --feed-url"),
        "{}",
        run.stderr
    );
    let run = tool(&[
        "render",
        "https://members.example/a.json",
        "--widget-url",
        "https://cdn.example/openings",
        "--attr",
        "colour=blue",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("--attr colour: not an attribute of the board"),
        "{}",
        run.stderr
    );
    let run = tool(&[
        "render",
        "https://members.example/a.json",
        "--widget-url",
        "javascript:alert(1)",
    ]);
    assert_eq!(run.code, 2);
    assert!(run
        .stderr
        .contains("--widget-url \"javascript:alert(1)\" is not an http or https URL"));
}

// An institution's own job page, as page builders write it: its structured
// data in <script type="application/ld+json"> blocks beside breadcrumbs and
// the organization, one of them broken, one in a comment. It was refused:
// "the answer is not JSON (it looks like an HTML page)".
#[test]
fn a_web_page_is_read_as_the_job_postings_of_its_json_ld() {
    let run = tool(&["convert", &fixture("feeds/career-page.html")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let openings = read_feed(&run.stdout);
    let titles: Vec<&str> = openings.iter().map(|o| o.title.as_str()).collect();
    assert_eq!(titles, ["Registrar"]);
    assert_eq!(
        openings[0].apply_url,
        "https://maps.example.org/jobs/registrar/#jobposting"
    );
    assert_eq!(openings[0].organization.name, "Lantern Map Library");
    assert!(run.stderr.contains("a web page"), "{}", run.stderr);
    assert!(
        run.stderr.contains("block 3 of 3 is not JSON"),
        "{}",
        run.stderr
    );

    let page = scratch("no-data").join("page.html");
    std::fs::write(
        &page,
        "<!doctype html><title>Jobs</title><p>None today.</p>",
    )
    .unwrap();
    let run = tool(&["validate", page.to_str().unwrap()]);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("no structured data"), "{}", run.stderr);
}
