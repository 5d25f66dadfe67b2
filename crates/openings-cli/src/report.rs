//! How the tool ends and speaks: the stable exit codes, messages on
//! standard error (always prefixed `openings:`), and writing the output
//! file whole or not at all.

use std::io::Write;
use std::path::Path;

/// The exit codes, which scripts and CI workflows may rely on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// Everything was read; nothing is wrong.
    Ok = 0,
    /// Feed problems: validation errors, a feed or post that could not be read.
    Problems = 1,
    /// The command line itself is wrong (clap uses the same code).
    Usage = 2,
    /// No input could be read at all; nothing was written.
    Unreadable = 3,
}

impl Exit {
    pub fn code(self) -> u8 {
        self as u8
    }
}

/// A problem or a note, on standard error.
pub fn say(message: &str) {
    eprintln!("openings: {message}");
}

/// Writes the output to `path` (through a temporary file renamed into
/// place, so a published file is never half-written), or to standard output.
pub fn write_output(path: Option<&Path>, text: &str) -> Result<(), String> {
    match path {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| format!("cannot write to standard output: {e}"))
        }
        Some(path) => {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "output".into());
            let tmp = path.with_file_name(format!(".{name}.partial"));
            std::fs::write(&tmp, text)
                .and_then(|()| std::fs::rename(&tmp, path))
                .map_err(|e| {
                    let _ = std::fs::remove_file(&tmp);
                    format!("cannot write {}: {e}", path.display())
                })
        }
    }
}
