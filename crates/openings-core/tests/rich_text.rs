//! Rich text, safely: what a job seeker sees of a description is the
//! ordinary formatting the employer wrote, and nothing a hostile feed hid in it.

use openings_core::rich_text::{
    clip_nodes, cut_at_the_byte_limit, from_description, from_html, from_text, to_html, to_text,
    Node, Tag, MAX_DEPTH, MAX_SHOWN_NODES,
};
use openings_core::Description;
use proptest::prelude::*;

fn html(source: &str) -> String {
    to_html(&from_html(source))
}

/// Every element of the tree, with its depth.
fn each_element(
    nodes: &[Node],
    depth: usize,
    visit: &mut dyn FnMut(&openings_core::rich_text::Element, usize),
) {
    for node in nodes {
        if let Node::Element(e) = node {
            visit(e, depth);
            each_element(&e.children, depth + 1, visit);
        }
    }
}

/// The safety promises for one tree: only allowed tags, links only to
/// http/https/mailto, bounded depth, and serialized HTML whose every tag is
/// a bare allowed tag or `<a href="…">`.
fn assert_safe(nodes: &[Node], source: &str) {
    each_element(nodes, 1, &mut |e, depth| {
        assert!(Tag::ALL.contains(&e.tag), "{source:?}");
        assert!(depth <= MAX_DEPTH, "too deep ({depth}) for {source:?}");
        match (&e.tag, &e.href) {
            (Tag::A, Some(href)) => {
                let scheme = href.split(':').next().unwrap_or("").to_ascii_lowercase();
                assert!(
                    ["http", "https", "mailto"].contains(&scheme.as_str()),
                    "link to {href:?} from {source:?}"
                );
            }
            (Tag::A, None) => panic!("a link without href from {source:?}"),
            (_, Some(_)) => panic!("href on {:?} from {source:?}", e.tag),
            (_, None) => {}
        }
    });
    let out = to_html(nodes);
    assert!(!out.to_ascii_lowercase().contains("<script"), "{out}");
    let mut rest = out.as_str();
    while let Some(lt) = rest.find('<') {
        let Some(end) = rest[lt..].find('>').map(|i| i + lt) else {
            panic!("an unclosed tag in {out:?}");
        };
        let tag = &rest[lt + 1..end];
        let name = tag.trim_start_matches('/');
        let allowed = Tag::ALL.iter().any(|t| t.name() == name)
            || tag
                .strip_prefix("a href=\"")
                .is_some_and(|v| v.ends_with('"') && !v[..v.len() - 1].contains(['"', '<', '>']));
        assert!(allowed, "tag <{tag}> in {out:?} from {source:?}");
        // So no tag carries a handler, a style or any attribute but href,
        // and an href's value cannot break out of its quotes; and every href
        // is http, https or mailto (an https URL may well contain the text
        // "javascript:" in its path: the scheme is what counts).
        if let Some(href) = tag.strip_prefix("a href=\"") {
            let href = href.to_ascii_lowercase();
            assert!(
                ["http://", "https://", "mailto:"]
                    .iter()
                    .any(|s| href.starts_with(s)),
                "{out:?}"
            );
        }
        rest = &rest[end + 1..];
    }
}

fn payloads() -> Vec<String> {
    let corpus = include_str!("fixtures/xss-payloads.txt");
    corpus
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn ordinary_html_keeps_its_paragraphs_lists_headings_tables_and_links() {
    let source = r#"
        <h1>Digital Archivist</h1>
        <p>The <strong>City Archives</strong> seek an <em>archivist</em>.<br>Start in May.</p>
        <h3>Duties</h3>
        <ul><li>Describe collections</li><li>Answer <b>reference</b> questions</li></ul>
        <ol><li>Apply</li><li>Interview</li></ol>
        <blockquote>We value curiosity.</blockquote>
        <table><thead><tr><th>Grade</th><th>Salary</th></tr></thead>
        <tbody><tr><td>7</td><td>52,000 EUR</td></tr></tbody></table>
        <p>Questions? <a href="mailto:jobs@archives.example">Write to us</a> or read
        <a href="https://archives.example/about" target="_blank" rel="noopener">about us</a>.</p>
        <pre>  line one
  line two</pre>
        <p>Run <code>make test</code>.</p>
    "#;
    assert_eq!(
        html(source),
        "<h2>Digital Archivist</h2>\
         <p>The <strong>City Archives</strong> seek an <em>archivist</em>.<br>Start in May.</p>\
         <h3>Duties</h3>\
         <ul><li>Describe collections</li><li>Answer <strong>reference</strong> questions</li></ul>\
         <ol><li>Apply</li><li>Interview</li></ol>\
         <blockquote><p>We value curiosity.</p></blockquote>\
         <table><thead><tr><th>Grade</th><th>Salary</th></tr></thead>\
         <tbody><tr><td>7</td><td>52,000 EUR</td></tr></tbody></table>\
         <p>Questions? <a href=\"mailto:jobs@archives.example\">Write to us</a> or read \
         <a href=\"https://archives.example/about\">about us</a>.</p>\
         <pre>  line one\n  line two</pre>\
         <p>Run <code>make test</code>.</p>"
    );
}

#[test]
fn styling_attributes_are_dropped_and_layout_wrappers_unwrapped() {
    let source = r#"<div class="content-intro"><p style="color:red" class="x"><span style="font-weight:700">Museum</span> <font face="Arial">educator</font></p></div><section id="s"><u>Part time</u></section>"#;
    assert_eq!(html(source), "<p>Museum educator</p><p>Part time</p>");
}

#[test]
fn divs_become_separate_paragraphs_and_lines() {
    assert_eq!(html("<div>One</div><div>Two</div>"), "<p>One</p><p>Two</p>");
    assert_eq!(
        html("<ul><li><div>Title</div><div>Detail</div></li></ul>"),
        "<ul><li>Title<br>Detail</li></ul>"
    );
}

#[test]
fn bare_list_items_get_a_list() {
    assert_eq!(
        html("<li>Catalogue</li><li>Digitize</li><p>More</p><li>Lend</li>"),
        "<ul><li>Catalogue</li><li>Digitize</li></ul><p>More</p><ul><li>Lend</li></ul>"
    );
    assert_eq!(
        html("<ol><li>One<li>Two</ol>"),
        "<ol><li>One</li><li>Two</li></ol>"
    );
}

#[test]
fn greenhouse_typography_survives_double_escaping() {
    // Greenhouse's `content` is escaped HTML; its adapter decodes it once.
    let content = openings_core::text::decode_entities(
        "&lt;p&gt;We&amp;rsquo;re hiring &amp;ndash; caf&amp;eacute; team&lt;/p&gt;",
    );
    assert_eq!(html(&content), "<p>We\u{2019}re hiring – café team</p>");
}

#[test]
fn dangerous_elements_vanish_with_their_content() {
    assert_eq!(
        html("<p>Before<script>alert('x')</script> after</p>"),
        "<p>Before after</p>"
    );
    assert_eq!(
        html("<p>A</p><svg><g><svg></svg><text>hidden</text></g></svg><p>B</p>"),
        "<p>A</p><p>B</p>"
    );
    assert_eq!(html("<style>p{}</style><p>Shown</p>"), "<p>Shown</p>");
    assert_eq!(
        html("Photo: <img src=x onerror=alert(1)> here"),
        "<p>Photo: here</p>"
    );
    assert_eq!(html("<p>a<!-- note -->b</p>"), "<p>ab</p>");
    assert_eq!(
        html("<p>a</p><plaintext><b>raw</b>"),
        "<p>a</p><p>&lt;b&gt;raw&lt;/b&gt;</p>"
    );
}

#[test]
fn unsafe_links_keep_their_text_but_are_not_links() {
    assert_eq!(
        html(r#"<p><a href="javascript:alert(1)">Apply now</a></p>"#),
        "<p>Apply now</p>"
    );
    assert_eq!(
        html(r#"<p><a href="/relative">Team</a></p>"#),
        "<p>Team</p>"
    );
    assert_eq!(html(r#"<p><a name="top">Top</a></p>"#), "<p>Top</p>");
}

#[test]
fn entities_are_decoded_once_and_shown_as_text() {
    assert_eq!(
        html("<p>Fish &amp; chips &lt;b&gt; &#8364;5</p>"),
        "<p>Fish &amp; chips &lt;b&gt; €5</p>"
    );
    let tree = from_html("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    assert_eq!(to_text(&tree), "<script>alert(1)</script>");
}

#[test]
fn white_space_collapses_except_in_preformatted_text() {
    assert_eq!(
        html("<p>\n  Several\n\n   spaces  <b> here </b> end  </p>"),
        "<p>Several spaces <strong>here </strong>end</p>"
    );
    assert_eq!(html("<pre>\na  b\n c</pre>"), "<pre>a  b\n c</pre>");
}

#[test]
fn unclosed_and_misnested_tags_are_closed_as_a_browser_would() {
    assert_eq!(
        html("<p>One<p>Two<ul><li>a<li>b</ul>Three"),
        "<p>One</p><p>Two</p><ul><li>a</li><li>b</li></ul><p>Three</p>"
    );
    assert_eq!(
        html("<b>bold <i>both</b> italic?</i>"),
        "<p><strong>bold <em>both</em></strong> italic?</p>"
    );
    assert_eq!(
        html("<table><tr><td>1<td>2<tr><td>3</table>"),
        "<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>"
    );
    assert_eq!(html("</p></div>stray</li>"), "<p>stray</p>");
    assert_eq!(html("<p>cut <a href=\"https://x.example"), "<p>cut</p>");
}

#[test]
fn absurd_nesting_is_flattened_not_a_crash() {
    // (6,000 levels: 174 kB, within the description size limit.)
    let deep_html = "<div><ul><li><blockquote><b>".repeat(6_000) + "bottom";
    let tree = from_html(&deep_html);
    assert_safe(&tree, "deep html");
    assert!(to_text(&tree).ends_with("bottom"));
    // Text, or a bare item, at the deepest level opens no paragraph or
    // list deeper than the bound.
    for deep in [
        "<blockquote>".repeat(40) + "bottom",
        "<blockquote>".repeat(40) + "<li>bottom",
    ] {
        let tree = from_html(&deep);
        assert_safe(&tree, &deep);
        assert!(to_text(&tree).ends_with("bottom"));
    }
}

#[test]
fn pathological_input_is_read_quickly() {
    let started = std::time::Instant::now();
    for source in [
        "**a ".repeat(60_000),
        "[".repeat(200_000),
        "[a](".repeat(50_000),
        "`".repeat(1_000) + &"a`".repeat(50_000),
        "<a ".repeat(60_000),
        "<svg>".repeat(40_000),
        "<p>".repeat(60_000),
        "&amp".repeat(50_000),
    ] {
        assert_safe(&from_html(&source), "pathological html");
    }
    // Generous even for an unoptimized build; quadratic behaviour takes minutes.
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

/// How many nodes (elements and texts) a tree has.
fn node_count(nodes: &[Node]) -> usize {
    nodes
        .iter()
        .map(|n| match n {
            Node::Text(_) => 1,
            Node::Element(e) => 1 + node_count(&e.children),
        })
        .sum()
}

#[test]
fn a_description_of_twenty_thousand_paragraphs_shows_its_first_ones_and_says_so() {
    // What a hostile JSON Feed packed into its 200,000 bytes: drawing all
    // of it held the page for over a second.
    let text: String = (0..20_000).map(|i| format!("x{i}\n\n")).collect();
    let mut tree = from_text(&text);
    assert_eq!(tree.len(), 20_000);
    assert!(
        clip_nodes(&mut tree, MAX_SHOWN_NODES),
        "it says it left some out"
    );
    assert_eq!(node_count(&tree), MAX_SHOWN_NODES);
    // A paragraph and its text are two nodes: the first half of the budget's
    // paragraphs, in order, each whole.
    assert_eq!(tree.len(), MAX_SHOWN_NODES / 2);
    assert_eq!(to_html(&tree[..2]), "<p>x0</p><p>x1</p>");
    assert_eq!(
        to_html(&tree[tree.len() - 1..]),
        format!("<p>x{}</p>", MAX_SHOWN_NODES / 2 - 1)
    );
}

#[test]
fn a_description_the_feed_reader_cut_at_its_bytes_says_so() {
    use openings_core::text::MAX_DESCRIPTION_BYTES;
    let read = |description: String| {
        let feed = serde_json::json!({"@type": "JobPosting", "title": "Registrar",
            "url": "https://jobs.example/1", "description": description});
        let feed = openings_core::parse_feed(
            &feed.to_string(),
            None,
            "https://jobs.example/feed.json",
            openings_core::Timestamp::from_ymd(2026, 1, 1).unwrap(),
            20 << 20,
        )
        .unwrap();
        feed.openings[0].description.clone()
    };
    // 300 kB of paragraphs, in few nodes (a paragraph of 3 kB is two): cut
    // by the reader, not by the nodes drawn.
    let long = read("<p>".to_string() + &"Curate the collection. ".repeat(140) + "</p>").clone();
    assert!(!cut_at_the_byte_limit(&long), "3 kB is whole");
    let whole: String = (0..100)
        .map(|_| "<p>".to_string() + &"Curate the collection. ".repeat(130) + "</p>")
        .collect();
    assert!(whole.len() > MAX_DESCRIPTION_BYTES);
    let cut = read(whole);
    assert!(cut_at_the_byte_limit(&cut));
    let mut tree = from_description(&cut);
    assert!(!clip_nodes(&mut tree, MAX_SHOWN_NODES));
    // Cut on a character boundary, up to 3 bytes short; a multi-byte
    // character at the limit.
    let wide = "é".repeat(MAX_DESCRIPTION_BYTES);
    let wide = read(format!("a{wide}"));
    assert!(cut_at_the_byte_limit(&wide));
    for len in [
        MAX_DESCRIPTION_BYTES - 3,
        MAX_DESCRIPTION_BYTES - 4,
        MAX_DESCRIPTION_BYTES,
    ] {
        let text = Description::Text("x".repeat(len));
        assert_eq!(
            cut_at_the_byte_limit(&text),
            len + 3 >= MAX_DESCRIPTION_BYTES,
            "{len}"
        );
    }
    assert!(cut_at_the_byte_limit(&Description::Html(
        "x".repeat(MAX_DESCRIPTION_BYTES - 3)
    )));
    assert!(!cut_at_the_byte_limit(&Description::Html(
        "x".repeat(MAX_DESCRIPTION_BYTES - 4)
    )));
    assert!(!cut_at_the_byte_limit(&Description::None));
}

#[test]
fn a_real_description_is_shown_whole() {
    let source = "<h2>About</h2><p>We <b>digitize</b> collections.</p>\
        <ul><li>IIIF</li><li>Metadata</li></ul><p>Apply by <a href=\"https://x.test\">our portal</a>.</p>";
    let mut tree = from_html(source);
    let before = tree.clone();
    assert!(
        !clip_nodes(&mut tree, node_count(&before)),
        "nothing left out at exactly the bound"
    );
    assert_eq!(tree, before);
}

#[test]
fn a_cut_inside_a_list_keeps_the_items_that_fit_and_drops_what_would_be_empty() {
    let tree = from_html("<p>Intro</p><ul><li>one</li><li>two</li><li>three</li></ul><p>After</p>");
    let cut = |max| {
        let mut t = tree.clone();
        let left_out = clip_nodes(&mut t, max);
        (to_html(&t), left_out)
    };
    // p, "Intro", ul, li, "one", li, "two": seven nodes.
    assert_eq!(
        cut(7),
        ("<p>Intro</p><ul><li>one</li><li>two</li></ul>".into(), true)
    );
    // The eighth would be the third item, with no room for its text: no empty item.
    assert_eq!(
        cut(8),
        ("<p>Intro</p><ul><li>one</li><li>two</li></ul>".into(), true)
    );
    // The list itself with no room for an item is no list.
    assert_eq!(cut(3), ("<p>Intro</p>".into(), true));
    assert_eq!(cut(0), (String::new(), true));
    // Room for the last paragraph but not its text.
    assert_eq!(
        cut(10),
        (
            "<p>Intro</p><ul><li>one</li><li>two</li><li>three</li></ul>".into(),
            true
        )
    );
    assert_eq!(cut(11), (to_html(&tree), false));
}

/// A space after the first words of a description that has no paragraph
/// of its own stays (the paragraph opened for those words used to swallow
/// it): "Location:<strong> Remote</strong>" reads "Location: Remote".
#[test]
fn the_space_after_a_descriptions_first_words_stays() {
    for (source, shown) in [
        (
            "Location:<strong> Remote</strong>",
            "<p>Location:<strong> Remote</strong></p>",
        ),
        ("Salary</b> 40k", "<p>Salary 40k</p>"),
        ("Apply<span> </span>today", "<p>Apply today</p>"),
        ("  leading space goes", "<p>leading space goes</p>"),
        ("<p>a</p> \n <p>b</p>", "<p>a</p><p>b</p>"),
    ] {
        assert_eq!(html(source), shown, "{source}");
    }
}

#[test]
fn every_kind_of_description_has_one_path() {
    assert!(from_description(&Description::None).is_empty());
    assert_eq!(
        to_html(&from_description(&Description::Text(
            "First line\r\nsecond line\n  \n\n<b>Not bold</b>\n".into()
        ))),
        "<p>First line<br>second line</p><p>&lt;b&gt;Not bold&lt;/b&gt;</p>"
    );
    assert_eq!(
        to_html(&from_description(&Description::Html("<p>x</p>".into()))),
        "<p>x</p>"
    );
    assert_eq!(
        to_html(&from_description(&Description::Text("**x** _y_".into()))),
        "<p>**x** _y_</p>",
        "plain text is text: no Markdown"
    );
}

#[test]
fn readable_text_for_search_and_summaries() {
    let tree = from_html(
        "<h2>Role</h2><p>Catalogue <b>rare</b> books.</p><ul><li>Dutch</li><li>Latin</li></ul>\
         <ol><li>CV</li></ol><table><tr><th>Grade</th><td>7</td></tr></table>",
    );
    assert_eq!(
        to_text(&tree),
        "Role\n\nCatalogue rare books.\n\n- Dutch\n- Latin\n\n1. CV\n\nGrade | 7"
    );
}

#[test]
fn a_paragraph_in_a_list_is_no_item_of_it_in_the_readable_text() {
    let tree = from_html("<ul><li>Dutch</li><p>or Latin</p></ul>");
    assert_eq!(to_text(&tree), "- Dutch\n\nor Latin");
}

/// Markup opened in a table outside its cells (a browser moves it before
/// the table) ends no cell when it closes: the cell's words stay together.
#[test]
fn an_end_tag_of_markup_opened_beside_the_cells_does_not_end_a_cell() {
    let tree = from_html("<table><tr><b><td>x</b>y</td></tr></table>");
    assert_eq!(to_text(&tree), "xy");
}

#[test]
fn every_hostile_payload_stays_inert() {
    let payloads = payloads();
    assert!(payloads.len() > 50);
    for payload in &payloads {
        assert_safe(&from_html(payload), payload);
        assert_safe(
            &from_description(&Description::Text(payload.clone())),
            payload,
        );
        // Inside ordinary content, too.
        let wrapped = format!("<p>Intro</p>{payload}<p>Outro</p>");
        assert_safe(&from_html(&wrapped), &wrapped);
    }
}

#[test]
fn safe_links_in_the_corpus_still_work() {
    // The corpus is not all refusals: a good link beside a bad attribute stays.
    assert_eq!(
        html(r#"<a href="https://ok.example/" onclick="alert(1)">ok link with handler</a>"#),
        "<p><a href=\"https://ok.example/\">ok link with handler</a></p>"
    );
    assert_eq!(
        html(r#"<a href="https://ok.example/&quot; onclick=&quot;alert(1)">quote in href</a>"#),
        "<p><a href=\"https://ok.example/&quot; onclick=&quot;alert(1)\">quote in href</a></p>"
    );
}

/// Files the fuzzers found crashes with are kept here; each must stay
/// harmless. The folder is committed with a README, so that its absence is
/// a failure, not an empty list.
#[test]
fn every_saved_fuzz_crash_stays_fixed() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz-regressions");
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e} (the folder is committed)", dir.display()));
    let mut readme = false;
    for entry in entries {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n == "README.md") {
            readme = true;
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let name = path.display().to_string();
        assert_safe(&from_html(&text), &name);
        assert_safe(
            &from_description(&Description::Text(text.to_string())),
            &name,
        );
        let now = openings_core::Timestamp(1_700_000_000_000);
        for format in openings_core::FeedFormat::ALL
            .map(Some)
            .into_iter()
            .chain([None])
        {
            let whole = openings_core::parse_feed(&text, format, "fuzz", now, 1 << 20);
            for size in [1, 7, 4096] {
                let chunked = openings_core::feeds::FeedReader::new(format, "fuzz", now, 1 << 20)
                    .read(bytes.chunks(size));
                assert_eq!(chunked.is_ok(), whole.is_ok(), "{name} in chunks of {size}");
            }
        }
        let state = openings_core::url_state::read_state(
            &format!("https://host.example/?openings={}", text.trim()),
            None,
        );
        let _ = openings_core::url_state::write_state("https://host.example/", None, &state);
    }
    assert!(readme, "{}: its README.md is missing", dir.display());
}

proptest! {
    #[test]
    fn any_html_gives_a_safe_tree(source in ".{0,400}") {
        assert_safe(&from_html(&source), &source);
    }

    #[test]
    fn any_tag_soup_gives_a_safe_tree(parts in proptest::collection::vec(
        prop_oneof![
            Just("<a href=\"".to_string()), Just("javascript:".to_string()), Just("https://x.example/".to_string()),
            Just("\">".to_string()), Just("</a>".to_string()), Just("<script>".to_string()), Just("</script>".to_string()),
            Just("<p>".to_string()), Just("<li>".to_string()), Just("<svg>".to_string()), Just("<!--".to_string()),
            Just("-->".to_string()), Just("&#106;".to_string()), Just("<pre>".to_string()), Just("'".to_string()),
            Just(" onclick=".to_string()), Just("[x](".to_string()), Just(")".to_string()), Just("**".to_string()),
            Just("`".to_string()), Just("\n".to_string()), Just("> ".to_string()), Just("- ".to_string()),
            "[a-z<>/=\" ]{0,6}",
        ],
        0..40,
    )) {
        let source = parts.concat();
        assert_safe(&from_html(&source), &source);
    }

    #[test]
    fn any_text_gives_a_safe_tree(source in ".{0,400}") {
        assert_safe(&from_description(&Description::Text(source.clone())), &source);
    }
}

/// The words a search indexes are the words the reader sees: the tree's
/// text, folded, word for word — nothing from a dropped script, style or
/// form, and inline markup inside a word leaves it one word.
#[test]
fn search_sees_the_words_the_reader_sees() {
    use openings_core::rich_text::words_of_html;
    use openings_core::text::fold;
    for (html, words) in [
        (
            "<p>Rare <b>books</b> and <i>maps</i></p>",
            "rare books and maps",
        ),
        ("<b>Arch</b>ivist", "archivist"),
        ("Cura<script>var secret = 'x'</script>tor", "curator"),
        (
            "<style>.hidden{}</style><p>Visible</p><svg><text>drawn</text></svg>",
            "visible",
        ),
        ("<ul><li>Dutch</li><li>Latin</li></ul>", "dutch latin"),
        ("line<br>break", "line break"),
        ("caf&eacute; &amp; bar", "cafe bar"),
        ("<select><option>Choose</option></select>Staff", "staff"),
    ] {
        assert_eq!(fold(&words_of_html(html)), words, "{html}");
        assert_eq!(
            fold(&to_text(&from_html(html))),
            words,
            "the tree says the same: {html}"
        );
    }
}

/// Well-formed HTML as descriptions are written: blocks (paragraphs,
/// headings, lists of items, quotes, divs) holding inline markup (bold,
/// emphasis, spans, links) and text, with scripts and drawings the board
/// drops, nested at random. (For tag soup, where a browser and the
/// sanitizer rebuild the nesting, the search may cut or join a word where
/// the reader's text does not: it indexes the words the tokenizer sees,
/// without building a tree.)
fn nested_html() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        "[a-zé]{1,6}".prop_map(String::from),
        Just("caf&eacute;".to_string()),
        Just("R&amp;D".to_string()),
    ];
    let inline = word.prop_recursive(3, 20, 3, |inner| {
        (
            prop_oneof![
                Just("b"),
                Just("em"),
                Just("span"),
                Just("a"),
                Just("script"),
                Just("svg")
            ],
            proptest::collection::vec(prop_oneof![inner, Just(" ".to_string())], 1..4),
        )
            .prop_map(|(tag, children)| {
                let open = if tag == "a" {
                    "<a href=\"https://x.example/\">".to_string()
                } else {
                    format!("<{tag}>")
                };
                format!("{open}{}</{tag}>", children.concat())
            })
    });
    let content = proptest::collection::vec(inline, 1..4).prop_map(|parts| parts.join(" "));
    let block = content.clone().prop_flat_map(move |text| {
        prop_oneof![
            Just(format!("<p>{text}</p>")),
            Just(format!("<h2>{text}</h2>")),
            Just(format!("<blockquote><p>{text}</p></blockquote>")),
            Just(format!("<ul><li>{text}</li><li>{text}</li></ul>")),
            Just(format!("<div>{text}</div>")),
        ]
    });
    proptest::collection::vec(prop_oneof![block, content], 1..4).prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn the_indexed_words_of_well_formed_html_are_its_trees_words(
        html in nested_html()
    ) {
        let words = |s: &str| openings_core::text::fold(s);
        prop_assert_eq!(
            words(&openings_core::rich_text::words_of_html(&html)),
            words(&to_text(&from_html(&html))),
            "{}", html
        );
    }
}

/// Small inputs and the tree a browser builds for each: every case holds
/// one rule of the reader that a slip would break (each was a mutant that
/// no other test noticed).
#[test]
fn small_inputs_read_as_a_browser_reads_them() {
    let cases = [
        // Every heading level keeps a heading (the board's title is h1).
        ("<h2>A</h2>", "<h2>A</h2>"),
        ("<h4>A</h4>", "<h4>A</h4>"),
        ("<h5>A</h5>", "<h4>A</h4>"),
        ("<h6>A</h6>", "<h4>A</h4>"),
        // Declarations and processing instructions are not text.
        ("<!DOCTYPE html><p>A</p>", "<p>A</p>"),
        ("<?xml version=\"1.0\"?><p>A</p>", "<p>A</p>"),
        // `</br>` is a line break; `</div>` ends a block.
        ("a</br>b", "<p>a<br>b</p>"),
        // An end tag with a space or attributes before its `>` ends where
        // the `>` is: nothing of it is text.
        ("<p>one</p >two", "<p>one</p><p>two</p>"),
        ("<p>one</p class=\"x\">two", "<p>one</p><p>two</p>"),
        ("<div>a</div>b", "<p>a</p><p>b</p>"),
        // Empty comments, as browsers read them.
        ("a<!-->b", "<p>ab</p>"),
        ("a<!--->b", "<p>ab</p>"),
        // A self-closed dropped element drops nothing after it.
        ("<p>a<svg/>b</p>", "<p>ab</p>"),
        // … and one with a space before `>` is still open.
        ("<p>a<svg >x</svg>b</p>", "<p>ab</p>"),
        // Raw text ends at its end tag, with a space or a slash after the name.
        ("a<script>x</script >b", "<p>ab</p>"),
        ("a<script>x</script/>b", "<p>ab</p>"),
        ("a<script>x</scripts>y</script>b", "<p>ab</p>"),
        // Links: spaces around `=`, unquoted values, the first `href` wins.
        (
            "<a href = \"https://a.org/jobs/7\">x</a>",
            "<p><a href=\"https://a.org/jobs/7\">x</a></p>",
        ),
        (
            "<a href=https://a.org/jobs/7>x</a>",
            "<p><a href=\"https://a.org/jobs/7\">x</a></p>",
        ),
        (
            "<a href=https://a.org/jobs/7 title=y>x</a>",
            "<p><a href=\"https://a.org/jobs/7\">x</a></p>",
        ),
        (
            "<a title=\"y\" href=\"https://a.org/1\" href=\"https://b.org/2\">x</a>",
            "<p><a href=\"https://a.org/1\">x</a></p>",
        ),
        // An attribute name may start with `=`; the tag still ends at `>`.
        (
            "<p>a<b =\"x>y\">z</b></p>",
            "<p>a<strong>y&quot;&gt;z</strong></p>",
        ),
        // A block inside a list item breaks its line.
        (
            "<ul><li>a<div>b</div>c</li></ul>",
            "<ul><li>a<br>b<br>c</li></ul>",
        ),
        // … but not again after a break or a block, nor in a new item.
        (
            "<ul><li>a<br><div>b</div></li></ul>",
            "<ul><li>a<br>b</li></ul>",
        ),
        (
            "<ul><li><p>a</p><div>b</div></li></ul>",
            "<ul><li><p>a</p>b</li></ul>",
        ),
        (
            "<ul><li>a<ol><li><div>b</div></li></ol></li></ul>",
            "<ul><li>a<ol><li>b</li></ol></li></ul>",
        ),
        // An end tag cut off by the end of input is dropped.
        ("a</br", "<p>a</p>"),
        // No space between two attributes: the second is read all the same.
        (
            "<a title=\"x\"href=\"https://a.org/1\">x</a>",
            "<p><a href=\"https://a.org/1\">x</a></p>",
        ),
        // A heading, or a link, left open ends where the next one starts.
        ("<h2>a<h3>b</h3>", "<h2>a</h2><h3>b</h3>"),
        (
            "<a href=\"https://a.org/1\">one<a href=\"https://a.org/2\">two</a>",
            "<p><a href=\"https://a.org/1\">one</a><a href=\"https://a.org/2\">two</a></p>",
        ),
        // `</li>` ends no item outside its own list.
        (
            "<ul><li>a<ul></li><li>b</li></ul></li></ul>",
            "<ul><li>a<ul><li>b</li></ul></li></ul>",
        ),
        // A table's body starts beside a head left open, not in it; and
        // `</thead>` in a cell ends the cell, the row and the head (a
        // browser then puts the next row in a tbody it adds, which the
        // reader never adds).
        (
            "<table><thead><tr><th>a</th></tr><tbody><tr><td>b</td></tr></tbody></table>",
            "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td></tr></tbody></table>",
        ),
        (
            "<table><thead><tr><th>a</thead><tr><td>b</table>",
            "<table><thead><tr><th>a</th></tr></thead><tr><td>b</td></tr></table>",
        ),
        // An empty cell keeps its place in the row.
        (
            "<table><tr><td></td><td>b</td></tr></table>",
            "<table><tr><td></td><td>b</td></tr></table>",
        ),
        (
            "<table><tr><td>a</td><td></td></tr></table>",
            "<table><tr><td>a</td><td></td></tr></table>",
        ),
        // A space at the end of a line is not shown, inside inline markup
        // too; two breaks are a blank line.
        ("a <br>b", "<p>a<br>b</p>"),
        ("<p>a <b>b </b></p>", "<p>a <strong>b</strong></p>"),
        ("a<br><br>b", "<p>a<br><br>b</p>"),
        // Preformatted text keeps its spaces and newlines, all but a
        // newline right after `<pre>`.
        ("<pre>a  <br>b</pre>", "<pre>a  <br>b</pre>"),
        ("<pre>a<b>\nb</b></pre>", "<pre>a<strong>\nb</strong></pre>"),
        ("<pre>a<!-- c -->\nb</pre>", "<pre>a\nb</pre>"),
    ];
    let mut wrong = Vec::new();
    for (source, expected) in cases {
        let got = html(source);
        if got != expected {
            wrong.push(format!(
                "{source:?}\n  expected {expected:?}\n  got      {got:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn search_sees_the_words_after_plaintext() {
    let words = openings_core::rich_text::words_of_html("Digital <plaintext>Archivist <b>");
    assert!(words.contains("Archivist <b>"), "{words:?}");
}

#[test]
fn a_pages_json_ld_blocks_are_found_and_nothing_else() {
    use openings_core::rich_text::json_ld_blocks;
    let page = r#"<!doctype html><html><head>
<!-- <script type="application/ld+json">{"commented": true}</script> -->
<script type="application/ld+json">{"a": 1}</script>
<SCRIPT TYPE='Application/LD+JSON; charset=utf-8'>{"b": "</scr" + "ipt>"}</SCRIPT >
<script>var s = '<script type="application/ld+json">{"c": 3}<\/script>';</script>
<style>.x::after { content: '<script type="application/ld+json">' }</style>
<script type=application/ld+json>{"d": 4}</script>
<script type="text/javascript">{"e": 5}</script>
<script type="application/ld&#43;json">{"f": 6}</script>
<script id="posting" data-x="1" type="application/ld+json" type="text/plain">{"f2": 7}</script>
</head><body><script type="application/ld+json">{"g": 7}"#;
    assert_eq!(
        json_ld_blocks(page),
        [
            r#"{"a": 1}"#,
            r#"{"b": "</scr" + "ipt>"}"#,
            r#"{"d": 4}"#,
            r#"{"f": 6}"#,
            r#"{"f2": 7}"#,
            r#"{"g": 7}"#,
        ]
    );
    assert!(json_ld_blocks("<p>no data</p>").is_empty());
    assert!(
        json_ld_blocks("<script type=\"application/ld+json\"").is_empty(),
        "a tag cut off"
    );
}
