//! `cargo xtask package`: the npm package a site editor's CDN serves. It
//! writes `target/package/openings-board-<version>.tgz` (what `npm pack`
//! makes, made by `npm pack`): the built loader, glue, wasm and CSS, the
//! iframe mode's page and the configurator, a `package.json` with the
//! fields public npm CDNs serve the loader by (`jsdelivr`, `unpkg`,
//! `exports`), a README with the snippet and its Subresource Integrity
//! value for this version, and the licence files. No sources, no demo
//! feeds. The loader finds its files relative to its own URL, so
//! `…/npm/openings-board@<version>/dist/openings.js` works as it is.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{root, run, Result};

/// The package's name on npm.
pub const NAME: &str = "openings-board";

/// What of `dist/` the package ships (the demo page and its feeds stay out).
pub const SHIPPED: [&str; 12] = [
    "openings.js",
    "openings-board.js",
    "openings-board_bg.wasm",
    "openings.css",
    "frame.html",
    "frame.js",
    "frame.css",
    "configure.html",
    "configure.js",
    "configure.css",
    "openings-configure.js",
    "openings-configure_bg.wasm",
];

/// Builds `dist/` and packs it.
pub fn package() -> Result {
    crate::setup::all()?;
    let dist = crate::dist::build()?;
    let tarball = pack(&dist)?;
    eprintln!("\nThe npm package: {}", tarball.display());
    Ok(())
}

/// Packs an existing `dist/` into `target/package/`; the tarball's path.
pub fn pack(dist: &Path) -> Result<PathBuf> {
    let out = root().join("target/package");
    let staging = out.join(NAME);
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(staging.join("dist"))
        .map_err(|e| format!("{}: {e}", staging.display()))?;
    for name in SHIPPED {
        let from = dist.join(name);
        std::fs::copy(&from, staging.join("dist").join(name))
            .map_err(|e| format!("{} is missing from the build: {e}", from.display()))?;
    }
    for licence in ["LICENSE-MIT", "LICENSE-APACHE"] {
        std::fs::copy(root().join(licence), staging.join(licence))
            .map_err(|e| format!("{licence}: {e}"))?;
    }
    let version = crate_version()?;
    let loader =
        std::fs::read(dist.join("openings.js")).map_err(|e| format!("dist/openings.js: {e}"))?;
    let sri = crate::dist::integrity_of(&loader);
    write(&staging.join("package.json"), &package_json(&version))?;
    write(&staging.join("README.md"), &readme(&version, &sri))?;
    let mut npm = Command::new("npm");
    npm.args(["pack", "--silent", "--pack-destination"])
        .arg(&out)
        .current_dir(&staging)
        .env("PATH", crate::setup::tool_path());
    run(&mut npm)?;
    let tarball = out.join(format!("{NAME}-{version}.tgz"));
    if !tarball.exists() {
        return Err(format!("npm pack wrote no {}", tarball.display()));
    }
    eprintln!("  the loader's integrity value: {sri}");
    Ok(tarball)
}

fn write(path: &Path, text: &str) -> Result {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The version of the widget crate (the workspace's, which every crate
/// takes), as Cargo itself reads it: `cargo metadata`.
pub fn crate_version() -> Result<String> {
    let out = crate::cargo()
        .args([
            "metadata",
            "--no-deps",
            "--format-version",
            "1",
            "--offline",
        ])
        .current_dir(root())
        .output()
        .map_err(|e| format!("cargo metadata: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let doc: serde_json::Value =
        serde_json::from_slice(&out.stdout).map_err(|e| format!("cargo metadata: {e}"))?;
    doc["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["name"] == "openings-board")
        .and_then(|p| p["version"].as_str())
        .map(str::to_string)
        .ok_or_else(|| "cargo metadata lists no openings-board package".to_string())
}

fn package_json(version: &str) -> String {
    let doc = serde_json::json!({
        "name": NAME,
        "version": version,
        "description": "Openings: a job board any web page embeds with one script tag — schema.org JobPosting, Greenhouse, Lever, Ashby, SmartRecruiters, Recruitee and JSON Feed feeds, searched and filtered in the page, in a shadow root.",
        "license": "MIT OR Apache-2.0",
        "keywords": ["job board", "jobs", "web component", "custom element", "schema.org", "JobPosting", "webassembly"],
        "browser": "dist/openings.js",
        "jsdelivr": "dist/openings.js",
        "unpkg": "dist/openings.js",
        "exports": {
            ".": "./dist/openings.js",
            "./dist/*": "./dist/*",
            "./package.json": "./package.json"
        },
        "files": ["dist/", "README.md", "LICENSE-MIT", "LICENSE-APACHE"],
        "sideEffects": true
    });
    format!(
        "{}\n",
        serde_json::to_string_pretty(&doc).unwrap_or_default()
    )
}

/// The README npm shows: the snippet for this version, with its integrity value.
fn readme(version: &str, sri: &str) -> String {
    format!(
        r#"# {NAME}

**Openings** is a job board any web page embeds with one script tag: it reads one feed or many
(schema.org `JobPosting` JSON-LD, Greenhouse, Lever, Ashby, SmartRecruiters, Recruitee, JSON Feed),
merges them, and lets job seekers search, filter, read, share and apply — in a shadow root that the
page's CSS cannot break, by keyboard and screen reader, on phones, in five languages.

Paste these two lines into your page (this is version {version}; the `integrity` value is this
version's loader):

```html
<script src="https://cdn.jsdelivr.net/npm/{NAME}@{version}/dist/openings.js"
  integrity="{sri}" crossorigin="anonymous" defer></script>
<openings-board feed="https://example.org/jobs.json"></openings-board>
```

The same file is at `https://unpkg.com/{NAME}@{version}/dist/openings.js`. Pin an exact version with
its `integrity` value (above); `@0.1` follows fixes of the 0.1 line but cannot carry an integrity
value, since the file changes.

**Set up a board without writing HTML**: the configurator,
`https://cdn.jsdelivr.net/npm/{NAME}@{version}/dist/configure.html`, checks your feeds, previews the
board and writes the snippet.

Every attribute, the events the board sends the page, the feed formats and the `openings`
command-line tool are documented in the project's README. Licensed under MIT or Apache-2.0, at your
option.
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_package_json_has_what_npm_cdns_serve_the_loader_by() {
        let doc: serde_json::Value = serde_json::from_str(&package_json("1.2.3")).unwrap();
        assert_eq!(doc["name"], NAME);
        assert_eq!(doc["version"], "1.2.3");
        for field in ["jsdelivr", "unpkg", "browser"] {
            assert_eq!(doc[field], "dist/openings.js", "{field}");
        }
        assert_eq!(doc["exports"]["."], "./dist/openings.js");
        assert_eq!(doc["license"], "MIT OR Apache-2.0");
    }

    #[test]
    fn the_readme_gives_the_versioned_snippet_with_its_integrity() {
        let text = readme("1.2.3", "sha384-abc");
        assert!(text.contains(
            "<script src=\"https://cdn.jsdelivr.net/npm/openings-board@1.2.3/dist/openings.js\"\n  integrity=\"sha384-abc\" crossorigin=\"anonymous\" defer></script>"
        ));
        assert!(text.contains("dist/configure.html"));
    }

    #[test]
    fn the_version_is_the_crates() {
        assert_eq!(crate_version().unwrap(), env!("CARGO_PKG_VERSION"));
    }
}
