//! Installing what the build and the tests need, when it is missing: the
//! wasm32 target, Trunk 0.21, the wasm-bindgen CLI that matches Cargo.lock,
//! wasm-opt (npm `binaryen`), Chromium and ChromeDriver and Firefox ESR (apt,
//! as root), and the test tools' npm packages. Where it cannot install (apt without root),
//! it says exactly what to run.

use std::path::PathBuf;
use std::process::Command;

use crate::{cargo, root, run, Result};

/// The browser every test drives. Never a downloaded one.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// The second browser the end-to-end tests drive (`tests/e2e/firefox.test.mjs`):
/// Debian's Firefox ESR, never a downloaded one.
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
pub const TRUNK_VERSION: &str = "0.21.14";
/// npm folders whose packages the commands need.
const NPM_FOLDERS: [&str; 3] = ["xtask/tools", "tests/e2e", "tests/bench"];

/// Everything: build tools, the browser, the test tools.
pub fn all() -> Result {
    build_tools()?;
    browser()?;
    for folder in NPM_FOLDERS {
        npm_packages(folder)?;
    }
    Ok(())
}

/// What `cargo xtask dist` needs.
pub fn build_tools() -> Result {
    wasm_target()?;
    trunk()?;
    wasm_bindgen()?;
    node()?;
    npm_packages("xtask/tools")
}

/// A PATH with the project's npm tools (wasm-opt) and cargo's binaries first.
pub fn tool_path() -> String {
    let mut dirs = vec![root().join("xtask/tools/node_modules/.bin"), cargo_bin()];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(dirs)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn cargo_bin() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_default();
    home.join("bin")
}

/// The output of `program args…`, when it runs and succeeds.
fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .env("PATH", tool_path())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn is_root() -> bool {
    output_of("id", &["-u"]).as_deref() == Some("0")
}

fn wasm_target() -> Result {
    let installed = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn trunk() -> Result {
    let version = output_of("trunk", &["--version"]).unwrap_or_default();
    if version.starts_with("trunk 0.21.") {
        return Ok(());
    }
    eprintln!("Installing Trunk {TRUNK_VERSION} (0.22 needs a newer rustc)…");
    run(cargo().args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]))
        .or_else(|_| run(cargo().args(["install", "trunk", "--version", TRUNK_VERSION])))
}

/// The `wasm-bindgen` version Cargo.lock pins: the CLI must match it exactly.
pub fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("could not read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
            {
                return Ok(version.trim_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock pins no wasm-bindgen version".into())
}

fn wasm_bindgen() -> Result {
    let wanted = locked_wasm_bindgen()?;
    let have = output_of("wasm-bindgen", &["--version"]).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(wanted.as_str()) {
        return Ok(());
    }
    eprintln!("Installing wasm-bindgen-cli {wanted} to match Cargo.lock (have: {have:?})…");
    // Not --locked: the registry here may lack a dependency its lock file names.
    run(cargo().args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        &wanted,
        "--force",
    ]))
}

fn node() -> Result {
    if output_of("node", &["--version"]).is_some() && output_of("npm", &["--version"]).is_some() {
        return Ok(());
    }
    apt_install(&["nodejs", "npm"], "Node.js and npm")
}

fn browser() -> Result {
    let have_chromium = std::path::Path::new(CHROMIUM).exists();
    let have_driver = output_of("chromedriver", &["--version"]).is_some();
    if !(have_chromium && have_driver) {
        apt_install(
            &["chromium", "chromium-driver"],
            "Chromium and ChromeDriver",
        )?;
    }
    if !std::path::Path::new(FIREFOX).exists() {
        apt_install(&["firefox-esr"], "Firefox ESR")?;
    }
    Ok(())
}

fn apt_install(packages: &[&str], what: &str) -> Result {
    if !is_root() {
        return Err(format!(
            "Missing: {what}. Install them, then run this command again:\n\n    sudo apt-get update && sudo apt-get install -y {}\n",
            packages.join(" ")
        ));
    }
    eprintln!("Installing {what} with apt…");
    run(Command::new("apt-get").arg("update").arg("-qq"))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "-qq", "--no-install-recommends"])
        .args(packages)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// `npm ci` in `folder` when its packages are not installed or are older than its lock file.
fn npm_packages(folder: &str) -> Result {
    let dir = root().join(folder);
    if !dir.join("package.json").exists() {
        return Ok(());
    }
    let lock = dir.join("package-lock.json");
    let marker = dir.join("node_modules/.package-lock.json");
    let modified = |p: &PathBuf| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    if marker.exists() && modified(&marker) >= modified(&lock) {
        return Ok(());
    }
    let verb = if lock.exists() { "ci" } else { "install" };
    run(Command::new("npm")
        .args([verb, "--no-audit", "--no-fund"])
        .current_dir(&dir))
}

/// The environment `cargo test --target wasm32-unknown-unknown` needs to run
/// component tests in headless Chromium through ChromeDriver.
pub fn component_test_env(cmd: &mut Command) {
    cmd.env(
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
        "wasm-bindgen-test-runner",
    )
    .env("PATH", tool_path())
    .env(
        "CHROMEDRIVER",
        output_of("which", &["chromedriver"]).unwrap_or_else(|| "chromedriver".into()),
    )
    .env(
        "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
        root().join("tests/webdriver.json"),
    )
    .env("WASM_BINDGEN_TEST_TIMEOUT", "60");
}

/// The cargo-mutants that `cargo xtask mutants` runs: one version, so that
/// the mutants of tests/MUTANTS.md are the ones a rerun finds.
pub const CARGO_MUTANTS: &str = "27.1.0";

pub fn cargo_mutants() -> Result {
    if output_of("cargo", &["mutants", "--version"])
        .is_some_and(|v| v.split_whitespace().last() == Some(CARGO_MUTANTS))
    {
        return Ok(());
    }
    run(cargo().args([
        "install",
        "cargo-mutants",
        "--locked",
        "--version",
        CARGO_MUTANTS,
    ]))
}

pub fn cargo_fuzz() -> Result {
    if output_of("cargo", &["fuzz", "--version"]).is_some() {
        return Ok(());
    }
    run(cargo().args(["install", "cargo-fuzz", "--locked"]))
}
