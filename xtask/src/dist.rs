//! The release build: `trunk build --release` into `dist/`, then a check that
//! every file the embed needs is there, and a table of their sizes.

use std::path::PathBuf;
use std::process::Command;

use crate::{root, run, setup, Result};

/// The files a host page ends up loading, in load order.
pub const EMBED_FILES: [&str; 4] = [
    "openings.js",
    "openings-board.js",
    "openings-board_bg.wasm",
    "openings.css",
];

/// Builds `dist/` and returns its path.
pub fn build() -> Result<PathBuf> {
    setup::build_tools()?;
    run(Command::new("trunk")
        .args(["build", "--release"])
        .env("PATH", setup::tool_path()))?;
    let dist = root().join("dist");
    let mut total = 0;
    eprintln!("\ndist/ — what a host page loads:");
    for name in EMBED_FILES {
        let bytes = std::fs::metadata(dist.join(name))
            .map_err(|_| format!("dist/{name} is missing after the build"))?
            .len();
        total += bytes;
        eprintln!("  {:>9} bytes  {name}", bytes);
    }
    eprintln!(
        "  {:>9} bytes  in all (uncompressed; `cargo xtask bench` prints gzip and brotli)",
        total
    );
    Ok(dist)
}
