//! `openings convert`, `atom` and `sitemap`: feeds in, merged and
//! de-duplicated by the core's catalog, then written out as one schema.org
//! JSON-LD feed, an Atom feed or a sitemap of deep links.

use openings_core::export::atom::{atom_feed, AtomMeta};
use openings_core::export::sitemap::{sitemap, MAX_SITEMAP_URLS};
use openings_core::export::{json_ld, json_text};
use openings_core::links::safe_link;
use openings_core::Opening;

use crate::cli::{AtomArgs, ConvertArgs, SitemapArgs};
use crate::fetch::now;
use crate::merge::{read_and_merge, Merged};
use crate::report::{say, write_output, Exit};

pub fn convert(args: &ConvertArgs) -> Exit {
    let merged = match read_and_merge(&args.fetch) {
        Ok(merged) => merged,
        Err(exit) => return exit,
    };
    let openings: Vec<Opening> = merged.catalog.openings().cloned().collect();
    let feed = json_ld::item_list(args.name.as_deref(), &openings);
    finish(
        &merged,
        args.output.as_deref(),
        &format!("{}\n", json_text(&feed)),
    )
}

pub fn atom(args: &AtomArgs) -> Exit {
    for url in [&args.self_url, &args.page].into_iter().flatten() {
        if safe_link(url).is_none_or(|u| u.starts_with("mailto:")) {
            say(&format!("\"{url}\" is not an http or https URL"));
            return Exit::Usage;
        }
    }
    let merged = match read_and_merge(&args.fetch) {
        Ok(merged) => merged,
        Err(exit) => return exit,
    };
    let meta = AtomMeta {
        title: args.title.clone(),
        id: args
            .self_url
            .clone()
            .or_else(|| args.page.clone())
            .unwrap_or_else(|| "urn:openings:feed".into()),
        self_url: args.self_url.clone(),
        page_url: args.page.clone(),
        generated: now(),
    };
    let openings: Vec<Opening> = merged.catalog.openings().cloned().collect();
    let xml = atom_feed(&meta, &openings);
    finish(&merged, args.output.as_deref(), &xml)
}

pub fn sitemap_of(args: &SitemapArgs) -> Exit {
    let page_ok = safe_link(&args.page).is_some_and(|u| !u.starts_with("mailto:"));
    if !page_ok {
        say(&format!(
            "--page \"{}\" is not an http or https URL",
            args.page
        ));
        return Exit::Usage;
    }
    let merged = match read_and_merge(&args.fetch) {
        Ok(merged) => merged,
        Err(exit) => return exit,
    };
    let openings: Vec<Opening> = merged.catalog.openings().cloned().collect();
    if openings.len() > MAX_SITEMAP_URLS {
        say(&format!(
            "{} openings, more than the {MAX_SITEMAP_URLS} one sitemap may hold; \
             only the first {MAX_SITEMAP_URLS} are written",
            openings.len()
        ));
    }
    let openings = &openings[..openings.len().min(MAX_SITEMAP_URLS)];
    let xml = sitemap(&args.page, args.board.as_deref(), openings);
    finish(&merged, args.output.as_deref(), &xml)
}

fn finish(merged: &Merged, output: Option<&std::path::Path>, text: &str) -> Exit {
    if let Err(e) = write_output(output, text) {
        say(&e);
        return Exit::Problems;
    }
    if let Some(path) = output {
        say(&format!(
            "wrote {} opening(s) to {}",
            merged.catalog.len(),
            path.display()
        ));
    }
    merged.exit
}
