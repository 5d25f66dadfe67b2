//! Jekyll job posts read into openings: the YAML front matter (a simple
//! subset, parsed here), the Liquid tags (removed, except the Apply-button
//! include, which gives the apply link), and the facts a post states in its
//! own words ("a full-time, remote position", "the minimum salary … is
//! USD$70000"). Text that was mis-decoded (UTF-8 read as Windows-1252, as in
//! "donâ€™t") is reported line by line and can be repaired.
//!
//! The description stays Markdown here ([`Description::Markdown`], with the
//! Liquid removed): the command-line tool renders and sanitizes it, so that
//! no Markdown parser is ever compiled into the widget. `docs/cli.md` lists
//! the front-matter keys.

use std::fmt;

use crate::dates::Timestamp;
use crate::links::safe_link;
use crate::model::{
    Contact, Description, EmploymentType, Location, Opening, Organization, Salary, SalaryPeriod,
    Workplace,
};

/// What the reader is told besides the posts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JekyllOptions {
    /// The hiring organization, unless a post's `organization` key names another.
    pub organization: String,
    pub organization_url: Option<String>,
    /// Repair mis-decoded text instead of only reporting it.
    pub fix_encoding: bool,
}

/// Something to tell the site editor about one place in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub file: String,
    /// The line, from 1, when the problem is at one line.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// One post, read.
#[derive(Clone, Debug, PartialEq)]
pub struct Post {
    pub opening: Opening,
    /// Its tags and categories, for choosing which posts are openings.
    pub labels: Vec<String>,
}

/// What became of one file.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Post(Box<Post>),
    /// Not a post to publish (no front matter, or `published: false`), and why.
    Ignored(String),
    /// The post cannot become an opening; the notice says what to fix.
    Failed(Notice),
}

/// A file's outcome, and the warnings met on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadPost {
    pub outcome: Outcome,
    pub warnings: Vec<Notice>,
}

/// Reads one post. `file` names it in messages; its last path component is
/// the Jekyll file name (`2022-07-08-title.md`), which gives the date and
/// the id when the front matter does not.
pub fn read_post(file: &str, text: &str, options: &JekyllOptions) -> ReadPost {
    let mut warnings = Vec::new();
    let notice = |line: Option<usize>, message: String| Notice {
        file: file.to_string(),
        line,
        message,
    };
    for found in find_mis_decoded(text) {
        let message = if options.fix_encoding {
            format!(
                "repaired mis-decoded text: \"{}\" → \"{}\"",
                found.seen, found.meant
            )
        } else {
            format!(
                "text looks mis-decoded (UTF-8 read as Windows-1252): \"{}\" should be \"{}\"; \
                 rerun with --fix-encoding to repair it",
                found.seen, found.meant
            )
        };
        warnings.push(notice(Some(found.line), message));
    }
    let repaired;
    let text = if options.fix_encoding {
        repaired = repair_mis_decoded(text);
        repaired.as_str()
    } else {
        text
    };
    let outcome = match read_checked(file, text, options, &mut warnings) {
        Ok(outcome) => outcome,
        Err((line, message)) => Outcome::Failed(notice(line, message)),
    };
    ReadPost { outcome, warnings }
}

type Problem = (Option<usize>, String);

fn read_checked(
    file: &str,
    text: &str,
    options: &JekyllOptions,
    warnings: &mut Vec<Notice>,
) -> Result<Outcome, Problem> {
    let Some(front) = FrontMatter::parse(text)? else {
        return Ok(Outcome::Ignored(
            "no front matter (a Jekyll post starts with a --- line)".into(),
        ));
    };
    if front.flag("published")? == Some(false) {
        return Ok(Outcome::Ignored("published: false".into()));
    }
    let body = strip_liquid(&text[front.body_offset..]);
    let facts_text = plain_words(&body);
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let (file_date, slug) = split_dated_name(stem);
    let mut warn = |line: Option<usize>, message: String| {
        warnings.push(Notice {
            file: file.to_string(),
            line,
            message,
        })
    };

    let title = match front.text("title") {
        Some((title, _)) => title,
        None => title_from_slug(slug).ok_or((None, "the post has no title".to_string()))?,
    };
    let date_posted = match front.text("date") {
        Some((raw, line)) => Some(parse_date(&raw).ok_or_else(|| {
            (
                Some(line),
                format!("date \"{raw}\" is not a date (write YYYY-MM-DD)"),
            )
        })?),
        None => file_date,
    };
    if date_posted.is_none() {
        warn(
            None,
            "no date: give `date:` or name the file YYYY-MM-DD-title.md".into(),
        );
    }
    let valid_through = match front.text("valid_through") {
        Some((raw, line)) => Some(parse_date(&raw).ok_or_else(|| {
            (
                Some(line),
                format!("valid_through \"{raw}\" is not a date (write YYYY-MM-DD)"),
            )
        })?),
        None => None,
    };

    let apply_url = match front.text("apply_url") {
        Some((raw, line)) => safe_link(&raw).ok_or_else(|| {
            (
                Some(line),
                format!("apply_url \"{raw}\" is not an http, https or mailto link"),
            )
        })?,
        None => apply_link_in(&text[front.body_offset..]).ok_or_else(|| {
            (
                None,
                "no apply link: add `apply_url:` to the front matter, an Apply button \
                 include, or a link labelled Apply"
                    .to_string(),
            )
        })?,
    };

    let organization = Organization {
        name: front
            .text("organization")
            .map(|(name, _)| name)
            .unwrap_or_else(|| options.organization.clone()),
        url: front
            .text("organization_url")
            .and_then(|(u, _)| safe_link(&u))
            .or_else(|| options.organization_url.clone()),
        logo: None,
    };

    let locations: Vec<Location> = front
        .list("location")
        .iter()
        .map(|place| location_from_line(place))
        .filter(|l| !l.is_empty())
        .collect();
    let workplace = match front.text("remote") {
        Some((raw, line)) => match raw.to_ascii_lowercase().as_str() {
            "true" | "yes" => {
                if locations.is_empty() {
                    Workplace::Remote
                } else {
                    Workplace::Hybrid
                }
            }
            "hybrid" => Workplace::Hybrid,
            "false" | "no" | "onsite" | "on-site" => Workplace::OnSite,
            _ => {
                return Err((
                    Some(line),
                    format!("remote: \"{raw}\" should be true, false or hybrid"),
                ))
            }
        },
        None => match workplace_stated(&facts_text) {
            Some(Workplace::Remote) if !locations.is_empty() => Workplace::Hybrid,
            Some(stated) => stated,
            None if locations.is_empty() => Workplace::Unspecified,
            None => Workplace::OnSite,
        },
    };

    let mut employment_types: Vec<EmploymentType> = front
        .list("employment_type")
        .iter()
        .filter_map(|t| EmploymentType::parse(t))
        .collect();
    if employment_types.is_empty() {
        employment_types = employment_stated(&facts_text).into_iter().collect();
    }

    let salary = match salary_from_front(&front)? {
        Some(salary) => Some(salary),
        None => salary_stated(&facts_text),
    };

    let contact = front.text("contact_email").map(|(email, _)| Contact {
        email: Some(email.trim_start_matches("mailto:").to_string()),
        ..Contact::default()
    });

    let mut labels = front.words("tags");
    labels.extend(front.words("categories"));
    labels.extend(front.words("category"));

    let opening = Opening {
        id: front
            .text("id")
            .map(|(id, _)| id)
            .unwrap_or_else(|| stem.to_string()),
        title,
        organization,
        locations,
        workplace,
        remote_regions: front.list("applicant_location"),
        employment_types,
        department: front.text("department").map(|(d, _)| d),
        tags: front.words("tags"),
        salary,
        date_posted,
        valid_through,
        description: Description::Markdown(body.trim().to_string()),
        apply_url,
        url: None,
        contact,
        source: file.to_string(),
    };
    Ok(Outcome::Post(Box::new(Post { opening, labels })))
}

// ---------------------------------------------------------------------------
// Front matter: the YAML subset posts use.

#[derive(Clone, Debug, PartialEq)]
enum Yaml {
    Text(String),
    List(Vec<String>),
}

struct FrontMatter {
    /// Key, value and the line it is on, in order.
    fields: Vec<(String, Yaml, usize)>,
    /// Where the body starts in the text.
    body_offset: usize,
}

impl FrontMatter {
    /// `None` when the text has no front matter; an error cites the line.
    fn parse(text: &str) -> Result<Option<FrontMatter>, Problem> {
        let text_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let lines: Vec<(usize, &str)> = line_offsets(&text[text_start..])
            .map(|(offset, line)| (offset + text_start, line))
            .collect();
        match lines.first() {
            Some((_, first)) if first.trim_end() == "---" => {}
            _ => return Ok(None),
        }
        let end = lines
            .iter()
            .enumerate()
            .skip(1)
            .find(|(_, (_, l))| matches!(l.trim_end(), "---" | "..."))
            .map(|(i, _)| i)
            .ok_or((
                Some(1),
                "the front matter starts with --- but has no closing --- line".to_string(),
            ))?;
        let body_offset = lines.get(end + 1).map_or(text.len(), |(offset, _)| *offset);
        let mut fields: Vec<(String, Yaml, usize)> = Vec::new();
        let mut i = 1;
        while i < end {
            let line_no = i + 1;
            let line = lines[i].1.trim_end();
            i += 1;
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            if line.starts_with([' ', '\t']) || line.starts_with("- ") || line == "-" {
                // Inside a nested value this reader does not use.
                if fields
                    .last()
                    .is_some_and(|(_, v, _)| *v == Yaml::Text(String::new()))
                {
                    continue;
                }
                return Err((
                    Some(line_no),
                    format!("front matter: unexpected indented line \"{}\"", line.trim()),
                ));
            }
            let Some((key, raw)) = line.split_once(':') else {
                return Err((
                    Some(line_no),
                    format!("front matter: expected `key: value`, found \"{line}\""),
                ));
            };
            let key = key.trim();
            if key.is_empty() || key.contains(' ') && !key.starts_with(['"', '\'']) {
                return Err((
                    Some(line_no),
                    format!("front matter: \"{key}\" is not a key (expected `key: value`)"),
                ));
            }
            let raw = raw.trim();
            let value = if raw.is_empty() {
                // A list of `- item` lines may follow.
                let mut items = Vec::new();
                while i < end {
                    let next = lines[i].1.trim();
                    let Some(item) = next.strip_prefix('-').filter(|_| !next.starts_with("---"))
                    else {
                        break;
                    };
                    items.push(scalar(item.trim(), i + 1)?);
                    i += 1;
                }
                if items.is_empty() {
                    Yaml::Text(String::new())
                } else {
                    Yaml::List(items)
                }
            } else if raw == "|" || raw == ">" || raw.starts_with("|-") || raw.starts_with(">-") {
                let mut block = Vec::new();
                while i < end
                    && (lines[i].1.starts_with([' ', '\t']) || lines[i].1.trim().is_empty())
                {
                    block.push(lines[i].1.trim());
                    i += 1;
                }
                let sep = if raw.starts_with('|') { "\n" } else { " " };
                Yaml::Text(block.join(sep).trim().to_string())
            } else if let Some(inner) = raw.strip_prefix('[') {
                let inner = strip_comment(inner);
                let inner = inner.trim_end().strip_suffix(']').ok_or((
                    Some(line_no),
                    format!("front matter: the list of \"{key}\" has no closing ]"),
                ))?;
                let items = split_flow_list(inner)
                    .into_iter()
                    .map(|item| scalar(item.trim(), line_no))
                    .collect::<Result<Vec<_>, _>>()?;
                Yaml::List(items.into_iter().filter(|s| !s.is_empty()).collect())
            } else {
                Yaml::Text(scalar(raw, line_no)?)
            };
            let key = key.trim_matches(['"', '\'']).to_ascii_lowercase();
            fields.push((key, value, line_no));
        }
        Ok(Some(FrontMatter {
            fields,
            body_offset,
        }))
    }

    fn get(&self, key: &str) -> Option<(&Yaml, usize)> {
        self.fields
            .iter()
            .rev()
            .find(|(k, _, _)| k == key)
            .map(|(_, v, line)| (v, *line))
    }

    /// A single text value, non-empty; the first item of a list.
    fn text(&self, key: &str) -> Option<(String, usize)> {
        let (value, line) = self.get(key)?;
        let text = match value {
            Yaml::Text(s) => s.clone(),
            Yaml::List(items) => items.first()?.clone(),
        };
        (!text.trim().is_empty()).then(|| (text.trim().to_string(), line))
    }

    /// A list, or one value as a list of one.
    fn list(&self, key: &str) -> Vec<String> {
        match self.get(key) {
            Some((Yaml::List(items), _)) => items.clone(),
            Some((Yaml::Text(s), _)) if !s.trim().is_empty() => vec![s.trim().to_string()],
            _ => Vec::new(),
        }
    }

    /// A list, or one value split on white space (Jekyll's `tags: a b c`).
    fn words(&self, key: &str) -> Vec<String> {
        match self.get(key) {
            Some((Yaml::Text(s), _)) => s.split_whitespace().map(String::from).collect(),
            _ => self.list(key),
        }
    }

    fn flag(&self, key: &str) -> Result<Option<bool>, Problem> {
        match self.text(key) {
            None => Ok(None),
            Some((raw, line)) => match raw.to_ascii_lowercase().as_str() {
                "true" | "yes" | "on" => Ok(Some(true)),
                "false" | "no" | "off" => Ok(Some(false)),
                _ => Err((
                    Some(line),
                    format!("{key}: \"{raw}\" should be true or false"),
                )),
            },
        }
    }

    fn number(&self, key: &str) -> Result<Option<f64>, Problem> {
        match self.text(key) {
            None => Ok(None),
            Some((raw, line)) => parse_amount(&raw).map(Some).ok_or_else(|| {
                (
                    Some(line),
                    format!("{key}: \"{raw}\" is not an amount (write 70000)"),
                )
            }),
        }
    }
}

/// Each line of `text` with the byte offset where it starts.
fn line_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    text.split_inclusive('\n').map(move |line| {
        let start = offset;
        offset += line.len();
        (start, line.trim_end_matches(['\n', '\r']))
    })
}

/// The items of a flow list (`a, "b, c", 'd'`): commas inside quotes stay.
fn split_flow_list(inner: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let mut quote = None;
    let mut start = 0;
    for (i, c) in inner.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, ',') => {
                items.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&inner[start..]);
    items
}

/// A YAML scalar: quoted (with its escapes) or plain (a ` #` starts a comment).
fn scalar(raw: &str, line: usize) -> Result<String, Problem> {
    let unterminated = || {
        (
            Some(line),
            format!("front matter: the quoted text {raw} has no closing quote"),
        )
    };
    if let Some(rest) = raw.strip_prefix('"') {
        let mut out = String::new();
        let mut chars = rest.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => return Ok(out),
                '\\' => match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some(other) => out.push(other),
                    None => return Err(unterminated()),
                },
                c => out.push(c),
            }
        }
        Err(unterminated())
    } else if let Some(rest) = raw.strip_prefix('\'') {
        let mut out = String::new();
        let mut chars = rest.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\'' {
                if chars.peek() == Some(&'\'') {
                    chars.next();
                    out.push('\'');
                } else {
                    return Ok(out);
                }
            } else {
                out.push(c);
            }
        }
        Err(unterminated())
    } else {
        Ok(strip_comment(raw).trim().to_string())
    }
}

fn strip_comment(raw: &str) -> &str {
    match raw.find(" #") {
        Some(at) => &raw[..at],
        None if raw.starts_with('#') => "",
        None => raw,
    }
}

/// `2022-07-08`, `2022-07-08 10:30:00 -0500` (Jekyll's form) or ISO 8601.
fn parse_date(raw: &str) -> Option<Timestamp> {
    let raw = raw.trim();
    if let Some(t) = Timestamp::parse_iso(raw) {
        return Some(t);
    }
    let (date, time) = raw.split_at_checked(10)?;
    let time: String = time.chars().filter(|c| !c.is_whitespace()).collect();
    Timestamp::parse_iso(&format!("{date}T{time}"))
}

/// `2022-07-08-community-coordinator` → (that date, `community-coordinator`).
fn split_dated_name(stem: &str) -> (Option<Timestamp>, &str) {
    match (stem.get(..10), stem.get(10..)) {
        (Some(date), Some(rest)) if rest.starts_with('-') => match Timestamp::parse_iso(date) {
            Some(t) => (Some(t), &rest[1..]),
            None => (None, stem),
        },
        _ => (None, stem),
    }
}

fn title_from_slug(slug: &str) -> Option<String> {
    let words: Vec<String> = slug
        .split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        })
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// "Leiden, South Holland, NL" → locality, region, country.
fn location_from_line(line: &str) -> Location {
    let parts: Vec<String> = line
        .split(',')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let mut parts = parts.into_iter();
    match parts.len() {
        0 => Location::default(),
        1 => Location {
            locality: parts.next(),
            ..Location::default()
        },
        2 => Location {
            locality: parts.next(),
            region: None,
            country: parts.next(),
        },
        _ => {
            let locality = parts.next();
            let mut rest: Vec<String> = parts.collect();
            let country = rest.pop();
            Location {
                locality,
                region: Some(rest.join(", ")),
                country,
            }
        }
    }
}

fn salary_from_front(front: &FrontMatter) -> Result<Option<Salary>, Problem> {
    let min = front.number("salary_min")?;
    let max = front.number("salary_max")?;
    if min.is_none() && max.is_none() {
        return Ok(None);
    }
    let currency = match front.text("salary_currency") {
        Some((raw, line)) => {
            let code = raw.to_ascii_uppercase();
            if code.len() != 3 || !code.chars().all(|c| c.is_ascii_alphabetic()) {
                return Err((
                    Some(line),
                    format!("salary_currency: \"{raw}\" is not a currency code such as USD"),
                ));
            }
            Some(code)
        }
        None => None,
    };
    let period = match front.text("salary_period") {
        Some((raw, line)) => SalaryPeriod::parse(&raw).ok_or_else(|| {
            (
                Some(line),
                format!("salary_period: \"{raw}\" should be hour, day, week, month or year"),
            )
        })?,
        None => SalaryPeriod::Year,
    };
    Ok(Some(Salary {
        min,
        max,
        currency,
        period,
    }))
}

/// "70000", "70,000", "70k", "70000.50".
fn parse_amount(raw: &str) -> Option<f64> {
    let raw = raw.trim();
    let (digits, times) = match raw.strip_suffix(['k', 'K']) {
        Some(d) => (d, 1000.0),
        None => (raw, 1.0),
    };
    let digits: String = digits.chars().filter(|c| *c != ',' && *c != '_').collect();
    let n: f64 = digits.parse().ok()?;
    (n.is_finite() && n >= 0.0).then_some(n * times)
}

// ---------------------------------------------------------------------------
// Liquid, links and the facts a post states in words.

/// The body without Liquid: `{% … %}` and `{{ … }}` removed, the content of
/// `{% comment %}` dropped, the content of `{% raw %}` kept as written.
pub fn strip_liquid(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    let mut in_comment = false;
    while let Some(open) = rest.find(['{']) {
        let after = &rest[open..];
        let close = if after.starts_with("{%") {
            "%}"
        } else if after.starts_with("{{") {
            "}}"
        } else {
            if !in_comment {
                out.push_str(&rest[..=open]);
            }
            rest = &rest[open + 1..];
            continue;
        };
        if !in_comment {
            out.push_str(&rest[..open]);
        }
        let Some(end) = after[2..].find(close) else {
            // An unclosed tag: drop the rest of it, as Liquid would refuse it.
            rest = "";
            break;
        };
        let tag = after[2..2 + end].trim_matches(['-', ' ', '\t', '\n', '\r']);
        rest = &after[2 + end + 2..];
        let name = tag.split_whitespace().next().unwrap_or("");
        if close == "%}" {
            match name {
                "comment" => in_comment = true,
                "endcomment" => in_comment = false,
                "raw" if !in_comment => {
                    let end_raw = find_tag(rest, "endraw");
                    let (kept, after_raw) = match end_raw {
                        Some((start, end)) => (&rest[..start], &rest[end..]),
                        None => (rest, ""),
                    };
                    out.push_str(kept);
                    rest = after_raw;
                }
                _ => {}
            }
        }
    }
    if !in_comment {
        out.push_str(rest);
    }
    out
}

/// Where the Liquid tag `{% name %}` is in `text`: its start and end.
fn find_tag(text: &str, name: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(open) = text[from..].find("{%") {
        let start = from + open;
        let end = start + 2 + text[start + 2..].find("%}")?;
        if text[start + 2..end].trim_matches(['-', ' ']).trim() == name {
            return Some((start, end + 2));
        }
        from = end;
    }
    None
}

/// The apply link of a post body: an include whose label says Apply (the
/// Apply button), else the first Markdown or HTML link labelled Apply.
fn apply_link_in(body: &str) -> Option<String> {
    apply_button_include(body).or_else(|| apply_labelled_link(body))
}

fn apply_button_include(body: &str) -> Option<String> {
    let mut rest = body;
    while let Some(open) = rest.find("{%") {
        let after = &rest[open + 2..];
        let end = after.find("%}")?;
        let tag = after[..end].trim_matches(['-', ' ', '\t', '\n', '\r']);
        rest = &after[end + 2..];
        let Some(include) = tag.strip_prefix("include") else {
            continue;
        };
        let params = include_params(include);
        let file = include.split_whitespace().next().unwrap_or("");
        let says_apply = params.iter().any(|(k, v)| {
            (k.contains("label") || k.contains("text") || k.contains("title"))
                && starts_with_apply(v)
        }) || file.to_ascii_lowercase().contains("apply");
        if !says_apply {
            continue;
        }
        let link = params
            .iter()
            .filter(|(k, _)| k.contains("link") || k.contains("url") || k.contains("href"))
            .find_map(|(_, v)| safe_link(v));
        if link.is_some() {
            return link;
        }
    }
    None
}

/// `name="value"`, `name='value'` and `name=value` pairs of an include.
fn include_params(s: &str) -> Vec<(String, String)> {
    let mut params = Vec::new();
    let mut rest = s;
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq]
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let after = rest[eq + 1..].trim_start();
        let (value, next) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => match after[1..].find(q) {
                Some(end) => (&after[1..=end], &after[end + 2..]),
                None => (&after[1..], ""),
            },
            _ => {
                let end = after.find(char::is_whitespace).unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
        };
        params.push((key, value.to_string()));
        rest = next;
    }
    params
}

fn starts_with_apply(label: &str) -> bool {
    let label = crate::text::html_to_text(label);
    label
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase()
        .starts_with("apply")
}

/// The first `[Apply…](url)` or `<a href="url">Apply…</a>` with a safe link.
fn apply_labelled_link(body: &str) -> Option<String> {
    let mut found: Vec<(usize, String)> = Vec::new();
    // Markdown links.
    let mut from = 0;
    while let Some(open) = body[from..].find('[') {
        let start = from + open;
        from = start + 1;
        let Some(close) = body[start..].find("](") else {
            break;
        };
        let label = &body[start + 1..start + close];
        if label.contains('[') || label.contains('\n') {
            continue;
        }
        let target_start = start + close + 2;
        let Some(target_end) = body[target_start..].find(')') else {
            continue;
        };
        let target = body[target_start..target_start + target_end]
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches(['<', '>']);
        if starts_with_apply(label) {
            if let Some(link) = safe_link(target) {
                found.push((start, link));
                break;
            }
        }
    }
    // HTML links.
    let lower = body.to_ascii_lowercase();
    let mut from = 0;
    while let Some(open) = lower[from..].find("<a ") {
        let start = from + open;
        from = start + 3;
        let Some(tag_end) = lower[start..].find('>') else {
            break;
        };
        let Some(close) = lower[start..].find("</a>") else {
            break;
        };
        if close < tag_end {
            continue;
        }
        let tag = &body[start..start + tag_end];
        let label = &body[start + tag_end + 1..start + close];
        let href = include_params(tag)
            .into_iter()
            .find(|(k, _)| k == "href")
            .and_then(|(_, v)| safe_link(&crate::text::decode_entities(&v)));
        if let (true, Some(link)) = (starts_with_apply(label), href) {
            found.push((start, link));
            break;
        }
    }
    found.into_iter().min_by_key(|(at, _)| *at).map(|(_, l)| l)
}

/// The body as lower-case words, markup dropped, for finding stated facts.
fn plain_words(body: &str) -> String {
    crate::text::html_to_text(body)
        .to_lowercase()
        .replace(['*', '_', '`', '#'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// "full-time" or "part-time", when the post says one and not the other.
fn employment_stated(text: &str) -> Option<EmploymentType> {
    let full = ["full-time", "full time", "fulltime"]
        .iter()
        .any(|p| text.contains(p));
    let part = ["part-time", "part time", "parttime"]
        .iter()
        .any(|p| text.contains(p));
    match (full, part) {
        (true, false) => Some(EmploymentType::FullTime),
        (false, true) => Some(EmploymentType::PartTime),
        _ => None,
    }
}

/// Remote or hybrid, when the post says so plainly and never says otherwise.
fn workplace_stated(text: &str) -> Option<Workplace> {
    const REMOTE: [&str; 10] = [
        "remote position",
        "remote role",
        "remote job",
        "fully remote",
        "100% remote",
        "remote-first",
        "work remotely",
        "working remotely",
        "position is remote",
        "role is remote",
    ];
    const NOT_REMOTE: [&str; 5] = [
        "not a remote",
        "not remote",
        "non-remote",
        "no remote",
        "not fully remote",
    ];
    const HYBRID: [&str; 3] = ["hybrid position", "hybrid role", "hybrid work"];
    let remote = REMOTE.iter().any(|p| text.contains(p));
    let hybrid = HYBRID.iter().any(|p| text.contains(p));
    if NOT_REMOTE.iter().any(|p| text.contains(p)) {
        return None;
    }
    match (remote, hybrid) {
        (true, false) => Some(Workplace::Remote),
        (false, true) => Some(Workplace::Hybrid),
        _ => None,
    }
}

/// The salary of the first sentence that speaks of salary, pay or
/// compensation and gives amounts with a currency: "The minimum salary for
/// this position is USD$70000" → at least 70000 USD a year.
fn salary_stated(text: &str) -> Option<Salary> {
    text.split_inclusive(['.', ';', '\n'])
        .fold(Vec::<String>::new(), |mut sentences, piece| {
            // Rejoin "70,000.00" and "U.S." split on their dots.
            match sentences.last_mut() {
                Some(last)
                    if last.ends_with('.')
                        && piece.starts_with(|c: char| c.is_ascii_alphanumeric()) =>
                {
                    last.push_str(piece)
                }
                _ => sentences.push(piece.to_string()),
            }
            sentences
        })
        .iter()
        .filter(|s| {
            ["salary", "pay ", "compensation", "wage"]
                .iter()
                .any(|w| s.contains(w))
        })
        .find_map(|s| salary_in_sentence(s))
}

fn salary_in_sentence(s: &str) -> Option<Salary> {
    let amounts = money_in(s);
    let (min, max) = match amounts.as_slice() {
        [] => return None,
        [(one, _)] => {
            if ["maximum", "up to", "at most"]
                .iter()
                .any(|w| s.contains(w))
            {
                (None, Some(*one))
            } else {
                (Some(*one), None)
            }
        }
        [(a, _), (b, _), ..] => (Some(a.min(*b)), Some(a.max(*b))),
    };
    let currency = amounts.iter().find_map(|(_, c)| c.clone());
    let period = if ["per hour", "an hour", "/hour", "/hr", "hourly"]
        .iter()
        .any(|w| s.contains(w))
    {
        SalaryPeriod::Hour
    } else if ["per month", "a month", "/month", "monthly"]
        .iter()
        .any(|w| s.contains(w))
    {
        SalaryPeriod::Month
    } else if ["per week", "a week", "/week", "weekly"]
        .iter()
        .any(|w| s.contains(w))
    {
        SalaryPeriod::Week
    } else if ["per day", "a day", "/day", "daily"]
        .iter()
        .any(|w| s.contains(w))
    {
        SalaryPeriod::Day
    } else {
        SalaryPeriod::Year
    };
    Some(Salary {
        min,
        max,
        currency,
        period,
    })
}

/// "70000", "70,000", "70,000.50", and "45.000" (a European thousands dot).
fn parse_written_number(token: &str) -> Option<f64> {
    let digits = token.replace(',', "");
    let european = digits.split('.').skip(1).all(|group| group.len() == 3) && digits.contains('.');
    let digits = if european {
        digits.replace('.', "")
    } else {
        digits
    };
    digits.parse().ok().filter(|n: &f64| n.is_finite())
}

/// Amounts written with a currency next to them ("usd$70000", "€45,000",
/// "70,000 usd", "£30k"), with the ISO code when it is unambiguous ("$" alone
/// is not: it may be US, Canadian, Australian…).
fn money_in(s: &str) -> Vec<(f64, Option<String>)> {
    const CODES: [&str; 12] = [
        "usd", "eur", "gbp", "cad", "aud", "nzd", "chf", "sek", "nok", "dkk", "jpy", "inr",
    ];
    let mut found = Vec::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len()
            && (bytes[i].is_ascii_digit()
                || (matches!(bytes[i], b',' | b'.')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            i += 1;
        }
        let Some(mut amount) = parse_written_number(&s[start..i]) else {
            continue;
        };
        let thousands = bytes.get(i).is_some_and(|b| *b == b'k')
            && !bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
        if thousands {
            amount *= 1000.0;
        }
        let before = s[..start].trim_end();
        let before_tail: String = before
            .chars()
            .rev()
            .take(4)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let after = s[i..].trim_start_matches('k').trim_start();
        let symbol_code = |tail: &str| -> Option<Option<String>> {
            if tail.ends_with('€') {
                return Some(Some("EUR".into()));
            }
            if tail.ends_with('£') {
                return Some(Some("GBP".into()));
            }
            let letters = tail.trim_end_matches('$').trim_end();
            let code = CODES
                .iter()
                .find(|c| letters.ends_with(*c))
                .map(|c| c.to_ascii_uppercase());
            if code.is_some() {
                return Some(code);
            }
            if letters.ends_with("us") && tail.ends_with('$') {
                return Some(Some("USD".into()));
            }
            tail.ends_with('$').then_some(None)
        };
        let currency = symbol_code(&before_tail).or_else(|| {
            CODES
                .iter()
                .find(|c| {
                    after.starts_with(*c)
                        && !after[c.len()..].starts_with(|ch: char| ch.is_alphabetic())
                })
                .map(|c| Some(c.to_ascii_uppercase()))
        });
        if let Some(currency) = currency {
            found.push((amount, currency));
        }
    }
    found
}

// ---------------------------------------------------------------------------
// Mis-decoded text: UTF-8 bytes read as Windows-1252 (or Latin-1).

/// One mis-decoded word: what the file says, and what was meant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MisDecoded {
    pub line: usize,
    pub seen: String,
    pub meant: String,
}

/// Every line with mis-decoded text (the first such word of each line).
pub fn find_mis_decoded(text: &str) -> Vec<MisDecoded> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let repaired = repair_mis_decoded(line);
            if repaired == line {
                return None;
            }
            let seen = line.split_whitespace();
            let meant = repaired.split_whitespace();
            seen.zip(meant)
                .find(|(s, m)| s != m)
                .map(|(s, m)| MisDecoded {
                    line: i + 1,
                    seen: s.to_string(),
                    meant: m.to_string(),
                })
        })
        .collect()
}

/// Turns runs such as "â€™" back into the character they were ("’"):
/// a run is repaired only when its Windows-1252 bytes are one valid UTF-8
/// character, so ordinary accented text ("café", "Ã  la") is left alone.
pub fn repair_mis_decoded(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some(lead @ 0xC2..=0xF4) = cp1252_byte(c) {
            let len = match lead {
                0xC2..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            let mut bytes = vec![lead];
            for next in chars.iter().skip(i + 1).take(len - 1) {
                match cp1252_byte(*next) {
                    Some(b @ 0x80..=0xBF) => bytes.push(b),
                    _ => break,
                }
            }
            if bytes.len() == len {
                if let Ok(decoded) = std::str::from_utf8(&bytes) {
                    out.push_str(decoded);
                    i += len;
                    continue;
                }
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// The byte Windows-1252 (or Latin-1, for its C1 controls) shows as `c`.
fn cp1252_byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    if (0x80..=0xFF).contains(&code) {
        return u8::try_from(code).ok();
    }
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '\u{2018}' => 0x91,
        '\u{2019}' => 0x92,
        '\u{201C}' => 0x93,
        '\u{201D}' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> JekyllOptions {
        JekyllOptions {
            organization: "Lantern Archives Network".into(),
            ..JekyllOptions::default()
        }
    }

    fn read(name: &str, text: &str) -> (Opening, Vec<Notice>) {
        let read = read_post(name, text, &options());
        match read.outcome {
            Outcome::Post(post) => (post.opening, read.warnings),
            other => panic!("not a post: {other:?}"),
        }
    }

    const SEED_SHAPED: &str = "---\n\
title: Lantern Archives Network Seeks a Digital Outreach Lead\n\
author: Network Staff\n\
date: 2031-02-14\n\
tags: [news, staff]\n\
layout: post\n\
---\n\
\n\
We are hiring. Send questions to <jobs@lantern.example>.\n\
\n\
<div class=\"columns\">{% include misc/button.html button_label=\"Apply\" button_link=\"https://careers.example.net/lantern/4410\" %}</div>\n\
\n\
{{ theme.block-start }}\n\
\n\
## About the role\n\
We canâ€™t wait to meet you.\n\
\n\
This is a full-time, remote position with flexible hours.\n\
The minimum salary for this position is USD$64000 or local equivalent.\n\
\n\
{{ theme.block-end }}\n";

    #[test]
    fn a_post_in_the_consortium_shape_becomes_an_opening() {
        let (o, warnings) = read("_posts/2031-02-14-digital-outreach-lead.md", SEED_SHAPED);
        assert_eq!(
            o.title,
            "Lantern Archives Network Seeks a Digital Outreach Lead"
        );
        assert_eq!(o.date_posted, Timestamp::parse_iso("2031-02-14"));
        assert_eq!(o.apply_url, "https://careers.example.net/lantern/4410");
        assert_eq!(o.workplace, Workplace::Remote);
        assert_eq!(o.employment_types, vec![EmploymentType::FullTime]);
        let salary = o.salary.unwrap();
        assert_eq!(salary.min, Some(64_000.0));
        assert_eq!(salary.max, None);
        assert_eq!(salary.currency.as_deref(), Some("USD"));
        assert_eq!(salary.period, SalaryPeriod::Year);
        assert_eq!(o.organization.name, "Lantern Archives Network");
        assert_eq!(o.id, "2031-02-14-digital-outreach-lead");
        assert_eq!(o.tags, vec!["news", "staff"]);
        let Description::Markdown(md) = &o.description else {
            panic!("{:?}", o.description)
        };
        assert!(!md.contains("{%") && !md.contains("{{"), "{md}");
        assert!(md.contains("## About the role"));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(warnings[0].line, Some(16));
        assert!(warnings[0].message.contains("canâ€™t"), "{}", warnings[0]);
        assert!(warnings[0].message.contains("can’t"), "{}", warnings[0]);
    }

    #[test]
    fn fix_encoding_repairs_the_text_and_says_so() {
        let read = read_post(
            "2031-02-14-lead.md",
            SEED_SHAPED,
            &JekyllOptions {
                fix_encoding: true,
                ..options()
            },
        );
        let Outcome::Post(post) = read.outcome else {
            panic!()
        };
        let Description::Markdown(md) = &post.opening.description else {
            panic!()
        };
        assert!(md.contains("We can’t wait"));
        assert!(read.warnings[0].message.starts_with("repaired"));
    }

    #[test]
    fn repair_leaves_honest_accents_alone() {
        assert_eq!(
            repair_mis_decoded("Café Ã  la carte – naïve"),
            "Café Ã  la carte – naïve"
        );
        assert_eq!(
            repair_mis_decoded("â€œQuotedâ€\u{9d} cafÃ©"),
            "“Quoted” café"
        );
        assert!(find_mis_decoded("plain\ntext – fine").is_empty());
    }

    #[test]
    fn front_matter_keys_win_over_phrases() {
        let text = "---\n\
title: \"Conservator: Paper\"\n\
date: 2031-03-01 09:00:00 -0500\n\
employment_type:\n  - part-time\n  - temporary\n\
remote: false\n\
location: [\"Leiden, South Holland, NL\"]\n\
salary_min: 30,000\n\
salary_max: 36k\n\
salary_currency: eur\n\
salary_period: year\n\
valid_through: 2031-04-01\n\
apply_url: https://jobs.example.eu/conservator\n\
organization: 'Delta Museum''s Lab'\n\
department: Conservation\n\
---\n\
A full-time, remote position, says the old text. Salary USD$99000.\n";
        let (o, _) = read("conservator.md", text);
        assert_eq!(o.title, "Conservator: Paper");
        assert_eq!(o.date_posted, Timestamp::parse_iso("2031-03-01T14:00:00Z"));
        assert_eq!(
            o.employment_types,
            vec![EmploymentType::PartTime, EmploymentType::Temporary]
        );
        assert_eq!(o.workplace, Workplace::OnSite);
        assert_eq!(o.locations[0].label(), "Leiden, South Holland, NL");
        let salary = o.salary.unwrap();
        assert_eq!((salary.min, salary.max), (Some(30_000.0), Some(36_000.0)));
        assert_eq!(salary.currency.as_deref(), Some("EUR"));
        assert_eq!(o.valid_through, Timestamp::parse_iso("2031-04-01"));
        assert_eq!(o.organization.name, "Delta Museum's Lab");
        assert_eq!(o.department.as_deref(), Some("Conservation"));
        assert_eq!(
            o.date_posted.map(|d| d.to_iso_date()).as_deref(),
            Some("2031-03-01")
        );
    }

    #[test]
    fn front_matter_errors_cite_the_line() {
        let cases = [
            ("---\ntitle: A\ndate: someday\n---\nx", 3, "not a date"),
            (
                "---\ntitle: A\njust words\n---\n",
                3,
                "expected `key: value`",
            ),
            ("---\ntitle: \"A\n---\n", 2, "no closing quote"),
            ("---\ntags: [a, b\n---\n", 2, "no closing ]"),
            ("---\ntitle: A\n", 1, "no closing ---"),
            (
                "---\ntitle: A\napply_url: javascript:alert(1)\n---\n",
                3,
                "not an http",
            ),
        ];
        for (text, line, says) in cases {
            let read = read_post("bad.md", text, &options());
            let Outcome::Failed(notice) = read.outcome else {
                panic!("{text:?} was accepted")
            };
            assert_eq!(notice.line, Some(line), "{notice}");
            assert!(notice.message.contains(says), "{notice}");
            assert!(notice.to_string().starts_with(&format!("bad.md:{line}: ")));
        }
    }

    #[test]
    fn the_apply_link_falls_back_to_a_link_labelled_apply() {
        let md = "---\ntitle: A\n---\nSee [our site](https://example.org/about) or \
                  [**Apply now**](https://jobs.example.org/a).";
        assert_eq!(read("a.md", md).0.apply_url, "https://jobs.example.org/a");
        let html = "---\ntitle: A\n---\n<a class=\"btn\" href=\"https://jobs.example.org/b?x=1&amp;y=2\">Apply</a>";
        assert_eq!(
            read("b.md", html).0.apply_url,
            "https://jobs.example.org/b?x=1&y=2"
        );
        let none = read_post(
            "c.md",
            "---\ntitle: A\n---\n[Apply](javascript:x)",
            &options(),
        );
        assert!(matches!(none.outcome, Outcome::Failed(n) if n.message.contains("no apply link")));
    }

    #[test]
    fn posts_that_are_not_for_publishing_are_ignored() {
        for text in [
            "no front matter here",
            "---\ntitle: A\npublished: false\n---\n",
        ] {
            assert!(matches!(
                read_post("x.md", text, &options()).outcome,
                Outcome::Ignored(_)
            ));
        }
    }

    #[test]
    fn ambiguous_phrases_state_nothing() {
        assert_eq!(employment_stated("full-time or part-time"), None);
        assert_eq!(workplace_stated("this is not a remote position"), None);
        assert_eq!(salary_stated("we pay well. the team has 3 people."), None);
        let range = salary_stated("the salary range is €45.000 – €52.000 per year.").unwrap();
        assert_eq!((range.min, range.max), (Some(45_000.0), Some(52_000.0)));
        assert_eq!(range.currency.as_deref(), Some("EUR"));
        let hourly = salary_stated("pay is up to $31.50 per hour.").unwrap();
        assert_eq!((hourly.min, hourly.max), (None, Some(31.5)));
        assert_eq!(hourly.currency, None, "a bare $ names no country");
        assert_eq!(hourly.period, SalaryPeriod::Hour);
    }

    #[test]
    fn liquid_is_removed_but_raw_blocks_are_kept() {
        assert_eq!(
            strip_liquid("a{{ x }}b{% if y %}c{% endif %}{% comment %}hidden{% endcomment %}d{% raw %}{{ kept }}{% endraw %}{x}"),
            "abcd{{ kept }}{x}"
        );
    }
}
