//! `cargo xtask`: the project's automation, in Rust, so that a newcomer needs
//! nothing but cargo. Each command installs what it is missing first (see
//! `setup.rs`), or says exactly what to install where it cannot.
//!
//! ```text
//! cargo xtask demo     build the release board and serve the demo on 127.0.0.1
//! cargo xtask test     every test: format, lints, host, components, end to end
//! cargo xtask dist     the release build in dist/ (sizes and the SRI hash printed)
//! cargo xtask package  the npm package of the release build, in target/package/
//! cargo xtask bench    bytes, first paint, search latency and memory vs. List.js
//! cargo xtask fuzz     run each fuzz target for a bounded time (not in CI)
//! cargo xtask mutants  mutation testing of the core, posts and CLI (not in CI)
//! cargo xtask screenshot  refresh docs/screenshot*.png, the README's pictures
//! cargo xtask setup    install the tools the other commands need
//! ```

mod dist;
mod imports;
mod mutants;
mod package;
mod serve;
mod setup;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = args.first().map(String::as_str).unwrap_or("help");
    let rest = &args[args.len().min(1)..];
    let result = match command {
        "setup" => setup::all(),
        "dist" => dist::build().map(|_| ()),
        "demo" => demo(rest),
        "test" => test(rest),
        "bench" => bench(),
        "fuzz" => fuzz(rest),
        "mutants" => mutants::mutants(rest),
        "package" => package::package(),
        "screenshot" => screenshot(),
        "help" | "--help" | "-h" => {
            print!("{}", HELP);
            Ok(())
        }
        other => Err(format!("unknown command `{other}`.\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

const HELP: &str = "\
cargo xtask <command>

  demo [--port N]   build the release board and serve the demo page on 127.0.0.1 (default port 8080)
  test [--skip-e2e] every test: fmt, clippy (host and wasm32), host tests, component tests
                    in headless Chromium, end-to-end tests of dist/ in headless Chromium
  dist              write the release build to dist/ and print its sizes and SRI hash
  package           the npm package (target/package/openings-board-<version>.tgz) of the release build
  bench             measure bytes, time to first opening, search latency and memory
  fuzz [SECONDS] [--record]
                    run every fuzz target for SECONDS each (default 60), print inputs tried and
                    crashes per target; --record writes them into fuzz/README.md; not part of `test`
  mutants [PATH…] [--diff [REV]] [--record]
                    mutation testing (cargo-mutants) of the core, the post reader and the CLI,
                    or of the files and folders given, or of what changed since REV (default
                    HEAD); --record writes the figures into tests/MUTANTS.md; not part of `test`
  screenshot        build, and write the demo board's pictures (desktop and phone) into docs/ (the README's)
  setup             install what the other commands need
";

pub type Result<T = ()> = std::result::Result<T, String>;

/// The repository root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Runs a command from the repository root, echoing it; fails when it fails.
pub fn run(cmd: &mut Command) -> Result {
    eprintln!("$ {}", describe(cmd));
    let status = cmd
        .current_dir_if_unset()
        .status()
        .map_err(|e| format!("could not start `{}`: {e}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(cmd)))
    }
}

pub fn describe(cmd: &Command) -> String {
    let mut parts = vec![cmd.get_program().to_string_lossy().into_owned()];
    parts.extend(cmd.get_args().map(|a| a.to_string_lossy().into_owned()));
    parts.join(" ")
}

trait CommandExt {
    fn current_dir_if_unset(&mut self) -> &mut Self;
}

impl CommandExt for Command {
    fn current_dir_if_unset(&mut self) -> &mut Self {
        if self.get_current_dir().is_none() {
            self.current_dir(root());
        }
        self
    }
}

pub fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

fn demo(args: &[String]) -> Result {
    let port = flag_value(args, "--port").map(|p| {
        p.parse::<u16>()
            .map_err(|_| format!("--port {p}: not a port number"))
    });
    let port = port.transpose()?.unwrap_or(8080);
    let dist = dist::build()?;
    serve::serve_forever(&dist, port)
}

fn test(args: &[String]) -> Result {
    let skip_e2e = args.iter().any(|a| a == "--skip-e2e");
    setup::all()?;
    let started = std::time::Instant::now();
    let mut steps: Vec<(&str, std::time::Duration)> = Vec::new();
    let mut step = |name: &'static str, f: &dyn Fn() -> Result| -> Result {
        eprintln!("\n=== {name}");
        let t = std::time::Instant::now();
        f()?;
        steps.push((name, t.elapsed()));
        Ok(())
    };
    step("format", &|| {
        run(cargo().args(["fmt", "--all", "--", "--check"]))
    })?;
    step("clippy (host)", &|| {
        run(cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    step("clippy (wasm32)", &|| {
        run(cargo().args([
            "clippy",
            "-p",
            "openings-board",
            "-p",
            "openings-configure",
            "--all-targets",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    step("host tests", &|| run(cargo().args(["test", "--workspace"])))?;
    step(
        "component tests (wasm-bindgen-test, headless Chromium)",
        &|| {
            let mut cmd = cargo();
            cmd.args([
                "test",
                "-p",
                "openings-board",
                "--target",
                "wasm32-unknown-unknown",
                "--test",
                "components",
            ]);
            setup::component_test_env(&mut cmd);
            run(&mut cmd)
        },
    )?;
    if !skip_e2e {
        step("release build and npm package", &|| {
            let dist = dist::build()?;
            package::pack(&dist).map(|_| ())
        })?;
        step("end-to-end tests (headless Chromium and Firefox)", &|| {
            let mut cmd = Command::new("node");
            cmd.args(["--test", "--test-concurrency=1"])
                .current_dir(root().join("tests/e2e"));
            cmd.env("DIST", root().join("dist"));
            cmd.env("CHROMIUM", setup::CHROMIUM);
            cmd.env("FIREFOX", setup::FIREFOX);
            cmd.env("OPENINGS_CLI", root().join("target/debug/openings"));
            cmd.env(
                "PACKAGE_TGZ",
                root().join(format!(
                    "target/package/{}-{}.tgz",
                    package::NAME,
                    package::crate_version()?
                )),
            );
            run(&mut cmd)
        })?;
    }
    eprintln!("\nAll tests passed in {:.0?}:", started.elapsed());
    for (name, took) in &steps {
        eprintln!("  {took:>8.1?}  {name}");
    }
    Ok(())
}

/// The README's pictures, taken by the e2e screenshot test from a fresh
/// build (test runs write them under target/ instead).
fn screenshot() -> Result {
    setup::all()?;
    let dist = dist::build()?;
    let mut cmd = Command::new("node");
    cmd.args(["--test", "screenshot.test.mjs"])
        .current_dir(root().join("tests/e2e"));
    cmd.env("DIST", &dist);
    cmd.env("CHROMIUM", setup::CHROMIUM);
    cmd.env("SCREENSHOTS", root().join("docs"));
    run(&mut cmd)?;
    eprintln!(
        "docs/screenshot.png and docs/screenshot-phone.png refreshed: look at them, then commit them"
    );
    Ok(())
}

fn bench() -> Result {
    setup::all()?;
    let dist = dist::build()?;
    let mut cmd = Command::new("node");
    cmd.arg("bench.mjs").current_dir(root().join("tests/bench"));
    cmd.env("DIST", &dist);
    cmd.env("CHROMIUM", setup::CHROMIUM);
    cmd.env("OUT", root().join("target/bench.json"));
    run(&mut cmd)
}

fn fuzz(args: &[String]) -> Result {
    let record = args.iter().any(|a| a == "--record");
    let seconds: u64 = match args.iter().find(|a| !a.starts_with("--")) {
        Some(s) => s
            .parse()
            .map_err(|_| format!("fuzz {s}: give the seconds per target as a number"))?,
        None => 60,
    };
    setup::cargo_fuzz()?;
    let fuzz_dir = root().join("fuzz");
    let list = Command::new("cargo")
        .args(["fuzz", "list"])
        .env("RUSTC_BOOTSTRAP", "1")
        .current_dir(&fuzz_dir)
        .output()
        .map_err(|e| format!("could not run cargo fuzz list: {e}"))?;
    let targets = String::from_utf8_lossy(&list.stdout).to_string();
    let mut rows = Vec::new();
    let mut failed = Vec::new();
    for target in targets.lines().map(str::trim).filter(|t| !t.is_empty()) {
        let mut cmd = Command::new("cargo");
        cmd.args([
            "fuzz",
            "run",
            target,
            "--",
            &format!("-max_total_time={seconds}"),
        ])
        .env("RUSTC_BOOTSTRAP", "1")
        .current_dir(&fuzz_dir)
        .stderr(std::process::Stdio::piped());
        eprintln!("$ {}", describe(&cmd));
        let mut child = cmd
            .spawn()
            .map_err(|e| format!("could not start cargo fuzz run {target}: {e}"))?;
        // libFuzzer reports on stderr; pass it on, and keep its last words.
        let mut runs = None;
        if let Some(stderr) = child.stderr.take() {
            use std::io::BufRead;
            for line in std::io::BufReader::new(stderr)
                .lines()
                .map_while(|l| l.ok())
            {
                eprintln!("{line}");
                if let Some(n) = fuzz_runs(&line) {
                    runs = Some(n);
                }
            }
        }
        let status = child
            .wait()
            .map_err(|e| format!("cargo fuzz run {target}: {e}"))?;
        let crashes = usize::from(!status.success());
        if crashes > 0 {
            failed.push(target.to_string());
        }
        rows.push((target.to_string(), runs, crashes));
    }
    let today = dist::today_iso();
    println!("\n| target | seconds | inputs tried | crashes | date |\n| --- | ---: | ---: | ---: | --- |");
    let table: Vec<String> = rows
        .iter()
        .map(|(target, runs, crashes)| {
            format!(
                "| `{target}` | {seconds} | {} | {crashes} | {today} |",
                runs.map_or("?".to_string(), |n| n.to_string())
            )
        })
        .collect();
    for row in &table {
        println!("{row}");
    }
    if record {
        let path = fuzz_dir.join("README.md");
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let updated = replace_block(
            &text,
            "<!-- fuzz:begin -->",
            "<!-- fuzz:end -->",
            &format!(
                "| target | seconds | inputs tried | crashes | date |\n| --- | ---: | ---: | ---: | --- |\n{}\n",
                table.join("\n")
            ),
        )?;
        std::fs::write(&path, updated).map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!("fuzz: recorded in fuzz/README.md");
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "a crash in {} (the input is under fuzz/artifacts/; see fuzz/README.md)",
            failed.join(", ")
        ))
    }
}

/// libFuzzer's last line, "Done 158845 runs in 150 second(s)": the runs.
fn fuzz_runs(line: &str) -> Option<u64> {
    line.strip_prefix("Done ")?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// `text` with what lies between the lines `begin` and `end` replaced.
fn replace_block(text: &str, begin: &str, end: &str, with: &str) -> Result<String> {
    let (Some(b), Some(e)) = (text.find(begin), text.find(end)) else {
        return Err(format!("no {begin} … {end} block to write into"));
    };
    if e < b {
        return Err(format!("{end} comes before {begin}"));
    }
    Ok(format!("{}{begin}\n{with}{}", &text[..b], &text[e..]))
}

fn flag_value<'a>(args: &'a [String], flag: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libfuzzers_last_line_gives_the_runs() {
        assert_eq!(
            fuzz_runs("Done 158845 runs in 150 second(s)"),
            Some(158_845)
        );
        assert_eq!(fuzz_runs("#1024 pulse cov: 12"), None);
    }

    #[test]
    fn a_block_is_replaced_between_its_markers() {
        let text = "a\n<!-- x -->\nold\n<!-- y -->\nb\n";
        assert_eq!(
            replace_block(text, "<!-- x -->", "<!-- y -->", "new\n").unwrap(),
            "a\n<!-- x -->\nnew\n<!-- y -->\nb\n"
        );
        assert!(replace_block("no markers", "<!-- x -->", "<!-- y -->", "").is_err());
    }
}
