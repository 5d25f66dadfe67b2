//! Text helpers: bounded lengths, and folding for search ("Bibliothèque" and
//! "bibliotheque" fold to the same text) without a Unicode-tables crate.

/// The longest short field (title, organization, place…) we keep, in characters.
pub const MAX_FIELD_CHARS: usize = 500;
/// The longest description we keep, in bytes.
pub const MAX_DESCRIPTION_BYTES: usize = 200_000;

/// At most `max` characters of `s` (cut on a character boundary).
pub fn clip(s: &str, max: usize) -> String {
    // No more bytes than the limit means no more characters either: the
    // common case, answered without walking the text.
    if s.len() <= max {
        return s.to_string();
    }
    match s.char_indices().nth(max) {
        Some((at, _)) => s[..at].to_string(),
        None => s.to_string(),
    }
}

/// At most `max` bytes of `s`, cut on a character boundary.
pub fn clip_bytes(s: &str, max: usize) -> &str {
    let mut at = s.len().min(max);
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    &s[..at]
}

/// Characters a terminal may obey rather than show, or that make a line
/// read differently from what it holds: the C1 controls (an 8-bit CSI is
/// U+009B), the invisible bidirectional controls, the line and paragraph
/// separators, and the characters drawn as nothing or as blank space —
/// zero-width space, word joiner, soft hyphen, byte order mark, variation
/// selectors, invisible operators, Hangul fillers, tag characters (which
/// can hide a whole ASCII text): "java\u{200b}script:" looks like any other
/// link, and a host name keeps its look with a soft hyphen or a variation
/// selector that IDNA then drops. The joiners that shape Persian and Indic
/// words and emoji (U+200C, U+200D) are text, and stay.
pub fn is_hidden_control(c: char) -> bool {
    matches!(
        c,
        '\u{80}'..='\u{9f}'
            | '\u{ad}'
            | '\u{34f}'
            | '\u{61c}'
            | '\u{115f}'
            | '\u{1160}'
            | '\u{17b4}'
            | '\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff0}'..='\u{fffb}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}'
    )
}

/// Text made safe to show where a hidden character could mislead: a
/// terminal, a console line, a message naming a feed's link. Every control
/// character (C0, DEL, C1) and every character of [`is_hidden_control`]
/// is written as a visible `\u{…}` escape; the rest is kept. An escape
/// sequence in a feed's title cannot move a terminal's cursor, and a tab
/// inside "java\tscript:" shows. Kept where they are part of what shows,
/// not hidden: a variation selector after a letter or symbol that is not
/// ASCII ("❤️"), the tag characters of a subdivision flag after U+1F3F4
/// ("🏴󠁧󠁢󠁳󠁣󠁴󠁿"), and the Mongolian variation selectors after a Mongolian
/// letter; after ASCII, where they would disguise a host name, they show.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let mut out = String::new();
    let mut prev: Option<char> = None;
    // Inside the tags of a flag: from right after U+1F3F4 to the cancel tag.
    let mut flag = false;
    for (at, c) in text.char_indices() {
        let part_of_what_shows = match c {
            '\u{fe00}'..='\u{fe0f}' => prev.is_some_and(|p| !p.is_ascii() && !is_hidden_control(p)),
            '\u{e0020}'..='\u{e007f}' => {
                flag = flag || prev == Some('\u{1f3f4}');
                flag
            }
            '\u{180b}'..='\u{180f}' => prev.is_some_and(|p| ('\u{1820}'..='\u{18af}').contains(&p)),
            _ => false,
        };
        if !('\u{e0020}'..='\u{e007e}').contains(&c) {
            flag = false;
        }
        let hidden = !part_of_what_shows && (c.is_control() || is_hidden_control(c));
        if hidden && out.is_empty() {
            out.push_str(&text[..at]);
        }
        if hidden {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else if !out.is_empty() {
            out.push(c);
        }
        prev = Some(c);
    }
    if out.is_empty() {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(out)
    }
}

/// At most `max` characters, with "…" when cut: for messages.
pub fn ellipsize(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}

/// The character reference for a character that means markup in HTML and
/// XML (`&`, `<`, `>`, `"`, `'`), which makes it mean text again.
pub fn markup_reference(c: char) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        _ => None,
    }
}

/// Appends `text` to `out` as text of HTML or XML, in content or in a
/// quoted attribute value: every [`markup_reference`] character escaped.
/// The one escaper of the code: rich text, composed headings, exports and
/// the CLI all write through it.
pub fn escape_markup_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match markup_reference(c) {
            Some(reference) => out.push_str(reference),
            None => out.push(c),
        }
    }
}

/// `text` as text of HTML or XML (see [`escape_markup_into`]).
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_markup_into(&mut out, text);
    out
}

/// Folds text for matching: lower case, accents and ligatures removed,
/// punctuation turned to spaces, runs of spaces collapsed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.chars() {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            // A combining accent (decomposed input): dropped, not a word break.
            continue;
        }
        if c.is_alphanumeric() {
            // 'İ' lowercases to 'i' plus a combining dot: drop the dot here
            // too, or a second fold would change the text again.
            for l in c
                .to_lowercase()
                .filter(|l| !('\u{300}'..='\u{36f}').contains(l))
            {
                push_folded(&mut out, l);
            }
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Pushes a lower-case letter without its diacritics.
fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c);
        return;
    }
    let plain = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        other => {
            out.push(other);
            return;
        }
    };
    out.push_str(plain);
}

/// The readable text of an HTML fragment, for searching: tags dropped,
/// the common entities decoded. Not a sanitizer; never rendered.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        out.push(' ');
        rest = match rest[lt..].find('>') {
            Some(gt) => &rest[lt + gt + 1..],
            None => "",
        };
    }
    out.push_str(rest);
    decode_entities(&out)
}

/// Decodes the named entities feeds commonly use, and numeric ones.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    decode_entities_into(&mut out, s);
    out
}

/// [`decode_entities`], appended to `out`.
pub fn decode_entities_into(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|i| i + 1);
        let decoded = end.filter(|&e| rest[e..].starts_with(';')).and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ if !name.starts_with('#') => typographic_entity(name),
                _ => name.strip_prefix('#').and_then(|n| {
                    let code = match n.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => n.parse().ok(),
                    };
                    code.and_then(char::from_u32)
                }),
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

/// The typographic and accented-letter entities job descriptions use
/// (Greenhouse's escaped HTML is full of `&rsquo;` and `&ndash;`).
fn typographic_entity(name: &str) -> Option<char> {
    Some(match name {
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "sbquo" => '\u{201a}',
        "ldquo" => '\u{201c}',
        "rdquo" => '\u{201d}',
        "bdquo" => '\u{201e}',
        "laquo" => '«',
        "raquo" => '»',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "shy" => '\u{ad}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "zwj" => '\u{200d}',
        "zwnj" => '\u{200c}',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "sect" => '§',
        "para" => '¶',
        "times" => '×',
        "divide" => '÷',
        "plusmn" => '±',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "aacute" => 'á',
        "agrave" => 'à',
        "acirc" => 'â',
        "auml" => 'ä',
        "aring" => 'å',
        "ccedil" => 'ç',
        "eacute" => 'é',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "iacute" => 'í',
        "icirc" => 'î',
        "iuml" => 'ï',
        "ntilde" => 'ñ',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "ouml" => 'ö',
        "oslash" => 'ø',
        "uacute" => 'ú',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "szlig" => 'ß',
        "Eacute" => 'É',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        _ => return None,
    })
}

/// A decimal written with ASCII digits and at most one `.` ("70000",
/// "70000.50", ".5", "5."), as the nearest `f64`; `None` for anything else
/// (signs, exponents, `inf`, a second `.`, no digit, or so many digits that
/// the value is past `f64`'s range).
///
/// Not `str::parse::<f64>`: its exact algorithm brings ~14 KB of tables into
/// the WebAssembly, and a salary or a second needs none of them. Up to 15
/// significant digits the answer is exact-then-rounded once (both parts fit
/// in an `f64` exactly), so it is the correctly rounded value.
pub fn decimal(s: &str) -> Option<f64> {
    let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + fraction.len() == 0 || !digits(whole) || !digits(fraction) {
        return None;
    }
    let mut mantissa = 0f64;
    for b in whole.bytes().chain(fraction.bytes()) {
        mantissa = mantissa * 10.0 + f64::from(b - b'0');
    }
    let scale = (0..fraction.len()).fold(1f64, |p, _| p * 10.0);
    Some(mantissa / scale).filter(|n| n.is_finite())
}

/// Currencies written as their ISO code next to an amount ("EUR 3,000",
/// "70,000 usd"), lower-cased: the feeds' pay text and the posts' both.
pub const CURRENCY_CODES: [&str; 12] = [
    "usd", "eur", "gbp", "cad", "aud", "nzd", "chf", "sek", "nok", "dkk", "jpy", "inr",
];

/// The spaces that group an amount's thousands ("45 000"): a space, a
/// no-break space, a narrow no-break space.
const GROUP_SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

/// An amount written in a text: its value, and where it starts and ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Amount {
    pub value: f64,
    pub start: usize,
    pub end: usize,
    /// Written with a `k` for thousands ("60k").
    pub thousands: bool,
}

/// The amounts a text writes, each with where it starts and ends in it:
/// "15,000 - 30,000" is two, "1,234.56", "3.400,00" and "45 000" one
/// each, "$70k" is 70,000. Digits grouped by one separator (`,` or `.`)
/// are one number; a separator used once and not followed by exactly three
/// digits, or the last of two kinds, is the decimal point.
pub fn amounts(text: &str) -> Vec<Amount> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_digit() {
            at += 1;
            continue;
        }
        let start = at;
        let mut spaced = false;
        loop {
            let group = at;
            while bytes
                .get(at)
                .is_some_and(|&b| b.is_ascii_digit() || matches!(b, b',' | b'.'))
            {
                at += 1;
            }
            // Groups of three digits after a space ("45 000", "3 400,00"),
            // as French, Nordic and other writers group thousands; the
            // space may be a no-break one (U+00A0, U+202F).
            let digits = bytes[group..at].iter().all(u8::is_ascii_digit);
            let len = at - group;
            if !digits || len > 3 || (spaced && len != 3) {
                break;
            }
            let gap = text[at..]
                .chars()
                .next()
                .filter(|c| GROUP_SPACES.contains(c))
                .map_or(0, char::len_utf8);
            let next = &bytes[at + gap..];
            // Not a percentage: "Level 3 100% remote".
            let three = next.len() >= 3
                && next[..3].iter().all(u8::is_ascii_digit)
                && !next
                    .get(3)
                    .is_some_and(|b| b.is_ascii_digit() || *b == b'%');
            if gap == 0 || !three {
                break;
            }
            at += gap;
            spaced = true;
        }
        // A point or comma after the last digit ends a sentence or a list.
        while matches!(bytes[at - 1], b',' | b'.') {
            at -= 1;
        }
        let written: String = text[start..at].split(GROUP_SPACES).collect();
        // Grouped by spaces, a point or comma is the decimal one: "3 400,50".
        let written = match spaced {
            true => written.replacen(',', ".", 1),
            false => written,
        };
        let value = match spaced && written.matches('.').count() <= 1 {
            true => decimal(&written),
            false => amount(&written),
        };
        let Some(mut n) = value else {
            return Vec::new();
        };
        let thousands = matches!(bytes.get(at), Some(b'k' | b'K'))
            && !bytes.get(at + 1).is_some_and(u8::is_ascii_alphabetic);
        if thousands {
            n *= 1000.0;
            at += 1;
        }
        found.push(Amount {
            value: n,
            start,
            end: at,
            thousands,
        });
    }
    found
}

/// One amount as written: digits, and `,` or `.` between them.
fn amount(token: &str) -> Option<f64> {
    let Some(last) = token.rfind([',', '.']) else {
        return decimal(token);
    };
    let mark = token.as_bytes()[last];
    let marks = token.bytes().filter(|&b| b == mark).count();
    let mixed = token.bytes().any(|b| matches!(b, b',' | b'.') && b != mark);
    let digits = |part: &str| {
        part.chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
    };
    if mixed || (marks == 1 && token.len() - last - 1 != 3) {
        let whole = digits(&token[..last]);
        decimal(&format!("{whole}.{}", &token[last + 1..]))
    } else {
        decimal(&digits(token))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_hidden_controls_are_shown_not_obeyed() {
        // Erase the line, go up one, print a fake "ok".
        assert_eq!(
            printable("Archivist\u{1b}[2K\u{1b}[1A\r  entry 9 \"Fake\": ok"),
            "Archivist\\u{1b}[2K\\u{1b}[1A\\u{d}  entry 9 \"Fake\": ok"
        );
        assert_eq!(
            printable("two\nlines\tand\u{7}bell\u{7f}"),
            "two\\u{a}lines\\u{9}and\\u{7}bell\\u{7f}"
        );
        assert_eq!(printable("c1 \u{9b}31m"), "c1 \\u{9b}31m");
        assert_eq!(
            printable("gnp.\u{202e}exe"),
            "gnp.\\u{202e}exe",
            "a right-to-left override"
        );
        assert_eq!(
            printable("Bibliothèque — 図書館 ✓"),
            "Bibliothèque — 図書館 ✓"
        );
        // Every invisible bidirectional control, the line and paragraph
        // separators, and their neighbours that show.
        for hidden in [
            '\u{61c}',
            '\u{200b}',
            '\u{200e}',
            '\u{200f}',
            '\u{2028}',
            '\u{2029}',
            '\u{202a}',
            '\u{202c}',
            '\u{202e}',
            '\u{2060}',
            '\u{2066}',
            '\u{2069}',
            '\u{feff}',
            // Drawn as nothing or as blank space.
            '\u{80}',
            '\u{ad}',
            '\u{34f}',
            '\u{115f}',
            '\u{1160}',
            '\u{17b4}',
            '\u{17b5}',
            '\u{180b}',
            '\u{180e}',
            '\u{180f}',
            '\u{2061}',
            '\u{2064}',
            '\u{2065}',
            '\u{206a}',
            '\u{206f}',
            '\u{3164}',
            '\u{fe00}',
            '\u{fe0f}',
            '\u{ffa0}',
            '\u{fff0}',
            '\u{fffb}',
            '\u{1d173}',
            '\u{1d17a}',
            '\u{e0000}',
            '\u{e0001}',
            '\u{e0041}',
            '\u{e007f}',
            '\u{e0100}',
            '\u{e01ef}',
            '\u{e0fff}',
        ] {
            assert_eq!(
                printable(&format!("a{hidden}b")),
                format!("a\\u{{{:x}}}b", u32::from(hidden))
            );
        }
        for shown in [
            '\u{61b}',
            '\u{200c}',
            '\u{200d}',
            '\u{2010}',
            '\u{2027}',
            '\u{202f}',
            '\u{fefe}',
            '\u{a0}',
            '\u{ac}',
            '\u{ae}',
            '\u{34e}',
            '\u{350}',
            '\u{115e}',
            '\u{1161}',
            '\u{17b3}',
            '\u{17b6}',
            '\u{180a}',
            '\u{1810}',
            '\u{205f}',
            '\u{2070}',
            '\u{3163}',
            '\u{3165}',
            '\u{fdff}',
            '\u{fe10}',
            '\u{ff9f}',
            '\u{ffa1}',
            '\u{ffef}',
            '\u{fffc}',
            '\u{1d172}',
            '\u{1d17b}',
            '\u{dffff}',
            '\u{e1000}',
            '😀',
        ] {
            assert_eq!(printable(&format!("a{shown}b")), format!("a{shown}b"));
        }
    }

    #[test]
    fn what_shows_as_part_of_a_letter_or_symbol_stays_and_shows_elsewhere() {
        let flag = "🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}";
        for kept in [
            "❤\u{fe0f} Volunteers",
            "✍\u{fe0e}",
            "Archivist \u{2764}\u{fe0f}",
            &format!("{flag} Scotland"),
            &format!("{flag}{flag}"),
            "ᠮ\u{180b}ᠣᠩᠭᠣᠯ\u{180e}ᠠ",
        ] {
            assert_eq!(printable(kept), kept, "{kept:?}");
        }
        for (shown, escaped) in [
            ("exa\u{fe0f}mple.org", "exa\\u{fe0f}mple.org"),
            ("\u{fe0f}start", "\\u{fe0f}start"),
            ("\u{200b}\u{fe0f}", "\\u{200b}\\u{fe0f}"),
            ("x\u{e0067}", "x\\u{e0067}"),
            // A tag after the flag's cancel tag, or after other text, is
            // no part of it.
            (
                "🏴\u{e0067}\u{e007f}\u{e0041}",
                "🏴\u{e0067}\u{e007f}\\u{e0041}",
            ),
            ("🏴\u{e0067} \u{e0041}", "🏴\u{e0067} \\u{e0041}"),
            ("🏴\u{e0001}", "🏴\\u{e0001}"),
            ("a\u{180b}", "a\\u{180b}"),
            ("\u{1810}\u{180e}", "\u{1810}\\u{180e}"),
            ("\u{18b0}\u{180e}", "\u{18b0}\\u{180e}"),
        ] {
            assert_eq!(printable(shown), escaped, "{shown:?}");
        }
    }

    #[test]
    fn decimals_as_feeds_and_clocks_write_them() {
        assert_eq!(decimal("70000"), Some(70000.0));
        assert_eq!(decimal("70000.50"), Some(70000.5));
        assert_eq!(decimal("0.1"), Some(0.1));
        assert_eq!(decimal("1234.56"), Some(1234.56));
        assert_eq!(decimal("05.123"), Some(5.123));
        assert_eq!(decimal(".5"), Some(0.5));
        assert_eq!(decimal("5."), Some(5.0));
        assert_eq!(decimal("007"), Some(7.0));
        for not in [
            "", ".", "1.2.3", "-5", "+5", "1e3", "inf", "NaN", " 5", "5 ", "５",
        ] {
            assert_eq!(decimal(not), None, "{not:?}");
        }
        // Every decimal of up to 15 significant digits is the nearest f64,
        // as the standard library's exact parser finds it.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let digits = format!("{}", x % 1_000_000_000_000_000);
            let point = (x >> 60) as usize % (digits.len() + 1);
            let text = format!("{}.{}", &digits[..point], &digits[point..]);
            assert_eq!(decimal(&text), text.parse::<f64>().ok(), "{text}");
        }
        assert_eq!(decimal(&"9".repeat(400)), None);
        assert_eq!(decimal(&format!("{0}.{0}", "9".repeat(400))), None);
    }

    /// Every named entity the decoder knows, each as HTML5 defines it (the
    /// code points written here from the standard, not from the table).
    #[test]
    fn every_named_entity_decodes_to_its_character() {
        let entities: [(&str, u32); 64] = [
            ("amp", 0x26),
            ("lt", 0x3c),
            ("gt", 0x3e),
            ("quot", 0x22),
            ("apos", 0x27),
            ("nbsp", 0xa0),
            ("lsquo", 0x2018),
            ("rsquo", 0x2019),
            ("sbquo", 0x201a),
            ("ldquo", 0x201c),
            ("rdquo", 0x201d),
            ("bdquo", 0x201e),
            ("laquo", 0xab),
            ("raquo", 0xbb),
            ("ndash", 0x2013),
            ("mdash", 0x2014),
            ("hellip", 0x2026),
            ("bull", 0x2022),
            ("middot", 0xb7),
            ("shy", 0xad),
            ("ensp", 0x2002),
            ("emsp", 0x2003),
            ("thinsp", 0x2009),
            ("zwj", 0x200d),
            ("zwnj", 0x200c),
            ("copy", 0xa9),
            ("reg", 0xae),
            ("trade", 0x2122),
            ("deg", 0xb0),
            ("sect", 0xa7),
            ("para", 0xb6),
            ("times", 0xd7),
            ("divide", 0xf7),
            ("plusmn", 0xb1),
            ("euro", 0x20ac),
            ("pound", 0xa3),
            ("yen", 0xa5),
            ("cent", 0xa2),
            ("aacute", 0xe1),
            ("agrave", 0xe0),
            ("acirc", 0xe2),
            ("auml", 0xe4),
            ("aring", 0xe5),
            ("ccedil", 0xe7),
            ("eacute", 0xe9),
            ("egrave", 0xe8),
            ("ecirc", 0xea),
            ("euml", 0xeb),
            ("iacute", 0xed),
            ("icirc", 0xee),
            ("iuml", 0xef),
            ("ntilde", 0xf1),
            ("oacute", 0xf3),
            ("ocirc", 0xf4),
            ("ouml", 0xf6),
            ("oslash", 0xf8),
            ("uacute", 0xfa),
            ("ucirc", 0xfb),
            ("uuml", 0xfc),
            ("szlig", 0xdf),
            ("Eacute", 0xc9),
            ("Auml", 0xc4),
            ("Ouml", 0xd6),
            ("Uuml", 0xdc),
        ];
        for (name, code) in entities {
            let c = char::from_u32(code).unwrap_or_default();
            assert_eq!(
                decode_entities(&format!("a&{name};b")),
                format!("a{c}b"),
                "&{name};"
            );
        }
        // Unknown, unterminated and numeric ones.
        assert_eq!(
            decode_entities("&bogus; &amp &#233; &#xE9; &#X263A; &#xZZ;"),
            "&bogus; &amp é é ☺ &#xZZ;"
        );
        assert_eq!(decode_entities("AT&T & co"), "AT&T & co");
    }

    #[test]
    fn html_to_text_drops_tags_between_words() {
        assert_eq!(html_to_text("a<b>c</b>d"), "a c d");
        assert_eq!(html_to_text("x <p class='y'>z"), "x  z");
        assert_eq!(html_to_text("end <unclosed"), "end  ");
        assert_eq!(html_to_text("1 &lt; 2"), "1 < 2");
        assert_eq!(html_to_text(""), "");
    }

    /// Every letter the folding table claims, in small and capital letters,
    /// folds to its plain form: a job seeker typing "espana" finds
    /// "España", "lodz" finds "Łódź".
    #[test]
    fn every_letter_of_the_table_folds_to_its_plain_form() {
        let table = [
            ("àáâãäåāăą", "a"),
            ("æ", "ae"),
            ("çćĉċč", "c"),
            ("ďđð", "d"),
            ("èéêëēĕėęě", "e"),
            ("ĝğġģ", "g"),
            ("ĥħ", "h"),
            ("ìíîïĩīĭįı", "i"),
            ("ĵ", "j"),
            ("ķ", "k"),
            ("ĺļľŀł", "l"),
            ("ñńņň", "n"),
            ("òóôõöøōŏő", "o"),
            ("œ", "oe"),
            ("ŕŗř", "r"),
            ("śŝşšș", "s"),
            ("ß", "ss"),
            ("ţťŧț", "t"),
            ("þ", "th"),
            ("ùúûüũūŭůűų", "u"),
            ("ŵ", "w"),
            ("ýÿŷ", "y"),
            ("źżž", "z"),
        ];
        for (letters, plain) in table {
            for c in letters.chars() {
                assert_eq!(fold(&c.to_string()), plain, "{c}");
                let capital: String = c.to_uppercase().collect();
                assert_eq!(fold(&capital), plain, "{capital} (of {c})");
            }
        }
    }

    /// Words of the languages the board ships, as job seekers type them.
    #[test]
    fn the_boards_languages_fold_as_readers_type_them() {
        for (written, typed) in [
            ("España", "espana"),
            ("Łódź", "lodz"),
            (
                "Universitätsbibliothek Straße",
                "universitatsbibliothek strasse",
            ),
            (
                "Bibliothèque nationale, Œuvres",
                "bibliotheque nationale oeuvres",
            ),
            ("Conservateur·rice", "conservateur rice"),
            ("Kraków — Ñuñoa", "krakow nunoa"),
            ("İstanbul", "istanbul"),
            ("Þórshöfn", "thorshofn"),
            ("e\u{301}quipe", "equipe"),
            ("أمين مكتبة", "أمين مكتبة"),
            ("ÆRØSKØBING", "aeroskobing"),
        ] {
            assert_eq!(fold(written), typed, "{written}");
            assert_eq!(
                fold(&fold(written)),
                typed,
                "folding twice changes nothing: {written}"
            );
        }
    }

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Bibliothèque nationale"), "bibliotheque nationale");
        assert_eq!(fold("Universität Göttingen"), "universitat gottingen");
        assert_eq!(fold("  Straße—Łódź!! "), "strasse lodz");
        assert_eq!(fold("e\u{301}cole"), "ecole");
    }

    #[test]
    fn html_becomes_searchable_text() {
        assert_eq!(
            fold(&html_to_text("<p>Fish &amp; <b>chips</b>&#33;</p>")),
            "fish chips"
        );
        assert_eq!(
            decode_entities("a &lt;b&gt; &unknown; &#x41;"),
            "a <b> &unknown; A"
        );
        assert_eq!(
            decode_entities("We&rsquo;re hiring &ndash; caf&eacute; &amp;rsquo;"),
            "We\u{2019}re hiring – café &rsquo;"
        );
    }

    #[test]
    fn clipping_respects_characters() {
        assert_eq!(clip("ééé", 2), "éé");
        assert_eq!(
            clip_bytes("ééé", 5),
            "éé",
            "a cut inside a character goes before it"
        );
        assert_eq!(clip_bytes("ééé", 4), "éé");
        assert_eq!(clip_bytes("abc", 10), "abc");
        assert_eq!(clip_bytes("abc", 0), "");
        assert_eq!(ellipsize("abcdef", 3), "abc…");
        assert_eq!(ellipsize("abc", 3), "abc");
    }
}
