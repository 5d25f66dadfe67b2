//! Reading a feed as its bytes arrive. [`FeedReader`] takes the body in
//! chunks and hands out openings as soon as the entries holding them are
//! complete, so a board can show the first openings of a large feed before
//! the rest has arrived, and never holds the whole body, nor the whole
//! document decoded, at once: only the entries not yet mapped.
//!
//! The feed's list of entries (a top-level array, or the `itemListElement`,
//! `jobs`, `offers`, `content` or `items` array of a top-level object) is cut
//! into entries by [`Splitter`], a small state machine over the JSON's bytes;
//! each entry is decoded on its own and mapped by the format's adapter. The
//! rest of the document (the "skeleton": the top-level object with that list
//! left empty) is kept and decoded whole. A document with no such list (one
//! `JobPosting`, a `@graph` whose nodes refer to each other) is read whole,
//! at the end, exactly as before.

use serde_json::Value;

use crate::dates::Timestamp;
use crate::feeds::values::Entry;
use crate::feeds::{
    describe_shape, detect, Context, FeedError, FeedFormat, Noted, ParsedFeed, MAX_ENTRIES,
};
use crate::model::Opening;

/// Keys of a top-level object whose array value is the feed's list of entries.
const LIST_KEYS: [&str; 5] = ["itemListElement", "jobs", "offers", "content", "items"];

/// JSON nested deeper than this is refused (serde_json's own limit).
const MAX_DEPTH: usize = 128;

/// The UTF-8 byte order mark some servers put before a feed.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Bytes split between two batches of mapping (64 KiB).
const BATCH_BYTES: usize = 65_536;

/// Entries looked at to detect the format before the body has fully arrived.
const DETECT_AFTER: usize = 16;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Root {
    /// Nothing but whitespace yet.
    Unknown,
    List,
    Object,
    /// A string, a number… (never a feed; decoded whole to say what it is).
    Scalar,
}

/// Where the splitter stands between two entries of the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Between {
    /// Right after `[`: an entry or `]`.
    Start,
    /// After a `,`: an entry.
    Comma,
    /// After an entry: `,` or `]`.
    Entry,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum List {
    /// No list found (yet).
    None,
    /// Inside the list; its entries start at this depth.
    Open(usize),
    /// The list has ended.
    Closed,
}

/// Where the splitter is in the JSON's text: in code, in a string, or just
/// after a backslash in a string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scan {
    Code,
    String,
    Escape,
}

/// The entry of the list being read.
#[derive(Debug)]
struct Item {
    bytes: Vec<u8>,
    /// A bare value (a string, a number…), which ends at the list's own `,`
    /// or `]`, not at a bracket of its own.
    bare: bool,
}

/// A key of the top-level object: none expected (a value is being read),
/// one expected (after `{` or `,`), or one being read, with its bytes so far.
#[derive(Debug)]
enum Key {
    Idle,
    Expected,
    Reading(Vec<u8>),
}

/// Cuts a JSON document into its list's entries and the rest.
#[derive(Debug)]
struct Splitter {
    depth: usize,
    scan: Scan,
    root: Root,
    list: List,
    /// The key of the list in the top-level object (`None` for a top-level array).
    list_key: Option<String>,
    item: Option<Item>,
    between: Between,
    /// Set when the list's entries are not separated as JSON separates them,
    /// or are nested too deeply.
    fault: Option<FeedError>,
    /// Everything outside the list's entries.
    skeleton: Vec<u8>,
    /// The skeleton as it stood when the list opened, closed so that it decodes.
    head: Option<Vec<u8>>,
    key: Key,
    /// The last key of the top-level object read, when it is plain text.
    last_key: Option<String>,
}

impl Splitter {
    fn new() -> Splitter {
        Splitter {
            depth: 0,
            scan: Scan::Code,
            root: Root::Unknown,
            list: List::None,
            list_key: None,
            item: None,
            between: Between::Start,
            fault: None,
            skeleton: Vec::new(),
            head: None,
            key: Key::Idle,
            last_key: None,
        }
    }

    /// Whether the document so far is complete: a root value, all closed.
    fn is_complete(&self) -> bool {
        self.root != Root::Unknown
            && self.depth == 0
            && self.scan == Scan::Code
            && self.item.is_none()
    }

    /// Reads `bytes`, pushing every entry completed onto `items`.
    fn feed(&mut self, bytes: &[u8], items: &mut Vec<Vec<u8>>) -> Result<(), FeedError> {
        for &b in bytes {
            if self.item.is_some() {
                if self.item_byte(b, items) {
                    continue;
                }
            } else if let List::Open(at) = self.list {
                // Between two entries: at the list's own depth, outside any
                // string (an entry ends only there).
                self.list_byte(b, at);
                continue;
            }
            self.skeleton_byte(b)?;
        }
        match self.fault.take() {
            Some(fault) => Err(fault),
            None => Ok(()),
        }
    }

    /// A byte inside an entry; false when the byte ended a bare entry and is
    /// the list's own (a `,` or the closing `]`).
    fn item_byte(&mut self, b: u8, items: &mut Vec<Vec<u8>>) -> bool {
        let Some(item) = self.item.as_mut() else {
            return false;
        };
        if self.scan != Scan::Code {
            item.bytes.push(b);
            self.string_byte(b);
            return true;
        }
        let List::Open(at) = self.list else {
            return true;
        };
        match b {
            b'"' => {
                self.scan = Scan::String;
                item.bytes.push(b);
            }
            b'{' | b'[' => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    self.fault = Some(FeedError::TooDeep);
                }
                item.bytes.push(b);
            }
            // A bare entry holds no bracket of its own (one that does is
            // broken JSON, refused when it is decoded).
            b'}' | b']' if item.bare => {
                self.end_item(items);
                // The list's own closing bracket.
                self.list_byte(b, at);
            }
            b'}' | b']' => {
                self.depth -= 1;
                item.bytes.push(b);
                if self.depth == at {
                    self.end_item(items);
                }
            }
            b',' if self.depth == at => {
                self.end_item(items);
                self.between = Between::Comma;
            }
            _ => item.bytes.push(b),
        }
        true
    }

    fn end_item(&mut self, items: &mut Vec<Vec<u8>>) {
        if let Some(item) = self.item.take() {
            items.push(item.bytes);
        }
        self.between = Between::Entry;
    }

    /// Notes a list that JSON would not accept: `[1 2]`, `[,1]`, `[1,]`.
    fn misplaced(&mut self, b: u8) {
        self.fault.get_or_insert_with(|| {
            FeedError::NotJson(format!(
                "the list of entries has a misplaced `{}`, or an entry without a comma before it",
                char::from(b)
            ))
        });
    }

    /// A byte between the list's entries: a separator, the end of the list,
    /// or the start of an entry.
    fn list_byte(&mut self, b: u8, at: usize) {
        let entry_may_start = self.between != Between::Entry;
        match b {
            b' ' | b'\t' | b'\n' | b'\r' => {}
            b',' if self.between == Between::Entry => self.between = Between::Comma,
            b',' => self.misplaced(b),
            b']' | b'}' => {
                if self.between == Between::Comma {
                    self.misplaced(b);
                }
                self.depth = at - 1;
                self.skeleton.push(b);
                self.list = List::Closed;
            }
            b'{' | b'[' => {
                if !entry_may_start {
                    self.misplaced(b);
                }
                self.depth += 1;
                self.item = Some(Item {
                    bytes: vec![b],
                    bare: false,
                });
            }
            _ => {
                if !entry_may_start {
                    self.misplaced(b);
                }
                if b == b'"' {
                    self.scan = Scan::String;
                }
                self.item = Some(Item {
                    bytes: vec![b],
                    bare: true,
                });
            }
        }
    }

    /// A byte inside a string (after its opening quote); true when it is
    /// the closing quote.
    fn string_byte(&mut self, b: u8) -> bool {
        match (self.scan, b) {
            (Scan::Escape, _) => self.scan = Scan::String,
            (_, b'\\') => self.scan = Scan::Escape,
            (_, b'"') => {
                self.scan = Scan::Code;
                return true;
            }
            _ => {}
        }
        false
    }

    /// A byte outside the list's entries: kept in the skeleton.
    fn skeleton_byte(&mut self, b: u8) -> Result<(), FeedError> {
        if self.scan != Scan::Code {
            self.skeleton.push(b);
            if let Key::Reading(key) = &mut self.key {
                key.push(b);
            }
            if self.string_byte(b) {
                if let Key::Reading(key) = &self.key {
                    // The list keys are plain ASCII: a key with escapes is none of them.
                    self.last_key = key
                        .get(1..key.len() - 1)
                        .filter(|k| !k.contains(&b'\\'))
                        .and_then(|k| std::str::from_utf8(k).ok())
                        .map(str::to_string);
                    self.key = Key::Idle;
                }
            }
            return Ok(());
        }
        match b {
            b' ' | b'\t' | b'\n' | b'\r' => {}
            // Until the first byte that is not white space the root is
            // unknown, and the depth 0.
            b'[' if self.root == Root::Unknown => {
                self.root = Root::List;
                self.skeleton.push(b);
                self.head = Some(b"[]".to_vec());
                self.depth = 1;
                self.list = List::Open(1);
                return Ok(());
            }
            b'[' if self.depth == 1
                && self.root == Root::Object
                && self.list == List::None
                && self
                    .last_key
                    .as_deref()
                    .is_some_and(|k| LIST_KEYS.contains(&k)) =>
            {
                let mut head = self.skeleton.clone();
                head.extend_from_slice(b"[]}");
                self.head = Some(head);
                self.list_key = self.last_key.clone();
                self.skeleton.push(b);
                self.depth = 2;
                self.list = List::Open(2);
                return Ok(());
            }
            b'{' | b'[' => {
                if self.root == Root::Unknown {
                    self.root = Root::Object;
                    self.key = Key::Expected;
                }
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(FeedError::TooDeep);
                }
            }
            b'}' | b']' => self.depth = self.depth.saturating_sub(1),
            b'"' => {
                self.scan = Scan::String;
                if self.root == Root::Unknown {
                    self.root = Root::Scalar;
                }
                // A key is expected only at the top level of the root object.
                if matches!(self.key, Key::Expected) {
                    self.key = Key::Reading(vec![b]);
                }
            }
            // At depth 1 of a root object (a root list's own commas are the
            // list's; any other root is no feed).
            b',' if self.depth == 1 => self.key = Key::Expected,
            _ => {
                if self.root == Root::Unknown {
                    self.root = Root::Scalar;
                }
            }
        }
        self.skeleton.push(b);
        Ok(())
    }
}

/// Reads one feed from its body, chunk by chunk.
///
/// ```
/// use openings_core::dates::Timestamp;
/// use openings_core::feeds::FeedReader;
///
/// let body = br#"[{"@type": "JobPosting", "title": "Archivist", "url": "https://jobs.example/1"},
///                 {"@type": "JobPosting", "title": "Curator", "url": "https://jobs.example/2"}]"#;
/// let mut reader = FeedReader::new(None, "https://jobs.example/feed.json", Timestamp(0), 1 << 20);
/// for chunk in body.chunks(40) {
///     reader.push(chunk).unwrap();
/// }
/// let feed = reader.finish().unwrap();
/// assert_eq!(feed.openings.len(), 2);
/// ```
#[derive(Debug)]
pub struct FeedReader {
    splitter: Splitter,
    format: Option<FeedFormat>,
    /// Whether the first entries have been looked at to decide whether the
    /// entries can be mapped as they come (decided once).
    decided: bool,
    /// They can: the format is known and the entries so far have its shape.
    streaming: bool,
    source: String,
    now: Timestamp,
    max_bytes: usize,
    /// Openings with no closing date posted before this are stale.
    stale_before: Option<Timestamp>,
    received: usize,
    /// The first bytes of the body, held until there are enough of them to
    /// tell a byte order mark (which a server may send split over chunks).
    lead: Option<Vec<u8>>,
    /// Complete entries not mapped yet.
    pending: Vec<Vec<u8>>,
    /// Entries that only refer to a `@graph` node (`{"@id": …}`), kept to be
    /// read with the graph when it comes after the list.
    references: Vec<Value>,
    /// Entries mapped so far: the position of the next one, less one.
    mapped: usize,
    /// The skeleton decoded, with the list empty: where each batch of entries is put.
    head: Option<Value>,
    /// What has been read: openings not yet taken, every skipped entry, the expired count.
    feed: ParsedFeed,
}

impl FeedReader {
    /// A reader for a feed from `source` in `format` (detected when `None`);
    /// openings closed before `now` are counted as expired; a body over
    /// `max_bytes` is refused.
    pub fn new(
        format: Option<FeedFormat>,
        source: &str,
        now: Timestamp,
        max_bytes: usize,
    ) -> FeedReader {
        FeedReader {
            splitter: Splitter::new(),
            format,
            decided: false,
            streaming: false,
            source: source.to_string(),
            now,
            max_bytes,
            stale_before: None,
            received: 0,
            lead: Some(Vec::new()),
            pending: Vec::new(),
            references: Vec::new(),
            mapped: 0,
            head: None,
            feed: ParsedFeed {
                format,
                ..ParsedFeed::default()
            },
        }
    }

    /// Counts openings with no closing date that were posted more than
    /// `days` days before `now` as stale ([`ParsedFeed::stale`]) instead of
    /// reading them: "open until filled" must not mean for ever. 0 (and
    /// the default) keeps them.
    pub fn with_max_age(mut self, days: u32) -> FeedReader {
        self.stale_before = (days > 0).then(|| {
            Timestamp(
                self.now
                    .0
                    .saturating_sub(i64::from(days) * crate::dates::DAY_MS),
            )
        });
        self
    }

    /// Bytes received so far.
    pub fn received(&self) -> usize {
        self.received
    }

    /// Reads the next chunk of the body, mapping every entry it completes.
    pub fn push(&mut self, bytes: &[u8]) -> Result<(), FeedError> {
        let Some(mut lead) = self.lead.take() else {
            return self.push_body(bytes);
        };
        lead.extend_from_slice(bytes);
        if lead.len() < BOM.len() && BOM.starts_with(&lead) {
            self.lead = Some(lead);
            return Ok(());
        }
        let body = lead.strip_prefix(BOM).unwrap_or(&lead);
        self.push_body(body)
    }

    /// Reads the next bytes of the body proper (its byte order mark gone).
    fn push_body(&mut self, bytes: &[u8]) -> Result<(), FeedError> {
        self.received += bytes.len();
        if self.received > self.max_bytes {
            return Err(FeedError::TooLarge {
                bytes: self.received,
                limit: self.max_bytes,
            });
        }
        // A little at a time, so that entries are mapped (and their bytes
        // freed) as they complete even when the whole body comes at once.
        for part in bytes.chunks(BATCH_BYTES) {
            self.splitter.feed(part, &mut self.pending)?;
            // Entries past the most a feed may have are not kept.
            let room = MAX_ENTRIES.saturating_sub(self.mapped);
            self.feed.cut += self.pending.len().saturating_sub(room);
            self.pending.truncate(room);
            self.map_ready()?;
        }
        Ok(())
    }

    /// Reads a whole body given in chunks: every opening, in feed order,
    /// with the skipped entries and counts.
    pub fn read<'a>(
        mut self,
        chunks: impl IntoIterator<Item = &'a [u8]>,
    ) -> Result<ParsedFeed, FeedError> {
        let mut openings = Vec::new();
        for chunk in chunks {
            self.push(chunk)?;
            openings.append(&mut self.take_openings());
        }
        let mut feed = self.finish()?;
        openings.append(&mut feed.openings);
        feed.openings = openings;
        Ok(feed)
    }

    /// How many openings have been read and not yet taken.
    pub fn openings_ready(&self) -> usize {
        self.feed.openings.len()
    }

    /// The openings read since the last call, in feed order.
    pub fn take_openings(&mut self) -> Vec<Opening> {
        std::mem::take(&mut self.feed.openings)
    }

    /// Ends the body: maps what is left and gives the rest of the feed (the
    /// openings not taken, every skipped entry, the expired count).
    pub fn finish(mut self) -> Result<ParsedFeed, FeedError> {
        if let Some(lead) = self.lead.take() {
            // A body shorter than a byte order mark.
            self.push_body(&lead)?;
        }
        if !self.splitter.is_complete() {
            return Err(self.not_json(None));
        }
        let doc: Value = match decode(&self.splitter.skeleton) {
            Ok(doc) => doc,
            Err(e) => return Err(self.not_json(Some(e))),
        };
        // The document without its list is small: kept for the notes on
        // the feed as a whole (a document with no list is not copied).
        let skeleton = (self.splitter.list != List::None).then(|| doc.clone());
        self.read_document(doc)?;
        if let (Some(format), Some(skeleton)) = (self.feed.format, skeleton) {
            // Every entry of the body: mapped, and past the most read.
            let read = self.mapped + self.feed.cut;
            self.feed.warnings = format.adapter().feed_notes(&skeleton, read);
        }
        Ok(self.feed)
    }

    /// The rest of the feed, once the whole body is in and its skeleton
    /// decoded.
    fn read_document(&mut self, doc: Value) -> Result<(), FeedError> {
        match self.splitter.list {
            List::None => {
                let format = match self.format {
                    Some(format) => format,
                    None => {
                        detect(&doc).ok_or_else(|| FeedError::NotAFeed(describe_shape(&doc)))?
                    }
                };
                self.format = Some(format);
                self.feed.format = Some(format);
                let entries = format.adapter().entries(&doc, &self.context())?;
                self.record(entries);
            }
            List::Open(_) | List::Closed
                if self.streaming && self.format != Some(FeedFormat::JsonFeed) =>
            {
                // Entries mapped as they came were read beside the document
                // as it stood when its list opened; so are the last ones,
                // whatever the chunks. A `@graph` after the list has
                // postings of its own: read once, at the end.
                self.map_rest()?;
                // The entries that named graph nodes, with the whole
                // document (its graph's postings the list did not name
                // come with them, once).
                if doc.get("@graph").is_some() || !self.references.is_empty() {
                    if let (Some(format), Some(key), Value::Object(mut map)) =
                        (self.format, self.splitter.list_key.clone(), doc)
                    {
                        map.insert(key, Value::Array(std::mem::take(&mut self.references)));
                        let doc = Value::Object(map);
                        let entries = format.adapter().entries(&doc, &self.context())?;
                        self.record(entries);
                    }
                }
            }
            List::Open(_) | List::Closed => {
                self.head = Some(doc);
                self.map_rest()?;
                if self.format.is_none() {
                    // Not even the whole document has a known shape.
                    let items = decode_items(&self.pending)?;
                    let doc = self.doc_with(items);
                    return Err(FeedError::NotAFeed(describe_shape(&doc)));
                }
            }
        }
        Ok(())
    }

    fn context(&self) -> Context<'_> {
        Context {
            source: &self.source,
        }
    }

    /// Why a body that is not (complete) JSON cannot be read.
    fn not_json(&self, error: Option<serde_json::Error>) -> FeedError {
        let Some(first) = self
            .splitter
            .skeleton
            .iter()
            .find(|b| !b.is_ascii_whitespace())
        else {
            return FeedError::NotJson("the body is empty".into());
        };
        if *first == b'<' {
            return FeedError::NotJson("it looks like an HTML page".into());
        }
        match error {
            Some(e) => json_error(&e),
            None => FeedError::NotJson("the body ends before the JSON does: it was cut off".into()),
        }
    }

    /// The skeleton with `items` as its list.
    fn doc_with(&mut self, items: Vec<Value>) -> Value {
        let list = Value::Array(items);
        match (&self.splitter.list_key, self.head.take()) {
            (Some(key), Some(Value::Object(mut map))) => {
                map.insert(key.clone(), list);
                Value::Object(map)
            }
            _ => list,
        }
    }

    /// Puts the skeleton back after a batch (the list emptied again).
    fn restore_head(&mut self, mut doc: Value) {
        if let (Some(key), Value::Object(map)) = (&self.splitter.list_key, &mut doc) {
            map.insert(key.clone(), Value::Array(Vec::new()));
            self.head = Some(doc);
        } else {
            self.head = Some(Value::Array(Vec::new()));
        }
    }

    fn decode_head(&mut self) -> Result<(), FeedError> {
        if self.head.is_some() {
            return Ok(());
        }
        let Some(bytes) = &self.splitter.head else {
            return Ok(());
        };
        let head = decode(bytes).map_err(|e| self.not_json(Some(e)))?;
        self.head = Some(head);
        Ok(())
    }

    /// Maps the complete entries waiting, as they come: once the first
    /// [`DETECT_AFTER`] of them show the format, and while the entries can
    /// be mapped one batch at a time.
    fn map_ready(&mut self) -> Result<(), FeedError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        self.decode_head()?;
        if !self.decided {
            if self.pending.len() < DETECT_AFTER {
                return Ok(());
            }
            self.decide()?;
        }
        // A JSON Feed's entries borrow the feed's author, which may come after
        // them: its entries are mapped at the end, with the whole document.
        match self.format {
            Some(format) if self.streaming && format != FeedFormat::JsonFeed => {
                self.map_batch(format)
            }
            _ => Ok(()),
        }
    }

    /// Decides, once, from the first entries (with the keys seen so far),
    /// whether the entries can be mapped as they come: only when they
    /// already have the format's shape; a format named by the site editor is
    /// checked the same way (its identifying keys may come after the list).
    /// Otherwise all wait for the whole document.
    fn decide(&mut self) -> Result<(), FeedError> {
        self.decided = true;
        let sample = decode_items(&self.pending[..DETECT_AFTER])?;
        let doc = self.doc_with(sample);
        let known = match self.format {
            Some(format) => format.adapter().detect(&doc),
            None => {
                self.format = detect(&doc);
                self.format.is_some()
            }
        };
        // Entries that refer to the nodes of a `@graph` beside them are
        // read with the whole graph, once: at the end.
        self.streaming = known && doc.get("@graph").is_none();
        self.restore_head(doc);
        self.feed.format = self.format;
        Ok(())
    }

    /// Maps every entry still waiting, once the whole body is in (detecting
    /// the format from the whole list when it is not known yet).
    fn map_rest(&mut self) -> Result<(), FeedError> {
        self.decode_head()?;
        if self.format.is_none() {
            let sample = decode_items(&self.pending)?;
            let doc = self.doc_with(sample);
            self.format = detect(&doc);
            self.restore_head(doc);
            self.feed.format = self.format;
        }
        // Even with no entry left: a `@graph` beside an empty list has
        // postings of its own.
        match self.format {
            Some(format) => self.map_batch(format),
            None => Ok(()),
        }
    }

    /// Maps the entries waiting, in `format`, beside the document as it
    /// stood when its list opened.
    fn map_batch(&mut self, format: FeedFormat) -> Result<(), FeedError> {
        let mut items = decode_items(&std::mem::take(&mut self.pending))?;
        // While entries are mapped as they come (beside the document as it
        // stood when its list opened), one that only names a `@graph` node
        // cannot be read: it waits for the whole document (it is small).
        if self.streaming && format == FeedFormat::SchemaOrg && self.splitter.list_key.is_some() {
            let (refs, rest): (Vec<Value>, Vec<Value>) = items.into_iter().partition(is_reference);
            self.references.extend(refs);
            items = rest;
        }
        let doc = self.doc_with(items);
        let entries = format.adapter().entries(&doc, &self.context());
        self.restore_head(doc);
        self.record(entries?);
        Ok(())
    }

    /// Keeps a batch's entries: openings (unless expired) with their notes,
    /// and skipped ones, numbered from where the batch starts; entries past
    /// [`MAX_ENTRIES`] are counted as cut.
    fn record(&mut self, entries: Vec<Entry>) {
        let room = MAX_ENTRIES.saturating_sub(self.mapped);
        let count = entries.len().min(room);
        self.feed.cut += entries.len() - count;
        for (i, entry) in entries.into_iter().take(count).enumerate() {
            match entry {
                Entry::Opening(opening, notes) => {
                    let position = self.mapped + i + 1;
                    self.feed.notes.extend(notes.into_iter().map(|note| Noted {
                        position,
                        title: Some(opening.title.clone()),
                        note,
                    }));
                    let stale = opening.valid_through.is_none()
                        && self
                            .stale_before
                            .zip(opening.date_posted)
                            .is_some_and(|(before, posted)| posted < before);
                    if opening
                        .valid_through
                        .is_some_and(|closes| closes < self.now)
                    {
                        self.feed.expired += 1;
                    } else if stale {
                        self.feed.stale += 1;
                    } else {
                        self.feed.openings.push(*opening);
                    }
                }
                Entry::Skipped(mut skipped) => {
                    skipped.position += self.mapped;
                    self.feed.skipped.push(skipped);
                }
            }
        }
        self.mapped += count;
    }
}

/// An entry that only names a node of the feed's `@graph`: `{"@id": …}`,
/// or a `ListItem` whose `item` is one.
fn is_reference(entry: &Value) -> bool {
    let Value::Object(map) = entry else {
        return false;
    };
    let only_id = |map: &serde_json::Map<String, Value>| map.len() == 1 && map.contains_key("@id");
    if only_id(map) {
        return true;
    }
    match map.get("item") {
        Some(Value::Object(item)) => {
            only_id(item)
                && map
                    .keys()
                    .all(|k| matches!(k.as_str(), "@type" | "position" | "item"))
        }
        _ => false,
    }
}

/// Decodes JSON as a browser decodes text: a stray invalid byte becomes
/// U+FFFD. (One decoder, from text, for every part: a second one, from
/// bytes, would double the JSON code in the board's WebAssembly.)
fn decode(bytes: &[u8]) -> Result<Value, serde_json::Error> {
    serde_json::from_str(&String::from_utf8_lossy(bytes))
}

/// Decodes entries; a broken one makes the whole feed unreadable.
fn decode_items(items: &[Vec<u8>]) -> Result<Vec<Value>, FeedError> {
    items
        .iter()
        .map(|bytes| decode(bytes).map_err(|e| json_error(&e)))
        .collect()
}

/// What a JSON decoding error means for a feed: nested deeper than the
/// decoder goes (serde_json says "recursion limit"), or not JSON.
fn json_error(e: &serde_json::Error) -> FeedError {
    let said = e.to_string();
    if said.contains("recursion limit") {
        FeedError::TooDeep
    } else {
        FeedError::NotJson(said)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(doc: &str, chunk: usize) -> (Vec<String>, String, Option<String>) {
        let mut s = Splitter::new();
        let mut items = Vec::new();
        for part in doc.as_bytes().chunks(chunk.max(1)) {
            s.feed(part, &mut items).unwrap();
        }
        assert!(s.is_complete(), "{doc}");
        (
            items
                .into_iter()
                .map(|i| String::from_utf8(i).unwrap())
                .collect(),
            String::from_utf8(s.skeleton).unwrap(),
            s.list_key,
        )
    }

    #[test]
    fn a_top_level_array_is_cut_into_its_entries_whatever_the_chunks() {
        let doc = r#" [ {"a": [1, {"b": "]},[{"}]}, "x\"y", 3 , [4,[5]], null ] "#;
        for chunk in [1, 2, 3, 7, 1000] {
            let (items, skeleton, key) = split(doc, chunk);
            assert_eq!(
                items,
                [
                    r#"{"a": [1, {"b": "]},[{"}]}"#,
                    r#""x\"y""#,
                    "3 ",
                    "[4,[5]]",
                    "null "
                ],
                "chunk {chunk}"
            );
            assert_eq!(skeleton, " [] ");
            assert_eq!(key, None);
        }
    }

    #[test]
    fn the_list_of_a_top_level_object_is_cut_out_and_the_rest_kept() {
        let doc = r#"{"@type": "ItemList", "name": "a [list]", "itemListElement": [{"x": 1}, {"x": 2}], "jobs": [9], "n": {"items": [1]}}"#;
        for chunk in [1, 5, 1000] {
            let (items, skeleton, key) = split(doc, chunk);
            assert_eq!(items, [r#"{"x": 1}"#, r#"{"x": 2}"#]);
            assert_eq!(
                skeleton,
                r#"{"@type": "ItemList", "name": "a [list]", "itemListElement": [], "jobs": [9], "n": {"items": [1]}}"#
            );
            assert_eq!(key.as_deref(), Some("itemListElement"));
        }
    }

    #[test]
    fn entries_not_separated_as_json_separates_them_are_refused() {
        for doc in [
            "[{} {}]",
            "[,{}]",
            "[{},]",
            "[,]",
            r#"{"jobs": [{}, , {}]}"#,
        ] {
            let mut s = Splitter::new();
            let mut items = Vec::new();
            let err = s.feed(doc.as_bytes(), &mut items).unwrap_err();
            assert!(matches!(err, FeedError::NotJson(_)), "{doc}: {err}");
        }
    }

    #[test]
    fn a_key_that_only_looks_like_a_list_key_is_not_cut() {
        let (items, skeleton, key) = split(r#"{"title": "jobs", "x": ["jobs"]}"#, 3);
        assert!(items.is_empty());
        assert_eq!(skeleton, r#"{"title": "jobs", "x": ["jobs"]}"#);
        assert_eq!(key, None);
    }
}
