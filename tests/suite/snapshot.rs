//! The fixture site `tests/fixtures/snapshot` built on a fixed day, one
//! insta snapshot (`snapshots/`) per page kind, feed, sitemap and PDF
//! text, and a manifest of every file's size and hash: a change in the
//! output shows whole, to be reviewed, and a refactor that keeps them all
//! keeps the site byte for byte.
//!
//! insta ignores trailing white space, so each snapshot ends with the
//! exact text's size and SHA-256. To accept a change: run
//! `INSTA_UPDATE=always cargo test --test suite snapshot`, read
//! `git diff tests/suite/snapshots`, commit. With `CI` set, insta never
//! writes: a difference or a missing snapshot fails.

use std::sync::OnceLock;

use sha2::{Digest, Sha256};

use crate::common::{Built, TestSite, pdf_text};

const TODAY: &str = "2026-03-01";

/// The fixture, built once for every test here.
fn site() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let args = ["--today", TODAY, "build", "--base-url", "http://127.0.0.1/"];
        TestSite::shared_copy_of("snapshot").build(&args)
    })
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `text` and a last line with its size and hash, so that the snapshot
/// tells apart what insta's comparison would not.
fn exact(text: &str) -> String {
    format!(
        "{text}\n[end: {} bytes, sha256 {}]",
        text.len(),
        sha256(text.as_bytes())
    )
}

macro_rules! snapshot {
    ($($name:ident: $file:literal,)*) => {$(
        #[test]
        fn $name() {
            insta::assert_snapshot!(stringify!($name), exact(site().text($file)));
        }
    )*};
}

snapshot! {
    chooser: "index.html",
    not_found: "404.html",
    home: "en/index.html",
    home_translated: "sq/index.html",
    destination: "en/de/index.html",
    destination_translated: "sr-cyrl/de/index.html",
    sheet_source: "en/de/work/index.html",
    sheet_translation: "sq/de/work/index.html",
    sheet_derived: "sr-latn/de/work/index.html",
    sheet_fallback: "sq/de/study/index.html",
    changes: "en/changes/index.html",
    centres: "en/centres/index.html",
    search: "en/search/index.html",
    search_meta: "en/search/meta.json",
    search_docs: "en/search/d-0.json",
    feed_site: "en/feed.xml",
    feed_destination: "sq/de/feed.xml",
    sitemap: "sitemap.xml",
}

#[test]
fn pdf_handout_text() {
    let text = pdf_text(&site().path("sq/de/work/handout.pdf"), true, false);
    insta::assert_snapshot!("pdf_handout_text", exact(&text));
}

#[test]
fn pdf_booklet_text() {
    let text = pdf_text(&site().path("en/de/booklet.pdf"), true, false);
    insta::assert_snapshot!("pdf_booklet_text", exact(&text));
}

/// Every file of the output with its size and hash: what the page
/// snapshots leave out (static files, search shards, PDFs) still counts.
#[test]
fn manifest() {
    let lines: String = site()
        .files
        .iter()
        .map(|(path, bytes)| format!("{path} {} {}\n", bytes.len(), sha256(bytes)))
        .collect();
    insta::assert_snapshot!("manifest", exact(&lines));
}

/// The pack form exists only under `serve`, whose pages name its address:
/// the free port it got reads `PORT`.
#[test]
fn pack_form() {
    let site = TestSite::copy_of(&crate::common::fixture("snapshot"));
    let server = crate::serve::start(&site);
    let (status, _, page) = crate::serve::get(server.port, "/sq/pack/");
    assert_eq!(status, 200);
    let page = String::from_utf8(page)
        .unwrap()
        .replace(&format!("127.0.0.1:{}/", server.port), "127.0.0.1:PORT/");
    insta::assert_snapshot!("pack_form", exact(&page));
}
