//! `cargo xtask`: the project's automation, in Rust, so that a newcomer needs
//! nothing but cargo. Each command installs what it is missing first (see
//! `setup.rs`), or says exactly what to install where it cannot.
//!
//! ```text
//! cargo xtask demo     build the release board and serve the demo on 127.0.0.1
//! cargo xtask test     every test: format, lints, host, components, end to end
//! cargo xtask dist     the release build in dist/ (sizes and the SRI hash printed)
//! cargo xtask bench    bytes, first paint, search latency and memory vs. List.js
//! cargo xtask fuzz     run each fuzz target for a bounded time (not in CI)
//! cargo xtask setup    install the tools the other commands need
//! ```

mod dist;
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
  bench             measure bytes, time to first opening, search latency and memory
  fuzz [SECONDS]    run every fuzz target for SECONDS each (default 60); not part of `test`
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
        step("release build", &|| dist::build().map(|_| ()))?;
        step("end-to-end tests (Playwright, headless Chromium)", &|| {
            let mut cmd = Command::new("node");
            cmd.args(["--test", "--test-concurrency=1"])
                .current_dir(root().join("tests/e2e"));
            cmd.env("DIST", root().join("dist"));
            cmd.env("CHROMIUM", setup::CHROMIUM);
            run(&mut cmd)
        })?;
    }
    eprintln!("\nAll tests passed in {:.0?}:", started.elapsed());
    for (name, took) in &steps {
        eprintln!("  {took:>8.1?}  {name}");
    }
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
    let seconds: u64 = match args.first() {
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
    for target in targets.lines().map(str::trim).filter(|t| !t.is_empty()) {
        run(Command::new("cargo")
            .args([
                "fuzz",
                "run",
                target,
                "--",
                &format!("-max_total_time={seconds}"),
            ])
            .env("RUSTC_BOOTSTRAP", "1")
            .current_dir(&fuzz_dir))?;
    }
    Ok(())
}

fn flag_value<'a>(args: &'a [String], flag: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}
