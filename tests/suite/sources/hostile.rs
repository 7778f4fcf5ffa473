//! The hostile server: redirects, errors, refusals, drips, bombs,
//! charsets, PDFs, bad bytes and resets.

use std::io::Write;
use std::time::{Duration, Instant};

use super::*;

#[test]
fn redirects_permanent_moves_temporary_is_followed_loops_break() {
    let server = Server::start();
    server.on("/new", vec![ok(PAGE)]);
    for (code, path) in [
        ("301 Moved Permanently", "/a"),
        ("308 Permanent Redirect", "/b"),
    ] {
        server.on(path, vec![redirect(code, "/new")]);
        let site = site_with(&server.url(path), "");
        let (code, v) = sources_json(&site);
        assert_eq!(code, 1);
        assert_eq!(first(&v)["status"], "moved");
        assert_eq!(first(&v)["moved_to"], server.url("/new"));
        site.run(&["--today", DAY, "check"])
            .code(0)
            .err_has("warning[source-moved]");
    }
    server.on("/t", vec![redirect("302 Found", "/new")]);
    let site = site_with(&server.url("/t"), "");
    assert_eq!(first(&sources_json(&site).1)["status"], "new");
    server.on("/loop1", vec![redirect("302 Found", "/loop2")]);
    server.on("/loop2", vec![redirect("307 Temporary Redirect", "/loop1")]);
    let site = site_with(&server.url("/loop1"), "");
    let (_, v) = sources_json(&site);
    assert_eq!(first(&v)["status"], "broken");
    assert!(first(&v)["detail"].as_str().unwrap().contains("loop"));
    server.on("/ftp", vec![redirect("302 Found", "ftp://127.0.0.1/x")]);
    let site = site_with(&server.url("/ftp"), "");
    assert_eq!(first(&sources_json(&site).1)["status"], "broken");
}

#[test]
fn missing_pages_are_broken_and_errors_are_retried() {
    let server = Server::start();
    for (path, status) in [("/404", "404 Not Found"), ("/410", "410 Gone")] {
        server.on(path, vec![with(status, "", b"gone")]);
        let site = site_with(&server.url(path), "");
        let (code, v) = sources_json(&site);
        assert_eq!((code, first(&v)["status"].as_str()), (1, Some("broken")));
        site.run(&["--today", DAY, "check"])
            .code(0)
            .err_has("warning[source-broken]");
    }
    server.on("/flaky", vec![ok(PAGE)]);
    let site = site_with(&server.url("/flaky"), "");
    review(&site);
    server.on(
        "/flaky",
        vec![with("500 Internal Server Error", "", b"oops"), ok(PAGE)],
    );
    let (code, v) = sources_json(&site);
    assert_eq!((code, first(&v)["status"].as_str()), (0, Some("unchanged")));
    server.on(
        "/slow-down",
        vec![
            with("429 Too Many Requests", "Retry-After: 1\r\n", b""),
            ok(PAGE),
        ],
    );
    let site = site_with(&server.url("/slow-down"), "");
    let t = Instant::now();
    assert_eq!(first(&sources_json(&site).1)["status"], "new");
    assert!(
        t.elapsed() >= Duration::from_secs(1),
        "Retry-After was not waited for"
    );
}

#[test]
fn forbidden_and_disallowed_pages_are_blocked_and_never_requested() {
    let server = Server::start();
    server.on("/403", vec![with("403 Forbidden", "", b"no")]);
    let site = site_with(&server.url("/403"), "");
    assert_eq!(first(&sources_json(&site).1)["status"], "blocked");

    let server = Server::start();
    server.on(
        "/robots.txt",
        vec![with(
            "200 OK",
            "Content-Type: text/plain\r\n",
            b"User-agent: *\nDisallow: /private\n",
        )],
    );
    server.on("/private/page", vec![ok(PAGE)]);
    let site = site_with(&server.url("/private/page"), "");
    assert_eq!(first(&sources_json(&site).1)["status"], "blocked");
    assert_eq!(server.hits(), ["/robots.txt"]);
}

#[test]
fn drips_time_out_and_big_bodies_and_bombs_are_too_large() {
    let server = Server::start();
    server.on("/drip", vec![Answer::Drip]);
    let site = site_with(&server.url("/drip"), "");
    let t = Instant::now();
    let (_, v) = sources_json(&site);
    assert_eq!(first(&v)["status"], "unreachable");
    assert!(t.elapsed() < Duration::from_secs(10));

    server.on("/endless", vec![Answer::Endless]);
    let site = site_with(&server.url("/endless"), "");
    assert_eq!(first(&sources_json(&site).1)["status"], "too-large");

    let big = vec![b'x'; 50 << 20];
    server.on(
        "/big",
        vec![with("200 OK", "Content-Type: text/html\r\n", &big)],
    );
    let site = site_with(&server.url("/big"), "");
    assert_eq!(first(&sources_json(&site).1)["status"], "too-large");

    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&vec![b' '; 64 << 20]).unwrap();
    let bomb = gz.finish().unwrap();
    assert!(bomb.len() < 1 << 20);
    server.on(
        "/bomb",
        vec![with(
            "200 OK",
            "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
            &bomb,
        )],
    );
    let site = site_with(&server.url("/bomb"), "");
    assert_eq!(first(&sources_json(&site).1)["status"], "too-large");
}

#[test]
fn charsets_pdfs_bad_bytes_and_resets_are_handled() {
    let server = Server::start();
    let (latin2, _, _) = encoding_rs::WINDOWS_1250.encode("<p>Dozvola za rad: č ć š ž đ</p>");
    server.on(
        "/hr",
        vec![with(
            "200 OK",
            "Content-Type: text/html; charset=windows-1250\r\n",
            &latin2,
        )],
    );
    let site = site_with(&server.url("/hr"), "");
    review(&site);
    let record = std::fs::read_dir(site.path().join("sources"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    assert!(
        std::fs::read_to_string(record.path())
            .unwrap()
            .contains("| Dozvola za rad: č ć š ž đ\n")
    );

    server.on(
        "/fees.pdf",
        vec![with(
            "200 OK",
            "Content-Type: application/pdf\r\n",
            &tiny_pdf("Fee 75 euros"),
        )],
    );
    let site = site_with(&server.url("/fees.pdf"), "");
    review(&site);
    let record = std::fs::read_dir(site.path().join("sources"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    let text = std::fs::read_to_string(record.path()).unwrap();
    assert!(
        text.contains("Fee 75 euros") && !text.contains("bytes-only"),
        "{text}"
    );
    server.on(
        "/fees.pdf",
        vec![with(
            "200 OK",
            "Content-Type: application/pdf\r\n",
            &tiny_pdf("Fee 90 euros"),
        )],
    );
    let (_, v) = sources_json(&site);
    assert_eq!(first(&v)["status"], "changed");

    server.on(
        "/bad",
        vec![with(
            "200 OK",
            "Content-Type: text/html; charset=utf-8\r\n",
            b"<p>a\xff\xfeb</p>",
        )],
    );
    let site = site_with(&server.url("/bad"), "");
    assert_eq!(first(&sources_json(&site).1)["status"], "new");

    server.on("/reset", vec![Answer::Reset]);
    let site = site_with(&server.url("/reset"), "");
    assert_eq!(first(&sources_json(&site).1)["status"], "unreachable");
}

/// A one-page PDF with `text` in Helvetica, offsets computed.
fn tiny_pdf(text: &str) -> Vec<u8> {
    let stream = format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[test]
fn links_are_checked_for_being_alive_only() {
    let server = Server::start();
    server.on("/page", vec![ok(PAGE)]);
    server.on("/alive", vec![ok("<p>anything</p>")]);
    server.on("/gone", vec![with("404 Not Found", "", b"")]);
    let site = site_with(&server.url("/page"), "");
    let sheet = site.read("content/de/work.en.md");
    site.write(
        "content/de/work.en.md",
        format!(
            "{sheet}\nSee [this]({}) and [that]({}).\n",
            server.url("/alive"),
            server.url("/gone")
        ),
    );
    let run = site.run(&["--today", DAY, "sources", "--links", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let links: Vec<_> = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "link")
        .map(|e| {
            (
                e["url"].as_str().unwrap().to_string(),
                e["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        links,
        [
            (server.url("/alive"), "alive".to_string()),
            (server.url("/gone"), "broken".to_string())
        ]
    );
    assert_eq!(run.code, 1);
    let lines = site.read("content/de/work.en.md");
    let at = lines.lines().position(|l| l.contains("[this]")).unwrap() + 1;
    let link = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "link")
        .unwrap();
    assert_eq!(link["line"], at);
}

#[test]
fn one_host_gets_one_request_at_a_time_with_the_pause_between() {
    let server = Server::start();
    for p in ["/a", "/b", "/c"] {
        server.on(p, vec![ok(PAGE)]);
    }
    let site = site_with(
        &server.url("/a"),
        &format!(
            "\n  - title: B\n    url: {}\n  - title: C\n    url: {}",
            server.url("/b"),
            server.url("/c")
        ),
    );
    let config = site.read("content/site.yaml");
    site.write(
        "content/site.yaml",
        config.replace("source_delay_ms: 0", "source_delay_ms: 300"),
    );
    let t = Instant::now();
    let (_, v) = sources_json(&site);
    // robots.txt, then three pages: three pauses at least.
    assert!(
        t.elapsed() >= Duration::from_millis(900),
        "{:?}",
        t.elapsed()
    );
    assert_eq!(v["sources"].as_array().unwrap().len(), 3);
    assert_eq!(server.hits(), ["/robots.txt", "/a", "/b", "/c"]);
}
