//! Translation platforms: `export` to gettext PO files and `import` back,
//! on the sample and on real git repositories; translations marked stale
//! section by section.

use std::path::Path;

use crate::common::*;

fn po_files(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = walk(dir)
        .into_iter()
        .filter(|p| p.ends_with(".po"))
        .collect();
    out.sort();
    out
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p.to_string_lossy().into_owned());
        }
    }
    out
}

#[test]
fn export_then_import_gives_every_translation_back_byte_for_byte() {
    let site = TestSite::sample();
    let before = tree(&site.path().join("content"));
    site.run(&["--today", "2026-12-07", "export"])
        .code(0)
        .err_has("exported ");
    let files = po_files(&site.path().join("po"));
    // 5 languages translators write (sr-Latn is derived) × 11 sheets and overviews.
    assert_eq!(files.len(), 55, "{files:?}");
    for f in &files {
        // gettext's own checker accepts every file.
        let out = std::process::Command::new("msgfmt")
            .args(["--check", "-o", "/dev/null", f])
            .output()
            .expect("msgfmt (gettext) is installed");
        assert!(
            out.status.success(),
            "{f}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let po = site.read("po/sq/de/work.po");
    for want in [
        "\"Language: sq\\n\"",
        "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"",
        "msgctxt \"fact:quota\"",
        "msgctxt \"note:2023-11-03\"",
        "#. list item",
    ] {
        assert!(po.contains(want), "{want}");
    }
    assert!(site.read("po/sr-Cyrl/de/work.po").contains("nplurals=3;"));
    assert!(site.path().join("po/templates/de/work.pot").exists());
    let mut args = vec!["--today", "2026-12-07", "import"];
    args.extend(files.iter().map(String::as_str));
    site.run(&args).code(0);
    assert_eq!(
        tree(&site.path().join("content")),
        before,
        "import changed a file"
    );
}

/// The base site in a repository, its translation made from the first
/// commit; then one paragraph of the source is edited.
fn edited_in_git() -> TestSite {
    let site = TestSite::base();
    let dir = site.path();
    let body = "Find an employer first.\n\n## Costs\n\nThe visa costs €75.\n\n## Waiting\n\nAppointments take weeks.\n";
    site.write(
        "content/de/work.en.md",
        base_source_with("Find an employer first.\n", body),
    );
    site.write(
        "content/de/work.sq.md",
        base_translation_with(
            "Gjeni së pari një punëdhënës.\n",
            "Gjeni së pari një punëdhënës.\n\n## Kostot\n\nViza kushton 75 €.\n\n## Pritja\n\nTakimet zgjasin javë.\n",
        ),
    );
    site.run(&[
        "--today",
        "2026-03-01",
        "stamp",
        "content/de/work.sq.md",
        "content/de/work.sr-Cyrl.md",
    ])
    .code(0);
    git(dir, &["init", "-q", "-b", "main"]);
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "Sheet and translations"]);
    site.write(
        "content/de/work.en.md",
        site.read("content/de/work.en.md")
            .replace("Appointments take weeks.", "Appointments take months."),
    );
    git(dir, &["commit", "-q", "-am", "Longer waits"]);
    site
}

#[test]
fn one_edited_paragraph_is_one_fuzzy_segment_one_marked_section_one_stale_count() {
    let site = edited_in_git();
    site.run(&["--today", "2026-03-01", "export", "--lang", "sq"])
        .code(0);
    let po = site.read("po/sq/de/work.po");
    assert_eq!(po.matches("#, fuzzy").count(), 1, "{po}");
    assert!(po.contains("#, fuzzy\n#| msgid \"Appointments take weeks.\"\nmsgid \"Appointments take months.\"\nmsgstr \"Takimet zgjasin javë.\""), "{po}");
    // The page marks exactly that section, linking to the source's.
    site.run(&["--today", "2026-03-01", "build", "--no-pdf"])
        .code(0);
    let page = site.read("public/sq/de/work/index.html");
    assert_eq!(page.matches("class=\"stale-part\"").count(), 1, "{page}");
    let mark = page.find("class=\"stale-part\"").unwrap();
    assert!(page.find("Pritja").unwrap() < mark && mark < page.find("Takimet zgjasin").unwrap());
    assert!(
        page.contains("href=\"../../../en/de/work/#waiting\""),
        "{page}"
    );
    assert!(
        !page.contains("class=\"warning\""),
        "no whole-page notice: {page}"
    );
    // status counts one stale segment.
    let out = site.run(&["--today", "2026-03-01", "status", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let sq = json["sheets"][0]["languages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["lang"] == "sq")
        .unwrap()
        .clone();
    assert_eq!(sq["stale_segments"], 1, "{sq}");
    let table = site
        .run(&["--today", "2026-03-01", "status", "--lang", "sq"])
        .stdout;
    assert!(table.contains("OUTDATED 1/"), "{table}");
    // Importing it as it is changes nothing and stamps nothing.
    let file = site.read("content/de/work.sq.md");
    site.run(&["--today", "2026-03-01", "import", "po/sq/de/work.po"])
        .code(0)
        .err_has("1 fuzzy");
    assert_eq!(site.read("content/de/work.sq.md"), file);
    // Translated on the platform: imported and stamped current.
    site.write(
        "po/sq/de/work.po",
        po.replace("#, fuzzy\n#| msgid \"Appointments take weeks.\"\n", "")
            .replace(
                "msgstr \"Takimet zgjasin javë.\"",
                "msgstr \"Takimet zgjasin muaj.\"",
            ),
    );
    site.run(&["--today", "2026-03-01", "import", "po/sq/de/work.po"])
        .code(0)
        .err_has("stamped current");
    assert!(
        site.read("content/de/work.sq.md")
            .contains("Takimet zgjasin muaj.")
    );
    site.run(&["--today", "2026-03-01", "build", "--no-pdf"])
        .code(0);
    assert!(
        !site
            .read("public/sq/de/work/index.html")
            .contains("stale-part")
    );
}

#[test]
fn without_history_the_whole_page_carries_the_notice() {
    let site = TestSite::base();
    site.write(
        "content/de/work.en.md",
        base_source_with("Find an employer first.", "Find an employer first!"),
    );
    site.run(&["--today", "2026-03-01", "build", "--no-pdf"])
        .code(0);
    let page = site.read("public/sq/de/work/index.html");
    assert!(page.contains("class=\"warning\""));
    assert!(!page.contains("stale-part"));
}

#[test]
fn hostile_po_files_get_diagnostics_with_their_line() {
    let site = TestSite::base();
    site.run(&["--today", "2026-03-01", "export", "--lang", "sq"])
        .code(0);
    let good = site.read("po/sq/de/work.po");
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "broken.po",
            good.replace("msgstr \"Punë në Gjermani\"", "msgstr \"Punë në Gjermani"),
            "error[po-syntax]",
        ),
        (
            "unknown.po",
            good.replace(
                "msgid \"Working in Germany\"",
                "msgid \"Working in France\"",
            ),
            "error[unknown-segment]: `Working in France` is not a segment",
        ),
        (
            "lang.po",
            good.replace("Language: sq", "Language: sr-Cyrl"),
            "error[wrong-language]",
        ),
        (
            "html.po",
            good.replace(
                "msgstr \"Gjeni së pari një punëdhënës.\"",
                "msgstr \"Gjeni <script>alert(1)</script> punëdhënës.\"",
            ),
            "warning[markup-added]",
        ),
    ];
    for (name, text, want) in &cases {
        let dir = site.path().join("po/sq/de");
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let rel = format!("po/sq/de/{name}");
        let run = site.run(&["--today", "2026-03-01", "import", &rel]);
        assert!(run.stderr.contains(want), "{name}: {}", run.stderr);
        assert!(
            run.stderr.contains(&format!("{rel}:")),
            "{name}: file and line: {}",
            run.stderr
        );
        assert!(!run.stderr.contains("panicked"));
    }
    // The injected script never reaches the page.
    site.run(&["--today", "2026-03-01", "build", "--no-pdf"])
        .code(0);
    assert!(
        !site
            .read("public/sq/de/work/index.html")
            .contains("<script>alert")
    );
    // A huge file is refused before it is read.
    let big = site.path().join("po/sq/de/big.po");
    std::fs::write(&big, "#".repeat(3 * 1024 * 1024)).unwrap();
    site.run(&["--today", "2026-03-01", "import", "po/sq/de/big.po"])
        .code(1)
        .err_has("error[too-large]");
}

/// The hostile PO corpus (`tests/hostile/po/`): each file gets its
/// diagnostic at its line, and the translation is not touched.
#[test]
fn the_hostile_po_corpus_is_refused_with_reasons() {
    let cases: &[(&str, &str)] = &[
        (
            "broken-string.po",
            "po/sq/de/broken-string.po:8:1: error[po-syntax]",
        ),
        (
            "bad-escape.po",
            "po/sq/de/bad-escape.po:8:1: error[po-syntax]",
        ),
        (
            "unknown-keyword.po",
            "po/sq/de/unknown-keyword.po:9:1: error[po-syntax]: unexpected `msgfoo` here",
        ),
        (
            "unknown-msgid.po",
            "po/sq/de/unknown-msgid.po:7:1: error[unknown-segment]: `Working in France` is not a segment",
        ),
        (
            "wrong-language.po",
            "po/sq/de/wrong-language.po:1:1: error[wrong-language]: the header says `Language: mk`",
        ),
        ("not-text.po", "po/sq/de/not-text.po: error[encoding]"),
        (
            "no-sheet.po",
            "po/sq/de/no-sheet.po:1:1: error[unknown-segment]: the site has no sheet de/no-sheet",
        ),
        (
            "html-injection.po",
            "po/sq/de/html-injection.po:7:1: warning[markup-added]",
        ),
    ];
    for (name, want) in cases {
        let site = TestSite::base();
        let before = site.read("content/de/work.sq.md");
        let bytes = std::fs::read(fixture("../hostile/po").join(name)).unwrap();
        std::fs::create_dir_all(site.path().join("po/sq/de")).unwrap();
        std::fs::write(site.path().join("po/sq/de").join(name), bytes).unwrap();
        let run = site.run(&[
            "--today",
            "2026-03-01",
            "import",
            &format!("po/sq/de/{name}"),
        ]);
        assert!(!run.stderr.contains("panicked"), "{name}: {}", run.stderr);
        assert!(run.stderr.contains(want), "{name}: {}", run.stderr);
        if *name != "html-injection.po" {
            assert_eq!(run.code, 1, "{name}: {}", run.stderr);
            assert_eq!(
                site.read("content/de/work.sq.md"),
                before,
                "{name} changed the file"
            );
        }
    }
}

/// A new change note in the source does not outdate a translation: the
/// platform translates it, import adds it, and the translation stays
/// current (its hash is kept, even where the file is written anew).
#[test]
fn importing_a_translated_note_keeps_the_translation_current() {
    let site = TestSite::base();
    site.write(
        "content/de/work.en.md",
        base_source_with(
            "key_facts:\n",
            "changes:\n  - date: 2026-02-01\n    note: The fee rose to €75.\n  - date: 2026-02-20\n    note: Appointments are booked online.\nkey_facts:\n",
        ),
    );
    site.check().code(0);
    site.run(&["--today", "2026-03-01", "export", "--lang", "sq"])
        .code(0);
    let po = site.read("po/sq/de/work.po");
    site.write(
        "po/sq/de/work.po",
        po.replace(
            "msgid \"The fee rose to €75.\"\nmsgstr \"\"",
            "msgid \"The fee rose to €75.\"\nmsgstr \"Tarifa u rrit në 75 €.\"",
        ),
    );
    site.run(&["--today", "2026-03-01", "import", "po/sq/de/work.po"])
        .code(0)
        .err_has("still current");
    let tr = site.read("content/de/work.sq.md");
    assert!(tr.contains("Tarifa u rrit në 75 €."), "{tr}");
    assert!(!tr.contains("source_hash:\n"), "the stamp is kept: {tr}");
    site.check().code(0);
    // A platform's language code (`sr_Cyrl`) is the site's tag.
    site.run(&["--today", "2026-03-01", "export", "--lang", "sr-Cyrl"])
        .code(0);
    let sr = site
        .read("po/sr-Cyrl/de/work.po")
        .replace("Language: sr-Cyrl", "Language: sr_Cyrl");
    site.write("po/sr-Cyrl/de/work.po", sr);
    site.run(&["--today", "2026-03-01", "import", "po/sr-Cyrl/de/work.po"])
        .code(0);
    // A file in another sheet's place is refused.
    site.write(
        "content/de/study.en.md",
        base_source_with("route: work", "route: study"),
    );
    site.write("po/sq/de/study.po", site.read("po/sq/de/work.po"));
    site.run(&["--today", "2026-03-01", "import", "po/sq/de/study.po"])
        .code(1)
        .err_has("the header names the sheet de/work, but the file is po/<lang>/de/study.po");
    // Languages translators do not write are not exported.
    site.run(&["export", "--lang", "sr-Latn"])
        .code(2)
        .err_has("`sr-Latn` is made from sr-Cyrl by rule: export sr-Cyrl");
    site.run(&["export", "--lang", "en"])
        .code(2)
        .err_has("is the source language");
}

/// Import edits a translation in place and never loses a translator's
/// words: a folded (`>-`) value is replaced whole, a new note is added to
/// the list, a paragraph and a comment of the translator's stay, and a
/// fuzzy draft is not written.
#[test]
fn import_keeps_what_the_translator_wrote() {
    let site = TestSite::base();
    let tr = base_translation_with(
        "summary: Së pari një ofertë pune, pastaj viza.\n",
        "# The translator's comment stays.\nsummary: >-\n  Së pari një ofertë pune,\n  pastaj viza.\n",
    )
    .replace("Gjeni së pari një punëdhënës.\n", "Gjeni së pari një punëdhënës.\n\nNjë shënim i përkthyesit.\n");
    site.write("content/de/work.sq.md", tr);
    site.run(&["--today", "2026-03-01", "stamp", "content/de/work.sq.md"])
        .code(0);
    site.write(
        "content/de/work.en.md",
        base_source_with(
            "key_facts:\n",
            "changes:\n  - date: 2026-02-01\n    note: The fee rose.\nkey_facts:\n",
        ),
    );
    site.check().code(0);
    site.run(&["--today", "2026-03-01", "export", "--lang", "sq"])
        .code(0);
    let po = site.read("po/sq/de/work.po");
    let edited = po
        .replace(
            "msgid \"The fee rose.\"\nmsgstr \"\"",
            "msgid \"The fee rose.\"\nmsgstr \"Tarifa u rrit.\"",
        )
        .replace(
            "msgstr \"Së pari një ofertë pune, pastaj viza.\"",
            "msgstr \"Fillimisht një ofertë pune, pastaj viza.\"",
        )
        .replace(
            "msgid \"Find an employer first.\"\nmsgstr \"Gjeni së pari një punëdhënës.\"",
            "#, fuzzy\nmsgid \"Find an employer first.\"\nmsgstr \"DRAFT\"",
        );
    assert_ne!(edited, po);
    site.write("po/sq/de/work.po", edited);
    site.run(&["--today", "2026-03-01", "import", "po/sq/de/work.po"])
        .code(0)
        .err_has("1 fuzzy");
    let after = site.read("content/de/work.sq.md");
    assert!(
        after.contains("# The translator's comment stays."),
        "{after}"
    );
    assert!(
        after.contains("summary: \"Fillimisht një ofertë pune, pastaj viza.\"\n"),
        "{after}"
    );
    assert!(
        after.contains("changes:\n  - date: 2026-02-01\n    note: \"Tarifa u rrit.\"\n"),
        "{after}"
    );
    assert!(after.contains("Një shënim i përkthyesit."), "{after}");
    assert!(!after.contains("DRAFT"), "{after}");
    assert!(after.contains("key_facts:\n  - label: fee"), "{after}");
    site.check().code(0);
}

/// Text the source only deleted still warns readers of the translation.
#[test]
fn a_deletion_in_the_source_still_warns_the_translations_readers() {
    let site = edited_in_git();
    site.write(
        "content/de/work.en.md",
        site.read("content/de/work.en.md")
            .replace("\n## Costs\n\nThe visa costs €75.\n", ""),
    );
    git(site.path(), &["commit", "-q", "-am", "Costs go elsewhere"]);
    site.run(&["--today", "2026-03-01", "build", "--no-pdf"])
        .code(0);
    let page = site.read("public/sq/de/work/index.html");
    assert!(
        page.contains("class=\"stale-part\"") || page.contains("class=\"warning\""),
        "{page}"
    );
}
