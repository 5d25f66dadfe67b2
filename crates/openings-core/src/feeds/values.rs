//! Small readers of JSON values shared by the format adapters: text that may
//! be a string, a number or an `{"@value": …}`; one value or a list; bounded
//! lengths so that a hostile feed cannot make the board hold huge strings.

use serde_json::Value;

use crate::feeds::Skipped;
use crate::model::Opening;
use crate::text::{clip, MAX_FIELD_CHARS};

/// One entry of a feed: an opening, or the reason it was left out.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    Opening(Box<Opening>),
    Skipped(Skipped),
}

/// Text of a short field: a string, a number, or a JSON-LD value object;
/// trimmed, clipped to [`MAX_FIELD_CHARS`], `None` when empty.
pub fn text(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Object(map) => return text(map.get("@value").or_else(|| map.get("name"))),
        Value::Array(items) => return items.iter().find_map(|i| text(Some(i))),
        _ => return None,
    };
    (!s.is_empty()).then(|| clip(&s, MAX_FIELD_CHARS))
}

/// A long text field (a description): like [`text`], clipped to `limit`.
pub fn long_text(v: Option<&Value>, limit: usize) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(clip(s.trim(), limit)),
        Value::Object(map) => long_text(map.get("@value"), limit),
        _ => None,
    }
}

/// A number written as a number or as text ("70000", "70,000").
pub fn number(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => {
            let digits: String = s
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            digits.parse().ok()
        }
        Value::Object(map) => number(map.get("@value")),
        _ => None,
    }
    .filter(|n: &f64| n.is_finite() && *n >= 0.0)
}

/// One value or a list of them, as a list (`null` and absence give none).
pub fn list(v: Option<&Value>) -> Vec<&Value> {
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().filter(|i| !i.is_null()).collect(),
        Some(other) => vec![other],
    }
}

/// Every text in one value or a list of them.
pub fn texts(v: Option<&Value>) -> Vec<String> {
    list(v).into_iter().filter_map(|i| text(Some(i))).collect()
}

/// Does this JSON-LD node have this `@type` (one type or a list)?
pub fn has_type(node: &Value, wanted: &str) -> bool {
    list(node.get("@type")).iter().any(|t| {
        t.as_str().is_some_and(|t| {
            let t = t.rsplit(['/', ':', '#']).next().unwrap_or(t);
            t.eq_ignore_ascii_case(wanted)
        })
    })
}
