//! A description, rendered from the sanitized tree of
//! [`openings_core::rich_text`]: every element is one the allow-list names,
//! every text is a text node, every link is http, https or mailto and opens
//! in a new tab. Feed text never reaches `innerHTML`.

use openings_core::rich_text::{Node, Tag};
use yew::prelude::*;

use super::safe_href;

#[derive(Properties, PartialEq)]
pub struct RichTextProps {
    pub nodes: std::rc::Rc<Vec<Node>>,
}

#[component]
pub fn RichText(props: &RichTextProps) -> Html {
    html! { <div class="rich-text">{ for props.nodes.iter().map(node) }</div> }
}

fn node(n: &Node) -> Html {
    match n {
        Node::Text(text) => html! { { text.clone() } },
        Node::Element(el) => {
            let children: Html = el.children.iter().map(node).collect();
            match el.tag {
                Tag::A => match el.href.as_deref().and_then(safe_href) {
                    Some(href) => html! {
                        <a {href} target="_blank" rel="noopener noreferrer nofollow">{ children }</a>
                    },
                    None => children,
                },
                Tag::Br => html! { <br /> },
                // Headings sit under the opening's own title (an h2 or h3 on the page):
                // h2–h4 of a description are shown one level down.
                Tag::H2 => html! { <h4>{ children }</h4> },
                Tag::H3 => html! { <h5>{ children }</h5> },
                Tag::H4 => html! { <h6>{ children }</h6> },
                tag => html! { <@{tag.name()}>{ children }</@> },
            }
        }
    }
}
