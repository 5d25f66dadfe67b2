//! Search-engine markup for the opening being read: with the board's `seo`
//! attribute, one `<script type="application/ld+json">` JobPosting is added
//! to the host document's head while an opening is open in the detail view
//! (its own deep link), and removed when it closes or the board goes away.
//! Search engines accept JobPosting markup only on a page about one opening
//! that is still open, so there is never one per listed opening, and none
//! for an expired one.

use std::rc::Rc;

use yew::prelude::*;

/// Keeps the page's JobPosting markup in step with the open opening.
#[hook]
pub fn use_structured_data(label: Rc<str>, posting: Option<Rc<str>>) {
    use_effect_with(posting, move |posting| {
        let script = posting.as_deref().and_then(|json| insert(json, &label));
        move || {
            if let Some(script) = script {
                script.remove();
            }
        }
    });
}

fn insert(json: &str, label: &str) -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    let head = super::document_head(&document)?;
    let script = super::create_element(&document, "script")?;
    script.set_attribute("type", "application/ld+json").ok()?;
    script.set_attribute("data-openings-board", label).ok()?;
    // `<` escaped, so no text can ever close the script element.
    script.set_text_content(Some(&json.replace('<', "\\u003c")));
    head.append_child(&script).ok()?;
    Some(script)
}

/// Removes the markup of board `label` (a board that stopped, whose hook
/// will not clean up).
pub fn remove(document: &web_sys::Document, label: &str) {
    let Some(head) = super::document_head(document) else {
        return;
    };
    let children = head.children();
    let ours: Vec<web_sys::Element> = (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|e| e.get_attribute("data-openings-board").as_deref() == Some(label))
        .collect();
    for script in ours {
        script.remove();
    }
}
