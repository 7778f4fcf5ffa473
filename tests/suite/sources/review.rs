//! Quotes, `review`, and what only reads the record (`check`, `status`).

use super::*;
use crate::common::tree;

#[test]
fn quotes_are_checked_against_the_page() {
    let server = Server::start();
    server.on("/page", vec![ok(PAGE)]);
    let site = site_with(&server.url("/page"), "");
    site.write(
        "content/de/work.en.md",
        site.read("content/de/work.en.md").replace(
            "value: €75",
            "value: €75\n    source: 1\n    quote: \"The FEE is  75 euros\"",
        ),
    );
    review(&site);
    // The rest of the page changes; the quoted words stay.
    server.on(
        "/page",
        vec![ok(&PAGE.replace("Apply at the embassy", "Apply online"))],
    );
    let (_, v) = sources_json(&site);
    assert_eq!(first(&v)["facts"][0]["found"], true);
    assert_eq!(first(&v)["facts"][0]["label"], "fee");
    let check = site.run(&["--today", DAY, "check"]);
    assert!(
        !check.stderr.contains("fact-unsupported"),
        "{}",
        check.stderr
    );
    // The quoted words go.
    server.on("/page", vec![ok(&PAGE.replace("75 euros", "80 euros"))]);
    let (code, v) = sources_json(&site);
    assert_eq!(
        (code, &first(&v)["facts"][0]["found"]),
        (1, &serde_json::Value::Bool(false))
    );
    site.run(&["--today", DAY, "check"])
        .code(0)
        .err_has("warning[fact-unsupported]");
    site.run(&["--today", DAY, "check", "--strict"]).code(1);
    // The page links the fact to its source with a text fragment.
    site.run(&["--today", DAY, "build", "--no-pdf"]).code(0);
    let html = site.read("public/en/de/work/index.html");
    assert!(
        html.contains("/page#:~:text=The%20FEE%20is%2075%20euros"),
        "{html}"
    );
}

#[test]
fn review_moves_the_dates_clears_the_change_and_writes_nothing_else() {
    let server = Server::start();
    server.on("/page", vec![ok(PAGE)]);
    let site = site_with(&server.url("/page"), "");
    site.write(
        "content/de/work.en.md",
        site.read("content/de/work.en.md").replace(
            "last_reviewed: 2026-01-01",
            "last_reviewed: 2026-01-01\nnext_review: 2026-05-01",
        ),
    );
    review(&site);
    server.on("/page", vec![ok(&PAGE.replace("75", "90"))]);
    sources_json(&site);
    site.run(&["--today", DAY, "check"])
        .err_has("warning[source-changed]");
    let before = tree(site.path());
    site.run(&["--today", "2026-03-02", "review", "content/de/work.en.md"])
        .code(0);
    let after = tree(site.path());
    let changed: Vec<_> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert!(
        changed
            .iter()
            .all(|k| k.starts_with("sources/") || *k == "content/de/work.en.md"),
        "{changed:?}"
    );
    assert!(before.keys().all(|k| after.contains_key(k)));
    let sheet = site.read("content/de/work.en.md");
    assert!(
        sheet.contains("last_reviewed: 2026-03-02")
            && sheet.contains("next_review: 2026-08-29")
            && sheet.contains("checked: 2026-03-02"),
        "{sheet}"
    );
    let check = site.run(&["--today", "2026-03-02", "check"]);
    assert!(!check.stderr.contains("source-changed"), "{}", check.stderr);
    // A translation is refused, naming its source.
    site.run(&["--today", DAY, "review", "content/de/work.sq.md"])
        .code(2)
        .err_has("content/de/work.en.md");
    // A source that cannot be fetched leaves the dates alone.
    server.on("/page", vec![with("404 Not Found", "", b"")]);
    site.run(&["--today", "2026-03-03", "review", "content/de/work.en.md"])
        .code(1);
    assert!(
        site.read("content/de/work.en.md")
            .contains("last_reviewed: 2026-03-02")
    );
    // --offline confirms without fetching.
    let hits = server.hits().len();
    site.run(&[
        "--today",
        "2026-03-04",
        "review",
        "--offline",
        "content/de/work.en.md",
    ])
    .code(0);
    assert_eq!(server.hits().len(), hits);
    assert!(
        site.read("content/de/work.en.md")
            .contains("last_reviewed: 2026-03-04")
    );
}

#[test]
fn an_unchanged_run_rewrites_nothing_and_sends_its_etag() {
    let server = Server::start();
    server.on(
        "/page",
        vec![with(
            "200 OK",
            "Content-Type: text/html\r\nETag: \"v1\"\r\n",
            PAGE.as_bytes(),
        )],
    );
    let site = site_with(&server.url("/page"), "");
    review(&site);
    let before = tree(site.path());
    server.on(
        "/page",
        vec![with("304 Not Modified", "ETag: \"v1\"\r\n", b"")],
    );
    let (code, v) = sources_json(&site);
    assert_eq!((code, first(&v)["status"].as_str()), (0, Some("unchanged")));
    assert!(
        tree(site.path()) == before,
        "an unchanged run rewrote a file"
    );
    assert!(
        server.hits().iter().any(|h| h == "/page inm=\"v1\""),
        "{:?}",
        server.hits()
    );
}

#[test]
fn check_and_status_never_open_a_connection() {
    let server = Server::start();
    server.on("/page", vec![ok(PAGE)]);
    let site = site_with(&server.url("/page"), "");
    review(&site);
    let proxy = Server::start();
    let hits = server.hits().len();
    for args in [&["check"][..], &["status"], &["build", "--no-pdf"]] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_factsheet"))
            .args(["--today", DAY])
            .args(args)
            .current_dir(site.path())
            .env("HTTP_PROXY", &proxy.base)
            .env("HTTPS_PROXY", &proxy.base)
            .env("ALL_PROXY", &proxy.base)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(server.hits().len(), hits);
    assert!(proxy.hits().is_empty());
}

#[test]
fn a_site_without_a_record_is_not_watched() {
    let site = TestSite::base();
    site.run(&["--today", DAY, "status"])
        .code(0)
        .out_has("not watched");
    let json = site.run(&["--today", DAY, "status", "--format", "json"]);
    assert!(
        json.stdout.contains("\"watch\": \"not watched\""),
        "{}",
        json.stdout
    );
    let check = site.check();
    assert!(!check.stderr.contains("source-"), "{}", check.stderr);
}

#[test]
fn fact_sources_and_quotes_belong_to_the_source_sheet() {
    let site = TestSite::base();
    let sq = site.read("content/de/work.sq.md");
    let edited = sq.replacen("  - label: fee\n", "  - label: fee\n    quote: x\n", 1);
    assert_ne!(edited, sq, "the translation has a `fee` fact");
    site.write("content/de/work.sq.md", edited);
    site.check()
        .code(1)
        .err_has("error[misplaced-field]: `quote` belongs to the source sheet")
        .err_has("`source` and `quote` hold for its translations");
}

#[test]
fn review_with_source_confirms_that_source_only() {
    let server = Server::start();
    server.on("/a", vec![ok(PAGE)]);
    server.on("/b", vec![ok(PAGE)]);
    let site = site_with(
        &server.url("/a"),
        &format!(
            "\n  - title: Other\n    url: {}\n    checked: 2026-01-01",
            server.url("/b")
        ),
    );
    let b = server.url("/b");
    site.run(&[
        "--today",
        DAY,
        "review",
        "--source",
        &b,
        "content/de/work.en.md",
    ])
    .code(0);
    let sheet = site.read("content/de/work.en.md");
    assert_eq!(sheet.matches("checked: 2026-01-01").count(), 1, "{sheet}");
    assert_eq!(
        sheet.matches(&format!("checked: {DAY}")).count(),
        1,
        "{sheet}"
    );
    assert!(
        !server.hits().iter().any(|h| h == "/a"),
        "{:?}",
        server.hits()
    );
    site.run(&[
        "--today",
        DAY,
        "review",
        "--source",
        "https://nowhere.example/",
        "content/de/work.en.md",
    ])
    .code(2);
}

#[test]
fn a_new_selector_fetches_the_whole_page_again() {
    let server = Server::start();
    server.on(
        "/page",
        vec![with(
            "200 OK",
            "Content-Type: text/html\r\nETag: \"v1\"\r\n",
            PAGE.as_bytes(),
        )],
    );
    let site = site_with(&server.url("/page"), "");
    review(&site);
    let sheet = site.read("content/de/work.en.md");
    site.write(
        "content/de/work.en.md",
        sheet.replacen(
            "    checked: 2026-03-01",
            "    checked: 2026-03-01\n    selector: h1",
            1,
        ),
    );
    let (_, v) = sources_json(&site);
    assert_eq!(first(&v)["status"], "changed");
    let last = server.hits().last().cloned().unwrap();
    assert_eq!(last, "/page", "no If-None-Match once the selector changed");
}

#[test]
fn the_handout_names_the_source_beside_its_fact() {
    let site = TestSite::base();
    site.write(
        "content/de/work.en.md",
        site.read("content/de/work.en.md").replacen(
            "value: €75",
            "value: €75\n    source: 1\n    quote: \"Visa fee\"",
            1,
        ),
    );
    site.run(&["--today", DAY, "build"]).code(0);
    let text = crate::common::pdf_text(
        &site.path().join("public/en/de/work/handout.pdf"),
        false,
        true,
    );
    assert!(text.contains("(Federal Foreign Office)"), "{text}");
    let html = site.read("public/en/de/work/index.html");
    assert!(
        html.contains("https://www.auswaertiges-amt.de/#:~:text=Visa%20fee"),
        "{html}"
    );
}
