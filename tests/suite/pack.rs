//! Visitor packs (`factsheet pack`, and the form in `serve`) and the
//! Migrant Service Centres they point to.

use crate::common::*;

/// The titles of a PDF's bookmarks, as qpdf reads them.
fn bookmarks(pdf: &std::path::Path) -> Vec<String> {
    let json = tool(
        "qpdf",
        &["--json", "--json-key=outlines", pdf.to_str().unwrap()],
    );
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    json["outlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["title"].as_str().unwrap().to_string())
        .collect()
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_pack_has_a_cover_contents_and_each_sheet_in_both_languages() {
    let site = TestSite::sample();
    let out = site.path().join("visitor.pdf");
    site.run(&[
        "--today",
        "2026-12-07",
        "pack",
        "de/work",
        "it/seasonal-work",
        "--lang",
        "sq",
        "--also",
        "en",
        "--centre",
        "tirana",
        "--out",
        out.to_str().unwrap(),
    ])
    .code(0)
    .err_has("wrote ")
    .err_has("2 sheets in Shqip and English, for Tiranë");
    let text = flat(&pdf_text(&out, false, false));
    // The cover: the visitor's topics, the date, their centre and its
    // hours in their language (CLDR day names).
    let cover = flat(&pdf_text(&out, false, true));
    for want in [
        "Fletët tuaja informative",
        "7 dhjetor 2026",
        "Gjermania · Punë: Punë në Gjermani",
        "Italia · Punë sezonale",
        "Sporteli i Migracionit, Zyra Rajonale e Punësimit Tiranë",
        "e hënë–e premte",
    ] {
        assert!(cover.contains(want), "cover lacks {want:?}: {cover}");
    }
    // Each sheet in Albanian, then the same in English, in the order asked.
    let order: Vec<usize> = [
        "Punë në Gjermani sipas Rregullores",
        "Working in Germany under the Western Balkans Regulation",
        "Punë sezonale në Itali",
        "Seasonal work in Italy under the quota decree",
    ]
    .iter()
    .map(|t| text.rfind(t).unwrap_or_else(|| panic!("no {t:?}")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    // Page x of y, in Albanian; printout versions; free advice at the end.
    let info = tool("pdfinfo", &[out.to_str().unwrap()]);
    let pages: usize = info.lines().find(|l| l.starts_with("Pages:")).unwrap()[6..]
        .trim()
        .parse()
        .unwrap();
    assert!(text.contains(&format!("Faqja 2 nga {pages}")), "{text}");
    let bare: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        bare.contains("example.org/factsheets/sq/de/work/?v=2026"),
        "printed with its version"
    );
    // The first sheet's QR code opens its page, with the version, at its updates.
    let page = (3..=pages)
        .find(|&p| !qr_codes(&out, p).is_empty())
        .expect("a page with a QR code");
    let codes = qr_codes(&out, page);
    assert!(
        codes[0].starts_with("https://example.org/factsheets/sq/de/work/?v=20261207-")
            && codes[0].ends_with("#updates"),
        "{codes:?}"
    );
    assert!(info.contains("Tagged:          yes"));
    let end = &text[text.rfind("Seasonal work in Italy").unwrap()..];
    assert!(
        end.contains("Këshillim individual falas")
            && end.contains("Zyra Rajonale e Punësimit Vlorë"),
        "advice at the end"
    );
}

#[test]
fn a_sheet_missing_in_the_language_follows_the_fallback_chain() {
    let site = TestSite::sample();
    let out = site.path().join("mk.pdf");
    // ca/work has no Macedonian: the chain gives sr-Cyrl, then English.
    site.run(&[
        "--today",
        "2026-12-07",
        "pack",
        "ca/work",
        "--lang",
        "mk",
        "--out",
        out.to_str().unwrap(),
    ])
    .code(0);
    let text = flat(&pdf_text(&out, false, false));
    assert!(
        text.contains("Работа во Канада") || text.contains("Working in Canada"),
        "{text}"
    );
    assert!(
        text.contains("Оваа страница сè уште не е достапна"),
        "the fallback notice in Macedonian: {text}"
    );
    // With English as the second language, the English text is printed
    // once, and named by the language it is in.
    site.run(&[
        "--today",
        "2026-12-07",
        "pack",
        "ca/work",
        "--lang",
        "mk",
        "--also",
        "en",
        "--out",
        out.to_str().unwrap(),
    ])
    .code(0);
    let titles = bookmarks(&out);
    assert_eq!(
        titles,
        ["Канада · Работа: Working in Canada with a work permit (English)"]
    );
}

#[test]
fn a_pack_request_the_site_cannot_fill_says_what_it_has() {
    let site = TestSite::sample();
    for (args, want) in [
        (
            vec!["de/wrok", "--lang", "sq"],
            "the site has no sheet `de/wrok`; did you mean `de/work`?",
        ),
        (
            vec!["de/work", "--lang", "sqq"],
            "--lang `sqq` is not a language of the site; did you mean `sq`?",
        ),
        (
            vec!["de/work", "--lang", "sq", "--also", "sq"],
            "--also sq is the pack's own language",
        ),
        (
            vec!["de/work", "--lang", "sq", "--centre", "tiran"],
            "--centre `tiran` is not in content/centres.yaml; did you mean `tirana`?",
        ),
    ] {
        let mut all = vec!["--today", "2026-12-07", "pack"];
        all.extend(args);
        site.run(&all).code(2).err_has(want);
    }
    assert!(!site.path().join("pack-sq-2026-12-07.pdf").exists());
}

#[test]
fn centres_are_listed_in_every_language_and_linked_from_every_page() {
    let site = &crate::common::built_sample().site;
    let page = site.read("public/sr-cyrl/centres/index.html");
    assert_eq!(page.matches("<li id=\"centre-").count(), 3);
    assert!(page.contains("понедељак–петак"), "CLDR day names: {page}");
    let en = site.read("public/en/centres/index.html");
    assert!(
        en.contains("Monday–Friday: 8:00\u{202f}AM–4:00\u{202f}PM"),
        "{en}"
    );
    for p in [
        "public/en/index.html",
        "public/sq/de/work/index.html",
        "public/mk/changes/index.html",
    ] {
        assert!(site.read(p).contains("centres/\">"), "{p}");
    }
    // No pack form in a static build: it needs the server.
    assert!(!site.path().join("public/sq/pack").exists());
}

#[test]
fn centres_yaml_mistakes_are_placed_with_hints() {
    let site = TestSite::base();
    site.write(
        "content/centres.yaml",
        "- id: tirana\n  name: Centre\n  town: Tirana\n  phone: call us\n  email: info\n  url: www.x.al\n  hours:\n    - days: mon-fry\n      opens: \"8\"\n      closes: \"16:00\"\n  fax: 1\n",
    );
    site.check()
        .code(1)
        .err_has("content/centres.yaml:4:10: error[bad-phone]: `call us` is not a telephone number")
        .err_has("content/centres.yaml:5:10: error[bad-email]: `info` is not an e-mail address")
        .err_has("content/centres.yaml:6:8: error[bad-url]")
        .err_has("content/centres.yaml:8:13: error[bad-hours]: `fry` is not a day")
        .err_has("content/centres.yaml:9:14: error[bad-hours]: `8` is not a time for `opens`")
        .err_has(
            "content/centres.yaml:11:3: error[unknown-field]: unknown field `fax` in a centre",
        );
}

/// The pack is accessible: a bookmark per sheet (in the order printed),
/// the title in the viewer's title bar, the document language, and each
/// sheet's text tagged with its own language.
#[test]
fn a_pack_has_bookmarks_its_title_shown_and_its_languages_tagged() {
    let site = TestSite::sample();
    let out = site.path().join("p.pdf");
    site.run(&[
        "--today",
        "2026-12-07",
        "pack",
        "de/work",
        "it/seasonal-work",
        "--lang",
        "sq",
        "--also",
        "en",
        "--out",
        out.to_str().unwrap(),
    ])
    .code(0);
    let titles = bookmarks(&out);
    assert_eq!(
        titles,
        [
            "Gjermania · Punë: Punë në Gjermani sipas Rregullores për Ballkanin Perëndimor (Shqip)",
            "Gjermania · Punë: Working in Germany under the Western Balkans Regulation (English)",
            "Italia · Punë sezonale: Punë sezonale në Itali sipas dekretit të kuotave (Decreto Flussi) (Shqip)",
            "Italia · Punë sezonale: Seasonal work in Italy under the quota decree (Decreto Flussi) (English)",
        ]
    );
    let plain = site.path().join("plain.pdf");
    tool(
        "qpdf",
        &[
            "--qdf",
            "--object-streams=disable",
            out.to_str().unwrap(),
            plain.to_str().unwrap(),
        ],
    );
    let raw = String::from_utf8_lossy(&std::fs::read(&plain).unwrap()).into_owned();
    assert!(raw.contains("/DisplayDocTitle true"));
    assert!(raw.contains("/Lang (sq)") && raw.contains("/Lang (en)"));
    let info = tool("pdfinfo", &[out.to_str().unwrap()]);
    assert!(
        info.contains("Title:           Fletët tuaja informative"),
        "{info}"
    );
}
