//! What each fuzz target asserts, shared by the targets in `fuzz_targets/`
//! and by `tests/suite/fuzz_regressions.rs`, which replays the kept corpus and
//! every crash found through the same checks on every `cargo test`.
#![allow(dead_code)]

use std::path::Path;
use std::sync::OnceLock;

use factsheet::content::sheet::{self, Place};
use factsheet::diagnostics::Diagnostics;
use factsheet::paper;
use factsheet::render::pdf::world::{Job, Typesetter};

/// Front matter + Markdown, read as a source and as a translation: no
/// panic, a hash of 16 digits, a hint with every diagnostic; `stamp`'s
/// rewriting of the same bytes never panics.
pub fn sheet(data: &[u8]) {
    for is_source in [true, false] {
        let lang = if is_source { "en" } else { "sq" };
        let place = Place::new("de", "work", lang, "en", "content/de/work.en.md".into());
        let mut diags = Diagnostics::default();
        if let Some(doc) = sheet::read_bytes(Path::new("x.md"), data, &place, &mut diags) {
            assert_eq!(doc.hash.len(), 16);
        }
        for d in diags.iter() {
            assert!(d.hint.is_some(), "every diagnostic says what to do: {d:?}");
        }
    }
    let _ = factsheet::edit::restamp(data, "0123456789abcdef");
    // `note` writes only what reads back, and keeps every line it found
    // (but the hash it replaces), in order.
    let day = "2026-12-01".parse().expect("date");
    for note in [None, Some("A \"note\": # not a comment\nand a second line")] {
        let hash = "0123456789abcdef";
        let Some(out) = factsheet::edit::renote(data, note.map(|n| (day, n)), hash) else {
            continue;
        };
        let text = String::from_utf8(out).expect("UTF-8 in, UTF-8 out");
        let normal = factsheet::text::normalize_newlines(text.trim_start_matches('\u{feff}'));
        let split = factsheet::content::frontmatter::split(&normal).expect("front matter");
        factsheet::yaml::parse(&split.yaml).expect("YAML that reads back");
        assert!(text.contains(hash));
        let before = String::from_utf8_lossy(data);
        let mut lines = text.lines();
        for old in before.lines().filter(|l| !l.contains("noted_hash")) {
            assert!(lines.any(|l| l == old), "line {old:?} lost");
        }
    }
}

/// Markdown to sanitised HTML: no script, no embedded content, no event
/// handler attribute, no `javascript:` address. (Text may say
/// "javascript:" or "onclick=": it is escaped, `<` in text is `&lt;`.)
pub fn markdown_html(text: &str) {
    let html = factsheet::render::markdown::render(text)
        .html
        .to_lowercase();
    for bad in ["<script", "<iframe", "<img", "<style", "<object", "<embed"] {
        assert!(!html.contains(bad), "{bad} survived: {html}");
    }
    for tag in html
        .split('<')
        .skip(1)
        .map(|t| t.split('>').next().unwrap_or(t))
    {
        for (name, value) in attributes(tag) {
            assert!(!name.starts_with("on"), "event handler in <{tag}>: {html}");
            if ["href", "src", "action", "formaction", "cite"].contains(&name) {
                let scheme = scheme(value);
                assert!(
                    !["javascript", "vbscript", "data"].contains(&scheme.as_str()),
                    "{scheme}: in <{tag}>: {html}"
                );
            }
        }
    }
}

/// The scheme a browser reads in an address as written in an attribute:
/// entities decoded, tabs and newlines dropped, leading controls and
/// spaces trimmed (`javascrip%5d(javascript:b)` has none: it is relative).
fn scheme(value: &str) -> String {
    let url: String = value
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let url = url.trim_start_matches(|c: char| c <= ' ');
    match url.split_once(':') {
        Some((s, _))
            if s.starts_with(|c: char| c.is_ascii_alphabetic())
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) =>
        {
            s.to_ascii_lowercase()
        }
        _ => String::new(),
    }
}

/// The attributes of a tag as the sanitiser writes them: `name="value"`.
fn attributes(tag: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = tag.trim_start_matches(|c: char| !c.is_whitespace());
    loop {
        rest = rest.trim_start();
        let end = rest.find(['=', ' ', '\n', '\t']).unwrap_or(rest.len());
        let (name, after) = rest.split_at(end);
        if name.is_empty() || name == "/" {
            return out;
        }
        let value = after
            .strip_prefix("=\"")
            .and_then(|v| v.split_once('"'))
            .map(|(v, r)| {
                rest = r;
                v
            });
        if value.is_none() {
            rest = after;
        }
        out.push((name, value.unwrap_or("")));
    }
}

fn typesetter() -> &'static Typesetter {
    static T: OnceLock<Typesetter> = OnceLock::new();
    T.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        // Built from fuzz/ or from the project root.
        let root = if root.ends_with("fuzz") {
            root.join("..")
        } else {
            root.to_path_buf()
        };
        let theme = factsheet::theme::Theme::load(&root, &|p| p.to_path_buf()).expect("theme");
        factsheet::render::pdf::typesetter(&theme, "2026-11-23".parse().expect("date"))
    })
}

/// Any text, as every field of a handout: the template typesets it, and
/// no text runs as Typst code.
pub fn pdf_data(text: &str) {
    let (body, _) = paper::blocks(text, "https://example.org/en/de/work/");
    let mut data = serde_json::json!({
        "title": text, "summary": text, "country": "C", "route_name": "R", "lang": "en", "dir": "ltr",
        "key_facts": [{"label": "L", "value": text, "from": null, "expired": null}, {"label": text, "value": text, "from": text, "expired": text}], "sources": [{"title": text, "url": "https://e.org/", "checked": null}],
        "contacts": [], "warnings": [text], "notice": null, "status": "fresh", "last_reviewed": "x", "next_review": "y",
        "body": body, "text_lang": "en", "ui_lang": "en", "short_url": "e.org/", "site_title": "S", "disclaimer": "D",
        "page_x_of_y": "{page}/{total}", "checked": text, "printout": text, "scan": text, "qr_alt": text, "source_lang": "en",
        "updated": {"line": text, "note": text, "date": text, "iso": "2026-12-01", "before": text, "after": text, "lang": "sr-Latn", "in_language": text},
        "changes": [], "version": "20261201-abcdef", "labels": {"key_facts": "K", "sources": "S", "contacts": "C", "contents": "T"},
    });
    // As the renderer does: what an archival PDF cannot hold is replaced.
    let ts = typesetter();
    factsheet::render::pdf::printable::printable(&mut data, &|c| ts.covers(c), '?');
    let job = Job {
        main: "/handout.typ",
        files: vec![
            ("/data.json".into(), data.to_string().into_bytes()),
            (
                "/qr-0.svg".into(),
                factsheet::render::pdf::qr_svg("https://e.org/"),
            ),
        ],
        ident: "fuzz".into(),
        date: "2026-12-01".parse().expect("date"),
    };
    let result = typesetter().pdf(&job);
    typst::comemo::evict(10);
    match result {
        Ok(pdf) => assert!(pdf.starts_with(b"%PDF-")),
        Err(f) => panic!("content made the template fail: {}", f.message),
    }
}

/// A Fluent file: parsing, the reference check and formatting every
/// message never panic, cycles included; a message `check` passes formats.
pub fn fluent(text: &str) {
    let mut diags = Diagnostics::default();
    let Some(file) = factsheet::l10n::read_ftl_text(
        text.to_string(),
        Path::new("translations/sr-Cyrl.ftl"),
        "sr-Cyrl",
        &mut diags,
    ) else {
        return;
    };
    let mut refs = Diagnostics::default();
    file.check_references(false, &mut refs);
    let broken: Vec<String> = refs.iter().map(|d| d.message.clone()).collect();
    let args = factsheet::l10n::args(&[
        ("count", fluent_bundle::FluentValue::from(22)),
        ("date", fluent_bundle::FluentValue::from("1 May 2027")),
    ]);
    for id in file.ids.keys() {
        // Too many placeables depends on the variant the arguments pick,
        // which `check` (formatting without arguments) cannot know.
        if let Some(Err(problem)) = file.format(id, Some(&args))
            && !problem.contains("too many placeables")
        {
            assert!(
                broken
                    .iter()
                    .any(|m| m.starts_with(&format!("message `{id}`"))),
                "`{id}` {problem}, and check did not say so"
            );
        }
    }
}

/// Serbian transliteration: no Serbian Cyrillic letter survives, and text
/// without one is left as it was.
pub fn translit(text: &str) {
    let out = factsheet::lang::translit::sr_cyrl_to_latn(text);
    const SERBIAN: &str = "АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШабвгдђежзијклљмнњопрстћуфхцчџш";
    assert!(!out.chars().any(|c| SERBIAN.contains(c)), "{out}");
    if !text.chars().any(|c| SERBIAN.contains(c)) {
        assert_eq!(out, text);
    }
}

/// `serve`'s request path mapping: a key inside the output, or nothing.
pub fn serve_path(url: &str) {
    if let Some(key) = factsheet::serve::resolve(url) {
        assert!(!key.starts_with('/'), "{key}");
        assert!(
            !key.contains('\\') && !key.contains('\0') && !key.contains(':'),
            "{key}"
        );
        for seg in key.split('/') {
            assert!(
                !seg.is_empty() && seg != "." && seg != "..",
                "{url:?} -> {key:?}"
            );
        }
    }
}

/// A PO file: parsing never panics, every problem says what to do, and a
/// catalog that parses is written back to text that parses to the same
/// entries.
pub fn po(text: &str) {
    let path = Path::new("x.po");
    let mut diags = Diagnostics::default();
    let parsed = factsheet::po::parse(text, path, &mut diags);
    for d in diags.iter() {
        assert!(d.hint.is_some(), "every diagnostic says what to do: {d:?}");
    }
    let Some(catalog) = parsed else {
        return;
    };
    let again = factsheet::po::write(&catalog);
    let mut diags = Diagnostics::default();
    let back = factsheet::po::parse(&again, path, &mut diags).expect("written PO reads back");
    let strip = |c: &factsheet::po::Catalog| -> Vec<(Option<String>, String, String, bool)> {
        c.entries
            .iter()
            .map(|e| (e.context.clone(), e.id.clone(), e.text.clone(), e.fuzzy))
            .collect()
    };
    assert_eq!(strip(&back), strip(&catalog));
}

#[cfg(test)]
mod tests {
    #[test]
    fn attributes_as_written() {
        assert_eq!(
            super::attributes(r#"a href="x y" title=" onclick=z" rel="n""#),
            [("href", "x y"), ("title", " onclick=z"), ("rel", "n")]
        );
        assert_eq!(super::attributes("br /"), []);
        assert_eq!(super::scheme(" Java\tScript:x"), "javascript");
        assert_eq!(super::scheme("javascrip%5d(javascript:b)t:b"), "");
        assert_eq!(super::scheme("https://e.org/a:b"), "https");
        assert_eq!(super::scheme("../a:b"), "");
        assert_eq!(super::attributes("td"), []);
    }
}
