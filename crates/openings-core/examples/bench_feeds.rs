//! Writes the benchmark's feeds: schema.org JSON-LD item lists of 100, 1,000
//! and 10,000 generated openings (`100.json`, `1000.json`, `10000.json`) into
//! the folder given, dated from today so that none has expired.
//!
//! ```text
//! cargo run --release -p openings-core --example bench_feeds --features sample -- OUT_DIR
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use openings_core::dates::{Timestamp, DAY_MS};
use openings_core::sample;

/// The feed sizes the benchmark compares, in openings.
const SIZES: [usize; 3] = [100, 1_000, 10_000];

fn main() -> ExitCode {
    let Some(out_dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("bench_feeds: give the folder to write the feeds into, e.g. target/bench-feeds");
        return ExitCode::FAILURE;
    };
    match write_feeds(&out_dir, today()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("bench_feeds: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The start of today (UTC); the epoch if the clock is before it.
fn today() -> Timestamp {
    let ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    Timestamp(ms.div_euclid(DAY_MS) * DAY_MS)
}

/// Writes one feed per size; the smaller feeds are the first openings of the
/// largest, as the generator makes opening `n` the same whatever the count.
fn write_feeds(out_dir: &Path, today: Timestamp) -> Result<(), String> {
    std::fs::create_dir_all(out_dir)
        .map_err(|e| format!("could not create {}: {e}", out_dir.display()))?;
    let largest = SIZES.iter().copied().max().unwrap_or(0);
    let openings = sample::openings(largest, today);
    for size in SIZES {
        let feed = sample::json_ld_feed(&openings[..size]);
        let path = out_dir.join(format!("{size}.json"));
        std::fs::write(&path, &feed)
            .map_err(|e| format!("could not write {}: {e}", path.display()))?;
        println!(
            "{size:>6} openings  {:>12} bytes  {}",
            feed.len(),
            path.display()
        );
    }
    Ok(())
}
