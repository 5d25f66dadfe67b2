//! Feeds in, one catalog out: what `convert`, `atom` and `sitemap` share.
//! Each feed is read, parsed by its format's adapter and merged into the
//! core's [`Catalog`], which drops the openings an earlier feed already
//! listed; every problem is reported on standard error.

use openings_core::feeds::{FeedReader, ParsedFeed, MAX_ENTRIES};
use openings_core::Catalog;

use crate::cli::FetchArgs;
use crate::fetch::{load_all, now, Text};
use crate::report::{say, Exit};

/// The merged openings, and the exit code the problems met call for.
pub struct Merged {
    pub catalog: Catalog,
    pub exit: Exit,
}

/// One feed read: as the command line gave it, and what was in it.
pub struct ReadFeed {
    pub given: String,
    pub feed: ParsedFeed,
}

/// Every feed read (those that could be), each problem said, and how many
/// problems there were.
pub fn read_feeds(args: &FetchArgs) -> (Vec<ReadFeed>, usize) {
    let now = now();
    let max_bytes = args.max_mb.saturating_mul(1_000_000);
    let mut problems = 0;
    let mut feeds = Vec::new();
    for loaded in load_all(args) {
        let given = &loaded.input.given;
        let body = match loaded.outcome {
            Ok(Text { body, stale: None }) => body,
            Ok(Text {
                body,
                stale: Some(stale),
            }) => {
                problems += 1;
                let when = stale
                    .saved
                    .map_or("at an unknown time".into(), |t| t.to_iso_datetime());
                say(&format!(
                    "{given}: {}; using the copy saved {when}",
                    stale.failure
                ));
                body
            }
            Err(why) => {
                problems += 1;
                say(&format!("{given}: cannot read it: {why}"));
                continue;
            }
        };
        let reader = FeedReader::new(loaded.input.format, &loaded.input.location, now, max_bytes)
            .with_max_age(args.max_age);
        match reader.read([body.as_bytes()]) {
            Ok(feed) => {
                for skipped in &feed.skipped {
                    say(&format!("{given}: left out {skipped}"));
                }
                for noted in &feed.notes {
                    say(&format!("{given}: {noted}"));
                }
                for warning in &feed.warnings {
                    say(&format!("{given}: {warning}"));
                }
                if feed.cut > 0 {
                    say(&format!(
                        "{given}: {} entries past the most a feed may list ({MAX_ENTRIES}) were not read",
                        feed.cut
                    ));
                }
                if feed.stale > 0 {
                    say(&format!(
                        "{given}: left out {} opening(s) posted more than {} days ago with no closing date (see --max-age)",
                        feed.stale, args.max_age
                    ));
                }
                feeds.push(ReadFeed {
                    given: given.clone(),
                    feed,
                });
            }
            Err(e) => {
                problems += 1;
                say(&format!("{given}: {e}"));
            }
        }
    }
    (feeds, problems)
}

/// The exit code for a run that read some feeds and met `problems`.
pub fn exit_for(problems: usize, args: &FetchArgs) -> Exit {
    if problems > 0 && !args.keep_going {
        Exit::Problems
    } else {
        Exit::Ok
    }
}

/// Reads every feed and merges them. `Err` when no feed could be read.
pub fn read_and_merge(args: &FetchArgs) -> Result<Merged, Exit> {
    let (feeds, problems) = read_feeds(args);
    if feeds.is_empty() {
        say("no feed could be read; nothing was written");
        return Err(Exit::Unreadable);
    }
    let mut catalog = Catalog::new();
    for (rank, ReadFeed { given, feed }) in feeds.into_iter().enumerate() {
        let added = catalog.add(feed, rank);
        if added.duplicates > 0 {
            say(&format!(
                "{given}: {} opening(s) repeat ones already listed (the same posting, or the same job, place and organization in an earlier feed), written once",
                added.duplicates
            ));
        }
    }
    Ok(Merged {
        catalog,
        exit: exit_for(problems, args),
    })
}
