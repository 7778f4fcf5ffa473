//! `factsheet build`: warnings, sanitising, safety of the output folder,
//! determinism, theme overrides, on sites each test builds itself (the
//! shared sample's output is `sample.rs`'s).

use crate::common::{SAMPLE_TODAY as TODAY, TestSite, base_source_with as src, tree};

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
