//! The command line: every command, flag and help text, in one place.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// The Openings feed tool: check job feeds, merge them into one schema.org
/// JSON-LD feed, turn Jekyll job posts into a feed, and write Atom feeds and
/// sitemaps.
///
/// Exit codes: 0 all good; 1 feed problems (validation errors, an
/// unreadable feed, a post that cannot be read); 2 usage errors; 3 no input
/// could be read at all (nothing was written).
#[derive(Debug, Parser)]
#[command(name = "openings", version, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check feeds and report what each entry lacks; exits 1 on errors.
    ///
    /// Detects each feed's format and reports, entry by entry, what is wrong
    /// or missing, including the JobPosting properties search engines require
    /// (title, description, datePosted, hiringOrganization, jobLocation or
    /// remote with applicantLocationRequirements) and recommend
    /// (validThrough, employmentType, baseSalary, identifier, directApply).
    /// Missing required properties are errors; missing recommended ones are
    /// warnings. Exits 1 when any feed has errors.
    Validate(ValidateArgs),
    /// Merge feeds into one de-duplicated schema.org JSON-LD feed.
    ///
    /// Any supported formats in (schema.org JSON-LD, Greenhouse, Lever, Ashby,
    /// JSON Feed with `_job`, SmartRecruiters, Recruitee); one ItemList of
    /// JobPostings out, which the board reads. An opening listed by two feeds
    /// (same identifier, apply link, or title and organization) appears once.
    Convert(ConvertArgs),
    /// Turn the job posts of a static site (Jekyll, Hugo, Eleventy) into a
    /// schema.org JSON-LD feed.
    ///
    /// Reads the front matter (YAML, or Hugo's TOML), renders the Markdown to
    /// safe HTML, removes Liquid tags, takes the job title out of a headline
    /// ("… Hiring a Coordinator"), the apply link from the Apply-button
    /// include, a key, or the text (a link that says Apply, a sentence or a
    /// section about applying, an e-mail address), the closing date from a
    /// key or the text, and the facts from keys or plain phrases
    /// ("full-time", "remote position", "minimum salary … is USD$70000").
    /// Posts that say applications are closed, or that closed, or that are
    /// older than --max-age with no closing date, are left out, said so.
    /// Each posting written is checked with the rules of `validate`. See
    /// docs/cli.md for the front-matter keys.
    Jekyll(JekyllArgs),
    /// Write an Atom feed of the openings, for newsletters and RSS-to-email.
    Atom(AtomArgs),
    /// Write a sitemap of each opening's deep link on the host page.
    ///
    /// The deep link is the link the board itself writes when a reader opens
    /// an opening: PAGE?openings=open:<id> (PAGE?openings-<board>=open:<id>
    /// with --board). lastmod is the opening's datePosted.
    Sitemap(SitemapArgs),
    /// Write the HTML of one board with its first page already in it.
    ///
    /// An <openings-board> element holding a declarative shadow root with the
    /// board's first page exactly as the board renders it for these
    /// attributes (the board's own components, rendered here): readable with
    /// JavaScript off and by crawlers, each title a link to the opening's deep
    /// link, each Apply link live. When the page's openings.js starts the
    /// board, the live board takes its place (a fresh feed, search, filters).
    /// No script inside: the page keeps its one <script> tag. See docs/cli.md.
    Render(RenderArgs),
}

/// How feeds are read: files, or http(s) URLs fetched concurrently.
#[derive(Debug, Args, Clone)]
pub struct FetchArgs {
    /// Feeds: files or http(s) URLs. Prefix one with its format to skip
    /// detection: `lever:https://…`, `greenhouse:…`, `schema:feed.json`.
    #[arg(required = true, value_name = "FEED")]
    pub feeds: Vec<String>,
    /// Seconds to wait for each URL before giving up on it.
    #[arg(long, default_value_t = 20, value_name = "SECONDS")]
    pub timeout: u64,
    /// How many URLs to fetch at once.
    #[arg(long, default_value_t = 8, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub jobs: u16,
    /// Keep the last good copy of each URL in DIR, and use it when the URL
    /// fails (the report says so, and how old the copy is).
    #[arg(long, value_name = "DIR")]
    pub cache: Option<PathBuf>,
    /// A feed that cannot be read (or was replaced by its cached copy) is
    /// reported but does not make the exit code 1.
    #[arg(long)]
    pub keep_going: bool,
    /// Refuse feeds larger than this many megabytes.
    #[arg(long, default_value_t = 20, value_name = "MB")]
    pub max_mb: usize,
    /// Leave out openings with no closing date posted more than this many
    /// days ago, as the board does (its max-age); 0 keeps them all.
    #[arg(long, default_value_t = openings_core::feeds::DEFAULT_MAX_AGE_DAYS, value_name = "DAYS")]
    pub max_age: u32,
    /// Print no progress lines (problems are still reported).
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    #[command(flatten)]
    pub fetch: FetchArgs,
    /// Print the report as JSON on standard output.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ConvertArgs {
    #[command(flatten)]
    pub fetch: FetchArgs,
    /// Write the feed here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// A name for the merged feed (the ItemList's `name`).
    #[arg(long)]
    pub name: Option<String>,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    #[command(flatten)]
    pub fetch: FetchArgs,
    /// Where the widget is published (the folder of openings.js and
    /// openings.css): the rendered board links its stylesheet there.
    #[arg(long, value_name = "URL")]
    pub widget_url: String,
    /// The URL the live board reads, for each FEED that is a file (in
    /// order), or for all of them; by default the FEED URLs themselves.
    #[arg(long = "feed-url", value_name = "URL")]
    pub feed_urls: Vec<String>,
    /// An attribute of the board, as on the element: `--attr lang=fr
    /// --attr page-size=10 --attr facets=org,country`.
    #[arg(long = "attr", value_name = "NAME=VALUE")]
    pub attrs: Vec<String>,
    /// The page the board is on, for the titles' deep links
    /// (PAGE?openings=open:<id>); by default links relative to the page.
    #[arg(long, value_name = "URL")]
    pub page: Option<String>,
    /// Write the HTML here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct JekyllArgs {
    /// The folders of posts (`_posts`, `_jobs`, `_news`, Hugo's
    /// `content/jobs`…) or single posts; `.md`, `.markdown` and `.html`
    /// files in them and their sub-folders are read.
    #[arg(value_name = "POSTS", required = true)]
    pub posts: Vec<PathBuf>,
    /// The hiring organization (a post's `organization:` key overrides it).
    #[arg(long, value_name = "NAME")]
    pub org: String,
    /// The organization's web site.
    #[arg(long, value_name = "URL")]
    pub org_url: Option<String>,
    /// The address the site is published at, for links in posts that are
    /// relative to it (`[apply](/jobs/)`, "see /careers/"); --org-url when
    /// not given.
    #[arg(long, value_name = "URL")]
    pub site_url: Option<String>,
    /// Only posts with this tag (or category) are openings.
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
    /// Leave out posts with no closing date that are older than this many
    /// days ("open until filled" posts of years ago); 0 keeps them all.
    #[arg(long, default_value_t = openings_core::feeds::DEFAULT_MAX_AGE_DAYS, value_name = "DAYS")]
    pub max_age: u32,
    /// Repair text that was mis-decoded (UTF-8 read as Windows-1252, such
    /// as "donâ€™t") instead of only warning about it.
    #[arg(long)]
    pub fix_encoding: bool,
    /// Write the feed here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write each posting's JobPosting JSON-LD, as a <script> element,
    /// to DIR/<slug>.html (the post's file name without its date), for the
    /// post's own page to include (see docs/cli.md).
    #[arg(long, value_name = "DIR")]
    pub postings: Option<PathBuf>,
    /// Posts that cannot be read are reported but do not make the exit code 1.
    #[arg(long)]
    pub keep_going: bool,
    /// Exit 1 when a posting written lacks something search engines
    /// require (it is reported either way).
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args)]
pub struct AtomArgs {
    #[command(flatten)]
    pub fetch: FetchArgs,
    /// Write the feed here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The feed's title.
    #[arg(long, default_value = "Job openings")]
    pub title: String,
    /// Where the Atom feed will be published (its id and `rel="self"` link).
    #[arg(long, value_name = "URL")]
    pub self_url: Option<String>,
    /// The page that shows the board (`rel="alternate"`).
    #[arg(long, value_name = "URL")]
    pub page: Option<String>,
}

#[derive(Debug, Args)]
pub struct SitemapArgs {
    #[command(flatten)]
    pub fetch: FetchArgs,
    /// The page that embeds the board (http or https).
    #[arg(long, value_name = "URL")]
    pub page: String,
    /// The board's `id` attribute, when it has one (pages with several boards).
    #[arg(long, value_name = "ID")]
    pub board: Option<String>,
    /// Write the sitemap here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}
