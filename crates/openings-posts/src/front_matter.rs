//! The front matter of a post, as static-site generators write it: YAML
//! between `---` lines (Jekyll, Hugo, Eleventy) or TOML between `+++` lines
//! (Hugo), read by maintained parsers (`yaml-rust2`, `toml`) into fields
//! that remember their line, so that every message can cite it.
//!
//! Sites write front matter that their generator forgives and a strict
//! parser does not, and each is read with a warning that names the line
//! and says how to write it: a plain value with `: ` inside (`title:
//! Position Search: Officer`), indentation with a tab, a key given twice
//! (the last one counts, as in Jekyll), a block of `key: value` lines with
//! no `---` around it.

use yaml_rust2::parser::{MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;
use yaml_rust2::Event;

/// A front-matter value: a scalar as written (numbers, dates and booleans
/// are their text), a list, or a map.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    List(Vec<Value>),
    Map(Vec<Field>),
}

/// One key of the front matter (or of a map inside it), with its line in
/// the file (from 1).
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub key: String,
    pub value: Value,
    pub line: usize,
}

/// How the front matter is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    /// YAML between `---` lines.
    Yaml,
    /// TOML between `+++` lines (Hugo).
    Toml,
    /// `key: value` lines at the top of the file with no `---` around them.
    Unfenced,
}

/// A post's front matter, and where its body starts.
#[derive(Clone, Debug, PartialEq)]
pub struct FrontMatter {
    pub syntax: Syntax,
    pub fields: Vec<Field>,
    /// The byte offset of the body in the file.
    pub body_offset: usize,
    /// Things the site editor should know, by line.
    pub warnings: Vec<(usize, String)>,
}

/// Why the front matter cannot be read: the line, and what is wrong there.
pub type Problem = (Option<usize>, String);

/// Fields read, and what to tell the site editor, by line.
type Read = (Vec<Field>, Vec<(usize, String)>);

impl FrontMatter {
    /// The front matter of `text`: `Ok(None)` when it has none.
    pub fn parse(text: &str) -> Result<Option<FrontMatter>, Problem> {
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let lines: Vec<(usize, &str)> = line_offsets(&text[bom..])
            .map(|(offset, line)| (offset + bom, line))
            .collect();
        let Some((_, first)) = lines.first() else {
            return Ok(None);
        };
        let fence = first.trim_end();
        let syntax = match fence {
            "---" => Syntax::Yaml,
            "+++" => Syntax::Toml,
            _ => return Ok(unfenced(text, &lines)),
        };
        let end = lines
            .iter()
            .enumerate()
            .skip(1)
            .find(|(_, (_, l))| {
                let l = l.trim_end();
                l == fence || (syntax == Syntax::Yaml && l == "...")
            })
            .map(|(i, _)| i)
            .ok_or_else(|| {
                (
                    Some(1),
                    format!("the front matter starts with {fence} but has no closing {fence} line"),
                )
            })?;
        let body_offset = lines.get(end + 1).map_or(text.len(), |(offset, _)| *offset);
        let inner: Vec<&str> = lines[1..end].iter().map(|(_, l)| *l).collect();
        // Line numbers of the file: the first inner line is line 2.
        let (fields, warnings) = match syntax {
            Syntax::Toml => (toml_fields(&inner.join("\n"), 2)?, Vec::new()),
            _ => yaml_fields(&inner, 2)?,
        };
        let mut front = FrontMatter {
            syntax,
            fields,
            body_offset,
            warnings,
        };
        front.note_repeated_keys();
        Ok(Some(front))
    }

    /// The field under the first of `keys` present (case-insensitive; of a
    /// key given twice, the last).
    pub fn field(&self, keys: &[&str]) -> Option<&Field> {
        keys.iter().find_map(|key| {
            self.fields
                .iter()
                .rev()
                .find(|f| f.key.eq_ignore_ascii_case(key) && !f.value.is_empty())
        })
    }

    /// A text value, trimmed and not empty (of a list, its first text).
    pub fn text(&self, keys: &[&str]) -> Option<(String, usize)> {
        let field = self.field(keys)?;
        field.value.first_text().map(|t| (t, field.line))
    }

    /// The texts of a list, or one text as a list of one.
    pub fn list(&self, keys: &[&str]) -> Vec<String> {
        self.field(keys)
            .map(|f| f.value.texts())
            .unwrap_or_default()
    }

    /// Words: a list, or one text split at commas and white space
    /// (Jekyll's `tags: jobs careers`, and `tags: jobs, careers`).
    pub fn words(&self, keys: &[&str]) -> Vec<String> {
        match self.field(keys).map(|f| &f.value) {
            Some(Value::Text(s)) => s
                .split([',', ' ', '\t'])
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(String::from)
                .collect(),
            _ => self.list(keys),
        }
    }

    /// A yes/no value; an error names the line when it is neither.
    pub fn flag(&self, keys: &[&str]) -> Result<Option<bool>, Problem> {
        match self.text(keys) {
            None => Ok(None),
            Some((raw, line)) => match raw.to_ascii_lowercase().as_str() {
                "true" | "yes" | "on" => Ok(Some(true)),
                "false" | "no" | "off" => Ok(Some(false)),
                _ => Err((
                    Some(line),
                    format!("{}: \"{raw}\" should be true or false", keys[0]),
                )),
            },
        }
    }

    /// A key given twice is a YAML error that Jekyll forgives (the last one
    /// counts): say so, naming both lines.
    fn note_repeated_keys(&mut self) {
        let mut notes = Vec::new();
        for (i, field) in self.fields.iter().enumerate() {
            if let Some(earlier) = self.fields[..i]
                .iter()
                .rev()
                .find(|f| f.key.eq_ignore_ascii_case(&field.key))
            {
                notes.push((
                    field.line,
                    format!(
                        "`{}` is given twice (lines {} and {}): the last one is used; remove the other",
                        field.key, earlier.line, field.line
                    ),
                ));
            }
        }
        self.warnings.extend(notes);
    }
}

impl Value {
    fn is_empty(&self) -> bool {
        match self {
            Value::Text(s) => s.trim().is_empty(),
            Value::List(items) => items.iter().all(Value::is_empty),
            Value::Map(fields) => fields.is_empty(),
        }
    }

    /// This text, or the first text of this list.
    pub fn first_text(&self) -> Option<String> {
        match self {
            Value::Text(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Value::List(items) => items.iter().find_map(Value::first_text),
            Value::Map(_) => None,
        }
    }

    /// Every text of this value, in order.
    pub fn texts(&self) -> Vec<String> {
        match self {
            Value::Text(_) => self.first_text().into_iter().collect(),
            Value::List(items) => items.iter().filter_map(Value::first_text).collect(),
            Value::Map(_) => Vec::new(),
        }
    }

    /// The text under `key` of this map.
    pub fn get(&self, key: &str) -> Option<String> {
        match self {
            Value::Map(fields) => fields
                .iter()
                .rev()
                .find(|f| f.key.eq_ignore_ascii_case(key))
                .and_then(|f| f.value.first_text()),
            _ => None,
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

/// `key: value` lines at the very top, ended by a blank line, with a
/// `title:` among them: front matter that lost its `---` lines (posts
/// migrated from other generators write this). Read with a warning.
fn unfenced(text: &str, lines: &[(usize, &str)]) -> Option<FrontMatter> {
    let end = lines.iter().position(|(_, l)| l.trim().is_empty())?;
    let block: Vec<&str> = lines[..end].iter().map(|(_, l)| *l).collect();
    let is_key_line = |l: &&str| {
        l.split_once(':').is_some_and(|(k, _)| {
            !k.is_empty()
                && k.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        })
    };
    if block.len() < 2
        || !block.iter().all(is_key_line)
        || !block.iter().any(|l| l.starts_with("title:"))
    {
        return None;
    }
    let (fields, mut warnings) = yaml_fields(&block, 1).ok()?;
    warnings.insert(
        0,
        (
            1,
            "the front matter has no --- lines around it, so Jekyll does not read it: add a \
             line --- before the first key and another after the last"
                .into(),
        ),
    );
    let mut front = FrontMatter {
        syntax: Syntax::Unfenced,
        fields,
        body_offset: lines.get(end).map_or(text.len(), |(offset, _)| *offset),
        warnings,
    };
    front.note_repeated_keys();
    Some(front)
}

/// The fields of YAML front matter whose first line is line `first_line`
/// of the file; what could be mended is mended and said.
fn yaml_fields(lines: &[&str], first_line: usize) -> Result<Read, Problem> {
    let mut lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let mut warnings = Vec::new();
    // Each mend changes one line; a front matter has few lines.
    for _ in 0..=lines.len() {
        let source = lines.join("\n");
        let mut builder = Builder::new(first_line);
        match Parser::new_from_str(&source).load(&mut builder, false) {
            Ok(()) => {
                let fields = match builder.root {
                    Some(Value::Map(fields)) => fields,
                    None | Some(Value::Text(_)) if source.trim().is_empty() => Vec::new(),
                    _ => {
                        return Err((
                            Some(first_line),
                            "the front matter is not a list of `key: value` lines".into(),
                        ))
                    }
                };
                return Ok((fields, warnings));
            }
            Err(error) => {
                // An error at the end of the input is on the last line.
                let at = (error.marker().line().max(1) - 1).min(lines.len().saturating_sub(1));
                let (mended, why) = mend(&lines, at, error.info()).ok_or_else(|| {
                    (
                        Some(first_line + at),
                        format!("front matter: {}", error.info()),
                    )
                })?;
                warnings.push((first_line + mended.start, why));
                for i in mended {
                    let line = std::mem::take(&mut lines[i]);
                    lines[i] = mended_line(&line);
                }
            }
        }
    }
    Err((Some(first_line), "front matter: cannot be read".into()))
}

/// Which lines near a YAML error (at line index `at`, or the one before
/// it) can be mended, and what to tell the site editor.
fn mend(lines: &[String], at: usize, error: &str) -> Option<(std::ops::Range<usize>, String)> {
    if error.contains("indentation in quoted scalar") {
        // A quoted value over several lines whose next lines start at the
        // left margin (libyaml, and so Jekyll, reads it; strict YAML does
        // not): the lines up to its closing quote are indented.
        let quote = lines
            .get(at)?
            .split_once(": ")?
            .1
            .trim_start()
            .chars()
            .next()?;
        let end = (at + 1..lines.len())
            .find(|&i| lines[i].contains(quote))
            .unwrap_or(lines.len() - 1);
        return Some((
            at + 1..end + 1,
            "a quoted value goes on over several lines that are not indented: indent them \
             (read as if they were)"
                .into(),
        ));
    }
    // A tab before a key: the error names that line, or the line of the
    // value it was reading on into it (the one before).
    let tabbed =
        |l: &String| l.starts_with('\t') || l.starts_with(' ') && l.trim_start().starts_with('\t');
    if let Some(i) = [at, at + 1, at.saturating_sub(1)]
        .into_iter()
        .find(|&i| lines.get(i).is_some_and(tabbed))
    {
        return Some((
            i..i + 1,
            "indented with a tab, which YAML does not allow: indent with spaces (read as if it were)"
                .into(),
        ));
    }
    for i in [at, at.saturating_sub(1)] {
        let line = lines.get(i)?;
        if let Some((key, value)) = plain_value_with_colon(line) {
            return Some((
                i..i + 1,
                format!(
                    "the value of `{key}` has \": \" in it, which YAML reads as another key: put it \
                     in quotes ({key}: \"{value}\"); read as text"
                ),
            ));
        }
    }
    None
}

/// `key: value: more`, the value neither quoted nor a flow list or map.
fn plain_value_with_colon(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(": ")?;
    let value = value.trim();
    let key_ok = !key.is_empty()
        && !key.starts_with([' ', '\t', '-', '#'])
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' '));
    let plain = !value.starts_with(['"', '\'', '[', '{', '|', '>', '&', '*', '!']);
    (key_ok && plain && (value.contains(": ") || value.ends_with(':'))).then_some((key, value))
}

/// The line as YAML reads what was meant: leading tabs as spaces, or the
/// value quoted.
fn mended_line(line: &str) -> String {
    let body = line.trim_start_matches([' ', '\t']);
    let lead = &line[..line.len() - body.len()];
    if lead.contains('\t') {
        return format!("{}{body}", lead.replace('\t', "  "));
    }
    match plain_value_with_colon(line) {
        Some((key, value)) => format!("{key}: '{}'", value.replace('\'', "''")),
        None if line.is_empty() => String::new(),
        None => format!("  {line}"),
    }
}

/// Builds values from the parser's events, keeping each key's line.
struct Builder {
    first_line: usize,
    stack: Vec<Open>,
    root: Option<Value>,
}

enum Open {
    Map {
        fields: Vec<Field>,
        key: Option<(String, usize)>,
    },
    List(Vec<Value>),
}

impl Builder {
    fn new(first_line: usize) -> Builder {
        Builder {
            first_line,
            stack: Vec::new(),
            root: None,
        }
    }

    fn line(&self, mark: Marker) -> usize {
        self.first_line + mark.line().max(1) - 1
    }

    /// A complete value: a map's key or value, a list's item, or the root.
    fn value(&mut self, value: Value, line: usize) {
        match self.stack.last_mut() {
            Some(Open::Map { fields, key }) => match key.take() {
                Some((key, line)) => fields.push(Field { key, value, line }),
                None => *key = Some((value.first_text().unwrap_or_default(), line)),
            },
            Some(Open::List(items)) => items.push(value),
            None => self.root = Some(value),
        }
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, event: Event, mark: Marker) {
        let line = self.line(mark);
        match event {
            Event::MappingStart(..) => self.stack.push(Open::Map {
                fields: Vec::new(),
                key: None,
            }),
            Event::SequenceStart(..) => self.stack.push(Open::List(Vec::new())),
            Event::MappingEnd | Event::SequenceEnd => {
                let value = match self.stack.pop() {
                    Some(Open::Map { fields, .. }) => Value::Map(fields),
                    Some(Open::List(items)) => Value::List(items),
                    None => return,
                };
                self.value(value, line);
            }
            Event::Scalar(text, ..) => self.value(Value::Text(text), line),
            // An alias stands for a value given elsewhere: not a fact here.
            Event::Alias(_) => self.value(Value::Text(String::new()), line),
            _ => {}
        }
    }
}

/// The fields of TOML front matter whose first line is line `first_line`.
fn toml_fields(source: &str, first_line: usize) -> Result<Vec<Field>, Problem> {
    let line_of =
        |offset: usize| first_line + source[..offset.min(source.len())].matches('\n').count();
    let table = toml::de::DeTable::parse(source).map_err(|e| {
        (
            e.span().map(|s| line_of(s.start)),
            format!("front matter (TOML): {}", e.message()),
        )
    })?;
    Ok(toml_table(table.get_ref(), &line_of))
}

fn toml_table(table: &toml::de::DeTable<'_>, line_of: &dyn Fn(usize) -> usize) -> Vec<Field> {
    table
        .iter()
        .map(|(key, value)| Field {
            key: key.get_ref().to_string(),
            value: toml_value(value.get_ref(), line_of),
            line: line_of(key.span().start),
        })
        .collect()
}

fn toml_value(value: &toml::de::DeValue<'_>, line_of: &dyn Fn(usize) -> usize) -> Value {
    use toml::de::DeValue;
    match value {
        DeValue::String(s) => Value::Text(s.to_string()),
        DeValue::Integer(n) => Value::Text(n.as_str().to_string()),
        DeValue::Float(n) => Value::Text(n.as_str().to_string()),
        DeValue::Boolean(b) => Value::Text(b.to_string()),
        DeValue::Datetime(d) => Value::Text(d.to_string()),
        DeValue::Array(items) => Value::List(
            items
                .iter()
                .map(|item| toml_value(item.get_ref(), line_of))
                .collect(),
        ),
        DeValue::Table(table) => Value::Map(toml_table(table, line_of)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> FrontMatter {
        FrontMatter::parse(text).unwrap().unwrap()
    }

    #[test]
    fn yaml_front_matter_is_read_with_the_line_of_each_key() {
        let front = parse(
            "---\ntitle:  \"Archivist \"\ndate:   2022-07-08\ntags: [jobs, \"archives, rare\"]\n\
             location:\n  name: Leiden\n  latitude:\nexcerpt: \"two\n  lines\"\ntag: job\n---\nBody\n",
        );
        assert_eq!(front.syntax, Syntax::Yaml);
        assert_eq!(front.text(&["title"]), Some(("Archivist".into(), 2)));
        assert_eq!(front.text(&["date"]), Some(("2022-07-08".into(), 3)));
        assert_eq!(front.list(&["tags"]), ["jobs", "archives, rare"]);
        assert_eq!(
            front
                .field(&["location"])
                .unwrap()
                .value
                .get("name")
                .as_deref(),
            Some("Leiden")
        );
        assert_eq!(front.text(&["excerpt"]), Some(("two lines".into(), 8)));
        assert_eq!(front.words(&["tags", "tag"]), ["jobs", "archives, rare"]);
        assert_eq!(front.words(&["tag"]), ["job"]);
        assert!(front.warnings.is_empty(), "{:?}", front.warnings);
    }

    #[test]
    fn a_colon_inside_a_plain_value_is_read_as_text_with_a_warning() {
        let front = parse("---\ntitle: Position Search: IIIF Community & Communications Officer\ndate: 2017-11-16\n---\n");
        assert_eq!(
            front.text(&["title"]).unwrap().0,
            "Position Search: IIIF Community & Communications Officer"
        );
        assert_eq!(front.warnings.len(), 1);
        let (line, said) = &front.warnings[0];
        assert_eq!(*line, 2);
        assert!(said.contains("put it in quotes"), "{said}");
    }

    #[test]
    fn tabs_repeated_keys_and_missing_fences_are_mended_and_said() {
        let front = parse("---\ntitle: A\nlocation:\n\tname: Chapel Hill\ndate: 2015-06-22\ndate: 2015-06-23\n--- \nbody");
        assert_eq!(
            front
                .field(&["location"])
                .unwrap()
                .value
                .get("name")
                .as_deref(),
            Some("Chapel Hill")
        );
        assert_eq!(front.text(&["date"]), Some(("2015-06-23".into(), 6)));
        let said: Vec<String> = front
            .warnings
            .iter()
            .map(|(l, w)| format!("{l}: {w}"))
            .collect();
        assert!(said[0].starts_with("4: indented with a tab"), "{said:?}");
        assert!(
            said[1].starts_with("6: `date` is given twice (lines 5 and 6)"),
            "{said:?}"
        );

        let text = "title: Vacancy\ndate: 2018-10-12 12:55:39 UTC+01:00\ntags: jobs, careers\n\nThe body.\n";
        let front = parse(text);
        assert_eq!(front.syntax, Syntax::Unfenced);
        assert_eq!(front.words(&["tags"]), ["jobs", "careers"]);
        assert_eq!(&text[front.body_offset..], "\nThe body.\n");
        assert!(front.warnings[0].1.contains("no --- lines"));
        assert_eq!(
            FrontMatter::parse("Just a note: nothing else\n\nBody").unwrap(),
            None
        );

        let front = parse("---\ntitle: \"On-Call Librarians\"\nexcerpt: \"One\n\nSkills Required:\nreading\"\ntag: job\n---\n");
        assert_eq!(
            front.text(&["excerpt"]).unwrap().0,
            "One\nSkills Required: reading"
        );
        assert_eq!(front.text(&["tag"]), Some(("job".into(), 7)));
        assert_eq!(front.warnings.len(), 1, "{:?}", front.warnings);
        assert!(front.warnings[0].1.contains("not indented"));
        assert_eq!(front.warnings[0].0, 4);
    }

    #[test]
    fn toml_front_matter_is_read_too() {
        let front = parse(
            "+++\ntitle = \"2-year postdoc at University of Zürich\"\ndate = \"2021-10-14 09:42:39\"\n\
             categories = [\"news\", \"open-positions\"]\npublished = 2021-10-14T09:00:00Z\n\n[params]\nlink = \"https://example.org\"\n+++\nBody",
        );
        assert_eq!(front.syntax, Syntax::Toml);
        assert_eq!(
            front.text(&["title"]),
            Some(("2-year postdoc at University of Zürich".into(), 2))
        );
        assert_eq!(
            front.text(&["date"]),
            Some(("2021-10-14 09:42:39".into(), 3))
        );
        assert_eq!(front.list(&["categories"]), ["news", "open-positions"]);
        assert_eq!(
            front.text(&["published"]).unwrap().0,
            "2021-10-14T09:00:00Z"
        );
        assert_eq!(
            front
                .field(&["params"])
                .unwrap()
                .value
                .get("link")
                .as_deref(),
            Some("https://example.org")
        );
    }

    #[test]
    fn broken_front_matter_cites_its_line() {
        for (text, line, says) in [
            ("---\ntitle: A\n", 1, "no closing ---"),
            ("+++\ntitle = \"A\"\n", 1, "no closing +++"),
            ("---\ntitle: \"A\n---\n", 2, "front matter"),
            ("---\ntitle: A\n  b: c\n---\n", 3, "front matter"),
            ("+++\ntitle = \"A\"\ntitle = \"B\"\n+++\n", 3, "TOML"),
            (
                "---\n- a\n- b\n---\n",
                2,
                "not a list of `key: value` lines",
            ),
        ] {
            let (at, said) = FrontMatter::parse(text).unwrap_err();
            assert_eq!(at, Some(line), "{text:?}: {said}");
            assert!(said.contains(says), "{text:?}: {said}");
        }
    }
}
