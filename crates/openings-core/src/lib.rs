//! The pure logic of Openings, with no browser dependency: the opening model,
//! the feed formats and their adapters, link safety, and the catalog that
//! merges feeds and answers searches. Shared by the widget, the `openings`
//! command-line tool and the fuzzers; tested on the host with `cargo test`.

pub mod catalog;
pub mod dates;
pub mod export;
pub mod facets;
pub mod feeds;
pub mod links;
pub mod model;
pub mod rich_text;
#[cfg(feature = "sample")]
pub mod sample;
pub mod sort;
pub mod text;
pub mod url_state;
pub mod validate;

pub use catalog::{closes_soon, is_new, Catalog, Query, View};
pub use dates::Timestamp;
pub use facets::{Facet, FacetCounts, FacetValue};
pub use feeds::{parse_feed, FeedError, FeedFormat, ParsedFeed, SkipReason, Skipped};
pub use model::{
    Description, EmploymentType, Location, Opening, Organization, Salary, SalaryPeriod, Workplace,
};
pub use sort::Sort;
pub use url_state::ViewState;
