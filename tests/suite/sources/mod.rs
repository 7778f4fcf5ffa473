//! `factsheet sources` and `review` against a real HTTP server on
//! 127.0.0.1, written here so each case controls every byte: drips,
//! resets, bombs, redirects. `check` and `status` read only the record.
//! The server and helpers are here; `hostile.rs` has the server's hostile
//! cases, `review.rs` quotes, review and what reads the record only.

mod hostile;
mod review;

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::common::{TestSite, base_source_with};

/// What the server answers on a path.
#[derive(Clone)]
pub(super) enum Answer {
    /// A whole response, bytes as sent.
    Raw(Vec<u8>),
    /// Headers, then a byte every 200 ms.
    Drip,
    /// Headers, then bytes until the client leaves.
    Endless,
    /// The connection reset without an answer.
    Reset,
}

pub(super) fn ok(body: &str) -> Answer {
    with(
        "200 OK",
        "Content-Type: text/html; charset=utf-8\r\n",
        body.as_bytes(),
    )
}

pub(super) fn with(status: &str, headers: &str, body: &[u8]) -> Answer {
    let mut r = format!(
        "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    r.extend_from_slice(body);
    Answer::Raw(r)
}

pub(super) fn redirect(code: &str, to: &str) -> Answer {
    with(code, &format!("Location: {to}\r\n"), b"")
}

/// A server on 127.0.0.1: each path answers its queue in turn, the last
/// answer again and again; `hits` lists the requests (`path` and
/// `If-None-Match` when sent).
pub(super) struct Server {
    pub(super) base: String,
    answers: Arc<Mutex<HashMap<String, Vec<Answer>>>>,
    hits: Arc<Mutex<Vec<String>>>,
}

impl Server {
    pub(super) fn start() -> Server {
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

    pub(super) fn on(&self, path: &str, answers: Vec<Answer>) -> &Self {
        self.answers.lock().unwrap().insert(path.into(), answers);
        self
    }

    pub(super) fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub(super) fn hits(&self) -> Vec<String> {
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
pub(super) fn site_with(url: &str, extra: &str) -> TestSite {
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

pub(super) const DAY: &str = "2026-03-01";

pub(super) fn sources_json(site: &TestSite) -> (i32, serde_json::Value) {
    let run = site.run(&["--today", DAY, "sources", "--format", "json"]);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", run.stdout, run.stderr));
    (run.code, v)
}

pub(super) fn first(v: &serde_json::Value) -> &serde_json::Value {
    &v["sources"][0]
}

pub(super) fn review(site: &TestSite) {
    site.run(&["--today", DAY, "review", "content/de/work.en.md"])
        .code(0);
}

pub(super) const PAGE: &str = "<html><head><title>Visa</title><script>var t = 1;</script></head><body>\
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
