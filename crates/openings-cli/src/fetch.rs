//! Reading feeds: files from disk, http(s) URLs fetched concurrently by a
//! bounded pool of threads with a timeout per URL, and a cache of the last
//! good copy of each URL for when it fails. One dead URL never loses the
//! others: each input ends as its text or as the reason it could not be read.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use openings_core::feeds::split_format_prefix;
use openings_core::{FeedFormat, Timestamp};

use crate::cli::FetchArgs;
use crate::report::say;

/// One feed named on the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// As the user wrote it, for messages.
    pub given: String,
    /// The format the user named with a prefix, if any.
    pub format: Option<FeedFormat>,
    /// The file path or URL.
    pub location: String,
}

impl Input {
    pub fn parse(given: &str) -> Input {
        let (format, location) = split_format_prefix(given);
        Input {
            given: given.to_string(),
            format,
            location: location.to_string(),
        }
    }

    pub fn is_url(&self) -> bool {
        let lower = self.location.to_ascii_lowercase();
        lower.starts_with("http://") || lower.starts_with("https://")
    }
}

/// An input, read (or not).
#[derive(Debug)]
pub struct Loaded {
    pub input: Input,
    pub outcome: Result<Text, String>,
}

/// A feed's text, and whether it is a cached copy standing in for a failure.
#[derive(Debug)]
pub struct Text {
    pub body: String,
    /// Why the URL failed, when this is the cached copy instead.
    pub stale: Option<Stale>,
}

#[derive(Debug)]
pub struct Stale {
    pub failure: String,
    /// When the copy was saved.
    pub saved: Option<Timestamp>,
}

/// Reads every input, URLs concurrently (at most `jobs` at once), keeping
/// the order of the command line. Progress goes to standard error when
/// there are more than three URLs.
pub fn load_all(args: &FetchArgs) -> Vec<Loaded> {
    let inputs: Vec<Input> = args.feeds.iter().map(|f| Input::parse(f)).collect();
    let urls = inputs.iter().filter(|i| i.is_url()).count();
    let show_progress = urls > 3 && !args.quiet;
    let agent = agent(Duration::from_secs(args.timeout.max(1)));
    let max_bytes = args.max_mb.saturating_mul(1_000_000);
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<Loaded>>> = inputs.iter().map(|_| Mutex::new(None)).collect();
    let workers = usize::from(args.jobs).clamp(1, inputs.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(input) = inputs.get(i) else {
                    break;
                };
                let outcome = if input.is_url() {
                    fetch_url(&agent, &input.location, max_bytes, args.cache.as_deref())
                } else {
                    read_file(&input.location, max_bytes)
                };
                let outcome = outcome.map(|text| page_data(text, &input.given));
                if show_progress && input.is_url() {
                    let n = done.fetch_add(1, Ordering::SeqCst) + 1;
                    let state = match &outcome {
                        Ok(Text { stale: None, .. }) => "ok",
                        Ok(Text { stale: Some(_), .. }) => "failed, using cached copy",
                        Err(_) => "failed",
                    };
                    say(&format!("[{n}/{urls}] {state}: {}", input.location));
                }
                if let Some(slot) = results.get(i) {
                    if let Ok(mut slot) = slot.lock() {
                        *slot = Some(Loaded {
                            input: input.clone(),
                            outcome,
                        });
                    }
                }
            });
        }
    });
    results
        .into_iter()
        .zip(inputs)
        .map(|(slot, input)| {
            slot.into_inner().ok().flatten().unwrap_or(Loaded {
                input,
                outcome: Err("it was never read (internal error)".into()),
            })
        })
        .collect()
}

fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .user_agent(concat!("openings/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}

/// A web page (an institution's career page, a job's own page) read as
/// the structured data it carries: its `<script type="application/ld+json">`
/// blocks, as one JSON list, said so. A block that is not JSON is said and
/// passed over. Anything else is left as it is.
fn page_data(text: Text, given: &str) -> Text {
    let body = text.body.trim_start_matches('\u{feff}').trim_start();
    if !body.starts_with('<') {
        return text;
    }
    let blocks = openings_core::rich_text::json_ld_blocks(body);
    if blocks.is_empty() {
        say(&format!(
            "{given}: a web page with no structured data (no <script type=\"application/ld+json\">): \
             publish its JobPostings there, or give the feed itself"
        ));
        return text;
    }
    let mut data = Vec::new();
    for (n, block) in blocks.iter().enumerate() {
        match serde_json::from_str::<serde_json::Value>(block) {
            // One graph of every block's nodes: a posting may name its
            // organization by `@id` in another block.
            Ok(serde_json::Value::Array(nodes)) => data.extend(nodes),
            Ok(mut value) => match value.get_mut("@graph").map(serde_json::Value::take) {
                Some(serde_json::Value::Array(nodes)) => data.extend(nodes),
                _ => data.push(value),
            },
            Err(e) => say(&format!(
                "{given}: the page's JSON-LD block {} of {} is not JSON ({e}): passed over",
                n + 1,
                blocks.len()
            )),
        }
    }
    say(&format!(
        "{given}: a web page: reading the JobPostings of its {} JSON-LD block(s)",
        blocks.len()
    ));
    let graph = serde_json::json!({"@context": "https://schema.org", "@graph": data});
    Text {
        body: graph.to_string(),
        stale: text.stale,
    }
}

fn read_file(path: &str, max_bytes: usize) -> Result<Text, String> {
    let bytes = read_bounded(Path::new(path), max_bytes).map_err(|e| match e {
        FileError::TooLarge => too_large(max_bytes),
        other => other.to_string(),
    })?;
    let body = String::from_utf8(bytes).map_err(|_| "the file is not UTF-8 text".to_string())?;
    Ok(Text { body, stale: None })
}

/// Why a file could not be read.
#[derive(Debug)]
pub enum FileError {
    NotFound,
    /// A folder, a device such as `/dev/zero`, a FIFO or a socket: nothing
    /// a feed or a post is, and reading one may never end.
    NotAFile,
    TooLarge,
    Io(std::io::Error),
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileError::NotFound => f.write_str("no such file"),
            FileError::NotAFile => f.write_str("it is not a regular file"),
            FileError::TooLarge => f.write_str("it is too large"),
            FileError::Io(e) => e.fmt(f),
        }
    }
}

/// The bytes of a regular file, at most `max_bytes` of them: the size is
/// checked before reading, and the read itself stops past the limit, so a
/// file that grows (or lies about its size) is never read whole.
pub fn read_bounded(path: &Path, max_bytes: usize) -> Result<Vec<u8>, FileError> {
    use std::io::Read;
    let io = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => FileError::NotFound,
        _ => FileError::Io(e),
    };
    // Asked before opening: opening a FIFO waits for a writer.
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(FileError::NotAFile);
    }
    if meta.len() > max_bytes as u64 {
        return Err(FileError::TooLarge);
    }
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max_bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > max_bytes {
        return Err(FileError::TooLarge);
    }
    Ok(bytes)
}

fn too_large(max_bytes: usize) -> String {
    format!(
        "the feed is over the limit of {} MB (see --max-mb)",
        max_bytes / 1_000_000
    )
}

fn fetch_url(
    agent: &ureq::Agent,
    url: &str,
    max_bytes: usize,
    cache: Option<&Path>,
) -> Result<Text, String> {
    match get(agent, url, max_bytes) {
        Ok(body) => {
            if let Some(dir) = cache {
                if let Err(e) = save_copy(dir, url, &body) {
                    say(&format!("cannot keep a copy of {url} in the cache: {e}"));
                }
            }
            Ok(Text { body, stale: None })
        }
        Err(failure) => match cache.and_then(|dir| cached_copy(dir, url, max_bytes)) {
            Some((body, saved)) => Ok(Text {
                body,
                stale: Some(Stale { failure, saved }),
            }),
            None => Err(failure),
        },
    }
}

fn get(agent: &ureq::Agent, url: &str, max_bytes: usize) -> Result<String, String> {
    let mut response = agent
        .get(url)
        .header(
            "Accept",
            "application/ld+json, application/json;q=0.9, */*;q=0.1",
        )
        .call()
        .map_err(|e| describe(&e, agent))?;
    response
        .body_mut()
        .with_config()
        .limit(max_bytes as u64)
        .read_to_string()
        .map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => too_large(max_bytes),
            other => describe(&other, agent),
        })
}

/// The failure in a site editor's words.
fn describe(e: &ureq::Error, agent: &ureq::Agent) -> String {
    match e {
        ureq::Error::StatusCode(code) => format!("the server answered HTTP {code}"),
        ureq::Error::Timeout(_) => format!(
            "no complete answer within {} s (see --timeout)",
            agent.config().timeouts().global.map_or(0, |t| t.as_secs())
        ),
        ureq::Error::HostNotFound => "the host name was not found".into(),
        ureq::Error::ConnectionFailed => "the connection was refused or failed".into(),
        ureq::Error::Io(io) => format!("the connection failed ({io})"),
        other => other.to_string(),
    }
}

/// The cache file of a URL: readable name, plus a hash so that two URLs
/// never share a file.
fn cache_path(dir: &Path, url: &str) -> PathBuf {
    let readable: String = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .take(80)
        .collect();
    // FNV-1a: stable across runs and platforms.
    let hash = url.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    dir.join(format!("{readable}-{hash:016x}.feed"))
}

fn save_copy(dir: &Path, url: &str, body: &str) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let path = cache_path(dir, url);
    let tmp = path.with_extension("partial");
    std::fs::write(&tmp, body)?;
    std::fs::rename(&tmp, &path)
}

fn cached_copy(dir: &Path, url: &str, max_bytes: usize) -> Option<(String, Option<Timestamp>)> {
    let path = cache_path(dir, url);
    let body = String::from_utf8(read_bounded(&path, max_bytes).ok()?).ok()?;
    let saved = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .and_then(|d| i64::try_from(d.as_millis()).ok())
        .map(Timestamp);
    Some((body, saved))
}

/// Now, for expiry and dates in the output.
pub fn now() -> Timestamp {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .ok()
        .and_then(|d| i64::try_from(d.as_millis()).ok())
        .map_or(Timestamp(0), Timestamp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_format_prefix_names_the_format_and_keeps_the_url() {
        let input = Input::parse("lever:https://api.example.com/v0/postings/x");
        assert_eq!(input.format, Some(FeedFormat::Lever));
        assert_eq!(input.location, "https://api.example.com/v0/postings/x");
        assert!(input.is_url());
        assert!(!Input::parse("feeds/a.json").is_url());
    }

    #[test]
    fn only_regular_files_are_read_and_never_past_the_limit() {
        let dir = std::env::temp_dir().join(format!("openings-read-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("feed.json");
        std::fs::write(&file, "[1234567890]").unwrap();
        assert_eq!(read_bounded(&file, 12).unwrap(), b"[1234567890]");
        assert!(matches!(read_bounded(&file, 11), Err(FileError::TooLarge)));
        assert!(matches!(
            read_bounded(&dir, 1 << 20),
            Err(FileError::NotAFile)
        ));
        assert!(matches!(
            read_bounded(&dir.join("missing.json"), 10),
            Err(FileError::NotFound)
        ));
        // A device that never ends, and a FIFO that would wait for a writer.
        assert!(matches!(
            read_bounded(Path::new("/dev/zero"), 1 << 20),
            Err(FileError::NotAFile)
        ));
        let fifo = dir.join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert!(matches!(
                read_bounded(&fifo, 1 << 20),
                Err(FileError::NotAFile)
            ));
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn two_urls_never_share_a_cache_file() {
        let dir = Path::new("/c");
        assert_ne!(
            cache_path(dir, "https://a.example/x?y=1"),
            cache_path(dir, "https://a.example/x?y=2")
        );
    }
}
