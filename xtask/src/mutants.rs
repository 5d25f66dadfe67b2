//! `cargo xtask mutants`: mutation testing with cargo-mutants
//! (<https://mutants.rs>). Each mutant is a small change to the code (a
//! condition flipped, a function's body replaced by a default); a mutant
//! the tests do not notice ("missed") is behaviour no test holds.
//!
//! ```text
//! cargo xtask mutants                      the core, the post reader and the CLI
//! cargo xtask mutants crates/openings-core/src/links.rs    one file
//! cargo xtask mutants crates/openings-core/src/feeds       one module (a folder)
//! cargo xtask mutants --diff [REV]         what changed since REV (default HEAD)
//! cargo xtask mutants … --record           and write the figures into tests/MUTANTS.md
//! ```
//!
//! Not part of `cargo xtask test`: a mutant takes 5–10 s here (a build and
//! a test run of its package), and the core has over two thousand.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::{cargo, root, run, Result};

/// The packages a run without a path examines.
const PACKAGES: [&str; 3] = ["openings-core", "openings-posts", "openings-cli"];

pub fn mutants(args: &[String]) -> Result {
    crate::setup::cargo_mutants()?;
    let record = args.iter().any(|a| a == "--record");
    let mut paths: Vec<&str> = Vec::new();
    let mut diff_base: Option<String> = None;
    let mut rest = args.iter().peekable();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--record" => {}
            "--diff" => {
                let base = match rest.peek() {
                    Some(next) if !next.starts_with("--") && !Path::new(next.as_str()).exists() => {
                        rest.next().cloned()
                    }
                    _ => None,
                };
                diff_base = Some(base.unwrap_or_else(|| "HEAD".into()));
            }
            flag if flag.starts_with("--") => {
                return Err(format!(
                    "mutants: unknown flag {flag} (give paths, --diff [REV], --record)"
                ))
            }
            path => paths.push(path),
        }
    }

    // One folder per kind of run, so that two runs at once do not meet.
    let name: String = if diff_base.is_some() {
        "diff".into()
    } else if paths.is_empty() {
        "all".into()
    } else {
        paths
            .iter()
            .map(|p| p.trim_start_matches("crates/").replace(['/', '.'], "_"))
            .collect::<Vec<_>>()
            .join("+")
            .chars()
            .take(120)
            .collect()
    };
    let out = root().join("target/mutants").join(name);
    // cargo-mutants makes its output folder but not the folders above it
    // (a fresh checkout has no target/mutants).
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut cmd = cargo();
    cmd.args(["mutants", "--no-times", "-o"]).arg(&out);
    if paths.is_empty() {
        for package in PACKAGES {
            cmd.args(["-p", package]);
        }
    } else {
        cmd.arg("--workspace");
        for path in &paths {
            let full = root().join(path);
            if !full.exists() {
                return Err(format!("mutants: {path} does not exist"));
            }
            let glob = if full.is_dir() {
                format!("{}/**/*.rs", path.trim_end_matches('/'))
            } else {
                (*path).to_string()
            };
            cmd.args(["-f", &glob]);
        }
    }
    if let Some(base) = &diff_base {
        let diff = Command::new("git")
            .args(["diff", base, "--", "crates"])
            .current_dir(root())
            .output()
            .map_err(|e| format!("could not run git diff: {e}"))?;
        if !diff.status.success() {
            return Err(format!(
                "git diff {base} failed: {}",
                String::from_utf8_lossy(&diff.stderr).trim()
            ));
        }
        if diff.stdout.is_empty() {
            eprintln!("mutants: nothing under crates/ changed since {base}");
            return Ok(());
        }
        let file = out.join("change.diff");
        std::fs::write(&file, &diff.stdout).map_err(|e| format!("{}: {e}", file.display()))?;
        cmd.arg("--in-diff").arg(&file);
        if paths.is_empty() {
            // A diff may touch any package of the workspace.
            cmd.arg("--workspace");
        }
    }
    // The commit the mutants are made from: the tree as it is now (a run
    // takes long, and commits may come while it runs).
    let commit = commit_now();
    // cargo-mutants exits 2 when a mutant is missed, 3 on a timeout: the
    // figures say which, below.
    let ran = run(&mut cmd);
    let outcomes = out.join("mutants.out/outcomes.json");
    let text = std::fs::read_to_string(&outcomes).map_err(|e| {
        format!(
            "{}: {e}{}",
            outcomes.display(),
            ran.as_ref()
                .err()
                .map_or(String::new(), |r| format!(" ({r})"))
        )
    })?;
    let files = tally(&text)?;
    let table = table(&files);
    println!("\n{table}");
    let missed: Vec<&String> = files.values().flat_map(|f| &f.missed_names).collect();
    if !missed.is_empty() {
        println!("Missed:");
        for name in &missed {
            println!("  {name}");
        }
    }
    if record {
        // The command a reader reruns, with the commit it ran on.
        let asked: Vec<&str> = args
            .iter()
            .map(String::as_str)
            .filter(|a| *a != "--record")
            .collect();
        let command = format!("cargo xtask mutants {}", asked.join(" "));
        record_in_book(&files, &command, &commit)?;
    }
    if missed.is_empty() {
        Ok(())
    } else {
        Err(format!("{} mutant(s) missed", missed.len()))
    }
}

/// HEAD, and whether the code under `crates/` differs from it (cargo-mutants
/// copies the tree as it is, uncommitted changes and all).
fn commit_now() -> String {
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(root())
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    let Some(head) = git(&["rev-parse", "--short", "HEAD"]).filter(|c| !c.is_empty()) else {
        return "?".into();
    };
    match git(&["status", "--porcelain", "--", "crates"]) {
        Some(changes) if !changes.is_empty() => format!("{head} and uncommitted changes"),
        _ => head,
    }
}

/// What cargo-mutants found in one file.
#[derive(Debug, Default, PartialEq)]
struct FileTally {
    caught: usize,
    missed: usize,
    unviable: usize,
    timeout: usize,
    missed_names: Vec<String>,
}

/// The outcomes of `outcomes.json`, per file.
fn tally(outcomes_json: &str) -> Result<BTreeMap<String, FileTally>> {
    let value: serde_json::Value = serde_json::from_str(outcomes_json)
        .map_err(|e| format!("outcomes.json is not JSON: {e}"))?;
    let mut files: BTreeMap<String, FileTally> = BTreeMap::new();
    for outcome in value["outcomes"].as_array().into_iter().flatten() {
        let mutant = &outcome["scenario"]["Mutant"];
        let Some(file) = mutant["file"].as_str() else {
            continue; // the baseline
        };
        let tally = files.entry(file.to_string()).or_default();
        match outcome["summary"].as_str().unwrap_or("") {
            "CaughtMutant" => tally.caught += 1,
            "MissedMutant" => {
                tally.missed += 1;
                tally
                    .missed_names
                    .push(mutant["name"].as_str().unwrap_or("?").to_string());
            }
            "Unviable" => tally.unviable += 1,
            "Timeout" => tally.timeout += 1,
            other => return Err(format!("outcomes.json: unknown outcome {other:?}")),
        }
    }
    Ok(files)
}

const TABLE_HEAD: &str =
    "| file | mutants | caught | missed | unviable | timed out |\n| --- | ---: | ---: | ---: | ---: | ---: |";

fn row(file: &str, t: &FileTally) -> String {
    format!(
        "| `{file}` | {} | {} | {} | {} | {} |",
        t.caught + t.missed + t.unviable + t.timeout,
        t.caught,
        t.missed,
        t.unviable,
        t.timeout
    )
}

fn table(files: &BTreeMap<String, FileTally>) -> String {
    let mut out = String::from(TABLE_HEAD);
    for (file, t) in files {
        out.push('\n');
        out.push_str(&row(file, t));
    }
    out
}

/// Writes this run's rows into the table of tests/MUTANTS.md, each file's
/// row replaced or added, with the date and the command of the run.
fn record_in_book(files: &BTreeMap<String, FileTally>, command: &str, commit: &str) -> Result {
    let path = root().join("tests/MUTANTS.md");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let today = crate::dist::today_iso();
    let updated = merge_rows(&text, files, &today, command, commit)?;
    std::fs::write(&path, updated).map_err(|e| format!("{}: {e}", path.display()))?;
    eprintln!("mutants: recorded in tests/MUTANTS.md");
    Ok(())
}

/// `book` with the rows of `files` in its table (between the lines
/// `<!-- mutants:begin -->` and `<!-- mutants:end -->`), sorted by file;
/// each row ends with the date of its run, and the runs' commands are listed
/// under the table.
fn merge_rows(
    book: &str,
    files: &BTreeMap<String, FileTally>,
    date: &str,
    command: &str,
    commit: &str,
) -> Result<String> {
    const BEGIN: &str = "<!-- mutants:begin -->";
    const END: &str = "<!-- mutants:end -->";
    let (Some(begin), Some(end)) = (book.find(BEGIN), book.find(END)) else {
        return Err(format!(
            "tests/MUTANTS.md has no {BEGIN} … {END} block to write into"
        ));
    };
    let inside = &book[begin + BEGIN.len()..end];
    let mut rows: BTreeMap<String, String> = BTreeMap::new();
    for line in inside.lines() {
        if let Some(file) = line
            .strip_prefix("| `")
            .and_then(|l| l.split_once('`'))
            .map(|(f, _)| f.to_string())
        {
            rows.insert(file, line.to_string());
        }
    }
    for (file, t) in files {
        rows.insert(file.clone(), format!("{} {date} |", row(file, t)));
    }
    let mut block = format!(
        "{BEGIN}\n{} date |\n{} --- |\n",
        TABLE_HEAD.lines().next().unwrap_or(""),
        TABLE_HEAD.lines().nth(1).unwrap_or("")
    );
    for line in rows.values() {
        block.push_str(line);
        block.push('\n');
    }
    let mut out = String::new();
    out.push_str(&book[..begin]);
    out.push_str(&block);
    out.push_str(&book[end..]);
    // The command of this run, once, in the list after the table.
    let entry = format!("- {date}: `{command}` on {commit}");
    if !out.contains(&entry) {
        const RUNS: &str = "<!-- mutants:runs -->";
        match out.find(RUNS) {
            Some(at) => out.insert_str(at + RUNS.len(), &format!("\n{entry}")),
            None => out.push_str(&format!("\n{RUNS}\n{entry}\n")),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUTCOMES: &str = r#"{"outcomes": [
        {"scenario": "Baseline", "summary": "Success"},
        {"scenario": {"Mutant": {"name": "a.rs:1:1: replace f with ()", "file": "a.rs"}}, "summary": "CaughtMutant"},
        {"scenario": {"Mutant": {"name": "a.rs:2:1: replace > with >=", "file": "a.rs"}}, "summary": "MissedMutant"},
        {"scenario": {"Mutant": {"name": "b.rs:3:1: replace g -> u8 with 0", "file": "b.rs"}}, "summary": "Unviable"},
        {"scenario": {"Mutant": {"name": "b.rs:4:1: replace h with ()", "file": "b.rs"}}, "summary": "Timeout"}
    ]}"#;

    #[test]
    fn outcomes_are_counted_per_file_and_missed_mutants_named() {
        let files = tally(OUTCOMES).unwrap();
        assert_eq!(
            files["a.rs"],
            FileTally {
                caught: 1,
                missed: 1,
                unviable: 0,
                timeout: 0,
                missed_names: vec!["a.rs:2:1: replace > with >=".into()],
            }
        );
        assert_eq!((files["b.rs"].unviable, files["b.rs"].timeout), (1, 1));
        assert!(tally(
            r#"{"outcomes": [{"scenario": {"Mutant": {"file": "c.rs"}}, "summary": "Odd"}]}"#
        )
        .is_err());
    }

    #[test]
    fn a_run_replaces_its_files_rows_and_keeps_the_others() {
        let book = "# Mutants\n\n<!-- mutants:begin -->\n| file | … |\n| --- | … |\n| `a.rs` | 9 | 9 | 0 | 0 | 0 | 2031-01-01 |\n| `z.rs` | 1 | 1 | 0 | 0 | 0 | 2031-01-01 |\n<!-- mutants:end -->\n\nRuns:\n<!-- mutants:runs -->\n- 2031-01-01: `cargo mutants -p x`\n";
        let files = tally(OUTCOMES).unwrap();
        let out = merge_rows(
            book,
            &files,
            "2031-02-02",
            "cargo mutants -f a.rs",
            "abc1234",
        )
        .unwrap();
        assert!(out.contains("| `a.rs` | 2 | 1 | 1 | 0 | 0 | 2031-02-02 |\n| `b.rs` | 2 | 0 | 0 | 1 | 1 | 2031-02-02 |\n| `z.rs` | 1 | 1 | 0 | 0 | 0 | 2031-01-01 |\n<!-- mutants:end -->"), "{out}");
        assert!(!out.contains("| `a.rs` | 9"), "{out}");
        assert!(out.contains("<!-- mutants:runs -->\n- 2031-02-02: `cargo mutants -f a.rs` on abc1234\n- 2031-01-01: `cargo mutants -p x`"), "{out}");
        assert_eq!(
            merge_rows(
                &out,
                &files,
                "2031-02-02",
                "cargo mutants -f a.rs",
                "abc1234"
            )
            .unwrap(),
            out,
            "the same run twice"
        );
        assert!(merge_rows("no block", &files, "d", "c", "e").is_err());
    }
}
