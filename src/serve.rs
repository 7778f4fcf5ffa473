//! `serve`: a preview for editors. The site is built in memory (never
//! written to disk), served over HTTP from that memory only, rebuilt when a
//! watched file changes, and open pages reload themselves. A broken build
//! shows its diagnostics in the browser instead of a stale page. PDFs are
//! made when first asked for.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::{Duration, Instant};

use jiff::civil::Date;
use percent_encoding::percent_decode_str;
use tiny_http::{Header, Response, Server, StatusCode};

use crate::content::Site;
use crate::content::load::{Fatal, load};
use crate::diagnostics::{self, Code, Diagnostics, Format, Severity};
use crate::render::pdf::world::Typesetter;
use crate::render::{self, Build};
use crate::theme::Theme;
use crate::validate::validate;

/// Where the reload script and its event stream live; nothing of the site
/// can have these paths (no folder starts with `__`).
const LIVE_JS: &str = "__factsheet/live.js";
const EVENTS: &str = "__factsheet/events";
const SCRIPT_TAG: &str = "<script src=\"/__factsheet/live.js\"></script>";

pub struct Options {
    pub root: PathBuf,
    pub bind: String,
    pub port: u16,
    /// A fixed day (`--today`); otherwise each rebuild and request is
    /// judged against the current day.
    pub today: Option<Date>,
    pub pdf: bool,
    pub quiet: bool,
}

impl Options {
    fn day(&self) -> Date {
        self.today.unwrap_or_else(|| jiff::Zoned::now().date())
    }
}

/// The site as currently served.
#[allow(clippy::large_enum_variant)] // one value, swapped whole: no gain in boxing
enum Output {
    Site {
        files: HashMap<String, Vec<u8>>,
        /// Shared with requests that render from it outside the lock.
        site: Arc<Site>,
        theme: Arc<Theme>,
        typesetter: Option<Arc<Typesetter>>,
        /// The day the site was judged against.
        day: Date,
        /// Bumped on every change: output made from an older site is not kept.
        version: u64,
    },
    /// The last rebuild failed: its diagnostics, as a page.
    Broken(String),
}

struct State {
    output: RwLock<Output>,
    /// Bumped after every rebuild; event streams wait on it.
    generation: Mutex<u64>,
    changed: Condvar,
    opts: Options,
    base_url: String,
    /// Versions of `Output::Site`.
    versions: std::sync::atomic::AtomicU64,
    /// Held while a new day's rebuild runs, so that it runs once.
    new_day: Mutex<()>,
}

impl State {
    fn next_version(&self) -> u64 {
        self.versions
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            + 1
    }
}

/// Sends small writes at once. tiny_http writes a response's head and body
/// separately; with Nagle's algorithm the body's last segment waited for
/// the client's delayed ACK, 40 ms on Linux, on every keep-alive request.
/// Accepted connections inherit the option from the listener on Linux.
fn no_delay(listener: &std::net::TcpListener) {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        let one: libc::c_int = 1;
        // SAFETY: a valid socket, and a pointer to an int of the given size.
        unsafe {
            libc::setsockopt(
                listener.as_raw_fd(),
                libc::IPPROTO_TCP,
                libc::TCP_NODELAY,
                (&one as *const libc::c_int).cast(),
                std::mem::size_of::<libc::c_int>() as libc::socklen_t,
            );
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = listener;
}

/// Builds, serves and watches until the process is stopped.
pub fn run(opts: Options) -> Result<(), String> {
    let quiet = opts.quiet;
    let addr = format!("{}:{}", opts.bind, opts.port);
    let server = std::net::TcpListener::bind(&addr)
        .map_err(|e| e.to_string())
        .and_then(|listener| {
            no_delay(&listener);
            Server::from_listener(listener, None).map_err(|e| e.to_string())
        })
        .map_err(|e| {
            format!("cannot listen on {addr}: {e}; is another `factsheet serve` running? Choose another --port")
        })?;
    let host = if opts.bind.contains(':') {
        format!("[{}]", opts.bind)
    } else {
        opts.bind.clone()
    };
    let base_url = format!("http://{host}:{}/", opts.port);
    let state = Arc::new(State {
        output: RwLock::new(Output::Broken(String::new())),
        generation: Mutex::new(0),
        changed: Condvar::new(),
        base_url: base_url.clone(),
        opts,
        versions: Default::default(),
        new_day: Mutex::new(()),
    });
    rebuild(&state, quiet);
    let scope = if is_loopback(&state.opts.bind) {
        "on this computer only; use --bind 0.0.0.0 to let others on the network see it"
    } else {
        "visible to other computers on the network"
    };
    eprintln!(
        "serving {} at {base_url} ({scope}); press Ctrl+C to stop",
        state.opts.root.display()
    );
    let _watcher = watch(Arc::clone(&state), quiet)?;
    for request in server.incoming_requests() {
        let state = Arc::clone(&state);
        std::thread::spawn(move || answer(&state, request));
    }
    Ok(())
}

fn is_loopback(bind: &str) -> bool {
    bind == "localhost"
        || bind
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Rebuilds the site in memory and tells open pages to reload.
fn rebuild(state: &State, quiet: bool) {
    let started = Instant::now();
    let output = match build(state) {
        Ok(o) => {
            if let Output::Site { files, .. } = &o
                && !quiet
            {
                let pages = files.keys().filter(|p| p.ends_with(".html")).count();
                eprintln!(
                    "built {pages} pages in {} ms",
                    started.elapsed().as_millis()
                );
            }
            o
        }
        Err(diags) => Output::Broken(overlay(&report(&diags))),
    };
    if let Ok(mut out) = state.output.write() {
        *out = output;
    }
    bump(state);
}

/// Tells open pages to reload.
fn bump(state: &State) {
    if let Ok(mut g) = state.generation.lock() {
        *g += 1;
        state.changed.notify_all();
    }
}

/// Applies saved edits of existing sheets without a full rebuild: reads
/// those files again, re-renders the pages that show them (every language's
/// sheet, destination and home pages, feeds and sitemap), and forgets the
/// search indexes and PDFs they change, which are made again on request.
/// False when the change needs a full rebuild.
fn update(state: &State, changed: &[PathBuf]) -> bool {
    let Ok(mut out) = state.output.write() else {
        return false;
    };
    let Output::Site {
        files,
        site,
        theme,
        day,
        version,
        ..
    } = &mut *out
    else {
        return false;
    };
    // A new day changes every page's freshness: rebuild all.
    if *day != state.opts.day() {
        return false;
    }
    *version = state.next_version();
    // Requests may still be reading the old site: they keep their copy.
    let site = Arc::make_mut(site);
    let mut diags = Diagnostics::default();
    let mut touched = Vec::new();
    for path in changed {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let is_sheet = crate::content::names::split_sheet_name(name).is_some();
        // An editor's temporary file, already renamed over the sheet.
        if !is_sheet && !path.exists() {
            continue;
        }
        // New, removed or other files (Fluent, theme, site.yaml): rebuild all.
        if !is_sheet || !crate::content::load::reload_sheet(site, path, &mut diags) {
            return false;
        }
        let dest = path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if let Some((route, _)) = crate::content::names::split_sheet_name(name) {
            touched.push((dest, route.to_string()));
        }
    }
    diags.extend(validate(site, *day));
    if let Err(errors) = errors_only(diags) {
        let page = overlay(&report(&errors));
        *out = Output::Broken(page);
        return true;
    }
    let build = Build::new(site, *day, &state.base_url);
    let mut pages = Vec::new();
    for lang in site.config.tags() {
        pages.push(render::Page::Home { lang });
        for (dest, route) in &touched {
            if let Some(i) = build
                .sheets
                .iter()
                .position(|s| s.destination == dest && s.route == route)
            {
                pages.push(render::Page::Sheet { lang, sheet: i });
            }
            if let Some(d) = build.destinations().into_iter().find(|d| d == dest) {
                pages.push(render::Page::Destination { lang, dest: d });
            }
        }
    }
    let Ok(rendered) = render::render_pages(&build, theme, state.opts.pdf, &pages) else {
        return false;
    };
    for f in rendered {
        files.insert(f.path, inject(f.bytes));
    }
    // Feeds, sitemap and search indexes cover every sheet: made again when
    // next requested, so that a save costs only the pages it changes.
    files.remove("sitemap.xml");
    for lang in site.config.tags() {
        files.remove(&render::feed::path(lang));
        files.remove(&render::search::path(lang));
        let seg = crate::lang::url_segment(lang);
        for (dest, route) in &touched {
            files.remove(&format!("{seg}/{dest}/{route}/handout.pdf"));
            files.remove(&format!("{seg}/{dest}/booklet.pdf"));
        }
    }
    true
}

/// The errors that stop a preview (stale content only warns).
fn errors_only(diags: Diagnostics) -> Result<(), Diagnostics> {
    let mut errors = Diagnostics::default();
    for d in crate::commands::as_published(&diags).iter() {
        if d.severity == Severity::Error {
            errors.push(d.clone());
        }
    }
    if errors.errors() > 0 {
        Err(errors)
    } else {
        Ok(())
    }
}

/// Diagnostics as the terminal shows them; printed there too.
fn report(diags: &Diagnostics) -> String {
    let mut text = Vec::new();
    let _ = diagnostics::render(diags, Format::Human, false, &mut text, false);
    let text = String::from_utf8_lossy(&text).into_owned();
    eprint!("{text}");
    eprintln!("the site has errors: the browser shows them until they are fixed");
    text
}

/// The site's pages (no PDFs yet), or every error that stops it.
fn build(state: &State) -> Result<Output, Diagnostics> {
    let (opts, base_url) = (&state.opts, state.base_url.as_str());
    let today = opts.day();
    let mut diags = Diagnostics::default();
    let site = match load(&opts.root, &mut diags) {
        Ok(site) => site,
        Err(Fatal(msg)) => {
            diags.push(diagnostics::Diagnostic::error(Code::Config, msg));
            return Err(diags);
        }
    };
    diags.extend(validate(&site, today));
    // Stale content is previewed with its warning, as `build` publishes it.
    errors_only(diags)?;
    let shown =
        |p: &Path| crate::content::shown(&site.root, p.strip_prefix(&site.root).unwrap_or(p));
    let theme = Theme::load(&site.root, &shown).map_err(one)?;
    let build = Build::new(&site, today, base_url);
    let rendered = render::render(&build, &theme, opts.pdf, false).map_err(one)?;
    let files = rendered
        .files
        .into_iter()
        .map(|f| {
            let bytes = if f.path.ends_with(".html") {
                inject(f.bytes)
            } else {
                f.bytes
            };
            (f.path, bytes)
        })
        .collect();
    let typesetter = opts
        .pdf
        .then(|| Arc::new(render::pdf::typesetter(&theme, today)));
    Ok(Output::Site {
        files,
        site: Arc::new(site),
        theme: Arc::new(theme),
        typesetter,
        day: today,
        version: state.next_version(),
    })
}

fn one(d: diagnostics::Diagnostic) -> Diagnostics {
    let mut diags = Diagnostics::default();
    diags.push(d);
    diags
}

/// Adds the reload script to a page (only in `serve`, never in `build`).
fn inject(html: Vec<u8>) -> Vec<u8> {
    let text = String::from_utf8_lossy(&html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{SCRIPT_TAG}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{SCRIPT_TAG}").into_bytes(),
    }
}

/// The page shown in place of every page while the site is broken.
fn overlay(diagnostics: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>factsheet: the site has errors</title><style>body{{font:16px/1.5 system-ui,sans-serif;margin:1rem;color:#1a1a1a}}\
pre{{white-space:pre-wrap;background:#fff4e5;border-left:6px solid #a40e26;padding:1rem}}</style></head>\
<body><main><h1>The site has errors</h1><p>Fix them and save: this page reloads by itself.</p><pre id=\"factsheet-errors\">{}</pre></main>{SCRIPT_TAG}</body></html>\n",
        crate::render::escape_xml(diagnostics)
    )
}

/// Watches the site's sources; a burst of saves makes one rebuild.
fn watch(state: Arc<State>, quiet: bool) -> Result<notify::RecommendedWatcher, String> {
    use notify::{EventKind, Watcher};
    let (tx, rx) = std::sync::mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher =
        notify::recommended_watcher(tx).map_err(|e| format!("cannot watch files: {e}"))?;
    for dir in ["content", "translations", "themes"] {
        let path = state.opts.root.join(dir);
        if path.is_dir() {
            watcher
                .watch(&path, notify::RecursiveMode::Recursive)
                .map_err(|e| format!("cannot watch {}: {e}", path.display()))?;
        }
    }
    // Changes only: reading files (as a rebuild does) must not trigger one.
    let relevant = |e: &notify::Event| {
        matches!(
            e.kind,
            EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
        ) && !matches!(
            e.kind,
            EventKind::Modify(notify::event::ModifyKind::Metadata(_))
        ) && e.paths.iter().any(|p| !is_noise(p))
    };
    std::thread::spawn(move || {
        while let Ok(event) = rx.recv() {
            let Ok(event) = event.as_ref() else { continue };
            if !relevant(event) {
                continue;
            }
            let mut changed = event.paths.clone();
            // Debounce: wait until the burst of events (save, rename, …) ends.
            while let Ok(more) = rx.recv_timeout(Duration::from_millis(60)) {
                if let Ok(e) = more
                    && relevant(&e)
                {
                    changed.extend(e.paths);
                }
            }
            changed.sort();
            changed.dedup();
            let started = Instant::now();
            if update(&state, &changed) {
                if !quiet {
                    eprintln!("updated in {} ms", started.elapsed().as_millis());
                }
                bump(&state);
            } else {
                rebuild(&state, quiet);
            }
        }
    });
    Ok(watcher)
}

/// Editors' swap and backup files.
fn is_noise(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.starts_with(".#")
        || name.ends_with(".stamp-tmp")
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

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "pdf" => "application/pdf",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .unwrap_or_else(|_| Header::from_bytes(&b"X-Bad"[..], &b"1"[..]).expect("static header"))
}

fn answer(state: &State, request: tiny_http::Request) {
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
        let _ = request.respond(bytes(
            200,
            "text/javascript; charset=utf-8",
            js.as_bytes().to_vec(),
        ));
        return;
    }
    judge_today(state);
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
            Some(b) => Some(bytes(200, content_type(&key), b.clone())),
            None if files.contains_key(&format!("{key}/index.html")) => {
                let mut r = bytes(301, "text/plain", Vec::new());
                r.add_header(header("Location", &format!("/{key}/")));
                Some(r)
            }
            // Addresses typed by hand, or printed before URLs were lower
            // case (`/sr-Cyrl/…`).
            None if key != key.to_lowercase() && files.contains_key(&key.to_lowercase()) => {
                let lower = url.split(['?', '#']).next().unwrap_or("").to_lowercase();
                let mut r = bytes(301, "text/plain", Vec::new());
                r.add_header(header("Location", &lower));
                Some(r)
            }
            // Typeset below, once the lock is released.
            None if key.ends_with(".pdf")
                || key.ends_with("/search-index.json")
                || key.ends_with("/feed.xml")
                || key == "sitemap.xml" =>
            {
                None
            }
            None => Some(not_found_in(files)),
        },
        Err(_) => Some(bytes(500, "text/plain", b"internal error\n".to_vec())),
    };
    match response {
        Some(r) => {
            let _ = request.respond(r);
        }
        None => made_on_request(state, request, &key),
    }
}

/// Rebuilds first when the day has changed since the site was built (and
/// no `--today` fixes it): a preview left running past midnight must not
/// show yesterday's freshness.
fn judge_today(state: &State) {
    let stale = |state: &State| {
        state.opts.today.is_none()
            && matches!(state.output.read().as_deref(),
                Ok(Output::Site { day, .. }) if *day != state.opts.day())
    };
    if stale(state)
        && let Ok(_one) = state.new_day.lock()
        && stale(state)
    {
        rebuild(state, state.opts.quiet);
    }
}

/// Makes a PDF, a search index, a feed or the sitemap on first request,
/// then keeps it until the next change. The work is done outside the lock,
/// on the site as it was asked of; a result is kept only if the site has
/// not changed meanwhile.
fn made_on_request(state: &State, request: tiny_http::Request, key: &str) {
    let snapshot = match state.output.read().as_deref() {
        Ok(Output::Site {
            site,
            theme: _,
            typesetter,
            day,
            version,
            ..
        }) => Some((Arc::clone(site), typesetter.clone(), *day, *version)),
        _ => None,
    };
    let made = snapshot.as_ref().and_then(|(site, typesetter, day, _)| {
        let build = Build::new(site, *day, &state.base_url);
        if key.ends_with("/search-index.json") {
            site.config
                .tags()
                .find(|t| render::search::path(t) == key)
                .map(|lang| Ok(render::search::render(&build, lang).bytes))
        } else if key.ends_with("/feed.xml") {
            site.config
                .tags()
                .find(|t| render::feed::path(t) == key)
                .map(|lang| Ok(render::feed::render(&build, lang).bytes))
        } else if key == "sitemap.xml" {
            Some(Ok(render::sitemap::render(&build, &build.pages()).bytes))
        } else {
            typesetter
                .as_ref()
                .and_then(|t| render::pdf::render_one(&build, t, key))
                .map(|r| r.map(|made| made.file.bytes))
        }
    });
    let response = match made {
        Some(Ok(body)) => {
            if let Some((.., made_from)) = snapshot {
                keep(state, key, &body, made_from);
            }
            bytes(200, content_type(key), body)
        }
        Some(Err(d)) => bytes(
            500,
            "text/plain; charset=utf-8",
            report(&one(d)).into_bytes(),
        ),
        None => not_found(state),
    };
    let _ = request.respond(response);
}

/// Keeps output made on request, unless the site changed since it was
/// made from version `made_from`.
fn keep(state: &State, key: &str, body: &[u8], made_from: u64) -> bool {
    if let Ok(mut out) = state.output.write()
        && let Output::Site { files, version, .. } = &mut *out
        && *version == made_from
    {
        files.insert(key.to_string(), body.to_vec());
        return true;
    }
    false
}

fn bytes(status: u16, ctype: &str, body: Vec<u8>) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(body)
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", ctype))
        .with_header(header("Cache-Control", "no-store"))
}

fn not_found(state: &State) -> Response<std::io::Cursor<Vec<u8>>> {
    match state.output.read().as_deref() {
        Ok(Output::Site { files, .. }) => not_found_in(files),
        _ => bytes(404, "text/plain; charset=utf-8", b"not found\n".to_vec()),
    }
}

/// The site's own 404 page.
fn not_found_in(files: &HashMap<String, Vec<u8>>) -> Response<std::io::Cursor<Vec<u8>>> {
    let page = files
        .get("404.html")
        .cloned()
        .unwrap_or_else(|| b"not found\n".to_vec());
    bytes(404, "text/html; charset=utf-8", page)
}

/// A server-sent event stream that sends one `reload` after the next
/// rebuild, then ends (the page reloads and opens a new one).
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

    fn state(today: Option<Date>) -> State {
        State {
            output: RwLock::new(Output::Broken(String::new())),
            generation: Mutex::new(0),
            changed: Condvar::new(),
            opts: Options {
                root: Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base"),
                bind: "127.0.0.1".into(),
                port: 0,
                today,
                pdf: false,
                quiet: true,
            },
            base_url: "http://127.0.0.1/".into(),
            versions: Default::default(),
            new_day: Mutex::new(()),
        }
    }

    fn day_and_version(state: &State) -> (Date, u64) {
        match &*state.output.read().unwrap() {
            Output::Site { day, version, .. } => (*day, *version),
            Output::Broken(page) => panic!("broken: {page}"),
        }
    }

    #[test]
    fn a_preview_left_running_past_midnight_judges_the_new_day() {
        let state = state(None);
        rebuild(&state, true);
        let today = jiff::Zoned::now().date();
        assert_eq!(day_and_version(&state).0, today);
        // As if built yesterday: the next request rebuilds for today.
        if let Output::Site { day, .. } = &mut *state.output.write().unwrap() {
            *day = today.yesterday().unwrap();
        }
        judge_today(&state);
        assert_eq!(day_and_version(&state).0, today);
        // With --today, the day stays fixed.
        let fixed = jiff::civil::date(2026, 3, 1);
        let state = super::tests::state(Some(fixed));
        rebuild(&state, true);
        let before = day_and_version(&state);
        judge_today(&state);
        assert_eq!(day_and_version(&state), before);
        assert_eq!(before.0, fixed);
    }

    #[test]
    fn output_made_from_an_older_site_is_not_kept() {
        let state = state(Some(jiff::civil::date(2026, 3, 1)));
        rebuild(&state, true);
        let (_, made_from) = day_and_version(&state);
        // A save lands while the PDF is typeset.
        let changed = [state.opts.root.join("content/de/work.sq.md")];
        assert!(
            update(&state, &changed),
            "an edit of a sheet is incremental"
        );
        assert!(!keep(&state, "en/de/work/handout.pdf", b"old", made_from));
        let (_, now) = day_and_version(&state);
        assert!(keep(&state, "en/de/work/handout.pdf", b"new", now));
    }

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
