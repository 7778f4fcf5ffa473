//! Hostile input: every file of `tests/hostile/` and a few generated
//! cases get a clear diagnostic, or are read harmlessly, and never panic.

mod common;

use common::TestSite;

const SOURCE: &str = "content/de/work.en.md";

fn hostile(name: &str) -> Vec<u8> {
    std::fs::read(common::fixture("../hostile").join(name)).unwrap()
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
}
