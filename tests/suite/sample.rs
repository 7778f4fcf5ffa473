//! The sample site as built once for the whole run (`common::built_sample`):
//! its layout and languages, links that never lead to a 404, the sitemap,
//! fallbacks, page weight and change notes. Nothing here writes to it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::TestSite;

const LANGS: [&str; 7] = ["en", "sq", "sr-Cyrl", "sr-Latn", "mk", "bs", "hr"];

fn built_sample() -> (&'static TestSite, &'static BTreeMap<String, Vec<u8>>) {
    let built = crate::common::built_sample();
    (&built.site, &built.files)
}

fn text(files: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(
        files
            .get(path)
            .unwrap_or_else(|| panic!("{path} was not built"))
            .clone(),
    )
    .unwrap()
}

#[test]
fn every_url_of_the_layout_exists_with_lang_and_dir() {
    let (site, files) = built_sample();
    let sheets: Vec<(String, String)> = std::fs::read_dir(site.path().join("content"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .flat_map(|d| {
            let dest = d.file_name().to_string_lossy().into_owned();
            std::fs::read_dir(d.path())
                .unwrap()
                .filter_map(Result::ok)
                .filter_map(move |f| {
                    let name = f.file_name().to_string_lossy().into_owned();
                    name.strip_suffix(".en.md")
                        .filter(|r| !r.starts_with('_'))
                        .map(|r| (dest.clone(), r.to_string()))
                })
        })
        .collect();
    assert_eq!(sheets.len(), 10);
    for required in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "static/style.css",
        "static/search.js",
        "static/favicon.svg",
        "static/noscript.css",
    ] {
        assert!(files.contains_key(required), "{required}");
    }
    for lang in LANGS {
        // The folder is the tag in lower case; `lang` keeps BCP 47 case.
        let seg = lang.to_lowercase();
        for path in [
            format!("{seg}/index.html"),
            format!("{seg}/feed.xml"),
            format!("{seg}/search/index.html"),
            format!("{seg}/search/meta.json"),
            format!("{seg}/search/d-0.json"),
        ] {
            assert!(files.contains_key(&path), "{path}");
        }
        for (dest, route) in &sheets {
            for path in [
                format!("{seg}/{dest}/index.html"),
                format!("{seg}/{dest}/{route}/index.html"),
            ] {
                let html = text(files, &path);
                assert!(
                    html.contains(&format!("<html lang=\"{lang}\" dir=\"ltr\">")),
                    "{path}"
                );
                for other in LANGS {
                    assert!(
                        html.contains(&format!("hreflang=\"{other}\"")),
                        "{path} lacks {other}"
                    );
                }
            }
        }
    }
    // Every output path is lower case, the language's segment too.
    for path in files.keys() {
        assert_eq!(path, &path.to_lowercase(), "{path}");
    }
    // So is every address the site prints: sitemap, feeds, canonical and
    // alternate links, the switcher, search index entries.
    for (path, bytes) in files {
        if !(path.ends_with(".html") || path.ends_with(".xml") || path.ends_with(".json")) {
            continue;
        }
        let text = String::from_utf8_lossy(bytes);
        for piece in text.split("https://example.org/factsheets/").skip(1) {
            let url: String = piece
                .chars()
                .take_while(|c| !matches!(c, '"' | '<' | ' ' | '\''))
                .collect();
            assert_eq!(url, url.to_lowercase(), "{path} prints {url}");
        }
        for attr in ["href=\"", "src=\""] {
            for piece in text.split(attr).skip(1) {
                let target = piece.split('"').next().unwrap_or("");
                if !target.contains(':') {
                    assert_eq!(target, target.to_lowercase(), "{path} links {target}");
                }
            }
        }
    }
    let sr = text(files, "sr-cyrl/de/work/index.html");
    assert!(sr.contains("<html lang=\"sr-Cyrl\""));
    assert!(
        sr.contains(
            "hreflang=\"sr-Latn\" href=\"https://example.org/factsheets/sr-latn/de/work/\""
        )
    );
}

#[test]
fn no_link_leads_to_a_missing_page() {
    let (_site, files) = built_sample();
    let mut checked = 0;
    for (path, bytes) in files
        .iter()
        .filter(|(p, _)| p.ends_with(".html") && p.as_str() != "404.html")
    {
        let html = String::from_utf8_lossy(bytes);
        let base = Path::new(path).parent().unwrap_or(Path::new(""));
        for attr in ["href=\"", "src=\""] {
            for piece in html.split(attr).skip(1) {
                let target = piece.split('"').next().unwrap();
                if target.starts_with("http")
                    || target.starts_with("mailto:")
                    || target.starts_with("tel:")
                    || target.starts_with("viber:")
                    || target.starts_with('#')
                {
                    continue;
                }
                let target = target.split('#').next().unwrap();
                let mut resolved = PathBuf::new();
                for c in base.join(target).components() {
                    match c {
                        std::path::Component::ParentDir => {
                            assert!(resolved.pop(), "{path}: {target} leaves the site")
                        }
                        std::path::Component::Normal(n) => resolved.push(n),
                        _ => {}
                    }
                }
                let mut key = resolved.to_string_lossy().into_owned();
                if target.ends_with('/') || target.is_empty() {
                    key = if key.is_empty() {
                        "index.html".into()
                    } else {
                        format!("{key}/index.html")
                    };
                }
                assert!(
                    files.contains_key(&key),
                    "{path} links to {target}, which is not built ({key})"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "only {checked} links checked");
}

#[test]
fn sitemap_has_hreflang_alternates_for_every_page() {
    let (_site, files) = built_sample();
    let sitemap = text(files, "sitemap.xml");
    let urls = sitemap.matches("<url>").count();
    // The route finder's answer pages are `noindex`: only its start is listed.
    let answer_page = |p: &str| p.contains("/finder/") && p.matches('/').count() > 2;
    let html_pages = files
        .keys()
        .filter(|p| p.ends_with("index.html") && !answer_page(p))
        .count();
    let feeds = files.keys().filter(|p| p.ends_with("feed.xml")).count();
    // 7 languages × (1 site feed + 6 destinations' feeds).
    assert_eq!(feeds, 49);
    assert_eq!(urls, html_pages + feeds, "one <url> per page and feed");
    for lang in ["en", "sq", "sr-cyrl", "sr-latn", "mk", "bs", "hr"] {
        for loc in [format!("{lang}/changes/"), format!("{lang}/de/feed.xml")] {
            assert!(
                sitemap.contains(&format!("<loc>https://example.org/factsheets/{loc}</loc>")),
                "{loc}"
            );
        }
    }
    assert!(sitemap.contains("<loc>https://example.org/factsheets/sq/de/work/</loc>"));
    assert_eq!(
        sitemap.matches("hreflang=\"x-default\"").count(),
        urls - 1,
        "every page but the chooser"
    );
    assert!(sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"sr-Latn\" href=\"https://example.org/factsheets/sr-latn/de/work/\"/>"));
    let feed = text(files, "sq/feed.xml");
    assert!(feed.contains("xml:lang=\"sq\""));
}

#[test]
fn fallback_pages_say_so_in_the_readers_language() {
    let (_site, files) = built_sample();
    // de/family has Serbian but no Macedonian: mk falls back to sr-Cyrl.
    let mk = text(files, "mk/de/family/index.html");
    assert!(
        mk.contains("<article lang=\"sr-Cyrl\" dir=\"ltr\">"),
        "article marked as Serbian"
    );
    assert!(mk.contains("<p class=\"notice\" lang=\"mk\">Оваа страница сè уште не е достапна на јазикот Македонски. Прикажана е на јазикот Српски.</p>"));
    // Serbian Latin is derived, not a fallback.
    let latn = text(files, "sr-latn/de/work/index.html");
    assert!(!latn.contains("class=\"notice\""));
    assert!(
        latn.contains("Rad u Nemačkoj") || latn.contains("Nemačk"),
        "transliterated text"
    );
    assert!(!latn.contains("Немачк"), "Cyrillic in the derived page");
    // A destination's overview, translated or shown in the source language.
    assert!(
        text(files, "sq/de/index.html")
            .contains("Një vizitë pa vizë <strong>nuk</strong> ju lejon të punoni.")
    );
    assert!(
        text(files, "mk/de/index.html")
            .contains("<div class=\"overview\" lang=\"en\" dir=\"ltr\">")
    );
    // Dates in the reader's locale, from CLDR.
    let sq = text(files, "sq/de/work/index.html");
    assert!(sq.contains("nëntor 2026"), "Albanian month name");
    let sr = text(files, "sr-cyrl/de/work/index.html");
    assert!(sr.contains("новембар 2026."), "Serbian month name");
}

#[test]
fn a_sheet_page_with_its_css_weighs_under_50_kb() {
    let (_site, files) = built_sample();
    let css = files["static/style.css"].len();
    let js = files["static/printout.js"].len();
    for (path, bytes) in files
        .iter()
        .filter(|(p, _)| p.ends_with("index.html") && p.matches('/').count() == 3)
    {
        let weight = bytes.len() + css + js;
        assert!(weight < 50 * 1024, "{path}: {weight} bytes with CSS and JS");
    }
}

/// Germany's work sheet carries its history as change notes: on the page
/// in every language, under the title and in "All updates", newest first,
/// and on each language's list of updates.
#[test]
fn change_notes_show_in_every_language_of_the_sample() {
    let (_site, files) = built_sample();
    for lang in LANGS {
        let dir = lang.to_lowercase();
        let page = text(files, &format!("{dir}/de/work/index.html"));
        let (h1, checked, summary) = (
            page.find("</h1>").unwrap(),
            page.find("<p class=\"checked\"").unwrap(),
            page.find("<p class=\"summary\">").unwrap(),
        );
        assert!(
            h1 < checked && checked < summary,
            "{lang}: not under the title"
        );
        assert!(page[checked..summary].contains("2026"), "{lang}");
        let dates: Vec<&str> = page
            .split("<li data-date=\"")
            .skip(1)
            .map(|s| &s[..10])
            .collect();
        assert_eq!(
            dates,
            [
                "2026-12-07",
                "2026-12-01",
                "2025-04-09",
                "2024-06-01",
                "2023-11-03",
                "2021-01-01"
            ],
            "{lang}"
        );
        let changes = text(files, &format!("{dir}/changes/index.html"));
        assert!(changes.contains("<a href=\"../de/work/\""), "{lang}");
        assert!(
            changes.find("2026-12-01") < changes.find("2021-01-01"),
            "{lang}"
        );
        let feed = text(files, &format!("{dir}/de/feed.xml"));
        assert!(
            feed.contains(&format!(
                "https://example.org/factsheets/{dir}/de/work/#change-2023-11-03"
            )),
            "{lang}"
        );
    }
    // Translated where a translation has them, transliterated for sr-Latn,
    // and never marked as untranslated there.
    let sq = text(files, "sq/de/work/index.html");
    assert!(!sq.contains("class=\"in-language\""));
    let latn = text(files, "sr-latn/de/work/index.html");
    let notes = latn
        .split("<ol class=\"changes\">")
        .nth(1)
        .unwrap()
        .split("</ol>")
        .next()
        .unwrap();
    assert!(
        !notes.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)),
        "{notes}"
    );
}
