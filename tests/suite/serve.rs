//! `factsheet serve` as a real HTTP server on a free loopback port, with a
//! temp copy of a site: pages, 404s, path traversal, live reload, the error
//! overlay, PDFs on request, and a second instance on the same port.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{TestSite, base_source_with as src, pdf_text};

pub(crate) struct Server {
    child: Child,
    pub(crate) port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub(crate) fn start(site: &TestSite) -> Server {
    start_on(site, "2026-03-01")
}

/// `serve` judging freshness on `today`.
pub(crate) fn start_on(site: &TestSite, today: &str) -> Server {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_factsheet"))
        .args(["--today", today, "serve", "--port", &port.to_string()])
        .current_dir(site.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let server = Server { child, port };
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "serve did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    server
}

/// A raw HTTP/1.0 GET: status, headers, body. The path is sent as is.
/// A connection reset while the server swaps its site is retried.
pub(crate) fn get(port: u16, path: &str) -> (u16, String, Vec<u8>) {
    let mut attempt = 0;
    let raw = loop {
        attempt += 1;
        let result = (|| -> std::io::Result<Vec<u8>> {
            let mut s = TcpStream::connect(("127.0.0.1", port))?;
            s.set_read_timeout(Some(Duration::from_secs(30)))?;
            write!(s, "GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n")?;
            let mut raw = Vec::new();
            s.read_to_end(&mut raw)?;
            Ok(raw)
        })();
        match result {
            Ok(raw) if !raw.is_empty() => break raw,
            _ if attempt < 5 => std::thread::sleep(Duration::from_millis(100)),
            other => panic!("GET {path}: {other:?}"),
        }
    };
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("headers end");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, head, raw[split + 4..].to_vec())
}

fn body(port: u16, path: &str) -> String {
    String::from_utf8(get(port, path).2).unwrap()
}

/// Waits for `cond` to hold, polling, up to 10 s.
fn eventually(what: &str, mut cond: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !cond() {
        assert!(Instant::now() < deadline, "timed out: {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn serves_pages_types_404s_and_nothing_outside() {
    let site = TestSite::base();
    let server = start(&site);
    let (status, head, page) = get(server.port, "/sq/de/work/");
    assert_eq!(status, 200);
    assert!(head.contains("text/html; charset=utf-8"), "{head}");
    let page = String::from_utf8(page).unwrap();
    assert!(page.contains("Punë në Gjermani"));
    assert!(
        page.contains("<script src=\"/__factsheet/live.js\"></script></body>"),
        "live reload injected"
    );
    assert!(get(server.port, "/static/style.css").1.contains("text/css"));
    assert!(
        get(server.port, "/sq/search/meta.json")
            .1
            .contains("application/json")
    );
    assert_eq!(get(server.port, "/sq").0, 301);
    // A scanned printout: the version in the query is served the page, and
    // kept across a redirect (a capital typed by hand, a missing slash).
    let (status, _, page) = get(server.port, "/sq/de/work/?v=20260101-abcdef");
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&page).contains("data-version=\"20260101-"));
    for (asked, to) in [
        (
            "/SQ/de/work/?v=20260101-abcdef",
            "/sq/de/work/?v=20260101-abcdef",
        ),
        (
            "/sq/de/work?v=20260101-abcdef",
            "/sq/de/work/?v=20260101-abcdef",
        ),
        (
            "/sq/de/work?v=a%0d%0aSet-Cookie:x",
            "/sq/de/work/?v=a%0d%0aSet-Cookie:x",
        ),
    ] {
        let (status, head, _) = get(server.port, asked);
        assert_eq!(status, 301, "{asked}");
        assert!(
            head.contains(&format!("\r\nLocation: {to}\r\n")),
            "{asked}: {head}"
        );
        assert!(!head.contains("\r\nSet-Cookie"), "{head}");
    }

    let (status, _, missing) = get(server.port, "/nope/");
    assert_eq!(status, 404);
    assert!(
        String::from_utf8_lossy(&missing).contains("class=\"chooser\""),
        "the site's 404 page"
    );
    for path in [
        "/../Cargo.toml",
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/en/%2E%2E/%2E%2E/content/site.yaml",
        "//etc/passwd",
        "/content/site.yaml",
        "/..%2f..%2fetc/passwd",
        "/%00",
    ] {
        let (status, _, b) = get(server.port, path);
        assert_eq!(status, 404, "{path}");
        assert!(!String::from_utf8_lossy(&b).contains("root:"), "{path}");
    }

    let (status, head, pdf) = get(server.port, "/en/de/work/handout.pdf");
    assert_eq!(status, 200, "PDF made on request");
    assert!(head.contains("application/pdf"));
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn an_edit_reloads_the_page_and_errors_show_until_fixed() {
    let site = TestSite::base();
    let server = start(&site);
    assert!(body(server.port, "/en/de/work/").contains("Find an employer first."));

    // The page's event stream announces the rebuild.
    let mut events = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        events,
        "GET /__factsheet/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    site.write(
        "content/de/work.en.md",
        src("Find an employer first.", "Find an employer, then apply."),
    );
    let mut seen = String::new();
    let mut buf = [0u8; 256];
    while !seen.contains("data: reload") {
        let n = events.read(&mut buf).expect("a reload event");
        assert!(n > 0, "stream ended without reload: {seen}");
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    assert!(body(server.port, "/en/de/work/").contains("Find an employer, then apply."));

    // Broken content: every page shows the diagnostics.
    site.write("content/de/work.en.md", src("title:", "titel:"));
    eventually("overlay", || {
        body(server.port, "/en/de/work/").contains("error[unknown-field]")
    });
    let overlay = body(server.port, "/sq/");
    assert!(
        overlay.contains("content/de/work.en.md:2:1: error[unknown-field]: unknown field `titel`"),
        "{overlay}"
    );
    assert!(overlay.contains("hint: did you mean `title`?"));
    assert!(
        overlay.contains("/__factsheet/live.js"),
        "the overlay reloads itself too"
    );

    site.write("content/de/work.en.md", src("", ""));
    eventually("recovery", || {
        body(server.port, "/en/de/work/").contains("Find an employer first.")
    });
}

#[test]
fn an_edit_in_the_sites_own_folder_re_renders_only_what_it_touches() {
    // Started in the site's folder, as editors run it (the root is "."),
    // while the watcher reports absolute paths: a save of one sheet must
    // not rebuild the whole site.
    let site = TestSite::base();
    let mut server = start(&site);
    let stderr = server.child.stderr.take().expect("stderr is piped");
    let (tx, lines) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let deadline = Instant::now() + Duration::from_secs(10);
    while !lines
        .recv_timeout(Duration::from_secs(10))
        .expect("serve says it serves")
        .starts_with("serving ")
    {
        assert!(Instant::now() < deadline);
    }
    std::thread::sleep(Duration::from_millis(200));
    site.write(
        "content/de/work.en.md",
        src("Find an employer first.", "Find an employer, then apply."),
    );
    loop {
        let line = lines
            .recv_timeout(Duration::from_secs(10))
            .expect("serve reports the edit");
        assert!(!line.starts_with("built "), "a full rebuild: {line}");
        if line.starts_with("updated in ") {
            break;
        }
    }
    assert!(body(server.port, "/en/de/work/").contains("Find an employer, then apply."));
}

#[test]
fn a_second_instance_on_the_same_port_says_so() {
    let site = TestSite::base();
    let server = start(&site);
    let out = Command::new(env!("CARGO_BIN_EXE_factsheet"))
        .args(["serve", "--port", &server.port.to_string()])
        .current_dir(site.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("cannot listen on 127.0.0.1:{}", server.port)),
        "{err}"
    );
    assert!(
        err.contains("is another `factsheet serve` running?"),
        "{err}"
    );
}

#[test]
fn says_it_listens_on_loopback_only() {
    let site = TestSite::base();
    let mut server = start(&site);
    let mut stderr = server.child.stderr.take().unwrap();
    let mut said = String::new();
    let mut buf = [0u8; 4096];
    while !said.contains("press Ctrl+C") {
        let n = stderr.read(&mut buf).unwrap();
        assert!(n > 0, "{said}");
        said.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    assert!(
        said.contains(&format!(
            "at http://127.0.0.1:{}/ (on this computer only",
            server.port
        )),
        "{said}"
    );
}

/// Staff make a visitor pack in the browser: the form offers the site's
/// sheets, languages and centres, works without JavaScript (a GET form),
/// and the server refuses anything it did not offer.
#[test]
fn the_pack_form_makes_packs_and_refuses_what_it_did_not_offer() {
    let site = TestSite::base();
    site.write(
        "content/centres.yaml",
        "- id: tirana\n  name: Centre Tirana\n  town: Tirana\n  hours:\n    - days: mon-fri\n      opens: \"08:00\"\n      closes: \"16:00\"\n",
    );
    let server = start(&site);
    let (status, _, page) = get(server.port, "/sq/pack/");
    assert_eq!(status, 200);
    let page = String::from_utf8(page).unwrap();
    for want in [
        "<form method=\"get\" action=\"pack.pdf\" class=\"pack\">",
        "<input type=\"checkbox\" name=\"sheet\" value=\"de/work\" id=\"fs-sheet-de-work\"> <label for=\"fs-sheet-de-work\">",
        "<option value=\"en\" lang=\"en\">English</option>",
        "<option value=\"tirana\">Centre Tirana (Tirana)</option>",
    ] {
        assert!(page.contains(want), "{want}\n{page}");
    }
    let (status, head, pdf) = get(
        server.port,
        "/sq/pack/pack.pdf?sheet=de%2Fwork&also=en&centre=tirana",
    );
    assert_eq!(status, 200, "{head}");
    assert!(head.contains("Content-Type: application/pdf"), "{head}");
    assert!(
        head.contains("filename=\"pack-sq-2026-03-01.pdf\""),
        "{head}"
    );
    assert!(pdf.starts_with(b"%PDF-"));
    // Its QR codes and printed addresses are the published site's: the
    // visitor's phone cannot reach this computer.
    let file = site.path().join("served-pack.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let text: String = pdf_text(&file, false, false).split_whitespace().collect();
    assert!(text.contains("example.org/sq/de/work/?v="), "{text}");
    assert!(!text.contains("127.0.0.1"), "{text}");
    let (status, head, _) = get(server.port, "/sq/pack");
    assert_eq!(status, 301);
    assert!(head.contains("Location: /sq/pack/"), "{head}");
    for bad in [
        "sheet=de/work&sheet=de/work",
        "",
        "sheet=",
        "sheet=de/study",
        "sheet=../../../../etc/passwd",
        "sheet=%2Fetc%2Fpasswd",
        "sheet=de/work&also=sq",
        "sheet=de/work&also=fr",
        "sheet=de/work&centre=nowhere",
        "sheet=de/work&also=en&also=en",
        "sheet=de/work&x=1",
    ] {
        let (status, _, body) = get(server.port, &format!("/sq/pack/pack.pdf?{bad}"));
        assert_eq!(status, 400, "{bad}");
        assert!(!String::from_utf8_lossy(&body).contains("root:"));
    }
    // Not in any other folder, and not for a language the site lacks.
    assert_eq!(get(server.port, "/xx/pack/").0, 404);
    assert_eq!(
        get(server.port, "/sq/de/pack/pack.pdf?sheet=de/work").0,
        404
    );
}
