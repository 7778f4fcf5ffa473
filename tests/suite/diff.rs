//! `factsheet diff` on real git repositories made in a temp folder.

use std::process::Command;

use crate::common::{TestSite, base_source_with as src, git};

/// The base site in a repository: the translation made at the first
/// commit, the source's words changed in the second and third.
fn three_commits() -> TestSite {
    let site = TestSite::base();
    let dir = site.path();
    git(dir, &["init", "-q", "-b", "main"]);
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "Sheet and its translations"]);
    site.write(
        "content/de/work.en.md",
        src(
            "A job offer first, then the visa.",
            "A job offer first, then the national visa.",
        ),
    );
    git(dir, &["commit", "-q", "-am", "Say which visa"]);
    let third = site.read("content/de/work.en.md").replace(
        "Find an employer first.",
        "Find an employer first.\n\nThe quota is 50,000 a year.",
    );
    site.write(
        "content/de/work.en.md",
        third.replace("last_reviewed: 2026-01-01", "last_reviewed: 2026-02-01"),
    );
    git(dir, &["commit", "-q", "-am", "Add the quota, re-review"]);
    site
}

#[test]
fn shows_every_change_since_the_translation_and_nothing_else() {
    let site = three_commits();
    let run = site.run(&["diff", "content/de/work.sq.md"]);
    run.code(0);
    assert_eq!(
        run.stdout,
        "   2: summary: A job offer first, then the {+national +}visa.\n   7: {+The quota is 50,000 a year.+}\n",
        "{}",
        run.stderr
    );
    run.err_has("content/de/work.en.md changed since commit ")
        .err_has("run `factsheet stamp content/de/work.sq.md`");
    // After translating and stamping there is nothing left to redo.
    site.run(&["stamp", "content/de/work.sq.md"]).code(0);
    site.run(&["diff", "content/de/work.sq.md"])
        .code(0)
        .err_has("is current");
}

#[test]
fn clear_errors_without_a_translation_history_or_match() {
    let site = TestSite::base();
    site.write(
        "content/de/work.en.md",
        src("Find an employer first.", "Changed."),
    );
    site.run(&["diff", "content/de/work.en.md"])
        .code(2)
        .err_has("is a source sheet; diff takes a translation");
    site.run(&["diff", "content/de/work.sq.md"])
        .code(2)
        .err_has("is not in a git repository");

    // Stamped against text that was never committed.
    let site = three_commits();
    let tr = site.read("content/de/work.sq.md");
    let start = tr.find("source_hash: ").unwrap() + "source_hash: ".len();
    site.write(
        "content/de/work.sq.md",
        format!("{}0123456789abcdef{}", &tr[..start], &tr[start + 16..]),
    );
    site.run(&["diff", "content/de/work.sq.md"])
        .code(2)
        .err_has("none of the 3 commits has a version");
}

#[test]
fn a_shallow_clone_says_how_to_fix_it() {
    let site = three_commits();
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", site.path().display());
    git(clone.path(), &["clone", "-q", "--depth", "1", &url, "site"]);
    let out = Command::new(env!("CARGO_BIN_EXE_factsheet"))
        .args(["diff", "content/de/work.sq.md"])
        .current_dir(clone.path().join("site"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the clone is shallow: run `git fetch --unshallow`"),
        "{err}"
    );
}
