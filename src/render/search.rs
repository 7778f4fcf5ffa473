//! A search index per language, `/<lang>/search-index.json`, read by the
//! theme's small search script: title, summary, country and route names,
//! and the distinct words of the text, for each sheet as that language's
//! readers see it.

use std::collections::BTreeSet;

use serde_json::json;

use super::{File, Model};

/// Words per sheet: enough to find a sheet by a word of its text, small
/// enough for a phone on a slow connection.
const MAX_WORDS: usize = 400;

pub fn render(model: &Model, lang: &str) -> File {
    let site = model.site;
    let t = |id: String| {
        site.l10n
            .format(&site.config, lang, &id, None)
            .unwrap_or(id)
    };
    let entries: Vec<_> = model
        .sheets
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let text = model.text(i, lang)?;
            let plain = model.markdown(&text.body).text.clone();
            let words = words(&plain);
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
        path: model.file_path(super::Route::SearchIndex { lang }),
        bytes: serde_json::to_vec(&json!({"counts": counts, "entries": entries}))
            .unwrap_or_default(),
    }
}

/// The distinct words of a text, lower case, in NFC. Combining marks stay
/// inside their word: text saved in NFD (`e` + U+0308) must not split
/// "Shqipëri" into "shqipe" and "ri".
fn words(plain: &str) -> Vec<String> {
    use icu::properties::CodePointMapData;
    use icu::properties::props::{GeneralCategory, GeneralCategoryGroup};
    let category = CodePointMapData::<GeneralCategory>::new();
    let nfc = icu::normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(plain);
    let mut seen = BTreeSet::new();
    nfc.split(|c: char| {
        !c.is_alphanumeric() && !GeneralCategoryGroup::Mark.contains(category.get(c))
    })
    .filter(|w| w.chars().count() > 2)
    .map(str::to_lowercase)
    .filter(|w| seen.insert(w.clone()))
    .take(MAX_WORDS)
    .collect()
}

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn nfd_text_gives_the_same_words_as_nfc() {
        let nfc = "Shqip\u{eb}ri dhe Kosov\u{eb}";
        let nfd = "Shqipe\u{308}ri dhe Kosove\u{308}";
        assert_eq!(words(nfd), ["shqipëri", "dhe", "kosovë"]);
        assert_eq!(words(nfd), words(nfc));
    }

    #[test]
    fn words_are_distinct_and_capped() {
        let text: String = (0..1000).map(|i| format!("w{i:04} w{i:04} ")).collect();
        let w = words(&text);
        assert_eq!(w.len(), super::MAX_WORDS);
        assert_eq!(w[0], "w0000");
        assert_eq!(w[1], "w0001");
    }
}
