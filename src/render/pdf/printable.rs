//! What an archival PDF can hold. PDF/A refuses control characters, a
//! glyph that no embedded font has, and any PDF string over 32,767
//! characters (a link's description is its text). A sheet may contain all
//! three (a pasted emoji, a stray control byte, a hostile paragraph); it
//! must still print, so its data is made printable before Typst sees it.

use serde_json::Value;

/// Longest text of one string in the data: far above any real paragraph.
const MAX_STRING: usize = 20_000;
/// Longest run of characters without a space: a longer "word" cannot
/// break across lines, and one line over 32,767 characters is a PDF
/// string PDF/A refuses. Real words and addresses are far shorter.
const MAX_WORD: usize = 1_000;
/// Longest link text kept as a link (its text becomes the PDF's
/// description of the link); a longer one prints as plain text.
const MAX_LINK_TEXT: usize = 2_000;

/// Makes every string in `data` printable with fonts that cover the
/// characters `covers` says; `replacement` stands for the others.
pub fn printable(data: &mut Value, covers: &dyn Fn(char) -> bool, replacement: char) {
    match data {
        Value::String(s)
            if s.chars().count() > MAX_STRING
                || longest_word(s) > MAX_WORD
                || s.chars().any(|c| !keep(c, covers)) =>
        {
            *s = clean(s, covers, replacement);
        }
        Value::Array(items) => {
            for v in items {
                printable(v, covers, replacement);
            }
        }
        Value::Object(map) => {
            let is_link = map.get("t").and_then(Value::as_str) == Some("link");
            if is_link && text_len(map.get("c").unwrap_or(&Value::Null)) > MAX_LINK_TEXT {
                map.insert("url".into(), Value::String(String::new()));
            }
            for v in map.values_mut() {
                printable(v, covers, replacement);
            }
        }
        _ => {}
    }
}

fn keep(c: char, covers: &dyn Fn(char) -> bool) -> bool {
    matches!(c, '\n' | '\t') || (!c.is_control() && (c.is_whitespace() || covers(c)))
}

fn clean(s: &str, covers: &dyn Fn(char) -> bool, replacement: char) -> String {
    let mut out = String::with_capacity(s.len().min(MAX_STRING * 4));
    let mut word = 0;
    for (n, c) in s.chars().enumerate() {
        if n == MAX_STRING {
            out.push('…');
            break;
        }
        let c = if keep(c, covers) {
            c
        } else if !c.is_control() {
            replacement
        } else {
            continue;
        };
        word = if c.is_whitespace() { 0 } else { word + 1 };
        if word > MAX_WORD {
            out.push(' ');
            word = 1;
        }
        out.push(c);
    }
    out
}

fn longest_word(s: &str) -> usize {
    s.split(char::is_whitespace)
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
}

/// The characters of text under a node.
fn text_len(v: &Value) -> usize {
    match v {
        Value::String(s) => s.chars().count(),
        Value::Array(items) => items.iter().map(text_len).sum(),
        Value::Object(map) => map
            .iter()
            .filter(|(k, _)| *k == "s" || *k == "c")
            .map(|(_, v)| text_len(v))
            .sum(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::printable;

    #[test]
    fn controls_go_uncovered_are_replaced_long_is_cut() {
        let covers = |c: char| c.is_ascii() || c == 'ë';
        let mut v = json!({"title": "a\u{0}b\u{7}ë😀\nc", "n": 1,
            "body": [{"t": "link", "url": "https://x.org/", "c": [{"t": "text", "s": "x".repeat(3000)}]},
                     {"t": "link", "url": "https://y.org/", "c": [{"t": "text", "s": "short"}]}],
            "long": "y".repeat(30_000), "word": "z".repeat(2_500)});
        printable(&mut v, &covers, '?');
        assert_eq!(v["title"], "abë?\nc");
        assert_eq!(
            v["body"][0]["url"], "",
            "a link too long to describe is text"
        );
        assert_eq!(v["body"][1]["url"], "https://y.org/");
        let long = v["long"].as_str().unwrap();
        // Cut at 20,000 characters, with a space every 1,000 of one word.
        assert_eq!(long.chars().filter(|c| *c == 'y').count(), 20_000);
        assert!(long.ends_with('…'));
        assert_eq!(
            v["word"]
                .as_str()
                .unwrap()
                .split(' ')
                .map(str::len)
                .collect::<Vec<_>>(),
            [1000, 1000, 500]
        );
    }
}
