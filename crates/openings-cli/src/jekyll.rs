//! `openings jekyll`: the job posts of a static site (Jekyll, Hugo or
//! Eleventy) to one schema.org JSON-LD feed. `openings_posts` reads each
//! post (its Markdown rendered to safe HTML there); this module finds the
//! files, keeps the posts with the chosen tag that are still open, checks
//! every posting it writes with the rules of `openings validate`, and
//! reports each problem with the post's file and the front-matter key to
//! add.

use std::path::{Path, PathBuf};

use openings_core::export::{json_ld, json_text};
use openings_core::links::safe_link;
use openings_core::{Opening, Timestamp};
use openings_posts::{read_post, Outcome, PostOptions};

use crate::cli::JekyllArgs;
use crate::fetch::{now, read_bounded, FileError};
use crate::report::{say, write_output, Exit};
use crate::validate::{findings, Rule};

/// The largest post read, in bytes (a job post is a few kilobytes).
pub const MAX_POST_BYTES: usize = 2_000_000;
/// The most posts read from the folders given.
pub const MAX_POSTS: usize = 10_000;

pub fn run(args: &JekyllArgs) -> Exit {
    let web_address = |flag: &str, raw: &Option<String>| match raw {
        Some(raw) => match safe_link(raw).filter(|u| u.starts_with("http")) {
            Some(url) => Ok(Some(url)),
            None => {
                say(&format!("{flag} \"{raw}\" is not an http or https URL"));
                Err(Exit::Usage)
            }
        },
        None => Ok(None),
    };
    let org_url = match web_address("--org-url", &args.org_url) {
        Ok(url) => url,
        Err(exit) => return exit,
    };
    let site_url = match web_address("--site-url", &args.site_url) {
        Ok(url) => url.or_else(|| org_url.clone()),
        Err(exit) => return exit,
    };
    let mut files = Vec::new();
    for place in &args.posts {
        match post_files(place) {
            Ok((found, linked_folders)) => {
                files.extend(found);
                for folder in &linked_folders {
                    say(&format!(
                        "{}: a link to a folder, not followed (copy the posts in, or name the folder itself)",
                        folder.display()
                    ));
                }
            }
            Err(e) => {
                say(&format!("cannot read {}: {e}", place.display()));
                return Exit::Unreadable;
            }
        }
    }
    let named = names(&args.posts);
    if files.len() > MAX_POSTS {
        say(&format!(
            "{named} has {} posts; only the first {MAX_POSTS} are read",
            files.len()
        ));
        files.truncate(MAX_POSTS);
    }
    if files.is_empty() {
        say(&format!("{named} has no .md, .markdown or .html posts"));
        return Exit::Unreadable;
    }
    let options = PostOptions {
        organization: args.org.clone(),
        organization_url: org_url,
        site_url,
        fix_encoding: args.fix_encoding,
    };
    let now = now();
    let wanted_tag = args.tag.as_deref().map(str::to_lowercase);
    let mut openings: Vec<(String, Opening)> = Vec::new();
    let (mut failed, mut unreadable, mut left_out) = (0, 0, 0);
    for file in &files {
        let label = file.display().to_string();
        let text = match read_bounded(file, MAX_POST_BYTES) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(FileError::TooLarge) => {
                say(&format!(
                    "{label}: cannot read it: it is over {} MB, too large for a post",
                    MAX_POST_BYTES / 1_000_000
                ));
                unreadable += 1;
                continue;
            }
            Err(e) => {
                say(&format!("{label}: cannot read it: {e}"));
                unreadable += 1;
                continue;
            }
        };
        let read = read_post(&label, &text, &options);
        let keep = match &read.outcome {
            Outcome::Post(post) => wanted_tag
                .as_ref()
                .is_none_or(|tag| post.labels.iter().any(|l| l.to_lowercase() == *tag)),
            _ => true,
        };
        if !keep {
            continue;
        }
        for warning in &read.warnings {
            say(&format!("warning: {warning}"));
        }
        match read.outcome {
            Outcome::Post(post) => {
                let opening = post.opening;
                if let Some(why) = not_open(&opening, now, args.max_age) {
                    say(&format!("{label}: left out: {why}"));
                    left_out += 1;
                    continue;
                }
                openings.push((label, opening));
            }
            Outcome::Ignored(why) => say(&format!("{label}: skipped: {why}")),
            Outcome::Failed(notice) => {
                say(&format!("error: {notice}"));
                failed += 1;
            }
        }
    }
    if unreadable == files.len() {
        return Exit::Unreadable;
    }
    if let (Some(tag), true) = (&args.tag, openings.is_empty() && left_out == 0) {
        say(&format!(
            "no post in {named} has the tag or category \"{tag}\""
        ));
    }
    // Newest first, as a job board lists them.
    openings.sort_by_key(|(_, o)| std::cmp::Reverse(o.date_posted));
    let required = check(&openings, now);
    if let Some(dir) = &args.postings {
        if let Err(e) = write_postings(dir, &openings) {
            say(&e);
            return Exit::Problems;
        }
    }
    let list: Vec<Opening> = openings.into_iter().map(|(_, o)| o).collect();
    let feed = json_ld::item_list(Some(&format!("Openings at {}", args.org)), &list);
    let text = format!("{}\n", json_text(&feed));
    if let Err(e) = write_output(args.output.as_deref(), &text) {
        say(&e);
        return Exit::Problems;
    }
    if let Some(path) = &args.output {
        say(&format!(
            "wrote {} opening(s) to {}",
            list.len(),
            path.display()
        ));
    }
    if (failed > 0 || unreadable > 0) && !args.keep_going || required > 0 && args.strict {
        Exit::Problems
    } else {
        Exit::Ok
    }
}

/// Writes each posting's JSON-LD to `dir/<slug>.html`, the slug being the
/// post's file name without its date and extension (Jekyll's
/// `page.slug`), as a `<script>` element a static page can include.
fn write_postings(dir: &Path, openings: &[(String, Opening)]) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut written = std::collections::HashMap::new();
    for (label, opening) in openings {
        let name = label.rsplit(['/', '\\']).next().unwrap_or(label);
        let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
        let slug = strip_date(stem);
        if let Some(earlier) = written.insert(slug.to_string(), label.clone()) {
            say(&format!(
                "{label}: its slug \"{slug}\" is {earlier}'s too: {slug}.html holds this one"
            ));
        }
        let path = dir.join(format!("{slug}.html"));
        let element = json_ld::script_element(&json_ld::posting(opening));
        std::fs::write(&path, element).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    say(&format!(
        "wrote {} posting(s) to {}",
        written.len(),
        dir.display()
    ));
    Ok(())
}

/// `2031-02-14-digital-outreach-lead` → `digital-outreach-lead`.
fn strip_date(stem: &str) -> &str {
    let bytes = stem.as_bytes();
    let dated = bytes.len() > 11
        && bytes[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
        && bytes[10] == b'-';
    if dated {
        &stem[11..]
    } else {
        stem
    }
}

/// Why an opening is not open: it closed, or it has no closing date and
/// was posted more than `max_age` days ago (0: kept whatever its age).
fn not_open(o: &Opening, now: Timestamp, max_age: u32) -> Option<String> {
    if let Some(closes) = o.valid_through.filter(|&c| c < now) {
        return Some(format!("it closed on {}", closes.to_iso_date()));
    }
    let posted = o
        .date_posted
        .filter(|_| o.valid_through.is_none() && max_age > 0)?;
    let age_days = now.millis_since(posted) / openings_core::dates::DAY_MS;
    (age_days > i64::from(max_age)).then(|| {
        format!(
            "posted {} ({age_days} days ago) with no closing date, older than --max-age {max_age}: \
             give it `valid_through:` if it is still open",
            posted.to_iso_date()
        )
    })
}

/// Checks each posting to be written with the rules of `openings
/// validate`, and says for each problem which post and which key to add.
/// Returns how many required properties are missing.
fn check(openings: &[(String, Opening)], now: Timestamp) -> usize {
    let mut required = 0;
    for (file, opening) in openings {
        for finding in findings(opening, None, now) {
            // A post cannot say whether its apply link takes applications
            // right there; nothing else is beyond a post.
            if finding.rule == Rule::DirectApply {
                continue;
            }
            let kind = if finding.error {
                required += 1;
                "error (search engines require it)"
            } else {
                "warning"
            };
            say(&format!(
                "{file}: {kind}: {}; add {}",
                finding.message,
                crate::validate::post_key(finding.rule)
            ));
        }
    }
    required
}

/// The folders or files named, for messages.
fn names(places: &[PathBuf]) -> String {
    places
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether a file is a post: Markdown, or HTML with front matter (Hugo and
/// Jekyll read both).
fn is_post(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e == "md" || e == "markdown" || e == "html")
}

/// The posts under `place` (a folder, or one post), in name order
/// (Jekyll's date order); hidden folders and files are skipped, and so are
/// folders reached through a symbolic link (one pointing at a parent would
/// be walked for ever): they are listed in the second part, to be reported.
fn post_files(place: &Path) -> std::io::Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    if std::fs::metadata(place)?.is_file() {
        return Ok((vec![place.to_path_buf()], Vec::new()));
    }
    let mut files = Vec::new();
    let mut linked_folders = Vec::new();
    let mut folders = vec![place.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let entry = entry?;
            let path = entry.path();
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            // The entry itself, not what a link points to.
            let kind = entry.file_type()?;
            if kind.is_dir() {
                folders.push(path);
            } else if kind.is_symlink() && path.is_dir() {
                linked_folders.push(path);
            } else if is_post(&path) {
                files.push(path);
            }
        }
    }
    files.sort();
    linked_folders.sort();
    Ok((files, linked_folders))
}
