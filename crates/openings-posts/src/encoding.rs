//! Mis-decoded text: UTF-8 bytes read as Windows-1252 (or Latin-1), as in
//! "donâ€™t" for "don’t" — found line by line, and repaired on request.

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
    fn each_mis_decoded_line_is_found_with_what_was_meant() {
        let found = find_mis_decoded("fine\nwe donâ€™t mind â€” really\nok");
        assert_eq!(
            found,
            [MisDecoded {
                line: 2,
                seen: "donâ€™t".into(),
                meant: "don’t".into()
            }]
        );
    }
}
