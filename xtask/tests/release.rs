//! The release workflow (`.github/workflows/release.yml`) can only run on
//! GitHub; what can be checked here is: it parses, it runs on version tags,
//! and every command it runs is one the README documents (or a plain tool:
//! apt, zip, npm publish, gh release).

#![allow(clippy::unwrap_used)]

use yaml_rust2::{Yaml, YamlLoader};

fn repo() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The project's own commands a workflow may run; each must be in the README.
const DOCUMENTED: [&str; 3] = [
    ".ci/run",
    "cargo xtask package",
    "cargo build --release --locked -p openings-cli",
];

/// Tools of the runner, not the project's.
const TOOLS: [&str; 9] = [
    "sudo apt-get",
    "cd target/package/openings-board && zip",
    "npm publish",
    "gh release create",
    "for dir in",
    "target=",
    "for bin in",
    "mv ",
    "done",
];

#[test]
fn the_release_workflow_parses_and_runs_only_documented_commands() {
    let text = std::fs::read_to_string(repo().join(".github/workflows/release.yml")).unwrap();
    let docs = YamlLoader::load_from_str(&text).unwrap();
    let doc = &docs[0];
    assert_eq!(doc["on"]["push"]["tags"][0].as_str(), Some("v*"));
    let jobs = doc["jobs"].as_hash().unwrap();
    for job in ["test", "package", "cli", "publish"] {
        assert!(jobs.contains_key(&Yaml::String(job.into())), "a {job} job");
    }
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    for command in DOCUMENTED {
        assert!(readme.contains(command), "the README documents `{command}`");
    }
    let mut runs = 0;
    for (_, job) in jobs {
        for step in job["steps"].as_vec().unwrap() {
            let Some(script) = step["run"].as_str() else {
                continue;
            };
            for line in script.lines().map(str::trim).filter(|l| !l.is_empty()) {
                runs += 1;
                assert!(
                    DOCUMENTED.iter().chain(&TOOLS).any(|c| line.starts_with(c)),
                    "an undocumented command in the release workflow: {line}"
                );
            }
        }
    }
    assert!(runs >= 6, "{runs} commands");
    // The npm token comes from a secret, never from the file.
    assert!(text.contains("NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}"));
}
