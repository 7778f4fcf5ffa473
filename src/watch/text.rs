//! A fetched body → the text that is watched: decoded by its charset, the
//! page's chrome dropped, narrowed by `selector`, normalised, noisy lines
//! dropped by `ignore`. Changes in anything else are not changes.

use ego_tree::NodeRef;
use scraper::{Html, Node, Selector};

/// Parts of a page that change without its advice changing.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "button", "select",
];

/// Elements that end a line of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "br",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
    "body",
    "html",
];

pub use crate::content::sources::pattern;

/// Bytes → text: the charset from `Content-Type`, else a BOM or the
/// page's `<meta>`, else UTF-8. Invalid sequences become U+FFFD.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> String {
    let label = content_type
        .and_then(charset_param)
        .or_else(|| meta_charset(bytes));
    let enc = label
        .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    // `decode` sniffs a BOM first, which wins over any label.
    enc.decode(bytes).0.into_owned()
}

fn charset_param(ct: &str) -> Option<String> {
    ct.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// `<meta charset=…>` or `<meta http-equiv content="…; charset=…">` in
/// the first 1024 bytes, as browsers look for it.
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let rest = head[at..].trim_start_matches(['"', '\'', ' ']);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    (end > 0).then(|| rest[..end].to_string())
}

/// An HTML page's watched text: lines, normalised, `ignore` applied.
/// `selector` was checked when the sheet was read; one that does not
/// parse, or matches nothing, watches the whole page's main part.
pub fn html_to_text(html: &str, selector: Option<&str>, ignore: &[String]) -> String {
    let doc = Html::parse_document(html);
    let mut raw = String::new();
    let picked: Vec<_> = selector
        .and_then(|s| Selector::parse(s).ok())
        .map(|s| doc.select(&s).collect())
        .unwrap_or_default();
    if !picked.is_empty() {
        for el in picked {
            walk(*el, &mut raw, 0);
            raw.push('\n');
        }
    } else {
        let main = ["main", "article", "body"]
            .iter()
            .filter_map(|n| Selector::parse(n).ok())
            .find_map(|s| doc.select(&s).next());
        match main {
            Some(el) => walk(*el, &mut raw, 0),
            None => walk(doc.tree.root(), &mut raw, 0),
        }
    }
    clean(&raw, ignore)
}

/// Depth-limited so a hostile page cannot overflow the stack.
fn walk(node: NodeRef<Node>, out: &mut String, depth: usize) {
    if depth > 512 {
        return;
    }
    for child in node.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if DROPPED.contains(&name) {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    out.push('\n');
                }
                walk(child, out, depth + 1);
                if block {
                    out.push('\n');
                } else if matches!(name, "td" | "th" | "span" | "a") {
                    out.push(' ');
                }
            }
            _ => {}
        }
    }
}

/// Plain text (a PDF's, or a page's) → its watched lines: NFC, spaces
/// of every kind made one, soft hyphens and zero-width characters gone,
/// empty lines and lines an `ignore` pattern matches dropped.
pub fn clean(raw: &str, ignore: &[String]) -> String {
    let nfc = icu::normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(raw);
    let patterns: Vec<regex::Regex> = ignore.iter().filter_map(|p| pattern(p).ok()).collect();
    let mut out = String::new();
    for line in nfc.lines() {
        let mut l = String::with_capacity(line.len());
        for word in line
            .chars()
            .filter(|c| {
                !matches!(
                    c,
                    '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}'
                )
            })
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect::<String>()
            .split(' ')
            .filter(|w| !w.is_empty())
        {
            if !l.is_empty() {
                l.push(' ');
            }
            l.push_str(word);
        }
        if l.is_empty() || patterns.iter().any(|p| p.is_match(&l)) {
            continue;
        }
        out.push_str(&l);
        out.push('\n');
    }
    out
}

/// Text as a quote is looked for in it: one line, single spaces, lower
/// case (so line breaks, case and non-breaking spaces never matter).
pub fn folded(text: &str) -> String {
    let cleaned = clean(text, &[]);
    cleaned
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether a key fact's quote is in a source's watched text.
pub fn contains_quote(text: &str, quote: &str) -> bool {
    let q = folded(quote);
    !q.is_empty() && folded(text).contains(&q)
}

/// A PDF's text, or None when none can be extracted (scanned pages,
/// or a file the extractor cannot read).
pub fn pdf_text(bytes: &[u8]) -> Option<String> {
    // The extractor may panic on malformed files; a hostile PDF must not
    // take the run down.
    let got = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(bytes)).ok()?;
    let text = clean(&got.ok()?, &[]);
    (!text.trim().is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_and_noise_are_dropped() {
        let html = "<html><body><header>Menu</header><main><h1>Fees</h1>\
            <p>The fee is&nbsp;75&shy;€.</p><script>var t=1</script></main>\
            <footer>Updated 12:00</footer></body></html>";
        assert_eq!(html_to_text(html, None, &[]), "Fees\nThe fee is 75€.\n");
    }

    #[test]
    fn selector_and_ignore_narrow_the_text() {
        let html = "<body><div id=a><p>Keep</p><p>Visitors: 12</p></div><p>Other</p></body>";
        let got = html_to_text(html, Some("#a"), &["^Visitors:".to_string()]);
        assert_eq!(got, "Keep\n");
    }

    #[test]
    fn charsets_come_from_the_header_or_meta() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1250.encode("č ć š ž đ");
        assert_eq!(
            decode(&bytes, Some("text/html; charset=windows-1250")),
            "č ć š ž đ"
        );
        let mut page = b"<meta charset=\"windows-1250\">".to_vec();
        page.extend_from_slice(&bytes);
        assert!(decode(&page, None).ends_with("č ć š ž đ"));
        assert_eq!(decode(b"a\xffb", None), "a\u{fffd}b");
    }

    #[test]
    fn quotes_ignore_case_spaces_and_line_breaks() {
        assert!(contains_quote("The Fee\nis\u{a0}75 €.\n", "fee is 75 €"));
        assert!(!contains_quote("The fee is 80 €.\n", "fee is 75 €"));
        assert!(!contains_quote("anything", "  "));
    }
}
