//! A search index per language, `/<lang>/search-index.json`, read by the
//! theme's small search script: title, summary, country and route names,
//! and the distinct words of the text, for each sheet as that language's
//! readers see it.

use std::collections::BTreeSet;

use serde_json::json;

use super::{Build, File};

/// Words per sheet: enough to find a sheet by a word of its text, small
/// enough for a phone on a slow connection.
const MAX_WORDS: usize = 400;

pub fn render(build: &Build, lang: &str) -> File {
    let site = build.site;
    let t = |id: String| {
        site.l10n
            .format(&site.config, lang, &id, None)
            .unwrap_or(id)
    };
    let entries: Vec<_> = build
        .sheets
        .iter()
        .filter_map(|s| {
            let files = site.destinations.get(s.destination)?.sheets.get(s.route)?;
            let page = s.pages.iter().find(|p| p.lang == lang)?;
            let text = site.text(files, page)?;
            let plain = build.markdown(&text.body).text.clone();
            let mut seen = BTreeSet::new();
            let words: Vec<String> = plain
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() > 2)
                .map(str::to_lowercase)
                .filter(|w| seen.insert(w.clone()))
                .take(MAX_WORDS)
                .collect();
            Some(json!({
                "t": text.title,
                "s": text.summary,
                "c": t(format!("country-{}", s.destination)),
                "r": t(format!("route-{}", s.route)),
                "u": format!("{}/{}/", s.destination, s.route),
                "x": words.join(" "),
            }))
        })
        .collect();
    // "N results" for N = 1..=25, in the language's plural forms: the
    // script picks the one of the same CLDR category for any N.
    let counts: serde_json::Map<String, serde_json::Value> = (1..=25)
        .filter_map(|n| {
            let args = crate::l10n::args(&[("count", fluent_bundle::FluentValue::from(n))]);
            let s = site
                .l10n
                .format(&site.config, lang, "search-results", Some(&args))?;
            Some((n.to_string(), serde_json::Value::String(s)))
        })
        .collect();
    File {
        path: format!("{lang}/search-index.json"),
        bytes: serde_json::to_vec(&json!({"counts": counts, "entries": entries}))
            .unwrap_or_default(),
    }
}
