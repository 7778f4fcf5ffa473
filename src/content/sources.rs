//! A sheet's `sources` (with `selector` and `ignore`, each checked by
//! the parser that will use it) and the key facts' `source`, resolved to
//! a position in them.

use super::doc::{KeyFact, SourceRef};
use crate::diagnostics::Code;
use crate::yaml::Node;
use crate::yaml::reader::{Reader, Spanned, get};

pub(super) fn read_sources(r: &mut Reader, node: &Node) -> Option<Vec<SourceRef>> {
    let items = r.seq(node, "sources")?;
    if items.is_empty() {
        r.error(
            node.pos,
            Code::NoSources,
            "`sources` is empty",
            "list at least one official source: - {title: ..., url: https://..., checked: YYYY-MM-DD}",
        );
        return None;
    }
    let mut out = Vec::new();
    for item in items {
        let Some(e) = r.map(item, "a source") else {
            continue;
        };
        r.check_keys(
            e,
            &["title", "url", "checked", "selector", "ignore"],
            "a source",
            &|_| None,
        );
        let title = r.required(
            e,
            "title",
            item.pos,
            "this source",
            "Ministry of ...",
            |r, n| r.text(n, "title"),
        );
        let url = r.required(e, "url", item.pos, "this source", "https://...", |r, n| {
            r.url(n, "url")
        });
        let checked = get(e, "checked").and_then(|n| r.date(n, "checked"));
        let selector = get(e, "selector").and_then(|n| read_selector(r, n));
        let ignore = get(e, "ignore")
            .map(|n| read_ignore(r, n))
            .unwrap_or_default();
        if let (Some(title), Some(url)) = (title, url) {
            out.push(SourceRef {
                title: title.value,
                url: url.value,
                checked,
                pos: r.abs(item.pos),
                selector,
                ignore,
            });
        }
    }
    Some(out)
}

/// `selector`: a CSS selector the HTML parser accepts.
fn read_selector(r: &mut Reader, node: &Node) -> Option<String> {
    let s = r.text(node, "selector")?;
    match scraper::Selector::parse(&s.value) {
        Ok(_) => Some(s.value),
        Err(e) => {
            r.error_abs(
                s.pos,
                Code::BadSelector,
                format!("`selector: {}` is not a CSS selector: {e}", s.value),
                "e.g. `selector: main .content` or `selector: \"#fees\"` (quote a leading #)",
            );
            None
        }
    }
}

/// `ignore`: regular expressions; a line of the page's text that one
/// matches is not watched.
fn read_ignore(r: &mut Reader, node: &Node) -> Vec<String> {
    let mut out = Vec::new();
    for item in r.seq(node, "ignore").unwrap_or_default() {
        let Some(p) = r.text(item, "ignore") else {
            continue;
        };
        match pattern(&p.value) {
            Ok(_) => out.push(p.value),
            Err(e) => r.error_abs(
                p.pos,
                Code::BadPattern,
                format!("`{}` is not a regular expression: {e}", p.value),
                "e.g. `- \"^Last updated\"`; escape `.`, `(` and `[` with a backslash to match them",
            ),
        }
    }
    out
}

/// A key fact's `source` as written: a 1-based position or a URL.
pub(super) fn read_fact_source(r: &mut Reader, node: &Node) -> Option<Spanned<FactSource>> {
    let raw = r.text(node, "source")?;
    let v = raw.value.trim();
    let source = match v.parse::<usize>() {
        Ok(n) => FactSource::Position(n),
        Err(_) => FactSource::Url(v.to_string()),
    };
    Some(Spanned::new(source, raw.pos))
}

#[derive(Debug)]
pub(super) enum FactSource {
    Position(usize),
    Url(String),
}

/// Turns each key fact's written `source` into a position in `sources`,
/// or reports it at the fact's line.
pub(super) fn resolve_fact_sources(
    r: &mut Reader,
    facts: &mut [KeyFact],
    written: Vec<Option<Spanned<FactSource>>>,
    sources: &[SourceRef],
) {
    for (fact, w) in facts.iter_mut().zip(written) {
        let Some(w) = w else {
            if let Some(q) = &fact.quote {
                r.error_abs(
                    q.pos,
                    Code::MissingField,
                    format!(
                        "key fact `{}` has a `quote` but no `source`",
                        fact.label.value
                    ),
                    "add `source: 1` (the source's position in `sources`) or its URL",
                );
                fact.quote = None;
            }
            continue;
        };
        let found = match &w.value {
            FactSource::Position(n) => (1..=sources.len()).contains(n).then(|| n - 1),
            FactSource::Url(u) => sources.iter().position(|s| s.url == *u),
        };
        match found {
            Some(i) => fact.source = Some(Spanned::new(i, w.pos)),
            None => {
                let what = match &w.value {
                    FactSource::Position(n) => {
                        format!("`source: {n}` is not a position in `sources`")
                    }
                    FactSource::Url(u) => {
                        format!("`source: {u}` is not one of the sheet's `sources`")
                    }
                };
                r.error_abs(
                    w.pos,
                    Code::UnknownSource,
                    what,
                    format!(
                        "write a number from 1 to {}, or a `url` listed in `sources`",
                        sources.len()
                    ),
                );
                fact.quote = None;
            }
        }
    }
}

/// A bounded regular expression for `ignore` (size-limited: a sheet's
/// pattern must not blow up memory). `watch` compiles them the same way.
pub fn pattern(p: &str) -> Result<regex::Regex, regex::Error> {
    regex::RegexBuilder::new(p)
        .size_limit(1 << 20)
        .dfa_size_limit(1 << 20)
        .build()
}
