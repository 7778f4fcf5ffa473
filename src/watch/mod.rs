//! Watching the official pages behind the sheets: fetch each source
//! politely (`fetch`, `robots`), reduce it to the text that matters
//! (`text`), compare it with the record (`record`) and update the record.
//! `check` and `status` use only the record; nothing here runs for them.

pub mod fetch;
pub mod links;
pub mod record;
pub mod robots;
pub mod state;
pub mod text;

use std::collections::{HashMap, VecDeque};
use std::path::Path;
use std::sync::Mutex;

use jiff::civil::Date;

use fetch::{Fetched, Fetcher, Validators};
use record::{Record, Seen, Status};

/// One URL to watch, with how to narrow its page.
#[derive(Debug, Clone)]
pub struct Job {
    pub url: String,
    pub selector: Option<String>,
    pub ignore: Vec<String>,
}

impl Job {
    /// A hash of how the page is narrowed; None when it is not.
    pub fn filter(&self) -> Option<String> {
        if self.selector.is_none() && self.ignore.is_empty() {
            return None;
        }
        let mut key = self.selector.clone().unwrap_or_default();
        for p in &self.ignore {
            key.push('\0');
            key.push_str(p);
        }
        Some(record::hash(key.as_bytes()))
    }
}

/// What watching one URL found, and its updated record.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub status: Status,
    pub http_status: Option<u16>,
    pub moved_to: Option<String>,
    /// Why a fetch failed, or that only bytes were compared.
    pub detail: Option<String>,
    pub record: Record,
    /// Whether this run fetched the page (text or 304), so it can be confirmed.
    pub fetched: bool,
}

/// The watched text of a body, or None when only its bytes can be
/// compared (a PDF without text).
pub fn extract(bytes: &[u8], content_type: Option<&str>, job: &Job) -> Option<String> {
    let ct = content_type.unwrap_or("").to_ascii_lowercase();
    if ct.contains("application/pdf") || bytes.starts_with(b"%PDF-") {
        return text::pdf_text(bytes).map(|t| text::clean(&t, &job.ignore));
    }
    let decoded = text::decode(bytes, content_type);
    let html = ct.contains("html")
        || (ct.is_empty() && decoded.trim_start().starts_with('<'))
        || ct.contains("xml");
    Some(if html {
        text::html_to_text(&decoded, job.selector.as_deref(), &job.ignore)
    } else {
        text::clean(&decoded, &job.ignore)
    })
}

/// Fetches one URL and compares it with its record (or a new one).
pub fn watch_one(fetcher: &Fetcher, job: &Job, old: Option<Record>, today: Date) -> Outcome {
    let mut rec = old.unwrap_or_else(|| Record::new(&job.url));
    let filter = job.filter();
    // A 304 would keep text made with another selector or ignore list.
    let validators = if rec.seen.hash.is_some() && rec.seen.filter == filter {
        Validators {
            etag: rec.seen.etag.clone(),
            last_modified: rec.seen.last_modified.clone(),
        }
    } else {
        Validators::default()
    };
    let prev = rec.seen.clone();
    let mut seen = Seen {
        since: None,
        ..prev.clone()
    };
    let mut detail = None;
    let mut fetched = true;
    let (moved, http) = match fetcher.fetch(&job.url, &validators) {
        Fetched::Body {
            final_url,
            http_status,
            content_type,
            bytes,
            etag,
            last_modified,
            moved_to,
        } => {
            match extract(&bytes, content_type.as_deref(), job) {
                Some(t) => {
                    seen.hash = Some(record::hash(t.as_bytes()));
                    seen.text = Some(t);
                    seen.bytes_only = false;
                }
                None => {
                    seen.hash = Some(record::hash(&bytes));
                    seen.text = Some(String::new());
                    seen.bytes_only = true;
                    detail = Some("no text could be extracted: the bytes are compared".into());
                }
            }
            (seen.final_url, seen.etag, seen.last_modified) =
                (Some(final_url), etag, last_modified);
            seen.filter = filter;
            (moved_to, Some(http_status))
        }
        Fetched::NotModified {
            final_url,
            moved_to,
        } => {
            seen.final_url = Some(final_url);
            (moved_to, Some(304))
        }
        Fetched::Failed {
            status,
            http_status,
            detail: d,
        } => {
            fetched = false;
            detail = Some(d);
            seen.status = Some(status);
            seen.http_status = http_status;
            seen.moved_to = None;
            (None, http_status)
        }
    };
    if fetched {
        // A 304 says nothing new: the record keeps the status it had, so an
        // unchanged run rewrites nothing.
        seen.http_status = if http == Some(304) {
            prev.http_status
        } else {
            http
        };
        seen.moved_to = moved.clone();
        seen.status = Some(if moved.is_some() {
            Status::Moved
        } else {
            match &rec.confirmed {
                Some(c) if Some(&c.hash) == seen.hash.as_ref() => Status::Unchanged,
                Some(_) => Status::Changed,
                None => Status::New,
            }
        });
    }
    // The day a state was first seen survives runs that see it again.
    seen.since = if prev.status == seen.status && prev.hash == seen.hash {
        prev.since.or(Some(today))
    } else {
        Some(today)
    };
    if seen.bytes_only && detail.is_none() {
        detail = Some("no text could be extracted: the bytes are compared".into());
    }
    let status = seen.status.unwrap_or(Status::New);
    rec.seen = seen;
    Outcome {
        status,
        http_status: http,
        moved_to: moved,
        detail,
        record: rec,
        fetched,
    }
}

/// Calls `f` on each URL: hosts in parallel (at most `hosts` at once),
/// one URL at a time per host (the fetcher also keeps each host's pause).
pub fn by_host<T: Send>(
    urls: &[&str],
    hosts: usize,
    f: impl Fn(&str) -> T + Sync,
) -> HashMap<String, T> {
    let mut groups: Vec<(String, Vec<&str>)> = Vec::new();
    for &url in urls {
        let host = fetch::host_of(url);
        match groups.iter_mut().find(|(h, _)| *h == host) {
            Some((_, list)) if !list.contains(&url) => list.push(url),
            Some(_) => {}
            None => groups.push((host, vec![url])),
        }
    }
    let queue = Mutex::new(groups.into_iter().collect::<VecDeque<_>>());
    let results = Mutex::new(HashMap::new());
    std::thread::scope(|s| {
        for _ in 0..hosts.max(1) {
            s.spawn(|| {
                loop {
                    let next = queue.lock().ok().and_then(|mut q| q.pop_front());
                    let Some((_, list)) = next else { break };
                    // The fetcher keeps each host's pause.
                    for url in list {
                        let got = f(url);
                        if let Ok(mut r) = results.lock() {
                            r.insert(url.to_string(), got);
                        }
                    }
                }
            });
        }
    });
    results.into_inner().unwrap_or_default()
}

/// Watches every job against its record under `root` (records are
/// read, not written).
pub fn run(
    fetcher: &Fetcher,
    root: &Path,
    jobs: &[Job],
    hosts: usize,
    today: Date,
) -> HashMap<String, Result<Outcome, String>> {
    let urls: Vec<&str> = jobs.iter().map(|j| j.url.as_str()).collect();
    by_host(&urls, hosts, |url| {
        let job = jobs.iter().find(|j| j.url == url).ok_or("no job")?;
        record::load(root, url).map(|old| watch_one(fetcher, job, old, today))
    })
}

/// Whether a link answers: `None` when it does (a page, a 304 or a body
/// too large to read), else its status, the HTTP status and why; a
/// permanent redirect is `moved`.
pub fn link_status(fetcher: &Fetcher, url: &str) -> Option<(Status, Option<u16>, String)> {
    match fetcher.fetch(url, &Validators::default()) {
        Fetched::Body {
            moved_to: Some(to),
            http_status,
            ..
        } => Some((Status::Moved, Some(http_status), to)),
        Fetched::NotModified {
            moved_to: Some(to), ..
        } => Some((Status::Moved, None, to)),
        Fetched::Body { .. } | Fetched::NotModified { .. } => None,
        Fetched::Failed {
            status: Status::TooLarge,
            ..
        } => None,
        Fetched::Failed {
            status,
            http_status,
            detail,
        } => Some((status, http_status, detail)),
    }
}
