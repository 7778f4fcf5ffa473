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

use std::collections::{BTreeMap, HashMap};

use serde_json::json;

use super::Model;

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
    // term -> (doc -> weight)
    let mut terms: BTreeMap<String, BTreeMap<u32, u32>> = BTreeMap::new();
    let mut docs = Vec::new();
    for (i, s) in model.sheets.iter().enumerate() {
        let Some(text) = model.text(i, lang) else {
            continue;
        };
        let doc = docs.len() as u32;
        let country = t(format!("country-{}", s.destination));
        let route = t(format!("route-{}", s.route));
        let mut weights: HashMap<String, u32> = HashMap::new();
        let mut add = |s: &str, w: u32, cap: Option<u32>| {
            let mut seen: HashMap<String, u32> = HashMap::new();
            for term in words(s) {
                let n = seen.entry(term.clone()).or_default();
                if cap.is_some_and(|c| *n >= c) {
                    continue;
                }
                *n += 1;
                *weights.entry(term).or_default() += w;
            }
        };
        add(&text.title, TITLE, Some(1));
        add(&format!("{country} {route}"), PLACE, Some(1));
        add(&text.summary, SUMMARY, Some(1));
        for k in &text.key_facts {
            add(&k.value, FACT, Some(1));
        }
        add(&model.markdown(&text.body).text, BODY, Some(BODY_CAP));
        for (term, w) in weights {
            terms.entry(term).or_default().insert(doc, w.min(255));
        }
        // The language of the title and summary, when it is a fallback's.
        let shown = s.page(lang).map(|p| super::view::content_lang(p, lang));
        let mut doc_json = vec![
            json!(text.title),
            json!(format!("{}/{}/", s.destination, s.route)),
            json!(format!("{country} · {route}")),
            json!(text.summary),
        ];
        if let Some(other) = shown.filter(|l| l != lang) {
            doc_json.push(json!(other));
        }
        docs.push(serde_json::Value::Array(doc_json));
    }
    // A small index in few files (one letter), a large one in many small
    // shards (two letters): a query fetches little either way.
    let size: usize = terms.values().map(|p| p.len() * 6).sum::<usize>()
        + terms.keys().map(|t| t.len() + 4).sum::<usize>();
    let prefix = if size < SMALL { 1 } else { 2 };
    let mut shards: BTreeMap<String, serde_json::Map<String, serde_json::Value>> = BTreeMap::new();
    for (term, postings) in terms {
        let flat: Vec<u32> = postings.iter().flat_map(|(d, w)| [*d, *w]).collect();
        shards
            .entry(shard_of(&term, prefix))
            .or_default()
            .insert(term, json!(flat));
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
            "shards": shards.keys().collect::<Vec<_>>(),
            "counts": counts,
        })
        .to_string()
        .into_bytes(),
    )];
    for (name, terms) in shards {
        files.push((
            format!("t-{name}.json"),
            serde_json::Value::Object(terms).to_string().into_bytes(),
        ));
    }
    for (n, chunk) in docs.chunks(CHUNK).enumerate() {
        files.push((format!("d-{n}.json"), json!(chunk).to_string().into_bytes()));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Index { files }
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

/// The folded words of a text (two letters or more), with `đ`'s second
/// spelling (`d`) too.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in text.split(|c: char| !c.is_alphanumeric() && !('\u{300}'..='\u{36f}').contains(&c)) {
        let w = fold(raw);
        if w.chars().count() < 2 {
            continue;
        }
        if raw.to_lowercase().contains(['đ', 'ђ']) {
            out.push(fold_with(&raw.replace(['ђ', 'Ђ'], "đ"), "d"));
        }
        out.push(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
