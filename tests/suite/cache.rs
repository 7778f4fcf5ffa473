//! The PDF cache: a warm build publishes the bytes a cold one does, takes
//! nothing damaged from the cache, shares it safely between builds at
//! once, and typesets again whatever a PDF depends on changed.

use std::collections::BTreeMap;
use std::process::Command;

use crate::common::*;

const DAY: &str = "2026-03-01";

/// The PDFs of a built site, by path.
fn pdfs(site: &TestSite, out: &str) -> BTreeMap<String, Vec<u8>> {
    let all = tree(&site.path().join(out));
    let pdfs: BTreeMap<_, _> = all
        .into_iter()
        .filter(|(p, _)| p.ends_with(".pdf"))
        .collect();
    assert!(!pdfs.is_empty(), "{out} has no PDFs");
    pdfs
}

fn build(site: &TestSite, out: &str, extra: &[&str]) -> Run {
    let mut args = vec!["--today", DAY, "--verbose", "build", "--out", out];
    args.extend_from_slice(extra);
    site.run(&args)
}

/// "PDFs: R reused from the cache, T typeset" as (R, T).
fn counts(run: &Run) -> (usize, usize) {
    let line = run
        .stderr
        .lines()
        .find(|l| l.starts_with("PDFs: "))
        .unwrap_or_else(|| panic!("no PDF counts in:\n{}", run.stderr));
    let n: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|w| w.parse().ok())
        .collect();
    (n[0], n[1])
}

#[test]
fn a_warm_build_publishes_the_bytes_of_a_cold_one() {
    let site = TestSite::base();
    build(&site, "cold", &["--no-cache"]).code(0);
    let cold = pdfs(&site, "cold");
    assert!(!site.path().join(".factsheet-cache").exists(), "--no-cache");

    let first = build(&site, "first", &[]);
    first.code(0);
    assert_eq!(counts(&first), (0, cold.len()));
    let warm = build(&site, "warm", &[]);
    warm.code(0);
    assert_eq!(counts(&warm), (cold.len(), 0), "every PDF reused");
    assert_eq!(pdfs(&site, "first"), cold);
    assert_eq!(pdfs(&site, "warm"), cold);

    // Damaged entries (truncated here) are never published: typeset again.
    let dir = site.path().join(".factsheet-cache/pdf");
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "pdf") {
            let bytes = std::fs::read(&p).unwrap();
            std::fs::write(&p, &bytes[..bytes.len() / 2]).unwrap();
        }
    }
    let repaired = build(&site, "repaired", &[]);
    repaired.code(0);
    assert_eq!(counts(&repaired), (0, cold.len()));
    assert_eq!(pdfs(&site, "repaired"), cold);

    // `--cache DIR` elsewhere: its own entries.
    let other = build(&site, "other", &["--cache", "elsewhere"]);
    other.code(0);
    assert_eq!(counts(&other), (0, cold.len()));
    assert!(site.path().join("elsewhere/pdf").is_dir());
}

#[test]
fn builds_sharing_a_cache_at_once_publish_the_same_bytes() {
    let site = TestSite::base();
    build(&site, "cold", &["--no-cache"]).code(0);
    let cold = pdfs(&site, "cold");
    let children: Vec<_> = ["a", "b", "c"]
        .iter()
        .map(|out| {
            Command::new(env!("CARGO_BIN_EXE_factsheet"))
                .args(["--today", DAY, "build", "--out", out])
                .current_dir(site.path())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    for out in ["a", "b", "c"] {
        assert_eq!(pdfs(&site, out), cold, "{out}");
    }
    let again = build(&site, "again", &[]);
    assert_eq!(counts(&again), (cold.len(), 0));
}

#[test]
fn what_a_pdf_depends_on_changing_typesets_it_again() {
    let site = TestSite::base();
    let day = |d: &str, out: &str| {
        let run = site.run(&["--today", d, "--verbose", "build", "--out", out]);
        run.code(0);
        counts(&run)
    };
    let (_, n) = day(DAY, "first");
    let booklets = pdfs(&site, "first")
        .keys()
        .filter(|p| p.ends_with("booklet.pdf"))
        .count();
    assert!(booklets > 0 && booklets < n);
    // The next day, nothing changed: the daily build reuses every
    // handout; a booklet's cover prints the day, so booklets are new.
    assert_eq!(day("2026-03-02", "next"), (n - booklets, booklets));
    // A template of the site's own: all again, then reused.
    let template = include_str!("../../themes/default/pdf/handout.typ");
    site.write(
        "themes/default/pdf/handout.typ",
        format!("{template}\n// the site's own copy\n"),
    );
    assert_eq!(day(DAY, "own"), (0, n));
    assert_eq!(day(DAY, "own-again"), (n, 0));
    // A template that asks for the day makes every PDF depend on it.
    site.write(
        "themes/default/pdf/handout.typ",
        format!("{template}\n#let printed = datetime.today()\n"),
    );
    day(DAY, "dated");
    assert_eq!(day("2026-03-02", "dated-next"), (0, n));
    // The English text of the one sheet.
    site.write(
        "content/de/work.en.md",
        base_source_with(
            "Find an employer first.",
            "Find an employer first, then apply.",
        ),
    );
    site.run(&[
        "--today",
        DAY,
        "stamp",
        "content/de/work.sq.md",
        "content/de/work.sr-Cyrl.md",
    ])
    .code(0);
    // Only what shows the changed words: the English handout and booklet
    // (the translations, stamped, print what they printed).
    assert_eq!(day(DAY, "edited"), (n - 2, 2));
    assert_eq!(day(DAY, "edited-again"), (n, 0));
}
