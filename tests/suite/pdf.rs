//! PDF handouts and booklets, checked with poppler's tools as staff would
//! meet them on paper: fonts embedded, A4, every script's text extractable,
//! page x of y, sources printed whole, warnings, QR codes that scan.

use std::path::{Path, PathBuf};

use crate::common::{TestSite, base_source_with as src, pdf_text, qr_codes, tool};

const LANGS: [&str; 7] = ["en", "sq", "sr-Cyrl", "sr-Latn", "mk", "bs", "hr"];

/// The sample site, built once with PDFs for the whole run.
fn sample() -> &'static TestSite {
    &crate::common::built_sample().site
}

fn pdf(site: &TestSite, rel: &str) -> PathBuf {
    let p = site.path().join("public").join(rel);
    assert!(p.exists(), "{rel} was not built");
    p
}

fn text(path: &Path) -> String {
    pdf_text(path, true, false)
}

/// A UI string of the sample site, read from its Fluent file (Serbian
/// Latin derived from Cyrillic).
fn ui(lang: &str, id: &str) -> String {
    if lang == "sr-Latn" {
        return factsheet::lang::translit::sr_cyrl_to_latn(&ui("sr-Cyrl", id));
    }
    let ftl = std::fs::read_to_string(
        crate::common::fixture("../../translations").join(format!("{lang}.ftl")),
    )
    .unwrap();
    let line = ftl
        .lines()
        .find(|l| l.starts_with(&format!("{id} =")))
        .unwrap();
    line.split_once(" = ").unwrap().1.to_string()
}

#[test]
fn handouts_in_every_language_embed_fonts_are_a4_and_extractable() {
    let site = sample();
    for lang in LANGS {
        let path = pdf(
            site,
            &format!("{}/de/work/handout.pdf", lang.to_lowercase()),
        );
        let fonts = tool("pdffonts", &[path.to_str().unwrap()]);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{lang}: no fonts");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            assert_eq!(
                cols[cols.len() - 5],
                "yes",
                "{lang}: font not embedded: {row}"
            );
        }
        let info = tool("pdfinfo", &[path.to_str().unwrap()]);
        assert!(info.contains("595.276 x 841.89 pts (A4)"), "{lang}: {info}");
        // Tagged (PDF/UA-1 and PDF/A-2a are enforced by Typst at export).
        assert!(info.contains("\nTagged:          yes"), "{lang}: {info}");
        let pages: usize = info.lines().find(|l| l.starts_with("Pages:")).unwrap()[6..]
            .trim()
            .parse()
            .unwrap();
        let text = text(&path);
        // "Page x of y" in the language, on every page.
        let pattern = ui(lang, "page-x-of-y");
        for p in 1..=pages {
            let expected = pattern
                .replace("{ $page }", &p.to_string())
                .replace("{ $total }", &pages.to_string());
            assert!(text.contains(&expected), "{lang}: no {expected:?}");
        }
        let heading = ui(lang, "sources-heading");
        assert!(text.contains(&heading), "{lang}: no {heading:?}");
    }
}

#[test]
fn every_script_prints_and_comes_back_as_text() {
    let site = sample();
    let cases = [
        ("sq/de/work/handout.pdf", &["Gjermani", "ë", "ç"][..]),
        (
            "sr-cyrl/de/work/handout.pdf",
            &["Немачк", "Западни Балкан"][..],
        ),
        (
            "sr-latn/de/work/handout.pdf",
            &["Nemačk", "Zapadni Balkan", "đ"][..],
        ),
        ("mk/de/work/handout.pdf", &["Германија", "ѓ", "ќ"][..]),
        (
            "hr/de/work/handout.pdf",
            &["Službeni izvori", "Ključni podaci"][..],
        ),
        ("bs/de/work/handout.pdf", &["Zvanični izvori"][..]),
    ];
    for (rel, words) in cases {
        let t = text(&pdf(site, rel));
        for w in words {
            assert!(t.contains(w), "{rel}: no {w:?}");
        }
    }
    // Macedonian Cyrillic letters of its own, from the Fluent strings and text.
    let mk = text(&pdf(site, "mk/de/study/handout.pdf"));
    assert!(
        mk.contains('ѕ') || mk.contains('џ') || mk.contains('ќ'),
        "Macedonian letters"
    );
}

#[test]
fn sources_are_printed_whole_with_contacts_dates_and_qr_url() {
    let site = sample();
    let source =
        std::fs::read_to_string(site.path().join("content/it/seasonal-work.en.md")).unwrap();
    let urls: Vec<&str> = source
        .lines()
        .filter_map(|l| l.trim().strip_prefix("url: "))
        .collect();
    assert!(urls.len() >= 3);
    let t = text(&pdf(site, "sq/it/seasonal-work/handout.pdf"));
    let joined: String = t.split_whitespace().collect();
    for url in urls {
        assert!(joined.contains(url), "{url} not printed whole");
    }
    assert!(
        t.contains("example.org/factsheets/sq/it/seasonal-work/"),
        "short URL under the QR code"
    );
    assert!(
        t.contains("nëntor 2026") || t.contains("tetor 2026"),
        "dates in Albanian"
    );
}

#[test]
fn fallback_is_said_on_paper_too() {
    let t = text(&pdf(sample(), "mk/de/family/handout.pdf"));
    assert!(
        t.contains("Оваа страница сè уште не е достапна на јазикот Македонски"),
        "{t}"
    );
    assert!(t.contains("Немачк"), "shown in Serbian");
}

#[test]
fn booklets_have_a_cover_contents_and_every_route() {
    let site = sample();
    let path = pdf(site, "sq/de/booklet.pdf");
    let t = text(&path);
    assert!(t.contains("Përmbajtja"), "table of contents heading");
    for title in ["Punë në Gjermani", "Studime në Gjermani", "Gjermani"] {
        assert!(t.contains(title), "no {title:?}");
    }
    let info = tool("pdfinfo", &[path.to_str().unwrap()]);
    let pages: usize = info.lines().find(|l| l.starts_with("Pages:")).unwrap()[6..]
        .trim()
        .parse()
        .unwrap();
    assert!(
        pages >= 5,
        "cover, contents and three sheets: {pages} pages"
    );
    // Linked from the destination page, as handouts are from sheet pages.
    assert!(
        site.read("public/sq/de/index.html")
            .contains("href=\"booklet.pdf\"")
    );
    assert!(
        site.read("public/sq/de/work/index.html")
            .contains("href=\"handout.pdf\"")
    );
}

#[test]
fn the_qr_code_decodes_to_the_page_url() {
    let site = sample();
    let path = pdf(site, "sr-latn/us/diversity-visa/handout.pdf");
    let codes = qr_codes(&path, 1);
    assert_eq!(codes.len(), 1, "one QR code on the first page");
    let content = codes[0].clone();
    // The page, with the printout's version, opened at its updates.
    let page = site.read("public/sr-latn/us/diversity-visa/index.html");
    let version = page
        .split("data-version=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("the page states its version");
    assert_eq!(
        content,
        format!("https://example.org/factsheets/sr-latn/us/diversity-visa/?v={version}#updates")
    );
    // YYYYMMDD-hex: the date the printout describes and a short id.
    assert!(
        version.starts_with("20261207-") && version.len() == 15,
        "{version}"
    );
    // The printed short address is lower case too: readers type it. It
    // may break across lines under the code: compare without spaces.
    let text: String = pdf_text(&path, false, false)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(
        text.contains(&format!(
            "example.org/factsheets/sr-latn/us/diversity-visa/?v={version}"
        )),
        "{text}"
    );
}

#[test]
fn warnings_print_on_the_first_page_of_stale_sheets_only() {
    let site = TestSite::base();
    site.run(&["--today", "2026-03-01", "build"]).code(0);
    let first = |rel: &str| pdf_text(&pdf(&site, rel), false, true);
    assert!(!first("en/de/work/handout.pdf").contains("due for review"));
    site.run(&["--today", "2026-07-03", "build"]).code(0);
    let en = first("en/de/work/handout.pdf");
    assert!(
        en.contains("This information was due for review on June 30, 2026"),
        "{en}"
    );
    assert!(en.contains("3 days late"));
}

#[test]
fn content_is_data_never_typst_code() {
    let site = TestSite::base();
    let nasty = r#"#read("/etc/passwd") #panic() $x^2$ * _ <label> @ref \ #set page(width: 1cm)"#;
    let body = "Text: #read(\"/etc/passwd\") #panic(\"boom\") $x^2$ \\* \\_ <label> @ref \\\\ ]) } #{1+1}\n\n`#eval(\"1\")`\n";
    let sheet = src("title: Working in Germany", &format!("title: '{nasty}'"))
        .replace("value: €75", &format!("value: '{nasty}'"))
        .replace("Find an employer first.", body);
    site.write("content/de/work.en.md", sheet);
    site.run(&["--today", "2026-03-01", "build"]).code(0);
    let t = text(&pdf(&site, "en/de/work/handout.pdf"));
    let flat: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
    for literal in [
        "#read(\"/etc/passwd\")",
        "#panic()",
        "$x^2$",
        "<label>",
        "@ref",
        "#set page(width: 1cm)",
        "#panic(\"boom\")",
        "#{1+1}",
        "#eval(\"1\")",
        "* _",
    ] {
        assert!(
            flat.contains(literal),
            "{literal:?} not printed literally:\n{flat}"
        );
    }
    assert!(!flat.contains("root:x:0:0"), "a file was read");
    let info = tool(
        "pdfinfo",
        &[pdf(&site, "en/de/work/handout.pdf").to_str().unwrap()],
    );
    assert!(
        info.contains("(A4)"),
        "the page size was changed by content"
    );
}

#[test]
fn identical_input_gives_identical_pdfs() {
    let site = TestSite::base();
    site.run(&["--today", "2026-03-01", "build", "--out", "a"])
        .code(0);
    site.run(&["--today", "2026-03-01", "build", "--out", "b"])
        .code(0);
    for rel in [
        "sq/de/work/handout.pdf",
        "sr-latn/de/work/handout.pdf",
        "en/de/booklet.pdf",
    ] {
        let a = std::fs::read(site.path().join("a").join(rel)).unwrap();
        let b = std::fs::read(site.path().join("b").join(rel)).unwrap();
        assert!(a == b, "{rel} differs");
    }
}

#[test]
fn template_errors_name_the_template_line_and_the_sheet() {
    let site = TestSite::base();
    site.run(&["--today", "2026-03-01", "build"]).code(0);
    let before = std::fs::read(site.path().join("public/en/de/work/handout.pdf")).unwrap();
    site.write(
        "themes/default/pdf/handout.typ",
        "#import \"/sheet.typ\": sheet, setup\n#let d = json(\"/data.json\")\n#d.nonexistent\n",
    );
    site.run(&["--today", "2026-03-01", "build"])
        .code(1)
        .err_has("themes/default/pdf/handout.typ:3:")
        .err_has("error[typst]: cannot typeset the handout of content/de/work.");
    assert_eq!(
        std::fs::read(site.path().join("public/en/de/work/handout.pdf")).unwrap(),
        before,
        "previous PDF kept"
    );
}

#[test]
fn no_pdf_builds_none_and_links_none() {
    let site = TestSite::base();
    site.run(&["--today", "2026-03-01", "build", "--no-pdf"])
        .code(0);
    assert!(!site.path().join("public/en/de/work/handout.pdf").exists());
    assert!(
        !site
            .read("public/en/de/work/index.html")
            .contains("handout.pdf")
    );
    assert!(!site.read("public/en/de/index.html").contains("booklet.pdf"));
}

/// The top of every handout says when the facts were checked, the newest
/// change, and the printout's version (the page's), in the reader's
/// language; expired and announced facts are marked on paper too.
#[test]
fn handouts_say_when_checked_what_changed_and_their_version() {
    let site = sample();
    for lang in LANGS {
        let dir = lang.to_lowercase();
        let page = site.read(&format!("public/{dir}/de/work/index.html"));
        let version = page
            .split("data-version=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap();
        let id = version.split('-').nth(1).unwrap();
        let text = pdf_text(
            &pdf(site, &format!("{dir}/de/work/handout.pdf")),
            false,
            true,
        );
        let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        // The words around each message's date, as the Fluent file has them.
        let before = |id: &str| ui(lang, id).split("{ $").next().unwrap().trim().to_string();
        for msg in ["checked-on", "updated-on", "printout-version"] {
            assert!(flat.contains(&before(msg)), "{lang}: no {msg}: {flat}");
        }
        assert!(flat.contains(id), "{lang}: no version {id}");
        // At the top: before the key facts.
        let facts = ui(lang, "key-facts-heading");
        assert!(
            flat.find(&before("checked-on")) < flat.find(&facts),
            "{lang}: {flat}"
        );
    }
}
