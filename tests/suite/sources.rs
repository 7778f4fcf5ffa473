//! `factsheet sources` and `review` against a real HTTP server on
//! 127.0.0.1, written here so each case controls every byte: drips,
//! resets, bombs, redirects. `check` and `status` read only the record.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::{TestSite, base_source_with, tree};

/// What the server answers on a path.
#[derive(Clone)]
enum Answer {
    /// A whole response, bytes as sent.
    Raw(Vec<u8>),
    /// Headers, then a byte every 200 ms.
    Drip,
    /// Headers, then bytes until the client leaves.
    Endless,
    /// The connection reset without an answer.
    Reset,
}

fn ok(body: &str) -> Answer {
    with(
        "200 OK",
        "Content-Type: text/html; charset=utf-8\r\n",
        body.as_bytes(),
    )
}

fn with(status: &str, headers: &str, body: &[u8]) -> Answer {
    let mut r = format!(
        "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    r.extend_from_slice(body);
    Answer::Raw(r)
}

fn redirect(code: &str, to: &str) -> Answer {
    with(code, &format!("Location: {to}\r\n"), b"")
}

/// A server on 127.0.0.1: each path answers its queue in turn, the last
/// answer again and again; `hits` lists the requests (`path` and
/// `If-None-Match` when sent).
struct Server {
    base: String,
    answers: Arc<Mutex<HashMap<String, Vec<Answer>>>>,
    hits: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let answers: Arc<Mutex<HashMap<String, Vec<Answer>>>> = Arc::default();
        let hits: Arc<Mutex<Vec<String>>> = Arc::default();
        let (a, h) = (answers.clone(), hits.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (a, h) = (a.clone(), h.clone());
                std::thread::spawn(move || serve(stream, &a, &h));
            }
        });
        Server {
            base,
            answers,
            hits,
        }
    }

    fn on(&self, path: &str, answers: Vec<Answer>) -> &Self {
        self.answers.lock().unwrap().insert(path.into(), answers);
        self
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn hits(&self) -> Vec<String> {
        self.hits.lock().unwrap().clone()
    }
}

fn serve(
    mut s: TcpStream,
    answers: &Mutex<HashMap<String, Vec<Answer>>>,
    hits: &Mutex<Vec<String>>,
) {
    let mut head = Vec::new();
    let mut b = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match s.read(&mut b) {
            Ok(1) => head.push(b[0]),
            _ => return,
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let path = head.split(' ').nth(1).unwrap_or("/").to_string();
    let inm = head
        .lines()
        .find_map(|l| {
            l.strip_prefix("If-None-Match: ")
                .or(l.strip_prefix("if-none-match: "))
        })
        .map(|v| format!(" inm={v}"))
        .unwrap_or_default();
    hits.lock().unwrap().push(format!("{path}{inm}"));
    let answer = {
        let mut map = answers.lock().unwrap();
        match map.get_mut(&path) {
            Some(q) if q.len() > 1 => q.remove(0),
            Some(q) => q[0].clone(),
            None if path == "/robots.txt" => with("404 Not Found", "", b""),
            None => with("404 Not Found", "", b"no"),
        }
    };
    match answer {
        Answer::Raw(bytes) => {
            let _ = s.write_all(&bytes);
        }
        Answer::Drip => {
            let _ = s.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n",
            );
            for _ in 0..300 {
                std::thread::sleep(Duration::from_millis(200));
                if s.write_all(b"a").is_err() {
                    return;
                }
            }
        }
        Answer::Endless => {
            let _ = s.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n",
            );
            let chunk = vec![b'a'; 64 << 10];
            // 200 MiB at most, if a client never stops.
            for _ in 0..3200 {
                if s.write_all(&chunk).is_err() {
                    return;
                }
            }
        }
        Answer::Reset => {
            let _ = socket2::SockRef::from(&s).set_linger(Some(Duration::ZERO));
        }
    }
}

/// The base site, its sheet's one source at `url` (with extra source
/// lines), fetched quickly: no pause, a 2 s time-out, 1 MiB bodies.
fn site_with(url: &str, extra: &str) -> TestSite {
    let site = TestSite::base();
    let source = format!("url: {url}\n    checked: 2026-01-01{extra}");
    site.write(
        "content/de/work.en.md",
        base_source_with(
            "url: https://www.auswaertiges-amt.de/\n    checked: 2026-01-01",
            &source,
        ),
    );
    let config = site.read("content/site.yaml");
    site.write(
        "content/site.yaml",
        format!("{config}source_delay_ms: 0\nsource_timeout_seconds: 2\nsource_max_mib: 1\n"),
    );
    site
}

const DAY: &str = "2026-03-01";

fn sources_json(site: &TestSite) -> (i32, serde_json::Value) {
    let run = site.run(&["--today", DAY, "sources", "--format", "json"]);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", run.stdout, run.stderr));
    (run.code, v)
}

fn first(v: &serde_json::Value) -> &serde_json::Value {
    &v["sources"][0]
}

fn review(site: &TestSite) {
    site.run(&["--today", DAY, "review", "content/de/work.en.md"])
        .code(0);
}

const PAGE: &str = "<html><head><title>Visa</title><script>var t = 1;</script></head><body>\
    <header>Menu</header><main><h1>Work visa</h1><p>The fee is 75 euros.</p>\
    <p>Apply at the embassy.</p></main><footer>Updated 10:00</footer></body></html>";

#[test]
fn a_changed_word_is_changed_with_the_word_in_the_diff_and_changing_back_is_unchanged() {
    let server = Server::start();
    server.on("/page", vec![ok(PAGE)]);
    let site = site_with(&server.url("/page"), "");
    let (code, v) = sources_json(&site);
    assert_eq!((code, first(&v)["status"].as_str()), (1, Some("new")));
    review(&site);
    assert_eq!(sources_json(&site).1["sources"][0]["status"], "unchanged");
    server.on("/page", vec![ok(&PAGE.replace("75 euros", "90 euros"))]);
    let (code, v) = sources_json(&site);
    assert_eq!(code, 1);
    assert_eq!(first(&v)["status"], "changed");
    let diff = first(&v)["diff"].as_str().unwrap();
    assert!(diff.contains("[-75-]") && diff.contains("{+90+}"), "{diff}");
    assert_eq!(first(&v)["line"], 8);
    // check and status tell it from the record alone.
    site.run(&["--today", DAY, "check"])
        .code(0)
        .err_has("warning[source-changed]")
        .err_has("factsheet review content/de/work.en.md");
    site.run(&["--today", DAY, "check", "--strict"]).code(1);
    site.run(&["--today", DAY, "status"])
        .code(0)
        .out_has("SOURCE CHANGED");
    let gh = site.run(&["--today", DAY, "sources", "--format", "github"]);
    assert!(
        gh.stdout
            .contains("::warning file=content/de/work.en.md,line=8,title=source-changed::"),
        "{}",
        gh.stdout
    );
    server.on("/page", vec![ok(PAGE)]);
    let (code, v) = sources_json(&site);
    assert_eq!((code, first(&v)["status"].as_str()), (0, Some("unchanged")));
    site.run(&["--today", DAY, "check", "--strict"]).code(0);
}

#[test]
fn noise_does_not_count_and_selector_and_ignore_narrow_the_text() {
    let server = Server::start();
    server.on("/page", vec![ok(PAGE)]);
    let site = site_with(&server.url("/page"), "");
    review(&site);
    let noisy = PAGE
        .replace("Updated 10:00", "Updated 11:42")
        .replace("var t = 1", "var t = 2")
        .replace("The fee", "The\u{a0}fee");
    server.on("/page", vec![ok(&noisy)]);
    assert_eq!(first(&sources_json(&site).1)["status"], "unchanged");

    let page = "<body><div id=fees><p>Fee: 75 euros</p><p>Visitors: 1041</p></div><p>News: today</p></body>";
    server.on("/narrow", vec![ok(page)]);
    let site = site_with(
        &server.url("/narrow"),
        "\n    selector: \"#fees\"\n    ignore:\n      - \"^Visitors:\"",
    );
    review(&site);
    let record = std::fs::read_dir(site.path().join("sources"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    let text = std::fs::read_to_string(record.path()).unwrap();
    assert!(
        text.contains("| Fee: 75 euros\n") && !text.contains("Visitors") && !text.contains("News"),
        "{text}"
    );
    server.on(
        "/narrow",
        vec![ok(&page
            .replace("1041", "1042")
            .replace("today", "tomorrow"))],
    );
    assert_eq!(first(&sources_json(&site).1)["status"], "unchanged");
}

#[test]
fn bad_selectors_patterns_and_fact_sources_are_errors_at_their_place() {
    let site = site_with(
        "https://example.org/",
        "\n    selector: \"p[\"\n    ignore:\n      - \"(\"",
    );
    site.write(
        "content/de/work.en.md",
        site.read("content/de/work.en.md")
            .replace("value: €75", "value: €75\n    source: 3\n    quote: fee"),
    );
    site.check()
        .code(1)
        .err_has("error[bad-selector]")
        .err_has("error[bad-pattern]")
        .err_has("error[unknown-source]");
}

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
