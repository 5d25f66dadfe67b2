//! Host tests of the board's words: every translation fills in the same
//! values as the English text, each language is picked by its tag, and the
//! typography each language expects is there.

use std::collections::BTreeSet;

use super::{ar, de, en, es, fr, is_rtl, strings_for, Plural, Strings};

/// Every table but English, with the tag that picks it.
const TRANSLATIONS: [(&str, &Strings); 4] = [
    ("ar", &ar::STRINGS),
    ("de", &de::STRINGS),
    ("es", &es::STRINGS),
    ("fr", &fr::STRINGS),
];

/// One text of a table: the field's name (`count.few` for a plural's form),
/// the text, and the plural category it is the form for.
struct Text {
    field: String,
    text: &'static str,
    plural_category: Option<&'static str>,
}

/// Lists every text of a table. The struct pattern names every field, so a
/// field added to `Strings` without being listed here stops this compiling.
macro_rules! texts_of {
    ($strings:expr; texts: $($text:ident),* ; plurals: $($plural:ident),* $(,)?) => {{
        let Strings { $($text,)* $($plural,)* } = $strings;
        let mut all: Vec<Text> = vec![
            $(Text { field: stringify!($text).to_string(), text: $text, plural_category: None },)*
        ];
        $(all.extend(plural_texts(stringify!($plural), $plural));)*
        all
    }};
}

fn plural_texts(field: &str, plural: &Plural) -> Vec<Text> {
    let Plural {
        zero,
        one,
        two,
        few,
        many,
        other,
    } = plural;
    [
        ("zero", *zero),
        ("one", Some(*one)),
        ("two", *two),
        ("few", *few),
        ("many", *many),
        ("other", Some(*other)),
    ]
    .into_iter()
    .filter_map(|(category, text)| {
        text.map(|text| Text {
            field: format!("{field}.{category}"),
            text,
            plural_category: Some(category),
        })
    })
    .collect()
}

fn texts(strings: &Strings) -> Vec<Text> {
    texts_of!(strings;
        texts: board_label, loading, loading_more, search_label, search_placeholder, count_none, no_match,
            no_filter_match, no_openings, no_feed, could_not_load, showing_saved, retry, remote, remote_in, hybrid,
            posted, closes, apply, apply_label, full_time, part_time, contractor, temporary, intern,
            volunteer, per_diem, per_hour, per_day, per_week, per_month, per_year, salary_range,
            salary_from, salary_up_to, previous_page, next_page, page_of, pagination_label,
            filters_label, clear, clear_facet, clear_all, show_all, show_fewer, filters_toggle,
            filters_toggle_active, filters_done, active_filters_label, remove_filter, share, facet_organization, facet_country,
            facet_workplace, facet_type, facet_department, facet_tag, on_site, sort_label,
            sort_newest, sort_closing, sort_title, sort_organization, back_to_list, new_mark,
            closing_soon_mark, copy_link, link_copied, copy_failed, label_location, label_type,
            label_salary, label_department, label_posted, label_closes, label_contact, opening_gone,
            description_cut, description_full;
        plurals: count, skipped, cut, stale, merged)
}

/// The `{name}` placeholders of a text. A brace that does not open a
/// well-formed placeholder comes out as `{?` so that a typo like `{url` or
/// `{ url}` shows up as a difference.
fn placeholders(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut well_formed = 0;
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        if name_len > 0 && after[name_len..].starts_with('}') {
            found.insert(format!("{{{}}}", &after[..name_len]));
            well_formed += 1;
            rest = &after[name_len + 1..];
        } else {
            found.insert("{?".to_string());
            rest = after;
        }
    }
    if text.matches('}').count() > well_formed {
        found.insert("?}".to_string());
    }
    found
}

/// The English text a field is translated from: for a plural, its `other` form.
fn english(field: &str) -> &'static str {
    let base = field.split('.').next().unwrap_or(field);
    let wanted = if base == field {
        field.to_string()
    } else {
        format!("{base}.other")
    };
    texts(&en::STRINGS)
        .into_iter()
        .find(|t| t.field == wanted)
        .map(|t| t.text)
        .unwrap_or_else(|| panic!("English has no {wanted}"))
}

/// Plural categories that stand for exactly one number in a language, so
/// its text may say the number in words and leave `{n}` out ("وظيفتان",
/// two openings).
fn says_the_number_in_words(lang: &str, category: &str) -> bool {
    lang == "ar" && matches!(category, "zero" | "one" | "two")
}

#[test]
fn the_placeholder_reader_notices_typos() {
    let expected: BTreeSet<String> = ["{n}", "{url}"].map(String::from).into();
    assert_eq!(placeholders("{n} in {url}: x"), expected);
    assert_ne!(placeholders("{n} in {url: x"), expected);
    assert_ne!(placeholders("{n} in { url}: x"), expected);
    assert_ne!(
        placeholders("{n} in url}: x"),
        placeholders("{n} in url: x")
    );
    assert!(placeholders("feed=\"https://…/jobs.json\"").is_empty());
}

#[test]
fn english_plural_forms_fill_in_the_same_values() {
    for plural in [
        &en::STRINGS.count,
        &en::STRINGS.skipped,
        &en::STRINGS.cut,
        &en::STRINGS.stale,
        &en::STRINGS.merged,
    ] {
        assert_eq!(placeholders(plural.one), placeholders(plural.other));
    }
}

#[test]
fn every_translation_fills_in_exactly_the_values_of_the_english_text() {
    let mut wrong = Vec::new();
    for (lang, strings) in TRANSLATIONS {
        for text in texts(strings) {
            let mut expected = placeholders(english(&text.field));
            if text
                .plural_category
                .is_some_and(|c| says_the_number_in_words(lang, c))
            {
                expected.remove("{n}");
            }
            let got = placeholders(text.text);
            if got != expected {
                wrong.push(format!(
                    "{lang} {}: {:?} has {got:?}, English has {expected:?}",
                    text.field, text.text
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_translation_has_every_text() {
    for (lang, strings) in TRANSLATIONS {
        for text in texts(strings) {
            assert!(
                !text.text.trim().is_empty(),
                "{lang} {} is empty",
                text.field
            );
        }
    }
}

#[test]
fn each_language_is_picked_by_its_primary_subtag() {
    for (lang, strings) in TRANSLATIONS {
        assert_eq!(strings_for(lang), strings, "{lang}");
        assert_ne!(strings_for(lang), &en::STRINGS, "{lang} is not English");
    }
    assert_eq!(strings_for("fr-CA"), &fr::STRINGS);
    assert_eq!(strings_for("de_AT"), &de::STRINGS);
    assert_eq!(strings_for("ES-419"), &es::STRINGS);
    assert_eq!(strings_for("ar-EG"), &ar::STRINGS);
}

#[test]
fn an_unknown_language_reads_english() {
    assert_eq!(strings_for("xx"), &en::STRINGS);
    assert_eq!(strings_for(""), &en::STRINGS);
    assert_eq!(strings_for("en-GB"), &en::STRINGS);
}

#[test]
fn arabic_boards_run_right_to_left_and_french_ones_left_to_right() {
    assert!(is_rtl("ar"));
    assert!(is_rtl("ar-MA"));
    assert!(!is_rtl("fr"));
    for lang in ["en", "de", "es", "fr-CA"] {
        assert!(!is_rtl(lang), "{lang}");
    }
}

#[test]
fn arabic_counts_two_a_few_and_many_openings_each_in_its_own_words() {
    for plural in [
        &ar::STRINGS.count,
        &ar::STRINGS.skipped,
        &ar::STRINGS.cut,
        &ar::STRINGS.stale,
        &ar::STRINGS.merged,
    ] {
        let forms = [plural.zero, plural.two, plural.few, plural.many];
        assert!(forms.iter().all(Option::is_some), "{plural:?}");
        let texts: BTreeSet<&str> = ["zero", "one", "two", "few", "many", "other"]
            .into_iter()
            .map(|category| plural.form(category))
            .collect();
        assert_eq!(texts.len(), 6, "every category its own text: {plural:?}");
    }
    assert_eq!(ar::STRINGS.count.form("two"), "وظيفتان");
    assert_eq!(ar::STRINGS.count.form("few"), "{n} وظائف");
}

#[test]
fn french_puts_a_narrow_no_break_space_before_high_punctuation_and_inside_guillemets() {
    const NARROW: char = '\u{202F}';
    let mut wrong = Vec::new();
    let mut colons = 0;
    for text in texts(&fr::STRINGS) {
        let chars: Vec<char> = text.text.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            // A colon inside a URL ("https://") is not punctuation.
            let is_punctuation = matches!(c, ';' | ':' | '!' | '?')
                && after.is_none_or(|a| a == ' ' || a == '"' || a == '\u{a0}');
            let ok = match c {
                _ if is_punctuation => before == Some(NARROW),
                '»' => before == Some(NARROW),
                '«' => after == Some(NARROW),
                '"' | '“' | '”' => text.field == "no_feed", // feed="…" is HTML to type
                _ => true,
            };
            if is_punctuation {
                colons += 1;
            }
            if !ok {
                wrong.push(format!("{}: {:?} at {i}", text.field, text.text));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(colons > 0, "the check found no punctuation to check");
}

#[test]
fn german_quotes_open_low_and_close_high() {
    assert!(de::STRINGS.no_match.contains("„{q}“"));
    for text in texts(&de::STRINGS) {
        assert!(
            !text.text.contains('”') && !text.text.contains('«'),
            "{}",
            text.field
        );
    }
}

#[test]
fn placeholders_are_filled_once_and_values_are_never_read_as_placeholders() {
    use super::fill;
    assert_eq!(
        fill(
            "Apply to {title} at {org}",
            &[("title", "Curator {org}"), ("org", "Wellcome")]
        ),
        "Apply to Curator {org} at Wellcome",
        "a title that reads {{org}} stays as written"
    );
    assert_eq!(fill("{n} of {n}", &[("n", "3")]), "3 of 3");
    assert_eq!(fill("{unknown} {n", &[("n", "3")]), "{unknown} {n");
    assert_eq!(fill("{}{{n}}", &[("n", "3")]), "{}{3}");
    assert_eq!(fill("é {n} ü", &[("n", "{n}")]), "é {n} ü");
}
