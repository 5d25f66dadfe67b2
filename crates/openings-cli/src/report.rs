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
    eprintln!("openings: {}", printable(message));
}

/// A line of a report, on standard output.
pub fn line(text: &str) {
    println!("{}", printable(text));
}

/// Text made safe to print to a terminal. Feed titles, file names and
/// server messages are anybody's: an escape sequence in one could move the
/// cursor, rewrite earlier lines or fake an "ok", and a newline or a
/// right-to-left override could make a line say something else (the
/// core's one escaper of hidden characters).
pub use openings_core::text::printable;

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
        // A device or a pipe (`-o /dev/stdout`) is written to as it is:
        // renaming a file over it would replace it.
        Some(path) if path.exists() && !path.is_file() => {
            std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
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
