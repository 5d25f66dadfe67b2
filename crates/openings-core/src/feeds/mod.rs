//! Feed formats: one adapter per format, each mapping its JSON onto
//! [`Opening`]s. [`parse_feed`] is the one entry point: it checks the bounds,
//! decodes the JSON once, detects the format by shape (or takes the one the
//! site editor named) and hands the document to that format's adapter.

pub mod ashby;
pub mod greenhouse;
pub mod json_feed;
pub mod lever;
pub mod recruitee;
pub mod schema_org;
pub mod smartrecruiters;
mod stream;
mod values;
mod way_of_working;

use std::fmt;

use serde_json::Value;

use crate::dates::Timestamp;
use crate::model::Opening;

pub use stream::FeedReader;
pub use values::Entry;

/// Feeds larger than this are refused unless the board allows more.
pub const DEFAULT_MAX_FEED_BYTES: usize = 20 * 1024 * 1024;

/// Openings with no closing date that were posted more than this many days
/// ago are not shown, unless the board's `max-age` (or the tool's
/// `--max-age`) says otherwise: "open until filled" must not mean "for
/// ever". 0 keeps every opening.
pub const DEFAULT_MAX_AGE_DAYS: u32 = 90;

/// The most entries read from one feed; the rest are left out, and the
/// feed says how many ([`ParsedFeed::cut`]). A feed of institutions' openings
/// holds hundreds; this keeps a hostile one from filling the reader's memory.
pub const MAX_ENTRIES: usize = 10_000;

/// The formats a feed may be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FeedFormat {
    /// schema.org `JobPosting` as JSON-LD: one object, an array, an `ItemList` or a `@graph`.
    SchemaOrg,
    /// Greenhouse Job Board API: `/v1/boards/{token}/jobs?content=true`.
    Greenhouse,
    /// Lever Postings API: `/v0/postings/{site}?mode=json`.
    Lever,
    /// Ashby public job posting API: `posting-api/job-board/{name}`.
    Ashby,
    /// JSON Feed 1.1 whose items carry our `_job` extension.
    JsonFeed,
    /// SmartRecruiters public Posting API: `/v1/companies/{id}/postings`.
    SmartRecruiters,
    /// Recruitee careers site API: `/api/offers/`.
    Recruitee,
}

impl FeedFormat {
    /// Every format, in the order detection tries them.
    pub const ALL: [FeedFormat; 7] = [
        FeedFormat::SchemaOrg,
        FeedFormat::Greenhouse,
        FeedFormat::Lever,
        FeedFormat::Ashby,
        FeedFormat::JsonFeed,
        FeedFormat::SmartRecruiters,
        FeedFormat::Recruitee,
    ];

    /// The prefix a site editor writes before a feed URL to name its format
    /// (`feed="lever:https://…"`).
    pub fn prefix(self) -> &'static str {
        match self {
            FeedFormat::SchemaOrg => "schema",
            FeedFormat::Greenhouse => "greenhouse",
            FeedFormat::Lever => "lever",
            FeedFormat::Ashby => "ashby",
            FeedFormat::JsonFeed => "jsonfeed",
            FeedFormat::SmartRecruiters => "smartrecruiters",
            FeedFormat::Recruitee => "recruitee",
        }
    }

    /// A name for people.
    pub fn name(self) -> &'static str {
        match self {
            FeedFormat::SchemaOrg => "schema.org JobPosting (JSON-LD)",
            FeedFormat::Greenhouse => "Greenhouse Job Board API",
            FeedFormat::Lever => "Lever Postings API",
            FeedFormat::Ashby => "Ashby job posting API",
            FeedFormat::JsonFeed => "JSON Feed with _job",
            FeedFormat::SmartRecruiters => "SmartRecruiters Posting API",
            FeedFormat::Recruitee => "Recruitee careers site API",
        }
    }

    /// The format a prefix names (`lever`, `LEVER`; `jsonld` also names schema.org).
    pub fn from_prefix(prefix: &str) -> Option<FeedFormat> {
        let prefix = prefix.to_ascii_lowercase();
        FeedFormat::ALL
            .into_iter()
            .find(|f| f.prefix() == prefix || (prefix == "jsonld" && *f == FeedFormat::SchemaOrg))
    }

    /// The adapter that reads this format.
    pub fn adapter(self) -> &'static dyn Adapter {
        match self {
            FeedFormat::SchemaOrg => &schema_org::SchemaOrg,
            FeedFormat::Greenhouse => &greenhouse::Greenhouse,
            FeedFormat::Lever => &lever::Lever,
            FeedFormat::Ashby => &ashby::Ashby,
            FeedFormat::JsonFeed => &json_feed::JsonFeed,
            FeedFormat::SmartRecruiters => &smartrecruiters::SmartRecruiters,
            FeedFormat::Recruitee => &recruitee::Recruitee,
        }
    }
}

impl fmt::Display for FeedFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format adapter: recognizes its shape, and maps a document onto openings.
pub trait Adapter {
    /// Does this document look like this format?
    fn detect(&self, doc: &Value) -> bool;
    /// The entries of the document, each mapped or refused with a reason.
    fn entries(&self, doc: &Value, ctx: &Context) -> Result<Vec<Entry>, FeedError>;
    /// What the site editor should know of the feed as a whole, once its
    /// `read` entries are in (a feed that is one page of many).
    fn feed_notes(&self, _doc: &Value, _read: usize) -> Vec<String> {
        Vec::new()
    }
}

/// What an adapter needs to know besides the document.
#[derive(Clone, Debug)]
pub struct Context<'a> {
    /// Where the feed came from: opening sources, and the base for relative links.
    pub source: &'a str,
}

/// A feed, read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParsedFeed {
    pub format: Option<FeedFormat>,
    pub openings: Vec<Opening>,
    /// Entries that could not be shown, with why.
    pub skipped: Vec<Skipped>,
    /// Entries whose closing date has passed: not shown, and not a fault of the feed.
    pub expired: usize,
    /// Entries shown without something the feed gave for them, and why.
    pub notes: Vec<Noted>,
    /// Entries past [`MAX_ENTRIES`], left out.
    pub cut: usize,
    /// Openings with no closing date posted longer ago than the reader's
    /// `max-age`: not shown (see [`FeedReader::with_max_age`]).
    pub stale: usize,
    /// What to know of the feed as a whole (a feed that is one page of many).
    pub warnings: Vec<String>,
}

/// An entry shown without a part the board could not use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Noted {
    /// Position of the entry in the feed, from 1.
    pub position: usize,
    pub title: Option<String>,
    /// What was left out, and why.
    pub note: String,
}

impl fmt::Display for Noted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.title {
            Some(title) => write!(f, "entry {} (\"{}\"): {}", self.position, title, self.note),
            None => write!(f, "entry {}: {}", self.position, self.note),
        }
    }
}

/// An entry that was left out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// Position of the entry in the feed, from 1.
    pub position: usize,
    /// Its title, when it had one.
    pub title: Option<String>,
    pub reason: SkipReason,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    MissingTitle,
    /// No apply link and no page link that is http, https or mailto.
    MissingLink,
    /// A link was given, but it is not http, https or mailto.
    UnsafeLink(String),
    /// The format marks it as not for public listing.
    Unlisted,
    /// The entry is not an object of the kind the feed holds.
    NotAnOpening,
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::MissingTitle => f.write_str("it has no title"),
            SkipReason::MissingLink => {
                f.write_str("it has no apply link or page link (give it a url)")
            }
            SkipReason::UnsafeLink(url) => {
                // Hidden characters (a tab inside "java\tscript:") are shown escaped.
                write!(
                    f,
                    "its link is not http, https or mailto ({})",
                    crate::text::printable(&crate::text::ellipsize(url, 60))
                )
            }
            SkipReason::Unlisted => f.write_str("the feed marks it as unlisted"),
            SkipReason::NotAnOpening => f.write_str("it is not a job posting"),
        }
    }
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.title {
            Some(title) => write!(
                f,
                "entry {} (\"{}\"): {}",
                self.position, title, self.reason
            ),
            None => write!(f, "entry {}: {}", self.position, self.reason),
        }
    }
}

/// Why a whole feed could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedError {
    /// The body is not JSON (an HTML error page, a truncated file…).
    NotJson(String),
    /// JSON, but of no format we know.
    NotAFeed(String),
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// Nested deeper than any feed is.
    TooDeep,
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeedError::NotJson(detail) => write!(f, "the answer is not JSON ({detail})"),
            FeedError::NotAFeed(detail) => write!(f, "the JSON is not a job feed ({detail})"),
            FeedError::TooLarge { bytes, limit } => write!(
                f,
                "the feed is {} MB, over the limit of {} MB",
                bytes.div_ceil(1_000_000),
                limit / 1_000_000
            ),
            FeedError::TooDeep => f.write_str("the JSON is nested too deeply to be a feed"),
        }
    }
}

impl std::error::Error for FeedError {}

/// Splits a `feed` attribute token such as `lever:https://…` into the
/// format it names (if any) and the URL.
pub fn split_format_prefix(token: &str) -> (Option<FeedFormat>, &str) {
    if let Some((prefix, rest)) = token.split_once(':') {
        if !rest.starts_with("//") {
            if let Some(format) = FeedFormat::from_prefix(prefix) {
                return (Some(format), rest);
            }
        }
    }
    (None, token)
}

/// Reads a feed: bounds, JSON, format (detected or given), entries.
/// Openings whose `valid_through` is before `now` are counted in `expired`.
/// The whole body at once; [`FeedReader`] reads one as it arrives.
pub fn parse_feed(
    body: &str,
    format: Option<FeedFormat>,
    source: &str,
    now: Timestamp,
    max_bytes: usize,
) -> Result<ParsedFeed, FeedError> {
    if body.len() > max_bytes {
        return Err(FeedError::TooLarge {
            bytes: body.len(),
            limit: max_bytes,
        });
    }
    FeedReader::new(format, source, now, max_bytes).read([body.as_bytes()])
}

/// The format whose shape this document has.
pub fn detect(doc: &Value) -> Option<FeedFormat> {
    FeedFormat::ALL
        .into_iter()
        .find(|f| f.adapter().detect(doc))
}

/// A short description of a document that is no feed, for the error message.
pub(crate) fn describe_shape(doc: &Value) -> String {
    match doc {
        Value::Object(map) => {
            let keys: Vec<&str> = map.keys().take(5).map(String::as_str).collect();
            if keys.is_empty() {
                "an empty object".into()
            } else {
                format!("an object with keys {}", keys.join(", "))
            }
        }
        // An empty list is never described: it reads as an empty schema.org feed.
        Value::Array(_) => "a list of things that are not job postings".into(),
        Value::String(_) => "a string".into(),
        Value::Number(_) => "a number".into(),
        Value::Bool(_) => "a boolean".into(),
        Value::Null => "null".into(),
    }
}
