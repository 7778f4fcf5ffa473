//! A sheet's Markdown to safe HTML: CommonMark with tables and footnotes,
//! heading anchors, external links marked, then every tag, attribute and
//! URL scheme not on our list removed by `ammonia`.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html};

/// HTML for the page, and plain text for the search index.
pub struct Converted {
    pub html: String,
    pub text: String,
}

/// The ids of the headings of rendered HTML, in order (`<h2 id="…">`).
pub fn heading_ids(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<h") {
        rest = &rest[i + 2..];
        let level_ok = rest
            .as_bytes()
            .first()
            .is_some_and(|b| (b'1'..=b'6').contains(b));
        if !level_ok {
            continue;
        }
        let tag = rest.split('>').next().unwrap_or("");
        let id = tag
            .split_once("id=\"")
            .and_then(|(_, r)| r.split('"').next())
            .unwrap_or("");
        out.push(id.to_string());
    }
    out
}

/// `html` with `mark(k)` before the text of each section k in `sections`
/// (0 before the first heading; k after the k-th heading's end).
pub fn mark_sections(html: &str, sections: &[usize], mark: &dyn Fn(usize) -> String) -> String {
    let mut out = String::with_capacity(html.len() + sections.len() * 200);
    if sections.contains(&0) {
        out.push_str(&mark(0));
    }
    let mut heading = 0;
    let mut rest = html;
    while let Some(i) = rest.find("</h") {
        let is_heading = rest
            .as_bytes()
            .get(i + 3)
            .is_some_and(|b| (b'1'..=b'6').contains(b));
        let end = rest[i..].find('>').map_or(rest.len(), |e| i + e + 1);
        out.push_str(&rest[..end]);
        rest = &rest[end..];
        if is_heading {
            heading += 1;
            if sections.contains(&heading) {
                out.push('\n');
                out.push_str(&mark(heading));
            }
        }
    }
    out.push_str(rest);
    out
}

pub fn render(markdown: &str) -> Converted {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut text = String::new();
    let mut events: Vec<Event> = Vec::new();
    let mut ids: HashSet<String> = HashSet::new();
    let mut heading: Option<(HeadingLevel, Vec<Event>)> = None;
    let mut links: Vec<bool> = Vec::new();
    let mut in_image = 0usize;

    for event in flatten_deep(Parser::new_ext(markdown, options)) {
        if let Event::Text(t) | Event::Code(t) = &event {
            text.push_str(t);
            text.push(' ');
        }
        // Images would load from anywhere: keep their alt text only.
        match &event {
            Event::Start(Tag::Image { .. }) => {
                in_image += 1;
                continue;
            }
            Event::End(TagEnd::Image) => {
                in_image = in_image.saturating_sub(1);
                continue;
            }
            _ => {}
        }
        if in_image > 0 && !matches!(event, Event::Text(_)) {
            continue;
        }
        let event = match event {
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => {
                let external = dest_url.starts_with("http://") || dest_url.starts_with("https://");
                links.push(true);
                Event::Html(CowStr::from(link_start(&dest_url, &title, external)))
            }
            Event::End(TagEnd::Link) if links.pop().is_some() => Event::Html(CowStr::from("</a>")),
            other => other,
        };
        match (&mut heading, event) {
            (None, Event::Start(Tag::Heading { level, .. })) => {
                // The page's title is the only h1.
                heading = Some((level.max(HeadingLevel::H2), Vec::new()));
            }
            (Some((level, inner)), Event::End(TagEnd::Heading(_))) => {
                let id = unique_id(&slug(&plain(inner)), &mut ids);
                let level = *level;
                let inner = std::mem::take(inner);
                heading = None;
                events.push(Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(id)),
                    classes: Vec::new(),
                    attrs: Vec::new(),
                }));
                events.extend(inner);
                events.push(Event::End(TagEnd::Heading(level)));
            }
            (Some((_, inner)), e) => inner.push(e),
            (None, e) => events.push(e),
        }
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Converted {
        html: sanitizer().clean(&html).to_string(),
        text: text.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

/// Containers nested deeper than this lose their tags and keep their
/// content: HTML parsers, the sanitiser's included, slow down with depth
/// (50,000 nested quotes took 18 s to sanitise), and no sheet needs it.
const MAX_DEPTH: usize = 32;

fn flatten_deep<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    // For each open tag, whether it was kept.
    let mut open: Vec<bool> = Vec::new();
    events.filter(move |e| match e {
        Event::Start(tag) => {
            // Parts of a kept table or list stay with it, so that its
            // structure holds.
            let part = matches!(
                tag,
                Tag::TableHead | Tag::TableRow | Tag::TableCell | Tag::Item
            );
            let keep = open.len() < MAX_DEPTH || (part && open.last() == Some(&true));
            open.push(keep);
            keep
        }
        Event::End(_) => open.pop().unwrap_or(true),
        _ => true,
    })
}

fn link_start(dest: &str, title: &str, external: bool) -> String {
    let mut s = String::from("<a href=\"");
    let _ = escape_href(&mut s, dest);
    s.push('"');
    if !title.is_empty() {
        s.push_str(" title=\"");
        let _ = escape_html(&mut s, title);
        s.push('"');
    }
    if external {
        s.push_str(" class=\"external\"");
    }
    s.push('>');
    s
}

fn plain(events: &[Event]) -> String {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect()
}

/// A heading's anchor: lower-case letters and digits of any script,
/// words joined by hyphens.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
        if out.len() > 64 {
            break;
        }
    }
    if out.is_empty() {
        "section".into()
    } else {
        out
    }
}

fn unique_id(base: &str, ids: &mut HashSet<String>) -> String {
    let mut id = base.to_string();
    let mut n = 2;
    while !ids.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// What survives in a sheet's HTML: text structure, links to web, mail and
/// phone addresses, tables, footnotes. No scripts, styles, forms, frames,
/// images or event handlers.
fn sanitizer() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.rm_tags(["img"]);
        b.url_schemes(HashSet::from(["http", "https", "mailto", "tel"]));
        b.link_rel(Some("noopener noreferrer"));
        let heading_ids = ["h2", "h3", "h4", "h5", "h6"].map(|h| (h, HashSet::from(["id"])));
        let mut attrs: HashMap<&str, HashSet<&str>> = HashMap::from(heading_ids);
        attrs.insert("a", HashSet::from(["href", "title", "id"]));
        attrs.insert("div", HashSet::from(["id"]));
        attrs.insert("th", HashSet::from(["style"]));
        attrs.insert("td", HashSet::from(["style"]));
        b.tag_attributes(attrs);
        b.filter_style_properties(HashSet::from(["text-align"]));
        b.allowed_classes(HashMap::from([
            ("a", HashSet::from(["external"])),
            (
                "sup",
                HashSet::from(["footnote-reference", "footnote-definition-label"]),
            ),
            ("div", HashSet::from(["footnote-definition"])),
        ]));
        b
    })
}

#[cfg(test)]
mod tests {
    use super::{MAX_DEPTH, render};

    #[test]
    fn deep_nesting_is_flattened_and_keeps_its_text() {
        let r = render(&format!("{}deep\n", "> ".repeat(50_000)));
        assert_eq!(r.html.matches("<blockquote>").count(), MAX_DEPTH);
        assert_eq!(r.html.matches("</blockquote>").count(), MAX_DEPTH);
        assert!(r.html.contains("deep"));
        // A list at the limit keeps its items; a table its cells.
        let q = "> ".repeat(MAX_DEPTH - 1);
        let md = format!("{q}- a\n{q}- b\n\n{q}| x |\n{q}|---|\n{q}| 1 |\n");
        let r = render(&md);
        assert_eq!(r.html.matches("<li>").count(), 2, "{}", r.html);
        assert!(r.html.contains("<td>1</td>"), "{}", r.html);
    }

    #[test]
    fn structure_anchors_and_external_links() {
        let r = render(
            "# Top\n\n## Who can apply\n\n## Who can apply\n\nSee [BAMF](https://www.bamf.de/ \"Office\") and [study](../study/).\n",
        );
        assert!(r.html.contains("<h2 id=\"top\">Top</h2>"), "{}", r.html);
        assert!(r.html.contains("<h2 id=\"who-can-apply\">"), "{}", r.html);
        assert!(r.html.contains("<h2 id=\"who-can-apply-2\">"), "{}", r.html);
        assert!(r.html.contains("<a href=\"https://www.bamf.de/\" title=\"Office\" class=\"external\" rel=\"noopener noreferrer\">BAMF</a>"), "{}", r.html);
        assert!(
            r.html
                .contains("<a href=\"../study/\" rel=\"noopener noreferrer\">study</a>"),
            "{}",
            r.html
        );
        assert!(
            r.text.contains("Who can apply See BAMF and study"),
            "{}",
            r.text
        );
    }

    #[test]
    fn cyrillic_headings_get_cyrillic_anchors() {
        assert!(
            render("## Ко може да аплицира?\n")
                .html
                .contains("id=\"ко-може-да-аплицира\"")
        );
    }

    #[test]
    fn tables_and_footnotes_survive() {
        let r = render("| a | b |\n|:-|-:|\n| 1 | 2 |\n\nText[^n].\n\n[^n]: Note.\n");
        assert!(r.html.contains("<table>"), "{}", r.html);
        assert!(r.html.contains("style=\"text-align:right\""), "{}", r.html);
        assert!(
            r.html.contains("class=\"footnote-reference\""),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("class=\"footnote-definition\" id=\"n\""),
            "{}",
            r.html
        );
    }

    #[test]
    fn hostile_html_and_links_come_out_inert() {
        let r = render(concat!(
            "<script>alert(1)</script>\n\n",
            "<img src=x onerror=alert(1)>\n\n",
            "<p onclick=\"x()\" style=\"background:url(https://evil.example/t.png)\">p</p>\n\n",
            "[click](javascript:alert(1)) [data](data:text/html,x) <a href=\"vbscript:x\">v</a>\n\n",
            "<iframe src=\"https://evil.example\"></iframe><form><input></form>\n\n",
            "![tracker](https://evil.example/pixel.png)\n\n",
            "<td style=\"color:red\">x</td>\n",
        ));
        let lower = r.html.to_lowercase();
        for bad in [
            "<script",
            "onerror",
            "onclick",
            "javascript:",
            "vbscript:",
            "data:",
            "<iframe",
            "<form",
            "<input",
            "<img",
            "evil.example",
            "color:",
        ] {
            assert!(!lower.contains(bad), "{bad} survived:\n{}", r.html);
        }
        assert!(r.html.contains("tracker"), "alt text is kept: {}", r.html);
    }
}
