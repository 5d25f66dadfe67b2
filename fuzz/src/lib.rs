//! What every rich-text fuzz target checks besides "no panic".

use openings_core::links::safe_link;
use openings_core::rich_text::Node;

/// Every link in the tree is one `safe_link` accepts unchanged.
pub fn assert_links_are_safe(nodes: &[Node]) {
    for node in nodes {
        if let Node::Element(e) = node {
            if let Some(href) = &e.href {
                assert_eq!(safe_link(href).as_deref(), Some(href.as_str()));
            }
            assert_links_are_safe(&e.children);
        }
    }
}
