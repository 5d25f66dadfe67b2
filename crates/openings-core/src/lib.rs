//! The pure logic of Openings, with no browser dependency: the opening model,
//! the feed formats and their adapters, link safety, and the catalog that
//! merges feeds and answers searches. Shared by the widget, the `openings`
//! command-line tool and the fuzzers; tested on the host with `cargo test`.

pub mod catalog;
pub mod dates;
pub mod export;
pub mod feeds;
pub mod jekyll;
pub mod links;
pub mod model;
pub mod rich_text;
pub mod text;

pub use catalog::{Catalog, Query};
pub use dates::Timestamp;
pub use feeds::{parse_feed, FeedError, FeedFormat, ParsedFeed, SkipReason, Skipped};
pub use model::{
    Description, EmploymentType, Location, Opening, Organization, Salary, SalaryPeriod, Workplace,
};
