//! Job posts of static sites read into openings, for the `openings` tool:
//! Jekyll (YAML front matter, Liquid, Markdown), Hugo (YAML or TOML front
//! matter) and Eleventy (YAML). A post is read as a person reads it: the job
//! title out of a headline, the apply link where the post gives it (an
//! Apply button, a key, a link or an address in the text), the dates it
//! gives in front matter or in prose, the facts it states in words, and
//! whether it says applications are closed. Every problem names the file
//! and, where there is one, the line. The widget never reads posts: this
//! crate is host-only.
//!
//! The description is the body, its Liquid removed, rendered as the site's
//! generator renders Markdown and sanitized ([`body`]). `docs/cli.md` lists
//! the front-matter keys.

pub mod apply;
pub mod body;
pub mod encoding;
pub mod facts;
pub mod front_matter;
pub mod liquid;
pub mod title;
pub mod when;

use std::fmt;

use openings_core::dates::Timestamp;
use openings_core::links::safe_link;
use openings_core::model::{
    Contact, Description, EmploymentType, Location, Opening, Organization, Salary, SalaryPeriod,
    Workplace,
};

use crate::front_matter::{FrontMatter, Value};
use crate::when::Closing;

/// What the reader is told besides the posts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PostOptions {
    /// The hiring organization, unless a post's `organization` key names another.
    pub organization: String,
    pub organization_url: Option<String>,
    /// The address the site is published at: links in posts relative to it
    /// (`/careers/`) are resolved against it.
    pub site_url: Option<String>,
    /// Repair mis-decoded text instead of only reporting it.
    pub fix_encoding: bool,
}

/// Something to tell the site editor about one place in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub file: String,
    /// The line, from 1, when the problem is at one line.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// One post, read.
#[derive(Clone, Debug, PartialEq)]
pub struct Post {
    pub opening: Opening,
    /// Its tags and categories, for choosing which posts are openings.
    pub labels: Vec<String>,
    /// The post's headline, when the job title was taken out of it.
    pub headline: Option<String>,
}

/// What became of one file.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Post(Box<Post>),
    /// Not a post to publish (no front matter, `published: false`, a
    /// draft, applications closed), and why.
    Ignored(String),
    /// The post cannot become an opening; the notice says what to fix.
    Failed(Notice),
}

/// A file's outcome, and the warnings met on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadPost {
    pub outcome: Outcome,
    pub warnings: Vec<Notice>,
}

/// Reads one post. `file` names it in messages; its last path component is
/// the file name (`2022-07-08-title.md`), which gives the date and the id
/// when the front matter does not.
pub fn read_post(file: &str, text: &str, options: &PostOptions) -> ReadPost {
    let mut warnings = Vec::new();
    let notice = |line: Option<usize>, message: String| Notice {
        file: file.to_string(),
        line,
        message,
    };
    for found in encoding::find_mis_decoded(text) {
        let message = if options.fix_encoding {
            format!(
                "repaired mis-decoded text: \"{}\" → \"{}\"",
                found.seen, found.meant
            )
        } else {
            format!(
                "text looks mis-decoded (UTF-8 read as Windows-1252): \"{}\" should be \"{}\"; \
                 rerun with --fix-encoding to repair it",
                found.seen, found.meant
            )
        };
        warnings.push(notice(Some(found.line), message));
    }
    let repaired;
    let text = if options.fix_encoding {
        repaired = encoding::repair_mis_decoded(text);
        repaired.as_str()
    } else {
        text
    };
    let mut said = Vec::new();
    let outcome = match read_checked(file, text, options, &mut said) {
        Ok(outcome) => outcome,
        Err((line, message)) => Outcome::Failed(notice(line, message)),
    };
    warnings.extend(
        said.into_iter()
            .map(|(line, message)| notice(line, message)),
    );
    ReadPost { outcome, warnings }
}

type Problem = (Option<usize>, String);

/// The keys each fact may be under, most usual first.
mod keys {
    pub const JOB_TITLE: &[&str] = &["job_title", "jobTitle", "job-title"];
    pub const DATE: &[&str] = &[
        "date",
        "postdate",
        "publishDate",
        "pubDate",
        "sort_date",
        "created_at",
        "created",
    ];
    pub const CLOSES: &[&str] = &[
        "valid_through",
        "validThrough",
        "closing_date",
        "closingDate",
        "closedate",
        "close_date",
        "application_deadline",
        "deadline",
        "expiryDate",
        "expiry_date",
        "expires",
        "closes",
    ];
    pub const APPLY: &[&str] = &[
        "apply_url",
        "application_url",
        "apply_link",
        "applyUrl",
        "link",
        "source_url",
    ];
    pub const ORGANIZATION: &[&str] = &["organization", "organisation", "employer", "company"];
    pub const LOCATION: &[&str] = &["location", "locations", "place", "city"];
    pub const TAGS: &[&str] = &["tags", "tag"];
    pub const CATEGORIES: &[&str] = &["categories", "category"];
}

fn read_checked(
    file: &str,
    text: &str,
    options: &PostOptions,
    warnings: &mut Vec<(Option<usize>, String)>,
) -> Result<Outcome, Problem> {
    let Some(front) = FrontMatter::parse(text)? else {
        return Ok(Outcome::Ignored(
            "no front matter (a post starts with a --- line, or +++ for TOML)".into(),
        ));
    };
    warnings.extend(front.warnings.iter().map(|(l, w)| (Some(*l), w.clone())));
    if let Some(why) = not_published(&front)? {
        return Ok(Outcome::Ignored(why));
    }
    let raw_body = &text[front.body_offset..];
    let body = liquid::strip_liquid(raw_body);
    let plain = facts::plain_words(&body);
    if let Some(words) = closed_in_front(&front)
        .or_else(|| when::closed_statement(&plain).map(|w| format!("the post says \"{w}\"")))
    {
        return Ok(Outcome::Ignored(format!(
            "applications are closed: {words}"
        )));
    }
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let (file_date, slug) = split_dated_name(stem);

    // Job archives write the employer as `institution` and its part (a
    // library, a centre) as `organization`.
    let institution = front.text(&["institution"]).map(|(name, _)| name);
    let unit = front.text(keys::ORGANIZATION).map(|(name, _)| name);
    let (employer, unit) = match (institution, unit) {
        (Some(institution), unit) => (Some(institution), unit),
        (None, unit) => (unit, None),
    };
    let organization = Organization {
        name: employer.unwrap_or_else(|| options.organization.clone()),
        url: front
            .text(&["organization_url"])
            .and_then(|(u, _)| safe_link(&u))
            .or_else(|| options.organization_url.clone()),
        logo: None,
    };

    let headline = match front.text(&["title"]) {
        Some((title, _)) => title,
        None => title_from_slug(slug)
            .ok_or((None, "the post has no title: add `title:`".to_string()))?,
    };
    let (title, from_headline) = match front.text(keys::JOB_TITLE) {
        Some((title, _)) => (
            title::job_title(&title, &organization.name).unwrap_or(title),
            None,
        ),
        None => match title::labelled_in_body(&body)
            .or_else(|| title::job_title(&headline, &organization.name))
        {
            Some(title) if title != headline => (title, Some(headline.clone())),
            _ => (headline.clone(), None),
        },
    };

    let date_posted = match front.field(keys::DATE) {
        Some(field) => {
            let raw = field.value.first_text().unwrap_or_default();
            let date = if field.key.eq_ignore_ascii_case("created") {
                when::parse_epoch(&raw).or_else(|| when::parse_date(&raw))
            } else {
                when::parse_date(&raw)
            };
            Some(date.ok_or_else(|| {
                (
                    Some(field.line),
                    format!("{} \"{raw}\" is not a date (write YYYY-MM-DD)", field.key),
                )
            })?)
        }
        None => file_date,
    };
    if date_posted.is_none() {
        warnings.push((
            None,
            "no date: give `date:` or name the file YYYY-MM-DD-title.md".into(),
        ));
    }

    // A closing date without a time closes at the end of that day (one
    // written at midnight, "T00:00", stays at midnight).
    let day_end = |t: Timestamp, raw: &str| match t.0.rem_euclid(openings_core::dates::DAY_MS) {
        0 if !raw.contains("00:00") => t.end_of_day(),
        _ => t,
    };
    let valid_through = match front.field(keys::CLOSES) {
        Some(field) => {
            let raw = field.value.first_text().unwrap_or_default();
            match when::parse_date(&raw) {
                // "Open until filled", "Rolling, review begins 2031-12-10",
                // "TBD": no closing date (a date in it is no deadline).
                _ if when::no_closing_date(&raw) => {
                    warnings.push((
                        Some(field.line),
                        format!("{} \"{raw}\" read as no closing date", field.key),
                    ));
                    None
                }
                Some(at) => Some(day_end(at, &raw)),
                None => {
                    return Err((
                        Some(field.line),
                        format!("{} \"{raw}\" is not a date (write YYYY-MM-DD)", field.key),
                    ))
                }
            }
        }
        None => match when::closing_date(&plain, date_posted) {
            Closing::None => None,
            Closing::On(t, note) => {
                warnings.extend(note.map(|n| (None, n)));
                Some(day_end(t, ""))
            }
            Closing::Several(dates) => {
                warnings.push((
                    None,
                    format!(
                        "the post gives several closing dates ({}): give the one that counts as `valid_through:`",
                        dates.join(", ")
                    ),
                ));
                None
            }
        },
    };

    let apply_url = apply_url(&front, raw_body, &body, options.site_url.as_deref())?;

    // A headline with no title in it: the title the text names, or the
    // job ad's address spells, with a warning.
    // "Wanted: new member of the team": what the rules left of the
    // headline is no title either when it starts in small letters.
    let no_title_in_headline = front.text(keys::JOB_TITLE).is_none()
        && !title::headline_reasons(&headline, &organization.name).is_empty()
        && (from_headline.is_none()
            || title.chars().next().is_some_and(|first| {
                !headline.contains(&title)
                    && headline.contains(&format!(
                        "{}{}",
                        first.to_lowercase(),
                        &title[first.len_utf8()..]
                    ))
            }));
    let (title, from_headline) = match from_headline {
        _ if no_title_in_headline => {
            let text = openings_core::text::html_to_text(&body);
            let found = title::in_prose(&text).map(|t| (t, "the text")).or_else(|| {
                std::iter::once(apply_url.clone())
                    .chain(apply::job_ad_links(&body))
                    .find_map(|url| title::from_link(&url, &text))
                    .map(|t| (t, "the job ad's address"))
            });
            match found {
                Some((found, source)) => {
                    warnings.push((
                        None,
                        format!(
                            "the job title \"{found}\" was taken from {source} (the headline \"{headline}\" has none): give `job_title:` to be sure"
                        ),
                    ));
                    (found, Some(headline.clone()))
                }
                None => (title, from_headline),
            }
        }
        other => (title, other),
    };

    let (locations, remote_place) = locations(&front);
    let workplace = match front.text(&["remote"]) {
        Some((raw, line)) => match raw.to_ascii_lowercase().as_str() {
            "true" | "yes" => {
                if locations.is_empty() {
                    Workplace::Remote
                } else {
                    Workplace::Hybrid
                }
            }
            "hybrid" => Workplace::Hybrid,
            "false" | "no" | "onsite" | "on-site" => Workplace::OnSite,
            _ => {
                return Err((
                    Some(line),
                    format!("remote: \"{raw}\" should be true, false or hybrid"),
                ))
            }
        },
        None => match facts::workplace_stated(&plain).or(remote_place.then_some(Workplace::Remote))
        {
            Some(Workplace::Remote) if !locations.is_empty() => Workplace::Hybrid,
            Some(stated) => stated,
            None if locations.is_empty() => Workplace::Unspecified,
            None => Workplace::OnSite,
        },
    };

    let mut employment_types: Vec<EmploymentType> = front
        .list(&["employment_type", "employmentType", "job_type", "jobType"])
        .iter()
        .filter_map(|t| EmploymentType::parse(t))
        .collect();
    if employment_types.is_empty() {
        // `type:` is also a page's kind (`type: post`): only when it names one.
        employment_types = front
            .list(&["type"])
            .iter()
            .filter_map(|t| EmploymentType::parse(t))
            .filter(|t| !matches!(t, EmploymentType::Other(_)))
            .collect();
    }
    if employment_types.is_empty() {
        employment_types = facts::employment_stated(&plain).into_iter().collect();
    }

    let salary = match salary_from_front(&front)? {
        Some(salary) => Some(salary),
        None => front
            .text(&["salary"])
            .and_then(|(s, _)| facts::salary_stated(&format!("salary {}", s.to_lowercase())))
            .or_else(|| facts::salary_stated(&plain)),
    };

    let contact = front.text(&["contact_email"]).map(|(email, _)| Contact {
        email: Some(email.trim_start_matches("mailto:").to_string()),
        ..Contact::default()
    });

    let mut labels = front.words(keys::TAGS);
    labels.extend(front.words(keys::CATEGORIES));

    let opening = Opening {
        id: front
            .text(&["id"])
            .map(|(id, _)| id)
            .unwrap_or_else(|| stem.to_string()),
        title,
        organization,
        locations,
        workplace,
        remote_regions: front.list(&["applicant_location", "applicant_locations"]),
        employment_types,
        department: front.text(&["department"]).map(|(d, _)| d).or(unit),
        tags: front.words(keys::TAGS),
        salary,
        date_posted,
        valid_through,
        description: Description::Html(body::to_safe_html(body.trim())),
        apply_url,
        url: None,
        contact,
        source: file.to_string(),
    };
    Ok(Outcome::Post(Box::new(Post {
        opening,
        labels,
        headline: from_headline,
    })))
}

/// Why a post is not to be published, as its generator would see it.
fn not_published(front: &FrontMatter) -> Result<Option<String>, Problem> {
    if front.flag(&["published"]).unwrap_or(None) == Some(false) {
        return Ok(Some("published: false".into()));
    }
    if front.flag(&["draft"])? == Some(true) {
        return Ok(Some("draft: true".into()));
    }
    if front
        .flag(&["eleventyExcludeFromCollections"])
        .unwrap_or(None)
        == Some(true)
    {
        return Ok(Some("eleventyExcludeFromCollections: true".into()));
    }
    if front
        .text(&["permalink"])
        .is_some_and(|(p, _)| p == "false")
    {
        return Ok(Some(
            "permalink: false (Eleventy writes no page for it)".into(),
        ));
    }
    Ok(None)
}

/// A closed post, as its front matter says it (`status: filled`,
/// `deadline: Not accepting applications`).
fn closed_in_front(front: &FrontMatter) -> Option<String> {
    for key in ["status", "state"] {
        let Some((status, line)) = front.text(&[key]) else {
            continue;
        };
        if ["filled", "fulfilled", "closed", "expired"]
            .contains(&status.to_ascii_lowercase().as_str())
        {
            return Some(format!("line {line} says {key}: {status}"));
        }
    }
    let (closes, line) = front.text(keys::CLOSES)?;
    let said = closes.trim().trim_end_matches('.').to_ascii_lowercase();
    if ["closed", "filled", "position filled", "expired"].contains(&said.as_str()) {
        return Some(format!("line {line} says \"{closes}\""));
    }
    when::closed_statement(&closes.to_lowercase()).map(|_| format!("line {line} says \"{closes}\""))
}

/// The apply link: the Apply-button include, a front-matter key, else what
/// the body says (see [`apply`]).
fn apply_url(
    front: &FrontMatter,
    raw_body: &str,
    body: &str,
    site: Option<&str>,
) -> Result<String, Problem> {
    if let Some(link) = liquid::apply_button_include(raw_body) {
        return Ok(link);
    }
    if let Some(field) = front.field(keys::APPLY) {
        let raw = field.value.first_text().unwrap_or_default();
        let link = if raw.contains('@') && !raw.contains(':') {
            safe_link(&format!("mailto:{raw}"))
        } else {
            safe_link(&raw)
        };
        return link.ok_or_else(|| {
            (
                Some(field.line),
                format!(
                    "{} \"{raw}\" is not an http, https or mailto link",
                    field.key
                ),
            )
        });
    }
    apply::in_body(body, site).map(|(url, _)| url).ok_or_else(|| {
        let relative = || {
            const PROBE: &str = "https://site.invalid";
            let (url, _) = apply::in_body(body, Some(PROBE))?;
            let path = url.strip_prefix(PROBE)?;
            Some(format!(
                " (its link {path} is relative to the site: give the site's address with --site-url)"
            ))
        };
        let hint = template_link(raw_body)
            .map(|v| {
                format!(
                    " (its link is the template variable {v}, which only the site's generator fills in)"
                )
            })
            .or_else(relative)
            .unwrap_or_default();
        (
            None,
            format!(
                "no apply link{hint}: add `apply_url: https://…` (or an e-mail address) to the \
                 front matter, or write a link whose text says Apply"
            ),
        )
    })
}

/// A link whose target is a template variable (`mailto:{{site.contact}}`,
/// `href="{{ page.link }}"`, `]({{ page.link }})`): the variable.
fn template_link(raw_body: &str) -> Option<&str> {
    ["mailto:{{", "href=\"{{", "href='{{", "]({{"]
        .iter()
        .find_map(|lead| {
            let at = raw_body.find(lead)? + lead.len() - 2;
            let end = raw_body[at..].find("}}")? + 2;
            Some(&raw_body[at..at + end])
        })
}

/// The places of a post: a list or one line under `location` (places in a
/// line parted by `;`), or a map with a `name` (`location: {name:
/// Leiden}`); and whether one of them is "Remote" or "Virtual", which is
/// no place.
fn locations(front: &FrontMatter) -> (Vec<Location>, bool) {
    let Some(field) = front.field(keys::LOCATION) else {
        return (Vec::new(), false);
    };
    let lines: Vec<String> = match &field.value {
        Value::Map(_) => field
            .value
            .get("name")
            .or_else(|| field.value.get("city"))
            .into_iter()
            .collect(),
        other => other.texts(),
    };
    let places: Vec<&str> = lines
        .iter()
        .flat_map(|line| line.split(';'))
        .map(str::trim)
        .take(MAX_PLACES)
        .collect();
    let remote = places.iter().any(|p| facts::is_remote_place(p));
    let found = places
        .into_iter()
        .filter(|p| !facts::is_remote_place(p))
        .map(facts::location_from_line)
        .filter(|l| !l.is_empty())
        .fold(Vec::new(), |mut kept: Vec<Location>, place| {
            if !kept.contains(&place) {
                kept.push(place);
            }
            kept
        });
    (found, remote)
}

/// The most places one post gives (the board shows no more).
const MAX_PLACES: usize = 50;

/// `2022-07-08-community-coordinator` → (that date, `community-coordinator`).
fn split_dated_name(stem: &str) -> (Option<Timestamp>, &str) {
    match (stem.get(..10), stem.get(10..)) {
        (Some(date), Some(rest)) if rest.starts_with('-') => match Timestamp::parse_iso(date) {
            Some(t) => (Some(t), &rest[1..]),
            None => (None, stem),
        },
        _ => (None, stem),
    }
}

fn title_from_slug(slug: &str) -> Option<String> {
    let words: Vec<String> = slug
        .split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        })
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn salary_from_front(front: &FrontMatter) -> Result<Option<Salary>, Problem> {
    let number = |key: &str| -> Result<Option<f64>, Problem> {
        match front.text(&[key]) {
            None => Ok(None),
            Some((raw, line)) => facts::parse_amount(&raw).map(Some).ok_or_else(|| {
                (
                    Some(line),
                    format!("{key}: \"{raw}\" is not an amount (write 70000)"),
                )
            }),
        }
    };
    let min = number("salary_min")?;
    let max = number("salary_max")?;
    if min.is_none() && max.is_none() {
        return Ok(None);
    }
    let currency = match front.text(&["salary_currency"]) {
        Some((raw, line)) => {
            let code = raw.to_ascii_uppercase();
            if code.len() != 3 || !code.chars().all(|c| c.is_ascii_alphabetic()) {
                return Err((
                    Some(line),
                    format!("salary_currency: \"{raw}\" is not a currency code such as USD"),
                ));
            }
            Some(code)
        }
        None => None,
    };
    let period = match front.text(&["salary_period"]) {
        Some((raw, line)) => SalaryPeriod::parse(&raw).ok_or_else(|| {
            (
                Some(line),
                format!("salary_period: \"{raw}\" should be hour, day, week, month or year"),
            )
        })?,
        None => SalaryPeriod::Year,
    };
    Ok(Some(Salary {
        min,
        max,
        currency,
        period,
    }))
}
