//! The release build: `trunk build --release` into `dist/`, then a check that
//! every file the embed needs is there, and a table of their sizes.

use std::path::{Path, PathBuf};
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
    minify(&dist.join("openings.js"), LOADER_PREAMBLE, false)?;
    minify(&dist.join("openings-board.js"), "", true)?;
    shorten_imports(&dist)?;
    minify_css(&dist.join("openings.css"))?;
    configurator(&dist)?;
    date_demo_feeds(&dist.join("feeds"))?;
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
    match integrity(&dist.join("openings.js")) {
        Some(sri) => eprintln!(
            "\nThe script tag, with Subresource Integrity:\n  <script src=\"https://YOUR-HOST/openings/openings.js\" integrity=\"{sri}\" crossorigin=\"anonymous\" defer></script>"
        ),
        None => eprintln!("\n(dist/openings.js could not be read for its integrity value)"),
    }
    Ok(dist)
}

/// The configurator's own WebAssembly (crates/openings-configure: what
/// `configure.html` shows of a pasted feed), built, bound and optimized as
/// Trunk does the board's, into `dist/openings-configure{.js,_bg.wasm}`:
/// the board, on every host page, does not carry it (−4.5 KB gzip).
fn configurator(dist: &Path) -> Result {
    run(crate::cargo()
        .args(["build", "--release", "--target", "wasm32-unknown-unknown"])
        .args(["-p", "openings-configure"]))?;
    let built = target_dir()?.join("wasm32-unknown-unknown/release/openings_configure.wasm");
    run(Command::new("wasm-bindgen")
        .env("PATH", setup::tool_path())
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            "openings-configure",
            "--out-dir",
        ])
        .arg(dist)
        .arg(&built))?;
    let wasm = dist.join("openings-configure_bg.wasm");
    run(
        Command::new(root().join("xtask/tools/node_modules/binaryen/bin/wasm-opt"))
            .arg("-Oz")
            .args(board_wasm_opt_params()?.split_whitespace())
            // The features Rust enables for wasm32 by default.
            .args([
                "--enable-bulk-memory",
                "--enable-nontrapping-float-to-int",
                "--enable-sign-ext",
                "--enable-mutable-globals",
                "--enable-reference-types",
                "--enable-multivalue",
            ])
            .arg(&wasm)
            .arg("-o")
            .arg(&wasm),
    )?;
    minify(&dist.join("openings-configure.js"), "", true)
}

/// Where cargo writes its builds (`CARGO_TARGET_DIR` or the build
/// configuration may move it from `target/`), as `cargo metadata` says.
fn target_dir() -> Result<PathBuf> {
    let out = crate::cargo()
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .current_dir(root())
        .output()
        .map_err(|e| format!("cargo metadata: {e}"))?;
    let metadata: serde_json::Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("cargo metadata answered no JSON: {e}"))?;
    metadata["target_directory"]
        .as_str()
        .map(PathBuf::from)
        .ok_or_else(|| "cargo metadata names no target_directory".to_string())
}

/// The `wasm-opt` options Trunk gives the board (index.html's
/// `data-wasm-opt-params`), so that the configurator's module is optimized
/// the same way.
fn board_wasm_opt_params() -> Result<String> {
    let page = std::fs::read_to_string(root().join("index.html"))
        .map_err(|e| format!("index.html: {e}"))?;
    wasm_opt_params(&page).ok_or_else(|| "index.html gives no data-wasm-opt-params".to_string())
}

fn wasm_opt_params(page: &str) -> Option<String> {
    const ATTR: &str = "data-wasm-opt-params=\"";
    let from = page.find(ATTR)? + ATTR.len();
    let len = page[from..].find('"')?;
    Some(page[from..from + len].to_string())
}

/// Minifies the board's stylesheet in place with Lightning CSS (npm,
/// `xtask/tools`): comments and white space out, the same rules, −1.1 KB
/// of the embed's gzip. The commented source is styles/openings.css.
fn minify_css(file: &Path) -> Result {
    if !file.is_file() {
        return Err(format!("{} is missing after the build", file.display()));
    }
    let tool = root().join("xtask/tools/node_modules/lightningcss-cli/lightningcss");
    let minified = file.with_extension("min.css");
    run(Command::new(tool)
        .arg("--minify")
        .arg(file)
        .arg("--output-file")
        .arg(&minified))?;
    std::fs::rename(&minified, file).map_err(|e| format!("could not write {}: {e}", file.display()))
}

/// Renames the wasm's imports from its glue short, in the wasm and in the
/// (minified) glue alike: −6.2 KB of the embed's gzip (see `imports`).
fn shorten_imports(dist: &Path) -> Result {
    let wasm_path = dist.join("openings-board_bg.wasm");
    let glue_path = dist.join("openings-board.js");
    let wasm = std::fs::read(&wasm_path)
        .map_err(|e| format!("could not read {}: {e}", wasm_path.display()))?;
    let glue = std::fs::read_to_string(&glue_path)
        .map_err(|e| format!("could not read {}: {e}", glue_path.display()))?;
    let (wasm, renamed) = crate::imports::shorten_wasm(&wasm, crate::imports::GLUE_MODULE)?;
    if renamed.is_empty() {
        return Err(format!(
            "the wasm imports nothing from {}: has Trunk or wasm-bindgen renamed the glue?",
            crate::imports::GLUE_MODULE
        ));
    }
    let glue = crate::imports::shorten_glue(&glue, &renamed)?;
    std::fs::write(&wasm_path, wasm)
        .map_err(|e| format!("could not write {}: {e}", wasm_path.display()))?;
    std::fs::write(&glue_path, glue)
        .map_err(|e| format!("could not write {}: {e}", glue_path.display()))?;
    Ok(())
}

/// The demo's sample feeds give their dates as days from today
/// (`"{{date:-9}}"`, `"{{date:+30}}"`), so that the demo shows current
/// openings on any day it is built: written here as dates.
fn date_demo_feeds(dir: &Path) -> Result {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    let today = now();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("could not read {}: {e}", path.display()))?;
        std::fs::write(&path, fill_dates(&text, today))
            .map_err(|e| format!("could not write {}: {e}", path.display()))?;
    }
    Ok(())
}

/// Today's date, `YYYY-MM-DD` (UTC).
pub fn today_iso() -> String {
    now().to_iso_date()
}

fn now() -> openings_core::Timestamp {
    openings_core::Timestamp(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64),
    )
}

/// `{{date:N}}` → the ISO date N days from `today`.
fn fill_dates(text: &str, today: openings_core::Timestamp) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("{{date:") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "{{date:".len()..];
        match after.split_once("}}") {
            Some((days, tail)) if days.trim().parse::<i64>().is_ok() => {
                let days: i64 = days.trim().parse().unwrap_or(0);
                let day = openings_core::Timestamp(today.0 + days * openings_core::dates::DAY_MS);
                out.push_str(&day.to_iso_date());
                rest = tail;
            }
            _ => {
                out.push_str("{{date:");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The first line of the shipped loader: where its commented source is.
const LOADER_PREAMBLE: &str =
    "/* Openings loader (the commented source is src/embed/openings.js) */";

/// Minifies a script in place with terser (npm, `xtask/tools`): the loader
/// and the wasm-bindgen glue every host page downloads, −3.5 KB gzip
/// between them. (Trunk's own minifier cannot read the glue's
/// `export default`.) `module`: an ES module (the glue), else a classic
/// script (the loader).
fn minify(file: &Path, preamble: &str, module: bool) -> Result {
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    if !file.is_file() {
        return Err(format!("dist/{name} is missing after the build"));
    }
    let terser = root().join("xtask/tools/node_modules/terser/bin/terser");
    let mut command = Command::new("node");
    command
        .arg(terser)
        .arg(file)
        .args(["--compress", "--mangle", "--output"])
        .arg(file);
    // The glue is an ES module, so ES2020 output is safe; the loader stays
    // as old as it is written (ES5), since it must run far enough in an
    // old browser to leave the page alone.
    if module {
        command.args(["--module", "--ecma", "2020"]);
    }
    if !preamble.is_empty() {
        command
            .arg("--format")
            .arg(format!("preamble={preamble:?}"));
    }
    run(&mut command)
}

/// The `integrity` value of a file (`sha384-…`).
fn integrity(file: &Path) -> Option<String> {
    std::fs::read(file).ok().map(|bytes| integrity_of(&bytes))
}

/// The `integrity` value of these bytes (`sha384-…`).
pub fn integrity_of(bytes: &[u8]) -> String {
    use base64::Engine;
    use sha2::Digest;
    let digest = sha2::Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::{board_wasm_opt_params, fill_dates, wasm_opt_params};

    #[test]
    fn the_configurator_is_optimized_with_the_boards_wasm_opt_options() {
        let page = r#"<link data-trunk rel="rust" data-wasm-opt="z" data-wasm-opt-params="--skip-pass=x --low-memory-unused" />"#;
        assert_eq!(
            wasm_opt_params(page).as_deref(),
            Some("--skip-pass=x --low-memory-unused")
        );
        assert_eq!(wasm_opt_params("<link data-trunk rel=\"rust\" />"), None);
        let shipped = board_wasm_opt_params().unwrap_or_default();
        assert!(
            shipped.contains("--skip-pass=inlining-optimizing"),
            "{shipped}"
        );
    }

    #[test]
    fn the_demo_feeds_dates_are_days_from_the_build() {
        let today = openings_core::Timestamp::parse_iso("2031-02-27").unwrap();
        assert_eq!(
            fill_dates(
                r#"{"datePosted": "{{date:-9}}", "validThrough": "{{date:+3}}", "x": "{{date:soon}}"}"#,
                today
            ),
            r#"{"datePosted": "2031-02-18", "validThrough": "2031-03-02", "x": "{{date:soon}}"}"#
        );
    }

    #[test]
    fn the_integrity_value_is_the_sha384_of_the_file_in_base64() {
        let file = std::env::temp_dir().join(format!("openings-sri-{}", std::process::id()));
        std::fs::write(&file, b"abc").unwrap();
        // FIPS 180-2's example: SHA-384("abc"), in base64.
        assert_eq!(
            super::integrity(&file).as_deref(),
            Some("sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn")
        );
        std::fs::remove_file(&file).unwrap();
    }
}
