//! `factsheet build`: the site's layout, languages, warnings, safety of the
//! output folder, determinism, and links that never lead to a 404.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::{SAMPLE_TODAY as TODAY, TestSite, base_source_with as src, tree};

const LANGS: [&str; 7] = ["en", "sq", "sr-Cyrl", "sr-Latn", "mk", "bs", "hr"];

/// The sample as built once for every test that reads it.
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
                let html = text(&files, &path);
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
    let sr = text(&files, "sr-cyrl/de/work/index.html");
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
    let sitemap = text(&files, "sitemap.xml");
    let urls = sitemap.matches("<url>").count();
    let html_pages = files.keys().filter(|p| p.ends_with("index.html")).count();
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
    let feed = text(&files, "sq/feed.xml");
    assert!(feed.contains("xml:lang=\"sq\""));
}

#[test]
fn fallback_pages_say_so_in_the_readers_language() {
    let (_site, files) = built_sample();
    // de/family has Serbian but no Macedonian: mk falls back to sr-Cyrl.
    let mk = text(&files, "mk/de/family/index.html");
    assert!(
        mk.contains("<article lang=\"sr-Cyrl\" dir=\"ltr\">"),
        "article marked as Serbian"
    );
    assert!(mk.contains("<p class=\"notice\" lang=\"mk\">Оваа страница сè уште не е достапна на јазикот Македонски. Прикажана е на јазикот Српски.</p>"));
    // Serbian Latin is derived, not a fallback.
    let latn = text(&files, "sr-latn/de/work/index.html");
    assert!(!latn.contains("class=\"notice\""));
    assert!(
        latn.contains("Rad u Nemačkoj") || latn.contains("Nemačk"),
        "transliterated text"
    );
    assert!(!latn.contains("Немачк"), "Cyrillic in the derived page");
    // A destination's overview, translated or shown in the source language.
    assert!(
        text(&files, "sq/de/index.html")
            .contains("Një vizitë pa vizë <strong>nuk</strong> ju lejon të punoni.")
    );
    assert!(
        text(&files, "mk/de/index.html")
            .contains("<div class=\"overview\" lang=\"en\" dir=\"ltr\">")
    );
    // Dates in the reader's locale, from CLDR.
    let sq = text(&files, "sq/de/work/index.html");
    assert!(sq.contains("nëntor 2026"), "Albanian month name");
    let sr = text(&files, "sr-cyrl/de/work/index.html");
    assert!(sr.contains("новембар 2026."), "Serbian month name");
}

#[test]
fn stale_pages_carry_warnings_at_the_boundaries() {
    // Due 2026-06-30.
    let site = TestSite::base();
    site.run(&["--today", "2026-06-30", "build", "--no-pdf"])
        .code(0);
    let page = site.read("public/sq/de/work/index.html");
    assert!(
        !page.contains("class=\"warning\""),
        "no warning on the due date"
    );

    let run = site.run(&["--today", "2026-07-03", "build", "--no-pdf"]);
    run.code(0).err_has("warning[overdue]");
    for lang in ["en", "sq", "sr-Cyrl", "sr-Latn"] {
        let page = site.read(&format!(
            "public/{}/de/work/index.html",
            lang.to_lowercase()
        ));
        assert!(
            page.contains("<div class=\"warning\" role=\"alert\""),
            "{lang}: no warning"
        );
    }
    let en = site.read("public/en/de/work/index.html");
    assert!(en.contains("was due for review on June 30, 2026"), "{en}");
    assert!(en.contains("The review is 3 days late."));
    site.run(&["--today", "2026-07-03", "build", "--no-pdf", "--strict"])
        .code(1)
        .err_has("--strict");

    // Outdated: the translation's page warns, the source's does not.
    site.write(
        "content/de/work.en.md",
        src(
            "Find an employer first.",
            "Find an employer first, then apply.",
        ),
    );
    site.run(&["--today", "2026-03-01", "build", "--no-pdf"])
        .code(0)
        .err_has("warning[outdated]");
    assert!(
        site.read("public/sq/de/work/index.html")
            .contains("class=\"warning\"")
    );
    assert!(
        !site
            .read("public/en/de/work/index.html")
            .contains("class=\"warning\"")
    );

    site.write(
        "content/de/work.en.md",
        src("sources:", "valid_until: 2026-03-31\nsources:"),
    );
    site.run(&["--today", "2026-04-01", "build", "--no-pdf"])
        .code(0);
    assert!(
        site.read("public/en/de/work/index.html")
            .contains("valid only until March 31, 2026")
    );
}

#[test]
fn markdown_is_sanitised() {
    let site = TestSite::base();
    let hostile = "Text.\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n\n<a href=\"#\" onclick=\"steal()\">a</a>\n";
    site.write(
        "content/de/work.en.md",
        src("Find an employer first.", hostile),
    );
    site.run(&["--today", "2026-03-01", "build", "--no-pdf"])
        .code(0);
    let page = site.read("public/en/de/work/index.html").to_lowercase();
    for bad in ["alert(1)</script>", "onerror", "onclick", "javascript:"] {
        assert!(!page.contains(bad), "{bad} survived");
    }
    assert_eq!(
        page.matches("<script").count(),
        1,
        "only the theme's own printout script"
    );
}

#[test]
fn builds_are_deterministic() {
    let site = TestSite::sample();
    site.run(&["--today", TODAY, "build", "--no-pdf", "--out", "one"])
        .code(0);
    site.run(&["--today", TODAY, "build", "--no-pdf", "--out", "two"])
        .code(0);
    let (one, two) = (
        tree(&site.path().join("one")),
        tree(&site.path().join("two")),
    );
    assert_eq!(
        one.keys().collect::<Vec<_>>(),
        two.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &one {
        assert!(two[path] == *bytes, "{path} differs between two builds");
    }
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let site = TestSite::base();
    site.run(&["--today", "2026-03-01", "build", "--no-pdf"])
        .code(0);
    let before = tree(&site.path().join("public"));

    site.write("content/de/work.en.md", src("title:", "titel:"));
    site.run(&["--today", "2026-03-01", "build", "--no-pdf"])
        .code(1)
        .err_has("error[unknown-field]")
        .err_has("public left as it was");
    assert_eq!(tree(&site.path().join("public")), before);

    // A template error is a failed build too.
    site.write("content/de/work.en.md", src("", ""));
    site.write(
        "themes/default/templates/sheet.html",
        "{% extends \"base.html\" %}{% block main %}{{ nope( }}{% endblock main %}",
    );
    site.run(&["--today", "2026-03-01", "build", "--no-pdf"])
        .code(1)
        .err_has("error[template]");
    assert_eq!(tree(&site.path().join("public")), before);
    // Nothing beside the output is left behind.
    let left = crate::common::leftovers(site.path());
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn refuses_outputs_that_would_destroy_the_sources() {
    let site = TestSite::base();
    for out in [".", "content", "content/de", "translations", ".."] {
        site.run(&["build", "--no-pdf", "--out", out])
            .code(2)
            .err_has("error: --out");
    }
    // A folder that factsheet did not write is not replaced.
    site.write("mine/notes.txt", "keep me");
    site.run(&["build", "--no-pdf", "--out", "mine"])
        .code(2)
        .err_has("was not written by factsheet");
    assert_eq!(site.read("mine/notes.txt"), "keep me");
}

#[test]
fn nothing_is_written_outside_the_output_folder() {
    let site = TestSite::base();
    let outer = tempfile::tempdir().unwrap();
    let out = outer.path().join("site");
    let before = tree(site.path());
    site.run(&[
        "--today",
        "2026-03-01",
        "build",
        "--no-pdf",
        "--out",
        out.to_str().unwrap(),
    ])
    .code(0);
    assert_eq!(tree(site.path()), before, "the site's folder changed");
    let beside: Vec<_> = std::fs::read_dir(outer.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(beside, vec![std::ffi::OsString::from("site")]);
}

#[test]
fn a_site_overrides_theme_files() {
    let site = TestSite::base();
    site.write(
        "themes/default/templates/sheet.html",
        "{% extends \"base.html\" %}{% block main %}<h1>OWN {{ sheet.title }}</h1>{% endblock main %}",
    );
    site.write("themes/default/static/style.css", "body{color:#000}");
    site.write(
        "themes/default/static/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    site.run(&["--today", "2026-03-01", "build", "--no-pdf"])
        .code(0);
    assert!(
        site.read("public/en/de/work/index.html")
            .contains("<h1>OWN Working in Germany</h1>")
    );
    assert_eq!(site.read("public/static/style.css"), "body{color:#000}");
    assert!(site.read("public/static/logo.svg").starts_with("<svg"));
    // Pages the site does not override keep the built-in templates.
    assert!(
        site.read("public/en/index.html")
            .contains("class=\"destinations\"")
    );
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
        let page = text(&files, &format!("{dir}/de/work/index.html"));
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
                "2026-12-01",
                "2025-04-09",
                "2024-06-01",
                "2023-11-03",
                "2021-01-01"
            ],
            "{lang}"
        );
        let changes = text(&files, &format!("{dir}/changes/index.html"));
        assert!(changes.contains("<a href=\"../de/work/\""), "{lang}");
        assert!(
            changes.find("2026-12-01") < changes.find("2021-01-01"),
            "{lang}"
        );
        let feed = text(&files, &format!("{dir}/de/feed.xml"));
        assert!(
            feed.contains(&format!(
                "https://example.org/factsheets/{dir}/de/work/#change-2023-11-03"
            )),
            "{lang}"
        );
    }
    // Translated where a translation has them, transliterated for sr-Latn,
    // and never marked as untranslated there.
    let sq = text(&files, "sq/de/work/index.html");
    assert!(!sq.contains("class=\"in-language\""));
    let latn = text(&files, "sr-latn/de/work/index.html");
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

/// The sample's quotas are bound to their year: on the day before the new
/// year the next is announced; on the day after it has taken over, and
/// `check` stays clean (a planned hand-over is no expiry).
#[test]
fn the_sample_hands_over_its_quotas_at_the_new_year() {
    let site = TestSite::sample();
    site.run(&["--today", "2026-12-31", "build", "--no-pdf"])
        .code(0);
    let page = site.read("public/sq/it/seasonal-work/index.html");
    assert!(page.contains("2026: 88 000") && page.contains("2027: 89 000"));
    site.run(&["--today", "2027-01-02", "check"]).code(0);
    site.run(&["--today", "2027-01-02", "build", "--no-pdf"])
        .code(0);
    let page = site.read("public/sq/it/seasonal-work/index.html");
    assert!(
        !page.contains("2026: 88 000") && page.contains("2027: 89 000"),
        "{page}"
    );
    assert!(!page.contains("2028: 90 000"));
}
