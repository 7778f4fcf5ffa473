//! Hostile input: every file of `tests/hostile/` and a few generated
//! cases get a clear diagnostic, or are read harmlessly, and never panic.

use crate::common::{TestSite, base_source_with as src};

const SOURCE: &str = "content/de/work.en.md";

fn hostile(name: &str) -> Vec<u8> {
    std::fs::read(crate::common::fixture("../hostile").join(name)).unwrap()
}

/// (file in tests/hostile, exit status, what stderr must say)
const CASES: &[(&str, i32, &[&str])] = &[
    ("bom.md", 0, &["0 errors"]),
    ("crlf.md", 0, &["0 errors"]),
    (
        "invalid-utf8.md",
        1,
        &[
            "content/de/work.en.md:15:9: error[encoding]: the file is not valid UTF-8",
            "save the file with UTF-8",
        ],
    ),
    (
        "empty.md",
        1,
        &["content/de/work.en.md:1:1: error[empty-file]"],
    ),
    ("only-newlines.md", 1, &["error[empty-file]"]),
    (
        "unclosed.md",
        1,
        &[
            "content/de/work.en.md:1:1: error[unclosed-front-matter]",
            "add a line `---`",
        ],
    ),
    ("no-front-matter.md", 1, &["error[no-front-matter]"]),
    (
        "alias-bomb.md",
        1,
        &["content/de/work.en.md:3:8: error[yaml]: YAML aliases (`*name`) are not supported"],
    ),
    (
        "tabs.md",
        1,
        &[
            "content/de/work.en.md:8:",
            "error[yaml]",
            "indent with spaces",
        ],
    ),
    ("deep-nesting.md", 1, &["error[yaml]", "nested this deep"]),
    (
        "duplicate-keys.md",
        1,
        &["content/de/work.en.md:3:1: error[yaml]: field `title` appears twice (first on line 2)"],
    ),
    (
        "zero-width-field.md",
        1,
        &[
            "content/de/work.en.md:3:1: error[unknown-field]: unknown field `sum\\u{200b}mary`",
            "invisible characters: retype it as `summary`",
        ],
    ),
    (
        "not-a-mapping.md",
        1,
        &[
            "content/de/work.en.md:2:1: error[wrong-type]: the front matter must be a set of `name: value` fields, not a list",
        ],
    ),
    (
        "wrong-types.md",
        1,
        &[
            "error[wrong-type]: `title` must be text, not a list",
            "error[wrong-type]: `sources` must be a list",
        ],
    ),
    (
        "changes-and-dates.md",
        1,
        &[
            "content/de/work.en.md:14:17: error[bad-date]: `tomorrow` is not a valid date for `valid_from`",
            "content/de/work.en.md:18:18: error[invalid-date]: `valid_until` (2026-05-31) is before `valid_from` (2026-06-01)",
            "content/de/work.en.md:21:18: error[bad-date]: `2026-13-01` is not a valid date for `valid_until`",
            "content/de/work.en.md:25:11: error[duplicate]: two change notes are dated 2026-02-01 (also on line 23)",
            "content/de/work.en.md:27:11: error[bad-date]: `1 February` is not a valid date for `date`",
            "content/de/work.en.md:29:5: error[missing-field]: this change note has no `note`",
            "content/de/work.en.md:30:5: error[missing-field]: this change note has no `date`",
            "content/de/work.en.md:31:5: error[wrong-type]: a change note must be a set of `name: value` fields",
            "content/de/work.en.md:33:11: error[wrong-type]: `note` must be text, not a list",
            "content/de/work.en.md:34:5: error[unknown-field]: unknown field `by` in a change note",
            "content/de/work.en.md:35:13: error[bad-hash]: `not-a-hash` is not a noted hash",
            "factsheet note --minor content/de/work.en.md",
        ],
    ),
    (
        "changes-not-a-list.md",
        1,
        &[
            "content/de/work.en.md:12:3: error[wrong-type]: `changes` must be a list, not a set of fields",
            "content/de/work.en.md:14:13: error[wrong-type]: `noted_hash` must be text, not a list",
        ],
    ),
    // A NUL in the text is read as text: the changed body outdates translations.
    ("nul-bytes.md", 1, &["error[outdated]"]),
];

#[test]
fn corpus_files_get_diagnostics_not_panics() {
    for (name, code, expect) in CASES {
        let site = TestSite::base();
        site.write(SOURCE, hostile(name));
        let run = site.check();
        assert_eq!(run.code, *code, "{name}: exit status\n{}", run.stderr);
        assert!(
            !run.stderr.contains("panicked"),
            "{name} panicked:\n{}",
            run.stderr
        );
        for e in *expect {
            assert!(
                run.stderr.contains(e),
                "{name}: stderr lacks {e:?}:\n{}",
                run.stderr
            );
        }
    }
}

#[test]
fn corpus_as_translations_and_fluent_files() {
    // The same bytes where a translation or a Fluent file is expected.
    for (name, _, _) in CASES {
        let site = TestSite::base();
        site.write("content/de/work.sq.md", hostile(name));
        site.write("translations/sr-Cyrl.ftl", hostile(name));
        let run = site.check();
        assert!(
            matches!(run.code, 0 | 1),
            "{name}: {}\n{}",
            run.code,
            run.stderr
        );
        assert!(
            !run.stderr.contains("panicked"),
            "{name} panicked:\n{}",
            run.stderr
        );
    }
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let site = TestSite::base();
    let mut big = std::fs::read(site.path().join(SOURCE)).unwrap();
    big.extend(std::iter::repeat_n(b'x', 10 * 1024 * 1024));
    site.write(SOURCE, big);
    site.check()
        .code(1)
        .err_has("content/de/work.en.md: error[too-large]: the file is 10486")
        .err_has("link to long documents");
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_root_are_not_followed() {
    let site = TestSite::base();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.md");
    std::fs::write(&secret, std::fs::read(site.path().join(SOURCE)).unwrap()).unwrap();
    std::os::unix::fs::symlink(&secret, site.path().join("content/de/study.en.md")).unwrap();
    std::os::unix::fs::symlink(outside.path(), site.path().join("content/it")).unwrap();
    std::os::unix::fs::symlink(
        "/nonexistent/x.md",
        site.path().join("content/de/study.sq.md"),
    )
    .unwrap();
    let run = site.check();
    run.code(1)
        .err_has(
            "content/de/study.en.md: error[symlink-outside]: this symlink points outside the site",
        )
        .err_has("content/it: error[symlink-outside]")
        .err_has("content/de/study.sq.md: error[symlink-outside]");
    assert!(!run.stderr.contains("secret"), "{}", run.stderr);

    // A symlink inside the root is read like the file it points to.
    let site = TestSite::base();
    std::os::unix::fs::symlink(
        site.path().join(SOURCE),
        site.path().join("content/de/study.en.md"),
    )
    .unwrap();
    site.check()
        .code(1)
        .err_has("content/de/study.en.md:5:8: error[path-mismatch]: `route: work`");
}

#[cfg(unix)]
#[test]
fn symlinked_translation_and_theme_folders_are_not_followed() {
    // translations/ and themes/default/ linked to folders outside the site,
    // holding a Fluent file and a template with a marker.
    for (linked, marker_file) in [
        ("translations", "sq.ftl"),
        ("themes", "default/templates/base.html"),
        ("themes/default", "templates/base.html"),
    ] {
        let site = TestSite::base();
        let outside = tempfile::tempdir().unwrap();
        let marker = outside.path().join(marker_file);
        std::fs::create_dir_all(marker.parent().unwrap()).unwrap();
        std::fs::write(
            &marker,
            "site-title = OUTSIDE-MARKER\n<p>OUTSIDE-MARKER</p>\n",
        )
        .unwrap();
        let link = site.path().join(linked);
        std::fs::create_dir_all(link.parent().unwrap()).unwrap();
        let _ = std::fs::remove_dir_all(&link);
        std::os::unix::fs::symlink(outside.path(), &link).unwrap();
        let run = site.run(&["--today", "2026-03-01", "build", "--no-pdf"]);
        run.code(1).err_has(&format!(
            "{linked}: error[symlink-outside]: this folder is a symlink out of the site"
        ));
        let check = site.check();
        check
            .code(1)
            .err_has(&format!("{linked}: error[symlink-outside]"));
        // Nothing was read from outside, even by a forced preview.
        assert!(
            !run.stderr.contains("OUTSIDE-MARKER"),
            "{linked}: {}",
            run.stderr
        );
    }
}

#[cfg(unix)]
#[test]
fn a_symlinked_content_folder_is_not_read() {
    let site = TestSite::base();
    let outside = tempfile::tempdir().unwrap();
    crate::common::copy_dir(&site.path().join("content"), outside.path());
    std::fs::remove_dir_all(site.path().join("content")).unwrap();
    std::os::unix::fs::symlink(outside.path(), site.path().join("content")).unwrap();
    site.check()
        .code(2)
        .err_has("content is a symlink, which is not followed; make it a real folder");
}

#[test]
fn odd_folder_and_file_names() {
    let site = TestSite::base();
    let sheet = std::fs::read(site.path().join(SOURCE)).unwrap();
    site.write("content/DE/work.en.md", &sheet);
    site.write("content/..de/work.en.md", &sheet);
    site.write("content/d e/work.en.md", &sheet);
    site.write("content/de/work en.en.md", &sheet);
    site.write("content/de/work.md", &sheet);
    site.write("content/de/nested/work.en.md", &sheet);
    site.write("content/work.en.md", &sheet);
    let run = site.check();
    run.code(1)
        .err_has("content/DE: error[bad-destination]: `DE` is not a country code")
        .err_has("folder names are lower case: rename it to `de`")
        .err_has("content/..de: warning[hidden]")
        .err_has("content/d e: error[bad-destination]")
        .err_has("content/de/work en.en.md: error[unknown-route]: `work en` is not a route")
        .err_has(
            "content/de/work.md: error[bad-name]: `work.md` is not named <route>.<language>.md",
        )
        .err_has("content/de/nested: warning[nested-folder]")
        .err_has("content/work.en.md: warning[misplaced-file]");
}

#[test]
fn hostile_fluent_files() {
    let site = TestSite::base();
    site.write(
        "translations/sq.ftl",
        "a = { b }\nb = { a }\nc = { $x ->\n *[other] {c}\n}\n-term = x\n= broken\n",
    );
    let run = site.check();
    run.code(1)
        .err_has("translations/sq.ftl:7:1: error[fluent-syntax]");
    let site = TestSite::base();
    site.write("translations/sq.ftl", b"country-de = Gj\xff\n");
    site.check()
        .code(1)
        .err_has("translations/sq.ftl:1:16: error[encoding]");
    // What fluent-syntax 0.12 cannot parse: 100,000 nested `{` overflowed
    // the stack and aborted; a `\u` escape cut short by a non-ASCII letter
    // panicked (found by fuzzing).
    let deep = format!("country-de = {}\n", "{".repeat(100_000));
    site.write("translations/sq.ftl", deep);
    site.check()
        .code(1)
        .err_has("translations/sq.ftl:1:114: error[fluent-syntax]: Fluent syntax error: more than 100 `{`, `(` or `[` open at once");
    site.write(
        "translations/sq.ftl",
        "country-de = Gjermania\nroute-work = { \"P\\u\u{eb}n\" }\n",
    );
    site.check()
        .code(1)
        .err_has("translations/sq.ftl:2:18: error[fluent-syntax]: Fluent syntax error: `\\uë` is not a complete Unicode escape")
        .err_has("`\\u00EB` for ë");
}

/// The text of a PDF.
fn pdf_text(path: &std::path::Path) -> String {
    crate::common::pdf_text(path, false, false)
}

const BUILD: &[&str] = &["--today", "2026-12-01", "build"];

/// Builds `body` as the base sheet's text, with PDFs: the web page shows it
/// all, the handout prints what fits and says so, `check` warns.
fn long_sheet(body: &str) -> (TestSite, String) {
    let site = TestSite::base();
    site.write(SOURCE, src("Find an employer first.\n", body));
    let run = site.run(BUILD);
    run.code(0).err_has(
        "content/de/work.en.md: warning[too-long-to-print]: the handout leaves out part of this text",
    );
    let handout = site.path().join("public/en/de/work/handout.pdf");
    let printed = pdf_text(&handout);
    assert!(
        printed
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .contains("This handout leaves out part of the text, which is too long to print."),
        "no notice on the handout:\n{}",
        &printed[..printed.len().min(2000)]
    );
    // The Albanian handout is of the (outdated) translation: not shortened.
    let sq = pdf_text(&site.path().join("public/sq/de/work/handout.pdf"));
    assert!(!sq.contains("nuk e përmban gjithë tekstin"), "{sq}");
    let page = site.read("public/en/de/work/index.html");
    (site, page)
}

#[test]
fn a_hundred_thousand_footnotes() {
    let refs: String = (0..100_000).map(|i| format!("[^{i}]")).collect();
    let defs: String = (0..100_000).map(|i| format!("[^{i}]: x\n")).collect();
    let body = format!("Notes{refs}\n\n{defs}");
    assert!(body.len() < 2 << 20, "under the file size limit");
    let (_site, page) = long_sheet(&body);
    // The web page has every note.
    assert!(page.contains("id=\"99999\""), "last note missing");
    assert_eq!(
        page.matches("class=\"footnote-definition\"").count(),
        100_000
    );
}

#[test]
fn a_one_megabyte_line() {
    let line: String = (0..150_000).map(|i| format!("w{i:06} ")).collect();
    assert!(line.len() > 1 << 20);
    let (site, page) = long_sheet(&format!("{line}\n"));
    assert!(page.contains("w149999"));
    // Long words break instead of running off the page: every printed
    // line fits the A4 text width (about 90 characters at 11 pt).
    let printed = pdf_text(&site.path().join("public/en/de/work/handout.pdf"));
    assert!(printed.contains("w000000"));
    let widest = printed
        .lines()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0);
    assert!(widest < 130, "a line of {widest} characters");
}

#[test]
fn nfd_text_is_the_same_words_as_nfc() {
    // A translation stamped against text in NFC stays current when an
    // editor's tool saves the same words in NFD (`e` + U+0308).
    let site = TestSite::base();
    let nfc = "Find an employer first: Shqip\u{eb}ri, Kosov\u{eb}.\n";
    let nfd = "Find an employer first: Shqipe\u{308}ri, Kosove\u{308}.\n";
    site.write(SOURCE, src("Find an employer first.\n", nfc));
    site.run(&[
        "stamp",
        "content/de/work.sq.md",
        "content/de/work.sr-Cyrl.md",
    ])
    .code(0);
    site.check().code(0);
    site.write(SOURCE, src("Find an employer first.\n", nfd));
    site.check().code(0).err_has("0 errors");
    // A changed word still outdates them.
    site.write(
        SOURCE,
        src(
            "Find an employer first.\n",
            "Find an employer first: Shqiperi.\n",
        ),
    );
    site.check().code(1).err_has("error[outdated]");

    // Search finds the word in either form: the index holds it whole,
    // folded ("shqiperi"), never cut at the combining mark.
    site.write(SOURCE, src("Find an employer first.\n", nfd));
    site.run(&["--today", "2026-12-01", "build", "--no-pdf"])
        .code(0);
    let index = site.read("public/en/search/t-s.json");
    assert!(index.contains("\"shqiperi\""), "{index}");
    assert!(!index.contains("\"shqipe\""), "{index}");
}

#[test]
fn fluent_cycles_and_unknown_references() {
    let site = TestSite::base();
    let ftl = site.read("translations/sq.ftl");
    let ftl = ftl
        .replace(
            "country-de = Gjermania",
            "country-de = Gjermania { route-work }",
        )
        .replace(
            "route-work = Punë",
            "route-work = { country-de }\nnews = { -brand } { missing }",
        );
    site.write("translations/sq.ftl", &ftl);
    site.check()
        .code(0)
        .err_has("translations/sq.ftl:1:1: warning[fluent-reference]: message `country-de` refers to itself")
        .err_has("translations/sq.ftl:2:1: warning[fluent-reference]: message `route-work` refers to itself")
        .err_has("warning[fluent-reference]: message `news` uses `-brand`, which does not exist or has no value")
        .err_has("readers see the text of the next language");
    // As with a missing message, the build goes on: Albanian pages show
    // the English names. In the source language it is an error.
    site.run(&["--today", "2026-12-01", "build", "--no-pdf"])
        .code(0)
        .err_has("warning[fluent-reference]");
    let page = site.read("public/sq/de/work/index.html");
    assert!(page.contains("Germany"), "{page}");
    assert!(!page.contains("Gjermania"), "a broken message was used");
    for junk in ["{country-de}", "{route-work}", "{???}"] {
        assert!(!page.contains(junk), "{junk} leaked:\n{page}");
    }
    let site = TestSite::base();
    let en = site
        .read("translations/en.ftl")
        .replace("route-work = Work", "route-work = { route-work }s");
    site.write("translations/en.ftl", en);
    site.check().code(1).err_has(
        "translations/en.ftl:2:1: error[fluent-reference]: message `route-work` refers to itself",
    );
}

#[test]
fn deep_nesting_in_markdown() {
    // 50,000 nested quotes (once 18 s in the sanitiser), 800 nested list
    // levels, 20,000 emphasis marks and link brackets on each side.
    let list: String = (0..800)
        .map(|i| format!("{}- item\n", "  ".repeat(i)))
        .collect();
    let body = format!(
        "{}deep quote\n\n{list}\n{}x{}\n\n{}link{}\n",
        "> ".repeat(50_000),
        "*".repeat(20_000),
        "*".repeat(20_000),
        "[".repeat(20_000),
        "](x)".repeat(20_000)
    );
    let site = TestSite::base();
    site.write(SOURCE, src("Find an employer first.\n", &body));
    site.run(BUILD).code(0);
    let page = site.read("public/en/de/work/index.html");
    assert!(page.contains("deep quote"));
    assert_eq!(
        page.matches("<blockquote>").count(),
        32,
        "nesting is capped"
    );
    assert!(
        page.matches("item").count() >= 800,
        "every list item's text is kept"
    );
    let printed = pdf_text(&site.path().join("public/en/de/work/handout.pdf"));
    assert!(printed.contains("deep quote"), "{printed}");
}
