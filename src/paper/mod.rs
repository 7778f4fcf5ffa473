//! A sheet's Markdown as paper takes it: a tree of blocks and inlines in
//! JSON for the Typst template, within the handout's budget (which `check` also
//! warns about). User text only ever travels as JSON strings,
//! which Typst inserts as text: it is never parsed as Typst markup.

use std::collections::HashMap;

use pulldown_cmark::{Event, Options, Parser, Tag};
use serde::Serialize;
use url::{ParseError, Url};

mod builder;

use builder::{Builder, Note, matching_end};

/// Containers nested deeper than this are flattened: a sheet never needs
/// it, and Typst's call depth is bounded.
const MAX_DEPTH: usize = 12;
/// Footnotes typeset per document; further references print as `[label]`,
/// so that a hostile sheet cannot make a build take hours.
pub const MAX_FOOTNOTES: usize = 30;
/// Characters of text typeset per document (a real sheet has a few
/// thousand); the rest is cut with an ellipsis, for the same reason.
pub const MAX_CHARS: usize = 60_000;

/// A block or inline of the text, as the template reads it: `t` names the
/// kind, `c` holds the children.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "t", rename_all = "lowercase")]
pub enum Node {
    Text {
        s: String,
    },
    Code {
        s: String,
    },
    Br,
    Hr,
    P {
        c: Vec<Node>,
    },
    H {
        level: u8,
        c: Vec<Node>,
    },
    Quote {
        c: Vec<Node>,
    },
    Pre {
        c: Vec<Node>,
    },
    Ol {
        start: u64,
        c: Vec<Node>,
    },
    Ul {
        c: Vec<Node>,
    },
    Li {
        c: Vec<Node>,
    },
    /// `c` is empty unless the table sits at `MAX_DEPTH`, where its head
    /// and rows are flattened into it.
    Table {
        align: Vec<Align>,
        head: Vec<Node>,
        rows: Vec<Vec<Node>>,
        c: Vec<Node>,
    },
    Cell {
        c: Vec<Node>,
    },
    Em {
        c: Vec<Node>,
    },
    Strong {
        c: Vec<Node>,
    },
    Del {
        c: Vec<Node>,
    },
    Link {
        url: String,
        c: Vec<Node>,
    },
    Footnote {
        c: Vec<Node>,
    },
    Span {
        c: Vec<Node>,
    },
    /// A notice of ours between blocks ("This part has changed in the
    /// English text"), in the reader's language.
    Notice {
        s: String,
        /// Typst's language of the notice.
        lang: String,
    },
}

impl Node {
    /// The children of a container; `None` for text and breaks.
    fn children_mut(&mut self) -> Option<&mut Vec<Node>> {
        match self {
            Node::Text { .. } | Node::Code { .. } | Node::Br | Node::Hr | Node::Notice { .. } => {
                None
            }
            Node::P { c }
            | Node::H { c, .. }
            | Node::Quote { c }
            | Node::Pre { c }
            | Node::Ol { c, .. }
            | Node::Ul { c }
            | Node::Li { c }
            | Node::Table { c, .. }
            | Node::Cell { c }
            | Node::Em { c }
            | Node::Strong { c }
            | Node::Del { c }
            | Node::Link { c, .. }
            | Node::Footnote { c }
            | Node::Span { c } => Some(c),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    Left,
    Center,
    Right,
}

/// Whether the handout of `markdown` leaves text out (beyond
/// `MAX_CHARS` or `MAX_FOOTNOTES`). Cheap for any real sheet: only a text
/// that could exceed them, counting every note copied at each reference
/// and printed link addresses, is laid out to find out.
pub fn shortened(markdown: &str) -> bool {
    // One pass over the bytes: this runs on every sheet at every check.
    let (mut refs, mut links) = (0, 0);
    for pair in markdown.as_bytes().windows(2) {
        match pair {
            [b'[', b'^'] => refs += 1,
            [b']', b'('] => links += 1,
            _ => {}
        }
    }
    let bound = markdown.len() * (1 + refs.min(MAX_FOOTNOTES)) + links * 200;
    (bound > MAX_CHARS || refs > MAX_FOOTNOTES) && blocks(markdown, "").1
}

/// The blocks of `markdown`, and whether some text was left out; relative
/// links are made absolute against `page_url` so that they can be printed.
/// `nodes` with `notice` before the text of each section in `sections`
/// (0 before the first heading; k after the k-th heading).
pub fn mark_sections(nodes: Vec<Node>, sections: &[usize], notice: &str, lang: &str) -> Vec<Node> {
    let mark = || Node::Notice {
        s: notice.to_string(),
        lang: lang.to_string(),
    };
    let mut out = Vec::with_capacity(nodes.len() + sections.len());
    if sections.contains(&0) {
        out.push(mark());
    }
    let mut heading = 0;
    for n in nodes {
        let is_heading = matches!(n, Node::H { .. });
        out.push(n);
        if is_heading {
            heading += 1;
            if sections.contains(&heading) {
                out.push(mark());
            }
        }
    }
    out
}

pub fn blocks(markdown: &str, page_url: &str) -> (Vec<Node>, bool) {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    // Footnote definitions, by label, to place each at its reference:
    // their content, characters, and whether they were cut themselves.
    let mut notes: HashMap<String, Note> = HashMap::new();
    let none = HashMap::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::FootnoteDefinition(label)) = &events[i] {
            let end = matching_end(&events, i);
            let mut b = Builder::new(page_url, &none);
            b.run(&events[i + 1..end]);
            let (chars, cut) = (b.chars, b.shortened);
            notes.insert(label.to_string(), (b.finish(), chars, cut));
            i = end;
        }
        i += 1;
    }
    let mut b = Builder::new(page_url, &notes);
    b.run(&events);
    let shortened = b.shortened;
    (b.finish(), shortened)
}

/// `dest` resolved against the page's absolute URL as a browser would;
/// links that are not web addresses (`mailto:`, `tel:`) are kept, anything
/// else (`javascript:`, `data:`, broken addresses) is dropped.
pub fn absolute(page_url: &str, dest: &str) -> String {
    let written = Url::parse(dest);
    let resolved = match Url::parse(page_url) {
        Ok(base) => base.join(dest),
        // No page address (when only counting): relative links as written.
        Err(_) if written == Err(ParseError::RelativeUrlWithoutBase) => {
            return dest.to_string();
        }
        Err(_) => written.clone(),
    };
    match resolved {
        Ok(url) if !matches!(url.scheme(), "http" | "https" | "mailto" | "tel") => String::new(),
        // An absolute address prints as written (no added `/`, no punycode);
        // `https:x`, which browsers resolve against the page, does not.
        Ok(url) if written.as_ref() == Ok(&url) => dest.to_string(),
        Ok(url) => url.into(),
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as `/data.json` holds it.
    fn json(v: &[Node]) -> String {
        serde_json::to_value(v).unwrap().to_string()
    }

    #[test]
    fn relative_links_become_printable_addresses() {
        let page = "https://example.org/fs/sq/de/work/";
        assert_eq!(
            absolute(page, "../study/"),
            "https://example.org/fs/sq/de/study/"
        );
        assert_eq!(absolute(page, "/x/y"), "https://example.org/x/y");
        assert_eq!(absolute(page, "https://bamf.de/"), "https://bamf.de/");
        assert_eq!(absolute(page, "javascript:alert(1)"), "");
        assert_eq!(
            absolute(page, "#top"),
            "https://example.org/fs/sq/de/work/#top"
        );
    }

    #[test]
    fn links_resolve_as_in_a_browser() {
        let page = "https://example.org/fs/sq/de/work/";
        // Scheme-relative: another host, the page's scheme.
        assert_eq!(absolute(page, "//evil.example/x"), "https://evil.example/x");
        assert_eq!(
            absolute("http://example.org/a/", "//evil.example/x"),
            "http://evil.example/x"
        );
        assert_eq!(
            absolute(page, "?q=1#f"),
            "https://example.org/fs/sq/de/work/?q=1#f"
        );
        assert_eq!(
            absolute(page, "https:x"),
            "https://example.org/fs/sq/de/work/x"
        );
        assert_eq!(absolute(page, "mailto:a@b.org"), "mailto:a@b.org");
        assert_eq!(absolute(page, "tel:+4930123"), "tel:+4930123");
        assert_eq!(absolute(page, "data:text/html,x"), "");
        assert_eq!(absolute(page, "https://a b/"), "");
        // Without a page address only the scheme is judged.
        assert_eq!(absolute("", "../x"), "../x");
        assert_eq!(absolute("", "javascript:x"), "");
        assert_eq!(absolute("", "https://x.org"), "https://x.org");
    }

    #[test]
    fn tree_of_blocks_and_inlines() {
        let (v, _) = blocks(
            "## Head\n\nSome *em* and [a](https://x.org).[^1]\n\n- one\n- two\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n[^1]: Note.\n",
            "https://e.org/a/",
        );
        let s = json(&v);
        assert!(
            s.contains(r#"{"c":[{"s":"Head","t":"text"}],"level":2,"t":"h"}"#),
            "{s}"
        );
        assert!(
            s.contains(r#"{"c":[{"s":"em","t":"text"}],"t":"em"}"#),
            "{s}"
        );
        assert!(s.contains(r#""t":"link","url":"https://x.org""#), "{s}");
        assert!(
            s.contains(r#"{"c":[{"s":"Note.","t":"text"}],"t":"footnote"}"#),
            "{s}"
        );
        assert!(s.contains(r#""align":["left","right"]"#), "{s}");
        assert!(
            s.contains(r#""head":[{"c":[{"s":"a","t":"text"}],"t":"cell"}"#),
            "{s}"
        );
        assert!(
            s.contains(r#""rows":[[{"c":[{"s":"1","t":"text"}],"t":"cell"}"#),
            "{s}"
        );
        assert_eq!(v.len(), 4, "footnote definitions are not blocks: {s}");
    }

    #[test]
    fn footnotes_are_capped() {
        let refs: String = (0..500).map(|i| format!("[^{}]", i % 3)).collect();
        let s = blocks(
            &format!("x{refs}\n\n[^0]: a\n[^1]: b\n[^2]: c\n"),
            "https://e.org/",
        );
        assert!(s.1 && shortened(&format!("x{refs}\n\n[^0]: a\n")));
        let s = json(&s.0);
        assert_eq!(s.matches("\"footnote\"").count(), MAX_FOOTNOTES);
        assert!(s.contains("[2]"));
        assert!(!shortened("x[^1] [^2]\n\n[^1]: a\n[^2]: b\n"));
    }

    #[test]
    fn notes_share_the_budget_with_the_text() {
        // A 2,500-character note referenced 30 times: 75,000 characters.
        let note = "n".repeat(2_500);
        let refs: String = (0..30).map(|_| "x[^a] ").collect();
        let md = format!("{refs}\n\n[^a]: {note}\n");
        assert!(md.len() < MAX_CHARS);
        let (v, cut) = blocks(&md, "https://e.org/");
        assert!(cut && shortened(&md));
        let s = json(&v);
        assert_eq!(s.matches("\"footnote\"").count(), MAX_CHARS / 2_500 - 1);
        assert!(s.contains("[a]"));
        // A note cut on its own shortens the document that cites it.
        let md = format!("x[^a]\n\n[^a]: {}\n", "n".repeat(MAX_CHARS + 10));
        assert!(blocks(&md, "").1);
        // Code counts too.
        let md = format!("`{}` and more text\n", "c".repeat(MAX_CHARS + 10));
        let (v, cut) = blocks(&md, "");
        assert!(cut && !json(&v).contains("ccccc"));
    }

    #[test]
    fn huge_text_is_cut() {
        let s = blocks(
            &format!("{}\n\nmore\n", "y".repeat(MAX_CHARS * 3)),
            "https://e.org/",
        );
        assert!(s.1);
        let s = json(&s.0);
        // Markup does not count, only text: this fits.
        assert!(!shortened(&"**y** ".repeat(MAX_CHARS / 3)));
        assert!(s.len() < MAX_CHARS * 11 / 10, "{}", s.len());
        assert!(s.contains('…'));
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let md = format!("{}deep\n", "> ".repeat(200));
        let (v, cut) = blocks(&md, "https://e.org/");
        let s = json(&v);
        assert!(!cut, "flattening loses no text");
        assert!(s.contains("deep"));
        assert!(s.matches("\"quote\"").count() <= MAX_DEPTH);
    }
}
