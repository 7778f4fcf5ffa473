//! Polite, bounded HTTP: one request at a time per host with a pause,
//! time-outs, a body limit that holds after decompression too, redirects
//! followed by hand (to tell permanent from temporary), retries on 429
//! and 5xx honouring `Retry-After`, conditional requests, robots.txt.
//! ureq 3: blocking (no async runtime for a batch job), rustls (no
//! OpenSSL), proxies from `HTTPS_PROXY`/`NO_PROXY`, and small.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use super::record::Status;
use super::robots::Robots;
use crate::config::FetchConfig;

/// At most this many redirects are followed.
const MAX_REDIRECTS: usize = 5;
/// Retries after the first try, on 429, 500, 502, 503 and 504.
const RETRIES: u32 = 2;
/// The longest `Retry-After` honoured; a longer one counts as refused.
const RETRY_CAP: Duration = Duration::from_secs(30);

/// What one fetch gave.
#[derive(Debug)]
pub enum Fetched {
    Body {
        final_url: String,
        http_status: u16,
        content_type: Option<String>,
        bytes: Vec<u8>,
        etag: Option<String>,
        last_modified: Option<String>,
        /// Set when a permanent redirect (301/308) led here.
        moved_to: Option<String>,
    },
    /// 304: the page is as last seen.
    NotModified {
        final_url: String,
        moved_to: Option<String>,
    },
    Failed {
        status: Status,
        http_status: Option<u16>,
        detail: String,
    },
}

/// What a conditional request can send.
#[derive(Debug, Default, Clone)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

pub struct Fetcher {
    agent: ureq::Agent,
    max_bytes: u64,
    pub delay: Duration,
    robots: Mutex<HashMap<String, Arc<Robots>>>,
    /// Per host: whether a request is under way, and when the last ended.
    hosts: Mutex<HashMap<String, (bool, Instant)>>,
    turns: Condvar,
    /// Bytes received, compressed, for the benchmark's report.
    pub received: std::sync::atomic::AtomicU64,
}

/// `scheme://host:port`, the unit of politeness.
pub fn host_of(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(u) => format!(
            "{}://{}:{}",
            u.scheme(),
            u.host_str().unwrap_or(""),
            u.port_or_known_default().unwrap_or(0)
        ),
        Err(_) => url.to_string(),
    }
}

impl Fetcher {
    pub fn new(cfg: &FetchConfig, base_url: &str) -> Fetcher {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .https_only(false)
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_global(Some(Duration::from_secs(cfg.timeout_seconds.into())))
            .user_agent(format!(
                "factsheet/{} (+{base_url})",
                env!("CARGO_PKG_VERSION")
            ))
            .build()
            .new_agent();
        Fetcher {
            agent,
            max_bytes: u64::from(cfg.max_mib) << 20,
            delay: Duration::from_millis(cfg.delay_ms.into()),
            robots: Mutex::new(HashMap::new()),
            hosts: Mutex::new(HashMap::new()),
            turns: Condvar::new(),
            received: 0.into(),
        }
    }

    /// Waits for `host`'s turn: no other request to it under way, and the
    /// pause since the last one over. Held until the guard drops, so a
    /// redirect to another site's host, or robots.txt, is polite too.
    fn turn(&self, host: &str) -> Turn<'_> {
        let mut map = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
        while let Some((true, _)) = map.get(host) {
            map = self.turns.wait(map).unwrap_or_else(|e| e.into_inner());
        }
        let last = map.get(host).map(|(_, t)| *t);
        map.insert(host.to_string(), (true, Instant::now()));
        drop(map);
        if let Some(wait) =
            last.and_then(|t| (t + self.delay).checked_duration_since(Instant::now()))
        {
            std::thread::sleep(wait);
        }
        Turn {
            fetcher: self,
            host: host.to_string(),
        }
    }

    /// Fetches `url`, following up to five redirects, each request in its
    /// host's turn.
    pub fn fetch(&self, url: &str, v: &Validators) -> Fetched {
        let mut seen = HashSet::new();
        let mut current = url.to_string();
        let mut moved_to = None;
        for hop in 0..=MAX_REDIRECTS {
            let Ok(parsed) = url::Url::parse(&current) else {
                return failed(
                    Status::Broken,
                    None,
                    format!("`{current}` is not an address"),
                );
            };
            if !matches!(parsed.scheme(), "http" | "https") {
                return failed(
                    Status::Broken,
                    None,
                    format!("redirect to `{current}`, not a web address"),
                );
            }
            if !seen.insert(current.clone()) {
                return failed(Status::Broken, None, format!("redirect loop at {current}"));
            }
            if !self.allowed(&parsed) {
                return failed(Status::Blocked, None, "robots.txt disallows it".into());
            }
            let validators = if hop == 0 {
                v.clone()
            } else {
                Validators::default()
            };
            let _turn = self.turn(&host_of(&current));
            let resp = match self.get_with_retries(&current, &validators) {
                Ok(r) => r,
                Err(f) => return f,
            };
            let code = resp.status().as_u16();
            let header = |n: &str| {
                resp.headers()
                    .get(n)
                    .and_then(|h| h.to_str().ok())
                    .map(str::to_string)
            };
            match code {
                301 | 302 | 303 | 307 | 308 => {
                    let Some(loc) = header("location") else {
                        return failed(
                            Status::Broken,
                            Some(code),
                            "redirect without `Location`".into(),
                        );
                    };
                    let Ok(next) = parsed.join(&loc) else {
                        return failed(
                            Status::Broken,
                            Some(code),
                            format!("bad `Location: {loc}`"),
                        );
                    };
                    current = next.to_string();
                    if matches!(code, 301 | 308) {
                        moved_to = Some(current.clone());
                    }
                }
                304 => {
                    return Fetched::NotModified {
                        final_url: current,
                        moved_to,
                    };
                }
                200..=299 => return self.body(resp, current, moved_to),
                401 | 403 | 429 => {
                    return failed(Status::Blocked, Some(code), format!("HTTP {code}"));
                }
                _ => return failed(Status::Broken, Some(code), format!("HTTP {code}")),
            }
        }
        failed(
            Status::Broken,
            None,
            format!("more than {MAX_REDIRECTS} redirects"),
        )
    }

    fn get_with_retries(
        &self,
        url: &str,
        v: &Validators,
    ) -> Result<ureq::http::Response<ureq::Body>, Fetched> {
        let mut attempt = 0;
        loop {
            let mut req = self.agent.get(url).header("Accept-Encoding", "gzip");
            if let Some(e) = &v.etag {
                req = req.header("If-None-Match", e);
            }
            if let Some(m) = &v.last_modified {
                req = req.header("If-Modified-Since", m);
            }
            let resp = req.call().map_err(|e| transport(&e))?;
            let code = resp.status().as_u16();
            if !matches!(code, 429 | 500 | 502 | 503 | 504) || attempt >= RETRIES {
                return Ok(resp);
            }
            let wait = resp
                .headers()
                .get("retry-after")
                .and_then(|h| h.to_str().ok())
                .and_then(retry_after);
            let wait = match wait {
                Some(w) if w > RETRY_CAP => return Ok(resp),
                Some(w) => w,
                None => self.delay.max(Duration::from_millis(250)) * 2u32.pow(attempt),
            };
            drop(resp);
            attempt += 1;
            std::thread::sleep(wait.max(self.delay));
        }
    }

    /// Reads a body within the limit, then inflates gzip within it too.
    fn body(
        &self,
        mut resp: ureq::http::Response<ureq::Body>,
        final_url: String,
        moved_to: Option<String>,
    ) -> Fetched {
        let code = resp.status().as_u16();
        let header = |n: &str| {
            resp.headers()
                .get(n)
                .and_then(|h| h.to_str().ok())
                .map(str::to_string)
        };
        let (etag, last_modified) = (header("etag"), header("last-modified"));
        let content_type = header("content-type");
        let gzip = header("content-encoding").is_some_and(|e| e.eq_ignore_ascii_case("gzip"));
        let raw = match resp
            .body_mut()
            .with_config()
            .limit(self.max_bytes)
            .read_to_vec()
        {
            Ok(b) => b,
            Err(e) => return transport(&e),
        };
        self.received
            .fetch_add(raw.len() as u64, std::sync::atomic::Ordering::Relaxed);
        let bytes = if gzip {
            let mut out = Vec::new();
            let mut dec = flate2::read::GzDecoder::new(&raw[..]).take(self.max_bytes + 1);
            if let Err(e) = dec.read_to_end(&mut out) {
                return failed(Status::Broken, Some(code), format!("bad gzip body: {e}"));
            }
            if out.len() as u64 > self.max_bytes {
                return too_large(self.max_bytes, "decompressed");
            }
            out
        } else {
            raw
        };
        Fetched::Body {
            final_url,
            http_status: code,
            content_type,
            bytes,
            etag,
            last_modified,
            moved_to,
        }
    }

    /// Whether robots.txt lets factsheet fetch the URL; read once a host.
    fn allowed(&self, url: &url::Url) -> bool {
        let host = host_of(url.as_str());
        let known = self.robots.lock().ok().and_then(|m| m.get(&host).cloned());
        let robots = match known {
            Some(r) => r,
            None => {
                let r = Arc::new(self.read_robots(&host));
                if let Ok(mut m) = self.robots.lock() {
                    m.insert(host, r.clone());
                }
                r
            }
        };
        let path = match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_string(),
        };
        robots.allows(&path)
    }

    /// RFC 9309: a missing file (4xx) allows all; an unreachable one or a
    /// 5xx disallows all.
    fn read_robots(&self, host: &str) -> Robots {
        let _turn = self.turn(host);
        let got = self
            .agent
            .get(&format!("{host}/robots.txt"))
            .call()
            .map_err(|e| transport(&e));
        match got {
            Ok(mut r) if r.status().is_success() => {
                let body = r.body_mut().with_config().limit(512 << 10).read_to_vec();
                body.map(|b| Robots::parse(&String::from_utf8_lossy(&b), "factsheet"))
                    .unwrap_or_else(|_| Robots::allow_all())
            }
            Ok(r) if r.status().is_client_error() => Robots::allow_all(),
            _ => Robots::disallow_all(),
        }
    }
}

/// `Retry-After`: seconds, or an HTTP date (RFC 9110).
fn retry_after(v: &str) -> Option<Duration> {
    let v = v.trim();
    if let Ok(n) = v.parse::<u64>() {
        return Some(Duration::from_secs(n));
    }
    let at = jiff::fmt::rfc2822::parse(v).ok()?.timestamp();
    let secs = (at - jiff::Timestamp::now()).get_seconds().max(0);
    Some(Duration::from_secs(u64::try_from(secs).unwrap_or(0)))
}

/// A host's turn; its end starts the host's pause.
struct Turn<'a> {
    fetcher: &'a Fetcher,
    host: String,
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        let mut map = self.fetcher.hosts.lock().unwrap_or_else(|e| e.into_inner());
        map.insert(std::mem::take(&mut self.host), (false, Instant::now()));
        self.fetcher.turns.notify_all();
    }
}

fn failed(status: Status, http_status: Option<u16>, detail: String) -> Fetched {
    Fetched::Failed {
        status,
        http_status,
        detail,
    }
}

fn too_large(max: u64, what: &str) -> Fetched {
    failed(
        Status::TooLarge,
        None,
        format!("the {what} body is over {} MiB", max >> 20),
    )
}

/// A transport error as a status: time-outs, refusals, TLS and DNS are
/// `unreachable`; a body over the limit is `too-large`.
fn transport(e: &ureq::Error) -> Fetched {
    match e {
        ureq::Error::BodyExceedsLimit(n) => too_large(*n, "received"),
        ureq::Error::Timeout(_) => failed(Status::Unreachable, None, "timed out".into()),
        other => failed(Status::Unreachable, None, other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_takes_seconds_or_a_date() {
        assert_eq!(retry_after(" 3 "), Some(Duration::from_secs(3)));
        assert_eq!(
            retry_after("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after("soon"), None);
        assert_eq!(host_of("https://a.example/x"), "https://a.example:443");
    }
}
