//! How many bytes the core holds for one feed: the peak while the feed is
//! read and indexed, and what stays once it is in the catalog. Counts every
//! allocation of this process (host pointers are twice as wide as wasm32's,
//! so the board's figures are somewhat lower).
//!
//! ```text
//! cargo run --release -p openings-core --example feed_memory -- target/bench-feeds/10000.json
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use openings_core::catalog::Catalog;
use openings_core::dates::Timestamp;
use openings_core::feeds::parse_feed;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        // SAFETY: the caller's contract for `alloc` is passed on unchanged.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const MIB: f64 = 1024.0 * 1024.0;

fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / MIB)
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("feed_memory: give a feed file, e.g. target/bench-feeds/10000.json");
        return ExitCode::FAILURE;
    };
    let body = match std::fs::read_to_string(&path) {
        Ok(body) => body,
        Err(e) => {
            eprintln!("feed_memory: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let feed = match parse_feed(&body, None, &path, Timestamp(0), usize::MAX) {
        Ok(feed) => feed,
        Err(e) => {
            eprintln!("feed_memory: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let parse_peak = PEAK.load(Ordering::Relaxed) - base;
    let parsed = LIVE.load(Ordering::Relaxed) - base;
    let mut catalog = Catalog::new();
    let added = catalog.add(feed, 0);
    // The word index, which the board makes once the feed is listed.
    while catalog.index_next_part() {}
    let peak = PEAK.load(Ordering::Relaxed) - base;
    let held = LIVE.load(Ordering::Relaxed) - base;
    println!(
        "feed            {} ({} openings)",
        mib(body.len()),
        added.new
    );
    println!("parse peak      {} above the body", mib(parse_peak));
    println!("parsed openings {}", mib(parsed));
    println!("peak            {} above the body", mib(peak));
    println!("catalog holds   {}", mib(held));
    ExitCode::SUCCESS
}
