//! `openings jekyll`: a folder of Jekyll job posts to one schema.org JSON-LD
//! feed. The core reads each post ([`openings_core::jekyll`]); this module
//! finds the files, keeps the posts with the chosen tag, renders their
//! Markdown to safe HTML and reports every warning with file and line.

use std::path::{Path, PathBuf};

use openings_core::export::json_ld;
use openings_core::jekyll::{read_post, JekyllOptions, Outcome};
use openings_core::links::safe_link;
use openings_core::Opening;

use crate::cli::JekyllArgs;
use crate::fetch::{read_bounded, FileError};
use crate::markdown::render_description;
use crate::report::{say, write_output, Exit};

pub fn run(args: &JekyllArgs) -> Exit {
    let org_url = match &args.org_url {
        Some(raw) => match safe_link(raw) {
            Some(url) => Some(url),
            None => {
                say(&format!("--org-url \"{raw}\" is not an http or https URL"));
                return Exit::Usage;
            }
        },
        None => None,
    };
    let (mut files, linked_folders) = match post_files(&args.posts) {
        Ok(found) => found,
        Err(e) => {
            say(&format!(
                "cannot read the folder {}: {e}",
                args.posts.display()
            ));
            return Exit::Unreadable;
        }
    };
    for folder in &linked_folders {
        say(&format!(
            "{}: a link to a folder, not followed (copy the posts in, or name the folder itself)",
            folder.display()
        ));
    }
    if files.len() > MAX_POSTS {
        say(&format!(
            "{} has {} posts; only the first {MAX_POSTS} are read",
            args.posts.display(),
            files.len()
        ));
        files.truncate(MAX_POSTS);
    }
    if files.is_empty() {
        say(&format!(
            "{} has no .md or .markdown posts",
            args.posts.display()
        ));
        return Exit::Unreadable;
    }
    let options = JekyllOptions {
        organization: args.org.clone(),
        organization_url: org_url,
        fix_encoding: args.fix_encoding,
    };
    let wanted_tag = args.tag.as_deref().map(str::to_lowercase);
    let mut openings: Vec<Opening> = Vec::new();
    let mut failed = 0;
    let mut unreadable = 0;
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
                let mut opening = post.opening;
                opening.description = render_description(&opening.description);
                openings.push(opening);
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
    if let (Some(tag), true) = (&args.tag, openings.is_empty()) {
        say(&format!(
            "no post in {} has the tag or category \"{tag}\"",
            args.posts.display()
        ));
    }
    // Newest first, as a job board lists them.
    openings.sort_by_key(|o| std::cmp::Reverse(o.date_posted));
    let feed = json_ld::item_list(Some(&format!("Openings at {}", args.org)), &openings);
    let text = format!("{feed:#}\n");
    if let Err(e) = write_output(args.output.as_deref(), &text) {
        say(&e);
        return Exit::Problems;
    }
    if let Some(path) = &args.output {
        say(&format!(
            "wrote {} opening(s) to {}",
            openings.len(),
            path.display()
        ));
    }
    if (failed > 0 || unreadable > 0) && !args.keep_going {
        Exit::Problems
    } else {
        Exit::Ok
    }
}

/// The largest post read, in bytes (a job post is a few kilobytes).
pub const MAX_POST_BYTES: usize = 2_000_000;
/// The most posts read from one folder.
pub const MAX_POSTS: usize = 10_000;

/// The posts under `dir`, in name order (Jekyll's date order); hidden
/// folders and files are skipped, and so are folders reached through a
/// symbolic link (one pointing at a parent would be walked for ever): they
/// are listed in the second part, to be reported.
fn post_files(dir: &Path) -> std::io::Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let mut files = Vec::new();
    let mut linked_folders = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
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
            } else if path
                .extension()
                .is_some_and(|e| e == "md" || e == "markdown")
            {
                files.push(path);
            }
        }
    }
    files.sort();
    linked_folders.sort();
    Ok((files, linked_folders))
}
