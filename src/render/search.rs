//! Search for the region's languages: an index per language, sharded by
//! the first letter (or two, for a large index) of each word, so that a
//! query downloads only the shards of its words and the titles of its
//! results, however large the site. Words are folded the same way here and in the theme's script
//! (`static/search.js`): lower case, Serbian and Macedonian Cyrillic to
//! Latin, diacritics dropped (`ë→e`, `č→c`), `đ→dj` (and `d`), so that
//! "shqiperi", "Srbija" and "Србија" find what they mean.
//!
//! Files under `<lang>/search/`:
//! - `meta.json`: the shards that exist, the number of documents, and
//!   "N results" in the language's plural forms;
//! - `t-<ab>.json`: for each word starting with `ab` (or `a`, for a small
//!   index), its documents and weights (title above facts and summary,
//!   above the text);
//! - `d-<n>.json`: 16 documents' title, address, place and summary (and
//!   their language when it is a fallback's).

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use serde_json::json;

use super::{Model, Page};
use crate::content::doc::Part;

/// Documents per `d-<n>.json`: small, so that the ten results shown fetch
/// little even when they are spread over the site.
pub const CHUNK: usize = 16;

/// One language's index files, by name under `<lang>/search/`, sorted.
pub struct Index {
    pub files: Vec<(String, Vec<u8>)>,
}

/// Weights of a word by where it appears; a document's weight for a word
/// is their sum (the text's capped), at most 255.
const TITLE: u32 = 8;
const PLACE: u32 = 6;
const SUMMARY: u32 = 4;
const FACT: u32 = 4;
const BODY: u32 = 1;
const BODY_CAP: u32 = 3;

pub fn build(model: &Model, lang: &str) -> Index {
    let site = model.site;
    let t = |id: String| {
        site.l10n
            .format(&site.config, lang, &id, None)
            .unwrap_or(id)
    };
    let mut terms = Terms::default();
    let mut docs = Vec::new();
    for (i, s) in model.sheets.iter().enumerate() {
        let Some(text) = model.text(i, lang) else {
            continue;
        };
        let doc = docs.len() as u32;
        let country = t(format!("country-{}", s.destination));
        let route = t(format!("route-{}", s.route));
        for part in text.parts() {
            match part {
                Part::Title(t) => {
                    terms.add(t, TITLE, 1);
                    terms.add(&format!("{country} {route}"), PLACE, 1);
                }
                Part::Summary(t) => terms.add(t, SUMMARY, 1),
                Part::KeyFact { value, .. } => terms.add(value, FACT, 1),
                // The words a reader sees: the Markdown's text, cached by
                // the body as written.
                Part::Body(_) => terms.add(&model.markdown(&text.body).text, BODY, BODY_CAP),
            }
        }
        terms.end_doc(doc);
        // The language of the title and summary, when it is a fallback's.
        let shown = s.page(lang).map(|p| super::view::text_lang(p, lang));
        let mut doc_json = vec![
            json!(text.title),
            // The link from the search page, which shows the results.
            json!(model.href(Page::Search { lang }, Page::Sheet { lang, sheet: i })),
            json!(format!("{country} · {route}")),
            json!(text.summary),
        ];
        if let Some(other) = shown.filter(|l| l != lang) {
            doc_json.push(json!(other));
        }
        docs.push(serde_json::Value::Array(doc_json));
    }
    // The route finder's start is found too (its answer pages are not).
    if model.finder.is_some() {
        let (title, intro) = (t("finder-title".into()), t("finder-intro".into()));
        terms.add(&title, TITLE, 1);
        terms.add(&intro, SUMMARY, 1);
        terms.end_doc(docs.len() as u32);
        let start = Page::Finder { lang, step: 0 };
        docs.push(json!([
            title,
            model.href(Page::Search { lang }, start),
            t("finder-nav".into()),
            intro
        ]));
    }
    let terms = terms.sorted();
    // A small index in few files (one letter), a large one in many small
    // shards (two letters): a query fetches little either way.
    let size: usize = terms.iter().map(|(t, p)| p.len() * 6 + t.len() + 4).sum();
    let prefix = if size < SMALL { 1 } else { 2 };
    // Each shard as JSON: {"term":[doc,weight,…],…}, terms in order.
    let mut shards: Vec<(String, String)> = Vec::new();
    for (term, postings) in terms {
        let name = shard_of(&term, prefix);
        match shards.last_mut() {
            Some((n, out)) if *n == name => out.push(','),
            _ => shards.push((name, String::from("{"))),
        }
        let Some((_, out)) = shards.last_mut() else {
            continue;
        };
        write_posting(out, &term, &postings);
    }
    // Shards come out in term order, but `_` (terms not starting a-z or
    // 0-9) gathers from everywhere: merge its pieces.
    let mut merged: BTreeMap<String, String> = BTreeMap::new();
    for (name, body) in shards {
        match merged.get_mut(&name) {
            Some(out) => {
                out.push(',');
                out.push_str(body.strip_prefix('{').unwrap_or(&body));
            }
            None => {
                merged.insert(name, body);
            }
        }
    }
    let counts: serde_json::Map<String, serde_json::Value> = (1..=25)
        .filter_map(|n| {
            let args = crate::l10n::args(&[("count", fluent_bundle::FluentValue::from(n))]);
            let s = site
                .l10n
                .format(&site.config, lang, "search-results", Some(&args))?;
            Some((n.to_string(), serde_json::Value::String(s)))
        })
        .collect();
    let mut files = vec![(
        "meta.json".to_string(),
        json!({
            "v": 1,
            "docs": docs.len(),
            "chunk": CHUNK,
            "prefix": prefix,
            "shards": merged.keys().collect::<Vec<_>>(),
            "counts": counts,
        })
        .to_string()
        .into_bytes(),
    )];
    for (name, mut body) in merged {
        body.push('}');
        files.push((format!("t-{name}.json"), body.into_bytes()));
    }
    for (n, chunk) in docs.chunks(CHUNK).enumerate() {
        files.push((format!("d-{n}.json"), json!(chunk).to_string().into_bytes()));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Index { files }
}

/// `"term":[doc,weight,…]`, the term escaped as JSON.
fn write_posting(out: &mut String, term: &str, postings: &[(u32, u32)]) {
    use std::fmt::Write;
    out.push_str(&serde_json::Value::from(term).to_string());
    out.push_str(":[");
    for (k, (d, w)) in postings.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        let _ = write!(out, "{d},{w}");
    }
    out.push(']');
}

/// A term's (document, weight) pairs.
type Postings = Vec<(u32, u32)>;

/// The terms of one language's documents: each distinct word is folded
/// once (a site repeats its words thousands of times), and terms are
/// numbered, so a document's weights are a small map of numbers.
#[derive(Default)]
struct Terms {
    /// A word as written → the terms it folds to (two for `đ`).
    folded: FxHashMap<Box<str>, Box<[u32]>>,
    /// Folded term → its number.
    ids: FxHashMap<Box<str>, u32>,
    /// Per term: (document, weight), documents in order.
    postings: Vec<Postings>,
    /// The document being indexed: term → weight.
    weights: FxHashMap<u32, u32>,
    /// The field being added: term → times seen.
    seen: FxHashMap<u32, u32>,
}

impl Terms {
    /// Adds the words of `text` to the current document with weight `w`
    /// each, counting at most `cap` of each term.
    fn add(&mut self, text: &str, w: u32, cap: u32) {
        self.seen.clear();
        for raw in split_words(text) {
            let ids = match self.folded.get(raw) {
                Some(ids) => ids,
                None => {
                    let ids: Box<[u32]> = folds_of(raw).into_iter().map(|t| self.id(t)).collect();
                    self.folded.entry(raw.into()).or_insert(ids)
                }
            };
            for id in ids.iter() {
                let n = self.seen.entry(*id).or_default();
                if *n >= cap {
                    continue;
                }
                *n += 1;
                *self.weights.entry(*id).or_default() += w;
            }
        }
    }

    fn id(&mut self, term: String) -> u32 {
        if let Some(id) = self.ids.get(term.as_str()) {
            return *id;
        }
        let id = self.postings.len() as u32;
        self.postings.push(Vec::new());
        self.ids.insert(term.into(), id);
        id
    }

    /// Ends document `doc`: its weights go to the postings.
    fn end_doc(&mut self, doc: u32) {
        for (id, w) in self.weights.drain() {
            if let Some(p) = self.postings.get_mut(id as usize) {
                p.push((doc, w.min(255)));
            }
        }
    }

    /// Every term with its postings, terms in order, documents in order.
    fn sorted(mut self) -> Vec<(Box<str>, Postings)> {
        let mut out: Vec<(Box<str>, Postings)> = self
            .ids
            .drain()
            .map(|(term, id)| {
                let mut p = self
                    .postings
                    .get_mut(id as usize)
                    .map(std::mem::take)
                    .unwrap_or_default();
                p.sort_unstable();
                (term, p)
            })
            .collect();
        out.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        out
    }
}

/// An index smaller than this (bytes, about) is sharded by one letter.
const SMALL: usize = 256 * 1024;

/// The shard a folded term lives in: its first `prefix` letters when they
/// are `a-z` or `0-9`, else `_`.
pub fn shard_of(term: &str, prefix: usize) -> String {
    let head: String = term.chars().take(prefix).collect();
    if !head.is_empty()
        && head
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    {
        head
    } else {
        "_".into()
    }
}

/// Folds text for search: lower case, Cyrillic to Latin, no diacritics,
/// `đ` as `dj`. The theme's script folds queries the same way.
pub fn fold(s: &str) -> String {
    fold_with(s, "dj")
}

fn fold_with(s: &str, dj: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    // Serbian Cyrillic as the derived Latin has it (ж → ž), then
    // Macedonian's own letters; the marks go below.
    let latin = crate::lang::translit::sr_cyrl_to_latn(&s.to_lowercase());
    let mut out = String::with_capacity(latin.len());
    for c in latin.chars() {
        match c {
            'ѓ' => out.push_str("gj"),
            'ќ' => out.push_str("kj"),
            'ѕ' => out.push_str("dz"),
            'đ' => out.push_str(dj),
            c => out.push(c),
        }
    }
    let nfd = icu::normalizer::DecomposingNormalizerBorrowed::new_nfd().normalize(&out);
    nfd.chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect()
}

/// The words of a text as written: runs of letters, digits and combining
/// marks.
fn split_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && !('\u{300}'..='\u{36f}').contains(&c))
        .filter(|w| !w.is_empty())
}

/// The terms one written word folds to: none when shorter than two
/// letters, its `d` spelling too when it has `đ`.
fn folds_of(raw: &str) -> Vec<String> {
    let w = fold(raw);
    if w.chars().count() < 2 {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(1);
    if raw.contains(['đ', 'Đ', 'ђ', 'Ђ']) {
        out.push(fold_with(&raw.replace(['ђ', 'Ђ'], "đ"), "d"));
    }
    out.push(w);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The folded words of a text, as the index takes them.
    fn words(text: &str) -> Vec<String> {
        split_words(text).flat_map(folds_of).collect()
    }

    #[test]
    fn folding_joins_scripts_and_drops_diacritics() {
        assert_eq!(fold("Shqipëri"), "shqiperi");
        assert_eq!(fold("Србија"), fold("Srbija"));
        assert_eq!(fold("Ćevapi ČŠŽ"), "cevapi csz");
        assert_eq!(fold("Đakovica"), "djakovica");
        assert_eq!(fold("Шкоџа ѓ ќ ѕ"), "skodza gj kj dz");
        assert_eq!(fold("Shqipe\u{308}ri"), "shqiperi", "NFD input");
        assert_eq!(words("Đakovica, 2026!"), ["dakovica", "djakovica", "2026"]);
        assert_eq!(shard_of("viza", 2), "vi");
        assert_eq!(shard_of("viza", 1), "v");
        assert_eq!(shard_of("ß", 2), "_");
    }
}
