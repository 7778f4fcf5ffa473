//! HTTP for `serve`: request paths to files of the site in memory (never
//! to the disk), responses, and the event stream that reloads open pages.

use std::collections::HashMap;
use std::io::Read;
use std::time::Duration;

use percent_encoding::percent_decode_str;
use tiny_http::{Header, Response, StatusCode};

use super::state::{EVENTS, LIVE_JS, Output, State, one, report};

type Body = Response<std::io::Cursor<Vec<u8>>>;

/// Answers one request.
pub fn answer(state: &State, request: tiny_http::Request) {
    let url = request.url().to_string();
    let Some(key) = resolve(&url) else {
        let _ = request.respond(not_found(state));
        return;
    };
    if key == EVENTS {
        let start = state.generation.lock().map(|g| *g).unwrap_or(0);
        let stream = Events {
            state,
            start,
            done: false,
        };
        let response = Response::new(
            StatusCode(200),
            vec![
                header("Content-Type", "text/event-stream"),
                header("Cache-Control", "no-store"),
            ],
            stream,
            None,
            None,
        );
        let _ = request.respond(response);
        return;
    }
    if key == LIVE_JS {
        let js = "new EventSource('/__factsheet/events').onmessage = () => location.reload();\n";
        let _ = request.respond(bytes(200, &content_type("x.js"), js.as_bytes().to_vec()));
        return;
    }
    state.judge_today();
    let form = url
        .split('#')
        .next()
        .and_then(|u| u.split_once('?'))
        .map_or("", |(_, q)| q);
    let response = match state.output.read().as_deref() {
        Ok(Output::Broken(page)) if key.ends_with(".html") => Some(bytes(
            500,
            "text/html; charset=utf-8",
            page.clone().into_bytes(),
        )),
        Ok(Output::Broken(_)) => Some(bytes(
            503,
            "text/plain; charset=utf-8",
            b"the site has errors\n".to_vec(),
        )),
        Ok(Output::Site { files, .. }) => match files.get(&key) {
            Some(b) => Some(bytes(200, &content_type(&key), b.clone())),
            None if files.contains_key(&format!("{key}/index.html")) => {
                Some(redirect(&format!("/{key}/{}", query(&url))))
            }
            // Addresses typed by hand, or printed before URLs were lower
            // case (`/sr-Cyrl/…`). A printout's version (`?v=…`) goes along.
            None if key != key.to_lowercase() && files.contains_key(&key.to_lowercase()) => {
                Some(redirect(&format!(
                    "{}{}",
                    url.split(['?', '#']).next().unwrap_or("").to_lowercase(),
                    query(&url)
                )))
            }
            // Made below, once the lock is released.
            None => None,
        },
        Err(_) => Some(bytes(500, "text/plain", b"internal error\n".to_vec())),
    };
    // The pack form and its PDF are never among the built files: asked
    // for only when the key is not (the model it needs is not made for
    // every request).
    let response = response.or_else(|| {
        let a = state.pack(&key, form)?;
        let mut response = bytes(a.status, a.content_type, a.body);
        if let Some(to) = a.location {
            response.add_header(header("Location", &to));
        }
        if let Some(name) = a.file_name {
            response.add_header(header(
                "Content-Disposition",
                &format!("inline; filename=\"{name}\""),
            ));
        }
        Some(response)
    });
    let response = response.unwrap_or_else(|| match state.make(&key) {
        Some(Ok(body)) => bytes(200, &content_type(&key), body),
        Some(Err(d)) => bytes(
            500,
            "text/plain; charset=utf-8",
            report(&one(d)).into_bytes(),
        ),
        None => not_found(state),
    });
    let _ = request.respond(response);
}

/// Maps a request path to a file of the output: `None` for anything that
/// could point elsewhere (`..`, `.`, backslashes, NUL, bad encoding).
pub fn resolve(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') {
        return None;
    }
    let decoded = percent_decode_str(path).decode_utf8().ok()?;
    let mut parts = Vec::new();
    for seg in decoded.split('/') {
        if seg.is_empty() {
            continue;
        }
        if seg == "."
            || seg == ".."
            || seg.contains(['\\', '\0', ':'])
            || seg.chars().any(char::is_control)
        {
            return None;
        }
        parts.push(seg);
    }
    let mut key = parts.join("/");
    if decoded.ends_with('/') || key.is_empty() {
        if !key.is_empty() {
            key.push('/');
        }
        key.push_str("index.html");
    }
    Some(key)
}

/// The Content-Type of a file, by its extension; text in UTF-8.
fn content_type(path: &str) -> String {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let text =
        mime.type_() == mime_guess::mime::TEXT || mime.subtype() == mime_guess::mime::JAVASCRIPT;
    if text {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_string()
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .unwrap_or_else(|_| Header::from_bytes(&b"X-Bad"[..], &b"1"[..]).expect("static header"))
}

fn bytes(status: u16, ctype: &str, body: Vec<u8>) -> Body {
    Response::from_data(body)
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", ctype))
        .with_header(header("Cache-Control", "no-store"))
}

/// The request's query, `?` included, when it is plain URL text; else
/// nothing.
fn query(url: &str) -> String {
    url.split('#')
        .next()
        .and_then(|u| u.split_once('?'))
        .map(|(_, q)| q)
        .filter(|q| !q.is_empty() && q.bytes().all(|b| b.is_ascii_graphic()))
        .map_or_else(String::new, |q| format!("?{q}"))
}

fn redirect(to: &str) -> Body {
    let mut r = bytes(301, "text/plain", Vec::new());
    r.add_header(header("Location", to));
    r
}

fn not_found(state: &State) -> Body {
    match state.output.read().as_deref() {
        Ok(Output::Site { files, .. }) => not_found_in(files),
        _ => bytes(404, "text/plain; charset=utf-8", b"not found\n".to_vec()),
    }
}

/// The site's own 404 page.
fn not_found_in(files: &HashMap<String, Vec<u8>>) -> Body {
    let page = files
        .get("404.html")
        .cloned()
        .unwrap_or_else(|| b"not found\n".to_vec());
    bytes(404, "text/html; charset=utf-8", page)
}

struct Events<'s> {
    state: &'s State,
    start: u64,
    done: bool,
}

impl Read for Events<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.done {
            return Ok(0);
        }
        let Ok(mut g) = self.state.generation.lock() else {
            return Ok(0);
        };
        while *g == self.start {
            match self.state.changed.wait_timeout(g, Duration::from_secs(15)) {
                Ok((guard, timeout)) => {
                    g = guard;
                    if timeout.timed_out() && *g == self.start {
                        // A comment keeps the connection alive.
                        let ping = b": ping\n\n";
                        let n = ping.len().min(buf.len());
                        buf[..n].copy_from_slice(&ping[..n]);
                        return Ok(n);
                    }
                }
                Err(_) => return Ok(0),
            }
        }
        self.done = true;
        let msg = b"data: reload\n\n";
        let n = msg.len().min(buf.len());
        buf[..n].copy_from_slice(&msg[..n]);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_never_leave_the_output() {
        assert_eq!(resolve("/").as_deref(), Some("index.html"));
        assert_eq!(
            resolve("/sq/de/work/").as_deref(),
            Some("sq/de/work/index.html")
        );
        assert_eq!(
            resolve("/sq/de/work/handout.pdf?x=1").as_deref(),
            Some("sq/de/work/handout.pdf")
        );
        assert_eq!(resolve("/sr-Cyrl/").as_deref(), Some("sr-Cyrl/index.html"));
        assert_eq!(
            resolve("//etc/passwd").as_deref(),
            Some("etc/passwd"),
            "absolute paths stay inside"
        );
        for bad in [
            "/../Cargo.toml",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/en/%2E%2E/%2e%2e/x",
            "/a/./b",
            "/..%2fx",
            "/x%5c..%5cy",
            "/%00",
            "/%ff",
            "relative",
            "/C:/x",
        ] {
            assert_eq!(resolve(bad), None, "{bad}");
        }
    }
}
